/* doc.h: the internal document model shared by all pipeline stages.
 * A stage reads what earlier stages filled in and appends its own layer; all
 * memory comes from doc->arena (one arena per document, reset between docs).
 * Offsets are byte offsets into doc->text. This header defines data only. */
#ifndef LB_DOC_H
#define LB_DOC_H
#include "lagebild.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/limits.h"
#include <stdint.h>

/* token flags */
enum {
    LB_TOK_WORD     = 1u << 0,  /* letters (maybe with digits, inner hyphens) */
    LB_TOK_NUM      = 1u << 1,  /* starts with a digit */
    LB_TOK_PUNCT    = 1u << 2,  /* punctuation or symbol */
    LB_TOK_UPPER    = 1u << 3,  /* first letter is upper case */
    LB_TOK_ALLCAPS  = 1u << 4,  /* every letter upper case (and more than one) */
    LB_TOK_ABBREV   = 1u << 5,  /* ends with a period that belongs to it */
    LB_TOK_ORDINAL  = 1u << 6,  /* number with a period: "22." */
    LB_TOK_QUOTE    = 1u << 7,  /* a quotation mark */
    LB_TOK_QOPEN    = 1u << 8,  /* ... that can open a quote */
    LB_TOK_QCLOSE   = 1u << 9,  /* ... that can close a quote */
    LB_TOK_SENT_END = 1u << 10, /* . ! ? … or a run of them */
    LB_TOK_HYPHEN   = 1u << 11, /* word contains an inner hyphen */
    LB_TOK_TRUNC    = 1u << 12, /* word ends in a truncation hyphen: "Staats-" */
    LB_TOK_NL_BEFORE= 1u << 13, /* a line break precedes the token */
    LB_TOK_PARA_BEFORE = 1u << 14, /* a blank line precedes the token */
    LB_TOK_URL      = 1u << 15, /* URL or e-mail address */
    LB_TOK_BRACKET_OPEN  = 1u << 16,
    LB_TOK_BRACKET_CLOSE = 1u << 17,
    LB_TOK_DASH     = 1u << 18, /* – — or a run of -- */
    LB_TOK_ABBR_END = 1u << 19  /* an abbreviation that may end a sentence (usw., U.S.) */
};

typedef struct lb_tok {
    uint32_t start, end;        /* span in doc->text */
    uint32_t norm, norm_len;    /* folded form: doc->norm + norm */
    uint32_t flags;
    uint32_t sent;              /* index of its sentence */
} lb_tok;

typedef struct lb_sent {
    uint32_t start, end;        /* span in doc->text */
    uint32_t tok0, ntok;        /* its tokens: doc->toks[tok0 .. tok0+ntok) */
} lb_sent;

typedef struct lb_rspan { uint32_t start, end; } lb_rspan;

typedef struct lb_meta {
    const char *title, *author, *date, *source, *url;   /* arena strings or NULL */
} lb_meta;

/* ---- morphology layer (src/morph): one lb_morph per token, same index --- */

/* Universal Dependencies parts of speech. */
enum lb_upos {
    LB_UPOS_X = 0, LB_UPOS_ADJ, LB_UPOS_ADP, LB_UPOS_ADV, LB_UPOS_AUX, LB_UPOS_CCONJ,
    LB_UPOS_DET, LB_UPOS_INTJ, LB_UPOS_NOUN, LB_UPOS_NUM, LB_UPOS_PART, LB_UPOS_PRON,
    LB_UPOS_PROPN, LB_UPOS_PUNCT, LB_UPOS_SCONJ, LB_UPOS_SYM, LB_UPOS_VERB,
    LB_UPOS_COUNT
};

/* UD features packed into 32 bits, one small field per feature, 0 = unset.
 * LB_FEAT_GET(feats, CASE) == LB_CASE_NOM; LB_FEAT(CASE, LB_CASE_DAT) builds. */
