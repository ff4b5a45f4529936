/* sent.c: analyses one sentence for the events stage without a parser:
 * cue classes per token, trigger matches (stems, separable particles,
 * multiword forms, heads of German compounds), actor groups (mentions with
 * an actor code, joined by coordination) with their prepositions, and clause
 * segmentation. Assigns no roles and emits nothing (that is code.c). */
#include "events/sent.h"
#include "events/wmemo.h"
#include "text/text.h"
#include <libstemmer.h>
#include <string.h>

static int8_t group_noun_form(const ev_rules *r, int lang, const char *w, size_t n, const ev_wmask *k);

static uint32_t cue_of(const ev_sent *s, uint32_t i, const ev_wmemo *wm)
{
    const lb_tok *tk = &LB_TOKS(s->doc)[s->tok0 + i];
    uint32_t v = wm->cue;
    size_t sn = wm->sn;
    /* English function words are lower case inside a sentence ("May" is a month) */
    if (s->lang == EV_EN && i > 0 && (tk->flags & LB_TOK_UPPER) && tk->norm_len > 1) v &= EV_C_PRON1 | EV_C_PREP | EV_C_PLACE | EV_C_AGENT | EV_C_BETWEEN | EV_C_PAIRHEAD;
    /* stem cues are verbs: not for German capitalised words (Beginn is no beginnen) */
    int noun = s->lang == EV_DE && (tk->flags & LB_TOK_UPPER) && i > 0;
    if (sn && !noun) v |= wm->cue_stem;
    if ((v & EV_C_PAIRHEAD) && i + 1 < s->n) {
        const lb_tok *nx = tk + 1;
        char pair[2 * LB_MAX_TOKEN_BYTES + 2];
        if (tk->norm_len + nx->norm_len + 1 < sizeof pair) {
            memcpy(pair, lb_tok_norm(s->doc, tk), tk->norm_len);
            pair[tk->norm_len] = ' ';
            memcpy(pair + tk->norm_len + 1, lb_tok_norm(s->doc, nx), nx->norm_len);
            uint32_t pv;
            if (lb_wordset_get(&s->rules->cues[s->lang], pair, tk->norm_len + 1 + nx->norm_len, &pv)) {
                if (pv & EV_C_NOTNEG) v &= ~(uint32_t)EV_C_NEG;
                v |= pv & ~(uint32_t)EV_C_NOTNEG;
            }
        }
    }
    return v & ~(uint32_t)EV_C_PAIRHEAD;
}

static int tok_is(const ev_sent *s, uint32_t i, const char *w, size_t n)
{
    const lb_tok *tk = &LB_TOKS(s->doc)[s->tok0 + i];
    return tk->norm_len == n && !memcmp(lb_tok_norm(s->doc, tk), w, n);
}

/* a following word matches a required word: equal, or with a short inflection */
static int tok_like(const ev_sent *s, uint32_t i, const char *w, size_t n)
{
    const lb_tok *tk = &LB_TOKS(s->doc)[s->tok0 + i];
    return tk->norm_len >= n && tk->norm_len <= n + 2 && !memcmp(lb_tok_norm(s->doc, tk), w, n);
}

static int is_stop_punct(const lb_tok *tk)
{
    return (tk->flags & (LB_TOK_PUNCT | LB_TOK_QUOTE)) && !(tk->flags & LB_TOK_WORD);
}

int ev_req_ok(const ev_sent *s, uint32_t i, const ev_form *f)
{
    if (f->req_kind == EV_REQ_PARTICLE) {
        size_t n = f->req_len;
        for (uint32_t j = i + 1; j < s->n; j++) {
            const lb_tok *tk = &LB_TOKS(s->doc)[s->tok0 + j];
            if (is_stop_punct(tk) && !(tk->flags & LB_TOK_QUOTE)) {
                /* a comma ends the clause of a separable verb */
                return 0;
            }
            if (tok_is(s, j, f->req, n)) {
                /* a separated particle closes its clause: "sagte Hilfe zu." not "zu einer" */
                if (j + 1 >= s->n) return 1;
                const lb_tok *nx = &LB_TOKS(s->doc)[s->tok0 + j + 1];
                uint32_t nc = 0;     /* cues after the trigger are not computed yet: look up */
                lb_wordset_get(&s->rules->cues[s->lang], lb_tok_norm(s->doc, nx), nx->norm_len, &nc);
                if ((nx->flags & (LB_TOK_PUNCT | LB_TOK_QUOTE | LB_TOK_DASH)) || (nc & EV_C_COORD)) return 1;
                /* German: a capitalised article or pronoun starts a new sentence (a
                 * headline with no full stop: Wałęsa weist Vorwürfe zurück Es sei ...) */
                if (s->lang == EV_DE && (nx->flags & LB_TOK_UPPER) && (nc & (EV_C_DET | EV_C_PRON3 | EV_C_PRON1))) return 1;
            }
        }
        return 0;
    }
    if (f->req_kind == EV_REQ_NEXT) {
        const char *w = f->req;
        uint32_t pos = i;
        while (*w) {
            const char *e = strchr(w, ' ');
            size_t n = e ? (size_t)(e - w) : strlen(w);
            uint32_t j, found = 0;
            for (j = pos + 1; j < s->n && j <= pos + 3; j++) {
                if (is_stop_punct(&LB_TOKS(s->doc)[s->tok0 + j])) break;
                if (tok_like(s, j, w, n)) { found = 1; break; }
            }
            if (!found) return 0;
            pos = j;
            w += n + (e ? 1 : 0);
        }
        return 1;
    }
    return 1;
}

/* the words of a multiword trigger (call on) are no prepositions of a group */
static void claim_req_words(ev_sent *s, uint32_t i, const ev_form *f)
{
    if (f->req_kind != EV_REQ_NEXT) return;
    const char *w = f->req;
    uint32_t pos = i;
    while (*w) {
        const char *e = strchr(w, ' ');
        size_t n = e ? (size_t)(e - w) : strlen(w);
        uint32_t j;
        for (j = pos + 1; j < s->n && j <= pos + 2; j++)
            if (tok_like(s, j, w, n)) break;
        if (j >= s->n || j > pos + 2) return;
        /* (German: the last word stays a preposition when the pattern takes its
         * counterpart after it: stellte sich hinter X, unterhielt sich mit X) */
        uint32_t id;
        if (!e && s->lang == EV_DE && lb_wordset_get(&s->rules->preps[s->lang], w, n, &id)
            && (s->rules->patterns[f->pattern].rec_preps >> id & 1)) return;
        s->t[j].cue |= EV_C_CLAIMED;     /* its cues are computed when the pass reaches it */
        pos = j;
        w += n + (e ? 1 : 0);
    }
}

enum { EV_BLOCKED = -2 };   /* pick_form: a block pattern stopped the chain */

/* first form of a chain whose requirement holds: required forms first;
 * -1 none, EV_BLOCKED when a block pattern stopped it */
