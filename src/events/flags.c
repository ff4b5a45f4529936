/* flags.c: the negated and hypothetical flags of an event from its clause's
 * cues and the governing clause (sich weigern, befürchten, bereit), and the
 * English intent reading (will + cooperative act = AGREE, will + hostile act
 * = THREATEN). */
#include "events/code.h"
#include "morph/morph.h"
#include "text/text.h"
#include <string.h>

/* a German zu-infinitive clause (code.h): the governing cues take "zu"
 * before any lower-case token, roles.c only before a word */
int ev_zu_clause(const ev_sent *s, int ci, int word_after)
{
    if (s->lang != EV_DE || ci == 0) return 0;
    const ev_clause *c = &s->c[ci];
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    for (uint32_t j = c->t0; j + 1 < c->t1; j++)
        if ((s->t[j].cue & EV_C_ZU) && !(T[j + 1].flags & LB_TOK_UPPER) && (!word_after || (T[j + 1].flags & LB_TOK_WORD))) return 1;
    return 0;
}

/* German clause ci ends with its zu-infinitive (verb-final: ..., mit X zu
 * kooperieren, / ..., Hilfe aufzunehmen,): a whole infinitive clause, not a
 * main clause coordinated after one (X zu verurteilen und wurde beschuldigt) */
static int zu_final(const ev_sent *s, int ci)
{
    const ev_clause *c = &s->c[ci];
    uint32_t j = c->t1;
    while (j > c->t0 && !(LB_TOKS(s->doc)[s->tok0 + j - 1].flags & LB_TOK_WORD)) j--;
    if (j == c->t0) return 0;
    uint32_t last = j - 1, abs = s->tok0 + last;
    if (last > c->t0 && (s->t[last - 1].cue & EV_C_ZU)) return 1;
    return s->doc->morph.len == s->doc->toks.len && (LB_MORPH(s->doc)[abs].flags & LB_MF_ZU_INF);
}

/* governing cues of trigger t: what stands before it in its clause, and the clause before */
uint32_t ev_governing_cues(const ev_sent *s, uint32_t t)
{
    int ci = s->t[t].clause;
    const ev_clause *c = &s->c[ci];
    uint32_t v = 0;
    for (uint32_t j = c->t0; j < t; j++) v |= s->t[j].cue;
    int dependent = ev_zu_marked(s, t) || c->kind == EV_CL_SUB || s->rules->forms[s->t[t].form].zuinf;
    if (!dependent && s->lang == EV_EN) {
        /* to + verb ... trigger with no other trigger between: to launch an offensive */
        for (uint32_t j = t; j-- > c->t0;) {
            if (s->t[j].form >= 0) break;
            if ((s->t[j].cue & EV_C_ZU) && j + 1 < t) { dependent = 1; break; }
        }
    }
    if (!dependent) dependent = ev_zu_clause(s, ci, 0);   /* (also "zu,"; German only) */
    if (!dependent) return 0;
    if (ci > 0 && !(v & (EV_C_CTL | EV_C_NEGSUB | EV_C_HYPSUB))) v |= s->c[ci - 1].cues;
    /* German: a chain of zu-infinitive clauses depends on one verb (bereit, X zu
     * tun, sich sogar an Y zu beteiligen; weigerte sich, X zu tun, Y zu tun) */
    int chain = s->lang == EV_DE && ci > 1 && zu_final(s, ci);
    for (int k = ci - 1; chain && k > 0 && !(v & (EV_C_CTL | EV_C_NEGSUB | EV_C_HYPSUB)) && zu_final(s, k); k--)
        v |= s->c[k - 1].cues;
    return v & (EV_C_CTL | EV_C_NEGSUB | EV_C_HYPSUB);
}

/* one of the pattern's hyp= words stands in the trigger's clause (bis zu 30 Jahre Haft drohen) */
static int hyp_word(const ev_sent *s, uint32_t t, const ev_pattern *p)
{
    const ev_clause *c = &s->c[s->t[t].clause];
    if (!ev_stems_seen(s, p->hypw, p->nhyp)) return 0;
    for (uint32_t j = c->t0; j < c->t1; j++)
        for (int k = 0; k < p->nhyp; k++) if (j != t && s->t[j].stem == p->hypw[k]) return 1;
    return 0;
}

/* the sentence is a question (it ends in "?"): an act asked about is
 * hypothetical (GUIDELINES §2: possible, feared, planned conditionally or asked about) */
static int question(const ev_sent *s)
{
    const lb_sent *S = &LB_SENTS(s->doc)[s->si];
    const lb_tok *T = LB_TOKS(s->doc);
    for (uint32_t k = S->tok0 + S->ntok; k-- > S->tok0;) {
        const lb_tok *tk = &T[k];
        if (tk->flags & (LB_TOK_QUOTE | LB_TOK_BRACKET_CLOSE)) continue;
        return tk->norm_len == 1 && lb_tok_norm(s->doc, tk)[0] == '?';
    }
    return 0;
}

/* a speech verb (SAY) stands in clause ci or one before it: what follows reports speech */
static int said_by(const ev_sent *s, int ci)
{
    for (int k = 0; k <= ci; k++) if (s->c[k].cues & EV_C_SAY) return 1;
    return 0;
}

/* token j (of the sentence) is an infinitive, or spelt as one: the verb
 * bracket's end, which the tagger may read as a finite plural (töten wollen) */
