/* test_warc.c: unit tests of the WARC reader (src/read/warc.c) and the
 * charset conversion of pages: good records among broken ones (garbage,
 * Content-Length too short, too long and missing, a truncated end), input
 * that arrives one byte at a time, and pages in other charsets. */
#include "test.h"
#include "read/warc.h"
#include "lagebild.h"
#include <stdlib.h>

typedef struct mem { const char *s; size_t n, pos, step; } mem;

static long mem_read(void *user, void *buf, size_t n)
{
    mem *m = user;
    size_t take = m->n - m->pos;
    if (take > n) take = n;
    if (m->step && take > m->step) take = m->step;
    memcpy(buf, m->s + m->pos, take);
    m->pos += take;
    return (long)take;
}

static void add_record(lb_buf *b, const char *type, const char *url, const char *block, long delta, int with_length)
{
    lb_buf_printf(b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-06T07:08:09Z\r\n", type, url);
    if (with_length) lb_buf_printf(b, "Content-Length: %ld\r\n", (long)strlen(block) + delta);
    lb_buf_printf(b, "\r\n%s\r\n\r\n", block);
}

#define PAGE(word) "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>" word "</p></body></html>"

static void build(lb_buf *b)
{
    lb_buf_adds(b, "garbage before the first record\r\n");
    add_record(b, "warcinfo", "", "format: WARC File Format 1.1\r\n", 0, 1);
    add_record(b, "response", "https://a.example/1", PAGE("eins"), 0, 1);
    add_record(b, "request", "https://a.example/2", "GET / HTTP/1.1\r\n\r\n", 0, 1);
    add_record(b, "response", "https://a.example/short", PAGE("kurz"), -7, 1);
    add_record(b, "response", "https://a.example/2", PAGE("zwei"), 0, 1);
    add_record(b, "response", "https://a.example/long", PAGE("lang"), 400, 1);
    add_record(b, "response", "https://a.example/3", PAGE("drei"), 0, 1);
    add_record(b, "response", "https://a.example/nolen", PAGE("ohne"), 0, 0);
    add_record(b, "response", "https://a.example/4", PAGE("vier"), 0, 1);
    add_record(b, "response", "https://a.example/500", "HTTP/1.1 500 Oops\r\nContent-Type: text/html\r\n\r\n<p>x</p>", 0, 1);
    add_record(b, "response", "https://a.example/bin", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG", 0, 1);
    add_record(b, "response", "https://a.example/nohttp", "no http here", 0, 1);
    add_record(b, "response", "https://a.example/cut", PAGE("abgeschnitten"), 0, 1);
    b->len -= 30;   /* the last record is cut off */
}

static void run(size_t step)
{
    lb_buf b;
    lb_buf_init(&b, 1 << 20);
    build(&b);
    mem m = { b.data, b.len, 0, step };
    lb_warc *w = lb_warc_new();
    lb_warc_start(w, mem_read, &m);
    static const char *const want_ok[] = { "https://a.example/1", "https://a.example/2", "https://a.example/3", "https://a.example/4" };
    size_t ok = 0, errors = 0, guard = 0;
    char err[256], all_err[4096] = "";
    lb_warc_page p;
    int rc;
    while ((rc = lb_warc_next(w, &p, err, sizeof err)) != LB_DONE && guard++ < 100) {
        if (rc == LB_OK) {
            if (ok < 4) CHECK_SPAN(p.url, 0, p.url_len, want_ok[ok]);
            CHECK_SPAN(p.date, 0, p.date_len, "2024-05-06T07:08:09Z");
            CHECK(p.html_len > 20 && strstr(p.html, "<p>") != NULL);
            ok++;
        } else {
            CHECK(rc == LB_EINPUT);
            errors++;
            strncat(all_err, err, sizeof all_err - strlen(all_err) - 2);
            strcat(all_err, "\n");
        }
    }
    CHECK_INT(ok, 4);
    CHECK_INT(errors, 8);   /* garbage, short, long, no length, 500, png, no http, cut */
    CHECK(strstr(all_err, "not a WARC record") != NULL);
    CHECK(strstr(all_err, "(https://a.example/short): wrong Content-Length") != NULL);
    CHECK(strstr(all_err, "(https://a.example/long): wrong Content-Length") != NULL);
    CHECK(strstr(all_err, "(https://a.example/nolen): missing or malformed Content-Length") != NULL);
    CHECK(strstr(all_err, "HTTP status 500") != NULL);
    CHECK(strstr(all_err, "not HTML (image/png)") != NULL);
    CHECK(strstr(all_err, "without HTTP headers") != NULL);
    CHECK(strstr(all_err, "(https://a.example/cut): truncated record") != NULL);
    lb_warc_free(w);
    lb_buf_free(&b);
}

static void test_charsets(void)
{
    lb_buf out;
    lb_buf_init(&out, 1 << 20);
    static const char latin[] = "<html><meta charset=\"iso-8859-1\"><p>Z\xfcrich \x80</p>";
    CHECK_INT(lb_html_to_utf8(&out, latin, sizeof latin - 1, NULL, 0), LB_OK);
    CHECK(out.len && strstr(out.data, "Z\xc3\xbcrich \xe2\x82\xac") != NULL);   /* windows-1252: the euro sign */
    static const char guess[] = "<p>Stra\xdf" "e</p>";                            /* no charset, not UTF-8 */
    CHECK_INT(lb_html_to_utf8(&out, guess, sizeof guess - 1, NULL, 0), LB_OK);
    CHECK(strstr(out.data, "Stra\xc3\x9f" "e") != NULL);
    static const char koi[] = "<p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";                /* "Привет" in KOI8-R */
    CHECK_INT(lb_html_to_utf8(&out, koi, sizeof koi - 1, "text/html; charset=KOI8-R", 25), LB_OK);
    CHECK(strstr(out.data, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82") != NULL);
    static const char bogus[] = "<meta charset=no-such-charset><p>ok \xff</p>";
    CHECK_INT(lb_html_to_utf8(&out, bogus, sizeof bogus - 1, NULL, 0), LB_OK);
    CHECK(strstr(out.data, "ok ") != NULL);
    lb_buf_free(&out);
}

int main(void)
{
    run(0);
    run(1);     /* one byte per read */
    run(4093);
    test_charsets();
    return TEST_END();
}
