/* test_syntax_agree.c: the agreement-mask helpers of the clause layer
 * (src/syntax/agree.h: a table, a multiply that gathers bits, a packed
 * lookup of single bits) against plain definitions written out here, for
 * every feature combination and for a spread of masks. */
#include "test.h"
#include "syntax/agree.h"

/* the mask as a loop over (case, number, gender) readings */
static uint32_t ref_agree(uint32_t feats)
{
    uint32_t c = LB_FEAT_GET(feats, CASE), n = LB_FEAT_GET(feats, NUMBER), g = LB_FEAT_GET(feats, GENDER), m = 0;
    for (uint32_t cc = 1; cc <= 4; cc++)
        for (uint32_t nn = 1; nn <= 2; nn++)
            for (uint32_t gg = 1; gg <= 3; gg++) {
                int ok = (c == 0 || c == cc) && (n == 0 || n == nn) && (nn == 2 || g == 0 || g == gg);
                if (ok) m |= 1u << ((cc - 1) * 6 + (nn - 1) * 3 + (gg - 1));
            }
    return m;
}

static uint32_t ref_cases(uint32_t mask)
{
    uint32_t c = 0;
    for (int k = 0; k < 4; k++) if (mask >> (6 * k) & 0x3Fu) c |= 1u << k;
    return c;
}

static uint32_t ref_unique(uint32_t bits)
{
    return __builtin_popcount(bits) == 1 ? (uint32_t)__builtin_ctz(bits) + 1 : 0;
}

static uint32_t ref_feats(uint32_t mask)
{
    uint32_t genders = 0, nums = 0;
    for (int b = 0; b < 24; b++)
        if (mask >> b & 1u) { genders |= 1u << (b % 3); nums |= 1u << ((b % 6) / 3); }
    uint32_t c = ref_unique(ref_cases(mask)), n = ref_unique(nums);
    uint32_t g = n == LB_NUMBER_SING ? ref_unique(genders) : 0;
    return LB_FEAT(CASE, c) | LB_FEAT(NUMBER, n) | LB_FEAT(GENDER, g);
}

static void agree_table(void)
{
    int bad = 0;
    for (uint32_t f = 0; f < 128; f++) {
        /* case values above 4 and unknown bits elsewhere: no combination, or ignored */
        uint32_t want = LB_FEAT_GET(f, CASE) > 4 ? 0 : ref_agree(f);
        if (sx_agree_mask(f) != want || sx_agree_mask(f | 1u << 20) != want) bad++;
    }
    CHECK_INT(bad, 0);
    CHECK_INT(sx_agree_mask(LB_FEAT(CASE, LB_CASE_NOM) | LB_FEAT(NUMBER, LB_NUMBER_SING) | LB_FEAT(GENDER, LB_GENDER_MASC)), 1);
    CHECK_INT(sx_agree_mask(0), SX_MASK_ALL);
}

static void mask_bits(void)
{
    int bad_cases = 0, bad_feats = 0;
    /* every single bit and pair of bits, then a stride through all masks */
    for (uint32_t a = 0; a < 24; a++)
        for (uint32_t b = 0; b < 24; b++) {
            uint32_t m = 1u << a | 1u << b;
            bad_cases += sx_mask_cases(m) != ref_cases(m);
            bad_feats += sx_feats_of_mask(m) != ref_feats(m);
        }
    for (uint32_t m = 0; m <= SX_MASK_ALL; m += 4099) {
        bad_cases += sx_mask_cases(m) != ref_cases(m);
        bad_feats += sx_feats_of_mask(m) != ref_feats(m);
    }
    CHECK_INT(bad_cases, 0);
    CHECK_INT(bad_feats, 0);
    for (uint32_t b = 0; b < 16; b++) CHECK_INT(sx_unique_bit(b), ref_unique(b));
    CHECK_INT(sx_mask_cases(0xFC0u), 2);           /* accusative only */
    CHECK_INT(sx_feats_of_mask(1u << 6), LB_FEAT(CASE, LB_CASE_ACC) | LB_FEAT(NUMBER, LB_NUMBER_SING) |
                                         LB_FEAT(GENDER, LB_GENDER_MASC));
}

int main(void)
{
    agree_table();
    mask_bits();
    return TEST_END();
}
