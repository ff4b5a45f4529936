/* qframe.c: names the attribution frame of a finished quote for people
 * (lb_doc_quote, `lagebild explain`): from the word classes its cue word has
 * in data/quotes/<lang>.cues. Read-only on the document. */
#include "ctx.h"
#include "quotes/qint.h"
#include "quotes/quotes.h"

/* The token that starts at byte pos (tokens are in text order); -1: none. */
static int32_t tok_at(const lb_doc *doc, uint32_t pos)
{
    const lb_tok *t = LB_TOKS(doc);
    size_t lo = 0, hi = doc->toks.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid].start < pos) lo = mid + 1; else hi = mid;
    }
    return lo < doc->toks.len && t[lo].start == pos ? (int32_t)lo : -1;
}

static uint32_t cue_classes(const lb_doc *doc, const lb_tok *t)
{
    const struct lb_quote_rules *r = doc->ctx ? doc->ctx->quotes : NULL;
    uint32_t all = 0, v;
    for (int k = 0; r && k < QL_N; k++)
        if (lb_wordset_get(&r->words[k], lb_tok_norm(doc, t), t->norm_len, &v)) all |= v;
    return all;
}

const char *lb_quotes_frame(const lb_doc *doc, const lb_quote *q)
{
    if (q->cue_start < 0 || q->cue_end <= q->cue_start)
        return q->speaker_start >= 0 ? "carried over from the report before" : "none";
    if (q->cue_end - q->cue_start == 1 && doc->text[q->cue_start] == ':') return "colon (X: ...)";
    int32_t i = tok_at(doc, (uint32_t)q->cue_start);
    uint32_t c = i < 0 ? 0 : cue_classes(doc, &LB_TOKS(doc)[i]);
    if (c & QC_PREP) return "source preposition (laut X, according to X)";
    if (c & QC_POSTP) return "source postposition (X zufolge)";
    if (c & QC_SO) return "so X";
    if (c & (QC_SRCPREP | QC_SRCNOUN)) return "source phrase (nach Angaben von X)";
    if (c & QC_VERB) return "speech verb";
    if (c & QC_NOUN) return "speech noun or document (Erklärung, statement)";
    return "cue word";
}
