/* test_quotes_grammar.c: German grammar the quotes stage relies on: a
 * capitalised word inside a sentence is a noun, not a Konjunktiv verb form
 * ("Die Spiele der Liga"); a Konjunktiv I sentence after a sentence whose
 * subject is a named person reports that person's words; a noun phrase
 * governed by a preposition or in the genitive or dative is no speaker; the
 * anaphoric frame "Das bestätigte X" with X after the verb.
 * Sentences written for these tests. */
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

static void check_speaker(const char *prefix, const char *name)
{
    const lb_quote *q = test_quote_find(doc, prefix);
    CHECK(q != NULL);
    if (!q) return;
    CHECK(q->speaker_name != NULL);
    if (q->speaker_name) CHECK_STR(q->speaker_name, name);
}

/* no quote starts with prefix */
static void check_none(const char *prefix)
{
    size_t n = strlen(prefix);
    for (size_t i = 0; i < doc->quotes.len; i++) {
        const lb_quote *q = &LB_QUOTES(doc)[i];
        CHECK(!(q->end - q->start >= n && !memcmp(doc->text + q->start, prefix, n)));
    }
}

int main(void)
{
    CHECK_INT(lb_ctx_new(&ctx, LB_TEST_DATA_DIR), LB_OK);
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);

    /* qchain.c: "Spiele" (a noun) is no Konjunktiv form of "spielen": the
     * sentence does not go on with Max Berger's report */
    run("Der Sprecher Max Berger sagte am Montag, die Lage sei ernst. "
        "Die Spiele der Liga finden am Samstag statt.");
    check_speaker("die Lage sei ernst", "Max Berger");
    check_none("Die Spiele");

    /* qchain.c: a Konjunktiv I sentence after one whose subject is a named
     * person (a mention without an actor code) reports that person */
    run("Anna Lazaridis besuchte am Montag das Werk in Kassel. "
        "Die Lage der Arbeiter sei ernst.");
    check_speaker("Die Lage der Arbeiter", "Anna Lazaridis");
    /* but not when the subject is a thing */
    run("Die Handgranate wurde am Montag im Garten gefunden. "
        "Sie sei mit Sprengstoff gefüllt gewesen.");
    {
        const lb_quote *q = NULL;
        for (size_t i = 0; i < doc->quotes.len; i++) q = &LB_QUOTES(doc)[i];
        CHECK(q == NULL || q->speaker_name == NULL || strcmp(q->speaker_name, "Handgranate") != 0);
    }

    /* qphrase.c: a phrase that a preposition governs is no subject: the
     * speaker stands before the auxiliary */
    run("Der Direktor Max Berger hat anlässlich der Eröffnung erklärt, die Lage sei ernst.");
    check_speaker("die Lage sei ernst", "Max Berger");
    /* a genitive attribute is no subject: the subject follows the verb */
    run("Als Grund für die Auflösung des Vertrages gab die Schule an, die Partei habe gelogen.");
    check_speaker("die Partei habe gelogen", "Schule");

    /* qframes.c: "Das/Dies bestätigte X …": the subject after the verb, with
     * more adjuncts after it than q_adjuncts takes, credits the sentence before */
    run("Der Italiener Marco Rossi wird neuer Trainer des Vereins. "
        "Dies gab die Vereinsführung heute Nachmittag auf einer Pressekonferenz bekannt.");
    check_speaker("Der Italiener Marco Rossi", "Vereinsführung");
    /* and a role phrase whose body name goes on past the phrase is named by
     * the apposition after it */
    run("In der Stadt sind mindestens 50 Menschen festgenommen worden. "
        "Das sagte der Sprecher der Kommission für Menschenrechte und Nationale Versöhnung (KMNV), "
        "Eliseo Santos, am Montag der Agentur.");
    check_speaker("In der Stadt", "Eliseo Santos");

    /* qindirect.c: a source phrase that opens the sentence, then an insert on
     * it between commas, then the finite verb of the main clause (V2): the
     * reported clause starts after the insert */
    run("Nach offiziellen Angaben, die aber nicht überprüft werden können, waren die meisten Opfer Bauern.");
    CHECK(test_quote_find(doc, "waren die meisten Opfer") != NULL);
    check_none("die aber nicht");

    /* de.cues srcnoun: media, projections and results are sources after "nach" */
    run("Die Wahl ist vorbei. Nach dem vorläufigen Endergebnis erreichte die Partei 45 Prozent der Stimmen.");
    CHECK(test_quote_find(doc, "erreichte die Partei") != NULL);
    run("Zu dem Anschlag bekannte sich nach örtlichen Medien eine Gruppe von Rebellen.");
    CHECK(test_quote_find(doc, "Zu dem Anschlag") != NULL);

    /* qindirect.c: "wonach" (srcconj) after any noun: the noun phrase is the
     * source of the clause; it speaks no further Konjunktiv sentences */
    run("Für das Jahr 2002 gibt es eine Schätzung, wonach in diesem Jahr 500 Kinder verletzt wurden.");
    {
        const lb_quote *q = test_quote_find(doc, "in diesem Jahr 500");
        CHECK(q != NULL);
        if (q) CHECK(q->speaker_start >= 0 && !memcmp(doc->text + q->speaker_start, "eine Schätzung", 14));
    }
    run("Der Sprecher Max Berger sagte, die Lage sei ernst. Die Polizei korrigierte damit frühere Angaben, "
        "wonach 176 Menschen dort lebten. Man habe keinen aktuellen Stand gehabt.");
    {
        const lb_quote *q = test_quote_find(doc, "Man habe keinen");
        CHECK(q == NULL || q->speaker_name == NULL || strcmp(q->speaker_name, "frühere Angaben") != 0);
    }

    /* an impersonal speech verb ("heißt es", "hieß es") takes its source from a
     * locsrc preposition in its clause: before it, after it, with a colon frame */
    run("Das Weiße Haus verlangte einen Rückzug. Aus Paris hieß es, das Vorgehen sei eine Verletzung des Abkommens.");
    check_speaker("das Vorgehen sei", "Paris");
    run("Die Partei stellte einen Antrag. In dem Antrag heißt es wörtlich: „Die Aufhebung der Einstufung ist ein Fehler, den wir nicht mittragen.“");
    check_speaker("Die Aufhebung der Einstufung", "Antrag");
    run("Nun heißt es im Abschlussbericht, bei der Wahl seien Probleme aufgetreten.");
    check_speaker("bei der Wahl seien", "Abschlussbericht");
    /* not with a personal subject: the speaker stays the subject */
    run("In Berlin sagte der Minister Karl Weber, die Lage sei ernst.");
    check_speaker("die Lage sei ernst", "Karl Weber");

    /* qdirect.c: a long quote without a frame of its own takes the source
     * phrase earlier in its sentence ("nach Angaben des X", "laut X") */
    run("Der Sprecher Max Berger sagte, die Lage sei ernst. Die Themen der Ausstellung sind nach Angaben "
        "der Direktorin Eva Brandt „die Moderne, die menschliche Existenz und die Frage der Bildung“.");
    check_speaker("die Moderne, die", "Eva Brandt");

    /* qchain.c: after "Das erklärte X am Montag." the Konjunktiv sentences go
     * on with X, not with the demonstrative */
    run("Der Rat werde nicht verschwinden. Das erklärte General Karl Weber am Montag gegenüber Diplomaten. "
        "Der Rat werde sich dann in einen Sicherheitsrat umwandeln.");
    check_speaker("Der Rat werde sich", "Karl Weber");

    /* qphrase.c: a dative plural before the participle is the addressee */
    run("Am Freitag hatte Verlagsleiter Lutz Schumacher aus heiterem Himmel den 18 Mitarbeitern erklärt, "
        "dass sie ihre letzte Ausgabe produziert hätten.");
    check_speaker("sie ihre letzte", "Lutz Schumacher");

    /* qdirect.c: a quoted multiword name after a common noun, or before its
     * verb without a comma, is a name, not a quote; the speech verb after it
     * frames the reported clause */
    run("Moritz Wohlrab von der „Aktion Deutschland hilft“ sagte, es sei ein falscher Eindruck entstanden.");
    check_speaker("es sei ein falscher", "Moritz Wohlrab");
    check_none("Aktion Deutschland");
    run("Jody Hey berichtete im Fachmagazin „Public Library of Science“, es sei nur wenig Genmaterial gefunden worden.");
    check_speaker("es sei nur wenig", "Jody Hey");
    check_none("Public Library");
    /* a quoted evaluation before a verb-final speech verb stays a quote */
    run("Der Minister Karl Weber, der die Reform als „großen Fehler“ bezeichnete, trat zurück.");
    CHECK(test_quote_find(doc, "großen Fehler") != NULL);

    /* qindirect.c: a reported main clause whose first place has a relative
     * clause after it, then the Konjunktiv verb */
    run("Die Ministerin Eva Brandt erklärte, in den Ländern, in denen Gebühren erhoben würden, sei die Zahl gestiegen.");
    check_speaker("in den Ländern", "Eva Brandt");

    /* qindirect.c: a relative clause after the verb's object is no reported
     * main clause ("fordern" here: to claim victims) */
    run("Zwölf Todesopfer forderte ein Taifun, der am Sonntag den Norden der Inseln heimsuchte.");
    check_none("der am Sonntag");

    /* qphrase.c: an oblique phrase the clause layer took for the subject (the
     * accusative or dative object before the verb) is no speaker; the
     * subject follows the verb */
    run("Die Premierministerin Theresa May sprach im Unterhaus. Ihren Widersacher Jeremy Corbyn von der "
        "oppositionellen Labour Party forderte May auf, über einen Rücktritt nachzudenken.");
    check_speaker("über einen Rücktritt", "Theresa May");

    /* qsource.c: a genitive attribute with a possessive ("seines Arztes X")
     * names the source of "nach Bekunden" */
    run("Der Politiker verfüge nach Bekunden seines Arztes Harold Bornstein über außergewöhnliche Stärke.");
    check_speaker("Der Politiker verfüge", "Harold Bornstein");

    /* de.speech: konstatieren, charakterisieren, werten, bewerten, skandieren
     * frame their quoted object */
    run("Der Minister Karl Weber konstatierte eine wachsende „Kluft zwischen Arm und Reich“.");
    check_speaker("Kluft zwischen", "Karl Weber");
    run("Der Richter Karl Weber wertete die Zahlungen als „treupflichtwidrige Verschwendung“.");
    check_speaker("treupflichtwidrige", "Karl Weber");
    run("Die Sprecherin Eva Brandt skandierte vor dem Rathaus Parolen wie „Weg mit den Kürzungen“.");
    check_speaker("Weg mit den", "Eva Brandt");

    /* qdirect.c: a title-case name in quotation marks after a definite article
     * is a name ("der „New York Times“"); after an indefinite one it can be
     * what was said */
    run("Bill Keller, der Chefredakteur der „New York Times“, bekräftigt den Bericht.");
    check_none("New York Times");
    run("Der Minister Karl Weber nannte das Opfer ein „Beispiel taktlosen Verhaltens“.");
    CHECK(test_quote_find(doc, "Beispiel taktlosen") != NULL);

    /* qdirect.c: a web address alone in quotation marks names a site; the
     * speech verb's clause after it is still reported */
    run("Der Abgeordnete Karl Weber hatte laut „tagesschau.de“ kritisiert, dass die Regierung schweige.");
    check_none("tagesschau.de");
    check_speaker("die Regierung schweige", "Karl Weber");

    /* qindirect.c: after "laut X" a speech verb that frames its own reported
     * clause speaks for itself (GUIDELINES §3: "Laut CCTV lobte Xi …") */
    run("Laut der Agentur Interfax sagte der Außenminister Karl Weber, die Gespräche seien gescheitert.");
    check_speaker("die Gespräche seien", "Karl Weber");
    /* a verb without a reported clause leaves the source its clause */
    run("Laut einer Umfrage entscheidet sich die Mehrheit der Kunden für Gas.");
    CHECK(test_quote_find(doc, "entscheidet sich die Mehrheit") != NULL);

    /* qsource.c: a reflexive possessive in any source phrase credits the
     * clause's subject: "laut eigenen Angaben", "eigenen Angaben zufolge", and
     * a pronoun right before the phrase */
    run("Der Unternehmer Karl Weber hat die Firma laut eigenen Angaben im Mai verkauft.");
    check_speaker("Der Unternehmer Karl Weber hat", "Karl Weber");
    run("Eigenen Angaben zufolge hat Anna Berger zehn Alben verkauft.");
    check_speaker("hat Anna Berger", "Anna Berger");

    /* quotes.c: a quote by "wir" or "ich" inside someone's quote is theirs
     * (an interview answer without quotation marks) */
    run("Interview mit der Ministerin. STANDARD: Bleibt die Grenze offen? Anna Berger: Das ist sehr wahrscheinlich. "
        "Wir haben gesagt, dass bis zu 400 Beamte kommen können. STANDARD: Und dann?");
    check_speaker("bis zu 400 Beamte", "Anna Berger");

    /* de.cues konj2: "gingen" is the indicative Präteritum too, no sign that
     * the writer goes on reporting */
    run("Der Sprecher Karl Weber sagte, der Brand sei gelöscht. Jedes Jahr würden etwa 600 Autos zerstört. "
        "Allein im Mai gingen 100 Autos in Flammen auf.");
    check_none("Allein im Mai");

    /* de.cues esverb: heißen is a speech verb only with the impersonal es in
     * its clause; with another subject it names or means */
    run("Die Band spielte am Abend. Das neue Album heißt „Sonne und Regen“.");
    check_none("Sonne und Regen");
    run("Der Vorstand Karl Weber sprach lange. Das heißt, die Firma wird verkauft.");
    check_none("die Firma wird");
    run("Wie es in einer Mitteilung der Stadt hieß, wurde niemand verletzt.");
    CHECK(test_quote_find(doc, "wurde niemand verletzt") != NULL);
    run("In der Erklärung der Regierung heißt es: „Wir bleiben bei unserer Linie.“");
    CHECK(test_quote_find(doc, "Wir bleiben bei") != NULL);

    /* de.cues titlenoun: the quoted words after the noun of a work or slogan
     * are a title */
    run("Die Kollegen verabschiedeten den Schauspieler Karl Weber mit dem Lied „Für dich soll es rote Rosen regnen“.");
    check_none("Für dich soll");

    /* qindirect.c: a post-posed separable speech verb whose particle closes
     * the sentence after the speaker ("…, stellten X fest.", "…, gab X bekannt.") */
    run("Das Risiko ist bei Frauen höher als bei Männern, stellten die Forscher der Universität Lund fest.");
    CHECK(test_quote_find(doc, "Das Risiko ist") != NULL);
    run("Ein weiteres Konsulat soll im Süden folgen, gab der Außenminister Karl Weber bekannt.");
    check_speaker("Ein weiteres Konsulat", "Karl Weber");
    /* but a comma that closes a relative clause on the subject: the verb after
     * it is the main verb, and its object no speaker */
    run("Der Vorsitzende Karl Weber, der als starker Mann der Partei gilt, wies den Vorwurf am Montag zurück.");
    check_none("Der Vorsitzende Karl Weber");

    /* qindirect.c: the name in apposition to the subject after the speech
     * verb is the speaker, and an adjunct between commas may stand before "dass" */
    run("Dann sagte der Koordinator für Naturkatastrophen, Karl Weber, gegenüber der Zeitung, dass nur 14 Boote im Einsatz seien.");
    check_speaker("nur 14 Boote", "Karl Weber");
    run("Dann sagte der Koordinator, Karl Weber, die Boote seien zu klein.");
    check_speaker("die Boote seien", "Karl Weber");
    /* a relative clause inside the reported clause does not stop the
     * post-posed frame with a named speaker */
    run("Es gebe zwar bisher noch keine Opfer, aber derzeit eine Stimmung, in der so etwas wieder geschehen könnte, "
        "sagte Jan Brenner, Referent bei der Stiftung aus Kassel.");
    check_speaker("Es gebe zwar", "Jan Brenner");

    /* qindirect.c: a post-posed frame in the perfect ("…, hat X … erklärt.");
     * not after a subordinate clause, where the auxiliary is the main verb's */
    run("Die Rebellen hätten die Stadt eingenommen, hat der Sprecher Karl Weber am Montag in Genf erklärt.");
    check_speaker("Die Rebellen hätten", "Karl Weber");
    run("Nachdem die Abgeordnete Eva Brandt mit einem Zwischenruf für Aufsehen gesorgt hatte, hat sie im Plenum um Entschuldigung gebeten.");
    check_none("Nachdem die Abgeordnete");
    /* a speech noun, the verb whose object it is, a comma and a Konjunktiv clause */
    run("Die Wahlkommission hatte den Standpunkt vertreten, das Gericht sei dafür nicht zuständig.");
    CHECK(test_quote_find(doc, "das Gericht sei dafür") != NULL);

    /* qindirect.c: a post-posed impersonal frame with adjuncts after "es"
     * ("…, hieß es am Freitag aus dem Ministerium."): the place is the source */
    run("Die Verhandlungen seien noch nicht beendet, hieß es am Freitag aus dem Ministerium in Wien.");
    check_speaker("Die Verhandlungen seien", "Ministerium");
    /* de.speech: analysieren */
    run("Als einfacher Abgeordneter wäre sein Einfluss dahin, analysiert der Politologe Karl Weber.");
    check_speaker("Als einfacher Abgeordneter", "Karl Weber");

    /* qframes.c, de.speech bekannt|werden: an as-frame of a report without a
     * subject ("Wie heute bekannt wurde, …", "wie weiter erklärt wurde")
     * reports its clause without a speaker; "Wie gesagt, …" is no frame */
    run("Wie gestern bekannt wurde, befindet sich unter den Opfern der Politiker Karl Weber.");
    CHECK(test_quote_find(doc, "befindet sich unter") != NULL);
    run("Im Mai wurde bekannt, dass die Steuern steigen.");
    CHECK(test_quote_find(doc, "die Steuern steigen") != NULL);
    run("Wie gesagt, die Lage ist ernst.");
    CHECK_INT(doc->quotes.len, 0);

    /* qindirect.c: "laut" with an extended attribute between article and noun,
     * and with a web address */
    run("Die Lage ist ernst. Laut dem für Terrorismus zuständigen Staatsanwalt Karl Weber habe es drei Teams gegeben.");
    check_speaker("habe es drei Teams", "Karl Weber");
    run("Die Lage ist ernst. Laut einer am Dienstag veröffentlichten Mitteilung des Roten Kreuzes wurden 200 Menschen versorgt.");
    CHECK(test_quote_find(doc, "wurden 200 Menschen") != NULL);
    run("Die Lage ist ernst. Laut wetterblog.de fiel in der Nacht ein halber Meter Schnee.");
    check_speaker("fiel in der Nacht", "wetterblog.de");

    /* qindirect.c: a description in apposition after a named subject */
    run("Dabei sagte Jan Brenner, der stellvertretende Vorsitzende des Ausschusses, aber auch, dass die Demonstranten von Standards sprächen.");
    check_speaker("die Demonstranten von", "Jan Brenner");

    /* de.cues quoting: the object of "zitieren" is the speaker */
    run("Die Firma stellte neue Versionen vor. „Das wird das größte Update aller Zeiten“, zitiert die „Tagespost“ Lynch in einem Bericht.");
    check_speaker("Das wird das größte", "Lynch");
    /* in the passive its subject */
    run("Karl Weber wird von der Zeitung mit den Worten zitiert, das Update sei das größte aller Zeiten.");
    check_speaker("das Update sei", "Karl Weber");

    /* de.cues anaph: a pronominal adverb opening the sentence refers back to
     * the statement before ("Davon geht X aus."); inside a clause it is no
     * connective ("…, daran appelliert, … zu …") */
    run("Die Erklärung wird für Sonntag erwartet. Davon geht der Minister Karl Weber aus.");
    check_speaker("Die Erklärung wird", "Karl Weber");
    run("Zuvor hatten mehrere Politiker, darunter der Bürgermeister Karl Weber, daran appelliert, das Erreichte nicht aufs Spiel zu setzen.");
    CHECK(test_quote_find(doc, "das Erreichte nicht") != NULL);

    /* de.cues request: "auf Anfrage" names no source of "hieß es" */
    run("Die Firma plant nichts. Auf Anfrage hieß es, man prüfe die Lage.");
    {
        const lb_quote *q = test_quote_find(doc, "man prüfe die");
        CHECK(q != NULL);
        if (q) CHECK(q->speaker_name == NULL || strcmp(q->speaker_name, "Anfrage") != 0);
    }

    /* de.cues oblart, nommasc: a fronted dative is no subject; the speaker
     * follows the verb ("Der Zeitung sagte X" - der before a feminine noun or a
     * weak adjective in -en; "der 84-jährige X" stays nominative) */
    run("Der Zeitung sagte Karl Weber, die Lage sei ernst.");
    check_speaker("die Lage", "Karl Weber");
    run("Der englischsprachigen Zeitung sagte Karl Weber, die Lage sei ernst.");
    check_speaker("die Lage", "Karl Weber");
    run("Dem Sender sagte Karl Weber, die Lage sei ernst.");
    check_speaker("die Lage", "Karl Weber");
    run("Der 64-jährige Weber, der als Kritiker gilt, sagte, die Lage sei ernst.");
    {
        const lb_quote *q = test_quote_find(doc, "die Lage");
        CHECK(q != NULL && q->speaker_start >= 0);
        if (q && q->speaker_start >= 0) CHECK(strstr(doc->text + q->speaker_start, "Der 64") == doc->text + q->speaker_start);
    }

    /* de.speech "für möglich|halten": judging something possible reports an opinion */
    run("Manche Beobachter halten es für möglich, dass Karl Weber bei der Wahl antritt.");
    CHECK(test_quote_find(doc, "Karl Weber bei") != NULL);
    run("Die Polizei hält den Mann für gefährlich.");
    CHECK_INT(doc->quotes.len, 0);

    /* de.cues cadj: "ist zuversichtlich, dass …" / "…, … zu können"; not "ich bin überzeugt" */
    run("Der Trainer Karl Weber ist zuversichtlich, die Schweden schlagen zu können.");
    check_speaker("die Schweden", "Karl Weber");
    run("Karl Weber ist überzeugt, dass die Reform gelingt.");
    check_speaker("die Reform", "Karl Weber");
    run("Ich bin überzeugt, dass die Reform gelingt.");
    check_none("die Reform");
    /* de.speech zum Ergebnis|kommen */
    run("Die Kommission kam zum Ergebnis, dass die Wahl frei war.");
    CHECK(test_quote_find(doc, "die Wahl frei") != NULL);

    /* a role the article gave a named person ("Staatsanwalt Karl Weber") is that
     * person later, also where an abbreviation's period left the article
     * capitalised inside the sentence ("Omar M. Dem Staatsanwalt zufolge") */
    run("Laut dem Staatsanwalt Karl Weber hätten die Täter Westen getragen. "
        "Einer der Täter ist der Franzose Omar M. Dem Staatsanwalt zufolge ist er 29 Jahre alt.");
    check_speaker("Einer der", "Karl Weber");

    /* the as-frame with a quoted name or a web address as its subject */
    run("Wie die „Aktion Hafenhilfe“ heute mitteilte, werde die Hilfe ausgeweitet.");
    check_speaker("werde die Hilfe", "Aktion Hafenhilfe");
    run("Wie hafen-news.de berichtet, ist der Fahrplan veröffentlicht worden.");
    check_speaker("ist der Fahrplan", "hafen-news.de");

    /* a quote that opens its sentence after a speech act of a named person
     * without words of its own gives that act's words */
    run("Der Abgeordnete Karl Weber kritisierte die Regierung scharf. „Diese Regierung hat viel erreicht, aber hier versagt sie.“");
    check_speaker("Diese Regierung", "Karl Weber");
    run("Tatsächlich wurde der Hafen geschlossen. „Diese Regierung hat viel erreicht, aber hier versagt sie.“");
    {
        const lb_quote *q = test_quote_find(doc, "Diese Regierung");
        CHECK(q != NULL);
        if (q) CHECK(q->speaker_name == NULL);
    }

    /* the source of "heißt es" past a relative clause on it */
    run("Im Entwurf, der dem Tagesspiegel vorliegt, heißt es, dass der Senat die Schecks einplanen solle.");
    {
        const lb_quote *q = test_quote_find(doc, "der Senat die");
        CHECK(q != NULL && q->speaker_start >= 0);
        if (q && q->speaker_start >= 0) CHECK(strstr(doc->text + q->speaker_start, "Entwurf") == doc->text + q->speaker_start);
    }

    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
