/* stemfilter.c: the German stem filter of the events stage (stemfilter.h):
 * an open-addressing set of 64-bit FNV-1a hashes, probed once per prefix
 * that the endings (stemends.c) allow, behind a one-bit-per-key filter. */
#include "events/stemfilter.h"
#include <stdlib.h>
#include <string.h>

#define FNV_OFFSET 1469598103934665603ull
#define FNV_PRIME 1099511628211ull
#define END3_TAG 0x8000000000000000ull      /* an ending's key: tag | its three bytes */
#define HEAD_SEED 0x84222325cbf29ce4ull      /* a head's key: FNV-1a of its bytes read backwards, another seed */
/* bytewise tests on 8 ASCII bytes: each byte's high bit; + (0x80 - 'A') sets
 * it from 'A' on, + (0x80 - 'Z' - 1) from past 'Z' on (no carries: bytes < 0x80) */
#define ASCII_HIGH 0x8080808080808080ull
#define ASCII_BELOW_A (0x0101010101010101ull * (0x80 - 'A'))
#define ASCII_ABOVE_Z (0x0101010101010101ull * (0x80 - 'Z' - 1))

static uint64_t key_of(uint64_t h) { return h ? h : 1; }    /* 0 marks an empty slot */

/* the slot of key k in slot[0..cap): its own, or the empty one where it belongs */
static size_t slot_of(const uint64_t *slot, size_t cap, uint64_t k)
{
    size_t j = (size_t)(k * 0x9E3779B97F4A7C15ull >> 20) & (cap - 1);
    while (slot[j] && slot[j] != k) j = (j + 1) & (cap - 1);
    return j;
}

/* the filter bit of key k: 8 bits a slot, a table an eighth of the slots'
 * size; most prefixes of a word are no registered string, and their clear
 * bit answers without the probe (whose slot is a cache miss) */
static size_t bloom_bit(size_t cap, uint64_t k)
{
    return (size_t)((k ^ (k >> 31)) * 0xBF58476D1CE4E5B9ull >> 32) & (cap * 8 - 1);
}

static void bloom_set(uint64_t *bloom, size_t cap, uint64_t k)
{
    size_t b = bloom_bit(cap, k);
    bloom[b >> 6] |= 1ull << (b & 63);
}

/* doubles the table (at first 1024 slots) and rehashes; -1 out of memory */
static int grow(ev_stemfilter *f)
{
    size_t cap = f->cap ? f->cap * 2 : 1024;
    uint64_t *s = calloc(cap, sizeof *s), *bloom = calloc(cap / 8, sizeof *bloom);
    if (!s || !bloom) { free(s); free(bloom); return -1; }
    for (size_t i = 0; i < f->cap; i++)
        if (f->slot[i]) { s[slot_of(s, cap, f->slot[i])] = f->slot[i]; bloom_set(bloom, cap, f->slot[i]); }
    free(f->slot); free(f->bloom);
    f->slot = s; f->bloom = bloom; f->cap = cap;
    return 0;
}

static int put(ev_stemfilter *f, uint64_t k)
{
    if ((f->n + 1) * 2 > f->cap && grow(f)) return -1;     /* at most half full */
    size_t j = slot_of(f->slot, f->cap, k);
    if (!f->slot[j]) { f->slot[j] = k; f->n++; bloom_set(f->bloom, f->cap, k); }
    return 0;
}

static int has(const ev_stemfilter *f, uint64_t k)
{
    if (!f->cap) return 0;
    size_t b = bloom_bit(f->cap, k);
    if (!(f->bloom[b >> 6] >> (b & 63) & 1)) return 0;
    return f->slot[slot_of(f->slot, f->cap, k)] == k;
}

void ev_stemfilter_fini(ev_stemfilter *f)
{
    free(f->slot);
    free(f->bloom);
    free(f->child);
    free(f->ends);
    memset(f, 0, sizeof *f);
}

int ev_stemfilter_add_stem(ev_stemfilter *f, const char *s, size_t n)
{
    uint64_t h = FNV_OFFSET;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= FNV_PRIME; }
    return put(f, key_of(h));
}

static uint64_t end3_key(const unsigned char *e) { return END3_TAG | (uint64_t)e[0] << 16 | (uint64_t)e[1] << 8 | e[2]; }

