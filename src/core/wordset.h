/* wordset.h: a compiled set of byte strings with a 32-bit value each
 * (open addressing, lb_hash_bytes). Built once from dictionary files, then only read.
 * Keys are copied into the set's own arena. Lookups never allocate; a dense
 * array of 32-bit hash tags is probed first, so a miss (the common case for
 * a token) touches one cache line and never the keys. */
#ifndef LB_WORDSET_H
#define LB_WORDSET_H
#include "core/arena.h"
#include "core/hash.h"
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct lb_ws_slot { const char *key; uint32_t len, value; };
typedef struct lb_wordset {
    uint32_t *tags;             /* 0 = empty slot */
    struct lb_ws_slot *slots;
    size_t cap, count;
    lb_arena keys;
} lb_wordset;

void lb_wordset_init(lb_wordset *s);
void lb_wordset_fini(lb_wordset *s);
/* Adds key (or overwrites its value). 0, or -1 when out of memory. */
int lb_wordset_put(lb_wordset *s, const char *key, size_t len, uint32_t value);
/* 1 and *value when found, else 0. value may be NULL. */
int lb_wordset_get(const lb_wordset *s, const char *key, size_t len, uint32_t *value);
/* Starts loading what lb_wordset_get of key reads first (its slot's tag
 * and, for a hit, the slot), for a caller that looks it up a while later. */
static inline void lb_wordset_prefetch(const lb_wordset *s, const char *key, size_t len)
{
    if (!s->cap) return;
    size_t j = lb_hash_bytes(key, len) & (s->cap - 1);
    __builtin_prefetch(&s->tags[j]);
    __builtin_prefetch(&s->slots[j]);
}

/* Snapshots (compiled caches of dictionaries): slot i's tag, key, length and
 * value, 1 when the slot is used, else 0. */
int lb_wordset_slot(const lb_wordset *s, size_t i, uint32_t *tag, const char **key, uint32_t *len, uint32_t *value);
/* Makes an empty s a table of cap slots (0 or a power of two) that will
 * hold count keys (fewer than cap, so that probes end): 0, or -1. */
int lb_wordset_reserve(lb_wordset *s, size_t cap, size_t count);
/* Fills slot i as lb_wordset_slot gave it; the key is borrowed (it must
 * outlive s). Slots out of range or with tag 0 are ignored. */
void lb_wordset_set_slot(lb_wordset *s, size_t i, uint32_t tag, const char *key, uint32_t len, uint32_t value);
#endif
