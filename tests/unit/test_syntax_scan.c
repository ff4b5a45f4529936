/* test_syntax_scan.c: the paths of the clause scan that the per-token bits
 * of classify (SX_TF_*: quiet, may open, coordinator, finite, verb, negation)
 * decide, over hand-written morphology: a German zu-infinitive opened by a
 * noun after a comma (no bit says it may open: the break does), one with the
 * zu inside the verb after a pronoun tagged relative, a relative
 * clause opened at its preposition, coordinated main clauses, negation by
 * Polarity=Neg alone and by the word class, an English to-infinitive, an
 * -ing clause after a comma, and an English relative clause that begins at
 * its preposition with no comma before (only the words can open it). */
#include "test.h"
#include "test_syntax_util.h"

static lb_doc *doc;
static lb_buf text, norm;

#define DE(spec) sxt_tagged(doc, &text, &norm, "de", spec)
#define EN(spec) sxt_tagged(doc, &text, &norm, "en", spec)
#define FIN3S(t) "Mood=Ind|Number=Sing|Person=3|Tense=" t "|VerbForm=Fin"

static void zu_infinitive_after_comma(void)
{
    /* "Geld" is a quiet noun: only the comma before it lets it open the clause */
    const char *r = DE("Er/er/PRON/Case=Nom|Number=Sing|Person=3 versprach/versprechen/VERB/" FIN3S("Past")
                       " ,/,/PUNCT Geld/Geld/NOUN/Case=Acc|Gender=Neut|Number=Sing zu/zu/PART"
                       " zahlen/zahlen/VERB/VerbForm=Inf ././PUNCT");
    CHECK(sxt_has(r, "main: subj=[Er] verb=versprechen voice=act mood=Ind\n"));
    CHECK(sxt_has(r, "inf: verb=zahlen obj=[Geld] voice=act mood=-\n"));
    /* without the comma the noun joins the main clause */
    r = DE("Er/er/PRON/Case=Nom|Number=Sing|Person=3 versprach/versprechen/VERB/" FIN3S("Past")
           " Geld/Geld/NOUN/Case=Acc|Gender=Neut|Number=Sing ././PUNCT");
    CHECK_STR(r, "main: subj=[Er] verb=versprechen obj=[Geld] voice=act mood=Ind\n");
}

/* the infix zu-infinitive (anzugreifen: lemma angreifen) opens the clause
 * too, and a pronoun the tagger took for a relative one does not make it a
 * relative clause: that would end in a finite verb */
static void infix_zu_infinitive(void)
{
    const char *r = DE("Russland/Russland/PROPN/Case=Nom|Gender=Neut|Number=Sing droht/drohen/VERB/" FIN3S("Pres")
                       " ,/,/PUNCT die/der/PRON/Case=Acc|Gender=Fem|Number=Sing|PronType=Rel"
                       " Ukraine/Ukraine/PROPN/Case=Acc|Gender=Fem|Number=Sing anzugreifen/angreifen/VERB/VerbForm=Inf"
                       " ././PUNCT");
    CHECK(sxt_has(r, "main: subj=[Russland] verb=drohen voice=act mood=Ind\n"));
    CHECK(sxt_has(r, "inf: verb=angreifen"));
    CHECK(!sxt_has(r, "rel:"));
    /* the lemma folded as the form is (ß: abzuschließen, folded abzuschliessen) */
    r = DE("Russland/Russland/PROPN/Case=Nom|Gender=Neut|Number=Sing droht/drohen/VERB/" FIN3S("Pres")
           " ,/,/PUNCT die/der/PRON/Case=Acc|Gender=Fem|Number=Sing|PronType=Rel"
           " Grenze/Grenze/NOUN/Case=Acc|Gender=Fem|Number=Sing abzuschließen/abschließen/VERB/VerbForm=Inf"
           " ././PUNCT");
    CHECK(sxt_has(r, "inf: verb=abschließen"));
    CHECK(!sxt_has(r, "rel:"));
    /* with a finite verb at its end it stays a relative clause */
    r = DE("Die/der/DET/Case=Nom|Definite=Def|Number=Plur|PronType=Art Leute/Leute/NOUN/Case=Nom|Number=Plur"
           " ,/,/PUNCT die/der/PRON/Case=Nom|Number=Plur|PronType=Rel anzugreifen/angreifen/VERB/VerbForm=Inf"
           " versprachen/versprechen/VERB/Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin ,/,/PUNCT"
           " blieben/bleiben/VERB/Mood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin ././PUNCT");
    CHECK(sxt_has(r, "rel: intro=die"));
}

