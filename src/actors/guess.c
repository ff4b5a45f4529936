/* guess.c: names that no dictionary lists, found by the morphology and the
 * words around them (pass 2, after the dictionary, titles, first names,
 * short forms and acronyms): a run of proper nouns (UPOS PROPN) that no
 * article or adjective opens is a name. A class noun before it gives its
 * type (class records: die Gemeinde X, der Ölkonzern X, Popstar X); after a
 * place preposition (fword placeprep: in Mainz, aus Elberfeld) it is a
 * place; with a person's context (a verb or conjunction before it, sich, a
 * passive's von, an age in brackets, a genitive before a noun, a finite verb
 * after it at a clause start) a person; coordinated with a name (und, oder,
 * comma) it takes that name's type. An initial and a surname are a person;
 * a compound whose head is a street noun (lochead: Friedrich-Ebert-Straße,
 * Pestalozzistraße) is a place. Guessed names are mentions without an actor:
 * which state a place lies in or a person acts for, nothing here tells (the
 * state the article names most is wrong too often: a German town in an
 * article about France, and the events read place codes). */
#include "actors/run.h"
#include "text/text.h"
#include "ctx.h"
#include "text/sigindex.h"
#include <string.h>

static int same_sent(const act_run *r, size_t i, size_t j)
{
    return i < r->ntoks && j < r->ntoks && r->toks[i].sent == r->toks[j].sent;
}

/* Token i is shaped like a word of a name: a capitalised word, no acronym,
 * abbreviation, web address or number, no title, function word or word
 * that opens, ends or may not be part of a name (W_NOPART). */
static int name_shaped(const act_run *r, size_t i)
{
    const lb_tok *t = &r->toks[i];
    if ((t->flags & (LB_TOK_WORD | LB_TOK_UPPER | LB_TOK_ALLCAPS | LB_TOK_ABBREV | LB_TOK_URL | LB_TOK_NUM)) != (LB_TOK_WORD | LB_TOK_UPPER)) return 0;
    return !(r->cls[i] & (W_TITLE | W_NOPART | W_ORGSTART | W_ORGEND)) && !act_is_func(r, i);
}

/* A word that can be part of an unlisted name: a capitalised proper noun,
 * not covered, name-shaped, no fword notname and no month. */
static int guess_word(const act_run *r, size_t i)
{
    if (r->cover[i] || r->morph[i].upos != LB_UPOS_PROPN || !name_shaped(r, i) || act_fword_is(r, i, KB_FW_NOTNAME)) return 0;
    const lb_tok *t = &r->toks[i];
    return !lb_sigindex_get(&r->doc->ctx->text->months_index, lb_tok_norm(r->doc, t), t->norm_len, NULL);
}

/* A name particle inside a run (von, van der, de la) followed by a name word:
 * the particle's token count, else 0. */
static size_t inner_particle(const act_run *r, size_t i)
{
    if (i >= r->ntoks || (r->toks[i].flags & LB_TOK_UPPER) || !act_fword_is(r, i, KB_FW_PARTICLE)) return 0;
    size_t p = 1;
    if (same_sent(r, i, i + 1) && !(r->toks[i + 1].flags & LB_TOK_UPPER) && act_fword_is(r, i + 1, KB_FW_PARTICLE2)) p++;
    return same_sent(r, i, i + p) && guess_word(r, i + p) ? p : 0;
}

/* The tokens of the run of name words from i (at most 5, particles inside). */
static size_t guess_run(const act_run *r, size_t i)
{
    size_t n = 1;
    while (n < 5 && same_sent(r, i, i + n)) {
        if (guess_word(r, i + n)) { n++; continue; }
        size_t p = inner_particle(r, i + n);
        if (!p) break;
        n += p + 1;
    }
    return n;
}

/* What the word before a run says: it is no name of its own (an article,
 * adjective, number or contracted preposition opens a noun phrase: der
 * Sieg, im Powerplay; a name ends just before it: THW Kiel). */
static int opens_phrase(const act_run *r, size_t p)
{
    const lb_morph *m = &r->morph[p];
    if (m->upos == LB_UPOS_DET || m->upos == LB_UPOS_ADJ || m->upos == LB_UPOS_NUM) return 1;
    if (m->flags & LB_MF_CONTR) return 1;
    return r->cover[p] && (r->toks[p].flags & LB_TOK_UPPER);
}

/* A participle at token k of the sentence of token i: tagged so, or a
 * verb that closes the clause (the tagger may read komponiert as finite). */
