/* utf8.c: UTF-8 validation, decoding and repair (see utf8.h). */
#include "core/utf8.h"
#include <string.h>

size_t lb_utf8_decode(const char *str, size_t n, int32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    if (c < 0x80) { *cp = (int32_t)c; return 1; }
    *cp = -1;
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    int32_t v;
    if (c >= 0xC2 && c <= 0xDF) { need = 1; v = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2; v = c & 0x0F;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3; v = c & 0x07;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else return 1;
    size_t i = 1;
    for (; i <= need; i++) {
        if (i >= n) return i;
        unsigned d = s[i];
        if (d < lo || d > hi) return i;
        lo = 0x80; hi = 0xBF;
        v = (v << 6) | (int32_t)(d & 0x3F);
    }
    *cp = v;
    return need + 1;
}

size_t lb_utf8_valid_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        /* fast path: 8 ASCII bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        if ((unsigned char)s[i] < 0x80) { i++; continue; }
        int32_t cp;
        size_t l = lb_utf8_decode(s + i, n - i, &cp);
        if (cp < 0) return i;
        i += l;
    }
    return n;
}

int lb_utf8_repair(lb_buf *out, const char *s, size_t n, size_t *repaired, size_t *nuls)
{
    size_t i = 0;
    while (i < n) {
        size_t ok = lb_utf8_valid_prefix(s + i, n - i);
        const char *z = memchr(s + i, '\0', ok);
        if (z) ok = (size_t)(z - (s + i));
        if (lb_buf_add(out, s + i, ok)) return -1;
        i += ok;
        if (i >= n) break;
        if (s[i] == '\0') {
            if (lb_buf_addc(out, ' ')) return -1;
            if (nuls) (*nuls)++;
            i++;
            continue;
        }
        int32_t cp;
        size_t l = lb_utf8_decode(s + i, n - i, &cp);
        if (lb_buf_add(out, "\xEF\xBF\xBD", 3)) return -1;
        if (repaired) (*repaired)++;
        i += l;
    }
    return 0;
}

size_t lb_utf8_encode(char *out, int32_t cp)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) { o[0] = (unsigned char)(0xC0 | (cp >> 6)); o[1] = (unsigned char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12)); o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F)); return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18)); o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}
