/* test_lexicon.c: the compiled German lexicon (data/morph/de.lex): loading,
 * inflected forms with their lemmas and UD features (Konjunktiv I/II,
 * prepositions with the cases they govern, contractions), the in-memory
 * index of the forms, the compound and suffix guesser, and the rejection of
 * truncated or corrupted files. */
#include "test.h"
#include "doc.h"
#include "lagebild.h"
#include "core/limits.h"
#include "morph/lexicon.h"
#include "morph/lexicon_int.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LEX LB_TEST_DATA_DIR "/morph/de.lex"
enum { MAXR = 256 };

static lb_reading rs[MAXR];
static char gbuf[4096];

/* Is there a reading with this lemma, part of speech and (masked) features? */
static int has(const lb_reading *r, int n, const char *lemma, int upos, uint32_t feats, uint32_t mask)
{
    for (int i = 0; i < n && i < MAXR; i++)
        if (r[i].upos == upos && r[i].lemma_len == strlen(lemma) && !memcmp(r[i].lemma, lemma, r[i].lemma_len) &&
            (r[i].feats & mask) == feats)
            return 1;
    return 0;
}

static int look(const lb_lexicon *lx, const char *form)
{
    return lb_lexicon_lookup(lx, form, strlen(form), rs, MAXR);
}

#define F(f, v) LB_FEAT(f, LB_##f##_##v)
#define M(f) LB_FEAT(f, LB_##f##_MASK)

static void test_inflection(const lb_lexicon *lx)
{
    int n = look(lx, "Häuser");
    CHECK(has(rs, n, "Haus", LB_UPOS_NOUN, F(CASE, NOM) | F(NUMBER, PLUR) | F(GENDER, NEUT), M(CASE) | M(NUMBER) | M(GENDER)));
    CHECK(!has(rs, n, "Haus", LB_UPOS_NOUN, F(CASE, DAT), M(CASE)));          /* Häusern */
    n = look(lx, "ging");
    CHECK(has(rs, n, "gehen", LB_UPOS_VERB, F(TENSE, PAST) | F(MOOD, IND) | LB_FEAT(PERSON, 3), M(TENSE) | M(MOOD) | M(PERSON)));
    n = look(lx, "schlug");
    CHECK(has(rs, n, "schlagen", LB_UPOS_VERB, F(VERBFORM, FIN), M(VERBFORM)));
    n = look(lx, "sei");
    CHECK(has(rs, n, "sein", LB_UPOS_AUX, F(MOOD, SUB) | F(TENSE, PRES) | LB_FEAT(PERSON, 3) | F(NUMBER, SING),
              M(MOOD) | M(TENSE) | M(PERSON) | M(NUMBER)));
    n = look(lx, "wäre");
    CHECK(has(rs, n, "sein", LB_UPOS_AUX, F(MOOD, SUB) | F(TENSE, PAST), M(MOOD) | M(TENSE)));
    n = look(lx, "hätte");
    CHECK(has(rs, n, "haben", LB_UPOS_AUX, F(MOOD, SUB) | F(TENSE, PAST), M(MOOD) | M(TENSE)));
    CHECK(!has(rs, n, "haben", LB_UPOS_AUX, F(MOOD, IND), M(MOOD)));
    n = look(lx, "vorschlagen");
    CHECK(has(rs, n, "vorschlagen", LB_UPOS_VERB, F(VERBFORM, INF), M(VERBFORM)));
    n = look(lx, "kann");
    CHECK(has(rs, n, "können", LB_UPOS_AUX, 0, 0));
    n = look(lx, "die");
    CHECK(has(rs, n, "der", LB_UPOS_DET, F(PRONTYPE, ART) | F(DEFINITE, DEF), M(PRONTYPE) | M(DEFINITE)));
    CHECK(look(lx, "häuser") == 0);                                           /* case sensitive */
    CHECK(look(lx, "Xyzzyqwf") == 0);
}

