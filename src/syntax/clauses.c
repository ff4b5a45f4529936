/* clauses.c: clause boundaries of one sentence in one left-to-right pass with
 * a stack of open clauses. Openers: subordinators, relative pronouns (after a
 * comma, maybe behind a preposition), interrogatives after a comma, zu-/to-
 * infinitives. A finite verb goes to the innermost open clause that lacks
 * one; when all have one, completed embedded clauses close, and otherwise a
 * new (coordinated or juxtaposed) clause begins (but with the language's
 * verb_bracket a verb spelt as its infinitive after a finite auxiliary or
 * modal closes the bracket). Sets lb_morph.clause; verbs.c sets each
 * clause's extent from it, and it and roles.c fill in the rest. */
#include "internal.h"

#define SX_MAX_DEPTH 32
#define SX_PENDING (-2)     /* parent: the main clause that follows */

typedef struct cstate {
    sx *s;
    lb_clause *C;           /* the document's clauses (push_clause keeps it current) */
    int32_t st[SX_MAX_DEPTH + 1];  /* the open clauses in st[1 .. sp]; st[0] = -1 (none open) */
    int sp;
    int32_t last_break;     /* last boundary or coordinator token, -1 */
    int32_t opened_intro;   /* intro word of a clause opened at its preposition, -1 */
    int32_t closed_rel;     /* relative clause the last boundary closed, -1 */
    int32_t first_pending;  /* first clause still waiting for its main clause, -1 */
    int break_coord;        /* ... and it was a coordinator */
} cstate;

static lb_clause *CL(cstate *c, int32_t i) { return &c->C[i]; }
static int32_t top(cstate *c) { return c->st[c->sp]; }

static inline int32_t push_clause(cstate *c, uint8_t kind, uint32_t tok0, int32_t parent, int32_t intro)
{
    if (c->sp >= SX_MAX_DEPTH) return -2;
    lb_vec *v = &c->s->doc->clauses;
    lb_clause *k;
    if (v->len < v->cap) {                       /* lb_vec_push without the call */
        k = (lb_clause *)v->items + v->len++;
    } else if (!(k = lb_vec_push(v, &c->s->doc->arena))) {
        return -1;
    }
    c->C = LB_CLAUSES(c->s->doc);
    *k = (lb_clause){ .tok0 = tok0, .sent = c->s->sent, .parent = parent, .intro = intro, .kind = kind,
                      .fin = -1, .verb = -1, .modal = -1, .particle = -1, .pred = -1,
                      .subj = -1, .obj = -1, .iobj = -1, .agent = -1 };
    int32_t idx = (int32_t)(c->s->doc->clauses.len - 1);
    c->st[++c->sp] = idx;
    if (parent == SX_PENDING && c->first_pending < 0) c->first_pending = idx;
    return idx;
}

/* tokens [from, to) that belonged to clause old now belong to nw */
static void take_tokens(cstate *c, int32_t nw, int32_t old, uint32_t from, uint32_t to)
{
    for (uint32_t k = from; k < to; k++)
        if (c->s->M[k].clause == old) c->s->M[k].clause = nw;
}

static int is_zu_inf(const sx *s, uint32_t k)
{
    const lb_morph *m = &s->M[k];
    if (m->flags & LB_MF_ZU_INF) return 1;
    return sx_is_verb(m) && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_INF && k > s->s0 && sx_zu_marker(s, k - 1);
}

/* a zu-infinitive and no finite verb before the next boundary */
static inline __attribute__((always_inline)) int zu_segment_ahead(const sx *s, uint32_t i)
{
    int zu = 0;
    for (uint32_t k = i; k < s->s1 && !sx_is_boundary(s, k); k++) {
        if (s->tf[k] & SX_TF_FIN) return 0;
        if (is_zu_inf(s, k)) zu = 1;
    }
    return zu;
}

