/* query.c: the analyst's queries (events, quotes, actors, dyads, timeline,
 * search, export, stats) as prepared statements with bound parameters, and
 * the lb_cursor that reads their rows with a hard row limit (after an
 * optional offset, for paging). The SQL text is
 * assembled only from fixed fragments; every user value is a bound
 * parameter. Must not format output or print. */
#include "store/store.h"
#include "core/buf.h"
#include "store/dyad_sum.h"
#include "store/timeline_sum.h"
#include "store/pair_events.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct lb_cursor {
    lb_store *s;
    sqlite3_stmt *st;
    size_t limit, rows;
    int truncated, done;
};

/* Actor ids matching a user's actor argument: code (any case), canonical
 * name (any case) or Wikidata id. P is the parameter name. */
/* A parameter matched literally inside LIKE ... ESCAPE '\': its % and _ are no wildcards. */
#define LIKE_LITERAL(p) "replace(replace(replace(" p ", '\\', '\\\\'), '%', '\\%'), '_', '\\_')"

#define ACTOR_IDS(P) "(SELECT id FROM actors WHERE code = upper(" P ") OR name = " P " COLLATE NOCASE" \
                     " OR (wikidata <> '' AND wikidata = " P ")" \
                     " OR (sector <> '' AND code || '/' || sector = upper(" P ")))"

typedef struct qb { lb_buf sql; int fail; } qb;

/* Events whose flags the filter lets in: :inc holds LB_INCLUDE_* bits
 * (1 negated, 2 hypothetical); the flags columns of dyad_months, dyad_totals,
 * event_parties and dyads hold the same bits. */
#define FLAGS_OK(col) " AND (" col " & ~:inc) = 0"

static void add(qb *q, const char *frag) { q->fail |= lb_buf_adds(&q->sql, frag); }

static void where_dates(qb *q, const lb_store_filter *f, const char *col)
{
    if (f->since) { add(q, " AND "); add(q, col); add(q, " >= :since"); }
    /* "2024-03" includes "2024-03-31": compare against the prefix + '~' */
    if (f->until) { add(q, " AND "); add(q, col); add(q, " <= :until || '~' AND "); add(q, col); add(q, " <> ''"); }
}

static void where_source(qb *q, const lb_store_filter *f, const char *doccol)
{
    if (f->source) {
        add(q, " AND ");
        add(q, doccol);
        add(q, " IN (SELECT id FROM documents WHERE source = :source COLLATE NOCASE)");
    }
}

/* The events of an actor -> recipient pair (every dyad row, an event
 * possibly more than once), for pair_events.c. */
static void pair_rows(qb *q, const lb_store_filter *f)
{
    add(q, "SELECT y.event, y.date FROM dyads y WHERE y.a IN " ACTOR_IDS(":actor")
           " AND y.r IN " ACTOR_IDS(":recipient") FLAGS_OK("y.flags"));
    where_dates(q, f, "y.date");
    if (f->type) add(q, " AND y.type = upper(:type)");
    if (f->source) {
        add(q, " AND y.event IN (SELECT e.id FROM events e WHERE e.id = y.event");
        where_source(q, f, "e.doc");
        add(q, ")");
    }
}

/* The ids of the events matching f, newest first, at most :limit + 1.
 * Driven by the covering index of event_parties when an actor is given;
 * with a recipient too, the page picked in C (pair_picked) as :rows. */
static void event_ids(qb *q, const lb_store_filter *f)
{
    if (f->actor && f->recipient) {
        add(q, "SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS date FROM json_each(:rows)");
        return;
    }
    if (f->actor || f->recipient) {
        int role = f->actor ? 0 : 1;
        /* DISTINCT: two parties of one event may match (USA/GOV and USA/MIL) */
        add(q, role ? "SELECT DISTINCT p.event AS id, p.date AS date FROM event_parties p WHERE p.role = 1 AND p.actor IN " ACTOR_IDS(":recipient")
                    : "SELECT DISTINCT p.event AS id, p.date AS date FROM event_parties p WHERE p.role = 0 AND p.actor IN " ACTOR_IDS(":actor"));
        add(q, FLAGS_OK("p.flags"));
        where_dates(q, f, "p.date");
        if (f->type || f->source) {
            add(q, " AND p.event IN (SELECT e.id FROM events e WHERE e.id = p.event");
            if (f->type) add(q, " AND e.type = upper(:type)");
            where_source(q, f, "e.doc");
            add(q, ")");
        }
        add(q, " ORDER BY p.date DESC, p.event DESC LIMIT :limit OFFSET :offset");
        return;
    }
    add(q, "SELECT e.id AS id, e.date AS date FROM events e WHERE 1" FLAGS_OK("(e.negated + 2 * e.hypothetical)"));
    if (f->type) add(q, " AND e.type = upper(:type)");
    where_dates(q, f, "e.date");
    /* unary + keeps the planner on the date index: it stops after :limit rows */
    where_source(q, f, "+e.doc");
    add(q, " ORDER BY e.date DESC, e.id DESC LIMIT :limit OFFSET :offset");
}

#define TEXT_SPAN(doc, s, e) "CAST(substr(CAST(" doc ".text AS BLOB), " s " + 1, " e " - " s ") AS TEXT)"

