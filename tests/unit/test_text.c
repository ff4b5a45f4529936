/* test_text.c: unit tests of the text layer: tokenizer (compounds,
 * ordinals, numbers, abbreviations, quotes, URLs), folding, sentence
 * splitting (German and English) and language identification. */
#include "test.h"
#include "doc.h"
#include "text/text.h"
#include "lagebild.h"
#include <stdlib.h>
#include <utf8proc.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text, const char *lang)
{
    lb_input in = { .id = "t", .id_len = 1, .text = text, .text_len = strlen(text) };
    if (lang) { in.lang = lang; in.lang_len = strlen(lang); }
    int rc = lb_doc_annotate_upto(doc, &in, LB_STAGE_TEXT);
    CHECK_INT(rc, LB_OK);
}

/* the i-th token's text equals lit */
static int tok_is(size_t i, const char *lit)
{
    if (i >= doc->toks.len) return 0;
    const lb_tok *t = &LB_TOKS(doc)[i];
    return t->end - t->start == strlen(lit) && !memcmp(doc->text + t->start, lit, strlen(lit));
}

static int find_tok(const char *lit)
{
    for (size_t i = 0; i < doc->toks.len; i++) if (tok_is(i, lit)) return (int)i;
    return -1;
}

static void test_tokens_german(void)
{
    run("Der US-Außenminister traf am 22. März 2023 die Staats- und Regierungschefs.", NULL);
    CHECK(find_tok("US-Außenminister") >= 0);
    int i = find_tok("US-Außenminister");
    CHECK(i >= 0 && (LB_TOKS(doc)[i].flags & LB_TOK_HYPHEN));
    i = find_tok("22.");
    CHECK(i >= 0 && (LB_TOKS(doc)[i].flags & LB_TOK_ORDINAL));
    CHECK(find_tok("2023") >= 0);
    i = find_tok("Staats-");
    CHECK(i >= 0 && (LB_TOKS(doc)[i].flags & LB_TOK_TRUNC));
    CHECK(find_tok("Regierungschefs") >= 0);
    CHECK(tok_is(doc->toks.len - 1, "."));
    CHECK(LB_TOKS(doc)[doc->toks.len - 1].flags & LB_TOK_SENT_END);
    /* folded forms: case folding, ß -> ss */
    i = find_tok("US-Außenminister");
    const lb_tok *t = &LB_TOKS(doc)[i];
    CHECK_SPAN(doc->norm, t->norm, t->norm + t->norm_len, "us-aussenminister");
}

static void test_tokens_numbers_quotes(void)
{
    run("Es geht um 240 Milliarden, also 1.000,50 Euro. „Das ist gut“, sagte er. »Ja«, sagte sie. Siehe https://example.org/a?b=1.", NULL);
    CHECK(find_tok("240") >= 0);
    CHECK(find_tok("1.000,50") >= 0);
    int i = find_tok("„");
    CHECK(i >= 0 && (LB_TOKS(doc)[i].flags & LB_TOK_QOPEN));
    i = find_tok("“");
    CHECK(i >= 0 && (LB_TOKS(doc)[i].flags & LB_TOK_QCLOSE));
    i = find_tok("»");
    CHECK(i >= 0 && (LB_TOKS(doc)[i].flags & LB_TOK_QOPEN));
    i = find_tok("«");
    CHECK(i >= 0 && (LB_TOKS(doc)[i].flags & LB_TOK_QCLOSE));
    i = find_tok("https://example.org/a?b=1");
    CHECK(i >= 0 && (LB_TOKS(doc)[i].flags & LB_TOK_URL));
}

static void test_tokens_abbrev(void)
{
    run("Dr. Müller kam z.B. mit der U.S. Navy. Trump's plan didn't work.", NULL);
    int i = find_tok("Dr.");
    CHECK(i >= 0 && (LB_TOKS(doc)[i].flags & LB_TOK_ABBREV));
    CHECK(find_tok("z.B.") >= 0);
    CHECK(find_tok("U.S.") >= 0);
    CHECK(find_tok("Trump") >= 0);
    CHECK(find_tok("'s") >= 0);
    CHECK(find_tok("didn't") >= 0);
}

