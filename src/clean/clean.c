/* clean.c: line-based boilerplate removal and metadata extraction.
 * Rules come from data files (see data/clean/README.md for the format); this
 * file only applies them. It never changes the text: the body is a list of
 * spans over whole lines. */
#include "clean/clean.h"
#include "clean/prefilter.h"
#include "text/text.h"
#include "core/dictfile.h"
#include "ctx.h"
#include <ctype.h>
#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum action { ACT_DROP, ACT_META, ACT_CUT };
enum scope { SCOPE_ANY, SCOPE_HEAD, SCOPE_TAIL };
enum field { F_TITLE, F_AUTHOR, F_DATE, F_SOURCE, F_COUNT };
static const char *const field_names[F_COUNT] = { "title", "author", "date", "source" };

/* How many non-empty lines count as the head or the tail of a document. */
#define HEAD_LINES 12
#define TAIL_LINES 12
#define MAX_GROUPS 10

typedef struct rule {
    enum action action;
    enum scope scope;
    regex_t re;
    lb_prefilter pf;        /* lines that fail it cannot match re */
    int group[F_COUNT];     /* capture group per meta field, 0 = none */
    size_t maxlen;          /* longest line the rule applies to (bytes) */
    int has_groups;
} rule;

struct lb_clean_rules {
    rule *rules;
    size_t n, cap;
    /* the rules a line may match by its first and last byte (from their
     * prefilters' anchored tests), and those of the head and of the tail:
     * bit k % 64 of word k / 64 for rule k; by_first[c * nwords + w] */
    size_t nwords;
    uint64_t *by_first, *by_last, *head_only, *tail_only, *all;
};

/* The pattern with ASCII letters lowered outside escapes, so that it runs
 * without REG_ICASE on a lowered line: glibc's REG_ICASE re-folds the whole
 * line on every call, which made cleaning the slowest stage. */
static char *lower_pattern(const char *p)
{
    size_t n = strlen(p);
    char *o = malloc(n + 1);
    if (!o) return NULL;
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\\' && i + 1 < n) { o[j++] = p[i++]; o[j++] = p[i]; continue; }
        if (!strncmp(p + i, "[:upper:]", 9) || !strncmp(p + i, "[:lower:]", 9)) { memcpy(o + j, "[:alpha:]", 9); j += 9; i += 8; continue; }
        o[j++] = (p[i] >= 'A' && p[i] <= 'Z') ? (char)(p[i] + 32) : p[i];
    }
    o[j] = '\0';
    return o;
}

