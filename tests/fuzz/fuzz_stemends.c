/* fuzz_stemends.c: libFuzzer target for the endings loader of the events
 * stage's stem filter (ev_stemfilter_load_endings, src/events/stemends.c).
 * The input is written to an in-memory file and loaded; loading must succeed
 * or fail with a "file:line" message, never crash or leak; when it succeeds,
 * a few words go through the filter. */
#include "fuzz_common.h"
#include "events/stemfilter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fuzz_file file;
    fuzz_file_write(&file, data, size);
    ev_stemfilter f = { 0 };
    char err[512];
    FUZZ_CHECK(!ev_stemfilter_add_stem(&f, "angreif", 7));
    FUZZ_CHECK(!ev_stemfilter_add_head(&f, "liefer", 6));
    int rc = ev_stemfilter_load_endings(&f, file.path, err, sizeof err);
    if (rc == LB_EDATA) FUZZ_CHECK(strstr(err, file.path) != NULL);
    if (rc == LB_OK) {
        static const char *const words[] = { "angreifendes", "waffenlieferungen", "wetter", "kritisierten", "x", "" };
        for (int k = 0; k < 6; k++) (void)ev_stemfilter_may(&f, words[k], strlen(words[k]));
    }
    ev_stemfilter_fini(&f);
    return 0;
}
