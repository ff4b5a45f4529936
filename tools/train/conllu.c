/* conllu.c: the CoNLL-U reader of the training tools (conllu.h). */
#include "conllu.h"
#include "morph/morph.h"
#include "text/text.h"
#include "doc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct row { char *f[10]; } row;

static char *dupn(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (!d) { fprintf(stderr, "out of memory\n"); exit(2); }
    memcpy(d, s, n); d[n] = '\0';
    return d;
}

static void add_tok(tr_sent *s, int *cap, const char *form, const char *lemma, const char *upos, const char *feats)
{
    if (s->n == *cap) {
        *cap = *cap ? *cap * 2 : 32;
        s->tok = realloc(s->tok, (size_t)*cap * sizeof *s->tok);
        if (!s->tok) { fprintf(stderr, "out of memory\n"); exit(2); }
    }
    tr_tok *t = &s->tok[s->n++];
    memset(t, 0, sizeof *t);
    t->form = dupn(form, strlen(form)); t->form_len = strlen(form);
    t->lemma = dupn(lemma, strlen(lemma)); t->lemma_len = strlen(lemma);
    int u = lb_upos_parse(upos, strlen(upos));
    t->upos = (uint8_t)(u < 0 ? LB_UPOS_X : u);
    lb_feats_parse(&t->feats, feats, strlen(feats));
    /* treebanks differ: some leave out VerbForm=Fin where Mood says finite */
    if (LB_FEAT_GET(t->feats, MOOD) && !LB_FEAT_GET(t->feats, VERBFORM)) t->feats |= LB_FEAT(VERBFORM, LB_VERBFORM_FIN);
    char buf[4096];
    size_t m = lb_fold(buf, sizeof buf, form, t->form_len);
    if (!m) { memcpy(buf, form, t->form_len < sizeof buf ? t->form_len : sizeof buf - 1); m = t->form_len < sizeof buf ? t->form_len : sizeof buf - 1; }
    t->folded = dupn(buf, m); t->folded_len = m;
}

static int ends_with_s_clitic(const char *s)
{
    size_t n = strlen(s);
    return (n > 2 && !strcmp(s + n - 2, "'s")) || (n > 4 && !strcmp(s + n - 4, "\xE2\x80\x99s"));
}

/* A multiword token: rows w[0..nw) are its words. */
static void add_mwt(tr_sent *s, int *cap, const char *surface, row *w, int nw)
{
    if (nw == 2 && ends_with_s_clitic(surface) && ends_with_s_clitic(w[1].f[1]) &&
        strlen(w[0].f[1]) + strlen(w[1].f[1]) == strlen(surface)) {
        add_tok(s, cap, w[0].f[1], w[0].f[2], w[0].f[3], w[0].f[5]);
        add_tok(s, cap, w[1].f[1], w[1].f[2], w[1].f[3], w[1].f[5]);
        return;
    }
    add_tok(s, cap, surface, w[0].f[2], w[0].f[3], w[0].f[5]);
}

static int split_row(char *line, row *r)
{
    int k = 0;
    char *p = line;
    while (k < 10) {
        r->f[k++] = p;
        char *t = strchr(p, '\t');
        if (!t) break;
        *t = '\0'; p = t + 1;
    }
    return k;
}

int tr_read_conllu(tr_corpus *c, const char *path, char *err, size_t errlen)
{
    gzFile f = gzopen(path, "rb");
    if (!f) { snprintf(err, errlen, "%s: cannot open", path); return -1; }
    static char line[1 << 16];
    tr_sent cur = { 0 };
    int cap = 0, mwt_left = 0, nw = 0;
    char mwt_form[1024] = "";
    static char store[16][1 << 12];
    row w[16];
    while (gzgets(f, line, sizeof line)) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        if (!n) {
            if (cur.n) {
                if (c->n == c->cap) { c->cap = c->cap ? c->cap * 2 : 1024; c->sent = realloc(c->sent, c->cap * sizeof *c->sent); }
                if (!c->sent) { fprintf(stderr, "out of memory\n"); exit(2); }
                c->sent[c->n++] = cur; c->ntok += (size_t)cur.n;
            }
            memset(&cur, 0, sizeof cur); cap = 0; mwt_left = 0;
            continue;
        }
        if (line[0] == '#') continue;
        row r;
        if (split_row(line, &r) < 10) continue;
        if (strchr(r.f[0], '.')) continue;
        char *dash = strchr(r.f[0], '-');
        if (dash) {
            mwt_left = atoi(dash + 1) - atoi(r.f[0]) + 1;
            if (mwt_left < 1 || mwt_left > 16) mwt_left = 0;
            snprintf(mwt_form, sizeof mwt_form, "%s", r.f[1]);
            nw = 0;
            continue;
        }
        if (mwt_left) {
            for (int k = 0; k < 10; k++) { snprintf(store[nw] + k * 400, 400, "%s", r.f[k]); w[nw].f[k] = store[nw] + k * 400; }
            nw++;
            if (--mwt_left == 0) add_mwt(&cur, &cap, mwt_form, w, nw);
            continue;
        }
        add_tok(&cur, &cap, r.f[1], r.f[2], r.f[3], r.f[5]);
    }
    gzclose(f);
    if (cur.n) {
        if (c->n == c->cap) { c->cap = c->cap ? c->cap * 2 : 1024; c->sent = realloc(c->sent, c->cap * sizeof *c->sent); }
        c->sent[c->n++] = cur; c->ntok += (size_t)cur.n;
    }
    return 0;
}

void tr_corpus_free(tr_corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        for (int k = 0; k < c->sent[i].n; k++) {
            free(c->sent[i].tok[k].form); free(c->sent[i].tok[k].lemma); free(c->sent[i].tok[k].folded);
        }
        free(c->sent[i].tok);
    }
    free(c->sent);
}
