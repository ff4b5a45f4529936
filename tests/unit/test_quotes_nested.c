/* test_quotes_nested.c: unit tests of reported speech that quotes some of its
 * words: the reported clause is an indirect quote that holds the quoted words
 * (no direct quote of its own: GUIDELINES §3), after a speech verb and in a
 * sentence that carries a report on; a Konjunktiv I sentence after an
 * actor's sentence; datelines, places and appositions in speaker phrases;
 * English keeps one quote. Sentences
 * written for these tests. */
#include "test.h"
#include "test_doc.h"
#include "lagebild.h"
#include "doc.h"
#include "quotes/quotes.h"
#include <stdlib.h>
#include <string.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text, const char *lang)
{
    lb_input in = test_input(text, lang);
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_TEXT), LB_OK);
    CHECK_INT(lb_quotes_run(doc), LB_OK);
}

/* the quote that starts with prefix has this content, kind and speaker */
static void expect(const char *prefix, const char *content, int indirect, const char *speaker)
{
    const lb_quote *q = test_quote_find(doc, prefix);
    CHECK(q != NULL);
    if (!q) return;
    CHECK_SPAN(doc->text, q->start, q->end, content);
    CHECK_INT(q->indirect, indirect);
    CHECK_STR(q->speaker_name, speaker);
}

static void after_speech_verb(void)
{
    run("Die Ministerin Anna Berger sagte, es sei nun Schluss mit „endlosen Debatten über die Zuständigkeit“.", "de");
    expect("es sei", "es sei nun Schluss mit „endlosen Debatten über die Zuständigkeit“", 1, "Anna Berger");
    /* the quoted words are part of the reported clause (GUIDELINES §3), no quote of their own */
    CHECK(test_quote_find(doc, "endlosen") == NULL);
    CHECK_INT(doc->quotes.len, 1);
    /* the quote is the whole clause: one direct quote */
    run("Anna Berger sagte: „Wir haben lange genug über die Zuständigkeit gestritten.“", "de");
    CHECK_INT(doc->quotes.len, 1);
    expect("Wir haben", "Wir haben lange genug über die Zuständigkeit gestritten.", 0, "Anna Berger");
}

/* "zu" before a speech verb is a zu-infinitive too ("zu bitten"); nachsagen speaks */
static void zu_speech_verb(void)
{
    run("Die Verbände forderten die Bürger auf, die Abgeordneten um Hilfe zu bitten.", "de");
    CHECK(test_quote_find(doc, "die Abgeordneten") != NULL);
    run("Dem Verein wird nachgesagt, Verbindungen zur Regierung zu haben.", "de");
    CHECK(test_quote_find(doc, "Verbindungen") != NULL);
}

/* separable verbs: the particle before the verb in a verb-final clause (older
 * spelling), the particle after an apposition; a body's quoted name is no quote */
static void separable_verbs(void)
{
    run("Wie die Gemeinde Moosdorf bekannt gab, soll die Brücke im Mai öffnen.", "de");
    CHECK(test_quote_find(doc, "soll die Brücke") != NULL);
    run("Jetzt gab der Leiter der Feuerwehr, Andreas Huber, bekannt, dass zwei Zeugen sich meldeten.", "de");
    expect("zwei Zeugen", "zwei Zeugen sich meldeten", 1, "Andreas Huber");
    run("Die Brücke öffnet im Mai. Dies gab die Gemeinde Moosdorf am Montag bekannt.", "de");
    expect("Die Brücke", "Die Brücke öffnet im Mai", 1, "Gemeinde Moosdorf");
    run("Die Zeitung „Moosdorfer Bote“ berichtet, dass die Brücke im Mai öffnet.", "de");
    CHECK(test_quote_find(doc, "Moosdorfer") == NULL);
    expect("die Brücke", "die Brücke im Mai öffnet", 1, "Moosdorfer Bote");
}

static void carried_on(void)
{
    run("Anna Berger sagte am Montag, die Lage sei ernst. Es sei „ein langer und harter Winter für viele Familien“ zu erwarten.", "de");
    expect("Es sei", "Es sei „ein langer und harter Winter für viele Familien“ zu erwarten", 1, "Anna Berger");
    CHECK(test_quote_find(doc, "ein langer") == NULL);
    /* a sentence that does not report stops it: the quoted words stay alone */
    run("Anna Berger sagte am Montag, die Lage sei ernst. Der Winter war „lang und hart für viele Familien im Tal“.", "de");
    CHECK(test_quote_find(doc, "Der Winter") == NULL);
}