static int32_t pick_form(const ev_sent *s, uint32_t i, uint32_t first)
{
    const ev_rules *r = s->rules;
    /* German capitalised words inside a sentence are nouns: prefer noun patterns
     * (Besuch/besuchen share a stem); elsewhere prefer verbs */
    const lb_tok *tk = &LB_TOKS(s->doc)[s->tok0 + i];
    int want_noun = s->lang == EV_DE && i > 0 && (tk->flags & LB_TOK_UPPER);
    /* the first word of a sentence: the morphology layer's part of speech (Festnahmen in Kiew) */
    if (s->lang == EV_DE && i == 0 && s->doc->morph.len == s->doc->toks.len && s->tok0 < s->doc->morph.len)
        want_noun = LB_MORPH(s->doc)[s->tok0].upos == LB_UPOS_NOUN;
    /* English: a capitalised word inside a sentence is a name or part of one
     * (last March, the Warsaw Pact, the Agency for Development and Cooperation) */
    if (s->lang == EV_EN && i > 0 && (tk->flags & LB_TOK_UPPER)) {
        const lb_tok *pv = &LB_TOKS(s->doc)[s->tok0 + i - 1];
        if (pv->flags & LB_TOK_WORD) return -1;
    }
    int32_t fallback = -1;
    /* (pass 0: the forms that require words, none when the chain's first has
     * no such form from it on; pass 1: the others) */
    for (int pass = r->forms[first].req_later ? 0 : 1; pass < 2; pass++)
        for (uint32_t k = first; k != UINT32_MAX; k = r->forms[k].next) {
            const ev_form *f = &r->forms[k];
            if (pass == 0 && !f->req_later) break;
            if ((pass == 0) != (f->req_kind != EV_REQ_NONE)) continue;
            if (pass == 0 && !ev_req_ok(s, i, f)) continue;
            if (f->block) return fallback >= 0 ? fallback : EV_BLOCKED;
            int noun = f->kind != EV_VERB;
            /* English: after a determiner or a preposition a word is no verb (of fighting) */
            if (!noun && s->lang == EV_EN && i > 0 && (s->t[i - 1].cue & (EV_C_DET | EV_C_PREP))
                && !(s->t[i - 1].cue & EV_C_ZU)) continue;
            if (noun == want_noun || s->lang != EV_DE) return (int32_t)k;
            /* a German noun never takes a verb pattern (Kampf, Angreifer, Zerstörungen) */
            if (fallback < 0 && !(want_noun && !noun)) fallback = (int32_t)k;
        }
    return fallback;
}

static size_t sent_stem(ev_sent *s, const char *w, size_t n, char *out, size_t cap);
static int memo_get(const ev_sent *s, uint64_t h, int kind, const char *w, size_t n, ev_wmemo *wm);
static void memo_put(ev_sent *s, uint64_t h, int kind, const char *w, size_t n, const ev_wmemo *wm);

/* the lookups of lemma w[0..n), memoised: the first form of its stem's keys
 * (stem_first, UINT32_MAX none), its stem's hash (stem_hash, 0 none) and cue
 * classes (cue_stem) */
static void lemma_memo(ev_sent *s, const char *w, size_t n, ev_wmemo *wm)
{
    uint64_t h = ev_memo_hash(EV_MEMO_LEMMA, w, n);
    if (memo_get(s, h, EV_MEMO_LEMMA, w, n, wm)) return;
    memset(wm, 0, sizeof *wm);
    wm->stem_first = UINT32_MAX;
    char f[LB_MAX_TOKEN_BYTES * 2], st[LB_MAX_TOKEN_BYTES * 2 + 8];
    size_t fn = lb_fold(f, sizeof f - 1, w, n);
    /* a German lemma that can have no listed stem (stemfilter.h) finds no key
     * and equals no listed stem (keys of exact forms start with '=') */
    size_t sn = 0;
    if (fn && !(s->lang == EV_DE && f[0] != '=' && !ev_stemfilter_may(&s->rules->stemf[s->lang], f, fn)))
        sn = sent_stem(s, f, fn, st, sizeof st);
    uint32_t x;
    if (sn && lb_wordset_get(&s->rules->keys[s->lang], st, sn, &x)) wm->stem_first = x;
    if (sn && lb_wordset_get(&s->rules->cue_stems[s->lang], st, sn, &x)) wm->cue_stem = x;
    wm->stem_hash = sn ? ev_stem_hash(st, sn) : 0;
    memo_put(s, h, EV_MEMO_LEMMA, w, n, wm);
}

/* the morphology layer's verb lemma of token i (NULL none) */
static const lb_morph *verb_morph(const ev_sent *s, uint32_t i)
{
    const lb_doc *doc = s->doc;
    uint32_t abs = s->tok0 + i;
    if (doc->morph.len != doc->toks.len || abs >= doc->morph.len) return NULL;
    const lb_morph *m = &LB_MORPH(doc)[abs];
    if (m->upos != LB_UPOS_VERB && m->upos != LB_UPOS_AUX) return NULL;     /* (most tokens: first) */
    if (!m->lemma || !m->lemma_len || m->lemma_len >= LB_MAX_TOKEN_BYTES) return NULL;
    if (m->flags & LB_MF_SEP_PART) return NULL;
    return m;
}

/* a verb form no pattern lists (erschoss, verhaftete): its lemma from the
 * morphology layer, stemmed like the patterns' infinitives (memo: stem_first) */
static int32_t lemma_trigger(ev_sent *s, uint32_t i)
{
    const lb_morph *m = verb_morph(s, i);
    if (!m) return -1;
    ev_wmemo wm;
    lemma_memo(s, m->lemma, m->lemma_len, &wm);
    if (wm.stem_first == UINT32_MAX) return -1;
    s->t[i].chain = wm.stem_first;
    return pick_form(s, i, wm.stem_first);
}

/* the stem hash and SUPPORT cue of verb token i's lemma (lstem; the verb's
 * readings that its form's own stem misses: beginnt, startet, fliegt,
 * unternimmt are forms of beginnen, starten, fliegen, unternehmen) */
static void lemma_support(ev_sent *s, uint32_t i)
{
    const lb_morph *m = verb_morph(s, i);
    if (!m) return;
    ev_wmemo wm;
    lemma_memo(s, m->lemma, m->lemma_len, &wm);
    if (wm.stem_hash == s->t[i].stem) return;
    s->t[i].lstem = wm.stem_hash;
    /* (after a determiner a word is a noun, not a support verb) */
    if (!(i > 0 && (s->t[i - 1].cue & EV_C_DET))) s->t[i].cue |= wm.cue_stem & EV_C_SUPPORT;
}

static size_t unmade_stem_len(ev_sent *s, uint32_t i);

/* a German agent noun of a trigger's stem (Kritiker, Vermittler, Unterstützerin:
 * the stem + er, ern, ers, erin, erinnen) names persons, no event, unless the listed
 * noun has that shape itself (Massaker); sn is the stem's length (EV_SN_UNMADE:
 * made here when the word has such an ending) */
