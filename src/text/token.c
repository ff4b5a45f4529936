/* token.c: splits the body spans of a document into tokens with byte offsets
 * and folded forms. Handles German compounds with hyphens (US-Außenminister,
 * Staats- und), ordinals (22. März), numbers (1.000, 3,5), dotted
 * abbreviations (U.S., z.B.), dictionary abbreviations (Dr., usw.),
 * apostrophes, URLs and typographic quotes. No allocation per token: tokens
 * and folded forms live in the document's arena; doc->norm starts as a copy
 * of the text and most tokens fold in place. The common tokens (plain words,
 * end marks, commas and simple signs) are taken by fast_tokens, the others by
 * next_token, with the same result. It does not split sentences. */
#include "text/text.h"
#include "text/charclass.h"
#include "text/fold_ascii.h"
#include "ctx.h"
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef struct scan {
    lb_doc *doc;
    const struct lb_text_dicts *dicts;
    const char *t;
    size_t end;          /* end of the current body span */
    int tex_quotes;      /* `` and '' are one token each */
} scan;

/* room for need more bytes of folded forms (the array moves when it grows) */
static inline int norm_reserve(lb_doc *doc, size_t need)
{
    if (doc->norm_cap - doc->norm_len >= need) return 0;
    size_t ncap = doc->norm_cap ? doc->norm_cap * 2 : 4096;
    while (ncap - doc->norm_len < need) ncap *= 2;
    char *nn = lb_arena_alloc(&doc->arena, ncap);
    if (!nn) return -1;
    if (doc->norm_len) memcpy(nn, doc->norm, doc->norm_len);
    doc->norm = nn; doc->norm_cap = ncap;
    return 0;
}

/* The folded form of token [a, a + n): in place over its copy of the text in
 * doc->norm (see reserve) when it is no longer than the token, else appended
 * after the copy; the text itself when it cannot be folded. */
static int norm_fold(lb_doc *doc, const char *text, lb_tok *tok, size_t a, size_t n)
{
    char *at = doc->norm + a;
    const char *src = text + a;
    size_t m = lb_fold(at, n, src, n);          /* (which tries ASCII first) */
    tok->norm = (uint32_t)a;
    tok->norm_len = (uint32_t)(m ? m : n);
    if (m) return 0;
    memcpy(at, src, n);                 /* undo a partial fold */
    if (norm_reserve(doc, n * 3 + 8)) return -1;
    m = lb_fold(doc->norm + doc->norm_len, doc->norm_cap - doc->norm_len, src, n);
    if (!m) return 0;                   /* too long to fold: the text */
    tok->norm = (uint32_t)doc->norm_len;
    tok->norm_len = (uint32_t)m;
    doc->norm_len += m;
    return 0;
}

/* The folded form of a plain word (plain_word) at a: its copy in doc->norm
 * with the first letter lowered (A-Z, À..Þ); a comma is its own. */
static inline void norm_plain(char *norm, const char *t, lb_tok *tok, size_t a, size_t n)
{
    norm[a + ((unsigned char)t[a] == 0xC3)] |= 0x20;
    tok->norm = (uint32_t)a;
    tok->norm_len = (uint32_t)n;
}

/* The class of the non-ASCII character at i: U+0080..U+00FF and general
 * punctuation (U+2000..U+203F) from the tables of lb_text_dicts, the rest
 * through utf8proc. */
static enum lb_cc cc_at_slow(const scan *s, size_t i, int32_t *cp, size_t *len)
{
    const unsigned char *t = (const unsigned char *)s->t;
    int32_t c;
    size_t l;
    enum lb_cc cc;
    if ((t[i] == 0xC2 || t[i] == 0xC3) && i + 1 < s->end && (t[i + 1] & 0xC0) == 0x80) {
        c = (int32_t)((t[i] & 0x1F) << 6 | (t[i + 1] & 0x3F)); l = 2;
        cc = (enum lb_cc)s->dicts->cc_latin1[c - 0x80];
    } else if (t[i] == 0xE2 && i + 2 < s->end && t[i + 1] == 0x80 && (t[i + 2] & 0xC0) == 0x80) {
        c = 0x2000 + (t[i + 2] & 0x3F); l = 3;
        cc = (enum lb_cc)s->dicts->cc_punct[c - 0x2000];
    } else {
        l = lb_cp_at(s->t, s->end, i, &c);
        cc = lb_cc_of(c);
    }
    if (cp) *cp = c;
    if (len) *len = l;
    return cc;
}

/* The class of the character at i (its code point and length when asked). */
static inline enum lb_cc cc_at(const scan *s, size_t i, int32_t *cp, size_t *len)
{
    unsigned char b = (unsigned char)s->t[i];
    if (b >= 0x80) return cc_at_slow(s, i, cp, len);
    if (cp) *cp = b;
    if (len) *len = 1;
    return (enum lb_cc)lb_cc_ascii[b];
}

static int is_hyphen(const scan *s, size_t i, size_t *len)
{
    if (s->t[i] == '-') { *len = 1; return 1; }
    /* U+2011 non-breaking hyphen: E2 80 91 */
    if (i + 2 < s->end && (unsigned char)s->t[i] == 0xE2 && (unsigned char)s->t[i + 1] == 0x80 &&
        (unsigned char)s->t[i + 2] == 0x91) { *len = 3; return 1; }
    return 0;
}

static int is_apostrophe(const scan *s, size_t i, size_t *len)
{
    if (s->t[i] == '\'') { *len = 1; return 1; }
    if (i + 2 < s->end && (unsigned char)s->t[i] == 0xE2 && (unsigned char)s->t[i + 1] == 0x80 &&
        (unsigned char)s->t[i + 2] == 0x99) { *len = 3; return 1; }   /* U+2019 */
    return 0;
}

