/* test_events_de.c: unit tests of the events stage on German sentences
 * written for these tests: every PLOVER type, separable verbs, negation,
 * hypotheticals, passive voice, coordination, relative clauses, event nouns
 * with their participants, dates and provenance. Mentions are synthetic. */
#include "test_events_util.h"

enum { PER = LB_MEN_PER, LOC = LB_MEN_LOC, ORG = LB_MEN_ORG };
enum { NAME = LB_FORM_NAME, DERIV = LB_FORM_DERIV, PART = LB_FORM_PART };

static const tmen M[] = {
    {"Xi Jinping", "CHN", "GOV", PER, NAME}, {"Xi", "CHN", "GOV", PER, NAME},
    {"Wladimir Putin", "RUS", "GOV", PER, NAME}, {"Putin", "RUS", "GOV", PER, NAME},
    {"Putins", "RUS", "GOV", PER, NAME},
    {"Peking", "CHN", "GOV", LOC, NAME}, {"China", "CHN", NULL, LOC, NAME},
    {"Moskau", "RUS", "GOV", LOC, NAME}, {"Russland", "RUS", NULL, LOC, NAME},
    {"Russlands", "RUS", NULL, LOC, NAME},
    {"Kiew", "UKR", "GOV", LOC, NAME}, {"Ukraine", "UKR", NULL, LOC, NAME},
    {"Washington", "USA", "GOV", LOC, NAME}, {"USA", "USA", NULL, LOC, NAME},
    {"Biden", "USA", "GOV", PER, NAME}, {"Scholz", "DEU", "GOV", PER, NAME},
    {"Berlin", "DEU", "GOV", LOC, NAME}, {"EU", "EUR", NULL, ORG, NAME},
    {"Nato", "NATO", NULL, ORG, NAME}, {"Taiwan", "TWN", NULL, LOC, NAME},
    {"Iran", "IRN", NULL, LOC, NAME},
    {"chinesische", "CHN", "BUS", LOC, DERIV}, {"chinesischen", "CHN", NULL, LOC, DERIV},
    {"russische", "RUS", "MIL", LOC, DERIV}, {"russischen", "RUS", NULL, LOC, DERIV},
    {NULL, NULL, NULL, 0, 0}
};

static void test_types(void)
{
    ev_run("Xi und Putin unterzeichneten am Dienstag ein Abkommen über Energie.", "de", M, NULL);
    EXPECT("AGREE", "CHN", "RUS", 0, 0);
    ev_run("Putin empfing Xi im Kreml.", "de", M, NULL);
    EXPECT("CONSULT", "RUS", "CHN", 0, 0);
    CHECK_STR(LB_EVENTS(doc)[0].mode, "visit");
    ev_run("Scholz telefonierte am Abend mit Biden.", "de", M, NULL);
    EXPECT("CONSULT", "DEU", "USA", 0, 0);
    ev_run("Peking lobte Moskau für seine Haltung.", "de", M, NULL);
    EXPECT("SUPPORT", "CHN", "RUS", 0, 0);
    ev_run("Am Ende lenkte Kiew gegenüber Washington ein.", "de", M, NULL);
    EXPECT("CONCEDE", "UKR", "USA", 0, 0);
    ev_run("China arbeitet seit Jahren eng mit Russland zusammen.", "de", M, NULL);
    EXPECT("COOPERATE", "CHN", "RUS", 0, 0);
    ev_run("Die USA liefern der Ukraine weitere Raketen.", "de", M, NULL);
    EXPECT("AID", "USA", "UKR", 0, 0);
    ev_run("Russland zog seine Truppen aus der Ukraine ab.", "de", M, NULL);
    EXPECT("RETREAT", "RUS", "UKR", 0, 0);
    ev_run("Die EU forderte China auf, mehr Druck auszuüben.", "de", M, NULL);
    EXPECT("REQUEST", "EUR", "CHN", 0, 0);
    ev_run("Washington kritisierte Peking scharf.", "de", M, NULL);
    EXPECT("ACCUSE", "USA", "CHN", 0, 0);
    ev_run("Moskau wies die Vorwürfe Kiews zurück.", "de", M, NULL);
    ev_run("Peking lehnte den Vorschlag Washingtons ab.", "de",
           (const tmen[]){{"Peking", "CHN", "GOV", LOC, NAME}, {"Washingtons", "USA", "GOV", LOC, NAME}, {NULL, NULL, NULL, 0, 0}}, NULL);
    EXPECT("REJECT", "CHN", "USA", 0, 0);
    ev_run("Putin drohte der Nato mit Konsequenzen.", "de", M, NULL);
    EXPECT("THREATEN", "RUS", "NATO", 0, 0);
    ev_run("Die Nato verlegte weitere Soldaten.", "de", M, NULL);
    EXPECT("MOBILIZE", "NATO", "", 0, 0);
    ev_run("Die EU verhängte neue Sanktionen gegen Russland.", "de", M, NULL);
    EXPECT("SANCTION", "EUR", "RUS", 0, 0);
    ev_run("Russland griff die Ukraine im Februar 2022 an.", "de", M, (const char *const[]){"im Februar 2022", "2022-02", NULL});
    EXPECT("ASSAULT", "RUS", "UKR", 0, 0);
    CHECK_STR(LB_EVENTS(doc)[0].date, "2022-02");
    ev_run("Der Iran nahm zwei Bürger der USA fest.", "de", M, NULL);
    EXPECT("COERCE", "IRN", "USA", 0, 0);
    ev_run("Die Nato protestierte gegen Russland.", "de", M, NULL);
    EXPECT("PROTEST", "NATO", "RUS", 0, 0);
}

