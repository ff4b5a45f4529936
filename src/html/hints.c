/* hints.c: loads data/html/hints.tsv (format in its header) and answers
 * the two questions the extraction asks of an element: what its tag is
 * and what its class/id words say. */
#include "html/html_internal.h"
#include "core/dictfile.h"
#include "lagebild.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* HTML's block-level elements: they break lines. Structural HTML, no language. */
static const char *const block_tags[] = {
    "p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "tbody", "thead", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "address", "figure", "center", "form", "fieldset", "body", "html", "caption", "details", "summary", NULL
};

static int put_flag(lb_wordset *s, const char *key, size_t len, unsigned flags, int score, int set_score)
{
    uint32_t v = 128u << 8;
    lb_wordset_get(s, key, len, &v);
    v |= flags;
    if (set_score) v = (v & 0xFFu) | (uint32_t)((score + 128) & 0xFFFF) << 8;
    return lb_wordset_put(s, key, len, v);
}

static int parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi) return -1;
    *out = (int)v;
    return 0;
}

static int on_line(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    struct lb_html_rules *r = user;
    static const char *const fields[MF_COUNT] = { "title", "date", "author", "site", "url", "lang" };
    const char *kind = l->field[0];
    int n = 0;
    if (l->nfields < 2 || !l->flen[1] || l->flen[1] > 64) { snprintf(err, errlen, "expected KIND<TAB>WORD"); return 1; }
    char key[65];
    for (size_t i = 0; i <= l->flen[1]; i++) key[i] = (char)((l->field[1][i] >= 'A' && l->field[1][i] <= 'Z') ? l->field[1][i] + 32 : l->field[1][i]);
    size_t klen = l->flen[1];
    int rc = 0;
    if (!strcmp(kind, "remove")) rc = put_flag(&r->tags, key, klen, TAG_REMOVE, 0, 0);
    else if (!strcmp(kind, "soft")) rc = put_flag(&r->tags, key, klen, TAG_SOFT, 0, 0);
    else if (!strcmp(kind, "drop")) rc = put_flag(&r->words, key, klen, WORD_DROP, 0, 0);
    else if (!strcmp(kind, "keep")) rc = put_flag(&r->words, key, klen, WORD_KEEP, 0, 0);
    else if (!strcmp(kind, "byline")) rc = put_flag(&r->words, key, klen, WORD_BYLINE, 0, 0);
    else if (!strcmp(kind, "bylead") || !strcmp(kind, "bytext") || !strcmp(kind, "bymid") || !strcmp(kind, "bystop") || !strcmp(kind, "notname")) {
        unsigned f = !strcmp(kind, "bylead") ? BY_LEAD : !strcmp(kind, "bytext") ? BY_LEAD | BY_TEXT : !strcmp(kind, "bymid") ? BY_MID
                   : !strcmp(kind, "bystop") ? BY_STOP : BY_NOTNAME;
        uint32_t v = 0;
        lb_wordset_get(&r->byleads, key, klen, &v);
        rc = lb_wordset_put(&r->byleads, key, klen, v | f);
        if ((f & BY_LEAD) && klen > r->bylead_max) r->bylead_max = klen;
    }
    else if (!strcmp(kind, "bytag")) rc = put_flag(&r->tags, key, klen, TAG_BYLINE, 0, 0);
    else if (!strcmp(kind, "kicker")) rc = put_flag(&r->words, key, klen, WORD_KICKER, 0, 0);
    else if (!strcmp(kind, "headline")) rc = put_flag(&r->words, key, klen, WORD_HEADLINE, 0, 0);
    else if (!strcmp(kind, "datehint")) rc = put_flag(&r->words, key, klen, WORD_DATE, 0, 0);
    else if (!strcmp(kind, "month")) {
        if (l->nfields != 3 || parse_int(l->field[2], 1, 12, &n)) { snprintf(err, errlen, "month needs a number 1..12"); return 1; }
        rc = lb_wordset_put(&r->months, key, klen, (uint32_t)n);
    }
    else if (!strcmp(kind, "tag") || !strcmp(kind, "class")) {
        if (l->nfields != 3 || parse_int(l->field[2], -100, 100, &n)) { snprintf(err, errlen, "%s needs a number -100..100", kind); return 1; }
        rc = !strcmp(kind, "tag") ? put_flag(&r->tags, key, klen, TAG_SCORED, n, 1)
                                  : put_flag(&r->words, key, klen, WORD_WEIGHT, n, 1);
    } else if (!strcmp(kind, "meta")) {
        int f = -1;
        for (int k = 0; k < MF_COUNT; k++) if (l->nfields == 4 && !strcmp(l->field[2], fields[k])) f = k;
        if (f < 0 || parse_int(l->field[3], 1, 9, &n)) { snprintf(err, errlen, "meta needs NAME FIELD PRIORITY (1-9)"); return 1; }
        rc = lb_wordset_put(&r->metas, key, klen, (uint32_t)f | (uint32_t)n << 8);
    } else { snprintf(err, errlen, "unknown kind \"%s\"", kind); return 1; }
    if (rc) { snprintf(err, errlen, "out of memory"); return 1; }
    return 0;
}

