/* test_events_util.h: helpers for the events unit tests: annotate a text up
 * to the text layer, add synthetic actor mentions and temporal expressions
 * (the actors and time stages are not needed), run the events stage, and
 * look for an event by type, codes and flags. */
#ifndef LB_TEST_EVENTS_UTIL_H
#define LB_TEST_EVENTS_UTIL_H
#include "test.h"
#include "doc.h"
#include "events/events.h"
#include "discourse/discourse.h"
#include "lagebild.h"
#include <stdlib.h>

static lb_ctx *ctx;
static lb_doc *doc;

typedef struct tmen { const char *surface, *code, *sector; int type, form; } tmen;

/* run the next ev_run with the morphology, clause and discourse layers (the
 * text is annotated up to the syntax stage, the discourse stage runs on the
 * synthetic mentions) */
static int ev_with_discourse;

/* an optional direct quote for the next ev_run: its content and speaker code */
static const char *ev_quote_text, *ev_quote_speaker;

/* Annotates text (lang "de"/"en"), adds a mention for every whole-word
 * occurrence of each surface, the timex list (surface=value pairs), runs events. */
static void ev_run(const char *text, const char *lang, const tmen *men, const char *const *timex)
{
    lb_input in = { .id = "t", .id_len = 1, .text = text, .text_len = strlen(text),
                    .lang = lang, .lang_len = strlen(lang), .date = "2024-05-10", .date_len = 10 };
    CHECK_INT(lb_doc_annotate_upto(doc, &in, ev_with_discourse ? LB_STAGE_SYNTAX : LB_STAGE_TEXT), LB_OK);
    /* mentions in text order: collect all occurrences, then sort by start */
    lb_mention tmp[64];
    int n = 0;
    for (int k = 0; men && men[k].surface; k++) {
        size_t sl = strlen(men[k].surface);
        for (const char *p = strstr(text, men[k].surface); p; p = strstr(p + 1, men[k].surface)) {
            size_t st = (size_t)(p - text);
            char before = st ? text[st - 1] : ' ', after = text[st + sl];
            if ((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z')) continue;
            if ((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z')) continue;
            if (n == 64) break;
            lb_mention m = { .start = (uint32_t)st, .end = (uint32_t)(st + sl),
                             .type = (uint8_t)men[k].type, .form = (uint8_t)men[k].form };
            m.actor.code = men[k].code; m.actor.sector = men[k].sector; m.actor.name = men[k].surface;
            /* drop a mention inside a longer one */
            int inside = 0;
            for (int q = 0; q < n; q++) if (tmp[q].start <= m.start && tmp[q].end >= m.end) inside = 1;
            if (!inside) tmp[n++] = m;
        }
    }
    for (int a = 0; a < n; a++)
        for (int b = a + 1; b < n; b++)
            if (tmp[b].start < tmp[a].start) { lb_mention t = tmp[a]; tmp[a] = tmp[b]; tmp[b] = t; }
    for (int a = 0; a < n; a++) {
        /* tokens of the mention */
        for (size_t i = 0; i < doc->toks.len; i++) {
            const lb_tok *t = &LB_TOKS(doc)[i];
            if (t->end <= tmp[a].start || t->start >= tmp[a].end) continue;
            if (!tmp[a].ntok) tmp[a].tok0 = (uint32_t)i;
            tmp[a].ntok++;
        }
        lb_mention *slot = lb_vec_push(&doc->mentions, &doc->arena);
        *slot = tmp[a];
    }
    for (int k = 0; timex && timex[k]; k += 2) {
        const char *p = strstr(text, timex[k]);
        if (!p) continue;
        lb_timex *x = lb_vec_push(&doc->timex, &doc->arena);
        x->start = (uint32_t)(p - text); x->end = x->start + (uint32_t)strlen(timex[k]);
        x->type = LB_TIMEX_DATE; x->value = timex[k + 1];
    }
    if (ev_quote_text) {
        const char *p = strstr(text, ev_quote_text);
        if (p) {
            lb_quote *q = lb_vec_push(&doc->quotes, &doc->arena);
            q->start = (uint32_t)(p - text); q->end = q->start + (uint32_t)strlen(ev_quote_text);
            q->speaker_start = q->speaker_end = q->cue_start = q->cue_end = -1;
            q->speaker_actor.code = ev_quote_speaker; q->speaker_actor.sector = "GOV";
        }
        ev_quote_text = ev_quote_speaker = NULL;
    }
    if (ev_with_discourse) CHECK_INT(lb_discourse_run(doc), LB_OK);
    ev_with_discourse = 0;
    CHECK_INT(lb_events_run(doc), LB_OK);
}

static int codes_are(const lb_actor_ref *a, int n, const char *csv)
{
    /* csv: "CHN,RUS" in any order; "" = none */
    int want = 0;
    char buf[128];
    snprintf(buf, sizeof buf, "%s", csv);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        want++;
        int found = 0;
        for (int i = 0; i < n; i++) if (!strcmp(a[i].code, tok)) found = 1;
        if (!found) return 0;
    }
    return want == n;
}

/* an event of type with actor and recipient codes (for symmetric types: the
 * union of both), flags as given; returns its index or -1 */
__attribute__((unused)) static int find_event(const char *type, const char *actor, const char *recipient, int neg, int hyp)
{
    for (size_t i = 0; i < doc->events.len; i++) {
        const lb_event *e = &LB_EVENTS(doc)[i];
        if (strcmp(e->type, type) || e->negated != neg || e->hypothetical != hyp) continue;
        int sym = !strcmp(type, "AGREE") || !strcmp(type, "CONSULT") || !strcmp(type, "COOPERATE");
        if (sym) {
            lb_actor_ref all[2 * LB_MAX_EVENT_PARTIES];
            int n = 0;
            for (int k = 0; k < e->nactor; k++) all[n++] = e->actor[k];
            for (int k = 0; k < e->nrecipient; k++) all[n++] = e->recipient[k];
            char both[128];
            snprintf(both, sizeof both, "%s%s%s", actor, *recipient ? "," : "", recipient);
            if (codes_are(all, n, both)) return (int)i;
        } else if (codes_are(e->actor, e->nactor, actor) && codes_are(e->recipient, e->nrecipient, recipient)) {
            return (int)i;
        }
    }
    return -1;
}

__attribute__((unused)) static void dump_events(void)
{
    for (size_t i = 0; i < doc->events.len; i++) {
        const lb_event *e = &LB_EVENTS(doc)[i];
        fprintf(stderr, "  event %s %s ->", e->type, e->rule);
        for (int k = 0; k < e->nactor; k++) fprintf(stderr, " %s", e->actor[k].code);
        fprintf(stderr, " |");
        for (int k = 0; k < e->nrecipient; k++) fprintf(stderr, " %s", e->recipient[k].code);
        fprintf(stderr, " neg=%d hyp=%d date=%s\n", e->negated, e->hypothetical, e->date ? e->date : "null");
    }
}

#define EXPECT(type, a, r, neg, hyp) do { int _i = find_event(type, a, r, neg, hyp); \
    if (_i >= 0) lb_test_passed++; else { lb_test_failed++; \
    fprintf(stderr, "%s:%d: no event %s %s -> %s neg=%d hyp=%d; got %zu:\n", __FILE__, __LINE__, type, a, r, neg, hyp, doc->events.len); \
    dump_events(); } } while (0)
#define EXPECT_NONE() do { if (doc->events.len == 0) lb_test_passed++; else { lb_test_failed++; \
    fprintf(stderr, "%s:%d: expected no events, got %zu:\n", __FILE__, __LINE__, doc->events.len); dump_events(); } } while (0)

static void ev_setup(void)
{
    int rc = lb_ctx_new(&ctx, LB_TEST_DATA_DIR);
    if (rc) { fprintf(stderr, "ctx: %s\n", lb_ctx_errmsg(ctx)); exit(1); }
    if (lb_doc_new(&doc, ctx)) exit(1);
}

static void ev_teardown(void)
{
    lb_doc_free(doc);
    lb_ctx_free(ctx);
}
#endif
