/* test_hashsets.c: lb_wordset with keys of every length from 0 to 40 bytes
 * that differ in a single byte (the word-at-a-time hash and key compare have
 * separate paths for 0, 1-3, 4-8 and longer keys). */
#include "test.h"
#include "core/wordset.h"

static void fill(char *k, size_t n, size_t flip)
{
    for (size_t i = 0; i < n; i++) k[i] = (char)('a' + i % 26);
    if (flip < n) k[flip] = 'Z';
}

static void wordset_lengths(void)
{
    lb_wordset s;
    lb_wordset_init(&s);
    char k[48];
    for (size_t n = 0; n <= 40; n++) { fill(k, n, n); CHECK_INT(lb_wordset_put(&s, k, n, (uint32_t)n), 0); }
    int ok = 1, miss = 1;
    for (size_t n = 0; n <= 40; n++) {
        uint32_t v = 999;
        fill(k, n, n);
        if (!lb_wordset_get(&s, k, n, &v) || v != n) ok = 0;
        for (size_t f = 0; f < n; f++) {      /* one byte changed anywhere: not found */
            fill(k, n, f);
            if (lb_wordset_get(&s, k, n, NULL)) miss = 0;
        }
    }
    CHECK(ok);
    CHECK(miss);
    CHECK(lb_hash_bytes("ab", 2) != lb_hash_bytes("ab\0", 3));
    CHECK(lb_hash_bytes("abcdefgh", 8) != lb_hash_bytes("abcdefgh", 7));
    lb_wordset_fini(&s);
}

int main(void)
{
    wordset_lengths();
    return TEST_END();
}
