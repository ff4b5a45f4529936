/* errcap.c: caps the messages about malformed records per input file, so
 * that a small hostile file (a gzip of a million broken lines) cannot flood
 * the terminal or a log: the first LB_CLI_ERRORS_PER_FILE are shown, the rest
 * are counted and reported as one line when the next file starts or at the end. */
#include "cli/cli.h"
#include <pthread.h>
#include <string.h>

#define LB_CLI_ERRORS_PER_FILE 20

static pthread_mutex_t cap_mu = PTHREAD_MUTEX_INITIALIZER;
static char cap_file[512];
static size_t cap_count;
static char cap_prefix[64];

/* The file a reader message is about: "path:LINE: ..." or "path: ..." -> path. */
static size_t file_key(const char *msg)
{
    const char *cs = strstr(msg, ": ");
    size_t n = cs ? (size_t)(cs - msg) : strlen(msg);
    size_t d = n;
    while (d > 0 && msg[d - 1] >= '0' && msg[d - 1] <= '9') d--;
    if (d < n && d > 0 && msg[d - 1] == ':') n = d - 1;
    return n;
}

static void flush_locked(FILE *out, const char *raw_prefix)
{
    if (cap_count > LB_CLI_ERRORS_PER_FILE)
        lb_cli_msg(out, raw_prefix, "%s%s: %zu more error(s) not shown", cap_prefix, cap_file,
                   cap_count - LB_CLI_ERRORS_PER_FILE);
    cap_count = 0;
    cap_file[0] = '\0';
}

void lb_cli_reader_error(FILE *out, const char *raw_prefix, const char *prefix, const char *msg)
{
    pthread_mutex_lock(&cap_mu);
    size_t n = file_key(msg);
    if (n >= sizeof cap_file) n = sizeof cap_file - 1;
    if (strlen(cap_file) != n || memcmp(cap_file, msg, n)) {
        flush_locked(out, raw_prefix);
        memcpy(cap_file, msg, n);
        cap_file[n] = '\0';
    }
    snprintf(cap_prefix, sizeof cap_prefix, "%s", prefix);
    if (++cap_count <= LB_CLI_ERRORS_PER_FILE) lb_cli_msg(out, raw_prefix, "%s%s", prefix, msg);
    pthread_mutex_unlock(&cap_mu);
}

void lb_cli_reader_error_flush(FILE *out, const char *raw_prefix)
{
    pthread_mutex_lock(&cap_mu);
    flush_locked(out, raw_prefix);
    pthread_mutex_unlock(&cap_mu);
}
