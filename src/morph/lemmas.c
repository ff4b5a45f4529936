/* lemmas.c: loads and applies the learnt lemma and feature table (lemmas.h). */
#include "morph/lemmas.h"
#include "text/fold_ascii.h"
#include "morph/morph.h"
#include "core/wordset.h"
#include "lagebild.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SUFFIX 7

typedef struct edit { uint8_t lower; uint8_t strip; uint16_t addlen; uint32_t add; uint32_t feats; int has_feats; } edit;

struct lb_lemmas {
    lb_wordset rules, xrules, words, cwords;    /* key -> index into edits */
    edit *edits;
    size_t nedit, cap;
    char *pool;                         /* add strings and lemmas */
    size_t pool_len, pool_cap;
};

void lb_lower_latin(char *out, const char *s, size_t n)
{
    if (lb_fold_ascii(out, s, n)) return;       /* all ASCII: a word at a time */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
        else if (c >= 0x80 && c <= 0x9E && c != 0x97 && i > 0 && (unsigned char)s[i - 1] == 0xC3) c = (unsigned char)(c + 32);
        out[i] = (char)c;
    }
}

static int pool_add(lb_lemmas *l, const char *s, size_t n, uint32_t *off)
{
    if (l->pool_cap - l->pool_len < n + 1) {
        size_t nc = l->pool_cap ? l->pool_cap * 2 : 65536;
        while (nc - l->pool_len < n + 1) nc *= 2;
        char *np = realloc(l->pool, nc);
        if (!np) return -1;
        l->pool = np; l->pool_cap = nc;
    }
    memcpy(l->pool + l->pool_len, s, n);
    *off = (uint32_t)l->pool_len;
    l->pool_len += n;
    return 0;
}

static int push_edit(lb_lemmas *l, const edit *e, uint32_t *idx)
{
    if (l->nedit == l->cap) {
        size_t nc = l->cap ? l->cap * 2 : 4096;
        edit *ne = realloc(l->edits, nc * sizeof *ne);
        if (!ne) return -1;
        l->edits = ne; l->cap = nc;
    }
    l->edits[l->nedit] = *e;
    *idx = (uint32_t)l->nedit++;
    return 0;
}

/* key: one byte upos, optional 4 bytes of class feats, the string */
static size_t make_key(char *key, size_t cap, int upos, const uint32_t *cf, const char *s, size_t n)
{
    size_t k = 0;
    if (n + 6 > cap) return 0;
    key[k++] = (char)(upos + 1);
    if (cf) { memcpy(key + k, cf, 4); k += 4; }
    memcpy(key + k, s, n);
    return k + n;
}

static int split_tabs(char *line, char **f, size_t *fl, int max)
{
    int k = 0;
    char *p = line;
    for (;;) {
        char *t = strchr(p, '\t');
        if (k == max) return -1;
        f[k] = p; fl[k] = t ? (size_t)(t - p) : strlen(p);
        k++;
        if (!t) break;
        *t = '\0';
        p = t + 1;
    }
    return k;
}

static const char *parse_line(lb_lemmas *l, char *line)
{
    char *f[8] = { 0 }; size_t fl[8] = { 0 };
    int nf = split_tabs(line, f, fl, 8);
    char key[512];
    edit e = { 0 };
    uint32_t idx;
    if (nf < 1) return "too many fields";
    if (!strcmp(f[0], "R") && nf == 6) {
        int upos = lb_upos_parse(f[1], fl[1]);
        char *end;
        long strip = strtol(f[4], &end, 10);
        if (upos < 0) return "unknown part of speech";
        if (*end || strip < 0 || strip > 255 || (strcmp(f[3], "0") && strcmp(f[3], "1"))) return "bad edit";
        if (fl[2] > MAX_SUFFIX || fl[5] > 255) return "suffix or addition too long";
        e.lower = f[3][0] == '1'; e.strip = (uint8_t)strip; e.addlen = (uint16_t)fl[5];
        size_t kl = make_key(key, sizeof key, upos, NULL, f[2], fl[2]);
        if (pool_add(l, f[5], fl[5], &e.add) || push_edit(l, &e, &idx) || lb_wordset_put(&l->rules, key, kl, idx)) return "out of memory";
        return NULL;
    }
    if (!strcmp(f[0], "X") && nf == 5) {
        int upos = lb_upos_parse(f[1], fl[1]);
        uint32_t cf;
        if (upos < 0) return "unknown part of speech";
        if (lb_feats_parse(&cf, f[2], fl[2]) || lb_feats_parse(&e.feats, f[4], fl[4])) return "unknown feature";
        if (fl[3] > MAX_SUFFIX) return "suffix too long";
        e.has_feats = 1;
        size_t kl = make_key(key, sizeof key, upos, &cf, f[3], fl[3]);
        if (push_edit(l, &e, &idx) || lb_wordset_put(&l->xrules, key, kl, idx)) return "out of memory";
        return NULL;
    }
    if (!strcmp(f[0], "W") && (nf == 4 || nf == 5)) {
        int upos = lb_upos_parse(f[2], fl[2]);
        if (upos < 0) return "unknown part of speech";
        if (!fl[1] || !fl[3] || fl[1] > 255 || fl[3] > 255) return "empty or long form or lemma";
        if (nf == 5) { if (lb_feats_parse(&e.feats, f[4], fl[4])) return "unknown feature"; e.has_feats = 1; }
        e.addlen = (uint16_t)fl[3];
        size_t kl = make_key(key, sizeof key, upos, NULL, f[1], fl[1]);
        if (pool_add(l, f[3], fl[3], &e.add) || push_edit(l, &e, &idx) || lb_wordset_put(&l->words, key, kl, idx)) return "out of memory";
        return NULL;
    }
    if (!strcmp(f[0], "V") && nf == 5) {
        int upos = lb_upos_parse(f[2], fl[2]);
        uint32_t cf;
        if (upos < 0) return "unknown part of speech";
        if (lb_feats_parse(&cf, f[3], fl[3])) return "unknown feature";
        if (!fl[1] || !fl[4] || fl[1] > 255 || fl[4] > 255) return "empty or long form or lemma";
        e.addlen = (uint16_t)fl[4];
        size_t kl = make_key(key, sizeof key, upos, &cf, f[1], fl[1]);
        if (pool_add(l, f[4], fl[4], &e.add) || push_edit(l, &e, &idx) || lb_wordset_put(&l->cwords, key, kl, idx)) return "out of memory";
        return NULL;
    }
    return "expected R (6 fields), X (5), W (4 or 5) or V (5)";
}

