/* doc.c: the document handle: copies and repairs the input, hands it to
 * the pipeline driver (pipeline.c) and gives read access to the text layer.
 * Knows no stage: the stages live in their own modules. */
#include "doc.h"
#include "pipeline.h"
#include "core/utf8.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lb_doc_fail(lb_doc *doc, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(doc->err, sizeof doc->err, fmt, ap);
    va_end(ap);
    return status;
}

int lb_doc_new(lb_doc **out, const lb_ctx *ctx)
{
    *out = NULL;
    if (!ctx) return LB_EUSAGE;
    lb_doc *doc = calloc(1, sizeof *doc);
    if (!doc) return LB_ENOMEM;
    doc->ctx = ctx;
    lb_arena_init(&doc->arena);
    lb_buf_init(&doc->json, (size_t)1 << 30);
    memcpy(doc->lang, "und", 4);
    *out = doc;
    return LB_OK;
}

void lb_doc_free(lb_doc *doc)
{
    if (!doc) return;
    lb_pipeline_doc_free(doc);   /* what stages keep in doc across documents */
    lb_arena_fini(&doc->arena);
    lb_buf_free(&doc->json);
    free(doc);
}

const char *lb_doc_errmsg(const lb_doc *doc) { return doc->err; }

static void reset(lb_doc *doc)
{
    lb_arena_reset(&doc->arena);
    doc->id = ""; doc->text = ""; doc->len = 0;
    doc->repaired = doc->nuls = 0;
    doc->warning = NULL;
    memcpy(doc->lang, "und", 4);
    memset(&doc->meta, 0, sizeof doc->meta);
    memset(&doc->input, 0, sizeof doc->input);
    doc->is_html = 0;
    doc->input_lang = NULL;
    lb_vec_init(&doc->body, sizeof(lb_rspan));
    lb_vec_init(&doc->skip, sizeof(lb_rspan));
    lb_vec_init(&doc->toks, sizeof(lb_tok));
    lb_vec_init(&doc->sents, sizeof(lb_sent));
    lb_vec_init(&doc->morph, sizeof(lb_morph));
    lb_vec_init(&doc->phrases, sizeof(lb_phrase));
    lb_vec_init(&doc->clauses, sizeof(lb_clause));
    doc->dct = NULL;
    lb_vec_init(&doc->mentions, sizeof(lb_mention));
    lb_vec_init(&doc->timex, sizeof(lb_timex));
    lb_vec_init(&doc->quotes, sizeof(lb_quote));
    lb_vec_init(&doc->events, sizeof(lb_event));
    lb_vec_init(&doc->entities, sizeof(lb_entity));
    lb_vec_init(&doc->refs, sizeof(lb_ref));
    doc->tok_ref = NULL;
    doc->norm = NULL; doc->norm_len = doc->norm_cap = 0;
    lb_buf_reset(&doc->json);
    doc->err[0] = '\0';
}

/* Copies an optional input field (repairing bad UTF-8), NULL when absent. */
static const char *copy_field(lb_doc *doc, const char *s, size_t n)
{
    if (!s || !n || n >= LB_MAX_FIELD_BYTES) return NULL;
    lb_buf tmp;
    lb_buf_init(&tmp, LB_MAX_FIELD_BYTES * 3);
    const char *r = NULL;
    if (!lb_utf8_repair(&tmp, s, n, NULL, NULL)) r = lb_arena_strndup(&doc->arena, tmp.data, tmp.len);
    lb_buf_free(&tmp);
    return r;
}

static int load_input(lb_doc *doc, const lb_input *in)
{
    if (!in || (!in->text && in->text_len)) return lb_doc_fail(doc, LB_EUSAGE, "no input");
    if (in->text_len > LB_MAX_DOC_BYTES)
        return lb_doc_fail(doc, LB_ELIMIT, "text longer than %zu bytes", (size_t)LB_MAX_DOC_BYTES);
    doc->id = copy_field(doc, in->id, in->id_len);
    if (!doc->id) doc->id = "";
    /* copy the text; repair only when needed (the common case is one memcpy) */
    size_t n = in->text_len;
    const char *src = in->text ? in->text : "";
    size_t valid = lb_utf8_valid_prefix(src, n);
    if (valid == n && !memchr(src, '\0', n)) {
        char *t = lb_arena_alloc(&doc->arena, n + 1);
        if (!t) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
        memcpy(t, src, n);
        t[n] = '\0';
        doc->text = t; doc->len = n;
    } else {
        lb_buf tmp;
        lb_buf_init(&tmp, LB_MAX_DOC_BYTES * 3);
        if (lb_utf8_repair(&tmp, src, n, &doc->repaired, &doc->nuls)) {
            lb_buf_free(&tmp);
            return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
        }
        char *t = lb_arena_strndup(&doc->arena, tmp.data ? tmp.data : "", tmp.len);
        size_t tl = tmp.len;
        lb_buf_free(&tmp);
        if (!t) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
        doc->text = t; doc->len = tl;
    }
    if (doc->len > UINT32_MAX) return lb_doc_fail(doc, LB_ELIMIT, "text too long");
    doc->repaired += in->repaired;
    doc->nuls += in->nuls;
    doc->input.date = copy_field(doc, in->date, in->date_len);
    doc->input.source = copy_field(doc, in->source, in->source_len);
    doc->input.url = copy_field(doc, in->url, in->url_len);
    doc->input.title = copy_field(doc, in->title, in->title_len);
    doc->input_lang = copy_field(doc, in->lang, in->lang_len);
    doc->is_html = in->is_html != 0;
    return LB_OK;
}

