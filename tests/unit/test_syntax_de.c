/* test_syntax_de.c: golden clause analyses of German sentences written for
 * this test: the subject of an object-first sentence found by case and
 * agreement, a passive with its agent, a relative clause with its antecedent,
 * a dass-clause in Konjunktiv, a separable verb, coordinated subjects,
 * negation and a modal; first over hand-written morphology (the clause
 * layer's own logic), then through the real pipeline (tagger included). */
#include "test.h"
#include "test_syntax_util.h"

static lb_doc *doc;
static lb_buf text, norm;

#define DE(spec) sxt_tagged(doc, &text, &norm, "de", spec)
#define NOM_M "Case=Nom|Gender=Masc|Number=Sing"
#define ACC_M "Case=Acc|Gender=Masc|Number=Sing"
#define FIN3S(t) "Mood=Ind|Number=Sing|Person=3|Tense=" t "|VerbForm=Fin"
#define FIN3P(t) "Mood=Ind|Number=Plur|Person=3|Tense=" t "|VerbForm=Fin"

static void object_first(void)
{
    /* "die Opposition" may be nominative or accusative, "den Minister" only accusative */
    const char *r = DE("Den/der/DET/" ACC_M "|PronType=Art Minister/Minister/NOUN/" ACC_M
                       " kritisierte/kritisieren/VERB/" FIN3S("Past")
                       " die/der/DET/Gender=Fem|Number=Sing|PronType=Art Opposition/Opposition/NOUN/Gender=Fem|Number=Sing"
                       " scharf/scharf/ADV ././PUNCT");
    CHECK_STR(r, "main: subj=[die Opposition] verb=kritisieren obj=[Den Minister] voice=act mood=Ind\n");
    /* plural verb: the plural group is the subject even when it comes second */
    r = DE("Die/der/DET/Gender=Fem|Number=Sing|PronType=Art Regierung/Regierung/NOUN/Gender=Fem|Number=Sing"
           " kritisierten/kritisieren/VERB/" FIN3P("Past")
           " die/der/DET/Number=Plur|PronType=Art Gewerkschaften/Gewerkschaft/NOUN/Gender=Fem|Number=Plur ././PUNCT");
    CHECK_STR(r, "main: subj=[die Gewerkschaften] verb=kritisieren obj=[Die Regierung] voice=act mood=Ind\n");
}

static void passive_agent(void)
{
    const char *r = DE("Das/der/DET/Case=Nom|Gender=Neut|Number=Sing|PronType=Art Gesetz/Gesetz/NOUN/Case=Nom|Gender=Neut|Number=Sing"
                       " wurde/werden/AUX/" FIN3S("Past") " von/von/ADP dem/der/DET/Case=Dat|Gender=Neut|Number=Sing|PronType=Art"
                       " Parlament/Parlament/NOUN/Case=Dat|Gender=Neut|Number=Sing beschlossen/beschließen/VERB/VerbForm=Part ././PUNCT");
    CHECK_STR(r, "main: subj=[Das Gesetz] verb=beschließen agent=[von dem Parlament] voice=pass mood=Ind\n");
}

static void relative_clause(void)
{
    const char *r = DE("Der/der/DET/" NOM_M "|PronType=Art Minister/Minister/NOUN/" NOM_M " ,/,/PUNCT"
                       " der/der/PRON/" NOM_M "|PronType=Rel die/der/DET/Case=Acc|Gender=Fem|Number=Sing|PronType=Art"
                       " Reform/Reform/NOUN/Case=Acc|Gender=Fem|Number=Sing plante/planen/VERB/" FIN3S("Past") " ,/,/PUNCT"
                       " trat/treten/VERB/" FIN3S("Past") " zurück/zurück/ADV ././PUNCT");
    CHECK(sxt_has(r, "main: subj=[Der Minister] verb=zurücktreten voice=act mood=Ind\n"));
    CHECK(sxt_has(r, "rel: intro=der subj=[der -> Der Minister] verb=planen obj=[die Reform] voice=act mood=Ind\n"));
    /* the separable verb's lemma is joined on the finite verb, particle linked */
    const lb_morph *M = LB_MORPH(doc);
    CHECK(M[8].flags & LB_MF_SEP_VERB);
    CHECK(M[9].flags & LB_MF_SEP_PART);
    CHECK_INT(M[8].link, 9);
    CHECK_INT(M[4].clause, LB_MORPH(doc)[5].clause);
    CHECK(M[4].clause != M[0].clause);
}

