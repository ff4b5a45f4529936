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
           "         [--type T] [--since DATE] [--until DATE] [--include negated,hypothetical] A B\n"
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
        /* a month is digits and '-': anything else (a hostile database) is
         * neither printed raw to a terminal nor into JSON */
        for (char *p = r->month; *p; p++) if (!((*p >= '0' && *p <= '9') || *p == '-')) *p = '?';
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

/* Text for SVG: the XML specials escaped (actor arguments are user input). */
static void svg_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '<') fputs("&lt;", f);
        else if (*s == '>') fputs("&gt;", f);
        else if (*s == '&') fputs("&amp;", f);
        else if (*s == '"') fputs("&quot;", f);
        else if ((unsigned char)*s >= 0x20) fputc(*s, f);
    }
}

/* The chart's geometry: plot area, bar slot width, count scale. */
typedef struct svg_geom { int left, right, top, h, mid, width, height; double slot; long max; } svg_geom;

/* Title, legend, both y axes with ticks and titles, the zero line. */
static void svg_frame(FILE *f, const svg_geom *g, const char *a, const char *b)
{
    fprintf(f, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>\n<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">",
            g->width, g->height, g->left);
    svg_text(f, a); fputs(" \xe2\x86\x94 ", f); svg_text(f, b);
    fputs(": events per month</text>\n", f);
    fprintf(f, "<g font-size=\"11\"><rect x=\"%d\" y=\"32\" width=\"10\" height=\"10\" fill=\"#2a9d4b\"/><text x=\"%d\" y=\"41\">cooperation (up)</text>"
               "<rect x=\"%d\" y=\"32\" width=\"10\" height=\"10\" fill=\"#c0392b\"/><text x=\"%d\" y=\"41\">conflict (down)</text>"
               "<line x1=\"%d\" y1=\"37\" x2=\"%d\" y2=\"37\" stroke=\"#1f4e99\" stroke-width=\"2\"/><text x=\"%d\" y=\"41\">mean Goldstein (right axis)</text></g>\n",
            g->left, g->left + 14, g->left + 130, g->left + 144, g->left + 250, g->left + 266, g->left + 270);
    int x0 = g->left, x1 = g->width - g->right;
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", x0, g->top, x0, g->top + g->h);
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n", x1, g->top, x1, g->top + g->h);
    for (int k = -2; k <= 2; k++) {
        int y = g->mid - k * g->h / 4;
        long count = labs((long)((double)g->max * k / 2.0));
        fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>\n", x0, y, x1, y, k ? "#e5e5e5" : "#888");
        fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%ld</text>", x0 - 6, y + 4, count);
        fprintf(f, "<text x=\"%d\" y=\"%d\">%+d</text>\n", x1 + 6, y + 4, k * 5);
    }
    fprintf(f, "<text transform=\"translate(14 %d) rotate(-90)\" text-anchor=\"middle\">events</text>\n", g->mid);
    fprintf(f, "<text transform=\"translate(%d %d) rotate(90)\" text-anchor=\"middle\">mean Goldstein (-10..+10)</text>\n",
            g->width - 12, g->mid);
}

static int write_svg(const char *path, const char *a, const char *b, const month_row *m, size_t n)
{
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    svg_geom g = { .left = 60, .right = 60, .top = 56, .h = 280 };
    g.slot = n ? (double)(760 - g.left - g.right) / (double)n : 1;
    if (g.slot > 48) g.slot = 48;
    if (g.slot < 6) g.slot = 6;
    g.width = g.left + g.right + (int)(g.slot * (double)n + 0.5);
    if (g.width < 760) g.width = 760;
    g.height = g.top + g.h + 70;
    g.mid = g.top + g.h / 2;
    g.max = 1;
    for (size_t i = 0; i < n; i++) {
        if (m[i].coop > g.max) g.max = m[i].coop;
        if (m[i].conflict > g.max) g.max = m[i].conflict;
    }
    if (g.max % 2) g.max++;   /* the middle tick stays a whole number */
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
            g.width, g.height, g.width, g.height);
    fputs("<title>", f); svg_text(f, a); fputs(" - ", f); svg_text(f, b); fputs(": cooperation and conflict per month</title>\n", f);
    svg_frame(f, &g, a, b);
    size_t every = (size_t)(60.0 / g.slot) + 1;   /* month labels at least 60 px apart */
    for (size_t i = 0; i < n; i++) {
        double x = g.left + g.slot * (double)i;
        double up = (double)m[i].coop / (double)g.max * (g.h / 2), down = (double)m[i].conflict / (double)g.max * (g.h / 2);
        double w = g.slot > 4 ? g.slot * 0.8 : g.slot;
        fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#2a9d4b\"><title>%s: %ld cooperative</title></rect>\n",
                x + g.slot * 0.1, g.mid - up, w, up, m[i].month, m[i].coop);
        fprintf(f, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"#c0392b\"><title>%s: %ld conflictual</title></rect>\n",
                x + g.slot * 0.1, g.mid, w, down, m[i].month, m[i].conflict);
        if (i % every == 0)
            fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"end\" transform=\"rotate(-45 %.1f %d)\">%s</text>\n",
                    x + g.slot / 2, g.top + g.h + 16, x + g.slot / 2, g.top + g.h + 16, m[i].month);
    }
    fputs("<polyline fill=\"none\" stroke=\"#1f4e99\" stroke-width=\"2\" points=\"", f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%.1f,%.1f", i ? " " : "", g.left + g.slot * ((double)i + 0.5), g.mid - m[i].balance / 10.0 * (g.h / 2));
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
    if (lb_qresolve(&o, s, "timeline")) { lb_store_close(s); return 2; }
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
