/* fold.c: NFC normalisation plus Unicode case folding of short strings
 * (tokens, dictionary keys) through utf8proc, without allocating. */
#include "text/text.h"
#include "core/limits.h"
#include <utf8proc.h>
#include <string.h>

size_t lb_fold(char *out, size_t cap, const char *s, size_t n)
{
    size_t i = 0, o;
    if (n <= cap) {             /* the ASCII prefix: lower-cased by rule */
        for (; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= 0x80) break;
            out[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
        }
        if (i == n) return n;
    }
    /* fast path: Latin-1 letters (German umlauts, ß, French accents) fold by rule */
    for (o = i; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (o + 1 > cap) return 0;
            out[o++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
            continue;
        }
        if (c != 0xC3 || i + 1 >= n) goto slow;
        unsigned d = (unsigned char)s[i + 1];       /* U+00C0..U+00FF */
        if (d < 0x80 || d > 0xBF) goto slow;
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
slow:;
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