/* the shapes scan_word tells apart: a compound ending in an abbreviation,
 * an initial, truncation before a comma, an inner apostrophe, ordinals by
 * the word before or after them, a date before a lower-case word, capitals */
static uint32_t flags_of(const char *lit)
{
    int i = find_tok(lit);
    return i >= 0 ? LB_TOKS(doc)[i].flags : 0;
}

static void test_tokens_word_shapes(void)
{
    run("Die Zimmermann-Str. liegt bei J. Smith. Ost-, West- und O'Brien kamen. Die 27. Große Strafkammer tagt "
        "am 22.03. bis Mai. Der e.V. der NATO belegte Rang 2. Danach", "de");
    CHECK(flags_of("Zimmermann-Str.") & LB_TOK_ABBREV);
    CHECK(flags_of("J.") & LB_TOK_ABBREV);
    CHECK(flags_of("Ost-") & LB_TOK_TRUNC);
    CHECK(flags_of("West-") & LB_TOK_TRUNC);
    CHECK(flags_of("O'Brien") & LB_TOK_WORD);
    CHECK(flags_of("27.") & LB_TOK_ORDINAL);
    CHECK(flags_of("22.03.") & LB_TOK_ORDINAL);
    uint32_t ev = flags_of("e.V.");
    CHECK((ev & LB_TOK_ABBREV) && (ev & LB_TOK_WORD) && !(ev & LB_TOK_UPPER));
    uint32_t nato = flags_of("NATO");
    CHECK((nato & LB_TOK_ALLCAPS) && (nato & LB_TOK_UPPER));
    CHECK(find_tok("2.") < 0 && find_tok("2") >= 0);    /* no ordinal: "Rang" is no article, "Danach" no month */
    CHECK(flags_of("2") & LB_TOK_NUM);
    /* after a preposition, but before a function word: a number that ends a sentence */
    run("Die Zahl stieg von sechs auf 92. Der Anteil wuchs. Er kam am 3. Oktober und vom 1. bis 3. Mai.", "de");
    CHECK(find_tok("92.") < 0 && find_tok("92") >= 0);
    CHECK_INT((int)doc->sents.len, 3);
    CHECK((flags_of("3.") & LB_TOK_ORDINAL) && (flags_of("1.") & LB_TOK_ORDINAL));
}

/* Plain words (a letter, lower-case ASCII or Latin-1 letters, then a space,
 * comma or line end) take the tokenizer's fast path: their folded form is
 * what lb_fold gives, their flags those of the full scan. */
static void test_tokens_plain(void)
{
    run("Österreich ärgert Übermaß, Straße ÷ Ähre x\nÀla ÿes, Maße Über×all http://a.de www.b.de Http: wie", "de");
    char buf[LB_MAX_TOKEN_BYTES * 3];
    for (size_t i = 0; i < doc->toks.len; i++) {
        const lb_tok *t = &LB_TOKS(doc)[i];
        size_t m = lb_fold(buf, sizeof buf, doc->text + t->start, t->end - t->start);
        CHECK(m == t->norm_len && !memcmp(buf, lb_tok_norm(doc, t), m));
    }
    CHECK_INT(flags_of("Österreich") & (LB_TOK_WORD | LB_TOK_UPPER | LB_TOK_ALLCAPS), LB_TOK_WORD | LB_TOK_UPPER);
    CHECK_INT(flags_of("ärgert") & (LB_TOK_WORD | LB_TOK_UPPER), LB_TOK_WORD);
    CHECK(flags_of("Ähre") & LB_TOK_UPPER);
    CHECK(flags_of("Àla") & LB_TOK_NL_BEFORE);
    CHECK(find_tok("÷") >= 0 && find_tok("Über") >= 0 && find_tok("×") >= 0);
    CHECK(flags_of("http://a.de") & LB_TOK_URL);
    CHECK(flags_of("www.b.de") & LB_TOK_URL);
    CHECK(find_tok("Http") >= 0 && find_tok(":") >= 0);
}

/* A host name without a scheme is one URL token, with its path and its
 * capital (Spiegel.de, t-online.de, news.bbc.co.uk/x); abbreviations,
 * numbers and a function word after a period left without a space are not. */