static void test_closed_class(const lb_lexicon *lx)
{
    int n = look(lx, "mit");
    CHECK(has(rs, n, "mit", LB_UPOS_ADP, F(CASE, DAT), M(CASE)));
    n = look(lx, "in");
    CHECK(has(rs, n, "in", LB_UPOS_ADP, F(CASE, DAT), M(CASE)));
    CHECK(has(rs, n, "in", LB_UPOS_ADP, F(CASE, ACC), M(CASE)));
    n = look(lx, "wegen");
    CHECK(has(rs, n, "wegen", LB_UPOS_ADP, F(CASE, GEN), M(CASE)));
    n = look(lx, "zum");                                                      /* zu + dem */
    CHECK(has(rs, n, "zu", LB_UPOS_ADP, F(CASE, DAT) | F(DEFINITE, DEF), M(CASE) | M(DEFINITE)));
    n = look(lx, "ins");                                                      /* in + das */
    CHECK(has(rs, n, "in", LB_UPOS_ADP, F(CASE, ACC) | F(GENDER, NEUT), M(CASE) | M(GENDER)));
    n = look(lx, "zur");
    CHECK(has(rs, n, "zu", LB_UPOS_ADP, F(CASE, DAT) | F(GENDER, FEM), M(CASE) | M(GENDER)));
    n = look(lx, "zu");
    CHECK(has(rs, n, "zu", LB_UPOS_PART, 0, 0));
    n = look(lx, "nicht");
    CHECK(has(rs, n, "nicht", LB_UPOS_PART, LB_FEAT(POLARITY, 1), M(POLARITY)));
    n = look(lx, "mich");
    CHECK(has(rs, n, "ich", LB_UPOS_PRON, F(CASE, ACC) | LB_FEAT(REFLEX, 1), M(CASE) | M(REFLEX)));
    n = look(lx, "dass");
    CHECK(has(rs, n, "dass", LB_UPOS_SCONJ, 0, 0));
}

/* lb_lexicon_prefetch changes nothing: lookups give the same readings after
 * it, for known, absent and empty forms, and it accepts no lexicon. */
static void test_prefetch(const lb_lexicon *lx)
{
    const char *forms[] = { "Häuser", "Xyzzyqwf", "" };
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        lb_reading before[16];
        int n = lb_lexicon_lookup(lx, forms[f], strlen(forms[f]), before, 16);
        lb_lexicon_prefetch(lx, forms[f], strlen(forms[f]));
        CHECK_INT(look(lx, forms[f]), n);
        for (int i = 0; i < n && i < 16; i++)
            CHECK(rs[i].lemma == before[i].lemma && rs[i].feats == before[i].feats && rs[i].upos == before[i].upos);
    }
    CHECK(look(lx, "Häuser") > 0);
    lb_lexicon_prefetch(NULL, "Haus", 4);
}

/* lbx_guess told that the lower-cased spelling has no readings (as
 * lb_lx_readings knows before guessing) guesses what lb_lexicon_guess
 * guesses, for capitalised unknown words that take the suffix rules, a
 * compound head or the name reading. */
static void test_guess_absent_lower(const lb_lexicon *lx)
{
    const char *forms[] = { "Blorfungen", "Xyzzyqwf", "Quarkbrötchenlieferungen", "Ümlautwörterei", "Zzrpt" };
    static lb_reading a[64], b[64];
    static char ba[4096], bb[4096];
    for (size_t f = 0; f < sizeof forms / sizeof forms[0]; f++) {
        size_t n = strlen(forms[f]);
        char low[256];
        memcpy(low, forms[f], n);
        low[0] = (char)(low[0] >= 'A' && low[0] <= 'Z' ? low[0] + 32 : low[0]);
        if ((unsigned char)low[0] == 0xC3) low[1] = (char)((unsigned char)low[1] + 0x20);   /* Ü -> ü */
        CHECK_INT(lb_lexicon_lookup(lx, low, n, a, 64), 0);
        int na = lb_lexicon_guess(lx, forms[f], n, a, 64, ba, sizeof ba);
        int nb = lbx_guess(lx, forms[f], n, b, 64, bb, sizeof bb, low);
        CHECK(na > 0);
        CHECK_INT(nb, na);
        for (int i = 0; i < na && i < nb; i++)
            CHECK(a[i].lemma_len == b[i].lemma_len && !memcmp(a[i].lemma, b[i].lemma, a[i].lemma_len) &&
                  a[i].feats == b[i].feats && a[i].upos == b[i].upos && a[i].guessed == b[i].guessed);
    }
}

/* The readings of form f walked in the file's own sections (form_grp,
 * groups, tag sets), as lbx_readings gives them without the slot's copy
 * of a one-group form's group word; returns the count (at most max kept). */
