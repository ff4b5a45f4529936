/* test_syntax_quotes.c: quotation marks in the clause layer, over
 * hand-written morphology (invented sentences). A quotation mark around a
 * title or quoted phrase inside a clause is no clause boundary: the German
 * verb bracket closes over it (particle), a quoted title is its noun's
 * apposition in any case (a lower-case quoted phrase is none), a
 * preposition's or article's group goes on over it, an English subject is
 * found before a title. Next to a colon, comma or end mark it
 * stays a boundary (direct speech), and one opening the sentence is no break
 * before a pronoun (no relative clause). Also: a German verb spelt as its
 * infinitive after a finite auxiliary or modal closes the bracket (not after
 * zu), and the tokens after an infinitive clause's verb go to the clause of
 * the finite verb that follows. */
#include "test.h"
#include "test_syntax_util.h"

static lb_doc *doc;
static lb_buf text, norm;

#define DE(spec) sxt_tagged(doc, &text, &norm, "de", spec)
#define EN(spec) sxt_tagged(doc, &text, &norm, "en", spec)
#define FIN3S(t) "Mood=Ind|Number=Sing|Person=3|Tense=" t "|VerbForm=Fin"
#define FIN3P(t) "Mood=Ind|Number=Plur|Person=3|Tense=" t "|VerbForm=Fin"
#define Q "\"/\"/PUNCT"

/* the separable particle after a quoted title still closes the bracket */
static void german_particle_after_title(void)
{
    const char *r = DE("Er/er/PRON/Case=Nom|Number=Sing|Person=3 stellte/stellen/VERB/" FIN3S("Past")
                       " das/der/DET/Case=Acc|Gender=Neut|Number=Sing|PronType=Art Buch/Buch/NOUN/Case=Acc|Gender=Neut|Number=Sing"
                       " " Q " Der/der/DET/Case=Nom|Gender=Masc|Number=Sing|PronType=Art Weg/Weg/NOUN/Case=Nom|Gender=Masc|Number=Sing"
                       " " Q " gestern/gestern/ADV vor/vor/ADP ././PUNCT");
    CHECK_STR(r, "main: subj=[Er] verb=vorstellen obj=[das Buch] voice=act mood=Ind\n");
}

/* a capitalised quoted group after a noun is its title, in any case and
 * after a prepositional group's noun too: no candidate for a role */
static void german_title_cases(void)
{
    const char *r = DE("Mitsamt/mitsamt/ADP dem/der/DET/Case=Dat|Gender=Masc|Number=Sing|PronType=Art Ableger/Ableger/NOUN/Case=Dat|Gender=Masc|Number=Sing"
                       " " Q " Die/der/DET/Case=Nom|Gender=Fem|Number=Sing|PronType=Art Post/Post/NOUN/Case=Nom|Gender=Fem|Number=Sing " Q
                       " verkauft/verkaufen/VERB/" FIN3S("Pres") " der/der/DET/Case=Nom|Gender=Masc|Number=Sing|PronType=Art"
                       " Verlag/Verlag/NOUN/Case=Nom|Gender=Masc|Number=Sing den/der/DET/Case=Acc|Gender=Masc|Number=Sing|PronType=Art"
                       " Sender/Sender/NOUN/Case=Acc|Gender=Masc|Number=Sing ././PUNCT");
    CHECK_STR(r, "main: subj=[der Verlag] verb=verkaufen obj=[den Sender] voice=act mood=Ind\n");
    /* a quoted phrase that is no name (lower case) stays the predicate */
    r = DE("Berlin/Berlin/PROPN/Case=Nom|Gender=Neut|Number=Sing ist/sein/AUX/" FIN3S("Pres")
           " in/in/ADP diesem/dieser/DET/Case=Dat|Gender=Neut|Number=Sing|PronType=Dem Jahr/Jahr/NOUN/Case=Dat|Gender=Neut|Number=Sing"
           " " Q " die/der/DET/Case=Nom|Gender=Fem|Number=Sing|PronType=Art einzige/einzig/ADJ/Case=Nom|Gender=Fem|Number=Sing"
           " Stadt/Stadt/NOUN/Case=Nom|Gender=Fem|Number=Sing " Q " ././PUNCT");
    CHECK_STR(r, "main: subj=[Berlin] verb=sein pred=[die einzige Stadt] voice=act mood=Ind\n");
}

