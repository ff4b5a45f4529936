/* put.c: storing one annotated document with all its layers (lb_store_put)
 * and the content-hash check that makes ingest idempotent. Each put runs in a
 * savepoint, so a failed document leaves the database and the open batch as
 * they were. Must not run the pipeline or print. */
#include "store/store.h"
#include "store/sha256.h"
#include "store/dates.h"
#include "core/hash.h"
#include "doc.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const stmt_sql[LB_ST_COUNT] = {
    [LB_ST_HAS] = "SELECT annotator, dicts FROM documents WHERE hash = ?1",
    [LB_ST_DOC] = "INSERT OR FAIL INTO documents(doc_id, hash, lang, title, author, date, source, url, origin,"
                  " text, body, body_spans, annotator, dicts, date_prec)"
                  " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)",
    [LB_ST_FTS] = "INSERT INTO docs_fts(rowid, title, body) VALUES(?1, ?2, ?3)",
    [LB_ST_FTS_ROW] = "SELECT title, body FROM documents WHERE id = ?1",
    /* a new actor is inserted without RETURNING (which collects its rows in a
     * temporary table); a stored one the cache does not hold is found by the
     * upsert, which changes nothing (a SELECT would have PRAGMA optimize add
     * statistics of the table at close) */
    [LB_ST_ACTOR_NEW] = "INSERT OR IGNORE INTO actors(code, sector, name, wikidata) VALUES(?1,?2,?3,?4)",
    [LB_ST_ACTOR] = "INSERT OR FAIL INTO actors(code, sector, name, wikidata) VALUES(?1,?2,?3,?4)"
                    " ON CONFLICT(code, sector, name, wikidata) DO UPDATE SET code = excluded.code RETURNING id",
    /* an event with the same content id is the same event: stored once */
    [LB_ST_EVENT] = "INSERT OR IGNORE INTO events(doc, sent, start, end, type, mode, date, timex, actors, recipients,"
                    " negated, hypothetical, trigger_start, trigger_end, rule, confidence, cameo, goldstein, eid, date_prec)"
                    " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20)",
    [LB_ST_PARTY] = "INSERT OR IGNORE INTO event_parties(role, actor, date, event, flags) VALUES(?1,?2,?3,?4,?5)",
    [LB_ST_DYAD_TOTAL] = "INSERT OR FAIL INTO dyad_totals(a, r, flags, events, gsum, coop, conflict) VALUES(?1,?2,?8,1,?5,?6,?7)"
                         " ON CONFLICT(a, r, flags) DO UPDATE SET events = events + 1, gsum = gsum + excluded.gsum,"
                         " coop = coop + excluded.coop, conflict = conflict + excluded.conflict",
    [LB_ST_COUNTS] = "UPDATE OR FAIL actors SET n_actor = n_actor + ?2, n_recipient = n_recipient + ?3,"
                     " n_mentions = n_mentions + ?4, n_quotes = n_quotes + ?5 WHERE id = ?1",
    [LB_ST_DYAD] = "INSERT OR IGNORE INTO dyads(a, r, date, type, goldstein, event, flags) VALUES(?1,?2,?3,?4,?5,?6,?7)",
    [LB_ST_DYAD_MONTH] = "INSERT OR FAIL INTO dyad_months(a, r, month, type, flags, events, gsum, coop, conflict)"
                         " VALUES(?1,?2,?3,?4,?8,1,?5,?6,?7) ON CONFLICT(a, r, month, type, flags) DO UPDATE SET"
                         " events = events + 1, gsum = gsum + excluded.gsum, coop = coop + excluded.coop,"
                         " conflict = conflict + excluded.conflict",
    /* prepared once: sqlite3_exec would compile them for every document */
    [LB_ST_SAVEPOINT] = "SAVEPOINT lb_put",
    [LB_ST_RELEASE] = "RELEASE lb_put",
    [LB_ST_ROLLBACK_TO] = "ROLLBACK TO lb_put",
};

sqlite3_stmt *lb_store_stmt(lb_store *s, int which)
{
    if (!s->st[which] && sqlite3_prepare_v3(s->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                                            &s->st[which], NULL) != SQLITE_OK)
        return NULL;
    sqlite3_reset(s->st[which]);
    sqlite3_clear_bindings(s->st[which]);
    return s->st[which];
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
    if (v) sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
    else sqlite3_bind_null(st, i);
}

