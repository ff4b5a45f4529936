/* directive.h: sentence shapes a German word's reading follows from (directive.c). */
#ifndef LB_MORPH_DIRECTIVE_H
#define LB_MORPH_DIRECTIVE_H
#include "doc.h"
#include "morph/features.h"
#include "morph/tagmodel.h"

/* After the lb_morph of a German sentence's words mo[0..n) are filled: the
 * index of its last word when that word, read as a plural finite verb, is
 * an infinitive used as a directive ("Bitte hier klicken.", "Jetzt
 * anmelden!"): the sentence's only verb, right before its closing mark,
 * with no nominative or pronoun that could be its subject. -1 when not (or
 * another model: DE only). */
int lb_directive_infinitive(const lb_tagmodel *m, const lb_morph *mo, int n);
/* 1 when word 0 of a German sentence (toks: its tokens), capitalised and
 * read as an adverb, is a noun coordinated with the noun after the
 * conjunction that follows it ("Morgen und Abend sind kühl"): conjuncts
 * share their part of speech. 0 when not (or another model). */
int lb_coordinated_noun(const lb_tagmodel *m, const lb_tok *toks, const lb_morph *mo, int n);
#endif
