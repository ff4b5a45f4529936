/* groups.c: actors that are not names (GUIDELINES.md §2, group nouns): a
 * group noun (Polizei, Regierungstruppen, rebels) becomes an actor group of
 * the state its phrase names (die türkische Armee; die Regierung in Damaskus),
 * else of the document's state; a non-state armed group without a state of its
 * own (code IMG: Islamic State) acts for the state where it acts. The
 * stage's own mentions live in ev_sent.xm. Also finds the document's state:
 * its dateline place, else the first state named in the sentence after a
 * dateline with no code, else the state its place names mention most. */
#include "events/sent.h"
#include "text/text.h"
#include <string.h>

#define EV_DATELINE_TOKS 4     /* a dateline place starts within the first tokens of the text */
#define EV_ADJ_GAP 1           /* words (adjectives) between a state adjective and its group noun */

int ev_state_code(const char *c)
{
    if (!c || strlen(c) != 3) return 0;
    static const char *const ORGS[] = { "EUR", "UNO", "IGO", "NGO", "MNC", "IMG", "WBK", "IMF", "ICC", "WHO",
                                        "SCO", "ARL", "WTO", "BRICS", "OSCE", "NATO", NULL };
    /* (c is 3 bytes and its NUL: 4 bytes compared at once; longer codes never equal it) */
    for (int i = 0; ORGS[i]; i++) if (!memcmp(ORGS[i], c, 4)) return 0;
    for (int i = 0; i < 3; i++) if (c[i] < 'A' || c[i] > 'Z') return 0;
    return 1;
}

/* the state of a place mention: its code, or the state of a seat of an
 * international organisation (Brüssel coded EUR: BEL) */
const char *ev_place_state(const ev_rules *r, const lb_doc *doc, const lb_mention *m)
{
    if (ev_state_code(m->actor.code)) return m->actor.code;
    if (m->type != LB_MEN_LOC || m->end <= m->start) return NULL;
    return ev_seat_state(r, doc->text + m->start, m->end - m->start);
}

/* the state of the first place named in the sentence after an uncoded
 * dateline (one capitalised word and a dash near the start), or NULL */
static const char *dateline_sentence_state(const lb_doc *doc, const ev_rules *r)
{
    const lb_tok *T = LB_TOKS(doc);
    uint32_t first = doc->sents.len ? LB_SENTS(doc)[0].tok0 : 0;
    uint32_t d = first + 1;
    while (d < doc->toks.len && d <= first + EV_DATELINE_TOKS + 20 && !(T[d].flags & LB_TOK_DASH)) d++;
    if (d >= doc->toks.len || !(T[d].flags & LB_TOK_DASH)) return NULL;
    if (!(T[d - 1].flags & LB_TOK_UPPER) || !(T[d - 1].flags & LB_TOK_WORD)) return NULL;
    /* (one place: not Holguin/Vatikanstadt, not a dash inside a sentence) */
    if (d >= 2 && !(T[d - 2].flags & LB_TOK_SENT_END) && d - 1 != first) return NULL;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const lb_mention *m = &LB_MENTIONS(doc)[i];
        if (m->tok0 < d - 1) continue;
        if (m->tok0 == d - 1 || m->tok0 >= doc->toks.len || T[m->tok0].sent != T[d + 1 < doc->toks.len ? d + 1 : d].sent) return NULL;
        const char *c = m->type == LB_MEN_LOC ? ev_place_state(r, doc, m) : NULL;
        if (c) return c;
    }
    return NULL;
}

/* the state code of the most place mentions, the earliest named among
 * equals; NULL none. One pass over the mentions with a count per distinct
 * code (a document names few states; past MAX_STATES, a count per mention). */
static const char *most_named_state(const lb_doc *doc)
{
    enum { MAX_STATES = 64 };
    const lb_mention *M = LB_MENTIONS(doc);
    const char *code[MAX_STATES];
    int count[MAX_STATES], nc = 0;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const char *c = M[i].actor.code;
        if (M[i].type != LB_MEN_LOC || !ev_state_code(c)) continue;
        int k = 0;
        while (k < nc && strcmp(code[k], c)) k++;
        if (k == nc) {
            if (nc == MAX_STATES) { nc = -1; break; }
            code[nc] = c; count[nc++] = 0;
        }
        count[k]++;
    }
    const char *best = NULL;
    int bestn = 0;
    for (int k = 0; k < nc; k++) if (count[k] > bestn) { bestn = count[k]; best = code[k]; }
    if (nc >= 0) return best;
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const char *c = M[i].actor.code;
        if (M[i].type != LB_MEN_LOC || !ev_state_code(c)) continue;
        int n = 0;
        for (size_t k = i; k < doc->mentions.len; k++)
            if (M[k].type == LB_MEN_LOC && M[k].actor.code && !strcmp(M[k].actor.code, c)) n++;
        if (n > bestn) { bestn = n; best = c; }
    }
    return best;
}