/* The word that starts at i (after spaces), as [*ws, *we). 0 when none. */
static int next_word(const scan *s, size_t i, size_t *ws, size_t *we)
{
    while (i < s->end && (s->t[i] == ' ' || s->t[i] == '\t')) i++;
    size_t j = i;
    while (j < s->end) {
        size_t l;
        enum lb_cc c = cc_at(s, j, NULL, &l);
        if (!lb_cc_wordlike(c)) break;
        j += l;
    }
    *ws = i; *we = j;
    return j > i;
}

/* "U.S.", "z.B.", "D.C.", "e.V.": 1-3 ASCII letters and a period, twice or more. */
static size_t dotted_abbrev(const scan *s, size_t i)
{
    size_t j = i, groups = 0;
    while (j - i + 4 <= LB_MAX_TOKEN_BYTES) {       /* a token is at most LB_MAX_TOKEN_BYTES long */
        size_t k = j;
        while (k < s->end && k - j < 4 && ((s->t[k] >= 'a' && s->t[k] <= 'z') || (s->t[k] >= 'A' && s->t[k] <= 'Z'))) k++;
        if (k == j || k - j > 3 || k >= s->end || s->t[k] != '.') break;
        j = k + 1; groups++;
    }
    if (groups < 2) return 0;
    /* must not run on into a word: "U.S.A" is fine, "z.B.das" is not a token */
    return j - i;
}

static int fold_lookup(const lb_sigindex *set, const char *p, size_t n, uint32_t *value)
{
    char buf[LB_MAX_TOKEN_BYTES * 3];
    size_t m = lb_fold(buf, sizeof buf, p, n);
    return m && lb_sigindex_get(set, buf, m, value);
}

/* a new token [a, b), its folded form still to be appended */
static inline lb_tok *push_tok(scan *s, size_t a, size_t b, uint32_t flags)
{
    lb_doc *doc = s->doc;
    if (doc->toks.len >= LB_MAX_TOKENS) return NULL;
    lb_tok *tok;
    if (doc->toks.len < doc->toks.cap) {           /* lb_vec_push without the call */
        tok = (lb_tok *)doc->toks.items + doc->toks.len++;
    } else if (!(tok = lb_vec_push(&doc->toks, &doc->arena))) {
        return NULL;
    }
    *tok = (lb_tok){ .start = (uint32_t)a, .end = (uint32_t)b, .flags = flags };
    return tok;
}

/* a token [a, b) with its folded form */
static lb_tok *emit(scan *s, size_t a, size_t b, uint32_t flags)
{
    lb_tok *tok = push_tok(s, a, b, flags);
    if (!tok || norm_fold(s->doc, s->t, tok, a, b - a)) return NULL;
    return tok;
}

/* a plain word [a, b) (plain_word) with its folded form */
static inline int emit_plain(scan *s, size_t a, size_t b, uint32_t flags)
{
    lb_tok *tok = push_tok(s, a, b, flags);
    if (tok) norm_plain(s->doc->norm, s->t, tok, a, b - a);
    return tok != NULL;
}


/* The end of the run of ASCII lower-case letters in t[i..lim), sixteen
 * (SSE2: signed compares leave bytes from 0x80 out) or eight bytes at a time
 * where it can: of bytes below 0x80, c + 0x1F has its high bit set when
 * c >= 'a', c + 0x05 when c > 'z'. */
static inline size_t lower_run(const char *t, size_t i, size_t lim)
{
#if defined(__SSE2__)
    const __m128i before_a = _mm_set1_epi8('a' - 1), after_z = _mm_set1_epi8('z' + 1);
    while (i + 16 <= lim) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(x, before_a), _mm_cmplt_epi8(x, after_z)));
        if (m != 0xFFFF) return i + (size_t)__builtin_ctz(~m);
        i += 16;
    }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t hi = 0x8080808080808080ull;
    while (i + 8 <= lim) {
        uint64_t x;
        memcpy(&x, t + i, 8);
        uint64_t low7 = x & ~hi;
        uint64_t lower = (low7 + 0x1F1F1F1F1F1F1F1Full) & ~(low7 + 0x0505050505050505ull) & ~x & hi;
        if (lower != hi) return i + (size_t)__builtin_ctzll(~lower & hi) / 8;
        i += 8;
    }
#endif
    while (i < lim && t[i] >= 'a' && t[i] <= 'z') i++;
    return i;
}

/* A Latin-1 letter at j in UTF-8 (C3 xx) that folding leaves alone: à..ÿ
 * but ÷ (a sign) and ß (folds to ss) */
static inline int latin1_lower_at(const char *t, size_t j, size_t lim)
{
    if (j + 1 >= lim || (unsigned char)t[j] != 0xC3) return 0;
    unsigned char d = (unsigned char)t[j + 1];
    return d >= 0xA0 && d <= 0xBF && d != 0xB7;
}

/* The bytes that end a plain word: space, comma, line feed. */
static inline int plain_end(unsigned char c)
{
    return c <= ',' && ((uint64_t)1 << ' ' | (uint64_t)1 << ',' | (uint64_t)1 << '\n') >> c & 1;
}

/* A plain word at i: a letter (ASCII or Latin-1: À..Þ, à..ÿ, not ß), then
 * lower-case letters (ASCII, à..ÿ but ß) up to a space, comma or line end,
 * shorter than LB_MAX_TOKEN_BYTES. Most words are, and none of scan_word's
 * cases (URL, hyphen, apostrophe, abbreviation, digits, capitals, other
 * Unicode) applies to them; folding only lowers the first letter. Its end,
 * else 0. (Other ends would be as plain, but testing for them costs more
 * than it saves.) The run is scanned to the span's end and its length
 * tested after. */
