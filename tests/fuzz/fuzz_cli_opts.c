/* fuzz_cli_opts.c: libFuzzer target for the CLI's option parsers: the input
 * split at NUL bytes is an argv that lb_qopt (the query commands' options)
 * and lb_cli_common_opt (--data, --format, --dict, --quiet) walk as the
 * commands do. Invariants: the index only moves forward and stays inside
 * argv; an accepted --limit is positive; accepted dates have a valid form. */
#include "cli/cli.h"
#include "cli/cmd_query.h"
#include "fuzz_common.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 32

static void walk_qopts(int argc, char **argv)
{
    lb_qopts o;
    memset(&o, 0, sizeof o);
    for (int i = 1; i < argc; i++) {
        int before = i;
        int rc = lb_qopt(&o, argc, argv, &i, "fuzz");
        if (rc < 0) break;
        if (i < before || i >= argc) abort();
    }
    if (o.f.since && strlen(o.f.since) != 4 && strlen(o.f.since) != 7 && strlen(o.f.since) != 10) abort();
    if (o.f.limit && o.f.limit > 1000000000u) abort();
}

static void walk_common(int argc, char **argv)
{
    lb_cli_common o;
    memset(&o, 0, sizeof o);
    for (int i = 1; i < argc; i++) {
        int before = i;
        int rc = lb_cli_common_opt(&o, argc, argv, &i, "fuzz");
        if (rc < 0) break;
        if (i < before || i >= argc) abort();
        if (o.ndicts < 0 || o.ndicts > 16) abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = fuzz_cstr(data, size, 4096);
    if (!buf) return 0;
    char *argv[MAX_ARGS + 1];
    int argc = 0;
    argv[argc++] = "lagebild";
    for (char *p = buf; p < buf + size && argc < MAX_ARGS; p += strlen(p) + 1) argv[argc++] = p;
    argv[argc] = NULL;
    walk_qopts(argc, argv);
    walk_common(argc, argv);
    free(buf);
    return 0;
}
