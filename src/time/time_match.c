/* time_match.c: applies the compiled time patterns to the token stream
 * (folded forms, lexicon classes, number shapes) and returns leftmost-longest
 * non-overlapping matches with their slots. It computes no TIMEX values. */
#include "time/time_internal.h"
#include "text/text.h"
#include <string.h>

static void slot_set(tm_slots *s, int sl, int32_t v) { s->has |= 1u << sl; s->v[sl] = v; }

static int num(const char *s, size_t n, long *out)
{
    if (!n || n > 9) return 0;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

int tm_builtin_match(int bi, const char *s, size_t n, uint32_t flags, tm_slots *sl)
{
    long v, a, b, c;
    switch (bi) {
    case BI_DAY:
        if (n >= 2 && s[n - 1] == '.' && num(s, n - 1, &v) && v >= 1 && v <= 31) { slot_set(sl, SL_D, (int32_t)v); return 1; }
        return 0;
    case BI_DAYN:
        if (n <= 2 && num(s, n, &v) && v >= 1 && v <= 31) { slot_set(sl, SL_D, (int32_t)v); return 1; }
        return 0;
    case BI_ORD:
        if (n >= 3 && n <= 4 && num(s, n - 2, &v) && v >= 1 && v <= 31) {
            const char *e = s + n - 2;
            if (!strncmp(e, "st", 2) || !strncmp(e, "nd", 2) || !strncmp(e, "rd", 2) || !strncmp(e, "th", 2)) {
                slot_set(sl, SL_D, (int32_t)v); return 1;
            }
        }
        return 0;
    case BI_YEAR:
        if (n == 4 && num(s, n, &v) && v >= 1000 && v <= 2199) { slot_set(sl, SL_Y, (int32_t)v); return 1; }
        return 0;
    case BI_INT:
        if (!(flags & LB_TOK_NUM)) return 0;
        if (num(s, n, &v) && v <= 100000) { slot_set(sl, SL_N, (int32_t)v); return 1; }
        return 0;
    case BI_HOUR:
        if (n <= 2 && num(s, n, &v) && v <= 24) { slot_set(sl, SL_HR, (int32_t)v); return 1; }
        return 0;
    case BI_MIN:
        if (n == 2 && num(s, n, &v) && v <= 59) { slot_set(sl, SL_MI, (int32_t)v); return 1; }
        return 0;
    case BI_HHMM: {
        const char *colon = memchr(s, ':', n);
        if (!colon) colon = memchr(s, '.', n);
        if (!colon) return 0;
        size_t h = (size_t)(colon - s);
        if (h >= 1 && h <= 2 && n - h - 1 == 2 && num(s, h, &a) && num(colon + 1, 2, &b) && a <= 24 && b <= 59) {
            slot_set(sl, SL_HR, (int32_t)a); slot_set(sl, SL_MI, (int32_t)b); return 1;
        }
        return 0;
    }
    case BI_DECADE:
        if (n == 6 && (!memcmp(s + 4, "er", 2)) && num(s, 4, &v) && v % 10 == 0 && v >= 1000 && v <= 2190) { slot_set(sl, SL_Y, (int32_t)v); return 1; }
        if (n == 5 && s[4] == 's' && num(s, 4, &v) && v % 10 == 0 && v >= 1000 && v <= 2190) { slot_set(sl, SL_Y, (int32_t)v); return 1; }
        return 0;
    case BI_DMY: {
        /* 2023-03-22 */
        if (n == 10 && s[4] == '-' && s[7] == '-' && num(s, 4, &a) && num(s + 5, 2, &b) && num(s + 8, 2, &c)
            && a >= 1000 && b >= 1 && b <= 12 && c >= 1 && c <= 31) {
            slot_set(sl, SL_Y, (int32_t)a); slot_set(sl, SL_M, (int32_t)b); slot_set(sl, SL_D, (int32_t)c); return 1;
        }
        /* d.m.y, d.m.yy, d.m. */
        const char *p1 = memchr(s, '.', n);
        if (!p1) return 0;
        const char *p2 = memchr(p1 + 1, '.', (size_t)(s + n - p1 - 1));
        if (!p2) return 0;
        size_t l1 = (size_t)(p1 - s), l2 = (size_t)(p2 - p1 - 1), l3 = (size_t)(s + n - p2 - 1);
        if (l1 < 1 || l1 > 2 || l2 < 1 || l2 > 2 || !num(s, l1, &a) || !num(p1 + 1, l2, &b)) return 0;
        if (a < 1 || a > 31 || b < 1 || b > 12) return 0;
        if (l3 == 0) { slot_set(sl, SL_D, (int32_t)a); slot_set(sl, SL_M, (int32_t)b); return 1; }
        if ((l3 != 2 && l3 != 4) || !num(p2 + 1, l3, &c)) return 0;
        if (l3 == 2) c += 1900;    /* two-digit years are resolved later against the DCT */
        slot_set(sl, SL_D, (int32_t)a); slot_set(sl, SL_M, (int32_t)b); slot_set(sl, SL_Y, (int32_t)c);
        if (l3 == 2) slot_set(sl, SL_K, 2);
        return 1;
    }
    case BI_CAP:
        return (flags & LB_TOK_WORD) && (flags & LB_TOK_UPPER);
    default: return 0;
    }
}

/* The count of at most 6 digits that starts f (len bytes) before a hyphen
 * and a tail: its digits' length, 0 when f is no such token. */
static size_t count_digits(const char *f, size_t len)
{
    size_t k = 0;
    while (k < len && f[k] >= '0' && f[k] <= '9') k++;
    return k && k <= 6 && k + 1 < len && f[k] == '-' ? k : 0;
}

/* N from the digits that start the folded form of a token of a "#-" word
 * (10-tägigen: 10); keep: fill it only when unset (a context element). */
static void digits_count(const char *f, size_t len, tm_slots *sl, int keep)
{
    long v;
    size_t k = count_digits(f, len);
    if (k && num(f, k, &v) && !(keep && (sl->has >> SL_N & 1u))) slot_set(sl, SL_N, (int32_t)v);
}

/* The word id of a token that is digits, a hyphen and a listed tail
 * ("#-" + the tail: compound_line in time_load.c), or -1. */
static int32_t digits_word(const struct lb_time_rules *r, const char *f, size_t len)
{
    size_t k = count_digits(f, len);
    if (!k || len - k + 1 > 255) return -1;
    char key[256] = "#";
    memcpy(key + 1, f + k, len - k);
    uint32_t id;
    return lb_wordset_get(&r->words, key, len - k + 1, &id) && TM_W(r)[id].digits ? (int32_t)id : -1;
}

typedef struct mctx {
    const struct lb_time_rules *r;
    const lb_doc *doc;
    const int32_t *wid;     /* word id per token, -1 none */
    uint8_t next;           /* TM_NEXT_* bits of the token after the start (0: none in the sentence) */
    uint32_t ntok;
    uint32_t sent;
    uint8_t lang;           /* rules of this language only (1 de, 2 en); 0 all */
    const tm_rule *rule;
    /* best so far */
    uint32_t best_end, best_span;
    tm_slots best;
} mctx;

/* the best match from one start token: leftmost-longest, among equals the
 * earlier rule; slots are read only when end > the start */
typedef struct tm_best { uint32_t end, rule; tm_slots slots; } tm_best;

static void apply(const struct lb_time_rules *r, tm_slots *s, uint32_t a0, uint32_t na, int keep)
{
    for (uint32_t i = 0; i < na; i++) {
        const tm_assign *a = &TM_A(r)[a0 + i];
        if (!keep || !((s->has >> a->slot) & 1u)) slot_set(s, a->slot, a->value);
    }
}

/* Token t (capitalised) is written in lower case where it does not open a
 * sentence: it is the sentence's first word (only punctuation before it) and
 * the morphology layer does not tag it as a noun or name ("Morgen beginnt
 * der Gipfel", "Zweitägige Gespräche"; "Morgen und Abend", "Zweijährige
 * brauchen Schlaf" are nouns). Without the layer, no. */
static int lower_at_start(const lb_doc *doc, uint32_t t)
{
    if (doc->morph.len != doc->toks.len || t >= doc->toks.len) return 0;
    const lb_tok *T = LB_TOKS(doc);
    if (T[t].sent >= doc->sents.len) return 0;
    for (uint32_t k = LB_SENTS(doc)[T[t].sent].tok0; k < t; k++) if (!(T[k].flags & LB_TOK_PUNCT)) return 0;
    uint8_t u = LB_MORPH(doc)[t].upos;
    return u != LB_UPOS_NOUN && u != LB_UPOS_PROPN;
}

/* does token t match element e? fills slots s; with s NULL only answers
 * (whether an element matches does not depend on the slots) */
static inline int elem_match(const mctx *m, const tm_elem *e, uint32_t t, tm_slots *s)
{
    const lb_tok *tok = &LB_TOKS(m->doc)[t];
    if (tok->sent != m->sent) return 0;
    if (e->cas == CASE_UPPER && !(tok->flags & LB_TOK_UPPER)) return 0;
    if (e->cas == CASE_LOWER && (tok->flags & LB_TOK_UPPER) && !lower_at_start(m->doc, t)) return 0;
    const struct lb_time_rules *r = m->r;
    switch (e->kind) {
    case EL_LIT: {
        int32_t w = m->wid[t];
        if (w < 0) return 0;
        for (uint32_t i = 0; i < e->nalt; i++) if (TM_ALT(r)[e->alt0 + i] == (uint32_t)w) return 1;
        return 0;
    }
    case EL_CLASS: {
        int32_t w = m->wid[t];
        if (w < 0) return 0;
        const tm_word *wd = &TM_W(r)[w];
        for (uint32_t i = 0; i < wd->ne; i++) {
            const tm_entry *en = &TM_ENT(r)[wd->e0 + i];
            if (en->cls != e->id || en->lang != m->rule->lang) continue;
            if (s) apply(r, s, en->as0, en->nas, e->ctx);
            if (s && wd->digits) digits_count(lb_tok_norm(m->doc, tok), tok->norm_len, s, e->ctx);
            return 1;
        }
        return 0;
    }
    default: {
        if (!s) {
            tm_slots scratch;
            scratch.has = 0;
            return tm_builtin_match((int)e->id, m->doc->text + tok->start, tok->end - tok->start, tok->flags, &scratch);
        }
        if (!e->ctx) return tm_builtin_match((int)e->id, m->doc->text + tok->start, tok->end - tok->start, tok->flags, s);
        tm_slots tmp = { 0 };
        if (!tm_builtin_match((int)e->id, m->doc->text + tok->start, tok->end - tok->start, tok->flags, &tmp)) return 0;
        for (int k = 0; k < SL_NSLOTS; k++)
            if (((tmp.has >> k) & 1u) && !((s->has >> k) & 1u)) slot_set(s, k, tmp.v[k]);
        return 1;
    }
    }
}

/* (s is read only: a step that fills slots works on a copy; whether an
 * element matches does not depend on the slots, so a negated element and a
 * literal need no copy) */
static void walk(mctx *m, uint32_t ei, uint32_t t, uint32_t span, const tm_slots *s)
{
    const tm_rule *ru = m->rule;
    if (ei == ru->nelem) {
        if (span == UINT32_MAX) span = t;
        if (span > m->best_span) { m->best_end = t; m->best_span = span; m->best = *s; }
        return;
    }
    const tm_elem *e = &TM_E(m->r)[ru->elem0 + ei];
    if (e->neg) {
        if (t < m->ntok && elem_match(m, e, t, NULL)) return;
        walk(m, ei + 1, t, span, s);
        return;
    }
    if (e->ctx && span == UINT32_MAX) span = t;
    if (t < m->ntok) {
        if (e->kind == EL_LIT) {
            if (elem_match(m, e, t, NULL)) walk(m, ei + 1, t + 1, span, s);
        } else {
            tm_slots s2 = *s;
            if (elem_match(m, e, t, &s2)) walk(m, ei + 1, t + 1, span, &s2);
        }
    }
    if (e->opt) walk(m, ei + 1, t, span, s);
}

/* some path through the rule's elements from element ei at token t reaches
 * its end: walk without slots (whether an element matches does not depend on
 * them), so that the rules that fail, most of them, cost no slot copies */
static int can_match(const mctx *m, uint32_t ei, uint32_t t)
{
    const tm_rule *ru = m->rule;
    if (ei == ru->nelem) return 1;
    const tm_elem *e = &TM_E(m->r)[ru->elem0 + ei];
    if (e->neg) return !(t < m->ntok && elem_match(m, e, t, NULL)) && can_match(m, ei + 1, t);
    if (t < m->ntok && elem_match(m, e, t, NULL) && can_match(m, ei + 1, t + 1)) return 1;
    return e->opt && can_match(m, ei + 1, t);
}

static void try_key(mctx *m, size_t key, uint32_t t, tm_best *b)
{
    const struct lb_time_rules *r = m->r;
    if (key >= r->nkeys) return;
    size_t slot = (size_t)m->lang * r->nkeys + key;     /* the rules of the text's language */
    for (uint32_t i = r->idx_off[slot]; i < r->idx_off[slot + 1]; i++) {
        uint32_t ri = r->idx_rules[i];
        const tm_rule *ru = &TM_R(r)[ri];
        /* a rule that takes two tokens or more fails at once when the next one is
         * in another sentence or nothing any element can match */
        if (ru->need2 && !(m->next & ru->need2)) continue;
        m->rule = ru;
        if (!can_match(m, 0, t)) continue;
        m->best_end = 0;
        m->best_span = 0;
        tm_slots s = { 0 };
        apply(r, &s, ru->as0, ru->nas, 0);
        walk(m, 0, t, UINT32_MAX, &s);
        /* leftmost-longest span; among equals the earlier rule */
        if (m->best_span > t && (m->best_span > b->end || (m->best_span == b->end && ri < b->rule))) {
            b->end = m->best_span; b->rule = ri; b->slots = m->best;
        }
    }
}

/* the TM_NEXT_* bits of token i: what an element may match it as (0 when
 * it lies outside sentence sent, where no element matches) */
static uint8_t next_bits(const lb_doc *doc, const int32_t *wid, uint32_t i, uint32_t sent)
{
    const lb_tok *t = &LB_TOKS(doc)[i];
    if (t->sent != sent) return 0;
    unsigned char c0 = t->end > t->start ? (unsigned char)doc->text[t->start] : 0;
    return (uint8_t)((wid[i] >= 0 || (c0 >= '0' && c0 <= '9') ? TM_NEXT_LISTED : 0) |
                     ((t->flags & LB_TOK_WORD) && (t->flags & LB_TOK_UPPER) ? TM_NEXT_CAP : 0));
}

/* the best match of any rule starting at token t (a listed form or a number) */
static void match_at(mctx *m, uint32_t t, tm_best *b)
{
    const struct lb_time_rules *r = m->r;
    const lb_tok *tok = &LB_TOKS(m->doc)[t];
    size_t nw = r->wordv.len, nc = r->classes.len;
    int32_t w = m->wid[t];
    m->sent = tok->sent;
    m->next = t + 1 < m->ntok ? next_bits(m->doc, m->wid, t + 1, tok->sent) : 0;
    if (w >= 0) {
        try_key(m, (size_t)w, t, b);
        const tm_word *wd = &TM_W(r)[w];
        for (uint32_t i = 0; i < wd->ne; i++) {
            uint32_t cls = TM_ENT(r)[wd->e0 + i].cls;
            int dup = 0;
            for (uint32_t j = 0; j < i; j++) if (TM_ENT(r)[wd->e0 + j].cls == cls) dup = 1;
            if (!dup) try_key(m, nw + cls, t, b);
        }
    }
    if (tok->flags & LB_TOK_NUM) {
        for (int bi = 0; bi < BI_CAP; bi++) {
            tm_slots tmp;   /* only whether it matches counts here */
            tmp.has = 0;
            if (tm_builtin_match(bi, m->doc->text + tok->start, tok->end - tok->start, tok->flags, &tmp))
                try_key(m, nw + nc + (size_t)bi, t, b);
        }
    }
}

/* the word id of every token (-1 when not listed) into wid, and the tokens
 * where a rule may start (a form that starts one, or a number) into starts:
 * their count */
static uint32_t word_ids(const struct lb_time_rules *r, const lb_doc *doc, int32_t *wid, uint32_t *starts)
{
    uint32_t n = (uint32_t)doc->toks.len, nstart = 0;
    for (uint32_t i = 0; i < n; i++) {
        const lb_tok *t = &LB_TOKS(doc)[i];
        uint32_t id;
        const char *f = lb_tok_norm(doc, t);
        uint32_t len = t->norm_len;
        int listed = len && ((r->lenmask[(unsigned char)f[0]] >> (len < 31 ? len : 31)) & 1u);
        wid[i] = listed && lb_sigindex_get(&r->words_ix, f, len, &id) ? (int32_t)id : -1;
        if (wid[i] < 0 && (t->flags & LB_TOK_NUM)) wid[i] = digits_word(r, f, len);
        if ((wid[i] >= 0 && TM_W(r)[wid[i]].starts) || (t->flags & LB_TOK_NUM)) starts[nstart++] = i;
    }
    return nstart;
}

int tm_find(const struct lb_time_rules *r, lb_doc *doc, lb_vec *out, int32_t **wid_out)
{
    uint32_t n = (uint32_t)doc->toks.len;
    int32_t *wid = lb_arena_alloc(&doc->arena, (size_t)n * sizeof *wid + 1);
    uint32_t *starts = lb_arena_alloc(&doc->arena, (size_t)n * sizeof *starts + 1);
    if (!wid || !starts) return LB_ENOMEM;
    *wid_out = wid;
    uint32_t nstart = word_ids(r, doc, wid, starts);
    mctx m = { .r = r, .doc = doc, .wid = wid, .ntok = n, .lang = tm_doc_lang(doc) };
    uint32_t next = 0;      /* the first token after the last match */
    for (uint32_t k = 0; k < nstart; k++) {
        uint32_t t = starts[k];
        if (t < next) continue;
        tm_best b;      /* slots set with end, read only when a match was found */
        b.end = 0; b.rule = UINT32_MAX; b.slots.has = 0;
        match_at(&m, t, &b);
        if (b.end > t) {
            tm_match *mm = lb_vec_push(out, &doc->arena);
            if (!mm) return LB_ENOMEM;
            mm->tok0 = t; mm->tok1 = b.end; mm->rule = b.rule; mm->slots = b.slots;
            next = b.end;
        }
    }
    return LB_OK;
}
