/* tagmodel.h: a trained tagger model of one language (data/morph/<lang>.model):
 * the classes (a UD part of speech plus the features the tagger chooses in
 * context), the tag dictionary learnt from the training data, the classes an
 * unknown word may take, and the averaged perceptron weights (16-bit, pruned).
 * Written by tools/train/train_tagger.c, read-only once loaded.
 *
 * Binary format, little endian:
 *   "LBTAGGR1"  u32 lang-tag  u32 class_mask  f32 scale
 *   u32 nclass  { u8 upos, u32 feats } * nclass
 *   u32 nopen   { u8 class } * nopen                  (unknown-word candidates)
 *   u32 ndict   { u8 len, bytes, u8 flags, u8 n, { u8 class } * n } * ndict
 *   u32 nfeat   { u32 id, u8 n, { u8 class, i16 weight } * n } * nfeat
 *   "END!"
 * dict flags: 1 = rare word, the unknown-word classes are candidates too.
 * The features come most used first (how often they fire on the training
 * words the decoder scores): the loader lays out their weights in file
 * order, so that the most read ones share cache lines. Any order loads. */
#ifndef LB_MORPH_TAGMODEL_H
#define LB_MORPH_TAGMODEL_H
#include "core/wordset.h"
#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define LB_TAG_MAX_CLASSES 255
#define LB_TAG_DICT_RARE 1
#define LB_TAG_UPOS_SLOTS 17
#define LB_TAG_MAX_ENTRIES ((size_t)1 << 24)

typedef struct lb_tag_class { uint8_t upos; uint32_t feats; } lb_tag_class;
/* A feature's weights as the decoder reads them: 0 none, else the byte
 * offset from dense of its dense row (even, not 0) or of its sparse record
 * plus 1 (odd): both kinds in one block (lb_tm_add needs no branch). */
typedef uint32_t lb_tm_ref;
typedef struct lb_tm_entry { uint8_t cls, pad; int16_t w; } lb_tm_entry;
/* the weights of a feature with few classes, padded with class 255 (never a
 * class: a scratch score) and weight 0 */
#define LB_TM_SPARSE 4
typedef struct lb_tm_sparse { uint8_t cls[LB_TM_SPARSE]; int16_t w[LB_TM_SPARSE]; } lb_tm_sparse;

typedef struct lb_tagmodel {
    uint32_t class_mask;            /* LB_FEAT bits a class carries */
    uint32_t fset;                  /* LB_TF_SET_* of the model's language (from its language tag) */
    float scale;                    /* weight = i16 * scale */
    int nclass, nopen;
    lb_tag_class cls[LB_TAG_MAX_CLASSES];
    uint16_t open[LB_TAG_MAX_CLASSES];
    lb_wordset dict;                /* folded form -> offset in dict_cls */
    uint8_t *dict_cls;              /* flags, n, classes... */
    /* open addressing on the feature id: fslot[fcap] (a power of two) the
     * id (0 = empty) and its weights, next to each other (the decoder reads
     * them, a hit in one cache line); while loading, in a parallel array
     * fstart its entries entry[fstart >> 8 .. + (fstart & 255)) (freed once
     * the refs are made) */
    struct lb_tm_fslot { uint32_t key; lb_tm_ref ref; } *fslot;
    uint32_t *fstart;
    size_t fcap;
    struct lb_tm_entry *entry;      /* (class, weight) per feature, by class (while loading) */
    size_t nentry;
    uint8_t by_upos[LB_TAG_UPOS_SLOTS][8];    /* up to 8 classes per part of speech, for lb_tagmodel_class */
    uint8_t n_by_upos[LB_TAG_UPOS_SLOTS];
    int16_t *dense;                 /* rows of nclass weights for features with many classes (from dense + 1) */
    size_t ndense;
    lb_tm_sparse *sparse;           /* the features with up to LB_TM_SPARSE classes (in dense's block, after the rows) */
    size_t nsparse;
    /* weights of features the decoder resolves once: the sentence edge in
     * each role (LB_TF_R_*), the previous class (index 255: none), the
     * clause state, the clause state x previous class, and the two previous
     * classes (prev2_ref[p1 * (nclass + 1) + p2], index nclass: none) */
    lb_tm_ref edge_role[10];
    lb_tm_ref prev_ref[256], state_ref[8], state_prev_ref[8][256];
    lb_tm_ref *prev2_ref;
    /* per clause state (8 in LB_TF_SET_DE, else 1) and previous class (index
     * nclass: none) the summed weights of the previous class, the state and
     * the state x previous class (nclass each): lb_tagmodel_hist_row */
    int32_t *hist_row;
    int nstate;                     /* 8 or 1 */
    /* per class what lb_tag_vflags and lb_tag_state read, and the open
     * classes as a bit set: lb_tagmodel_derive (sorted, set by
     * lb_tagmodel_parse: the tag dictionary's and the open class lists are
     * strictly ascending, so candidates are a bit-set union) */
    uint8_t cls_vflags[LB_TAG_MAX_CLASSES], cls_state[LB_TAG_MAX_CLASSES];
    uint64_t open_bits[4];
    int sorted;
    int wide_min;                   /* candidates from which whole rows are summed (tagmodel.c: WIDE_MIN) */
} lb_tagmodel;

