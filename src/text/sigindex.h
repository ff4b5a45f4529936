/* sigindex.h: a fast front for lookups in a small lb_wordset (function
 * words, grammar words): per signature of a key (its length, first and last
 * byte, hashed to 12 bits) one bit, so that most other words are rejected
 * without hashing, and the one key with that signature when it is alone, so
 * that most hits end in one compare. Built once from the set's slots after
 * loading; read-only afterwards. It stores no keys of its own. */
#ifndef LB_TEXT_SIGINDEX_H
#define LB_TEXT_SIGINDEX_H
#include "core/wordset.h"
#include <stddef.h>
#include <stdint.h>

typedef struct lb_sig_entry { const char *key; uint32_t len, value; } lb_sig_entry;

typedef struct lb_sigindex {
    const lb_wordset *set;
    size_t maxlen;              /* of the keys */
    uint64_t bits[64];          /* one per signature in use */
    lb_sig_entry *one;          /* 4096: key NULL when none or several */
} lb_sigindex;

static inline unsigned lb_sig_of(const char *w, size_t n)
{
    uint32_t v = (uint32_t)n << 16 | (uint32_t)(unsigned char)w[0] << 8 | (unsigned char)w[n - 1];
    return (v * 0x9E3779B1u) >> 20;             /* 0..4095 */
}

/* Indexes the keys of set (which must outlive x and not change): 0, or -1
 * when out of memory. */
int lb_sigindex_build(lb_sigindex *x, const lb_wordset *set);
void lb_sigindex_free(lb_sigindex *x);

/* lb_wordset_get(x->set, w, n, value), with the cheap tests first */
static inline int lb_sigindex_get(const lb_sigindex *x, const char *w, size_t n, uint32_t *value)
{
    if (n == 0 || n > x->maxlen) return 0;
    unsigned b = lb_sig_of(w, n);
    if (!(x->bits[b >> 6] >> (b & 63) & 1)) return 0;
    const lb_sig_entry *e = &x->one[b];
    if (!e->key) return lb_wordset_get(x->set, w, n, value);
    if (e->len != n || !lb_key_eq(e->key, w, n)) return 0;
    if (value) *value = e->value;
    return 1;
}
#endif
