/* cmd_query.c: options, store opening and output formatting shared by the
 * query commands. Output only: all querying is done by the library. Text
 * from the database is made safe on the way out (safe_text.c): no control
 * character reaches a terminal, no CSV cell is a spreadsheet formula. */
#include "cli/cmd_query.h"
#include "cli/cli.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/ioctl.h>

/* --include negated,hypothetical (or all): brings flagged events into counts. */
static int parse_include(lb_qopts *o, const char *v, const char *cmd)
{
    size_t bad = 0;
    if (lb_filter_parse_include(&o->f.include, &bad, v)) {
        fprintf(stderr, "lagebild %s: --include takes negated, hypothetical or all (comma-separated), not '%.*s'\n",
                cmd, (int)strcspn(v + bad, ","), v + bad);
        return -1;
    }
    return 1;
}

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
    int known = !strcmp(a, "--db") || !strcmp(a, "--format") || !strcmp(a, "--limit") || !strcmp(a, "--include");
    size_t k = 0;
    for (; k < sizeof strs / sizeof strs[0] && !known; k++)
        if (!strcmp(a, strs[k].name)) { known = 2; break; }
    if (!known) return 0;
    if (*i + 1 >= argc) { fprintf(stderr, "lagebild %s: %s needs a value\n", cmd, a); return -1; }
    const char *v = argv[++*i];
    if (known == 2) {
        if (!strcmp(a, "--type") && !lb_filter_type_valid(v)) {
            fprintf(stderr, "lagebild %s: --type '%s' is no PLOVER event type ('lagebild codes' lists them)\n", cmd, v);
            return -1;
        }
        if ((!strcmp(a, "--since") || !strcmp(a, "--until")) && !lb_filter_date_valid(v)) {
            fprintf(stderr, "lagebild %s: %s '%s' is no date (YYYY, YYYY-MM or YYYY-MM-DD)\n", cmd, a, v);
            return -1;
        }
        *(const char **)((char *)&o->f + strs[k].off) = v;
        return 1;
    }
    if (!strcmp(a, "--include")) return parse_include(o, v, cmd);
    if (!strcmp(a, "--db")) { o->db = v; return 1; }
    if (!strcmp(a, "--limit")) {
        char *end;
        unsigned long long n = strtoull(v, &end, 10);
        if (*end || v[0] < '0' || v[0] > '9' || n == 0 || n > 1000000000ULL) {
            fprintf(stderr, "lagebild %s: --limit needs a number from 1 to 1000000000\n", cmd);
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
    for (size_t i = 0, n = strlen(s); i < n;) {
        uint32_t cp;
        size_t len = lb_cli_utf8_next(s + i, n - i, &cp);
        switch (cp) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (lb_cli_is_control(cp) || cp == 0xFFFD) fprintf(out, "\\u%04x", (unsigned)cp);
            else fwrite(s + i, 1, len, out);
        }
        i += len;
    }
    fputc('"', out);
}

/* A CSV cell: control characters replaced, a text cell that a spreadsheet
 * would take for a formula (=, +, -, @) prefixed with a single quote. */
static void csv_str(FILE *out, const char *s, int text)
{
    char *safe = lb_cli_safe_text(s, strlen(s), LB_SAFE_KEEP_NL);
    const char *v = safe ? safe : "";
    const char *pre = text && lb_cli_csv_formula(v) ? "'" : "";
    if (!strpbrk(v, ",\"\r\n")) fprintf(out, "%s%s", pre, v);
    else {
        fprintf(out, "\"%s", pre);
        for (const char *p = v; *p; p++) {
            if (*p == '"') fputc('"', out);
            fputc(*p, out);
        }
        fputc('"', out);
    }
    free(safe);
}

/* A JSON record as the library wrote it, with DEL, C1 controls (which can
 * only stand inside its strings) and invalid bytes escaped as well. */
