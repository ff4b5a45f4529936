/* test_morph_de.c: unit tests of the German morphology stage: inflection
 * (Häuser, ging), Konjunktiv I/II (sei, habe, wäre), contractions, compounds,
 * the feature string, and the model loader's rejection of damaged files. */
#include "test.h"
#include "test_doc.h"
#include "doc.h"
#include "morph/morph.h"
#include "morph/tagmodel.h"
#include "lagebild.h"
#include <stdlib.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text)
{
    lb_input in = test_input(text, "de");
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_MORPH), LB_OK);
}

static const lb_morph *word(const char *lit) { return test_morph_word(doc, lit); }
static int lemma_is(const lb_morph *m, const char *lit) { return test_lemma_is(m, lit); }

static void test_inflection(void)
{
    run("Die alten Häuser stehen am Fluss. Gestern ging er nach Hause.");
    const lb_morph *m = word("Häuser");
    CHECK(m && m->upos == LB_UPOS_NOUN);
    CHECK(lemma_is(m, "Haus"));
    CHECK(m && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_PLUR);
    m = word("ging");
    CHECK(m && m->upos == LB_UPOS_VERB);
    CHECK(lemma_is(m, "gehen"));
    CHECK(m && LB_FEAT_GET(m->feats, TENSE) == LB_TENSE_PAST);
    m = word("am");
    CHECK(m && m->upos == LB_UPOS_ADP && (m->flags & LB_MF_CONTR));
    CHECK(lemma_is(m, "an"));
    m = word("nach");
    CHECK(m && m->upos == LB_UPOS_ADP && !(m->flags & LB_MF_CONTR));
}

static void test_subjunctive(void)
{
    run("Der Minister sagte, er habe nichts gewusst, und das sei ein Fehler. Es wäre besser gewesen.");
    const lb_morph *m = word("habe");
    CHECK(m && LB_FEAT_GET(m->feats, MOOD) == LB_MOOD_SUB);
    CHECK(lemma_is(m, "haben"));
    m = word("sei");
    CHECK(m && LB_FEAT_GET(m->feats, MOOD) == LB_MOOD_SUB);
    CHECK(lemma_is(m, "sein"));
    m = word("wäre");
    CHECK(m && LB_FEAT_GET(m->feats, MOOD) == LB_MOOD_SUB);
    CHECK(lemma_is(m, "sein"));
}

/* the verbal bracket: a form that is both participle and finite (erzeugt,
 * erreicht) is the participle the auxiliary's bracket closes on, and stays
 * finite outside one */
static void test_bracket(void)
{
    run("Die Forschungsanlage hat erstmals Helium-Plasma erzeugt. Die Anlage erzeugt Plasma.");
    const lb_morph *m = word("erzeugt");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_PART);
    CHECK(lemma_is(m, "erzeugen"));
    const lb_morph *second = m ? test_morph_word_after(doc, "erzeugt", m) : NULL;
    CHECK(second && LB_FEAT_GET(second->feats, VERBFORM) == LB_VERBFORM_FIN);
    run("Wired und Reviewed haben gemeinsam eine Liste der besten Gadgets erstellt.");
    m = word("erstellt");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_PART);
    run("Die Forscher haben erstmals Plasma erzeugt und erreicht damit viel.");
    m = word("erreicht");                       /* after the conjunction: a finite verb again */
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_FIN);
}

static void test_compound_and_case(void)
{
    run("Der Bundesverteidigungsminister besuchte den Truppenübungsplatz.");
    const lb_morph *m = word("Bundesverteidigungsminister");
    CHECK(m && m->upos == LB_UPOS_NOUN);
    CHECK(lemma_is(m, "Bundesverteidigungsminister"));
    m = word("Truppenübungsplatz");
    CHECK(m && m->upos == LB_UPOS_NOUN);
    m = word("den");
    CHECK(m && m->upos == LB_UPOS_DET && LB_FEAT_GET(m->feats, CASE) == LB_CASE_ACC);
}

static void test_feats_format(void)
{
    char buf[128];
    uint32_t f = LB_FEAT(CASE, LB_CASE_NOM) | LB_FEAT(GENDER, LB_GENDER_MASC) | LB_FEAT(NUMBER, LB_NUMBER_SING);
    lb_feats_format(buf, sizeof buf, f);
    CHECK_STR(buf, "Case=Nom|Gender=Masc|Number=Sing");
    uint32_t g;
    CHECK_INT(lb_feats_parse(&g, "Case=Nom|Gender=Masc|Number=Sing", 32), 0);
    CHECK_INT(g, f);
    CHECK_INT(lb_feats_format(buf, sizeof buf, 0), 0);
}

/* Truncations and flipped bytes of the real model are rejected with "offset". */
static void test_model_loader(void)
{
    char path[4096], err[512];
    snprintf(path, sizeof path, "%s/morph/de.model", LB_TEST_DATA_DIR);
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f) return;
    static unsigned char buf[1 << 24];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    lb_tagmodel *m;
    CHECK_INT(lb_tagmodel_parse(&m, buf, n, "de.model", err, sizeof err), LB_OK);
    lb_tagmodel_free(m);
    size_t cuts[] = { 0, 5, 12, 30, 200, n / 2, n - 5, n - 1 };
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        CHECK(lb_tagmodel_parse(&m, buf, cuts[i], "de.model", err, sizeof err) == LB_EDATA);
        CHECK(strstr(err, "de.model: offset") != NULL);
    }
    buf[8 + 12 + 4] = 250;     /* the first class's part of speech */
    CHECK(lb_tagmodel_parse(&m, buf, n, "de.model", err, sizeof err) == LB_EDATA);
    CHECK(lb_tagmodel_load(&m, "/nonexistent/de.model", err, sizeof err) == LB_EIO);
}

int main(void)
{
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR) != LB_OK) { fprintf(stderr, "%s\n", lb_ctx_errmsg(ctx)); return 1; }
    if (lb_doc_new(&doc, ctx) != LB_OK) return 1;
    test_inflection();
    test_subjunctive();
    test_bracket();
    test_compound_and_case();
    test_feats_format();
    test_model_loader();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
