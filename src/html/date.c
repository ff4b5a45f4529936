/* date.c: publication dates as pages write them, normalised to YYYY-MM-DD.
 * Only numeric forms: ISO 8601 and its relatives (2019-08-02, 2019/08/02,
 * 2019.08.02, 20190802), day first (02.08.2019, 2/8/2019 read as day/month
 * only with dots) and a URL path /2019/08/02/ or /2019/08/. Month names are
 * left to the visible dateline rules. */
#include "html/html_internal.h"
#include <stdio.h>
#include <string.h>

static int digits(const char *s, size_t n, size_t k, int *v)
{
    if (n < k) return 0;
    int x = 0;
    for (size_t i = 0; i < k; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 1;
}

static int valid(int y, int m, int d) { return y >= 1990 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31; }

static int put(char out[11], int y, int m, int d)
{
    if (!valid(y, m, d)) return 0;
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    return 1;
}

/* Year first at s: 2019-08-02, 2019/8/2, 2019.08.02, 20190802. */
static int year_first(char out[11], const char *s, size_t n)
{
    int y, m, d;
    if (!digits(s, n, 4, &y)) return 0;
    if (n >= 8 && digits(s, n, 8, &d) && (n == 8 || s[8] < '0' || s[8] > '9'))
        return put(out, d / 10000, d / 100 % 100, d % 100);
    if (n < 8 || (s[4] != '-' && s[4] != '/' && s[4] != '.')) return 0;
    char sep = s[4];
    size_t i = 5, ml = (n > 6 && s[6] >= '0' && s[6] <= '9') ? 2 : 1;
    if (!digits(s + i, n - i, ml, &m)) return 0;
    i += ml;
    if (i >= n || s[i] != sep) return 0;
    i++;
    size_t dl = (n > i + 1 && s[i + 1] >= '0' && s[i + 1] <= '9') ? 2 : 1;
    if (!digits(s + i, n - i, dl, &d)) return 0;
    if (i + dl < n && s[i + dl] >= '0' && s[i + dl] <= '9') return 0;
    return put(out, y, m, d);
}

/* Day first with dots: 2.8.2019, 02.08.2019. */
static int day_first(char out[11], const char *s, size_t n)
{
    int d, m, y;
    size_t i = 0, dl = (n > 1 && s[1] >= '0' && s[1] <= '9') ? 2 : 1;
    if (!digits(s, n, dl, &d)) return 0;
    i = dl;
    if (i >= n || s[i] != '.') return 0;
    i++;
    while (i < n && s[i] == ' ') i++;
    size_t ml = (n > i + 1 && s[i + 1] >= '0' && s[i + 1] <= '9') ? 2 : 1;
    if (!digits(s + i, n - i, ml, &m)) return 0;
    i += ml;
    if (i >= n || s[i] != '.') return 0;
    i++;
    while (i < n && s[i] == ' ') i++;
    if (!digits(s + i, n - i, 4, &y)) return 0;
    if (i + 4 < n && s[i + 4] >= '0' && s[i + 4] <= '9') return 0;
    return put(out, y, m, d);
}

/* URL path: /2019/08/02/ or /2019/08/ (then the first of the month is not
 * claimed: the date is only taken with a day). */
static int url_date(char out[11], const char *s, size_t n)
{
    for (size_t i = 0; i + 11 <= n; i++) {
        if (s[i] != '/') continue;
        int y, m, d;
        if (!digits(s + i + 1, n - i - 1, 4, &y) || s[i + 5] != '/') continue;
        size_t j = i + 6;
        if (!digits(s + j, n - j, 2, &m) || j + 2 >= n || s[j + 2] != '/') continue;
        j += 3;
        if (!digits(s + j, n - j, 2, &d)) continue;
        if (j + 2 < n && s[j + 2] >= '0' && s[j + 2] <= '9') continue;
        if (put(out, y, m, d)) return 1;
    }
    return 0;
}

int lb_html_date(char out[11], const char *s, size_t n)
{
    if (!s) return 0;
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) i++;
    s += i; n -= i;
    if (n >= 4 && (s[0] == '/' || (s[0] == 'h' && s[1] == 't' && s[2] == 't' && s[3] == 'p'))) return url_date(out, s, n);
    if (year_first(out, s, n)) return 1;
    if (day_first(out, s, n)) return 1;
    for (size_t k = 0; k + 4 < n; k++)
        if (s[k] == '/' && url_date(out, s + k, n - k)) return 1;
    return 0;
}

/* ---- dates in running text ---------------------------------------------- */

typedef struct dtok { int kind, value; } dtok;   /* kind: 1 number (value), 2 month (value), 0 other */

static int filler(const char *s, size_t n)
{
    return (n == 2 && (!strncmp(s, "de", 2) || !strncmp(s, "of", 2) || !strncmp(s, "di", 2))) || (n == 3 && !strncmp(s, "del", 3));
}

/* A written-out date ends at a year: look back at the tokens before it. */
static int written_date(char out[11], const dtok *t, size_t k)
{
    int y = t[k].value;
    if (k >= 2 && t[k - 1].kind == 2 && t[k - 2].kind == 1) return put(out, y, t[k - 1].value, t[k - 2].value);
    if (k >= 2 && t[k - 1].kind == 1 && t[k - 2].kind == 2) return put(out, y, t[k - 2].value, t[k - 1].value);
    return 0;
}

int lb_html_text_date(char out[11], const struct lb_html_rules *r, const char *s, size_t n)
{
    dtok win[3] = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= '0' && c <= '9') {
            if ((i == 0 || s[i - 1] < '0' || s[i - 1] > '9') && (year_first(out, s + i, n - i) || day_first(out, s + i, n - i))) return 1;
            size_t j = i;
            int v = 0;
            while (j < n && s[j] >= '0' && s[j] <= '9' && j - i < 5) v = v * 10 + (s[j++] - '0');
            while (j < n && s[j] >= '0' && s[j] <= '9') j++;
            win[0] = win[1]; win[1] = win[2]; win[2] = (dtok){ 1, v };
            if (j - i == 4 && written_date(out, win, 2)) return 1;
            /* "2nd", "1er": an ordinal suffix belongs to the number */
            while (j < n && ((s[j] >= 'a' && s[j] <= 'z')) && j - i < 6) j++;
            i = j;
            continue;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
            char w[24];
            size_t j = i, k = 0;
            while (j < n && (((unsigned char)s[j] >= 'a' && (unsigned char)s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || (unsigned char)s[j] >= 0x80)) {
                if (k < sizeof w) w[k++] = (char)(s[j] >= 'A' && s[j] <= 'Z' ? s[j] + 32 : s[j]);
                j++;
            }
            uint32_t m;
            if (j - i <= sizeof w && lb_html_month(r, w, k, &m)) { win[0] = win[1]; win[1] = win[2]; win[2] = (dtok){ 2, (int)m }; }
            else if (!filler(w, k)) { win[0] = win[1]; win[1] = win[2]; win[2] = (dtok){ 0, 0 }; }
            i = j;
            continue;
        }
        /* punctuation and spaces between the parts of a date are skipped;
         * a sentence end breaks the run */
        if (c == '!' || c == '?' || c == '|' || c == ';') { win[2] = (dtok){ 0, 0 }; win[1] = win[2]; }
        i++;
    }
    return 0;
}
