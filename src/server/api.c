/* api.c: the JSON API: GET /api/{stats,events,quotes,actors,dyads,timeline,
 * search,suggest}, /api/docs/{id} and /api/export.{csv,jsonl}. Every query
 * goes through lb_store_query (bound parameters, a row limit) on a pooled
 * read-only connection. */
#include "server/params.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct endpoint {
    const char *name;
    lb_query q;
    const char *accepted;
    size_t default_limit, max_limit;
} endpoint;

#define EVENT_PARAMS "actor recipient type since until source include limit offset"
static const endpoint endpoints[] = {
    { "stats", LB_Q_STATS, "include", 1, 1 },
    { "events", LB_Q_EVENTS, EVENT_PARAMS, 100, 1000 },
    { "quotes", LB_Q_QUOTES, "speaker about actor since until source limit offset", 100, 1000 },
    { "actors", LB_Q_ACTORS, "actor since until include limit offset", 20, 1000 },
    { "dyads", LB_Q_DYADS, "actor recipient type since until include limit offset", 20, 1000 },
    { "timeline", LB_Q_TIMELINE, "a b type since until include", 5000, 5000 },
    { "search", LB_Q_SEARCH, "q since until source limit offset", 20, 1000 },
    { "suggest", LB_Q_SUGGEST, "q limit", 10, 100 },
    { "export.csv", LB_Q_EXPORT_FLAT, EVENT_PARAMS, 10000, 100000 },
    { "export.jsonl", LB_Q_EXPORT, EVENT_PARAMS, 10000, 100000 },
};

/* The status of a failed query: usage errors are the client's (400), an
 * interrupted one took too long (503), the rest are ours (500). */
static void query_failed(lb_reply *r, lb_store *s, int rc)
{
    const char *msg = lb_store_errmsg(s);
    if (rc == LB_EUSAGE) lb_reply_error(r, 400, "%s", msg);
    else if (strstr(msg, "interrupt")) lb_reply_error(r, 503, "the query took too long");
    else lb_reply_error(r, 500, "query failed: %s", msg);
}

/* A CSV cell as the CLI writes it (docs/CODEBOOK.md): control characters
 * but newline and tab, and invalid UTF-8, become U+FFFD; a text cell that a
 * spreadsheet would take for a formula (= + - @ tab CR) gets a leading
 * single quote; RFC 4180 quoting. */
