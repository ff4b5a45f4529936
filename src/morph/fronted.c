/* fronted.c: participle clauses before the main clause (fronted.h). A
 * German main clause has one constituent before its finite verb (Duden
 * Grammatik, Verbzweitsatz); participle clauses can be that constituent
 * ("Bewaffnet von den USA, griff die Armee an"). Participles with an
 * inseparable prefix are spelt like the third person present (bewaffnet,
 * unterstützt, begleitet), and at the start of a sentence the tagger often
 * reads them as a finite verb opening a verb-first clause. Such a clause
 * would need a subject ("Unterstützt er das, ..."); stretches up to a comma
 * without a nominative or another verb, followed by a finite verb, are
 * participle clauses. morph.c gives their verbs the participle candidate
 * when the lexicon has that reading. */
#include "morph/fronted.h"

/* token t is a comma */
static int is_comma(const char *text, const lb_tok *t) { return t->end == t->start + 1 && text[t->start] == ','; }

/* the end (its comma) of a participle clause from word s: a verb, then
 * words with no other verb and no nominative up to a comma; -1 when none */
static int clause_end(const char *text, const lb_tok *toks, const lb_morph *mo, int s, int n)
{
    if (mo[s].upos != LB_UPOS_VERB) return -1;
    unsigned vf = LB_FEAT_GET(mo[s].feats, VERBFORM);
    if (vf != LB_VERBFORM_FIN && vf != LB_VERBFORM_PART) return -1;
    int i = s + 1;
    for (; i < n && mo[i].upos != LB_UPOS_PUNCT; i++)
        if (lb_upos_is_verb(mo[i].upos) || LB_FEAT_GET(mo[i].feats, CASE) == LB_CASE_NOM) return -1;
    return i > s + 1 && i + 1 < n && is_comma(text, &toks[i]) ? i : -1;
}

int lb_fronted_participles(const lb_tagmodel *m, const char *text, const lb_tok *toks, const lb_morph *mo, int n, int *out,
                           int max)
{
    if (!(m->fset & LB_TF_SET_DE)) return 0;
    int k = 0, s = 0, e;
    while (s < n && k < max && (e = clause_end(text, toks, mo, s, n)) >= 0) {
        if (lb_morph_is_finite(&mo[s])) out[k++] = s;
        s = e + 1;
    }
    return s > 0 && s < n && lb_morph_is_finite(&mo[s]) ? k : 0;
}
