/* tagmodel.c: loads and queries a tagger model (format in tagmodel.h). Every
 * read is bounds-checked: a truncated or corrupt file gives "offset N". */
#include "morph/tagmodel.h"
#include "core/zeroed.h"
#include "morph/features.h"
#include "lagebild.h"
#include "doc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A word with at least WIDE_MIN candidates and at least one for every
 * WIDE_CLASSES classes (a German unknown word has all 33 open classes of
 * 62) gets whole rows summed, eight classes at a time, instead of its
 * candidates' weights picked one by one: per row about one instruction
 * per class against three per candidate, and the best among the
 * candidates is then picked as before. */
#define WIDE_MIN 12
#define WIDE_CLASSES 2
#define WIDE_STEP 8

typedef struct rd { const unsigned char *p; size_t n, off; const char *name; char *err; size_t errlen; int failed; } rd;

static int fail(rd *r, const char *what)
{
    if (!r->failed) snprintf(r->err, r->errlen, "%s: offset %zu: %s", r->name, r->off, what);
    r->failed = 1;
    return -1;
}

static int need(rd *r, size_t k) { return (r->failed || r->n - r->off < k) ? fail(r, "truncated file") : 0; }
static uint32_t u32(rd *r)
{
    if (need(r, 4)) return 0;
    const unsigned char *q = r->p + r->off;
    r->off += 4;
    return (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 24;
}
static unsigned u8(rd *r) { if (need(r, 1)) return 0; return r->p[r->off++]; }
static int16_t i16(rd *r)
{
    if (need(r, 2)) return 0;
    uint16_t v = (uint16_t)(r->p[r->off] | r->p[r->off + 1] << 8);
    r->off += 2;
    return (int16_t)v;
}

static int read_classes(rd *r, lb_tagmodel *m)
{
    uint32_t n = u32(r);
    if (r->failed) return -1;
    if (n == 0 || n > LB_TAG_MAX_CLASSES) return fail(r, "bad class count");
    m->nclass = (int)n;
    for (uint32_t i = 0; i < n; i++) {
        m->cls[i].upos = (uint8_t)u8(r);
        m->cls[i].feats = u32(r);
        if (!r->failed && m->cls[i].upos >= LB_UPOS_COUNT) return fail(r, "bad part of speech");
    }
    n = u32(r);
    if (r->failed) return -1;
    if (n > (uint32_t)m->nclass) return fail(r, "bad open class count");
    m->nopen = (int)n;
    for (uint32_t i = 0; i < n; i++) {
        m->open[i] = (uint16_t)u8(r);
        if (!r->failed && m->open[i] >= m->nclass) return fail(r, "class out of range");
    }
    return r->failed ? -1 : 0;
}

static int read_dict(rd *r, lb_tagmodel *m)
{
    uint32_t n = u32(r);
    if (r->failed) return -1;
    if (n > r->n - r->off) return fail(r, "bad dictionary size");
    size_t start = r->off, cap = r->n - r->off;
    m->dict_cls = malloc(cap ? cap : 1);
    if (!m->dict_cls) return fail(r, "out of memory");
    size_t used = 0;
    for (uint32_t i = 0; i < n; i++) {
        unsigned len = u8(r);
        if (need(r, len)) return -1;
        const char *form = (const char *)r->p + r->off;
        r->off += len;
        unsigned flags = u8(r), k = u8(r);
        if (r->failed) return -1;
        if (k == 0) return fail(r, "dictionary entry without classes");
        m->dict_cls[used] = (uint8_t)flags;
        m->dict_cls[used + 1] = (uint8_t)k;
        for (unsigned j = 0; j < k; j++) {
            unsigned c = u8(r);
            if (r->failed) return -1;
            if ((int)c >= m->nclass) return fail(r, "class out of range");
            if (j && c <= m->dict_cls[used + 1 + j]) m->sorted = 0;
            m->dict_cls[used + 2 + j] = (uint8_t)c;
        }
        if (lb_wordset_put(&m->dict, form, len, (uint32_t)used)) return fail(r, "out of memory");
        used += 2 + k;
        if (used > cap) return fail(r, "dictionary overflows");
    }
    (void)start;
    return 0;
}

/* slots per feature at least: most ids looked up are absent, and an absent
 * id probes until an empty slot (at most half full: about two slots, one
 * cache line, for an absent id; 4 made the German table 2 MB against 1 MB
 * and the tagger's share of +morph time about 5% larger: its lookups are
 * cache misses) */
enum { LOAD_ROOM = 2 };

static int read_weights(rd *r, lb_tagmodel *m)
{
    uint32_t n = u32(r);
    if (r->failed) return -1;
    if (n > (r->n - r->off) / 5) return fail(r, "bad feature count");
    size_t cap = 16;
    while (cap < (size_t)n * LOAD_ROOM) cap *= 2;
    size_t maxe = (r->n - r->off) / 3;
    if (maxe > LB_TAG_MAX_ENTRIES) maxe = LB_TAG_MAX_ENTRIES;
    m->fcap = cap;
    /* + the mirror (lb_tagmodel_refs); on huge pages, as the weights: +morph 2% faster on the benchmark corpus */
    m->fslot = lb_zeroed_huge(lb_huge_round((cap + LB_TM_PROBE - 1) * sizeof *m->fslot));
    m->fstart = malloc(cap * sizeof *m->fstart);
    m->entry = malloc((maxe + 1) * sizeof *m->entry);
    if (!m->fslot || !m->fstart || !m->entry) return fail(r, "out of memory");
    for (uint32_t i = 0; i < n; i++) {
        uint32_t id = u32(r);
        unsigned k = u8(r);
        if (r->failed) return -1;
        if (id == 0) return fail(r, "feature id 0");
        if (m->nentry + k > maxe) return fail(r, "too many weights");
        size_t h = (id * 2654435761u) & (cap - 1);
        while (m->fslot[h].key && m->fslot[h].key != id) h = (h + 1) & (cap - 1);
        if (m->fslot[h].key) return fail(r, "duplicate feature");
        m->fslot[h].key = id; m->fstart[h] = (uint32_t)(m->nentry << 8 | k);
        for (unsigned j = 0; j < k; j++) {
            unsigned c = u8(r);
            int16_t w = i16(r);
            if (r->failed) return -1;
            if ((int)c >= m->nclass) return fail(r, "class out of range");
            m->entry[m->nentry].cls = (uint8_t)c; m->entry[m->nentry].pad = 0; m->entry[m->nentry].w = w;
            m->nentry++;
        }
    }
    return 0;
}

#define DENSE_MIN LB_TM_SPARSE     /* features with more entries get a dense row */

/* Gives every slot its ref: a dense row (after one unused element, so that
 * no row offset is 0) or a padded sparse record (after the rows, from a
 * multiple of 16 bytes: their offsets are even). Rows and records follow
 * the order of the file, which lists the most used features first
 * (tools/train): the weights the decoder reads most share cache lines
 * (+clauses on the benchmark corpus against the hash order of the slots, 12
 * interleaved runs: median 0.889 -> 0.873 s). */
static int make_refs(lb_tagmodel *m)
{
    size_t rows = 0, few = 0;
    uint32_t *slot_at = malloc((m->nentry + 1) * sizeof *slot_at);     /* entry offset -> slot + 1 */
    if (!slot_at) return -1;
    memset(slot_at, 0, (m->nentry + 1) * sizeof *slot_at);
    for (size_t h = 0; h < m->fcap; h++)
        if (m->fslot[h].key) {
            if ((m->fstart[h] & 255) > DENSE_MIN) rows++; else few++;
            if (m->fstart[h] & 255) slot_at[m->fstart[h] >> 8] = (uint32_t)h + 1;   /* (one without weights needs no ref) */
        }
    size_t at = ((rows * (size_t)m->nclass + 1) * sizeof *m->dense + 15) & ~(size_t)15;
    _Static_assert(sizeof(lb_tm_sparse) % 2 == 0, "sparse records at even offsets");
    size_t bytes = at + (few + 1) * sizeof *m->sparse;
    if (bytes >> 30 || !(m->dense = lb_zeroed_huge(lb_huge_round(bytes)))) {
        free(slot_at);
        return -1;
    }
    m->sparse = (lb_tm_sparse *)(void *)((char *)m->dense + at);
    for (size_t x = 0; x < m->nentry; x++) {
        if (!slot_at[x]) continue;
        size_t h = slot_at[x] - 1;
        const lb_tm_entry *e = m->entry + (m->fstart[h] >> 8);
        unsigned n = m->fstart[h] & 255;
        if (n > DENSE_MIN) {
            size_t off = 1 + m->ndense++ * (size_t)m->nclass;
            for (unsigned k = 0; k < n; k++) m->dense[off + e[k].cls] = e[k].w;
            m->fslot[h].ref = (lb_tm_ref)(off << 1);
        } else {
            lb_tm_sparse *sp = &m->sparse[m->nsparse];
            for (unsigned k = 0; k < LB_TM_SPARSE; k++) {
                sp->cls[k] = k < n ? e[k].cls : 255;
                sp->w[k] = k < n ? e[k].w : 0;
            }
            m->fslot[h].ref = lb_tm_sparse_ref(m, m->nsparse++);
        }
    }
    free(slot_at);
    memcpy(m->fslot + m->fcap, m->fslot, (LB_TM_PROBE - 1) * sizeof *m->fslot);
    return 0;
}

lb_tm_ref lb_tagmodel_ref(const lb_tagmodel *m, uint32_t id)
{
    lb_tm_ref r;
    lb_tagmodel_refs(m, &id, 1, &r);
    return r;
}

_Static_assert(LB_TF_ROLES == sizeof ((lb_tagmodel *)0)->edge_role / sizeof (lb_tm_ref), "edge_role size");
_Static_assert(LB_TAG_MAX_CLASSES <= 255, "class 255 pads the sparse records");

/* Adds the weights of ref to row (nclass). */
static void add_ref_row(const lb_tagmodel *m, lb_tm_ref ref, int32_t *row)
{
    if (!ref) return;
    if (!(ref & 1)) {
        const int16_t *d = lb_tm_row(m, ref);
        for (int c = 0; c < m->nclass; c++) row[c] += d[c];
        return;
    }
    const lb_tm_sparse *sp = lb_tm_rec(m, ref);
    for (int j = 0; j < LB_TM_SPARSE; j++) if (sp->cls[j] != 255) row[sp->cls[j]] += sp->w[j];
}

void lb_tagmodel_derive(lb_tagmodel *m)
{
    for (int c = 0; c < m->nclass; c++) {
        const lb_tag_class *cl = &m->cls[c];
        unsigned vf = LB_FEAT_GET(cl->feats, VERBFORM), cs = LB_FEAT_GET(cl->feats, CASE);
        m->cls_vflags[c] = vf == LB_VERBFORM_PART ? LB_TF_V_PART : vf == LB_VERBFORM_INF ? LB_TF_V_INF
                         : vf == LB_VERBFORM_FIN || LB_FEAT_GET(cl->feats, MOOD) ? LB_TF_V_FIN : 0;
        if (cl->upos == LB_UPOS_NOUN || cl->upos == LB_UPOS_PROPN || cl->upos == LB_UPOS_PRON)
            m->cls_state[c] = cs == LB_CASE_NOM ? LB_TF_ST_NOM : cs == LB_CASE_ACC ? LB_TF_ST_ACC : 0;
        else if ((cl->upos == LB_UPOS_VERB || cl->upos == LB_UPOS_AUX) && vf == LB_VERBFORM_FIN)
            m->cls_state[c] = LB_TF_ST_FIN;
    }
    m->wide_min = (m->nclass + WIDE_CLASSES - 1) / WIDE_CLASSES;
    if (m->wide_min < WIDE_MIN) m->wide_min = WIDE_MIN;
    for (int i = 0; i < m->nopen; i++) {
        if (i && m->open[i] <= m->open[i - 1]) m->sorted = 0;
        lb_class_set_add(m->open_bits, m->open[i]);
    }
}

/* The refs of the features lb_tag_decode does not hash per word. */
static int resolve_fixed(lb_tagmodel *m)
{
    uint32_t id[LB_TF_ROLES];
    lb_tf_roles(id, NULL);
    for (int r = 0; r < LB_TF_ROLES; r++) m->edge_role[r] = lb_tagmodel_ref(m, id[r]);
    for (unsigned p = 0; p < 256; p++) {
        unsigned prev = p == 255 ? LB_TF_NONE_CLASS : p;
        m->prev_ref[p] = lb_tagmodel_ref(m, lb_tf_prev_id(prev));
        for (unsigned st = 0; st < 8; st++) m->state_prev_ref[st][p] = lb_tagmodel_ref(m, lb_tf_state_prev_id(st, prev));
    }
    for (unsigned st = 0; st < 8; st++) m->state_ref[st] = lb_tagmodel_ref(m, lb_tf_state_id(st));
    unsigned n = (unsigned)m->nclass;
    m->nstate = (m->fset & LB_TF_SET_DE) ? 8 : 1;
    if (!(m->hist_row = calloc((size_t)m->nstate * (n + 1) * n, sizeof *m->hist_row))) return -1;
    for (unsigned st = 0; st < (unsigned)m->nstate; st++)
        for (unsigned p = 0; p <= n; p++) {
            unsigned pi = p < n ? p : 255;
            int32_t *row = (int32_t *)lb_tagmodel_hist_row(m, st, p < n ? p : LB_TF_NONE_CLASS);
            add_ref_row(m, m->prev_ref[pi], row);
            if (m->nstate > 1) { add_ref_row(m, m->state_ref[st], row); add_ref_row(m, m->state_prev_ref[st][pi], row); }
        }
    if (!(m->prev2_ref = malloc((n + 1) * (n + 1) * sizeof *m->prev2_ref))) return -1;
    for (unsigned p1 = 0; p1 <= n; p1++)
        for (unsigned p2 = 0; p2 <= n; p2++)
            m->prev2_ref[p1 * (n + 1) + p2] = lb_tagmodel_ref(m, lb_tf_prev2_id(p1 < n ? p1 : LB_TF_NONE_CLASS,
                                                                                 p2 < n ? p2 : LB_TF_NONE_CLASS));
    return 0;
}

int lb_tagmodel_parse(lb_tagmodel **out, const unsigned char *p, size_t n, const char *name, char *err, size_t errlen)
{
    *out = NULL;
    lb_tagmodel *m = calloc(1, sizeof *m);
    if (!m) { snprintf(err, errlen, "%s: out of memory", name); return LB_ENOMEM; }
    lb_wordset_init(&m->dict);
    rd r = { p, n, 0, name, err, errlen, 0 };
    if (need(&r, 8) || memcmp(p, "LBTAGGR1", 8)) { fail(&r, "not a lagebild tagger model"); goto bad; }
    r.off = 8;
    uint32_t lang = u32(&r);        /* language tag: selects the feature set */
    m->fset = lb_tf_set_of(lang);
    m->class_mask = u32(&r);
    uint32_t sb = u32(&r);
    memcpy(&m->scale, &sb, sizeof sb);
    if (!r.failed && !(m->scale > 0 && m->scale < 1e6f)) { fail(&r, "bad weight scale"); goto bad; }
    m->sorted = 1;
    if (r.failed || read_classes(&r, m) || read_dict(&r, m) || read_weights(&r, m)) goto bad;
    lb_tagmodel_derive(m);
    if (make_refs(m) || resolve_fixed(m)) { fail(&r, "out of memory"); goto bad; }
    free(m->fstart); free(m->entry);            /* the refs hold every weight now */
    m->fstart = NULL; m->entry = NULL;
    for (int i = 0; i < m->nclass; i++) {           /* classes by part of speech (9+: linear search) */
        unsigned u = m->cls[i].upos;
        if (m->n_by_upos[u] < 8) m->by_upos[u][m->n_by_upos[u]] = (uint8_t)i;
        if (m->n_by_upos[u] < 9) m->n_by_upos[u]++;
    }
    if (need(&r, 4) || memcmp(p + r.off, "END!", 4)) { fail(&r, "missing end marker"); goto bad; }
    r.off += 4;
    if (r.off != n) { fail(&r, "trailing bytes"); goto bad; }
    *out = m;
    return LB_OK;
bad:
    lb_tagmodel_free(m);
    return strstr(err, "out of memory") ? LB_ENOMEM : LB_EDATA;
}

int lb_tagmodel_load(lb_tagmodel **out, const char *path, char *err, size_t errlen)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(err, errlen, "%s: cannot open", path); return LB_EIO; }
    size_t cap = 1 << 20, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (n < cap) break;
        unsigned char *nb = cap < ((size_t)256 << 20) ? realloc(buf, cap * 2) : NULL;
        if (!nb) { free(buf); buf = NULL; break; }
        buf = nb; cap *= 2;
    }
    int rerr = ferror(f);
    fclose(f);
    if (!buf) { snprintf(err, errlen, "%s: out of memory or file too large", path); return LB_ENOMEM; }
    if (rerr) { free(buf); snprintf(err, errlen, "%s: read error", path); return LB_EIO; }
    int rc = lb_tagmodel_parse(out, buf, n, path, err, errlen);
    free(buf);
    return rc;
}

