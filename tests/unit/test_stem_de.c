/* test_stem_de.c: the hand-written German stemmer (src/events/stem_de.c)
 * gives libstemmer's stems: on German words and on many random strings of
 * the letters its rules look at (vowels, umlauts, ß, the suffix letters). */
#include "test.h"
#include "events/stem_de.h"
#include <libstemmer.h>
#include <stdint.h>

static struct sb_stemmer *sb;
static int mismatches;

/* ev_stem_de equals libstemmer on w, or declines it (-1) */
static int same_as_libstemmer(const char *w, size_t n)
{
    char mine[512];
    size_t m = ev_stem_de(w, n, mine, sizeof mine);
    if (m == (size_t)-1) return 1;
    const sb_symbol *ref = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)n);
    int rn = sb_stemmer_length(sb);
    int ok = ref && (size_t)rn == m && !memcmp(ref, mine, m);
    if (!ok && mismatches++ < 10)
        fprintf(stderr, "'%.*s': mine '%.*s', libstemmer '%.*s'\n", (int)n, w, (int)m, mine, rn, ref ? (const char *)ref : "");
    return ok;
}

static void real_words(void)
{
    static const char *const W[] = {
        "aufeinanderfolgende", "kategorischen", "Häuser", "häuser", "straße", "Strassen",
        "kenntnisse", "ergebnissen", "bedeutung", "bedeutungslosigkeit", "freundlichkeit",
        "festnahmen", "verhaftete", "erschoss", "angriffen", "kritisierte", "bauen", "feuer",
        "ungeheuerlich", "möglichkeiten", "lustigkeit", "ewigkeit", "heiligen", "kämpfenden",
        "treuer", "bayern", "ay", "a", "", "aus", "ab", "Ärzte", "über", "grüße", "ß",
        "Wałęsa", "café-bar", "nato-gipfel", "un-sicherheitsrat", "€uro", "zuerst", "ersten",
        "neuestes", "bestes", "lastst", "erstens", "fastend", "heiligende", "ewigen",
    };
    for (size_t i = 0; i < sizeof W / sizeof *W; i++) CHECK(same_as_libstemmer(W[i], strlen(W[i])));
    char out[64];
    CHECK(ev_stem_de("katzen", 6, out, sizeof out) == 4 && !memcmp(out, "katz", 5));
    CHECK_INT(ev_stem_de("katzen", 6, out, 4), 0);          /* does not fit */
    CHECK(ev_stem_de("a\xff", 2, out, sizeof out) == (size_t)-1);   /* invalid UTF-8 */
    CHECK(ev_stem_de("\xf0\x9f\x98\x80", 4, out, sizeof out) == (size_t)-1);
}

static void random_words(void)
{
    static const char *const PIECE[] = {
        "a", "e", "i", "o", "u", "y", "U", "Y", "\xc3\xa4", "\xc3\xb6", "\xc3\xbc", "\xc3\x9f",
        "b", "d", "f", "g", "h", "k", "l", "m", "n", "r", "s", "t", "c", "w", "z", "-",
        "\xc3\xa9", "\xc5\x82", "\xe2\x82\xac", "nis", "ig", "lich", "keit", "heit", "isch",
        "ung", "end", "est", "st", "ern", "em", "en", "es", "er",
    };
    const size_t np = sizeof PIECE / sizeof *PIECE;
    uint64_t x = 88172645463325252ull;
    int bad = 0;
    for (int k = 0; k < 300000; k++) {
        char w[200];
        size_t n = 0;
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        int parts = (int)(x % 9);
        for (int p = 0; p < parts; p++) {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            const char *s = PIECE[x % np];
            size_t sl = strlen(s);
            memcpy(w + n, s, sl);
            n += sl;
        }
        if (!same_as_libstemmer(w, n)) bad++;
    }
    CHECK_INT(bad, 0);
}

int main(void)
{
    sb = sb_stemmer_new("german", NULL);
    CHECK(sb != NULL);
    if (!sb) return TEST_END();
    real_words();
    random_words();
    sb_stemmer_delete(sb);
    return TEST_END();
}
