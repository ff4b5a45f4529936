/* cmd_stats.c: `lagebild stats`: counts of stored documents, events, quotes,
 * mentions and actors and the date range. A thin client of lb_store_query. */
#include "cli/cli.h"
#include "cli/cmd_query.h"
#include <string.h>

int lb_cmd_stats(int argc, char **argv)
{
    lb_qopts o = { 0 };
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: lagebild stats [--db PATH] [--format table|json|csv]\n\n"
                   "Counts of documents, sentences, events, quotes, mentions, actors, timex\n"
                   "and the date range of documents and events. JSON: one object.\n");
            return 0;
        }
        int r = lb_qopt(&o, argc, argv, &i, "stats");
        if (r < 0) return 2;
        if (!r) { fprintf(stderr, "lagebild stats: unknown argument '%s'\n", argv[i]); return 2; }
    }
    lb_store *s = lb_qopen(&o, "stats");
    if (!s) return 2;
    int rc;
    if (o.format != LB_OUT_TABLE) {
        rc = lb_qrun(s, LB_Q_STATS, &o, 1, "stats");
    } else {
        /* one row: printed as "key  value" lines */
        lb_cursor *c = NULL;
        rc = lb_store_query(&c, s, LB_Q_STATS, &o.f);
        if (rc == LB_OK && lb_cursor_next(c) == LB_OK) {
            for (size_t i = 0; i < lb_cursor_ncols(c); i++) {
                const char *v = lb_cursor_text(c, i);
                printf("%-15s ", lb_cursor_colname(c, i));
                lb_cli_put_safe(stdout, v ? v : "-", v ? strlen(v) : 1, LB_SAFE_FLATTEN);
                putchar('\n');
            }
            rc = 0;
        } else {
            fprintf(stderr, "lagebild stats: %s\n", lb_store_errmsg(s));
            rc = 1;
        }
        lb_cursor_free(c);
    }
    lb_store_close(s);
    return rc;
}
