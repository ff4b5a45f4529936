/* mood.h: Konjunktiv I of the forms spelt like the first person singular
 * indicative, over the tagger's choices (mood.c). */
#ifndef LB_MORPH_MOOD_H
#define LB_MORPH_MOOD_H
#include "doc.h"
#include "morph/tagger.h"
#include "morph/tagmodel.h"

/* word i of mo ends a stretch of a sentence: punctuation or a subordinator
 * (a coordinating conjunction does not: "ich bin Köchin und biete mich an"
 * shares its subject); a coarse clause, as lb_mood_fix and lb_person_fix
 * look for a verb's subject pronoun in it */
static inline int lb_mood_boundary(const lb_morph *mo, int i)
{
    int u = mo[i].upos;
    return u == LB_UPOS_PUNCT || u == LB_UPOS_SCONJ;
}

/* m reads as the first person singular present indicative of a finite verb
 * (what lb_mood_fix looks at; inline: the caller asks it of every word) */
static inline int lb_mood_first_singular(const lb_morph *m)
{
    return lb_morph_is_finite(m) && LB_FEAT_GET(m->feats, MOOD) == LB_MOOD_IND && LB_FEAT_GET(m->feats, TENSE) == LB_TENSE_PRES &&
           LB_FEAT_GET(m->feats, PERSON) == 1 && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_SING;
}

/* After the lb_morph of a German sentence's words[0..n) are filled (mo; out,
 * kout the chosen classes): a finite verb read as the first person singular
 * present indicative with no first person singular subject pronoun in its
 * stretch of the sentence takes its Konjunktiv candidate of the same part of
 * speech. Sets changed[i] for the words it changed (the caller fills their
 * lb_morph again); returns how many. A no-op for other models. */
int lb_mood_fix(const lb_tagmodel *m, const lb_tag_word *t, int n, const lb_morph *mo, uint16_t *out, uint8_t *kout,
                uint8_t *changed);
#endif
