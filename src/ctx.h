/* ctx.h: the loaded, compiled dictionaries every stage reads (internal).
 * Filled once by lb_ctx_new, read-only afterwards. Each stage owns one member
 * (named like the stage) and its own load/free functions; the table of
 * stages in pipeline.c calls them. */
#ifndef LB_CTX_H
#define LB_CTX_H
#include "lagebild.h"
#include "core/limits.h"

struct lb_html_rules;
struct lb_clean_rules;
struct lb_text_dicts;
struct lb_morph_data;
struct lb_syntax_rules;
struct lb_actor_kb;
struct lb_time_rules;
struct lb_discourse_rules;
struct lb_quote_rules;
struct lb_event_rules;

struct lb_ctx {
    char *data_dir;
    char warnings[1024];       /* data files the context was made without (ctx_check.c) */
    int lookup_only;           /* lb_ctx_new_lookup: made without the tagger's models */
    struct lb_html_rules *html;
    struct lb_clean_rules *clean;
    struct lb_text_dicts *text;
    struct lb_morph_data *morph;
    struct lb_syntax_rules *syntax;
    struct lb_actor_kb *actors;
    struct lb_time_rules *time;
    struct lb_discourse_rules *discourse;
    struct lb_quote_rules *quotes;
    struct lb_event_rules *events;
    char err[LB_MAX_ERROR_BYTES];
};

/* Notes in ctx->warnings the data files the stages went without (ctx_check.c). */
void lb_ctx_check_data(lb_ctx *ctx);

/* Path of a file under the data dir: "<data_dir>/<rel>" into out (size n). */
int lb_ctx_path(char *out, size_t n, const lb_ctx *ctx, const char *rel);
#endif
