/* test_time.c: the time stage on hand-written sentences: every pattern family
 * (absolute, deictic, weekday, season, duration, vague, century, time of day,
 * anaphoric, narrative) normalised against several publication dates,
 * including year boundaries, leap years and ISO weeks; the DCT choice and
 * refinement; ordering of the layer; the calendar helpers; loader errors. */
#include "test.h"
#include "lagebild.h"
#include "doc.h"
#include "time/time.h"
#include "time/time_internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static lb_ctx *ctx;
static lb_doc *doc;

static int annotate(const char *date, const char *lang, const char *text)
{
    lb_input in;
    memset(&in, 0, sizeof in);
    in.id = "t"; in.id_len = 1;
    in.text = text; in.text_len = strlen(text);
    if (date) { in.date = date; in.date_len = strlen(date); }
    in.lang = lang; in.lang_len = strlen(lang);
    return lb_doc_annotate(doc, &in);
}

/* the value of the timex whose span is exactly `surface`, or NULL */
static const char *value_of(const char *surface)
{
    size_t n = strlen(surface);
    for (size_t i = 0; i < doc->timex.len; i++) {
        const lb_timex *t = &LB_TIMEXES(doc)[i];
        if (t->end - t->start == n && !memcmp(doc->text + t->start, surface, n)) return t->value;
    }
    return NULL;
}

static int type_of(const char *surface)
{
    size_t n = strlen(surface);
    for (size_t i = 0; i < doc->timex.len; i++) {
        const lb_timex *t = &LB_TIMEXES(doc)[i];
        if (t->end - t->start == n && !memcmp(doc->text + t->start, surface, n)) return t->type;
    }
    return -1;
}

static void dump(void)
{
    for (size_t i = 0; i < doc->timex.len; i++) {
        const lb_timex *t = &LB_TIMEXES(doc)[i];
        fprintf(stderr, "    found '%.*s' = %s\n", (int)(t->end - t->start), doc->text + t->start, t->value);
    }
}

#define EXPECT(date, lang, text, surface, value) do { \
    CHECK_INT(annotate(date, lang, text), LB_OK); \
    const char *_v = value_of(surface); \
    if (!_v || strcmp(_v, value)) dump(); \
    CHECK_STR(_v, value); } while (0)

static void test_absolute(void)
{
    EXPECT("2023-03-23", "de", "Die Delegation kam am 22. März 2023 in Moskau an.", "22. März 2023", "2023-03-22");
    EXPECT("2023-03-23", "de", "Die Delegation kam am 22. März in Moskau an.", "22. März", "2023-03-22");
    EXPECT("2022-06-15", "de", "Das Treffen fand am Mittwoch (15. Juni) statt.", "Mittwoch (15. Juni)", "2022-06-15");
    /* past tense across the year boundary, future tense into the next year */
    EXPECT("2023-01-03", "de", "Am 28. Dezember traf er den Minister.", "28. Dezember", "2022-12-28");
    EXPECT("2022-12-20", "de", "Am 5. Januar wird er nach Paris reisen.", "5. Januar", "2023-01-05");
    /* leap day */
    EXPECT("2024-03-05", "de", "Der Vertrag wurde am 29. Februar 2024 unterzeichnet.", "29. Februar 2024", "2024-02-29");
    CHECK_INT(annotate("2023-03-05", "de", "Der Plan vom 29. Februar 2023 existiert nicht."), LB_OK);
    CHECK(value_of("29. Februar 2023") == NULL);
    EXPECT("2023-03-05", "de", "Im Februar 2022 begann der Krieg.", "Februar 2022", "2022-02");
    EXPECT("2023-03-05", "de", "Die Zahlen von 2016 waren besser.", "2016", "2016");
    EXPECT("2023-03-05", "de", "Anfang 2024 soll das Werk öffnen.", "Anfang 2024", "2024");
    EXPECT("2023-03-05", "de", "Das Schreiben vom 1.9.2021 liegt vor.", "1.9.2021", "2021-09-01");
    EXPECT("2023-03-23", "en", "The delegation arrived on March 22 in Moscow.", "March 22", "2023-03-22");
    EXPECT("2023-03-23", "en", "The talks ended on Feb. 28, 2024 in Geneva.", "Feb. 28, 2024", "2024-02-28");
    EXPECT("2023-03-23", "en", "He left in May 2010 for good.", "May 2010", "2010-05");
    /* a bare number before a noun is a quantity, not a year */
    CHECK_INT(annotate("2023-03-23", "de", "Die Armee setzte 1500 Panzer ein."), LB_OK);
    CHECK(value_of("1500") == NULL);
    EXPECT("2023-03-23", "de", "Im Jahr 490 v. Chr. siegten die Griechen.", "Jahr 490 v. Chr.", "BC0490");
    /* the first day of a pair borrows month and year from the second */
    EXPECT("2023-03-23", "de", "Am 8. und 9. Mai 2021 wurde gewählt.", "8.", "2021-05-08");
    CHECK_STR(value_of("9. Mai 2021"), "2021-05-09");
    /* blocked phrases */
    CHECK_INT(annotate("2023-03-23", "de", "Eines Tages kam er zum 75. Jahrestag."), LB_OK);
    CHECK_INT(doc->timex.len, 0);
}

