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
    if (!strcmp(cmd, "explain")) return lb_cmd_explain(argc - 1, argv + 1);
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) { printf("lagebild %s\n", lb_version()); return 0; }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) { usage(stdout); return 0; }
    fprintf(stderr, "lagebild: unknown command '%s'\n", cmd);
    usage(stderr);
    return 2;
}