#define LB_FEAT(f, v)       ((uint32_t)(v) << LB_##f##_SHIFT)
#define LB_FEAT_GET(x, f)   (((x) >> LB_##f##_SHIFT) & LB_##f##_MASK)
#define LB_FEAT_CLEAR(x, f) ((x) & ~((uint32_t)LB_##f##_MASK << LB_##f##_SHIFT))
enum { LB_CASE_SHIFT = 0,      LB_CASE_MASK = 7 };
enum { LB_NUMBER_SHIFT = 3,    LB_NUMBER_MASK = 3 };
enum { LB_GENDER_SHIFT = 5,    LB_GENDER_MASK = 3 };
enum { LB_PERSON_SHIFT = 7,    LB_PERSON_MASK = 3 };
enum { LB_TENSE_SHIFT = 9,     LB_TENSE_MASK = 3 };
enum { LB_MOOD_SHIFT = 11,     LB_MOOD_MASK = 3 };
enum { LB_VERBFORM_SHIFT = 13, LB_VERBFORM_MASK = 7 };
enum { LB_DEGREE_SHIFT = 16,   LB_DEGREE_MASK = 3 };
enum { LB_DEFINITE_SHIFT = 18, LB_DEFINITE_MASK = 3 };
enum { LB_PRONTYPE_SHIFT = 20, LB_PRONTYPE_MASK = 15 };
enum { LB_REFLEX_SHIFT = 24,   LB_REFLEX_MASK = 1 };     /* Reflex=Yes */
enum { LB_POSS_SHIFT = 25,     LB_POSS_MASK = 1 };       /* Poss=Yes */
enum { LB_POLARITY_SHIFT = 26, LB_POLARITY_MASK = 1 };   /* Polarity=Neg */
enum { LB_CASE_NOM = 1, LB_CASE_ACC, LB_CASE_DAT, LB_CASE_GEN };
enum { LB_NUMBER_SING = 1, LB_NUMBER_PLUR };
enum { LB_GENDER_MASC = 1, LB_GENDER_FEM, LB_GENDER_NEUT };
enum { LB_TENSE_PRES = 1, LB_TENSE_PAST };
enum { LB_MOOD_IND = 1, LB_MOOD_SUB, LB_MOOD_IMP };
enum { LB_VERBFORM_FIN = 1, LB_VERBFORM_INF, LB_VERBFORM_PART, LB_VERBFORM_GER };
enum { LB_DEGREE_POS = 1, LB_DEGREE_CMP, LB_DEGREE_SUP };
enum { LB_DEFINITE_DEF = 1, LB_DEFINITE_IND };
enum { LB_PRONTYPE_PRS = 1, LB_PRONTYPE_ART, LB_PRONTYPE_DEM, LB_PRONTYPE_REL,
       LB_PRONTYPE_INT, LB_PRONTYPE_IND, LB_PRONTYPE_NEG, LB_PRONTYPE_TOT, LB_PRONTYPE_RCP };

/* lb_morph.flags */
enum {
    LB_MF_KNOWN    = 1u << 0,   /* the lexicon knew the form (else guessed) */
    LB_MF_COMPOUND = 1u << 1,   /* analysed by its head: head_off > 0 */
    LB_MF_CONTR    = 1u << 2,   /* contraction of preposition and article: am = an dem */
    LB_MF_ZU_INF   = 1u << 3,   /* zu-infinitive (zu abzuschließen, zu kommen) */
    LB_MF_SEP_VERB = 1u << 4,   /* finite verb whose particle stands apart (lemma includes it) */
    LB_MF_SEP_PART = 1u << 5    /* that particle (link points back to the verb) */
};

typedef struct lb_morph {
    const char *lemma;          /* lemma_len bytes, lexicon or arena memory */
    uint32_t lemma_len;
    uint32_t feats;             /* LB_FEAT bit fields */
    uint8_t upos;               /* enum lb_upos */
    uint8_t flags;              /* LB_MF_* */
    uint16_t head_off;          /* compound: byte offset of the head in the token */
    int32_t link;               /* separable verb <-> particle token, -1 none */
    int32_t clause;             /* syntax: clause index, -1 none */
    int32_t phrase;             /* syntax: innermost phrase index, -1 none */
} lb_morph;

/* The number a finite verb gives its pronoun subject (LB_NUMBER_*, 0 none
 * known). A second person plural counts as singular: the German -t form
 * (droht) is the third singular as well, and after sie or Sie in news it is
 * that; the tagger may choose the other reading. */
