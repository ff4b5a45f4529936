/* reader.c: documents from plain-text files, directories, JSONL and stdin,
 * gzip-compressed or not (zlib reads both transparently).
 * It only reads and splits input into lb_input records; it does not clean or
 * annotate. Errors name the file and line; the batch always goes on. */
#include "read/reader_internal.h"
#include "core/buf.h"
#include "core/limits.h"
#include "core/utf8.h"
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

typedef struct item { char *path; char *error; int status; } item;

struct lb_reader {
    lb_format format;
    item *items; size_t nitems, capitems, next_item;
    /* the source being read */
    gzFile gz;
    char *cur_path;           /* borrowed from items */
    lb_format cur_format;
    size_t lineno;
    int at_eof;
    unsigned char chunk[1 << 16];
    size_t cpos, clen;
    /* the current document */
    lb_buf line, repaired, text;
    json_t *json;
    char origin[LB_MAX_FIELD_BYTES + 64];
    char idbuf[LB_MAX_FIELD_BYTES];
    char failed_id[LB_MAX_FIELD_BYTES];
    int has_failed_id;
    char err[LB_MAX_ERROR_BYTES];
};

static int fail(lb_reader *r, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(lb_reader *r, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err, sizeof r->err, fmt, ap);
    va_end(ap);
    return status;
}

int lb_reader_new(lb_reader **out, lb_format format)
{
    *out = NULL;
    lb_reader *r = calloc(1, sizeof *r);
    if (!r) return LB_ENOMEM;
    r->format = format;
    lb_buf_init(&r->line, LB_MAX_LINE_BYTES);
    lb_buf_init(&r->repaired, LB_MAX_LINE_BYTES * 3);
    lb_buf_init(&r->text, LB_MAX_FILE_BYTES);
    *out = r;
    return LB_OK;
}

static void close_source(lb_reader *r)
{
    if (r->gz) gzclose(r->gz);
    r->gz = NULL; r->cur_path = NULL; r->at_eof = 0; r->cpos = r->clen = 0; r->lineno = 0;
}

void lb_reader_free(lb_reader *r)
{
    if (!r) return;
    close_source(r);
    for (size_t i = 0; i < r->nitems; i++) { free(r->items[i].path); free(r->items[i].error); }
    free(r->items);
    if (r->json) json_decref(r->json);
    lb_buf_free(&r->line); lb_buf_free(&r->repaired); lb_buf_free(&r->text);
    free(r);
}

const char *lb_reader_errmsg(const lb_reader *r) { return r->err; }
const char *lb_reader_failed_id(const lb_reader *r) { return r->has_failed_id ? r->failed_id : NULL; }

static int push_item(lb_reader *r, const char *path, int status, const char *error)
{
    if (r->nitems == r->capitems) {
        size_t ncap = r->capitems ? r->capitems * 2 : 8;
        item *n = realloc(r->items, ncap * sizeof *n);
        if (!n) return LB_ENOMEM;
        r->items = n; r->capitems = ncap;
    }
    item *it = &r->items[r->nitems];
    it->path = strdup(path);
    it->error = error ? strdup(error) : NULL;
    it->status = status;
    if (!it->path || (error && !it->error)) { free(it->path); free(it->error); return LB_ENOMEM; }
    r->nitems++;
    return LB_OK;
}

/* In a directory walk, only files that look like articles are read: .txt,
 * .text, .jsonl, .ndjson (each maybe .gz) and names without an extension.
 * Files named on the command line are always read. */