static int is_rel_pronoun(const sx *s, uint32_t k, uint32_t start)
{
    const lb_morph *m = &s->M[k];
    if (m->upos != LB_UPOS_PRON && m->upos != LB_UPOS_DET && m->upos != LB_UPOS_ADV) return 0;
    if (start == s->s0) return 0;
    if (LB_FEAT_GET(m->feats, PRONTYPE) == LB_PRONTYPE_REL) return s->en || sx_is_boundary(s, start - 1);
    /* by the word alone: German der/die/das after a comma (taggers confuse
     * relative and demonstrative); English only when the tagger said nothing
     * about its type ("that" after a comma is mostly demonstrative) */
    if (!(s->cls[k] & SX_REL) || m->upos != LB_UPOS_PRON || (s->en && LB_FEAT_GET(m->feats, PRONTYPE))) return 0;
    if (sx_is_boundary(s, start - 1)) return 1;
    return s->en && s->M[start - 1].phrase >= 0 && s->M[start - 1].upos != LB_UPOS_PRON;
}

/* English: an -ing participle after a comma or a preposition heads a
 * non-finite clause: "..., killing several people", "by depicting it" */
static int is_participle_clause(const sx *s, uint32_t i)
{
    const lb_morph *m = &s->M[i];
    if (m->upos != LB_UPOS_VERB || i == s->s0) return 0;
    uint32_t vf = LB_FEAT_GET(m->feats, VERBFORM);
    if (!(vf == LB_VERBFORM_GER || (vf == LB_VERBFORM_PART && LB_FEAT_GET(m->feats, TENSE) == LB_TENSE_PRES))) return 0;
    uint8_t u = s->M[i - 1].upos;
    return sx_is_boundary(s, i - 1) || u == LB_UPOS_ADP || u == LB_UPOS_SCONJ;
}

/* which clause token i opens: kind (0 none), its first token and intro word */
static uint8_t opener(const sx *s, uint32_t i, uint32_t *start, int32_t *intro)
{
    const lb_morph *m = &s->M[i];
    uint32_t cls = s->cls[i];
    int after_break = i == s->s0 || sx_is_boundary(s, i - 1);
    uint32_t k = (m->upos == LB_UPOS_ADP || (m->flags & LB_MF_CONTR)) && i + 1 < s->s1 ? i + 1 : i;
    *start = i; *intro = (int32_t)k;
    if (is_rel_pronoun(s, k, i)) {
        /* with the language's verb_final (German) a relative clause ends in
         * its finite verb: a stretch with a zu-infinitive and none is an
         * infinitive clause, whatever the tagger made of its article (droht,
         * die Ukraine anzugreifen) */
        if (s->L->verb_final && after_break && k == i && zu_segment_ahead(s, i)) { *intro = -1; return LB_CL_ZU_INF; }
        return LB_CL_REL;
    }
    *intro = (int32_t)i;
    if (k != i) return 0;
    if ((cls & SX_SUB) && (m->upos == LB_UPOS_SCONJ || (cls & SX_SUB_ANY))) {
        if (cls & SX_OPENS_ZU) return zu_segment_ahead(s, i + 1) ? LB_CL_ZU_INF : 0;
        return (cls & SX_OPENS_Q) ? LB_CL_QUESTION : LB_CL_SUB;
    }
    if (!s->en && (cls & SX_QWORD) && after_break && i > s->s0 && m->upos != LB_UPOS_DET &&
        LB_FEAT_GET(m->feats, PRONTYPE) != LB_PRONTYPE_REL && !sx_is_fin(m))
        return LB_CL_QUESTION;
    if (!s->en && after_break && i > s->s0 && zu_segment_ahead(s, i)) { *intro = -1; return LB_CL_ZU_INF; }
    if (s->en && (cls & SX_ZU) && m->upos == LB_UPOS_PART && i + 1 < s->s1 &&
        sx_is_verb(&s->M[i + 1]) && LB_FEAT_GET(s->M[i + 1].feats, VERBFORM) == LB_VERBFORM_INF)
        return LB_CL_ZU_INF;
    if (s->en && is_participle_clause(s, i)) { *intro = -1; return LB_CL_ZU_INF; }
    return 0;
}

