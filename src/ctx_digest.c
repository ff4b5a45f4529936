/* ctx_digest.c: lb_ctx_digest, the fingerprint of the dictionaries a context
 * was made from (every file under the data directory, by relative path and
 * content, in sorted order, then the user dictionaries), recorded with every
 * stored document so that a database says what annotated it. Reads files;
 * never prints. */
#include "ctx.h"
#include "actors/kb.h"
#include "core/buf.h"
#include "store/sha256.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Appends "label TAB sha256(content) NL" for one file. */
static int add_file(lb_buf *man, lb_buf *content, const char *path, const char *label, lb_ctx *ctx)
{
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(ctx->err, sizeof ctx->err, "%s: cannot read", path); return LB_EIO; }
    lb_buf_reset(content);
    char chunk[65536];
    size_t n;
    int rc = LB_OK;
    while (!rc && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (lb_buf_add(content, chunk, n)) { snprintf(ctx->err, sizeof ctx->err, "%s: too large to digest", path); rc = LB_ELIMIT; }
    if (!rc && ferror(f)) { snprintf(ctx->err, sizeof ctx->err, "%s: read error", path); rc = LB_EIO; }
    fclose(f);
    if (rc) return rc;
    char hex[65];
    if (lb_sha256_hex(hex, content->data, content->len)) { snprintf(ctx->err, sizeof ctx->err, "%s: cannot digest", path); return LB_ENOMEM; }
    if (lb_buf_printf(man, "%s\t%s\n", label, hex)) return LB_ENOMEM;
    return LB_OK;
}

static int walk(lb_buf *man, lb_buf *content, const char *dir, const char *rel, int depth, lb_ctx *ctx)
{
    if (depth > LB_MAX_DIR_DEPTH) return LB_OK;
    struct dirent **list = NULL;
    int n = scandir(dir, &list, NULL, alphasort);
    if (n < 0) { snprintf(ctx->err, sizeof ctx->err, "%s: cannot list", dir); return LB_EIO; }
    int rc = LB_OK;
    for (int i = 0; i < n; i++) {
        const char *name = list[i]->d_name;
        if (!rc && name[0] != '.') {
            char path[4096], sub[4096];
            int w1 = snprintf(path, sizeof path, "%s/%s", dir, name);
            int w2 = snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", name);
            struct stat st;
            if (w1 < 0 || (size_t)w1 >= sizeof path || w2 < 0 || (size_t)w2 >= sizeof sub || lstat(path, &st) != 0) { /* skip */ }
            else if (S_ISDIR(st.st_mode)) rc = walk(man, content, path, sub, depth + 1, ctx);
            else if (S_ISREG(st.st_mode)) rc = add_file(man, content, path, sub, ctx);
        }
        free(list[i]);
    }
    free(list);
    return rc;
}

int lb_ctx_digest(char out[65], lb_ctx *ctx)
{
    out[0] = '\0';
    if (!ctx) return LB_EUSAGE;
    lb_buf man, content;
    lb_buf_init(&man, (size_t)64 << 20);
    lb_buf_init(&content, (size_t)1 << 30);
    int rc = walk(&man, &content, ctx->data_dir, "", 0, ctx);
    const struct lb_actor_kb *kb = ctx->actors;
    for (size_t i = 0; !rc && kb && i < kb->nuser_paths; i++) {
        char label[64];
        snprintf(label, sizeof label, "user-dict-%zu", i + 1);
        rc = add_file(&man, &content, kb->user_paths[i], label, ctx);
    }
    if (!rc && lb_sha256_hex(out, man.data, man.len)) { snprintf(ctx->err, sizeof ctx->err, "cannot digest the dictionaries"); rc = LB_ENOMEM; }
    lb_buf_free(&man);
    lb_buf_free(&content);
    return rc;
}
