/* resolve.c: pass 2 of the actors stage, over what match.c found: titles
 * with a state (der russische Botschafter, Russlands Außenminister) give the
 * state mention the title's sector and make the name after them a person of
 * that state; first names and titles mark persons not in the dictionary;
 * a later surname (Xi, Uschakow) or bare title (der Präsident) refers to the
 * person named before. Never matches dictionary names itself. */
#include "actors/run.h"
#include "text/text.h"
#include "text/sigindex.h"
#include "ctx.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W_FUNC_DONE (1u << 31)
#define W_FUNC (1u << 30)

/* A function word? Looked up once per token, then cached in cls. */
static int is_func(const act_run *r, const lb_tok *t)
{
    size_t i = (size_t)(t - r->toks);
    if (!(r->cls[i] & W_FUNC_DONE))
        r->cls[i] |= W_FUNC_DONE | (lb_wordset_get(&r->doc->ctx->text->function_words, lb_tok_norm(r->doc, t),
                                                   t->norm_len, NULL) ? W_FUNC : 0);
    return (r->cls[i] & W_FUNC) != 0;
}

int act_is_func(const act_run *r, size_t i) { return is_func(r, &r->toks[i]); }

/* A word that may be part of a person's name (capitalised, not covered). */
static int name_word(const act_run *r, size_t i, uint32_t sent)
{
    if (i >= r->ntoks || r->cover[i]) return 0;
    const lb_tok *t = &r->toks[i];
    if (t->sent != sent) return 0;
    if ((t->flags & (LB_TOK_WORD | LB_TOK_UPPER)) != (LB_TOK_WORD | LB_TOK_UPPER)) return 0;
    if (t->flags & LB_TOK_ABBREV) return 0;
    if (t->flags & (LB_TOK_ALLCAPS | LB_TOK_URL | LB_TOK_HYPHEN)) return (t->flags & LB_TOK_HYPHEN) && !(t->flags & LB_TOK_ALLCAPS);
    if (r->cls[i] & W_TITLE) return 0;
    if (is_func(r, t)) return 0;
    return 1;
}

/* Title at token i (one or more words): its index and token count. */
static size_t title_at(const act_run *r, size_t i, const kb_title **out)
{
    const lb_tok *T = r->toks;
    char key[512];
    if (!(r->cls[i] & W_TITLE)) return 0;
    for (size_t n = r->kb->title_maxtok; n >= 1; n--) {
        if (i + n > r->ntoks || T[i + n - 1].sent != T[i].sent) continue;
        size_t o = 0;
        int ok = 1;
        for (size_t k = 0; k < n && ok; k++) {
            const lb_tok *t = &T[i + k];
            if (o + t->norm_len + 1 > sizeof key) { ok = 0; break; }
            if (k) key[o++] = ' ';
            memcpy(key + o, lb_tok_norm(r->doc, t), t->norm_len);
            o += t->norm_len;
        }
        uint32_t v;
        if (ok && lb_wordset_get(&r->kb->titles, key, o, &v)) { *out = &r->kb->titlev[v]; return n; }
    }
    return 0;
}

static unsigned local_sig(const char *key, size_t len) { return lb_sig_of(key, len) % ACT_LOCAL_SIG_BITS; }

/* The latest short form registered for key, or NULL. */
static const act_local *find_local(const act_run *r, const char *key, size_t len)
{
    if (!len) return NULL;
    unsigned b = local_sig(key, len);
    if (!(r->local_sig[b / 64] >> (b % 64) & 1u)) return NULL;
    const uint32_t *k = act_keymap_get(&r->local_index, key, len);
    return k ? &((const act_local *)r->locals.items)[*k] : NULL;
}

static int add_local(act_run *r, const char *key, size_t len, lb_actor_ref a, int32_t person)
{
    if (!len) return 0;
    const act_local *old = find_local(r, key, len);
    if (old && old->person == person && old->actor.code == a.code && old->actor.sector == a.sector) return 0;
    act_local *l = lb_vec_push(&r->locals, &r->doc->arena);
    if (!l) return -1;
    l->key = key; l->len = (uint32_t)len; l->actor = a; l->person = person;
    unsigned b = local_sig(key, len);
    r->local_sig[b / 64] |= (uint64_t)1 << (b % 64);
    return act_keymap_put(&r->local_index, key, len, (uint32_t)(r->locals.len - 1));
}

/* Registers the short form of a person mention (surname; family name first
 * for East Asian names). */
int act_register_person(act_run *r, const lb_mention *m, int32_t person)
{
    if (m->ntok < 2) return 0;
    int first = person >= 0 && r->kb->persons[person].surname_first;
    const lb_tok *t = &r->toks[first ? m->tok0 : m->tok0 + m->ntok - 1];
    if (!(t->flags & LB_TOK_UPPER)) return 0;
    return add_local(r, lb_tok_norm(r->doc, t), t->norm_len, m->actor, person);
}

