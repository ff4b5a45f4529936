/* test_events_en.c: unit tests of the events stage on English sentences
 * written for these tests: every PLOVER type, active and passive voice,
 * phrasal verbs, negation, hypotheticals, coordination, relative clauses,
 * event nouns, control verbs. Mentions are synthetic. */
#include "test_events_util.h"

enum { PER = LB_MEN_PER, LOC = LB_MEN_LOC, ORG = LB_MEN_ORG };
enum { NAME = LB_FORM_NAME, DERIV = LB_FORM_DERIV, PART = LB_FORM_PART };

static const tmen M[] = {
    {"Xi Jinping", "CHN", "GOV", PER, NAME}, {"Xi", "CHN", "GOV", PER, NAME},
    {"Vladimir Putin", "RUS", "GOV", PER, NAME}, {"Putin", "RUS", "GOV", PER, NAME},
    {"Beijing", "CHN", "GOV", LOC, NAME}, {"China", "CHN", NULL, LOC, NAME},
    {"Moscow", "RUS", "GOV", LOC, NAME}, {"Russia", "RUS", NULL, LOC, NAME},
    {"Kyiv", "UKR", "GOV", LOC, NAME}, {"Ukraine", "UKR", NULL, LOC, NAME},
    {"Washington", "USA", "GOV", LOC, NAME}, {"United States", "USA", NULL, LOC, NAME},
    {"Japan", "JPN", NULL, LOC, NAME}, {"India", "IND", NULL, LOC, NAME},
    {"Iran", "IRN", NULL, LOC, NAME}, {"Israel", "ISR", NULL, LOC, NAME},
    {"European Union", "EUR", NULL, ORG, NAME}, {"NATO", "NATO", NULL, ORG, NAME},
    {"Chinese", "CHN", "BUS", LOC, DERIV}, {"Russian", "RUS", "MIL", LOC, DERIV},
    {"Paris", "FRA", "GOV", LOC, NAME}, {"Iranian", "IRN", NULL, LOC, DERIV},
    {"Tehran", "IRN", "GOV", LOC, NAME}, {"Israeli", "ISR", NULL, LOC, DERIV},
    {NULL, NULL, NULL, 0, 0}
};

static int count_type(const char *type)
{
    int n = 0;
    for (size_t i = 0; i < doc->events.len; i++) n += !strcmp(LB_EVENTS(doc)[i].type, type);
    return n;
}

static void test_types(void)
{
    ev_run("China and Russia signed a trade agreement on Tuesday.", "en", M, NULL);
    EXPECT("AGREE", "CHN", "RUS", 0, 0);
    ev_run("Putin met Xi in the Kremlin.", "en", M, NULL);
    EXPECT("CONSULT", "RUS", "CHN", 0, 0);
    ev_run("The Japanese prime minister will visit India next week.", "en",
           (const tmen[]){{"Japanese", "JPN", "GOV", LOC, DERIV}, {"India", "IND", NULL, LOC, NAME}, {NULL, NULL, NULL, 0, 0}}, NULL);
    EXPECT("CONSULT", "JPN", "IND", 0, 0);
    ev_run("Washington praised Kyiv for its courage.", "en", M, NULL);
    EXPECT("SUPPORT", "USA", "UKR", 0, 0);
    ev_run("Iran conceded to the European Union on inspections.", "en", M, NULL);
    EXPECT("CONCEDE", "IRN", "EUR", 0, 0);
    ev_run("Japan cooperated with India on port security.", "en", M, NULL);
    EXPECT("COOPERATE", "JPN", "IND", 0, 0);
    ev_run("The United States supplied Ukraine with air defence systems.", "en", M, NULL);
    EXPECT("AID", "USA", "UKR", 0, 0);
    ev_run("Russia released two Ukraine soldiers.", "en", M, NULL);
    EXPECT("RETREAT", "RUS", "UKR", 0, 0);
    ev_run("The European Union urged China to use its influence.", "en", M, NULL);
    EXPECT("REQUEST", "EUR", "CHN", 0, 0);
    ev_run("Washington condemned Moscow for the strike.", "en", M, NULL);
    EXPECT("ACCUSE", "USA", "RUS", 0, 0);
    ev_run("Beijing rejected Washington's proposal.", "en", M, NULL);
    EXPECT("REJECT", "CHN", "USA", 0, 0);
    ev_run("Russia threatened NATO with retaliation.", "en", M, NULL);
    EXPECT("THREATEN", "RUS", "NATO", 0, 0);
    ev_run("Russia deployed more troops.", "en", M, NULL);
    EXPECT("MOBILIZE", "RUS", "", 0, 0);
    ev_run("The European Union imposed sanctions on Russia.", "en", M, NULL);
    EXPECT("SANCTION", "EUR", "RUS", 0, 0);
    ev_run("Iran arrested a Japan journalist.", "en", M, NULL);
    EXPECT("COERCE", "IRN", "JPN", 0, 0);
    ev_run("Russia attacked Ukraine in February 2022.", "en", M, (const char *const[]){"February 2022", "2022-02", NULL});
    EXPECT("ASSAULT", "RUS", "UKR", 0, 0);
    CHECK_STR(LB_EVENTS(doc)[0].date, "2022-02");
    ev_run("Farmers in India protested against the European Union.", "en", M, NULL);
    /* a group noun with its place acts for the place's state (not a bare place) */
    EXPECT("PROTEST", "IND", "EUR", 0, 0);
    ev_run("In India, farmers protested against the European Union.", "en", M, NULL);
    CHECK(find_event("PROTEST", "IND", "EUR", 0, 0) < 0);
    ev_run("Japan protested against China.", "en", M, NULL);
    EXPECT("PROTEST", "JPN", "CHN", 0, 0);
    /* a protest without a named target is directed at the own government */
    ev_run("Thousands of Iranian students protested on Monday.", "en", M, NULL);
    EXPECT("PROTEST", "IRN", "IRN", 0, 0);
    /* fighting named by a noun is background, not an event (no recipient) */
    ev_run("Iran and Japan agreed to a ceasefire after two days of fighting.", "en", M, NULL);
    CHECK_INT(count_type("ASSAULT"), 0);
    EXPECT("AGREE", "IRN", "JPN", 0, 0);
    ev_run("Iran blamed Japan for the bombing.", "en", M, NULL);
    CHECK_INT(count_type("ASSAULT"), 0);
    ev_run("Iranian troops fought in the north.", "en", M, NULL);
    EXPECT("ASSAULT", "IRN", "", 0, 0);
}