static inline size_t plain_word(const char *t, size_t i, size_t end)
{
    size_t j;
    unsigned char c = (unsigned char)t[i];
    if ((unsigned char)((c | 0x20) - 'a') < 26) {
        j = i + 1;
    } else if (c == 0xC3 && i + 1 < end) {
        unsigned char d = (unsigned char)t[i + 1];
        if (d < 0x80 || d > 0xBF || d == 0x97 || d == 0x9F || d == 0xB7) return 0;   /* × ß ÷ */
        j = i + 2;
    } else {
        return 0;
    }
    for (;;) {
        j = lower_run(t, j, end);
        if (!latin1_lower_at(t, j, end)) break;
        j += 2;
    }
    if (j >= end || j - i >= LB_MAX_TOKEN_BYTES || !plain_end((unsigned char)t[j])) return 0;
    return j;
}

/* whether the plain word at i starts with an upper-case letter */
static inline int plain_upper(const char *t, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    return c == 0xC3 ? (unsigned char)t[i + 1] < 0xA0 : c <= 'Z';
}

/* What the characters of a word told while it was scanned. */
typedef struct word_shape {
    size_t letters, uppers;
    int digits_only, has_digit;
    enum lb_cc prev;            /* the class of the last character taken */
} word_shape;

/* A dotted abbreviation of dl bytes at i ("U.S.", "z.B."): its end. */
static size_t take_dotted(const scan *s, size_t i, size_t dl, uint32_t *flags)
{
    const char *t = s->t;
    uint32_t kind = LB_ABBR_END;
    fold_lookup(&s->dicts->abbrev_index, t + i, dl - 1, &kind);
    *flags |= LB_TOK_WORD | LB_TOK_ABBREV | (kind & LB_ABBR_END ? LB_TOK_ABBR_END : 0) |
              ((t[i] >= 'A' && t[i] <= 'Z') ? LB_TOK_UPPER | LB_TOK_ALLCAPS : 0);
    return i + dl;
}

/* A hyphen of hl bytes at *j inside a word: 1 when the word goes on after
 * it (*j past the hyphen), 0 when the word ends; a truncation hyphen
 * ("Staats- und", "Ost-, West-") then belongs to it. */
static int hyphen_joins(const scan *s, size_t *j, size_t hl, word_shape *w, uint32_t *flags)
{
    const char *t = s->t;
    size_t k = *j + hl;
    if (k < s->end && lb_cc_wordlike(cc_at(s, k, NULL, NULL))) {
        *j = k; *flags |= LB_TOK_HYPHEN; w->digits_only = 0;
        return 1;
    }
    if (!lb_cc_letter(w->prev) && w->prev != CC_MARK) return 0;
    size_t ws, we;
    if ((k < s->end && t[k] == ',') ||
        (k < s->end && t[k] == ' ' && next_word(s, k, &ws, &we)
         && lb_wordset_get(&s->dicts->trunc_followers, t + ws, we - ws, NULL))) {
        *j = k; *flags |= LB_TOK_TRUNC;
    }
    return 0;
}

/* An apostrophe of al bytes at *j after a letter: 1 when the word goes on
 * after it ("O'Brien", *j past it); 0 before an English possessive 's,
 * which is a token of its own, and where no letter follows. */
static int apostrophe_joins(const scan *s, size_t *j, size_t al)
{
    const char *t = s->t;
    size_t k = *j + al;
    if (!(k < s->end && lb_cc_letter(cc_at(s, k, NULL, NULL)))) return 0;
    if ((t[k] == 's' || t[k] == 'S') && (k + 1 >= s->end || !lb_cc_wordlike(cc_at(s, k + 1, NULL, NULL)))) return 0;
    *j = k;
    return 1;
}

/* One letter, digit or mark of class c and l bytes counted into w. */
static inline void count_char(word_shape *w, enum lb_cc c, uint32_t *flags)
{
    if (lb_cc_letter(c)) {
        if (!w->letters && c == CC_UPPER) *flags |= LB_TOK_UPPER;
        w->letters++;
        if (c == CC_UPPER) w->uppers++;
        w->digits_only = 0;
    } else if (c == CC_DIGIT) {
        w->has_digit = 1;
    }                           /* a mark keeps the class of the previous character */
    w->prev = c;
}

/* The end of the word's characters from i: letters, digits and marks, with
 * inner hyphens, digit separators (1.000, 3,5) and apostrophes. */
static inline size_t word_chars(const scan *s, size_t i, word_shape *w, uint32_t *flags)
{
    const char *t = s->t;
    size_t j = i;
    size_t lim = s->end - i < LB_MAX_TOKEN_BYTES ? s->end : i + LB_MAX_TOKEN_BYTES;
    while (j < lim) {
        if (t[j] >= 'a' && t[j] <= 'z') {  /* fast path: a run of ASCII lower-case letters */
            size_t k = lower_run(t, j + 1, lim);
            w->letters += k - j;
            w->digits_only = 0;
            w->prev = CC_LOWER;
            j = k;
            continue;
        }
        size_t l, hl, al;
        enum lb_cc c = cc_at(s, j, NULL, &l);
        if (lb_cc_wordlike(c)) { count_char(w, c, flags); j += l; continue; }
        if (c == CC_SPACE || c == CC_NEWLINE) break;        /* the common end, none of the below */
        if (is_hyphen(s, j, &hl)) {
            if (hyphen_joins(s, &j, hl, w, flags)) continue;
            break;
        }
        if ((t[j] == '.' || t[j] == ',') && w->prev == CC_DIGIT && j + 1 < s->end && t[j + 1] >= '0' && t[j + 1] <= '9') { j++; continue; }
        if (is_apostrophe(s, j, &al) && lb_cc_letter(w->prev) && apostrophe_joins(s, &j, al)) continue;
        break;
    }
    return j;
}

