/* test_events_news.c: unit tests of the events stage on news beyond
 * diplomacy, on German and English sentences written for these tests:
 * police, courts and violence vocabulary, weak verbs expanded from their
 * infinitive, group nouns as actors (state from the adjective, the seat, a
 * genitive name or the dateline), acts that fix their agent (agentless
 * passives), verbal uses of conflict verbs, evaluative frames, pronoun
 * subjects from the sentence before, demands in reported speech, negation,
 * hypotheticals, attributive participles and state passives. */
#include "test_events_util.h"

enum { PER = LB_MEN_PER, LOC = LB_MEN_LOC, ORG = LB_MEN_ORG };
enum { NAME = LB_FORM_NAME, DERIV = LB_FORM_DERIV };

static const tmen M[] = {
    {"Putin", "RUS", "GOV", PER, NAME}, {"Xi", "CHN", "GOV", PER, NAME},
    {"Moskau", "RUS", "GOV", LOC, NAME}, {"Russland", "RUS", NULL, LOC, NAME},
    {"Kiew", "UKR", "GOV", LOC, NAME}, {"Ukraine", "UKR", NULL, LOC, NAME},
    {"Ankara", "TUR", "GOV", LOC, NAME}, {"Türkei", "TUR", NULL, LOC, NAME},
    {"türkische", "TUR", NULL, LOC, DERIV}, {"Damaskus", "SYR", "GOV", LOC, NAME},
    {"Berlin", "DEU", "GOV", LOC, NAME}, {"Bayern", "DEU", NULL, LOC, NAME},
    {"Kairo", "EGY", "GOV", LOC, NAME}, {"IS", "IMG", "REB", ORG, NAME},
    {"USA", "USA", NULL, LOC, NAME}, {"Chinas", "CHN", NULL, LOC, NAME},
    {"russischen", "RUS", NULL, LOC, DERIV},
    {"Turkish", "TUR", NULL, LOC, DERIV}, {"Israeli", "ISR", NULL, LOC, DERIV},
    {"Gaza", "PSE", NULL, LOC, NAME},
    {NULL, NULL, NULL, 0, 0}
};

static void test_police_and_courts(void)
{
    /* a weak verb from its infinitive (verhaften*): the police of the dateline's state */
    ev_run("Ankara – Die Polizei verhaftete am Montag zwei Journalisten.", "de", M, NULL);
    EXPECT("COERCE", "TUR", "TUR", 0, 0);
    /* agentless passive of an act that fixes its agent: the acting state, here a place */
    ev_run("Am Montag wurde in Bayern ein Mann festgenommen.", "de", M, NULL);
    EXPECT("COERCE", "DEU", "DEU", 0, 0);
    /* a court sentence is COERCE, condemnation ACCUSE */
    ev_run("Berlin – Der Mann wurde zu fünf Jahren Haft verurteilt.", "de", M, NULL);
    EXPECT("COERCE", "DEU", "DEU", 0, 0);
    ev_run("Putin verurteilte die Türkei.", "de", M, NULL);
    EXPECT("ACCUSE", "RUS", "TUR", 0, 0);
    /* a light-verb construction */
    ev_run("Moskau – Zwei Aktivisten wurden in Gewahrsam genommen.", "de", M, NULL);
    EXPECT("COERCE", "RUS", "RUS", 0, 0);
    /* standing trial: the court acts on the subject */
    ev_run("Berlin – Der Mann muss sich wegen Mittäterschaft vor Gericht verantworten.", "de", M, NULL);
    EXPECT("COERCE", "DEU", "DEU", 0, 0);
    /* a threatened sentence is hypothetical */
    ev_run("Chicago – Dem Mann drohen bis zu 30 Jahre Haft.", "de", M, NULL);
    CHECK(doc->events.len == 0 || find_event("COERCE", "USA", "USA", 0, 1) >= 0 || LB_EVENTS(doc)[0].hypothetical);
    /* negated */
    ev_run("Ankara – Die Polizei nahm die Demonstranten nicht fest.", "de", M, NULL);
    EXPECT("COERCE", "TUR", "TUR", 1, 0);
}

static void test_group_nouns(void)
{
    /* the state of the adjective, the sector of the noun */
    ev_run("Die türkische Armee griff Stellungen in Syrien an.", "de", M, NULL);
    EXPECT("ASSAULT", "TUR", "", 0, 0);
    CHECK(doc->events.len >= 1 && doc->events.len < 100 && LB_EVENTS(doc)[0].actor[0].sector
          && !strcmp(LB_EVENTS(doc)[0].actor[0].sector, "MIL"));
    /* the government in a capital is the state, not a place */
    ev_run("Die Regierung in Damaskus kritisierte die Türkei.", "de", M, NULL);
    EXPECT("ACCUSE", "SYR", "TUR", 0, 0);
    /* a genitive name (Chinas Präsident) */
    ev_run("Moskau – Chinas Präsident sprach mit dem russischen Außenminister.", "de", M, NULL);
    EXPECT("CONSULT", "CHN", "RUS", 0, 0);
    /* an armed group without a state of its own acts for the state where it acts */
    ev_run("Kairo – Der IS griff ein Hotel an.", "de", M, NULL);
    EXPECT("ASSAULT", "EGY", "", 0, 0);
    /* no visit of a state to itself through a group noun */
    ev_run("Berlin – Die Ministerin ist nach Berlin gereist.", "de", M, NULL);
    EXPECT_NONE();
    /* English: the adjective names the state */
    ev_run("Turkish police arrested two journalists in Ankara.", "en", M, NULL);
    EXPECT("COERCE", "TUR", "TUR", 0, 0);
}

