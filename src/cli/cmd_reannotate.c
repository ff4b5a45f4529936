/* cmd_reannotate.c: `lagebild reannotate [--db PATH] [--data DIR] [--dict FILE]`:
 * re-runs the pipeline on the stored documents that another lagebild version
 * or other dictionaries annotated, so that a database is the product of one
 * annotator. A thin client of lb_store_reannotate. */
#include "cli/cli.h"
#include "cli/cmd_query.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int lb_cmd_reannotate(int argc, char **argv)
{
    lb_cli_common o = { 0 };
    const char *db = LB_DEFAULT_DB;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: lagebild reannotate [--db PATH] [--data DIR] [--dict FILE]...\n\n"
                   "Re-annotates every stored document whose recorded lagebild version or\n"
                   "dictionary digest differs from this run's (see 'lagebild stats'), replaces\n"
                   "its layers and recomputes the aggregates, in one transaction.\n");
            return 0;
        }
        if (!strcmp(argv[i], "--db")) {
            if (i + 1 >= argc) { fprintf(stderr, "lagebild reannotate: --db needs a value\n"); return 2; }
            db = argv[++i];
            continue;
        }
        int r = lb_cli_common_opt(&o, argc, argv, &i, "reannotate");
        if (r < 0) return 2;
        if (!r) { fprintf(stderr, "lagebild reannotate: unknown argument '%s'\n", argv[i]); return 2; }
    }
    if (access(db, F_OK) != 0) {
        fprintf(stderr, "lagebild reannotate: %s: no such database\n", db);
        return 2;
    }
    lb_ctx *ctx = NULL;
    if (lb_cli_open_ctx(&ctx, &o)) return 2;
    lb_store *s = NULL;
    char digest[65];
    int rc = lb_store_open(&s, db, 0);
    if (!rc && lb_ctx_digest(digest, ctx)) {
        fprintf(stderr, "lagebild reannotate: %s\n", lb_ctx_errmsg(ctx));
        lb_store_close(s); lb_ctx_free(ctx);
        return 2;
    }
    if (!rc) rc = lb_store_set_annotator(s, lb_version(), digest);
    size_t done = 0, failed = 0;
    if (!rc) rc = lb_store_reannotate(&done, &failed, s, ctx);
    if (rc) fprintf(stderr, "lagebild reannotate: %s\n", lb_store_errmsg(s));
    else fprintf(stderr, "lagebild reannotate: %zu documents re-annotated, %zu failed\n", done, failed);
    lb_store_close(s);
    lb_ctx_free(ctx);
    return rc ? 2 : failed ? 1 : 0;
}
