/* test_html.c: unit tests of the html stage: main text without navigation,
 * sidebars, comments and scripts; paragraphs kept; metadata from meta tags,
 * JSON-LD, <title> and bylines; dates normalised; broken markup survives;
 * an HTML document through the pipeline has the extract as its text. */
#include "test.h"
#include "html/html.h"
#include "lagebild.h"
#include "core/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static struct lb_html_rules *rules;

static const char page[] =
    "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Council passes budget | The Daily Example</title>"
    "<meta property=\"og:site_name\" content=\"The Daily Example\">"
    "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Council passes budget\","
    "\"datePublished\":\"2023-03-21T09:30:00+01:00\",\"author\":[{\"@type\":\"Person\",\"name\":\"Jane Roe\"},"
    "{\"@type\":\"Person\",\"name\":\"John Doe\"}]}</script>"
    "<style>p { color: red }</style></head><body>"
    "<nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li></ul></nav>"
    "<div id=\"main\"><article class=\"story\"><h1>Council passes budget</h1>"
    "<p>The city council passed the budget for next year on Tuesday, after a long debate, a council spokesman said.</p>"
    "<p>The opposition criticised the spending on roads and asked for more money for schools, libraries and parks.</p>"
    "<p>Broken &amp; entities &eacute;t&eacute; <b>bold</b> <i>words</i> stay in one line.<br>A second line follows, with a comma.</p>"
    "<script>var ad = 'Buy now';</script>"
    "</article>"
    "<div class=\"comments\"><p>Great article, thanks for writing it, I agree with every word of it!</p></div>"
    "<aside class=\"sidebar\"><h3>Most read</h3><p>Another story about something else that happened, with details.</p></aside>"
    "</div><footer>Copyright The Daily Example, all rights reserved.</footer></body></html>";

static void test_main_text(void)
{
    lb_arena a;
    lb_arena_init(&a);
    lb_html_page p;
    CHECK_INT(lb_html_extract(&p, rules, page, sizeof page - 1, "https://example.com/2023/03/20/budget", &a), LB_OK);
    CHECK(p.text && strstr(p.text, "The city council passed the budget") == p.text);
    CHECK(strstr(p.text, "parks.\n\nBroken & entities été bold words stay in one line.\nA second line") != NULL);
    CHECK(strstr(p.text, "Home") == NULL);            /* navigation */
    CHECK(strstr(p.text, "Great article") == NULL);   /* comments */
    CHECK(strstr(p.text, "Most read") == NULL);       /* sidebar */
    CHECK(strstr(p.text, "Copyright") == NULL);       /* footer */
    CHECK(strstr(p.text, "Buy now") == NULL);         /* script */
    CHECK(strstr(p.text, "color") == NULL);           /* style */
    CHECK(strchr(p.text, '<') == NULL);
    CHECK_INT(p.text_len, strlen(p.text));
    CHECK_STR(p.title, "Council passes budget");
    CHECK_STR(p.date, "2023-03-21");                  /* JSON-LD beats the URL */
    CHECK_STR(p.author, "Jane Roe; John Doe");
    CHECK_STR(p.site, "The Daily Example");
    CHECK_STR(p.lang, "en");
    CHECK_STR(p.url, "https://example.com/2023/03/20/budget");
    lb_arena_fini(&a);
}

static void test_fallbacks(void)
{
    /* no metadata at all: <title> without its site part, date from the
     * dateline, author from the byline; the page is a bare div soup */
    static const char soup[] =
        "<html><head><title>Hafen meldet Rekord - Kieler Blatt</title></head><body><div class=\"wrap\">"
        "<div class=\"byline\">Von Erika Mustermann</div><div class=\"date\">Kiel, 2. M\xc3\xa4rz 2021</div>"
        "<div class=\"text\">Der Hafen hat so viele Container umgeschlagen wie nie zuvor, hie\xc3\x9f es am Montag. "
        "Vor allem der Handel mit Asien habe zugenommen.<p>Ein zweiter Absatz mit weiteren Zahlen, Fakten und Stimmen.</div>"
        "<ul class=\"links\"><li><a href=\"/a\">Mehr aus Kiel</a></li><li><a href=\"/b\">Mehr aus Sport und Kultur</a></li></ul>";
    lb_arena a;
    lb_arena_init(&a);
    lb_html_page p;
    CHECK_INT(lb_html_extract(&p, rules, soup, sizeof soup - 1, NULL, &a), LB_OK);
    CHECK(strstr(p.text, "Der Hafen hat so viele") != NULL);
    CHECK(strstr(p.text, "zugenommen.\n\nEin zweiter Absatz") != NULL);
    CHECK(strstr(p.text, "Mehr aus") == NULL);
    CHECK_STR(p.title, "Hafen meldet Rekord");
    CHECK_STR(p.date, "2021-03-02");
    CHECK_STR(p.author, "Erika Mustermann");
    /* empty, binary and tag-only pages give empty text, never a crash */
    static const char *const odd[] = { "", "<", "<<<>>>", "\x00\x01\x02", "<html><body></body></html>", "<p>short</p>",
                                       "<script>only()</script>", "<table><tr><td><div><span>" };
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
        CHECK_INT(lb_html_extract(&p, rules, odd[i], strlen(odd[i]), NULL, &a), LB_OK);
        CHECK(p.text != NULL && strlen(p.text) == p.text_len);
    }
    lb_arena_fini(&a);
}

