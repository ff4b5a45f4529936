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
#endif
