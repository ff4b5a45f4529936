/* zeroed.h: zero-filled heap blocks whose pages are written at once, and
 * blocks on huge pages for large tables (lb_huge_block, not zero-filled), for
 * tables that are read before they are written (hash tables and caches whose
 * lookups probe empty slots). calloc may hand out fresh pages that the kernel
 * maps to its shared zero page on the first read; the first write to each
 * then faults again to copy it, and in a process with several threads that
 * second fault interrupts every other core to flush its TLB. Writing the
 * zeros ourselves makes each page one ordinary fault: in `ingest --jobs 2`
 * these copy faults were the largest part of 1.3 s of system time. */
#ifndef LB_CORE_ZEROED_H
#define LB_CORE_ZEROED_H
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* count * size zero bytes, every page written; NULL on overflow or no
 * memory. Free with free(). (malloc + memset would not do: compilers fold
 * that pair into calloc.) */
static inline void *lb_zeroed(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p) return NULL;
    volatile unsigned char *b = p;
    size_t n = (count ? count : 1) * (size ? size : 1);
    for (size_t i = 0; i < n; i += 4096) b[i] = 0;   /* a write fault per page, before any read */
    return p;
}

/* bytes zero bytes, every page written, for a table read in no order:
 * blocks of LB_HUGE_ALIGN or more start on that boundary and ask the kernel
 * for huge pages (a hint: with 4 KiB pages nearly every lookup in a table
 * of megabytes misses the TLB), smaller ones on a cache line. NULL when out
 * of memory. Free with free(). */
#define LB_HUGE_ALIGN ((size_t)2 << 20)
void *lb_zeroed_huge(size_t bytes);
/* bytes rounded up to whole huge pages when they fill half of one or more
 * (a table read all over, such as a tagger model's: one TLB entry instead of
 * hundreds; a huge page is only made for a whole one), else bytes. */
static inline size_t lb_huge_round(size_t bytes)
{
    if (bytes < LB_HUGE_ALIGN / 2 || bytes > SIZE_MAX - LB_HUGE_ALIGN) return bytes;
    return (bytes + LB_HUGE_ALIGN - 1) & ~(LB_HUGE_ALIGN - 1);
}
/* As lb_zeroed_huge, not zero-filled: for a block that is written whole
 * (a file read into it) before it is read. */
void *lb_huge_block(size_t bytes);
#endif
