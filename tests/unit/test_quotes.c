/* test_quotes.c: unit tests of the quotes stage: direct quotes in every
 * quotation style, scare quotes and titles, indirect speech (speech verbs,
 * Konjunktiv, laut/zufolge/so, speech nouns; English said that/according
 * to), and speaker attribution (inversion, apposition, genitive sources,
 * pronouns, short names, continuation). Sentences written for these tests. */
#include "test.h"
#include "test_doc.h"
#include "lagebild.h"
#include "doc.h"
#include "quotes/quotes.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text, const char *lang)
{
    lb_input in = test_input(text, lang);
    /* the quotes stage alone, without the actor layer: speakers come out as
     * the surface names (the mention path is tested with synthetic mentions) */
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_TEXT), LB_OK);
    CHECK_INT(lb_quotes_run(doc), LB_OK);
}

static const lb_quote *find(const char *prefix) { return test_quote_find(doc, prefix); }

#define EXPECT(prefix, content, kind, speaker) do { const lb_quote *_q = find(prefix); CHECK(_q != NULL); \
    if (_q) { CHECK_SPAN(doc->text, _q->start, _q->end, content); CHECK_INT(_q->indirect, (kind)); \
              CHECK_STR(_q->speaker_name, speaker); } } while (0)
enum { DIR = 0, IND = 1 };

static void german_direct(void)
{
    run("„Wir werden die Gespräche fortsetzen“, sagte Scholz am Abend.", "de");
    EXPECT("Wir", "Wir werden die Gespräche fortsetzen", DIR, "Scholz");
    CHECK_INT(doc->quotes.len, 1);

    run("Macron antwortete: „Das ist nicht akzeptabel.“", "de");
    EXPECT("Das ist", "Das ist nicht akzeptabel.", DIR, "Macron");

    /* guillemets both ways, straight quotes */
    run("»Die Lage bleibt angespannt«, erklärte der Kreml.", "de");
    EXPECT("Die Lage", "Die Lage bleibt angespannt", DIR, "Kreml");
    run("«Wir halten an dem Plan fest», sagte Meier.", "de");
    EXPECT("Wir halten", "Wir halten an dem Plan fest", DIR, "Meier");
    run("\"Das Treffen war ein Erfolg\", sagte Berger nach der Sitzung.", "de");
    EXPECT("Das Treffen", "Das Treffen war ein Erfolg", DIR, "Berger");

    /* a quote interrupted by its attribution: two quotes, one speaker */
    run("„Die Lage ist ernst“, sagte Baerbock, „aber sie ist nicht hoffnungslos.“", "de");
    EXPECT("Die Lage", "Die Lage ist ernst", DIR, "Baerbock");
    EXPECT("aber", "aber sie ist nicht hoffnungslos.", DIR, "Baerbock");

    /* a continuation paragraph without attribution */
    run("„Wir haben heute lange und offen miteinander gesprochen“, sagte Ministerin Anna Berger.\n\n"
        "„Beide Seiten wollen die Zusammenarbeit im kommenden Jahr deutlich ausbauen.“\n", "de");
    EXPECT("Beide", "Beide Seiten wollen die Zusammenarbeit im kommenden Jahr deutlich ausbauen.", DIR, "Anna Berger");

    /* a quote that runs over a paragraph end and goes on with a new mark */
    run("Kanzlerin Maria Roth sagte: „Dieser Satz endet mit seinem Absatz.\n„Und dieser Satz führt den Gedanken weiter.“\n", "de");
    EXPECT("Dieser", "Dieser Satz endet mit seinem Absatz.", DIR, "Maria Roth");
    EXPECT("Und dieser", "Und dieser Satz führt den Gedanken weiter.", DIR, "Maria Roth");

    /* a hard-wrapped paragraph: the quote goes on over the line break */
    run("„Wir werden die Gespräche mit allen Beteiligten\nfortsetzen“, sagte Scholz am Abend.\n\n„Nächster Absatz“, sagte er.", "de");
    EXPECT("Wir", "Wir werden die Gespräche mit allen Beteiligten\nfortsetzen", DIR, "Scholz");
    /* one paragraph per line: an unclosed quote ends with its line */
    run("Xi sagte: „Wir sind bereit, die Zusammenarbeit auszubauen.\nDie Gespräche dauerten drei Stunden.\n„Das war gut“, sagte Li.", "de");
    EXPECT("Wir sind", "Wir sind bereit, die Zusammenarbeit auszubauen.", DIR, "Xi");
    EXPECT("Das war", "Das war gut", DIR, "Li");
    /* the speaker comes first, inverted after the verb */
    run("Danach sagte Präsident Olaf Lenz: „Wir stehen zu unseren Partnern.“", "de");
    EXPECT("Wir stehen", "Wir stehen zu unseren Partnern.", DIR, "Olaf Lenz");
}