static void test_dates(void)
{
    char d[11];
    CHECK(lb_html_date(d, "2019-08-02T10:00:00+02:00", 25)); CHECK_STR(d, "2019-08-02");
    CHECK(lb_html_date(d, "2019/8/2", 8)); CHECK_STR(d, "2019-08-02");
    CHECK(lb_html_date(d, "20190802", 8)); CHECK_STR(d, "2019-08-02");
    CHECK(lb_html_date(d, "02.08.2019 10:00", 16)); CHECK_STR(d, "2019-08-02");
    CHECK(lb_html_date(d, "https://x.de/2019/08/02/titel", 29)); CHECK_STR(d, "2019-08-02");
    CHECK(!lb_html_date(d, "2019-13-02", 10));
    CHECK(!lb_html_date(d, "1850-01-01", 10));
    CHECK(!lb_html_date(d, "heute", 5));
    CHECK(!lb_html_date(d, "https://x.de/2019/08/titel", 26));
}

static void test_pipeline(void)
{
    lb_ctx *ctx = NULL;
    CHECK_INT(lb_ctx_new(&ctx, LB_TEST_DATA_DIR), LB_OK);
    lb_doc *doc = NULL;
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);
    lb_input in = { .id = "p", .id_len = 1, .text = page, .text_len = sizeof page - 1, .is_html = 1 };
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    const char *t;
    size_t n;
    lb_doc_text(doc, &t, &n);
    CHECK(n > 100 && !memcmp(t, "The city council", 16));
    CHECK(lb_doc_sentence_count(doc) >= 3);
    CHECK_STR(lb_doc_meta(doc, "title"), "Council passes budget");
    CHECK_STR(lb_doc_meta(doc, "author"), "Jane Roe; John Doe");
    const char *json;
    size_t len;
    CHECK_INT(lb_doc_json(&json, &len, doc), LB_OK);
    CHECK(strstr(json, "\"text\":\"The city council") != NULL);
    /* the same page as plain text input carries no "text" field */
    in.is_html = 0;
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    CHECK_INT(lb_doc_json(&json, &len, doc), LB_OK);
    CHECK(strstr(json, "\"text\":") == NULL);
    lb_doc_free(doc);
    lb_ctx_free(ctx);
}

/* A page with an article of three paragraphs; head and byline parts vary. */
static const char *article_page(lb_arena *a, const char *head, const char *before, const char *after)
{
    static const char body[] =
        "<p>Der Stadtrat hat am Dienstag den Haushalt beschlossen, nach einer langen Debatte, wie ein Sprecher sagte.</p>"
        "<p>Die Opposition kritisierte die Ausgaben f\xc3\xbcr Stra\xc3\x9f" "en und forderte mehr Geld f\xc3\xbcr Schulen, "
        "B\xc3\xbc" "chereien und Parks.</p><p>Ein dritter Absatz mit weiteren Einzelheiten, Zahlen und Stimmen aus der Stadt.</p>";
    size_t n = strlen(head) + strlen(before) + strlen(body) + strlen(after) + 200;
    char *s = lb_arena_alloc(a, n);
    snprintf(s, n, "<html><head>%s</head><body><div class=\"wrap\"><article><h1>Haushalt beschlossen</h1>%s"
                   "<div class=\"text\">%s</div>%s</article></div></body></html>", head, before, body, after);
    return s;
}

static const char *author_of(lb_arena *a, const char *head, const char *before, const char *after, const char *url)
{
    const char *s = article_page(a, head, before, after);
    lb_html_page p;
    CHECK_INT(lb_html_extract(&p, rules, s, strlen(s), url, a), LB_OK);
    return p.author ? p.author : "(none)";
}

