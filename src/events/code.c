/* code.c: decides which triggers of an analysed sentence are events (support
 * verbs of event nouns, nouns and verbs by their reading, objects of verdicts,
 * content of pledges, attributive participles) and codes each: roles
 * (roles.c), participants (participants.c), flags (flags.c), date (date.c),
 * emission (emit.c). */
#include "events/code.h"
#include "text/text.h"
#include <string.h>


#define EV_ANTECEDENT_TOKS 4    /* tokens before a relative clause that hold its antecedent noun */
#define EV_NOUN_PHRASE_TOKS 6   /* tokens after an event noun that still belong to its phrase */


/* one of the pattern's obj= words follows the trigger closely in its clause
 * (German: anywhere in the clause, whose objects precede a final verb) */
static int object_follows(const ev_sent *s, uint32_t t, const ev_pattern *p)
{
    const ev_clause *c = &s->c[s->t[t].clause];
    uint32_t end = c->t1;
    uint32_t from = s->lang == EV_DE ? c->t0 : t + 1;
    uint32_t window = s->lang == EV_DE ? EV_MAX_SENT_TOKS : 6;
    /* German relative clause: its antecedent is the object (eine Moschee, die geschlossen wurde) */
    if (s->lang == EV_DE && c->kind == EV_CL_REL && from > EV_ANTECEDENT_TOKS) from -= EV_ANTECEDENT_TOKS;
    else if (s->lang == EV_DE && c->kind == EV_CL_REL) from = 0;
    if (!ev_stems_seen(s, p->obj, p->nobj)) return 0;
    /* (a verb closing the bracket of an earlier clause: that clause holds its objects) */
    int host = s->lang == EV_DE ? ev_bracket_host(s, t) : -1;
    if (host >= 0) from = s->c[host].t0;
    for (uint32_t j = from; j < end && j <= t + window; j++)
        for (int k = 0; k < p->nobj; k++) if (s->t[j].stem == p->obj[k] || (s->t[j].head && s->t[j].head == p->obj[k])) return 1;
    return 0;
}

/* the reading of trigger word j: its first pattern, or when that one's obj=
 * words are missing the first other pattern of the word whose conditions hold
 * (declared ... persona non grata, else another reading of declare); NULL none */
static const ev_pattern *word_reading(const ev_sent *s, uint32_t j)
{
    const ev_rules *r = s->rules;
    const ev_pattern *first = &r->patterns[r->forms[s->t[j].form].pattern];
    if (!first->nobj || object_follows(s, j, first)) return first;
    for (uint32_t k = s->t[j].chain; k != UINT32_MAX; k = r->forms[k].next) {
        const ev_pattern *p = &r->patterns[r->forms[k].pattern];
        if (p == first || (p->flags & EV_F_BLOCK) || !ev_req_ok(s, j, &r->forms[k])) continue;
        if (!p->nobj || object_follows(s, j, p)) return p;
    }
    return NULL;
}

/* a noun that is the object of a verb rejecting, accepting or cancelling it
 * (rejected a U.S. request, accepted the demands, cancelled a visit) names
 * what that verb acts on: no event of its own */
static int object_of_verdict(const ev_sent *s, uint32_t t)
{
    uint32_t c0 = s->c[s->t[t].clause].t0;
    for (uint32_t k = 1; k <= 5 && t >= k && t - k >= c0; k++) {
        int32_t f = s->t[t - k].form;
        if (s->t[t - k].cue & EV_C_ZU) return 0;      /* refused to meet: a negated meeting */
        if (f < 0) continue;
        const ev_pattern *v = word_reading(s, t - k);
        if (!v || v->kind != EV_VERB || !v->type) return 0;
        return ev_type_in(v, EV_TB(REJECT) | EV_TB(CONCEDE) | EV_TB(SANCTION));
    }
    return 0;
}

/* noun t is one of the obj= words of verb pattern v (the object that decides its reading) */
static int is_object_word(const ev_sent *s, uint32_t t, const ev_pattern *v)
{
    for (int k = 0; k < v->nobj; k++)
        if (s->t[t].stem == v->obj[k] || (s->t[t].head && s->t[t].head == v->obj[k])) return 1;
    return 0;
}

/* German: an event noun in a clause whose verb rejects, concedes or demands
 * it (X wies die Vorwürfe zurück; gegen die Vorwürfe wehren; die Forderungen
 * lehnte X ab; hatte die Inhaftierung verlangt), or that a sanctioning verb
 * stops (stoppte die Rüstungsexporte): what that verb acts on or
 * asks for, no event of its own. The verb stands anywhere
 * in the clause (verb second or verb last). The verb's token, or -1; *answer
 * is 1 when it rejects or concedes (see answered_noun_roles). */
static int verdict_verb_of_noun(const ev_sent *s, uint32_t t, const ev_pattern *p, int *answer)
{
    if (s->lang != EV_DE || p->kind == EV_VERB) return -1;
    const ev_clause *c = &s->c[s->t[t].clause];
    for (uint32_t j = c->t0; j < c->t1; j++) {
        if (j == t || s->t[j].form < 0) continue;
        if (LB_TOKS(s->doc)[s->tok0 + j].flags & LB_TOK_UPPER && j > c->t0) continue;   /* a noun */
        /* (the verb's reading: an obj= pattern whose objects are missing gives way) */
        const ev_pattern *v = word_reading(s, j);
        if (!v || v->kind != EV_VERB || !v->type) continue;
        *answer = ev_type_in(v, EV_TB(REJECT) | EV_TB(CONCEDE));
        if (*answer || ev_type_in(v, EV_TB(REQUEST))) return (int)j;
        if (ev_type_in(v, EV_TB(SANCTION)) && v->nobj && is_object_word(s, t, v)) return (int)j;
    }
    return -1;
}

