/* test_quotes_attr.c: speaker attribution on the whole pipeline (qattr.c,
 * qdirect.c, qsource.c): a clause ended by a colon introduces its subject's
 * words; a body's name goes on over "für"; "nach eigenen Angaben" after a
 * dateline; "das Magazin" is the body named before; the headline quote
 * "Polizei: …"; whose words a chain of genitives credits, also past a date
 * ("dem Bericht vom Donnerstag zufolge"); the as-frame past
 * an apposition; a speaker with an extended attribute; adverbs name no
 * speaker, nor do derivations that end in a source noun (Rücksicht). Sentences written for
 * these tests. */
#include "test.h"
#include "test_doc.h"
#include "lagebild.h"
#include "doc.h"
#include <string.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text)
{
    lb_input in = test_input(text, "de");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
}

/* the quote that starts with prefix has a speaker whose name ends with last */
static void check_last(const char *prefix, const char *last)
{
    const lb_quote *q = test_quote_find(doc, prefix);
    CHECK(q != NULL);
    if (!q) return;
    CHECK(q->speaker_name != NULL);
    if (!q->speaker_name) return;
    size_t n = strlen(q->speaker_name), m = strlen(last);
    CHECK(n >= m && !strcmp(q->speaker_name + n - m, last));
    if (n < m || strcmp(q->speaker_name + n - m, last)) fprintf(stderr, "  speaker: %s\n", q->speaker_name);
}

static void colon_clause(void)
{
    /* no speech verb before the colon: the subject of the clause speaks */
    run("Die Ministerin Petra Hausmann sieht die Verantwortung beim Bund: "
        "„Es gilt, jetzt ein klares Signal an die Länder zu senden.“");
    check_last("Es gilt", "Hausmann");
    /* a subordinate clause before the colon: the speech verb of its main clause introduces */
    run("Zugleich versicherte die Ministerin Petra Hausmann, dass alle Gemeinden des Landes bei der Verteilung "
        "der neuen Mittel aus dem Fonds gleich behandelt werden: „Niemand wird bevorzugt.“");
    check_last("Niemand", "Hausmann");
    /* an impersonal subject gives no speaker */
    run("Es war an diesem Abend ganz deutlich: „Heute bleibt das Geschäft den ganzen Tag geschlossen.“");
    const lb_quote *q = test_quote_find(doc, "Heute");
    CHECK(q == NULL || q->speaker_name == NULL);
}

static void body_names(void)
{
    run("Nach Angaben der Syrischen Beobachtungsstelle für Menschenrechte wurden am Mittwoch zwölf Menschen getötet.");
    check_last("wurden am", "Menschenrechte");
    /* not after a role noun: no field is the speaker's name */
    run("„Wir brauchen mehr Geld“, sagte der Sprecher für Außenpolitik.");
    const lb_quote *q = test_quote_find(doc, "Wir brauchen");
    CHECK(q != NULL && (!q->speaker_name || !strstr(q->speaker_name, "Außenpolitik")));
}

static void body_nouns(void)
{
    /* a definite body noun points back to the body named before, not to a person */
    run("Der Spiegel sprach am Montag mit Angela Merkel. Die Regierung werde die Steuern nicht erhöhen, berichtete das Magazin.");
    check_last("Die Regierung", "Spiegel");
}

/* a medium named without an article after the speaker is the addressee, not a
 * second speaker (also as the name of the addressee's noun) */
static void media_addressees(void)
{
    /* "der" before a medium right after the speech verb: its addressee, no owner */
    run("Die Preise würden sinken, sagte der Lufthansa-Manager der Süddeutschen Zeitung.");
    {
        const lb_quote *q = test_quote_find(doc, "Die Preise");
        CHECK(q != NULL && (!q->speaker_name || !strstr(q->speaker_name, "Zeitung")));
        const char *addr = strstr(doc->text, "der Süddeutschen");
        CHECK(q != NULL && addr && q->speaker_end > q->speaker_start && q->speaker_end <= (int32_t)(addr - doc->text));
    }
    run("Der Anteil bereitet uns große Sorgen, sagte Ministerin Anna Berger dazu Spiegel online.");
    check_last("Der Anteil", "Berger");
    run("Die Lage sei ernst, sagte der Sprecher Tom Keller am Montag der Nachrichtenagentur dpa.");
    check_last("Die Lage", "Keller");
}

