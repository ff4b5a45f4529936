/* roles.c: subject, objects, predicative, passive agent and prepositional
 * groups of each clause. German decides by case and by agreement with the
 * finite verb in person and number, in any position (object-first sentences);
 * English by position: the subject before the finite verb, the objects after
 * the lexical verb, the agent in a by-group. Relative pronouns are ordinary
 * candidates of their clause. Reads chunk.c's groups and clauses.c/verbs.c. */
#include "internal.h"

#define SX_MAX_CANDS 32
_Static_assert(SX_MAX_CANDS <= 32, "roles_de marks used candidates in the bits of a uint32_t");
enum { NOM = 1, ACC = 2, DAT = 4, GEN = 8 };

/* a clause's candidate groups: noun groups with their possible cases
 * (cases_of, computed once), prepositional groups */
typedef struct cands {
    int32_t ng[SX_MAX_CANDS], pg[SX_MAX_CANDS];
    uint8_t cases[SX_MAX_CANDS];
    int nng, npg;
    uint32_t first, last;       /* the clause's first and last group (first: none when ph1) */
} cands;

static uint32_t cases_of(const lb_phrase *p)
{
    uint32_t c = sx_mask_cases(p->agree);
    return c ? c : 15;
}

/* how well p (cases c) fits as subject of a finite verb of number fn and
 * person fp: -1 not at all; else number agreement, person agreement,
 * nominative only, not an expletive (in that order) */
static int subject_score(const sx *s, const lb_phrase *p, uint32_t c, uint32_t fn, uint32_t fp)
{
    if (!(c & NOM)) return -1;
    uint32_t nums = p->coord ? 2 : sx_mask_numbers(p->agree), pp = LB_FEAT_GET(p->feats, PERSON);
    int num_ok = !fn || !nums || (nums & (1u << (fn - 1)));
    int pers_ok = !fp || !pp || pp == fp || p->coord;
    int nom_only = c == NOM;
    if (!num_ok && !nom_only) return -1;
    int expl = p->ntok == 1 && (s->cls[p->head] & SX_EXPL);
    return num_ok * 8 + pers_ok * 4 + nom_only * 2 + !expl;
}

/* the candidate allowing `want` with the best fit: only that case first, then any */
static inline int pick_by_case(const cands *cd, uint32_t want, uint32_t used)
{
    int best = -1, best_only = 0;
    for (int i = 0; i < cd->nng; i++) {
        if (used >> i & 1u) continue;
        uint32_t c = cd->cases[i];
        if (!(c & want)) continue;
        /* an only-this-case group wins; among equals the later one (objects
         * follow time adverbials in the middle field: "Letzte Woche hatte ich
         * Hemden gekauft") */
        int only = c == want;
        if (best < 0 || only || !best_only) { best = i; best_only = only; }
    }
    return best;
}

static void roles_de(sx *s, lb_clause *C, const cands *cd)
{
    lb_phrase *P = LB_PHRASES(s->doc);
    uint32_t used = 0;                       /* bit i: candidate i has a role (SX_MAX_CANDS bits) */
    int best = -1, best_score = -1;
    uint32_t fn = C->fin >= 0 ? LB_FEAT_GET(s->M[C->fin].feats, NUMBER) : 0;
    uint32_t fp = C->fin >= 0 ? LB_FEAT_GET(s->M[C->fin].feats, PERSON) : 0;
    for (int i = 0; C->fin >= 0 && i < cd->nng; i++) {
        int sc = subject_score(s, &P[cd->ng[i]], cd->cases[i], fn, fp);
        if (sc > best_score) { best = i; best_score = sc; }
    }
    if (best >= 0) { used |= 1u << best; C->subj = cd->ng[best]; }
    if (C->verb < 0) return;                 /* a fragment without a verb has no objects */
    int copula = C->verb >= 0 && (s->cls[C->verb] & SX_COPULA) && !C->voice;
    if (copula) {
        int pr = pick_by_case(cd, NOM, used);
        if (pr >= 0) { used |= 1u << pr; C->pred = cd->ng[pr]; }
        return;
    }
    int o = pick_by_case(cd, ACC, used);
    if (o >= 0 && !(C->voice && cd->cases[o] != ACC)) { used |= 1u << o; C->obj = cd->ng[o]; }
    int d = pick_by_case(cd, DAT, used);
    if (d >= 0) { used |= 1u << d; C->iobj = cd->ng[d]; }
}

