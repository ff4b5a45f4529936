/* learn_lemmas.c: learns the lemma table of lb_train_tagger (format in
 * src/morph/lemmas.h): for every part of speech and word-final letters the
 * most frequent edit from form to lemma (kept only where it differs from the
 * rule of the shorter ending), feature rules likewise, and the words where
 * the rules still fail. */
#include "train.h"
#include "morph/lemmas.h"
#include "morph/morph.h"
#include "doc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SUFFIX 7

typedef struct strs { char **s; size_t n, cap; } strs;

static void push(strs *v, const char *s)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 65536;
        v->s = realloc(v->s, v->cap * sizeof *v->s);
        if (!v->s) { fprintf(stderr, "out of memory\n"); exit(2); }
    }
    v->s[v->n++] = strdup(s);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static void strs_free(strs *v) { for (size_t i = 0; i < v->n; i++) free(v->s[i]); free(v->s); }

/* "lower \t strip \t add" turning form into lemma */
static void edit_of(const tr_tok *t, char *out, size_t cap)
{
    char low[1024];
    int lower = !((unsigned char)t->lemma[0] >= 'A' && (unsigned char)t->lemma[0] <= 'Z') &&
                !((unsigned char)t->lemma[0] == 0xC3 && (unsigned char)t->lemma[1] >= 0x80 && (unsigned char)t->lemma[1] <= 0x9E);
    size_t n = t->form_len < sizeof low ? t->form_len : sizeof low - 1;
    if (lower) lb_lower_latin(low, t->form, n); else memcpy(low, t->form, n);
    size_t p = 0;
    while (p < n && p < t->lemma_len && low[p] == t->lemma[p]) p++;
    while (p > 0 && ((unsigned char)t->lemma[p] & 0xC0) == 0x80) p--;
    snprintf(out, cap, "%d\t%zu\t%s", lower, n - p, t->lemma + p);
}

/* Groups "KEY \x01 VALUE" strings: for each key the most frequent value,
 * kept when its count >= 2 (or for the empty suffix) and it differs from the
 * value of the key's shorter ending. kind 'R' or 'X'. */
static void emit_rules(FILE *f, strs *v, char kind, lb_wordset *kept, strs *vals)
{
    qsort(v->s, v->n, sizeof *v->s, cmp_str);
    for (size_t i = 0; i < v->n;) {
        char *sep = strchr(v->s[i], '\x01');
        size_t kl = (size_t)(sep - v->s[i]);
        size_t j = i, best = i, bestc = 0;
        while (j < v->n && !strncmp(v->s[j], v->s[i], kl + 1)) {
            size_t r = j;
            while (r < v->n && !strcmp(v->s[r], v->s[j])) r++;
            if (r - j > bestc) { bestc = r - j; best = j; }
            j = r;
        }
        const char *val = strchr(v->s[best], '\x01') + 1;
        /* key = "depth \x02 base \x02 suffix": depth is the suffix length */
        char *k2 = strchr(v->s[i], '\x02'), *k3 = strchr(k2 + 1, '\x02');
        size_t suffix_len = (size_t)(sep - k3 - 1);
        const char *parent = NULL;
        for (size_t s = 1; s <= suffix_len && !parent; s++) {
            char pk[512];
            int pl = snprintf(pk, sizeof pk, "%.*s%.*s", (int)(k3 + 1 - k2), k2, (int)(suffix_len - s), k3 + 1 + s);
            uint32_t idx;
            if (lb_wordset_get(kept, pk, (size_t)pl, &idx)) parent = vals->s[idx];
        }
        if ((suffix_len == 0 || bestc >= 2) && (!parent || strcmp(parent, val))) {
            char pk[512];
            int pl = snprintf(pk, sizeof pk, "%.*s", (int)(sep - k2), k2);
            push(vals, val);
            lb_wordset_put(kept, pk, (size_t)pl, (uint32_t)(vals->n - 1));
            /* base is "UPOS" or "UPOS \t class-feats" */
            fprintf(f, "%c\t%.*s\t%.*s\t%s\n", kind, (int)(k3 - k2 - 1), k2 + 1, (int)suffix_len, k3 + 1, val);
        }
        i = j;
    }
}