static void test_violence_and_frames(void)
{
    /* violence vocabulary with a one-sided event */
    ev_run("Ankara – Soldaten erschossen am Dienstag drei Männer.", "de", M, NULL);
    EXPECT("ASSAULT", "TUR", "", 0, 0);
    /* a verbal attack is an accusation */
    ev_run("Putin attackierte die Türkei scharf.", "de", M, NULL);
    EXPECT("ACCUSE", "RUS", "TUR", 0, 0);
    CHECK(find_event("ASSAULT", "RUS", "TUR", 0, 0) < 0);
    /* the evaluative frame "X als <negative noun> bezeichnen" */
    ev_run("Putin bezeichnete die Türkei als Aggressor.", "de", M, NULL);
    EXPECT("ACCUSE", "RUS", "TUR", 0, 0);
    /* clashes with a named side are fighting in both directions */
    ev_run("Die türkische Polizei war bei Zusammenstößen mit Demonstranten aus Russland im Einsatz.", "de", M, NULL);
    EXPECT("ASSAULT", "TUR", "RUS", 0, 0);
    EXPECT("ASSAULT", "RUS", "TUR", 0, 0);
    /* hypothetical */
    ev_run("Die türkische Armee könnte Stellungen in Syrien angreifen.", "de", M, NULL);
    EXPECT("ASSAULT", "TUR", "", 0, 1);
    /* an agent noun of a trigger (Kritiker) names a person, no event */
    ev_run("Der Kritiker der Türkei lebt in Moskau.", "de", M, NULL);
    EXPECT_NONE();
    /* an attributive participle is background; a state passive has no actor */
    ev_run("Ankara – Die verhafteten Männer schwiegen.", "de", M, NULL);
    EXPECT_NONE();
    ev_run("Ankara – Zwei Polizisten sind verletzt.", "de", M, NULL);
    EXPECT_NONE();
}

static void test_word_order(void)
{
    /* adjuncts in every position; a place before the object is no part of it */
    static const tmen W[] = { {"Scholz", "DEU", "GOV", PER, NAME}, {"Xi Jinping", "CHN", "GOV", PER, NAME},
                              {"Peking", "CHN", NULL, LOC, NAME}, {"Frankreich", "FRA", NULL, LOC, NAME},
                              {NULL, NULL, NULL, 0, 0} };
    ev_run("Scholz traf am Montag in Peking Xi Jinping.", "de", W, NULL);
    EXPECT("CONSULT", "DEU", "CHN", 0, 0);
    ev_run("Am Montag traf Scholz in Peking Xi Jinping.", "de", W, NULL);
    EXPECT("CONSULT", "DEU", "CHN", 0, 0);
    static const char *const T[] = { "am Dienstag", "XXXX-WXX-2", NULL };
    ev_run("Scholz besuchte am Dienstag Frankreich.", "de", W, T);
    EXPECT("CONSULT", "DEU", "FRA", 0, 0);
    ev_run("Am Dienstag besuchte Scholz Frankreich.", "de", W, T);
    EXPECT("CONSULT", "DEU", "FRA", 0, 0);
}

static void test_discourse(void)
{
    /* a pronoun subject takes the actor named in the sentence before */
    ev_run("Putin sprach am Montag in Berlin. Er kritisierte die USA.", "de", M, NULL);
    EXPECT("ACCUSE", "RUS", "USA", 0, 0);
    /* a demand in Konjunktiv reported by a speaker */
    ev_run("Die Ukraine müsse sich zurückziehen, sagte Putin.", "de", M, NULL);
    EXPECT("REQUEST", "RUS", "UKR", 0, 0);
    /* a violation reported by a speaker is the speaker's accusation, also after "sagte," */
    ev_run("Putin sagte, die Türkei habe das Völkerrecht verletzt.", "de", M, NULL);
    EXPECT("ACCUSE", "RUS", "TUR", 0, 0);
    CHECK(find_event("ASSAULT", "RUS", "TUR", 0, 0) < 0);
    ev_run("Die Türkei habe das Abkommen gebrochen, sagte Putin.", "de", M, NULL);
    EXPECT("ACCUSE", "RUS", "TUR", 0, 0);
    /* intent with a cooperative act is a pledge, with a hostile act a threat */
    ev_run("Russland will die Türkei beim Ausbau der Luftabwehr unterstützen.", "de", M, NULL);
    EXPECT("AGREE", "RUS", "TUR", 0, 0);
    ev_run("Russland will die Türkei angreifen.", "de", M, NULL);
    EXPECT("THREATEN", "RUS", "TUR", 0, 0);
    /* a noun event takes the sides of the sentence before */
    ev_run("Putin traf Xi in Moskau. Das Treffen dauerte drei Stunden.", "de", M, NULL);
    CHECK(doc->events.len == 2);
    EXPECT("CONSULT", "RUS", "CHN", 0, 0);
}

int main(void)
{
    ev_setup();
    test_police_and_courts();
    test_group_nouns();
    test_violence_and_frames();
    test_word_order();
    test_discourse();
    ev_teardown();
    return TEST_END();
}
