/* html_internal.h: the compiled rules of the html stage and the helpers its
 * files share (internal to src/html/). */
#ifndef LB_HTML_INTERNAL_H
#define LB_HTML_INTERNAL_H
#include "html/html.h"
#include "core/wordset.h"
#include "core/buf.h"
#include <libxml/HTMLparser.h>
#include <stdint.h>

/* flags of a tag (low byte of its value in rules->tags; score + 128 above) */
enum { TAG_REMOVE = 1, TAG_BLOCK = 2, TAG_SCORED = 4, TAG_PARA = 8, TAG_HEADING = 16, TAG_LIST = 32, TAG_SOFT = 64, TAG_BYLINE = 128 };
/* flags of a class/id word (low byte; weight + 128 above) */
enum { WORD_DROP = 1, WORD_KEEP = 2, WORD_BYLINE = 4, WORD_WEIGHT = 8, WORD_DATE = 16, WORD_KICKER = 32, WORD_HEADLINE = 64 };
/* flags of a byline word (values in rules->byleads): a lead before the name
 * ("By", "Autor:"), one that opens a byline in running text ("Von X"), one
 * after which the name follows mid-text ("View all posts by X"), one that
 * ends the name ("X am 2. Mai"), words that are no name ("Mehr") */
enum { BY_LEAD = 1, BY_TEXT = 2, BY_MID = 4, BY_STOP = 8, BY_NOTNAME = 16 };
/* metadata fields */
enum { MF_TITLE, MF_DATE, MF_AUTHOR, MF_SITE, MF_URL, MF_LANG, MF_COUNT };

struct lb_html_rules {
    lb_wordset tags;    /* tag name -> flags | (score + 128) << 8 */
    lb_wordset words;   /* class/id word -> flags | (weight + 128) << 8 */
    lb_wordset metas;   /* meta name (case-folded) -> field | priority << 8 */
    lb_wordset months;  /* month name (case-folded) -> 1..12 */
    lb_wordset byleads; /* byline words (case-folded) -> BY_* flags */
    size_t bylead_max;  /* longest of them, bytes */
};

/* What the walk over one element learned (node->_private points here). */
typedef struct lb_hnode {
    uint32_t text, link, commas;   /* visible text bytes, of them in links, commas */
    uint32_t ptext;                /* bytes of voting paragraphs inside, any depth */
    float score;
    int16_t weight;                /* class/id weight */
    uint8_t removed, candidate, tagflags, wflags;
} lb_hnode;

static inline lb_hnode *hnode(const xmlNode *n) { return (lb_hnode *)n->_private; }

/* Tag flags and base score of an element. */
unsigned lb_html_tag(const struct lb_html_rules *r, const xmlNode *n, int *score);
/* Class/id/role/itemprop words of an element: OR of their flags, sum of weights. */
unsigned lb_html_words(const struct lb_html_rules *r, const xmlNode *n, int *weight);
/* Attribute value (borrowed from libxml2, NULL when absent), without allocation. */
const char *lb_html_attr(const xmlNode *n, const char *name);

/* Collects the page's metadata into out (after the extraction walk, whose
 * removed flags keep sidebars out). main is the chosen article node or NULL.
 * *ld_body is the article's text as JSON-LD gives it (articleBody) or NULL. */
int lb_html_meta(lb_html_page *out, const struct lb_html_rules *r, xmlDoc *doc, const xmlNode *main,
                 const char *url, lb_arena *arena, const char **ld_body);
/* 1 and *month (1..12) when word (case-folded) names a month. */
int lb_html_month(const struct lb_html_rules *r, const char *word, size_t n, uint32_t *month);
/* The first date written in a text: numeric (02.08.2019, 2019-08-02) or
 * with a month name ("2. August 2019", "August 2, 2019"). 1 and out set. */
int lb_html_text_date(char out[11], const struct lb_html_rules *r, const char *s, size_t n);
/* Appends the whitespace-collapsed text of a subtree (for titles, bylines),
 * at most max bytes. */
void lb_html_plain(lb_buf *b, const xmlNode *n, size_t max);
#endif
