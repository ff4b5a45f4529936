/* test_morph_cache.c: unit tests of the morphology stage's form cache
 * (morph/cache.h): an entry's parts do not overlap and keep what was
 * written, lookups find every form through table growth, trimming empties
 * the table and reuses the blocks, an entry bigger than a block gets its
 * own, and a document tagged twice (the second time from the cache, its
 * lemmas cached) gets the same analyses, also for a form tagged with a
 * third class (its lemmas in an array). */
#include "test.h"
#include "test_doc.h"
#include "doc.h"
#include "morph/cache.h"
#include "lagebild.h"
#include <stdint.h>
#include <stdlib.h>

/* Fills every part of e (ncand candidates, extra bytes at x) with a pattern of seed. */
static void fill_entry(lb_mc_entry *e, unsigned seed, unsigned char *x, size_t extra)
{
    e->w.lower = seed;
    for (int k = 0; k < LB_TF_ROLES; k++) e->role[k] = seed + (unsigned)k;
    for (int k = 0; k < e->ncand; k++) {
        lb_mc_cand(e)[k] = (uint16_t)(seed + (unsigned)k);
        lb_mc_sscore(e)[k] = (int32_t)(seed * 3 + (unsigned)k);
        lb_mc_pend(e)[k] = (uint8_t)(seed + (unsigned)k);
    }
    memset(x, (int)(seed & 0xFF), extra);
}

/* 1 when e holds what fill_entry wrote. */
static int entry_intact(const lb_mc_entry *e, unsigned seed, const unsigned char *x, size_t extra)
{
    if (e->w.lower != seed || e->role[LB_TF_ROLES - 1] != seed + LB_TF_ROLES - 1) return 0;
    for (int k = 0; k < e->ncand; k++)
        if (lb_mc_cand(e)[k] != (uint16_t)(seed + (unsigned)k) || lb_mc_sscore(e)[k] != (int32_t)(seed * 3 + (unsigned)k) ||
            lb_mc_pend(e)[k] != (uint8_t)(seed + (unsigned)k))
            return 0;
    for (size_t i = 0; i < extra; i++) if (x[i] != (seed & 0xFF)) return 0;
    return 1;
}

/* The form of number i ("w<i>", lengths 2..8), in buf. */
static size_t form_of(unsigned i, char *buf) { return (size_t)snprintf(buf, 16, "w%u", i); }

enum { NFORMS = 20000 };

/* Adds NFORMS forms with up to 9 candidates and some extra bytes each; all
 * are found with their parts intact (the table grows from 4096 slots to
 * the size for NFORMS / 4 forms, and past it by doubling). */
static void test_add_get(lb_morph_cache *c)
{
    static lb_mc_entry *ent[NFORMS];
    static unsigned char *ext[NFORMS];
    char f[16];
    int ok = 1, lemmas_clear = 1;
    for (unsigned i = 0; i < NFORMS; i++) {
        size_t n = form_of(i, f), extra = i % 5 * 7;
        void *x = NULL;
        ent[i] = lb_mc_add(c, f, n, lb_mc_hash(f, n), (int)(i % 10), extra, &x);
        if (!ent[i]) { ok = 0; break; }
        if (ent[i]->lk[0] != LB_MC_NONE || ent[i]->lk[1] != LB_MC_NONE) lemmas_clear = 0;
        CHECK(((uintptr_t)ent[i] & 63) == 0 && ((uintptr_t)x & 7) == 0 && x == (void *)lb_mc_recs(ent[i]));
        CHECK(ent[i]->ss_at && lb_mc_sscore(ent[i]) == lb_mc_sscore_at(ent[i]));   /* the kept offset */
        ext[i] = x;
        fill_entry(ent[i], i, ext[i], extra);
    }
    CHECK(ok && lemmas_clear);
    CHECK_INT(c->count, NFORMS);
    CHECK(c->cap >= 2 * NFORMS && c->full_cap >= NFORMS / 2 && c->full_cap < NFORMS);
    int found = 0, intact = 0;
    for (unsigned i = 0; ok && i < NFORMS; i++) {
        size_t n = form_of(i, f);
        lb_mc_entry *e = lb_mc_get(c, f, n, n, lb_mc_hash(f, n));
        found += e == ent[i] && e->len == n && !memcmp(lb_mc_form(e), f, n + 1);
        intact += e && entry_intact(e, i, ext[i], i % 5 * 7);
    }
    CHECK_INT(found, NFORMS);
    CHECK_INT(intact, NFORMS);
    CHECK(!lb_mc_get(c, "w-1", 3, 3, lb_mc_hash("w-1", 3)));
    CHECK(!lb_mc_get(c, "w1", 1, 1, lb_mc_hash("w1", 2)) && !lb_mc_get(c, "w1", 2, 2, lb_mc_hash("w1", 1)));
}

