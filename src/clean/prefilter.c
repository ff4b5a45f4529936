/* prefilter.c: derives from a POSIX ERE the literal strings every match
 * starts and ends with (see prefilter.h), by a recursive descent over the
 * pattern: per sub-expression, the exact set of strings it matches (when
 * small and finite) and its prefix and suffix sets. Anything unusual (GNU
 * escapes, anchors inside, a quantifier on a multi-byte character, classes
 * in brackets) makes the sets "no information", never a wrong filter. */
#include "clean/prefilter.h"
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

typedef struct info {
    int exact_ok;           /* exact holds every string the expression matches */
    lb_pf_set exact;        /* may hold the empty string */
    lb_pf_set pre, suf;     /* n == 0: no information */
    long maxlen;            /* atoms in the longest match (each at most one character); -1: no bound */
} info;

typedef struct parser { const char *p, *end; int bad; } parser;

static void set_one(lb_pf_set *s, const char *str, size_t n)
{
    s->n = 1; s->len[0] = (unsigned char)n;
    memcpy(s->s[0], str, n);
}

/* Adds a + b to s, truncated to the first (from_end = 0) or last bytes; 0 when full. */
static int set_add(lb_pf_set *s, const char *a, size_t an, const char *b, size_t bn, int from_end)
{
    if (s->n >= LB_PF_MAX_STRS) return 0;
    char buf[2 * LB_PF_MAX_LEN];
    memcpy(buf, a, an); memcpy(buf + an, b, bn);
    size_t n = an + bn, off = 0;
    if (n > LB_PF_MAX_LEN) { off = from_end ? n - LB_PF_MAX_LEN : 0; n = LB_PF_MAX_LEN; }
    for (int i = 0; i < s->n; i++)
        if (s->len[i] == n && !memcmp(s->s[i], buf + off, n)) return 1;
    memcpy(s->s[s->n], buf + off, n);
    s->len[s->n++] = (unsigned char)n;
    return 1;
}

/* An exact set used as a prefix or suffix set: no information when it holds "". */
static void as_affixes(lb_pf_set *out, const lb_pf_set *exact)
{
    *out = *exact;
    for (int i = 0; i < out->n; i++)
        if (!out->len[i]) { out->n = 0; return; }
}

/* {a + b : a in A, b in B}; 0 when it does not fit (exact: nothing truncated). */
static int cross(lb_pf_set *out, const lb_pf_set *a, const lb_pf_set *b, int from_end, int exact)
{
    out->n = 0;
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++) {
            if (exact && a->len[i] + b->len[j] > LB_PF_MAX_LEN) return 0;
            if (!set_add(out, a->s[i], a->len[i], b->s[j], b->len[j], from_end)) return 0;
        }
    return 1;
}

/* A length kept below a bound that no line reaches (-1 beyond it). */
static long bounded(long n) { return n > 1000000 ? -1 : n; }

static void concat(info *acc, const info *b)
{
    info r;
    r.exact.n = 0;
    r.exact_ok = acc->exact_ok && b->exact_ok && cross(&r.exact, &acc->exact, &b->exact, 0, 1);
    if (!acc->exact_ok) r.pre = acc->pre;
    else if (!b->pre.n || !cross(&r.pre, &acc->exact, &b->pre, 0, 0)) as_affixes(&r.pre, &acc->exact);
    if (!b->exact_ok) r.suf = b->suf;
    else if (!acc->suf.n || !cross(&r.suf, &acc->suf, &b->exact, 1, 0)) as_affixes(&r.suf, &b->exact);
    r.maxlen = acc->maxlen < 0 || b->maxlen < 0 ? -1 : bounded(acc->maxlen + b->maxlen);
    *acc = r;
}

static void set_union(lb_pf_set *a, const lb_pf_set *b, int *ok)
{
    for (int i = 0; i < b->n && *ok; i++) *ok = set_add(a, b->s[i], b->len[i], "", 0, 0);
}

static void alternate(info *acc, const info *b)
{
    if (acc->exact_ok && b->exact_ok) set_union(&acc->exact, &b->exact, &acc->exact_ok);
    else acc->exact_ok = 0;
    int ok = acc->pre.n && b->pre.n;
    set_union(&acc->pre, &b->pre, &ok);
    if (!ok) acc->pre.n = 0;
    ok = acc->suf.n && b->suf.n;
    set_union(&acc->suf, &b->suf, &ok);
    if (!ok) acc->suf.n = 0;
    acc->maxlen = acc->maxlen < 0 || b->maxlen < 0 ? -1 : acc->maxlen > b->maxlen ? acc->maxlen : b->maxlen;
}

/* one character, nothing known of it */
static void nothing_known(info *x) { x->exact_ok = 0; x->pre.n = 0; x->suf.n = 0; x->maxlen = 1; }