static void test_tokens_host(void)
{
    run("Laut Spiegel.de und news.bbc.co.uk/x sowie t-online.de, z.B. 3.5 oder u.a. im Bericht.der Unesco und Zeit.Die", "de");
    CHECK_INT(flags_of("Spiegel.de") & (LB_TOK_URL | LB_TOK_UPPER), LB_TOK_URL | LB_TOK_UPPER);
    CHECK(flags_of("news.bbc.co.uk/x") & LB_TOK_URL);
    CHECK(flags_of("t-online.de") & LB_TOK_URL);
    CHECK(find_tok("z.B.") >= 0 && find_tok("3.5") >= 0 && find_tok("u.a.") >= 0);
    CHECK(find_tok("Bericht") >= 0 && find_tok("der") >= 0);
    CHECK(find_tok("Zeit") >= 0 && find_tok("Die") >= 0);
    /* a label as long as a token may be, then ".de": no host name (it would
     * pass the cap); every token stays within the cap */
    static char text[LB_MAX_TOKEN_BYTES + 64];
    memset(text, 'a', LB_MAX_TOKEN_BYTES);
    memcpy(text + LB_MAX_TOKEN_BYTES, ".de ok", 7);
    run(text, "de");
    for (size_t i = 0; i < doc->toks.len; i++) CHECK(LB_TOKS(doc)[i].end - LB_TOKS(doc)[i].start <= LB_MAX_TOKEN_BYTES);
}

/* A run of dotted groups longer than a token may be ("U.S.U.S.…", 1,300
 * bytes) is cut into tokens of at most LB_MAX_TOKEN_BYTES, and the
 * morphology stage analyses them (it once copied such a form into a
 * 1 KB buffer). */
static void test_tokens_cap(void)
{
    char text[1400] = "Die ";
    size_t n = strlen(text);
    while (n + 4 < 1320) { memcpy(text + n, "U.S.", 4); n += 4; }
    memcpy(text + n, " kamen.", 8);
    run(text, "de");
    size_t longest = 0;
    for (size_t i = 0; i < doc->toks.len; i++) {
        const lb_tok *t = &LB_TOKS(doc)[i];
        if (t->end - t->start > longest) longest = t->end - t->start;
    }
    CHECK(longest > 0 && longest <= LB_MAX_TOKEN_BYTES);
    lb_input in = { .id = "t", .id_len = 1, .text = text, .text_len = strlen(text), .lang = "de", .lang_len = 2 };
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_MORPH), LB_OK);
    CHECK(doc->morph.len == doc->toks.len);
}

/* sentence i spans exactly lit */
static void check_sentences(const char *const *expect, size_t n)
{
    CHECK_INT(doc->sents.len, n);
    for (size_t i = 0; i < n && i < doc->sents.len; i++) {
        const lb_sent *s = &LB_SENTS(doc)[i];
        CHECK_SPAN(doc->text, s->start, s->end, expect[i]);
    }
}

static void test_sentences_german(void)
{
    run("Putin antwortete: „Ich stimme zu.“ Dann ging er. Am 3. Oktober kam Dr. Schmidt usw. Die Lage ist ernst!\n"
        "Neue Zeile ohne Punkt\nnoch dieselbe Zeile.", NULL);
    const char *exp[] = { "Putin antwortete: „Ich stimme zu.“", "Dann ging er.",
                          "Am 3. Oktober kam Dr. Schmidt usw.", "Die Lage ist ernst!",
                          "Neue Zeile ohne Punkt\nnoch dieselbe Zeile." };
    check_sentences(exp, 5);
    run("„Passen Sie auf, lieber Freund“, sagte Xi. „Wer?“, fragte er. Das kostet 5 Mrd. Euro. Überschrift\n\nText hier.", NULL);
    const char *exp2[] = { "„Passen Sie auf, lieber Freund“, sagte Xi.", "„Wer?“, fragte er.",
                           "Das kostet 5 Mrd. Euro.", "Überschrift", "Text hier." };
    check_sentences(exp2, 5);
}