static void build_events(qb *q, const lb_store_filter *f)
{
    add(q, "WITH sel AS (");
    event_ids(q, f);
    add(q, ") SELECT e.eid AS event_id, e.date, e.date_prec AS precision, e.actors AS actor, e.type, e.mode, e.recipients AS recipient,"
           " trim(CASE WHEN e.negated THEN 'negated ' ELSE '' END || CASE WHEN e.hypothetical THEN 'hypothetical' ELSE '' END) AS flags,"
           " round(e.goldstein, 1) AS goldstein, round(e.confidence, 2) AS confidence,"
           " d.doc_id AS doc, d.source,"
           " coalesce(" TEXT_SPAN("d", "s.start", "s.end") ", " TEXT_SPAN("d", "e.start", "e.end") ") AS sentence,"
           " d.title, d.url"
           " FROM sel JOIN events e ON e.id = sel.id JOIN documents d ON d.id = e.doc"
           " LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sent"
           " ORDER BY sel.date DESC, sel.id DESC");
}

static void build_export(qb *q, const lb_store_filter *f, int flat)
{
    add(q, "WITH sel AS (");
    event_ids(q, f);
    add(q, "), rec AS (SELECT e.*, d.doc_id, d.source AS src, d.url, d.title, d.date AS pubdate,"
           " s.start AS s_start, s.end AS s_end,"
           " " TEXT_SPAN("d", "s.start", "s.end") " AS s_text,"
           " CASE WHEN e.trigger_start IS NOT NULL THEN " TEXT_SPAN("d", "e.trigger_start", "e.trigger_end") " END AS t_text,"
           " (SELECT json_group_array(json_object('code', a.code, 'sector', nullif(a.sector, ''),"
           "    'name', nullif(a.name, ''), 'id', nullif(a.wikidata, '')))"
           "  FROM event_parties p JOIN actors a ON a.id = p.actor WHERE p.role = 0 AND p.event = e.id) AS a_json,"
           " (SELECT json_group_array(json_object('code', a.code, 'sector', nullif(a.sector, ''),"
           "    'name', nullif(a.name, ''), 'id', nullif(a.wikidata, '')))"
           "  FROM event_parties p JOIN actors a ON a.id = p.actor WHERE p.role = 1 AND p.event = e.id) AS r_json,"
           " sel.date AS sdate"
           " FROM sel JOIN events e ON e.id = sel.id JOIN documents d ON d.id = e.doc"
           " LEFT JOIN sentences s ON s.doc = e.doc AND s.idx = e.sent) ");
    if (flat) {
        /* one row per event; several parties go ';'-separated into the code,
         * sector and name columns, position by position (docs/CODEBOOK.md) */
#define PARTY_COL(J, K) "(SELECT group_concat(coalesce(json_extract(value, '$." K "'), ''), ';') FROM json_each(" J "))"
        add(q, "SELECT eid AS event_id, date AS event_date, date_prec AS date_precision, pubdate AS publication_date,"
               " type AS event_type, mode,"
               " " PARTY_COL("a_json", "code") " AS actor_code, " PARTY_COL("a_json", "sector") " AS actor_sector,"
               " " PARTY_COL("a_json", "name") " AS actor_name,"
               " " PARTY_COL("r_json", "code") " AS recipient_code, " PARTY_COL("r_json", "sector") " AS recipient_sector,"
               " " PARTY_COL("r_json", "name") " AS recipient_name,"
               " negated, hypothetical, cameo, goldstein, confidence,"
               " doc_id, title, url, src AS source, s_start AS sentence_start, s_end AS sentence_end, s_text AS sentence,"
               " trigger_start, trigger_end, t_text AS trigger, rule"
               " FROM rec ORDER BY sdate DESC, id DESC");
#undef PARTY_COL
        return;
    }
    add(q, "SELECT json_object("
           " 'event_id', eid, 'date', date, 'date_precision', date_prec, 'publication_date', pubdate,"
           " 'event_type', type, 'mode', mode,"
           " 'actor', json_extract(a_json, '$[0].code'), 'actor_sector', json_extract(a_json, '$[0].sector'),"
           " 'recipient', json_extract(r_json, '$[0].code'), 'recipient_sector', json_extract(r_json, '$[0].sector'),"
           " 'actors', json(a_json), 'recipients', json(r_json),"
           " 'negated', json(CASE WHEN negated THEN 'true' ELSE 'false' END),"
           " 'hypothetical', json(CASE WHEN hypothetical THEN 'true' ELSE 'false' END),"
           " 'cameo', cameo, 'goldstein', goldstein, 'timex', timex,"
           " 'provenance', json_object('doc_id', doc_id, 'source', src, 'url', url, 'title', title,"
           "   'sentence', json_object('start', s_start, 'end', s_end, 'text', s_text),"
           "   'event_span', json_array(start, end),"
           "   'trigger', CASE WHEN trigger_start IS NULL THEN NULL ELSE"
           "     json_object('start', trigger_start, 'end', trigger_end, 'text', t_text) END,"
           "   'rule', rule, 'confidence', confidence)) AS json"
           " FROM rec ORDER BY sdate DESC, id DESC");
}

