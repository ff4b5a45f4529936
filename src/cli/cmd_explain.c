/* cmd_explain.c: `lagebild explain [FILE|DIR|-]...`: annotates articles and
 * prints, per event, its sentence with actor [A ...], recipient [R ...] and
 * trigger {T ...} marked, the rule that coded it, its CAMEO root, Goldstein
 * value, confidence, date and flags. For people, not machines: the stable
 * machine format is `annotate`. Reads the event layer of the internal
 * document model (doc.h); analyses nothing itself. */
#include "cli/cli.h"
#include "doc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void help(void)
{
    printf("usage: lagebild explain [--data DIR] [--dict FILE]... [--format auto|text|jsonl] [--quiet] [FILE|DIR|-]...\n"
           "\n"
           "Annotates the articles and explains every event: the sentence with the actor\n"
           "[A ...], the recipient [R ...] and the trigger {T ...} marked, and the pattern\n"
           "(rule) that coded it. Without FILE, reads standard input.\n");
}

typedef struct mark { uint32_t start, end; char kind; } mark;

static int has_code(const lb_actor_ref *a, int n, const char *code)
{
    for (int i = 0; i < n; i++) if (a[i].code && code && !strcmp(a[i].code, code)) return 1;
    return 0;
}

static void print_refs(const lb_actor_ref *a, int n)
{
    if (!n) { printf("-"); return; }
    for (int i = 0; i < n; i++)
        printf("%s%s%s%s%s%s", i ? ", " : "", a[i].code ? a[i].code : "?",
               a[i].sector ? "/" : "", a[i].sector ? a[i].sector : "",
               a[i].name ? " " : "", a[i].name ? a[i].name : "");
}

static int cmp_mark(const void *a, const void *b)
{
    const mark *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

static void explain_event(const lb_doc *doc, size_t k)
{
    const lb_event *e = &LB_EVENTS(doc)[k];
    printf("%s event %zu: %s%s%s  rule %s  cameo %s  goldstein %+.1f  confidence %.2f  date %s%s%s\n",
           doc->id, k + 1, e->type, e->mode ? ":" : "", e->mode ? e->mode : "",
           e->rule ? e->rule : "-", e->cameo ? e->cameo : "-", e->goldstein, e->confidence,
           e->date ? e->date : "-", e->negated ? "  NEGATED" : "", e->hypothetical ? "  HYPOTHETICAL" : "");
    /* marks: the trigger, and the mentions of the sentence that carry a participant's code */
    mark marks[64];
    int n = 0;
    if (e->trigger_start >= 0) marks[n++] = (mark){ (uint32_t)e->trigger_start, (uint32_t)e->trigger_end, 'T' };
    for (size_t i = 0; i < doc->mentions.len && n < 64; i++) {
        const lb_mention *m = &LB_MENTIONS(doc)[i];
        if (m->start < e->start || m->end > e->end || !m->actor.code) continue;
        char kind = has_code(e->actor, e->nactor, m->actor.code) ? 'A'
                  : has_code(e->recipient, e->nrecipient, m->actor.code) ? 'R' : 0;
        if (kind) marks[n++] = (mark){ m->start, m->end, kind };
    }
    qsort(marks, (size_t)n, sizeof marks[0], cmp_mark);
    printf("  ");
    uint32_t pos = e->start;
    for (int i = 0; i < n; i++) {
        if (marks[i].start < pos) continue;           /* overlaps an earlier mark */
        fwrite(doc->text + pos, 1, marks[i].start - pos, stdout);
        printf(marks[i].kind == 'T' ? "{T " : "[%c ", marks[i].kind);
        fwrite(doc->text + marks[i].start, 1, marks[i].end - marks[i].start, stdout);
        printf(marks[i].kind == 'T' ? "}" : "]");
        pos = marks[i].end;
    }
    if (pos < e->end) fwrite(doc->text + pos, 1, e->end - pos, stdout);
    printf("\n  actor: ");
    print_refs(e->actor, e->nactor);
    printf("  recipient: ");
    print_refs(e->recipient, e->nrecipient);
    printf("\n");
}

int lb_cmd_explain(int argc, char **argv)
{
    lb_cli_common o = { 0 };
    int npaths = 0;
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    if (!paths) { fprintf(stderr, "lagebild: out of memory\n"); return 2; }
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); free(paths); return 0; }
        int r = lb_cli_common_opt(&o, argc, argv, &i, "explain");
        if (r < 0) { free(paths); return 2; }
        if (r) continue;
        paths[npaths++] = argv[i];
    }
    if (!npaths) paths[npaths++] = "-";
    lb_cli_pipeline pl;
    if (lb_cli_pipeline_open(&pl, &o, paths, npaths)) { free(paths); return 2; }
    lb_reader *r = pl.reader;
    lb_doc *doc = pl.doc;
    int rc;
    size_t failed = 0;
    lb_input in;
    for (;;) {
        rc = lb_reader_next(r, &in);
        if (rc == LB_DONE) break;
        if (rc != LB_OK) {
            failed++;
            if (!o.quiet) fprintf(stderr, "lagebild: %s\n", lb_reader_errmsg(r));
            continue;
        }
        if (lb_doc_annotate(doc, &in) != LB_OK) {
            failed++;
            if (!o.quiet) fprintf(stderr, "lagebild: %s: %s\n", in.origin, lb_doc_errmsg(doc));
            continue;
        }
        if (!doc->events.len) printf("%s: no events\n", doc->id);
        for (size_t k = 0; k < doc->events.len; k++) explain_event(doc, k);
    }
    fflush(stdout);
    lb_cli_pipeline_close(&pl);
    free(paths);
    return failed ? 1 : 0;
}
