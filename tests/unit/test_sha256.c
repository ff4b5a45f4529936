/* test_sha256.c: SHA-256 against the FIPS 180-4 examples, and the SHA-NI
 * code (where the processor has it) against the portable code on every
 * length from 0 to 300 bytes and a few large inputs. */
#include "store/sha256.h"
#include "test.h"
#include <stdint.h>
#include <stdlib.h>

static void known_answers(void)
{
    char hex[65];
    lb_sha256_hex(hex, "", 0);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    lb_sha256_hex(hex, "abc", 3);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    lb_sha256_hex(hex, two, strlen(two));
    CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    size_t n = 1000000;
    char *a = malloc(n);
    if (!a) { CHECK(0); return; }
    memset(a, 'a', n);
    lb_sha256_hex(hex, a, n);
    CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}

/* Every length 0..300 and some large ones: the fast path equals the portable one. */
static void fast_equals_portable(void)
{
    size_t big = 1 << 20;
    unsigned char *buf = malloc(big);
    if (!buf) { CHECK(0); return; }
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < big; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; buf[i] = (unsigned char)x; }
    size_t lens[310], nl = 0;
    for (size_t l = 0; l <= 300; l++) lens[nl++] = l;
    lens[nl++] = 4096; lens[nl++] = 65535; lens[nl++] = 65536 + 55; lens[nl++] = big;
    int same = 1;
    for (size_t k = 0; k < nl; k++) {
        char fast[65], slow[65];
        lb_sha256_portable(0);
        lb_sha256_hex(fast, buf + 1, lens[k] < big ? lens[k] : big - 1);   /* unaligned on purpose */
        lb_sha256_portable(1);
        lb_sha256_hex(slow, buf + 1, lens[k] < big ? lens[k] : big - 1);
        if (strcmp(fast, slow)) { same = 0; fprintf(stderr, "length %zu: %s != %s\n", lens[k], fast, slow); }
    }
    lb_sha256_portable(0);
    CHECK(same);
    free(buf);
}

int main(void)
{
    known_answers();
    lb_sha256_portable(1);
    known_answers();
    lb_sha256_portable(0);
    fast_equals_portable();
    return TEST_END();
}
