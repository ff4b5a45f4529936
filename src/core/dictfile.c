/* dictfile.c: line reader for dictionary files (see dictfile.h). */
#include "core/dictfile.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "core/wordset.h"
#include "lagebild.h"
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* s[0..*len) without leading and trailing spaces (a line holds no CR or LF:
 * read_line ends it there); writes the terminating NUL */
static char *trim(char *s, size_t *len)
{
    char *e = s + *len;
    while (s < e && *s == ' ') s++;
    while (e > s && e[-1] == ' ') e--;
    *e = '\0';
    *len = (size_t)(e - s);
    return s;
}

/* no NUL byte and valid UTF-8: 8 ASCII bytes a step, the validator only
 * for a line with other bytes */
static int clean_text(const char *s, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if ((w & 0x8080808080808080ull) || ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull)) break;
    }
    for (; i < n; i++) if ((unsigned char)s[i] - 1u >= 0x7fu) break;   /* NUL or not ASCII */
    if (i == n) return 1;
    return !memchr(s + i, '\0', n - i) && lb_utf8_valid_prefix(s + i, n - i) == n - i;
}

/* Splits a trimmed line of len bytes at TABs into dl's fields; 0, or -1
 * when it has more than LB_DICT_MAX_FIELDS. */
static int split_fields(char *s, size_t len, lb_dict_line *dl)
{
    char *end = s + len;
    for (;;) {
        if (dl->nfields == LB_DICT_MAX_FIELDS) return -1;
        char *tab = memchr(s, '\t', (size_t)(end - s));
        size_t fl = (size_t)((tab ? tab : end) - s);
        dl->field[dl->nfields] = trim(s, &fl);
        dl->flen[dl->nfields++] = fl;
        if (!tab) return 0;
        s = tab + 1;
    }
}

/* A file read in blocks, so that a line costs a few memchr calls, not one
 * library call per byte. */
typedef struct {
    FILE *f;
    char blk[1 << 16];
    size_t pos, len;
    int eof, error;
} rdbuf;

static int rd_fill(rdbuf *r)
{
    if (r->pos < r->len) return 1;
    if (r->eof) return 0;
    r->pos = 0;
    r->len = fread(r->blk, 1, sizeof r->blk, r->f);
    if (r->len < sizeof r->blk) { r->eof = 1; r->error = ferror(r->f); }
    return r->len > 0;
}

/* Reads one line (without its '\n', '\r\n' or lone '\r') into buf, which
 * holds cap bytes; never keeps more than cap - 1 bytes of a line, so a huge
 * line (/dev/zero) costs no memory. Returns the length, -1 at the end of the
 * file, -2 for a line longer than cap - 1 bytes, -3 on a read error. */
static long read_line(rdbuf *r, char *buf, size_t cap)
{
    size_t n = 0;
    int any = 0, cr = 0;
    while (rd_fill(r)) {
        any = 1;
        const char *p = r->blk + r->pos;
        size_t avail = r->len - r->pos;
        const char *nl = memchr(p, '\n', avail);
        size_t k = nl ? (size_t)(nl - p) : avail;
        const char *crp = memchr(p, '\r', k);
        if (crp) k = (size_t)(crp - p);
        if (n + k >= cap) return -2;
        memcpy(buf + n, p, k);
        n += k;
        r->pos += k;
        if (k < avail) {   /* a line end */
            cr = p[k] == '\r';
            r->pos++;
            break;
        }
    }
    if (cr && rd_fill(r) && r->blk[r->pos] == '\n') r->pos++;   /* CRLF */
    if (r->error) return -3;
    if (!any) return -1;
    buf[n] = '\0';
    return (long)n;
}

int lb_dict_read(const char *path, lb_dict_cb cb, void *user, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno)); return LB_EIO; }
    char *line = malloc(LB_MAX_DICT_LINE_BYTES + 1);
    rdbuf *rd = malloc(sizeof *rd);
    if (rd) { rd->f = f; rd->pos = rd->len = 0; rd->eof = rd->error = 0; }
    if (!line || !rd) { free(line); free(rd); fclose(f); snprintf(err, errlen, "%s: out of memory", path); return LB_ENOMEM; }
    size_t lineno = 0, entries = 0;
    long n;
    int rc = 0;
    while ((n = read_line(rd, line, LB_MAX_DICT_LINE_BYTES + 1)) != -1) {
        lineno++;
        if (n == -3) { snprintf(err, errlen, "%s:%zu: read error", path, lineno); rc = LB_EIO; break; }
        if (n == -2) {
            snprintf(err, errlen, "%s:%zu: line longer than %zu bytes", path, lineno, (size_t)LB_MAX_DICT_LINE_BYTES);
            rc = LB_EDATA; break;
        }
        if (lineno > LB_MAX_DICT_LINES) {
            snprintf(err, errlen, "%s:%zu: more than %zu lines", path, lineno, (size_t)LB_MAX_DICT_LINES);
            rc = LB_EDATA; break;
        }
        if (!clean_text(line, (size_t)n)) {
            snprintf(err, errlen, "%s:%zu: invalid UTF-8 or NUL byte", path, lineno);
            rc = LB_EDATA; break;
        }
        size_t len = (size_t)n;
        char *s = line;
        if (lineno == 1 && n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) { s += 3; len -= 3; }   /* UTF-8 byte-order mark */
        s = trim(s, &len);
        if (len == 0 || s[0] == '#') continue;
        if (++entries > LB_MAX_DICT_ENTRIES) {
            snprintf(err, errlen, "%s:%zu: more than %zu entries", path, lineno, (size_t)LB_MAX_DICT_ENTRIES);
            rc = LB_EDATA; break;
        }
        lb_dict_line dl = { .path = path, .lineno = lineno };
        if (split_fields(s, len, &dl)) {
            snprintf(err, errlen, "%s:%zu: more than %d fields", path, lineno, LB_DICT_MAX_FIELDS);
            rc = LB_EDATA; break;
        }
        char msg[LB_MAX_ERROR_BYTES];
        msg[0] = '\0';
        if (cb(&dl, user, msg, sizeof msg)) {
            snprintf(err, errlen, "%s:%zu: %s", path, lineno, msg[0] ? msg : "rejected");
            rc = strcmp(msg, "out of memory") ? LB_EDATA : LB_ENOMEM;
            break;
        }
    }
    free(line);
    free(rd);
    fclose(f);
    return rc;
}

static int word_cb(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    uint32_t v = 1;
    if (l->nfields > 1 && l->flen[1]) {
        char *end;
        unsigned long x = strtoul(l->field[1], &end, 10);
        if (*end || x > UINT32_MAX) { snprintf(err, errlen, "second field must be a number: '%s'", l->field[1]); return 1; }
        v = (uint32_t)x;
    }
    if (lb_wordset_put(user, l->field[0], l->flen[0], v)) { snprintf(err, errlen, "out of memory"); return 1; }
    return 0;
}

int lb_dict_load_words(struct lb_wordset *set, const char *path, char *err, size_t errlen)
{
    return lb_dict_read(path, word_cb, set, err, errlen);
}