static void build_quotes(qb *q, const lb_store_filter *f)
{
    add(q, "WITH sel AS (SELECT q.id, q.date FROM quotes q WHERE 1");
    if (f->speaker)
        add(q, " AND (q.speaker_name LIKE '%' || " LIKE_LITERAL(":speaker") " || '%' ESCAPE '\\' OR q.speaker_actor IN " ACTOR_IDS(":speaker") ")");
    if (f->actor) add(q, " AND q.speaker_actor IN " ACTOR_IDS(":actor"));
    if (f->about)
        add(q, " AND EXISTS (SELECT 1 FROM mentions m WHERE m.doc = q.doc AND m.start >= q.start AND m.end <= q.end"
               " AND m.actor IN " ACTOR_IDS(":about") ")");
    where_dates(q, f, "q.date");
    where_source(q, f, "q.doc");
    add(q, " ORDER BY q.date DESC, q.id DESC LIMIT :limit OFFSET :offset)"
           " SELECT q.date, coalesce(q.speaker_name, nullif(a.name, '')) AS speaker,"
           " a.code || CASE WHEN a.sector <> '' THEN '/' || a.sector ELSE '' END AS actor,"
           " q.kind, " TEXT_SPAN("d", "q.start", "q.end") " AS quote, d.doc_id AS doc, d.source, d.title, d.url"
           " FROM sel JOIN quotes q ON q.id = sel.id JOIN documents d ON d.id = q.doc"
           " LEFT JOIN actors a ON a.id = q.speaker_actor ORDER BY sel.date DESC, sel.id DESC");
}

/* An actor's events in one role within the dates, from the monthly counts
 * (actor_months) for every whole month in the range; a bound with a day
 * adds the parties of its own month that are in range, counted over the key
 * of event_parties (one month of one actor) less the flagged ones the
 * filter leaves out (from their small partial index): no row is read. A
 * date d is in range exactly when its month prefix is strictly inside the
 * months of the bounds, or equal to a bound's month with d itself within
 * the bound (d >= since, d <= until || '~', d not empty). */
/* Adds (sign '+') or subtracts ('-') the parties of the role whose date
 * satisfies range (over p.date) and whose flags the filter lets in: all of
 * them counted over the key, less the flagged ones left out. */
static void party_edge(qb *q, int role, char sign, const char *range)
{
    for (int flagged = 0; flagged < 2; flagged++) {
        add(q, (sign == '+') == !flagged ? " + " : " - ");
        add(q, flagged ? "(SELECT count(*) FROM event_parties p INDEXED BY event_parties_flagged WHERE p.role = "
                       : "(SELECT count(*) FROM event_parties p WHERE p.role = ");
        add(q, role ? "1" : "0");
        add(q, " AND p.actor = a.id AND ");
        add(q, range);
        add(q, flagged ? " AND p.flags <> 0 AND (p.flags & ~:inc) <> 0)" : ")");
    }
}

/* The day of "YYYY-MM-DD", else 0 (another form: never taken as a whole month). */
static int day_of(const char *d)
{
    if (strlen(d) != 10 || d[8] < '0' || d[8] > '9' || d[9] < '0' || d[9] > '9') return 0;
    return (d[8] - '0') * 10 + (d[9] - '0');
}

static void party_count(qb *q, const lb_store_filter *f, int role)
{
    int day_s = f->since && strlen(f->since) > 7, day_u = f->until && strlen(f->until) > 7;
    /* A bound's month may also be taken whole from the monthly counts less
     * the parties of the month outside the bound, when that is the smaller
     * part (the 1st to the 15th before since; after the 15th after until):
     * only when the bounds are in order and in different months. */
    int apart = !f->since || !f->until || (strncmp(f->since, f->until, 7) && strcmp(f->since, f->until) <= 0);
    int ds = day_s ? day_of(f->since) : 0, du = day_u ? day_of(f->until) : 0;
    int whole_s = apart && ds >= 1 && ds <= 15, whole_u = apart && du >= 15;
    add(q, role ? "((SELECT coalesce(sum(m.n), 0) FROM actor_months m WHERE m.actor = a.id AND m.role = 1"
                : "((SELECT coalesce(sum(m.n), 0) FROM actor_months m WHERE m.actor = a.id AND m.role = 0");
    add(q, FLAGS_OK("m.flags"));
    if (f->since) add(q, whole_s ? " AND m.month >= substr(:since, 1, 7)" : day_s ? " AND m.month > substr(:since, 1, 7)"
                                                                               : " AND m.month >= :since");
    if (f->until) add(q, whole_u ? " AND m.month <= substr(:until, 1, 7) AND m.month <> ''"
                         : day_u ? " AND m.month < substr(:until, 1, 7) AND m.month <> ''"
                                 : " AND m.month <= :until || '~' AND m.month <> ''");
    add(q, ")");
    /* the since month: less its start before since, or else the rest of it
     * from since (up to the until bound when it is in the same month: then
     * min(...) is that bound); since is never '' */
    if (whole_s) party_edge(q, role, '-', "p.date >= substr(:since, 1, 7) AND p.date < :since");
    else if (day_s)
        party_edge(q, role, '+', f->until ? "p.date >= :since AND p.date <= min(substr(:since, 1, 7) || '~', :until || '~')"
                                          : "p.date >= :since AND p.date <= substr(:since, 1, 7) || '~'");
    /* the until month: less its end after until, or else its start, unless
     * counted with the since month: after the since month (no stored date
     * starts with "YYYY-MM~", so > X || '~' is >= X || '~~'), never before since */
    if (whole_u) party_edge(q, role, '-', "p.date > :until || '~' AND p.date <= substr(:until, 1, 7) || '~'");
    else if (day_u)
        party_edge(q, role, '+', day_s ? "p.date >= max(substr(:until, 1, 7), substr(:since, 1, 7) || '~~') AND p.date <= :until || '~'"
                                 : f->since ? "p.date >= max(substr(:until, 1, 7), :since) AND p.date <= :until || '~'"
                                            : "p.date >= substr(:until, 1, 7) AND p.date <= :until || '~'");
    add(q, ")");
}

