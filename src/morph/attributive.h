/* attributive.h: an adjective between article and noun read as a finite verb (attributive.c). */
#ifndef LB_MORPH_ATTRIBUTIVE_H
#define LB_MORPH_ATTRIBUTIVE_H
#include "doc.h"
#include "morph/features.h"
#include "morph/tagger.h"
#include "morph/tagmodel.h"

/* After the lb_morph of a German sentence's words[0..n) are filled (mo):
 * when word i, read as a finite verb, stands in lower case between an
 * article and a noun (or an adjective and a noun: "der verletzte Finger",
 * "die konzipierten Abläufe"), the index of its adjective candidate (of the
 * article's case when it has one), else -1. The caller keeps it when the
 * reading lb_attributive_agrees. */
int lb_attributive_candidate(const lb_tagmodel *m, const lb_tf_word *words, const lb_tag_word *t, const lb_morph *mo,
                             int i, int n);
/* the reading m is an inflected adjective (it has a case: attributive) */
int lb_attributive_agrees(const lb_morph *m);
#endif
