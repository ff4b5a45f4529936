/* sigindex.c: builds the signature front of a word set (see sigindex.h). */
#include "text/sigindex.h"
#include <stdlib.h>
#include <string.h>

enum { NSIG = 4096 };

int lb_sigindex_build(lb_sigindex *x, const lb_wordset *set)
{
    memset(x, 0, sizeof *x);
    x->set = set;
    x->one = calloc(NSIG, sizeof *x->one);
    unsigned char *count = calloc(NSIG, 1);
    if (!x->one || !count) { free(count); lb_sigindex_free(x); return -1; }
    uint32_t tag, len, value;
    const char *key;
    for (size_t i = 0; i < set->cap; i++) {
        if (!lb_wordset_slot(set, i, &tag, &key, &len, &value) || !len) continue;
        unsigned b = lb_sig_of(key, len);
        if (len > x->maxlen) x->maxlen = len;
        x->bits[b >> 6] |= (uint64_t)1 << (b & 63);
        if (count[b] < 2) count[b]++;
        x->one[b] = (lb_sig_entry){ count[b] == 1 ? key : NULL, len, value };
    }
    free(count);
    return 0;
}

void lb_sigindex_free(lb_sigindex *x)
{
    free(x->one);
    x->one = NULL;
    x->set = NULL;
    x->maxlen = 0;
}
