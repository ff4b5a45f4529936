/* participants.c: completes an event's participants after the roles: the
 * quote's speaker for first-person subjects, the sides of the sentence
 * before for noun events, the acting state for acts that fix their agent
 * (wurde festgenommen), places as physical targets, domestic counterparts
 * (a state's police acting on persons, protesters demanding of their
 * government), the sides of two-sided events; and the checks that make an
 * event (two actors where needed, no meeting of a state with itself). */
#include "events/code.h"
#include "text/text.h"
#include <string.h>

#define EV_CONTEXT_SENTS 2   /* sentences before whose events give a missing counterpart */


/* group gi stands after an origin preposition (aus dem Gazastreifen) */
static int after_origin(const ev_sent *s, int gi)
{
    for (uint32_t k = 1; k <= 3 && s->g[gi].t0 >= k; k++)
        if (s->t[s->g[gi].t0 - k].cue & EV_C_PREP) return (s->t[s->g[gi].t0 - k].cue2 & EV_C2_FROM) != 0;
    return 0;
}

/* German: verb trigger t ends its clause (a verb-final or perfect clause:
 * ... in dem russischen Flugzeug platziert): only verbs and punctuation follow */
static int clause_final_verb(const ev_sent *s, uint32_t t)
{
    const lb_doc *doc = s->doc;
    if (s->lang != EV_DE || doc->morph.len != doc->toks.len) return 0;
    const ev_clause *c = &s->c[s->t[t].clause];
    for (uint32_t j = t + 1; j < c->t1; j++) {
        uint8_t u = LB_MORPH(doc)[s->tok0 + j].upos;
        if (u != LB_UPOS_VERB && u != LB_UPOS_AUX && u != LB_UPOS_PUNCT && u != LB_UPOS_PART) return 0;
    }
    return 1;
}

/* the first place group after trigger t in its clause (not an origin), or -1 */
static int place_after(const ev_sent *s, uint32_t t, int assault)
{
    int ci = s->t[t].clause;
    for (int gi = 0; gi < s->ng; gi++)
        if (s->g[gi].clause == ci && s->g[gi].t0 > t && s->g[gi].t0 <= t + 12 && s->g[gi].place && !after_origin(s, gi)) return gi;
    /* (German verb-final clauses hold the place before the verb: the nearest one,
     * for an attack; other acts there - helfen, verlegen, vorgehen - take it as
     * a setting more often than as a target) */
    int best = -1;
    if (assault && clause_final_verb(s, t))
        for (int gi = 0; gi < s->ng && s->g[gi].t1 <= t; gi++)
            if (s->g[gi].clause == ci && s->g[gi].t1 + 12 >= t && s->g[gi].place && !after_origin(s, gi)) best = gi;
    return best;
}

/* a group noun (opposition, rebels, students) is the object of trigger t:
 * close after it, with no other preposition than the pattern's own between */
static int group_noun_after(const ev_sent *s, uint32_t t, const ev_pattern *p)
{
    uint32_t end = s->c[s->t[t].clause].t1;
    for (uint32_t j = t + 1; j < end && j <= t + 6; j++) {
        if (s->t[j].cue & EV_C_GROUP) return 1;
        if (s->t[j].group >= 0) return 0;      /* Russian troops: the actor group decides */
        if ((s->t[j].cue & EV_C_PREP) && !(s->t[j].cue & EV_C_OF)        /* dozens of activists */
            && !(s->t[j].prep >= 0 && (p->rec_preps >> s->t[j].prep & 1))) return 0;
    }
    return 0;
}

/* the state where the act of trigger t happens: a place of its sentence (in
 * Bayern, am Flughafen von Chicago), else the document's state */
/* German: place group gi is a direction, not where the act happens: after
 * "nach" (eine Reise nach Syrien), or "in" with the accusative (in den Jemen) */
static int direction_place(const ev_sent *s, int gi)
{
    const lb_doc *doc = s->doc;
    uint32_t j = s->g[gi].t0;
    if (s->lang != EV_DE || j == 0) return 0;
    int acc = 0;
    if (s->t[j - 1].cue & EV_C_DET) {
        if (doc->morph.len == doc->toks.len) acc = LB_FEAT_GET(LB_MORPH(doc)[s->tok0 + j - 1].feats, CASE) == LB_CASE_ACC;
        if (--j == 0) return 0;
    }
    const lb_tok *pr = &LB_TOKS(doc)[s->tok0 + j - 1];
    const char *w = lb_tok_norm(doc, pr);
    if (pr->norm_len == 4 && !memcmp(w, "nach", 4)) return 1;
    return acc && pr->norm_len == 2 && !memcmp(w, "in", 2);
}

static const char *place_state_of(const ev_sent *s, uint32_t t)
{
    for (int gi = 0; gi < s->ng; gi++) {
        if (!s->g[gi].place || s->g[gi].clause != s->t[t].clause || direction_place(s, gi)) continue;
        const char *c = ev_place_state(s->rules, s->doc, ev_men(s, s->g[gi].men[0]));
        if (c) return c;
    }
    return NULL;
}

static const char *acting_state(const ev_sent *s, uint32_t t)
{
    const char *c = place_state_of(s, t);
    return c ? c : s->state;
}

/* the state whose police, court or government does an act that fixes its
 * agent (wurde festgenommen, wird aufgeklärt): a place of its clause; else,
 * in a quote, the state of a speaker who speaks for a government, its police
 * or courts (Der Fall wird aufgeklärt, sagte der deutsche Innenminister: an
 * official reports on his own state's authorities); else the document's state */
