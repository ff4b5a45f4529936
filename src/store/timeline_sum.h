/* timeline_sum.h: the timeline of two actors given by name, summed in C (see timeline_sum.c). */
#ifndef LB_STORE_TIMELINE_SUM_H
#define LB_STORE_TIMELINE_SUM_H
#include "core/buf.h"
#include <sqlite3.h>
#include <stddef.h>

/* Steps st, whose rows are (event, date, type, goldstein), counts each event
 * once (or, when summed, rows (month, type, events, gsum, coop, conflict)
 * that are added up), groups them by month (the date's first 7 bytes) and, when by_type,
 * by type, orders the groups by month (undated '' last) and type, and writes
 * the groups from offset on, at most max (SIZE_MAX: all), to out as a JSON
 * array of [month, type, events, gsum, coop, conflict] (gsum, coop and
 * conflict null when no event of the group has a Goldstein value, as SQL's
 * sum() gives). 0, LB_ENOMEM, or LB_EIO when stepping fails. */
int lb_timeline_sum(sqlite3_stmt *st, int by_type, int summed, size_t offset, size_t max, lb_buf *out);
#endif
