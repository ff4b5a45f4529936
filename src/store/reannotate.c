/* reannotate.c: the provenance of stored documents. Every put records the
 * lagebild version and the digest of the dictionaries that annotated the
 * document (lb_store_set_annotator); lb_store_reannotate re-runs the pipeline
 * on the documents another version or other dictionaries annotated and
 * replaces their layers, then recomputes the kept aggregates. Must not print. */
#include "store/store.h"
#include "doc.h"
#include <stdlib.h>
#include <string.h>

int lb_store_set_annotator(lb_store *s, const char *version, const char *dicts)
{
    char *v = version ? strdup(version) : NULL, *d = dicts ? strdup(dicts) : NULL;
    if ((version && !v) || (dicts && !d)) { free(v); free(d); return lb_store_fail(s, LB_ENOMEM, "out of memory"); }
    free(s->annotator); free(s->dicts);
    s->annotator = v; s->dicts = d;
    return LB_OK;
}

/* Deletes one document and every row that hangs on it (aggregates are
 * recomputed by the caller). */
static int remove_doc(lb_store *s, int64_t id)
{
    static const char *const sql[] = {
        "DELETE FROM event_parties WHERE event IN (SELECT id FROM events WHERE doc = ?1)",
        "DELETE FROM dyads WHERE event IN (SELECT id FROM events WHERE doc = ?1)",
        "DELETE FROM events WHERE doc = ?1",
        "DELETE FROM quotes WHERE doc = ?1",
        "DELETE FROM timex WHERE doc = ?1",
        "DELETE FROM mentions WHERE doc = ?1",
        "DELETE FROM sentences WHERE doc = ?1",
        "INSERT INTO docs_fts(docs_fts, rowid, title, body) SELECT 'delete', id, title, body FROM documents WHERE id = ?1",
        "DELETE FROM documents WHERE id = ?1",
    };
    for (size_t i = 0; i < sizeof sql / sizeof *sql; i++) {
        sqlite3_stmt *st = NULL;
        if (sqlite3_prepare_v2(s->db, sql[i], -1, &st, NULL) != SQLITE_OK) return lb_store_dbfail(s, "preparing delete");
        sqlite3_bind_int64(st, 1, id);
        int rc = sqlite3_step(st);
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) return lb_store_dbfail(s, "deleting document");
    }
    return LB_OK;
}

static const char *col(sqlite3_stmt *st, int i, size_t *n)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    *n = v ? (size_t)sqlite3_column_bytes(st, i) : 0;
    return v;
}

/* Re-annotates stored document row id with doc and stores the result in its place. */
static int redo_one(lb_store *s, lb_doc *doc, int64_t id)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT doc_id, text, date, lang, source, url, title, origin FROM documents WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return lb_store_dbfail(s, "preparing read");
    sqlite3_bind_int64(st, 1, id);
    int rc = LB_OK;
    if (sqlite3_step(st) != SQLITE_ROW) { sqlite3_finalize(st); return lb_store_dbfail(s, "reading document"); }
    lb_input in;
    memset(&in, 0, sizeof in);
    in.id = col(st, 0, &in.id_len);
    in.text = col(st, 1, &in.text_len);
    in.date = col(st, 2, &in.date_len);
    in.lang = col(st, 3, &in.lang_len);
    in.source = col(st, 4, &in.source_len);
    in.url = col(st, 5, &in.url_len);
    in.title = col(st, 6, &in.title_len);
    const char *origin = (const char *)sqlite3_column_text(st, 7);
    char *org = origin ? strdup(origin) : NULL;
    in.origin = org ? org : "database";
    if (!in.text) in.text = "";
    rc = lb_doc_annotate(doc, &in);
    sqlite3_finalize(st);       /* doc holds its own copy of everything now */
    if (rc) { lb_store_fail(s, rc, "document %lld: %s", (long long)id, lb_doc_errmsg(doc)); free(org); return rc; }
    if (sqlite3_exec(s->db, "SAVEPOINT lb_redo", NULL, NULL, NULL) != SQLITE_OK) { free(org); return lb_store_dbfail(s, "savepoint"); }
    rc = remove_doc(s, id);
    if (!rc) rc = lb_store_put(s, doc, org);
    free(org);
    if (rc == LB_DONE) rc = LB_OK;
    if (rc) {
        lb_store_cache_clear(s, 0);
        sqlite3_exec(s->db, "ROLLBACK TO lb_redo", NULL, NULL, NULL);
    }
    sqlite3_exec(s->db, "RELEASE lb_redo", NULL, NULL, NULL);
    return rc;
}

int lb_store_reannotate(size_t *done, size_t *failed, lb_store *s, const lb_ctx *ctx)
{
    *done = *failed = 0;
    if (s->readonly) return lb_store_fail(s, LB_EUSAGE, "store opened read-only");
    if (!s->annotator || !s->dicts) return lb_store_fail(s, LB_EUSAGE, "set the annotator first (lb_store_set_annotator)");
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT id FROM documents WHERE annotator IS NOT ?1 OR dicts IS NOT ?2 ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK)
        return lb_store_dbfail(s, "preparing query");
    sqlite3_bind_text(st, 1, s->annotator, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, s->dicts, -1, SQLITE_STATIC);
    int64_t *ids = NULL;
    size_t n = 0, cap = 0;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            int64_t *g = realloc(ids, (cap = cap ? cap * 2 : 256) * sizeof *ids);
            if (!g) { free(ids); sqlite3_finalize(st); return lb_store_fail(s, LB_ENOMEM, "out of memory"); }
            ids = g;
        }
        ids[n++] = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    if (step != SQLITE_DONE) { free(ids); return lb_store_dbfail(s, "listing documents"); }
    lb_doc *doc = NULL;
    int rc = lb_doc_new(&doc, ctx);
    if (rc) { free(ids); return lb_store_fail(s, rc, "out of memory"); }
    rc = lb_store_begin(s);
    for (size_t i = 0; !rc && i < n; i++) {
        if (redo_one(s, doc, ids[i])) (*failed)++;
        else (*done)++;
    }
    if (!rc) rc = lb_schema_recount(s);
    if (!rc) rc = lb_store_commit(s);
    else if (s->in_batch) lb_store_rollback(s);
    lb_doc_free(doc);
    free(ids);
    return rc;
}