const char *ev_doc_state(const lb_doc *doc, const ev_rules *r)
{
    const lb_mention *M = LB_MENTIONS(doc);
    /* dateline: "Kabul – ...", "Holguin/Vatikanstadt – ..." at the start of the text */
    for (size_t i = 0; i < doc->mentions.len && i < 3; i++) {
        const lb_mention *m = &M[i];
        const char *code = ev_place_state(r, doc, m);
        if (m->type != LB_MEN_LOC || !code || m->tok0 >= doc->toks.len) continue;
        uint32_t first = doc->sents.len ? LB_SENTS(doc)[0].tok0 : 0;
        if (m->tok0 > first + EV_DATELINE_TOKS + 20) break;
        /* (Holguin/Vatikanstadt: several places, no single state) */
        if (m->tok0 > 0 && LB_TOKS(doc)[m->tok0 - 1].norm_len == 1 && lb_tok_norm(doc, &LB_TOKS(doc)[m->tok0 - 1])[0] == '/') break;
        for (uint32_t j = m->tok0 + 1; j < doc->toks.len && j <= m->tok0 + EV_DATELINE_TOKS; j++) {
            const lb_tok *tk = &LB_TOKS(doc)[j];
            if (tk->flags & LB_TOK_DASH) return code;
            /* (a title's last place before the dateline: Treffen in Kairo. Sirte – ...) */
            if ((tk->flags & LB_TOK_SENT_END) || ((tk->flags & LB_TOK_PUNCT)
                && !(tk->flags & (LB_TOK_BRACKET_OPEN | LB_TOK_BRACKET_CLOSE)))) break;
        }
    }
    /* a dateline place with no code (Sirte – Die Regierung in Libyen ...): the first
     * state its sentence names */
    const char *after = dateline_sentence_state(doc, r);
    if (after) return after;
    /* else the state named most often (places and their adjectives) */
    return most_named_state(doc);
}

/* a mention of the stage (see sent.h) */
uint32_t ev_make_mention(ev_sent *s, uint32_t t0, uint32_t t1, const char *code, const char *sector)
{
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    lb_mention *m = &s->xm[s->nxm];
    memset(m, 0, sizeof *m);
    m->start = T[t0].start; m->end = T[t1 - 1].end;
    m->tok0 = s->tok0 + t0; m->ntok = t1 - t0;
    m->type = LB_MEN_ORG; m->form = LB_FORM_NAME;
    m->actor.code = code; m->actor.sector = sector;
    return (uint32_t)(s->doc->mentions.len + s->nxm++);
}

static int all_form(const ev_sent *s, const ev_group *g, int form, int type)
{
    for (int q = 0; q < g->nmen; q++) {
        const lb_mention *m = ev_men(s, g->men[q]);
        if ((form >= 0 && m->form != form) || (type >= 0 && m->type != type)) return 0;
    }
    return g->nmen > 0;
}

void ev_insert_group(ev_sent *s, const ev_group *g)
{
    int at = s->ng;
    while (at > 0 && s->g[at - 1].t0 > g->t0) { s->g[at] = s->g[at - 1]; at--; }
    s->g[at] = *g;
    s->ng++;
}

uint32_t ev_add_group(ev_sent *s, uint32_t t0, uint32_t t1, const char *code, const char *sector)
{
    ev_group g;
    memset(&g, 0, sizeof g);
    g.t0 = t0; g.t1 = t1; g.prep = -1;
    uint32_t k = ev_make_mention(s, t0, t1, code, sector);
    g.men[g.nmen++] = k;
    ev_insert_group(s, &g);
    return k;
}

/* the state adjective group right before noun i (die türkische Armee, der
 * syrischen Regierungstruppen), or a German genitive name (Chinas Präsident) */
static int adjective_before(const ev_sent *s, uint32_t i)
{
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    for (int gi = s->ng - 1; gi >= 0; gi--) {
        const ev_group *g = &s->g[gi];
        if (g->t1 > i) continue;
        const lb_tok *last = &T[g->t1 - 1];
        if (s->lang == EV_DE && g->t1 == i && g->nmen == 1 && all_form(s, g, LB_FORM_NAME, -1) && last->norm_len > 2
            && lb_tok_norm(s->doc, last)[last->norm_len - 1] == 's' && ev_state_code(ev_men(s, g->men[0])->actor.code))
            return gi;
        if (i - g->t1 > EV_ADJ_GAP || !all_form(s, g, LB_FORM_DERIV, -1)) return -1;
        for (uint32_t j = g->t1; j < i; j++)
            if (!(T[j].flags & LB_TOK_WORD) || (T[j].flags & LB_TOK_UPPER) || s->t[j].cue) return -1;
        return gi;
    }
    return -1;
}

