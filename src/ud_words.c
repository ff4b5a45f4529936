/* ud_words.c: UD (EWT) words of the tokens output layer, see ud_words.h. */
#include "ud_words.h"
#include "morph/morph.h"
#include "morph/udwlist.h"
#include <string.h>

enum { JOIN_MAX_TOKS = 96 };

static int is_alnum_byte(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80;
}
static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static int is_alpha(unsigned char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }

static int has_prefix_ci(const char *s, size_t n, const char *p)
{
    size_t k = strlen(p);
    if (n < k) return 0;
    for (size_t i = 0; i < k; i++)
        if ((s[i] | 32) != p[i]) return 0;
    return 1;
}

/* local@label(.label)+ with an alphabetic top-level label of 2+ letters */
static int is_email(const unsigned char *s, size_t n)
{
    const unsigned char *at = memchr(s, '@', n);
    if (!at || at == s || memchr(at + 1, '@', n - (size_t)(at + 1 - s))) return 0;
    for (const unsigned char *p = s; p < at; p++)
        if (!is_alnum_byte(*p) && !strchr("._%+-", *p)) return 0;
    size_t labels = 0, len = 0, alpha = 0;
    for (const unsigned char *p = at + 1; p < s + n; p++) {
        if (*p == '.') { if (!len) return 0; labels++; len = alpha = 0; }
        else if (is_alnum_byte(*p) || *p == '-') { len++; alpha += is_alpha(*p); }
        else return 0;
    }
    return len >= 2 && alpha == len;   /* Name@HOST or name@host.com */
}

static int is_url(const unsigned char *s, size_t n)
{
    const char *c = (const char *)s;
    size_t k = has_prefix_ci(c, n, "http://") ? 7 : has_prefix_ci(c, n, "https://") ? 8
             : has_prefix_ci(c, n, "www.") ? 4 : 0;
    return k && n > k + 1 && (is_alnum_byte(s[n - 1]) || s[n - 1] == '/');
}

/* name.ext for file extensions and top-level domains UD keeps as one word
 * (the lists' E records: report.pdf NOUN, example.com PROPN) */
static int file_kind(const lb_udwlist *l, const unsigned char *s, size_t n)
{
    const unsigned char *dot = NULL;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') dot = s + i;
        else if (!is_alnum_byte(s[i]) && s[i] != '_' && s[i] != '-') return 0;
    }
    if (!dot || dot == s + n - 1) return 0;
    return lb_udwlist_ext(l, (const char *)dot + 1, n - (size_t)(dot + 1 - s));
}

/* d{1,2}/d{1,2}/d{2,4} or a fraction d+/d+ */
static int is_date(const unsigned char *s, size_t n)
{
    size_t parts = 1, len = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '/') { if (!len || len > 4) return 0; parts++; len = 0; }
        else if (is_digit(s[i])) len++;
        else return 0;
    }
    return len && len <= 4 && parts >= 2 && parts <= 3;
}

/* 5:00, 12:42:55 */
static int is_clock(const unsigned char *s, size_t n)
{
    size_t parts = 1, len = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ':') { if (!len || (parts > 1 && len != 2)) return 0; parts++; len = 0; }
        else if (is_digit(s[i]) && len < 2) len++;
        else return 0;
    }
    return len == 2 && parts >= 2 && parts <= 3;
}

/* :) :-) ;( :D :P :? and the like */
static int is_emoticon(const unsigned char *s, size_t n)
{
    if (n < 2 || n > 4 || (s[0] != ':' && s[0] != ';' && s[0] != '=')) return 0;
    size_t i = 1;
    if (s[i] == '-' || s[i] == '\'') i++;
    if (i >= n) return 0;
    for (; i < n; i++)
        if (!strchr("()DPp/\\|[]?*", s[i])) return 0;
    return 1;
}

/* a dotted lower-case name of 3+ labels of 2+ characters: alt.animals.cat (newsgroups) */
static int is_dotted_name(const unsigned char *s, size_t n)
{
    size_t labels = 1, len = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.') { if (len < 2) return 0; labels++; len = 0; }
        else if ((s[i] >= 'a' && s[i] <= 'z') || (len && (is_digit(s[i]) || s[i] == '-'))) len++;
        else return 0;
    }
    return len >= 2 && labels >= 3;
}

static int join_kind(const lb_udwlist *l, const unsigned char *s, size_t n)
{
    if (is_url(s, n) || is_email(s, n)) return LB_UPOS_PROPN;
    if (is_date(s, n) || is_clock(s, n)) return LB_UPOS_NUM;
    if (is_emoticon(s, n)) return LB_UPOS_SYM;
    if (is_dotted_name(s, n)) return LB_UPOS_NOUN;
    return file_kind(l, s, n);
}

static int same_mark(const lb_doc *doc, const lb_tok *a, const lb_tok *b)
{
    char c = doc->text[a->start];
    return a->end - a->start == 1 && b->end - b->start == 1 && doc->text[b->start] == c
           && !is_alnum_byte((unsigned char)c);
}

