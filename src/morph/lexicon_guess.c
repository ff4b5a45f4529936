/* lexicon_guess.c: readings for words the lexicon lacks. First by the
 * compound head (the longest known final part; the modifier before it must
 * itself be a plausible word), then by the suffix rules stored in the
 * lexicon file (most frequent readings of forms with the same ending). */
#include "morph/lexicon_int.h"
#include "core/limits.h"
#include "doc.h"

enum { MIN_HEAD_CHARS = 4, MIN_MOD_CHARS = 2, MAX_SUFFIX_CHARS = 5 };

typedef struct guess_out {
    lb_reading *out;
    int max, n;
    char *buf;
    size_t cap, used;
} guess_out;

static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* German case mapping of the first letter of s (n bytes), in place: ASCII
 * and the umlauts (C3 A4/B6/BC <-> C3 84/96/9C). */
static inline void change_first_case(char *dst, size_t n, int upper)
{
    if (!n) return;
    unsigned char c = (unsigned char)dst[0];
    if (upper && c >= 'a' && c <= 'z') dst[0] = (char)(c - 32);
    else if (!upper && c >= 'A' && c <= 'Z') dst[0] = (char)(c + 32);
    else if (c == 0xC3 && n > 1) {
        unsigned char d = (unsigned char)dst[1];
        if (upper && (d == 0xA4 || d == 0xB6 || d == 0xBC)) dst[1] = (char)(d - 0x20);
        else if (!upper && (d == 0x84 || d == 0x96 || d == 0x9C)) dst[1] = (char)(d + 0x20);
    }
}

/* s (n bytes) into dst with its first letter's case changed (change_first_case). */
static void set_first_case(char *dst, const char *s, size_t n, int upper)
{
    memcpy(dst, s, n);
    change_first_case(dst, n, upper);
}

static int is_upper_start(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (c >= 'A' && c <= 'Z') return 1;
    return n > 1 && c == 0xC3 && ((unsigned char)s[1] == 0x84 || (unsigned char)s[1] == 0x96 ||
                                  (unsigned char)s[1] == 0x9C);
}

static size_t count_chars(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += !is_cont((unsigned char)s[i]);
    return k;
}

/* 1 when s (n bytes) has at least k characters; reads only as far as needed
 * (it was a tenth of the guesser's instructions, on every modifier tried). */
static int has_chars(const char *s, size_t n, size_t k)
{
    for (size_t i = 0; i < n && k; i++) k -= !is_cont((unsigned char)s[i]);
    return k == 0;
}

/* lb_lexicon_has without its argument checks (most variants tried are rejected by lbx_find's inline bloom test). */
static int known(const lb_lexicon *lx, const char *s, size_t n)
{
    return n && lx->n_forms && lbx_has(lbx_find(lx, s, n, lbx_hash(s, n)));
}

/* Known as written, with its first letter in the other case, or, first
 * letter lower-cased, as a stem + "en" or + "e" (an earlier comment said
 * +n; the code has always tried +e). One copy of s serves all variants: a
 * lower-case s is upper-cased and back. */
static int known_variant(const lb_lexicon *lx, const char *s, size_t n)
{
    char tmp[LB_MAX_TOKEN_BYTES + 4];
    if (n == 0 || n > LB_MAX_TOKEN_BYTES) return 0;
    if (known(lx, s, n)) return 1;
    int upper = is_upper_start(s, n);
    set_first_case(tmp, s, n, !upper);
    if (known(lx, tmp, n)) return 1;
    if (!upper) change_first_case(tmp, n, 0);   /* s again: its first letter was lower-case or none */
    memcpy(tmp + n, "en", 2);
    return known(lx, tmp, n + 2) || known(lx, tmp, n + 1);
}

/* A modifier is plausible if it is known, or known after dropping a linking
 * element (-s-, -es-, -n-, -en-, -e-), or (depth > 0) itself two plausible parts. */
static int plausible_modifier(const lb_lexicon *lx, const char *s, size_t n, int depth)
{
    static const char *const links[] = { "es", "en", "s", "n", "e" };
    if (!has_chars(s, n, MIN_MOD_CHARS)) return 0;
    if (known_variant(lx, s, n)) return 1;
    for (size_t i = 0; i < sizeof links / sizeof *links; i++) {
        size_t l = strlen(links[i]);
        if (n > l + 2 && !memcmp(s + n - l, links[i], l) && known_variant(lx, s, n - l)) return 1;
    }
    if (depth <= 0) return 0;
    for (size_t i = 3; i + 3 <= n; i++) {
        if (is_cont((unsigned char)s[i])) continue;
        if (plausible_modifier(lx, s, i, 0) && plausible_modifier(lx, s + i, n - i, 0)) return 1;
    }
    return 0;
}