static void dass_clause(void)
{
    const char *r = DE("Die/der/DET/Case=Nom|Gender=Fem|Number=Sing|PronType=Art Regierung/Regierung/NOUN/Case=Nom|Gender=Fem|Number=Sing"
                       " sagte/sagen/VERB/" FIN3S("Past") " ,/,/PUNCT dass/dass/SCONJ sie/sie/PRON/Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs"
                       " die/der/DET/Case=Acc|Number=Plur|PronType=Art Steuern/Steuer/NOUN/Case=Acc|Gender=Fem|Number=Plur"
                       " senken/senken/VERB/VerbForm=Inf werde/werden/AUX/Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin ././PUNCT");
    CHECK_STR(r, "main: subj=[Die Regierung] verb=sagen voice=act mood=Ind\n"
                 "sub: intro=dass(that) subj=[sie] verb=senken obj=[die Steuern] voice=act mood=Sub\n");
    const lb_clause *C = LB_CLAUSES(doc);
    CHECK_INT(doc->clauses.len, 2);
    CHECK_INT(C[1].parent, 0);
    CHECK_INT(C[1].kind, LB_CL_SUB);
}

/* The word classes are cached across the documents of one lb_doc: a
 * lemma at an arena address that held another word of the same length in
 * the document before gets its own class ("dann" opens no clause as "dass"
 * did), as in a fresh document. */
static void class_cache_across_documents(void)
{
#define CACHE_SPEC(w) "Er/er/PRON/Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs sagte/sagen/VERB/" FIN3S("Past") \
                      " ,/,/PUNCT " w "/" w "/SCONJ er/er/PRON/Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs" \
                      " kommt/kommen/VERB/" FIN3S("Pres") " ././PUNCT"
    const char *r = DE(CACHE_SPEC("dass"));
    CHECK(sxt_has(r, "sub: intro=dass"));
    const char *was = LB_MORPH(doc)[3].lemma;
    char second[4096];
    snprintf(second, sizeof second, "%s", DE(CACHE_SPEC("dann")));
    CHECK(LB_MORPH(doc)[3].lemma == was);          /* the same address: the case under test */
    CHECK(!sxt_has(second, "intro=dann"));
    lb_doc *fresh;
    CHECK_INT(lb_doc_new(&fresh, doc->ctx), LB_OK);
    CHECK_STR(sxt_tagged(fresh, &text, &norm, "de", CACHE_SPEC("dann")), second);
    lb_doc_free(fresh);
#undef CACHE_SPEC
}

