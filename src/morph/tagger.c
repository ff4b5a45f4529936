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

int lb_tag_candidates(const lb_tagmodel *m, const char *folded, size_t fn, const uint16_t *extra, int nextra,
                      int extra_known, uint16_t *out)
{
    const uint8_t *dc;
    int nd = 0, flags = LB_TAG_DICT_RARE;
    uint16_t known[LB_TAG_MAX_CLASSES], tmp[LB_TAG_MAX_CLASSES];
    if (lb_tagmodel_dict(m, folded, fn, &dc, &nd, &flags))
        for (int i = 0; i < nd; i++) known[i] = dc[i];
    int n = merge(known, nd, extra, nextra, tmp);
    if ((flags & LB_TAG_DICT_RARE) && !extra_known) n = merge(tmp, n, m->open, m->nopen, out);
    else memcpy(out, tmp, (size_t)n * sizeof *out);
    if (!n) { out[0] = m->open[0]; n = 1; }
    return n;
}

int lb_tag_punct_candidates(const lb_tagmodel *m, uint16_t *out)
{
    int n = 0;
    for (int c = 0; c < m->nclass; c++)
        if (m->cls[c].upos == LB_UPOS_PUNCT || m->cls[c].upos == LB_UPOS_SYM) out[n++] = (uint16_t)c;
    if (!n) { out[0] = m->open[0]; n = 1; }
    return n;
}

void lb_tag_static(const lb_tagmodel *m, const char *folded, size_t fn, const lb_tf_word *w,
                   const uint16_t *cand, int ncand, int32_t *sscore)
{
    uint32_t f[LB_TF_MAX_STATIC], score[LB_TAG_MAX_CLASSES];
    int nf = lb_tf_static(f, folded, fn, w);
    if (ncand <= 8) {                   /* few candidates: only their weights */
        memset(sscore, 0, (size_t)ncand * sizeof *sscore);
        lb_tagmodel_score_cand(m, f, nf, cand, ncand, sscore);
        return;
    }
    for (int k = 0; k < ncand; k++) score[cand[k]] = 0;
    lb_tagmodel_score(m, f, nf, score);
    for (int k = 0; k < ncand; k++) sscore[k] = (int32_t)score[cand[k]];
}

/* Greedy, left to right. The window features of the next ambiguous word are
 * made (and their weights prefetched) while the current word is scored. */
void lb_tag_decode(const lb_tagmodel *m, const lb_tf_word *w, const lb_tag_word *t, int n, uint16_t *out)
{
    uint32_t f[2][LB_TF_MAX_CONTEXT];
    int nw[2] = { 0, 0 }, cur = 0, next = 0;
    int32_t score[LB_TAG_MAX_CLASSES];
    unsigned p1 = LB_TF_NONE_CLASS, p2 = LB_TF_NONE_CLASS;
    while (next < n && t[next].ncand < 2) next++;
    if (next < n) nw[cur] = lb_tf_window(f[cur], w, next, n);
    for (int i = 0; i < n; i++) {
        const lb_tag_word *x = &t[i];
        int best = 0;
        if (x->ncand > 1) {             /* i == next: its window is in f[cur] */
            int later = i + 1;
            while (later < n && t[later].ncand < 2) later++;
            if (later < n) {
                nw[!cur] = lb_tf_window(f[!cur], w, later, n);
                lb_tagmodel_prefetch(m, f[!cur], nw[!cur]);
            }
            int nf = nw[cur] + lb_tf_history(f[cur] + nw[cur], w, i, n, p1, p2);
            memcpy(score, x->sscore, (size_t)x->ncand * sizeof *score);
            lb_tagmodel_score_cand(m, f[cur], nf, x->cand, x->ncand, score);
            for (int k = 1; k < x->ncand; k++) if (score[k] > score[best]) best = k;
            cur = !cur;
        }
        out[i] = x->cand[best];
        p2 = p1; p1 = out[i];
    }
}