/* a preposition's group goes on over the quotation mark: "in "Die Zeit""
 * is one prepositional group, no object */
static void german_quoted_group(void)
{
    const char *r = DE("Er/er/PRON/Case=Nom|Number=Sing|Person=3 las/lesen/VERB/" FIN3S("Past") " in/in/ADP"
                       " " Q " Die/der/DET/Case=Dat|Gender=Fem|Number=Sing|PronType=Art Zeit/Zeit/PROPN/Case=Dat|Gender=Fem|Number=Sing"
                       " " Q " ././PUNCT");
    CHECK_STR(r, "main: subj=[Er] verb=lesen voice=act mood=Ind\n");
    const lb_phrase *P = LB_PHRASES(doc);
    int pg = 0;
    for (size_t k = 0; k < doc->phrases.len; k++) pg |= P[k].kind == LB_PH_PG && P[k].tok0 == 2 && P[k].ntok == 4;
    CHECK(pg);
}

/* direct speech: the quotation marks next to colon, comma and end mark stay
 * boundaries; one opening the sentence does not make "Das" relative */
static void german_direct_speech(void)
{
    const char *r = DE("Sie/sie/PRON/Case=Nom|Number=Sing|Person=3 sagte/sagen/VERB/" FIN3S("Past") " :/:/PUNCT"
                       " " Q " Wir/wir/PRON/Case=Nom|Number=Plur|Person=1"
                       " kommen/kommen/VERB/Mood=Ind|Number=Plur|Person=1|Tense=Pres|VerbForm=Fin ././PUNCT " Q);
    CHECK_STR(r, "main: subj=[Sie] verb=sagen voice=act mood=Ind\n"
                 "main: subj=[Wir] verb=kommen voice=act mood=Ind\n");
    r = DE(Q " Das/der/PRON/Case=Nom|Gender=Neut|Number=Sing|PronType=Dem ist/sein/AUX/" FIN3S("Pres")
           " ernst/ernst/ADJ " Q " ,/,/PUNCT sagte/sagen/VERB/" FIN3S("Past")
           " sie/sie/PRON/Case=Nom|Number=Sing|Person=3 ././PUNCT");
    CHECK_STR(r, "main: subj=[Das] verb=sein voice=act mood=Ind\n"
                 "main: subj=[sie] verb=sagen voice=act mood=Ind\n");
}

/* quoted speech after the speech verb without a colon: the marks around a
 * clause (a finite verb inside) stay boundaries, its subject is its own */
static void german_speech_without_colon(void)
{
    const char *r = DE("Der/der/DET/Case=Nom|Gender=Masc|Number=Sing|PronType=Art Sprecher/Sprecher/NOUN/Case=Nom|Gender=Masc|Number=Sing"
                       " sagte/sagen/VERB/" FIN3S("Past") " \xE2\x80\x9E/\xE2\x80\x9E/PUNCT Wir/wir/PRON/Case=Nom|Number=Plur|Person=1"
                       " kommen/kommen/VERB/Mood=Ind|Number=Plur|Person=1|Tense=Pres|VerbForm=Fin morgen/morgen/ADV"
                       " \xE2\x80\x9C/\xE2\x80\x9C/PUNCT ././PUNCT");
    CHECK(sxt_has(r, "main: subj=[Wir] verb=kommen voice=act mood=Ind\n"));
}

/* "wird ... einstellen" over a quoted name, the infinitive tagged finite
 * (the plural present's form): one clause */