static void csv_cell(lb_buf *b, const char *v, int text)
{
    lb_buf safe;
    lb_buf_init(&safe, LB_SRV_MAX_REPLY);
    const unsigned char *p = (const unsigned char *)v;
    for (size_t i = 0, n = strlen(v); i < n;) {
        uint32_t cp = 0;
        size_t len = lb_srv_utf8(p + i, n - i, &cp);
        int control = !len || (cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
        if (control) lb_buf_adds(&safe, "\xef\xbf\xbd"); else lb_buf_add(&safe, p + i, len);
        i += len ? len : 1;
    }
    const char *s = safe.data ? safe.data : "";
    int formula = text && s[0] && strchr("=+-@\t\r", s[0]);
    if (!strpbrk(s, ",\"\r\n")) {
        if (formula) lb_buf_addc(b, '\'');
        lb_buf_adds(b, s);
    } else {
        lb_buf_addc(b, '"');
        if (formula) lb_buf_addc(b, '\'');
        for (const char *q = s; *q; q++) {
            if (*q == '"') lb_buf_addc(b, '"');
            lb_buf_addc(b, *q);
        }
        lb_buf_addc(b, '"');
    }
    lb_buf_free(&safe);
}

static int write_csv(lb_buf *b, lb_cursor *c)
{
    size_t n = lb_cursor_ncols(c);
    for (size_t i = 0; i < n; i++) { if (i) lb_buf_addc(b, ','); csv_cell(b, lb_cursor_colname(c, i), 0); }
    lb_buf_addc(b, '\n');
    int rc;
    while ((rc = lb_cursor_next(c)) == LB_OK) {
        for (size_t i = 0; i < n; i++) {
            if (i) lb_buf_addc(b, ',');
            const char *v = lb_cursor_text(c, i);
            if (v) csv_cell(b, v, lb_cursor_type(c, i) == LB_VAL_TEXT);
        }
        lb_buf_addc(b, '\n');
    }
    return rc;
}

static int write_jsonl(lb_buf *b, lb_cursor *c)
{
    int rc;
    while ((rc = lb_cursor_next(c)) == LB_OK) {
        const char *j = lb_cursor_text(c, 0);
        if (j) { lb_buf_adds(b, j); lb_buf_addc(b, '\n'); }
    }
    return rc;
}

/* Runs one query into the reply body in the endpoint's format. */
static void run_query(lb_reply *r, lb_store *s, const endpoint *e, const lb_store_filter *f)
{
    if (e->q == LB_Q_TIMELINE && (!f->a || !f->b)) { lb_reply_error(r, 400, "timeline needs both a and b"); return; }
    if ((e->q == LB_Q_SEARCH || e->q == LB_Q_SUGGEST) && !f->text) { lb_reply_error(r, 400, "q is required"); return; }
    lb_cursor *c = NULL;
    int rc = lb_store_query(&c, s, e->q, f);
    if (rc != LB_OK) { query_failed(r, s, rc); return; }
    if (e->q == LB_Q_EXPORT_FLAT) { r->type = "text/csv; charset=utf-8"; r->filename = "events.csv"; rc = write_csv(&r->body, c); }
    else if (e->q == LB_Q_EXPORT) { r->type = "application/x-ndjson; charset=utf-8"; r->filename = "events.jsonl"; rc = write_jsonl(&r->body, c); }
    else if (e->q == LB_Q_STATS) {
        rc = lb_cursor_next(c);
        if (rc == LB_OK) { lb_json_row(&r->body, c); rc = LB_DONE; }
        else if (rc == LB_DONE) lb_buf_adds(&r->body, "{}");
    } else if (e->q == LB_Q_TIMELINE) {
        lb_buf_adds(&r->body, "{\"types\":");
        rc = lb_json_rows(&r->body, c, f->offset);
        lb_cursor_free(c);
        c = NULL;
        if (rc == LB_DONE && (rc = lb_store_query(&c, s, LB_Q_BALANCE, f)) == LB_OK) {
            lb_buf_adds(&r->body, ",\"months\":");
            rc = lb_json_rows(&r->body, c, f->offset);
            lb_buf_addc(&r->body, '}');
        }
    } else rc = lb_json_rows(&r->body, c, f->offset);
    lb_cursor_free(c);
    if (rc != LB_DONE) { lb_buf_reset(&r->body); query_failed(r, s, rc); return; }
    r->status = 200;
}

static void get_doc(lb_reply *r, lb_pool *pool, const char *id, const lb_params *q)
{
    if (q->n) { lb_reply_error(r, 400, "unknown parameter '%.40s' (this endpoint takes none)", q->kv[0].key); return; }
    if (!*id || strlen(id) > LB_SRV_MAX_VALUE) { lb_reply_error(r, 404, "no such document"); return; }
    lb_store *s = lb_pool_get(pool);
    char *json = NULL;
    int rc = lb_store_doc(&json, s, id);
    if (rc == LB_OK) {
        r->status = 200;
        lb_buf_adds(&r->body, json);
    } else if (rc == LB_DONE) lb_reply_error(r, 404, "no stored document has this id");
    else query_failed(r, s, rc);
    free(json);
    lb_pool_put(pool, s);
}

void lb_api_handle(lb_reply *r, lb_pool *pool, const char *path, const lb_params *q)
{
    r->type = "application/json; charset=utf-8";
    if (!strncmp(path, "docs/", 5)) { get_doc(r, pool, path + 5, q); return; }
    const endpoint *e = NULL;
    for (size_t i = 0; i < sizeof endpoints / sizeof endpoints[0]; i++)
        if (!strcmp(path, endpoints[i].name)) e = &endpoints[i];
    if (!e) { lb_reply_error(r, 404, "no such API endpoint"); return; }
    lb_api_query a;
    memset(&a, 0, sizeof a);
    a.default_limit = e->default_limit;
    a.max_limit = e->max_limit;
    char err[256];
    if (lb_api_parse(&a, q, e->accepted, err, sizeof err)) { lb_reply_error(r, 400, "%s", err); return; }
    if (e->q == LB_Q_SEARCH) { a.f.hl_open = "\x02"; a.f.hl_close = "\x03"; }   /* the UI marks them up */
    lb_store *s = lb_pool_get(pool);
    run_query(r, s, e, &a.f);
    lb_pool_put(pool, s);
}
