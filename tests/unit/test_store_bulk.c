/* test_store_bulk.c: LB_STORE_BULK (store.c). Given to the first open of the
 * process, SQLite's pages come from the one block the store set up (its
 * page-cache status counts them); a batch of puts through such a store and a
 * read-only second connection store and find the documents as usual, and
 * the writer's connection checkpoints its WAL only every 4,096 pages. */
#include "test.h"
#include "lagebild.h"
#include "store/store.h"
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *TEXTS[] = {
    "Die Regierung in Wien beschloss am Montag neue Maßnahmen gegen die Pandemie.",
    "Berlin and Paris signed an agreement on energy on Tuesday.",
};

int main(void)
{
    char path[256];
    snprintf(path, sizeof path, "/tmp/lb-test-bulk-%d.db", (int)getpid());
    unlink(path);
    lb_store *s = NULL, *ro = NULL;
    CHECK_INT(lb_store_open(&s, path, LB_STORE_BULK), LB_OK);
    lb_ctx *ctx = NULL;
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR)) { fprintf(stderr, "%s\n", lb_ctx_errmsg(ctx)); return 1; }
    lb_doc *doc = NULL;
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);
    CHECK_INT(lb_store_begin_puts(s), LB_OK);
    for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++) {
        lb_input in;
        memset(&in, 0, sizeof in);
        in.id = "d"; in.id_len = 1;
        in.text = TEXTS[i]; in.text_len = strlen(TEXTS[i]);
        in.lang = i ? "en" : "de"; in.lang_len = 2;
        in.origin = "test";
        CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
        CHECK_INT(lb_store_put(s, doc, "test"), LB_OK);
    }
    CHECK_INT(lb_store_commit(s), LB_OK);
    int cur = 0, high = 0;
    CHECK_INT(sqlite3_status(SQLITE_STATUS_PAGECACHE_USED, &cur, &high, 0), SQLITE_OK);
    CHECK(cur > 0);                      /* pages in the store's block */
    CHECK_INT(lb_store_open(&ro, path, LB_STORE_READONLY), LB_OK);
    int found = 0;
    for (size_t i = 0; i < sizeof TEXTS / sizeof *TEXTS; i++) {
        CHECK_INT(lb_store_has_text(&found, ro, TEXTS[i], strlen(TEXTS[i])), LB_OK);
        CHECK_INT(found, 1);
    }
    lb_store_close(ro);
    lb_store_close(s);
    /* a writer's batch of puts sets the rarer checkpoints once */
    CHECK_INT(lb_store_open(&s, path, 0), LB_OK);
    CHECK_INT(lb_store_begin_puts(s), LB_OK);
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_prepare_v2(s->db, "PRAGMA wal_autocheckpoint", -1, &st, NULL), SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(st, 0), 4096);
    sqlite3_finalize(st);
    CHECK_INT(lb_store_rollback(s), LB_OK);
    lb_store_close(s);
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    char side[300];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path); unlink(side);
    snprintf(side, sizeof side, "%s-shm", path); unlink(side);
    return TEST_END();
}