static void jsonl_record(FILE *out, const char *s)
{
    for (size_t i = 0, n = strlen(s); i < n;) {
        uint32_t cp;
        size_t len = lb_cli_utf8_next(s + i, n - i, &cp);
        if ((cp >= 0x7F && cp <= 0x9F) || (cp == 0xFFFD && len == 1)) fprintf(out, "\\u%04x", (unsigned)cp);
        else if (cp < 0x20) fputc(' ', out);   /* raw controls never appear in valid JSON */
        else fwrite(s + i, 1, len, out);
        i += len;
    }
    fputc('\n', out);
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

/* A copy of s for a table cell: newlines and tabs flattened, other control
 * characters and invalid bytes replaced by U+FFFD, cut at CELL_MAX. */
static char *cell(const char *s)
{
    if (!s) return strdup("");
    size_t n = strlen(s), total = 0, w = 0, o = 0;
    uint32_t cp;
    for (size_t i = 0; i < n; total++) i += lb_cli_utf8_next(s + i, n - i, &cp);
    char *r = malloc(n * 3 + 4);
    if (!r) return NULL;
    for (size_t i = 0; i < n;) {
        size_t len = lb_cli_utf8_next(s + i, n - i, &cp);
        if (total > CELL_MAX && w == CELL_MAX - 1) { memcpy(r + o, "\xe2\x80\xa6", 3); o += 3; break; }
        w++;
        if (cp == '\n' || cp == '\r' || cp == '\t') r[o++] = ' ';
        else if (lb_cli_is_control(cp) || (cp == 0xFFFD && len == 1)) { memcpy(r + o, "\xef\xbf\xbd", 3); o += 3; }
        else { memcpy(r + o, s + i, len); o += len; }
        i += len;
    }
    r[o] = '\0';
    return r;
}

/* Columns a narrow terminal drops first, in this order (provenance stays in
 * JSON and CSV, and `show` prints the article). */
static const char *const droppable[] = { "url", "title", "wikidata", "precision", "confidence", "mode",
                                         "goldstein", "source", "event_id", "score", NULL };

/* The width of the terminal out writes to; 0 when it is none (no fitting). */
static size_t term_cols(FILE *out)
{
    const char *env = getenv("COLUMNS");
    if (env && atoi(env) > 0) return (size_t)atoi(env);
    struct winsize ws;
    if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    return 0;
}

#define MIN_CELL 8    /* a column is never narrowed below this */

/* Fits the table into cols: drops droppable columns (w[i] = 0), then narrows
 * the widest remaining columns (not below MIN_CELL). */
static void fit_columns(lb_cursor *c, size_t *w, size_t n, size_t cols)
{
    if (!cols) return;
    for (;;) {
        size_t total = 0, shown = 0;
        for (size_t i = 0; i < n; i++) if (w[i]) { total += w[i]; shown++; }
        if (shown > 1) total += 2 * (shown - 1);
        if (total <= cols) return;
        int dropped = 0;
        for (int d = 0; droppable[d] && !dropped; d++)
            for (size_t i = 0; i < n && !dropped; i++)
                if (w[i] && !strcmp(lb_cursor_colname(c, i), droppable[d])) { w[i] = 0; dropped = 1; }
        if (dropped) continue;
        /* the widest column gives up what is over, down to the next widest
         * (at least MIN_CELL): long text columns shrink first, evenly */
        size_t wi = 0, second = 0;
        for (size_t i = 1; i < n; i++) if (w[i] > w[wi]) wi = i;
        for (size_t i = 0; i < n; i++) if (i != wi && w[i] > second) second = w[i];
        size_t over = total - cols, floor = second > MIN_CELL ? second : MIN_CELL;
        if (w[wi] <= MIN_CELL) return;
        if (w[wi] - floor >= over) w[wi] -= over;
        else w[wi] = w[wi] > floor ? floor : w[wi] - 1;
    }
}

/* Prints v cut to at most cw code points (the last one an ellipsis when cut);
 * returns the width printed. */
static size_t put_cut(FILE *out, const char *v, size_t cw)
{
    size_t vw = width(v);
    if (vw <= cw) { fputs(v, out); return vw; }
    size_t k = 0;
    const char *p = v;
    for (; *p && k < cw - 1; k++) {
        p++;
        while (((unsigned char)*p & 0xC0) == 0x80) p++;
    }
    fwrite(v, 1, (size_t)(p - v), out);
    fputs("\xe2\x80\xa6", out);
    return cw;
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
    fit_columns(c, w, n, term_cols(out));
    size_t last = 0;
    for (size_t i = 0; i < n; i++) if (w[i]) last = i;
    int first = 1;
    for (size_t i = 0; i < n; i++) {
        if (!w[i]) continue;
        const char *h = lb_cursor_colname(c, i);
        if (!first) fputs("  ", out);
        first = 0;
        size_t hw = put_cut(out, h, w[i]);
        if (i != last) fprintf(out, "%*s", (int)(w[i] - hw), "");
    }
    fputc('\n', out);
    first = 1;
    for (size_t i = 0; i < n; i++) {
        if (!w[i]) continue;
        if (!first) fputs("  ", out);
        first = 0;
        for (size_t k = 0; k < w[i]; k++) fputc('-', out);
    }
    fputc('\n', out);
    for (size_t r = 0; r < rows; r++) {
        first = 1;
        for (size_t i = 0; i < n; i++) {
            if (!w[i]) continue;
            const char *v = cells[r * n + i] ? cells[r * n + i] : "";
            if (!first) fputs("  ", out);
            first = 0;
            size_t vw = width(v) < w[i] ? width(v) : w[i];
            if (numeric[i]) fprintf(out, "%*s", (int)(w[i] - vw), "");
            put_cut(out, v, w[i]);
            if (!numeric[i] && i != last) fprintf(out, "%*s", (int)(w[i] - vw), "");
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
        for (size_t i = 0; i < n; i++) { if (i) fputc(',', out); csv_str(out, lb_cursor_colname(c, i), 0); }
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
            jsonl_record(out, v ? v : "null");
        } else {
            for (size_t i = 0; i < n; i++) {
                if (i) fputc(',', out);
                const char *v = lb_cursor_text(c, i);
                if (v) csv_str(out, v, lb_cursor_type(c, i) == LB_VAL_TEXT);
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