int lb_html_load_file(struct lb_html_rules **out, const char *path, char *err, size_t errlen)
{
    struct lb_html_rules *r = calloc(1, sizeof *r);
    *out = r;
    if (!r) { snprintf(err, errlen, "out of memory"); return LB_ENOMEM; }
    lb_wordset_init(&r->tags); lb_wordset_init(&r->words); lb_wordset_init(&r->metas); lb_wordset_init(&r->months); lb_wordset_init(&r->byleads);
    for (size_t i = 0; block_tags[i]; i++) {
        unsigned f = TAG_BLOCK;
        const char *t = block_tags[i];
        if (!strcmp(t, "p") || !strcmp(t, "pre") || !strcmp(t, "td") || !strcmp(t, "blockquote")) f |= TAG_PARA;
        if (t[0] == 'h' && t[1] >= '1' && t[1] <= '6') f |= TAG_HEADING;
        if (!strcmp(t, "ul") || !strcmp(t, "ol") || !strcmp(t, "dl")) f |= TAG_LIST;
        if (put_flag(&r->tags, t, strlen(t), f, 0, 0)) { snprintf(err, errlen, "out of memory"); return LB_ENOMEM; }
    }
    return lb_dict_read(path, on_line, r, err, errlen);
}

int lb_html_load(struct lb_html_rules **out, const char *dir, char *err, size_t errlen)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/hints.tsv", dir) >= sizeof path) {
        *out = NULL;
        snprintf(err, errlen, "%s: path too long", dir);
        return LB_EUSAGE;
    }
    return lb_html_load_file(out, path, err, errlen);
}

void lb_html_free(struct lb_html_rules *r)
{
    if (!r) return;
    lb_wordset_fini(&r->tags); lb_wordset_fini(&r->words); lb_wordset_fini(&r->metas); lb_wordset_fini(&r->months); lb_wordset_fini(&r->byleads);
    free(r);
}

unsigned lb_html_tag(const struct lb_html_rules *r, const xmlNode *n, int *score)
{
    uint32_t v = 0;
    const char *name = (const char *)n->name;
    if (!name || !lb_wordset_get(&r->tags, name, strlen(name), &v)) { *score = 0; return 0; }
    *score = (int)(v >> 8) - 128;
    return v & 0xFFu;
}

const char *lb_html_attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && !strcasecmp((const char *)a->name, name))
            return (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
                       ? (const char *)a->children->content : "";
    return NULL;
}

/* Looks up every token of s (split at non-letters/digits, folded) and each
 * of its prefixes of 2 bytes or more. */
static void match_words(const struct lb_html_rules *r, const char *s, unsigned *flags, int *weight)
{
    char tok[32];
    while (*s) {
        size_t n = 0;
        while (*s && !((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9'))) s++;
        while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '-') {
            if (*s == '-' && n) { /* "ad-" style words keep one hyphen; a token ends there */
                if (n < sizeof tok) tok[n++] = '-';
                s++;
                break;
            }
            if (n < sizeof tok) tok[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
            s++;
        }
        int seen_weight = 0;
        for (size_t k = n; k >= 2; k--) {
            uint32_t v;
            if (!lb_wordset_get(&r->words, tok, k, &v)) continue;
            *flags |= v & 0xFFu & ~(unsigned)WORD_WEIGHT;
            if ((v & WORD_WEIGHT) && !seen_weight) { *weight += (int)(v >> 8) - 128; seen_weight = 1; }
        }
    }
}

unsigned lb_html_words(const struct lb_html_rules *r, const xmlNode *n, int *weight)
{
    unsigned flags = 0;
    *weight = 0;
    static const char *const attrs[] = { "class", "id", "role", "itemprop", "rel" };
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!a->name || !a->children || a->children->type != XML_TEXT_NODE || !a->children->content) continue;
        for (size_t k = 0; k < sizeof attrs / sizeof *attrs; k++)
            if (!strcasecmp((const char *)a->name, attrs[k])) match_words(r, (const char *)a->children->content, &flags, weight);
    }
    return flags;
}

int lb_html_month(const struct lb_html_rules *r, const char *word, size_t n, uint32_t *month)
{
    return lb_wordset_get(&r->months, word, n, month);
}