void lb_tagmodel_free(lb_tagmodel *m)
{
    if (!m) return;
    lb_wordset_fini(&m->dict);
    free(m->dict_cls); free(m->fslot); free(m->fstart); free(m->entry); free(m->dense); free(m->prev2_ref); free(m->hist_row);
    free(m);
}

void lb_tagmodel_score(const lb_tagmodel *m, const uint32_t *f, int nf, uint32_t *score)
{
    for (int i = 0; i < nf; i++) {
        lb_tm_ref r = lb_tagmodel_ref(m, f[i]);
        if (!r) continue;
        if (!(r & 1)) {
            const int16_t *d = lb_tm_row(m, r);
            for (int c = 0; c < m->nclass; c++) score[c] += (uint32_t)(int32_t)d[c];
            continue;
        }
        const lb_tm_sparse *sp = lb_tm_rec(m, r);
        for (int j = 0; j < LB_TM_SPARSE; j++)
            if (sp->cls[j] != 255) score[sp->cls[j]] += (uint32_t)(int32_t)sp->w[j];
    }
}

/* GCC's straight-line vectoriser packs the four sums of add_rows into SSE
 * registers with shuffles per row: twice the instructions of scalar code. */
#if defined(__GNUC__) && !defined(__clang__)
#define SCALAR_SUMS __attribute__((optimize("no-tree-slp-vectorize")))
#else
#define SCALAR_SUMS
#endif

