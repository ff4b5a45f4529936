/* agree.h: agreement inside noun groups as a 24-bit mask, one bit per
 * combination of case (4), number (2) and gender (3) a word allows; a group's
 * mask is the intersection of its words' masks. Plural ignores gender.
 * Bit (case-1)*6 + (number-1)*3 + (gender-1): a case is a block of six bits,
 * singular its low three, plural its high three. Pure functions on feature
 * bits (inline: they run on every word of every group); no words, no state. */
#ifndef LB_SYNTAX_AGREE_H
#define LB_SYNTAX_AGREE_H
#include "doc.h"
#include <stdint.h>

#define SX_MASK_ALL   0xFFFFFFu
#define SX_MASK_SING  0x1C71C7u     /* the low three bits of every case */
#define SX_MASK_PLUR  0xE38E38u
#define SX_MASK_REPL  0x041041u     /* a 6-bit block times this: in all four cases */

/* every combination with these cases (bit case-1): a 6-bit block per case */
#define SX_CASE_ONLY(c) (((c) & 1u) * 0x3Fu | ((c) >> 1 & 1u) * 0xFC0u | ((c) >> 2 & 1u) * 0x3F000u | ((c) >> 3 & 1u) * 0xFC0000u)
static inline uint32_t sx_mask_case_only(uint32_t cases)
{
    static const uint32_t table[16] = {
        SX_CASE_ONLY(0u), SX_CASE_ONLY(1u), SX_CASE_ONLY(2u), SX_CASE_ONLY(3u), SX_CASE_ONLY(4u), SX_CASE_ONLY(5u),
        SX_CASE_ONLY(6u), SX_CASE_ONLY(7u), SX_CASE_ONLY(8u), SX_CASE_ONLY(9u), SX_CASE_ONLY(10u), SX_CASE_ONLY(11u),
        SX_CASE_ONLY(12u), SX_CASE_ONLY(13u), SX_CASE_ONLY(14u), SX_CASE_ONLY(15u) };
    return table[cases & 15u];
}

/* the combinations a word's features allow (all of them when it has none),
 * computed from Case (c), Number (n) and Gender (g); a constant expression,
 * for the table below */
#define SX_AGREE_SING(g)     ((g) == 0 ? 7u : (g) <= 3 ? 1u << ((g) - 1) : 0u)
#define SX_AGREE_BLOCK(n, g) (((n) == 0 || (n) == LB_NUMBER_SING ? SX_AGREE_SING(g) : 0u) | \
                              ((n) == 0 || (n) == LB_NUMBER_PLUR ? 070u : 0u))
#define SX_AGREE_OF(c, n, g) ((c) == 0 ? SX_AGREE_BLOCK(n, g) * SX_MASK_REPL : \
                              (c) <= 4 ? SX_AGREE_BLOCK(n, g) << (((c) - 1) * 6) : 0u)
/* ... of the low seven feature bits (Case, Number, Gender: doc.h) */
#define SX_AGREE_IX(i)   SX_AGREE_OF((i) & 7u, (i) >> 3 & 3u, (i) >> 5 & 3u)
#define SX_AGREE_4(i)    SX_AGREE_IX(i), SX_AGREE_IX((i) + 1), SX_AGREE_IX((i) + 2), SX_AGREE_IX((i) + 3)
#define SX_AGREE_16(i)   SX_AGREE_4(i), SX_AGREE_4((i) + 4), SX_AGREE_4((i) + 8), SX_AGREE_4((i) + 12)
#define SX_AGREE_64(i)   SX_AGREE_16(i), SX_AGREE_16((i) + 16), SX_AGREE_16((i) + 32), SX_AGREE_16((i) + 48)
_Static_assert(LB_CASE_SHIFT == 0 && LB_NUMBER_SHIFT == 3 && LB_GENDER_SHIFT == 5 && LB_GENDER_MASK == 3,
               "sx_agree_mask indexes its table by the low seven feature bits");

/* the combinations a word's features allow: one table load instead of the
 * branches of SX_AGREE_OF (it runs for every word of every group) */
static inline uint32_t sx_agree_mask(uint32_t feats)
{
    static const uint32_t table[128] = { SX_AGREE_64(0u), SX_AGREE_64(64u) };
    return table[feats & 127u];
}

/* bit (case-1) for each possible case: each 6-bit block ORed into its low
 * bit, then the four low bits (0, 6, 12, 18) gathered by one multiply into
 * bits 15..18 (the other products fall elsewhere and carry nothing) */
static inline uint32_t sx_mask_cases(uint32_t mask)
{
    uint32_t x = mask | mask >> 3;
    x |= x >> 1;
    x |= x >> 1;
    return ((x & SX_MASK_REPL) * 0x8421u) >> 15 & 15u;
}

/* bit (number-1) for each possible number */
static inline uint32_t sx_mask_numbers(uint32_t mask)
{
    return (uint32_t)((mask & SX_MASK_SING) != 0) | (uint32_t)((mask & SX_MASK_PLUR) != 0) << 1;
}

/* k when bits (< 16) has the single bit k-1, else 0 */
static inline uint32_t sx_unique_bit(uint32_t bits)
{
    return (0x0000000400030210ull >> (bits * 4)) & 15u;     /* 1 -> 1, 2 -> 2, 4 -> 3, 8 -> 4 */
}

/* the unique Case/Number/Gender of a mask as feats */
static inline uint32_t sx_feats_of_mask(uint32_t mask)
{
    uint32_t genders = mask | mask >> 12;       /* OR of the eight 3-bit groups */
    genders |= genders >> 6;
    genders |= genders >> 3;
    uint32_t c = sx_unique_bit(sx_mask_cases(mask)), n = sx_unique_bit(sx_mask_numbers(mask));
    uint32_t g = n == LB_NUMBER_SING ? sx_unique_bit(genders & 7u) : 0;
    return LB_FEAT(CASE, c) | LB_FEAT(NUMBER, n) | LB_FEAT(GENDER, g);
}
#endif
