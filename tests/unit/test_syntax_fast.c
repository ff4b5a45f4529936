/* test_syntax_fast.c: the shortcuts of the clause layer that must not change
 * its result: the SX_TF_* bits a word-class cache slot keeps for the last
 * features it saw (a token with the same lemma and other features gets its
 * own bits), the memo of sx_feats_of_mask (agreement masks that share a
 * memo entry), and verbs.c's single pass over a sentence's tokens (a boundary
 * of an embedded clause ends the words after the finite verb; more clauses
 * than one pass takes). Hand-written morphology (test_syntax_util.h). */
#include "test.h"
#include "test_syntax_util.h"
#include "syntax/internal.h"

static lb_doc *doc;
static lb_buf text, norm;

#define DE(spec) sxt_tagged(doc, &text, &norm, "de", spec)
#define FIN3S(t) "Mood=Ind|Number=Sing|Person=3|Tense=" t "|VerbForm=Fin"
#define MANN "Der/der/DET/Case=Nom|Gender=Masc|Number=Sing|PronType=Art Mann/Mann/NOUN/Case=Nom|Gender=Masc|Number=Sing ,/,/PUNCT "

/* "der" after a comma: a relative pronoun, then (same lemma, same arena
 * address, as the helper resets the arena) an article, which opens nothing;
 * a negation by its features, then the same word without them */
static void cached_bits_follow_features(void)
{
    const char *r = DE(MANN "der/der/PRON/Case=Nom|Gender=Masc|Number=Sing|PronType=Rel kam/kommen/VERB/" FIN3S("Past")
                       " ,/,/PUNCT lachte/lachen/VERB/" FIN3S("Past") " ././PUNCT");
    CHECK(sxt_has(r, "rel: intro=der subj=[der -> Der Mann] verb=kommen"));
    const char *lemma = LB_MORPH(doc)[3].lemma;
    r = DE(MANN "der/der/DET/Case=Nom|Gender=Masc|Number=Sing|PronType=Art kam/kommen/VERB/" FIN3S("Past")
           " ,/,/PUNCT lachte/lachen/VERB/" FIN3S("Past") " ././PUNCT");
    CHECK(LB_MORPH(doc)[3].lemma == lemma);          /* the cache slot of the first call */
    CHECK(!sxt_has(r, "rel:"));
    /* and back: the slot's bits are the article's now */
    r = DE(MANN "der/der/PRON/Case=Nom|Gender=Masc|Number=Sing|PronType=Rel kam/kommen/VERB/" FIN3S("Past")
           " ,/,/PUNCT lachte/lachen/VERB/" FIN3S("Past") " ././PUNCT");
    CHECK(sxt_has(r, "rel: intro=der subj=[der -> Der Mann] verb=kommen"));
    /* a word of no class negates by Polarity=Neg alone: the bit follows the
     * feature, not the slot */
    r = DE("Er/er/PRON/Case=Nom|Number=Sing|Person=3 kam/kommen/VERB/" FIN3S("Past") " niemalsx/niemalsx/ADV/Polarity=Neg ././PUNCT");
    CHECK_STR(r, "main: subj=[Er] verb=kommen voice=act mood=Ind neg\n");
    lemma = LB_MORPH(doc)[2].lemma;
    r = DE("Er/er/PRON/Case=Nom|Number=Sing|Person=3 kam/kommen/VERB/" FIN3S("Past") " niemalsx/niemalsx/ADV ././PUNCT");
    CHECK(LB_MORPH(doc)[2].lemma == lemma);
    CHECK_STR(r, "main: subj=[Er] verb=kommen voice=act mood=Ind\n");
}

/* masks that fall on the same memo entry (a hash of the mask) */
static void feats_memo(void)
{
    sx_feats_memo *m = calloc(1, sizeof *m);
    if (!m) { CHECK(0); return; }
    int bad = 0, shared = 0;
    uint32_t first[SX_FEATS_MEMO] = { 0 };
    for (uint32_t round = 0; round < 3; round++)
        for (uint32_t k = 0; k < 20000; k++) {
            uint32_t mask = (k * 2654435761u) >> 8 & SX_MASK_ALL;
            if (k % 7 == 0) mask &= sx_agree_mask(k & 127u);
            uint32_t h = (mask * 0x9E3779B1u) >> 23;
            if (round == 0 && first[h] && first[h] != mask + 1) shared++;
            if (round == 0) first[h] = mask + 1;
            bad += sx_feats_of_mask_memo(m, mask) != sx_feats_of_mask(mask);
        }
    CHECK_INT(bad, 0);
    CHECK(shared > 0);          /* entries were taken over by other masks */
    CHECK_INT(sx_feats_of_mask_memo(m, 0), sx_feats_of_mask(0));
    free(m);
}

