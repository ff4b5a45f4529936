/* tense.c: the tense a temporal expression is read in, which decides the
 * direction of a weekday or a month without a year (resolve.c). From the
 * clause layer where it can (the order of verb_tense): the finite verb of
 * the expression's clause in the past indicative (morphology); a finite
 * verb listed FUT in the TENSE words of data/time (future auxiliaries,
 * modal verbs, "plant"); a perfect auxiliary listed PAST before a
 * participle; a modal that is the finite verb; a participle listed FUT ("is scheduled").
 * Before all of them a listed preposition that governs the expression
 * ("seit dem 1. Jänner", "since Monday"); after them, for a clause read as
 * a present or one without a verb, a listed adverb, preposition or
 * subordinator before the expression in its clause ("zuletzt"). An infinitive clause has no tense of its own (a
 * future only from the clause it depends on). Without a clause, or in a
 * verbless one without such a word, the nearest TENSE word or ending of
 * the sentence counts. */
#include "time/time_internal.h"
#include "text/text.h"
#include <string.h>

/* the tense of token i's TENSE entry, TENSE_NONE when it has none */
static int entry_tense(const struct lb_time_rules *r, const int32_t *wid, uint32_t i, int lang)
{
    int tense = TENSE_NONE;
    if (wid[i] < 0) return tense;
    const tm_word *wd = &TM_W(r)[wid[i]];
    for (uint32_t k = 0; k < wd->ne; k++) {
        const tm_entry *e = &TM_ENT(r)[wd->e0 + k];
        if (e->cls == r->cls_tense && e->lang == lang && e->nas) tense = TM_A(r)[e->as0].value;
    }
    return tense;
}

/* the tense token i gives (its TENSE entry, else a tense suffix) */
static int token_tense(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, uint32_t i, int lang)
{
    const lb_tok *t = &LB_TOKS(doc)[i];
    const char *f = lb_tok_norm(doc, t);
    int tense = entry_tense(r, wid, i, lang);
    const tm_suffix *sx = r->suffixes.p;
    for (size_t k = 0; !tense && k < r->suffixes.len; k++)
        if (sx[k].lang == lang && t->norm_len > (uint32_t)sx[k].len + 2 && (t->flags & LB_TOK_WORD) &&
            !memcmp(f + t->norm_len - sx[k].len, sx[k].s, sx[k].len))
            tense = sx[k].tense;
    return tense;
}

static int cached_tense(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, int8_t *cache,
                        uint32_t i, int lang)
{
    if (cache[i] < 0) cache[i] = (int8_t)token_tense(r, doc, wid, i, lang);
    return cache[i];
}

/* the tense of the nearest token of sentence si that has one (on a tie the
 * left one): outwards from tok, so that most calls stop near it */
static int nearest_tense(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, int8_t *cache, uint32_t si,
                         uint32_t tok, int lang)
{
    const lb_sent *s = &LB_SENTS(doc)[si];
    uint32_t lo = s->tok0, hi = s->tok0 + s->ntok;
    if (tok < lo || tok >= hi) {              /* not inside: the nearest end first */
        for (uint32_t k = 0; k < s->ntok; k++) {
            uint32_t i = tok < lo ? lo + k : hi - 1 - k;
            int tense = cached_tense(r, doc, wid, cache, i, lang);
            if (tense) return tense;
        }
        return TENSE_NONE;
    }
    for (uint32_t d = 0; tok >= lo + d || tok + d < hi; d++) {
        if (tok >= lo + d) { int tense = cached_tense(r, doc, wid, cache, tok - d, lang); if (tense) return tense; }
        if (d && tok + d < hi) { int tense = cached_tense(r, doc, wid, cache, tok + d, lang); if (tense) return tense; }
    }
    return TENSE_NONE;
}

/* the tense of the nearest TENSE word before token tok in its clause that
 * is an adverb, preposition or subordinator: "seit dem 31. August". Only
 * a listed word (an ending says nothing: "indeed", "Manchester United"),
 * only before it (one after it belongs to another phrase: "am 26. Februar
 * soll ein seit Juni verschobener Parteitag stattfinden"). */
static int adverb_tense(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, uint32_t tok, int lang)
{
    const lb_morph *M = LB_MORPH(doc);
    int32_t c = M[tok].clause;
    if (c < 0 || (size_t)c >= doc->clauses.len) return TENSE_NONE;
    uint32_t first = LB_CLAUSES(doc)[c].tok0;
    for (uint32_t i = tok; i-- > first;) {
        if (M[i].clause != c || (M[i].upos != LB_UPOS_ADV && M[i].upos != LB_UPOS_ADP && M[i].upos != LB_UPOS_SCONJ))
            continue;
        int tense = entry_tense(r, wid, i, lang);
        if (tense) return tense;
    }
    return TENSE_NONE;
}

/* the tense of the preposition that governs the expression at token tok
 * when it is a TENSE word: "seit dem 1. Jänner", "since Monday" (the
 * preposition, then articles, adjectives, numbers up to the expression). A
 * starting point in the past whatever the verb says ("seit Dienstag werden
 * sie verteilt"). */
