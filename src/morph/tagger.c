/* tagger.c: candidates, static scores and greedy decoding (tagger.h). Scores
 * accumulate in unsigned arithmetic (wrap-around is harmless for the classes
 * never read) and are compared as signed values. */
#include "morph/tagger.h"
#include "doc.h"
#include <string.h>

static int merge(const uint16_t *a, int na, const uint16_t *b, int nb, uint16_t *out)
{
    int i = 0, j = 0, k = 0;
    while (i < na || j < nb) {
        uint16_t v;
        if (j >= nb || (i < na && a[i] < b[j])) v = a[i++];
        else if (i >= na || b[j] < a[i]) v = b[j++];
        else { v = a[i++]; j++; }
        if (k < LB_TAG_MAX_CLASSES) out[k++] = v;
    }
    return k;
}

/* The union of the ascending class lists as a bit set, out ascending (as merge). */
static int union_bits(const lb_tagmodel *m, const uint8_t *dc, int nd, const uint16_t *extra, int nextra, int open,
                      uint16_t *out, uint64_t *bits)
{
    bits[0] = bits[1] = bits[2] = bits[3] = 0;
    for (int i = 0; i < nd; i++) lb_class_set_add(bits, dc[i]);
    for (int i = 0; i < nextra; i++) lb_class_set_add(bits, extra[i]);
    if (open) for (int j = 0; j < 4; j++) bits[j] |= m->open_bits[j];
    return lb_class_set_list(bits, out);
}

int lb_tag_candidates(const lb_tagmodel *m, const char *folded, size_t fn, const uint16_t *extra, int nextra,
                      int extra_known, uint16_t *out)
{
    const uint8_t *dc = NULL;
    int nd = 0, flags = 0;
    int found = lb_tagmodel_dict(m, folded, fn, &dc, &nd, &flags);
    return lb_tag_candidates_of(m, found, dc, nd, flags, extra, nextra, extra_known, out, NULL);
}

int lb_tag_candidates_of(const lb_tagmodel *m, int found, const uint8_t *dc, int nd, int flags, const uint16_t *extra,
                         int nextra, int extra_known, uint16_t *out, uint64_t *set)
{
    uint16_t known[LB_TAG_MAX_CLASSES], tmp[LB_TAG_MAX_CLASSES];
    uint64_t bits[4];
    if (!found) { nd = 0; flags = LB_TAG_DICT_RARE; }
    if (set) set[0] = set[1] = set[2] = set[3] = 0;
    if (m->sorted) {
        int n = union_bits(m, dc, nd, extra, nextra, (flags & LB_TAG_DICT_RARE) && !extra_known, out, bits);
        if (!n) { out[0] = m->open[0]; n = 1; }
        else if (set) memcpy(set, bits, sizeof bits);
        return n;
    }
    for (int i = 0; i < nd; i++) known[i] = dc[i];
    int n = merge(known, nd, extra, nextra, tmp);
    if ((flags & LB_TAG_DICT_RARE) && !extra_known) n = merge(tmp, n, m->open, m->nopen, out);
    else memcpy(out, tmp, (size_t)n * sizeof *out);
    if (!n) { out[0] = m->open[0]; n = 1; }
    return n;
}

int lb_tag_candidate_with(const lb_tagmodel *m, const lb_tag_word *t, int upos, uint32_t mask, uint32_t value)
{
    for (int k = 0; k < t->ncand; k++) {
        const lb_tag_class *c = &m->cls[t->cand[k]];
        if (c->upos == upos && (c->feats & mask) == value) return k;
    }
    return -1;
}

int lb_tag_nonfinite_candidate(const lb_tagmodel *m, const lb_tag_word *t, int upos)
{
    const uint32_t vf = LB_FEAT(VERBFORM, LB_VERBFORM_MASK);
    int k = lb_tag_candidate_with(m, t, upos, vf, LB_FEAT(VERBFORM, LB_VERBFORM_PART));
    return k >= 0 ? k : lb_tag_candidate_with(m, t, upos, vf, LB_FEAT(VERBFORM, LB_VERBFORM_INF));
}

uint32_t lb_tag_vflags(const lb_tagmodel *m, const uint16_t *cand, int ncand)
{
    uint32_t v = 0;
    for (int k = 0; k < ncand; k++) v |= m->cls_vflags[cand[k]];
    return v;
}

unsigned lb_tag_state(const lb_tagmodel *m, unsigned state, unsigned cls, const lb_tf_word *w)
{
    if (w->shape & LB_TF_SHAPE_PUNCT) return 0;
    return state | m->cls_state[cls];
}

