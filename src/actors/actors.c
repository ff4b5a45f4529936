/* actors.c: the actors stage: loads every the .tsv files of data/actors/ into the
 * knowledge base once per process (plus user files via lb_ctx_add_dict), and
 * runs the mention layer on a document: dictionary pass (match.c), then
 * resolution (resolve.c), then sorts doc->mentions by start. */
#include "actors/actors.h"
#include "actors/kb.h"
#include "actors/run.h"
#include "ctx.h"
#include "text/text.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static struct lb_actor_kb *kb_new(void)
{
    struct lb_actor_kb *kb = calloc(1, sizeof *kb);
    if (!kb) return NULL;
    lb_arena_init(&kb->mem);
    lb_wordset *sets[] = { &kb->names, &kb->wclass, &kb->persons_by_name, &kb->titles,
                           &kb->firstnames, &kb->nopart, &kb->pcues, &kb->orgstart, &kb->orgend, &kb->familyfirst,
                           &kb->fwords, &kb->classes };
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) lb_wordset_init(sets[i]);
    kb->bloom = calloc(KB_BLOOM_BITS / 64, sizeof *kb->bloom);
    kb->nbloom = calloc(KB_BLOOM_BITS / 64, sizeof *kb->nbloom);
    kb->pbloom = calloc(KB_BLOOM_BITS / 64, sizeof *kb->pbloom);
    kb->lbloom = calloc(KB_LBLOOM_BITS / 64, sizeof *kb->lbloom);
    if (!kb->bloom || !kb->nbloom || !kb->pbloom || !kb->lbloom) {
        free(kb->bloom); free(kb->nbloom); free(kb->pbloom); free(kb->lbloom); free(kb);
        return NULL;
    }
    return kb;
}

int lb_actors_load(struct lb_actor_kb **out, const char *dir, char *err, size_t errlen)
{
    *out = kb_new();
    if (!*out) return LB_ENOMEM;
    DIR *d = opendir(dir);
    if (!d) return LB_OK;   /* no actor dictionaries: an empty layer */
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = LB_OK;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".tsv") || de->d_name[0] == '.') continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 16;
            char **q = realloc(names, nc * sizeof *q);
            if (!q) { rc = LB_ENOMEM; break; }
            names = q; cap = nc;
        }
        if (!(names[n] = strdup(de->d_name))) { rc = LB_ENOMEM; break; }
        n++;
    }
    closedir(d);
    if (!rc) qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n && !rc; i++) {
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= (int)sizeof path) {
            snprintf(err, errlen, "%s/%s: path too long", dir, names[i]);
            rc = LB_EUSAGE; break;
        }
        rc = kb_add_file(*out, path, err, errlen);
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    if (!rc) kb_build_lsig(*out);
    if (rc == LB_ENOMEM && !err[0]) snprintf(err, errlen, "out of memory");
    return rc;
}

void lb_actors_free(struct lb_actor_kb *kb)
{
    if (!kb) return;
    for (size_t i = 0; i < kb->nuser_paths; i++) free(kb->user_paths[i]);
    free(kb->user_paths);
    lb_wordset *sets[] = { &kb->names, &kb->wclass, &kb->persons_by_name, &kb->titles,
                           &kb->firstnames, &kb->nopart, &kb->pcues, &kb->orgstart, &kb->orgend, &kb->familyfirst,
                           &kb->fwords, &kb->classes };
    for (size_t i = 0; i < sizeof sets / sizeof *sets; i++) lb_wordset_fini(sets[i]);
    free(kb->bloom); free(kb->nbloom); free(kb->pbloom); free(kb->lbloom); free(kb->entries); free(kb->persons); free(kb->roles); free(kb->role_idx); free(kb->titlev);
    lb_arena_fini(&kb->mem);
    free(kb);
}

int lb_ctx_add_dict(lb_ctx *ctx, const char *path)
{
    if (!ctx || !path) return LB_EUSAGE;
    if (!ctx->actors && !(ctx->actors = kb_new())) return LB_ENOMEM;
    ctx->err[0] = '\0';
    struct lb_actor_kb *kb = ctx->actors;
    char **g = realloc(kb->user_paths, (kb->nuser_paths + 1) * sizeof *g);
    if (!g) return LB_ENOMEM;
    kb->user_paths = g;
    if (!(g[kb->nuser_paths] = strdup(path))) return LB_ENOMEM;
    kb->nuser_paths++;
    int rc = kb_add_file(kb, path, ctx->err, sizeof ctx->err);
    kb_build_lsig(kb);     /* also after a failure: the words of the lines read count */
    return rc;
}

static int cmp_mention(const void *a, const void *b)
{
    const lb_mention *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : 0;
}

/* stable by start: each mention moves back over the later ones before it
 * (few: the passes append in text order) without calls through a comparator */