static void build_actors(qb *q, const lb_store_filter *f)
{
    if (!f->since && !f->until && !f->include) {
        /* the counts kept on insert (real events only) */
        add(q, "SELECT code, nullif(sector, '') AS sector, nullif(name, '') AS name, nullif(wikidata, '') AS wikidata,"
               " n_actor AS as_actor, n_recipient AS as_recipient, n_mentions AS mentions, n_quotes AS quotes"
               " FROM actors WHERE n_actor + n_recipient + n_mentions + n_quotes > 0");
        if (f->actor) add(q, " AND id IN " ACTOR_IDS(":actor"));
        add(q, " ORDER BY n_actor + n_recipient DESC, n_mentions DESC, code LIMIT :limit OFFSET :offset");
        return;
    }
    /* a date range or other flags: events counted by date, mentions and quotes by document date */
    add(q, "WITH c AS MATERIALIZED (SELECT a.id, a.code, a.sector, a.name, a.wikidata,");
    party_count(q, f, 0);
    add(q, " AS as_actor,");
    party_count(q, f, 1);
    add(q, " AS as_recipient, (SELECT count(*) FROM mentions m JOIN documents d ON d.id = m.doc WHERE m.actor = a.id");
    where_dates(q, f, "d.date");
    add(q, ") AS mentions, (SELECT count(*) FROM quotes qq WHERE qq.speaker_actor = a.id");
    where_dates(q, f, "qq.date");
    add(q, ") AS quotes FROM actors a WHERE 1");
    if (f->actor) add(q, " AND a.id IN " ACTOR_IDS(":actor"));
    add(q, ") SELECT code, nullif(sector, '') AS sector, nullif(name, '') AS name, nullif(wikidata, '') AS wikidata,"
           " as_actor, as_recipient, mentions, quotes FROM c"
           " WHERE as_actor + as_recipient + mentions + quotes > 0"
           " ORDER BY as_actor + as_recipient DESC, mentions DESC, code LIMIT :limit OFFSET :offset");
}

#define LABEL(t) t ".code || CASE WHEN " t ".sector <> '' THEN '/' || " t ".sector ELSE '' END"

#define DYAD_COLS "a AS actor, r AS recipient, sum(events) AS events, round(sum(gsum) / sum(events), 2) AS goldstein," \
                  " sum(coop) AS cooperation, sum(conflict) AS conflict"

/* The rows of the pair tables within the dates (months, as the dyad counts
 * are kept by month): the years that lie wholly inside from pair_years, the
 * months of a bound's own year from pair_months. A month m is in range when
 * m >= month(since) and m <= month(until) || '~' (undated never). */
static void dyad_range(qb *q, const lb_store_filter *f)
{
    int part_s = f->since && strlen(f->since) > 4, part_u = f->until && strlen(f->until) > 4;
    add(q, "SELECT a, r, events, gsum, coop, conflict FROM pair_years WHERE year <> ''" FLAGS_OK("flags"));
    if (f->since) add(q, part_s ? " AND year > substr(:since, 1, 4)" : " AND year >= :since");
    if (f->until) add(q, part_u ? " AND year < substr(:until, 1, 4)" : " AND year <= :until");
    if (part_s) {   /* the since year from its month on */
        add(q, " UNION ALL SELECT a, r, events, gsum, coop, conflict FROM pair_months WHERE month >= substr(:since, 1, 7)"
               " AND month <= substr(:since, 1, 4) || '~'" FLAGS_OK("flags"));
        if (f->until) add(q, " AND month <= substr(:until, 1, 7) || '~'");
    }
    if (part_u) {   /* the until year up to its month, unless taken with the since year */
        add(q, " UNION ALL SELECT a, r, events, gsum, coop, conflict FROM pair_months WHERE month >= substr(:until, 1, 4)"
               " AND month <= substr(:until, 1, 7) || '~'" FLAGS_OK("flags"));
        if (f->since) add(q, " AND month >= substr(:since, 1, 7)");
        if (part_s) add(q, " AND month > substr(:since, 1, 4) || '~'");
    }
}

static void bind_filter(sqlite3_stmt *st, const lb_store_filter *f, const char *fq, size_t limit);

/* The actor and recipient filters of the dyad tables (codes a, r). */
static void dyad_parties(qb *q, const lb_store_filter *f)
{
    if (f->actor) add(q, " AND a IN (SELECT code FROM actors WHERE id IN " ACTOR_IDS(":actor") ")");
    if (f->recipient) add(q, " AND r IN (SELECT code FROM actors WHERE id IN " ACTOR_IDS(":recipient") ")");
}

/* Code-level dyads: all time from the totals, a date range from the pair
 * tables, a type from the monthly aggregate (by its type-first index). */
static void build_dyads(qb *q, const lb_store_filter *f)
{
    if (!f->type && !f->since && !f->until) {
        add(q, "SELECT " DYAD_COLS " FROM dyad_totals WHERE 1" FLAGS_OK("flags"));
    } else if (!f->type) {
        add(q, "SELECT " DYAD_COLS " FROM (");
        dyad_range(q, f);
        add(q, ") WHERE 1");
    } else {
        add(q, "SELECT " DYAD_COLS " FROM dyad_months WHERE 1" FLAGS_OK("flags"));
        add(q, " AND type = upper(:type)");
        if (f->since) add(q, " AND month >= substr(:since, 1, 7)");
        if (f->until) add(q, " AND month <= substr(:until, 1, 7) || '~' AND month <> ''");
    }
    dyad_parties(q, f);
    add(q, " GROUP BY a, r ORDER BY events DESC, a, r LIMIT :limit OFFSET :offset");
}

