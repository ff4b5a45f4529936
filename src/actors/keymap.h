/* keymap.h: a per-document hash map from byte strings to 32-bit values,
 * in the document's arena (no malloc, freed with the arena). The actors
 * stage uses it to find short forms, codes and office holders in constant
 * time instead of scanning every mention. */
#ifndef LB_ACTORS_KEYMAP_H
#define LB_ACTORS_KEYMAP_H
#include "core/arena.h"
#include <stddef.h>
#include <stdint.h>

typedef struct act_keymap {
    struct act_keyslot *slots;  /* cap slots, key NULL = empty */
    size_t cap, count;
    lb_arena *arena;
} act_keymap;

void act_keymap_init(act_keymap *m, lb_arena *arena);
/* The value slot of key, or NULL when absent. */
uint32_t *act_keymap_get(const act_keymap *m, const char *key, size_t len);
/* Sets key to value (adding it when absent). The key's bytes are borrowed:
 * they must live as long as the map. 0, or -1 when out of memory. */
int act_keymap_put(act_keymap *m, const char *key, size_t len, uint32_t value);
#endif