static int agent_noun(ev_sent *s, uint32_t i, size_t sn, int32_t form)
{
    const lb_tok *tk = &LB_TOKS(s->doc)[s->tok0 + i];
    if (form < 0 || s->lang != EV_DE || !(tk->flags & LB_TOK_UPPER) || s->rules->forms[form].er_noun) return 0;
    const char *w = lb_tok_norm(s->doc, tk);
    size_t n = tk->norm_len;
    static const char *const END[] = { "er", "ern", "ers", "erin", "erinnen", NULL };
    for (int k = 0; END[k]; k++) {
        size_t e = strlen(END[k]);
        if (n < e || memcmp(w + n - e, END[k], e)) continue;
        if (sn == EV_SN_UNMADE) sn = unmade_stem_len(s, i);
        /* (the stem has umlauts folded: compare lengths and the ending only) */
        if (n >= sn + e && n <= sn + e + 1) return 1;
    }
    return 0;
}

/* a German adjective in -lich (eindringlich, förderlich, ausführlich) whose
 * stem is a listed verb's (eindringen, fordern, ausführen): Snowball strips
 * the suffix -lich, so the stems collide; the adjective names no act, unless
 * the listed form is such an adjective itself (verantwortlich) */
static int32_t lich_adjective(const ev_sent *s, uint32_t i, int32_t form)
{
    if (form < 0 || s->lang != EV_DE || s->rules->forms[form].lich_adj) return form;
    const lb_tok *tk = &LB_TOKS(s->doc)[s->tok0 + i];
    const char *w = lb_tok_norm(s->doc, tk);
    size_t n = tk->norm_len;
    static const char *const END[] = { "lich", "liche", "lichen", "licher", "liches", "lichem", NULL };
    int lich = 0;
    for (int k = 0; END[k] && !lich; k++) {
        size_t e = strlen(END[k]);
        lich = n > e + 2 && !memcmp(w + n - e, END[k], e);
    }
    if (!lich) return form;
    /* (a listed -lich form of the same stem: bedauerlich beside bedauern) */
    for (uint32_t k = s->t[i].chain; k != UINT32_MAX; k = s->rules->forms[k].next)
        if (s->rules->forms[k].lich_adj && s->rules->forms[k].req_kind == EV_REQ_NONE && !s->rules->forms[k].block) return (int32_t)k;
    return -1;
}

/* the keys a word form and its stem find (exact form, stem, compound head) */
static void memo_keys(const ev_rules *r, int lang, const char *w, size_t n, const char *stem, size_t sn, ev_wmemo *wm,
                      const ev_wmask *k)
{
    uint32_t first;
    char exact[LB_MAX_TOKEN_BYTES + 2];
    wm->exact_first = wm->stem_first = wm->tail_first = UINT32_MAX;
    if (r->nexact[lang] && n < sizeof exact - 1 && ev_lenmask_may(k ? &k->set[EV_WM_EXACT] : NULL, w, n)) {
        exact[0] = '=';
        memcpy(exact + 1, w, n);
        if (lb_wordset_get(&r->keys[lang], exact, n + 1, &first)) wm->exact_first = first;
    }
    if (sn && lb_wordset_get(&r->keys[lang], stem, sn, &first)) wm->stem_first = first;
    /* head of a German compound noun: Waffenlieferung, Nato-Gipfel */
    if (lang == EV_DE && r->last_tail_len && sn >= 3 && lb_wordset_get(&r->tail_ends[lang], stem + sn - 3, 3, NULL)) {
        for (size_t off = 3; off + r->last_tail_len <= sn; off++) {
            if (((unsigned char)stem[off] & 0xC0) == 0x80) continue;
            if (stem[off] == '-') continue;
            if (sn - off >= 3 && !ev_start3_may(r->tail_starts[lang], stem + off)) continue;   /* no listed head starts so */
            if (lb_wordset_get(&r->tails[lang], stem + off, sn - off, &first)) { wm->tail_first = first; break; }
        }
    }
}

/* the morphology layer joined token i, a finite verb, with a particle later
 * in its clause (only a finite verb leaves its particle behind: nimmt ... fest;
 * not "geben zu dürfen", whose zu marks the infinitive) */
static int separated_verb(const ev_sent *s, uint32_t i)
{
    const lb_doc *doc = s->doc;
    uint32_t abs = s->tok0 + i;
    if (doc->morph.len != doc->toks.len || abs >= doc->morph.len) return 0;
    const lb_morph *m = &LB_MORPH(doc)[abs];
    return (m->flags & LB_MF_SEP_VERB) && lb_morph_is_finite(m);
}

static int32_t match_trigger(ev_sent *s, uint32_t i, const ev_wmemo *wm)
{
    const lb_tok *tk = &LB_TOKS(s->doc)[s->tok0 + i];
    uint32_t first = wm->exact_first;
    if (first == UINT32_MAX) first = wm->stem_first;
    /* (a compound's head: German capitalised or hyphenated words only) */
    if (first == UINT32_MAX && s->lang == EV_DE && (tk->flags & (LB_TOK_UPPER | LB_TOK_HYPHEN))) first = wm->tail_first;
    int32_t k = -1;
    if (first != UINT32_MAX) {
        s->t[i].chain = first;
        k = pick_form(s, i, first);
        /* a separated verb (nimmt ... fest, bricht ... ab) that its form's
         * particle readings miss: its lemma names the verb (festnehmen,
         * abbrechen), not the form's plain readings (brechen) */
        if (k != EV_BLOCKED && separated_verb(s, i) && (k < 0 || s->rules->forms[k].req_kind == EV_REQ_NONE)) {
            int32_t lk = lemma_trigger(s, i);
            if (lk >= 0) return lk;
            s->t[i].chain = first;
        }
        return k < 0 ? -1 : k;
    }
    k = lemma_trigger(s, i);
    return k < 0 ? -1 : k;
}

/* a group noun's sector id for the folded word w[0..n) or an inflected form
 * of it (Polizisten, Soldaten, Kräfte: the listed form plus n, en, e, s, es), -1 */
static int group_form(const lb_wordset *set, const char *w, size_t n)
{
    static const char *const END[] = { "", "n", "en", "e", "s", "es", NULL };
    uint32_t v;
    for (int k = 0; END[k]; k++) {
        size_t e = strlen(END[k]);
        if (n <= e + 2 || memcmp(w + n - e, END[k], e)) continue;
        if (lb_wordset_get(set, w, n - e, &v)) return (int)v;
    }
    return -1;
}

/* the sector id of a group noun (Polizei, Regierungstruppen, troops) for the
 * folded form w[0..n), also as the head of a compound, -1 none (German: the
 * caller checks that the word is capitalised) */
static int8_t group_noun_form(const ev_rules *r, int lang, const char *w, size_t n, const ev_wmask *k)
{
    /* (group_form looks up w minus at most two bytes) */
    int v = !k || (n >= 3 && ev_lenmask_any(&k->set[EV_WM_GROUPS], w, n - 2, n))
            ? group_form(&r->groups[lang], w, n) : -1;
    if (v >= 0 || lang != EV_DE || n < 7 || !ev_start3_may(r->group_tail_end3[lang], w + n - 3)
        || !lb_wordset_get(&r->group_tail_ends[lang], w + n - 3, 3, NULL))
        return (int8_t)v;
    for (size_t off = 3; off + 4 <= n; off++) {
        if (((unsigned char)w[off] & 0xC0) == 0x80) continue;
        size_t o = w[off] == '-' ? off + 1 : off;
        if (!ev_start3_may(r->group_tail_starts[lang], w + o)) continue;   /* (n - o >= 3) no listed head starts so */
        if ((v = group_form(&r->group_tails[lang], w + o, n - o)) >= 0) return (int8_t)v;
    }
    return -1;
}

