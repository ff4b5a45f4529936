/* entities.c: participants that are not names, from the discourse layer
 * (src/discourse; lb_ref_at in doc.h): a pronoun (er, sie, ihn, they), a
 * description (der 78-Jährige, die Behörde, das Land) or a title that refers
 * to an entity with an actor code becomes an actor group of that code, when
 * no actor mention of its own lies in it. Possessives (sein, ihre) and
 * relative pronouns are no participants of their own: the noun they belong
 * to, or their antecedent, is. */
#include "events/sent.h"
#include <string.h>

/* the morphology of sentence token i, NULL without the layer */
static const lb_morph *morph_at(const ev_sent *s, uint32_t i)
{
    const lb_doc *doc = s->doc;
    uint32_t abs = s->tok0 + i;
    if (doc->morph.len != doc->toks.len || abs >= doc->morph.len) return NULL;
    return &LB_MORPH(doc)[abs];
}

/* a pronoun that names no participant of its own: a possessive (sein Land,
 * their leaders), a relative or demonstrative pronoun (Putin, der ...: the
 * antecedent acts; das sei ...), an expletive es/it */
static int attributive_pronoun(const ev_sent *s, uint32_t i)
{
    const lb_morph *mo = morph_at(s, i);
    if (s->t[i].cue & (EV_C_POSSPRON | EV_C_REL)) return 1;
    if (!mo) return 0;
    if (mo->upos == LB_UPOS_DET || LB_FEAT_GET(mo->feats, POSS)) return 1;
    uint32_t pt = LB_FEAT_GET(mo->feats, PRONTYPE);
    if (pt && pt != LB_PRONTYPE_PRS) return 1;
    /* es, it: mostly expletive (es gibt, heißt es) */
    return LB_FEAT_GET(mo->feats, GENDER) == LB_GENDER_NEUT && LB_FEAT_GET(mo->feats, NUMBER) != LB_NUMBER_PLUR;
}

/* any token of [a, b) lies in an actor group already */
static int has_group(const ev_sent *s, uint32_t a, uint32_t b)
{
    for (int gi = 0; gi < s->ng; gi++)
        if (s->g[gi].t0 < b && s->g[gi].t1 > a) return 1;
    return 0;
}

/* a group noun (Polizei, Regierung) in [a, b): the group-noun rules decide it */
static int has_group_noun(const ev_sent *s, uint32_t a, uint32_t b)
{
    for (uint32_t j = a; j < b; j++) if (s->t[j].gsec >= 0) return 1;
    return 0;
}

/* the sector of the first group noun in [a, b) (die Regierung: GOV), or NULL */
static const char *noun_sector(const ev_sent *s, uint32_t a, uint32_t b)
{
    for (uint32_t j = a; j < b; j++) if (s->t[j].gsec >= 0) return s->rules->sectors[s->t[j].gsec];
    return NULL;
}

/* an actor group before token i in the sentence (not a place): the clause
 * rules inherit a pronoun's antecedent from it */
static int earlier_actor(const ev_sent *s, uint32_t i)
{
    for (int gi = 0; gi < s->ng; gi++) {
        const ev_group *g = &s->g[gi];
        if (g->t1 > i) break;
        /* (a place after its preposition: in Havanna hatte er ...; the
         * groups' prepositions are not set yet) */
        int loc = 1;
        for (int q = 0; q < g->nmen; q++) if (ev_men(s, g->men[q])->type != LB_MEN_LOC) loc = 0;
        uint32_t j = g->t0;
        if (j > 0 && (s->t[j - 1].cue & EV_C_DET)) j--;
        if (!(loc && j > 0 && (s->t[j - 1].cue & EV_C_PLACE))) return 1;
    }
    return 0;
}

/* a pronoun in the accusative or dative (ihn, ihm): no subject the clause
 * rules could inherit */
static int object_pronoun(const ev_sent *s, uint32_t i)
{
    const lb_morph *mo = morph_at(s, i);
    uint32_t c = mo ? LB_FEAT_GET(mo->feats, CASE) : 0;
    return c == LB_CASE_ACC || c == LB_CASE_DAT;
}

/* an earlier group of the sentence names entity E (er ... ihn: the object
 * pronoun adds no second participant of its own) */
static int earlier_same(const ev_sent *s, uint32_t i, const lb_entity *E)
{
    for (int gi = 0; gi < s->ng && s->g[gi].t1 <= i; gi++)
        for (int q = 0; q < s->g[gi].nmen; q++) {
            const char *n = ev_men(s, s->g[gi].men[q])->actor.name;
            if (n && E->name && !strcmp(n, E->name)) return 1;
        }
    return 0;
}

/* the finite verb next to token i (sie droht, droht sie; haben sie) gives
 * its pronoun subject the plural (haben, drohen; lb_morph_subject_number) */
static int plural_verb_next(const ev_sent *s, uint32_t i)
{
    for (int d = -1; d <= 1; d += 2) {
        if ((d < 0 && i == 0) || (d > 0 && i + 1 >= s->n)) continue;
        const lb_morph *mo = morph_at(s, d < 0 ? i - 1 : i + 1);
        if (!mo || (mo->upos != LB_UPOS_VERB && mo->upos != LB_UPOS_AUX)
            || LB_FEAT_GET(mo->feats, VERBFORM) != LB_VERBFORM_FIN) continue;
        return lb_morph_subject_number(mo) == LB_NUMBER_PLUR;
    }
    return 0;
}

