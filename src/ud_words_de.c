/* ud_words_de.c: UD German (GSD) words of the tokens output layer, see
 * ud_words.h: a hyphenated compound is written as its parts and hyphens
 * (EU-Staaten -> EU - Staaten; a truncated Rohstoff- -> Rohstoff -), a run of
 * exclamation or question marks as single marks (!!! -> ! ! !). The last part
 * of a compound keeps the word's part of speech and features and the end of
 * its lemma; a part before it is a name when written in capitals (SPD, EU)
 * or when the word is a name, else its own class; its lemma is its form. */
#include "ud_words.h"
#include "morph/morph.h"
#include <string.h>

static int alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z') || c >= 0x80;
}

static lb_udw de_word(uint32_t start, uint32_t end, const char *lemma, size_t lemma_len, int upos, uint32_t feats)
{
    lb_udw w = { start, end, lemma, (uint32_t)lemma_len, feats, (uint8_t)upos, 0, { 0 }, 0 };
    return w;
}

/* A run of one repeated ! or ? (2..LB_UDW_MAX marks): one word per mark. */
static size_t split_marks(const lb_doc *doc, const lb_tok *t, lb_udw *w)
{
    const char *s = doc->text + t->start;
    size_t n = t->end - t->start;
    if (n < 2 || n > LB_UDW_MAX || (s[0] != '!' && s[0] != '?')) return 0;
    for (size_t i = 1; i < n; i++) if (s[i] != s[0]) return 0;
    for (size_t i = 0; i < n; i++) w[i] = de_word(t->start + (uint32_t)i, t->start + (uint32_t)i + 1, s + i, 1, LB_UPOS_PUNCT, 0);
    return n;
}

static int all_caps(const char *s, size_t n)
{
    size_t up = 0;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 'a' && (unsigned char)s[i] <= 'z') return 0;
        up += s[i] >= 'A' && s[i] <= 'Z';
    }
    return up >= 1;
}

/* Part of speech of a part before the last one (of a truncated word: the
 * word's own class says nothing about it). */
static int modifier_upos(const lb_doc *doc, const lb_morph *m, const char *s, size_t n, int trunc)
{
    if (all_caps(s, n) || (!trunc && m->upos == LB_UPOS_PROPN)) return LB_UPOS_PROPN;
    int u = lb_morph_word_upos(doc, s, n);
    if (u >= 0) return u;
    return ((unsigned char)s[0] >= 'a' && (unsigned char)s[0] <= 'z') ? LB_UPOS_ADJ : LB_UPOS_NOUN;
}

static size_t split_hyphens(const lb_doc *doc, const lb_morph *m, const lb_tok *t, lb_udw *w)
{
    const char *s = doc->text + t->start;
    size_t n = t->end - t->start, cuts = 0;
    int trunc = n > 2 && s[n - 1] == '-' && alnum((unsigned char)s[n - 2]);   /* Rohstoff- und ... */
    for (size_t i = 1; i + 1 < n; i++)
        cuts += s[i] == '-' && alnum((unsigned char)s[i - 1]) && alnum((unsigned char)s[i + 1]);
    if ((!cuts && !trunc) || 2 * (cuts + (size_t)trunc) + 1 > LB_UDW_MAX || (t->flags & LB_TOK_URL) || memchr(s, '/', n)) return 0;
    size_t nw = 0, from = 0, end = trunc ? n - 1 : n;
    for (size_t i = 1; i <= end; i++) {
        int cut = i < end && s[i] == '-' && alnum((unsigned char)s[i - 1]) && i + 1 < end && alnum((unsigned char)s[i + 1]);
        if (!cut && i < end) continue;
        int last = i == end && !trunc;
        int upos = last ? m->upos : modifier_upos(doc, m, s + from, i - from, trunc);
        w[nw++] = de_word(t->start + (uint32_t)from, t->start + (uint32_t)i, s + from, i - from, upos, m->feats);
        if (i == n) break;
        w[nw++] = de_word(t->start + (uint32_t)i, t->start + (uint32_t)i + 1, "-", 1, LB_UPOS_PUNCT, 0);
        if (i == end) break;
        from = i + 1;
    }
    lb_udw *lp = &w[trunc ? nw - 2 : nw - 1];       /* the head keeps the end of the word's lemma */
    const char *lh = m->lemma_len ? memchr(m->lemma, '-', m->lemma_len) : NULL;
    if (!trunc && lh) {
        const char *e = m->lemma + m->lemma_len, *p = e;
        while (p > m->lemma && p[-1] != '-') p--;
        lp->lemma = p; lp->lemma_len = (uint32_t)(e - p);
    }
    return nw;
}

size_t lb_ud_words_de(const lb_doc *doc, const lb_morph *mo, size_t i, lb_udw *w, size_t *next)
{
    const lb_tok *t = &LB_TOKS(doc)[i];
    *next = i + 1;
    size_t nw = split_marks(doc, t, w);
    if (!nw) nw = split_hyphens(doc, &mo[i], t, w);
    if (nw) return nw;
    w[0] = de_word(t->start, t->end, mo[i].lemma, mo[i].lemma_len, mo[i].upos, mo[i].feats);
    return 1;
}
