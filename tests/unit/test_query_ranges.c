/* test_query_ranges.c: `actors` over date ranges answers from the kept
 * aggregates (monthly and yearly counts, the bounds' own months from the
 * party key; dyads summed per pair in C) exactly what a plain count over the
 * stored events gives: every actor's counts and every dyad row (events,
 * Goldstein mean, cooperation, conflict), for bounds of every precision,
 * with and without the flagged events, and pages of the dyad list; and
 * timelines of actors given by name (summed per event in C) equal SQL's;
 * so do the newest events of an actor -> recipient pair. The
 * events are synthetic (3000 over 17 months, some dated by month or year
 * only or not at all); Goldstein values are multiples of 0.5, exact in
 * binary, so that sums in any order agree to the last bit. */
#include "test.h"
#include "lagebild.h"
#include "store/store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const CODES[][2] = { { "USA", "GOV" }, { "USA", "MIL" }, { "CHN", "GOV" }, { "DEU", "GOV" },
                                        { "FRA", "" }, { "RUS", "GOV" }, { "IRN", "MIL" }, { "ISR", "GOV" } };
#define NACT 8
#define NEV 3000

static unsigned rnd(unsigned *s) { *s = *s * 1103515245u + 12345u; return (*s >> 8) & 0xffffff; }

