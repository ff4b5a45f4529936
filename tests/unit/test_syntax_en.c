/* test_syntax_en.c: golden clause analyses of English sentences written for
 * this test: a passive with its by-agent, a that-clause with a modal, a
 * relative clause (subject and object relative pronoun), a double object,
 * an expletive "there", a clause after a speech verb without "that"; first
 * over hand-written morphology, then through the real pipeline. */
#include "test.h"
#include "test_syntax_util.h"

static lb_doc *doc;
static lb_buf text, norm;

#define EN(spec) sxt_tagged(doc, &text, &norm, "en", spec)
#define PAST "Mood=Ind|Tense=Past|VerbForm=Fin"
#define VBN "Tense=Past|VerbForm=Part"

static void passive(void)
{
    const char *r = EN("The/the/DET/Definite=Def|PronType=Art law/law/NOUN/Number=Sing was/be/AUX/Number=Sing|Person=3|" PAST
                       " passed/pass/VERB/" VBN " by/by/ADP the/the/DET/Definite=Def|PronType=Art parliament/parliament/NOUN/Number=Sing ././PUNCT");
    CHECK_STR(r, "main: subj=[The law] verb=pass agent=[by the parliament] voice=pass mood=Ind\n");
    /* perfect, not passive */
    r = EN("Russia/Russia/PROPN/Number=Sing has/have/AUX/Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"
           " recalled/recall/VERB/" VBN " its/its/PRON/Number=Sing|Person=3|Poss=Yes|PronType=Prs ambassador/ambassador/NOUN/Number=Sing ././PUNCT");
    CHECK_STR(r, "main: subj=[Russia] verb=recall obj=[its ambassador] voice=act mood=Ind\n");
}

static void that_clause(void)
{
    const char *r = EN("The/the/DET/Definite=Def|PronType=Art minister/minister/NOUN/Number=Sing said/say/VERB/" PAST
                       " that/that/SCONJ the/the/DET/Definite=Def|PronType=Art government/government/NOUN/Number=Sing"
                       " would/would/AUX/VerbForm=Fin raise/raise/VERB/VerbForm=Inf taxes/tax/NOUN/Number=Plur ././PUNCT");
    CHECK_STR(r, "main: subj=[The minister] verb=say voice=act mood=Ind\n"
                 "sub: intro=that subj=[the government] verb=raise obj=[taxes] voice=act mood=- modal=would\n");
    /* no "that": the clause starts at its subject */
    r = EN("He/he/PRON/Case=Nom|Number=Sing|Person=3|PronType=Prs said/say/VERB/" PAST
           " the/the/DET/Definite=Def|PronType=Art talks/talk/NOUN/Number=Plur failed/fail/VERB/" PAST " ././PUNCT");
    CHECK_STR(r, "main: subj=[He] verb=say voice=act mood=Ind\nmain: subj=[the talks] verb=fail voice=act mood=Ind\n");
}

static void relative(void)
{
    const char *r = EN("The/the/DET/Definite=Def|PronType=Art man/man/NOUN/Number=Sing who/who/PRON/PronType=Rel"
                       " attacked/attack/VERB/" PAST " the/the/DET/Definite=Def|PronType=Art police/police/NOUN/Number=Sing"
                       " was/be/AUX/Number=Sing|Person=3|" PAST " arrested/arrest/VERB/" VBN " ././PUNCT");
    CHECK(sxt_has(r, "main: subj=[The man] verb=arrest voice=pass mood=Ind\n"));
    CHECK(sxt_has(r, "rel: intro=who subj=[who -> The man] verb=attack obj=[the police] voice=act mood=Ind\n"));
    r = EN("the/the/DET/Definite=Def|PronType=Art report/report/NOUN/Number=Sing that/that/PRON/PronType=Rel"
           " the/the/DET/Definite=Def|PronType=Art agency/agency/NOUN/Number=Sing published/publish/VERB/" PAST);
    CHECK(sxt_has(r, "rel: intro=that subj=[the agency] verb=publish obj=[that -> the report] voice=act mood=Ind\n"));
}

