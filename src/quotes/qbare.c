/* qbare.c: direct speech whose quotation marks are lost (German text without
 * any kept direct quote, as some feeds and corpora deliver news). By German
 * grammar indirect speech is marked by Konjunktiv or a complementizer (dass);
 * a clause in the indicative before a post-posed speech verb ("Die Lage ist
 * ernst, sagte X.") or after a speech verb and a colon ("X sagte: Wir handeln.")
 * renders the words themselves: a direct quote. One or two plain sentences
 * between two such quotes of the same speaker ("…, sagte X. S. …, fügte er
 * hinzu.") are that speaker's words too. Runs after the chain (qchain.c). */
#include "quotes/qint.h"
#include <string.h>

/* how many plain sentences may stand between two quotes of one speaker */
#define Q_BARE_GAP 2

/* a finite verb in the Präteritum (morphology layer): narration, the
 * writer's tense (one of the forms spoken German keeps, war, hatte, wollte,
 * is checked by the caller) */
static int preterite(const qdoc *q, uint32_t i)
{
    const lb_morph *m = &LB_MORPH(q->doc)[i];
    return lb_morph_is_finite(m) && LB_FEAT_GET(m->feats, TENSE) == LB_TENSE_PAST;
}

/* Präteritum form i (sein, haben), the finite verb of its clause, is the
 * auxiliary of the clause's verb (clause layer): "war gegangen", "hatte
 * verlassen", the pluperfect of narration; 0 when the clause is unknown */
static int auxiliary_of_verb(const qdoc *q, uint32_t i)
{
    const lb_clause *cl = q_verb_clause(q, i);
    if (!cl || cl->verb < 0 || cl->verb == (int32_t)i || (size_t)cl->verb >= q->n) return 0;
    unsigned vf = LB_FEAT_GET(LB_MORPH(q->doc)[cl->verb].feats, VERBFORM);
    return vf == LB_VERBFORM_PART || vf == LB_VERBFORM_INF;
}

/* [a, b) opens with a subordinate clause (als, wenn, weil) and goes on with
 * its main clause: the finite verb right after the first comma that one
 * follows ("Als ich ging, haben sie mich …"; past inserted clauses: "Als
 * ich, wie jeden Tag, ging, …"); its index, or 0.
 * Without one the subordinate clause is the Vorfeld of the speech verb's
 * own clause ("Bevor er ging, sagte X …"): no quote. */
static uint32_t main_after_fronted(const qdoc *q, uint32_t a, uint32_t b)
{
    for (uint32_t k = a + 1; k + 1 < b; k++)
        if (q_punct_is(q, k, ',') && lb_morph_is_finite(&LB_MORPH(q->doc)[k + 1])) return k + 1;
    return 0;
}

/* [a, b) is a clause in the indicative present or perfect (direct speech keeps
 * the speaker's tense; a Präteritum clause narrates): a verb, no Konjunktiv,
 * no complementizer. Spoken German keeps the Präteritum of the modal verbs
 * (modalpast: "wollte gehen") and of sein and haben where they are no
 * auxiliary of their clause's verb (spokenpast: "Es war ein gutes Treffen";
 * "war gegangen", "hatte verlassen" narrate); "wurde festgenommen" narrates.
 * After a fronted subordinate clause only the main clause's tense counts
 * (a Konjunktiv anywhere makes the speech indirect). */
static int indicative(const qdoc *q, uint32_t a, uint32_t b)
{
    if (q->doc->morph.len != q->n) return 0;      /* tense and mood unknown */
    if (a >= b || (q_cls(q, a) & QC_CONJ) || !q_has_verb(q, a, b)) return 0;
    uint32_t main = a;                  /* where the main clause starts */
    if ((q_cls(q, a) & QC_SUB) && !(main = main_after_fronted(q, a, b))) return 0;
    for (uint32_t i = a; i < b; i++) {
        if (!(q->t[i].flags & LB_TOK_WORD)) continue;
        if (q_konj(q, i)) return 0;
        if (i < main || !preterite(q, i)) continue;
        uint32_t x = q_xcls(q, i);
        if (!(x & QX_MODALPAST) && !((x & QX_SPOKENPAST) && !auxiliary_of_verb(q, i))) return 0;
    }
    return 1;
}