/* ev_run on German text annotated up to the clauses (morphology and
 * syntax: ev_with_discourse, which ev_run clears after each run) */
static void ev_run_de_clauses(const char *text)
{
    ev_with_discourse = 1;
    ev_run(text, "de", M, NULL);
}

static void test_flags(void)
{
    ev_run("China lieferte Russland keine Waffen.", "de", M, NULL);
    EXPECT("AID", "CHN", "RUS", 1, 0);
    ev_run("Peking weigerte sich, den Angriff Russlands zu verurteilen.", "de", M, NULL);
    EXPECT("ACCUSE", "CHN", "RUS", 1, 0);
    ev_run("China könnte Russland Waffen liefern.", "de", M, NULL);
    EXPECT("AID", "CHN", "RUS", 0, 1);
    ev_run("Die USA befürchten, dass China Russland Waffen liefert.", "de", M, NULL);
    EXPECT("AID", "CHN", "RUS", 0, 1);
    /* a past intention is hypothetical: the act is not said to have happened
     * (by the morphology layer: ev_run_de_clauses) */
    ev_run_de_clauses("Russland wollte die Ukraine angreifen.");
    EXPECT("ASSAULT", "RUS", "UKR", 0, 1);
    ev_run_de_clauses("Russland habe die Ukraine angreifen wollen.");
    EXPECT("ASSAULT", "RUS", "UKR", 0, 1);
    /* ... not an announced one (a threat), nor one reported after a speech verb
     * (wollten: the reported present), nor an act beside it */
    ev_run_de_clauses("Russland will die Ukraine angreifen.");
    EXPECT("THREATEN", "RUS", "UKR", 0, 0);
    ev_run_de_clauses("Die Zeitung berichtete, Russland wollte die Ukraine angreifen.");
    CHECK(find_event("ASSAULT", "RUS", "UKR", 0, 1) < 0 && find_event("THREATEN", "RUS", "UKR", 0, 1) < 0);
    ev_run_de_clauses("Russland hatte die Ukraine angegriffen und wollte Frieden.");
    EXPECT("ASSAULT", "RUS", "UKR", 0, 0);
    /* nicht nur is no negation */
    ev_run("Xi traf nicht nur Putin.", "de", M, NULL);
    EXPECT("CONSULT", "CHN", "RUS", 0, 0);
    /* a pledge: AGREE, the pledged action is no event of its own */
    ev_run("Putin sagte, Russland sei bereit, China zu unterstützen.", "de", M, NULL);
    EXPECT("AGREE", "RUS", "CHN", 0, 0);
    CHECK(find_event("SUPPORT", "RUS", "CHN", 0, 0) < 0);
}

