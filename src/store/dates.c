/* dates.c: turns a TIMEX3 value or an ISO date into the date the store keys
 * on (an ISO prefix "YYYY", "YYYY-MM" or "YYYY-MM-DD" that sorts and compares
 * as text) and its precision. Weeks become their Monday with precision
 * "week" (never a bare year), quarters and seasons their first month. Pure
 * functions; no SQLite here. */
#include "store/dates.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static int digits(const char *s, int n, int *v)
{
    int x = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i])) return 0;
        x = x * 10 + (s[i] - '0');
    }
    *v = x;
    return 1;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

const char *lb_store_date(char out[11], const char *v, const char **prec)
{
    int y, m, d;
    *prec = NULL;
    if (!v || !digits(v, 4, &y)) return NULL;
    if (v[4] == '-' && v[5] == 'W' && digits(v + 6, 2, &m) && m >= 1 && m <= 53) {
        long jan4 = days_from_civil(y, 1, 4);
        long wd = ((jan4 + 3) % 7 + 7) % 7;          /* 0 = Monday (1970-01-01 was a Thursday) */
        long monday = jan4 - wd + 7L * (m - 1);
        civil_from_days(monday, &y, &m, &d);
        snprintf(out, 11, "%04d-%02d-%02d", y % 10000, m, d);
        *prec = "week";
        return out;
    }
    if (v[4] == '-' && v[5] == 'Q' && v[6] >= '1' && v[6] <= '4') {
        snprintf(out, 11, "%04d-%02d", y, (v[6] - '1') * 3 + 1);
        *prec = "quarter";
        return out;
    }
    if (v[4] == '-' && isupper((unsigned char)v[5]) && isupper((unsigned char)v[6]) && !isalnum((unsigned char)v[7])) {
        static const char *const seasons[] = { "SP", "SU", "FA", "WI" };
        for (int i = 0; i < 4; i++)
            if (!strncmp(v + 5, seasons[i], 2)) {
                snprintf(out, 11, "%04d-%02d", y, 3 + 3 * i);
                *prec = "season";
                return out;
            }
        if (!strncmp(v + 5, "H1", 2) || !strncmp(v + 5, "H2", 2)) {
            snprintf(out, 11, "%04d-%02d", y, v[6] == '1' ? 1 : 7);
            *prec = "half";
            return out;
        }
    }
    if (v[4] == '-' && digits(v + 5, 2, &m) && m >= 1 && m <= 12) {
        if (v[7] == '-' && digits(v + 8, 2, &d) && d >= 1 && d <= 31) {
            snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
            *prec = "day";
            return out;
        }
        snprintf(out, 11, "%04d-%02d", y, m);
        *prec = "month";
        return out;
    }
    if (isdigit((unsigned char)v[4])) return NULL;   /* "20230" is no year */
    snprintf(out, 11, "%04d", y);
    *prec = "year";
    return out;
}