static void test_authors(void)
{
    lb_arena a;
    lb_arena_init(&a);
    /* a byline in running text, without a marked element */
    CHECK_STR(author_of(&a, "", "<p>Von Erika Mustermann</p>", "", NULL), "Erika Mustermann");
    CHECK_STR(author_of(&a, "", "<p><strong>Autor:</strong> Max Muster</p>", "", NULL), "Max Muster");
    /* a label whose next sibling holds the name */
    CHECK_STR(author_of(&a, "", "<div><h5>Autor:</h5>Peter Maahn</div>", "", NULL), "Peter Maahn");
    /* the tag says byline */
    CHECK_STR(author_of(&a, "", "<address><a href=\"/team/tim\">Tim Anderson</a></address>", "", NULL), "Tim Anderson");
    /* a date after the name ends it; the byline's parts are searched too */
    CHECK_STR(author_of(&a, "", "<div class=\"wrap-byline\"><span class=\"byline\">By <a href=\"/w/e\">Emily Burack</a></span>"
                                "<span class=\"date\">8 January 2020, 3:51 pm</span></div>", "", NULL), "Emily Burack");
    CHECK_STR(author_of(&a, "", "<div class=\"byline\">Alex Bozarjian Thursday, May 7</div>", "", NULL), "Alex Bozarjian");
    /* the name after "von" in a lead-in, but a "von" inside a name stays */
    CHECK_STR(author_of(&a, "", "<div class=\"byline\">Geschrieben am 2. Mai 2020 von Max Muster</div>", "", NULL), "Max Muster");
    CHECK_STR(author_of(&a, "", "<div class=\"byline\">Walter von Aachen</div>", "", NULL), "Walter von Aachen");
    /* link words and labels are no names; words in lower case neither */
    CHECK_STR(author_of(&a, "", "<div class=\"author\"><a href=\"/autor/x\">Mehr</a></div>", "", NULL), "(none)");
    CHECK_STR(author_of(&a, "", "<div class=\"byline\">Zuletzt ge\xc3\xa4ndert am 2. Mai</div>", "", NULL), "(none)");
    /* an agency credit with a slash is a name, a path or host is not */
    CHECK_STR(author_of(&a, "<meta name=\"author\" content=\"AFP/The Local\">", "", "", NULL), "AFP/The Local");
    CHECK_STR(author_of(&a, "<meta name=\"author\" content=\"example.de/redaktion\">", "", "", NULL), "(none)");
    /* rel=author in the page footer when nothing else names the author */
    CHECK_STR(author_of(&a, "", "", "<footer>Posted by <a rel=\"author\" href=\"/a\">Jane Roe</a></footer>", NULL), "Jane Roe");
    /* JSON-LD: lead words cut, raw line breaks in its strings tolerated */
    CHECK_STR(author_of(&a, "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"description\":\"a\nb\","
                            "\"author\":{\"@type\":\"Person\",\"name\":\"Von Max Muster\"}}</script>", "", "", NULL), "Max Muster");
    /* an author that names the publisher yields to a person's byline */
    static const char pub[] = "<meta name=\"author\" content=\"Kieler Blatt Redaktion\">";
    CHECK_STR(author_of(&a, pub, "<div class=\"byline\">Von Erika Muster</div>", "", "https://www.kieler-blatt.de/a/1"), "Erika Muster");
    CHECK_STR(author_of(&a, pub, "", "", "https://www.kieler-blatt.de/a/1"), "Kieler Blatt Redaktion");
    lb_arena_fini(&a);
}

