/* dyad_sum.c: the per-pair sums of `actors` dyads over a date range. The
 * rows come from the pair tables (whole years, then the months of the
 * bounds' years) in key order; SQLite's GROUP BY would sort all of them
 * (tens of thousands on a large database), here a hash table sums them and
 * only the pairs (a few thousand) are sorted. No output, no SQL text. */
#include "store/dyad_sum.h"
#include "store/rowsum.h"
#include "core/arena.h"
#include "core/wordset.h"
#include "lagebild.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pair_sum {
    const char *a, *r;
    int64_t events, coop, conflict;
    double gsum;
} pair_sum;

typedef struct pair_table {
    pair_sum *v; size_t n, cap;
    uint32_t *slot; size_t nslot;   /* index + 1 into v; 0 = empty */
    lb_arena mem;
} pair_table;

static uint64_t pair_hash(const char *a, const char *r)
{
    return lb_hash_bytes(a, strlen(a)) * 31 ^ lb_hash_bytes(r, strlen(r));
}

static int rehash(pair_table *t)
{
    size_t ns = t->nslot ? t->nslot * 2 : 1024;
    uint32_t *s = calloc(ns, sizeof *s);
    if (!s) return -1;
    for (size_t i = 0; i < t->n; i++) {
        size_t j = pair_hash(t->v[i].a, t->v[i].r) & (ns - 1);
        while (s[j]) j = (j + 1) & (ns - 1);
        s[j] = (uint32_t)i + 1;
    }
    free(t->slot);
    t->slot = s; t->nslot = ns;
    return 0;
}

static pair_sum *pair_get(pair_table *t, const char *a, const char *r)
{
    if (2 * (t->n + 1) > t->nslot && rehash(t)) return NULL;
    size_t j = pair_hash(a, r) & (t->nslot - 1);
    for (; t->slot[j]; j = (j + 1) & (t->nslot - 1)) {
        pair_sum *p = &t->v[t->slot[j] - 1];
        if (!strcmp(p->a, a) && !strcmp(p->r, r)) return p;
    }
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 512;
        pair_sum *v = realloc(t->v, nc * sizeof *v);
        if (!v || nc >= UINT32_MAX) { if (v) t->v = v; return NULL; }
        t->v = v; t->cap = nc;
    }
    pair_sum *p = &t->v[t->n];
    *p = (pair_sum){ lb_arena_strndup(&t->mem, a, strlen(a)), lb_arena_strndup(&t->mem, r, strlen(r)), 0, 0, 0, 0.0 };
    if (!p->a || !p->r) return NULL;
    t->slot[j] = (uint32_t)++t->n;
    return p;
}

/* events descending, then a, then r (SQLite's BINARY order of the codes) */
static int by_events(const void *x, const void *y)
{
    const pair_sum *p = x, *q = y;
    if (p->events != q->events) return p->events > q->events ? -1 : 1;
    int c = strcmp(p->a, q->a);
    return c ? c : strcmp(p->r, q->r);
}


/* A real that reads back as the same double and as a real (never "3"). */
static int json_real(lb_buf *b, double v)
{
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.17g", v);
    if (!strpbrk(tmp, ".eEn")) strcat(tmp, ".0");
    return lb_buf_adds(b, tmp);
}

static int write_json(pair_table *t, size_t offset, size_t max, lb_buf *out)
{
    int bad = lb_buf_addc(out, '[');
    size_t end = lb_rowsum_page_end(offset, max, t->n);
    for (size_t i = offset; i < end && !bad; i++) {
        const pair_sum *p = &t->v[i];
        bad |= (i > offset && lb_buf_addc(out, ',')) || lb_buf_addc(out, '[') || lb_rowsum_json_str(out, p->a) || lb_buf_addc(out, ',') ||
               lb_rowsum_json_str(out, p->r) || lb_buf_printf(out, ",%lld,", (long long)p->events) || json_real(out, p->gsum) ||
               lb_buf_printf(out, ",%lld,%lld]", (long long)p->coop, (long long)p->conflict);
    }
    return bad | lb_buf_addc(out, ']');
}

int lb_dyad_sum(sqlite3_stmt *st, size_t offset, size_t max, lb_buf *out)
{
    pair_table t = { 0 };
    lb_arena_init(&t.mem);
    int rc = LB_OK, step;
    while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *a = (const char *)sqlite3_column_text(st, 0), *r = (const char *)sqlite3_column_text(st, 1);
        pair_sum *p = pair_get(&t, a ? a : "", r ? r : "");
        if (!p) { rc = LB_ENOMEM; break; }
        p->events += sqlite3_column_int64(st, 2);
        p->gsum += sqlite3_column_double(st, 3);
        p->coop += sqlite3_column_int64(st, 4);
        p->conflict += sqlite3_column_int64(st, 5);
    }
    if (!rc && step != SQLITE_DONE) rc = LB_EIO;
    if (!rc) {
        if (t.n > 1) qsort(t.v, t.n, sizeof *t.v, by_events);
        if (write_json(&t, offset, max, out)) rc = LB_ENOMEM;
    }
    free(t.v); free(t.slot);
    lb_arena_fini(&t.mem);
    return rc;
}
