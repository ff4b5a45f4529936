/* qchain.c: reported speech that goes on without a frame of its own. After a
 * quote with a speaker, or a speech act of a named subject ("X kündigte … an"),
 * the following sentences that report (Konjunktiv I, from the morphology
 * layer; hearsay: demnach, angeblich) are indirect quotes of the same
 * speaker, until a sentence that does not report; reporting sentences
 * between two quotes of one speaker are that speaker's too (bridge). It runs
 * after the finders and does not change their quotes. */
#include "quotes/qint.h"
#include <string.h>
#include <strings.h>

/* how many sentences a report may skip (a non-reporting sentence in between) */
#define Q_CHAIN_GAP 1
/* how far (tokens) before a participle its auxiliary may stand: "habe er sich bereit erklärt" */
#define Q_FRAME_AUX 8

/* the token that starts at or contains byte offset pos */
static uint32_t tok_at(const qdoc *q, uint32_t pos)
{
    uint32_t k = q_tok_after(q, pos);
    return k < q->n ? k : q->n - 1;
}

int q_konj(const qdoc *q, uint32_t i)
{
    if (q->lang == QL_EN) return 0;
    uint32_t c = q_cls(q, i);
    const lb_doc *d = q->doc;
    /* a capitalised word inside the sentence is a noun (Spiele, Lage), no verb form */
    if ((q->t[i].flags & LB_TOK_UPPER) && i > LB_SENTS(d)[q->t[i].sent].tok0) return 0;
    if (c & (QC_KONJ | QC_KONJ2)) return (c & QC_KONJ) ? 1 : 2;
    if (d->morph.len != q->n || !LB_MORPH(d)[i].upos) return 0;
    const lb_morph *m = &LB_MORPH(d)[i];
    if (m->upos != LB_UPOS_VERB && m->upos != LB_UPOS_AUX) return 0;
    if (LB_FEAT_GET(m->feats, MOOD) == LB_MOOD_SUB) return LB_FEAT_GET(m->feats, TENSE) == LB_TENSE_PAST ? 2 : 1;
    return 0;
}

/* the finite verb at i is plural (morphology layer) */
static int plural(const qdoc *q, uint32_t i)
{
    if (q->doc->morph.len != q->n) return 0;
    const lb_morph *m = &LB_MORPH(q->doc)[i];
    return LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_PLUR ? 2 : 0;
}

/* the sentence [lo, hi) reports: 1 by Konjunktiv I or hearsay; 2 by Konjunktiv II
 * only; 3 by a plural Konjunktiv II (the stand-in for Konjunktiv I where that
 * equals the indicative: "sie würden", "sie hätten"). ("soll … getan haben" is left out: on the development data it more
 * often reports the writer's own unconfirmed news than someone's words.)
 * *marker: the hearsay word (demnach), -1 none */
static int reports(const qdoc *q, uint32_t lo, uint32_t hi, int32_t *marker)
{
    int k2 = 0, rep = 0;
    *marker = -1;
    for (uint32_t i = lo; i < hi; i++) {
        if (!(q->t[i].flags & LB_TOK_WORD) || q->inq[i]) continue;   /* the writer's verbs, not the quoted ones */
        int k = q_konj(q, i);
        if (q_cls(q, i) & QC_HEARSAY) { *marker = (int32_t)i; return 1; }
        rep |= k == 1;
        k2 |= k == 2 ? 1 + plural(q, i) : 0;
    }
    return rep ? 1 : k2 == 3 ? 3 : k2 ? 2 : 0;
}

/* the sentence speaks in the first person (ich, wir, uns, unser …) */
static int first_person_speech(const qdoc *q, uint32_t lo, uint32_t hi)
{
    for (uint32_t i = lo; i < hi; i++) if (q_xcls(q, i) & QX_FIRST) return 1;
    return 0;
}