static int file_readings(const lb_lexicon *lx, uint32_t f, lb_reading *out, int max)
{
    int k = 0;
    for (uint32_t g = lbx_at(lx->form_grp, f); g < lbx_at(lx->form_grp, f + 1); g++) {
        uint32_t v = lbx_at(lx->groups, g), len, set = v >> lx->lemma_bits;
        const char *lemma = lbx_lemma(lx, v & lx->lemma_mask, &len);
        for (uint32_t i = lbx_at(lx->set_off, set); i < lbx_at(lx->set_off, set + 1); i++, k++) {
            if (k >= max) continue;
            lbx_tag(lx, lbx_u16(lx->set_items + 2 * (size_t)i), &out[k]);
            out[k].lemma = lemma;
            out[k].lemma_len = len;
        }
    }
    return k;
}

/* Every form's readings through the index (one-group forms from the
 * slot's group word, LBX_ONE) equal the file's; most forms have one group. */
static void test_slot_groups(const lb_lexicon *lx)
{
    static lb_reading want[MAXR];
    uint32_t wrong = 0, one = 0;
    for (uint32_t f = 0; f < lx->n_forms; f++) {
        uint32_t a = lbx_at(lx->form_off, f), b = lbx_at(lx->form_off, f + 1);
        const struct lbx_slot *slot = lbx_find(lx, (const char *)lx->form_blob + a, b - a,
                                               lbx_hash((const char *)lx->form_blob + a, b - a));
        int n = lbx_readings(lx, slot, rs, MAXR), m = file_readings(lx, f, want, MAXR);
        one += slot && (slot->tag & LBX_ONE);
        wrong += n != m;
        for (int i = 0; i < n && i < m && i < MAXR; i++)
            wrong += rs[i].lemma != want[i].lemma || rs[i].lemma_len != want[i].lemma_len || rs[i].feats != want[i].feats ||
                     rs[i].upos != want[i].upos || rs[i].tag != want[i].tag || rs[i].guessed || rs[i].head_off;
    }
    CHECK_INT(wrong, 0);
    CHECK(one > lx->n_forms / 2);
}

static void test_guess(const lb_lexicon *lx)
{
    const char *w = "Waffenlieferungen";
    CHECK_INT(look(lx, w), 0);
    int n = lb_lexicon_guess(lx, w, strlen(w), rs, MAXR, gbuf, sizeof gbuf);
    CHECK(n > 0);
    CHECK(has(rs, n, "Waffenlieferung", LB_UPOS_NOUN, F(NUMBER, PLUR) | F(GENDER, FEM), M(NUMBER) | M(GENDER)));
    CHECK(n > 0 && rs[0].guessed == 1 && rs[0].head_off == 6);
    w = "Außenministerin";
    n = look(lx, w) ? look(lx, w) : lb_lexicon_guess(lx, w, strlen(w), rs, MAXR, gbuf, sizeof gbuf);
    CHECK(has(rs, n, "Außenministerin", LB_UPOS_NOUN, F(NUMBER, SING) | F(GENDER, FEM), M(NUMBER) | M(GENDER)));
    w = "Nato-Gipfel";
    n = lb_lexicon_guess(lx, w, strlen(w), rs, MAXR, gbuf, sizeof gbuf);
    CHECK(has(rs, n, "Nato-Gipfel", LB_UPOS_NOUN, F(GENDER, MASC), M(GENDER)));
    CHECK(n > 0 && rs[0].head_off == 5);
    w = "Blorfungen";                                                         /* suffix rule */
    n = lb_lexicon_guess(lx, w, strlen(w), rs, MAXR, gbuf, sizeof gbuf);
    CHECK(has(rs, n, "Blorfung", LB_UPOS_NOUN, F(NUMBER, PLUR), M(NUMBER)));
    CHECK(n > 0 && rs[0].guessed == 2);
    w = "grosse";                                                             /* Swiss ss */
    n = lb_lexicon_guess(lx, w, strlen(w), rs, MAXR, gbuf, sizeof gbuf);
    CHECK(has(rs, n, "groß", LB_UPOS_ADJ, F(DEGREE, POS), M(DEGREE)));
    w = "eingedeckt";                                                         /* particle + participle */
    n = look(lx, w) ? look(lx, w) : lb_lexicon_guess(lx, w, strlen(w), rs, MAXR, gbuf, sizeof gbuf);
    CHECK(has(rs, n, "eindecken", LB_UPOS_VERB, F(VERBFORM, PART), M(VERBFORM)));
    w = "1990";
    n = lb_lexicon_guess(lx, w, strlen(w), rs, MAXR, gbuf, sizeof gbuf);
    CHECK(has(rs, n, "1990", LB_UPOS_NUM, 0, 0));
    w = "verschmorfelten";
    n = lb_lexicon_guess(lx, w, strlen(w), rs, MAXR, gbuf, sizeof gbuf);
    CHECK(n > 0);
    n = lb_lexicon_guess(lx, w, strlen(w), rs, MAXR, gbuf, 3);                /* buffer too small */
    CHECK_INT(n, 0);
}

