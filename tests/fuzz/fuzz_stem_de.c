/* fuzz_stem_de.c: libFuzzer target for the events stage's German stemmer
 * (src/events/stem_de.c): on any input of up to 300 bytes it must not crash,
 * and on every word it takes (ASCII, ä ö ü ß) its stem must equal
 * libstemmer's Snowball German stem; it aborts on the first difference. */
#include "events/stem.h"
#include <libstemmer.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct sb_stemmer *sb;
    if (!sb) sb = sb_stemmer_new("german", NULL);
    if (!sb || size > 300) return 0;
    char out[700];
    long k = ev_stem_german((const char *)data, size, out, sizeof out);
    if (k < 0) return 0;
    const sb_symbol *ref = sb_stemmer_stem(sb, data, (int)size);
    if (!ref) return 0;
    size_t m = (size_t)sb_stemmer_length(sb);
    if ((size_t)k != m || memcmp(out, ref, m)) {
        fprintf(stderr, "stem_de: '%.*s' -> '%.*s', libstemmer '%.*s'\n", (int)size, (const char *)data,
                (int)k, out, (int)m, (const char *)ref);
        abort();
    }
    return 0;
}
