/* lb_bench.c: throughput benchmark of liblagebild on one core.
 *
 * Reads JSONL files through lb_reader into memory (timed separately), then
 * annotates every document once per pipeline with one lb_doc made afresh for
 * that pass (its caches of word forms and stems start empty, as on a first
 * pass over new articles; the time of making it is not counted):
 *   clean  lb_doc_annotate_upto(doc, in, LB_STAGE_CLEAN)
 *   text   lb_doc_annotate_upto(doc, in, LB_STAGE_TEXT)   (clean + text layer)
 *   +actors, +time, +quotes, +events: up to that stage (cumulative, no JSON)
 *   full   lb_doc_annotate(doc, in) + lb_doc_json(...)
 * (plus a derived row text-cl = text minus clean: the text layer on its own)
 * and prints docs, bytes (of the `text` fields), seconds, docs/s, MB/s
 * (MB = 10^6 bytes) and the peak RSS after all pipelines (getrusage
 * ru_maxrss; run one --pipeline for its own peak), best of --repeat rounds. It uses only the public header include/lagebild.h.
 *
 * It only measures and prints numbers: it is not a test, asserts nothing
 * about speed, and never writes files.
 *
 * usage: lb_bench [--data DIR] [--repeat N] [--pipeline clean|text|+actors|+time|+quotes|+events|full|all] FILE.jsonl...
 */
#include "lagebild.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

typedef struct owned_doc {
    char *id, *text, *date, *lang, *source, *url, *title;
    size_t id_len, text_len, date_len, lang_len, source_len, url_len, title_len;
} owned_doc;

typedef struct corpus {
    owned_doc *docs;
    size_t n, cap, bytes, read_errors;
} corpus;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static double peak_rss_mb(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru)) return -1;
    return (double)ru.ru_maxrss / 1024.0; /* ru_maxrss is in KiB on Linux */
}

static char *dup_n(const char *s, size_t n, size_t *out_len)
{
    *out_len = 0;
    if (!s) return NULL;
    char *d = malloc(n + 1);
    if (!d) { fprintf(stderr, "lb_bench: out of memory\n"); exit(2); }
    memcpy(d, s, n);
    d[n] = '\0';
    *out_len = n;
    return d;
}

static void corpus_add(corpus *c, const lb_input *in)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 1024;
        owned_doc *d = realloc(c->docs, cap * sizeof *d);
        if (!d) { fprintf(stderr, "lb_bench: out of memory\n"); exit(2); }
        c->docs = d; c->cap = cap;
    }
    owned_doc *d = &c->docs[c->n++];
    d->id = dup_n(in->id, in->id_len, &d->id_len);
    d->text = dup_n(in->text, in->text_len, &d->text_len);
    d->date = dup_n(in->date, in->date_len, &d->date_len);
    d->lang = dup_n(in->lang, in->lang_len, &d->lang_len);
    d->source = dup_n(in->source, in->source_len, &d->source_len);
    d->url = dup_n(in->url, in->url_len, &d->url_len);
    d->title = dup_n(in->title, in->title_len, &d->title_len);
    c->bytes += in->text_len;
}

static void corpus_free(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        owned_doc *d = &c->docs[i];
        free(d->id); free(d->text); free(d->date); free(d->lang);
        free(d->source); free(d->url); free(d->title);
    }
    free(c->docs);
}

static void to_input(lb_input *in, const owned_doc *d)
{
    memset(in, 0, sizeof *in);
    in->id = d->id; in->id_len = d->id_len;
    in->text = d->text; in->text_len = d->text_len;
    in->date = d->date; in->date_len = d->date_len;
    in->lang = d->lang; in->lang_len = d->lang_len;
    in->source = d->source; in->source_len = d->source_len;
    in->url = d->url; in->url_len = d->url_len;
    in->title = d->title; in->title_len = d->title_len;
    in->origin = "lb_bench";
}

/* cumulative pipelines: each runs every stage up to its own */
enum { P_CLEAN, P_TEXT, P_MORPH, P_SYNTAX, P_ACTORS, P_TIME, P_QUOTES, P_EVENTS, P_FULL, P_COUNT };
static const char *const pipeline_name[P_COUNT] = { "clean", "text", "+morph", "+clauses", "+actors", "+time", "+quotes", "+events", "full" };
static const lb_stage pipeline_stage[P_COUNT] = { LB_STAGE_CLEAN, LB_STAGE_TEXT, LB_STAGE_MORPH, LB_STAGE_SYNTAX, LB_STAGE_ACTORS, LB_STAGE_TIME,
                                                  LB_STAGE_QUOTES, LB_STAGE_ALL, LB_STAGE_ALL };

/* Annotates every document once with pipeline p on a new lb_doc (empty
 * caches); returns seconds (-1 when out of memory), counts failures. */
static double run_pipeline(lb_ctx *ctx, const corpus *c, int p, size_t *failed, size_t *json_bytes)
{
    *failed = 0; *json_bytes = 0;
    lb_input in;
    lb_doc *doc = NULL;
    if (lb_doc_new(&doc, ctx)) return -1;
    double t0 = now();
    for (size_t i = 0; i < c->n; i++) {
        to_input(&in, &c->docs[i]);
        int rc;
        if (p == P_FULL) {
            rc = lb_doc_annotate(doc, &in);
            const char *json;
            size_t len;
            if (rc == LB_OK) rc = lb_doc_json(&json, &len, doc);
            if (rc == LB_OK) *json_bytes += len;
        } else {
            rc = lb_doc_annotate_upto(doc, &in, pipeline_stage[p]);
        }
        if (rc != LB_OK) (*failed)++;
    }
    double t = now() - t0;
    lb_doc_free(doc);
    return t;
}

