/* test_events_wmemo.c: the events stage's word memo table: a memo put is
 * found again under its kind and form only (every form length 0..40, kinds
 * apart, forms kept in the slot and longer ones kept outside it that differ
 * in one byte apart), a full table starts afresh and keeps working, and other rules
 * empty it. */
#include "test.h"
#include "events/wmemo.h"
#include <string.h>

static void put_word(ev_memo *m, int kind, const char *w, size_t n, uint32_t cue)
{
    ev_wmemo v;
    memset(&v, 0, sizeof v);
    v.cue = cue;
    ev_memo_put(m, ev_memo_hash(kind, w, n), kind, w, n, &v);
}

static const ev_wmemo *find_word(const ev_memo *m, int kind, const char *w, size_t n)
{
    return ev_memo_find(m, ev_memo_hash(kind, w, n), kind, w, n);
}

int main(void)
{
    ev_memo *m = ev_memo_new(64);
    CHECK(m != NULL);
    if (!m) return TEST_END();
    char w[64];
    memset(w, 'a', sizeof w);
    int ok = 1;
    for (size_t n = 0; n <= 40; n++) {
        put_word(m, EV_MEMO_WORD, w, n, (uint32_t)n + 1);
        const ev_wmemo *v = find_word(m, EV_MEMO_WORD, w, n);
        if (!v || v->cue != n + 1) ok = 0;
        if (find_word(m, EV_MEMO_OTHER, w, n)) ok = 0;      /* another kind: none */
    }
    CHECK(ok);
    /* forms of one length that differ in their last byte, around the longest
     * form a slot keeps inline: each finds its own memo */
    ok = 1;
    for (size_t n = EV_MEMO_INLINE - 1; n <= EV_MEMO_INLINE + 2; n++) {
        char x[64], y[64];
        memset(x, 'q', n); memset(y, 'q', n);
        y[n - 1] = 'z';
        put_word(m, EV_MEMO_WORD, x, n, 100);
        put_word(m, EV_MEMO_WORD, y, n, 200);
        const ev_wmemo *vx = find_word(m, EV_MEMO_WORD, x, n), *vy = find_word(m, EV_MEMO_WORD, y, n);
        if (!vx || !vy || vx->cue != 100 || vy->cue != 200) ok = 0;
    }
    CHECK(ok);
    /* the same bytes under another kind are another memo */
    put_word(m, EV_MEMO_HEAD, "krieg", 5, 7);
    CHECK(find_word(m, EV_MEMO_HEAD, "krieg", 5) && find_word(m, EV_MEMO_HEAD, "krieg", 5)->cue == 7);
    CHECK(find_word(m, EV_MEMO_WORD, "krieg", 5) == NULL);
    /* past 64 memos the table starts afresh: the newest is always there */
    ok = 1;
    for (int i = 0; i < 1000; i++) {
        char k[16];
        int n = snprintf(k, sizeof k, "w%d", i);
        put_word(m, EV_MEMO_WORD, k, (size_t)n, (uint32_t)i);
        const ev_wmemo *v = find_word(m, EV_MEMO_WORD, k, (size_t)n);
        if (!v || v->cue != (uint32_t)i) ok = 0;
    }
    CHECK(ok);
    /* other rules: no memo survives */
    int r1, r2;
    ev_memo_rules(m, &r1);
    put_word(m, EV_MEMO_WORD, "angriff", 7, 3);
    ev_memo_rules(m, &r1);
    CHECK(find_word(m, EV_MEMO_WORD, "angriff", 7) != NULL);
    ev_memo_rules(m, &r2);
    CHECK(find_word(m, EV_MEMO_WORD, "angriff", 7) == NULL);
    ev_memo_free(m);
    return TEST_END();
}