static uint32_t men_tok0(const ev_sent *s, const lb_mention *m, uint32_t *t1)
{
    /* tokens overlapping the mention's bytes (robust to tok0/ntok left unset) */
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    uint32_t a = UINT32_MAX, b = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        if (T[i].end <= m->start) continue;
        if (T[i].start >= m->end) break;
        if (a == UINT32_MAX) a = i;
        b = i + 1;
    }
    *t1 = b;
    return a;
}

static int mention_usable(const lb_mention *m) { return m->actor.code && *m->actor.code; }

static int same_code_in(const ev_sent *s, const ev_group *g, const lb_mention *m)
{
    for (int k = 0; k < g->nmen; k++)
        if (!strcmp(ev_men(s, g->men[k])->actor.code, m->actor.code)) return 1;
    return 0;
}

/* the mention at token t0 opens a dependent clause of its own that begins
 * after the earlier group's end t_last (Russland, das die Ukraine angriff;
 * France, which Poland supports): no list, the two are no one group. Uses
 * the clause layer where it ran (relative and dass/that clauses). */
static int starts_dependent_clause(const ev_sent *s, uint32_t t_last, uint32_t t0)
{
    const lb_clause *c = ev_clause_at(s, t0);
    if (!c || (c->kind != LB_CL_REL && c->kind != LB_CL_SUB)) return 0;
    return c->intro >= (int32_t)(s->tok0 + t_last) && c->intro < (int32_t)(s->tok0 + t0);
}

/* "die beiden Staatsoberhäupter", "both sides": a group of the two actors
 * named last (in this sentence or the two before), when they are two */
static void add_both_groups(ev_sent *s)
{
    const lb_doc *doc = s->doc;
    const lb_tok *T = LB_TOKS(doc) + s->tok0;
    for (uint32_t i = 0; i < s->n && s->ng < EV_MAX_SENT_TOKS; i++) {
        if (!(s->t[i].cue & EV_C_BOTH)) continue;
        int inside = 0;
        for (int gi = 0; gi < s->ng; gi++) if (s->g[gi].t0 <= i && s->g[gi].t1 > i) inside = 1;
        if (inside) continue;
        uint32_t lo_sent = s->si >= 2 ? s->si - 2 : 0;
        uint32_t lo = LB_SENTS(doc)[lo_sent].start;
        uint32_t men[2]; int nm = 0;
        /* (mentions starting at or after the token end after it: skipped anyway) */
        size_t upper = ev_mention_upper(doc, s->ix, T[i].start);
        /* preferably the two sides of the last two-sided event (the protagonists) */
        for (size_t ei = doc->events.len; ei-- > 0 && nm < 2;) {
            const lb_event *e = &LB_EVENTS(doc)[ei];
            if (e->sent + 6 < s->si) break;
            if (!e->nactor || !e->nrecipient || !strcmp(e->actor[0].code, e->recipient[0].code)) continue;
            const char *want[2] = { e->actor[0].code, e->recipient[0].code };
            uint32_t far = LB_SENTS(doc)[s->si >= 8 ? s->si - 8 : 0].start;
            for (int w = 0; w < 2; w++)
                for (size_t mi = upper; mi-- > 0;) {
                    const lb_mention *m = &LB_MENTIONS(doc)[mi];
                    if (m->end > T[i].start) continue;
                    if (m->start < far) break;
                    if (mention_usable(m) && !strcmp(m->actor.code, want[w])) { men[nm++] = (uint32_t)mi; break; }
                }
            if (nm < 2) nm = 0;
            else { uint32_t x = men[0]; men[0] = men[1]; men[1] = x; }
            break;
        }
        for (size_t mi = upper; mi-- > 0 && nm < 2;) {
            const lb_mention *m = &LB_MENTIONS(doc)[mi];
            if (m->end > T[i].start) continue;
            if (m->start < lo) break;
            if (!mention_usable(m)) continue;
            if (nm == 1 && !strcmp(LB_MENTIONS(doc)[men[0]].actor.code, m->actor.code)) continue;
            men[nm++] = (uint32_t)mi;
        }
        if (nm < 2) continue;
        ev_group g;
        memset(&g, 0, sizeof g);
        g.t0 = i; g.t1 = i + 1; g.prep = -1; g.both = 1;
        if (i + 1 < s->n && (T[i + 1].flags & LB_TOK_WORD) && s->t[i + 1].form < 0) g.t1 = i + 2;
        g.men[0] = men[1]; g.men[1] = men[0]; g.nmen = 2;
        ev_insert_group(s, &g);         /* (in text order) */
    }
}

/* the token lies inside a temporal expression that is no one-word length
 * describing a noun (mit dem zweitägigen Besuch: lb_timex.modifier) */
static int in_timex(const ev_sent *s, const lb_tok *tk)
{
    const lb_doc *doc = s->doc;
    const ev_docindex *ix = s->ix;
    for (uint32_t k = ix->xoff[tk->sent]; k < ix->xoff[tk->sent + 1]; k++) {
        const lb_timex *x = &LB_TIMEXES(doc)[ix->xidx[k]];
        if (x->start <= tk->start && x->end >= tk->end && !x->modifier) return 1;
    }
    return 0;
}

/* the preposition before each group, a possessive after it, place groups
 * (a place preposition and only place names; a dateline), German genitives */