static void test_deictic(void)
{
    EXPECT("2024-03-01", "de", "Gestern sagte der Minister nichts.", "Gestern", "2024-02-29");
    EXPECT("2023-01-01", "de", "Der Minister sprach gestern in Berlin.", "gestern", "2022-12-31");
    EXPECT("2024-01-15", "de", "Er war letzten Monat in Peking.", "letzten Monat", "2023-12");
    EXPECT("2024-05-16", "de", "Er war letzten Monat in Peking.", "letzten Monat", "2024-04");
    EXPECT("2024-05-16", "de", "Der Handel wuchs im vergangenen Jahr stark.", "vergangenen Jahr", "2023");
    EXPECT("2023-03-23", "de", "Der Krieg begann im Februar letzten Jahres.", "Februar letzten Jahres", "2022-02");
    /* ISO weeks at year boundaries */
    EXPECT("2023-03-23", "de", "Xi reiste diese Woche nach Moskau.", "diese Woche", "2023-W12");
    EXPECT("2021-01-03", "de", "Xi reiste diese Woche nach Moskau.", "diese Woche", "2020-W53");
    EXPECT("2024-12-30", "de", "Xi reiste diese Woche nach Moskau.", "diese Woche", "2025-W01");
    EXPECT("2020-12-28", "de", "Er kommt nächste Woche zurück.", "nächste Woche", "2021-W01");
    EXPECT("2022-09-13", "de", "Die Gespräche enden Ende dieser Woche.", "Ende dieser Woche", "2022-W37");
    EXPECT("2023-03-23", "de", "Das geschah vor drei Jahren.", "vor drei Jahren", "2020");
    EXPECT("2023-03-23", "de", "Das geschah vor rund einem Jahrhundert.", "vor rund einem Jahrhundert", "19");
    EXPECT("2013-03-22", "en", "Sales fell last year and rose this month.", "last year", "2012");
    EXPECT("2013-03-22", "en", "Sales fell last year and rose this month.", "this month", "2013-03");
    EXPECT("2013-03-22", "en", "The plant closed four years ago.", "four years ago", "2009");
    EXPECT("2013-01-02", "en", "She will decide next year.", "next year", "2014");
}

static void test_weekday(void)
{
    EXPECT("2024-05-16", "de", "Putin traf Xi am Donnerstag in Peking.", "Donnerstag", "2024-05-16");
    EXPECT("2023-03-23", "de", "Am Dienstag hatte er Xi empfangen.", "Dienstag", "2023-03-21");
    EXPECT("2023-03-23", "de", "Am Montag wird er nach Kiew reisen.", "Montag", "2023-03-27");
    EXPECT("2023-01-02", "de", "Am Freitag sagte er das Treffen ab.", "Freitag", "2022-12-30");
    EXPECT("2013-03-22", "en", "The company said on Thursday that it would close.", "Thursday", "2013-03-21");
    EXPECT("2013-03-22", "en", "The talks resumed on Friday afternoon.", "Friday afternoon", "2013-03-22TAF");
}

/* the tense of the expression's own clause decides (tense.c), not a word
 * of another clause nearby; Konjunktiv II is no past, a modal looks ahead */