static void test_sentences_english(void)
{
    run("The U.S. President met him in Washington D.C. The talks ended. Mr. Smith said \"No.\" Then he left... Later (at 5 p.m.) it rained.", NULL);
    const char *exp[] = { "The U.S. President met him in Washington D.C.", "The talks ended.",
                          "Mr. Smith said \"No.\"", "Then he left...", "Later (at 5 p.m.) it rained." };
    check_sentences(exp, 5);
}

static void test_language(void)
{
    run("Die Bundesregierung hat am Mittwoch beschlossen, dass die Hilfe für die Ukraine weiter ausgebaut wird.", NULL);
    CHECK_STR(lb_doc_lang(doc), "de");
    run("The government decided on Wednesday that the aid for Ukraine will be expanded further.", NULL);
    CHECK_STR(lb_doc_lang(doc), "en");
    run("Xi Jinping Wladimir Putin 2023", NULL);
    CHECK_STR(lb_doc_lang(doc), "und");
    run("Xi Jinping Wladimir Putin 2023", "en");          /* declared language wins */
    CHECK_STR(lb_doc_lang(doc), "en");
}

static void test_fold(void)
{
    char out[64];
    size_t n = lb_fold(out, sizeof out, "STRASSE Straße ÄÖÜ", strlen("STRASSE Straße ÄÖÜ"));
    CHECK_SPAN(out, 0, n, "strasse strasse äöü");
    /* NFC: a + combining diaeresis composes to ä */
    n = lb_fold(out, sizeof out, "A\xCC\x88", 3);
    CHECK_SPAN(out, 0, n, "ä");
    /* ASCII of every length (the word-at-a-time paths), against the rule:
     * only A-Z change; @ [ ` { and the rest stay */
    const char src[] = "@AZ[`az{09 MiXeD-Case_ZA!Q~\x7F";
    for (size_t len = 0; len < sizeof src; len++) {
        char want[64];
        for (size_t k = 0; k < len; k++) want[k] = (char)(src[k] >= 'A' && src[k] <= 'Z' ? src[k] + 32 : src[k]);
        memset(out, '#', sizeof out);
        n = lb_fold(out, sizeof out, src, len);
        CHECK(n == len && !memcmp(out, want, len) && out[len] == '#');
    }
    /* a non-ASCII byte anywhere in a long token takes the Latin-1 path */
    n = lb_fold(out, sizeof out, "ABCDEFGHIJKLMNO\xC3\x84", 17);
    CHECK_SPAN(out, 0, n, "abcdefghijklmnoä");
    n = lb_fold(out, sizeof out, "ABC\xC3\x96", 5);
    CHECK_SPAN(out, 0, n, "abcö");
}

/* lb_fold's reference: NFC and case folding through utf8proc alone */
static size_t fold_ref(char *out, size_t cap, const char *s, size_t n)
{
    utf8proc_int32_t buf[64];
    utf8proc_ssize_t m = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, buf, 63,
                                            UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
    if (m < 0 || m >= 63) return 0;
    utf8proc_ssize_t bytes = utf8proc_reencode(buf, m, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    if (bytes < 0 || (size_t)bytes > cap) return 0;
    memcpy(out, buf, (size_t)bytes);
    return (size_t)bytes;
}

/* lb_fold's fast paths (ASCII, Latin-1, the signs and punctuation it copies)
 * agree with utf8proc for every code point up to U+00FF and of general
 * punctuation, alone and between letters, upper- and lower-case ones and
 * marks that may compose. */
static void test_fold_fast_paths(void)
{
    static const char *const around[][2] = { { "", "" }, { "a", "" }, { "", "B" }, { "\xC3\x84", "\xC3\x9F" },
                                          { "E", "\xCC\x81" }, { "\xE2\x80\x94", "x" } };
    size_t bad = 0;
    for (int32_t cp = 0x20; cp < 0x2040; cp = cp == 0xFF ? 0x2000 : cp + 1) {
        for (size_t c = 0; c < sizeof around / sizeof around[0]; c++) {
            char in[32], want[64], got[64];
            size_t n = strlen(around[c][0]);
            memcpy(in, around[c][0], n);
            n += (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)in + n);
            memcpy(in + n, around[c][1], strlen(around[c][1]));
            n += strlen(around[c][1]);
            size_t w = fold_ref(want, sizeof want, in, n), g = lb_fold(got, sizeof got, in, n);
            if (w != g || memcmp(want, got, w)) { bad++; fprintf(stderr, "lb_fold differs for U+%04X in context %zu\n", (unsigned)cp, c); }
        }
    }
    CHECK_INT(bad, 0);
}

