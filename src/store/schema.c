/* schema.c: the database schema and its migrations. PRAGMA user_version
 * holds the schema version; each migration step runs in one transaction, so
 * an interrupted migration leaves the previous version intact. Must not hold
 * queries or insert logic. */
#include "store/store.h"
#include <stdio.h>

/* Version 1: documents with text, meta and spans; sentences; actors;
 * mentions, timex, quotes, events; the event parties and actor->recipient
 * pairs denormalised for fast filters and timelines; full-text index. */
static const char *const v1 =
    "CREATE TABLE documents("
    "  id INTEGER PRIMARY KEY,"
    "  doc_id TEXT NOT NULL,"
    "  hash TEXT NOT NULL UNIQUE,"       /* SHA-256 of the text: ingest is idempotent */
    "  lang TEXT NOT NULL,"
    "  title TEXT, author TEXT, date TEXT, source TEXT, url TEXT,"
    "  origin TEXT,"
    "  text TEXT NOT NULL,"
    "  body TEXT NOT NULL,"              /* body lines joined by newlines (indexed) */
    "  body_spans TEXT NOT NULL,"        /* JSON [[start,end],...] into text */
    "  ingested TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE INDEX documents_doc_id ON documents(doc_id);"
    "CREATE INDEX documents_date ON documents(date);"
    "CREATE INDEX documents_source ON documents(source COLLATE NOCASE);"
    "CREATE TABLE sentences("
    "  doc INTEGER NOT NULL REFERENCES documents(id),"
    "  idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    "  PRIMARY KEY(doc, idx)) WITHOUT ROWID;"
    "CREATE TABLE actors("
    "  id INTEGER PRIMARY KEY,"
    "  code TEXT NOT NULL, sector TEXT NOT NULL DEFAULT '',"
    "  name TEXT NOT NULL DEFAULT '', wikidata TEXT NOT NULL DEFAULT '',"
    /* counts kept up to date on insert, for `lagebild actors` */
    "  n_actor INTEGER NOT NULL DEFAULT 0, n_recipient INTEGER NOT NULL DEFAULT 0,"
    "  n_mentions INTEGER NOT NULL DEFAULT 0, n_quotes INTEGER NOT NULL DEFAULT 0,"
    "  UNIQUE(code, sector, name, wikidata));"
    "CREATE INDEX actors_name ON actors(name COLLATE NOCASE);"
    "CREATE INDEX actors_wikidata ON actors(wikidata);"
    "CREATE TABLE mentions("
    "  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id),"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, sent INTEGER,"
    "  type TEXT NOT NULL, form TEXT NOT NULL, actor INTEGER REFERENCES actors(id));"
    "CREATE INDEX mentions_doc ON mentions(doc, start);"
    "CREATE INDEX mentions_actor ON mentions(actor);"
    "CREATE TABLE timex("
    "  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id),"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, type TEXT NOT NULL, value TEXT);"
    "CREATE INDEX timex_doc ON timex(doc);"
    "CREATE TABLE quotes("
    "  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id),"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, sent INTEGER,"
    "  kind TEXT NOT NULL, speaker_start INTEGER, speaker_end INTEGER,"
    "  speaker_name TEXT, speaker_actor INTEGER REFERENCES actors(id),"
    "  cue_start INTEGER, cue_end INTEGER, date TEXT);"
    "CREATE INDEX quotes_doc ON quotes(doc);"
    "CREATE INDEX quotes_speaker ON quotes(speaker_actor);"
    "CREATE INDEX quotes_date ON quotes(date);"
    "CREATE TABLE events("
    "  id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents(id),"
    "  sent INTEGER, start INTEGER NOT NULL, end INTEGER NOT NULL,"
    "  type TEXT NOT NULL, mode TEXT,"
    "  date TEXT,"                       /* the event's date, else the document's */
    "  timex TEXT,"                      /* the TIMEX value the events stage gave */
    "  actors TEXT, recipients TEXT,"    /* display: codes joined by '+' */
    "  negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL,"
    "  trigger_start INTEGER, trigger_end INTEGER,"
    "  rule TEXT, confidence REAL, cameo TEXT, goldstein REAL);"
    "CREATE INDEX events_date ON events(date);"
    "CREATE INDEX events_type ON events(type, date);"
    "CREATE INDEX events_doc ON events(doc);"
    /* role 0 = actor, 1 = recipient; covering index for --actor/--recipient.
     * Key columns of WITHOUT ROWID tables are NOT NULL: '' = undated. */
    "CREATE TABLE event_parties("
    "  role INTEGER NOT NULL, actor INTEGER NOT NULL, date TEXT NOT NULL, event INTEGER NOT NULL,"
    "  PRIMARY KEY(role, actor, date, event)) WITHOUT ROWID;"
    "CREATE INDEX event_parties_event ON event_parties(event, role);"
    /* every actor x recipient pair of an event: --actor with --recipient, and
     * timelines of actors given by name or Wikidata id */
    "CREATE TABLE dyads("
    "  a INTEGER NOT NULL, r INTEGER NOT NULL, date TEXT NOT NULL, type TEXT NOT NULL,"
    "  goldstein REAL, event INTEGER NOT NULL,"
    "  PRIMARY KEY(a, r, date, type, event)) WITHOUT ROWID;"
    /* per actor code pair, month and type: events and Goldstein sums, kept up
     * to date on insert (each event counts once per unordered code pair) */
    "CREATE TABLE dyad_months("
    "  a TEXT NOT NULL, r TEXT NOT NULL, month TEXT NOT NULL, type TEXT NOT NULL,"
    "  events INTEGER NOT NULL, gsum REAL NOT NULL, coop INTEGER NOT NULL, conflict INTEGER NOT NULL,"
    "  PRIMARY KEY(a, r, month, type)) WITHOUT ROWID;"
    "CREATE TABLE dyad_totals("
    "  a TEXT NOT NULL, r TEXT NOT NULL,"
    "  events INTEGER NOT NULL, gsum REAL NOT NULL, coop INTEGER NOT NULL, conflict INTEGER NOT NULL,"
    "  PRIMARY KEY(a, r)) WITHOUT ROWID;"
    "CREATE VIRTUAL TABLE docs_fts USING fts5(title, body, content='documents',"
    "  content_rowid='id', tokenize='lagebild');";

