/* train_tagger.c: trains the tagger of one language from CoNLL-U files and
 * writes its model (data/morph/<lang>.model, format in src/morph/tagmodel.h)
 * and its lemma table (data/morph/<lang>.lemmas, src/morph/lemmas.h).
 * Reproducible: fixed iteration count and seed; the features are those of
 * the runtime (src/morph/features.c), the candidates too (src/morph/tagger.c).
 *
 * usage: lb_train_tagger --lang de|en --class-feats Case,Mood,VerbForm|all
 *        [--iter 8] [--seed 1] [--prune 0.1] [--lexicon de.lex] --model OUT --lemmas OUT
 *        [--adv-as-adj] [--relabel FILE] FILE.conllu[.gz]...
 * --adv-as-adj: the files after it tag adverbial adjectives ADV; they are read
 * the GSD way (ADJ, conventions.c); needs --lexicon before it.
 * --relabel FILE: part-of-speech rules (folded form, from, to) for the files after it.
 */
#include "conllu.h"
#include "perceptron.h"
#include "train.h"
#include "morph/features.h"
#include "morph/tagger.h"
#include "morph/morph.h"
#include "doc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t class_mask_of(const char *list)
{
    static const struct { const char *name; uint32_t mask; } defs[] = {
        { "Case", (uint32_t)LB_CASE_MASK << LB_CASE_SHIFT }, { "Number", (uint32_t)LB_NUMBER_MASK << LB_NUMBER_SHIFT },
        { "Gender", (uint32_t)LB_GENDER_MASK << LB_GENDER_SHIFT }, { "Person", (uint32_t)LB_PERSON_MASK << LB_PERSON_SHIFT },
        { "Tense", (uint32_t)LB_TENSE_MASK << LB_TENSE_SHIFT }, { "Mood", (uint32_t)LB_MOOD_MASK << LB_MOOD_SHIFT },
        { "VerbForm", (uint32_t)LB_VERBFORM_MASK << LB_VERBFORM_SHIFT }, { "Degree", (uint32_t)LB_DEGREE_MASK << LB_DEGREE_SHIFT },
        { "Definite", (uint32_t)LB_DEFINITE_MASK << LB_DEFINITE_SHIFT }, { "PronType", (uint32_t)LB_PRONTYPE_MASK << LB_PRONTYPE_SHIFT },
        { "Reflex", (uint32_t)LB_REFLEX_MASK << LB_REFLEX_SHIFT }, { "Poss", (uint32_t)LB_POSS_MASK << LB_POSS_SHIFT },
        { "Polarity", (uint32_t)LB_POLARITY_MASK << LB_POLARITY_SHIFT } };
    uint32_t m = 0;
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
        if (!strcmp(list, "all") || strstr(list, defs[i].name)) m |= defs[i].mask;
    return m;
}

/* Classes by frequency (at most LB_TAG_MAX_CLASSES; rarer ones fall back to
 * their bare part of speech). */
static void assign_classes(tr_corpus *c, lb_tagmodel *m)
{
    for (int u = 0; u < LB_UPOS_COUNT; u++) { m->cls[u].upos = (uint8_t)u; m->cls[u].feats = 0; }
    m->nclass = LB_UPOS_COUNT;
    for (size_t s = 0; s < c->n; s++)
        for (int i = 0; i < c->sent[s].n; i++) {
            tr_tok *t = &c->sent[s].tok[i];
            int k = lb_tagmodel_class(m, t->upos, t->feats);
            if (k < 0 && m->nclass < LB_TAG_MAX_CLASSES) {
                k = m->nclass++;
                m->cls[k].upos = t->upos; m->cls[k].feats = t->feats & m->class_mask;
            }
            t->cls = (uint16_t)(k < 0 ? t->upos : k);
        }
}