/* A person not in the dictionary over name words from i; returns its size. */
static size_t name_run(const act_run *r, size_t i)
{
    uint32_t sent = r->toks[i].sent;
    size_t n = 0;
    while (n < 4 && name_word(r, i + n, sent)) n++;
    return n;
}

static int32_t person_of(const act_run *r, const lb_mention *m)
{
    if (!m->actor.name) return -1;
    uint32_t p;
    if (lb_wordset_get(&r->kb->persons_by_name, m->actor.name, strlen(m->actor.name), &p)) return (int32_t)p;
    return -1;
}

/* Index of the first mention covering token i, -1 (kept by act_add). */
static long mention_at(const act_run *r, size_t i) { return r->men_at[i]; }

/* Titles: state + title (+ name). */
static int titles(act_run *r)
{
    const lb_tok *T = r->toks;
    for (size_t ci = 0; ci < r->ncand; ci++) {
        size_t i = r->cand[ci];
        if (r->cover[i] || !(T[i].flags & LB_TOK_WORD)) continue;
        const kb_title *tt;
        size_t tn = title_at(r, i, &tt);
        if (!tn) continue;
        lb_actor_ref a = { 0 };
        /* the state before the title: adjective, genitive name or implied code */
        if (tt->code) { a.code = tt->code; a.sector = tt->sector; }
        else if (i > 0 && r->cover[i - 1] && T[i - 1].sent == T[i].sent) {
            long k = mention_at(r, i - 1);
            lb_mention *M = r->doc->mentions.items;
            if (k >= 0 && M[k].type == LB_MEN_LOC && M[k].actor.code) {
                if (tt->sector) M[k].actor.sector = tt->sector;
                a = M[k].actor;
                a.sector = tt->sector; a.name = NULL; a.id = NULL;
            }
        }
        size_t j = i + tn;
        /* "Botschafter Chinas": the state after the title */
        if (!a.code && j < r->ntoks && r->cover[j] && T[j].sent == T[i].sent) {
            long k = mention_at(r, j);
            lb_mention *M = r->doc->mentions.items;
            if (k >= 0 && M[k].type == LB_MEN_LOC && M[k].form == LB_FORM_NAME && M[k].actor.code &&
                M[k].end - M[k].start > 0 && (r->doc->text[M[k].end - 1] == 's')) {
                if (tt->sector) M[k].actor.sector = tt->sector;
                a = M[k].actor; a.sector = tt->sector; a.name = NULL; a.id = NULL;
                j = M[k].tok0 + M[k].ntok;
            }
        }
        if (j < r->ntoks && T[j].sent == T[i].sent && (T[j].flags & LB_TOK_PUNCT) && T[j].end - T[j].start == 1 &&
            r->doc->text[T[j].start] == ',') j++;
        if (!a.code) {
            /* Trainer Klopp, Herr Müller: a name after the title ends the phrase */
            size_t n = j < r->ntoks && !r->cover[j] && !(T[j].flags & LB_TOK_HYPHEN) ? name_run(r, j) : 0;
            if (n && n <= 3) {
                size_t after = j + n;
                int ends = after >= r->ntoks || T[after].sent != T[i].sent || !(T[after].flags & LB_TOK_UPPER) ||
                           (T[after].flags & LB_TOK_PUNCT);
                if (ends) {
                    lb_mention *m = act_add(r, (uint32_t)j, (uint32_t)n, 0, 0, LB_MEN_PER, LB_FORM_NAME, a);
                    if (!m) return -1;
                    const lb_tok *last = &T[j + n - 1];
                    if (add_local(r, lb_tok_norm(r->doc, last), last->norm_len, a, -1)) return -1;
                }
            }
            continue;
        }
        if (j < r->ntoks && !r->cover[j]) {
            size_t n = name_run(r, j);
            if (n) {
                lb_mention *m = act_add(r, (uint32_t)j, (uint32_t)n, 0, 0, LB_MEN_PER, LB_FORM_NAME, a);
                if (!m || act_register_person(r, m, -1)) return -1;
            }
        }
    }
    return 0;
}

/* A lower-case particle inside a person's name (von, van; second: der after von)? */
static int is_particle2(const act_run *r, size_t i, int second)
{
    if (r->toks[i].flags & LB_TOK_UPPER) return 0;
    return act_fword_is(r, i, second ? KB_FW_PARTICLE2 : KB_FW_PARTICLE);
}

/* A given name the morphology lexicon knows: a proper noun with a
 * masculine or feminine gender (Beate, Holger; places are mostly neuter
 * and named places are mentions already), not in the genitive (Mayers
 * Fazit, Marias Eltern: a name before a noun). */