static const char *fixed_agent_state(const ev_sent *s, uint32_t t)
{
    const char *c = place_state_of(s, t);
    if (c) return c;
    const lb_actor_ref *sp = ev_quote_speaker(s, &LB_TOKS(s->doc)[s->tok0 + t]);
    if (sp && sp->code && ev_state_code(sp->code) && sp->sector
        && (!strcmp(sp->sector, "GOV") || !strcmp(sp->sector, "COP") || !strcmp(sp->sector, "JUD"))) return sp->code;
    return s->state;
}

static int made_by_stage(const ev_sent *s, int gi)
{
    return gi >= 0 && s->g[gi].nmen && s->g[gi].men[0] >= s->doc->mentions.len;
}

/* a meeting, visit or cooperation of a state with itself where one side is
 * only a group noun of the document's state (Die Ministerin reiste nach Wien):
 * no event between two actors; a visit to one's own country never is */
static int same_side(const ev_sent *s, const lb_event *e, const roles *R, const ev_pattern *p)
{
    if (!ev_type_in(p, EV_SYMMETRIC_TYPES) || !e->nrecipient) return 0;
    for (int k = 0; k < e->nactor; k++) if (strcmp(e->actor[k].code, e->actor[0].code)) return 0;
    for (int k = 0; k < e->nrecipient; k++) if (strcmp(e->recipient[k].code, e->actor[0].code)) return 0;
    if (p->mode && !strcmp(p->mode, "visit")) return 1;
    return made_by_stage(s, R->actor) || made_by_stage(s, R->recipient);
}

/* a group noun of the society (protesters, opposition, rebels, parliament) */
static int domestic_group(const ev_sent *s, int gi)
{
    const ev_group *g = &s->g[gi];
    if (!g->nmen || g->men[0] < s->doc->mentions.len) return 0;
    const char *sec = ev_men(s, g->men[0])->actor.sector;
    return sec && (!strcmp(sec, "CVL") || !strcmp(sec, "OPP") || !strcmp(sec, "REB") || !strcmp(sec, "LEG"));
}

/* group gi names a person (not a state: Israeli police ... Israeli Arabs is domestic) */
static int person_group(const ev_sent *s, int gi)
{
    return gi >= 0 && s->g[gi].nmen && ev_men(s, s->g[gi].men[0])->type == LB_MEN_PER;
}

/* the sides of the last two-sided event of the sentence before (for noun events) */
static void previous_sides(const ev_sent *s, lb_event *e)
{
    const lb_doc *doc = s->doc;
    for (size_t i = doc->events.len; i-- > 0;) {
        const lb_event *o = &LB_EVENTS(doc)[i];
        if (o->sent + 1 < s->si) break;
        if (o->sent == s->si || !o->nactor || !o->nrecipient || !ev_symmetric(o->type)) continue;
        memcpy(e->actor, o->actor, sizeof e->actor); e->nactor = o->nactor;
        memcpy(e->recipient, o->recipient, sizeof e->recipient); e->nrecipient = o->nrecipient;
        return;
    }
}

/* an act of violence with a person subject that names no actor (die Männer,
 * die zuvor auf die Cafés feuerten; sie verwüsteten den Raum; a name with no
 * code; not das Virus greift die Welt an): attackers act for the country where they act (GUIDELINES
 * §2, non-state armed groups); only for an active verb with a target (an
 * object or a phrase of the pattern's recipient prepositions), so that
 * figurative fights with no target stay without an actor */
static int unnamed_attacker(const ev_sent *s, uint32_t t, const ev_pattern *p, const roles *R)
{
    if (p->kind != EV_VERB || R->passive || !ev_type_in(p, EV_TB(ASSAULT)) || (p->flags & EV_F_INVERSE)) return 0;
    ev_clause_roles_t Y;
    if (!ev_clause_roles(s, t, &Y) || !Y.personal_subj || !Y.finite || Y.passive) return 0;
    if (Y.has_obj) return 1;
    const ev_clause *c = &s->c[s->t[t].clause];
    for (uint32_t j = c->t0; j < c->t1; j++)
        if (s->t[j].prep >= 0 && (p->rec_preps >> s->t[j].prep & 1)) return 1;
    return 0;
}

#define EV_EVENT_NOUN_PHRASE 4    /* tokens after an event noun that still belong to its phrase (doer, place) */

/* the first token j >= from of the clause of t, other than t, that triggers a
 * noun pattern (not a verb) of this type (enum ev_ptype); UINT32_MAX when none */
static uint32_t next_noun_trigger(const ev_sent *s, uint32_t t, int type, uint32_t from)
{
    const ev_clause *c = &s->c[s->t[t].clause];
    for (uint32_t j = from > c->t0 ? from : c->t0; j < c->t1; j++) {
        if (j == t || s->t[j].form < 0) continue;
        const ev_pattern *q = &s->rules->patterns[s->rules->forms[s->t[j].form].pattern];
        if (q->kind != EV_VERB && q->tid == type) return j;
    }
    return UINT32_MAX;
}

/* an agentless passive of violence with an attack noun in its clause (Bei
 * einem Angriff der Rebellen wurden drei Soldaten getötet; bei einem
 * Feuergefecht mit den Taliban): the doer named in the noun's phrase (its
 * genitive or prepositional group) is the actor; the group index, or -1 */
