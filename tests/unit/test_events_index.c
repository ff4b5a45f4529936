/* test_events_index.c: the events stage's per-document tables (docindex.c)
 * agree with a scan of the whole document: the quotes and temporal
 * expressions listed for each sentence are exactly those overlapping or
 * inside it, in array order, and the mention bound is the first mention
 * starting at or after a position. */
#include "test_events_util.h"
#include "events/docindex.h"

static int in_sent(const lb_sent *S, uint32_t a, uint32_t b)
{
    return (a < S->end && b > S->start) || (a >= S->start && b <= S->end);
}

/* spans (stride apart) against their table */
static void check_table(const uint32_t *off, const uint32_t *idx, const void *base, size_t n, size_t stride)
{
    for (size_t k = 0; k < doc->sents.len; k++) {
        const lb_sent *S = &LB_SENTS(doc)[k];
        uint32_t p = off[k];
        for (size_t i = 0; i < n; i++) {
            const uint32_t *se = (const uint32_t *)((const char *)base + i * stride);
            if (!in_sent(S, se[0], se[1])) continue;
            CHECK(p < off[k + 1] && idx[p] == i);
            p++;
        }
        CHECK_INT(p, off[k + 1]);
    }
}

int main(void)
{
    ev_setup();
    static const tmen M[] = { {"Putin", "RUS", "GOV", LB_MEN_PER, LB_FORM_NAME}, {"Berlin", "DEU", NULL, LB_MEN_LOC, LB_FORM_NAME},
                              {NULL, NULL, NULL, 0, 0} };
    static const char *const TX[] = { "am Montag", "2024-05-06", "im Mai", "2024-05", "gestern", "2024-05-09", NULL };
    const char *text = "Putin besuchte am Montag Berlin. Dort sprach er lange. Im Mai kam Putin wieder nach Berlin. "
                       "Er sagte: Wir wollen reden. Und dann? Berlin schwieg gestern. Putin nicht.";
    ev_quote_text = "sagte: Wir wollen reden. Und dann? Berlin";
    ev_quote_speaker = "RUS";
    ev_run(text, "de", M, TX);
    CHECK(doc->sents.len >= 5);
    CHECK(doc->quotes.len == 1 && doc->timex.len >= 2);
    ev_docindex ix;
    CHECK_INT(ev_docindex_build(doc, &ix), LB_OK);
    /* lb_quote and lb_timex begin with start, end */
    check_table(ix.qoff, ix.qidx, doc->quotes.items, doc->quotes.len, sizeof(lb_quote));
    check_table(ix.xoff, ix.xidx, doc->timex.items, doc->timex.len, sizeof(lb_timex));
    /* the quote spans three sentences */
    uint32_t spanned = 0;
    for (size_t k = 0; k < doc->sents.len; k++) spanned += ix.qoff[k + 1] - ix.qoff[k];
    CHECK_INT(spanned, 3);
    CHECK(ix.mentions_sorted);
    for (uint32_t pos = 0; pos <= strlen(text); pos++) {
        size_t want = 0;
        while (want < doc->mentions.len && LB_MENTIONS(doc)[want].start < pos) want++;
        CHECK_INT(ev_mention_upper(doc, &ix, pos), want);
        size_t s = 0;
        while (s < doc->sents.len && LB_SENTS(doc)[s].end < pos) s++;
        CHECK_INT(ev_sent_ending_from(doc, pos), s);
    }
    ev_teardown();
    return TEST_END();
}