static void group_context(ev_sent *s)
{
    const lb_doc *doc = s->doc;
    const lb_tok *T = LB_TOKS(doc) + s->tok0;
    for (int gi = 0; gi < s->ng; gi++) {
        ev_group *g = &s->g[gi];
        uint32_t lim = gi ? s->g[gi - 1].t1 : 0;
        for (uint32_t k = 1; k <= 4 && g->t0 >= k && g->t0 - k >= lim; k++) {
            uint32_t j = g->t0 - k;
            if (is_stop_punct(&T[j]) || s->t[j].form >= 0 || (T[j].flags & LB_TOK_NUM)) break;
            /* a German noun between (am Donnerstag die USA) has the preposition; a title (mit Präsident Xi) not */
            if (s->lang == EV_DE && k > 1 && (T[j].flags & LB_TOK_UPPER) && j > 0) break;
            /* a date between (besuchte am Dienstag Frankreich): its preposition is the date's */
            if (in_timex(s, &T[j])) break;
            uint32_t c = s->t[j].cue;
            /* English: only articles and capitalised words (titles) stand between (for ten years Russia ...) */
            if (s->lang == EV_EN && !(c & (EV_C_PREP | EV_C_DET)) && (T[j].flags & LB_TOK_WORD) && !(T[j].flags & LB_TOK_UPPER)) break;
            if (c & EV_C_PREP) {
                g->prep = s->t[j].prep;
                if (c & EV_C_PLACE) {
                    int all_loc = 1;
                    for (int q = 0; q < g->nmen; q++) {
                        const lb_mention *m = ev_men(s, g->men[q]);
                        if (!(m->type == LB_MEN_LOC && m->form == LB_FORM_NAME)) all_loc = 0;
                    }
                    g->place = (uint8_t)all_loc;
                }
                break;
            }
            if (c & (EV_C_SUB | EV_C_COORD)) break;
        }
        if (g->t1 < s->n && (s->t[g->t1].cue & EV_C_POSS)) g->poss = 1;
        /* a dateline ("Paris – ...", "Gaza/Jerusalem – ...", "Frankfurt/Brüssel/Luxemburg – ...") names places */
        int dl_chain = gi > 0 && s->g[gi - 1].place && g->t0 >= 2 && s->g[gi - 1].t1 == g->t0 - 1
                       && T[g->t0 - 1].norm_len == 1 && lb_tok_norm(doc, &T[g->t0 - 1])[0] == '/';
        if ((g->t0 <= 2 || dl_chain) && g->t1 < s->n) {
            uint32_t j = g->t1;
            while (j < s->n && j < g->t1 + 4 && !(T[j].flags & LB_TOK_DASH) && T[j].norm_len == 1 && lb_tok_norm(doc, &T[j])[0] == '/') j += 2;
            int all_loc = 1;
            for (int q = 0; q < g->nmen; q++)
                if (ev_men(s, g->men[q])->type != LB_MEN_LOC) all_loc = 0;
            if (j < s->n && (T[j].flags & LB_TOK_DASH) && all_loc) g->place = 1;
        }
        /* German genitive before a noun: Moskaus Behauptungen, Chinas Handel */
        /* (not right after a noun: mit Unterstützung Großbritanniens Luftangriffe
         * fliegen - the genitive belongs to the noun before it) */
        int after_noun = g->t0 > 1 && (T[g->t0 - 1].flags & LB_TOK_UPPER) && (T[g->t0 - 1].flags & LB_TOK_WORD)
                         && !(s->t[g->t0 - 1].cue & (EV_C_DET | EV_C_PREP));
        g->postgen = (uint8_t)(s->lang == EV_DE && after_noun);
        if (s->lang == EV_DE && !g->both && !after_noun && g->t1 < s->n && (T[g->t1].flags & LB_TOK_UPPER) && (T[g->t1].flags & LB_TOK_WORD)
            && s->t[g->t1].group < 0) {
            const lb_tok *last = &T[g->t1 - 1];
            if (last->norm_len > 2 && lb_tok_norm(doc, last)[last->norm_len - 1] == 's') g->poss = 1;
        }
        for (uint32_t j = g->t0; j < g->t1; j++) s->t[j].group = (int16_t)gi;
    }
}

/* word j may stand between an attribution word and its source: an article, an
 * adjective or a descriptor noun (laut der staatsnahen Nachrichtenagentur X) */
static int source_filler(const ev_sent *s, uint32_t j)
{
    const lb_doc *doc = s->doc;
    uint32_t abs = s->tok0 + j;
    if (s->t[j].cue & EV_C_DET) return 1;
    if (doc->morph.len != doc->toks.len || abs >= doc->morph.len) return 0;
    int u = LB_MORPH(doc)[abs].upos;
    return u == LB_UPOS_ADJ || u == LB_UPOS_NOUN || u == LB_UPOS_PROPN;
}

/* the phrase from token j on hangs on an attribution noun (Angaben, Berufung):
 * it starts with a preposition or a genitive (nach Angaben des Ministeriums,
 * Moskaus), not with another case (nach eigenen Angaben die Regierung ...) */
static int source_attached(const ev_sent *s, uint32_t j)
{
    const lb_doc *doc = s->doc;
    uint32_t abs = s->tok0 + j;
    if (s->t[j].cue & EV_C_PREP) return 1;
    if (doc->morph.len != doc->toks.len || abs >= doc->morph.len) return 0;
    uint32_t c = LB_FEAT_GET(LB_MORPH(doc)[abs].feats, CASE);
    return c == LB_CASE_GEN || c == 0;
}

/* 1 when group g is the credited source of a report (laut Reuters, nach Angaben
 * des Ministeriums, der Zeitung Haaretz zufolge, according to X): what it reports
 * is done by others (GUIDELINES §1, §3), so it is no participant of an event */
static int source_group(const ev_sent *s, const ev_group *g)
{
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    uint32_t after = g->t1;
    while (after < s->n && (T[after].flags & LB_TOK_QUOTE)) after++;    /* der "taz" zufolge */
    if (after < s->n && (s->t[after].cue2 & EV_C2_SOURCEAFTER)) return 1;
    int words = 0, prep = 0;
    for (uint32_t j = g->t0; j-- > 0;) {
        const ev_tok *k = &s->t[j];
        if (T[j].flags & LB_TOK_QUOTE) continue;                        /* laut "Politico" */
        if (k->cue2 & EV_C2_SOURCE) return !prep;
        if (k->cue2 & EV_C2_SOURCEPREP) return source_attached(s, j + 1);
        if (k->form >= 0) return 0;
        if (k->group >= 0) {
            /* a state adjective of the source (laut polnischem Ministerium) */
            const ev_group *a = &s->g[k->group];
            if (a->nmen && ev_men(s, a->men[0])->form == LB_FORM_DERIV && ++words <= 2) { j = a->t0; continue; }
            return 0;
        }
        if ((k->cue & EV_C_PREP) && !(k->cue & EV_C_DET)) { if (prep++) return 0; continue; }
        if (!source_filler(s, j) || ++words > 2) return 0;
    }
    return 0;
}

/* drops the groups that are sources of a report (source_group) */
static void drop_source_groups(ev_sent *s)
{
    int drop[EV_MAX_SENT_TOKS], any = 0;
    for (int gi = 0; gi < s->ng; gi++) any |= drop[gi] = source_group(s, &s->g[gi]);
    if (!any) return;
    int out = 0;
    for (int gi = 0; gi < s->ng; gi++) {
        ev_group *g = &s->g[gi];
        for (uint32_t j = g->t0; j < g->t1; j++) s->t[j].group = drop[gi] ? -1 : (int16_t)out;
        if (!drop[gi]) s->g[out++] = *g;
    }
    s->ng = out;
}