int lb_tag_punct_candidates(const lb_tagmodel *m, uint16_t *out)
{
    int n = 0;
    for (int c = 0; c < m->nclass; c++)
        if (m->cls[c].upos == LB_UPOS_PUNCT || m->cls[c].upos == LB_UPOS_SYM) out[n++] = (uint16_t)c;
    if (!n) { out[0] = m->open[0]; n = 1; }
    return n;
}

void lb_tag_static(const lb_tagmodel *m, const char *folded, size_t fn, const lb_tf_word *w, int unseen,
                   const uint16_t *cand, int ncand, int32_t *sscore)
{
    uint32_t f[LB_TF_MAX_STATIC], score[LB_TAG_MAX_CLASSES];
    int nf = lb_tf_static(f, folded, fn, w, m->fset | (unseen ? LB_TF_NO_IDENTITY : 0));
    lb_tagmodel_prefetch(m, f, nf);     /* the slots' loads overlap (lb_tagmodel_refs probes one by one) */
    if (ncand <= 64) {                  /* few candidates: only their weights */
        memset(sscore, 0, (size_t)ncand * sizeof *sscore);
        lb_tagmodel_score_cand(m, f, nf, cand, ncand, sscore);
        return;
    }
    for (int k = 0; k < ncand; k++) score[cand[k]] = 0;
    lb_tagmodel_score(m, f, nf, score);
    for (int k = 0; k < ncand; k++) sscore[k] = (int32_t)score[cand[k]];
}

void lb_tag_roles(const lb_tagmodel *m, const lb_tf_word *w, int unseen, lb_tm_ref *role)
{
    uint32_t id[LB_TF_ROLES];
    lb_tf_roles(id, w);
    if (!unseen) {
        lb_tagmodel_prefetch(m, id, LB_TF_ROLES);
        lb_tagmodel_refs(m, id, LB_TF_ROLES, role);
        return;
    }
    uint32_t some[LB_TF_ROLES];             /* the roles not of its identity, looked up together */
    lb_tm_ref got[LB_TF_ROLES];
    int at[LB_TF_ROLES], n = 0;
    for (int r = 0; r < LB_TF_ROLES; r++) {
        role[r] = 0;
        if (!lb_tf_role_is_identity(r)) { at[n] = r; some[n++] = id[r]; }
    }
    lb_tagmodel_prefetch(m, some, n);
    lb_tagmodel_refs(m, some, n, got);
    for (int k = 0; k < n; k++) role[at[k]] = got[k];
}

void lb_tag_fold_self(const lb_tagmodel *m, const lb_tm_ref *role, const uint16_t *cand, int ncand, int32_t *sscore)
{
    lb_tagmodel_add_ref(m, role[LB_TF_R_SELF_INNER], cand, ncand, sscore);
}

/* The static scores of a folded word x (lb_tag_fold_self) at the sentence
 * start into first: its own feature's weights there instead of inside. */
static const int32_t *first_scores(const lb_tagmodel *m, const lb_tag_word *x, int32_t *first)
{
    memcpy(first, x->sscore, (size_t)x->ncand * sizeof *first);
    lb_tagmodel_sub_ref(m, x->role[LB_TF_R_SELF_INNER], x->cand, x->ncand, first);
    lb_tagmodel_add_ref(m, x->role[LB_TF_R_SELF_FIRST], x->cand, x->ncand, first);
    return first;
}

/* The role weights of word j (the sentence edge beyond 0..n), into tmp when unresolved. */
static const lb_tm_ref *roles_of(const lb_tagmodel *m, const lb_tf_word *w, const lb_tag_word *t, int j, int n,
                                 lb_tm_ref *tmp)
{
    if (j < 0 || j >= n) return m->edge_role;
    if (t[j].role) return t[j].role;
    lb_tag_roles(m, &w[j], t[j].unseen, tmp);
    return tmp;
}

const int16_t *lb_tag_sum_roles(const lb_tagmodel *m, const lb_tm_ref *role, int as_next, int16_t *buf)
{
    lb_tm_ref r[3];
    if (as_next) { r[0] = role[LB_TF_R_N1_LOWER]; r[1] = role[LB_TF_R_N1_SUF3]; r[2] = role[LB_TF_R_N1_AMB]; }
    else { r[0] = role[LB_TF_R_P1_LOWER]; r[1] = role[LB_TF_R_P1_SUF3]; r[2] = role[LB_TF_R_P1_AMB]; }
    int n = 0, only = 0;
    for (int k = 0; k < 3; k++) if (r[k]) { n++; only = k; }
    if (n == 1 && !(r[only] & 1)) return lb_tm_row(m, r[only]);
    return n && lb_tagmodel_sum_refs(m, r, 3, buf) ? buf : NULL;
}

