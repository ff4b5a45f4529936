/* quotes.h: the quotes stage (placeholder until its issue lands): loads its
 * dictionaries from data/quotes/ and fills its layer of the document. */
#ifndef LB_QUOTES_H
#define LB_QUOTES_H
#include "doc.h"

struct lb_quote_rules;
/* Loads the stage's data files under dir; 0 or LB_E* with err naming file:line. */
int lb_quotes_load(struct lb_quote_rules **out, const char *dir, char *err, size_t errlen);
void lb_quotes_free(struct lb_quote_rules *rules);
int lb_quotes_run(lb_doc *doc);
#endif
