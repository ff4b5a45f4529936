/* arena.h: a bump allocator, one per document, for tokens, spans and strings.
 * Everything allocated lives until lb_arena_reset/lb_arena_fini; there is no
 * per-object free. Not thread-safe; one arena belongs to one document. */
#ifndef LB_ARENA_H
#define LB_ARENA_H
#include <stddef.h>

typedef struct lb_arena_chunk lb_arena_chunk;
typedef struct lb_arena {
    lb_arena_chunk *head;   /* current chunk; older chunks follow ->next */
    size_t used_total;      /* bytes handed out since the last reset */
} lb_arena;

void lb_arena_init(lb_arena *a);
/* Returns 8-byte aligned memory of n bytes, or NULL when out of memory. */
void *lb_arena_alloc(lb_arena *a, size_t n);
/* Like lb_arena_alloc for count*size, NULL on overflow; memory is zeroed. */
void *lb_arena_calloc(lb_arena *a, size_t count, size_t size);
/* Copies n bytes and appends a NUL (for convenience, never relied upon). */
char *lb_arena_strndup(lb_arena *a, const char *s, size_t n);
/* Frees all but one chunk and makes everything allocated invalid. */
void lb_arena_reset(lb_arena *a);
void lb_arena_fini(lb_arena *a);

/* A growable array inside an arena: growth copies into a bigger block (the old
 * block is abandoned until reset). Amortised O(1), no malloc per element. */
typedef struct lb_vec {
    void *items;
    size_t len, cap, elem;
} lb_vec;
void lb_vec_init(lb_vec *v, size_t elem);
/* Returns a pointer to a new zeroed element at the end, NULL when out of memory. */
void *lb_vec_push(lb_vec *v, lb_arena *a);
#endif