static void test_flags(void)
{
    ev_run("China did not supply Russia with weapons.", "en", M, NULL);
    EXPECT("AID", "CHN", "RUS", 1, 0);
    ev_run("India refused to condemn Russia.", "en", M, NULL);
    EXPECT("ACCUSE", "IND", "RUS", 1, 0);
    ev_run("China could supply Russia with weapons.", "en", M, NULL);
    EXPECT("AID", "CHN", "RUS", 0, 1);
    ev_run("Officials fear that China supplies Russia with drones.", "en", M, NULL);
    EXPECT("AID", "CHN", "RUS", 0, 1);
    ev_run("Russia not only attacked Ukraine but also threatened NATO.", "en", M, NULL);
    EXPECT("ASSAULT", "RUS", "UKR", 0, 0);
    /* a pledge is AGREE; the pledged action is no event of its own */
    /* an announced act of support is a pledge; a planned visit stays a visit */
    ev_run("Japan will support India with loans.", "en", M, NULL);
    EXPECT("AGREE", "JPN", "IND", 0, 0);
    ev_run("China pledged to support Russia.", "en", M, NULL);
    EXPECT("AGREE", "CHN", "RUS", 0, 0);
    CHECK(find_event("SUPPORT", "CHN", "RUS", 0, 0) < 0);
}

static void test_structure(void)
{
    ev_run("Ukraine was attacked by Russia.", "en", M, NULL);
    EXPECT("ASSAULT", "RUS", "UKR", 0, 0);
    ev_run("Kyiv has been criticized by Beijing.", "en", M, NULL);
    EXPECT("ACCUSE", "CHN", "UKR", 0, 0);
    ev_run("Washington sanctioned Chinese companies that supply the Russian military.", "en", M, NULL);
    EXPECT("AID", "CHN", "RUS", 0, 0);
    EXPECT("SANCTION", "USA", "CHN", 0, 0);
    ev_run("Xi met Putin and signed several agreements.", "en", M, NULL);
    EXPECT("CONSULT", "CHN", "RUS", 0, 0);
    EXPECT("AGREE", "CHN", "RUS", 0, 0);
    ev_run("After talks between Xi and Putin, the delegations left.", "en", M, NULL);
    EXPECT("CONSULT", "CHN", "RUS", 0, 0);
    ev_run("Japan called on China to release the sailors.", "en", M, NULL);
    EXPECT("REQUEST", "JPN", "CHN", 0, 0);
    CHECK(find_event("RETREAT", "CHN", "", 0, 0) < 0);
    ev_run("Xi gave a speech in Paris.", "en", M, NULL);
    EXPECT_NONE();
    ev_run("Since the start of the Russian invasion, prices rose.", "en", M, NULL);
    EXPECT_NONE();
    ev_run("Putin, who arrived on Monday, met Xi.", "en", M, NULL);
    EXPECT("CONSULT", "RUS", "CHN", 0, 0);
    ev_run("The foreign minister of Japan met Xi on Monday.", "en", M, NULL);
    EXPECT("CONSULT", "JPN", "CHN", 0, 0);
    /* dates: the nearest date expression; durations are no dates; PRESENT_REF is the document date */
    ev_run("In March 2021 Russia attacked Ukraine and in May 2022 China praised Russia.", "en", M,
           (const char *const[]){"March 2021", "2021-03", "May 2022", "2022-05", NULL});
    int a = find_event("ASSAULT", "RUS", "UKR", 0, 0), b = find_event("SUPPORT", "CHN", "RUS", 0, 0);
    CHECK(a >= 0 && b >= 0);
    if (a >= 0) CHECK_STR(LB_EVENTS(doc)[a].date, "2021-03");
    if (b >= 0) CHECK_STR(LB_EVENTS(doc)[b].date, "2022-05");
    ev_run("For ten years Russia has attacked Ukraine.", "en", M, (const char *const[]){"ten years", "P10Y", NULL});
    CHECK(doc->events.len == 1 && !strcmp(LB_EVENTS(doc)[0].date, "2024-05-10"));
}

