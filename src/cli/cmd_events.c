/* cmd_events.c: `lagebild events`: lists stored events with filters, newest first.
 * A thin client of lb_store_query; formatting lives in cmd_query.c. */
#include "cli/cli.h"
#include "cli/cmd_query.h"
#include <string.h>

static void help(void)
{
    printf("usage: lagebild events [--db PATH] [--format table|json|csv] [--limit N]\n"
           "         [--actor A] [--recipient R] [--type PLOVER] [--since DATE] [--until DATE] [--source S]\n"
           "         [--include negated,hypothetical]\n"
           "\n"
           "Lists events (event id, date and its precision, actor, type, recipient, flags,\n"
           "the sentence, document, title, URL), newest first. Negated and hypothetical\n"
           "events are listed only with --include (then flagged in the flags column).\n"
           "Actors are matched by code (CHN), canonical name or Wikidata id; dates are ISO\n"
           "prefixes (2024, 2024-03, 2024-03-05), both ends inclusive. Default limit %d.\n",
           LB_STORE_DEFAULT_LIMIT);
}

int lb_cmd_events(int argc, char **argv)
{
    lb_qopts o = { 0 };
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); return 0; }
        int r = lb_qopt(&o, argc, argv, &i, "events");
        if (r < 0) return 2;
        if (!r) { fprintf(stderr, "lagebild events: unknown argument '%s'\n", argv[i]); return 2; }
    }
    lb_store *s = lb_qopen(&o, "events");
    if (!s) return 2;
    if (lb_qresolve(&o, s, "events")) { lb_store_close(s); return 2; }
    int rc = lb_qrun(s, LB_Q_EVENTS, &o, 0, "events");
    lb_store_close(s);
    return rc;
}
