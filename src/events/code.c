/* code.c: codes the events of one analysed sentence (see sent.c): finds
 * actor and recipient groups of each trigger by word order, prepositions,
 * passive voice, relative and coordinated clauses, sets the negated and
 * hypothetical flags and the date, and appends deduplicated lb_events with
 * their provenance. Reads only the sentence state and doc layers. */
#include "events/sent.h"
#include "text/text.h"
#include <string.h>

static int symmetric(const char *type);

typedef struct roles {
    int actor, recipient;      /* group indices, -1 none */
    int split;                 /* actor group holds both sides of a symmetric event */
    int inherited;             /* actor came from another clause */
    int dep;                   /* recipient found in the dependent clause (pattern dep=) */
    const lb_actor_ref *speaker;   /* actor from a quote's speaker */
} roles;

static int usable(const ev_sent *s, int gi, const ev_pattern *p)
{
    if (gi < 0) return 0;
    const ev_group *g = &s->g[gi];
    if (!g->place) return 1;
    return g->prep >= 0 && (p->rec_preps >> g->prep & 1);
}

static int bare(const ev_sent *s, int gi)
{
    const ev_group *g = &s->g[gi];
    return g->prep < 0 && !g->place;
}

static int is_agent(const ev_sent *s, int gi)
{
    const ev_group *g = &s->g[gi];
    if (g->prep < 0) return 0;
    /* the agent preposition is marked on the word; find it before the group */
    for (uint32_t k = 1; k <= 4 && g->t0 >= k; k++)
        if (s->t[g->t0 - k].cue & EV_C_PREP) return (s->t[g->t0 - k].cue & EV_C_AGENT) != 0;
    return 0;
}

static int prep_between(const ev_sent *s, int gi)
{
    const ev_group *g = &s->g[gi];
    if (g->prep < 0) return 0;
    for (uint32_t k = 1; k <= 4 && g->t0 >= k; k++)
        if (s->t[g->t0 - k].cue & EV_C_PREP) return (s->t[g->t0 - k].cue & EV_C_BETWEEN) != 0;
    return 0;
}

/* looks like a past participle (for passive voice) */
static int participle(const ev_sent *s, uint32_t i)
{
    const lb_tok *tk = &LB_TOKS(s->doc)[s->tok0 + i];
    const char *w = lb_tok_norm(s->doc, tk);
    size_t n = tk->norm_len;
    if (n < 4) return 0;
    if (s->lang == EV_EN)
        return !memcmp(w + n - 2, "ed", 2) || !memcmp(w + n - 2, "en", 2) || !memcmp(w + n - 2, "wn", 2);
    if (!memcmp(w, "ge", 2) || w[n - 1] == 't') return 1;
    /* separable participle: an-ge-griffen */
    for (size_t k = 2; k + 4 < n && k <= 5; k++) if (w[k] == 'g' && w[k + 1] == 'e') return 1;
    return 0;
}

/* a German zu-infinitive clause after a comma (…, den Angriff zu verurteilen) */
static int zu_clause(const ev_sent *s, int ci)
{
    const ev_clause *c = &s->c[ci];
    if (s->lang != EV_DE || ci == 0) return 0;
    for (uint32_t j = c->t0; j + 1 < c->t1; j++)
        if ((s->t[j].cue & EV_C_ZU) && !(LB_TOKS(s->doc)[s->tok0 + j + 1].flags & LB_TOK_UPPER)
            && (LB_TOKS(s->doc)[s->tok0 + j + 1].flags & LB_TOK_WORD)) return 1;
    return 0;
}

/* clause k is an apposition with an indefinite article between commas
 * (", a key U.S. ally in the war against terrorism,"): it describes the group
 * before it and holds no subject */
static int indefinite_apposition(const ev_sent *s, int k)
{
    if (s->lang != EV_EN || k == 0) return 0;
    const ev_clause *c = &s->c[k];
    uint32_t j = c->t0;
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    if (j < c->t1 && (T[j].flags & LB_TOK_PUNCT)) j++;
    if (j >= c->t1 || !(j > 0 && (T[j - 1].flags & LB_TOK_PUNCT))) return 0;
    int indef = (T[j].norm_len == 1 && lb_tok_norm(s->doc, &T[j])[0] == 'a')
                || (T[j].norm_len == 2 && !memcmp(lb_tok_norm(s->doc, &T[j]), "an", 2));
    if (!indef) return 0;
    /* closed by a comma, with no relative pronoun (a country that attacked ...) */
    if (!(T[c->t1 - 1].flags & LB_TOK_PUNCT) || (c->cues & EV_C_REL) || k + 1 >= s->nc) return 0;
    return 1;
}

/* subject of clause ci relative to trigger t, or -1; inherited through clauses */
static int clause_subject(const ev_sent *s, int ci, uint32_t t, int *inherited, int depth);

