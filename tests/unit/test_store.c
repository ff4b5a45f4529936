/* test_store.c: the store stage: documents with synthetic mentions, quotes and
 * events (pushed after annotation) are stored and the queries return them:
 * filters, limits and truncation, timeline balance, export provenance,
 * stemmed full-text search, idempotent puts, schema version checks. */
#include "test.h"
#include "doc.h"
#include "lagebild.h"
#include "store/store.h"
#include <jansson.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dbpath[256];

static lb_input input(const char *id, const char *text, const char *date, const char *lang, const char *source)
{
    lb_input in;
    memset(&in, 0, sizeof in);
    in.id = id; in.id_len = strlen(id);
    in.text = text; in.text_len = strlen(text);
    in.date = date; in.date_len = strlen(date);
    in.lang = lang; in.lang_len = strlen(lang);
    in.source = source; in.source_len = strlen(source);
    in.origin = "test";
    return in;
}

static uint32_t find(const lb_doc *doc, const char *needle)
{
    const char *p = strstr(doc->text, needle);
    return p ? (uint32_t)(p - doc->text) : 0;
}

static const lb_actor_ref USA = { "USA", "GOV", "Vereinigte Staaten", "Q30" };
static const lb_actor_ref CHN = { "CHN", "GOV", "China", "Q148" };
static const lb_actor_ref DEU = { "DEU", "GOV", "Deutschland", "Q183" };

static void add_event(lb_doc *doc, const char *type, lb_actor_ref a, lb_actor_ref r, const char *date,
                      const char *trigger, double goldstein, int negated)
{
    lb_event *e = lb_vec_push(&doc->events, &doc->arena);
    CHECK(e != NULL);
    uint32_t t = find(doc, trigger);
    e->type = type;
    e->actor[0] = a; e->nactor = 1;
    e->recipient[0] = r; e->nrecipient = 1;
    e->date = date;
    e->negated = (uint8_t)negated;
    e->sent = LB_TOKS(doc)[0].sent;
    for (size_t i = 0; i < doc->sents.len; i++)
        if (LB_SENTS(doc)[i].start <= t && t < LB_SENTS(doc)[i].end) e->sent = (uint32_t)i;
    e->start = LB_SENTS(doc)[e->sent].start;
    e->end = LB_SENTS(doc)[e->sent].end;
    e->trigger_start = (int32_t)t;
    e->trigger_end = (int32_t)(t + strlen(trigger));
    e->rule = "test.rule";
    e->confidence = 0.75;
    e->goldstein = goldstein;
}

static void add_mention(lb_doc *doc, const char *word, lb_actor_ref a)
{
    lb_mention *m = lb_vec_push(&doc->mentions, &doc->arena);
    m->start = find(doc, word);
    m->end = m->start + (uint32_t)strlen(word);
    m->type = LB_MEN_LOC;
    m->actor = a;
}

static void add_quote(lb_doc *doc, const char *content, const char *speaker, lb_actor_ref a)
{
    lb_quote *q = lb_vec_push(&doc->quotes, &doc->arena);
    q->start = find(doc, content);
    q->end = q->start + (uint32_t)strlen(content);
    q->speaker_start = (int32_t)find(doc, speaker);
    q->speaker_end = q->speaker_start + (int32_t)strlen(speaker);
    q->speaker_name = speaker;
    q->speaker_actor = a;
    q->cue_start = q->cue_end = -1;
}

/* Runs a query and returns the rows as one string "a|b|c\n..." of the given columns. */
static char *rows(lb_store *s, lb_query q, const lb_store_filter *f, int *truncated)
{
    static char out[8192];
    out[0] = '\0';
    lb_cursor *c = NULL;
    int rc = lb_store_query(&c, s, q, f);
    CHECK_INT(rc, LB_OK);
    if (rc) { fprintf(stderr, "%s\n", lb_store_errmsg(s)); return out; }
    while ((rc = lb_cursor_next(c)) == LB_OK) {
        for (size_t i = 0; i < lb_cursor_ncols(c); i++) {
            const char *v = lb_cursor_text(c, i);
            strncat(out, v ? v : "-", sizeof out - strlen(out) - 2);
            strncat(out, i + 1 < lb_cursor_ncols(c) ? "|" : "\n", sizeof out - strlen(out) - 1);
        }
    }
    CHECK_INT(rc, LB_DONE);
    if (truncated) *truncated = lb_cursor_truncated(c);
    lb_cursor_free(c);
    return out;
}

static const char *TEXT1 =
    "Washington straft Peking ab.\n\n"
    "Die Vereinigten Staaten haben am Montag neue Sanktionen gegen chinesische Firmen verhängt. "
    "Der Sprecher sagte: \"Wir werden China zur Verantwortung ziehen.\" "
    "Peking kritisierte die Entscheidung scharf.";
static const char *TEXT2 =
    "Berlin and Beijing sign a trade agreement.\n\n"
    "Germany and China signed a trade agreement in Berlin on Tuesday. "
    "\"This is a good day for cooperation,\" the chancellor said. "
    "Washington praised the deal with China.";

static const char *TEXT3 = "Ohne Zeitangabe.\n\nBerlin droht Washington mit Gegenmaßnahmen.";

/* Annotates, then empties the layers this test fills with synthetic items,
 * so that the expected counts do not depend on the real annotators. */
static void annotate_synthetic(lb_doc *doc, const lb_input *in)
{
    CHECK_INT(lb_doc_annotate(doc, in), LB_OK);
    doc->mentions.len = 0;
    doc->quotes.len = 0;
    doc->events.len = 0;
}

