/* record.c: the store record of an annotated document (lb_store_record): a
 * copy of everything lb_store_put reads, in a second document handle's
 * arena, so that the handle which annotated it can annotate the next
 * document at once (its caches stay warm) while the record waits for the
 * writer. Strings are copied too: a stage may point into a cache of the
 * annotating handle. Must not run the pipeline, print or touch SQL. */
#include "doc.h"
#include <string.h>

typedef struct copier { lb_arena *a; int fail; } copier;

static const char *copy_str(copier *c, const char *s)
{
    if (!s) return NULL;
    char *p = lb_arena_strndup(c->a, s, strlen(s));
    if (!p) c->fail = 1;
    return p;
}

/* dst = a copy of src's items in c's arena (dst's element size is src's). */
static void *copy_vec(copier *c, lb_vec *dst, const lb_vec *src)
{
    lb_vec_init(dst, src->elem);
    if (!src->len) return NULL;
    void *p = lb_arena_alloc(c->a, src->len * src->elem);
    if (!p) { c->fail = 1; return NULL; }
    memcpy(p, src->items, src->len * src->elem);
    dst->items = p;
    dst->len = dst->cap = src->len;
    return p;
}

static void copy_actor(copier *c, lb_actor_ref *r)
{
    r->code = copy_str(c, r->code);
    r->sector = copy_str(c, r->sector);
    r->name = copy_str(c, r->name);
    r->id = copy_str(c, r->id);
}

/* The layers the store keeps: mentions, timex, quotes, events. */
static void copy_layers(copier *c, lb_doc *dst, const lb_doc *src)
{
    lb_mention *m = copy_vec(c, &dst->mentions, &src->mentions);
    for (size_t i = 0; m && i < dst->mentions.len; i++) copy_actor(c, &m[i].actor);
    lb_timex *t = copy_vec(c, &dst->timex, &src->timex);
    for (size_t i = 0; t && i < dst->timex.len; i++) t[i].value = copy_str(c, t[i].value);
    lb_quote *q = copy_vec(c, &dst->quotes, &src->quotes);
    for (size_t i = 0; q && i < dst->quotes.len; i++) {
        q[i].speaker_name = copy_str(c, q[i].speaker_name);
        copy_actor(c, &q[i].speaker_actor);
    }
    lb_event *e = copy_vec(c, &dst->events, &src->events);
    for (size_t i = 0; e && i < dst->events.len; i++) {
        e[i].type = copy_str(c, e[i].type);
        e[i].mode = copy_str(c, e[i].mode);
        e[i].date = copy_str(c, e[i].date);
        e[i].rule = copy_str(c, e[i].rule);
        e[i].cameo = copy_str(c, e[i].cameo);
        for (size_t k = 0; k < e[i].nactor && k < LB_MAX_EVENT_PARTIES; k++) copy_actor(c, &e[i].actor[k]);
        for (size_t k = 0; k < e[i].nrecipient && k < LB_MAX_EVENT_PARTIES; k++) copy_actor(c, &e[i].recipient[k]);
    }
}

int lb_store_record(lb_doc *dst, const lb_doc *src)
{
    if (!dst || !src || dst == src) return LB_EUSAGE;
    lb_arena_reset(&dst->arena);
    copier c = { &dst->arena, 0 };
    memcpy(dst->err, src->err, sizeof dst->err);
    memcpy(dst->lang, src->lang, sizeof dst->lang);
    dst->id = copy_str(&c, src->id ? src->id : "");
    dst->warning = copy_str(&c, src->warning);
    char *text = lb_arena_strndup(&dst->arena, src->text ? src->text : "", src->text ? src->len : 0);
    if (!text) c.fail = 1;
    dst->text = text ? text : "";
    dst->len = text ? src->len : 0;
    dst->repaired = src->repaired;
    dst->nuls = src->nuls;
    dst->meta.title = copy_str(&c, src->meta.title);
    dst->meta.author = copy_str(&c, src->meta.author);
    dst->meta.date = copy_str(&c, src->meta.date);
    dst->meta.source = copy_str(&c, src->meta.source);
    dst->meta.url = copy_str(&c, src->meta.url);
    copy_vec(&c, &dst->body, &src->body);
    copy_vec(&c, &dst->sents, &src->sents);
    copy_layers(&c, dst, src);
    if (c.fail) {
        lb_vec_init(&dst->mentions, sizeof(lb_mention));
        lb_vec_init(&dst->timex, sizeof(lb_timex));
        lb_vec_init(&dst->quotes, sizeof(lb_quote));
        lb_vec_init(&dst->events, sizeof(lb_event));
        return lb_doc_fail(dst, LB_ENOMEM, "out of memory");
    }
    return LB_OK;
}