static void german_verb_bracket(void)
{
    const char *r = DE("Die/der/DET/Case=Nom|Gender=Fem|Number=Sing|PronType=Art Firma/Firma/NOUN/Case=Nom|Gender=Fem|Number=Sing"
                       " wird/werden/AUX/" FIN3S("Pres")
                       " den/der/DET/Case=Acc|Gender=Masc|Number=Sing|PronType=Art Sender/Sender/NOUN/Case=Acc|Gender=Masc|Number=Sing"
                       " " Q " Der/der/DET/Case=Nom|Gender=Masc|Number=Sing|PronType=Art Bote/Bote/NOUN/Case=Nom|Gender=Masc|Number=Sing"
                       " " Q " in/in/ADP März/März/NOUN/Case=Dat|Gender=Masc|Number=Sing"
                       " einstellen/einstellen/VERB/" FIN3P("Pres") " ././PUNCT");
    CHECK_STR(r, "main: subj=[Die Firma] verb=einstellen obj=[den Sender] voice=act mood=Ind\n");
    /* spelt as its lemma once both are folded (ß = ss) */
    r = DE("Die/der/DET/Case=Nom|Gender=Fem|Number=Sing|PronType=Art Firma/Firma/NOUN/Case=Nom|Gender=Fem|Number=Sing"
           " wird/werden/AUX/" FIN3S("Pres")
           " den/der/DET/Case=Acc|Gender=Masc|Number=Sing|PronType=Art Sender/Sender/NOUN/Case=Acc|Gender=Masc|Number=Sing"
           " in/in/ADP März/März/NOUN/Case=Dat|Gender=Masc|Number=Sing"
           " schließen/schließen/VERB/" FIN3P("Pres") " ././PUNCT");
    CHECK_STR(r, "main: subj=[Die Firma] verb=schließen obj=[den Sender] voice=act mood=Ind\n");
    /* after zu a verb spelt as its lemma is a zu-infinitive's, not the bracket's */
    r = DE("Das/der/PRON/Case=Nom|Gender=Neut|Number=Sing|PronType=Dem ist/sein/AUX/" FIN3S("Pres")
           " der/der/DET/Case=Nom|Gender=Masc|Number=Sing|PronType=Art Weg/Weg/NOUN/Case=Nom|Gender=Masc|Number=Sing"
           " um/um/ADP Streit/Streit/NOUN/Case=Acc|Gender=Masc|Number=Sing zu/zu/PART"
           " vermeiden/vermeiden/VERB/" FIN3P("Pres") " ././PUNCT");
    CHECK(sxt_has(r, "main: subj=[Das] verb=sein pred=[der Weg] voice=act mood=Ind\n"));
}

static void english_quotes(void)
{
    /* the subject of "planned" is the group the title names */
    const char *r = EN("Officials/official/NOUN/Number=Plur said/say/VERB/" FIN3P("Past")
                       " the/the/DET/Definite=Def|PronType=Art group/group/NOUN/Number=Sing"
                       " " Q " Free/Free/PROPN/Number=Sing Voices/Voices/PROPN/Number=Sing " Q
                       " planned/plan/VERB/" FIN3S("Past") " a/a/DET/Definite=Ind|PronType=Art march/march/NOUN/Number=Sing"
                       " ././PUNCT");
    CHECK_STR(r, "main: subj=[Officials] verb=say voice=act mood=Ind\n"
                 "main: subj=[the group] verb=plan obj=[a march] voice=act mood=Ind\n");
}

/* "and she" joined the open to-infinitive: it belongs to "stayed" */
static void english_infinitive_then_coordination(void)
{
    const char *r = EN("He/he/PRON/Case=Nom|Number=Sing|Person=3 wanted/want/VERB/" FIN3S("Past") " to/to/PART leave/leave/VERB/VerbForm=Inf"
                       " and/and/CCONJ she/she/PRON/Case=Nom|Number=Sing|Person=3 stayed/stay/VERB/" FIN3S("Past") " ././PUNCT");
    CHECK(sxt_has(r, "main: subj=[she] verb=stay voice=act mood=Ind\n"));
}

int main(void)
{
    lb_ctx *ctx;
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR)) { fprintf(stderr, "ctx: %s\n", lb_ctx_errmsg(ctx)); return 1; }
    if (lb_doc_new(&doc, ctx)) return 1;
    lb_buf_init(&text, 1 << 20); lb_buf_init(&norm, 1 << 20);
    german_particle_after_title();
    german_title_cases();
    german_quoted_group();
    german_direct_speech();
    german_speech_without_colon();
    german_verb_bracket();
    english_quotes();
    english_infinitive_then_coordination();
    doc->text = ""; doc->norm = NULL;
    lb_doc_free(doc);
    lb_buf_free(&text); lb_buf_free(&norm);
    lb_ctx_free(ctx);
    return TEST_END();
}