static void set_antecedent(cstate *c, uint32_t start, int32_t intro)
{
    sx *s = c->s;
    uint32_t k = start;
    while (k > s->s0 && s->M[k - 1].upos == LB_UPOS_PUNCT) k--;
    if (k == s->s0 || intro < 0 || s->M[intro].phrase < 0 || s->M[k - 1].phrase < (int32_t)s->ph0) return;
    int32_t a = s->M[k - 1].phrase;
    lb_phrase *P = LB_PHRASES(s->doc);
    if (P[a].tok0 + P[a].ntok != k || a == s->M[intro].phrase) return;
    if (P[a].role == LB_ROLE_CONJ && P[a].parent >= 0) a = P[a].parent;
    P[s->M[intro].phrase].antecedent = a;
}

/* the first token of a clause that starts at finite verb i without a break:
 * English takes the noun group before the verb along (said he left) */
static uint32_t unbroken_start(cstate *c, uint32_t i, uint32_t floor)
{
    sx *s = c->s;
    if (!s->en) return i;
    uint32_t k = i;
    while (k > floor && (s->M[k - 1].upos == LB_UPOS_ADV || s->M[k - 1].upos == LB_UPOS_AUX)) k--;
    /* back over prepositional groups to the noun group they follow:
     * "said [her wedding in the city of Tyre] was set", and over a quoted
     * title to the group it names: "said [the group "Free Voices"] planned" */
    for (int steps = 0; k > floor && steps < 8; steps++) {
        while (k > floor && sx_is_quote(s->doc, k - 1) && !sx_is_boundary(s, k - 1)) k--;
        int32_t pi = k > floor ? s->M[k - 1].phrase : -1;
        if (pi < (int32_t)s->ph0) break;
        const lb_phrase *p = &LB_PHRASES(s->doc)[pi];
        if (p->tok0 + p->ntok != k || p->tok0 < floor) break;
        if (p->kind == LB_PH_NG && p->role != LB_ROLE_CONJ && p->role != LB_ROLE_GEN && p->role != LB_ROLE_APPOS)
            return p->tok0;
        k = p->tok0;
    }
    return i;
}

/* "..., yet Israel, which ..., ranks fifth": a clause that starts right after
 * a relative clause begins at that clause's antecedent (its subject) */
static uint32_t antecedent_start(cstate *c, uint32_t start, uint32_t floor)
{
    sx *s = c->s;
    if (c->closed_rel < 0 || c->last_break != (int32_t)start - 1) return start;
    const lb_clause *r = CL(c, c->closed_rel);
    if (r->intro < 0 || s->M[r->intro].phrase < 0) return start;
    int32_t a = LB_PHRASES(s->doc)[s->M[r->intro].phrase].antecedent;
    if (a < 0) return start;
    const lb_phrase *p = &LB_PHRASES(s->doc)[a];
    if (p->kind != LB_PH_NG || p->tok0 < floor || p->tok0 >= start) return start;
    for (uint32_t k = p->tok0; k < r->tok0; k++)              /* nothing but the group and a comma */
        if (s->M[k].phrase != a && !sx_is_boundary(s, k)) return start;
    return p->tok0;
}

/* the first coordinator (coord) or boundary of clause t in [from, to], else
 * to: "weil es alles gibt und das Personal freundlich und nett ist" starts
 * the second clause at the first "und" */
static uint32_t first_break(cstate *c, int32_t t, uint32_t from, uint32_t to, int coord)
{
    sx *s = c->s;
    for (uint32_t k = from; k < to; k++) {
        if (s->M[k].clause != t) continue;
        if (coord ? sx_is_coord(s, k) : sx_is_boundary(s, k)) return k;
    }
    return to;
}

/* clauses opened before their main clause existed get it as parent */
static void resolve_pending(cstate *c, int32_t n)
{
    lb_clause *C = LB_CLAUSES(c->s->doc);
    if (c->first_pending < 0) return;
    for (int32_t k = c->first_pending; k < n; k++)
        if (C[k].parent == SX_PENDING) C[k].parent = n;
    c->first_pending = -1;
}

