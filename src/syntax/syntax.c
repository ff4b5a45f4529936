/* syntax.c: the clause layer stage driver: per sentence, chunk the groups,
 * find the clauses, their verb complexes and the roles (the steps live in
 * chunk.c, clauses.c, verbs.c, roles.c). One arena array of word classes per
 * document; nothing is allocated per token. */
#include "syntax.h"
#include "internal.h"
#include "ctx.h"
#include "morph/morph.h"
#include "core/limits.h"
#include "text/text.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* a punctuation token at which a clause may end (SX_TF_BOUNDARY) */
static inline int sx_token_is_boundary(const lb_doc *doc, const lb_morph *m, uint32_t tok)
{
    const lb_tok *t = &LB_TOKS(doc)[tok];
    if (m->upos != LB_UPOS_PUNCT && !(t->flags & LB_TOK_PUNCT)) return 0;
    if (t->flags & (LB_TOK_QUOTE | LB_TOK_DASH | LB_TOK_BRACKET_OPEN | LB_TOK_BRACKET_CLOSE)) return 1;
    if (t->end <= t->start) return 0;
    char c = doc->text[t->start];
    return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"' || c == '\'' ||
           (c == '-' && t->end - t->start <= 2 && m->upos == LB_UPOS_PUNCT);
}

/* word classes of the tokens that can carry one (function words, verbs),
 * cached across documents in slots chosen by lemma address (lexicon lemmas
 * are shared strings, so most tokens hit). A slot keeps a copy of its lemma
 * (arena addresses come back for other words in a later document), and a
 * hit must match it; lemmas longer than the copy (or empty) are not cached.
 * A slot also keeps the SX_TF_* bits (word_bits, no boundary) of the last
 * token that used it with that token's features, part of speech and flags
 * (all word_bits reads besides the class): a token with the same ones has
 * the same bits. An address has two slots, one cache line (the array is
 * aligned to one; classify prefetches it whole), the one used last first:
 * the lexicon has a lemma string per entry ("der" of der, dem, des ...), and
 * with one slot per address the frequent ones pushed each other out (a
 * quarter of the lookups on a 300-document sample). */
#define SX_CACHE 8192
#define SX_CACHE_KEY 16
typedef struct sx_slot {
    char key[SX_CACHE_KEY];     /* the lemma's first len bytes */
    uint32_t cls;
    unsigned char morph[6];     /* feats, upos, flags of the token that set tf (lb_morph's order) */
    uint8_t len;                /* 0: empty */
    uint8_t tf;                 /* word_bits for morph (none while its upos is 255) */
    uint8_t unused[4];          /* (to 32 bytes) */
} sx_slot;
_Static_assert(sizeof(sx_slot) == 32, "two slots to a cache line");
#define SX_CACHE_SETS (SX_CACHE / 2)
struct lb_syntax_cache { sx_slot slot[SX_CACHE]; sx_feats_memo memo; };

void lb_syntax_cache_free(struct lb_syntax_cache *c) { free(c); }

/* a new cache: zeroed, aligned to a cache line */
static struct lb_syntax_cache *cache_new(void)
{
    size_t n = (sizeof(struct lb_syntax_cache) + 63) / 64 * 64;
    struct lb_syntax_cache *c = aligned_alloc(64, n);
    if (c) memset(c, 0, n);
    return c;
}

/* the two slots of a lemma address (the one used last first) */
static inline sx_slot *cache_set(struct lb_syntax_cache *cc, const char *lemma)
{
    return &cc->slot[(((uint64_t)(uintptr_t)lemma * 0x9E3779B97F4A7C15ull) >> 52) * 2];   /* set 0..4095 */
}
_Static_assert(SX_CACHE_SETS == 1u << (64 - 52), "cache_set's shift gives one of SX_CACHE_SETS sets");

/* n (1..SX_CACHE_KEY) bytes at a and b are equal: two overlapping loads of
 * the widest size that fits (lb_key_eq goes byte by byte below four, and
 * the most frequent lemmas are short: der, in, zu) */
static inline int short_key_eq(const char *a, const char *b, uint32_t n)
{
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    if (!n) return 1;
    if (n >= 8) return lb_load64(x) == lb_load64(y) && lb_load64(x + n - 8) == lb_load64(y + n - 8);
    if (n >= 4) return lb_load32(x) == lb_load32(y) && lb_load32(x + n - 4) == lb_load32(y + n - 4);
    if (n >= 2) {
        uint16_t p, q, r, t;
        memcpy(&p, x, 2); memcpy(&q, y, 2); memcpy(&r, x + n - 2, 2); memcpy(&t, y + n - 2, 2);
        return p == q && r == t;
    }
    return *x == *y;
}
_Static_assert(SX_CACHE_KEY <= 16, "short_key_eq compares up to 16 bytes");

