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
        "  actors lookup NAME         show what a name resolves to (--date D, --dict FILE)\n"
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
    if (!strcmp(cmd, "actors") && argc > 2 && !strcmp(argv[2], "lookup")) return lb_cmd_actors_lookup(argc - 2, argv + 2);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) { printf("lagebild %s\n", lb_version()); return 0; }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) { usage(stdout); return 0; }
    fprintf(stderr, "lagebild: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