/* s[0..W) = full[c] plus the dense rows[0..nr) at the classes c of
 * cand[0..W), W of 1, 2 or 4: candidate by candidate, so that the sums stay
 * in registers. */
#define ROW_SUMS(W, rows, nr, full, cand, s) do { \
        for (int w_ = 0; w_ < (W); w_++) (s)[w_] = (full)[(cand)[w_]]; \
        for (int i_ = 0; i_ < (nr); i_++) { \
            const int16_t *r_ = (rows)[i_]; \
            for (int w_ = 0; w_ < (W); w_++) (s)[w_] += (uint32_t)r_[(cand)[w_]]; \
        } \
    } while (0)

/* Each candidate k's sum (the ROW_SUMS of its class), four at a time, then
 * the last three, two or one in one pass (a pass reads every row pointer
 * again), given to EACH(k, sum). */
#define FOR_CANDIDATE_SUMS(rows, nr, full, cand, ncand, EACH) do { \
        uint32_t s_[4]; \
        int k_ = 0; \
        for (; k_ + 4 <= (ncand); k_ += 4) { \
            ROW_SUMS(4, rows, nr, full, (cand) + k_, s_); \
            EACH(k_, s_[0]); EACH(k_ + 1, s_[1]); EACH(k_ + 2, s_[2]); EACH(k_ + 3, s_[3]); \
        } \
        switch ((ncand) - k_) { \
        case 3: \
            ROW_SUMS(3, rows, nr, full, (cand) + k_, s_); \
            EACH(k_, s_[0]); EACH(k_ + 1, s_[1]); EACH(k_ + 2, s_[2]); \
            break; \
        case 2: ROW_SUMS(2, rows, nr, full, (cand) + k_, s_); EACH(k_, s_[0]); EACH(k_ + 1, s_[1]); break; \
        case 1: ROW_SUMS(1, rows, nr, full, (cand) + k_, s_); EACH(k_, s_[0]); break; \
        default: break; \
        } \
    } while (0)


