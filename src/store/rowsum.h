/* rowsum.h: what the C summing paths of the store share (dyad_sum.c,
 * timeline_sum.c, pair_events.c): a set of event ids that drops repeats
 * (an event has several dyad rows), the bounds of the result page and the
 * JSON strings of the page they hand back to SQLite (json_each). */
#ifndef LB_STORE_ROWSUM_H
#define LB_STORE_ROWSUM_H
#include "core/buf.h"
#include <stddef.h>
#include <stdint.h>

typedef struct lb_idset {
    int64_t *slot;          /* event id + 1, open addressing; 0 = empty */
    size_t n, cap;
} lb_idset;

/* 1 when id is new (and now in the set), 0 when it was there, -1 when out
 * of memory. A zeroed lb_idset is an empty set. */
int lb_idset_add(lb_idset *s, int64_t id);
void lb_idset_free(lb_idset *s);
/* s as a JSON string ("..." with " \ and control characters escaped): 0, or
 * nonzero when out of memory. */
int lb_rowsum_json_str(lb_buf *b, const char *s);
/* The end of the result page [offset, end) of at most max rows out of n. */
static inline size_t lb_rowsum_page_end(size_t offset, size_t max, size_t n)
{
    return offset < n ? (max < n - offset ? offset + max : n) : offset;
}
#endif
