/* strmap.c: bounded string cache (see strmap.h). */
#include "core/strmap.h"
#include "core/arena.h"
#include "core/wordset.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* k: the key, its value right after it; h: the key's hash (high bits), compared first */
typedef struct entry { const char *k; uint32_t kn, vn, h; } entry;

struct lb_strmap {
    entry *e;
    size_t cap, n, max;
    lb_arena store;
};

lb_strmap *lb_strmap_new(size_t max_entries)
{
    lb_strmap *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    size_t cap = 16;
    while (cap < max_entries * 2) cap *= 2;
    m->e = calloc(cap, sizeof *m->e);
    if (!m->e) { free(m); return NULL; }
    m->cap = cap; m->max = max_entries;
    lb_arena_init(&m->store);
    return m;
}

void lb_strmap_free(lb_strmap *m)
{
    if (!m) return;
    lb_arena_fini(&m->store);
    free(m->e);
    free(m);
}

static size_t slot(const lb_strmap *m, const char *k, size_t kn, uint32_t *tag)
{
    uint64_t h = lb_hash_bytes(k, kn);
    uint32_t t = (uint32_t)(h >> 32);
    size_t j = h & (m->cap - 1);
    while (m->e[j].k && !(m->e[j].h == t && m->e[j].kn == kn && lb_key_eq(m->e[j].k, k, kn))) j = (j + 1) & (m->cap - 1);
    *tag = t;
    return j;
}

void lb_strmap_prefetch(const lb_strmap *m, const char *k, size_t kn)
{
    __builtin_prefetch(&m->e[lb_hash_bytes(k, kn) & (m->cap - 1)]);
}

int lb_strmap_get(const lb_strmap *m, const char *k, size_t kn, const char **v, size_t *vn)
{
    uint32_t t;
    size_t j = slot(m, k, kn, &t);
    if (!m->e[j].k) return 0;
    *v = m->e[j].k + m->e[j].kn; *vn = m->e[j].vn;
    return 1;
}

int lb_strmap_put(lb_strmap *m, const char *k, size_t kn, const char *v, size_t vn)
{
    if (kn > UINT32_MAX || vn > UINT32_MAX) return -1;
    if (m->n >= m->max) {                    /* full: start afresh */
        memset(m->e, 0, m->cap * sizeof *m->e);
        lb_arena_reset(&m->store);
        m->n = 0;
    }
    uint32_t t;
    size_t j = slot(m, k, kn, &t);
    if (m->e[j].k) return 0;
    char *kc = lb_arena_alloc(&m->store, kn + vn + 1);
    if (!kc) return -1;
    memcpy(kc, k, kn);
    memcpy(kc + kn, v, vn);
    m->e[j] = (entry){ kc, (uint32_t)kn, (uint32_t)vn, t };
    m->n++;
    return 0;
}
