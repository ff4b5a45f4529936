/* wmemo.h: the events stage's word memo: what a word form's lookups give
 * whatever its context (cues, stem, trigger keys, group noun), kept across
 * the documents one lb_doc handle annotates (doc->stem_cache). A bounded
 * open-addressing table with the memos inline: one hash and one probe a
 * token. When it is full it starts afresh; a memo equals what the lookups
 * would give, so the stage's output does not depend on document order. */
#ifndef LB_EVENTS_WMEMO_H
#define LB_EVENTS_WMEMO_H
#include "core/arena.h"
#include "core/hash.h"
#include "events/wmask.h"
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct ev_wmemo {
    uint32_t cue;           /* cues of the form, 0 none */
    uint32_t cue_stem;      /* cue_stems of its stem, 0 none */
    uint32_t stem_hash;     /* 0 without a stem */
    uint32_t exact_first;   /* keys "=form", UINT32_MAX none */
    uint32_t stem_first;    /* keys of the stem, UINT32_MAX none */
    uint32_t tail_first;    /* a German compound's head in tails (flags unchecked), UINT32_MAX none */
    uint32_t prep;          /* preps id, UINT32_MAX none */
    uint32_t sn;            /* stem length, EV_SN_UNMADE when not made (no listed stem can match) */
    uint16_t cue2;
    int8_t group;           /* group noun sector without the capital check, -1 none */
} ev_wmemo;

enum { EV_SN_UNMADE = 0xFFFFFFFFu };

/* what a memo is of: a word token, another token, a verb lemma (stem_first
 * only), the part after a compound's last hyphen (stem_hash only) */
enum { EV_MEMO_WORD = 1, EV_MEMO_OTHER, EV_MEMO_LEMMA, EV_MEMO_HEAD };

/* (the table is here for the inline lookups below; use the functions) */
enum { EV_MEMO_INLINE = 21 };   /* form bytes kept in the slot; longer forms live in store */
/* One cache line: the probe of a word reads its slot only (the form inline)
 * and no key elsewhere, which cost a second cache miss a token. */
typedef struct ev_memo_slot {
    ev_wmemo v;
    uint32_t tag;             /* the hash's high bits */
    uint16_t n;               /* the form's length */
    uint8_t kind;             /* EV_MEMO_*, 0: an empty slot */
    char key[EV_MEMO_INLINE]; /* the form when n <= EV_MEMO_INLINE, else a pointer to it in store */
} ev_memo_slot;
_Static_assert(sizeof(ev_memo_slot) == 64, "a memo slot is one cache line");

typedef struct ev_memo {
    ev_memo_slot *s;          /* cap slots, 64-byte aligned, on huge pages where the kernel gives them */
    size_t cap, n, max;
    const void *rules;
    lb_arena store;
    void *stemmer;            /* libstemmer's stemmer of the memo's language, kept for the next document (NULL none) */
    const void *mask_rules;   /* the rules mask was built from (events.c), NULL none */
    ev_wmask mask;            /* quick filters of the small word sets (wmask.h) */
    /* memos of the one-byte tokens that are no words (punctuation), by byte,
     * outside the table: no hash, no probe; valid where byte_set */
    ev_wmemo byte[256];
    uint8_t byte_set[256];
} ev_memo;

/* NULL when out of memory. */
ev_memo *ev_memo_new(size_t max_entries);
void ev_memo_free(ev_memo *m);
/* Empties m when it was filled under other rules than rules (any pointer
 * naming them). */
void ev_memo_rules(ev_memo *m, const void *rules);
/* The hash of kind's memo of w[0..n). */
static inline uint64_t ev_memo_hash(int kind, const char *w, size_t n)
{
    return lb_hash_bytes(w, n) ^ (uint64_t)kind * 0x9E3779B97F4A7C15ull;
}

/* Starts loading h's slot, for a find a few tokens later. */
static inline void ev_memo_prefetch(const ev_memo *m, uint64_t h)
{
    __builtin_prefetch(&m->s[h & (m->cap - 1)]);
}

/* the form a used slot keeps */
static inline const char *ev_memo_key(const ev_memo_slot *e)
{
    if (e->n <= EV_MEMO_INLINE) return e->key;
    const char *p;
    memcpy(&p, e->key, sizeof p);
    return p;
}

/* The slot of the memo (kind, w[0..n), hash h): its own, or the empty one where it belongs. */
static inline size_t ev_memo_slot_of(const ev_memo *m, uint64_t h, int kind, const char *w, size_t n)
{
    uint32_t tag = (uint32_t)(h >> 32);
    size_t j = h & (m->cap - 1);
    for (;; j = (j + 1) & (m->cap - 1)) {
        const ev_memo_slot *e = &m->s[j];
        if (!e->kind) return j;
        if (e->tag == tag && e->n == n && e->kind == kind && lb_key_eq(ev_memo_key(e), w, n)) return j;
    }
}

/* The memo of kind, w[0..n) with hash h, NULL when there is none. */
static inline const ev_wmemo *ev_memo_find(const ev_memo *m, uint64_t h, int kind, const char *w, size_t n)
{
    const ev_memo_slot *e = &m->s[ev_memo_slot_of(m, h, kind, w, n)];
    return e->kind ? &e->v : NULL;
}

/* Stores v as that memo (a failed store only costs speed). */
void ev_memo_put(ev_memo *m, uint64_t h, int kind, const char *w, size_t n, const ev_wmemo *v);
#endif
