/* keymap.c: open addressing (linear probing) over FNV-1a hashes; the table
 * doubles at half load, the old one stays in the arena until its reset. */
#include "actors/keymap.h"
#include "core/wordset.h"
#include <string.h>

typedef struct act_keyslot { const char *key; uint32_t len, value; uint64_t hash; } act_keyslot;

void act_keymap_init(act_keymap *m, lb_arena *arena)
{
    m->slots = NULL; m->cap = m->count = 0; m->arena = arena;
}

static act_keyslot *find(const act_keymap *m, const char *key, size_t len, uint64_t h)
{
    for (size_t i = (size_t)h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        act_keyslot *s = &m->slots[i];
        if (!s->key || (s->hash == h && s->len == len && !memcmp(s->key, key, len))) return s;
    }
}

uint32_t *act_keymap_get(const act_keymap *m, const char *key, size_t len)
{
    if (!m->count) return NULL;
    act_keyslot *s = find(m, key, len, lb_hash_bytes(key, len));
    return s->key ? &s->value : NULL;
}

static int grow(act_keymap *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 64;
    act_keyslot *old = m->slots;
    size_t ocap = m->cap;
    m->slots = lb_arena_calloc(m->arena, ncap, sizeof *m->slots);
    if (!m->slots) { m->slots = old; return -1; }
    m->cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].key) *find(m, old[i].key, old[i].len, old[i].hash) = old[i];
    return 0;
}

int act_keymap_put(act_keymap *m, const char *key, size_t len, uint32_t value)
{
    if (len > UINT32_MAX) return -1;
    if (2 * (m->count + 1) > m->cap && grow(m)) return -1;
    uint64_t h = lb_hash_bytes(key, len);
    act_keyslot *s = find(m, key, len, h);
    if (!s->key) { *s = (act_keyslot){ key ? key : "", (uint32_t)len, value, h }; m->count++; }
    else s->value = value;
    return 0;
}