static int inherit_subject(const ev_sent *s, int ci, int *inherited, int depth)
{
    const ev_clause *c = &s->c[ci];
    if (depth > 3) return -1;
    if (c->kind == EV_CL_REL) {
        if (c->antecedent < 0) return -1;
        *inherited = 1; return c->antecedent;
    }
    /* coordination, zu-clauses and interrupted main clauses: the nearest earlier main clause */
    int seen = 0;
    for (int k = ci - 1; k >= 0 && seen < 3; k--) {
        const ev_clause *p = &s->c[k];
        /* a coordinated verb continues the main clause, not a subordinate one in between */
        if (p->kind == EV_CL_REL || (p->kind == EV_CL_SUB && c->kind == EV_CL_COORD)) continue;
        if (indefinite_apposition(s, k)) continue;   /* Pakistan, a key U.S. ally, has refused */
        seen++;     /* an apposition between commas has no subject: look further back */
        /* its subject as seen from its first trigger, not from its end
         * (X killed a U.S. soldier and wounded two: X, not the object) */
        uint32_t at = p->t1;
        for (uint32_t j = p->t0; j < p->t1; j++) if (s->t[j].form >= 0) { at = j; break; }
        int sub = clause_subject(s, k, at, inherited, depth + 1);
        if (sub >= 0) { *inherited = 1; return sub; }
    }
    return -1;
}

static int clause_subject(const ev_sent *s, int ci, uint32_t t, int *inherited, int depth)
{
    const ev_clause *c = &s->c[ci];
    if (c->kind == EV_CL_REL && c->antecedent >= 0) { *inherited = 1; return c->antecedent; }
    /* a verb right after the coordinator (China versteht und unterstützt Russland),
     * a zu-infinitive clause: the subject of the clause before */
    if (c->kind == EV_CL_COORD || zu_clause(s, ci)) {
        int inh = inherit_subject(s, ci, inherited, depth);
        if (inh >= 0) return inh;
    }
    /* a pronoun before any group (indem sie ..., they said): the subject of the clause before */
    for (uint32_t j = c->t0; j < c->t1 && j < t + 1; j++) {
        if (s->t[j].group >= 0) break;
        if (s->t[j].cue & EV_C_PRON3) {
            int inh = ci > 0 ? inherit_subject(s, ci, inherited, depth) : -1;
            return inh;     /* an unresolved pronoun is the subject: no group of the clause is */
        }
        if ((s->t[j].cue & EV_C_PRON1) && !(j + 1 < c->t1 && (s->t[j + 1].cue & EV_C_COORD)))
            return -1;      /* wir: the speaker of the quote (see code_trigger) */
    }
    int best = -1;
    for (int gi = 0; gi < s->ng; gi++) {
        const ev_group *g = &s->g[gi];
        if (g->clause != ci || !bare(s, gi)) continue;
        if (s->lang == EV_DE && g->poss) continue;         /* a genitive attribute is no subject */
        if (s->lang == EV_DE) { best = gi; break; }       /* first bare group of the clause */
        if (g->t1 <= t) best = gi;                         /* English: nearest before the verb */
    }
    if (best < 0 && s->lang == EV_EN)
        /* the president of Russia met ...: an of-group before the verb */
        for (int gi = 0; gi < s->ng; gi++) {
            const ev_group *g = &s->g[gi];
            if (g->clause == ci && g->t1 <= t && g->t0 > 0 && (s->t[g->t0 - 1].cue & EV_C_OF) && !g->place) best = gi;
        }
    if (best < 0 && s->lang == EV_EN)
        /* rebels in the Ivory Coast dismissed ...: a group noun with its place */
        for (int gi = 0; gi < s->ng; gi++) {
            const ev_group *g = &s->g[gi];
            if (g->clause != ci || g->t1 > t || !g->place) continue;
            for (uint32_t k = 2; k <= 4 && g->t0 >= k + c->t0; k++)
                if (s->t[g->t0 - k].cue & EV_C_GROUP) { best = gi; break; }
        }
    if (best >= 0) return best;
    if (c->kind == EV_CL_COORD || c->kind == EV_CL_MAIN) {
        int inh = inherit_subject(s, ci, inherited, depth);
        if (inh >= 0) return inh;
    }
    return -1;
}

static int first_group(const ev_sent *s, int ci, uint32_t from, uint32_t to, int skip, int want_bare,
                       uint64_t preps, const ev_pattern *p)
{
    for (int gi = 0; gi < s->ng; gi++) {
        const ev_group *g = &s->g[gi];
        if (g->clause != ci || gi == skip || g->t0 < from || g->t0 >= to) continue;
        if (want_bare && bare(s, gi)) return gi;
        if (!want_bare && g->prep >= 0 && (preps >> g->prep & 1) && usable(s, gi, p)) return gi;
    }
    return -1;
}

static const lb_actor_ref *quote_speaker(const lb_doc *doc, const lb_tok *tk)
{
    for (size_t q = 0; q < doc->quotes.len; q++) {
        const lb_quote *Q = &LB_QUOTES(doc)[q];
        if (tk->start >= Q->start && tk->end <= Q->end && Q->speaker_actor.code) return &Q->speaker_actor;
    }
    return NULL;
}

static int zu_marked(const ev_sent *s, uint32_t t)
{
    return t > 0 && (s->t[t - 1].cue & EV_C_ZU);
}

