/* test_tf_static.c: lb_tf_static's suffix features (one backward walk over
 * the word's last four characters) give exactly the ids of the plain
 * definition, the last k UTF-8 characters (k = 1..4) hashed while shorter
 * than the word, and lb_tf_shape the shape of its first definition, on
 * random words of ASCII letters, umlauts, stray continuation bytes and
 * lead bytes, and on the empty word. */
#include "test.h"
#include "morph/features.h"
#include <stdint.h>
#include <string.h>

static uint32_t rnd_state = 4711;
static uint32_t rnd(void) { rnd_state = rnd_state * 1103515245u + 12345u; return rnd_state >> 3; }

/* The byte length of the last k UTF-8 characters of s[0..n), 0 when it has fewer. */
static size_t tail_chars(const char *s, size_t n, int k)
{
    size_t i = n;
    while (i > 0 && k > 0) {
        i--;
        while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
        k--;
    }
    return k > 0 ? 0 : n - i;
}

/* lb_tf_static by its definition (features.c, before the walk was shared). */
static int plain_static(uint32_t *out, const char *folded, size_t fn, const lb_tf_word *w)
{
    int k = 0;
    out[k++] = lb_tf_mix(1, 0);
    out[k++] = lb_tf_mix(2, w->lower);
    for (int s = 1; s <= 4; s++) {
        size_t l = tail_chars(folded, fn, s);
        if (!l || l >= fn) break;
        out[k++] = lb_tf_mix(2 + (uint32_t)s, lb_tf_hash(folded + fn - l, l));
    }
    if (fn) {
        size_t l = 1;
        while (l < fn && ((unsigned char)folded[l] & 0xC0) == 0x80) l++;
        out[k++] = lb_tf_mix(7, lb_tf_hash(folded, l));
    }
    out[k++] = lb_tf_mix(8, w->shape);
    out[k++] = lb_tf_mix(9, w->amb);
    out[k++] = lb_tf_mix(10, lb_tf_pair(w->shape, w->suffix3));
    out[k++] = lb_tf_mix(11, w->form);
    return k;
}

/* lb_tf_shape as first written (features.c). */
static uint32_t plain_shape(const char *f, size_t n)
{
    uint32_t s = 0;
    size_t letters = 0, uppers = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)f[i];
        if (c >= 'A' && c <= 'Z') { letters++; uppers++; if (!i) s |= LB_TF_SHAPE_UPPER; }
        else if (c >= 'a' && c <= 'z') letters++;
        else if (c >= 0x80) {
            letters++;
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

int main(void)
{
    static const char *const pieces[] = { "a", "Z", "\xC3\xA4", "\xC3\x9F", "\xC3\x84", "\x80", "\xC3", "\xE2\x80\x9E",
                                          "-", "7", "." };
    int wrong = 0, words = 0, with_four = 0, shape_wrong = 0;
    for (int t = 0; t < 20000; t++) {
        char word[64];
        size_t n = 0;
        for (int p = (int)(rnd() % 7); p > 0; p--) {
            const char *s = pieces[rnd() % (sizeof pieces / sizeof pieces[0])];
            memcpy(word + n, s, strlen(s));
            n += strlen(s);
        }
        lb_tf_word w;
        lb_tf_word_init(&w, word, n, word, n, lb_tf_shape(word, n), rnd());
        uint32_t a[LB_TF_MAX_STATIC], b[LB_TF_MAX_STATIC];
        int na = lb_tf_static(a, word, n, &w, LB_TF_SET_DE), nb = plain_static(b, word, n, &w);
        wrong += na != nb || memcmp(a, b, (size_t)nb * sizeof *b);
        with_four += nb == 11;
        shape_wrong += lb_tf_shape(word, n) != plain_shape(word, n);
        words++;
    }
    CHECK_INT(wrong, 0);
    CHECK_INT(shape_wrong, 0);
    CHECK_INT(words, 20000);
    CHECK(with_four > 1000);            /* words of five or more characters: all four suffixes */
    return TEST_END();
}