static int write_exceptions(const tr_corpus *c, const tr_opts *o);
static int write_class_exceptions(const tr_corpus *c, const lb_tagmodel *m, const tr_opts *o);

/* R keys for every part of speech and word ending; X keys (the full features
 * by part of speech, class features and ending) when the classes leave
 * features out (--feat-rules). */
static void collect(const tr_corpus *c, const lb_tagmodel *m, const tr_opts *o, strs *r, strs *x)
{
    char edit[1024], key[2048], low[1024], cf[256], ff[256];
    for (size_t s = 0; s < c->n; s++)
        for (int i = 0; i < c->sent[s].n; i++) {
            const tr_tok *t = &c->sent[s].tok[i];
            if (t->form_len >= sizeof low || t->lemma_len > 200 || !strcmp(t->lemma, "_")) continue;
            lb_lower_latin(low, t->form, t->form_len);
            edit_of(t, edit, sizeof edit);
            lb_feats_format(ff, sizeof ff, t->feats);
            for (size_t k = 0; k <= MAX_SUFFIX && k <= t->form_len; k++) {
                snprintf(key, sizeof key, "%zu\x02%s\x02%.*s\x01%s", k, lb_upos_name(t->upos), (int)k, low + t->form_len - k, edit);
                push(r, key);
            }
            uint32_t cfeats = m->cls[t->cls].feats;
            if (!o->feat_rules) continue;
            size_t cl = lb_feats_format(cf, sizeof cf, cfeats);
            if (!lb_feats_format(ff, sizeof ff, t->feats)) snprintf(ff, sizeof ff, "_");
            for (size_t k = 0; k <= MAX_SUFFIX && k <= t->form_len; k++) {
                snprintf(key, sizeof key, "%zu\x02%s\t%s\x02%.*s\x01%s", k, lb_upos_name(t->upos), cl ? cf : "_",
                         (int)k, low + t->form_len - k, ff);
                push(x, key);
            }
        }
}

int tr_write_lemmas(const tr_corpus *c, const lb_tagmodel *m, const tr_opts *o)
{
    FILE *f = fopen(o->lemmas, "w");
    if (!f) { fprintf(stderr, "lb_train_tagger: cannot write %s\n", o->lemmas); return 1; }
    fprintf(f, "# %s lemma table, learnt by tools/train/train_tagger.c from UD treebanks (see SOURCES.md)\n", o->lang);
    strs r = { 0 }, x = { 0 }, vals = { 0 };
    lb_wordset kept;
    lb_wordset_init(&kept);
    collect(c, m, o, &r, &x);
    emit_rules(f, &r, 'R', &kept, &vals);
    emit_rules(f, &x, 'X', &kept, &vals);
    fclose(f);
    strs_free(&r); strs_free(&x); strs_free(&vals);
    lb_wordset_fini(&kept);
    return write_exceptions(c, o) || write_class_exceptions(c, m, o);
}

