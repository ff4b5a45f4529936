/* test_quotes_frames.c: unit tests of the attribution frames of the quotes
 * stage on the token machinery (no morphology, clause or actor layer): source
 * phrases (nach Angaben von, laut, zufolge, nach eigenen Angaben, Meinung
 * nach), adjuncts around the speech verb and its speaker, the anaphoric and
 * the as-frame, the speech verb inventory (separable and multiword verbs),
 * reported speech carried on (Konjunktiv I, demnach) and where it stops, and
 * the loader of the verb inventory. Sentences written for these tests. */
#include "test.h"
#include "test_doc.h"
#include "lagebild.h"
#include "doc.h"
#include "quotes/quotes.h"
#include <stdlib.h>
#include <unistd.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text, const char *lang)
{
    lb_input in = test_input(text, lang);
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_TEXT), LB_OK);
    CHECK_INT(lb_quotes_run(doc), LB_OK);
}

static const lb_quote *find(const char *prefix) { return test_quote_find(doc, prefix); }

#define EXPECT(prefix, content, speaker) do { const lb_quote *_q = find(prefix); CHECK(_q != NULL); \
    if (_q) { CHECK_SPAN(doc->text, _q->start, _q->end, content); CHECK_INT(_q->indirect, 1); \
              CHECK_STR(_q->speaker_name, speaker); } } while (0)

/* exactly n quotes; the quotes are printed when not */
static void expect_count(size_t n)
{
    CHECK_INT(doc->quotes.len, n);
    if (doc->quotes.len != n)
        for (size_t i = 0; i < doc->quotes.len; i++) {
            const lb_quote *q = &LB_QUOTES(doc)[i];
            fprintf(stderr, "  [%.*s] %s\n", (int)(q->end - q->start), doc->text + q->start, q->speaker_name ? q->speaker_name : "-");
        }
}

/* the text of the quote's speaker span */
static void expect_span(const char *prefix, const char *span)
{
    const lb_quote *q = find(prefix);
    CHECK(q != NULL && q->speaker_start >= 0);
    if (q && q->speaker_start >= 0) CHECK_SPAN(doc->text, (uint32_t)q->speaker_start, (uint32_t)q->speaker_end, span);
}

static void source_phrases(void)
{
    run("Nach Angaben der Polizei wurden drei Menschen verletzt.", "de");
    EXPECT("wurden", "wurden drei Menschen verletzt", "Polizei");
    expect_span("wurden", "Angaben der Polizei");
    /* inside the clause: the whole sentence; an adjective before the source */
    run("Die Brücke bleibt laut örtlichen Medien bis Montag gesperrt.", "de");
    EXPECT("Die Brücke", "Die Brücke bleibt laut örtlichen Medien bis Montag gesperrt", "Medien");
    run("Im Hafen brach nach ersten Informationen der Feuerwehr ein Brand aus.", "de");
    EXPECT("Im Hafen", "Im Hafen brach nach ersten Informationen der Feuerwehr ein Brand aus", "Feuerwehr");
    /* a compound source noun */
    run("Nach Polizeiangaben kam der Fahrer von der Straße ab.", "de");
    CHECK(find("kam der Fahrer") != NULL);
    /* X zufolge, with adjectives */
    run("Ersten Angaben zufolge starben bei dem Unglück zwei Menschen.", "de");
    CHECK(find("starben bei") != NULL);
    run("Die Schule bleibt einem Bericht der Zeitung Kurier zufolge geschlossen.", "de");
    EXPECT("Die Schule", "Die Schule bleibt einem Bericht der Zeitung Kurier zufolge geschlossen", "Kurier");
    /* a source that opens a subordinate clause: what follows it */
    run("Der Zug hielt an, weil den Angaben der Bahn zufolge ein Signal ausfiel.", "de");
    EXPECT("ein Signal", "ein Signal ausfiel", "Bahn");
    /* nach eigenen Angaben: the clause's subject */
    run("Die Firma Holzbau hat nach eigenen Angaben zwanzig Mitarbeiter entlassen.", "de");
    EXPECT("Die Firma", "Die Firma Holzbau hat nach eigenen Angaben zwanzig Mitarbeiter entlassen", "Firma Holzbau");
    /* a quoted name as the source; a relative source */
    run("Laut „tagblatt.de“ wurden zwei Brücken gesperrt.", "de");
    CHECK(find("wurden zwei") != NULL);
    run("Der Plan folgt neuen Umfragen, nach denen die Mehrheit der Bürger ihn ablehnt.", "de");
    CHECK(find("die Mehrheit") != NULL);
    expect_span("die Mehrheit", "denen");
    /* "nach" in time or place is no source */
    run("Nach dem Treffen reiste der Minister nach Paris weiter.", "de");
    expect_count(0);
}