static void literal(info *x, char c)
{
    x->exact_ok = 1; x->maxlen = 1;
    set_one(&x->exact, &c, 1); set_one(&x->pre, &c, 1); set_one(&x->suf, &c, 1);
}

/* A bracket expression; exact only for a short positive list of ASCII
 * characters and digit or lower-case ranges. */
static void bracket(parser *ps, info *x)
{
    const char *p = ps->p;
    int neg = p < ps->end && *p == '^', simple = !neg, collating = 0;
    if (neg) p++;
    char chars[128];
    int n = 0;
    for (int first = 1; p < ps->end && (first || *p != ']'); first = 0, p++) {
        if (*p == '[' && p + 1 < ps->end && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
            const char *close = p + 2;
            while (close + 1 < ps->end && !(close[0] == p[1] && close[1] == ']')) close++;
            if (close + 1 >= ps->end) { ps->bad = 1; return; }
            collating |= p[1] == '.';         /* [.ch.] may be more than one character */
            simple = 0; p = close + 1;
            continue;
        }
        unsigned char c = (unsigned char)*p;
        if (c >= 0x80) { simple = 0; continue; }
        if (p + 2 < ps->end && p[1] == '-' && p[2] != ']') {
            unsigned char hi = (unsigned char)p[2];
            int digits = c >= '0' && hi <= '9', lower = c >= 'a' && hi <= 'z';
            if (!(digits || lower) || hi < c || (c < 'a' && hi > '9')) simple = 0;
            else for (unsigned k = c; k <= hi && n < 128; k++) chars[n++] = (char)k;
            p += 2;
            continue;
        }
        if (n < 128) chars[n++] = (char)c;
    }
    if (p >= ps->end) { ps->bad = 1; return; }
    ps->p = p + 1;
    nothing_known(x);
    if (collating) x->maxlen = -1;
    if (!simple || n == 0 || n > 16) return;
    x->exact_ok = 1; x->exact.n = 0;
    for (int i = 0; i < n; i++) set_add(&x->exact, chars + i, 1, "", 0, 0);
    x->pre = x->exact; x->suf = x->exact;
}

static int parse_number(parser *ps, int *v)
{
    if (ps->p >= ps->end || *ps->p < '0' || *ps->p > '9') return 0;
    *v = 0;
    while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9' && *v < 10000) *v = *v * 10 + (*ps->p++ - '0');
    return 1;
}

/* Reads a quantifier at ps->p into [*min, *max] (max -1: unbounded); 0 when none. */
static int quantifier(parser *ps, int *min, int *max)
{
    if (ps->p >= ps->end) return 0;
    char c = *ps->p;
    if (c == '?') { *min = 0; *max = 1; }
    else if (c == '*') { *min = 0; *max = -1; }
    else if (c == '+') { *min = 1; *max = -1; }
    else if (c != '{') return 0;
    ps->p++;
    if (c != '{') return 1;
    *min = 0; *max = -1;
    int has_min = parse_number(ps, min);
    if (ps->p < ps->end && *ps->p == ',') { ps->p++; parse_number(ps, max); }
    else if (has_min) *max = *min;
    else ps->bad = 1;
    if (ps->p >= ps->end || *ps->p != '}' || (*max >= 0 && *max < *min)) ps->bad = 1;
    else ps->p++;
    return 1;
}

static void quantify(info *x, int min, int max)
{
    if (min == 1 && max == 1) return;
    if (x->maxlen > 0) x->maxlen = max < 0 ? -1 : bounded(x->maxlen * max);
    if (min == 0 && max == 1 && x->exact_ok) {
        int ok = 1;
        set_union(&x->exact, &(lb_pf_set){ .n = 1 }, &ok);
        x->exact_ok = ok;
    } else {
        x->exact_ok = 0;
    }
    if (min == 0) { x->pre.n = 0; x->suf.n = 0; }
}

static void parse_alt(parser *ps, info *out);

/* One atom at ps->p; 0 at the end of a sequence. *multibyte: it was a byte
 * of a multi-byte character. */
static int atom(parser *ps, info *x, int *multibyte)
{
    if (ps->p >= ps->end || *ps->p == '|' || *ps->p == ')') return 0;
    char c = *ps->p++;
    *multibyte = 0;
    switch (c) {
    case '(':
        parse_alt(ps, x);
        if (ps->p >= ps->end || *ps->p != ')') ps->bad = 1;
        else ps->p++;
        return 1;
    case '[': bracket(ps, x); return 1;
    case '.': nothing_known(x); return 1;
    case '^': case '$': case '*': case '+': case '?': case '{': ps->bad = 1; return 0;
    case '\\':
        if (ps->p >= ps->end) { ps->bad = 1; return 0; }
        c = *ps->p++;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '<' || c == '>' || c == '`' || c == '\'' || (unsigned char)c >= 0x80) { ps->bad = 1; return 0; }
        literal(x, c);
        return 1;
    default:
        *multibyte = (unsigned char)c >= 0x80;
        literal(x, c);
        return 1;
    }
}

