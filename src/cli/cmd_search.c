/* cmd_search.c: `lagebild search QUERY`: stored articles ranked by BM25 with
 * highlighted snippets (FTS5, stemmed German/English). A thin client. */
#include "cli/cli.h"
#include "cli/cmd_query.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int lb_cmd_search(int argc, char **argv)
{
    lb_qopts o = { 0 };
    size_t qlen = 1;
    for (int i = 1; i < argc; i++) qlen += strlen(argv[i]) + 1;
    char *query = calloc(qlen, 1);
    if (!query) { fprintf(stderr, "lagebild search: out of memory\n"); return 2; }
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            printf("usage: lagebild search [--db PATH] [--format table|json|csv] [--limit N] [--raw]\n"
                   "         [--since DATE] [--until DATE] [--source S] WORD...\n"
                   "\n"
                   "Ranks stored articles containing all the words (stemmed: 'Sanktionen' finds\n"
                   "'Sanktion'); --raw takes FTS5 query syntax (OR, NOT, \"phrases\", prefix*).\n"
                   "Snippets mark matches with [ ] (bold on a terminal). Default limit %d.\n",
                   LB_STORE_DEFAULT_LIMIT);
            free(query);
            return 0;
        }
        if (!strcmp(argv[i], "--raw")) { o.f.raw_query = 1; continue; }
        int r = lb_qopt(&o, argc, argv, &i, "search");
        if (r < 0) { free(query); return 2; }
        if (r) continue;
        if (argv[i][0] == '-' && argv[i][1] && argv[i][1] == '-') {
            fprintf(stderr, "lagebild search: unknown option '%s'\n", argv[i]);
            free(query);
            return 2;
        }
        if (*query) strcat(query, " ");
        strcat(query, argv[i]);
    }
    if (!*query) { fprintf(stderr, "lagebild search: no query given\n"); free(query); return 2; }
    o.f.text = query;
    if (o.format == LB_OUT_TABLE && isatty(STDOUT_FILENO)) { o.f.hl_open = "\x1b[1m"; o.f.hl_close = "\x1b[0m"; }
    lb_store *s = lb_qopen(&o, "search");
    if (!s) { free(query); return 2; }
    int rc = lb_qrun(s, LB_Q_SEARCH, &o, 0, "search");
    lb_store_close(s);
    free(query);
    return rc;
}