static int doer_of_attack_noun(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R)
{
    if (p->kind != EV_VERB || !R->passive || !ev_type_in(p, EV_TB(ASSAULT))) return -1;
    for (uint32_t j = next_noun_trigger(s, t, EV_T_ASSAULT, 0); j != UINT32_MAX; j = next_noun_trigger(s, t, EV_T_ASSAULT, j + 1)) {
        for (int gi = 0; gi < s->ng; gi++) {
            const ev_group *g = &s->g[gi];
            if (g->clause != s->t[t].clause || g->t0 <= j || g->t0 > j + EV_EVENT_NOUN_PHRASE || g->place) continue;
            /* (an auxiliary between ends the noun's phrase: bei den Angriffen wurden
             * 20 Kämpfer getötet - the group after it is the passive's subject) */
            int aux = 0;
            for (uint32_t k = j + 1; k < g->t0; k++) if (s->t[k].cue & EV_C_PASSAUX) aux = 1;
            if (aux) continue;
            /* (the noun's genitive taken for the passive's subject: the
             * victim is the next group of the clause, if any) */
            if (gi == R->recipient) {
                R->recipient = -1;
                for (int k = gi + 1; k < s->ng && R->recipient < 0; k++)
                    if (s->g[k].clause == g->clause && !s->g[k].place) R->recipient = k;
            }
            return gi;
        }
    }
    return -1;
}

/* German: an agentless passive of violence that continues an attack of the
 * sentence before (Die Armee griff ... an. Dabei wurden 20 Kämpfer getötet;
 * Bei den Angriffen wurden ...: a pronominal adverb or a definite attack
 * noun with no doer of its own): that attack's actor; 1 when found */
static int resumed_attack(const ev_sent *s, uint32_t t, const ev_pattern *p, const roles *R, lb_event *e)
{
    const lb_doc *doc = s->doc;
    if (s->lang != EV_DE || p->kind != EV_VERB || !R->passive || !ev_type_in(p, EV_TB(ASSAULT)) || !s->si
        || doc->morph.len != doc->toks.len) return 0;
    const ev_clause *c = &s->c[s->t[t].clause];
    int resume = 0;
    for (uint32_t j = c->t0; j < t && !resume; j++) resume = (s->t[j].cue2 & EV_C2_RESUME) != 0;
    for (uint32_t j = next_noun_trigger(s, t, EV_T_ASSAULT, 0); j != UINT32_MAX && !resume; j = next_noun_trigger(s, t, EV_T_ASSAULT, j + 1))
        resume = j > 0 && (s->t[j - 1].cue & EV_C_DET)
                 && LB_FEAT_GET(LB_MORPH(doc)[s->tok0 + j - 1].feats, DEFINITE) == LB_DEFINITE_DEF;
    if (!resume) return 0;
    for (size_t i = doc->events.len; i-- > 0;) {
        const lb_event *o = &LB_EVENTS(doc)[i];
        if (o->sent + 1 < s->si) break;
        if (o->sent + 1 != s->si || strcmp(o->type, "ASSAULT") || !o->nactor) continue;
        memcpy(e->actor, o->actor, sizeof e->actor);
        e->nactor = o->nactor;
        return 1;
    }
    return 0;
}

/* German "es kam zu X" (Duden: es kommt zu etwas, it happens): the event
 * noun t heads the phrase of a HAPPEN preposition (zu, zum, zur; only
 * determiners and adjectives between) and a HAPPEN verb stands in its clause */
static int happening(const ev_sent *s, uint32_t t)
{
    if (s->lang != EV_DE) return 0;
    const ev_clause *c = &s->c[s->t[t].clause];
    const lb_tok *tk = LB_TOKS(s->doc) + s->tok0;
    if (!(ev_phrase_prep(s, t, c) & EV_C2_HAPPEN)) return 0;
    for (uint32_t v = c->t0; v < c->t1; v++)
        if ((s->t[v].cue2 & EV_C2_HAPPEN) && !(s->t[v].cue & EV_C_PREP) && !(v > 0 && (tk[v].flags & LB_TOK_UPPER))) return 1;
    return 0;
}

/* a protest verb with a plural finite verb in its clause (Tausende
 * demonstrierten; die Seeleute haben protestiert): a demonstration is a
 * collective act, one person protesting or "demonstrieren" with an object
 * (Engagement demonstrieren: show) is none; not a zu-infinitive (whose
 * subject is elsewhere). Needs the morphology layer. */
static int collective_protest_verb(const ev_sent *s, uint32_t t)
{
    const lb_doc *doc = s->doc;
    if (doc->morph.len != doc->toks.len) return 0;
    const ev_clause *c = &s->c[s->t[t].clause];
    const lb_morph *M = LB_MORPH(doc) + s->tok0;
    if ((M[t].flags & LB_MF_ZU_INF) || (t > 0 && (s->t[t - 1].cue & EV_C_ZU))) return 0;
    /* (with an accusative object it means "show": die Normalität demonstrieren) */
    ev_clause_roles_t Y;
    if (ev_clause_roles(s, t, &Y) && Y.has_obj) return 0;
    /* (a second person plural - ihr demonstriert - is mostly a misread third singular) */
    for (uint32_t j = c->t0; j < c->t1; j++)
        if (LB_FEAT_GET(M[j].feats, VERBFORM) == LB_VERBFORM_FIN && LB_FEAT_GET(M[j].feats, NUMBER) == LB_NUMBER_PLUR
            && LB_FEAT_GET(M[j].feats, PERSON) != 2 && (M[j].upos == LB_UPOS_VERB || M[j].upos == LB_UPOS_AUX)) return 1;
    return 0;
}

/* the subject of verb trigger t's clause is the plural pronoun sie with no
 * actor of its own (haben sie mich festgenommen): the vague "they" of the
 * authorities, which for an act that fixes its agent names no one else */
