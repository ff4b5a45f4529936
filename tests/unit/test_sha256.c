/* test_sha256.c: SHA-256 (libcrypto behind lb_sha256_hex) against the
 * FIPS 180-4 examples, and on an unaligned input. */
#include "store/sha256.h"
#include "test.h"
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

/* A large unaligned input hashed whole equals the known digest of its bytes:
 * one million 'a' at an odd address. */
static void unaligned(void)
{
    size_t n = 1000000;
    char *a = malloc(n + 1), hex[65];
    if (!a) { CHECK(0); return; }
    memset(a, 'a', n + 1);
    CHECK(lb_sha256_hex(hex, a + 1, n) == 0);
    CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}

int main(void)
{
    known_answers();
    unaligned();
    return TEST_END();
}