static int article_file(const char *name)
{
    static const char *const exts[] = { ".txt", ".text", ".jsonl", ".ndjson", NULL };
    size_t n = strlen(name);
    if (n > 3 && !strcmp(name + n - 3, ".gz")) n -= 3;
    const char *dot = NULL;
    for (size_t i = 0; i < n; i++) if (name[i] == '.') dot = name + i;
    if (!dot) return 1;
    for (size_t k = 0; exts[k]; k++)
        if ((size_t)(name + n - dot) == strlen(exts[k]) && !strncmp(dot, exts[k], strlen(exts[k]))) return 1;
    return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int walk(lb_reader *r, const char *dir, int depth)
{
    char msg[LB_MAX_ERROR_BYTES];
    if (depth > LB_MAX_DIR_DEPTH) {
        snprintf(msg, sizeof msg, "%s: directory nesting deeper than %d", dir, LB_MAX_DIR_DEPTH);
        return push_item(r, dir, LB_ELIMIT, msg);
    }
    DIR *d = opendir(dir);
    if (!d) {
        snprintf(msg, sizeof msg, "%s: cannot open directory: %s", dir, strerror(errno));
        return push_item(r, dir, LB_EIO, msg);
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = LB_OK;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;   /* hidden files, . and .. */
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            char **nn = realloc(names, ncap * sizeof *nn);
            if (!nn) { rc = LB_ENOMEM; break; }
            names = nn; cap = ncap;
        }
        if (!(names[n] = strdup(e->d_name))) { rc = LB_ENOMEM; break; }
        n++;
    }
    closedir(d);
    if (n) qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n && rc == LB_OK; i++) {
        char path[4096];
        int len = snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (len < 0 || (size_t)len >= sizeof path) {
            snprintf(msg, sizeof msg, "%s/%s: path too long", dir, names[i]);
            rc = push_item(r, dir, LB_ELIMIT, msg);
            continue;
        }
        struct stat st;
        if (stat(path, &st) != 0) {
            snprintf(msg, sizeof msg, "%s: %s", path, strerror(errno));
            rc = push_item(r, path, LB_EIO, msg);
        } else if (S_ISDIR(st.st_mode)) {
            rc = walk(r, path, depth + 1);
        } else if (S_ISREG(st.st_mode) && article_file(names[i])) {
            if (r->nitems >= LB_MAX_DIR_FILES) {
                snprintf(msg, sizeof msg, "%s: more than %zu files", dir, (size_t)LB_MAX_DIR_FILES);
                rc = push_item(r, path, LB_ELIMIT, msg);
                break;
            }
            rc = push_item(r, path, LB_OK, NULL);
        }
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    return rc;
}

int lb_reader_add(lb_reader *r, const char *path)
{
    if (!path) return fail(r, LB_EUSAGE, "no path given");
    struct stat st;
    if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        char dir[4096];
        size_t n = strlen(path);
        if (n >= sizeof dir) return push_item(r, path, LB_ELIMIT, "directory path too long");
        memcpy(dir, path, n + 1);
        while (n > 1 && dir[n - 1] == '/') dir[--n] = '\0';   /* "dir/" names files "dir/x" */
        return walk(r, dir, 0);
    }
    return push_item(r, path, LB_OK, NULL);
}

/* ---- reading a source ------------------------------------------------- */

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int fill(lb_reader *r)
{
    if (r->at_eof) return 0;
    int n = gzread(r->gz, r->chunk, sizeof r->chunk);
    if (n < 0) return -1;
    if (n == 0) {
        int errnum;
        gzerror(r->gz, &errnum);
        r->at_eof = 1;
        if (errnum != Z_OK && errnum != Z_STREAM_END) return -1;
        return 0;
    }
    r->cpos = 0; r->clen = (size_t)n;
    return n;
}

static const char *gz_message(lb_reader *r)
{
    int errnum;
    const char *m = gzerror(r->gz, &errnum);
    return (m && *m) ? m : "read error";
}

static int open_source(lb_reader *r, const char *path)
{
    close_source(r);
    if (strcmp(path, "-") == 0) {
        int fd = dup(0);
        r->gz = fd >= 0 ? gzdopen(fd, "rb") : NULL;
        if (!r->gz && fd >= 0) close(fd);
    } else {
        r->gz = gzopen(path, "rb");
    }
    if (!r->gz) return fail(r, LB_EIO, "%s: cannot open: %s", path, errno ? strerror(errno) : "out of memory");
    gzbuffer(r->gz, 1 << 17);
    r->cur_path = (char *)path;
    r->cur_format = r->format;
    if (r->cur_format == LB_FORMAT_AUTO) {
        if (ends_with(path, ".jsonl") || ends_with(path, ".jsonl.gz") || ends_with(path, ".ndjson") ||
            ends_with(path, ".ndjson.gz"))
            r->cur_format = LB_FORMAT_JSONL;
        else {
            /* sniff: JSONL when the first non-blank byte is '{' */
            if (fill(r) < 0) return fail(r, LB_EIO, "%s: %s", path, gz_message(r));
            size_t i = 0;
            while (i < r->clen && (r->chunk[i] == ' ' || r->chunk[i] == '\n' || r->chunk[i] == '\r' || r->chunk[i] == '\t')) i++;
            r->cur_format = (i < r->clen && r->chunk[i] == '{') ? LB_FORMAT_JSONL : LB_FORMAT_TEXT;
        }
    }
    return LB_OK;
}