/* Runs an insert to completion; 0 or -1. */
static int run(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* The row is read first and inserted with VALUES: a one-row insert into the
 * index needs no statement savepoint, and at every savepoint FTS5 would
 * write its pending terms out as a segment of their own. */
static int index_row(lb_store *s, int64_t row, const char *lang, const struct lb_index_terms *pre);

int lb_store_index_doc(lb_store *s, int64_t row, const char *lang) { return index_row(s, row, lang, NULL); }

int lb_store_index_pending(lb_store *s)
{
    for (size_t i = 0; i < s->fts_npending; i++) {
        const struct lb_fts_pending *pd = &s->fts_pending[i];
        int rc = index_row(s, pd->row, pd->lang, pd->pre);
        if (rc) return rc;
    }
    s->fts_npending = 0;
    return LB_OK;
}

/* pre: the document's terms computed ahead (replayed by the tokenizer), or NULL. */
static int index_row(lb_store *s, int64_t row, const char *lang, const struct lb_index_terms *pre)
{
    snprintf(s->fts->lang, sizeof s->fts->lang, "%s", lang ? lang : "");
    sqlite3_stmt *rd = lb_store_stmt(s, LB_ST_FTS_ROW);
    if (!rd) return lb_store_dbfail(s, "preparing index");
    sqlite3_bind_int64(rd, 1, row);
    int step = sqlite3_step(rd);
    if (step == SQLITE_DONE) { sqlite3_reset(rd); return LB_OK; }    /* rolled back meanwhile */
    if (step != SQLITE_ROW) { sqlite3_reset(rd); return lb_store_dbfail(s, "reading document to index"); }
    sqlite3_stmt *st = lb_store_stmt(s, LB_ST_FTS);
    if (!st) { sqlite3_reset(rd); return lb_store_dbfail(s, "preparing index"); }
    sqlite3_bind_int64(st, 1, row);
    for (int c = 0; c < 2; c++) {
        const char *v = (const char *)sqlite3_column_text(rd, c);
        if (v) sqlite3_bind_text(st, 2 + c, v, sqlite3_column_bytes(rd, c), SQLITE_STATIC);
    }
    s->fts->pre = pre;
    int rc = run(st);
    s->fts->pre = NULL;
    sqlite3_reset(rd);
    return rc ? lb_store_dbfail(s, "indexing document") : LB_OK;
}

int lb_store_has_text(int *found, lb_store *s, const char *text, size_t len)
{
    char hex[65];
    return lb_store_has_text_hex(found, s, text, len, hex);
}

int lb_store_has_text_hex(int *found, lb_store *s, const char *text, size_t len, char hex[65])
{
    *found = 0;
    if (lb_sha256_hex(hex, text, text ? len : 0)) return lb_store_fail(s, LB_ENOMEM, "out of memory hashing a document");
    sqlite3_stmt *st = lb_store_stmt(s, LB_ST_HAS);
    if (!st) return lb_store_dbfail(s, "preparing lookup");
    sqlite3_bind_text(st, 1, hex, 64, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        /* 2: stored, but annotated by another version or other dictionaries */
        const char *v = (const char *)sqlite3_column_text(st, 0), *d = (const char *)sqlite3_column_text(st, 1);
        int same = (!s->annotator || (v && !strcmp(v, s->annotator))) && (!s->dicts || (d && !strcmp(d, s->dicts)));
        *found = same ? 1 : 2;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return lb_store_dbfail(s, "looking up document");
    return LB_OK;
}

/* Sentence index of a byte offset, -1 when outside every sentence. */
static int64_t sent_of(const lb_doc *doc, uint32_t off)
{
    size_t lo = 0, hi = doc->sents.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const lb_sent *st = &LB_SENTS(doc)[mid];
        if (off < st->start) hi = mid;
        else if (off >= st->end) lo = mid + 1;
        else return (int64_t)mid;
    }
    return -1;
}

static void bind_sent(sqlite3_stmt *st, int i, int64_t sent)
{
    if (sent >= 0) sqlite3_bind_int64(st, i, sent);
    else sqlite3_bind_null(st, i);
}

/* The cache slot for an actor's key (found or empty), NULL when the cache
 * cannot hold it. */
static lb_actor_slot *cache_slot(lb_store *s, const char *key, uint64_t h)
{
    if (!s->acache) {
        s->acache = calloc(LB_ACTOR_CACHE_SLOTS, sizeof *s->acache);
        if (!s->acache) return NULL;
    }
    for (size_t i = (size_t)h % LB_ACTOR_CACHE_SLOTS, n = 0; n < LB_ACTOR_CACHE_SLOTS;
         i = (i + 1) % LB_ACTOR_CACHE_SLOTS, n++) {
        lb_actor_slot *sl = &s->acache[i];
        if (!sl->key || (sl->hash == h && !strcmp(sl->key, key))) return sl;
    }
    return NULL;
}

/* The actor cache's key "code\x1fsector\x1fname\x1fid" in key (cap bytes);
 * its length, 0 when it does not fit. */
static size_t actor_key(char *key, size_t cap, const lb_actor_ref *a)
{
    const char *part[4] = { a->code, a->sector ? a->sector : "", a->name ? a->name : "", a->id ? a->id : "" };
    size_t n = 0;
    for (int k = 0; k < 4; k++) {
        size_t l = strlen(part[k]);
        if (n + l + 1 >= cap) return 0;
        if (k) key[n++] = '\x1f';
        memcpy(key + n, part[k], l);
        n += l;
    }
    key[n] = '\0';
    return n;
}

/* Statement which with an actor's key (code, sector, name, Wikidata id) as ?1..?4. */
static sqlite3_stmt *actor_stmt(lb_store *s, int which, const lb_actor_ref *a)
{
    sqlite3_stmt *st = lb_store_stmt(s, which);
    if (!st) return NULL;
    sqlite3_bind_text(st, 1, a->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, a->sector ? a->sector : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, a->name ? a->name : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, a->id ? a->id : "", -1, SQLITE_STATIC);
    return st;
}

/* The row id of an actor, inserted when new: >0, or -1 on error. */
static int64_t actor_row(lb_store *s, const lb_actor_ref *a)
{
    sqlite3_stmt *st = actor_stmt(s, LB_ST_ACTOR_NEW, a);
    if (!st) return -1;
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return -1;
    if (sqlite3_changes(s->db) > 0) return sqlite3_last_insert_rowid(s->db);
    if (!(st = actor_stmt(s, LB_ST_ACTOR, a))) return -1;
    int64_t id = -1;
    if (sqlite3_step(st) == SQLITE_ROW) id = sqlite3_column_int64(st, 0);
    if (id > 0 && sqlite3_step(st) != SQLITE_DONE) id = -1;
    sqlite3_reset(st);
    return id;
}

/* Row id of an actor (inserted when new): >0, 0 for "no actor", -1 on error. */
static int64_t actor_id(lb_store *s, const lb_actor_ref *a)
{
    if (!a->code || !*a->code) return 0;
    char key[1024];
    size_t kl = actor_key(key, sizeof key, a);
    lb_actor_slot *slot = NULL;
    uint64_t h = 0;
    if (kl) {
        h = lb_hash_bytes(key, kl);
        if (s->acache_used >= LB_ACTOR_CACHE_SLOTS * 3 / 4) lb_store_cache_clear(s, 0);
        slot = cache_slot(s, key, h);
        if (slot && slot->key) return slot->id;
    }
    int64_t id = actor_row(s, a);
    if (id > 0 && slot && (slot->key = strdup(key))) {
        slot->hash = h;
        slot->id = id;
        s->acache_used++;
    }
    return id;
}

static void bind_actor(sqlite3_stmt *st, int i, int64_t id)
{
    if (id > 0) sqlite3_bind_int64(st, i, id);
    else sqlite3_bind_null(st, i);
}

/* "USA/GOV+CHN" for display; lb_buf holds it. */
static int party_label(lb_buf *b, const lb_actor_ref *refs, size_t n)
{
    lb_buf_reset(b);
    int any = 0;
    for (size_t k = 0; k < n; k++) {
        if (!refs[k].code) continue;
        if (any && lb_buf_addc(b, '+')) return -1;
        if (lb_buf_adds(b, refs[k].code)) return -1;
        if (refs[k].sector && *refs[k].sector && lb_buf_printf(b, "/%s", refs[k].sector)) return -1;
        any = 1;
    }
    return lb_buf_addc(b, '\0');
}

/* The document's publication date as the store keys it, with precision. */
typedef struct doc_dates { const char *date, *prec; char buf[11]; } doc_dates;

/* The body as stored and indexed: the body spans joined by newlines; and
 * their offsets as JSON ([[start,end],...]) unless spans is NULL. 0 or -1. */
static int build_body(lb_buf *body, lb_buf *spans, const lb_doc *doc)
{
    int fail = spans ? lb_buf_addc(spans, '[') : 0;
    for (size_t i = 0; i < doc->body.len && !fail; i++) {
        const lb_rspan *b = &LB_BODY(doc)[i];
        if (i) fail |= lb_buf_addc(body, '\n') | (spans ? lb_buf_addc(spans, ',') : 0);
        fail |= lb_buf_add(body, doc->text + b->start, b->end - b->start);
        if (spans) fail |= lb_buf_printf(spans, "[%u,%u]", b->start, b->end);
    }
    if (spans) fail |= lb_buf_addc(spans, ']');
    return fail ? -1 : 0;
}

int lb_index_terms_new(lb_index_terms **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out) return LB_ENOMEM;
    lb_buf_init(&(*out)->rec, (size_t)LB_INDEX_TERMS_MAX_TEXT * 16);
    return LB_OK;
}

