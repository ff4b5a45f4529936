/* quotes.c: placeholder of the quotes stage: loads nothing and adds nothing,
 * so that the pipeline and output are complete before the stage lands. */
#include "quotes/quotes.h"
#include <stdlib.h>

struct lb_quote_rules { int unused; };

int lb_quotes_load(struct lb_quote_rules **out, const char *dir, char *err, size_t errlen)
{
    *out = calloc(1, sizeof **out);
    return *out ? LB_OK : LB_ENOMEM;
}

void lb_quotes_free(struct lb_quote_rules *rules) { free(rules); }

int lb_quotes_run(lb_doc *doc) { return LB_OK; }