/* Reads the next line into r->line (without the newline). Returns 1 for a
 * line, 0 at end of input, LB_ELIMIT for an over-long line (skipped), LB_EIO. */
static int read_line(lb_reader *r)
{
    lb_buf_reset(&r->line);
    int overlong = 0, any = 0;
    for (;;) {
        if (r->cpos >= r->clen) {
            int n = fill(r);
            if (n < 0) return LB_EIO;
            if (n == 0) {
                if (!any) return 0;
                break;
            }
        }
        any = 1;
        unsigned char *start = r->chunk + r->cpos;
        unsigned char *nl = memchr(start, '\n', r->clen - r->cpos);
        size_t take = nl ? (size_t)(nl - start) : r->clen - r->cpos;
        if (!overlong && lb_buf_add(&r->line, start, take)) { overlong = 1; lb_buf_reset(&r->line); }
        r->cpos += take + (nl ? 1 : 0);
        if (nl) break;
    }
    r->lineno++;
    if (overlong) return LB_ELIMIT;
    if (r->line.len && r->line.data[r->line.len - 1] == '\r') r->line.data[--r->line.len] = '\0';
    return 1;
}

static const char *basename_of(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static void set_origin(lb_reader *r, size_t line)
{
    const char *name = strcmp(r->cur_path, "-") == 0 ? "<stdin>" : r->cur_path;
    if (line) snprintf(r->origin, sizeof r->origin, "%s:%zu", name, line);
    else snprintf(r->origin, sizeof r->origin, "%s", name);
}

static int next_text(lb_reader *r, lb_input *in)
{
    lb_buf_reset(&r->text);
    const char *path = r->cur_path;
    set_origin(r, 0);
    /* the sniffing may have filled the chunk already */
    for (;;) {
        if (r->cpos < r->clen) {
            if (lb_buf_add(&r->text, r->chunk + r->cpos, r->clen - r->cpos)) {
                r->at_eof = 1;
                return fail(r, LB_ELIMIT, "%s: file larger than %zu bytes; skipped", r->origin, (size_t)LB_MAX_FILE_BYTES);
            }
            r->cpos = r->clen;
        }
        int n = fill(r);
        if (n < 0) return fail(r, LB_EIO, "%s: %s after %zu bytes (truncated or corrupt?)", r->origin, gz_message(r), r->text.len);
        if (n == 0) break;
    }
    r->at_eof = 1;
    /* id: file name without .gz and one more extension */
    const char *base = strcmp(path, "-") == 0 ? "stdin" : basename_of(path);
    size_t blen = strlen(base);
    if (blen > 3 && ends_with(base, ".gz")) blen -= 3;
    for (size_t i = blen; i > 0; i--)
        if (base[i - 1] == '.') { if (i - 1 > 0) blen = i - 1; break; }
    if (blen >= sizeof r->idbuf) blen = sizeof r->idbuf - 1;
    memcpy(r->idbuf, base, blen);
    r->idbuf[blen] = '\0';
    memset(in, 0, sizeof *in);
    in->id = r->idbuf; in->id_len = blen;
    in->text = r->text.data ? r->text.data : ""; in->text_len = r->text.len;
    in->origin = r->origin;
    return LB_OK;
}

static int get_str(json_t *obj, const char *key, const char **s, size_t *len)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v)) { *s = NULL; *len = 0; return 0; }
    if (!json_is_string(v)) return -1;
    *s = json_string_value(v);
    *len = json_string_length(v);
    return 0;
}

