/* schema.c: the database schema and its migrations. PRAGMA user_version
 * holds the schema version; all pending migration steps run in one
 * transaction, so an interrupted migration leaves the previous version intact. Must not hold
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

/* Recomputes the kept aggregates (dyad_months, dyad_totals, the actor
 * counts) from the stored rows: after migration v2 and after reannotate. */
#define RECOUNT_SQL \
    "DELETE FROM dyad_months; DELETE FROM dyad_totals;" \
    "CREATE TEMP TABLE pairs AS SELECT DISTINCT pa.event AS event, aa.code AS a, ar.code AS r" \
    "  FROM event_parties pa JOIN actors aa ON aa.id = pa.actor" \
    "  JOIN event_parties pr ON pr.event = pa.event AND pr.role = 1 JOIN actors ar ON ar.id = pr.actor" \
    "  WHERE pa.role = 0;" \
    "INSERT INTO dyad_months SELECT p.a, p.r, CASE WHEN length(e.date) >= 7 THEN substr(e.date, 1, 7) ELSE '' END," \
    "  e.type, e.negated + 2 * e.hypothetical, count(*), total(e.goldstein), sum(e.goldstein > 0), sum(e.goldstein < 0)" \
    "  FROM pairs p JOIN events e ON e.id = p.event GROUP BY 1, 2, 3, 4, 5;" \
    "INSERT INTO dyad_totals SELECT a, r, flags, sum(events), total(gsum), sum(coop), sum(conflict)" \
    "  FROM dyad_months GROUP BY a, r, flags;" \
    "DROP TABLE pairs;" \
    "UPDATE actors SET" \
    "  n_actor = (SELECT count(*) FROM event_parties p JOIN events e ON e.id = p.event" \
    "             WHERE p.actor = actors.id AND p.role = 0 AND NOT e.negated AND NOT e.hypothetical)," \
    "  n_recipient = (SELECT count(*) FROM event_parties p JOIN events e ON e.id = p.event" \
    "                 WHERE p.actor = actors.id AND p.role = 1 AND NOT e.negated AND NOT e.hypothetical)," \
    "  n_mentions = (SELECT count(*) FROM mentions m WHERE m.actor = actors.id)," \
    "  n_quotes = (SELECT count(*) FROM quotes q WHERE q.speaker_actor = actors.id);"

/* Version 2: reproducible research artefacts and flag-aware aggregates.
 * - events.eid: an id derived from content (document hash, sentence, trigger,
 *   type, parties), the same whatever order documents were ingested in;
 *   events.date_prec: precision of events.date (day, week, month, year, ...);
 * - documents.annotator / dicts: the lagebild version and the digest of the
 *   dictionaries that annotated the document; documents.date_prec;
 * - event_parties.flags, dyads.flags: the event's flags next to its keys;
 * - dyad_months / dyad_totals keyed by flags (0 real, 1 negated,
 *   2 hypothetical, 3 both) so that aggregates leave negated and
 *   hypothetical events out unless asked; recomputed from the events;
 * - actors.n_actor / n_recipient count real events only (recomputed). */
