/* dload.c: loads data/discourse/<lang>.cues (CLASS<TAB>forms) into the
 * stage's word sets; reports file:line for a malformed line. */
#include "discourse/discourse.h"
#include "discourse/dint.h"
#include "core/dictfile.h"
#include "text/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; uint32_t bit; } classes[] = {
    { "pron.m", DC_M }, { "pron.f", DC_F }, { "pron.n", DC_N }, { "pron.pl", DC_PL },
    { "per", DC_PER }, { "org", DC_ORG }, { "loc", DC_LOC },
    { "title.m", DC_TITLE_M }, { "title.f", DC_TITLE_F }, { "of", DC_OF },
    { "art.m", DC_ART_M }, { "art.f", DC_ART_F }, { "art.n", DC_ART_N },
    { "ally", DC_ALLY }, { "ally.code", DC_ALLY_CODE }, { "per.any", DC_PER_ANY },
    { "per.sex", DC_PER_SEX }, { "org.any", DC_ORG_ANY }, { "gov", DC_GOV } };

typedef struct { lb_wordset *set, *ends; uint32_t *maxhead; } load_ctx;

static int load_line(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    load_ctx *lc = user;
    lb_wordset *set = lc->set;
    if (l->nfields != 2) { snprintf(err, errlen, "expected CLASS<TAB>forms, got %zu fields", l->nfields); return 1; }
    uint32_t bit = 0;
    for (size_t k = 0; k < sizeof classes / sizeof classes[0]; k++)
        if (!strcmp(l->field[0], classes[k].name)) bit = classes[k].bit;
    if (!bit) { snprintf(err, errlen, "unknown class '%s'", l->field[0]); return 1; }
    const char *p = l->field[1], *end = p + l->flen[1], *w;
    for (size_t n; (n = lb_dict_next_word(&p, end, &w));) {
        char buf[LB_MAX_TOKEN_BYTES * 3];
        size_t m = lb_fold(buf, sizeof buf, w, n);
        if (!m) { snprintf(err, errlen, "word too long or empty: '%.*s'", (int)n, w); return 1; }
        uint32_t old = 0;
        if ((bit & DC_HEAD) && m > *lc->maxhead) *lc->maxhead = (uint32_t)m;
        lb_wordset_get(set, buf, m, &old);
        if (lb_wordset_put(set, buf, m, old | bit)) { snprintf(err, errlen, "out of memory"); return 1; }
        if ((bit & DC_HEAD) && m >= D_MIN_HEAD) {
            uint32_t lens = 0;   /* the lengths of the heads with this ending (d_head_len_bit) */
            lb_wordset_get(lc->ends, buf + m - D_HEAD_END, D_HEAD_END, &lens);
            if (lb_wordset_put(lc->ends, buf + m - D_HEAD_END, D_HEAD_END, lens | d_head_len_bit(m))) {
                snprintf(err, errlen, "out of memory");
                return 1;
            }
        }
    }
    return 0;
}

struct lb_discourse_rules *lb_discourse_new(void)
{
    struct lb_discourse_rules *r = calloc(1, sizeof *r);
    if (r) for (int k = 0; k < DL_N; k++) { lb_wordset_init(&r->words[k]); lb_wordset_init(&r->head_ends[k]); }
    return r;
}

int lb_discourse_load_file(struct lb_discourse_rules *r, int lang, const char *path, char *err, size_t errlen)
{
    if (lang < 0 || lang >= DL_N) { snprintf(err, errlen, "%s: bad language", path); return LB_EUSAGE; }
    load_ctx lc = { &r->words[lang], &r->head_ends[lang], &r->maxhead };
    return lb_dict_read(path, load_line, &lc, err, errlen);
}

int lb_discourse_load(struct lb_discourse_rules **out, const char *dir, char *err, size_t errlen)
{
    *out = NULL;
    struct lb_discourse_rules *r = lb_discourse_new();
    if (!r) return LB_ENOMEM;
    static const char *const files[DL_N] = { "de.cues", "en.cues" };
    for (int k = 0; k < DL_N; k++) {
        char path[4096];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, files[k]) >= sizeof path) {
            snprintf(err, errlen, "%s: path too long", dir);
            lb_discourse_free(r);
            return LB_EUSAGE;
        }
        int rc = lb_discourse_load_file(r, k, path, err, errlen);
        if (rc) { lb_discourse_free(r); return rc; }
    }
    *out = r;
    return LB_OK;
}

void lb_discourse_free(struct lb_discourse_rules *r)
{
    if (!r) return;
    for (int k = 0; k < DL_N; k++) { lb_wordset_fini(&r->words[k]); lb_wordset_fini(&r->head_ends[k]); }
    free(r);
}