static int parse_rule(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    struct lb_clean_rules *rs = user;
    if (l->nfields < 3) { snprintf(err, errlen, "expected ACTION<TAB>SCOPE<TAB>REGEX[<TAB>field=group...]"); return 1; }
    rule r = { 0 };
    const char *a = l->field[0], *s = l->field[1];
    if (!strcmp(a, "drop")) r.action = ACT_DROP;
    else if (!strcmp(a, "meta")) r.action = ACT_META;
    else if (!strcmp(a, "cut")) r.action = ACT_CUT;
    else { snprintf(err, errlen, "unknown action '%s' (drop, meta, cut)", a); return 1; }
    if (!strcmp(s, "any")) r.scope = SCOPE_ANY;
    else if (!strcmp(s, "head")) r.scope = SCOPE_HEAD;
    else if (!strcmp(s, "tail")) r.scope = SCOPE_TAIL;
    else { snprintf(err, errlen, "unknown scope '%s' (any, head, tail)", s); return 1; }
    r.maxlen = LB_MAX_RULE_LINE_BYTES;
    for (size_t i = 3; i < l->nfields; i++) {
        const char *eq = strchr(l->field[i], '=');
        if (eq && !strncmp(l->field[i], "maxlen=", 7)) {
            char *end;
            unsigned long v = strtoul(eq + 1, &end, 10);
            if (*end || v == 0 || v > LB_MAX_RULE_LINE_BYTES) {
                snprintf(err, errlen, "bad '%s' (maxlen=1..%d)", l->field[i], LB_MAX_RULE_LINE_BYTES);
                return 1;
            }
            r.maxlen = v;
            continue;
        }
        int f = -1;
        for (int k = 0; eq && k < F_COUNT; k++)
            if ((size_t)(eq - l->field[i]) == strlen(field_names[k]) && !strncmp(l->field[i], field_names[k], (size_t)(eq - l->field[i]))) f = k;
        int g = eq ? atoi(eq + 1) : 0;
        if (f < 0 || g < 1 || g >= MAX_GROUPS) { snprintf(err, errlen, "bad capture '%s' (want title|author|date|source=1..9)", l->field[i]); return 1; }
        r.group[f] = g; r.has_groups = 1;
    }
    char *lowered = lower_pattern(l->field[2]);
    if (!lowered) { snprintf(err, errlen, "out of memory"); return 1; }
    int rc = regcomp(&r.re, lowered, REG_EXTENDED | (r.has_groups ? 0 : REG_NOSUB));
    lb_prefilter_build(&r.pf, lowered);
    free(lowered);
    if (rc) {
        char m[200];
        regerror(rc, &r.re, m, sizeof m);
        snprintf(err, errlen, "bad regular expression: %s", m);
        return 1;
    }
    if (r.has_groups && r.re.re_nsub < MAX_GROUPS) {
        for (int k = 0; k < F_COUNT; k++)
            if ((size_t)r.group[k] > r.re.re_nsub) { regfree(&r.re); snprintf(err, errlen, "capture group %d does not exist", r.group[k]); return 1; }
    }
    if (rs->n == rs->cap) {
        size_t ncap = rs->cap ? rs->cap * 2 : 32;
        rule *nr = realloc(rs->rules, ncap * sizeof *nr);
        if (!nr) { regfree(&r.re); snprintf(err, errlen, "out of memory"); return 1; }
        rs->rules = nr; rs->cap = ncap;
    }
    rs->rules[rs->n++] = r;
    return 0;
}

/* The masks of struct lb_clean_rules: 0, or -1 when out of memory. */
static int build_masks(struct lb_clean_rules *rs)
{
    size_t nw = rs->nwords = (rs->n + 63) / 64;
    uint64_t *m = calloc(nw * (2 * 256 + 3) + 1, sizeof *m);
    if (!m) return -1;
    rs->by_first = m; rs->by_last = m + 256 * nw; rs->head_only = m + 512 * nw;
    rs->tail_only = rs->head_only + nw; rs->all = rs->tail_only + nw;
    for (size_t k = 0; k < rs->n; k++) {
        const rule *r = &rs->rules[k];
        uint64_t bit = (uint64_t)1 << (k % 64);
        size_t w = k / 64;
        for (int c = 0; c < 256; c++) {
            if (!(r->pf.anchored_start && r->pf.pre.n) || r->pf.first[c]) rs->by_first[c * nw + w] |= bit;
            if (!(r->pf.anchored_end && r->pf.suf.n) || r->pf.last[c]) rs->by_last[c * nw + w] |= bit;
        }
        if (r->scope == SCOPE_HEAD) rs->head_only[w] |= bit;
        if (r->scope == SCOPE_TAIL) rs->tail_only[w] |= bit;
        rs->all[w] |= bit;
    }
    return 0;
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int lb_clean_load(struct lb_clean_rules **out, const char *dir, char *err, size_t errlen)
{
    *out = NULL;
    struct lb_clean_rules *rs = calloc(1, sizeof *rs);
    if (!rs) return LB_ENOMEM;
    DIR *d = opendir(dir);
    if (!d) { snprintf(err, errlen, "%s: cannot open rule directory", dir); lb_clean_free(rs); return LB_EIO; }
    char *names[256];
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 256) {
        size_t l = strlen(e->d_name);
        if (l > 6 && !strcmp(e->d_name + l - 6, ".rules") && e->d_name[0] != '.') names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_name);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        if (!rc && names[i]) {
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            rc = lb_dict_read(path, parse_rule, rs, err, errlen);
        } else if (!names[i]) rc = LB_ENOMEM;
        free(names[i]);
    }
    if (!rc && build_masks(rs)) rc = LB_ENOMEM;
    if (rc) { lb_clean_free(rs); return rc; }
    *out = rs;
    return 0;
}

