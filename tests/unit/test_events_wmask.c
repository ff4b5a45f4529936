/* test_events_wmask.c: the first-byte/length filters of the events stage's
 * small word sets (src/events/wmask.c) never refuse a key of their set (every
 * key of the shipped cues, cues2, preps and group nouns, and every =exact key
 * without its '=', passes), and refuse words no key has the shape of. */
#include "test.h"
#include "events/events.h"
#include "events/rules.h"
#include "events/wmask.h"
#include "lagebild.h"

/* every key of set passes mask l (exact: the '=' keys, without it); returns how many */
static size_t check_keys(const ev_lenmask *l, const lb_wordset *set, int exact)
{
    size_t n = 0, bad = 0;
    for (size_t i = 0; i < set->cap; i++) {
        uint32_t tag, len, value;
        const char *key;
        if (!lb_wordset_slot(set, i, &tag, &key, &len, &value)) continue;
        if (exact && (key[0] != '=' || len < 2)) continue;
        if (exact) { key++; len--; }
        n++;
        if (!ev_lenmask_may(l, key, len) || !ev_lenmask_any(l, key, len, len + 2)) bad++;
    }
    CHECK_INT(bad, 0);
    return n;
}

int main(void)
{
    struct lb_event_rules *r = NULL;
    char err[512];
    CHECK_INT(lb_events_load(&r, LB_TEST_DATA_DIR "/events", err, sizeof err), LB_OK);
    if (!r) return TEST_END();
    for (int lang = 0; lang < EV_NLANG; lang++) {
        ev_wmask m;
        ev_wmask_build(&m, r, lang);
        CHECK(check_keys(&m.set[EV_WM_CUES], &r->cues[lang], 0) > 20);
        check_keys(&m.set[EV_WM_CUES2], &r->cues2[lang], 0);
        CHECK(check_keys(&m.set[EV_WM_PREPS], &r->preps[lang], 0) > 5);
        CHECK(check_keys(&m.set[EV_WM_GROUPS], &r->groups[lang], 0) > 5);
        check_keys(&m.set[EV_WM_EXACT], &r->keys[lang], 1);
        /* a long word of digits and one starting with a byte no key starts with */
        CHECK_INT(ev_lenmask_may(&m.set[EV_WM_PREPS], "0123456789012345678901234567890123456789", 40), 0);
        CHECK_INT(ev_lenmask_may(&m.set[EV_WM_GROUPS], "\x01x", 2), 0);
        CHECK_INT(ev_lenmask_any(&m.set[EV_WM_CUES], "\x01xyz", 1, 4), 0);
        CHECK_INT(ev_lenmask_may(NULL, "x", 1), 1);     /* no filter: maybe */
    }
    lb_events_free(r);
    return TEST_END();
}
