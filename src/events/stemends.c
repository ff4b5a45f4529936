/* stemends.c: the endings the German stemmer may delete, for the stem filter
 * (stemfilter.h): read from data/events/de.stemends, every sequence of one
 * ending per step (or none) goes into a trie of reversed sequences, and a
 * word's possible cuts are found by walking it from its end. */
#include "events/stemfilter.h"
#include "core/dictfile.h"
#include "lagebild.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_ENDINGS = 32, MAX_ENDING_LEN = 8 };

typedef struct ends_load {
    char end[EV_STEMF_STEPS][MAX_ENDINGS][MAX_ENDING_LEN + 1];
    int n[EV_STEMF_STEPS];
} ends_load;

static int add_word(ends_load *L, int step, const char *w, size_t n, char *err, size_t errlen)
{
    if (n > MAX_ENDING_LEN) { snprintf(err, errlen, "ending '%.*s' longer than %d bytes", (int)n, w, MAX_ENDING_LEN); return -1; }
    for (size_t i = 0; i < n; i++)
        if (w[i] < 'a' || w[i] > 'z') { snprintf(err, errlen, "ending '%.*s' is not ASCII lower-case letters", (int)n, w); return -1; }
    if (L->n[step] >= MAX_ENDINGS) { snprintf(err, errlen, "more than %d endings in step %d", MAX_ENDINGS, step + 1); return -1; }
    memcpy(L->end[step][L->n[step]], w, n);
    L->end[step][L->n[step]++][n] = '\0';
    return 0;
}

static int line_cb(const lb_dict_line *line, void *user, char *err, size_t errlen)
{
    ends_load *L = user;
    if (line->nfields != 2) { snprintf(err, errlen, "expected step<TAB>endings"); return -1; }
    const char *f = line->field[0];
    if (line->flen[0] != 1 || f[0] < '1' || f[0] >= '1' + EV_STEMF_STEPS) {
        snprintf(err, errlen, "step must be 1 to %d", EV_STEMF_STEPS);
        return -1;
    }
    const char *p = line->field[1], *end = p + line->flen[1], *w;
    size_t n;
    while ((n = lb_dict_next_word(&p, end, &w)))
        if (add_word(L, f[0] - '1', w, n, err, errlen)) return -1;
    return 0;
}

/* the node for the reversed bytes s[0..n) (made as needed); -1 out of
 * memory, -2 too many letters or nodes */
static long trie_node(ev_stemfilter *f, const char *s, size_t n)
{
    size_t node = 0;
    for (size_t i = n; i-- > 0;) {
        unsigned char c = (unsigned char)s[i];
        if (!f->sym[c]) {
            if (f->nsym >= EV_STEMF_SYMS) return -2;
            f->sym[c] = ++f->nsym;
        }
        uint16_t next = f->child[node][f->sym[c]];
        if (!next) {
            if (f->nnodes >= f->capnodes) {
                size_t cap = f->capnodes * 2;
                if (cap > UINT16_MAX + 1u) return -2;
                void *ch = realloc(f->child, cap * sizeof *f->child), *en = ch ? realloc(f->ends, cap) : NULL;
                if (ch) f->child = ch;
                if (!en) return -1;
                f->ends = en;
                memset(f->child + f->capnodes, 0, (cap - f->capnodes) * sizeof *f->child);
                memset(f->ends + f->capnodes, 0, cap - f->capnodes);
                f->capnodes = cap;
            }
            next = (uint16_t)f->nnodes++;
            f->child[node][f->sym[c]] = next;
        }
        node = next;
    }
    return (long)node;
}

/* every sequence of the endings of steps k..nsteps-1 (or none) before the suffix
 * buf[0..len) made by the steps before k; -1 out of memory, -2 too many */
static int add_sequences(ev_stemfilter *f, const ends_load *L, int k, char *buf, size_t len)
{
    if (k == EV_STEMF_STEPS) {
        long node = trie_node(f, buf, len);
        if (node < 0) return (int)node;
        f->ends[node] = 1;
        return 0;
    }
    int rc = add_sequences(f, L, k + 1, buf, len);       /* the step deletes nothing */
    if (rc) return rc;
    for (int i = 0; i < L->n[k]; i++) {
        size_t e = strlen(L->end[k][i]);
        if (len + e > EV_STEMF_MAXCUT) continue;
        char next[EV_STEMF_MAXCUT + 1];
        memcpy(next, L->end[k][i], e);          /* step k deletes before what the earlier steps deleted */
        memcpy(next + e, buf, len);
        if ((rc = add_sequences(f, L, k + 1, next, len + e))) return rc;
    }
    return 0;
}

int ev_stemfilter_load_endings(ev_stemfilter *f, const char *path, char *err, size_t errlen)
{
    ends_load *L = calloc(1, sizeof *L);
    if (!L) return LB_ENOMEM;
    int rc = lb_dict_read(path, line_cb, L, err, errlen);
    if (!rc && !f->capnodes) {
        f->child = calloc(64, sizeof *f->child);
        f->ends = calloc(64, 1);
        if (f->child && f->ends) { f->capnodes = 64; f->nnodes = 1; }
        else rc = LB_ENOMEM;
    }
    int added = rc ? 0 : add_sequences(f, L, 0, (char[EV_STEMF_MAXCUT + 1]){ 0 }, 0);
    if (added == -2) snprintf(err, errlen, "%s: more than %d different letters or too many sequences of endings", path, EV_STEMF_SYMS);
    if (added) rc = added == -2 ? LB_EDATA : LB_ENOMEM;
    free(L);
    return rc;
}

uint32_t ev_stemfilter_cuts(const ev_stemfilter *f, const unsigned char *p, size_t m)
{
    if (!f->nnodes) return (2u << EV_STEMF_MAXCUT) - 1;
    uint32_t mask = f->ends[0];
    size_t node = 0;
    for (size_t c = 1; c <= m && c <= EV_STEMF_MAXCUT; c++) {
        unsigned s = f->sym[p[m - c]];
        if (!s || !(node = f->child[node][s])) break;
        mask |= (uint32_t)f->ends[node] << c;
    }
    return mask;
}
