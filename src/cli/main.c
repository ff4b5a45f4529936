/* main.c: the lagebild command line: dispatches to one file per command.
 * A thin client of include/lagebild.h; all analysis lives in the library. */
#include "cli/cli.h"
#include "lagebild.h"
#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
    fprintf(f,
        "usage: lagebild COMMAND [OPTIONS] [ARGS]\n"
        "\n"
        "commands:\n"
        "  annotate [FILE|DIR|-]...   annotate articles, write contract JSONL to stdout\n"
        "  ingest [FILE|DIR|-]...     annotate articles and store them in ./lagebild.db (--db PATH)\n"
        "  events                     stored events, filtered (--actor, --type, --since, ...)\n"
        "  quotes                     who said what, when, where (--speaker, --about)\n"
        "  actors                     the most active actors and dyads\n"
        "  timeline A B               events of a dyad per month and type, with the balance\n"
        "  search WORD...             full-text search over stored articles\n"
        "  export                     PLOVER records with provenance (plover-jsonl, csv)\n"
        "  stats                      counts, date range and annotators of the database\n"
        "  reannotate                 re-annotate stored documents another version or other\n"
        "                             dictionaries annotated (--db PATH, --dict FILE)\n"
        "  show DOC                   a stored article with its annotations marked (--format json)\n"
        "  serve                      the JSON API and browser UI on a database (--db, --listen)\n"
        "  codes                      the codebook in short: event types, sectors, codes, flags\n"
        "  check                      integrity check of a database and its invariants (--db PATH)\n"
        "  actors lookup NAME         show what a name resolves to (--date D, --dict FILE)\n"
        "  explain [FILE|DIR|-]...    show each event with its sentence, participants and rule\n"
        "  version                    print the version\n"
        "  help                       this text\n"
        "\n"
        "Run 'lagebild COMMAND --help' for a command's options.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) { usage(stderr); return 2; }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "annotate")) return lb_cmd_annotate(argc - 1, argv + 1);
    static const struct { const char *name; int (*fn)(int, char **); } store_cmds[] = {
        { "ingest", lb_cmd_ingest }, { "events", lb_cmd_events }, { "quotes", lb_cmd_quotes },
        { "actors", lb_cmd_actors }, { "timeline", lb_cmd_timeline }, { "search", lb_cmd_search },
        { "export", lb_cmd_export }, { "stats", lb_cmd_stats }, { "reannotate", lb_cmd_reannotate },
        { "codes", lb_cmd_codes }, { "show", lb_cmd_show }, { "serve", lb_cmd_serve },
        { "check", lb_cmd_check },
    };
    for (size_t i = 0; i < sizeof store_cmds / sizeof store_cmds[0]; i++)
        if (!strcmp(cmd, store_cmds[i].name)) return store_cmds[i].fn(argc - 1, argv + 1);
    if (!strcmp(cmd, "explain")) return lb_cmd_explain(argc - 1, argv + 1);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) { printf("lagebild %s\n", lb_version()); return 0; }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) { usage(stdout); return 0; }
    fprintf(stderr, "lagebild: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
