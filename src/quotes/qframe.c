/* qframe.c: names the attribution frame of a finished quote for people
 * (lb_doc_quote, `lagebild explain`): from the word classes its cue word has
 * in data/quotes/<lang>.cues. Read-only on the document. */
#include "ctx.h"
#include "quotes/qint.h"
#include "quotes/quotes.h"

static uint32_t cue_classes(const lb_doc *doc, const lb_tok *t)
{
    const struct lb_quote_rules *r = doc->ctx ? doc->ctx->quotes : NULL;
    uint32_t all = 0, v;
    for (int k = 0; r && k < QL_N; k++)
        if (lb_sigindex_get(&r->words_ix[k], lb_tok_norm(doc, t), t->norm_len, &v)) all |= v;
    return all;
}

const char *lb_quotes_frame(const lb_doc *doc, const lb_quote *q)
{
    if (q->cue_start < 0 || q->cue_end <= q->cue_start)
        return q->speaker_start >= 0 ? "carried over from the report before" : "none";
    if (q->cue_end - q->cue_start == 1 && doc->text[q->cue_start] == ':') return "colon (X: ...)";
    uint32_t i = lb_doc_tok_from(doc, (uint32_t)q->cue_start);
    int at = i < doc->toks.len && LB_TOKS(doc)[i].start == (uint32_t)q->cue_start;
    uint32_t c = at ? cue_classes(doc, &LB_TOKS(doc)[i]) : 0;
    if (c & QC_PREP) return "source preposition (laut X, according to X)";
    if (c & QC_POSTP) return "source postposition (X zufolge)";
    if (c & QC_SO) return "so X";
    if (c & (QC_SRCPREP | QC_SRCNOUN)) return "source phrase (nach Angaben von X)";
    if (c & QC_VERB) return "speech verb";
    if (c & QC_NOUN) return "speech noun or document (Erklärung, statement)";
    return "cue word";
}
