/* person.h: a finite verb's person and number from a first or second
 * person subject pronoun in its stretch of the sentence (person.c). */
#ifndef LB_MORPH_PERSON_H
#define LB_MORPH_PERSON_H
#include "doc.h"
#include "morph/lexicon.h"

/* m is a first or second person pronoun in the nominative (ich, du, wir,
 * ihr): what lb_person_fix looks for (inline: asked of every word). */
static inline int lb_person_subject(const lb_morph *m)
{
    unsigned p = LB_FEAT_GET(m->feats, PERSON);
    return m->upos == LB_UPOS_PRON && (p == 1 || p == 2) && LB_FEAT_GET(m->feats, CASE) == LB_CASE_NOM;
}

/* After the lb_morph of a German sentence's tokens toks[0..n) are filled
 * (mo): in each stretch of the sentence with one such pronoun, a finite
 * verb read in the third person takes the person and number of the
 * pronoun when the lexicon (lx) has the form with them in the same mood
 * and tense (ich sagte, wir sagen, ihr sagt). Returns how many changed. */
int lb_person_fix(const lb_lexicon *lx, const lb_doc *doc, const lb_tok *toks, int n, lb_morph *mo);
#endif
