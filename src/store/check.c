/* check.c: lb_store_check: SQLite's own integrity check of a database and
 * the store's invariants (schema version, every row's document and event
 * exists, the kept aggregates agree with the event rows they count). Reports
 * problems through a callback; never repairs and never writes. */
#include "store/store.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* At most this many lines of SQLite's integrity report are passed on. */
#define CHECK_MAX_SQLITE_LINES 20

typedef struct checker {
    lb_store *s;
    lb_store_problem_fn problem;
    void *arg;
    size_t n;
} checker;

static void report(checker *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void report(checker *c, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (char *p = msg; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
    c->n++;
    if (c->problem) c->problem(c->arg, msg);
}

/* PRAGMA integrity_check / quick_check: every line other than "ok" is a problem. */
static int sqlite_check(checker *c, int quick)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA %s(%d)", quick ? "quick_check" : "integrity_check", CHECK_MAX_SQLITE_LINES);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(c->s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        report(c, "SQLite %s failed: %s", quick ? "quick_check" : "integrity_check", sqlite3_errmsg(c->s->db));
        return 1;
    }
    int rc, bad = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *line = (const char *)sqlite3_column_text(st, 0);
        if (line && !strcmp(line, "ok")) continue;
        report(c, "SQLite: %s", line ? line : "(no text)");
        bad = 1;
    }
    if (rc != SQLITE_DONE) {
        report(c, "SQLite %s stopped: %s", quick ? "quick_check" : "integrity_check", sqlite3_errmsg(c->s->db));
        bad = 1;
    }
    sqlite3_finalize(st);
    return bad;
}

/* Runs a query that yields one count; reports `what` when it is not 0. */
static void expect_zero(checker *c, const char *sql, const char *what)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(c->s->db, sql, -1, &st, NULL) != SQLITE_OK) {
        report(c, "cannot check that no %s: %s", what, sqlite3_errmsg(c->s->db));
        return;
    }
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) report(c, "cannot check that no %s: %s", what, sqlite3_errmsg(c->s->db));
    else if (sqlite3_column_int64(st, 0) != 0)
        report(c, "%lld %s", (long long)sqlite3_column_int64(st, 0), what);
    sqlite3_finalize(st);
}

