/* test.h: a minimal assertion kit for the unit tests. Each CHECK records a
 * failure with file and line and goes on; TEST_END prints a summary line
 * and makes the exit status non-zero when anything failed. */
#ifndef LB_TEST_H
#define LB_TEST_H
#include <stdio.h>
#include <string.h>

static int lb_test_failed, lb_test_passed;

#define CHECK(cond) do { if (cond) lb_test_passed++; else { lb_test_failed++; \
    fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_INT(a, b) do { long long _a = (long long)(a), _b = (long long)(b); \
    if (_a == _b) lb_test_passed++; else { lb_test_failed++; \
    fprintf(stderr, "%s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, _a, _b); } } while (0)
#define CHECK_STR(a, b) do { const char *_a = (a), *_b = (b); \
    if (_a && _b && !strcmp(_a, _b)) lb_test_passed++; else { lb_test_failed++; \
    fprintf(stderr, "%s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__, __LINE__, #a, _a ? _a : "(null)", _b ? _b : "(null)"); } } while (0)
/* a span of text equals a literal */
#define CHECK_SPAN(text, s, e, lit) do { size_t _n = (size_t)((e) - (s)); \
    if (_n == strlen(lit) && !memcmp((text) + (s), lit, _n)) lb_test_passed++; else { lb_test_failed++; \
    fprintf(stderr, "%s:%d: span \"%.*s\", expected \"%s\"\n", __FILE__, __LINE__, (int)_n, (text) + (s), lit); } } while (0)
#define TEST_END() (printf("%d passed, %d failed\n", lb_test_passed, lb_test_failed), lb_test_failed ? 1 : 0)
#endif