static void test_clause_tense(void)
{
    /* the werden passive announces (2020-06-17 is a Wednesday) */
    EXPECT("2020-06-17", "de", "Die Details werden am Montag bekanntgegeben.", "Montag", "2020-06-22");
    /* a modal verb's present or Konjunktiv II looks ahead: into the next year */
    EXPECT("2020-06-17", "de", "Die Firma will im März expandieren.", "März", "2021-03");
    EXPECT("2020-06-17", "de", "Die Wahl könnte im Mai stattfinden.", "Mai", "2021-05");
    /* the perfect and the preterite look back */
    EXPECT("2020-06-17", "de", "Die Inflationsrate hat im Oktober 0,7 Prozent betragen.", "Oktober", "2019-10");
    EXPECT("2020-06-17", "de", "Im Dezember warnte der Präsident vor der Krise.", "Dezember", "2019-12");
    /* a clause of its own: the past verb of the other one does not count */
    EXPECT("2020-06-17", "de", "Die Sprecherin sagte, dass die Anlage im Oktober öffnet.", "Oktober", "2020-10");
    /* a word of the clause before the expression counts, not one after it in another phrase */
    EXPECT("2020-07-14", "de", "Am 26. Februar soll ein seit Juni verschobener Parteitag stattfinden.", "26. Februar",
           "2021-02-26");
    EXPECT("2020-06-17", "de", "Seit dem 31. August warten sie.", "31. August", "2019-08-31");
    /* the verb decides before a word of the clause: plant looks ahead, seit is another phrase's */
    EXPECT("2020-03-17", "de", "Seit Jahren plant die Firma die Eröffnung im Oktober.", "Oktober", "2020-10");
    /* a perfect with a modal looks back; sein + zu-infinitive is no perfect */
    EXPECT("2020-06-17", "de", "Der Minister hat im März zurücktreten müssen.", "März", "2020-03");
    EXPECT("2020-03-17", "de", "Die Entscheidung ist im Oktober zu treffen.", "Oktober", "2020-10");
    /* a modal verb that is not the finite one does not look ahead (2021-01-12 is a Tuesday) */
    EXPECT("2021-01-12", "de", "Die Mailänder hätten am Donnerstag in Spanien antreten sollen.", "Donnerstag",
           "2021-01-07");
    /* an adverb's ending is no tense */
    EXPECT("2013-03-22", "en", "Indeed, the firm will open a plant in October.", "October", "2013-10");
    /* a name's ending is no tense (2013-03-20 is a Wednesday) */
    EXPECT("2013-03-20", "en", "Manchester United will play on Saturday.", "Saturday", "2013-03-23");
    /* an infinitive clause has no tense of its own */
    EXPECT("2013-03-18", "en", "Microsoft said it has chosen three companies for the program to run through June.",
           "June", "2013-06");
    EXPECT("2013-03-22", "en", "A book of memoirs is due to be published in May.", "May", "2013-05");
}

static void test_seasons(void)
{
    EXPECT("2022-06-15", "de", "Die Übung findet im kommenden Herbst statt.", "kommenden Herbst", "2022-FA");
    EXPECT("2022-10-10", "de", "Die Übung findet im kommenden Herbst statt.", "kommenden Herbst", "2023-FA");
    EXPECT("2013-03-22", "en", "The deal collapsed last summer.", "last summer", "2012-SU");
    EXPECT("2023-03-05", "de", "Im Sommer 2021 kam er zurück.", "Sommer 2021", "2021-SU");
}

static void test_durations(void)
{
    EXPECT("2023-03-23", "de", "Die Freundschaft besteht seit 100 Jahren.", "seit 100 Jahren", "P100Y");
    EXPECT("2023-03-23", "de", "Die Freundschaft besteht seit einem Jahrhundert.", "seit einem Jahrhundert", "P100Y");
    EXPECT("2023-03-23", "de", "Der Besuch dauerte einen Tag.", "einen Tag", "P1D");
    CHECK_INT(type_of("einen Tag"), LB_TIMEX_DURATION);
    EXPECT("2023-03-23", "de", "Die Lage hat sich in den letzten Monaten verschlechtert.", "letzten Monaten", "PXM");
    EXPECT("2023-03-23", "de", "Nur wenige Tage blieben ihm.", "wenige Tage", "PXD");
    EXPECT("2023-03-23", "de", "Die Verhandlungen dauerten Wochen.", "Wochen", "PXW");
    EXPECT("2013-03-22", "en", "He served two years in office.", "two years", "P2Y");
    EXPECT("2013-03-22", "en", "The flight took 90 minutes.", "90 minutes", "PT90M");
}