static void test_text_rules(void)
{
    lb_arena a;
    lb_arena_init(&a);
    lb_html_page p;
    /* a standfirst between the headline and the article's container */
    static const char lead[] =
        "<html><body><div class=\"page\"><div class=\"head\"><h1>Hafen meldet Rekord</h1>"
        "<p class=\"intro\">Der Kieler Hafen hat so viele Container umgeschlagen wie nie zuvor in seiner Geschichte.</p></div>"
        "<div class=\"share\"><a href=\"/s\">Teilen</a></div><div class=\"story-body\">"
        "<p>Vor allem der Handel mit Asien habe zugenommen, sagte ein Sprecher am Montag in Kiel, und auch mit Skandinavien.</p>"
        "<p>Ein zweiter Absatz mit weiteren Zahlen, Fakten und Stimmen, der die Entwicklung der letzten Jahre beschreibt.</p>"
        "<p>Ein dritter Absatz, der noch mehr erz\xc3\xa4hlt, mit Kommas, Zahlen und Namen aus dem Hafen und der Stadt.</p>"
        "<div class=\"star-ratings\"><p>Gef\xc3\xa4llt mir: Klicke hier, um diesen Beitrag mit Sternen zu bewerten, mit einem bis f\xc3\xbc" "nf.</p></div></div>"
        "<div class=\"box\"><p><a href=\"/anderes\">Ein Kasten neben dem Artikel mit einem anderen Thema der l\xc3\xa4" "nger ist als der Vorspann "
        "und noch ein Satz dazu damit er es sicher ist.</a></p></div></div></body></html>";
    CHECK_INT(lb_html_extract(&p, rules, lead, sizeof lead - 1, NULL, &a), LB_OK);
    CHECK(strstr(p.text, "Ein Kasten") == NULL);
    CHECK(strstr(p.text, "Der Kieler Hafen hat so viele") == p.text);
    CHECK(strstr(p.text, "Geschichte.\n\nVor allem der Handel") != NULL);   /* once */
    CHECK(strstr(p.text, "Teilen") == NULL);
    CHECK(strstr(p.text, "Klicke hier") == NULL);   /* a rating widget */
    /* an article split into modules, each paragraph deeper than votes reach */
    lb_buf f;
    lb_buf_init(&f, 1 << 16);
    lb_buf_adds(&f, "<html><body><div class=\"wrapper\"><ul class=\"nav\"><li><a href=\"/\">Start</a></li></ul><div class=\"section\">");
    static const char *const parts[] = { "Erster Absatz des Artikels, mit Kommas, Namen und einer Zahl wie 17, der lang genug ist.",
                                         "Zweiter Absatz des Artikels, mit Kommas, Namen und einer Zahl wie 18, der lang genug ist.",
                                         "Dritter Absatz des Artikels, mit Kommas, Namen und einer Zahl wie 19, der lang genug ist." };
    for (int i = 0; i < 3; i++) {
        lb_buf_adds(&f, "<div class=\"con\"><div class=\"modCon\"><div class=\"mod\"><div class=\"boxCon\"><div class=\"box\">"
                        "<div class=\"paragraph\"><p>");
        lb_buf_adds(&f, parts[i]);
        lb_buf_adds(&f, "</p></div></div></div></div></div></div>");
    }
    lb_buf_adds(&f, "</div></div></body></html>");
    CHECK_INT(lb_html_extract(&p, rules, f.data, f.len, NULL, &a), LB_OK);
    CHECK(strstr(p.text, "Erster Absatz") == p.text);
    CHECK(strstr(p.text, "Dritter Absatz") != NULL);
    CHECK(strstr(p.text, "Start") == NULL);
    lb_buf_free(&f);
    /* an unclosed element in <noscript> makes the parser put the page inside it */
    static const char nos[] =
        "<html><body><noscript><div id=\"nojs\"></noscript><div id=\"main\"><div class=\"news\">"
        "<p>Der Hafen hat so viele Container umgeschlagen wie nie zuvor, hie\xc3\x9f es am Montag in Kiel.</p>"
        "<p>Vor allem der Handel mit Asien habe zugenommen, sagte ein Sprecher, und auch mit Skandinavien.</p>"
        "<p>Ein dritter Absatz mit weiteren Zahlen, Fakten und Stimmen aus dem Hafen und der Stadt.</p></div></div></body></html>";
    CHECK_INT(lb_html_extract(&p, rules, nos, sizeof nos - 1, NULL, &a), LB_OK);
    CHECK(strstr(p.text, "Der Hafen hat so viele") == p.text);
    /* a script-built page: the JSON-LD articleBody is the text */
    lb_buf b;
    lb_buf_init(&b, 1 << 16);
    lb_buf_adds(&b, "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\"");
    for (int i = 0; i < 12; i++) lb_buf_adds(&b, "Ein Satz des Artikels, den nur das Skript auf die Seite schreibt. ");
    lb_buf_adds(&b, "\\nZweiter Absatz.\"}</script></head><body><div id=\"app\">Wird geladen</div></body></html>");
    CHECK_INT(lb_html_extract(&p, rules, b.data, b.len, NULL, &a), LB_OK);
    CHECK(strstr(p.text, "Ein Satz des Artikels") == p.text);
    CHECK(strstr(p.text, "schreibt.\n\nZweiter Absatz.") != NULL);
    lb_buf_free(&b);
    lb_arena_fini(&a);
}

static void test_bad_rules(void)
{
    char path[] = "/tmp/lb_test_htmlXXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("remove\tscript\ntag\tdiv\tlots\n", f);
    fclose(f);
    struct lb_html_rules *r = NULL;
    char err[256] = "";
    CHECK(lb_html_load_file(&r, path, err, sizeof err) == LB_EDATA);
    CHECK(strstr(err, ":2:") != NULL);
    lb_html_free(r);
    unlink(path);
}

int main(void)
{
    char err[512];
    if (lb_html_load(&rules, LB_TEST_DATA_DIR "/html", err, sizeof err)) { fprintf(stderr, "%s\n", err); return 1; }
    test_main_text();
    test_fallbacks();
    test_dates();
    test_pipeline();
    test_authors();
    test_text_rules();
    test_bad_rules();
    lb_html_free(rules);
    return TEST_END();
}