static const char *const v2 =
    "ALTER TABLE events ADD COLUMN eid TEXT;"
    "ALTER TABLE events ADD COLUMN date_prec TEXT;"
    "UPDATE events SET eid = 'v1-' || id;"
    "CREATE UNIQUE INDEX events_eid ON events(eid);"
    /* the few flagged events, for counts that leave them out */
    "CREATE INDEX events_flagged ON events(negated, hypothetical) WHERE negated OR hypothetical;"
    "ALTER TABLE event_parties ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE dyads ADD COLUMN flags INTEGER NOT NULL DEFAULT 0;"
    "UPDATE event_parties SET flags = (SELECT negated + 2 * hypothetical FROM events WHERE id = event_parties.event);"
    "UPDATE dyads SET flags = (SELECT negated + 2 * hypothetical FROM events WHERE id = dyads.event);"
    "ALTER TABLE documents ADD COLUMN annotator TEXT;"
    "ALTER TABLE documents ADD COLUMN dicts TEXT;"
    "ALTER TABLE documents ADD COLUMN date_prec TEXT;"
    "CREATE INDEX documents_annotator ON documents(annotator);"
    "CREATE INDEX documents_dicts ON documents(dicts);"
    "DROP TABLE dyad_months;"
    "DROP TABLE dyad_totals;"
    "CREATE TABLE dyad_months("
    "  a TEXT NOT NULL, r TEXT NOT NULL, month TEXT NOT NULL, type TEXT NOT NULL, flags INTEGER NOT NULL,"
    "  events INTEGER NOT NULL, gsum REAL NOT NULL, coop INTEGER NOT NULL, conflict INTEGER NOT NULL,"
    "  PRIMARY KEY(a, r, month, type, flags)) WITHOUT ROWID;"
    "CREATE TABLE dyad_totals("
    "  a TEXT NOT NULL, r TEXT NOT NULL, flags INTEGER NOT NULL,"
    "  events INTEGER NOT NULL, gsum REAL NOT NULL, coop INTEGER NOT NULL, conflict INTEGER NOT NULL,"
    "  PRIMARY KEY(a, r, flags)) WITHOUT ROWID;"
    RECOUNT_SQL;

/* Version 3: query speed on large databases. dyad_months by type first
 * (covering), so that `actors --dyads --type T` reads one type's rows in
 * (a, r) order instead of every month of every pair; the flagged event
 * parties in a partial index, so that per-actor counts need not read rows;
 * actor_months, the per-actor monthly counts. */
static const char *const v3 =
    "CREATE INDEX IF NOT EXISTS dyad_months_type ON dyad_months(type, a, r, month, flags, events, gsum, coop, conflict);"
    /* the few flagged event parties, subtracted from counts over the key */
    "CREATE INDEX IF NOT EXISTS event_parties_flagged ON event_parties(role, actor, date, flags) WHERE flags <> 0;"
    /* each actor's parties per role, month (substr(date, 1, 7)) and flags,
     * kept by triggers, for per-actor counts over year or month ranges */
    "CREATE TABLE actor_months(actor INTEGER NOT NULL, role INTEGER NOT NULL, month TEXT NOT NULL,"
    "  flags INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(actor, role, month, flags)) WITHOUT ROWID;"
    "INSERT INTO actor_months SELECT actor, role, substr(date, 1, 7), flags, count(*) FROM event_parties"
    "  GROUP BY 1, 2, 3, 4;"
    "CREATE TRIGGER event_parties_months_add AFTER INSERT ON event_parties BEGIN"
    "  INSERT INTO actor_months VALUES(new.actor, new.role, substr(new.date, 1, 7), new.flags, 1)"
    "  ON CONFLICT(actor, role, month, flags) DO UPDATE SET n = n + 1; END;"
    "CREATE TRIGGER event_parties_months_del AFTER DELETE ON event_parties BEGIN"
    "  UPDATE actor_months SET n = n - 1 WHERE actor = old.actor AND role = old.role"
    "  AND month = substr(old.date, 1, 7) AND flags = old.flags; END;";

/* Version 4: dyads over date ranges. pair_months and pair_years hold each
 * code pair's counts per month and per year (all types, by flags), keyed by
 * the period first, so that `actors` over a date range reads whole years
 * and the months of the bounds' years only; kept by triggers on dyad_months
 * (whose put upserts fire the insert and update triggers). */
#define PAIR_COLS "a TEXT NOT NULL, r TEXT NOT NULL, flags INTEGER NOT NULL," \
    " events INTEGER NOT NULL, gsum REAL NOT NULL, coop INTEGER NOT NULL, conflict INTEGER NOT NULL"
#define PAIR_ADD(table, key, keyval, sign, row) \
    "INSERT INTO " table " VALUES(" keyval ", " row ".a, " row ".r, " row ".flags, " sign row ".events, " \
    sign row ".gsum, " sign row ".coop, " sign row ".conflict) ON CONFLICT(" key ", a, r, flags) DO UPDATE SET" \
    " events = events + excluded.events, gsum = gsum + excluded.gsum, coop = coop + excluded.coop," \
    " conflict = conflict + excluded.conflict;"
