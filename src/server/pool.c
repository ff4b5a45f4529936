/* pool.c: a fixed pool of read-only store connections shared by the worker
 * threads; each request borrows one. A SQLite progress handler interrupts a
 * query that runs past the request's deadline. */
#include "server/internal.h"
#include "store/store.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct slot {
    lb_store *s;
    int busy;
    struct timespec deadline;
} slot;

struct lb_pool {
    pthread_mutex_t mu;
    pthread_cond_t freed;
    slot *slots;
    unsigned n, query_ms;
};

static int past_deadline(void *arg)
{
    const slot *sl = arg;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > sl->deadline.tv_sec ||
           (now.tv_sec == sl->deadline.tv_sec && now.tv_nsec > sl->deadline.tv_nsec);
}

int lb_pool_open(lb_pool **out, const char *db, unsigned n, unsigned query_ms, char *err, size_t errlen)
{
    *out = NULL;
    lb_pool *p = calloc(1, sizeof *p);
    if (!p || !(p->slots = calloc(n, sizeof *p->slots))) {
        free(p);
        snprintf(err, errlen, "out of memory");
        return LB_ENOMEM;
    }
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->freed, NULL);
    p->n = n;
    p->query_ms = query_ms;
    for (unsigned i = 0; i < n; i++) {
        lb_store *s = NULL;
        int rc = lb_store_open(&s, db, LB_STORE_READONLY);
        if (rc != LB_OK) {
            snprintf(err, errlen, "%s", s ? lb_store_errmsg(s) : "cannot open the database");
            lb_store_close(s);
            lb_pool_close(p);
            return rc;
        }
        p->slots[i].s = s;
        /* every 10000 virtual machine steps: cheap, and fine-grained enough */
        sqlite3_progress_handler(s->db, 10000, past_deadline, &p->slots[i]);
    }
    *out = p;
    return LB_OK;
}

lb_store *lb_pool_get(lb_pool *p)
{
    pthread_mutex_lock(&p->mu);
    for (;;) {
        for (unsigned i = 0; i < p->n; i++) {
            slot *sl = &p->slots[i];
            if (sl->busy) continue;
            sl->busy = 1;
            clock_gettime(CLOCK_MONOTONIC, &sl->deadline);
            sl->deadline.tv_sec += p->query_ms / 1000;
            sl->deadline.tv_nsec += (long)(p->query_ms % 1000) * 1000000L;
            if (sl->deadline.tv_nsec >= 1000000000L) { sl->deadline.tv_sec++; sl->deadline.tv_nsec -= 1000000000L; }
            pthread_mutex_unlock(&p->mu);
            return sl->s;
        }
        pthread_cond_wait(&p->freed, &p->mu);
    }
}

void lb_pool_put(lb_pool *p, lb_store *s)
{
    pthread_mutex_lock(&p->mu);
    for (unsigned i = 0; i < p->n; i++)
        if (p->slots[i].s == s) p->slots[i].busy = 0;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->mu);
}

void lb_pool_close(lb_pool *p)
{
    if (!p) return;
    for (unsigned i = 0; i < p->n; i++) lb_store_close(p->slots[i].s);
    pthread_cond_destroy(&p->freed);
    pthread_mutex_destroy(&p->mu);
    free(p->slots);
    free(p);
}
