/* features.c: feature templates of the tagger (see features.h). Every id is
 * mix(template number, value hash), so templates never collide by value. */
#include "morph/features.h"

uint32_t lb_tf_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 16777619u; }
    return h;
}

static uint32_t mix(uint32_t tmpl, uint32_t v) { return lb_tf_mix(tmpl, v); }
static uint32_t pair(uint32_t a, uint32_t b) { return lb_tf_pair(a, b); }

uint32_t lb_tf_shape(const char *f, size_t n)
{
    uint32_t s = 0;
    size_t letters = 0, uppers = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)f[i];
        if (c >= 'a' && c <= 'z') letters++;    /* the most frequent bytes first */
        else if (c >= 'A' && c <= 'Z') { letters++; uppers++; if (!i) s |= LB_TF_SHAPE_UPPER; }
        else if (c >= 0x80) {
            letters++;
            /* Latin-1 and Latin Extended capitals: C3 80..9E (not D7) */
            if (c == 0xC3 && i + 1 < n && (unsigned char)f[i + 1] <= 0x9E && (unsigned char)f[i + 1] != 0x97) {
                uppers++; if (!i) s |= LB_TF_SHAPE_UPPER;
            }
            while (i + 1 < n && ((unsigned char)f[i + 1] & 0xC0) == 0x80) i++;
        } else if (c >= '0' && c <= '9') s |= LB_TF_SHAPE_DIGIT;
        else if (c == '-') s |= LB_TF_SHAPE_HYPHEN;
        else if (c == '.') s |= LB_TF_SHAPE_PERIOD;
    }
    if (letters) s |= LB_TF_SHAPE_ALPHA;
    if (letters > 1 && uppers == letters) s |= LB_TF_SHAPE_ALLCAPS;
    if (!letters && !(s & LB_TF_SHAPE_DIGIT)) s |= LB_TF_SHAPE_PUNCT;
    return s;
}

void lb_tf_word_init(lb_tf_word *w, const char *form, size_t n, const char *folded, size_t fn, uint32_t shape, uint32_t amb)
{
    w->form = lb_tf_hash(form, n);
    w->lower = lb_tf_hash(folded, fn);
    w->suffix3 = lb_tf_hash(folded + (fn > 3 ? fn - 3 : 0), fn > 3 ? 3 : fn);
    w->shape = shape;
    w->amb = amb;
    w->vflags = 0;
    w->right = 0;
}

uint32_t lb_tf_set_of(uint32_t lang_tag)
{
    if (lang_tag == ((uint32_t)'d' | (uint32_t)'e' << 8)) return LB_TF_SET_DE;
    if (lang_tag == ((uint32_t)'e' | (uint32_t)'n' << 8)) return LB_TF_SET_EN;
    return 0;
}

void lb_tf_sentence(lb_tf_word *words, int n)
{
    uint32_t acc = 0;
    for (int i = n - 1; i >= 0; i--) {
        words[i].right = acc;
        acc = (words[i].shape & LB_TF_SHAPE_PUNCT) ? 0 : acc | words[i].vflags;
    }
}

uint32_t lb_tf_amb(const uint16_t *cls, int n)
{
    uint32_t h = 0x811C9DC5u;
    for (int i = 0; i < n; i++) h = mix(h, cls[i]);
    return h;
}

int lb_tf_static(uint32_t *out, const char *folded, size_t fn, const lb_tf_word *w, uint32_t set)
{
    int identity = !(set & LB_TF_NO_IDENTITY);  /* else one static set for both languages */
    int k = 0;
    out[k++] = mix(1, 0);                       /* bias */
    if (identity) out[k++] = mix(2, w->lower);  /* word */
    size_t i = fn;                              /* suffixes of 1..4 characters, shorter than the word: */
    for (uint32_t s = 1; s <= 4 && i > 0; s++) {    /* i steps back over one UTF-8 character a round */
        i--;
        while (i > 0 && ((unsigned char)folded[i] & 0xC0) == 0x80) i--;
        if (i == 0) break;
        out[k++] = mix(2 + s, lb_tf_hash(folded + i, fn - i));
    }
    if (fn) {                                   /* first character */
        size_t l = 1;
        while (l < fn && ((unsigned char)folded[l] & 0xC0) == 0x80) l++;
        out[k++] = mix(7, lb_tf_hash(folded, l));
    }
    out[k++] = mix(8, w->shape);
    out[k++] = mix(9, w->amb);
    out[k++] = mix(10, pair(w->shape, w->suffix3));
    if (identity) out[k++] = mix(11, w->form);
    return k;
}

const lb_tf_word lb_tf_none = { 0x1234567u, 0x7654321u, 0x80000000u, 0x5555555u, 0x2468ACEu, 0, 0 };