/* the group that authors event noun t in its own phrase: a name before it
 * (Iglesias Forderung, Moskaus Vorwürfe) or its genitive after it (die
 * Vorwürfe Moskaus), or -1 */
static int noun_author(const ev_sent *s, uint32_t t)
{
    for (int gi = 0; gi < s->ng; gi++) {
        const ev_group *g = &s->g[gi];
        if (g->clause != s->t[t].clause || g->place) continue;
        if ((g->t1 == t && !g->postgen) || (g->t1 + 1 == t && g->poss)) return gi;
        if (g->postgen && g->t0 > t && g->t0 <= t + 3) return gi;
    }
    return -1;
}

/* German: a demand, accusation or threat named by a noun with its own author
 * that the clause's verb rejects or concedes (X lehnte Ys Forderung ab; X
 * wies die Vorwürfe Moskaus zurück): the author's act was made, and it was
 * directed at who answers it (REQUEST Y -> X); 1 when R holds these roles */
static int answered_noun_roles(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R)
{
    int answer = 0, v = verdict_verb_of_noun(s, t, p, &answer);
    if (v < 0 || !answer) return 0;
    if (!ev_type_in(p, EV_TB(REQUEST) | EV_TB(ACCUSE) | EV_TB(THREATEN))) return 0;
    int author = noun_author(s, t);
    if (author < 0) return 0;
    roles V;
    ev_find_roles(s, (uint32_t)v, &s->rules->patterns[s->rules->forms[s->t[v].form].pattern], &V);
    if (V.actor < 0 || V.actor == author) return 0;
    R->actor = author; R->recipient = V.actor;
    R->split = R->inherited = R->dep = R->passive = 0;
    R->speaker = NULL;
    return 1;
}

/* German: an event noun that the clause's verb praises, criticises or
 * condemns (Polen kritisierte die Bewaffnung der Ukraine) and that has no
 * actor in its own phrase would take that verb's subject as its actor: it is
 * what the verb judges, no event of its own */
static int noun_judged_by_clause(const ev_sent *s, uint32_t t, const ev_pattern *p, const roles *R)
{
    if (s->lang != EV_DE || p->kind == EV_VERB || R->actor < 0) return 0;
    const ev_group *a = &s->g[R->actor];
    if (a->clause == s->t[t].clause && a->t1 + 1 >= t && a->t0 <= t + EV_NOUN_PHRASE_TOKS) return 0;
    const ev_clause *c = &s->c[s->t[t].clause];
    for (uint32_t j = c->t0; j < c->t1; j++) {
        if (j == t || s->t[j].form < 0) continue;
        if ((LB_TOKS(s->doc)[s->tok0 + j].flags & LB_TOK_UPPER) && j > c->t0) continue;   /* a noun */
        const ev_pattern *v = &s->rules->patterns[s->rules->forms[s->t[j].form].pattern];
        if (v->kind != EV_VERB || !v->type || (v->nobj && !object_follows(s, j, v))) continue;
        if (ev_type_in(v, EV_TB(ACCUSE) | EV_TB(SUPPORT))) return 1;
    }
    return 0;
}

/* After an article, a preposition or a possessive an English word is a noun.
 * English -s and -ing forms are often nouns or modifiers (US attacks, halt
 * attacks, fierce fighting, rebels fighting to ...). An -s form is a verb after
 * its actor or a pronoun; an -ing form after a form of "be" or at the start of
 * a clause (", killing 20 people"). */
static int english_verb_reading(const ev_sent *s, uint32_t t)
{
    const lb_tok *tk = &LB_TOKS(s->doc)[s->tok0 + t];
    const char *w = lb_tok_norm(s->doc, tk);
    size_t n = tk->norm_len;
    if (s->t[t].cue & EV_C_CLAIMED) return 1;
    /* after a determiner or a preposition: a noun (for a rally, the bombing) */
    if (t > 0 && (s->t[t - 1].cue & (EV_C_DET | EV_C_PREP)) && !(s->t[t - 1].cue & EV_C_ZU)) return 0;
    if (t > 0 && (s->t[t - 1].cue & EV_C_POSS)) return 0;          /* Israel's blockade */
    const ev_clause *c = &s->c[s->t[t].clause];
    int first = t == c->t0 || t == 0 || (LB_TOKS(s->doc)[s->tok0 + t - 1].flags & LB_TOK_PUNCT);
    if (n > 4 && !memcmp(w + n - 3, "ing", 3))
        return first || (s->t[t - 1].cue & (EV_C_PASSAUX | EV_C_INTENT | EV_C_HYP | EV_C_HYPW | EV_C_NEG));
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i') {
        if (first) return 0;
        if (s->t[t - 1].cue & (EV_C_PRON3 | EV_C_REL | EV_C_COORD)) return 1;
        int gi = s->t[t - 1].group;
        if (gi < 0 && t >= 2 && s->t[t - 2].group >= 0) {
            /* Russia again attacks: an adverb between */
            const lb_tok *adv = &LB_TOKS(s->doc)[s->tok0 + t - 1];
            if (adv->norm_len > 3 && !memcmp(lb_tok_norm(s->doc, adv) + adv->norm_len - 2, "ly", 2)) gi = s->t[t - 2].group;
        }
        if (gi < 0 || s->g[gi].place) return 0;
        /* an adjective names the doer of a noun (Israeli attacks, Palestinian riots) */
        const lb_tok *last = &LB_TOKS(s->doc)[s->tok0 + s->g[gi].t1 - 1];
        const lb_mention *m = ev_men(s, s->g[gi].men[s->g[gi].nmen - 1]);
        return !(m->form == LB_FORM_DERIV && lb_tok_norm(s->doc, last)[last->norm_len - 1] != 's');
    }
    return 1;
}

