/* cmd_codes.c: `lagebild codes`: the codebook in short (event types, sectors,
 * actor codes, flags, values), read from data/events/codebook.tsv; the long
 * form is docs/CODEBOOK.md. Prints; reads one data file. */
#include "cli/cli.h"
#include <stdio.h>
#include <string.h>

int lb_cmd_codes(int argc, char **argv)
{
    lb_cli_common o = { 0 };
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: lagebild codes [--data DIR]\n\n"
                   "Prints the codebook in short: the 16 PLOVER event types with their modes,\n"
                   "sectors, actor codes, flags and values. The long form is docs/CODEBOOK.md.\n");
            return 0;
        }
        int r = lb_cli_common_opt(&o, argc, argv, &i, "codes");
        if (r < 0) return 2;
        if (!r) { fprintf(stderr, "lagebild codes: unknown argument '%s'\n", argv[i]); return 2; }
    }
    lb_ctx *ctx = NULL;
    if (lb_cli_open_ctx(&ctx, &o)) return 2;
    char path[4096];
    snprintf(path, sizeof path, "%s/events/codebook.tsv", lb_ctx_data_dir(ctx));
    lb_ctx_free(ctx);
    FILE *f = fopen(path, "r");
    if (!f) { fprintf(stderr, "lagebild codes: %s: cannot read\n", path); return 2; }
    char line[1024], last[32] = "";
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        line[strcspn(line, "\r\n")] = '\0';
        char *code = strchr(line, '\t');
        char *text = code ? strchr(code + 1, '\t') : NULL;
        if (!code || !text) continue;
        *code++ = '\0';
        *text++ = '\0';
        if (strcmp(last, line)) {
            printf("%s%s\n", last[0] ? "\n" : "", line);
            snprintf(last, sizeof last, "%s", line);
        }
        if (strlen(code) > 14) printf("  %s\n  %-14s %s\n", code, "", text);
        else printf("  %-14s %s\n", code, text);
    }
    fclose(f);
    return 0;
}