static void headlines(void)
{
    /* the opening sentence "Speaker: clause" credits the clause */
    run("Polizei: Festgenommene wollten neue Mitglieder werben.\nBerlin – Die Polizei hat am Montag fünf Männer festgenommen.");
    check_last("Festgenommene", "Polizei");
    /* a topic label is no speaker */
    run("Fußball: Der Verein gewinnt das Spiel gegen den Meister.\nDas Spiel endete drei zu eins.");
    CHECK(test_quote_find(doc, "Der Verein") == NULL);
}

static void dateline_own(void)
{
    run("Hamburg – Die Reederei Nordwind hat nach eigenen Angaben im vergangenen Jahr zehn Schiffe verkauft.");
    check_last("Hamburg", "Nordwind");
    /* "eigenen Angaben" takes no von-attribute: the subject speaks, not the agent */
    run("Die Sängerin Anna Berger ist nach eigenen Angaben von ihrem Manager Paul Krause betrogen worden.");
    check_last("Die Sängerin", "Berger");
}

/* the subject of a speech verb in V2 inversion: a pronoun that is only
 * nominative after the finite verb, never a predicative "als" phrase */
static void inverted_subjects(void)
{
    run("Die Bürgermeisterin Anna Roth besuchte die Schule. Als Begründung gab sie an, die Räume seien zu klein.");
    const lb_quote *q = test_quote_find(doc, "die Räume");
    CHECK(q != NULL && (!q->speaker_name || !strstr(q->speaker_name, "Begründung")));
    run("Der Bürgermeister Hans Roth besuchte die Schule. Der Stadtverwaltung schlug er vor, einen neuen Anbau zu planen.");
    check_last("einen neuen", "Roth");
    run("Als Antwort sagte ein Sprecher der Stadtwerke, die Leitungen seien alt.");
    check_last("die Leitungen", "Stadtwerke");
}

/* a passive speech act: the agent goes on speaking in the next Konjunktiv sentence */
static void passive_agent(void)
{
    run("Die Pläne der Stadt wurden von Verkehrsministerin Petra Hausmann als zu teuer bezeichnet. "
        "Die Kosten seien doppelt so hoch wie geplant.");
    check_last("Die Kosten", "Hausmann");
}

/* a speech verb in Konjunktiv I is itself reported: its clause goes on with the
 * reporter's words, not with those of its own subject */
static void reported_frames(void)
{
    run("Staatsanwältin Petra Hausmann erklärte am Montag, der Mann habe einen Anschlag geplant. "
        "Zudem habe er sich bereit erklärt, weitere Helfer zu suchen.");
    check_last("weitere Helfer", "Hausmann");
}

/* "X nach" as a source: the phrase opens with its determiner, which is dative */
static void postposed_nach(void)
{
    run("Bei dichtem Nebel ist die Sicht nach vorne stark eingeschränkt.");
    for (size_t k = 0; k < doc->quotes.len; k++) {
        const lb_quote *q = &LB_QUOTES(doc)[k];
        CHECK(!q->speaker_name || !strstr(q->speaker_name, "Sicht"));
    }
    run("In den Umfragen nach oben schob sich zuletzt der Senator aus Texas.");
    for (size_t k = 0; k < doc->quotes.len; k++) {
        const lb_quote *x = &LB_QUOTES(doc)[k];
        CHECK(!x->speaker_name || !strstr(x->speaker_name, "Umfragen"));
    }
    run("Die Ministerin Petra Hausmann sprach in Kiel. Der Kanal sei ihrer Meinung nach viel zu schmal.");
    const lb_quote *q = test_quote_find(doc, "Der Kanal");
    CHECK(q != NULL && q->speaker_start >= 0);
    if (q && q->speaker_start >= 0) CHECK(!strncmp(doc->text + q->speaker_start, "ihrer", 5));
}

/* a pronoun's referent agrees with it in gender: "sie" is not the man named last */
static void pronoun_gender(void)
{
    run("Die Angeklagte Petra Hausmann wurde nach eigenen Angaben von ihrem Komplizen Jan Roth bedroht. "
        "In einer Erklärung berichtete sie am Mittwoch, das sei vor allem im ersten Jahr passiert.");
    const lb_quote *q = test_quote_find(doc, "das sei");
    CHECK(q != NULL && (!q->speaker_name || !strstr(q->speaker_name, "Roth")));
}