/* one of the stems hs[0..n) stands in the clause of trigger t (not=: 129 Tote gefordert) */
static int word_in_clause(const ev_sent *s, uint32_t t, const uint32_t *hs, int n)
{
    const ev_clause *c = &s->c[s->t[t].clause];
    if (!ev_stems_seen(s, hs, n)) return 0;
    for (uint32_t j = c->t0; j < c->t1; j++)
        for (int k = 0; k < n; k++) if (j != t && s->t[j].stem == hs[k]) return 1;
    return 0;
}

/* an event noun that needs a support verb has one in its clause (its own
 * sup= verbs: Sanktionen verhängen, not Krieg verhängen; else any SUPPORT cue) */
static int support_verb_in(const ev_sent *s, uint32_t t, const ev_pattern *p, const ev_clause *c);

static int support_verb_ok(const ev_sent *s, uint32_t t, const ev_pattern *p)
{
    /* (or in the noun's relative clause: Sanktionen, die die EU verhängt hatte) */
    int rc = ev_noun_relative(s, t);
    return support_verb_in(s, t, p, &s->c[s->t[t].clause]) || (rc >= 0 && support_verb_in(s, t, p, &s->c[rc]));
}

/* the preposition heading noun t's phrase in clause c, walking back over
 * determiners and adjectives (code.h); also for roles.c's speech nouns */
int32_t ev_phrase_prep_tok(const ev_sent *s, uint32_t t, const ev_clause *c)
{
    const lb_tok *tk = LB_TOKS(s->doc) + s->tok0;
    uint32_t j = t;
    while (j > c->t0 && t - j < EV_PREP_PHRASE_LEAD && !(s->t[j - 1].cue & EV_C_PREP)
           && !(s->lang == EV_DE && (tk[j - 1].flags & LB_TOK_UPPER)) && s->t[j - 1].group < 0) j--;
    return j == c->t0 || !(s->t[j - 1].cue & EV_C_PREP) ? -1 : (int32_t)j - 1;
}

uint32_t ev_phrase_prep(const ev_sent *s, uint32_t t, const ev_clause *c)
{
    if (t <= c->t0 || t >= c->t1) return 0;
    int32_t pt = ev_phrase_prep_tok(s, t, c);
    return pt < 0 ? 0 : s->t[pt].cue2;
}

/* taking part in an act is doing it (an den Kämpfen teilnehmen, sich an einer
 * Militäraktion beteiligen, participated in the protests): the noun heads the
 * phrase of the participation preposition (a PARTAKE preposition, only
 * determiners and adjectives between) and a PARTAKE verb stands in its clause */
static int partake_verb_in(const ev_sent *s, uint32_t t, const ev_clause *c)
{
    const lb_tok *tk = LB_TOKS(s->doc) + s->tok0;
    if (s->lang == EV_DE && t < s->n && !(tk[t].flags & LB_TOK_UPPER)) return 0;      /* (a German noun) */
    if (!(ev_phrase_prep(s, t, c) & EV_C2_PARTAKE)) return 0;
    /* (not a participle attribute: die an den Protesten beteiligten Polizisten) */
    for (uint32_t v = c->t0; v < c->t1; v++)
        if ((s->t[v].cue2 & EV_C2_PARTAKE) && !(s->t[v].cue & EV_C_PREP) && v != t
            && !(s->lang == EV_DE && v > 0 && (tk[v].flags & LB_TOK_UPPER))
            && !(s->lang == EV_DE && v + 1 < c->t1 && (tk[v + 1].flags & LB_TOK_UPPER) && (tk[v + 1].flags & LB_TOK_WORD))) return 1;
    return 0;
}

static int support_verb_in(const ev_sent *s, uint32_t t, const ev_pattern *p, const ev_clause *c)
{
    /* German: help after mit reports help given (mit Hilfe der USA) */
    uint32_t w = t > 0 && (s->t[t - 1].cue & EV_C_DET) ? t - 1 : t;
    if (s->lang == EV_DE && w > 0 && (s->t[w - 1].cue2 & EV_C2_WITH)
        && ev_type_in(p, EV_TB(AID) | EV_TB(SUPPORT))) return 1;
    /* German: a receiving verb with its receiver before the noun reports the act
     * done (Die Ukraine erhielt Militärhilfe) */
    int receiver = 0;
    for (int gi = 0; gi < s->ng && s->lang == EV_DE; gi++)
        if (s->g[gi].t0 >= c->t0 && s->g[gi].t1 <= t && s->g[gi].prep < 0 && !s->g[gi].place) receiver = 1;
    for (uint32_t j = c->t0; j < c->t1 && receiver; j++)
        if ((s->t[j].cue2 & EV_C2_RECEIVE) && s->t[j].form < 0 && !(LB_TOKS(s->doc)[s->tok0 + j].flags & LB_TOK_UPPER && j > 0)) return 1;
    /* (acts one takes part in: not a trial or an investigation, whose parties are not its doers) */
    if (ev_type_in(p, EV_TB(ASSAULT) | EV_TB(PROTEST) | EV_TB(MOBILIZE) | EV_SYMMETRIC_TYPES) && partake_verb_in(s, t, c)) return 1;
    if (!p->nsup) return (c->cues & EV_C_SUPPORT) != 0;
    if (!ev_stems_seen(s, p->sup, p->nsup)) return 0;
    for (uint32_t j = c->t0; j < c->t1; j++) {
        /* verbs only: not a German noun (Beginn), not after a determiner (the start) */
        if (s->lang == EV_DE && j > 0 && (LB_TOKS(s->doc)[s->tok0 + j].flags & LB_TOK_UPPER)) continue;
        if (j > 0 && (s->t[j - 1].cue & EV_C_DET)) continue;
        /* English: the support verb governs the noun before it (launch a war, not war starts) */
        if (s->lang == EV_EN && (j >= t || j + 6 < t)) continue;
        for (int k = 0; k < p->nsup; k++) if (s->t[j].stem == p->sup[k] || (s->t[j].lstem && s->t[j].lstem == p->sup[k])) return 1;
    }
    return 0;
}

