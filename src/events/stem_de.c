/* stem_de.c: the Snowball German stemmer on code points (see stem_de.h).
 * Follows german.sbl of Snowball 2.2 step by step: prelude (ß -> ss; u and y
 * between vowels marked U, Y), regions R1 and R2, the three suffix steps,
 * postlude (U, Y, ä, ö, ü -> u, y, a, o, u). */
#include "events/stem_de.h"
#include <stdint.h>

#define CAP (2 * EV_STEM_DE_MAX)     /* ß doubles */

/* the grouping v: a e i o u y ä ö ü */
static int is_v(uint32_t ch)
{
    switch (ch) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y': case 0xE4: case 0xF6: case 0xFC: return 1;
    default: return 0;
    }
}

/* s_ending: b d f g h k l m n r t; st_ending: the same without r */
static int s_ending(uint32_t ch)
{
    switch (ch) {
    case 'b': case 'd': case 'f': case 'g': case 'h': case 'k': case 'l': case 'm': case 'n': case 'r': case 't': return 1;
    default: return 0;
    }
}

static int ends(const uint32_t *c, size_t len, const char *s, size_t k)
{
    if (len < k) return 0;
    for (size_t i = 0; i < k; i++) if (c[len - k + i] != (unsigned char)s[i]) return 0;
    return 1;
}
#define ENDS(c, len, lit) ends(c, len, lit, sizeof lit - 1)

static int cont(unsigned char b) { return (b & 0xC0) == 0x80; }

/* UTF-8 to code points with ß as ss; -1 for input libstemmer should take */
static int decode(const unsigned char *w, size_t n, uint32_t *c, size_t *len)
{
    size_t L = 0;
    for (size_t i = 0; i < n;) {
        unsigned b = w[i];
        uint32_t ch;
        if (b < 0x80) { ch = b; i++; }
        else if (b >= 0xC2 && b < 0xE0 && i + 1 < n && cont(w[i + 1])) {
            ch = (uint32_t)(b & 0x1F) << 6 | (w[i + 1] & 0x3F);
            i += 2;
        } else if (b >= 0xE0 && b < 0xF0 && i + 2 < n && cont(w[i + 1]) && cont(w[i + 2])) {
            ch = (uint32_t)(b & 0x0F) << 12 | (uint32_t)(w[i + 1] & 0x3F) << 6 | (w[i + 2] & 0x3F);
            if (ch < 0x800) return -1;          /* overlong: would not re-encode to its bytes */
            i += 3;
        } else return -1;
        if (L + 2 > CAP) return -1;
        if (ch == 0xDF) { c[L++] = 's'; c[L++] = 's'; }
        else c[L++] = ch;
    }
    *len = L;
    return 0;
}

static void prelude(uint32_t *c, size_t L)
{
    for (size_t p = 0; p + 2 < L; p++) {
        if (!is_v(c[p]) || !is_v(c[p + 2])) continue;
        if (c[p + 1] == 'u') c[p + 1] = 'U';
        else if (c[p + 1] == 'y') c[p + 1] = 'Y';
    }
}

/* after the first vowel, then after the first non-vowel from i; L when none */
static size_t past_region(const uint32_t *c, size_t L, size_t i)
{
    while (i < L && !is_v(c[i])) i++;
    if (i >= L) return L + 1;
    i++;
    while (i < L && is_v(c[i])) i++;
    if (i >= L) return L + 1;
    return i + 1;
}

static void mark_regions(const uint32_t *c, size_t L, size_t *p1, size_t *p2)
{
    *p1 = *p2 = L;
    if (L < 3) return;
    size_t i = past_region(c, L, 0);
    if (i > L) return;
    *p1 = i < 3 ? 3 : i;
    i = past_region(c, L, i);
    if (i > L) return;
    *p2 = i;
}