static inline uint32_t lb_morph_subject_number(const lb_morph *m)
{
    uint32_t num = LB_FEAT_GET(m->feats, NUMBER);
    return num == LB_NUMBER_PLUR && LB_FEAT_GET(m->feats, PERSON) == 2 ? LB_NUMBER_SING : num;
}

/* 1 when upos is a verb's: VERB or AUX. */
static inline int lb_upos_is_verb(unsigned upos) { return upos == LB_UPOS_VERB || upos == LB_UPOS_AUX; }

/* 1 when m is a finite verb or auxiliary (VerbForm=Fin). */
static inline int lb_morph_is_finite(const lb_morph *m)
{
    return lb_upos_is_verb(m->upos) && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_FIN;
}

/* ---- clause layer (src/syntax) ------------------------------------------ */

enum lb_phrase_kind { LB_PH_NG = 1,     /* noun group: det adj* noun, a pronoun, a name */
                      LB_PH_PG };       /* prepositional group: prep + noun group */
enum lb_role { LB_ROLE_NONE = 0, LB_ROLE_SUBJ, LB_ROLE_OBJ /* accusative, direct */,
               LB_ROLE_IOBJ /* dative, indirect */, LB_ROLE_AGENT /* of a passive */,
               LB_ROLE_PP /* other prepositional group */, LB_ROLE_PRED /* predicative */,
               LB_ROLE_GEN /* genitive attribute */, LB_ROLE_APPOS,
               LB_ROLE_CONJ /* a later conjunct: parent is the first one, which has the role */ };

typedef struct lb_phrase {
    uint32_t tok0, ntok;        /* all its tokens (preposition included) */
    uint32_t head;              /* head token (noun, name, pronoun) */
    int32_t prep;               /* preposition token of a PG, -1 none */
    uint32_t feats;             /* agreed Case, Number, Gender, Person */
    int32_t clause;             /* its clause */
    int32_t parent;             /* phrase it is attached to (genitive, of-PG, apposition, conjunct), -1 */
    uint8_t kind;               /* enum lb_phrase_kind */
    uint8_t role;               /* enum lb_role, in its clause */
    uint8_t coord;              /* 1: first conjunct of a coordination (plural for agreement) */
    uint32_t agree;             /* agreement mask: bit (case-1)*6 + (number-1)*3 + (gender-1)
                                 * for each reading all its tokens allow; 0 = no case info */
    int32_t conj;               /* next conjunct of a coordination ("Russland und China"), -1 */
    int32_t antecedent;         /* relative pronoun: the phrase it refers to, -1 */
} lb_phrase;

enum lb_clause_kind { LB_CL_MAIN = 1, LB_CL_SUB /* dass, weil, that, because */,
                      LB_CL_REL, LB_CL_ZU_INF /* zu-/to-infinitive; English -ing clause after a comma */,
                      LB_CL_QUESTION /* a question sentence's main clause, or an indirect
                                      * question (ob, whether, wer ... after a comma) */ };
enum { LB_VOICE_ACT = 0, LB_VOICE_PASS };

typedef struct lb_clause {
    uint32_t tok0, ntok;        /* the clause's extent; embedded clauses lie inside */
    uint32_t sent;              /* sentence index */
    int32_t parent;             /* enclosing clause, -1 for a main clause */
    int32_t intro;              /* subordinator or relative pronoun token, -1 */
    int32_t fin;                /* finite verb token, -1 */
    int32_t verb;               /* lexical (main) verb token, -1 */
    const char *verb_lemma;     /* its lemma with a separable particle joined */
    uint32_t verb_lemma_len;
    int32_t subj, obj, iobj, agent;   /* phrase indices, -1 none */
    uint32_t phrase0, nphrase;  /* the range of phrases from this clause's first to its last;
                                 * phrases of embedded clauses may lie inside: check .clause */
    uint8_t kind;               /* enum lb_clause_kind */
    uint8_t voice;              /* LB_VOICE_* */
    uint8_t mood;               /* LB_MOOD_* of the finite verb */
    uint8_t negated;            /* nicht, kein, not, never */
    int32_t modal;              /* modal verb token, -1 */
    int32_t particle;           /* separable particle token joined into verb_lemma, -1 */
    int32_t pred;               /* predicative noun group of a copula (phrase), -1 */
} lb_clause;

