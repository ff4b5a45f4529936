/* cmd_explain.c: `lagebild explain [FILE|DIR|-]...`: annotates articles and
 * prints, per sentence with events, its clause analysis (kind, verb lemma,
 * subject, objects, agent), then per event the sentence with actor [A ...],
 * recipient [R ...] and trigger {T ...} marked, the rule that coded it, its
 * CAMEO root, Goldstein value, confidence, date and flags, and its provenance
 * (rule, trigger span, participant spans); then per quote its attribution
 * frame, the speaker's words and the entity they resolved to. For people, not machines: the
 * stable machine format is `annotate`. A client of lagebild.h only; article
 * text and ids are printed through the CLI's safe output (no control
 * characters reach the terminal). */
#include "cli/cli.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
    printf("usage: lagebild explain [--data DIR] [--dict FILE]... [--format auto|text|jsonl] [--quiet] [FILE|DIR|-]...\n"
           "       lagebild explain --db PATH DOC...   (stored articles by id, annotated again by this build)\n"
           "\n"
           "Annotates the articles and explains every event: per sentence with events its\n"
           "clauses (verb, subject, objects, agent), then per event the sentence with the\n"
           "actor [A ...], the recipient [R ...] and the trigger {T ...} marked, and its\n"
           "provenance: the pattern (rule) that coded it, the trigger and participant\n"
           "spans (byte offsets). Then every quote: its attribution frame and cue, the\n"
           "speaker's words, how they refer (name, description, pronoun) and the entity\n"
           "they resolved to. Without FILE, reads standard input.\n");
}

typedef struct mark { size_t start, end; char kind; } mark;

/* Article text (n bytes), safe for a terminal, on one line. */
static void put(const char *s, size_t n) { lb_cli_put_safe(stdout, s, n, LB_SAFE_FLATTEN); }
static void put_id(const lb_doc *doc) { put(lb_doc_id(doc), strlen(lb_doc_id(doc))); }
enum { MAX_MARKS = 64 };

static int has_code(const lb_actor_info *a, size_t n, const char *code)
{
    for (size_t i = 0; i < n; i++) if (a[i].code && code && !strcmp(a[i].code, code)) return 1;
    return 0;
}

static void print_refs(const lb_actor_info *a, size_t n)
{
    if (!n) { printf("-"); return; }
    for (size_t i = 0; i < n; i++)
        printf("%s%s%s%s%s%s", i ? ", " : "", a[i].code ? a[i].code : "?",
               a[i].sector ? "/" : "", a[i].sector ? a[i].sector : "",
               a[i].name ? " " : "", a[i].name ? a[i].name : "");
}

static int cmp_mark(const void *a, const void *b)
{
    const mark *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* Index of the first mention starting at or after pos (mentions are in text
 * order), so that a large document is not scanned once per event. */
static size_t first_mention_from(const lb_doc *doc, size_t pos)
{
    size_t lo = 0, hi = lb_doc_mention_count(doc);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        lb_mention_info m;
        if (lb_doc_mention(&m, doc, mid) == LB_OK && m.span.start < pos) lo = mid + 1; else hi = mid;
    }
    return lo;
}

/* The event's extent with the trigger and the participants' mentions marked. */
static void print_marked(const lb_doc *doc, const char *text, const lb_event_info *e)
{
    mark marks[MAX_MARKS];
    size_t n = 0;
    if (e->trigger.end > e->trigger.start) marks[n++] = (mark){ e->trigger.start, e->trigger.end, 'T' };
    for (size_t i = first_mention_from(doc, e->span.start); i < lb_doc_mention_count(doc) && n < MAX_MARKS; i++) {
        lb_mention_info m;
        if (lb_doc_mention(&m, doc, i)) break;
        if (m.span.start >= e->span.end) break;
        if (m.span.end > e->span.end || !m.actor.code) continue;
        char kind = has_code(e->actor, e->nactor, m.actor.code) ? 'A'
                  : has_code(e->recipient, e->nrecipient, m.actor.code) ? 'R' : 0;
        if (kind) marks[n++] = (mark){ m.span.start, m.span.end, kind };
    }
    qsort(marks, n, sizeof marks[0], cmp_mark);
    printf("  ");
    size_t pos = e->span.start;
    for (size_t i = 0; i < n; i++) {
        if (marks[i].start < pos) continue;           /* overlaps an earlier mark */
        put(text + pos, marks[i].start - pos);
        printf(marks[i].kind == 'T' ? "{T " : "[%c ", marks[i].kind);
        put(text + marks[i].start, marks[i].end - marks[i].start);
        printf(marks[i].kind == 'T' ? "}" : "]");
        pos = marks[i].end;
    }
    if (pos < e->span.end) put(text + pos, e->span.end - pos);
    printf("\n");
}

