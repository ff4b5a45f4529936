/* clean.h: separates the article (title and text) from scraped boilerplate
 * (breadcrumbs, bylines, captions, credits, newsletter and comment prompts)
 * and extracts metadata the text states (title, author, date, source).
 * Works on whole lines; the rules are data (the .rules files in data/clean), not C.
 * It does not tokenise or touch sentences. */
#ifndef LB_CLEAN_H
#define LB_CLEAN_H
#include "doc.h"
#include "core/wordset.h"

struct lb_clean_rules;
/* Loads every *.rules file under dir. 0 or LB_E*, with err naming file:line. */
int lb_clean_load(struct lb_clean_rules **out, const char *dir, char *err, size_t errlen);
void lb_clean_free(struct lb_clean_rules *rules);
/* Fills doc->body and doc->meta. */
int lb_clean_run(lb_doc *doc);
/* Normalises a date as written ("15.06.2022", "2022-09", "2022-6-5T10:04",
 * "2022/06/15", "15. Juni 2022", "June 15, 2022", "Wed, 15 Jun 2022 10:04:00 +0000")
 * into ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) in out; 0, or -1 for anything
 * else and for impossible dates. months: folded month names -> 1..12. */
int lb_pubdate(char out[16], const char *s, size_t n, const lb_wordset *months);
#endif
