/* test_ctx_lookup.c: a lookup context (lb_ctx_new_lookup, made without the
 * tagger's models, for resolving actor names in queries) resolves names
 * exactly as a full context does, and really goes without the models. */
#include "test.h"
#include "ctx.h"
#include "lagebild.h"
#include <stdlib.h>
#include <string.h>

int main(void)
{
    lb_ctx *full = NULL, *lite = NULL;
    CHECK_INT(lb_ctx_new(&full, LB_TEST_DATA_DIR), LB_OK);
    CHECK_INT(lb_ctx_new_lookup(&lite, LB_TEST_DATA_DIR), LB_OK);
    static const char *const names[] = {
        "Deutschland", "Germany", "Merkel", "Angela Merkel", "Frankreich", "Bundesregierung", "Emmanuel Macron",
        "Washington", "Vereinte Nationen", "NATO", "Xi Jinping", "the United States", "Russland", "Kreml",
        "Bundeskanzler Scholz", "Weißes Haus", "EU",
    };
    int resolved = 0;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char *a = NULL, *b = NULL;
        CHECK_INT(lb_actors_lookup(&a, full, names[i], strlen(names[i]), NULL), LB_OK);
        CHECK_INT(lb_actors_lookup(&b, lite, names[i], strlen(names[i]), "2021-06-01"), LB_OK);
        free(b); b = NULL;
        CHECK_INT(lb_actors_lookup(&b, lite, names[i], strlen(names[i]), NULL), LB_OK);
        if (a && b && strcmp(a, b)) fprintf(stderr, "%s:\n full: %s\n lookup: %s\n", names[i], a, b);
        CHECK(a && b && !strcmp(a, b));
        resolved += a && *a;
        free(a); free(b);
    }
    CHECK(resolved >= 14);   /* the names are known: the comparison is not of empty answers */
    /* the lookup context has no tagger: a sentence gets no part-of-speech tags */
    lb_doc *d1 = NULL, *d2 = NULL;
    CHECK_INT(lb_doc_new(&d1, full), LB_OK);
    CHECK_INT(lb_doc_new(&d2, lite), LB_OK);
    const char *t = "Die Regierung hat am Montag neue Gespräche mit Frankreich angekündigt.";
    lb_input in = { .id = "x", .id_len = 1, .text = t, .text_len = strlen(t), .origin = "test" };
    CHECK_INT(lb_doc_annotate(d1, &in), LB_OK);
    CHECK_INT(lb_doc_annotate(d2, &in), LB_OK);
    const char *j1 = NULL, *j2 = NULL;
    size_t n1 = 0, n2 = 0;
    CHECK_INT(lb_doc_json_with(&j1, &n1, d1, LB_JSON_TOKENS), LB_OK);
    char *copy = j1 ? strndup(j1, n1) : NULL;
    CHECK_INT(lb_doc_json_with(&j2, &n2, d2, LB_JSON_TOKENS), LB_OK);
    CHECK(copy && j2 && (n1 != n2 || memcmp(copy, j2, n1) != 0));
    free(copy);
    lb_doc_free(d1);
    lb_doc_free(d2);
    lb_ctx_free(full);
    lb_ctx_free(lite);
    return TEST_END();
}
