/* zeroed.c: blocks on huge pages for large tables, zero-filled or not (zeroed.h). */
#include "core/zeroed.h"
#include <sys/mman.h>

void *lb_huge_block(size_t bytes)
{
    void *p = NULL;
    int huge = bytes >= LB_HUGE_ALIGN;
    if (posix_memalign(&p, huge ? LB_HUGE_ALIGN : 64, bytes ? bytes : 1)) return NULL;
    if (huge) madvise(p, bytes, MADV_HUGEPAGE);   /* a hint: without it, 4 KiB pages */
    return p;
}

void *lb_zeroed_huge(size_t bytes)
{
    void *p = lb_huge_block(bytes);
    if (p) memset(p, 0, bytes);                   /* every page written before any read */
    return p;
}
