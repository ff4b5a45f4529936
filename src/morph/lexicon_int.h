/* lexicon_int.h: the loaded form of a compiled lexicon (data/morph/README.md),
 * shared by the loader/lookup (lexicon.c) and the guesser (lexicon_guess.c).
 * Every section pointer points into the file's bytes, read-only; all offsets,
 * ids and the hash index were validated at load time. */
#ifndef LB_LEXICON_INT_H
#define LB_LEXICON_INT_H
#include "lexicon.h"
#include "core/hash.h"
#include <string.h>

enum { LBX_VERSION = 2, LBX_SECTIONS = 14, LBX_HEADER = 16 + 8 * LBX_SECTIONS };


struct lb_lexicon {
    const unsigned char *data;        /* the whole file (read into our block, or borrowed memory) */
    size_t size;
    int owned;                        /* data is our block (freed by lb_lexicon_free) */
    const unsigned char *form_off, *form_blob, *form_grp, *groups;
    const unsigned char *set_off, *set_items, *tags;
    const unsigned char *lemma_off, *lemma_blob;
    const unsigned char *suf_off, *suf_blob, *suf_rule, *rules;
    const unsigned char *hash;        /* the file's index (section 13): not read, see slots */
    uint32_t n_forms, n_groups, n_sets, n_items, n_tags, n_lemmas, n_suf, n_rules;
    uint32_t lemma_bits, lemma_mask;
    /* built at load: a blocked bloom filter of the forms by their fast hash
     * (lbx_hash): one word a form, three bits set in it (lbx_bloom_bits). A
     * clear bit answers all but ~1% of the lookups of absent forms from a
     * table small enough to stay in the cache, in one read. */
    uint64_t *bloom;
    uint32_t bloom_mask;              /* words - 1 */
    /* built at load: the forms by the same hash, open addressing (form 0 =
     * empty; see struct lbx_slot). A lookup reads the form's bytes, and
     * for most forms (one lemma group) its readings' ids, from the slot's
     * numbers: no miss on form_off, form_grp or groups. The file's own
     * index (fnv1a, section 13) is not read. */
    struct lbx_slot *slots;
    uint32_t slot_mask;
    /* built at load: the suffix keys by fast hash (index + 1, 0 = empty) */
    uint32_t *suf_index;
    uint32_t suf_index_mask;
};

/* A slot of the in-memory form index. tag: 22 bits of the form's hash (a
 * fingerprint: other forms in the probe sequence are passed without
 * reading their bytes), LBX_HAS when the form has readings, LBX_ONE when
 * it has exactly one lemma group (then group is that group's word of the
 * groups section), and the form's length in the low 8 bits (LBX_LONG: 255
 * or more, form_off has it). form: the form's index + 1; off: its bytes in
 * form_blob. */
struct lbx_slot { uint32_t tag, form, off, group; };
enum { LBX_HAS = 1u << 9, LBX_ONE = 1u << 8, LBX_LONG = 255 };

/* The hash of a form the in-memory index and bloom filter use. */
static inline uint64_t lbx_hash(const char *form, size_t n) { return lb_hash_bytes(form, n); }

/* The three bits of a form with hash h in its bloom word (hash bits 20..37;
 * the word is chosen by the low bits, the slot fingerprint by bits 42..63). */
static inline uint64_t lbx_bloom_bits(uint64_t h)
{
    return (uint64_t)1 << (h >> 20 & 63) | (uint64_t)1 << (h >> 26 & 63) | (uint64_t)1 << (h >> 32 & 63);
}

/* The bloom word of a form with hash h. */
static inline const uint64_t *lbx_bloom_word(const lb_lexicon *lx, uint64_t h) { return &lx->bloom[h & lx->bloom_mask]; }

/* 0 when the lexicon surely lacks the form with hash h (its bloom bits are not all set). */
static inline int lbx_bloom_may(const lb_lexicon *lx, uint64_t h)
{
    uint64_t m = lbx_bloom_bits(h);
    return (*lbx_bloom_word(lx, h) & m) == m;
}

/* lbx_find's walk of the slots, for a form the bloom filter may hold (lexicon.c). */
const struct lbx_slot *lbx_probe(const lb_lexicon *lx, const char *form, size_t n, uint64_t h);

/* The slot of the form with hash h (lbx_hash), NULL when the lexicon lacks
 * it. The bloom test is inline: it rejects most absent forms (the
 * guesser's variants and heads) before a call or a slot is read. */
static inline const struct lbx_slot *lbx_find(const lb_lexicon *lx, const char *form, size_t n, uint64_t h)
{
    return lx->n_forms && lbx_bloom_may(lx, h) ? lbx_probe(lx, form, n, h) : NULL;
}

/* Starts loading what lbx_find of hash h reads first: the bloom word and the first slot. */
static inline void lbx_prefetch(const lb_lexicon *lx, uint64_t h)
{
    if (!lx->n_forms) return;
    __builtin_prefetch(lbx_bloom_word(lx, h));
    __builtin_prefetch(&lx->slots[(uint32_t)h & lx->slot_mask]);
}

/* 1 when slot (lbx_find's, NULL: none) is of a form with readings. */
static inline int lbx_has(const struct lbx_slot *slot) { return slot && (slot->tag & LBX_HAS); }

/* The readings of the form in slot (from lbx_find; NULL: none), as lb_lexicon_lookup. */
int lbx_readings(const lb_lexicon *lx, const struct lbx_slot *slot, lb_reading *out, int max);

/* lb_lexicon_guess, told that the spelling absent (NULL, or n bytes) has no
 * readings: its lookup is not repeated (lb_lx_readings looked the form up
 * lower-cased before guessing). */
int lbx_guess(const lb_lexicon *lx, const char *form, size_t n, lb_reading *out, int max, char *buf, size_t cap,
              const char *absent);

/* Index of the suffix key or -1. */
int64_t lbx_find_suffix(const lb_lexicon *lx, const char *key, size_t kn);

/* A lexicon over size bytes of borrowed memory (validated like a file; name
 * stands for the file in messages). For tests and the fuzz target. */
int lbx_open_memory(lb_lexicon **out, const void *data, size_t size, const char *name, char *err, size_t errlen);

static inline uint32_t lbx_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint16_t lbx_u16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }

/* Entry i of a u32 array section. */
static inline uint32_t lbx_at(const unsigned char *arr, uint32_t i) { return lbx_u32(arr + 4 * (size_t)i); }

/* Lemma id -> pointer and length. */
static inline const char *lbx_lemma(const lb_lexicon *lx, uint32_t id, uint32_t *len)
{
    uint32_t a = lbx_at(lx->lemma_off, id), b = lbx_at(lx->lemma_off, id + 1);
    *len = b - a;
    return (const char *)lx->lemma_blob + a;
}

/* Fills r from tag id t (lemma left to the caller). */
static inline void lbx_tag(const lb_lexicon *lx, uint32_t t, lb_reading *r)
{
    const unsigned char *p = lx->tags + 8 * (size_t)t;
    r->feats = lbx_u32(p);
    r->upos = p[4];
    r->tag = t < 0xFFFF ? (uint16_t)(t + 1) : 0;
}
#endif
