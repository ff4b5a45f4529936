/* lexclass.h: a word's readings in the lexicon, as tagger classes: the
 * lexicon's readings are a hard constraint on the tagger's candidates for
 * known words; unknown words get the guesser's readings (plus the open
 * classes). Shared by the morphology stage and the trainer. */
#ifndef LB_MORPH_LEXCLASS_H
#define LB_MORPH_LEXCLASS_H
#include "morph/lexicon.h"
#include "morph/tagmodel.h"

#define LB_LX_MAX_READINGS 64

/* Readings of form: exact, plus the lower-cased form's when it starts with a
 * capital. Guessed readings when the lexicon has none (*known = 0, or 1 when
 * they come from a known compound head). Lemmas of
 * guesses are written into buf (cap bytes). Returns the count. */
int lb_lx_readings(const lb_lexicon *lx, const char *form, size_t n, lb_reading *out, int max,
                   char *buf, size_t cap, int *known);
/* The class a reading supports when the tagger chose a class: of its part
 * of speech and features, else of its bare part of speech (features the
 * treebank does not give that part of speech, like Case on a preposition);
 * -1 when neither exists. (Candidates use the exact class only.) */
int lb_lx_class(const lb_tagmodel *m, const lb_reading *r);
/* The classes of the readings (ascending, unique); -1-classes dropped. */
int lb_lx_classes(const lb_tagmodel *m, const lb_reading *r, int nr, uint16_t *out);
/* The same, and each[i] = lb_lx_class(m, &r[i]) (each NULL: not wanted). */
int lb_lx_classes_each(const lb_tagmodel *m, const lb_reading *r, int nr, uint16_t *out, int16_t *each);
/* Per (upos, feats) pair of the lexicon (lb_lexicon_tag) its exact class
 * and its lb_lx_class (-1 none), so that readings need no class search:
 * 2 * lb_lexicon_tag_count values (malloc; NULL when out of memory or empty). */
int16_t *lb_lx_tag_classes(const lb_tagmodel *m, const lb_lexicon *lx);
/* lb_lx_classes_each through map (lb_lx_tag_classes of m and the readings' lexicon, or NULL). */
int lb_lx_classes_map(const lb_tagmodel *m, const int16_t *map, const lb_reading *r, int nr, uint16_t *out,
                      int16_t *each);
#endif