/* "label CODE "words" @start-end" for each participant found in the text. */
static void print_spans(const char *text, const char *label, const lb_actor_info *a, const lb_span *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        printf("; %s %s", label, a[i].code ? a[i].code : "?");
        if (s[i].end > s[i].start) {
            printf(" \"");
            put(text + s[i].start, s[i].end - s[i].start);
            printf("\" @%zu-%zu", s[i].start, s[i].end);
        } else printf(" (not in the sentence)");
    }
}

static void explain_event(const lb_doc *doc, const char *text, size_t k, const lb_event_info *e)
{
    put_id(doc);
    printf(" event %zu: %s%s%s  rule %s  cameo %s  goldstein %+.1f  confidence %.2f  date %s%s%s\n",
           k + 1, e->type, e->mode ? ":" : "", e->mode ? e->mode : "",
           e->rule ? e->rule : "-", e->cameo ? e->cameo : "-", e->goldstein, e->confidence,
           e->date ? e->date : "-", e->negated ? "  NEGATED" : "", e->hypothetical ? "  HYPOTHETICAL" : "");
    print_marked(doc, text, e);
    printf("  actor: ");
    print_refs(e->actor, e->nactor);
    printf("  recipient: ");
    print_refs(e->recipient, e->nrecipient);
    printf("\n  provenance: rule %s; trigger ", e->rule ? e->rule : "-");
    if (e->trigger.end > e->trigger.start) {
        printf("\"");
        put(text + e->trigger.start, e->trigger.end - e->trigger.start);
        printf("\" @%zu-%zu", e->trigger.start, e->trigger.end);
    } else printf("-");
    print_spans(text, "actor", e->actor, e->actor_span, e->nactor);
    print_spans(text, "recipient", e->recipient, e->recipient_span, e->nrecipient);
    printf("\n");
}

/* The clause analysis of sentence s, each line indented. */
static void explain_clauses(lb_doc *doc, size_t s)
{
    const char *desc;
    size_t len;
    put_id(doc);
    printf(" sentence %zu: clauses\n", s + 1);
    if (lb_doc_clauses_text(&desc, &len, doc, s) || !len) { printf("  (no clause analysis)\n"); return; }
    for (const char *p = desc, *end = desc + len; p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        printf("  ");
        put(p, n);
        printf("\n");
        p += n + 1;
    }
}

/* Per quote: its words, the attribution frame and cue, the speaker's words
 * in the text, how they refer (name, description, pronoun, ...) and the
 * entity (canonical name, actor) they resolved to. */
static void explain_quote(const lb_doc *doc, const char *text, size_t k, const lb_quote_info *q)
{
    put_id(doc);
    printf(" quote %zu (%s) @%zu-%zu: \"", k + 1, q->indirect ? "indirect" : "direct", q->span.start, q->span.end);
    size_t n = q->span.end - q->span.start;
    put(text + q->span.start, n > 160 ? 160 : n);
    printf("%s\"\n  frame: %s", n > 160 ? "..." : "", q->frame ? q->frame : "-");
    if (q->cue.end > q->cue.start) {
        printf(" \"");
        put(text + q->cue.start, q->cue.end - q->cue.start);
        printf("\" @%zu-%zu", q->cue.start, q->cue.end);
    }
    printf("\n  speaker: ");
    if (q->speaker.end > q->speaker.start) {
        printf("\"");
        put(text + q->speaker.start, q->speaker.end - q->speaker.start);
        printf("\" @%zu-%zu (%s)", q->speaker.start, q->speaker.end, q->speaker_ref ? q->speaker_ref : "no entity mention");
    } else printf("-");
    printf(" -> entity: %s", q->speaker_name ? q->speaker_name : "-");
    if (q->speaker_actor.code)
        printf(" (%s%s%s)", q->speaker_actor.code, q->speaker_actor.sector ? "/" : "",
               q->speaker_actor.sector ? q->speaker_actor.sector : "");
    printf("\n");
}

static void explain_doc(lb_doc *doc)
{
    const char *text;
    size_t len, nev = lb_doc_event_count(doc), last_sent = (size_t)-1;
    lb_doc_text(doc, &text, &len);
    if (!nev) { put_id(doc); printf(": no events\n"); }
    for (size_t k = 0; k < nev; k++) {
        lb_event_info e;
        if (lb_doc_event(&e, doc, k)) continue;
        if (e.sentence != last_sent) explain_clauses(doc, e.sentence);
        last_sent = e.sentence;
        explain_event(doc, text, k, &e);
    }
    for (size_t k = 0, nq = lb_doc_quote_count(doc); k < nq; k++) {
        lb_quote_info q;
        if (lb_doc_quote(&q, doc, k) == LB_OK) explain_quote(doc, text, k, &q);
    }
}