void lb_clean_free(struct lb_clean_rules *rs)
{
    if (!rs) return;
    for (size_t i = 0; i < rs->n; i++) regfree(&rs->rules[i].re);
    free(rs->by_first);
    free(rs->rules);
    free(rs);
}

/* ---- applying the rules ------------------------------------------------ */

typedef struct line { uint32_t start, end; uint32_t tstart, tend; int blank, boiler; } line;

static const char *set_meta(lb_doc *doc, const char *s, size_t n, int field)
{
    while (n && (s[0] == ' ' || s[0] == '\t')) { s++; n--; }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == ',' || s[n - 1] == ':')) n--;
    if (!n || n >= LB_MAX_FIELD_BYTES) return NULL;
    if (field == F_DATE) {
        char iso[16];
        if (lb_pubdate(iso, s, n, &doc->ctx->text->months)) return NULL;
        return lb_arena_strndup(&doc->arena, iso, strlen(iso));
    }
    return lb_arena_strndup(&doc->arena, s, n);
}

static int is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* Does s read like a person's name: its first and last words start with an
 * upper-case letter (ASCII or a two-byte UTF-8 Latin capital)? */
static int upper_initial(const char *w, size_t n)
{
    unsigned char c = (unsigned char)w[0];
    if (c >= 'A' && c <= 'Z') return 1;
    return n >= 2 && c == 0xC3 && (unsigned char)w[1] >= 0x80 && (unsigned char)w[1] <= 0x9E;
}

static int name_like(const char *s, size_t n)
{
    if (!n || !upper_initial(s, n)) return 0;
    size_t last = n;
    while (last > 0 && s[last - 1] != ' ') last--;
    return upper_initial(s + last, n - last);
}

/* Is the trimmed line a headline: short, no sentence punctuation at its end? */
static int looks_like_title(const char *s, size_t n)
{
    if (n < 8 || n > 250) return 0;
    char last = s[n - 1];
    if (last == '.' || last == ',' || last == ';' || last == ':') return 0;
    size_t spaces = 0;
    for (size_t i = 0; i < n; i++) spaces += s[i] == ' ';
    return spaces >= 2;
}

/* The input's publication date, normalised to ISO 8601; a date that cannot
 * be read becomes a warning and the document keeps no date. */
static int normalise_input_date(lb_doc *doc)
{
    doc->warning = NULL;
    const char *d = doc->input.date;
    if (!d) return LB_OK;
    char iso[16];
    if (!lb_pubdate(iso, d, strlen(d), &doc->ctx->text->months)) {
        doc->input.date = lb_arena_strndup(&doc->arena, iso, strlen(iso));
        return doc->input.date ? LB_OK : lb_doc_fail(doc, LB_ENOMEM, "out of memory");
    }
    char w[160];
    snprintf(w, sizeof w, "publication date '%.80s' not understood; the document keeps no date", d);
    doc->warning = lb_arena_strndup(&doc->arena, w, strlen(w));
    doc->input.date = NULL;
    return LB_OK;
}

/* Splits the text into lines with their trimmed extent; *nonblank counts
 * the lines with text. */