/* The kind of the word from its shape: word, number, all capitals. */
static inline void shape_flags(const char *t, size_t i, const word_shape *w, uint32_t *flags)
{
    if (w->letters) *flags |= LB_TOK_WORD;
    if (!w->letters && w->has_digit) *flags |= LB_TOK_NUM;
    else if (w->has_digit && t[i] >= '0' && t[i] <= '9') *flags |= LB_TOK_NUM;
    if (w->letters > 1 && w->uppers == w->letters) *flags |= LB_TOK_ALLCAPS;
}

/* A word of letters [i, j) before a period: j + 1 when the period is part of
 * it (an abbreviation, also at the end of a compound "Zimmermann-Str.", or
 * an initial), else j. */
static size_t abbrev_period(const scan *s, size_t i, size_t j, const word_shape *w, uint32_t *flags)
{
    const char *t = s->t;
    uint32_t kind;
    size_t seg = j;
    while (seg > i && t[seg - 1] != '-') seg--;
    if (fold_lookup(&s->dicts->abbrev_index, t + seg, j - seg, &kind)) {
        *flags |= LB_TOK_ABBREV | (kind & LB_ABBR_END ? LB_TOK_ABBR_END : 0);
        return j + 1;
    }
    if (w->letters == 1 && w->uppers == 1 && j - i <= 2) { *flags |= LB_TOK_ABBREV; return j + 1; }  /* initial */
    return j;
}

/* Whether the token before i is a German article or preposition ("die 27.
 * Große Strafkammer", "am 3. Oktober"). */
static int after_german_function_word(const scan *s, size_t i)
{
    if (!s->doc->toks.len) return 0;
    const lb_tok *pt = &LB_TOKS(s->doc)[s->doc->toks.len - 1];
    uint32_t bits;
    return pt->end < i && lb_text_function_word(s->dicts, lb_tok_norm(s->doc, pt), pt->norm_len, &bits) &&
           bits == LB_LANG_DE;
}

/* The word [ws, we) is a German function word (the capital of a sentence's
 * first word folded away): an ordinal is followed by its noun or an
 * adjective, never by one ("stieg auf 92. Der Anteil"). */
static int german_function_word_at(const scan *s, size_t ws, size_t we)
{
    char f[32];
    uint32_t bits;
    size_t n = we - ws < sizeof f ? lb_fold(f, sizeof f, s->t + ws, we - ws) : 0;
    return n && lb_text_function_word(s->dicts, f, n, &bits) && bits == LB_LANG_DE;
}

/* Digits [i, j) before a period: j + 1 when it is an ordinal ("22. März",
 * "3. oktober", "1. Startseite" at a line start, "am 3. Oktober"; not
 * before a function word), else j. */
static size_t ordinal_period(const scan *s, size_t i, size_t j, uint32_t *flags, int line_start)
{
    const char *t = s->t;
    size_t ws, we;
    if (!next_word(s, j + 1, &ws, &we)) return j;
    uint32_t month;
    int lower_next = cc_at(s, ws, NULL, NULL) == CC_LOWER;
    int month_next = we - ws <= 12 && fold_lookup(&s->dicts->months_index, t + ws, we - ws, &month);
    int list_item = line_start && j - i <= 2 && j + 1 < s->end && t[j + 1] == ' ';
    if (lower_next || month_next || list_item ||
        (after_german_function_word(s, i) && !german_function_word_at(s, ws, we))) {
        *flags |= LB_TOK_ORDINAL;
        return j + 1;
    }
    return j;
}

/* A period at j after the word [i, j): the end of the token. */
static size_t word_period(const scan *s, size_t i, size_t j, const word_shape *w, uint32_t *flags, int line_start)
{
    const char *t = s->t;
    if (w->letters && !w->has_digit) return abbrev_period(s, i, j, w, flags);
    if (w->digits_only && j - i <= 3) return ordinal_period(s, i, j, flags, line_start);
    if (w->has_digit && !w->letters && j - i > 3 && memchr(t + i, '.', j - i)) {
        size_t ws, we;          /* "22.03." before a lower-case word */
        if (next_word(s, j + 1, &ws, &we) && cc_at(s, ws, NULL, NULL) == CC_LOWER) { *flags |= LB_TOK_ORDINAL; return j + 1; }
    }
    return j;
}

static int ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

/* A host name written without a scheme at i ("tagesschau.de",
 * "news.bbc.co.uk", "Spiegel.de/politik"): ASCII labels of letters, digits
 * and inner hyphens joined by periods with no space, the first of two
 * characters or more, the last (the top-level domain) of two to four
 * lower-case letters, then a path up to the next space; its length, 0 when
 * it is none. Abbreviations (z.B., u.a., d.h.) have one-letter labels or
 * end on an upper-case one; a missing space after a sentence's period is
 * followed by an upper-case word, elsewhere mostly by a function word. */
static size_t scan_host(const scan *s, size_t i)
{
    const char *t = s->t;
    size_t lim = s->end - i < LB_MAX_TOKEN_BYTES ? s->end : i + LB_MAX_TOKEN_BYTES;
    size_t j = i, labels = 0, last = i, first_len = 0;
    for (;;) {
        size_t k = j;
        while (k < lim && (ascii_alnum(t[k]) || (t[k] == '-' && k > j && k + 1 < lim && ascii_alnum(t[k + 1])))) k++;
        if (k == j || (k >= lim && lim < s->end)) return 0;     /* an empty label, or longer than a token may be */
        if (!labels++) first_len = k - j;
        last = j; j = k;
        if (!(j + 1 < lim && t[j] == '.' && ascii_alnum(t[j + 1]))) break;
        j++;
    }
    if (labels < 2 || first_len < 2 || j - last < 2 || j - last > 4) return 0;
    for (size_t k = last; k < j; k++) if (t[k] < 'a' || t[k] > 'z') return 0;
    if (german_function_word_at(s, last, j)) return 0;  /* a space left out: "im Bericht.der Unesco" */
    if (j < s->end && t[j] == '/') {                /* a path */
        for (size_t l; j < lim; j += l) {         /* (a character across the cap ends it) */
            enum lb_cc c = cc_at(s, j, NULL, &l);
            if (c == CC_SPACE || c == CC_NEWLINE || j + l > lim) break;
        }
        while (j > i && t[j - 1] && strchr(".,;:!?)]\"'", t[j - 1])) j--;
    } else if (j < s->end && (unsigned char)t[j] >= 0x80 && lb_cc_wordlike(cc_at(s, j, NULL, NULL))) {
        return 0;                                   /* the label goes on in a letter beyond ASCII */
    }
    return j - i;
}

