/* reader.c: documents from plain-text files, directories, JSONL, HTML pages,
 * WARC archives (warc.c) and stdin, gzip-compressed or not (zlib reads
 * both transparently, also gzip members per WARC record).
 * It only reads and splits input into lb_input records; it does not clean or
 * annotate. Errors name the file and line; the batch always goes on. */
#include "read/reader_internal.h"
#include "read/warc.h"
#include "core/buf.h"
#include "core/limits.h"
#include "core/utf8.h"
#include <dirent.h>
#include <limits.h>
#include <strings.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

typedef struct item { char *path; char *error; int status; int64_t size; /* -1 unknown */ } item;
typedef struct dir_id { dev_t dev; ino_t ino; } dir_id;

struct lb_reader {
    lb_format format;
    item *items; size_t nitems, capitems, next_item;
    /* progress: bytes of the queued files, of the items before the current one */
    uint64_t bytes_total, bytes_before;
    int size_unknown;
    int64_t cur_size;
    /* the directories one walk has entered (a hash set by device and inode):
     * a symbolic link back to one of them is skipped, not followed again */
    dir_id *seen; size_t nseen, capseen;
    /* the source being read */
    gzFile gz;
    char *cur_path;           /* borrowed from items */
    lb_format cur_format;
    int cur_html, cur_warc;   /* an HTML page (text format) or a WARC file */
    lb_warc *warc;
    lb_buf conv;              /* an HTML page converted to UTF-8 */
    size_t lineno;
    int after_cr;              /* the last line ended with '\r': a '\n' next belongs to it */
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
    lb_buf_init(&r->conv, LB_MAX_DOC_BYTES);
    if (!(r->warc = lb_warc_new())) { lb_reader_free(r); return LB_ENOMEM; }
    *out = r;
    return LB_OK;
}

static void close_source(lb_reader *r)
{
    if (r->gz) gzclose(r->gz);
    r->gz = NULL; r->cur_path = NULL; r->at_eof = 0; r->cpos = r->clen = 0; r->lineno = 0; r->after_cr = 0;
    r->cur_html = r->cur_warc = 0;
}

void lb_reader_free(lb_reader *r)
{
    if (!r) return;
    close_source(r);
    for (size_t i = 0; i < r->nitems; i++) { free(r->items[i].path); free(r->items[i].error); }
    free(r->items);
    free(r->seen);
    if (r->json) json_decref(r->json);
    lb_buf_free(&r->line); lb_buf_free(&r->repaired); lb_buf_free(&r->text); lb_buf_free(&r->conv);
    lb_warc_free(r->warc);
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
    it->size = -1;
    if (!it->path || (error && !it->error)) { free(it->path); free(it->error); return LB_ENOMEM; }
    r->nitems++;
    return LB_OK;
}

/* Queues a file to read with its size st (for progress), or unknown size. */
static int push_file(lb_reader *r, const char *path, const struct stat *st)
{
    int rc = push_item(r, path, LB_OK, NULL);
    if (rc) return rc;
    if (st && S_ISREG(st->st_mode)) {
        r->items[r->nitems - 1].size = st->st_size;
        r->bytes_total += (uint64_t)st->st_size;
    } else r->size_unknown = 1;
    return LB_OK;
}

int lb_reader_progress(uint64_t *done, uint64_t *total, const lb_reader *r)
{
    uint64_t cur = 0;
    if (r->gz) {
        z_off_t off = gzoffset(r->gz);
        cur = off > 0 ? (uint64_t)off : 0;
        if (r->cur_size >= 0 && cur > (uint64_t)r->cur_size) cur = (uint64_t)r->cur_size;
    }
    if (!r->gz && r->cur_size > 0) cur = (uint64_t)r->cur_size;   /* closed, not yet passed */
    *done = r->bytes_before + cur;
    *total = r->size_unknown ? 0 : r->bytes_total;
    if (*total && *done > *total) *done = *total;
    return LB_OK;
}

/* In a directory walk, only files that look like articles are read: .txt,
 * .text, .jsonl, .ndjson, .html, .htm, .warc (each maybe .gz) and names
 * without an extension.
 * Files named on the command line are always read. */
static int article_file(const char *name)
{
    static const char *const exts[] = { ".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm", ".warc", NULL };
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

static size_t dir_slot(const dir_id *set, size_t cap, const struct stat *st)
{
    size_t h = ((size_t)st->st_ino * 0x9E3779B97F4A7C15u) ^ (size_t)st->st_dev;
    for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1))
        if ((!set[i].dev && !set[i].ino) || (set[i].dev == st->st_dev && set[i].ino == st->st_ino)) return i;
}

