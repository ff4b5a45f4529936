/* roles.c: finds the actor and recipient groups of a trigger (see sent.c
 * for the groups and clauses): the subject by word order, inherited through
 * relative, coordinated, zu-infinitive and pronoun clauses; objects and the
 * groups after the pattern's prepositions; passive voice (with the clause
 * layer's voice for German); the participants of event nouns; the speaker
 * of reported speech. */
#include "events/code.h"
#include "text/text.h"
#include <string.h>


#define EV_BOUNDARY_DETS 2   /* articles and adjectives between a border noun's preposition and its group */

/* the group stands after the preposition of a border noun (the border with
 * Ukraine, an der Grenze zu Polen): it names a neighbour, no participant -
 * unless the border is what the pattern acts on (closed its border with X:
 * an obj= word of the pattern) */
static int after_boundary(const ev_sent *s, const ev_group *g, const ev_pattern *p)
{
    if (g->prep < 0) return 0;
    uint32_t j = g->t0;
    for (int k = 0; k < EV_BOUNDARY_DETS && j > 0 && !(s->t[j - 1].cue & EV_C_PREP); k++) j--;
    if (j < 2 || !(s->t[j - 1].cue & EV_C_PREP) || !(s->t[j - 2].cue2 & EV_C2_BOUNDARY)) return 0;
    for (int k = 0; k < p->nobj; k++) if (s->t[j - 2].stem == p->obj[k]) return 0;
    return 1;
}

static int usable(const ev_sent *s, int gi, const ev_pattern *p)
{
    if (gi < 0) return 0;
    const ev_group *g = &s->g[gi];
    if (after_boundary(s, g, p)) return 0;
    if (!g->place) return 1;
    /* a place after one of the pattern's own prepositions: Besuch in X, Kritik aus X */
    return g->prep >= 0 && ((p->rec_preps | p->act_preps) >> g->prep & 1);
}

static int bare(const ev_sent *s, int gi)
{
    const ev_group *g = &s->g[gi];
    return g->prep < 0 && !g->place;
}

/* the token of the preposition of group gi (one with a prep): the nearest
 * preposition in the four tokens before it, the class being marked on the
 * word; -1 when the group has none */
static int32_t group_prep_tok(const ev_sent *s, int gi)
{
    const ev_group *g = &s->g[gi];
    if (g->prep < 0) return -1;
    for (uint32_t k = 1; k <= 4 && g->t0 >= k; k++)
        if (s->t[g->t0 - k].cue & EV_C_PREP) return (int32_t)(g->t0 - k);
    return -1;
}

/* group gi stands after an agent preposition (von, durch), wherever it stands */
static int after_agent_prep(const ev_sent *s, int gi)
{
    int32_t j = group_prep_tok(s, gi);
    return j >= 0 && (s->t[j].cue & EV_C_AGENT);
}

/* German: group gi is the genitive of the noun an agent preposition heads
 * (unterstützt durch die Luftangriffe der Russen): the doer of that means */
static int agent_genitive(const ev_sent *s, int gi)
{
    const ev_group *g = &s->g[gi];
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    if (s->lang != EV_DE || g->prep >= 0 || g->t0 < 4 || !(s->t[g->t0 - 1].cue & EV_C_DET)) return 0;
    uint32_t n = g->t0 - 2;                                  /* the noun before der, des */
    if (!(T[n].flags & LB_TOK_UPPER) || s->t[n].group >= 0) return 0;
    for (uint32_t k = 1; k <= 3 && n >= k; k++)
        if (s->t[n - k].cue & EV_C_PREP) return (s->t[n - k].cue & EV_C_AGENT) != 0;
    return 0;
}

int32_t ev_trigger_before(const ev_sent *s, uint32_t j, uint32_t lo, uint32_t stop, int no_verb)
{
    const lb_doc *doc = s->doc;
    for (uint32_t k = 1; k <= 4 && j >= lo + k; k++) {
        uint32_t m = j - k;
        const lb_tok *tk = &LB_TOKS(doc)[s->tok0 + m];
        if (s->t[m].form >= 0) return (int32_t)m;
        if (!(tk->flags & LB_TOK_WORD) || (s->t[m].cue & (EV_C_PREP | EV_C_PASSAUX | EV_C_COORD | EV_C_SUB | stop))) return -1;
        /* (der, die: an article here, not a relative pronoun) */
        if ((s->t[m].cue & EV_C_REL) && !(s->t[m].cue & EV_C_DET)) return -1;
        if (no_verb && doc->morph.len == doc->toks.len) {
            uint8_t u = LB_MORPH(doc)[s->tok0 + m].upos;
            if (u == LB_UPOS_VERB || u == LB_UPOS_AUX) return -1;
        }
    }
    return -1;
}

/* German: an event noun (a capitalised trigger) stands right before token j,
 * or before its genitive attribute (up to three words, no verb, preposition,
 * word of saying, hypothesis or negation, or punctuation between) */
static int event_noun_before(const ev_sent *s, uint32_t j)
{
    int32_t m = ev_trigger_before(s, j, 0, EV_C_HYP | EV_C_HYPW | EV_C_SAY | EV_C_NEG, 1);
    return m >= 0 && (LB_TOKS(s->doc)[s->tok0 + (uint32_t)m].flags & LB_TOK_UPPER);
}

/* group gi is a passive's agent: after an agent preposition that follows no
 * event noun */
static int is_agent(const ev_sent *s, int gi)
{
    int32_t j = group_prep_tok(s, gi);
    if (j < 0) return 0;
    /* "der Besuch von Papst Franziskus": von after an event noun names its doer, no passive agent;
     * also after the noun's genitive (die Bombardierung Aleppos durch X, die Festnahme des
     * Oppositionsführers durch X) */
    if (s->lang == EV_DE && event_noun_before(s, (uint32_t)j)) return 0;
    return (s->t[j].cue & EV_C_AGENT) != 0;
}

