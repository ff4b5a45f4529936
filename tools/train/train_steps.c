/* train_steps.c: tag dictionary, perceptron training and the model writer of
 * lb_train_tagger (train.h). */
#include "train.h"
#include "morph/features.h"
#include "morph/tagger.h"
#include "morph/lexclass.h"
#include "doc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct form_stat { const char *f; size_t n; int freq; uint8_t seen[32]; } form_stat;

static void die(const char *what) { fprintf(stderr, "lb_train_tagger: %s\n", what); exit(2); }

void tr_build_dict(tr_corpus *c, lb_tagmodel *m, tr_opts *o)
{
    lb_wordset idx;
    lb_wordset_init(&idx);
    form_stat *fs = calloc(c->ntok + 1, sizeof *fs);
    int open_count[LB_TAG_MAX_CLASSES] = { 0 };
    size_t nf = 0;
    if (!fs) die("out of memory");
    for (size_t s = 0; s < c->n; s++)
        for (int i = 0; i < c->sent[s].n; i++) {
            const tr_tok *t = &c->sent[s].tok[i];
            if (t->folded_len > 255) continue;
            uint32_t k;
            if (!lb_wordset_get(&idx, t->folded, t->folded_len, &k)) {
                k = (uint32_t)nf++;
                fs[k].f = t->folded; fs[k].n = t->folded_len;
                if (lb_wordset_put(&idx, t->folded, t->folded_len, k)) die("out of memory");
            }
            fs[k].freq++;
            fs[k].seen[t->cls >> 3] |= (uint8_t)(1u << (t->cls & 7));
        }
    m->dict_cls = malloc(nf * (2 + LB_TAG_MAX_CLASSES) + 1);
    if (!m->dict_cls) die("out of memory");
    size_t used = 0, dl = 0;
    o->dict_bytes = malloc(nf * (260 + LB_TAG_MAX_CLASSES) + 1);
    if (!o->dict_bytes) die("out of memory");
    for (size_t k = 0; k < nf; k++) {
        uint8_t *e = m->dict_cls + used;
        int n = 0;
        for (int cl = 0; cl < m->nclass; cl++)
            if (fs[k].seen[cl >> 3] & (1u << (cl & 7))) {
                e[2 + n++] = (uint8_t)cl;
                if (fs[k].freq == 1) open_count[cl]++;
            }
        e[0] = fs[k].freq < o->rare ? LB_TAG_DICT_RARE : 0;
        e[1] = (uint8_t)n;
        if (lb_wordset_put(&m->dict, fs[k].f, fs[k].n, (uint32_t)used)) die("out of memory");
        o->dict_bytes[dl++] = (uint8_t)fs[k].n;
        memcpy(o->dict_bytes + dl, fs[k].f, fs[k].n); dl += fs[k].n;
        memcpy(o->dict_bytes + dl, e, 2 + (size_t)n); dl += 2 + (size_t)n;
        used += 2 + (size_t)n;
    }
    o->dict_len = dl; o->dict_count = (uint32_t)nf;
    for (size_t s = 0; s < c->n; s++)
        for (int i = 0; i < c->sent[s].n; i++) {
            tr_tok *t = &c->sent[s].tok[i];
            uint32_t k;
            if (t->folded_len <= 255 && lb_wordset_get(&idx, t->folded, t->folded_len, &k)) t->freq = (uint32_t)fs[k].freq;
        }
    m->nopen = 0;
    for (int cl = 0; cl < m->nclass; cl++)
        if (open_count[cl] >= 2 && m->cls[cl].upos != LB_UPOS_PUNCT) m->open[m->nopen++] = (uint16_t)cl;
    lb_wordset_fini(&idx);
    free(fs);
}

/* The sentence's words: candidates, their ambiguity classes, gold classes. */
typedef struct tr_word { uint16_t cand[LB_TAG_MAX_CLASSES]; int ncand; } tr_word;

/* One run's state: per-word buffers (fw2: the words with other identity
 * hashes for the ones trained as unknown) and the random generator. */
typedef struct tr_run {
    tr_word *tw;
    lb_tf_word *fw, *fw2;
    uint64_t rng;
    size_t right;
} tr_run;

/* A run's word buffers for the corpus's longest sentence (exits when out of memory). */
static void run_alloc(const tr_corpus *c, tr_run *r)
{
    int maxn = 1;
    for (size_t s = 0; s < c->n; s++) if (c->sent[s].n > maxn) maxn = c->sent[s].n;
    *r = (tr_run){ .tw = malloc((size_t)maxn * sizeof *r->tw), .fw = malloc((size_t)maxn * sizeof *r->fw),
                   .fw2 = malloc((size_t)maxn * sizeof *r->fw2) };
    if (!r->tw || !r->fw || !r->fw2) die("out of memory");
}

static void run_free(tr_run *r) { free(r->tw); free(r->fw); free(r->fw2); }