/* a place group right after noun i with "in"/"aus" (die Regierung in Damaskus) */
static int seat_after(const ev_sent *s, uint32_t i)
{
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    (void)T;
    if (i + 2 >= s->n || !(s->t[i + 1].cue2 & EV_C2_SEAT)) return -1;
    int gi = s->t[i + 2].group;
    for (int k = 0; k < s->ng && gi < 0; k++) if (s->g[k].t0 == i + 2) gi = k;
    if (gi < 0 || !all_form(s, &s->g[gi], LB_FORM_NAME, LB_MEN_LOC)) return -1;
    return ev_state_code(ev_men(s, s->g[gi].men[0])->actor.code) ? gi : -1;
}

/* the group right after group noun i when it is a genitive of a state with
 * no sector of its own (das Militär des Landes, die Regierung Nordkoreas;
 * not der Chef der Hamas, whose organisation has its own), else -1 */
static int genitive_state_after(const ev_sent *s, uint32_t i)
{
    const lb_doc *doc = s->doc;
    if (s->lang != EV_DE || doc->morph.len != doc->toks.len) return -1;
    int gg = -1;
    for (int gi = 0; gi < s->ng; gi++) if (s->g[gi].t0 == i + 1) gg = gi;
    if (gg < 0 || !s->g[gg].nmen) return -1;
    if (LB_FEAT_GET(LB_MORPH(doc)[s->tok0 + i + 1].feats, CASE) != LB_CASE_GEN) return -1;
    for (int q = 0; q < s->g[gg].nmen; q++) {
        const lb_mention *m = ev_men(s, s->g[gg].men[q]);
        if (!ev_state_code(m->actor.code) || (m->actor.sector && *m->actor.sector)) return -1;
    }
    return gg;
}

static int starts_group(const ev_sent *s, uint32_t i)
{
    for (int gi = 0; gi < s->ng; gi++) if (s->g[gi].t0 == i) return 1;
    return 0;
}

static int group_at(const ev_sent *s, uint32_t i)
{
    for (int gi = 0; gi < s->ng; gi++) if (s->g[gi].t0 <= i && s->g[gi].t1 > i) return gi;
    return -1;
}

static int inside_group(const ev_sent *s, uint32_t i)
{
    for (int gi = 0; gi < s->ng; gi++) if (s->g[gi].t0 <= i && s->g[gi].t1 > i) return 1;
    return 0;
}

/* non-state armed groups (IMG) act for the state of the document */
static void armed_groups(ev_sent *s)
{
    if (!s->state) return;
    for (int gi = 0; gi < s->ng; gi++) {
        ev_group *g = &s->g[gi];
        for (int q = 0; q < g->nmen; q++) {
            const lb_mention *m = ev_men(s, g->men[q]);
            if (!m->actor.code || strcmp(m->actor.code, "IMG") || s->nxm >= EV_MAX_SENT_TOKS) continue;
            uint32_t t0 = m->tok0 - s->tok0, t1 = t0 + (m->ntok ? m->ntok : 1);
            if (t1 > s->n) t1 = s->n;
            g->men[q] = ev_make_mention(s, t0, t1, s->state, "REB");
        }
    }
}

#define EV_PRONOUN_SENTS 2     /* sentences back in which a pronoun's antecedent is sought */

/* the antecedent of a third person pronoun at token i: the nearest actor
 * mention before it (er: a person), in this sentence or the two before */
static const lb_mention *antecedent(const ev_sent *s, uint32_t i, int person)
{
    const lb_doc *doc = s->doc;
    uint32_t at = LB_TOKS(doc)[s->tok0 + i].start;
    uint32_t lo = LB_SENTS(doc)[s->si >= EV_PRONOUN_SENTS ? s->si - EV_PRONOUN_SENTS : 0].start;
    size_t hi = s->mcursor;
    while (hi < doc->mentions.len && LB_MENTIONS(doc)[hi].start < at) hi++;
    for (size_t k = hi; k-- > 0;) {
        const lb_mention *m = &LB_MENTIONS(doc)[k];
        if (m->end <= lo) break;
        if (!m->actor.code || !*m->actor.code || m->form != LB_FORM_NAME) continue;
        if (person && m->type != LB_MEN_PER) continue;
        if (!person && m->type == LB_MEN_LOC && k + 1 < hi) continue;   /* a place named in passing */
        return m;
    }
    return NULL;
}