/* Makes m's per-class tables (cls_vflags, cls_state, open_bits, wide_min) from its
 * classes and open-class list: the loader calls it, and so must whoever
 * builds a model in memory (the trainer) before tagging with it. Clears
 * m->sorted when the open list is not strictly ascending. */
void lb_tagmodel_derive(lb_tagmodel *m);

/* Sets of classes as four 64-bit words (LB_TAG_MAX_CLASSES <= 256): add
 * class c; list the set ascending into out (its size). */
static inline void lb_class_set_add(uint64_t set[4], unsigned c) { set[(c >> 6) & 3] |= (uint64_t)1 << (c & 63); }
static inline int lb_class_set_list(const uint64_t set[4], uint16_t *out)
{
    int n = 0;
    for (int j = 0; j < 4; j++)
        for (uint64_t b = set[j]; b; b &= b - 1) out[n++] = (uint16_t)(j << 6 | __builtin_ctzll(b));
    return n;
}

/* Loads path; on failure err says "path: offset N: problem". */
int lb_tagmodel_load(lb_tagmodel **out, const char *path, char *err, size_t errlen);
/* Parses a model image held in memory (name is used in messages). */
int lb_tagmodel_parse(lb_tagmodel **out, const unsigned char *p, size_t n, const char *name, char *err, size_t errlen);
void lb_tagmodel_free(lb_tagmodel *m);

/* Adds the weights of the features f[0..nf) to score[class] (modulo 2^32:
 * read the classes you zeroed as int32_t). */
void lb_tagmodel_score(const lb_tagmodel *m, const uint32_t *f, int nf, uint32_t *score);
/* Adds the weights of the features f[0..nf) for the classes cand[0..ncand)
 * (ascending) to score[0..ncand): faster than lb_tagmodel_score for few. */
void lb_tagmodel_score_cand(const lb_tagmodel *m, const uint32_t *f, int nf, const uint16_t *cand, int ncand,
                            int32_t *score);
#define LB_TM_MAX_REFS 64     /* features summed for one word at most */
/* A score being summed for the candidates of one word: lb_tm_start sets
 * the scratch full (per class, 256) at the candidates; lb_tm_add per
 * feature keeps its dense row or its sparse record in a lb_tm_sum, at the
 * positions of a lb_tm_at (a local that stays in registers: pass its
 * address only to functions that are inlined), LB_TM_MAX_REFS of each at
 * most; then lb_tagmodel_acc_best. */
typedef struct lb_tm_sum {
    const int16_t *row[LB_TM_MAX_REFS];
    const lb_tm_sparse *sp[LB_TM_MAX_REFS];
} lb_tm_sum;
typedef struct lb_tm_at { const int16_t **row; const lb_tm_sparse **sp; } lb_tm_at;
static inline lb_tm_at lb_tm_begin(lb_tm_sum *s) { return (lb_tm_at){ s->row, s->sp }; }
static inline void lb_tm_start(uint32_t *full, const int32_t *init, const uint16_t *cand, int ncand)
{
    if (init) for (int k = 0; k < ncand; k++) full[cand[k]] = (uint32_t)init[cand[k]];
    else for (int k = 0; k < ncand; k++) full[cand[k]] = 0;
}
/* The dense row of ref r (even, not 0): r is its offset in bytes. */
static inline const int16_t *lb_tm_row(const lb_tagmodel *m, lb_tm_ref r)
{
    return (const int16_t *)(const void *)((const char *)m->dense + r);
}
/* The sparse record of ref r (odd). */
static inline const lb_tm_sparse *lb_tm_rec(const lb_tagmodel *m, lb_tm_ref r)
{
    return (const lb_tm_sparse *)(const void *)((const char *)m->dense + (r & ~(lb_tm_ref)1));
}
/* The ref of the sparse record sparse[i]. */
static inline lb_tm_ref lb_tm_sparse_ref(const lb_tagmodel *m, size_t i)
{
    return (lb_tm_ref)((const char *)&m->sparse[i] - (const char *)m->dense) | 1;
}
/* The block the refs of m are offsets in (for lb_tm_add: kept in a
 * register, where m->dense would be read again after every store). */
static inline const char *lb_tm_base(const lb_tagmodel *m) { return (const char *)m->dense; }
/* Keeps the weights of ref r (none, a dense row or a sparse record; base:
 * lb_tm_base) without a branch: which kind a word's next feature has is
 * not predictable. Both lists get the address, the position of one advances. */
