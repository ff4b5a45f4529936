/* sent.h: the per-sentence working state of the events stage (internal):
 * token cues and trigger matches, actor groups (coordinated mentions with
 * their preposition) and clauses. Built by sent.c, read by code.c. All
 * arrays live in doc->arena, sized once per document. */
#ifndef LB_EVENTS_SENT_H
#define LB_EVENTS_SENT_H
#include "doc.h"
#include "text/text.h"
#include "events/rules.h"
#include "events/docindex.h"

#define EV_MAX_SENT_TOKS 400     /* tokens of a sentence examined (longer: the rest is skipped) */
#define EV_MAX_GROUP_MEN 8
#define EV_MAX_ABBREVS 16        /* abbreviations defined in parentheses, per document */
#define EV_STEM_BLOOM_WORDS 16   /* 64-bit words of a sentence's stem filter (1024 bits) */

typedef struct ev_tok {
    uint32_t cue;           /* EV_C_* bits (and prep id) */
    int32_t form;           /* matched form index, -1 none */
    uint32_t chain;         /* first form of the token's key (alternatives), UINT32_MAX none */
    uint32_t stem;          /* ev_stem_hash of its stem, 0 for non-words */
    uint32_t lstem;         /* of a verb whose lemma stems otherwise (beginnt: beginnen), its lemma's stem hash, else 0 */
    uint32_t head;          /* of a hyphenated compound, the hash of its last part's stem (UN-Sicherheitsrat), else 0 */
    int16_t group;          /* group index, -1 none */
    uint16_t cue2;          /* EV_C2_* bits */
    int8_t gsec;            /* a group noun (Polizei, troops): its sector id in the rules, -1 none */
    int8_t prep;            /* preposition id, -1 none */
    uint16_t clause;
} ev_tok;

typedef struct ev_group {
    uint32_t t0, t1;        /* sentence-relative tokens [t0, t1) */
    uint32_t men[EV_MAX_GROUP_MEN];   /* indices into doc->mentions */
    uint8_t nmen;
    int8_t prep;            /* preposition id before the group, -1 none */
    uint8_t place;          /* place preposition and only LOC names */
    uint8_t poss;           /* followed by a possessive marker ('s) */
    uint8_t both;           /* made from "beide/both", not from a mention of its own */
    uint8_t postgen;        /* German: right after a noun, its genitive (mit Unterstützung Großbritanniens) */
    uint16_t clause;
} ev_group;

enum { EV_CL_MAIN = 0, EV_CL_SUB, EV_CL_REL, EV_CL_COORD };

/* token t of doc is a comma */
static inline int ev_is_comma(const lb_doc *doc, const lb_tok *t)
{
    return (t->flags & LB_TOK_PUNCT) && t->norm_len == 1 && lb_tok_norm(doc, t)[0] == ',';
}

typedef struct ev_clause {
    uint32_t t0, t1;
    uint8_t kind;
    uint32_t cues;          /* union of its tokens' cue bits (NOTNEG pairs removed) */
    int antecedent;         /* REL: group before the relative pronoun, -1 none */
} ev_clause;

typedef struct ev_sent {
    const lb_doc *doc;
    const ev_rules *rules;
    int lang;
    void *stemmer;          /* libstemmer's (struct sb_stemmer *), made when first needed; the caller keeps it in the memo or deletes it */
    int stem_oom;           /* it could not be made */
    uint32_t si;            /* sentence index */
    uint32_t tok0, n;       /* absolute first token, tokens examined */
    uint32_t ntrig;         /* triggers the build matched (0: no token has a form) */
    ev_tok *t;
    ev_group *g; int ng;
    ev_clause *c; int nc;
    size_t mcursor;         /* first mention that may lie in this or a later sentence */
    lb_mention *xm; uint32_t nxm;   /* mentions made by the stage (group nouns); index = mentions.len + k */
    const char *state;      /* the document's state: its dateline, else the state it names most; may be NULL */
    struct ev_memo *memo;     /* the lb_doc handle's word memos (wmemo.h); may be NULL */
    const ev_docindex *ix;    /* per-sentence quotes and temporal expressions */
    /* the plural group noun that was the subject of an earlier sentence (Die
     * Jihadisten haben ...): what a following "sie" with a plural verb resumes
     * when the discourse layer gives it no actor; plur_si is its sentence + 1, 0 none */
    const char *plur_code, *plur_sector;
    uint32_t plur_si;
    /* abbreviations the document defined in parentheses after an actor group
     * (die Internet-Polizei (IIP), die Demokratische Unionspartei (PYD)) */
    struct ev_abbrev { const char *w; uint32_t n; const char *code, *sector; } abbr[EV_MAX_ABBREVS];
    int nabbr;
    /* a bit per stem and compound head hash of the sentence's tokens (low 10
     * bits): a stem whose bit is clear stands in no token (ev_stem_seen) */
    uint64_t stem_bloom[EV_STEM_BLOOM_WORDS];
} ev_sent;

