/* morph.c: the morphology stage driver: per sentence, every token's word
 * form is looked up in the handle's cache (candidates, static scores), the
 * tagger chooses a class per token in context, and the lemma table gives
 * lemma and features for the chosen class. Languages without a model get
 * their folded form as lemma. */
#include "morph.h"
#include "morph/bracket.h"
#include "morph/finite.h"
#include "morph/fronted.h"
#include "morph/article.h"
#include "morph/directive.h"
#include "morph/headline.h"
#include "morph/cluster.h"
#include "morph/attributive.h"
#include "morph/mood.h"
#include "morph/person.h"
#include "morph/cache.h"
#include "morph/lemmas.h"
#include "morph/lexclass.h"
#include "morph/tagger.h"
#include "morph/udwlist.h"
#include "ctx.h"
#include "text/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CACHED_FORMS 200000
#define MAX_CANDIDATES 64         /* per word, by static score */
_Static_assert(MAX_CANDIDATES < LB_MC_ALL, "a candidate's index is never a marker of lb_mc_entry.lk");
_Static_assert((unsigned)LB_MF_SEP_PART < (unsigned)LB_MC_UNSEEN, "the cache's own flag is no LB_MF_* flag");

/* over: per class the feature fields its own values replace in a reading's (class_fields) */
/* tag_cls: the lexicon's (upos, feats) pairs as classes (lb_lx_tag_classes) */
typedef struct morph_lang { lb_tagmodel *model; lb_lemmas *lemmas; lb_lexicon *lex; uint32_t over[LB_TAG_MAX_CLASSES];
                            int16_t *tag_cls; } morph_lang;
struct lb_morph_data { morph_lang lang[2]; lb_udwlist *udw; };    /* de, en; the UD words lists */

static uint32_t class_fields(uint32_t cfeats, uint32_t mask);

static int load_lang(morph_lang *l, const char *dir, const char *code, char *err, size_t errlen)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.model", dir, code);
    FILE *probe = fopen(path, "rb");
    if (!probe) return LB_OK;                   /* no model: the language is not tagged */
    fclose(probe);
    int rc = lb_tagmodel_load(&l->model, path, err, errlen);
    if (rc) return rc;
    for (int c = 0; c < l->model->nclass; c++) l->over[c] = class_fields(l->model->cls[c].feats, l->model->class_mask);
    snprintf(path, sizeof path, "%s/%s.lemmas", dir, code);
    if ((rc = lb_lemmas_load(&l->lemmas, path, err, errlen))) return rc;
    snprintf(path, sizeof path, "%s/%s.lex", dir, code);
    if (!(probe = fopen(path, "rb"))) return LB_OK;     /* no lexicon: tag dictionary only */
    fclose(probe);
    if ((rc = lb_lexicon_load(&l->lex, path, err, errlen))) return rc;
    if (lb_lexicon_tag_count(l->lex) && !(l->tag_cls = lb_lx_tag_classes(l->model, l->lex))) {
        snprintf(err, errlen, "%s: out of memory", path);
        return LB_ENOMEM;
    }
    return LB_OK;
}

int lb_morph_load(struct lb_morph_data **out, const char *dir, char *err, size_t errlen)
{
    *out = calloc(1, sizeof **out);
    if (!*out) return LB_ENOMEM;
    int rc = load_lang(&(*out)->lang[0], dir, "de", err, errlen);
    if (!rc) rc = load_lang(&(*out)->lang[1], dir, "en", err, errlen);
    char path[4096];
    snprintf(path, sizeof path, "%s/en.udwords", dir);
    FILE *probe = rc ? NULL : fopen(path, "rb");
    if (probe) {                                /* optional: without it no word stays whole by these lists */
        fclose(probe);
        rc = lb_udwlist_load(&(*out)->udw, path, err, errlen);
    }
    if (rc) { lb_morph_free(*out); *out = NULL; }
    return rc;
}

int lb_morph_load_empty(struct lb_morph_data **out)
{
    *out = calloc(1, sizeof **out);
    return *out ? LB_OK : LB_ENOMEM;
}

void lb_morph_free(struct lb_morph_data *m)
{
    if (!m) return;
    for (int i = 0; i < 2; i++) {
        lb_tagmodel_free(m->lang[i].model); lb_lemmas_free(m->lang[i].lemmas); lb_lexicon_free(m->lang[i].lex);
        free(m->lang[i].tag_cls);
    }
    lb_udwlist_free(m->udw);
    free(m);
}

void lb_morph_cache_free(struct lb_morph_cache *c) { lb_mc_free(c); }

/* Keeps the MAX_CANDIDATES candidates of cand[0..nc) with the best static
 * scores (an unknown word may have dozens), in class order: decoding cost
 * stays small. Returns the new count. */
static int prune_candidates(uint16_t *cand, int32_t *sscore, int nc)
{
    for (int i = 0; i < MAX_CANDIDATES; i++) {           /* partial selection sort by score */
        int best = i;
        for (int j = i + 1; j < nc; j++) if (sscore[j] > sscore[best]) best = j;
        uint16_t c = cand[i]; cand[i] = cand[best]; cand[best] = c;
        int32_t s = sscore[i]; sscore[i] = sscore[best]; sscore[best] = s;
    }
    nc = MAX_CANDIDATES;
    for (int i = 1; i < nc; i++)                          /* back to class order */
        for (int j = i; j > 0 && cand[j - 1] > cand[j]; j--) {
            uint16_t c = cand[j]; cand[j] = cand[j - 1]; cand[j - 1] = c;
            int32_t s = sscore[j]; sscore[j] = sscore[j - 1]; sscore[j - 1] = s;
        }
    return nc;
}

/* A lemma longer than this is never chosen (make_lemma's buffer). */
enum { LEMMA_CAP = 1024 };
_Static_assert(LEMMA_CAP <= 1 << LB_MC_REC_LEN_BITS, "a lemma's length in a record");

/* The summed role rows of e (lb_tag_sum_roles) and its decoder memo at the SUM_AT_USE-th
 * lookup of its form (rare forms would not repay their time and memory:
 * summing at the 2nd lookup cost 20 MB more on the benchmark corpus; at
 * the 8th, +7 MB and 2-3% less time than at the 16th, at the 4th +19 MB
 * for no more), in the cache; -1 when out of memory. */
enum { SUM_AT_USE = 8 };
static int sum_roles(const lb_tagmodel *m, lb_morph_cache *c, lb_mc_entry *e)
{
    if (e->uses >= SUM_AT_USE || ++e->uses < SUM_AT_USE) return 0;
    int16_t buf[LB_TAG_MAX_CLASSES];
    for (int as_next = 0; as_next < 2; as_next++) {
        const int16_t *row = lb_tag_sum_roles(m, e->role, as_next, buf);
        if (row == buf) {                       /* a sum: kept in the cache */
            int16_t *copy = lb_mc_alloc(c, (size_t)m->nclass * sizeof *buf, 64);
            if (!copy) return -1;
            row = memcpy(copy, buf, (size_t)m->nclass * sizeof *buf);
        }
        if (as_next) e->nrow = row; else e->prow = row;
    }
    size_t k = lb_tag_memo_len(m);
    if (!(e->memo = lb_mc_alloc(c, k * sizeof *e->memo, 64))) return -1;
    memset(e->memo, 0xFF, k * sizeof *e->memo);     /* LB_TAG_MEMO_UNSET */
    return 0;
}

