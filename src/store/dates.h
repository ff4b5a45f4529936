/* dates.h: the store's keyed dates (see dates.c). */
#ifndef LB_STORE_DATES_H
#define LB_STORE_DATES_H
/* The date to store for TIMEX3 value or ISO date v, written into out, with
 * its precision ("day", "week", "month", "quarter", "season", "half",
 * "year", static strings) in *prec; NULL (and *prec NULL) when v names no
 * calendar date (durations, PRESENT_REF, garbage). */
const char *lb_store_date(char out[11], const char *v, const char **prec);
#endif
