/* test_discourse.c: unit tests of the discourse layer: name variants, titles,
 * appositions, descriptions and pronouns resolved to the entity they refer
 * to, German and English, including two candidates of different gender and
 * a referent carried over three sentences. Sentences written for these tests. */
#include "test.h"
#include "test_doc.h"
#include "lagebild.h"
#include "doc.h"
#include "text/text.h"
#include <stdlib.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text, const char *lang)
{
    lb_input in = test_input(text, lang);
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_DISCOURSE), LB_OK);
}

/* the canonical name of the entity the nth token spelt `word` refers to
 * (n counts from 1), "" when it refers to none, "?" when there is no such token */
static const char *ent(const char *word, int nth)
{
    const lb_tok *t = LB_TOKS(doc);
    for (uint32_t i = 0; i < doc->toks.len; i++) {
        size_t n = t[i].end - t[i].start;
        if (n != strlen(word) || memcmp(doc->text + t[i].start, word, n) || --nth) continue;
        const lb_entity *e = lb_entity_at(doc, i);
        return e ? e->name : "";
    }
    return "?";
}

static const lb_ref *ref(const char *word, int nth)
{
    const lb_tok *t = LB_TOKS(doc);
    for (uint32_t i = 0; i < doc->toks.len; i++) {
        size_t n = t[i].end - t[i].start;
        if (n == strlen(word) && !memcmp(doc->text + t[i].start, word, n) && !--nth) return lb_ref_at(doc, i);
    }
    return NULL;
}

static void german(void)
{
    /* a document without any actor mention: a description resolves to nothing
     * (and the empty mention list is walked safely: a fuzz finding) */
    run("Der Minister schwieg. Er ging.", "de");
    CHECK_STR(ent("Minister", 1), "");
    CHECK_STR(ent("Er", 1), "");
    /* pronoun: two candidates of different gender */
    run("Der Außenminister Sergej Lawrow traf am Montag Annalena Baerbock in Berlin. "
        "Er sagte, man sei zu Gesprächen bereit. Sie entgegnete, sie erwarte Taten.", "de");
    CHECK_STR(ent("Er", 1), ent("Lawrow", 1));
    CHECK_STR(ent("Sie", 1), ent("Baerbock", 1));
    CHECK_STR(ent("sie", 1), ent("Baerbock", 1));
    CHECK(strcmp(ent("Lawrow", 1), ent("Baerbock", 1)) != 0);
    /* title: the role noun before the name belongs to its mention */
    const lb_ref *r = ref("Außenminister", 1);
    CHECK(r && r->kind == LB_REF_NAME);
    CHECK_STR(ent("Außenminister", 1), ent("Lawrow", 1));

    /* name variants and a description: Xi Jinping, Xi, der Staatschef */
    run("Der chinesische Präsident Xi Jinping empfing den Gast im Palast. Xi lobte die Beziehungen. "
        "Der Staatschef kündigte weitere Treffen an.", "de");
    CHECK_STR(ent("Xi", 2), ent("Jinping", 1));
    CHECK_STR(ent("Staatschef", 1), ent("Jinping", 1));
    r = ref("Staatschef", 1);
    CHECK(r && r->kind == LB_REF_DESC);

    /* a description with a derived actor mention and a role head introduces a
     * person (with the mention's actor) that a pronoun and a later description
     * refer to; one without an actor, a plural and a genitive do not */
    run("Der russische Außenminister kritisierte die Regierung. Er forderte Gespräche. "
        "Der Minister reiste danach ab.", "de");
    CHECK_STR(ent("Außenminister", 1), "russische Außenminister");
    CHECK_STR(ent("Er", 1), "russische Außenminister");
    CHECK_STR(ent("Minister", 1), "russische Außenminister");
    CHECK(lb_entity_at(doc, ref("Er", 1)->tok0) && lb_entity_at(doc, ref("Er", 1)->tok0)->actor.code &&
          !strcmp(lb_entity_at(doc, ref("Er", 1)->tok0)->actor.code, "RUS"));
    CHECK(lb_entity_at(doc, ref("Er", 1)->tok0)->gender == LB_GENDER_MASC);
    run("Die russischen Diplomaten kritisierten die Regierung. Sie forderten Gespräche.", "de");
    CHECK_STR(ent("Sie", 1), "");
    run("Eine Sprecherin des russischen Außenministers kritisierte die Regierung. Er schwieg.", "de");
    CHECK_STR(ent("Er", 1), "");

    /* apposition, and a speaker carried over three sentences */
    run("Wolfgang Schmidt, der neue Sprecher, kam am Morgen. Er begrüßte die Gäste. "
        "Am Mittag sprach er mit Journalisten. Danach reiste er nach Hamburg.", "de");
    r = ref("Sprecher", 1);
    CHECK(r && r->kind == LB_REF_APPOS);
    CHECK_STR(ent("Sprecher", 1), ent("Schmidt", 1));
    CHECK_STR(ent("Er", 1), ent("Schmidt", 1));
    CHECK_STR(ent("er", 1), ent("Schmidt", 1));
    CHECK_STR(ent("er", 2), ent("Schmidt", 1));

    /* an organisation and a pronoun of its gender */
    run("Die Bundesregierung prüft den Antrag. Sie will bis Freitag entscheiden.", "de");
    CHECK(ent("Sie", 1)[0] != '\0');
    CHECK_STR(ent("Sie", 1), ent("Bundesregierung", 1));

    /* a person the actor list does not know, after a role noun; later by the
     * surname, as "sie", and as a description whose article gives the gender */
    run("Die Rechtsterroristin Beate Zschäpe sprach von Uwe Trommler. Zschäpe sagte, er sei gewalttätig gewesen. "
        "Sie habe Angst gehabt, sagte die Angeklagte.", "de");
    CHECK_STR(ent("Zschäpe", 2), "Beate Zschäpe");
    CHECK_STR(ent("Sie", 1), "Beate Zschäpe");
    CHECK_STR(ent("Angeklagte", 1), "Beate Zschäpe");

    /* an organisation description by its name's head, not any organisation */
    run("Die Bundesregierung und der Bundestag berieten. Die Regierung kündigte an, zu prüfen.", "de");
    CHECK_STR(ent("Regierung", 1), ent("Bundesregierung", 1));
    run("Der Bundestag beriet am Montag. Die Regierung kündigte an, zu prüfen.", "de");
    CHECK_STR(ent("Regierung", 1), "");

    /* a dateline is not the subject: the possessive goes to the person */
    run("Warschau – Der Parteichef Jarosław Kaczyński hat Kritik geübt. Er wies Vorwürfe in seinem Land zurück.", "de");
    CHECK_STR(ent("seinem", 1), ent("Kaczyński", 1));

    /* a description with a genitive names someone new */
    run("Angela Merkel traf die Delegation. Der Sprecher der Delegation sagte nichts.", "de");
    CHECK_STR(ent("Sprecher", 1), "");

    /* an inflected head by its lemma, and the subject outranks a later object
     * (the possessive keeps the state the subject of its sentence) */
    run("Als Reaktion auf Manöver mit Südkorea verschärft Nordkorea seine Drohungen. "
        "Das Militär des isolierten Landes drohte am Samstag.", "de");
    CHECK_STR(ent("Landes", 1), ent("Nordkorea", 1));
    CHECK(strcmp(ent("Landes", 1), ent("Südkorea", 1)) != 0);

    /* an alliance by its description */
    run("Die Nato hat ihre Truppen in Polen verstärkt. Das Bündnis warf Russland Drohungen vor.", "de");
    CHECK_STR(ent("Bündnis", 1), ent("Nato", 1));
    run("Die Partei hat Ungarn kritisiert. Das Bündnis der Opposition schwieg.", "de");
    CHECK_STR(ent("Bündnis", 1), "");

    /* a person introduced with the description's role comes first, even when
     * someone else was named later */
    run("Laut seinem Anwalt Mathias Berger sei die Klage unbegründet. Der Kläger Peter Huber schwieg. "
        "Die Kosten trage der Staat, sagte der Rechtsanwalt.", "de");
    CHECK_STR(ent("Rechtsanwalt", 1), ent("Berger", 1));

    /* a head without a role, identified by its relative clause: someone new */
    run("Der Bürgermeister Siegfried Huber sprach am Montag. Er war im Visier des Mannes, der drei Menschen tötete.", "de");
    CHECK_STR(ent("Mannes", 1), "");

    /* a head naming no kind of organisation (die Gruppe) refers to any named one */
    run("Die Hamas griff am Montag Israel an. Die Gruppe drohte mit weiteren Angriffen.", "de");
    CHECK_STR(ent("Gruppe", 1), ent("Hamas", 1));
    /* a state named before is also its government (die Regierung: Iran) */
    run("Der Iran testete am Montag eine Rakete. Die Regierung wies jede Kritik zurück.", "de");
    CHECK_STR(ent("Regierung", 1), ent("Iran", 1));
    run("Nordkorea feuerte am Montag eine Rakete ab. Die Führung drohte mit weiteren Tests.", "de");
    CHECK_STR(ent("Führung", 1), ent("Nordkorea", 1));
    /* a sentence-initial Sie takes the number of its verb, not the polite
     * reading's: plural, a group named in the plural */
    run("Die iranischen Revolutionsgarden griffen am Montag ein Schiff an. Sie drohten den USA mit weiteren Angriffen.", "de");
    CHECK_STR(ent("Sie", 1), ent("Revolutionsgarden", 1));
}