/* The ambiguity class and verb forms of candidates cand[0..nc), from the
 * cache's memo when their class set (set; all 0: none) is there. */
static void candset_info(lb_morph_cache *c, const lb_tagmodel *m, const uint64_t *set, const uint16_t *cand, int nc,
                         uint32_t *amb, uint32_t *vflags)
{
    if (!(set[0] | set[1] | set[2] | set[3])) {
        *amb = lb_tf_amb(cand, nc);
        *vflags = lb_tag_vflags(m, cand, nc);
        return;
    }
    uint64_t h = (set[0] ^ set[1] * 0x9E3779B97F4A7C15ull ^ set[2] * 0xBF58476D1CE4E5B9ull ^ set[3] * 0x94D049BB133111EBull)
                 * 0xD6E8FEB86659FD93ull;
    struct lb_mc_candset *s = &c->candset[h >> 56];
    _Static_assert(LB_MC_CANDSETS == 256, "slot index of 8 bits");
    if (memcmp(s->set, set, sizeof s->set)) {
        memcpy(s->set, set, sizeof s->set);
        s->amb = lb_tf_amb(cand, nc);
        s->vflags = lb_tag_vflags(m, cand, nc);
    }
    *amb = s->amb;
    *vflags = s->vflags;
}

/* 1 when folded (the token's fold) is what lb_fold gives form into 256
 * bytes: the tokenizer keeps a form whose fold failed as written, which
 * only a form with non-ASCII bytes can be. */
static int fold_is_lb_fold(const char *form, size_t n, const char *folded, size_t fn)
{
    if (fn != n || memcmp(form, folded, n)) return 1;
    for (size_t i = 0; i < n; i++) if ((unsigned char)form[i] >= 0x80) return 0;
    return 1;
}

/* What new_entry learns of a form before its entry is made: the tag
 * dictionary's classes (found, dc[0..nd), dflags), the lexicon's readings
 * r[0..nr) with their classes, the candidates with their static scores, the
 * word's features and role weights. */
typedef struct form_info {
    int found, nd, dflags, known, nr, nc;
    const uint8_t *dc;
    lb_reading r[LB_LX_MAX_READINGS];
    int16_t rcls[LB_LX_MAX_READINGS];
    uint16_t cand[LB_TAG_MAX_CLASSES];
    int32_t sscore[LB_TAG_MAX_CLASSES];
    int8_t sel[LB_TAG_MAX_CLASSES];     /* per candidate the reading its lemma starts from (-1: none) */
    int nrec;                           /* the readings sel names, as records (keep_lemmas): */
    uint8_t rec_r[LB_LX_MAX_READINGS];  /* per record its reading */
    uint8_t rec_str[LB_LX_MAX_READINGS]; /* per record the first one with its lemma (the same string) */
    uint8_t rec_of[LB_LX_MAX_READINGS]; /* per reading named its record */
    uint64_t set[4];                    /* the candidates as a class set, or all 0 (lb_tag_candidates_of) */
    lb_tf_word w;
    lb_tm_ref role[LB_TF_ROLES];
    char gbuf[1024];                    /* guessed lemmas */
} form_info;

/* The candidates of token t (form, n bytes; shape) into fi: its tag
 * dictionary entry, else (punctuation) the punctuation classes; merged
 * with the classes of its lexicon readings. */
static void find_candidates(const lb_doc *doc, const morph_lang *l, const lb_tok *t, const char *form, size_t n,
                            uint32_t shape, form_info *fi)
{
    uint16_t extra[LB_TAG_MAX_CLASSES];
    int nextra = 0;
    fi->nd = fi->dflags = fi->known = fi->nr = 0;
    fi->dc = NULL;
    memset(fi->set, 0, sizeof fi->set);
    fi->found = lb_tagmodel_dict(l->model, doc->norm + t->norm, t->norm_len, &fi->dc, &fi->nd, &fi->dflags);
    if ((shape & LB_TF_SHAPE_PUNCT) && !fi->found) {
        fi->nc = lb_tag_punct_candidates(l->model, fi->cand);
        return;
    }
    if (l->lex && n <= 255 && !(shape & LB_TF_SHAPE_PUNCT)) {
        fi->nr = lb_lx_readings(l->lex, form, n, fi->r, LB_LX_MAX_READINGS, fi->gbuf, sizeof fi->gbuf, &fi->known);
        for (int i = 0; i < fi->nr; i++)        /* copied after the scoring (keep_lemmas): cache misses */
            __builtin_prefetch(fi->r[i].lemma);
        nextra = lb_lx_classes_map(l->model, l->tag_cls, fi->r, fi->nr, extra, fi->rcls);
    }
    fi->nc = lb_tag_candidates_of(l->model, fi->found, fi->dc, fi->nd, fi->dflags, extra, nextra, fi->known, fi->cand,
                                  fi->set);
}

/* The word features, role weights and static scores of token t's
 * candidates into fi (at most MAX_CANDIDATES of them kept). */
static void score_candidates(lb_morph_cache *c, const lb_doc *doc, const morph_lang *l, const lb_tok *t,
                             const char *form, size_t n, uint32_t shape, form_info *fi)
{
    const char *folded = doc->norm + t->norm;
    uint32_t amb, vflags;
    candset_info(c, l->model, fi->set, fi->cand, fi->nc, &amb, &vflags);
    lb_tf_word_init(&fi->w, form, n, folded, t->norm_len, shape, amb);
    fi->w.vflags = vflags;
    lb_tag_roles(l->model, &fi->w, !fi->found, fi->role);
    lb_tag_static(l->model, folded, t->norm_len, &fi->w, !fi->found, fi->cand, fi->nc, fi->sscore);
    if (fi->nc > MAX_CANDIDATES) fi->nc = prune_candidates(fi->cand, fi->sscore, fi->nc);
}

/* A reading's rank among those of one class, lower first: the tagger's
 * classes do not carry person, and news and most written German report in
 * the third person, so of a verb's readings that differ only in person
 * (ich sagte / er sagte, er sagt / ihr sagt) the third person's goes
 * first (lb_person_fix corrects it for an ich, wir or ihr subject), then
 * those without person, then the first and second person's. */
static int person_rank(const lb_reading *r)
{
    if (!lb_upos_is_verb(r->upos)) return 0;
    unsigned p = LB_FEAT_GET(r->feats, PERSON);
    return p == 3 ? 0 : p == 0 ? 1 : 2;
}

/* Chooses per candidate of fi the reading whose lemma make_lemma starts
 * from (fi->sel; -1 none): the first with a lemma shorter than LEMMA_CAP
 * of the candidate's class, else of its part of speech; the chosen
 * readings get records in the order of their first candidate (fi->rec_*).
 * Returns the bytes the records and their lemmas take in the cache
 * (keep_lemmas). Of readings of the same rank (person_rank) the first wins. */