static int vague_they(const ev_sent *s, uint32_t t)
{
    const lb_doc *doc = s->doc;
    const lb_clause *c = ev_clause_at(s, t);
    if (!c || c->subj < 0 || c->fin < 0 || (size_t)c->subj >= doc->phrases.len) return 0;
    uint32_t h = LB_PHRASES(doc)[c->subj].head;
    if (h < s->tok0 || h >= s->tok0 + s->n || !(s->t[h - s->tok0].cue2 & EV_C2_PLURPRON) || s->t[h - s->tok0].group >= 0) return 0;
    /* (plural by its finite verb: haben sie, not the singular sie hat) */
    const lb_morph *fm = &LB_MORPH(doc)[c->fin];
    return lb_morph_subject_number(fm) == LB_NUMBER_PLUR;
}

/* a demand with no counterpart named is made of the actor's own government
 * only by a part of a state that is not its government (opposition, parties,
 * parliament, unions, civilians, courts, or a group whose sector is unknown):
 * a government does not demand of itself (der Innenminister forderte ...), and
 * an organisation has no government of its own (die EU fordert ...) */
static int own_government_addressable(const lb_actor_ref *a)
{
    return !(a->sector && !strcmp(a->sector, "GOV")) && ev_state_code(a->code);
}

/* the actor: the role's group, a speaker, the quote's speaker for a first
 * person, the sides before for a noun event, the acting state */
static void actors_of(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R, lb_event *e)
{
    const lb_doc *doc = s->doc;
    const ev_clause *c = &s->c[s->t[t].clause];
    ev_add_refs(s, R->actor, e->actor, &e->nactor, NULL, 0);
    if (R->speaker && !e->nactor) { e->actor[e->nactor++] = *R->speaker; }
    /* first person in a quote (wir ..., ich und Präsident Putin ...): the quote's speaker */
    const lb_actor_ref *sp = ev_quote_speaker(s, &LB_TOKS(doc)[s->tok0 + t]);
    if (sp && e->nactor < LB_MAX_EVENT_PARTIES && !ev_has_code(e->actor, e->nactor, sp->code)) {
        /* (only for a pronoun subject - we; X said he would ...: an actor-less
         * event in reported speech is not the speaker's) */
        /* (German: not in a passive - its pronoun is the patient, and an impersonal
         * passive - es werde geschossen - has no agent in its words at all) */
        int first_person = !e->nactor && !(s->lang == EV_DE && R->passive) && (c->cues & (EV_C_PRON1 | EV_C_PRON3));
        if (R->actor >= 0) {
            const ev_group *g = &s->g[R->actor];
            for (uint32_t k = 1; k <= 3 && g->t0 >= k + 1; k++)
                if ((s->t[g->t0 - k].cue & EV_C_COORD) && (s->t[g->t0 - k - 1].cue & EV_C_PRON1)) first_person = 1;
            if (g->t1 + 1 < s->n && (s->t[g->t1].cue & EV_C_COORD) && (s->t[g->t1 + 1].cue & EV_C_PRON1)) first_person = 1;
        }
        if (first_person) { e->actor[e->nactor++] = *sp; if (e->nactor == 1) R->inherited = 1; }
    }
    /* a noun event with no participants of its own (das Treffen, die Gespräche):
     * the two sides of a two-sided event of the sentence before */
    if (!e->nactor && p->kind != EV_VERB && ev_type_in(p, EV_SYMMETRIC_TYPES) && !p->mode) previous_sides(s, e);
    /* an act that fixes its agent (wurde festgenommen, Festnahmen): the acting state's police or court */
    /* (a protest verb fixes its doers too: Tausende demonstrierten in X - civilians of X) */
    /* (a protest noun only where a clause reports it happening: es kam zu Protesten;
     * else a background mention: nach den Protesten gegen die Regierung) */
    int protest = ev_type_in(p, EV_TB(PROTEST))
                  && (p->kind == EV_VERB ? collective_protest_verb(s, t) : happening(s, t));
    int agentless = R->passive || (p->kind != EV_VERB && !ev_type_in(p, EV_TB(PROTEST))) || (p->flags & EV_F_INVERSE)
                    || (!e->nactor && p->kind == EV_VERB && s->lang == EV_DE && vague_they(s, t));
    if (!e->nactor && p->agent_sector && (agentless || protest)) {
        const char *st = protest ? acting_state(s, t) : fixed_agent_state(s, t);
        if (st) e->actor[e->nactor++] = (lb_actor_ref){ st, p->agent_sector, NULL, NULL };
    }
    int doer = e->nactor ? -1 : doer_of_attack_noun(s, t, p, R);
    if (doer >= 0) { R->actor = doer; ev_add_refs(s, doer, e->actor, &e->nactor, NULL, 0); }
    if (!e->nactor && resumed_attack(s, t, p, R, e)) R->inherited = 1;
    if (!e->nactor && unnamed_attacker(s, t, p, R)) {
        const char *st = acting_state(s, t);
        if (st) e->actor[e->nactor++] = (lb_actor_ref){ st, NULL, NULL, NULL };
    }
}

/* an attack noun (Anschlag, Angriff) in the clause of trigger t, after it or in a verb-final clause */
static int assault_noun_after(const ev_sent *s, uint32_t t)
{
    const ev_clause *c = &s->c[s->t[t].clause];
    for (uint32_t j = c->t0; j < c->t1; j++) {
        if (j == t || s->t[j].form < 0) continue;
        const ev_pattern *q = &s->rules->patterns[s->rules->forms[s->t[j].form].pattern];
        if (q->kind != EV_VERB && ev_type_in(q, EV_TB(ASSAULT))) return 1;
    }
    return 0;
}

