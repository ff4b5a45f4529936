/* conventions.c: treebank conventions of the trainer (train.h). UD German
 * treebanks differ in how they tag an adjective used as an adverb: GSD (the
 * convention of our German model) keeps it ADJ (ADJD: "läuft gut" -> gut
 * ADJ, lemma gut; "später" -> ADJ, lemma spät), PUD tags it ADV with the
 * form as lemma. --adv-as-adj reads the files after it the GSD way: an ADV
 * whose form the lexicon knows as an uninflected adjective (an ADJ reading
 * without Case) becomes ADJ with that reading's lemma and degree, unless the
 * GSD files (the sentences read before) have the form as an adverb more often
 * than as an adjective: the lexicon does not tell adverbs like "erst", "ganz"
 * or "natürlich" from adverbial adjectives.
 * --relabel FILE: (folded form, part of speech, part of speech) rules for the
 * files after it, e.g. comparative "als", CCONJ in PUD and ADP in GSD
 * (tools/train/pud_to_gsd.tsv). */
#include "train.h"
#include "morph/lexclass.h"
#include "morph/morph.h"
#include "doc.h"
#include "core/wordset.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The uninflected adjective reading of a form, or NULL. */
static const lb_reading *adjective_reading(const lb_lexicon *lx, const tr_tok *t, lb_reading *r, int *nr)
{
    char gbuf[1024];
    int known = 0;
    if (t->form_len > 255) return NULL;
    *nr = lb_lx_readings(lx, t->form, t->form_len, r, LB_LX_MAX_READINGS, gbuf, sizeof gbuf, &known);
    if (!known) return NULL;
    for (int i = 0; i < *nr; i++)
        if (r[i].upos == LB_UPOS_ADJ && !LB_FEAT_GET(r[i].feats, CASE) && !r[i].guessed) return &r[i];
    return NULL;
}

/* Folded form -> (times ADV) << 16 | times ADJ, in the sentences [0, to). */
static void count_adverbs(const tr_corpus *c, size_t to, lb_wordset *seen)
{
    for (size_t s = 0; s < to; s++)
        for (int i = 0; i < c->sent[s].n; i++) {
            const tr_tok *t = &c->sent[s].tok[i];
            if (t->upos != LB_UPOS_ADV && t->upos != LB_UPOS_ADJ) continue;
            uint32_t v = 0;
            lb_wordset_get(seen, t->folded, t->folded_len, &v);
            v += t->upos == LB_UPOS_ADV ? 1u << 16 : 1u;
            if (lb_wordset_put(seen, t->folded, t->folded_len, v)) { fprintf(stderr, "out of memory\n"); exit(2); }
        }
}

int tr_relabel_load(tr_relabel *r, const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    char line[512];
    int ln = 0;
    r->n = 0;
    if (!f) { snprintf(err, errlen, "%s: cannot open", path); return -1; }
    while (fgets(line, sizeof line, f)) {
        ln++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#') continue;
        char *form = strtok(line, "\t"), *a = strtok(NULL, "\t"), *b = strtok(NULL, "\t");
        int ua = a ? lb_upos_parse(a, strlen(a)) : -1, ub = b ? lb_upos_parse(b, strlen(b)) : -1;
        if (!form || ua < 0 || ub < 0 || strlen(form) >= sizeof r->rule[0].form || r->n == TR_RELABEL_MAX) {
            snprintf(err, errlen, "%s:%d: expected folded form, UD part of speech, UD part of speech", path, ln);
            fclose(f);
            return -1;
        }
        strcpy(r->rule[r->n].form, form);
        r->rule[r->n].from = (uint8_t)ua; r->rule[r->n].to = (uint8_t)ub;
        r->n++;
    }
    fclose(f);
    return 0;
}

size_t tr_relabel_apply(tr_corpus *c, size_t from, const tr_relabel *r)
{
    size_t changed = 0;
    for (size_t s = from; s < c->n; s++)
        for (int i = 0; i < c->sent[s].n; i++) {
            tr_tok *t = &c->sent[s].tok[i];
            for (int k = 0; k < r->n; k++)
                if (t->upos == r->rule[k].from && strlen(r->rule[k].form) == t->folded_len
                    && !memcmp(t->folded, r->rule[k].form, t->folded_len)) {
                    t->upos = r->rule[k].to;
                    changed++;
                    break;
                }
        }
    return changed;
}

size_t tr_adv_as_adj(tr_corpus *c, size_t from, const lb_lexicon *lx)
{
    size_t changed = 0;
    lb_reading r[LB_LX_MAX_READINGS];
    lb_wordset seen;
    lb_wordset_init(&seen);
    count_adverbs(c, from, &seen);
    for (size_t s = from; s < c->n; s++)
        for (int i = 0; i < c->sent[s].n; i++) {
            tr_tok *t = &c->sent[s].tok[i];
            int nr = 0;
            uint32_t v = 0;
            if (t->upos != LB_UPOS_ADV) continue;
            if (lb_wordset_get(&seen, t->folded, t->folded_len, &v) && (v >> 16) > (v & 0xFFFF)) continue;
            const lb_reading *a = adjective_reading(lx, t, r, &nr);
            if (!a) continue;
            char *lemma = malloc(a->lemma_len + 1);
            if (!lemma) { fprintf(stderr, "out of memory\n"); exit(2); }
            memcpy(lemma, a->lemma, a->lemma_len); lemma[a->lemma_len] = '\0';
            free(t->lemma);
            t->lemma = lemma; t->lemma_len = a->lemma_len;
            t->upos = LB_UPOS_ADJ;
            t->feats = a->feats & ((uint32_t)LB_DEGREE_MASK << LB_DEGREE_SHIFT);
            changed++;
        }
    lb_wordset_fini(&seen);
    return changed;
}
