/* morph.h: the morphology stage: per token lemma, UD part of speech and UD
 * features (lb_morph in doc.h), chosen in context by a tagger among the
 * readings of the language's lexicon (German: LanguageTool's lexicon,
 * compiled; English: rules and exceptions from UD EWT). Data: data/morph/. */
#ifndef LB_MORPH_H
#define LB_MORPH_H
#include "doc.h"

struct lb_morph_data;   /* lexicons and tagger models of every language */

/* Loads data/morph/ (dir); on failure err says "file:line" or "file: offset". */
int lb_morph_load(struct lb_morph_data **out, const char *dir, char *err, size_t errlen);
/* Morphology data without models (name-lookup contexts): the stage then
 * tags nothing and gives every token its folded form as lemma. */
int lb_morph_load_empty(struct lb_morph_data **out);
void lb_morph_free(struct lb_morph_data *m);

/* The stage: fills doc->morph (one lb_morph per token). */
int lb_morph_run(lb_doc *doc);
/* Part of speech of a known word on its own (the class with the best static
 * score among those the training data had for its folded form), -1 when the
 * language has no model or the tag dictionary lacks the word. */
int lb_morph_word_upos(const lb_doc *doc, const char *form, size_t n);
/* Lemma of a word on its own with part of speech upos (the lemma table's
 * rules and exceptions) into buf (cap bytes); 0 without a model or room. */
size_t lb_morph_word_lemma(const lb_doc *doc, const char *form, size_t n, int upos, char *buf, size_t cap);
/* Token tok's lemma folded as the tokenizer folds forms (lb_fold:
 * schließen -> schliessen) into out (cap bytes): its length, 0 when the
 * token has no lemma or it does not fit. */
size_t lb_morph_folded_lemma(const lb_doc *doc, uint32_t tok, char *out, size_t cap);
/* Token tok is spelt as its lemma, both folded, as an infinitive or an
 * uninflected particle is (whatever features the tagger gave it). */
int lb_morph_spelt_as_lemma(const lb_doc *doc, uint32_t tok);
/* The word lists of the UD words layer (data/morph/en.udwords), NULL when absent. */
struct lb_udwlist;
const struct lb_udwlist *lb_morph_udwlist(const lb_doc *doc);
/* Frees a document handle's word-form cache (doc->morph_cache). */
struct lb_morph_cache;
void lb_morph_cache_free(struct lb_morph_cache *c);

/* Names for output: "NOUN"; the UD feature string of feats ("Case=Nom|Number=Sing")
 * written into out (cap bytes), returns its length (0 for none). */
const char *lb_upos_name(int upos);
size_t lb_feats_format(char *out, size_t cap, uint32_t feats);
/* Parses a UD feature string ("_" for none) into LB_FEAT bits; returns how
 * many Key=Value pairs it could not represent (they are dropped). */
int lb_feats_parse(uint32_t *out, const char *s, size_t n);
/* enum lb_upos of a UD tag name, -1 when unknown. */
int lb_upos_parse(const char *s, size_t n);
#endif
