/* wordset.c: open-addressing hash set of byte strings (see wordset.h). */
#include "core/wordset.h"
#include <stdlib.h>
#include <string.h>

struct lb_ws_slot { const char *key; uint32_t len, value; uint64_t hash; };

void lb_wordset_init(lb_wordset *s) { s->slots = NULL; s->cap = s->count = 0; lb_arena_init(&s->keys); }
void lb_wordset_fini(lb_wordset *s) { free(s->slots); s->slots = NULL; s->cap = s->count = 0; lb_arena_fini(&s->keys); }

uint64_t lb_hash_bytes(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) { h ^= b[i]; h *= 1099511628211ull; }
    return h;
}

static int grow(lb_wordset *s)
{
    size_t ncap = s->cap ? s->cap * 2 : 64;
    struct lb_ws_slot *n = calloc(ncap, sizeof *n);
    if (!n) return -1;
    for (size_t i = 0; i < s->cap; i++) {
        struct lb_ws_slot *o = &s->slots[i];
        if (!o->key) continue;
        size_t j = o->hash & (ncap - 1);
        while (n[j].key) j = (j + 1) & (ncap - 1);
        n[j] = *o;
    }
    free(s->slots);
    s->slots = n; s->cap = ncap;
    return 0;
}

int lb_wordset_put(lb_wordset *s, const char *key, size_t len, uint32_t value)
{
    if (len > UINT32_MAX) return -1;
    if ((s->count + 1) * 2 > s->cap && grow(s)) return -1;
    uint64_t h = lb_hash_bytes(key, len);
    size_t j = h & (s->cap - 1);
    while (s->slots[j].key) {
        struct lb_ws_slot *o = &s->slots[j];
        if (o->hash == h && o->len == len && memcmp(o->key, key, len) == 0) { o->value = value; return 0; }
        j = (j + 1) & (s->cap - 1);
    }
    char *k = lb_arena_strndup(&s->keys, key, len);
    if (!k) return -1;
    s->slots[j] = (struct lb_ws_slot){ k, (uint32_t)len, value, h };
    s->count++;
    return 0;
}

int lb_wordset_get(const lb_wordset *s, const char *key, size_t len, uint32_t *value)
{
    if (!s->cap) return 0;
    uint64_t h = lb_hash_bytes(key, len);
    size_t j = h & (s->cap - 1);
    while (s->slots[j].key) {
        const struct lb_ws_slot *o = &s->slots[j];
        if (o->hash == h && o->len == len && memcmp(o->key, key, len) == 0) {
            if (value) *value = o->value;
            return 1;
        }
        j = (j + 1) & (s->cap - 1);
    }
    return 0;
}
