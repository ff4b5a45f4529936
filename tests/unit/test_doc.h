/* test_doc.h: helpers of the unit tests that annotate sentences written for
 * them: the lb_input of a test sentence, the quote a document has for a
 * given start of its words, and the morphology of a word. */
#ifndef LB_TEST_DOC_H
#define LB_TEST_DOC_H
#include "lagebild.h"
#include "doc.h"
#include <stdio.h>
#include <string.h>

/* id "t", the text and its language (NULL: detected), nothing else */
static inline lb_input test_input(const char *text, const char *lang)
{
    lb_input in;
    memset(&in, 0, sizeof in);
    in.id = "t"; in.id_len = 1;
    in.text = text; in.text_len = strlen(text);
    if (lang) { in.lang = lang; in.lang_len = strlen(lang); }
    return in;
}

/* the first quote of doc whose content starts with prefix; NULL (and the
 * document's quotes listed on stderr, to see what came instead) when none */
static inline const lb_quote *test_quote_find(const lb_doc *doc, const char *prefix)
{
    size_t n = strlen(prefix);
    for (size_t i = 0; i < doc->quotes.len; i++) {
        const lb_quote *q = &LB_QUOTES(doc)[i];
        if (q->end - q->start >= n && !memcmp(doc->text + q->start, prefix, n)) return q;
    }
    fprintf(stderr, "no quote starting with \"%s\"; quotes:\n", prefix);
    for (size_t i = 0; i < doc->quotes.len; i++) {
        const lb_quote *q = &LB_QUOTES(doc)[i];
        fprintf(stderr, "  [%.*s] %s\n", (int)(q->end - q->start), doc->text + q->start, q->speaker_name ? q->speaker_name : "-");
    }
    return NULL;
}
/* the analysis of the first token spelt lit from token from on; NULL when none */
static inline const lb_morph *test_morph_word_from(const lb_doc *doc, const char *lit, size_t from)
{
    size_t n = strlen(lit);
    for (size_t i = from; i < doc->toks.len && i < doc->morph.len; i++) {
        const lb_tok *t = &LB_TOKS(doc)[i];
        if (t->end - t->start == n && !memcmp(doc->text + t->start, lit, n)) return &LB_MORPH(doc)[i];
    }
    return NULL;
}
/* the analysis of the first token spelt lit; NULL when none */
static inline const lb_morph *test_morph_word(const lb_doc *doc, const char *lit)
{
    return test_morph_word_from(doc, lit, 0);
}

/* the analysis of the first token spelt lit after the one of analysis after; NULL when none */
static inline const lb_morph *test_morph_word_after(const lb_doc *doc, const char *lit, const lb_morph *after)
{
    return test_morph_word_from(doc, lit, (size_t)(after - LB_MORPH(doc)) + 1);
}

/* m has the lemma lit */
static inline int test_lemma_is(const lb_morph *m, const char *lit)
{
    return m && m->lemma_len == strlen(lit) && !memcmp(m->lemma, lit, m->lemma_len);
}
#endif