/* Remembers the directory st: 1 when new, 0 when entered before in this
 * walk, LB_ENOMEM. (Device and inode 0 together never name a directory.) */
static int remember_dir(lb_reader *r, const struct stat *st)
{
    if (2 * (r->nseen + 1) > r->capseen) {
        size_t ncap = r->capseen ? r->capseen * 2 : 64;
        dir_id *n = calloc(ncap, sizeof *n);
        if (!n) return LB_ENOMEM;
        for (size_t i = 0; i < r->capseen; i++) {
            if (!r->seen[i].dev && !r->seen[i].ino) continue;
            struct stat old = { .st_dev = r->seen[i].dev, .st_ino = r->seen[i].ino };
            n[dir_slot(n, ncap, &old)] = r->seen[i];
        }
        free(r->seen);
        r->seen = n; r->capseen = ncap;
    }
    size_t i = dir_slot(r->seen, r->capseen, st);
    if (r->seen[i].dev == st->st_dev && r->seen[i].ino == st->st_ino && (st->st_dev || st->st_ino)) return 0;
    r->seen[i] = (dir_id){ st->st_dev, st->st_ino };
    r->nseen++;
    return 1;
}

/* Queues the article files under dir (whose stat is st), sorted by name. */
static int walk(lb_reader *r, const char *dir, const struct stat *dst, int depth)
{
    char msg[LB_MAX_ERROR_BYTES];
    int fresh = remember_dir(r, dst);
    if (fresh < 0) return fresh;
    if (!fresh) {
        snprintf(msg, sizeof msg, "%s: directory visited already (a symbolic link loop?), skipped", dir);
        return push_item(r, dir, LB_EINPUT, msg);
    }
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
            rc = walk(r, path, &st, depth + 1);
        } else if (S_ISREG(st.st_mode) && article_file(names[i])) {
            if (r->nitems >= LB_MAX_DIR_FILES) {
                snprintf(msg, sizeof msg, "%s: more than %zu files", dir, (size_t)LB_MAX_DIR_FILES);
                rc = push_item(r, path, LB_ELIMIT, msg);
                break;
            }
            rc = push_file(r, path, &st);
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
    int known = strcmp(path, "-") != 0 && stat(path, &st) == 0;
    if (known && S_ISDIR(st.st_mode)) {
        char dir[4096];
        size_t n = strlen(path);
        if (n >= sizeof dir) return push_item(r, path, LB_ELIMIT, "directory path too long");
        memcpy(dir, path, n + 1);
        while (n > 1 && dir[n - 1] == '/') dir[--n] = '\0';   /* "dir/" names files "dir/x" */
        r->nseen = 0;                                         /* each path is one walk */
        if (r->seen) memset(r->seen, 0, r->capseen * sizeof *r->seen);
        return walk(r, dir, &st, 0);
    }
    return push_file(r, path, known ? &st : NULL);
}