/* Appends prefix + lemma (its first letter lower-cased if lower) to buf;
 * returns the start or NULL when buf is full. */
static const char *put_lemma(guess_out *g, const char *pre, size_t pn, const char *lem, size_t ln, int lower)
{
    if (!g->buf || g->cap - g->used < pn + ln) return NULL;
    char *p = g->buf + g->used;
    memcpy(p, pre, pn);
    if (lower) set_first_case(p + pn, lem, ln, 0);
    else memcpy(p + pn, lem, ln);
    g->used += pn + ln;
    return p;
}

/* The readings of the head (slot: lbx_find's) of the wanted parts of speech
 * (bit mask by enum lb_upos), lemma = modifier + head lemma. */
static int emit_head(const lb_lexicon *lx, guess_out *g, const char *form, size_t head_off,
                     const struct lbx_slot *slot, uint32_t want, int lower)
{
    lb_reading rs[64];
    int n = lbx_readings(lx, slot, rs, 64), added = 0;
    if (n > 64) n = 64;
    const char *prev_src = NULL, *prev_dst = NULL;
    for (int i = 0; i < n && g->n < g->max; i++) {
        if (!(want >> rs[i].upos & 1)) continue;
        const char *lem = rs[i].lemma == prev_src ? prev_dst
                        : put_lemma(g, form, head_off, rs[i].lemma, rs[i].lemma_len, lower);
        if (!lem) break;
        prev_src = rs[i].lemma;
        prev_dst = lem;
        lb_reading *r = &g->out[g->n++];
        *r = rs[i];
        r->lemma = lem;
        r->lemma_len = (uint32_t)head_off + rs[i].lemma_len;
        r->guessed = 1;
        r->head_off = (uint16_t)head_off;
        added++;
    }
    return added;
}

/* Nato-Gipfel, Ost-West-Konflikt: the part after the last hyphen. */
static int guess_hyphen(const lb_lexicon *lx, guess_out *g, const char *form, size_t n)
{
    size_t h = n;
    while (h > 0 && form[h - 1] != '-') h--;
    if (h < 2 || h >= n) return 0;
    return emit_head(lx, g, form, h, lbx_find(lx, form + h, n - h, lbx_hash(form + h, n - h)), ~0u, 0);
}

/* The start of a compound's next shorter head after byte *i (start with
 * *i = 0, *seen = 0): the modifier before it has at least MIN_MOD_CHARS
 * characters and the head MIN_HEAD_CHARS (chars: the form's). 1 and *i,
 * or 0 when no head is left. */
static int next_head(const char *form, size_t n, size_t chars, size_t *i, size_t *seen)
{
    for (size_t k = *i + 1; k < n; k++) {
        if (is_cont((unsigned char)form[k])) continue;
        if (++*seen < MIN_MOD_CHARS) continue;
        if (chars - *seen < MIN_HEAD_CHARS) return 0;
        *i = k;
        return 1;
    }
    return 0;
}

/* The compound heads of a form, longest first: where each starts and the
 * hash of the head as looked up (capitalised after a capitalised form). */
typedef struct heads {
    size_t k, at[LB_MAX_TOKEN_BYTES];
    uint64_t h[LB_MAX_TOKEN_BYTES];
} heads;

/* Fills hs for form w (a copy: the head's first letter is capitalised in
 * place for hashing, then restored) and prefetches the heads' bloom words:
 * each is a likely cache miss, and they are independent. */
static void find_heads(const lb_lexicon *lx, char *w, size_t n, int noun, heads *hs)
{
    size_t i = 0, seen = 0, chars = count_chars(w, n);
    hs->k = 0;
    while (next_head(w, n, chars, &i, &seen)) {
        char c0 = w[i], c1 = w[i + 1];              /* w has a byte after the form */
        if (noun) change_first_case(w + i, n - i, 1);
        hs->at[hs->k] = i;
        hs->h[hs->k] = lbx_hash(w + i, n - i);
        w[i] = c0;
        w[i + 1] = c1;
        __builtin_prefetch(lbx_bloom_word(lx, hs->h[hs->k++]));
    }
}

