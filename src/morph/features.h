/* features.h: the feature extraction of the part-of-speech tagger, shared by
 * the runtime (tagger.c) and the training tool (tools/train), so that both
 * see exactly the same features. A feature is a 32-bit id (a hash of its
 * template and value). Static features depend only on the word itself and
 * are cached per word form; contextual ones depend on the neighbours and on
 * the classes chosen for the previous words. */
#ifndef LB_MORPH_FEATURES_H
#define LB_MORPH_FEATURES_H
#include <stddef.h>
#include <stdint.h>

#define LB_TF_MAX_STATIC 13
#define LB_TF_MAX_CONTEXT 20
#define LB_TF_NONE_CLASS 0xFFFFu   /* "no class": before the sentence start */

/* What the contextual features need of each word of a sentence. */
typedef struct lb_tf_word {
    uint32_t lower;     /* hash of the folded form */
    uint32_t suffix3;   /* hash of its last three bytes */
    uint32_t shape;     /* LB_TF_SHAPE_* bits */
    uint32_t amb;       /* ambiguity class: hash of the sorted candidate classes */
    uint32_t form;      /* hash of the form as written */
    uint32_t vflags;    /* LB_TF_V_*: verb forms among the candidates (lb_tag_vflags) */
    uint32_t right;     /* LB_TF_V_* of the words after it up to the next punctuation (lb_tf_sentence) */
} lb_tf_word;

/* Verb forms a word may be (its candidate classes). */
enum { LB_TF_V_PART = 1, LB_TF_V_INF = 2, LB_TF_V_FIN = 4 };

/* Feature sets: templates only one language uses (the feature space is one
 * hash space, so a template that helps one language can hurt the other). */
enum { LB_TF_SET_DE = 1, LB_TF_SET_EN = 2 };
/* The set of a model's language tag (two ASCII letters, little-endian). */
uint32_t lb_tf_set_of(uint32_t lang_tag);
/* Fills the per-sentence fields (right) of words[0..n). */
void lb_tf_sentence(lb_tf_word *words, int n);

enum { LB_TF_SHAPE_UPPER = 1, LB_TF_SHAPE_ALLCAPS = 2, LB_TF_SHAPE_DIGIT = 4, LB_TF_SHAPE_HYPHEN = 8,
       LB_TF_SHAPE_PUNCT = 16, LB_TF_SHAPE_PERIOD = 32, LB_TF_SHAPE_ALPHA = 64 };

uint32_t lb_tf_hash(const char *s, size_t n);
/* Shape bits of a form as written. */
uint32_t lb_tf_shape(const char *form, size_t n);
/* Fills w from the form as written and its folded form. */
void lb_tf_word_init(lb_tf_word *w, const char *form, size_t n, const char *folded, size_t fn, uint32_t shape, uint32_t amb);
/* Ambiguity class of a candidate set (classes in ascending order). */
uint32_t lb_tf_amb(const uint16_t *cls, int n);

/* Static features of a word: out gets at most LB_TF_MAX_STATIC ids. set
 * may hold LB_TF_NO_IDENTITY. */
int lb_tf_static(uint32_t *out, const char *folded, size_t fn, const lb_tf_word *w, uint32_t set);
/* A flag of lb_tf_static's set: leave out the features of the word's
 * identity (its folded form and its form, lb_tf_word.lower and .form). A
 * model has no weight for them when its tag dictionary lacks the word: the
 * trainer puts every training word there (tools/train), and made no
 * feature of any other word's identity. */
enum { LB_TF_NO_IDENTITY = 1u << 8 };
/* Contextual features of word i of n (words[0..n)), given the classes of
 * the two previous words (LB_TF_NONE_CLASS at the start): the window's
 * (neighbour words only, known before decoding) and the history's. */
int lb_tf_context(uint32_t *out, const lb_tf_word *words, int i, int n, unsigned prev1, unsigned prev2, unsigned state, uint32_t set);
#define LB_TF_MAX_WINDOW 14
int lb_tf_window(uint32_t *out, const lb_tf_word *words, int i, int n, uint32_t set);
int lb_tf_history(uint32_t *out, const lb_tf_word *words, int i, int n, unsigned prev1, unsigned prev2, unsigned state,
                  uint32_t set);
/* The same features split for the runtime decoder, which resolves the ones
 * that depend on one word once per word form (tests check that the split
 * gives exactly lb_tf_window's and lb_tf_history's ids):
 * lb_tf_roles: the window features of word w in each neighbour role
 * (LB_TF_R_*; w NULL: beyond the sentence edge) and of its own shape at the
 * sentence start or inside (LB_TF_R_SELF_*); lb_tf_window_pairs: the other
 * window features of word i; lb_tf_prev_id, lb_tf_prev2_id, lb_tf_state_id,
 * lb_tf_state_prev_id: the history features of the previous class(es) and
 * the clause state (the latter two only in LB_TF_SET_DE); lb_tf_history_pairs:
 * the other history features. */
enum { LB_TF_R_P1_LOWER, LB_TF_R_P1_SUF3, LB_TF_R_P1_AMB, LB_TF_R_P2_LOWER, LB_TF_R_N1_LOWER, LB_TF_R_N1_SUF3,
       LB_TF_R_N1_AMB, LB_TF_R_N2_LOWER, LB_TF_R_SELF_FIRST, LB_TF_R_SELF_INNER, LB_TF_ROLES };