/* a speech noun with a Konjunktiv I main clause after its comma is reported
 * speech; a relative clause after it is not */
static void noun_konjunktiv(void)
{
    run("Die Ministerin Petra Hausmann wies den Vorwurf des Verbandes, die Reform sei zu teuer, entschieden zurück.");
    CHECK(test_quote_find(doc, "die Reform sei zu teuer") != NULL);
    run("Die Erklärung, die am Montag veröffentlicht worden sei, umfasst zwölf Seiten.");
    for (size_t k = 0; k < doc->quotes.len; k++)
        CHECK(strncmp(doc->text + LB_QUOTES(doc)[k].start, "die am Montag", 13) != 0);
}

/* a German quote that ends its sentence with ? or ! and no comma: what follows is a new sentence */
static void new_sentence_after_quote(void)
{
    run("Die Sprecherin Anna Berg fragte: „Wer soll das bezahlen?“ Greenpeace fordert eine Entschädigung.");
    const lb_quote *q = test_quote_find(doc, "Wer soll");
    CHECK(q != NULL && (!q->speaker_name || !strstr(q->speaker_name, "Greenpeace")));
}

/* the second verb of a coordination shares the subject of the first, also inverted */
static void coordinated_verbs(void)
{
    run("Als die Polizei eintraf, schlug der Wirt Karl Brand die Tür zu und rief: „Lasst mich in Ruhe!“");
    check_last("Lasst mich", "Brand");
}

/* a zufolge phrase after a post-posed speech verb belongs to its frame */
static void zufolge_in_frame(void)
{
    run("Die Akte sei gefunden worden, sagte Direktor Jan Roth der Agentur PAP zufolge am Donnerstag. "
        "Die Unterschrift sei echt.");
    for (size_t k = 0; k < doc->quotes.len; k++)
        CHECK(strncmp(doc->text + LB_QUOTES(doc)[k].start, "sagte", 5) != 0);
    /* a date after the source noun is its attribute, not the end of the phrase */
    run("Einer Umfrage der Universität Hamburg vom 12. März zufolge lehnt die Mehrheit das Gesetz ab.");
    check_last("lehnt die Mehrheit", "Hamburg");
    run("Dem Bericht der Polizei vom Donnerstag zufolge wurden drei Menschen verletzt.");
    check_last("wurden drei", "Polizei");
    run("Einem Bericht der Polizei vom vergangenen Freitag zufolge wurden drei Menschen verletzt.");
    check_last("wurden drei", "Polizei");
}

/* qsource.c: whose words a chain of genitives credits */
static void genitive_chains(void)
{
    /* a person named before the genitive keeps the words */
    run("Laut Sprecher Karl Huber der Polizei wurden drei Menschen verletzt.");
    check_last("wurden drei Menschen", "Huber");
    /* a second genitive names the owner, not the speaker */
    run("Ein Soldat hat nach Angaben der Justiz seines Landes Pläne für einen Anschlag gehabt.");
    check_last("Ein Soldat hat", "Justiz");
    run("Nach einer Schätzung des Welternährungsprogramms der Vereinten Nationen hungern zwei Millionen Menschen.");
    check_last("hungern zwei Millionen", "Welternährungsprogramms");
    /* a person named in the second genitive speaks for the first one's body */
    run("Nach Angaben des Büros des Abgeordneten Karl Huber wurde das Gesetz geändert.");
    check_last("wurde das Gesetz", "Huber");
    /* a role's genitive names the body */
    run("Die Männer wurden nach Angaben eines Sprechers des Innenministeriums festgenommen.");
    check_last("Die Männer wurden", "Innenministeriums");
}

/* the as-frame past an apposition after the speaker (a noun phrase between
 * two commas), not past a relative clause */
static void as_frame_apposition(void)
{
    run("Die Chemikalie stand unter Druck, wie Burt Rutan, Chef der Firma Scaled, mitteilte.");
    check_last("Die Chemikalie", "Rutan");
    run("Die Lage sei ruhig. Die Straßen sind leer, wie der Mann, der in Berlin lebt, sagte.");
    CHECK(test_quote_find(doc, "Die Straßen") == NULL);
}

