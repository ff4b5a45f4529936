/* train.h: the steps of lb_train_tagger (tag dictionary, training, writing
 * the model and the lemma table). */
#ifndef LB_TRAIN_H
#define LB_TRAIN_H
#include "conllu.h"
#include "perceptron.h"
#include "morph/tagmodel.h"
#include "morph/lexicon.h"

typedef struct tr_opts {
    int iter;
    unsigned seed;
    double prune;               /* drop averaged weights below this magnitude */
    const char *lang, *class_feats, *model, *lemmas;
    unsigned char *dict_bytes;  /* the dictionary as the model file holds it */
    size_t dict_len;
    uint32_t dict_count;
    const lb_lexicon *lexicon;  /* --lexicon: readings constrain the candidates */
    int rare;                   /* --rare: words seen less often also get the unknown-word classes */
    double unk_drop;            /* --unk-drop: probability that a word seen at most unk_freq times */
    int unk_freq;               /* is trained as an unknown word (its identity features left out) */
    double pa;                  /* --pa C: passive-aggressive steps of at most C (0: perceptron steps of 1) */
    int feat_rules;             /* --feat-rules: X rules for the features the classes leave out */
    int runs;                   /* --runs: the weights are the mean of this many runs (seeds seed..) */
} tr_opts;

/* Tag dictionary (folded form -> classes seen) and unknown-word classes into m. */
void tr_build_dict(tr_corpus *c, lb_tagmodel *m, tr_opts *o);
void tr_train(const tr_corpus *c, const lb_tagmodel *m, tr_model *w, const tr_opts *o);
/* How often each feature fires on the training words the decoder scores
 * (more than one candidate, the gold classes as history): the model file
 * lists its features most used first, the order in which the loader lays
 * out their weights (src/morph/tagmodel.c make_refs). */
typedef struct tr_uses { uint32_t *key, *count; size_t cap, n; } tr_uses;
void tr_count_uses(const tr_corpus *c, const lb_tagmodel *m, const tr_opts *o, tr_uses *u);
uint32_t tr_uses_of(const tr_uses *u, uint32_t f);
void tr_uses_free(tr_uses *u);
int tr_write_model(const lb_tagmodel *m, const tr_model *w, const tr_opts *o, const tr_uses *u);
/* Treebank conventions (conventions.c): the sentences from index from on
 * read the GSD way (adverbial adjectives ADJ); returns the tokens changed. */
size_t tr_adv_as_adj(tr_corpus *c, size_t from, const lb_lexicon *lx);
/* Part-of-speech relabelling rules per folded form (--relabel FILE). */
#define TR_RELABEL_MAX 64
typedef struct tr_relabel { int n; struct { char form[32]; uint8_t from, to; } rule[TR_RELABEL_MAX]; } tr_relabel;
int tr_relabel_load(tr_relabel *r, const char *path, char *err, size_t errlen);
size_t tr_relabel_apply(tr_corpus *c, size_t from, const tr_relabel *r);
int tr_write_lemmas(const tr_corpus *c, const lb_tagmodel *m, const tr_opts *o);
#endif
