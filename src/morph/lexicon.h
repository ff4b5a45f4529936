/* lexicon.h: a compiled full-form lexicon (form -> readings of lemma, UD part
 * of speech and UD features), loaded from one file under data/morph/ and
 * read-only afterwards (shared by threads). German: compiled from
 * LanguageTool's morphological lexicon by tools/morph/; unknown German words
 * are analysed by their compound head or by suffix rules (lb_lexicon_guess). */
#ifndef LB_LEXICON_H
#define LB_LEXICON_H
#include <stddef.h>
#include <stdint.h>

typedef struct lb_lexicon lb_lexicon;

typedef struct lb_reading {
    const char *lemma;      /* borrowed from the lexicon, lemma_len bytes */
    uint32_t lemma_len;
    uint32_t feats;         /* LB_FEAT bit fields (doc.h) */
    uint8_t upos;           /* enum lb_upos (doc.h) */
    uint8_t guessed;        /* 0 lexicon, 1 compound head, 2 suffix rule */
    uint16_t head_off;      /* compound: byte offset of the head in the form */
    uint16_t tag;           /* 1 + the lexicon's id of (upos, feats) (lb_lexicon_tag), 0 none */
} lb_reading;

/* Loads a compiled lexicon file. LB_OK, LB_EIO, LB_ENOMEM or LB_EDATA; err
 * then says "file: offset N: problem". */
int lb_lexicon_load(lb_lexicon **out, const char *path, char *err, size_t errlen);
void lb_lexicon_free(lb_lexicon *lx);

/* Readings of the exact form (UTF-8, as written; the lexicon is case
 * sensitive, so callers also try the lower-cased form at sentence starts).
 * Writes at most max readings to out, returns how many the form has (which
 * may exceed max). No allocation. */
int lb_lexicon_lookup(const lb_lexicon *lx, const char *form, size_t n, lb_reading *out, int max);

/* Starts loading what lb_lexicon_lookup of the form reads first (a few
 * lookups ahead); changes nothing. */
void lb_lexicon_prefetch(const lb_lexicon *lx, const char *form, size_t n);

/* The number of (upos, feats) pairs the readings take, and pair id's. */
uint32_t lb_lexicon_tag_count(const lb_lexicon *lx);
void lb_lexicon_tag(const lb_lexicon *lx, uint32_t id, int *upos, uint32_t *feats);

/* 1 when the exact form has readings (lb_lexicon_lookup would return > 0). */
int lb_lexicon_has(const lb_lexicon *lx, const char *form, size_t n);

/* Readings for a form the lexicon lacks: the compound head's readings with
 * the modifier prepended to the lemma (lemma written into buf, cap bytes;
 * reading.lemma then points into buf), else suffix rules. Returns the count. */
int lb_lexicon_guess(const lb_lexicon *lx, const char *form, size_t n, lb_reading *out, int max,
                     char *buf, size_t cap);
#endif