/* English: the morphology layer reads trigger t as a noun or adjective right
 * before a noun (mass demonstrations, border patrol agents, the raid
 * victims): a modifier in a noun compound, no verb */
static int english_noun_modifier(const ev_sent *s, uint32_t t)
{
    const lb_doc *doc = s->doc;
    uint32_t abs = s->tok0 + t;
    if (doc->morph.len != doc->toks.len || t + 1 >= s->n) return 0;
    /* (not where a verb must stand: and urge voters, to press claims, will shell towns) */
    if (t > 0 && (s->t[t - 1].cue & (EV_C_COORD | EV_C_PRON3 | EV_C_REL | EV_C_ZU | EV_C_HYP | EV_C_HYPW | EV_C_INTENT | EV_C_NEG))) return 0;
    const lb_morph *M = LB_MORPH(doc);
    return (M[abs].upos == LB_UPOS_NOUN || M[abs].upos == LB_UPOS_ADJ) && M[abs + 1].upos == LB_UPOS_NOUN;
}

/* English: a verb pattern's word read as a noun ("a missile attack": a base
 * form two words after an article; "a Brazilian ship": after a determiner and
 * an actor adjective), or not in a verb reading (english_verb_reading) */
static int english_noun_reading(const ev_sent *s, uint32_t t)
{
    const lb_doc *doc = s->doc;
    if (t >= 2 && (s->t[t - 2].cue & EV_C_DET) && s->t[t - 1].group < 0
        && s->t[t - 1].form < 0 && !(s->t[t - 1].cue & (EV_C_PASSAUX | EV_C_INTENT | EV_C_HYP | EV_C_HYPW | EV_C_NEG))) {
        const lb_tok *tk = &LB_TOKS(doc)[s->tok0 + t];
        if (!(tk->norm_len > 2 && !memcmp(lb_tok_norm(doc, tk) + tk->norm_len - 2, "ed", 2))) return 1;
    }
    if (!english_verb_reading(s, t)) return 1;
    if (english_noun_modifier(s, t)) return 1;
    if (t > 0 && s->t[t - 1].group >= 0) {
        const ev_group *g = &s->g[s->t[t - 1].group];
        const lb_tok *d = g->t0 > 0 ? &LB_TOKS(doc)[s->tok0 + g->t0 - 1] : NULL;
        int indef = d && ((d->norm_len == 1 && lb_tok_norm(doc, d)[0] == 'a')
                          || (d->norm_len == 2 && !memcmp(lb_tok_norm(doc, d), "an", 2)));
        const lb_tok *gl = &LB_TOKS(doc)[s->tok0 + g->t1 - 1];
        /* (a plural demonym is a noun: "the Palestinians reject") */
        int adj = ev_men(s, g->men[g->nmen - 1])->form == LB_FORM_DERIV
                  && lb_tok_norm(doc, gl)[gl->norm_len - 1] != 's';
        /* (a group that ends in its group noun is a whole subject: A Turkish court sentenced) */
        if (d && (s->t[g->t0 - 1].cue & EV_C_DET) && (indef || adj) && s->t[g->t1 - 1].gsec < 0) return 1;
    }
    return 0;
}

/* German trigger t is read as an adjective (upos ADJ) and a noun follows it */
static int attributive_participle(const ev_sent *s, uint32_t t)
{
    const lb_doc *doc = s->doc;
    uint32_t abs = s->tok0 + t;
    if (doc->morph.len != doc->toks.len || abs + 1 >= doc->morph.len || t + 1 >= s->n) return 0;
    if (LB_MORPH(doc)[abs].upos != LB_UPOS_ADJ) return 0;
    const lb_tok *nx = &LB_TOKS(doc)[abs + 1];
    return (nx->flags & LB_TOK_UPPER) && (nx->flags & LB_TOK_WORD) && LB_MORPH(doc)[abs + 1].upos == LB_UPOS_NOUN;
}

/* the act of trigger t is the content of a reported demand: its clause (or
 * the clause it is coordinated with) holds a demand made by the speaker
 * (act=speaker REQUEST: Seoul müsse sich entschuldigen und die Planer
 * entlassen, sagte X; X said Iran must stop ...): no event of its own.
 * Without a speaker the modal still states an obligation, not a fact (a
 * reminder to Iraq that it must cooperate): no event either */
