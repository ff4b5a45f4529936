/* chunk.c: noun groups (determiners, adjectives, nouns or names, a pronoun)
 * with their agreement mask, prepositional groups with the cases their
 * preposition governs, and the links between groups: genitive attributes,
 * of-attachments, coordinations and appositions. One left-to-right pass over
 * a sentence; no roles (roles.c) and no clause decisions (clauses.c). A
 * quotation mark inside a clause does not end a group (in "Rage"), and a
 * capitalised quoted group after a noun is its title (die Zeitung "Die Welt"). */
#include "internal.h"
#include <string.h>

typedef struct ng { uint32_t end, head, mask; } ng;

static int is_poss_marker(const sx *s, uint32_t k) { return (s->cls[k] & SX_POSS) && s->M[k].upos == LB_UPOS_PART; }

/* a possessive pronoun before a noun or adjective works as a determiner (his job) */
static int is_poss_det(const sx *s, uint32_t k)
{
    if (s->M[k].upos != LB_UPOS_PRON || !LB_FEAT_GET(s->M[k].feats, POSS) || k + 1 >= s->s1) return 0;
    uint8_t u = s->M[k + 1].upos;
    return u == LB_UPOS_NOUN || u == LB_UPOS_PROPN || u == LB_UPOS_ADJ || u == LB_UPOS_NUM;
}

/* a participle between a determiner or adjective and a noun modifies it */
static int is_attributive_participle(const sx *s, uint32_t k)
{
    uint32_t vf = LB_FEAT_GET(s->M[k].feats, VERBFORM);
    uint8_t prev = s->M[k - 1].upos, next = s->M[k + 1].upos;
    return (vf == LB_VERBFORM_PART || vf == LB_VERBFORM_GER) &&
           (prev == LB_UPOS_DET || prev == LB_UPOS_ADJ || is_poss_det(s, k - 1)) &&
           (next == LB_UPOS_NOUN || next == LB_UPOS_ADJ || next == LB_UPOS_PROPN);
}

/* a quotation mark inside a clause (no boundary: sx_quote_marks) with a
 * word after it: a group goes on over it (in "Rage", ein "neuer" Plan) */
static inline int quote_inside(const sx *s, uint32_t k)
{
    return s->M[k].upos == LB_UPOS_PUNCT && k + 1 < s->s1 && !sx_is_boundary(s, k) && sx_is_quote(s->doc, k);
}

/* determiners, adjectives, numbers and adverbs before the nouns; a
 * determiner after an adjective, or one that cannot agree, starts a new group */
static inline __attribute__((always_inline)) uint32_t premodifiers(const sx *s, uint32_t k, uint32_t *mask)
{
    /* the parts of speech the tests below can take: any other (most often
     * the noun that ends the premodifiers) stops at once */
    enum { PREMOD = 1u << LB_UPOS_DET | 1u << LB_UPOS_PRON | 1u << LB_UPOS_ADJ | 1u << LB_UPOS_NUM |
                    1u << LB_UPOS_VERB | 1u << LB_UPOS_ADV | 1u << LB_UPOS_CCONJ };
    uint32_t start = k;
    int adj = 0;
    while (k < s->s1) {
        const lb_morph *m = &s->M[k];
        if (!(PREMOD >> m->upos & 1)) {
            if (k > start && quote_inside(s, k)) { k++; continue; }     /* das "typische" Wetter */
            break;
        }
        int det = m->upos == LB_UPOS_DET || is_poss_det(s, k);
        if (det || m->upos == LB_UPOS_ADJ || m->upos == LB_UPOS_NUM) {
            uint32_t a = sx_agree_mask(m->feats);
            if (det && k > start && (adj || !(*mask & a))) break;
            if (*mask & a) *mask &= a;
            adj |= !det;
            k++;
        } else if (m->upos == LB_UPOS_VERB && k > start && k + 1 < s->s1 && is_attributive_participle(s, k)) {
            adj = 1;
            k++;                                 /* "the opening ceremony", "die gestern verhafteten" */
        } else if ((m->upos == LB_UPOS_ADV || (m->upos == LB_UPOS_CCONJ && adj)) && k > start && k + 1 < s->s1 &&
                   (s->M[k + 1].upos == LB_UPOS_ADJ || s->M[k + 1].upos == LB_UPOS_NUM)) {
            k++;                                 /* "sehr gute", "kompetenten und geduldigen" */
        } else break;
    }
    return k;
}

