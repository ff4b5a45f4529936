/* dent.c: entities from names. An actor mention joins the entity of an
 * earlier mention with the same canonical actor name, the same full name, or
 * (a one-word name) the same surname or first name: Xi Jinping, Xi, Xis.
 * The name table is a small open-addressing hash in the document arena,
 * keyed by 64-bit hashes of "kind|type|folded words". Also the bookkeeping
 * every ref shares: tok_ref, the recency list. */
#include "discourse/dint.h"
#include "text/text.h"
#include <string.h>

enum { K_ACTOR = 'A', K_FULL = 'F', K_SUR = 'S', K_GIVEN = 'G' };

static uint64_t key_hash(char kind, uint8_t type, const char *p, size_t n)
{
    uint64_t h = lb_hash_bytes(p, n);
    h ^= ((uint64_t)(unsigned char)kind << 56) ^ ((uint64_t)type << 48);
    h *= 0x100000001b3ULL;
    return h ? h : 1;
}

static int32_t table_get(const dstate *s, uint64_t h)
{
    for (uint32_t k = (uint32_t)h & (s->hcap - 1);; k = (k + 1) & (s->hcap - 1)) {
        if (!s->hkey[k]) return -1;
        if (s->hkey[k] == h) return s->hval[k];
    }
}

/* adds h -> e unless h is there; the table never fills (caller sized it) */
static void table_put(dstate *s, uint64_t h, int32_t e)
{
    for (uint32_t k = (uint32_t)h & (s->hcap - 1);; k = (k + 1) & (s->hcap - 1)) {
        if (s->hkey[k] == h) return;
        if (!s->hkey[k]) { s->hkey[k] = h; s->hval[k] = e; return; }
    }
}

/* the folded words of tokens [a, b), one space between */
static size_t folded_words(const dstate *s, uint32_t a, uint32_t b, char *out, size_t cap)
{
    size_t n = 0;
    for (uint32_t k = a; k < b; k++) {
        const lb_tok *t = &s->t[k];
        if (!(t->flags & LB_TOK_WORD)) continue;
        if (n + t->norm_len + 1 > cap) break;
        if (n) out[n++] = ' ';
        memcpy(out + n, lb_tok_norm(s->doc, t), t->norm_len);
        n += t->norm_len;
    }
    return n;
}

/* German: the feminine nominative article (die) stands before name m, over
 * adjectives, while the lexicon reads its head masculine or neuter: the name
 * is a plural (die Taliban, die radikalislamischen Huthi), as "die" is no
 * masculine or neuter singular article (Duden Grammatik, definite article) */
static int plural_by_article(const dstate *s, const lb_mention *m, uint32_t g)
{
    if (s->lang == DL_EN || (g != LB_GENDER_MASC && g != LB_GENDER_NEUT)) return 0;
    for (uint32_t k = 1; k <= 3 && m->tok0 >= k; k++) {
        uint32_t j = m->tok0 - k;
        if (d_cls(s, j) & (DC_ART_M | DC_ART_N)) return 0;
        if (d_cls(s, j) & DC_ART_F) return 1;
        const lb_morph *mo = d_morph(s, j);
        if (!mo || mo->upos != LB_UPOS_ADJ) return 0;
    }
    return 0;
}

/* agreement of a new organisation or state: its head word's gender and
 * number (die Regierung: feminine; die USA: plural), else a default */
static uint32_t org_agree(const dstate *s, const lb_mention *m)
{
    if (s->lang == DL_EN) return DC_N | DC_PL;
    const lb_morph *mo = d_morph(s, m->tok0 + m->ntok - 1);
    uint32_t g = mo ? LB_FEAT_GET(mo->feats, GENDER) : 0, num = mo ? LB_FEAT_GET(mo->feats, NUMBER) : 0;
    if (num == LB_NUMBER_PLUR || plural_by_article(s, m, g)) return DC_PL;
    if (g == LB_GENDER_MASC) return DC_M;
    if (g == LB_GENDER_FEM) return DC_F;
    if (g == LB_GENDER_NEUT || m->type == LB_MEN_LOC) return DC_N;
    return DC_N | DC_F | DC_PL;
}

/* a person's gender from the first of two or more name words the lexicon knows */
static uint32_t person_agree(const dstate *s, const lb_mention *m, int8_t *known)
{
    *known = 0;
    if (m->ntok >= 2) {
        const lb_morph *mo = d_morph(s, m->tok0);
        if (mo && (mo->flags & LB_MF_KNOWN) && mo->upos == LB_UPOS_PROPN) {
            uint32_t g = LB_FEAT_GET(mo->feats, GENDER);
            if (g == LB_GENDER_MASC) { *known = 1; return DC_M; }
            if (g == LB_GENDER_FEM) { *known = 1; return DC_F; }
        }
    }
    return DC_M | DC_F;
}

/* A new entity (the caller checked that the table has room) of the actor,
 * type, first token and name given, its working state zeroed; -1 when out
 * of memory (name NULL: its copy failed). */