static int content_of_reported_demand(const ev_sent *s, uint32_t t, const ev_pattern *p)
{
    if (p->flags & EV_F_SPEAKER) return 0;
    const ev_rules *r = s->rules;
    int ci = s->t[t].clause;
    int first = ci;
    while (first > 0 && s->c[first].kind == EV_CL_COORD) first--;
    for (int k = first; k <= ci; k++)
        for (uint32_t j = s->c[k].t0; j < s->c[k].t1; j++) {
            if (j == t || s->t[j].form < 0) continue;
            const ev_pattern *q = &r->patterns[r->forms[s->t[j].form].pattern];
            if ((q->flags & EV_F_SPEAKER) && ev_type_in(q, EV_TB(REQUEST)) && (k == ci || j < t)) return 1;
        }
    return 0;
}

/* the act of trigger t is the content of a demand reported after it: the
 * sentence ends in a reporting clause that opens with a request verb after a
 * comma (Die Täter müssen bestraft werden, forderte Y; Russland solle die
 * Gefangenen freilassen, verlangte Y am Montag): no event of its own. The
 * reporting clause holds no other trigger (asyndetic coordination goes on:
 * nahm X fest, forderte Y auf, ...) */
static int content_of_postposed_demand(const ev_sent *s, uint32_t t)
{
    if (s->t[t].cue & EV_C_CTL) return 0;
    int last = s->nc - 1;
    if (last <= s->t[t].clause) return 0;
    const ev_clause *c = &s->c[last];
    uint32_t v = c->t0;
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    while (v < c->t1 && (T[v].flags & LB_TOK_PUNCT)) v++;
    if (v >= c->t1 || v == 0 || !(s->t[v].cue & EV_C_CTL) || s->t[v].group >= 0) return 0;
    uint32_t p = v;
    while (p > 0 && !(T[p - 1].flags & LB_TOK_PUNCT)) p--;
    if (p == 0 || T[p - 1].norm_len != 1 || lb_tok_norm(s->doc, &T[p - 1])[0] != ',') return 0;
    for (uint32_t j = v + 1; j < c->t1; j++) if (s->t[j].form >= 0 || (s->t[j].cue & EV_C_CTL)) return 0;
    for (int k = s->t[t].clause; k < last; k++)
        for (uint32_t j = s->c[k].t0; j < s->c[k].t1; j++)
            if (T[j].norm_len == 1 && (lb_tok_norm(s->doc, &T[j])[0] == ':' || lb_tok_norm(s->doc, &T[j])[0] == ';')) return 0;
    return 1;
}

/* English: the act of trigger t is the content of a demand in a that-clause
 * right after a request verb (Greece demanded that its partners refuse to
 * recognise X; urged that troops be withdrawn): what is asked for, not an
 * act that happened, so no event of its own (the infinitive object of a
 * request verb is the same, by its control cue). Words between the verb and
 * the clause must be no group (demanded the release of men that ...: a
 * relative clause) */
static int content_of_english_demand(const ev_sent *s, uint32_t t)
{
    int ci = s->t[t].clause;
    if (s->lang != EV_EN || ci == 0 || s->c[ci].kind != EV_CL_SUB) return 0;
    const ev_clause *c = &s->c[ci], *g = &s->c[ci - 1];
    if (!(s->t[c->t0].cue & EV_C_SUB)) return 0;
    for (uint32_t j = c->t0; j-- > g->t0;) {
        if (s->t[j].group >= 0) return 0;
        if (s->t[j].form < 0) continue;
        const ev_pattern *q = &s->rules->patterns[s->rules->forms[s->t[j].form].pattern];
        return q->kind == EV_VERB && !(q->flags & EV_F_SPEAKER) && ev_type_in(q, EV_TB(REQUEST));
    }
    return 0;
}

/* English: event noun t is the object of a request or rejection verb a few
 * words before it in its clause (demanded the withdrawal of X; demanded a
 * truce; refused talks): what is asked for or refused, no event of its own
 * (the German counterpart is verdict_verb_of_noun). Only articles, adjectives,
 * numbers, names and nouns stand between the verb and the noun */
static int english_object_of_request(const ev_sent *s, uint32_t t, const ev_pattern *p)
{
    const lb_doc *doc = s->doc;
    if (s->lang != EV_EN || p->kind == EV_VERB || doc->morph.len != doc->toks.len) return 0;
    const ev_clause *c = &s->c[s->t[t].clause];
    const lb_morph *M = LB_MORPH(doc) + s->tok0;
    for (uint32_t k = 1; k <= 4 && k <= t && t - k >= c->t0; k++) {
        uint32_t j = t - k;
        if (s->t[j].form >= 0) {
            /* (a multiword verb whose words go on after the noun frames it: launched a mediation effort) */
            if (s->rules->forms[s->t[j].form].req_kind != EV_REQ_NONE) return 0;
            const ev_pattern *v = word_reading(s, j);
            return v && v->kind == EV_VERB && !(v->flags & EV_F_SPEAKER) && ev_type_in(v, EV_TB(REQUEST) | EV_TB(REJECT));
        }
        uint8_t u = M[j].upos;
        if (u != LB_UPOS_DET && u != LB_UPOS_ADJ && u != LB_UPOS_NUM && u != LB_UPOS_PROPN && u != LB_UPOS_NOUN) return 0;
    }
    return 0;
}

/* a demand in the purpose clause of a protest (staged demonstrations to
 * demand reforms; began a hunger strike to demand ...; demonstrierten, um
 * ... zu fordern): the protest's goal, no event of its own */