static void find_roles(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R)
{
    int ci = s->t[t].clause;
    const ev_clause *c = &s->c[ci];
    R->actor = R->recipient = -1;
    R->split = R->inherited = R->dep = 0;
    R->speaker = NULL;
    if (p->kind != EV_VERB) {
        /* participants inside the noun phrase */
        for (int gi = 0; gi < s->ng; gi++) {
            const ev_group *g = &s->g[gi];
            if (g->clause != ci || g->place) continue;
            if (g->t0 <= t && g->t1 > t) { R->actor = gi; break; }                 /* Nato-Gipfel */
            if (g->t1 == t || (g->t1 + 1 == t && g->poss)) { R->actor = gi; }     /* Putins Besuch, Russia's visit */
            if (g->t0 > t && g->t0 <= t + 6 && prep_between(s, gi) && !(p->rec_preps >> g->prep & 1)) {
                R->actor = gi; R->split = 1; return;
            }
        }
        if (R->actor < 0 && symmetric(p->type))
            /* das Treffen für die beiden Staatsoberhäupter */
            for (int gi = 0; gi < s->ng; gi++)
                if (s->g[gi].clause == ci && s->g[gi].both) { R->actor = gi; R->split = 1; return; }
        if (R->actor < 0 && s->lang == EV_DE && !(p->flags & EV_F_REC_OBJ)) {
            /* genitive after the noun: der Besuch des chinesischen Präsidenten
             * (not for nouns whose object follows: die Eroberung der Ukraine) */
            for (int gi = 0; gi < s->ng; gi++) {
                const ev_group *g = &s->g[gi];
                if (g->clause == ci && g->t0 > t && g->t0 <= t + 3 && bare(s, gi)) { R->actor = gi; break; }
            }
        }
        if (R->actor < 0 && p->act_preps) R->actor = first_group(s, ci, t + 1, c->t1, -1, 0, p->act_preps, p);
        R->recipient = first_group(s, ci, t + 1, c->t1, R->actor, 0, p->rec_preps, p);
        if (R->actor >= 0 && R->recipient < 0 && !R->split && symmetric(p->type)) {
            /* Scholz reiste zum Nato-Gipfel: the clause subject meets the noun's participant */
            int inh = 0, sub = clause_subject(s, ci, t, &inh, 0);
            if (sub >= 0 && sub != R->actor) { R->recipient = R->actor; R->actor = sub; R->inherited = inh; }
        }
        if (R->actor < 0) {
            R->actor = clause_subject(s, ci, t, &R->inherited, 0);
            /* rather than a subject from another clause: a possessor in this one (Xis Wortlaut ... Telefonat) */
            if (R->actor < 0 || R->inherited)
                for (int gi = 0; gi < s->ng; gi++)
                    if (s->g[gi].clause == ci && s->g[gi].poss && s->g[gi].t1 <= t && gi != R->recipient) {
                        R->actor = gi; R->inherited = 0; break;
                    }
        }
        if (R->recipient < 0 && (p->flags & EV_F_REC_OBJ))
            /* den Rücken stärken: the dative object of the clause */
            for (int gi = 0; gi < s->ng && R->recipient < 0; gi++)
                if (s->g[gi].clause == ci && gi != R->actor && bare(s, gi)) R->recipient = gi;
        if (R->actor == R->recipient) R->recipient = -1;
        return;
    }
    int inh = 0;
    if (p->flags & EV_F_SPEAKER) {
        /* X said (that) Y must ...: Y, the subject of the trigger's own clause, is
         * the recipient; the actor is who says it (the quote's speaker, else the
         * subject of a clause with a speech verb) */
        R->recipient = clause_subject(s, ci, t, &inh, 0);
        if (inh) R->recipient = -1;
        R->speaker = quote_speaker(s->doc, &LB_TOKS(s->doc)[s->tok0 + t]);
        for (int k = 0; k < s->nc && !R->speaker && R->actor < 0; k++) {
            if (k == ci || !(s->c[k].cues & EV_C_SAY)) continue;
            uint32_t at = s->c[k].t1;
            for (uint32_t j = s->c[k].t0; j < s->c[k].t1; j++) if (s->t[j].cue & EV_C_SAY) { at = j; break; }
            int i2 = 0, sub = clause_subject(s, k, at, &i2, 0);
            if (sub >= 0 && sub != R->recipient) R->actor = sub;
        }
        return;
    }
    /* a zu-infinitive has no subject of its own: the governing clause's subject */
    int subj = zu_marked(s, t) ? inherit_subject(s, ci, &inh, 0) : -1;
    if (subj < 0) subj = clause_subject(s, ci, t, &inh, 0);
    /* passive voice: a passive auxiliary in the clause and a participle or an agent */
    int agent = -1;
    for (int gi = 0; gi < s->ng; gi++)
        if (s->g[gi].clause == ci && s->g[gi].t0 > (s->lang == EV_EN ? t : c->t0) && is_agent(s, gi)
            && !(p->act_preps >> s->g[gi].prep & 1)) { agent = gi; break; }
    int aux = 0;
    for (uint32_t j = c->t0; j < c->t1; j++)
        if ((s->t[j].cue & EV_C_PASSAUX) && (s->lang == EV_DE || j < t)) aux = 1;
    if (aux && (agent >= 0 || participle(s, t))) {
        R->actor = agent;
        R->recipient = subj;
        R->inherited = inh;
        if (R->actor == R->recipient) R->recipient = -1;
        return;
    }
    if (p->flags & EV_F_INVERSE) {
        R->recipient = subj;
        R->actor = first_group(s, ci, c->t0, c->t1, subj, 0, p->act_preps, p);
        return;
    }
    R->actor = subj;
    R->inherited = inh;
    if (p->rec_preps) R->recipient = first_group(s, ci, c->t0, c->t1, subj, 0, p->rec_preps, p);
    if (R->recipient < 0 && (p->flags & EV_F_REC_OBJ)) {
        if (s->lang == EV_DE) {
            /* the nearest object before the verb (verb-final and perfect clauses), else the first after it */
            uint32_t from = (subj >= 0 && s->g[subj].clause == ci) ? s->g[subj].t1 : c->t0;
            int deriv = -1;
            for (int gi = 0; gi < s->ng; gi++)
                if (s->g[gi].clause == ci && gi != subj && s->g[gi].t0 >= from && s->g[gi].t1 <= t && bare(s, gi)) {
                    /* an adjective (die chinesische Unterstützung) names a thing: a weaker candidate */
                    const lb_mention *m = &LB_MENTIONS(s->doc)[s->g[gi].men[0]];
                    if (s->g[gi].nmen == 1 && m->form == LB_FORM_DERIV && !s->g[gi].both) deriv = gi;
                    else R->recipient = gi;
                }
            if (R->recipient < 0) R->recipient = deriv;
            if (R->recipient < 0) R->recipient = first_group(s, ci, t + 1, c->t1, subj, 1, 0, p);
            if (R->recipient < 0) R->recipient = first_group(s, ci, c->t0, c->t1, subj, 1, 0, p);
        } else {
            R->recipient = first_group(s, ci, t + 1, c->t1, subj, 1, 0, p);
            /* physical targets: shelled positions of the Palestinian forces, arrested members of X */
            if (R->recipient < 0 && (p->flags & EV_F_REC_PLACE))
                for (int gi = 0; gi < s->ng && R->recipient < 0; gi++) {
                    const ev_group *g = &s->g[gi];
                    if (g->clause != ci || gi == subj || g->t0 <= t + 1 || g->t0 > t + 6 || g->place) continue;
                    uint32_t j = g->t0 - 1;
                    if ((s->t[j].cue & EV_C_DET) && j > t + 1) j--;      /* positions of the Palestinian forces */
                    if (s->t[j].cue & EV_C_OF) R->recipient = gi;
                }
        }
    }
    /* warnte, dass China Waffen liefern könnte: the dass clause's subject, coded as dep= says */
    if (R->recipient < 0 && p->dep_type && ci + 1 < s->nc && s->c[ci + 1].kind == EV_CL_SUB) {
        int dinh = 0, sub = clause_subject(s, ci + 1, s->c[ci + 1].t1, &dinh, 0);
        if (sub >= 0 && !dinh && sub != subj) { R->recipient = sub; R->dep = 1; }
    }
    /* pledges and requests: the counterpart may stand in the following zu/dass clause */
    if (R->recipient < 0 && (s->t[t].cue & (EV_C_CTL | EV_C_NEGSUB)) && s->lang == EV_EN) {
        /* willing to withdraw from Lebanon: the counterpart in the pledged action */
        for (int gi = 0; gi < s->ng && R->recipient < 0; gi++)
            if (s->g[gi].clause == ci && s->g[gi].t0 > t && gi != subj && !s->g[gi].place) R->recipient = gi;
        /* ready to send troops to a force in Liberia: else the place of the pledged action */
        for (int gi = 0; gi < s->ng && R->recipient < 0; gi++)
            if (s->g[gi].clause == ci && s->g[gi].t0 > t && gi != subj && s->g[gi].place) R->recipient = gi;
    }
    if (R->recipient < 0 && (s->t[t].cue & EV_C_CTL) && ci + 1 < s->nc) {
        R->recipient = first_group(s, ci + 1, s->c[ci + 1].t0, s->c[ci + 1].t1, subj, 1, 0, p);
        if (R->recipient < 0 && p->rec_preps)
            R->recipient = first_group(s, ci + 1, s->c[ci + 1].t0, s->c[ci + 1].t1, subj, 0, p->rec_preps, p);
    }
    if (R->actor >= 0 && R->actor == R->recipient) R->recipient = -1;
}