static int lexicon_first_name(const act_run *r, size_t i)
{
    if (!r->morph) return 0;
    const lb_morph *m = &r->morph[i];
    if (m->upos != LB_UPOS_PROPN || !(m->flags & LB_MF_KNOWN)) return 0;
    uint32_t g = LB_FEAT_GET(m->feats, GENDER);
    return (g == LB_GENDER_MASC || g == LB_GENDER_FEM) && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_SING &&
           LB_FEAT_GET(m->feats, CASE) != LB_CASE_GEN;
}

/* A first name (also the first part of Hans-Peter) at token i? */
static int first_name_at(const act_run *r, size_t i)
{
    const lb_tok *t = &r->toks[i];
    if (r->cls[i] & W_FIRSTNAME) return 1;
    if (lexicon_first_name(r, i)) return 1;
    if (!(t->flags & LB_TOK_HYPHEN)) return 0;
    const char *nm = lb_tok_norm(r->doc, t);
    const char *h = memchr(nm, '-', t->norm_len);
    return h && lb_wordset_get(&r->kb->firstnames, nm, (size_t)(h - nm), NULL);
}

/* An initial at token i of sentence sent: one capital letter and its
 * period (K., E.), as in a middle name or a surname withheld by the press. */
int act_initial_at(const act_run *r, size_t i, uint32_t sent)
{
    if (i >= r->ntoks || r->cover[i] || r->toks[i].sent != sent) return 0;
    const lb_tok *t = &r->toks[i];
    const char *s = r->doc->text + t->start;
    return (t->flags & LB_TOK_ABBREV) && t->end - t->start == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] == '.';
}

/* A particle (von, van der) and a name word after the n tokens of a name
 * from i: adds them to *n; 0 when there are none. */
static int particle_surname(const act_run *r, size_t i, size_t *n)
{
    size_t k = i + *n;
    if (k + 1 >= r->ntoks || !is_particle2(r, k, 0)) return 0;
    size_t p = 1;
    if (k + p < r->ntoks && is_particle2(r, k + p, 1)) p++;
    if (!name_word(r, k + p, r->toks[i].sent)) return 0;
    *n += p + 1;
    return 1;
}

/* Persons not in the dictionary: a first name and capitalised words,
 * with particles between (Wilhelm von Nesselrode). */
static int first_names(act_run *r)
{
    const lb_tok *T = r->toks;
    for (size_t ci = 0; ci < r->nupper; ci++) {
        size_t i = r->upper[ci];
        if (i + 1 >= r->ntoks) continue;
        if (!first_name_at(r, i) || !name_word(r, i, T[i].sent)) continue;
        /* first names (Hans Peter), then one surname, or particles and a surname */
        size_t n = 1;
        while (n < 3 && name_word(r, i + n, T[i].sent) && first_name_at(r, i + n) &&
               name_word(r, i + n + 1, T[i].sent)) n++;
        if (act_initial_at(r, i + n, T[i].sent) && name_word(r, i + n + 1, T[i].sent)) n++;   /* Christine K. Brückner */
        int cut = 0;
        if (name_word(r, i + n, T[i].sent)) n++;
        else if (act_initial_at(r, i + n, T[i].sent)) { n++; cut = 1; }   /* Hasan E.: the surname cut to its initial */
        else if (!particle_surname(r, i, &n)) continue;
        /* Heinrich Gottlob von Miltitz: a nobiliary particle and a name after the names */
        if (n >= 2) particle_surname(r, i, &n);
        if (n < 2) continue;
        lb_actor_ref a = { 0 };
        /* Robert-Bosch-Stiftung, Max Planck-Institut: a name with an organisation head */
        const lb_tok *lt = &T[i + n - 1];
        const char *ln = lb_tok_norm(r->doc, lt), *h = NULL;
        for (size_t k = lt->norm_len; k-- > 0;) if (ln[k] == '-') { h = ln + k + 1; break; }
        if (h && (kb_class(r->kb, h, lt->norm_len - (size_t)(h - ln), 1) & W_ORGEND)) {
            if (!act_add(r, (uint32_t)i, (uint32_t)n, 0, 0, LB_MEN_ORG, LB_FORM_NAME, a)) return -1;
            continue;
        }
        lb_mention *m = act_add(r, (uint32_t)i, (uint32_t)n, 0, 0, LB_MEN_PER, LB_FORM_NAME, a);
        if (!m || (!cut && act_register_person(r, m, -1))) return -1;
        i += n - 1;
    }
    return 0;
}