/* a coercive act named by a noun in the clause of trigger t with the place
 * where it happened (kritisierte die Festnahmen in der Türkei): that place's
 * state, else NULL */
static const char *coercion_noun_place(const ev_sent *s, uint32_t t)
{
    for (uint32_t j = next_noun_trigger(s, t, EV_T_COERCE, 0); j != UINT32_MAX; j = next_noun_trigger(s, t, EV_T_COERCE, j + 1)) {
        for (int gi = 0; gi < s->ng; gi++) {
            const ev_group *g = &s->g[gi];
            if (!g->place || g->clause != s->t[t].clause || g->t0 <= j || g->t0 > j + EV_EVENT_NOUN_PHRASE || direction_place(s, gi)) continue;
            const char *st = ev_place_state(s->rules, s->doc, ev_men(s, g->men[0]));
            if (st) return st;
        }
    }
    return NULL;
}

/* domestic news: the actor is of the document's own state and the sentence
 * names no other state (Die Opposition warf ... vor; X wies die Vorwürfe
 * zurück): a verbal act with no counterpart named is directed at that state */
static int domestic_sentence(const ev_sent *s, const char *code)
{
    if (!s->state || strcmp(code, s->state)) return 0;
    for (int gi = 0; gi < s->ng; gi++)
        for (int k = 0; k < s->g[gi].nmen; k++) {
            const char *c = ev_men(s, s->g[gi].men[k])->actor.code;
            if (c && strcmp(c, code)) return 0;
        }
    return 1;
}

/* the counterpart of the same actor in the latest event of the two sentences
 * before that involves it (Nordkorea drohte Südkorea ... Nordkorea drohte
 * zuletzt mehrfach mit Erstschlägen; Moskau warf Kiew ... vor. Kiew wies die
 * Vorwürfe zurück): for the types cameo.tsv lists under 'context' */
static void context_counterpart(const ev_sent *s, lb_event *e)
{
    const lb_doc *doc = s->doc;
    const char *a = e->actor[0].code;
    /* first an act aimed at the actor (a reply: Moskau warf Kiew ... vor. Kiew wies
     * die Vorwürfe zurück), then the actor's own act */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = doc->events.len; i-- > 0;) {
            const lb_event *o = &LB_EVENTS(doc)[i];
            if (o->sent + EV_CONTEXT_SENTS < s->si) break;
            if (o->sent == s->si || !o->nactor || !o->nrecipient) continue;
            if (pass == 0 && ev_has_code(o->recipient, o->nrecipient, a) && strcmp(o->actor[0].code, a)) {
                memcpy(e->recipient, o->actor, sizeof e->recipient); e->nrecipient = o->nactor;
                return;
            }
            if (pass == 1 && !strcmp(o->actor[0].code, a) && strcmp(o->recipient[0].code, a)) {
                memcpy(e->recipient, o->recipient, sizeof e->recipient); e->nrecipient = o->nrecipient;
                return;
            }
        }
}

/* the recipient: the role's group, a place, a domestic counterpart */
/* removes the refs with code c from list a (of *n) */
static void drop_code(lb_actor_ref *a, uint8_t *n, const char *c)
{
    uint8_t k = 0;
    for (uint8_t i = 0; i < *n; i++) if (strcmp(a[i].code, c)) a[k++] = a[i];
    *n = k;
}

/* German: the owner named in the genitive of a physical target after one of
 * the pattern's prepositions (ein Anschlag auf einen Stützpunkt der afghanischen
 * Armee, Angriffe auf Stellungen der YPG): prep, article or adjectives, the
 * target noun, a genitive article, the group; -1 none */
static int target_genitive(const ev_sent *s, uint32_t t, const ev_pattern *p, int actor)
{
    if (s->lang != EV_DE || !p->rec_preps) return -1;
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    for (int gi = 0; gi < s->ng; gi++) {
        const ev_group *g = &s->g[gi];
        if (g->clause != s->t[t].clause || gi == actor || g->t0 < t + 3 || g->t0 > t + 10 || g->place || g->prep >= 0) continue;
        uint32_t j = g->t0 - 1;                                   /* der, des, eines */
        if (!(s->t[j].cue & EV_C_DET)) continue;
        if (!(T[j - 1].flags & LB_TOK_UPPER) || !(T[j - 1].flags & LB_TOK_WORD) || s->t[j - 1].group >= 0) continue;
        uint32_t k = j - 1;                                       /* the target noun */
        while (k > t + 1 && !(s->t[k - 1].cue & EV_C_PREP) && !(T[k - 1].flags & LB_TOK_UPPER) && j - k < 4) k--;
        if (k > t + 1 && (s->t[k - 1].cue & EV_C_PREP) && s->t[k - 1].prep >= 0 && (p->rec_preps >> s->t[k - 1].prep & 1)) return gi;
    }
    return -1;
}

/* praise or criticism of a two-sided act named by a noun with its sides
 * (begrüßte die Einigung zwischen Athen und Skopje; welcomed the agreement
 * between X and Y): the sides are the counterparts */