static int only_adverbs_between(const sx *s, uint32_t a, uint32_t b)
{
    for (uint32_t k = a; k < b; k++)
        if (s->M[k].upos != LB_UPOS_ADV && s->M[k].upos != LB_UPOS_PART) return 0;
    return 1;
}

static void roles_en(sx *s, lb_clause *C, const cands *cd)
{
    lb_phrase *P = LB_PHRASES(s->doc);
    int subj = -1, after = -1;
    for (int i = 0; C->fin >= 0 && i < cd->nng; i++) {
        const lb_phrase *p = &P[cd->ng[i]];
        if (p->head < (uint32_t)C->fin) {
            if (cases_of(p) != ACC) subj = i;
        } else if (after < 0) after = i;
    }
    if (subj < 0 && C->kind == LB_CL_QUESTION && after >= 0) subj = after;
    /* inversion: the group between the auxiliary and the lexical verb */
    if (subj < 0 && after >= 0 && C->verb > C->fin && P[cd->ng[after]].head < (uint32_t)C->verb) subj = after;
    /* there is a man: the group after the verb */
    if (subj >= 0 && after >= 0 && P[cd->ng[subj]].ntok == 1 && (s->cls[P[cd->ng[subj]].head] & SX_EXPL)) subj = after;
    if (subj >= 0) C->subj = cd->ng[subj];
    if (C->verb < 0) return;
    int first = -1;
    for (int i = 0; i < cd->nng; i++)
        if (i != subj && P[cd->ng[i]].tok0 > (uint32_t)C->verb) { first = i; break; }
    if (first >= 0 && !only_adverbs_between(s, (uint32_t)C->verb + 1, P[cd->ng[first]].tok0)) first = -1;
    int copula = (s->cls[C->verb] & SX_COPULA) && !C->voice;
    if (first >= 0 && copula) { C->pred = cd->ng[first]; return; }
    if (first >= 0 && !C->voice) {
        const lb_phrase *a = &P[cd->ng[first]];
        if (first + 1 < cd->nng && P[cd->ng[first + 1]].tok0 == a->tok0 + a->ntok) {
            C->iobj = cd->ng[first];
            C->obj = cd->ng[first + 1];
        } else C->obj = cd->ng[first];
    }
    /* a relative pronoun that is not the subject is the object: "the man whom we met" */
    if (C->kind == LB_CL_REL && C->obj < 0 && C->intro >= 0 && s->M[C->intro].phrase >= 0) {
        int32_t r = s->M[C->intro].phrase;
        if (r != C->subj && P[r].kind == LB_PH_NG && !C->voice) C->obj = r;
    }
}

/* prepositional groups: the agent of a passive, else plain PP */
static void prep_roles(sx *s, lb_clause *C, const cands *cd)
{
    lb_phrase *P = LB_PHRASES(s->doc);
    for (int k = 0; k < cd->npg; k++) {
        lb_phrase *p = &P[cd->pg[k]];
        uint32_t cls = s->cls[p->prep], want = SX_CASES(cls);
        if (C->voice && C->agent < 0 && (cls & SX_AGENT) && (!want || (cases_of(p) & want)) &&
            !(s->M[p->prep].flags & LB_MF_CONTR)) {
            p->role = LB_ROLE_AGENT;
            C->agent = cd->pg[k];
        }
    }
}

/* a conjunct in another clause than the first one is no conjunct: "Wir hatten
 * Zeit und die Städte sind schön" (the chain is cut there) */
static void split_conjuncts(lb_phrase *P, uint32_t i)
{
    if (P[i].role != LB_ROLE_CONJ || P[i].parent < 0 || P[P[i].parent].clause == P[i].clause) return;
    int32_t first = P[i].parent, k = first;
    while (P[k].conj >= 0 && P[k].conj != (int32_t)i) k = P[k].conj;
    P[k].conj = -1;
    P[first].coord = P[first].conj >= 0;
    P[i].role = LB_ROLE_NONE; P[i].parent = -1;
    for (int32_t q = P[i].conj; q >= 0; q = P[q].conj) P[q].parent = (int32_t)i;
    P[i].coord = P[i].conj >= 0;
}

