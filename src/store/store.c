/* store.c: opening and closing an lb_store (connection settings, tokenizer,
 * migrations), its error text and batch transactions. Must not hold SQL for
 * inserts or queries. */
#include "store/store.h"
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lb_store_fail(lb_store *s, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->err, sizeof s->err, fmt, ap);
    va_end(ap);
    return status;
}

int lb_store_dbfail(lb_store *s, const char *what)
{
    int code = s->db ? sqlite3_errcode(s->db) : SQLITE_ERROR;
    lb_store_fail(s, LB_ERROR, "%s: %s", what, s->db ? sqlite3_errmsg(s->db) : "no database");
    if (code == SQLITE_NOMEM) return LB_ENOMEM;
    if (code == SQLITE_IOERR || code == SQLITE_CANTOPEN || code == SQLITE_FULL) return LB_EIO;
    return LB_ERROR;
}

const char *lb_store_errmsg(const lb_store *s) { return s ? s->err : "no store"; }

/* A read-only connection to a WAL database needs a writable -shm file; when
 * neither it nor the directory can be written, the file is opened immutable
 * (no writer can be active then: a writer would have created the -shm). */
static int reopen_immutable(lb_store *s, const char *path)
{
    char uri[8192];
    size_t o = (size_t)snprintf(uri, sizeof uri, "file:");
    for (const char *p = path; *p && o + 4 < sizeof uri; p++) {
        if (*p == '%' || *p == '?' || *p == '#') o += (size_t)snprintf(uri + o, sizeof uri - o, "%%%02X", (unsigned char)*p);
        else uri[o++] = *p;
    }
    snprintf(uri + o, sizeof uri - o, "?immutable=1");
    sqlite3_close_v2(s->db);
    s->db = NULL;
    if (sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) return SQLITE_CANTOPEN;
    sqlite3_extended_result_codes(s->db, 0);
    if (lb_fts_register(s->db, &s->fts) != SQLITE_OK) return SQLITE_ERROR;
    return sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
}

/* PRAGMA quick_check(1) before anything is written into an existing file:
 * damage inside data pages is otherwise noticed only when a query reads them. */
static int check_intact(lb_store *s, const char *path)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &st, NULL) != SQLITE_OK)
        return lb_store_fail(s, LB_EDATA, "%s: the database is damaged: %s", path, sqlite3_errmsg(s->db));
    int rc = sqlite3_step(st);
    const char *res = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
    if (res && !strcmp(res, "ok")) { sqlite3_finalize(st); return LB_OK; }
    char what[200];
    snprintf(what, sizeof what, "%s", res ? res : sqlite3_errmsg(s->db));
    for (char *p = what; *p; p++)
        if (*p == '\n' || *p == '\r') *p = ' ';
    lb_store_fail(s, LB_EDATA, "%s: the database is damaged (%s); restore a backup or re-ingest into a new file",
                  path, what);
    sqlite3_finalize(st);
    return LB_EDATA;
}

/* Opens the connection and checks that the file is an SQLite database. */
static int open_db(lb_store *s, const char *path)
{
    /* NOMUTEX: a connection is used by one thread at a time (the server's
     * pool lends each to one request), so SQLite need not lock it per call */
    int oflags = (s->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK)
        return lb_store_fail(s, LB_EIO, "%s: %s", path, s->db ? sqlite3_errmsg(s->db) : "cannot open");
    sqlite3_extended_result_codes(s->db, 0);
    if (lb_fts_register(s->db, &s->fts) != SQLITE_OK)
        return lb_store_fail(s, LB_ERROR, "%s: cannot register the full-text tokenizer (FTS5 missing?)", path);
    /* a file that is not a database fails here with a clear message */
    int rc = sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    if (rc == SQLITE_OK && !s->readonly && sqlite3_db_readonly(s->db, "main") == 1)
        rc = SQLITE_READONLY;   /* SQLite falls back to read-only for a write-protected file */
    if (rc == SQLITE_READONLY || rc == SQLITE_CANTOPEN) {
        if (!s->readonly)
            return lb_store_fail(s, LB_EIO, "%s: the database or its directory is read-only (cannot write)", path);
        rc = reopen_immutable(s, path);
    }
    if (rc != SQLITE_OK) {
        if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
            return lb_store_fail(s, LB_EDATA, "%s: not a lagebild database or damaged: %s", path,
                                 s->db ? sqlite3_errmsg(s->db) : "cannot open");
        lb_store_dbfail(s, path);
        return LB_EDATA;
    }
    return LB_OK;
}

/* SQLite's global settings, before its first use in the process: no memory
 * statistics (they take a global mutex on every allocation; the store never
 * reads them); statement and savepoint journals kept in memory up to 4 MiB,
 * in one block (a put's savepoint journals some 40 pages; temp_store=MEMORY
 * would keep them in 1 KiB chunks, a malloc and a free for each: 10% of a
 * put's instructions). Refused harmlessly when SQLite was initialised
 * already (then journals over 64 KiB go to a temporary file). The journal's
 * block is kept from one put to the next (sqlmem.c). */
static void configure_sqlite(int writes)
{
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, LB_STORE_JOURNAL_BYTES);
    if (writes) lb_store_sqlite_mem_install();
}

/* configure_sqlite once per process, for the first store opened: a
 * process that first opens one for writing (ingest, reannotate) gets the
 * writer's memory settings, one that only reads keeps SQLite's. */
static void configure_once(int writes)
{
    static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
    static int done;
    pthread_mutex_lock(&mu);
    if (!done) configure_sqlite(writes);
    done = 1;
    pthread_mutex_unlock(&mu);
}

