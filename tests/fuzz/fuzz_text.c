/* fuzz_text.c: libFuzzer target for the whole pipeline on one plain-text
 * document. The input bytes are the document text, run through
 * lb_doc_annotate (and lb_doc_annotate_upto for the clean and text stages)
 * and lb_doc_json; the results are checked (fuzz_common.h). When the input
 * starts with byte 0x01, its next three lines are the date, lang and source
 * metadata and the rest is the text, so that metadata handling is fuzzed too.
 * It only drives the public API; it fixes nothing. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Takes the next line (up to '\n') off the front of (*p, *n). */
static void take_line(const char **p, size_t *n, const char **s, size_t *len)
{
    const char *nl = memchr(*p, '\n', *n);
    size_t l = nl ? (size_t)(nl - *p) : *n;
    *s = *p; *len = l;
    *p += l + (nl ? 1 : 0);
    *n -= l + (nl ? 1 : 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static lb_doc *doc;
    if (!doc) FUZZ_CHECK(lb_doc_new(&doc, fuzz_ctx()) == LB_OK);
    lb_input in;
    memset(&in, 0, sizeof in);
    in.id = "fuzz"; in.id_len = 4;
    in.origin = "fuzz";
    const char *p = (const char *)data;
    size_t n = size;
    if (n && p[0] == 0x01) {
        p++; n--;
        take_line(&p, &n, &in.date, &in.date_len);
        take_line(&p, &n, &in.lang, &in.lang_len);
        take_line(&p, &n, &in.source, &in.source_len);
    }
    in.text = p; in.text_len = n;
    static const lb_stage stages[] = { LB_STAGE_CLEAN, LB_STAGE_TEXT };
    for (size_t k = 0; k < 2; k++)
        if (lb_doc_annotate_upto(doc, &in, stages[k]) == LB_OK) fuzz_check_doc(doc);
    int rc = lb_doc_annotate(doc, &in);
    FUZZ_CHECK(rc == LB_OK);   /* a short text never exceeds a limit */
    fuzz_check_doc(doc);
    fuzz_check_json(doc);
    return 0;
}