int ev_stemfilter_add_head(ev_stemfilter *f, const char *s, size_t n)
{
    if (n < 3) return 0;          /* (a word's head is looked up only after an ending of three bytes) */
    uint64_t h = HEAD_SEED;
    for (size_t i = n; i-- > 0;) { h ^= (unsigned char)s[i]; h *= FNV_PRIME; }
    if (put(f, key_of(h))) return -1;
    return put(f, end3_key((const unsigned char *)s + n - 3));
}

/* w mapped as the stemmer maps it (ä ö ü -> a o u, ß -> ss) into out; 0 when
 * w has a capital or another non-ASCII character (the filter then cannot tell) */
static size_t map_german(const char *w, size_t n, unsigned char *out)
{
    size_t k = 0, i = 0;
    /* 8 ASCII bytes with no capital at a time, copied as they are */
    for (; i + 8 <= n; i += 8, k += 8) {
        uint64_t x;
        memcpy(&x, w + i, 8);
        if (x & ASCII_HIGH) break;
        /* (high bit of a byte set: that byte lies in 'A'..'Z') */
        if (((x + ASCII_BELOW_A) & ~(x + ASCII_ABOVE_Z)) & ASCII_HIGH) break;
        memcpy(out + k, &x, 8);
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 'A' && c <= 'Z') return 0;
        if (c < 0x80) { out[k++] = c; continue; }
        if (c != 0xC3 || i + 1 >= n) return 0;
        unsigned char d = (unsigned char)w[++i];
        if (d == 0xA4) out[k++] = 'a';
        else if (d == 0xB6) out[k++] = 'o';
        else if (d == 0xBC) out[k++] = 'u';
        else if (d == 0x9F) { out[k++] = 's'; out[k++] = 's'; }
        else return 0;
    }
    return k;
}

static int is_vowel(unsigned char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

/* Snowball German's R1 of the mapped word p[0..m): after the first non-vowel
 * that follows a vowel (u and y between vowels count as consonants), at least
 * 3; every ending it removes lies inside R1 */
static size_t region1(const unsigned char *p, size_t m)
{
    for (size_t i = 1; i < m; i++) {
        int v = is_vowel(p[i - 1]) && !((p[i - 1] == 'u' || p[i - 1] == 'y') && i >= 2 && is_vowel(p[i - 2]) && is_vowel(p[i]));
        int c = !is_vowel(p[i]) || ((p[i] == 'u' || p[i] == 'y') && is_vowel(p[i - 1]) && i + 1 < m && is_vowel(p[i + 1]));
        if (v && c) return i + 1 < 3 ? 3 : i + 1;
    }
    return m;
}

/* the shortest possible stem of the mapped word p[0..m): from R1 on (all of
 * a short word), at most MAXCUT bytes cut */
static size_t stem_min(const unsigned char *p, size_t m)
{
    size_t from = region1(p, m);
    if (from > m) from = m;
    if (m > EV_STEMF_MAXCUT && from < m - EV_STEMF_MAXCUT) from = m - EV_STEMF_MAXCUT;
    return from;
}

/* 1 when a registered compound head ends at p[e] and starts at 3 or later */
static int head_ends_at(const ev_stemfilter *f, const unsigned char *p, size_t e)
{
    if (!has(f, end3_key(p + e - 3))) return 0;
    uint64_t h = HEAD_SEED;
    for (size_t k = e; k-- > 3;) {
        h ^= p[k]; h *= FNV_PRIME;
        if (e - k >= 3 && has(f, key_of(h))) return 1;
    }
    return 0;
}

int ev_stemfilter_may(const ev_stemfilter *f, const char *w, size_t n)
{
    unsigned char p[256];
    if (!n || n > 120) return 1;
    size_t m = map_german(w, n, p);
    if (!m) return 1;
    /* the stem is p[0..e) with e >= R1 (or e = m) and at most MAXCUT bytes cut */
    size_t from = stem_min(p, m);
    uint32_t cuts = ev_stemfilter_cuts(f, p, m);     /* (m - from <= MAXCUT) */
    uint64_t h = FNV_OFFSET;
    size_t e = 1;
    for (; e < from; e++) { h ^= p[e - 1]; h *= FNV_PRIME; }     /* (prefixes too short to be the stem) */
    for (; e <= m; e++) {
        h ^= p[e - 1]; h *= FNV_PRIME;
        if (!(cuts >> (m - e) & 1u)) continue;
        if (has(f, key_of(h))) return 1;
        if (e >= 6 && head_ends_at(f, p, e)) return 1;
    }
    return 0;
}
