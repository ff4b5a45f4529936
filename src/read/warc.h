/* warc.h: a reader of WARC files (1.0 and 1.1; gzip per record as Common
 * Crawl writes them is undone by the caller's read function) that yields
 * the HTML pages of its response records. Internal to src/read/. */
#ifndef LB_WARC_H
#define LB_WARC_H
#include "core/buf.h"
#include <stddef.h>

/* Reads up to n bytes into buf: the count, 0 at the end, -1 on error. */
typedef long (*lb_warc_read_fn)(void *user, void *buf, size_t n);

typedef struct lb_warc lb_warc;

/* One HTML page of a response record; borrowed until the next call. */
typedef struct lb_warc_page {
    const char *url;  size_t url_len;     /* WARC-Target-URI */
    const char *date; size_t date_len;    /* WARC-Date */
    const char *html; size_t html_len;    /* the payload, converted to UTF-8 */
    size_t record;                        /* 1-based number of the record in the file */
} lb_warc_page;

lb_warc *lb_warc_new(void);
void lb_warc_free(lb_warc *w);
/* Starts a new file read through rd(user, ...). */
void lb_warc_start(lb_warc *w, lb_warc_read_fn rd, void *user);
/* The next HTML page: LB_OK; LB_DONE at the end; LB_EINPUT or LB_ELIMIT for
 * a record that is broken, too large, not HTML or not status 200 (err says
 * which record and why; call again for the rest); LB_EIO when reading
 * fails (the file ends); LB_ENOMEM. Requests, metadata and warcinfo
 * records are not documents and pass silently. */
int lb_warc_next(lb_warc *w, lb_warc_page *out, char *err, size_t errlen);

/* Converts a page to UTF-8: the charset of the HTTP Content-Type (may be
 * NULL), else of a <meta charset> near the top, else UTF-8 when it is
 * valid, else windows-1252. Bytes that do not convert become U+FFFD. */
int lb_html_to_utf8(lb_buf *out, const char *s, size_t n, const char *content_type, size_t ct_len);
#endif
