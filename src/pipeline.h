/* pipeline.h: the pipeline driver (internal): loads every stage's data into
 * the context, runs the stages over a document in order and frees the data
 * again. The table of stages lives in pipeline.c; doc.c and ctx.c call only
 * these three functions and never include a stage's header. */
#ifndef LB_PIPELINE_H
#define LB_PIPELINE_H
#include "lagebild.h"

/* Loads each stage's data from "<data_dir>/<stage>" into ctx, in pipeline
 * order. On failure ctx->err names the file (and line) that failed. */
int lb_pipeline_load(lb_ctx *ctx);
/* Frees what lb_pipeline_load loaded (also after a partial load). */
void lb_pipeline_free(lb_ctx *ctx);
/* Frees what stages keep in a document handle across documents (caches). */
void lb_pipeline_doc_free(lb_doc *doc);
/* Runs the stages over the loaded document up to and including last;
 * stops at the first failure (its status, doc->err says why). */
int lb_pipeline_run(lb_doc *doc, lb_stage last);
#endif