/* German "er" (SUBJPRON: always a subject) and a clause-initial "sie" (PLURPRON): a group of the
 * actor they refer back to, when it was named in an earlier sentence */
static void pronoun_groups(ev_sent *s)
{
    if (s->lang != EV_DE) return;
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    for (uint32_t i = 0; i < s->n && s->nxm < EV_MAX_SENT_TOKS && s->ng < EV_MAX_SENT_TOKS; i++) {
        if (!(s->t[i].cue & EV_C_PRON3) || inside_group(s, i)) continue;
        int er = (s->t[i].cue2 & EV_C2_SUBJPRON) != 0;
        int sie = (s->t[i].cue2 & EV_C2_PLURPRON)
                  && (i == 0 || (T[i - 1].flags & LB_TOK_PUNCT) || (s->t[i - 1].cue & EV_C_COORD));
        if (!er && !sie) continue;
        /* an antecedent in this sentence before it: the clause machinery inherits it */
        int earlier = 0;
        for (int gi = 0; gi < s->ng; gi++) if (s->g[gi].t1 <= i && !s->g[gi].place) earlier = 1;
        if (earlier) continue;
        const lb_mention *m = antecedent(s, i, er);
        if (!m) continue;
        uint32_t k = ev_add_group(s, i, i + 1, m->actor.code, m->actor.sector);
        s->xm[k - s->doc->mentions.len].actor = m->actor;
    }
}

/* the state of the first place in the stretch of the sentence around token i
 * with no punctuation between (Die Polizei nahm in Istanbul ... fest): where
 * the action happens; NULL when it names none */
static const char *local_place_state(const ev_sent *s, uint32_t i)
{
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    for (int gi = 0; gi < s->ng; gi++) {
        const ev_group *g = &s->g[gi];
        uint32_t a = g->t0 < i ? g->t0 : i, b = g->t0 < i ? i : g->t0;
        int punct = 0;
        for (uint32_t j = a; j < b && !punct; j++) punct = (T[j].flags & LB_TOK_PUNCT) != 0;
        if (punct) continue;
        const lb_mention *m = ev_men(s, g->men[0]);
        if (m->type != LB_MEN_LOC || m->form != LB_FORM_NAME || g->t0 == 0) continue;
        uint32_t j = g->t0 - 1;
        if ((s->t[j].cue & EV_C_DET) && j > 0) j--;
        if (!(s->t[j].cue & EV_C_PLACE)) continue;
        const char *c = ev_place_state(s->rules, s->doc, m);
        if (c) return c;
    }
    return NULL;
}

/* sectors that act where they are (police, courts, protesters, opposition,
 * armed groups: GUIDELINES §2); armies and governments keep the document's state */
static int acts_locally(const char *sector)
{
    static const char *const LOCAL[] = { "COP", "JUD", "CVL", "OPP", "REB", NULL };
    for (int k = 0; LOCAL[k]; k++) if (!strcmp(sector, LOCAL[k])) return 1;
    return 0;
}

/* token i is a word that could be an abbreviation: capitalised, short,
 * with a second capital (IIP, PYD, YPG; not Die, not Wien) */
static int abbrev_shape(const ev_sent *s, uint32_t i)
{
    const lb_tok *tk = &LB_TOKS(s->doc)[s->tok0 + i];
    if (!(tk->flags & LB_TOK_WORD) || !(tk->flags & LB_TOK_UPPER) || tk->end - tk->start < 2 || tk->end - tk->start > 8) return 0;
    const char *raw = s->doc->text + tk->start;
    for (uint32_t k = 1; k < tk->end - tk->start; k++) if (raw[k] >= 'A' && raw[k] <= 'Z') return 1;
    return 0;
}

void ev_note_abbrevs(ev_sent *s)
{
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    for (int gi = 0; gi < s->ng && s->nabbr < EV_MAX_ABBREVS; gi++) {
        const ev_group *g = &s->g[gi];
        uint32_t j = g->t1;
        if (g->nmen != 1 || j + 2 >= s->n || !(T[j].flags & LB_TOK_BRACKET_OPEN) || !(T[j + 2].flags & LB_TOK_BRACKET_CLOSE)) continue;
        if (s->t[j + 1].group >= 0 || !abbrev_shape(s, j + 1)) continue;
        const lb_mention *m = ev_men(s, g->men[0]);
        if (!m->actor.code) continue;
        struct ev_abbrev *A = &s->abbr[s->nabbr++];
        A->w = s->doc->text + T[j + 1].start; A->n = T[j + 1].end - T[j + 1].start;
        A->code = m->actor.code; A->sector = m->actor.sector;
    }
}

