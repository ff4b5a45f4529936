/* fold_ascii.h: lower-casing of all-ASCII strings a word at a time, the
 * common case of lb_fold, inline for the tokenizer's hot path. */
#ifndef LB_FOLD_ASCII_H
#define LB_FOLD_ASCII_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ASCII upper-case letters of 8 (4) ASCII bytes at once: a byte c has its
 * high bit in (c + 0x3F) ^ (c + 0x25) exactly when 'A' <= c <= 'Z' (no carry
 * crosses bytes below 0x80); that bit moved to 0x20 lowers the letter */
static inline uint64_t lb_lower8(uint64_t x)
{
    return x | (((x + 0x3F3F3F3F3F3F3F3Full) ^ (x + 0x2525252525252525ull)) & 0x8080808080808080ull) >> 2;
}

static inline uint32_t lb_lower4(uint32_t x)
{
    return x | (((x + 0x3F3F3F3Fu) ^ (x + 0x25252525u)) & 0x80808080u) >> 2;
}

/* Lower-cases s into out when all n bytes are ASCII: 1, else 0 (out untouched). */
static inline int lb_fold_ascii(char *out, const char *s, size_t n)
{
    if (n >= 8) {
        uint64_t hi = 0, x;
        size_t k;
        for (k = 0; k + 8 <= n; k += 8) { memcpy(&x, s + k, 8); hi |= x; }
        memcpy(&x, s + n - 8, 8);
        if ((hi | x) & 0x8080808080808080ull) return 0;
        for (k = 0; k + 8 <= n; k += 8) { memcpy(&x, s + k, 8); x = lb_lower8(x); memcpy(out + k, &x, 8); }
        if (k < n) { memcpy(&x, s + n - 8, 8); x = lb_lower8(x); memcpy(out + n - 8, &x, 8); }
        return 1;
    }
    if (n >= 4) {               /* two overlapping words */
        uint32_t a, b;
        memcpy(&a, s, 4); memcpy(&b, s + n - 4, 4);
        if ((a | b) & 0x80808080u) return 0;
        a = lb_lower4(a); b = lb_lower4(b);
        memcpy(out + n - 4, &b, 4); memcpy(out, &a, 4);
        return 1;
    }
    unsigned char any = 0;
    for (size_t k = 0; k < n; k++) any |= (unsigned char)s[k];
    if (any >= 0x80) return 0;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)s[k];
        out[k] = (char)(c | (unsigned char)((unsigned char)(c - 'A') < 26) << 5);
    }
    return 1;
}
#endif