static void fill(lb_store *s, lb_doc *doc)
{
    lb_input in = input("doc-1", TEXT1, "2024-03-04", "de", "Testblatt");
    annotate_synthetic(doc, &in);
    CHECK(doc->sents.len >= 3);
    add_mention(doc, "Vereinigten Staaten", USA);
    add_mention(doc, "China", CHN);
    add_mention(doc, "Peking", CHN);
    add_event(doc, "SANCTION", USA, CHN, "2024-03-04", "verhängt", -8.0, 0);
    add_event(doc, "DISAPPROVE", CHN, USA, NULL, "kritisierte", -2.0, 0);
    add_quote(doc, "Wir werden China zur Verantwortung ziehen.", "Der Sprecher", USA);
    CHECK_INT(lb_store_put(s, doc, "test:1"), LB_OK);
    CHECK_INT(lb_store_put(s, doc, "test:1"), LB_DONE);   /* same text: skipped */

    in = input("doc-2", TEXT2, "2024-05-07", "en", "Test Herald");
    annotate_synthetic(doc, &in);
    add_mention(doc, "China", CHN);
    add_mention(doc, "Germany", DEU);
    add_event(doc, "COOPERATE", DEU, CHN, "2024-05-07", "signed", 6.0, 0);
    add_event(doc, "CONSULT", USA, CHN, "2024-05", "praised", 3.5, 1);
    add_quote(doc, "This is a good day for cooperation,", "the chancellor", DEU);
    CHECK_INT(lb_store_begin(s), LB_OK);
    CHECK_INT(lb_store_put(s, doc, "test:2"), LB_OK);
    CHECK_INT(lb_store_commit(s), LB_OK);
    /* a document without any date: its event is undated */
    in = input("doc-3", TEXT3, "", "de", "Testblatt");
    in.date = NULL; in.date_len = 0;
    annotate_synthetic(doc, &in);
    add_event(doc, "THREATEN", DEU, USA, NULL, "droht", -6.0, 0);
    CHECK_INT(lb_store_put(s, doc, "test:3"), LB_OK);
    int found = 0;
    CHECK_INT(lb_store_has_text(&found, s, TEXT2, strlen(TEXT2)), LB_OK);
    CHECK_INT(found, 1);
    CHECK_INT(lb_store_has_text(&found, s, "nope", 4), LB_OK);
    CHECK_INT(found, 0);
}

static void test_events(lb_store *s)
{
    lb_store_filter f = { 0 };
    int tr = -1;
    const char *r;
    CHECK(strstr(rows(s, LB_Q_EVENTS, &f, &tr), "CONSULT") == NULL);   /* negated: out by default */
    f.include = LB_INCLUDE_NEGATED;
    char *all = strdup(rows(s, LB_Q_EVENTS, &f, &tr));
    CHECK_INT(tr, 0);
    /* newest first: the May events, then March; the DISAPPROVE event has the document date */
    CHECK(strstr(all, "|2024-05-07|day|DEU/GOV|COOPERATE|-|CHN/GOV||6.0|0.75|doc-2|Test Herald|Germany and China signed") == all + 16);
    CHECK(strstr(all, "|2024-05|month|USA/GOV|CONSULT|-|CHN/GOV|negated|3.5|") != NULL);
    CHECK(strstr(all, "|2024-03-04|day|USA/GOV|SANCTION|-|CHN/GOV||-8.0|0.75|doc-1|Testblatt|Die Vereinigten Staaten haben") != NULL);
    CHECK(strstr(all, "|2024-03-04|day|CHN/GOV|DISAPPROVE|") != NULL);
    CHECK(strstr(all, "|-|-|DEU/GOV|THREATEN|-|USA/GOV||-6.0|0.75|doc-3|Testblatt|Berlin droht Washington") != NULL);
    CHECK(all[strlen(all) - 1] == '\n' && strstr(all, "THREATEN") > strstr(all, "SANCTION"));   /* undated last */
    free(all);

    f.actor = "usa";           /* code, any case */
    r = rows(s, LB_Q_EVENTS, &f, NULL);
    CHECK(strstr(r, "CONSULT") && strstr(r, "SANCTION") && !strstr(r, "COOPERATE") && !strstr(r, "DISAPPROVE"));
    f.include = 0;
    r = rows(s, LB_Q_EVENTS, &f, NULL);
    CHECK(!strstr(r, "CONSULT") && strstr(r, "SANCTION"));
    f.include = LB_INCLUDE_NEGATED;
    f.actor = "Vereinigte Staaten";   /* canonical name */
    CHECK(strstr(rows(s, LB_Q_EVENTS, &f, NULL), "SANCTION") != NULL);
    f.actor = "Q30";           /* Wikidata id */
    CHECK(strstr(rows(s, LB_Q_EVENTS, &f, NULL), "SANCTION") != NULL);
    f.actor = "USA"; f.type = "sanction";
    r = rows(s, LB_Q_EVENTS, &f, NULL);
    CHECK(strstr(r, "SANCTION") && !strstr(r, "CONSULT"));
    f.type = NULL; f.since = "2024-04";
    r = rows(s, LB_Q_EVENTS, &f, NULL);
    CHECK(strstr(r, "CONSULT") && !strstr(r, "SANCTION"));
    f.since = NULL; f.until = "2024-03";   /* inclusive prefix */
    r = rows(s, LB_Q_EVENTS, &f, NULL);
    CHECK(!strstr(r, "CONSULT") && strstr(r, "SANCTION"));
    memset(&f, 0, sizeof f);
    f.recipient = "USA";
    r = rows(s, LB_Q_EVENTS, &f, NULL);
    CHECK(strstr(r, "DISAPPROVE") && strstr(r, "THREATEN") && !strstr(r, "SANCTION"));
    f.until = "2030";          /* a date range leaves undated events out */
    r = rows(s, LB_Q_EVENTS, &f, NULL);
    CHECK(strstr(r, "DISAPPROVE") && !strstr(r, "THREATEN"));
    f.until = NULL;
    f.actor = "CHN";           /* actor and recipient together */
    r = rows(s, LB_Q_EVENTS, &f, NULL);
    CHECK(strstr(r, "DISAPPROVE") && !strstr(r, "THREATEN") && !strstr(r, "SANCTION"));
    f.actor = NULL;
    f.recipient = NULL; f.source = "test herald";
    r = rows(s, LB_Q_EVENTS, &f, NULL);
    CHECK(strstr(r, "COOPERATE") && !strstr(r, "SANCTION"));
    f.source = NULL; f.actor = "x' OR 1=1 --";   /* bound, never SQL */
    CHECK_STR(rows(s, LB_Q_EVENTS, &f, NULL), "");
    memset(&f, 0, sizeof f);
    f.limit = 3;
    r = rows(s, LB_Q_EVENTS, &f, &tr);
    CHECK_INT(tr, 1);
    int n = 0;
    for (const char *p = r; (p = strchr(p, '\n')); p++) n++;
    CHECK_INT(n, 3);
    f.limit = 5;
    rows(s, LB_Q_EVENTS, &f, &tr);
    CHECK_INT(tr, 0);
}

