/* cmd_timeline.c: `lagebild timeline A B`: events of the dyad A-B (either
 * direction) per month and PLOVER type, with the cooperation-conflict
 * balance (mean Goldstein score) per month; a text sparkline on a terminal
 * and an SVG chart with --svg FILE. A thin client of lb_store_query. */
#include "cli/cli.h"
#include "cli/cmd_query.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct month_row {
    char month[16];
    long events, coop, conflict;
    double balance;
} month_row;

static void help(void)
{
    printf("usage: lagebild timeline [--db PATH] [--format table|json|csv] [--limit N] [--svg FILE]\n"
           "         [--type T] [--since DATE] [--until DATE] A B\n"
           "\n"
           "Counts of events between actors A and B (codes, names or Wikidata ids; both\n"
           "directions) per month and PLOVER type, and per month the cooperation-conflict\n"
           "balance: events with a positive and a negative Goldstein score and their mean.\n"
           "Tables come with a sparkline on a terminal; --svg FILE writes a chart.\n"
           "JSON: {\"months\":[...],\"types\":[...]}; CSV: the month x type rows.\n");
}

static int load_months(month_row **out, size_t *n, int *truncated, lb_store *s, const lb_qopts *o)
{
    lb_cursor *c = NULL;
    *out = NULL; *n = 0;
    if (lb_store_query(&c, s, LB_Q_BALANCE, &o->f) != LB_OK) return -1;
    size_t cap = 0;
    int st;
    while ((st = lb_cursor_next(c)) == LB_OK) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            month_row *nr = realloc(*out, cap * sizeof *nr);
            if (!nr) { lb_cursor_free(c); return -1; }
            *out = nr;
        }
        month_row *r = &(*out)[(*n)++];
        const char *m = lb_cursor_text(c, 0);
        snprintf(r->month, sizeof r->month, "%s", m ? m : "");
        r->events = (long)lb_cursor_int(c, 1);
        r->coop = (long)lb_cursor_int(c, 2);
        r->conflict = (long)lb_cursor_int(c, 3);
        r->balance = lb_cursor_double(c, 4);
    }
    *truncated = lb_cursor_truncated(c);
    lb_cursor_free(c);
    return st < 0 ? -1 : 0;
}

static void sparkline(const char *label, const month_row *m, size_t n, int balance)
{
    static const char *const bars[] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
    long max = 1;
    for (size_t i = 0; i < n; i++) if (m[i].events > max) max = m[i].events;
    printf("%-8s ", label);
    for (size_t i = 0; i < n; i++) {
        int level;
        if (balance) level = (int)((m[i].balance + 10.0) / 20.0 * 7.0 + 0.5);
        else level = (int)((double)m[i].events / (double)max * 7.0 + 0.5);
        if (level < 0) level = 0;
        if (level > 7) level = 7;
        fputs(bars[level], stdout);
    }
    putchar('\n');
}

static int write_svg(const char *path, const char *a, const char *b, const month_row *m, size_t n)
{
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    const int bw = 18, left = 50, top = 40, h = 160, mid = top + h / 2;
    int width = left + (int)n * bw + 20, height = top + h + 60;
    long max = 1;
    for (size_t i = 0; i < n; i++) {
        if (m[i].coop > max) max = m[i].coop;
        if (m[i].conflict > max) max = m[i].conflict;
    }
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"10\">\n",
            width, height);
    fputs("<title>", f);
    for (const char *s = a; *s; s++) fputs(*s == '<' ? "&lt;" : *s == '&' ? "&amp;" : (char[2]){ *s, 0 }, f);
    fputs(" – ", f);
    for (const char *s = b; *s; s++) fputs(*s == '<' ? "&lt;" : *s == '&' ? "&amp;" : (char[2]){ *s, 0 }, f);
    fputs("</title>\n", f);
    fprintf(f, "<text x=\"%d\" y=\"16\" font-size=\"13\">cooperation (up) and conflict (down) per month; line: mean Goldstein</text>\n", left);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", left, mid, width - 20, mid);
    fprintf(f, "<text x=\"4\" y=\"%d\">%ld</text><text x=\"4\" y=\"%d\">%ld</text>\n", top + 4, max, top + h, max);
    for (size_t i = 0; i < n; i++) {
        int x = left + (int)i * bw;
        int up = (int)((double)m[i].coop / (double)max * (h / 2));
        int down = (int)((double)m[i].conflict / (double)max * (h / 2));
        fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#2a9d4b\"><title>%s: %ld cooperative</title></rect>\n",
                x + 2, mid - up, bw - 4, up, m[i].month, m[i].coop);
        fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#c0392b\"><title>%s: %ld conflictual</title></rect>\n",
                x + 2, mid, bw - 4, down, m[i].month, m[i].conflict);
        if (n <= 24 || i % (n / 12 + 1) == 0)
            fprintf(f, "<text x=\"%d\" y=\"%d\" transform=\"rotate(60 %d %d)\">%s</text>\n",
                    x + 4, top + h + 10, x + 4, top + h + 10, m[i].month);
    }
    fputs("<polyline fill=\"none\" stroke=\"#1f4e99\" stroke-width=\"2\" points=\"", f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%d,%d", i ? " " : "", left + (int)i * bw + bw / 2, mid - (int)(m[i].balance / 10.0 * (h / 2)));
    fputs("\"/>\n</svg>\n", f);
    int bad = ferror(f);
    if (fclose(f) || bad) return -1;
    return 0;
}