static size_t choose_readings(const morph_lang *l, form_info *fi)
{
    int8_t by_cls[LB_TAG_MAX_CLASSES], by_upos[LB_UPOS_COUNT];
    memset(by_upos, -1, sizeof by_upos);
    fi->nrec = 0;
    if (!fi->nr) { memset(fi->sel, -1, (size_t)fi->nc); return 0; }
    memset(by_cls, -1, sizeof by_cls);
    _Static_assert(LB_LX_MAX_READINGS <= 64, "a bit per reading, indexes in int8_t");
    for (int i = fi->nr - 1; i >= 0; i--) {             /* backwards: the first one of the best rank wins */
        if (fi->r[i].lemma_len >= LEMMA_CAP) continue;
        int rank = person_rank(&fi->r[i]), c = fi->rcls[i], u = fi->r[i].upos;     /* (most readings: rank 0) */
        if (c >= 0 && c < LB_TAG_MAX_CLASSES && (!rank || by_cls[c] < 0 || rank <= person_rank(&fi->r[by_cls[c]])))
            by_cls[c] = (int8_t)i;
        if (u < LB_UPOS_COUNT && (!rank || by_upos[u] < 0 || rank <= person_rank(&fi->r[by_upos[u]]))) by_upos[u] = (int8_t)i;
    }
    uint64_t taken = 0;
    size_t size = 0;
    for (int k = 0; k < fi->nc; k++) {
        int cls = fi->cand[k], i = by_cls[cls];
        if (i < 0 && l->model->cls[cls].upos < LB_UPOS_COUNT) i = by_upos[l->model->cls[cls].upos];
        fi->sel[k] = (int8_t)i;
        if (i < 0 || (taken >> i & 1)) continue;
        taken |= (uint64_t)1 << i;
        int j = fi->nrec++, s = 0;
        while (s < j && (fi->r[fi->rec_r[s]].lemma != fi->r[i].lemma || fi->r[fi->rec_r[s]].lemma_len != fi->r[i].lemma_len)) s++;
        fi->rec_r[j] = (uint8_t)i; fi->rec_str[j] = (uint8_t)s; fi->rec_of[i] = (uint8_t)j;
        if (s == j) size += fi->r[i].lemma_len + 1;
    }
    return (size_t)fi->nrec * sizeof(lb_mc_rec) + size;
}

/* The tag dictionary's classes of token t's form folded by lb_fold into 256
 * bytes, into *cls and *n (none: 0): the treebank's lemma conventions win
 * for them (make_lemma). */
static void training_classes(const morph_lang *l, const form_info *fi, const lb_doc *doc, const lb_tok *t,
                             const char *form, size_t n, const uint8_t **cls, int *ncls)
{
    char low[256];
    int flags;
    *cls = NULL; *ncls = 0;
    if (n > 256 || t->norm_len > 256) return;                     /* lb_fold into 256 bytes fails: none */
    if (fold_is_lb_fold(form, n, doc->norm + t->norm, t->norm_len)) {
        if (fi->found) { *cls = fi->dc; *ncls = fi->nd; }
        return;
    }
    size_t fl = lb_fold(low, sizeof low, form, n);             /* the token's fold differs */
    if (!fl || !lb_tagmodel_dict(l->model, low, fl, cls, ncls, &flags)) { *cls = NULL; *ncls = 0; }
}

/* The pending bytes of e's candidates (lb_mc_pend) from fi, and the
 * records of the chosen readings at rec (choose_readings bytes), their
 * lemmas copied after them: a guessed lemma lives in the guesser's buffer
 * or in the document's own text (a name's lemma is its form), which the
 * next document frees. tcls[0..ntcls): the training data's classes of the
 * form. */
static void keep_lemmas(lb_mc_entry *e, const form_info *fi, lb_mc_rec *rec, const uint8_t *tcls, int ntcls)
{
    char *s = (char *)(rec + fi->nrec);
    for (int j = 0; j < fi->nrec; j++) {
        const lb_reading *r = &fi->r[fi->rec_r[j]];
        uint32_t at = rec[fi->rec_str[j]].at >> LB_MC_REC_LEN_BITS;
        if (fi->rec_str[j] == j) {
            memcpy(s, r->lemma, r->lemma_len);
            s[r->lemma_len] = '\0';
            at = (uint32_t)(s - (char *)rec);
            s += r->lemma_len + 1;
        }
        rec[j] = (lb_mc_rec){ r->feats, at << LB_MC_REC_LEN_BITS | r->lemma_len };
    }
    uint8_t *pend = lb_mc_pend(e);
    uint64_t tset[4] = { 0, 0, 0, 0 };          /* tcls as a class set */
    _Static_assert(LB_TAG_MAX_CLASSES <= 256, "a class set of 256 bits");
    for (int j = 0; j < ntcls; j++) tset[tcls[j] >> 6] |= (uint64_t)1 << (tcls[j] & 63);
    for (int k = 0; k < fi->nc; k++) {
        int i = fi->sel[k], cls = fi->cand[k];
        uint8_t seen = (tset[cls >> 6] >> (cls & 63) & 1) ? LB_MC_SEEN : 0;
        pend[k] = (i < 0 ? LB_MC_NOREAD : fi->rec_of[i]) | seen;
    }
}

/* A new cache entry for token t (form, n bytes; hash h); NULL when out of memory. */
static __attribute__((noinline)) lb_mc_entry *new_entry(lb_doc *doc, const morph_lang *l, lb_morph_cache *c,
                                                        const lb_tok *t, const char *form, size_t n, uint32_t h)
{
    form_info fi;
    uint32_t shape = lb_tf_shape(form, n);
    find_candidates(doc, l, t, form, n, shape, &fi);
    score_candidates(c, doc, l, t, form, n, shape, &fi);
    void *strings;              /* the reading records (lb_mc_recs) */
    lb_mc_entry *e = lb_mc_add(c, form, n, h, fi.nc, choose_readings(l, &fi), &strings);
    if (!e) return NULL;
    e->w = fi.w;
    memcpy(e->role, fi.role, sizeof e->role);
    e->flags = (fi.known ? LB_MF_KNOWN : 0) | (fi.found ? 0 : LB_MC_UNSEEN);
    memcpy(lb_mc_cand(e), fi.cand, (size_t)fi.nc * sizeof *fi.cand);
    memcpy(lb_mc_sscore(e), fi.sscore, (size_t)fi.nc * sizeof *fi.sscore);
    lb_tag_fold_self(l->model, e->role, lb_mc_cand(e), e->ncand, lb_mc_sscore(e));
    const uint8_t *tcls;
    int ntcls;
    training_classes(l, &fi, doc, t, form, n, &tcls, &ntcls);
    keep_lemmas(e, &fi, strings, tcls, ntcls);
    return e;
}

/* The cache entry of token t: made on first sight of its form. */
static inline lb_mc_entry *entry_of(lb_doc *doc, const morph_lang *l, lb_morph_cache *c, const lb_tok *t, uint32_t h)
{
    const char *form = doc->text + t->start;
    size_t n = t->end - t->start;
    lb_mc_entry *e = lb_mc_get(c, form, n, doc->len - t->start, h);
    return e ? e : new_entry(doc, l, c, t, form, n, h);
}

