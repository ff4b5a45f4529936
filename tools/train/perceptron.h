/* perceptron.h: the averaged perceptron of the trainer: weights per
 * (feature id, class) in an open-addressing table, lazily averaged. */
#ifndef LB_TRAIN_PERCEPTRON_H
#define LB_TRAIN_PERCEPTRON_H
#include <stddef.h>
#include <stdint.h>

typedef struct tr_weight { uint64_t key; float w; double acc; int64_t ts; } tr_weight;
typedef struct tr_model { tr_weight *t; size_t cap, n; int64_t clock; } tr_model;

void tr_model_init(tr_model *m, size_t cap_pow2);
void tr_model_free(tr_model *m);
/* Adds the weights of features f to score[cls] for each candidate. */
void tr_score(const tr_model *m, const uint32_t *f, int nf, const uint16_t *cand, int ncand, double *score);
/* w(f, cls) += delta for every feature. */
void tr_update(tr_model *m, const uint32_t *f, int nf, unsigned cls, float delta);
/* The averaged weight of an entry at the end of training. */
double tr_average(const tr_model *m, const tr_weight *e);
/* dst += factor * the averaged weights of src; dst then holds final weights
 * (tr_average of its entries gives them). */
void tr_add_averaged(tr_model *dst, const tr_model *src, double factor);
#endif