/* ---- reading a source ------------------------------------------------- */

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* A UTF-8 byte-order mark at the start of the chunk (the file's first bytes when sniffing). */
static int has_bom(const lb_reader *r)
{
    return r->clen >= 3 && !memcmp(r->chunk, "\xEF\xBB\xBF", 3);
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

/* The WARC reader's input: what the sniffing buffered, then the file. */
static long warc_read(void *user, void *buf, size_t n)
{
    lb_reader *r = user;
    if (r->cpos < r->clen) {
        size_t take = r->clen - r->cpos < n ? r->clen - r->cpos : n;
        memcpy(buf, r->chunk + r->cpos, take);
        r->cpos += take;
        return (long)take;
    }
    if (n > INT_MAX) n = INT_MAX;
    int got = gzread(r->gz, buf, (unsigned)n);
    if (got < 0) return -1;
    if (got == 0) {
        int errnum;
        gzerror(r->gz, &errnum);
        if (errnum != Z_OK && errnum != Z_STREAM_END) return -1;
    }
    return got;
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
            size_t i = has_bom(r) ? 3 : 0;
            while (i < r->clen && (r->chunk[i] == ' ' || r->chunk[i] == '\n' || r->chunk[i] == '\r' || r->chunk[i] == '\t')) i++;
            /* binary data that happens to start with '{' is no JSONL (it is refused as text) */
            r->cur_format = (i < r->clen && r->chunk[i] == '{' && !lb_binary_kind(r->chunk, r->clen)) ? LB_FORMAT_JSONL
                                                                                                  : LB_FORMAT_TEXT;
        }
    }
    if (r->cur_format == LB_FORMAT_TEXT) {
        static const char *const html_ext[] = { ".html", ".htm", ".html.gz", ".htm.gz", ".xhtml", NULL };
        for (size_t k = 0; html_ext[k]; k++) r->cur_html |= ends_with(path, html_ext[k]);
        r->cur_warc = ends_with(path, ".warc") || ends_with(path, ".warc.gz");
        if (!r->cur_html && !r->cur_warc && r->format == LB_FORMAT_AUTO) {
            /* sniff: a WARC version line, or a page that starts like HTML */
            if (r->clen == 0 && fill(r) < 0) return fail(r, LB_EIO, "%s: %s", path, gz_message(r));
            size_t i = has_bom(r) ? 3 : 0;
            while (i < r->clen && (r->chunk[i] == ' ' || r->chunk[i] == '\n' || r->chunk[i] == '\r' || r->chunk[i] == '\t')) i++;
            const char *c = (const char *)r->chunk + i;
            size_t left = r->clen - i;
            r->cur_warc = left >= 7 && !memcmp(c, "WARC/1.", 7);
            r->cur_html = (left >= 14 && !strncasecmp(c, "<!doctype html", 14)) || (left >= 5 && !strncasecmp(c, "<html", 5));
        }
        if (r->cur_warc) lb_warc_start(r->warc, warc_read, r);
    }
    return LB_OK;
}

/* Skips whitespace and blank lines cheaply (no per-line work), counting
 * them; also a UTF-8 byte-order mark at the start of the file. Returns 0 or
 * -1 on a read error. */
static int skip_blank(lb_reader *r)
{
    for (;;) {
        if (r->cpos >= r->clen) {
            int n = fill(r);
            if (n < 0) return -1;
            if (n == 0) return 0;
        }
        if (r->lineno == 0 && r->clen - r->cpos >= 3 && !memcmp(r->chunk + r->cpos, "\xEF\xBB\xBF", 3)) r->cpos += 3;
        while (r->cpos < r->clen) {
            unsigned char c = r->chunk[r->cpos];
            if (c == '\n') { if (!r->after_cr) r->lineno++; r->after_cr = 0; }
            else if (c == '\r') { r->lineno++; r->after_cr = 1; }
            else if (c == ' ' || c == '\t') r->after_cr = 0;
            else return 0;
            r->cpos++;
        }
    }
}

/* Reads the next line into r->line (without the line end: '\n', '\r\n' or a
 * lone '\r'). Returns 1 for a line, 0 at end of input, LB_ELIMIT for an
 * over-long line (skipped), LB_EIO. */
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
        if (r->after_cr && r->chunk[r->cpos] == '\n') r->cpos++;
        r->after_cr = 0;
        if (r->cpos >= r->clen) continue;
        any = 1;
        unsigned char *start = r->chunk + r->cpos, *end = r->chunk + r->clen, *e = start;
        while (e < end && *e != '\n' && *e != '\r') e++;
        size_t take = (size_t)(e - start);
        if (!overlong && lb_buf_add(&r->line, start, take)) { overlong = 1; lb_buf_reset(&r->line); }
        r->cpos += take + (e < end ? 1 : 0);
        if (e < end) { r->after_cr = *e == '\r'; break; }
    }
    r->lineno++;
    if (overlong) return LB_ELIMIT;
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

/* A byte-order mark is dropped; a lone '\r' (old Mac line end) becomes '\n'
 * ('\r\n' stays), so the text stage sees the lines. */
