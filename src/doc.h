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

typedef struct lb_ctx lb_ctx;

struct lb_doc {
    const lb_ctx *ctx;
    lb_arena arena;
    const char *id;             /* arena, NUL-terminated */
    const char *text;           /* arena copy of the input text */
    size_t len;
    size_t repaired, nuls;      /* from the reader */
    char lang[8];               /* "de", "en", "und" */
    lb_meta meta;               /* what the output reports */
    lb_meta input;              /* what the input said (date, lang, source, url, title) */
    const char *input_lang;

    lb_vec body;                /* lb_rspan: article lines, merged */
    lb_vec skip;                /* lb_rspan: metadata prefixes inside body lines, not text */
    lb_vec toks;                /* lb_tok, only inside body */
    lb_vec sents;               /* lb_sent */
    char *norm;                 /* folded token forms, back to back */
    size_t norm_len, norm_cap;

    const char *dct;            /* document creation time used by the time stage */
    lb_vec mentions;            /* lb_mention, in text order */
    lb_vec timex;               /* lb_timex, in text order */
    lb_vec quotes;              /* lb_quote */
    lb_vec events;              /* lb_event */

    struct lb_strmap *stem_cache[2];  /* events: word -> stem (de, en), kept across documents */

    lb_buf json;                /* output line */
    char err[LB_MAX_ERROR_BYTES];
};

#define LB_TOKS(d)  ((lb_tok *)(d)->toks.items)
#define LB_SENTS(d) ((lb_sent *)(d)->sents.items)
#define LB_BODY(d)  ((lb_rspan *)(d)->body.items)

/* Sets doc->err (printf-style) and returns status. */
int lb_doc_fail(lb_doc *doc, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#endif