/* the candidates of up to SX_CLAUSE_WINDOW clauses from base on, filled
 * by one pass over the sentence's groups (a sentence rarely has more: one
 * window, filled in sx_roles's first pass) */
#define SX_CLAUSE_WINDOW 32
static void bucket_init(uint32_t n, uint32_t ph1, cands *cd)
{
    for (uint32_t k = 0; k < n; k++) { cd[k].nng = cd[k].npg = 0; cd[k].first = ph1; }
}

static inline void bucket_one(lb_phrase *P, uint32_t i, uint32_t base, uint32_t n, uint32_t ph1, cands *cd)
{
    uint32_t c = (uint32_t)P[i].clause - base;     /* none (-1) or outside the window: >= n */
    if (c >= n) return;
    cands *d = &cd[c];
    if (d->first == ph1) d->first = i;
    d->last = i;
    if (P[i].role != LB_ROLE_NONE || P[i].parent >= 0) return;
    if (P[i].kind == LB_PH_NG && d->nng < SX_MAX_CANDS) {
        d->cases[d->nng] = (uint8_t)cases_of(&P[i]);
        d->ng[d->nng++] = (int32_t)i;
    }
    if (P[i].kind == LB_PH_PG) {
        P[i].role = LB_ROLE_PP;
        if (d->npg < SX_MAX_CANDS) d->pg[d->npg++] = (int32_t)i;
    }
}

/* the range of groups of clause C from its bucket (none: an empty range at ph0) */
static inline void bucket_range(lb_clause *C, const cands *d, uint32_t ph0, uint32_t ph1)
{
    C->phrase0 = d->first == ph1 ? ph0 : d->first;
    C->nphrase = d->first == ph1 ? 0 : d->last + 1 - d->first;
}

void sx_roles(sx *s)
{
    lb_phrase *P = LB_PHRASES(s->doc);
    lb_clause *CLs = LB_CLAUSES(s->doc);
    uint32_t ph1 = (uint32_t)s->doc->phrases.len, ncl = (uint32_t)s->doc->clauses.len;
    uint32_t one = ncl - s->cl0 <= SX_CLAUSE_WINDOW ? ncl - s->cl0 : 0;   /* clauses of a single window */
    cands cd[SX_CLAUSE_WINDOW];
    bucket_init(one, ph1, cd);
    /* a group's role and parent are final once split_conjuncts has seen it
     * (a conjunct's first is an earlier group) */
    for (uint32_t i = s->ph0; i < ph1; i++) {
        P[i].clause = s->M[P[i].head].clause;
        split_conjuncts(P, i);
        if (one) bucket_one(P, i, s->cl0, one, ph1, cd);
    }
    for (uint32_t base = s->cl0; base < ncl; base += SX_CLAUSE_WINDOW) {
        uint32_t n = ncl - base < SX_CLAUSE_WINDOW ? ncl - base : SX_CLAUSE_WINDOW;
        if (!one) {
            bucket_init(n, ph1, cd);
            for (uint32_t i = s->ph0; i < ph1; i++) bucket_one(P, i, base, n, ph1, cd);
        }
        for (uint32_t k = 0; k < n; k++) {
            lb_clause *C = &CLs[base + k];
            bucket_range(C, &cd[k], s->ph0, ph1);
            if (s->en) roles_en(s, C, &cd[k]); else roles_de(s, C, &cd[k]);
            if (C->subj >= 0) P[C->subj].role = LB_ROLE_SUBJ;
            if (C->obj >= 0) P[C->obj].role = LB_ROLE_OBJ;
            if (C->iobj >= 0) P[C->iobj].role = LB_ROLE_IOBJ;
            if (C->pred >= 0) P[C->pred].role = LB_ROLE_PRED;
            prep_roles(s, C, &cd[k]);
        }
    }
}