/* a count and a half, or a half alone: the half in the next smaller unit
 * where it is whole (WikiWarsDE: anderthalb Jahre P1Y6M; TempEval-3: a minute
 * and a half PT1M30S), else a decimal */
static void test_halves(void)
{
    EXPECT("2023-03-23", "de", "Die Gespräche dauerten anderthalb Jahre.", "anderthalb Jahre", "P1Y6M");
    EXPECT("2023-03-23", "de", "Die Gespräche dauerten zweieinhalb Stunden.", "zweieinhalb Stunden", "PT2H30M");
    EXPECT("2023-03-23", "de", "Er blieb ein halbes Jahr.", "ein halbes Jahr", "P6M");
    EXPECT("2023-03-23", "de", "Nach einer halben Stunde kam er.", "einer halben Stunde", "PT30M");
    EXPECT("2023-03-23", "de", "Sie blieb eineinhalb Tage.", "eineinhalb Tage", "P1DT12H");
    EXPECT("2023-03-23", "de", "Nach einem anderthalbstündigen Gespräch reiste er ab.", "anderthalbstündigen", "PT1H30M");
    EXPECT("2023-03-23", "de", "Das dauerte anderthalb Jahrzehnte.", "anderthalb Jahrzehnte", "P15Y");
    EXPECT("2023-03-23", "de", "Die Frist beträgt eineinhalb Wochen.", "eineinhalb Wochen", "P1.5W");
    EXPECT("2023-03-23", "de", "Vor zweieinhalb Jahren begann es.", "Vor zweieinhalb Jahren", "2020");
    EXPECT("2023-03-23", "de", "Im März 2020 begann es. Ein halbes Jahr später war es vorbei.", "Ein halbes Jahr später",
           "2020");
    EXPECT("2013-03-22", "en", "It took a minute and a half.", "a minute and a half", "PT1M30S");
    EXPECT("2013-03-22", "en", "The war lasted two and a half years.", "two and a half years", "P2Y6M");
    EXPECT("2013-03-22", "en", "She spoke for half an hour.", "half an hour", "PT30M");
    EXPECT("2013-03-22", "en", "It began a year and a half ago.", "a year and a half ago", "2011");
    EXPECT("2013-03-22", "en", "It began in March 2010. Half a year later it ended.", "Half a year later", "2010");
}