/* Non-ASCII spaces and line separators separate tokens (the classes of
 * U+0080..U+00FF and general punctuation come from tables) */
static void test_tokens_nonascii_classes(void)
{
    run("Preis\xC2\xA0" "100 eins\xE2\x80\xA8zwei x\xE2\x80\x8By \xC3\x9C" "ber\xE2\x80\x93Stra\xC3\x9F" "e \xC2\xBB" "Da\xC2\xAB", "de");
    CHECK(find_tok("Preis") >= 0 && find_tok("100") >= 0);
    CHECK(find_tok("zwei") >= 0 && (LB_TOKS(doc)[find_tok("zwei")].flags & LB_TOK_NL_BEFORE));
    CHECK(find_tok("x") >= 0 && find_tok("y") >= 0);
    CHECK(find_tok("\xC3\x9C" "ber") >= 0 && find_tok("\xE2\x80\x93") >= 0 && find_tok("Stra\xC3\x9F" "e") >= 0);
    CHECK(find_tok("\xC2\xBB") >= 0 && (LB_TOKS(doc)[find_tok("\xC2\xBB")].flags & LB_TOK_QOPEN));
    CHECK(find_tok("Da") >= 0);
}

/* Words of letters before a period or another sign take the tokenizer's
 * fast path (plain_word_fast) and must come out as the full scan makes
 * them: abbreviations keep their period ("Prof.", "Corp." may end a
 * sentence), other words do not, "..." never joins, "http:" is left to the
 * URL scan. (Texts are long: the fast path keeps 16 bytes from a span's end.) */
