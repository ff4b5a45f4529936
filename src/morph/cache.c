/* cache.c: the per-handle word-form cache of the morphology stage (cache.h). */
#include "morph/cache.h"
#include "core/zeroed.h"
#include "core/hash.h"
#include <stdlib.h>
#include <string.h>

lb_morph_cache *lb_mc_new(void)
{
    lb_morph_cache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    lb_arena_init(&c->arena);
    lb_tag_shapes_init(&c->shapes);
    c->cap = 1 << 12;
    c->slot = lb_zeroed(c->cap, sizeof *c->slot);
    if (!c->slot) { free(c); return NULL; }
    return c;
}

void lb_mc_free(lb_morph_cache *c)
{
    if (!c) return;
    lb_arena_fini(&c->arena);
    free(c->slot);
    free(c);
}

void lb_mc_trim(lb_morph_cache *c, size_t max)
{
    if (c->count <= max) return;
    lb_arena_reset(&c->arena);
    memset(c->slot, 0, c->cap * sizeof *c->slot);
    c->count = 0;
}

static int grow(lb_morph_cache *c)
{
    size_t ncap = c->cap * 2;
    lb_mc_slot *ns = lb_zeroed(ncap, sizeof *ns);
    if (!ns) return -1;
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->slot[i].e) continue;
        size_t j = c->slot[i].hash & (ncap - 1);
        while (ns[j].e) j = (j + 1) & (ncap - 1);
        ns[j] = c->slot[i];
    }
    free(c->slot);
    c->slot = ns; c->cap = ncap;
    return 0;
}

lb_mc_entry *lb_mc_add(lb_morph_cache *c, const char *form, size_t n, uint32_t hash, int ncand)
{
    if ((c->count + 1) * 2 > c->cap && grow(c)) return NULL;
    size_t k = (size_t)ncand;
    /* one block: the entry, its form (right after it: lb_mc_get compares it there),
     * then its arrays by alignment (8, 4, 2 bytes) */
    size_t fsize = (n + 8) & ~(size_t)7;
    size_t size = sizeof(lb_mc_entry) + fsize + k * (sizeof(const char *) + 4 * sizeof(uint32_t) + sizeof(uint16_t));
    lb_mc_entry *e = lb_arena_alloc(&c->arena, size);
    if (!e) return NULL;
    char *f = (char *)(e + 1);
    memset(e, 0, sizeof *e);
    e->lemma = (const char **)(f + fsize);
    memset(e->lemma, 0, k * sizeof *e->lemma);          /* the lemmas are filled lazily */
    e->sscore = (int32_t *)(e->lemma + k);
    e->sscore_first = e->sscore + k;
    e->lemma_len = (uint32_t *)(e->sscore_first + k);
    e->feats = e->lemma_len + k;
    e->cand = (uint16_t *)(e->feats + k);
    memcpy(f, form, n);
    f[n] = '\0';
    e->form = f; e->len = (uint32_t)n; e->hash = hash; e->ncand = ncand;
    size_t i = hash & (c->cap - 1);
    while (c->slot[i].e) i = (i + 1) & (c->cap - 1);
    c->slot[i] = (lb_mc_slot){ hash, (uint32_t)n, e };
    c->count++;
    return e;
}