/* with the language's verb_bracket (data/syntax: German): verb i, spelt
 * as its lemma (the infinitive, which the plural present shares), after
 * clause t's finite auxiliary or modal with no break between is the
 * infinitive that closes its verb bracket, whatever the tagger said: "wird
 * die Zeitung im März einstellen" */
static int closes_bracket(const cstate *c, const lb_clause *t, uint32_t i)
{
    const sx *s = c->s;
    if (!s->L->verb_bracket || t->fin < 0 || c->last_break > t->fin || !(s->cls[t->fin] & (SX_AUX | SX_PASS | SX_MODAL)))
        return 0;
    /* (one after zu is the verb of a zu-infinitive: "um ... zu verhindern") */
    if (i > s->s0 && sx_zu_marker(s, i - 1)) return 0;
    return sx_spelt_as_lemma(s, i);
}

/* the tokens after the verb of the infinitive clauses inf[0 .. ninf) that a
 * finite verb closed, from start on, belong to its new clause n: "to leave
 * [and she] stayed" (they joined the open infinitive clause) */
static void take_from_infinitives(cstate *c, int32_t n, const int32_t *inf, int ninf, uint32_t start, uint32_t i)
{
    for (int k = 0; k < ninf; k++) {
        int32_t v = CL(c, inf[k])->verb;
        if (v >= 0) take_tokens(c, n, inf[k], start > (uint32_t)v + 1 ? start : (uint32_t)v + 1, i);
    }
}

static int on_finite(cstate *c, uint32_t i)
{
    int32_t inf[SX_MAX_DEPTH];
    int ninf = 0;
    for (; c->sp > 1 && CL(c, top(c))->kind == LB_CL_ZU_INF; c->sp--)
        if (ninf < SX_MAX_DEPTH) inf[ninf++] = top(c);
    int32_t t = top(c);
    if (CL(c, t)->fin < 0) { CL(c, t)->fin = (int32_t)i; return 0; }
    if (CL(c, t)->fin == (int32_t)i - 1) {
        /* two finite-looking verbs in a row: with the language's verb_final
         * (German "scheitern könnten") the finite verb is the last, the first
         * an infinitive */
        if (c->s->L->verb_final) CL(c, t)->fin = (int32_t)i;
        return 0;
    }
    if (closes_bracket(c, CL(c, t), i)) return 0;
    uint8_t kind = LB_CL_MAIN;
    int32_t parent = -1, intro = -1;
    uint32_t start;
    if (c->last_break > CL(c, t)->fin && c->break_coord) {
        /* coordinated: same kind and parent as the clause before */
        kind = CL(c, t)->kind == LB_CL_QUESTION && CL(c, t)->parent < 0 ? LB_CL_MAIN : CL(c, t)->kind;
        parent = CL(c, t)->parent;
        start = first_break(c, t, (uint32_t)CL(c, t)->fin + 1, (uint32_t)c->last_break, 1);
    } else {
        while (c->sp > 1 && CL(c, top(c))->fin >= 0 && CL(c, top(c))->kind != LB_CL_MAIN) c->sp--;
        t = top(c);
        if (CL(c, t)->fin < 0) { CL(c, t)->fin = (int32_t)i; return 0; }
        uint32_t floor = (uint32_t)CL(c, t)->fin + 1;
        /* German: from the first comma after the finite verb ("sagte, die Lage,
         * wie er meinte, sei ernst"); English: from the last one */
        uint32_t lb = (uint32_t)c->last_break;
        start = c->last_break >= (int32_t)floor ? (c->s->en ? lb : first_break(c, t, floor, lb, 0)) + 1
                                                : unbroken_start(c, i, floor);
        start = antecedent_start(c, start, floor);
    }
    c->sp--;
    int32_t n = push_clause(c, kind, start, parent, intro);
    if (n == -1) return -1;
    if (n < 0) { c->sp++; return 0; }
    if (kind == LB_CL_MAIN && parent < 0) resolve_pending(c, n);
    CL(c, n)->fin = (int32_t)i;
    take_tokens(c, n, t, start, i);
    take_from_infinitives(c, n, inf, ninf, start, i);
    if (c->closed_rel >= 0 && CL(c, c->closed_rel)->tok0 >= start && CL(c, c->closed_rel)->parent == t)
        CL(c, c->closed_rel)->parent = n;
    return 0;
}

