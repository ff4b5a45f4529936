/* warc.c: WARC 1.0/1.1 records to HTML pages. A record is a version line,
 * header lines, a blank line, Content-Length bytes of block and CRLF CRLF.
 * Response records hold an HTTP response: status 200 and an HTML
 * Content-Type make a page (converted to UTF-8), others are reported and
 * skipped. A record whose block does not end where Content-Length says, a
 * record without Content-Length and a truncated last record are errors of
 * that record: the reader looks for the next "WARC/1." line and goes on.
 * Sizes are capped (LB_MAX_WARC_*); memory is one buffer per reader. */
#include "read/warc.h"
#include "core/limits.h"
#include "lagebild.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct lb_warc {
    lb_warc_read_fn rd;
    void *user;
    char *buf; size_t pos, len, cap;   /* unread input is buf[pos, len) */
    int eof, ioerr;
    size_t record;                     /* records started in this file */
    char url[LB_MAX_FIELD_BYTES], date[64];
    lb_buf html;
};

lb_warc *lb_warc_new(void)
{
    lb_warc *w = calloc(1, sizeof *w);
    if (w) lb_buf_init(&w->html, LB_MAX_DOC_BYTES);
    return w;
}

void lb_warc_free(lb_warc *w)
{
    if (!w) return;
    free(w->buf);
    lb_buf_free(&w->html);
    free(w);
}

void lb_warc_start(lb_warc *w, lb_warc_read_fn rd, void *user)
{
    w->rd = rd; w->user = user;
    w->pos = w->len = 0; w->eof = w->ioerr = 0; w->record = 0;
}

/* Makes n bytes available at buf + pos if the input has them; returns how
 * many are available (less than n only at the end or on error). */
static size_t want(lb_warc *w, size_t n)
{
    if (w->len - w->pos >= n || w->eof) return w->len - w->pos;
    if (w->pos) { memmove(w->buf, w->buf + w->pos, w->len - w->pos); w->len -= w->pos; w->pos = 0; }
    if (n + 1 > w->cap) {
        size_t ncap = w->cap ? w->cap : 1 << 16;
        while (ncap < n + 1) ncap *= 2;
        char *b = realloc(w->buf, ncap);
        if (!b) { w->eof = w->ioerr = 1; return w->len - w->pos; }
        w->buf = b; w->cap = ncap;
    }
    while (w->len < n && !w->eof) {
        long got = w->rd(w->user, w->buf + w->len, w->cap - 1 - w->len);
        if (got < 0) w->ioerr = 1;
        if (got <= 0) w->eof = 1;
        else w->len += (size_t)got;
    }
    return w->len - w->pos;
}

/* Throws away input up to the next line that starts with "WARC/1." (or all). */
static void resync(lb_warc *w)
{
    for (;;) {
        size_t have = want(w, 4096);
        if (have < 8) { w->pos = w->len; return; }
        char *s = w->buf + w->pos;
        for (size_t i = 1; i + 7 <= have; i++)
            if (s[i - 1] == '\n' && !memcmp(s + i, "WARC/1.", 7)) { w->pos += i; return; }
        w->pos += have - 7;
        if (w->eof) { w->pos = w->len; return; }
        want(w, have + 4096 < 1 << 20 ? have + 4096 : 1 << 20);
    }
}

/* The value of header name in the block hdr (n bytes), or NULL. */
static const char *header(const char *hdr, size_t n, const char *name, size_t *vlen)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i < n;) {
        const char *e = memchr(hdr + i, '\n', n - i);
        size_t end = e ? (size_t)(e - hdr) : n;
        if (end - i > nl && hdr[i + nl] == ':' && !strncasecmp(hdr + i, name, nl)) {
            size_t a = i + nl + 1, b = end;
            while (a < b && (hdr[a] == ' ' || hdr[a] == '\t')) a++;
            while (b > a && (hdr[b - 1] == '\r' || hdr[b - 1] == ' ')) b--;
            *vlen = b - a;
            return hdr + a;
        }
        i = end + 1;
    }
    return NULL;
}

/* Length of the header block at buf + pos up to and with its blank line, 0 if none within cap. */
static size_t header_end(lb_warc *w)
{
    size_t have = want(w, 4096), from = 0;
    for (;;) {
        const char *s = w->buf + w->pos;
        for (size_t i = from; i + 1 < have; i++)
            if (s[i] == '\n' && (s[i + 1] == '\n' || (i + 2 < have && s[i + 1] == '\r' && s[i + 2] == '\n')))
                return i + (s[i + 1] == '\n' ? 2 : 3);
        if (w->eof || have >= LB_MAX_WARC_HEADER_BYTES) return 0;
        from = have ? have - 2 : 0;
        have = want(w, have * 2);
    }
}

static int fail(lb_warc *w, char *err, size_t errlen, int status, const char *why)
{
    snprintf(err, errlen, "record %zu%s%s%s: %s", w->record, *w->url ? " (" : "", w->url, *w->url ? ")" : "", why);
    return status;
}

static void copy_field(char *dst, size_t cap, const char *v, size_t n)
{
    if (!v) n = 0;
    if (n >= cap) n = cap - 1;
    if (n) memcpy(dst, v, n);
    dst[n] = '\0';
}

