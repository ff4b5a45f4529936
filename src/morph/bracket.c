/* bracket.c: the German verbal bracket (Satzklammer) over the tagger's
 * choices. A finite auxiliary (haben, sein, werden, a modal: UD's AUX)
 * opens a bracket that the clause's non-finite verb closes. Verbs with an
 * inseparable prefix spell the participle like the present (beendet,
 * erzeugt, erstellt), and the tagger, whose window is two words, often
 * takes the finite reading there though the bracket leaves only the
 * participle; likewise the infinitive of most verbs is spelt like the
 * plural present (muss warten, werden aufnehmen). Here the first verb after
 * an open bracket closes it; tagged finite, it takes its participle
 * candidate if it has one, else its infinitive candidate (a form with
 * neither stays as tagged), and the verbs right after it their infinitive
 * candidates ("verkauft werden"). Any punctuation
 * mark and any conjunction ends an open bracket first, a coarse stand-in
 * for the clause boundary: a bracket that spans one ("hat Brot und Butter
 * gekauft") is left as tagged. A finite verb read as a main verb that may
 * be the auxiliary (hat, ist, wird) opens a bracket too, and only a
 * participle closes it: then both are read as the perfect or passive. */
#include "morph/bracket.h"
#include "doc.h"

/* Token i, a verb of the bracket's right side, tagged finite (or with a
 * class that says nothing of its verb form: the readings then give it,
 * finite ones among them), takes the candidate pick gives it
 * (lb_tag_nonfinite_candidate, infinitive_of) if it has one. */
static void take_form(const lb_tagmodel *m, const lb_tag_word *t, int i, int (*pick)(const lb_tagmodel *, const lb_tag_word *, int),
                      uint16_t *out, uint8_t *kout)
{
    const lb_tag_class *c = &m->cls[out[i]];
    unsigned has = LB_FEAT_GET(c->feats, VERBFORM);
    if (has && has != LB_VERBFORM_FIN) return;
    int k = pick(m, &t[i], c->upos);
    if (k < 0) return;
    out[i] = t[i].cand[k];
    if (kout) kout[i] = (uint8_t)k;
}

static int infinitive_of(const lb_tagmodel *m, const lb_tag_word *t, int upos)
{
    return lb_tag_candidate_with(m, t, upos, LB_FEAT(VERBFORM, LB_VERBFORM_MASK), LB_FEAT(VERBFORM, LB_VERBFORM_INF));
}

static int participle_of(const lb_tagmodel *m, const lb_tag_word *t, int upos)
{
    return lb_tag_candidate_with(m, t, upos, LB_FEAT(VERBFORM, LB_VERBFORM_MASK), LB_FEAT(VERBFORM, LB_VERBFORM_PART));
}

static int is_verb(const lb_tag_class *c) { return lb_upos_is_verb(c->upos); }

/* The candidate of word i (tagged c, a finite VERB) that reads it as the
 * finite auxiliary in the same mood (haben, sein, werden, the modals), or -1. */
static int auxiliary_of(const lb_tagmodel *m, const lb_tag_word *t, int i, const lb_tag_class *c)
{
    const uint32_t mood = LB_FEAT(MOOD, LB_MOOD_MASK), mask = LB_FEAT(VERBFORM, LB_VERBFORM_MASK) | mood;
    return lb_tag_candidate_with(m, &t[i], LB_UPOS_AUX, mask, LB_FEAT(VERBFORM, LB_VERBFORM_FIN) | (c->feats & mood));
}

/* Word i takes its candidate k. */
static void take(const lb_tag_word *t, int i, int k, uint16_t *out, uint8_t *kout)
{
    out[i] = t[i].cand[k];
    if (kout) kout[i] = (uint8_t)k;
}

void lb_bracket_fix(const lb_tagmodel *m, const lb_tf_word *words, const lb_tag_word *t, int n, uint16_t *out,
                    uint8_t *kout)
{
    if (!(m->fset & LB_TF_SET_DE)) return;
    int open = 0, main_verb = -1, aux_k = -1;   /* main_verb: the opener, tagged VERB; aux_k its auxiliary candidate */
    for (int i = 0; i < n; i++) {
        const lb_tag_class *c = &m->cls[out[i]];
        unsigned vf = LB_FEAT_GET(c->feats, VERBFORM);
        if ((words[i].shape & LB_TF_SHAPE_PUNCT) || c->upos == LB_UPOS_SCONJ || c->upos == LB_UPOS_CCONJ) open = 0;
        else if (c->upos == LB_UPOS_AUX && vf == LB_VERBFORM_FIN && !open) { open = 1; main_verb = -1; }
        else if (c->upos == LB_UPOS_VERB && vf == LB_VERBFORM_FIN && !open && (aux_k = auxiliary_of(m, t, i, c)) >= 0) {
            open = 1; main_verb = i;                /* "hat ... erzeugt": the perfect if a participle closes it */
        } else if (open && is_verb(c) && main_verb >= 0) {
            open = 0;
            int k = participle_of(m, &t[i], c->upos);
            if (k < 0 || (vf && vf != LB_VERBFORM_FIN && vf != LB_VERBFORM_PART)) continue;
            take(t, i, k, out, kout);
            take(t, main_verb, aux_k, out, kout);
            while (i + 1 < n && is_verb(&m->cls[out[i + 1]])) take_form(m, t, ++i, infinitive_of, out, kout);
        } else if (open && is_verb(c)) {
            open = 0;                               /* the bracket closes at its first verb */
            take_form(m, t, i, lb_tag_nonfinite_candidate, out, kout);
            /* the verbs right after it belong to the right side too: the
             * infinitive of a passive or perfect ("verkauft werden",
             * "gewusst haben") */
            while (i + 1 < n && is_verb(&m->cls[out[i + 1]])) take_form(m, t, ++i, infinitive_of, out, kout);
        }
    }
}
