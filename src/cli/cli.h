/* cli.h: the commands of the lagebild CLI and their shared option parsing.
 * Each command is one file; each returns the process exit status
 * (0 ok, 1 some input failed, 2 usage or setup error). */
#ifndef LB_CLI_H
#define LB_CLI_H
#include "lagebild.h"

int lb_cmd_annotate(int argc, char **argv);
/* store and query commands (src/cli/cmd_{ingest,events,...}.c) */
int lb_cmd_ingest(int argc, char **argv);
int lb_cmd_events(int argc, char **argv);
int lb_cmd_quotes(int argc, char **argv);
int lb_cmd_actors(int argc, char **argv);
int lb_cmd_timeline(int argc, char **argv);
int lb_cmd_search(int argc, char **argv);
int lb_cmd_export(int argc, char **argv);
int lb_cmd_stats(int argc, char **argv);
int lb_cmd_actors_lookup(int argc, char **argv);
int lb_cmd_explain(int argc, char **argv);

/* Options every command that reads articles shares. */
typedef struct lb_cli_common {
    const char *data_dir;    /* --data DIR */
    lb_format format;        /* --format auto|text|jsonl */
    int quiet;               /* --quiet: no per-document errors on stderr */
    const char *dicts[16];   /* --dict FILE: user actor dictionaries */
    int ndicts;
} lb_cli_common;

/* Parses the common option at argv[*i] (advancing *i over its value); call it
 * after the command's own options. Returns 1 when it was one, 0 for an
 * argument that is no option ("-" is one), -1 on a bad value or an unknown
 * option (message printed, naming the command cmd). */
int lb_cli_common_opt(lb_cli_common *o, int argc, char **argv, int *i, const char *cmd);
/* Loads the context with --data and every --dict; prints the error and
 * returns 2 on failure (*ctx is then freed and NULL), else 0. */
int lb_cli_open_ctx(lb_ctx **ctx, const lb_cli_common *o);

/* What a command that reads articles runs: the context (--data, --dict), a
 * reader over the paths, and one document handle. */
typedef struct lb_cli_pipeline { lb_ctx *ctx; lb_reader *reader; lb_doc *doc; } lb_cli_pipeline;
/* Opens all three; prints the error and returns 2 on failure (then nothing
 * is left open), else 0. */
int lb_cli_pipeline_open(lb_cli_pipeline *p, const lb_cli_common *o, char **paths, int npaths);
void lb_cli_pipeline_close(lb_cli_pipeline *p);
#endif
