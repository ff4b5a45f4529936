/* headline.c: subheadings run into the text (headline.h). Scraped articles
 * lose the line break after a subheading that has no full stop, and the
 * sentence splitter joins it to the sentence after it: "Wałęsa weist
 * Vorwürfe zurück Es sei eine Zusage entdeckt worden". German writes
 * articles and pronouns in lower case inside a sentence (Duden, Groß- und
 * Kleinschreibung: only the first word of a sentence, nouns and names are
 * capitalised); a capitalised article, demonstrative or third-person
 * pronoun right after a word that closes a clause - a participle or
 * infinitive, a predicative adjective, "nicht", or the separable particle
 * of the clause's verb (read as an adverb or a lower-case noun) - therefore
 * opens a new sentence. Not after a finite verb or a preposition: a title
 * or name may follow them ("zeigt Die Politiker-WG", "mit Die Linke"); not
 * the polite Sie; only words the lexicon knows (not "The", "Le"). */
#include "morph/headline.h"
#include <string.h>

/* word x can open a sentence: a capitalised article or demonstrative
 * (Die, Der, Ein, Diese), a third-person singular pronoun (Er, Es), an
 * interrogative (Wer, Was) */
static int opener(const lb_tok *t, const lb_morph *x)
{
    if (!(t->flags & LB_TOK_WORD) || !(t->flags & LB_TOK_UPPER) || (t->flags & LB_TOK_HYPHEN) || !(x->flags & LB_MF_KNOWN))
        return 0;
    uint32_t pt = LB_FEAT_GET(x->feats, PRONTYPE), g = LB_FEAT_GET(x->feats, GENDER);
    if (x->upos == LB_UPOS_DET) return (pt == LB_PRONTYPE_ART || pt == LB_PRONTYPE_DEM) && !LB_FEAT_GET(x->feats, POSS);
    if (x->upos != LB_UPOS_PRON) return 0;
    if (pt == LB_PRONTYPE_INT) return 1;
    return pt == LB_PRONTYPE_PRS && LB_FEAT_GET(x->feats, PERSON) == 3 && LB_FEAT_GET(x->feats, NUMBER) == LB_NUMBER_SING &&
           (g == LB_GENDER_MASC || g == LB_GENDER_NEUT);
}

/* word p closes a clause: a participle or infinitive, a predicative
 * adjective (no case: "Sicherheitslage angespannt"), "nicht", or a particle
 * read as a lower-case noun ("weist Vorwürfe zurück") */
static int closer(const lb_tok *t, const lb_morph *p)
{
    if (!(t->flags & LB_TOK_WORD) || (t->flags & (LB_TOK_UPPER | LB_TOK_NUM))) return 0;
    uint32_t vf = LB_FEAT_GET(p->feats, VERBFORM);
    switch (p->upos) {
    case LB_UPOS_VERB: case LB_UPOS_AUX: return vf == LB_VERBFORM_PART || vf == LB_VERBFORM_INF;
    case LB_UPOS_ADJ: return !LB_FEAT_GET(p->feats, CASE);
    case LB_UPOS_PART: case LB_UPOS_NOUN: return 1;
    default: return 0;
    }
}

/* word p (an adverb) is the separable particle of a finite verb before it
 * in its stretch: the lexicon knows the particle + the verb's lemma
 * ("weist ... zurück": zurückweisen) */
static int verb_particle(const lb_lexicon *lx, const char *text, const lb_tok *toks, const lb_morph *mo, int p)
{
    if (!lx || mo[p].upos != LB_UPOS_ADV) return 0;
    size_t pn = toks[p].end - toks[p].start;
    for (int v = p - 1; v >= 0 && mo[v].upos != LB_UPOS_PUNCT; v--) {
        if (mo[v].upos != LB_UPOS_VERB || !lb_morph_is_finite(&mo[v])) continue;
        char w[128];
        if (pn + mo[v].lemma_len > sizeof w) return 0;
        memcpy(w, text + toks[p].start, pn);
        memcpy(w + pn, mo[v].lemma, mo[v].lemma_len);
        return lb_lexicon_has(lx, w, pn + mo[v].lemma_len) > 0;
    }
    return 0;
}

int lb_headline_cut(const lb_tagmodel *m, const lb_lexicon *lx, const char *text, const lb_tok *toks, const lb_morph *mo,
                    int n, int from)
{
    if (!(m->fset & LB_TF_SET_DE)) return 0;
    for (int i = from > 2 ? from : 2; i + 1 < n; i++)
        if (opener(&toks[i], &mo[i]) &&
            (closer(&toks[i - 1], &mo[i - 1]) || ((toks[i - 1].flags & LB_TOK_WORD) && !(toks[i - 1].flags & LB_TOK_UPPER) &&
                                                  verb_particle(lx, text, toks, mo, i - 1))))
            return i;
    return 0;
}