static int32_t push_entity(dstate *s, lb_actor_ref actor, uint8_t type, uint32_t first_tok, const char *name)
{
    lb_entity *E = name ? lb_vec_push(&s->doc->entities, &s->doc->arena) : NULL;     /* (zeroed) */
    if (!E) return -1;
    int32_t e = (int32_t)(s->doc->entities.len - 1);
    E->actor = actor;
    E->type = type;
    E->first_tok = first_tok;
    E->name = name;
    memset(&s->ent[e], 0, sizeof s->ent[e]);
    return e;
}

static int32_t new_entity(dstate *s, const lb_mention *m)
{
    if (s->doc->entities.len >= s->ncap) return -1;
    const char *name = m->actor.name ? m->actor.name
                                     : lb_arena_strndup(&s->doc->arena, s->doc->text + m->start, m->end - m->start);
    int32_t e = push_entity(s, m->actor, m->type, m->tok0, name);
    if (e < 0) return -1;
    lb_entity *E = &LB_ENTITIES(s->doc)[e];
    dent *d = &s->ent[e];
    d->agree = m->type == LB_MEN_PER ? person_agree(s, m, &d->gender_known) : org_agree(s, m);
    if (m->type != LB_MEN_PER) d->gender_known = 1;
    if (m->type == LB_MEN_PER && d->gender_known) E->gender = d->agree == DC_F ? LB_GENDER_FEM : LB_GENDER_MASC;
    if (m->type != LB_MEN_PER && d->agree == DC_PL) E->number = LB_NUMBER_PLUR;
    return e;
}

/* agreement of a description's head noun h by its gender (number: the
 * caller took singulars only); def when the morphology gives none */
static uint32_t head_agree(const dstate *s, uint32_t h, uint32_t def)
{
    const lb_morph *mo = d_morph(s, h);
    uint32_t g = mo ? LB_FEAT_GET(mo->feats, GENDER) : 0;
    return g == LB_GENDER_MASC ? DC_M : g == LB_GENDER_FEM ? DC_F : g == LB_GENDER_NEUT ? DC_N : def;
}

int32_t d_desc_entity(dstate *s, uint32_t a, uint32_t h, uint32_t cls, const lb_mention *m)
{
    /* (persons only: an organisation noun's "sie" is as often a plural or
     * a thing - die Deutsche Herzstiftung ... Beschwerden ... sie) */
    if (!(cls & DC_PER) || (cls & DC_PER_ANY)) return -1;
    const lb_morph *hm = d_morph(s, h), *am = d_morph(s, a);
    if (!hm || LB_FEAT_GET(hm->feats, NUMBER) == LB_NUMBER_PLUR) return -1;     /* a group: die russischen Beamten */
    /* a nominative, as a subject or apposition introduces someone (the
     * genitive of "eine Sprecherin des deutschen Finanzministers" is a third party) */
    if (s->lang != DL_EN && (!am || LB_FEAT_GET(am->feats, CASE) != LB_CASE_NOM)) return -1;
    if (s->doc->entities.len >= s->ncap || a + 1 > h) return -1;
    size_t from = s->t[a + 1].start, to = s->t[h].end;
    int32_t e = push_entity(s, m->actor, LB_MEN_PER, a, lb_arena_strndup(&s->doc->arena, s->doc->text + from, to - from));
    if (e < 0) return -2;
    lb_entity *E = &LB_ENTITIES(s->doc)[e];
    dent *d = &s->ent[e];
    d->agree = head_agree(s, h, DC_M | DC_F);
    d->gender_known = d->agree == DC_M || d->agree == DC_F;
    if (d->gender_known) E->gender = d->agree == DC_F ? LB_GENDER_FEM : LB_GENDER_MASC;
    d->role_tok = h + 1;
    return e;
}

