/* cmd_show.c: `lagebild show [--db PATH] [--format text|json] DOC`: one stored
 * article with its annotations marked in the text ([mention]{code},
 * <date>{value}, «quote»{speaker}, *trigger*{#n TYPE}) and its events listed
 * below; --format json gives lb_store_doc's object with byte offsets. A thin
 * client of lb_store_doc; control characters never reach the terminal. */
#include "cli/cli.h"
#include "cli/cmd_query.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

typedef struct mark { size_t pos; int close; int order; char label[160]; } mark;

static int cmp_mark(const void *a, const void *b)
{
    const mark *x = a, *y = b;
    if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
    if (x->close != y->close) return x->close ? -1 : 1;      /* close before open at one offset */
    return x->order - y->order;
}

/* Writes text bytes with control characters replaced (no escape sequences). */
static void put_clean(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) fputc('?', stdout);
        else fputc(c, stdout);
    }
}

/* Prints text[a, b) where it lies inside the body spans (boilerplate is not shown). */
static void put_body(const char *text, size_t a, size_t b, json_t *body)
{
    size_t i;
    json_t *sp;
    json_array_foreach(body, i, sp) {
        size_t s = (size_t)json_integer_value(json_array_get(sp, 0)), e = (size_t)json_integer_value(json_array_get(sp, 1));
        size_t from = a > s ? a : s, to = b < e ? b : e;
        if (i > 0 && s > a && s <= b) fputs("\n\n", stdout);    /* boilerplate left out between spans */
        if (from < to) put_clean(text + from, to - from);
    }
}

static int in_body(size_t pos, json_t *body)
{
    size_t i;
    json_t *sp;
    json_array_foreach(body, i, sp)
        if ((size_t)json_integer_value(json_array_get(sp, 0)) <= pos && pos <= (size_t)json_integer_value(json_array_get(sp, 1))) return 1;
    return 0;
}

static size_t num(json_t *o, const char *k) { json_t *v = json_object_get(o, k); return json_is_integer(v) ? (size_t)json_integer_value(v) : (size_t)-1; }
static const char *str(json_t *o, const char *k) { const char *v = json_string_value(json_object_get(o, k)); return v ? v : ""; }

static size_t add_marks(mark *m, size_t n, size_t cap, json_t *arr, const char *open, const char *kind, size_t textlen)
{
    size_t i;
    json_t *o;
    json_array_foreach(arr, i, o) {
        if (n + 2 > cap) break;
        int ev = !strcmp(kind, "event");
        size_t s = num(o, ev ? "trigger_start" : "start"), e = num(o, ev ? "trigger_end" : "end");
        if (s == (size_t)-1 || e == (size_t)-1 || s > e || e > textlen) continue;
        m[n] = (mark){ s, 0, (int)n, "" };
        snprintf(m[n].label, sizeof m[n].label, "%s", open);
        n++;
        m[n] = (mark){ e, 1, (int)n, "" };
        if (!strcmp(kind, "mention")) snprintf(m[n].label, sizeof m[n].label, "]{%s}", str(o, "code")[0] ? str(o, "code") : "-");
        else if (!strcmp(kind, "timex")) snprintf(m[n].label, sizeof m[n].label, ">{%s}", str(o, "value"));
        else if (!strcmp(kind, "quote")) snprintf(m[n].label, sizeof m[n].label, "»{%s}", str(o, "speaker")[0] ? str(o, "speaker") : "?");
        else snprintf(m[n].label, sizeof m[n].label, "*{#%zu %s}", i + 1, str(o, "type"));
        n++;
    }
    return n;
}

