/* pair_events.c: `events --actor A --recipient R` reads the per-event dyads
 * of every actor id of A with every one of R (USA/GOV, USA/MIL, ... times
 * RUS/GOV, ...): SQLite would deduplicate them in a b-tree and sort them
 * all for the newest page. Here a hash set drops repeated events and only
 * the events are sorted. No output, no SQL text. */
#include "store/pair_events.h"
#include "store/rowsum.h"
#include "core/arena.h"
#include "lagebild.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pe_event { int64_t id; const char *date; } pe_event;

typedef struct pe_set {
    pe_event *v; size_t n, cap;
    lb_idset seen;
    lb_arena mem;                           /* the dates */
} pe_set;


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
    int fresh = lb_idset_add(&t->seen, id);
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
        size_t end = lb_rowsum_page_end(offset, max, t.n);
        for (size_t i = offset; i < end && !bad; i++)
            bad |= (i > offset && lb_buf_addc(out, ',')) || lb_buf_printf(out, "[%lld,", (long long)t.v[i].id) ||
                   lb_rowsum_json_str(out, t.v[i].date) || lb_buf_addc(out, ']');
        if (bad | lb_buf_addc(out, ']')) rc = LB_ENOMEM;
    }
    free(t.v); lb_idset_free(&t.seen);
    lb_arena_fini(&t.mem);
    return rc;
}
