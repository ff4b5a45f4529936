/* headline.h: a headline without a full stop run into the next sentence (headline.c). */
#ifndef LB_MORPH_HEADLINE_H
#define LB_MORPH_HEADLINE_H
#include "doc.h"
#include "morph/features.h"
#include "morph/lexicon.h"
#include "morph/tagmodel.h"

/* After the lb_morph of a German sentence's tokens toks[0..n) are filled
 * (mo): the index (from on) of the word that opens a second sentence run
 * into it without punctuation, as scraped text keeps subheadings ("Wałęsa
 * weist Vorwürfe zurück Es sei ...", "Sicherheitslage angespannt Die Lage
 * ..."), else 0. The caller passes as from the first word after the second
 * that is a capitalised article or pronoun (none: no need to call); text
 * holds the tokens, lx (or NULL) tells the separable verbs. A no-op (0)
 * for other models. */
int lb_headline_cut(const lb_tagmodel *m, const lb_lexicon *lx, const char *text, const lb_tok *toks, const lb_morph *mo,
                    int n, int from);
#endif
