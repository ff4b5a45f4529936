/* test_store_record.c: the ingest's write path. A store record
 * (lb_store_record) stays valid and complete after its source handle
 * annotates another document, and storing it gives the same rows as storing
 * the annotated handle itself; documents of more sentences, mentions and
 * quotes than one multi-row insert takes keep their rows and row order;
 * lb_store_begin_puts turns SQLite's foreign-key checks off only until
 * lb_store_begin, and leaves no dangling reference. */
#include "test.h"
#include "test_store_util.h"
#include "doc.h"
#include "lagebild.h"
#include "store/store.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const TEXT =
    "Berlin – Bundeskanzler Olaf Scholz hat China zu mehr Druck auf Russland aufgefordert. "
    "\"Wir erwarten, dass Peking seinen Einfluss nutzt\", sagte Scholz am Montag in Berlin. "
    "Die Bundesregierung sagte der Ukraine weitere Hilfe zu. "
    "Frankreich und Deutschland verurteilten den Angriff. "
    "Der russische Außenminister Sergej Lawrow wies die Kritik zurück. "
    "\"Das ist eine Provokation\", sagte Lawrow in Moskau.";

static lb_input input(const char *text)
{
    lb_input in;
    memset(&in, 0, sizeof in);
    in.id = "rec-1"; in.id_len = 5;
    in.text = text; in.text_len = strlen(text);
    in.date = "2022-03-07"; in.date_len = 10;
    in.lang = "de"; in.lang_len = 2;
    in.source = "test"; in.source_len = 4;
    in.origin = "test";
    return in;
}

/* Every stored row but the ingest time, as text. */
static char *dump(const char *path)
{
    static const char *const q[] = {
        "SELECT doc_id, hash, lang, title, date, source, text, body, body_spans FROM documents ORDER BY id",
        "SELECT * FROM sentences ORDER BY doc, idx", "SELECT * FROM mentions ORDER BY id",
        "SELECT * FROM actors ORDER BY id", "SELECT * FROM timex ORDER BY id", "SELECT * FROM quotes ORDER BY id",
        "SELECT * FROM events ORDER BY id", "SELECT * FROM event_parties ORDER BY event, role, actor",
        "SELECT * FROM dyad_months ORDER BY a, r, month", "SELECT * FROM docs_fts_docsize ORDER BY id",
    };
    sqlite3 *db = NULL;
    size_t cap = 1 << 20, n = 0;
    char *out = calloc(1, cap);
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    for (size_t k = 0; out && k < sizeof q / sizeof q[0]; k++) {
        sqlite3_stmt *st = NULL;
        CHECK_INT(sqlite3_prepare_v2(db, q[k], -1, &st, NULL), SQLITE_OK);
        while (st && sqlite3_step(st) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(st); c++) {
                const char *v = (const char *)sqlite3_column_text(st, c);
                n += (size_t)snprintf(out + n, cap - n, "%s%c", v ? v : "NULL", c + 1 < sqlite3_column_count(st) ? '|' : '\n');
                if (n >= cap) n = cap - 1;
            }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

/* Stores one document in a new database at path, in a batch of puts. */
static void store_one(const char *path, const lb_doc *doc)
{
    lb_store *s = NULL;
    remove_db(path);
    CHECK_INT(lb_store_open(&s, path, 0), LB_OK);
    CHECK_INT(lb_store_begin_puts(s), LB_OK);
    CHECK_INT(lb_store_put(s, doc, "test"), LB_OK);
    CHECK_INT(lb_store_commit(s), LB_OK);
    lb_store_close(s);
}

static void test_record(lb_ctx *ctx)
{
    char p1[256], p2[256];
    snprintf(p1, sizeof p1, "/tmp/lb-test-record-%d-a.db", (int)getpid());
    snprintf(p2, sizeof p2, "/tmp/lb-test-record-%d-b.db", (int)getpid());
    lb_doc *doc = NULL, *rec = NULL;
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);
    CHECK_INT(lb_doc_new(&rec, ctx), LB_OK);
    lb_input in = input(TEXT);
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    CHECK(doc->mentions.len > 0 && doc->quotes.len > 0 && doc->events.len > 0);
    store_one(p1, doc);
    CHECK_INT(lb_store_record(rec, doc), LB_OK);
    CHECK(rec->text != doc->text);
    CHECK_INT((int)rec->sents.len, (int)doc->sents.len);
    CHECK_INT((int)rec->events.len, (int)doc->events.len);
    /* the source annotates another text: the record keeps its own */
    lb_input other = input("Ein ganz anderer Text ohne Akteure. Noch ein Satz.");
    CHECK_INT(lb_doc_annotate(doc, &other), LB_OK);
    CHECK_STR(rec->text, TEXT);
    store_one(p2, rec);
    char *a = dump(p1), *b = dump(p2);
    CHECK(a && strlen(a) > 1000);
    CHECK_STR(b, a);
    free(a); free(b);
    /* a failed annotation copies its message */
    lb_input none;
    memset(&none, 0, sizeof none);
    none.text_len = 5;   /* no text but a length: refused */
    CHECK(lb_doc_annotate(doc, &none) != LB_OK);
    CHECK_INT(lb_store_record(rec, doc), LB_OK);
    CHECK_STR(lb_doc_errmsg(rec), lb_doc_errmsg(doc));
    CHECK(lb_store_record(rec, rec) == LB_EUSAGE);
    lb_doc_free(rec);
    lb_doc_free(doc);
    remove_db(p1);
    remove_db(p2);
}

/* More rows than one multi-row insert holds: all there, in order. */
static void test_many_rows(lb_ctx *ctx)
{
    char path[256];
    snprintf(path, sizeof path, "/tmp/lb-test-record-%d-m.db", (int)getpid());
    char *text = malloc(40 * 160 + 1);
    size_t n = 0;
    for (int i = 0; i < 40; i++)
        n += (size_t)sprintf(text + n, "Am %d. Mai sagte Scholz in Berlin, China und Russland seien gewarnt. ", i % 28 + 1);
    lb_doc *doc = NULL;
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);
    lb_input in = input(text);
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    CHECK(doc->sents.len > LB_MULTIROW_MAX);
    CHECK(doc->mentions.len > LB_MULTIROW_MAX);
    store_one(path, doc);
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT idx, start, end FROM sentences ORDER BY idx", -1, &st, NULL), SQLITE_OK);
    size_t i = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        CHECK_INT(sqlite3_column_int64(st, 0), (long long)i);
        CHECK_INT(sqlite3_column_int64(st, 1), LB_SENTS(doc)[i].start);
        CHECK_INT(sqlite3_column_int64(st, 2), LB_SENTS(doc)[i].end);
        i++;
    }
    CHECK_INT((int)i, (int)doc->sents.len);
    sqlite3_finalize(st);
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT start FROM mentions ORDER BY id", -1, &st, NULL), SQLITE_OK);
    i = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        CHECK_INT(sqlite3_column_int64(st, 0), LB_MENTIONS(doc)[i].start);
        i++;
    }
    CHECK_INT((int)i, (int)doc->mentions.len);
    sqlite3_finalize(st);
    sqlite3_close(db);
    lb_doc_free(doc);
    free(text);
    remove_db(path);
}

