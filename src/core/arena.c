/* arena.c: chunked bump allocator (see arena.h). Never prints or aborts;
 * allocation failure is reported as NULL to the caller. */
#include "core/arena.h"
#include "core/limits.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct lb_arena_chunk {
    lb_arena_chunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

void lb_arena_init(lb_arena *a) { a->head = NULL; a->used_total = 0; }

static lb_arena_chunk *chunk_new(size_t need)
{
    size_t size = need > LB_ARENA_CHUNK_BYTES ? need : LB_ARENA_CHUNK_BYTES;
    if (size > SIZE_MAX - sizeof(lb_arena_chunk)) return NULL;
    lb_arena_chunk *c = malloc(sizeof(lb_arena_chunk) + size);
    if (!c) return NULL;
    c->next = NULL; c->size = size; c->used = 0;
    return c;
}

void *lb_arena_alloc(lb_arena *a, size_t n)
{
    if (n == 0) n = 1;
    if (n > SIZE_MAX - 15) return NULL;
    n = (n + 15) & ~(size_t)15;
    lb_arena_chunk *c = a->head;
    if (!c || c->size - c->used < n) {
        lb_arena_chunk *fresh = chunk_new(n);
        if (!fresh) return NULL;
        if (c && n > LB_ARENA_CHUNK_BYTES / 4) {
            /* big block: keep the current chunk in front for small requests */
            fresh->next = c->next; c->next = fresh;
            fresh->used = n; a->used_total += n;
            return fresh->data;
        }
        fresh->next = c; a->head = c = fresh;
    }
    void *p = c->data + c->used;
    c->used += n; a->used_total += n;
    return p;
}

void *lb_arena_calloc(lb_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) return NULL;
    void *p = lb_arena_alloc(a, count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

char *lb_arena_strndup(lb_arena *a, const char *s, size_t n)
{
    if (n == SIZE_MAX) return NULL;
    char *p = lb_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void lb_arena_reset(lb_arena *a)
{
    lb_arena_chunk *keep = NULL, *c = a->head;
    while (c) {
        lb_arena_chunk *next = c->next;
        if (!keep && c->size == LB_ARENA_CHUNK_BYTES) { keep = c; keep->used = 0; keep->next = NULL; }
        else free(c);
        c = next;
    }
    a->head = keep; a->used_total = 0;
}

void lb_arena_fini(lb_arena *a)
{
    lb_arena_chunk *c = a->head;
    while (c) { lb_arena_chunk *next = c->next; free(c); c = next; }
    a->head = NULL; a->used_total = 0;
}

void lb_vec_init(lb_vec *v, size_t elem) { v->items = NULL; v->len = v->cap = 0; v->elem = elem; }

void *lb_vec_push(lb_vec *v, lb_arena *a)
{
    if (v->len == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 16;
        if (ncap < v->cap || (v->elem && ncap > SIZE_MAX / v->elem)) return NULL;
        void *n = lb_arena_alloc(a, ncap * v->elem);
        if (!n) return NULL;
        if (v->len) memcpy(n, v->items, v->len * v->elem);
        v->items = n; v->cap = ncap;
    }
    void *slot = (unsigned char *)v->items + v->len * v->elem;
    memset(slot, 0, v->elem);
    v->len++;
    return slot;
}