/* compound adjectives of a length: a count glued (German) or hyphenated to a unit */
static void test_compound_durations(void)
{
    EXPECT("2023-03-23", "de", "Nach einem zweitägigen Besuch reiste sie ab.", "zweitägigen", "P2D");
    CHECK_INT(type_of("zweitägigen"), LB_TIMEX_DURATION);
    EXPECT("2023-03-23", "de", "Ihm droht eine dreijährige Haftstrafe.", "dreijährige", "P3Y");
    EXPECT("2023-03-23", "de", "Die Frist ist 14-tägig.", "14-tägig", "P14D");
    EXPECT("2023-03-23", "de", "Nach mehrwöchigen Gesprächen gab es eine Einigung.", "mehrwöchigen", "PXW");
    CHECK_INT(annotate("2023-03-23", "de", "Der 25-Jährige wurde festgenommen."), LB_OK);
    CHECK(value_of("25-Jährige") == NULL);      /* a person (a noun), not a length */
    CHECK_INT(annotate("2023-03-23", "de", "Der 35-jährige Mann wurde festgenommen."), LB_OK);
    CHECK(value_of("35-jährige") == NULL);      /* an age, which TimeML leaves out */
    CHECK_INT(annotate("2023-03-23", "de", "Der zehnjährige Junge und seine vierjährige Tochter kamen."), LB_OK);
    CHECK_INT((int)doc->timex.len, 0);          /* ages: before a noun of a person */
    CHECK_INT(annotate("2023-03-23", "de", "Die 14-Tägige Frist lief ab."), LB_OK);
    CHECK_INT((int)doc->timex.len, 0);          /* the German adjective is lower case */
    /* ... but for the capital that opens a sentence, when the morphology finds no noun */
    EXPECT("2023-03-23", "de", "Zweitägige Gespräche in Wien brachten keine Einigung.", "Zweitägige", "P2D");
    CHECK_INT(annotate("2023-03-23", "de", "Zweijährige brauchen viel Schlaf."), LB_OK);
    CHECK_INT((int)doc->timex.len, 0);          /* children: a noun */
    CHECK_INT(annotate("2013-03-22", "en", "He got a 123456789012-day term and a 10-year-old car."), LB_OK);
    CHECK_INT((int)doc->timex.len, 0);          /* no count of over six digits; an age is no length */
    /* a one-word length describes its noun: the speaker phrase around it is no time */
    CHECK_INT(annotate("2023-03-23", "de", "Die Lage sei ernst, sagte der Leiter der dreitägigen Konferenz."), LB_OK);
    CHECK(doc->timex.len == 1 && LB_TIMEXES(doc)[0].modifier);
    CHECK(doc->quotes.len == 1 && LB_QUOTES(doc)[0].speaker_start >= 0);
    EXPECT("2013-03-22", "en", "They agreed on a four-week truce.", "four-week", "P4W");
    EXPECT("2013-03-22", "en", "He faces a 10-year sentence.", "10-year", "P10Y");
}

/* a word listed only in lower case ("morgen", not the noun "Morgen") may open a
 * sentence with a capital, unless the morphology tags it as a noun */
static void test_lower_case_words(void)
{
    EXPECT("2023-03-23", "de", "Morgen soll es regnen.", "Morgen", "2023-03-24");
    EXPECT("2023-03-23", "de", "Der Gipfel beginnt morgen.", "morgen", "2023-03-24");
    CHECK_INT(annotate("2023-03-23", "de", "Am Morgen regnete es."), LB_OK);
    CHECK(value_of("Morgen") == NULL);          /* the morning, inside the sentence */
    CHECK_INT(annotate("2023-03-23", "de", "Morgen und Abend sind kühl."), LB_OK);
    CHECK(value_of("Morgen") == NULL);          /* a noun at the start */
}

static void test_vague(void)
{
    EXPECT("2023-03-23", "de", "Derzeit gibt es keine Gespräche.", "Derzeit", "PRESENT_REF");
    EXPECT("2023-03-23", "de", "Das war in der Vergangenheit anders.", "in der Vergangenheit", "PAST_REF");
    EXPECT("2023-03-23", "de", "Die Beziehungen sind heute eng.", "heute", "PRESENT_REF");
    EXPECT("2013-03-22", "en", "The rules are currently under review.", "currently", "PRESENT_REF");
}

static void test_centuries_times(void)
{
    EXPECT("2023-03-23", "de", "Das geschah im Laufe des 20. Jahrhunderts.", "20. Jahrhunderts", "19");
    EXPECT("2023-03-23", "en", "Prices rose in the 1990s.", "the 1990s", "199");
    EXPECT("2023-03-23", "de", "Die Sitzung beginnt um 15:30 Uhr.", "15:30 Uhr", "2023-03-23T15:30");
    CHECK_INT(type_of("15:30 Uhr"), LB_TIMEX_TIME);
    EXPECT("2013-03-22", "en", "The vote is at 8 p.m. tonight.", "8 p.m.", "2013-03-22T20:00");
}

static void test_anaphoric(void)
{
    EXPECT("2023-03-23", "de", "Am 3. Januar 2021 begann der Streik. Zwei Tage später endete er.", "Zwei Tage später", "2021-01-05");
    EXPECT("2023-03-23", "de", "Am 31. Dezember 2020 war Ruhe. Am folgenden Tag brach Streit aus.", "Am folgenden Tag", "2021-01-01");
}

