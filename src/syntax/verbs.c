/* verbs.c: the verb complex of each clause of a sentence: the lexical verb
 * among finite verb, auxiliaries, modals, participles and infinitives; voice
 * (werden/be + past participle), mood (the finite verb's Mood), negation, the
 * modal, and a German separable particle at the clause end, whose lemma is
 * joined to the finite verb's ("schlug ... vor" -> "vorschlagen"). One pass
 * over the sentence's tokens gathers the words of all its clauses and sets
 * their extents (tok0, ntok). */
#include "internal.h"
#include <string.h>

typedef struct vc {
    int32_t lex, aux_nonfin, pass, modal;
    int32_t last_word;      /* last word of the clause after the finite verb, before a boundary */
    int neg;
} vc;

/* English: the verb chain from the finite verb (or "to") over auxiliaries and
 * adverbs: "has not been built" -> built; a lexical finite verb is its own.
 * first_verb: the clause's first verb (the chain of a clause with neither) */
static int32_t english_chain(const sx *s, const lb_clause *C, int32_t first_verb)
{
    int32_t k = C->fin >= 0 ? C->fin : C->intro, lex = C->fin;
    if (k < 0) return first_verb;
    if (C->fin >= 0 && !(s->cls[k] & (SX_AUX | SX_PASS | SX_MODAL))) return k;
    int skipped_subject = 0;
    for (uint32_t q = (uint32_t)k + 1; q < s->s1; q++) {
        const lb_morph *m = &s->M[q];
        if (m->upos == LB_UPOS_ADV || m->upos == LB_UPOS_PART) continue;
        /* inversion: "Can you name ...", "Did the army attack ..." */
        if (!skipped_subject && lex == C->fin && m->phrase >= 0 && LB_PHRASES(s->doc)[m->phrase].tok0 == q &&
            LB_PHRASES(s->doc)[m->phrase].kind == LB_PH_NG) {
            const lb_phrase *p = &LB_PHRASES(s->doc)[m->phrase];
            uint32_t e = p->tok0 + p->ntok;
            while (e < s->s1 && (s->M[e].upos == LB_UPOS_ADV || s->M[e].upos == LB_UPOS_PART)) e++;
            if (e < s->s1 && sx_is_verb(&s->M[e]) && !sx_is_fin(&s->M[e]) &&
                LB_FEAT_GET(s->M[e].feats, VERBFORM) == LB_VERBFORM_INF) {
                skipped_subject = 1;
                q = e - 1;
                continue;
            }
        }
        if (!sx_is_verb(m) || sx_is_fin(m)) break;
        lex = (int32_t)q;
        if (!(s->cls[q] & (SX_AUX | SX_PASS | SX_MODAL))) break;
    }
    return lex;
}

/* what one pass over a sentence's tokens gathers per clause (collect) */
typedef struct vacc {
    int32_t fin;            /* the clause's finite verb (a copy: the pass reads it per token) */
    int32_t lex;            /* first verb other than fin, not an auxiliary, passive or modal */
    int32_t aux_nonfin;     /* last auxiliary, passive or modal verb other than fin */
    int32_t pass, modal;    /* last verb of those classes */
    int32_t first_verb;
    int32_t last_word;      /* last word after fin before a boundary */
    uint8_t neg;
} vacc;

/* verb token i of the clause a gathers for (its finite verb too: that may be
 * the modal, the passive auxiliary, the first verb, but no other verb) */
static inline void add_verb(vacc *a, int32_t i, uint32_t cls)
{
    if (a->first_verb < 0) a->first_verb = i;
    if (cls & SX_MODAL) a->modal = i;
    if (cls & SX_PASS) a->pass = i;
    if (i == a->fin) return;
    if (!(cls & (SX_AUX | SX_PASS | SX_MODAL))) { if (a->lex < 0) a->lex = i; }
    else a->aux_nonfin = i;
}

/* the clause extent (tok0, ntok) with the run [i, j) of its tokens */
static inline void extend(lb_clause *C, uint32_t i, uint32_t j)
{
    if (C->tok0 == UINT32_MAX) C->tok0 = i;
    C->ntok = j - C->tok0;
}

