/* verbs.c: the verb complex of each clause of a sentence: the lexical verb
 * among finite verb, auxiliaries, modals, participles and infinitives; voice
 * (werden/be + past participle), mood (the finite verb's Mood), negation, the
 * modal, and a German separable particle at the clause end, whose lemma is
 * joined to the finite verb's ("schlug ... vor" -> "vorschlagen"). */
#include "internal.h"
#include <string.h>

typedef struct vc {
    int32_t lex, aux_nonfin, pass, modal;
    int32_t last_word;      /* last word of the clause after the finite verb, before a boundary */
    int neg;
} vc;

/* English: the verb chain from the finite verb (or "to") over auxiliaries and
 * adverbs: "has not been built" -> built; a lexical finite verb is its own */
static int32_t english_chain(const sx *s, int32_t c, const lb_clause *C)
{
    int32_t k = C->fin >= 0 ? C->fin : C->intro, lex = C->fin;
    if (k < 0) {
        for (uint32_t q = C->tok0; q < C->tok0 + C->ntok; q++)
            if (s->M[q].clause == c && sx_is_verb(&s->M[q])) return (int32_t)q;
        return -1;
    }
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

/* (in locals: a store through v may alias C's fields, which the loop would reload) */
static void collect(const sx *s, int32_t c, const lb_clause *C, vc *v)
{
    int32_t lex = -1, aux_nonfin = -1, pass = -1, modal = -1, last_word = -1, fin = C->fin;
    int neg = 0, open = fin >= 0;
    const lb_morph *M = s->M;
    const uint32_t *CLS = s->cls;
    const uint8_t *TF = s->tf;
    for (uint32_t k = C->tok0, end = C->tok0 + C->ntok; k < end; k++) {
        const lb_morph *m = &M[k];
        uint8_t tf = TF[k];
        if ((int32_t)k > fin && (tf & SX_TF_BOUNDARY)) open = 0;
        if (m->clause != c) continue;
        if (open && (int32_t)k > fin && m->upos != LB_UPOS_PUNCT) last_word = (int32_t)k;
        neg |= tf & SX_TF_NEG;
        if (!(tf & SX_TF_VERB)) continue;
        uint32_t cls = CLS[k];
        if (cls & SX_MODAL) modal = (int32_t)k;
        if (cls & SX_PASS) pass = (int32_t)k;
        if ((int32_t)k == fin) continue;
        if (!(cls & (SX_AUX | SX_PASS | SX_MODAL))) { if (lex < 0) lex = (int32_t)k; }
        else aux_nonfin = (int32_t)k;
    }
    if (lex < 0) lex = aux_nonfin >= 0 ? aux_nonfin : fin;
    *v = (vc){ .lex = s->en ? english_chain(s, c, C) : lex, .aux_nonfin = aux_nonfin, .pass = pass,
               .modal = modal, .last_word = last_word, .neg = neg != 0 };
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

int sx_verbs(sx *s)
{
    lb_clause *CLs = LB_CLAUSES(s->doc);
    for (uint32_t c = s->cl0, ncl = (uint32_t)s->doc->clauses.len; c < ncl; c++) {   /* (join_particle adds no clause) */
        lb_clause *C = &CLs[c];
        vc v;
        collect(s, (int32_t)c, C, &v);
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
    }
    return LB_OK;
}