static void build_groups(ev_sent *s, lb_arena *a)
{
    const lb_doc *doc = s->doc;
    const lb_sent *S = &LB_SENTS(doc)[s->si];
    const lb_tok *T = LB_TOKS(doc) + s->tok0;
    s->ng = 0;
    /* mentions are in text order and sentences are visited in order: a cursor */
    while (s->mcursor < doc->mentions.len && LB_MENTIONS(doc)[s->mcursor].end <= S->start) s->mcursor++;
    for (size_t mi = s->mcursor; mi < doc->mentions.len; mi++) {
        const lb_mention *m = &LB_MENTIONS(doc)[mi];
        if (m->start >= S->end) break;
        if (m->end <= S->start || !mention_usable(m)) continue;
        uint32_t t1, t0 = men_tok0(s, m, &t1);
        if (t0 == UINT32_MAX) continue;
        ev_group *last = s->ng ? &s->g[s->ng - 1] : NULL;
        if (last && t0 < last->t1) {
            /* overlapping mention: part of the same group */
            if (last->nmen < EV_MAX_GROUP_MEN) last->men[last->nmen++] = (uint32_t)mi;
            if (t1 > last->t1) last->t1 = t1;
            continue;
        }
        if (last && last->nmen < EV_MAX_GROUP_MEN) {
            /* join: only coordinators/commas between, or a short same-entity phrase */
            int coord = 0, words = 0, other = 0;
            for (uint32_t j = last->t1; j < t0; j++) {
                if (s->t[j].cue & EV_C_COORD) coord = 1;
                else if (ev_is_comma(doc, &T[j])) coord = 1;
                else if (s->t[j].cue & EV_C_DET) continue;      /* und die USA */
                else if (j == last->t1 && s->t[j].gsec >= 0) continue;   /* die polnische Regierung und Frankreich */
                else if ((T[j].flags & LB_TOK_WORD) && !(s->t[j].cue & (EV_C_PREP | EV_C_PASSAUX)) && s->t[j].form < 0) words++;
                else other = 1;
            }
            if (coord && starts_dependent_clause(s, last->t1, t0)) other = 1;
            int gap = (int)(t0 - last->t1);
            int join = 0;
            /* a place before a person or organisation is no part of it (in Peking Xi Jinping) */
            const lb_mention *lm = ev_men(s, last->men[last->nmen - 1]);
            int place_then_actor = m->type != LB_MEN_LOC && lm->type == LB_MEN_LOC && lm->form == LB_FORM_NAME
                                   && last->t0 > 0 && (s->t[last->t0 - 1].cue & EV_C_PLACE);
            if (!other && coord && words == 0) join = 1;
            else if (!other && !coord && words <= 2 && same_code_in(s, last, m) && !place_then_actor) join = 1;
            else if (gap == 0 && same_code_in(s, last, m) && !place_then_actor) join = 1;
            /* two organisation names in a row: a descriptor in apposition (die Linkspartei Podemos) */
            else if (gap == 0 && m->type == LB_MEN_ORG && lm->type == LB_MEN_ORG) join = 1;
            if (join) {
                last->men[last->nmen++] = (uint32_t)mi;
                if (t1 > last->t1) last->t1 = t1;
                continue;
            }
        }
        ev_group *g = &s->g[s->ng++];
        memset(g, 0, sizeof *g);
        g->t0 = t0; g->t1 = t1; g->prep = -1;
        g->men[g->nmen++] = (uint32_t)mi;
        if (s->ng >= EV_MAX_SENT_TOKS) break;
    }
    ev_noun_groups(s);
    add_both_groups(s);
    group_context(s);
    drop_source_groups(s);
    ev_note_abbrevs(s);
    (void)a;
}

static int is_boundary_punct(const ev_sent *s, uint32_t i)
{
    const lb_tok *T = LB_TOKS(s->doc) + s->tok0;
    const lb_tok *tk = &T[i];
    /* quotation marks are no boundary: scare quotes („grenzenlose“ Partnerschaft) sit
     * inside clauses, and a quote's end is marked by the comma after it anyway */
    if (tk->flags & (LB_TOK_DASH | LB_TOK_BRACKET_OPEN | LB_TOK_BRACKET_CLOSE)) return 1;
    if (tk->flags & LB_TOK_QUOTE) return 0;
    if (!(tk->flags & LB_TOK_PUNCT) || tk->norm_len != 1) return 0;
    char c = lb_tok_norm(s->doc, tk)[0];
    if (c == ';' || c == ':') return 1;
    if (c != ',') return 0;
    /* a comma inside a list of actors is no clause boundary */
    if (i > 0 && i + 1 < s->n && s->t[i - 1].group >= 0) {
        uint32_t j = i + 1;
        if (j < s->n && (s->t[j].cue & EV_C_COORD)) j++;
        if (j < s->n && s->t[j].group >= 0) return 0;
    }
    return 1;
}

static int next_is_verb_trigger(const ev_sent *s, uint32_t i)
{
    for (uint32_t j = i + 1; j < s->n && j <= i + 2; j++) {
        if (s->t[j].form >= 0) {
            const ev_pattern *p = &s->rules->patterns[s->rules->forms[s->t[j].form].pattern];
            return p->kind == EV_VERB;
        }
        if (s->t[j].group >= 0) return 0;
        /* German: a noun between makes it noun coordination (mit Stangen und Schlägern attackiert) */
        if (s->lang == EV_DE && (LB_TOKS(s->doc)[s->tok0 + j].flags & LB_TOK_UPPER)) return 0;
    }
    return 0;
}

static void build_clauses(ev_sent *s)
{
    s->nc = 0;
    ev_clause *c = &s->c[s->nc++];
    memset(c, 0, sizeof *c);
    c->antecedent = -1;
    for (uint32_t i = 0; i < s->n; i++) {
        uint32_t cue = s->t[i].cue;
        int split_before = 0, kind = EV_CL_MAIN;
        if (i > c->t0) {
            if (cue & EV_C_SUB) { split_before = 1; kind = EV_CL_SUB; }
            if ((cue & EV_C_REL) && s->lang == EV_EN) {
                /* "that/which/who" right after an actor group is relative; else a that-clause */
                int after_group = (i >= 1 && s->t[i - 1].group >= 0) || (i >= 2 && s->t[i - 2].group >= 0);
                /* (X said that ...: a speech or governing verb takes a that-clause) */
                if (s->t[i - 1].cue & (EV_C_SAY | EV_C_CTL | EV_C_HYPSUB)) after_group = 0;
                if (after_group) { split_before = 1; kind = EV_CL_REL; }
            }
            if ((cue & EV_C_COORD) && next_is_verb_trigger(s, i)) { split_before = 1; kind = EV_CL_COORD; }
        }
        if (split_before) {
            c->t1 = i;
            c = &s->c[s->nc++];
            memset(c, 0, sizeof *c);
            c->t0 = i; c->kind = (uint8_t)kind;
            c->antecedent = -1;
        }
        s->t[i].clause = (uint16_t)(s->nc - 1);
        c->cues |= cue;
        if (is_boundary_punct(s, i) && i + 1 < s->n) {
            c->t1 = i + 1;
            c = &s->c[s->nc++];
            memset(c, 0, sizeof *c);
            c->t0 = i + 1;
            c->antecedent = -1;
            uint32_t nc = s->t[i + 1].cue;
            if (nc & (EV_C_SUB | EV_C_SUBSTART)) c->kind = EV_CL_SUB;
            /* a relative pronoun follows its noun; after a verb (sagte, die Türkei ...) it is an article */
            else if ((nc & EV_C_REL) && !(s->lang == EV_DE && i > 0 && !(LB_TOKS(s->doc)[s->tok0 + i - 1].flags & LB_TOK_UPPER)
                                           && s->t[i - 1].group < 0)) c->kind = EV_CL_REL;
            else if (nc & EV_C_COORD) c->kind = EV_CL_COORD;
        }
    }
    c->t1 = s->n;
    /* antecedents of relative clauses: a group ending at most two words before;
     * a place is none (the dateline of "Moskau – Die Polizei ...") */
    for (int k = 1; k < s->nc; k++) {
        ev_clause *r = &s->c[k];
        if (r->kind != EV_CL_REL) continue;
        uint32_t pos = r->t0;
        for (uint32_t back = 1; back <= 4 && pos >= back; back++) {
            int gi = s->t[pos - back].group;
            if (gi >= 0) { if (!s->g[gi].place) r->antecedent = gi; break; }
        }
    }
    for (int gi = 0; gi < s->ng; gi++) s->g[gi].clause = s->t[s->g[gi].t0].clause;
}