/* slot e holds the (non-empty) lemma of m (e->len is at most SX_CACHE_KEY:
 * only lookup_class sets it) */
static inline int holds(const sx_slot *e, const lb_morph *m)
{
    return e->len == m->lemma_len && short_key_eq(e->key, m->lemma, m->lemma_len);
}

/* what word_bits reads of a token besides its class: features, part of
 * speech, flags (six bytes, adjacent in lb_morph) */
_Static_assert(offsetof(lb_morph, upos) == offsetof(lb_morph, feats) + 4 &&
               offsetof(lb_morph, flags) == offsetof(lb_morph, feats) + 5, "a slot's morph copies feats, upos, flags at once");
/* (one 8-byte load each, the two bytes after the six masked off: a slot's
 * len and tf, the token's head_off; the mask's bytes in memory order) */
_Static_assert(offsetof(sx_slot, morph) + 8 <= sizeof(sx_slot) && offsetof(lb_morph, feats) + 8 <= sizeof(lb_morph),
               "same_morph reads eight bytes from the six");
static inline int same_morph(const sx_slot *e, const lb_morph *m)
{
    static const unsigned char six[8] = { 255, 255, 255, 255, 255, 255, 0, 0 };
    return !((lb_load64(e->morph) ^ lb_load64((const unsigned char *)&m->feats)) & lb_load64(six));
}

/* the slot of token m's lemma when one holds that lemma (made the first of
 * its set), else NULL */
static inline sx_slot *cached(struct lb_syntax_cache *cc, const lb_morph *m)
{
    if (!m->lemma || !m->lemma_len) return NULL;
    sx_slot *e = cache_set(cc, m->lemma);
    if (holds(&e[0], m)) return &e[0];
    if (!holds(&e[1], m)) return NULL;
    sx_slot used = e[1];
    e[1] = e[0]; e[0] = used;
    return &e[0];
}

/* the word class of token i, which missed the cache, looked up and cached
 * where its lemma may be; its slot then, else NULL */
static sx_slot *lookup_class(sx *s, uint32_t i, struct lb_syntax_cache *cc, uint32_t *cls)
{
    const lb_morph *m = &s->M[i];
    *cls = sx_word_class(s, i);
    if (!m->lemma || !m->lemma_len || m->lemma_len > SX_CACHE_KEY) return NULL;
    sx_slot *e = cache_set(cc, m->lemma);
    e[1] = e[0];                                    /* the older one goes */
    e->len = (uint8_t)m->lemma_len; e->cls = *cls;
    memcpy(e->key, m->lemma, m->lemma_len);
    memset(e->morph, 255, sizeof e->morph);       /* no part of speech is 255: no bits yet */
    return e;
}

/* how many tokens ahead classify asks for a lemma's bytes and its cache slot
 * (lemmas are mostly not in the processor's cache yet, and the lookups compare
 * them; perf: the slot and lemma loads were most of classify's time) */
#define SX_PREFETCH 16

/* the words that may be relative pronouns (clauses.c is_rel_pronoun) */
enum { SX_REL_UPOS = 1u << LB_UPOS_PRON | 1u << LB_UPOS_DET | 1u << LB_UPOS_ADV };

/* SX_TF_OPENS: whether opener() in clauses.c may open a clause at token i
 * (class cls) by the words alone: a possible relative pronoun, a preposition
 * or contraction before one, a subordinator, a German interrogative, English
 * "to" or a verb (to-infinitive, -ing clause) */
static inline int may_open(const lb_morph *M, uint32_t i, uint32_t ntok, uint32_t cls, int en)
{
    const lb_morph *m = &M[i];
    if (SX_REL_UPOS >> m->upos & 1) return 1;
    if ((m->upos == LB_UPOS_ADP || (m->flags & LB_MF_CONTR)) && i + 1 < ntok && (SX_REL_UPOS >> M[i + 1].upos & 1))
        return 1;
    if (cls & (SX_SUB | (en ? SX_ZU : SX_QWORD))) return 1;
    return en && m->upos == LB_UPOS_VERB;
}

/* SX_TF_REL: is_rel_pronoun() in clauses.c may say yes for this word (class
 * cls): a pronoun, determiner or adverb with PronType=Rel, or a pronoun of
 * word class SX_REL (in English only without a PronType) */
