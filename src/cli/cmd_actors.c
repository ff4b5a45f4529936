/* cmd_actors.c: `lagebild actors`: the most active actors (as actor and
 * recipient of events, in mentions and quotes) and the most active dyads.
 * `actors lookup NAME` goes to the knowledge-base lookup (cmd_actors_lookup.c).
 * A thin client of lb_store_query. */
#include "cli/cli.h"
#include "cli/cmd_query.h"
#include <string.h>

static void help(void)
{
    printf("usage: lagebild actors [--db PATH] [--format table|json|csv] [--limit N]\n"
           "         [--dyads | --no-dyads] [--actor A] [--recipient R] [--type T] [--since DATE] [--until DATE]\n"
           "         [--include negated,hypothetical]\n"
           "\n"
           "The most active actors and actor->recipient dyads, counting real events only:\n"
           "negated and hypothetical events count only with --include. Tables show both; JSON\n"
           "gives {\"actors\":[...],\"dyads\":[...]}; CSV gives actors, or dyads with --dyads.\n"
           "Default limit %d per list.\n", LB_STORE_DEFAULT_LIMIT);
}

int lb_cmd_actors(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "lookup")) return lb_cmd_actors_lookup(argc - 1, argv + 1);
    lb_qopts o = { 0 };
    int want_actors = 1, want_dyads = 1, only_dyads = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); return 0; }
        if (!strcmp(argv[i], "--dyads")) { only_dyads = 1; continue; }
        if (!strcmp(argv[i], "--no-dyads")) { want_dyads = 0; continue; }
        int r = lb_qopt(&o, argc, argv, &i, "actors");
        if (r < 0) return 2;
        if (!r) { fprintf(stderr, "lagebild actors: unknown argument '%s'\n", argv[i]); return 2; }
    }
    if (only_dyads) { want_actors = 0; want_dyads = 1; }
    if (o.format == LB_OUT_CSV && want_actors) want_dyads = 0;
    lb_store *s = lb_qopen(&o, "actors");
    if (!s) return 2;
    if (lb_qresolve(&o, s, "actors")) { lb_store_close(s); return 2; }
    int rc = 0;
    int json = o.format == LB_OUT_JSON;
    if (json) fputs("{", stdout);
    if (want_actors) {
        if (json) fputs("\"actors\":", stdout);
        else if (o.format == LB_OUT_TABLE) puts("Most active actors");
        rc |= lb_qrun(s, LB_Q_ACTORS, &o, 0, "actors");
    }
    if (want_dyads) {
        if (json) fputs(want_actors ? ",\"dyads\":" : "\"dyads\":", stdout);
        else if (o.format == LB_OUT_TABLE) puts(want_actors ? "\nMost active dyads (actor -> recipient)" : "Most active dyads (actor -> recipient)");
        rc |= lb_qrun(s, LB_Q_DYADS, &o, 0, "actors");
    }
    if (json) puts("}");
    lb_store_close(s);
    return rc;
}
