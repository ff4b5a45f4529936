/* cmd_query.c: options, store opening and output formatting shared by the
 * query commands. Output only: all querying is done by the library. */
#include "cli/cmd_query.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int lb_qopt(lb_qopts *o, int argc, char **argv, int *i, const char *cmd)
{
    static const struct { const char *name; size_t off; } strs[] = {
        { "--actor", offsetof(lb_store_filter, actor) },
        { "--recipient", offsetof(lb_store_filter, recipient) },
        { "--type", offsetof(lb_store_filter, type) },
        { "--since", offsetof(lb_store_filter, since) },
        { "--until", offsetof(lb_store_filter, until) },
        { "--source", offsetof(lb_store_filter, source) },
        { "--speaker", offsetof(lb_store_filter, speaker) },
        { "--about", offsetof(lb_store_filter, about) },
    };
    const char *a = argv[*i];
    int known = !strcmp(a, "--db") || !strcmp(a, "--format") || !strcmp(a, "--limit");
    size_t k = 0;
    for (; k < sizeof strs / sizeof strs[0] && !known; k++)
        if (!strcmp(a, strs[k].name)) { known = 2; break; }
    if (!known) return 0;
    if (*i + 1 >= argc) { fprintf(stderr, "lagebild %s: %s needs a value\n", cmd, a); return -1; }
    const char *v = argv[++*i];
    if (known == 2) { *(const char **)((char *)&o->f + strs[k].off) = v; return 1; }
    if (!strcmp(a, "--db")) { o->db = v; return 1; }
    if (!strcmp(a, "--limit")) {
        char *end;
        unsigned long long n = strtoull(v, &end, 10);
        if (*end || !*v || v[0] == '-' || n == 0) {
            fprintf(stderr, "lagebild %s: --limit needs a positive number\n", cmd);
            return -1;
        }
        o->f.limit = (size_t)n;
        return 1;
    }
    if (!strcmp(v, "table")) o->format = LB_OUT_TABLE;
    else if (!strcmp(v, "json")) o->format = LB_OUT_JSON;
    else if (!strcmp(v, "csv")) o->format = LB_OUT_CSV;
    else { fprintf(stderr, "lagebild %s: --format must be table, json or csv\n", cmd); return -1; }
    return 1;
}

lb_store *lb_qopen(const lb_qopts *o, const char *cmd)
{
    const char *path = o->db ? o->db : LB_DEFAULT_DB;
    if (access(path, F_OK) != 0) {
        fprintf(stderr, "lagebild %s: %s: no such database (run 'lagebild ingest' first)\n", cmd, path);
        return NULL;
    }
    lb_store *s = NULL;
    if (lb_store_open(&s, path, LB_STORE_READONLY) != LB_OK) {
        fprintf(stderr, "lagebild %s: %s\n", cmd, lb_store_errmsg(s));
        lb_store_close(s);
        return NULL;
    }
    return s;
}

static void json_str(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20) fprintf(out, "\\u%04x", *p);
            else fputc(*p, out);
        }
    }
    fputc('"', out);
}