static void separable_coordination_negation(void)
{
    const char *r = DE("Russland/Russland/PROPN/Case=Nom|Gender=Neut|Number=Sing und/und/CCONJ China/China/PROPN/Case=Nom|Gender=Neut|Number=Sing"
                       " lehnten/lehnen/VERB/" FIN3P("Past") " den/der/DET/" ACC_M "|PronType=Art Plan/Plan/NOUN/" ACC_M
                       " ab/ab/ADP ././PUNCT");
    CHECK_STR(r, "main: subj=[Russland] verb=ablehnen obj=[den Plan] voice=act mood=Ind\n");
    const lb_phrase *P = LB_PHRASES(doc);
    CHECK(P[0].conj == 1 && P[1].role == LB_ROLE_CONJ && P[0].coord);
    r = DE("Die/der/DET/Case=Nom|Gender=Fem|Number=Sing|PronType=Art Polizei/Polizei/NOUN/Case=Nom|Gender=Fem|Number=Sing"
           " konnte/können/AUX/" FIN3S("Past") " den/der/DET/" ACC_M "|PronType=Art Täter/Täter/NOUN/" ACC_M
           " nicht/nicht/PART festnehmen/festnehmen/VERB/VerbForm=Inf ././PUNCT");
    CHECK_STR(r, "main: subj=[Die Polizei] verb=festnehmen obj=[den Täter] voice=act mood=Ind neg modal=können(can)\n");
    /* a preposition is no particle: "Er kam mit dem Zug an" keeps "an" */
    r = DE("Er/er/PRON/" NOM_M "|Person=3|PronType=Prs schlug/schlagen/VERB/" FIN3S("Past")
           " am/an/ADP/Case=Dat|Gender=Masc|Number=Sing Montag/Montag/PROPN/Case=Dat|Gender=Masc|Number=Sing"
           " Gespräche/Gespräch/NOUN/Case=Acc|Gender=Neut|Number=Plur vor/vor/ADP ././PUNCT");
    CHECK_STR(r, "main: subj=[Er] verb=vorschlagen obj=[Gespräche] voice=act mood=Ind\n");
    /* a particle is uninflected: "klare" before a comma is no "klar" (klarstellen) */
    r = DE("Sie/sie/PRON/Case=Nom|Number=Plur|Person=3 stellen/stellen/VERB/" FIN3P("Pres")
           " eine/ein/DET/Case=Acc|Gender=Fem|Number=Sing|PronType=Art klare/klar/ADJ/Case=Acc|Gender=Fem|Number=Sing ,/,/PUNCT"
           " gemeinsame/gemeinsam/ADJ/Case=Acc|Gender=Fem|Number=Sing Forderung/Forderung/NOUN/Case=Acc|Gender=Fem|Number=Sing ././PUNCT");
    CHECK(sxt_has(r, "verb=stellen"));
    /* zu before an infinitive (here tagged finite: a clause of its own) is
     * its marker, no particle of the verb before (zuversuchen) */
    r = DE("Nun/nun/ADV versucht/versuchen/VERB/" FIN3S("Pres") " die/der/DET/Case=Nom|Gender=Fem|Number=Sing|PronType=Art"
           " Firma/Firma/NOUN/Case=Nom|Gender=Fem|Number=Sing den/der/DET/" ACC_M "|PronType=Art Markt/Markt/NOUN/" ACC_M
           " zu/zu/PART erobern/erobern/VERB/" FIN3P("Pres") " ././PUNCT");
    CHECK(sxt_has(r, "verb=versuchen"));
}

static void pipeline(void)
{
    const char *r = sxt_pipeline(doc, "de", "Die Regierung schlug am Montag neue Gespräche vor.");
    CHECK(sxt_has(r, "subj=[Die Regierung] verb=vorschlagen"));
    r = sxt_pipeline(doc, "de", "Der Präsident, der gestern in Berlin war, sagte, dass die Verhandlungen scheitern könnten.");
    CHECK(sxt_has(r, "rel: intro=der subj=[der -> Der Präsident]"));
    CHECK(sxt_has(r, "sub: intro=dass(that) subj=[die Verhandlungen] verb=scheitern"));
    CHECK(sxt_has(r, "main: subj=[Der Präsident] verb=sagen"));
    if (!sxt_has(r, "sub: intro=dass(that) subj=[die Verhandlungen]")) fprintf(stderr, "%s", r);
}

int main(void)
{
    lb_ctx *ctx;
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR)) { fprintf(stderr, "ctx: %s\n", lb_ctx_errmsg(ctx)); return 1; }
    if (lb_doc_new(&doc, ctx)) return 1;
    lb_buf_init(&text, 1 << 20); lb_buf_init(&norm, 1 << 20);
    object_first();
    passive_agent();
    relative_clause();
    dass_clause();
    class_cache_across_documents();
    separable_coordination_negation();
    lb_doc *pdoc = doc;
    if (lb_doc_new(&doc, ctx)) return 1;
    pipeline();
    lb_doc_free(doc);
    doc = pdoc;
    doc->text = ""; doc->norm = NULL;
    lb_doc_free(doc);
    lb_buf_free(&text); lb_buf_free(&norm);
    lb_ctx_free(ctx);
    return TEST_END();
}
