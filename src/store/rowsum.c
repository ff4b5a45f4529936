/* rowsum.c: the event-id set and the JSON string writer of the store's
 * summing paths (rowsum.h). */
#include "store/rowsum.h"
#include <stdlib.h>

static size_t id_slot(int64_t id, size_t cap) { return (size_t)(((uint64_t)id * 0x9E3779B97F4A7C15ull) >> 20) & (cap - 1); }

static int grow(lb_idset *t)
{
    size_t nc = t->cap ? t->cap * 2 : 4096;
    int64_t *s = calloc(nc, sizeof *s);
    if (!s) return -1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slot[i]) {
            size_t j = id_slot(t->slot[i] - 1, nc);
            while (s[j]) j = (j + 1) & (nc - 1);
            s[j] = t->slot[i];
        }
    free(t->slot);
    t->slot = s; t->cap = nc;
    return 0;
}

int lb_idset_add(lb_idset *t, int64_t id)
{
    if (2 * (t->n + 1) > t->cap && grow(t)) return -1;
    size_t j = id_slot(id, t->cap);
    for (; t->slot[j]; j = (j + 1) & (t->cap - 1))
        if (t->slot[j] == id + 1) return 0;
    t->slot[j] = id + 1;
    t->n++;
    return 1;
}

void lb_idset_free(lb_idset *t)
{
    free(t->slot);
    t->slot = NULL; t->n = t->cap = 0;
}

int lb_rowsum_json_str(lb_buf *b, const char *s)
{
    int bad = lb_buf_addc(b, '"');
    for (; *s && !bad; s++) {
        if (*s == '"' || *s == '\\') bad |= lb_buf_addc(b, '\\');
        if ((unsigned char)*s < 0x20) bad |= lb_buf_printf(b, "\\u%04x", (unsigned char)*s);
        else bad |= lb_buf_addc(b, *s);
    }
    return bad | lb_buf_addc(b, '"');
}
