/* html.h: the html stage: an HTML page in, its main text and metadata out.
 * lb_html_extract parses a page with libxml2's HTML parser, scores its
 * blocks (text and link density, semantic tags, class/id hints from
 * data/html/hints.tsv) and writes the article's paragraphs, one per line
 * with a blank line between them, plus the page's metadata. lb_html_run
 * replaces an HTML document's text with that extract (before cleaning). */
#ifndef LB_HTML_H
#define LB_HTML_H
#include "core/arena.h"
#include <stddef.h>

struct lb_html_rules;
struct lb_doc;

/* What one page yields; all strings NUL-terminated, from the arena, NULL
 * when absent. Dates are ISO 8601 (YYYY-MM-DD, maybe with a time). */
typedef struct lb_html_page {
    char *text; size_t text_len;     /* main text, paragraphs split by "\n\n" */
    const char *title, *date, *author, *site, *lang, *url;
} lb_html_page;

int lb_html_load(struct lb_html_rules **out, const char *dir, char *err, size_t errlen);
void lb_html_free(struct lb_html_rules *rules);
/* Loads the rules from one hints file (tests, fuzzers, benchmarks). */
int lb_html_load_file(struct lb_html_rules **out, const char *path, char *err, size_t errlen);

/* Extracts a UTF-8 page of len bytes (url may be NULL: it helps date
 * finding). LB_OK, LB_ENOMEM, LB_EINPUT (not parseable at all). */
int lb_html_extract(lb_html_page *out, const struct lb_html_rules *rules, const char *html, size_t len,
                    const char *url, lb_arena *arena);

/* Stage: for a document whose input was HTML, the text becomes the extract
 * and the page's metadata fills what the input did not give. */
int lb_html_run(struct lb_doc *doc);

/* Normalises a date as pages write it ("2019-08-02T10:00:00+02:00",
 * "2019/08/02", "02.08.2019", "20190802", a URL path "/2019/08/02/") to
 * "YYYY-MM-DD" in out (11 bytes). 1 when a plausible date was found. */
int lb_html_date(char out[11], const char *s, size_t n);
#endif