/* Prepares the inner statement of a summing path (in->sql, freed here)
 * with f's values bound: 0 or LB_E* (with the store's error). */
static int prepare_inner(lb_store *s, qb *in, const lb_store_filter *f, size_t limit, sqlite3_stmt **st)
{
    int rc = in->fail ? lb_store_fail(s, LB_ENOMEM, "out of memory") : LB_OK;
    if (!rc && sqlite3_prepare_v2(s->db, in->sql.data, (int)in->sql.len, st, NULL) != SQLITE_OK)
        rc = lb_store_dbfail(s, "preparing query");
    lb_buf_free(&in->sql);
    if (!rc) bind_filter(*st, f, NULL, limit);
    return rc;
}

/* A summing path's status as the store's error. */
static int sum_status(lb_store *s, int rc)
{
    if (rc == LB_EIO) return lb_store_dbfail(s, "query");
    return rc ? lb_store_fail(s, rc, "out of memory") : LB_OK;
}

/* rows a summing path keeps: one more than the page shows, to tell truncation */
static size_t page_max(size_t limit) { return limit == LB_STORE_NO_LIMIT ? SIZE_MAX : limit + 1; }

/* Dyads over a date range without a type: the rows of the pair tables,
 * summed per pair in C (dyad_sum.c: no sort of every row); then a statement
 * that reads the page of summed pairs (:rows, JSON) as build_dyads would
 * give it. fq gets the JSON. 0 or LB_E* (with the store's error). */
static int dyads_summed(lb_store *s, qb *q, const lb_store_filter *f, size_t limit, lb_buf *fq)
{
    qb in;
    lb_buf_init(&in.sql, (size_t)1 << 20);
    in.fail = 0;
    add(&in, "SELECT a, r, events, gsum, coop, conflict FROM (");
    dyad_range(&in, f);
    add(&in, ") WHERE 1");
    dyad_parties(&in, f);
    sqlite3_stmt *st = NULL;
    int rc = prepare_inner(s, &in, f, limit, &st);
    if (!rc) rc = sum_status(s, lb_dyad_sum(st, f->offset, page_max(limit), fq));
    sqlite3_finalize(st);
    add(q, "SELECT json_extract(value, '$[0]') AS actor, json_extract(value, '$[1]') AS recipient,"
           " json_extract(value, '$[2]') AS events,"
           " round(json_extract(value, '$[3]') / json_extract(value, '$[2]'), 2) AS goldstein,"
           " json_extract(value, '$[4]') AS cooperation, json_extract(value, '$[5]') AS conflict"
           " FROM json_each(:rows) ORDER BY key LIMIT :limit");
    return rc;
}

/* Timelines of two actor codes read the monthly aggregate (each event once
 * per unordered code pair), both directions: rows (month, type, events,
 * gsum, coop, conflict). Other actor arguments (names, Wikidata ids) go
 * through the per-event dyads: rows (event, date, type, goldstein). */
static void timeline_rows(qb *q, const lb_store_filter *f, int by_code)
{
    for (int dir = 0; dir < 2; dir++) {
        if (by_code)
            add(q, dir ? " UNION ALL SELECT month, type, events, gsum, coop, conflict FROM dyad_months"
                         " WHERE a = upper(:b) AND r = upper(:a) AND upper(:a) <> upper(:b)" FLAGS_OK("flags")
                       : "SELECT month, type, events, gsum, coop, conflict FROM dyad_months"
                         " WHERE a = upper(:a) AND r = upper(:b)" FLAGS_OK("flags"));
        else
            add(q, dir ? " UNION ALL SELECT y.event, y.date, y.type, y.goldstein FROM dyads y WHERE y.a IN " ACTOR_IDS(":b")
                         " AND y.r IN " ACTOR_IDS(":a") FLAGS_OK("y.flags")
                       : "SELECT y.event, y.date, y.type, y.goldstein FROM dyads y WHERE y.a IN " ACTOR_IDS(":a")
                         " AND y.r IN " ACTOR_IDS(":b") FLAGS_OK("y.flags"));
        if (f->type) add(q, by_code ? " AND type = upper(:type)" : " AND y.type = upper(:type)");
        if (!by_code) where_dates(q, f, "y.date");
        else {
            if (f->since) add(q, " AND month >= substr(:since, 1, 7)");
            if (f->until) add(q, " AND month <= substr(:until, 1, 7) || '~' AND month <> ''");
        }
    }
}

/* A timeline (by_type) or balance of two actors: the rows of timeline_rows
 * summed per month (and type) in C (timeline_sum.c: SQLite would sort every
 * row, and for actors by name deduplicate the events in a b-tree first),
 * then a statement that reads the groups (:rows, JSON) as SQL's GROUP BY
 * month, type ORDER BY month = '', month, type would give them. */
