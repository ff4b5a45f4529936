/* fuzz_jsonl.c: libFuzzer target for the JSONL reader. The input bytes are a
 * JSONL file read through lb_reader (format JSONL); every document read is
 * annotated with the whole pipeline and checked (fuzz_common.h). It only
 * drives the public API; it fixes nothing and prints nothing on success. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fuzz_file f;
    static lb_doc *doc;
    if (!doc) FUZZ_CHECK(lb_doc_new(&doc, fuzz_ctx()) == LB_OK);
    fuzz_file_write(&f, data, size);
    lb_reader *r = NULL;
    FUZZ_CHECK(lb_reader_new(&r, LB_FORMAT_JSONL) == LB_OK);
    FUZZ_CHECK(lb_reader_add(r, f.path) == LB_OK);
    lb_input in;
    for (size_t guard = 0; guard < 100000; guard++) {
        int rc = lb_reader_next(r, &in);
        if (rc == LB_DONE) break;
        FUZZ_CHECK(lb_reader_errmsg(r) != NULL);
        if (rc != LB_OK) {
            FUZZ_CHECK(rc < 0);
            FUZZ_CHECK(lb_reader_errmsg(r)[0] != '\0');
            const char *json;
            size_t len;
            FUZZ_CHECK(lb_doc_error_json(&json, &len, doc, lb_reader_failed_id(r), lb_reader_errmsg(r)) == LB_OK);
            continue;
        }
        FUZZ_CHECK(in.id != NULL && in.text != NULL && in.origin != NULL);
        if (lb_doc_annotate(doc, &in) == LB_OK) {
            fuzz_check_doc(doc);
            fuzz_check_json(doc);
        } else {
            FUZZ_CHECK(lb_doc_errmsg(doc)[0] != '\0');
        }
    }
    lb_reader_free(r);
    return 0;
}
