/* http.c: the libmicrohttpd daemon of lagebild serve: a thread pool whose
 * workers each borrow a read-only store connection per request; GET and
 * HEAD only (405 otherwise), no request body (413), bounded headers and
 * idle time; every reply carries a Content-Security-Policy and nosniff. */
#include "server/internal.h"
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lb_server {
    struct MHD_Daemon *d;
    lb_pool *pool;
    lb_cache *cache;     /* NULL: no reply cache */
    char *static_dir;
    unsigned port;
};

#define CSP "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:;" \
            " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

void lb_reply_init(lb_reply *r)
{
    memset(r, 0, sizeof *r);
    r->status = 500;
    r->type = "application/json; charset=utf-8";
    lb_buf_init(&r->body, LB_SRV_MAX_REPLY);
}

void lb_reply_error(lb_reply *r, int status, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lb_buf_reset(&r->body);
    r->status = status;
    r->type = "application/json; charset=utf-8";
    r->filename = NULL;
    lb_buf_adds(&r->body, "{\"error\":");
    lb_json_str(&r->body, msg);
    lb_buf_printf(&r->body, ",\"status\":%d}", status);
}

static enum MHD_Result collect_param(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    lb_params *p = cls;
    if (p->n == LB_SRV_MAX_PARAMS) { p->overflow = 1; return MHD_NO; }
    p->kv[p->n].key = key;
    p->kv[p->n].val = value;
    p->n++;
    return MHD_YES;
}

static enum MHD_Result send_reply(struct MHD_Connection *conn, lb_reply *r, int is_api)
{
    if (!r->body.data) lb_buf_adds(&r->body, "");
    if (!r->body.data) { lb_reply_error(r, 500, "out of memory"); }
    size_t len = r->body.len;
    char *data = r->body.data;
    r->body.data = NULL;
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, data ? data : (char *)"", data ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
    if (!resp) { free(data); return MHD_NO; }
    MHD_add_response_header(resp, "Content-Type", r->type);
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Content-Security-Policy", CSP);
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Cache-Control", is_api ? "no-store" : "no-cache");
    if (r->status == 405) MHD_add_response_header(resp, "Allow", "GET, HEAD");
    if (r->filename) {
        char cd[128];
        snprintf(cd, sizeof cd, "attachment; filename=\"%s\"", r->filename);
        MHD_add_response_header(resp, "Content-Disposition", cd);
    }
    enum MHD_Result ret = MHD_queue_response(conn, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    return ret;
}

/* The cache key of a request: the path, then each parameter as key \1
 * value \2 (values with control characters never get a 200 reply). */
static void cache_key(lb_buf *k, const char *url, const lb_params *p)
{
    lb_buf_adds(k, url);
    for (size_t i = 0; i < p->n; i++) {
        lb_buf_addc(k, '\2');
        lb_buf_adds(k, p->kv[i].key);
        lb_buf_addc(k, '\1');
        if (p->kv[i].val) lb_buf_adds(k, p->kv[i].val);
    }
}

static void api_request(lb_server *srv, struct MHD_Connection *conn, const char *url, lb_reply *r)
{
    lb_params p;
    memset(&p, 0, sizeof p);
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_param, &p);
    lb_buf key;
    lb_buf_init(&key, 64 * 1024);
    cache_key(&key, url, &p);
    int keyed = srv->cache && !p.overflow && key.data;
    if (!keyed || !lb_cache_get(srv->cache, key.data, r)) {
        lb_api_handle(r, srv->pool, url + 5, &p);
        if (keyed) lb_cache_put(srv->cache, key.data, r);
    }
    lb_buf_free(&key);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **state)
{
    (void)version; (void)upload;
    static int started, too_large;
    lb_server *srv = cls;
    if (!*state) { *state = &started; return MHD_YES; }
    if (*upload_size) { *upload_size = 0; *state = &too_large; return MHD_YES; }
    lb_reply r;
    lb_reply_init(&r);
    int is_api = !strncmp(url, "/api/", 5);
    if (strcmp(method, "GET") && strcmp(method, "HEAD")) lb_reply_error(&r, 405, "only GET and HEAD are allowed");
    else if (*state == &too_large) lb_reply_error(&r, 413, "requests carry no body");
    else if (is_api) api_request(srv, conn, url, &r); else lb_static_handle(&r, srv->static_dir, url);
    enum MHD_Result ret = send_reply(conn, &r, is_api);
    lb_buf_free(&r.body);
    return ret;
}

int lb_server_start(lb_server **out, const lb_server_opts *o, char *err, size_t errlen)
{
    *out = NULL;
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)o->port);
    if (inet_pton(AF_INET, o->host, &addr.sin_addr) != 1) { snprintf(err, errlen, "'%s' is no IPv4 address", o->host); return LB_EUSAGE; }
    lb_server *srv = calloc(1, sizeof *srv);
    if (!srv) { snprintf(err, errlen, "out of memory"); return LB_ENOMEM; }
    unsigned threads = o->threads ? o->threads : 2;
    int rc = lb_pool_open(&srv->pool, o->db, threads, o->query_ms ? o->query_ms : 5000, err, errlen);
    if (rc != LB_OK) { free(srv); return rc; }
    srv->static_dir = o->static_dir ? strdup(o->static_dir) : NULL;
    if (o->cache_mb && lb_cache_open(&srv->cache, o->db, (size_t)o->cache_mb << 20) != LB_OK) srv->cache = NULL;
    srv->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL_LINUX_ONLY, 0, NULL, NULL,
                              on_request, srv,
                              MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                              MHD_OPTION_THREAD_POOL_SIZE, threads,
                              MHD_OPTION_CONNECTION_LIMIT, (unsigned)512,
                              MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)15,
                              MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)64 * 1024,
                              MHD_OPTION_END);
    if (!srv->d) {
        snprintf(err, errlen, "cannot listen on %s:%u (in use, or not allowed)", o->host, o->port);
        lb_pool_close(srv->pool);
        lb_cache_close(srv->cache);
        free(srv->static_dir);
        free(srv);
        return LB_EIO;
    }
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(srv->d, MHD_DAEMON_INFO_BIND_PORT);
    srv->port = info ? info->port : o->port;
    *out = srv;
    return LB_OK;
}

unsigned lb_server_port(const lb_server *s) { return s->port; }

void lb_server_stop(lb_server *s)
{
    if (!s) return;
    MHD_stop_daemon(s->d);
    lb_pool_close(s->pool);
    lb_cache_close(s->cache);
    free(s->static_dir);
    free(s);
}