/* Computes the lemma and features of entry e with its k-th candidate class
 * from its pending byte into *out; -1 when out of memory. The lexicon
 * reading's lemma (its copy) and the form are the entry's own
 * (NUL-terminated in the cache): only a lemma of the lemma table is copied. */
static int make_lemma(lb_morph_cache *c, const morph_lang *l, const lb_mc_entry *e, int k, lb_mc_lemma *out)
{
    int pend = lb_mc_pend(e)[k], ck = lb_mc_cand(e)[k];
    const lb_tag_class *cl = &l->model->cls[ck];
    char buf[LEMMA_CAP];
    const char *lemma = NULL;
    uint32_t feats = cl->feats;
    size_t n = 0;
    if ((pend & LB_MC_NOREAD) != LB_MC_NOREAD) {
        const lb_mc_rec *r = &lb_mc_recs(e)[pend & LB_MC_NOREAD];
        lemma = (const char *)lb_mc_recs(e) + (r->at >> LB_MC_REC_LEN_BITS);
        n = r->at & ((1u << LB_MC_REC_LEN_BITS) - 1);
        feats = r->feats;
    }
    if (!n || (pend & LB_MC_SEEN)) {            /* no reading, or the treebank's conventions win */
        uint32_t tf;
        n = lb_lemmas_apply(l->lemmas, lb_mc_form(e), e->len, cl->upos, cl->feats, buf, sizeof buf, &tf);
        lemma = buf;
        if (!l->lex || !n) feats = tf;
    }
    uint32_t over = l->over[ck];                /* the class's features put over the reading's: the choice in context wins */
    feats = (feats & ~over) | (cl->feats & over);
    if (!n) { lemma = lb_mc_form(e); n = e->len; }  /* the form itself (it may be longer than buf) */
    if (lemma == buf) {
        char *copy = lb_mc_alloc(c, n + 1, 1);
        if (!copy) return -1;
        memcpy(copy, buf, n);
        copy[n] = '\0';
        lemma = copy;
    }
    *out = (lb_mc_lemma){ lemma, (uint32_t)n, feats };
    return 0;
}

/* Entry e's lemmas of all candidates in an array: its third class (the
 * done slots are taken). NULL when out of memory. */
static lb_mc_lemma *lemma_array(lb_morph_cache *c, lb_mc_entry *e)
{
    lb_mc_lemma *all = lb_mc_alloc(c, (size_t)e->ncand * sizeof *all, 8);
    if (!all) return NULL;
    for (int j = 0; j < e->ncand; j++) all[j] = (lb_mc_lemma){ NULL, LB_MC_PENDING, 0 };
    all[e->lk[0]] = e->done[0];
    all[e->lk[1]] = e->done[1];
    e->all = all;
    e->lk[0] = LB_MC_ALL;
    e->lk[1] = LB_MC_NONE;
    return all;
}

/* The lemma of entry e with its k-th candidate class when not in a done
 * slot: computed into a free one, or into the array; NULL when out of memory. */
static __attribute__((noinline)) const lb_mc_lemma *new_lemma(lb_morph_cache *c, const morph_lang *l, lb_mc_entry *e, int k)
{
    int d = e->lk[0] == LB_MC_NONE ? 0 : e->lk[1] == LB_MC_NONE && e->lk[0] != LB_MC_ALL ? 1 : -1;
    if (d >= 0) {
        if (make_lemma(c, l, e, k, &e->done[d])) return NULL;
        e->lk[d] = (uint8_t)k;
        return &e->done[d];
    }
    if (e->lk[0] != LB_MC_ALL && !lemma_array(c, e)) return NULL;
    lb_mc_lemma *li = &e->all[k];
    if ((li->len & LB_MC_PENDING) && make_lemma(c, l, e, k, li)) return NULL;
    return li;
}

/* The lemma and features of entry e with its k-th candidate class (computed
 * on first use); NULL when out of memory. */
static inline const lb_mc_lemma *lemma_of(lb_morph_cache *c, const morph_lang *l, lb_mc_entry *e, int k)
{
    if (e->lk[0] == k) return &e->done[0];
    if (e->lk[1] == k) return &e->done[1];
    if (e->lk[0] == LB_MC_ALL && !(e->all[k].len & LB_MC_PENDING)) return &e->all[k];
    return new_lemma(c, l, e, k);
}

/* The lb_morph of entry e with its k-th candidate class (lemma and
 * features cached), no links. */
static inline int analyse(lb_morph_cache *c, const morph_lang *l, lb_mc_entry *e, int k, lb_morph *m)
{
    const lb_mc_lemma *li = lemma_of(c, l, e, k);
    if (!li) return -1;
    *m = (lb_morph){ .lemma = li->lemma, .lemma_len = li->len, .upos = l->model->cls[lb_mc_cand(e)[k]].upos,
                     .feats = li->feats, .flags = (uint8_t)(e->flags & ~LB_MC_UNSEEN), .link = -1, .clause = -1, .phrase = -1 };
    /* a preposition with article features is a contraction: am = an dem, zum = zu dem */
    if (m->upos == LB_UPOS_ADP && LB_FEAT_GET(m->feats, PRONTYPE) == LB_PRONTYPE_ART) m->flags |= LB_MF_CONTR;
    return 0;
}

/* The form cache's hashes of tokens toks[0..n) into h. */
static void hash_forms(const lb_doc *doc, const lb_tok *toks, size_t n, uint32_t *h)
{
    for (size_t i = 0; i < n; i++) h[i] = lb_mc_hash(doc->text + toks[i].start, toks[i].end - toks[i].start);
}

/* Starts loading the cache slots of sentence s's forms (hashes h: of the document). */
static void prefetch_slots(const lb_doc *doc, const lb_morph_cache *c, const uint32_t *h, size_t s)
{
    const lb_sent *se = &LB_SENTS(doc)[s];
    for (size_t i = se->tok0; i < (size_t)se->tok0 + se->ntok; i++) lb_mc_prefetch(c, h[i]);
}

/* Starts loading the cache entries of sentence s's forms (their slots are
 * read: prefetch_slots a sentence earlier), and for a form not in the
 * cache what its tag dictionary and lexicon lookups read first. */
static void prefetch_entries(const lb_doc *doc, const morph_lang *l, const lb_morph_cache *c, const uint32_t *h, size_t s)
{
    const lb_sent *se = &LB_SENTS(doc)[s];
    const lb_tok *toks = LB_TOKS(doc);
    for (size_t i = se->tok0; i < (size_t)se->tok0 + se->ntok; i++)
        if (!lb_mc_prefetch_entry(c, h[i])) {
            lb_wordset_prefetch(&l->model->dict, doc->norm + toks[i].norm, toks[i].norm_len);
            if (l->lex) lb_lexicon_prefetch(l->lex, doc->text + toks[i].start, toks[i].end - toks[i].start);
        }
}

/* Per-sentence scratch arrays (room for the longest sentence), and the
 * document's form hashes (hash_forms). */
typedef struct scratch {
    lb_mc_entry **ent; lb_tf_word *w; lb_tag_word *tw; uint16_t *out; uint8_t *kout; uint32_t *hash;
    uint8_t *changed;               /* per word: lb_mood_fix chose another candidate */
} scratch;