static void test_narrative(void)
{
    /* a history: many years far from the publication date; dates without a
     * year belong to the year the text is at */
    EXPECT("2011-02-16", "de",
           "Der Konflikt von 1936 und 1937 verschärfte sich 1938. Im Jahr 1939 kam es zum Krieg. "
           "Bis 1940 und 1941 dauerte der Vormarsch, 1942 und 1943 kam die Wende. "
           "Am 1. September 1939 griff die Armee an. Am 3. September erklärten die Alliierten den Krieg.",
           "3. September", "1939-09-03");
    /* a period's start (seit, ab) is no point the narrative has reached */
    EXPECT("2011-02-16", "de",
           "Der Konflikt von 1936 und 1937 verschärfte sich 1938. Im Jahr 1939 kam es zum Krieg. "
           "Bis 1940 und 1941 dauerte der Vormarsch, 1942 und 1943 kam die Wende. "
           "Am 2. Juni 1944 begann die Offensive. Die Pläne dafür lagen seit 1941 bereit. "
           "Am 6. Juni landeten die Truppen.",
           "6. Juni", "1944-06-06");
}

static void test_dct(void)
{
    /* a coarse date is refined by the latest explicit date inside it */
    EXPECT("2022-09", "de", "Am 12. September traf er Xi. Am 13. September sagte er, die Gespräche enden Ende dieser Woche.",
           "Ende dieser Woche", "2022-W37");
    CHECK_STR(doc->dct, "2022-09-13");
    CHECK_STR(doc->meta.date, "2022-09");
    EXPECT("2023-03-23", "de", "Er kam heute.", "heute", "PRESENT_REF");
    CHECK_STR(doc->dct, "2023-03-23");
    /* without any date, relative expressions stay unresolved but the layer is sane */
    CHECK_INT(annotate(NULL, "de", "Am 22. März kam er. Gestern ging er."), LB_OK);
    CHECK_STR(value_of("22. März"), "XXXX-03-22");
    CHECK(doc->dct == NULL);
}

static void test_order(void)
{
    CHECK_INT(annotate("2023-03-23", "de",
                       "Am 22. März 2023 und am Dienstag, seit 100 Jahren und derzeit, im Februar letzten Jahres "
                       "und diese Woche, dazu 2016 und 2022 sowie wenige Tage."), LB_OK);
    CHECK(doc->timex.len >= 8);
    for (size_t i = 0; i < doc->timex.len; i++) {
        const lb_timex *t = &LB_TIMEXES(doc)[i];
        CHECK(t->start < t->end && t->end <= doc->len && t->value && *t->value);
        if (i) CHECK(LB_TIMEXES(doc)[i - 1].end <= t->start);
    }
}

static void test_calendar(void)
{
    int wy, wk;
    tm_isoweek(2021, 1, 3, &wy, &wk); CHECK_INT(wy, 2020); CHECK_INT(wk, 53);
    tm_isoweek(2024, 12, 30, &wy, &wk); CHECK_INT(wy, 2025); CHECK_INT(wk, 1);
    tm_isoweek(2023, 1, 1, &wy, &wk); CHECK_INT(wy, 2022); CHECK_INT(wk, 52);
    tm_isoweek(2026, 1, 1, &wy, &wk); CHECK_INT(wy, 2026); CHECK_INT(wk, 1);
    CHECK_INT(tm_weekday(2024, 5, 16), 4);
    CHECK_INT(tm_weekday(1970, 1, 1), 4);
    CHECK_INT(tm_weekday(2000, 2, 29), 2);
    CHECK_INT(tm_mdays(2024, 2), 29);
    CHECK_INT(tm_mdays(2100, 2), 28);
    CHECK_INT(tm_mdays(2000, 2), 29);
    int y, m, d;
    tm_civil(tm_days(2024, 2, 28) + 1, &y, &m, &d); CHECK_INT(m * 100 + d, 229);
    tm_civil(tm_days(2023, 12, 31) + 1, &y, &m, &d); CHECK_INT(y, 2024);
    tm_date t = { 2024, 1, 31, 'D' };
    tm_add_months(&t, -2); CHECK_INT(t.y, 2023); CHECK_INT(t.m, 11); CHECK_INT(t.d, 30);
    CHECK_INT(tm_parse_date("2022-09", &t), 0); CHECK_INT(t.gran, 'M');
    CHECK_INT(tm_parse_date("2023-03-23T10:00:00", &t), 0); CHECK_INT(t.gran, 'D');
    CHECK(tm_parse_date("gestern", &t) != 0);
}

