/* timeline_sum.c: timelines of two actors given by name or Wikidata id come
 * from the per-event dyads (each event once, though it may have several
 * dyad rows); SQLite would deduplicate them in one temporary b-tree and
 * group them in another (tens of thousands of rows for two big actors).
 * Here a hash set drops repeated events and a hash table sums the months.
 * Timelines of two codes sum the rows of the monthly aggregate the same way
 * (both directions of the pair, flag variants: no sort of every row).
 * No output, no SQL text. */
#include "store/timeline_sum.h"
#include "store/rowsum.h"
#include "core/wordset.h"
#include "lagebild.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct tl_group {
    char month[8], type[32];   /* an ISO month prefix; a PLOVER type (16 characters at most) */
    int64_t events, coop, conflict, ngold;
    double gsum;
} tl_group;

typedef struct tl_sums {
    lb_idset seen;
    tl_group *v; size_t n, cap;
    uint32_t *slot; size_t nslot;           /* group index + 1 */
} tl_sums;


static uint64_t group_hash(const char *m, const char *ty) { return lb_hash_bytes(m, strlen(m)) * 31 ^ lb_hash_bytes(ty, strlen(ty)); }

static int regroup(tl_sums *t)
{
    size_t ns = t->nslot ? t->nslot * 2 : 512;
    uint32_t *s = calloc(ns, sizeof *s);
    if (!s) return -1;
    for (size_t i = 0; i < t->n; i++) {
        size_t j = group_hash(t->v[i].month, t->v[i].type) & (ns - 1);
        while (s[j]) j = (j + 1) & (ns - 1);
        s[j] = (uint32_t)i + 1;
    }
    free(t->slot);
    t->slot = s; t->nslot = ns;
    return 0;
}

static tl_group *group_get(tl_sums *t, const char *month, const char *type)
{
    if (2 * (t->n + 1) > t->nslot && regroup(t)) return NULL;
    size_t j = group_hash(month, type) & (t->nslot - 1);
    for (; t->slot[j]; j = (j + 1) & (t->nslot - 1)) {
        tl_group *g = &t->v[t->slot[j] - 1];
        if (!strcmp(g->month, month) && !strcmp(g->type, type)) return g;
    }
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 256;
        tl_group *v = realloc(t->v, nc * sizeof *v);
        if (!v) return NULL;
        t->v = v; t->cap = nc;
    }
    tl_group *g = &t->v[t->n];
    memset(g, 0, sizeof *g);
    snprintf(g->month, sizeof g->month, "%s", month);
    snprintf(g->type, sizeof g->type, "%s", type);
    t->slot[j] = (uint32_t)++t->n;
    return g;
}

/* undated ('') last, then month, then type (SQLite's BINARY order) */
static int by_month(const void *x, const void *y)
{
    const tl_group *p = x, *q = y;
    if (!p->month[0] != !q->month[0]) return p->month[0] ? -1 : 1;
    int c = strcmp(p->month, q->month);
    return c ? c : strcmp(p->type, q->type);
}

static int json_group(lb_buf *b, const tl_group *g)
{
    /* months and types are ISO prefixes and PLOVER names: nothing to escape */
    int bad = lb_buf_printf(b, "[\"%s\",\"%s\",%lld,", g->month, g->type, (long long)g->events);
    if (!g->ngold) return bad | lb_buf_adds(b, "null,null,null]");
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.17g", g->gsum);
    if (!strpbrk(tmp, ".eEn")) strcat(tmp, ".0");
    return bad | lb_buf_printf(b, "%s,%lld,%lld]", tmp, (long long)g->coop, (long long)g->conflict);
}

/* A row of monthly sums (month, type, events, gsum, coop, conflict). */
static int add_sums(tl_sums *t, sqlite3_stmt *st, int by_type)
{
    const char *month = (const char *)sqlite3_column_text(st, 0), *type = (const char *)sqlite3_column_text(st, 1);
    tl_group *g = group_get(t, month ? month : "", by_type && type ? type : "");
    if (!g) return -1;
    g->events += sqlite3_column_int64(st, 2);
    g->ngold++;
    g->gsum += sqlite3_column_double(st, 3);
    g->coop += sqlite3_column_int64(st, 4);
    g->conflict += sqlite3_column_int64(st, 5);
    return 0;
}

/* A row of one event's dyad (event, date, type, goldstein), once per event. */
static int add_row(tl_sums *t, sqlite3_stmt *st, int by_type)
{
    int fresh = lb_idset_add(&t->seen, sqlite3_column_int64(st, 0));
    if (fresh <= 0) return fresh;
    const char *date = (const char *)sqlite3_column_text(st, 1), *type = (const char *)sqlite3_column_text(st, 2);
    char month[8];
    snprintf(month, sizeof month, "%.7s", date ? date : "");
    tl_group *g = group_get(t, month, by_type && type ? type : "");
    if (!g) return -1;
    g->events++;
    if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
        double v = sqlite3_column_double(st, 3);
        g->ngold++;
        g->gsum += v;
        g->coop += v > 0;
        g->conflict += v < 0;
    }
    return 0;
}

int lb_timeline_sum(sqlite3_stmt *st, int by_type, int summed, size_t offset, size_t max, lb_buf *out)
{
    tl_sums t = { 0 };
    int rc = LB_OK, step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        if ((summed ? add_sums(&t, st, by_type) : add_row(&t, st, by_type)) < 0) { rc = LB_ENOMEM; break; }
    if (!rc && step != SQLITE_DONE) rc = LB_EIO;
    if (!rc) {
        if (t.n > 1) qsort(t.v, t.n, sizeof *t.v, by_month);
        int bad = lb_buf_addc(out, '[');
        size_t end = lb_rowsum_page_end(offset, max, t.n);
        for (size_t i = offset; i < end && !bad; i++)
            bad |= (i > offset && lb_buf_addc(out, ',')) || json_group(out, &t.v[i]);
        if (bad | lb_buf_addc(out, ']')) rc = LB_ENOMEM;
    }
    lb_idset_free(&t.seen); free(t.v); free(t.slot);
    return rc;
}
