/* mood.c: Konjunktiv I spelt like the indicative (mood.h). German spells the
 * first person singular present indicative and the third person Konjunktiv
 * I alike for all verbs but sein (ich habe / er habe, ich werde / sie werde,
 * ich gelte / es gelte), and the tagger, whose window is two words, often
 * takes the indicative for reported speech ("Die Regierung habe zugesagt").
 * A finite verb agrees with its subject in person and number (Duden
 * Grammatik, Kongruenz von Subjekt und Prädikat): the first person singular
 * needs "ich" (a first person singular nominative pronoun) in its clause.
 * Without one in the verb's stretch of the sentence (between punctuation
 * marks and subordinators: a coarse clause, coordinated verbs sharing their
 * subject), the verb takes its Konjunktiv candidate. */
#include "morph/mood.h"
#include "morph/person.h"

/* word i is a first person singular nominative pronoun: ich */
static int first_singular(const lb_morph *m)
{
    return lb_person_subject(m) && LB_FEAT_GET(m->feats, PERSON) == 1 && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_SING;
}

int lb_mood_fix(const lb_tagmodel *m, const lb_tag_word *t, int n, const lb_morph *mo, uint16_t *out, uint8_t *kout,
                uint8_t *changed)
{
    if (!(m->fset & LB_TF_SET_DE)) return 0;
    int nchanged = 0;
    for (int a = 0; a < n;) {                   /* stretch [a, b) */
        int b = a, ich = 0, any = 0;
        for (; b < n && !lb_mood_boundary(mo, b); b++) {    /* (the part of speech first: most words are neither) */
            uint32_t u = 1u << (mo[b].upos & 31);
            if (u & (1u << LB_UPOS_VERB | 1u << LB_UPOS_AUX)) any |= lb_mood_first_singular(&mo[b]);
            else if (u & 1u << LB_UPOS_PRON) ich |= first_singular(&mo[b]);
        }
        for (int i = a; any && !ich && i < b; i++) {
            if (!lb_mood_first_singular(&mo[i])) continue;
            int k = lb_tag_candidate_with(m, &t[i], mo[i].upos, LB_FEAT(MOOD, LB_MOOD_MASK), LB_FEAT(MOOD, LB_MOOD_SUB));
            if (k < 0) continue;
            out[i] = t[i].cand[k];
            kout[i] = (uint8_t)k;
            changed[i] = 1;
            nchanged++;
        }
        a = b + 1;
    }
    return nchanged;
}
