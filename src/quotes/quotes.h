/* quotes.h: the quotes stage: loads its cue dictionaries from data/quotes/
 * (<lang>.cues) and fills doc->quotes with direct and indirect quotes, each
 * with its speaker (span, canonical name, actor from an overlapping mention)
 * and cue. It reads tokens, sentences and mentions; it changes no other layer. */
#ifndef LB_QUOTES_H
#define LB_QUOTES_H
#include "doc.h"

struct lb_quote_rules;
/* Loads the stage's data files under dir; 0 or LB_E* with err naming file:line.
 * *out is owned by the caller (lb_quotes_free); NULL on failure. */
int lb_quotes_load(struct lb_quote_rules **out, const char *dir, char *err, size_t errlen);
void lb_quotes_free(struct lb_quote_rules *rules);
/* Appends the document's quotes (in text order) to doc->quotes; memory from
 * doc->arena. Needs the text layer; uses doc->mentions when present. */
int lb_quotes_run(lb_doc *doc);
/* For people: the kind of attribution frame of quote q of doc ("speech
 * verb", "source preposition (laut X, according to X)", "colon (X: ...)",
 * "carried over from the report before", "none", ...). Static string. */
const char *lb_quotes_frame(const lb_doc *doc, const lb_quote *q);
#endif
