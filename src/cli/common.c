/* common.c: option parsing shared by the CLI commands. */
#include "cli/cli.h"
#include <stdio.h>
#include <string.h>

int lb_cli_common_opt(lb_cli_common *o, int argc, char **argv, int *i, const char *cmd)
{
    const char *a = argv[*i];
    if (!strcmp(a, "--data") || !strcmp(a, "--format")) {
        if (*i + 1 >= argc) { fprintf(stderr, "lagebild: %s needs a value\n", a); return -1; }
        const char *v = argv[++*i];
        if (!strcmp(a, "--data")) { o->data_dir = v; return 1; }
        if (!strcmp(v, "auto")) o->format = LB_FORMAT_AUTO;
        else if (!strcmp(v, "text")) o->format = LB_FORMAT_TEXT;
        else if (!strcmp(v, "jsonl")) o->format = LB_FORMAT_JSONL;
        else { fprintf(stderr, "lagebild: --format must be auto, text or jsonl\n"); return -1; }
        return 1;
    }
    if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) { o->quiet = 1; return 1; }
    if (!strcmp(a, "--dict")) {
        if (*i + 1 >= argc) { fprintf(stderr, "lagebild: --dict needs a file\n"); return -1; }
        if (o->ndicts == (int)(sizeof o->dicts / sizeof o->dicts[0])) { fprintf(stderr, "lagebild: too many --dict files\n"); return -1; }
        o->dicts[o->ndicts++] = argv[++*i];
        return 1;
    }
    if (a[0] == '-' && a[1]) { fprintf(stderr, "lagebild %s: unknown option '%s'\n", cmd, a); return -1; }
    return 0;
}

int lb_cli_open_ctx(lb_ctx **ctx, const lb_cli_common *o)
{
    int rc = lb_ctx_new(ctx, o->data_dir);
    for (int k = 0; !rc && k < o->ndicts; k++) rc = lb_ctx_add_dict(*ctx, o->dicts[k]);
    if (rc) {
        fprintf(stderr, "lagebild: cannot load dictionaries: %s\n", lb_ctx_errmsg(*ctx));
        lb_ctx_free(*ctx);
        *ctx = NULL;
        return 2;
    }
    /* data files the stages went without: each named once, unless --quiet */
    const char *w = lb_ctx_warnings(*ctx);
    while (!o->quiet && *w) {
        size_t n = strcspn(w, "\n");
        lb_cli_msg(stderr, "", "lagebild: warning: %.*s", (int)n, w);
        w += n + (w[n] == '\n');
    }
    return 0;
}

int lb_cli_pipeline_open(lb_cli_pipeline *p, const lb_cli_common *o, char **paths, int npaths)
{
    p->ctx = NULL; p->reader = NULL; p->doc = NULL;
    if (lb_cli_open_ctx(&p->ctx, o)) return 2;
    if (lb_reader_new(&p->reader, o->format) || lb_doc_new(&p->doc, p->ctx)) {
        fprintf(stderr, "lagebild: out of memory\n");
        lb_cli_pipeline_close(p);
        return 2;
    }
    for (int i = 0; i < npaths; i++) lb_reader_add(p->reader, paths[i]);
    return 0;
}

void lb_cli_pipeline_close(lb_cli_pipeline *p)
{
    lb_doc_free(p->doc);
    lb_reader_free(p->reader);
    lb_ctx_free(p->ctx);
    p->doc = NULL; p->reader = NULL; p->ctx = NULL;
}