int lb_cmd_timeline(int argc, char **argv)
{
    lb_qopts o = { 0 };
    const char *svg = NULL;
    const char *who[2] = { NULL, NULL };
    int nwho = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) { help(); return 0; }
        if (!strcmp(argv[i], "--svg")) {
            if (i + 1 >= argc) { fprintf(stderr, "lagebild timeline: --svg needs a file\n"); return 2; }
            svg = argv[++i];
            continue;
        }
        int r = lb_qopt(&o, argc, argv, &i, "timeline");
        if (r < 0) return 2;
        if (r) continue;
        if (argv[i][0] == '-' && argv[i][1] == '-') { fprintf(stderr, "lagebild timeline: unknown option '%s'\n", argv[i]); return 2; }
        if (nwho == 2) { fprintf(stderr, "lagebild timeline: give exactly two actors\n"); return 2; }
        who[nwho++] = argv[i];
    }
    if (nwho != 2) { fprintf(stderr, "lagebild timeline: give two actors, e.g. 'lagebild timeline USA CHN'\n"); return 2; }
    o.f.a = who[0];
    o.f.b = who[1];
    lb_store *s = lb_qopen(&o, "timeline");
    if (!s) return 2;
    month_row *m = NULL;
    size_t n = 0;
    int trunc = 0, rc = 0;
    if (load_months(&m, &n, &trunc, s, &o)) {
        fprintf(stderr, "lagebild timeline: %s\n", lb_store_errmsg(s));
        lb_store_close(s);
        free(m);
        return 1;
    }
    if (o.format == LB_OUT_JSON) {
        printf("{\"months\":[");
    }
    if (o.format == LB_OUT_TABLE) {
        printf("Dyad %s – %s: balance per month (Goldstein: + cooperation, - conflict)\n", who[0], who[1]);
        printf("month    events  cooperation  conflict  balance\n");
        printf("-------  ------  -----------  --------  -------\n");
        for (size_t i = 0; i < n; i++)
            printf("%-7s  %6ld  %11ld  %8ld  %7.2f\n", m[i].month, m[i].events, m[i].coop, m[i].conflict, m[i].balance);
        if (trunc) printf("(first %zu months shown; use --limit N)\n", n);
        if (!n) printf("(no events between %s and %s)\n", who[0], who[1]);
        if (n && isatty(STDOUT_FILENO)) {
            putchar('\n');
            sparkline("events", m, n, 0);
            sparkline("balance", m, n, 1);
        }
        printf("\nEvents per month and type\n");
        rc = lb_qrun(s, LB_Q_TIMELINE, &o, 0, "timeline");
    } else if (o.format == LB_OUT_JSON) {
        for (size_t i = 0; i < n; i++)
            printf("%s\n{\"month\":\"%s\",\"events\":%ld,\"cooperation\":%ld,\"conflict\":%ld,\"balance\":%.2f}",
                   i ? "," : "", m[i].month, m[i].events, m[i].coop, m[i].conflict, m[i].balance);
        printf("],\"types\":");
        rc = lb_qrun(s, LB_Q_TIMELINE, &o, 0, "timeline");
        printf("}\n");
    } else {
        rc = lb_qrun(s, LB_Q_TIMELINE, &o, 0, "timeline");
    }
    if (svg && write_svg(svg, who[0], who[1], m, n)) {
        fprintf(stderr, "lagebild timeline: cannot write %s\n", svg);
        rc = 1;
    }
    free(m);
    lb_store_close(s);
    return rc;
}