static int next_jsonl(lb_reader *r, lb_input *in)
{
    for (;;) {
        int rc = read_line(r);
        set_origin(r, r->lineno);
        if (rc == 0) return LB_DONE;
        if (rc == LB_EIO) {
            r->at_eof = 1;
            return fail(r, LB_EIO, "%s: %s (truncated or corrupt input)", r->origin, gz_message(r));
        }
        if (rc == LB_ELIMIT)
            return fail(r, LB_ELIMIT, "%s: line longer than %zu bytes; skipped", r->origin, (size_t)LB_MAX_LINE_BYTES);
        /* blank lines are allowed between records */
        size_t i = 0;
        while (i < r->line.len && (r->line.data[i] == ' ' || r->line.data[i] == '\t')) i++;
        if (i == r->line.len) continue;
        break;
    }
    lb_buf_reset(&r->repaired);
    size_t repaired = 0;
    if (lb_utf8_repair(&r->repaired, r->line.data, r->line.len, &repaired, NULL))
        return fail(r, LB_ENOMEM, "%s: out of memory", r->origin);
    if (r->json) { json_decref(r->json); r->json = NULL; }
    json_error_t jerr;
    json_t *obj = json_loadb(r->repaired.data, r->repaired.len, JSON_ALLOW_NUL, &jerr);
    if (!obj) return fail(r, LB_EINPUT, "%s: malformed JSON at column %d: %s", r->origin, jerr.column, jerr.text);
    r->json = obj;
    if (!json_is_object(obj)) return fail(r, LB_EINPUT, "%s: a line must hold a JSON object", r->origin);
    memset(in, 0, sizeof *in);
    json_t *id = json_object_get(obj, "id");
    if (json_is_string(id)) {
        in->id = json_string_value(id); in->id_len = json_string_length(id);
    } else if (json_is_integer(id)) {
        snprintf(r->idbuf, sizeof r->idbuf, "%lld", (long long)json_integer_value(id));
        in->id = r->idbuf; in->id_len = strlen(r->idbuf);
    } else {
        return fail(r, LB_EINPUT, "%s: missing or non-string \"id\"", r->origin);
    }
    if (in->id_len >= LB_MAX_FIELD_BYTES)
        return fail(r, LB_ELIMIT, "%s: \"id\" longer than %d bytes", r->origin, LB_MAX_FIELD_BYTES - 1);
    snprintf(r->failed_id, sizeof r->failed_id, "%.*s", (int)in->id_len, in->id);
    r->has_failed_id = 1;
    if (memchr(in->id, '\0', in->id_len)) return fail(r, LB_EINPUT, "%s: \"id\" holds a NUL byte", r->origin);
    const char *html; size_t html_len;
    if (get_str(obj, "text", &in->text, &in->text_len) || get_str(obj, "html", &html, &html_len))
        return fail(r, LB_EINPUT, "%s: \"text\" and \"html\" must be strings", r->origin);
    if (!in->text) {
        if (html) return fail(r, LB_EINPUT, "%s: \"html\" input is not supported yet; give \"text\"", r->origin);
        return fail(r, LB_EINPUT, "%s: missing \"text\"", r->origin);
    }
    if (in->text_len > LB_MAX_DOC_BYTES)
        return fail(r, LB_ELIMIT, "%s: text longer than %zu bytes; skipped", r->origin, (size_t)LB_MAX_DOC_BYTES);
    static const char *const keys[] = { "date", "lang", "source", "url", "title" };
    const char **dst[] = { &in->date, &in->lang, &in->source, &in->url, &in->title };
    size_t *dlen[] = { &in->date_len, &in->lang_len, &in->source_len, &in->url_len, &in->title_len };
    for (size_t k = 0; k < 5; k++) {
        if (get_str(obj, keys[k], dst[k], dlen[k]))
            return fail(r, LB_EINPUT, "%s: \"%s\" must be a string", r->origin, keys[k]);
        if (*dlen[k] >= LB_MAX_FIELD_BYTES) { *dst[k] = NULL; *dlen[k] = 0; }
    }
    in->origin = r->origin;
    in->repaired = repaired;
    r->has_failed_id = 0;
    return LB_OK;
}

int lb_reader_next(lb_reader *r, lb_input *in)
{
    r->err[0] = '\0';
    r->has_failed_id = 0;
    for (;;) {
        if (r->gz) {
            int rc = r->cur_format == LB_FORMAT_JSONL ? next_jsonl(r, in) : next_text(r, in);
            if (rc == LB_DONE) { close_source(r); continue; }
            /* a text file is one document; an I/O error ends the file */
            if (r->cur_format == LB_FORMAT_TEXT || rc == LB_EIO) { gzclose(r->gz); r->gz = NULL; }
            return rc;
        }
        if (r->next_item >= r->nitems) return LB_DONE;
        item *it = &r->items[r->next_item++];
        if (it->status != LB_OK) return fail(r, it->status, "%s", it->error);
        int rc = open_source(r, it->path);
        if (rc != LB_OK) { close_source(r); return rc; }
    }
}