/* The slot of head j of hs when it has readings, else NULL (the bloom filter
 * rejects most heads before any string is built). */
static const struct lbx_slot *head_slot(const lb_lexicon *lx, const char *form, size_t n, int noun, const heads *hs, size_t j)
{
    char head[LB_MAX_TOKEN_BYTES + 4];
    if (!lbx_bloom_may(lx, hs->h[j])) return NULL;
    size_t i = hs->at[j];
    if (noun) set_first_case(head, form + i, n - i, 1);
    else memcpy(head, form + i, n - i);
    const struct lbx_slot *slot = lbx_find(lx, head, n - i, hs->h[j]);
    return lbx_has(slot) ? slot : NULL;
}

/* Waffenlieferungen -> Lieferungen (lemma Waffenlieferung); lower-case words
 * by an adjective or verb head (umweltfreundlichen, eingedeckt -> eindecken).
 * Longest head first. */
static int guess_compound(const lb_lexicon *lx, guess_out *g, const char *form, size_t n)
{
    char w[LB_MAX_TOKEN_BYTES + 4];
    heads hs;
    int noun = is_upper_start(form, n);
    memcpy(w, form, n);
    w[n] = 0;
    find_heads(lx, w, n, noun, &hs);
    for (size_t j = 0; j < hs.k; j++) {
        const struct lbx_slot *slot = head_slot(lx, form, n, noun, &hs, j);
        if (!slot || !plausible_modifier(lx, form, hs.at[j], 1)) continue;
        uint32_t want = noun ? 1u << LB_UPOS_NOUN : (1u << LB_UPOS_ADJ | 1u << LB_UPOS_VERB);
        int k = emit_head(lx, g, form, hs.at[j], slot, want, noun);
        if (k) return k;
    }
    return 0;
}

/* Suffix key: 'U' or 'l' + the last k characters, lower-cased (ASCII, umlauts). */
static size_t suffix_key(char *key, const char *form, size_t n, size_t k, int upper)
{
    size_t start = n, got = 0;
    while (start > 0 && got < k) {
        start--;
        if (!is_cont((unsigned char)form[start])) got++;
    }
    if (got < k) return 0;
    key[0] = upper ? 'U' : 'l';
    size_t len = n - start;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)form[start + i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        else if (i > 0 && (unsigned char)form[start + i - 1] == 0xC3 && (c == 0x84 || c == 0x96 || c == 0x9C))
            c = (unsigned char)(c + 0x20);
        key[1 + i] = (char)c;
    }
    return len + 1;
}

/* The readings of suffix key s's rules: their tags, lemma = the form minus
 * the rule's cut bytes + its appended string. A rule with the previous
 * one's cut and string shares its lemma (most do: one lemma, several
 * tags); the buffer is still charged for each rule, so that a full buffer
 * stops at the same rule as when every lemma was copied. */
static void emit_rules(const lb_lexicon *lx, guess_out *g, const char *form, size_t n, uint32_t s)
{
    uint32_t r0 = lbx_at(lx->suf_rule, s), r1 = lbx_at(lx->suf_rule, s + 1), prev_app = 0;
    size_t prev_cut = 0, charged = g->used;
    const char *lem = NULL;
    for (uint32_t i = r0; i < r1 && g->n < g->max; i++) {
        const unsigned char *rule = lx->rules + 8 * (size_t)i;
        size_t cut = rule[6];
        if (cut > n) continue;
        uint32_t alen, app_id = lbx_u32(rule);
        const char *app = lbx_lemma(lx, app_id, &alen);
        if (!g->buf || g->cap - charged < n - cut + alen) break;
        charged += n - cut + alen;
        if (!lem || app_id != prev_app || cut != prev_cut) lem = put_lemma(g, form, n - cut, app, alen, 0);
        prev_app = app_id;
        prev_cut = cut;
        lb_reading *r = &g->out[g->n++];
        lbx_tag(lx, lbx_u16(rule + 4), r);
        r->lemma = lem;
        r->lemma_len = (uint32_t)(n - cut + alen);
        r->guessed = 2;
        r->head_off = 0;
    }
}

