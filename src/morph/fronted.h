/* fronted.h: participle clauses that open a German sentence (fronted.c). */
#ifndef LB_MORPH_FRONTED_H
#define LB_MORPH_FRONTED_H
#include "doc.h"
#include "morph/features.h"
#include "morph/tagmodel.h"

/* After the lb_morph of a German sentence's words mo[0..n) are filled
 * (toks: their tokens in text): the words read as finite verbs that are the
 * participles of participle clauses before the main clause ("Bewaffnet von
 * den USA, unterstützt durch die Luftwaffe, griff die Armee ... an"): each
 * clause a verb and words up to a comma with no other verb and no
 * nominative, the clauses one after the other from the sentence's start,
 * and a finite verb right after the last comma. Their indexes go to out
 * (at most max); returns how many (0 for another model: DE only). */
int lb_fronted_participles(const lb_tagmodel *m, const char *text, const lb_tok *toks, const lb_morph *mo, int n, int *out,
                           int max);
#endif