static void german_scare(void)
{
    run("Die beiden Staaten feierten ihre „grenzenlose“ Freundschaft in der Hauptstadt.", "de");
    CHECK_INT(doc->quotes.len, 0);
    run("Der Verlag stellte das Buch „Neue Weltordnung“ im Herbst vor.", "de");
    CHECK_INT(doc->quotes.len, 0);
    /* the object of a speech verb is a direct quote */
    run("Minister Karl Huber lobte die „hervorragende Zusammenarbeit“ der beiden Behörden.", "de");
    EXPECT("hervorragende", "hervorragende Zusammenarbeit", DIR, "Karl Huber");
}

static void german_indirect(void)
{
    run("Huber sagte, die Regierung sei bereit, weitere Hilfe zu leisten.", "de");
    EXPECT("die Regierung", "die Regierung sei bereit, weitere Hilfe zu leisten", IND, "Huber");

    run("Die Sprecherin Eva Klein erklärte am Montag, dass die Verhandlungen beendet seien.", "de");
    EXPECT("die Verhandlungen", "die Verhandlungen beendet seien", IND, "Eva Klein");

    run("Laut der Zeitung Nordkurier hat die Stadt neue Pläne vorgelegt.", "de");
    EXPECT("hat die Stadt", "hat die Stadt neue Pläne vorgelegt", IND, "Nordkurier");

    run("Dem Sender Radio Nord zufolge will die Stadt die Hilfe erhöhen.", "de");
    EXPECT("will", "will die Stadt die Hilfe erhöhen", IND, "Radio Nord");

    run("Die Gespräche seien konstruktiv gewesen, so Lindner.", "de");
    EXPECT("Die Gespräche", "Die Gespräche seien konstruktiv gewesen", IND, "Lindner");
    /* a correlative pronominal adverb before ", dass" */
    run("Der Minister begründete das damit, dass die Kosten gestiegen seien.", "de");
    CHECK(find("die Kosten gestiegen seien") != NULL);
    /* the so-frame with its speech verb, as a parenthesis */
    run("In zehn Jahren, so schätzt Professorin Anna Lind, soll die Anlage fertig sein.", "de");
    EXPECT("In zehn", "In zehn Jahren, so schätzt Professorin Anna Lind, soll die Anlage fertig sein", IND, "Anna Lind");

    run("Die Delegation reiste ab, sagte Keller.", "de");
    EXPECT("Die Delegation", "Die Delegation reiste ab", IND, "Keller");

    /* a speech noun with its clause */
    run("Die Regierung wies Moskaus Behauptung, dass der Westen den Streit begonnen habe, entschieden zurück.", "de");
    EXPECT("der Westen", "der Westen den Streit begonnen habe", IND, "Moskaus");

    /* apposition names the speaker */
    run("Ein Sprecher des Ministeriums, Peter Lang, sagte, man werde die Lage prüfen.", "de");
    EXPECT("man werde", "man werde die Lage prüfen", IND, "Peter Lang");

    /* a report as speaker, its source in the genitive */
    run("Ein Bericht der Zeitung Nordkurier behauptet, dass die Firma Teile geliefert habe.", "de");
    EXPECT("die Firma", "die Firma Teile geliefert habe", IND, "Nordkurier");

    /* impersonal: the source is the statement's genitive */
    run("In einer Erklärung der Regierungspartei hieß es, dass die Reform verschoben werde.", "de");
    EXPECT("die Reform", "die Reform verschoben werde", IND, "Regierungspartei");

    /* a zu-infinitive under a demand */
    run("Die Ministerin forderte die Firmen auf, ihre Lieferungen sofort einzustellen.", "de");
    const lb_quote *q = find("ihre Lieferungen");
    CHECK(q && q->indirect);

    /* a Konjunktiv sentence carries the reported speech on */
    run("Minister Jan Falk sagte, die Lage sei ruhig. Die Truppen hätten sich zurückgezogen.", "de");
    EXPECT("Die Truppen", "Die Truppen hätten sich zurückgezogen", IND, "Jan Falk");

    /* the source speaks again after the writer's own sentences: the
     * Konjunktiv sentences between its two reports are its words too */
    run("Die Polizei bestätigte am Montag, dass in der Nacht ein Lager gebrannt habe. Das Feuer brach gegen "
        "Mitternacht aus. Niemand wurde verletzt. Der Schaden sei aber hoch. Die Ermittlungen dauerten an, "
        "teilte die Polizei mit.", "de");
    EXPECT("Der Schaden", "Der Schaden sei aber hoch", IND, "Polizei");
    CHECK(find("Das Feuer") == NULL);
    CHECK(find("Niemand") == NULL);
    /* ... not when another speaker reports after them */
    run("Die Polizei bestätigte am Montag, dass in der Nacht ein Lager gebrannt habe. Das Feuer brach gegen "
        "Mitternacht aus. Niemand wurde verletzt. Der Schaden sei aber hoch. Die Ermittlungen dauerten an, "
        "sagte der Bürgermeister.", "de");
    CHECK(find("Der Schaden") == NULL);

    /* the as-frame with a particle written apart */
    run("Die Vergabe wird die letzte sein, wie der Verband am Montag bekannt gab.", "de");
    EXPECT("Die Vergabe", "Die Vergabe wird die letzte sein", IND, "Verband");

    /* two cues with their own clauses in one sentence */
    run("Die Behörde hat davor gewarnt, dass die Preise steigen könnten, und betont, dass die Vorräte reichten.", "de");
    EXPECT("die Preise", "die Preise steigen könnten", IND, "Behörde");
    EXPECT("die Vorräte", "die Vorräte reichten", IND, "Behörde");
}