static int guess_suffix(const lb_lexicon *lx, guess_out *g, const char *form, size_t n)
{
    char key[4 * MAX_SUFFIX_CHARS + 2];
    int upper = is_upper_start(form, n);
    size_t chars = count_chars(form, n);
    for (size_t k = MAX_SUFFIX_CHARS; k >= 1; k--) {
        if (chars < k + 2) continue;
        size_t kn = suffix_key(key, form, n, k, upper);
        int64_t s = kn ? lbx_find_suffix(lx, key, kn) : -1;
        if (s < 0) continue;
        emit_rules(lx, g, form, n, (uint32_t)s);
        return g->n;
    }
    return 0;
}

/* One reading with the form itself as lemma. */
static void emit_self(guess_out *g, const char *form, size_t n, int upos, uint32_t feats)
{
    if (g->n >= g->max) return;
    lb_reading *r = &g->out[g->n++];
    *r = (lb_reading){ .lemma = form, .lemma_len = (uint32_t)n, .feats = feats, .upos = (uint8_t)upos,
                       .guessed = 2 };
}

/* 1990, 3,5 -> NUM; 67. -> an ordinal (ADJ) or a number ending a sentence. */
static int guess_number(guess_out *g, const char *form, size_t n)
{
    if (form[0] < '0' || form[0] > '9') return 0;
    for (size_t i = 0; i < n; i++)
        if (!((form[i] >= '0' && form[i] <= '9') || ((form[i] == '.' || form[i] == ',') && i > 0)))
            return 0;
    if (form[n - 1] == '.') emit_self(g, form, n, LB_UPOS_ADJ, 0);
    emit_self(g, form, n, LB_UPOS_NUM, 0);
    return g->n;
}

/* The lexicon's readings of a variant spelling, marked guessed=2 (lemmas stay borrowed). */
static int emit_variant(const lb_lexicon *lx, guess_out *g, const char *v, size_t n)
{
    int k = lb_lexicon_lookup(lx, v, n, g->out + g->n, g->max - g->n);
    if (k > g->max - g->n) k = g->max - g->n;
    for (int i = 0; i < k; i++) g->out[g->n + i].guessed = 2;
    g->n += k;
    return k;
}

/* Spelling variants: ss for ß (Swiss spelling: grosse -> große; returns 2),
 * else a capitalised word in lower case (Republikanischen in names; 1).
 * absent (NULL, or n bytes): a spelling the caller found without readings,
 * not looked up again. */
static int guess_variant(const lb_lexicon *lx, guess_out *g, const char *form, size_t n, const char *absent)
{
    char tmp[LB_MAX_TOKEN_BYTES + 4];
    for (size_t i = 0; i + 1 < n; i++) {
        if (form[i] != 's' || form[i + 1] != 's') continue;
        memcpy(tmp, form, i);
        memcpy(tmp + i, "\xC3\x9F", 2);                  /* ß has two bytes, like ss */
        memcpy(tmp + i + 2, form + i + 2, n - i - 2);
        if (emit_variant(lx, g, tmp, n)) return 2;
    }
    if (is_upper_start(form, n)) {
        set_first_case(tmp, form, n, 0);
        if (!(absent && !memcmp(tmp, absent, n)) && emit_variant(lx, g, tmp, n)) return 1;
    }
    return 0;
}

int lb_lexicon_guess(const lb_lexicon *lx, const char *form, size_t n, lb_reading *out, int max,
                     char *buf, size_t cap)
{
    return lbx_guess(lx, form, n, out, max, buf, cap, NULL);
}

int lbx_guess(const lb_lexicon *lx, const char *form, size_t n, lb_reading *out, int max, char *buf, size_t cap,
              const char *absent)
{
    guess_out g = { .out = out, .max = max, .buf = buf, .cap = cap };
    if (!lx || !form || n == 0 || n > LB_MAX_TOKEN_BYTES || max <= 0) return 0;
    if (guess_number(&g, form, n)) return g.n;
    if (memchr(form, '-', n)) {
        if (guess_hyphen(lx, &g, form, n)) return g.n;
    } else if (guess_compound(lx, &g, form, n)) {
        return g.n;
    }
    int variant = guess_variant(lx, &g, form, n, absent);
    if (variant == 0 || (variant == 1 && is_upper_start(form, n))) guess_suffix(lx, &g, form, n);
    if (is_upper_start(form, n)) emit_self(&g, form, n, LB_UPOS_PROPN, 0);   /* a name? the tagger decides */
    return g.n;
}