/* The decoder's view of entry e. */
static inline lb_tag_word tag_word_of(const lb_mc_entry *e)
{
    int32_t *ss = lb_mc_sscore(e);
    return (lb_tag_word){ .cand = lb_mc_cand(e), .sscore = ss, .ncand = e->ncand, .role = e->role,
                          .folded = 1, .unseen = (e->flags & LB_MC_UNSEEN) != 0, .prow = e->prow, .nrow = e->nrow,
                          .memo = e->memo };
}

/* The lb_morph of token t (entry e, its k-th candidate) into *m; -1 when out of memory. (Inline: it
 * runs for every token.) */
static inline __attribute__((always_inline)) int fill_token(lb_doc *doc, lb_morph_cache *c, const morph_lang *l,
                                                            lb_mc_entry *e, int k, const lb_tok *t, lb_morph *m)
{
    if (analyse(c, l, e, k, m)) return -1;
    if (t->flags & LB_TOK_URL) {                /* a URL or host name is its own lemma, as written (UD) */
        m->lemma = doc->text + t->start;
        m->lemma_len = t->end - t->start;
    }
    return 0;
}

/* the sentence toks[0..n) ends like a statement: a full stop or an
 * exclamation mark, before closing quotation marks or brackets */
static int clause_end(const lb_doc *doc, const lb_tok *toks, int n)
{
    int i = n - 1;
    while (i > 0 && (toks[i].flags & (LB_TOK_QUOTE | LB_TOK_BRACKET_CLOSE))) i--;
    if (i < 0 || toks[i].end - toks[i].start != 1) return 0;
    char ch = doc->text[toks[i].start];
    return ch == '.' || ch == '!';
}

/* Token i takes candidate k of its entry: its lb_morph filled again, kept
 * when ok accepts it (else the old one back); 1 when taken, -1 when out of
 * memory. */
static int retake(lb_doc *doc, const morph_lang *l, lb_morph_cache *c, const lb_tok *toks, const scratch *x, lb_morph *mo,
                  int i, int k, int (*ok)(const lb_morph *))
{
    lb_morph was = mo[i];
    if (fill_token(doc, c, l, x->ent[i], k, &toks[i], &mo[i])) return -1;
    if (ok(&mo[i])) { x->out[i] = x->tw[i].cand[k]; x->kout[i] = (uint8_t)k; return 1; }
    mo[i] = was;
    return 0;
}

static int is_finite(const lb_morph *m) { return lb_morph_is_finite(m); }
static int not_finite(const lb_morph *m) { return !lb_morph_is_finite(m); }
static int is_noun(const lb_morph *m) { return m->upos == LB_UPOS_NOUN; }

/* the lexicon has a reading of candidate k of entry e (a guessed class is no evidence for a repair) */
static int lexicon_reading(const lb_mc_entry *e, int k)
{
    return k >= 0 && (e->flags & LB_MF_KNOWN) && (lb_mc_pend(e)[k] & ~LB_MC_SEEN) != LB_MC_NOREAD;
}

/* Token i takes its candidate of part of speech upos whose class features
 * under mask are value (lb_tag_candidate_with) when the lexicon has a
 * reading of it, as retake (ok); 0 when it has no such candidate. */
static int retake_class(lb_doc *doc, const morph_lang *l, lb_morph_cache *c, const lb_tok *toks, const scratch *x,
                        lb_morph *mo, int i, int upos, uint32_t mask, uint32_t value, int (*ok)(const lb_morph *))
{
    int k = lb_tag_candidate_with(l->model, &x->tw[i], upos, mask, value);
    return lexicon_reading(x->ent[i], k) ? retake(doc, l, c, toks, x, mo, i, k, ok) : 0;
}

/* A statement without a finite verb (finite.h): the first word that may be
 * a misread one takes its finite candidate, when the lexicon has a reading
 * of that class and it is the indicative in the third person; -1 when out
 * of memory. */
static int finite_fix(lb_doc *doc, const morph_lang *l, lb_morph_cache *c, const lb_tok *toks, int n, const scratch *x,
                      lb_morph *mo)
{
    for (int i = 0; i < n; i++) {
        int k = lb_finite_candidate(l->model, x->w, x->tw, mo, i, n);
        if (!lexicon_reading(x->ent[i], k)) continue;
        int r = retake(doc, l, c, toks, x, mo, i, k, lb_finite_agrees);
        if (r) return r < 0 ? -1 : 0;
    }
    return 0;
}

/* The verb-final clauses of a German sentence (cluster.h): the last verb of
 * the closing cluster, read as no finite verb, takes its best finite
 * candidate the lexicon has a reading of; then the finite verbs before it
 * their participle candidate, else their infinitive one
 * (lb_tag_nonfinite_candidate, as in lb_bracket_fix); -1 when out of memory. */
static int cluster_fix(lb_doc *doc, const morph_lang *l, lb_morph_cache *c, const lb_tok *toks, int n, const scratch *x,
                       lb_morph *mo)
{
    const lb_tagmodel *m = l->model;
    for (int from = 0, a, v; (v = lb_cluster_next(m, mo, n, &from, &a)) >= 0;) {
        int r = 1;
        if (!lb_morph_is_finite(&mo[v])) {
            int k = lb_finite_best(m, &x->tw[v]);
            if (!lexicon_reading(x->ent[v], k)) continue;
            r = retake(doc, l, c, toks, x, mo, v, k, is_finite);
        }
        for (int j = a; r > 0 && j < v; j++) {
            if (!lb_morph_is_finite(&mo[j])) continue;
            int kp = lb_tag_nonfinite_candidate(m, &x->tw[j], mo[j].upos);
            if (kp >= 0 && retake(doc, l, c, toks, x, mo, j, kp, not_finite) < 0) return -1;
        }
        if (r < 0) return -1;
    }
    return 0;
}

/* What the grammatical repairs after tagging look for, found in one pass
 * over the filled words (mark_word): the first finite verb, one right after
 * an article (attributive.h), two verbs before a punctuation mark or the
 * end (cluster.h), the first capitalised article or pronoun after the
 * second word (headline.h), an article right after a preposition (article.h). */
typedef struct sent_marks {
    int fin, detfin, vpair, opener, adpdet;
    uint32_t prev, prev2;                       /* the part-of-speech bits of the two words before */
} sent_marks;
enum { SM_VERBS = 1u << LB_UPOS_VERB | 1u << LB_UPOS_AUX };

static inline __attribute__((always_inline)) void mark_word(sent_marks *sm, const lb_morph *mo, const lb_tok *toks, int i)
{
    uint32_t u = 1u << (mo[i].upos & 31);
    sm->adpdet |= (u & 1u << LB_UPOS_DET) && (sm->prev & 1u << LB_UPOS_ADP);
    if (lb_morph_is_finite(&mo[i])) {
        if (sm->fin < 0) sm->fin = i;
        sm->detfin |= (sm->prev & 1u << LB_UPOS_DET) != 0;
    } else if (u & 1u << LB_UPOS_PUNCT) {
        sm->vpair |= (sm->prev & SM_VERBS) && (sm->prev2 & SM_VERBS);
    } else if ((u & (1u << LB_UPOS_DET | 1u << LB_UPOS_PRON)) && !sm->opener && i >= 2 && (toks[i].flags & LB_TOK_UPPER)) {
        sm->opener = i;
    }
    sm->prev2 = sm->prev; sm->prev = u;
}

