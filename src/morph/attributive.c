/* attributive.c: an adjective between article and noun (attributive.h).
 * An article opens a noun phrase: what stands between it and its noun is
 * an attributive adjective (or participle), declined with the article
 * (Duden Grammatik, Nominalphrase), never a finite verb. Participles used
 * as adjectives are spelt like finite forms (verletzte, beantragte,
 * konzipierten), and the tagger sometimes reads them so; such a word takes
 * its adjective candidate when that is a declined reading. A standalone
 * demonstrative the tagger reads as an article is no trouble: "Das ignoriert
 * Potenzial" has no declined adjective "ignoriert", "Das zeigen Studien" no
 * adjective at all. */
#include "morph/attributive.h"

int lb_attributive_candidate(const lb_tagmodel *m, const lb_tf_word *words, const lb_tag_word *t, const lb_morph *mo,
                             int i, int n)
{
    if (!(m->fset & LB_TF_SET_DE) || i < 1 || i + 1 >= n || !lb_morph_is_finite(&mo[i]) ||
        (words[i].shape & (LB_TF_SHAPE_UPPER | LB_TF_SHAPE_PUNCT | LB_TF_SHAPE_DIGIT)))
        return -1;
    const lb_morph *a = &mo[i - 1];
    if (a->upos != LB_UPOS_DET || LB_FEAT_GET(a->feats, PRONTYPE) != LB_PRONTYPE_ART) return -1;
    int j = i + 1;
    if (mo[j].upos == LB_UPOS_ADJ && j + 1 < n) j++;
    if (mo[j].upos != LB_UPOS_NOUN) return -1;
    uint32_t c = LB_FEAT_GET(a->feats, CASE);
    int k = c ? lb_tag_candidate_with(m, &t[i], LB_UPOS_ADJ, LB_FEAT(CASE, LB_CASE_MASK), LB_FEAT(CASE, c)) : -1;
    return k >= 0 ? k : lb_tag_candidate_with(m, &t[i], LB_UPOS_ADJ, 0, 0);
}

int lb_attributive_agrees(const lb_morph *m)
{
    return m->upos == LB_UPOS_ADJ && LB_FEAT_GET(m->feats, CASE) != 0;
}
