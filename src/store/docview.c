/* docview.c: one stored document with every annotation and its byte offsets
 * as one JSON object (lb_store_doc): what `lagebild show` prints and marks,
 * and what a web view of an article needs. Built by SQLite's JSON functions
 * from bound parameters; must not print. */
#include "store/store.h"
#include <stdlib.h>
#include <string.h>

static const char *const doc_sql =
    "SELECT json_object("
    " 'id', d.doc_id, 'title', d.title, 'date', d.date, 'date_precision', d.date_prec, 'source', d.source,"
    " 'url', d.url, 'lang', d.lang, 'origin', d.origin, 'annotator', d.annotator, 'dicts', d.dicts,"
    " 'text', d.text, 'body', json(d.body_spans),"
    " 'sentences', (SELECT json_group_array(json_array(s.start, s.end)) FROM"
    "   (SELECT start, end FROM sentences WHERE doc = d.id ORDER BY idx) s),"
    " 'mentions', (SELECT json_group_array(json_object('start', m.start, 'end', m.end, 'type', m.type, 'form', m.form,"
    "   'code', a.code, 'sector', nullif(a.sector, ''), 'name', nullif(a.name, '')))"
    "   FROM (SELECT * FROM mentions WHERE doc = d.id ORDER BY start) m LEFT JOIN actors a ON a.id = m.actor),"
    " 'timex', (SELECT json_group_array(json_object('start', t.start, 'end', t.end, 'type', t.type, 'value', t.value))"
    "   FROM (SELECT * FROM timex WHERE doc = d.id ORDER BY start) t),"
    " 'quotes', (SELECT json_group_array(json_object('start', q.start, 'end', q.end, 'kind', q.kind,"
    "   'speaker', q.speaker_name, 'speaker_start', q.speaker_start, 'speaker_end', q.speaker_end,"
    "   'speaker_code', a.code, 'cue_start', q.cue_start, 'cue_end', q.cue_end))"
    "   FROM (SELECT * FROM quotes WHERE doc = d.id ORDER BY start) q LEFT JOIN actors a ON a.id = q.speaker_actor),"
    " 'events', (SELECT json_group_array(json_object('event_id', e.eid, 'type', e.type, 'mode', e.mode,"
    "   'actor', e.actors, 'recipient', e.recipients, 'date', e.date, 'date_precision', e.date_prec,"
    "   'negated', json(CASE WHEN e.negated THEN 'true' ELSE 'false' END),"
    "   'hypothetical', json(CASE WHEN e.hypothetical THEN 'true' ELSE 'false' END),"
    "   'start', e.start, 'end', e.end, 'trigger_start', e.trigger_start, 'trigger_end', e.trigger_end,"
    "   'rule', e.rule, 'confidence', e.confidence, 'goldstein', e.goldstein, 'cameo', e.cameo))"
    "   FROM (SELECT * FROM events WHERE doc = d.id ORDER BY start, trigger_start) e)"
    ") FROM documents d WHERE d.doc_id = ?1 ORDER BY d.id LIMIT 1";

int lb_store_doc(char **json, lb_store *s, const char *doc_id)
{
    *json = NULL;
    if (!doc_id) return lb_store_fail(s, LB_EUSAGE, "no document id");
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, doc_sql, -1, &st, NULL) != SQLITE_OK) return lb_store_dbfail(s, "preparing query");
    sqlite3_bind_text(st, 1, doc_id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
        sqlite3_finalize(st);
        return lb_store_fail(s, LB_DONE, "no stored document has the id '%.200s'", doc_id);
    }
    if (rc != SQLITE_ROW) { sqlite3_finalize(st); return lb_store_dbfail(s, "reading document"); }
    const char *v = (const char *)sqlite3_column_text(st, 0);
    size_t n = (size_t)sqlite3_column_bytes(st, 0);
    *json = malloc(n + 1);
    if (*json) { memcpy(*json, v ? v : "", n); (*json)[n] = '\0'; }
    sqlite3_finalize(st);
    return *json ? LB_OK : lb_store_fail(s, LB_ENOMEM, "out of memory");
}