/* the stem of w[0..n) (Snowball, libstemmer; the stemmer keeps state: one
 * per run, made when first needed) */
static size_t sent_stem(ev_sent *s, const char *w, size_t n, char *out, size_t cap)
{
    if (!s->stemmer) s->stemmer = sb_stemmer_new(s->lang == EV_DE ? "german" : "english", NULL);
    if (!s->stemmer) { s->stem_oom = 1; return 0; }
    return ev_stem(s->stemmer, w, n, out, cap);
}

/* 1 and *wm when the memo of kind, w[0..n) (hash h) is cached, else 0
 * (inline: the hit is the common case, a few instructions a token) */
static inline __attribute__((always_inline)) int memo_get(const ev_sent *s, uint64_t h, int kind, const char *w, size_t n, ev_wmemo *wm)
{
    const ev_wmemo *v = s->memo ? ev_memo_find(s->memo, h, kind, w, n) : NULL;
    if (!v) return 0;
    *wm = *v;
    return 1;
}

static void memo_put(ev_sent *s, uint64_t h, int kind, const char *w, size_t n, const ev_wmemo *wm)
{
    if (s->memo && !s->stem_oom) ev_memo_put(s->memo, h, kind, w, n, wm);   /* (no stemmer, no stem: not kept) */
}

/* the quick filters of the word sets (wmask.h), NULL when the memo has none for these rules */
static const ev_wmask *set_masks(const ev_sent *s)
{
    return s->memo && s->memo->mask_rules == (const void *)s->rules ? &s->memo->mask : NULL;
}

/* the cue, cue2 and preposition lookups of form w[0..n) into wm (zeroed) */
static void cue_lookups(const ev_sent *s, const char *w, size_t n, const ev_wmask *k, ev_wmemo *wm)
{
    const ev_rules *r = s->rules;
    uint32_t x = 0;
    if (ev_lenmask_may(k ? &k->set[EV_WM_CUES] : NULL, w, n)) lb_wordset_get(&r->cues[s->lang], w, n, &wm->cue);
    if (ev_lenmask_may(k ? &k->set[EV_WM_CUES2] : NULL, w, n)) lb_wordset_get(&r->cues2[s->lang], w, n, &x);
    wm->cue2 = (uint16_t)x;
    wm->prep = UINT32_MAX;
    if (ev_lenmask_may(k ? &k->set[EV_WM_PREPS] : NULL, w, n) && lb_wordset_get(&r->preps[s->lang], w, n, &x)) wm->prep = x;
}

/* a token that is no word: its cue lookups only (no stem); the lookups on a
 * memo miss are out of line (nonword_make, word_make) */
static __attribute__((noinline)) void nonword_lookups(ev_sent *s, const char *w, size_t n, ev_wmemo *wm)
{
    memset(wm, 0, sizeof *wm);
    cue_lookups(s, w, n, set_masks(s), wm);
    wm->exact_first = wm->stem_first = wm->tail_first = UINT32_MAX;
    wm->group = -1;
}

/* (a one-byte token's memo is kept by its byte; h is not made for it, see memo_prefetch) */
static void nonword_memo(ev_sent *s, uint64_t h, const char *w, size_t n, ev_wmemo *wm)
{
    if (n == 1 && s->memo) {
        unsigned char b = (unsigned char)w[0];
        if (!s->memo->byte_set[b]) { nonword_lookups(s, w, n, &s->memo->byte[b]); s->memo->byte_set[b] = 1; }
        *wm = s->memo->byte[b];
        return;
    }
    if (memo_get(s, h, EV_MEMO_OTHER, w, n, wm)) return;
    nonword_lookups(s, w, n, wm);
    memo_put(s, h, EV_MEMO_OTHER, w, n, wm);
}

/* the context-free lookups of word form w[0..n) */
static __attribute__((noinline)) void word_make(ev_sent *s, uint64_t h, const char *w, size_t n, ev_wmemo *wm)
{
    const ev_rules *r = s->rules;
    char stem[LB_MAX_TOKEN_BYTES * 2 + 8];
    memset(wm, 0, sizeof *wm);
    /* a German word that can match no listed stem is not stemmed (stemfilter.h):
     * its stem lookups would find nothing; its length is made if a trigger needs it */
    int need = s->lang != EV_DE || ev_stemfilter_may(&r->stemf[s->lang], w, n);
    size_t sn = need ? sent_stem(s, w, n, stem, sizeof stem) : 0;
    uint32_t x = 0;
    const ev_wmask *k = set_masks(s);
    cue_lookups(s, w, n, k, wm);
    if (sn && lb_wordset_get(&r->cue_stems[s->lang], stem, sn, &x)) wm->cue_stem = x;
    wm->sn = need ? (uint32_t)sn : EV_SN_UNMADE;
    wm->stem_hash = sn ? ev_stem_hash(stem, sn) : 0;
    wm->group = group_noun_form(r, s->lang, w, n, k);
    memo_keys(r, s->lang, w, n, stem, sn, wm, k);
    memo_put(s, h, EV_MEMO_WORD, w, n, wm);
}

static void word_memo(ev_sent *s, uint64_t h, const char *w, size_t n, ev_wmemo *wm)
{
    if (!memo_get(s, h, EV_MEMO_WORD, w, n, wm)) word_make(s, h, w, n, wm);
}

/* the stem length of token i, whose word memo made no stem (EV_SN_UNMADE) */
static size_t unmade_stem_len(ev_sent *s, uint32_t i)
{
    const lb_tok *tk = &LB_TOKS(s->doc)[s->tok0 + i];
    char stem[LB_MAX_TOKEN_BYTES * 2 + 8];
    return sent_stem(s, lb_tok_norm(s->doc, tk), tk->norm_len, stem, sizeof stem);
}