static inline int may_be_rel(const lb_morph *m, uint32_t cls, int en)
{
    if (!(SX_REL_UPOS >> m->upos & 1)) return 0;
    uint32_t pt = LB_FEAT_GET(m->feats, PRONTYPE);
    return pt == LB_PRONTYPE_REL || ((cls & SX_REL) && m->upos == LB_UPOS_PRON && !(en && pt));
}

/* SX_TF_OPENS of a word by itself (opener() in clauses.c): a possible
 * relative pronoun (rel), a subordinator, a German interrogative, English
 * "to" or a verb. A preposition or contraction before a possible relative
 * pronoun gets the bit from classify when that word is looked at. */
static inline int word_opens(const lb_morph *m, uint32_t cls, int rel, int en)
{
    return rel || (cls & (SX_SUB | (en ? SX_ZU : SX_QWORD))) || (en && m->upos == LB_UPOS_VERB);
}

/* the SX_TF_* bits of a token that may carry a word class (cls), b: a boundary */
static inline uint8_t word_bits(const sx *s, uint32_t i, uint32_t cls, int b)
{
    const lb_morph *m = &s->M[i];
    int rel = may_be_rel(m, cls, s->en), opens = word_opens(m, cls, rel, s->en);
    int coord = m->upos == LB_UPOS_CCONJ || (cls & SX_COORD), verb = sx_is_verb(m);
    /* quiet: what scan_token would do for it is join the open clause */
    int quiet = !b && !(m->flags & (LB_MF_CONTR | LB_MF_ZU_INF)) && !opens && !coord && !verb;
    return (uint8_t)((b ? SX_TF_BOUNDARY : 0) | (quiet ? SX_TF_QUIET : 0) | (rel ? SX_TF_REL : 0) |
                     (opens ? SX_TF_OPENS : 0) | (coord ? SX_TF_COORD : 0) |
                     (lb_morph_is_finite(m) ? SX_TF_FIN : 0) | (verb ? SX_TF_VERB : 0) |
                     ((cls & SX_NEG) || LB_FEAT_GET(m->feats, POLARITY) ? SX_TF_NEG : 0));
}

/* 1 for a part of speech whose words classify looks up (not one of
 * SX_CONTENT_UPOS), by the part of speech's low five bits: one load where a
 * shift of SX_CONTENT_UPOS wants its count in one register (classify_content
 * counts with it for every token) */
#define SX_LOOKED_UP(u) (uint8_t)!(SX_CONTENT_UPOS >> (u) & 1)
#define SX_LOOKED_UP_8(u) SX_LOOKED_UP(u), SX_LOOKED_UP((u) + 1), SX_LOOKED_UP((u) + 2), SX_LOOKED_UP((u) + 3), \
                          SX_LOOKED_UP((u) + 4), SX_LOOKED_UP((u) + 5), SX_LOOKED_UP((u) + 6), SX_LOOKED_UP((u) + 7)
static const uint8_t sx_looked_up[32] = { SX_LOOKED_UP_8(0), SX_LOOKED_UP_8(8), SX_LOOKED_UP_8(16), SX_LOOKED_UP_8(24) };

/* 1 when token i, a verb, is an infinitive spelt as its lemma (both folded:
 * abzuschließen = abzuschliessen) with the language's zu infix after a
 * particle: anzugreifen (angreifen), aufzunehmen (aufnehmen) */
static int infix_zu_inf(const sx *s, uint32_t i)
{
    const lb_tok *t = &LB_TOKS(s->doc)[i];
    const char *f = s->doc->norm + t->norm;
    size_t k = s->L->zu_infix_len, fn = t->norm_len, p = 0;
    char lemma[LB_MAX_TOKEN_BYTES * 2];
    if (!k || LB_FEAT_GET(s->M[i].feats, VERBFORM) != LB_VERBFORM_INF) return 0;
    size_t n = lb_morph_folded_lemma(s->doc, i, lemma, sizeof lemma);
    if (!n || fn != n + k) return 0;
    while (p < n && f[p] == lemma[p]) p++;
    return p >= 2 && p < n && !memcmp(f + p, s->L->zu_infix, k) && !memcmp(f + p + k, lemma + p, n - p);
}

/* classify's first pass, over all tokens: no class, the bits of a content
 * word (the boundary bit right for every token), the other tokens listed
 * in words (appended whatever the token, counted only for those: no branch on
 * the part of speech, which no processor predicts), and the quotation marks
 * that are boundaries by their sign in quotes (s->nquotes). Returns the count
 * of words. (The arrays in locals: a store to tf, bytes, may alias the fields of s.) */