/* the end of the run of nominals from k (k when none): German joins only
 * names after the first (Präsident Obama, Angela Merkel; a second common
 * noun starts a new group: dem Land Geld geben); with the language's
 * noun_noun join (data/syntax: English) any noun. (One bit
 * test per word: it runs for every group.) */
static inline uint32_t nominal_run(const sx *s, uint32_t k)
{
    enum { NOMINAL = 1u << LB_UPOS_NOUN | 1u << LB_UPOS_PROPN };
    const lb_morph *M = s->M;
    if (k >= s->s1 || !(NOMINAL >> M[k].upos & 1)) return k;
    uint32_t joins = s->L->noun_noun_join ? NOMINAL : 1u << LB_UPOS_PROPN;
    for (k++; k < s->s1 && (joins >> M[k].upos & 1); k++) {}
    return k;
}

/* sx_class_of on a copy of the state (see sx_chunk) */
static uint32_t word_class(sx s, uint32_t tok) { return sx_class_of(&s, tok); }

static inline __attribute__((always_inline)) uint32_t run_head(const sx *s, uint32_t run0, uint32_t end)
{
    if (!s->en) return run0;                             /* German: first (appos/flat follow) */
    if (s->M[end - 1].upos != LB_UPOS_PROPN) return end - 1;
    uint32_t h = end - 1;
    while (h > run0 && s->M[h - 1].upos == LB_UPOS_PROPN) h--;
    if (s->L->name_head_last) return end - 1;
    /* titles and abbreviations lead the name they precede: "President George
     * Bush" -> George, "US Marines" -> Marines */
    while (h + 1 < end && ((word_class(*s, h) & SX_TITLE) || (LB_TOKS(s->doc)[h].flags & LB_TOK_ALLCAPS))) h++;
    return h;
}

/* a noun group starts with one of these (other words join it only later) */
static inline int may_start_ng(const sx *s, uint32_t j)
{
    enum { STARTS = 1u << LB_UPOS_PRON | 1u << LB_UPOS_SYM | 1u << LB_UPOS_DET | 1u << LB_UPOS_ADJ |
                    1u << LB_UPOS_NUM | 1u << LB_UPOS_NOUN | 1u << LB_UPOS_PROPN };
    return j < s->s1 && (STARTS >> s->M[j].upos & 1);
}

/* a noun group starting at j, where one may start (may_start_ng): 1 and g
 * filled, else 0 */
static inline __attribute__((always_inline)) int parse_ng(const sx *s, uint32_t j, ng *g)
{
    const lb_morph *M = s->M;
    if (M[j].upos == LB_UPOS_PRON && !is_poss_det(s, j)) {
        g->head = j; g->end = j + 1; g->mask = sx_agree_mask(M[j].feats);
        return 1;
    }
    if (M[j].upos == LB_UPOS_SYM && j + 1 < s->s1 && M[j + 1].upos == LB_UPOS_NUM) {
        g->head = j; g->end = j + 2; g->mask = (1u << 24) - 1;    /* "$ 20,000" */
        return 1;
    }
    uint32_t mask = (1u << 24) - 1, k = j, run0, headmask = 0;
    for (;;) {
        k = premodifiers(s, k, &mask);
        run0 = k;
        k = nominal_run(s, k);
        if (s->en && k > run0 && k + 1 < s->s1 && is_poss_marker(s, k)) { k++; mask = (1u << 24) - 1; continue; }
        break;
    }
    uint32_t nominal_end = k;
    while (k > run0 && k < s->s1 && M[k].upos == LB_UPOS_NUM) k++;   /* "Mai 2010", "Windows 7" */
    if (k == run0) {
        /* determiners or numbers standing alone, maybe with adjectives: "beide",
         * "viele", "1990", "die Neuen"; a lone predicative adjective is none */
        int32_t last = -1;
        for (uint32_t q = j; q < k; q++)
            if ((M[q].upos == LB_UPOS_DET && LB_FEAT_GET(M[q].feats, PRONTYPE) != LB_PRONTYPE_ART) ||
                M[q].upos == LB_UPOS_NUM) last = (int32_t)q;
        /* "most of the city": a quantity before an of-group */
        if (last < 0 && k > j && k < s->s1 && M[k - 1].upos == LB_UPOS_ADJ && (word_class(*s, k) & SX_ATTACH))
            last = (int32_t)k - 1;
        if (last < 0) return 0;                  /* an article alone is no group */
        g->head = (uint32_t)last; g->end = (uint32_t)last + 1;
        g->mask = sx_agree_mask(M[last].feats);
        return 1;
    }
    g->end = k;
    g->head = run_head(s, run0, nominal_end);
    headmask = sx_agree_mask(M[g->head].feats);
    g->mask = (mask & headmask) ? (mask & headmask) : headmask;
    return 1;
}