int lb_doc_annotate_upto(lb_doc *doc, const lb_input *in, lb_stage last)
{
    reset(doc);
    int rc = load_input(doc, in);
    if (!rc) rc = lb_pipeline_run(doc, last);
    if (rc) {
        /* keep the id for the error line; drop partial layers */
        lb_vec_init(&doc->body, sizeof(lb_rspan));
        lb_vec_init(&doc->toks, sizeof(lb_tok));
        lb_vec_init(&doc->sents, sizeof(lb_sent));
        lb_vec_init(&doc->morph, sizeof(lb_morph));
        lb_vec_init(&doc->phrases, sizeof(lb_phrase));
        lb_vec_init(&doc->clauses, sizeof(lb_clause));
        lb_vec_init(&doc->mentions, sizeof(lb_mention));
        lb_vec_init(&doc->timex, sizeof(lb_timex));
        lb_vec_init(&doc->quotes, sizeof(lb_quote));
        lb_vec_init(&doc->events, sizeof(lb_event));
        lb_vec_init(&doc->entities, sizeof(lb_entity));
        lb_vec_init(&doc->refs, sizeof(lb_ref));
        doc->tok_ref = NULL;
    }
    return rc;
}

int lb_doc_annotate(lb_doc *doc, const lb_input *in) { return lb_doc_annotate_upto(doc, in, LB_STAGE_ALL); }

int lb_doc_text(const lb_doc *doc, const char **text, size_t *len) { *text = doc->text; *len = doc->len; return LB_OK; }
int lb_doc_repairs(size_t *invalid_utf8, size_t *nul_bytes, const lb_doc *doc)
{
    *invalid_utf8 = doc->repaired;
    *nul_bytes = doc->nuls;
    return LB_OK;
}
const char *lb_doc_id(const lb_doc *doc) { return doc->id; }
const char *lb_doc_warning(const lb_doc *doc) { return doc->warning; }
const char *lb_doc_lang(const lb_doc *doc) { return doc->lang; }

size_t lb_doc_body_count(const lb_doc *doc) { return doc->body.len; }
int lb_doc_body(lb_span *out, const lb_doc *doc, size_t i)
{
    if (i >= doc->body.len) return LB_EUSAGE;
    out->start = LB_BODY(doc)[i].start; out->end = LB_BODY(doc)[i].end;
    return LB_OK;
}
size_t lb_doc_sentence_count(const lb_doc *doc) { return doc->sents.len; }
int lb_doc_sentence(lb_span *out, const lb_doc *doc, size_t i)
{
    if (i >= doc->sents.len) return LB_EUSAGE;
    out->start = LB_SENTS(doc)[i].start; out->end = LB_SENTS(doc)[i].end;
    return LB_OK;
}
size_t lb_doc_token_count(const lb_doc *doc) { return doc->toks.len; }
int lb_doc_token(lb_span *out, const char **norm, size_t *norm_len, const lb_doc *doc, size_t i)
{
    if (i >= doc->toks.len) return LB_EUSAGE;
    const lb_tok *t = &LB_TOKS(doc)[i];
    out->start = t->start; out->end = t->end;
    if (norm) *norm = doc->norm + t->norm;
    if (norm_len) *norm_len = t->norm_len;
    return LB_OK;
}

const char *lb_doc_meta(const lb_doc *doc, const char *field)
{
    if (!field) return NULL;
    if (!strcmp(field, "title")) return doc->meta.title;
    if (!strcmp(field, "author")) return doc->meta.author;
    if (!strcmp(field, "date")) return doc->meta.date;
    if (!strcmp(field, "source")) return doc->meta.source;
    if (!strcmp(field, "url")) return doc->meta.url;
    return NULL;
}

uint32_t lb_doc_tok_from(const lb_doc *doc, uint32_t pos)
{
    const lb_tok *t = LB_TOKS(doc);
    size_t lo = 0, hi = doc->toks.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid].start < pos) lo = mid + 1; else hi = mid;
    }
    return (uint32_t)lo;
}
