/* pubdate.c: normalises a publication date as inputs give it to ISO 8601
 * ("YYYY-MM-DD", "YYYY-MM", "YYYY"): ISO with or without padding or time,
 * "YYYY/MM/DD", "DD.MM.YYYY", German and English month names ("25. März
 * 2021", "March 25, 2021", "25 Mar 2021"), RFC 2822 / RSS dates ("Thu, 25 Mar
 * 2021 10:00:00 +0000"). Impossible dates (2021-02-30) are refused. Month
 * names come from data/text/months.tsv. Pure: no I/O. */
#include "clean/clean.h"
#include "text/text.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

enum { P_NUM = 1, P_WORD };
typedef struct part { int kind, value, digits; char sep; } part;   /* sep: the byte after it */
#define MAX_PARTS 12

static int days_in(int y, int m)
{
    static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return d[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

static int emit(char out[16], int y, int m, int d)
{
    if (y < 1000 || y > 2999) return -1;
    if (!m) { snprintf(out, 16, "%04d", y); return 0; }
    if (m < 1 || m > 12) return -1;
    if (!d) { snprintf(out, 16, "%04d-%02d", y, m); return 0; }
    if (d < 1 || d > days_in(y, m)) return -1;
    snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
    return 0;
}

/* Splits s into numbers and words; a word's value is its month (0 = none). */
static size_t split(part *p, const char *s, size_t n, const lb_wordset *months)
{
    size_t np = 0, i = 0;
    while (i < n && np < MAX_PARTS) {
        unsigned char c = (unsigned char)s[i];
        if (isdigit(c)) {
            int v = 0, k = 0;
            while (i < n && isdigit((unsigned char)s[i]) && k < 9) { v = v * 10 + (s[i++] - '0'); k++; }
            p[np] = (part){ P_NUM, v, k, i < n ? s[i] : 0 };
            np++;
        } else if (isalpha(c) || c >= 0x80) {
            size_t st = i;
            while (i < n && (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)) i++;
            char f[64];
            size_t fl = lb_fold(f, sizeof f, s + st, i - st);
            uint32_t m = 0;
            if (!fl || !lb_wordset_get(months, f, fl, &m) || m > 12) m = 0;
            p[np] = (part){ P_WORD, (int)m, 0, i < n ? s[i] : 0 };
            np++;
        } else {
            i++;
        }
    }
    return np;
}

static int year_of(const part *p)
{
    if (p->kind != P_NUM) return -1;
    if (p->digits == 4) return p->value;
    if (p->digits == 2) return 2000 + p->value;
    return -1;
}

int lb_pubdate(char out[16], const char *s, size_t n, const lb_wordset *months)
{
    part p[MAX_PARTS];
    size_t np = split(p, s, n, months);
    size_t k = 0;
    while (k < np && p[k].kind == P_WORD && !p[k].value) k++;      /* a weekday: "Thu," */
    if (k >= np) return -1;
    const part *a = &p[k], *b = k + 1 < np ? &p[k + 1] : NULL, *c = k + 2 < np ? &p[k + 2] : NULL;
    if (a->kind == P_NUM && a->digits == 4) {                       /* 2021, 2021-03, 2021/3/5, 2021-03-25T10:00 */
        if (!b || b->kind != P_NUM || (a->sep != '-' && a->sep != '/' && a->sep != '.')) return emit(out, a->value, 0, 0);
        if (!c || c->kind != P_NUM || b->sep != a->sep || c->digits > 2) return b->digits <= 2 ? emit(out, a->value, b->value, 0) : -1;
        return b->digits <= 2 ? emit(out, a->value, b->value, c->value) : -1;
    }
    if (a->kind == P_NUM && a->digits <= 2 && b && b->kind == P_NUM && a->sep == '.' && b->sep == '.' && c)
        return b->digits <= 2 ? emit(out, year_of(c), b->value, a->value) : -1;           /* 25.03.2021 */
    if (a->kind == P_NUM && a->digits <= 2 && b && b->kind == P_WORD && b->value && c)
        return emit(out, year_of(c), b->value, a->value);                                   /* 25. März 2021 */
    if (a->kind == P_WORD && a->value && b && b->kind == P_NUM) {
        if (b->digits == 4) return emit(out, b->value, a->value, 0);                         /* März 2021 */
        if (b->digits <= 2 && c) return emit(out, year_of(c), a->value, b->value);          /* March 25, 2021 */
    }
    return -1;
}