void lb_index_terms_free(lb_index_terms *t)
{
    if (!t) return;
    lb_buf_free(&t->rec);
    free(t);
}

int lb_index_terms_compute(lb_indexer *ix, lb_index_terms *t, const lb_doc *doc)
{
    lb_buf_reset(&t->rec);
    t->col[0].present = t->col[1].present = 0;
    t->has_sha = 0;
    snprintf(ix->st->lang, sizeof ix->st->lang, "%s", doc->lang);
    if (doc->meta.title && lb_fts_collect(ix->st, t, 0, doc->meta.title, strlen(doc->meta.title))) return LB_ELIMIT;
    lb_buf body;
    lb_buf_init(&body, LB_MAX_DOC_BYTES + 1);
    int rc = build_body(&body, NULL, doc) ? LB_ENOMEM : LB_OK;
    if (!rc && lb_fts_collect(ix->st, t, 1, body.data ? body.data : "", body.len)) rc = LB_ELIMIT;
    lb_buf_free(&body);
    if (rc) t->col[0].present = t->col[1].present = 0;
    return rc;
}

int lb_index_terms_hash(lb_index_terms *t, const lb_doc *doc, const char *text, size_t len, const char *hex)
{
    t->has_sha = 0;
    if (hex && strlen(hex) == 64 && len == doc->len && (!len || !memcmp(text, doc->text, len))) memcpy(t->sha, hex, 65);
    else if (lb_sha256_hex(t->sha, doc->text, doc->len)) return LB_ENOMEM;
    t->text_len = doc->len;
    t->text_hash = lb_hash_bytes(doc->text, doc->len);
    t->has_sha = 1;
    return LB_OK;
}

