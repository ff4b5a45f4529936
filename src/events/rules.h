/* rules.h: the compiled event dictionaries (internal to src/events/):
 * trigger patterns keyed by Snowball stems, cue words (negation, modality,
 * clause structure, prepositions) and the CAMEO/Goldstein table. Built once
 * by lb_events_load, read-only afterwards. Holds no per-document state. */
#ifndef LB_EVENTS_RULES_H
#define LB_EVENTS_RULES_H
#include "events/stemfilter.h"
#include "core/arena.h"
#include "core/wordset.h"
#include <stdint.h>

enum { EV_DE = 0, EV_EN = 1, EV_NLANG = 2 };

/* pattern kinds */
enum { EV_VERB = 0,        /* a verb (or adjective with copula): clause roles */
       EV_NOUN = 1,        /* a noun naming an event: participants in its phrase or the clause */
       EV_NOUN_SUPPORT = 2 /* a noun that is an event only with a support verb in its clause */ };

/* pattern flags */
enum { EV_F_REC_OBJ  = 1u << 0,   /* the direct object is the recipient */
       EV_F_REC_NONE = 1u << 1,   /* no recipient needed (MOBILIZE, PROTEST, ASSAULT) */
       EV_F_INVERSE  = 1u << 2,   /* subject is the recipient, actor via act= preps (receive from) */
       EV_F_BLOCK    = 1u << 3,   /* not a trigger: stops a weaker pattern with the same key */
       EV_F_SPEAKER  = 1u << 4,   /* act=speaker: the actor is who says it (X said Y must ...) */
       EV_F_REC_PLACE= 1u << 5,   /* a physical target: a place or of-phrase may be the recipient (cameo.tsv 'place') */
       EV_F_DOMESTIC = 1u << 6,   /* a group noun object is a group of the actor's state (cameo.tsv 'domestic') */
       EV_F_OWNGOV   = 1u << 7,   /* rec=own: with no counterpart named, the actor's own government */
       EV_F_MUTUAL   = 1u << 8,   /* mutual: one event per direction (Zusammenstöße mit X) */
       EV_F_OWNDOM   = 1u << 9,   /* cameo.tsv 'owndefault': in domestic news, no counterpart named = own state */
       EV_F_CONTEXT  = 1u << 10,  /* cameo.tsv 'context': no counterpart named = the actor's counterpart just before */
       EV_F_NEGCONTENT = 1u << 11, /* neg=content: a negation in the clause is what is demanded (must not: a prohibition) */
       EV_F_NEGNEED  = 1u << 12,  /* neg=need: a trigger only with a negation in its clause (dürfe nicht; dürfe alone permits) */
       EV_F_REC_AFTER= 1u << 13,  /* rec=after: with act=speaker, the first bare group after the trigger (es brauche die Hilfe der EU) */
       EV_F_ADJ      = 1u << 14 }; /* adj: a copula adjective (be opposed to): its participle form makes no passive */

