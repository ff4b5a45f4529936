/* qheadline.c: the headline quote of German and English news: "Polizei:
 * Inhaftierte wollten neue Unterstützer rekrutieren", "Zeitungsberichte:
 * Richter lehnte Haft ab". In the document's first sentence, a short speaker
 * before a colon credits the clause after it: a role, source, body or group
 * noun, or an actor mention (a topic label such as "Fußball:" is none). */
#include "quotes/qint.h"

/* an actor mention overlaps [s, e): a person, a body, or a place that stands for
 * its government ("Pjöngjang: Seoul plant …") */
static int speaker_mention(const qdoc *q, uint32_t s, uint32_t e)
{
    for (size_t k = 0; k < q->doc->mentions.len; k++) {
        const lb_mention *m = &LB_MENTIONS(q->doc)[k];
        if (m->start >= e) break;
        if (m->end <= s) continue;
        if (m->actor.code || m->type == LB_MEN_PER || m->type == LB_MEN_ORG) return 1;
    }
    return 0;
}

/* tokens [lo, c) are a speaker of a headline quote */
static int headline_speaker(const qdoc *q, uint32_t lo, uint32_t c)
{
    for (uint32_t k = lo; k < c; k++) {
        const lb_tok *t = &q->t[k];
        if (!(t->flags & LB_TOK_WORD) || q->inq[k] || (q_cls(q, k) & (QC_TIME | QC_STOP))) return 0;
    }
    for (uint32_t k = lo; k < c; k++)
        if (q_is_role(q, k) || q_is_srcnoun(q, k) || (q_xcls(q, k) & (QX_BODY | QX_GROUP))) return 1;
    return speaker_mention(q, q->t[lo].start, q->t[c - 1].end);
}

int q_headline(qdoc *q, uint32_t lo, uint32_t hi)
{
    uint32_t c = lo + 1;
    while (c < hi && c < lo + Q_HEAD_SPEAKER && !q_punct_is(q, c, ':')) c++;
    if (c >= hi || !q_punct_is(q, c, ':') || !(q->t[lo].flags & LB_TOK_UPPER) || !headline_speaker(q, lo, c)) return 0;
    uint32_t a = c + 1, words = 0;
    if (a >= hi || (q->t[a].flags & LB_TOK_QUOTE) || q->inq[a]) return 0;   /* "X: „…“" is direct (qdirect.c) */
    for (uint32_t k = a; k < hi; k++) words += (q->t[k].flags & LB_TOK_WORD) != 0;
    if (words < 3 || !q_has_verb(q, a, hi)) return 0;
    qspk sp = { (int32_t)lo, (int32_t)c, -1, -1 };
    qspk np = q_np_forward(q, lo, c);
    if (np.s >= 0 && np.e == (int32_t)c) sp = np;
    return q_emit_indirect(q, a, hi, sp, -1) != NULL;
}