static uint32_t next_random(uint64_t *rng)
{
    *rng = *rng * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(*rng >> 33);
}

/* Candidates and word features; returns whether a word is trained as unknown:
 * the candidates of a word the dictionary lacks and, in fw, an identity
 * (word and form hashes) no other word has, which fw2 gives another one. */
static int prepare_words(const tr_sent *s, const lb_tagmodel *m, tr_run *r, const tr_opts *o)
{
    int any_unknown = 0;
    for (int i = 0; i < s->n; i++) {
        const tr_tok *t = &s->tok[i];
        uint16_t extra[LB_TAG_MAX_CLASSES];
        int nextra = 0, known = 0;
        uint32_t shape = lb_tf_shape(t->form, t->form_len);
        int unknown = o->unk_drop > 0 && (int)t->freq <= o->unk_freq && !(shape & LB_TF_SHAPE_PUNCT) &&
                      next_random(&r->rng) < (uint32_t)(o->unk_drop * 2147483648.0);
        if (o->lexicon && t->form_len <= 255 && !(shape & LB_TF_SHAPE_PUNCT)) {
            lb_reading rd[LB_LX_MAX_READINGS];
            char gbuf[1024];
            int nr = lb_lx_readings(o->lexicon, t->form, t->form_len, rd, LB_LX_MAX_READINGS, gbuf, sizeof gbuf, &known);
            nextra = lb_lx_classes(m, rd, nr, extra);
        }
        tr_word *w = &r->tw[i];
        w->ncand = lb_tag_candidates(m, unknown ? "" : t->folded, unknown ? 0 : t->folded_len, extra, nextra, known, w->cand);
        lb_tf_word_init(&r->fw[i], t->form, t->form_len, t->folded, t->folded_len, shape, lb_tf_amb(w->cand, w->ncand));
        r->fw[i].vflags = lb_tag_vflags(m, w->cand, w->ncand);
        r->fw2[i] = r->fw[i];
        if (unknown) {
            any_unknown = 1;
            r->fw[i].lower = next_random(&r->rng); r->fw[i].form = next_random(&r->rng);
            r->fw2[i].lower = ~r->fw[i].lower; r->fw2[i].form = ~r->fw[i].form;
        }
    }
    lb_tf_sentence(r->fw, s->n);
    lb_tf_sentence(r->fw2, s->n);
    return any_unknown;
}

/* Features of word i; with unknown words about, only those that do not depend
 * on their identity (the same in fw and fw2). */
static int word_features(const tr_sent *s, int i, const lb_tagmodel *m, const tr_run *r, int any_unknown,
                         unsigned p1, unsigned p2, unsigned st, uint32_t *f)
{
    const tr_tok *t = &s->tok[i];
    int nf = lb_tf_static(f, t->folded, t->folded_len, &r->fw[i], m->fset);
    nf += lb_tf_context(f + nf, r->fw, i, s->n, p1, p2, st, m->fset);
    if (!any_unknown) return nf;
    uint32_t g[LB_TF_MAX_STATIC + LB_TF_MAX_CONTEXT];
    int ng = lb_tf_static(g, t->folded, t->folded_len, &r->fw2[i], m->fset);
    ng += lb_tf_context(g + ng, r->fw2, i, s->n, p1, p2, st, m->fset);
    int k = 0;
    for (int j = 0; j < nf && j < ng; j++) if (f[j] == g[j]) f[k++] = f[j];
    return k;
}

static void train_sentence(const tr_sent *s, const lb_tagmodel *m, tr_model *w, tr_run *r, const tr_opts *o)
{
    int any_unknown = prepare_words(s, m, r, o);
    unsigned p1 = LB_TF_NONE_CLASS, p2 = LB_TF_NONE_CLASS, st = 0;
    for (int i = 0; i < s->n; i++) {
        const tr_tok *t = &s->tok[i];
        const tr_word *x = &r->tw[i];
        uint32_t f[LB_TF_MAX_STATIC + LB_TF_MAX_CONTEXT];
        int nf = word_features(s, i, m, r, any_unknown, p1, p2, st, f);
        unsigned pred = x->cand[0];
        double score[LB_TAG_MAX_CLASSES] = { 0 };
        if (x->ncand > 1) {
            tr_score(w, f, nf, x->cand, x->ncand, score);
            int best = 0;
            for (int k = 1; k < x->ncand; k++) if (score[k] > score[best]) best = k;
            pred = x->cand[best];
            score[0] = score[best];
        }
        w->clock++;
        if (pred != t->cls) {
            float step = 1.0f;
            if (o->pa > 0 && nf > 0) {          /* passive-aggressive: just enough to put gold 1 ahead, at most pa */
                double gold = 0;
                uint16_t g = t->cls;
                tr_score(w, f, nf, &g, 1, &gold);
                double tau = (score[0] - gold + 1.0) / (2.0 * nf);
                step = (float)(tau > o->pa ? o->pa : tau);
            }
            tr_update(w, f, nf, t->cls, step);
            tr_update(w, f, nf, pred, -step);
        } else r->right++;
        p2 = p1; p1 = pred;
        st = lb_tag_state(m, st, pred, &r->fw[i]);
    }
}