/* a token of the marks that draw lines: -, =, *, _, ~ */
static int rule_marks(const lb_doc *doc, const lb_tok *t)
{
    for (uint32_t k = t->start; k < t->end; k++)
        if (!doc->text[k] || !strchr("-=*_~", doc->text[k])) return 0;
    return 1;
}

/* Last token of the longest run of adjacent tokens from i that UD writes as
 * one word (0 if none); *upos gets its part of speech. */
static size_t join_run(const lb_doc *doc, size_t i, int *upos)
{
    const lb_tok *t = LB_TOKS(doc);
    const unsigned char *s = (const unsigned char *)doc->text + t[i].start;
    size_t last = i;
    while (last + 1 < doc->toks.len && last + 1 - i < JOIN_MAX_TOKS && t[last + 1].start == t[last].end)
        last++;
    if (last == i) return 0;
    size_t same = i;   /* a run of one punctuation mark (<< >> $$$), or of rule marks (----==) */
    while (same + 1 <= last && (same_mark(doc, &t[i], &t[same + 1]) || (rule_marks(doc, &t[i]) && rule_marks(doc, &t[same + 1]))))
        same++;
    if (same > i) { *upos = -1; return same; }
    for (size_t j = last; j > i; j--) {
        int k = join_kind(lb_morph_udwlist(doc), s, t[j].end - t[i].start);
        if (k) { *upos = k; return j; }
    }
    return 0;
}

/* Whether the hyphenated word s stays whole in UD: bound prefixes (the
 * lists' P records), phone numbers, names with a dot, slash, @ or #. */
static int hyphen_whole(const lb_udwlist *l, const char *s, size_t n)
{
    size_t h = (size_t)((const char *)memchr(s, '-', n) - s);
    if (lb_udwlist_prefix(l, s, h)) return 1;
    size_t parts = 1, digits = 0, first = 0;
    for (size_t i = 0; i < n; i++) {
        if (strchr("./@#", s[i])) return 1;
        if (s[i] == '-') { parts++; if (parts == 2) first = i; }
        else digits += is_digit((unsigned char)s[i]);
    }
    int phone = parts >= 3 || first == 3 || (parts == 2 && first <= 3 && n - first - 1 == 4);
    if (digits + parts - 1 == n && phone) return 1;   /* 713-853-3989, 345-9945, ext. 3-5213 */
    return 0;
}

static lb_udw word_of(uint32_t start, uint32_t end, const char *lemma, size_t lemma_len, int upos, uint32_t feats)
{
    lb_udw w = { start, end, lemma, (uint32_t)lemma_len, feats, (uint8_t)upos, 0, { 0 }, 0 };
    return w;
}

/* The one word of a joined run or URL token [start, end) (s: its text) of
 * class upos, its form the lemma; a common noun's lower-cased (file names:
 * report.pdf). */
static lb_udw joined_word(uint32_t start, uint32_t end, const char *s, int upos)
{
    lb_udw w = word_of(start, end, s, end - start, upos, 0);
    w.lower = upos == LB_UPOS_NOUN;
    return w;
}

/* A part of a hyphenated word: a known word's own class, else the word's
 * (a name's capitalised parts stay names: al-Qaeda). */
static int piece_upos(const lb_doc *doc, const lb_morph *m, const char *s, size_t n)
{
    if (m->upos == LB_UPOS_PROPN && s[0] >= 'A' && s[0] <= 'Z') return LB_UPOS_PROPN;
    int u = lb_morph_word_upos(doc, s, n);
    return u >= 0 ? u : m->upos;
}

/* The parts and hyphens of token i (0 if it stays one word). */
static size_t hyphen_split(const lb_doc *doc, const lb_morph *m, const lb_tok *t, lb_udw *w)
{
    const char *s = doc->text + t->start;
    size_t n = t->end - t->start, cuts = 0;
    for (size_t i = 1; i + 1 < n; i++)
        cuts += s[i] == '-' && is_alnum_byte((unsigned char)s[i - 1]) && is_alnum_byte((unsigned char)s[i + 1]);
    if (!cuts || 2 * cuts + 1 > LB_UDW_MAX || (t->flags & LB_TOK_URL) || hyphen_whole(lb_morph_udwlist(doc), s, n)) return 0;
    size_t nw = 0, from = 0;
    for (size_t i = 1; i <= n; i++) {
        int cut = i < n && i + 1 < n && s[i] == '-' && is_alnum_byte((unsigned char)s[i - 1])
                  && is_alnum_byte((unsigned char)s[i + 1]);
        if (!cut && i < n) continue;
        int digits = 1;
        for (size_t k = from; k < i; k++) digits &= is_digit((unsigned char)s[k]) || s[k] == ',' || s[k] == '.';
        int upos = digits ? LB_UPOS_NUM : piece_upos(doc, m, s + from, i - from);
        w[nw] = word_of(t->start + (uint32_t)from, t->start + (uint32_t)i, s + from, i - from, upos, 0);
        if (upos != LB_UPOS_NUM && upos != LB_UPOS_PROPN) {   /* a name is its own lemma */
            size_t ln = lb_morph_word_lemma(doc, s + from, i - from, upos, w[nw].lbuf, sizeof w[nw].lbuf);
            if (ln) { w[nw].lemma = NULL; w[nw].lemma_len = (uint32_t)ln; }
        }
        nw++;
        if (i == n) break;
        w[nw++] = word_of(t->start + (uint32_t)i, t->start + (uint32_t)i + 1, "-", 1, LB_UPOS_PUNCT, 0);
        from = i + 1;
    }
    /* the last part keeps the word's features and the end of its lemma (year-olds -> old) */
    lb_udw *lp = &w[nw - 1];
    lp->feats = m->feats;
    const char *lh = m->lemma_len ? memchr(m->lemma, '-', m->lemma_len) : NULL;
    if (lh && lp->upos == m->upos && lp->upos != LB_UPOS_NUM) {
        const char *e = m->lemma + m->lemma_len, *p = e;
        while (p > m->lemma && p[-1] != '-') p--;
        lp->lemma = p; lp->lemma_len = (uint32_t)(e - p);
    }
    return nw;
}