/* ---- flags ------------------------------------------------------------- */


/* governing cues of trigger t: what stands before it in its clause, and the clause before */
static uint32_t governing_cues(const ev_sent *s, uint32_t t)
{
    int ci = s->t[t].clause;
    const ev_clause *c = &s->c[ci];
    uint32_t v = 0;
    for (uint32_t j = c->t0; j < t; j++) v |= s->t[j].cue;
    int dependent = zu_marked(s, t) || c->kind == EV_CL_SUB || s->rules->forms[s->t[t].form].zuinf;
    if (!dependent && s->lang == EV_EN) {
        /* to + verb ... trigger with no other trigger between: to launch an offensive */
        for (uint32_t j = t; j-- > c->t0;) {
            if (s->t[j].form >= 0) break;
            if ((s->t[j].cue & EV_C_ZU) && j + 1 < t) { dependent = 1; break; }
        }
    }
    if (!dependent && s->lang == EV_DE && ci > 0)
        for (uint32_t j = c->t0; j < c->t1; j++)
            if ((s->t[j].cue & EV_C_ZU) && j + 1 < c->t1 && !(LB_TOKS(s->doc)[s->tok0 + j + 1].flags & LB_TOK_UPPER)) dependent = 1;
    if (!dependent) return 0;
    if (ci > 0 && !(v & (EV_C_CTL | EV_C_NEGSUB | EV_C_HYPSUB))) v |= s->c[ci - 1].cues;
    return v & (EV_C_CTL | EV_C_NEGSUB | EV_C_HYPSUB);
}

/* ---- date ---------------------------------------------------------------- */

static const char *doc_date(const lb_doc *doc)
{
    if (doc->dct && *doc->dct) return doc->dct;
    const char *d = doc->meta.date ? doc->meta.date : doc->input.date;
    if (!d || !*d) return NULL;
    if (strlen(d) > 10 && d[10] == 'T') return lb_arena_strndup((lb_arena *)&doc->arena, d, 10);
    return d;
}