/* Compounds whose head starts with an umlaut: the head is looked up
 * capitalised (ärzte -> Ärzte), the lemma keeps the form's modifier, and the
 * guess leaves the form as it was. */
static void test_guess_umlaut_head(const lb_lexicon *lx)
{
    char w[] = "Kinderärzte";
    CHECK_INT(look(lx, w), 0);
    int n = lb_lexicon_guess(lx, w, strlen(w), rs, MAXR, gbuf, sizeof gbuf);
    CHECK(has(rs, n, "Kinderarzt", LB_UPOS_NOUN, F(NUMBER, PLUR), M(NUMBER)));
    CHECK(n > 0 && rs[0].guessed == 1 && rs[0].head_off == 6);
    CHECK(!strcmp(w, "Kinderärzte"));
    const char *u = "Polizeiübergriffe";
    n = lb_lexicon_guess(lx, u, strlen(u), rs, MAXR, gbuf, sizeof gbuf);
    CHECK(has(rs, n, "Polizeiübergriff", LB_UPOS_NOUN, 0, 0));
}

/* Suffix-rule readings of one lemma share its copy, yet a small buffer
 * keeps exactly the readings whose lemmas would all fit copied one by one:
 * with room for k lemmas, k readings (not more because of the sharing). */
static void test_guess_suffix_buffer(const lb_lexicon *lx)
{
    const char *w = "verschmorfelten";
    int n = lb_lexicon_guess(lx, w, strlen(w), rs, MAXR, gbuf, sizeof gbuf);
    CHECK(n >= 4 && rs[0].guessed == 2);
    CHECK(n >= 2 && rs[0].lemma == rs[1].lemma);                           /* one copy of verschmorfelt */
    uint32_t len[MAXR];
    for (int i = 0; i < n && i < MAXR; i++) len[i] = rs[i].lemma_len;
    int bad = 0;
    size_t room = 0;
    for (int k = 1; k <= n && k < MAXR; k++) {
        room += len[k - 1];
        static char small[4096];
        int got = lb_lexicon_guess(lx, w, strlen(w), rs, MAXR, small, room);
        int got_less = lb_lexicon_guess(lx, w, strlen(w), rs, MAXR, small, room - 1);
        bad += got != k || got_less != k - 1;
    }
    CHECK_INT(bad, 0);
}

/* The in-memory index (lexicon_int.h) finds every form of the file at its
 * own index, says "has readings" exactly when lookup finds some, and finds
 * no form with a byte appended; the bloom filter passes few absent forms. */
static void test_index(const lb_lexicon *lx)
{
    uint32_t wrong = 0, has_wrong = 0, absent_found = 0, bloom_pass = 0;
    char buf[LB_MAX_TOKEN_BYTES + 2];
    for (uint32_t f = 0; f < lx->n_forms; f++) {
        uint32_t a = lbx_at(lx->form_off, f), b = lbx_at(lx->form_off, f + 1);
        const char *form = (const char *)lx->form_blob + a;
        const struct lbx_slot *slot = lbx_find(lx, form, b - a, lbx_hash(form, b - a));
        wrong += !slot || slot->form != f + 1;
        has_wrong += lbx_has(slot) != (lb_lexicon_lookup(lx, form, b - a, rs, 1) > 0);
        has_wrong += lb_lexicon_has(lx, form, b - a) != lbx_has(slot);
        if (b - a > LB_MAX_TOKEN_BYTES) continue;
        memcpy(buf, form, b - a);
        buf[b - a] = '\x01';                                                 /* in no form */
        absent_found += lb_lexicon_lookup(lx, buf, b - a + 1, rs, 1) != 0;
        bloom_pass += lbx_bloom_may(lx, lbx_hash(buf, b - a + 1));
    }
    CHECK(lx->n_forms > 500000);
    CHECK_INT(wrong, 0);
    CHECK_INT(has_wrong, 0);
    CHECK_INT(absent_found, 0);
    CHECK(bloom_pass < lx->n_forms / 50);                                     /* ~1% expected */
}