static inline int32_t push_phrase(sx *s, uint8_t kind, uint32_t tok0, const ng *g, int32_t prep, uint32_t mask)
{
    lb_vec *v = &s->doc->phrases;
    lb_phrase *p;
    if (v->len < v->cap) {                       /* lb_vec_push without the call */
        p = (lb_phrase *)v->items + v->len++;
    } else if (!(p = lb_vec_push(v, &s->doc->arena))) {
        return -1;
    }
    uint32_t person = LB_FEAT_GET(s->M[g->head].feats, PERSON);
    *p = (lb_phrase){ .tok0 = tok0, .ntok = g->end - tok0, .head = g->head, .prep = prep, .kind = kind, .agree = mask,
                      .feats = sx_feats_of_mask_memo(s->memo, mask) | LB_FEAT(PERSON, person ? person : 3),
                      .clause = -1, .parent = -1, .conj = -1, .antecedent = -1 };
    int32_t idx = (int32_t)(s->doc->phrases.len - 1);
    for (uint32_t k = tok0; k < g->end; k++) s->M[k].phrase = idx;
    return idx;
}

static int cases_meet(const sx *s, const lb_phrase *a, const lb_phrase *b)
{
    if (s->en) return 1;
    return (sx_mask_cases(a->agree) & sx_mask_cases(b->agree)) != 0;
}

static lb_phrase *phrase_ending_at(sx *s, uint32_t tok)
{
    if (tok < s->s0 || s->M[tok].phrase < (int32_t)s->ph0) return NULL;
    lb_phrase *q = &LB_PHRASES(s->doc)[s->M[tok].phrase];
    return q->tok0 + q->ntok == tok + 1 ? q : NULL;
}

static int32_t first_conjunct(sx *s, int32_t q)
{
    lb_phrase *P = LB_PHRASES(s->doc);
    while (P[q].role == LB_ROLE_CONJ && P[q].parent >= 0) q = P[q].parent;
    return q;
}

static void add_conjunct(sx *s, int32_t first, int32_t p)
{
    lb_phrase *P = LB_PHRASES(s->doc);
    int32_t last = first;
    while (P[last].conj >= 0 && P[last].conj != p) last = P[last].conj;
    if (last != p) P[last].conj = p;
    P[p].role = LB_ROLE_CONJ; P[p].parent = first;
    P[first].coord = 1;
}

/* "A und B", "A, B und C", "mit A und B": p follows a coordinator after a group */
static void link_coordination(sx *s, int32_t pi)
{
    lb_phrase *P = LB_PHRASES(s->doc), *p = &P[pi];
    uint32_t c = p->tok0;
    if (c < s->s0 + 2 || !sx_is_coord(s, c - 1)) return;
    lb_phrase *q = phrase_ending_at(s, c - 2);
    if (!q || q->role == LB_ROLE_GEN || (p->kind == LB_PH_PG && q->kind != LB_PH_PG)) return;
    if (q->kind == LB_PH_PG && p->kind == LB_PH_PG) return;  /* separate adjuncts */
    if (!cases_meet(s, p, q)) return;
    int32_t first = first_conjunct(s, (int32_t)(q - P));
    /* walk back over ", B" conjuncts: "A, B und C" */
    for (;;) {
        uint32_t t = P[first].tok0;
        lb_phrase *r = t >= s->s0 + 2 && s->M[t - 1].upos == LB_UPOS_PUNCT ? phrase_ending_at(s, t - 2) : NULL;
        if (!r || r->kind != P[first].kind || r->role == LB_ROLE_GEN || !cases_meet(s, r, &P[first])) break;
        int32_t ri = first_conjunct(s, (int32_t)(r - P));
        add_conjunct(s, ri, first);
        first = ri;
    }
    add_conjunct(s, first, pi);
}