/* After a speech verb ("sagte Müller"): a capitalised word is a person. */
static int speech_cues(act_run *r)
{
    const lb_tok *T = r->toks;
    for (size_t ci = 0; ci < r->ncand; ci++) {
        size_t i = r->cand[ci];
        if (i + 1 >= r->ntoks) continue;
        if (!(r->cls[i] & W_PCUE)) continue;
        size_t j = i + 1;
        if (!name_word(r, j, T[i].sent) || (T[j].flags & LB_TOK_HYPHEN)) continue;
        size_t n = name_run(r, j);
        size_t after = j + n;
        /* the name must end the clause: punctuation or a lower-case word */
        if (after < r->ntoks && T[after].sent == T[i].sent && (T[after].flags & LB_TOK_UPPER) && !is_func(r, &T[after])) continue;
        lb_actor_ref a = { 0 };
        const act_local *l = find_local(r, lb_tok_norm(r->doc, &T[j + n - 1]), T[j + n - 1].norm_len);
        if (l) a = l->actor;
        lb_mention *m = act_add(r, (uint32_t)j, (uint32_t)n, 0, 0, LB_MEN_PER, LB_FORM_NAME, a);
        if (!m || act_register_person(r, m, l ? l->person : -1)) return -1;
    }
    return 0;
}

/* Organisations not in the dictionary: FC ... / ... AG, ... Verlag. */
static int org_names(act_run *r)
{
    const lb_tok *T = r->toks;
    lb_actor_ref none = { 0 };
    for (size_t ci = 0; ci < r->ncand; ci++) {
        size_t i = r->cand[ci];
        if (i + 1 >= r->ntoks) continue;
        if (r->cover[i] || !(T[i].flags & LB_TOK_WORD)) continue;
        if ((r->cls[i] & W_ORGSTART) && (T[i].flags & LB_TOK_UPPER)) {
            size_t n = 0;
            while (n < 3 && name_word(r, i + 1 + n, T[i].sent)) n++;
            lb_actor_ref a = none;
            if (!n && i + 1 < r->ntoks && r->cover[i + 1] && T[i + 1].sent == T[i].sent) {
                /* Universität Tübingen, Landgericht München: a place closes it */
                long k = mention_at(r, i + 1);
                lb_mention *M = r->doc->mentions.items;
                if (k < 0 || M[k].type != LB_MEN_LOC || M[k].form != LB_FORM_NAME || M[k].ntok != 1 ||
                    M[k].tok0 != i + 1) continue;
                a.code = M[k].actor.code;
                M[k].type = ACT_DEAD;
                n = 1;
            }
            if (!n) continue;
            /* 1. FC Köln: a club's ordinal opens its name */
            size_t o = i > 0 && T[i - 1].sent == T[i].sent && (T[i - 1].flags & LB_TOK_ORDINAL) && !r->cover[i - 1] ? 1 : 0;
            if (!act_add(r, (uint32_t)(i - o), (uint32_t)(n + 1 + o), 0, 0, LB_MEN_ORG, LB_FORM_NAME, a)) return -1;
            continue;
        }
        if ((r->cls[i] & W_ORGEND) && i > 0 && (T[i].flags & LB_TOK_UPPER)) {
            size_t n = 0;
            while (n < 3 && i > n && name_word(r, i - 1 - n, T[i].sent)) n++;
            lb_actor_ref a = none;
            if (!n && r->cover[i - 1] && T[i - 1].sent == T[i].sent) {
                /* Frankfurter Rundschau, Lübecker Nachrichten: a place adjective opens it */
                long k = mention_at(r, i - 1);
                lb_mention *M = r->doc->mentions.items;
                if (k < 0 || M[k].type != LB_MEN_LOC || M[k].form != LB_FORM_DERIV || M[k].ntok != 1 ||
                    M[k].start != T[i - 1].start || M[k].end != T[i - 1].end || !(T[i - 1].flags & LB_TOK_UPPER)) continue;
                a.code = M[k].actor.code;
                M[k].type = ACT_DEAD;
                n = 1;
            }
            if (!n) continue;
            if (!act_add(r, (uint32_t)(i - n), (uint32_t)(n + 1), 0, 0, LB_MEN_ORG, LB_FORM_NAME, a)) return -1;
        }
    }
    return 0;
}

/* A word that continues a name opened by an unknown acronym (BNP Paribas,
 * MSV Duisburg, OLG Hamm): a capitalised proper noun, or a one-word place
 * name, which then is part of the organisation's name (killed). */