static void test_quotes_actors_timeline(lb_store *s)
{
    lb_store_filter f = { 0 };
    const char *r = rows(s, LB_Q_QUOTES, &f, NULL);
    CHECK(strstr(r, "2024-05-07|the chancellor|DEU/GOV|direct|This is a good day for cooperation,|doc-2|Test Herald|") == r);
    CHECK(strstr(r, "2024-03-04|Der Sprecher|USA/GOV|direct|Wir werden China zur Verantwortung ziehen.|doc-1|Testblatt|") != NULL);
    f.speaker = "sprecher";
    r = rows(s, LB_Q_QUOTES, &f, NULL);
    CHECK(strstr(r, "Sprecher") && !strstr(r, "chancellor"));
    f.speaker = NULL; f.about = "CHN";     /* the mention "China" lies inside the quote */
    r = rows(s, LB_Q_QUOTES, &f, NULL);
    CHECK(strstr(r, "Verantwortung") && !strstr(r, "chancellor"));

    memset(&f, 0, sizeof f);
    r = rows(s, LB_Q_ACTORS, &f, NULL);
    /* code|sector|name|wikidata|as_actor|as_recipient|mentions|quotes */
    /* the negated CONSULT USA->CHN counts nowhere unless included */
    CHECK(strstr(r, "CHN|GOV|China|Q148|1|2|3|0\n") == r);
    CHECK(strstr(r, "USA|GOV|Vereinigte Staaten|Q30|1|2|1|1\n") != NULL);
    f.include = LB_INCLUDE_NEGATED;
    r = rows(s, LB_Q_ACTORS, &f, NULL);
    CHECK(strstr(r, "CHN|GOV|China|Q148|1|3|3|0\n") == r);
    CHECK(strstr(r, "USA|GOV|Vereinigte Staaten|Q30|2|2|1|1\n") != NULL);
    f.include = LB_INCLUDE_HYPOTHETICAL;     /* hypothetical alone does not bring a negated one */
    CHECK(strstr(rows(s, LB_Q_ACTORS, &f, NULL), "USA|GOV|Vereinigte Staaten|Q30|1|2|1|1\n") != NULL);
    f.include = 0;
    f.since = "2024-01";     /* counted by date instead of the kept counts */
    r = rows(s, LB_Q_ACTORS, &f, NULL);
    CHECK(strstr(r, "CHN|GOV|China|Q148|1|2|3|0\n") == r);
    CHECK(strstr(r, "USA|GOV|Vereinigte Staaten|Q30|1|1|1|1\n") != NULL);   /* the undated threat is out */
    f.since = "2024-04";
    r = rows(s, LB_Q_ACTORS, &f, NULL);
    CHECK(strstr(r, "USA|GOV|") == NULL);
    f.include = LB_INCLUDE_NEGATED | LB_INCLUDE_HYPOTHETICAL;
    r = rows(s, LB_Q_ACTORS, &f, NULL);
    CHECK(strstr(r, "USA|GOV|Vereinigte Staaten|Q30|1|0|0|0\n") != NULL);
    f.include = 0;
    f.since = NULL;
    r = rows(s, LB_Q_DYADS, &f, NULL);
    /* actor|recipient|events|goldstein|cooperation|conflict, by code */
    CHECK(strstr(r, "USA|CHN|1|-8.0|0|1\n") != NULL);
    CHECK(strstr(r, "DEU|USA|1|-6.0|0|1\n") != NULL);
    f.include = LB_INCLUDE_NEGATED;
    CHECK(strstr(rows(s, LB_Q_DYADS, &f, NULL), "USA|CHN|2|-2.25|1|1\n") != NULL);
    f.include = 0;
    f.type = "threaten";     /* filtered: from the monthly aggregate */
    CHECK_STR(rows(s, LB_Q_DYADS, &f, NULL), "DEU|USA|1|-6.0|0|1\n");
    f.type = NULL; f.actor = "Q30";
    CHECK_STR(rows(s, LB_Q_DYADS, &f, NULL), "USA|CHN|1|-8.0|0|1\n");
    f.type = "consult"; f.include = LB_INCLUDE_NEGATED;
    CHECK_STR(rows(s, LB_Q_DYADS, &f, NULL), "USA|CHN|1|3.5|1|0\n");
    f.type = NULL; f.include = 0;
    f.actor = NULL;

    f.a = "CHN"; f.b = "usa";
    r = rows(s, LB_Q_TIMELINE, &f, NULL);
    CHECK_STR(r, "2024-03|DISAPPROVE|1|-2.0\n2024-03|SANCTION|1|-8.0\n");
    r = rows(s, LB_Q_BALANCE, &f, NULL);
    CHECK_STR(r, "2024-03|2|0|2|-5.0\n");
    f.include = LB_INCLUDE_NEGATED;
    CHECK_STR(rows(s, LB_Q_TIMELINE, &f, NULL), "2024-03|DISAPPROVE|1|-2.0\n2024-03|SANCTION|1|-8.0\n2024-05|CONSULT|1|3.5\n");
    CHECK_STR(rows(s, LB_Q_BALANCE, &f, NULL), "2024-03|2|0|2|-5.0\n2024-05|1|1|0|3.5\n");
    f.include = 0;
    f.type = "SANCTION";
    CHECK_STR(rows(s, LB_Q_BALANCE, &f, NULL), "2024-03|1|0|1|-8.0\n");
    f.type = NULL;
    f.a = "China"; f.b = "Q30";      /* by name and Wikidata id: the per-event path */
    CHECK_STR(rows(s, LB_Q_TIMELINE, &f, NULL), "2024-03|DISAPPROVE|1|-2.0\n2024-03|SANCTION|1|-8.0\n");
    CHECK_STR(rows(s, LB_Q_BALANCE, &f, NULL), "2024-03|2|0|2|-5.0\n");
    f.since = "2024-05";
    CHECK_STR(rows(s, LB_Q_BALANCE, &f, NULL), "");
    f.include = LB_INCLUDE_NEGATED;
    CHECK_STR(rows(s, LB_Q_BALANCE, &f, NULL), "2024-05|1|1|0|3.5\n");
    f.a = "usa"; f.b = "China";      /* a code with a name */
    CHECK_STR(rows(s, LB_Q_BALANCE, &f, NULL), "2024-05|1|1|0|3.5\n");
    f.include = 0;
    f.since = NULL;
    f.a = "DEU"; f.b = "USA";
    CHECK_STR(rows(s, LB_Q_TIMELINE, &f, NULL), "undated|THREATEN|1|-6.0\n");
    f.a = "Deutschland";
    CHECK_STR(rows(s, LB_Q_BALANCE, &f, NULL), "undated|1|0|1|-6.0\n");
    f.b = NULL;
    lb_cursor *c = NULL;
    CHECK_INT(lb_store_query(&c, s, LB_Q_TIMELINE, &f), LB_EUSAGE);
    CHECK(c == NULL);
}

