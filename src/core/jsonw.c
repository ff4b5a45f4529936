/* jsonw.c: streaming JSON writer (see jsonw.h). */
#include "core/jsonw.h"
#include "core/utf8.h"
#include <stdio.h>
#include <string.h>

void lb_jw_init(lb_jsonw *w, lb_buf *out) { w->out = out; w->depth = 0; w->first[0] = 1; w->failed = 0; }

/* appends n bytes; the common case (room left in the buffer) without a call */
static inline void put(lb_jsonw *w, const char *s, size_t n)
{
    lb_buf *b = w->out;
    if (w->failed) return;
    if (n < b->cap - b->len && n <= b->max - b->len) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
    } else if (lb_buf_add(b, s, n)) w->failed = 1;
}

/* decimal digits of v, written backwards to end; returns the first digit */
static char *put_digits(char *end, uint64_t v)
{
    do { *--end = (char)('0' + v % 10); v /= 10; } while (v);
    return end;
}

/* comma before a value unless it follows a key or is first in its container */
static void sep(lb_jsonw *w)
{
    if (w->first[w->depth]) w->first[w->depth] = 0;
    else put(w, ",", 1);
}

static void open(lb_jsonw *w, const char *c)
{
    sep(w);
    put(w, c, 1);
    if (w->depth + 1 >= LB_JSONW_DEPTH) { w->failed = 1; return; }
    w->first[++w->depth] = 1;
}

static void close_(lb_jsonw *w, const char *c)
{
    if (w->depth == 0) { w->failed = 1; return; }
    w->depth--;
    put(w, c, 1);
}

void lb_jw_obj(lb_jsonw *w) { open(w, "{"); }
void lb_jw_obj_end(lb_jsonw *w) { close_(w, "}"); }
void lb_jw_arr(lb_jsonw *w) { open(w, "["); }
void lb_jw_arr_end(lb_jsonw *w) { close_(w, "]"); }

/* bytes that a JSON string takes as they are */
static inline int plain(unsigned char c) { return c >= 0x20 && c != '"' && c != '\\'; }

/* the quoted string with escapes, one piece at a time */
static void escaped_str(lb_jsonw *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    put(w, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (plain(c)) continue;
        put(w, s + run, i - run);
        run = i + 1;
        char esc[7] = { '\\', 0 };
        switch (c) {
        case '"': esc[1] = '"'; put(w, esc, 2); break;
        case '\\': esc[1] = '\\'; put(w, esc, 2); break;
        case '\n': esc[1] = 'n'; put(w, esc, 2); break;
        case '\r': esc[1] = 'r'; put(w, esc, 2); break;
        case '\t': esc[1] = 't'; put(w, esc, 2); break;
        default:
            esc[1] = 'u'; esc[2] = '0'; esc[3] = '0'; esc[4] = hex[c >> 4]; esc[5] = hex[c & 15];
            put(w, esc, 6);
        }
    }
    put(w, s + run, n - run);
    put(w, "\"", 1);
}

/* The quoted string; when it needs no escape and fits the buffer, copied in
 * one pass (else escaped_str). extra bytes of room are kept for the caller. */
static int raw_str_fast(lb_jsonw *w, const char *s, size_t n, size_t extra)
{
    lb_buf *b = w->out;
    if (w->failed || n + 2 + extra >= b->cap - b->len || n + 2 + extra > b->max - b->len) return 0;
    char *p = b->data + b->len + 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!plain(c)) return 0;
        p[i] = (char)c;
    }
    b->data[b->len] = '"';
    p[n] = '"';
    b->len += n + 2;
    b->data[b->len] = '\0';
    return 1;
}

static void raw_str(lb_jsonw *w, const char *s, size_t n)
{
    if (!raw_str_fast(w, s, n, 0)) escaped_str(w, s, n);
}

void lb_jw_key(lb_jsonw *w, const char *key)
{
    sep(w);
    size_t n = strlen(key);
    if (raw_str_fast(w, key, n, 1)) {
        lb_buf *b = w->out;
        b->data[b->len++] = ':';
        b->data[b->len] = '\0';
    } else {
        escaped_str(w, key, n);
        put(w, ":", 1);
    }
    w->first[w->depth] = 1;   /* the value that follows takes no comma */
}

/* the 8 bytes at p are ASCII without control characters, '"' and '\\'
 * (the zero-byte tests of "Bit Twiddling Hacks", exact once no byte has its
 * high bit) */
static inline int plain8(const char *p)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t x, q, b;
    memcpy(&x, p, 8);
    if (x & high) return 0;
    q = x ^ (ones * '"');
    b = x ^ (ones * '\\');
    uint64_t found = ((x - ones * 0x20) & ~x) | ((q - ones) & ~q) | ((b - ones) & ~b);
    return !(found & high);
}

/* s is printable ASCII without '"' and '\\': valid UTF-8 that needs no escape */
static int plain_ascii(const char *s, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n && plain8(s + i)) i += 8;
    for (; i < n; i++)
        if ((unsigned char)s[i] >= 0x80 || !plain((unsigned char)s[i])) return 0;
    return 1;
}

void lb_jw_key_quoted(lb_jsonw *w, const char *quoted, size_t n)
{
    sep(w);
    put(w, quoted, n);
    w->first[w->depth] = 1;   /* the value that follows takes no comma */
}

/* Strings that are not valid UTF-8 are written with U+FFFD for bad bytes, so
 * that the output is always valid JSON. */
void lb_jw_str(lb_jsonw *w, const char *s, size_t n)
{
    sep(w);
    if (plain_ascii(s, n)) { put(w, "\"", 1); put(w, s, n); put(w, "\"", 1); return; }
    if (lb_utf8_valid_prefix(s, n) == n) { raw_str(w, s, n); return; }
    lb_buf tmp;
    lb_buf_init(&tmp, n * 3 + 16);
    if (lb_utf8_repair(&tmp, s, n, NULL, NULL)) { w->failed = 1; lb_buf_free(&tmp); return; }
    raw_str(w, tmp.data ? tmp.data : "", tmp.len);
    lb_buf_free(&tmp);
}
void lb_jw_cstr(lb_jsonw *w, const char *s) { if (s) lb_jw_str(w, s, strlen(s)); else lb_jw_null(w); }
void lb_jw_null(lb_jsonw *w) { sep(w); put(w, "null", 4); }
void lb_jw_bool(lb_jsonw *w, int v) { sep(w); if (v) put(w, "true", 4); else put(w, "false", 5); }

void lb_jw_int(lb_jsonw *w, int64_t v)
{
    char tmp[32], *end = tmp + sizeof tmp;
    char *p = put_digits(end, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
    if (v < 0) *--p = '-';
    sep(w); put(w, p, (size_t)(end - p));
}

void lb_jw_num(lb_jsonw *w, double v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%.4g", v);
    sep(w); put(w, tmp, (size_t)n);
}

void lb_jw_span(lb_jsonw *w, size_t start, size_t end)
{
    char tmp[48], *stop = tmp + sizeof tmp;
    char *p = stop;
    *--p = ']';
    p = put_digits(p, end);
    *--p = ',';
    p = put_digits(p, start);
    *--p = '[';
    sep(w); put(w, p, (size_t)(stop - p));
}

int lb_jw_status(const lb_jsonw *w) { return (w->failed || w->depth) ? -1 : 0; }
