/* cmd_actors_lookup.c: `lagebild actors lookup NAME [--date D] [--dict FILE]`:
 * shows what a name resolves to (type, form, code/sector, canonical name,
 * Wikidata id, and a person's dated roles). A thin client of lb_actors_lookup. */
#include "cli/cli.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void help(FILE *f)
{
    fprintf(f, "usage: lagebild actors lookup NAME... [--date YYYY-MM-DD] [--dict FILE]... [--data DIR]\n"
               "\n"
               "Shows what NAME resolves to on the date (default: the latest roles): one line\n"
               "per mention (surface, type and form, code/sector, canonical name, Wikidata id),\n"
               "then a person's dated roles. Several words form one name.\n");
}

int lb_cmd_actors_lookup(int argc, char **argv)
{
    lb_cli_common o = { 0 };
    const char *date = NULL;
    char name[4096];
    size_t nl = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(stdout); return 0; }
        if (!strcmp(argv[i], "--date")) {
            if (i + 1 >= argc) { fprintf(stderr, "lagebild: --date needs a value\n"); return 2; }
            date = argv[++i];
            continue;
        }
        int r = lb_cli_common_opt(&o, argc, argv, &i, "actors lookup");
        if (r < 0) return 2;
        if (r) continue;
        size_t l = strlen(argv[i]);
        if (nl + l + 2 > sizeof name) { fprintf(stderr, "lagebild actors lookup: name too long\n"); return 2; }
        if (nl) name[nl++] = ' ';
        memcpy(name + nl, argv[i], l);
        nl += l;
    }
    if (!nl) { help(stderr); return 2; }
    if (date && (strlen(date) < 4 || strspn(date, "0123456789-T:Z+") != strlen(date))) {
        fprintf(stderr, "lagebild: --date must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)\n");
        return 2;
    }
    lb_ctx *ctx = NULL;
    if (lb_cli_open_ctx(&ctx, &o)) return 2;
    char *out = NULL;
    int rc = lb_actors_lookup(&out, ctx, name, nl, date);
    if (rc) {
        fprintf(stderr, "lagebild: lookup failed: %s\n", lb_strerror(rc));
        lb_ctx_free(ctx);
        return 2;
    }
    int found = out[0] != '\0';
    if (found) lb_cli_put_safe(stdout, out, strlen(out), LB_SAFE_KEEP_NL);
    else printf("%.*s: not found\n", (int)nl, name);
    free(out);
    lb_ctx_free(ctx);
    return found ? 0 : 1;
}
