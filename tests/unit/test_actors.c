/* test_actors.c: the mention layer on hand-written sentences: inflection,
 * genitive, hyphen compounds, case rules, dated roles, titles with states,
 * persons outside the dictionary and in-document short forms. */
#include "test.h"
#include "lagebild.h"
#include "doc.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

static lb_ctx *ctx;
static lb_doc *doc;

static int annotate(const char *text, const char *date)
{
    lb_input in = { .id = "t", .id_len = 1, .text = text, .text_len = strlen(text),
                    .date = date, .date_len = date ? strlen(date) : 0, .origin = "test" };
    return lb_doc_annotate(doc, &in);
}

/* The mention whose surface is exactly s (the n-th such), or NULL. */
static const lb_mention *find(const char *s, int nth)
{
    size_t l = strlen(s);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const lb_mention *m = &LB_MENTIONS(doc)[i];
        if (m->end - m->start == l && !memcmp(doc->text + m->start, s, l) && nth-- == 0) return m;
    }
    return NULL;
}

static int has_actor(const lb_mention *m, const char *code, const char *sector)
{
    if (!m || !m->actor.code || strcmp(m->actor.code, code)) return 0;
    if (!sector) return m->actor.sector == NULL;
    return m->actor.sector && !strcmp(m->actor.sector, sector);
}

static void check_layer_invariants(void)
{
    const lb_tok *T = LB_TOKS(doc);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const lb_mention *m = &LB_MENTIONS(doc)[i];
        CHECK(m->start < m->end && m->end <= doc->len);
        CHECK(m->ntok >= 1 && m->tok0 + m->ntok <= doc->toks.len);
        CHECK(T[m->tok0].start <= m->start && m->end <= T[m->tok0 + m->ntok - 1].end);
        if (i) CHECK(LB_MENTIONS(doc)[i - 1].end <= m->start);
    }
}

/* Resolution is linear in document size: 1.4 MB of dense mentions (state
 * codes from context, titles, bare titles, affiliations, short forms) took
 * 9 s when every lookup scanned all mentions; now well under a second. */
static void test_large_document(void)
{
    static const char para[] =
        "Die Kommunistische Partei Chinas kritisierte den russischen Botschafter in Berlin. "
        "Der französische Präsident Emmanuel Macron traf Wladimir Putin in Moskau, sagte Müller. "
        "Der Präsident lobte die Staatsmedien, Professor an der Universität Wien Anna Schmidt. "
        "Xi Jinping sprach mit Olaf Scholz über Japan und Indien; der Kanzler schwieg.\n\n";
    size_t reps = 4000, n = strlen(para);
    char *t = malloc(reps * n);
    CHECK(t != NULL);
    if (!t) return;
    for (size_t i = 0; i < reps; i++) memcpy(t + i * n, para, n);
    lb_input in = { .id = "big", .id_len = 3, .text = t, .text_len = reps * n, .date = "2024-05-16", .date_len = 10 };
    clock_t c0 = clock();
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_SYNTAX), LB_OK);
    clock_t c1 = clock();
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_ACTORS), LB_OK);
    clock_t c2 = clock();
    double actors = (double)(c2 - c1 - (c1 - c0)) / CLOCKS_PER_SEC;
    printf("actors stage on %zu bytes: %.3f s\n", reps * n, actors);
    CHECK(actors < 1.5);
    CHECK(doc->mentions.len >= reps * 10);
    free(t);
}

