/* cmd_serve.c: lagebild serve --db PATH [--listen HOST:PORT] [--static DIR]
 * [--threads N]: runs the JSON API and the browser UI (src/server/) until
 * SIGINT or SIGTERM, then lets running requests finish and exits 0. */
#include "cli/cli.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef LB_WEB_DIR
#define LB_WEB_DIR "web"
#endif

static void serve_usage(FILE *f)
{
    fprintf(f, "usage: lagebild serve [--db PATH] [--listen HOST:PORT] [--static DIR] [--threads N] [--cache-mb N]\n"
               "  --db PATH           the event database, opened read-only (default ./lagebild.db)\n"
               "  --listen HOST:PORT  IPv4 address and port (default 127.0.0.1:8080; port 0 = any free)\n"
               "  --static DIR        the browser UI's files (default " LB_WEB_DIR ")\n"
               "  --threads N         worker threads and database connections (default 4)\n"
               "  --cache-mb N        MiB of cached API replies, emptied when the database changes\n"
               "                      (default 64; 0 = none)\n"
               "The first line on stdout is the URL. SIGINT or SIGTERM stops the server.\n");
}

/* A whole decimal number from lo to hi (no sign, no spaces, no suffix). */
static int strict_uint(const char *v, unsigned long lo, unsigned long hi, unsigned *out)
{
    if (v[0] < '0' || v[0] > '9' || strlen(v) > 9) return -1;
    char *end;
    unsigned long n = strtoul(v, &end, 10);
    if (*end || n < lo || n > hi) return -1;
    *out = (unsigned)n;
    return 0;
}

/* "HOST:PORT" into host (a copy in buf) and port. */
static int parse_listen(const char *v, char *host, size_t n, unsigned *port)
{
    const char *colon = strrchr(v, ':');
    if (!colon || colon == v || (size_t)(colon - v) >= n) return -1;
    unsigned p;
    if (strict_uint(colon + 1, 0, 65535, &p)) return -1;
    memcpy(host, v, (size_t)(colon - v));
    host[colon - v] = 0;
    *port = (unsigned)p;
    return 0;
}

static int parse_args(lb_server_opts *o, char *host, size_t hostlen, int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { serve_usage(stdout); return 1; }
        if (i + 1 >= argc) { fprintf(stderr, "lagebild serve: unknown option or missing value '%s'\n", a); return 2; }
        const char *v = argv[++i];
        if (!strcmp(a, "--db")) o->db = v;
        else if (!strcmp(a, "--static")) o->static_dir = v;
        else if (!strcmp(a, "--listen")) {
            if (parse_listen(v, host, hostlen, &o->port)) { fprintf(stderr, "lagebild serve: --listen needs HOST:PORT\n"); return 2; }
            o->host = host;
        } else if (!strcmp(a, "--cache-mb")) {
            if (strict_uint(v, 0, 4096, &o->cache_mb)) { fprintf(stderr, "lagebild serve: --cache-mb must be 0 to 4096\n"); return 2; }
        } else if (!strcmp(a, "--threads")) {
            if (strict_uint(v, 1, 64, &o->threads)) { fprintf(stderr, "lagebild serve: --threads must be 1 to 64\n"); return 2; }
        } else { fprintf(stderr, "lagebild serve: unknown option '%s'\n", a); serve_usage(stderr); return 2; }
    }
    return 0;
}

int lb_cmd_serve(int argc, char **argv)
{
    char host[64] = "127.0.0.1";
    lb_server_opts o = { .db = "lagebild.db", .host = host, .port = 8080, .static_dir = LB_WEB_DIR,
                         .threads = 4, .query_ms = 5000, .cache_mb = 64 };
    int st = parse_args(&o, host, sizeof host, argc, argv);
    if (st) return st == 1 ? 0 : 2;
    if (access(o.db, R_OK) != 0) { fprintf(stderr, "lagebild serve: %s: no such database (run 'lagebild ingest' first)\n", o.db); return 2; }
    /* the worker threads inherit the blocked signals; only sigwait takes them */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    lb_server *srv = NULL;
    char err[512];
    if (lb_server_start(&srv, &o, err, sizeof err) != LB_OK) { fprintf(stderr, "lagebild serve: %s\n", err); return 2; }
    printf("http://%s:%u/\n", o.host, lb_server_port(srv));
    fflush(stdout);
    if (strcmp(o.host, "127.0.0.1") && strncmp(o.host, "127.", 4))
        fprintf(stderr, "lagebild serve: warning: listening on %s, not only on loopback\n", o.host);
    int sig = 0;
    sigwait(&stop, &sig);
    fprintf(stderr, "lagebild serve: stopping (signal %d)\n", sig);
    lb_server_stop(srv);
    return 0;
}