/* the sentence [lo, hi) has a quotation mark */
static int marked(const qdoc *q, uint32_t lo, uint32_t hi)
{
    if (!q->ndirect) return 0;
    for (uint32_t i = lo; i < hi; i++) if (q->t[i].flags & LB_TOK_QUOTE) return 1;
    return 0;
}

/* a question or a headline reports nothing */
static int asks(const qdoc *q, uint32_t hi)
{
    return hi > 0 && q_punct_is(q, hi - 1, '?');
}

/* out is a quote attributed to sp alone (no span, no cue); 1 when that names a speaker */
static int speaker_named(qdoc *q, qspk sp, lb_quote *out)
{
    q_quote_init(out, 0, 0, 0);
    q_attribute(q, out, sp, -1);
    return out->speaker_name || out->speaker_start >= 0;
}

/* a speech act of a named subject in [lo, hi) without a quote: "X kündigte seinen Rücktritt an" */
static int speech_act(qdoc *q, uint32_t lo, uint32_t hi, lb_quote *out)
{
    qspk asp;
    uint32_t acue;
    /* "Das erklärte General X am Montag.": X, not the demonstrative, speaks on */
    if (q_anaphoric_frame(q, lo, hi, &asp, &acue) && speaker_named(q, asp, out)) return 1;
    for (uint32_t v = lo; v < hi; v++) {
        if (q->inq[v] || !(q->t[v].flags & LB_TOK_WORD) || !q_is_cue(q, v) || q_negated(q, v, lo)) continue;
        qspk sp;
        /* passive: the agent speaks ("wurden von X als unrealistisch bezeichnet") */
        q_cue_speaker(q, v, lo, hi, 1, &sp);
        if (sp.s < 0 || (q_cls(q, (uint32_t)sp.s) & QC_IMPERS)) continue;
        if (speaker_named(q, sp, out)) return 1;
    }
    return 0;
}

/* a person or organisation the mention layer names overlaps [s, e) (tokens) */
static int named_agent(const qdoc *q, int32_t s, int32_t e)
{
    if (s < 0 || e <= s) return 0;
    uint32_t bs = q->t[s].start, be = q->t[e - 1].end, from = bs > 256 ? bs - 256 : 0;
    /* mentions are short: in text order, start the scan near the phrase */
    int sorted;
    for (size_t k = q_mention_from(q, from, &sorted); k < q->doc->mentions.len; k++) {
        const lb_mention *m = &LB_MENTIONS(q->doc)[k];
        if (sorted && m->start >= be) break;
        if (m->end > bs && m->form == LB_FORM_NAME && (m->type == LB_MEN_PER || m->type == LB_MEN_ORG)) return 1;
    }
    return 0;
}

/* the subject of the first active main clause of the sentence [lo, hi) (clause
 * layer) when it is an actor or a role noun: "Das Institut sieht keine Gefahr.
 * Nur Personen mit engem Kontakt seien betroffen." (a Konjunktiv I main clause
 * reports what the last-named agent said; 1 with the speaker in out) */
static int previous_subject(qdoc *q, uint32_t lo, uint32_t hi, lb_quote *out)
{
    const lb_doc *d = q->doc;
    if (!d->clauses.len || d->morph.len != q->n) return 0;
    for (uint32_t i = lo; i < hi; i++) {
        int32_t ci = LB_MORPH(d)[i].clause;
        if (ci < 0 || (size_t)ci >= d->clauses.len) continue;
        const lb_clause *cl = &LB_CLAUSES(d)[ci];
        if (cl->kind != LB_CL_MAIN || cl->parent >= 0) continue;
        int32_t v = cl->fin >= 0 ? cl->fin : cl->verb;
        qspk sp;
        if (v < (int32_t)lo || !q_clause_subject(q, (uint32_t)v, &sp) || q->inq[sp.s]) return 0;
        int role = 0;
        for (int32_t k = sp.s; k < sp.e && !role; k++) role = q_is_role(q, (uint32_t)k);
        if (sp.ns < 0 && !role) return 0;
        q_quote_init(out, 0, 0, 0);
        q_attribute(q, out, sp, -1);
        /* an actor (a person, body or state the actors stage knows) or a role */
        return out->speaker_name != NULL && (out->speaker_actor.code || role || named_agent(q, sp.s, sp.e));
    }
    return 0;
}