/* The SHA-256 of doc's text: from t when computed for this text, else hashed here. 0 or -1. */
static int text_sha(char hash[65], const lb_doc *doc, const lb_index_terms *t)
{
    if (t && t->has_sha && t->text_len == doc->len && t->text_hash == lb_hash_bytes(doc->text, doc->len)) {
        memcpy(hash, t->sha, 65);
        return 0;
    }
    return lb_sha256_hex(hash, doc->text, doc->len);
}

static int put_text_layer(lb_store *s, const lb_doc *doc, int64_t *rowp, const char *origin, const char *hash,
                          const doc_dates *dd, const lb_index_terms *terms)
{
    lb_buf body, spans;
    lb_buf_init(&body, LB_MAX_DOC_BYTES + 1);
    lb_buf_init(&spans, LB_MAX_DOC_BYTES);
    if (build_body(&body, &spans, doc)) {
        lb_buf_free(&body); lb_buf_free(&spans);
        return lb_store_fail(s, LB_ENOMEM, "out of memory");
    }
    int rc = LB_OK;
    sqlite3_stmt *st = lb_store_stmt(s, LB_ST_DOC);
    if (!st) { rc = lb_store_dbfail(s, "preparing insert"); goto out; }
    bind_text(st, 1, doc->id ? doc->id : "");
    sqlite3_bind_text(st, 2, hash, 64, SQLITE_STATIC);
    bind_text(st, 3, doc->lang);
    bind_text(st, 4, doc->meta.title);
    bind_text(st, 5, doc->meta.author);
    bind_text(st, 6, dd->date);
    bind_text(st, 7, doc->meta.source);
    bind_text(st, 8, doc->meta.url);
    bind_text(st, 9, origin);
    sqlite3_bind_text(st, 10, doc->text, (int)doc->len, SQLITE_STATIC);
    sqlite3_bind_text(st, 11, body.data ? body.data : "", (int)body.len, SQLITE_STATIC);
    sqlite3_bind_text(st, 12, spans.data, (int)spans.len, SQLITE_STATIC);
    bind_text(st, 13, s->annotator);
    bind_text(st, 14, s->dicts);
    bind_text(st, 15, dd->prec);
    if (run(st)) { rc = lb_store_dbfail(s, "storing document"); goto out; }
    int64_t docrow = *rowp = sqlite3_last_insert_rowid(s->db);

    if (s->in_batch) {
        /* indexed at commit (lb_store_index_pending), after the last savepoint */
        if (s->fts_npending == s->fts_cap) {
            size_t cap = s->fts_cap ? s->fts_cap * 2 : 256;
            struct lb_fts_pending *g = realloc(s->fts_pending, cap * sizeof *g);
            if (!g) { rc = lb_store_fail(s, LB_ENOMEM, "out of memory"); goto out; }
            s->fts_pending = g; s->fts_cap = cap;
        }
        struct lb_fts_pending *pd = &s->fts_pending[s->fts_npending++];
        pd->row = docrow;
        pd->pre = terms;
        snprintf(pd->lang, sizeof pd->lang, "%s", doc->lang);
    } else {
        snprintf(s->fts->lang, sizeof s->fts->lang, "%s", doc->lang);
        st = lb_store_stmt(s, LB_ST_FTS);
        if (!st) { rc = lb_store_dbfail(s, "preparing index"); goto out; }
        sqlite3_bind_int64(st, 1, docrow);
        bind_text(st, 2, doc->meta.title);
        sqlite3_bind_text(st, 3, body.data ? body.data : "", (int)body.len, SQLITE_STATIC);
        s->fts->pre = terms;
        int irc = run(st);
        s->fts->pre = NULL;
        if (irc) { rc = lb_store_dbfail(s, "indexing document"); goto out; }
    }

out:
    lb_buf_free(&body);
    lb_buf_free(&spans);
    return rc;
}