static int goal_of_protest(const ev_sent *s, uint32_t t, const ev_pattern *p)
{
    if (!ev_type_in(p, EV_TB(REQUEST)) || t == 0) return 0;
    if (!ev_zu_marked(s, t) && !(s->t[t - 1].cue & EV_C_ZU)) return 0;
    int ci = s->t[t].clause;
    uint32_t from = ci > 0 ? s->c[ci - 1].t0 : s->c[ci].t0;
    for (uint32_t j = from; j < t; j++) {
        if (s->t[j].form < 0) continue;
        const ev_pattern *q = &s->rules->patterns[s->rules->forms[s->t[j].form].pattern];
        if (ev_type_in(q, EV_TB(PROTEST))) return 1;
    }
    return 0;
}

/* whether trigger t with pattern p may code an event: -1 no, 1 handled
 * without an event of its own (the object of a verdict, the content of a
 * pledge), 0 go on; *gov gets the governing clause's cues */
static int trigger_gate(const ev_sent *s, uint32_t t, const ev_pattern *p, uint32_t *gov)
{
    if (p->kind == EV_NOUN_SUPPORT && !support_verb_ok(s, t, p)) return -1;
    int answer = 0;
    if (object_of_verdict(s, t) || verdict_verb_of_noun(s, t, p, &answer) >= 0) return 1;
    /* groups on the move (troops arrived in Bosnia) pay no visit */
    if (p->mode && !strcmp(p->mode, "visit") && p->kind == EV_VERB)
        for (uint32_t k = 1; k <= 2 && k <= t; k++) if (s->t[t - k].cue & EV_C_GROUP) return -1;
    *gov = ev_governing_cues(s, t);
    /* the content of a pledge or request: unless the trigger is itself the speech act */
    if ((*gov & EV_C_CTL) && !(s->t[t].cue & EV_C_CTL)) return 1;
    if (content_of_reported_demand(s, t, p)) return 1;
    if (!(p->flags & EV_F_SPEAKER) && content_of_postposed_demand(s, t)) return 1;
    if (goal_of_protest(s, t, p)) return 1;
    if (content_of_english_demand(s, t)) return 1;
    if (english_object_of_request(s, t, p)) return 1;
    if (s->lang == EV_EN && p->kind == EV_VERB && english_noun_reading(s, t)) return -1;
    if (p->nobj && !object_follows(s, t, p)) return -1;
    /* (dürfen without a negation permits, it demands nothing) */
    if ((p->flags & EV_F_NEGNEED) && !(s->c[s->t[t].clause].cues & EV_C_NEG)) return -1;
    if (p->nnot && word_in_clause(s, t, p->notw, p->nnot)) return -1;
    /* German: a verb form right after an article is an attribute (die verantwortlichen
     * Planer, des bewaffneten Arms), background; not a relative pronoun after a comma */
    /* (an evaluation said by a speaker evaluates also as an attribute: dieser feige Anschlag) */
    if (s->lang == EV_DE && p->kind == EV_VERB && !(p->flags & EV_F_SPEAKER) && t > 0 && (s->t[t - 1].cue & EV_C_DET)
        && !(t >= 2 && (LB_TOKS(s->doc)[s->tok0 + t - 2].flags & LB_TOK_PUNCT))) return -1;
    /* or with no article: a participle the morphology layer reads as an adjective
     * before its noun (die Freilassung inhaftierter Gesinnungsgenossen) */
    if (s->lang == EV_DE && p->kind == EV_VERB && !(p->flags & EV_F_SPEAKER) && attributive_participle(s, t)) return -1;
    return 0;
}

/* codes trigger t with pattern p; 1 when an event was added (or was a
 * duplicate, or the trigger needs none), 0 when not, -1 out of memory */
static int forces_after(const ev_sent *s, uint32_t t);

/* German: verb trigger t is a participle that a reflexive perception verb
 * before it in its clause takes as its predicate (fühlt sich bedroht, sieht
 * sich von der Nato angegriffen): a perceived state, no reported act */
static int perceived_state(const ev_sent *s, uint32_t t)
{
    const lb_doc *doc = s->doc;
    if (s->lang != EV_DE || doc->morph.len != doc->toks.len) return 0;
    const lb_morph *M = LB_MORPH(doc) + s->tok0;
    uint32_t vf = LB_FEAT_GET(M[t].feats, VERBFORM);
    if (vf != LB_VERBFORM_PART && vf != LB_VERBFORM_FIN) return 0;
    const ev_clause *c = &s->c[s->t[t].clause];
    int perceive = 0, reflexive = 0;
    for (uint32_t j = c->t0; j < t; j++) {
        /* (with the perception verb finite, a -t form after it is its participle: fühlt sich ignoriert) */
        if ((s->t[j].cue2 & EV_C2_PERCEIVE) && (vf == LB_VERBFORM_PART || LB_FEAT_GET(M[j].feats, VERBFORM) == LB_VERBFORM_FIN)) perceive = 1;
        if (M[j].upos == LB_UPOS_PRON && LB_FEAT_GET(M[j].feats, REFLEX)) reflexive = 1;
    }
    return perceive && reflexive;
}

/* 1 when party list l names a medium (sector MED) */
static int names_medium(const lb_actor_ref *l, int n)
{
    for (int k = 0; k < n; k++) if (l[k].sector && !strcmp(l[k].sector, "MED")) return 1;
    return 0;
}

/* 1 when group gi holds a medium the text names (der Tagesspiegel, AFP), not
 * one a pronoun or "beide" resumes */
static int named_medium(const ev_sent *s, int gi)
{
    if (gi < 0 || s->g[gi].both) return 0;
    const ev_group *g = &s->g[gi];
    for (int q = 0; q < g->nmen; q++) {
        if (g->men[q] >= s->doc->mentions.len) continue;
        const char *sec = ev_men(s, g->men[q])->actor.sector;
        if (sec && !strcmp(sec, "MED")) return 1;
    }
    return 0;
}