/* the clauses of the window [base, base + n) of the sentence: their verb
 * words, and with extents set their extents, in one pass over its tokens, a
 * run of tokens of one clause at a time (a boundary of any clause ends the
 * words after a clause's finite verb) */
static void collect(const sx *s, uint32_t base, uint32_t n, vacc *acc, int extents)
{
    lb_clause *C = LB_CLAUSES(s->doc);
    for (uint32_t k = 0; k < n; k++)
        acc[k] = (vacc){ .fin = C[base + k].fin, .lex = -1, .aux_nonfin = -1, .pass = -1, .modal = -1,
                         .first_verb = -1, .last_word = -1 };
    const lb_morph *M = s->M;
    const uint32_t *CLS = s->cls;
    const uint8_t *TF = s->tf;
    vacc other = { .fin = -1 };                /* the clauses outside the window */
    int32_t last_boundary = -1;
    for (uint32_t i = s->s0, j; i < s->s1; i = j) {
        int32_t c = M[i].clause;
        uint32_t k = (uint32_t)c - base;        /* none (-1) or outside the window: >= n */
        vacc *a = k < n ? &acc[k] : &other;
        int32_t open_from = last_boundary, open_to = -1;    /* the first boundary after fin in the run */
        uint32_t neg = 0;
        for (j = i; j < s->s1 && M[j].clause == c; j++) {
            /* boundaries and negations without branches (selects): only a verb branches */
            uint32_t tf = TF[j], b = tf & SX_TF_BOUNDARY;
            int32_t jj = (int32_t)j;
            open_to = b && jj > a->fin && open_to < 0 ? jj : open_to;
            last_boundary = b ? jj : last_boundary;
            neg |= tf;
            if (tf & SX_TF_VERB) add_verb(a, jj, CLS[j]);
        }
        a->neg |= (uint8_t)(neg & SX_TF_NEG);
        if (extents && c >= 0) extend(&C[c], i, j);
        if (a->fin < 0 || open_from > a->fin) continue;
        /* the last word after fin before the run's first boundary after it */
        int32_t q = (open_to >= 0 ? open_to : (int32_t)j) - 1, lo = a->fin >= (int32_t)i ? a->fin : (int32_t)i - 1;
        while (q > lo && M[q].upos == LB_UPOS_PUNCT) q--;
        if (q > lo) a->last_word = q;
    }
}

/* the verb complex of clause C from what collect gathered */
static void complex_of(const sx *s, const lb_clause *C, const vacc *a, vc *v)
{
    int32_t lex = a->lex >= 0 ? a->lex : a->aux_nonfin >= 0 ? a->aux_nonfin : a->fin;
    *v = (vc){ .lex = s->en ? english_chain(s, C, a->first_verb) : lex, .aux_nonfin = a->aux_nonfin,
               .pass = a->pass, .modal = a->modal, .last_word = a->last_word, .neg = a->neg != 0 };
}

static int is_passive(const sx *s, const vc *v)
{
    if (v->pass < 0 || v->lex < 0 || v->pass == v->lex) return 0;
    const lb_morph *m = &s->M[v->lex];
    if (LB_FEAT_GET(m->feats, VERBFORM) != LB_VERBFORM_PART) return 0;
    if (!s->en) return 1;
    return v->pass < v->lex && LB_FEAT_GET(m->feats, TENSE) != LB_TENSE_PRES;
}