#define LB_MORPH(d)   ((lb_morph *)(d)->morph.items)
#define LB_PHRASES(d) ((lb_phrase *)(d)->phrases.items)
#define LB_CLAUSES(d) ((lb_clause *)(d)->clauses.items)

/* ---- annotation layers (filled by the actors, time, quotes, events stages) */

/* A political actor as the contract reports it; strings are static or live
 * in the context's dictionaries (never freed per document). */
typedef struct lb_actor_ref {
    const char *code;       /* "CHN", "NATO"; NULL = no actor */
    const char *sector;     /* "GOV", "MIL", ...; may be NULL */
    const char *name;       /* canonical name, may be NULL */
    const char *id;         /* Wikidata id, may be NULL */
} lb_actor_ref;

enum lb_mention_type { LB_MEN_PER, LB_MEN_LOC, LB_MEN_ORG, LB_MEN_OTH };
enum lb_mention_form { LB_FORM_NAME, LB_FORM_DERIV, LB_FORM_PART };

typedef struct lb_mention {
    uint32_t start, end;
    uint32_t tok0, ntok;
    uint8_t type, form;
    lb_actor_ref actor;
} lb_mention;

enum lb_timex_type { LB_TIMEX_DATE, LB_TIMEX_TIME, LB_TIMEX_DURATION, LB_TIMEX_SET };

typedef struct lb_timex {
    uint32_t start, end;
    uint8_t type;
    /* a compound of the time words (data/time: "+A+B" lines) in one token:
     * an adjective of a length (dreijährige Haft, a four-week truce) that
     * describes its noun and does not stand for the noun group it is in,
     * as a date or a length phrase does */
    uint8_t modifier;
    const char *value;      /* TIMEX3 value, arena string */
} lb_timex;

typedef struct lb_quote {
    uint32_t start, end;            /* content without quotation marks */
    uint8_t indirect;
    int32_t speaker_start, speaker_end;  /* -1 when unknown */
    const char *speaker_name;       /* canonical name, may be NULL */
    lb_actor_ref speaker_actor;
    int32_t cue_start, cue_end;     /* speech verb, -1 when none */
} lb_quote;

#define LB_MAX_EVENT_PARTIES 8
typedef struct lb_event {
    const char *type;               /* PLOVER type */
    const char *mode;               /* may be NULL */
    lb_actor_ref actor[LB_MAX_EVENT_PARTIES];
    uint8_t nactor;
    lb_actor_ref recipient[LB_MAX_EVENT_PARTIES];
    uint8_t nrecipient;
    const char *date;               /* TIMEX value or NULL */
    uint8_t negated, hypothetical;
    uint32_t start, end;            /* inside the sentence */
    uint32_t sent;                  /* sentence index */
    int32_t trigger_start, trigger_end;
    const char *rule;               /* id of the pattern that fired */
    double confidence;
    const char *cameo;              /* CAMEO root code, may be NULL */
    double goldstein;               /* cooperation-conflict score */
} lb_event;

#define LB_MENTIONS(d) ((lb_mention *)(d)->mentions.items)
#define LB_TIMEXES(d)  ((lb_timex *)(d)->timex.items)
#define LB_QUOTES(d)   ((lb_quote *)(d)->quotes.items)
#define LB_EVENTS(d)   ((lb_event *)(d)->events.items)


/* ---- discourse layer (src/discourse): entities and their mentions ------- */

/* A person, organisation or state the document speaks of, with all its
 * mentions (names, titles, appositions, descriptions, pronouns). */
typedef struct lb_entity {
    const char *name;           /* canonical: the actor's name, else its longest name mention */
    lb_actor_ref actor;         /* code of its mentions (first one with a code); code NULL: none */
    uint8_t type;               /* enum lb_mention_type: LB_MEN_PER, LB_MEN_ORG, LB_MEN_LOC */
    uint8_t gender, number;     /* LB_GENDER_*, LB_NUMBER_*; 0 unknown */
    uint32_t nrefs;             /* how many mentions */
    uint32_t first_tok;         /* token of its first mention */
} lb_entity;

