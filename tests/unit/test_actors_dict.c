/* test_actors_dict.c: user dictionaries (lb_ctx_add_dict): a valid file adds
 * names and persons that override the built-in ones; malformed files fail
 * with LB_EDATA and a message naming file, line and problem. */
#include "test.h"
#include "lagebild.h"
#include "doc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[64];

static void write_file(const char *content)
{
    strcpy(path, "/tmp/lb_test_dict_XXXXXX");
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(content, f);
    fclose(f);
}

/* Adding content fails with LB_EDATA and a message holding ":line:" and what. */
static void bad(const char *content, int line, const char *what)
{
    lb_ctx *ctx = NULL;
    CHECK_INT(lb_ctx_new(&ctx, LB_TEST_DATA_DIR), LB_OK);
    write_file(content);
    CHECK_INT(lb_ctx_add_dict(ctx, path), LB_EDATA);
    char want[96];
    snprintf(want, sizeof want, "%s:%d: ", path, line);
    const char *msg = lb_ctx_errmsg(ctx);
    if (!strstr(msg, want) || !strstr(msg, what)) fprintf(stderr, "message: %s\n", msg);
    CHECK(strstr(msg, want) != NULL);
    CHECK(strstr(msg, what) != NULL);
    unlink(path);
    lb_ctx_free(ctx);
}

/* The text's first person mention (type PER), "" when none. */
static void first_person(lb_ctx *ctx, const char *text, char *out, size_t cap)
{
    lb_doc *doc = NULL;
    out[0] = '\0';
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);
    lb_input in = { .id = "p", .id_len = 1, .text = text, .text_len = strlen(text), .origin = "test" };
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    for (size_t k = 0; k < doc->mentions.len; k++) {
        const lb_mention *m = &LB_MENTIONS(doc)[k];
        if (m->type != LB_MEN_PER) continue;
        snprintf(out, cap, "%.*s", (int)(m->end - m->start), doc->text + m->start);
        break;
    }
    lb_doc_free(doc);
}

/* Name particles come from the fword records (data/actors/function-words.tsv):
 * von joins a first name and a surname; zur does only once a user dictionary
 * names it a particle. */
static void test_fword_particle(void)
{
    lb_ctx *ctx = NULL;
    char got[128];
    CHECK_INT(lb_ctx_new(&ctx, LB_TEST_DATA_DIR), LB_OK);
    first_person(ctx, "Gestern sprach Wilhelm von Nesselrode in Bonn.", got, sizeof got);
    CHECK_STR(got, "Wilhelm von Nesselrode");
    first_person(ctx, "Gestern sprach Wilhelm zur Nesselrode in Bonn.", got, sizeof got);
    CHECK(strcmp(got, "Wilhelm zur Nesselrode") != 0);
    write_file("fword\tzur\tparticle\n");
    CHECK_INT(lb_ctx_add_dict(ctx, path), LB_OK);
    unlink(path);
    first_person(ctx, "Gestern sprach Wilhelm zur Nesselrode in Bonn.", got, sizeof got);
    CHECK_STR(got, "Wilhelm zur Nesselrode");
    lb_ctx_free(ctx);
}

int main(void)
{
    bad("# comment\nname\tFoo\tXYZ\t-\tLOC\n", 2, "needs 5 fields");
    bad("name\tFoo\tXYZ\t-\tPLACE\tname\n", 1, "type 'PLACE'");
    bad("name\tFoo\tXYZ\t-\tLOC\tname\n\nname\tBar\txyz\t-\tLOC\tname\n", 3, "actor code 'xyz'");
    bad("name\tFoo\tXYZ\tGOVT\tLOC\tname\n", 1, "sector 'GOVT'");
    bad("name\tFoo\tXYZ\t-\tLOC\tname\tshout\n", 1, "unknown flag 'shout'");
    bad("role\tNiemand Bekannt\tDEU\tGOV\t2020-01-01\t-\n", 1, "unknown person");
    bad("person\tErika Muster\tDEU\tX12\t-\n", 1, "Wikidata id");
    bad("person\tErika Muster\tDEU\t-\t-\nrole\tErika Muster\tDEU\tGOV\t2020-13-01\t-\n", 2, "FROM date");
    bad("person\tErika Muster\tDEU\t-\t-\nrole\tErika Muster\tDEU\tGOV\t2021\t2020\n", 2, "ends");
    bad("frobnicate\tx\n", 1, "unknown record kind");
    bad("first\tAnna Lena\n", 1, "one word");
    bad("fword\tvon\n", 1, "needs 2 fields");
    bad("fword\tvon\tparticle,noble\n", 1, "unknown fword role 'noble'");
    bad("fword\tvon der\tparticle\n", 1, "one word");
    test_fword_particle();

    lb_ctx *ctx = NULL;
    CHECK_INT(lb_ctx_new(&ctx, LB_TEST_DATA_DIR), LB_OK);
    CHECK_INT(lb_ctx_add_dict(ctx, "/nonexistent/dict.tsv"), LB_EIO);
    CHECK(strstr(lb_ctx_errmsg(ctx), "/nonexistent/dict.tsv") != NULL);

    write_file("# a user dictionary\n"
               "name\tAmt für Probeläufe\tDEU\tGOV\tORG\tname\t-\tAmt für Probeläufe\n"
               "person\tErika Muster\tDEU\tQ42\tMuster\n"
               "role\tErika Muster\tDEU\tGOV\t2020-01-01\t2022-12-31\tminister\n"
               "role\tErika Muster\tEUR\tGOV\t2023-01-01\t-\tcommissioner\n");
    CHECK_INT(lb_ctx_add_dict(ctx, path), LB_OK);
    unlink(path);
    lb_doc *doc = NULL;
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);
    const char *text = "Das Amt für Probeläufe lud ein. Muster sprach.";
    lb_input in = { .id = "d", .id_len = 1, .text = text, .text_len = strlen(text),
                    .date = "2024-02-02", .date_len = 10, .origin = "test" };
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    CHECK_INT(doc->mentions.len, 2);
    if (doc->mentions.len == 2) {
        const lb_mention *m = LB_MENTIONS(doc);
        CHECK_SPAN(doc->text, m[0].start, m[0].end, "Amt für Probeläufe");
        CHECK_STR(m[0].actor.code, "DEU");
        CHECK_STR(m[0].actor.sector, "GOV");
        CHECK_SPAN(doc->text, m[1].start, m[1].end, "Muster");
        CHECK_STR(m[1].actor.code, "EUR");
        CHECK_STR(m[1].actor.name, "Erika Muster");
        CHECK_STR(m[1].actor.id, "Q42");
    }
    char *out = NULL;
    CHECK_INT(lb_actors_lookup(&out, ctx, "Erika Muster", 12, "2021-06-01"), LB_OK);
    CHECK(out && strstr(out, "DEU/GOV") && strstr(out, "<- on this date"));
    free(out);
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
