/* fuzz_html.c: libFuzzer target for HTML extraction. The input bytes are a
 * page given as an "html" document: the html stage extracts its main text
 * and metadata, the whole pipeline runs on the extract, and the invariants
 * of fuzz_common.h are checked (spans inside the text, valid JSON). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lb_doc *doc;
    if (!doc) FUZZ_CHECK(lb_doc_new(&doc, fuzz_ctx()) == LB_OK);
    lb_input in = { .id = "fuzz", .id_len = 4, .text = (const char *)data, .text_len = size, .is_html = 1,
                    .url = "https://example.com/2020/01/02/x", .url_len = 32 };
    if (lb_doc_annotate(doc, &in) == LB_OK) {
        fuzz_check_doc(doc);
        fuzz_check_json(doc);
    } else {
        FUZZ_CHECK(lb_doc_errmsg(doc)[0] != '\0');
    }
    return 0;
}