static void write_file(const char *path, const char *content)
{
    FILE *f = fopen(path, "w");
    if (!f) return;
    fputs(content, f);
    fclose(f);
}

static void test_loader_errors(void)
{
    char dir[] = "/tmp/lb_time_testXXXXXX";
    if (!mkdtemp(dir)) { CHECK(0); return; }
    char p1[256], p2[256], p3[256], p4[256], err[512];
    snprintf(p1, sizeof p1, "%s/de.words", dir);
    snprintf(p2, sizeof p2, "%s/de.rules", dir);
    snprintf(p3, sizeof p3, "%s/en.words", dir);
    snprintf(p4, sizeof p4, "%s/en.rules", dir);
    write_file(p1, "# comment\nmärz\tMONTH\tM=3\n");
    write_file(p2, "DATE\tabs\t#day @MONTH\nDATE\tnosuch\t#day\n");
    write_file(p3, "march\tMONTH\tM=3\n");
    write_file(p4, "DATE\tabs\t@MONTH #dayn\n");
    struct lb_time_rules *r = NULL;
    CHECK_INT(lb_time_load(&r, dir, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, "de.rules:2:") != NULL);
    lb_time_free(r);
    write_file(p2, "DATE\tabs\t#day @MONTH\n");
    write_file(p1, "märz\tMONTH\tQ=3\n");
    r = NULL;
    CHECK_INT(lb_time_load(&r, dir, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, "de.words:1:") != NULL);
    lb_time_free(r);
    write_file(p1, "märz\tMONTH\tM=3\n+MONTH+NOSUCH\tX\n");    /* a compound of a class without forms */
    r = NULL;
    CHECK_INT(lb_time_load(&r, dir, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, "de.words:2:") != NULL);
    lb_time_free(r);
    static const char *const bad[] = {
        "märz\tMONTH\tM=3\n+MONTH*MONTH\tX\n",      /* no joiner */
        "märz\tMONTH\tM=3\n+\tX\n", "märz\tMONTH\tM=3\n+#int-\tX\n", "märz\tMONTH\tM=3\n+MONTH+\tX\n",
        "märz\tMONTH\tM=3\n+MONTH+month\tX\n",       /* a lower-case class name */
        "märz\tMONTH\tM=3\n+#int+MONTH\tX\n",        /* digits take a hyphen */
        "märz\tMONTH\tM=3\n+MONTH+MONTH\tTENSE\tPAST\n",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        write_file(p1, bad[i]);
        r = NULL;
        CHECK_INT(lb_time_load(&r, dir, err, sizeof err), LB_EDATA);
        CHECK(strstr(err, "de.words:2:") != NULL);
        lb_time_free(r);
    }
    char longer[700];                               /* a compound form of 256 bytes or more */
    snprintf(longer, sizeof longer, "%0200d\tA\n%0200d\tB\n+A+B\tX\n", 0, 1);
    write_file(p1, longer);
    r = NULL;
    CHECK_INT(lb_time_load(&r, dir, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, "de.words:3:") != NULL && strstr(err, "longer than 255") != NULL);
    lb_time_free(r);
    write_file(p1, "märz\tMONTH\tM=3\n");
    r = NULL;
    CHECK_INT(lb_time_load(&r, dir, err, sizeof err), LB_OK);
    lb_time_free(r);
    unlink(p1); unlink(p2); unlink(p3); unlink(p4); rmdir(dir);
}

int main(void)
{
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR) != LB_OK) { fprintf(stderr, "ctx: %s\n", lb_ctx_errmsg(ctx)); return 1; }
    if (lb_doc_new(&doc, ctx) != LB_OK) return 1;
    test_absolute();
    test_deictic();
    test_weekday();
    test_clause_tense();
    test_seasons();
    test_durations();
    test_compound_durations();
    test_halves();
    test_lower_case_words();
    test_vague();
    test_centuries_times();
    test_anaphoric();
    test_narrative();
    test_dct();
    test_order();
    test_calendar();
    test_loader_errors();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
