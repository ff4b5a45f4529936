/* kb_cache.h: a compiled snapshot of the actor knowledge base of a data
 * directory (see kb_cache.c), read instead of the dictionaries when it is
 * current. Used by contexts made for name lookups. */
#ifndef LB_ACTORS_KB_CACHE_H
#define LB_ACTORS_KB_CACHE_H
#include <stddef.h>
#include <stdint.h>

struct lb_actor_kb;
/* lb_actors_load through the snapshot: reads it when current, else compiles
 * the dictionaries and writes it (silently skipped when it cannot be). */
int lb_actors_load_cached(struct lb_actor_kb **out, const char *dir, char *err, size_t errlen);
/* The stamp of dir's dictionaries and of this executable; 0 when unknown. */
uint64_t kb_cache_stamp(const char *dir);
/* The snapshot's path for dir ($LAGEBILD_CACHE, else $XDG_CACHE_HOME/lagebild,
 * else ~/.cache/lagebild; LAGEBILD_CACHE=off: none): 0, or -1. */
int kb_cache_path(char *out, size_t cap, const char *dir);
/* Writes kb as a snapshot with the stamp (temporary file, then rename): 0 or -1. */
int kb_cache_save(const struct lb_actor_kb *kb, const char *path, uint64_t stamp);
/* Fills an empty kb (kb_empty) from a snapshot's bytes; 0, or LB_E* with
 * "name: offset N: problem" in err (kb is then only fit for lb_actors_free). */
int kb_cache_from_bytes(struct lb_actor_kb *kb, const void *data, size_t n, uint64_t stamp,
                        const char *name, char *err, size_t errlen);
/* A knowledge base with nothing in it (as lb_actors_load starts from). */
struct lb_actor_kb *kb_empty(void);
#endif
