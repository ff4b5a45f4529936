/* article.c: a noun group after a preposition (article.h). An article, its
 * adjectives and its noun agree in case and number (Duden Grammatik,
 * Kongruenz in der Nominalphrase), and a preposition that takes either
 * case (in, an, auf) gives it the accusative of a direction. The tagger's
 * classes carry the case only, and "den" is the dative plural as well as
 * the accusative singular masculine: after a preposition it read with the
 * accusative it often still reads "den" as the dative ("in den Irak").
 * When the noun is read as a singular and the lexicon has no dative plural
 * of it the group is the accusative (morph.c takes those candidates where
 * the article's is singular). */
#include "morph/article.h"
#include "morph/lexclass.h"

/* the lexicon has form (n bytes) as a noun or name in the dative plural
 * (Toten, Unternehmen: the singular spelt alike) */
static int dative_plural(const lb_lexicon *lx, const char *form, size_t n)
{
    lb_reading r[LB_LX_MAX_READINGS];
    char buf[1024];
    int known, k = lb_lx_readings(lx, form, n, r, LB_LX_MAX_READINGS, buf, sizeof buf, &known);
    for (int i = 0; i < k; i++)
        if ((r[i].upos == LB_UPOS_NOUN || r[i].upos == LB_UPOS_PROPN) && LB_FEAT_GET(r[i].feats, CASE) == LB_CASE_DAT &&
            LB_FEAT_GET(r[i].feats, NUMBER) == LB_NUMBER_PLUR)
            return 1;
    return 0;
}

int lb_article_noun(const lb_tagmodel *m, const lb_lexicon *lx, const char *text, const lb_tok *toks, const lb_morph *mo,
                    int i, int n)
{
    if (!(m->fset & LB_TF_SET_DE) || !lx || i < 1 || mo[i].upos != LB_UPOS_DET) return -1;
    if (mo[i - 1].upos != LB_UPOS_ADP || LB_FEAT_GET(mo[i - 1].feats, CASE) != LB_CASE_ACC) return -1;
    if (LB_FEAT_GET(mo[i].feats, CASE) != LB_CASE_DAT || LB_FEAT_GET(mo[i].feats, NUMBER) != LB_NUMBER_PLUR) return -1;
    int j = i + 1;
    while (j < n && mo[j].upos == LB_UPOS_ADJ) j++;
    if (j >= n || (mo[j].upos != LB_UPOS_NOUN && mo[j].upos != LB_UPOS_PROPN)) return -1;
    unsigned num = LB_FEAT_GET(mo[j].feats, NUMBER);   /* a name may have none: "in den Jemen" */
    if (num != LB_NUMBER_SING && (num || mo[j].upos != LB_UPOS_PROPN)) return -1;
    return dative_plural(lx, text + toks[j].start, toks[j].end - toks[j].start) ? -1 : j;
}
