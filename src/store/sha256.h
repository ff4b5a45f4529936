/* sha256.h: SHA-256 of a byte string as lowercase hex, for the content hash
 * that makes ingest idempotent and for the digest of the dictionaries.
 * Computed by OpenSSL's libcrypto (which uses the processor's SHA
 * extensions where they exist). No I/O. */
#ifndef LB_STORE_SHA256_H
#define LB_STORE_SHA256_H
#include <stddef.h>

/* Writes 64 hex digits and a NUL into hex; returns 0, or -1 (hex = "")
 * when libcrypto fails (out of memory). Thread-safe. */
int lb_sha256_hex(char hex[65], const void *data, size_t len);
#endif