static void adjunct_frames(void)
{
    run("Die Lage sei ernst, sagte Innenministerin Anna Berger am Dienstag in Wien.", "de");
    EXPECT("Die Lage", "Die Lage sei ernst", "Anna Berger");
    run("Die Gespräche seien gescheitert, sagte am Freitag in Genf der Gesandte Tom Keller.", "de");
    EXPECT("Die Gespräche", "Die Gespräche seien gescheitert", "Tom Keller");
    run("Außenminister Paul Weber sagte am Samstag in Genf dem Sender RTS, die Verhandlungen würden fortgesetzt.", "de");
    EXPECT("die Verhandlungen", "die Verhandlungen würden fortgesetzt", "Paul Weber");
    /* a post-posed separable speech verb */
    run("Der Flughafen bleibt bis Mittag geschlossen, teilte die Betreibergesellschaft Fraport mit.", "de");
    EXPECT("Der Flughafen", "Der Flughafen bleibt bis Mittag geschlossen", "Betreibergesellschaft Fraport");
    /* a reported clause after the attribution is not attributed backwards */
    run("Dann, sagte er, die Lage sei ernst.", "de");
    CHECK(doc->quotes.len <= 1);
}

static void anaphoric_and_as(void)
{
    run("Die Fabrik in Linz wird Ende des Jahres geschlossen. Das bestätigte ein Sprecher des Konzerns Metallwerk.", "de");
    CHECK(find("Die Fabrik") != NULL);
    expect_span("Die Fabrik", "ein Sprecher des Konzerns Metallwerk");
    /* "Das erklärt die Preise": no one who speaks */
    run("Die Ernte fiel schlecht aus. Das erklärt die hohen Preise.", "de");
    expect_count(0);
    run("Wie die Polizei in Graz mitteilte, wurde der Täter am Abend gefasst.", "de");
    EXPECT("wurde der", "wurde der Täter am Abend gefasst", "Polizei");
    run("Der Täter wurde am Abend gefasst, wie die Nachrichtenagentur Tanjug berichtete.", "de");
    EXPECT("Der Täter", "Der Täter wurde am Abend gefasst", "Tanjug");
    /* a comparison is no frame */
    run("Der Turm ist so hoch, wie die Stadt es verlangt hatte.", "de");
    expect_count(0);
}

static void verb_inventory(void)
{
    /* an evaluation: the quoted complement of als / von is a direct quote */
    run("Minister Paul Weber bezeichnete den Vorschlag der Opposition als „Unsinn“.", "de");
    const lb_quote *ev = find("Unsinn");
    CHECK(ev && !ev->indirect && ev->speaker_name && !strcmp(ev->speaker_name, "Paul Weber"));
    run("Die Zeitung Kurier trägt den Titel „Heute“.", "de");
    expect_count(0);
    /* a long unattributed title is no quote */
    run("Er war Gast beim „Internationalen Kongress der Europäischen Hafenbetriebe in Hamburg“.", "de");
    expect_count(0);
    /* X zufolge: no noun before the adjectives */
    run("Die Firma verdient Schätzungen zufolge zwei Millionen Euro im Jahr.", "de");
    expect_span("Die Firma", "Schätzungen");
    run("Der Anwalt gab zu bedenken, das Verfahren könne Jahre dauern.", "de");
    CHECK(find("das Verfahren") != NULL);
    run("Die Regierung stellte in Abrede, dass Soldaten beteiligt gewesen seien.", "de");
    EXPECT("Soldaten", "Soldaten beteiligt gewesen seien", "Regierung");
    run("Der Konzern gab am Montag bekannt, dass er das Werk schließen werde.", "de");
    EXPECT("er das", "er das Werk schließen werde", "Konzern");
    run("Die Ärztin räumte ein, die Behandlung sei zu spät begonnen worden.", "de");
    CHECK(find("die Behandlung") != NULL);
    /* a capitalised verb form inside a sentence is a noun: Angaben, Zusagen */
    run("Die Zusagen der Regierung reichen den Bauern nicht.", "de");
    expect_count(0);
}

