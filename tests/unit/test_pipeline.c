/* test_pipeline.c: unit tests of the stage table (lb_stage_name, running up
 * to a stage, a failing stage loader naming its file) and of the public read
 * access to the layers (mentions, events with provenance, clause text). */
#include "test.h"
#include "doc.h"
#include "lagebild.h"
#include <stdio.h>
#include <stdlib.h>

static void test_stage_names(void)
{
    CHECK_STR(lb_stage_name(LB_STAGE_CLEAN), "clean");
    CHECK_STR(lb_stage_name(LB_STAGE_SYNTAX), "syntax");
    CHECK_STR(lb_stage_name(LB_STAGE_EVENTS), "events");
    CHECK_STR(lb_stage_name(LB_STAGE_ALL), "events");
    CHECK_STR(lb_stage_name(LB_STAGE_HTML), "html");
    CHECK(lb_stage_name((lb_stage)-1) == NULL);
    CHECK(lb_stage_name((lb_stage)99) == NULL);
}

static void test_missing_data(void)
{
    lb_ctx *ctx = NULL;
    CHECK(lb_ctx_new(&ctx, "/nonexistent-lagebild-data") != LB_OK);
    CHECK(ctx && strstr(lb_ctx_errmsg(ctx), "nonexistent-lagebild-data"));
    lb_ctx_free(ctx);
}

static void test_upto(lb_doc *doc)
{
    const char *t = "Die Bundesregierung sagte der Ukraine weitere Hilfe zu.\n";
    lb_input in = { .id = "u", .id_len = 1, .text = t, .text_len = strlen(t) };
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_TEXT), LB_OK);
    CHECK(lb_doc_token_count(doc) > 5);
    CHECK_INT(lb_doc_mention_count(doc), 0);
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_ACTORS), LB_OK);
    CHECK(lb_doc_mention_count(doc) >= 2);
    CHECK_INT(lb_doc_event_count(doc), 0);
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    CHECK(lb_doc_event_count(doc) >= 1);
}

static void test_event_provenance(lb_doc *doc)
{
    const char *t = "Die Bundesregierung sagte der Ukraine weitere Hilfe zu.\n";
    lb_input in = { .id = "e", .id_len = 1, .text = t, .text_len = strlen(t) };
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    lb_event_info e;
    CHECK_INT(lb_doc_event(&e, doc, lb_doc_event_count(doc)), LB_EUSAGE);
    CHECK_INT(lb_doc_event(&e, doc, 0), LB_OK);
    CHECK(e.rule != NULL && e.type != NULL);
    CHECK_SPAN(t, e.trigger.start, e.trigger.end, "sagte");
    CHECK_INT(e.nactor, 1);
    CHECK_STR(e.actor[0].code, "DEU");
    CHECK_SPAN(t, e.actor_span[0].start, e.actor_span[0].end, "Bundesregierung");
    CHECK_INT(e.nrecipient, 1);
    CHECK_SPAN(t, e.recipient_span[0].start, e.recipient_span[0].end, "Ukraine");
    lb_mention_info m;
    CHECK_INT(lb_doc_mention(&m, doc, 0), LB_OK);
    CHECK_SPAN(t, m.span.start, m.span.end, "Bundesregierung");
    CHECK_STR(m.actor.code, "DEU");
    CHECK_INT(lb_doc_mention(&m, doc, 99), LB_EUSAGE);
}

/* A clause layer filled by hand (the syntax stage may not fill it yet). */
static void test_clause_text(lb_doc *doc)
{
    const char *t = "Die Regierung lehnt den Vorschlag ab.\n";
    lb_input in = { .id = "c", .id_len = 1, .text = t, .text_len = strlen(t) };
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    const char *desc;
    size_t len;
    CHECK_INT(lb_doc_clauses_text(&desc, &len, doc, 0), LB_OK);   /* empty while syntax is a stub */
    CHECK(len == strlen(desc));
    CHECK_INT(lb_doc_clauses_text(&desc, &len, doc, 5), LB_EUSAGE);
    lb_vec_init(&doc->phrases, sizeof(lb_phrase));
    lb_vec_init(&doc->clauses, sizeof(lb_clause));
    lb_phrase *s = lb_vec_push(&doc->phrases, &doc->arena), *o = lb_vec_push(&doc->phrases, &doc->arena);
    lb_clause *c = lb_vec_push(&doc->clauses, &doc->arena);
    CHECK(s && o && c);
    if (!s || !o || !c) return;
    *s = (lb_phrase){ .tok0 = 0, .ntok = 2, .head = 1, .prep = -1, .parent = -1, .kind = LB_PH_NG, .role = LB_ROLE_SUBJ };
    *o = (lb_phrase){ .tok0 = 3, .ntok = 2, .head = 4, .prep = -1, .parent = -1, .kind = LB_PH_NG, .role = LB_ROLE_OBJ };
    *c = (lb_clause){ .tok0 = 0, .ntok = 7, .parent = -1, .intro = -1, .fin = 2, .verb = 2,
                      .verb_lemma = "ablehnen", .verb_lemma_len = 8, .subj = 0, .obj = 1, .iobj = -1,
                      .agent = 99 /* out of range: ignored */, .nphrase = 2, .kind = LB_CL_MAIN, .modal = -1 };
    CHECK_INT(lb_doc_clauses_text(&desc, &len, doc, 0), LB_OK);
    /* the wording may change (the syntax stage may describe its own layer):
     * the verb lemma, subject and object are there, one line per clause */
    CHECK(strstr(desc, "main") != NULL);
    CHECK(strstr(desc, "ablehnen") != NULL);
    CHECK(strstr(desc, "Die Regierung") != NULL);
    CHECK(strstr(desc, "den Vorschlag") != NULL);
    CHECK(len == strlen(desc) && len > 0 && desc[len - 1] == '\n' && !memchr(desc, '\n', len - 1));
}

int main(void)
{
    test_stage_names();
    test_missing_data();
    lb_ctx *ctx = NULL;
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR)) { fprintf(stderr, "%s\n", lb_ctx_errmsg(ctx)); return 1; }
    lb_doc *doc = NULL;
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);
    test_upto(doc);
    test_event_provenance(doc);
    test_clause_text(doc);
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
