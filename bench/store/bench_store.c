/* bench_store.c: benchmark of the store. (1) writes a database of N synthetic
 * events (default 1,000,000) straight through the schema (documents,
 * sentences, actors, events, event_parties, dyads, full-text index) with a
 * Zipf-like actor distribution, then times the queries behind `timeline` and
 * `events --actor` (and a few more); (2) times ingest (pipeline + lb_store_put
 * with synthetic layers) in documents per second. Not a test; DB under /tmp.
 *
 * usage: bench_store [--events N] [--db PATH] [--ingest-docs N] [--reuse] */
#include "doc.h"
#include "store/store.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t rng = 88172645463325252ull;
static uint64_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }
static double unif(void) { return (double)(next() >> 11) / 9007199254740992.0; }

static const char *const countries[] = {
    "USA", "CHN", "RUS", "DEU", "FRA", "GBR", "UKR", "ISR", "IRN", "TUR", "IND", "JPN", "KOR", "PRK",
    "SYR", "IRQ", "SAU", "EGY", "POL", "ITA", "ESP", "BRA", "MEX", "CAN", "AUS", "PAK", "AFG", "TWN",
    "VNM", "IDN", "NGA", "ZAF", "ETH", "SDN", "LBY", "VEN", "COL", "ARG", "NLD", "BEL", "SWE", "NOR",
    "FIN", "DNK", "AUT", "CHE", "GRC", "HUN", "SRB", "ROU", "BLR", "GEO", "ARM", "AZE", "KAZ", "QAT",
    "ARE", "JOR", "LBN", "YEM"
};
static const char *const sectors[] = { "GOV", "MIL", "", "OPP", "BUS" };
#define NCOUNTRY (sizeof countries / sizeof countries[0])
#define NSECTOR (sizeof sectors / sizeof sectors[0])
#define NACTOR (NCOUNTRY * NSECTOR)

static const struct { const char *type; double g; } types[] = {
    { "AGREE", 4.0 }, { "CONSULT", 1.0 }, { "SUPPORT", 3.5 }, { "CONCEDE", 5.0 }, { "COOPERATE", 6.0 },
    { "AID", 7.0 }, { "RETREAT", 3.0 }, { "REQUEST", 1.5 }, { "ACCUSE", -2.0 }, { "REJECT", -4.0 },
    { "THREATEN", -6.0 }, { "PROTEST", -6.5 }, { "SANCTION", -8.0 }, { "MOBILIZE", -7.0 }, { "COERCE", -7.5 },
    { "ASSAULT", -9.0 }, { "FIGHT", -10.0 }
};
#define NTYPE (sizeof types / sizeof types[0])

/* Zipf-like pick: actor id in 1..NACTOR, the low ids (USA/GOV, CHN/GOV...) most frequent. */
static int pick_actor(const double *cdf)
{
    double u = unif();
    int lo = 0, hi = (int)NACTOR - 1;
    while (lo < hi) { int mid = (lo + hi) / 2; if (cdf[mid] < u) lo = mid + 1; else hi = mid; }
    return lo + 1;
}

static int exec(sqlite3 *db, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) { fprintf(stderr, "%s: %s\n", sql, err); sqlite3_free(err); return -1; }
    return 0;
}

