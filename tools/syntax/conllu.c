/* conllu.c: reads UD CoNLL-U sentences through zlib (gzip or plain text).
 * Empty nodes (8.1) are skipped; multiword token lines are kept on the
 * first word they cover. */
#include "conllu.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

struct cu_reader { gzFile f; char line[65536]; };

cu_reader *cu_open(const char *path)
{
    gzFile f = gzopen(path, "rb");
    if (!f) return NULL;
    cu_reader *r = calloc(1, sizeof *r);
    if (!r) { gzclose(f); return NULL; }
    r->f = f;
    return r;
}

void cu_close(cu_reader *r)
{
    if (!r) return;
    gzclose(r->f);
    free(r);
}

static void copy(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src);
}

/* splits a word line into 10 fields in place; 0 when malformed */
static int split(char *line, char *f[10])
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < 10; p++)
        if (*p == '\t') { *p = '\0'; f[n++] = p + 1; }
    char *nl = strchr(f[n - 1], '\n');
    if (nl) *nl = '\0';
    return n == 10;
}

int cu_next(cu_reader *r, cu_sent *s)
{
    int pending_mwt_end = 0, skip = 0;
    char mwt_form[128] = "";
    s->n = 0; s->text[0] = '\0';
    while (gzgets(r->f, r->line, sizeof r->line)) {
        char *l = r->line;
        if (l[0] == '\n' || l[0] == '\r' || l[0] == '\0') {
            if (s->n && !skip) return 1;
            s->n = 0; skip = 0; s->text[0] = '\0';
            continue;
        }
        if (l[0] == '#') {
            if (!strncmp(l, "# text = ", 9)) { copy(s->text, sizeof s->text, l + 9); s->text[strcspn(s->text, "\n")] = 0; }
            continue;
        }
        char *f[10];
        if (!split(l, f)) continue;
        if (strchr(f[0], '.')) continue;
        char *dash = strchr(f[0], '-');
        if (dash) { pending_mwt_end = atoi(dash + 1); copy(mwt_form, sizeof mwt_form, f[1]); continue; }
        int id = atoi(f[0]);
        if (id <= 0 || id > CU_MAX_WORDS) { skip = 1; continue; }
        cu_word *w = &s->w[id];
        memset(w, 0, sizeof *w);
        copy(w->form, sizeof w->form, f[1]); copy(w->lemma, sizeof w->lemma, f[2]);
        copy(w->upos, sizeof w->upos, f[3]); copy(w->xpos, sizeof w->xpos, f[4]);
        copy(w->feats, sizeof w->feats, f[5]); copy(w->deprel, sizeof w->deprel, f[7]);
        w->head = atoi(f[6]);
        if (pending_mwt_end) { w->mwt_end = pending_mwt_end; copy(w->mwt_form, sizeof w->mwt_form, mwt_form); pending_mwt_end = 0; }
        s->n = id;
    }
    return s->n && !skip;
}
