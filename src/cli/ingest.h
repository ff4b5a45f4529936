/* ingest.h: the parallel ingest behind `lagebild ingest` (ingest_run.c):
 * one reader (the calling thread), N annotating workers and one writer that
 * stores finished documents in input order, holding the database's write
 * lock only while documents are ready to store (at most 0.1 s idle). */
#ifndef LB_CLI_INGEST_H
#define LB_CLI_INGEST_H
#include "cli/cli.h"

typedef struct lb_ingest_opts {
    const lb_cli_common *common;   /* --data, --dict, --format, --quiet */
    const char *db;
    long batch;                    /* most documents per transaction */
    int jobs;                      /* annotating threads, >= 1 */
    int progress;                  /* draw a progress bar on stderr */
    int timing;                    /* --timing: report the CPU time of each role */
    char **paths;
    int npaths;
} lb_ingest_opts;

typedef struct lb_ingest_stats {
    size_t seen, stored, skipped, failed;
    size_t stale;                  /* of skipped: stored by another version or other dictionaries */
    int fatal;                     /* the database failed: the run stopped */
    double seconds;
    double startup;                /* wall seconds before the threads start (store, dictionaries) */
    /* CPU seconds (user + system) of each role: the reader (with the
     * start-up), all workers together, the writer; the writer's busy wall time */
    double cpu_read, cpu_annotate, cpu_store, store_busy;
    double sys_read, sys_annotate, sys_store;   /* of the CPU seconds, those in the kernel */
} lb_ingest_stats;

/* Runs the ingest; messages go to stderr. Returns 0, or 2 when the database
 * or the dictionaries could not be opened (message printed). */
int lb_ingest_run(const lb_ingest_opts *o, lb_ingest_stats *st);
#endif
