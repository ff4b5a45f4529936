/* test_reader.c: unit tests of the input reader: text files, JSONL, gzip,
 * directories, and the per-item errors that let a batch go on. */
#include "test.h"
#include "lagebild.h"
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static char dir[] = "/tmp/lb_test_readerXXXXXX";

static void put(const char *name, const char *s, size_t n)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    fwrite(s, 1, n, f);
    fclose(f);
}

static void put_gz(const char *name, const char *s, size_t n, size_t truncate_to)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    gzFile g = gzopen(path, "wb");
    gzwrite(g, s, (unsigned)n);
    gzclose(g);
    if (truncate_to) CHECK_INT(truncate(path, (off_t)truncate_to), 0);
}

static char *path_of(const char *name)
{
    static char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    return p;
}

static void test_text_and_jsonl(void)
{
    put("a.txt", "Erster Artikel.", 15);
    const char jl[] =
        "{\"id\":\"j1\",\"text\":\"Eins.\",\"date\":\"2023-03-23\",\"lang\":\"de\",\"source\":\"x.de\"}\n"
        "\n"
        "{\"id\":\"j2\",\"text\":\"Zwei\"\n"                /* malformed: unterminated */
        "{\"text\":\"ohne id\"}\n"
        "[1,2]\n"
        "{\"id\":7,\"text\":\"Sieben mit \\u0000 NUL.\"}\n"
        "{\"id\":\"h\",\"html\":\"<p>x</p>\"}\n"
        "{\"id\":\"bad\xFF\",\"text\":\"kaputtes \xC3 UTF-8\"}\n"
        "{\"id\":\"last\",\"text\":\"Letzter.\"}";       /* no final newline */
    put("b.jsonl", jl, sizeof jl - 1);
    lb_reader *r;
    CHECK_INT(lb_reader_new(&r, LB_FORMAT_AUTO), LB_OK);
    lb_reader_add(r, path_of("a.txt"));
    lb_reader_add(r, path_of("b.jsonl"));
    lb_reader_add(r, path_of("missing.txt"));
    lb_input in;
    CHECK_INT(lb_reader_next(r, &in), LB_OK);
    CHECK_SPAN(in.id, 0, in.id_len, "a");
    CHECK_SPAN(in.text, 0, in.text_len, "Erster Artikel.");
    CHECK_INT(lb_reader_next(r, &in), LB_OK);
    CHECK_SPAN(in.id, 0, in.id_len, "j1");
    CHECK_SPAN(in.date, 0, in.date_len, "2023-03-23");
    CHECK_SPAN(in.source, 0, in.source_len, "x.de");
    CHECK(strstr(in.origin, "b.jsonl:1") != NULL);
    CHECK_INT(lb_reader_next(r, &in), LB_EINPUT);
    CHECK(strstr(lb_reader_errmsg(r), "b.jsonl:3: malformed JSON") != NULL);
    CHECK_INT(lb_reader_next(r, &in), LB_EINPUT);
    CHECK(strstr(lb_reader_errmsg(r), "b.jsonl:4: missing or non-string \"id\"") != NULL);
    CHECK_INT(lb_reader_next(r, &in), LB_EINPUT);
    CHECK(strstr(lb_reader_errmsg(r), ":5: a line must hold a JSON object") != NULL);
    CHECK_INT(lb_reader_next(r, &in), LB_OK);
    CHECK_SPAN(in.id, 0, in.id_len, "7");
    CHECK_INT(in.text_len, strlen("Sieben mit ") + 1 + strlen(" NUL."));   /* NUL kept by length */
    CHECK_INT(lb_reader_next(r, &in), LB_OK);           /* an HTML page */
    CHECK_SPAN(in.id, 0, in.id_len, "h");
    CHECK_INT(in.is_html, 1);
    CHECK_INT(lb_reader_next(r, &in), LB_OK);           /* invalid UTF-8 repaired */
    CHECK_INT(in.repaired, 2);
    CHECK_SPAN(in.text, 0, in.text_len, "kaputtes \xEF\xBF\xBD UTF-8");
    CHECK_INT(lb_reader_next(r, &in), LB_OK);
    CHECK_SPAN(in.id, 0, in.id_len, "last");
    CHECK_INT(lb_reader_next(r, &in), LB_EIO);
    CHECK(strstr(lb_reader_errmsg(r), "missing.txt: cannot open") != NULL);
    CHECK_INT(lb_reader_next(r, &in), LB_DONE);
    CHECK_INT(lb_reader_next(r, &in), LB_DONE);
    lb_reader_free(r);
}