static void german_speakers(void)
{
    /* a chain of genitives belongs to the speaker phrase */
    run("Die Brücke sei gesperrt, erklärte der Sprecher des Amtes Nord der Stadt Kiel am Montag.", "de");
    const lb_quote *g = find("Die Brücke");
    CHECK(g != NULL && g->speaker_end >= 0);
    if (g && g->speaker_end >= 0) CHECK(!memcmp(doc->text + g->speaker_end - 4, "Kiel", 4));

    /* a pronoun: the person named after a role noun in the sentence */
    run("Nachdem Außenminister Jan Novak in Prag gelandet war, sagte er, die Beziehungen seien gut.", "de");
    EXPECT("die Beziehungen", "die Beziehungen seien gut", IND, "Jan Novak");

    /* a pronoun: the nearest earlier speaker */
    run("Präsidentin Olga Petrova sagte, das Land sei bereit.\n\nAls sie abreiste, wandte sie sich an die Presse und sagte: „Wir kommen wieder.“", "de");
    EXPECT("Wir kommen", "Wir kommen wieder.", DIR, "Olga Petrova");

    /* a short name takes the full name given earlier */
    run("Olga Petrova besuchte die Stadt.\n\n„Wir bleiben in engem Kontakt“, sagte Petrova.", "de");
    EXPECT("Wir bleiben", "Wir bleiben in engem Kontakt", DIR, "Olga Petrova");

    /* a name with a particle; its short form later */
    run("Richard von Weizsäcker erklärte in seiner Rede, der Tag sei ein Tag der Befreiung gewesen.\n\n"
        "„Wir müssen der Wahrheit ins Auge sehen“, sagte Weizsäcker.", "de");
    EXPECT("der Tag", "der Tag sei ein Tag der Befreiung gewesen", IND, "Richard von Weizsäcker");
    EXPECT("Wir müssen", "Wir müssen der Wahrheit ins Auge sehen", DIR, "Richard von Weizsäcker");
    /* a compound role noun is no name; an institution is */
    run("Der Regierungssprecher erklärte, die Lage sei ruhig.", "de");
    const lb_quote *rq = find("die Lage");
    CHECK(rq && rq->indirect && rq->speaker_start >= 0 && !rq->speaker_name);
    run("Das Außenministerium erklärte, die Botschaft bleibe geöffnet.", "de");
    EXPECT("die Botschaft", "die Botschaft bleibe geöffnet", IND, "Außenministerium");
    /* a role noun alone refers back */
    run("„Die Lage ist stabil“, sagte Präsidentin Olga Petrova.\n\nDer Präsidentin zufolge soll die Hilfe weitergehen.", "de");
    const lb_quote *q = find("soll");
    CHECK(q != NULL);
    if (q) CHECK_STR(q->speaker_name, "Olga Petrova");

    /* several speakers: the first named */
    run("Die EU und die Vereinigten Staaten haben davor gewarnt, dass die Sanktionen umgangen würden.", "de");
    EXPECT("die Sanktionen", "die Sanktionen umgangen würden", IND, "EU");
}

