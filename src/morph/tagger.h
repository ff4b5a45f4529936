/* tagger.h: the greedy left-to-right perceptron tagger over a sentence,
 * shared by the morphology stage and the training tool: which classes a word
 * may take (candidates), the scores of its static features, and decoding. */
#ifndef LB_MORPH_TAGGER_H
#define LB_MORPH_TAGGER_H
#include "morph/features.h"
#include "morph/tagmodel.h"

/* One word to tag: its candidate classes (ascending), per candidate the
 * summed weights of its static features, and the model's weights of its
 * features in each role (lb_tag_roles; NULL: found per use). */
typedef struct lb_tag_word {
    const uint16_t *cand;
    const int32_t *sscore;
    int ncand;
    const lb_tm_ref *role;
    /* 1 when sscore holds the weights of the word's own window feature
     * inside the sentence (lb_tag_fold_self; role is then set): the
     * decoder puts those at the sentence start in their place */
    int folded;
    /* 1 when the model's tag dictionary lacks the word (LB_TF_NO_IDENTITY):
     * the decoder looks up none of its features with its identity */
    int unseen;
    /* NULL, or the summed weights of its role features as the previous
     * word (LB_TF_R_P1_*) and as the next word (LB_TF_R_N1_*): lb_tag_sum_roles */
    const int16_t *prow, *nrow;
    /* NULL, or lb_tag_memo_len(m) refs, LB_TAG_MEMO_UNSET until the decoder
     * resolves them: the word's features of lb_tf_right_id per verb-form
     * set (8; LB_TF_SET_DE), and (LB_TF_SET_EN) of lb_tf_prev_word_id per
     * previous class and (as the next word) of lb_tf_prev_next_id per
     * previous class (nclass + 1 each, the last for none) */
    lb_tm_ref *memo;
} lb_tag_word;

#define LB_TAG_MEMO_UNSET 0xFFFFFFFFu     /* never a ref (lb_tm_ref offsets stay below 2^30) */
/* The number of refs of a word's memo (lb_tag_word.memo). */
static inline size_t lb_tag_memo_len(const lb_tagmodel *m)
{
    return 8 + ((m->fset & LB_TF_SET_EN) ? 2 * ((size_t)m->nclass + 1) : 0);
}

/* Resolves the weights of w's role features (LB_TF_ROLES of them) into
 * role; unseen: the model's tag dictionary lacks w, and its identity roles
 * (lb_tf_role_is_identity) get none without a lookup (LB_TF_NO_IDENTITY). */
void lb_tag_roles(const lb_tagmodel *m, const lb_tf_word *w, int unseen, lb_tm_ref *role);

/* Candidates of a word: the tag dictionary's classes (plus the unknown-word
 * classes for a rare word), else the unknown-word classes; extra classes (from
 * a lexicon; ascending) are merged in, and when extra_known (the lexicon knew
 * the word) no unknown-word classes are added. out holds LB_TAG_MAX_CLASSES. */
int lb_tag_candidates(const lb_tagmodel *m, const char *folded, size_t fn, const uint16_t *extra, int nextra,
                      int extra_known, uint16_t *out);
/* The same for a word whose tag dictionary entry the caller looked up
 * (lb_tagmodel_dict: found, its classes dc[0..nd) and flags); when set is
 * not NULL, set (4 words) gets the candidates as a class set
 * (lb_class_set_add), or none (all 0) when they were not made as one. */
int lb_tag_candidates_of(const lb_tagmodel *m, int found, const uint8_t *dc, int nd, int flags, const uint16_t *extra,
                         int nextra, int extra_known, uint16_t *out, uint64_t *set);
/* The index of word t's first candidate class of part of speech upos whose
 * features under mask are value (LB_FEAT: mask LB_FEAT(MOOD, LB_MOOD_MASK),
 * value LB_FEAT(MOOD, LB_MOOD_SUB)), or -1. */
