/* docindex.c: builds the per-document lookup tables of the events stage
 * (per-sentence lists of quotes and temporal expressions) with one binary
 * search per item, so that no sentence scans the whole document. */
#include "events/docindex.h"
#include <stddef.h>
#include <string.h>

size_t ev_sent_ending_from(const lb_doc *doc, uint32_t pos)
{
    size_t lo = 0, hi = doc->sents.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (LB_SENTS(doc)[mid].end < pos) lo = mid + 1; else hi = mid;
    }
    return lo;
}

size_t ev_mention_upper(const lb_doc *doc, const ev_docindex *ix, uint32_t pos)
{
    if (!ix || !ix->mentions_sorted) return doc->mentions.len;
    size_t lo = 0, hi = doc->mentions.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (LB_MENTIONS(doc)[mid].start < pos) lo = mid + 1; else hi = mid;
    }
    return lo;
}

/* span [a, b) belongs to sentence S: overlaps it or lies inside it */
static int span_in_sent(const lb_sent *S, uint32_t a, uint32_t b)
{
    return (a < S->end && b > S->start) || (a >= S->start && b <= S->end);
}

/* a CSR table of the spans (n of them, stride bytes apart) per sentence */
static int build_table(const lb_doc *doc, const void *base, size_t n, size_t stride,
                       size_t off_start, size_t off_end, uint32_t **offp, uint32_t **idxp)
{
    size_t ns = doc->sents.len;
    uint32_t *off = lb_arena_calloc((lb_arena *)&doc->arena, ns + 1, sizeof *off);
    if (!off) return LB_ENOMEM;
    const lb_sent *S = LB_SENTS(doc);
    for (int pass = 0; pass < 2; pass++) {
        uint32_t *idx = pass ? *idxp : NULL;
        uint32_t *fill = NULL;
        if (pass) {
            fill = lb_arena_calloc((lb_arena *)&doc->arena, ns + 1, sizeof *fill);
            if (!fill) return LB_ENOMEM;
            memcpy(fill, off, (ns + 1) * sizeof *fill);
        }
        for (size_t i = 0; i < n; i++) {
            const char *p = (const char *)base + i * stride;
            uint32_t a, b;
            memcpy(&a, p + off_start, sizeof a);
            memcpy(&b, p + off_end, sizeof b);
            for (size_t k = ev_sent_ending_from(doc, a); k < ns && S[k].start <= b; k++) {
                if (!span_in_sent(&S[k], a, b)) continue;
                if (pass) idx[fill[k]++] = (uint32_t)i; else off[k + 1]++;
            }
        }
        if (!pass) {
            for (size_t k = 0; k < ns; k++) off[k + 1] += off[k];
            *idxp = lb_arena_calloc((lb_arena *)&doc->arena, off[ns] + 1, sizeof **idxp);
            if (!*idxp) return LB_ENOMEM;
        }
    }
    *offp = off;
    return LB_OK;
}

int ev_docindex_build(const lb_doc *doc, ev_docindex *ix)
{
    memset(ix, 0, sizeof *ix);
    int rc = build_table(doc, doc->quotes.items, doc->quotes.len, sizeof(lb_quote),
                         offsetof(lb_quote, start), offsetof(lb_quote, end), &ix->qoff, &ix->qidx);
    if (!rc) rc = build_table(doc, doc->timex.items, doc->timex.len, sizeof(lb_timex),
                              offsetof(lb_timex, start), offsetof(lb_timex, end), &ix->xoff, &ix->xidx);
    if (rc) return rc;
    ix->mentions_sorted = 1;
    for (size_t i = 1; i < doc->mentions.len; i++)
        if (LB_MENTIONS(doc)[i].start < LB_MENTIONS(doc)[i - 1].start) { ix->mentions_sorted = 0; break; }
    return LB_OK;
}