static const char *const migrations[LB_STORE_SCHEMA_VERSION] = { v1 };

int lb_schema_migrate(lb_store *s)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return lb_store_dbfail(s, "reading schema version");
    int version = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    if (version > LB_STORE_SCHEMA_VERSION)
        return lb_store_fail(s, LB_EDATA, "database schema version %d is newer than this build (%d)",
                             version, LB_STORE_SCHEMA_VERSION);
    if (version == LB_STORE_SCHEMA_VERSION) return LB_OK;
    if (s->readonly)
        return lb_store_fail(s, LB_EDATA, "database schema version %d needs migrating to %d (open it writable)",
                             version, LB_STORE_SCHEMA_VERSION);
    for (int v = version; v < LB_STORE_SCHEMA_VERSION; v++) {
        if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
            return lb_store_dbfail(s, "starting migration");
        /* re-check inside the write lock: another process may have migrated */
        int now = 0;
        if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW) now = sqlite3_column_int(st, 0);
            sqlite3_finalize(st);
        }
        if (now > v) { sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL); v = now - 1; continue; }
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
        if (sqlite3_exec(s->db, migrations[v], NULL, NULL, NULL) != SQLITE_OK
            || sqlite3_exec(s->db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
            int rc = lb_store_dbfail(s, "migrating schema");
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return rc;
        }
        if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
            return lb_store_dbfail(s, "committing migration");
    }
    return LB_OK;
}
