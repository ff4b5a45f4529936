/* fuzz_stem_de.c: libFuzzer target for the hand-written German stemmer
 * (src/events/stem_de.c): on any bytes it must not crash, and where it takes
 * the input its stem must equal libstemmer's (the events stage relies on
 * that: pattern stems and token stems must agree). */
#include "fuzz_common.h"
#include "events/stem_de.h"
#include <libstemmer.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct sb_stemmer *sb;
    if (!sb) FUZZ_CHECK((sb = sb_stemmer_new("german", NULL)) != NULL);
    char out[1024];
    size_t m = ev_stem_de((const char *)data, size, out, sizeof out);
    if (m == (size_t)-1) return 0;
    const sb_symbol *ref = sb_stemmer_stem(sb, data, (int)size);
    FUZZ_CHECK(ref != NULL);
    FUZZ_CHECK((size_t)sb_stemmer_length(sb) == m && !memcmp(ref, out, m));
    return 0;
}
