/* fuzz_store.c: libFuzzer target for storing a document and the FTS
 * tokenizer: the input is annotated as an article (its first line also as the
 * title), stored with lb_store_put into an in-memory database (every other
 * input in a batch, with its full-text terms computed ahead as ingest's
 * workers do: lb_index_terms_compute, lb_store_put_terms) and searched for
 * with words taken from it. Invariants: a put succeeds (LB_OK, or LB_DONE
 * for a text stored already); the stored document reads back as one JSON
 * object; a search returns rows or ends cleanly. The database is renewed
 * every 200 inputs so that it stays small. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static lb_store *db;
static unsigned uses;
static lb_indexer *indexer;
static lb_index_terms *terms;

/* Puts doc; on odd uses in a batch with terms computed ahead. */
static int put(lb_doc *doc)
{
    if (!(uses & 1)) return lb_store_put(db, doc, "fuzz");
    if (!indexer) FUZZ_CHECK(lb_indexer_new(&indexer) == LB_OK && lb_index_terms_new(&terms) == LB_OK);
    int ok = lb_index_terms_compute(indexer, terms, doc) == LB_OK;
    FUZZ_CHECK(lb_store_begin(db) == LB_OK);
    int rc = lb_store_put_terms(db, doc, "fuzz", ok ? terms : NULL);
    int crc = lb_store_commit(db);
    FUZZ_CHECK(crc == LB_OK);
    return rc;
}

static void search(const char *q, int raw)
{
    lb_store_filter f;
    memset(&f, 0, sizeof f);
    f.text = q; f.raw_query = raw; f.limit = 5; f.hl_open = "["; f.hl_close = "]";
    lb_cursor *c = NULL;
    if (lb_store_query(&c, db, LB_Q_SEARCH, &f) == LB_OK) {
        int rc;
        while ((rc = lb_cursor_next(c)) == LB_OK)
            for (size_t k = 0; k < lb_cursor_ncols(c); k++) (void)lb_cursor_text(c, k);
        FUZZ_CHECK(rc == LB_DONE || rc < 0);
    }
    lb_cursor_free(c);
}

static void check_stored(const char *id)
{
    char *json = NULL;
    int rc = lb_store_doc(&json, db, id);
    FUZZ_CHECK(rc == LB_OK || rc == LB_DONE);
    if (rc == LB_OK) {
        json_error_t err;
        json_t *obj = json_loads(json, JSON_ALLOW_NUL, &err);
        FUZZ_CHECK(obj && json_is_object(obj));
        json_decref(obj);
    }
    free(json);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > ((size_t)2 << 20)) return 0;
    if (!db || ++uses % 200 == 0) {
        lb_store_close(db);
        FUZZ_CHECK(lb_store_open(&db, ":memory:", 0) == LB_OK);
    }
    lb_doc *doc = NULL;
    FUZZ_CHECK(lb_doc_new(&doc, fuzz_ctx()) == LB_OK);
    char id[32];
    snprintf(id, sizeof id, "doc-%u", uses);
    const char *nl = memchr(data, '\n', size);
    lb_input in;
    memset(&in, 0, sizeof in);
    in.id = id; in.id_len = strlen(id); in.origin = "fuzz";
    in.text = (const char *)data; in.text_len = size;
    in.title = (const char *)data; in.title_len = nl ? (size_t)(nl - (const char *)data) : 0;
    in.date = "2024-05-03"; in.date_len = 10;
    if (lb_doc_annotate(doc, &in) == LB_OK) {
        int rc = put(doc);
        if (rc != LB_OK && rc != LB_DONE) fprintf(stderr, "fuzz_store: put: %s\n", lb_store_errmsg(db));
        FUZZ_CHECK(rc == LB_OK || rc == LB_DONE);
        check_stored(id);
    }
    lb_doc_free(doc);
    /* the first 64 bytes as a plain query and as FTS5 syntax */
    char q[65];
    size_t n = size < 64 ? size : 64;
    memcpy(q, data, n);
    q[n] = '\0';
    search(q, 0);
    search(q, 1);
    return 0;
}