static size_t step1(const uint32_t *c, size_t len, size_t p1)
{
    size_t k;
    int var;
    if (ENDS(c, len, "ern")) { k = 3; var = 1; }
    else if (ENDS(c, len, "em") || ENDS(c, len, "er")) { k = 2; var = 1; }
    else if (ENDS(c, len, "en") || ENDS(c, len, "es")) { k = 2; var = 2; }
    else if (ENDS(c, len, "e")) { k = 1; var = 2; }
    else if (ENDS(c, len, "s")) { k = 1; var = 3; }
    else return len;
    size_t bra = len - k;
    if (p1 > bra) return len;
    if (var == 1) return bra;
    if (var == 2) return ENDS(c, bra, "niss") ? bra - 1 : bra;
    return bra >= 1 && s_ending(c[bra - 1]) ? bra : len;
}

static size_t step2(const uint32_t *c, size_t len, size_t p1)
{
    size_t k;
    int var;
    if (ENDS(c, len, "est")) { k = 3; var = 1; }
    else if (ENDS(c, len, "en") || ENDS(c, len, "er")) { k = 2; var = 1; }
    else if (ENDS(c, len, "st")) { k = 2; var = 2; }
    else return len;
    size_t bra = len - k;
    if (p1 > bra) return len;
    if (var == 1) return bra;
    return bra >= 4 && s_ending(c[bra - 1]) && c[bra - 1] != 'r' ? bra : len;
}

static size_t step3(const uint32_t *c, size_t len, size_t p1, size_t p2)
{
    size_t k;
    int var;
    if (ENDS(c, len, "end") || ENDS(c, len, "ung")) { k = 3; var = 1; }
    else if (ENDS(c, len, "isch")) { k = 4; var = 2; }
    else if (ENDS(c, len, "ig") || ENDS(c, len, "ik")) { k = 2; var = 2; }
    else if (ENDS(c, len, "lich") || ENDS(c, len, "heit")) { k = 4; var = 3; }
    else if (ENDS(c, len, "keit")) { k = 4; var = 4; }
    else return len;
    size_t bra = len - k;
    if (p2 > bra) return len;
    switch (var) {
    case 1:
        if (ENDS(c, bra, "ig") && !(bra >= 3 && c[bra - 3] == 'e') && p2 <= bra - 2) return bra - 2;
        return bra;
    case 2:
        return bra >= 1 && c[bra - 1] == 'e' ? len : bra;
    case 3:
        if ((ENDS(c, bra, "er") || ENDS(c, bra, "en")) && p1 <= bra - 2) return bra - 2;
        return bra;
    default:
        k = ENDS(c, bra, "lich") ? 4 : ENDS(c, bra, "ig") ? 2 : 0;
        if (k && p2 <= bra - k) return bra - k;
        return bra;
    }
}

static uint32_t postlude(uint32_t ch)
{
    switch (ch) {
    case 'Y': return 'y';
    case 'U': case 0xFC: return 'u';
    case 0xE4: return 'a';
    case 0xF6: return 'o';
    default: return ch;
    }
}

static size_t encode(const uint32_t *c, size_t len, char *out, size_t cap)
{
    size_t m = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t ch = postlude(c[i]);
        size_t nb = ch < 0x80 ? 1 : ch < 0x800 ? 2 : 3;
        if (m + nb + 1 > cap) return 0;
        if (ch < 0x80) out[m++] = (char)ch;
        else if (ch < 0x800) { out[m++] = (char)(0xC0 | ch >> 6); out[m++] = (char)(0x80 | (ch & 0x3F)); }
        else {
            out[m++] = (char)(0xE0 | ch >> 12);
            out[m++] = (char)(0x80 | (ch >> 6 & 0x3F));
            out[m++] = (char)(0x80 | (ch & 0x3F));
        }
    }
    if (m + 1 > cap) return 0;
    out[m] = '\0';
    return m;
}

size_t ev_stem_de(const char *w, size_t n, char *out, size_t cap)
{
    uint32_t c[CAP];
    size_t L, p1, p2;
    if (n > 3 * EV_STEM_DE_MAX || decode((const unsigned char *)w, n, c, &L)) return (size_t)-1;
    prelude(c, L);
    mark_regions(c, L, &p1, &p2);
    size_t len = step1(c, L, p1);
    len = step2(c, len, p1);
    len = step3(c, len, p1, p2);
    return encode(c, len, out, cap);
}