static int is_singular(const lb_morph *m) { return LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_SING; }
static int is_accusative(const lb_morph *m) { return LB_FEAT_GET(m->feats, CASE) == LB_CASE_ACC; }

/* The words i..j (article, adjectives, noun: lb_article_noun) take their
 * accusative candidates when the article's is singular; -1 when out of memory. */
static int accusative_group(lb_doc *doc, const morph_lang *l, lb_morph_cache *c, const lb_tok *toks, const scratch *x,
                            lb_morph *mo, int i, int j)
{
    const uint32_t cm = LB_FEAT(CASE, LB_CASE_MASK), acc = LB_FEAT(CASE, LB_CASE_ACC);
    int r = retake_class(doc, l, c, toks, x, mo, i, LB_UPOS_DET, cm, acc, is_singular);
    for (int w = i + 1; r > 0 && w <= j; w++) {
        int k = lb_tag_candidate_with(l->model, &x->tw[w], mo[w].upos, cm, acc);
        if (k >= 0 && retake(doc, l, c, toks, x, mo, w, k, is_accusative) < 0) return -1;
    }
    return r < 0 ? -1 : 0;
}

/* The German repairs of a tagged sentence, where its marks call for them:
 * adjectives between article and noun (attributive.h), the finite verb of a
 * statement (finite.h), a participle clause before the main clause
 * (fronted.h), an infinitive as a directive and a noun coordinated with
 * another (directive.h), the accusative after a preposition (article.h),
 * verb-final clusters (cluster.h); -1 when out of memory. */
static int repair(lb_doc *doc, const morph_lang *l, lb_morph_cache *c, const lb_tok *toks, int n, const scratch *x,
                  lb_morph *mo, sent_marks marks)
{
    sent_marks *sm = &marks;
    for (int i = 1; sm->detfin && i + 1 < n; i++) {
        int k = lb_attributive_candidate(l->model, x->w, x->tw, mo, i, n);
        if (k >= 0 && retake(doc, l, c, toks, x, mo, i, k, lb_attributive_agrees) < 0) return -1;
    }
    if (sm->detfin && sm->fin >= 0) {           /* the first finite verb again: one may be an adjective now */
        int f = 0;
        while (f < n && !lb_morph_is_finite(&mo[f])) f++;
        sm->fin = f < n ? f : -1;
    }
    /* (a finite verb among the first three words leaves no stretch of three without one) */
    int end = (sm->fin < 0 || sm->fin >= 3) && clause_end(doc, toks, n) ? lb_finite_missing(l->model, mo, n, sm->fin) : 0;
    if (end && finite_fix(doc, l, c, toks, end, x, mo)) return -1;
    const uint32_t vfm = LB_FEAT(VERBFORM, LB_VERBFORM_MASK), cm = LB_FEAT(CASE, LB_CASE_MASK);
    int part[4], np = lb_fronted_participles(l->model, doc->text, toks, mo, n, part, 4);
    for (int p = 0; p < np; p++)                /* "Bewaffnet von den USA, griff ...": the participles */
        if (retake_class(doc, l, c, toks, x, mo, part[p], LB_UPOS_VERB, vfm, LB_FEAT(VERBFORM, LB_VERBFORM_PART),
                         not_finite) < 0)
            return -1;
    int v = lb_directive_infinitive(l->model, mo, n);   /* "Bitte hier klicken.": the infinitive */
    if (v >= 0 &&
        retake_class(doc, l, c, toks, x, mo, v, LB_UPOS_VERB, vfm, LB_FEAT(VERBFORM, LB_VERBFORM_INF), not_finite) < 0)
        return -1;
    if (lb_coordinated_noun(l->model, toks, mo, n) &&  /* "Morgen und Abend": the noun, in the other's case */
        retake_class(doc, l, c, toks, x, mo, 0, LB_UPOS_NOUN, cm, mo[2].feats & cm, is_noun) < 0)
        return -1;
    for (int i = 1; sm->adpdet && i + 1 < n; i++) {     /* "in den Irak": the accusative singular */
        int j = lb_article_noun(l->model, l->lex, doc->text, toks, mo, i, n);
        if (j >= 0 && accusative_group(doc, l, c, toks, x, mo, i, j) < 0) return -1;
    }
    return sm->vpair ? cluster_fix(doc, l, c, toks, n, x, mo) : 0;
}

/* Tags sentence s and fills its tokens' lb_morph, *opener the first word
 * after its second that may open a sentence run into it (lb_headline_cut),
 * 0 none; -1 when out of memory.
 * The cache's slots and entries it reads are cache misses: the caller
 * starts loading them one and two sentences ahead (run_sentences). */
static int tag_sentence(lb_doc *doc, const morph_lang *l, lb_morph_cache *c, const lb_sent *s, const scratch *x,
                        int *opener)
{
    const lb_tok *toks = LB_TOKS(doc) + s->tok0;
    const uint32_t *h = x->hash + s->tok0;
    int n = (int)s->ntok;
    lb_mc_entry **ent = x->ent;
    for (int i = 0; i < n; i++) {
        if (!(ent[i] = entry_of(doc, l, c, &toks[i], h[i])) || sum_roles(l->model, c, ent[i])) return -1;
        x->w[i] = ent[i]->w;
        x->tw[i] = tag_word_of(ent[i]);
    }
    lb_tf_sentence(x->w, n);
    lb_tag_decode_with(l->model, &c->shapes, x->w, x->tw, n, x->out, x->kout);
    lb_bracket_fix(l->model, x->w, x->tw, n, x->out, x->kout);
    for (int i = 0; i < n; i++)                 /* the lemma arrays lemma_of reads: cache misses, loaded together */
        if (ent[i]->lk[0] == LB_MC_ALL) __builtin_prefetch(&ent[i]->all[x->kout[i]]);
    lb_morph *mo = LB_MORPH(doc) + s->tok0;
    int first_singular = 0, person = 0;         /* a verb lb_mood_fix may change, a pronoun for lb_person_fix */
    sent_marks sm = { .fin = -1 };
    for (int i = 0; i < n; i++) {
        if (fill_token(doc, c, l, ent[i], x->kout[i], &toks[i], &mo[i])) return -1;
        first_singular |= lb_mood_first_singular(&mo[i]);
        person |= lb_person_subject(&mo[i]);
        mark_word(&sm, mo, toks, i);
    }
    sm.vpair |= (sm.prev & SM_VERBS) && (sm.prev2 & SM_VERBS);     /* at the end (a headline without a full stop) */
    *opener = sm.opener;
    if (repair(doc, l, c, toks, n, x, mo, sm)) return -1;
    if (person) lb_person_fix(l->lex, doc, toks, n, mo);
    if (!first_singular) return 0;
    memset(x->changed, 0, (size_t)n);
    if (lb_mood_fix(l->model, x->tw, n, mo, x->out, x->kout, x->changed))
        for (int i = 0; i < n; i++)
            if (x->changed[i] && fill_token(doc, c, l, ent[i], x->kout[i], &toks[i], &mo[i])) return -1;
    return 0;
}