/* Scans a word-like token starting at i; returns its end and sets flags. */
static size_t scan_word(scan *s, size_t i, uint32_t *flags, int line_start)
{
    const char *t = s->t;
    word_shape w = { 0, 0, 1, 0, CC_SPACE };
    size_t j = word_chars(s, i, &w, flags);
    if (j + 1 < s->end && (t[j] == '.' || t[j] == '-') && ascii_alnum(t[j + 1]) && ascii_alnum(t[i])) {
        size_t hl = scan_host(s, i);
        if (hl) { shape_flags(t, i, &w, flags); *flags |= LB_TOK_URL; return i + hl; }
    }
    /* a dotted abbreviation's first group is a word of 1-3 ASCII letters
     * before a period (the scan has set no flag that it does not set) */
    if (j - i <= 3 && j < s->end && t[j] == '.') {
        size_t dl = dotted_abbrev(s, i);
        if (dl) return take_dotted(s, i, dl, flags);
    }
    shape_flags(t, i, &w, flags);
    /* a period that may belong to the token (not "..." and not after a truncation hyphen) */
    if (j < s->end && t[j] == '.' && !(*flags & LB_TOK_TRUNC) && !(j + 1 < s->end && t[j + 1] == '.'))
        return word_period(s, i, j, &w, flags, line_start);
    return j;
}

static int starts_with(const scan *s, size_t i, const char *p)
{
    size_t n = strlen(p);
    return s->end - i >= n && strncasecmp(s->t + i, p, n) == 0;
}

static size_t scan_url(const scan *s, size_t i)
{
    char c0 = s->t[i] | 0x20, c1 = i + 1 < s->end ? (char)(s->t[i + 1] | 0x20) : 0;
    if (!(c0 == 'h' && c1 == 't') && !(c0 == 'w' && c1 == 'w')) return 0;
    if (!(starts_with(s, i, "http://") || starts_with(s, i, "https://") || starts_with(s, i, "www."))) return 0;
    size_t j = i;
    while (j < s->end && j - i < LB_MAX_TOKEN_BYTES) {
        size_t l;
        enum lb_cc c = cc_at(s, j, NULL, &l);
        if (c == CC_SPACE || c == CC_NEWLINE) break;
        j += l;
    }
    while (j > i && strchr(".,;:!?)]\"'", s->t[j - 1])) j--;
    return j - i;
}

/* Quote marks: code point -> open/close ability. Context decides the ambiguous ones. */
static uint32_t quote_flags(int32_t cp, int space_before, int space_after)
{
    switch (cp) {
    case 0x201E: case 0x201A: return LB_TOK_QUOTE | LB_TOK_QOPEN;              /* „ ‚ */
    case 0x201D: return LB_TOK_QUOTE | LB_TOK_QCLOSE;                          /* ” */
    case 0x201C: case 0x2018: case 0x00BB: case 0x00AB: case '"': case '\'': case 0x2019: case 0x201F: case 0x2039: case 0x203A:
        if (space_before && !space_after) return LB_TOK_QUOTE | LB_TOK_QOPEN;
        if (!space_before && space_after) return LB_TOK_QUOTE | LB_TOK_QCLOSE;
        if (cp == 0x201C || cp == 0x2019) return LB_TOK_QUOTE | LB_TOK_QCLOSE;  /* German closing “ */
        return LB_TOK_QUOTE | LB_TOK_QOPEN | LB_TOK_QCLOSE;
    default: return 0;
    }
}

/* A quotation mark, bracket or other sign cp of l bytes at i: its end; flags set. */
static size_t scan_mark(const scan *s, size_t i, size_t l, int32_t cp, int space_before, uint32_t *flags)
{
    const char *t = s->t;
    size_t b = s->end, j = i + l;
    /* TeX-style quotes `` '' as in German treebanks; only in texts declared
     * German, where they are one token (English event rules count tokens) */
    if ((cp == '`' || cp == '\'') && j < b && t[j] == (char)cp && s->tex_quotes) j++;
    int space_after = j >= b || lb_cc_of((int32_t)(unsigned char)t[j]) == CC_SPACE || t[j] == '\n';
    if (j < b && (unsigned char)t[j] >= 0x80) {
        int32_t ncp; lb_cp_at(t, b, j, &ncp);
        enum lb_cc nc = lb_cc_of(ncp);
        space_after = nc == CC_SPACE || nc == CC_NEWLINE;
    }
    uint32_t q = quote_flags(cp, space_before, space_after);
    *flags |= LB_TOK_PUNCT | q;
    if (cp == '(' || cp == '[' || cp == '{') *flags |= LB_TOK_BRACKET_OPEN;
    if (cp == ')' || cp == ']' || cp == '}') *flags |= LB_TOK_BRACKET_CLOSE;
    return j;
}

/* Where the scan of a body span stands between tokens. */
typedef struct span_state {
    size_t i;            /* the next byte */
    int newlines;        /* line breaks since the last token (2: a paragraph) */
    int space_before;    /* a space or line break since the last token */
} span_state;

