/* bracket.h: the German verbal bracket over the tagger's choices (bracket.c). */
#ifndef LB_MORPH_BRACKET_H
#define LB_MORPH_BRACKET_H
#include "morph/features.h"
#include "morph/tagger.h"
#include "morph/tagmodel.h"

/* After decoding words[0..n) of a German sentence (model m: out, kout as
 * lb_tag_decode_with gave them): the verb that closes the bracket a finite
 * auxiliary opens, tagged finite, takes its participle candidate when it
 * has one (hat ... beendet, wird ... erklärt: the form is both), else its
 * infinitive (muss ... warten); the verbs right after it their infinitives
 * (verkauft werden). A finite auxiliary read as a main verb (hat VERB)
 * opens one too: a participle that closes it makes it the auxiliary. A
 * no-op for other models. */
void lb_bracket_fix(const lb_tagmodel *m, const lb_tf_word *words, const lb_tag_word *t, int n, uint16_t *out,
                    uint8_t *kout);
#endif