static void print_text(json_t *d)
{
    const char *text = str(d, "text");
    size_t tl = strlen(text);
    printf("%s\n", str(d, "title")[0] ? str(d, "title") : "(no title)");
    printf("id %s  date %s  source %s  url %s\nannotated by lagebild %s, dictionaries %.12s\n\n", str(d, "id"),
           str(d, "date")[0] ? str(d, "date") : "-", str(d, "source")[0] ? str(d, "source") : "-",
           str(d, "url")[0] ? str(d, "url") : "-", str(d, "annotator")[0] ? str(d, "annotator") : "?",
           str(d, "dicts")[0] ? str(d, "dicts") : "?");
    size_t cap = 2 * (json_array_size(json_object_get(d, "mentions")) + json_array_size(json_object_get(d, "timex"))
                      + json_array_size(json_object_get(d, "quotes")) + json_array_size(json_object_get(d, "events"))) + 2;
    mark *m = calloc(cap, sizeof *m);
    if (!m) return;
    size_t n = 0;
    n = add_marks(m, n, cap, json_object_get(d, "quotes"), "«", "quote", tl);
    n = add_marks(m, n, cap, json_object_get(d, "mentions"), "[", "mention", tl);
    n = add_marks(m, n, cap, json_object_get(d, "timex"), "<", "timex", tl);
    n = add_marks(m, n, cap, json_object_get(d, "events"), "*", "event", tl);
    qsort(m, n, sizeof *m, cmp_mark);
    json_t *body = json_object_get(d, "body");
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        put_body(text, at, m[i].pos, body);
        at = m[i].pos;
        if (in_body(m[i].pos, body)) put_clean(m[i].label, strlen(m[i].label));
    }
    put_body(text, at, tl, body);
    free(m);
    printf("\n\nevents\n");
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(d, "events"), i, e) {
        printf("  #%zu %-9s %s -> %s  %s%s%s  rule %s  id %s\n", i + 1, str(e, "type"),
               str(e, "actor")[0] ? str(e, "actor") : "-", str(e, "recipient")[0] ? str(e, "recipient") : "-",
               str(e, "date")[0] ? str(e, "date") : "undated", json_is_true(json_object_get(e, "negated")) ? "  negated" : "",
               json_is_true(json_object_get(e, "hypothetical")) ? "  hypothetical" : "", str(e, "rule"), str(e, "event_id"));
    }
}

int lb_cmd_show(int argc, char **argv)
{
    const char *db = LB_DEFAULT_DB, *id = NULL;
    int as_json = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            printf("usage: lagebild show [--db PATH] [--format text|json] DOC\n\n"
                   "Prints a stored article with its annotations marked: [mention]{code},\n"
                   "<date>{value}, «quote»{speaker}, *trigger*{#n TYPE}, and its events below.\n"
                   "--format json: the article with every annotation and its byte offsets.\n");
            return 0;
        }
        if ((!strcmp(a, "--db") || !strcmp(a, "--format")) && i + 1 < argc) {
            const char *v = argv[++i];
            if (!strcmp(a, "--db")) db = v;
            else if (!strcmp(v, "json")) as_json = 1;
            else if (strcmp(v, "text") && strcmp(v, "table")) { fprintf(stderr, "lagebild show: --format must be text or json\n"); return 2; }
            continue;
        }
        if (a[0] == '-' && a[1]) { fprintf(stderr, "lagebild show: unknown option '%s'\n", a); return 2; }
        if (id) { fprintf(stderr, "lagebild show: give one document id\n"); return 2; }
        id = a;
    }
    if (!id) { fprintf(stderr, "usage: lagebild show [--db PATH] [--format text|json] DOC\n"); return 2; }
    lb_qopts o = { 0 };
    o.db = db;
    lb_store *s = lb_qopen(&o, "show");
    if (!s) return 2;
    char *js = NULL;
    int rc = lb_store_doc(&js, s, id);
    if (rc) {
        fprintf(stderr, "lagebild show: %s\n", lb_store_errmsg(s));
        lb_store_close(s);
        return rc == LB_DONE ? 1 : 2;
    }
    lb_store_close(s);
    if (as_json) { printf("%s\n", js); free(js); return 0; }
    json_error_t err;
    json_t *d = json_loads(js, 0, &err);
    free(js);
    if (!d) { fprintf(stderr, "lagebild show: %s\n", err.text); return 2; }
    print_text(d);
    json_decref(d);
    return 0;
}
