/* fuzz_warc.c: libFuzzer target for the WARC reader. The input bytes are a
 * .warc file read through lb_reader; every page read is annotated (html
 * stage and the rest) and checked (fuzz_common.h); every broken record
 * must come back as an error with a message, and the reader must end. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fuzz_file f;
    static lb_doc *doc;
    if (!doc) FUZZ_CHECK(lb_doc_new(&doc, fuzz_ctx()) == LB_OK);
    fuzz_file_write(&f, data, size);
    lb_reader *r = NULL;
    FUZZ_CHECK(lb_reader_new(&r, LB_FORMAT_AUTO) == LB_OK);
    char path[600];
    snprintf(path, sizeof path, "%s", f.path);
    FUZZ_CHECK(lb_reader_add(r, path) == LB_OK);
    lb_input in;
    size_t guard = 0;
    for (; guard < 100000; guard++) {
        int rc = lb_reader_next(r, &in);
        if (rc == LB_DONE) break;
        if (rc != LB_OK) {
            FUZZ_CHECK(rc < 0 && lb_reader_errmsg(r)[0] != '\0');
            continue;
        }
        FUZZ_CHECK(in.id != NULL && in.text != NULL && in.origin != NULL);
        if (lb_doc_annotate(doc, &in) == LB_OK) {
            fuzz_check_doc(doc);
            fuzz_check_json(doc);
        }
    }
    FUZZ_CHECK(guard < 100000);
    lb_reader_free(r);
    return 0;
}