/* What the row binders of one put read. */
typedef struct row_ctx { const lb_doc *doc; int64_t docrow; const char *date; } row_ctx;

/* Binds row i of a layer as parameters at+1.. of a multi-row insert. */
typedef int (*row_binder)(lb_store *s, sqlite3_stmt *st, int at, const row_ctx *c, size_t i);

/* Inserts n rows of table, as many at once as multirow.c allows. */
static int insert_rows(lb_store *s, int table, size_t n, const row_ctx *c, row_binder bind, const char *what)
{
    int ncol = lb_multirow_ncol(table);
    for (size_t i = 0, m; i < n; i += m) {
        m = lb_multirow_chunk(n - i);
        sqlite3_stmt *st = lb_multirow_stmt(s, table, m);
        if (!st) return lb_store_dbfail(s, "preparing insert");
        for (size_t r = 0; r < m; r++) {
            int rc = bind(s, st, (int)r * ncol, c, i + r);
            if (rc) { sqlite3_clear_bindings(st); return rc; }
        }
        if (run(st)) return lb_store_dbfail(s, what);
    }
    return LB_OK;
}

static int bind_sentence(lb_store *s, sqlite3_stmt *st, int at, const row_ctx *c, size_t i)
{
    (void)s;
    sqlite3_bind_int64(st, at + 1, c->docrow);
    sqlite3_bind_int64(st, at + 2, (int64_t)i);
    sqlite3_bind_int64(st, at + 3, LB_SENTS(c->doc)[i].start);
    sqlite3_bind_int64(st, at + 4, LB_SENTS(c->doc)[i].end);
    return LB_OK;
}

/* The columns a mention row and a quote row begin with, (doc, start, end,
 * sent), once the row's actor is looked up (*aid: its id, 0 for none) and
 * counted as what (LB_COUNT_MENTION or LB_COUNT_QUOTE). */
static int bind_span_actor(lb_store *s, sqlite3_stmt *st, int at, const row_ctx *c, int64_t start, int64_t end,
                           const lb_actor_ref *actor, int what, int64_t *aid)
{
    *aid = actor_id(s, actor);
    if (*aid < 0) return lb_store_dbfail(s, what == LB_COUNT_QUOTE ? "storing speaker actor" : "storing mention actor");
    int rc = lb_counts_add(s, *aid, what);
    if (rc) return rc;
    sqlite3_bind_int64(st, at + 1, c->docrow);
    sqlite3_bind_int64(st, at + 2, start);
    sqlite3_bind_int64(st, at + 3, end);
    bind_sent(st, at + 4, sent_of(c->doc, (uint32_t)start));
    return LB_OK;
}

static int bind_mention(lb_store *s, sqlite3_stmt *st, int at, const row_ctx *c, size_t i)
{
    static const char *const mtypes[] = { "PER", "LOC", "ORG", "OTH" };
    static const char *const forms[] = { "name", "deriv", "part" };
    const lb_mention *m = &LB_MENTIONS(c->doc)[i];
    int64_t aid;
    int rc = bind_span_actor(s, st, at, c, m->start, m->end, &m->actor, LB_COUNT_MENTION, &aid);
    if (rc) return rc;
    sqlite3_bind_text(st, at + 5, mtypes[m->type & 3], -1, SQLITE_STATIC);
    sqlite3_bind_text(st, at + 6, forms[m->form % 3], -1, SQLITE_STATIC);
    bind_actor(st, at + 7, aid);
    return LB_OK;
}

static int bind_timex(lb_store *s, sqlite3_stmt *st, int at, const row_ctx *c, size_t i)
{
    static const char *const ttypes[] = { "DATE", "TIME", "DURATION", "SET" };
    const lb_timex *t = &LB_TIMEXES(c->doc)[i];
    (void)s;
    sqlite3_bind_int64(st, at + 1, c->docrow);
    sqlite3_bind_int64(st, at + 2, t->start);
    sqlite3_bind_int64(st, at + 3, t->end);
    sqlite3_bind_text(st, at + 4, ttypes[t->type & 3], -1, SQLITE_STATIC);
    bind_text(st, at + 5, t->value);
    return LB_OK;
}