static const char *event_date(const ev_sent *s, uint32_t t)
{
    const lb_doc *doc = s->doc;
    const lb_sent *S = &LB_SENTS(doc)[s->si];
    const lb_tok *tk = &LB_TOKS(doc)[s->tok0 + t];
    const char *best = NULL;
    uint32_t bestd = UINT32_MAX;
    for (size_t i = 0; i < doc->timex.len; i++) {
        const lb_timex *x = &LB_TIMEXES(doc)[i];
        if (x->start < S->start || x->end > S->end || !x->value) continue;
        if (x->type != LB_TIMEX_DATE && x->type != LB_TIMEX_TIME) continue;
        const char *v = x->value;
        if (!strcmp(v, "PRESENT_REF")) v = doc_date(doc);
        else if (!(v[0] >= '0' && v[0] <= '9')) continue;
        if (!v) continue;
        uint32_t d = x->end <= tk->start ? tk->start - x->end : x->start >= tk->end ? x->start - tk->end : 0;
        if (d < bestd) { bestd = d; best = v; }
    }
    if (best && strlen(best) > 10 && best[10] == 'T') best = lb_arena_strndup((lb_arena *)&doc->arena, best, 10);
    return best ? best : doc_date(doc);
}

/* ---- emission -------------------------------------------------------------- */

static int has_code(const lb_actor_ref *a, int n, const char *code)
{
    for (int i = 0; i < n; i++) if (!strcmp(a[i].code, code)) return 1;
    return 0;
}

static void add_refs(const ev_sent *s, int gi, lb_actor_ref *out, uint8_t *n, const lb_actor_ref *not, int nnot)
{
    if (gi < 0) return;
    const ev_group *g = &s->g[gi];
    for (int k = 0; k < g->nmen && *n < LB_MAX_EVENT_PARTIES; k++) {
        const lb_mention *m = &LB_MENTIONS(s->doc)[g->men[k]];
        if (has_code(out, *n, m->actor.code) || has_code(not, nnot, m->actor.code)) continue;
        out[(*n)++] = m->actor;
    }
}

static int symmetric(const char *type)
{
    return !strcmp(type, "AGREE") || !strcmp(type, "CONSULT") || !strcmp(type, "COOPERATE");
}

static int set_equal(const lb_actor_ref *a, int na, const lb_actor_ref *b, int nb)
{
    if (na != nb) return 0;
    for (int i = 0; i < na; i++) if (!has_code(b, nb, a[i].code)) return 0;
    return 1;
}

static int duplicate(const lb_doc *doc, const lb_event *e)
{
    for (size_t i = doc->events.len; i-- > 0;) {
        const lb_event *o = &LB_EVENTS(doc)[i];
        if (o->sent != e->sent) break;
        if (strcmp(o->type, e->type) || o->negated != e->negated || o->hypothetical != e->hypothetical) continue;
        if ((o->date == NULL) != (e->date == NULL) || (o->date && strcmp(o->date, e->date))) continue;
        if (symmetric(e->type)) {
            lb_actor_ref u1[2 * LB_MAX_EVENT_PARTIES], u2[2 * LB_MAX_EVENT_PARTIES];
            int n1 = 0, n2 = 0;
            for (int k = 0; k < o->nactor; k++) if (!has_code(u1, n1, o->actor[k].code)) u1[n1++] = o->actor[k];
            for (int k = 0; k < o->nrecipient; k++) if (!has_code(u1, n1, o->recipient[k].code)) u1[n1++] = o->recipient[k];
            for (int k = 0; k < e->nactor; k++) if (!has_code(u2, n2, e->actor[k].code)) u2[n2++] = e->actor[k];
            for (int k = 0; k < e->nrecipient; k++) if (!has_code(u2, n2, e->recipient[k].code)) u2[n2++] = e->recipient[k];
            if (set_equal(u1, n1, u2, n2)) return 1;
        } else if (set_equal(o->actor, o->nactor, e->actor, e->nactor)
                   && set_equal(o->recipient, o->nrecipient, e->recipient, e->nrecipient)) return 1;
    }
    return 0;
}

/* one of the pattern's obj= words follows the trigger closely in its clause */
static int object_follows(const ev_sent *s, uint32_t t, const ev_pattern *p)
{
    uint32_t end = s->c[s->t[t].clause].t1;
    for (uint32_t j = t + 1; j < end && j <= t + 6; j++)
        for (int k = 0; k < p->nobj; k++) if (s->t[j].stem == p->obj[k]) return 1;
    return 0;
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
        const ev_pattern *v = &s->rules->patterns[s->rules->forms[f].pattern];
        if (v->kind != EV_VERB || !v->type) return 0;
        return !strcmp(v->type, "REJECT") || !strcmp(v->type, "CONCEDE") || !strcmp(v->type, "SANCTION");
    }
    return 0;
}

/* the first place group after trigger t in its clause, or -1 */
static int place_after(const ev_sent *s, uint32_t t)
{
    int ci = s->t[t].clause;
    for (int gi = 0; gi < s->ng; gi++)
        if (s->g[gi].clause == ci && s->g[gi].t0 > t && s->g[gi].t0 <= t + 12 && s->g[gi].place) return gi;
    return -1;
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
        const lb_mention *m = &LB_MENTIONS(s->doc)[s->g[gi].men[s->g[gi].nmen - 1]];
        return !(m->form == LB_FORM_DERIV && lb_tok_norm(s->doc, last)[last->norm_len - 1] != 's');
    }
    return 1;
}

