/* directive.c: two sentence shapes that decide a word's reading where the
 * tagger's window of two words does not (directive.h).
 * An infinitive alone can be a directive (Duden Grammatik, Infinitiv als
 * Aufforderung: "Bitte hier klicken", "Nicht rauchen"); most infinitives are
 * spelt like the plural present, and a plural finite verb needs a subject.
 * Conjuncts share their part of speech: a capitalised first word, which may
 * be a noun or an adverb only because it opens the sentence (Morgen), is a
 * noun when a conjunction joins it to a noun. morph.c takes the candidate
 * the shape calls for when the lexicon has that reading. */
#include "morph/directive.h"

int lb_directive_infinitive(const lb_tagmodel *m, const lb_morph *mo, int n)
{
    if (!(m->fset & LB_TF_SET_DE) || n < 2 || mo[n - 1].upos != LB_UPOS_PUNCT) return -1;
    int v = n - 2;
    const lb_morph *w = &mo[v];
    if (w->upos != LB_UPOS_VERB || !lb_morph_is_finite(w) || LB_FEAT_GET(w->feats, NUMBER) != LB_NUMBER_PLUR) return -1;
    for (int i = 0; i < v; i++)
        if (lb_upos_is_verb(mo[i].upos) || mo[i].upos == LB_UPOS_PRON || mo[i].upos == LB_UPOS_PUNCT ||
            LB_FEAT_GET(mo[i].feats, CASE) == LB_CASE_NOM)
            return -1;
    return v;
}

int lb_coordinated_noun(const lb_tagmodel *m, const lb_tok *toks, const lb_morph *mo, int n)
{
    if (!(m->fset & LB_TF_SET_DE) || n < 3 || !(toks[0].flags & LB_TOK_UPPER)) return 0;
    return mo[0].upos == LB_UPOS_ADV && mo[1].upos == LB_UPOS_CCONJ && mo[2].upos == LB_UPOS_NOUN;
}
