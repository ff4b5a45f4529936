/* ingest_run.c: the parallel ingest (see ingest.h). A ring of slots carries
 * every input through three roles: the reader (calling thread) copies an
 * input into a free slot, a worker annotates it with its own document
 * handle (one per worker: its caches stay warm for the whole run), computes
 * its full-text terms (which the writer's tokenizer replays: the writer is
 * the one serial role) and copies the result into the slot's store record
 * (lb_store_record), the writer stores finished slots in input order and
 * frees them at once. A transaction spans many runs of slots: it is
 * committed after --batch documents, after 1 s, or when no document was
 * ready for 0.1 s, so a slow document never holds
 * the database's write lock and a second ingest on the same database can go
 * on. One mutex guards the ring. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* RUSAGE_THREAD */
#endif
#include "cli/ingest.h"
#include "cli/cmd_query.h"
#include <pthread.h>
#include <sys/resource.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { SLOT_FREE = 0, SLOT_QUEUED, SLOT_WORKING, SLOT_DONE };

typedef struct slot {
    int state;
    lb_doc *doc;             /* the store record (lb_store_record), never annotated */
    lb_input in;             /* its strings point into buf */
    char *buf;
    size_t cap;
    int rc;                  /* of lb_doc_annotate */
    lb_index_terms *terms;   /* its full-text terms, computed by the worker */
    int terms_ok;
    char sha[65];            /* the input text's SHA-256 (the reader looked it up), or "" */
} slot;

typedef struct ingest {
    const lb_ingest_opts *o;
    pthread_mutex_t mu;
    pthread_cond_t can_fill, can_work, can_store;
    slot *slots;
    size_t nslots;
    size_t next_fill, next_work, next_store;   /* sequence numbers */
    int input_done, stop;
    lb_store *store;
    lb_doc **wdocs;          /* one annotating handle per worker */
    int nworkers;            /* workers that took their handle */
    lb_ingest_stats *st;
    const char *clear;       /* "\r\x1b[K" before a message while a bar is drawn */
} ingest;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Copies the input's strings into the slot's own buffer. 0, or -1 (memory). */
static int copy_input(slot *s, const lb_input *in)
{
    const char *src[] = { in->id, in->text, in->date, in->lang, in->source, in->url, in->title, in->origin };
    size_t len[] = { in->id_len, in->text_len, in->date_len, in->lang_len, in->source_len, in->url_len,
                     in->title_len, in->origin ? strlen(in->origin) : 0 };
    size_t need = 0;
    for (size_t k = 0; k < 8; k++) need += len[k] + 1;
    if (need > s->cap) {
        char *b = realloc(s->buf, need);
        if (!b) return -1;
        s->buf = b; s->cap = need;
    }
    const char *dst[8];
    size_t o = 0;
    for (size_t k = 0; k < 8; k++) {
        if (len[k]) memcpy(s->buf + o, src[k], len[k]);
        s->buf[o + len[k]] = '\0';
        dst[k] = src[k] ? s->buf + o : NULL;
        o += len[k] + 1;
    }
    s->in = *in;
    s->in.id = dst[0]; s->in.text = dst[1] ? dst[1] : s->buf + len[0] + 1;
    s->in.date = dst[2]; s->in.lang = dst[3]; s->in.source = dst[4]; s->in.url = dst[5];
    s->in.title = dst[6]; s->in.origin = dst[7] ? dst[7] : "";
    return 0;
}