static int preposition_tense(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, uint32_t tok, int lang)
{
    const lb_morph *M = LB_MORPH(doc);
    for (uint32_t i = tok, k = 0; i-- > 0 && k < 4; k++) {
        if (M[i].upos == LB_UPOS_ADP) return entry_tense(r, wid, i, lang);
        if (M[i].upos != LB_UPOS_DET && M[i].upos != LB_UPOS_ADJ && M[i].upos != LB_UPOS_NUM) break;
    }
    return TENSE_NONE;
}

/* 1 when verb token v is an infinitive after zu or to (a particle right before it) */
static int particle_infinitive(const lb_doc *doc, int32_t v)
{
    return v > 0 && LB_MORPH(doc)[v - 1].upos == LB_UPOS_PART;
}

/* the tense clause c's verb complex gives, TENSE_NONE for a present */
static int verb_tense(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, int8_t *cache,
                      const lb_clause *cl, int lang)
{
    const lb_morph *M = LB_MORPH(doc), *f = &M[cl->fin];
    /* a past indicative (Konjunktiv II, "würde", "könnte", is no past) */
    if (LB_FEAT_GET(f->feats, TENSE) == LB_TENSE_PAST && LB_FEAT_GET(f->feats, MOOD) != LB_MOOD_SUB) return TENSE_PAST;
    int vf = cl->verb >= 0 && cl->verb != cl->fin ? (int)LB_FEAT_GET(M[cl->verb].feats, VERBFORM) : 0;
    int fin = cached_tense(r, doc, wid, cache, (uint32_t)cl->fin, lang);
    /* wird kommen, will come, soll kontrolliert werden, a verb of planning (plant); and the
     * present passive with werden, which news use for what is scheduled (wird am Montag
     * übergeben) */
    if (fin == TENSE_FUT) return TENSE_FUT;
    /* hat gesagt, has said; hat ... zurücktreten müssen; a participle spelt like the
     * infinitive (hat ... betragen) may be tagged one, but not after zu or to (ist ... zu
     * treffen, has to pay) */
    if (fin == TENSE_PAST && (vf == LB_VERBFORM_PART || (vf == LB_VERBFORM_INF && !particle_infinitive(doc, cl->verb))))
        return TENSE_PAST;
    /* a modal verb not on the list that is the finite verb (darf) looks ahead
     * too; one after a perfect auxiliary is its infinitive, tagged finite or
     * not (hätten ... antreten sollen) */
    if (cl->modal >= 0 && cl->modal == cl->fin) return TENSE_FUT;
    if (vf && cached_tense(r, doc, wid, cache, (uint32_t)cl->verb, lang) == TENSE_FUT) return TENSE_FUT;  /* is scheduled */
    return TENSE_NONE;
}

/* own_tense and clause_tense beyond the TENSE_* values: a clause without any
 * verb (or with tokens out of range), one with a verb but no finite one */
enum { NO_VERB = -1, NONFINITE = -2 };

/* the tense clause c's verb complex gives; NONFINITE, NO_VERB */
static int own_tense(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, int8_t *cache, int32_t c,
                     int lang)
{
    if (c < 0 || (size_t)c >= doc->clauses.len) return NO_VERB;
    const lb_clause *cl = &LB_CLAUSES(doc)[c];
    if ((cl->fin >= 0 && (uint32_t)cl->fin >= doc->toks.len) || (cl->verb >= 0 && (uint32_t)cl->verb >= doc->toks.len))
        return NO_VERB;
    if (cl->fin >= 0) return verb_tense(r, doc, wid, cache, cl, lang);
    return cl->verb >= 0 ? NONFINITE : NO_VERB;
}

/* the tense the clause of token tok (covered by the morphology layer) gives;
 * NO_VERB when the clause layer cannot say (no clause there, or one without
 * any verb). An infinitive
 * clause has no tense of its own: it looks ahead when the clause it
 * depends on does ("plant, im Juni zu kommen"), else it is read as a
 * present. */
static int clause_tense(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, int8_t *cache, uint32_t tok,
                        int lang)
{
    int32_t c = LB_MORPH(doc)[tok].clause;
    int tense = own_tense(r, doc, wid, cache, c, lang);
    if (tense != NONFINITE) return tense;
    int32_t parent = LB_CLAUSES(doc)[c].parent;
    return own_tense(r, doc, wid, cache, parent, lang) == TENSE_FUT ? TENSE_FUT : TENSE_NONE;
}

int tm_tense_at(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, int8_t *cache, uint32_t si, uint32_t tok)
{
    int lang = doc->lang[0] == 'e' ? 2 : 1;     /* (any other language reads the German words, as it always has) */
    if (doc->morph.len != doc->toks.len || tok >= doc->toks.len) return nearest_tense(r, doc, wid, cache, si, tok, lang);
    int prep = preposition_tense(r, doc, wid, tok, lang);
    if (prep) return prep;
    int tense = clause_tense(r, doc, wid, cache, tok, lang);
    if (tense == TENSE_PAST || tense == TENSE_FUT) return tense;
    int adv = adverb_tense(r, doc, wid, tok, lang);
    if (adv) return adv;
    return tense == NO_VERB ? nearest_tense(r, doc, wid, cache, si, tok, lang) : TENSE_NONE;
}