#if defined(__SSE2__)
#include <emmintrin.h>
/* full[0..cw) += the rows (cw a multiple of WIDE_STEP): pairs of rows
 * interleaved, each pair of 16-bit weights summed to 32 bits by one
 * multiply-add with 1 (exact), then added modulo 2^32 as the scalar sums. */
static void add_rows_wide(const int16_t *const *rows, int nr, int cw, uint32_t *full)
{
    const __m128i one = _mm_set1_epi16(1), zero = _mm_setzero_si128();
    for (int c = 0; c < cw; c += WIDE_STEP) {
        __m128i lo = _mm_loadu_si128((const __m128i *)(full + c)), hi = _mm_loadu_si128((const __m128i *)(full + c + 4));
        int i = 0;
        for (; i + 1 < nr; i += 2) {
            __m128i x = _mm_loadu_si128((const __m128i *)(rows[i] + c)), y = _mm_loadu_si128((const __m128i *)(rows[i + 1] + c));
            lo = _mm_add_epi32(lo, _mm_madd_epi16(_mm_unpacklo_epi16(x, y), one));
            hi = _mm_add_epi32(hi, _mm_madd_epi16(_mm_unpackhi_epi16(x, y), one));
        }
        if (i < nr) {
            __m128i x = _mm_loadu_si128((const __m128i *)(rows[i] + c));
            lo = _mm_add_epi32(lo, _mm_madd_epi16(_mm_unpacklo_epi16(x, zero), one));
            hi = _mm_add_epi32(hi, _mm_madd_epi16(_mm_unpackhi_epi16(x, zero), one));
        }
        _mm_storeu_si128((__m128i *)(full + c), lo);
        _mm_storeu_si128((__m128i *)(full + c + 4), hi);
    }
}
#else
static void add_rows_wide(const int16_t *const *rows, int nr, int cw, uint32_t *full)
{
    for (int i = 0; i < nr; i++)
        for (int c = 0; c < cw; c++) full[c] += (uint32_t)(int32_t)rows[i][c];
}
#endif
_Static_assert(((LB_TAG_MAX_CLASSES / WIDE_STEP) * WIDE_STEP) <= 256, "the wide sums stay in a scratch of 256");

