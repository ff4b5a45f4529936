/* fuzz_walk.c: libFuzzer target for the directory walker: the input is a
 * program that builds a tree in a temp dir (directories, files with a few
 * bytes, symlinks to a parent, to itself, to a sibling, dangling ones,
 * unreadable directories), which lb_reader then reads to the end. Invariants:
 * the walk ends (symlink loops are skipped), every document or error comes
 * with an origin, and no more documents come than files were made (each
 * file reached at most once per path, loops cut). */
#include "fuzz_common.h"
#include <errno.h>
#include <ftw.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char root[256];

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st; (void)flag; (void)ftw;
    chmod(path, 0700);
    return remove(path);
}

static void clear_tree(void)
{
    chmod(root, 0700);
    nftw(root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void cleanup(void) { clear_tree(); }

/* Builds the tree: each op byte, with its operand byte, acts on the current directory. */
static size_t build(const uint8_t *data, size_t size)
{
    char cur[1024], path[1200];
    snprintf(cur, sizeof cur, "%s/t", root);
    FUZZ_CHECK(mkdir(cur, 0700) == 0);
    size_t files = 0, depth = 0;
    static const char *const exts[] = { ".txt", ".jsonl", ".html", "", ".gz", ".warc" };
    for (size_t i = 0; i + 1 < size && i < 256; i += 2) {
        unsigned op = data[i] % 7, arg = data[i + 1];
        snprintf(path, sizeof path, "%s/n%u%s", cur, arg % 8, exts[(arg >> 3) % 6]);
        if (op == 0 && depth < 12 && mkdir(path, 0700) == 0) { snprintf(cur, sizeof cur, "%s", path); depth++; }
        else if (op == 1) {
            FILE *fp = fopen(path, "wb");
            if (fp) { fprintf(fp, arg & 64 ? "{\"id\":\"x%u\",\"text\":\"Wort.\"}\n" : "Wort %u.\n", arg); fclose(fp); files++; }
        } else if (op == 2) (void)!symlink(".", path);
        else if (op == 3) (void)!symlink("..", path);
        else if (op == 4) (void)!symlink(arg & 1 ? "../n0" : "/nonexistent-lb", path);   /* a sibling or dangling */
        else if (op == 5 && depth > 0) { char *s = strrchr(cur, '/'); *s = '\0'; depth--; }
        else if (op == 6 && depth > 0 && (arg & 7) == 0) chmod(cur, 0300);
    }
    return files;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!root[0]) {
        snprintf(root, sizeof root, "%s/lb-fuzz-walk.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
        FUZZ_CHECK(mkdtemp(root) != NULL);
        atexit(cleanup);
    }
    char top[300];
    snprintf(top, sizeof top, "%s/t", root);
    size_t files = build(data, size);
    lb_reader *r = NULL;
    FUZZ_CHECK(lb_reader_new(&r, LB_FORMAT_AUTO) == LB_OK);
    FUZZ_CHECK(lb_reader_add(r, top) == LB_OK);
    lb_input in;
    int rc;
    size_t docs = 0, steps = 0;
    while ((rc = lb_reader_next(r, &in)) != LB_DONE) {
        FUZZ_CHECK(++steps < 100000);
        if (rc == LB_OK) { docs++; FUZZ_CHECK(in.origin != NULL); }
        else FUZZ_CHECK(rc < 0);
    }
    /* through links a file may be reached on more than one path, never endlessly */
    FUZZ_CHECK(docs <= files * 64 + 64);
    lb_reader_free(r);
    /* remove the tree (also inside directories made unreadable) */
    char cmdroot[300];
    snprintf(cmdroot, sizeof cmdroot, "%s", root);
    clear_tree();
    FUZZ_CHECK(mkdir(cmdroot, 0700) == 0 || errno == EEXIST);
    return 0;
}
