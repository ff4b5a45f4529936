/* wordset.h: a compiled set of byte strings with a 32-bit value each
 * (open addressing, lb_hash_bytes). Built once from dictionary files, then only read.
 * Keys are copied into the set's own arena. Lookups never allocate; a dense
 * array of 32-bit hash tags is probed first, so a miss (the common case for
 * a token) touches one cache line and never the keys. */
#ifndef LB_WORDSET_H
#define LB_WORDSET_H
#include "core/arena.h"
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct lb_wordset {
    uint32_t *tags;             /* 0 = empty slot */
    struct lb_ws_slot *slots;
    size_t cap, count;
    lb_arena keys;
} lb_wordset;

void lb_wordset_init(lb_wordset *s);
void lb_wordset_fini(lb_wordset *s);
/* Adds key (or overwrites its value). 0, or -1 when out of memory. */
int lb_wordset_put(lb_wordset *s, const char *key, size_t len, uint32_t value);
/* 1 and *value when found, else 0. value may be NULL. */
int lb_wordset_get(const lb_wordset *s, const char *key, size_t len, uint32_t *value);

static inline uint64_t lb_load64(const unsigned char *b) { uint64_t w; memcpy(&w, b, 8); return w; }
static inline uint64_t lb_load32(const unsigned char *b) { uint32_t w; memcpy(&w, b, 4); return w; }

/* 8 bytes a step (the last 1..8 bytes as two overlapping 4-byte loads or
 * three single bytes, the length mixed in first), then a 64-bit finaliser: all
 * bits depend on all bytes. Byte-wise FNV-1a cost 5 instructions a byte and
 * was the single most expensive loop of the pipeline. Values are used within
 * one build only: a knowledge-base snapshot (kb_cache.c) that keeps slots is
 * stamped with the executable and rebuilt when it changes. Inline: it is on
 * every token's lookups. */
static inline uint64_t lb_hash_bytes(const void *p, size_t n)
{
    const unsigned char *b = p;
    uint64_t h = 0x9E3779B97F4A7C15ull * (n + 1);
    while (n > 8) {
        h = (h ^ lb_load64(b)) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
        b += 8; n -= 8;
    }
    uint64_t t = 0;
    if (n >= 4) t = lb_load32(b) | lb_load32(b + n - 4) << 32;
    else if (n) t = (uint64_t)b[0] << 16 | (uint64_t)b[n >> 1] << 8 | b[n - 1];
    h = (h ^ t) * 0x94D049BB133111EBull;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h;
}

/* a == b over n bytes, inline (a libc call costs more on short words) */
static inline int lb_key_eq(const char *a, const char *b, size_t n)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    for (; n >= 8; x += 8, y += 8, n -= 8) if (lb_load64(x) != lb_load64(y)) return 0;
    if (n >= 4) return lb_load32(x) == lb_load32(y) && lb_load32(x + n - 4) == lb_load32(y + n - 4);
    for (; n; n--) if (*x++ != *y++) return 0;
    return 1;
}
/* Snapshots (compiled caches of dictionaries): slot i's tag, key, length and
 * value, 1 when the slot is used, else 0. */
int lb_wordset_slot(const lb_wordset *s, size_t i, uint32_t *tag, const char **key, uint32_t *len, uint32_t *value);
/* Makes an empty s a table of cap slots (0 or a power of two) that will
 * hold count keys (fewer than cap, so that probes end): 0, or -1. */
int lb_wordset_reserve(lb_wordset *s, size_t cap, size_t count);
/* Fills slot i as lb_wordset_slot gave it; the key is borrowed (it must
 * outlive s). Slots out of range or with tag 0 are ignored. */
void lb_wordset_set_slot(lb_wordset *s, size_t i, uint32_t tag, const char *key, uint32_t len, uint32_t value);
#endif