/* For a word with many candidates: adds the rows to full at the classes
 * below the last multiple of WIDE_STEP up to nclass (rows are not read
 * beyond nclass) and gives the number of candidates there (ascending: the
 * first ones); the caller sums the others one by one. 0 for few candidates. */
static int wide_sums(const lb_tagmodel *m, const int16_t *const *rows, int nr, uint32_t *full, const uint16_t *cand,
                     int ncand)
{
    if (ncand < m->wide_min) return 0;
    int cw = m->nclass / WIDE_STEP * WIDE_STEP, split = ncand;
    while (split > 0 && cand[split - 1] >= cw) split--;
    add_rows_wide(rows, nr, cw, full);
    return split;
}

/* score[k] = base[k] + full[cand[k]] plus the dense rows[0..nr) at the
 * candidates' classes. */
SCALAR_SUMS static void add_rows(const int16_t *const *rows, int nr, const uint16_t *cand, int ncand,
                                 const int32_t *base, const uint32_t *full, int32_t *score)
{
#define STORE(j, sum) (score[j] = (int32_t)((sum) + (uint32_t)base[j]))
    FOR_CANDIDATE_SUMS(rows, nr, full, cand, ncand, STORE);
#undef STORE
}

/* Adds the sparse records of s up to end to full. */
static inline __attribute__((always_inline)) void add_sparse(const lb_tm_sum *s, const lb_tm_sparse *const *end,
                                                             uint32_t *full)
{
    for (const lb_tm_sparse *const *q = s->sp; q < end; q++) {
        const lb_tm_sparse *sp = *q;
        full[sp->cls[0]] += (uint32_t)sp->w[0]; full[sp->cls[1]] += (uint32_t)sp->w[1];
        full[sp->cls[2]] += (uint32_t)sp->w[2]; full[sp->cls[3]] += (uint32_t)sp->w[3];
    }
}

