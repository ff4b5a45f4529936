/* utf8.h: strict UTF-8 validation and repair (no allocation of its own).
 * Decoding follows the Unicode "maximal subpart" rule: every invalid
 * sequence becomes one U+FFFD. Overlongs, surrogates and > U+10FFFF are invalid. */
#ifndef LB_UTF8_H
#define LB_UTF8_H
#include "core/buf.h"
#include <stddef.h>
#include <stdint.h>

/* Length of the longest valid UTF-8 prefix of s. */
size_t lb_utf8_valid_prefix(const char *s, size_t n);
/* Decodes one code point at s (n > 0 bytes). Returns its length (1..4) and sets
 * *cp; for an invalid sequence returns the length of the maximal invalid
 * subpart (>= 1) and sets *cp = -1. */
size_t lb_utf8_decode(const char *s, size_t n, int32_t *cp);
/* Appends s to out with invalid sequences replaced by U+FFFD and NUL bytes by
 * spaces; counts both. Returns 0 or -1 (out's cap or memory). */
int lb_utf8_repair(lb_buf *out, const char *s, size_t n, size_t *repaired, size_t *nuls);
/* Encodes cp into out (4 bytes room); returns the length. */
size_t lb_utf8_encode(char *out, int32_t cp);
#endif
