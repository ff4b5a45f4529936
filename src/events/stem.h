/* stem.h: the events stage's word stemmer: Snowball German re-implemented
 * (stem_de.c, the same stems as libstemmer's "german" of Snowball 2.2.0, at
 * a tenth of its cost), libstemmer for English and for words it does not take. */
#ifndef LB_EVENTS_STEM_H
#define LB_EVENTS_STEM_H
#include <stddef.h>

/* The German Snowball stem of w[0..n) into out (cap bytes, NUL-terminated):
 * its length (0 when it does not fit or w is empty, as ev_stem), or -1 when
 * w has a character other than ASCII and ä ö ü ß (then use libstemmer). */
long ev_stem_german(const char *w, size_t n, char *out, size_t cap);
/* ev_stem of language lang (EV_DE, EV_EN) with its libstemmer stemmer. */
size_t ev_stem_lang(int lang, void *stemmer, const char *w, size_t n, char *out, size_t cap);
#endif
