/* dint.h: internals of the discourse stage: the cue word classes, the
 * per-document working state, and what each file exports. */
#ifndef LB_DINT_H
#define LB_DINT_H
#include "doc.h"
#include "core/wordset.h"

/* word classes of data/discourse/<lang>.cues (bits of a wordset value) */
enum {
    DC_M = 1u << 0, DC_F = 1u << 1, DC_N = 1u << 2, DC_PL = 1u << 3,   /* pronoun agreement */
    DC_PER = 1u << 4, DC_ORG = 1u << 5, DC_LOC = 1u << 6,              /* description heads */
    DC_TITLE_M = 1u << 7, DC_TITLE_F = 1u << 8,                         /* Herr, Frau, Mr, Mrs */
    DC_OF = 1u << 9,                      /* von, of: a description with it names someone new */
    DC_ART_M = 1u << 10, DC_ART_F = 1u << 11, DC_ART_N = 1u << 12,    /* der, die, das in the nominative */
    DC_ALLY = 1u << 13,                   /* heads of descriptions of an alliance (das Bündnis) */
    DC_ALLY_CODE = 1u << 14,              /* actor codes of alliances (folded: nato) */
    DC_PER_ANY = 1u << 15,                /* person heads that name no role (der Mann, der 63-Jährige) */
    DC_PER_SEX = 1u << 16,                /* person heads that name only the sex (der Mann, die Frau) */
    DC_ORG_ANY = 1u << 17,                /* organisation heads that name no kind (die Gruppe, die Miliz) */
    DC_GOV = 1u << 18                     /* heads naming a state's government (die Regierung, das Regime) */
};
#define DC_HEAD (DC_PER | DC_ORG | DC_LOC | DC_ALLY | DC_ORG_ANY | DC_GOV)
#define DC_AGREE (DC_M | DC_F | DC_N | DC_PL)
enum { DL_DE, DL_EN, DL_N };
/* the shortest compound head looked up (chef, land), and the bytes of a
 * head's end kept in head_ends (at most D_MIN_HEAD) */
#define D_MIN_HEAD 4
#define D_HEAD_END 3

struct lb_discourse_rules {
    lb_wordset words[DL_N];
    lb_wordset head_ends[DL_N];  /* the last D_HEAD_END bytes of the description heads -> the
                                  * d_head_len_bit of their lengths: a word ending otherwise has
                                  * no listed compound head, nor one of another length (saves
                                  * its lookups) */
    uint32_t maxhead;        /* longest description head (folded bytes): bounds the compound search */
};

/* a head length as a bit (lengths of 31 bytes and more share bit 31) */
static inline uint32_t d_head_len_bit(size_t n) { return 1u << (n < 31 ? n : 31); }

/* how many recently mentioned entities a pronoun or description looks at,
 * and how many sentences back */
#define D_RECENT 16
#define D_PRON_SENTS 3
#define D_DESC_SENTS 6

/* per-entity working state */
typedef struct dent {
    uint32_t agree;          /* DC_M|DC_F|DC_N|DC_PL: the pronouns it agrees with */
    uint32_t last_tok, last_sent;
    uint8_t last_subj;       /* its latest mention was a clause subject */
    int8_t gender_known;     /* agreement fixed by a title, name, description or pronoun */
    uint32_t role_tok;       /* 1 + the token of its role noun (Außenminister Lawrow; Lawrow,
                              * der Außenminister), 0 when none is known */
} dent;

typedef struct dstate {
    lb_doc *doc;
    const struct lb_discourse_rules *rules;
    int lang;                /* DL_DE, DL_EN, or -1: both */
    const lb_tok *t;
    uint32_t n;
    dent *ent;               /* one per entity (cap: number of actor mentions) */
    uint32_t ncap;
    int32_t recent[D_RECENT];  /* entity ids, most recent first */
    uint32_t nrecent;
    uint64_t *hkey;          /* name table: open addressing, hash -> entity */
    int32_t *hval;
    uint32_t hcap;
    const lb_morph *mo;      /* the morphology layer (doc->morph), nmo entries */
    size_t nmo;
} dstate;

/* cue classes of the folded word w[0..n) */
uint32_t d_word_cls(const dstate *s, const char *w, size_t n);
/* cue classes of token i (0 for non-words) */
uint32_t d_cls(const dstate *s, uint32_t i);
/* cue classes of a description head: the word, its compound head, its last hyphen part */
uint32_t d_head_cls(const dstate *s, uint32_t i);
/* cue classes of the word i or of its lemma (des Landes: land), no compound tail */
uint32_t d_plain_head_cls(const dstate *s, uint32_t i);
/* the folded lemma of noun i, else its folded word, in buf; its length */
size_t d_head_form(const dstate *s, uint32_t i, char *buf, size_t cap);
/* morphology of token i (NULL without the layer); inline: on every token */
static inline const lb_morph *d_morph(const dstate *s, uint32_t i)
{
    return i < s->nmo ? &s->mo[i] : NULL;
}

/* entities from names (dent.c): the entity of the actor mention m, new or
 * an earlier one with the same name; -1 when out of memory */
int32_t d_name_entity(dstate *s, const lb_mention *m);
/* a new entity for the definite description [a, h] (head h of classes cls)
 * that no earlier entity matched and that holds the derived actor mention m
 * (der russische Außenminister, die britische Botschafterin): a person with
 * m's actor, the head's gender and the head as its role, when h is a singular
 * role noun (per, not per.any) and the description (German) a nominative; -1
 * when not or the entity table is full, -2 when out of memory */
int32_t d_desc_entity(dstate *s, uint32_t a, uint32_t h, uint32_t cls, const lb_mention *m);
/* the person entity an earlier name gave the one-word name at token i
 * (Zschäpe after Beate Zschäpe), or -1 */
int32_t d_person_by_name(const dstate *s, uint32_t i);
/* a new ref of entity e over tokens [a, b) (tok_ref filled); 0 or -1 */
int d_add_ref(dstate *s, uint32_t a, uint32_t b, int32_t e, uint8_t kind);
/* entity e was mentioned at token tok (recency list, salience) */
void d_touch(dstate *s, int32_t e, uint32_t tok);

/* resolution (dres.c) */
/* a pronoun at i: the entity it refers to, or -1 */
int32_t d_resolve_pronoun(dstate *s, uint32_t i, uint32_t agree);
/* a description with head h and article/first token a: the entity, or -1.
 * code: the actor code of a derived mention inside it (die polnische
 * Regierung: POL) that the entity must share, or NULL */
int32_t d_resolve_desc(dstate *s, uint32_t a, uint32_t h, uint32_t cls, const char *code);
/* the pronoun classes of i narrowed by its morphology (number, gender) */
uint32_t d_pron_agree(const dstate *s, uint32_t i);
#endif
