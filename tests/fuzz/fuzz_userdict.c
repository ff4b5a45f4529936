/* fuzz_userdict.c: libFuzzer target for the user dictionary loader
 * (lb_ctx_add_dict, format: data/actors/README.md). The input is the
 * dictionary file, added to a context on the real data directory, which is
 * made anew every 128 inputs (loading it is slow; the dictionaries added in
 * between pile up, as several --dict files do); the result then annotates a
 * small text. Invariants: loading succeeds or fails with a message; an
 * accepted dictionary annotates. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static fuzz_file file;
static unsigned runs;
static lb_ctx *ctx;

static const char sample[] =
    "Fantasia und Quuxland tagten in Berlin. Die Ministerin Anna Beispiel sagte am Montag: \"Wir handeln.\"";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_file_write(&file, data, size);
    if (runs++ % 128 == 0) {
        lb_ctx_free(ctx);
        ctx = NULL;
        if (lb_ctx_new(&ctx, LB_FUZZ_DATA_DIR) != LB_OK) {
            fprintf(stderr, "fuzz_userdict: cannot load %s: %s\n", LB_FUZZ_DATA_DIR, lb_ctx_errmsg(ctx));
            abort();
        }
    }
    int rc = lb_ctx_add_dict(ctx, file.path);
    if (rc == LB_OK) {
        lb_doc *doc = NULL;
        FUZZ_CHECK(lb_doc_new(&doc, ctx) == LB_OK);
        lb_input in;
        memset(&in, 0, sizeof in);
        in.id = "udict"; in.id_len = 5; in.origin = "udict";
        in.text = sample; in.text_len = sizeof sample - 1;
        FUZZ_CHECK(lb_doc_annotate(doc, &in) == LB_OK);
        fuzz_check_doc(doc);
        fuzz_check_json(doc);
        lb_doc_free(doc);
    } else {
        FUZZ_CHECK(rc < 0);
        FUZZ_CHECK(lb_ctx_errmsg(ctx)[0] != '\0');
    }
    return 0;
}
