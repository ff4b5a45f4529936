/* internal.h: what the files of the clause layer share (not for other stages):
 * the loaded grammar tables (word classes per language), the per-sentence
 * working state, and the steps the driver calls in order:
 * chunk (noun and prepositional groups) -> clauses (boundaries) -> verbs
 * (verb complex) -> roles (subject, objects, agent). */
#ifndef LB_SYNTAX_INTERNAL_H
#define LB_SYNTAX_INTERNAL_H
#include "doc.h"
#include "morph/morph.h"
#include "core/wordset.h"
#include "text/sigindex.h"

/* word classes: the value bits of a grammar-table word */
enum {
    SX_SUB      = 1u << 0,   /* subordinator */
    SX_SUB_ANY  = 1u << 1,   /* ... opens a clause whatever its tag */
    SX_REL      = 1u << 2,   /* relative pronoun */
    SX_QWORD    = 1u << 3,   /* interrogative (indirect question) */
    SX_AUX      = 1u << 4,   /* tense auxiliary */
    SX_PASS     = 1u << 5,   /* passive auxiliary */
    SX_COPULA   = 1u << 6,
    SX_MODAL    = 1u << 7,
    SX_NEG      = 1u << 8,
    SX_PARTICLE = 1u << 9,   /* separable verb particle */
    SX_AGENT    = 1u << 10,  /* preposition of a passive agent */
    SX_COORD    = 1u << 11,
    SX_ZU       = 1u << 12,  /* infinitive marker zu / to */
    SX_PREP     = 1u << 13,  /* preposition with governed cases (SX_CASES) */
    SX_OPENS_Q  = 1u << 14,  /* subordinator opens an indirect question */
    SX_OPENS_ZU = 1u << 15,  /* subordinator opens a zu-infinitive (um ... zu) */
    SX_CASE_SHIFT = 16,      /* 4 bits: governed cases, bit (case-1) */
    SX_ATTACH   = 1u << 20,  /* preposition whose group attaches to the noun before (of) */
    SX_POSS     = 1u << 21,  /* possessive marker inside a noun group ('s) */
    SX_POSTP    = 1u << 23,  /* postposition: "meiner Meinung nach", "two years ago" */
    SX_EXPL     = 1u << 22,
    SX_TITLE    = 1u << 24,  /* title before a name (President Bush: the name heads) */  /* expletive pronoun (es, there): subject only when nothing else is */
    SX_GLOSS_SHIFT = 25      /* 7 bits: index of an English gloss, 0 none */
};
#define SX_CASES(v) (((v) >> SX_CASE_SHIFT) & 15u)
#define SX_MAX_GLOSS 127

typedef struct sx_lang {
    lb_wordset words;           /* folded lemma -> class bits */
    lb_sigindex index;          /* its fast front */
    int name_head_last;         /* a run of names is headed by its last word */
    int noun_noun_join;         /* adjacent common nouns form one group */
    int verb_final;             /* the finite verb closes the verb complex (de: "scheitern könnten"): of two
                                 * finite-looking verbs in a row the second is the finite one (clauses.c) */
    int verb_bracket;           /* a verb spelt as its infinitive after a finite auxiliary or
                                 * modal closes its bracket (clauses.c closes_bracket) */
    char zu_infix[8];           /* the infinitive marker inside a separable verb (de: an-zu-greifen), "" none */
    uint8_t zu_infix_len;
    int loaded;
} sx_lang;

struct lb_syntax_rules {
    sx_lang lang[2];            /* 0 German, 1 English */
    char *gloss[SX_MAX_GLOSS + 1];
    int ngloss;
};

/* sx_feats_of_mask of recent masks (a pure function, so kept across
 * documents in the word-class cache): direct-mapped by a hash of the mask;
 * a key is the mask with bit 31 set (0 is no entry) */
#define SX_FEATS_MEMO 512
typedef struct sx_feats_memo { uint32_t key[SX_FEATS_MEMO], feats[SX_FEATS_MEMO]; } sx_feats_memo;

/* the working state of one sentence */
typedef struct sx {
    lb_doc *doc;
    const struct lb_syntax_rules *R;
    const sx_lang *L;
    int en;                     /* English rules */
    lb_morph *M;
    uint32_t *cls;              /* class bits per token (doc-wide array) */
    uint8_t *tf;                /* SX_TF_* bits per token (doc-wide array) */
    sx_feats_memo *memo;        /* feats of agreement masks */
    uint32_t s0, s1;            /* tokens of the sentence [s0, s1) */
    uint32_t sent;
    uint32_t ph0, cl0;          /* first phrase / clause of the sentence */
    const uint32_t *quotes;     /* the quotation marks that are boundaries by their sign (classify), */
    uint32_t nquotes;           /* ... their count (ascending token indexes: sx_quote_marks) */
} sx;

/* the agreement mask: one bit per (case, number, gender), 24 bits (agree.h) */
#include "syntax/agree.h"

