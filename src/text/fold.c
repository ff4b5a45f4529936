/* fold.c: NFC normalisation plus Unicode case folding of short strings
 * (tokens, dictionary keys) through utf8proc, without allocating. */
#include "text/text.h"
#include "core/limits.h"
#include <utf8proc.h>
#include <stdint.h>
#include <string.h>

/* ASCII upper-case letters of 8 (4) ASCII bytes at once: a byte c has its
 * high bit in (c + 0x3F) ^ (c + 0x25) exactly when 'A' <= c <= 'Z' (no carry
 * crosses bytes below 0x80); that bit moved to 0x20 lowers the letter */
static inline uint64_t lower8(uint64_t x)
{
    return x | (((x + 0x3F3F3F3F3F3F3F3Full) ^ (x + 0x2525252525252525ull)) & 0x8080808080808080ull) >> 2;
}

static inline uint32_t lower4(uint32_t x)
{
    return x | (((x + 0x3F3F3F3Fu) ^ (x + 0x25252525u)) & 0x80808080u) >> 2;
}

/* Lower-cases s into out when all n bytes are ASCII: 1, else 0 (out untouched). */
static int ascii_lower(char *out, const char *s, size_t n)
{
    if (n >= 8) {
        uint64_t hi = 0, x;
        size_t k;
        for (k = 0; k + 8 <= n; k += 8) { memcpy(&x, s + k, 8); hi |= x; }
        memcpy(&x, s + n - 8, 8);
        if ((hi | x) & 0x8080808080808080ull) return 0;
        for (k = 0; k + 8 <= n; k += 8) { memcpy(&x, s + k, 8); x = lower8(x); memcpy(out + k, &x, 8); }
        if (k < n) { memcpy(&x, s + n - 8, 8); x = lower8(x); memcpy(out + n - 8, &x, 8); }
        return 1;
    }
    if (n >= 4) {               /* two overlapping words */
        uint32_t a, b;
        memcpy(&a, s, 4); memcpy(&b, s + n - 4, 4);
        if ((a | b) & 0x80808080u) return 0;
        a = lower4(a); b = lower4(b);
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

/* The general case through utf8proc; kept out of line, so that the common
 * paths do not pay for its large stack frame. */
static __attribute__((noinline)) size_t fold_utf8proc(char *out, size_t cap, const char *s, size_t n)
{
    utf8proc_int32_t buf[4 * LB_MAX_TOKEN_BYTES + 8];
    utf8proc_ssize_t m = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, buf,
                                            (utf8proc_ssize_t)(sizeof buf / sizeof buf[0]) - 1,
                                            UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
    if (m < 0 || m >= (utf8proc_ssize_t)(sizeof buf / sizeof buf[0]) - 1) return 0;
    utf8proc_ssize_t bytes = utf8proc_reencode(buf, m, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (bytes < 0 || (size_t)bytes > cap) return 0;
    memcpy(out, buf, (size_t)bytes);
    return (size_t)bytes;
}

size_t lb_fold(char *out, size_t cap, const char *s, size_t n)
{
    if (n <= cap && ascii_lower(out, s, n)) return n;
    /* fast path: Latin-1 letters (German umlauts, ß, French accents) fold by rule */
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (o + 1 > cap) return 0;
            out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
            continue;
        }
        if (c != 0xC3 || i + 1 >= n) return fold_utf8proc(out, cap, s, n);
        unsigned d = (unsigned char)s[i + 1];       /* U+00C0..U+00FF */
        if (d < 0x80 || d > 0xBF) return fold_utf8proc(out, cap, s, n);
        unsigned cp = 0xC0 + (d - 0x80);
        if (o + 2 > cap) return 0;
        if (cp == 0xDF) { out[o++] = 's'; out[o++] = 's'; }
        else {
            if (cp <= 0xDE && cp != 0xD7) cp += 0x20;
            out[o++] = (char)0xC3; out[o++] = (char)(0x80 + (cp - 0xC0));
        }
        i++;
    }
    /* a combining mark after a Latin-1 letter would need composition: only
     * marks take the slow path, and they start with bytes other than C3 */
    return o;
}
