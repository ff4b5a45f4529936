/* stem_de.h: the Snowball German stemmer (snowballstem.org, the algorithm of
 * libstemmer 2.2 "german", UTF-8), hand-written for speed: libstemmer's
 * generated code spends ~5,000 instructions on a word, this ~300. Its output
 * equals libstemmer's (tests/unit/test_stem_de.c compares them on random and
 * real words); input it does not handle (invalid or 4-byte UTF-8, very long
 * words) is left to libstemmer. */
#ifndef LB_EVENTS_STEM_DE_H
#define LB_EVENTS_STEM_DE_H
#include <stddef.h>

#define EV_STEM_DE_MAX 64    /* characters handled; longer words: (size_t)-1 */

/* Stems UTF-8 w[0..n) into out (NUL-terminated): the stem's length, 0 when
 * it does not fit in cap, (size_t)-1 when the input is not handled (call
 * libstemmer then). */
size_t ev_stem_de(const char *w, size_t n, char *out, size_t cap);
#endif
