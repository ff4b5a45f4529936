/* dres.c: resolution of pronouns and descriptions against the recently
 * mentioned entities. A pronoun takes the compatible entity (gender and
 * number agree, not in its own clause unless possessive) with the best
 * score of recency and salience (a subject counts more; persons for er/sie,
 * he/she); a description takes the most recent entity of its kind (person,
 * organisation, state) whose gender agrees; heads naming no kind of
 * organisation (die Gruppe) or a state's government (die Regierung) take
 * any organisation or state. At most D_RECENT candidates are
 * looked at: constant work per pronoun. */
#include "discourse/dint.h"
#include "text/text.h"
#include <string.h>

/* agreement bits of a gender feature */
static uint32_t gender_bits(uint32_t g)
{
    return g == LB_GENDER_MASC ? DC_M : g == LB_GENDER_FEM ? DC_F : g == LB_GENDER_NEUT ? DC_N : 0;
}

/* a sentence-initial Sie the lexicon read as the polite you (its number is
 * then no clue): the number of the finite verb after it (Sie drohten: plural;
 * Sie drohte, Sie droht: feminine singular), else both readings */
static uint32_t verb_number_agree(const dstate *s, uint32_t i)
{
    const lb_morph *vm = i + 1 < s->n && s->t[i + 1].sent == s->t[i].sent ? d_morph(s, i + 1) : NULL;
    if (!vm || (vm->upos != LB_UPOS_VERB && vm->upos != LB_UPOS_AUX)) return DC_F | DC_PL;
    uint32_t num = lb_morph_subject_number(vm);
    return num == LB_NUMBER_PLUR ? DC_PL : num == LB_NUMBER_SING ? DC_F : DC_F | DC_PL;
}

uint32_t d_pron_agree(const dstate *s, uint32_t i)
{
    uint32_t c = d_cls(s, i) & DC_AGREE;
    const lb_morph *mo = d_morph(s, i);
    if (!c || !mo) return c;
    if (mo->upos != LB_UPOS_PRON && mo->upos != LB_UPOS_DET) return 0;
    /* Person=2 is kept: the lexicon reads a capitalised Sie as the polite you */
    if (LB_FEAT_GET(mo->feats, PERSON) == 1) return 0;
    if (LB_FEAT_GET(mo->feats, PERSON) == 2) return c & verb_number_agree(s, i);
    if (mo->upos == LB_UPOS_PRON && !LB_FEAT_GET(mo->feats, POSS)) {
        /* the number of a personal pronoun is its referent's (sie erwarte / sie erwarten) */
        uint32_t num = LB_FEAT_GET(mo->feats, NUMBER);
        if (num == LB_NUMBER_SING && (c & ~(uint32_t)DC_PL)) c &= ~(uint32_t)DC_PL;
        if (num == LB_NUMBER_PLUR && (c & DC_PL)) c = DC_PL;
    }
    return c;
}

/* a possessive or reflexive may point into its own clause (Putin und seine Berater) */
static int may_bind_locally(const dstate *s, uint32_t i)
{
    const lb_morph *mo = d_morph(s, i);
    return mo && (mo->upos == LB_UPOS_DET || LB_FEAT_GET(mo->feats, POSS) || LB_FEAT_GET(mo->feats, REFLEX));
}

int32_t d_resolve_pronoun(dstate *s, uint32_t i, uint32_t agree)
{
    const lb_morph *mo = d_morph(s, i);
    int32_t clause = mo ? mo->clause : -1;
    int local = may_bind_locally(s, i);
    uint32_t sent = s->t[i].sent;
    int32_t best = -1;
    int best_score = 0;
    for (uint32_t r = 0; r < s->nrecent; r++) {
        int32_t e = s->recent[r];
        const dent *d = &s->ent[e];
        if (!(d->agree & agree) || sent - d->last_sent > D_PRON_SENTS) continue;
        const lb_morph *lm = d_morph(s, d->last_tok);
        if (!local && clause >= 0 && lm && lm->clause == clause) continue;
        /* es, it: mostly expletive (es gibt, heißt es); only a subject just before */
        if (agree == DC_N && !local && (!d->last_subj || sent - d->last_sent > 1)) continue;
        int score = 100 - 25 * (int)(sent - d->last_sent) - 2 * (int)r;
        if (d->last_subj) score += 20;
        if (LB_ENTITIES(s->doc)[e].type == LB_MEN_PER && (agree & (DC_M | DC_F))) score += 10;
        if (best < 0 || score > best_score) { best = e; best_score = score; }
    }
    if (best >= 0) {
        /* a person's gender learnt from the pronoun (er, sie; he, she) */
        dent *d = &s->ent[best];
        lb_entity *E = &LB_ENTITIES(s->doc)[best];
        uint32_t g = agree & d->agree & (DC_M | DC_F);
        if (E->type == LB_MEN_PER && !d->gender_known && (g == DC_M || g == DC_F)) {
            d->agree = g; d->gender_known = 1;
            E->gender = g == DC_F ? LB_GENDER_FEM : LB_GENDER_MASC;
        }
    }
    return best;
}

/* the entity's name contains the description's head word (die Regierung:
 * Bundesregierung; die Partei: Partei Recht und Gerechtigkeit) */
static int name_has_head(const dstate *s, const lb_entity *E, uint32_t h)
{
    char name[256], head[LB_MAX_TOKEN_BYTES * 3];
    const lb_tok *t = &s->t[h];
    size_t hn = t->norm_len, nn = lb_fold(name, sizeof name, E->name, strlen(E->name));
    const char *w = lb_tok_norm(s->doc, t);
    for (size_t k = hn; k-- > 1;)
        if (w[k - 1] == '-') { w += k; hn -= k; break; }   /* EU-Kommission: kommission */
    if (!nn || hn < 3 || hn > sizeof head) return 0;
    memcpy(head, w, hn);
    for (size_t k = 0; k + hn <= nn; k++)
        if (!memcmp(name + k, head, hn)) return 1;
    return 0;
}

