/* pipeline.c: the table of pipeline stages and the driver that walks it.
 * Each stage is a module src/<name>/ with three functions, lb_<name>_load
 * (compiles data/<name>/ into its member ctx-><name>), lb_<name>_run (adds
 * its layer to a document) and lb_<name>_free. This is the only file that
 * knows them all; adding a stage is one line in LB_STAGES below (plus its
 * value in enum lb_stage and its member in ctx.h). */
#include "pipeline.h"
#include "ctx.h"
#include "doc.h"
#include "html/html.h"
#include "clean/clean.h"
#include "text/text.h"
#include "morph/morph.h"
#include "syntax/syntax.h"
#include "actors/actors.h"
#include "actors/kb_cache.h"
#include "time/time.h"
#include "discourse/discourse.h"
#include "quotes/quotes.h"
#include "events/events.h"
#include "events/wmemo.h"
#include <stdio.h>

/* The stages in pipeline order: X(enum value, name). The name is also the
 * data subdirectory, the lb_ctx member and the prefix of the functions. */
#define LB_STAGES(X)              \
    X(LB_STAGE_HTML,   html)      \
    X(LB_STAGE_CLEAN,  clean)     \
    X(LB_STAGE_TEXT,   text)      \
    X(LB_STAGE_MORPH,  morph)     \
    X(LB_STAGE_SYNTAX, syntax)    \
    X(LB_STAGE_ACTORS, actors)    \
    X(LB_STAGE_TIME,   time)      \
    X(LB_STAGE_DISCOURSE, discourse) \
    X(LB_STAGE_QUOTES, quotes)    \
    X(LB_STAGE_EVENTS, events)

typedef struct lb_stage_def {
    lb_stage id;
    const char *name;
    const char *subdir;                         /* under the data directory */
    int (*load)(lb_ctx *ctx, const char *dir);  /* fills its ctx member */
    int (*run)(lb_doc *doc);
    void (*free)(lb_ctx *ctx);                  /* frees its ctx member */
} lb_stage_def;

/* Per stage: a loader and a destructor over its typed member of lb_ctx. */
#define LB_STAGE_GLUE(id, name)                                               \
    static int load_##name(lb_ctx *ctx, const char *dir)                      \
    { return lb_##name##_load(&ctx->name, dir, ctx->err, sizeof ctx->err); }  \
    static void free_##name(lb_ctx *ctx)                                      \
    { lb_##name##_free(ctx->name); ctx->name = NULL; }
LB_STAGES(LB_STAGE_GLUE)

#define LB_STAGE_ROW(id, name) { id, #name, #name, load_##name, lb_##name##_run, free_##name },
static const lb_stage_def stages[] = { LB_STAGES(LB_STAGE_ROW) };
#define NSTAGES (sizeof stages / sizeof stages[0])

const char *lb_stage_name(lb_stage stage)
{
    for (size_t i = 0; i < NSTAGES; i++)
        if (stages[i].id == stage) return stages[i].name;
    return NULL;
}

/* A context for name lookups (lb_ctx_new_lookup) needs the stages up to the
 * actors only: morphology without models (it tags nothing) and the actor
 * knowledge base from its compiled snapshot. */
static int load_for_lookup(lb_ctx *ctx, const lb_stage_def *st, const char *dir)
{
    if (st->id == LB_STAGE_MORPH) return lb_morph_load_empty(&ctx->morph);
    if (st->id == LB_STAGE_ACTORS) return lb_actors_load_cached(&ctx->actors, dir, ctx->err, sizeof ctx->err);
    return st->load(ctx, dir);
}

int lb_pipeline_load(lb_ctx *ctx)
{
    char dir[4096];
    for (size_t i = 0; i < NSTAGES; i++) {
        if (ctx->lookup_only && stages[i].id > LB_STAGE_ACTORS) break;
        if (lb_ctx_path(dir, sizeof dir, ctx, stages[i].subdir)) {
            snprintf(ctx->err, sizeof ctx->err, "data path too long: %s/%s", ctx->data_dir, stages[i].subdir);
            return LB_EUSAGE;
        }
        int rc = ctx->lookup_only ? load_for_lookup(ctx, &stages[i], dir) : stages[i].load(ctx, dir);
        if (rc) return rc;
    }
    return LB_OK;
}

void lb_pipeline_free(lb_ctx *ctx)
{
    for (size_t i = NSTAGES; i-- > 0;) stages[i].free(ctx);
}

void lb_pipeline_doc_free(lb_doc *doc)
{
    ev_memo_free(doc->stem_cache[0]);   /* events: word memos */
    ev_memo_free(doc->stem_cache[1]);
    doc->stem_cache[0] = doc->stem_cache[1] = NULL;
    lb_morph_cache_free(doc->morph_cache[0]);   /* morph: word form -> analysis */
    lb_morph_cache_free(doc->morph_cache[1]);
    doc->morph_cache[0] = doc->morph_cache[1] = NULL;
    lb_syntax_cache_free(doc->syntax_cache[0]);   /* syntax: lemma -> word class */
    lb_syntax_cache_free(doc->syntax_cache[1]);
    doc->syntax_cache[0] = doc->syntax_cache[1] = NULL;
}

int lb_pipeline_run(lb_doc *doc, lb_stage last)
{
    if (last < LB_STAGE_CLEAN) last = LB_STAGE_CLEAN;   /* cleaning always runs */
    if (doc->ctx->lookup_only && last > LB_STAGE_ACTORS) last = LB_STAGE_ACTORS;   /* nothing later is loaded */
    for (size_t i = 0; i < NSTAGES && stages[i].id <= last; i++) {
        int rc = stages[i].run(doc);
        if (rc) return rc;
    }
    return LB_OK;
}