/* 1: the quote x opens its sentence before ", speech verb"; 2: it follows
 * "speech verb …:" and runs to the sentence end; 0: neither */
static int bare_frame(const qdoc *q, const lb_quote *x)
{
    if (!x->indirect || x->cue_start < 0 || x->end <= x->start) return 0;
    uint32_t a = q_tok_after(q, x->start), b = q_tok_after(q, x->end - 1) + 1;
    uint32_t c = q_tok_after(q, (uint32_t)x->cue_start);
    if (b >= q->n || c >= q->n) return 0;
    const lb_sent *st = &LB_SENTS(q->doc)[q->t[a].sent];
    int f = c >= b && a == st->tok0 && q_punct_is(q, b, ',') ? 1
          : c < a && a > 0 && q_punct_is(q, a - 1, ':') && (q->t[b].flags & LB_TOK_SENT_END) && !q_punct_is(q, b, '?') ? 2 : 0;
    if (!f || !q_is_cue(q, c) || (q_xcls(q, c) & QX_REPORT)) return 0;
    for (uint32_t i = b; i < c; i++) if (q_cls(q, i) & QC_AS) return 0;   /* "…, wie X sagte": a comment */
    for (uint32_t i = st->tok0; i < st->tok0 + st->ntok && i < q->n; i++)
        if (q->t[i].flags & LB_TOK_QUOTE) return 0;          /* marked speech is qdirect.c's */
    return indicative(q, a, b) ? f : 0;
}

static int same_speaker(const lb_quote *x, const lb_quote *y)
{
    if (!y->speaker_name) return y->speaker_start >= 0;   /* a pronoun or role: resolved to the one before */
    return x->speaker_name && !strcmp(x->speaker_name, y->speaker_name);
}

/* no quote overlaps the bytes [s, e) */
static int free_span(const lb_doc *d, uint32_t s, uint32_t e)
{
    for (size_t k = 0; k < d->quotes.len; k++)
        if (LB_QUOTES(d)[k].start < e && s < LB_QUOTES(d)[k].end) return 0;
    return 1;
}

/* the plain sentences (s0, s1) between two quotes of one speaker: direct quotes of theirs */
static int fill_between(qdoc *q, size_t s0, size_t s1, size_t from)
{
    const lb_sent *ss = LB_SENTS(q->doc);
    for (size_t s = s0 + 1; s < s1; s++) {
        uint32_t lo = ss[s].tok0, hi = lo + ss[s].ntok;
        if (hi > q->n || lo >= hi || q_punct_is(q, hi - 1, '?') || !free_span(q->doc, ss[s].start, ss[s].end)) return 0;
    }
    for (size_t s = s0 + 1; s < s1; s++) {
        qspk none = { -1, -1, -1, -1 };
        lb_quote *qt = q_emit_indirect(q, ss[s].tok0, ss[s].tok0 + ss[s].ntok, none, -1);
        if (q->oom) return -1;
        if (!qt) continue;
        const lb_quote *f = &LB_QUOTES(q->doc)[from];
        qt->indirect = 0;
        q_take_speaker(qt, f);
    }
    return 0;
}

int q_bare(qdoc *q)
{
    lb_doc *d = q->doc;
    if (q->lang != QL_DE) return 0;
    size_t nq = d->quotes.len, prev = 0;
    int have = 0;
    for (size_t k = 0; k < nq; k++) {          /* the finders emit in text order */
        lb_quote *x = &LB_QUOTES(d)[k];
        int f = bare_frame(q, x);
        if (!f) continue;
        x->indirect = 0;
        size_t s1 = q->t[q_tok_after(q, x->start)].sent;
        if (have && f == 1) {
            const lb_quote *p = &LB_QUOTES(d)[prev];
            size_t s0 = q->t[q_tok_after(q, p->start)].sent;
            if (s1 > s0 + 1 && s1 <= s0 + 1 + Q_BARE_GAP && same_speaker(p, x) && fill_between(q, s0, s1, prev)) return -1;
        }
        prev = k; have = 1;
    }
    return 0;
}