/* the entity's actor code is listed as an alliance's (ally.code: NATO), so
 * that das Bündnis, die Allianz, the alliance refer to it */
static int is_alliance(const dstate *s, const lb_entity *E)
{
    char code[32];
    if (!E->actor.code) return 0;
    size_t n = lb_fold(code, sizeof code, E->actor.code, strlen(E->actor.code));
    return n && (d_word_cls(s, code, n) & DC_ALLY_CODE);
}

/* the description's head h names the role the person was introduced with
 * (a preference, not a filter: a person has more roles than the one named):
 * one word contains the other (Außenminister / der Minister; Präsidentin /
 * die Präsidentin; Kremlchef / der Chef); a person without a known role and a
 * head that names none (der Mann, der 63-Jährige) always agree */
static int role_agrees(const dstate *s, const dent *d, uint32_t h)
{
    if (!d->role_tok || (d_cls(s, h) & DC_PER_ANY)) return 1;
    char a[LB_MAX_TOKEN_BYTES * 3], b[LB_MAX_TOKEN_BYTES * 3];
    size_t na = d_head_form(s, h, a, sizeof a), nb = d_head_form(s, d->role_tok - 1, b, sizeof b);
    if (!na || !nb) return 1;
    const char *lng = na >= nb ? a : b, *sht = na >= nb ? b : a;
    size_t nl = na >= nb ? na : nb, ns = na >= nb ? nb : na;
    for (size_t k = 0; k + ns <= nl; k++)
        if (!memcmp(lng + k, sht, ns)) return 1;
    return 0;
}

int32_t d_resolve_desc(dstate *s, uint32_t a, uint32_t h, uint32_t cls, const char *code)
{
    uint32_t want = 0;   /* agreement from the head noun (German) */
    const lb_morph *mo = d_morph(s, h);
    /* a plural description (die Anwälte, den Forschern, the officials) is a
     * group, never one person, organisation or state */
    if (mo && LB_FEAT_GET(mo->feats, NUMBER) == LB_NUMBER_PLUR) return -1;
    if (mo && s->lang != DL_EN) want = gender_bits(LB_FEAT_GET(mo->feats, GENDER));
    /* the article of a singular nominative says more than a guessed head: die Angeklagte */
    const lb_morph *am = d_morph(s, a);
    uint32_t art = d_cls(s, a) & (DC_ART_M | DC_ART_F | DC_ART_N);
    if (art && am && (!LB_FEAT_GET(am->feats, CASE) || LB_FEAT_GET(am->feats, CASE) == LB_CASE_NOM) &&
        !(mo && LB_FEAT_GET(mo->feats, NUMBER) == LB_NUMBER_PLUR))
        want = art == DC_ART_M ? DC_M : art == DC_ART_F ? DC_F : art == DC_ART_N ? DC_N : want;
    uint32_t sent = s->t[a].sent;
    const lb_morph *hm = d_morph(s, h);
    int32_t clause = hm ? hm->clause : -1, best = -1;
    int best_score = 0;
    for (uint32_t r = 0; r < s->nrecent; r++) {
        int32_t e = s->recent[r];
        const dent *d = &s->ent[e];
        const lb_entity *E = &LB_ENTITIES(s->doc)[e];
        if (sent - d->last_sent > D_DESC_SENTS) continue;
        /* not someone of its own clause: "In einer Rede an Merkel sagte der Abgeordnete" */
        const lb_morph *lm = d_morph(s, d->last_tok);
        if (clause >= 0 && lm && lm->clause == clause) continue;
        uint32_t kind = E->type == LB_MEN_PER ? DC_PER : E->type == LB_MEN_ORG ? DC_ORG : DC_LOC | DC_GOV;
        if (!(cls & kind)) continue;
        if (code && (!E->actor.code || strcmp(code, E->actor.code))) continue;
        /* an organisation by its own name's head or by a head naming no kind
         * (die Gruppe: Hamas); a place only a state, by a plain head naming a
         * state or its government (das Land, die Regierung: Iran) */
        if (E->type == LB_MEN_ORG && !name_has_head(s, E, h) && !(cls & DC_ORG_ANY) &&
            !((cls & DC_ALLY) && is_alliance(s, E))) continue;
        if (E->type == LB_MEN_LOC && (!E->actor.code || !(d_plain_head_cls(s, h) & (DC_LOC | DC_GOV)))) continue;
        if (E->type == LB_MEN_PER && want && !(d->agree & want)) continue;
        /* salience: a state or organisation that was the subject of its
         * sentence outranks one named later as an object or a place */
        int score = 100 - 10 * (int)(sent - d->last_sent) - 2 * (int)r;
        if (E->type != LB_MEN_PER && d->last_subj) score += 20;
        /* a person introduced with the description's role comes first */
        if (E->type == LB_MEN_PER && d->role_tok && role_agrees(s, d, h) && !(d_cls(s, h) & DC_PER_ANY)) score += 30;
        if (best < 0 || score > best_score) { best = e; best_score = score; }
    }
    if (best >= 0) {
        dent *d = &s->ent[best];
        lb_entity *E = &LB_ENTITIES(s->doc)[best];
        if (E->type == LB_MEN_PER && want && !d->gender_known && (want == DC_M || want == DC_F)) {
            d->agree = want; d->gender_known = 1;
            E->gender = want == DC_F ? LB_GENDER_FEM : LB_GENDER_MASC;
        }
    }
    return best;
}
