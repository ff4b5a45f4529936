/* clean.h: separates the article (title and text) from scraped boilerplate
 * (breadcrumbs, bylines, captions, credits, newsletter and comment prompts)
 * and extracts metadata the text states (title, author, date, source).
 * Works on whole lines; the rules are data (the .rules files in data/clean), not C.
 * It does not tokenise or touch sentences. */
#ifndef LB_CLEAN_H
#define LB_CLEAN_H
#include "doc.h"

struct lb_clean_rules;
/* Loads every *.rules file under dir. 0 or LB_E*, with err naming file:line. */
int lb_clean_load(struct lb_clean_rules **out, const char *dir, char *err, size_t errlen);
void lb_clean_free(struct lb_clean_rules *rules);
/* Fills doc->body and doc->meta. */
int lb_clean_run(lb_doc *doc);
/* Normalises a date as written ("15.06.2022", "2022-09", "2022-06-15T10:04")
 * into ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) in out (11 bytes); 0 or -1. */
int lb_clean_iso_date(char out[16], const char *s, size_t n);
#endif