static void schema_version(checker *c)
{
    sqlite3_stmt *st = NULL;
    int v = -1;
    if (sqlite3_prepare_v2(c->s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (v != LB_STORE_SCHEMA_VERSION)
        report(c, "schema version %d, this build knows %d", v, LB_STORE_SCHEMA_VERSION);
}

/* Rows that point at a document, event or actor that is not there. */
static const char *const dangling[][2] = {
    { "SELECT count(*) FROM events x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = x.doc)",
      "events whose document is missing" },
    { "SELECT count(*) FROM sentences x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = x.doc)",
      "sentences whose document is missing" },
    { "SELECT count(*) FROM mentions x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = x.doc)",
      "mentions whose document is missing" },
    { "SELECT count(*) FROM quotes x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = x.doc)",
      "quotes whose document is missing" },
    { "SELECT count(*) FROM timex x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = x.doc)",
      "time expressions whose document is missing" },
    { "SELECT count(*) FROM event_parties x WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = x.event)",
      "event parties whose event is missing" },
    { "SELECT count(*) FROM event_parties x WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = x.actor)",
      "event parties whose actor is missing" },
    { "SELECT count(*) FROM dyads x WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = x.event)",
      "dyad rows whose event is missing" },
    { "SELECT count(*) FROM event_parties p JOIN events e ON e.id = p.event"
      " WHERE p.flags <> e.negated + 2 * e.hypothetical",
      "event parties whose flags differ from their event's" },
};

/* The kept aggregates, recomputed from the rows and compared both ways. The
 * code pairs are compared unordered: a put counts each unordered pair once
 * per event, in the orientation it met first. */
#define PAIRS_CALC \
    "WITH pairs AS (SELECT DISTINCT pa.event AS event, min(aa.code, ar.code) AS a, max(aa.code, ar.code) AS r" \
    "  FROM event_parties pa JOIN actors aa ON aa.id = pa.actor" \
    "  JOIN event_parties pr ON pr.event = pa.event AND pr.role = 1 JOIN actors ar ON ar.id = pr.actor" \
    "  WHERE pa.role = 0 AND aa.code <> '' AND ar.code <> '')," \
    " calc AS (SELECT p.a, p.r, CASE WHEN length(e.date) >= 7 THEN substr(e.date, 1, 7) ELSE '' END AS month," \
    "  e.type AS type, e.negated + 2 * e.hypothetical AS flags, count(*) AS n, round(total(e.goldstein), 3) AS g," \
    "  sum(e.goldstein > 0) AS coop, sum(e.goldstein < 0) AS conflict FROM pairs p JOIN events e ON e.id = p.event" \
    "  GROUP BY 1, 2, 3, 4, 5)," \
    " kept AS (SELECT min(a, r), max(a, r), month, type, flags, sum(events) AS n, round(total(gsum), 3)," \
    "  sum(coop), sum(conflict) FROM dyad_months GROUP BY 1, 2, 3, 4, 5 HAVING n <> 0)"

static const char *const aggregates[][2] = {
    { PAIRS_CALC " SELECT (SELECT count(*) FROM (SELECT * FROM calc EXCEPT SELECT * FROM kept))"
      " + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM calc))",
      "monthly dyad counts (dyad_months) that disagree with the events" },
    { "WITH m AS (SELECT a, r, flags, sum(events) AS n, round(total(gsum), 3), sum(coop), sum(conflict)"
      "  FROM dyad_months GROUP BY 1, 2, 3 HAVING n <> 0),"
      " t AS (SELECT a, r, flags, events, round(gsum, 3), coop, conflict FROM dyad_totals WHERE events <> 0)"
      " SELECT (SELECT count(*) FROM (SELECT * FROM m EXCEPT SELECT * FROM t))"
      " + (SELECT count(*) FROM (SELECT * FROM t EXCEPT SELECT * FROM m))",
      "dyad totals (dyad_totals) that disagree with the monthly counts" },
    { "WITH m AS (SELECT month, a, r, flags, sum(events), round(total(gsum), 3), sum(coop), sum(conflict)"
      "  FROM dyad_months GROUP BY 1, 2, 3, 4),"
      " p AS (SELECT month, a, r, flags, events, round(gsum, 3), coop, conflict FROM pair_months WHERE events <> 0)"
      " SELECT (SELECT count(*) FROM (SELECT * FROM m EXCEPT SELECT * FROM p))"
      " + (SELECT count(*) FROM (SELECT * FROM p EXCEPT SELECT * FROM m))",
      "monthly pair counts (pair_months) that disagree with the monthly dyad counts" },
    { "WITH m AS (SELECT substr(month, 1, 4), a, r, flags, sum(events), round(total(gsum), 3), sum(coop), sum(conflict)"
      "  FROM dyad_months GROUP BY 1, 2, 3, 4),"
      " p AS (SELECT year, a, r, flags, events, round(gsum, 3), coop, conflict FROM pair_years WHERE events <> 0)"
      " SELECT (SELECT count(*) FROM (SELECT * FROM m EXCEPT SELECT * FROM p))"
      " + (SELECT count(*) FROM (SELECT * FROM p EXCEPT SELECT * FROM m))",
      "yearly pair counts (pair_years) that disagree with the monthly dyad counts" },
    { "WITH c AS (SELECT actor, role, substr(date, 1, 7), flags, count(*) FROM event_parties GROUP BY 1, 2, 3, 4),"
      " k AS (SELECT actor, role, month, flags, n FROM actor_months WHERE n <> 0)"
      " SELECT (SELECT count(*) FROM (SELECT * FROM c EXCEPT SELECT * FROM k))"
      " + (SELECT count(*) FROM (SELECT * FROM k EXCEPT SELECT * FROM c))",
      "per-actor monthly counts (actor_months) that disagree with the event parties" },
    { "WITH p AS (SELECT actor, sum(role = 0) AS na, sum(role = 1) AS nr FROM event_parties WHERE flags = 0 GROUP BY actor)"
      " SELECT count(*) FROM actors a LEFT JOIN p ON p.actor = a.id"
      " WHERE a.n_actor <> coalesce(p.na, 0) OR a.n_recipient <> coalesce(p.nr, 0)",
      "actors whose event counts (n_actor, n_recipient) disagree with the event parties" },
    { "WITH m AS (SELECT actor, count(*) AS n FROM mentions WHERE actor IS NOT NULL GROUP BY actor),"
      " q AS (SELECT speaker_actor AS actor, count(*) AS n FROM quotes WHERE speaker_actor IS NOT NULL GROUP BY 1)"
      " SELECT count(*) FROM actors a LEFT JOIN m ON m.actor = a.id LEFT JOIN q ON q.actor = a.id"
      " WHERE a.n_mentions <> coalesce(m.n, 0) OR a.n_quotes <> coalesce(q.n, 0)",
      "actors whose mention or quote counts disagree with the rows" },
};

int lb_store_check(size_t *nproblems, lb_store *s, int quick, lb_store_problem_fn problem, void *arg)
{
    *nproblems = 0;
    if (!s || !s->db) return LB_EUSAGE;
    checker c = { .s = s, .problem = problem, .arg = arg };
    int damaged = sqlite_check(&c, quick);
    schema_version(&c);
    /* the invariants read every table: on a damaged file they only add noise */
    if (!damaged && !c.n) {
        for (size_t i = 0; i < sizeof dangling / sizeof dangling[0]; i++) expect_zero(&c, dangling[i][0], dangling[i][1]);
        for (size_t i = 0; i < sizeof aggregates / sizeof aggregates[0]; i++)
            expect_zero(&c, aggregates[i][0], aggregates[i][1]);
    }
    *nproblems = c.n;
    return LB_OK;
}
