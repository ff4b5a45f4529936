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

#define RARE_FREQ 5             /* words seen less often also get the unknown-word classes */

typedef struct form_stat { const char *f; size_t n; int freq; uint8_t seen[32]; } form_stat;

static void die(const char *what) { fprintf(stderr, "lb_train_tagger: %s\n", what); exit(2); }

void tr_build_dict(const tr_corpus *c, lb_tagmodel *m, tr_opts *o)
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
        e[0] = fs[k].freq < RARE_FREQ ? LB_TAG_DICT_RARE : 0;
        e[1] = (uint8_t)n;
        if (lb_wordset_put(&m->dict, fs[k].f, fs[k].n, (uint32_t)used)) die("out of memory");
        o->dict_bytes[dl++] = (uint8_t)fs[k].n;
        memcpy(o->dict_bytes + dl, fs[k].f, fs[k].n); dl += fs[k].n;
        memcpy(o->dict_bytes + dl, e, 2 + (size_t)n); dl += 2 + (size_t)n;
        used += 2 + (size_t)n;
    }
    o->dict_len = dl; o->dict_count = (uint32_t)nf;
    m->nopen = 0;
    for (int cl = 0; cl < m->nclass; cl++)
        if (open_count[cl] >= 2 && m->cls[cl].upos != LB_UPOS_PUNCT) m->open[m->nopen++] = (uint16_t)cl;
    lb_wordset_fini(&idx);
    free(fs);
}

/* The sentence's words: candidates, their ambiguity classes, gold classes. */
typedef struct tr_word { uint16_t cand[LB_TAG_MAX_CLASSES]; int ncand; } tr_word;

static void train_sentence(const tr_sent *s, const lb_tagmodel *m, tr_model *w, tr_word *tw, lb_tf_word *fw,
                           size_t *right, const lb_lexicon *lx)
{
    for (int i = 0; i < s->n; i++) {
        const tr_tok *t = &s->tok[i];
        uint16_t extra[LB_TAG_MAX_CLASSES];
        int nextra = 0, known = 0;
        uint32_t shape = lb_tf_shape(t->form, t->form_len);
        if (lx && t->form_len <= 255 && !(shape & LB_TF_SHAPE_PUNCT)) {
            lb_reading r[LB_LX_MAX_READINGS];
            char gbuf[1024];
            int nr = lb_lx_readings(lx, t->form, t->form_len, r, LB_LX_MAX_READINGS, gbuf, sizeof gbuf, &known);
            nextra = lb_lx_classes(m, r, nr, extra);
        }
        tw[i].ncand = lb_tag_candidates(m, t->folded, t->folded_len, extra, nextra, known, tw[i].cand);
        lb_tf_word_init(&fw[i], t->form, t->form_len, t->folded, t->folded_len, shape,
                        lb_tf_amb(tw[i].cand, tw[i].ncand));
        fw[i].vflags = lb_tag_vflags(m, tw[i].cand, tw[i].ncand);
    }
    lb_tf_sentence(fw, s->n);
    unsigned p1 = LB_TF_NONE_CLASS, p2 = LB_TF_NONE_CLASS, st = 0;
    for (int i = 0; i < s->n; i++) {
        const tr_tok *t = &s->tok[i];
        uint32_t f[LB_TF_MAX_STATIC + LB_TF_MAX_CONTEXT];
        int nf = lb_tf_static(f, t->folded, t->folded_len, &fw[i], m->fset);
        nf += lb_tf_context(f + nf, fw, i, s->n, p1, p2, st, m->fset);
        unsigned pred = tw[i].cand[0];
        if (tw[i].ncand > 1) {
            double score[LB_TAG_MAX_CLASSES] = { 0 };
            tr_score(w, f, nf, tw[i].cand, tw[i].ncand, score);
            int best = 0;
            for (int k = 1; k < tw[i].ncand; k++) if (score[k] > score[best]) best = k;
            pred = tw[i].cand[best];
        }
        w->clock++;
        if (pred != t->cls) {
            tr_update(w, f, nf, t->cls, 1.0f);
            tr_update(w, f, nf, pred, -1.0f);
        } else (*right)++;
        p2 = p1; p1 = pred;
        st = lb_tag_state(m, st, pred, &fw[i]);
    }
}

void tr_train(const tr_corpus *c, const lb_tagmodel *m, tr_model *w, const tr_opts *o)
{
    size_t *order = malloc(c->n * sizeof *order);
    int maxn = 1;
    for (size_t s = 0; s < c->n; s++) { order[s] = s; if (c->sent[s].n > maxn) maxn = c->sent[s].n; }
    tr_word *tw = malloc((size_t)maxn * sizeof *tw);
    lb_tf_word *fw = malloc((size_t)maxn * sizeof *fw);
    if (!order || !tw || !fw) die("out of memory");
    uint64_t rng = o->seed * 6364136223846793005ull + 1442695040888963407ull;
    for (int it = 0; it < o->iter; it++) {
        for (size_t s = c->n; s > 1; s--) {     /* Fisher-Yates with a fixed LCG */
            rng = rng * 6364136223846793005ull + 1442695040888963407ull;
            size_t j = (size_t)(rng >> 33) % s, tmp = order[s - 1];
            order[s - 1] = order[j]; order[j] = tmp;
        }
        size_t right = 0;
        for (size_t s = 0; s < c->n; s++) train_sentence(&c->sent[order[s]], m, w, tw, fw, &right, o->lexicon);
        fprintf(stderr, "iteration %d: %.4f of training tokens right, %zu weights\n", it + 1, (double)right / (double)c->ntok, w->n);
    }
    free(order); free(tw); free(fw);
}
