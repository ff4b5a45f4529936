/* emit.c: appends coded events to the document: one event per type,
 * participants, flags and date per sentence (duplicates dropped), the other
 * direction of a mutual act, and the removal of one-sided events a directed
 * event of the sentence covers. */
#include "events/code.h"
#include "text/text.h"
#include <string.h>

int ev_has_code(const lb_actor_ref *a, int n, const char *code)
{
    for (int i = 0; i < n; i++) if (!strcmp(a[i].code, code)) return 1;
    return 0;
}

/* a person with only a home code (no office on the article's date) named in
 * one group with an international body (der Menschenrechtskommissar des
 * Europarats, Nils Muiznieks; the UN envoy X): acts for that body, not for
 * the home state (GUIDELINES §1) */
static int acts_for_body(const ev_sent *s, const ev_group *g, const lb_mention *m)
{
    if (m->type != LB_MEN_PER) return 0;
    for (int k = 0; k < g->nmen; k++) {
        const lb_mention *o = ev_men(s, g->men[k]);
        if (o == m || o->type == LB_MEN_PER || !o->actor.code || ev_state_code(o->actor.code)) continue;
        if (!m->actor.sector) return 1;
        /* (a person with an office of a state too: only when the body's office
         * stands in apposition right before the name, der Kommissar des
         * Europarats, Nils M.: the office the article gives) */
        uint32_t e = o->tok0 + (o->ntok ? o->ntok : 1);
        const lb_tok *c = &LB_TOKS(s->doc)[e];
        if (e + 1 == m->tok0 && ev_is_comma(s->doc, c)) return 1;
    }
    return 0;
}

/* an organisation name right before another one of a different code (die
 * Linkspartei Podemos, die Regierungspartei AKP): a descriptor in apposition,
 * the name after it says who acts */
static int descriptor_before_name(const ev_sent *s, const ev_group *g, int k)
{
    if (k + 1 >= g->nmen) return 0;
    const lb_mention *m = ev_men(s, g->men[k]), *n = ev_men(s, g->men[k + 1]);
    return m->type == LB_MEN_ORG && n->type == LB_MEN_ORG && n->tok0 == m->tok0 + m->ntok
           && strcmp(m->actor.code, n->actor.code);
}

void ev_add_refs(const ev_sent *s, int gi, lb_actor_ref *out, uint8_t *n, const lb_actor_ref *not, int nnot)
{
    if (gi < 0) return;
    const ev_group *g = &s->g[gi];
    for (int k = 0; k < g->nmen && *n < LB_MAX_EVENT_PARTIES; k++) {
        const lb_mention *m = ev_men(s, g->men[k]);
        if (ev_has_code(out, *n, m->actor.code) || ev_has_code(not, nnot, m->actor.code)) continue;
        if (g->nmen > 1 && (acts_for_body(s, g, m) || descriptor_before_name(s, g, k))) continue;
        out[(*n)++] = m->actor;
    }
}

int ev_symmetric(const char *type)
{
    return !strcmp(type, "AGREE") || !strcmp(type, "CONSULT") || !strcmp(type, "COOPERATE");
}

static int set_equal(const lb_actor_ref *a, int na, const lb_actor_ref *b, int nb)
{
    if (na != nb) return 0;
    for (int i = 0; i < na; i++) if (!ev_has_code(b, nb, a[i].code)) return 0;
    return 1;
}

