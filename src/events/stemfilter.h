/* stemfilter.h: which German words the events stage must stem.
 *
 * Snowball's German stemmer only deletes endings (at most 14 bytes) after
 * mapping ä ö ü to a o u and ß to ss, so a word's stem is a prefix of that
 * mapped form. The loader registers every stem it computes (trigger keys,
 * compound heads, cue stems, obj/sup/not words) and every compound head
 * backwards; a word none of whose possible stems (prefixes from Snowball's
 * R1 on, at most 14 bytes short) is registered or ends in a registered head
 * can match no listed stem, so its stem is not needed. A false "needed" only costs a
 * stem; "not needed" is exact (a 64-bit hash set of the registered strings). */
#ifndef LB_EVENTS_STEMFILTER_H
#define LB_EVENTS_STEMFILTER_H
#include <stddef.h>
#include <stdint.h>

typedef struct ev_stemfilter { uint64_t *slot; size_t cap, n; } ev_stemfilter;

/* the most bytes Snowball German removes from the mapped form (14), with margin */
enum { EV_STEMF_MAXCUT = 16 };

void ev_stemfilter_fini(ev_stemfilter *f);
/* register stem s[0..n) / the stem s[0..n) of a compound head; -1 out of memory */
int ev_stemfilter_add_stem(ev_stemfilter *f, const char *s, size_t n);
int ev_stemfilter_add_head(ev_stemfilter *f, const char *s, size_t n);
/* 0 when the folded German word w[0..n) can have no registered stem (nor a
 * head ending near its end), 1 when it may (or the filter cannot tell:
 * capitals, other non-ASCII letters, long words) */
int ev_stemfilter_may(const ev_stemfilter *f, const char *w, size_t n);
#endif
