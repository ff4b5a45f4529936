/* jsonl_fast.c: the fast path of a JSONL line (lb_jsonl_fast): one flat
 * object whose values are strings or null (an integer for "id"), keys
 * without escapes, no known key twice. Such a line is decoded exactly as
 * jansson decodes it (JSON_ALLOW_NUL); for anything else (other values, a
 * \u escape of a surrogate, a control byte, UTF-8 that is not strict,
 * malformed JSON) it answers 1 and the reader parses the line with jansson,
 * which also words the errors. jansson builds a tree of every value; this
 * writes the strings once into one buffer. Must not print. */
#include "read/reader_internal.h"
#include <stdio.h>
#include <string.h>

static const char *const key_names[LB_JF_COUNT] = { "id", "text", "html", "date", "lang", "source", "url", "title" };

typedef struct scan { const unsigned char *p, *end; char *out; } scan;

static void skip_ws(scan *s)
{
    while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r')) s->p++;
}

/* Length of the strict UTF-8 sequence at p (lead byte >= 0x80), 0 if not one. */
static int utf8_len(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    int n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (!n || end - p < n) return 0;
    for (int k = 1; k < n; k++) if ((p[k] & 0xc0) != 0x80) return 0;
    if (c == 0xe0 && p[1] < 0xa0) return 0;   /* overlong */
    if (c == 0xed && p[1] >= 0xa0) return 0;  /* a surrogate */
    if (c == 0xf0 && p[1] < 0x90) return 0;   /* overlong */
    if (c == 0xf4 && p[1] >= 0x90) return 0;  /* beyond U+10FFFF */
    return n;
}

static int hex4(const unsigned char *p, unsigned *v)
{
    *v = 0;
    for (int k = 0; k < 4; k++) {
        unsigned c = p[k], d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 16;
        if (d > 15) return -1;
        *v = *v << 4 | d;
    }
    return 0;
}

/* Decodes the string at s->p (after its opening quote) to s->out, NUL
 * terminated; *len its bytes. 0, or 1 (leave the line to jansson). */
static int string(scan *s, const char **val, size_t *len, int escapes_ok)
{
    char *o = s->out;
    *val = o;
    while (s->p < s->end) {
        const unsigned char *run = s->p;
        while (s->p < s->end && *s->p >= 0x20 && *s->p < 0x80 && *s->p != '"' && *s->p != '\\') s->p++;
        memcpy(o, run, (size_t)(s->p - run));
        o += s->p - run;
        if (s->p >= s->end) return 1;
        unsigned c = *s->p;
        if (c == '"') {
            s->p++;
            *o = '\0';
            *len = (size_t)(o - *val);
            s->out = o + 1;
            return 0;
        }
        if (c < 0x20) return 1;
        if (c >= 0x80) {
            int n = utf8_len(s->p, s->end);
            if (!n) return 1;
            memcpy(o, s->p, (size_t)n);
            o += n; s->p += n;
            continue;
        }
        if (!escapes_ok || s->end - s->p < 2) return 1;   /* a backslash */
        unsigned e = s->p[1], v;
        const char *simple = strchr("\"\\/bfnrt", (int)e);
        if (e && simple) {
            *o++ = "\"\\/\b\f\n\r\t"[simple - "\"\\/bfnrt"];
            s->p += 2;
            continue;
        }
        if (e != 'u' || s->end - s->p < 6 || hex4(s->p + 2, &v) || (v >= 0xd800 && v <= 0xdfff)) return 1;
        if (v < 0x80) *o++ = (char)v;
        else if (v < 0x800) { *o++ = (char)(0xc0 | v >> 6); *o++ = (char)(0x80 | (v & 0x3f)); }
        else { *o++ = (char)(0xe0 | v >> 12); *o++ = (char)(0x80 | (v >> 6 & 0x3f)); *o++ = (char)(0x80 | (v & 0x3f)); }
        s->p += 6;
    }
    return 1;
}

/* An integer as jansson reads one (no fraction or exponent, at most 18
 * digits here) into f->num. 0, or 1. */
static int integer(scan *s, lb_jf_value *f)
{
    const unsigned char *q = s->p;
    int neg = q < s->end && *q == '-';
    q += neg;
    const unsigned char *digits = q;
    long long v = 0;
    while (q < s->end && *q >= '0' && *q <= '9' && q - digits < 19) v = v * 10 + (*q++ - '0');
    size_t nd = (size_t)(q - digits);
    if (!nd || nd > 18 || (digits[0] == '0' && nd > 1)) return 1;
    if (q < s->end && (*q == '.' || *q == 'e' || *q == 'E' || (*q >= '0' && *q <= '9'))) return 1;
    f->kind = LB_JF_INTEGER;
    f->num = neg ? -v : v;
    s->p = q;
    return 0;
}

/* One "key": value pair. 0, or 1. */
static int member(scan *s, lb_jf_value *f)
{
    const char *key;
    size_t kl;
    if (s->p >= s->end || *s->p != '"') return 1;
    s->p++;
    char *mark = s->out;
    if (string(s, &key, &kl, 0)) return 1;
    int which = -1;
    for (int k = 0; k < LB_JF_COUNT && which < 0; k++)
        if (strlen(key_names[k]) == kl && !memcmp(key_names[k], key, kl)) which = k;
    s->out = mark;   /* keys are not kept */
    skip_ws(s);
    if (s->p >= s->end || *s->p != ':') return 1;
    s->p++;
    skip_ws(s);
    if (which >= 0 && f[which].kind != LB_JF_ABSENT) return 1;   /* twice: jansson keeps the last */
    lb_jf_value v = { LB_JF_ABSENT, NULL, 0, 0 };
    if (s->p < s->end && *s->p == '"') {
        s->p++;
        if (string(s, &v.s, &v.len, 1)) return 1;
        v.kind = LB_JF_STRING;
    } else if (s->end - s->p >= 4 && !memcmp(s->p, "null", 4)) {
        s->p += 4;
        v.kind = LB_JF_NULL;
    } else if (which == LB_JF_ID) {
        if (integer(s, &v)) return 1;
    } else {
        return 1;
    }
    if (which >= 0) f[which] = v;
    else if (v.kind == LB_JF_STRING) s->out = (char *)v.s;   /* an unknown key's string is not kept */
    return 0;
}

int lb_jsonl_fast(lb_jf_value f[LB_JF_COUNT], char *buf, const char *line, size_t n)
{
    for (int k = 0; k < LB_JF_COUNT; k++) f[k] = (lb_jf_value){ LB_JF_ABSENT, NULL, 0, 0 };
    scan s = { (const unsigned char *)line, (const unsigned char *)line + n, buf };
    skip_ws(&s);
    if (s.p >= s.end || *s.p++ != '{') return 1;
    skip_ws(&s);
    if (s.p < s.end && *s.p == '}') s.p++;
    else
        for (;;) {
            if (member(&s, f)) return 1;
            skip_ws(&s);
            if (s.p < s.end && *s.p == ',') { s.p++; skip_ws(&s); continue; }
            if (s.p < s.end && *s.p == '}') { s.p++; break; }
            return 1;
        }
    skip_ws(&s);
    return s.p == s.end ? 0 : 1;
}
