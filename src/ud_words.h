/* ud_words.h: the words of the tokens output layer in the Universal
 * Dependencies convention for English (EWT): the pipeline's tokens stay as
 * they are, only the written layer differs. Adjacent tokens that UD keeps as
 * one word (e-mail addresses, URLs, file and domain names, newsgroups, dates 08/16/2000,
 * emoticons, runs of one punctuation mark) are joined; a hyphenated word is
 * written as its parts and hyphens (15-year -> 15 - year), except for words
 * UD keeps whole (bound prefixes like non- or e-, phone numbers, names with
 * a dot or slash); an abbreviation ending a sentence gives its period to the
 * sentence (etc. -> etc .). The prefix and extension lists are data
 * (data/morph/en.udwords, src/morph/udwlist.h). */
#ifndef LB_UD_WORDS_H
#define LB_UD_WORDS_H
#include "doc.h"

typedef struct lb_udw {
    uint32_t start, end;        /* span in doc->text */
    const char *lemma;          /* lemma_len bytes; NULL: lbuf holds it */
    uint32_t lemma_len;
    uint32_t feats;             /* LB_FEAT bits */
    uint8_t upos;
    uint8_t lower;              /* write the lemma in lower case (file names) */
    char lbuf[48];              /* a part's own lemma (based -> base) */
    uint8_t nocomma;            /* drop the lemma's thousands commas (1,100 -> 1100) */
} lb_udw;

enum { LB_UDW_MAX = 16 };

/* Words for the tokens from index i on (morph layer mo, one per token):
 * fills w (at most LB_UDW_MAX), returns their number and sets *next to the
 * first token not consumed. */
size_t lb_ud_words(const lb_doc *doc, const lb_morph *mo, size_t i, lb_udw *w, size_t *next);
/* The same in the UD German (GSD) convention (ud_words_de.c): hyphenated
 * compounds as their parts and hyphens, runs of ! or ? as single marks. */
size_t lb_ud_words_de(const lb_doc *doc, const lb_morph *mo, size_t i, lb_udw *w, size_t *next);
#endif