int lb_tf_window(uint32_t *out, const lb_tf_word *words, int i, int n, uint32_t set)
{
    const lb_tf_word *w = &words[i];
    const lb_tf_word *p1 = i > 0 ? &words[i - 1] : &lb_tf_none, *p2 = i > 1 ? &words[i - 2] : &lb_tf_none;
    const lb_tf_word *n1 = i + 1 < n ? &words[i + 1] : &lb_tf_none, *n2 = i + 2 < n ? &words[i + 2] : &lb_tf_none;
    int k = 0;
    out[k++] = mix(23, p1->lower);
    out[k++] = mix(24, p2->lower);
    out[k++] = mix(25, n1->lower);
    out[k++] = mix(26, n2->lower);
    out[k++] = mix(27, n1->suffix3);
    out[k++] = mix(28, p1->amb);
    out[k++] = mix(29, n1->amb);
    if (set & LB_TF_SET_EN)                     /* both neighbours' ambiguity classes (German: no gain, 4% of the time) */
        out[k++] = mix(30, pair(p1->amb, n1->amb));
    out[k++] = mix(31, pair(i == 0, w->shape));
    out[k++] = mix(33, p1->suffix3);
    out[k++] = mix(34, pair(pair(p1->shape, w->shape), n1->shape));
    if (set & LB_TF_SET_DE)                     /* a participle or infinitive later in the clause: haben/sein/werden AUX */
        out[k++] = mix(35, pair(w->lower, w->right));
    if (set & LB_TF_SET_EN) {                   /* previous word x capitalisation: names after "the", "Mr." */
        out[k++] = mix(36, pair(p1->lower, w->shape & (LB_TF_SHAPE_UPPER | LB_TF_SHAPE_ALLCAPS)));
        out[k++] = mix(38, pair(w->lower, p1->lower));      /* word bigrams: "to" before a verb, "that" after "so" */
        out[k++] = mix(39, pair(w->lower, n1->lower));
    }
    return k;
}

int lb_tf_history(uint32_t *out, const lb_tf_word *words, int i, int n, unsigned prev1, unsigned prev2, unsigned state,
                  uint32_t set)
{
    const lb_tf_word *n1 = i + 1 < n ? &words[i + 1] : &lb_tf_none;
    int k = 0;
    out[k++] = mix(20, prev1);
    out[k++] = mix(21, pair(prev1, prev2));
    if (set & LB_TF_SET_EN) {                   /* the previous class x the word, x the next word's ambiguity class */
        out[k++] = mix(22, pair(prev1, words[i].lower));    /* (German: no gain, 4% of the time each) */
        out[k++] = mix(32, pair(prev1, n1->amb));
    }
    if (set & LB_TF_SET_DE) {                   /* a subject already in the clause: the next noun group is none */
        out[k++] = mix(41, state);
        out[k++] = mix(42, pair(state, prev1));
    }
    return k;
}

void lb_tf_roles(uint32_t *out, const lb_tf_word *w)
{
    if (!w) w = &lb_tf_none;
    out[LB_TF_R_P1_LOWER] = mix(23, w->lower);
    out[LB_TF_R_P1_SUF3] = mix(33, w->suffix3);
    out[LB_TF_R_P1_AMB] = mix(28, w->amb);
    out[LB_TF_R_P2_LOWER] = mix(24, w->lower);
    out[LB_TF_R_N1_LOWER] = mix(25, w->lower);
    out[LB_TF_R_N1_SUF3] = mix(27, w->suffix3);
    out[LB_TF_R_N1_AMB] = mix(29, w->amb);
    out[LB_TF_R_N2_LOWER] = mix(26, w->lower);
    out[LB_TF_R_SELF_FIRST] = mix(31, pair(1, w->shape));
    out[LB_TF_R_SELF_INNER] = mix(31, pair(0, w->shape));
}

uint32_t lb_tf_prev_id(unsigned prev1) { return mix(20, prev1); }
uint32_t lb_tf_prev2_id(unsigned prev1, unsigned prev2) { return mix(21, pair(prev1, prev2)); }
uint32_t lb_tf_state_id(unsigned state) { return mix(41, state); }
uint32_t lb_tf_state_prev_id(unsigned state, unsigned prev1) { return mix(42, pair(state, prev1)); }

int lb_tf_context(uint32_t *out, const lb_tf_word *words, int i, int n, unsigned prev1, unsigned prev2, unsigned state,
                  uint32_t set)
{
    int k = lb_tf_window(out, words, i, n, set);
    return k + lb_tf_history(out + k, words, i, n, prev1, prev2, state, set);
}
