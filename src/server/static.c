/* static.c: serves the browser UI's files from one directory. A path is
 * served only when it is made of safe characters, has no dot segment, and
 * resolves (symlinks followed) to a regular file inside the root; anything
 * else is a 404. */
#include "server/internal.h"
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LB_STATIC_MAX_FILE ((size_t)16 << 20)

static const char *content_type(const char *path)
{
    static const struct { const char *ext, *type; } types[] = {
        { ".html", "text/html; charset=utf-8" }, { ".js", "text/javascript; charset=utf-8" },
        { ".css", "text/css; charset=utf-8" }, { ".json", "application/json; charset=utf-8" },
        { ".svg", "image/svg+xml" }, { ".png", "image/png" }, { ".ico", "image/x-icon" },
        { ".txt", "text/plain; charset=utf-8" },
    };
    const char *dot = strrchr(path, '.');
    for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
        if (!strcmp(dot, types[i].ext)) return types[i].type;
    return "application/octet-stream";
}

/* Letters, digits, '-', '_', '.', '/'; no empty, "." or ".." segment and
 * no segment starting with a dot. */
static int safe_path(const char *p)
{
    if (!*p || strlen(p) > 200) return 0;
    for (const char *c = p; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '-' || *c == '_' || *c == '.' || *c == '/')) return 0;
    for (const char *seg = p; *seg;) {
        if (*seg == '/' || *seg == '.') return 0;
        const char *end = strchr(seg, '/');
        if (!end) break;
        seg = end + 1;
        if (!*seg) return 0;
    }
    return 1;
}

static int read_file(lb_buf *b, const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode) || (size_t)st.st_size > LB_STATIC_MAX_FILE ||
        lb_buf_reserve(b, (size_t)st.st_size + 1)) { close(fd); return -1; }
    char chunk[65536];
    ssize_t n;
    while ((n = read(fd, chunk, sizeof chunk)) > 0)
        if (lb_buf_add(b, chunk, (size_t)n)) { close(fd); return -1; }
    close(fd);
    return n < 0 ? -1 : 0;
}

void lb_static_handle(lb_reply *r, const char *root, const char *path)
{
    while (*path == '/') path++;
    if (!*path) path = "index.html";
    if (!root || !safe_path(path)) { lb_reply_error(r, 404, "not found"); return; }
    char want[PATH_MAX], real_root[PATH_MAX], real[PATH_MAX];
    if (!realpath(root, real_root) || snprintf(want, sizeof want, "%s/%s", real_root, path) >= (int)sizeof want ||
        !realpath(want, real)) { lb_reply_error(r, 404, "not found"); return; }
    size_t n = strlen(real_root);
    if (strncmp(real, real_root, n) || real[n] != '/') { lb_reply_error(r, 404, "not found"); return; }
    if (read_file(&r->body, real)) { lb_buf_reset(&r->body); lb_reply_error(r, 404, "not found"); return; }
    r->status = 200;
    r->type = content_type(real);
}