static int split_lines(lb_doc *doc, lb_vec *lines, size_t *nonblank)
{
    const char *t = doc->text;
    size_t len = doc->len;
    lb_vec_init(lines, sizeof(line));
    *nonblank = 0;
    for (size_t p = 0; p < len;) {
        const char *nl = memchr(t + p, '\n', len - p);
        size_t e = nl ? (size_t)(nl - t) : len;
        line *ln = lb_vec_push(lines, &doc->arena);
        if (!ln) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
        ln->start = (uint32_t)p; ln->end = (uint32_t)e;
        size_t a = p, b = e;
        while (a < b && is_space_byte(t[a])) a++;
        /* U+00A0 no-break space at either end */
        while (b > a && (is_space_byte(t[b - 1]) || (b - a >= 2 && (unsigned char)t[b - 2] == 0xC2 && (unsigned char)t[b - 1] == 0xA0))) b -= is_space_byte(t[b - 1]) ? 1 : 2;
        ln->tstart = (uint32_t)a; ln->tend = (uint32_t)b;
        ln->blank = a == b;
        *nonblank += !ln->blank;
        p = nl ? e + 1 : len;
    }
    return LB_OK;
}

/* Applies rule r to one line (tmp: its lower-cased copy, tn bytes): metadata
 * into found, the line marked boilerplate, *cut set by a cut rule. 1 when it
 * matched and was not a meta rule (the line is done), 0 to go on, or LB_E*
 * (negative) when out of memory. */
static int apply_rule(lb_doc *doc, const rule *r, line *ln, const char *tmp, size_t tn, const char **found, int *cut)
{
    const char *orig = doc->text + ln->tstart;
    if (ln->tend - ln->tstart > r->maxlen || !lb_prefilter_may_match(&r->pf, tmp, tn)) return 0;
    regmatch_t m[MAX_GROUPS];
    if (regexec(&r->re, tmp, r->has_groups ? MAX_GROUPS : 0, r->has_groups ? m : NULL, 0)) return 0;
    /* a byline must name a person: "Von den Grünen" is text */
    if (r->group[F_AUTHOR] && m[r->group[F_AUTHOR]].rm_so >= 0 &&
        !name_like(orig + m[r->group[F_AUTHOR]].rm_so, (size_t)(m[r->group[F_AUTHOR]].rm_eo - m[r->group[F_AUTHOR]].rm_so)))
        return 0;
    for (int f = 0; f < F_COUNT; f++) {
        int g = r->group[f];
        if (!g || found[f] || m[g].rm_so < 0) continue;
        found[f] = set_meta(doc, orig + m[g].rm_so, (size_t)(m[g].rm_eo - m[g].rm_so), f);
    }
    if (r->action == ACT_META && r->has_groups && m[0].rm_so == 0 && m[0].rm_eo > 0) {
        /* the matched prefix carries metadata, not article text */
        lb_rspan *sk = lb_vec_push(&doc->skip, &doc->arena);
        if (!sk) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
        sk->start = ln->tstart; sk->end = ln->tstart + (uint32_t)m[0].rm_eo;
    }
    if (r->action == ACT_DROP) ln->boiler = 1;
    else if (r->action == ACT_CUT) { ln->boiler = 1; *cut = 1; }
    return r->action != ACT_META;
}

/* Applies the rules, in order, to one line (tmp: its lower-cased copy, tn
 * bytes), only those its first and last byte and its place let match. */
static int apply_rules(lb_doc *doc, const struct lb_clean_rules *rs, line *ln, const char *tmp, size_t tn, int head,
                       int tail, const char **found, int *cut)
{
    if (!rs) return LB_OK;
    size_t nw = rs->nwords;
    const uint64_t *first = tn ? rs->by_first + (unsigned char)tmp[0] * nw : rs->all;
    const uint64_t *last = tn ? rs->by_last + (unsigned char)tmp[tn - 1] * nw : rs->all;
    for (size_t w = 0; w < nw; w++) {
        uint64_t m = first[w] & last[w] & (head ? ~(uint64_t)0 : ~rs->head_only[w]) & (tail ? ~(uint64_t)0 : ~rs->tail_only[w]);
        for (; m; m &= m - 1) {
            int rc = apply_rule(doc, &rs->rules[w * 64 + (size_t)__builtin_ctzll(m)], ln, tmp, tn, found, cut);
            if (rc) return rc < 0 ? rc : LB_OK;
        }
    }
    return LB_OK;
}