static void test_export_search_stats(lb_store *s)
{
    lb_store_filter f = { 0 };
    f.type = "SANCTION";
    lb_cursor *c = NULL;
    CHECK_INT(lb_store_query(&c, s, LB_Q_EXPORT, &f), LB_OK);
    CHECK_INT(lb_cursor_next(c), LB_OK);
    json_error_t err;
    json_t *j = json_loads(lb_cursor_text(c, 0), 0, &err);
    CHECK(j != NULL);
    if (j) {
        CHECK_STR(json_string_value(json_object_get(j, "event_type")), "SANCTION");
        CHECK_STR(json_string_value(json_object_get(j, "actor")), "USA");
        CHECK_STR(json_string_value(json_object_get(j, "recipient")), "CHN");
        CHECK_STR(json_string_value(json_object_get(j, "date")), "2024-03-04");
        json_t *p = json_object_get(j, "provenance");
        CHECK_STR(json_string_value(json_object_get(p, "doc_id")), "doc-1");
        CHECK_STR(json_string_value(json_object_get(p, "rule")), "test.rule");
        CHECK(json_real_value(json_object_get(p, "confidence")) == 0.75);
        CHECK_STR(json_string_value(json_object_get(json_object_get(p, "trigger"), "text")), "verhängt");
        const char *sent = json_string_value(json_object_get(json_object_get(p, "sentence"), "text"));
        CHECK(sent && !strncmp(sent, "Die Vereinigten Staaten haben am Montag", 39));
        CHECK(json_is_false(json_object_get(j, "negated")));
        CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(j, "actors"), 0), "id")), "Q30");
        json_decref(j);
    }
    CHECK_INT(lb_cursor_next(c), LB_DONE);
    lb_cursor_free(c);

    memset(&f, 0, sizeof f);
    f.text = "Sanktion";      /* stem of "Sanktionen" */
    const char *r = rows(s, LB_Q_SEARCH, &f, NULL);
    CHECK(strstr(r, "doc-1|2024-03-04|Testblatt|") == r && strstr(r, "[Sanktionen]") && !strstr(r, "doc-2"));
    f.text = "agreements";    /* English stem */
    r = rows(s, LB_Q_SEARCH, &f, NULL);
    CHECK(strstr(r, "doc-2|") == r && strstr(r, "[agreement]"));
    f.text = "china";
    r = rows(s, LB_Q_SEARCH, &f, NULL);
    CHECK(strstr(r, "doc-1") && strstr(r, "doc-2"));
    f.text = "\"unbalanced (query*";   /* punctuation is not query syntax */
    CHECK_STR(rows(s, LB_Q_SEARCH, &f, NULL), "");
    f.text = "   ";
    CHECK_INT(lb_store_query(&c, s, LB_Q_SEARCH, &f), LB_EUSAGE);

    memset(&f, 0, sizeof f);
    r = rows(s, LB_Q_STATS, &f, NULL);
    /* documents|sentences|events|negated|hypothetical|quotes|mentions|actors|timex|first_doc|last_doc|
     * first_event|last_event|annotators|dictionaries: events leave the negated one out */
    CHECK(!strncmp(r, "3|", 2));
    CHECK(strstr(r, "|4|1|0|2|5|3|") != NULL);
    CHECK(strstr(r, "|2024-03-04|2024-05-07|2024-03-04|2024-05-07|unknown|unknown\n") != NULL);
    f.include = LB_INCLUDE_NEGATED;
    CHECK(strstr(rows(s, LB_Q_STATS, &f, NULL), "|5|1|0|2|5|3|") != NULL);
}

/* An event with several parties of one country is counted once everywhere;
 * documents of unknown language are found by German and English stems. */
