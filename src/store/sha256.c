/* sha256.c: SHA-256 as lowercase hex, by libcrypto's one-shot EVP_Digest.
 * Used for content hashes of stored documents and dictionary digests, not
 * for anything security-related. */
#include "store/sha256.h"
#include <openssl/evp.h>

int lb_sha256_hex(char hex[65], const void *data, size_t len)
{
    static const char digits[] = "0123456789abcdef";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    hex[0] = '\0';
    if (!EVP_Digest(len ? data : "", len, md, &n, EVP_sha256(), NULL) || n != 32) return -1;
    for (unsigned i = 0; i < 32; i++) {
        hex[2 * i] = digits[md[i] >> 4];
        hex[2 * i + 1] = digits[md[i] & 15];
    }
    hex[64] = '\0';
    return 0;
}