static void test_gzip_and_dirs(void)
{
    char sub[600];
    snprintf(sub, sizeof sub, "%s/d", dir);
    mkdir(sub, 0755);
    const char jl[] = "{\"id\":\"g1\",\"text\":\"Gepackt eins.\"}\n{\"id\":\"g2\",\"text\":\"Gepackt zwei.\"}\n";
    put_gz("d/c.jsonl.gz", jl, sizeof jl - 1, 0);
    put_gz("d/t.txt.gz", "Text im Archiv.", 15, 0);
    put("d/notes.md", "# not an article", 16);
    put("d/.hidden.txt", "hidden", 6);
    /* truncated gzip: a long JSONL file cut in the middle */
    char big[20000];
    size_t n = 0;
    for (int i = 0; n + 100 < sizeof big; i++)
        n += (size_t)snprintf(big + n, sizeof big - n, "{\"id\":\"z%d\",\"text\":\"Zeile %d mit etwas Text %d.\"}\n", i, i, i * 7919);
    put_gz("d/z.jsonl.gz", big, n, 600);
    lb_reader *r;
    lb_reader_new(&r, LB_FORMAT_AUTO);
    lb_reader_add(r, sub);
    lb_input in;
    CHECK_INT(lb_reader_next(r, &in), LB_OK);
    CHECK_SPAN(in.id, 0, in.id_len, "g1");
    CHECK_INT(lb_reader_next(r, &in), LB_OK);
    CHECK_SPAN(in.id, 0, in.id_len, "g2");
    CHECK_INT(lb_reader_next(r, &in), LB_OK);
    CHECK_SPAN(in.id, 0, in.id_len, "t");
    CHECK_SPAN(in.text, 0, in.text_len, "Text im Archiv.");
    /* the truncated archive: some lines, then a clear error, then the end */
    int ok = 0, rc;
    while ((rc = lb_reader_next(r, &in)) == LB_OK) ok++;
    CHECK(ok >= 1);
    CHECK(rc == LB_EIO || rc == LB_EINPUT);
    CHECK(strstr(lb_reader_errmsg(r), "z.jsonl.gz") != NULL);
    while ((rc = lb_reader_next(r, &in)) != LB_DONE) CHECK(rc != LB_OK);
    lb_reader_free(r);
}

static void test_forced_format(void)
{
    put("e.jsonl", "{\"id\":\"x\",\"text\":\"y\"}\n", 22);
    lb_reader *r;
    lb_reader_new(&r, LB_FORMAT_TEXT);               /* --format text: the file is one article */
    lb_reader_add(r, path_of("e.jsonl"));
    lb_input in;
    CHECK_INT(lb_reader_next(r, &in), LB_OK);
    CHECK_INT(in.text_len, 22);
    CHECK_INT(lb_reader_next(r, &in), LB_DONE);
    lb_reader_free(r);
    lb_reader_free(NULL);
}

/* Walks dir/name and counts the documents read and the items that failed
 * with a message containing needle. */
static void walk_counts(const char *name, int *docs, int *warned, const char *needle)
{
    lb_reader *r;
    lb_reader_new(&r, LB_FORMAT_AUTO);
    lb_reader_add(r, path_of(name));
    lb_input in;
    int rc;
    *docs = *warned = 0;
    while ((rc = lb_reader_next(r, &in)) != LB_DONE) {
        if (rc == LB_OK) (*docs)++;
        else if (strstr(lb_reader_errmsg(r), needle)) (*warned)++;
    }
    lb_reader_free(r);
}

/* Symbolic links back to a directory of the walk are skipped with a message
 * (before: a link to the parent read every file once per nesting level). */
static void test_symlink_loops(void)
{
    char p[600], q[600];
    snprintf(p, sizeof p, "%s/loop", dir); mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/loop/sub", dir); mkdir(p, 0755);
    put("loop/a.txt", "Eins.", 5);
    put("loop/sub/b.txt", "Zwei.", 5);
    snprintf(p, sizeof p, "%s/loop/sub/up", dir);
    CHECK_INT(symlink("..", p), 0);
    int docs, warned;
    walk_counts("loop", &docs, &warned, "visited already");
    CHECK_INT(docs, 2);
    CHECK_INT(warned, 1);
    snprintf(p, sizeof p, "%s/self", dir); mkdir(p, 0755);
    put("self/c.txt", "Drei.", 5);
    snprintf(p, sizeof p, "%s/self/again", dir);
    CHECK_INT(symlink(".", p), 0);
    /* a second link to the same directory: its files are read once */
    snprintf(q, sizeof q, "%s/self/zz", dir);
    CHECK_INT(symlink("../loop/sub", q), 0);
    snprintf(q, sizeof q, "%s/self/zy", dir);
    CHECK_INT(symlink("../loop/sub", q), 0);
    walk_counts("self", &docs, &warned, "visited already");
    CHECK_INT(docs, 3);        /* c.txt, sub/b.txt, sub/up/a.txt (the link leads out of self) */
    CHECK_INT(warned, 3);      /* again, zz (= zy), sub/up/sub */
}

/* Progress in bytes without reading twice: the sizes of the queued files,
 * all of them consumed at the end; unknown (0) with standard input. */
static void test_progress(void)
{
    put("p1.txt", "Eins zwei drei.", 15);
    put("p2.jsonl", "{\"id\":\"a\",\"text\":\"b\"}\n{\"id\":\"c\",\"text\":\"d\"}\n", 44);
    lb_reader *r;
    lb_reader_new(&r, LB_FORMAT_AUTO);
    lb_reader_add(r, path_of("p1.txt"));
    lb_reader_add(r, path_of("p2.jsonl"));
    uint64_t done = 1, total = 0;
    CHECK_INT(lb_reader_progress(&done, &total, r), LB_OK);
    CHECK_INT(done, 0);
    CHECK_INT(total, 59);
    lb_input in;
    int docs = 0;
    while (lb_reader_next(r, &in) == LB_OK) {
        docs++;
        uint64_t d2;
        lb_reader_progress(&d2, &total, r);
        CHECK(d2 >= done && d2 <= 59);
        done = d2;
    }
    CHECK_INT(docs, 3);
    lb_reader_progress(&done, &total, r);
    CHECK_INT(done, 59);
    lb_reader_add(r, "-");
    lb_reader_progress(&done, &total, r);
    CHECK_INT(total, 0);
    lb_reader_free(r);
}

int main(void)
{
    if (!mkdtemp(dir)) return 1;
    test_text_and_jsonl();
    test_gzip_and_dirs();
    test_forced_format();
    test_symlink_loops();
    test_progress();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd)) return 1;
    return TEST_END();
}
