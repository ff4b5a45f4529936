/* wmask.h: quick filters for the small word sets the events stage looks
 * every new word form up in (cues, cues2, preps, group nouns, =exact keys):
 * per first byte, a bit per key length. A word whose first byte and length
 * no key has is in no such set, so its lookup (a hash and a probe, a cache
 * miss on large batches) is skipped. Built per handle from the rules (the
 * word memo keeps them, wmemo.h); answers "maybe" or an exact "no". */
#ifndef LB_EVENTS_WMASK_H
#define LB_EVENTS_WMASK_H
#include <stddef.h>
#include <stdint.h>

struct lb_event_rules;

enum { EV_WM_CUES, EV_WM_CUES2, EV_WM_PREPS, EV_WM_GROUPS, EV_WM_EXACT, EV_WM_N };

typedef struct ev_lenmask { uint32_t m[256]; } ev_lenmask;    /* bit min(n, 31) of m[first byte] */
typedef struct ev_wmask { ev_lenmask set[EV_WM_N]; } ev_wmask;

/* the masks of language lang's sets (=exact keys without their '=') */
void ev_wmask_build(ev_wmask *m, const struct lb_event_rules *r, int lang);

/* 0 when no key of the set has w's first byte and length n (l NULL: 1) */
static inline int ev_lenmask_may(const ev_lenmask *l, const char *w, size_t n)
{
    return !l || !n || (l->m[(unsigned char)w[0]] >> (n < 31 ? n : 31) & 1u);
}

/* 0 when no key of the set has w's first byte and a length in [lo, hi] */
static inline int ev_lenmask_any(const ev_lenmask *l, const char *w, size_t lo, size_t hi)
{
    if (lo > 31) lo = 31;
    if (hi > 31) hi = 31;
    return (l->m[(unsigned char)w[0]] & (uint32_t)((2ull << hi) - (1ull << lo))) != 0;
}
#endif
