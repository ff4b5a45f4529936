/* wordset.c: open-addressing hash set of byte strings (see wordset.h). */
#include "core/wordset.h"
#include <stdlib.h>
#include <string.h>

void lb_wordset_init(lb_wordset *s) { s->tags = NULL; s->slots = NULL; s->cap = s->count = 0; lb_arena_init(&s->keys); }
void lb_wordset_fini(lb_wordset *s)
{
    free(s->tags); free(s->slots);
    s->tags = NULL; s->slots = NULL; s->cap = s->count = 0;
    lb_arena_fini(&s->keys);
}

/* the slot index comes from the low bits, the tag from the high bits */
static inline uint32_t tag_of(uint64_t h) { return (uint32_t)(h >> 32) | 1u; }


static int grow(lb_wordset *s)
{
    size_t ncap = s->cap ? s->cap * 2 : 64;
    uint32_t *nt = calloc(ncap, sizeof *nt);
    struct lb_ws_slot *n = calloc(ncap, sizeof *n);
    if (!nt || !n) { free(nt); free(n); return -1; }
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->tags[i]) continue;
        const struct lb_ws_slot *o = &s->slots[i];
        uint64_t h = lb_hash_bytes(o->key, o->len);
        size_t j = h & (ncap - 1);
        while (nt[j]) j = (j + 1) & (ncap - 1);
        nt[j] = s->tags[i];
        n[j] = *o;
    }
    free(s->tags); free(s->slots);
    s->tags = nt; s->slots = n; s->cap = ncap;
    return 0;
}

/* Index of key's slot, or of the empty slot where it would go. */
static inline size_t probe(const lb_wordset *s, const char *key, size_t len, uint64_t h)
{
    uint32_t tag = tag_of(h);
    size_t j = h & (s->cap - 1);
    while (s->tags[j]) {
        if (s->tags[j] == tag && s->slots[j].len == len && lb_key_eq(s->slots[j].key, key, len)) return j;
        j = (j + 1) & (s->cap - 1);
    }
    return j;
}

int lb_wordset_put(lb_wordset *s, const char *key, size_t len, uint32_t value)
{
    if (len > UINT32_MAX) return -1;
    if ((s->count + 1) * 2 > s->cap && grow(s)) return -1;
    uint64_t h = lb_hash_bytes(key, len);
    size_t j = probe(s, key, len, h);
    if (s->tags[j]) { s->slots[j].value = value; return 0; }
    char *k = lb_arena_strndup(&s->keys, key, len);
    if (!k) return -1;
    s->tags[j] = tag_of(h);
    s->slots[j] = (struct lb_ws_slot){ k, (uint32_t)len, value };
    s->count++;
    return 0;
}

int lb_wordset_get(const lb_wordset *s, const char *key, size_t len, uint32_t *value)
{
    if (!s->cap) return 0;
    size_t j = probe(s, key, len, lb_hash_bytes(key, len));
    if (!s->tags[j]) return 0;
    if (value) *value = s->slots[j].value;
    return 1;
}

/* Snapshots: a compiled cache of dictionaries (src/actors/kb_cache.c) copies
 * the table slot by slot and restores it without hashing a key again. */
int lb_wordset_slot(const lb_wordset *s, size_t i, uint32_t *tag, const char **key, uint32_t *len, uint32_t *value)
{
    if (i >= s->cap || !s->tags[i]) return 0;
    *tag = s->tags[i]; *key = s->slots[i].key; *len = s->slots[i].len; *value = s->slots[i].value;
    return 1;
}

int lb_wordset_reserve(lb_wordset *s, size_t cap, size_t count)
{
    if (s->cap || (cap & (cap - 1)) || count >= cap) return -1;
    if (!cap) return 0;
    s->tags = calloc(cap, sizeof *s->tags);
    s->slots = calloc(cap, sizeof *s->slots);
    if (!s->tags || !s->slots) { free(s->tags); free(s->slots); s->tags = NULL; s->slots = NULL; return -1; }
    s->cap = cap;
    s->count = count;
    return 0;
}

void lb_wordset_set_slot(lb_wordset *s, size_t i, uint32_t tag, const char *key, uint32_t len, uint32_t value)
{
    if (i >= s->cap || !tag) return;
    s->tags[i] = tag;
    s->slots[i] = (struct lb_ws_slot){ key, len, value };
}