/* cue classes (bits of a cue word's value) */
enum {
    EV_C_NEG     = 1u << 0,   /* nicht, kein, not, never */
    EV_C_NEGZU   = 1u << 1,   /* ohne (... zu): negates a zu-clause */
    EV_C_HYP     = 1u << 2,   /* könnte, würde, could, if */
    EV_C_HYPSUB  = 1u << 3,   /* befürchten (dass), fear: the dependent clause is hypothetical */
    EV_C_NEGSUB  = 1u << 4,   /* sich weigern, refuse: the dependent (zu) clause is negated */
    EV_C_CTL     = 1u << 5,   /* auffordern, urge, bereit: the dependent action is content, no event */
    EV_C_PASSAUX = 1u << 6,   /* wurde, worden, was, been: passive auxiliary */
    EV_C_REL     = 1u << 7,   /* die, der, which, who: relative pronoun (subject) */
    EV_C_SUB     = 1u << 8,   /* dass, ob, weil, that: subordinate clause */
    EV_C_COORD   = 1u << 9,   /* und, and, sowie */
    EV_C_ZU      = 1u << 10,  /* zu, to: infinitive marker */
    EV_C_PLACE   = 1u << 11,  /* in, auf, at: a LOC after it is a place, not an actor */
    EV_C_SUPPORT = 1u << 12,  /* verhängen, launch: makes a support noun an event */
    EV_C_NOTNEG  = 1u << 13,  /* (pairs) nicht nur, not only: cancels NEG */
    EV_C_PREP    = 1u << 14,  /* a preposition (its id in lb_event_rules.preps) */
    EV_C_AGENT   = 1u << 15,  /* von, by: passive agent */
    EV_C_BETWEEN = 1u << 16,  /* zwischen, between: participants of a noun */
    EV_C_POSS    = 1u << 17,  /* 's: possessive marker */
    EV_C_PRON1   = 1u << 18,  /* wir, we: first person (a quote's speaker) */
    EV_C_DET     = 1u << 19,  /* the, a: the next word is a noun (no support verb) */
    EV_C_CLAIMED = 1u << 20,  /* (set at run time) a word of a multiword trigger */
    EV_C_MUTUAL  = 1u << 21,  /* einander, each other: one event per direction */
    EV_C_PRON3   = 1u << 22,  /* sie, er, they: a subject that refers back (inherit it) */
    EV_C_BOTH    = 1u << 23,  /* beide, both: the two actors named last */
    EV_C_SUBSTART= 1u << 24,  /* seit, bis: a subordinator only at the start of a clause */
    EV_C_SAY     = 1u << 25,  /* sagte, erklärte, said: reported speech follows */
    EV_C_HYPW    = 1u << 26,  /* würde, would: hypothetical unless it reports speech */
    EV_C_INTENT  = 1u << 27,  /* will, 'll (English): an announced cooperative act is a pledge */
    EV_C_OF      = 1u << 28,  /* of: "the president of Russia" may be a subject */
    EV_C_POSSPRON= 1u << 29,  /* sein, ihr, its, their: refers to the subject of the clause before */
    EV_C_GROUP   = 1u << 30,  /* Opposition, rebels, students: a group of the actor's own state */
    EV_C_PAIRHEAD= 1u << 31   /* (set at load) the first word of a two-word cue */
};
/* more cue classes, in ev_tok.cue2 */
enum {
    EV_C2_STATEAUX = 1u << 0, /* ist, sind, war: with the participle of a physical act, a state passive */
    EV_C2_SEAT     = 1u << 1, /* in, aus: a place after a group noun is its seat (die Regierung in Damaskus) */
    EV_C2_SUBJPRON = 1u << 2, /* er: a pronoun that is always a subject (refers to a person named before) */
    EV_C2_PLURPRON = 1u << 3, /* sie: a subject pronoun at the start of a clause (refers to an actor named before) */
    EV_C2_RECEIVE  = 1u << 4, /* erhalten, bekommen, received: an event noun's clause subject is its recipient */
    EV_C2_WITH     = 1u << 5, /* mit: an aid noun after it (mit Unterstützung Xs) is done by X for the clause subject */
    EV_C2_FROM     = 1u << 6, /* aus, von, from: a place after it is where an act comes from, not its target */
    EV_C2_BOUNDARY = 1u << 7, /* Grenze, border: a group after its preposition is a neighbour, no participant */
    EV_C2_PARTAKE  = 1u << 8, /* teilnehmen, sich beteiligen, participate: an event noun of its clause is done by its subject */
    EV_C2_HAPPEN   = 1u << 9, /* (es) kam (zu): an event noun after its preposition is reported as happening */
    EV_C2_PERCEIVE = 1u << 10, /* fühlen, sehen: sich bedroht fühlen - the participle is a perceived state, no act */
    EV_C2_RESUME   = 1u << 11, /* dabei, hierbei: the clause continues the act of the sentence before */
    EV_C2_SOURCE   = 1u << 12, /* laut: the group right after it is the source of a report, no participant */
    EV_C2_SOURCEPREP = 1u << 13, /* Angaben (von), Berufung (auf), according (to): the same, a preposition between */
    EV_C2_SOURCEAFTER = 1u << 14, /* zufolge: the group right before it is the source of a report */
    EV_C2_PERFAUX  = 1u << 15 /* habe, hatte: the perfect's auxiliary (habe ... angreifen wollen: the modal's perfect) */
};
/* the PLOVER event types (load.c names them in this order; a pattern keeps
 * its type's id, resolved at load, so the stage tests types by bit masks) */