_Static_assert(LB_TF_ROLES + LB_TF_MAX_CONTEXT + 1 <= LB_TM_MAX_REFS, "room for every row of one word");

/* Adds the weights of ref to the score being summed (at: lb_tm_add). */
#define ADD(ref) lb_tm_add(wb, at, (ref))

/* Adds word i's own and its neighbours' resolved window features (of
 * lb_tf_window) to the score being summed (at: lb_tm_add): a neighbour's
 * summed row when it has one. */
static inline __attribute__((always_inline)) void add_window(const lb_tagmodel *m, const lb_tf_word *w,
                                                             const lb_tag_word *t, int i, int n, lb_tm_at *at)
{
    const char *wb = lb_tm_base(m);
    lb_tm_ref tmp[LB_TF_ROLES];
    const int16_t *prow = i > 0 ? t[i - 1].prow : NULL, *nrow = i + 1 < n ? t[i + 1].nrow : NULL;
    const lb_tm_ref *r;
    if (prow) lb_tm_add_row(at, prow);
    else {
        r = roles_of(m, w, t, i - 1, n, tmp);
        ADD(r[LB_TF_R_P1_LOWER]); ADD(r[LB_TF_R_P1_SUF3]); ADD(r[LB_TF_R_P1_AMB]);
    }
    ADD(roles_of(m, w, t, i - 2, n, tmp)[LB_TF_R_P2_LOWER]);
    if (nrow) lb_tm_add_row(at, nrow);
    else {
        r = roles_of(m, w, t, i + 1, n, tmp);
        ADD(r[LB_TF_R_N1_LOWER]); ADD(r[LB_TF_R_N1_SUF3]); ADD(r[LB_TF_R_N1_AMB]);
    }
    ADD(roles_of(m, w, t, i + 2, n, tmp)[LB_TF_R_N2_LOWER]);
    if (!t[i].folded)                       /* else in the static scores (at the start: first_scores) */
        ADD(roles_of(m, w, t, i, n, tmp)[i == 0 ? LB_TF_R_SELF_FIRST : LB_TF_R_SELF_INNER]);
}

/* lb_tm_start with the history row init: for a word with many candidates
 * (the wide sums: a German unknown word has 33 of 62 classes) the whole
 * row copied at once, cheaper than class by class. */
static inline void start_scores(const lb_tagmodel *m, uint32_t *full, const int32_t *init, const uint16_t *cand,
                                int ncand)
{
    if (ncand >= m->wide_min) memcpy(full, init, (size_t)m->nclass * sizeof *init);
    else lb_tm_start(full, init, cand, ncand);
}

/* The first use of a memo slot (out of line: the hot path stays small). */
static __attribute__((noinline)) lb_tm_ref memo_resolve(const lb_tagmodel *m, lb_tm_ref *slot, uint32_t id)
{
    return *slot = lb_tagmodel_ref(m, id);
}

/* The ref of a memo slot, resolved from the feature id on first use. */
#define MEMO_REF(m, memo, k, id) ((memo)[k] != LB_TAG_MEMO_UNSET ? (memo)[k] : memo_resolve(m, &(memo)[k], id))

/* Adds word i's features of the previous class p1 (EN; DE: of the verb
 * forms right of it when its window ids left that one out: memo) to the
 * score being summed (as add_window): from the memos of word i and of the
 * next word when they have them, else their ids are appended to f (*nf
 * counts them; none of word i's identity when it is unseen). */
