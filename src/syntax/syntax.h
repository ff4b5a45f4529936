/* syntax.h: the clause layer: noun groups, prepositional groups, the verb
 * complex, clause boundaries and per clause its subject, objects and the agent
 * of a passive (lb_phrase, lb_clause in doc.h), over the morphology layer.
 * Every later stage (actors, quotes, events) reads it. Data: data/syntax/. */
#ifndef LB_SYNTAX_H
#define LB_SYNTAX_H
#include "doc.h"

struct lb_syntax_rules;
struct lb_syntax_cache;

/* Loads data/syntax/ (dir): de.txt, de_prep.txt, en.txt. On failure err says
 * "file:line: problem" and *out is NULL. */
int lb_syntax_load(struct lb_syntax_rules **out, const char *dir, char *err, size_t errlen);
void lb_syntax_free(struct lb_syntax_rules *r);

/* The stage: fills doc->phrases, doc->clauses and lb_morph.clause/phrase;
 * joins separable particles into the finite verb's lemma. Needs doc->morph
 * (one entry per token) and doc->ctx->syntax; without them it leaves the
 * layer empty. English rules when doc->lang is "en", else German. */
int lb_syntax_run(lb_doc *doc);
/* Frees the word-class cache the stage keeps in a document (doc->syntax_cache). */
void lb_syntax_cache_free(struct lb_syntax_cache *c);

/* Appends one line per clause of sentence sent to out, e.g.
 * "main: subj=[Die Opposition] verb=kritisieren obj=[den Minister] voice=act mood=Ind".
 * 0, or -1 when out is full. */
int lb_syntax_describe(lb_buf *out, const lb_doc *doc, uint32_t sent);
#endif