/* One token (or a space) at st->i, any kind, through doc->toks: 0, or -1
 * when out of memory or tokens. not_plain: it is known to be neither a
 * plain word nor a comma. */
static __attribute__((noinline)) int next_token(scan *s, span_state *st, int not_plain)
{
    const char *t = s->t;
    size_t i = st->i, b = s->end;
    uint32_t flags = (st->newlines >= 1 ? LB_TOK_NL_BEFORE : 0) | (st->newlines >= 2 ? LB_TOK_PARA_BEFORE : 0);
    size_t j = not_plain ? 0 : plain_word(t, i, b);
    if (j) {                                                  /* the common word */
        if (!emit_plain(s, i, j, flags | LB_TOK_WORD | (plain_upper(t, i) ? LB_TOK_UPPER : 0))) return -1;
        st->newlines = 0;
        st->space_before = t[j] == ' ';               /* the space after it, taken at once */
        st->i = j + (size_t)st->space_before;
        return 0;
    }
    if (!not_plain && t[i] == ',') {                          /* the common sign: none of the cases below */
        if (!emit_plain(s, i, i + 1, flags | LB_TOK_PUNCT)) return -1;
        st->newlines = 0; st->space_before = 0; st->i = i + 1;
        return 0;
    }
    int32_t cp;
    size_t l;
    enum lb_cc c = cc_at(s, i, &cp, &l);
    if (c == CC_SPACE || c == CC_NEWLINE) {
        if (c == CC_NEWLINE) st->newlines++;
        st->space_before = 1; st->i = i + l;
        return 0;
    }
    if (lb_cc_wordlike(c)) {          /* a URL starts with a letter */
        char c0 = (char)(t[i] | 0x20);
        size_t ul = c0 == 'h' || c0 == 'w' ? scan_url(s, i) : 0;
        if (ul) j = i + ul, flags |= LB_TOK_URL | LB_TOK_WORD;
        else j = scan_word(s, i, &flags, st->newlines > 0);
    } else if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026) {
        j = i + l;
        while (j < b && (t[j] == '.' || t[j] == '!' || t[j] == '?' ||
                         (j + 2 < b && (unsigned char)t[j] == 0xE2 && (unsigned char)t[j + 1] == 0x80 && (unsigned char)t[j + 2] == 0xA6)))
            j += t[j] == '.' || t[j] == '!' || t[j] == '?' ? 1 : 3;
        flags |= LB_TOK_PUNCT | LB_TOK_SENT_END;
    } else if ((cp == '\'' || cp == 0x2019) && !st->space_before && i + l < b && (t[i + l] == 's' || t[i + l] == 'S') &&
               (i + l + 1 >= b || !lb_cc_wordlike(cc_at(s, i + l + 1, NULL, NULL)))) {
        j = i + l + 1;                 /* English possessive: "Trump's" -> Trump + 's */
        flags |= LB_TOK_WORD;
    } else if (cp == '-' || cp == 0x2013 || cp == 0x2014) {
        j = i + l;
        if (cp == '-') while (j < b && t[j] == '-') j++;
        flags |= LB_TOK_PUNCT | (j - i > 1 || cp != '-' ? LB_TOK_DASH : 0);
    } else {
        j = scan_mark(s, i, l, cp, st->space_before, &flags);
    }
    if (!emit(s, i, j, flags)) return -1;
    st->i = j; st->newlines = 0; st->space_before = 0;
    return 0;
}

/* next_token decides (a one-letter word at offset 0 ends there too: it is
 * then decided twice, which is harmless) */
enum { PLAIN_UNDECIDED = 1 };

/* The kinds of lb_text_dicts.word_end: what the byte after a run of
 * lower-case letters tells (plain_word_fast). */
enum { WE_NO, WE_SIGN, WE_COLON, WE_PERIOD, WE_LATIN1, WE_MULTI };

/* Fills the tables of lb_text_dicts the tokenizer reads (at load). */
void lb_tokenizer_tables(struct lb_text_dicts *d)
{
    for (int c = 0; c < 256; c++) {
        unsigned char k = WE_NO;
        if (c == ':') k = WE_COLON;
        else if (c == '.') k = WE_PERIOD;
        else if (c == 0xC3) k = WE_LATIN1;
        else if (c == 0xC2 || c == 0xE2) k = WE_MULTI;
        else if (c < 0x80 && c != '-' && c != '\'' && !lb_cc_wordlike((enum lb_cc)lb_cc_ascii[c])) k = WE_SIGN;
        d->word_end[c] = k;
    }
}

#if defined(__SSE2__)
/* Does the character at j, which begins with C2, C3 or E2, end a word of
 * letters the way word_chars ends it: no letter, digit or mark, no hyphen
 * (U+2011) or apostrophe (U+2019)? (j + 2 < end) */
static inline int ends_letters_multi(const struct lb_text_dicts *d, const char *t, size_t j)
{
    unsigned char c = (unsigned char)t[j], c1 = (unsigned char)t[j + 1], c2 = (unsigned char)t[j + 2];
    if (c != 0xE2) return (c1 & 0xC0) == 0x80 && !lb_cc_wordlike((enum lb_cc)d->cc_latin1[((c & 0x1F) << 6 | (c1 & 0x3F)) - 0x80]);
    return c1 == 0x80 && (c2 & 0xC0) == 0x80 && c2 != 0x91 && c2 != 0x99 && !lb_cc_wordlike((enum lb_cc)d->cc_punct[c2 & 0x3F]);
}