/* a speaker with an extended attribute: a prepositional phrase and its
 * participle or adjective between the article and the noun */
static void extended_attributes(void)
{
    /* an apposition without an article after the speaker */
    run("Alle Gebiete seien unter Kontrolle, sagte Charles Bouchard, kanadischer General und Kommandeur des Einsatzes.");
    check_last("Alle Gebiete", "Bouchard");
    run("Er starb am Samstag, teilte die zur Stanford University gehörende Hoover Institution mit.");
    check_last("Er starb", "Institution");
    run("Die Lage sei ernst, sagte der in Moskau lebende Journalist Iwan Petrow.");
    check_last("Die Lage", "Petrow");
}

/* a one-word speaker phrase that is an adverb or preposition names no one;
 * a pronominal adverb that points to a text, a known name and an acronym do */
static void adverb_speakers(void)
{
    run("Anfänglich hieß es, die Masken seien nicht nötig.");
    const lb_quote *q = test_quote_find(doc, "die Masken");
    CHECK(q != NULL && !q->speaker_name);
    run("Die Regierung legte einen Bericht vor. Darin heißt es, die Lage sei ernst.");
    check_last("die Lage", "Darin");
    run("Laut WHO sind die Zahlen gestiegen.");
    check_last("sind die", "WHO");
}

/* a word that ends in a source noun but is no compound of it names no
 * source: "aus Rücksicht auf", "aller Voraussicht nach" */
static void derived_source_nouns(void)
{
    /* an adjective of certainty after a reflexive verb: "zeigte sich zuversichtlich, dass" */
    run("Der Finanzminister Olaf Scholz zeigte sich zuversichtlich, dass die Impfungen bald beginnen können.");
    check_last("die Impfungen", "Scholz");
    /* a speech verb without a subject: its aus-phrase speaks */
    run("Die Soldaten seien beschossen worden, verlautete am Montag aus dem Verteidigungsministerium.");
    check_last("Die Soldaten", "Verteidigungsministerium");
    run("Aus dem Verteidigungsministerium verlautete, die Soldaten seien beschossen worden.");
    check_last("die Soldaten", "Verteidigungsministerium");
    /* a bare plural with an adjective after aus: "aus diplomatischen Kreisen" */
    run("Aus diplomatischen Kreisen hieß es, die Lage sei ernst.");
    check_last("die Lage", "Kreisen");
    /* the sentence before, credited by "Das geht aus X hervor." */
    run("Die Zahl der Toten stieg weiter. Dies geht aus einer Pressemitteilung der Regierung hervor.");
    check_last("Die Zahl", "Regierung");
    /* a source noun is no name: its genitive owner speaks */
    run("Die Zahl der Toten stieg weiter. Das geht aus einer Auswertung der Polizei hervor.");
    check_last("Die Zahl", "Polizei");
    /* a source that shows what it reports: "wie aus X hervorgeht" */
    run("Wie aus einem Bericht der Polizei hervorgeht, wurden drei Menschen verletzt.");
    check_last("wurden drei", "Polizei");
    run("Aus Rücksicht auf die Anwohner wurde das Konzert im Park abgesagt.");
    CHECK(doc->quotes.len == 0);
    run("Der Impfstoff soll aller Voraussicht nach am Freitag zugelassen werden.");
    CHECK(doc->quotes.len == 0);
    run("Aus Regierungskreisen hieß es, die Lage sei ernst.");
    check_last("die Lage", "Regierungskreisen");
}

int main(void)
{
    CHECK_INT(lb_ctx_new(&ctx, LB_TEST_DATA_DIR), LB_OK);
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);
    colon_clause();
    body_names();
    dateline_own();
    body_nouns();
    media_addressees();
    headlines();
    inverted_subjects();
    passive_agent();
    reported_frames();
    postposed_nach();
    pronoun_gender();
    noun_konjunktiv();
    new_sentence_after_quote();
    coordinated_verbs();
    zufolge_in_frame();
    genitive_chains();
    as_frame_apposition();
    extended_attributes();
    adverb_speakers();
    derived_source_nouns();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
