/* cache.h: the per-document-handle cache of the morphology stage: per word
 * form (as written) its candidate classes, the static feature scores of each,
 * the tagger's word features, and the lemma and features per chosen class
 * (filled lazily). Kept across documents in the lb_doc (never in the shared
 * context); emptied at the start of a document once it holds too many forms,
 * so pointers into it stay valid for the whole document. */
#ifndef LB_MORPH_CACHE_H
#define LB_MORPH_CACHE_H
#include "morph/features.h"
#include "morph/tagmodel.h"
#include "morph/tagger.h"
#include "morph/lexicon.h"
#include "core/arena.h"
#include "core/hash.h"
#include <stddef.h>
#include <stdint.h>

typedef struct lb_mc_entry {
    const char *form;
    uint32_t len, hash;
    lb_tf_word w;
    uint16_t *cand;
    int32_t *sscore, *sscore_first;    /* static scores inside a sentence and at its start (lb_tag_fold_self) */
    const char **lemma;         /* per candidate, NULL until computed */
    uint32_t *lemma_len, *feats;
    int ncand;
    lb_reading *read;           /* the lexicon's (or guesser's) readings, lemmas stable */
    int16_t *rcls;              /* per reading its lb_lx_class */
    int nread;
    uint8_t flags;              /* LB_MF_* known to hold for every reading */
    /* tdict_ok: the tag dictionary's classes of the form folded by lb_fold
     * (into 256 bytes) are tdict[0..ntdict) (none: 0); else not looked up */
    uint8_t tdict_ok, ntdict;
    const uint8_t *tdict;
    lb_tm_ref role[LB_TF_ROLES];           /* the model's weights of its role features (lb_tag_roles) */
    const int16_t *prow, *nrow;            /* their sums as the previous and the next word (lb_tag_sum_roles) */
    lb_tm_ref *memo;                       /* NULL, or the decoder's memo (lb_tag_word.memo), made with the sums */
    uint8_t uses;                          /* lookups so far, up to the one that sums the roles (morph.c) */
} lb_mc_entry;

/* a slot of the open-addressing table: the hash and length of its form, so
 * that probing touches an entry only when both match; e NULL = empty */
typedef struct lb_mc_slot { uint32_t hash, len; lb_mc_entry *e; } lb_mc_slot;

enum { LB_MC_CANDSETS = 256 };
typedef struct lb_morph_cache {
    lb_arena arena;             /* entries' arrays and strings */
    lb_mc_slot *slot;           /* open addressing */
    lb_tag_shapes shapes;       /* the decoder's memo of shape features (not form-bound: kept by lb_mc_trim) */
    /* per candidate set (direct-mapped by its bits; all 0 = empty) its
     * ambiguity class and verb forms (lb_tf_amb, lb_tag_vflags): not form-bound either */
    struct lb_mc_candset { uint64_t set[4]; uint32_t amb, vflags; } candset[LB_MC_CANDSETS];
    size_t cap, count;
} lb_morph_cache;

lb_morph_cache *lb_mc_new(void);
void lb_mc_free(lb_morph_cache *c);
/* Empties the cache when it holds more than max forms. */
void lb_mc_trim(lb_morph_cache *c, size_t max);
/* The hash of a form for the calls below. */
static inline uint32_t lb_mc_hash(const char *form, size_t n) { return (uint32_t)lb_hash_bytes(form, n); }
/* Starts loading the slot a lookup of hash would read first (morph.c: a
 * sentence's slots, then its entries, then the lookups), and
 * lb_mc_prefetch_entry the entry that slot holds (its read of the slot waits
 * for the slot; 0 when the slot is empty: the form is not in the cache).
 * Change nothing. */
static inline void lb_mc_prefetch(const lb_morph_cache *c, uint32_t hash) { __builtin_prefetch(&c->slot[hash & (c->cap - 1)]); }
static inline __attribute__((always_inline)) int lb_mc_prefetch_entry(const lb_morph_cache *c, uint32_t hash)
{
    const lb_mc_slot *s = &c->slot[hash & (c->cap - 1)];
    if (!s->e || s->hash != hash) return s->e != NULL;
    /* the entry, its form and the start of its arrays (lb_mc_add: one block);
     * always inline: GCC took an earlier version, prefetches alone, for pure and dropped its calls */
    const char *p = (const char *)s->e, *end = p + sizeof(lb_mc_entry) + ((s->len + 8) & ~(size_t)7) + 64;
    for (; p < end; p += 64) __builtin_prefetch(p);
    return 1;
}
/* The entry of form (hash: lb_mc_hash), or NULL. */
static inline lb_mc_entry *lb_mc_get(const lb_morph_cache *c, const char *form, size_t n, uint32_t h)
{
    for (size_t i = h & (c->cap - 1);; i = (i + 1) & (c->cap - 1)) {
        const lb_mc_slot *s = &c->slot[i];
        if (!s->e) return NULL;
        /* the form's bytes follow the entry (lb_mc_add): compared there, not through e->form,
         * so that their load does not wait for the entry's first line */
        if (s->hash == h && s->len == n && lb_key_eq((const char *)(s->e + 1), form, n)) return s->e;
    }
}
/* Adds an entry for form with room for ncand candidates; NULL when out of memory. */
lb_mc_entry *lb_mc_add(lb_morph_cache *c, const char *form, size_t n, uint32_t hash, int ncand);
#endif