static void test_multi_party(lb_doc *doc)
{
    char path[300];
    snprintf(path, sizeof path, "%s.multi", dbpath);
    lb_store *s = NULL;
    CHECK_INT(lb_store_open(&s, path, 0), LB_OK);
    static const lb_actor_ref USA_MIL = { "USA", "MIL", "US-Streitkräfte", NULL };
    static const lb_actor_ref CHN_MIL = { "CHN", "MIL", NULL, NULL };
    lb_input in = input("multi", TEXT1, "2024-06-01", "", "Testblatt");
    in.lang = NULL; in.lang_len = 0;
    annotate_synthetic(doc, &in);
    add_event(doc, "COERCE", USA, CHN, "2024-06-02", "verhängt", -7.0, 0);
    lb_event *e = &LB_EVENTS(doc)[0];
    e->actor[1] = USA_MIL; e->nactor = 2;
    e->recipient[1] = CHN_MIL; e->nrecipient = 2;
    CHECK_INT(lb_store_put(s, doc, "multi"), LB_OK);

    lb_store_filter f = { 0 };
    f.actor = "USA";
    CHECK_INT(strlen(rows(s, LB_Q_EVENTS, &f, NULL)) > 0, 1);
    const char *r = rows(s, LB_Q_EVENTS, &f, NULL);
    CHECK(strstr(r, "|2024-06-02|day|USA/GOV+USA/MIL|COERCE|-|CHN/GOV+CHN/MIL|") == r + 16 && !strchr(r, '\n')[1]);
    f.recipient = "CHN";
    r = rows(s, LB_Q_EVENTS, &f, NULL);
    CHECK(strstr(r, "|COERCE|") != NULL && !strchr(r, '\n')[1]);
    memset(&f, 0, sizeof f);
    f.a = "USA"; f.b = "CHN";
    CHECK_STR(rows(s, LB_Q_BALANCE, &f, NULL), "2024-06|1|0|1|-7.0\n");
    f.a = "US-Streitkräfte"; f.b = "CHN";    /* per-event path */
    CHECK_STR(rows(s, LB_Q_TIMELINE, &f, NULL), "2024-06|COERCE|1|-7.0\n");
    f.a = "USA"; f.b = "USA";                 /* not a dyad of this event */
    CHECK_STR(rows(s, LB_Q_TIMELINE, &f, NULL), "");
    memset(&f, 0, sizeof f);
    CHECK_STR(rows(s, LB_Q_DYADS, &f, NULL), "USA|CHN|1|-7.0|0|1\n");
    r = rows(s, LB_Q_ACTORS, &f, NULL);
    CHECK(strstr(r, "USA|MIL|US-Streitkräfte|-|1|0|0|0\n") != NULL);
    lb_cursor *c = NULL;
    CHECK_INT(lb_store_query(&c, s, LB_Q_EXPORT, &f), LB_OK);
    CHECK_INT(lb_cursor_next(c), LB_OK);
    json_t *j = json_loads(lb_cursor_text(c, 0), 0, NULL);
    CHECK(j && json_array_size(json_object_get(j, "actors")) == 2 && json_array_size(json_object_get(j, "recipients")) == 2);
    json_decref(j);
    CHECK_INT(lb_cursor_next(c), LB_DONE);
    lb_cursor_free(c);
    /* language unknown: both stems are indexed */
    f.text = "Sanktion";
    CHECK(strstr(rows(s, LB_Q_SEARCH, &f, NULL), "multi|") != NULL);
    f.text = "chinesischen";    /* German stem of "chinesische" */
    CHECK(strstr(rows(s, LB_Q_SEARCH, &f, NULL), "multi|") != NULL);
    lb_store_close(s);
    char p[320];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path); unlink(p);
    snprintf(p, sizeof p, "%s-shm", path); unlink(p);
}

