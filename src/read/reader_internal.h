/* reader_internal.h: internals of the reader module shared with its tests. */
#ifndef LB_READER_INTERNAL_H
#define LB_READER_INTERNAL_H
#include "lagebild.h"
#include <stddef.h>
#include <stdint.h>

/* What kind of non-text file the first n bytes p show ("a ZIP archive",
 * "a PDF document", "binary data"), or NULL for text (sniff.c). */
const char *lb_binary_kind(const unsigned char *p, size_t n);
/* 1 when path names a CSV or TSV table (.csv, .tsv, maybe .gz). */
int lb_is_table_file(const char *path);
/* 1 when the gzip file at path goes on after its last gzip member with data
 * that is not gzip (zlib would skip it quietly): *offset is where that data
 * starts, *length its size. 0 when not (or not gzip), -1 when the file cannot
 * be read or its gzip data is corrupt (gztail.c). */
int lb_gz_trailing(const char *path, uint64_t *offset, uint64_t *length);

/* The fields of a JSONL record the reader takes, and what each held. */
enum { LB_JF_ID, LB_JF_TEXT, LB_JF_HTML, LB_JF_DATE, LB_JF_LANG, LB_JF_SOURCE, LB_JF_URL, LB_JF_TITLE, LB_JF_COUNT };
enum { LB_JF_ABSENT, LB_JF_NULL, LB_JF_STRING, LB_JF_INTEGER, LB_JF_OTHER };
typedef struct lb_jf_value {
    int kind;
    const char *s;      /* LB_JF_STRING: NUL-terminated, len bytes (may hold NUL) */
    size_t len;
    long long num;      /* LB_JF_INTEGER */
} lb_jf_value;
/* The fast path of a JSONL line of n bytes (jsonl_fast.c): the fields of a
 * flat object of strings and nulls (an integer id), decoded as jansson
 * would, their strings written to buf (n + 16 bytes). 0, or 1 when the line
 * is anything else (then jansson must parse it). */
int lb_jsonl_fast(lb_jf_value f[LB_JF_COUNT], char *buf, const char *line, size_t n);
#endif