static void relative_at_preposition(void)
{
    const char *r = DE("Der/der/DET/Case=Nom|Gender=Masc|Number=Sing|PronType=Art Mann/Mann/NOUN/Case=Nom|Gender=Masc|Number=Sing"
                       " ,/,/PUNCT mit/mit/ADP dem/der/PRON/Case=Dat|Gender=Masc|Number=Sing|PronType=Rel"
                       " ich/ich/PRON/Case=Nom|Number=Sing|Person=1 sprach/sprechen/VERB/Mood=Ind|Number=Sing|Person=1|Tense=Past|VerbForm=Fin"
                       " ,/,/PUNCT lachte/lachen/VERB/" FIN3S("Past") " ././PUNCT");
    CHECK(sxt_has(r, "main: subj=[Der Mann] verb=lachen voice=act mood=Ind\n"));
    CHECK(sxt_has(r, "rel: intro=dem subj=[ich] verb=sprechen voice=act mood=Ind\n"));
}

static void coordinated_and_negated(void)
{
    /* "nicht" by its word class, "nie" by Polarity=Neg alone (its lemma written
     * so that no word class matches) */
    const char *r = DE("Er/er/PRON/Case=Nom|Number=Sing|Person=3 kam/kommen/VERB/" FIN3S("Past") " nicht/nicht/PART"
                       " und/und/CCONJ sie/sie/PRON/Case=Nom|Number=Sing|Person=3 ging/gehen/VERB/" FIN3S("Past")
                       " niemals/niemalsx/ADV/Polarity=Neg ././PUNCT");
    CHECK_STR(r, "main: subj=[Er] verb=kommen voice=act mood=Ind neg\n"
                 "main: subj=[sie] verb=gehen voice=act mood=Ind neg\n");
    r = DE("Er/er/PRON/Case=Nom|Number=Sing|Person=3 kam/kommen/VERB/" FIN3S("Past") " ././PUNCT");
    CHECK_STR(r, "main: subj=[Er] verb=kommen voice=act mood=Ind\n");
}

static void english_openers(void)
{
    const char *r = EN("They/they/PRON/Case=Nom|Number=Plur|Person=3 want/want/VERB/Mood=Ind|Number=Plur|Person=3|Tense=Pres|VerbForm=Fin"
                       " to/to/PART leave/leave/VERB/VerbForm=Inf ././PUNCT");
    CHECK(sxt_has(r, "inf: intro=to verb=leave voice=act mood=-\n"));
    r = EN("Troops/troop/NOUN/Number=Plur fired/fire/VERB/" FIN3S("Past") " ,/,/PUNCT killing/kill/VERB/VerbForm=Ger"
           " civilians/civilian/NOUN/Number=Plur ././PUNCT");
    CHECK(sxt_has(r, "main: subj=[Troops] verb=fire voice=act mood=Ind\n"));
    CHECK(sxt_has(r, "inf: verb=kill obj=[civilians] voice=act mood=-\n"));
    /* no comma before the preposition: only its word opens the clause */
    r = EN("The/the/DET/Definite=Def|PronType=Art man/man/NOUN/Number=Sing with/with/ADP whom/whom/PRON/PronType=Rel"
           " we/we/PRON/Case=Nom|Number=Plur|Person=1 spoke/speak/VERB/Mood=Ind|Tense=Past|VerbForm=Fin"
           " left/leave/VERB/" FIN3S("Past") " ././PUNCT");
    CHECK(sxt_has(r, "rel: intro=whom subj=[we] verb=speak voice=act mood=Ind\n"));
    /* the relative clause begins at the preposition, which belongs to it */
    const lb_clause *C = LB_CLAUSES(doc);
    int32_t rel = -1;
    for (size_t k = 0; k < doc->clauses.len; k++) if (C[k].kind == LB_CL_REL) rel = (int32_t)k;
    CHECK(rel >= 0);
    if (rel >= 0) CHECK_INT(C[rel].tok0, 2);
    CHECK_INT(LB_MORPH(doc)[2].clause, rel);
}

int main(void)
{
    lb_ctx *ctx;
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR)) { fprintf(stderr, "ctx: %s\n", lb_ctx_errmsg(ctx)); return 1; }
    if (lb_doc_new(&doc, ctx)) return 1;
    lb_buf_init(&text, 1 << 20); lb_buf_init(&norm, 1 << 20);
    zu_infinitive_after_comma();
    infix_zu_infinitive();
    relative_at_preposition();
    coordinated_and_negated();
    english_openers();
    doc->text = ""; doc->norm = NULL;
    lb_doc_free(doc);
    lb_buf_free(&text); lb_buf_free(&norm);
    lb_ctx_free(ctx);
    return TEST_END();
}
