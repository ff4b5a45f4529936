/* jsonw.c: streaming JSON writer (see jsonw.h). */
#include "core/jsonw.h"
#include "core/utf8.h"
#include <stdio.h>
#include <string.h>

void lb_jw_init(lb_jsonw *w, lb_buf *out) { w->out = out; w->depth = 0; w->first[0] = 1; w->failed = 0; }

static void put(lb_jsonw *w, const char *s, size_t n) { if (!w->failed && lb_buf_add(w->out, s, n)) w->failed = 1; }

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

static void raw_str(lb_jsonw *w, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    put(w, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') continue;
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

void lb_jw_key(lb_jsonw *w, const char *key)
{
    sep(w);
    raw_str(w, key, strlen(key));
    put(w, ":", 1);
    w->first[w->depth] = 1;   /* the value that follows takes no comma */
}

/* Strings that are not valid UTF-8 are written with U+FFFD for bad bytes, so
 * that the output is always valid JSON. */
void lb_jw_str(lb_jsonw *w, const char *s, size_t n)
{
    sep(w);
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
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%lld", (long long)v);
    sep(w); put(w, tmp, (size_t)n);
}

void lb_jw_num(lb_jsonw *w, double v)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%.4g", v);
    sep(w); put(w, tmp, (size_t)n);
}

void lb_jw_span(lb_jsonw *w, size_t start, size_t end)
{
    char tmp[48];
    int n = snprintf(tmp, sizeof tmp, "[%zu,%zu]", start, end);
    sep(w); put(w, tmp, (size_t)n);
}

int lb_jw_status(const lb_jsonw *w) { return (w->failed || w->depth) ? -1 : 0; }
