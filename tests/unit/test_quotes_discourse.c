/* test_quotes_discourse.c: the quotes stage over the whole pipeline with the
 * discourse layer: speakers that are pronouns or descriptions get the
 * entity's canonical name while the speaker span stays on the mention in the
 * attributing sentence; German and English. Also inputs that once crashed
 * the attribution. Sentences written for these tests. */
#include "test.h"
#include "test_doc.h"
#include "lagebild.h"
#include "doc.h"
#include <stdlib.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text, const char *lang)
{
    lb_input in = test_input(text, lang);
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
}

static const lb_quote *find(const char *prefix) { return test_quote_find(doc, prefix); }

static void check_speaker(const char *prefix, const char *name, const char *span)
{
    const lb_quote *q = find(prefix);
    CHECK(q != NULL);
    if (!q) return;
    CHECK_STR(q->speaker_name, name);
    if (span) {
        CHECK(q->speaker_start >= 0);
        if (q->speaker_start >= 0) CHECK_SPAN(doc->text, q->speaker_start, q->speaker_end, span);
    }
}

int main(void)
{
    CHECK_INT(lb_ctx_new(&ctx, LB_TEST_DATA_DIR), LB_OK);
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);

    /* a pronoun: the subject of the sentence before, not the last name */
    run("Der Minister Klaus Wendland traf am Montag Petra Hausmann in Berlin. "
        "Er sagte, die Gespräche seien gut verlaufen.", "de");
    check_speaker("die Gespräche", "Klaus Wendland", "Er");

    /* two candidates of different gender */
    run("Klaus Wendland traf am Montag die Ministerin Petra Hausmann. "
        "Sie sagte, man werde weiter verhandeln.", "de");
    check_speaker("man werde", "Petra Hausmann", "Sie");

    /* a description */
    run("Der Bürgermeister Jens Albrecht eröffnete die Brücke. "
        "Der 63-Jährige sagte, das Projekt sei ein Erfolg.", "de");
    check_speaker("das Projekt", "Jens Albrecht", NULL);

    /* English */
    run("Senator Mary Collins met the governor on Friday. She said the talks had been useful.", "en");
    check_speaker("the talks", "Mary Collins", "She");

    /* a colon after the speech verb and its subject opens what was said
     * (German direct speech whose quotation marks are lost) */
    run("Der Minister Klaus Wendland war in Sarajevo. Auf Nachfrage sagte Wendland klar und deutlich: So ist es! "
        "Danach reiste er ab.", "de");
    check_speaker("So ist es", "Klaus Wendland", "Wendland");
    /* not after a bracket or a passive verb */
    run("Ein Entwurf sorgte für Aufsehen (die Zeitung berichtete): Der Entwurf sieht Strafen vor. "
        "Die Namen wurden bekanntgegeben: Dabei sind zwei Köche.", "de");
    CHECK(find("Der Entwurf") == NULL);
    CHECK(find("Dabei sind") == NULL);

    /* fixed connectives are no speech acts */
    run("Die Regierung plant Reformen, das heißt, die Steuern sollen steigen. Kurz gesagt, die Lage sei ernst.", "de");
    CHECK(find("die Steuern") == NULL);
    CHECK(find("die Lage") == NULL);

    /* a relative pronoun speaks for its antecedent */
    run("Ein Vorschlag kam von Ägypten, das vorschlug, im Nahen Osten eine Zone einzurichten.", "de");
    check_speaker("im Nahen Osten", "Egypt", "das");

    /* the addressee in the speaker's clause is not the speaker */
    run("In einer Rede an Merkel sagte der Abgeordnete, die Lage sei ernst.", "de");
    const lb_quote *q = find("die Lage");
    CHECK(q && (!q->speaker_name || strcmp(q->speaker_name, "Angela Merkel")));

    /* a speech noun without a name of its own: the subject of its clause speaks */
    run("Die Opposition reagierte mit einer Erklärung, dass die bestehenden Gesetze ausreichend seien.", "de");
    q = find("die bestehenden");
    CHECK(q && q->speaker_start >= 0);
    if (q && q->speaker_start >= 0) CHECK_SPAN(doc->text, q->speaker_start, q->speaker_end, "Die Opposition");

    /* a time is never the speaker */
    run("Um 11:09 Uhr MEZ berichtete die Zeitung, dass der Anwalt einen Antrag gestellt habe.", "de");
    q = find("der Anwalt");
    CHECK(q && q->speaker_start >= 0);
    if (q && q->speaker_start >= 0) CHECK_SPAN(doc->text, q->speaker_start, q->speaker_end, "die Zeitung");

    /* once a crash: a source phrase of a lower-case compound with a hyphen */
    run("l-Informationen zufolge", "de");
    run("Den l-Informationen zufolge sei alles gut.", "de");

    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