enum ev_ptype { EV_T_AGREE, EV_T_CONSULT, EV_T_SUPPORT, EV_T_CONCEDE, EV_T_COOPERATE, EV_T_AID, EV_T_RETREAT,
                EV_T_REQUEST, EV_T_ACCUSE, EV_T_REJECT, EV_T_THREATEN, EV_T_PROTEST, EV_T_SANCTION, EV_T_MOBILIZE,
                EV_T_COERCE, EV_T_ASSAULT, EV_NTYPES };
#define EV_TB(t) (1u << EV_T_##t)     /* the mask bit of PLOVER type t */
/* two-sided types: each side acts on the other (ev_symmetric names them for event strings) */
#define EV_SYMMETRIC_TYPES (EV_TB(AGREE) | EV_TB(CONSULT) | EV_TB(COOPERATE))
#define EV_MAX_SECTORS 32  /* distinct sectors of group nouns */
#define EV_MAX_SEATS 128   /* lines of seats.tsv */
#define EV_MAX_PREPS 63      /* prepositions per language (ids index rec_preps/act_preps) */

typedef struct ev_pattern {
    const char *id;           /* rule id, e.g. "de.treffen" */
    const char *type;         /* PLOVER type; NULL for a block pattern */
    int8_t tid;               /* its enum ev_ptype, -1 for a block pattern */
    const char *mode;         /* PLOVER mode or NULL */
    const char *cameo;        /* CAMEO code */
    const char *cameo_root;   /* its two-digit root */
    double goldstein;
    double conf;              /* base confidence */
    uint8_t kind, lang;
    uint16_t flags;
    uint64_t rec_preps;       /* bit (prep id): a group after it is the recipient */
    uint64_t act_preps;       /* bit (prep id): a group after it is the actor */
    const char *agent_sector; /* agent=SECTOR: the act fixes its agent (festnehmen: the state's COP) */
    const char *dep_type;     /* dep=TYPE: with its counterpart in a dass/that clause, this type */
    const char *dep_cameo_root; /* ... and its default CAMEO root and Goldstein value */
    double dep_goldstein;
    uint32_t sup[80];         /* NS: hashes of the stems of its own support verbs */
    uint8_t nsup;
    uint32_t obj[80];         /* obj=: hashes of stems one of which must follow the trigger */
    uint8_t nobj;
    uint32_t notw[16];        /* not=: hashes of stems none of which may stand in the clause */
    uint8_t nnot;
    uint32_t hypw[16];        /* hyp=: hashes of stems that make the event hypothetical (Haft drohen) */
    uint8_t nhyp;
} ev_pattern;

/* 1 when pattern p has one of the types of mask (EV_TB bits); a block pattern has none */
static inline int ev_type_in(const ev_pattern *p, uint32_t mask)
{
    return p->tid >= 0 && (mask >> p->tid & 1u);
}

/* one key of a pattern: a stem, maybe with more words required */
typedef struct ev_form {
    uint32_t pattern;
    uint32_t next;            /* next form with the same key, UINT32_MAX = end */
    const char *req;          /* folded words required after the trigger, space-separated, or NULL */
    uint8_t req_kind;         /* EV_REQ_* */
    uint8_t req_later;        /* (set after loading) this form or a later one of its chain requires words */
    uint32_t req_len;         /* strlen(req), 0 without */
    uint8_t zuinf;            /* a German zu-infinitive (vorzuschlagen): a dependent action */
    uint8_t er_noun;          /* a noun form that is its stem + "er" itself (Massaker): agent nouns may match */
    uint8_t lich_adj;         /* the listed form ends in -lich itself (verantwortlich): -lich adjectives may match */
    uint8_t block;            /* (set after loading) its pattern has EV_F_BLOCK */
    uint8_t kind;             /* (set after loading) its pattern's kind */
} ev_form;
enum { EV_REQ_NONE = 0,
       EV_REQ_PARTICLE = 1,   /* German separable particle later in the clause */
       EV_REQ_NEXT = 2 };     /* words following within a small window, in order */

typedef struct ev_cameo_root { char root[3]; double goldstein; } ev_cameo_root;