static void fill(lb_store *s)
{
    sqlite3 *db = s->db;
    CHECK_INT(sqlite3_exec(db, "BEGIN; INSERT INTO documents(id, doc_id, hash, lang, text, body, body_spans)"
                               " VALUES(1, 'd', 'h', 'en', 'x', 'x', '[]');", NULL, NULL, NULL), SQLITE_OK);
    for (int i = 0; i < NACT; i++) {
        char sql[200];
        snprintf(sql, sizeof sql, "INSERT INTO actors(id, code, sector, name) VALUES(%d, '%s', '%s', 'Actor %c')",
                 i + 1, CODES[i][0], CODES[i][1], 'A' + i);
        CHECK_INT(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    }
    sqlite3_stmt *ev = NULL, *pa = NULL;
    CHECK_INT(sqlite3_prepare_v2(db, "INSERT INTO events(id, doc, start, end, type, date, negated, hypothetical, goldstein, eid)"
                                     " VALUES(?1, 1, 0, 1, ?2, nullif(?3, ''), ?4, ?5, ?6, 'e' || ?1)", -1, &ev, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO event_parties(role, actor, date, event, flags) VALUES(?1, ?2, ?3, ?4, ?5)",
                                 -1, &pa, NULL), SQLITE_OK);
    unsigned seed = 7;
    for (int i = 1; i <= NEV; i++) {
        char date[16];
        int month = (int)(rnd(&seed) % 17), y = 2019 + (month + 10) / 12, m = (month + 10) % 12 + 1, k = (int)(rnd(&seed) % 40);
        if (k == 0) date[0] = '\0';
        else if (k == 1) snprintf(date, sizeof date, "%04d", y);
        else if (k == 2) snprintf(date, sizeof date, "%04d-%02d", y, m);
        else snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, 1 + (int)(rnd(&seed) % 28));
        int neg = rnd(&seed) % 10 == 0, hyp = rnd(&seed) % 12 == 0;
        sqlite3_bind_int(ev, 1, i);
        sqlite3_bind_text(ev, 2, rnd(&seed) % 3 ? "CONSULT" : "ASSAULT", -1, SQLITE_STATIC);
        sqlite3_bind_text(ev, 3, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(ev, 4, neg);
        sqlite3_bind_int(ev, 5, hyp);
        sqlite3_bind_double(ev, 6, (double)((int)(rnd(&seed) % 41) - 20) / 2.0);
        CHECK_INT(sqlite3_step(ev), SQLITE_DONE);
        sqlite3_reset(ev);
        /* one or two actors, one or two recipients (same code twice: USA/GOV, USA/MIL) */
        for (int role = 0; role < 2; role++)
            for (int n = 0, parties = 1 + (rnd(&seed) % 4 == 0); n < parties; n++) {
                sqlite3_bind_int(pa, 1, role);
                sqlite3_bind_int(pa, 2, 1 + (int)(rnd(&seed) % NACT));
                sqlite3_bind_text(pa, 3, date, -1, SQLITE_TRANSIENT);
                sqlite3_bind_int(pa, 4, i);
                sqlite3_bind_int(pa, 5, neg + 2 * hyp);
                CHECK_INT(sqlite3_step(pa), SQLITE_DONE);
                sqlite3_reset(pa);
            }
    }
    sqlite3_finalize(ev);
    sqlite3_finalize(pa);
    /* the per-event dyads (every actor x recipient party pair), as put.c keeps them */
    CHECK_INT(sqlite3_exec(db, "INSERT OR IGNORE INTO dyads(a, r, date, type, goldstein, event, flags)"
                               " SELECT pa.actor, pr.actor, pa.date, e.type, e.goldstein, e.id, pa.flags FROM event_parties pa"
                               " JOIN event_parties pr ON pr.event = pa.event AND pr.role = 1 JOIN events e ON e.id = pa.event"
                               " WHERE pa.role = 0", NULL, NULL, NULL), SQLITE_OK);
    int rc = lb_schema_recount(s);
    /* a dyad row may lack a Goldstein value (the column allows it): timelines
     * then count the event and leave its value out of the sums */
    CHECK_INT(sqlite3_exec(db, "UPDATE dyads SET goldstein = NULL WHERE event % 50 = 7", NULL, NULL, NULL), SQLITE_OK);
    if (rc) fprintf(stderr, "%s\n", lb_store_errmsg(s));
    CHECK_INT(rc, LB_OK);   /* dyad_months, dyad_totals, pair tables, actor counts */
    CHECK_INT(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
}

/* All rows of a query through the API, '|'-separated, one per line. */
static char *api_rows(lb_store *s, lb_query q, const lb_store_filter *f)
{
    size_t cap = (size_t)1 << 22, len = 0;
    char *out = calloc(cap, 1);
    lb_cursor *c = NULL;
    int rc = lb_store_query(&c, s, q, f);
    CHECK_INT(rc, LB_OK);
    if (rc) { fprintf(stderr, "%s\n", lb_store_errmsg(s)); return out; }
    while (lb_cursor_next(c) == LB_OK)
        for (size_t i = 0; i < lb_cursor_ncols(c); i++) {
            const char *v = lb_cursor_text(c, i);
            len += (size_t)snprintf(out + len, cap - len, "%s%s", v ? v : "-", i + 1 < lb_cursor_ncols(c) ? "|" : "\n");
            if (len >= cap) break;
        }
    lb_cursor_free(c);
    return out;
}

/* All rows of plain SQL with the filter's values bound, as api_rows gives them. */
static char *sql_rows(lb_store *s, const char *sql, const lb_store_filter *f)
{
    size_t cap = (size_t)1 << 22, len = 0;
    char *out = calloc(cap, 1);
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, f->since ? f->since : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, f->until ? f->until : "~", -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 3, (int)f->include);
    sqlite3_bind_int64(st, 4, (int64_t)f->offset);
    sqlite3_bind_int64(st, 5, f->limit == LB_STORE_NO_LIMIT ? -1 : (int64_t)f->limit);
    if (f->a) sqlite3_bind_text(st, 6, f->a, -1, SQLITE_STATIC);
    if (f->b) sqlite3_bind_text(st, 7, f->b, -1, SQLITE_STATIC);
    if (f->type) sqlite3_bind_text(st, 8, f->type, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW)
        for (int i = 0; i < sqlite3_column_count(st); i++) {
            const char *v = (const char *)sqlite3_column_text(st, i);
            len += (size_t)snprintf(out + len, cap - len, "%s%s", v ? v : "-", i + 1 < sqlite3_column_count(st) ? "|" : "\n");
            if (len >= cap) break;
        }
    sqlite3_finalize(st);
    return out;
}

/* Each actor's parties as actor and recipient in [since, until || '~'],
 * dated, flags let in: counted from event_parties row by row. */
static const char *ACTORS_PLAIN =
    "SELECT a.code, nullif(a.sector, ''), a.name, '-',"
    " (SELECT count(*) FROM event_parties p WHERE p.actor = a.id AND p.role = 0 AND p.date >= ?1 AND p.date <= ?2 || '~'"
    "  AND p.date <> '' AND (p.flags & ~?3) = 0) AS x,"
    " (SELECT count(*) FROM event_parties p WHERE p.actor = a.id AND p.role = 1 AND p.date >= ?1 AND p.date <= ?2 || '~'"
    "  AND p.date <> '' AND (p.flags & ~?3) = 0) AS y, 0, 0"
    " FROM actors a WHERE x + y > 0 ORDER BY x + y DESC, a.code, a.sector";

/* Dyads of codes by month (the dyad tables' grain): each event once per
 * code pair, in the months of the bounds, from the events themselves. */
static const char *DYADS_PLAIN =
    "WITH p AS (SELECT DISTINCT e.id, aa.code AS a, ar.code AS r, e.goldstein AS g,"
    "  CASE WHEN length(e.date) >= 7 THEN substr(e.date, 1, 7) ELSE '' END AS m"
    "  FROM events e JOIN event_parties pa ON pa.event = e.id AND pa.role = 0 JOIN actors aa ON aa.id = pa.actor"
    "  JOIN event_parties pr ON pr.event = e.id AND pr.role = 1 JOIN actors ar ON ar.id = pr.actor"
    "  WHERE ((e.negated + 2 * e.hypothetical) & ~?3) = 0)"
    " SELECT a, r, count(*) AS n, round(total(g) / count(*), 2), sum(g > 0), sum(g < 0) FROM p"
    " WHERE m <> '' AND m >= substr(?1, 1, 7) AND m <= substr(?2, 1, 7) || '~'"
    " GROUP BY a, r ORDER BY n DESC, a, r LIMIT ?5 OFFSET ?4";

/* The timeline of two actors by name as SQL alone gives it (each event
 * once: DISTINCT over the per-event dyads; then grouped by month and type). */
#define TL_EVENTS \
    "WITH d AS (SELECT DISTINCT y.event, substr(y.date, 1, 7) AS month, y.type, y.goldstein FROM dyads y" \
    " WHERE ((y.a IN (SELECT id FROM actors WHERE name = ?6) AND y.r IN (SELECT id FROM actors WHERE name = ?7))" \
    " OR (y.a IN (SELECT id FROM actors WHERE name = ?7) AND y.r IN (SELECT id FROM actors WHERE name = ?6)))" \
    " AND (y.flags & ~?3) = 0 AND (?8 IS NULL OR y.type = ?8)" \
    " AND y.date >= ?1 AND y.date <= ?2 || '~' AND (y.date <> '' OR (?1 = '' AND ?2 = '~'))), " \
    "ev AS (SELECT month, type, 1 AS events, goldstein AS gsum, goldstein > 0 AS coop, goldstein < 0 AS conflict FROM d) "
static const char *TIMELINE_PLAIN = TL_EVENTS
    "SELECT CASE month WHEN '' THEN 'undated' ELSE month END AS month, type, sum(events) AS events,"
    " round(sum(gsum) / sum(events), 2) AS goldstein"
    " FROM ev GROUP BY month, type ORDER BY month = '', month, type LIMIT ?5 OFFSET ?4";
static const char *BALANCE_PLAIN = TL_EVENTS
    "SELECT CASE month WHEN '' THEN 'undated' ELSE month END AS month, sum(events) AS events,"
    " sum(coop) AS cooperation, sum(conflict) AS conflict, round(sum(gsum) / sum(events), 2) AS balance"
    " FROM ev GROUP BY month ORDER BY month = '', month LIMIT ?5 OFFSET ?4";

/* The timeline of two codes as SQL alone gives it from the monthly
 * aggregate (both directions of the pair), grouped by month and type. */
#define TL_MONTHS \
    "WITH ev AS (SELECT month, type, events, gsum, coop, conflict FROM dyad_months" \
    " WHERE a = upper(?6) AND r = upper(?7) AND (flags & ~?3) = 0 AND (?8 IS NULL OR type = ?8)" \
    " AND month >= substr(?1, 1, 7) AND month <= substr(?2, 1, 7) || '~' AND (month <> '' OR (?1 = '' AND ?2 = '~'))" \
    " UNION ALL SELECT month, type, events, gsum, coop, conflict FROM dyad_months" \
    " WHERE a = upper(?7) AND r = upper(?6) AND upper(?6) <> upper(?7) AND (flags & ~?3) = 0 AND (?8 IS NULL OR type = ?8)" \
    " AND month >= substr(?1, 1, 7) AND month <= substr(?2, 1, 7) || '~' AND (month <> '' OR (?1 = '' AND ?2 = '~'))) "
static const char *TIMELINE_CODES = TL_MONTHS
    "SELECT CASE month WHEN '' THEN 'undated' ELSE month END AS month, type, sum(events) AS events,"
    " round(sum(gsum) / sum(events), 2) AS goldstein"
    " FROM ev GROUP BY month, type ORDER BY month = '', month, type LIMIT ?5 OFFSET ?4";
static const char *BALANCE_CODES = TL_MONTHS
    "SELECT CASE month WHEN '' THEN 'undated' ELSE month END AS month, sum(events) AS events,"
    " sum(coop) AS cooperation, sum(conflict) AS conflict, round(sum(gsum) / sum(events), 2) AS balance"
    " FROM ev GROUP BY month ORDER BY month = '', month LIMIT ?5 OFFSET ?4";

/* Timelines and balances of actors by name (summed per event in C) and of
 * codes (the monthly aggregate summed in C) equal the SQL above: two actors,
 * an actor with itself, a type, dates, pages. */
static int check_timelines(lb_store *s)
{
    static const char *const pairs[][2] = { { "Actor A", "Actor C" }, { "Actor B", "Actor B" }, { "Actor D", "Actor H" },
                                            { "USA", "CHN" }, { "usa", "USA" }, { "IRN", "ISR" } };
    static const char *const dates[][2] = { { NULL, NULL }, { "2020-03-15", "2020-11-30" }, { "2020", NULL }, { NULL, "2020-02" } };
    int n = 0;
    for (size_t p = 0; p < 6; p++)
        for (size_t d = 0; d < 4; d++)
            for (unsigned inc = 0; inc < 4; inc += 3)
                for (int v = 0; v < 4; v++) {
                    lb_store_filter f = { 0 };
                    f.a = pairs[p][0]; f.b = pairs[p][1]; f.since = dates[d][0]; f.until = dates[d][1]; f.include = inc;
                    f.type = v & 1 ? "CONSULT" : NULL;
                    f.limit = v & 2 ? 5 : LB_STORE_NO_LIMIT;
                    f.offset = v & 2 ? 2 : 0;
                    for (int balance = 0; balance < 2; balance++, n++) {
                        char *got = api_rows(s, balance ? LB_Q_BALANCE : LB_Q_TIMELINE, &f);
                        char *want = sql_rows(s, p < 3 ? (balance ? BALANCE_PLAIN : TIMELINE_PLAIN)
                                                       : (balance ? BALANCE_CODES : TIMELINE_CODES), &f);
                        if (strcmp(got, want)) fprintf(stderr, "%s %s-%s %s..%s include %u v %d:\n got:\n%s want:\n%s",
                                                       balance ? "balance" : "timeline", f.a, f.b, f.since ? f.since : "",
                                                       f.until ? f.until : "", inc, v, got, want);
                        CHECK_STR(got, want);
                        CHECK(*want != '\0');
                        free(got); free(want);
                    }
                }
    return n;
}

/* The events of an actor -> recipient pair of codes as SQL alone gives
 * them: each event once, newest first (event id, date). */
static const char *PAIR_PLAIN =
    "SELECT DISTINCT 'e' || y.event, coalesce(nullif(y.date, ''), '-') FROM dyads y WHERE y.a IN (SELECT id FROM actors WHERE code = ?6)"
    " AND y.r IN (SELECT id FROM actors WHERE code = ?7) AND (y.flags & ~?3) = 0 AND (?8 IS NULL OR y.type = ?8)"
    " AND y.date >= ?1 AND y.date <= ?2 || '~' AND (y.date <> '' OR (?1 = '' AND ?2 = '~'))"
    " ORDER BY y.date DESC, y.event DESC LIMIT ?5 OFFSET ?4";

/* The first two columns of each line (event id and date of `events`). */
static void two_columns(char *t)
{
    char *w = t;
    for (char *r = t; *r;) {
        int bars = 0;
        while (*r && *r != '\n') {
            if (*r == '|') bars++;
            if (bars < 2) *w++ = *r;
            r++;
        }
        if (*r == '\n') { *w++ = '\n'; r++; }
    }
    *w = '\0';
}

/* `events --actor A --recipient R` (the pair's events picked in C) equals
 * the SQL above: pairs of codes with several actor ids, dates, a type,
 * flags, pages. */
static int check_pair_events(lb_store *s)
{
    static const char *const pairs[][2] = { { "USA", "CHN" }, { "USA", "USA" }, { "IRN", "ISR" } };
    static const char *const dates[][2] = { { NULL, NULL }, { "2020-03-15", "2020-11-30" }, { "2020", NULL } };
    int n = 0;
    for (size_t p = 0; p < 3; p++)
        for (size_t d = 0; d < 3; d++)
            for (unsigned inc = 0; inc < 4; inc += 3)
                for (int v = 0; v < 4; v++, n++) {
                    lb_store_filter f = { 0 };
                    f.actor = f.a = pairs[p][0]; f.recipient = f.b = pairs[p][1];
                    f.since = dates[d][0]; f.until = dates[d][1]; f.include = inc;
                    f.type = v & 1 ? "CONSULT" : NULL;
                    f.limit = v & 2 ? 7 : LB_STORE_NO_LIMIT;
                    f.offset = v & 2 ? 5 : 0;
                    char *got = api_rows(s, LB_Q_EVENTS, &f);
                    f.a = f.b = NULL;
                    lb_store_filter r = f;
                    r.a = pairs[p][0]; r.b = pairs[p][1];
                    char *want = sql_rows(s, PAIR_PLAIN, &r);
                    two_columns(got);
                    if (strcmp(got, want)) fprintf(stderr, "events %s->%s %s..%s include %u v %d:\n got:\n%s want:\n%s",
                                                   f.actor, f.recipient, f.since ? f.since : "", f.until ? f.until : "", inc, v, got, want);
                    CHECK_STR(got, want);
                    CHECK(*want != '\0');
                    free(got); free(want);
                }
    return n;
}

/* Lines of a text in sorted order (rows that tie in the API's order). */
static int cmp_line(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static void sort_lines(char *t)
{
    char *lines[512], *copy = strdup(t), *save = NULL;
    size_t n = 0;
    for (char *l = strtok_r(copy, "\n", &save); l && n < 512; l = strtok_r(NULL, "\n", &save)) lines[n++] = l;
    qsort(lines, n, sizeof *lines, cmp_line);
    t[0] = '\0';
    for (size_t i = 0; i < n; i++) { strcat(t, lines[i]); strcat(t, "\n"); }
    free(copy);
}

int main(void)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/lb-test-ranges-%d.db", (int)getpid());
    lb_store *s = NULL;
    CHECK_INT(lb_store_open(&s, path, 0), LB_OK);
    if (!s) return TEST_END();
    fill(s);
    static const char *const bounds[][2] = {
        { "2020-03-15", "2020-11-30" }, { "2020-03-15", NULL }, { NULL, "2020-06-30" }, { "2020-05-05", "2020-05-20" },
        { "2020", "2020-02-10" }, { "2019-12-31", "2021" }, { "2020-02", "2020-09-15" }, { "2019-11-02", "2021-03-27" },
        { "2020-07-31", "2020-08-01" }, { "2021-01-10", NULL }, { "2020", "2020" }, { "2020-04", "2020-04" },
        { "2020-05-20", "2020-05-05" }, { "2020-06", "2020-02-03" }, { NULL, "2019" }, { "2019-11", "2020-01-31" },
        /* a bound's month whole from the monthly counts less what lies outside it */
        { "2020-03-01", "2020-06-30" }, { "2020-03-10", "2020-06-20" }, { "2020-06-14", "2020-03-16" }, { "2020-02-15", NULL },
        { NULL, "2020-04-15" }, { "2020-01-02", "2020-01-28" }, { "2019-12", "2020-02-29" }, { "2020", "2020-09-30" },
    };
    int compared = 0, nonempty = 0;
    for (size_t b = 0; b < sizeof bounds / sizeof *bounds; b++)
        for (unsigned inc = 0; inc < 4; inc++) {
            lb_store_filter f = { 0 };
            f.since = bounds[b][0]; f.until = bounds[b][1]; f.include = inc; f.limit = LB_STORE_NO_LIMIT;
            char *got = api_rows(s, LB_Q_ACTORS, &f), *want = sql_rows(s, ACTORS_PLAIN, &f);
            sort_lines(got); sort_lines(want);
            if (strcmp(got, want)) fprintf(stderr, "actors %s..%s include %u:\n got:\n%s want:\n%s", f.since ? f.since : "",
                                           f.until ? f.until : "", inc, got, want);
            CHECK_STR(got, want);
            nonempty += *want != '\0';
            free(got); free(want);
            /* dyads: the whole list, then a page of it */
            for (int page = 0; page < 2; page++) {
                f.offset = page ? 3 : 0;
                f.limit = page ? 4 : LB_STORE_NO_LIMIT;
                got = api_rows(s, LB_Q_DYADS, &f);
                want = sql_rows(s, DYADS_PLAIN, &f);
                if (strcmp(got, want)) fprintf(stderr, "dyads %s..%s include %u page %d:\n got:\n%s want:\n%s", f.since ? f.since : "",
                                               f.until ? f.until : "", inc, page, got, want);
                CHECK_STR(got, want);
                nonempty += *want != '\0';
                free(got); free(want);
                compared++;
            }
        }
    CHECK_INT(compared, 192);
    CHECK_INT(check_timelines(s), 384);
    CHECK_INT(check_pair_events(s), 72);
    CHECK(nonempty > 220);   /* the comparisons are of real rows */
    lb_store_close(s);
    unlink(path);
    char p[80];
    snprintf(p, sizeof p, "%s-wal", path); unlink(p);
    snprintf(p, sizeof p, "%s-shm", path); unlink(p);
    return TEST_END();
}
