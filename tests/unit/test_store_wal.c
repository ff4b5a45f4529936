/* test_store_wal.c: a batch of puts (lb_store_begin_puts, ingest) makes
 * the connection checkpoint its WAL every 4,096 pages instead of SQLite's
 * 1,000 (store.c); a plain batch leaves SQLite's default. */
#include "test.h"
#include "lagebild.h"
#include "store/store.h"
#include <sqlite3.h>
#include <stdio.h>
#include <unistd.h>

static int autocheckpoint(lb_store *s)
{
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_prepare_v2(s->db, "PRAGMA wal_autocheckpoint", -1, &st, NULL), SQLITE_OK);
    int v = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    return v;
}

int main(void)
{
    char path[256], side[300];
    snprintf(path, sizeof path, "/tmp/lb-test-wal-%d.db", (int)getpid());
    unlink(path);
    lb_store *s = NULL;
    CHECK_INT(lb_store_open(&s, path, 0), LB_OK);
    CHECK_INT(lb_store_begin(s), LB_OK);
    CHECK_INT(autocheckpoint(s), 1000);
    CHECK_INT(lb_store_commit(s), LB_OK);
    CHECK_INT(lb_store_begin_puts(s), LB_OK);
    CHECK_INT(autocheckpoint(s), 4096);
    CHECK_INT(lb_store_commit(s), LB_OK);
    lb_store_close(s);
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path); unlink(side);
    snprintf(side, sizeof side, "%s-shm", path); unlink(side);
    return TEST_END();
}