static int acronym_tail(act_run *r, size_t i, uint32_t sent)
{
    if (i >= r->ntoks || r->toks[i].sent != sent || !r->morph) return 0;
    const lb_tok *t = &r->toks[i];
    if ((t->flags & (LB_TOK_WORD | LB_TOK_UPPER | LB_TOK_ABBREV | LB_TOK_URL)) != (LB_TOK_WORD | LB_TOK_UPPER)) return 0;
    if (r->cover[i]) {
        long k = r->men_at[i];
        lb_mention *M = r->doc->mentions.items;
        if (k < 0 || M[k].type != LB_MEN_LOC || M[k].form != LB_FORM_NAME || M[k].ntok != 1 || M[k].tok0 != i) return 0;
        M[k].type = ACT_DEAD;
        return 1;
    }
    if (r->morph[i].upos != LB_UPOS_PROPN || (r->cls[i] & (W_TITLE | W_NOPART)) || is_func(r, t)) return 0;
    return 1;
}

/* An unknown acronym (EADS, ZEW) is an organisation, unless listed as
 * "nopart" (CD, TV, DNA): those are words, not names; proper nouns after it
 * belong to its name (acronym_tail). */
static int acronyms(act_run *r)
{
    const lb_tok *T = r->toks;
    lb_actor_ref none = { 0 };
    for (size_t ci = 0; ci < r->ncaps; ci++) {
        size_t i = r->caps[ci];
        if (r->cover[i]) continue;
        size_t n = T[i].end - T[i].start;
        if (n < 2 || n > 5 || (r->cls[i] & (W_NOPART | W_TITLE | W_ORGSTART | W_ORGEND)) || is_func(r, &T[i])) continue;
        /* a headline in capitals is no acronym */
        if ((i > 0 && T[i - 1].sent == T[i].sent && (T[i - 1].flags & LB_TOK_ALLCAPS)) ||
            (i + 1 < r->ntoks && T[i + 1].sent == T[i].sent && (T[i + 1].flags & LB_TOK_ALLCAPS))) continue;
        const char *s = r->doc->text + T[i].start;
        int letters = 1;
        for (size_t k = 0; k < n; k++) if (!(s[k] >= 'A' && s[k] <= 'Z')) { letters = 0; break; }
        if (!letters) continue;
        size_t nt = 1;
        while (nt < 4 && acronym_tail(r, i + nt, T[i].sent)) nt++;
        if (!act_add(r, (uint32_t)i, (uint32_t)nt, 0, 0, LB_MEN_ORG, LB_FORM_NAME, none)) return -1;
    }
    return 0;
}

/* Later short forms of persons named in the document. */
static int short_forms(act_run *r)
{
    const lb_tok *T = r->toks;
    if (!r->locals.len) return 0;
    for (size_t ui = 0; ui < r->nupper; ui++) {
        size_t i = r->upper[ui];
        if (r->cover[i] || (T[i].flags & (LB_TOK_WORD | LB_TOK_UPPER)) != (LB_TOK_WORD | LB_TOK_UPPER)) continue;
        const char *nm = lb_tok_norm(r->doc, &T[i]);
        const act_local *l = find_local(r, nm, T[i].norm_len);
        if (!l) {
            size_t g = act_gen_strip(nm, T[i].norm_len);
            if (g >= 2) l = find_local(r, nm, g);
        }
        if (!l) continue;
        if (!act_add(r, (uint32_t)i, 1, 0, 0, LB_MEN_PER, LB_FORM_NAME, l->actor)) return -1;
    }
    return 0;
}

static const char *located_state(const act_run *r, long k)
{
    if (k < 0) return NULL;
    const lb_mention *m = &((const lb_mention *)r->doc->mentions.items)[k];
    const char *c = m->actor.code;
    return m->type == LB_MEN_LOC && c && strlen(c) == 3 && strcmp(c, "?") && act_after_locprep(r, m->tok0) ? c : NULL;
}

/* The state of a place named as a location in the sentence of an armed
 * group m (sector REB), nearest first (den IS in Libyen): GUIDELINES code a
 * non-state armed group by the country where it acts. NULL when none. */
static const char *armed_group_place(const act_run *r, const lb_mention *m)
{
    if (!m->actor.sector || strcmp(m->actor.sector, "REB") || m->tok0 >= r->ntoks) return NULL;
    const lb_sent *S = &LB_SENTS(r->doc)[r->toks[m->tok0].sent];
    size_t lo = S->tok0, hi = S->tok0 + S->ntok, a = m->tok0, b = m->tok0 + m->ntok;
    while (a > lo || b < hi) {
        const char *c = a > lo ? located_state(r, r->men_at[--a]) : NULL;
        if (!c && b < hi) c = located_state(r, r->men_at[b++]);
        if (c) return c;
    }
    return NULL;
}

static int count_code(act_keymap *m, const char *c)
{
    uint32_t *v = act_keymap_get(m, c, strlen(c));
    if (v) { (*v)++; return 0; }
    return act_keymap_put(m, c, strlen(c), 1);
}

