/* time_internal.h: the compiled time rules (lexicon, patterns, index) and the
 * small value types shared by the loader, matcher and resolver of the time
 * stage. Data definitions and prototypes only; no word lists here. */
#ifndef LB_TIME_INTERNAL_H
#define LB_TIME_INTERNAL_H
#include "doc.h"
#include "core/wordset.h"
#include "text/sigindex.h"
#include <stdint.h>

/* slots a match fills (from lexicon entries, numbers and rule defaults) */
enum tm_slot {
    SL_Y, SL_M, SL_D, SL_W, SL_N, SL_K, SL_R, SL_HR, SL_MI, SL_SEC,
    SL_U,   /* unit: 'Y','M','W','D','H','I' (minute),'S' (second), 'Q' (quarter) */
    SL_S,   /* season: string index */
    SL_T,   /* time of day: string index (MO, AF, EV, NI) */
    SL_L,   /* literal value: string index */
    SL_P,   /* part (START/MID/END), ignored in the value */
    SL_B,   /* 1 = before Christ */
    SL_A,   /* 12 = p.m. */
    SL_F,   /* 1 = and a half (of the unit) */
    SL_NSLOTS
};

typedef struct tm_slots {
    uint32_t has;
    int32_t v[SL_NSLOTS];
} tm_slots;

typedef struct tm_assign { uint8_t slot; int32_t value; } tm_assign;

/* builtin number shapes, matched on the token text */
enum tm_builtin {
    BI_DAY,     /* ordinal day "22." (1..31) */
    BI_DAYN,    /* plain day number "22" (1..31) */
    BI_ORD,     /* English ordinal "22nd", "1st" */
    BI_YEAR,    /* "2023" (1000..2199) */
    BI_INT,     /* plain integer */
    BI_DMY,     /* numeric date "1.9.39", "22.03.2023", "2023-03-22", "22.03." */
    BI_HOUR,    /* 0..24 */
    BI_MIN,     /* two digits 00..59 */
    BI_DECADE,  /* "1990er", "1990s" */
    BI_HHMM,    /* "15:00" as one token */
    BI_CAP,     /* a capitalised word */
    BI_COUNT
};

enum tm_elem_kind { EL_LIT, EL_CLASS, EL_BUILTIN };
enum tm_case { CASE_ANY, CASE_UPPER, CASE_LOWER };

typedef struct tm_elem {
    uint8_t kind, opt, cas, neg;   /* neg: the next token must not match; consumes nothing */
    uint8_t ctx;            /* trailing context: must match, lies outside the span, fills only unset slots */
    uint32_t id;            /* class id or builtin id */
    uint32_t alt0, nalt;    /* EL_LIT: word ids in rules->alts */
} tm_elem;

enum tm_action { AC_ABS, AC_REL, AC_ANA, AC_WDAY, AC_DUR, AC_LIT, AC_CENT, AC_DECADE, AC_TIME, AC_SKIP };

typedef struct tm_rule {
    uint8_t type;           /* enum lb_timex_type */
    uint8_t action;
    uint8_t lang;           /* 1 de, 2 en */
    uint32_t elem0, nelem;
    uint32_t as0, nas;      /* default slot assignments */
    uint32_t line;
    /* TM_NEXT_* bits of which the token after the start needs one (every
     * match takes at least two tokens), 0 when a match may take one */
    uint8_t need2;
} tm_rule;

/* what a token may be matched as: a listed form or a number shape (all but
 * #cap start with a digit), a capitalised word (#cap) */
enum { TM_NEXT_LISTED = 1, TM_NEXT_CAP = 2 };

typedef struct tm_entry { uint32_t cls; uint32_t as0, nas; uint8_t lang; } tm_entry;
typedef struct tm_word {      /* a folded form */
    uint32_t e0, ne;            /* its entries */
    uint8_t starts;             /* some rule may start at it (its own or one of its classes' key) */
    uint8_t digits;             /* "#-tägigen": stands for the forms with digits before the hyphen (N from them) */
    uint8_t compound;           /* made by a compound line ("+A+B"): a count word (zweieinhalb), which no
                                 * rule takes alone, or an adjective of a length, which alone is a
                                 * timex that describes its noun (lb_timex.modifier, time.c) */
} tm_word;


/* tm_rule.lang: 1 de, 2 en; the start index has a part for each and one for
 * a text of unknown language (all rules) */
enum { TM_LANG_ANY = 0, TM_NLANG = 3 };

typedef struct tm_vec { void *p; size_t len, cap, elem; } tm_vec;

