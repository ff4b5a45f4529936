/* calendar.c: proleptic Gregorian date arithmetic for the time stage: day
 * numbers, weekdays, ISO weeks, month lengths, ISO 8601 date parsing. Knows
 * nothing about language or documents. */
#include "time/time_internal.h"

long tm_days(int y, int m, int d)
{
    /* days since 1970-01-01 (H. Hinnant's algorithm) */
    long yy = y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void tm_civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

int tm_weekday(int y, int m, int d)
{
    long z = tm_days(y, m, d);           /* 1970-01-01 was a Thursday */
    long w = ((z % 7) + 7 + 3) % 7;      /* 0 = Monday */
    return (int)w + 1;
}

void tm_isoweek(int y, int m, int d, int *wy, int *wk)
{
    long z = tm_days(y, m, d);
    int wd = tm_weekday(y, m, d);
    long thu = z - wd + 4;               /* the Thursday of this week decides the year */
    int ty, tmn, td;
    tm_civil(thu, &ty, &tmn, &td);
    long jan1 = tm_days(ty, 1, 1);
    *wy = ty;
    *wk = (int)((thu - jan1) / 7 + 1);
}

int tm_mdays(int y, int m)
{
    static const int md[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return (m >= 1 && m <= 12) ? md[m - 1] : 30;
}

void tm_add_months(tm_date *d, int n)
{
    long t = (long)d->y * 12 + (d->m - 1) + n;
    d->y = (int)(t >= 0 ? t / 12 : (t - 11) / 12);
    d->m = (int)(t - (long)d->y * 12) + 1;
    if (d->d > tm_mdays(d->y, d->m)) d->d = tm_mdays(d->y, d->m);
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

int tm_parse_date(const char *s, tm_date *out)
{
    tm_date d = { 0, 1, 1, 0 };
    if (!s || !digits(s, 4, &d.y)) return -1;
    d.gran = 'Y';
    if (s[4] == '-' && digits(s + 5, 2, &d.m) && d.m >= 1 && d.m <= 12) {
        d.gran = 'M';
        if (s[7] == '-' && digits(s + 8, 2, &d.d) && d.d >= 1 && d.d <= tm_mdays(d.y, d.m)) d.gran = 'D';
        else d.d = 1;
    } else {
        d.m = 1;
    }
    *out = d;
    return 0;
}