enum lb_ref_kind { LB_REF_NAME = 1,  /* Xi Jinping, Xi, with its title: Präsident Xi */
                   LB_REF_APPOS,     /* Lawrow, der russische Außenminister, */
                   LB_REF_DESC,      /* der Kremlchef, der 63-Jährige, die Behörde, das Land */
                   LB_REF_PRON };    /* er, sie, es, ihr; he, she, they, his */

typedef struct lb_ref {
    uint32_t tok0, ntok;        /* its tokens */
    int32_t entity;             /* index into doc->entities */
    uint8_t kind;               /* enum lb_ref_kind */
} lb_ref;

#define LB_ENTITIES(d) ((lb_entity *)(d)->entities.items)
#define LB_REFS(d)     ((lb_ref *)(d)->refs.items)

typedef struct lb_ctx lb_ctx;

struct lb_doc {
    const lb_ctx *ctx;
    lb_arena arena;
    const char *id;             /* arena, NUL-terminated */
    const char *text;           /* arena copy of the input text */
    size_t len;
    size_t repaired, nuls;      /* from the reader */
    const char *warning;        /* arena; a problem with the input that did not stop it, or NULL */
    char lang[8];               /* "de", "en", "und" */
    lb_meta meta;               /* what the output reports */
    lb_meta input;              /* what the input said (date, lang, source, url, title) */
    int is_html;                /* the input was an HTML page (the html stage made text of it) */
    const char *input_lang;

    lb_vec body;                /* lb_rspan: article lines, merged */
    lb_vec skip;                /* lb_rspan: metadata prefixes inside body lines, not text */
    lb_vec toks;                /* lb_tok, only inside body */
    lb_vec sents;               /* lb_sent */
    char *norm;                 /* folded token forms, back to back */
    size_t norm_len, norm_cap;

    lb_vec morph;               /* lb_morph, one per token (morph stage) */
    lb_vec phrases;             /* lb_phrase (syntax stage), in text order */
    lb_vec clauses;             /* lb_clause (syntax stage), in text order of their start */

    const char *dct;            /* document creation time used by the time stage */
    lb_vec mentions;            /* lb_mention, in text order */
    lb_vec timex;               /* lb_timex, in text order */
    lb_vec quotes;              /* lb_quote */
    lb_vec events;              /* lb_event */
    lb_vec entities;            /* lb_entity (discourse stage) */
    lb_vec refs;                /* lb_ref, in text order (discourse stage) */
    int32_t *tok_ref;           /* per token: its lb_ref index or -1; NULL without the layer */

    struct ev_memo *stem_cache[2];    /* events: word memos and stems (de, en), kept across documents */
    struct lb_morph_cache *morph_cache[2]; /* morph: word form -> analysis (de, en), kept across documents */
    struct lb_syntax_cache *syntax_cache[2]; /* syntax: lemma -> word class (de, en), kept across documents */

    lb_buf json;                /* output line */
    char err[LB_MAX_ERROR_BYTES];
};

#define LB_TOKS(d)  ((lb_tok *)(d)->toks.items)
#define LB_SENTS(d) ((lb_sent *)(d)->sents.items)
#define LB_BODY(d)  ((lb_rspan *)(d)->body.items)

/* The mention covering token tok (NULL: none, or no discourse layer). */
static inline const lb_ref *lb_ref_at(const lb_doc *doc, uint32_t tok)
{
    if (!doc->tok_ref || tok >= doc->toks.len || doc->tok_ref[tok] < 0) return NULL;
    return &LB_REFS(doc)[doc->tok_ref[tok]];
}
/* The entity token tok refers to (name, title, apposition, description or
 * pronoun resolved): its canonical name and actor code; NULL when none. */
static inline const lb_entity *lb_entity_at(const lb_doc *doc, uint32_t tok)
{
    const lb_ref *r = lb_ref_at(doc, tok);
    return r && r->entity >= 0 ? &LB_ENTITIES(doc)[r->entity] : NULL;
}

/* Index of the first token that starts at or after byte pos (binary
 * search; doc->toks.len when none). */
uint32_t lb_doc_tok_from(const lb_doc *doc, uint32_t pos);
/* Sets doc->err (printf-style) and returns status. */
int lb_doc_fail(lb_doc *doc, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#endif
