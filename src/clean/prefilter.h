/* prefilter.h: a cheap necessary condition for a POSIX extended regular
 * expression to match a line: the literal strings every match must start
 * (or end) with, derived from the pattern when it is compiled. The cleaning
 * stage skips regexec on lines that fail it. Patterns it does not fully
 * understand get no filter (every line passes); it never rejects a line the
 * regular expression could match. It matches nothing itself. */
#ifndef LB_CLEAN_PREFILTER_H
#define LB_CLEAN_PREFILTER_H
#include <stddef.h>

#define LB_PF_MAX_STRS 32     /* strings in one set */
#define LB_PF_MAX_LEN  24     /* bytes kept of each string */
#define LB_PF_MAX_PAIRS 8     /* first byte pairs of the prefixes, for the vector scan */

typedef struct lb_pf_set {
    int n;                                  /* 0 = no information */
    unsigned char len[LB_PF_MAX_STRS];
    char s[LB_PF_MAX_STRS][LB_PF_MAX_LEN];
} lb_pf_set;

typedef struct lb_prefilter {
    int anchored_start, anchored_end;       /* the pattern starts with ^, ends with $ */
    lb_pf_set pre;                          /* every match starts with one of these */
    lb_pf_set suf;                          /* every match ends with one of these */
    /* for the tests (pre is sorted by first byte): first[c] - 1 is the first
     * prefix that starts with c (0: none), last[c] whether a suffix ends with
     * c; for a
     * pattern that may match anywhere, a Horspool shift over the first
     * minlen bytes of the prefixes (a set search: shift[c] is the smallest
     * over the prefixes) and the bytes at minlen - 1 that may end a hit */
    unsigned char first[256], last[256], shift[256], hit_end[256];
    size_t minlen;
    /* when every prefix has two bytes or more and they begin with at most
     * LB_PF_MAX_PAIRS different pairs of bytes: the pairs, for a scan 16
     * positions at a time (SSE2) instead of the shifts */
    int npairs;
    unsigned char pair0[LB_PF_MAX_PAIRS], pair1[LB_PF_MAX_PAIRS];
    /* for a pattern anchored at both ends whose matches have a bounded
     * length: one more than the most characters a match has (0: no bound;
     * lines with as many characters cannot match) */
    size_t maxchars;
} lb_prefilter;

/* Derives the filter from pattern (ERE, as given to regcomp). Never fails:
 * what it cannot analyse leaves the sets empty (no information). */
void lb_prefilter_build(lb_prefilter *pf, const char *pattern);
/* 0 when the pattern cannot match the n bytes of line; 1 when it may. */
int lb_prefilter_scan(const lb_prefilter *pf, const char *line, size_t n);
/* lb_prefilter_scan with its tests of one byte inline */
static inline int lb_prefilter_may_match(const lb_prefilter *pf, const char *line, size_t n)
{
    if (pf->anchored_end && pf->suf.n && (!n || !pf->last[(unsigned char)line[n - 1]])) return 0;
    if (pf->anchored_start && pf->pre.n && (!n || !pf->first[(unsigned char)line[0]])) return 0;
    return lb_prefilter_scan(pf, line, n);
}
#endif
