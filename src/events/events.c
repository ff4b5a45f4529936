/* events.c: the events stage: for each sentence of a German or English
 * document, builds the sentence state (sent.c) and codes its events
 * (code.c). Loading lives in load.c. Holds no state between documents. */
#include "events/events.h"
#include "events/sent.h"
#include "ctx.h"
#include "events/wmemo.h"
#include <libstemmer.h>
#include <string.h>

/* The handle's word memos of language k (they depend on the rules): made
 * on first use, emptied when the rules change. Without memory there are
 * none: that costs speed only. */
static ev_memo *memo_for(lb_doc *doc, int k, const ev_rules *r)
{
    if (!doc->stem_cache[k]) doc->stem_cache[k] = ev_memo_new(1u << 17);
    ev_memo *m = doc->stem_cache[k];
    if (m) ev_memo_rules(m, r);
    if (m && m->mask_rules != r) { ev_wmask_build(&m->mask, r, k); m->mask_rules = r; }
    return m;
}

int lb_events_run(lb_doc *doc)
{
    const ev_rules *r = doc->ctx ? doc->ctx->events : NULL;
    if (!r || !doc->sents.len) return LB_OK;
    int lang = ev_lang(doc->lang);
    if (lang < 0) return LB_OK;
    /* no actor, no event (quote speakers are actors too) */
    int any = 0;
    for (size_t i = 0; i < doc->mentions.len && !any; i++) if (LB_MENTIONS(doc)[i].actor.code) any = 1;
    for (size_t i = 0; i < doc->quotes.len && !any; i++) if (LB_QUOTES(doc)[i].speaker_actor.code) any = 1;
    if (!any) return LB_OK;
    uint32_t maxn = 0;
    for (size_t i = 0; i < doc->sents.len; i++)
        if (LB_SENTS(doc)[i].ntok > maxn) maxn = LB_SENTS(doc)[i].ntok;
    if (maxn > EV_MAX_SENT_TOKS) maxn = EV_MAX_SENT_TOKS;
    ev_sent s = { .doc = doc, .rules = r, .lang = lang, .memo = memo_for(doc, lang == EV_DE ? 0 : 1, r) };
    if (s.memo) s.stemmer = s.memo->stemmer;     /* (the memo's language is the document's) */
    s.t = lb_arena_calloc(&doc->arena, maxn + 1, sizeof *s.t);
    /* (groups, clauses and made mentions are cleared one by one as a sentence
     * makes them, and each sentence reuses them: not zeroed here) */
    s.g = lb_arena_alloc(&doc->arena, (maxn + 1) * sizeof *s.g);
    s.c = lb_arena_alloc(&doc->arena, (maxn + 2) * sizeof *s.c);
    s.xm = lb_arena_alloc(&doc->arena, (maxn + 1) * sizeof *s.xm);
    if (!s.t || !s.g || !s.c || !s.xm) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
    s.state = ev_doc_state(doc, r);
    /* a sentence can only code an event when an actor is near: a mention in it
     * or in the two sentences before ("beide", pronouns), or a quote with a
     * known speaker over it (ich/wir); the rest is skipped unstemmed */
    uint8_t *near = lb_arena_calloc(&doc->arena, doc->sents.len, 1);
    if (!near) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const lb_mention *m = &LB_MENTIONS(doc)[i];
        if (!m->actor.code || m->tok0 >= doc->toks.len) continue;
        uint32_t si = LB_TOKS(doc)[m->tok0].sent;
        for (uint32_t k = si; k < si + 3 && k < doc->sents.len; k++) near[k] = 1;
    }
    ev_docindex ix;
    if (ev_docindex_build(doc, &ix)) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
    s.ix = &ix;
    for (size_t i = 0; i < doc->quotes.len; i++) {
        const lb_quote *q = &LB_QUOTES(doc)[i];
        if (!q->speaker_actor.code) continue;
        for (size_t k = ev_sent_ending_from(doc, q->start); k < doc->sents.len && LB_SENTS(doc)[k].start < q->end; k++)
            if (LB_SENTS(doc)[k].end > q->start) near[k] = 1;
    }
    /* with a state of its own, every sentence may name a group noun of it (die Polizei) */
    if (s.state) memset(near, 1, doc->sents.len);
    int rc = LB_OK;
    for (size_t i = 0; i < doc->sents.len && !rc; i++) {
        if (!LB_SENTS(doc)[i].ntok || !near[i]) continue;
        s.si = (uint32_t)i;
        rc = ev_sent_build(&s);
        if (!rc) rc = ev_code_sentence(&s, doc);
        if (!rc) ev_note_plural_subject(&s);
    }
    /* the stemmer goes back to the memo for the next document (making one costs more than a few stems) */
    if (s.memo) s.memo->stemmer = s.stemmer;
    else if (s.stemmer) sb_stemmer_delete(s.stemmer);
    if (rc) return lb_doc_fail(doc, rc, "out of memory in the events stage");
    return LB_OK;
}
