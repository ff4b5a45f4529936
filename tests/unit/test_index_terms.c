/* test_index_terms.c: full-text terms computed ahead of a put (in ingest's
 * workers) give exactly the index the writer's own tokenizing gives: every
 * term instance (fts5vocab) equal, for German, English and unknown-language
 * articles with titles, umlauts, long words and numbers; terms computed for
 * another document are not replayed. The content hash handed on with the
 * terms (lb_index_terms_hash) is the put's key for its own document only. */
#include "test.h"
#include "lagebild.h"
#include "store/store.h"
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct { const char *title, *lang, *text; } DOCS[] = {
    { "Gipfel in Berlin", "de", "Bundeskanzlerin Merkel traf am Dienstag Macron in Berlin.\n\n"
      "Die beiden Regierungschefs sprachen über Handelsfragen, Zölle und die Donaudampfschifffahrtsgesellschaft"
      "skapitänsmütze. Übermorgen folgen 1.500 Delegierte." },
    { "Sanctions on Russia", "en", "The United States imposed new sanctions on Russia on Tuesday.\n\n"
      "Moscow condemned the measures as unlawful, officials said. Running, runners and ran 2024." },
    { NULL, "fr", "Le président a rencontré la chancelière à Paris. Ærø Ελλάδα日本語 ÉTATS-UNIS." },
    { "", "de", "Kurz." },
};
#define NDOCS (sizeof DOCS / sizeof DOCS[0])

static lb_input input(size_t i)
{
    lb_input in;
    memset(&in, 0, sizeof in);
    static char ids[NDOCS][8];
    snprintf(ids[i], sizeof ids[i], "d%zu", i);
    in.id = ids[i]; in.id_len = strlen(ids[i]);
    in.text = DOCS[i].text; in.text_len = strlen(DOCS[i].text);
    in.lang = DOCS[i].lang; in.lang_len = strlen(DOCS[i].lang);
    if (DOCS[i].title) { in.title = DOCS[i].title; in.title_len = strlen(DOCS[i].title); }
    in.date = "2021-02-02"; in.date_len = 10;
    in.origin = "test";
    return in;
}

/* Every term instance of the index as text (term, row, column, offset). */
static char *instances(lb_store *s)
{
    sqlite3_stmt *st = NULL;
    sqlite3_exec(s->db, "CREATE VIRTUAL TABLE IF NOT EXISTS temp.v USING fts5vocab(main, docs_fts, 'instance')",
                 NULL, NULL, NULL);
    CHECK_INT(sqlite3_prepare_v2(s->db, "SELECT term, doc, col, offset FROM temp.v ORDER BY 1, 2, 3, 4",
                                 -1, &st, NULL), SQLITE_OK);
    size_t cap = 1 << 16, len = 0;
    char *out = calloc(1, cap);
    while (st && out && sqlite3_step(st) == SQLITE_ROW) {
        char line[300];
        int n = snprintf(line, sizeof line, "%s|%lld|%s|%d\n", (const char *)sqlite3_column_text(st, 0),
                         sqlite3_column_int64(st, 1), (const char *)sqlite3_column_text(st, 2), sqlite3_column_int(st, 3));
        if (len + (size_t)n + 1 > cap) { char *o = realloc(out, cap *= 2); if (!o) break; out = o; }
        memcpy(out + len, line, (size_t)n + 1);
        len += (size_t)n;
    }
    sqlite3_finalize(st);
    return out;
}

/* Stores every document, with terms computed ahead (mode 1), without (0),
 * with the terms of the next document (2: they must not be used), or with
 * altered terms (3). */
static char *store_all(lb_doc *doc, lb_indexer *ix, lb_index_terms *t, int mode, const char *path)
{
    lb_store *s = NULL;
    unlink(path);
    CHECK_INT(lb_store_open(&s, path, 0), LB_OK);
    CHECK_INT(lb_store_begin(s), LB_OK);
    lb_index_terms *other = NULL;
    CHECK_INT(lb_index_terms_new(&other), LB_OK);
    for (size_t i = 0; i < NDOCS; i++) {
        if (mode == 2) {
            lb_input next = input((i + 1) % NDOCS);
            CHECK_INT(lb_doc_annotate(doc, &next), LB_OK);
            CHECK_INT(lb_index_terms_compute(ix, other, doc), LB_OK);
        }
        lb_input in = input(i);
        CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
        if (mode == 1 || mode == 3) CHECK_INT(lb_index_terms_compute(ix, t, doc), LB_OK);
        /* mode 3: the first body token altered (records: 11 bytes of head, then
         * the token), so the index shows that the terms were replayed */
        if (mode == 3 && t->col[1].end > t->col[1].off + 11) t->rec.data[t->col[1].off + 11] = 'Q';
        CHECK_INT(lb_store_put_terms(s, doc, "test", mode == 1 || mode == 3 ? t : mode == 2 ? other : NULL), LB_OK);
        CHECK_INT(lb_store_commit(s), LB_OK);   /* terms are read at commit */
        CHECK_INT(lb_store_begin(s), LB_OK);
    }
    CHECK_INT(lb_store_commit(s), LB_OK);
    char *out = instances(s);
    lb_index_terms_free(other);
    lb_store_close(s);
    unlink(path);
    return out;
}