/* Appends section id (n bytes of p) to the lexicon being built in buf (at
 * *at, on 4 bytes), entering it in the header's section table. */
static void put_section(unsigned char *buf, size_t *at, int id, const void *p, size_t n)
{
    uint32_t off = (uint32_t)*at, len = (uint32_t)n;
    memcpy(buf + 16 + 8 * id, &off, 4);
    memcpy(buf + 20 + 8 * id, &len, 4);
    memcpy(buf + *at, p, n);
    *at = (*at + n + 3) & ~(size_t)3;
}

/* A lexicon of a 300-byte form (a lemma group of its own: lemma "lang") and
 * "kurz" (two groups, lemma "kurz" and "lang"): the long form's length is
 * beyond the slot's length field (LBX_LONG) and is compared through
 * form_off; a form of two groups is read through form_grp (no LBX_ONE). */
static void test_long_form(void)
{
    static unsigned char buf[2048];
    char longf[300];
    memset(longf, 'x', sizeof longf);
    uint32_t form_off[] = { 0, 300, 304 }, form_grp[] = { 0, 1, 3 }, groups[] = { 1 << 1 | 1, 0, 1 << 1 | 1 };   /* lemma id | tag set << 1 */
    uint32_t set_off[] = { 0, 1, 2 }, lemma_off[] = { 0, 4, 8 }, zero[] = { 0 }, hash[] = { 0, 0 };
    uint16_t items[] = { 0, 1 };
    unsigned char tags[16] = { 0 };
    char blob[304];
    memcpy(blob, longf, 300);
    memcpy(blob + 300, "kurz", 4);
    tags[4] = LB_UPOS_NOUN;
    tags[12] = LB_UPOS_ADJ;
    memcpy(buf, "LBLX", 4);
    uint32_t head[] = { LBX_VERSION, 1, LBX_SECTIONS };           /* version, lemma bits, sections */
    memcpy(buf + 4, head, sizeof head);
    size_t at = LBX_HEADER;
    const void *part[] = { form_off, blob, form_grp, groups, set_off, items, tags, lemma_off, "kurzlang", zero, "", zero, "", hash };
    size_t len[] = { sizeof form_off, sizeof blob, sizeof form_grp, sizeof groups, sizeof set_off, sizeof items, sizeof tags,
                     sizeof lemma_off, 8, 4, 0, 4, 0, sizeof hash };
    for (int i = 0; i < LBX_SECTIONS; i++) put_section(buf, &at, i, part[i], len[i]);
    lb_lexicon *lx = NULL;
    char err[256] = "";
    CHECK_INT(lbx_open_memory(&lx, buf, at, "long.lex", err, sizeof err), LB_OK);
    if (!lx) { fprintf(stderr, "%s\n", err); return; }
    lb_reading r[4];
    CHECK_INT(lb_lexicon_lookup(lx, longf, 300, r, 4), 1);
    CHECK(r[0].lemma_len == 4 && !memcmp(r[0].lemma, "lang", 4) && r[0].upos == LB_UPOS_ADJ);
    CHECK_INT(lb_lexicon_lookup(lx, longf, 299, r, 4), 0);
    CHECK_INT(lb_lexicon_lookup(lx, "kurz", 4, r, 4), 2);
    CHECK(!memcmp(r[0].lemma, "kurz", 4) && r[0].upos == LB_UPOS_NOUN && !memcmp(r[1].lemma, "lang", 4) && r[1].upos == LB_UPOS_ADJ);
    const struct lbx_slot *s = lbx_find(lx, longf, 300, lbx_hash(longf, 300));
    CHECK(s && (s->tag & 0xFF) == LBX_LONG && (s->tag & LBX_ONE));
    s = lbx_find(lx, "kurz", 4, lbx_hash("kurz", 4));
    CHECK(s && !(s->tag & LBX_ONE) && lbx_has(s));
    lb_lexicon_free(lx);
}

/* Writes the first len bytes of data (optionally with one byte changed) and loads it. */
static int load_variant(const char *data, size_t len, long flip_at, char *err, size_t errlen)
{
    const char *tmp = "test_lexicon_tmp.lex";
    FILE *fp = fopen(tmp, "wb");
    if (!fp) return -100;
    char *copy = malloc(len ? len : 1);
    memcpy(copy, data, len);
    if (flip_at >= 0 && (size_t)flip_at < len) copy[flip_at] ^= 0x5A;
    fwrite(copy, 1, len, fp);
    fclose(fp);
    free(copy);
    lb_lexicon *lx = NULL;
    int rc = lb_lexicon_load(&lx, tmp, err, errlen);
    lb_lexicon_free(lx);
    remove(tmp);
    return rc;
}

