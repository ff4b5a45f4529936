/* cli.h: the commands of the lagebild CLI and their shared option parsing.
 * Each command is one file; each returns the process exit status
 * (0 ok, 1 some input failed, 2 usage or setup error). */
#ifndef LB_CLI_H
#define LB_CLI_H
#include "lagebild.h"

int lb_cmd_annotate(int argc, char **argv);
int lb_cmd_explain(int argc, char **argv);

/* Options every command that reads articles shares. */
typedef struct lb_cli_common {
    const char *data_dir;    /* --data DIR */
    lb_format format;        /* --format auto|text|jsonl */
    int quiet;               /* --quiet: no per-document errors on stderr */
} lb_cli_common;

/* Parses the common option at argv[*i] (advancing *i over its value).
 * Returns 1 when it was one, 0 when not, -1 on a bad value (message printed). */
int lb_cli_common_opt(lb_cli_common *o, int argc, char **argv, int *i);
#endif