static void sides_of_judged_noun(const ev_sent *s, uint32_t t, const ev_pattern *p, lb_event *e)
{
    if (p->kind != EV_VERB || !ev_type_in(p, EV_TB(SUPPORT) | EV_TB(ACCUSE))) return;
    const ev_rules *r = s->rules;
    const ev_clause *c = &s->c[s->t[t].clause];
    for (uint32_t k = t + 2; k < c->t1 && k <= t + 8; k++) {
        if (!(s->t[k].cue & EV_C_BETWEEN) || s->t[k - 1].form < 0) continue;
        const ev_pattern *q = &r->patterns[r->forms[s->t[k - 1].form].pattern];
        if (q->kind == EV_VERB || !q->type || !ev_type_in(q, EV_SYMMETRIC_TYPES)) return;
        for (int gi = 0; gi < s->ng; gi++)
            if (s->g[gi].clause == s->t[t].clause && s->g[gi].t0 > k && s->g[gi].t0 <= k + 8)
                ev_add_refs(s, gi, e->recipient, &e->nrecipient, e->actor, e->nactor);
        return;
    }
}

static void recipients_of(const ev_sent *s, uint32_t t, const ev_pattern *p, const roles *R, lb_event *e)
{
    /* a separate group may name the same state (domestic events: X -> X) */
    if (R->recipient >= 0 && R->recipient != R->actor) ev_add_refs(s, R->recipient, e->recipient, &e->nrecipient, NULL, 0);
    else ev_add_refs(s, R->recipient, e->recipient, &e->nrecipient, e->actor, e->nactor);
    /* a speaker is not among the addressees of its own speech act (Konsequenzen
     * für Russland, sagte der ukrainische Präsident: the comma joins both) unless
     * it is the only one (a domestic accusation) */
    if ((p->flags & EV_F_SPEAKER) && e->nrecipient > 1 && e->nactor) drop_code(e->recipient, &e->nrecipient, e->actor[0].code);
    if (!e->nrecipient && e->nactor) sides_of_judged_noun(s, t, p, e);
    if (!e->nrecipient && e->nactor && !(p->flags & EV_F_SPEAKER)) {
        /* shelled Juba, opened fire at targets in Jericho: the place's state
         * (for the types cameo.tsv lists under 'place') */
        int tg = (p->flags & EV_F_REC_PLACE) ? target_genitive(s, t, p, R->actor) : -1;
        if (tg >= 0) ev_add_refs(s, tg, e->recipient, &e->nrecipient, NULL, 0);
        int pg = (p->flags & EV_F_REC_PLACE) && !e->nrecipient ? place_after(s, t, ev_type_in(p, EV_TB(ASSAULT))) : -1;
        const char *ps = pg >= 0 ? ev_place_state(s->rules, s->doc, ev_men(s, s->g[pg].men[0])) : NULL;
        /* (an attack in the attacker's own state is one-sided: sprengten sich am Stade de France) */
        if (!e->nrecipient && ps && !(ev_type_in(p, EV_TB(ASSAULT)) && !strcmp(ps, e->actor[0].code)))
            e->recipient[e->nrecipient++] = (lb_actor_ref){ ps, NULL, NULL, NULL };
        /* arrested opposition activists, accepted the rebels' demands: a group
         * of the actor's own state (domestic event X -> X) */
        /* (not for acts with no object: resigned Sunday as the opposition threatened ...) */
        else if (!e->nrecipient && (p->flags & EV_F_DOMESTIC) && !((p->flags & EV_F_REC_NONE) && !(p->flags & EV_F_REC_OBJ))
                 && group_noun_after(s, t, p)) e->recipient[e->nrecipient++] = (lb_actor_ref){ e->actor[0].code, NULL, NULL, NULL };
    }
    /* protesters, the opposition or rebels who demand or accuse with no counterpart
     * named: their own government (domestic event) */
    if (!e->nrecipient && e->nactor && R->actor >= 0 && domestic_group(s, R->actor)
        && ev_type_in(p, EV_TB(REQUEST) | EV_TB(ACCUSE)))
        e->recipient[e->nrecipient++] = (lb_actor_ref){ e->actor[0].code, "GOV", NULL, NULL };
    /* a demand with no counterpart named (rec=own: fordern, verlangen) is made of the actor's own government */
    if (!e->nrecipient && e->nactor && (p->flags & EV_F_OWNGOV) && !ev_quote_speaker(s, &LB_TOKS(s->doc)[s->tok0 + t])
        && own_government_addressable(&e->actor[0]))
        e->recipient[e->nrecipient++] = (lb_actor_ref){ e->actor[0].code, "GOV", NULL, NULL };
    /* condemning an attack (verurteilte den Anschlag): an accusation of the state where it happened */
    if (!e->nrecipient && e->nactor && ev_type_in(p, EV_TB(ACCUSE)) && assault_noun_after(s, t)) {
        const char *st = acting_state(s, t);
        if (st) e->recipient[e->nrecipient++] = (lb_actor_ref){ st, NULL, NULL, NULL };
    }
    /* (and criticising arrests or bans in a place: an accusation of that state) */
    if (!e->nrecipient && e->nactor && ev_type_in(p, EV_TB(ACCUSE)) && p->kind == EV_VERB) {
        const char *st = coercion_noun_place(s, t);
        if (st && !ev_has_code(e->actor, e->nactor, st)) e->recipient[e->nrecipient++] = (lb_actor_ref){ st, NULL, NULL, NULL };
    }
    if (!e->nrecipient && e->nactor && (p->flags & EV_F_CONTEXT)) context_counterpart(s, e);
    /* (protests: see ev_participants, a place of the protest comes first) */
    if (!e->nrecipient && e->nactor && (p->flags & EV_F_OWNDOM) && !ev_type_in(p, EV_TB(PROTEST))
        && domestic_sentence(s, e->actor[0].code))
        e->recipient[e->nrecipient++] = (lb_actor_ref){ e->actor[0].code, NULL, NULL, NULL };
    /* a state's police or court acting on persons: a domestic event (FRA/COP -> FRA) */
    /* (protests: no target named, none - GUIDELINES §2) */
    if (!e->nrecipient && e->nactor && p->agent_sector && !ev_type_in(p, EV_TB(PROTEST))) e->recipient[e->nrecipient++] = (lb_actor_ref){ e->actor[0].code, NULL, NULL, NULL };
}

