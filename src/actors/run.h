/* run.h: per-document state of the actors stage, shared by match.c (the
 * dictionary pass) and resolve.c (titles, unknown names, in-document
 * references). Everything lives in doc->arena; nothing outlives a document. */
#ifndef LB_ACTORS_RUN_H
#define LB_ACTORS_RUN_H
#include "actors/kb.h"
#include "actors/keymap.h"
#include "doc.h"
#include "text/text.h"
#include <string.h>

#define ACT_LOCAL_SIG_BITS 1024

/* type of a mention that a later rule replaced; dropped before sorting */
#define ACT_DEAD 0xff

typedef struct act_local {      /* a short form that refers to a person of this document */
    const char *key; uint32_t len;
    lb_actor_ref actor;
    int32_t person;             /* KB person or -1 */
} act_local;

typedef struct act_run {
    lb_doc *doc;
    const struct lb_actor_kb *kb;
    const lb_tok *toks;
    size_t ntoks;
    const lb_morph *morph;      /* one per token, or NULL when the morphology did not run */
    uint8_t *cover;             /* 1 where a token is inside a mention */
    int32_t *men_at;            /* per token: the first mention (index) covering it, -1 */
    uint32_t *cls;              /* W_* bits of each word token (kb.h) */
    uint32_t *cand;             /* tokens with title, first-name, org or cue bits, or hyphenated capitalised */
    size_t ncand;
    uint32_t *upper;            /* capitalised word tokens */
    size_t nupper;
    uint32_t *pass1;            /* the word tokens act_match looks at (see match_candidate) */
    size_t npass1;
    uint32_t *caps;             /* capitalised words in capitals without hyphen, digit or abbreviation dot (acronyms) */
    size_t ncaps;
    int32_t date;               /* yyyymmdd of the article, 0 unknown */
    lb_vec locals;              /* act_local */
    act_keymap local_index;     /* short form -> its latest act_local */
    /* one bit per signature (text/sigindex.h) of the short forms in
     * local_index: most capitalised words are none, and need no lookup */
    uint64_t local_sig[ACT_LOCAL_SIG_BITS / 64];
} act_run;

/* The actor a KB entry gives on the run's date. */
lb_actor_ref act_entry_actor(const act_run *r, const kb_entry *e);
/* Adds a mention over tokens [t0, t0+n) (or the byte span s..e when s < e
 * differs from the tokens) and marks them covered. NULL when out of memory. */
lb_mention *act_add(act_run *r, uint32_t t0, uint32_t n, uint32_t s, uint32_t e, int type, int form, lb_actor_ref a);
/* Pass 1: longest dictionary matches, genitives, hyphen compounds. */
int act_match(act_run *r);
/* Pass 2: titles with states, unknown persons, short forms, bare titles. */
int act_resolve(act_run *r);
/* Names no dictionary lists, from morphology and context (guess.c). */
int act_guess(act_run *r);
/* Token i is a function word of the text layer (cached in cls)? */
int act_is_func(const act_run *r, size_t i);
/* An initial at token i of sentence sent (K., E.)? */
int act_initial_at(const act_run *r, size_t i, uint32_t sent);
/* Registers the surname of a person mention as its short form. 0 or -1. */
int act_register_person(act_run *r, const lb_mention *m, int32_t person);
/* The folded word f (n bytes) plays role KB_FW_* of the function words
 * (data/actors fword records)? */
static inline int act_fword_has(const act_run *r, const char *f, size_t n, uint32_t role)
{
    uint32_t bits = 0;
    return n && lb_wordset_get(&r->kb->fwords, f, n, &bits) && (bits & role);
}
/* Token i plays role KB_FW_* of the function words? */
static inline int act_fword_is(const act_run *r, size_t i, uint32_t role)
{
    return act_fword_has(r, lb_tok_norm(r->doc, &r->toks[i]), r->toks[i].norm_len, role);
}
/* Token i has a token before it in its sentence, and that is a locative
 * preposition (fword locprep: in Syrien, near Aleppo)? */
static inline int act_after_locprep(const act_run *r, size_t i)
{
    return i > 0 && r->toks[i - 1].sent == r->toks[i].sent && act_fword_is(r, i - 1, KB_FW_LOCPREP);
}
/* Folded genitive stem of a token: length without 's / ’s / s, or 0. */
static inline size_t act_gen_strip(const char *s, size_t n)
{
    if (n < 3 || s[n - 1] != 's') return 0;    /* (inline: called for most capitalised words) */
    if (n >= 5 && !memcmp(s + n - 4, "\xe2\x80\x99s", 4)) return n - 4;   /* ’s */
    if (s[n - 2] == '\'') return n - 2;
    return n - 1;
}
#endif