/* Names whose state the context gives (code "?": die Kommunistische Partei):
 * the state named most often in the document (the first of equals). */
static int context_codes(act_run *r)
{
    lb_mention *M = r->doc->mentions.items;
    size_t n = r->doc->mentions.len, need = 0;
    for (size_t k = 0; k < n; k++) if (M[k].actor.code && !strcmp(M[k].actor.code, "?")) need++;
    if (!need) return 0;
    /* code -> mentions with that code; code -> place mentions with it */
    act_keymap count, places;
    act_keymap_init(&count, &r->doc->arena);
    act_keymap_init(&places, &r->doc->arena);
    for (size_t k = 0; k < n; k++) {
        const char *c = M[k].actor.code;
        if (!c) continue;
        if (count_code(&count, c) || (M[k].type == LB_MEN_LOC && count_code(&places, c))) return -1;
    }
    const char *best = NULL, *best_place = NULL;
    size_t bestn = 0, best_placen = 0;
    for (size_t k = 0; k < n; k++) {
        const char *c = M[k].actor.code;
        if (M[k].type != LB_MEN_LOC || !c || strlen(c) != 3 || !strcmp(c, "?")) continue;
        size_t cnt = *act_keymap_get(&count, c, 3), pcnt = *act_keymap_get(&places, c, 3);
        if (cnt > bestn) { bestn = cnt; best = c; }
        if (pcnt > best_placen) { best_placen = pcnt; best_place = c; }
    }
    for (size_t k = 0; k < n; k++) {
        if (!M[k].actor.code || strcmp(M[k].actor.code, "?")) continue;
        /* an armed group: where it acts, else the place named most */
        const char *c = armed_group_place(r, &M[k]);
        if (!c && M[k].actor.sector && !strcmp(M[k].actor.sector, "REB")) c = best_place;
        if (!c) c = best;
        if (c) M[k].actor.code = c;
        else { lb_actor_ref none = { 0 }; M[k].actor = none; }
    }
    return 0;
}

/* Per token: the first organisation mention with a known actor that starts
 * there, -1. NULL when out of memory. */
static int32_t *orgs_by_token(const act_run *r)
{
    int32_t *at = lb_arena_alloc(&r->doc->arena, r->ntoks * sizeof *at);
    if (!at) return NULL;
    memset(at, 0xff, r->ntoks * sizeof *at);
    const lb_mention *M = r->doc->mentions.items;
    for (size_t q = r->doc->mentions.len; q-- > 0;)
        if (M[q].type == LB_MEN_ORG && M[q].actor.code && strcmp(M[q].actor.code, "?") && M[q].tok0 < r->ntoks)
            at[M[q].tok0] = (int32_t)q;
    return at;
}

/* A person without actor followed by its affiliation ("X, Professor an der
 * Nanyang Technological University", "X von der Deutschen Bank"): the
 * organisation's actor. */
static int affiliations(act_run *r)
{
    int32_t *org_at = NULL;   /* built when first needed */
    lb_mention *M = r->doc->mentions.items;
    size_t n = r->doc->mentions.len;
    const lb_tok *T = r->toks;
    for (size_t k = 0; k < n; k++) {
        if (M[k].type != LB_MEN_PER || M[k].actor.code) continue;
        size_t i = M[k].tok0 + M[k].ntok;
        uint32_t sent = T[M[k].tok0].sent;
        int commas = 0;
        for (size_t j = i; j < r->ntoks && j < i + 12 && T[j].sent == sent; j++) {
            if (T[j].flags & LB_TOK_PUNCT) {
                if (r->doc->text[T[j].start] != ',' || ++commas > 1) break;
                continue;
            }
            if (j == i && !act_fword_is(r, j, KB_FW_AFFPREP)) break;   /* directly after: a preposition or a comma */
            if (act_fword_is(r, j, KB_FW_AFFSTOP)) break;
            if (!r->cover[j] && act_fword_is(r, j, KB_FW_AFFPREP)) {
                size_t o = j + 1;
                if (o < r->ntoks && !r->cover[o] && is_func(r, &T[o])) o++;
                if (o >= r->ntoks || !r->cover[o]) continue;
                if (!org_at && !(org_at = orgs_by_token(r))) return -1;
                if (org_at[o] >= 0) {
                    M[k].actor.code = M[org_at[o]].actor.code;
                    M[k].actor.sector = M[org_at[o]].actor.sector;
                }
                break;
            }
        }
    }
    return 0;
}

/* The office a person mention's holder has on the article's date, when it
 * can stand for a bare title (a named person of the dictionary with a role). */
