/* test_quotes_bare.c: direct speech whose quotation marks are lost (qbare.c):
 * an indicative clause before a post-posed speech verb is a direct quote, a
 * plain sentence between two such quotes of one speaker is theirs too;
 * Konjunktiv and verbs of reporting news stay indirect, so does a Präteritum of
 * a full verb, not one of sein, haben or a modal; a fronted adverbial clause
 * with its main clause is direct; also a perfect
 * zu-infinitive as a reported clause, and a plural Konjunktiv II that goes on
 * with indirect speech, and a source in the genitive plural without article. Sentences written
 * for these tests. */
#include "test.h"
#include "test_doc.h"
#include "lagebild.h"
#include "doc.h"

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text)
{
    lb_input in = test_input(text, "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
}

static void check_kind(const char *prefix, int indirect, const char *name)
{
    const lb_quote *q = test_quote_find(doc, prefix);
    CHECK(q != NULL);
    if (!q) return;
    CHECK_INT(q->indirect, indirect);
    if (name) CHECK_STR(q->speaker_name, name);
}

int main(void)
{
    CHECK_INT(lb_ctx_new(&ctx, LB_TEST_DATA_DIR), LB_OK);
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);

    /* indicative + post-posed speech verb: direct; the plain sentence between
     * two quotes of the same speaker: direct, theirs */
    run("Die Ministerin Petra Hausmann besuchte am Montag das Werk in Kassel. "
        "Die Lage der Arbeiter ist ernst, sagte die Ministerin am Abend. "
        "Die Beschäftigten verdienen mehr Respekt. "
        "Die Regierung muss jetzt schnell helfen, forderte sie.");
    check_kind("Die Lage der Arbeiter", 0, "Petra Hausmann");
    check_kind("Die Beschäftigten verdienen", 0, "Petra Hausmann");
    check_kind("Die Regierung muss", 0, NULL);

    /* spoken German keeps the Präteritum of sein, haben and the modals: still
     * the speaker's words; a full verb's Präteritum narrates */
    run("Es war ein sehr gutes Treffen, sagte der Unterhändler Paul Fischer.");
    check_kind("Es war ein sehr gutes", 0, "Paul Fischer");
    run("Die Polizei fand die Tasche am Bahnhof, sagte der Unterhändler Paul Fischer.");
    check_kind("Die Polizei fand", 1, "Paul Fischer");
    /* with a participle they narrate too: pluperfect and passive */
    run("Der Täter war schon gegangen, sagte der Polizeisprecher Paul Fischer.");
    check_kind("Der Täter war", 1, "Paul Fischer");
    run("Der Täter hatte das Haus schon verlassen, sagte der Polizeisprecher Paul Fischer.");
    check_kind("Der Täter hatte", 1, "Paul Fischer");
    run("Der Verdächtige wurde am Bahnhof festgenommen, sagte der Polizeisprecher Paul Fischer.");
    check_kind("Der Verdächtige wurde", 1, "Paul Fischer");

    /* a fronted adverbial clause with its main clause is what was said; alone
     * it is the Vorfeld of the speech verb's own clause */
    run("Als ich zum Rathaus gehen wollte, haben sie mich festgenommen, sagte die Aktivistin Maria Lopez.");
    check_kind("Als ich zum Rathaus", 0, "Maria Lopez");
    run("Als ich, wie jeden Tag, zum Rathaus ging, haben sie mich festgenommen, sagte die Aktivistin Maria Lopez.");
    check_kind("Als ich, wie jeden Tag", 0, "Maria Lopez");

    /* Konjunktiv I: indirect speech */
    run("Die Ministerin Petra Hausmann besuchte am Montag das Werk in Kassel. "
        "Die Lage der Arbeiter sei ernst, sagte die Ministerin am Abend.");
    check_kind("Die Lage der Arbeiter", 1, "Petra Hausmann");

    /* a verb of reporting news: the indicative clause is a paraphrase */
    run("Die Zahl der Angriffe ist im Sommer deutlich gestiegen, berichtete die Zeitung Tagesblatt.");
    check_kind("Die Zahl der Angriffe", 1, NULL);

    /* a perfect infinitive under a speech verb with an adjunct before its comma
     * (qindirect.c: "zu" + auxiliary is a zu-infinitive) */
    run("Die Rebellen behaupteten im Internet, das Flugzeug abgeschossen zu haben.");
    check_kind("das Flugzeug abgeschossen zu haben", 1, NULL);

    /* qchain.c: a plural Konjunktiv II right after indirect speech stands in for
     * Konjunktiv I (würden = werden); the singular is the writer's own */
    run("Der Sprecher Max Berger sagte am Montag, die Lage sei ernst. "
        "Die Bewohner würden ab Dienstag in Sicherheit gebracht.");
    check_kind("Die Bewohner würden", 1, "Max Berger");
    run("Der Sprecher Max Berger sagte am Montag, die Lage sei ernst. "
        "Das Wetter könnte sich bald ändern.");
    CHECK(test_quote_find(doc, "Das Wetter") == NULL);

    /* qchain.c: an unmarked first-person sentence right after someone's words,
     * also in a text that marks other quotes */
    run("„Wir haben keine Zeit mehr“, sagte die Ministerin Petra Hausmann am Montag in Kassel. "
        "Die Lage der Arbeiter sei ernst, sagte Hausmann. Wir müssen jetzt handeln.");
    check_kind("Wir müssen jetzt", 0, "Petra Hausmann");

    /* qsource.c: a genitive plural without article after a source noun (strong
     * adjective in -er) names the source */
    run("Die Männer wurden nach Angaben örtlicher Behörden in der Stadt festgenommen.");
    check_kind("Die Männer wurden", 1, "Behörden");

    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
