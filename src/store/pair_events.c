/* pair_events.c: `events --actor A --recipient R` reads the per-event dyads
 * of every actor id of A with every one of R (USA/GOV, USA/MIL, ... times
 * RUS/GOV, ...): SQLite would deduplicate them in a b-tree and sort them
 * all for the newest page. Here a hash set drops repeated events and only
 * the events are sorted. No output, no SQL text. */
#include "store/pair_events.h"
#include "core/arena.h"
#include "lagebild.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pe_event { int64_t id; const char *date; } pe_event;

typedef struct pe_set {
    pe_event *v; size_t n, cap;
    int64_t *seen; size_t nseen, capseen;   /* event ids + 1, open addressing */
    lb_arena mem;                           /* the dates */
} pe_set;

static size_t id_slot(int64_t id, size_t cap) { return (size_t)(((uint64_t)id * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1); }

/* 1 when the event is new (and now seen), 0 when seen, -1 out of memory. */
static int first_time(pe_set *t, int64_t id)
{
    if (2 * (t->nseen + 1) > t->capseen) {
        size_t nc = t->capseen ? t->capseen * 2 : 4096;
        int64_t *s = calloc(nc, sizeof *s);
        if (!s) return -1;
        for (size_t i = 0; i < t->capseen; i++)
            if (t->seen[i]) {
                size_t j = id_slot(t->seen[i] - 1, nc);
                while (s[j]) j = (j + 1) & (nc - 1);
                s[j] = t->seen[i];
            }
        free(t->seen);
        t->seen = s; t->capseen = nc;
    }
    size_t j = id_slot(id, t->capseen);
    for (; t->seen[j]; j = (j + 1) & (t->capseen - 1))
        if (t->seen[j] == id + 1) return 0;
    t->seen[j] = id + 1;
    t->nseen++;
    return 1;
}

/* date descending (SQLite's BINARY order), then id descending */
static int newest_first(const void *x, const void *y)
{
    const pe_event *p = x, *q = y;
    int c = strcmp(q->date, p->date);
    return c ? c : (p->id < q->id) - (p->id > q->id);
}

static int add_event(pe_set *t, sqlite3_stmt *st)
{
    int64_t id = sqlite3_column_int64(st, 0);
    int fresh = first_time(t, id);
    if (fresh <= 0) return fresh;
    if (t->n == t->cap) {
        size_t nc = t->cap ? t->cap * 2 : 1024;
        pe_event *v = realloc(t->v, nc * sizeof *v);
        if (!v) return -1;
        t->v = v; t->cap = nc;
    }
    const char *d = (const char *)sqlite3_column_text(st, 1);
    char *date = lb_arena_strndup(&t->mem, d ? d : "", d ? strlen(d) : 0);
    if (!date) return -1;
    t->v[t->n++] = (pe_event){ id, date };
    return 0;
}

static int json_date(lb_buf *b, const char *s)
{
    int bad = lb_buf_addc(b, '"');
    for (; *s && !bad; s++) {
        if (*s == '"' || *s == '\\') bad |= lb_buf_addc(b, '\\');
        if ((unsigned char)*s < 0x20) bad |= lb_buf_printf(b, "\\u%04x", (unsigned char)*s);
        else bad |= lb_buf_addc(b, *s);
    }
    return bad | lb_buf_addc(b, '"');
}

int lb_pair_events(sqlite3_stmt *st, size_t offset, size_t max, lb_buf *out)
{
    pe_set t = { 0 };
    lb_arena_init(&t.mem);
    int rc = LB_OK, step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW)
        if (add_event(&t, st) < 0) { rc = LB_ENOMEM; break; }
    if (!rc && step != SQLITE_DONE) rc = LB_EIO;
    if (!rc) {
        if (t.n > 1) qsort(t.v, t.n, sizeof *t.v, newest_first);
        int bad = lb_buf_addc(out, '[');
        size_t end = offset < t.n ? (max < t.n - offset ? offset + max : t.n) : offset;
        for (size_t i = offset; i < end && !bad; i++)
            bad |= (i > offset && lb_buf_addc(out, ',')) || lb_buf_printf(out, "[%lld,", (long long)t.v[i].id) ||
                   json_date(out, t.v[i].date) || lb_buf_addc(out, ']');
        if (bad | lb_buf_addc(out, ']')) rc = LB_ENOMEM;
    }
    free(t.v); free(t.seen);
    lb_arena_fini(&t.mem);
    return rc;
}