static void german_more(void)
{
    /* a separable verb and a pronoun after the quote */
    run("Regierungssprecher Max Weber betonte: „Wir lassen uns nicht erpressen.“ „Die Gespräche gehen weiter“, fügte er hinzu.", "de");
    EXPECT("Die Gespräche", "Die Gespräche gehen weiter", DIR, "Max Weber");
    /* impersonal attribution after the quote: the statement's genitive */
    run("„Eine Einigung ist in Reichweite“, heißt es in der Mitteilung der Stadtverwaltung.", "de");
    EXPECT("Eine Einigung", "Eine Einigung ist in Reichweite", DIR, "Stadtverwaltung");
    /* "Wie X mitteilte, …" and "Nach Angaben der X …" */
    run("Wie das Innenministerium mitteilte, wurden bei der Kontrolle zwanzig Personen festgenommen.", "de");
    EXPECT("wurden", "wurden bei der Kontrolle zwanzig Personen festgenommen", IND, "Innenministerium");
    run("Nach Angaben der Feuerwehr gab es keine Verletzten.", "de");
    EXPECT("gab es", "gab es keine Verletzten", IND, "Feuerwehr");
    /* "hieß es, …": a main clause after the verb and its subject */
    run("Im Ministerium hieß es, die Entscheidung falle erst im Herbst.", "de");
    const lb_quote *q = find("die Entscheidung");
    CHECK(q && q->indirect);
    /* a pronoun in the next sentence: the person named after a role noun */
    run("Der frühere Botschafter Klaus Brandt kritisierte die Entscheidung scharf. Er warf der Regierung vor, die Lage falsch einzuschätzen.", "de");
    EXPECT("die Lage", "die Lage falsch einzuschätzen", IND, "Klaus Brandt");
    /* a negated speech act reports nothing */
    run("Der Minister forderte die Firma nicht dazu auf, die Produktion einzustellen.", "de");
    CHECK_INT(doc->quotes.len, 0);
    /* a newspaper title after the verb is no quote */
    run("„Wir brauchen mehr Tempo beim Ausbau“, sagte der Politiker Frank Ott der „Süddeutschen Zeitung“.", "de");
    CHECK_INT(doc->quotes.len, 1);
    EXPECT("Wir brauchen", "Wir brauchen mehr Tempo beim Ausbau", DIR, "Frank Ott");
    /* Konjunktiv II under a cue; a feminine role noun is no name */
    run("Präsident Joe Miller sagte am Dienstag in Washington, die Partner stünden fest zusammen.", "de");
    EXPECT("die Partner", "die Partner stünden fest zusammen", IND, "Joe Miller");
    run("„Ich bin sehr zufrieden“, so die Bürgermeisterin Lena Hoff.", "de");
    EXPECT("Ich bin", "Ich bin sehr zufrieden", DIR, "Lena Hoff");
    /* the writer's own Konjunktiv II does not carry reported speech on */
    run("Huber sagte, die Lage sei ruhig. Das könnte sich aber bald ändern.", "de");
    CHECK_INT(doc->quotes.len, 1);
    /* a prepositional phrase before the verb is no subject */
    run("Laut dem Sender Radio Nord lobte Ministerin Eva Brandt die „gute Zusammenarbeit“ der Behörden.", "de");
    EXPECT("gute", "gute Zusammenarbeit", DIR, "Eva Brandt");
}