static const kb_role *holder_role(const act_run *r, const lb_mention *m)
{
    if (m->type != LB_MEN_PER || m->form != LB_FORM_NAME) return NULL;
    int32_t p = person_of(r, m);
    if (p < 0) return NULL;
    const kb_role *ro = kb_role_on(r->kb, (uint32_t)p, r->date);
    return ro && ro->role ? ro : NULL;
}

/* The office holders named so far: per "role" and per "role TAB code" the
 * mention named last (greatest start, then greatest index). Mentions are
 * noted in order of start as a sweep over the titles passes them. */
typedef struct holders {
    act_keymap last;            /* key -> mention index */
    struct holder_pos { uint32_t start, k; } *order;   /* candidates, by start */
    size_t n, next;
    int ready;
} holders;

static size_t holder_key(char *key, size_t cap, const char *role, const char *code)
{
    int w = code ? snprintf(key, cap, "%s\t%s", role, code) : snprintf(key, cap, "%s", role);
    return w < 0 || (size_t)w >= cap ? 0 : (size_t)w;
}

static int holder_set(act_run *r, holders *h, const char *key, size_t len, uint32_t k)
{
    const lb_mention *M = r->doc->mentions.items;
    uint32_t *v = act_keymap_get(&h->last, key, len);
    if (v) {
        if (M[k].start > M[*v].start || (M[k].start == M[*v].start && k > *v)) *v = k;
        return 0;
    }
    char *copy = lb_arena_strndup(&r->doc->arena, key, len);
    return copy ? act_keymap_put(&h->last, copy, len, k) : -1;
}

static int holder_note(act_run *r, holders *h, uint32_t k)
{
    const kb_role *ro = holder_role(r, &((const lb_mention *)r->doc->mentions.items)[k]);
    if (!ro) return 0;
    char key[512];
    size_t n = holder_key(key, sizeof key, ro->role, NULL);
    if (n && holder_set(r, h, key, n, k)) return -1;
    n = ro->code ? holder_key(key, sizeof key, ro->role, ro->code) : 0;
    return n && holder_set(r, h, key, n, k) ? -1 : 0;
}

static int cmp_holder_pos(const void *a, const void *b)
{
    const struct holder_pos *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return x->k < y->k ? -1 : x->k > y->k;
}

/* Notes every mention (of those there when first called) that starts before pos. */
static int holders_before(act_run *r, holders *h, uint32_t pos)
{
    const lb_mention *M = r->doc->mentions.items;
    if (!h->ready) {
        h->ready = 1;
        act_keymap_init(&h->last, &r->doc->arena);
        h->order = lb_arena_alloc(&r->doc->arena, (r->doc->mentions.len + 1) * sizeof *h->order);
        if (!h->order) return -1;
        for (size_t k = 0; k < r->doc->mentions.len; k++)
            if (holder_role(r, &M[k])) h->order[h->n++] = (struct holder_pos){ M[k].start, (uint32_t)k };
        qsort(h->order, h->n, sizeof *h->order, cmp_holder_pos);
    }
    for (; h->next < h->n && h->order[h->next].start < pos; h->next++)
        if (holder_note(r, h, h->order[h->next].k)) return -1;
    return 0;
}

/* "der Präsident", "der Kremlchef": a bare title refers to the last person
 * named before it who holds that office on the article's date. */
static int bare_titles(act_run *r)
{
    const lb_tok *T = r->toks;
    holders h = { 0 };
    for (size_t ci = 0; ci < r->ncand; ci++) {
        size_t i = r->cand[ci];
        if (i < 1) continue;
        if (r->cover[i] || !(r->cls[i] & W_TITLE) || !act_fword_is(r, i - 1, KB_FW_TITLEDET)) continue;
        const kb_title *tt;
        size_t tn = title_at(r, i, &tt);
        if (!tn || !tt->role || !strcmp(tt->role, "other")) continue;
        size_t j = i + tn;
        if (j < r->ntoks && T[j].sent == T[i].sent && (r->cover[j] || name_word(r, j, T[i].sent))) continue;
        if (holders_before(r, &h, T[i].start)) return -1;
        char key[512];
        size_t kn = holder_key(key, sizeof key, tt->role, tt->code);
        const uint32_t *best = kn ? act_keymap_get(&h.last, key, kn) : NULL;
        if (!best) continue;
        lb_actor_ref a = ((const lb_mention *)r->doc->mentions.items)[*best].actor;
        if (!act_add(r, (uint32_t)i, (uint32_t)tn, 0, 0, LB_MEN_PER, LB_FORM_NAME, a)) return -1;
        if (holder_note(r, &h, (uint32_t)(r->doc->mentions.len - 1))) return -1;
    }
    return 0;
}

/* "auf Deutsch", "Englisch lernen": a capitalised bare adjective stem
 * inside a sentence names a language, not a state. */
