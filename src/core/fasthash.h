/* fasthash.h: a fast 32-bit hash of a byte string, eight bytes at a time,
 * for in-memory tables that are built at run time (never for hashes stored
 * in files: those keep their own function). */
#ifndef LB_FASTHASH_H
#define LB_FASTHASH_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static inline uint32_t lb_fasthash32(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0x9E3779B97F4A7C15u ^ (uint64_t)n;
    uint64_t v = 0;
    if (n >= 8) {
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            memcpy(&v, s + i, 8);
            h = (h ^ v) * 0xFF51AFD7ED558CCDu;
            h ^= h >> 32;
        }
        if (i < n) {                        /* the last eight bytes, overlapping */
            memcpy(&v, s + n - 8, 8);
            h = (h ^ v) * 0xFF51AFD7ED558CCDu;
        }
    } else {
        if (n >= 4) {
            uint32_t a, b;
            memcpy(&a, s, 4);
            memcpy(&b, s + n - 4, 4);
            v = a | (uint64_t)b << 32;
        } else if (n > 0) {
            v = (uint64_t)s[0] | (uint64_t)s[n / 2] << 8 | (uint64_t)s[n - 1] << 16;
        }
        h = (h ^ v) * 0xFF51AFD7ED558CCDu;
    }
    h ^= h >> 29;
    h *= 0xC4CEB9FE1A85EC53u;
    return (uint32_t)(h ^ (h >> 32));
}
#endif
