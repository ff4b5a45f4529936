/* test_fts_stem.c: the full-text tokenizer stems words whose characters are
 * all in ISO 8859-1 with Snowball's ISO 8859-1 stemmers (fts_tok.c); every
 * term must be the one Snowball's UTF-8 stemmer gives for the lower-cased
 * word, for German, English and unknown-language text (both stems, the
 * English one colocated when it differs), from the stem cache and without
 * it (words over 29 bytes), and for words outside ISO 8859-1. */
#include "test.h"
#include "store/store.h"
#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Words that exercise Snowball's german and english rules: umlauts and ß
 * (prelude, postlude), u and y between vowels, suffixes of each region,
 * accents, upper case, long compounds, digits, and letters beyond ISO 8859-1. */
static const char *const WORDS[] = {
    "Straße", "Grüße", "Füße", "Häuser", "Bäume", "Öffentlichkeit", "übermorgen", "Bauern", "Feuer", "Bayern",
    "Mayonnaise", "quer", "Qualität", "Kinderbetreuung", "Regierungschefs", "Verhandlungen", "lächelnd",
    "schönsten", "Möglichkeiten", "ändern", "Außenministerin", "Donaudampfschifffahrtsgesellschaftskapitänsmütze",
    "Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz", "running", "generously", "sanctions",
    "agreement", "Naïve", "façade", "café", "résumé", "Ærø", "ÉTATS", "mañana", "Þórsmörk", "dyeing", "skies",
    "œuvre", "Łódź", "Ελλάδα", "日本語", "Москва", "İstanbul", "ﬁnanz", "2024", "1a", "µg", "x²",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaäääääääääääääääääääää",
};
#define NWORDS (sizeof WORDS / sizeof WORDS[0])
#define TOK_MAX 128   /* fts_tok.c: words are indexed by their first 128 bytes */

/* w lower-cased as the tokenizer does it (utf8proc_tolower per character,
 * at most TOK_MAX bytes), into out; its length. */
static int lower(const char *w, char *out)
{
    int n = 0;
    for (size_t i = 0; w[i];) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)w + i, -1, &cp);
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t el = utf8proc_encode_char(utf8proc_tolower(cp), enc);
        if (n + el <= TOK_MAX) { memcpy(out + n, enc, (size_t)el); n += (int)el; }
        i += (size_t)k;
    }
    return n;
}

/* The stem of w (wl bytes) by Snowball's UTF-8 stemmer sb, into out. */
static void utf8_stem(char out[600], struct sb_stemmer *sb, const char *w, int wl)
{
    const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)w, wl);
    int n = r ? sb_stemmer_length(sb) : 0;
    snprintf(out, 600, "%.*s", n, r ? (const char *)r : "");
}

/* One record of lb_fts_collect: flags, the token, its text. */
typedef struct rec { int flags; char tok[600]; int len; } rec;

static const unsigned char *next_rec(const unsigned char *p, rec *r)
{
    uint16_t l;
    memcpy(&l, p + 1, 2);
    r->flags = p[0];
    r->len = l;
    memcpy(r->tok, p + 11, l);
    r->tok[l] = '\0';
    return p + 11 + l;
}

/* The tokens of all WORDS (spaced) in lang, twice in a row (the second
 * time from the stem cache), checked against the UTF-8 stemmers. */
static void check_lang(lb_indexer *ix, lb_index_terms *t, const char *lang, struct sb_stemmer *de, struct sb_stemmer *en)
{
    size_t cap = 1 << 14, len = 0;
    char *text = calloc(1, cap);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < NWORDS; i++) len += (size_t)snprintf(text + len, cap - len, "%s ", WORDS[i]);
    snprintf(ix->st->lang, sizeof ix->st->lang, "%s", lang);
    lb_buf_reset(&t->rec);
    CHECK_INT(lb_fts_collect(ix->st, t, 1, text, len), 0);
    const unsigned char *p = (const unsigned char *)t->rec.data + t->col[1].off;
    const unsigned char *end = (const unsigned char *)t->rec.data + t->col[1].end;
    int want_de = strcmp(lang, "en") != 0, want_en = strcmp(lang, "de") != 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < NWORDS; i++) {
            char w[TOK_MAX + 8], sde[600] = "", sen[600] = "";
            int wl = lower(WORDS[i], w);
            if (want_de) utf8_stem(sde, de, w, wl);
            if (want_en) utf8_stem(sen, en, w, wl);
            rec r;
            CHECK(p < end);
            if (p >= end) break;
            p = next_rec(p, &r);
            CHECK_STR(r.tok, want_de ? sde : sen);
            CHECK_INT(r.flags, 0);
            if (want_de && want_en && strcmp(sde, sen)) {   /* the English stem at the same position */
                CHECK(p < end);
                if (p >= end) break;
                p = next_rec(p, &r);
                CHECK_STR(r.tok, sen);
                CHECK_INT(r.flags, FTS5_TOKEN_COLOCATED);
            }
        }
    }
    CHECK(p == end);
    free(text);
}

int main(void)
{
    struct sb_stemmer *de = sb_stemmer_new("german", "UTF_8"), *en = sb_stemmer_new("english", "UTF_8");
    lb_indexer *ix = NULL;
    lb_index_terms *t = NULL;
    CHECK_INT(lb_indexer_new(&ix), LB_OK);
    CHECK_INT(lb_index_terms_new(&t), LB_OK);
    /* the expectations themselves: Snowball's own stems of a few words */
    char w[TOK_MAX + 8], s[600];
    utf8_stem(s, de, w, lower("Straße", w));
    CHECK_STR(s, "strass");
    utf8_stem(s, en, w, lower("Sanctions", w));
    CHECK_STR(s, "sanction");
    check_lang(ix, t, "de", de, en);
    check_lang(ix, t, "en", de, en);
    check_lang(ix, t, "und", de, en);
    check_lang(ix, t, "de", de, en);   /* a warm cache again */
    lb_index_terms_free(t);
    lb_indexer_free(ix);
    sb_stemmer_delete(de);
    sb_stemmer_delete(en);
    return TEST_END();
}