static inline __attribute__((always_inline)) void add_memo_features(const lb_tagmodel *m, const lb_tf_word *w,
                                                                    const lb_tag_word *t, int i, int n, unsigned p1,
                                                                    uint32_t *f, int *nf, lb_tm_at *at)
{
    const char *wb = lb_tm_base(m);
    unsigned pi = p1 < (unsigned)m->nclass ? p1 : (unsigned)m->nclass;
    lb_tm_ref *memo = t[i].memo, *next = i + 1 < n ? t[i + 1].memo : NULL;
    if (memo && (m->fset & LB_TF_SET_DE)) ADD(MEMO_REF(m, memo, w[i].right & 7, lb_tf_right_id(w[i].lower, w[i].right)));
    if (!(m->fset & LB_TF_SET_EN)) return;
    if (memo) ADD(MEMO_REF(m, memo, 8 + pi, lb_tf_prev_word_id(p1, w[i].lower)));
    else if (!t[i].unseen) f[(*nf)++] = lb_tf_prev_word_id(p1, w[i].lower);
    if (next) ADD(MEMO_REF(m, next, 8 + (size_t)m->nclass + 1 + pi, lb_tf_prev_next_id(p1, w[i + 1].amb)));
    else f[(*nf)++] = lb_tf_prev_next_id(p1, (i + 1 < n ? &w[i + 1] : &lb_tf_none)->amb);
}

void lb_tag_shapes_init(lb_tag_shapes *s)
{
    memset(s, 0xFF, sizeof *s);
    memset(s->full, 0, sizeof s->full);
}

/* The slot of s for the ambiguity classes feature of word i. */
static inline struct lb_tag_amb_slot *amb_slot(lb_tag_shapes *s, const lb_tf_word *w, int i, int n)
{
    uint32_t p1 = i > 0 ? w[i - 1].amb : lb_tf_none.amb, n1 = i + 1 < n ? w[i + 1].amb : lb_tf_none.amb;
    _Static_assert(LB_TAG_AMB_SLOTS == 1 << 14, "slot index of 14 bits");
    return &s->amb[((p1 * 0x9E3779B1u) ^ (n1 * 0x85EBCA77u)) >> 18];
}

/* The ref of the ambiguity classes feature of word i, from s when it has it. */
static lb_tm_ref ambs_ref(const lb_tagmodel *m, lb_tag_shapes *s, const lb_tf_word *w, int i, int n)
{
    uint32_t p1 = i > 0 ? w[i - 1].amb : lb_tf_none.amb, n1 = i + 1 < n ? w[i + 1].amb : lb_tf_none.amb;
    struct lb_tag_amb_slot *sl = amb_slot(s, w, i, n);
    if (sl->ref != LB_TAG_MEMO_UNSET && sl->p1 == p1 && sl->n1 == n1) return sl->ref;
    sl->p1 = p1; sl->n1 = n1;
    return sl->ref = lb_tagmodel_ref(m, lb_tf_ambs_id(p1, n1));
}

/* A shape as 8 bits: LB_TF_SHAPE_* (7 bits) or the edge's (lb_tf_none); 0xFF others. */
static inline uint32_t shape8(uint32_t s) { return s < 0x80 ? s : s == lb_tf_none.shape ? 0x80 : 0xFF; }

/* The ref of the shapes feature of word i, from s when it has it (keys
 * with an unpacked shape are resolved each time: never stored, they never match). */
static lb_tm_ref shapes_ref(const lb_tagmodel *m, lb_tag_shapes *s, const lb_tf_word *w, int i, int n)
{
    uint32_t p1 = i > 0 ? w[i - 1].shape : lb_tf_none.shape, n1 = i + 1 < n ? w[i + 1].shape : lb_tf_none.shape;
    uint32_t key = shape8(p1) << 16 | shape8(w[i].shape) << 8 | shape8(n1);
    struct lb_tag_shape_slot *sl = &s->slot[(key * 2654435761u) >> 22];
    _Static_assert(LB_TAG_SHAPE_SLOTS == 1 << 10, "slot index of 10 bits");
    if (sl->key == key) return sl->ref;
    lb_tm_ref r = lb_tagmodel_ref(m, lb_tf_shapes_id(p1, w[i].shape, n1));
    if ((key >> 16 & 0xFF) != 0xFF && (key >> 8 & 0xFF) != 0xFF && (key & 0xFF) != 0xFF) { sl->key = key; sl->ref = r; }
    return r;
}

enum { PREFETCH_SLOTS_MAX = 6 };

/* Prefetches the memo slots p (stride 1 ref) + cls for the classes
 * cls[0..ncls) (ascending): for a few classes their own lines (every line
 * from the first to the last, as before, cost 6% more decoding time on
 * the benchmark corpus: a word's classes are mostly far apart, e.g. a noun
 * and a verb, and the needless prefetches held up the needed loads), for
 * many every line from the first to the last. */