static int bind_quote(lb_store *s, sqlite3_stmt *st, int at, const row_ctx *c, size_t i)
{
    const lb_doc *doc = c->doc;
    const lb_quote *q = &LB_QUOTES(doc)[i];
    int64_t aid;
    int rc = bind_span_actor(s, st, at, c, q->start, q->end, &q->speaker_actor, LB_COUNT_QUOTE, &aid);
    if (rc) return rc;
    sqlite3_bind_text(st, at + 5, q->indirect ? "indirect" : "direct", -1, SQLITE_STATIC);
    if (q->speaker_start >= 0) {
        sqlite3_bind_int64(st, at + 6, q->speaker_start);
        sqlite3_bind_int64(st, at + 7, q->speaker_end);
    }
    const char *name = q->speaker_name;
    char span_name[256];
    if (!name && q->speaker_start >= 0 && q->speaker_end > q->speaker_start
        && (size_t)q->speaker_end <= doc->len) {
        snprintf(span_name, sizeof span_name, "%.*s", (int)(q->speaker_end - q->speaker_start),
                 doc->text + q->speaker_start);
        name = span_name;
    }
    if (name) sqlite3_bind_text(st, at + 8, name, -1, SQLITE_TRANSIENT);
    bind_actor(st, at + 9, aid);
    if (q->cue_start >= 0) {
        sqlite3_bind_int64(st, at + 10, q->cue_start);
        sqlite3_bind_int64(st, at + 11, q->cue_end);
    }
    bind_text(st, at + 12, c->date);
    return LB_OK;
}

/* The sentence, mention, timex and quote rows of a stored document. */
static int put_rows(lb_store *s, const lb_doc *doc, int64_t docrow, const char *doc_date)
{
    row_ctx c = { doc, docrow, doc_date };
    int rc = insert_rows(s, LB_MT_SENT, doc->sents.len, &c, bind_sentence, "storing sentence");
    if (!rc) rc = insert_rows(s, LB_MT_MENTION, doc->mentions.len, &c, bind_mention, "storing mention");
    if (!rc) rc = insert_rows(s, LB_MT_TIMEX, doc->timex.len, &c, bind_timex, "storing timex");
    if (!rc) rc = insert_rows(s, LB_MT_QUOTE, doc->quotes.len, &c, bind_quote, "storing quote");
    return rc;
}

/* The content id of an event: the first 16 hex digits of SHA-256 over the
 * document hash, sentence, spans, trigger, type, flags and party codes.
 * The same whatever order documents are ingested in. */
static int event_eid(char out[17], const char *doc_hash, const lb_event *e, lb_buf *tmp)
{
    lb_buf_reset(tmp);
    int fail = lb_buf_printf(tmp, "%s|%u|%u|%u|%d|%d|%s|%d%d", doc_hash, e->sent, e->start, e->end,
                             e->trigger_start, e->trigger_end, e->type ? e->type : "", e->negated != 0,
                             e->hypothetical != 0);
    for (int role = 0; role < 2; role++) {
        const lb_actor_ref *refs = role ? e->recipient : e->actor;
        size_t n = role ? e->nrecipient : e->nactor;
        fail |= lb_buf_addc(tmp, role ? '>' : '|');
        for (size_t k = 0; k < n && k < LB_MAX_EVENT_PARTIES; k++)
            fail |= lb_buf_printf(tmp, "%s/%s,", refs[k].code ? refs[k].code : "", refs[k].sector ? refs[k].sector : "");
    }
    char hex[65];
    if (fail || lb_sha256_hex(hex, tmp->data, tmp->len)) return -1;
    memcpy(out, hex, 16);
    out[16] = '\0';
    return 0;
}

/* Binds and runs the events row; *ev is its row id, 0 when an event with
 * the same content id is stored already. */