/* German: a fight whose coordinated sides are the subject of a reflexive
 * (sich liefern Soldaten und Rebellen Gefechte; sich bekämpfen): they fight
 * each other, one side is the recipient of the other */
static int reciprocal_fight(const ev_sent *s, uint32_t t, const ev_pattern *p)
{
    const lb_doc *doc = s->doc;
    if (s->lang != EV_DE || !ev_type_in(p, EV_TB(ASSAULT)) || doc->morph.len != doc->toks.len) return 0;
    const ev_clause *c = &s->c[s->t[t].clause];
    for (uint32_t j = c->t0; j < c->t1; j++) {
        const lb_morph *m = &LB_MORPH(doc)[s->tok0 + j];
        if (m->upos == LB_UPOS_PRON && LB_FEAT_GET(m->feats, REFLEX)) return 1;
    }
    return 0;
}

/* two-sided events: the possessive's owner, the counterpart of the clause
 * before, joint actors split into the two sides */
static void sides_of(const ev_sent *s, uint32_t t, const ev_pattern *p, const roles *R, lb_event *e)
{
    const lb_doc *doc = s->doc;
    int ci = s->t[t].clause;
    const ev_clause *c = &s->c[ci];
    if (ev_type_in(p, EV_SYMMETRIC_TYPES) && !e->nrecipient && e->nactor == 1 && R->actor >= 0 && ci > 0) {
        /* "dass sein Regime und Putins Russland zusammenarbeiten": the possessive's owner
         * (the subject of the clause before) is the other side */
        const ev_group *g = &s->g[R->actor];
        int poss = 0;
        uint32_t j = g->t0;
        /* skip first names and titles: "sein Regime und Wladimir Putins Russland" */
        while (j > 0 && j + 3 > g->t0 && (LB_TOKS(doc)[s->tok0 + j - 1].flags & LB_TOK_UPPER) && !(s->t[j - 1].cue & EV_C_COORD)) j--;
        if (j > 0 && (s->t[j - 1].cue & EV_C_COORD))
            for (uint32_t k = j - 1; k-- > 0 && k + 4 >= j;)
                if (s->t[k].cue & EV_C_POSSPRON) { poss = 1; break; }
        if (g->t1 + 2 < s->n && (s->t[g->t1].cue & EV_C_COORD) && (s->t[g->t1 + 1].cue & EV_C_POSSPRON)) poss = 1;
        if (poss) {
            int inh = 0, owner = ev_inherit_subject(s, ci, &inh, 0);
            if (owner >= 0 && owner != R->actor) ev_add_refs(s, owner, e->recipient, &e->nrecipient, e->actor, e->nactor);
        }
    }
    if (ev_type_in(p, EV_SYMMETRIC_TYPES) && !e->nrecipient && e->nactor == 1 && R->inherited && ci > 0) {
        /* Xi traf Putin und unterzeichnete Abkommen: the counterpart of the clause before */
        for (int gi = 0; gi < s->ng && !e->nrecipient; gi++)
            if (s->g[gi].clause == ci - 1 && gi != R->actor && !s->g[gi].place)
                ev_add_refs(s, gi, e->recipient, &e->nrecipient, e->actor, e->nactor);
    }
    if (ev_type_in(p, EV_SYMMETRIC_TYPES) && !e->nrecipient && e->nactor >= 2) {
        /* joint actors (Xi und Putin unterzeichneten): one side each */
        for (int k = 1; k < e->nactor; k++) e->recipient[e->nrecipient++] = e->actor[k];
        e->nactor = 1;
    } else if ((R->split || (c->cues & EV_C_MUTUAL) || reciprocal_fight(s, t, p)) && e->nactor >= 2 && !e->nrecipient) {
        for (int k = 1; k < e->nactor; k++) e->recipient[e->nrecipient++] = e->actor[k];
        e->nactor = 1;
    } else if (reciprocal_fight(s, t, p) && e->nactor == 1 && !e->nrecipient && R->actor >= 0) {
        /* the side coordinated with the actor's group (türkische Soldaten und
         * kurdische Rebellen), also of the same state: a domestic fight X -> X */
        const ev_group *a = &s->g[R->actor];
        for (int gi = 0; gi < s->ng && !e->nrecipient; gi++) {
            const ev_group *g = &s->g[gi];
            if (gi == R->actor || g->clause != a->clause || g->place || g->t0 < a->t1 || g->t0 > a->t1 + 3) continue;
            for (uint32_t j = a->t1; j < g->t0; j++)
                if (s->t[j].cue & EV_C_COORD) { ev_add_refs(s, gi, e->recipient, &e->nrecipient, NULL, 0); break; }
        }
    }
}

#define EV_PHRASE_AFTER 6   /* tokens after an event noun that still belong to its phrase */
#define EV_PHRASE_BEFORE 4  /* tokens before it (seit dem Beginn der Proteste) */

/* German: a protest noun whose protesters stand in its own phrase (bei einer
 * Kundgebung ukrainischer Nationalisten, die Proteste der Opposition) reports
 * a protest that takes place, not a background one */