static inline __attribute__((always_inline)) void prefetch_slots(const lb_tm_ref *p, const uint16_t *cls, int ncls)
{
    if (ncls <= PREFETCH_SLOTS_MAX) {
        for (int k = 0; k < ncls; k++) __builtin_prefetch(&p[cls[k]]);
        return;
    }
    uintptr_t q = (uintptr_t)&p[cls[0]] & ~(uintptr_t)63, end = (uintptr_t)&p[cls[ncls - 1]];
    for (; q <= end; q += 64) __builtin_prefetch((const void *)q);
}

/* Prefetches the model's slot of feature id. */
static inline __attribute__((always_inline)) void prefetch_id(const lb_tagmodel *m, uint32_t id)
{
    lb_tagmodel_prefetch(m, &id, 1);
}

/* Prefetches the summed rows of word j's neighbours (lb_tag_sum_roles: in
 * the form cache, or one of the model's) that add_window will read. */
static inline __attribute__((always_inline)) void prefetch_window(const lb_tagmodel *m, const lb_tag_word *t, int j, int n)
{
    const int16_t *p = j > 0 ? t[j - 1].prow : NULL, *q = j + 1 < n ? t[j + 1].nrow : NULL;
    if (p) { __builtin_prefetch(p); __builtin_prefetch(p + m->nclass - 1); }
    if (q) { __builtin_prefetch(q); __builtin_prefetch(q + m->nclass - 1); }
}

enum { PREFETCH_IDS_MAX = 4 };      /* previous candidates whose feature ids are hashed ahead */

/* Prefetches what scoring word j will read of its and the next word's
 * features of the previous class (add_memo_features; EN, DE only the verb
 * forms' memo slot) for each class the word before it may take: memo
 * slots, else the model's slots of the ids for a few classes. They are
 * cache misses, and which one is read is known only once that word is
 * tagged. (Always inline: GCC takes a function of prefetches alone for
 * pure and drops its calls.) */
static inline __attribute__((always_inline)) void prefetch_memo(const lb_tagmodel *m, const lb_tf_word *w,
                                                                const lb_tag_word *t, int j, int n)
{
    if (j >= n || t[j].ncand < 2) return;
    prefetch_window(m, t, j, n);
    uint16_t edge = (uint16_t)m->nclass, none = LB_TF_NONE_CLASS;
    const uint16_t *pc = j > 0 ? t[j - 1].cand : &edge, *pid = j > 0 ? pc : &none;
    int np = j > 0 ? t[j - 1].ncand : 1;
    if (t[j].memo && (m->fset & LB_TF_SET_DE)) __builtin_prefetch(&t[j].memo[w[j].right & 7]);
    if (!(m->fset & LB_TF_SET_EN)) return;
    if (t[j].memo) prefetch_slots(t[j].memo + 8, pc, np);
    else if (np <= PREFETCH_IDS_MAX && !t[j].unseen)
        for (int k = 0; k < np; k++) prefetch_id(m, lb_tf_prev_word_id(pid[k], w[j].lower));
    if (j + 1 < n && t[j + 1].memo) prefetch_slots(t[j + 1].memo + 8 + (size_t)m->nclass + 1, pc, np);
    else if (np <= PREFETCH_IDS_MAX)
        for (int k = 0; k < np; k++) prefetch_id(m, lb_tf_prev_next_id(pid[k], (j + 1 < n ? &w[j + 1] : &lb_tf_none)->amb));
}

/* The window features of a word being decoded that are hashed per word
 * (lb_tf_window_pairs_of): their ids, then their refs. */
typedef struct window_feats { uint32_t id[LB_TF_MAX_CONTEXT]; lb_tm_ref ref[LB_TF_MAX_CONTEXT]; int n; } window_feats;

/* The first word from j on with more than one candidate (n: none). */
static int next_scored(const lb_tag_word *t, int j, int n)
{
    while (j < n && t[j].ncand < 2) j++;
    return j;
}

/* The window ids of word j into wf, their slots (and the shapes memo's
 * ambiguity slot) prefetched; the one of its identity and the verb forms
 * right of it only when it has no memo and is not unseen. */
static inline __attribute__((always_inline)) void window_ids(const lb_tagmodel *m, lb_tag_shapes *shapes,
                                                             const lb_tf_word *w, const lb_tag_word *t, int j, int n,
                                                             window_feats *wf)
{
    unsigned skip = (shapes ? LB_TF_SKIP_SHAPES | LB_TF_SKIP_AMBS : 0) | (t[j].memo || t[j].unseen ? LB_TF_SKIP_RIGHT : 0);
    wf->n = lb_tf_window_pairs_of(wf->id, w, j, n, m->fset, skip);
    lb_tagmodel_prefetch(m, wf->id, wf->n);
    if (shapes && (m->fset & LB_TF_SET_EN)) __builtin_prefetch(amb_slot(shapes, w, j, n));
}