static void after_relative(void)
{
    /* the clause after "Israel, which ..., ranks" keeps its subject */
    const char *r = EN("Iran/Iran/PROPN/Number=Sing denied/deny/VERB/" PAST " it/it/PRON/Case=Acc|PronType=Prs ,/,/PUNCT"
                       " but/but/CCONJ Israel/Israel/PROPN/Number=Sing ,/,/PUNCT which/which/PRON/PronType=Rel"
                       " has/have/VERB/Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin weapons/weapon/NOUN/Number=Plur ,/,/PUNCT"
                       " ranks/rank/VERB/Mood=Ind|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin fifth/fifth/ADJ ././PUNCT");
    CHECK(sxt_has(r, "main: subj=[Israel] verb=rank voice=act mood=Ind\n"));
    CHECK(sxt_has(r, "rel: intro=which subj=[which -> Israel] verb=have obj=[weapons] voice=act mood=Ind\n"));
    const lb_clause *C = LB_CLAUSES(doc);
    CHECK_INT(doc->clauses.len, 3);
    CHECK_INT(C[1].kind, LB_CL_REL);
    CHECK_INT(C[1].parent, 2);
}

static void objects(void)
{
    const char *r = EN("Russia/Russia/PROPN/Number=Sing gave/give/VERB/" PAST " Ukraine/Ukraine/PROPN/Number=Sing"
                       " an/a/DET/Definite=Ind|PronType=Art ultimatum/ultimatum/NOUN/Number=Sing ././PUNCT");
    CHECK_STR(r, "main: subj=[Russia] verb=give obj=[an ultimatum] iobj=[Ukraine] voice=act mood=Ind\n");
    /* inversion in a question */
    r = EN("Did/do/AUX/Mood=Ind|Tense=Past|VerbForm=Fin the/the/DET/Definite=Def|PronType=Art army/army/NOUN/Number=Sing"
           " attack/attack/VERB/VerbForm=Inf the/the/DET/Definite=Def|PronType=Art village/village/NOUN/Number=Sing ?/?/PUNCT");
    CHECK_STR(r, "question: subj=[the army] verb=attack obj=[the village] voice=act mood=Ind\n");
    r = EN("There/there/PRON/PronType=Dem were/be/VERB/Number=Plur|" PAST " no/no/DET/PronType=Neg"
           " talks/talk/NOUN/Number=Plur ././PUNCT");
    CHECK_STR(r, "main: subj=[no talks] verb=be voice=act mood=Ind neg\n");
}

static void pipeline(void)
{
    const char *r = sxt_pipeline(doc, "en", "The law was passed by the parliament on Monday.");
    CHECK(sxt_has(r, "subj=[The law] verb=pass agent=[by the parliament] voice=pass"));
    r = sxt_pipeline(doc, "en", "The minister said that the government would not raise taxes.");
    CHECK(sxt_has(r, "sub: intro=that subj=[the government] verb=raise obj=[taxes]"));
    CHECK(sxt_has(r, " neg"));
}

int main(void)
{
    lb_ctx *ctx;
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR)) { fprintf(stderr, "ctx: %s\n", lb_ctx_errmsg(ctx)); return 1; }
    if (lb_doc_new(&doc, ctx)) return 1;
    lb_buf_init(&text, 1 << 20); lb_buf_init(&norm, 1 << 20);
    passive();
    that_clause();
    relative();
    after_relative();
    objects();
    doc->text = ""; doc->norm = NULL;
    lb_doc_free(doc);
    if (lb_doc_new(&doc, ctx)) return 1;
    pipeline();
    lb_doc_free(doc);
    lb_buf_free(&text); lb_buf_free(&norm);
    lb_ctx_free(ctx);
    return TEST_END();
}
