/* lemmas.h: lemmas and features from a learnt table (data/morph/<lang>.lemmas,
 * written by tools/train/train_tagger.c from UD training data): suffix rules
 * per part of speech (strip N bytes, add a string), the words where the rules
 * fail, and suffix rules for the features the tagger's class does not carry.
 *
 * Text format, one record per line, TAB-separated, '#' comments:
 *   R  UPOS  suffix  lower(0|1)  strip  add        lemma rule (longest suffix wins)
 *   X  UPOS  class-feats  suffix  feats             feature rule (longest suffix wins)
 *   W  form  UPOS  lemma  [feats]                    exception (feats "_" = none)
 *   V  form  UPOS  class-feats  lemma                exception for one class (first)
 * lower 1: the rule applies to the lower-cased form. */
#ifndef LB_MORPH_LEMMAS_H
#define LB_MORPH_LEMMAS_H
#include <stddef.h>
#include <stdint.h>

typedef struct lb_lemmas lb_lemmas;

/* Loads path; on failure err says "path:line: problem". */
int lb_lemmas_load(lb_lemmas **out, const char *path, char *err, size_t errlen);
void lb_lemmas_free(lb_lemmas *l);

/* Lemma of form (as written) with part of speech upos into buf (cap bytes),
 * returns its length (0 if none fits). *feats gets the full features: the
 * class features cfeats completed by the rules. */
size_t lb_lemmas_apply(const lb_lemmas *l, const char *form, size_t n, int upos, uint32_t cfeats,
                       char *buf, size_t cap, uint32_t *feats);
/* Lower-cases ASCII and Latin-1 capitals (À..Þ) of s into out (same length). */
void lb_lower_latin(char *out, const char *s, size_t n);
#endif