/* codes trigger t with pattern p; 1 when an event was added (or was a duplicate) */
static int code_trigger(ev_sent *s, lb_doc *doc, uint32_t t, const ev_pattern *p)
{
    if (!p->type) return 0;
    int ci = s->t[t].clause;
    const ev_clause *c = &s->c[ci];
    if (p->kind == EV_NOUN_SUPPORT) {
        int ok = 0;
        if (p->nsup) {
            /* the noun's own support verbs (Sanktionen verhängen, not Krieg verhängen) */
            for (uint32_t j = c->t0; j < c->t1 && !ok; j++) {
                /* verbs only: not a German noun (Beginn), not after a determiner (the start) */
                if (s->lang == EV_DE && j > 0 && (LB_TOKS(doc)[s->tok0 + j].flags & LB_TOK_UPPER)) continue;
                if (j > 0 && (s->t[j - 1].cue & EV_C_DET)) continue;
                /* English: the support verb governs the noun before it (launch a war, not war starts) */
                if (s->lang == EV_EN && (j >= t || j + 6 < t)) continue;
                for (int k = 0; k < p->nsup; k++) if (s->t[j].stem == p->sup[k]) { ok = 1; break; }
            }
        } else ok = (c->cues & EV_C_SUPPORT) != 0;
        if (!ok) return 0;
    }
    if (object_of_verdict(s, t)) return 1;
    /* groups on the move (troops arrived in Bosnia) pay no visit */
    if (p->mode && !strcmp(p->mode, "visit") && p->kind == EV_VERB)
        for (uint32_t k = 1; k <= 2 && k <= t; k++) if (s->t[t - k].cue & EV_C_GROUP) return 0;
    uint32_t gov = governing_cues(s, t);
    if (gov & EV_C_CTL) {
        /* the content of a pledge or request: unless the trigger is itself the speech act */
        if (!(s->t[t].cue & EV_C_CTL)) return 1;
    }
    /* English: "a missile attack" - a base form two words after an article is a noun */
    if (s->lang == EV_EN && p->kind == EV_VERB && t >= 2 && (s->t[t - 2].cue & EV_C_DET) && s->t[t - 1].group < 0
        && s->t[t - 1].form < 0 && !(s->t[t - 1].cue & (EV_C_PASSAUX | EV_C_INTENT | EV_C_HYP | EV_C_HYPW | EV_C_NEG))) {
        const lb_tok *tk = &LB_TOKS(doc)[s->tok0 + t];
        if (!(tk->norm_len > 2 && !memcmp(lb_tok_norm(doc, tk) + tk->norm_len - 2, "ed", 2))) return 0;
    }
    if (s->lang == EV_EN && p->kind == EV_VERB && !english_verb_reading(s, t)) return 0;
    /* English: "a Brazilian ship" - after a determiner and an actor adjective a word is a noun */
    if (s->lang == EV_EN && p->kind == EV_VERB && t > 0 && s->t[t - 1].group >= 0) {
        const ev_group *g = &s->g[s->t[t - 1].group];
        const lb_tok *d = g->t0 > 0 ? &LB_TOKS(doc)[s->tok0 + g->t0 - 1] : NULL;
        int indef = d && ((d->norm_len == 1 && lb_tok_norm(doc, d)[0] == 'a')
                          || (d->norm_len == 2 && !memcmp(lb_tok_norm(doc, d), "an", 2)));
        const lb_tok *gl = &LB_TOKS(doc)[s->tok0 + g->t1 - 1];
        /* (a plural demonym is a noun: "the Palestinians reject") */
        int adj = LB_MENTIONS(doc)[g->men[g->nmen - 1]].form == LB_FORM_DERIV
                  && lb_tok_norm(doc, gl)[gl->norm_len - 1] != 's';
        if (d && (s->t[g->t0 - 1].cue & EV_C_DET) && (indef || adj)) return 0;
    }
    if (p->nobj && !object_follows(s, t, p)) return 0;
    roles R;
    find_roles(s, t, p, &R);
    lb_event e;
    memset(&e, 0, sizeof e);
    e.type = R.dep ? p->dep_type : p->type;
    e.mode = R.dep ? NULL : p->mode;
    add_refs(s, R.actor, e.actor, &e.nactor, NULL, 0);
    if (R.speaker && !e.nactor) { e.actor[e.nactor++] = *R.speaker; }
    /* first person in a quote (wir ..., ich und Präsident Putin ...): the quote's speaker */
    const lb_actor_ref *sp = quote_speaker(doc, &LB_TOKS(doc)[s->tok0 + t]);
    if (sp && e.nactor < LB_MAX_EVENT_PARTIES && !has_code(e.actor, e.nactor, sp->code)) {
        /* (only for a pronoun subject - we; X said he would ...: an actor-less
         * event in reported speech is not the speaker's) */
        int first_person = !e.nactor && (c->cues & (EV_C_PRON1 | EV_C_PRON3));
        if (R.actor >= 0) {
            const ev_group *g = &s->g[R.actor];
            for (uint32_t k = 1; k <= 3 && g->t0 >= k + 1; k++)
                if ((s->t[g->t0 - k].cue & EV_C_COORD) && (s->t[g->t0 - k - 1].cue & EV_C_PRON1)) first_person = 1;
            if (g->t1 + 1 < s->n && (s->t[g->t1].cue & EV_C_COORD) && (s->t[g->t1 + 1].cue & EV_C_PRON1)) first_person = 1;
        }
        if (first_person) { e.actor[e.nactor++] = *sp; if (e.nactor == 1) R.inherited = 1; }
    }
    /* a separate group may name the same state (domestic events: X -> X) */
    if (R.recipient >= 0 && R.recipient != R.actor) add_refs(s, R.recipient, e.recipient, &e.nrecipient, NULL, 0);
    else add_refs(s, R.recipient, e.recipient, &e.nrecipient, e.actor, e.nactor);
    if (!e.nrecipient && e.nactor && !(p->flags & EV_F_SPEAKER)) {
        /* shelled Juba, opened fire at targets in Jericho: the place's state
         * (for the types cameo.tsv lists under 'place') */
        int pg = (p->flags & EV_F_REC_PLACE) ? place_after(s, t) : -1;
        if (pg >= 0) add_refs(s, pg, e.recipient, &e.nrecipient, NULL, 0);
        /* arrested opposition activists, accepted the rebels' demands: a group
         * of the actor's own state (domestic event X -> X) */
        else if ((p->flags & EV_F_DOMESTIC) && group_noun_after(s, t, p)) e.recipient[e.nrecipient++] = (lb_actor_ref){ e.actor[0].code, NULL, NULL, NULL };
    }
    if (symmetric(p->type) && !e.nrecipient && e.nactor == 1 && R.actor >= 0 && ci > 0) {
        /* "dass sein Regime und Putins Russland zusammenarbeiten": the possessive's owner
         * (the subject of the clause before) is the other side */
        const ev_group *g = &s->g[R.actor];
        int poss = 0;
        uint32_t j = g->t0;
        /* skip first names and titles: "sein Regime und Wladimir Putins Russland" */
        while (j > 0 && j + 3 > g->t0 && (LB_TOKS(doc)[s->tok0 + j - 1].flags & LB_TOK_UPPER) && !(s->t[j - 1].cue & EV_C_COORD)) j--;
        if (j > 0 && (s->t[j - 1].cue & EV_C_COORD))
            for (uint32_t k = j - 1; k-- > 0 && k + 4 >= j;)
                if (s->t[k].cue & EV_C_POSSPRON) { poss = 1; break; }
        if (g->t1 + 2 < s->n && (s->t[g->t1].cue & EV_C_COORD) && (s->t[g->t1 + 1].cue & EV_C_POSSPRON)) poss = 1;
        if (poss) {
            int inh = 0, owner = inherit_subject(s, ci, &inh, 0);
            if (owner >= 0 && owner != R.actor) add_refs(s, owner, e.recipient, &e.nrecipient, e.actor, e.nactor);
        }
    }
    if (symmetric(p->type) && !e.nrecipient && e.nactor == 1 && R.inherited && ci > 0) {
        /* Xi traf Putin und unterzeichnete Abkommen: the counterpart of the clause before */
        for (int gi = 0; gi < s->ng && !e.nrecipient; gi++)
            if (s->g[gi].clause == ci - 1 && gi != R.actor && !s->g[gi].place)
                add_refs(s, gi, e.recipient, &e.nrecipient, e.actor, e.nactor);
    }
    if (symmetric(p->type) && !e.nrecipient && e.nactor >= 2) {
        /* joint actors (Xi und Putin unterzeichneten): one side each */
        for (int k = 1; k < e.nactor; k++) e.recipient[e.nrecipient++] = e.actor[k];
        e.nactor = 1;
    } else if ((R.split || (c->cues & EV_C_MUTUAL)) && e.nactor >= 2 && !e.nrecipient) {
        for (int k = 1; k < e.nactor; k++) e.recipient[e.nrecipient++] = e.actor[k];
        e.nactor = 1;
    }
    if (!e.nactor) return 0;
    if (!e.nrecipient && !(p->flags & EV_F_REC_NONE)) return 0;
    /* one-sided events (fighting, protests) must be reported by a clause: a noun
     * without a support verb (English: began a hunger strike, staged protests;
     * German support verbs stand anywhere in the clause: no evidence), or a
     * verb form used as one ("the bombing", "after two days of fighting"),
     * names a war or protest as background (GUIDELINES §2) */
    int reported = p->kind == EV_VERB || (s->lang == EV_EN && (p->kind == EV_NOUN_SUPPORT || (c->cues & EV_C_SUPPORT)));
    if (!e.nrecipient && (!reported || (p->kind == EV_VERB && t > 0 && (s->t[t - 1].cue & (EV_C_DET | EV_C_PREP))))) return 0;
    /* a protest with no named target is directed at the protesters' own
     * government (Algerians demonstrated ... -> DZA protests against DZA/GOV) */
    if (!e.nrecipient && !strcmp(e.type, "PROTEST") && e.nactor) {
        /* (rioted at a jail in northern Israel: in another state, against that state) */
        int pg = place_after(s, t);
        if (pg >= 0) add_refs(s, pg, e.recipient, &e.nrecipient, e.actor, e.nactor);
        if (!e.nrecipient) {
            static const char gov_sector[] = "GOV";
            e.recipient[0] = (lb_actor_ref){ e.actor[0].code, gov_sector, NULL, NULL };
            e.nrecipient = 1;
        }
    }
    /* flags */
    uint32_t cl = c->cues;
    /* ohne ... zu negates its zu-clause; English without + -ing only its own
     * verb (agreed to resign without returning) */
    int negzu = 0;
    if (s->lang == EV_EN) {
        for (uint32_t j = t >= 2 ? t - 2 : 0; j < t; j++) if (s->t[j].cue & EV_C_NEGZU) negzu = 1;
    } else negzu = (cl & EV_C_NEGZU) && (cl & EV_C_ZU);
    e.negated = (cl & EV_C_NEG) || negzu || (gov & EV_C_NEGSUB);
    e.hypothetical = (cl & EV_C_HYP) || (gov & EV_C_HYPSUB);
    if (!e.hypothetical && (cl & EV_C_HYPW)) {
        /* würde/would is hypothetical unless it reports speech (erklärte, die beiden würden ...) */
        int said = 0;
        for (int k = 0; k <= ci && !said; k++) if (s->c[k].cues & EV_C_SAY) said = 1;
        e.hypothetical = !said;
    }
    /* English: "will/would (after said) + cooperative act" announces it: a pledge (AGREE);
     * "will + hostile act": a threat */
    if (s->lang == EV_EN && !e.negated) {
        int intent = 0;
        for (uint32_t j = t >= 3 ? t - 3 : 0; j < t && j >= c->t0; j++)
            if ((s->t[j].cue & EV_C_INTENT) || ((s->t[j].cue & EV_C_HYPW) && !e.hypothetical)) intent = 1;
        if (!intent && p->kind == EV_NOUN_SUPPORT)
            /* will extend the curfew: the support verb carries the announcement */
            for (uint32_t j = t >= 6 ? t - 6 : 0; j < t && j >= c->t0; j++)
                if (s->t[j].cue & EV_C_INTENT) intent = 1;
        if (intent && p->kind != EV_NOUN) {
            static const char *const coop[] = { "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", NULL };
            static const char *const hostile[] = { "ASSAULT", "COERCE", "SANCTION", "PROTEST", NULL };
            for (int k = 0; coop[k]; k++) if (!strcmp(e.type, coop[k])) { e.type = "AGREE"; e.mode = NULL; }
            for (int k = 0; hostile[k]; k++) if (!strcmp(e.type, hostile[k])) { e.type = "THREATEN"; e.mode = NULL; }
        }
    }
    e.date = event_date(s, t);
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
    if (!duplicate(doc, &e)) {
        lb_event *slot = lb_vec_push(&doc->events, &doc->arena);
        if (!slot) return -1;
        *slot = e;
    }
    /* mutual action of a directed type (unterstützen einander): the other direction too */
    if ((cl & EV_C_MUTUAL) && !symmetric(p->type) && e.nactor && e.nrecipient) {
        lb_event m = e;
        memcpy(m.actor, e.recipient, sizeof m.actor); m.nactor = e.nrecipient;
        memcpy(m.recipient, e.actor, sizeof m.recipient); m.nrecipient = e.nactor;
        if (!duplicate(doc, &m)) {
            lb_event *slot = lb_vec_push(&doc->events, &doc->arena);
            if (!slot) return -1;
            *slot = m;
        }
    }
    return 1;
}

