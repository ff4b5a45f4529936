/* describe.c: a readable one-line-per-clause account of a sentence's clause
 * layer for `explain` (kind, intro, subject, verb lemma, objects, agent,
 * voice, mood, negation, modal). Reads the layer; changes nothing. */
#include "syntax.h"
#include "internal.h"
#include "ctx.h"
#include <string.h>

static const char *kind_name(int k)
{
    switch (k) {
    case LB_CL_MAIN: return "main";
    case LB_CL_SUB: return "sub";
    case LB_CL_REL: return "rel";
    case LB_CL_ZU_INF: return "inf";
    case LB_CL_QUESTION: return "question";
    default: return "?";
    }
}

static int add_tokens(lb_buf *out, const lb_doc *doc, uint32_t tok0, uint32_t ntok)
{
    const lb_tok *T = LB_TOKS(doc);
    if (!ntok || tok0 + ntok > doc->toks.len) return 0;
    uint32_t a = T[tok0].start, b = T[tok0 + ntok - 1].end;
    return lb_buf_add(out, doc->text + a, b - a);
}

static int add_phrase(lb_buf *out, const lb_doc *doc, const char *name, int32_t p)
{
    if (p < 0 || (size_t)p >= doc->phrases.len) return 0;
    const lb_phrase *ph = &LB_PHRASES(doc)[p];
    if (lb_buf_printf(out, " %s=[", name) || add_tokens(out, doc, ph->tok0, ph->ntok)) return -1;
    if (ph->antecedent >= 0 && (size_t)ph->antecedent < doc->phrases.len) {
        const lb_phrase *a = &LB_PHRASES(doc)[ph->antecedent];
        if (lb_buf_adds(out, " -> ") || add_tokens(out, doc, a->tok0, a->ntok)) return -1;
    }
    return lb_buf_addc(out, ']');
}

/* the English equivalent the grammar table gives a token's word, or NULL */
static const char *gloss_of(const lb_doc *doc, int32_t tok)
{
    const struct lb_syntax_rules *R = doc->ctx ? doc->ctx->syntax : NULL;
    if (!R || tok < 0 || (size_t)tok >= doc->morph.len || !LB_MORPH(doc)[tok].lemma) return NULL;
    sx s = { .doc = (lb_doc *)doc, .M = LB_MORPH(doc), .L = &R->lang[!strcmp(doc->lang, "en")] };
    return sx_gloss(R, sx_word_class(&s, (uint32_t)tok));
}

static int describe_clause(lb_buf *out, const lb_doc *doc, const lb_clause *C)
{
    static const char *const moods[] = { "-", "Ind", "Sub", "Imp" };
    int rc = lb_buf_adds(out, kind_name(C->kind)) || lb_buf_addc(out, ':');
    if (C->intro >= 0) {
        const char *g = strcmp(doc->lang, "en") ? gloss_of(doc, C->intro) : NULL;
        rc = rc || lb_buf_adds(out, " intro=") || add_tokens(out, doc, (uint32_t)C->intro, 1);
        if (g) rc = rc || lb_buf_printf(out, "(%s)", g);
    }
    rc = rc || add_phrase(out, doc, "subj", C->subj);
    if (C->verb_lemma) rc = rc || lb_buf_printf(out, " verb=%.*s", (int)C->verb_lemma_len, C->verb_lemma);
    rc = rc || add_phrase(out, doc, "obj", C->obj) || add_phrase(out, doc, "iobj", C->iobj) ||
         add_phrase(out, doc, "pred", C->pred) || add_phrase(out, doc, "agent", C->agent);
    rc = rc || lb_buf_printf(out, " voice=%s mood=%s", C->voice ? "pass" : "act", moods[C->mood & 3]);
    if (C->negated) rc = rc || lb_buf_adds(out, " neg");
    if (C->modal >= 0) {
        const lb_morph *m = &LB_MORPH(doc)[C->modal];
        rc = rc || lb_buf_printf(out, " modal=%.*s", (int)m->lemma_len, m->lemma ? m->lemma : "");
        const char *g = strcmp(doc->lang, "en") ? gloss_of(doc, C->modal) : NULL;
        if (g) rc = rc || lb_buf_printf(out, "(%s)", g);
    }
    return rc || lb_buf_addc(out, '\n') ? -1 : 0;
}

int lb_syntax_describe(lb_buf *out, const lb_doc *doc, uint32_t sent)
{
    for (size_t c = 0; c < doc->clauses.len; c++) {
        const lb_clause *C = &LB_CLAUSES(doc)[c];
        if (C->sent == sent && describe_clause(out, doc, C)) return -1;
    }
    return 0;
}
