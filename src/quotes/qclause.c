/* qclause.c: the speaker as the subject of the speech verb's clause, read from
 * the clause layer (doc->clauses, doc->phrases) where the syntax stage ran.
 * It does not replace the token patterns of qphrase.c where there is no
 * clause layer or no subject. */
#include "quotes/qint.h"

/* German V2 inversion: a pronoun that is only nominative right after the
 * clause's finite verb f is its subject ("Der Politik schlug er vor", "Als
 * Begründung gab er an"), whatever phrase the clause layer took; 1 with it in sp */
static int inverted_pronoun(const qdoc *q, const lb_clause *cl, int32_t ci, qspk *sp)
{
    if (q->lang == QL_EN || cl->fin < 0 || (uint32_t)cl->fin + 1 >= q->n) return 0;
    uint32_t p = (uint32_t)cl->fin + 1;
    if (!(q_xcls(q, p) & QX_NOM) || LB_MORPH(q->doc)[p].clause != ci || !q_same_sent(q, p - 1, p)) return 0;
    sp->s = (int32_t)p; sp->e = (int32_t)p + 1; sp->ns = sp->ne = -1;
    return 1;
}

const lb_clause *q_verb_clause(const qdoc *q, uint32_t v)
{
    const lb_doc *d = q->doc;
    if (!d->clauses.len || d->morph.len != q->n || v >= q->n) return NULL;
    int32_t ci = LB_MORPH(d)[v].clause;
    if (ci < 0 || (size_t)ci >= d->clauses.len) return NULL;
    const lb_clause *cl = &LB_CLAUSES(d)[ci];
    return cl->verb == (int32_t)v || cl->fin == (int32_t)v ? cl : NULL;
}

int q_clause_subject(const qdoc *q, uint32_t v, qspk *sp)
{
    const lb_doc *d = q->doc;
    const lb_clause *cl = q_verb_clause(q, v);
    if (!cl || cl->voice == LB_VOICE_PASS) return 0;
    if (inverted_pronoun(q, cl, LB_MORPH(d)[v].clause, sp)) return 1;
    if (cl->subj < 0 || (size_t)cl->subj >= d->phrases.len) return 0;
    const lb_phrase *ph = &LB_PHRASES(d)[cl->subj];
    if (!ph->ntok || ph->tok0 + ph->ntok > q->n) return 0;
    /* a predicative phrase is no subject: "Als Begründung sagte X" */
    if (ph->tok0 > 0 && (q_xcls(q, ph->tok0 - 1) & QX_PRED) && q_same_sent(q, ph->tok0 - 1, ph->tok0)) return 0;
    /* a relative or demonstrative pronoun alone ("die", "der") is no speaker */
    if (ph->ntok == 1 && (q_cls(q, ph->tok0) & (QC_DET | QC_IMPERS))) return 0;
    /* a subject never opens with a preposition ("Despite the evidence, X insisted") */
    if (LB_MORPH(d)[ph->tok0].upos == LB_UPOS_ADP || (q_cls(q, ph->tok0) & QC_PREP)) return 0;
    /* a subject after the verb lies in the same comma span: "hieß es, beide Seiten …" */
    for (uint32_t k = v + 1; k < ph->tok0; k++) if (q_punct_is(q, k, ',') || q_punct_is(q, k, ':')) return 0;
    uint32_t pe = ph->tok0 + ph->ntok;
    if (pe + 1 < v && (q->t[pe].flags & LB_TOK_DASH) && ph->tok0 == LB_SENTS(d)[q->t[ph->tok0].sent].tok0) {
        /* a dateline, not the subject: "Sirte – Die Regierung in Libyen hat … aufgefordert" */
        qspk f = q_np_forward(q, pe + 1, v);
        if (f.s < 0 && !q_loose_np(q, pe + 1, v, &f)) return 0;
        if (f.s < 0) return 0;
        *sp = f;
        return 1;
    }
    sp->s = (int32_t)ph->tok0;
    sp->e = (int32_t)pe;
    /* the attributes that hang on it: "der Sprecher des Ministeriums" */
    /* (also an attribute of an attribute: "der Staatsanwalt des Distrikts Nord des Bundesstaates Illinois") */
    for (size_t k = (size_t)cl->subj + 1; k < d->phrases.len && k < (size_t)cl->subj + 4; k++) {
        const lb_phrase *a = &LB_PHRASES(d)[k];
        if (a->parent < cl->subj || (size_t)a->parent >= k || a->tok0 != (uint32_t)sp->e) break;
        sp->e = (int32_t)(a->tok0 + a->ntok);
    }
    /* a name the clause layer cut short ("Petra | Hausmann erklärte"): name
     * words up to the verb that follow a name word belong to it */
    while ((uint32_t)sp->e < v && q_name_tok(q, (uint32_t)sp->e - 1) && q_name_tok(q, (uint32_t)sp->e) &&
           !(q->t[sp->e].flags & LB_TOK_PARA_BEFORE) && q_same_sent(q, (uint32_t)sp->e, v)) sp->e++;
    q_name_in(q, sp);
    return 1;
}
