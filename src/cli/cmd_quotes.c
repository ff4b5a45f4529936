/* cmd_quotes.c: `lagebild quotes`: lists stored quotes with filters, newest first.
 * A thin client of lb_store_query; formatting lives in cmd_query.c. */
#include "cli/cli.h"
#include "cli/cmd_query.h"
#include <string.h>

static void help(void)
{
    printf("usage: lagebild quotes [--db PATH] [--format table|json|csv] [--limit N]\n"
           "         [--speaker NAME] [--about ACTOR] [--actor A] [--since DATE] [--until DATE] [--source S]\n"
           "\n"
           "Lists quotes: who said what, when and where, newest first. --speaker matches the\n"
           "speaker's name (substring) or actor; --about keeps quotes that mention an actor.\n"
           "Default limit %d.\n", LB_STORE_DEFAULT_LIMIT);
}

int lb_cmd_quotes(int argc, char **argv)
{
    lb_qopts o = { 0 };
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); return 0; }
        int r = lb_qopt(&o, argc, argv, &i, "quotes");
        if (r < 0) return 2;
        if (!r) { fprintf(stderr, "lagebild quotes: unknown argument '%s'\n", argv[i]); return 2; }
    }
    lb_store *s = lb_qopen(&o, "quotes");
    if (!s) return 2;
    if (lb_qresolve(&o, s, "quotes")) { lb_store_close(s); return 2; }
    int rc = lb_qrun(s, LB_Q_QUOTES, &o, 0, "quotes");
    lb_store_close(s);
    return rc;
}
