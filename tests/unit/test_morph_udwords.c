/* test_morph_udwords.c: the English tokens layer in UD words (src/ud_words.c):
 * joined e-mail addresses, file names, dates, emoticons, newsgroup names;
 * split hyphen words. */
#include "test.h"
#include "doc.h"
#include "ud_words.h"
#include "lagebild.h"
#include "morph/udwlist.h"
#include <string.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text)
{
    lb_input in = { .id = "t", .id_len = 1, .text = text, .text_len = strlen(text), .lang = "en", .lang_len = 2 };
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_MORPH), LB_OK);
}

/* The UD word starting at the first occurrence of lit; 0 if no word spans it exactly. */
static int find_word(const char *lit, lb_udw *out)
{
    const char *p = strstr(doc->text, lit);
    if (!p) return 0;
    uint32_t start = (uint32_t)(p - doc->text), end = start + (uint32_t)strlen(lit);
    lb_udw w[LB_UDW_MAX];
    for (size_t i = 0, next; i < doc->toks.len; i = next) {
        size_t n = lb_ud_words(doc, LB_MORPH(doc), i, w, &next);
        CHECK(next > i && n >= 1 && n <= LB_UDW_MAX);
        for (size_t k = 0; k < n; k++)
            if (w[k].start == start && w[k].end == end) { *out = w[k]; return 1; }
    }
    return 0;
}

static void test_joins(void)
{
    run("Mail jane.doe@example.com or read report.pdf :-) on 08/16/2000 at 5:30 << now >>.");
    lb_udw w;
    CHECK(find_word("jane.doe@example.com", &w) && w.upos == LB_UPOS_PROPN);
    CHECK(find_word("report.pdf", &w) && w.upos == LB_UPOS_NOUN && w.lower);
    CHECK(find_word(":-)", &w) && w.upos == LB_UPOS_SYM);
    CHECK(find_word("08/16/2000", &w) && w.upos == LB_UPOS_NUM);
    CHECK(find_word("5:30", &w) && w.upos == LB_UPOS_NUM);
    CHECK(find_word("<<", &w) && w.upos == LB_UPOS_PUNCT);
    CHECK(!find_word(">>.", &w));
    run("Post it to alt.animals.dogs.collies or see e.g. the FAQ.");
    CHECK(find_word("alt.animals.dogs.collies", &w) && w.upos == LB_UPOS_NOUN);   /* newsgroups */
    CHECK(!find_word("e.g. the", &w));
}

static void test_hyphens(void)
{
    run("A 15-year-old boy met the vice-president, a non-profit group and called 713-853-3989.");
    lb_udw w;
    CHECK(find_word("15", &w) && w.upos == LB_UPOS_NUM);
    CHECK(find_word("-", &w) && w.upos == LB_UPOS_PUNCT && w.lemma_len == 1);
    CHECK(find_word("year", &w));
    CHECK(find_word("vice", &w) && find_word("president", &w));
    CHECK(find_word("non-profit", &w) && !find_word("profit", &w));
    CHECK(find_word("713-853-3989", &w));
}

static void test_json_lemmas(void)
{
    const char *text = "They paid 1,100,000 dollars for Report.PDF today.";
    lb_input in = { .id = "j", .id_len = 1, .text = text, .text_len = strlen(text), .lang = "en", .lang_len = 2 };
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    const char *json;
    size_t len;
    CHECK_INT(lb_doc_json_with(&json, &len, doc, LB_JSON_TOKENS), LB_OK);
    CHECK(strstr(json, "\"lemma\":\"1100000\"") != NULL);
    CHECK(strstr(json, "\"lemma\":\"report.pdf\"") != NULL);
}

/* An abbreviation at the end of a sentence gives its period to the sentence. */
static void test_final_abbrev(void)
{
    run("Mr. Smith sold apples, pears, etc. He left.");
    lb_udw w;
    CHECK(find_word("Mr.", &w));
    CHECK(find_word("etc", &w) && !find_word("etc.", &w));
    run("It cost $5m and a 375mm pipe, not 2nd or 3day.");
    CHECK(find_word("5", &w) && w.upos == LB_UPOS_NUM);
    CHECK(find_word("m", &w) && w.upos == LB_UPOS_NUM && w.lemma_len == 7 && !memcmp(w.lemma, "million", 7));
    CHECK(find_word("mm", &w) && w.upos == LB_UPOS_NOUN);
    CHECK(find_word("2nd", &w) && find_word("3day", &w));     /* no unit: one word */
}

/* The word lists' loader: records, and file:line errors for malformed lines. */
static void test_udwlist(void)
{
    char err[256];
    lb_udwlist *l;
    const char *ok = "# comment\nP\tnon\n\nE\tpdf\tNOUN\r\nE\tcom\tPROPN\nU\tk\tNUM\tthousand\nU\tmm\tNOUN\t-\n";
    CHECK_INT(lb_udwlist_parse(&l, ok, strlen(ok), "t.udwords", err, sizeof err), LB_OK);
    CHECK(lb_udwlist_prefix(l, "Non", 3) && !lb_udwlist_prefix(l, "no", 2));
    CHECK_INT(lb_udwlist_ext(l, "PDF", 3), LB_UPOS_NOUN);
    CHECK_INT(lb_udwlist_ext(l, "com", 3), LB_UPOS_PROPN);
    CHECK_INT(lb_udwlist_ext(l, "exe", 3), 0);
    const char *lemma = "";
    CHECK(lb_udwlist_unit(l, "K", 1, &lemma) == LB_UPOS_NUM && lemma && !strcmp(lemma, "thousand"));
    CHECK(lb_udwlist_unit(l, "mm", 2, &lemma) == LB_UPOS_NOUN && lemma == NULL);
    CHECK_INT(lb_udwlist_unit(l, "km", 2, &lemma), 0);
    lb_udwlist_free(l);
    const char *bad[] = { "P\tnon\nX\tfoo\n", "P\tno n\n", "E\tpdf\tVERB\n", "E\tpdf\n", "P\tnon\tNOUN\n",
                          "P\tabcdefghijklmnopq\n", "P\t\n", "U\tk\tNUM\n", "U\tk\tADJ\tx\n", "U\tk\tNUM\tThousand\n" };
    const char *where[] = { "t.udwords:2:", "t.udwords:1:", "t.udwords:1:", "t.udwords:1:", "t.udwords:1:",
                            "t.udwords:1:", "t.udwords:1:", "t.udwords:1:", "t.udwords:1:", "t.udwords:1:" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        CHECK_INT(lb_udwlist_parse(&l, bad[i], strlen(bad[i]), "t.udwords", err, sizeof err), LB_EDATA);
        CHECK(l == NULL && strstr(err, where[i]) == err);
    }
    CHECK_INT(lb_udwlist_load(&l, "/nonexistent/en.udwords", err, sizeof err), LB_EIO);
}

int main(void)
{
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR) != LB_OK) { fprintf(stderr, "%s\n", lb_ctx_errmsg(ctx)); return 1; }
    if (lb_doc_new(&doc, ctx) != LB_OK) return 1;
    test_joins();
    test_hyphens();
    test_json_lemmas();
    test_udwlist();
    test_final_abbrev();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