/* add_rows keeping only the best candidate (the first of equal ones): the
 * candidates below split from the wide sums, the others one by one. The
 * best is taken by masks, not a branch: which candidate wins is not
 * predictable. */
SCALAR_SUMS int lb_tagmodel_acc_best(const lb_tagmodel *m, const lb_tm_sum *s, lb_tm_at at, uint32_t *full,
                                     const uint16_t *cand, int ncand, const int32_t *base)
{
    int best = 0, nr = (int)(at.row - s->row);
    int32_t top = INT32_MIN;
    add_sparse(s, at.sp, full);
    int split = wide_sums(m, s->row, nr, full, cand, ncand);
#define TAKE(j, sum) do { int32_t v_ = (int32_t)((sum) + (uint32_t)base[split + (j)]); int gt_ = v_ > top; \
                          best = gt_ ? split + (j) : best; top = gt_ ? v_ : top; } while (0)
    for (int k = 0; k < split; k++) TAKE(k - split, full[cand[k]]);
    FOR_CANDIDATE_SUMS(s->row, nr, full, cand + split, ncand - split, TAKE);
#undef TAKE
    return best;
}

int lb_tagmodel_sum_refs(const lb_tagmodel *m, const lb_tm_ref *ref, int nref, int16_t *row)
{
    int32_t sum[256];
    int any = 0;
    memset(sum, 0, sizeof sum);
    for (int i = 0; i < nref; i++) {
        lb_tm_ref r = ref[i];
        if (!r) continue;
        any = 1;
        if (!(r & 1)) {
            const int16_t *d = lb_tm_row(m, r);
            for (int c = 0; c < m->nclass; c++) sum[c] += d[c];
        } else {
            const lb_tm_sparse *sp = lb_tm_rec(m, r);
            for (int j = 0; j < LB_TM_SPARSE; j++) sum[sp->cls[j]] += sp->w[j];
        }
    }
    for (int c = 0; c < m->nclass; c++) {
        if (sum[c] < INT16_MIN || sum[c] > INT16_MAX) return 0;
        row[c] = (int16_t)sum[c];
    }
    return any;
}