/* "schlug ... vor": the clause's last word is a particle after a lone finite verb */
static int32_t find_particle(const sx *s, const lb_clause *C, const vc *v)
{
    if (s->en || C->fin < 0 || v->lex != C->fin || v->last_word <= C->fin) return -1;
    if (s->cls[C->fin] & (SX_AUX | SX_PASS | SX_MODAL | SX_COPULA)) return -1;
    const lb_morph *p = &s->M[v->last_word];
    uint32_t cls = p->upos == LB_UPOS_ADJ ? sx_word_class(s, (uint32_t)v->last_word) : s->cls[v->last_word];
    if (!(cls & SX_PARTICLE)) return -1;
    switch (p->upos) {
    case LB_UPOS_VERB: case LB_UPOS_AUX: case LB_UPOS_NOUN: case LB_UPOS_PROPN: case LB_UPOS_PRON:
    case LB_UPOS_DET: case LB_UPOS_PUNCT: case LB_UPOS_NUM: return -1;
    default: break;
    }
    if (p->phrase >= 0 && LB_PHRASES(s->doc)[p->phrase].prep == v->last_word) return -1;
    /* zu before a verb is its infinitive marker: "versucht, ihn zu ärgern" */
    if ((cls & SX_ZU) && (uint32_t)v->last_word + 1 < s->s1 && sx_is_verb(&s->M[v->last_word + 1])) return -1;
    /* a particle is uninflected: "stellte klar", not "fordern eine klare" */
    if (p->lemma && !sx_spelt_as_lemma(s, (uint32_t)v->last_word)) return -1;
    return v->last_word;
}

static int join_particle(sx *s, lb_clause *C, int32_t part)
{
    lb_morph *f = &s->M[C->fin], *p = &s->M[part];
    f->flags |= LB_MF_SEP_VERB; p->flags |= LB_MF_SEP_PART;
    f->link = part; p->link = C->fin;
    C->particle = part;
    /* the tagger may have joined it already (lemma "vorschlagen" for "schlug") */
    if (f->lemma_len > p->lemma_len && !memcmp(f->lemma, p->lemma, p->lemma_len)) return 0;
    size_t n = (size_t)p->lemma_len + f->lemma_len;
    char *l = lb_arena_alloc(&s->doc->arena, n + 1);
    if (!l) return -1;
    memcpy(l, p->lemma, p->lemma_len);
    memcpy(l + p->lemma_len, f->lemma, f->lemma_len);
    /* the particle is written lower case even at a sentence start */
    if (p->lemma_len && l[0] >= 'A' && l[0] <= 'Z') l[0] = (char)(l[0] - 'A' + 'a');
    l[n] = '\0';
    f->lemma = l; f->lemma_len = (uint32_t)n;
    return 0;
}

/* the verb complex of one clause: verb, negation, modal, voice, mood, particle */
static int complete(sx *s, lb_clause *C, const vacc *a)
{
    vc v;
    complex_of(s, C, a, &v);
    C->verb = v.lex;
    C->negated = (uint8_t)v.neg;
    C->modal = v.modal != v.lex ? v.modal : -1;
    C->voice = is_passive(s, &v) ? LB_VOICE_PASS : LB_VOICE_ACT;
    C->mood = C->fin >= 0 ? (uint8_t)LB_FEAT_GET(s->M[C->fin].feats, MOOD) : 0;
    int32_t part = find_particle(s, C, &v);
    if (part >= 0 && s->M[part].lemma && s->M[C->fin].lemma && join_particle(s, C, part))
        return lb_doc_fail(s->doc, LB_ENOMEM, "out of memory");
    if (C->verb >= 0) {
        C->verb_lemma = s->M[C->verb].lemma;
        C->verb_lemma_len = s->M[C->verb].lemma_len;
    }
    return LB_OK;
}

/* clauses per pass over the tokens (a sentence rarely has more) */
#define SX_VERB_WINDOW 32

int sx_verbs(sx *s)
{
    lb_clause *CLs = LB_CLAUSES(s->doc);
    uint32_t ncl = (uint32_t)s->doc->clauses.len;       /* (extents cleared by clauses.c's finish) */
    vacc acc[SX_VERB_WINDOW];
    for (uint32_t base = s->cl0; base < ncl; base += SX_VERB_WINDOW) {
        uint32_t n = ncl - base < SX_VERB_WINDOW ? ncl - base : SX_VERB_WINDOW;
        /* (collect reads no lemma, flag or link: complete's particles do not change it) */
        collect(s, base, n, acc, base == s->cl0);
        for (uint32_t k = 0; k < n; k++) {
            /* a clause with no token starts at the sentence (complete reads
             * no extent: the first window's collect set all there are) */
            if (CLs[base + k].tok0 == UINT32_MAX) CLs[base + k].tok0 = s->s0;
            int rc = complete(s, &CLs[base + k], &acc[k]);
            if (rc) return rc;
        }
    }
    return LB_OK;
}