/* A word that plain_word takes, or one of the same letters that ends in
 * another sign that ends it for scan_word too ("Wort)", "Berlin:" but not
 * "http:", "sagte“": no letter, digit, mark, hyphen, period or apostrophe)
 * or in a period after more than three bytes and before no letter or digit
 * (plain_period decides whether it belongs to the word; "tagesschau.de" is a
 * host name: scan_host), whose scan stays 16 bytes short of end: its end
 * or 0; PLAIN_UNDECIDED closer to end. Each is a word token whose folded
 * form lowers the first letter only. *upper: the first letter is upper case. */
static inline size_t plain_word_fast(const struct lb_text_dicts *d, const char *t, size_t i, size_t end, int *upper)
{
    const __m128i before_a = _mm_set1_epi8('a' - 1), after_z = _mm_set1_epi8('z' + 1);
    unsigned char c = (unsigned char)t[i];
    size_t j;
    if (i + 19 > end) return PLAIN_UNDECIDED;
    if ((unsigned char)((c | 0x20) - 'a') < 26) {
        j = i + 1; *upper = c <= 'Z';
    } else if (c == 0xC3) {
        unsigned char d1 = (unsigned char)t[i + 1];
        if (d1 < 0x80 || d1 > 0xBF || d1 == 0x97 || d1 == 0x9F || d1 == 0xB7) return 0;   /* × ß ÷ */
        j = i + 2; *upper = d1 < 0xA0;
    } else {
        return 0;
    }
    for (;;) {
        if (j + 18 > end) return PLAIN_UNDECIDED;
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(t + j));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(x, before_a), _mm_cmplt_epi8(x, after_z)));
        if (m == 0xFFFF) { j += 16; continue; }
        j += (size_t)__builtin_ctz(~m);
        unsigned k = d->word_end[(unsigned char)t[j]];
        if (k == WE_SIGN) return j - i < LB_MAX_TOKEN_BYTES ? j : 0;
        if (k == WE_LATIN1 && latin1_lower_at(t, j, end)) { j += 2; continue; }   /* (j + 2 < end here) */
        if (j - i >= LB_MAX_TOKEN_BYTES || k == WE_NO) return 0;
        if (k == WE_PERIOD) return j - i > 3 && !ascii_alnum(t[j + 1]) ? j : 0;
        if (k == WE_COLON) return (t[i] | 0x20) == 'h' ? 0 : j;    /* "http:" may begin a URL */
        return ends_letters_multi(d, t, j) ? j : 0;
    }
}

#else
static inline size_t plain_word_fast(const struct lb_text_dicts *d, const char *t, size_t i, size_t end, int *upper)
{
    (void)d;
    *upper = plain_upper(t, i);
    return plain_word(t, i, end);
}
#endif

/* A plain word [i, j) before a period (j - i > 3, so no dotted
 * abbreviation; its folded form already in norm): the token's end, with the
 * period when the word is an abbreviation (abbrev_period; not before "..."). */
static inline size_t plain_period(const struct lb_text_dicts *d, const char *t, const char *norm, size_t i, size_t j,
                                  uint32_t *flags)
{
    uint32_t kind;
    if (t[j + 1] == '.' || !lb_sigindex_get(&d->abbrev_index, norm + i, j - i, &kind)) return j;
    *flags |= LB_TOK_ABBREV | (kind & LB_ABBR_END ? LB_TOK_ABBR_END : 0);
    return j + 1;
}
/* Is the sign a space for scan_mark's quotes (an ASCII one; -1: look further)? */
static inline int ascii_space(unsigned char c)
{
    return c >= 0x80 ? -1 : lb_cc_ascii[c] == CC_SPACE || c == '\n';
}

/* A sign at i (i + 3 < the span's end) that next_token makes a token of its
 * own, whose flags follow from it and its neighbours alone: end marks not
 * in a run (. ! ?), ASCII signs and brackets, the ASCII quote, en and em
 * dashes, the quotes „ “ ” (before an ASCII character): its flags, its
 * length in *len; else 0. Not ',' (fast_tokens' own case), '-' (runs), the
 * apostrophe and ` (possessives, TeX quotes). Its folded form is itself. */
static inline uint32_t fast_sign(const char *t, size_t i, int space_before, size_t *len)
{
    unsigned char c = (unsigned char)t[i], c1 = (unsigned char)t[i + 1], c2 = (unsigned char)t[i + 2];
    *len = 1;
    if (c == '.' || c == '!' || c == '?') {
        if (c1 == '.' || c1 == '!' || c1 == '?' || (c1 == 0xE2 && c2 == 0x80 && (unsigned char)t[i + 3] == 0xA6)) return 0;
        return LB_TOK_PUNCT | LB_TOK_SENT_END;
    }
    if (c == '"') {
        int sa = ascii_space(c1);
        return sa < 0 ? 0 : LB_TOK_PUNCT | quote_flags('"', space_before, sa);
    }
    if (c < 0x80) {
        if (lb_cc_ascii[c] != CC_PUNCT || c == ',' || c == '-' || c == '\'' || c == '`') return 0;
        return LB_TOK_PUNCT | (c == '(' || c == '[' || c == '{' ? LB_TOK_BRACKET_OPEN : 0) |
               (c == ')' || c == ']' || c == '}' ? LB_TOK_BRACKET_CLOSE : 0);
    }
    if (c != 0xE2 || c1 != 0x80) return 0;
    *len = 3;
    if (c2 == 0x93 || c2 == 0x94) return LB_TOK_PUNCT | LB_TOK_DASH;                 /* – — */
    if (c2 != 0x9C && c2 != 0x9D && c2 != 0x9E) return 0;                              /* “ ” „ */
    int sa = ascii_space((unsigned char)t[i + 3]);
    return sa < 0 ? 0 : LB_TOK_PUNCT | quote_flags(0x2000 + (c2 & 0x3F), space_before, sa);
}