/* tokens that repeat an abbreviation the document defined (die IIP hat ...
 * blockiert): the group it was defined for, by code and sector */
static void abbrev_groups(ev_sent *s)
{
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    for (uint32_t i = 0; i < s->n && s->nabbr && s->ng < EV_MAX_SENT_TOKS && s->nxm < EV_MAX_SENT_TOKS; i++) {
        if (!abbrev_shape(s, i) || inside_group(s, i) || (i > 0 && (T[i - 1].flags & LB_TOK_BRACKET_OPEN))) continue;
        for (int k = 0; k < s->nabbr; k++) {
            const struct ev_abbrev *A = &s->abbr[k];
            if (A->n != T[i].end - T[i].start || memcmp(A->w, s->doc->text + T[i].start, A->n)) continue;
            ev_add_group(s, i, i + 1, A->code, A->sector);
            break;
        }
    }
}

void ev_noun_groups(ev_sent *s)
{
    s->nxm = 0;
    /* pronouns and descriptions: the discourse layer's entities, else (without
     * the layer) the nearest actor named before a pronoun */
    ev_discourse_groups(s);
    ev_resumed_plural_groups(s);
    armed_groups(s);
    abbrev_groups(s);
    if (!s->doc->tok_ref) pronoun_groups(s);
    for (uint32_t i = 0; i < s->n && s->ng < EV_MAX_SENT_TOKS && s->nxm < EV_MAX_SENT_TOKS; i++) {
        if (s->t[i].gsec < 0 || s->t[i].form >= 0 || inside_group(s, i)) continue;
        /* a title before a name (Präsident Putin, die Präsidenten Russlands): the name is the actor;
         * "beide Staatschefs" names the two sides (see add_both_groups) */
        if (i + 1 < s->n && starts_group(s, i + 1)) {
            /* (a genitive state after the noun: das Militär des Landes, die
             * Regierung Nordkoreas - the genitive's state, the noun's sector) */
            int gg = genitive_state_after(s, i);
            if (gg >= 0) {
                ev_group *g = &s->g[gg];
                const char *sector = s->rules->sectors[s->t[i].gsec];
                for (int q = 0; q < g->nmen && s->nxm < EV_MAX_SENT_TOKS; q++)
                    g->men[q] = ev_make_mention(s, i, g->t1, ev_men(s, g->men[q])->actor.code, sector);
                g->t0 = i;
            }
            continue;
        }
        if ((i >= 1 && (s->t[i - 1].cue & EV_C_BOTH)) || (i >= 2 && (s->t[i - 2].cue & EV_C_BOTH))) continue;
        const char *sector = s->rules->sectors[s->t[i].gsec];
        /* English: a name before it names the group (Hezbollah guerrillas) */
        if (s->lang == EV_EN && i > 0 && inside_group(s, i - 1) && !all_form(s, &s->g[group_at(s, i - 1)], LB_FORM_DERIV, -1)) continue;
        int adj = adjective_before(s, i);
        if (adj >= 0) {
            /* die türkische Armee: the adjective's state, the noun's sector; each
             * state of coordinated adjectives (russische und ukrainische Soldaten,
             * russische Soldaten und ukrainische Truppen) keeps its own mention */
            ev_group *g = &s->g[adj];
            for (int q = 0; q < g->nmen && s->nxm < EV_MAX_SENT_TOKS; q++)
                g->men[q] = ev_make_mention(s, g->t0, i + 1, ev_men(s, g->men[q])->actor.code, sector);
            g->t1 = i + 1;
            continue;
        }
        int seat = seat_after(s, i);
        if (seat >= 0) {
            /* die Regierung in Damaskus: the seat's state; the place is part of the group */
            ev_group g;
            memset(&g, 0, sizeof g);
            g.t0 = i; g.t1 = s->g[seat].t1; g.prep = -1;
            g.men[g.nmen++] = ev_make_mention(s, i, g.t1, ev_men(s, s->g[seat].men[0])->actor.code, sector);
            s->g[seat] = g;
            continue;
        }
        /* else the state of the place of the action for police, courts and
         * protesters, else the document's state (German; English group nouns
         * are as often instruments: contribute troops, joint military exercises) */
        if (s->lang != EV_DE) continue;
        const char *where = acts_locally(sector) ? local_place_state(s, i) : NULL;
        if (!where) where = s->state;
        if (!where) continue;
        ev_add_group(s, i, i + 1, where, sector);
    }
}
