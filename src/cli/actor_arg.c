/* actor_arg.c: turns the actor arguments of the query commands (--actor,
 * --recipient, --about, timeline A B) into what the store matches: a code
 * (DEU, DEU/GOV) stays; a name is looked up in the actor knowledge base as
 * `actors lookup` does (Deutschland, Germany -> DEU; Merkel -> Angela
 * Merkel); else a name or Wikidata id the store knows stays; a value that
 * resolves to nothing is an error with suggestions. A thin client of lb_actors_lookup and lb_store_query. */
#include "cli/cmd_query.h"
#include <stdlib.h>
#include <string.h>

/* 1 when the store has an actor matching v exactly. */
static int store_knows(lb_store *s, const char *v)
{
    lb_store_filter f = { 0 };
    f.actor = v;
    f.include = LB_INCLUDE_NEGATED | LB_INCLUDE_HYPOTHETICAL;
    f.limit = 1;
    lb_cursor *c = NULL;
    int found = lb_store_query(&c, s, LB_Q_ACTORS, &f) == LB_OK && lb_cursor_next(c) == LB_OK;
    lb_cursor_free(c);
    return found;
}

/* CHN, NATO, DEU/GOV: upper-case letters, optionally a slash and a sector. */
static int looks_like_code(const char *v)
{
    size_t n = 0;
    while (v[n] >= 'A' && v[n] <= 'Z') n++;
    if (n < 2 || n > 5) return 0;
    if (!v[n]) return 1;
    if (v[n] != '/') return 0;
    size_t k = 0;
    while (v[n + 1 + k] >= 'A' && v[n + 1 + k] <= 'Z') k++;
    return k == 3 && !v[n + 1 + k];
}

/* The knowledge base's reading of v when one mention covers all of it:
 * a person's canonical name, else the code (with /sector when given). */
static int kb_resolve(char *out, size_t cap, lb_ctx *ctx, const char *v)
{
    char *res = NULL;
    if (!ctx || lb_actors_lookup(&res, ctx, v, strlen(v), NULL) != LB_OK || !res) { free(res); return 0; }
    int ok = 0;
    char *line = res, *nl = strchr(line, '\n');
    if (nl) *nl = '\0';
    /* surface TAB "TYPE form" TAB code/sector TAB canonical [wikidata] */
    char *f[4] = { line, NULL, NULL, NULL };
    for (int i = 1; i < 4 && f[i - 1]; i++) {
        char *t = strchr(f[i - 1], '\t');
        if (t) { *t = '\0'; f[i] = t + 1; }
    }
    if (f[3] && !strcmp(f[0], v) && strncmp(f[2], "-/", 2)) {
        char *sp = strrchr(f[3], ' ');
        if (sp && sp[1] == 'Q') *sp = '\0';             /* drop the Wikidata id */
        if (!strncmp(f[1], "PER", 3) && strcmp(f[3], "-")) snprintf(out, cap, "%s", f[3]);
        else {
            char *slash = strchr(f[2], '/');
            if (slash && !strcmp(slash, "/-")) *slash = '\0';
            snprintf(out, cap, "%s", f[2]);
        }
        ok = 1;
    }
    free(res);
    return ok;
}

/* The one code of a state or body stored under the name v (Germany -> DEU):
 * answers from the database without loading the knowledge base. */
static int store_code(char *out, size_t cap, lb_store *s, const char *v)
{
    lb_store_filter f = { 0 };
    f.text = v;
    f.limit = 2;
    lb_cursor *c = NULL;
    int n = 0;
    if (lb_store_query(&c, s, LB_Q_NAMED_CODE, &f) == LB_OK)
        while (lb_cursor_next(c) == LB_OK) {
            const char *code = lb_cursor_text(c, 0);
            if (code && !n) snprintf(out, cap, "%s", code);
            n++;
        }
    lb_cursor_free(c);
    return n == 1 && looks_like_code(out);
}

static void suggest(lb_store *s, const char *v, const char *cmd)
{
    lb_store_filter f = { 0 };
    f.text = v;
    f.limit = 5;
    lb_cursor *c = NULL;
    int any = 0;
    if (lb_store_query(&c, s, LB_Q_SUGGEST, &f) == LB_OK)
        while (lb_cursor_next(c) == LB_OK) {
            const char *code = lb_cursor_text(c, 0), *name = lb_cursor_text(c, 1);
            fprintf(stderr, "%s %s%s%s", any ? "," : "  did you mean:", code ? code : "", name ? " " : "", name ? name : "");
            any = 1;
        }
    if (any) fputc('\n', stderr);
    lb_cursor_free(c);
    (void)cmd;
}

int lb_qresolve(lb_qopts *o, lb_store *s, const char *cmd)
{
    static char resolved[6][256];
    const char **args[] = { &o->f.actor, &o->f.recipient, &o->f.about, &o->f.a, &o->f.b };
    const char *names[] = { "--actor", "--recipient", "--about", "first actor", "second actor" };
    lb_ctx *ctx = NULL;
    int rc = 0;
    for (size_t i = 0; i < sizeof args / sizeof *args && !rc; i++) {
        const char *v = *args[i];
        if (!v || looks_like_code(v)) continue;
        if (store_code(resolved[i], sizeof resolved[i], s, v)) { *args[i] = resolved[i]; continue; }
        /* a name of a state or body means its code (Deutschland = Germany = DEU),
         * a person's name the person; Wikidata ids and stored names stay */
        /* the lookup context goes without the tagger's models; a full one if it fails */
        if (!ctx && lb_ctx_new_lookup(&ctx, NULL) != LB_OK) {
            lb_ctx_free(ctx);
            if (lb_ctx_new(&ctx, NULL) != LB_OK) { lb_ctx_free(ctx); ctx = NULL; }
        }
        if (kb_resolve(resolved[i], sizeof resolved[i], ctx, v) && store_knows(s, resolved[i])) {
            *args[i] = resolved[i];
            continue;
        }
        if (store_knows(s, v)) continue;
        fprintf(stderr, "lagebild %s: %s '%s' names no actor in the database\n", cmd, names[i], v);
        suggest(s, v, cmd);
        rc = 2;
    }
    lb_ctx_free(ctx);
    return rc;
}