static void test_versions(void)
{
    lb_store *s = NULL;
    CHECK_INT(lb_store_open(&s, dbpath, LB_STORE_READONLY), LB_OK);
    lb_doc *none = NULL;
    (void)none;
    CHECK_INT(lb_store_begin(s), LB_EUSAGE);
    lb_store_close(s);
    /* a version 2 database (no dyad_months_type index) migrates to 3 when
     * opened writable, and read-only opening asks for that first */
    sqlite3 *db;
    CHECK_INT(sqlite3_open(dbpath, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "DROP INDEX dyad_months_type; DROP INDEX event_parties_flagged;"
                                " DROP TRIGGER event_parties_months_add; DROP TRIGGER event_parties_months_del;"
                                " DROP TABLE actor_months; DROP TRIGGER dyad_months_pairs_add;"
                                " DROP TRIGGER dyad_months_pairs_upd; DROP TRIGGER dyad_months_pairs_del;"
                                " DROP TABLE pair_months; DROP TABLE pair_years; PRAGMA user_version = 2",
                           NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    CHECK(lb_store_open(&s, dbpath, LB_STORE_READONLY) == LB_EDATA);
    CHECK(strstr(lb_store_errmsg(s), "migrating") != NULL);
    lb_store_close(s);
    CHECK_INT(lb_store_open(&s, dbpath, 0), LB_OK);
    lb_store_close(s);
    CHECK_INT(sqlite3_open(dbpath, &db), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM sqlite_schema WHERE name IN ('dyad_months_type',"
                                     " 'event_parties_flagged', 'actor_months', 'event_parties_months_add')),"
                                     " (SELECT user_version FROM pragma_user_version),"
                                     " (SELECT count(*) FROM event_parties),"
                                     " (SELECT coalesce(sum(n), 0) FROM actor_months),"
                                     " (SELECT sum(events) FROM dyad_months), (SELECT sum(events) FROM pair_months),"
                                     " (SELECT sum(events) FROM pair_years)", -1, &st, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(st, 0), 4);
    CHECK_INT(sqlite3_column_int(st, 1), 4);
    CHECK(sqlite3_column_int(st, 4) > 0);
    CHECK_INT(sqlite3_column_int(st, 5), sqlite3_column_int(st, 4));   /* the pair counts filled */
    CHECK_INT(sqlite3_column_int(st, 6), sqlite3_column_int(st, 4));
    CHECK(sqlite3_column_int(st, 2) > 0);
    CHECK_INT(sqlite3_column_int(st, 3), sqlite3_column_int(st, 2));   /* the monthly counts filled */
    sqlite3_finalize(st);
    sqlite3_close(db);
    /* a database from a newer build is refused, not damaged */
    CHECK_INT(sqlite3_open(dbpath, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
    CHECK(lb_store_open(&s, dbpath, 0) == LB_EDATA);
    CHECK(strstr(lb_store_errmsg(s), "newer") != NULL);
    lb_store_close(s);
    /* not a database at all */
    char junk[300];
    snprintf(junk, sizeof junk, "%s.junk", dbpath);
    FILE *fp = fopen(junk, "w");
    fputs("this is not a database, just text that is long enough to be a header....................", fp);
    fclose(fp);
    CHECK(lb_store_open(&s, junk, 0) != LB_OK);
    CHECK(strlen(lb_store_errmsg(s)) > 0);
    lb_store_close(s);
    unlink(junk);
    lb_store_close(NULL);
}

/* Real annotation of real sentences: ids from content, the same whatever
 * the order of ingest; week dates keep their precision; provenance and
 * reannotate; a complete export past the default limit. */
static const char *const REPRO[] = {
    "Merkel traf am Dienstag Macron in Paris. Die beiden sprachen über den Handel.",
    "Vor einer Woche traf Merkel Macron in Paris.",
    "Die USA verhängten neue Sanktionen gegen Russland. Russland verurteilte die Sanktionen scharf.",
};

static char *eids(lb_store *s)
{
    static char out[4096];
    out[0] = '\0';
    lb_store_filter f = { 0 };
    f.include = LB_INCLUDE_NEGATED | LB_INCLUDE_HYPOTHETICAL;
    f.limit = LB_STORE_NO_LIMIT;
    lb_cursor *c = NULL;
    CHECK_INT(lb_store_query(&c, s, LB_Q_EVENTS, &f), LB_OK);
    /* ids sorted so that the comparison ignores row order */
    char ids[64][17];
    size_t n = 0;
    while (c && lb_cursor_next(c) == LB_OK && n < 64) snprintf(ids[n++], 17, "%s", lb_cursor_text(c, 0));
    lb_cursor_free(c);
    qsort(ids, n, sizeof ids[0], (int (*)(const void *, const void *))strcmp);
    for (size_t i = 0; i < n; i++) { strcat(out, ids[i]); strcat(out, "\n"); }
    return out;
}

static void ingest_repro(lb_store *s, lb_doc *doc, int reverse)
{
    for (int k = 0; k < 3; k++) {
        int i = reverse ? 2 - k : k;
        char id[8];
        snprintf(id, sizeof id, "r%d", i);
        lb_input in = input(id, REPRO[i], "2021-02-02", "de", "Testblatt");
        CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
        CHECK_INT(lb_store_put(s, doc, "repro"), LB_OK);
    }
}

static void test_reproducible(lb_ctx *ctx, lb_doc *doc)
{
    char p1[300], p2[300];
    snprintf(p1, sizeof p1, "%s.fwd", dbpath);
    snprintf(p2, sizeof p2, "%s.rev", dbpath);
    lb_store *a = NULL, *b = NULL;
    CHECK_INT(lb_store_open(&a, p1, 0), LB_OK);
    CHECK_INT(lb_store_open(&b, p2, 0), LB_OK);
    CHECK_INT(lb_store_set_annotator(a, "test-1", "digest-1"), LB_OK);
    ingest_repro(a, doc, 0);
    ingest_repro(b, doc, 1);
    char *fwd = strdup(eids(a));
    CHECK(strlen(fwd) >= 3 * 17);            /* at least three events */
    CHECK_STR(eids(b), fwd);

    /* "vor einer Woche" is a week: stored as its Monday with precision week */
    lb_store_filter f = { 0 };
    f.since = "2021-01-25"; f.until = "2021-01-25";
    const char *r = rows(a, LB_Q_EVENTS, &f, NULL);
    CHECK(strstr(r, "|2021-01-25|week|") != NULL);

    /* provenance: another annotator sees the documents as stale, reannotate redoes them */
    int found = 0;
    CHECK_INT(lb_store_has_text(&found, a, REPRO[0], strlen(REPRO[0])), LB_OK);
    CHECK_INT(found, 1);
    CHECK_INT(lb_store_set_annotator(a, "test-2", "digest-1"), LB_OK);
    CHECK_INT(lb_store_has_text(&found, a, REPRO[0], strlen(REPRO[0])), LB_OK);
    CHECK_INT(found, 2);
    size_t done = 0, failed = 0;
    CHECK_INT(lb_store_reannotate(&done, &failed, a, ctx), LB_OK);
    CHECK_INT((int)done, 3);
    CHECK_INT((int)failed, 0);
    CHECK_STR(eids(a), fwd);                 /* the same content gives the same ids */
    CHECK_INT(lb_store_has_text(&found, a, REPRO[0], strlen(REPRO[0])), LB_OK);
    CHECK_INT(found, 1);
    memset(&f, 0, sizeof f);
    CHECK(strstr(rows(a, LB_Q_STATS, &f, NULL), "|test-2|digest-1\n") != NULL);
    CHECK_INT(lb_store_reannotate(&done, &failed, a, ctx), LB_OK);
    CHECK_INT((int)done, 0);                 /* nothing stale any more */
    /* the monthly actor counts follow deletes and inserts: a year range
     * read from them equals the same range counted event by event */
    memset(&f, 0, sizeof f);
    f.since = "2021"; f.until = "2021";
    char *by_month = strdup(rows(a, LB_Q_ACTORS, &f, NULL));
    f.since = "2021-01-01"; f.until = "2021-12-31";
    CHECK_STR(rows(a, LB_Q_ACTORS, &f, NULL), by_month);
    CHECK(strstr(by_month, "DEU") != NULL);
    free(by_month);
    sqlite3 *db;
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_open(p1, &db), SQLITE_OK);
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM event_parties) = (SELECT sum(n) FROM actor_months)",
                                 -1, &st, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    sqlite3_close(db);
    free(fwd);
    lb_store_close(a);
    lb_store_close(b);
    unlink(p1); unlink(p2);
}

static void test_export_complete(lb_doc *doc)
{
    char path[300];
    snprintf(path, sizeof path, "%s.many", dbpath);
    lb_store *s = NULL;
    CHECK_INT(lb_store_open(&s, path, 0), LB_OK);
    lb_input in = input("many", TEXT1, "2024-03-04", "de", "Testblatt");
    annotate_synthetic(doc, &in);
    for (int i = 0; i < 150; i++) {
        add_event(doc, "SANCTION", USA, CHN, NULL, "verhängt", -8.0, 0);
        LB_EVENTS(doc)[i].confidence = i / 1000.0;   /* distinct content, distinct ids */
        LB_EVENTS(doc)[i].start += (uint32_t)i % 7;
        LB_EVENTS(doc)[i].trigger_start = i;
    }
    CHECK_INT(lb_store_put(s, doc, "many"), LB_OK);
    lb_store_filter f = { 0 };
    f.limit = LB_STORE_NO_LIMIT;
    lb_cursor *c = NULL;
    CHECK_INT(lb_store_query(&c, s, LB_Q_EXPORT_FLAT, &f), LB_OK);
    int n = 0;
    while (lb_cursor_next(c) == LB_OK) n++;
    CHECK_INT(n, 150);
    CHECK_INT(lb_cursor_truncated(c), 0);
    lb_cursor_free(c);
    f.limit = 0;                             /* the default limit cuts and says so */
    CHECK_INT(lb_store_query(&c, s, LB_Q_EXPORT_FLAT, &f), LB_OK);
    n = 0;
    while (lb_cursor_next(c) == LB_OK) n++;
    CHECK_INT(n, LB_STORE_DEFAULT_LIMIT);
    CHECK_INT(lb_cursor_truncated(c), 1);
    lb_cursor_free(c);
    lb_store_close(s);
    unlink(path);
}

/* Search rows for a word (one line each). */
static int search_hits(lb_store *s, const char *word)
{
    lb_store_filter f = { 0 };
    f.text = word;
    const char *out = rows(s, LB_Q_SEARCH, &f, NULL);
    int n = 0;
    for (const char *p = out; *p; p++) n += *p == '\n';
    return n;
}

/* Documents put in a batch are indexed at commit: a rolled-back put leaves
 * no trace (its row id comes again for the next document), and FTS5's own
 * integrity check agrees with the content table. */
static void test_fts_batches(lb_doc *doc)
{
    char path[300];
    snprintf(path, sizeof path, "%s.fts", dbpath);
    lb_store *s = NULL;
    CHECK_INT(lb_store_open(&s, path, 0), LB_OK);
    static const char *const texts[] = {
        "Der Zitronenfalter flog über den Garten.", "Der Pflaumenbaum blühte im Garten.",
        "Die Kirschblüte kam früh in diesem Jahr.", "Ein Apfelbaum ohne Stapel.",
    };
    lb_input in = input("fts-a", texts[0], "2024-04-01", "de", "Testblatt");
    CHECK_INT(lb_store_begin(s), LB_OK);
    annotate_synthetic(doc, &in);
    CHECK_INT(lb_store_put(s, doc, "a"), LB_OK);
    CHECK_INT(lb_store_rollback(s), LB_OK);
    CHECK_INT(lb_store_begin(s), LB_OK);
    for (int i = 1; i < 3; i++) {
        in = input(i == 1 ? "fts-b" : "fts-c", texts[i], "2024-04-01", "de", "Testblatt");
        annotate_synthetic(doc, &in);
        CHECK_INT(lb_store_put(s, doc, "b"), LB_OK);
    }
    CHECK_INT(lb_store_commit(s), LB_OK);
    in = input("fts-d", texts[3], "2024-04-02", "de", "Testblatt");   /* outside a batch */
    annotate_synthetic(doc, &in);
    CHECK_INT(lb_store_put(s, doc, "d"), LB_OK);
    CHECK_INT(search_hits(s, "Zitronenfalter"), 0);
    CHECK_INT(search_hits(s, "Pflaumenbaum"), 1);
    CHECK_INT(search_hits(s, "Kirschblüte"), 1);
    CHECK_INT(search_hits(s, "Apfelbaum"), 1);
    CHECK_INT(search_hits(s, "Garten"), 1);
    CHECK_INT(sqlite3_exec(s->db, "INSERT INTO docs_fts(docs_fts, rank) VALUES('integrity-check', 1)", NULL, NULL, NULL),
              SQLITE_OK);
    size_t problems = 9;
    CHECK_INT(lb_store_check(&problems, s, 0, NULL, NULL), LB_OK);
    CHECK_INT((int)problems, 0);
    lb_store_close(s);
    unlink(path);
}

/* Actor counts over day-exact date bounds (whole months from the monthly
 * counts, the bounds' own months from the parties) equal a plain count of
 * the parties in range, for bounds of every precision, flags included. */
static void test_actor_day_bounds(lb_doc *doc)
{
    char path[300];
    snprintf(path, sizeof path, "%s.days", dbpath);
    lb_store *s = NULL;
    CHECK_INT(lb_store_open(&s, path, 0), LB_OK);
    lb_input in = input("days", TEXT1, "2024-03-04", "de", "Testblatt");
    annotate_synthetic(doc, &in);
    static char dates[120][11];
    for (int i = 0; i < 120; i++) {
        /* days across Jan..May 2024, some month- or year-only dates */
        if (i % 17 == 5) snprintf(dates[i], sizeof dates[i], "2024-0%d", 1 + i % 5);
        else if (i % 23 == 7) snprintf(dates[i], sizeof dates[i], "2024");
        else snprintf(dates[i], sizeof dates[i], "2024-0%d-%02d", 1 + i % 5, 1 + (i * 7) % 28);
        add_event(doc, i % 3 ? "SANCTION" : "CONSULT", USA, CHN, dates[i], "verhängt", -8.0, i % 11 == 0);
        LB_EVENTS(doc)[i].trigger_start = i;
        LB_EVENTS(doc)[i].hypothetical = i % 13 == 0;
    }
    CHECK_INT(lb_store_put(s, doc, "days"), LB_OK);
    static const char *const bounds[][2] = {
        { "2024-02-10", "2024-04-20" }, { "2024-02-10", NULL }, { NULL, "2024-03-15" }, { "2024-03-05", "2024-03-20" },
        { "2024-02", "2024-03-15" }, { "2024-02-03", "2024-04" }, { "2024", "2024-02-01" }, { "2024-01-01", "2024" },
        { "2024-05-28", NULL }, { "2024-03-31", "2024-04-01" },
    };
    for (size_t b = 0; b < sizeof bounds / sizeof *bounds; b++)
        for (int inc = 0; inc < 4; inc++) {
            lb_store_filter f = { 0 };
            f.since = bounds[b][0]; f.until = bounds[b][1]; f.include = inc; f.actor = "USA";
            const char *r = rows(s, LB_Q_ACTORS, &f, NULL);
            int got = -1;
            sscanf(r, "USA|GOV|Vereinigte Staaten|Q30|%d|", &got);
            int want = 0;
            for (int i = 0; i < 120; i++) {
                int flags = (i % 11 == 0) | (i % 13 == 0) << 1;
                if ((flags & ~inc) != 0) continue;
                if (f.since && strcmp(dates[i], f.since) < 0) continue;
                char until[16];
                snprintf(until, sizeof until, "%s~", f.until ? f.until : "");
                if (f.until && strcmp(dates[i], until) > 0) continue;
                want++;
            }
            if (got != (want ? want : -1)) fprintf(stderr, "bounds %s..%s include %d: got %d, want %d\n",
                                                   f.since ? f.since : "", f.until ? f.until : "", inc, got, want);
            CHECK_INT(got, want ? want : -1);
            /* dyads count by month: the bounds' months are whole */
            for (int typed = 0; typed < 2; typed++) {
                f.actor = NULL;
                f.type = typed ? "SANCTION" : NULL;
                r = rows(s, LB_Q_DYADS, &f, NULL);
                got = -1;
                sscanf(r, "USA|CHN|%d|", &got);
                want = 0;
                for (int i = 0; i < 120; i++) {
                    int flags = (i % 11 == 0) | (i % 13 == 0) << 1;
                    char m[8], lo[8], hi[9];
                    snprintf(m, sizeof m, "%.7s", strlen(dates[i]) >= 7 ? dates[i] : "");   /* a year alone: undated */
                    if (!*m && (f.since || f.until)) continue;
                    snprintf(lo, sizeof lo, "%.7s", f.since ? f.since : "");
                    snprintf(hi, sizeof hi, "%.7s~", f.until ? f.until : "");
                    if ((flags & ~inc) != 0 || (typed && i % 3 == 0)) continue;
                    if ((f.since && strcmp(m, lo) < 0) || (f.until && strcmp(m, hi) > 0)) continue;
                    want++;
                }
                if (got != (want ? want : -1)) fprintf(stderr, "dyads %s..%s include %d type %d: got %d, want %d\n",
                                                       f.since ? f.since : "", f.until ? f.until : "", inc, typed, got, want);
                CHECK_INT(got, want ? want : -1);
            }
        }
    lb_store_close(s);
    unlink(path);
}

/* A search whose words are in more than half of many documents (bm25 gives
 * all of them the score 0) lists the latest stored first without ranking
 * them all; a rarer word is still ranked by bm25. */
static void test_search_everywhere(void)
{
    char path[300];
    snprintf(path, sizeof path, "%s.everywhere", dbpath);
    lb_store *s = NULL;
    CHECK_INT(lb_store_open(&s, path, 0), LB_OK);
    CHECK_INT(sqlite3_exec(s->db,
        "BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12000)"
        " INSERT INTO documents(id, doc_id, hash, lang, title, text, body, body_spans)"
        " SELECT i, 'd' || i, 'h' || i, 'en', 'Report ' || i,"
        "  'Report ' || i || '. ' || CASE WHEN i % 4000 = 7 THEN 'zeppelin zeppelin sighted.' ELSE 'nothing new.' END,"
        "  'Report ' || i || '. ' || CASE WHEN i % 4000 = 7 THEN 'zeppelin zeppelin sighted.' ELSE 'nothing new.' END, '[]'"
        " FROM n;"
        " INSERT INTO docs_fts(rowid, title, body) SELECT id, title, body FROM documents; COMMIT;", NULL, NULL, NULL),
        SQLITE_OK);
    lb_store_filter f = { 0 };
    f.text = "report";
    f.limit = 3;
    const char *r = rows(s, LB_Q_SEARCH, &f, NULL);
    CHECK(strncmp(r, "d12000|", 7) == 0);
    CHECK(strstr(r, "\nd11999|") != NULL && strstr(r, "|0.0|") != NULL);
    f.text = "zeppelin";
    r = rows(s, LB_Q_SEARCH, &f, NULL);
    int n = 0;
    for (const char *p = r; (p = strchr(p, '\n')); p++) n++;
    CHECK_INT(n, 3);
    CHECK(strstr(r, "|0.0|") == NULL);     /* ranked: real scores */
    lb_store_close(s);
    unlink(path);
}

/* a migration that fails at a late step leaves the file at its old version
 * with none of the earlier steps' tables: all steps are one transaction */
static void test_migration_atomic(void)
{
    char path[300], p[320];
    snprintf(path, sizeof path, "%s.atomic", dbpath);
    unlink(path);
    sqlite3 *db;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK_INT(sqlite3_exec(db, "CREATE TABLE pair_years(x)", NULL, NULL, NULL), SQLITE_OK);   /* v4 creates it */
    sqlite3_close(db);
    lb_store *s = NULL;
    CHECK(lb_store_open(&s, path, 0) != LB_OK);
    lb_store_close(s);
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT (SELECT user_version FROM pragma_user_version),"
                                     " (SELECT count(*) FROM sqlite_schema WHERE name = 'documents')", -1, &st, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(st, 0), 0);
    CHECK_INT(sqlite3_column_int(st, 1), 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path); unlink(p);
    snprintf(p, sizeof p, "%s-shm", path); unlink(p);
}

int main(void)
{
    snprintf(dbpath, sizeof dbpath, "/tmp/lb-test-store-%d.db", (int)getpid());
    lb_ctx *ctx = NULL;
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR)) { fprintf(stderr, "%s\n", lb_ctx_errmsg(ctx)); return 1; }
    lb_doc *doc = NULL;
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);
    lb_store *s = NULL;
    CHECK_INT(lb_store_open(&s, dbpath, 0), LB_OK);
    fill(s, doc);
    test_events(s);
    test_quotes_actors_timeline(s);
    test_export_search_stats(s);
    lb_store_close(s);
    /* reopening finds everything; a put of the same text is still skipped */
    CHECK_INT(lb_store_open(&s, dbpath, 0), LB_OK);
    CHECK_INT(lb_store_put(s, doc, "again"), LB_DONE);
    lb_store_close(s);
    test_multi_party(doc);
    test_versions();
    test_migration_atomic();
    test_reproducible(ctx, doc);
    test_export_complete(doc);
    test_fts_batches(doc);
    test_actor_day_bounds(doc);
    test_search_everywhere();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    char p[300];
    unlink(dbpath);
    snprintf(p, sizeof p, "%s-wal", dbpath); unlink(p);
    snprintf(p, sizeof p, "%s-shm", dbpath); unlink(p);
    return TEST_END();
}
