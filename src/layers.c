/* layers.c: read access to the annotation layers for clients of the public
 * API (lb_doc_mention, lb_doc_quote, lb_doc_event, lb_doc_clauses_text).
 * Copies the internal records (doc.h) into the public structs; analyses
 * nothing except finding the mention that names an event's participant. */
#include "doc.h"
#include "quotes/quotes.h"
#include "syntax/syntax.h"
#include <string.h>

_Static_assert(LB_MAX_EVENT_PARTIES <= LB_EVENT_MAX_PARTIES, "public event struct too small");

static lb_actor_info actor_info(const lb_actor_ref *a)
{
    return (lb_actor_info){ a->code, a->sector, a->name, a->id };
}

static lb_span span_of(int32_t start, int32_t end)
{
    if (start < 0 || end < start) return (lb_span){ 0, 0 };
    return (lb_span){ (size_t)start, (size_t)end };
}

size_t lb_doc_mention_count(const lb_doc *doc) { return doc->mentions.len; }

int lb_doc_mention(lb_mention_info *out, const lb_doc *doc, size_t i)
{
    static const char *const types[] = { "PER", "LOC", "ORG", "OTH" };
    static const char *const forms[] = { "name", "deriv", "part" };
    if (i >= doc->mentions.len) return LB_EUSAGE;
    const lb_mention *m = &LB_MENTIONS(doc)[i];
    *out = (lb_mention_info){ { m->start, m->end }, types[m->type & 3], forms[m->form % 3], actor_info(&m->actor) };
    return LB_OK;
}

size_t lb_doc_quote_count(const lb_doc *doc) { return doc->quotes.len; }

int lb_doc_quote(lb_quote_info *out, const lb_doc *doc, size_t i)
{
    if (i >= doc->quotes.len) return LB_EUSAGE;
    const lb_quote *q = &LB_QUOTES(doc)[i];
    *out = (lb_quote_info){ .span = { q->start, q->end }, .indirect = q->indirect,
                            .speaker = span_of(q->speaker_start, q->speaker_end),
                            .speaker_name = q->speaker_name, .speaker_actor = actor_info(&q->speaker_actor),
                            .cue = span_of(q->cue_start, q->cue_end),
                            .frame = lb_quotes_frame(doc, q) };
    static const char *const refs[] = { NULL, "name", "apposition", "description", "pronoun" };
    const lb_ref *r = q->speaker_start >= 0 ? lb_ref_at(doc, lb_doc_tok_from(doc, (uint32_t)q->speaker_start)) : NULL;
    if (r && r->kind < sizeof refs / sizeof *refs) out->speaker_ref = refs[r->kind];
    return LB_OK;
}

/* The first mention inside [start, end) whose actor has code; empty if none.
 * Mentions are in text order: binary search for the first at or after start. */
static lb_span mention_with_code(const lb_doc *doc, uint32_t start, uint32_t end, const char *code)
{
    const lb_mention *m = LB_MENTIONS(doc);
    size_t lo = 0, hi = doc->mentions.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m[mid].start < start) lo = mid + 1; else hi = mid;
    }
    for (size_t i = lo; code && i < doc->mentions.len && m[i].start < end; i++)
        if (m[i].end <= end && m[i].actor.code && !strcmp(m[i].actor.code, code))
            return (lb_span){ m[i].start, m[i].end };
    return (lb_span){ 0, 0 };
}

size_t lb_doc_event_count(const lb_doc *doc) { return doc->events.len; }

int lb_doc_event(lb_event_info *out, const lb_doc *doc, size_t i)
{
    if (i >= doc->events.len) return LB_EUSAGE;
    const lb_event *e = &LB_EVENTS(doc)[i];
    memset(out, 0, sizeof *out);
    out->type = e->type; out->mode = e->mode; out->rule = e->rule; out->cameo = e->cameo;
    out->date = e->date; out->goldstein = e->goldstein; out->confidence = e->confidence;
    out->negated = e->negated; out->hypothetical = e->hypothetical;
    out->sentence = e->sent;
    out->span = (lb_span){ e->start, e->end };
    out->trigger = span_of(e->trigger_start, e->trigger_end);
    out->nactor = e->nactor < LB_MAX_EVENT_PARTIES ? e->nactor : LB_MAX_EVENT_PARTIES;
    out->nrecipient = e->nrecipient < LB_MAX_EVENT_PARTIES ? e->nrecipient : LB_MAX_EVENT_PARTIES;
    for (size_t k = 0; k < out->nactor; k++) {
        out->actor[k] = actor_info(&e->actor[k]);
        out->actor_span[k] = mention_with_code(doc, e->start, e->end, e->actor[k].code);
    }
    for (size_t k = 0; k < out->nrecipient; k++) {
        out->recipient[k] = actor_info(&e->recipient[k]);
        out->recipient_span[k] = mention_with_code(doc, e->start, e->end, e->recipient[k].code);
    }
    return LB_OK;
}

int lb_doc_clauses_text(const char **out, size_t *len, lb_doc *doc, size_t sentence)
{
    *out = ""; *len = 0;
    if (sentence >= doc->sents.len) return LB_EUSAGE;
    lb_buf b;
    lb_buf_init(&b, (size_t)1 << 20);
    int fail = lb_syntax_describe(&b, doc, (uint32_t)sentence);
    char *s = fail ? NULL : lb_arena_strndup(&doc->arena, b.data ? b.data : "", b.len);
    size_t n = b.len;
    lb_buf_free(&b);
    if (!s) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
    *out = s; *len = n;
    return LB_OK;
}
