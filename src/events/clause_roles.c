/* clause_roles.c: reads the roles of a verb trigger's clause from the clause
 * layer (src/syntax: subject, accusative and dative object, passive agent,
 * voice) and maps each role's phrase to the events stage's actor group that
 * lies in it. Word order then no longer decides roles where the clause layer
 * has analysed the clause. */
#include "events/sent.h"
#include "text/text.h"
#include <string.h>

/* the actor group inside phrase ph (its head first, then any token; a
 * relative pronoun: its antecedent's), or -1 */
static int group_of_phrase(const ev_sent *s, int32_t ph)
{
    const lb_doc *doc = s->doc;
    if (ph < 0 || (size_t)ph >= doc->phrases.len) return -1;
    const lb_phrase *P = &LB_PHRASES(doc)[ph];
    if (P->antecedent >= 0 && (size_t)P->antecedent < doc->phrases.len) {
        int a = group_of_phrase(s, P->antecedent);
        if (a >= 0) return a;
    }
    if (P->head >= s->tok0 && P->head < s->tok0 + s->n && s->t[P->head - s->tok0].group >= 0)
        return s->t[P->head - s->tok0].group;
    /* else a name inside it (Moskaus Behauptungen), not a state adjective (die chinesische Unterstützung) */
    for (uint32_t k = P->tok0; k < P->tok0 + P->ntok; k++) {
        if (k < s->tok0 || k >= s->tok0 + s->n || s->t[k - s->tok0].group < 0) continue;
        const ev_group *g = &s->g[s->t[k - s->tok0].group];
        if (g->nmen && ev_men(s, g->men[0])->form != LB_FORM_DERIV) return s->t[k - s->tok0].group;
    }
    return -1;
}

static int common_noun_head(const ev_sent *s, int32_t ph)
{
    const lb_doc *doc = s->doc;
    const lb_phrase *P = &LB_PHRASES(doc)[ph];
    if (P->head >= doc->morph.len) return 0;
    return LB_MORPH(doc)[P->head].upos == LB_UPOS_NOUN || group_of_phrase(s, ph) >= 0;
}

/* phrase ph names a person: its head is a personal or relative pronoun (not
 * es/it) or a name, or the discourse layer resolved it to a person (a virus,
 * a storm or a theatre are no attackers: GUIDELINES §1) */
static int personal_phrase(const lb_doc *doc, int32_t ph)
{
    if (ph < 0 || (size_t)ph >= doc->phrases.len) return 0;
    const lb_phrase *P = &LB_PHRASES(doc)[ph];
    if (P->antecedent >= 0 && (size_t)P->antecedent < doc->phrases.len && P->head < doc->toks.len) {
        /* a relative pronoun: English who names a person; else its antecedent
         * does (or is a masculine plural noun: die Männer, die ...) */
        const lb_tok *h = &LB_TOKS(doc)[P->head];
        if (h->norm_len == 3 && !memcmp(lb_tok_norm(doc, h), "who", 3)) return 1;
        const lb_phrase *A = &LB_PHRASES(doc)[P->antecedent];
        if (A->head < doc->morph.len && P->antecedent != ph) {
            const lb_morph *am = &LB_MORPH(doc)[A->head];
            if (am->upos == LB_UPOS_NOUN && LB_FEAT_GET(am->feats, NUMBER) == LB_NUMBER_PLUR && LB_FEAT_GET(am->feats, GENDER) == LB_GENDER_MASC) return 1;
            if (A->antecedent < 0) return personal_phrase(doc, P->antecedent);
        }
    }
    if (P->head < doc->morph.len) {
        const lb_morph *m = &LB_MORPH(doc)[P->head];
        uint32_t pt = LB_FEAT_GET(m->feats, PRONTYPE);
        int neut_sg = LB_FEAT_GET(m->feats, GENDER) == LB_GENDER_NEUT && LB_FEAT_GET(m->feats, NUMBER) != LB_NUMBER_PLUR;
        if (m->upos == LB_UPOS_PRON && (pt == LB_PRONTYPE_PRS || pt == LB_PRONTYPE_REL) && !neut_sg) return 1;
        /* (a name, not a place: the dateline of "Paris – Der Sturm ...") */
        const lb_entity *E = lb_entity_at(doc, P->head);
        if (m->upos == LB_UPOS_PROPN && !(E && E->type == LB_MEN_LOC)) return 1;
    }
    for (uint32_t k = P->tok0; k < P->tok0 + P->ntok && k < doc->toks.len; k++) {
        const lb_entity *E = lb_entity_at(doc, k);
        if (E && E->type == LB_MEN_PER) return 1;
    }
    return 0;
}

const lb_clause *ev_clause_at(const ev_sent *s, uint32_t t)
{
    const lb_doc *doc = s->doc;
    uint32_t abs = s->tok0 + t;
    if (doc->morph.len != doc->toks.len || !doc->clauses.len || abs >= doc->morph.len) return NULL;
    int32_t ci = LB_MORPH(doc)[abs].clause;
    return ci < 0 || (size_t)ci >= doc->clauses.len ? NULL : &LB_CLAUSES(doc)[ci];
}

int ev_clause_roles(const ev_sent *s, uint32_t t, ev_clause_roles_t *out)
{
    const lb_doc *doc = s->doc;
    uint32_t abs = s->tok0 + t;
    const lb_clause *c = ev_clause_at(s, t);
    if (!c) return 0;
    /* the trigger must be the clause's verb (lexical, finite or its separated particle) */
    if ((int32_t)abs != c->verb && (int32_t)abs != c->fin && (int32_t)abs != c->particle) return 0;
    /* a subject without an actor counts only when it is a common noun (Unbekannte,
     * der Mann); a pronoun or an unknown name leaves it to the discourse rules */
    out->has_subj = c->subj >= 0 && common_noun_head(s, c->subj);
    out->any_subj = c->subj >= 0;
    out->finite = c->fin >= 0;
    out->personal_subj = personal_phrase(doc, c->subj);
    out->has_obj = c->obj >= 0 || c->iobj >= 0;
    out->subj = group_of_phrase(s, c->subj);
    out->obj = group_of_phrase(s, c->obj);
    out->iobj = group_of_phrase(s, c->iobj);
    out->agent = group_of_phrase(s, c->agent);
    out->passive = c->voice == LB_VOICE_PASS;
    return 1;
}

/* The actor groups of the subject, accusative object and passive agent of the
 * clause that token t stands in (t need not be its verb: an event noun's
 * clause), -1 none; subj -2 when the clause has no subject phrase at all (the
 * layer did not find it); 0 when the clause layer did not analyse the clause. */
int ev_clause_core_groups(const ev_sent *s, uint32_t t, int *subj, int *obj, int *agent)
{
    const lb_clause *c = ev_clause_at(s, t);
    if (!c) return 0;
    *subj = c->subj < 0 ? -2 : group_of_phrase(s, c->subj);     /* -2: no subject found */
    *obj = group_of_phrase(s, c->obj);
    *agent = group_of_phrase(s, c->agent);
    return 1;
}