/* sx_feats_of_mask(mask) through the memo */
static inline uint32_t sx_feats_of_mask_memo(sx_feats_memo *m, uint32_t mask)
{
    uint32_t h = (mask * 0x9E3779B1u) >> 23, key = mask | 1u << 31;     /* 0..511 */
    if (m->key[h] != key) { m->key[h] = key; m->feats[h] = sx_feats_of_mask(mask); }
    return m->feats[h];
}

/* the words of the table for a token (its folded lemma), 0 when none */
uint32_t sx_word_class(const sx *s, uint32_t tok);

/* the parts of speech whose words are looked up only where needed (titles,
 * particles): they carry no class in s->cls (syntax.c classify) */
enum { SX_CONTENT_UPOS = 1u << LB_UPOS_NOUN | 1u << LB_UPOS_PROPN | 1u << LB_UPOS_NUM | 1u << LB_UPOS_PUNCT |
                         1u << LB_UPOS_SYM | 1u << LB_UPOS_ADJ | 1u << LB_UPOS_INTJ };

/* sx_word_class(s, tok) for any token until sx_verbs joins a separable
 * particle into a lemma (chunk's use): classify's for the words it looked
 * up (s->cls), a lookup for the others (content words) */
static inline uint32_t sx_class_of(const sx *s, uint32_t tok)
{
    return (SX_CONTENT_UPOS >> s->M[tok].upos & 1) ? sx_word_class(s, tok) : s->cls[tok];
}
const char *sx_gloss(const struct lb_syntax_rules *R, uint32_t cls);

static inline int sx_is_verb(const lb_morph *m) { return m->upos == LB_UPOS_VERB || m->upos == LB_UPOS_AUX; }
static inline int sx_is_fin(const lb_morph *m) { return lb_morph_is_finite(m); }
_Static_assert(LB_UPOS_COUNT <= 32, "parts of speech as bits of a 32-bit mask (SX_CONTENT_UPOS and the chunker's)");
/* what the driver computes once per token into sx.tf */
enum {
    SX_TF_BOUNDARY = 1u << 0,   /* comma, semicolon, colon, dash, bracket, and a quotation mark next to
                                 * one of those or to an end mark: a clause may end here (syntax.c
                                 * sx_quote_marks) */
    SX_TF_QUIET    = 1u << 1,   /* no boundary, contraction, zu-infinitive, verb or coordinator, and no
                                 * SX_TF_OPENS: it only joins the open clause (clauses.c; a German word
                                 * after a break may still open a zu-infinitive) */
    SX_TF_OPENS    = 1u << 2,   /* may open a clause by its word (clauses.c opener(); a German
                                 * zu-infinitive after a break is decided there, not here) */
    SX_TF_COORD    = 1u << 3,   /* a coordinator: CCONJ or word class SX_COORD */
    SX_TF_FIN      = 1u << 4,   /* a finite verb (sx_is_fin) */
    SX_TF_VERB     = 1u << 5,   /* a verb or auxiliary (sx_is_verb) */
    SX_TF_NEG      = 1u << 6,   /* a negation: word class SX_NEG or Polarity=Neg */
    SX_TF_REL      = 1u << 7    /* may be a relative pronoun by its word (clauses.c
                                 * is_rel_pronoun without the context) */
};
_Static_assert(SX_TF_QUIET == SX_TF_BOUNDARY << 1, "clauses.c is_quiet and its carried break shift the boundary bit onto the quiet one");
static inline int sx_is_boundary(const sx *s, uint32_t tok) { return s->tf[tok] & SX_TF_BOUNDARY; }
/* a quotation mark (the tokenizer's flag) */
static inline int sx_is_quote(const lb_doc *doc, uint32_t tok) { return (LB_TOKS(doc)[tok].flags & LB_TOK_QUOTE) != 0; }
static inline int sx_is_coord(const sx *s, uint32_t tok) { return s->tf[tok] & SX_TF_COORD; }

void sx_quote_marks(sx *s); /* quotation marks inside a clause are no boundary */
/* token i is spelt as its lemma (both folded: schließen = schliessen), as an
 * infinitive or an uninflected particle is */
static inline int sx_spelt_as_lemma(const sx *s, uint32_t i) { return lb_morph_spelt_as_lemma(s->doc, i); }
/* token k is the infinitive marker zu/to (a particle of the zu class) */
static inline int sx_zu_marker(const sx *s, uint32_t k) { return (s->cls[k] & SX_ZU) && s->M[k].upos == LB_UPOS_PART; }
int sx_chunk(sx *s);        /* noun groups, prepositional groups */
int sx_clauses(sx *s);      /* clause boundaries, lb_morph.clause */
int sx_verbs(sx *s);        /* clause extents, verb complex per clause */
void sx_roles(sx *s);       /* subject, objects, agent per clause */
#endif