int lb_lemmas_load(lb_lemmas **out, const char *path, char *err, size_t errlen)
{
    *out = NULL;
    FILE *fp = fopen(path, "r");
    if (!fp) { snprintf(err, errlen, "%s: cannot open", path); return LB_EIO; }
    lb_lemmas *l = calloc(1, sizeof *l);
    if (!l) { fclose(fp); snprintf(err, errlen, "%s: out of memory", path); return LB_ENOMEM; }
    lb_wordset_init(&l->rules); lb_wordset_init(&l->xrules); lb_wordset_init(&l->words); lb_wordset_init(&l->cwords);
    char line[2048];
    size_t lineno = 0;
    int rc = LB_OK;
    while (fgets(line, sizeof line, fp)) {
        lineno++;
        size_t n = strlen(line);
        if (n && line[n - 1] == '\n') line[--n] = '\0';
        else if (!feof(fp)) { snprintf(err, errlen, "%s:%zu: line too long", path, lineno); rc = LB_EDATA; break; }
        if (n && line[n - 1] == '\r') line[--n] = '\0';
        if (!n || line[0] == '#') continue;
        if (memchr(line, '\0', n)) { snprintf(err, errlen, "%s:%zu: NUL byte", path, lineno); rc = LB_EDATA; break; }
        const char *why = parse_line(l, line);
        if (why) { snprintf(err, errlen, "%s:%zu: %s", path, lineno, why); rc = LB_EDATA; break; }
    }
    if (!rc && ferror(fp)) { snprintf(err, errlen, "%s: read error", path); rc = LB_EIO; }
    fclose(fp);
    if (rc) { lb_lemmas_free(l); return rc; }
    *out = l;
    return LB_OK;
}

void lb_lemmas_free(lb_lemmas *l)
{
    if (!l) return;
    lb_wordset_fini(&l->rules); lb_wordset_fini(&l->xrules); lb_wordset_fini(&l->words); lb_wordset_fini(&l->cwords);
    free(l->edits); free(l->pool); free(l);
}

/* The rule of the longest suffix of low (n bytes) with upos (and class
 * feats *cf), NULL when none. The keys (make_key's) are built in place,
 * longest first: the suffix is copied once to the end of key and each
 * shorter one's header written over the byte before it. */
static const edit *longest_rule(const lb_wordset *set, const edit *edits, int upos, const uint32_t *cf, const char *low, size_t n)
{
    _Static_assert(MAX_SUFFIX + 6 <= 32, "a suffix key fits key");
    char key[32];
    uint32_t idx;
    size_t top = n < MAX_SUFFIX ? n : MAX_SUFFIX, hl = cf ? 5 : 1;
    memcpy(key + sizeof key - top, low + n - top, top);
    for (size_t k = top;; k--) {
        char *p = key + sizeof key - k - hl;
        p[0] = (char)(upos + 1);
        if (cf) memcpy(p + 1, cf, 4);
        if (lb_wordset_get(set, p, k + hl, &idx)) return &edits[idx];
        if (!k) return NULL;
    }
}

size_t lb_lemmas_apply(const lb_lemmas *l, const char *form, size_t n, int upos, uint32_t cfeats,
                       char *buf, size_t cap, uint32_t *feats)
{
    char key[300], low[256];
    uint32_t idx;
    *feats = cfeats;
    if (n > 250 || cap < n + 256) return 0;
    lb_lower_latin(low, form, n);
    const edit *x = longest_rule(&l->xrules, l->edits, upos, &cfeats, low, n);
    if (x) *feats = x->feats;
    size_t ckl = make_key(key, sizeof key, upos, &cfeats, form, n);
    if (ckl && lb_wordset_get(&l->cwords, key, ckl, &idx)) {     /* her (Poss) -> her, her (Acc) -> she */
        memcpy(buf, l->pool + l->edits[idx].add, l->edits[idx].addlen);
        return l->edits[idx].addlen;
    }
    for (int pass = 0; pass < 2; pass++) {
        size_t kl = make_key(key, sizeof key, upos, NULL, pass ? low : form, n);
        if (pass && !memcmp(low, form, n)) break;
        if (lb_wordset_get(&l->words, key, kl, &idx)) {
            const edit *w = &l->edits[idx];
            if (w->has_feats) *feats = w->feats;
            memcpy(buf, l->pool + w->add, w->addlen);
            return w->addlen;
        }
    }
    const edit *r = longest_rule(&l->rules, l->edits, upos, NULL, low, n);
    const char *base = r && r->lower ? low : form;
    /* no rule, or one that would cut into a UTF-8 character: the form itself */
    if (!r || r->strip > n || (r->strip > 0 && r->strip < n && ((unsigned char)base[n - r->strip] & 0xC0) == 0x80)) {
        memcpy(buf, base, n);
        return n;
    }
    memcpy(buf, base, n - r->strip);
    memcpy(buf + n - r->strip, l->pool + r->add, r->addlen);
    return n - r->strip + r->addlen;
}