static int participle_at(const act_run *r, size_t k, size_t i)
{
    if (!same_sent(r, k, i) || (r->morph[k].upos != LB_UPOS_VERB && r->morph[k].upos != LB_UPOS_AUX)) return 0;
    if (LB_FEAT_GET(r->morph[k].feats, VERBFORM) == LB_VERBFORM_PART) return 1;
    return k + 1 < r->ntoks && (!same_sent(r, k, k + 1) || (r->toks[k + 1].flags & LB_TOK_PUNCT) || r->morph[k + 1].upos == LB_UPOS_AUX);
}

/* An age in brackets after token e ("Heidi Klum (37)"): the press's way
 * of introducing a person. */
static int age_after(const act_run *r, size_t e)
{
    if (e + 2 >= r->ntoks || !same_sent(r, e, e + 2)) return 0;
    const lb_tok *o = &r->toks[e], *a = &r->toks[e + 1], *c = &r->toks[e + 2];
    return (o->flags & LB_TOK_BRACKET_OPEN) && (c->flags & LB_TOK_BRACKET_CLOSE) && (a->flags & LB_TOK_NUM) &&
           a->end - a->start <= 3 && !(a->flags & (LB_TOK_WORD | LB_TOK_ORDINAL));
}

/* Token i opens a clause: the sentence starts there, or a comma, colon or
 * coordinating conjunction is before it (und Teemu Tainio spielt). */
static int clause_start(const act_run *r, size_t i)
{
    if (i == 0 || !same_sent(r, i - 1, i)) return 1;
    const lb_tok *p = &r->toks[i - 1];
    if ((p->flags & LB_TOK_PUNCT) && p->end - p->start == 1 && (r->doc->text[p->start] == ',' || r->doc->text[p->start] == ':')) return 1;
    int u = r->morph[i - 1].upos;
    return u == LB_UPOS_CCONJ;
}

/* Signs that a run [i, i+n) names a person: a verb or auxiliary right
 * before it (verb-second order: schoss Kaká, war Rée), a subordinating
 * conjunction (dass Schulz, wie Trabolt berichtete), the reflexive sich,
 * the agent of a passive (von X komponiert, composed by X), an age in
 * brackets, a genitive before a noun (Zabels Entscheidung), or a finite
 * verb after it at the start of a clause. */
static int person_context(const act_run *r, size_t i, size_t n)
{
    size_t e = i + n;
    if (i > 0 && same_sent(r, i - 1, i)) {
        const lb_morph *m = &r->morph[i - 1];
        if (m->upos == LB_UPOS_VERB || m->upos == LB_UPOS_AUX || m->upos == LB_UPOS_SCONJ) return 1;
        if (m->upos == LB_UPOS_PRON && LB_FEAT_GET(m->feats, REFLEX)) return 1;
        if (act_fword_is(r, i - 1, KB_FW_AGENTPREP) && ((e < r->ntoks && participle_at(r, e, i)) || (i >= 2 && participle_at(r, i - 2, i))))
            return 1;
    }
    if (age_after(r, e)) return 1;
    int gen = LB_FEAT_GET(r->morph[e - 1].feats, CASE) == LB_CASE_GEN;
    if (same_sent(r, i, e)) {
        const lb_morph *next = &r->morph[e];
        if (gen && next->upos == LB_UPOS_NOUN) return 1;
        if (lb_morph_is_finite(next) && clause_start(r, i)) return 1;
    }
    return 0;
}

/* The type of the names a noun classifies (class records: die Gemeinde X
 * LOC), by its lemma or the lemma's last part: a compound is of its head's
 * class (Kreisstadt, Ölkonzern, Fußball-Experte); parts of 4 bytes or more
 * after 3 or more. -1 when none. */
static int class_noun(const act_run *r, size_t p)
{
    const lb_morph *m = &r->morph[p];
    if (m->upos != LB_UPOS_NOUN || !m->lemma_len) return -1;
    char f[128];
    size_t n = lb_fold(f, sizeof f, m->lemma, m->lemma_len);
    for (size_t k = 0; k < n; k++) {
        if (k && (k < 3 || n - k < 4 || (f[k] & 0xc0) == 0x80 || f[k] == '-')) continue;
        uint32_t t;
        if (lb_wordset_get(&r->kb->classes, f + k, n - k, &t)) return (int)t - 1;
    }
    return -1;
}

/* The type a class noun right before a run gives it (die Gemeinde
 * Pflückuff, der Ölkonzern Petrobras, Popstar Lady Gaga), -1 none. */
