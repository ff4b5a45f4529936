/* test_syntax_util.h: builds documents for the clause-layer unit tests: from a
 * hand-written morphology ("form/lemma/UPOS/feats" per token, tokens separated
 * by spaces, one sentence per call) or through the real pipeline, and returns
 * lb_syntax_describe's lines for checking. Test code only. */
#ifndef LB_TEST_SYNTAX_UTIL_H
#define LB_TEST_SYNTAX_UTIL_H
#include "ctx.h"
#include "doc.h"
#include "morph/morph.h"
#include "syntax/syntax.h"
#include "text/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char sxt_out[4096];

/* one token from "form/lemma/UPOS/feats"; 0 or -1 */
static inline int sxt_token(lb_doc *d, lb_buf *text, lb_buf *norm, const char *spec, size_t n)
{
    const char *f[4] = { spec, NULL, NULL, NULL };
    size_t len[4] = { 0 };
    int k = 0;
    for (size_t i = 0; i < n && k < 4; i++)
        if (spec[i] == '/' && k < 3 && i > (size_t)(f[k] - spec)) { len[k] = (size_t)(spec + i - f[k]); f[++k] = spec + i + 1; }
    if (k < 2) return -1;
    len[k] = (size_t)(spec + n - f[k]);
    lb_tok *t = lb_vec_push(&d->toks, &d->arena);
    lb_morph *m = lb_vec_push(&d->morph, &d->arena);
    if (!t || !m) return -1;
    t->start = (uint32_t)text->len;
    lb_buf_add(text, f[0], len[0]);
    t->end = (uint32_t)text->len;
    lb_buf_addc(text, ' ');
    char fold[256];
    size_t fl = lb_fold(fold, sizeof fold, f[0], len[0]);
    t->norm = (uint32_t)norm->len; t->norm_len = (uint32_t)fl;
    lb_buf_add(norm, fold, fl);
    int u = lb_upos_parse(f[2], len[2]);
    m->upos = (uint8_t)(u < 0 ? LB_UPOS_X : u);
    t->flags = m->upos == LB_UPOS_PUNCT ? LB_TOK_PUNCT : LB_TOK_WORD;
    if (len[0] && f[0][0] >= 'A' && f[0][0] <= 'Z') t->flags |= LB_TOK_UPPER;   /* as the tokenizer marks them */
    if (m->upos == LB_UPOS_PUNCT && len[0] == 1 && (f[0][0] == '"' || f[0][0] == '\'')) t->flags |= LB_TOK_QUOTE;
    if (m->upos == LB_UPOS_PUNCT && len[0] == 3 && !memcmp(f[0], "\xE2\x80\x9E", 3)) t->flags |= LB_TOK_QUOTE | LB_TOK_QOPEN;  /* „ */
    if (m->upos == LB_UPOS_PUNCT && len[0] == 3 && !memcmp(f[0], "\xE2\x80\x9C", 3)) t->flags |= LB_TOK_QUOTE | LB_TOK_QCLOSE; /* “ */
    if (k == 3 && len[3]) lb_feats_parse(&m->feats, f[3], len[3]);
    m->lemma = lb_arena_strndup(&d->arena, f[1], len[1]);
    m->lemma_len = (uint32_t)len[1];
    m->link = m->clause = m->phrase = -1;
    return 0;
}

/* runs the syntax stage on one hand-tagged sentence; describe lines in sxt_out */
static inline const char *sxt_tagged(lb_doc *d, lb_buf *text, lb_buf *norm, const char *lang, const char *spec)
{
    lb_arena_reset(&d->arena);
    lb_vec_init(&d->toks, sizeof(lb_tok)); lb_vec_init(&d->sents, sizeof(lb_sent));
    lb_vec_init(&d->morph, sizeof(lb_morph));
    lb_buf_reset(text); lb_buf_reset(norm);
    snprintf(d->lang, sizeof d->lang, "%s", lang);
    for (const char *p = spec; *p;) {
        size_t n = strcspn(p, " ");
        if (n && sxt_token(d, text, norm, p, n)) return "bad spec";
        p += n;
        while (*p == ' ') p++;
    }
    lb_sent *s = lb_vec_push(&d->sents, &d->arena);
    s->tok0 = 0; s->ntok = (uint32_t)d->toks.len; s->start = 0; s->end = (uint32_t)text->len;
    d->text = text->data; d->len = text->len; d->norm = norm->data; d->norm_len = norm->len;
    if (lb_syntax_run(d)) return "syntax failed";
    lb_buf out;
    lb_buf_init(&out, sizeof sxt_out - 1);
    lb_syntax_describe(&out, d, 0);
    snprintf(sxt_out, sizeof sxt_out, "%s", out.data ? out.data : "");
    lb_buf_free(&out);
    d->text = ""; d->norm = NULL;
    return sxt_out;
}

/* the real pipeline up to the syntax stage; describe lines of every sentence */
static inline const char *sxt_pipeline(lb_doc *d, const char *lang, const char *text)
{
    lb_input in;
    memset(&in, 0, sizeof in);
    in.text = text; in.text_len = strlen(text);
    in.lang = lang; in.lang_len = strlen(lang);
    if (lb_doc_annotate_upto(d, &in, LB_STAGE_SYNTAX)) return "annotate failed";
    lb_buf out;
    lb_buf_init(&out, sizeof sxt_out - 1);
    for (uint32_t s = 0; s < d->sents.len; s++) lb_syntax_describe(&out, d, s);
    snprintf(sxt_out, sizeof sxt_out, "%s", out.data ? out.data : "");
    lb_buf_free(&out);
    return sxt_out;
}

/* does haystack contain needle (a line or part of one)? */
static inline int sxt_has(const char *hay, const char *needle) { return strstr(hay, needle) != NULL; }
#endif