static void parse_seq(parser *ps, info *out)
{
    out->exact_ok = 1; set_one(&out->exact, "", 0); out->pre.n = 0; out->suf.n = 0; out->maxlen = 0;
    info x;
    int multibyte;
    while (!ps->bad && atom(ps, &x, &multibyte)) {
        int min, max;
        while (!ps->bad && quantifier(ps, &min, &max)) {
            if (multibyte) ps->bad = 1;
            quantify(&x, min, max);
        }
        concat(out, &x);
    }
}

static void parse_alt(parser *ps, info *out)
{
    parse_seq(ps, out);
    while (!ps->bad && ps->p < ps->end && *ps->p == '|') {
        ps->p++;
        info b;
        parse_seq(ps, &b);
        alternate(out, &b);
    }
}

/* Sorts the prefixes by their first byte, so that first[c] - 1 indexes the
 * run of those that start with c. */
static void sort_by_first_byte(lb_pf_set *s)
{
    for (int i = 1; i < s->n; i++)
        for (int j = i; j > 0 && (unsigned char)s->s[j - 1][0] > (unsigned char)s->s[j][0]; j--) {
            char tmp[LB_PF_MAX_LEN];
            unsigned char l = s->len[j];
            memcpy(tmp, s->s[j], LB_PF_MAX_LEN); memcpy(s->s[j], s->s[j - 1], LB_PF_MAX_LEN); memcpy(s->s[j - 1], tmp, LB_PF_MAX_LEN);
            s->len[j] = s->len[j - 1]; s->len[j - 1] = l;
        }
}

/* The distinct first two bytes of the prefixes (prefilter.h), when there are
 * few enough and every prefix has two. */
static void collect_pairs(lb_prefilter *pf)
{
    const lb_pf_set *pre = &pf->pre;
    pf->npairs = 0;
    if (pf->minlen < 2) return;
    for (int i = 0; i < pre->n; i++) {
        unsigned char a = (unsigned char)pre->s[i][0], b = (unsigned char)pre->s[i][1];
        int k = 0;
        while (k < pf->npairs && !(pf->pair0[k] == a && pf->pair1[k] == b)) k++;
        if (k < pf->npairs) continue;
        if (pf->npairs == LB_PF_MAX_PAIRS) { pf->npairs = 0; return; }
        pf->pair0[k] = a; pf->pair1[k] = b; pf->npairs++;
    }
}

/* The tables of lb_prefilter_may_match (see prefilter.h). */
static void prepare_tests(lb_prefilter *pf)
{
    lb_pf_set *pre = &pf->pre;
    for (int i = 0; i < pf->suf.n; i++) pf->last[(unsigned char)pf->suf.s[i][pf->suf.len[i] - 1]] = 1;
    if (!pre->n) return;
    sort_by_first_byte(pre);
    size_t m = LB_PF_MAX_LEN;
    for (int i = pre->n - 1; i >= 0; i--) {
        pf->first[(unsigned char)pre->s[i][0]] = (unsigned char)(i + 1);
        if (pre->len[i] < m) m = pre->len[i];
    }
    pf->minlen = m;
    memset(pf->shift, (int)m, sizeof pf->shift);
    for (int i = 0; i < pre->n; i++) {
        for (size_t j = 0; j + 1 < m; j++) {
            unsigned char c = (unsigned char)pre->s[i][j];
            if (pf->shift[c] > m - 1 - j) pf->shift[c] = (unsigned char)(m - 1 - j);
        }
        pf->hit_end[(unsigned char)pre->s[i][m - 1]] = 1;
    }
    collect_pairs(pf);
}

void lb_prefilter_build(lb_prefilter *pf, const char *pattern)
{
    memset(pf, 0, sizeof *pf);
    size_t n = strlen(pattern);
    parser ps = { pattern, pattern + n, 0 };
    if (n && pattern[0] == '^') { pf->anchored_start = 1; ps.p++; }
    size_t bs = 0;      /* a final $ counts unless escaped */
    while (n >= 2 + bs && pattern[n - 2 - bs] == '\\') bs++;
    if (n > (size_t)pf->anchored_start && pattern[n - 1] == '$' && bs % 2 == 0) { pf->anchored_end = 1; ps.end--; }
    info r;
    /* anchors bind to the whole pattern only without a top-level | */
    if (pf->anchored_start || pf->anchored_end) parse_seq(&ps, &r);
    else parse_alt(&ps, &r);
    if (ps.bad || ps.p != ps.end) { memset(pf, 0, sizeof *pf); return; }
    pf->pre = r.pre; pf->suf = r.suf;
    if (pf->anchored_start && pf->anchored_end && r.maxlen >= 0) pf->maxchars = (size_t)r.maxlen + 1;
    prepare_tests(pf);
}

