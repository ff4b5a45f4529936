/* wmask.c: builds the first-byte/length filters of wmask.h from the rules'
 * word sets, slot by slot. */
#include "events/wmask.h"
#include "events/rules.h"
#include <string.h>

/* keys of set (those starting with '=' only, without it, when exact) into l */
static void add_set(ev_lenmask *l, const lb_wordset *set, int exact)
{
    for (size_t i = 0; i < set->cap; i++) {
        uint32_t tag, len, value;
        const char *key;
        if (!lb_wordset_slot(set, i, &tag, &key, &len, &value) || !len) continue;
        if (exact) {
            if (key[0] != '=' || len < 2) continue;
            key++; len--;
        }
        l->m[(unsigned char)key[0]] |= 1u << (len < 31 ? len : 31);
    }
}

void ev_wmask_build(ev_wmask *m, const struct lb_event_rules *r, int lang)
{
    memset(m, 0, sizeof *m);
    add_set(&m->set[EV_WM_CUES], &r->cues[lang], 0);
    add_set(&m->set[EV_WM_CUES2], &r->cues2[lang], 0);
    add_set(&m->set[EV_WM_PREPS], &r->preps[lang], 0);
    add_set(&m->set[EV_WM_GROUPS], &r->groups[lang], 0);
    add_set(&m->set[EV_WM_EXACT], &r->keys[lang], 1);
}
