/* test_clean.c: unit tests of boilerplate removal and metadata extraction,
 * and of malformed rule files. */
#include "test.h"
#include "clean/clean.h"
#include "doc.h"
#include "ctx.h"
#include "text/text.h"
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

/* page furniture that HTML extraction leaves at an article's end: sharing
 * and rating prompts, an author box heading, teasers of other articles
 * under their heading, a comment form */
static void test_web_furniture(void)
{
    run("Erster Absatz des Artikels. Er hat zwei Sätze.\n\nTeilen mit:\n\nZweiter Absatz des Artikels.\n\n"
        "War der Artikel nützlich?\n\nÜber den Autor\n\nDas könnte Dich auch interessieren …\n\n"
        "Ein anderer Artikel über etwas anderes.\n\nNoch ein anderer Artikel.\n", NULL);
    CHECK_INT(in_body("Erster Absatz"), 1);
    CHECK_INT(in_body("Zweiter Absatz"), 1);
    CHECK_INT(in_body("Teilen mit:"), 0);
    CHECK_INT(in_body("War der Artikel"), 0);
    CHECK_INT(in_body("Über den Autor"), 0);
    CHECK_INT(in_body("Ein anderer Artikel"), 0);   /* cut after the teaser heading */
    CHECK_INT(in_body("Noch ein anderer"), 0);
    run("The first paragraph of the post.\n\nThis entry was posted in News on May 2 by jane.\n\n"
        "Your email address will not be published. Required fields are marked\n\nGreat post!\n", NULL);
    CHECK_INT(in_body("The first paragraph"), 1);
    CHECK_INT(in_body("This entry was posted"), 0);
    CHECK_INT(in_body("Your email address"), 0);
    CHECK_INT(in_body("Great post"), 0);
    /* the same words inside a sentence are text */
    run("Teilen mit: so heißt die Funktion, mit der man Beiträge weitergibt, sagte sie.\n\nZweiter Absatz.\n", NULL);
    CHECK_INT(in_body("Teilen mit: so"), 1);
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
    const lb_wordset *m = &doc->ctx->text->months;
#define PD(in, want) do { CHECK_INT(lb_pubdate(out, in, strlen(in), m), 0); CHECK_STR(out, want); } while (0)
#define BAD(in) CHECK_INT(lb_pubdate(out, in, strlen(in), m), -1)
    PD("15.06.2022, 10:04", "2022-06-15");
    PD("2022-09", "2022-09");
    PD("2024-05-16T09:00:00Z", "2024-05-16");
    PD("1.2.99", "2099-02-01");
    PD("25.03.2021", "2021-03-25");
    PD("25. März 2021", "2021-03-25");
    PD("25 March 2021", "2021-03-25");
    PD("March 25, 2021", "2021-03-25");
    PD("Thu, 25 Mar 2021 10:00:00 +0000", "2021-03-25");   /* RFC 2822 / RSS */
    PD("Donnerstag, 25. März 2021", "2021-03-25");
    PD("2021/03/25", "2021-03-25");
    PD("2021-03-5", "2021-03-05");                         /* unpadded day */
    PD("2021-3-5 08:15", "2021-03-05");
    PD("März 2021", "2021-03");
    PD("Stand: 2024-02-29", "2024-02-29");                 /* a leap day */
    BAD("32.01.2020");
    BAD("2021-02-29");                                     /* no leap day in 2021 */
    BAD("2020-13");
    BAD("heute");
    BAD("25/03/2021");                                     /* day or month first? not guessed */
    BAD("");
#undef PD
#undef BAD
}

/* A publication date in the input is normalised; one that cannot be read is
 * a warning and the document keeps no date. */
static void test_input_date(void)
{
    static const char *text = "Erste Zeile des Artikels ist lang genug.\nDer Minister sprach.\n";
    lb_input in;
    memset(&in, 0, sizeof in);
    in.id = "d"; in.id_len = 1;
    in.text = text; in.text_len = strlen(text);
    in.date = "Thu, 25 Mar 2021 10:00:00 +0000"; in.date_len = strlen(in.date);
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    CHECK_STR(lb_doc_meta(doc, "date"), "2021-03-25");
    CHECK(lb_doc_warning(doc) == NULL);
    in.date = "gestern"; in.date_len = 7;
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    CHECK(lb_doc_meta(doc, "date") == NULL);
    CHECK(lb_doc_warning(doc) && strstr(lb_doc_warning(doc), "'gestern'"));
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
    test_web_furniture();
    test_plain_text_untouched();
    test_no_false_positives();
    test_iso_date();
    test_input_date();
    test_malformed_rules();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