/* CPU seconds the calling thread has used. */
static double thread_cpu(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)) return 0;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Of them, the seconds spent in the kernel (page faults, file writes). */
static double thread_sys(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_THREAD, &ru)) return 0;
    return (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static void *worker(void *arg)
{
    ingest *g = arg;
    pthread_setname_np(pthread_self(), "lb-annotate");   /* profilers tell the roles apart */
    lb_indexer *ix = NULL;   /* without it (no memory) the writer tokenizes */
    if (lb_indexer_new(&ix)) ix = NULL;
    pthread_mutex_lock(&g->mu);
    lb_doc *doc = g->wdocs[g->nworkers++];
    for (;;) {
        while (g->next_work == g->next_fill && !g->input_done && !g->stop) pthread_cond_wait(&g->can_work, &g->mu);
        if (g->stop || g->next_work == g->next_fill) break;
        slot *s = &g->slots[g->next_work++ % g->nslots];
        s->state = SLOT_WORKING;
        pthread_mutex_unlock(&g->mu);
        s->rc = lb_doc_annotate(doc, &s->in);
        s->terms_ok = s->rc == LB_OK && ix && s->terms && lb_index_terms_compute(ix, s->terms, doc) == LB_OK;
        if (s->terms_ok) lb_index_terms_hash(s->terms, doc, s->in.text, s->in.text_len, s->sha[0] ? s->sha : NULL);
        int rec = lb_store_record(s->doc, doc);
        if (s->rc == LB_OK) s->rc = rec;
        pthread_mutex_lock(&g->mu);
        s->state = SLOT_DONE;
        pthread_cond_signal(&g->can_store);
    }
    g->st->cpu_annotate += thread_cpu();
    g->st->sys_annotate += thread_sys();
    pthread_mutex_unlock(&g->mu);
    lb_indexer_free(ix);
    return NULL;
}

/* The writer's open transaction. Its documents' slots are free again once
 * stored; their full-text terms (read at the commit) are swapped into pool. */
enum { TX_MAX = 256 };
typedef struct txn {
    int open;
    size_t docs, nterms, stored, skipped;   /* since it began */
    double since, last;                     /* when it began, when a document was last stored */
    lb_index_terms *pool[TX_MAX];
} txn;

/* The open transaction is committed when it holds --batch documents, is
 * TX_SECONDS old, or no document was ready for IDLE_S: a slow document never
 * holds the write lock longer than that. Each commit costs the writer some
 * milliseconds (the full-text index writes a segment, hot pages go to the
 * WAL again): at 0.5 s and 20 ms a loaded machine made 120 commits of 32
 * documents on average from 3,862 documents, at 1 s and 0.1 s 20 commits. */
#define TX_SECONDS 1.0
#define IDLE_S 0.1

/* Stores one annotated slot in the transaction (begun here if needed);
 * reports it. Runs without the ring's mutex. 1 when the database failed. */
static int store_one(ingest *g, txn *tx, slot *s, size_t *failed)
{
    int idl = (int)(s->in.id_len > 200 ? 200 : s->in.id_len);
    const char *id = s->in.id ? s->in.id : "";
    if (s->rc != LB_OK) {
        (*failed)++;
        if (!g->o->common->quiet)
            lb_cli_msg(stderr, g->clear, "lagebild ingest: %s: %s (id %.*s)", s->in.origin, lb_doc_errmsg(s->doc), idl, id);
        return 0;
    }
    if (!g->o->common->quiet && lb_doc_warning(s->doc))
        lb_cli_msg(stderr, g->clear, "lagebild ingest: %s: warning: %s (id %.*s)", s->in.origin, lb_doc_warning(s->doc), idl, id);
    if (!tx->open) {
        if (lb_store_begin_puts(g->store)) return 1;
        tx->open = 1;
        tx->since = now();
    }
    lb_index_terms *terms = NULL;
    if (s->terms_ok && tx->nterms < TX_MAX) {   /* the slot gets a spare (NULL: its worker computes none) */
        lb_index_terms **spare = &tx->pool[tx->nterms++];
        if (!*spare && lb_index_terms_new(spare)) *spare = NULL;
        terms = s->terms;
        s->terms = *spare;
        *spare = terms;
    }
    tx->docs++;
    int rc = lb_store_put_terms(g->store, s->doc, s->in.origin, terms);
    if (rc == LB_OK) tx->stored++;
    else if (rc == LB_DONE) tx->skipped++;
    else {
        (*failed)++;
        if (!g->o->common->quiet)
            lb_cli_msg(stderr, g->clear, "lagebild ingest: %s: not stored: %s", s->in.origin, lb_store_errmsg(g->store));
        if (rc == LB_EIO) return 1;   /* disk full or I/O error: stop */
    }
    return 0;
}

/* Commits the transaction and counts its documents. 1 when the database failed. */
static int commit(ingest *g, txn *tx)
{
    int fatal = tx->open && lb_store_commit(g->store);
    pthread_mutex_lock(&g->mu);
    if (!fatal) { g->st->stored += tx->stored; g->st->skipped += tx->skipped; }
    pthread_mutex_unlock(&g->mu);
    tx->open = 0;
    tx->docs = tx->nterms = tx->stored = tx->skipped = 0;
    return fatal;
}

/* How many slots from next_store on are annotated (at most limit). */
static size_t ready_run(const ingest *g, size_t limit)
{
    size_t n = 0;
    while (n < limit && g->next_store + n < g->next_fill && g->slots[(g->next_store + n) % g->nslots].state == SLOT_DONE) n++;
    return n;
}

/* Waits on can_store at most ms milliseconds (mutex held). */
static void wait_store(ingest *g, long ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += ms * 1000000L;
    if (ts.tv_nsec >= 1000000000L) { ts.tv_sec++; ts.tv_nsec -= 1000000000L; }
    pthread_cond_timedwait(&g->can_store, &g->mu, &ts);
}

/* Stores the annotated slots in input order; frees each run of them at
 * once (the ring stays small), commits as TX_SECONDS and IDLE_S say. */
static int write_all(ingest *g, txn *tx)
{
    size_t batch = (size_t)g->o->batch < TX_MAX ? (size_t)g->o->batch : TX_MAX;
    int fatal = 0;
    while (!g->stop && !fatal) {
        size_t n = ready_run(g, batch - tx->docs);
        int done = g->input_done && g->next_store == g->next_fill;
        if (!n) {
            double t = now();
            if (tx->open && (done || t - tx->last >= IDLE_S || t - tx->since >= TX_SECONDS)) {
                pthread_mutex_unlock(&g->mu);
                fatal = commit(g, tx);
                pthread_mutex_lock(&g->mu);
            } else if (done) {
                break;
            } else {
                wait_store(g, tx->open ? 10 : 20);   /* a tenth of IDLE_S: the idle commit is at most 10 ms late */
            }
            continue;
        }
        size_t first = g->next_store, failed = 0;
        pthread_mutex_unlock(&g->mu);
        double t0 = now();
        for (size_t k = 0; k < n && !fatal; k++) fatal = store_one(g, tx, &g->slots[(first + k) % g->nslots], &failed);
        tx->last = now();
        if (!fatal && (tx->docs >= batch || tx->last - tx->since >= TX_SECONDS)) fatal = commit(g, tx);
        g->st->store_busy += now() - t0;
        pthread_mutex_lock(&g->mu);
        g->st->failed += failed;
        for (size_t k = 0; k < n; k++) g->slots[(first + k) % g->nslots].state = SLOT_FREE;
        g->next_store += n;
        pthread_cond_broadcast(&g->can_fill);
    }
    return fatal;
}

static void *writer(void *arg)
{
    ingest *g = arg;
    pthread_setname_np(pthread_self(), "lb-store");
    txn *tx = calloc(1, sizeof *tx);
    pthread_mutex_lock(&g->mu);
    int fatal = tx ? write_all(g, tx) : 1;
    if (fatal) {
        pthread_mutex_unlock(&g->mu);
        fprintf(stderr, "%slagebild ingest: %s\n", g->clear, tx ? lb_store_errmsg(g->store) : "out of memory");
        lb_store_rollback(g->store);
        pthread_mutex_lock(&g->mu);
        g->st->fatal = 1;
    } else if (tx && tx->open) {   /* stopped early: what is stored so far is kept */
        pthread_mutex_unlock(&g->mu);
        if (commit(g, tx)) { fprintf(stderr, "%slagebild ingest: %s\n", g->clear, lb_store_errmsg(g->store)); fatal = 1; }
        pthread_mutex_lock(&g->mu);
        if (fatal) g->st->fatal = 1;
    }
    for (size_t k = 0; tx && k < TX_MAX; k++) lb_index_terms_free(tx->pool[k]);
    free(tx);
    g->stop = g->stop || g->st->fatal;
    g->st->cpu_store = thread_cpu();
    g->st->sys_store = thread_sys();
    pthread_cond_broadcast(&g->can_fill);
    pthread_cond_broadcast(&g->can_work);
    pthread_mutex_unlock(&g->mu);
    return NULL;
}

/* The progress line: by bytes when the inputs' sizes are known. */
static void progress(ingest *g, lb_reader *r, double t0, int final)
{
    uint64_t done, total;
    lb_reader_progress(&done, &total, r);
    pthread_mutex_lock(&g->mu);
    size_t seen = g->st->seen;
    pthread_mutex_unlock(&g->mu);
    double el = now() - t0, rate = el > 0 ? (double)seen / el : 0;
    if (total) {
        if (final) done = total;
        char bar[31];
        size_t fill = (size_t)(done * 30 / total);
        for (size_t i = 0; i < 30; i++) bar[i] = i < fill ? '#' : '.';
        bar[30] = '\0';
        double eta = done && done < total ? el * (double)(total - done) / (double)done : 0;
        fprintf(stderr, "\r[%s] %3d%%  %zu docs  %.1f docs/s  ETA %d:%02d ", bar, (int)(done * 100 / total), seen, rate,
                (int)eta / 60, (int)eta % 60);
    } else {
        fprintf(stderr, "\r%zu docs  %.1f docs/s ", seen, rate);
    }
    if (final) fputc('\n', stderr);
}

/* The reader's loop: every input into a free slot, in order. */
static void read_all(ingest *g, lb_reader *r, lb_store *ro)
{
    double t0 = now(), last_draw = 0;
    lb_input in;
    int rc;
    while ((rc = lb_reader_next(r, &in)) != LB_DONE) {
        pthread_mutex_lock(&g->mu);
        g->st->seen++;
        int stop = g->stop;
        pthread_mutex_unlock(&g->mu);
        if (stop) break;
        if (g->o->progress && now() - last_draw > 0.2) { progress(g, r, t0, 0); last_draw = now(); }
        int found = 0;
        char sha[65] = "";
        if (rc == LB_OK && ro && lb_store_has_text_hex(&found, ro, in.text, in.text_len, sha) == LB_OK && found) rc = LB_DONE;
        if (rc != LB_OK) {
            pthread_mutex_lock(&g->mu);
            if (rc == LB_DONE) g->st->skipped++; else g->st->failed++;
            g->st->stale += found == 2;     /* stored by another version or other dictionaries */
            pthread_mutex_unlock(&g->mu);
            if (rc != LB_DONE && !g->o->common->quiet) lb_cli_reader_error(stderr, g->clear, "lagebild ingest: ", lb_reader_errmsg(r));
            continue;
        }
        pthread_mutex_lock(&g->mu);
        slot *s = &g->slots[g->next_fill % g->nslots];
        while (s->state != SLOT_FREE && !g->stop) pthread_cond_wait(&g->can_fill, &g->mu);
        stop = g->stop;
        pthread_mutex_unlock(&g->mu);
        if (stop) break;
        memcpy(s->sha, sha, sizeof sha);
        if (copy_input(s, &in)) {          /* the slot stays free */
            pthread_mutex_lock(&g->mu);
            g->st->failed++;
            pthread_mutex_unlock(&g->mu);
            lb_cli_msg(stderr, g->clear, "lagebild ingest: %s: out of memory", in.origin ? in.origin : "-");
            continue;
        }
        pthread_mutex_lock(&g->mu);
        s->state = SLOT_QUEUED;
        g->next_fill++;
        pthread_cond_signal(&g->can_work);
        pthread_cond_signal(&g->can_store);
        pthread_mutex_unlock(&g->mu);
    }
    if (g->o->progress) progress(g, r, t0, 1);
}

/* Slots of the ring per worker, and at most. With 2 workers and 16 slots
 * (2 per worker and 12) one long article stopped the other worker after a
 * dozen short ones: the workers waited 2.4-5.6 s of the 2 x 5-12 s of a
 * 3,862-document ingest for a slot, with 160 slots 0.6-1.6 s; the memory
 * peak grew by 7 MB (384 -> 391 MB). */
#define RING_PER_JOB 64
#define RING_MAX 1024

/* The ring: nslots store records, and one annotating document handle per
 * worker, on ctx. 0, or -1 (memory). */
static int open_ring(ingest *g, lb_ctx *ctx, size_t nslots)
{
    g->wdocs = calloc((size_t)g->o->jobs, sizeof *g->wdocs);
    if (!g->wdocs) return -1;
    for (int k = 0; k < g->o->jobs; k++)
        if (lb_doc_new(&g->wdocs[k], ctx)) return -1;
    g->slots = calloc(nslots, sizeof *g->slots);
    if (!g->slots) return -1;
    g->nslots = nslots;
    for (size_t k = 0; k < nslots; k++) {
        if (lb_doc_new(&g->slots[k].doc, ctx)) return -1;
        if (lb_index_terms_new(&g->slots[k].terms)) g->slots[k].terms = NULL;
    }
    return 0;
}

static void close_ring(ingest *g)
{
    for (int k = 0; g->wdocs && k < g->o->jobs; k++) lb_doc_free(g->wdocs[k]);
    free(g->wdocs);
    for (size_t k = 0; g->slots && k < g->nslots; k++) {
        lb_doc_free(g->slots[k].doc);
        lb_index_terms_free(g->slots[k].terms);
        free(g->slots[k].buf);
    }
    free(g->slots);
}

/* Starts the writer and the workers, reads everything, waits for them all. */
static int run_threads(ingest *g, lb_reader *r, lb_store *ro)
{
    pthread_t wr, *wk = calloc((size_t)g->o->jobs, sizeof *wk);
    if (!wk || pthread_create(&wr, NULL, writer, g)) { free(wk); return -1; }
    int started = 0;
    while (started < g->o->jobs && !pthread_create(&wk[started], NULL, worker, g)) started++;
    if (started) read_all(g, r, ro);
    pthread_mutex_lock(&g->mu);
    g->input_done = 1;
    if (!started) g->stop = 1;
    pthread_cond_broadcast(&g->can_work);
    pthread_cond_broadcast(&g->can_store);
    pthread_mutex_unlock(&g->mu);
    for (int k = 0; k < started; k++) pthread_join(wk[k], NULL);
    pthread_join(wr, NULL);
    free(wk);
    return started ? 0 : -1;
}

int lb_ingest_run(const lb_ingest_opts *o, lb_ingest_stats *st)
{
    memset(st, 0, sizeof *st);
    double start = now();
    lb_store *s = NULL, *ro = NULL;
    if (lb_store_open(&s, o->db, 0)) {
        fprintf(stderr, "lagebild ingest: %s\n", lb_store_errmsg(s));
        lb_store_close(s);
        return 2;
    }
    /* a reader connection skips stored texts before they are annotated */
    if (lb_store_open(&ro, o->db, LB_STORE_READONLY)) { lb_store_close(ro); ro = NULL; }
    lb_ctx *ctx = NULL;
    lb_reader *r = NULL;
    ingest g = { .o = o, .store = s, .st = st, .clear = o->progress ? "\r\x1b[K" : "" };
    int rc = 2;
    if (lb_cli_open_ctx(&ctx, o->common)) goto out;
    /* provenance: every stored document records this version and these dictionaries */
    char digest[65];
    if (lb_ctx_digest(digest, ctx) || lb_store_set_annotator(s, lb_version(), digest)
        || (ro && lb_store_set_annotator(ro, lb_version(), digest))) {
        fprintf(stderr, "lagebild ingest: %s\n", lb_ctx_errmsg(ctx));
        goto out;
    }
    /* the ring's records hold no caches (an arena chunk of 256 KiB each,
     * grown only by large documents): RING_PER_JOB per worker, so that a
     * long document in one worker does not stop the others (the writer
     * stores in input order: the slots after it wait, done, until it is),
     * and they go on while the writer commits; the writer frees slots as it
     * stores them, transactions span many runs */
    size_t nslots = (size_t)o->jobs * RING_PER_JOB;
    if (nslots > RING_MAX) nslots = RING_MAX;
    if (lb_reader_new(&r, o->common->format) || open_ring(&g, ctx, nslots)) {
        fprintf(stderr, "lagebild ingest: out of memory\n");
        goto out;
    }
    for (int i = 0; i < o->npaths; i++) lb_reader_add(r, o->paths[i]);
    pthread_mutex_init(&g.mu, NULL);
    pthread_cond_init(&g.can_fill, NULL);
    pthread_cond_init(&g.can_work, NULL);
    pthread_cond_init(&g.can_store, NULL);
    double t0 = now();
    st->startup = t0 - start;
    if (run_threads(&g, r, ro)) fprintf(stderr, "lagebild ingest: cannot start threads\n");
    else rc = 0;
    if (!o->common->quiet) lb_cli_reader_error_flush(stderr, g.clear);
    st->seconds = now() - t0;
    st->cpu_read = thread_cpu();
    st->sys_read = thread_sys();
    pthread_cond_destroy(&g.can_store);
    pthread_cond_destroy(&g.can_work);
    pthread_cond_destroy(&g.can_fill);
    pthread_mutex_destroy(&g.mu);
out:
    close_ring(&g);
    lb_reader_free(r);
    lb_ctx_free(ctx);
    lb_store_close(ro);
    lb_store_close(s);
    return rc;
}