/* drops the one-sided events of a sentence that a directed event of the same
 * type and flags already covers (shelled Juba, killing 20: one ASSAULT) */
static void drop_covered(lb_doc *doc, size_t from)
{
    lb_event *E = LB_EVENTS(doc);
    size_t out = from;
    for (size_t i = from; i < doc->events.len; i++) {
        int covered = 0;
        if (!E[i].nrecipient)
            for (size_t j = from; j < doc->events.len && !covered; j++)
                covered = j != i && E[j].nrecipient && !strcmp(E[j].type, E[i].type)
                          && E[j].negated == E[i].negated && E[j].hypothetical == E[i].hypothetical;
        if (!covered) E[out++] = E[i];
    }
    doc->events.len = out;
}

int ev_code_sentence(ev_sent *s, lb_doc *doc)
{
    const ev_rules *r = s->rules;
    size_t from = doc->events.len;
    for (uint32_t t = 0; t < s->n; t++) {
        if (s->t[t].form < 0) continue;
        const ev_pattern *first = &r->patterns[r->forms[s->t[t].form].pattern];
        int rc = code_trigger(s, doc, t, first);
        if (rc < 0) return LB_ENOMEM;
        if (rc > 0 || s->t[t].chain == UINT32_MAX) continue;
        /* German: capitalisation already decided between noun and verb */
        if (s->lang == EV_DE && t > 0 && (LB_TOKS(doc)[s->tok0 + t].flags & LB_TOK_UPPER)) continue;
        /* the preferred reading found no participants: try the word's other
         * patterns of another kind (talks: verb, then noun) */
        for (uint32_t k = s->t[t].chain; k != UINT32_MAX && rc == 0; k = r->forms[k].next) {
            const ev_pattern *p = &r->patterns[r->forms[k].pattern];
            /* (a pattern whose obj= words were missing gives way to any other) */
            if (p == first || (p->kind == first->kind && !first->nobj) || (p->flags & EV_F_BLOCK)) continue;
            if (!ev_req_ok(s, t, &r->forms[k])) continue;
            rc = code_trigger(s, doc, t, p);
            if (rc < 0) return LB_ENOMEM;
        }
    }
    drop_covered(doc, from);
    return LB_OK;
}