struct lb_event_rules {
    lb_arena strings;
    ev_pattern *patterns; size_t npatterns, cap_patterns;
    ev_form *forms; size_t nforms, cap_forms;
    lb_wordset keys[EV_NLANG];     /* stem -> first form index */
    lb_wordset tails[EV_NLANG];    /* head-of-compound stems -> first form index */
    lb_wordset tail_ends[EV_NLANG];/* last 3 bytes of those stems: a quick filter */
    ev_stemfilter stemf[EV_NLANG]; /* every stem the loader made, head endings: which words need a stem (German) */
    uint64_t tail_starts[EV_NLANG][1024]; /* bits ev_start3_bit of those stems' first 3 bytes: a quick filter */
    lb_wordset cues[EV_NLANG];     /* folded word (or "w1 w2") -> class bits */
    lb_wordset cue_stems[EV_NLANG];/* stem -> class bits */
    lb_wordset cues2[EV_NLANG];    /* folded word -> EV_C2_* bits */
    lb_wordset preps[EV_NLANG];    /* folded preposition -> id (per language) */
    lb_wordset groups[EV_NLANG];   /* group noun stem (Polizei, troops) -> sector id */
    lb_wordset group_tails[EV_NLANG]; /* heads of compound group nouns (Kriminalpolizei) -> sector id */
    lb_wordset group_tail_ends[EV_NLANG]; /* last 3 bytes of those heads and their inflected forms: a quick filter */
    uint64_t group_tail_starts[EV_NLANG][1024]; /* bits ev_start3_bit of the heads' first 3 bytes: a quick filter */
    uint64_t group_tail_end3[EV_NLANG][1024];   /* bits ev_start3_bit of group_tail_ends' keys: before that lookup */
    const char *sectors[EV_MAX_SECTORS]; int nsectors;   /* PLOVER sector codes of group nouns */
    lb_wordset seats;              /* folded city of an international organisation -> index in seat_codes */
    const char *seat_codes[EV_MAX_SEATS]; int nseats;
    int nprep[EV_NLANG];
    size_t nexact[EV_NLANG];       /* =word forms (an extra lookup only when there are some) */
    ev_cameo_root roots[32]; int nroots;
    struct { char type[16]; char cameo[8]; } defaults[24]; int ndefaults;
    uint32_t place_types;          /* bit k: PLOVER type k takes a place as recipient */
    uint32_t domestic_types;       /* bit k: PLOVER type k takes a group noun as a domestic recipient */
    uint32_t own_types[EV_NLANG];  /* bit k: with no counterpart named, type k is directed at the actor's own state */
    uint32_t context_types[EV_NLANG]; /* bit k: with no counterpart named, the actor's counterpart in the sentences before */
    uint32_t last_tail_len;        /* shortest compound head stem (bytes) */
};
typedef struct lb_event_rules ev_rules;

/* a bit (0..65535) for the first 3 bytes of w */
static inline uint32_t ev_start3_bit(const char *w)
{
    uint32_t x = (uint32_t)(unsigned char)w[0] << 16 | (uint32_t)(unsigned char)w[1] << 8 | (unsigned char)w[2];
    return (x * 2654435761u) >> 16;
}
/* The quick filters of compound heads (1024 words of 64 bits): marks the
 * first 3 bytes of a listed head; 0 when no listed head can start as w does. */
static inline void ev_start3_add(uint64_t *bits, const char *w)
{
    uint32_t b = ev_start3_bit(w);
    bits[b >> 6] |= (uint64_t)1 << (b & 63);
}
static inline int ev_start3_may(const uint64_t *bits, const char *w)
{
    uint32_t b = ev_start3_bit(w);
    return (int)(bits[b >> 6] >> (b & 63) & 1);
}
/* Stems a folded word into out (cap bytes, NUL-terminated); returns its length,
 * 0 when it does not fit. stemmer is a struct sb_stemmer *. */
size_t ev_stem(void *stemmer, const char *w, size_t n, char *out, size_t cap);
/* Hash of a stem, as stored in ev_pattern.sup. */
uint32_t ev_stem_hash(const char *s, size_t n);
/* Goldstein value of a CAMEO code's root (0 when unknown). */
double ev_goldstein(const ev_rules *r, const char *cameo);
/* The state a city seating an international organisation lies in (Brüssel:
 * BEL), from seats.tsv; NULL when the text span is no such city. */
const char *ev_seat_state(const ev_rules *r, const char *text, size_t n);
/* Language index of a doc's language code, or -1. */
int ev_lang(const char *lang);
#endif