/* heuristics for roles without a parser: reported demands, domestic and
 * place recipients, object words, appositions, noun and verb readings */
static void test_roles(void)
{
    ev_run("Washington said that Iran must stop the enrichment.", "en", M, NULL);
    EXPECT("REQUEST", "USA", "IRN", 0, 0);
    ev_run("Iran arrested dozens of opposition activists.", "en", M, NULL);
    EXPECT("COERCE", "IRN", "IRN", 0, 0);
    ev_run("Israel carried out air strikes in Iran.", "en", M, NULL);
    EXPECT("ASSAULT", "ISR", "IRN", 0, 0);
    ev_run("Iranian students protested in Paris.", "en", M, NULL);
    EXPECT("PROTEST", "IRN", "FRA", 0, 0);
    ev_run("Iran said it will impose a curfew in Tehran.", "en", M, NULL);
    EXPECT("THREATEN", "IRN", "IRN", 0, 0);
    /* obj= words decide the reading: suspending aid or talks is a sanction,
     * and the suspended talks are no meeting */
    ev_run("Japan suspended aid to Iran.", "en", M, NULL);
    EXPECT("SANCTION", "JPN", "IRN", 0, 0);
    ev_run("Japan suspended the talks with Iran.", "en", M, NULL);
    EXPECT("SANCTION", "JPN", "IRN", 0, 0);
    CHECK(count_type("CONSULT") == 0);
    ev_run("Iran rejected a Chinese offer of talks.", "en", M, NULL);
    EXPECT("REJECT", "IRN", "CHN", 0, 0);
    CHECK(count_type("CONSULT") == 0 && count_type("AGREE") == 0);
    /* an indefinite apposition is no subject */
    ev_run("Iran, a close ally of Russia, condemned Israel.", "en", M, NULL);
    EXPECT("ACCUSE", "IRN", "ISR", 0, 0);
    CHECK(find_event("ACCUSE", "RUS", "ISR", 0, 0) < 0);
    /* -s forms: a verb after its actor, a noun after an adjective */
    ev_run("Israel attacks Iran.", "en", M, NULL);
    EXPECT("ASSAULT", "ISR", "IRN", 0, 0);
    ev_run("Israeli attacks on Iran continued.", "en", M, NULL);
    EXPECT_NONE();
    /* without negates its own verb only */
    ev_run("Japan agreed to help Ukraine without sending troops.", "en", M, NULL);
    EXPECT("AGREE", "JPN", "UKR", 0, 0);
    /* a one-sided event covered by a directed one of its type */
    ev_run("Russia shelled Kyiv, killing dozens.", "en", M, NULL);
    EXPECT("ASSAULT", "RUS", "UKR", 0, 0);
    CHECK(count_type("ASSAULT") == 1);
    /* group nouns give their sector to a state adjective (en.groups) */
    ev_run("Iranian gunmen attacked Israel.", "en", M, NULL);
    int g = find_event("ASSAULT", "IRN", "ISR", 0, 0);
    CHECK(g >= 0 && LB_EVENTS(doc)[g].actor[0].sector && !strcmp(LB_EVENTS(doc)[g].actor[0].sector, "REB"));
    ev_run("Iranian militiamen attacked Israel.", "en", M, NULL);
    g = find_event("ASSAULT", "IRN", "ISR", 0, 0);
    CHECK(g >= 0 && LB_EVENTS(doc)[g].actor[0].sector && !strcmp(LB_EVENTS(doc)[g].actor[0].sector, "REB"));
    ev_run("Iranian officials accused Israel of sabotage.", "en", M, NULL);
    g = find_event("ACCUSE", "IRN", "ISR", 0, 0);
    CHECK(g >= 0 && LB_EVENTS(doc)[g].actor[0].sector && !strcmp(LB_EVENTS(doc)[g].actor[0].sector, "GOV"));
}

int main(void)
{
    ev_setup();
    test_types();
    test_flags();
    test_structure();
    test_roles();
    ev_teardown();
    return TEST_END();
}