static int32_t open_main(cstate *c, uint32_t i)
{
    int32_t n = push_clause(c, LB_CL_MAIN, i, -1, -1);
    if (n >= 0) resolve_pending(c, n);
    return n;
}

static void on_boundary(cstate *c, uint32_t i)
{
    c->closed_rel = -1;
    while (c->sp > 0) {
        lb_clause *t = CL(c, top(c));
        if (t->kind == LB_CL_MAIN || (t->fin < 0 && !(t->kind == LB_CL_ZU_INF && t->verb >= 0))) break;
        if (t->kind == LB_CL_REL) c->closed_rel = top(c);
        c->sp--;
    }
    c->last_break = (int32_t)i;
    c->break_coord = 0;
}

/* English: a past participle right after a noun group, in a clause that has
 * no finite verb yet, is a simple past the tagger mistook ("troops fired") */
static int past_as_finite(cstate *c, uint32_t i)
{
    sx *s = c->s;
    const lb_morph *m = &s->M[i];
    if (!s->en || m->upos != LB_UPOS_VERB || LB_FEAT_GET(m->feats, VERBFORM) != LB_VERBFORM_PART ||
        LB_FEAT_GET(m->feats, TENSE) == LB_TENSE_PRES || !c->sp || i == s->s0) return 0;
    const lb_clause *t = CL(c, top(c));
    if (t->fin >= 0 || t->kind != LB_CL_MAIN) return 0;
    int32_t p = s->M[i - 1].phrase;
    if (p < (int32_t)s->ph0) return 0;
    const lb_phrase *ph = &LB_PHRASES(s->doc)[p];
    return ph->kind == LB_PH_NG && ph->tok0 + ph->ntok == i && ph->tok0 == t->tok0;
}

/* A token that cannot open a clause (opener() says 0), is no boundary, no
 * verb, no coordinator and no zu-infinitive (SX_TF_QUIET): it only joins the
 * open clause; brk: SX_TF_BOUNDARY when the language is verb_final and it
 * follows a break (not as the first), where any word may open a
 * zu-infinitive, else 0. */
static inline uint32_t is_quiet(const sx *s, uint32_t i, uint32_t brk)
{
    return (s->tf[i] & SX_TF_QUIET) & ~(brk << 1);
}

/* a run of quiet tokens from i (is_quiet): they join the open clause (a new
 * main clause when none is open). The first token after the run, 0 when out
 * of memory. (A quiet token is no boundary, so the next quiet one is quiet
 * in German too.) */
static uint32_t quiet_run(cstate *c, uint32_t i)
{
    sx *s = c->s;
    if (!c->sp && open_main(c, i) == -1) return 0;
    int32_t t = top(c);
    lb_morph *M = s->M;
    const uint8_t *tf = s->tf;
    uint32_t end = s->s1;
    M[i++].clause = t;
    while (i < end && (tf[i] & SX_TF_QUIET)) M[i++].clause = t;
    return i;
}

/* which clause token i opens (opener()), where SX_TF_OPENS or a German
 * break before it says it may: 0 none */
static inline uint8_t opens(const sx *s, uint32_t i, uint8_t tf, uint32_t brk, uint32_t *start, int32_t *intro)
{
    if (!((tf & SX_TF_OPENS) | brk)) return 0;
    return opener(s, i, start, intro);
}