/* The refs of wf's ids, their weights prefetched. */
static inline __attribute__((always_inline)) void window_refs(const lb_tagmodel *m, window_feats *wf)
{
    lb_tagmodel_refs(m, wf->id, wf->n, wf->ref);
    for (int k = 0; k < wf->n; k++) {
        lb_tm_ref r = wf->ref[k];
        if (r & 1) __builtin_prefetch(lb_tm_rec(m, r));
        else if (r) { __builtin_prefetch(lb_tm_row(m, r)); __builtin_prefetch(lb_tm_row(m, r) + m->nclass - 1); }
    }
}

/* Greedy, left to right. The features of one word (in a role) or of the
 * history's classes and state come as weights resolved beforehand, or
 * from the words' memos; the others are hashed here in a pipeline over
 * the words with several candidates: while one is scored, the ids of the
 * second next are hashed (their slots prefetched) and the next one's refs
 * read (their weights prefetched). */
void lb_tag_decode(const lb_tagmodel *m, const lb_tf_word *w, const lb_tag_word *t, int n, uint16_t *out, uint8_t *kout)
{
    lb_tag_decode_with(m, NULL, w, t, n, out, kout);
}

void lb_tag_decode_with(const lb_tagmodel *m, lb_tag_shapes *shapes, const lb_tf_word *w, const lb_tag_word *t, int n,
                        uint16_t *out, uint8_t *kout)
{
    uint32_t own[256], *full = shapes ? shapes->full : own, extra[2];
    int32_t first[LB_TAG_MAX_CLASSES];
    lb_tm_ref ref[2];
    window_feats wf[3];
    lb_tm_sum sum;
    const char *wb = lb_tm_base(m);
    unsigned p1 = LB_TF_NONE_CLASS, p2 = LB_TF_NONE_CLASS, st = 0;
    if (!shapes) memset(own, 0, sizeof own);
    prefetch_memo(m, w, t, 0, n);
    prefetch_memo(m, w, t, 1, n);
    prefetch_memo(m, w, t, 2, n);
    int s0 = next_scored(t, 0, n), s1 = s0 < n ? next_scored(t, s0 + 1, n) : n, cur = 0;   /* wf[cur]: s0's */
    if (s0 < n) window_ids(m, shapes, w, t, s0, n, &wf[0]);
    if (s1 < n) window_ids(m, shapes, w, t, s1, n, &wf[1]);
    if (s0 < n) window_refs(m, &wf[0]);
    for (int i = 0; i < n; i++) {
        const lb_tag_word *x = &t[i];
        int best = 0;
        prefetch_memo(m, w, t, i + 3, n);
        if (x->ncand > 1) {             /* i == s0 */
            int s2 = s1 < n ? next_scored(t, s1 + 1, n) : n;
            if (s2 < n) window_ids(m, shapes, w, t, s2, n, &wf[(cur + 2) % 3]);
            if (s1 < n) window_refs(m, &wf[(cur + 1) % 3]);
            start_scores(m, full, lb_tagmodel_hist_row(m, st, p1), x->cand, x->ncand);
            int ne = 0;
            lb_tm_at a = lb_tm_begin(&sum), *at = &a;
            add_memo_features(m, w, t, i, n, p1, extra, &ne, at);
            add_window(m, w, t, i, n, at);
            if (shapes) {
                ADD(shapes_ref(m, shapes, w, i, n));
                if (m->fset & LB_TF_SET_EN) ADD(ambs_ref(m, shapes, w, i, n));
            }
            for (int k = 0; k < wf[cur].n; k++) ADD(wf[cur].ref[k]);
            lb_tagmodel_refs(m, extra, ne, ref);
            for (int k = 0; k < ne; k++) ADD(ref[k]);
            ADD(lb_tagmodel_prev2_ref(m, p1, p2));
            const int32_t *base = i == 0 && x->folded ? first_scores(m, x, first) : x->sscore;
            best = lb_tagmodel_acc_best(m, &sum, a, full, x->cand, x->ncand, base);
            cur = (cur + 1) % 3; s1 = s2;
        }
        out[i] = x->cand[best];
        if (kout) kout[i] = (uint8_t)best;
        p2 = p1; p1 = out[i];
        st = lb_tag_state(m, st, out[i], &w[i]);
    }
}