static void test_tokens_fast_signs(void)
{
    run("Prof. Meier kam heute. Die Firma... Das Werk Corp. Dann Ende) Berlin: sagte\xE2\x80\x9C und "
        "http://example.org noch ein langer Satz zum Schluss, damit alles passt.", "de");
    CHECK(flags_of("Prof.") & LB_TOK_ABBREV);
    CHECK(!(flags_of("Prof.") & LB_TOK_ABBR_END));
    CHECK(flags_of("Corp.") & LB_TOK_ABBR_END);
    CHECK(find_tok("heute") >= 0 && (flags_of(".") & LB_TOK_SENT_END));
    CHECK(find_tok("Firma") >= 0 && find_tok("...") >= 0);
    CHECK(find_tok("Ende") >= 0 && find_tok(")") >= 0 && find_tok("Berlin") >= 0 && find_tok("sagte") >= 0);
    CHECK(flags_of("http://example.org") & LB_TOK_URL);
    CHECK_INT(flags_of("Meier") & (LB_TOK_WORD | LB_TOK_UPPER | LB_TOK_ABBREV), LB_TOK_WORD | LB_TOK_UPPER);
    /* words of such parts joined by hyphens */
    run("Die Rot-Gr\xC3\xBCn Koalition, eine E-Mail-Adresse, A-B und die Zimmermann-Str. in der Stadt, "
        "\xC3\x96ko-Bauern und Staats- und Regierungschefs sowie noch ein paar Worte am Ende.", "de");
    CHECK_INT(flags_of("Rot-Gr\xC3\xBCn") & (LB_TOK_WORD | LB_TOK_HYPHEN | LB_TOK_UPPER | LB_TOK_ALLCAPS),
              LB_TOK_WORD | LB_TOK_HYPHEN | LB_TOK_UPPER);
    CHECK(flags_of("E-Mail-Adresse") & LB_TOK_HYPHEN);
    CHECK(flags_of("A-B") & LB_TOK_ALLCAPS);
    CHECK(flags_of("Zimmermann-Str.") & LB_TOK_ABBREV);
    CHECK(flags_of("\xC3\x96ko-Bauern") & LB_TOK_UPPER);
    CHECK(flags_of("Staats-") & LB_TOK_TRUNC);
    char buf[LB_MAX_TOKEN_BYTES * 3];
    for (size_t i = 0; i < doc->toks.len; i++) {
        const lb_tok *t = &LB_TOKS(doc)[i];
        size_t m = lb_fold(buf, sizeof buf, doc->text + t->start, t->end - t->start);
        CHECK(m == t->norm_len && !memcmp(buf, lb_tok_norm(doc, t), m));
    }
    /* signs on their own (fast_sign): quotes by their neighbours, brackets,
     * dashes, end marks alone and in runs */
    run("Er sagte \xE2\x80\x9E" "Ja\xE2\x80\x9C und dann \"Nein\" (leise) \xE2\x80\x93 wirklich?! Ja; gut: "
        "so war es eben, nicht anders und nicht mehr, bis zum Ende hier.", "de");
    CHECK_INT(flags_of("\xE2\x80\x9E") & (LB_TOK_QOPEN | LB_TOK_QCLOSE), LB_TOK_QOPEN);
    CHECK_INT(flags_of("\xE2\x80\x9C") & (LB_TOK_QOPEN | LB_TOK_QCLOSE), LB_TOK_QCLOSE);
    int q = find_tok("\"");
    CHECK(q >= 0 && (LB_TOKS(doc)[q].flags & (LB_TOK_QOPEN | LB_TOK_QCLOSE)) == LB_TOK_QOPEN);
    CHECK(q >= 0 && tok_is((size_t)q + 2, "\"") && (LB_TOKS(doc)[q + 2].flags & (LB_TOK_QOPEN | LB_TOK_QCLOSE)) == LB_TOK_QCLOSE);
    CHECK(flags_of("(") & LB_TOK_BRACKET_OPEN);
    CHECK(flags_of(")") & LB_TOK_BRACKET_CLOSE);
    CHECK(flags_of("\xE2\x80\x93") & LB_TOK_DASH);
    CHECK(flags_of("?!") & LB_TOK_SENT_END);
    CHECK_INT(flags_of(";") & (LB_TOK_PUNCT | LB_TOK_SENT_END), LB_TOK_PUNCT);
    CHECK(find_tok(":") >= 0 && find_tok("gut") >= 0);
}

static void test_offsets_invalid(void)
{
    /* invalid UTF-8 is replaced; offsets refer to the repaired text */
    const char t[] = "Ein \xFF Test. Zweiter Satz.";
    lb_input in = { .id = "x", .id_len = 1, .text = t, .text_len = sizeof t - 1 };
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    size_t bad, nuls;
    lb_doc_repairs(&bad, &nuls, doc);
    CHECK_INT(bad, 1);
    CHECK_INT(lb_doc_sentence_count(doc), 2);
    const char *text; size_t len;
    lb_doc_text(doc, &text, &len);
    CHECK_INT(len, sizeof t - 1 + 2);
    lb_span s;
    CHECK_INT(lb_doc_sentence(&s, doc, 1), LB_OK);
    CHECK_SPAN(text, s.start, s.end, "Zweiter Satz.");
    CHECK_INT(lb_doc_sentence(&s, doc, 2), LB_EUSAGE);
}

int main(void)
{
    int rc = lb_ctx_new(&ctx, LB_TEST_DATA_DIR);
    if (rc) { fprintf(stderr, "ctx: %s\n", lb_ctx_errmsg(ctx)); return 1; }
    lb_doc_new(&doc, ctx);
    test_tokens_german();
    test_tokens_numbers_quotes();
    test_tokens_abbrev();
    test_tokens_word_shapes();
    test_tokens_plain();
    test_tokens_host();
    test_tokens_cap();
    test_sentences_german();
    test_sentences_english();
    test_language();
    test_fold();
    test_fold_fast_paths();
    test_tokens_nonascii_classes();
    test_tokens_fast_signs();
    test_offsets_invalid();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    lb_doc_free(NULL);
    lb_ctx_free(NULL);
    return TEST_END();
}
