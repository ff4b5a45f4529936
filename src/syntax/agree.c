/* agree.c: agreement inside noun groups as a 24-bit mask, one bit per
 * combination of case (4), number (2) and gender (3) a word allows; a group's
 * mask is the intersection of its words' masks. Plural ignores gender.
 * Pure functions on feature bits; no words, no state. */
#include "internal.h"

#define ONE(c, n, g) (1u << (((c) - 1) * 6 + ((n) - 1) * 3 + ((g) - 1)))

static uint32_t all_mask(void) { return (1u << 24) - 1; }

uint32_t sx_mask_case_only(uint32_t cases)
{
    uint32_t m = 0;
    for (int c = 1; c <= 4; c++)
        if (cases & (1u << (c - 1))) m |= 63u << ((c - 1) * 6);
    return m;
}

uint32_t sx_agree_mask(uint32_t feats)
{
    int c = (int)LB_FEAT_GET(feats, CASE), n = (int)LB_FEAT_GET(feats, NUMBER), g = (int)LB_FEAT_GET(feats, GENDER);
    if (!c && !n && !g) return all_mask();
    uint32_t m = 0;
    for (int ci = 1; ci <= 4; ci++) {
        if (c && c != ci) continue;
        for (int ni = 1; ni <= 2; ni++) {
            if (n && n != ni) continue;
            for (int gi = 1; gi <= 3; gi++)
                if (!g || g == gi || ni == LB_NUMBER_PLUR) m |= ONE(ci, ni, gi);
        }
    }
    return m;
}

uint32_t sx_mask_cases(uint32_t mask)
{
    uint32_t r = 0;
    for (int c = 0; c < 4; c++)
        if (mask & (63u << (c * 6))) r |= 1u << c;
    return r;
}

uint32_t sx_mask_numbers(uint32_t mask)
{
    uint32_t r = 0;
    for (int c = 0; c < 4; c++) {
        if (mask & (7u << (c * 6))) r |= 1;
        if (mask & (7u << (c * 6 + 3))) r |= 2;
    }
    return r;
}

static int unique_bit(uint32_t bits)
{
    if (!bits || (bits & (bits - 1))) return 0;
    int k = 1;
    while (!(bits & 1)) { bits >>= 1; k++; }
    return k;
}

uint32_t sx_feats_of_mask(uint32_t mask)
{
    uint32_t f = 0, genders = 0;
    int c = unique_bit(sx_mask_cases(mask)), n = unique_bit(sx_mask_numbers(mask));
    for (int i = 0; i < 8; i++) genders |= (mask >> (i * 3)) & 7u;
    if (c) f |= LB_FEAT(CASE, c);
    if (n) f |= LB_FEAT(NUMBER, n);
    if (n == LB_NUMBER_SING && unique_bit(genders)) f |= LB_FEAT(GENDER, unique_bit(genders));
    return f;
}