void lb_tf_roles(uint32_t *out, const lb_tf_word *w);
/* 1 for a role whose feature is the word's identity (its folded form). */
static inline int lb_tf_role_is_identity(int role)
{
    return role == LB_TF_R_P1_LOWER || role == LB_TF_R_P2_LOWER || role == LB_TF_R_N1_LOWER || role == LB_TF_R_N2_LOWER;
}
static inline int lb_tf_window_pairs(uint32_t *out, const lb_tf_word *words, int i, int n, uint32_t set);
uint32_t lb_tf_prev_id(unsigned prev1);
uint32_t lb_tf_prev2_id(unsigned prev1, unsigned prev2);
uint32_t lb_tf_state_id(unsigned state);
uint32_t lb_tf_state_prev_id(unsigned state, unsigned prev1);
static inline int lb_tf_history_pairs(uint32_t *out, const lb_tf_word *words, int i, int n, unsigned prev1,
                                      uint32_t set);
/* The word beyond the sentence edge. */
extern const lb_tf_word lb_tf_none;

/* One multiply-xorshift round: the values are hashes already, the template
 * number only has to move them apart (the model's table multiplies again).
 * Every id is lb_tf_mix(template number, value hash), so templates never
 * collide by value. */
static inline uint32_t lb_tf_mix(uint32_t tmpl, uint32_t v)
{
    uint32_t h = (v ^ (tmpl * 0x85EBCA77u)) * 0x9E3779B1u;
    h ^= h >> 16;
    return h ? h : 1;   /* 0 marks an empty slot in the model's table */
}
static inline uint32_t lb_tf_pair(uint32_t a, uint32_t b) { return lb_tf_mix(a, b) ^ (b << 7); }

/* The ids of the pair features of one word that the decoder may keep per
 * word form: its folded form x the verb forms right of it (LB_TF_SET_DE),
 * and (LB_TF_SET_EN) the previous class x its folded form and the previous
 * class x the next word's ambiguity class. */
static inline uint32_t lb_tf_right_id(uint32_t lower, uint32_t right) { return lb_tf_mix(35, lb_tf_pair(lower, right)); }
static inline uint32_t lb_tf_prev_word_id(unsigned prev1, uint32_t lower) { return lb_tf_mix(22, lb_tf_pair(prev1, lower)); }
static inline uint32_t lb_tf_prev_next_id(unsigned prev1, uint32_t amb) { return lb_tf_mix(32, lb_tf_pair(prev1, amb)); }

/* The id of the window feature of the shapes of the previous word, the word and the next word. */
static inline uint32_t lb_tf_shapes_id(uint32_t p1, uint32_t w, uint32_t n1) { return lb_tf_mix(34, lb_tf_pair(lb_tf_pair(p1, w), n1)); }

/* lb_tf_window_pairs without the features skip names. */
enum { LB_TF_SKIP_RIGHT = 1, LB_TF_SKIP_SHAPES = 2, LB_TF_SKIP_AMBS = 4 };
/* The id of the window feature of the ambiguity classes of the previous and the next word (LB_TF_SET_EN). */
static inline uint32_t lb_tf_ambs_id(uint32_t p1, uint32_t n1) { return lb_tf_mix(30, lb_tf_pair(p1, n1)); }
static inline int lb_tf_window_pairs_of(uint32_t *out, const lb_tf_word *words, int i, int n, uint32_t set, unsigned skip)
{
    const lb_tf_word *w = &words[i];
    const lb_tf_word *p1 = i > 0 ? &words[i - 1] : &lb_tf_none, *n1 = i + 1 < n ? &words[i + 1] : &lb_tf_none;
    int k = 0;
    if ((set & LB_TF_SET_EN) && !(skip & LB_TF_SKIP_AMBS)) out[k++] = lb_tf_ambs_id(p1->amb, n1->amb);
    if (!(skip & LB_TF_SKIP_SHAPES)) out[k++] = lb_tf_shapes_id(p1->shape, w->shape, n1->shape);
    if ((set & LB_TF_SET_DE) && !(skip & LB_TF_SKIP_RIGHT)) out[k++] = lb_tf_right_id(w->lower, w->right);
    if (set & LB_TF_SET_EN) {
        out[k++] = lb_tf_mix(36, lb_tf_pair(p1->lower, w->shape & (LB_TF_SHAPE_UPPER | LB_TF_SHAPE_ALLCAPS)));
        out[k++] = lb_tf_mix(38, lb_tf_pair(w->lower, p1->lower));
        out[k++] = lb_tf_mix(39, lb_tf_pair(w->lower, n1->lower));
    }
    return k;
}

static inline int lb_tf_window_pairs(uint32_t *out, const lb_tf_word *words, int i, int n, uint32_t set)
{
    return lb_tf_window_pairs_of(out, words, i, n, set, 0);
}

static inline int lb_tf_history_pairs(uint32_t *out, const lb_tf_word *words, int i, int n, unsigned prev1,
                                      uint32_t set)
{
    const lb_tf_word *n1 = i + 1 < n ? &words[i + 1] : &lb_tf_none;
    if (!(set & LB_TF_SET_EN)) return 0;
    out[0] = lb_tf_prev_word_id(prev1, words[i].lower);
    out[1] = lb_tf_prev_next_id(prev1, n1->amb);
    return 2;
}

/* Clause state of the decoder (lb_tag_state): what the classes chosen so
 * far in the clause (since the last punctuation) were. */
enum { LB_TF_ST_NOM = 1, LB_TF_ST_ACC = 2, LB_TF_ST_FIN = 4 };
#endif