/* the words after a finite verb end at a boundary, also one that belongs to
 * an embedded clause: no particle "vor" for "schlug" across it */
static void particle_and_boundaries(void)
{
    const char *r = DE("Er/er/PRON/Case=Nom|Number=Sing|Person=3 schlug/schlagen/VERB/" FIN3S("Past")
                       " einen/ein/DET/Case=Acc|Gender=Masc|Number=Sing|PronType=Art Plan/Plan/NOUN/Case=Acc|Gender=Masc|Number=Sing"
                       " vor/vor/ADP ././PUNCT");
    CHECK(sxt_has(r, "main: subj=[Er] verb=vorschlagen obj=[einen Plan]"));
    r = DE("Er/er/PRON/Case=Nom|Number=Sing|Person=3 schlug/schlagen/VERB/" FIN3S("Past")
           " ,/,/PUNCT als/als/SCONJ sie/sie/PRON/Case=Nom|Number=Sing|Person=3 kam/kommen/VERB/" FIN3S("Past")
           " ,/,/PUNCT einen/ein/DET/Case=Acc|Gender=Masc|Number=Sing|PronType=Art Plan/Plan/NOUN/Case=Acc|Gender=Masc|Number=Sing"
           " vor/vor/ADP ././PUNCT");
    CHECK(sxt_has(r, "verb=schlagen"));
    CHECK(!sxt_has(r, "vorschlagen"));
    CHECK(sxt_has(r, "sub: intro=als(when) subj=[sie] verb=kommen"));
}

/* 40 coordinated clauses (verbs.c and roles.c take 32 at a time): each
 * its verb, subject and negation; the extents one after the other */
static void many_clauses(void)
{
    static char spec[8192];
    size_t n = 0;
    for (int k = 0; k < 40; k++)
        n += (size_t)snprintf(spec + n, sizeof spec - n, "%ser/er/PRON/Case=Nom|Number=Sing|Person=3 %s/%s/VERB/" FIN3S("Past") "%s",
                              k ? " und/und/CCONJ " : "", k % 2 ? "ging" : "kam", k % 2 ? "gehen" : "kommen",
                              k == 39 ? " nicht/nicht/PART" : "");
    snprintf(spec + n, sizeof spec - n, " ././PUNCT");
    const char *r = DE(spec);
    int lines = 0;
    for (const char *p = r; (p = strstr(p, "main: subj=[er] verb=")); p++) lines++;
    CHECK_INT(lines, 40);
    CHECK_INT(doc->clauses.len, 40);
    const lb_clause *C = LB_CLAUSES(doc);
    if (doc->clauses.len == 40) {
        CHECK_INT(C[39].verb, C[39].fin);
        CHECK_INT(C[39].negated, 1);
        CHECK_INT(C[38].negated, 0);
        CHECK(C[39].subj >= 0);
        CHECK_INT(C[39].tok0 + C[39].ntok, doc->toks.len);           /* the full stop included */
        CHECK_INT(C[33].tok0, C[32].tok0 + C[32].ntok);
    }
}

int main(void)
{
    lb_ctx *ctx;
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR)) { fprintf(stderr, "ctx: %s\n", lb_ctx_errmsg(ctx)); return 1; }
    if (lb_doc_new(&doc, ctx)) return 1;
    lb_buf_init(&text, 1 << 20); lb_buf_init(&norm, 1 << 20);
    cached_bits_follow_features();
    feats_memo();
    particle_and_boundaries();
    many_clauses();
    doc->text = ""; doc->norm = NULL;
    lb_doc_free(doc);
    lb_buf_free(&text); lb_buf_free(&norm);
    lb_ctx_free(ctx);
    return TEST_END();
}
