/* ctx.c: creates the context: finds the data directory and has the
 * pipeline driver (pipeline.c) load every stage's dictionaries once. Holds
 * no per-document state. */
#include "ctx.h"
#include "pipeline.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef LB_DATA_DIR
#define LB_DATA_DIR "data"
#endif
#ifndef LB_VERSION
#define LB_VERSION "0"
#endif

const char *lb_version(void) { return LB_VERSION; }

const char *lb_strerror(int status)
{
    switch (status) {
    case LB_OK: return "ok";
    case LB_DONE: return "done";
    case LB_ENOMEM: return "out of memory";
    case LB_EINPUT: return "malformed input";
    case LB_EIO: return "input/output error";
    case LB_ELIMIT: return "input exceeds a limit";
    case LB_EDATA: return "malformed dictionary";
    case LB_EUSAGE: return "invalid argument";
    default: return "error";
    }
}

int lb_ctx_path(char *out, size_t n, const lb_ctx *ctx, const char *rel)
{
    int w = snprintf(out, n, "%s/%s", ctx->data_dir, rel);
    return (w < 0 || (size_t)w >= n) ? -1 : 0;
}

static int ctx_fail(lb_ctx *ctx, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int ctx_fail(lb_ctx *ctx, int rc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->err, sizeof ctx->err, fmt, ap);
    va_end(ap);
    return rc;
}

static int ctx_create(lb_ctx **out, const char *data_dir, int lookup_only)
{
    *out = NULL;
    lb_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) return LB_ENOMEM;
    *out = ctx;
    ctx->lookup_only = lookup_only;
    if (!data_dir || !*data_dir) data_dir = getenv("LAGEBILD_DATA");
    if (!data_dir || !*data_dir) data_dir = LB_DATA_DIR;
    if (!(ctx->data_dir = strdup(data_dir))) return ctx_fail(ctx, LB_ENOMEM, "out of memory");
    struct stat st;
    if (stat(data_dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return ctx_fail(ctx, LB_EIO, "data directory '%s' not found (use --data DIR or LAGEBILD_DATA)", data_dir);
    int rc = lb_pipeline_load(ctx);
    if (!rc && !lookup_only) lb_ctx_check_data(ctx);
    return rc;
}

int lb_ctx_new(lb_ctx **out, const char *data_dir) { return ctx_create(out, data_dir, 0); }
int lb_ctx_new_lookup(lb_ctx **out, const char *data_dir) { return ctx_create(out, data_dir, 1); }

void lb_ctx_free(lb_ctx *ctx)
{
    if (!ctx) return;
    lb_pipeline_free(ctx);
    free(ctx->data_dir);
    free(ctx);
}

const char *lb_ctx_errmsg(const lb_ctx *ctx) { return ctx ? ctx->err : "out of memory"; }
const char *lb_ctx_data_dir(const lb_ctx *ctx) { return ctx->data_dir; }
