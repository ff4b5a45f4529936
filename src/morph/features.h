/* features.h: the feature extraction of the part-of-speech tagger, shared by
 * the runtime (tagger.c) and the training tool (tools/train), so that both
 * see exactly the same features. A feature is a 32-bit id (a hash of its
 * template and value). Static features depend only on the word itself and
 * are cached per word form; contextual ones depend on the neighbours and on
 * the classes chosen for the previous words. */
#ifndef LB_MORPH_FEATURES_H
#define LB_MORPH_FEATURES_H
#include <stddef.h>
#include <stdint.h>

#define LB_TF_MAX_STATIC 13
#define LB_TF_MAX_CONTEXT 15
#define LB_TF_NONE_CLASS 0xFFFFu   /* "no class": before the sentence start */

/* What the contextual features need of each word of a sentence. */
typedef struct lb_tf_word {
    uint32_t lower;     /* hash of the folded form */
    uint32_t suffix3;   /* hash of its last three bytes */
    uint32_t shape;     /* LB_TF_SHAPE_* bits */
    uint32_t amb;       /* ambiguity class: hash of the sorted candidate classes */
    uint32_t form;      /* hash of the form as written */
} lb_tf_word;

enum { LB_TF_SHAPE_UPPER = 1, LB_TF_SHAPE_ALLCAPS = 2, LB_TF_SHAPE_DIGIT = 4, LB_TF_SHAPE_HYPHEN = 8,
       LB_TF_SHAPE_PUNCT = 16, LB_TF_SHAPE_PERIOD = 32, LB_TF_SHAPE_ALPHA = 64 };

uint32_t lb_tf_hash(const char *s, size_t n);
/* Shape bits of a form as written. */
uint32_t lb_tf_shape(const char *form, size_t n);
/* Fills w from the form as written and its folded form. */
void lb_tf_word_init(lb_tf_word *w, const char *form, size_t n, const char *folded, size_t fn, uint32_t shape, uint32_t amb);
/* Ambiguity class of a candidate set (classes in ascending order). */
uint32_t lb_tf_amb(const uint16_t *cls, int n);

/* Static features of a word: out gets at most LB_TF_MAX_STATIC ids. */
int lb_tf_static(uint32_t *out, const char *folded, size_t fn, const lb_tf_word *w);
/* Contextual features of word i of n (words[0..n)), given the classes of
 * the two previous words (LB_TF_NONE_CLASS at the start): the window's
 * (neighbour words only, known before decoding) and the history's. */
int lb_tf_context(uint32_t *out, const lb_tf_word *words, int i, int n, unsigned prev1, unsigned prev2);
#define LB_TF_MAX_WINDOW 11
int lb_tf_window(uint32_t *out, const lb_tf_word *words, int i, int n);
int lb_tf_history(uint32_t *out, const lb_tf_word *words, int i, int n, unsigned prev1, unsigned prev2);
#endif