static void insertion_sort(lb_mention *M, size_t n)
{
    for (size_t k = 1; k < n; k++) {
        lb_mention m = M[k];
        size_t j = k;
        while (j && M[j - 1].start > m.start) { M[j] = M[j - 1]; j--; }
        M[j] = m;
    }
}

/* drops the dead mentions and orders the rest by start; most documents
 * have them in order already (glibc's qsort is a stable merge sort, as the
 * insertion sort of the shorter lists) */
static void finish_mentions(lb_doc *doc)
{
    lb_mention *M = doc->mentions.items;
    size_t w = 0;
    int sorted = 1;
    for (size_t k = 0; k < doc->mentions.len; k++) {
        if (M[k].type == ACT_DEAD) continue;
        if (w && M[k].start < M[w - 1].start) sorted = 0;
        M[w++] = M[k];
    }
    doc->mentions.len = w;
    if (sorted) return;
    if (w <= 1024) insertion_sort(M, w);
    else qsort(M, w, sizeof(lb_mention), cmp_mention);
}

/* a word token act_match looks at: one that may start a name (or its
 * genitive), a hyphenated or truncated one (names inside compounds), or a
 * capitalised one that is not all capitals (a state name opening a compound) */
static int match_candidate(uint32_t flags, uint32_t c)
{
    if (flags & LB_TOK_URL) return 0;
    return (c & (W_FIRST | W_GEN)) || (flags & (LB_TOK_HYPHEN | LB_TOK_TRUNC)) ||
           (flags & (LB_TOK_UPPER | LB_TOK_ALLCAPS)) == LB_TOK_UPPER;
}

/* the W_* bits of every word (0 for other tokens), the candidate tokens,
 * the capitalised ones, those of the first pass and the acronym candidates */
static void classify_tokens(act_run *r)
{
    const lb_tok *T = r->toks;
    for (size_t i = 0; i < r->ntoks; i++) {
        uint32_t f = T[i].flags;
        if (!(f & LB_TOK_WORD)) { r->cls[i] = 0; continue; }
        int up = (f & LB_TOK_UPPER) != 0;
        uint32_t c = r->cls[i] = kb_class(r->kb, lb_tok_norm(r->doc, &T[i]), T[i].norm_len, up);
        if ((c & (W_TITLE | W_FIRSTNAME | W_ORGSTART | W_ORGEND | W_PCUE)) || (up && (f & LB_TOK_HYPHEN)))
            r->cand[r->ncand++] = (uint32_t)i;
        if (up) r->upper[r->nupper++] = (uint32_t)i;
        if (match_candidate(f, c)) r->pass1[r->npass1++] = (uint32_t)i;
        if ((f & (LB_TOK_UPPER | LB_TOK_ALLCAPS | LB_TOK_HYPHEN | LB_TOK_NUM | LB_TOK_ABBREV)) == (LB_TOK_UPPER | LB_TOK_ALLCAPS))
            r->caps[r->ncaps++] = (uint32_t)i;
    }
}

int lb_actors_run(lb_doc *doc)
{
    const struct lb_actor_kb *kb = doc->ctx->actors;
    lb_vec_init(&doc->mentions, sizeof(lb_mention));
    if (!kb || !kb->nentries || !doc->toks.len) return LB_OK;
    act_run r = { .doc = doc, .kb = kb, .toks = LB_TOKS(doc), .ntoks = doc->toks.len,
                  .morph = doc->morph.len == doc->toks.len ? LB_MORPH(doc) : NULL };
    r.cover = lb_arena_calloc(&doc->arena, r.ntoks, 1);
    /* filled before they are read: no zeroing */
    r.cls = lb_arena_alloc(&doc->arena, r.ntoks * sizeof *r.cls);
    r.cand = lb_arena_alloc(&doc->arena, r.ntoks * sizeof *r.cand);
    r.upper = lb_arena_alloc(&doc->arena, r.ntoks * sizeof *r.upper);
    r.men_at = lb_arena_alloc(&doc->arena, r.ntoks * sizeof *r.men_at);
    r.pass1 = lb_arena_alloc(&doc->arena, r.ntoks * sizeof *r.pass1);
    r.caps = lb_arena_alloc(&doc->arena, r.ntoks * sizeof *r.caps);
    if (!r.cover || !r.cls || !r.cand || !r.upper || !r.men_at || !r.pass1 || !r.caps) return lb_doc_fail(doc, LB_ENOMEM, "out of memory");
    memset(r.men_at, 0xff, r.ntoks * sizeof *r.men_at);   /* -1: no mention */
    classify_tokens(&r);
    lb_vec_init(&r.locals, sizeof(act_local));
    act_keymap_init(&r.local_index, &doc->arena);
    const char *d = doc->input.date ? doc->input.date : doc->meta.date;
    r.date = d ? kb_date(d, strlen(d)) : 0;
    int rc = act_match(&r);
    if (!rc) rc = act_resolve(&r);
    if (rc) return lb_doc_fail(doc, rc, "out of memory");
    finish_mentions(doc);
    return LB_OK;
}