/* An abbreviation that ends its sentence (etc., U.S.): UD gives its period
 * to the sentence: the word without it, then the period. */
static size_t final_abbrev(const lb_doc *doc, const lb_morph *m, size_t i, lb_udw *w)
{
    const lb_tok *t = &LB_TOKS(doc)[i];
    const lb_sent *s = t->sent < doc->sents.len ? &LB_SENTS(doc)[t->sent] : NULL;
    if (!(t->flags & LB_TOK_ABBREV) || !s || i + 1 != (size_t)s->tok0 + s->ntok || t->end - t->start < 3
        || doc->text[t->end - 1] != '.')
        return 0;
    w[0] = word_of(t->start, t->end - 1, m->lemma, m->lemma_len, m->upos, m->feats);
    w[1] = word_of(t->end - 1, t->end, ".", 1, LB_UPOS_PUNCT, 0);
    return 2;
}

/* A number with a unit UD writes apart (the lists' U records): 5m -> 5 m
 * (lemma million), 375mm -> 375 mm. */
static size_t number_unit(const lb_doc *doc, const lb_tok *t, lb_udw *w)
{
    const char *s = doc->text + t->start;
    size_t n = t->end - t->start, d = 0;
    while (d < n && (is_digit((unsigned char)s[d]) || (d && (s[d] == '.' || s[d] == ',') && d + 1 < n && is_digit((unsigned char)s[d + 1]))))
        d++;
    if (!d || d == n || n - d > 3) return 0;
    for (size_t i = d; i < n; i++) if (!is_alpha((unsigned char)s[i])) return 0;
    const char *lemma;
    int upos = lb_udwlist_unit(lb_morph_udwlist(doc), s + d, n - d, &lemma);
    if (!upos) return 0;
    w[0] = word_of(t->start, t->start + (uint32_t)d, s, d, LB_UPOS_NUM, 0);
    w[0].nocomma = memchr(s, ',', d) != NULL;
    w[1] = word_of(t->start + (uint32_t)d, t->end, lemma ? lemma : s + d, lemma ? strlen(lemma) : n - d, upos, 0);
    return 2;
}

size_t lb_ud_words(const lb_doc *doc, const lb_morph *mo, size_t i, lb_udw *w, size_t *next)
{
    const lb_tok *t = &LB_TOKS(doc)[i];
    int upos = 0;
    size_t j = join_run(doc, i, &upos);
    if (j) {
        const char *s = doc->text + t->start;
        uint32_t end = LB_TOKS(doc)[j].end;
        if (upos < 0) upos = mo[i].upos;
        w[0] = joined_word(t->start, end, s, upos);
        *next = j + 1;
        return 1;
    }
    *next = i + 1;
    if (t->flags & LB_TOK_URL) {            /* a host name the tokenizer made one token: as a joined run */
        const unsigned char *s = (const unsigned char *)doc->text + t->start;
        int kind = join_kind(lb_morph_udwlist(doc), s, t->end - t->start);
        if (kind > 0) {
            w[0] = joined_word(t->start, t->end, (const char *)s, kind);
            return 1;
        }
    }
    size_t nw = hyphen_split(doc, &mo[i], t, w);
    if (!nw) nw = final_abbrev(doc, &mo[i], i, w);
    if (!nw) nw = number_unit(doc, t, w);
    if (nw) return nw;
    w[0] = word_of(t->start, t->end, mo[i].lemma, mo[i].lemma_len, mo[i].upos, mo[i].feats);
    if (mo[i].upos == LB_UPOS_NUM && memchr(doc->text + t->start, ',', t->end - t->start)) {
        w[0].lemma = doc->text + t->start;      /* 1,100 -> 1100: from the form */
        w[0].lemma_len = t->end - t->start;
        w[0].nocomma = 1;
    }
    return 1;
}