/* The word compares of lb_mc_form_is: the bytes after the form in the
 * text do not count, a difference in any byte does, with and without
 * room to read whole words. */
static void test_form_is(lb_morph_cache *c)
{
    const char *text = "abcdefghijklmnopqrstuvwxyz";
    size_t lens[] = { 1, 7, 8, 9, 15, 16, 17 };
    for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++) {
        size_t n = lens[i];
        lb_mc_entry *e = lb_mc_add(c, text, n, lb_mc_hash(text, n), 1, 0, NULL);
        if (!e) { CHECK(e); return; }
        CHECK(lb_mc_form_is(e, text, n, 26) && lb_mc_form_is(e, text, n, n));
        char other[32];
        memcpy(other, text, 27);
        for (size_t k = 0; k < n; k++) {              /* one byte changed: not the form */
            other[k] = '#';
            if (lb_mc_form_is(e, other, n, 26) || lb_mc_form_is(e, other, n, n)) CHECK(!"a changed byte matched");
            other[k] = text[k];
        }
        other[n] = '#';                                 /* the byte after it: still the form */
        CHECK(lb_mc_form_is(e, other, n, 26));
    }
}

/* Trimming below the count empties the table and keeps the blocks; the
 * next entries reuse them (no new block while the spare ones last). */
static void test_trim(lb_morph_cache *c)
{
    char f[16];
    size_t count = c->count;
    lb_mc_trim(c, count);               /* not above the limit: kept */
    CHECK_INT(c->count, count);
    lb_mc_trim(c, count - 1);
    CHECK_INT(c->count, 0);
    CHECK(!c->used && c->spare);
    CHECK(!lb_mc_get(c, "w1", 2, 2, lb_mc_hash("w1", 2)));
    lb_mc_block *first_spare = c->spare;
    size_t n = form_of(7, f);
    lb_mc_entry *e = lb_mc_add(c, f, n, lb_mc_hash(f, n), 3, 0, NULL);
    CHECK(e && c->used == first_spare && (char *)e > (char *)first_spare &&
          (char *)e < (char *)first_spare + LB_MC_BLOCK);
    CHECK(lb_mc_get(c, f, n, n, lb_mc_hash(f, n)) == e);
}

/* A form longer than a block: an entry of its own size, found, freed by trim. */
static void test_big_entry(lb_morph_cache *c)
{
    size_t n = (size_t)LB_MC_BLOCK + 1000;
    char *big = malloc(n);
    if (!big) { CHECK(big); return; }
    memset(big, 'a', n);
    big[n - 1] = 'b';
    void *x = NULL;
    lb_mc_entry *e = lb_mc_add(c, big, n, lb_mc_hash(big, n), 4, 64, &x);
    CHECK(e && c->used && c->used->size > LB_MC_BLOCK);
    CHECK(e && !e->ss_at && lb_mc_sscore(e) == lb_mc_sscore_at(e));   /* too far for the kept offset */
    if (e) {
        fill_entry(e, 42, x, 64);
        CHECK(lb_mc_get(c, big, n, n, lb_mc_hash(big, n)) == e && entry_intact(e, 42, x, 64));
    }
    void *small = lb_mc_alloc(c, 100, 64);
    CHECK(small && ((uintptr_t)small & 63) == 0);
    lb_mc_trim(c, 0);
    int big_kept = 0;
    for (lb_mc_block *b = c->spare; b; b = b->next) big_kept |= b->size != LB_MC_BLOCK;
    CHECK(!big_kept);
    free(big);
}