/* The stored documents.hash of row id (64 hex digits), "" when none. */
static void stored_hash(char out[65], lb_store *s, int64_t id)
{
    sqlite3_stmt *st = NULL;
    out[0] = '\0';
    CHECK_INT(sqlite3_prepare_v2(s->db, "SELECT hash FROM documents WHERE id = ?1", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) == SQLITE_ROW) snprintf(out, 65, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
}

/* lb_index_terms_hash takes the reader's hash when the text is the same,
 * computes it otherwise, and a put uses it for its own document only. */
static void check_hash(lb_doc *doc, lb_indexer *ix, lb_index_terms *t, const char *path)
{
    lb_store *s = NULL;
    unlink(path);
    CHECK_INT(lb_store_open(&s, path, 0), LB_OK);
    char hex0[65], hex1[65], got[65];
    int found = -1;
    lb_input in0 = input(0), in1 = input(1);
    CHECK_INT(lb_store_has_text_hex(&found, s, in0.text, in0.text_len, hex0), LB_OK);
    CHECK_INT(found, 0);
    CHECK_INT(lb_store_has_text_hex(&found, s, in1.text, in1.text_len, hex1), LB_OK);
    CHECK(strlen(hex0) == 64 && strcmp(hex0, hex1));
    /* the reader's hash of another text is not taken: computed */
    CHECK_INT(lb_doc_annotate(doc, &in0), LB_OK);
    CHECK_INT(lb_index_terms_compute(ix, t, doc), LB_OK);
    CHECK_INT(lb_index_terms_hash(t, doc, in1.text, in1.text_len, hex1), LB_OK);
    CHECK_STR(t->sha, hex0);
    /* the same text: taken as given (a marked hash shows it is used, not recomputed) */
    char marked[65];
    memcpy(marked, hex0, 65);
    marked[0] = marked[0] == 'f' ? 'e' : 'f';
    CHECK_INT(lb_index_terms_hash(t, doc, in0.text, in0.text_len, marked), LB_OK);
    CHECK_STR(t->sha, marked);
    CHECK_INT(lb_store_put_terms(s, doc, "test", t), LB_OK);
    stored_hash(got, s, 1);
    CHECK_STR(got, marked);
    /* terms of document 0 with document 1: its own hash is computed */
    CHECK_INT(lb_doc_annotate(doc, &in1), LB_OK);
    CHECK_INT(lb_store_put_terms(s, doc, "test", t), LB_OK);
    stored_hash(got, s, 2);
    CHECK_STR(got, hex1);
    CHECK_INT(lb_store_has_text(&found, s, in1.text, in1.text_len), LB_OK);
    CHECK_INT(found, 1);
    lb_store_close(s);
    unlink(path);
}

int main(void)
{
    char path[256];
    snprintf(path, sizeof path, "/tmp/lb-test-terms-%d.db", (int)getpid());
    lb_ctx *ctx = NULL;
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR)) { fprintf(stderr, "%s\n", lb_ctx_errmsg(ctx)); return 1; }
    lb_doc *doc = NULL;
    lb_indexer *ix = NULL;
    lb_index_terms *t = NULL;
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);
    CHECK_INT(lb_indexer_new(&ix), LB_OK);
    CHECK_INT(lb_index_terms_new(&t), LB_OK);
    check_hash(doc, ix, t, path);
    char *plain = store_all(doc, ix, t, 0, path);
    char *ahead = store_all(doc, ix, t, 1, path);
    char *wrong = store_all(doc, ix, t, 2, path);
    char *altered = store_all(doc, ix, t, 3, path);
    CHECK(altered && strstr(altered, "Qundeskanzlerin|"));
    free(altered);
    CHECK(plain && strstr(plain, "merkel|") && strstr(plain, "sanction|") && strstr(plain, "gipfel|"));
    CHECK(plain && ahead && !strcmp(plain, ahead));
    CHECK(plain && wrong && !strcmp(plain, wrong));
    free(plain); free(ahead); free(wrong);
    lb_index_terms_free(t);
    lb_indexer_free(ix);
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