static void lone_cr_to_lf(lb_buf *t)
{
    if (!t->data) return;
    if (t->len >= 3 && !memcmp(t->data, "\xEF\xBB\xBF", 3)) {
        memmove(t->data, t->data + 3, t->len - 3);
        t->len -= 3;
        t->data[t->len] = '\0';
    }
    char *p = t->data, *end = t->data + t->len;
    while ((p = memchr(p, '\r', (size_t)(end - p)))) {
        if (p + 1 >= end || p[1] != '\n') *p = '\n';
        p++;
    }
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
    lone_cr_to_lf(&r->text);
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
    if (!r->cur_html && lb_is_table_file(path))
        return fail(r, LB_EINPUT, "%s: a CSV or TSV table is not an article; write one JSON object per line "
                    "({\"id\",\"text\",\"date\",...}, see the README) and read that as JSONL", r->origin);
    const char *binary = r->cur_html ? NULL : lb_binary_kind((const unsigned char *)in->text, in->text_len);
    if (binary) return fail(r, LB_EINPUT, "%s: %s is not an article; skipped", r->origin, binary);
    if (r->cur_html) {
        if (lb_html_to_utf8(&r->conv, in->text, in->text_len, NULL, 0))
            return fail(r, LB_ELIMIT, "%s: page too large after conversion to UTF-8; skipped", r->origin);
        in->text = r->conv.data ? r->conv.data : ""; in->text_len = r->conv.len;
        in->is_html = 1;
    }
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
        if (skip_blank(r) < 0) {
            r->at_eof = 1;
            set_origin(r, r->lineno + 1);
            return fail(r, LB_EIO, "%s: %s (truncated or corrupt input)", r->origin, gz_message(r));
        }
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
    if (!in->text && html) { in->text = html; in->text_len = html_len; in->is_html = 1; }
    if (!in->text) return fail(r, LB_EINPUT, "%s: missing \"text\" or \"html\"", r->origin);
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

/* The next HTML page of a WARC file; id "file:record", url and date from the record. */
static int next_warc(lb_reader *r, lb_input *in)
{
    lb_warc_page page;
    char why[LB_MAX_ERROR_BYTES - 64];
    set_origin(r, 0);
    int rc = lb_warc_next(r->warc, &page, why, sizeof why);
    if (rc == LB_DONE) return LB_DONE;
    if (rc) {
        if (rc == LB_EIO) r->at_eof = 1;
        if (rc == LB_EIO) return fail(r, rc, "%s: %s (truncated or corrupt input)", r->origin, why);
        return fail(r, rc, "%s: %s", r->origin, why);
    }
    const char *base = strcmp(r->cur_path, "-") == 0 ? "stdin" : basename_of(r->cur_path);
    size_t blen = strlen(base);
    if (ends_with(base, ".gz")) blen -= 3;
    if (blen > 5 && !strncmp(base + blen - 5, ".warc", 5)) blen -= 5;
    if (blen > 200) blen = 200;
    snprintf(r->idbuf, sizeof r->idbuf, "%.*s:%zu", (int)blen, base, page.record);
    set_origin(r, page.record);
    memset(in, 0, sizeof *in);
    in->id = r->idbuf; in->id_len = strlen(r->idbuf);
    in->text = page.html; in->text_len = page.html_len; in->is_html = 1;
    if (page.url_len) { in->url = page.url; in->url_len = page.url_len; }
    if (page.date_len) { in->date = page.date; in->date_len = page.date_len; }
    in->origin = r->origin;
    return LB_OK;
}

int lb_reader_next(lb_reader *r, lb_input *in)
{
    r->err[0] = '\0';
    r->has_failed_id = 0;
    for (;;) {
        if (r->gz) {
            int rc = r->cur_format == LB_FORMAT_JSONL ? next_jsonl(r, in) : r->cur_warc ? next_warc(r, in) : next_text(r, in);
            if (rc == LB_DONE) { close_source(r); continue; }
            /* a text file is one document; an I/O error ends the file */
            if ((r->cur_format == LB_FORMAT_TEXT && !r->cur_warc) || rc == LB_EIO) { gzclose(r->gz); r->gz = NULL; }
            return rc;
        }
        /* the item before is done with: its bytes count as read */
        if (r->cur_size > 0) r->bytes_before += (uint64_t)r->cur_size;
        r->cur_size = -1;
        if (r->next_item >= r->nitems) return LB_DONE;
        item *it = &r->items[r->next_item++];
        r->cur_size = it->size;
        if (it->status != LB_OK) return fail(r, it->status, "%s", it->error);
        int rc = open_source(r, it->path);
        if (rc != LB_OK) { close_source(r); return rc; }
        /* plain data appended to a gzip file: zlib would drop it quietly */
        uint64_t off = 0, len = 0;
        if (strcmp(it->path, "-") != 0 && !gzdirect(r->gz) && lb_gz_trailing(it->path, &off, &len) == 1)
            return fail(r, LB_EINPUT, "%s: offset %llu: %llu bytes after the end of the gzip data are not gzip"
                        " and are not read (compress them, or give them as a file of their own)",
                        it->path, (unsigned long long)off, (unsigned long long)len);
    }
}