static inline __attribute__((always_inline)) void lb_tm_add(const char *base, lb_tm_at *at, lb_tm_ref r)
{
    const char *p = base + (r & ~(lb_tm_ref)1);
    uint32_t sparse = r & 1, dense = (uint32_t)(r != 0) ^ sparse;
    *at->row = (const int16_t *)(const void *)p;
    *at->sp = (const lb_tm_sparse *)(const void *)p;
    at->row += dense;
    at->sp += sparse;
}
/* Keeps a dense row of nclass weights (one summed beforehand). */
static inline __attribute__((always_inline)) void lb_tm_add_row(lb_tm_at *at, const int16_t *row) { *at->row++ = row; }
/* The k of the best base[k] + the sum for class cand[k] (full plus the
 * rows and records of s up to at; the first of equal ones). Changes full
 * at classes other than the candidates, and adds the records to it. */
int lb_tagmodel_acc_best(const lb_tagmodel *m, const lb_tm_sum *s, lb_tm_at at, uint32_t *full, const uint16_t *cand,
                         int ncand, const int32_t *base);
/* The weights of the features ref[0..nref) summed per class into row
 * (nclass); 0 when none has weights or a sum leaves the 16-bit range. */
int lb_tagmodel_sum_refs(const lb_tagmodel *m, const lb_tm_ref *ref, int nref, int16_t *row);
/* Adds the weights of feature ref for the classes cand[0..ncand) to score[0..ncand). */
void lb_tagmodel_add_ref(const lb_tagmodel *m, lb_tm_ref ref, const uint16_t *cand, int ncand, int32_t *score);
/* Subtracts them (undoes lb_tagmodel_add_ref exactly: the sums wrap around). */
void lb_tagmodel_sub_ref(const lb_tagmodel *m, lb_tm_ref ref, const uint16_t *cand, int ncand, int32_t *score);
/* The weights of feature id, 0 when the model has none. */
lb_tm_ref lb_tagmodel_ref(const lb_tagmodel *m, uint32_t id);
/* The ref of feature id: its slot, or the first empty one, is mostly
 * among the LB_TM_PROBE from its hash on (the table is at most half full),
 * so they are compared at once, with no branch on how many were probed
 * (unpredictable: a missed branch cost more than a probe); fslot holds
 * its first LB_TM_PROBE - 1 slots again after the last, so that the
 * ones compared are contiguous. */
#define LB_TM_PROBE 4
static inline lb_tm_ref lb_tm_probe(const lb_tagmodel *m, uint32_t id)
{
    size_t mask = m->fcap - 1, h = (id * 2654435761u) & mask;
#if defined(__SSE2__)
    const struct lb_tm_fslot *s = m->fslot + h;
    __m128 a = _mm_loadu_ps((const float *)(const void *)s), b = _mm_loadu_ps((const float *)(const void *)(s + 2));
    __m128i keys = _mm_castps_si128(_mm_shuffle_ps(a, b, _MM_SHUFFLE(2, 0, 2, 0)));
    unsigned hit = (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(keys, _mm_set1_epi32((int)id))));
    unsigned stop = hit | (unsigned)_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(keys, _mm_setzero_si128())));
    if (__builtin_expect(stop != 0, 1)) {
        unsigned j = (unsigned)__builtin_ctz(stop);
        return s[j].ref & (0u - (hit >> j & 1));
    }
    h = (h + LB_TM_PROBE) & mask;
#endif
    while (m->fslot[h].key && m->fslot[h].key != id) h = (h + 1) & mask;
    return m->fslot[h].key ? m->fslot[h].ref : 0;
}
/* The refs of the features f[0..nf) into out. */
static inline void lb_tagmodel_refs(const lb_tagmodel *m, const uint32_t *f, int nf, lb_tm_ref *out)
{
    for (int i = 0; i < nf; i++) out[i] = lb_tm_probe(m, f[i]);
}
/* The history row of clause state st after class p1 (LB_TF_NONE_CLASS: none). */
static inline const int32_t *lb_tagmodel_hist_row(const lb_tagmodel *m, unsigned st, unsigned p1)
{
    unsigned n = (unsigned)m->nclass;
    return m->hist_row + ((st & (unsigned)(m->nstate - 1)) * (n + 1) + (p1 < n ? p1 : n)) * n;
}
/* The weights of the two previous classes (LB_TF_NONE_CLASS: none). */
static inline lb_tm_ref lb_tagmodel_prev2_ref(const lb_tagmodel *m, unsigned p1, unsigned p2)
{
    unsigned n = (unsigned)m->nclass;
    return m->prev2_ref[(p1 < n ? p1 : n) * (n + 1) + (p2 < n ? p2 : n)];
}
/* Prefetches the slots of the features (for a later score call). */
static inline void lb_tagmodel_prefetch(const lb_tagmodel *m, const uint32_t *f, int nf)
{
    for (int i = 0; i < nf; i++) __builtin_prefetch(&m->fslot[(f[i] * 2654435761u) & (m->fcap - 1)]);
}
/* Tag dictionary: 1 and the classes (ascending) with flags when the folded
 * form is known, else 0. */
int lb_tagmodel_dict(const lb_tagmodel *m, const char *folded, size_t n, const uint8_t **cls, int *ncls, int *flags);
/* Class of (upos, feats) (feats masked by class_mask), -1 when none. */
int lb_tagmodel_class(const lb_tagmodel *m, int upos, uint32_t feats);
#endif