static void usage(void)
{
    fprintf(stderr, "usage: lb_bench [--data DIR] [--repeat N] [--pipeline clean|text|+actors|+time|+quotes|+events|full|all] FILE.jsonl...\n");
}

int main(int argc, char **argv)
{
    const char *data_dir = NULL;
    int repeat = 1;
    int want[P_COUNT];
    for (int p = 0; p < P_COUNT; p++) want[p] = 1;
    int nfiles = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    if (!files) return 2;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--data") && i + 1 < argc) data_dir = argv[++i];
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc) {
            repeat = atoi(argv[++i]);
            if (repeat < 1) repeat = 1;
        } else if (!strcmp(argv[i], "--pipeline") && i + 1 < argc) {
            const char *v = argv[++i];
            int all = !strcmp(v, "all");
            int found = all;
            for (int p = 0; p < P_COUNT; p++) {
                want[p] = all || !strcmp(v, pipeline_name[p]);
                found |= want[p];
            }
            if (!found) { usage(); free(files); return 2; }
        } else if (argv[i][0] == '-') { usage(); free(files); return 2; }
        else files[nfiles++] = argv[i];
    }
    if (!nfiles) { usage(); free(files); return 2; }

    lb_ctx *ctx = NULL;
    double t0 = now();
    int rc = lb_ctx_new(&ctx, data_dir);
    double t_ctx = now() - t0;
    double rss_ctx = peak_rss_mb();
    if (rc) {
        fprintf(stderr, "lb_bench: cannot load dictionaries: %s\n", lb_ctx_errmsg(ctx));
        lb_ctx_free(ctx); free(files);
        return 2;
    }

    /* read everything into memory first, so that the pipelines time annotation only */
    corpus c = { 0 };
    lb_reader *r = NULL;
    if (lb_reader_new(&r, LB_FORMAT_JSONL)) { fprintf(stderr, "lb_bench: out of memory\n"); return 2; }
    for (int i = 0; i < nfiles; i++) lb_reader_add(r, files[i]);
    t0 = now();
    lb_input in;
    for (;;) {
        rc = lb_reader_next(r, &in);
        if (rc == LB_DONE) break;
        if (rc != LB_OK) {
            if (c.read_errors++ < 5) fprintf(stderr, "lb_bench: %s\n", lb_reader_errmsg(r));
            continue;
        }
        corpus_add(&c, &in);
    }
    double t_read = now() - t0;
    double rss_read = peak_rss_mb();
    lb_reader_free(r);

    printf("# lb_bench %s, %d file(s), best of %d run(s), MB = 10^6 bytes of `text`\n",
           lb_version(), nfiles, repeat);
    printf("%-8s %8s %12s %9s %10s %9s %12s %8s\n",
           "pipeline", "docs", "bytes", "seconds", "docs/s", "MB/s", "peakRSS_MB", "failed");
    printf("%-8s %8zu %12zu %9.3f %10.1f %9.2f %12.1f %8zu\n", "ctx", (size_t)0, (size_t)0, t_ctx,
           0.0, 0.0, rss_ctx, (size_t)0);
    printf("%-8s %8zu %12zu %9.3f %10.1f %9.2f %12.1f %8zu\n", "read", c.n, c.bytes, t_read,
           t_read > 0 ? (double)c.n / t_read : 0, t_read > 0 ? (double)c.bytes / 1e6 / t_read : 0,
           rss_read, c.read_errors);
    fflush(stdout);

    /* the pipelines take turns in each round, so that load from other
     * processes hits them alike; each keeps its best round */
    double best_of[P_COUNT];
    for (int p = 0; p < P_COUNT; p++) best_of[p] = -1;
    size_t failed[P_COUNT] = { 0 }, json_bytes = 0;
    for (int k = 0; k < repeat; k++)
        for (int p = 0; p < P_COUNT; p++) {
            if (!want[p]) continue;
            size_t jb = 0;
            double s = run_pipeline(ctx, &c, p, &failed[p], &jb);
            if (s < 0) { fprintf(stderr, "lb_bench: out of memory\n"); return 2; }
            if (p == P_FULL) json_bytes = jb;
            if (best_of[p] < 0 || s < best_of[p]) best_of[p] = s;
        }
    double rss = peak_rss_mb();
    for (int p = 0; p < P_COUNT; p++) {
        if (!want[p]) continue;
        double best = best_of[p];
        printf("%-8s %8zu %12zu %9.3f %10.1f %9.2f %12.1f %8zu\n", pipeline_name[p], c.n, c.bytes, best,
               best > 0 ? (double)c.n / best : 0, best > 0 ? (double)c.bytes / 1e6 / best : 0, rss, failed[p]);
        if (p == P_TEXT && best_of[P_CLEAN] >= 0 && best > best_of[P_CLEAN]) {
            double d = best - best_of[P_CLEAN];   /* the text layer without cleaning, derived */
            printf("%-8s %8zu %12zu %9.3f %10.1f %9.2f %12s %8s\n", "text-cl", c.n, c.bytes, d,
                   (double)c.n / d, (double)c.bytes / 1e6 / d, "-", "-");
        }
        if (p == P_FULL) printf("# full: %zu bytes of JSON output\n", json_bytes);
    }
    corpus_free(&c);
    lb_ctx_free(ctx);
    free(files);
    return 0;
}
