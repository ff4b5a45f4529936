/* wmemo.c: the events stage's bounded word memo table (see wmemo.h). */
#include "events/wmemo.h"
#include "core/zeroed.h"
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

ev_memo *ev_memo_new(size_t max_entries)
{
    ev_memo *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    size_t cap = 16;
    while (cap < max_entries * 2) cap *= 2;
    /* (16 MB read in no order: on huge pages, else most lookups missed the
     * TLB - perf put a quarter of ev_sent_build's samples on the slot's prefetch) */
    m->s = cap <= SIZE_MAX / sizeof *m->s ? lb_zeroed_huge(cap * sizeof *m->s) : NULL;
    if (!m->s) { free(m); return NULL; }
    m->cap = cap; m->max = max_entries;
    lb_arena_init(&m->store);
    return m;
}

void ev_memo_free(ev_memo *m)
{
    if (!m) return;
    if (m->stemmer) sb_stemmer_delete(m->stemmer);
    lb_arena_fini(&m->store);
    free(m->s);
    free(m);
}

static void clear(ev_memo *m)
{
    memset(m->s, 0, m->cap * sizeof *m->s);
    lb_arena_reset(&m->store);
    m->n = 0;
}

void ev_memo_rules(ev_memo *m, const void *rules)
{
    if (m->rules != rules) {
        if (m->n) clear(m);
        memset(m->byte_set, 0, sizeof m->byte_set);
    }
    m->rules = rules;
}

void ev_memo_put(ev_memo *m, uint64_t h, int kind, const char *w, size_t n, const ev_wmemo *v)
{
    if (n > UINT16_MAX) return;
    if (m->n >= m->max) clear(m);         /* full: start afresh */
    size_t j = ev_memo_slot_of(m, h, kind, w, n);
    ev_memo_slot *e = &m->s[j];
    if (e->kind) return;
    if (n > EV_MEMO_INLINE) {
        char *k = lb_arena_alloc(&m->store, n);
        if (!k) return;
        memcpy(k, w, n);
        memcpy(e->key, &k, sizeof k);
    } else {
        memcpy(e->key, w, n);
    }
    e->v = *v;
    e->tag = (uint32_t)(h >> 32);
    e->n = (uint16_t)n;
    e->kind = (uint8_t)kind;
    m->n++;
}