/* The HTTP response in block (n bytes): status 200 and HTML, then the page. */
static int http_page(lb_warc *w, const char *block, size_t n, char *err, size_t errlen)
{
    const char *e = NULL;
    for (size_t i = 0; i + 1 < n && i < LB_MAX_WARC_HEADER_BYTES; i++)
        if (block[i] == '\n' && (block[i + 1] == '\n' || (i + 2 < n && block[i + 1] == '\r' && block[i + 2] == '\n'))) {
            e = block + i + (block[i + 1] == '\n' ? 2 : 3);
            break;
        }
    if (n < 12 || strncmp(block, "HTTP/", 5) || !e) return fail(w, err, errlen, LB_EINPUT, "response without HTTP headers; skipped");
    const char *sp = memchr(block, ' ', 12);
    int status = sp ? atoi(sp + 1) : 0;
    if (status != 200) {
        char why[64];
        snprintf(why, sizeof why, "HTTP status %d; skipped", status);
        return fail(w, err, errlen, LB_EINPUT, why);
    }
    size_t hl = (size_t)(e - block), ctl = 0;
    const char *ct = header(block, hl, "Content-Type", &ctl);
    if (ct && !(ctl >= 9 && (!strncasecmp(ct, "text/html", 9) || !strncasecmp(ct, "application/xhtml", 17)))) {
        char why[160];
        snprintf(why, sizeof why, "not HTML (%.*s); skipped", (int)(ctl < 100 ? ctl : 100), ct);
        return fail(w, err, errlen, LB_EINPUT, why);
    }
    if (lb_html_to_utf8(&w->html, e, n - hl, ct, ctl)) return fail(w, err, errlen, LB_ELIMIT, "page too large; skipped");
    return LB_OK;
}

int lb_warc_next(lb_warc *w, lb_warc_page *out, char *err, size_t errlen)
{
    for (;;) {
        while (want(w, 2) && (w->buf[w->pos] == '\r' || w->buf[w->pos] == '\n')) w->pos++;
        if (want(w, 1) == 0) return w->ioerr ? (snprintf(err, errlen, "read error after record %zu", w->record), LB_EIO) : LB_DONE;
        w->record++;
        w->url[0] = '\0';
        if (want(w, 8) < 8 || memcmp(w->buf + w->pos, "WARC/1.", 7)) {
            resync(w);
            return fail(w, err, errlen, LB_EINPUT, "not a WARC record (no \"WARC/1.x\" line); skipped to the next one");
        }
        size_t hl = header_end(w);
        if (!hl) { resync(w); return fail(w, err, errlen, LB_EINPUT, "WARC headers without end (truncated or too long)"); }
        const char *h = w->buf + w->pos;
        size_t n, tl = 0, ul = 0, dl = 0;
        const char *type = header(h, hl, "WARC-Type", &tl);
        const char *uri = header(h, hl, "WARC-Target-URI", &ul), *wdate = header(h, hl, "WARC-Date", &dl);
        copy_field(w->url, sizeof w->url, uri, ul);
        copy_field(w->date, sizeof w->date, wdate, dl);
        int is_response = type && tl == 8 && !strncasecmp(type, "response", 8);
        const char *cl = header(h, hl, "Content-Length", &n);
        char *end = NULL;
        unsigned long long len = cl && n && cl[0] >= '0' && cl[0] <= '9' ? strtoull(cl, &end, 10) : 0;
        if (!cl || !end || end != cl + n) { w->pos += hl; resync(w); return fail(w, err, errlen, LB_EINPUT, "missing or malformed Content-Length"); }
        if (len > LB_MAX_WARC_RECORD_BYTES) {
            /* skipped up to the next record, whether the length is true or not */
            w->pos += hl;
            resync(w);
            return fail(w, err, errlen, LB_ELIMIT, "record larger than the cap (or a wrong Content-Length); skipped");
        }
        size_t need = hl + (size_t)len + 4;
        size_t have = want(w, need);
        h = w->buf + w->pos;
        int ends_right = have >= need && !memcmp(h + hl + len, "\r\n\r\n", 4);
        if (!ends_right) {
            /* the next record starts elsewhere: Content-Length is wrong, or the file ends early */
            w->pos += hl;
            int truncated = w->eof && have < need;
            const char *next = NULL;
            for (size_t i = hl; i + 8 <= have && !next; i++)
                if (h[i - 1] == '\n' && !memcmp(h + i, "WARC/1.", 7)) next = h + i;
            if (next) { w->pos = (size_t)(next - w->buf); return fail(w, err, errlen, LB_EINPUT, "wrong Content-Length (the block does not end there); skipped"); }
            w->pos = w->len;
            return fail(w, err, errlen, LB_EINPUT, truncated ? "truncated record (the file ends inside it); skipped" : "wrong Content-Length; skipped");
        }
        w->pos += need;
        if (!is_response) continue;   /* request, metadata, warcinfo: not documents */
        int rc = http_page(w, h + hl, (size_t)len, err, errlen);
        if (rc) return rc;
        out->url = w->url; out->url_len = strlen(w->url);
        out->date = w->date; out->date_len = strlen(w->date);
        out->html = w->html.data ? w->html.data : ""; out->html_len = w->html.len;
        out->record = w->record;
        return LB_OK;
    }
}