/* One run of o->iter iterations with the given seed into w. */
static void train_run(const tr_corpus *c, const lb_tagmodel *m, tr_model *w, const tr_opts *o, unsigned seed)
{
    size_t *order = malloc(c->n * sizeof *order);
    if (!order) die("out of memory");
    for (size_t s = 0; s < c->n; s++) order[s] = s;
    tr_run r;
    run_alloc(c, &r);
    uint64_t rng = seed * 6364136223846793005ull + 1442695040888963407ull;
    r.rng = rng ^ 0x5DEECE66Dull;
    for (int it = 0; it < o->iter; it++) {
        for (size_t s = c->n; s > 1; s--) {     /* Fisher-Yates with a fixed LCG */
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            size_t j = (size_t)(rng >> 33) % s, tmp = order[s - 1];
            order[s - 1] = order[j]; order[j] = tmp;
        }
        r.right = 0;
        for (size_t s = 0; s < c->n; s++) train_sentence(&c->sent[order[s]], m, w, &r, o);
        fprintf(stderr, "seed %u iteration %d: %.4f of training tokens right, %zu weights\n", seed, it + 1,
                (double)r.right / (double)c->ntok, w->n);
    }
    free(order);
    run_free(&r);
}

void tr_train(const tr_corpus *c, const lb_tagmodel *m, tr_model *w, const tr_opts *o)
{
    if (o->runs <= 1) { train_run(c, m, w, o, o->seed); return; }
    for (int k = 0; k < o->runs; k++) {         /* the mean of the runs' averaged weights */
        tr_model one;
        tr_model_init(&one, w->cap);
        train_run(c, m, &one, o, o->seed + (unsigned)k);
        tr_add_averaged(w, &one, 1.0 / o->runs);
        tr_model_free(&one);
    }
}

/* the slot of feature f in u (open addressing; key 0 = empty: no feature id is 0) */
static size_t uses_slot(const tr_uses *u, uint32_t f)
{
    size_t h = (f * 2654435761u) & (u->cap - 1);
    while (u->key[h] && u->key[h] != f) h = (h + 1) & (u->cap - 1);
    return h;
}

uint32_t tr_uses_of(const tr_uses *u, uint32_t f)
{
    if (!u->cap) return 0;
    size_t h = uses_slot(u, f);
    return u->key[h] == f ? u->count[h] : 0;
}

void tr_uses_free(tr_uses *u) { free(u->key); free(u->count); u->key = u->count = NULL; u->cap = u->n = 0; }

/* u with room for twice its slots, every count kept (exits when out of memory) */
static void uses_grow(tr_uses *u)
{
    tr_uses g = { calloc(u->cap * 2, sizeof *g.key), calloc(u->cap * 2, sizeof *g.count), u->cap * 2, u->n };
    if (!g.key || !g.count) die("out of memory");
    for (size_t h = 0; h < u->cap; h++)
        if (u->key[h]) { size_t j = uses_slot(&g, u->key[h]); g.key[j] = u->key[h]; g.count[j] = u->count[h]; }
    tr_uses_free(u);
    *u = g;
}

static void uses_add(tr_uses *u, uint32_t f)
{
    if ((u->n + 1) * 2 > u->cap) uses_grow(u);
    size_t h = uses_slot(u, f);
    if (!u->key[h]) { u->key[h] = f; u->n++; }
    u->count[h]++;
}

void tr_count_uses(const tr_corpus *c, const lb_tagmodel *m, const tr_opts *o, tr_uses *u)
{
    tr_opts plain = *o;
    plain.unk_drop = 0;                         /* every word as itself */
    tr_run r;
    run_alloc(c, &r);
    *u = (tr_uses){ calloc(1 << 16, sizeof *u->key), calloc(1 << 16, sizeof *u->count), 1 << 16, 0 };
    if (!u->key || !u->count) die("out of memory");
    for (size_t s = 0; s < c->n; s++) {
        const tr_sent *se = &c->sent[s];
        prepare_words(se, m, &r, &plain);
        unsigned p1 = LB_TF_NONE_CLASS, p2 = LB_TF_NONE_CLASS, st = 0;
        for (int i = 0; i < se->n; i++) {
            uint32_t f[LB_TF_MAX_STATIC + LB_TF_MAX_CONTEXT];
            int nf = r.tw[i].ncand > 1 ? word_features(se, i, m, &r, 0, p1, p2, st, f) : 0;
            for (int k = 0; k < nf; k++) uses_add(u, f[k]);
            unsigned gold = se->tok[i].cls;
            p2 = p1; p1 = gold;
            st = lb_tag_state(m, st, gold, &r.fw[i]);
        }
    }
    run_free(&r);
}
