/* test_quotes_en_frames.c: English attribution frames of the quotes stage over
 * the whole pipeline: inverted "…, said the minister on Monday", post-posed
 * "…, the survey said Wednesday" and "…, it said", "said Tuesday the …"
 * without "that", a verb form after an article is a noun ("the remarks"), an
 * adverb between subject and verb ("X later insisted"), a parenthesis
 * ("Beyond that, X said, the …"), doubled quotation marks ('' … '', `` … '').
 * Sentences written for
 * these tests. */
#include "test.h"
#include "test_doc.h"
#include "lagebild.h"
#include "doc.h"
#include <stdlib.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text)
{
    lb_input in = test_input(text, "en");
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
}

/* the quote starting with prefix has this content and this speaker span */
static void expect(const char *prefix, const char *content, const char *span)
{
    const lb_quote *q = test_quote_find(doc, prefix);
    CHECK(q != NULL);
    if (!q) return;
    CHECK_SPAN(doc->text, q->start, q->end, content);
    CHECK(q->speaker_start >= 0);
    if (q->speaker_start >= 0) CHECK_SPAN(doc->text, (uint32_t)q->speaker_start, (uint32_t)q->speaker_end, span);
}

int main(void)
{
    CHECK_INT(lb_ctx_new(&ctx, LB_TEST_DATA_DIR), LB_OK);
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);

    run("The harvest was poor this year, said the farm minister on Monday.");
    expect("The harvest", "The harvest was poor this year", "the farm minister");
    run("Exports of grain fell sharply in the spring, the survey said Wednesday.");
    expect("Exports", "Exports of grain fell sharply in the spring", "the survey");
    run("The survey covers twelve regions. Exports of grain fell sharply in the spring, it said.");
    expect("Exports", "Exports of grain fell sharply in the spring", "it");
    /* the addressee of "told" after a post-posed attribution */
    run("Exports of grain fell sharply in the spring, Helen Park told reporters on Monday.");
    expect("Exports", "Exports of grain fell sharply in the spring", "Helen Park");
    run("Mayor Helen Park said Tuesday the new bridge would open in May.");
    expect("the new", "the new bridge would open in May", "Mayor Helen Park");
    /* "remarks" after an article is a noun, not a speech verb */
    run("The remarks come as the council is looking for ways to cut the budget.");
    CHECK_INT(doc->quotes.len, 0);
    /* an adverb between the subject and the verb; a sentence never opens with its speaker after "Despite" */
    run("Despite the new figures, Helen Park later insisted the bridge would open in May.");
    expect("the bridge", "the bridge would open in May", "Helen Park");
    /* a conjunction before the subject is no preposition: the phrase after it speaks */
    run("The council met on Tuesday. But the harbour master later said that the ferry would run again.");
    expect("the ferry", "the ferry would run again", "the harbour master");
    /* a participle and a coordinated verb share the subject of the clause before */
    run("At the meeting, Helen Park criticised the budget, saying the bridge would cost too much.");
    expect("the bridge", "the bridge would cost too much", "Helen Park");
    run("Helen Park did not apologise, but said the bridge had been planned badly.");
    expect("the bridge", "the bridge had been planned badly", "Helen Park");
    /* a coordinated verb: the subject of the main clause, not of a clause inside it */
    run("The officials acknowledge that he was in a bind, but say the backlash is unusual.");
    expect("the backlash", "the backlash is unusual", "The officials");
    /* "X issued a statement saying …": the statement is X's */
    run("On Monday, Helen Park issued a statement saying the bridge would open in May.");
    expect("the bridge", "the bridge would open in May", "Helen Park");
    /* the subject before an apposition */
    run("In any case, Helen Park, director of the city's transport office, says the bridge is safe.");
    expect("the bridge", "the bridge is safe", "Helen Park");
    /* a capitalised word the tagger takes for a name is no speech verb */
    run("The former Secretary of State Anna Lee met the council on Monday.");
    CHECK_INT(doc->quotes.len, 0);

    /* a parenthetical attribution credits the whole sentence around it */
    run("Beyond that, Helen Park said, the bridge may open in May.");
    expect("Beyond", "Beyond that, Helen Park said, the bridge may open in May", "Helen Park");
    run("Owning the ferry line, the mayor told reporters on Monday, would help the harbour.");
    expect("Owning", "Owning the ferry line, the mayor told reporters on Monday, would help the harbour", "the mayor");
    /* "…, X said, adding …": the clause before the parenthesis, and the participle's own */
    run("The bridge is safe, Helen Park said, adding that it would open in May.");
    expect("The bridge", "The bridge is safe", "Helen Park");
    expect("it would", "it would open in May", "Helen Park");
    /* a direct quote split by its attribution is no indirect quote */
    run("\"The bridge is safe,\" Helen Park said, \"and it will open in May.\"");
    CHECK_INT(doc->quotes.len, 2);
    CHECK(!LB_QUOTES(doc)[0].indirect && !LB_QUOTES(doc)[1].indirect);

    /* a verb form the tagger takes for a noun, after an adjective or numeral
     * or before a noun, is no speech verb; with "that" a speech noun is a cue */
    run("Other states limit the number of years the loss can be carried over.");
    CHECK_INT(doc->quotes.len, 0);
    run("Prosecutors have begun investigations, and state treasurers in two provinces have pulled their money from the bank.");
    CHECK_INT(doc->quotes.len, 0);
    run("The council states that the bridge is safe.");
    expect("the bridge", "the bridge is safe", "The council");

    /* "according to" with a noun phrase of common nouns as its object */
    run("The mayor remains popular in the harbour district, according to recent polls.");
    expect("The mayor", "The mayor remains popular in the harbour district", "recent polls");
    run("According to local transport officials, the bridge will open in May.");
    expect("the bridge", "the bridge will open in May", "local transport officials");

    /* a deictic time adjunct after a post-posed attribution */
    run("The harbour will reopen in the spring, Helen Park said earlier this year.");
    expect("The harbour", "The harbour will reopen in the spring", "Helen Park");
    run("The harbour will reopen in the spring, Helen Park told reporters last week.");
    expect("The harbour", "The harbour will reopen in the spring", "Helen Park");

    /* an apposition without an article after an inverted speaker */
    run("The harbour will reopen in the spring, said Helen Park, director of the city's transport office.");
    expect("The harbour", "The harbour will reopen in the spring", "Helen Park");
    CHECK(test_quote_find(doc, "Helen") == NULL);

    /* "it" right before the speech verb is the organisation's pronoun; "it was
     * reported that" stays impersonal */
    run("The ferry company issued a statement. It later said that the harbour would reopen in the spring.");
    expect("the harbour", "the harbour would reopen in the spring", "It");

    /* a subject with a relative clause before the verb; a clause whose subject
     * is a noun phrase without article */
    run("Developers, who are seeking funds from investors, say construction will begin in the fourth quarter.");
    expect("construction", "construction will begin in the fourth quarter", "Developers");
    run("The port authority said ferry traffic would resume on Monday.");
    expect("ferry", "ferry traffic would resume on Monday", "The port authority");
    /* an infinitive of a speech verb opens no clause */
    run("The potential to challenge cable companies may make a compelling case.");
    CHECK_INT(doc->quotes.len, 0);

    /* a subordinate clause opens the reported clause; "after" before "that" is a preposition */
    run("Helen Park said if the council pays the bridge will open in May.");
    expect("if the", "if the council pays the bridge will open in May", "Helen Park");
    run("Helen Park said after the meeting that the bridge would open in May.");
    expect("the bridge", "the bridge would open in May", "Helen Park");

    /* a post-posed subject with its apposition before an addressee verb */
    run("The ferry will not run this winter, the port's director, Helen Park, told The Harbour Times.");
    expect("The ferry", "The ferry will not run this winter", "the port's director, Helen Park");

    /* a contracted personal pronoun opens the reported clause */
    run("Moreover, the harbour masters say they've spent their money more wisely.");
    expect("they", "they've spent their money more wisely", "the harbour masters");

    /* after a direct quote, the attribution's adjuncts and addressee are no quote */
    run("The council is confident. \"We want to make sure we hold that lead,\" council chairman Tom Reed told "
        "reporters on the short flight from another town, Dover. As for the polls, he was calm.");
    CHECK(test_quote_find(doc, "We want") != NULL);
    CHECK(test_quote_find(doc, "reporters") == NULL);
    run("She was relaxed. \"I am so happy to be back in Dover,\" Helen Park said to cheers from some 4,000 "
        "supporters who had crammed into the market.");
    CHECK(test_quote_find(doc, "cheers") == NULL);

    /* a noun of saying or believing with its content clause: its holder only
     * by a possessive; "that" before a finite verb opens a relative clause */
    run("The harbour master ignored Helen Park's suggestion that the ferry should stop in winter.");
    expect("the ferry", "the ferry should stop in winter", "Helen Park");
    run("Ferry prices rose after news that the harbour would close in May.");
    CHECK(test_quote_find(doc, "the harbour") != NULL);
    CHECK(test_quote_find(doc, "the harbour") && test_quote_find(doc, "the harbour")->speaker_start < 0);
    run("The council discussed the report that was released on Monday.");
    CHECK_INT(doc->quotes.len, 0);
    /* a predicative adjective of certainty: the subject of the copula speaks */
    run("The mayor was confident that the ferry would run again in May.");
    expect("the ferry", "the ferry would run again in May", "The mayor");
    run("It is certain that the ferry will run again in May.");
    CHECK_INT(doc->quotes.len, 0);

    /* the addressee of "told" is no part of what was told; adjuncts after it,
     * a parenthesis before "that", a title after a possessive */
    run("Helen Park told the Harbour Times in an interview on Sunday that the ferry would run in May.");
    expect("the ferry", "the ferry would run in May", "Helen Park");
    run("Helen Park told voters this weekend she would open the bridge in May.");
    expect("she would", "she would open the bridge in May", "Helen Park");
    run("The port authority sent a letter telling the ferry company to stop its service.");
    CHECK(test_quote_find(doc, "to stop its service") != NULL);
    run("Helen Park claimed, without evidence, that the ferry company had lied.");
    expect("the ferry", "the ferry company had lied", "Helen Park");
    run("Helen Park told the BBC's \"Harbour Hour\" that the ferry would run in May.");
    expect("the ferry", "the ferry would run in May", "Helen Park");
    CHECK(test_quote_find(doc, "Harbour Hour") == NULL);

    run("Helen Park told the audience that the council does not understand the problem.");
    expect("the council", "the council does not understand the problem", "Helen Park");
    /* a verb of believing reports only a content clause right after it */
    run("Many harbour workers know that the ferry will not run in winter.");
    expect("the ferry", "the ferry will not run in winter", "Many harbour workers");
    run("The harbour workers know the ferry timetable well.");
    CHECK_INT(doc->quotes.len, 0);
    run("It is widely known that the ferry will not run in winter.");
    CHECK_INT(doc->quotes.len, 0);

    /* a participle that opens the sentence shares the main clause's subject */
    run("Insisting the bridge was safe, Helen Park opened it to traffic.");
    expect("the bridge", "the bridge was safe", "Helen Park");

    /* doubled marks: two apostrophes as in typewriter text, and ``…'' (TeX,
     * Penn Treebank); an apostrophe inside a word stays one */
    run("At the meeting, Helen Park said: ''We will open the bridge in May.'' "
        "''It is safe and it is paid for,'' she said.");
    expect("We will", "We will open the bridge in May.", "Helen Park");
    expect("It is", "It is safe and it is paid for", "she");
    CHECK(!test_quote_find(doc, "We will")->indirect);
    run("``The harbour's ferry will run again in the spring,'' the port's director said.");
    expect("The harbour", "The harbour's ferry will run again in the spring", "the port's director");

    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