static void test_structure(void)
{
    /* passive with von */
    ev_run("Die Ukraine wurde von Russland angegriffen.", "de", M, NULL);
    EXPECT("ASSAULT", "RUS", "UKR", 0, 0);
    /* relative clause: the antecedent is the subject */
    ev_run("Die USA sanktionieren chinesische Unternehmen, die das russische Militär beliefern.", "de", M, NULL);
    EXPECT("AID", "CHN", "RUS", 0, 0);
    EXPECT("SANCTION", "USA", "CHN", 0, 0);
    /* noun with participants */
    ev_run("Nach einem Gespräch zwischen Xi und Putin reiste die Delegation ab.", "de", M, NULL);
    EXPECT("CONSULT", "CHN", "RUS", 0, 0);
    ev_run("Putins Besuch in China dauerte drei Tage.", "de", M, NULL);
    EXPECT("CONSULT", "RUS", "CHN", 0, 0);
    /* separable verb, verb second with the subject after the verb */
    /* a separable particle closes its clause: "zu einer" is no particle of "sichern" */
    ev_run("Die beiden Mächte verpflichten sich zu einer engeren Zusammenarbeit.", "de", M, NULL);
    CHECK(doc->events.len == 0 || strcmp(LB_EVENTS(doc)[0].rule, "de.zusichern"));
    ev_run("Putin sicherte Xi Hilfe zu und reiste ab.", "de", M, NULL);
    EXPECT("AGREE", "RUS", "CHN", 0, 0);
    ev_run("Am Mittwoch schlug Peking Kiew einen Waffenstillstand vor.", "de", M, NULL);
    EXPECT("REQUEST", "CHN", "UKR", 0, 0);
    CHECK_STR(LB_EVENTS(doc)[0].rule, "de.vorschlagen");
    /* a place is no actor */
    ev_run("Xi hielt in Moskau eine Rede.", "de", M, NULL);
    EXPECT_NONE();
    /* background noun without a support verb: no event */
    ev_run("Seit Beginn der russischen Invasion ist viel geschehen.", "de", M, NULL);
    EXPECT_NONE();
    /* coordination of verbs: the second inherits the subject */
    ev_run("Xi traf Putin und unterzeichnete mehrere Abkommen.", "de", M, NULL);
    EXPECT("CONSULT", "CHN", "RUS", 0, 0);
    EXPECT("AGREE", "CHN", "RUS", 0, 0);
    /* one event per type, participants and date */
    ev_run("Xi und Putin unterzeichneten ein Abkommen und vereinbarten eine Partnerschaft.", "de", M, NULL);
    CHECK_INT(doc->events.len, 1);
}

static void test_more(void)
{
    /* mutual support: one event per direction */
    ev_run("China und Russland unterstützen einander in allen Fragen.", "de", M, NULL);
    EXPECT("SUPPORT", "CHN", "RUS", 0, 0);
    EXPECT("SUPPORT", "RUS", "CHN", 0, 0);
    /* reported speech in Konjunktiv II is not hypothetical */
    ev_run("Putin und Xi hätten dabei über Energie gesprochen.", "de", M, NULL);
    EXPECT("CONSULT", "RUS", "CHN", 0, 0);
    /* taking part in an event of a state */
    ev_run("Der Iran nahm an Chinas Parade teil.", "de",
           (const tmen[]){{"Iran", "IRN", NULL, LOC, NAME}, {"Chinas", "CHN", NULL, LOC, NAME}, {NULL, NULL, NULL, 0, 0}}, NULL);
    EXPECT("CONSULT", "IRN", "CHN", 0, 0);
    /* idiom with a dative object */
    ev_run("China will Putin den Rücken stärken.", "de", M, NULL);
    EXPECT("SUPPORT", "CHN", "RUS", 0, 0);
    /* a compound noun head with support verb and participants */
    ev_run("Die USA kündigten neue Militärhilfen für Kiew an.", "de", M, NULL);
    EXPECT("AID", "USA", "UKR", 0, 0);
    /* a possessive pronoun refers to the subject before */
    ev_run("Xi hat gesagt, dass sein Land und Russland zusammenarbeiten.", "de", M, NULL);
    EXPECT("COOPERATE", "CHN", "RUS", 0, 0);
    /* a warning about what another state may do is an accusation; a warning to a state a threat */
    ev_run("Die USA haben davor gewarnt, dass China Russland Waffen liefern könnte.", "de", M, NULL);
    EXPECT("ACCUSE", "USA", "CHN", 0, 0);
    EXPECT("AID", "CHN", "RUS", 0, 1);
    ev_run("Die USA warnten China vor Waffenlieferungen.", "de", M, NULL);
    EXPECT("THREATEN", "USA", "CHN", 0, 0);
    /* trade named with both partners is COOPERATE */
    ev_run("Chinas Handel mit Russland wuchs im letzten Jahr stark.", "de",
           (const tmen[]){{"Chinas", "CHN", NULL, LOC, NAME}, {"Russland", "RUS", NULL, LOC, NAME}, {NULL, NULL, NULL, 0, 0}}, NULL);
    EXPECT("COOPERATE", "CHN", "RUS", 0, 0);
    /* a declared partnership is AGREE */
    ev_run("Xi und Putin erklärten eine Partnerschaft ohne Grenzen.", "de", M, NULL);
    EXPECT("AGREE", "CHN", "RUS", 0, 0);
    /* Nato-Gipfel: the name inside the word is a participant */
    ev_run("Scholz reiste zum Nato-Gipfel.", "de",
           (const tmen[]){{"Scholz", "DEU", "GOV", PER, NAME}, {"Nato-Gipfel", "NATO", NULL, ORG, PART}, {NULL, NULL, NULL, 0, 0}}, NULL);
    EXPECT("CONSULT", "DEU", "NATO", 0, 0);
    /* unconfirmed: no evidence that ... */
    ev_run("Es gebe keine Beweise dafür, dass China Russland Waffen geliefert habe.", "de", M, NULL);
    EXPECT("AID", "CHN", "RUS", 0, 1);
}