/* the stem hash of the part w[0..n) after a compound's last hyphen, 0 none */
static uint32_t head_hash(ev_sent *s, const char *w, size_t n)
{
    uint64_t h = ev_memo_hash(EV_MEMO_HEAD, w, n);
    ev_wmemo wm;
    if (memo_get(s, h, EV_MEMO_HEAD, w, n, &wm)) return wm.stem_hash;
    char hs[LB_MAX_TOKEN_BYTES * 2 + 8];
    memset(&wm, 0, sizeof wm);
    /* (a German head that can have no listed stem, stemfilter.h, equals no obj= word: 0) */
    int need = s->lang != EV_DE || ev_stemfilter_may(&s->rules->stemf[s->lang], w, n);
    size_t hn = need ? sent_stem(s, w, n, hs, sizeof hs) : 0;
    wm.stem_hash = hn ? ev_stem_hash(hs, hn) : 0;
    memo_put(s, h, EV_MEMO_HEAD, w, n, &wm);
    return wm.stem_hash;
}

/* the hash of token t's memo; starts loading its slot: the memos of a
 * sentence's tokens are independent, each slot a cache miss */
static uint64_t memo_prefetch(const ev_sent *s, const lb_tok *t)
{
    if (!(t->flags & LB_TOK_WORD) && t->norm_len == 1) return 0;     /* (nonword_memo: by its byte) */
    uint64_t h = ev_memo_hash((t->flags & LB_TOK_WORD) ? EV_MEMO_WORD : EV_MEMO_OTHER, lb_tok_norm(s->doc, t), t->norm_len);
    if (s->memo) ev_memo_prefetch(s->memo, h);
    return h;
}

/* a token of the sentence is a group noun (Polizei, Milizen) */
static int group_noun_in(const ev_sent *s)
{
    for (uint32_t i = 0; i < s->n; i++) if (s->t[i].gsec >= 0) return 1;
    return 0;
}

int ev_sent_build(ev_sent *s)
{
    const lb_doc *doc = s->doc;
    const lb_sent *S = &LB_SENTS(doc)[s->si];
    s->tok0 = S->tok0;
    s->n = S->ntok < EV_MAX_SENT_TOKS ? S->ntok : EV_MAX_SENT_TOKS;
    const lb_tok *T = LB_TOKS(doc) + s->tok0;
    static const ev_tok blank = { .form = -1, .group = -1, .chain = UINT32_MAX, .prep = -1, .gsec = -1 };
    for (uint32_t i = 0; i < s->n; i++) s->t[i] = blank;
    /* one pass: stem, cues, trigger (a trigger reads the cues before it and the
     * folded forms after it; a multiword trigger claims the words after it) */
    enum { AHEAD = 32 };        /* (most sentences: all their slots loading at once) */
    uint64_t hring[AHEAD];      /* memo hashes of tokens i .. i + AHEAD - 1 */
    uint32_t triggers = 0;
    int support_nouns = 0;      /* a trigger is a support noun: verbs' lemmas may be its support verbs */
    for (uint32_t i = 0; i < s->n && i < AHEAD; i++) hring[i] = memo_prefetch(s, &T[i]);
    for (uint32_t i = 0; i < s->n; i++) {
        ev_wmemo wm;
        uint64_t h = hring[i % AHEAD];
        if (i + AHEAD < s->n) hring[i % AHEAD] = memo_prefetch(s, &T[i + AHEAD]);
        if (T[i].flags & LB_TOK_WORD) word_memo(s, h, lb_tok_norm(doc, &T[i]), T[i].norm_len, &wm);
        else nonword_memo(s, h, lb_tok_norm(doc, &T[i]), T[i].norm_len, &wm);
        size_t sn = wm.sn;
        uint32_t claimed = s->t[i].cue & EV_C_CLAIMED;
        uint32_t cue = cue_of(s, i, &wm);
        if (claimed) cue = (cue & ~(uint32_t)(EV_C_PREP | EV_C_PLACE | EV_C_AGENT | EV_C_BETWEEN)) | EV_C_CLAIMED;
        /* after a determiner a word is a noun, not a support verb (the start of) */
        if (i > 0 && (s->t[i - 1].cue & EV_C_DET)) cue &= ~(uint32_t)EV_C_SUPPORT;
        s->t[i].cue = cue;
        s->t[i].cue2 = wm.cue2;
        s->t[i].stem = wm.stem_hash;
        if (sn && (T[i].flags & LB_TOK_HYPHEN)) {
            /* the part after the last hyphen: obj= words match it (den UN-Sicherheitsrat anrufen) */
            const char *w = lb_tok_norm(doc, &T[i]);
            size_t last = T[i].norm_len;
            while (last > 0 && w[last - 1] != '-') last--;
            if (last > 0 && last < T[i].norm_len) s->t[i].head = head_hash(s, w + last, T[i].norm_len - last);
        }
        if ((cue & EV_C_PREP) && wm.prep != UINT32_MAX) s->t[i].prep = (int8_t)wm.prep;
        if (!sn || claimed) continue;
        s->t[i].gsec = s->lang == EV_DE && !(T[i].flags & LB_TOK_UPPER) ? -1 : wm.group;
        /* a group noun names actors, no event (Attentäter is no Attentat) */
        if (s->t[i].gsec >= 0) continue;
        s->t[i].form = match_trigger(s, i, &wm);
        if (agent_noun(s, i, sn, s->t[i].form)) { s->t[i].form = -1; continue; }
        if ((s->t[i].form = lich_adjective(s, i, s->t[i].form)) < 0) continue;
        triggers++;
        support_nouns |= s->rules->forms[s->t[i].form].kind == EV_NOUN_SUPPORT;
        claim_req_words(s, i, &s->rules->forms[s->t[i].form]);
    }
    s->ntrig = triggers;
    if (!triggers) {
        /* no trigger, no event (ev_code_sentence codes triggers only): clauses
         * are not needed, and groups only where a German group noun may be the
         * subject a "sie" of the next sentence resumes (ev_note_plural_subject) */
        s->ng = 0; s->nc = 0; s->nxm = 0;
        if (s->lang == EV_DE && group_noun_in(s)) build_groups(s, NULL);
        return s->stem_oom ? LB_ENOMEM : LB_OK;
    }
    memset(s->stem_bloom, 0, sizeof s->stem_bloom);
    for (uint32_t i = 0; i < s->n; i++) {
        if (support_nouns && !(s->t[i].cue & EV_C_CLAIMED)) lemma_support(s, i);
        if (s->t[i].lstem) ev_stem_mark(s, s->t[i].lstem);
        if (s->t[i].stem) ev_stem_mark(s, s->t[i].stem);
        if (s->t[i].head) ev_stem_mark(s, s->t[i].head);
    }
    build_groups(s, NULL);
    /* a trigger inside a plain name mention is no trigger (Kreml, White House) */
    for (uint32_t i = 0; i < s->n; i++) {
        if (s->t[i].form < 0 || s->t[i].group < 0) continue;
        const ev_group *g = &s->g[s->t[i].group];
        int part = 0;
        for (int q = 0; q < g->nmen; q++) if (ev_men(s, g->men[q])->form == LB_FORM_PART) part = 1;
        if (!part) s->t[i].form = -1;
    }
    build_clauses(s);
    return s->stem_oom ? LB_ENOMEM : LB_OK;
}