static void csv_str(FILE *out, const char *s)
{
    if (!strpbrk(s, ",\"\r\n")) { fputs(s, out); return; }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"') fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void json_row(FILE *out, lb_cursor *c)
{
    size_t n = lb_cursor_ncols(c);
    fputc('{', out);
    for (size_t i = 0; i < n; i++) {
        if (i) fputc(',', out);
        json_str(out, lb_cursor_colname(c, i));
        fputc(':', out);
        int t = lb_cursor_type(c, i);
        const char *v = lb_cursor_text(c, i);
        if (t == LB_VAL_NULL || !v) fputs("null", out);
        else if (t == LB_VAL_TEXT) json_str(out, v);
        else fputs(v, out);
    }
    fputc('}', out);
}

/* Display width of UTF-8 text, counting code points (not bytes). */
static size_t width(const char *s)
{
    size_t w = 0;
    for (; *s; s++) if (((unsigned char)*s & 0xC0) != 0x80) w++;
    return w;
}

#define CELL_MAX 72   /* table cells are cut to this many characters */

/* A copy of s for a table cell: newlines flattened, cut at CELL_MAX. */
static char *cell(const char *s)
{
    if (!s) return strdup("");
    size_t n = strlen(s), total = width(s), w = 0, o = 0;
    char *r = malloc(n + 4);
    if (!r) return NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if ((ch & 0xC0) != 0x80) {
            if (total > CELL_MAX && w == CELL_MAX - 1) { memcpy(r + o, "\xe2\x80\xa6", 3); o += 3; break; }
            w++;
        }
        r[o++] = (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : (char)ch;
    }
    r[o] = '\0';
    return r;
}

static int print_table(lb_cursor *c, lb_store *s, FILE *out, const char *cmd, int *got)
{
    size_t n = lb_cursor_ncols(c), rows = 0, cap = 0;
    char **cells = NULL;
    int *numeric = calloc(n ? n : 1, sizeof *numeric);
    size_t *w = calloc(n ? n : 1, sizeof *w);
    int rc = 0, st;
    if (!numeric || !w) { free(numeric); free(w); fprintf(stderr, "lagebild %s: out of memory\n", cmd); return 1; }
    for (size_t i = 0; i < n; i++) w[i] = width(lb_cursor_colname(c, i));
    while ((st = lb_cursor_next(c)) == LB_OK) {
        if (rows == cap) {
            cap = cap ? cap * 2 : 64;
            char **nc = realloc(cells, cap * n * sizeof *nc);
            if (!nc) { rc = 1; break; }
            cells = nc;
        }
        for (size_t i = 0; i < n; i++) {
            char *v = cell(lb_cursor_text(c, i));
            cells[rows * n + i] = v;
            if (!v) { rc = 1; continue; }
            int t = lb_cursor_type(c, i);
            if (t == LB_VAL_INT || t == LB_VAL_REAL) numeric[i] = 1;
            size_t vw = width(v);
            if (vw > w[i]) w[i] = vw;
        }
        rows++;
    }
    if (st < 0) { fprintf(stderr, "lagebild %s: %s\n", cmd, lb_store_errmsg(s)); rc = 1; }
    *got = (int)rows;
    for (size_t i = 0; i < n; i++) {
        const char *h = lb_cursor_colname(c, i);
        fprintf(out, "%s%s%*s", i ? "  " : "", h, i + 1 < n ? (int)(w[i] - width(h)) : 0, "");
    }
    fputc('\n', out);
    for (size_t i = 0; i < n; i++) {
        if (i) fputs("  ", out);
        for (size_t k = 0; k < w[i]; k++) fputc('-', out);
    }
    fputc('\n', out);
    for (size_t r = 0; r < rows; r++) {
        for (size_t i = 0; i < n; i++) {
            const char *v = cells[r * n + i] ? cells[r * n + i] : "";
            int pad = (int)(w[i] - width(v));
            if (i) fputs("  ", out);
            if (numeric[i]) fprintf(out, "%*s%s", pad, "", v);
            else fprintf(out, "%s%*s", v, i + 1 < n ? pad : 0, "");
        }
        fputc('\n', out);
    }
    if (lb_cursor_truncated(c))
        fprintf(out, "(first %zu rows shown; more matched: use --limit N)\n", lb_cursor_limit(c));
    else
        fprintf(out, "(%zu row%s)\n", rows, rows == 1 ? "" : "s");
    for (size_t r = 0; r < rows * n; r++) free(cells[r]);
    free(cells);
    free(numeric);
    free(w);
    return rc;
}

int lb_qprint(lb_cursor *c, lb_store *s, int format, int single, FILE *out, const char *cmd)
{
    int st, rc = 0, rows = 0;
    size_t n = lb_cursor_ncols(c);
    if (format == LB_OUT_TABLE) {
        rc = print_table(c, s, out, cmd, &rows);
        return rc;
    }
    if (format == LB_OUT_CSV) {
        for (size_t i = 0; i < n; i++) { if (i) fputc(',', out); csv_str(out, lb_cursor_colname(c, i)); }
        fputc('\n', out);
    }
    if (format == LB_OUT_JSON && !single) fputc('[', out);
    while ((st = lb_cursor_next(c)) == LB_OK) {
        if (format == LB_OUT_JSON) {
            if (single && rows) continue;
            if (rows && !single) fputc(',', out);
            if (!single) fputc('\n', out);
            json_row(out, c);
        } else if (format == LB_OUT_JSONL) {
            /* one column holding a JSON record */
            const char *v = lb_cursor_text(c, 0);
            fputs(v ? v : "null", out);
            fputc('\n', out);
        } else {
            for (size_t i = 0; i < n; i++) {
                if (i) fputc(',', out);
                const char *v = lb_cursor_text(c, i);
                if (v) csv_str(out, v);
            }
            fputc('\n', out);
        }
        rows++;
    }
    if (format == LB_OUT_JSON) {
        if (single && !rows) fputs("{}", out);
        fputs(single ? "\n" : "\n]\n", out);
    }
    if (st < 0) { fprintf(stderr, "lagebild %s: %s\n", cmd, lb_store_errmsg(s)); rc = 1; }
    if (lb_cursor_truncated(c))
        fprintf(stderr, "lagebild %s: first %zu rows shown; more matched: use --limit N\n", cmd, lb_cursor_limit(c));
    return rc;
}

int lb_qrun(lb_store *s, lb_query q, const lb_qopts *o, int single, const char *cmd)
{
    lb_cursor *c = NULL;
    int rc = lb_store_query(&c, s, q, &o->f);
    if (rc != LB_OK) {
        fprintf(stderr, "lagebild %s: %s\n", cmd, lb_store_errmsg(s));
        return rc == LB_EUSAGE ? 2 : 1;
    }
    rc = lb_qprint(c, s, o->format, single, stdout, cmd);
    lb_cursor_free(c);
    fflush(stdout);
    if (ferror(stdout)) { fprintf(stderr, "lagebild %s: error writing output\n", cmd); rc = 1; }
    return rc;
}
