/* test_clean.c: unit tests of boilerplate removal and metadata extraction,
 * and of malformed rule files. */
#include "test.h"
#include "clean/clean.h"
#include "doc.h"
#include "lagebild.h"
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text, const char *date)
{
    lb_input in = { .id = "c", .id_len = 1, .text = text, .text_len = strlen(text) };
    if (date) { in.date = date; in.date_len = strlen(date); }
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_CLEAN), LB_OK);
}

/* Is the line containing needle inside the body? */
static int in_body(const char *needle)
{
    const char *p = strstr(doc->text, needle);
    if (!p) return -1;
    size_t s = (size_t)(p - doc->text), e = s + strlen(needle);
    for (size_t i = 0; i < doc->body.len; i++)
        if (LB_BODY(doc)[i].start <= s && e <= LB_BODY(doc)[i].end) return 1;
    return 0;
}

static void test_scraped_german(void)
{
    run("1. Startseite\n  2. Politik\n\nGroße Überschrift: Wandel in Europa\n\nErstellt: 15.06.2022, 10:04 Uhr\n\n"
        "Von: Erika Mustermann\n\nKommentare\n\nErster Absatz mit Inhalt. Noch ein Satz.\n\n"
        "Eine Bildunterschrift über ein Treffen. (Archivfoto) © Max Muster/dpa\n\n"
        "Das Wichtigste aus der Politik – jetzt kostenlos anmelden.\n\nLetzter Absatz.\n\nAuch interessant\n\nKommentare\n", NULL);
    CHECK_INT(in_body("1. Startseite"), 0);
    CHECK_INT(in_body("2. Politik"), 0);
    CHECK_INT(in_body("Große Überschrift"), 1);
    CHECK_INT(in_body("Erstellt:"), 0);
    CHECK_INT(in_body("Von: Erika"), 0);
    CHECK_INT(in_body("Erster Absatz"), 1);
    CHECK_INT(in_body("Eine Bildunterschrift"), 0);
    CHECK_INT(in_body("kostenlos anmelden"), 0);
    CHECK_INT(in_body("Letzter Absatz"), 1);
    CHECK_INT(in_body("Auch interessant"), 0);
    CHECK_STR(lb_doc_meta(doc, "title"), "Große Überschrift: Wandel in Europa");
    CHECK_STR(lb_doc_meta(doc, "author"), "Erika Mustermann");
    CHECK_STR(lb_doc_meta(doc, "date"), "2022-06-15");
}

static void test_prefix_and_tail(void)
{
    run(" date 2022-09 example.com: Der erste Satz steht hier.\n\nZweiter Absatz.\n\nsource site-7\n\nLeave a Reply\nName\nE-Mail\n", NULL);
    CHECK_STR(lb_doc_meta(doc, "date"), "2022-09");
    CHECK_STR(lb_doc_meta(doc, "source"), "example.com");
    CHECK(lb_doc_meta(doc, "title") == NULL);
    CHECK_INT(in_body("Der erste Satz"), 1);
    CHECK_INT(in_body("source site-7"), 0);
    CHECK_INT(in_body("Leave a Reply"), 0);
    CHECK_INT(in_body("E-Mail"), 0);          /* cut: everything after the comment prompt */
    CHECK_INT(doc->body.len, 1);
}

static void test_plain_text_untouched(void)
{
    run("A short English report. It has two sentences.", "2021-05-04");
    CHECK_INT(doc->body.len, 1);
    CHECK_INT(LB_BODY(doc)[0].start, 0);
    CHECK_INT(LB_BODY(doc)[0].end, strlen(doc->text));
    CHECK_STR(lb_doc_meta(doc, "date"), "2021-05-04");    /* echoed from the input */
    CHECK(lb_doc_meta(doc, "author") == NULL);
    run("", NULL);
    CHECK_INT(doc->body.len, 0);
}

static void test_no_false_positives(void)
{
    /* words that start like boilerplate but are article text */
    run("Erste Zeile des Artikels ist lang genug.\nVon den Grünen kam Kritik\nStandhaft bleiben\n"
        "Der Minister sprach mit Journalisten. Die Lage sei ernst, sagte er. (dpa)\n(dpa)\n", NULL);
    CHECK_INT(in_body("Von den Grünen"), 1);
    CHECK_INT(in_body("Standhaft bleiben"), 1);
    CHECK_INT(in_body("Die Lage sei ernst, sagte er. (dpa)"), 1);  /* a credit at a paragraph's end */
    CHECK(lb_doc_meta(doc, "author") == NULL);
    CHECK_INT(doc->body.len, 1);                                  /* the lone "(dpa)" is dropped */
}

static void test_iso_date(void)
{
    char out[16];
    CHECK_INT(lb_clean_iso_date(out, "15.06.2022, 10:04", 17), 0); CHECK_STR(out, "2022-06-15");
    CHECK_INT(lb_clean_iso_date(out, "2022-09", 7), 0); CHECK_STR(out, "2022-09");
    CHECK_INT(lb_clean_iso_date(out, "2024-05-16T09:00:00Z", 20), 0); CHECK_STR(out, "2024-05-16");
    CHECK_INT(lb_clean_iso_date(out, "1.2.99", 6), 0); CHECK_STR(out, "2099-02-01");
    CHECK_INT(lb_clean_iso_date(out, "32.01.2020", 10), -1);
    CHECK_INT(lb_clean_iso_date(out, "heute", 5), -1);
}

static void write_rules(const char *dir, const char *content)
{
    char path[512];
    snprintf(path, sizeof path, "%s/clean/x.rules", dir);
    FILE *f = fopen(path, "w");
    fputs(content, f);
    fclose(f);
}

static void test_malformed_rules(void)
{
    char dir[] = "/tmp/lb_test_rulesXXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp -r '%s'/. '%s'/", LB_TEST_DATA_DIR, dir);
    CHECK_INT(system(cmd), 0);
    struct { const char *rules, *expect; } cases[] = {
        { "drop\tany\t^ok$\nfrob\tany\t^x$\n", "x.rules:2: unknown action 'frob'" },
        { "drop\teverywhere\t^x$\n", "x.rules:1: unknown scope" },
        { "drop\tany\t^(unclosed$\n", "x.rules:1: bad regular expression" },
        { "meta\thead\t^x (y)$\tauthor=3\n", "x.rules:1: capture group 3 does not exist" },
        { "drop\tany\n", "x.rules:1: expected ACTION" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_rules(dir, cases[i].rules);
        lb_ctx *c = NULL;
        CHECK_INT(lb_ctx_new(&c, dir), LB_EDATA);
        if (!strstr(lb_ctx_errmsg(c), cases[i].expect)) {
            fprintf(stderr, "case %zu: got '%s'\n", i, lb_ctx_errmsg(c));
            CHECK(0);
        }
        lb_ctx_free(c);
    }
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK_INT(system(cmd), 0);
    lb_ctx *c = NULL;
    CHECK_INT(lb_ctx_new(&c, "/nonexistent-lagebild-data"), LB_EIO);
    CHECK(strstr(lb_ctx_errmsg(c), "not found") != NULL);
    lb_ctx_free(c);
}

int main(void)
{
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR)) { fprintf(stderr, "ctx: %s\n", lb_ctx_errmsg(ctx)); return 1; }
    lb_doc_new(&doc, ctx);
    test_scraped_german();
    test_prefix_and_tail();
    test_plain_text_untouched();
    test_no_false_positives();
    test_iso_date();
    test_malformed_rules();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