static int infinitive(const ev_sent *s, uint32_t j)
{
    const lb_morph *m = &LB_MORPH(s->doc)[s->tok0 + j];
    return LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_INF ||
           ((m->upos == LB_UPOS_VERB || m->upos == LB_UPOS_AUX) && lb_morph_spelt_as_lemma(s->doc, s->tok0 + j));
}

/* trigger t, an infinitive in clause ci, is what a past intention governs
 * (GUIDELINES §2: hypothetical, not an announced plan): an intent cue
 * (wollen) in the past indicative (wollte angreifen; not after a speech
 * verb, where wollten stands for the reported present), or as the
 * infinitive of its perfect with a finite perfect auxiliary (PERFAUX: habe
 * ... töten wollen; no zu-infinitive: geplant zu haben und umsetzen zu
 * wollen). The act intended is not said to have happened. By the
 * morphology layer; without it, no. */
static int past_intent(const ev_sent *s, int ci, uint32_t t)
{
    const lb_doc *doc = s->doc;
    if (doc->morph.len != doc->toks.len || !infinitive(s, t) || (t > 0 && (s->t[t - 1].cue & EV_C_ZU))) return 0;
    const ev_clause *c = &s->c[ci];
    const lb_morph *M = LB_MORPH(doc) + s->tok0;
    int said = said_by(s, ci), inf = 0, have = 0;
    for (uint32_t j = c->t0; j < c->t1; j++) {
        const lb_morph *m = &M[j];
        if (j > c->t0 && (s->t[j - 1].cue & EV_C_ZU)) continue;        /* zu + infinitive */
        if ((s->t[j].cue & EV_C_INTENT) && j != t) {
            if (!said && LB_FEAT_GET(m->feats, TENSE) == LB_TENSE_PAST && LB_FEAT_GET(m->feats, MOOD) != LB_MOOD_SUB) return 1;
            inf |= infinitive(s, j);
        }
        have |= (s->t[j].cue2 & EV_C2_PERFAUX) && lb_morph_is_finite(m);
    }
    return inf && have;
}

void ev_set_flags(const ev_sent *s, uint32_t t, const ev_pattern *p, uint32_t gov, lb_event *e)
{
    int ci = s->t[t].clause;
    const ev_clause *c = &s->c[ci];
    uint32_t cl = c->cues;
    /* ohne ... zu negates its zu-clause; English without + -ing only its own
     * verb (agreed to resign without returning) */
    int negzu = 0;
    if (s->lang == EV_EN) {
        for (uint32_t j = t >= 2 ? t - 2 : 0; j < t; j++) if (s->t[j].cue & EV_C_NEGZU) negzu = 1;
    } else negzu = (cl & EV_C_NEGZU) && (cl & EV_C_ZU);
    /* (a prohibition, X dürfe nicht ..., X must not ...: the negation is what is demanded) */
    int own_neg = (cl & EV_C_NEG) && !(p->flags & EV_F_NEGCONTENT);
    e->negated = own_neg || negzu || (gov & EV_C_NEGSUB);
    /* (the trigger's own modal is no hedge of itself: Iran should withdraw, said X) */
    int hyp = (cl & EV_C_HYP) != 0;
    if (hyp && (s->t[t].cue & EV_C_HYP)) {
        hyp = 0;
        for (uint32_t j = c->t0; j < c->t1 && !hyp; j++) hyp = j != t && (s->t[j].cue & EV_C_HYP);
    }
    /* (a relative clause in a question is presupposed, not asked: die Männer, die ... feuerten?) */
    e->hypothetical = hyp || (gov & EV_C_HYPSUB) || (p->nhyp && hyp_word(s, t, p)) || (c->kind != EV_CL_REL && question(s));
    if (!e->hypothetical && (cl & EV_C_HYPW)) {
        /* würde/would is hypothetical unless it reports speech (erklärte, die beiden würden ...) */
        e->hypothetical = !said_by(s, ci);
    }
    if (!e->hypothetical && past_intent(s, ci, t)) e->hypothetical = 1;
    /* English: "will/would (after said) + cooperative act" announces it: a pledge (AGREE);
     * "will + hostile act": a threat */
    if (!e->negated && !e->hypothetical) {
        int intent = 0;
        /* German: the modal stands anywhere before the verb-final trigger (will ... unterstützen) */
        uint32_t from = s->lang == EV_DE ? c->t0 : (t >= 3 ? t - 3 : 0);
        for (uint32_t j = from; j < t && j >= c->t0; j++)
            if ((s->t[j].cue & EV_C_INTENT) || (s->lang == EV_EN && (s->t[j].cue & EV_C_HYPW) && !e->hypothetical)) intent = 1;
        if (!intent && p->kind == EV_NOUN_SUPPORT)
            /* will extend the curfew: the support verb carries the announcement */
            for (uint32_t j = t >= 6 ? t - 6 : 0; j < t && j >= c->t0; j++)
                if (s->t[j].cue & EV_C_INTENT) intent = 1;
        if (intent && p->kind != EV_NOUN) {
            static const char *const coop[] = { "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE", NULL };
            static const char *const hostile[] = { "ASSAULT", "COERCE", "SANCTION", "PROTEST", NULL };
            for (int k = 0; coop[k]; k++) if (!strcmp(e->type, coop[k])) { e->type = "AGREE"; e->mode = NULL; }
            for (int k = 0; hostile[k]; k++) if (!strcmp(e->type, hostile[k])) { e->type = "THREATEN"; e->mode = NULL; }
        }
    }
}
