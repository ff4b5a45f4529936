/* pair_events.h: the newest events of an actor -> recipient pair, picked in C (see pair_events.c). */
#ifndef LB_STORE_PAIR_EVENTS_H
#define LB_STORE_PAIR_EVENTS_H
#include "core/buf.h"
#include <sqlite3.h>
#include <stddef.h>

/* Steps st, whose rows are (event, date), keeps each event once, orders
 * them by date, then event, both descending, and writes the events from
 * offset on, at most max (SIZE_MAX: all), to out as a JSON array of
 * [event, date]. 0, LB_ENOMEM, or LB_EIO when stepping fails. */
int lb_pair_events(sqlite3_stmt *st, size_t offset, size_t max, lb_buf *out);
#endif