static void test_ambiguity(void)
{
    /* bereits is no bereit; a capitalised noun takes no verb pattern; a dateline is a place */
    ev_run("China und Russland stehen bereits fest.", "de", M, NULL);
    EXPECT_NONE();
    ev_run("Der Kampf Russlands gegen die Ukraine dauert an.", "de", M, NULL);
    EXPECT_NONE();
    /* (the police of the dateline's state arrests persons: a domestic event) */
    ev_run("Moskau – Die Polizei nahm zwei Demonstranten fest.", "de", M, NULL);
    EXPECT("COERCE", "RUS", "RUS", 0, 0);
    ev_run("Moskau – Russland griff die Ukraine an.", "de", M, NULL);
    EXPECT("ASSAULT", "RUS", "UKR", 0, 0);
}

static void test_both(void)
{
    /* "beide" refers to the two actors named last */
    ev_run("Xi traf Putin in Moskau. Beide Seiten unterstützen einander.", "de", M, NULL);
    EXPECT("SUPPORT", "CHN", "RUS", 0, 0);
    EXPECT("SUPPORT", "RUS", "CHN", 0, 0);
    ev_run("Peking und Moskau verhandeln. Ein Treffen zwischen den beiden Staatschefs ist geplant.", "de", M, NULL);
    CHECK_INT(doc->events.len, 2);
    /* only one actor named before: no group */
    ev_run("Xi sprach in Peking. Die beiden Staatschefs trafen sich.", "de", M, NULL);
    EXPECT_NONE();
}

static void test_quotes(void)
{
    /* first person in a quote: the speaker */
    ev_quote_text = "Ich und Präsident Putin sind uns einig";
    ev_quote_speaker = "CHN";
    ev_run("„Ich und Präsident Putin sind uns einig“, sagte der Gast.", "de", M, NULL);
    EXPECT("AGREE", "CHN", "RUS", 0, 0);
    ev_quote_text = "Wir unterstützen Kiew";
    ev_quote_speaker = "DEU";
    ev_run("„Wir unterstützen Kiew“, sagte die Ministerin.", "de", M, NULL);
    EXPECT("SUPPORT", "DEU", "UKR", 0, 0);
    /* an impersonal passive in a quote has no agent: not the speaker's act */
    ev_quote_text = "Es wird auf alle geschossen, die sich auf die Straße trauen";
    ev_quote_speaker = "DEU";
    ev_run("„Es wird auf alle geschossen, die sich auf die Straße trauen“, sagte die Ministerin.", "de", M, NULL);
    CHECK(find_event("ASSAULT", "DEU", "", 0, 0) < 0);
    /* an act that fixes its agent, reported by a state's official with no place
     * named: the speaker's state acts, not the dateline's */
    ev_quote_text = "Der Fall wird gerade aufgeklärt";
    ev_quote_speaker = "DEU";
    ev_run("Paris – Der Fall wird gerade aufgeklärt, sagte der Innenminister.", "de", M, NULL);
    EXPECT("ACCUSE", "DEU", "DEU", 0, 0);
    CHECK(find_event("ACCUSE", "FRA", "FRA", 0, 0) < 0);
}

static void test_provenance(void)
{
    const char *t = "Vorher regnete es in Moskau. Russland griff die Ukraine an.";
    ev_run(t, "de", M, NULL);
    CHECK_INT(doc->events.len, 1);
    if (doc->events.len == 1) {
        const lb_event *e = &LB_EVENTS(doc)[0];
        CHECK_SPAN(t, e->start, e->end, "Russland griff die Ukraine an.");
        CHECK_SPAN(t, e->trigger_start, e->trigger_end, "griff");
        CHECK_STR(e->rule, "de.angreifen");
        CHECK_STR(e->cameo, "19");
        CHECK(e->goldstein < -9);
        CHECK(e->confidence > 0 && e->confidence <= 1);
        CHECK_STR(e->date, "2024-05-10");
        CHECK_INT(e->sent, 1);
    }
}

int main(void)
{
    ev_setup();
    test_types();
    test_flags();
    test_structure();
    test_more();
    test_ambiguity();
    test_both();
    test_quotes();
    test_provenance();
    ev_teardown();
    return TEST_END();
}