/* group gi alone fills the prefield of its clause, right before the finite
 * verb (ORF weist ... zurück), where the clause layer found no subject or read
 * the name as a genitive (Reuters wies ...): a bare genitive cannot fill the
 * prefield, so it is the subject the layer missed */
static int prefield_subject(const ev_sent *s, uint32_t t, int gi, int subj)
{
    const lb_doc *doc = s->doc;
    const lb_clause *c = ev_clause_at(s, t);
    if (!c || c->fin < 0) return 0;
    const ev_group *g = &s->g[gi];
    uint32_t last = s->tok0 + g->t1 - 1, first = s->tok0 + g->t0;
    if ((uint32_t)c->fin != last + 1 || last >= doc->morph.len) return 0;
    for (uint32_t k = c->tok0; k < first; k++) if (!(s->t[k - s->tok0].cue & EV_C_DET)) return 0;
    return subj == -2 || LB_FEAT_GET(LB_MORPH(doc)[last].feats, CASE) == LB_CASE_GEN;
}

/* A medium is a participant only where it acts itself (GUIDELINES §1-2: media
 * quoted as sources are actors of their own acts, but "media reports are sources
 * of quotes"): as the actor it must be the subject or passive agent of the
 * trigger's clause (der ORF weist die Vorwürfe zurück), as the recipient its
 * accusative object or a group after the pattern's own preposition (kritisierte
 * den Sender, Klage gegen die Zeitung). A medium as the addressee of a statement
 * (sagte der Zeitung), as an interviewer (in einem Gespräch mit der Welt) or
 * taken from a report's attribution (nach Informationen des Tagesspiegel) is
 * none: then the event is not coded. Only media the sentence names are judged
 * (a speaker carried over from a quote, a medium a pronoun or "beide" resumes
 * keep their role). German only (the clause layer). */
static int media_roles_ok(const ev_sent *s, uint32_t t, const ev_pattern *p, const roles *R, const lb_event *e)
{
    int subj, obj, agent;
    if (!names_medium(e->actor, e->nactor) && !names_medium(e->recipient, e->nrecipient)) return 1;
    if (s->lang != EV_DE || !ev_clause_core_groups(s, t, &subj, &obj, &agent)) return 1;
    if (names_medium(e->actor, e->nactor) && named_medium(s, R->actor) && R->actor != subj && R->actor != agent
        && !prefield_subject(s, t, R->actor, subj)) return 0;
    if (!names_medium(e->recipient, e->nrecipient) || !named_medium(s, R->recipient)) return 1;
    if (R->recipient == obj || (R->passive && R->recipient == subj)) return 1;
    const ev_group *g = &s->g[R->recipient];
    return g->prep >= 0 && (p->rec_preps >> g->prep & 1) && strcmp(e->type, "CONSULT");
}

static int code_trigger(ev_sent *s, lb_doc *doc, uint32_t t, const ev_pattern *p)
{
    if (!p->type) return 0;
    if (p->kind == EV_VERB && perceived_state(s, t)) return 1;     /* (no event, and no other reading) */
    uint32_t gov = 0;
    roles R;
    if (!answered_noun_roles(s, t, p, &R)) {
        int gate = trigger_gate(s, t, p, &gov);
        if (gate) return gate > 0;
        ev_find_roles(s, t, p, &R);
        if (noun_judged_by_clause(s, t, p, &R)) return 1;
    }
    lb_event e;
    if (!ev_participants(s, t, p, &R, &e)) return 0;
    if (!media_roles_ok(s, t, p, &R, &e)) return 0;
    ev_set_flags(s, t, p, gov, &e);
    e.date = ev_event_date(s, t);
    const lb_sent *S = &LB_SENTS(doc)[s->si];
    const lb_tok *tk = &LB_TOKS(doc)[s->tok0 + t];
    e.start = S->start; e.end = S->end; e.sent = s->si;
    e.trigger_start = (int32_t)tk->start; e.trigger_end = (int32_t)tk->end;
    e.rule = p->id;
    double conf = p->conf;
    if (R.inherited) conf -= 0.1;
    if (!e.nrecipient) conf -= 0.1;
    if (conf < 0.1) conf = 0.1;
    e.confidence = conf;
    e.cameo = R.dep ? p->dep_cameo_root : p->cameo_root;
    e.goldstein = R.dep ? p->dep_goldstein : p->goldstein;
    /* aid to no one but one's own state (schickte zusätzliche Polizisten in die
     * Vororte): a deployment of its own forces, MOBILIZE (CAMEO 15), no aid */
    if (!strcmp(e.type, "AID") && e.nactor == 1 && e.nrecipient == 1 && !strcmp(e.actor[0].code, e.recipient[0].code)
        && forces_after(s, t)) {
        e.type = "MOBILIZE"; e.mode = NULL; e.nrecipient = 0;
        e.cameo = "15"; e.goldstein = ev_goldstein(s->rules, "15");
    }
    /* mutual action of a directed type (unterstützen einander): the other direction too */
    int mutual = (s->c[s->t[t].clause].cues & EV_C_MUTUAL) || (p->flags & EV_F_MUTUAL);
    return ev_emit(doc, &e, mutual) < 0 ? -1 : 1;
}

