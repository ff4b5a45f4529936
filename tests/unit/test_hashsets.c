/* test_hashsets.c: lb_wordset and lb_strmap with keys of every length from 0
 * to 40 bytes that differ in a single byte (the word-at-a-time hash and key
 * compare have separate paths for 0, 1-3, 4-8 and longer keys), and a strmap
 * that fills up and starts afresh. */
#include "test.h"
#include "core/wordset.h"
#include "core/strmap.h"

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

static void strmap_refill(void)
{
    lb_strmap *m = lb_strmap_new(64);
    CHECK(m != NULL);
    if (!m) return;
    char k[48];
    int ok = 1;
    for (int round = 0; round < 3; round++)
        for (size_t n = 1; n <= 40; n++) {
            fill(k, n, n);
            k[0] = (char)('A' + round);
            const char *v;
            size_t vn;
            if (lb_strmap_put(m, k, n, k, n / 2)) ok = 0;
            if (!lb_strmap_get(m, k, n, &v, &vn) || vn != n / 2 || memcmp(v, k, vn)) ok = 0;
            k[n - 1] ^= 1;
            if (lb_strmap_get(m, k, n, &v, &vn)) ok = 0;
        }
    CHECK(ok);
    lb_strmap_free(m);
}

int main(void)
{
    wordset_lengths();
    strmap_refill();
    return TEST_END();
}