int main(int argc, char **argv)
{
    tr_opts o = { .iter = 8, .seed = 1, .prune = 0.1, .lang = "xx", .class_feats = "all", .rare = 5, .unk_freq = 1,
                   .runs = 1 };
    tr_corpus c = { 0 };
    char err[512];
    int adv_as_adj = 0;
    tr_relabel relabel = { 0 };
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--lang") && v) { o.lang = v; i++; }
        else if (!strcmp(a, "--class-feats") && v) { o.class_feats = v; i++; }
        else if (!strcmp(a, "--iter") && v) { o.iter = atoi(v); i++; }
        else if (!strcmp(a, "--seed") && v) { o.seed = (unsigned)atoi(v); i++; }
        else if (!strcmp(a, "--prune") && v) { o.prune = atof(v); i++; }
        else if (!strcmp(a, "--rare") && v) { o.rare = atoi(v); i++; }
        else if (!strcmp(a, "--unk-drop") && v) { o.unk_drop = atof(v); i++; }
        else if (!strcmp(a, "--unk-freq") && v) { o.unk_freq = atoi(v); i++; }
        else if (!strcmp(a, "--runs") && v) { o.runs = atoi(v); i++; }
        else if (!strcmp(a, "--pa") && v) { o.pa = atof(v); i++; }
        else if (!strcmp(a, "--feat-rules")) o.feat_rules = 1;
        else if (!strcmp(a, "--model") && v) { o.model = v; i++; }
        else if (!strcmp(a, "--lemmas") && v) { o.lemmas = v; i++; }
        else if (!strcmp(a, "--lexicon") && v) {
            lb_lexicon *lx;
            if (lb_lexicon_load(&lx, v, err, sizeof err)) { fprintf(stderr, "lb_train_tagger: %s\n", err); return 1; }
            o.lexicon = lx; i++;
        }
        else if (!strcmp(a, "--adv-as-adj") && o.lexicon) adv_as_adj = 1;
        else if (!strcmp(a, "--relabel") && v) {
            if (tr_relabel_load(&relabel, v, err, sizeof err)) { fprintf(stderr, "lb_train_tagger: %s\n", err); return 1; }
            i++;
        }
        else if (a[0] == '-') { fprintf(stderr, "lb_train_tagger: unknown option %s\n", a); return 2; }
        else {
            size_t from = c.n;
            if (tr_read_conllu(&c, a, err, sizeof err)) { fprintf(stderr, "lb_train_tagger: %s\n", err); return 1; }
            if (adv_as_adj) fprintf(stderr, "%s: %zu adverbial adjectives read as ADJ\n", a, tr_adv_as_adj(&c, from, o.lexicon));
            if (relabel.n) fprintf(stderr, "%s: %zu tokens relabelled\n", a, tr_relabel_apply(&c, from, &relabel));
        }
    }
    if (!o.model || !o.lemmas || !c.n) {
        fprintf(stderr, "usage: lb_train_tagger --lang L --class-feats LIST|all [--iter N] [--seed S] [--prune X] --model OUT --lemmas OUT FILE.conllu...\n");
        return 2;
    }
    lb_tagmodel m;
    memset(&m, 0, sizeof m);
    lb_wordset_init(&m.dict);
    memset(m.n_by_upos, 9, sizeof m.n_by_upos);     /* no index while classes are made: linear search */
    m.class_mask = class_mask_of(o.class_feats);
    m.fset = lb_tf_set_of((uint32_t)(unsigned char)o.lang[0] | (uint32_t)(unsigned char)o.lang[1] << 8);
    assign_classes(&c, &m);
    tr_build_dict(&c, &m, &o);
    lb_tagmodel_derive(&m);         /* the class tables the tagger reads */
    fprintf(stderr, "%zu sentences, %zu tokens, %d classes, %d open, %zu forms\n", c.n, c.ntok, m.nclass, m.nopen, m.dict.count);
    tr_model w;
    tr_model_init(&w, (size_t)1 << 23);
    tr_train(&c, &m, &w, &o);
    tr_uses uses = { 0 };
    tr_count_uses(&c, &m, &o, &uses);
    int bad = tr_write_model(&m, &w, &o, &uses);
    tr_uses_free(&uses);
    if (bad) return 1;
    if (tr_write_lemmas(&c, &m, &o)) return 1;
    tr_model_free(&w);
    lb_wordset_fini(&m.dict);
    free(m.dict_cls);
    free(o.dict_bytes);
    tr_corpus_free(&c);
    lb_lexicon_free((lb_lexicon *)o.lexicon);
    return 0;
}