static int timeline_summed(lb_store *s, qb *q, const lb_store_filter *f, size_t limit, lb_buf *fq, int by_type, int by_code)
{
    qb in;
    lb_buf_init(&in.sql, (size_t)1 << 20);
    in.fail = 0;
    timeline_rows(&in, f, by_code);
    sqlite3_stmt *st = NULL;
    int rc = prepare_inner(s, &in, f, limit, &st);
    if (!rc) rc = sum_status(s, lb_timeline_sum(st, by_type, by_code, f->offset, page_max(limit), fq));
    sqlite3_finalize(st);
#define TL_COL(i) "json_extract(value, '$[" #i "]')"
    add(q, "SELECT CASE " TL_COL(0) " WHEN '' THEN 'undated' ELSE " TL_COL(0) " END AS month, ");
    add(q, by_type ? TL_COL(1) " AS type, " TL_COL(2) " AS events, round(" TL_COL(3) " / " TL_COL(2) ", 2) AS goldstein"
                   : TL_COL(2) " AS events, " TL_COL(4) " AS cooperation, " TL_COL(5) " AS conflict,"
                     " round(" TL_COL(3) " / " TL_COL(2) ", 2) AS balance");
#undef TL_COL
    add(q, " FROM json_each(:rows) ORDER BY key LIMIT :limit");
    return rc;
}

/* The page of events of an actor -> recipient pair: the dyad rows read
 * without order, each event once, sorted in C (pair_events.c); fq gets them
 * as JSON for event_ids. 0 or LB_E* (with the store's error). */
static int pair_picked(lb_store *s, const lb_store_filter *f, size_t limit, lb_buf *fq)
{
    qb in;
    lb_buf_init(&in.sql, (size_t)1 << 20);
    in.fail = 0;
    pair_rows(&in, f);
    sqlite3_stmt *st = NULL;
    int rc = prepare_inner(s, &in, f, limit, &st);
    if (!rc) rc = sum_status(s, lb_pair_events(st, f->offset, page_max(limit), fq));
    sqlite3_finalize(st);
    return rc;
}

/* 1 when v is an actor code in the store. */
static int is_code(lb_store *s, const char *v)
{
    sqlite3_stmt *st = NULL;
    int found = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM actors WHERE code = upper(?1) LIMIT 1", -1, &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
    found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

/* Ranks inside the full-text index first and builds snippets only for the
 * page of results shown (a snippet per match would read every matching text).
 * by_recency: the words are in more than half of the documents, where bm25
 * gives every match the score 0 (its idf is clamped to zero) and ranking
 * would read every match for nothing: the latest stored come first. */
static void build_search(qb *q, const lb_store_filter *f, int by_recency)
{
    add(q, by_recency ? "WITH top AS (SELECT docs_fts.rowid AS id, 0.0 AS r FROM docs_fts"
                      : "WITH top AS (SELECT docs_fts.rowid AS id, bm25(docs_fts, 4.0, 1.0) AS r FROM docs_fts");
    if (f->since || f->until || f->source) add(q, " JOIN documents d ON d.id = docs_fts.rowid");
    add(q, " WHERE docs_fts MATCH :query");
    where_dates(q, f, "d.date");
    if (f->source) add(q, " AND d.source = :source COLLATE NOCASE");
    add(q, by_recency ? " ORDER BY docs_fts.rowid DESC LIMIT :limit OFFSET :offset)"
                      : " ORDER BY r LIMIT :limit OFFSET :offset)");
    add(q, " SELECT d.doc_id AS doc, d.date, d.source, d.title, round(-top.r, 3) AS score,"
           " (SELECT snippet(docs_fts, 1, :hlo, :hlc, '…', 16) FROM docs_fts"
           "   WHERE docs_fts MATCH :query AND docs_fts.rowid = top.id) AS snippet"
           " FROM top JOIN documents d ON d.id = top.id");
    add(q, by_recency ? " ORDER BY top.id DESC" : " ORDER BY top.r");
}

/* 1 when the (implicitly AND-ed) words of query fts match more than half of
 * the documents, and so many that ranking them all would be slow: then every
 * word is in more than half of them and bm25 scores them all 0. */
#define SEARCH_RANK_ALL_MAX 10000
static int everywhere(lb_store *s, const char *fts)
{
    sqlite3_stmt *st = NULL;
    long long hits = 0, docs = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT (SELECT count(*) FROM docs_fts WHERE docs_fts MATCH ?1),"
                           " (SELECT count(*) FROM documents)", -1, &st, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, fts, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) { hits = sqlite3_column_int64(st, 0); docs = sqlite3_column_int64(st, 1); }
    sqlite3_finalize(st);
    return hits > SEARCH_RANK_ALL_MAX && hits * 2 > docs;
}

/* Actors whose code or name contains the text: suggestions for a filter
 * value that matched nothing. */
static void build_suggest(qb *q)
{
    add(q, "SELECT code, nullif(name, '') AS name, sum(n_actor + n_recipient + n_mentions) AS weight FROM actors"
           " WHERE name LIKE '%' || " LIKE_LITERAL(":query") " || '%' ESCAPE '\\'"
           " OR code LIKE " LIKE_LITERAL(":query") " || '%' ESCAPE '\\'"
           " GROUP BY code, name ORDER BY weight DESC, code, name LIMIT :limit OFFSET :offset");
}

/* The distinct values of an indexed documents column, one index seek each
 * (a skip scan: a database holds few versions), 'unknown' for NULL. */
