/* finite.h: a German sentence's finite verb over the tagger's choices (finite.c). */
#ifndef LB_MORPH_FINITE_H
#define LB_MORPH_FINITE_H
#include "doc.h"
#include "morph/features.h"
#include "morph/tagger.h"
#include "morph/tagmodel.h"

/* After the lb_morph of a German sentence's words[0..n) are filled (mo),
 * for a sentence that ends in a full stop or an exclamation mark, fin the
 * index of its first finite verb (-1 none): where a finite verb is
 * missing, as the end of the words [0, end) to look in
 * (lb_finite_candidate with that end as n): n when no word was read as a
 * finite verb; else the end of the first stretch up to a punctuation mark
 * when it opens a main clause (no subordinator, relative or interrogative
 * word first, no zu-infinitive) of three or more words with no finite verb
 * in it or right after the mark. 0: none missing, or another model. */
int lb_finite_missing(const lb_tagmodel *m, const lb_morph *mo, int n, int fin);
/* Word i of such a sentence as a finite verb: the index of its finite verb
 * candidate of the highest static score when i may be a misread finite verb
 * (a lower-case adjective no noun follows, an infinitive, a participle
 * inside the sentence), else -1. The caller tries the candidates of the
 * words in order and keeps the first whose reading lb_finite_agrees. */
int lb_finite_candidate(const lb_tagmodel *m, const lb_tf_word *words, const lb_tag_word *t, const lb_morph *mo, int i,
                        int n);
/* m is the particle of a zu-infinitive (a particle without Polarity=Neg:
 * not "nicht") or a zu-infinitive itself (abzuschließen) */
int lb_finite_zu(const lb_morph *m);
/* t's finite verb candidate of the highest static score, -1 when none */
int lb_finite_best(const lb_tagmodel *m, const lb_tag_word *t);
/* the reading m can be a sentence's only finite verb: the indicative, in the
 * third person (or none; or the first person plural, spelt alike) */
int lb_finite_agrees(const lb_morph *m);
#endif