static uint32_t classify_content(sx *s, uint32_t ntok, uint32_t *words, uint32_t *quotes)
{
    const lb_tok *T = LB_TOKS(s->doc);
    lb_morph *M = s->M;
    uint32_t *CLS = s->cls, n = 0, nq = 0;
    uint8_t *TF = s->tf;
    for (uint32_t i = 0; i < ntok; i++) {
        lb_morph *m = &M[i];
        m->clause = m->phrase = -1;
        if (m->upos == LB_UPOS_VERB && infix_zu_inf(s, i))
            m->flags |= LB_MF_ZU_INF;           /* (the stage's flag: set here, where the infix is known) */
        int b = (m->upos == LB_UPOS_PUNCT || (T[i].flags & LB_TOK_PUNCT)) && sx_token_is_boundary(s->doc, m, i);
        if (b && (T[i].flags & LB_TOK_QUOTE)) quotes[nq++] = i;
        uint8_t tf = b ? SX_TF_BOUNDARY : SX_TF_QUIET;
        if (m->flags & (LB_MF_CONTR | LB_MF_ZU_INF))
            tf = (uint8_t)((b ? SX_TF_BOUNDARY : 0) | (may_open(M, i, ntok, 0, s->en) ? SX_TF_OPENS : 0));
        if (LB_FEAT_GET(m->feats, POLARITY)) tf |= SX_TF_NEG;
        CLS[i] = 0;
        TF[i] = tf;
        words[n] = i;
        n += sx_looked_up[m->upos & 31];
    }
    s->nquotes = nq;
    return n;
}

/* the word class (cls) and SX_TF_* bits of token i, a function word or verb
 * (b: it is a boundary), from the cache where it can */
static inline uint8_t word_class_bits(sx *s, uint32_t i, struct lb_syntax_cache *cc, int b, uint32_t *cls)
{
    const lb_morph *m = &s->M[i];
    sx_slot *e = cached(cc, m);
    if (e) *cls = e->cls;
    else e = lookup_class(s, i, cc, cls);
    if (b || !e) return word_bits(s, i, *cls, b);
    if (!same_morph(e, m)) { memcpy(e->morph, &m->feats, 6); e->tf = word_bits(s, i, *cls, 0); }
    return e->tf;
}

/* word classes and bits of every token: content words in a first pass, then
 * the others (function words, verbs) with their lookups, prefetching the
 * lemma and cache slot of the word SX_PREFETCH ahead */
static int classify(sx *s, uint32_t ntok, struct lb_syntax_cache *cc)
{
    uint32_t *words = lb_arena_alloc(&s->doc->arena, (size_t)ntok * sizeof *words);
    uint32_t *quotes = lb_arena_alloc(&s->doc->arena, (size_t)ntok * sizeof *quotes);
    if (!words || !quotes) return -1;
    s->quotes = quotes;
    uint32_t n = classify_content(s, ntok, words, quotes);
    const lb_morph *M = s->M;
    uint32_t *CLS = s->cls;
    uint8_t *TF = s->tf;
    for (uint32_t k = 0; k < n; k++) {
        if (k + SX_PREFETCH < n) {
            const char *ahead = M[words[k + SX_PREFETCH]].lemma;
            __builtin_prefetch(ahead);
            __builtin_prefetch(cache_set(cc, ahead));
        }
        uint32_t i = words[k], cls;
        uint8_t tf = TF[i] = word_class_bits(s, i, cc, TF[i] & SX_TF_BOUNDARY, &cls);
        CLS[i] = cls;
        /* "mit dem": a preposition or contraction opens the clause of the
         * possible relative pronoun after it (its bits are written already) */
        if ((tf & SX_TF_REL) && i > 0 && (M[i - 1].upos == LB_UPOS_ADP || (M[i - 1].flags & LB_MF_CONTR)))
            TF[i - 1] = (uint8_t)((TF[i - 1] | SX_TF_OPENS) & ~SX_TF_QUIET);
    }
    return 0;
}

/* punctuation of clause structure next to a quotation mark: a boundary that
 * is no quotation mark itself, or an end mark (. ! ? ...) */
static int structural_mark(const sx *s, uint32_t tok)
{
    const lb_tok *t = &LB_TOKS(s->doc)[tok];
    if (sx_is_quote(s->doc, tok)) return 0;
    if (sx_is_boundary(s, tok) || (t->flags & LB_TOK_SENT_END)) return 1;
    return (t->flags & LB_TOK_PUNCT) && t->end > t->start && memchr(".!?", s->doc->text[t->start], 3);
}

/* the quoted span that quotation mark k opens (or, closing, ends) holds a
 * finite verb: quoted speech, not a title ("sagte „Wir kommen morgen“") */
