/* cache.h: the per-document-handle cache of the morphology stage: per word
 * form (as written) its candidate classes, the static feature scores of each,
 * the tagger's word features, and the lemma and features per chosen class
 * (filled lazily). Kept across documents in the lb_doc (never in the shared
 * context); emptied at the start of a document once it holds too many forms,
 * so pointers into it stay valid for the whole document.
 *
 * An entry is one block, cache-line aligned: the fields every token of the
 * form reads first and the lemmas of the first two classes it gets
 * (lb_mc_entry), then its form, then per candidate its class, pending byte
 * and static score (lb_mc_cand ... lb_mc_sscore), then the lexicon
 * readings the pending bytes name. A rare form's token thus loads about
 * three or four lines, not six or more; an unknown word's dozens of
 * candidates take 7 bytes each, not 26 (a lemma slot each cost 16 MB of 65
 * on the benchmark corpus, a second static score for the sentence start
 * 6.6 MB: the decoder makes those scores when a sentence starts). Mapped
 * blocks of 2 MiB hold the entries; lb_mc_trim keeps them for reuse. */
#ifndef LB_MORPH_CACHE_H
#define LB_MORPH_CACHE_H
#include "morph/features.h"
#include "morph/tagmodel.h"
#include "morph/tagger.h"
#include "core/hash.h"
#include <stddef.h>
#include <stdint.h>

/* The lemma and features of the form with one candidate class, once
 * computed (morph.c). Two of them, of the first two classes the form is
 * analysed with, sit in the entry (lb_mc_entry.done); a form analysed
 * with a third class gets an array of one per candidate (LB_MC_ALL). */
typedef struct lb_mc_lemma { const char *lemma; uint32_t len, feats; } lb_mc_lemma;
#define LB_MC_PENDING 0x80000000u      /* in the array: not computed yet */
/* lb_mc_entry.lk: the candidate a done slot holds, none, or (lk[0]) the array. */
enum { LB_MC_NONE = 0xFF, LB_MC_ALL = 0xFE };
/* What decides a candidate's lemma and depends on the form alone, until it
 * is computed: per candidate one byte (lb_mc_pend), the index of the
 * lexicon reading chosen for its class in the entry's reading records
 * (lb_mc_recs; LB_MC_NOREAD: none, the class's features), and LB_MC_SEEN
 * when the training data had the form with the class. */
enum { LB_MC_NOREAD = 0x7F, LB_MC_SEEN = 0x80 };
/* A reading record: the reading's features, and where its lemma is (at >>
 * LB_MC_REC_LEN_BITS bytes after the first record, NUL-terminated; readings
 * with one lemma share it) and its length (the low bits: less than 1024). */
typedef struct lb_mc_rec { uint32_t feats, at; } lb_mc_rec;
enum { LB_MC_REC_LEN_BITS = 10 };

typedef struct lb_mc_entry {
    /* first cache line: what the morphology stage reads per token */
    lb_tf_word w;
    uint16_t ncand;                        /* candidates (at most LB_MC_MAX_CAND) */
    uint8_t flags;                         /* LB_MF_* known to hold for every reading, LB_MC_UNSEEN */
    uint8_t uses;                          /* lookups so far, up to the one that sums the roles (morph.c) */
    const int16_t *prow, *nrow;            /* the sums of its roles as the previous and the next word (lb_tag_sum_roles) */
    lb_tm_ref *memo;                       /* NULL, or the decoder's memo (lb_tag_word.memo), made with the sums */
    uint32_t len;                          /* of the form */
    uint8_t lk[2];                         /* the candidates done[0] and done[1] hold (LB_MC_NONE, LB_MC_ALL) */
    uint16_t ss_at;                        /* lb_mc_sscore's bytes after the entry's start, 0: too far (a form of 64 KB) */
    /* second line: the decoder's, then the lemmas of the classes chosen so far */
    lb_tm_ref role[LB_TF_ROLES];           /* the model's weights of its role features (lb_tag_roles) */
    union {
        lb_mc_lemma done[2];
        lb_mc_lemma *all;                  /* lk[0] == LB_MC_ALL: per candidate (LB_MC_PENDING: not yet) */
    };
} lb_mc_entry;
_Static_assert(sizeof(lb_mc_entry) % 8 == 0, "the form follows on 8 bytes");
enum { LB_MC_MAX_CAND = 255 };
/* lb_mc_entry.flags: the model's tag dictionary lacks the form (lb_tag_word.unseen; not an lb_morph flag) */
enum { LB_MC_UNSEEN = 0x80 };

