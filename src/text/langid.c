/* langid.c: tells German from English by counting function words (from
 * data/text/function-words.tsv) and German letters over the first tokens.
 * Reports "und" when the evidence is thin or mixed. Does not look at the
 * input's declared language: the stage decides which one wins. */
#include "text/text.h"
#include "ctx.h"
#include <stdint.h>
#include <string.h>

#define LANGID_MAX_TOKENS 3000
#define LANGID_MIN_HITS   3

void lb_identify_language(lb_doc *doc)
{
    const lb_tok *T = LB_TOKS(doc);
    size_t n = doc->toks.len < LANGID_MAX_TOKENS ? doc->toks.len : LANGID_MAX_TOKENS;
    size_t de = 0, en = 0;
    size_t from = SIZE_MAX, c3 = 0;     /* c3: the first C3 byte of doc->norm at or after from */
    for (size_t i = 0; i < n; i++) {
        if (!(T[i].flags & LB_TOK_WORD)) continue;
        const char *w = lb_tok_norm(doc, &T[i]);
        uint32_t bits;
        if (lb_text_function_word(doc->ctx->text, w, T[i].norm_len, &bits)) {
            if ((bits & (LB_LANG_DE | LB_LANG_EN)) == LB_LANG_DE) de++;
            else if ((bits & (LB_LANG_DE | LB_LANG_EN)) == LB_LANG_EN) en++;
        }
        /* ä ö ü ß (folded: C3 A4, C3 B6, C3 BC; ß folds to "ss"), looked
         * for only in the words that hold a C3 byte */
        if (T[i].norm < from || c3 < T[i].norm) {
            from = T[i].norm;
            const char *p = memchr(doc->norm + from, 0xC3, doc->norm_len - from);
            c3 = p ? (size_t)(p - doc->norm) : doc->norm_len;
        }
        if (c3 + 1 >= (size_t)T[i].norm + T[i].norm_len) continue;
        for (uint32_t k = 0; k + 1 < T[i].norm_len; k++)
            if ((unsigned char)w[k] == 0xC3 && ((unsigned char)w[k + 1] == 0xA4 || (unsigned char)w[k + 1] == 0xB6 ||
                                                (unsigned char)w[k + 1] == 0xBC)) { de++; break; }
    }
    const char *lang = "und";
    if (de + en >= LANGID_MIN_HITS) {
        if (de >= 2 * en + 1) lang = "de";
        else if (en >= 2 * de + 1) lang = "en";
    }
    memcpy(doc->lang, lang, strlen(lang) + 1);
}