static int quotes_a_clause(const sx *s, uint32_t k)
{
    uint32_t side = LB_TOKS(s->doc)[k].flags & (LB_TOK_QOPEN | LB_TOK_QCLOSE);   /* both: which is unknown */
    if (side == LB_TOK_QOPEN)
        for (uint32_t j = k + 1; j < s->s1 && !sx_is_quote(s->doc, j); j++) if (sx_is_fin(&s->M[j])) return 1;
    if (side == LB_TOK_QCLOSE)
        for (uint32_t j = k; j > s->s0 && !sx_is_quote(s->doc, j - 1); j--) if (sx_is_fin(&s->M[j - 1])) return 1;
    return 0;
}

/* A quotation mark is punctuation of quoting, not of clause structure: one
 * inside a clause, around a name, a title or a quoted phrase ("die Zeitung
 * \"Die Welt\" berichtete"), is no boundary and only joins the open clause.
 * It stays one next to a comma, colon, semicolon, dash, bracket or end mark
 * (direct speech: sagte: "...", "...", sagte er), looking past the other
 * quotation marks of a run (nested quotes), within the sentence, and
 * around a quoted clause (a finite verb inside: sagte "Wir kommen"). It visits
 * the quotation marks classify listed (s->quotes) in the sentence. */
void sx_quote_marks(sx *s)
{
    const uint32_t s0 = s->s0, s1 = s->s1;
    size_t lo = 0, hi = s->nquotes;     /* the first listed mark in the sentence (ascending list) */
    while (lo < hi) { size_t mid = lo + (hi - lo) / 2; if (s->quotes[mid] < s0) lo = mid + 1; else hi = mid; }
    for (size_t q = lo; q < s->nquotes && s->quotes[q] < s1; q++) {
        uint32_t k = s->quotes[q], p = k, n = k + 1;
        while (p > s0 && sx_is_quote(s->doc, p - 1)) p--;
        while (n < s1 && sx_is_quote(s->doc, n)) n++;
        if ((p > s0 && structural_mark(s, p - 1)) || (n < s1 && structural_mark(s, n)) || quotes_a_clause(s, k)) continue;
        s->tf[k] = SX_TF_QUIET;
    }
}

/* room for the expected number of elements in one block (no growth copies) */
static int reserve(lb_doc *doc, lb_vec *v, size_t n)
{
    v->items = lb_arena_alloc(&doc->arena, n * v->elem);
    if (!v->items) return -1;
    v->cap = n;
    return 0;
}

int lb_syntax_run(lb_doc *doc)
{
    lb_vec_init(&doc->phrases, sizeof(lb_phrase));
    lb_vec_init(&doc->clauses, sizeof(lb_clause));
    const struct lb_syntax_rules *R = doc->ctx ? doc->ctx->syntax : NULL;
    uint32_t ntok = (uint32_t)doc->toks.len;
    if (!R || !ntok || doc->morph.len != doc->toks.len) return LB_OK;
    sx s;
    memset(&s, 0, sizeof s);
    s.doc = doc; s.R = R; s.M = LB_MORPH(doc);
    s.en = !strcmp(doc->lang, "en");
    s.L = &R->lang[s.en];
    s.cls = lb_arena_alloc(&doc->arena, (size_t)ntok * sizeof *s.cls);
    s.tf = lb_arena_alloc(&doc->arena, ntok);
    if (!s.cls || !s.tf || reserve(doc, &doc->phrases, ntok / 2 + 8) || reserve(doc, &doc->clauses, ntok / 6 + 4))
        return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
    struct lb_syntax_cache **cc = &doc->syntax_cache[s.en];
    if (!*cc && !(*cc = cache_new())) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
    s.memo = &(*cc)->memo;
    if (classify(&s, ntok, *cc)) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
    int rc = LB_OK;
    for (uint32_t k = 0; k < doc->sents.len && !rc; k++) {
        const lb_sent *se = &LB_SENTS(doc)[k];
        if (!se->ntok || se->tok0 + se->ntok > ntok) continue;
        s.s0 = se->tok0; s.s1 = se->tok0 + se->ntok; s.sent = k;
        s.ph0 = (uint32_t)doc->phrases.len; s.cl0 = (uint32_t)doc->clauses.len;
        sx_quote_marks(&s);
        rc = sx_chunk(&s);
        if (!rc) rc = sx_clauses(&s);
        if (!rc) rc = sx_verbs(&s);
        if (!rc) sx_roles(&s);
    }
    if (rc) {
        lb_vec_init(&doc->phrases, sizeof(lb_phrase));
        lb_vec_init(&doc->clauses, sizeof(lb_clause));
    }
    return rc;
}