static void english(void)
{
    run("President Joe Biden met Mrs. Ursula von der Leyen in Washington. "
        "He said the talks were good. She agreed.", "en");
    CHECK_STR(ent("He", 1), ent("Biden", 1));
    CHECK_STR(ent("She", 1), ent("Leyen", 1));
    run("Emmanuel Macron arrived on Monday. Macron, the French president, spoke first. "
        "Later he met students. Then he left. He was tired.", "en");
    CHECK_STR(ent("Macron", 2), ent("Macron", 1));
    CHECK_STR(ent("president", 1), ent("Macron", 1));
    CHECK_STR(ent("he", 2), ent("Macron", 1));
    CHECK_STR(ent("He", 1), ent("Macron", 1));
    run("NATO sent more troops to Poland. The alliance accused Russia of threats.", "en");
    CHECK_STR(ent("alliance", 1), ent("NATO", 1));
    run("Hezbollah fired rockets at Israel on Monday. The militia said it would go on.", "en");
    CHECK_STR(ent("militia", 1), ent("Hezbollah", 1));
    run("Iran tested a missile on Monday. The government rejected all criticism.", "en");
    CHECK_STR(ent("government", 1), ent("Iran", 1));
    run("Iran tested a missile on Monday. The country rejected all criticism.", "en");
    CHECK_STR(ent("country", 1), ent("Iran", 1));
    run("Hamas fired rockets at Israel on Monday. The group said it would go on.", "en");
    CHECK_STR(ent("group", 1), ent("Hamas", 1));
    CHECK(strcmp(ent("group", 1), ent("Israel", 1)) != 0);
    /* they: an organisation named before */
    run("The Taliban attacked a checkpoint on Monday. They threatened further attacks.", "en");
    CHECK_STR(ent("They", 1), ent("Taliban", 1));
}

int main(void)
{
    CHECK_INT(lb_ctx_new(&ctx, LB_TEST_DATA_DIR), LB_OK);
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);
    german();
    english();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