/* the speech verb of x is itself reported: its clause's finite verb is
 * Konjunktiv I ("Der Angeklagte habe gestanden, …", "Zudem habe er sich bereit
 * erklärt, …"), so the reporter of the sentences before speaks (GUIDELINES §3) */
static int reported_frame(const qdoc *q, const lb_quote *x)
{
    if (!x->indirect || x->cue_start < 0) return 0;
    uint32_t v = tok_at(q, (uint32_t)x->cue_start);
    if (!q_is_cue(q, v)) return 0;      /* a source phrase (laut X, nach Angaben) names its own source */
    const lb_doc *d = q->doc;
    if (d->morph.len == q->n && d->clauses.len) {
        int32_t ci = LB_MORPH(d)[v].clause;
        if (ci >= 0 && (size_t)ci < d->clauses.len && LB_CLAUSES(d)[ci].fin >= 0 && (uint32_t)LB_CLAUSES(d)[ci].fin < q->n)
            v = (uint32_t)LB_CLAUSES(d)[ci].fin;
    }
    if (q_konj(q, v) == 1) return 1;
    /* the Konjunktiv auxiliary of a perfect before the participle in its comma span */
    for (uint32_t k = v; k > 0 && v - k < Q_FRAME_AUX && q_same_sent(q, k - 1, v); k--) {
        if (q_punct_is(q, k - 1, ',') || (q->t[k - 1].flags & LB_TOK_QUOTE)) break;
        if ((q_cls(q, k - 1) & QC_AUX) && q_konj(q, k - 1) == 1) return 1;
    }
    return 0;
}

/* a clause credited to a noun by "wonach" ("frühere Angaben, wonach …"): its
 * source speaks no further sentences */
static int source_clause(const qdoc *q, const lb_quote *x)
{
    return x->cue_start >= 0 && (q_xcls(q, tok_at(q, (uint32_t)x->cue_start)) & QX_SRCCONJ);
}

static int has_speaker(const lb_quote *x) { return x->speaker_name || x->speaker_start >= 0 || x->cue_start == Q_CONTINUES; }

static void copy_speaker(lb_quote *to, const lb_quote *from)
{
    q_take_speaker(to, from);
    if (from->cue_start == Q_CONTINUES) to->cue_start = Q_CONTINUES;
}

/* the speakers of quotes x and y are the same: one name, else the same words */
static int same_speaker(const qdoc *q, const lb_quote *x, const lb_quote *y)
{
    if (x->speaker_name && y->speaker_name) return !strcmp(x->speaker_name, y->speaker_name);
    if (x->speaker_start < 0 || y->speaker_start < 0) return 0;
    const char *t = q->doc->text;
    size_t nx = (size_t)(x->speaker_end - x->speaker_start), ny = (size_t)(y->speaker_end - y->speaker_start);
    return nx == ny && !strncasecmp(t + x->speaker_start, t + y->speaker_start, nx);
}

/* the speaker of x is an actor, a role or a state's body (der Minister, die Polizei), or a
 * person or organisation the mention layer names */
static int agent(const qdoc *q, const lb_quote *x)
{
    if (x->speaker_actor.code) return 1;
    if (x->speaker_start < 0) return 0;
    uint32_t a = tok_at(q, (uint32_t)x->speaker_start), b = tok_at(q, (uint32_t)(x->speaker_end - 1)) + 1;
    for (uint32_t k = a; k < b && k < q->n; k++) if (q_is_role(q, k) || (q_xcls(q, k) & QX_GROUP)) return 1;
    return named_agent(q, (int32_t)a, (int32_t)b);
}

