/* cli.h: the commands of the lagebild CLI and their shared option parsing.
 * Each command is one file; each returns the process exit status
 * (0 ok, 1 some input failed, 2 usage or setup error). */
#ifndef LB_CLI_H
#define LB_CLI_H
#include "lagebild.h"
#include <stdint.h>
#include <stdio.h>

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
int lb_cmd_reannotate(int argc, char **argv);
int lb_cmd_codes(int argc, char **argv);
int lb_cmd_show(int argc, char **argv);
int lb_cmd_serve(int argc, char **argv);   /* cmd_serve.c, on src/server/ */
int lb_cmd_actors_lookup(int argc, char **argv);
int lb_cmd_explain(int argc, char **argv);
int lb_cmd_check(int argc, char **argv);     /* cmd_check.c */

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

/* Safe output (safe_text.c): text from articles or a database never reaches
 * a terminal or spreadsheet raw. */
/* Decodes the UTF-8 sequence at s (n > 0 bytes): its length, and *cp (U+FFFD
 * with length 1 for an invalid byte). */
size_t lb_cli_utf8_next(const char *s, size_t n, uint32_t *cp);
/* 1 for a C0 control, DEL or a C1 control (U+0080..U+009F). */
int lb_cli_is_control(uint32_t cp);
/* Modes of lb_cli_safe_text: what becomes of newline and tab (and CR). */
enum { LB_SAFE_STRICT = 0,   /* replaced like every control character */
       LB_SAFE_KEEP_NL,      /* newline and tab kept (CR replaced) */
       LB_SAFE_FLATTEN };    /* newline, tab and CR become spaces */
/* A copy of s (n bytes) with every control character (C0, DEL, C1; newline
 * and tab as mode says) and invalid UTF-8 byte replaced by U+FFFD, so that
 * no escape sequence survives. malloc'd (caller frees), NULL when out of
 * memory. */
char *lb_cli_safe_text(const char *s, size_t n, int mode);
/* Writes s (n bytes) to out, made safe like lb_cli_safe_text. */
void lb_cli_put_safe(FILE *out, const char *s, size_t n, int mode);
/* Prints a message line (printf-style, no newline in fmt) to out, made safe
 * (ids and messages may quote article text); raw_prefix (a terminal
 * control of the CLI's own, or NULL) goes first unchanged. */
void lb_cli_msg(FILE *out, const char *raw_prefix, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* errcap.c: a reader error (prefix + msg), at most a few per input file; the
 * flush reports how many more there were. */
void lb_cli_reader_error(FILE *out, const char *raw_prefix, const char *prefix, const char *msg);
void lb_cli_reader_error_flush(FILE *out, const char *raw_prefix);
/* 1 when a CSV cell starting so would be a formula to a spreadsheet (= + - @,
 * tab, carriage return): the caller prefixes a single quote. */
int lb_cli_csv_formula(const char *s);
#endif