static int generate(const char *path, long nevents)
{
    static const char *const suffixes[] = { "", "-wal", "-shm" };
    for (size_t i = 0; i < 3; i++) {
        char p[512];
        snprintf(p, sizeof p, "%s%s", path, suffixes[i]);
        unlink(p);
    }
    lb_store *s = NULL;
    if (lb_store_open(&s, path, 0)) { fprintf(stderr, "%s\n", lb_store_errmsg(s)); lb_store_close(s); return -1; }
    sqlite3 *db = s->db;
    double t0 = now();
    exec(db, "PRAGMA synchronous=OFF");
    exec(db, "BEGIN");
    sqlite3_stmt *ia, *id, *is, *ie, *ip, *iy, *ifts;
    sqlite3_prepare_v2(db, "INSERT INTO actors(id, code, sector, name, wikidata) VALUES(?1,?2,?3,?4,'')", -1, &ia, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO documents(id, doc_id, hash, lang, title, date, source, text, body, body_spans)"
                           " VALUES(?1,?2,?3,'en',?4,?5,?6,?7,?7,'[]')", -1, &id, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO docs_fts(rowid, title, body) VALUES(?1, ?2, ?3)", -1, &ifts, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO sentences(doc, idx, start, end) VALUES(?1,?2,?3,?4)", -1, &is, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO events(id, doc, sent, start, end, type, date, actors, recipients, negated,"
                           " hypothetical, trigger_start, trigger_end, rule, confidence, goldstein)"
                           " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,0,0,?10,?11,'bench.rule',0.8,?12)", -1, &ie, NULL);
    sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO event_parties(role, actor, date, event) VALUES(?1,?2,?3,?4)", -1, &ip, NULL);
    sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO dyads(a, r, date, type, goldstein, event) VALUES(?1,?2,?3,?4,?5,?6)", -1, &iy, NULL);
    static char label[NACTOR + 1][32];
    double cdf[NACTOR], sum = 0;
    for (size_t i = 0; i < NACTOR; i++) {
        /* actor i: country i % NCOUNTRY, sector i / NCOUNTRY: GOV of every country first */
        size_t c = i % NCOUNTRY, sc = i / NCOUNTRY;
        snprintf(label[i + 1], sizeof label[0], "%s%s%s", countries[c], sectors[sc][0] ? "/" : "", sectors[sc]);
        char name[64];
        snprintf(name, sizeof name, "%s %s", countries[c], sectors[sc][0] ? sectors[sc] : "people");
        sqlite3_bind_int64(ia, 1, (int64_t)i + 1);
        sqlite3_bind_text(ia, 2, countries[c], -1, SQLITE_STATIC);
        sqlite3_bind_text(ia, 3, sectors[sc], -1, SQLITE_STATIC);
        sqlite3_bind_text(ia, 4, name, -1, SQLITE_TRANSIENT);
        sqlite3_step(ia); sqlite3_reset(ia);
        sum += 1.0 / (double)(c + 1) / (double)(sc + 1);
        cdf[i] = sum;
    }
    for (size_t i = 0; i < NACTOR; i++) cdf[i] /= sum;
    const int per_doc = 10, nsent = 5;
    long ndocs = (nevents + per_doc - 1) / per_doc, ev = 0;
    char text[1024], date[16], hash[32], docid[32], title[128];
    for (long d = 1; d <= ndocs; d++) {
        int year = 2015 + (int)(unif() * 10), mon = 1 + (int)(unif() * 12), day = 1 + (int)(unif() * 28);
        snprintf(date, sizeof date, "%04d-%02d-%02d", year, mon, day);
        int a0 = pick_actor(cdf), r0 = pick_actor(cdf);
        snprintf(title, sizeof title, "Report %ld on %s and %s", d, label[a0], label[r0]);
        int tl = snprintf(text, sizeof text,
            "Report %ld. Officials of %s met their counterparts from %s on %s. "
            "They discussed sanctions, trade and security. Negotiators said talks would continue. "
            "Analysts expect further meetings. The statement was published late in the evening.",
            d, label[a0], label[r0], date);
        snprintf(hash, sizeof hash, "bench-%ld", d);
        snprintf(docid, sizeof docid, "bench-%07ld", d);
        sqlite3_bind_int64(id, 1, d);
        sqlite3_bind_text(id, 2, docid, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(id, 3, hash, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(id, 4, title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(id, 5, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(id, 6, (d % 3) ? "Wire" : "Gazette", -1, SQLITE_STATIC);
        sqlite3_bind_text(id, 7, text, tl, SQLITE_TRANSIENT);
        if (sqlite3_step(id) != SQLITE_DONE) { fprintf(stderr, "%s\n", sqlite3_errmsg(db)); return -1; }
        sqlite3_reset(id);
        sqlite3_bind_int64(ifts, 1, d);
        sqlite3_bind_text(ifts, 2, title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(ifts, 3, text, tl, SQLITE_TRANSIENT);
        sqlite3_step(ifts); sqlite3_reset(ifts);
        for (int k = 0; k < nsent; k++) {
            sqlite3_bind_int64(is, 1, d); sqlite3_bind_int(is, 2, k);
            sqlite3_bind_int(is, 3, k * tl / nsent); sqlite3_bind_int(is, 4, (k + 1) * tl / nsent);
            sqlite3_step(is); sqlite3_reset(is);
        }
        for (int k = 0; k < per_doc && ev < nevents; k++) {
            ev++;
            int a = k < 3 ? a0 : pick_actor(cdf), r = k < 3 ? r0 : pick_actor(cdf);
            if (r == a) r = (r % (int)NACTOR) + 1;
            size_t t = (size_t)(next() % NTYPE);
            double g = types[t].g;
            int sent = k % nsent;
            sqlite3_bind_int64(ie, 1, ev);
            sqlite3_bind_int64(ie, 2, d);
            sqlite3_bind_int(ie, 3, sent);
            sqlite3_bind_int(ie, 4, sent * tl / nsent);
            sqlite3_bind_int(ie, 5, (sent + 1) * tl / nsent);
            sqlite3_bind_text(ie, 6, types[t].type, -1, SQLITE_STATIC);
            sqlite3_bind_text(ie, 7, date, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(ie, 8, label[a], -1, SQLITE_STATIC);
            sqlite3_bind_text(ie, 9, label[r], -1, SQLITE_STATIC);
            sqlite3_bind_int(ie, 10, sent * tl / nsent);
            sqlite3_bind_int(ie, 11, sent * tl / nsent + 6);
            sqlite3_bind_double(ie, 12, g);
            if (sqlite3_step(ie) != SQLITE_DONE) { fprintf(stderr, "%s\n", sqlite3_errmsg(db)); return -1; }
            sqlite3_reset(ie);
            for (int role = 0; role < 2; role++) {
                sqlite3_bind_int(ip, 1, role); sqlite3_bind_int(ip, 2, role ? r : a);
                sqlite3_bind_text(ip, 3, date, -1, SQLITE_TRANSIENT); sqlite3_bind_int64(ip, 4, ev);
                sqlite3_step(ip); sqlite3_reset(ip);
            }
            sqlite3_bind_int(iy, 1, a); sqlite3_bind_int(iy, 2, r);
            sqlite3_bind_text(iy, 3, date, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(iy, 4, types[t].type, -1, SQLITE_STATIC);
            sqlite3_bind_double(iy, 5, g); sqlite3_bind_int64(iy, 6, ev);
            sqlite3_step(iy); sqlite3_reset(iy);
        }
    }
    /* the monthly code-pair aggregate that lb_store_put keeps up to date */
    exec(db, "INSERT INTO dyad_months(a, r, month, type, flags, events, gsum, coop, conflict)"
             " SELECT aa.code, rr.code, substr(y.date, 1, 7), y.type, 0, count(*), sum(y.goldstein),"
             " sum(y.goldstein > 0), sum(y.goldstein < 0)"
             " FROM dyads y JOIN actors aa ON aa.id = y.a JOIN actors rr ON rr.id = y.r GROUP BY 1, 2, 3, 4");
    exec(db, "INSERT INTO dyad_totals(a, r, flags, events, gsum, coop, conflict)"
             " SELECT a, r, 0, sum(events), sum(gsum), sum(coop), sum(conflict) FROM dyad_months GROUP BY a, r");
    exec(db, "UPDATE actors SET n_actor = (SELECT count(*) FROM event_parties p WHERE p.role = 0 AND p.actor = actors.id),"
             " n_recipient = (SELECT count(*) FROM event_parties p WHERE p.role = 1 AND p.actor = actors.id)");
    exec(db, "COMMIT");
    exec(db, "ANALYZE");
    sqlite3_finalize(ia); sqlite3_finalize(id); sqlite3_finalize(is); sqlite3_finalize(ie);
    sqlite3_finalize(ip); sqlite3_finalize(iy); sqlite3_finalize(ifts);
    lb_store_close(s);
    printf("generated %ld events in %ld documents, %zu actors: %.1f s\n", ev, ndocs, NACTOR, now() - t0);
    return 0;
}

/* Runs a query to the end; returns ms of the best of `reps` runs. */
static double time_query(lb_store *s, lb_query q, const lb_store_filter *f, int reps, size_t *rows)
{
    double best = 1e9;
    for (int i = 0; i < reps; i++) {
        double t = now();
        lb_cursor *c = NULL;
        if (lb_store_query(&c, s, q, f)) { fprintf(stderr, "query: %s\n", lb_store_errmsg(s)); return -1; }
        size_t n = 0;
        int rc;
        while ((rc = lb_cursor_next(c)) == LB_OK) n++;
        if (rc < 0) { fprintf(stderr, "query: %s\n", lb_store_errmsg(s)); lb_cursor_free(c); return -1; }
        lb_cursor_free(c);
        t = (now() - t) * 1000.0;
        if (t < best) best = t;
        *rows = n;
    }
    return best;
}

static void queries(const char *path)
{
    lb_store *s = NULL;
    if (lb_store_open(&s, path, LB_STORE_READONLY)) { fprintf(stderr, "%s\n", lb_store_errmsg(s)); lb_store_close(s); return; }
    struct { const char *what; lb_query q; lb_store_filter f; } cases[] = {
        { "timeline USA CHN (month x type)", LB_Q_TIMELINE, { .a = "USA", .b = "CHN", .limit = 100000 } },
        { "timeline USA CHN (balance)", LB_Q_BALANCE, { .a = "USA", .b = "CHN", .limit = 100000 } },
        { "timeline DEU FRA (month x type)", LB_Q_TIMELINE, { .a = "DEU", .b = "FRA", .limit = 100000 } },
        { "timeline YEM QAT (rare dyad)", LB_Q_TIMELINE, { .a = "YEM", .b = "QAT", .limit = 100000 } },
        { "timeline by name 'USA GOV' 'CHN GOV' (per event)", LB_Q_TIMELINE, { .a = "USA GOV", .b = "CHN GOV", .limit = 100000 } },
        { "timeline by name 'USA GOV' 'CHN GOV' (balance)", LB_Q_BALANCE, { .a = "USA GOV", .b = "CHN GOV", .limit = 100000 } },
        { "events --actor USA", LB_Q_EVENTS, { .actor = "USA" } },
        { "events --actor YEM (rare)", LB_Q_EVENTS, { .actor = "YEM" } },
        { "events --actor USA --type SANCTION", LB_Q_EVENTS, { .actor = "USA", .type = "SANCTION" } },
        { "events --actor CHN --since 2020 --until 2020", LB_Q_EVENTS, { .actor = "CHN", .since = "2020", .until = "2020" } },
        { "events --actor USA --recipient RUS", LB_Q_EVENTS, { .actor = "USA", .recipient = "RUS" } },
        { "events --type FIGHT", LB_Q_EVENTS, { .type = "FIGHT" } },
        { "events (no filter)", LB_Q_EVENTS, { 0 } },
        { "events --source Gazette", LB_Q_EVENTS, { .source = "Gazette" } },
        { "export --actor USA", LB_Q_EXPORT, { .actor = "USA" } },
        { "search sanctions", LB_Q_SEARCH, { .text = "sanctions" } },
        { "search YEM QAT", LB_Q_SEARCH, { .text = "YEM QAT" } },
        { "actors", LB_Q_ACTORS, { 0 } },
        { "actors --since 2024", LB_Q_ACTORS, { .since = "2024" } },
        { "actors --dyads", LB_Q_DYADS, { 0 } },
        { "actors --dyads --type FIGHT", LB_Q_DYADS, { .type = "FIGHT" } },
        { "stats", LB_Q_STATS, { 0 } },
    };
    printf("%-48s %10s %8s\n", "query (best of 5, warm cache)", "ms", "rows");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t rows = 0;
        double ms = time_query(s, cases[i].q, &cases[i].f, 5, &rows);
        printf("%-48s %10.2f %8zu\n", cases[i].what, ms, rows);
    }
    lb_store_close(s);
}

static void ingest(long ndocs)
{
    char path[] = "/tmp/lb-bench-ingest.db";
    unlink(path); unlink("/tmp/lb-bench-ingest.db-wal"); unlink("/tmp/lb-bench-ingest.db-shm");
    lb_ctx *ctx = NULL;
    if (lb_ctx_new(&ctx, LB_BENCH_DATA_DIR)) { fprintf(stderr, "%s\n", lb_ctx_errmsg(ctx)); lb_ctx_free(ctx); return; }
    lb_doc *doc = NULL;
    lb_store *s = NULL;
    if (lb_doc_new(&doc, ctx) || lb_store_open(&s, path, 0)) { fprintf(stderr, "setup failed\n"); return; }
    static const lb_actor_ref A = { "DEU", "GOV", "Deutschland", "Q183" }, B = { "FRA", "GOV", "Frankreich", "Q142" };
    char text[2048], id[32];
    double t0 = now(), t_pipe = 0;
    lb_store_begin(s);
    for (long d = 0; d < ndocs; d++) {
        int n = snprintf(text, sizeof text,
            "Bericht %ld aus Berlin.\n\nDie Bundesregierung hat am Montag neue Gespräche mit Frankreich angekündigt. "
            "Der Minister sagte: \"Wir wollen die Zusammenarbeit vertiefen.\" Paris begrüßte den Vorschlag. "
            "Die Opposition kritisierte das Vorhaben als zu zaghaft. Weitere Treffen sollen im Mai folgen. "
            "Beobachter erwarten eine Einigung vor dem Sommer (Zähler %ld).", d, d * 7919);
        snprintf(id, sizeof id, "ingest-%ld", d);
        lb_input in = { .id = id, .id_len = strlen(id), .text = text, .text_len = (size_t)n,
                        .date = "2024-03-05", .date_len = 10, .origin = "bench" };
        double tp = now();
        if (lb_doc_annotate(doc, &in)) continue;
        t_pipe += now() - tp;
        /* synthetic layers: 4 mentions, 1 quote, 3 events per document */
        for (int k = 0; k < 4; k++) {
            lb_mention *m = lb_vec_push(&doc->mentions, &doc->arena);
            m->start = (uint32_t)(10 * k); m->end = m->start + 5; m->actor = k & 1 ? A : B;
        }
        lb_quote *q = lb_vec_push(&doc->quotes, &doc->arena);
        q->start = 100; q->end = 140; q->speaker_start = q->speaker_end = q->cue_start = q->cue_end = -1;
        q->speaker_name = "Der Minister"; q->speaker_actor = A;
        for (int k = 0; k < 3; k++) {
            lb_event *e = lb_vec_push(&doc->events, &doc->arena);
            e->type = k ? "CONSULT" : "COOPERATE"; e->actor[0] = A; e->nactor = 1; e->recipient[0] = B; e->nrecipient = 1;
            e->sent = 1; e->start = 30; e->end = 90; e->trigger_start = 40; e->trigger_end = 50;
            e->rule = "bench"; e->confidence = 0.5; e->goldstein = 3.0;
        }
        if (lb_store_put(s, doc, "bench") < 0) { fprintf(stderr, "%s\n", lb_store_errmsg(s)); break; }
        if (d % 200 == 199) { lb_store_commit(s); lb_store_begin(s); }
    }
    lb_store_commit(s);
    double el = now() - t0;
    printf("ingest: %ld documents (3 events, 1 quote, 4 mentions each) in %.2f s: %.0f docs/s"
           " (store alone: %.0f docs/s)\n", ndocs, el, (double)ndocs / el, (double)ndocs / (el - t_pipe));
    lb_store_close(s);
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    unlink(path); unlink("/tmp/lb-bench-ingest.db-wal"); unlink("/tmp/lb-bench-ingest.db-shm");
}

int main(int argc, char **argv)
{
    long nevents = 1000000, ningest = 20000;
    const char *path = "/tmp/lb-bench-store.db";
    int reuse = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--events") && i + 1 < argc) nevents = atol(argv[++i]);
        else if (!strcmp(argv[i], "--db") && i + 1 < argc) path = argv[++i];
        else if (!strcmp(argv[i], "--ingest-docs") && i + 1 < argc) ningest = atol(argv[++i]);
        else if (!strcmp(argv[i], "--reuse")) reuse = 1;
        else { fprintf(stderr, "usage: bench_store [--events N] [--db PATH] [--ingest-docs N] [--reuse]\n"); return 2; }
    }
    if (strncmp(path, "/tmp/", 5)) { fprintf(stderr, "bench_store: keep the database under /tmp\n"); return 2; }
    if (!reuse && generate(path, nevents)) return 1;
    queries(path);
    if (ningest > 0) ingest(ningest);
    return 0;
}