/* The lb_morph of tokens [i, end) without a model: its folded form as lemma, no links. */
static void fill_default(lb_doc *doc, size_t i, size_t end)
{
    for (; i < end; i++) {
        const lb_tok *t = &LB_TOKS(doc)[i];
        uint8_t upos = (t->flags & LB_TOK_PUNCT) ? LB_UPOS_PUNCT : (t->flags & LB_TOK_NUM) ? LB_UPOS_NUM : LB_UPOS_X;
        LB_MORPH(doc)[i] = (lb_morph){ .lemma = doc->norm + t->norm, .lemma_len = t->norm_len, .upos = upos,
                                       .link = -1, .clause = -1, .phrase = -1 };
    }
}

/* Out of memory: the tokens from tok0 on get defaults (every lb_morph stays defined). */
static int morph_fail(lb_doc *doc, size_t tok0)
{
    fill_default(doc, tok0, doc->toks.len);
    return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
}

/* Splits sentence s before its token tok0 + cut (0 < cut < ntok): the
 * sentences after it move up one, and so do their tokens' sentence
 * indices; -1 when out of memory. */
static int split_sentence(lb_doc *doc, size_t s, uint32_t cut)
{
    if (!lb_vec_push(&doc->sents, &doc->arena)) return -1;
    lb_sent *S = LB_SENTS(doc);
    memmove(&S[s + 2], &S[s + 1], (doc->sents.len - s - 2) * sizeof *S);
    lb_tok *t = LB_TOKS(doc);
    lb_sent whole = S[s];
    S[s] = (lb_sent){ whole.start, t[whole.tok0 + cut - 1].end, whole.tok0, cut };
    S[s + 1] = (lb_sent){ t[whole.tok0 + cut].start, whole.end, whole.tok0 + cut, whole.ntok - cut };
    for (size_t i = whole.tok0 + cut; i < doc->toks.len; i++) t[i].sent++;
    return 0;
}

/* Tags every sentence of doc (l, c: its language's model and cache; x:
 * scratch with the document's form hashes); in order: the tokens between
 * sentences get defaults. While one sentence is tagged the cache entries of
 * the next one and the slots of the one after it are on their way. */
static int run_sentences(lb_doc *doc, const morph_lang *l, lb_morph_cache *c, const scratch *x, int in_order)
{
    size_t next = 0;                                /* in order: the first token not yet filled */
    for (size_t s = 0; s < 2 && s < doc->sents.len; s++) prefetch_slots(doc, c, x->hash, s);
    if (doc->sents.len) prefetch_entries(doc, l, c, x->hash, 0);
    for (size_t s = 0; s < doc->sents.len; s++) {
        size_t ns = doc->sents.len;
        const lb_sent *se = &LB_SENTS(doc)[s];
        if (s + 2 < ns) prefetch_slots(doc, c, x->hash, s + 2);
        if (s + 1 < ns) prefetch_entries(doc, l, c, x->hash, s + 1);
        if (in_order) { fill_default(doc, next, se->tok0); next = (size_t)se->tok0 + se->ntok; }
        /* a subheading run into the sentence (headline.h): two sentences, the first tagged again */
        for (int opener;;) {
            if (tag_sentence(doc, l, c, se, x, &opener)) return morph_fail(doc, se->tok0);
            int cut = opener ? lb_headline_cut(l->model, l->lex, doc->text, LB_TOKS(doc) + se->tok0,
                                               LB_MORPH(doc) + se->tok0, (int)se->ntok, opener) : 0;
            if (!cut) break;
            if (split_sentence(doc, s, (uint32_t)cut)) return morph_fail(doc, LB_SENTS(doc)[s].tok0);
            se = &LB_SENTS(doc)[s];
            if (in_order) next = (size_t)se->tok0 + se->ntok;
        }
    }
    if (in_order) fill_default(doc, next, doc->toks.len);
    return LB_OK;
}

int lb_morph_run(lb_doc *doc)
{
    size_t n = doc->toks.len;
    lb_vec_init(&doc->morph, sizeof(lb_morph));
    lb_morph *mo = n && n <= SIZE_MAX / sizeof *mo ? lb_arena_alloc(&doc->arena, n * sizeof *mo) : NULL;
    if (n && !mo) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
    doc->morph.items = mo; doc->morph.len = doc->morph.cap = n;
    int li = !strcmp(doc->lang, "en");
    const morph_lang *l = &doc->ctx->morph->lang[li];
    if (!l->model || !n) { fill_default(doc, 0, n); return LB_OK; }
    if (!doc->morph_cache[li] && !(doc->morph_cache[li] = lb_mc_new(MAX_CACHED_FORMS + 1))) return morph_fail(doc, 0);
    lb_morph_cache *c = doc->morph_cache[li];
    lb_mc_trim(c, MAX_CACHED_FORMS);
    size_t maxn = 0, end = 0;
    int in_order = 1;                   /* sentences ascending, apart: only the tokens between them need defaults */
    for (size_t s = 0; s < doc->sents.len; s++) {
        const lb_sent *se = &LB_SENTS(doc)[s];
        if (se->ntok > maxn) maxn = se->ntok;
        if (se->tok0 < end) in_order = 0;
        end = (size_t)se->tok0 + se->ntok;
        if (end > n) return morph_fail(doc, 0);     /* beyond the tokens: the text stage never makes one */
    }
    if (!in_order) fill_default(doc, 0, n);
    scratch x = { lb_arena_alloc(&doc->arena, (maxn + 1) * sizeof *x.ent), lb_arena_alloc(&doc->arena, (maxn + 1) * sizeof *x.w),
                  lb_arena_alloc(&doc->arena, (maxn + 1) * sizeof *x.tw), lb_arena_alloc(&doc->arena, (maxn + 1) * sizeof *x.out),
                  lb_arena_alloc(&doc->arena, maxn + 1), lb_arena_alloc(&doc->arena, n * sizeof *x.hash),
                  lb_arena_alloc(&doc->arena, maxn + 1) };
    if (!x.ent || !x.w || !x.tw || !x.out || !x.kout || !x.hash || !x.changed) return morph_fail(doc, 0);
    hash_forms(doc, LB_TOKS(doc), n, x.hash);
    return run_sentences(doc, l, c, &x, in_order);
}

int lb_morph_word_upos(const lb_doc *doc, const char *form, size_t n)
{
    const morph_lang *l = &doc->ctx->morph->lang[!strcmp(doc->lang, "en")];
    char low[256];
    const uint8_t *dc;
    int nd, dflags;
    if (!l->model || n > 255) return -1;
    size_t fl = lb_fold(low, sizeof low, form, n);
    if (!fl || !lb_tagmodel_dict(l->model, low, fl, &dc, &nd, &dflags)) return -1;
    uint16_t cand[LB_TAG_MAX_CLASSES];
    int32_t score[LB_TAG_MAX_CLASSES];
    int nc = lb_tag_candidates(l->model, low, fl, NULL, 0, 1, cand);
    if (nc <= 0) return -1;
    lb_tf_word w;
    lb_tf_word_init(&w, form, n, low, fl, lb_tf_shape(form, n), lb_tf_amb(cand, nc));
    lb_tag_static(l->model, low, fl, &w, 0, cand, nc, score);
    int best = 0;
    for (int i = 1; i < nc; i++) if (score[i] > score[best]) best = i;
    return l->model->cls[cand[best]].upos;
}

