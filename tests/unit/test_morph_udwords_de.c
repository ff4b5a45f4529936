/* test_morph_udwords_de.c: the German tokens layer in UD (GSD) words
 * (src/ud_words_de.c): hyphenated compounds as parts and hyphens, truncated
 * words, runs of exclamation marks; and GSD's tagging conventions the model
 * learnt (adverbial adjectives ADJ, case of noun groups). */
#include "test.h"
#include "doc.h"
#include "ud_words.h"
#include "lagebild.h"
#include <string.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text)
{
    lb_input in = { .id = "t", .id_len = 1, .text = text, .text_len = strlen(text), .lang = "de", .lang_len = 2 };
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_MORPH), LB_OK);
}

/* The UD word at the k-th occurrence (from 0) of lit as a whole word; 0 if none. */
static int find_word(const char *lit, int k, lb_udw *out)
{
    size_t len = strlen(lit);
    lb_udw w[LB_UDW_MAX];
    for (size_t i = 0, next; i < doc->toks.len; i = next) {
        size_t n = lb_ud_words_de(doc, LB_MORPH(doc), i, w, &next);
        CHECK(next > i && n >= 1 && n <= LB_UDW_MAX);
        for (size_t j = 0; j < n; j++)
            if (w[j].end - w[j].start == len && !memcmp(doc->text + w[j].start, lit, len) && k-- == 0) {
                *out = w[j];
                return 1;
            }
    }
    return 0;
}

static int lemma_is(const lb_udw *w, const char *lit)
{
    return w->lemma && w->lemma_len == strlen(lit) && !memcmp(w->lemma, lit, w->lemma_len);
}

static void test_compounds(void)
{
    run("Die EU-Staaten und die SPD-Fraktion jubelten!!! Rohstoff- und Energiepreise steigen.");
    lb_udw w;
    CHECK(find_word("EU", 0, &w) && w.upos == LB_UPOS_PROPN && lemma_is(&w, "EU"));
    CHECK(find_word("-", 0, &w) && w.upos == LB_UPOS_PUNCT);
    CHECK(find_word("Staaten", 0, &w) && w.upos == LB_UPOS_NOUN && lemma_is(&w, "Staat"));
    CHECK(!find_word("EU-Staaten", 0, &w));
    CHECK(find_word("SPD", 0, &w) && w.upos == LB_UPOS_PROPN);
    CHECK(find_word("Fraktion", 0, &w) && w.upos == LB_UPOS_NOUN);
    CHECK(find_word("Rohstoff", 0, &w) && w.upos == LB_UPOS_NOUN && lemma_is(&w, "Rohstoff"));
    CHECK(find_word("-", 2, &w) && w.upos == LB_UPOS_PUNCT);     /* the hyphen of Rohstoff- */
    CHECK(find_word("!", 0, &w) && find_word("!", 2, &w) && !find_word("!", 3, &w));
    CHECK(!find_word("!!!", 0, &w));
}

static void test_conventions(void)
{
    run("Das Essen war gut und der Service kam schnell. Die Frau sieht den Mann.");
    lb_udw w;
    CHECK(find_word("gut", 0, &w) && w.upos == LB_UPOS_ADJ);     /* GSD: adverbial adjectives are ADJ */
    CHECK(find_word("schnell", 0, &w) && w.upos == LB_UPOS_ADJ);
    CHECK(find_word("Essen", 0, &w) && LB_FEAT_GET(w.feats, CASE) == LB_CASE_NOM);
    CHECK(find_word("Mann", 0, &w) && LB_FEAT_GET(w.feats, CASE) == LB_CASE_ACC);
}

static void test_json(void)
{
    const char *text = "Die Nato-Gipfel enden.";
    lb_input in = { .id = "j", .id_len = 1, .text = text, .text_len = strlen(text), .lang = "de", .lang_len = 2 };
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    const char *json;
    size_t len;
    CHECK_INT(lb_doc_json_with(&json, &len, doc, LB_JSON_TOKENS), LB_OK);
    CHECK(strstr(json, "\"start\":4,\"end\":8") != NULL);      /* Nato */
    CHECK(strstr(json, "\"start\":9,\"end\":15") != NULL);     /* Gipfel */
}

int main(void)
{
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR) != LB_OK) { fprintf(stderr, "%s\n", lb_ctx_errmsg(ctx)); return 1; }
    if (lb_doc_new(&doc, ctx) != LB_OK) return 1;
    test_compounds();
    test_conventions();
    test_json();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