static int class_type(const act_run *r, size_t i)
{
    return i > 0 && same_sent(r, i - 1, i) ? class_noun(r, i - 1) : -1;
}

/* A run of name words that no context typed, to be tried again by
 * coordination once its neighbours have types. */
typedef struct guess_span { uint32_t i, n; } guess_span;

/* A coordinating conjunction or a comma at token k? */
static int coord_at(const act_run *r, size_t k)
{
    const lb_tok *t = &r->toks[k];
    if ((t->flags & LB_TOK_PUNCT) && t->end - t->start == 1 && r->doc->text[t->start] == ',') return 1;
    return r->morph[k].upos == LB_UPOS_CCONJ;
}

/* The type the words around a run [i, i+n) give it: a class noun before
 * it, a place preposition, a person's context; -1 none. */
static int context_type(const act_run *r, size_t i, size_t n, int first)
{
    int type = class_type(r, i);
    if (type >= 0) return type;
    if (!first && act_fword_is(r, i - 1, KB_FW_PLACEPREP)) return LB_MEN_LOC;
    return person_context(r, i, n) ? LB_MEN_PER : -1;
}

static int initial_name(act_run *r, size_t i);
static int closed_place(act_run *r, size_t i);

/* One pass over the capitalised words: initials with a surname, unknown
 * street names, and every run of name words (guess_word) that no article or
 * adjective opens: typed by context, or kept in pending when a comma or
 * conjunction borders it. */
static int guess_runs(act_run *r, lb_vec *pending)
{
    lb_actor_ref none = { 0 };
    for (size_t ui = 0; ui < r->nupper; ui++) {
        size_t i = r->upper[ui];
        if (r->cover[i]) continue;
        int done = (r->toks[i].flags & LB_TOK_ABBREV) ? initial_name(r, i) : closed_place(r, i);
        if (done < 0) return -1;
        if (done || r->morph[i].upos != LB_UPOS_PROPN || !guess_word(r, i)) continue;   /* the test first: most are nouns */
        int first = i == 0 || !same_sent(r, i - 1, i);
        if (!first && opens_phrase(r, i - 1)) continue;
        size_t n = guess_run(r, i);
        while (ui + 1 < r->nupper && r->upper[ui + 1] < i + n) ui++;
        int type = context_type(r, i, n, first);
        if (type < 0) {
            int before = i >= 2 && same_sent(r, i - 2, i) && coord_at(r, i - 1);
            int after = same_sent(r, i, i + n + 1) && coord_at(r, i + n);
            guess_span *g = before || after ? lb_vec_push(pending, &r->doc->arena) : NULL;
            if (g) { g->i = (uint32_t)i; g->n = (uint32_t)n; }
            else if (before || after) return -1;
            continue;
        }
        lb_mention *m = act_add(r, (uint32_t)i, (uint32_t)n, 0, 0, type, LB_FORM_NAME, none);
        if (!m || (type == LB_MEN_PER && act_register_person(r, m, -1))) return -1;
    }
    return 0;
}

/* The type of a name mention that starts or ends at token k (a name, not a
 * derived form), -1. */
static int name_type_at(const act_run *r, size_t k)
{
    long m = r->men_at[k];
    if (m < 0) return -1;
    const lb_mention *M = &((const lb_mention *)r->doc->mentions.items)[m];
    return M->form == LB_FORM_NAME && M->type <= LB_MEN_ORG ? M->type : -1;
}

/* Coordinated names share their type: a pending run joined by und, oder
 * or a comma to a name mention (in Homburg und Wiehl, Finch und Sheppard)
 * gets that mention's type. Repeated, so that a list fills from either end. */
static int coordinated_runs(act_run *r, lb_vec *pending)
{
    lb_actor_ref none = { 0 };
    guess_span *G = pending->items;
    for (int pass = 0; pass < 3; pass++) {
        int added = 0;
        for (size_t k = 0; k < pending->len; k++) {
            size_t i = G[k].i, n = G[k].n, e = i + n;
            if (!n) continue;
            int type = -1;
            if (i >= 2 && same_sent(r, i - 2, i) && coord_at(r, i - 1)) type = name_type_at(r, i - 2);
            if (type < 0 && same_sent(r, i, e + 1) && coord_at(r, e) && r->men_at[e + 1] >= 0 &&
                ((const lb_mention *)r->doc->mentions.items)[r->men_at[e + 1]].tok0 == e + 1)
                type = name_type_at(r, e + 1);
            if (type < 0) continue;
            if (!act_add(r, (uint32_t)i, (uint32_t)n, 0, 0, type, LB_FORM_NAME, none)) return -1;
            G[k].n = 0;
            added = 1;
        }
        if (!added) break;
    }
    return 0;
}

