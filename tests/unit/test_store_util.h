/* test_store_util.h: helpers the store's unit tests share. */
#ifndef LB_TEST_STORE_UTIL_H
#define LB_TEST_STORE_UTIL_H
#include <stdio.h>
#include <unistd.h>

/* Removes a database file with its WAL and shared-memory files. */
static inline void remove_db(const char *path)
{
    char p[300];
    unlink(path);
    snprintf(p, sizeof p, "%s-wal", path); unlink(p);
    snprintf(p, sizeof p, "%s-shm", path); unlink(p);
}
#endif
