/* test_morph_en.c: unit tests of the English morphology stage: tagging and
 * lemmas (went, studies, better, n't forms), features, the tokens layer. */
#include "test.h"
#include "test_doc.h"
#include "doc.h"
#include "morph/morph.h"
#include "morph/lemmas.h"
#include "lagebild.h"
#include <stdlib.h>
#include <unistd.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text)
{
    lb_input in = test_input(text, "en");
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_MORPH), LB_OK);
}

static const lb_morph *word(const char *lit) { return test_morph_word(doc, lit); }
static int lemma_is(const lb_morph *m, const char *lit) { return test_lemma_is(m, lit); }

static void test_lemmas(void)
{
    run("She went to school yesterday. He studies chemistry and his grades are better than mine. The children were running.");
    const lb_morph *m = word("went");
    CHECK(m && m->upos == LB_UPOS_VERB && lemma_is(m, "go"));
    CHECK(m && LB_FEAT_GET(m->feats, TENSE) == LB_TENSE_PAST);
    m = word("studies");
    CHECK(m && m->upos == LB_UPOS_VERB && lemma_is(m, "study"));
    CHECK(m && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_SING);
    m = word("better");
    CHECK(m && m->upos == LB_UPOS_ADJ && lemma_is(m, "good"));
    CHECK(m && LB_FEAT_GET(m->feats, DEGREE) == LB_DEGREE_CMP);
    m = word("children");
    CHECK(m && m->upos == LB_UPOS_NOUN && lemma_is(m, "child"));
    m = word("running");
    CHECK(m && lemma_is(m, "run"));
    m = word("The");
    CHECK(m && m->upos == LB_UPOS_DET && lemma_is(m, "the"));
}

static void test_negation(void)
{
    run("They don't agree, and he can't come. It isn't over.");
    const lb_morph *m = word("don't");
    CHECK(m && m->upos == LB_UPOS_AUX && lemma_is(m, "do"));
    m = word("can't");
    CHECK(m && m->upos == LB_UPOS_AUX && lemma_is(m, "can"));
    m = word("isn't");
    CHECK(m && m->upos == LB_UPOS_AUX && lemma_is(m, "be"));
}

static void test_tokens_json(void)
{
    lb_input in = { .id = "j", .id_len = 1, .text = "Dogs bark.", .text_len = 10, .lang = "en", .lang_len = 2 };
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    const char *json;
    size_t len;
    CHECK_INT(lb_doc_json_with(&json, &len, doc, LB_JSON_TOKENS), LB_OK);
    CHECK(strstr(json, "\"tokens\":[{\"start\":0,\"end\":4,\"lemma\":\"dog\",\"upos\":\"NOUN\",\"feats\":\"Number=Plur\"}") != NULL);
    CHECK_INT(lb_doc_json(&json, &len, doc), LB_OK);
    CHECK(strstr(json, "\"tokens\"") == NULL);
}

/* The lemma table loader names file and line of a bad record. */
static void test_lemmas_loader(void)
{
    char path[] = "/tmp/lb-test-lemmas-XXXXXX", err[512];
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    FILE *f = fdopen(fd, "w");
    fputs("# comment\nR\tVERB\ting\t1\t3\t\nW\twent\tVRB\tgo\n", f);
    fclose(f);
    lb_lemmas *l = NULL;
    CHECK_INT(lb_lemmas_load(&l, path, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, ":3: unknown part of speech") != NULL);
    f = fopen(path, "w");
    fputs("R\tVERB\ting\t1\t3\t\nW\twent\tVERB\tgo\nW\ther\tPRON\tshe\nV\ther\tPRON\tPoss=Yes\ther\n", f);
    fclose(f);
    CHECK_INT(lb_lemmas_load(&l, path, err, sizeof err), LB_OK);
    char buf[512];
    uint32_t feats;
    size_t n = lb_lemmas_apply(l, "walking", 7, LB_UPOS_VERB, 0, buf, sizeof buf, &feats);
    CHECK(n == 4 && !memcmp(buf, "walk", 4));
    n = lb_lemmas_apply(l, "went", 4, LB_UPOS_VERB, 0, buf, sizeof buf, &feats);
    CHECK(n == 2 && !memcmp(buf, "go", 2));
    uint32_t poss = 0;
    CHECK_INT(lb_feats_parse(&poss, "Poss=Yes", 8), 0);
    n = lb_lemmas_apply(l, "her", 3, LB_UPOS_PRON, poss, buf, sizeof buf, &feats);
    CHECK(n == 3 && !memcmp(buf, "her", 3));
    n = lb_lemmas_apply(l, "her", 3, LB_UPOS_PRON, 0, buf, sizeof buf, &feats);
    CHECK(n == 3 && !memcmp(buf, "she", 3));
    lb_lemmas_free(l);
    remove(path);
}

int main(void)
{
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR) != LB_OK) { fprintf(stderr, "%s\n", lb_ctx_errmsg(ctx)); return 1; }
    if (lb_doc_new(&doc, ctx) != LB_OK) return 1;
    test_lemmas();
    test_negation();
    test_tokens_json();
    test_lemmas_loader();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