struct lb_time_rules {
    lb_wordset words;       /* folded form -> word id */
    tm_vec wordv;           /* tm_word, indexed by word id */
    tm_vec entries;         /* tm_entry */
    tm_vec assigns;         /* tm_assign */
    tm_vec elems;           /* tm_elem */
    tm_vec alts;            /* uint32_t word ids */
    tm_vec rules;           /* tm_rule */
    tm_vec strs;            /* char *, interned strings */
    tm_vec classes;         /* char *, class names; id = index */
    uint32_t cls_tense;     /* class id of TENSE (or UINT32_MAX) */
    uint32_t cls_start;     /* class id of START: a preposition that makes a date a period's start (resolve.c) */
    tm_vec suffixes;        /* tm_suffix: tense by word ending */
    /* per first byte of a folded form: bit min(length, 31) set when some form
     * in words has that first byte and length (most tokens skip the lookup) */
    uint32_t lenmask[256];
    /* signature front of words (text/sigindex.h): a token that passes
     * lenmask but is not listed, most of them, costs no hash and no probe,
     * and most listed forms end in one compare */
    lb_sigindex words_ix;
    /* index: (language, key) -> rules that may start there (CSR); slot
     * lang * nkeys + key, language TM_LANG_ANY holds the rules of all */
    uint32_t *idx_off, *idx_rules;
    size_t nkeys;
};


typedef struct tm_suffix { char s[16]; uint8_t len, lang; int32_t tense; } tm_suffix;

#define TM_R(r) ((tm_rule *)(r)->rules.p)
#define TM_E(r) ((tm_elem *)(r)->elems.p)
#define TM_A(r) ((tm_assign *)(r)->assigns.p)
#define TM_ENT(r) ((tm_entry *)(r)->entries.p)
#define TM_W(r) ((tm_word *)(r)->wordv.p)
#define TM_ALT(r) ((uint32_t *)(r)->alts.p)
#define TM_STR(r, i) (((char **)(r)->strs.p)[i])

/* tense values */
enum { TENSE_NONE = 0, TENSE_PAST = 1, TENSE_FUT = 2 };

/* a match found by the matcher */
typedef struct tm_match {
    uint32_t tok0, tok1;    /* tokens [tok0, tok1) */
    uint32_t rule;
    tm_slots slots;
} tm_match;

void *tm_vec_push(tm_vec *v);
void tm_vec_free(tm_vec *v);

/* matcher: fills out (tm_match in doc arena) with leftmost-longest,
 * non-overlapping matches over the whole document; *wid: the word id of
 * each token (-1 none), in the doc arena. */
int tm_find(const struct lb_time_rules *r, lb_doc *doc, lb_vec *out, int32_t **wid);
/* parses a builtin number shape; 1 and slots when tok matches */
int tm_builtin_match(int bi, const char *s, size_t n, uint32_t flags, tm_slots *sl);
/* tense at token tok of sentence si (tense.c): of a TENSE preposition that
 * governs it, else of its clause's verb complex, else of a TENSE adverb
 * before it in the clause, else (no clause, or no verb in it) of the
 * nearest TENSE word or suffix; wid from tm_find, cache: each token's own
 * tense, -1 not yet known */
int tm_tense_at(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, int8_t *cache, uint32_t si, uint32_t tok);

/* ---- calendar */
typedef struct tm_date { int y, m, d; char gran; } tm_date;  /* gran 0,'Y','M','D' */
long tm_days(int y, int m, int d);
void tm_civil(long days, int *y, int *m, int *d);
int tm_weekday(int y, int m, int d);                 /* 1 = Monday .. 7 = Sunday */
void tm_isoweek(int y, int m, int d, int *wy, int *wk);
int tm_mdays(int y, int m);
int tm_parse_date(const char *s, tm_date *out);      /* ISO 8601 prefix; 0 ok */
void tm_add_months(tm_date *d, int n);

/* resolver: value of one match; writes into buf (size n); 0 ok, -1 skip.
 * *newref set when the match sets the reference date. */
typedef struct tm_state {
    tm_date dct, ref;
    int narrative;
    uint32_t ref_sent;      /* sentence of the last explicit year */
    int ref_explicit;
    int sent_year;          /* a full year named later in the same sentence, else 0 */
} tm_state;
/* m's value into buf (n bytes); wid: tm_find's word ids. 0, or -1 when it has none */
int tm_resolve(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, tm_state *st, const tm_match *m,
               int tense, char *buf, size_t n);
/* the rules' language of doc (tm_rule.lang, tm_entry.lang): 1 de, 2 en, TM_LANG_ANY others */
static inline uint8_t tm_doc_lang(const lb_doc *doc) { return doc->lang[0] == 'd' ? 1 : doc->lang[0] == 'e' ? 2 : TM_LANG_ANY; }
#endif