int lb_store_open(lb_store **out, const char *path, int flags)
{
    *out = NULL;
    if (!path) return LB_EUSAGE;
    configure_once(!(flags & LB_STORE_READONLY));
    lb_store *s = calloc(1, sizeof *s);
    if (!s) return LB_ENOMEM;
    *out = s;
    s->readonly = (flags & LB_STORE_READONLY) != 0;
    int rc = open_db(s, path);
    if (rc) return rc;
    sqlite3_busy_timeout(s->db, 10000);
    if (!s->readonly) {
        if (sqlite3_exec(s->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) != SQLITE_OK) {
            if (sqlite3_errcode(s->db) == SQLITE_READONLY)
                return lb_store_fail(s, LB_EIO, "%s: the database or its directory is read-only (cannot write)", path);
            return lb_store_dbfail(s, "setting WAL mode");
        }
        /* NORMAL is durable across process crashes in WAL mode; only a power
         * loss may lose the last commits (never corrupts) */
        sqlite3_exec(s->db, "PRAGMA synchronous=NORMAL", NULL, NULL, NULL);
        /* the journal of each document's savepoint stays in memory (up to
         * the 4 MiB of configure_sqlite): no temporary file is written; the
         * WAL alone makes commits durable. */
        int rc2 = check_intact(s, path);
        if (rc2) return rc2;
    }
    sqlite3_exec(s->db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
    sqlite3_exec(s->db, "PRAGMA cache_size=-65536", NULL, NULL, NULL);
    return lb_schema_migrate(s);
}

void lb_store_cache_clear(lb_store *s, int free_all)
{
    if (!s->acache) return;
    for (size_t i = 0; i < LB_ACTOR_CACHE_SLOTS; i++) free(s->acache[i].key);
    memset(s->acache, 0, LB_ACTOR_CACHE_SLOTS * sizeof *s->acache);
    s->acache_used = 0;
    if (free_all) { free(s->acache); s->acache = NULL; }
}

void lb_store_close(lb_store *s)
{
    if (!s) return;
    lb_store_cache_clear(s, 1);
    lb_counts_free(s);
    free(s->annotator);
    free(s->dicts);
    free(s->fts_pending);
    for (int i = 0; i < LB_ST_COUNT; i++) sqlite3_finalize(s->st[i]);
    lb_multirow_finalize(s);
    if (s->db) {
        if (s->in_batch) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        if (!s->readonly) sqlite3_exec(s->db, "PRAGMA optimize", NULL, NULL, NULL);
        sqlite3_close_v2(s->db);   /* also frees the tokenizer state */
        if (!s->readonly) lb_store_sqlite_mem_release();
    }
    free(s);
}

void lb_store_batch_ended(lb_store *s)
{
    s->in_batch = 0;
    s->puts_only = 0;
    lb_counts_drop_batch(s);   /* written at a commit, gone with a rollback */
}

/* Foreign-key checks on or off (a no-op inside a transaction: set before
 * BEGIN). Switched only when they change: the switch expires every prepared
 * statement of the connection. */
static void foreign_keys(lb_store *s, int on)
{
    if (s->fk_off == !on) return;
    sqlite3_exec(s->db, on ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF", NULL, NULL, NULL);
    s->fk_off = !on;
}

/* A connection that writes batches of puts (ingest) moves its WAL into the
 * database file every 16 MiB instead of every 4 MiB (SQLite's 1,000 pages):
 * a checkpoint writes each page that changed since the last one once, and
 * the hot pages of indexes and of the full-text index change in every
 * batch. Ingesting 3,862 articles (a 62 MB database) wrote 233-241 MB to
 * files with 4 MiB, 206 MB with 16 MiB, 188-192 MB with 64 MiB; but the
 * last checkpoint, at close, is serial (0.08-0.18 s with 4 MiB, 0.12-0.14 s
 * with 16 MiB, 0.19-0.27 s with 64 MiB). The WAL is durable either way (a
 * kill loses no commit). */
#define BULK_CHECKPOINT_PAGES 4096

static int begin(lb_store *s, int puts_only)
{
    if (s->in_batch) return lb_store_fail(s, LB_EUSAGE, "a batch is open already");
    if (s->readonly) return lb_store_fail(s, LB_EUSAGE, "store opened read-only");
    if (puts_only && !s->bulk_checkpoint) {
        sqlite3_wal_autocheckpoint(s->db, BULK_CHECKPOINT_PAGES);
        s->bulk_checkpoint = 1;
    }
    foreign_keys(s, !puts_only);
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return lb_store_dbfail(s, "begin");
    s->in_batch = 1;
    s->puts_only = puts_only;
    return LB_OK;
}

int lb_store_commit(lb_store *s)
{
    if (!s->in_batch) return LB_OK;
    int rc = lb_counts_flush_batch(s);
    if (!rc) rc = lb_store_index_pending(s);
    if (rc || sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        if (!rc) rc = lb_store_dbfail(s, "commit");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        lb_store_cache_clear(s, 0);
        lb_store_batch_ended(s);
        s->fts_npending = 0;
        return rc;
    }
    lb_store_batch_ended(s);
    return LB_OK;
}

int lb_store_begin(lb_store *s) { return begin(s, 0); }

/* The checks stay off after the batch (puts outside a batch need none
 * either) until lb_store_begin turns them on again. */
int lb_store_begin_puts(lb_store *s) { return begin(s, 1); }

int lb_store_rollback(lb_store *s)
{
    if (!s->in_batch) return LB_OK;
    s->fts_npending = 0;
    lb_store_cache_clear(s, 0);
    int rc = sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK ? lb_store_dbfail(s, "rollback") : LB_OK;
    lb_store_batch_ended(s);
    return rc;
}
