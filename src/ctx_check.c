/* ctx_check.c: warnings about the data a context was made without. Some
 * loaders run without their files by design (a language without a tagger
 * model is not tagged, an empty rule directory cleans nothing), so a missing
 * file would otherwise go unnoticed: every stage whose data directory is
 * missing or holds no data file, and each file a loader takes as optional,
 * is named in ctx->warnings. Reads directories; never prints. */
#include "ctx.h"
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* Files their stage loads when present and silently does without. */
static const char *const optional_files[] = { "morph/de.model", "morph/de.lex", "morph/en.model", "morph/en.udwords" };

/* Adds the line "path: problem" to ctx->warnings (as much as fits). */
static void warn(lb_ctx *ctx, const char *path, const char *problem)
{
    size_t used = strlen(ctx->warnings);
    if (used + 2 >= sizeof ctx->warnings) return;
    if (used) ctx->warnings[used++] = '\n';
    snprintf(ctx->warnings + used, sizeof ctx->warnings - used, "%s: %s", path, problem);
}

/* 1 when dir holds a regular file other than documentation. */
static int has_data_file(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return 0;
    int found = 0;
    struct dirent *e;
    while (!found && (e = readdir(d))) {
        const char *n = e->d_name;
        if (n[0] == '.' || !strncmp(n, "README", 6) || !strncmp(n, "SOURCES", 7) || !strncmp(n, "LICENSE", 7)) continue;
        char path[4096];
        struct stat st;
        if (snprintf(path, sizeof path, "%s/%s", dir, n) < (int)sizeof path && stat(path, &st) == 0)
            found = S_ISREG(st.st_mode) || S_ISDIR(st.st_mode);
    }
    closedir(d);
    return found;
}

void lb_ctx_check_data(lb_ctx *ctx)
{
    char path[4096];
    for (int s = 0; s <= LB_STAGE_ALL; s++) {
        const char *name = lb_stage_name((lb_stage)s);
        if (!name || lb_ctx_path(path, sizeof path, ctx, name)) continue;
        char what[128];
        snprintf(what, sizeof what, "no data files: the %s stage runs without its dictionaries", name);
        if (!has_data_file(path)) warn(ctx, path, what);
    }
    for (size_t i = 0; i < sizeof optional_files / sizeof *optional_files; i++) {
        struct stat st;
        if (lb_ctx_path(path, sizeof path, ctx, optional_files[i]) || stat(path, &st) == 0) continue;
        char what[128];
        snprintf(what, sizeof what, "missing: the %.*s stage runs without it", (int)strcspn(optional_files[i], "/"),
                 optional_files[i]);
        warn(ctx, path, what);
    }
}

const char *lb_ctx_warnings(const lb_ctx *ctx) { return ctx ? ctx->warnings : ""; }