static void test_corrupt(void)
{
    FILE *fp = fopen(LEX, "rb");
    CHECK(fp != NULL);
    if (!fp) return;
    char head[1 << 16];
    size_t n = fread(head, 1, sizeof head, fp);
    fclose(fp);
    char err[512] = "";
    CHECK_INT(load_variant(head, 10, -1, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, ": offset ") != NULL);
    CHECK_INT(load_variant(head, n, -1, err, sizeof err), LB_EDATA);          /* truncated */
    CHECK(strstr(err, "test_lexicon_tmp.lex: offset ") != NULL);
    CHECK_INT(load_variant(head, n, 0, err, sizeof err), LB_EDATA);           /* magic */
    CHECK_INT(load_variant(head, n, 21, err, sizeof err), LB_EDATA);          /* a section offset */
    lb_lexicon *lx = NULL;
    CHECK_INT(lb_lexicon_load(&lx, "/nonexistent/de.lex", err, sizeof err), LB_EIO);
    CHECK(lx == NULL);
}

/* Every truncation of the small seed lexicon fails with LB_EDATA; every
 * single-byte corruption loads or fails cleanly, and what loads can be used. */
static void test_every_byte(void)
{
    FILE *fp = fopen(LB_TEST_DIR "/fuzz/corpus/lexicon/tiny.lex", "rb");
    CHECK(fp != NULL);
    if (!fp) return;
    static unsigned char buf[1 << 14];
    size_t n = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    char err[512];
    lb_lexicon *lx = NULL;
    CHECK_INT(lbx_open_memory(&lx, buf, n, "tiny.lex", err, sizeof err), LB_OK);
    CHECK(lx && look(lx, "Häuser") > 0);
    lb_lexicon_free(lx);
    int bad_trunc = 0, bad_flip = 0;
    for (size_t len = 0; len < n; len++) {
        unsigned char *copy = malloc(len ? len : 1);
        memcpy(copy, buf, len);
        lx = NULL;
        if (lbx_open_memory(&lx, copy, len, "tiny.lex", err, sizeof err) != LB_EDATA || lx) bad_trunc++;
        lb_lexicon_free(lx);
        free(copy);
    }
    for (size_t i = 0; i < n; i++) {
        buf[i] ^= 0xA5;
        lx = NULL;
        int rc = lbx_open_memory(&lx, buf, n, "tiny.lex", err, sizeof err);
        if (rc == LB_OK) {
            look(lx, "Häuser");
            lb_lexicon_guess(lx, "Waffenlieferungen", 17, rs, MAXR, gbuf, sizeof gbuf);
        } else if (rc != LB_EDATA || !strstr(err, "tiny.lex: offset ")) {
            bad_flip++;
        }
        lb_lexicon_free(lx);
        buf[i] ^= 0xA5;
    }
    CHECK_INT(bad_trunc, 0);
    CHECK_INT(bad_flip, 0);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
    lb_lexicon *lx = NULL;
    char err[512] = "";
    double t0 = now();
    int rc = lb_lexicon_load(&lx, LEX, err, sizeof err);
    double t1 = now();
    CHECK_INT(rc, LB_OK);
    if (rc != LB_OK) { fprintf(stderr, "%s\n", err); return TEST_END(); }
    printf("load %.1f ms\n", (t1 - t0) * 1e3);
    test_inflection(lx);
    test_closed_class(lx);
    test_guess(lx);
    test_guess_umlaut_head(lx);
    test_index(lx);
    test_slot_groups(lx);
    test_guess_absent_lower(lx);
    test_guess_suffix_buffer(lx);
    test_prefetch(lx);
    const char *words[] = { "die", "Häuser", "ging", "Waffenlieferungen", "und", "Regierung" };
    int sum = 0;
    t0 = now();
    for (int i = 0; i < 600000; i++) {
        const char *w = words[i % 6];
        sum += lb_lexicon_lookup(lx, w, strlen(w), rs, 16);
    }
    t1 = now();
    printf("lookup %.0f ns (%d)\n", (t1 - t0) / 600000 * 1e9, sum);
    lb_lexicon_free(lx);
    test_corrupt();
    test_every_byte();
    test_long_form();
    return TEST_END();
}
