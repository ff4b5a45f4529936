/* fuzz_gzip.c: libFuzzer target for the reader's file handling: the input is
 * a possibly gzip-compressed file read through lb_reader, and every document
 * read is annotated. The first byte chooses the format (auto, text, JSONL)
 * and whether the harness itself gzips the rest (so that valid gzip streams
 * with fuzzed content are read as well as broken ones, and with bit 16 the
 * plain bytes once more after the stream). It only drives the
 * public API; it fixes nothing. */
#include "fuzz_common.h"
#include <zlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* gzip-compresses data into *out (malloc'ed); returns its length, 0 on failure. */
static size_t gzip_bytes(const uint8_t *data, size_t size, uint8_t **out)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return 0;
    size_t cap = deflateBound(&z, (uLong)size) + 32;
    *out = malloc(cap);
    FUZZ_CHECK(*out != NULL);
    z.next_in = (Bytef *)data; z.avail_in = (uInt)size;
    z.next_out = *out; z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    size_t n = z.total_out;
    deflateEnd(&z);
    return rc == Z_STREAM_END ? n : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static fuzz_file f;
    static lb_doc *doc;
    if (!doc) FUZZ_CHECK(lb_doc_new(&doc, fuzz_ctx()) == LB_OK);
    if (size < 1) return 0;
    uint8_t mode = data[0];
    data++; size--;
    static const lb_format formats[] = { LB_FORMAT_AUTO, LB_FORMAT_TEXT, LB_FORMAT_JSONL, LB_FORMAT_AUTO };
    lb_format format = formats[mode & 3];
    uint8_t *gz = NULL;
    if (mode & 4) {
        size_t n = gzip_bytes(data, size, &gz);
        FUZZ_CHECK(n > 0);
        if (mode & 16) {   /* the plain bytes after the gzip stream as well (gztail.c) */
            uint8_t *both = realloc(gz, n + size);
            FUZZ_CHECK(both != NULL);
            if (size) memcpy(both + n, data, size);
            gz = both;
            n += size;
        }
        fuzz_file_write(&f, gz, n);
        free(gz);
    } else {
        fuzz_file_write(&f, data, size);
    }
    lb_reader *r = NULL;
    FUZZ_CHECK(lb_reader_new(&r, format) == LB_OK);
    FUZZ_CHECK(lb_reader_add(r, f.path) == LB_OK);
    if (mode & 8) FUZZ_CHECK(lb_reader_add(r, f.path) == LB_OK);  /* the same file twice */
    lb_input in;
    for (size_t guard = 0; guard < 100000; guard++) {
        int rc = lb_reader_next(r, &in);
        if (rc == LB_DONE) break;
        if (rc != LB_OK) {
            FUZZ_CHECK(rc < 0);
            FUZZ_CHECK(lb_reader_errmsg(r)[0] != '\0');
            continue;
        }
        FUZZ_CHECK(in.id != NULL && in.text != NULL && in.origin != NULL);
        if (lb_doc_annotate(doc, &in) == LB_OK) {
            fuzz_check_doc(doc);
            fuzz_check_json(doc);
        }
    }
    lb_reader_free(r);
    return 0;
}
