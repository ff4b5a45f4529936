/* cache.c: a bounded cache of API replies (200 only), keyed by path and
 * parameters. The database is opened read-only, but another process may
 * ingest into it: the cache is emptied whenever the database or its WAL file
 * changes (size, mtime, inode), checked at most every 250 ms, so a reply is
 * never more than that behind a commit. Least recently used entries go
 * first when the byte budget is spent. */
#include "server/internal.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define LB_CACHE_SLOTS 1024
#define LB_CACHE_MAX_ENTRY ((size_t)8 << 20)
#define LB_CACHE_CHECK_NS 250000000LL

typedef struct entry {
    uint64_t hash, used;
    char *key;
    char *body;
    size_t len;
    const char *type, *filename;   /* static strings */
} entry;

struct lb_cache {
    pthread_mutex_t mu;
    entry e[LB_CACHE_SLOTS];
    size_t bytes, max_bytes;
    uint64_t tick;
    char *db, *wal;
    long long checked_ns;
    struct { long long mtime, size, ino; } gen[2];
};

static long long now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static uint64_t hash_key(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static void drop(lb_cache *c, entry *e)
{
    c->bytes -= e->len + strlen(e->key);
    free(e->key);
    free(e->body);
    memset(e, 0, sizeof *e);
}

/* Empties the cache when the database files changed since the last check. */
static void check_generation(lb_cache *c)
{
    long long now = now_ns();
    if (now - c->checked_ns < LB_CACHE_CHECK_NS) return;
    c->checked_ns = now;
    const char *paths[2] = { c->db, c->wal };
    int changed = 0;
    for (int i = 0; i < 2; i++) {
        struct stat st;
        long long m = 0, z = -1, n = 0;
        if (!stat(paths[i], &st)) { m = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec; z = st.st_size; n = (long long)st.st_ino; }
        if (m != c->gen[i].mtime || z != c->gen[i].size || n != c->gen[i].ino) changed = 1;
        c->gen[i].mtime = m; c->gen[i].size = z; c->gen[i].ino = n;
    }
    if (changed)
        for (size_t i = 0; i < LB_CACHE_SLOTS; i++) if (c->e[i].key) drop(c, &c->e[i]);
}

int lb_cache_open(lb_cache **out, const char *db, size_t max_bytes)
{
    *out = NULL;
    lb_cache *c = calloc(1, sizeof *c);
    if (!c) return LB_ENOMEM;
    size_t n = strlen(db);
    c->db = strdup(db);
    c->wal = malloc(n + 5);
    if (!c->db || !c->wal) { free(c->db); free(c->wal); free(c); return LB_ENOMEM; }
    memcpy(c->wal, db, n);
    memcpy(c->wal + n, "-wal", 5);
    pthread_mutex_init(&c->mu, NULL);
    c->max_bytes = max_bytes;
    c->checked_ns = now_ns() - 2 * LB_CACHE_CHECK_NS;
    check_generation(c);
    *out = c;
    return LB_OK;
}

void lb_cache_close(lb_cache *c)
{
    if (!c) return;
    for (size_t i = 0; i < LB_CACHE_SLOTS; i++) if (c->e[i].key) drop(c, &c->e[i]);
    pthread_mutex_destroy(&c->mu);
    free(c->db);
    free(c->wal);
    free(c);
}

int lb_cache_get(lb_cache *c, const char *key, lb_reply *r)
{
    uint64_t h = hash_key(key);
    int hit = 0;
    pthread_mutex_lock(&c->mu);
    check_generation(c);
    for (size_t i = 0; i < LB_CACHE_SLOTS && !hit; i++) {
        entry *e = &c->e[i];
        if (!e->key || e->hash != h || strcmp(e->key, key)) continue;
        lb_buf_reset(&r->body);
        if (lb_buf_add(&r->body, e->body, e->len)) break;
        e->used = ++c->tick;
        r->status = 200;
        r->type = e->type;
        r->filename = e->filename;
        hit = 1;
    }
    pthread_mutex_unlock(&c->mu);
    return hit;
}

void lb_cache_put(lb_cache *c, const char *key, const lb_reply *r)
{
    size_t need = r->body.len + strlen(key);
    if (r->status != 200 || !r->body.data || r->body.len > LB_CACHE_MAX_ENTRY || need > c->max_bytes) return;
    char *k = strdup(key), *b = malloc(r->body.len ? r->body.len : 1);
    if (!k || !b) { free(k); free(b); return; }
    memcpy(b, r->body.data, r->body.len);
    pthread_mutex_lock(&c->mu);
    entry *slot = NULL;
    for (;;) {
        entry *lru = NULL;
        slot = NULL;
        for (size_t i = 0; i < LB_CACHE_SLOTS; i++) {
            entry *e = &c->e[i];
            if (!e->key) { if (!slot) slot = e; continue; }
            if (!lru || e->used < lru->used) lru = e;
        }
        if (slot && c->bytes + need <= c->max_bytes) break;
        if (!lru) break;
        drop(c, lru);
    }
    if (slot && c->bytes + need <= c->max_bytes) {
        *slot = (entry){ .hash = hash_key(key), .used = ++c->tick, .key = k, .body = b, .len = r->body.len,
                         .type = r->type, .filename = r->filename };
        c->bytes += need;
        k = NULL; b = NULL;
    }
    pthread_mutex_unlock(&c->mu);
    free(k);
    free(b);
}
