/* date.c: an event's date: the nearest date expression of its sentence,
 * else the document's date. */
#include "events/code.h"
#include <string.h>

static const char *doc_date(const lb_doc *doc)
{
    if (doc->dct && *doc->dct) return doc->dct;
    const char *d = doc->meta.date ? doc->meta.date : doc->input.date;
    if (!d || !*d) return NULL;
    if (strlen(d) > 10 && d[10] == 'T') return lb_arena_strndup((lb_arena *)&doc->arena, d, 10);
    return d;
}

const char *ev_event_date(const ev_sent *s, uint32_t t)
{
    const lb_doc *doc = s->doc;
    const lb_sent *S = &LB_SENTS(doc)[s->si];
    const lb_tok *tk = &LB_TOKS(doc)[s->tok0 + t];
    const char *best = NULL;
    uint32_t bestd = UINT32_MAX;
    for (uint32_t k = s->ix->xoff[s->si]; k < s->ix->xoff[s->si + 1]; k++) {
        const lb_timex *x = &LB_TIMEXES(doc)[s->ix->xidx[k]];
        if (x->start < S->start || x->end > S->end || !x->value) continue;
        if (x->type != LB_TIMEX_DATE && x->type != LB_TIMEX_TIME) continue;
        const char *v = x->value;
        if (!strcmp(v, "PRESENT_REF")) v = doc_date(doc);
        else if (!(v[0] >= '0' && v[0] <= '9')) continue;
        if (!v) continue;
        uint32_t d = x->end <= tk->start ? tk->start - x->end : x->start >= tk->end ? x->start - tk->end : 0;
        if (d < bestd) { bestd = d; best = v; }
    }
    if (best && strlen(best) > 10 && best[10] == 'T') best = lb_arena_strndup((lb_arena *)&doc->arena, best, 10);
    return best ? best : doc_date(doc);
}
