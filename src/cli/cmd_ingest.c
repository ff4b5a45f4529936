/* cmd_ingest.c: `lagebild ingest [FILE|DIR|-]... [--db PATH]`: runs the
 * pipeline on articles and stores them with every layer. Idempotent (a text
 * stored already is skipped), transactional per batch, resumable after a kill.
 * Annotates in --jobs threads (ingest_run.c); shows a progress bar on a
 * terminal, from the bytes read (the input is read once). A thin client of
 * lb_reader, lb_doc and lb_store; it must not touch SQL. */
#include "cli/cli.h"
#include "cli/cmd_query.h"
#include "cli/ingest.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LB_MAX_JOBS 256

static void help(void)
{
    printf("usage: lagebild ingest [--db PATH] [--data DIR] [--dict FILE]... [--format auto|text|jsonl] [--quiet]\n"
           "         [--batch N] [--jobs N] [--no-progress] [--timing] [FILE|DIR|-]...\n"
           "\n"
           "Annotates articles and stores them (text, meta, sentences, mentions, actors,\n"
           "timex, quotes, events) in the SQLite database (default ./%s). A document whose\n"
           "text is stored already is skipped, so re-running after an interruption loses\n"
           "and duplicates nothing. --jobs N threads annotate (default: one per core); the\n"
           "documents are stored in input order, in transactions of at most N (--batch,\n"
           "default 200) documents that are annotated already. --timing reports the CPU\n"
           "seconds of reading, annotating and storing (and of them the system seconds),\n"
           "and the start-up before them (opening the database, loading the dictionaries).\n"
           "Exit status: 0 ok, 1 some documents failed, 2 usage or database error.\n", LB_DEFAULT_DB);
}

/* The default number of annotating threads: the cores online. */
static int default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > LB_MAX_JOBS ? LB_MAX_JOBS : (int)n;
}

/* --batch N and --jobs N: a number in [1, max]. -1 (message printed) if not. */
static long number_opt(const char *opt, const char *v, long max)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || v[0] < '0' || v[0] > '9' || n < 1 || n > max) {
        fprintf(stderr, "lagebild ingest: %s needs a number from 1 to %ld\n", opt, max);
        return -1;
    }
    return n;
}

int lb_cmd_ingest(int argc, char **argv)
{
    lb_cli_common o = { 0 };
    lb_ingest_opts io = { .common = &o, .db = LB_DEFAULT_DB, .batch = 200, .jobs = default_jobs() };
    int show_progress = 1;
    io.paths = calloc((size_t)argc + 1, sizeof *io.paths);
    if (!io.paths) { fprintf(stderr, "lagebild ingest: out of memory\n"); return 2; }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { help(); free(io.paths); return 0; }
        if (!strcmp(a, "--db") || !strcmp(a, "--batch") || !strcmp(a, "--jobs")) {
            if (i + 1 >= argc) { fprintf(stderr, "lagebild ingest: %s needs a value\n", a); free(io.paths); return 2; }
            const char *v = argv[++i];
            long n = 0;
            if (!strcmp(a, "--db")) io.db = v;
            else if ((n = number_opt(a, v, a[2] == 'b' ? 1000000 : LB_MAX_JOBS)) < 0) { free(io.paths); return 2; }
            else if (a[2] == 'b') io.batch = n;
            else io.jobs = (int)n;
            continue;
        }
        if (!strcmp(a, "--no-progress")) { show_progress = 0; continue; }
        if (!strcmp(a, "--timing")) { io.timing = 1; continue; }
        int r = lb_cli_common_opt(&o, argc, argv, &i, "ingest");
        if (r < 0) { free(io.paths); return 2; }
        if (r) continue;
        io.paths[io.npaths++] = argv[i];
    }
    if (!io.npaths) io.paths[io.npaths++] = "-";
    io.progress = show_progress && !o.quiet && isatty(STDERR_FILENO);
    lb_ingest_stats st;
    int rc = lb_ingest_run(&io, &st);
    free(io.paths);
    if (rc) return rc;
    if (!o.quiet && (io.progress || st.failed || st.fatal))
        fprintf(stderr, "lagebild ingest: %zu stored, %zu already present, %zu failed (%.1f docs/s)\n",
                st.stored, st.skipped, st.failed, st.seconds > 0 ? (double)st.seen / st.seconds : 0.0);
    if (io.timing)
        fprintf(stderr, "lagebild ingest: %zu documents in %.2f s after a start-up of %.2f s; CPU seconds (of them"
                        " system): read %.2f (%.2f; with start-up), annotate %.2f (%.2f; %d threads), store %.2f (%.2f;"
                        " busy %.2f s of the wall time)\n",
                st.seen, st.seconds, st.startup, st.cpu_read, st.sys_read, st.cpu_annotate, st.sys_annotate, io.jobs,
                st.cpu_store, st.sys_store, st.store_busy);
    if (st.stale && !o.quiet)
        fprintf(stderr, "lagebild ingest: %zu of the documents already present were annotated by another version\n"
                        "  or other dictionaries; 'lagebild reannotate --db %s' brings them up to date\n", st.stale, io.db);
    if (st.fatal) return 2;
    return st.failed ? 1 : 0;
}