static void languages(act_run *r)
{
    lb_mention *M = r->doc->mentions.items;
    const lb_tok *T = r->toks;
    for (size_t k = 0; k < r->doc->mentions.len; k++) {
        lb_mention *m = &M[k];
        if (m->type != LB_MEN_LOC || m->form != LB_FORM_DERIV || m->ntok != 1) continue;
        const lb_tok *t = &T[m->tok0];
        if (!(t->flags & LB_TOK_UPPER) || m->tok0 == 0 || T[m->tok0 - 1].sent != t->sent) continue;
        if (m->start != t->start || m->end != t->end || t->norm_len < 6) continue;
        const char *nm = lb_tok_norm(r->doc, t);
        if (memcmp(nm + t->norm_len - 4, "isch", 4) && !(t->norm_len == 7 && !memcmp(nm, "deutsch", 7))) continue;
        m->type = ACT_DEAD;
    }
}

/* One word the lexicon knows as a common noun (sagten Analysten), and no
 * short form of a person named before (Rose after Romani Rose): a group,
 * not a named person. */
static int common_noun(const act_run *r, const lb_mention *m)
{
    if (m->ntok != 1 || !r->morph) return 0;
    const lb_morph *mo = &r->morph[m->tok0];
    if (mo->upos != LB_UPOS_NOUN || !(mo->flags & LB_MF_KNOWN)) return 0;
    const lb_tok *t = &r->toks[m->tok0];
    return !find_local(r, lb_tok_norm(r->doc, t), t->norm_len);
}

/* The full name of an unaffiliated person mention: its text, or for one
 * word the text of a longer such mention ending in it (Zschäpe, Zschäpes
 * after Beate Zschäpe). names maps last words to those mentions. */
static const char *full_name(act_run *r, const act_keymap *names, const lb_mention *m)
{
    const lb_tok *t = &r->toks[m->tok0 + m->ntok - 1];
    const char *nm = lb_tok_norm(r->doc, t);
    const uint32_t *k = m->ntok == 1 ? act_keymap_get(names, nm, t->norm_len) : NULL;
    size_t g = act_gen_strip(nm, t->norm_len);
    if (!k && m->ntok == 1 && g >= 2) k = act_keymap_get(names, nm, g);
    const lb_mention *f = k ? &((const lb_mention *)r->doc->mentions.items)[*k] : m;
    return lb_arena_strndup(&r->doc->arena, r->doc->text + f->start, f->end - f->start);
}

static int unaffiliated(const act_run *r, const lb_mention *m)
{
    return m->type == LB_MEN_PER && m->form == LB_FORM_NAME && !m->actor.code && !common_noun(r, m);
}

/* A named person whose affiliation neither the dictionary, a title nor the
 * context gives (Beate Zschäpe, sagte Müller) acts within the state the
 * article is about: code "?", the state named most (context_codes), and
 * the full name as its name. */
static int unaffiliated_persons(act_run *r)
{
    lb_mention *M = r->doc->mentions.items;
    act_keymap names;
    act_keymap_init(&names, &r->doc->arena);
    for (size_t k = 0; k < r->doc->mentions.len; k++) {
        if (M[k].ntok < 2 || !unaffiliated(r, &M[k])) continue;
        const lb_tok *t = &r->toks[M[k].tok0 + M[k].ntok - 1];
        if (!act_keymap_get(&names, lb_tok_norm(r->doc, t), t->norm_len) &&
            act_keymap_put(&names, lb_tok_norm(r->doc, t), t->norm_len, (uint32_t)k)) return -1;
    }
    for (size_t k = 0; k < r->doc->mentions.len; k++) {
        if (!unaffiliated(r, &M[k])) continue;
        const char *name = full_name(r, &names, &M[k]);
        if (!name) return -1;
        M[k].actor.code = "?";
        M[k].actor.sector = NULL;
        M[k].actor.name = name;
    }
    return 0;
}

int act_resolve(act_run *r)
{
    /* register the persons the dictionary found */
    size_t n0 = r->doc->mentions.len;
    for (size_t k = 0; k < n0; k++) {
        lb_mention *m = &((lb_mention *)r->doc->mentions.items)[k];
        if (m->type == LB_MEN_PER && m->form == LB_FORM_NAME && act_register_person(r, m, person_of(r, m))) return LB_ENOMEM;
    }
    if (titles(r) || first_names(r) || org_names(r) || speech_cues(r)) return LB_ENOMEM;
    if (affiliations(r)) return LB_ENOMEM;
    if (short_forms(r) || bare_titles(r) || acronyms(r)) return LB_ENOMEM;
    languages(r);
    /* guessed names come after the unaffiliated persons: no actor of their own */
    return unaffiliated_persons(r) || act_guess(r) || context_codes(r) ? LB_ENOMEM : LB_OK;
}