/* score[k] += sign * the weight of ref for class cand[k] (sign 1 or -1, in wrapping arithmetic). */
static inline void add_ref_signed(const lb_tagmodel *m, lb_tm_ref ref, const uint16_t *cand, int ncand, int32_t *score,
                                  uint32_t sign)
{
    if (!ref) return;
    if (!(ref & 1)) {
        const int16_t *row = lb_tm_row(m, ref);
        for (int k = 0; k < ncand; k++) score[k] = (int32_t)((uint32_t)score[k] + sign * (uint32_t)row[cand[k]]);
        return;
    }
    const lb_tm_sparse *sp = lb_tm_rec(m, ref);
    for (int k = 0; k < ncand; k++)
        for (int j = 0; j < LB_TM_SPARSE; j++)
            if (sp->cls[j] == cand[k]) score[k] = (int32_t)((uint32_t)score[k] + sign * (uint32_t)sp->w[j]);
}

void lb_tagmodel_add_ref(const lb_tagmodel *m, lb_tm_ref ref, const uint16_t *cand, int ncand, int32_t *score)
{
    add_ref_signed(m, ref, cand, ncand, score, 1);
}

void lb_tagmodel_sub_ref(const lb_tagmodel *m, lb_tm_ref ref, const uint16_t *cand, int ncand, int32_t *score)
{
    add_ref_signed(m, ref, cand, ncand, score, UINT32_MAX);
}

void lb_tagmodel_score_cand(const lb_tagmodel *m, const uint32_t *f, int nf, const uint16_t *cand, int ncand,
                            int32_t *score)
{
    lb_tm_ref ref[LB_TM_MAX_REFS];
    uint32_t full[256];
    lb_tm_sum sum;
    lb_tm_at at = lb_tm_begin(&sum);
    const char *base = lb_tm_base(m);
    if (nf > LB_TM_MAX_REFS) nf = LB_TM_MAX_REFS;
    lb_tagmodel_refs(m, f, nf, ref);
    if (ncand >= WIDE_MIN) memset(full, 0, (size_t)m->nclass * sizeof *full);   /* the wide sums may read every class */
    lb_tm_start(full, NULL, cand, ncand);
    for (int i = 0; i < nf; i++) lb_tm_add(base, &at, ref[i]);
    add_sparse(&sum, at.sp, full);
    int nr = (int)(at.row - sum.row), split = wide_sums(m, sum.row, nr, full, cand, ncand);
    for (int k = 0; k < split; k++) score[k] = (int32_t)((uint32_t)score[k] + full[cand[k]]);
    add_rows(sum.row, nr, cand + split, ncand - split, score + split, full, score + split);
}

int lb_tagmodel_dict(const lb_tagmodel *m, const char *folded, size_t n, const uint8_t **cls, int *ncls, int *flags)
{
    uint32_t off;
    if (!lb_wordset_get(&m->dict, folded, n, &off)) return 0;
    *flags = m->dict_cls[off];
    *ncls = m->dict_cls[off + 1];
    *cls = m->dict_cls + off + 2;
    return 1;
}

int lb_tagmodel_class(const lb_tagmodel *m, int upos, uint32_t feats)
{
    feats &= m->class_mask;
    if (upos >= 0 && upos < LB_TAG_UPOS_SLOTS && m->n_by_upos[upos] <= 8) {
        for (int i = 0; i < m->n_by_upos[upos]; i++)
            if (m->cls[m->by_upos[upos][i]].feats == feats) return m->by_upos[upos][i];
        if (m->n_by_upos[upos] < 8) return -1;
    }
    for (int i = 0; i < m->nclass; i++)
        if (m->cls[i].upos == upos && m->cls[i].feats == feats) return i;
    return -1;
}
