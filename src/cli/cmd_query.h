/* cmd_query.h: what the query commands (events, quotes, actors, timeline,
 * search, export, stats) share: their options, opening the store read-only,
 * and printing a cursor as a table, JSON or CSV. */
#ifndef LB_CMD_QUERY_H
#define LB_CMD_QUERY_H
#include "lagebild.h"
#include <stdio.h>

enum { LB_OUT_TABLE, LB_OUT_JSON, LB_OUT_CSV, LB_OUT_JSONL };

typedef struct lb_qopts {
    const char *db;          /* --db PATH, default ./lagebild.db */
    int format;              /* LB_OUT_* */
    lb_store_filter f;
} lb_qopts;

#define LB_DEFAULT_DB "lagebild.db"

/* Parses a shared option at argv[*i] (advancing over its value): 1 when it
 * was one, 0 when not, -1 on a bad value (message printed). */
int lb_qopt(lb_qopts *o, int argc, char **argv, int *i, const char *cmd);
/* Opens the store read-only; prints the error and returns NULL on failure. */
lb_store *lb_qopen(const lb_qopts *o, const char *cmd);
/* Resolves the actor arguments (--actor, --recipient, --about, the timeline's
 * A and B) against the store and the actor knowledge base (names in German
 * or English, persons, code/sector); prints an error with suggestions and
 * returns 2 when one names no actor, else 0. */
int lb_qresolve(lb_qopts *o, lb_store *s, const char *cmd);
/* Prints every row of c to out in o->format; a note on truncation goes to
 * the table's footer (or to stderr for JSON/CSV). JSON: an array of objects,
 * or with single != 0 the first row as one object. Returns 0, or 1 on error. */
int lb_qprint(lb_cursor *c, lb_store *s, int format, int single, FILE *out, const char *cmd);
/* Runs query q and prints it: returns the exit status (0, 1 error, 2 usage). */
int lb_qrun(lb_store *s, lb_query q, const lb_qopts *o, int single, const char *cmd);
#endif