#define DISTINCT_LIST(col, show) \
    "(WITH RECURSIVE a(v) AS (SELECT min(" col ") FROM documents UNION ALL" \
    "  SELECT (SELECT min(" col ") FROM documents WHERE " col " > a.v) FROM a WHERE a.v IS NOT NULL)" \
    " SELECT group_concat(x, ', ') FROM (SELECT " show " AS x FROM a WHERE v IS NOT NULL" \
    "  UNION ALL SELECT 'unknown' WHERE EXISTS (SELECT 1 FROM documents WHERE " col " IS NULL)))"

static void build_stats(qb *q)
{
    add(q, "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM sentences) AS sentences,"
           /* all events less the flagged ones left out (read from the small partial index) */
           " (SELECT count(*) FROM events) - (SELECT count(*) FROM events WHERE (negated OR hypothetical)"
           "   AND ((negated + 2 * hypothetical) & ~:inc) <> 0) AS events,"
           " (SELECT count(*) FROM events WHERE (negated OR hypothetical) AND negated) AS negated_events,"
           " (SELECT count(*) FROM events WHERE (negated OR hypothetical) AND hypothetical) AS hypothetical_events,"
           " (SELECT count(*) FROM quotes) AS quotes,"
           " (SELECT count(*) FROM mentions) AS mentions, (SELECT count(*) FROM actors) AS actors,"
           " (SELECT count(*) FROM timex) AS timex,"
           " (SELECT min(date) FROM documents) AS first_document, (SELECT max(date) FROM documents) AS last_document,"
           " (SELECT min(date) FROM events) AS first_event, (SELECT max(date) FROM events) AS last_event,"
           " " DISTINCT_LIST("annotator", "v") " AS annotators,"
           " " DISTINCT_LIST("dicts", "substr(v, 1, 12)") " AS dictionaries"
           " LIMIT :limit OFFSET :offset");
}

/* Turns words into an FTS5 query: each whitespace-separated word becomes a
 * quoted string (so punctuation is never query syntax); all must match. */
static int fts_query(lb_buf *out, const char *text)
{
    const char *p = text;
    int any = 0;
    while (*p) {
        while (*p && isspace((unsigned char)*p)) p++;
        if (!*p) break;
        if (any && lb_buf_addc(out, ' ')) return -1;
        if (lb_buf_addc(out, '"')) return -1;
        for (; *p && !isspace((unsigned char)*p); p++) {
            if (*p == '"' && lb_buf_addc(out, '"')) return -1;
            if (lb_buf_addc(out, *p)) return -1;
        }
        if (lb_buf_addc(out, '"')) return -1;
        any = 1;
    }
    return any ? 0 : 1;
}

