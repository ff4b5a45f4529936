/* sentence.c: sentence boundaries over the token stream, for German and
 * English news. A boundary follows . ! ? … (with closing quotes and brackets
 * that stick to them) unless the next token continues the sentence (lower
 * case, comma); a line break is a boundary unless the next line continues in
 * lower case; abbreviations that may end a sentence (usw., U.S.) end one only
 * before a function word. It does not tokenise. */
#include "text/text.h"
#include "text/charclass.h"
#include "ctx.h"
#include <string.h>

static int first_cc(const lb_doc *doc, const lb_tok *t)
{
    int32_t cp;
    lb_cp_at(doc->text, t->end, t->start, &cp);
    return lb_cc_of(cp);
}

static int is_function_word(const lb_doc *doc, const lb_tok *t)
{
    return lb_text_function_word(doc->ctx->text, lb_tok_norm(doc, t), t->norm_len, NULL);
}

static int single(const lb_doc *doc, const lb_tok *t, char c)
{
    return t->end - t->start == 1 && doc->text[t->start] == c;
}

/* Is there a sentence boundary right after token i? May advance *last over
 * closing quotes and brackets that belong to the sentence. */
static int boundary_after(const lb_doc *doc, size_t i, size_t *last)
{
    const lb_tok *T = LB_TOKS(doc);
    size_t n = doc->toks.len;
    *last = i;
    if (i + 1 >= n) return 1;
    uint32_t f = T[i].flags;
    if (f & LB_TOK_SENT_END) {
        size_t k = i;
        while (k + 1 < n && (T[k + 1].flags & (LB_TOK_QCLOSE | LB_TOK_BRACKET_CLOSE)) &&
               T[k + 1].start == T[k].end && !(T[k + 1].flags & LB_TOK_NL_BEFORE))
            k++;
        *last = k;
        if (k + 1 >= n) return 1;
        const lb_tok *m = &T[k + 1];
        if (m->flags & LB_TOK_NL_BEFORE) return 1;
        int c = first_cc(doc, m);
        if (c == CC_LOWER) return 0;
        /* punctuation that continues a sentence: , ; : ) ] } % */
        if (m->end - m->start == 1 && strchr(",;:)]}%", doc->text[m->start])) return 0;
        return 1;
    }
    const lb_tok *nx = &T[i + 1];
    if (nx->flags & LB_TOK_NL_BEFORE) {
        if (nx->flags & LB_TOK_PARA_BEFORE) return 1;
        /* a hard-wrapped line goes on in lower case, or after a comma or hyphen */
        if (first_cc(doc, nx) == CC_LOWER) return 0;
        if ((f & LB_TOK_TRUNC) || single(doc, &T[i], ',') || single(doc, &T[i], '-')) return 0;
        return 1;
    }
    /* an emoticon ":)" ":-)" ";-)" ends a sentence before an upper-case word */
    if (single(doc, &T[i], ')') && i >= 1 && T[i - 1].end == T[i].start &&
        (single(doc, &T[i - 1], ':') || single(doc, &T[i - 1], ';') ||
         (single(doc, &T[i - 1], '-') && i >= 2 && T[i - 2].end == T[i - 1].start &&
          (single(doc, &T[i - 2], ':') || single(doc, &T[i - 2], ';')))) &&
        first_cc(doc, nx) == CC_UPPER)
        return 1;
    if ((f & LB_TOK_ABBR_END) && first_cc(doc, nx) == CC_UPPER && is_function_word(doc, nx)) return 1;
    return 0;
}

/* A new sentence at the end of doc->sents (lb_vec_push without the call
 * while there is room). */
static inline lb_sent *push_sent(lb_doc *doc)
{
    if (doc->sents.len < doc->sents.cap) return (lb_sent *)doc->sents.items + doc->sents.len++;
    return lb_vec_push(&doc->sents, &doc->arena);
}

int lb_split_sentences(lb_doc *doc)
{
    lb_tok *T = LB_TOKS(doc);
    size_t n = doc->toks.len, s0 = 0;
    uint32_t cur = (uint32_t)doc->sents.len;
    for (size_t i = 0; i < n;) {
        /* most tokens: no end mark, abbreviation, line break or closing
         * bracket (the tokenizer flags every ")"): the tests of boundary_after
         * that can say yes */
        lb_tok *p = T + i, *stop = T + n - 1;
        for (; p < stop && !(p->flags & (LB_TOK_SENT_END | LB_TOK_ABBR_END | LB_TOK_BRACKET_CLOSE)) &&
               !(p[1].flags & LB_TOK_NL_BEFORE); p++)
            p->sent = cur;
        p->sent = cur;
        i = (size_t)(p - T);
        size_t last;
        if (!boundary_after(doc, i, &last)) { i++; continue; }
        lb_sent *s = push_sent(doc);
        if (!s) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
        s->start = T[s0].start; s->end = T[last].end;
        s->tok0 = (uint32_t)s0; s->ntok = (uint32_t)(last - s0 + 1);
        for (size_t k = i + 1; k <= last; k++) T[k].sent = cur;
        cur++;
        s0 = i = last + 1;
    }
    return LB_OK;
}
