/* test_morph_features.c: the decoder's split of the tagger features (roles,
 * pairs, class and state ids; features.h) gives exactly the ids of
 * lb_tf_window and lb_tf_history, which training uses; and lb_tag_decode
 * (role weights resolved per word, or per use, with the word's own window
 * feature folded into its static scores or not, its neighbour roles summed
 * or not) chooses what a plain decoder
 * over lb_tf_context and lb_tagmodel_score chooses. A loaded model's
 * class tables (verb forms, clause states) give what the classes' features
 * say, and its bit sets (candidates, reading classes) what merging gives.
 * Words the tag dictionary lacks: no feature of their identity has a weight. */
#include "test.h"
#include "lagebild.h"
#include "doc.h"
#include "morph/features.h"
#include "morph/lexclass.h"
#include "morph/tagger.h"
#include <stdlib.h>
#include <string.h>

static uint32_t rnd_state = 12345;
static uint32_t rnd(void) { rnd_state = rnd_state * 1103515245u + 12345u; return rnd_state >> 3; }

/* The model of language lang in the data directory (a failed check, NULL: none). */
static lb_tagmodel *load_model(const char *lang)
{
    char path[4096], err[256];
    snprintf(path, sizeof path, "%s/morph/%s.model", LB_TEST_DATA_DIR, lang);
    lb_tagmodel *m = NULL;
    CHECK_INT(lb_tagmodel_load(&m, path, err, sizeof err), LB_OK);
    return m;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

static void random_words(lb_tf_word *w, int n)
{
    for (int i = 0; i < n; i++) {
        w[i].lower = rnd(); w[i].suffix3 = rnd() % 7; w[i].shape = rnd() & 127; w[i].amb = rnd() % 5;
        w[i].form = rnd(); w[i].vflags = rnd() & 7;
    }
    lb_tf_sentence(w, n);
}

/* The split ids of word i, appended to out. */
static int split_ids(uint32_t *out, const lb_tf_word *w, int i, int n, unsigned p1, unsigned p2, unsigned st, uint32_t set)
{
    uint32_t r[LB_TF_ROLES];
    int k = 0;
    lb_tf_roles(r, i > 0 ? &w[i - 1] : NULL);
    out[k++] = r[LB_TF_R_P1_LOWER]; out[k++] = r[LB_TF_R_P1_SUF3]; out[k++] = r[LB_TF_R_P1_AMB];
    lb_tf_roles(r, i > 1 ? &w[i - 2] : NULL);
    out[k++] = r[LB_TF_R_P2_LOWER];
    lb_tf_roles(r, i + 1 < n ? &w[i + 1] : NULL);
    out[k++] = r[LB_TF_R_N1_LOWER]; out[k++] = r[LB_TF_R_N1_SUF3]; out[k++] = r[LB_TF_R_N1_AMB];
    lb_tf_roles(r, i + 2 < n ? &w[i + 2] : NULL);
    out[k++] = r[LB_TF_R_N2_LOWER];
    lb_tf_roles(r, &w[i]);
    out[k++] = r[i == 0 ? LB_TF_R_SELF_FIRST : LB_TF_R_SELF_INNER];
    k += lb_tf_window_pairs(out + k, w, i, n, set);
    out[k++] = lb_tf_prev_id(p1);
    out[k++] = lb_tf_prev2_id(p1, p2);
    if (set & LB_TF_SET_DE) { out[k++] = lb_tf_state_id(st); out[k++] = lb_tf_state_prev_id(st, p1); }
    k += lb_tf_history_pairs(out + k, w, i, n, p1, set);
    return k;
}

static void test_split_equals_context(void)
{
    lb_tf_word w[9];
    uint32_t a[64], b[64];
    const uint32_t sets[] = { LB_TF_SET_DE, LB_TF_SET_EN, 0 };
    for (int round = 0; round < 200; round++) {
        int n = 1 + (int)(rnd() % 9);
        random_words(w, n);
        uint32_t set = sets[round % 3];
        for (int i = 0; i < n; i++) {
            unsigned p1 = i ? rnd() % 60 : LB_TF_NONE_CLASS, p2 = i > 1 ? rnd() % 60 : LB_TF_NONE_CLASS, st = rnd() & 7;
            int na = lb_tf_context(a, w, i, n, p1, p2, st, set);
            int nb = split_ids(b, w, i, n, p1, p2, st, set);
            CHECK_INT(nb, na);
            if (na != nb) continue;
            qsort(a, (size_t)na, sizeof *a, cmp_u32);
            qsort(b, (size_t)nb, sizeof *b, cmp_u32);
            CHECK(!memcmp(a, b, (size_t)na * sizeof *a));
        }
    }
}

/* The plain greedy decoder: all features hashed, all classes scored. */
static void reference_decode(const lb_tagmodel *m, const lb_tf_word *w, const lb_tag_word *t, int n, uint16_t *out)
{
    unsigned p1 = LB_TF_NONE_CLASS, p2 = LB_TF_NONE_CLASS, st = 0;
    for (int i = 0; i < n; i++) {
        uint32_t f[LB_TF_MAX_CONTEXT], score[LB_TAG_MAX_CLASSES];
        int nf = lb_tf_context(f, w, i, n, p1, p2, st, m->fset), best = 0;
        for (int k = 0; k < t[i].ncand; k++) score[t[i].cand[k]] = (uint32_t)t[i].sscore[k];
        if (t[i].ncand > 1) lb_tagmodel_score(m, f, nf, score);
        for (int k = 1; k < t[i].ncand; k++)
            if ((int32_t)score[t[i].cand[k]] > (int32_t)score[t[i].cand[best]]) best = k;
        out[i] = t[i].cand[best];
        p2 = p1; p1 = out[i];
        st = lb_tag_state(m, st, out[i], &w[i]);
    }
}

/* Random sentences over the real model's classes and frequent words. */
static void test_decode_roles(const char *lang)
{
    lb_tagmodel *m = load_model(lang);
    if (!m) return;
    enum { N = 12 };
    lb_tf_word w[N];
    lb_tag_word t[N], u[N];
    enum { MANY = 48 };         /* candidates of a word at most: some with many (the wide sums) */
    uint16_t cand[N][MANY], out1[N], out2[N], out3[N];
    uint8_t kout[N];
    int32_t ss[N][MANY], ssv[N][MANY];
    lb_tag_word v[N];
    static int16_t prow[N][LB_TAG_MAX_CLASSES], nrow[N][LB_TAG_MAX_CLASSES];
    static lb_tm_ref memo[N][8 + 2 * (LB_TAG_MAX_CLASSES + 1)];
    int summed = 0;
    uint16_t out4[N];
    lb_tm_ref role[N][LB_TF_ROLES];
    int differ = 0, differ_ref = 0;
    static lb_tag_shapes shapes[1];
    lb_tag_shapes_init(shapes);
    static const char *const words[] = { "die", "der", "und", "in", "the", "of", "to", "haus", "said", "." };
    for (int round = 0; round < 100; round++) {
        random_words(w, N);
        for (int i = 0; i < N; i++) {
            int nc = round % 4 == 0 && i % 3 == 0 ? 12 + (int)(rnd() % (MANY - 12)) : 1 + (int)(rnd() % 6);
            int c = (int)(rnd() % (unsigned)m->nclass);
            for (int k = 0; k < nc; k++) { cand[i][k] = (uint16_t)((c + k) % m->nclass); ss[i][k] = (int32_t)(rnd() % 100); }
            for (int k = 1; k < nc; k++)        /* ascending */
                for (int j = k; j > 0 && cand[i][j - 1] > cand[i][j]; j--) { uint16_t x = cand[i][j]; cand[i][j] = cand[i][j - 1]; cand[i][j - 1] = x; }
            const char *word = words[rnd() % 10];
            w[i].lower = lb_tf_hash(word, strlen(word));
            lb_tag_roles(m, &w[i], 0, role[i]);
            t[i] = (lb_tag_word){ cand[i], ss[i], nc, role[i], 0, 0, NULL, NULL, NULL };
            u[i] = (lb_tag_word){ cand[i], ss[i], nc, NULL, 0, 0, NULL, NULL, NULL };
            memcpy(ssv[i], ss[i], sizeof ss[i]);
            lb_tag_fold_self(m, role[i], cand[i], nc, ssv[i]);
            memset(memo[i], 0xFF, lb_tag_memo_len(m) * sizeof memo[i][0]);
            v[i] = (lb_tag_word){ cand[i], ssv[i], nc, role[i], 1, 0,
                                  lb_tag_sum_roles(m, role[i], 0, prow[i]), lb_tag_sum_roles(m, role[i], 1, nrow[i]),
                                  rnd() % 3 ? memo[i] : NULL };     /* some words without a memo */
            summed += v[i].prow != NULL;
        }
        lb_tag_decode(m, w, t, N, out1, NULL);
        lb_tag_decode(m, w, u, N, out2, kout);
        differ += memcmp(out1, out2, sizeof out1) != 0;     /* before the shapes change below */
        lb_tag_decode(m, w, v, N, out4, NULL);
        differ += memcmp(out1, out4, sizeof out1) != 0;
        lb_tag_decode(m, w, v, N, out4, NULL);         /* again: the memos now resolved */
        differ += memcmp(out1, out4, sizeof out1) != 0;
        if (round % 10 == 0) w[rnd() % N].shape = 0x40000000u | (rnd() & 127);   /* a shape that does not pack */
        lb_tag_decode(m, w, t, N, out1, NULL);
        lb_tag_decode_with(m, shapes, w, u, N, out4, NULL);     /* the shapes memo kept across the rounds */
        differ += memcmp(out1, out4, sizeof out1) != 0;
        lb_tag_decode_with(m, shapes, w, u, N, out4, NULL);
        differ += memcmp(out1, out4, sizeof out1) != 0;
        reference_decode(m, w, t, N, out3);
        for (int i = 0; i < N; i++) differ += out2[i] != cand[i][kout[i]];
        differ_ref += memcmp(out1, out3, sizeof out1) != 0;
    }
    CHECK_INT(differ, 0);
    CHECK_INT(differ_ref, 0);
    CHECK(summed > 0);
    lb_tagmodel_free(m);
}

/* Words after every possible previous class decode alike with their memos
 * (and a shapes memo) kept across the sentences, as the form cache keeps
 * them, and without: the memo slots are per previous class and per
 * verb-form set, the shapes memo's per three shapes. */
static void test_decode_memo(const char *lang)
{
    lb_tagmodel *m = load_model(lang);
    if (!m) return;
    static const char *const words[] = { "die", "der", "in", "haben", "the", "that", "to", "sein", "as", "an" };
    enum { NW = sizeof words / sizeof words[0] };
    static lb_tm_ref memo[NW][8 + 2 * (LB_TAG_MAX_CLASSES + 1)];
    static uint16_t cand[NW][LB_TAG_MAX_CLASSES];
    static int32_t ss[NW][LB_TAG_MAX_CLASSES];
    int nc[NW], differ = 0, decided = 0;
    lb_tf_word w[NW];
    lb_tm_ref role[NW][LB_TF_ROLES];
    for (int k = 0; k < NW; k++) {
        memset(memo[k], 0xFF, lb_tag_memo_len(m) * sizeof memo[k][0]);
        nc[k] = lb_tag_candidates(m, words[k], strlen(words[k]), NULL, 0, 1, cand[k]);
        memset(ss[k], 0, sizeof ss[k]);
        lb_tf_word_init(&w[k], words[k], strlen(words[k]), words[k], strlen(words[k]), 0, lb_tf_amb(cand[k], nc[k]));
        w[k].vflags = lb_tag_vflags(m, cand[k], nc[k]);
        lb_tag_roles(m, &w[k], 0, role[k]);
    }
    static const char *const forms[] = { "Haus", "die", ",", "1990", "USA", "Nato-Gipfel", "z.B.", ".", "Der", "\"" };
    static lb_tag_shapes shapes[1];
    lb_tag_shapes_init(shapes);
    for (int round = 0; round < 2000; round++) {
        uint16_t prev = (uint16_t)(rnd() % (unsigned)m->nclass);
        int a = (int)(rnd() % NW), b = (int)(rnd() % NW);
        int32_t zero = 0;
        lb_tf_word sw[3] = { lb_tf_none, w[a], w[b] };
        sw[0].vflags = rnd() & 7;
        for (int k = 0; k < 3; k++) {
            const char *f = forms[rnd() % 10];
            sw[k].shape = lb_tf_shape(f, strlen(f));
        }
        lb_tf_sentence(sw, 3);
        lb_tag_word plain[3] = { { &prev, &zero, 1, NULL, 0, 0, NULL, NULL, NULL },
                                 { cand[a], ss[a], nc[a], role[a], 0, 0, NULL, NULL, NULL },
                                 { cand[b], ss[b], nc[b], role[b], 0, 0, NULL, NULL, NULL } };
        lb_tag_word kept[3] = { plain[0], plain[1], plain[2] };
        kept[1].memo = memo[a]; kept[2].memo = memo[b];
        uint16_t o1[3], o2[3];
        lb_tag_decode(m, sw, plain, 3, o1, NULL);
        lb_tag_decode_with(m, shapes, sw, kept, 3, o2, NULL);
        differ += memcmp(o1, o2, sizeof o1) != 0;
        decided += nc[a] > 1;
    }
    CHECK(decided > 500);
    CHECK_INT(differ, 0);
    lb_tagmodel_free(m);
}

/* The static scores of lb_tag_static (few candidates: picked one by one;
 * many: whole rows summed) equal lb_tagmodel_score's of every class. */
static void test_static_scores(const char *lang)
{
    lb_tagmodel *m = load_model(lang);
    if (!m) return;
    static const char *const words[] = { "die", "haus", "the", "said", "regierung", "xqzt", "berlin", "of", "1990", "laufen" };
    int differ = 0;
    for (int round = 0; round < 400; round++) {
        const char *word = words[rnd() % 10];
        size_t len = strlen(word);
        uint16_t cand[LB_TAG_MAX_CLASSES];
        int32_t ss[LB_TAG_MAX_CLASSES];
        uint32_t f[LB_TF_MAX_STATIC], score[LB_TAG_MAX_CLASSES];
        int nc = 1 + (int)(rnd() % (unsigned)(m->nclass < 64 ? m->nclass : 64)), c0 = (int)(rnd() % (unsigned)m->nclass);
        for (int k = 0; k < nc; k++) cand[k] = (uint16_t)((c0 + k) % m->nclass);
        for (int k = 1; k < nc; k++)        /* ascending */
            for (int j = k; j > 0 && cand[j - 1] > cand[j]; j--) { uint16_t x = cand[j]; cand[j] = cand[j - 1]; cand[j - 1] = x; }
        lb_tf_word w;
        lb_tf_word_init(&w, word, len, word, len, lb_tf_shape(word, len), lb_tf_amb(cand, nc));
        lb_tag_static(m, word, len, &w, 0, cand, nc, ss);
        memset(score, 0, sizeof score);
        lb_tagmodel_score(m, f, lb_tf_static(f, word, len, &w, m->fset), score);
        for (int k = 0; k < nc; k++) differ += ss[k] != (int32_t)score[cand[k]];
    }
    CHECK_INT(differ, 0);
    lb_tagmodel_free(m);
}

/* lb_tagmodel_acc_best over the model's own weights (dense rows and
 * sparse records added by lb_tm_add, a history row as the start) picks
 * what summing every class in 32 bits picks, the first of equal scores,
 * for every number of candidates (few: one by one, in passes of four, then
 * three, two or one; many: whole rows summed). */
static void test_acc_best(const char *lang)
{
    lb_tagmodel *m = load_model(lang);
    if (!m) return;
    CHECK(m->ndense > 0 && m->nsparse > 0);
    int differ = 0, ties = 0, wide = 0;
    static uint32_t full[256];
    for (int round = 0; round < 3000; round++) {
        uint16_t cand[LB_TAG_MAX_CLASSES];
        int32_t base[LB_TAG_MAX_CLASSES], want[LB_TAG_MAX_CLASSES];
        lb_tm_sum acc;
        lb_tm_at at = lb_tm_begin(&acc);
        int nc = 1 + (int)(rnd() % (round % 5 ? 9u : (unsigned)m->nclass)), c0 = (int)(rnd() % (unsigned)m->nclass);
        for (int k = 0; k < nc; k++) cand[k] = (uint16_t)((c0 + k * 3) % m->nclass);
        for (int k = 1; k < nc; k++)        /* ascending, no class twice */
            for (int j = k; j > 0 && cand[j - 1] > cand[j]; j--) { uint16_t x = cand[j]; cand[j] = cand[j - 1]; cand[j - 1] = x; }
        for (int k = 1; k < nc; k++) if (cand[k] == cand[k - 1]) { nc = k; break; }
        int flat = round % 7 == 0;          /* no weights, equal bases: ties */
        const int32_t *init = flat ? NULL : lb_tagmodel_hist_row(m, rnd() & 7, rnd() % (unsigned)m->nclass);
        int64_t sum[256] = { 0 };
        lb_tm_start(full, init, cand, nc);
        for (int c = 0; c < m->nclass; c++) sum[c] = init ? init[c] : 0;
        for (int f = flat ? 0 : (int)(rnd() % 12); f > 0; f--) {
            lb_tm_ref r = rnd() & 1 ? (lb_tm_ref)((1 + (rnd() % m->ndense) * (size_t)m->nclass) << 1)
                                    : lb_tm_sparse_ref(m, rnd() % m->nsparse);
            lb_tm_add(lb_tm_base(m), &at, r);
            if (!(r & 1)) for (int c = 0; c < m->nclass; c++) sum[c] += lb_tm_row(m, r)[c];
            else for (int j = 0; j < LB_TM_SPARSE; j++) if (lb_tm_rec(m, r)->cls[j] != 255) sum[lb_tm_rec(m, r)->cls[j]] += lb_tm_rec(m, r)->w[j];
        }
        int best = 0;
        for (int k = 0; k < nc; k++) {
            base[k] = flat ? (k > 0) : (int32_t)(rnd() % 2000) - 1000;
            want[k] = (int32_t)(base[k] + sum[cand[k]]);
            if (want[k] > want[best]) best = k;
        }
        ties += flat && nc > 2;
        wide += nc >= m->wide_min;
        differ += lb_tagmodel_acc_best(m, &acc, at, full, cand, nc, base) != best;
    }
    CHECK_INT(differ, 0);
    CHECK(ties > 100 && wide > 100);
    lb_tagmodel_free(m);
}

/* Inserts class c into the ascending list out[0..n) unless there; the new length. */
static int insert_class(uint16_t *out, int n, int c)
{
    int j = n;
    while (j > 0 && out[j - 1] > c) j--;
    if (j > 0 && out[j - 1] == c) return n;
    memmove(out + j + 1, out + j, (size_t)(n - j) * sizeof *out);
    out[j] = (uint16_t)c;
    return n + 1;
}

/* What a class's features say, by definition: the verb forms among classes
 * cand[0..n) (LB_TF_V_*), and the clause state after a word took class c. */
static uint32_t plain_vflags(const lb_tagmodel *m, const uint16_t *cand, int n)
{
    uint32_t v = 0;
    for (int k = 0; k < n; k++) {
        const lb_tag_class *c = &m->cls[cand[k]];
        unsigned vf = LB_FEAT_GET(c->feats, VERBFORM);
        if (vf == LB_VERBFORM_PART) v |= LB_TF_V_PART;
        else if (vf == LB_VERBFORM_INF) v |= LB_TF_V_INF;
        else if (vf == LB_VERBFORM_FIN || LB_FEAT_GET(c->feats, MOOD)) v |= LB_TF_V_FIN;
    }
    return v;
}

static unsigned plain_state(const lb_tagmodel *m, unsigned state, unsigned cls, const lb_tf_word *w)
{
    if (w->shape & LB_TF_SHAPE_PUNCT) return 0;
    const lb_tag_class *c = &m->cls[cls];
    unsigned cs = LB_FEAT_GET(c->feats, CASE);
    if (c->upos == LB_UPOS_NOUN || c->upos == LB_UPOS_PROPN || c->upos == LB_UPOS_PRON)
        state |= cs == LB_CASE_NOM ? LB_TF_ST_NOM : cs == LB_CASE_ACC ? LB_TF_ST_ACC : 0;
    else if ((c->upos == LB_UPOS_VERB || c->upos == LB_UPOS_AUX) && LB_FEAT_GET(c->feats, VERBFORM) == LB_VERBFORM_FIN)
        state |= LB_TF_ST_FIN;
    return state;
}

static void test_class_tables(const char *lang)
{
    lb_tagmodel *m = load_model(lang), *plain = malloc(sizeof *plain);
    if (!m || !plain) { lb_tagmodel_free(m); free(plain); return; }
    CHECK(m->sorted);
    *plain = *m;                    /* the same model with unsorted lists: candidates by merging */
    plain->sorted = 0;
    lb_tf_word word = { 0 }, punct = { 0 };
    punct.shape = LB_TF_SHAPE_PUNCT;
    int differ = 0;
    for (uint16_t c = 0; c < m->nclass; c++) {
        differ += lb_tag_vflags(m, &c, 1) != plain_vflags(m, &c, 1);
        for (unsigned st = 0; st < 8; st++)
            differ += lb_tag_state(m, st, c, &word) != plain_state(m, st, c, &word) ||
                      lb_tag_state(m, st, c, &punct) != plain_state(m, st, c, &punct);
    }
    static const char *const words[] = { "die", "der", "the", "haus", "said", "xqzzy", "", "berlin", "of", "laufen" };
    uint16_t extra[LB_TAG_MAX_CLASSES], a[LB_TAG_MAX_CLASSES], b[LB_TAG_MAX_CLASSES], all[LB_TAG_MAX_CLASSES];
    int nall = 0, with_set = 0;
    for (int round = 0; round < 300; round++) {
        int nextra = 0;
        for (int k = (int)(rnd() % 6); k > 0; k--) nextra = insert_class(extra, nextra, (int)(rnd() % (unsigned)m->nclass));
        const char *wd = words[rnd() % 10];
        int known = (int)(rnd() & 1);
        int na = lb_tag_candidates(m, wd, strlen(wd), extra, nextra, known, a);
        int nb = lb_tag_candidates(plain, wd, strlen(wd), extra, nextra, known, b);
        differ += na != nb || memcmp(a, b, (size_t)na * sizeof *a);
        const uint8_t *dc;                          /* the class set given with them lists them */
        int nd, flags, found = lb_tagmodel_dict(m, wd, strlen(wd), &dc, &nd, &flags);
        uint64_t set[4];
        uint16_t c[LB_TAG_MAX_CLASSES];
        nb = lb_tag_candidates_of(m, found, dc, nd, flags, extra, nextra, known, b, set);
        int none = !(set[0] | set[1] | set[2] | set[3]);     /* allowed: no union made (no class at all) */
        differ += nb != na || memcmp(a, b, (size_t)na * sizeof *a) ||
                  (!none && (lb_class_set_list(set, c) != na || memcmp(a, c, (size_t)na * sizeof *a)));
        with_set += !none;
        differ += lb_tag_vflags(m, a, na) != plain_vflags(m, a, na);
        nall = na > nall ? na : nall;
    }
    CHECK(nall > 8);                /* the open classes were among them */
    CHECK(with_set > 250);
    for (int round = 0; round < 300; round++) {   /* random readings: their classes ascending and unique */
        lb_reading r[12];
        int16_t each[12];
        int nr = (int)(rnd() % 12), nref = 0;
        for (int i = 0; i < nr; i++) {
            const lb_tag_class *cl = &m->cls[rnd() % (unsigned)m->nclass];
            r[i] = (lb_reading){ .upos = rnd() % 5 ? cl->upos : (uint8_t)(rnd() % LB_UPOS_COUNT),
                                 .feats = rnd() % 4 ? cl->feats : rnd() };
            int c = lb_tagmodel_class(m, r[i].upos, r[i].feats);
            if (c >= 0) nref = insert_class(all, nref, c);
        }
        int n = lb_lx_classes_each(m, r, nr, a, each);
        differ += n != nref || memcmp(a, all, (size_t)n * sizeof *a);
        for (int i = 0; i < nr; i++) {
            int c = lb_tagmodel_class(m, r[i].upos, r[i].feats);
            differ += each[i] != (c >= 0 ? c : lb_tagmodel_class(m, r[i].upos, 0));
        }
    }
    CHECK_INT(differ, 0);
    free(plain);
    lb_tagmodel_free(m);
}

/* The lexicon's (upos, feats) pairs mapped to classes once give the classes
 * a search per reading gives, for the readings of known, guessed and
 * capitalised words. */
static void test_tag_classes(void)
{
    char err[256];
    lb_tagmodel *m;
    lb_lexicon *lx;
    CHECK_INT(lb_tagmodel_load(&m, LB_TEST_DATA_DIR "/morph/de.model", err, sizeof err), LB_OK);
    CHECK_INT(lb_lexicon_load(&lx, LB_TEST_DATA_DIR "/morph/de.lex", err, sizeof err), LB_OK);
    if (!m || !lx) { lb_tagmodel_free(m); lb_lexicon_free(lx); return; }
    int16_t *map = lb_lx_tag_classes(m, lx);
    CHECK(map != NULL);
    int differ = 0, tagged = 0, untagged = 0;
    static const char *const forms[] = { "die", "Haus", "laufen", "Waffenlieferungen", "Nato-Gipfel", "1990", "67.",
                                         "grosse", "Xqzzyland", "umweltfreundlichen", "am", "Der", "sagte", "mit",
                                         "auf", "wegen", "nicht", "sich", "Berlin", "ihm", "zu" };
    for (size_t f = 0; map && f < sizeof forms / sizeof forms[0]; f++) {
        lb_reading r[LB_LX_MAX_READINGS];
        char buf[1024];
        int known, nr = lb_lx_readings(lx, forms[f], strlen(forms[f]), r, LB_LX_MAX_READINGS, buf, sizeof buf, &known);
        uint16_t a[LB_TAG_MAX_CLASSES], b[LB_TAG_MAX_CLASSES];
        int16_t ea[LB_LX_MAX_READINGS], eb[LB_LX_MAX_READINGS];
        int na = lb_lx_classes_map(m, map, r, nr, a, ea), nb = lb_lx_classes_each(m, r, nr, b, eb);
        differ += na != nb || memcmp(a, b, (size_t)na * sizeof *a) || memcmp(ea, eb, (size_t)nr * sizeof *ea);
        differ += lb_lx_classes_map(m, map, r, nr, a, NULL) != nb;
        for (int i = 0; i < nr; i++) { tagged += r[i].tag != 0; untagged += r[i].tag == 0; }
    }
    CHECK(tagged > 20);             /* the map was used, */
    CHECK(untagged > 0);            /* and so was the search (numbers, names) */
    CHECK_INT(differ, 0);
    free(map);
    lb_lexicon_free(lx);
    lb_tagmodel_free(m);
}

/* The ref of id by probing one slot after another (as before lb_tm_probe). */
static lb_tm_ref probe_one_by_one(const lb_tagmodel *m, uint32_t id)
{
    size_t mask = m->fcap - 1, h = (id * 2654435761u) & mask;
    while (m->fslot[h].key && m->fslot[h].key != id) h = (h + 1) & mask;
    return m->fslot[h].key ? m->fslot[h].ref : 0;
}

/* lb_tagmodel_ref (slots compared four at a time, the first ones mirrored
 * after the last) finds every feature of the model, and for other ids
 * what probing one slot after another finds: random ids, and ids whose
 * hash is each of the last and first slots (the probes that wrap around). */
static void test_probe(const char *lang)
{
    lb_tagmodel *m = load_model(lang);
    if (!m) return;
    int differ = 0, found = 0, far = 0;
    for (size_t h = 0; h < m->fcap; h++) {
        if (!m->fslot[h].key) continue;
        found++;
        differ += lb_tagmodel_ref(m, m->fslot[h].key) != m->fslot[h].ref;
        far += ((h - (m->fslot[h].key * 2654435761u)) & (m->fcap - 1)) >= LB_TM_PROBE;
    }
    for (int k = 0; k < 200000; k++) {
        uint32_t id = rnd() * 2654435761u + (uint32_t)k;
        differ += lb_tagmodel_ref(m, id) != probe_one_by_one(m, id);
    }
    uint32_t inv = 2654435761u;             /* the inverse of the hash's factor modulo 2^32 (Newton) */
    for (int k = 0; k < 5; k++) inv *= 2u - 2654435761u * inv;
    CHECK_INT((int)(inv * 2654435761u), 1);
    for (size_t d = 0; d < 16; d++)         /* hashes of the last 8 and the first 8 slots */
        for (uint32_t hi = 0; hi < 64; hi++) {
            size_t h = (d < 8 ? m->fcap - 8 + d : d - 8) + (size_t)hi * m->fcap;
            uint32_t id = (uint32_t)h * inv;
            if (id) differ += lb_tagmodel_ref(m, id) != probe_one_by_one(m, id);
        }
    CHECK_INT(differ, 0);
    CHECK(found > 1000 && far > 0);         /* and some slots lay beyond the ones compared at once */
    lb_tagmodel_free(m);
}

/* Appends v as n little-endian bytes to buf at *at. */
static void put_le(unsigned char *buf, size_t *at, uint32_t v, int n)
{
    for (int k = 0; k < n; k++) buf[(*at)++] = (unsigned char)(v >> (8 * k));
}

/* A model of 8 features whose ids all hash to the last but one slot of
 * its 16: their probes run over the table's end (the slots compared at
 * once come from its mirrored start). */
static void test_probe_wraps(void)
{
    unsigned char img[512];
    size_t at = 0;
    float one = 1.0f;
    uint32_t scale, inv = 2654435761u;
    memcpy(&scale, &one, sizeof scale);
    for (int k = 0; k < 5; k++) inv *= 2u - 2654435761u * inv;
    memcpy(img, "LBTAGGR1", 8); at = 8;
    put_le(img, &at, 'd' | 'e' << 8, 4); put_le(img, &at, 0, 4); put_le(img, &at, scale, 4);
    put_le(img, &at, 2, 4);                                     /* classes */
    put_le(img, &at, LB_UPOS_NOUN, 1); put_le(img, &at, 0, 4); put_le(img, &at, LB_UPOS_VERB, 1); put_le(img, &at, 0, 4);
    put_le(img, &at, 1, 4); put_le(img, &at, 0, 1);             /* open classes */
    put_le(img, &at, 0, 4);                                     /* dictionary */
    put_le(img, &at, 8, 4);
    uint32_t id[8];
    for (uint32_t k = 0; k < 8; k++) {
        id[k] = (14 + 16 * (k + 1)) * inv;
        put_le(img, &at, id[k], 4); put_le(img, &at, 1, 1); put_le(img, &at, k & 1, 1); put_le(img, &at, 100 + k, 2);
    }
    memcpy(img + at, "END!", 4); at += 4;
    lb_tagmodel *m;
    char err[256];
    CHECK_INT(lb_tagmodel_parse(&m, img, at, "wraps", err, sizeof err), LB_OK);
    if (!m) return;
    CHECK_INT((int)m->fcap, 16);
    int differ = 0, found = 0;
    for (int k = 0; k < 8; k++) {
        lb_tm_ref r = lb_tagmodel_ref(m, id[k]);
        differ += r != probe_one_by_one(m, id[k]);
        found += r && (r & 1) && lb_tm_rec(m, r)->w[0] == 100 + k;
    }
    CHECK_INT(differ, 0);
    CHECK_INT(found, 8);
    lb_tagmodel_free(m);
}


/* The features LB_TF_NO_IDENTITY and lb_tf_role_is_identity leave out are
 * exactly those that change with the word's identity (its folded form and
 * form), and for words the model's tag dictionary lacks, leaving them out
 * changes no weight: roles, static scores and decoding with unseen set
 * give what the full lookups give. */
static void test_unseen(const char *lang)
{
    for (int round = 0; round < 200; round++) {
        lb_tf_word a, b;
        random_words(&a, 1);
        b = a; b.lower = ~a.lower; b.form = a.form ^ 0x5A5A5A5Au;
        static const char *const words[] = { "haus", "xqzt", "regierungen", "the", "é" };
        const char *word = words[round % 5];
        uint32_t fa[LB_TF_MAX_STATIC], fb[LB_TF_MAX_STATIC], fn[LB_TF_MAX_STATIC];
        int na = lb_tf_static(fa, word, strlen(word), &a, LB_TF_SET_DE), nb = lb_tf_static(fb, word, strlen(word), &b, LB_TF_SET_DE);
        int nn = lb_tf_static(fn, word, strlen(word), &a, LB_TF_SET_DE | LB_TF_NO_IDENTITY);
        CHECK_INT(na, nb);
        int k = 0, same = 1;
        for (int j = 0; j < na; j++)
            if (fa[j] == fb[j]) { same &= k < nn && fn[k] == fa[j]; k++; }
        CHECK(same && k == nn && nn == na - 2);
        uint32_t ra[LB_TF_ROLES], rb[LB_TF_ROLES];
        lb_tf_roles(ra, &a);
        lb_tf_roles(rb, &b);
        for (int r = 0; r < LB_TF_ROLES; r++) CHECK_INT(lb_tf_role_is_identity(r), ra[r] != rb[r]);
    }
    lb_tagmodel *m = load_model(lang);
    if (!m) return;
    enum { N = 12 };
    static const char *const unseen[] = { "xqzt", "zwölftonmusikfreunde", "blorpen", "quaxelig", "vrzz", "ümpf" };
    lb_tf_word w[N];
    uint16_t cand[N][LB_TAG_MAX_CLASSES], o1[N], o2[N];
    int32_t ss[N][LB_TAG_MAX_CLASSES], ssu[N][LB_TAG_MAX_CLASSES];
    lb_tm_ref role[N][LB_TF_ROLES], roleu[N][LB_TF_ROLES];
    lb_tag_word t[N], u[N];
    int differ = 0, lacks = 0;
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < N; i++) {
            static const char *const seen[] = { "die", "der", "und", "in", "the", "of", "." };
            int is_unseen = rnd() % 2;
            const char *word = is_unseen ? unseen[rnd() % 6] : seen[rnd() % 7];
            size_t len = strlen(word);
            const uint8_t *dc;
            int nd, flags;
            lacks += is_unseen && !lb_tagmodel_dict(m, word, len, &dc, &nd, &flags);
            int nc = lb_tag_candidates(m, word, len, NULL, 0, 0, cand[i]);
            lb_tf_word_init(&w[i], word, len, word, len, lb_tf_shape(word, len), lb_tf_amb(cand[i], nc));
            w[i].vflags = lb_tag_vflags(m, cand[i], nc);
            lb_tag_roles(m, &w[i], 0, role[i]);
            lb_tag_roles(m, &w[i], is_unseen, roleu[i]);
            differ += memcmp(role[i], roleu[i], sizeof role[i]) != 0;
            lb_tag_static(m, word, len, &w[i], 0, cand[i], nc, ss[i]);
            lb_tag_static(m, word, len, &w[i], is_unseen, cand[i], nc, ssu[i]);
            differ += memcmp(ss[i], ssu[i], (size_t)nc * sizeof ss[i][0]) != 0;
            t[i] = (lb_tag_word){ cand[i], ss[i], nc, role[i], 0, 0, NULL, NULL, NULL };
            u[i] = (lb_tag_word){ cand[i], ssu[i], nc, NULL, 0, is_unseen, NULL, NULL, NULL };
        }
        lb_tf_sentence(w, N);
        lb_tag_decode(m, w, t, N, o1, NULL);
        lb_tag_decode(m, w, u, N, o2, NULL);
        differ += memcmp(o1, o2, sizeof o1) != 0;
    }
    CHECK(lacks > 0);
    CHECK_INT(differ, 0);
    lb_tagmodel_free(m);
}

int main(void)
{
    test_tag_classes();
    test_split_equals_context();
    test_class_tables("de");
    test_class_tables("en");
    test_decode_roles("de");
    test_decode_roles("en");
    test_static_scores("de");
    test_static_scores("en");
    test_decode_memo("de");
    test_decode_memo("en");
    test_acc_best("de");
    test_acc_best("en");
    test_probe("de");
    test_probe("en");
    test_probe_wraps();
    test_unseen("de");
    test_unseen("en");
    return TEST_END();
}