/* a quoted complement of an evaluation is a direct quote also when it is one
 * capitalised word: after an indefinite article, "als den", or before a
 * participle; a title after a definite article stays none */
static void evaluations(void)
{
    run("Der Bürgermeister Karl Moser nannte den Plan einen „Irrweg“.", "de");
    expect("Irrweg", "Irrweg", 0, "Karl Moser");
    run("Karl Moser hatte den Bericht als „falsch“ zurückgewiesen.", "de");
    expect("falsch", "falsch", 0, "Karl Moser");
    run("Karl Moser bezeichnete den Plan als den „Ausweg“.", "de");
    expect("Ausweg", "Ausweg", 0, "Karl Moser");
    run("Karl Moser sagte der „Zeitung“ nichts.", "de");
    CHECK_INT(doc->quotes.len, 0);
}

/* the whole pipeline (clause layer): a Konjunktiv I main clause after a
 * sentence whose subject is an actor or a role reports that subject's words;
 * not after a subject that is neither */
static void after_actor_subject(void)
{
    lb_input in = test_input("Das Robert-Koch-Institut sieht derzeit keine Gefahr für die Bevölkerung. "
                             "Nur Personen mit engem Kontakt zu Geflügel seien betroffen.", "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    const lb_quote *q = test_quote_find(doc, "Nur Personen");
    CHECK(q != NULL && q->indirect && q->speaker_name && strstr(q->speaker_name, "Koch-Institut"));
    in = test_input("Die Brücke über den Fluss wurde im Winter gesperrt. Sie sei zu alt, um noch sicher zu sein.", "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    for (size_t i = 0; i < doc->quotes.len; i++) CHECK(LB_QUOTES(doc)[i].speaker_name == NULL);
    /* a verb of judging in the speech verb inventory: "…, urteilte X." */
    in = test_input("Die Reform sei ein schwerer Fehler, urteilte die Zeitung Kurier am Montag.", "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    q = test_quote_find(doc, "Die Reform");
    CHECK(q != NULL && q->speaker_name && strstr(q->speaker_name, "Kurier"));
}

/* the whole pipeline: a dateline is no subject; a description without a
 * person's name goes on over "in" and a place; an apposition names a role */
static void speaker_phrases(void)
{
    lb_input in = test_input("Kairo – Die Regierung in Libyen hat die Nachbarn aufgefordert, die Grenze zu öffnen.", "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    const lb_quote *q = test_quote_find(doc, "die Grenze");
    CHECK(q != NULL && q->speaker_start >= 0);
    if (q && q->speaker_start >= 0) CHECK_SPAN(doc->text, (uint32_t)q->speaker_start, (uint32_t)q->speaker_end, "Die Regierung in Libyen");
    in = test_input("Die Straße bleibe gesperrt, sagte der Chef der Polizei (LPD), Karl Moser, am Montag.", "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    q = test_quote_find(doc, "Die Straße");
    CHECK(q != NULL && q->speaker_name && strstr(q->speaker_name, "Moser"));
}

/* a speech noun with a zu-infinitive clause; not a separable particle between */
static void noun_infinitive(void)
{
    lb_input in = test_input("Die Partei reagierte auf die Forderung des Vorsitzenden Karl Moser, "
                             "in der Steuerpolitik auf die Grünen zuzugehen.", "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    const lb_quote *q = test_quote_find(doc, "in der Steuerpolitik");
    CHECK(q != NULL && q->speaker_name && strstr(q->speaker_name, "Moser"));
    in = test_input("Die Firma warf dem Konkurrenten in einer Erklärung vor, die Preise erhöht zu haben.", "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    q = test_quote_find(doc, "die Preise");
    CHECK(q != NULL && q->speaker_name && strstr(q->speaker_name, "Firma"));
}

/* a passive speech verb: its subject is the addressee; the agent speaks; a
 * zu-infinitive clause may open with a preposition that is also a subordinator */
static void passive_verbs(void)
{
    /* a zu-infinitive without a comma after a participle */
    lb_input in0 = test_input("Karl Moser hatte am Donnerstag angekündigt bei der Wahl im September erneut anzutreten.", "de");
    CHECK_INT(lb_doc_annotate(doc, &in0), LB_OK);
    CHECK(test_quote_find(doc, "bei der Wahl") != NULL);
    lb_input in = test_input("Der Bürgermeister wird von der Opposition aufgefordert, die Wahl abzusagen.", "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    const lb_quote *q = test_quote_find(doc, "die Wahl");
    CHECK(q != NULL && q->speaker_name && strstr(q->speaker_name, "Opposition"));
    in = test_input("Der Bürgermeister wird aufgefordert, bis zur Wahl einen Stellvertreter einzusetzen.", "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    q = test_quote_find(doc, "bis zur Wahl");
    CHECK(q != NULL && !(q->speaker_name && strstr(q->speaker_name, "Bürgermeister")));
}

/* "die Zeitung" is the medium named before, not the last organisation */
static void medium_anaphor(void)
{
    lb_input in = test_input("Die Zahl stieg nach Angaben des Berliner Tagesspiegels stark. Das Blatt berief sich auf "
                             "Antworten der Bundesregierung. Es wurden 700 Verdächtige ermittelt, schrieb die Zeitung.", "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    const lb_quote *q = test_quote_find(doc, "Es wurden");
    CHECK(q != NULL && q->speaker_name && strstr(q->speaker_name, "Tagesspiegel"));
}

/* a printed interview: the answers after a person's label are direct quotes
 * of theirs up to the next label; the medium's questions are none */
static void interview(void)
{
    lb_input in = test_input("Die Zeitung sprach mit Angela Merkel. STANDARD: Wie geht es weiter? "
                             "Merkel: Wir machen weiter wie bisher. Das ist klar. STANDARD: Und dann? "
                             "Merkel: Dann sehen wir weiter.", "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    const lb_quote *q = test_quote_find(doc, "Wir machen");
    CHECK(q != NULL && !q->indirect && q->speaker_name && strstr(q->speaker_name, "Merkel"));
    if (q) CHECK_SPAN(doc->text, q->start, q->end, "Wir machen weiter wie bisher. Das ist klar.");
    CHECK(test_quote_find(doc, "Dann sehen") != NULL);
    for (size_t i = 0; i < doc->quotes.len; i++) CHECK(LB_QUOTES(doc)[i].start != (uint32_t)(strstr(doc->text, "Wie geht") - doc->text));
    /* one label alone is no interview */
    in = test_input("Angela Merkel war in Berlin. Merkel: Wir machen weiter wie bisher.", "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    for (size_t i = 0; i < doc->quotes.len; i++) CHECK(LB_QUOTES(doc)[i].start != (uint32_t)(strstr(doc->text, "Wir machen") - doc->text));
}

/* a source in parenthesis credits its whole sentence */
static void parentheses(void)
{
    run("Die Lage, so Karl Moser, sei ernst.", "de");
    expect("Die Lage", "Die Lage, so Karl Moser, sei ernst", 1, "Karl Moser");
    run("The harvest, according to Karl Moser, was poor.", "en");
    CHECK(test_quote_find(doc, "The harvest, according") != NULL);
    /* "so wie immer" is no source */
    run("Er kam, so wie immer, zu spät.", "de");
    CHECK_INT(doc->quotes.len, 0);
}

static void english_one_quote(void)
{
    run("Anna Berger said that there was \"an end to the endless debates about responsibility\".", "en");
    CHECK_INT(doc->quotes.len, 1);
}

int main(void)
{
    int rc = lb_ctx_new(&ctx, LB_TEST_DATA_DIR);
    if (rc) { fprintf(stderr, "ctx: %s\n", ctx ? lb_ctx_errmsg(ctx) : "?"); return 1; }
    if (lb_doc_new(&doc, ctx)) return 1;
    after_speech_verb();
    carried_on();
    separable_verbs();
    zu_speech_verb();
    evaluations();
    after_actor_subject();
    speaker_phrases();
    parentheses();
    medium_anaphor();
    interview();
    noun_infinitive();
    passive_verbs();
    english_one_quote();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
