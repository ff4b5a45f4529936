/* text.h: the text layer: tokens with byte offsets and folded forms,
 * sentences, and language identification, over the body spans the cleaning
 * stage found. Word lists (abbreviations, months, function words) are data
 * files under data/text/. It never modifies doc->text. */
#ifndef LB_TEXT_H
#define LB_TEXT_H
#include "doc.h"
#include "core/wordset.h"

/* values in lb_text_dicts.abbrev */
enum { LB_ABBR_INNER = 1,   /* never ends a sentence: "z.B.", "Dr." */
       LB_ABBR_END = 2 };   /* may end a sentence: "usw.", "U.S.", "etc." */
/* bits in lb_text_dicts.function_words */
enum { LB_LANG_DE = 1, LB_LANG_EN = 2 };

struct lb_text_dicts {
    lb_wordset abbrev;          /* folded, without the final period */
    lb_wordset months;          /* folded month names -> 1..12 */
    lb_wordset function_words;  /* folded -> LB_LANG_* bits */
    /* of the function words' keys: the longest length, and a bit per
     * (length, first byte, last byte) signature (lb_text_fw_sig), so that
     * most other words are told apart without hashing */
    size_t fw_maxlen;
    uint64_t fw_sig[64];
    /* per signature, the one function word that has it (key NULL when
     * several share it): most lookups end in one compare, without hashing */
    struct lb_fw_entry { const char *key; uint32_t len, value; } *fw_one;
};

static inline unsigned lb_text_fw_sig(const char *w, size_t n)
{
    uint32_t v = (uint32_t)n << 16 | (uint32_t)(unsigned char)w[0] << 8 | (unsigned char)w[n - 1];
    return (v * 0x9E3779B1u) >> 20;             /* 0..4095 */
}

/* lb_wordset_get on function_words, with the cheap tests first. */
static inline int lb_text_function_word(const struct lb_text_dicts *d, const char *w, size_t n, uint32_t *bits)
{
    if (n == 0 || n > d->fw_maxlen) return 0;
    unsigned b = lb_text_fw_sig(w, n);
    if (!(d->fw_sig[b >> 6] >> (b & 63) & 1)) return 0;
    const struct lb_fw_entry *e = &d->fw_one[b];
    if (!e->key) return lb_wordset_get(&d->function_words, w, n, bits);
    if (e->len != n || !lb_key_eq(e->key, w, n)) return 0;
    if (bits) *bits = e->value;
    return 1;
}

int lb_text_load(struct lb_text_dicts **out, const char *dir, char *err, size_t errlen);
void lb_text_free(struct lb_text_dicts *d);

/* The stage: tokenise, split sentences, identify the language. */
int lb_text_run(lb_doc *doc);

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