/* genitive attribute, of-attachment, apposition between a new group and the one before */
static void link_attributes(sx *s, int32_t pi)
{
    lb_phrase *P = LB_PHRASES(s->doc), *p = &P[pi];
    uint32_t t = p->tok0;
    /* phrase_ending_at(s, t - 1): the groups come in order and do not
     * overlap, so only the one before can end there */
    lb_phrase *q = pi > (int32_t)s->ph0 && P[pi - 1].tok0 + P[pi - 1].ntok == t ? &P[pi - 1] : NULL;
    if (q) {
        /* (a unique case in feats is genitive when only the genitive is possible) */
        if (p->kind == LB_PH_NG && !s->en && LB_FEAT_GET(p->feats, CASE) == LB_CASE_GEN && s->M[p->head].upos != LB_UPOS_PRON) {
            p->role = LB_ROLE_GEN; p->parent = (int32_t)(q - P);
        } else if (p->kind == LB_PH_PG && (s->cls[p->prep] & SX_ATTACH)) {
            p->parent = (int32_t)(q - P);
        }
        return;
    }
    if (p->kind != LB_PH_NG || t < s->s0 + 2 || s->M[t - 1].upos != LB_UPOS_PUNCT) return;
    q = phrase_ending_at(s, t - 2);
    uint32_t e = p->tok0 + p->ntok;
    /* a capitalised group in quotation marks after a noun is its title or
     * name (die Zeitung "Die Welt", mit dem Film "Der Pate"): cited in its
     * own form, so in any case, and after a prepositional group's noun too */
    int quoted = sx_is_quote(s->doc, t - 1) && e < s->s1 && sx_is_quote(s->doc, e) &&
                 (LB_TOKS(s->doc)[t].flags & LB_TOK_UPPER);
    int closed = e >= s->s1 || sx_is_boundary(s, e) || quoted;
    if (q && (q->kind == LB_PH_NG || quoted) && closed && s->M[p->head].upos != LB_UPOS_PRON &&
        !(s->cls[t] & SX_REL && s->M[t].upos == LB_UPOS_PRON) && (quoted || cases_meet(s, p, q))) {
        p->role = LB_ROLE_APPOS; p->parent = (int32_t)(q - P);
    }
}

int sx_chunk(sx *state)
{
    /* the helpers work on a copy whose address never escapes (word_class
     * takes it by value): its fields stay in registers across the stores
     * to the phrases and tokens, which could alias the caller's */
    sx copy = *state, *s = &copy;
    uint32_t i = s->s0;
    while (i < s->s1) {
        const lb_morph *m = &s->M[i];
        ng g;
        int32_t pi = -2;
        int prep = m->upos == LB_UPOS_ADP || (m->flags & LB_MF_CONTR);
        uint32_t j = i + 1;                      /* where the group after a preposition starts */
        if (prep && j < s->s1 && quote_inside(s, j)) j++;
        if (prep && may_start_ng(s, j) && parse_ng(s, j, &g)) {
            uint32_t mask = g.mask, gov = SX_CASES(s->cls[i]);
            if (gov && (mask & sx_mask_case_only(gov))) mask &= sx_mask_case_only(gov);
            uint32_t own = (m->flags & LB_MF_CONTR) ? sx_agree_mask(m->feats) : 0;
            if (own && (mask & own)) mask &= own;
            pi = push_phrase(s, LB_PH_PG, i, &g, (int32_t)i, mask);
        } else if (m->upos != LB_UPOS_ADP && may_start_ng(s, i) && parse_ng(s, i, &g)) {
            ng after;
            uint32_t e = g.end;
            if (e + 1 < s->s1 && (s->cls[e] & SX_POSTP) && !sx_is_boundary(s, e + 1) &&
                !(may_start_ng(s, e + 1) && parse_ng(s, e + 1, &after))) {
                /* a postposition: "meiner Meinung nach", "dem Bericht zufolge" */
                g.end = e + 1;
                pi = push_phrase(s, LB_PH_PG, i, &g, (int32_t)e, g.mask);
            } else pi = push_phrase(s, LB_PH_NG, i, &g, -1, g.mask);
        }
        if (pi == -1) return lb_doc_fail(s->doc, LB_ENOMEM, "out of memory");
        if (pi < 0) { i++; continue; }
        link_attributes(s, pi);
        link_coordination(s, pi);
        i = g.end;
    }
    return LB_OK;
}