static inline void ev_stem_mark(ev_sent *s, uint32_t h)
{
    s->stem_bloom[(h >> 6) % EV_STEM_BLOOM_WORDS] |= 1ull << (h & 63);
}

/* 0 when stem hash h is no token's stem or head in the sentence (1: maybe) */
static inline int ev_stem_seen(const ev_sent *s, uint32_t h)
{
    return (int)(s->stem_bloom[(h >> 6) % EV_STEM_BLOOM_WORDS] >> (h & 63) & 1u);
}

/* 0 when none of the stem hashes hs[0..n) is a token's stem or head (1: maybe) */
static inline int ev_stems_seen(const ev_sent *s, const uint32_t *hs, int n)
{
    for (int k = 0; k < n; k++) if (ev_stem_seen(s, hs[k])) return 1;
    return 0;
}

/* A group's mention idx: a mention of the document, or one the stage made. */
static inline const lb_mention *ev_men(const ev_sent *s, uint32_t idx)
{
    return idx < s->doc->mentions.len ? &LB_MENTIONS(s->doc)[idx] : &s->xm[idx - s->doc->mentions.len];
}

/* groups.c: actor groups of group nouns (die türkische Armee, die Regierung in
 * Damaskus, die Polizei) and of non-state armed groups; the document's state. */
void ev_noun_groups(ev_sent *s);
/* a mention of the stage: tokens [t0, t1) acting for code with sector; its index */
uint32_t ev_make_mention(ev_sent *s, uint32_t t0, uint32_t t1, const char *code, const char *sector);
/* inserts group g in text order */
void ev_insert_group(ev_sent *s, const ev_group *g);
/* inserts a group of tokens [t0, t1) with one new mention acting for code
 * with sector (ev_make_mention, whose index it returns); the caller checks
 * that ng and nxm have room */
uint32_t ev_add_group(ev_sent *s, uint32_t t0, uint32_t t1, const char *code, const char *sector);
/* entities.c: groups of the discourse layer's mentions that have no actor
 * mention of their own (er, sie, der 78-Jährige, die Behörde, das Land): the
 * entity they refer to, with its actor code */
void ev_discourse_groups(ev_sent *s);
/* a clause-initial plural "sie" with no actor of its own: the plural group
 * noun subject of the sentence before (Die Milizen ... Sie haben ...) */
void ev_resumed_plural_groups(ev_sent *s);
/* remembers abbreviations defined in parentheses right after an actor group
 * of the sentence (die Internet-Polizei (IIP)) for the rest of the document */
void ev_note_abbrevs(ev_sent *s);
/* remembers the sentence's plural group-noun subject for the next sentence */
void ev_note_plural_subject(ev_sent *s);
const char *ev_doc_state(const lb_doc *doc, const ev_rules *r);
const char *ev_place_state(const ev_rules *r, const lb_doc *doc, const lb_mention *m);
/* 1 when code is a state's (ISO alpha-3), not an organisation's */
int ev_state_code(const char *code);

/* clause_roles.c: the roles the clause layer gives a verb trigger's clause,
 * as actor groups (-1: none, or a phrase without an actor) */
typedef struct ev_clause_roles_t {
    int subj, obj, iobj, agent;
    int has_subj, has_obj;      /* the clause has such phrases (actors or not) */
    int any_subj;               /* it has a subject phrase of any kind (a pronoun, a name) */
    int finite;                 /* it has a finite verb (not a headline's bare participle) */
    int personal_subj;          /* its subject is a person: a personal or relative pronoun, a name, a person entity */
    int passive;
} ev_clause_roles_t;
/* The clause of token t (sentence-relative), NULL when the clause layer did
 * not run or t is in none. */
const lb_clause *ev_clause_at(const ev_sent *s, uint32_t t);
/* 1 when the clause layer analysed the clause whose verb is trigger t */
int ev_clause_roles(const ev_sent *s, uint32_t t, ev_clause_roles_t *out);

/* the actor groups (-1 none) of the subject, accusative object and passive
 * agent of token t's clause (subj -2: no subject phrase found); 0 when the
 * clause layer did not analyse it */
int ev_clause_core_groups(const ev_sent *s, uint32_t t, int *subj, int *obj, int *agent);

/* Fills cues, triggers, groups and clauses of sentence si. 0 or LB_ENOMEM. */
int ev_sent_build(ev_sent *s);
/* 1 when form f's required words are present around sentence token i. */
int ev_req_ok(const ev_sent *s, uint32_t i, const ev_form *f);
/* Codes the events of a built sentence into doc->events. 0 or LB_ENOMEM. */
int ev_code_sentence(ev_sent *s, lb_doc *doc);
#endif
