/* cache.c: the per-handle word-form cache of the morphology stage (cache.h):
 * the open-addressing table of forms and the blocks that hold the entries. */
#include "morph/cache.h"
#include "core/zeroed.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* size bytes of zero-filled memory mapped on a 2 MiB boundary and advised
 * for transparent huge pages when size is at least that (a hint; without
 * it, 4 KiB pages); NULL when out of memory. Its pages are made on first
 * use; munmap frees it. */
static void *map_zeroed(size_t size)
{
    const size_t align = LB_HUGE_ALIGN;
    if (size < align) {
        void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return p == MAP_FAILED ? NULL : p;
    }
    char *raw = mmap(NULL, size + align, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED) return NULL;
    char *p = (char *)(((uintptr_t)raw + align - 1) & ~(uintptr_t)(align - 1));
    if (p > raw) munmap(raw, (size_t)(p - raw));                       /* the mapping is [p, p + size) */
    munmap(p + size, align - (size_t)(p - raw));                       /* p < raw + align: a tail is always left */
    madvise(p, size, MADV_HUGEPAGE);
    return p;
}

/* A slot table of cap slots (zero: empty). Mapped, so that the table for
 * the most forms (lb_mc_new) costs only the pages its slots touch, and on
 * huge pages (lookups read all over it: +morph on the benchmark corpus 2%
 * faster than the table doubled from 4096 slots, whose copies were fresh
 * memory each time). */
static lb_mc_slot *table_new(size_t cap) { return map_zeroed(cap * sizeof(lb_mc_slot)); }

lb_morph_cache *lb_mc_new(size_t max_forms)
{
    lb_morph_cache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    lb_tag_shapes_init(&c->shapes);
    c->cap = 1 << 12;
    c->full_cap = c->cap;
    while (c->full_cap < max_forms * 2) c->full_cap *= 2;
    c->slot = table_new(c->cap);
    if (!c->slot) { free(c); return NULL; }
    return c;
}

static void free_blocks(lb_mc_block *b)
{
    while (b) { lb_mc_block *next = b->next; munmap(b, b->size); b = next; }
}

void lb_mc_free(lb_morph_cache *c)
{
    if (!c) return;
    free_blocks(c->used);
    free_blocks(c->spare);
    munmap(c->slot, c->cap * sizeof *c->slot);
    free(c);
}

void lb_mc_trim(lb_morph_cache *c, size_t max)
{
    if (c->count <= max) return;
    while (c->used) {                   /* blocks of the usual size are kept for reuse, bigger ones freed */
        lb_mc_block *b = c->used;
        c->used = b->next;
        if (b->size == LB_MC_BLOCK) { b->next = c->spare; c->spare = b; } else munmap(b, b->size);
    }
    c->cur = c->end = NULL;
    memset(c->slot, 0, c->cap * sizeof *c->slot);
    c->count = 0;
}

/* A block of size bytes (a multiple of LB_MC_BLOCK), NULL when out of
 * memory. Mapped, not malloc'ed: freed blocks go back to the system (glibc
 * takes blocks of this size from its heap once one was freed, and keeps
 * them: the peak RSS of a benchmark that made the cache three times grew
 * by 50 MB). On huge pages (map_zeroed): the decoder reads the entries of
 * a sentence's forms all over the cache, and with 4 KiB pages those loads
 * missed the TLB (+clauses on the benchmark corpus 0.93 -> 0.88 s). */
static lb_mc_block *block_new(size_t size)
{
    lb_mc_block *b = map_zeroed(size);
    if (b) b->size = size;
    return b;
}

/* Makes a block with room for n bytes on 64 the current one; -1 when out of memory. */
static int next_block(lb_morph_cache *c, size_t n)
{
    size_t head = (sizeof(lb_mc_block) + 63) & ~(size_t)63;
    if (n > SIZE_MAX / 2 - 2 * (size_t)LB_MC_BLOCK) return -1;
    size_t size = (n + head + LB_MC_BLOCK - 1) & ~(size_t)(LB_MC_BLOCK - 1);
    lb_mc_block *b;
    if (size == LB_MC_BLOCK && c->spare) { b = c->spare; c->spare = b->next; }
    else if (!(b = block_new(size))) return -1;
    b->next = c->used; c->used = b;
    c->cur = (char *)b + head; c->end = (char *)b + size;
    return 0;
}

void *lb_mc_alloc(lb_morph_cache *c, size_t n, size_t align)
{
    if (n > SIZE_MAX / 2) return NULL;
    uintptr_t p = ((uintptr_t)c->cur + (align - 1)) & ~(uintptr_t)(align - 1);
    if (!c->cur || p + n > (uintptr_t)c->end) {
        if (next_block(c, n)) return NULL;
        p = (uintptr_t)c->cur;          /* on 64 */
    }
    c->cur = (char *)(p + n);
    return (void *)p;
}

/* A bigger table: from the first one of 4096 slots (a document or two) at
 * once to the one for the most forms kept, beyond it twice the size. */
static int grow(lb_morph_cache *c)
{
    size_t ncap = c->cap < c->full_cap ? c->full_cap : c->cap * 2;
    lb_mc_slot *ns = table_new(ncap);
    if (!ns) return -1;
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->slot[i].e) continue;
        size_t j = c->slot[i].hash & (ncap - 1);
        while (ns[j].e) j = (j + 1) & (ncap - 1);
        ns[j] = c->slot[i];
    }
    munmap(c->slot, c->cap * sizeof *c->slot);
    c->slot = ns; c->cap = ncap;
    return 0;
}

lb_mc_entry *lb_mc_add(lb_morph_cache *c, const char *form, size_t n, uint32_t hash, int ncand, size_t extra,
                       void **extra_out)
{
    if (ncand < 0 || ncand > LB_MC_MAX_CAND || n > UINT32_MAX - 8 || extra > SIZE_MAX / 4) return NULL;
    if ((c->count + 1) * 2 > c->cap && grow(c)) return NULL;
    size_t k = (size_t)ncand, kc = (k + 3) & ~(size_t)3, kp = (k + 7) & ~(size_t)7;
    size_t body = lb_mc_form_size(n) + kc * sizeof(uint16_t) + kp + ((k * sizeof(int32_t) + 7) & ~(size_t)7);
    if (body > SIZE_MAX / 4) return NULL;
    lb_mc_entry *e = lb_mc_alloc(c, sizeof *e + body + ((extra + 7) & ~(size_t)7), 64);
    if (!e) return NULL;
    memset(e, 0, offsetof(lb_mc_entry, role));
    e->len = (uint32_t)n; e->ncand = (uint16_t)ncand;
    e->lk[0] = e->lk[1] = LB_MC_NONE;
    size_t ss_at = (size_t)((char *)lb_mc_sscore_at(e) - (char *)e);
    e->ss_at = ss_at <= UINT16_MAX ? (uint16_t)ss_at : 0;
    char *f = (char *)(e + 1);
    memcpy(f, form, n);
    memset(f + n, 0, lb_mc_form_size(n) - n);
    if (extra_out) *extra_out = lb_mc_recs(e);
    size_t i = hash & (c->cap - 1);
    while (c->slot[i].e) i = (i + 1) & (c->cap - 1);
    c->slot[i] = (lb_mc_slot){ hash, (uint32_t)n, e };
    c->count++;
    return e;
}