static void english(void)
{
    run("\"We will not back down,\" said Johnson.", "en");
    EXPECT("We will", "We will not back down", DIR, "Johnson");
    run("“We will not back down,” Johnson said on Monday.", "en");
    EXPECT("We will", "We will not back down", DIR, "Johnson");
    run("Smith said: “This is a test of the whole system.”", "en");
    EXPECT("This is", "This is a test of the whole system.", DIR, "Smith");
    run("“The vote,” said Senator Mary Jones, “was closer than expected.”", "en");
    EXPECT("The vote", "The vote", DIR, "Mary Jones");
    EXPECT("was closer", "was closer than expected.", DIR, "Mary Jones");
    /* apostrophes are no quotation marks; scare quotes are no quotes */
    run("The so-called “peace plan” was not Clinton's idea, and it isn't new.", "en");
    CHECK_INT(doc->quotes.len, 0);

    run("In the '90s the party grew strong in the southern states and won many seats.", "en");
    CHECK_INT(doc->quotes.len, 0);
    run("Senator Mary Jones said that the bill would pass next week.", "en");
    EXPECT("the bill", "the bill would pass next week", IND, "Mary Jones");
    run("According to Reuters, the talks collapsed after two days.", "en");
    EXPECT("the talks", "the talks collapsed after two days", IND, "Reuters");
    run("The economy is slowing down, analysts said.", "en");
    const lb_quote *q = find("The economy");
    CHECK(q && q->indirect && q->speaker_start >= 0);
    run("Hale told reporters on Monday that the state would not raise taxes.", "en");
    EXPECT("the state", "the state would not raise taxes", IND, "Hale");
    run("The mayor did not say that the plan had failed.", "en");
    CHECK_INT(doc->quotes.len, 0);
    /* "He also said …": the subject is before the verb */
    run("Governor Tom Hale spoke on Friday. He also said the budget would be balanced by 2025.", "en");
    EXPECT("the budget", "the budget would be balanced by 2025", IND, "Tom Hale");
    /* a pronoun refers back to the earlier speaker */
    run("“We have the votes,” said Senator Mary Jones.\n\nShe said the committee would meet again on Friday.", "en");
    EXPECT("the committee", "the committee would meet again on Friday", IND, "Mary Jones");
}

/* sentences with cue-like words, names and scare quotes but no speech */
static void no_false_quotes(void)
{
    static const char *const de[] = {
        "Die Musik war laut, und die Gäste tanzten bis spät in die Nacht.",
        "Es kam, so scheint es, ganz anders als geplant.",
        "Der Bericht umfasst 300 Seiten und wurde im Mai veröffentlicht.",
        "Die Regierung hat die Steuern erhöht, weil die Einnahmen gesunken sind.",
        "Das Unternehmen „Nordwind“ baut neue Anlagen an der Küste.",
        "Die sogenannte „Zeitenwende“ prägt die Debatte seit Monaten.",
        "Als sie ankam, war der Saal bereits voll.",
        NULL };
    static const char *const en[] = {
        "The music was loud, and the guests danced until late.",
        "The report has 300 pages and was published in May.",
        "The company \"Northwind\" builds new plants on the coast.",
        "The so-called \"turning point\" has shaped the debate for months.",
        "She drove to Boston to attend the meeting.",
        NULL };
    for (int i = 0; de[i]; i++) {
        run(de[i], "de");
        if (doc->quotes.len) fprintf(stderr, "false quote in: %s\n", de[i]);
        CHECK_INT(doc->quotes.len, 0);
    }
    for (int i = 0; en[i]; i++) {
        run(en[i], "en");
        if (doc->quotes.len) fprintf(stderr, "false quote in: %s\n", en[i]);
        CHECK_INT(doc->quotes.len, 0);
    }
}

