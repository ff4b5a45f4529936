/* article.h: the case of a German noun group after a preposition (article.c). */
#ifndef LB_MORPH_ARTICLE_H
#define LB_MORPH_ARTICLE_H
#include "doc.h"
#include "morph/features.h"
#include "morph/lexicon.h"
#include "morph/tagmodel.h"

/* After the lb_morph of a German sentence's words mo[0..n) are filled: the
 * index of the noun when word i is an article read as a dative plural right
 * after a preposition read with the accusative, and its noun (after
 * adjectives only) is read as a singular (a name also without a number)
 * and the lexicon lx has no dative plural of its form (toks: the words'
 * tokens in text): "in den Irak", "in den Jemen", not "unter den Toten".
 * Else -1 (or another model: DE only). The caller reads the article, the
 * adjectives and the noun in the accusative where the article's reading
 * there is singular. */
int lb_article_noun(const lb_tagmodel *m, const lb_lexicon *lx, const char *text, const lb_tok *toks, const lb_morph *mo,
                    int i, int n);
#endif