/* A surname after an initial (A. Wiegemann, P. Rusterholz): a capitalised
 * word the morphology lexicon does not know as a common noun. */
static int surname_word(const act_run *r, size_t i, uint32_t sent)
{
    if (i >= r->ntoks || r->toks[i].sent != sent || r->cover[i]) return 0;
    const lb_morph *m = &r->morph[i];
    return (m->upos == LB_UPOS_PROPN || (m->upos == LB_UPOS_NOUN && !(m->flags & LB_MF_KNOWN))) && name_shaped(r, i);
}

/* An initial and a surname at token i (P. Rusterholz): adds a person. 1
 * when added, 0 when not there, -1 when out of memory. */
static int initial_name(act_run *r, size_t i)
{
    if (!act_initial_at(r, i, r->toks[i].sent) || !surname_word(r, i + 1, r->toks[i].sent)) return 0;
    lb_actor_ref none = { 0 };
    return act_add(r, (uint32_t)i, 2, 0, 0, LB_MEN_PER, LB_FORM_NAME, none) ? 1 : -1;
}

/* The part after the last hyphen of a folded word, or NULL. */
static const char *hyphen_tail(const char *w, size_t n, size_t *tl)
{
    for (size_t k = n; k-- > 1;)
        if (w[k] == '-') { *tl = n - k - 1; return *tl ? w + k + 1 : NULL; }
    return NULL;
}

/* Friedrich-Ebert-Straße, Inönü-Boulevard: a capitalised hyphen compound
 * whose head is a place noun (lochead) names a place. */
static int place_compounds(act_run *r)
{
    lb_actor_ref none = { 0 };
    for (size_t ci = 0; ci < r->ncand; ci++) {
        size_t i = r->cand[ci];
        const lb_tok *t = &r->toks[i];
        if (r->cover[i] || (t->flags & (LB_TOK_UPPER | LB_TOK_HYPHEN)) != (LB_TOK_UPPER | LB_TOK_HYPHEN)) continue;
        size_t tl;
        const char *tail = hyphen_tail(lb_tok_norm(r->doc, t), t->norm_len, &tl);
        if (!tail || !act_fword_has(r, tail, tl, KB_FW_LOCHEAD)) continue;
        if (!act_add(r, (uint32_t)i, 1, 0, 0, LB_MEN_LOC, LB_FORM_NAME, none)) return -1;
    }
    return 0;
}

/* Pestalozzistraße, Kennedyplatz at token i: a word the lexicon does not
 * know (it knows the generic ones: Landstraße, Seitenstraße) that ends in a
 * place noun (lochead; of a compound the morphology split, its head; else
 * any end of 4 bytes or more after 3) names a place. 1 when added, 0, -1. */
static int closed_place(act_run *r, size_t i)
{
    const lb_morph *m = &r->morph[i];
    const lb_tok *t = &r->toks[i];
    if ((m->flags & LB_MF_KNOWN) || (m->upos != LB_UPOS_NOUN && m->upos != LB_UPOS_PROPN) ||
        (t->flags & (LB_TOK_HYPHEN | LB_TOK_ALLCAPS | LB_TOK_ABBREV))) return 0;
    const char *w = lb_tok_norm(r->doc, t);
    size_t n = t->norm_len;
    size_t k0 = (m->flags & LB_MF_COMPOUND) && m->head_off >= 3 && m->head_off < n ? m->head_off : 3;
    size_t k1 = k0 == 3 ? n : k0 + 4;
    for (size_t k = k0; k + 3 < k1 && k + 3 < n; k++) {
        if ((w[k] & 0xc0) == 0x80 || !act_fword_has(r, w + k, n - k, KB_FW_LOCHEAD)) continue;
        lb_actor_ref none = { 0 };
        return act_add(r, (uint32_t)i, 1, 0, 0, LB_MEN_LOC, LB_FORM_NAME, none) ? 1 : -1;
    }
    return 0;
}

int act_guess(act_run *r)
{
    if (!r->morph) return 0;   /* proper nouns come from the morphology */
    lb_vec pending;
    lb_vec_init(&pending, sizeof(guess_span));
    if (place_compounds(r) || guess_runs(r, &pending)) return -1;
    return pending.len ? coordinated_runs(r, &pending) : 0;
}
