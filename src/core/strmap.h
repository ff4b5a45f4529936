/* strmap.h: a bounded cache from byte strings to byte strings (e.g. word ->
 * stem) that lives across documents in one lb_doc handle. When it holds
 * max entries it is emptied and refilled: memory stays bounded, no eviction
 * bookkeeping. Not thread-safe (an lb_doc belongs to one thread). */
#ifndef LB_STRMAP_H
#define LB_STRMAP_H
#include <stddef.h>

typedef struct lb_strmap lb_strmap;

/* NULL when out of memory. */
lb_strmap *lb_strmap_new(size_t max_entries);
void lb_strmap_free(lb_strmap *m);
/* 1 and the value (borrowed until the next put) when found, else 0. */
int lb_strmap_get(const lb_strmap *m, const char *k, size_t kn, const char **v, size_t *vn);
/* Starts loading the slot a lookup of k would read first, so that a get a
 * few words later finds it in the processor's cache. Changes nothing. */
void lb_strmap_prefetch(const lb_strmap *m, const char *k, size_t kn);
/* 0, or -1 when out of memory (the map is then unchanged). */
int lb_strmap_put(lb_strmap *m, const char *k, size_t kn, const char *v, size_t vn);
#endif