#define PAIR_DELTA(table, key, keyval) \
    "UPDATE " table " SET events = events + new.events - old.events, gsum = gsum + new.gsum - old.gsum," \
    " coop = coop + new.coop - old.coop, conflict = conflict + new.conflict - old.conflict" \
    " WHERE " key " = " keyval " AND a = new.a AND r = new.r AND flags = new.flags;"
static const char *const v4 =
    "CREATE TABLE pair_months(month TEXT NOT NULL, " PAIR_COLS ", PRIMARY KEY(month, a, r, flags)) WITHOUT ROWID;"
    "CREATE TABLE pair_years(year TEXT NOT NULL, " PAIR_COLS ", PRIMARY KEY(year, a, r, flags)) WITHOUT ROWID;"
    "INSERT INTO pair_months SELECT month, a, r, flags, sum(events), total(gsum), sum(coop), sum(conflict)"
    "  FROM dyad_months GROUP BY month, a, r, flags;"
    "INSERT INTO pair_years SELECT substr(month, 1, 4), a, r, flags, sum(events), total(gsum), sum(coop), sum(conflict)"
    "  FROM dyad_months GROUP BY 1, a, r, flags;"
    "CREATE TRIGGER dyad_months_pairs_add AFTER INSERT ON dyad_months BEGIN "
    PAIR_ADD("pair_months", "month", "new.month", "", "new") PAIR_ADD("pair_years", "year", "substr(new.month, 1, 4)", "", "new")
    " END;"
    /* a put only adds to the counts of a row (its key never changes): the difference */
    "CREATE TRIGGER dyad_months_pairs_upd AFTER UPDATE ON dyad_months BEGIN "
    PAIR_DELTA("pair_months", "month", "new.month") PAIR_DELTA("pair_years", "year", "substr(new.month, 1, 4)")
    " END;"
    "CREATE TRIGGER dyad_months_pairs_del AFTER DELETE ON dyad_months BEGIN "
    PAIR_ADD("pair_months", "month", "old.month", "-", "old") PAIR_ADD("pair_years", "year", "substr(old.month, 1, 4)", "-", "old")
    " END;";

static const char *const migrations[LB_STORE_SCHEMA_VERSION] = { v1, v2, v3, v4 };

int lb_schema_recount(lb_store *s)
{
    /* the triggers took the pair counts down and up again: drop the emptied rows */
    if (sqlite3_exec(s->db, RECOUNT_SQL "DELETE FROM pair_months WHERE events = 0; DELETE FROM pair_years WHERE events = 0;",
                     NULL, NULL, NULL) != SQLITE_OK)
        return lb_store_dbfail(s, "recounting");
    return LB_OK;
}

int lb_schema_migrate(lb_store *s)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return lb_store_dbfail(s, "reading schema version");
    int version = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    if (version < 0)
        return lb_store_fail(s, LB_EDATA, "database schema version %d is not one this build knows (0..%d)",
                             version, LB_STORE_SCHEMA_VERSION);
    if (version > LB_STORE_SCHEMA_VERSION)
        return lb_store_fail(s, LB_EDATA, "database schema version %d is newer than this build (%d)",
                             version, LB_STORE_SCHEMA_VERSION);
    if (version == LB_STORE_SCHEMA_VERSION) return LB_OK;
    if (s->readonly)
        return lb_store_fail(s, LB_EDATA, "database schema version %d needs migrating to %d (open it writable)",
                             version, LB_STORE_SCHEMA_VERSION);
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return lb_store_dbfail(s, "starting migration");
    /* re-read inside the write lock: another process may have migrated */
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) version = sqlite3_column_int(st, 0);
        sqlite3_finalize(st);
    }
    /* every step in one transaction: a kill leaves the old version or the new one */
    for (int v = version; v >= 0 && v < LB_STORE_SCHEMA_VERSION; v++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
        if (sqlite3_exec(s->db, migrations[v], NULL, NULL, NULL) != SQLITE_OK
            || sqlite3_exec(s->db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
            int rc = lb_store_dbfail(s, "migrating schema");
            sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
            return rc;
        }
    }
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        int rc = lb_store_dbfail(s, "committing migration");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    return LB_OK;
}
