/* perceptron.c: the averaged perceptron of the trainer (perceptron.h). */
#include "perceptron.h"
#include <stdio.h>
#include <stdlib.h>

void tr_model_init(tr_model *m, size_t cap)
{
    m->cap = cap; m->n = 0; m->clock = 0;
    m->t = calloc(cap, sizeof *m->t);
    if (!m->t) { fprintf(stderr, "out of memory\n"); exit(2); }
}

void tr_model_free(tr_model *m) { free(m->t); }

static size_t slot(const tr_model *m, uint64_t key)
{
    uint64_t h = key * 0x9E3779B97F4A7C15ull;
    size_t i = (size_t)(h >> 20) & (m->cap - 1);
    while (m->t[i].key && m->t[i].key != key) i = (i + 1) & (m->cap - 1);
    return i;
}

static uint64_t key_of(uint32_t f, unsigned cls) { return ((uint64_t)f << 8 | cls) + 1; }

void tr_score(const tr_model *m, const uint32_t *f, int nf, const uint16_t *cand, int ncand, double *score)
{
    for (int k = 0; k < ncand; k++) {
        double s = 0;
        for (int i = 0; i < nf; i++) {
            const tr_weight *e = &m->t[slot(m, key_of(f[i], cand[k]))];
            if (e->key) s += e->w;
        }
        score[k] += s;
    }
}

void tr_update(tr_model *m, const uint32_t *f, int nf, unsigned cls, float delta)
{
    for (int i = 0; i < nf; i++) {
        uint64_t key = key_of(f[i], cls);
        tr_weight *e = &m->t[slot(m, key)];
        if (!e->key) {
            if (m->n * 10 > m->cap * 7) { fprintf(stderr, "weight table full: raise its size\n"); exit(2); }
            e->key = key; e->ts = m->clock; m->n++;
        }
        e->acc += (double)e->w * (double)(m->clock - e->ts);
        e->ts = m->clock;
        e->w += delta;
    }
}

double tr_average(const tr_model *m, const tr_weight *e)
{
    double acc = e->acc + (double)e->w * (double)(m->clock - e->ts);
    return m->clock ? acc / (double)m->clock : e->w;
}

void tr_add_averaged(tr_model *dst, const tr_model *src, double factor)
{
    dst->clock = 1;
    for (size_t i = 0; i < src->cap; i++) {
        if (!src->t[i].key) continue;
        tr_weight *e = &dst->t[slot(dst, src->t[i].key)];
        if (!e->key) {
            if (dst->n * 10 > dst->cap * 7) { fprintf(stderr, "weight table full: raise its size\n"); exit(2); }
            e->key = src->t[i].key; e->ts = 1; dst->n++;
        }
        e->acc += tr_average(src, &src->t[i]) * factor;
    }
}
