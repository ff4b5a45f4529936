/* test_reader_fast.c: the JSONL fast path (src/read/jsonl_fast.c) against
 * jansson. Every line it takes must give the fields jansson gives (kind,
 * bytes, integer id); the lines it must leave to jansson (nested values,
 * escapes of surrogates, control bytes, strict UTF-8, duplicates, trailing
 * bytes) must be left; ordinary records must take the fast path. */
#include "test.h"
#include "read/reader_internal.h"
#include <jansson.h>
#include <string.h>

static const char *const KEYS[LB_JF_COUNT] = { "id", "text", "html", "date", "lang", "source", "url", "title" };

/* 1 when the fast path's fields f equal jansson's for line. */
static int same_as_jansson(const lb_jf_value *f, const char *line, size_t n)
{
    json_error_t err;
    json_t *obj = json_loadb(line, n, JSON_ALLOW_NUL, &err);
    int same = obj && json_is_object(obj);
    for (int k = 0; same && k < LB_JF_COUNT; k++) {
        json_t *v = json_object_get(obj, KEYS[k]);
        if (!v) same = f[k].kind == LB_JF_ABSENT;
        else if (json_is_null(v)) same = f[k].kind == LB_JF_NULL;
        else if (json_is_integer(v)) same = f[k].kind == LB_JF_INTEGER && f[k].num == (long long)json_integer_value(v);
        else if (json_is_string(v))
            same = f[k].kind == LB_JF_STRING && f[k].len == json_string_length(v)
                   && !memcmp(f[k].s, json_string_value(v), f[k].len) && f[k].s[f[k].len] == '\0';
        else same = 0;
    }
    json_decref(obj);
    return same;
}

/* Runs the fast path on line (f's strings valid until the next call); 0
 * taken, 1 left to jansson. */
static int fast(const char *line, size_t n, lb_jf_value *f)
{
    static char buf[4096];
    if (n + 16 > sizeof buf) return -1;
    int rc = lb_jsonl_fast(f, buf, line, n);
    int same = rc || same_as_jansson(f, line, n);
    CHECK(same);
    if (!same) fprintf(stderr, "differs from jansson: %.*s\n", (int)n, line);
    return rc;
}

int main(void)
{
    static const char *const taken[] = {
        "{\"id\":\"a\",\"text\":\"Hallo Welt.\"}",
        " { \"id\" : 12 , \"text\" : \"x\" , \"lang\" : null }\t",
        "{\"id\":-0,\"text\":\"\"}",
        "{\"id\":\"\\u00e4\\u20ac\\u0041\",\"text\":\"a\\nb\\t\\\"c\\\"\\\\ \\/ \\b\\f\\r\"}",
        ("{\"id\":\"x\",\"text\":\"nul\\u0000byte\",\"title\":\"Gr\xc3\xbc\xc3\x9f" "e \xf0\x9f\x98\x80\"}"),
        "{\"extra\":\"ignored \\u00fc\",\"id\":\"y\",\"html\":\"<p>z</p>\",\"url\":\"http://a/b\"}",
        "{\"id\":\"z\",\"text\":\"t\",\"date\":\"2024-01-02\",\"source\":\"S\",\"more\":null}",
        "{}",
        "{\"id\":123456789012345678,\"text\":\"big\"}",
    };
    static const char *const left[] = {
        "{\"id\":\"a\",\"text\":\"\\ud83d\\ude00\"}",          /* a surrogate pair: jansson joins it */
        "{\"id\":\"a\",\"text\":\"\\ud800\"}",                  /* a lone surrogate: jansson's error */
        "{\"id\":\"a\",\"text\":{\"x\":1}}",                    /* nested */
        "{\"id\":\"a\",\"tags\":[1,2]}",                        /* an array under another key */
        "{\"id\":1.5,\"text\":\"x\"}",                          /* a real */
        "{\"id\":01,\"text\":\"x\"}",                           /* a leading zero */
        "{\"id\":1234567890123456789,\"text\":\"x\"}",          /* 19 digits */
        "{\"id\":\"a\",\"text\":\"x\",\"text\":\"y\"}",         /* twice: jansson keeps the last */
        "{\"id\":\"a\",\"text\":\"x\"} trailing",
        "{\"id\":\"a\",\"text\":\"x\"",                         /* unterminated */
        "{\"id\":\"a\",\"text\":\"tab\there\"}",                /* a control byte */
        "{\"id\":\"a\",\"text\":\"\xc0\xaf\"}",                 /* overlong UTF-8 */
        "{\"id\":\"a\",\"text\":\"\xed\xa0\x80\"}",             /* an encoded surrogate */
        "{\"id\":\"a\",\"text\":\"\\x\"}",                      /* a bad escape */
        "{\"i\\u0064\":\"a\",\"text\":\"x\"}",                  /* an escaped key */
        "{\"id\":\"a\",\"text\":true}",
        "[\"id\"]",
        "",
    };
    lb_jf_value f[LB_JF_COUNT];
    for (size_t i = 0; i < sizeof taken / sizeof *taken; i++) {
        int rc = fast(taken[i], strlen(taken[i]), f);
        CHECK_INT(rc, 0);
        if (rc) fprintf(stderr, "left to jansson: %s\n", taken[i]);
    }
    for (size_t i = 0; i < sizeof left / sizeof *left; i++) {
        int rc = fast(left[i], strlen(left[i]), f);
        CHECK_INT(rc, 1);
        if (!rc) fprintf(stderr, "taken: %s\n", left[i]);
    }
    /* a NUL byte inside the line (not escaped) */
    static const char nul[] = "{\"id\":\"a\",\"text\":\"x\0y\"}";
    CHECK_INT(fast(nul, sizeof nul - 1, f), 1);
    /* the decoded strings of a taken line */
    CHECK_INT(fast(taken[3], strlen(taken[3]), f), 0);
    CHECK_STR(f[LB_JF_ID].s, "\xc3\xa4\xe2\x82\xac" "A");
    CHECK_STR(f[LB_JF_TEXT].s, "a\nb\t\"c\"\\ / \b\f\r");
    CHECK_INT(fast(taken[1], strlen(taken[1]), f), 0);
    CHECK_INT(f[LB_JF_ID].kind, LB_JF_INTEGER);
    CHECK_INT(f[LB_JF_ID].num, 12);
    CHECK_INT(f[LB_JF_LANG].kind, LB_JF_NULL);
    CHECK_INT(f[LB_JF_DATE].kind, LB_JF_ABSENT);
    return TEST_END();
}