static int scan_token(cstate *c, uint32_t i, uint32_t brk)
{
    sx *s = c->s;
    lb_morph *m = &s->M[i];
    uint8_t tf = s->tf[i];
    if (tf & SX_TF_BOUNDARY) {
        on_boundary(c, i);
        m->clause = top(c);
        return 0;
    }
    uint32_t start;
    int32_t intro;
    uint8_t kind = opens(s, i, tf, brk, &start, &intro);
    if ((int32_t)i == c->opened_intro) kind = 0;       /* "mit dem": opened at "mit" */
    if (kind) {
        if (intro > (int32_t)i) c->opened_intro = intro;
        int32_t n = push_clause(c, kind, start, c->sp ? top(c) : SX_PENDING, intro);
        if (n == -1) return -1;
        if (n >= 0 && kind == LB_CL_REL) set_antecedent(c, start, intro);
    } else if (!c->sp) {
        if (open_main(c, i) == -1) return -1;
    }
    m->clause = top(c);
    if (tf & SX_TF_COORD) { c->last_break = (int32_t)i; c->break_coord = 1; }
    if (((tf & SX_TF_FIN) || past_as_finite(c, i)) && c->sp) {
        if (on_finite(c, i)) return -1;
        m->clause = top(c);
    }
    /* (is_zu_inf needs a verb or the flag: tested first, before the clause) */
    if (((tf & SX_TF_VERB) || (m->flags & LB_MF_ZU_INF)) && c->sp && CL(c, top(c))->kind == LB_CL_ZU_INF &&
        (is_zu_inf(s, i) || (s->en && sx_is_verb(m))))
        CL(c, top(c))->verb = (int32_t)i;
    return 0;
}

/* parents still pending, the last main clause of a question sentence; the
 * extents cleared (tok0 UINT32_MAX: verbs.c sets them from the tokens). The
 * verbs the scan noted for infinitive clauses stay: verbs.c sets every
 * clause's verb, reading none. */
static void finish(cstate *c)
{
    sx *s = c->s;
    lb_clause *C = LB_CLAUSES(s->doc);
    uint32_t n = (uint32_t)s->doc->clauses.len;
    for (uint32_t k = s->cl0; k < n; k++) {
        if (C[k].parent == SX_PENDING) C[k].parent = -1;
        C[k].tok0 = UINT32_MAX; C[k].ntok = 0;       /* no extent yet: verbs.c's */
    }
    uint32_t e = s->s1 - 1;                  /* the end mark before closing quotes */
    while (e > s->s0 && (LB_TOKS(s->doc)[e].flags & (LB_TOK_QUOTE | LB_TOK_BRACKET_CLOSE))) e--;
    const lb_tok *last = &LB_TOKS(s->doc)[e];
    int32_t lc = s->M[e].clause;
    if (lc >= 0 && last->end > last->start && s->doc->text[last->start] == '?' && C[lc].kind == LB_CL_MAIN)
        C[lc].kind = LB_CL_QUESTION;
}

int sx_clauses(sx *state)
{
    /* the scan works on a copy of the state whose address never escapes:
     * its fields stay in registers across the stores to the tokens and
     * clauses, which could alias the caller's */
    sx copy = *state, *s = &copy;
    cstate c;               /* the stack is read only below sp: not cleared */
    c.s = s;
    c.C = LB_CLAUSES(s->doc);
    c.sp = 0;
    c.st[0] = -1;
    c.last_break = -1;
    c.opened_intro = -1;
    c.closed_rel = -1;
    c.first_pending = -1;
    c.break_coord = 0;
    /* brk (is_quiet) from the token before, kept here: none before the
     * first, none after a quiet run (a quiet token is no boundary); only
     * with the language's verb_final, where a clause closes with its verb
     * and so may open with any word (die Ukraine anzugreifen) */
    uint32_t german = s->L->verb_final ? SX_TF_BOUNDARY : 0u, brk = 0;
    for (uint32_t i = s->s0; i < s->s1;) {
        if (is_quiet(s, i, brk)) {
            if (!(i = quiet_run(&c, i))) return lb_doc_fail(s->doc, LB_ENOMEM, "out of memory");
            brk = 0;
        } else {
            if (scan_token(&c, i, brk)) return lb_doc_fail(s->doc, LB_ENOMEM, "out of memory");
            brk = s->tf[i++] & german;
        }
    }
    finish(&c);
    return LB_OK;
}