int lb_tag_candidate_with(const lb_tagmodel *m, const lb_tag_word *t, int upos, uint32_t mask, uint32_t value);
/* The index of word t's candidate of part of speech upos that is the
 * non-finite form of a verb's right side (the verbal bracket, the cluster
 * of a verb-final clause): its participle if it has one, else its
 * infinitive, else -1. */
int lb_tag_nonfinite_candidate(const lb_tagmodel *m, const lb_tag_word *t, int upos);
/* LB_TF_V_* verb forms among candidate classes (for lb_tf_word.vflags). */
uint32_t lb_tag_vflags(const lb_tagmodel *m, const uint16_t *cand, int ncand);
/* The clause state after word w took class cls (LB_TF_ST_*; 0 after punctuation). */
unsigned lb_tag_state(const lb_tagmodel *m, unsigned state, unsigned cls, const lb_tf_word *w);
/* A word without letters or digits that the tag dictionary lacks: the
 * punctuation and symbol classes. */
int lb_tag_punct_candidates(const lb_tagmodel *m, uint16_t *out);
/* Static scores of the candidates of a word (see lb_tf_static; unseen: the
 * model's tag dictionary lacks it, LB_TF_NO_IDENTITY). */
void lb_tag_static(const lb_tagmodel *m, const char *folded, size_t fn, const lb_tf_word *w, int unseen,
                   const uint16_t *cand, int ncand, int32_t *sscore);
/* Adds the weights of the window feature of w itself (its shape inside the
 * sentence) to the static scores sscore. role: lb_tag_roles of w. */
void lb_tag_fold_self(const lb_tagmodel *m, const lb_tm_ref *role, const uint16_t *cand, int ncand, int32_t *sscore);
/* The summed weights of the roles of a word as the previous word (as_next
 * 0) or as the next word (1): the model's row of the only one with a dense
 * row, else buf (nclass) with the sum, NULL when they cannot be summed or
 * have no weights. */
const int16_t *lb_tag_sum_roles(const lb_tagmodel *m, const lb_tm_ref *role, int as_next, int16_t *buf);
/* Tags n words: out[i] = the chosen class of word i, and when kout is not
 * NULL kout[i] = its index among the word's candidates (w: lb_tf_sentence done). */
void lb_tag_decode(const lb_tagmodel *m, const lb_tf_word *w, const lb_tag_word *t, int n, uint16_t *out, uint8_t *kout);

/* The refs of the window feature of three words' shapes (lb_tf_shapes_id)
 * by the shapes, and (LB_TF_SET_EN) of the neighbours' ambiguity classes
 * (the first of lb_tf_window_pairs) by the two classes, direct-mapped (a
 * fixed 8 KB + 192 KB: 4096 slots missed a third of the lookups on news
 * text), and the decoder's per-class scratch; kept by the caller for one
 * model (the morphology stage: per document handle). lb_tag_shapes_init
 * empties it. */
enum { LB_TAG_SHAPE_SLOTS = 1024, LB_TAG_AMB_SLOTS = 16384 };
typedef struct lb_tag_shapes {
    struct lb_tag_shape_slot { uint32_t key; lb_tm_ref ref; } slot[LB_TAG_SHAPE_SLOTS];
    /* ref LB_TAG_MEMO_UNSET: empty */
    struct lb_tag_amb_slot { uint32_t p1, n1; lb_tm_ref ref; } amb[LB_TAG_AMB_SLOTS];
    uint32_t full[256];         /* the decoder's per-class scratch (lb_tm_start), zeroed once */
} lb_tag_shapes;
void lb_tag_shapes_init(lb_tag_shapes *s);
/* lb_tag_decode with a shapes memo (NULL: none). */
void lb_tag_decode_with(const lb_tagmodel *m, lb_tag_shapes *shapes, const lb_tf_word *w, const lb_tag_word *t, int n,
                        uint16_t *out, uint8_t *kout);
#endif