static int ev_duplicate(const lb_doc *doc, const lb_event *e)
{
    for (size_t i = doc->events.len; i-- > 0;) {
        const lb_event *o = &LB_EVENTS(doc)[i];
        if (o->sent != e->sent) break;
        if (strcmp(o->type, e->type) || o->negated != e->negated || o->hypothetical != e->hypothetical) continue;
        if ((o->date == NULL) != (e->date == NULL) || (o->date && strcmp(o->date, e->date))) continue;
        if (ev_symmetric(e->type)) {
            lb_actor_ref u1[2 * LB_MAX_EVENT_PARTIES], u2[2 * LB_MAX_EVENT_PARTIES];
            int n1 = 0, n2 = 0;
            for (int k = 0; k < o->nactor; k++) if (!ev_has_code(u1, n1, o->actor[k].code)) u1[n1++] = o->actor[k];
            for (int k = 0; k < o->nrecipient; k++) if (!ev_has_code(u1, n1, o->recipient[k].code)) u1[n1++] = o->recipient[k];
            for (int k = 0; k < e->nactor; k++) if (!ev_has_code(u2, n2, e->actor[k].code)) u2[n2++] = e->actor[k];
            for (int k = 0; k < e->nrecipient; k++) if (!ev_has_code(u2, n2, e->recipient[k].code)) u2[n2++] = e->recipient[k];
            if (set_equal(u1, n1, u2, n2)) return 1;
        } else if (set_equal(o->actor, o->nactor, e->actor, e->nactor)
                   && set_equal(o->recipient, o->nrecipient, e->recipient, e->nrecipient)) return 1;
    }
    return 0;
}

int ev_emit(lb_doc *doc, const lb_event *e, int mutual)
{
    if (!ev_duplicate(doc, e)) {
        lb_event *slot = lb_vec_push(&doc->events, &doc->arena);
        if (!slot) return -1;
        *slot = *e;
    }
    /* mutual action of a directed type (unterstützen einander): the other direction too */
    if (mutual && !ev_symmetric(e->type) && e->nactor && e->nrecipient) {
        lb_event m = *e;
        memcpy(m.actor, e->recipient, sizeof m.actor); m.nactor = e->nrecipient;
        memcpy(m.recipient, e->actor, sizeof m.recipient); m.nrecipient = e->nactor;
        if (!ev_duplicate(doc, &m)) {
            lb_event *slot = lb_vec_push(&doc->events, &doc->arena);
            if (!slot) return -1;
            *slot = m;
        }
    }
    return 0;
}

/* an event of the actor's own state aimed at its own government (the
 * counterpart of a demand with none named: forderte X) that an event of the
 * same type, flags and actors aimed at another side covers (Russland müsse
 * abziehen, forderte Macron: one demand, of Russia) */
static int own_counterpart_covered(const lb_event *E, size_t from, size_t n, size_t i)
{
    const lb_event *e = &E[i];
    /* (speech acts only: two material acts - an arrest at home, a charge abroad - are two events) */
    static const char *const VERBAL[] = { "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT", "CONCEDE", NULL };
    int verbal = 0;
    for (int k = 0; VERBAL[k]; k++) verbal |= !strcmp(e->type, VERBAL[k]);
    if (!verbal || e->nrecipient != 1 || !e->nactor || !ev_has_code(e->actor, e->nactor, e->recipient[0].code)) return 0;
    for (size_t j = from; j < n; j++) {
        const lb_event *o = &E[j];
        if (j == i || !o->nrecipient || strcmp(o->type, e->type) || o->negated != e->negated
            || o->hypothetical != e->hypothetical || ev_has_code(o->recipient, o->nrecipient, e->recipient[0].code)
            || !set_equal(o->actor, o->nactor, e->actor, e->nactor)) continue;
        return 1;
    }
    return 0;
}

/* drops the one-sided events of a sentence that a directed event of the same
 * type and flags already covers (shelled Juba, killing 20: one ASSAULT), and
 * own-government counterparts another event of the actor covers */
void ev_drop_covered(lb_doc *doc, size_t from)
{
    lb_event *E = LB_EVENTS(doc);
    size_t out = from;
    for (size_t i = from; i < doc->events.len; i++) {
        int covered = 0;
        if (!E[i].nrecipient)
            for (size_t j = from; j < doc->events.len && !covered; j++)
                covered = j != i && E[j].nrecipient && !strcmp(E[j].type, E[i].type)
                          && E[j].negated == E[i].negated && E[j].hypothetical == E[i].hypothetical;
        if (!covered && own_counterpart_covered(E, from, doc->events.len, i)) covered = 1;
        if (!covered) E[out++] = E[i];
    }
    doc->events.len = out;
}
