/* test_events_stem.c: the events stage's German stemmer (stem_de.c) gives
 * libstemmer's Snowball German stems: on words built from German letters,
 * umlauts, ß and the suffixes the algorithm strips (random, fixed seed), and
 * on a few known stems; other characters go back to libstemmer. */
#include "test.h"
#include "events/stem.h"
#include "events/rules.h"
#include <libstemmer.h>
#include <stdint.h>
#include <string.h>

static const char *const PIECES[] = {
    "a", "e", "i", "o", "u", "y", "ä", "ö", "ü", "ß", "b", "d", "f", "g", "h", "k", "l", "m",
    "n", "r", "s", "t", "c", "ch", "sch", "ig", "ung", "lich", "heit", "keit", "isch", "ik",
    "end", "ern", "er", "em", "en", "es", "est", "st", "nis", "niss", "ss", "ue", "uy", "U", "Y",
    "-", "1", "x", "w", "z", "p", "v", "'", "ei", "au", NULL
};

static uint32_t next_rand(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

/* one random word of 1..9 pieces into w; its length */
static size_t random_word(uint32_t *state, char *w)
{
    size_t npieces = 0, len = 0;
    while (PIECES[npieces]) npieces++;
    int k = 1 + (int)(next_rand(state) % 9);
    for (int i = 0; i < k; i++) {
        const char *p = PIECES[next_rand(state) % npieces];
        memcpy(w + len, p, strlen(p));
        len += strlen(p);
    }
    w[len] = '\0';
    return len;
}

/* stem_de.c and libstemmer give the same stem of w[0..n) */
static int same_stem(struct sb_stemmer *sb, const char *w, size_t n)
{
    char a[600], b[600];
    long k = ev_stem_german(w, n, a, sizeof a);
    size_t m = ev_stem(sb, w, n, b, sizeof b);
    if (k >= 0 && ((size_t)k != m || memcmp(a, b, m))) {
        fprintf(stderr, "stem of '%.*s': '%s', libstemmer '%s'\n", (int)n, w, k ? a : "", b);
        return 0;
    }
    return 1;
}

int main(void)
{
    struct sb_stemmer *sb = sb_stemmer_new("german", NULL);
    CHECK(sb != NULL);
    if (!sb) return TEST_END();
    static const char *const WORDS[] = {
        "aufeinanderfolgenden", "häuser", "kenntnisse", "verhaftete", "angriffen", "freundlichkeit",
        "schönheit", "ständigen", "mäßigung", "bauerei", "feuer", "bayern", "kriegs", "zerstörungen",
        "erschoss", "festnahmen", "ab", "abc", "", NULL
    };
    int fails = 0;
    for (int i = 0; WORDS[i]; i++) fails += !same_stem(sb, WORDS[i], strlen(WORDS[i]));
    uint32_t state = 12345;
    char w[128];
    for (int i = 0; i < 500000 && fails < 20; i++) {
        size_t n = random_word(&state, w);
        fails += !same_stem(sb, w, n);
    }
    CHECK_INT(fails, 0);
    /* known stems */
    char out[64];
    CHECK_INT(ev_stem_german("häuser", strlen("häuser"), out, sizeof out), 4);
    CHECK_STR(out, "haus");
    CHECK_INT(ev_stem_german("kenntnisse", 10, out, sizeof out), 8);
    CHECK_STR(out, "kenntnis");
    /* other characters: libstemmer's task; a stem that does not fit: 0 */
    CHECK_INT(ev_stem_german("café", strlen("café"), out, sizeof out), -1);
    CHECK_INT(ev_stem_german("angriffen", 9, out, 4), 0);
    CHECK(ev_stem_lang(EV_DE, sb, "café", strlen("café"), out, sizeof out) > 0);
    sb_stemmer_delete(sb);
    return TEST_END();
}
