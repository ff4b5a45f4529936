/* fuzz_lexicon.c: libFuzzer target for the compiled lexicon loader
 * (src/morph/lexicon.c). The input is the whole file, validated from an
 * exact-size heap copy (so that ASan sees any read past its end) and, every
 * so often, through the file path (mmap). Loading must either succeed or fail
 * with "file: offset N: problem", never crash, read out of bounds or leak.
 * When it loads, lookups and guesses of a few words run and every reading's
 * lemma is read byte by byte. */
#include "../../src/morph/lexicon_int.h"
#include "lagebild.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond) do { if (!(cond)) { \
    fprintf(stderr, "fuzz invariant failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); abort(); } } while (0)

static unsigned touch(const lb_reading *r, int n)
{
    unsigned sum = 0;
    for (int i = 0; i < n; i++)
        for (uint32_t j = 0; j < r[i].lemma_len; j++) sum += (unsigned char)r[i].lemma[j];
    return sum;
}

static void exercise(const lb_lexicon *lx)
{
    static const char *const words[] = { "die", "Häuser", "zum", "ging", "Waffenlieferungen",
        "Nato-Gipfel", "umweltfreundlichen", "Blorfungen", "a", "", "1990", "Xx-" };
    lb_reading rs[32];
    char buf[512];
    volatile unsigned sink = 0;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        size_t n = strlen(words[i]);
        int k = lb_lexicon_lookup(lx, words[i], n, rs, 32);
        CHECK(k >= 0);
        sink += touch(rs, k < 32 ? k : 32);
        k = lb_lexicon_guess(lx, words[i], n, rs, 32, buf, sizeof buf);
        CHECK(k >= 0 && k <= 32);
        sink += touch(rs, k);
    }
    (void)sink;
}

static void check_result(int rc, lb_lexicon *lx, const char *err)
{
    if (rc == LB_OK) {
        CHECK(lx != NULL);
        exercise(lx);
    } else {
        CHECK(lx == NULL && rc == LB_EDATA && strstr(err, ": offset ") != NULL);
    }
    lb_lexicon_free(lx);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unsigned calls;
    char err[512] = "";
    uint8_t *copy = malloc(size ? size : 1);
    CHECK(copy != NULL);
    memcpy(copy, data, size);
    lb_lexicon *lx = NULL;
    int rc = lbx_open_memory(&lx, copy, size, "fuzz.lex", err, sizeof err);
    check_result(rc, lx, err);
    free(copy);
    if (calls++ % 16) return 0;
    int fd = memfd_create("fuzz_lexicon", 0);
    CHECK(fd >= 0);
    CHECK(write(fd, data, size) == (ssize_t)size);
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    lx = NULL;
    rc = lb_lexicon_load(&lx, path, err, sizeof err);
    check_result(rc, lx, err);
    close(fd);
    return 0;
}
