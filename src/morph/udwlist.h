/* udwlist.h: the word lists of the UD words layer (src/ud_words.c), loaded
 * from data/morph/en.udwords: bound prefixes that keep a hyphenated word
 * whole in UD English (non-profit, e-mail) and the file extensions and
 * top-level domains after which name.ext is one word (report.pdf NOUN,
 * example.com PROPN), and the units UD splits from a number (5m -> 5 m,
 * lemma million; 375mm -> 375 mm).
 *
 * Text format, one record per line, TAB-separated, '#' comments, blank
 * lines ignored; words are lower-case ASCII letters, at most 15 bytes:
 *   P  prefix              bound prefix
 *   E  ext  NOUN|PROPN     extension and the part of speech of name.ext
 *   U  unit  NUM|NOUN|SYM  lemma      unit after a number and its lemma
 *                                      (lower-case letters and '.', "-" = the word) */
#ifndef LB_MORPH_UDWLIST_H
#define LB_MORPH_UDWLIST_H
#include <stddef.h>

#define LB_UDWL_MAX 128         /* entries of each kind */
#define LB_UDWL_WORD 16         /* bytes per word, with its terminating NUL */

typedef struct lb_udwlist {
    char prefix[LB_UDWL_MAX][LB_UDWL_WORD];
    char ext[LB_UDWL_MAX][LB_UDWL_WORD];
    unsigned char ext_upos[LB_UDWL_MAX];    /* enum lb_upos */
    char unit[LB_UDWL_MAX][LB_UDWL_WORD], unit_lemma[LB_UDWL_MAX][LB_UDWL_WORD];
    unsigned char unit_upos[LB_UDWL_MAX];
    int nprefix, next, nunit;
} lb_udwlist;

/* Parses a list held in memory (name is used in messages); on failure err
 * says "name:line: problem" and *out is NULL. */
int lb_udwlist_parse(lb_udwlist **out, const char *p, size_t n, const char *name, char *err, size_t errlen);
/* Loads path (LB_EIO when it cannot be read). */
int lb_udwlist_load(lb_udwlist **out, const char *path, char *err, size_t errlen);
void lb_udwlist_free(lb_udwlist *l);
/* 1 when s[0..n) (compared case-insensitively) is a bound prefix. */
int lb_udwlist_prefix(const lb_udwlist *l, const char *s, size_t n);
/* Part of speech of name.ext for the extension s[0..n) (case-insensitive), 0 when none. */
int lb_udwlist_ext(const lb_udwlist *l, const char *s, size_t n);
/* Part of speech of the unit s[0..n) (case-insensitive) and its lemma
 * (NUL-terminated; the written form when "-"), 0 when s is no unit. */
int lb_udwlist_unit(const lb_udwlist *l, const char *s, size_t n, const char **lemma);
#endif
