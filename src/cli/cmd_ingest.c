/* cmd_ingest.c: `lagebild ingest [FILE|DIR|-]... [--db PATH]`: runs the
 * pipeline on articles and stores them with every layer. Idempotent (a text
 * stored already is skipped), transactional per batch, resumable after a kill.
 * Shows a progress bar on a terminal. A thin client of lb_reader, lb_doc and
 * lb_store; it must not touch SQL. */
#include "cli/cli.h"
#include "cli/cmd_query.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void help(void)
{
    printf("usage: lagebild ingest [--db PATH] [--data DIR] [--dict FILE]... [--format auto|text|jsonl] [--quiet]\n"
           "         [--batch N] [--no-progress] [FILE|DIR|-]...\n"
           "\n"
           "Annotates articles and stores them (text, meta, sentences, mentions, actors,\n"
           "timex, quotes, events) in the SQLite database (default ./%s). A document whose\n"
           "text is stored already is skipped, so re-running after an interruption loses\n"
           "and duplicates nothing. Documents are committed in batches of N (default 200).\n"
           "Exit status: 0 ok, 1 some documents failed, 2 usage or database error.\n", LB_DEFAULT_DB);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Counts the documents of the inputs (for the progress bar); 0 if unknown. */
static size_t count_docs(char **paths, int n, lb_format fmt)
{
    for (int i = 0; i < n; i++) if (!strcmp(paths[i], "-")) return 0;
    lb_reader *r = NULL;
    if (lb_reader_new(&r, fmt)) return 0;
    for (int i = 0; i < n; i++) lb_reader_add(r, paths[i]);
    size_t total = 0;
    lb_input in;
    int rc;
    while ((rc = lb_reader_next(r, &in)) != LB_DONE) total++;
    lb_reader_free(r);
    return total;
}

static void progress(size_t seen, size_t total, double t0, int final)
{
    double el = now() - t0;
    double rate = el > 0 ? (double)seen / el : 0;
    char bar[31];
    size_t fill = total ? seen * 30 / total : 0;
    if (fill > 30) fill = 30;
    for (size_t i = 0; i < 30; i++) bar[i] = i < fill ? '#' : '.';
    bar[30] = '\0';
    if (total) {
        double eta = rate > 0 && total > seen ? (double)(total - seen) / rate : 0;
        fprintf(stderr, "\r[%s] %zu/%zu docs  %.1f docs/s  ETA %d:%02d ", bar, seen, total, rate,
                (int)eta / 60, (int)eta % 60);
    } else {
        fprintf(stderr, "\r%zu docs  %.1f docs/s ", seen, rate);
    }
    if (final) fputc('\n', stderr);
}

int lb_cmd_ingest(int argc, char **argv)
{
    lb_cli_common o = { 0 };
    const char *db = LB_DEFAULT_DB;
    long batch = 200;
    int show_progress = 1, npaths = 0;
    char **paths = calloc((size_t)argc + 1, sizeof *paths);
    if (!paths) { fprintf(stderr, "lagebild ingest: out of memory\n"); return 2; }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { help(); free(paths); return 0; }
        if (!strcmp(a, "--db") || !strcmp(a, "--batch")) {
            if (i + 1 >= argc) { fprintf(stderr, "lagebild ingest: %s needs a value\n", a); free(paths); return 2; }
            const char *v = argv[++i];
            if (!strcmp(a, "--db")) { db = v; continue; }
            char *end;
            batch = strtol(v, &end, 10);
            if (*end || batch < 1 || batch > 1000000) {
                fprintf(stderr, "lagebild ingest: --batch needs a number from 1 to 1000000\n");
                free(paths);
                return 2;
            }
            continue;
        }
        if (!strcmp(a, "--no-progress")) { show_progress = 0; continue; }
        int r = lb_cli_common_opt(&o, argc, argv, &i, "ingest");
        if (r < 0) { free(paths); return 2; }
        if (r) continue;
        paths[npaths++] = argv[i];
    }
    if (!npaths) paths[npaths++] = "-";
    show_progress = show_progress && !o.quiet && isatty(STDERR_FILENO);

    lb_store *s = NULL;
    if (lb_store_open(&s, db, 0)) {
        fprintf(stderr, "lagebild ingest: %s\n", lb_store_errmsg(s));
        lb_store_close(s); free(paths);
        return 2;
    }
    lb_cli_pipeline pl;
    if (lb_cli_pipeline_open(&pl, &o, paths, npaths)) { lb_store_close(s); free(paths); return 2; }
    lb_reader *r = pl.reader;
    lb_doc *doc = pl.doc;
    size_t total = show_progress ? count_docs(paths, npaths, o.format) : 0;

    size_t seen = 0, stored = 0, skipped = 0, failed = 0;
    long in_batch = 0;
    int fatal = 0, rc;
    double t0 = now(), last_draw = 0, batch_start = t0;
    lb_input in;
    while (!fatal && (rc = lb_reader_next(r, &in)) != LB_DONE) {
        seen++;
        if (rc != LB_OK) {
            failed++;
            if (!o.quiet) fprintf(stderr, "%slagebild ingest: %s\n", show_progress ? "\r\x1b[K" : "", lb_reader_errmsg(r));
            continue;
        }
        int found = 0;
        if (lb_store_has_text(&found, s, in.text, in.text_len) == LB_OK && found) { skipped++; goto next; }
        rc = lb_doc_annotate(doc, &in);
        if (rc != LB_OK) {
            failed++;
            if (!o.quiet)
                fprintf(stderr, "%slagebild ingest: %s: %s (id %.*s)\n", show_progress ? "\r\x1b[K" : "",
                        in.origin, lb_doc_errmsg(doc), (int)(in.id_len > 200 ? 200 : in.id_len), in.id ? in.id : "");
            goto next;
        }
        if (!in_batch && lb_store_begin(s)) {
            fprintf(stderr, "lagebild ingest: %s\n", lb_store_errmsg(s));
            fatal = 1;
            break;
        }
        in_batch++;
        rc = lb_store_put(s, doc, in.origin);
        if (rc == LB_OK) stored++;
        else if (rc == LB_DONE) skipped++;
        else {
            failed++;
            if (!o.quiet)
                fprintf(stderr, "%slagebild ingest: %s: not stored: %s\n", show_progress ? "\r\x1b[K" : "",
                        in.origin, lb_store_errmsg(s));
            if (rc == LB_EIO) fatal = 1;   /* disk full or I/O error: stop */
        }
    next:
        if (in_batch && (in_batch >= batch || now() - batch_start > 2.0)) {
            if (lb_store_commit(s)) { fprintf(stderr, "lagebild ingest: %s\n", lb_store_errmsg(s)); fatal = 1; }
            in_batch = 0;
            batch_start = now();
        }
        if (show_progress && now() - last_draw > 0.2) { progress(seen, total, t0, 0); last_draw = now(); }
    }
    if (in_batch && !fatal && lb_store_commit(s)) {
        fprintf(stderr, "lagebild ingest: %s\n", lb_store_errmsg(s));
        fatal = 1;
    }
    if (show_progress) progress(seen, total > seen ? total : seen, t0, 1);
    double el = now() - t0;
    if (!o.quiet && (show_progress || failed || fatal))
        fprintf(stderr, "lagebild ingest: %zu stored, %zu already present, %zu failed (%.1f docs/s)\n",
                stored, skipped, failed, el > 0 ? (double)seen / el : 0.0);
    lb_cli_pipeline_close(&pl);
    lb_store_close(s);
    free(paths);
    if (fatal) return 2;
    return failed ? 1 : 0;
}