int32_t d_name_entity(dstate *s, const lb_mention *m)
{
    char buf[512];
    uint8_t ty = m->type;
    uint64_t ha = m->actor.name ? key_hash(K_ACTOR, ty, m->actor.name, strlen(m->actor.name)) : 0;
    size_t fn = folded_words(s, m->tok0, m->tok0 + m->ntok, buf, sizeof buf);
    uint64_t hf = key_hash(K_FULL, ty, buf, fn);
    const lb_tok *first = &s->t[m->tok0], *last = &s->t[m->tok0 + m->ntok - 1];
    uint64_t hs = key_hash(K_SUR, ty, lb_tok_norm(s->doc, last), last->norm_len);
    uint64_t hg = key_hash(K_GIVEN, ty, lb_tok_norm(s->doc, first), first->norm_len);
    int32_t e = ha ? table_get(s, ha) : -1;
    if (e < 0) e = table_get(s, hf);
    if (e < 0 && ty == LB_MEN_PER && m->ntok == 1) {
        e = table_get(s, hs);
        if (e < 0) e = table_get(s, hg);
        if (e < 0 && last->norm_len > 2 && lb_tok_norm(s->doc, last)[last->norm_len - 1] == 's')   /* Putins */
            e = table_get(s, key_hash(K_SUR, ty, lb_tok_norm(s->doc, last), last->norm_len - 1));
    }
    if (e < 0) {
        e = new_entity(s, m);
        if (e < 0) return -1;
    } else if (!m->actor.name && !LB_ENTITIES(s->doc)[e].actor.name && m->end - m->start > strlen(LB_ENTITIES(s->doc)[e].name)) {
        LB_ENTITIES(s->doc)[e].name = lb_arena_strndup(&s->doc->arena, s->doc->text + m->start, m->end - m->start);
        if (!LB_ENTITIES(s->doc)[e].name) return -1;
    }
    lb_entity *E = &LB_ENTITIES(s->doc)[e];
    if (!E->actor.code && m->actor.code) E->actor = m->actor;
    /* (a later "die Taliban" shows the plural a first "den Taliban" did not) */
    if (ty != LB_MEN_PER && s->ent[e].agree != DC_PL) {
        const lb_morph *mo = d_morph(s, m->tok0 + m->ntok - 1);
        if (mo && plural_by_article(s, m, LB_FEAT_GET(mo->feats, GENDER))) { s->ent[e].agree = DC_PL; E->number = LB_NUMBER_PLUR; }
    }
    if (ha) table_put(s, ha, e);
    table_put(s, hf, e);
    /* the first word stands for the whole only for a listed person (Xi for Xi
     * Jinping): an unknown two-word name may be a name and a noun */
    if (ty == LB_MEN_PER) { table_put(s, hs, e); if (m->ntok > 1 && m->actor.name) table_put(s, hg, e); }
    return e;
}

int d_add_ref(dstate *s, uint32_t a, uint32_t b, int32_t e, uint8_t kind)
{
    lb_ref *r = lb_vec_push(&s->doc->refs, &s->doc->arena);
    if (!r) return -1;
    r->tok0 = a; r->ntok = b - a; r->entity = e; r->kind = kind;
    int32_t id = (int32_t)(s->doc->refs.len - 1);
    for (uint32_t k = a; k < b && k < s->n; k++) s->doc->tok_ref[k] = id;
    if (e >= 0) LB_ENTITIES(s->doc)[e].nrefs++;
    return 0;
}

void d_touch(dstate *s, int32_t e, uint32_t tok)
{
    dent *d = &s->ent[e];
    /* a possessive has no role of its own (its phrase's role is the
     * possessed thing's): after the subject (Nordkorea verschärft seine
     * Drohungen) the entity stays the subject of its sentence */
    const lb_morph *pm = d_morph(s, tok);
    int subj_before = d->last_subj && d->last_sent == s->t[tok].sent && d->last_tok <= tok && pm &&
                      pm->upos == LB_UPOS_DET && LB_FEAT_GET(pm->feats, POSS);
    d->last_tok = tok;
    d->last_sent = s->t[tok].sent;
    const lb_morph *mo = d_morph(s, tok);
    /* the role of its phrase, through appositions and conjuncts to the phrase
     * that has one (der Parteichef Jarosław Kaczyński: the subject) */
    int32_t ph = mo ? mo->phrase : -1;
    const lb_phrase *P = LB_PHRASES(s->doc);
    for (int up = 0; up < 3 && ph >= 0 && (size_t)ph < s->doc->phrases.len &&
                     (P[ph].role == LB_ROLE_APPOS || P[ph].role == LB_ROLE_CONJ); up++)
        ph = P[ph].parent;
    int ok = ph >= 0 && (size_t)ph < s->doc->phrases.len;
    /* a subject, or a nominative the clause layer left without a role */
    d->last_subj = ok && (P[ph].role == LB_ROLE_SUBJ ||
                          (P[ph].role == LB_ROLE_NONE && LB_FEAT_GET(P[ph].feats, CASE) == LB_CASE_NOM));
    /* a dateline ("Warschau – …") is no subject */
    if (ok && P[ph].tok0 == LB_SENTS(s->doc)[s->t[tok].sent].tok0 && tok + 1 < s->n && (s->t[tok + 1].flags & LB_TOK_DASH))
        d->last_subj = 0;
    if (subj_before) d->last_subj = 1;
    uint32_t k = 0;
    while (k < s->nrecent && s->recent[k] != e) k++;
    if (k == s->nrecent && s->nrecent < D_RECENT) s->nrecent++;
    if (k >= D_RECENT) k = D_RECENT - 1;
    memmove(&s->recent[1], &s->recent[0], k * sizeof s->recent[0]);
    s->recent[0] = e;
}

int32_t d_person_by_name(const dstate *s, uint32_t i)
{
    const lb_tok *t = &s->t[i];
    const char *w = lb_tok_norm(s->doc, t);
    int32_t e = table_get(s, key_hash(K_SUR, LB_MEN_PER, w, t->norm_len));
    if (e < 0) e = table_get(s, key_hash(K_FULL, LB_MEN_PER, w, t->norm_len));
    if (e < 0 && t->norm_len > 2 && w[t->norm_len - 1] == 's')   /* Zschäpes */
        e = table_get(s, key_hash(K_SUR, LB_MEN_PER, w, t->norm_len - 1));
    return e;
}
