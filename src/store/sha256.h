/* sha256.h: SHA-256 of a byte string as lowercase hex, for the content hash
 * that makes ingest idempotent. Pure computation: no I/O, no allocation. */
#ifndef LB_STORE_SHA256_H
#define LB_STORE_SHA256_H
#include <stddef.h>

/* Writes 64 hex digits and a NUL into hex. */
void lb_sha256_hex(char hex[65], const void *data, size_t len);
/* on != 0: use the portable code even where SHA-NI exists (for tests;
 * not thread-safe, call before any hashing). */
void lb_sha256_portable(int on);
#endif