/* The parts of an entry after it, in this order. */
static inline size_t lb_mc_form_size(size_t n) { return (n + 8) & ~(size_t)7; }
static inline const char *lb_mc_form(const lb_mc_entry *e) { return (const char *)(e + 1); }
static inline uint16_t *lb_mc_cand(const lb_mc_entry *e) { return (uint16_t *)((char *)(uintptr_t)(e + 1) + lb_mc_form_size(e->len)); }
/* per candidate its pending byte (LB_MC_NOREAD ...), 8 bytes a block */
static inline uint8_t *lb_mc_pend(const lb_mc_entry *e) { return (uint8_t *)(lb_mc_cand(e) + ((e->ncand + 3u) & ~3u)); }
/* static scores (inside a sentence: lb_tag_fold_self) */
static inline int32_t *lb_mc_sscore_at(const lb_mc_entry *e) { return (int32_t *)(lb_mc_pend(e) + ((e->ncand + 7u) & ~7u)); }
static inline int32_t *lb_mc_sscore(const lb_mc_entry *e)
{
    return e->ss_at ? (int32_t *)((char *)(uintptr_t)e + e->ss_at) : lb_mc_sscore_at(e);
}
/* the reading records the pending bytes name, on 8 bytes (lb_mc_add's extra bytes start there) */
static inline lb_mc_rec *lb_mc_recs(const lb_mc_entry *e)
{
    return (lb_mc_rec *)(((uintptr_t)(lb_mc_sscore(e) + e->ncand) + 7) & ~(uintptr_t)7);
}

/* a slot of the open-addressing table: the hash and length of its form, so
 * that probing touches an entry only when both match; e NULL = empty */
typedef struct lb_mc_slot { uint32_t hash, len; lb_mc_entry *e; } lb_mc_slot;

/* A block of the cache's memory (header of the block). */
typedef struct lb_mc_block { struct lb_mc_block *next; size_t size; } lb_mc_block;

enum { LB_MC_CANDSETS = 256 };
typedef struct lb_morph_cache {
    char *cur, *end;            /* the free part of the current block */
    lb_mc_block *used, *spare;  /* blocks in use (the current first), and emptied ones kept for reuse */
    lb_mc_slot *slot;           /* open addressing */
    lb_tag_shapes shapes;       /* the decoder's memo of shape features (not form-bound: kept by lb_mc_trim) */
    /* per candidate set (direct-mapped by its bits; all 0 = empty) its
     * ambiguity class and verb forms (lb_tf_amb, lb_tag_vflags): not form-bound either */
    struct lb_mc_candset { uint64_t set[4]; uint32_t amb, vflags; } candset[LB_MC_CANDSETS];
    size_t cap, count;
    size_t full_cap;            /* the table's size for the most forms kept (lb_mc_new) */
} lb_morph_cache;

enum { LB_MC_BLOCK = 2 << 20 };  /* bytes of a block */

/* A new cache whose slot table, once past its first size, has room for
 * max_forms (lb_mc_trim's max); NULL when out of memory. */
