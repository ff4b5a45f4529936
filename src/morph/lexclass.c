/* lexclass.c: lexicon readings as tagger classes (lexclass.h). */
#include "morph/lexclass.h"
#include "morph/lemmas.h"
#include "morph/lexicon_int.h"
#include <stdlib.h>

int lb_lx_readings(const lb_lexicon *lx, const char *form, size_t n, lb_reading *out, int max,
                   char *buf, size_t cap, int *known)
{
    unsigned char c = (unsigned char)form[0];
    int upper = (c >= 'A' && c <= 'Z') || (c == 0xC3 && n > 1 && (unsigned char)form[1] >= 0x80 && (unsigned char)form[1] <= 0x9E);
    char low[256];
    uint64_t hlow = 0;
    if (upper && n <= 255 && lx) {              /* looked up next: its first reads start now */
        lb_lower_latin(low, form, n);
        hlow = lbx_hash(low, n);
        lbx_prefetch(lx, hlow);
    }
    int k = 0;
    if (lx && lx->n_forms) k = lbx_readings(lx, lbx_find(lx, form, n, lbx_hash(form, n)), out, max);
    if (k > max) k = max;
    if (upper && n <= 255 && lx && k < max) {   /* lb_lexicon_lookup of low, its hash made once */
        int j = lbx_readings(lx, lbx_find(lx, low, n, hlow), out + k, max - k);
        k += j > max - k ? max - k : j;
    }
    *known = k > 0;
    if (k) return k;
    k = lbx_guess(lx, form, n, out, max, buf, cap, upper && n <= 255 ? low : NULL);   /* low: looked up, none */
    if (k > max) k = max;
    for (int i = 0; i < k; i++) if (out[i].guessed == 1) *known = 1;   /* a known compound head is as good */
    return k;
}

int lb_lx_class(const lb_tagmodel *m, const lb_reading *r)
{
    int c = lb_tagmodel_class(m, r->upos, r->feats);
    return c >= 0 ? c : lb_tagmodel_class(m, r->upos, 0);
}

int lb_lx_classes(const lb_tagmodel *m, const lb_reading *r, int nr, uint16_t *out)
{
    return lb_lx_classes_each(m, r, nr, out, NULL);
}

int lb_lx_classes_each(const lb_tagmodel *m, const lb_reading *r, int nr, uint16_t *out, int16_t *each)
{
    return lb_lx_classes_map(m, NULL, r, nr, out, each);
}

int16_t *lb_lx_tag_classes(const lb_tagmodel *m, const lb_lexicon *lx)
{
    uint32_t n = lb_lexicon_tag_count(lx);
    int16_t *map = n ? malloc(2 * (size_t)n * sizeof *map) : NULL;
    for (uint32_t t = 0; map && t < n; t++) {
        lb_reading r = { .upos = 0 };
        int upos;
        lb_lexicon_tag(lx, t, &upos, &r.feats);
        r.upos = (uint8_t)upos;
        map[2 * t] = (int16_t)lb_tagmodel_class(m, r.upos, r.feats);
        map[2 * t + 1] = (int16_t)lb_lx_class(m, &r);
    }
    return map;
}

int lb_lx_classes_map(const lb_tagmodel *m, const int16_t *map, const lb_reading *r, int nr, uint16_t *out,
                      int16_t *each)
{
    uint64_t bits[4] = { 0, 0, 0, 0 };          /* the classes as a set (LB_TAG_MAX_CLASSES < 256) */
    for (int i = 0; i < nr; i++) {
        int c, any;
        if (map && r[i].tag) { c = map[2 * (r[i].tag - 1)]; any = map[2 * (r[i].tag - 1) + 1]; }
        else {
            c = lb_tagmodel_class(m, r[i].upos, r[i].feats);
            any = !each || c >= 0 ? c : lb_tagmodel_class(m, r[i].upos, 0);
        }
        if (each) each[i] = (int16_t)any;
        if (c >= 0) lb_class_set_add(bits, (unsigned)c);
    }
    return lb_class_set_list(bits, out);
}
