/* hash.h: the one in-memory hash of byte strings (lb_hash_bytes) and an
 * inline key compare, for the tables built at run time: wordset, the events
 * word memo, the morphology form cache and lexicon filters. Never for hashes stored in data
 * files, which keep their own function. */
#ifndef LB_HASH_H
#define LB_HASH_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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
#endif