static int insert_event(lb_store *s, const lb_doc *doc, int64_t docrow, const lb_event *e, const char *date,
                        const char *prec, const char *hash, lb_buf *lab, int64_t *ev)
{
    size_t na = e->nactor < LB_MAX_EVENT_PARTIES ? e->nactor : LB_MAX_EVENT_PARTIES;
    size_t nr = e->nrecipient < LB_MAX_EVENT_PARTIES ? e->nrecipient : LB_MAX_EVENT_PARTIES;
    char eid[17];
    if (event_eid(eid, hash, e, lab)) return lb_store_fail(s, LB_ENOMEM, "out of memory computing an event id");
    sqlite3_stmt *st = lb_store_stmt(s, LB_ST_EVENT);
    if (!st) return lb_store_dbfail(s, "preparing insert");
    sqlite3_bind_int64(st, 1, docrow);
    bind_sent(st, 2, e->sent < doc->sents.len ? (int64_t)e->sent : -1);
    sqlite3_bind_int64(st, 3, e->start);
    sqlite3_bind_int64(st, 4, e->end);
    sqlite3_bind_text(st, 5, e->type ? e->type : "OTHER", -1, SQLITE_STATIC);
    bind_text(st, 6, e->mode);
    bind_text(st, 7, date);
    bind_text(st, 8, e->date);
    if (party_label(lab, e->actor, na)) return lb_store_fail(s, LB_ENOMEM, "out of memory");
    if (lab->data[0]) sqlite3_bind_text(st, 9, lab->data, -1, SQLITE_TRANSIENT);
    if (party_label(lab, e->recipient, nr)) return lb_store_fail(s, LB_ENOMEM, "out of memory");
    if (lab->data[0]) sqlite3_bind_text(st, 10, lab->data, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(st, 11, e->negated != 0);
    sqlite3_bind_int(st, 12, e->hypothetical != 0);
    if (e->trigger_start >= 0) {
        sqlite3_bind_int64(st, 13, e->trigger_start);
        sqlite3_bind_int64(st, 14, e->trigger_end);
    }
    bind_text(st, 15, e->rule);
    sqlite3_bind_double(st, 16, e->confidence);
    bind_text(st, 17, e->cameo);
    sqlite3_bind_double(st, 18, e->goldstein);
    sqlite3_bind_text(st, 19, eid, 16, SQLITE_TRANSIENT);
    bind_text(st, 20, prec);
    if (run(st)) return lb_store_dbfail(s, "storing event");
    *ev = sqlite3_changes(s->db) > 0 ? sqlite3_last_insert_rowid(s->db) : 0;
    return LB_OK;
}

/* The code-level aggregates: each unordered code pair once per event, keyed
 * by the event's flags (0 real, 1 negated, 2 hypothetical, 3 both). */
static int put_dyad_aggregates(lb_store *s, const lb_event *e, const char *d, size_t na, size_t nr)
{
    char month[8] = "";
    if (strlen(d) >= 7) { memcpy(month, d, 7); month[7] = '\0'; }
    int flags = (e->negated != 0) | (e->hypothetical != 0) << 1;
    const char *seen_a[LB_MAX_EVENT_PARTIES * LB_MAX_EVENT_PARTIES], *seen_r[LB_MAX_EVENT_PARTIES * LB_MAX_EVENT_PARTIES];
    size_t nseen = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t k = 0; k < nr; k++) {
            const char *ac = e->actor[i].code, *rc = e->recipient[k].code;
            if (!ac || !*ac || !rc || !*rc) continue;
            int dup = 0;
            for (size_t j = 0; j < nseen && !dup; j++)
                dup = (!strcmp(seen_a[j], ac) && !strcmp(seen_r[j], rc)) || (!strcmp(seen_a[j], rc) && !strcmp(seen_r[j], ac));
            if (dup) continue;
            seen_a[nseen] = ac; seen_r[nseen] = rc; nseen++;
            for (int which = LB_ST_DYAD_MONTH; which <= LB_ST_DYAD_TOTAL; which++) {
                sqlite3_stmt *st = lb_store_stmt(s, which);
                if (!st) return lb_store_dbfail(s, "preparing insert");
                sqlite3_bind_text(st, 1, ac, -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 2, rc, -1, SQLITE_STATIC);
                if (which == LB_ST_DYAD_MONTH) {
                    sqlite3_bind_text(st, 3, month, -1, SQLITE_TRANSIENT);
                    sqlite3_bind_text(st, 4, e->type ? e->type : "OTHER", -1, SQLITE_STATIC);
                }
                sqlite3_bind_double(st, 5, e->goldstein);
                sqlite3_bind_int(st, 6, e->goldstein > 0);
                sqlite3_bind_int(st, 7, e->goldstein < 0);
                sqlite3_bind_int(st, 8, flags);
                if (run(st)) return lb_store_dbfail(s, "storing dyad counts");
            }
        }
    return LB_OK;
}