/* (a) of the attribution: a mention over the speaker gives the actor and
 * canonical name (the mention layer is filled by the actors stage) */
static void with_mentions(void)
{
    const char *text = "„Wir sind bereit“, sagte Xi nach dem Treffen.";
    lb_input in = {0};
    in.id = "m"; in.id_len = 1; in.text = text; in.text_len = strlen(text); in.lang = "de"; in.lang_len = 2;
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_TEXT), LB_OK);
    const char *xi = strstr(doc->text, "Xi");
    lb_mention *m = lb_vec_push(&doc->mentions, &doc->arena);
    CHECK(m != NULL);
    if (!m) return;
    m->start = (uint32_t)(xi - doc->text); m->end = m->start + 2;
    m->type = LB_MEN_PER;
    m->actor.code = "CHN"; m->actor.sector = "GOV"; m->actor.name = "Xi Jinping";
    CHECK_INT(lb_quotes_run(doc), LB_OK);
    CHECK_INT(doc->quotes.len, 1);
    if (doc->quotes.len) {
        const lb_quote *q = &LB_QUOTES(doc)[0];
        CHECK_STR(q->speaker_name, "Xi Jinping");
        CHECK_STR(q->speaker_actor.code, "CHN");
        CHECK_STR(q->speaker_actor.sector, "GOV");
        CHECK_INT(q->speaker_start, (int32_t)m->start);
        CHECK_SPAN(doc->text, q->cue_start, q->cue_end, "sagte");
    }
}

/* the phrase's actor when its name has none: "die chinesische Regierung" */
static void phrase_actor(void)
{
    const char *text = "Die chinesische Regierung erklärte, die Gespräche seien gut verlaufen.";
    lb_input in = {0};
    in.id = "p"; in.id_len = 1; in.text = text; in.text_len = strlen(text); in.lang = "de"; in.lang_len = 2;
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_TEXT), LB_OK);
    const char *adj = strstr(doc->text, "chinesische");
    lb_mention *m = lb_vec_push(&doc->mentions, &doc->arena);
    CHECK(m != NULL);
    if (!m) return;
    m->start = (uint32_t)(adj - doc->text); m->end = m->start + (uint32_t)strlen("chinesische");
    m->type = LB_MEN_LOC; m->form = LB_FORM_DERIV;
    m->actor.code = "CHN"; m->actor.name = "China";
    CHECK_INT(lb_quotes_run(doc), LB_OK);
    CHECK_INT(doc->quotes.len, 1);
    if (doc->quotes.len) {
        const lb_quote *q = &LB_QUOTES(doc)[0];
        CHECK_STR(q->speaker_actor.code, "CHN");
        CHECK_SPAN(doc->text, q->start, q->end, "die Gespräche seien gut verlaufen");
    }
}

/* a malformed dictionary line is reported with file and line */
static void bad_dictionary(void)
{
    char dir[] = "/tmp/lb_quotes_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/de.cues", dir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs("# comment\nverb\tsagte\nadverb\tgestern\n", f);
    fclose(f);
    struct lb_quote_rules *r = NULL;
    char err[512] = "";
    CHECK_INT(lb_quotes_load(&r, dir, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, "de.cues:3:") != NULL);
    CHECK(strstr(err, "adverb") != NULL);
    CHECK(r == NULL);
    remove(path);
    rmdir(dir);
}

int main(void)
{
    int rc = lb_ctx_new(&ctx, LB_TEST_DATA_DIR);
    if (rc) { fprintf(stderr, "ctx: %s\n", ctx ? lb_ctx_errmsg(ctx) : "?"); return 1; }
    if (lb_doc_new(&doc, ctx)) return 1;
    german_direct();
    german_scare();
    german_indirect();
    german_speakers();
    german_more();
    english();
    no_false_quotes();
    with_mentions();
    phrase_actor();
    bad_dictionary();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