static const char *jstr(json_t *o, const char *k, size_t *n)
{
    const char *v = json_string_value(json_object_get(o, k));
    *n = v ? strlen(v) : 0;
    return v;
}

/* explain --db PATH DOC...: the stored articles, annotated again by this
 * build (their stored events may come from another version: see stats). */
static int explain_stored(const lb_cli_common *o, const char *db, char **ids, int nids)
{
    lb_store *s = NULL;
    if (lb_store_open(&s, db, LB_STORE_READONLY) != LB_OK) {
        lb_cli_msg(stderr, NULL, "lagebild explain: %s", lb_store_errmsg(s));
        lb_store_close(s);
        return 2;
    }
    lb_ctx *ctx = NULL;
    lb_doc *doc = NULL;
    if (lb_cli_open_ctx(&ctx, o) || lb_doc_new(&doc, ctx) != LB_OK) { lb_ctx_free(ctx); lb_store_close(s); return 2; }
    int failed = 0;
    for (int k = 0; k < nids; k++) {
        char *js = NULL;
        json_t *d = NULL;
        if (lb_store_doc(&js, s, ids[k]) != LB_OK || !(d = json_loads(js, 0, NULL))) {
            lb_cli_msg(stderr, NULL, "lagebild explain: %s", js ? "stored document unreadable" : lb_store_errmsg(s));
            free(js);
            failed++;
            continue;
        }
        lb_input in;
        memset(&in, 0, sizeof in);
        in.id = jstr(d, "id", &in.id_len);
        in.text = jstr(d, "text", &in.text_len);
        in.date = jstr(d, "date", &in.date_len);
        in.lang = jstr(d, "lang", &in.lang_len);
        in.source = jstr(d, "source", &in.source_len);
        in.url = jstr(d, "url", &in.url_len);
        in.title = jstr(d, "title", &in.title_len);
        in.origin = db;
        if (lb_doc_annotate(doc, &in) == LB_OK) explain_doc(doc);
        else { lb_cli_msg(stderr, NULL, "lagebild explain: %s: %s", ids[k], lb_doc_errmsg(doc)); failed++; }
        json_decref(d);
        free(js);
    }
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    lb_store_close(s);
    return failed ? 1 : 0;
}

int lb_cmd_explain(int argc, char **argv)
{
    lb_cli_common o = { 0 };
    int npaths = 0;
    const char *db = NULL;
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    if (!paths) { fprintf(stderr, "lagebild: out of memory\n"); return 2; }
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); free(paths); return 0; }
        if (!strcmp(argv[i], "--db")) {
            if (i + 1 >= argc) { fprintf(stderr, "lagebild explain: --db needs a value\n"); free(paths); return 2; }
            db = argv[++i];
            continue;
        }
        int r = lb_cli_common_opt(&o, argc, argv, &i, "explain");
        if (r < 0) { free(paths); return 2; }
        if (r) continue;
        paths[npaths++] = argv[i];
    }
    if (db) {
        if (!npaths) { fprintf(stderr, "lagebild explain: --db needs document ids\n"); free(paths); return 2; }
        int rc = explain_stored(&o, db, paths, npaths);
        free(paths);
        return rc;
    }
    if (!npaths) paths[npaths++] = "-";
    lb_cli_pipeline pl;
    if (lb_cli_pipeline_open(&pl, &o, paths, npaths)) { free(paths); return 2; }
    size_t failed = 0;
    lb_input in;
    for (;;) {
        int rc = lb_reader_next(pl.reader, &in);
        if (rc == LB_DONE) break;
        if (rc != LB_OK) {
            failed++;
            if (!o.quiet) lb_cli_reader_error(stderr, NULL, "lagebild: ", lb_reader_errmsg(pl.reader));
            continue;
        }
        if (lb_doc_annotate(pl.doc, &in) != LB_OK) {
            failed++;
            if (!o.quiet) lb_cli_msg(stderr, NULL, "lagebild: %s: %s", in.origin, lb_doc_errmsg(pl.doc));
            continue;
        }
        explain_doc(pl.doc);
    }
    fflush(stdout);
    lb_cli_reader_error_flush(stderr, NULL);
    lb_cli_pipeline_close(&pl);
    free(paths);
    return failed ? 1 : 0;
}
