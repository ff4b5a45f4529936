/* code.h: the coder's internal interface between its files: roles.c finds
 * actor and recipient groups, participants.c completes the participants
 * (speakers, acting states, domestic counterparts), flags.c sets negation,
 * hypothesis and intent, date.c the date, emit.c appends deduplicated
 * events; code.c decides which triggers are events and drives them. */
#ifndef LB_EVENTS_CODE_H
#define LB_EVENTS_CODE_H
#include "events/sent.h"

typedef struct roles {
    int actor, recipient;      /* group indices, -1 none */
    int split;                 /* actor group holds both sides of a symmetric event */
    int inherited;             /* actor came from another clause */
    int dep;                   /* recipient found in the dependent clause (pattern dep=) */
    const lb_actor_ref *speaker;   /* actor from a quote's speaker */
    int passive;               /* the trigger's clause is passive */
} roles;

/* roles.c */
void ev_find_roles(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R);
/* German: the trigger right before token j or before its genitive attribute
 * (up to three words, none below lo): its token, or -1 when first comes a
 * non-word, a preposition, passive auxiliary, conjunction, subordinator, a
 * word of the stop cues, a relative pronoun (not an article) or, with
 * no_verb, a verb */
int32_t ev_trigger_before(const ev_sent *s, uint32_t j, uint32_t lo, uint32_t stop, int no_verb);
int ev_inherit_subject(const ev_sent *s, int ci, int *inherited, int depth);
const lb_actor_ref *ev_quote_speaker(const ev_sent *s, const lb_tok *tk);
int ev_zu_marked(const ev_sent *s, uint32_t t);
/* German: the clause whose sentence bracket the non-finite verb t closes
 * after a relative clause (wurde X ..., die ..., verurteilt), or -1 */
int ev_bracket_host(const ev_sent *s, uint32_t t);
/* German: the relative clause right after event noun t (Sanktionen, die X
 * verhängte), or -1 */
int ev_noun_relative(const ev_sent *s, uint32_t t);
/* participants.c: fills e's actors and recipients from R; 0 when no event */
int ev_participants(const ev_sent *s, uint32_t t, const ev_pattern *p, roles *R, lb_event *e);
/* flags.c */
uint32_t ev_governing_cues(const ev_sent *s, uint32_t t);
/* German clause ci (not a sentence's first) is a zu-infinitive clause: a zu
 * before a lower-case token, with word_after before a word (not "zu,") */
int ev_zu_clause(const ev_sent *s, int ci, int word_after);
/* tokens from a preposition to the noun heading its phrase, the noun included */
#define EV_PREP_PHRASE_LEAD 4
/* The token of the preposition that heads the phrase of noun t in clause c
 * (code.c; only determiners and adjectives between: no German noun, no actor
 * group; at most EV_PREP_PHRASE_LEAD tokens back, never before c's first
 * token); -1 when none. */
int32_t ev_phrase_prep_tok(const ev_sent *s, uint32_t t, const ev_clause *c);
/* its cue2 classes; 0 when none, also when t is not inside c after its first token */
uint32_t ev_phrase_prep(const ev_sent *s, uint32_t t, const ev_clause *c);
void ev_set_flags(const ev_sent *s, uint32_t t, const ev_pattern *p, uint32_t gov, lb_event *e);
/* date.c */
const char *ev_event_date(const ev_sent *s, uint32_t t);
/* emit.c */
int ev_symmetric(const char *type);
int ev_has_code(const lb_actor_ref *a, int n, const char *code);
void ev_add_refs(const ev_sent *s, int gi, lb_actor_ref *out, uint8_t *n, const lb_actor_ref *not, int nnot);
/* appends e (and its mirror when mutual) unless a duplicate; 0 or -1 out of memory */
int ev_emit(lb_doc *doc, const lb_event *e, int mutual);
void ev_drop_covered(lb_doc *doc, size_t from);
#endif
