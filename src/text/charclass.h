/* charclass.h: the character classes the tokenizer needs, from utf8proc's
 * Unicode categories with an ASCII fast path. Classifies; decides nothing. */
#ifndef LB_CHARCLASS_H
#define LB_CHARCLASS_H
#include "core/utf8.h"
#include <stddef.h>
#include <stdint.h>
#include <utf8proc.h>

enum lb_cc { CC_SPACE, CC_NEWLINE, CC_LOWER, CC_UPPER, CC_LETTER, CC_DIGIT, CC_MARK, CC_PUNCT };

/* the class of each ASCII code point (lb_cc_of's rules for cp < 0x80) */
enum { CCA_SP = CC_SPACE, CCA_NL = CC_NEWLINE, CCA_LO = CC_LOWER, CCA_UP = CC_UPPER, CCA_DI = CC_DIGIT, CCA_PU = CC_PUNCT };
static const unsigned char lb_cc_ascii[128] = {
    CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_NL, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP,
    CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP, CCA_SP,
    CCA_SP, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU,
    CCA_DI, CCA_DI, CCA_DI, CCA_DI, CCA_DI, CCA_DI, CCA_DI, CCA_DI, CCA_DI, CCA_DI, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU,
    CCA_PU, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP,
    CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_UP, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_PU,
    CCA_PU, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO,
    CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_LO, CCA_PU, CCA_PU, CCA_PU, CCA_PU, CCA_SP,
};

static inline enum lb_cc lb_cc_of(int32_t cp)
{
    if (cp < 0x80) return (enum lb_cc)lb_cc_ascii[cp < 0 ? 0 : cp];
    if (cp == 0x00AD) return CC_MARK;                 /* soft hyphen: inside words */
    if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) return CC_NEWLINE;
    if (cp == 0x200B || cp == 0xFEFF || cp == 0x200E || cp == 0x200F) return CC_SPACE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return CC_UPPER;
    case UTF8PROC_CATEGORY_LL: return CC_LOWER;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return CC_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: return CC_MARK;
    case UTF8PROC_CATEGORY_ND: return CC_DIGIT;
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return CC_LETTER;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF: return CC_SPACE;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP: return CC_NEWLINE;
    default: return CC_PUNCT;
    }
}

static inline int lb_cc_wordlike(enum lb_cc c) { return c == CC_LOWER || c == CC_UPPER || c == CC_LETTER || c == CC_DIGIT || c == CC_MARK; }
static inline int lb_cc_letter(enum lb_cc c) { return c == CC_LOWER || c == CC_UPPER || c == CC_LETTER; }

/* Decodes the code point at s[i] (text is valid UTF-8); returns its length. */
static inline size_t lb_cp_at(const char *s, size_t n, size_t i, int32_t *cp)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { *cp = c; return 1; }
    size_t l = lb_utf8_decode(s + i, n - i, cp);
    if (*cp < 0) *cp = 0xFFFD;
    return l;
}
#endif