/* a pronoun, not masculine, resolved to a state (die Türkei ... sie droht)
 * that is no plural (die USA): a state may act through it. Not the plural
 * sie/ihnen (its finite verb is plural), and not er/ihm, which in news mostly
 * means a person, so that a masculine state (der Irak) it was resolved to
 * is a guess for want of one */
static int state_pronoun(const ev_sent *s, uint32_t i, const lb_entity *E)
{
    const lb_morph *mo = morph_at(s, i);
    if (!mo || LB_FEAT_GET(mo->feats, GENDER) == LB_GENDER_MASC || E->number == LB_NUMBER_PLUR) return 0;
    if (LB_FEAT_GET(mo->feats, NUMBER) == LB_NUMBER_PLUR) return 0;
    return !plural_verb_next(s, i);
}

static int ref_wanted(const ev_sent *s, const lb_ref *r, const lb_entity *E, uint32_t a, uint32_t b)
{
    /* (a pronoun names a person or an organisation: a state or place it
     * points to is mostly a wrong guess of the plural sie/ihnen) */
    /* (a plural finite verb next to it - sie sollen - agrees with no singular entity) */
    if (r->kind == LB_REF_PRON)
        return !attributive_pronoun(s, a) && (E->type != LB_MEN_LOC || state_pronoun(s, a, E))
               && (E->number == LB_NUMBER_PLUR || !plural_verb_next(s, a))
               && (object_pronoun(s, a) ? !earlier_same(s, a, E) : !earlier_actor(s, a));
    /* (a description with a group noun takes its state from the entity the
     * discourse layer resolved it to - der Minister: Lawrow's state, not the
     * dateline's - unless its phrase names a seat: die Regierung in Damaskus,
     * see groups.c; appositions and names stand next to their own actor mention) */
    return r->kind == LB_REF_DESC && !(has_group_noun(s, a, b) && b < s->n && (s->t[b].cue2 & EV_C2_SEAT));
}

void ev_discourse_groups(ev_sent *s)
{
    const lb_doc *doc = s->doc;
    if (!doc->tok_ref) return;
    for (uint32_t i = 0; i < s->n && s->ng < EV_MAX_SENT_TOKS && s->nxm < EV_MAX_SENT_TOKS; i++) {
        const lb_ref *r = lb_ref_at(doc, s->tok0 + i);
        if (!r || r->tok0 < s->tok0 + i) continue;      /* (its first token only) */
        const lb_entity *E = lb_entity_at(doc, s->tok0 + i);
        if (!E || !E->actor.code || !*E->actor.code) continue;
        uint32_t a = i, b = r->tok0 + r->ntok - s->tok0;
        if (b > s->n) b = s->n;
        if (b <= a || has_group(s, a, b) || !ref_wanted(s, r, E, a, b)) continue;
        uint32_t k = ev_add_group(s, a, b, E->actor.code, E->actor.sector);
        lb_mention *m = &s->xm[k - doc->mentions.len];
        m->actor = E->actor;
        if (!m->actor.name) m->actor.name = E->name;
        /* (a state's group noun: die Regierung, die Armee - the noun's sector) */
        if (!m->actor.sector) m->actor.sector = noun_sector(s, a, b);
        m->type = E->type;
        i = b - 1;
    }
}

/* token i is a noun that may be a plural subject (die Milizen haben ...):
 * not singular, nominative (an unknown word may lack the number) */
static int plural_nominative(const ev_sent *s, uint32_t i)
{
    const lb_morph *mo = morph_at(s, i);
    return mo && LB_FEAT_GET(mo->feats, NUMBER) != LB_NUMBER_SING && LB_FEAT_GET(mo->feats, CASE) == LB_CASE_NOM;
}

void ev_note_plural_subject(ev_sent *s)
{
    if (s->lang != EV_DE) return;
    for (int gi = 0; gi < s->ng; gi++) {
        const ev_group *g = &s->g[gi];
        uint32_t head = g->t1 - 1;
        if (g->prep >= 0 || g->nmen != 1 || s->t[head].gsec < 0 || !plural_nominative(s, head)) continue;
        const lb_mention *m = ev_men(s, g->men[0]);
        if (!m->actor.code) continue;
        s->plur_code = m->actor.code; s->plur_sector = m->actor.sector; s->plur_si = s->si + 1;
        return;
    }
}

void ev_resumed_plural_groups(ev_sent *s)
{
    if (s->lang != EV_DE || !s->plur_si || s->plur_si != s->si) return;    /* (the sentence just before only) */
    for (uint32_t i = 0; i < s->n && s->nxm < EV_MAX_SENT_TOKS && s->ng < EV_MAX_SENT_TOKS; i++) {
        if (!(s->t[i].cue2 & EV_C2_PLURPRON) || has_group(s, i, i + 1)) continue;
        /* (a subject: its finite verb next to it is plural - sie sollen, nehmen sie) */
        if (!plural_verb_next(s, i) || object_pronoun(s, i) || earlier_actor(s, i)) continue;
        ev_add_group(s, i, i + 1, s->plur_code, s->plur_sector);
        return;
    }
}
