/* cache.c: the per-handle word-form cache of the morphology stage (cache.h). */
#include "morph/cache.h"
#include <stdlib.h>
#include <string.h>

lb_morph_cache *lb_mc_new(void)
{
    lb_morph_cache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    lb_arena_init(&c->arena);
    c->cap = 1 << 12;
    c->slot = calloc(c->cap, sizeof *c->slot);
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

static uint32_t hash_form(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 16777619u; }
    return h;
}

lb_mc_entry *lb_mc_get(const lb_morph_cache *c, const char *form, size_t n, uint32_t *hash)
{
    uint32_t h = hash_form(form, n);
    *hash = h;
    for (size_t i = h & (c->cap - 1);; i = (i + 1) & (c->cap - 1)) {
        lb_mc_entry *e = c->slot[i];
        if (!e) return NULL;
        if (e->hash == h && e->len == n && !memcmp(e->form, form, n)) return e;
    }
}

static int grow(lb_morph_cache *c)
{
    size_t ncap = c->cap * 2;
    lb_mc_entry **ns = calloc(ncap, sizeof *ns);
    if (!ns) return -1;
    for (size_t i = 0; i < c->cap; i++) {
        lb_mc_entry *e = c->slot[i];
        if (!e) continue;
        size_t j = e->hash & (ncap - 1);
        while (ns[j]) j = (j + 1) & (ncap - 1);
        ns[j] = e;
    }
    free(c->slot);
    c->slot = ns; c->cap = ncap;
    return 0;
}

lb_mc_entry *lb_mc_add(lb_morph_cache *c, const char *form, size_t n, uint32_t hash, int ncand)
{
    if ((c->count + 1) * 2 > c->cap && grow(c)) return NULL;
    lb_mc_entry *e = lb_arena_calloc(&c->arena, 1, sizeof *e);
    char *f = lb_arena_strndup(&c->arena, form, n);
    size_t k = (size_t)ncand;
    if (!e || !f) return NULL;
    e->cand = lb_arena_alloc(&c->arena, k * sizeof *e->cand);
    e->sscore = lb_arena_alloc(&c->arena, k * sizeof *e->sscore);
    e->lemma = lb_arena_calloc(&c->arena, k, sizeof *e->lemma);
    e->lemma_len = lb_arena_alloc(&c->arena, k * sizeof *e->lemma_len);
    e->feats = lb_arena_alloc(&c->arena, k * sizeof *e->feats);
    if (!e->cand || !e->sscore || !e->lemma || !e->lemma_len || !e->feats) return NULL;
    e->form = f; e->len = (uint32_t)n; e->hash = hash; e->ncand = ncand;
    size_t i = hash & (c->cap - 1);
    while (c->slot[i]) i = (i + 1) & (c->cap - 1);
    c->slot[i] = e;
    c->count++;
    return e;
}
