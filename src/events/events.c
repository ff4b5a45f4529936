/* events.c: the events stage: for each sentence of a German or English
 * document, builds the sentence state (sent.c) and codes its events
 * (code.c). Loading lives in load.c. Holds no state between documents. */
#include "events/events.h"
#include "events/sent.h"
#include "ctx.h"
#include <libstemmer.h>

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
    ev_sent s = { .doc = doc, .rules = r, .lang = lang };
    s.t = lb_arena_calloc(&doc->arena, maxn + 1, sizeof *s.t);
    s.g = lb_arena_calloc(&doc->arena, maxn + 1, sizeof *s.g);
    s.c = lb_arena_calloc(&doc->arena, maxn + 2, sizeof *s.c);
    if (!s.t || !s.g || !s.c) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
    /* the stemmer keeps state: one per run, so that a context can be shared */
    struct sb_stemmer *sb = sb_stemmer_new(lang == EV_DE ? "german" : "english", NULL);
    if (!sb) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
    s.stemmer = sb;
    int rc = LB_OK;
    for (size_t i = 0; i < doc->sents.len && !rc; i++) {
        if (!LB_SENTS(doc)[i].ntok) continue;
        s.si = (uint32_t)i;
        rc = ev_sent_build(&s);
        if (!rc) rc = ev_code_sentence(&s, doc);
    }
    sb_stemmer_delete(sb);
    if (rc) return lb_doc_fail(doc, rc, "out of memory in the events stage");
    return LB_OK;
}
