/* bench_html.c: one-core throughput of HTML extraction (src/html/), without
 * the rest of the pipeline. Reads JSONL with "html" fields (lbeval input
 * trafilatura > pages.jsonl), extracts every page R times and prints MB/s
 * and pages/s (CPU time of one core). With -v ID it prints that page's text and metadata instead.
 * Usage: bench_html [-r ROUNDS] [-v ID] DATA_DIR/html/hints.tsv pages.jsonl */
#include "html/html.h"
#include "lagebild.h"
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct page { char *id, *html, *url; size_t len; } page;

/* CPU time of this process: the machine is shared, wall time is not ours */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static page *load(const char *path, size_t *n)
{
    FILE *f = fopen(path, "r");
    if (!f) return NULL;
    page *p = NULL;
    size_t cap = 0;
    char *line = NULL;
    size_t lcap = 0;
    ssize_t got;
    *n = 0;
    while ((got = getline(&line, &lcap, f)) > 0) {
        json_t *o = json_loadb(line, (size_t)got, 0, NULL);
        const char *h = json_string_value(json_object_get(o, "html"));
        if (h) {
            if (*n == cap) { cap = cap ? cap * 2 : 256; p = realloc(p, cap * sizeof *p); }
            const char *u = json_string_value(json_object_get(o, "url"));
            const char *id = json_string_value(json_object_get(o, "id"));
            p[*n] = (page){ strdup(id ? id : ""), strdup(h), u ? strdup(u) : NULL, strlen(h) };
            (*n)++;
        }
        json_decref(o);
    }
    free(line);
    fclose(f);
    return p;
}

int main(int argc, char **argv)
{
    int rounds = 3;
    const char *show = NULL;
    int a = 1;
    for (; a + 1 < argc && argv[a][0] == '-'; a += 2) {
        if (!strcmp(argv[a], "-r")) rounds = atoi(argv[a + 1]);
        else if (!strcmp(argv[a], "-v")) show = argv[a + 1];
    }
    if (argc - a != 2) { fprintf(stderr, "usage: bench_html [-r ROUNDS] [-v ID] hints.tsv pages.jsonl\n"); return 2; }
    char err[512];
    struct lb_html_rules *rules;
    if (lb_html_load_file(&rules, argv[a], err, sizeof err)) { fprintf(stderr, "%s\n", err); return 1; }
    size_t n;
    page *pages = load(argv[a + 1], &n);
    if (!pages) { fprintf(stderr, "%s: cannot read\n", argv[a + 1]); return 1; }
    lb_arena arena;
    lb_arena_init(&arena);
    lb_html_page out;
    if (show) {
        for (size_t i = 0; i < n; i++) {
            if (strcmp(pages[i].id, show)) continue;
            lb_html_extract(&out, rules, pages[i].html, pages[i].len, pages[i].url, &arena);
            printf("title: %s\ndate: %s\nauthor: %s\nsite: %s\nlang: %s\nurl: %s\n----\n%s\n", out.title, out.date,
                   out.author, out.site, out.lang, out.url, out.text);
        }
        return 0;
    }
    size_t bytes = 0, text = 0;
    double t0 = now();
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < n; i++) {
            lb_arena_reset(&arena);
            if (lb_html_extract(&out, rules, pages[i].html, pages[i].len, pages[i].url, &arena)) return 1;
            bytes += pages[i].len; text += out.text_len;
        }
    double dt = now() - t0;
    printf("%zu pages x %d: %.1f MB/s of HTML, %.0f pages/s (%.1f MB in, %.1f MB text out, %.2f s)\n", n, rounds,
           (double)bytes / 1e6 / dt, (double)n * rounds / dt, (double)bytes / 1e6, (double)text / 1e6, dt);
    lb_arena_fini(&arena);
    lb_html_free(rules);
    return 0;
}