static int pragma_fk(lb_store *s)
{
    sqlite3_stmt *st = NULL;
    int on = -1;
    if (sqlite3_prepare_v2(s->db, "PRAGMA foreign_keys", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        on = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return on;
}

static void test_begin_puts(lb_ctx *ctx)
{
    char path[256];
    snprintf(path, sizeof path, "/tmp/lb-test-record-%d-f.db", (int)getpid());
    remove_db(path);
    lb_doc *doc = NULL;
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);
    lb_input in = input(TEXT);
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    lb_store *s = NULL;
    CHECK_INT(lb_store_open(&s, path, 0), LB_OK);
    CHECK_INT(pragma_fk(s), 1);
    CHECK_INT(lb_store_begin_puts(s), LB_OK);
    CHECK_INT(pragma_fk(s), 0);
    CHECK_INT(lb_store_put(s, doc, "test"), LB_OK);
    CHECK_INT(lb_store_commit(s), LB_OK);
    CHECK_INT(lb_store_begin(s), LB_OK);        /* any other batch checks again */
    CHECK_INT(pragma_fk(s), 1);
    CHECK_INT(lb_store_rollback(s), LB_OK);
    CHECK_INT(lb_store_begin_puts(s), LB_OK);
    CHECK_INT(lb_store_rollback(s), LB_OK);
    CHECK_INT(pragma_fk(s), 0);
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_DONE);   /* no row refers to a missing one */
    sqlite3_finalize(st);
    lb_store_close(s);
    lb_doc_free(doc);
    remove_db(path);
}

int main(void)
{
    lb_ctx *ctx = NULL;
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR)) { fprintf(stderr, "%s\n", lb_ctx_errmsg(ctx)); return 1; }
    test_record(ctx);
    test_many_rows(ctx);
    test_begin_puts(ctx);
    lb_ctx_free(ctx);
    return TEST_END();
}
