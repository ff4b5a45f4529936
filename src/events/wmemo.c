/* wmemo.c: the events stage's bounded word memo table (see wmemo.h). */
#include "events/wmemo.h"
#include "core/arena.h"
#include "core/hash.h"
#include <stdlib.h>
#include <string.h>

/* k: the form (in store), NULL for an empty slot; tag: the hash's high bits */
typedef struct slot { const char *k; uint32_t kn, tag; ev_wmemo v; } slot;

struct ev_memo {
    slot *s;
    size_t cap, n, max;
    const void *rules;
    lb_arena store;
};

ev_memo *ev_memo_new(size_t max_entries)
{
    ev_memo *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    size_t cap = 16;
    while (cap < max_entries * 2) cap *= 2;
    m->s = calloc(cap, sizeof *m->s);
    if (!m->s) { free(m); return NULL; }
    m->cap = cap; m->max = max_entries;
    lb_arena_init(&m->store);
    return m;
}

void ev_memo_free(ev_memo *m)
{
    if (!m) return;
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
    if (m->rules != rules && m->n) clear(m);
    m->rules = rules;
}

uint64_t ev_memo_hash(int kind, const char *w, size_t n)
{
    return lb_hash_bytes(w, n) ^ (uint64_t)kind * 0x9E3779B97F4A7C15ull;
}

void ev_memo_prefetch(const ev_memo *m, uint64_t h)
{
    __builtin_prefetch(&m->s[h & (m->cap - 1)]);
}

/* the slot of the memo (kind, w, h): its own or the empty one where it belongs */
static size_t find_slot(const ev_memo *m, uint64_t h, int kind, const char *w, size_t n)
{
    uint32_t tag = (uint32_t)(h >> 32);
    size_t j = h & (m->cap - 1);
    for (;; j = (j + 1) & (m->cap - 1)) {
        const slot *e = &m->s[j];
        if (!e->k) return j;
        if (e->tag == tag && e->kn == n + 1 && (unsigned char)e->k[0] == kind && lb_key_eq(e->k + 1, w, n)) return j;
    }
}

const ev_wmemo *ev_memo_find(const ev_memo *m, uint64_t h, int kind, const char *w, size_t n)
{
    const slot *e = &m->s[find_slot(m, h, kind, w, n)];
    return e->k ? &e->v : NULL;
}

void ev_memo_put(ev_memo *m, uint64_t h, int kind, const char *w, size_t n, const ev_wmemo *v)
{
    if (n >= UINT32_MAX) return;
    if (m->n >= m->max) clear(m);         /* full: start afresh */
    size_t j = find_slot(m, h, kind, w, n);
    if (m->s[j].k) return;
    char *k = lb_arena_alloc(&m->store, n + 1);
    if (!k) return;
    k[0] = (char)kind;
    memcpy(k + 1, w, n);
    m->s[j] = (slot){ k, (uint32_t)(n + 1), (uint32_t)(h >> 32), *v };
    m->n++;
}
