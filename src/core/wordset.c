/* wordset.c: open-addressing hash set of byte strings (see wordset.h). */
#include "core/wordset.h"
#include <stdlib.h>
#include <string.h>

struct lb_ws_slot { const char *key; uint32_t len, value; };

void lb_wordset_init(lb_wordset *s) { s->tags = NULL; s->slots = NULL; s->cap = s->count = 0; lb_arena_init(&s->keys); }
void lb_wordset_fini(lb_wordset *s)
{
    free(s->tags); free(s->slots);
    s->tags = NULL; s->slots = NULL; s->cap = s->count = 0;
    lb_arena_fini(&s->keys);
}

/* the slot index comes from the low bits, the tag from the high bits */
static inline uint32_t tag_of(uint64_t h) { return (uint32_t)(h >> 32) | 1u; }

static inline uint64_t load64(const unsigned char *b) { uint64_t w; memcpy(&w, b, 8); return w; }
static inline uint64_t load32(const unsigned char *b) { uint32_t w; memcpy(&w, b, 4); return w; }

/* 8 bytes a step (the last 1..8 bytes as two overlapping 4-byte loads or
 * three single bytes, the length mixed in first), then a 64-bit finaliser: all
 * bits depend on all bytes. Byte-wise FNV-1a cost 5 instructions a byte and
 * was the single most expensive loop of the pipeline. Values are used within
 * one process only (slots, filters), never stored. */
static inline uint64_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = 0x9E3779B97F4A7C15ull * (n + 1);
    while (n > 8) {
        h = (h ^ load64(b)) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
        b += 8; n -= 8;
    }
    uint64_t t = 0;
    if (n >= 4) t = load32(b) | load32(b + n - 4) << 32;
    else if (n) t = (uint64_t)b[0] << 16 | (uint64_t)b[n >> 1] << 8 | b[n - 1];
    h = (h ^ t) * 0x94D049BB133111EBull;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h;
}

uint64_t lb_hash_bytes(const void *p, size_t n) { return hash_bytes(p, n); }

static int grow(lb_wordset *s)
{
    size_t ncap = s->cap ? s->cap * 2 : 64;
    uint32_t *nt = calloc(ncap, sizeof *nt);
    struct lb_ws_slot *n = calloc(ncap, sizeof *n);
    if (!nt || !n) { free(nt); free(n); return -1; }
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->tags[i]) continue;
        const struct lb_ws_slot *o = &s->slots[i];
        uint64_t h = hash_bytes(o->key, o->len);
        size_t j = h & (ncap - 1);
        while (nt[j]) j = (j + 1) & (ncap - 1);
        nt[j] = s->tags[i];
        n[j] = *o;
    }
    free(s->tags); free(s->slots);
    s->tags = nt; s->slots = n; s->cap = ncap;
    return 0;
}

/* a == b over n bytes, inline (a libc call made the probe save registers) */
static inline int key_eq(const char *a, const char *b, size_t n)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    for (; n >= 8; x += 8, y += 8, n -= 8) if (load64(x) != load64(y)) return 0;
    if (n >= 4) return load32(x) == load32(y) && load32(x + n - 4) == load32(y + n - 4);
    for (; n; n--) if (*x++ != *y++) return 0;
    return 1;
}

/* Index of key's slot, or of the empty slot where it would go. */
static inline size_t probe(const lb_wordset *s, const char *key, size_t len, uint64_t h)
{
    uint32_t tag = tag_of(h);
    size_t j = h & (s->cap - 1);
    while (s->tags[j]) {
        if (s->tags[j] == tag && s->slots[j].len == len && key_eq(s->slots[j].key, key, len)) return j;
        j = (j + 1) & (s->cap - 1);
    }
    return j;
}

int lb_wordset_put(lb_wordset *s, const char *key, size_t len, uint32_t value)
{
    if (len > UINT32_MAX) return -1;
    if ((s->count + 1) * 2 > s->cap && grow(s)) return -1;
    uint64_t h = hash_bytes(key, len);
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
    size_t j = probe(s, key, len, hash_bytes(key, len));
    if (!s->tags[j]) return 0;
    if (value) *value = s->slots[j].value;
    return 1;
}
