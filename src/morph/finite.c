/* finite.c: every German sentence has a finite verb (finite.h). A
 * declarative or interrogative clause has its finite verb in the second or
 * first place (Duden Grammatik, Verbstellung: Verbzweit-, Verberstsatz),
 * and the tagger, whose window is two words, sometimes reads that verb as
 * something else when the words before it do not look like a subject: "In
 * Paris demonstrierten 300 Menschen" (an adjective: "den demonstrierten
 * Rechten"), "In Bremen arbeiten 500 Menschen" (a noun), "Laut Medienbericht nehmen fünf bis 20 Flüchtlinge diese
 * Route" (an infinitive). A sentence that ends like a clause and has no
 * finite verb gets one: its first word that may be a misread one and has a
 * finite candidate in the indicative and the third person takes it (the
 * first person plural is spelt like the third, and the reading may be that
 * one: "wir demonstrierten", "sie demonstrierten"; a
 * first or second person needs its pronoun, which a sentence without a
 * finite verb lacks: "eine klare Empfehlung" has no "ich klare"; the
 * Konjunktiv and the imperative are spelt like words of other classes:
 * "ein", "schnelle"), and it must be the lexicon's reading (a guessed one
 * is no evidence). Left as tagged: capitalised words (nouns inside the
 * sentence; a verb first would open a question or command: questions are
 * left alone, "Soll der Bund ... abnehmen?"), an attributive adjective, a
 * zu-infinitive, and a verb that ends the sentence or stands before another
 * verb (the elliptic passive of headlines: "Drei Menschen bei Unfall
 * verletzt."). */
#include "morph/finite.h"

int lb_finite_zu(const lb_morph *m)
{
    return (m->upos == LB_UPOS_PART && !LB_FEAT_GET(m->feats, POLARITY)) || (m->flags & LB_MF_ZU_INF);
}

/* the first stretch of words [a, b) opens a main clause: no subordinator,
 * relative or interrogative word first (a clause put before the main one:
 * "Wie viele kommen, ..."), no zu-infinitive in it ("Um zu helfen, ...") */
static int main_opening(const lb_morph *mo, int a, int b)
{
    uint32_t pt = LB_FEAT_GET(mo[a].feats, PRONTYPE);
    if (mo[a].upos == LB_UPOS_SCONJ || pt == LB_PRONTYPE_REL || pt == LB_PRONTYPE_INT) return 0;
    for (int i = a; i < b; i++)
        if (lb_finite_zu(&mo[i])) return 0;
    return 1;
}

int lb_finite_missing(const lb_tagmodel *m, const lb_morph *mo, int n, int fin)
{
    if (!(m->fset & LB_TF_SET_DE)) return 0;
    if (fin < 0) return n;
    /* a finite verb elsewhere (a subordinate clause after the main one, a
     * second main clause): the first stretch up to a punctuation mark, when
     * it opens a main clause and no finite verb follows the mark ("In Paris
     * demonstrierten 300 Menschen, nachdem ...") */
    int a = 0, b;
    while (a < n && mo[a].upos == LB_UPOS_PUNCT) a++;
    for (b = a; b < fin && mo[b].upos != LB_UPOS_PUNCT; b++) {}
    if (b == fin || b - a < 3 || b + 1 >= n || lb_morph_is_finite(&mo[b + 1]) || !main_opening(mo, a, b)) return 0;
    return b;
}

/* the last word of the sentence before its final punctuation */
static int last_word(const lb_morph *mo, int n)
{
    int i = n - 1;
    while (i >= 0 && mo[i].upos == LB_UPOS_PUNCT) i--;
    return i;
}

/* word i, read as tagged, may be a misread finite verb: an adjective that no
 * noun or adjective follows (an attributive one stands before its noun:
 * "die klare Empfehlung"), a noun written in lower case inside the
 * sentence (German capitalises nouns: "In Bremen arbeiten 500 Menschen"
 * is no "Arbeiten"), an infinitive or participle that neither ends
 * the sentence nor stands before another verb (either is the right side of
 * a verbal bracket, of a subordinate clause or of an elliptic clause:
 * "vollzogen werden.", "Was Sportfans wissen wollen.", "Bitte hier
 * klicken.") nor after "zu"; none right after a preposition or an article,
 * which open a phrase a finite verb cannot stand in ("vor erwarteten 15.500
 * Zuschauern") */
static int misread(const lb_morph *mo, int i, int n)
{
    int nx = i + 1 < n ? mo[i + 1].upos : 0, pv = i > 0 ? mo[i - 1].upos : 0;
    if (pv == LB_UPOS_ADP || pv == LB_UPOS_DET) return 0;     /* "mit klaren, spitzen Worten": inside a phrase */
    if (mo[i].upos == LB_UPOS_ADJ) return nx != LB_UPOS_NOUN && nx != LB_UPOS_ADJ && nx != LB_UPOS_PROPN;
    if (mo[i].upos == LB_UPOS_NOUN) return i > 0;          /* (the caller took lower-case words only) */
    if (!lb_upos_is_verb(mo[i].upos) || i == last_word(mo, n) || lb_upos_is_verb((unsigned)nx)) return 0;
    uint32_t vf = LB_FEAT_GET(mo[i].feats, VERBFORM);
    if (vf == LB_VERBFORM_INF) return !(i > 0 && lb_finite_zu(&mo[i - 1]));   /* zu gehen */
    return vf == LB_VERBFORM_PART;
}

int lb_finite_candidate(const lb_tagmodel *m, const lb_tf_word *words, const lb_tag_word *t, const lb_morph *mo, int i,
                        int n)
{
    /* (no finite verb is shorter than three letters: ist, hat, tut) */
    if (words[i].shape & (LB_TF_SHAPE_UPPER | LB_TF_SHAPE_PUNCT | LB_TF_SHAPE_DIGIT) || mo[i].lemma_len < 3 ||
        !misread(mo, i, n)) return -1;
    return lb_finite_best(m, &t[i]);
}

int lb_finite_best(const lb_tagmodel *m, const lb_tag_word *t)
{
    int best = -1;
    for (int k = 0; k < t->ncand; k++) {
        const lb_tag_class *c = &m->cls[t->cand[k]];
        if (lb_upos_is_verb(c->upos) && LB_FEAT_GET(c->feats, VERBFORM) == LB_VERBFORM_FIN &&
            (best < 0 || t->sscore[k] > t->sscore[best])) best = k;
    }
    return best;
}

int lb_finite_agrees(const lb_morph *m)
{
    uint32_t p = LB_FEAT_GET(m->feats, PERSON);
    return lb_morph_is_finite(m) && LB_FEAT_GET(m->feats, MOOD) == LB_MOOD_IND &&
           (!p || p == 3 || (p == 1 && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_PLUR));
}