/* W lines: each (form, part of speech) whose most frequent lemma the rules miss. */
static int write_exceptions(const tr_corpus *c, const tr_opts *o)
{
    strs v = { 0 };
    char key[2048], err[512], buf[1024];
    for (size_t s = 0; s < c->n; s++)
        for (int i = 0; i < c->sent[s].n; i++) {
            const tr_tok *t = &c->sent[s].tok[i];
            if (t->form_len > 200 || t->lemma_len > 200 || !strcmp(t->lemma, "_") || strchr(t->form, '\t')) continue;
            snprintf(key, sizeof key, "%s\t%s\x01%s", t->form, lb_upos_name(t->upos), t->lemma);
            push(&v, key);
        }
    qsort(v.s, v.n, sizeof *v.s, cmp_str);
    lb_lemmas *l;
    if (lb_lemmas_load(&l, o->lemmas, err, sizeof err)) { fprintf(stderr, "lb_train_tagger: %s\n", err); return 1; }
    FILE *f = fopen(o->lemmas, "a");
    if (!f) { lb_lemmas_free(l); return 1; }
    size_t nw = 0;
    for (size_t i = 0; i < v.n;) {
        size_t kl = (size_t)(strchr(v.s[i], '\x01') - v.s[i]);
        size_t j = i, best = i, bestc = 0;
        while (j < v.n && !strncmp(v.s[j], v.s[i], kl + 1)) {
            size_t r = j;
            while (r < v.n && !strcmp(v.s[r], v.s[j])) r++;
            if (r - j > bestc) { bestc = r - j; best = j; }
            j = r;
        }
        char *tab = strchr(v.s[i], '\t');
        const char *lemma = strchr(v.s[best], '\x01') + 1;
        int upos = lb_upos_parse(tab + 1, kl - (size_t)(tab + 1 - v.s[i]));
        uint32_t feats;
        size_t n = lb_lemmas_apply(l, v.s[i], (size_t)(tab - v.s[i]), upos, 0, buf, sizeof buf, &feats);
        if (n != strlen(lemma) || memcmp(buf, lemma, n)) {
            fprintf(f, "W\t%.*s\t%s\n", (int)kl, v.s[i], lemma);
            nw++;
        }
        i = j;
    }
    fprintf(stderr, "lemmas %s: %zu exceptions\n", o->lemmas, nw);
    lb_lemmas_free(l);
    strs_free(&v);
    return fclose(f) ? 1 : 0;
}

/* V lines: each (form, part of speech, class features) seen twice or more
 * whose most frequent lemma the table so far misses (her Poss=Yes -> her). */
static int write_class_exceptions(const tr_corpus *c, const lb_tagmodel *m, const tr_opts *o)
{
    strs v = { 0 };
    char key[2048], err[512], buf[1024], cf[256];
    for (size_t s = 0; s < c->n; s++)
        for (int i = 0; i < c->sent[s].n; i++) {
            const tr_tok *t = &c->sent[s].tok[i];
            if (t->form_len > 200 || t->lemma_len > 200 || !strcmp(t->lemma, "_") || strchr(t->form, '\t')) continue;
            size_t n = lb_feats_format(cf, sizeof cf, m->cls[t->cls].feats);
            snprintf(key, sizeof key, "%s\t%s\t%s\x01%s", t->form, lb_upos_name(t->upos), n ? cf : "_", t->lemma);
            push(&v, key);
        }
    qsort(v.s, v.n, sizeof *v.s, cmp_str);
    lb_lemmas *l;
    if (lb_lemmas_load(&l, o->lemmas, err, sizeof err)) { fprintf(stderr, "lb_train_tagger: %s\n", err); return 1; }
    FILE *f = fopen(o->lemmas, "a");
    if (!f) { lb_lemmas_free(l); return 1; }
    size_t nv = 0;
    for (size_t i = 0; i < v.n;) {
        size_t kl = (size_t)(strchr(v.s[i], '\x01') - v.s[i]);
        size_t j = i, best = i, bestc = 0;
        while (j < v.n && !strncmp(v.s[j], v.s[i], kl + 1)) {
            size_t r = j;
            while (r < v.n && !strcmp(v.s[r], v.s[j])) r++;
            if (r - j > bestc) { bestc = r - j; best = j; }
            j = r;
        }
        char *tab = strchr(v.s[i], '\t'), *tab2 = strchr(tab + 1, '\t');
        const char *lemma = strchr(v.s[best], '\x01') + 1;
        int upos = lb_upos_parse(tab + 1, (size_t)(tab2 - tab - 1));
        uint32_t cfeats = 0, feats;
        lb_feats_parse(&cfeats, tab2 + 1, kl - (size_t)(tab2 + 1 - v.s[i]));
        size_t n = lb_lemmas_apply(l, v.s[i], (size_t)(tab - v.s[i]), upos, cfeats, buf, sizeof buf, &feats);
        if (bestc >= 2 && (n != strlen(lemma) || memcmp(buf, lemma, n))) {
            fprintf(f, "V\t%.*s\t%s\n", (int)kl, v.s[i], lemma);
            nv++;
        }
        i = j;
    }
    fprintf(stderr, "lemmas %s: %zu class exceptions\n", o->lemmas, nv);
    lb_lemmas_free(l);
    strs_free(&v);
    return fclose(f) ? 1 : 0;
}
