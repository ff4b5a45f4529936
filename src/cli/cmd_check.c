/* cmd_check.c: `lagebild check`: SQLite's integrity check of a database and
 * the store's own invariants (lb_store_check). Exit 0 when all is well, 1 when
 * the file is damaged or inconsistent, 2 on usage errors or a missing file. */
#include "cli/cli.h"
#include "cli/cmd_query.h"
#include <string.h>
#include <unistd.h>

static void print_problem(void *arg, const char *problem)
{
    const char *path = arg;
    lb_cli_msg(stdout, "", "%s: %s", path, problem);
}

int lb_cmd_check(int argc, char **argv)
{
    const char *path = LB_DEFAULT_DB;
    int quick = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: lagebild check [--db PATH] [--quick]\n\n"
                   "Checks a database: SQLite's integrity check (--quick: the faster quick_check)\n"
                   "and lagebild's invariants: a known schema version, no event, sentence,\n"
                   "mention, quote or party without its document, event or actor, and the kept\n"
                   "aggregates (dyad_months, dyad_totals, actor_months, actor counts) equal to\n"
                   "a recount of the events. Prints each problem; exit 0 when none was found,\n"
                   "1 when the database is damaged or inconsistent, 2 on usage errors.\n");
            return 0;
        }
        if (!strcmp(argv[i], "--quick")) { quick = 1; continue; }
        if (!strcmp(argv[i], "--db")) {
            if (i + 1 >= argc) { fprintf(stderr, "lagebild check: --db needs a value\n"); return 2; }
            path = argv[++i];
            continue;
        }
        fprintf(stderr, "lagebild check: unknown argument '%s'\n", argv[i]);
        return 2;
    }
    if (access(path, F_OK) != 0) {
        fprintf(stderr, "lagebild check: %s: no such database\n", path);
        return 2;
    }
    lb_store *s = NULL;
    int rc = lb_store_open(&s, path, LB_STORE_READONLY);
    if (rc != LB_OK) {
        /* a file SQLite or the schema check refuses is damaged (or no database) */
        lb_cli_msg(stdout, "", "%s: %s", path, lb_store_errmsg(s));
        lb_store_close(s);
        printf("%s: DAMAGED (cannot be opened)\n", path);
        return rc == LB_EDATA ? 1 : 2;
    }
    size_t n = 0;
    rc = lb_store_check(&n, s, quick, print_problem, (void *)path);
    if (rc != LB_OK) {
        fprintf(stderr, "lagebild check: %s: %s\n", path, lb_store_errmsg(s));
        lb_store_close(s);
        return 2;
    }
    lb_store_close(s);
    if (n) {
        printf("%s: DAMAGED or inconsistent: %zu problem%s\n", path, n, n == 1 ? "" : "s");
        return 1;
    }
    lb_cli_msg(stdout, "", "%s: SQLite %s: ok", path, quick ? "quick_check" : "integrity_check");
    lb_cli_msg(stdout, "", "%s: lagebild invariants (schema, rows, kept counts): ok", path);
    return 0;
}