/* Plain words (plain_word_fast), signs (fast_sign) and commas from st->i
 * on, while the token array has room, with the array's end and the folded forms in
 * locals (a store through char * would make the compiler reload them from
 * doc). 1 when it stopped at a token known to be none of them (next_token
 * takes it), else 0. */
static inline __attribute__((always_inline)) int fast_tokens(scan *s, span_state *st)
{
    const char *t = s->t;
    lb_doc *doc = s->doc;
    size_t b = s->end, i = st->i;
    lb_tok *tk = LB_TOKS(doc) + doc->toks.len;
    lb_tok *tk_end = LB_TOKS(doc) + (doc->toks.cap < LB_MAX_TOKENS ? doc->toks.cap : LB_MAX_TOKENS);
    char *norm = doc->norm;
    const struct lb_text_dicts *d = s->dicts;
    int newlines = st->newlines, space_before = st->space_before, known = 0;
    while (i < b && tk < tk_end) {
        if (t[i] == ' ') { space_before = 1; i++; continue; }     /* the common separator */
        uint32_t flags = (newlines >= 1 ? LB_TOK_NL_BEFORE : 0) | (newlines >= 2 ? LB_TOK_PARA_BEFORE : 0);
        int upper;
        uint32_t sign;
        size_t len;
        size_t j = plain_word_fast(d, t, i, b, &upper);
        if (j > PLAIN_UNDECIDED) {                                    /* the common word */
            *tk = (lb_tok){ .start = (uint32_t)i, .end = (uint32_t)j, .norm = (uint32_t)i, .norm_len = (uint32_t)(j - i),
                            .flags = flags | LB_TOK_WORD | (upper ? LB_TOK_UPPER : 0) };
            norm[i + ((unsigned char)t[i] == 0xC3)] |= 0x20;          /* (norm_plain) */
            if (t[j] == '.') {
                j = plain_period(d, t, norm, i, j, &tk->flags);
                tk->end = (uint32_t)j; tk->norm_len = (uint32_t)(j - i);
            }
            tk++;
            newlines = 0;
            space_before = t[j] == ' ';               /* the space after it, taken at once */
            i = j + (size_t)space_before;
        } else if (i + 3 < b && (sign = fast_sign(t, i, space_before, &len))) {   /* a sign on its own */
            *tk = (lb_tok){ .start = (uint32_t)i, .end = (uint32_t)(i + len), .norm = (uint32_t)i, .norm_len = (uint32_t)len,
                            .flags = flags | sign };
            tk++;
            newlines = 0; space_before = 0; i += len;
        } else if (t[i] == ',') {                                     /* the common sign */
            *tk = (lb_tok){ .start = (uint32_t)i, .end = (uint32_t)i + 1, .norm = (uint32_t)i, .norm_len = 1,
                            .flags = flags | LB_TOK_PUNCT };
            tk++;
            newlines = 0; space_before = 0; i++;
        } else {
            known = j == 0;
            break;
        }
    }
    doc->toks.len = (size_t)(tk - LB_TOKS(doc));
    st->i = i; st->newlines = newlines; st->space_before = space_before;
    return known;
}

/* The tokens of the body span [a, b): the common ones in fast_tokens, the
 * others through next_token. */
static int tokenize_span(scan *s, size_t a, size_t b)
{
    s->end = b;
    span_state st = { a, 2, 1 };         /* a body span starts a paragraph */
    for (;;) {
        int known = fast_tokens(s, &st);
        if (st.i >= b) return 0;
        if (next_token(s, &st, known)) return -1;
    }
}

/* Room for the tokens up front (about a token per five bytes), so that the
 * array seldom grows and copies; and doc->norm begun as a copy of the text,
 * so that most tokens fold in place (norm_fold, norm_plain), with room after
 * it for the folded forms that come out longer. */
static int reserve(lb_doc *doc)
{
    if (!doc->toks.cap) {
        size_t cap = doc->len / 5 + 64;
        if (cap > LB_MAX_TOKENS) cap = LB_MAX_TOKENS;
        void *items = lb_arena_alloc(&doc->arena, cap * sizeof(lb_tok));
        if (!items) return -1;
        doc->toks.items = items; doc->toks.cap = cap; doc->toks.len = 0;
    }
    if (doc->norm_cap < doc->len + 64) {
        size_t cap = doc->len + doc->len / 8 + 4096;
        char *norm = lb_arena_alloc(&doc->arena, cap);
        if (!norm) return -1;
        doc->norm = norm; doc->norm_cap = cap;
    }
    if (doc->len) memcpy(doc->norm, doc->text, doc->len);
    doc->norm_len = doc->len;
    return 0;
}

int lb_tokenize(lb_doc *doc)
{
    scan s = { .doc = doc, .dicts = doc->ctx->text, .t = doc->text,
               .tex_quotes = doc->input_lang && !strcmp(doc->input_lang, "de") };
    if (reserve(doc)) return lb_doc_fail(doc, LB_ENOMEM, "tokenizer: out of memory");
    const lb_rspan *body = LB_BODY(doc), *skip = doc->skip.items;
    size_t sk = 0;
    for (size_t k = 0; k < doc->body.len; k++) {
        /* a body span minus the metadata prefixes inside it (both sorted) */
        size_t a = body[k].start;
        int rc = 0;
        while (!rc && sk < doc->skip.len && skip[sk].start < body[k].end) {
            if (skip[sk].start >= a) rc = tokenize_span(&s, a, skip[sk].start);
            if (skip[sk].end > a) a = skip[sk].end;
            sk++;
        }
        if (rc || tokenize_span(&s, a, body[k].end))
            return lb_doc_fail(doc, doc->toks.len >= LB_MAX_TOKENS ? LB_ELIMIT : LB_ENOMEM,
                               "tokenizer: %s", doc->toks.len >= LB_MAX_TOKENS ? "too many tokens" : "out of memory");
    }
    return LB_OK;
}