static void carried_on(void)
{
    /* a speech act without a quote, then Konjunktiv I */
    run("Ministerin Eva Brandt kündigte ihren Rücktritt an. Sie wolle sich um ihre Familie kümmern. "
        "Ihr Nachfolger stehe bereits fest.", "de");
    EXPECT("Sie wolle", "Sie wolle sich um ihre Familie kümmern", "Eva Brandt");
    EXPECT("Ihr Nachfolger", "Ihr Nachfolger stehe bereits fest", "Eva Brandt");
    /* two sentences that report nothing end the chain */
    run("Polizeisprecher Jan Kurz sagte, die Straße sei frei. Der Regen hörte am Abend auf. "
        "Am Montag folgte ein Sturm. Die Schulen seien geschlossen.", "de");
    expect_count(1);
    /* demnach carries the report on; its span stands for the speaker */
    run("Die Zeitung Kurier berichtete über den Fall. Der Mann wurde demnach schon im Mai entlassen.", "de");
    CHECK(find("Der Mann") != NULL);
    expect_span("Der Mann", "demnach");
    /* a text without quotation marks: first person right after someone's words */
    run("Die Lage ist ernst, sagte Minister Tom Weber am Freitag. Wir müssen jetzt handeln.", "de");
    const lb_quote *fp = find("Wir müssen");
    CHECK(fp && !fp->indirect && fp->speaker_name && !strcmp(fp->speaker_name, "Tom Weber"));
    /* quoted words inside reported speech are part of its indirect quote, no
     * direct quote of their own (GUIDELINES §3: only a quoted object of the
     * speech verb is) */
    run("Ministerin Eva Brandt sagte, die Reform sei „ein großer Schritt nach vorn“ und die „Wende“ sei geschafft.", "de");
    const lb_quote *fr = find("die Reform");
    CHECK(fr && fr->indirect && fr->speaker_name && !strcmp(fr->speaker_name, "Eva Brandt"));
    CHECK(find("ein großer") == NULL);
    CHECK_INT(doc->quotes.len, 1);
    /* a question reports nothing */
    run("Sprecher Tim Roth sagte, der Plan sei gut. Sei das wirklich so?", "de");
    expect_count(1);
}

static void english_frames(void)
{
    run("The minister said on Friday in Geneva that the talks would resume next week.", "en");
    CHECK(find("the talks") != NULL);
    run("The company told reporters that the plant would close.", "en");
    CHECK(find("the plant") != NULL);
    run("According to the police, three people were injured in the crash.", "en");
    CHECK(find("three people") != NULL);
}

static void bad_inventory(void)
{
    char dir[] = "/tmp/lb_qspeech_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char cues[256], en[256], speech[256];
    snprintf(cues, sizeof cues, "%s/de.cues", dir);
    snprintf(en, sizeof en, "%s/en.cues", dir);
    snprintf(speech, sizeof speech, "%s/de.speech", dir);
    FILE *f = fopen(cues, "w");
    if (f) { fputs("verb\tsagte\n", f); fclose(f); }
    f = fopen(en, "w");
    if (f) { fputs("verb\tsaid\n", f); fclose(f); }
    f = fopen(speech, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs("# comment\nsagen\nmit|teilen\nsprechen\tspricht\tsprach\n", f);   /* two principal parts only */
    fclose(f);
    struct lb_quote_rules *r = NULL;
    char err[512] = "";
    CHECK_INT(lb_quotes_load(&r, dir, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, "de.speech:4:") != NULL);
    CHECK(r == NULL);
    f = fopen(speech, "w");
    if (f) { fputs("|teilen\n", f); fclose(f); }
    CHECK_INT(lb_quotes_load(&r, dir, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, "de.speech:1:") != NULL);
    f = fopen(speech, "w");
    if (f) { fputs("sagen\nhin|weisen\tweist\twies\tgewiesen\n", f); fclose(f); }
    CHECK_INT(lb_quotes_load(&r, dir, err, sizeof err), LB_OK);
    lb_quotes_free(r);
    remove(cues); remove(en); remove(speech);
    rmdir(dir);
}

int main(void)
{
    int rc = lb_ctx_new(&ctx, LB_TEST_DATA_DIR);
    if (rc) { fprintf(stderr, "ctx: %s\n", ctx ? lb_ctx_errmsg(ctx) : "?"); return 1; }
    if (lb_doc_new(&doc, ctx)) return 1;
    source_phrases();
    adjunct_frames();
    anaphoric_and_as();
    verb_inventory();
    carried_on();
    english_frames();
    bad_inventory();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