/* a group noun of armed forces or police after trigger t in its clause (the forces sent) */
static int forces_after(const ev_sent *s, uint32_t t)
{
    const ev_clause *c = &s->c[s->t[t].clause];
    for (uint32_t j = t + 1; j < c->t1 && j <= t + 6; j++) {
        if (s->t[j].gsec < 0) continue;
        const char *sec = s->rules->sectors[s->t[j].gsec];
        if (!strcmp(sec, "MIL") || !strcmp(sec, "COP")) return 1;
    }
    return 0;
}

/* the sentence token whose text starts at byte offset off, or UINT32_MAX */
static uint32_t token_at(const ev_sent *s, int32_t off)
{
    for (uint32_t t = 0; t < s->n; t++) if ((int32_t)LB_TOKS(s->doc)[s->tok0 + t].start == off) return t;
    return UINT32_MAX;
}

/* an accusation whose object is a hostile act named by a noun with its own
 * doer (verurteilte die Festnahme des Journalisten durch die Polizei): the
 * doer is the accused, not the act's target */
static void accuse_the_doer(ev_sent *s, lb_doc *doc, size_t from)
{
    const ev_rules *r = s->rules;
    for (size_t i = from; i < doc->events.len; i++) {
        lb_event *a = &LB_EVENTS(doc)[i];
        uint32_t ta = token_at(s, a->trigger_start);
        if (strcmp(a->type, "ACCUSE") || !a->nactor || ta == UINT32_MAX || s->t[ta].form < 0
            || r->patterns[r->forms[s->t[ta].form].pattern].kind != EV_VERB) continue;
        for (size_t j = from; j < doc->events.len; j++) {
            const lb_event *b = &LB_EVENTS(doc)[j];
            uint32_t tb = token_at(s, b->trigger_start);
            if (j == i || tb == UINT32_MAX || s->t[tb].clause != s->t[ta].clause || s->t[tb].form < 0) continue;
            if (r->patterns[r->forms[s->t[tb].form].pattern].kind == EV_VERB || !b->nactor || !b->nrecipient) continue;
            if (strcmp(b->type, "ASSAULT") && strcmp(b->type, "COERCE") && strcmp(b->type, "SANCTION")) continue;
            if (ev_has_code(a->actor, a->nactor, b->actor[0].code)) continue;
            memcpy(a->recipient, b->actor, sizeof a->recipient);
            a->nrecipient = b->nactor;
            break;
        }
    }
}

/* German: token t is the separated particle of a separable trigger verb
 * before it in the sentence (stellen ... Hilfe bereit: bereit is no trigger
 * of its own) */
static int particle_of_earlier_trigger(const ev_sent *s, uint32_t t)
{
    const lb_tok *tk = &LB_TOKS(s->doc)[s->tok0 + t];
    for (uint32_t i = t; i-- > 0;) {
        if (s->t[i].form < 0) continue;
        const ev_form *f = &s->rules->forms[s->t[i].form];
        if (f->req_kind == EV_REQ_PARTICLE && f->req_len == tk->norm_len
            && !memcmp(lb_tok_norm(s->doc, tk), f->req, tk->norm_len)) return 1;
    }
    return 0;
}

/* the morphology layer reads token t as a verb or auxiliary */
static int morph_reads_verb(const ev_sent *s, uint32_t t)
{
    const lb_doc *doc = s->doc;
    uint32_t abs = s->tok0 + t;
    if (doc->morph.len != doc->toks.len || abs >= doc->morph.len) return 0;
    uint8_t u = LB_MORPH(doc)[abs].upos;
    return u == LB_UPOS_VERB || u == LB_UPOS_AUX;
}

int ev_code_sentence(ev_sent *s, lb_doc *doc)
{
    const ev_rules *r = s->rules;
    size_t from = doc->events.len;
    if (!s->ntrig) return LB_OK;        /* (no trigger: no event to code or drop) */
    for (uint32_t t = 0; t < s->n; t++) {
        if (s->t[t].form < 0) continue;
        if (s->lang == EV_DE && particle_of_earlier_trigger(s, t)) continue;
        const ev_pattern *first = &r->patterns[r->forms[s->t[t].form].pattern];
        int rc = code_trigger(s, doc, t, first);
        if (rc < 0) return LB_ENOMEM;
        if (rc > 0 || s->t[t].chain == UINT32_MAX) continue;
        /* German: capitalisation already decided between noun and verb */
        if (s->lang == EV_DE && t > 0 && (LB_TOKS(doc)[s->tok0 + t].flags & LB_TOK_UPPER)) continue;
        /* the preferred reading found no participants: try the word's other
         * patterns of another kind (talks: verb, then noun) */
        uint32_t first_pattern = r->forms[s->t[t].form].pattern;
        int any_kind = first->nobj != 0, first_kind = first->kind;
        int morph_verb = s->lang == EV_DE && morph_reads_verb(s, t);
        for (uint32_t k = s->t[t].chain; k != UINT32_MAX && rc == 0; k = r->forms[k].next) {
            const ev_form *f = &r->forms[k];
            /* (a pattern whose obj= words were missing gives way to any other) */
            if (f->pattern == first_pattern || (f->kind == first_kind && !any_kind) || f->block) continue;
            /* (German: a word the morphology reads as a verb takes no noun reading) */
            if (f->kind != EV_VERB && morph_verb) continue;
            if (!ev_req_ok(s, t, f)) continue;
            rc = code_trigger(s, doc, t, &r->patterns[f->pattern]);
            if (rc < 0) return LB_ENOMEM;
        }
    }
    accuse_the_doer(s, doc, from);
    ev_drop_covered(doc, from);
    return LB_OK;
}