/* The reporting sentences of (a, b) without a quote (quoted) are speaker
 * from's: not a question, no speech act of another speaker. -1 when out of memory. */
static int bridge_gap(qdoc *q, size_t a, size_t b, const lb_quote *from, const uint8_t *quoted)
{
    const lb_sent *ss = LB_SENTS(q->doc);
    for (size_t r = a + 1; r < b; r++) {
        uint32_t lo = ss[r].tok0, hi = ss[r].tok0 + ss[r].ntok;
        if (hi > q->n) hi = q->n;
        int32_t marker;
        lb_quote own;
        if (quoted[r] || lo >= hi || q->inq[lo] || asks(q, hi) || reports(q, lo, hi, &marker) != 1 ||
            (speech_act(q, lo, hi, &own) && !same_speaker(q, &own, from)))
            continue;
        qspk none = { -1, -1, -1, -1 };
        lb_quote *qt = q_emit_indirect(q, lo, hi, none, -1);
        if (q->oom) return -1;
        if (qt) copy_speaker(qt, from);
    }
    return 0;
}

/* Reporting sentences that no chain reached, between two quotes of one
 * speaker (an actor, a role, a named person or body) at most Q_BRIDGE
 * sentences apart, are that speaker's: "…, bestätigte die Polizei Berichte,
 * wonach …. Der Vorfall ereignete sich in X. Die Granate sei mit Sprengstoff
 * gefüllt gewesen. …, wie die Polizei mitteilte." (the writer's own sentences
 * in between do not end the report when its source speaks again right
 * after). Runs after q_chain, on its quotes (ns > 0). */
#define Q_BRIDGE 6     /* about a news paragraph; 2,000 benchmark documents: 25 bridges at 4, 46 at 6, 62 at 8 */
static int bridge(qdoc *q)
{
    lb_doc *d = q->doc;
    size_t ns = d->sents.len, nq = d->quotes.len;
    int32_t *first = lb_arena_alloc(&d->arena, ns * sizeof *first), *lastq = lb_arena_alloc(&d->arena, ns * sizeof *lastq);
    uint8_t *quoted = lb_arena_calloc(&d->arena, ns, 1);     /* a sentence with a quote of any kind */
    if (!first || !lastq || !quoted) return -1;
    for (size_t s = 0; s < ns; s++) first[s] = lastq[s] = -1;
    for (size_t k = 0; k < nq; k++) {           /* per sentence its first and last quote with a speaker */
        const lb_quote *x = &LB_QUOTES(d)[k];
        uint32_t s = q->t[tok_at(q, x->start)].sent;
        if (s >= ns) continue;
        quoted[s] = 1;
        if (!has_speaker(x)) continue;
        if (first[s] < 0 || LB_QUOTES(d)[first[s]].start > x->start) first[s] = (int32_t)k;
        if (lastq[s] < 0 || LB_QUOTES(d)[lastq[s]].start <= x->start) lastq[s] = (int32_t)k;
    }
    size_t prev = SIZE_MAX;                     /* the last sentence with a quote of a speaker */
    for (size_t s = 0; s < ns; s++) {
        if (first[s] < 0) continue;
        const lb_quote *x = &LB_QUOTES(d)[first[s]];
        if (prev != SIZE_MAX && s > prev + 1 && s - prev <= Q_BRIDGE && agent(q, x) &&
            same_speaker(q, &LB_QUOTES(d)[lastq[prev]], x)) {
            lb_quote from = LB_QUOTES(d)[lastq[prev]];    /* (emitting moves the quotes) */
            if (bridge_gap(q, prev, s, &from, quoted)) return -1;
        }
        prev = s;
    }
    return 0;
}

