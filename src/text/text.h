/* text.h: the text layer: tokens with byte offsets and folded forms,
 * sentences, and language identification, over the body spans the cleaning
 * stage found. Word lists (abbreviations, months, function words) are data
 * files under data/text/. It never modifies doc->text. */
#ifndef LB_TEXT_H
#define LB_TEXT_H
#include "doc.h"
#include "core/wordset.h"
#include "text/sigindex.h"

/* values in lb_text_dicts.abbrev */
enum { LB_ABBR_INNER = 1,   /* never ends a sentence: "z.B.", "Dr." */
       LB_ABBR_END = 2 };   /* may end a sentence: "usw.", "U.S.", "etc." */
/* bits in lb_text_dicts.function_words */
enum { LB_LANG_DE = 1, LB_LANG_EN = 2 };

struct lb_text_dicts {
    lb_wordset abbrev;          /* folded, without the final period */
    lb_wordset months;          /* folded month names -> 1..12 */
    lb_wordset function_words;  /* folded -> LB_LANG_* bits */
    lb_sigindex fw_index;       /* the fast front of function_words */
    lb_sigindex abbrev_index, months_index;   /* ... of abbrev and months */
    lb_wordset trunc_followers; /* words after a truncation hyphen ("Ein- und Ausfuhr") -> LB_LANG_* bits */
    /* lb_cc_of of U+0080..U+00FF and of U+2000..U+203F (general
     * punctuation), filled at load, for the tokenizer's common non-ASCII */
    unsigned char cc_latin1[128], cc_punct[64];
    unsigned char word_end[256];    /* what a byte after a word's letters tells (token.c) */
};

/* lb_wordset_get on function_words, with the cheap tests first. */
static inline int lb_text_function_word(const struct lb_text_dicts *d, const char *w, size_t n, uint32_t *bits)
{
    return lb_sigindex_get(&d->fw_index, w, n, bits);
}

int lb_text_load(struct lb_text_dicts **out, const char *dir, char *err, size_t errlen);
void lb_text_free(struct lb_text_dicts *d);

/* The stage: tokenise, split sentences, identify the language. */
int lb_text_run(lb_doc *doc);

/* Fills the tokenizer's tables in d (after the word lists). */
void lb_tokenizer_tables(struct lb_text_dicts *d);

/* Parts, exposed for tests. */
int lb_tokenize(lb_doc *doc);
int lb_split_sentences(lb_doc *doc);
void lb_identify_language(lb_doc *doc);
/* Folds s (valid UTF-8) to NFC + Unicode case folding into out (cap bytes);
 * returns the length, or 0 when it did not fit. */
size_t lb_fold(char *out, size_t cap, const char *s, size_t n);
/* The folded form of token i (not NUL-terminated). */
static inline const char *lb_tok_norm(const lb_doc *doc, const lb_tok *t) { return doc->norm + t->norm; }
#endif
