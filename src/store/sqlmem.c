/* sqlmem.c: SQLite's memory for a writer: an allocator that keeps the
 * block of the in-memory statement journal for the next savepoint. Every
 * put is a savepoint, and its journal is one block of LB_STORE_JOURNAL_BYTES (the spill size of
 * configure_sqlite, store.c) allocated at the savepoint's first page write
 * and freed at its release, i.e. once per stored document. The writer's
 * malloc arena is full of the 64 MiB page cache, so glibc put that block in
 * a fresh 64 MiB heap and unmapped the heap at the free: 233 mmap/munmap
 * pairs and some 20,000 page faults (first writes to fresh pages) in an
 * ingest of 3,862 documents, each munmap also interrupting the other core
 * to flush its TLB. Keeping one such block (its pages stay mapped) makes
 * the journal cost one pointer swap. Any other size passes through to
 * SQLite's own allocator; the kept block (4 MiB of address space, only its
 * used pages resident) is freed when a writing store closes and taken again
 * by the next journal.
 * The writer's arena then grows its heap page by page (glibc's thread heaps
 * grow by what is asked): 1,700 -> 12,500 mprotect calls, each cheaper than
 * an munmap with its TLB flush; page faults 110,000 -> 93,000, system time
 * 0.60 -> 0.55 s (means of three runs on a loaded machine). */
#include "store/store.h"
#include <stdatomic.h>

/* SQLite's journal block for a spill size: its chunk header (a next
 * pointer) in front of the data, rounded up to 8 bytes by its allocator.
 * Requests within JOURNAL_SLACK bytes above the spill size are taken for
 * it, so that a change of the header does not silently defeat the reuse. */
#define JOURNAL_SLACK 64
#define JOURNAL_HEADER 8   /* SQLite 3.40's FileChunk: sizeof 16, of which 8 are data */

static sqlite3_mem_methods sys_mem;
static _Atomic(void *) kept;   /* one journal block, or NULL */

static int is_journal_size(int n) { return n >= LB_STORE_JOURNAL_BYTES && n <= LB_STORE_JOURNAL_BYTES + JOURNAL_SLACK; }

static void *jm_malloc(int n)
{
    if (is_journal_size(n)) {
        void *p = atomic_exchange(&kept, NULL);
        if (p && sys_mem.xSize(p) >= n) return p;
        if (p) sys_mem.xFree(p);
    }
    return sys_mem.xMalloc(n);
}

static void jm_free(void *p)
{
    if (p && is_journal_size(sys_mem.xSize(p))) {
        void *none = NULL;
        if (atomic_compare_exchange_strong(&kept, &none, p)) return;
    }
    sys_mem.xFree(p);
}

static void *jm_realloc(void *p, int n) { return sys_mem.xRealloc(p, n); }
static int jm_size(void *p) { return sys_mem.xSize(p); }
static int jm_roundup(int n) { return sys_mem.xRoundup(n); }
static int jm_init(void *app) { return sys_mem.xInit(app); }
static void jm_shutdown(void *app)
{
    void *p = atomic_exchange(&kept, NULL);
    if (p) sys_mem.xFree(p);
    sys_mem.xShutdown(app);
}

void lb_store_sqlite_mem_release(void)
{
    void *p = atomic_exchange(&kept, NULL);
    if (p) sys_mem.xFree(p);   /* only set by the installed allocator */
}

void lb_store_sqlite_mem_install(void)
{
    static sqlite3_mem_methods mine = { jm_malloc, jm_free, jm_realloc, jm_size, jm_roundup, jm_init, jm_shutdown, NULL };
    if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sys_mem) != SQLITE_OK || !sys_mem.xMalloc) return;
    if (sqlite3_config(SQLITE_CONFIG_MALLOC, &mine) != SQLITE_OK) return;
    /* allocated here, by the thread that opens the first store, and not by
     * the writer: glibc maps a block this large on its own (its pages are
     * touched only when a journal needs them), outside the writer's arena,
     * whose heap then grows as before */
    atomic_store(&kept, sys_mem.xMalloc(LB_STORE_JOURNAL_BYTES + JOURNAL_HEADER));
}