/* Does one of the prefixes start at line[pos]? */
static int prefix_at(const lb_prefilter *pf, const char *line, size_t n, size_t pos)
{
    const lb_pf_set *pre = &pf->pre;
    int i = pf->first[(unsigned char)line[pos]];
    if (!i) return 0;
    for (i--; i < pre->n && pre->s[i][0] == line[pos]; i++)
        if (pre->len[i] <= n - pos && (pre->len[i] < 2 || pre->s[i][1] == line[pos + 1]) &&
            !memcmp(line + pos, pre->s[i], pre->len[i])) return 1;      /* (the second byte first: most differ there) */
    return 0;
}

#if defined(__SSE2__)
/* The positions among the 16 at p (17 bytes readable) where one of the
 * prefilter's pairs begins, as bits. */
static inline unsigned pair_hits(const lb_prefilter *pf, const char *p)
{
    __m128i a = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
    __m128i hit = _mm_setzero_si128();
    for (int k = 0; k < pf->npairs; k++)
        hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(a, _mm_set1_epi8((char)pf->pair0[k])),
                                              _mm_cmpeq_epi8(b, _mm_set1_epi8((char)pf->pair1[k]))));
    return (unsigned)_mm_movemask_epi8(hit);
}

/* Does the line contain one of the prefixes? Candidates from the pairs, 16
 * positions at a time; the last ones from a copy padded with zero bytes
 * (which no pair holds: prefixes come from C strings). */
static int contains_prefix_pairs(const lb_prefilter *pf, const char *line, size_t n)
{
    size_t pos = 0;
    if (pf->npairs == 1) {              /* one pair: its first byte through memchr */
        for (const char *p = line; n - (size_t)(p - line) >= 2; p++) {
            p = memchr(p, pf->pair0[0], n - 1 - (size_t)(p - line));
            if (!p) return 0;
            if ((unsigned char)p[1] == pf->pair1[0] && prefix_at(pf, line, n, (size_t)(p - line))) return 1;
        }
        return 0;
    }
    for (; pos + 17 <= n; pos += 16)
        for (unsigned m = pair_hits(pf, line + pos); m; m &= m - 1)
            if (prefix_at(pf, line, n, pos + (size_t)__builtin_ctz(m))) return 1;
    if (pos + 2 > n) return 0;
    char pad[32] = { 0 };
    memcpy(pad, line + pos, n - pos);
    for (unsigned m = pair_hits(pf, pad); m; m &= m - 1)
        if (prefix_at(pf, line, n, pos + (size_t)__builtin_ctz(m))) return 1;
    return 0;
}
#endif

/* Does the line contain one of the prefixes (Horspool over the set, or the
 * pairs)? */
static int contains_prefix(const lb_prefilter *pf, const char *line, size_t n)
{
#if defined(__SSE2__)
    if (pf->npairs) return contains_prefix_pairs(pf, line, n);
#endif
    size_t m = pf->minlen;
    for (size_t pos = 0; pos + m <= n;) {
        unsigned char c = (unsigned char)line[pos + m - 1];
        if (pf->hit_end[c] && prefix_at(pf, line, n, pos)) return 1;
        pos += pf->shift[c] ? pf->shift[c] : 1;
    }
    return 0;
}

static int suffix_at_end(const lb_pf_set *suf, const char *line, size_t n)
{
    for (int i = 0; i < suf->n; i++)
        if (suf->len[i] <= n && (!suf->len[i] || (suf->s[i][suf->len[i] - 1] == line[n - 1] &&
                                                  !memcmp(line + n - suf->len[i], suf->s[i], suf->len[i]))))
            return 1;                                   /* (the last byte first: most differ there) */
    return 0;
}

/* The characters of UTF-8 text (bytes but continuation bytes): never more
 * than the characters regexec sees, in a UTF-8 locale or byte by byte. */
static size_t utf8_chars(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

int lb_prefilter_scan(const lb_prefilter *pf, const char *line, size_t n)
{
    if (pf->suf.n && pf->anchored_end && (!n || !pf->last[(unsigned char)line[n - 1]] || !suffix_at_end(&pf->suf, line, n)))
        return 0;
    if (pf->pre.n && (pf->anchored_start ? !(n && prefix_at(pf, line, n, 0)) : !contains_prefix(pf, line, n))) return 0;
    return !pf->maxchars || n < pf->maxchars || utf8_chars(line, n) < pf->maxchars;     /* the dearest test last */
}
