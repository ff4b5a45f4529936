/* dyad_sum.h: sums dyad rows per actor -> recipient pair in C (see dyad_sum.c). */
#ifndef LB_STORE_DYAD_SUM_H
#define LB_STORE_DYAD_SUM_H
#include "core/buf.h"
#include <sqlite3.h>
#include <stddef.h>

/* Steps st, whose rows are (a, r, events, gsum, coop, conflict), sums them
 * per (a, r), orders the pairs by events (descending), a, r, and writes the
 * pairs from offset on, at most max of them (SIZE_MAX: all), to out as a
 * JSON array of [a, r, events, gsum, coop, conflict]. 0, LB_ENOMEM, or
 * LB_EIO when stepping fails. */
int lb_dyad_sum(sqlite3_stmt *st, size_t offset, size_t max, lb_buf *out);
#endif