static int protest_of_its_own(const ev_sent *s, uint32_t t, const ev_pattern *p, const roles *R)
{
    if (s->lang != EV_DE || p->kind != EV_NOUN || !ev_type_in(p, EV_TB(PROTEST)) || R->actor < 0 || R->inherited) return 0;
    const ev_group *g = &s->g[R->actor];
    if (g->clause != s->t[t].clause || g->t1 + 1 < t || g->t0 > t + EV_PHRASE_AFTER) return 0;
    /* (not a time span's protest: seit/bis/während [dem Beginn] der Proteste) */
    for (uint32_t k = 1; k <= EV_PHRASE_BEFORE && k <= t; k++)
        if (s->t[t - k].cue & EV_C_SUBSTART) return 0;
    return 1;
}

/* German: the doer of an act of force named after a criticised event noun
 * (verurteilte die Annexion der Krim durch Russland, die Bombardierung Aleppos
 * durch X): the group after von/durch that follows the noun or its genitive,
 * in the criticising verb's clause after it; -1 none */
static int doer_of_criticised_act(const ev_sent *s, uint32_t t)
{
    const ev_clause *c = &s->c[s->t[t].clause];
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    for (int gi = 0; gi < s->ng; gi++) {
        const ev_group *g = &s->g[gi];
        if (g->clause != s->t[t].clause || g->t0 <= t || g->t1 > c->t1 || g->prep < 0 || g->place || g->t0 < 2) continue;
        uint32_t j = g->t0 - 1;
        while (j > t && !(s->t[j].cue & EV_C_PREP)) j--;
        if (j <= t || !(s->t[j].cue & EV_C_AGENT) || g->t0 - j > 3) continue;
        /* the noun: right before the preposition or before its genitive (up to three words) */
        int32_t m = ev_trigger_before(s, j, t + 1, 0, 0);
        if (m < 0 || !(T[m].flags & LB_TOK_UPPER)) continue;
        const ev_pattern *q = &s->rules->patterns[s->rules->forms[s->t[m].form].pattern];
        if (ev_type_in(q, EV_TB(ASSAULT) | EV_TB(COERCE) | EV_TB(SANCTION))) return gi;
    }
    return -1;
}

int ev_participants(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R, lb_event *e)
{
    const ev_clause *c = &s->c[s->t[t].clause];
    memset(e, 0, sizeof *e);
    e->type = R->dep ? p->dep_type : p->type;
    e->mode = R->dep ? NULL : p->mode;
    actors_of(s, t, p, R, e);
    recipients_of(s, t, p, R, e);
    sides_of(s, t, p, R, e);
    if (!e->nactor) return 0;
    /* an accusation is directed at the doer of the act it names, not at its target */
    if (s->lang == EV_DE && p->kind == EV_VERB && ev_type_in(p, EV_TB(ACCUSE))) {
        int dg = doer_of_criticised_act(s, t);
        lb_actor_ref doer[LB_MAX_EVENT_PARTIES];
        uint8_t ndoer = 0;
        if (dg >= 0) ev_add_refs(s, dg, doer, &ndoer, e->actor, e->nactor);
        if (ndoer) { memcpy(e->recipient, doer, ndoer * sizeof *doer); e->nrecipient = ndoer; }
    }
    if (!e->nrecipient && !(p->flags & EV_F_REC_NONE)) return 0;
    if (same_side(s, e, R, p)) return 0;
    /* one named person on both sides (Wałęsa ... Lech Wałęsa): no event between two actors */
    if (e->nactor == 1 && e->nrecipient == 1 && e->actor[0].name && e->recipient[0].name
        && !strcmp(e->actor[0].name, e->recipient[0].name) && person_group(s, R->actor) && person_group(s, R->recipient)) return 0;
    /* a speaker does not address its own speech act to itself (Biden said the
     * attack by Russia was a breach ...: the reported clause names no addressee) */
    if ((p->flags & EV_F_SPEAKER) && e->nactor == 1 && e->nrecipient == 1 && e->actor[0].name && e->recipient[0].name
        && !strcmp(e->actor[0].name, e->recipient[0].name)) return 0;
    /* one-sided events (fighting, protests) must be reported by a clause: a noun
     * without a support verb (English: began a hunger strike, staged protests;
     * German support verbs stand anywhere in the clause: no evidence), or a
     * verb form used as one ("the bombing", "after two days of fighting"),
     * names a war or protest as background (GUIDELINES §2) */
    int reported = p->kind == EV_VERB || (s->lang == EV_EN && (p->kind == EV_NOUN_SUPPORT || (c->cues & EV_C_SUPPORT)))
                   || (p->kind == EV_NOUN_SUPPORT && p->nsup)       /* its own support verb (einen Anschlag verüben) */
                   || protest_of_its_own(s, t, p, R) || (p->kind == EV_NOUN && happening(s, t));
    if (!e->nrecipient && (!reported || (p->kind == EV_VERB && t > 0 && (s->t[t - 1].cue & (EV_C_DET | EV_C_PREP))))) return 0;
    /* a protest with no named target is directed at the protesters' own
     * government (Algerians demonstrated ... -> DZA protests against DZA/GOV)
     * where cameo.tsv lists PROTEST under 'owndefault' for the language */
    if (!e->nrecipient && !strcmp(e->type, "PROTEST") && e->nactor && (p->flags & EV_F_OWNDOM)) {
        /* (rioted at a jail in northern Israel: in another state, against that state) */
        int pg = place_after(s, t, 0);
        if (pg >= 0) ev_add_refs(s, pg, e->recipient, &e->nrecipient, e->actor, e->nactor);
        if (!e->nrecipient) {
            static const char gov_sector[] = "GOV";
            e->recipient[0] = (lb_actor_ref){ e->actor[0].code, gov_sector, NULL, NULL };
            e->nrecipient = 1;
        }
    }
    return 1;
}
