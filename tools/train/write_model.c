/* write_model.c: writes the averaged, pruned, 16-bit weights and the tag
 * dictionary as a model file (format in src/morph/tagmodel.h), the features
 * most used in the training data first. */
#include "train.h"
#include "doc.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry { uint32_t f, uses; uint8_t cls; double w; } entry;

/* the most used features first (tr_count_uses), then by id; a feature's
 * entries together, by class */
static int by_use(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->uses != y->uses) return x->uses > y->uses ? -1 : 1;
    if (x->f != y->f) return x->f < y->f ? -1 : 1;
    return (x->cls > y->cls) - (x->cls < y->cls);
}

static void put32(FILE *f, uint32_t v) { for (int i = 0; i < 4; i++) fputc((int)(v >> (8 * i)) & 255, f); }
static void put16(FILE *f, uint16_t v) { fputc(v & 255, f); fputc(v >> 8, f); }

static void write_weights(FILE *f, entry *e, size_t n, double scale)
{
    size_t nfeat = 0;
    for (size_t i = 0; i < n; i++) if (!i || e[i].f != e[i - 1].f) nfeat++;
    put32(f, (uint32_t)nfeat);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && e[j].f == e[i].f) j++;
        put32(f, e[i].f);
        fputc((int)(j - i), f);
        for (; i < j; i++) {
            fputc(e[i].cls, f);
            put16(f, (uint16_t)(int16_t)lrint(e[i].w / scale));
        }
    }
}

int tr_write_model(const lb_tagmodel *m, const tr_model *w, const tr_opts *o, const tr_uses *u)
{
    entry *e = malloc((w->n + 1) * sizeof *e);
    size_t n = 0;
    double maxabs = 0;
    if (!e) { fprintf(stderr, "out of memory\n"); return 1; }
    for (size_t i = 0; i < w->cap; i++) {
        if (!w->t[i].key) continue;
        double a = tr_average(w, &w->t[i]);
        if (fabs(a) < o->prune) continue;
        uint64_t k = w->t[i].key - 1;
        e[n].f = (uint32_t)(k >> 8); e[n].cls = (uint8_t)(k & 255); e[n].w = a;
        e[n].uses = tr_uses_of(u, e[n].f); n++;
        if (fabs(a) > maxabs) maxabs = fabs(a);
    }
    qsort(e, n, sizeof *e, by_use);
    double scale = maxabs > 0 ? maxabs / 32000.0 : 1.0;
    FILE *f = fopen(o->model, "wb");
    if (!f) { fprintf(stderr, "lb_train_tagger: cannot write %s\n", o->model); free(e); return 1; }
    fwrite("LBTAGGR1", 1, 8, f);
    put32(f, (uint32_t)o->lang[0] | (uint32_t)o->lang[1] << 8);
    put32(f, m->class_mask);
    float sc = (float)scale;
    uint32_t sb;
    memcpy(&sb, &sc, 4);
    put32(f, sb);
    put32(f, (uint32_t)m->nclass);
    for (int i = 0; i < m->nclass; i++) { fputc(m->cls[i].upos, f); put32(f, m->cls[i].feats); }
    put32(f, (uint32_t)m->nopen);
    for (int i = 0; i < m->nopen; i++) fputc(m->open[i], f);
    put32(f, o->dict_count);
    fwrite(o->dict_bytes, 1, o->dict_len, f);
    write_weights(f, e, n, (double)sc);
    fwrite("END!", 1, 4, f);
    int bad = ferror(f) | fclose(f);
    fprintf(stderr, "model %s: %zu weights kept (|w| >= %g), scale %g\n", o->model, n, o->prune, scale);
    free(e);
    return bad ? 1 : 0;
}