/* Marks the boilerplate lines (everything after a cut rule's line too) and
 * collects metadata into found. */
static int mark_lines(lb_doc *doc, line *L, size_t nlines, size_t nonblank, const char **found)
{
    const struct lb_clean_rules *rs = doc->ctx->clean;
    size_t seen = 0;
    int cut = 0;
    char tmp[LB_MAX_RULE_LINE_BYTES + 1];
    for (size_t i = 0; i < nlines; i++) {
        line *ln = &L[i];
        if (ln->blank) continue;
        seen++;
        if (cut) { ln->boiler = 1; continue; }
        size_t n = ln->tend - ln->tstart;
        if (n > LB_MAX_RULE_LINE_BYTES) continue;
        /* matched lower-cased (ASCII); captures are taken from the original */
        const char *orig = doc->text + ln->tstart;
        for (size_t q = 0; q < n; q++) tmp[q] = (orig[q] >= 'A' && orig[q] <= 'Z') ? (char)(orig[q] + 32) : orig[q];
        tmp[n] = '\0';
        int rc = apply_rules(doc, rs, ln, tmp, strlen(tmp) /* what regexec sees */, seen <= HEAD_LINES,
                             nonblank - seen < TAIL_LINES, found, &cut);
        if (rc) return rc;
    }
    return LB_OK;
}

/* title: the first article line, when it reads like a headline and more
 * article lines follow */
static void find_title(lb_doc *doc, const line *L, size_t nlines, const char **found)
{
    for (size_t i = 0; i < nlines && !found[F_TITLE]; i++) {
        if (L[i].blank || L[i].boiler) continue;
        size_t n = L[i].tend - L[i].tstart;
        int more = 0;
        for (size_t j = i + 1; j < nlines && !more; j++) more = !L[j].blank && !L[j].boiler;
        if (more && looks_like_title(doc->text + L[i].tstart, n)) found[F_TITLE] = set_meta(doc, doc->text + L[i].tstart, n, F_TITLE);
        break;
    }
}

/* body: maximal runs of article lines (blank lines inside a run join it) */
static int collect_body(lb_doc *doc, const line *L, size_t nlines)
{
    lb_rspan *cur = NULL;
    for (size_t i = 0; i < nlines; i++) {
        if (L[i].blank) continue;
        if (L[i].boiler) { cur = NULL; continue; }
        if (!cur) {
            cur = lb_vec_push(&doc->body, &doc->arena);
            if (!cur) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
            cur->start = L[i].start;
        }
        cur->end = L[i].end;
    }
    return LB_OK;
}

int lb_clean_run(lb_doc *doc)
{
    int rc = normalise_input_date(doc);
    if (rc) return rc;
    lb_vec lines;
    size_t nonblank;
    const char *found[F_COUNT] = { 0 };
    if ((rc = split_lines(doc, &lines, &nonblank))) return rc;
    line *L = lines.items;
    if ((rc = mark_lines(doc, L, lines.len, nonblank, found))) return rc;
    find_title(doc, L, lines.len, found);
    if ((rc = collect_body(doc, L, lines.len))) return rc;
    doc->meta.title = found[F_TITLE] ? found[F_TITLE] : doc->input.title;
    doc->meta.author = found[F_AUTHOR];
    doc->meta.date = found[F_DATE] ? found[F_DATE] : doc->input.date;
    doc->meta.source = found[F_SOURCE] ? found[F_SOURCE] : doc->input.source;
    doc->meta.url = doc->input.url;
    if (doc->is_html) {   /* the page's own metadata (html stage) beats guesses from its text */
        if (doc->input.title) doc->meta.title = doc->input.title;
        if (doc->input.author) doc->meta.author = doc->input.author;
        if (doc->input.date) doc->meta.date = doc->input.date;
    }
    return LB_OK;
}