const struct lb_udwlist *lb_morph_udwlist(const lb_doc *doc) { return doc->ctx->morph->udw; }

size_t lb_morph_folded_lemma(const lb_doc *doc, uint32_t tok, char *out, size_t cap)
{
    const lb_morph *m = tok < doc->morph.len ? &LB_MORPH(doc)[tok] : NULL;
    return m && m->lemma && m->lemma_len ? lb_fold(out, cap, m->lemma, m->lemma_len) : 0;
}

int lb_morph_spelt_as_lemma(const lb_doc *doc, uint32_t tok)
{
    char f[LB_MAX_TOKEN_BYTES * 2];
    size_t n = lb_morph_folded_lemma(doc, tok, f, sizeof f);
    const lb_tok *t = &LB_TOKS(doc)[tok];
    return n && t->norm_len == n && !memcmp(doc->norm + t->norm, f, n);
}

size_t lb_morph_word_lemma(const lb_doc *doc, const char *form, size_t n, int upos, char *buf, size_t cap)
{
    const morph_lang *l = &doc->ctx->morph->lang[!strcmp(doc->lang, "en")];
    char tmp[1024];
    uint32_t feats;
    if (!l->lemmas) return 0;
    size_t k = lb_lemmas_apply(l->lemmas, form, n, upos, 0, tmp, sizeof tmp, &feats);
    if (!k || k > cap) return 0;
    memcpy(buf, tmp, k);
    return k;
}

const char *lb_upos_name(int upos)
{
    static const char *const names[LB_UPOS_COUNT] = {
        "X", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
        "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB" };
    return (upos >= 0 && upos < LB_UPOS_COUNT) ? names[upos] : "X";
}

/* UD feature names and values, in UD's (alphabetical) key order. */
typedef struct feat_def { const char *name; int shift, mask; const char *const *values; } feat_def;
static const char *const v_case[] = { "", "Nom", "Acc", "Dat", "Gen" };
static const char *const v_number[] = { "", "Sing", "Plur" };
static const char *const v_gender[] = { "", "Masc", "Fem", "Neut" };
static const char *const v_person[] = { "", "1", "2", "3" };
static const char *const v_tense[] = { "", "Pres", "Past" };
static const char *const v_mood[] = { "", "Ind", "Sub", "Imp" };
static const char *const v_verbform[] = { "", "Fin", "Inf", "Part", "Ger" };
static const char *const v_degree[] = { "", "Pos", "Cmp", "Sup" };
static const char *const v_definite[] = { "", "Def", "Ind" };
static const char *const v_prontype[] = { "", "Prs", "Art", "Dem", "Rel", "Int", "Ind", "Neg", "Tot", "Rcp" };
static const char *const v_yes[] = { "", "Yes" };
static const char *const v_neg[] = { "", "Neg" };
static const feat_def feat_defs[] = {
    { "Case", LB_CASE_SHIFT, LB_CASE_MASK, v_case }, { "Definite", LB_DEFINITE_SHIFT, LB_DEFINITE_MASK, v_definite },
    { "Degree", LB_DEGREE_SHIFT, LB_DEGREE_MASK, v_degree }, { "Gender", LB_GENDER_SHIFT, LB_GENDER_MASK, v_gender },
    { "Mood", LB_MOOD_SHIFT, LB_MOOD_MASK, v_mood }, { "Number", LB_NUMBER_SHIFT, LB_NUMBER_MASK, v_number },
    { "Person", LB_PERSON_SHIFT, LB_PERSON_MASK, v_person }, { "Polarity", LB_POLARITY_SHIFT, LB_POLARITY_MASK, v_neg },
    { "Poss", LB_POSS_SHIFT, LB_POSS_MASK, v_yes }, { "PronType", LB_PRONTYPE_SHIFT, LB_PRONTYPE_MASK, v_prontype },
    { "Reflex", LB_REFLEX_SHIFT, LB_REFLEX_MASK, v_yes }, { "Tense", LB_TENSE_SHIFT, LB_TENSE_MASK, v_tense },
    { "VerbForm", LB_VERBFORM_SHIFT, LB_VERBFORM_MASK, v_verbform } };
static const int value_counts[] = { 5, 3, 4, 4, 4, 3, 4, 2, 2, 10, 2, 3, 5 };

/* The feature fields that the tagger's class carries (mask) and sets (cfeats). */
static uint32_t class_fields(uint32_t cfeats, uint32_t mask)
{
    uint32_t over = 0;
    for (size_t k = 0; k < sizeof feat_defs / sizeof feat_defs[0]; k++) {
        uint32_t field = (uint32_t)feat_defs[k].mask << feat_defs[k].shift;
        if ((mask & field) && (cfeats & field)) over |= field;
    }
    return over;
}

size_t lb_feats_format(char *out, size_t cap, uint32_t feats)
{
    size_t n = 0;
    if (!cap) return 0;
    out[0] = '\0';
    for (size_t k = 0; k < sizeof feat_defs / sizeof feat_defs[0]; k++) {
        unsigned v = (feats >> feat_defs[k].shift) & (unsigned)feat_defs[k].mask;
        if (!v || (int)v >= value_counts[k]) continue;
        int w = snprintf(out + n, cap - n, "%s%s=%s", n ? "|" : "", feat_defs[k].name, feat_defs[k].values[v]);
        if (w < 0 || (size_t)w >= cap - n) { out[n] = '\0'; return n; }
        n += (size_t)w;
    }
    return n;
}

int lb_feats_parse(uint32_t *out, const char *s, size_t n)
{
    *out = 0;
    if (n == 1 && s[0] == '_') return 0;
    int unknown = 0;
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '|') j++;
        const char *eq = memchr(s + i, '=', j - i);
        size_t kl = eq ? (size_t)(eq - (s + i)) : 0;
        int found = 0;
        for (size_t k = 0; eq && k < sizeof feat_defs / sizeof feat_defs[0]; k++) {
            if (strlen(feat_defs[k].name) != kl || memcmp(feat_defs[k].name, s + i, kl)) continue;
            const char *val = eq + 1;
            size_t vl = (size_t)((s + j) - val);
            for (int v = 1; v < value_counts[k]; v++)
                if (strlen(feat_defs[k].values[v]) == vl && !memcmp(feat_defs[k].values[v], val, vl)) {
                    *out |= (uint32_t)v << feat_defs[k].shift; found = 1; break;
                }
        }
        if (!found) unknown++;
        i = j + 1;
    }
    return unknown;
}

int lb_upos_parse(const char *s, size_t n)
{
    for (int u = 0; u < LB_UPOS_COUNT; u++) {
        const char *name = lb_upos_name(u);
        if (strlen(name) == n && !memcmp(name, s, n)) return u;
    }
    return -1;
}
