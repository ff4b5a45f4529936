/* fuzz_common.h: helpers shared by the libFuzzer targets: the data directory,
 * an in-memory file (memfd) that lb_reader can open by path, and invariant
 * checks on an annotated document through the public API (spans inside the
 * text, in order; the JSON line parses). A broken invariant aborts, so the
 * fuzzer reports it as a crash with its input.
 * It must not use library internals: only include/lagebild.h (and jansson to
 * parse the output). */
#ifndef LB_FUZZ_COMMON_H
#define LB_FUZZ_COMMON_H

#include "lagebild.h"
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define FUZZ_CHECK(cond) do { if (!(cond)) { \
    fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); abort(); } } while (0)

/* The dictionaries every target uses, loaded once per process. */
static inline lb_ctx *fuzz_ctx(void)
{
    static lb_ctx *ctx;
    if (!ctx) {
        if (lb_ctx_new(&ctx, LB_FUZZ_DATA_DIR) != LB_OK) {
            fprintf(stderr, "fuzz: cannot load %s: %s\n", LB_FUZZ_DATA_DIR, lb_ctx_errmsg(ctx));
            abort();
        }
    }
    return ctx;
}

/* An anonymous in-memory file holding the fuzz input; *path names it
 * (/proc/self/fd/N) so that lb_reader_add can open it like any file. */
typedef struct fuzz_file { int fd; char path[64]; } fuzz_file;

static inline void fuzz_file_write(fuzz_file *f, const uint8_t *data, size_t size)
{
    if (f->fd <= 0) {
        f->fd = memfd_create("lb_fuzz", 0);
        FUZZ_CHECK(f->fd > 0);
        snprintf(f->path, sizeof f->path, "/proc/self/fd/%d", f->fd);
    }
    FUZZ_CHECK(ftruncate(f->fd, 0) == 0);
    size_t off = 0;
    while (off < size) {
        ssize_t n = pwrite(f->fd, data + off, size - off, (off_t)off);
        FUZZ_CHECK(n > 0);
        off += (size_t)n;
    }
}

/* Checks what lb_doc exposes about an annotated document. */
static inline void fuzz_check_doc(lb_doc *doc)
{
    const char *text;
    size_t len;
    FUZZ_CHECK(lb_doc_text(doc, &text, &len) == LB_OK);
    FUZZ_CHECK(text != NULL);
    FUZZ_CHECK(lb_doc_id(doc) != NULL);
    const char *lang = lb_doc_lang(doc);
    FUZZ_CHECK(lang && (!strcmp(lang, "de") || !strcmp(lang, "en") || !strcmp(lang, "und")));
    lb_span s, prev = { 0, 0 };
    size_t n = lb_doc_body_count(doc);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(lb_doc_body(&s, doc, i) == LB_OK);
        FUZZ_CHECK(s.start <= s.end && s.end <= len);
        FUZZ_CHECK(i == 0 || s.start >= prev.end);
        prev = s;
    }
    FUZZ_CHECK(lb_doc_body(&s, doc, n) == LB_EUSAGE);
    n = lb_doc_sentence_count(doc);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(lb_doc_sentence(&s, doc, i) == LB_OK);
        FUZZ_CHECK(s.start < s.end && s.end <= len);
        FUZZ_CHECK(i == 0 || s.start >= prev.end);
        prev = s;
    }
    n = lb_doc_token_count(doc);
    for (size_t i = 0; i < n; i++) {
        const char *norm;
        size_t norm_len;
        FUZZ_CHECK(lb_doc_token(&s, &norm, &norm_len, doc, i) == LB_OK);
        FUZZ_CHECK(s.start < s.end && s.end <= len);
        FUZZ_CHECK(i == 0 || s.start >= prev.end);
        FUZZ_CHECK(norm != NULL || norm_len == 0);
        prev = s;
    }
    static const char *const fields[] = { "title", "author", "date", "source", "url" };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        const char *m = lb_doc_meta(doc, fields[i]);
        if (m) FUZZ_CHECK(strlen(m) < (size_t)1 << 20);
    }
}

/* A NUL-terminated copy of the input (the caller frees it), or NULL when it
 * is longer than max bytes or memory runs out. */
static inline char *fuzz_cstr(const uint8_t *data, size_t size, size_t max)
{
    if (size > max) return NULL;
    char *buf = malloc(size + 1);
    if (!buf) return NULL;
    memcpy(buf, data, size);
    buf[size] = '\0';
    return buf;
}

/* Checks that the JSON line of an annotated document is one valid object. */
static inline void fuzz_check_json(lb_doc *doc)
{
    const char *json;
    size_t len;
    FUZZ_CHECK(lb_doc_json(&json, &len, doc) == LB_OK);
    FUZZ_CHECK(memchr(json, '\n', len) == NULL);
    json_error_t err;
    json_t *obj = json_loadb(json, len, JSON_ALLOW_NUL, &err);
    if (!obj) fprintf(stderr, "fuzz: output is not JSON (%s at column %d): %.*s\n", err.text, err.column,
                      (int)(len < 2000 ? len : 2000), json);
    FUZZ_CHECK(obj != NULL);
    FUZZ_CHECK(json_is_object(obj));
    FUZZ_CHECK(json_is_string(json_object_get(obj, "id")));
    json_decref(obj);
}

#endif
