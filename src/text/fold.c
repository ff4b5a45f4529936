/* fold.c: NFC normalisation plus Unicode case folding of short strings
 * (tokens, dictionary keys) through utf8proc, without allocating. */
#include "text/text.h"
#include "text/fold_ascii.h"
#include "core/limits.h"
#include <utf8proc.h>
#include <stdint.h>
#include <string.h>

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

/* Bytes of s at i that folding leaves as they are, past ASCII and Latin-1
 * letters: U+0080..U+00BF but U+00B5 (micro sign, folds to mu), and general
 * punctuation U+2002..U+203F (U+2000 and U+2001 decompose); their number,
 * or 0. None of them is cased, decomposes or composes with a neighbour
 * (test_text checks every one against utf8proc). */
static inline size_t fold_invariant(const unsigned char *s, size_t n, size_t i)
{
    if (s[i] == 0xC2 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80 && s[i + 1] != 0xB5) return 2;
    if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] & 0xC0) == 0x80 && s[i + 2] >= 0x82) return 3;
    return 0;
}

size_t lb_fold(char *out, size_t cap, const char *s, size_t n)
{
    if (n <= cap && lb_fold_ascii(out, s, n)) return n;
    /* fast path: Latin-1 letters (German umlauts, ß, French accents) fold by
     * rule; signs and punctuation that do not fold are copied */
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (o + 1 > cap) return 0;
            out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
            continue;
        }
        size_t k = fold_invariant((const unsigned char *)s, n, i);
        if (k) {
            if (o + k > cap) return 0;
            memcpy(out + o, s + i, k); o += k; i += k - 1;
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
     * marks take the slow path, and they start with bytes other than C2, C3
     * and E2 */
    return o;
}