int q_chain(qdoc *q)
{
    lb_doc *d = q->doc;
    size_t ns = d->sents.len, nq = d->quotes.len;
    if (!ns || q->lang == QL_EN) return 0;
    /* per sentence: the last quote that starts in it (-1 none) */
    int32_t *inq = lb_arena_alloc(&d->arena, ns * sizeof *inq);
    if (!inq) return -1;
    for (size_t s = 0; s < ns; s++) inq[s] = -1;
    for (size_t k = 0; k < nq; k++) {
        uint32_t s = q->t[tok_at(q, LB_QUOTES(d)[k].start)].sent;
        if (s < ns && (inq[s] < 0 || LB_QUOTES(d)[inq[s]].start <= LB_QUOTES(d)[k].start)) inq[s] = (int32_t)k;
    }
    lb_quote active = { 0 };
    int have = 0;
    size_t last = 0;
    const lb_sent *ss = LB_SENTS(d);
    for (size_t s = 0; s < ns; s++) {
        uint32_t lo = ss[s].tok0, hi = ss[s].tok0 + ss[s].ntok;
        if (hi > q->n) hi = q->n;
        if (lo >= hi) continue;
        if (inq[s] >= 0) {
            const lb_quote *x = &LB_QUOTES(d)[inq[s]];
            if (have && s <= last + 1 + Q_CHAIN_GAP && x->cue_start == Q_CONTINUES && !q->inq[lo] && !asks(q, hi)) {
                /* "Es drohe „eine dramatische Erderwärmung …“.": a reporting sentence
                 * (Konjunktiv outside the marks) that quotes some words goes on with
                 * the report as indirect speech; the quoted words stay a direct quote */
                int32_t marker;
                if (reports(q, lo, hi, &marker) == 1) {
                    qspk none = { -1, -1, -1, -1 };
                    lb_quote *qt = q_emit_indirect(q, lo, hi, none, -1);
                    if (q->oom) return -1;
                    if (qt) { copy_speaker(qt, &active); x = &LB_QUOTES(d)[inq[s]]; }
                }
            }
            if (have && s <= last + 1 + Q_CHAIN_GAP && has_speaker(&active) && reported_frame(q, x))
                copy_speaker(&LB_QUOTES(d)[inq[s]], &active);
            else if (has_speaker(x) && !source_clause(q, x)) { active = *x; have = 1; }
            last = s;
            continue;
        }
        lb_quote act;
        if (speech_act(q, lo, hi, &act)) { active = act; have = 1; last = s; continue; }
        if (asks(q, hi)) continue;
        int32_t marker;
        int rep = reports(q, lo, hi, &marker);
        if (rep != 1 && have && s == last + 1 && !marked(q, lo, hi) && first_person_speech(q, lo, hi)) {
            /* unmarked direct speech in a text without quotation marks: "Wir
             * müssen handeln." right after X's words */
            qspk none = { -1, -1, -1, -1 };
            lb_quote *qt = q_emit_indirect(q, lo, hi, none, -1);
            if (q->oom) return -1;
            if (qt) { qt->indirect = 0; copy_speaker(qt, &active); last = s; }
            continue;
        }
        /* the writer's own Konjunktiv II ("Das könnte sich ändern.") reports nothing;
         * in the plural, right after indirect speech, it stands in for Konjunktiv I */
        if (rep == 3 && have && s == last + 1 && active.indirect) rep = 1;
        if (rep != 1) continue;
        int on = have && s <= last + 1 + Q_CHAIN_GAP;
        if (!on && marker < 0 && s > 0 && previous_subject(q, ss[s - 1].tok0, lo, &act)) { active = act; have = on = 1; }
        if (!on && marker < 0) continue;
        qspk none = { -1, -1, -1, -1 };
        lb_quote *qt = q_emit_indirect(q, lo, hi, none, -1);
        if (q->oom) return -1;
        if (!qt) continue;
        if (on) copy_speaker(qt, &active);
        if (marker >= 0) {
            /* "demnach" points to the source: its span stands for the speaker */
            qt->speaker_start = (int32_t)q->t[marker].start;
            qt->speaker_end = (int32_t)q->t[marker].end;
            if (!on) qt->cue_start = qt->cue_end = -1;
        }
        last = s;
    }
    return bridge(q);
}
