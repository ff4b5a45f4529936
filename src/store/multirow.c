/* multirow.c: INSERT statements that write 1, 2, 4, ... LB_MULTIROW_MAX rows
 * of one table at once (sentences, mentions, timex, quotes): a document has
 * dozens of each, and one statement per row cost more in starting and
 * finishing the statement (cursors, constraint checks) than in the rows.
 * The rows are inserted in the order of the VALUES list, so row ids and
 * contents are those of single-row inserts. Must not print. */
#include "store/store.h"
#include <stdio.h>

static const struct { const char *prefix; int ncol; } tables[LB_MT_COUNT] = {
    [LB_MT_SENT] = { "INSERT OR FAIL INTO sentences(doc, idx, start, end) VALUES", 4 },
    [LB_MT_MENTION] = { "INSERT OR FAIL INTO mentions(doc, start, end, sent, type, form, actor) VALUES", 7 },
    [LB_MT_TIMEX] = { "INSERT OR FAIL INTO timex(doc, start, end, type, value) VALUES", 5 },
    [LB_MT_QUOTE] = { "INSERT OR FAIL INTO quotes(doc, start, end, sent, kind, speaker_start, speaker_end, speaker_name,"
                      " speaker_actor, cue_start, cue_end, date) VALUES", 12 },
};

int lb_multirow_ncol(int table) { return tables[table].ncol; }

size_t lb_multirow_chunk(size_t left)
{
    size_t m = LB_MULTIROW_MAX;
    while (m > left) m /= 2;
    return m;
}

/* The SQL of an insert of rows rows: the prefix and "(?,...,?)" rows times. */
static int build_sql(lb_buf *b, int table, size_t rows)
{
    int fail = lb_buf_adds(b, tables[table].prefix);
    for (size_t r = 0; r < rows; r++) {
        fail |= lb_buf_adds(b, r ? ",(" : "(");
        for (int c = 0; c < tables[table].ncol; c++) fail |= lb_buf_adds(b, c ? ",?" : "?");
        fail |= lb_buf_addc(b, ')');
    }
    return fail | lb_buf_addc(b, '\0');
}

sqlite3_stmt *lb_multirow_stmt(lb_store *s, int table, size_t rows)
{
    int k = 0;
    while (((size_t)1 << k) < rows) k++;
    sqlite3_stmt **slot = &s->multi[table][k];
    if (!*slot) {
        lb_buf sql;
        lb_buf_init(&sql, 1u << 16);
        int ok = !build_sql(&sql, table, (size_t)1 << k)
                 && sqlite3_prepare_v3(s->db, sql.data, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL) == SQLITE_OK;
        lb_buf_free(&sql);
        if (!ok) return NULL;
    }
    sqlite3_reset(*slot);
    sqlite3_clear_bindings(*slot);
    return *slot;
}

void lb_multirow_finalize(lb_store *s)
{
    for (int t = 0; t < LB_MT_COUNT; t++)
        for (int k = 0; k <= LB_MULTIROW_LOG; k++) {
            sqlite3_finalize(s->multi[t][k]);
            s->multi[t][k] = NULL;
        }
}