/* group gi stands after a preposition of the space between (zwischen, between) */
static int prep_between(const ev_sent *s, int gi)
{
    int32_t j = group_prep_tok(s, gi);
    return j >= 0 && (s->t[j].cue & EV_C_BETWEEN);
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

/* German: the morphology reads trigger i as an infinitive, so that an
 * auxiliary werden with it makes a future, no passive (Russland wird die
 * Ukraine angreifen) */
static int infinitive(const ev_sent *s, uint32_t i)
{
    const lb_doc *doc = s->doc;
    return s->lang == EV_DE && doc->morph.len == doc->toks.len
           && LB_FEAT_GET(LB_MORPH(doc)[s->tok0 + i].feats, VERBFORM) == LB_VERBFORM_INF;
}

/* German: trigger i has the form of its verb's infinitive (fordern, abziehen:
 * the morphology's lemma), which werden/würden makes a future or conditional,
 * no passive (die Taliban würden ... fordern); participles that share it
 * (entlassen) are passive where the clause layer says so */
static int infinitive_form(const ev_sent *s, uint32_t i)
{
    const lb_doc *doc = s->doc;
    if (s->lang != EV_DE || doc->morph.len != doc->toks.len) return 0;
    const lb_morph *m = &LB_MORPH(doc)[s->tok0 + i];
    const lb_tok *tk = &LB_TOKS(doc)[s->tok0 + i];
    if (m->upos != LB_UPOS_VERB || !m->lemma || m->lemma_len != tk->norm_len) return 0;
    return !memcmp(m->lemma, lb_tok_norm(doc, tk), tk->norm_len);
}

/* German: token i is a form of werden that only a passive takes, never a
 * future: the participle worden, the past indicative wurde(n) */
static int passive_only_aux(const ev_sent *s, uint32_t i)
{
    const lb_doc *doc = s->doc;
    if (doc->morph.len != doc->toks.len) return 0;
    uint32_t f = LB_MORPH(doc)[s->tok0 + i].feats;
    return LB_FEAT_GET(f, VERBFORM) == LB_VERBFORM_PART
           || (LB_FEAT_GET(f, TENSE) == LB_TENSE_PAST && LB_FEAT_GET(f, MOOD) == LB_MOOD_IND);
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


#define EV_ART_GAP 3   /* adjectives between an article and the group it opens (die katholische Kirche) */

/* German: the article that opens group gi's phrase (der Papst, den
 * Präsidenten, die katholische Kirche), or -1 */
static int32_t group_article(const ev_sent *s, int gi)
{
    const lb_doc *doc = s->doc;
    if (doc->morph.len != doc->toks.len) return -1;
    const ev_group *g = &s->g[gi];
    const ev_clause *c = &s->c[g->clause];
    uint32_t j = g->t0;
    for (int k = 0; k <= EV_ART_GAP && j >= c->t0; k++, j--) {
        const lb_morph *m = &LB_MORPH(doc)[s->tok0 + j];
        if (m->upos == LB_UPOS_DET && LB_FEAT_GET(m->feats, PRONTYPE) == LB_PRONTYPE_ART) return (int32_t)j;
        /* (adjectives, and the head noun before a genitive name: dem Präsidenten Frankreichs) */
        if (j < g->t0 && m->upos != LB_UPOS_ADJ && !(m->upos == LB_UPOS_NOUN && j + 1 == g->t0)) return -1;
        if (j == 0) break;
    }
    return -1;
}

/* German: group gi cannot be a subject: its article is dative or genitive
 * (dem, den Abgeordneten, des, einem), the cases a nominative never takes */
static int oblique_group(const ev_sent *s, int gi)
{
    int32_t a = group_article(s, gi);
    if (a < 0) return 0;
    uint32_t cs = LB_FEAT_GET(LB_MORPH(s->doc)[s->tok0 + a].feats, CASE);
    return cs == LB_CASE_DAT || cs == LB_CASE_GEN;
}

/* German: group gi is surely a nominative: a masculine singular noun after a
 * nominative article (der Papst, ein Sprecher: der/ein with a masculine
 * singular noun is nominative only) */
static int nominative_group(const ev_sent *s, int gi)
{
    int32_t a = group_article(s, gi);
    if (a < 0) return 0;
    const lb_doc *doc = s->doc;
    const lb_morph *d = &LB_MORPH(doc)[s->tok0 + a];
    if (LB_FEAT_GET(d->feats, CASE) != LB_CASE_NOM) return 0;
    const ev_group *g = &s->g[gi];
    for (uint32_t j = (uint32_t)a + 1; j < g->t1; j++) {
        const lb_morph *m = &LB_MORPH(doc)[s->tok0 + j];
        if (m->upos != LB_UPOS_NOUN) continue;
        return LB_FEAT_GET(m->feats, GENDER) == LB_GENDER_MASC && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_SING;
    }
    return 0;
}

/* German object-first order (Die katholische Kirche Kubas lobte der Papst;
 * Dem Präsidenten warf die Opposition ... vor): the first bare group of
 * clause ci before trigger t is no subject when its article is oblique, or
 * when a sure nominative follows the verb; the subject's group, or -2 for
 * no change */
static int object_first_subject(const ev_sent *s, int ci, uint32_t t, int first)
{
    if (s->lang != EV_DE || first < 0 || s->g[first].t1 > t || nominative_group(s, first)) return -2;
    int oblique = oblique_group(s, first), later = -1;
    for (int gi = 0; gi < s->ng && later < 0; gi++) {
        const ev_group *g = &s->g[gi];
        if (g->clause == ci && gi != first && g->t0 > t && bare(s, gi) && !g->poss
            && (nominative_group(s, gi) || (oblique && !oblique_group(s, gi)))) later = gi;
    }
    if (later >= 0) return later;
    return -2;
}

static int clause_subject(const ev_sent *s, int ci, uint32_t t, int *inherited, int depth);
static int accused_controller(const ev_sent *s, int ci, uint32_t t);

int ev_inherit_subject(const ev_sent *s, int ci, int *inherited, int depth)
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

/* group gi may be a subject: no preposition, genitive or possessive marks
 * it (Chinas Handel mit Russland, der ...: Russland is none) */
static int subject_like(const ev_sent *s, int gi)
{
    const ev_group *g = &s->g[gi];
    return g->prep < 0 && !g->postgen && !g->poss && bare(s, gi) && !oblique_group(s, gi);
}

/* German: main clause ci opens with its finite verb right after a comma
 * (Der Kommissar des Europarats, Nils Muiznieks, hatte ... aufgerufen): the
 * verb-second clause was interrupted by an apposition or a relative clause; its subject stands
 * before it, and a group after the verb is an object */
static int resumed_main_clause(const ev_sent *s, int ci)
{
    const lb_doc *doc = s->doc;
    const ev_clause *c = &s->c[ci];
    if (s->lang != EV_DE || ci == 0 || c->kind != EV_CL_MAIN || doc->morph.len != doc->toks.len) return 0;
    uint32_t j = c->t0;
    const lb_tok *T = LB_TOKS(doc) + s->tok0;
    if (j < c->t1 && (T[j].flags & LB_TOK_PUNCT)) j++;
    if (j >= c->t1 || j == 0 || !ev_is_comma(doc, &T[j - 1])) return 0;
    const lb_morph *m = &LB_MORPH(doc)[s->tok0 + j];
    if ((m->upos != LB_UPOS_VERB && m->upos != LB_UPOS_AUX) || LB_FEAT_GET(m->feats, VERBFORM) != LB_VERBFORM_FIN) return 0;
    if (s->t[j].cue & EV_C_SAY) return 0;     /* ..., sagte Macron: the subject follows */
    /* the clause before is a relative clause on the subject (Putin, der krank
     * war, kritisierte ...) or the apposition: words with no verb */
    const ev_clause *a = &s->c[ci - 1];
    if (a->kind == EV_CL_REL) return a->antecedent >= 0 && subject_like(s, a->antecedent);
    for (uint32_t k = a->t0; k < a->t1; k++) {
        uint8_t u = LB_MORPH(doc)[s->tok0 + k].upos;
        if (u == LB_UPOS_VERB || u == LB_UPOS_AUX) return 0;
    }
    return a->t1 > a->t0 + 1;
}

/* German verb-second order with the subject pronoun right after the finite
 * verb (Am Montag griffen sie die Ukraine an; Daraufhin kritisierte er ...):
 * a nominative er/sie/es no actor group covers, and no group before the verb
 * in clause ci (Russland kritisierte sie: sie is the object). No later group
 * of the clause is then its subject. */
static int pronoun_after_finite(const ev_sent *s, int ci, uint32_t t)
{
    const lb_doc *doc = s->doc;
    const lb_clause *lc = ev_clause_at(s, t);
    if (s->lang != EV_DE || !lc || lc->fin < (int32_t)s->tok0) return 0;
    uint32_t f = (uint32_t)lc->fin - s->tok0, j = f + 1;
    const ev_clause *c = &s->c[ci];
    if (f < c->t0 || j >= c->t1 || !(s->t[j].cue & EV_C_PRON3) || s->t[j].group >= 0) return 0;
    uint32_t cs = LB_FEAT_GET(LB_MORPH(doc)[s->tok0 + j].feats, CASE);
    if (cs && cs != LB_CASE_NOM) return 0;
    for (int gi = 0; gi < s->ng; gi++)
        if (s->g[gi].clause == ci && s->g[gi].t1 <= f && bare(s, gi)) return 0;
    return 1;
}

static int clause_subject(const ev_sent *s, int ci, uint32_t t, int *inherited, int depth)
{
    const ev_clause *c = &s->c[ci];
    if (c->kind == EV_CL_REL && c->antecedent >= 0) { *inherited = 1; return c->antecedent; }
    /* a verb right after the coordinator (China versteht und unterstützt Russland),
     * a zu-infinitive clause: the subject of the clause before */
    int zu = ev_zu_clause(s, ci, 1);
    if (c->kind == EV_CL_COORD || zu || resumed_main_clause(s, ci)) {
        /* (an alleged act: the accused does it, see accused_controller) */
        int acc = depth == 0 && zu ? accused_controller(s, ci, t) : -1;
        if (acc >= 0) return acc;
        int inh = ev_inherit_subject(s, ci, inherited, depth);
        if (inh >= 0) return inh;
    }
    /* a pronoun before any group (indem sie ..., they said): the subject of the clause before */
    for (uint32_t j = c->t0; j < c->t1 && j < t + 1; j++) {
        if (s->t[j].group >= 0) break;
        if (s->t[j].cue & EV_C_PRON3) {
            int inh = ci > 0 ? ev_inherit_subject(s, ci, inherited, depth) : -1;
            return inh;     /* an unresolved pronoun is the subject: no group of the clause is */
        }
        if ((s->t[j].cue & EV_C_PRON1) && !(j + 1 < c->t1 && (s->t[j + 1].cue & EV_C_COORD)))
            return -1;      /* wir: the speaker of the quote (see code_trigger) */
    }
    if (pronoun_after_finite(s, ci, t)) return ci > 0 ? ev_inherit_subject(s, ci, inherited, depth) : -1;
    int best = -1, oblique = -1;
    for (int gi = 0; gi < s->ng; gi++) {
        const ev_group *g = &s->g[gi];
        if (g->clause != ci || !bare(s, gi)) continue;
        if (s->lang == EV_DE && g->poss) continue;         /* a genitive attribute is no subject */
        /* first bare group of the clause; one whose article is dative or genitive
         * (Laut einem Bericht des deutschen Magazins hat China ...) only when no other is */
        if (s->lang == EV_DE && oblique_group(s, gi)) { if (oblique < 0) oblique = gi; continue; }
        if (s->lang == EV_DE) { best = gi; break; }
        if (g->t1 <= t) best = gi;                         /* English: nearest before the verb */
    }
    if (best < 0) best = oblique;
    int moved = object_first_subject(s, ci, t, best);
    if (moved != -2) best = moved;
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
        int inh = ev_inherit_subject(s, ci, inherited, depth);
        if (inh >= 0) return inh;
    }
    return -1;
}

/* group gi is a group noun with its seat after one of preps (seine Truppen
 * aus Syrien: the place after aus made the group's state), so that the
 * group stands for the place after the preposition (abziehen rec=aus) */
static int seated_by(const ev_sent *s, int gi, uint64_t preps)
{
    const ev_group *g = &s->g[gi];
    if (g->t1 < g->t0 + 3 || s->t[g->t0].gsec < 0) return 0;
    uint32_t j = g->t0 + 1;
    return (s->t[j].cue2 & EV_C2_SEAT) && (s->t[j].cue & EV_C_PREP) && s->t[j].prep >= 0 && (preps >> s->t[j].prep & 1);
}

static int first_group(const ev_sent *s, int ci, uint32_t from, uint32_t to, int skip, int want_bare,
                       uint64_t preps, const ev_pattern *p)
{
    for (int gi = 0; gi < s->ng; gi++) {
        const ev_group *g = &s->g[gi];
        if (g->clause != ci || gi == skip || g->t0 < from || g->t0 >= to) continue;
        if (want_bare && bare(s, gi)) return gi;
        if (!want_bare && g->prep >= 0 && (preps >> g->prep & 1) && usable(s, gi, p)) return gi;
        if (!want_bare && seated_by(s, gi, preps)) return gi;
    }
    return -1;
}

const lb_actor_ref *ev_quote_speaker(const ev_sent *s, const lb_tok *tk)
{
    const lb_doc *doc = s->doc;
    const ev_docindex *ix = s->ix;
    for (uint32_t k = ix->qoff[tk->sent]; k < ix->qoff[tk->sent + 1]; k++) {
        const lb_quote *Q = &LB_QUOTES(doc)[ix->qidx[k]];
        if (tk->start >= Q->start && tk->end <= Q->end && Q->speaker_actor.code) return &Q->speaker_actor;
    }
    return NULL;
}

int ev_zu_marked(const ev_sent *s, uint32_t t)
{
    return t > 0 && (s->t[t - 1].cue & EV_C_ZU);
}

/* the clause layer's voice is used for German; its subjects and objects are
 * not (measured on gnad-dev and the seeds, they mislead more often than word
 * order with the actor groups: see data/events/README.md) and English is left
 * to the word-order rules (plover F1 0.52 -> 0.47 with the clause layer) */
static int use_clause_layer(const ev_sent *s)
{
    return s->lang == EV_DE;
}

#define EV_NOUN_AGENT_TOKS 8   /* tokens after an event noun within which its act= group (durch X) names its doer */
#define EV_NOUN_OBJ_TOKS 4     /* tokens after an event noun within which its genitive or von-phrase object stands */
#define EV_REL_GAP 3   /* tokens between an event noun and its relative clause (", an denen") */

int ev_noun_relative(const ev_sent *s, uint32_t t)
{
    int ci = s->t[t].clause;
    if (s->lang != EV_DE || ci + 1 >= s->nc) return -1;
    const ev_clause *r = &s->c[ci + 1];
    if (r->kind != EV_CL_REL || r->antecedent >= 0 || r->t0 <= t || r->t0 > t + EV_REL_GAP) return -1;
    for (uint32_t j = t + 1; j < r->t0; j++)
        if (s->t[j].group >= 0 || s->t[j].form >= 0) return -1;
    return ci + 1;
}

/* an event noun with a relative clause of its own (Drohungen, die Nordkorea
 * gegen Südkorea ausgestoßen hat): that clause's subject is the actor, its
 * group after one of the pattern's prepositions the recipient */
static int relative_roles(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R)
{
    int rc = ev_noun_relative(s, t);
    if (rc < 0) return 0;
    const ev_clause *c = &s->c[rc];
    R->recipient = first_group(s, rc, c->t0, c->t1, -1, 0, p->rec_preps, p);
    R->actor = first_group(s, rc, c->t0, c->t1, R->recipient, 1, 0, p);
    if (R->actor < 0) { R->recipient = -1; return 0; }
    if (R->recipient < 0 && (p->flags & EV_F_REC_OBJ))
        R->recipient = first_group(s, rc, s->g[R->actor].t1, c->t1, R->actor, 1, 0, p);
    R->inherited = 1;
    return 1;
}

/* a receiving verb in the clause of event noun t (Montenegro erhielt von der
 * Nato eine Einladung; Polen bekam Kritik aus Paris): the clause subject is
 * the recipient, a group after von (or after the pattern's act= prepositions)
 * the actor. 1 when the frame applies. */
static int receive_roles(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R)
{
    int ci = s->t[t].clause;
    const ev_clause *c = &s->c[ci];
    int receive = 0;
    for (uint32_t j = c->t0; j < c->t1 && !receive; j++) receive = (s->t[j].cue2 & EV_C2_RECEIVE) && s->t[j].form < 0;
    if (!receive || ev_noun_relative(s, t) >= 0) return 0;
    /* the subject: the first group of the clause before the noun with no
     * preposition (not a dateline place), else the clause's subject */
    int inh = 0, sub = -1;
    for (int gi = 0; gi < s->ng && sub < 0; gi++)
        if (s->g[gi].clause == ci && s->g[gi].t0 < t && bare(s, gi)) sub = gi;
    if (sub < 0) sub = clause_subject(s, ci, t, &inh, 0);
    if (sub < 0 || !bare(s, sub)) return 0;
    int act = -1;
    for (int gi = 0; gi < s->ng && act < 0; gi++) {
        const ev_group *g = &s->g[gi];
        if (g->clause != ci || gi == sub || g->prep < 0) continue;
        if ((after_agent_prep(s, gi) && !g->place) || ((p->act_preps >> g->prep & 1) && usable(s, gi, p))) act = gi;
    }
    /* or its genitive right after the noun (die Unterstützung des Parlaments bekommen) */
    for (int gi = 0; gi < s->ng && act < 0; gi++)
        if (s->g[gi].clause == ci && gi != sub && s->g[gi].t0 > t && s->g[gi].t0 <= t + 3 && bare(s, gi)) act = gi;
    /* (a two-sided event with no other side named: the usual roles) */
    if (act < 0 && ev_type_in(p, EV_SYMMETRIC_TYPES)) return 0;
    R->recipient = sub;
    R->actor = act;
    R->inherited = inh;
    return 1;
}

/* German: an aid or support noun after mit (mit Unterstützung Großbritanniens,
 * mit Hilfe der USA): its genitive or von-group helps the clause subject.
 * 1 when the frame applies. */
static int with_help_roles(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R)
{
    if (!ev_type_in(p, EV_TB(AID) | EV_TB(SUPPORT))) return 0;
    uint32_t j = t;
    if (j > 0 && (s->t[j - 1].cue & EV_C_DET)) j--;
    if (j == 0 || !(s->t[j - 1].cue2 & EV_C2_WITH)) return 0;
    int ci = s->t[t].clause, helper = -1;
    for (int gi = 0; gi < s->ng && helper < 0; gi++) {
        const ev_group *g = &s->g[gi];
        if (g->clause == ci && g->t0 > t && g->t0 <= t + 3 && !g->place && (bare(s, gi) || after_agent_prep(s, gi))) helper = gi;
    }
    if (helper < 0) return 0;
    int inh = 0;
    R->actor = helper;
    R->recipient = clause_subject(s, ci, t, &inh, 0);
    if (R->recipient == helper) R->recipient = -1;
    return 1;
}

/* participants of an event noun: in its phrase (Nato-Gipfel, Putins Besuch,
 * das Treffen zwischen X und Y), its relative clause, else the clause subject */
#define EV_COMPLEMENT_GAP 3   /* tokens between a speech-act noun and its that/dass clause (its demand today that) */

/* a demand or accusation with a content clause of its own (the demand that
 * Israel ease restrictions, the allegation that the NPFL had taken the city,
 * die Forderung, dass Russland abzieht): the content clause's subject is the
 * one asked or accused; its group, or -1 */
static int complement_subject(const ev_sent *s, uint32_t t, const ev_pattern *p, int actor)
{
    int ci = s->t[t].clause;
    if (!ev_type_in(p, EV_TB(REQUEST) | EV_TB(ACCUSE))) return -1;
    if (ci + 1 >= s->nc || s->c[ci + 1].kind != EV_CL_SUB || s->c[ci + 1].t0 > t + 1 + EV_COMPLEMENT_GAP) return -1;
    for (uint32_t j = t + 1; j < s->c[ci + 1].t0; j++) if (s->t[j].group >= 0 || s->t[j].form >= 0) return -1;
    int inh = 0, sub = clause_subject(s, ci + 1, s->c[ci + 1].t1, &inh, 0);
    return sub >= 0 && !inh && sub != actor ? sub : -1;
}

/* German: speech-act noun t (Kritik, Forderung, Drohung) heads a phrase of a
 * preposition that is none of its own (für Kritik sorgen, in der Kritik
 * stehen, trotz Kritik, nach Kritik an ...): the clause's subject is its
 * cause, its target or a bystander, not its author */
static int background_speech_noun(const ev_sent *s, uint32_t t, const ev_pattern *p, const ev_clause *c)
{
    /* (a support-verb noun is a light verb construction whose subject acts:
     * unter Druck setzen, in die Pflicht nehmen, zur Last legen) */
    if (s->lang != EV_DE || p->kind != EV_NOUN || !ev_type_in(p, EV_TB(ACCUSE) | EV_TB(REQUEST) | EV_TB(THREATEN))) return 0;
    int32_t pt = ev_phrase_prep_tok(s, t, c);     /* (German: no capitalised word between) */
    int8_t pr = pt < 0 ? -1 : s->t[pt].prep;
    return pr >= 0 && !(p->act_preps >> pr & 1) && !(p->rec_preps >> pr & 1);
}

static void noun_roles(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R)
{
    int ci = s->t[t].clause;
    const ev_clause *c = &s->c[ci];
    if (s->lang == EV_DE && (receive_roles(s, t, p, R) || with_help_roles(s, t, p, R))) return;
    /* participants inside the noun phrase */
    for (int gi = 0; gi < s->ng; gi++) {
        const ev_group *g = &s->g[gi];
        if (g->clause != ci || g->place) continue;
        if (g->t0 <= t && g->t1 > t) { R->actor = gi; break; }                 /* Nato-Gipfel */
        if ((g->t1 == t && !g->postgen) || (g->t1 + 1 == t && g->poss)) { R->actor = gi; }     /* Putins Besuch, Russia's visit */
        if (g->t0 > t && g->t0 <= t + 6 && prep_between(s, gi) && !(p->rec_preps >> g->prep & 1)) {
            R->actor = gi; R->split = 1; return;
        }
    }
    if (R->actor < 0 && ev_type_in(p, EV_SYMMETRIC_TYPES))
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
    if (R->actor < 0 && s->lang == EV_DE && (p->flags & EV_F_REC_OBJ) && p->act_preps)
        /* the doer of a noun whose genitive is its object: die Ermordung des Botschafters durch X */
        R->actor = first_group(s, ci, t + 1, t + EV_NOUN_AGENT_TOKS + 1 < c->t1 ? t + EV_NOUN_AGENT_TOKS + 1 : c->t1, -1, 0, p->act_preps, p);
    if (R->actor < 0 && p->act_preps) R->actor = first_group(s, ci, t + 1, c->t1, -1, 0, p->act_preps, p);
    /* German: or before it in its clause (Aus Washington kommen Solidaritätsadressen) */
    if (R->actor < 0 && p->act_preps && s->lang == EV_DE) R->actor = first_group(s, ci, c->t0, t, -1, 0, p->act_preps, p);
    if (R->actor < 0 && relative_roles(s, t, p, R)) return;
    R->recipient = first_group(s, ci, t + 1, c->t1, R->actor, 0, p->rec_preps, p);
    if (R->actor >= 0 && R->recipient < 0 && !R->split && ev_type_in(p, EV_SYMMETRIC_TYPES)) {
        /* Scholz reiste zum Nato-Gipfel: the clause subject meets the noun's participant */
        int inh = 0, sub = clause_subject(s, ci, t, &inh, 0);
        if (sub >= 0 && sub != R->actor) { R->recipient = R->actor; R->actor = sub; R->inherited = inh; }
    }
    /* (German: in a passive clause the subject is what is acted on, not the
     * noun's doer: auf das Kulturzentrum wurde ein Anschlag verübt; gegen
     * ihn wurde ein Verfahren eingeleitet) */
    if (R->actor < 0 && !(s->lang == EV_DE && (c->cues & EV_C_PASSAUX) && p->kind == EV_NOUN_SUPPORT)
        && !background_speech_noun(s, t, p, c)) {
        R->actor = clause_subject(s, ci, t, &R->inherited, 0);
        /* rather than a subject from another clause: a possessor in this one (Xis Wortlaut ... Telefonat) */
        if (R->actor < 0 || R->inherited)
            for (int gi = 0; gi < s->ng; gi++)
                if (s->g[gi].clause == ci && s->g[gi].poss && s->g[gi].t1 <= t && gi != R->recipient) {
                    R->actor = gi; R->inherited = 0; break;
                }
    }
    /* German: the counterpart's prepositional group may precede the noun (X ist in Polen zu Besuch) */
    if (R->recipient < 0 && s->lang == EV_DE && !R->inherited && R->actor >= 0 && s->g[R->actor].clause == ci)
        R->recipient = first_group(s, ci, s->g[R->actor].t1, t, R->actor, 0, p->rec_preps, p);
    if (R->recipient < 0 && (p->flags & EV_F_REC_OBJ) && s->lang == EV_DE)
        /* the genitive object right after the noun (die Bewaffnung der Kurden), or its
         * von-phrase (die Ausweisung von Diplomaten; not the doer's durch X) */
        for (int gi = 0; gi < s->ng && R->recipient < 0; gi++)
            if (s->g[gi].clause == ci && gi != R->actor && s->g[gi].t0 > t && s->g[gi].t0 <= t + EV_NOUN_OBJ_TOKS
                && (bare(s, gi) || (after_agent_prep(s, gi) && !(p->act_preps >> s->g[gi].prep & 1)))) R->recipient = gi;
    if (R->recipient < 0 && (p->flags & EV_F_REC_OBJ)) {
        /* den Rücken stärken: the dative object of the clause (not its subject:
         * Polen kritisierte die Festnahme von Journalisten) */
        int inh = 0, sub = clause_subject(s, ci, t, &inh, 0);
        for (int gi = 0; gi < s->ng && R->recipient < 0; gi++)
            if (s->g[gi].clause == ci && gi != R->actor && gi != sub && bare(s, gi)) R->recipient = gi;
    }
    if (R->recipient < 0) R->recipient = complement_subject(s, t, p, R->actor);
    if (R->actor == R->recipient) R->recipient = -1;
}

/* modal t heads a passive (müssen geschützt werden; must be punished): the
 * clause layer's voice of its clause */
static int passive_after(const ev_sent *s, uint32_t t)
{
    const lb_clause *c = ev_clause_at(s, t);
    return c && c->voice == LB_VOICE_PASS;
}

/* X said (that) Y must ...: Y, the subject of the trigger's own clause, is
 * the recipient; the actor is who says it (the quote's speaker, else the
 * subject of a clause with a speech verb). A pattern's rec= preposition
 * names the recipient first (das werde Konsequenzen für X haben; man werde
 * die Vereinbarung mit X einhalten) */
static void speaker_roles(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R)
{
    int ci = s->t[t].clause, inh = 0;
    R->recipient = p->rec_preps ? first_group(s, ci, s->c[ci].t0, s->c[ci].t1, -1, 0, p->rec_preps, p) : -1;
    /* (an impersonal demand, es brauche X: whoever X names, the group after the trigger) */
    if (R->recipient < 0 && (p->flags & EV_F_REC_AFTER)) R->recipient = first_group(s, ci, t + 1, s->c[ci].t1, -1, 1, 0, p);
    if (R->recipient < 0) R->recipient = clause_subject(s, ci, t, &inh, 0);
    if (inh) R->recipient = -1;
    /* beide Seiten müssen ..., both sides must ...: an appeal that takes in the
     * speaker's own side, no act towards one recipient */
    if (R->recipient >= 0 && s->g[R->recipient].both) R->recipient = -1;
    /* a modal of demand names its addressee as the subject of an active clause,
     * not of a passive (X müsse bestraft werden: the subject is what is acted on) */
    if (ev_type_in(p, EV_TB(REQUEST)) && passive_after(s, t)) R->recipient = -1;
    R->speaker = ev_quote_speaker(s, &LB_TOKS(s->doc)[s->tok0 + t]);
    for (int k = 0; k < s->nc && !R->speaker && R->actor < 0; k++) {
        if (k == ci || !(s->c[k].cues & EV_C_SAY)) continue;
        uint32_t at = s->c[k].t1;
        for (uint32_t j = s->c[k].t0; j < s->c[k].t1; j++) if (s->t[j].cue & EV_C_SAY) { at = j; break; }
        int i2 = 0, sub = clause_subject(s, k, at, &i2, 0);
        if (sub >= 0 && sub != R->recipient) R->actor = sub;
    }
}

/* the object of a verb with rec=obj: German the nearest bare group before the
 * verb (verb-final and perfect clauses), else the first after it; English the
 * first after it, or an of-phrase of a physical target */
/* German: the sender of a message noun the clause answers, in the phrase
 * after the noun with one of the noun's act= prepositions (wies die Vorwürfe
 * aus Washington zurück, lehnte die Forderung aus Brüssel ab); -1 none */
static int message_sender(const ev_sent *s, int ci, uint32_t t, int subj)
{
    const ev_rules *r = s->rules;
    for (int gi = 0; gi < s->ng; gi++) {
        const ev_group *g = &s->g[gi];
        if (g->clause != ci || gi == subj || g->prep < 0 || g->t0 < 2) continue;
        uint32_t j = g->t0 - 1;
        if ((s->t[j].cue & EV_C_DET) && j > 1) j--;
        if (!(s->t[j].cue & EV_C_PREP) || j == 0 || j - 1 == t || s->t[j - 1].form < 0) continue;
        const ev_pattern *q = &r->patterns[r->forms[s->t[j - 1].form].pattern];
        if (q->kind != EV_VERB && q->type && (q->act_preps >> g->prep & 1)
            && ev_type_in(q, EV_TB(ACCUSE) | EV_TB(REQUEST) | EV_TB(THREATEN))) return gi;
    }
    return -1;
}

static int object_recipient(const ev_sent *s, uint32_t t, const ev_pattern *p, int subj, int ci)
{
    const ev_clause *c = &s->c[ci];
    int rec = -1;
    if (s->lang == EV_DE) {
        /* the nearest object before the verb (verb-final and perfect clauses), else the first after it */
        uint32_t from = (subj >= 0 && s->g[subj].clause == ci) ? s->g[subj].t1 : c->t0;
        int deriv = -1;
        for (int gi = 0; gi < s->ng; gi++)
            if (s->g[gi].clause == ci && gi != subj && s->g[gi].t0 >= from && s->g[gi].t1 <= t && bare(s, gi)) {
                /* an adjective (die chinesische Unterstützung) names a thing: a weaker candidate */
                const lb_mention *m = ev_men(s, s->g[gi].men[0]);
                if (s->g[gi].nmen == 1 && m->form == LB_FORM_DERIV && !s->g[gi].both) deriv = gi;
                else rec = gi;
            }
        if (rec < 0) rec = deriv;
        if (rec < 0 && ev_type_in(p, EV_TB(REJECT) | EV_TB(CONCEDE)))
            rec = message_sender(s, ci, t, subj);
        if (rec < 0) rec = first_group(s, ci, t + 1, c->t1, subj, 1, 0, p);
        if (rec < 0) rec = first_group(s, ci, c->t0, c->t1, subj, 1, 0, p);
    } else {
        rec = first_group(s, ci, t + 1, c->t1, subj, 1, 0, p);
        /* physical targets: shelled positions of the Palestinian forces, arrested members of X;
         * the staff a sanction sends away (expelled inspectors of the IAEA: CAMEO 166) */
        if (rec < 0 && ((p->flags & EV_F_REC_PLACE) || ev_type_in(p, EV_TB(SANCTION))))
            for (int gi = 0; gi < s->ng && rec < 0; gi++) {
                const ev_group *g = &s->g[gi];
                if (g->clause != ci || gi == subj || g->t0 <= t + 1 || g->t0 > t + 6 || g->place) continue;
                uint32_t j = g->t0 - 1;
                if ((s->t[j].cue & EV_C_DET) && j > t + 1) j--;      /* positions of the Palestinian forces */
                if (s->t[j].cue & EV_C_OF) rec = gi;
            }
    }
    return rec;
}

/* German: a verb that governs a content clause (dep=, or a control verb)
 * opens its main clause right after a comma, its subject after it (Syrien
 * werde dafür bezahlen, drohte der türkische Präsident): the clause before
 * the comma is the reported content put first (Duden Grammatik: the
 * introducing clause after the reported speech, verb first); its subject,
 * as the content clause's after the verb would be; -1 when none */
static int preposed_content_subject(const ev_sent *s, uint32_t t, int subj)
{
    const lb_doc *doc = s->doc;
    int ci = s->t[t].clause;
    if (s->lang != EV_DE || ci == 0 || t == 0 || subj < 0 || s->g[subj].t0 <= t) return -1;
    const ev_clause *c = &s->c[ci], *r = &s->c[ci - 1];
    const lb_tok *T = LB_TOKS(doc) + s->tok0;
    if (c->kind != EV_CL_MAIN || r->kind != EV_CL_MAIN || t > c->t0 + 1 || !ev_is_comma(doc, &T[t - 1])) return -1;
    /* (not a fronted adverbial clause: Nachdem er ... hatte, bat ihn X; Würde
     * X ..., mahnten die Berater: a subordinator or a finite verb first) */
    uint32_t k = r->t0;
    while (k < r->t1 && !(T[k].flags & LB_TOK_WORD)) k++;
    if (k >= r->t1 || doc->morph.len != doc->toks.len) return -1;
    const lb_morph *m = &LB_MORPH(doc)[s->tok0 + k];
    if (m->upos == LB_UPOS_SCONJ || LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_FIN) return -1;
    int inh = 0, sub = clause_subject(s, ci - 1, r->t1, &inh, 0);
    return sub >= 0 && !inh && sub != subj ? sub : -1;
}

/* a counterpart in the dependent clause: the subject of a dass clause (dep=),
 * the object of a pledged or requested action */
static void dependent_recipient(const ev_sent *s, uint32_t t, const ev_pattern *p, int subj, roles *R)
{
    int ci = s->t[t].clause;
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
    if (R->recipient < 0 && (p->dep_type || (s->t[t].cue & EV_C_CTL))) {
        R->recipient = preposed_content_subject(s, t, subj);
        if (R->recipient >= 0 && p->dep_type) R->dep = 1;
    }
    if (R->recipient < 0 && (s->t[t].cue & EV_C_CTL) && ci + 1 < s->nc) {
        R->recipient = first_group(s, ci + 1, s->c[ci + 1].t0, s->c[ci + 1].t1, subj, 1, 0, p);
        if (R->recipient < 0 && p->rec_preps)
            R->recipient = first_group(s, ci + 1, s->c[ci + 1].t0, s->c[ci + 1].t1, subj, 0, p->rec_preps, p);
    }
}

/* roles of a verb trigger: subject, passive agent, objects, prepositions */
/* German: a reflexive pronoun (sich) is the object of verb t: right after
 * it, or before it in its clause when the verb stands last (hatte sich ... in
 * die Luft gesprengt) */
static int reflexive_after(const ev_sent *s, uint32_t t)
{
    const lb_doc *doc = s->doc;
    if (s->lang != EV_DE || doc->morph.len != doc->toks.len || s->tok0 + s->n > doc->morph.len) return 0;
    const ev_clause *c = &s->c[s->t[t].clause];
    if (c->cues & EV_C_MUTUAL) return 0;    /* sich gegenseitig: reciprocal, see sides_of */
    for (uint32_t j = c->t0; j <= t + 1 && j < c->t1; j++) {
        if (j == t) continue;
        const lb_morph *m = &LB_MORPH(doc)[s->tok0 + j];
        if (m->upos == LB_UPOS_PRON && LB_FEAT_GET(m->feats, REFLEX)) return 1;
    }
    return 0;
}

/* the first word of clause ci after punctuation and a dateline (Damaskus –) */
static uint32_t adjunct_start(const ev_sent *s, int ci)
{
    const ev_clause *c = &s->c[ci];
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    uint32_t j = c->t0;
    if (ci == 0 && s->t[j].group >= 0 && s->g[s->t[j].group].t1 < c->t1 && (T[s->g[s->t[j].group].t1].flags & LB_TOK_PUNCT))
        j = s->g[s->t[j].group].t1;
    while (j < c->t1 && (T[j].flags & LB_TOK_PUNCT)) j++;
    return j;
}

/* German: clause ci is a participle adjunct that opens a clause and ends at a
 * comma (Bewaffnet von den Amerikanern, ...) */
static int participle_adjunct(const ev_sent *s, int ci)
{
    const ev_clause *c = &s->c[ci];
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    uint32_t j = adjunct_start(s, ci);
    if (j + 1 >= c->t1 || !participle(s, j) || (s->t[j].cue & EV_C_PASSAUX)) return 0;
    if (s->doc->morph.len == s->doc->toks.len) {
        const lb_morph *m = &LB_MORPH(s->doc)[s->tok0 + j];
        if (LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_FIN) return 0;
    }
    return ev_is_comma(s->doc, &T[c->t1 - 1]);
}

/* German: a participle adjunct with its agent before the main clause
 * (Bewaffnet von den Amerikanern, nutzt die YPG ...; Unterstützt von
 * Russland, griff die Armee an): a passive whose agent acts on the subject
 * of the main clause that follows; 1 when R holds these roles */
static int participle_adjunct_roles(const ev_sent *s, uint32_t t, roles *R)
{
    int ci = s->t[t].clause;
    if (s->lang != EV_DE || !participle_adjunct(s, ci)) return 0;
    if (adjunct_start(s, ci) != t) return 0;
    int agent = -1;
    for (int gi = 0; gi < s->ng && agent < 0; gi++)
        if (s->g[gi].clause == ci && s->g[gi].t0 > t && (after_agent_prep(s, gi) || agent_genitive(s, gi))) agent = gi;
    if (agent < 0) return 0;
    /* the main clause after the adjuncts (unterstützt durch ..., another one) */
    int k = ci + 1;
    while (k < s->nc && participle_adjunct(s, k)) k++;
    if (k >= s->nc || s->c[k].kind != EV_CL_MAIN) return 0;
    int inh = 0, subj = clause_subject(s, k, s->c[k].t1, &inh, 0);
    if (subj < 0 || inh || subj == agent) return 0;
    R->passive = 1; R->actor = agent; R->recipient = subj;
    return 1;
}

static void verb_roles(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R);

/* German: the zu-clause ci is governed by an accusation (X warf den USA vor,
 * Taiwan Waffen zu liefern; beschuldigte die Ukraine, ... angegriffen zu
 * haben): object control, the accused is the doer of the alleged act; the
 * accused's group, or -1 */
static int accused_controller(const ev_sent *s, int ci, uint32_t t)
{
    if (s->lang != EV_DE) return -1;
    /* the governing clause, or the trigger's own before it (no comma split) */
    uint32_t from = ci > 0 ? s->c[ci - 1].t0 : s->c[ci].t0;
    for (uint32_t j = from; j < t; j++) {
        if (s->t[j].form < 0) continue;
        const ev_pattern *q = &s->rules->patterns[s->rules->forms[s->t[j].form].pattern];
        if (q->kind != EV_VERB || !q->type || !ev_type_in(q, EV_TB(ACCUSE)) || (q->flags & EV_F_SPEAKER)) continue;
        roles A;
        A.actor = A.recipient = -1;
        A.split = A.inherited = A.dep = A.passive = 0;
        A.speaker = NULL;
        verb_roles(s, j, q, &A);
        return A.passive ? -1 : A.recipient;
    }
    return -1;
}

/* German: token j of the sentence is a verb form with no finite reading */
static int nonfinite_verb(const ev_sent *s, uint32_t j)
{
    const lb_morph *m = &LB_MORPH(s->doc)[s->tok0 + j];
    return (m->upos == LB_UPOS_VERB || m->upos == LB_UPOS_AUX) && !lb_morph_is_finite(m)
           && LB_FEAT_GET(m->feats, VERBFORM) != 0;
}

/* German: clause ci has one finite verb and no other verb: its sentence
 * bracket is still open (wurde X von Y ..., hat X ...; the tagger reads a
 * finite haben before its object as a full verb too) */
static int open_bracket(const ev_sent *s, int ci)
{
    const ev_clause *c = &s->c[ci];
    int fin = 0;
    for (uint32_t j = c->t0; j < c->t1; j++) {
        const lb_morph *m = &LB_MORPH(s->doc)[s->tok0 + j];
        if (m->upos != LB_UPOS_AUX && m->upos != LB_UPOS_VERB) continue;
        if (!lb_morph_is_finite(m) || fin++) return 0;
    }
    return fin;
}

/* German: clause k is embedded between commas: a relative or subordinate
 * clause (die ... hat, nachdem ... war) or an apposition with no verb */
static int embedded_clause(const ev_sent *s, int k)
{
    const ev_clause *c = &s->c[k];
    if (c->kind == EV_CL_REL || c->kind == EV_CL_SUB) return 1;
    if (c->kind != EV_CL_MAIN || c->t1 < c->t0 + 3) return 0;
    for (uint32_t j = c->t0; j < c->t1; j++) {
        uint8_t u = LB_MORPH(s->doc)[s->tok0 + j].upos;
        if (u == LB_UPOS_VERB || u == LB_UPOS_AUX) return 0;
    }
    return ev_is_comma(s->doc, &LB_TOKS(s->doc)[s->tok0 + c->t1 - 1]);
}

/* German: the non-finite verb t ends a clause that follows a relative clause
 * (2014 wurde Al-Asir von einem Militärgericht wegen der Gründung einer
 * Gruppe, die Soldaten getötet hat, verurteilt): it closes the sentence
 * bracket of the clause that holds the relative clause's antecedent (Duden
 * Grammatik: Satzklammer, the right bracket after an embedded clause); that
 * clause, or -1. Its segment has no finite verb of its own, and a relative
 * clause ends with its own finite verb, so the participle is none of its. */
int ev_bracket_host(const ev_sent *s, uint32_t t)
{
    const lb_doc *doc = s->doc;
    int ci = s->t[t].clause;
    if (s->lang != EV_DE || ci < 2 || doc->morph.len != doc->toks.len) return -1;
    const ev_clause *c = &s->c[ci], *r = &s->c[ci - 1];
    if (c->kind == EV_CL_REL || c->kind == EV_CL_SUB || !embedded_clause(s, ci - 1)) return -1;
    /* (a participle of a weak verb without ge- is also a present form, kritisiert:
     * its shape will do, the tagger reads either) */
    const lb_morph *tm = &LB_MORPH(doc)[s->tok0 + t];
    if (tm->upos != LB_UPOS_VERB || !(nonfinite_verb(s, t) || participle(s, t)) || ev_zu_clause(s, ci, 1)) return -1;
    for (uint32_t j = c->t0; j < c->t1; j++) {
        const lb_morph *m = &LB_MORPH(doc)[s->tok0 + j];
        if (j != t && (m->upos == LB_UPOS_VERB || m->upos == LB_UPOS_AUX) && lb_morph_is_finite(m)) return -1;
        if (j > t && !nonfinite_verb(s, j) && !(LB_TOKS(doc)[s->tok0 + j].flags & LB_TOK_PUNCT)) return -1;
    }
    /* (the relative clause follows its noun: the clause before it holds the noun) */
    int host = ci - 2;
    if (r->antecedent >= 0 && s->g[r->antecedent].clause != host) return -1;
    return open_bracket(s, host) ? host : -1;
}

static void verb_roles(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R)
{
    if (participle_adjunct_roles(s, t, R)) return;
    int ci = s->t[t].clause, inh = 0;
    int host = ev_bracket_host(s, t);
    if (host >= 0) ci = host;
    const ev_clause *c = &s->c[ci];
    /* the clause layer's roles where it analysed the trigger's clause */
    ev_clause_roles_t Y;
    int syn = use_clause_layer(s) && ev_clause_roles(s, t, &Y);
    /* a zu-infinitive has no subject of its own: the governing clause's subject */
    int subj = -1;
    if (ev_zu_marked(s, t) || ev_zu_clause(s, ci, 1)) subj = accused_controller(s, ci, t);
    if (subj < 0 && ev_zu_marked(s, t)) subj = ev_inherit_subject(s, ci, &inh, 0);
    /* (a subject that is no actor - Unbekannte, der Mann - leaves the act without one) */
    if (subj < 0) subj = clause_subject(s, ci, t, &inh, 0);
    /* passive voice: a passive auxiliary in the clause and a participle or an agent */
    int agent = -1;
    for (int gi = 0; gi < s->ng; gi++)
            if (s->g[gi].clause == ci && s->g[gi].t0 > (s->lang == EV_EN ? t : c->t0) && is_agent(s, gi)
                && !(p->act_preps >> s->g[gi].prep & 1)) { agent = gi; break; }
    int aux = syn && Y.passive;
    int past_aux = 0;
    for (uint32_t j = c->t0; j < c->t1; j++)
        if ((s->t[j].cue & EV_C_PASSAUX) && (s->lang == EV_DE || j < t)) { aux = 1; past_aux |= passive_only_aux(s, j); }
    for (uint32_t j = c->t0; j < c->t1; j++)
        /* Zwei Polizisten sind verletzt: a state passive of a physical act */
        if ((s->t[j].cue2 & EV_C2_STATEAUX) && (p->flags & EV_F_REC_PLACE) && j < t) aux = 1;
    int future = !(syn && Y.passive) && !past_aux && infinitive_form(s, t);
    if (aux && !(p->flags & EV_F_ADJ) && (syn || agent >= 0 || participle(s, t)) && (agent >= 0 || (!infinitive(s, t) && !future))) {
        R->passive = 1;
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
    /* German: a reflexive right after the verb is its object (sprengten sich ...
     * drei Attentäter in die Luft): the clause layer's subject acts, no group is the object */
    int reflexive = !ev_type_in(p, EV_SYMMETRIC_TYPES) && reflexive_after(s, t);   /* (sich treffen: reciprocal) */
    /* (not a place: the clause layer may take a dateline for the subject, Kiew – Polen stellte sich ...) */
    if (reflexive && syn && Y.subj >= 0 && !s->g[Y.subj].place) { subj = Y.subj; inh = 0; }
    R->actor = subj;
    R->inherited = inh;
    if (p->rec_preps) R->recipient = first_group(s, ci, c->t0, c->t1, subj, 0, p->rec_preps, p);
    if (R->recipient < 0 && (p->flags & EV_F_REC_OBJ) && !reflexive) R->recipient = object_recipient(s, t, p, subj, ci);
    dependent_recipient(s, t, p, subj, R);
    if (R->actor >= 0 && R->actor == R->recipient) R->recipient = -1;
}

void ev_find_roles(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R)
{
    R->actor = R->recipient = -1;
    R->split = R->inherited = R->dep = R->passive = 0;
    R->speaker = NULL;
    /* (a speech act is the speaker's whatever the trigger's part of speech:
     * das werde Konsequenzen haben, sagte Y) */
    if (p->flags & EV_F_SPEAKER) speaker_roles(s, t, p, R);
    else if (p->kind != EV_VERB) noun_roles(s, t, p, R);
    else verb_roles(s, t, p, R);
}