static void bind(sqlite3_stmt *st, const char *name, const char *v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    if (i > 0 && v) sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* Binds the filter's values to the parameters st names (:actor, :limit, ...). */
static void bind_filter(sqlite3_stmt *st, const lb_store_filter *f, const char *fq, size_t limit)
{
    bind(st, ":actor", f->actor);
    bind(st, ":recipient", f->recipient);
    bind(st, ":type", f->type);
    bind(st, ":since", f->since);
    bind(st, ":until", f->until);
    bind(st, ":source", f->source);
    bind(st, ":speaker", f->speaker);
    bind(st, ":about", f->about);
    bind(st, ":a", f->a);
    bind(st, ":b", f->b);
    bind(st, ":query", fq);
    bind(st, ":rows", fq);
    bind(st, ":hlo", f->hl_open ? f->hl_open : "[");
    bind(st, ":hlc", f->hl_close ? f->hl_close : "]");
    int ii = sqlite3_bind_parameter_index(st, ":inc");
    if (ii > 0) sqlite3_bind_int(st, ii, (int)(f->include & (LB_INCLUDE_NEGATED | LB_INCLUDE_HYPOTHETICAL)));
    int li = sqlite3_bind_parameter_index(st, ":limit");
    /* one more row than the limit detects truncation; -1 is SQLite's "no limit" */
    if (li > 0) sqlite3_bind_int64(st, li, limit == LB_STORE_NO_LIMIT ? -1 : (int64_t)limit + 1);
    int oi = sqlite3_bind_parameter_index(st, ":offset");
    if (oi > 0) sqlite3_bind_int64(st, oi, f->offset > (size_t)INT64_MAX ? INT64_MAX : (int64_t)f->offset);
}

int lb_store_query(lb_cursor **out, lb_store *s, lb_query kind, const lb_store_filter *fin)
{
    *out = NULL;
    lb_store_filter none;
    memset(&none, 0, sizeof none);
    const lb_store_filter *f = fin ? fin : &none;
    size_t limit = f->limit ? f->limit : LB_STORE_DEFAULT_LIMIT;
    if (limit != LB_STORE_NO_LIMIT && limit > (size_t)INT64_MAX - 1) limit = (size_t)INT64_MAX - 1;
    qb q;
    lb_buf_init(&q.sql, (size_t)1 << 20);
    q.fail = 0;
    lb_buf fq;
    lb_buf_init(&fq, (size_t)1 << 20);
    switch (kind) {
    case LB_Q_EVENTS:
    case LB_Q_EXPORT:
    case LB_Q_EXPORT_FLAT:
        if (f->actor && f->recipient) {
            int rc = pair_picked(s, f, limit, &fq);
            if (rc) { lb_buf_free(&q.sql); lb_buf_free(&fq); return rc; }
        }
        if (kind == LB_Q_EVENTS) build_events(&q, f); else build_export(&q, f, kind == LB_Q_EXPORT_FLAT);
        break;
    case LB_Q_QUOTES: build_quotes(&q, f); break;
    case LB_Q_ACTORS: build_actors(&q, f); break;
    case LB_Q_DYADS:
        if ((f->since || f->until) && !f->type) {
            int rc = dyads_summed(s, &q, f, limit, &fq);
            if (rc) { lb_buf_free(&q.sql); lb_buf_free(&fq); return rc; }
        } else build_dyads(&q, f);
        break;
    case LB_Q_TIMELINE:
    case LB_Q_BALANCE:
        if (!f->a || !f->b) {
            lb_buf_free(&q.sql); lb_buf_free(&fq);
            return lb_store_fail(s, LB_EUSAGE, "a timeline needs two actors");
        }
        {
            int rc = timeline_summed(s, &q, f, limit, &fq, kind == LB_Q_TIMELINE, is_code(s, f->a) && is_code(s, f->b));
            if (rc) { lb_buf_free(&q.sql); lb_buf_free(&fq); return rc; }
        }
        break;
    case LB_Q_SEARCH:
        if (!f->text || (f->raw_query ? lb_buf_adds(&fq, f->text) : fts_query(&fq, f->text)) || !fq.len) {
            lb_buf_free(&q.sql); lb_buf_free(&fq);
            return lb_store_fail(s, LB_EUSAGE, "empty search query");
        }
        build_search(&q, f, !f->raw_query && everywhere(s, fq.data));
        break;
    case LB_Q_STATS: build_stats(&q); break;
    case LB_Q_SUGGEST:
        if (!f->text || !*f->text || lb_buf_adds(&fq, f->text)) {
            lb_buf_free(&q.sql); lb_buf_free(&fq);
            return lb_store_fail(s, LB_EUSAGE, "nothing to suggest for");
        }
        build_suggest(&q);
        break;
    case LB_Q_NAMED_CODE:
        if (!f->text || !*f->text || lb_buf_adds(&fq, f->text)) {
            lb_buf_free(&q.sql); lb_buf_free(&fq);
            return lb_store_fail(s, LB_EUSAGE, "no name given");
        }
        /* a state or body under its stored canonical name (Germany -> DEU) */
        add(&q, "SELECT DISTINCT code FROM actors WHERE name = :query COLLATE NOCASE AND sector = ''"
                " AND wikidata = '' LIMIT 2");
        break;
    default:
        lb_buf_free(&q.sql); lb_buf_free(&fq);
        return lb_store_fail(s, LB_EUSAGE, "unknown query");
    }
    if (q.fail) { lb_buf_free(&q.sql); lb_buf_free(&fq); return lb_store_fail(s, LB_ENOMEM, "out of memory"); }
    lb_cursor *c = calloc(1, sizeof *c);
    if (!c) { lb_buf_free(&q.sql); lb_buf_free(&fq); return lb_store_fail(s, LB_ENOMEM, "out of memory"); }
    c->s = s;
    c->limit = limit;
    if (sqlite3_prepare_v2(s->db, q.sql.data, (int)q.sql.len, &c->st, NULL) != SQLITE_OK) {
        int rc = lb_store_dbfail(s, "preparing query");
        lb_buf_free(&q.sql); lb_buf_free(&fq); free(c);
        return rc;
    }
    lb_buf_free(&q.sql);
    bind_filter(c->st, f, fq.data, limit);
    lb_buf_free(&fq);
    *out = c;
    return LB_OK;
}

int lb_cursor_next(lb_cursor *c)
{
    if (c->done) return LB_DONE;
    int rc = sqlite3_step(c->st);
    if (rc == SQLITE_ROW) {
        if (c->limit != LB_STORE_NO_LIMIT && c->rows == c->limit) { c->truncated = 1; c->done = 1; return LB_DONE; }
        c->rows++;
        return LB_OK;
    }
    c->done = 1;
    if (rc == SQLITE_DONE) return LB_DONE;
    int code = sqlite3_errcode(sqlite3_db_handle(c->st));
    int st = lb_store_dbfail(c->s, "query");
    if (code == SQLITE_ERROR && strstr(c->s->err, "fts5")) return LB_EUSAGE;   /* bad raw search syntax */
    return st;
}

size_t lb_cursor_ncols(const lb_cursor *c) { return (size_t)sqlite3_column_count(c->st); }
const char *lb_cursor_colname(const lb_cursor *c, size_t col) { return sqlite3_column_name(c->st, (int)col); }

int lb_cursor_type(const lb_cursor *c, size_t col)
{
    switch (sqlite3_column_type(c->st, (int)col)) {
    case SQLITE_INTEGER: return LB_VAL_INT;
    case SQLITE_FLOAT: return LB_VAL_REAL;
    case SQLITE_NULL: return LB_VAL_NULL;
    default: return LB_VAL_TEXT;
    }
}

const char *lb_cursor_text(lb_cursor *c, size_t col) { return (const char *)sqlite3_column_text(c->st, (int)col); }
double lb_cursor_double(const lb_cursor *c, size_t col) { return sqlite3_column_double(c->st, (int)col); }
int64_t lb_cursor_int(const lb_cursor *c, size_t col) { return sqlite3_column_int64(c->st, (int)col); }
int lb_cursor_truncated(const lb_cursor *c) { return c->truncated; }
size_t lb_cursor_limit(const lb_cursor *c) { return c->limit; }

void lb_cursor_free(lb_cursor *c)
{
    if (!c) return;
    sqlite3_finalize(c->st);
    free(c);
}
