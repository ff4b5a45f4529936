/* cluster.c: verb-final clauses (cluster.h). In a German subordinate or
 * relative clause the finite verb stands last, after the infinitives and
 * participles of its cluster (Duden Grammatik, Verbletztsatz: "dass die
 * Zahlen sinken werden", "ob Medien solche Fotos zeigen dürfen", "die
 * betreut werden sollen"). The plural present of a modal or auxiliary is
 * spelt like its infinitive (dürfen, sollen, werden), and the tagger, whose
 * window is two words, often reads the verb before it as the finite one.
 * Such a clause is found here; morph.c makes its last verb finite and the
 * finite ones before it participles or infinitives. Not a clause with a
 * zu-infinitive ("um zu helfen", "ohne es zu wissen") or of one word. */
#include "morph/cluster.h"
#include "morph/finite.h"

/* word i opens a verb-final clause: a subordinator, or a relative or
 * interrogative pronoun, determiner or adverb after a comma, also after a
 * preposition there ("…, mit denen …"); der/die/das as a pronoun after a
 * comma is relative (the tagger reads it demonstrative: "die Menschen, die
 * betreut werden sollen") */
static int opens(const lb_morph *mo, int i)
{
    if (mo[i].upos == LB_UPOS_SCONJ) return 1;
    uint32_t pt = LB_FEAT_GET(mo[i].feats, PRONTYPE);
    if (mo[i].upos == LB_UPOS_ADV) { if (pt != LB_PRONTYPE_INT) return 0; }          /* "…, wie wir …" */
    else if (mo[i].upos == LB_UPOS_PRON) { if (pt != LB_PRONTYPE_REL && pt != LB_PRONTYPE_INT && pt != LB_PRONTYPE_DEM) return 0; }
    else if (mo[i].upos != LB_UPOS_DET || (pt != LB_PRONTYPE_REL && pt != LB_PRONTYPE_INT)) return 0;
    int p = i - 1;
    if (p >= 0 && mo[p].upos == LB_UPOS_ADP) p--;
    return p >= 0 && mo[p].upos == LB_UPOS_PUNCT;
}

int lb_cluster_next(const lb_tagmodel *m, const lb_morph *mo, int n, int *from, int *first)
{
    if (!(m->fset & LB_TF_SET_DE)) return -1;
    for (int i = *from; i < n; i++) {
        if (!opens(mo, i)) continue;
        int e = i + 1, zu = 0;
        for (; e < n && mo[e].upos != LB_UPOS_PUNCT; e++) zu |= lb_finite_zu(&mo[e]);
        *from = e;
        int a = e;
        while (a > i + 1 && lb_upos_is_verb(mo[a - 1].upos)) a--;
        if (zu || e - a < 2) { i = e; continue; }
        int fin = 0;                            /* a finite verb in the clause (before its last word) */
        for (int j = i + 1; j < e - 1 && !fin; j++) fin = lb_morph_is_finite(&mo[j]);
        for (int j = a; j < e - 1; j++)
            if (lb_morph_is_finite(&mo[j])) { *first = a; return e - 1; }
        if (!fin && !lb_morph_is_finite(&mo[e - 1])) { *first = a; return e - 1; }   /* none at all */
        i = e;
    }
    return -1;
}