/* The analyses of every token of doc, as text (lemma, upos, feats). */
static size_t analyses(const lb_doc *doc, char *out, size_t cap)
{
    size_t len = 0;
    for (size_t i = 0; i < doc->morph.len && len < cap; i++) {
        const lb_morph *m = &LB_MORPH(doc)[i];
        int w = snprintf(out + len, cap - len, "%.*s/%d/%u/%u ", (int)m->lemma_len, m->lemma, m->upos, m->feats, m->flags);
        if (w < 0) break;
        len += (size_t)w;
    }
    return len < cap ? len : cap;
}

/* A text tagged on a fresh cache and again from the cache: the same analyses. */
static void test_warm_equals_cold(lb_ctx *ctx, const char *text, const char *lang)
{
    static char cold[16384], warm[16384];
    lb_doc *doc;
    if (lb_doc_new(&doc, ctx) != LB_OK) { CHECK(0); return; }
    lb_input in = test_input(text, lang);
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_MORPH), LB_OK);
    size_t a = analyses(doc, cold, sizeof cold);
    CHECK(doc->morph_cache[!strcmp(lang, "en")] && doc->morph_cache[!strcmp(lang, "en")]->count > 10);
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_MORPH), LB_OK);
    size_t b = analyses(doc, warm, sizeof warm);
    CHECK(a > 100 && a == b && !memcmp(cold, warm, a));
    lb_doc_free(doc);
}

/* A form tagged with three or more classes keeps its lemmas in an array
 * (LB_MC_ALL, the two done slots then taken): "die" as article of several
 * cases and numbers and as relative pronoun; the text tagged again from the
 * cache gets the same analyses. */
static void test_third_class(lb_ctx *ctx)
{
    const char *text = "Die Frau, die dort steht, kennt die Kinder. Die Kinder, die dort spielen, sehen die Frau. "
                       "Wir helfen der Frau, die kommt, und die Kinder danken die Hilfe, die sie bekommen.";
    test_warm_equals_cold(ctx, text, "de");
    lb_doc *doc;
    if (lb_doc_new(&doc, ctx) != LB_OK) { CHECK(0); return; }
    lb_input in = test_input(text, "de");
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_MORPH), LB_OK);
    const lb_morph_cache *c = doc->morph_cache[0];
    const lb_mc_entry *e = c ? lb_mc_get(c, "die", 3, 3, lb_mc_hash("die", 3)) : NULL;
    CHECK(e && e->lk[0] == LB_MC_ALL);
    int done = 0;
    for (int k = 0; e && k < e->ncand; k++) done += !(e->all[k].len & LB_MC_PENDING);
    CHECK(done >= 3);
    lb_doc_free(doc);
}

int main(void)
{
    lb_morph_cache *c = lb_mc_new(NFORMS / 4);
    if (!c) { CHECK(c); return TEST_END(); }
    test_add_get(c);
    test_form_is(c);
    test_trim(c);
    test_big_entry(c);
    lb_mc_free(c);
    lb_ctx *ctx;
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR) != LB_OK) { fprintf(stderr, "%s\n", lb_ctx_errmsg(ctx)); return 1; }
    test_warm_equals_cold(ctx, "Die alten Häuser stehen am Fluss. Gestern ging er nach Hause, und die Häuser blieben "
                               "leer. Der Bundesverteidigungsminister besuchte den Truppenübungsplatz.", "de");
    test_third_class(ctx);
    test_warm_equals_cold(ctx, "The old houses stood by the river. Yesterday he went home, and the houses stayed "
                               "empty. The minister visited the training grounds.", "en");
    lb_ctx_free(ctx);
    return TEST_END();
}
