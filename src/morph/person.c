/* person.c: subject-verb agreement in person and number (Duden Grammatik,
 * Kongruenz von Subjekt und Prädikat) for the forms German spells alike:
 * the first and third person singular of every preterite and Konjunktiv
 * and of the modals' present (ich sagte / er sagte, ich kann / er kann),
 * the first and third person plural (wir sagen / sie sagen), the second
 * person plural and the third singular present (ihr sagt / er sagt). The
 * morphology stage takes the third person's reading where the tagger's
 * class leaves person open (morph.c); a first or second person pronoun
 * in the nominative in the verb's stretch of the sentence (between
 * punctuation marks and subordinators, as lb_mood_fix) is its subject, and
 * the verb takes that person where the lexicon has the form with it. */
#include "morph/person.h"
#include "morph/lexclass.h"
#include "morph/mood.h"
#include <string.h>

/* The lexicon's reading of the finite verb m (token t) in person p and
 * number num, same lemma, mood and tense: its features, else 0. */
static uint32_t reading_in(const lb_lexicon *lx, const lb_doc *doc, const lb_tok *t, const lb_morph *m, unsigned p,
                           unsigned num)
{
    lb_reading r[LB_LX_MAX_READINGS];
    char buf[1024];
    int known;                                  /* (as written and, capitalised, in lower case: new_entry's lookup) */
    int k = lb_lx_readings(lx, doc->text + t->start, t->end - t->start, r, LB_LX_MAX_READINGS, buf, sizeof buf, &known);
    uint32_t same = LB_FEAT(MOOD, LB_MOOD_MASK) | LB_FEAT(TENSE, LB_TENSE_MASK);
    for (int i = 0; i < k; i++) {
        uint32_t f = r[i].feats;
        if (!lb_upos_is_verb(r[i].upos) || LB_FEAT_GET(f, VERBFORM) != LB_VERBFORM_FIN || ((f ^ m->feats) & same) ||
            LB_FEAT_GET(f, PERSON) != p || LB_FEAT_GET(f, NUMBER) != num || r[i].lemma_len != m->lemma_len ||
            memcmp(r[i].lemma, m->lemma, m->lemma_len))
            continue;
        return f;
    }
    return 0;
}

int lb_person_fix(const lb_lexicon *lx, const lb_doc *doc, const lb_tok *toks, int n, lb_morph *mo)
{
    if (!lx) return 0;
    int changed = 0;
    for (int a = 0; a < n;) {                   /* stretch [a, b) */
        int b = a, subj = -1, many = 0;
        for (; b < n && !lb_mood_boundary(mo, b); b++)
            if (lb_person_subject(&mo[b])) { many |= subj >= 0; subj = b; }
        for (int i = a; subj >= 0 && !many && i < b; i++) {
            if (!lb_morph_is_finite(&mo[i]) || LB_FEAT_GET(mo[i].feats, PERSON) != 3) continue;
            unsigned p = LB_FEAT_GET(mo[subj].feats, PERSON), num = LB_FEAT_GET(mo[subj].feats, NUMBER);
            uint32_t f = reading_in(lx, doc, &toks[i], &mo[i], p, num);
            if (!f) continue;
            uint32_t pn = LB_FEAT(PERSON, LB_PERSON_MASK) | LB_FEAT(NUMBER, LB_NUMBER_MASK);
            mo[i].feats = (mo[i].feats & ~pn) | (f & pn);
            changed++;
        }
        a = b + 1;
    }
    return changed;
}