lb_morph_cache *lb_mc_new(size_t max_forms);
void lb_mc_free(lb_morph_cache *c);
/* Empties the cache when it holds more than max forms (its blocks are kept for reuse). */
void lb_mc_trim(lb_morph_cache *c, size_t max);
/* n bytes aligned on align (a power of two, at most 64) in the cache, or NULL. */
void *lb_mc_alloc(lb_morph_cache *c, size_t n, size_t align);
/* The hash of a form for the calls below. */
static inline uint32_t lb_mc_hash(const char *form, size_t n) { return (uint32_t)lb_hash_bytes(form, n); }
/* Starts loading the slot a lookup of hash would read first (morph.c: the
 * slots of the sentence after next, the entries of the next one), and
 * lb_mc_prefetch_entry the entry that slot holds (its read of the slot waits
 * for the slot; 0 when the slot is empty: the form is not in the cache).
 * Change nothing. */
static inline void lb_mc_prefetch(const lb_morph_cache *c, uint32_t hash) { __builtin_prefetch(&c->slot[hash & (c->cap - 1)]); }
static inline __attribute__((always_inline)) int lb_mc_prefetch_entry(const lb_morph_cache *c, uint32_t hash)
{
    const lb_mc_slot *s = &c->slot[hash & (c->cap - 1)];
    if (!s->e || s->hash != hash) return s->e != NULL;
    /* the entry, its form, candidates and static scores (about ten candidates at
     * 7 bytes each, with their padding; it was five at 11 bytes);
     * always inline: GCC took an earlier version, prefetches alone, for pure and dropped its calls */
    const char *p = (const char *)s->e, *end = p + sizeof(lb_mc_entry) + lb_mc_form_size(s->len) + 96;
    _Static_assert(sizeof(lb_mc_entry) + 8 + 96 > 192, "every entry's span reaches a fourth line");
    __builtin_prefetch(p); __builtin_prefetch(p + 64); __builtin_prefetch(p + 128); __builtin_prefetch(p + 192);
    for (p += 256; p < end; p += 64) __builtin_prefetch(p);     /* forms of 24 bytes or more */
    return 1;
}
/* The first n bytes (n < 8) of a loaded 8-byte word, the rest 0. */
static inline uint64_t lb_mc_head(uint64_t w, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return n ? w & ~(~0ull >> (8 * n)) : 0;
#else
    return w & (((uint64_t)1 << (8 * n)) - 1);
#endif
}
/* 1 when e's form is form (n bytes; avail >= n of them readable): up to
 * 16 bytes in one or two word compares when 16 are readable (the entry's
 * copy is zero padded: lb_mc_form_size), else lb_key_eq. Most words are
 * short; the byte loop's branches cost more than the loads. */
static inline int lb_mc_form_is(const lb_mc_entry *e, const char *form, size_t n, size_t avail)
{
    const unsigned char *a = (const unsigned char *)lb_mc_form(e), *b = (const unsigned char *)form;
    if (n < 8 && avail >= 8) return lb_load64(a) == lb_mc_head(lb_load64(b), n);
    if (n < 16 && avail >= 16) return lb_load64(a) == lb_load64(b) && lb_load64(a + 8) == lb_mc_head(lb_load64(b + 8), n - 8);
    return lb_key_eq((const char *)a, form, n);
}
/* The entry of form (hash: lb_mc_hash; avail >= n bytes readable there), or NULL. */
static inline lb_mc_entry *lb_mc_get(const lb_morph_cache *c, const char *form, size_t n, size_t avail, uint32_t h)
{
    for (size_t i = h & (c->cap - 1);; i = (i + 1) & (c->cap - 1)) {
        const lb_mc_slot *s = &c->slot[i];
        if (!s->e) return NULL;
        if (s->hash == h && s->len == n && lb_mc_form_is(s->e, form, n, avail)) return s->e;
    }
}
/* Adds an entry for form with room for ncand (<= LB_MC_MAX_CAND) candidates
 * and extra more bytes at its end (8-byte aligned, lb_mc_recs: *extra_out),
 * all but the done lemmas (none) uninitialised; NULL when out of memory. */
lb_mc_entry *lb_mc_add(lb_morph_cache *c, const char *form, size_t n, uint32_t hash, int ncand, size_t extra,
                       void **extra_out);
#endif
