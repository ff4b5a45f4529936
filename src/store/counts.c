/* counts.c: the kept actor counts (actors.n_actor, n_recipient, n_mentions,
 * n_quotes). A put stages its counts per actor; at its end they are written
 * with one UPDATE per actor, or, in a batch of puts only
 * (lb_store_begin_puts), added to the batch's totals, which the commit
 * writes with one UPDATE per actor the batch touched: an actor named in most
 * documents is updated once a batch instead of once a document. The counts
 * are integers, so the rows end up the same either way. Must not print. */
#include "store/store.h"
#include <stdlib.h>
#include <string.h>

/* Batch totals are kept in an array indexed by actor id (ids are dense row
 * ids); an actor with a larger id is written at the end of its put. */
#define BATCH_MAX_ID ((int64_t)1 << 22)

struct lb_put_counts { size_t n; int64_t id[LB_PUT_COUNTED]; int64_t c[LB_PUT_COUNTED][4]; };

/* Adds the counts c to actor id's row now. */
static int update_row(lb_store *s, int64_t id, const int64_t c[4])
{
    sqlite3_stmt *st = lb_store_stmt(s, LB_ST_COUNTS);
    if (!st) return lb_store_dbfail(s, "preparing update");
    sqlite3_bind_int64(st, 1, id);
    for (int k = 0; k < 4; k++) sqlite3_bind_int64(st, 2 + k, c[k]);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? LB_OK : lb_store_dbfail(s, "counting actors");
}

/* Makes room in the batch's totals for every staged actor; 0, or -1 (an id
 * out of range, no memory): then the caller writes the counts now. */
static int batch_reserve(lb_store *s, const lb_put_counts *cs)
{
    lb_batch_counts *b = &s->bcounts;
    int64_t max = 0;
    for (size_t i = 0; i < cs->n; i++) {
        if (cs->id[i] <= 0 || cs->id[i] >= BATCH_MAX_ID) return -1;
        if (cs->id[i] > max) max = cs->id[i];
    }
    if ((size_t)max >= b->cap) {
        size_t cap = b->cap ? b->cap : 1024;
        while (cap <= (size_t)max) cap *= 2;
        int64_t (*t)[4] = realloc(b->total, cap * sizeof *t);
        if (!t) return -1;
        memset(t + b->cap, 0, (cap - b->cap) * sizeof *t);
        b->total = t;
        b->cap = cap;
    }
    if (b->ntouched + cs->n > b->touched_cap) {
        size_t cap = b->touched_cap ? b->touched_cap : 1024;
        while (cap < b->ntouched + cs->n) cap *= 2;
        int64_t *t = realloc(b->touched, cap * sizeof *t);
        if (!t) return -1;
        b->touched = t;
        b->touched_cap = cap;
    }
    return 0;
}

/* Adds the staged counts to the batch's totals (room reserved). */
static void batch_add(lb_store *s, const lb_put_counts *cs)
{
    lb_batch_counts *b = &s->bcounts;
    for (size_t i = 0; i < cs->n; i++) {
        int64_t *t = b->total[cs->id[i]];
        if (!t[0] && !t[1] && !t[2] && !t[3]) b->touched[b->ntouched++] = cs->id[i];
        for (int k = 0; k < 4; k++) t[k] += cs->c[i][k];
    }
}

int lb_counts_begin_put(lb_store *s)
{
    if (!s->put_counts && !(s->put_counts = calloc(1, sizeof *s->put_counts)))
        return lb_store_fail(s, LB_ENOMEM, "out of memory");
    s->put_counts->n = 0;
    return LB_OK;
}

/* Writes the staged counts (to the batch totals when they wait for the
 * commit: all of them or, when they do not fit, none). */
static int flush_staged(lb_store *s, int to_batch)
{
    lb_put_counts *cs = s->put_counts;
    if (to_batch && !batch_reserve(s, cs)) {
        batch_add(s, cs);
        cs->n = 0;
        return LB_OK;
    }
    for (size_t i = 0; i < cs->n; i++) {
        int rc = update_row(s, cs->id[i], cs->c[i]);
        if (rc) return rc;
    }
    cs->n = 0;
    return LB_OK;
}

int lb_counts_add(lb_store *s, int64_t id, int what)
{
    lb_put_counts *cs = s->put_counts;
    if (id <= 0) return LB_OK;
    for (size_t i = 0; i < cs->n; i++) if (cs->id[i] == id) { cs->c[i][what]++; return LB_OK; }
    if (cs->n == LB_PUT_COUNTED) {
        int rc = flush_staged(s, 0);   /* inside the put's savepoint: undone with it */
        if (rc) return rc;
    }
    cs->id[cs->n] = id;
    memset(cs->c[cs->n], 0, sizeof cs->c[0]);
    cs->c[cs->n++][what] = 1;
    return LB_OK;
}

int lb_counts_end_put(lb_store *s) { return flush_staged(s, s->in_batch && s->puts_only); }

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int lb_counts_flush_batch(lb_store *s)
{
    lb_batch_counts *b = &s->bcounts;
    if (b->ntouched) qsort(b->touched, b->ntouched, sizeof *b->touched, cmp_id);   /* (touched is NULL when empty) */
    for (size_t i = 0; i < b->ntouched; i++) {
        int rc = update_row(s, b->touched[i], b->total[b->touched[i]]);
        if (rc) return rc;
    }
    lb_counts_drop_batch(s);
    return LB_OK;
}

void lb_counts_drop_batch(lb_store *s)
{
    lb_batch_counts *b = &s->bcounts;
    for (size_t i = 0; i < b->ntouched; i++) memset(b->total[b->touched[i]], 0, sizeof b->total[0]);
    b->ntouched = 0;
}

void lb_counts_free(lb_store *s)
{
    free(s->put_counts);
    free(s->bcounts.total);
    free(s->bcounts.touched);
    s->put_counts = NULL;
    memset(&s->bcounts, 0, sizeof s->bcounts);
}
