/* filter_args.c: checks of the values a query filter takes from users (the
 * CLI's options and the server's parameters): dates, event types and the
 * include flags. One definition for both clients; no I/O. */
#include "lagebild.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int lb_filter_type_valid(const char *v)
{
    static const char *const types[] = { "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                                         "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                                         "MOBILIZE", "COERCE", "ASSAULT", NULL };
    for (int i = 0; v && types[i]; i++) if (!strcasecmp(v, types[i])) return 1;
    return 0;
}

int lb_filter_date_valid(const char *v)
{
    size_t n = v ? strlen(v) : 0;
    if (n != 4 && n != 7 && n != 10) return 0;
    for (size_t i = 0; i < n; i++)
        if ((i == 4 || i == 7) ? v[i] != '-' : (v[i] < '0' || v[i] > '9')) return 0;
    if (n == 4) return 1;
    int y = atoi(v), m = atoi(v + 5);
    if (m < 1 || m > 12) return 0;
    if (n == 7) return 1;
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int d = atoi(v + 8);
    return d >= 1 && d <= mdays[m - 1] + (m == 2 && leap);
}

int lb_filter_parse_include(unsigned *inc, size_t *bad, const char *v)
{
    *inc = 0;
    for (const char *p = v; *p;) {
        size_t n = strcspn(p, ",");
        if (n == 7 && !strncmp(p, "negated", 7)) *inc |= LB_INCLUDE_NEGATED;
        else if (n == 12 && !strncmp(p, "hypothetical", 12)) *inc |= LB_INCLUDE_HYPOTHETICAL;
        else if (n == 3 && !strncmp(p, "all", 3)) *inc |= LB_INCLUDE_NEGATED | LB_INCLUDE_HYPOTHETICAL;
        else { if (bad) *bad = (size_t)(p - v); return LB_EUSAGE; }
        p += n;
        if (*p == ',') p++;
    }
    return LB_OK;
}