static int put_event(lb_store *s, const lb_doc *doc, int64_t docrow, const lb_event *e, const doc_dates *dd,
                     const char *hash, lb_buf *lab)
{
    char dbuf[11];
    const char *prec = NULL;
    const char *date = lb_store_date(dbuf, e->date, &prec);
    if (!date) { date = dd->date; prec = dd->prec; }
    int64_t aids[LB_MAX_EVENT_PARTIES], rids[LB_MAX_EVENT_PARTIES];
    size_t na = e->nactor < LB_MAX_EVENT_PARTIES ? e->nactor : LB_MAX_EVENT_PARTIES;
    size_t nr = e->nrecipient < LB_MAX_EVENT_PARTIES ? e->nrecipient : LB_MAX_EVENT_PARTIES;
    for (size_t k = 0; k < na; k++) if ((aids[k] = actor_id(s, &e->actor[k])) < 0) return lb_store_dbfail(s, "storing actor");
    for (size_t k = 0; k < nr; k++) if ((rids[k] = actor_id(s, &e->recipient[k])) < 0) return lb_store_dbfail(s, "storing actor");
    int64_t ev = 0;
    int rc = insert_event(s, doc, docrow, e, date, prec, hash, lab, &ev);
    if (rc || !ev) return rc;
    int real = !e->negated && !e->hypothetical;   /* actor counts are of real events only */
    for (int role = 0; role < 2; role++) {
        const int64_t *ids = role ? rids : aids;
        size_t n = role ? nr : na;
        for (size_t k = 0; k < n; k++) {
            if (!ids[k]) continue;
            sqlite3_stmt *st = lb_store_stmt(s, LB_ST_PARTY);
            if (!st) return lb_store_dbfail(s, "preparing insert");
            sqlite3_bind_int(st, 1, role);
            sqlite3_bind_int64(st, 2, ids[k]);
            bind_text(st, 3, date ? date : "");
            sqlite3_bind_int64(st, 4, ev);
            sqlite3_bind_int(st, 5, (e->negated != 0) | (e->hypothetical != 0) << 1);
            if (run(st)) return lb_store_dbfail(s, "storing event party");
            if (real && sqlite3_changes(s->db) > 0 && lb_counts_add(s, ids[k], role)) return LB_ERROR;   /* not for a repeated party */
        }
    }
    const char *d = date ? date : "";
    for (size_t i = 0; i < na; i++)
        for (size_t k = 0; k < nr; k++) {
            if (!aids[i] || !rids[k]) continue;
            sqlite3_stmt *st = lb_store_stmt(s, LB_ST_DYAD);
            if (!st) return lb_store_dbfail(s, "preparing insert");
            sqlite3_bind_int64(st, 1, aids[i]);
            sqlite3_bind_int64(st, 2, rids[k]);
            sqlite3_bind_text(st, 3, d, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 4, e->type ? e->type : "OTHER", -1, SQLITE_STATIC);
            sqlite3_bind_double(st, 5, e->goldstein);
            sqlite3_bind_int64(st, 6, ev);
            sqlite3_bind_int(st, 7, (e->negated != 0) | (e->hypothetical != 0) << 1);
            if (run(st)) return lb_store_dbfail(s, "storing dyad");
        }
    return put_dyad_aggregates(s, e, d, na, nr);
}

static int put_all(lb_store *s, const lb_doc *doc, const char *origin, const char *hash, const lb_index_terms *terms)
{
    /* documents, events and quotes get an ISO date or none (filters compare
     * strings); the cleaning stage normalised the publication date already */
    doc_dates dd;
    dd.date = lb_store_date(dd.buf, doc->meta.date, &dd.prec);
    const char *doc_date = dd.date;
    int64_t docrow = 0;
    int rc = put_text_layer(s, doc, &docrow, origin, hash, &dd, terms);
    if (!rc) rc = lb_counts_begin_put(s);
    if (!rc) rc = put_rows(s, doc, docrow, doc_date);
    lb_buf lab;
    lb_buf_init(&lab, 4096);
    for (size_t i = 0; !rc && i < doc->events.len; i++) {
        rc = put_event(s, doc, docrow, &LB_EVENTS(doc)[i], &dd, hash, &lab);
    }
    if (!rc) rc = lb_counts_end_put(s);
    lb_buf_free(&lab);
    return rc;
}

int lb_store_put(lb_store *s, const lb_doc *doc, const char *origin) { return lb_store_put_terms(s, doc, origin, NULL); }

int lb_store_put_terms(lb_store *s, const lb_doc *doc, const char *origin, const lb_index_terms *terms)
{
    if (s->readonly) return lb_store_fail(s, LB_EUSAGE, "store opened read-only");
    if (doc->len > (size_t)INT32_MAX) return lb_store_fail(s, LB_ELIMIT, "document too large to store");
    char hash[65];
    if (text_sha(hash, doc, terms)) return lb_store_fail(s, LB_ENOMEM, "out of memory hashing a document");
    sqlite3_stmt *st = lb_store_stmt(s, LB_ST_HAS);
    if (!st) return lb_store_dbfail(s, "preparing lookup");
    sqlite3_bind_text(st, 1, hash, 64, SQLITE_STATIC);
    int step = sqlite3_step(st);
    sqlite3_reset(st);
    if (step == SQLITE_ROW) return LB_DONE;
    if (step != SQLITE_DONE) return lb_store_dbfail(s, "looking up document");

    if (!(st = lb_store_stmt(s, LB_ST_SAVEPOINT)) || run(st)) return lb_store_dbfail(s, "savepoint");
    size_t npending = s->fts_npending;
    int rc = put_all(s, doc, origin, hash, terms);
    if (rc) {
        s->fts_npending = npending;   /* its row id may come again */
        lb_store_cache_clear(s, 0);   /* actor rows of this put are gone */
        if ((st = lb_store_stmt(s, LB_ST_ROLLBACK_TO))) run(st);
        if ((st = lb_store_stmt(s, LB_ST_RELEASE))) run(st);
        return rc;
    }
    if (!(st = lb_store_stmt(s, LB_ST_RELEASE)) || run(st)) {
        rc = lb_store_dbfail(s, "committing document");
        lb_store_cache_clear(s, 0);
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        lb_store_batch_ended(s);
        s->fts_npending = 0;
        return rc;
    }
    return LB_OK;
}