int main(void)
{
    CHECK_INT(lb_ctx_new(&ctx, LB_TEST_DATA_DIR), LB_OK);
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);

    /* inflection and genitive */
    CHECK_INT(annotate("Die chinesischen Behörden und ein russischer Sprecher äußerten sich. "
                       "Chinas Führung begrüßte Putins Besuch in Moskau.", "2024-05-16"), LB_OK);
    const lb_mention *m = find("chinesischen", 0);
    CHECK(m && m->type == LB_MEN_LOC && m->form == LB_FORM_DERIV && has_actor(m, "CHN", NULL));
    m = find("russischer", 0);
    CHECK(m && m->form == LB_FORM_DERIV && has_actor(m, "RUS", "GOV"));   /* + Sprecher */
    m = find("Chinas", 0);
    CHECK(m && m->type == LB_MEN_LOC && m->form == LB_FORM_NAME && has_actor(m, "CHN", NULL));
    m = find("Putins", 0);
    CHECK(m && m->type == LB_MEN_PER && has_actor(m, "RUS", "GOV"));
    CHECK(m && m->actor.name && !strcmp(m->actor.name, "Wladimir Putin"));
    CHECK(m && m->actor.id && !strcmp(m->actor.id, "Q7747"));
    CHECK(has_actor(find("Moskau", 0), "RUS", NULL));
    check_layer_invariants();

    /* Eastern name order (data/actors/name-order.tsv): the family name comes
     * first, so the short form later in the article is the first part */
    CHECK_INT(annotate("Wang Yi traf am Montag Sergej Lawrow. Wang sagte, die Beziehungen seien gut.", "2023-02-22"), LB_OK);
    m = find("Wang", 0);
    CHECK(m && m->type == LB_MEN_PER && has_actor(m, "CHN", "GOV"));
    CHECK(m && m->actor.name && !strcmp(m->actor.name, "Wang Yi"));

    /* hyphen compounds; a currency is no mention */
    CHECK_INT(annotate("Der US-Außenminister kritisierte das KPCh-Regime. Der Kurs des US-Dollar fiel. "
                       "Die russisch-chinesische Freundschaft hält.", "2024-05-16"), LB_OK);
    m = find("US-Außenminister", 0);
    CHECK(m && m->type == LB_MEN_LOC && m->form == LB_FORM_PART && has_actor(m, "USA", "GOV"));
    m = find("KPCh-Regime", 0);
    CHECK(m && m->type == LB_MEN_ORG && m->form == LB_FORM_PART && has_actor(m, "CHN", "PTY"));
    CHECK(find("US-Dollar", 0) == NULL);
    CHECK_INT(annotate("Die Russlandreise des Kanzlers war kurz.", "2024-05-16"), LB_OK);
    m = find("Russlandreise", 0);
    CHECK(m && m->type == LB_MEN_LOC && m->form == LB_FORM_PART && has_actor(m, "RUS", NULL));
    CHECK_INT(annotate("Der Kurs des US-Dollar fiel. Die russisch-chinesische Freundschaft hält.", "2024-05-16"), LB_OK);
    CHECK(find("US-Dollar", 0) == NULL);
    CHECK(has_actor(find("russisch", 0), "RUS", NULL));
    CHECK(has_actor(find("chinesische", 0), "CHN", NULL));
    check_layer_invariants();

    /* case: "us" is not the US; "US" is */
    CHECK_INT(annotate("Let us talk. The US sanctions hit hard.", "2024-01-01"), LB_OK);
    CHECK(find("us", 0) == NULL);
    CHECK(has_actor(find("US", 0), "USA", NULL));
    /* a possessive inside a name ("People's" is two tokens, so is the key) */
    CHECK_INT(annotate("The Democratic People's Republic of Korea rejected it. China's reply came.", "2024-01-01"), LB_OK);
    CHECK(has_actor(find("Democratic People's Republic of Korea", 0), "PRK", NULL));
    CHECK(find("Republic of Korea", 0) == NULL);
    CHECK(has_actor(find("China", 0), "CHN", NULL));

    /* dated roles */
    CHECK_INT(annotate("Antony Blinken reiste nach Peking.", "2024-04-26"), LB_OK);
    CHECK(has_actor(find("Antony Blinken", 0), "USA", "GOV"));
    CHECK_INT(annotate("Antony Blinken reiste nach Peking.", "2025-06-01"), LB_OK);
    CHECK(has_actor(find("Antony Blinken", 0), "USA", NULL));     /* out of office */
    CHECK_INT(annotate("Annalena Baerbock sprach.", "2023-01-10"), LB_OK);
    CHECK(has_actor(find("Annalena Baerbock", 0), "DEU", "GOV"));
    CHECK_INT(annotate("Annalena Baerbock sprach.", "2025-10-01"), LB_OK);
    CHECK(has_actor(find("Annalena Baerbock", 0), "UNO", "GOV"));

    /* in-document short forms: the family name first for Chinese names */
    CHECK_INT(annotate("Li Zhanshu traf die Delegation. Später sagte Li, man sei zufrieden. "
                       "Andrej Denissow kam ebenfalls; Denissows Rede war kurz.", "2022-09-10"), LB_OK);
    CHECK(has_actor(find("Li Zhanshu", 0), "CHN", "LEG"));
    m = find("Li", 0);
    CHECK(m && m->type == LB_MEN_PER && has_actor(m, "CHN", "LEG"));
    CHECK(has_actor(find("Denissows", 0), "RUS", "GOV"));

    /* titles with a state; persons outside the dictionary */
    CHECK_INT(annotate("Der russische Botschafter Pawel Kusnezow traf Xi Jinping. "
                       "Kusnezow lobte die Gespräche.", "2024-05-16"), LB_OK);
    m = find("russische", 0);
    CHECK(has_actor(m, "RUS", "GOV"));
    m = find("Pawel Kusnezow", 0);
    CHECK(m && m->type == LB_MEN_PER && has_actor(m, "RUS", "GOV"));
    m = find("Kusnezow", 0);
    CHECK(m && m->type == LB_MEN_PER && has_actor(m, "RUS", "GOV"));
    CHECK(has_actor(find("Xi Jinping", 0), "CHN", "GOV"));
    CHECK_INT(annotate("Laut Kremlsprecher Dmitri Peskow war Brigitte Sommerfeld anwesend.", "2024-05-16"), LB_OK);
    CHECK(has_actor(find("Dmitri Peskow", 0), "RUS", "GOV"));
    m = find("Brigitte Sommerfeld", 0);
    CHECK(m && m->type == LB_MEN_PER && m->actor.code == NULL);
    check_layer_invariants();

    /* a named person outside the dictionary acts within the state the
     * article names most; later short forms (also genitive) carry the full
     * name; a common noun after a speech verb is no named person */
    CHECK_INT(annotate("In Frankreich nahm die Polizei Petra Zschäpe fest. Paris schwieg. "
                       "Zschäpes Anwalt klagte, sagten Analysten. Zschäpe sagte nichts.", "2024-05-16"), LB_OK);
    m = find("Petra Zschäpe", 0);
    CHECK(m && m->type == LB_MEN_PER && has_actor(m, "FRA", NULL));
    m = find("Zschäpes", 0);
    CHECK(m && m->type == LB_MEN_PER && has_actor(m, "FRA", NULL) && m->actor.name && !strcmp(m->actor.name, "Petra Zschäpe"));
    m = find("Zschäpe", 0);
    CHECK(m && has_actor(m, "FRA", NULL) && m->actor.name && !strcmp(m->actor.name, "Petra Zschäpe"));
    m = find("Analysten", 0);
    CHECK(!m || !m->actor.code);
    check_layer_invariants();

    /* geoprefixes (function-words.tsv): regions and stances of a state,
     * closed up or hyphenated; a sea named with one is no state */
    CHECK_INT(annotate("Prorussische Kämpfer in der Ostukraine und die pro-russischen Separatisten "
                       "Nordsyriens waren antiamerikanisch. Im Südchinesischen Meer blieb es ruhig.", "2024-05-16"), LB_OK);
    CHECK(has_actor(find("Prorussische", 0), "RUS", NULL));
    CHECK(has_actor(find("Ostukraine", 0), "UKR", NULL));
    CHECK(has_actor(find("russischen", 0), "RUS", NULL));
    CHECK(has_actor(find("Nordsyriens", 0), "SYR", NULL));
    CHECK(has_actor(find("antiamerikanisch", 0), "USA", NULL));
    m = find("Südchinesischen Meer", 0);
    CHECK(m && !m->actor.code);
    check_layer_invariants();

    /* a given name that only the morphology lexicon knows (Beate: a
     * feminine proper noun) opens a person; a genitive name before a noun
     * does not (Mayers Fazit) */
    CHECK_INT(annotate("In Frankreich sprach Beate Zschäpe. Paris schwieg, Mayers Fazit fiel knapp aus.", "2024-05-16"), LB_OK);
    m = find("Beate Zschäpe", 0);
    CHECK(m && m->type == LB_MEN_PER && has_actor(m, "FRA", NULL));
    CHECK(find("Mayers Fazit", 0) == NULL);

    /* a seat named for a body (Brüssel: EUR, flag host=BEL) is a place of
     * its state as the dateline or after a locative preposition */
    CHECK_INT(annotate("Brüssel – Die Polizei nahm in Brüssel einen Mann fest. Brüssel fordert Geld.", "2024-05-16"), LB_OK);
    CHECK(has_actor(find("Brüssel", 0), "BEL", NULL));
    CHECK(has_actor(find("Brüssel", 1), "BEL", NULL));
    CHECK(has_actor(find("Brüssel", 2), "EUR", NULL));

    /* party families (orgs.tsv, code ?): the party of the article's state */
    CHECK_INT(annotate("In den USA stritten die Republikaner mit Washington. Die Demokraten schwiegen.", "2024-05-16"), LB_OK);
    m = find("Republikaner", 0);
    CHECK(m && m->type == LB_MEN_ORG && has_actor(m, "USA", "PTY"));
    CHECK(has_actor(find("Demokraten", 0), "USA", "PTY"));
    /* state institutions named without their state: the article's state */
    CHECK_INT(annotate("In Mexiko stimmte der Kongress zu; der Oberste Gerichtshof in Mexiko-Stadt schwieg.", "2024-05-16"), LB_OK);
    CHECK(has_actor(find("Kongress", 0), "MEX", "LEG"));
    CHECK(has_actor(find("Oberste Gerichtshof", 0), "MEX", "JUD"));

    /* organisations and seats of power */
    CHECK_INT(annotate("Der Kreml und das Weiße Haus reagierten; die Nato und die SOZ schwiegen.", "2023-03-23"), LB_OK);
    CHECK(has_actor(find("Kreml", 0), "RUS", "GOV"));
    m = find("Weiße Haus", 0);
    CHECK(m && m->type == LB_MEN_ORG && has_actor(m, "USA", "GOV"));
    CHECK(has_actor(find("Nato", 0), "NATO", NULL));
    CHECK(has_actor(find("SOZ", 0), "SCO", NULL));

    /* bare titles refer to the last holder named before; languages; context codes */
    CHECK_INT(annotate("Wladimir Putin empfing Gäste. Der Kremlchef sagte, er spreche kein Englisch. "
                       "China lobte das Treffen, die Kommunistische Partei auch.", "2024-05-16"), LB_OK);
    m = find("Kremlchef", 0);
    CHECK(m && m->type == LB_MEN_PER && has_actor(m, "RUS", "GOV") && m->actor.name && !strcmp(m->actor.name, "Wladimir Putin"));
    CHECK(find("Englisch", 0) == NULL);
    m = find("Kommunistische Partei", 0);
    CHECK(m && m->type == LB_MEN_ORG && has_actor(m, "CHN", "PTY"));
    CHECK_INT(annotate("Trainer Hinterberger lobte das Team. Hinterberger war zufrieden.", "2024-05-16"), LB_OK);
    m = find("Hinterberger", 1);
    CHECK(m && m->type == LB_MEN_PER && m->actor.code == NULL);
    CHECK_INT(annotate("Die Frankfurter Rundschau berichtete.", NULL), LB_OK);
    m = find("Frankfurter Rundschau", 0);
    CHECK(m && m->type == LB_MEN_ORG);
    check_layer_invariants();

    /* unknown acronyms are organisations, listed words (CD) are not */
    CHECK_INT(annotate("Die Firma QXZ brachte eine CD heraus.", NULL), LB_OK);
    m = find("QXZ", 0);
    CHECK(m && m->type == LB_MEN_ORG && m->actor.code == NULL);
    CHECK(find("CD", 0) == NULL);
    /* proper nouns and a place after an unknown acronym belong to its name; a club's ordinal opens it */
    CHECK_INT(annotate("Aufsteiger ist QNP Paribas, der Trainer ging zum MSV Duisburg und dann zum 1. FC Nürnberg.", NULL), LB_OK);
    m = find("QNP Paribas", 0);
    CHECK(m && m->type == LB_MEN_ORG);
    m = find("MSV Duisburg", 0);
    CHECK(m && m->type == LB_MEN_ORG && find("Duisburg", 0) == NULL);
    m = find("1. FC Nürnberg", 0);
    CHECK(m && m->type == LB_MEN_ORG);

    /* names no dictionary lists (guess.c): a proper noun after a place
     * preposition is a place, after a verb or before a finite verb at the
     * start of a sentence a person, after an article none; a hyphen
     * compound with a street noun is a place; day and month names are none */
    CHECK_INT(annotate("Die Ausstellung zeigt Bilder aus Rüdigershagen. Am Abend schoss Kalinowski das zweite Tor.", NULL), LB_OK);
    m = find("Rüdigershagen", 0);
    CHECK(m && m->type == LB_MEN_LOC && m->actor.code == NULL);
    m = find("Kalinowski", 0);
    CHECK(m && m->type == LB_MEN_PER && m->actor.code == NULL);
    CHECK_INT(annotate("Das Treffen fand in der Merasin-Straße statt, nicht am Mittwoch. Der Sieg ging an Wehlau.", NULL), LB_OK);
    m = find("Merasin-Straße", 0);
    CHECK(m && m->type == LB_MEN_LOC);
    CHECK_INT(annotate("Sie wohnt nicht an der Landstraße, sondern in der Pestalozzistraße.", NULL), LB_OK);
    m = find("Pestalozzistraße", 0);
    CHECK(m && m->type == LB_MEN_LOC && find("Landstraße", 0) == NULL);
    CHECK_INT(annotate("Das Treffen fand in der Merasin-Straße statt, nicht am Mittwoch. Der Sieg ging an Wehlau.", NULL), LB_OK);
    CHECK(find("Mittwoch", 0) == NULL && find("Wehlau", 0) == NULL && find("Sieg", 0) == NULL);
    CHECK_INT(annotate("Am Montag überraschte Zabrowskis Entscheidung. Borkenhain war zufrieden.", NULL), LB_OK);
    CHECK(find("Zabrowskis", 0) && find("Borkenhain", 0) && find("Borkenhain", 0)->type == LB_MEN_PER);
    /* a class noun before a name gives its type, a compound by its head;
     * coordinated names share a type; a particle and a surname after names */
    CHECK_INT(annotate("Die Gemeinde Pflückuff kaufte Aktien des Ölkonzerns Petrobras. Gerichte gibt es in Homburg und Wiehl. "
                       "Das Schloss bekam sein Aussehen unter Heinrich Gottlob von Miltitz.", NULL), LB_OK);
    m = find("Pflückuff", 0);
    CHECK(m && m->type == LB_MEN_LOC);
    m = find("Petrobras", 0);
    CHECK(m && m->type == LB_MEN_ORG && m->actor.code == NULL);
    m = find("Wiehl", 0);
    CHECK(m && m->type == LB_MEN_LOC);
    m = find("Heinrich Gottlob von Miltitz", 0);
    CHECK(m && m->type == LB_MEN_PER);
    /* a passive's agent, an age in brackets, a subordinating conjunction */
    CHECK_INT(annotate("Alle Stücke wurden von Corellano komponiert. Hedwiga Trunz (37) lacht. Es heißt, dass Bormanek kommt.", NULL), LB_OK);
    CHECK(find("Corellano", 0) && find("Corellano", 0)->type == LB_MEN_PER);
    CHECK(find("Bormanek", 0) && find("Bormanek", 0)->type == LB_MEN_PER);
    m = find("Hedwiga Trunz", 0);
    CHECK(m && m->type == LB_MEN_PER);
    /* a finite verb after a run at a clause start; an initial and a surname */
    CHECK_INT(annotate("Sie wurden verkauft und Teemu Tainalo spielt jetzt für Birmingham, schrieb P. Rustenholz.", NULL), LB_OK);
    m = find("Teemu Tainalo", 0);
    CHECK(m && m->type == LB_MEN_PER);
    m = find("P. Rustenholz", 0);
    CHECK(m && m->type == LB_MEN_PER);
    /* initials: a middle initial, a surname cut to its initial; US states */
    CHECK_INT(annotate("Der Angeklagte Hasan E. wurde verurteilt. Christine K. Brückner schrieb aus Illinois.", NULL), LB_OK);
    m = find("Hasan E.", 0);
    CHECK(m && m->type == LB_MEN_PER);
    m = find("Christine K. Brückner", 0);
    CHECK(m && m->type == LB_MEN_PER);
    m = find("Illinois", 0);
    CHECK(m && m->type == LB_MEN_LOC && has_actor(m, "USA", NULL));
    CHECK_INT(annotate("The bus lines start in March, near Brookhaven, said the mayor of the city.", NULL), LB_OK);
    CHECK(find("March", 0) == NULL);
    m = find("Brookhaven", 0);
    CHECK(m && m->type == LB_MEN_LOC);
    check_layer_invariants();

    /* empty and punctuation-only documents */
    CHECK_INT(annotate("", NULL), LB_OK);
    CHECK_INT(doc->mentions.len, 0);
    CHECK_INT(annotate("… — !!", NULL), LB_OK);
    CHECK_INT(doc->mentions.len, 0);

    test_large_document();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
