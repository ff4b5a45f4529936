/* udwlist.c: the word lists of the UD words layer (udwlist.h). */
#include "morph/udwlist.h"
#include "doc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(char *err, size_t errlen, const char *name, int line, const char *what)
{
    snprintf(err, errlen, "%s:%d: %s", name, line, what);
    return LB_EDATA;
}

/* Splits a line into at most 4 TAB-separated fields; returns their count (5 = too many). */
static int split(const char *s, size_t n, const char **f, size_t *fl)
{
    int k = 0;
    size_t from = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && s[i] != '\t') continue;
        if (k == 4) return 5;
        f[k] = s + from; fl[k] = i - from; k++;
        from = i + 1;
    }
    return k;
}

static int valid_word(const char *s, size_t n)
{
    if (!n || n >= LB_UDWL_WORD) return 0;
    for (size_t i = 0; i < n; i++) if (s[i] < 'a' || s[i] > 'z') return 0;
    return 1;
}

static int upos_of(const char *s, size_t n)
{
    static const struct { const char *name; int upos; } names[] = {
        { "NOUN", LB_UPOS_NOUN }, { "PROPN", LB_UPOS_PROPN }, { "NUM", LB_UPOS_NUM }, { "SYM", LB_UPOS_SYM } };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i].name) == n && !memcmp(names[i].name, s, n)) return names[i].upos;
    return 0;
}

static const char *parse_unit(lb_udwlist *l, const char **f, const size_t *fl, int k)
{
    if (k != 4) return "a U record has a word, NUM, NOUN or SYM, and a lemma";
    int upos = upos_of(f[2], fl[2]);
    if (upos != LB_UPOS_NUM && upos != LB_UPOS_NOUN && upos != LB_UPOS_SYM) return "part of speech must be NUM, NOUN or SYM";
    if (!fl[3] || fl[3] >= LB_UDWL_WORD) return "lemma must have 1-15 bytes";
    for (size_t i = 0; i < fl[3]; i++)
        if ((f[3][i] < 'a' || f[3][i] > 'z') && f[3][i] != '.' && !(fl[3] == 1 && f[3][i] == '-'))
            return "lemma must be lower-case letters and '.', or -";
    if (l->nunit == LB_UDWL_MAX) return "too many units";
    l->unit_upos[l->nunit] = (unsigned char)upos;
    memcpy(l->unit[l->nunit], f[1], fl[1]);
    memcpy(l->unit_lemma[l->nunit++], f[3], fl[3]);
    return NULL;
}

static const char *parse_line(lb_udwlist *l, const char *s, size_t n)
{
    const char *f[4];
    size_t fl[4];
    int k = split(s, n, f, fl);
    if (k == 5) return "too many fields";
    if (fl[0] != 1 || (f[0][0] != 'P' && f[0][0] != 'E' && f[0][0] != 'U')) return "record kind must be P, E or U";
    if (k < 2 || !valid_word(f[1], fl[1])) return "expected a word of 1-15 lower-case ASCII letters";
    if (f[0][0] == 'U') return parse_unit(l, f, fl, k);
    if (f[0][0] == 'P') {
        if (k != 2) return "a P record has one word";
        if (l->nprefix == LB_UDWL_MAX) return "too many prefixes";
        memcpy(l->prefix[l->nprefix++], f[1], fl[1]);
        return NULL;
    }
    if (k != 3) return "an E record has a word and NOUN or PROPN";
    int upos = upos_of(f[2], fl[2]);
    if (upos != LB_UPOS_NOUN && upos != LB_UPOS_PROPN) return "part of speech must be NOUN or PROPN";
    if (l->next == LB_UDWL_MAX) return "too many extensions";
    l->ext_upos[l->next] = (unsigned char)upos;
    memcpy(l->ext[l->next++], f[1], fl[1]);
    return NULL;
}

int lb_udwlist_parse(lb_udwlist **out, const char *p, size_t n, const char *name, char *err, size_t errlen)
{
    *out = NULL;
    lb_udwlist *l = calloc(1, sizeof *l);
    if (!l) { snprintf(err, errlen, "%s: out of memory", name); return LB_ENOMEM; }
    int line = 0;
    for (size_t i = 0; i < n;) {
        size_t e = i;
        while (e < n && p[e] != '\n') e++;
        size_t len = e - i;
        line++;
        if (len && p[i + len - 1] == '\r') len--;
        if (len && p[i] != '#') {
            const char *why = parse_line(l, p + i, len);
            if (why) { free(l); return fail(err, errlen, name, line, why); }
        }
        i = e + 1;
    }
    *out = l;
    return LB_OK;
}

int lb_udwlist_load(lb_udwlist **out, const char *path, char *err, size_t errlen)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) { snprintf(err, errlen, "%s: cannot open", path); return LB_EIO; }
    enum { CAP = 1 << 16 };
    char *buf = malloc(CAP);
    if (!buf) { fclose(f); snprintf(err, errlen, "%s: out of memory", path); return LB_ENOMEM; }
    size_t n = fread(buf, 1, CAP, f);
    int big = n == CAP, bad = ferror(f);
    fclose(f);
    int rc = LB_OK;
    if (bad) { snprintf(err, errlen, "%s: read error", path); rc = LB_EIO; }
    else if (big) { snprintf(err, errlen, "%s:1: file larger than 64 KB", path); rc = LB_EDATA; }
    else rc = lb_udwlist_parse(out, buf, n, path, err, errlen);
    free(buf);
    return rc;
}

void lb_udwlist_free(lb_udwlist *l) { free(l); }

static int eq_ci(const char *word, const char *s, size_t n)
{
    if (strlen(word) != n) return 0;
    for (size_t i = 0; i < n; i++) if ((s[i] | 32) != word[i]) return 0;
    return 1;
}

int lb_udwlist_prefix(const lb_udwlist *l, const char *s, size_t n)
{
    for (int i = 0; l && i < l->nprefix; i++) if (eq_ci(l->prefix[i], s, n)) return 1;
    return 0;
}

int lb_udwlist_ext(const lb_udwlist *l, const char *s, size_t n)
{
    for (int i = 0; l && i < l->next; i++) if (eq_ci(l->ext[i], s, n)) return l->ext_upos[i];
    return 0;
}

int lb_udwlist_unit(const lb_udwlist *l, const char *s, size_t n, const char **lemma)
{
    for (int i = 0; l && i < l->nunit; i++)
        if (eq_ci(l->unit[i], s, n)) {
            *lemma = strcmp(l->unit_lemma[i], "-") ? l->unit_lemma[i] : NULL;
            return l->unit_upos[i];
        }
    return 0;
}
