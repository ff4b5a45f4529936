/* fuzz_dict.c: libFuzzer target for the dictionary loaders. A copy of the
 * data directory is made once in a temp dir; each input replaces one of its
 * files (not the .md docs) and lb_ctx_new loads the lot. Loading must either
 * succeed or fail with a message, never crash or leak; when it succeeds a
 * small built-in document is annotated with the fuzzed dictionaries.
 * Input: "REL/PATH\n" + content when the first line names a data file
 * (e.g. "text/abbreviations.tsv"), else byte 0 picks the file and the whole
 * input is its content. It only drives the public API; it fixes nothing. */
#include "fuzz_common.h"
#include <dirent.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct dfile { char rel[512]; char *orig; size_t orig_len; } dfile;
static dfile files[256];
static size_t nfiles;
static char tmpdir[256];

static void cleanup(void)
{
    char cmd[600];
    if (!tmpdir[0]) return;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) fprintf(stderr, "fuzz_dict: could not remove %s\n", tmpdir);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    FUZZ_CHECK(fp != NULL);
    FUZZ_CHECK(fseek(fp, 0, SEEK_END) == 0);
    long n = ftell(fp);
    FUZZ_CHECK(n >= 0);
    rewind(fp);
    char *buf = malloc((size_t)n + 1);
    FUZZ_CHECK(buf != NULL);
    FUZZ_CHECK(fread(buf, 1, (size_t)n, fp) == (size_t)n);
    fclose(fp);
    *len = (size_t)n;
    return buf;
}

static void put(const char *rel, const void *data, size_t size)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
    FILE *fp = fopen(path, "wb");
    FUZZ_CHECK(fp != NULL);
    FUZZ_CHECK(size == 0 || fwrite(data, 1, size, fp) == size);
    FUZZ_CHECK(fclose(fp) == 0);
}

static int cmp_rel(const void *a, const void *b) { return strcmp(((const dfile *)a)->rel, ((const dfile *)b)->rel); }

static void list(const char *rel)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/%s", tmpdir, rel);
    DIR *d = opendir(dir);
    FUZZ_CHECK(d != NULL);
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char sub[512], path[1536];
        snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        snprintf(path, sizeof path, "%s/%s", tmpdir, sub);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) { list(sub); continue; }
        size_t l = strlen(sub);
        if (l > 3 && !strcmp(sub + l - 3, ".md")) continue;
        if (nfiles < sizeof files / sizeof files[0]) {
            dfile *f = &files[nfiles++];
            snprintf(f->rel, sizeof f->rel, "%s", sub);
            f->orig = slurp(path, &f->orig_len);
        }
    }
    closedir(d);
}

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "%s/lb-fuzz-dict.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    FUZZ_CHECK(mkdtemp(tmpdir) != NULL);
    atexit(cleanup);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "cp -R '%s/.' '%s/'", LB_FUZZ_DATA_DIR, tmpdir);
    FUZZ_CHECK(system(cmd) == 0);
    list("");
    FUZZ_CHECK(nfiles > 0);
    qsort(files, nfiles, sizeof files[0], cmp_rel);
}

/* My own sample text: a headline, abbreviations, dates, a quote, a by-line. */
static const char sample[] =
    "Startseite > Politik\n"
    "Regierung plant neues Gesetz\n\n"
    "Berlin, 3. Mai 2024 - Die Ministerin Dr. Anna Beispiel sagte am Montag: \"Wir handeln jetzt.\" "
    "Das Kabinett u.a. beriet bis 22 Uhr, z.B. ueber den Haushalt der U.S. Partner.\n"
    "Im Jahr 2023 hatte die Opposition am 5. Juni protestiert. The minister said on Tuesday that talks will go on.\n"
    "Teilen\nTwittern\nvon Max Mustermann\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!nfiles) setup();
    const dfile *f = NULL;
    const char *nl = memchr(data, '\n', size < 512 ? size : 512);
    if (nl) {
        size_t l = (size_t)(nl - (const char *)data);
        for (size_t i = 0; i < nfiles && !f; i++)
            if (strlen(files[i].rel) == l && !memcmp(files[i].rel, data, l)) f = &files[i];
        if (f) { size -= l + 1; data = (const uint8_t *)nl + 1; }
    }
    if (!f) f = &files[size ? data[0] % nfiles : 0];
    put(f->rel, data, size);

    lb_ctx *ctx = NULL;
    int rc = lb_ctx_new(&ctx, tmpdir);
    if (rc == LB_OK) {
        FUZZ_CHECK(ctx != NULL);
        lb_doc *doc = NULL;
        FUZZ_CHECK(lb_doc_new(&doc, ctx) == LB_OK);
        lb_input in;
        memset(&in, 0, sizeof in);
        in.id = "dict"; in.id_len = 4; in.origin = "dict";
        in.text = sample; in.text_len = sizeof sample - 1;
        in.date = "2024-05-03"; in.date_len = 10;
        FUZZ_CHECK(lb_doc_annotate(doc, &in) == LB_OK);
        fuzz_check_doc(doc);
        fuzz_check_json(doc);
        lb_doc_free(doc);
    } else {
        FUZZ_CHECK(rc < 0);
        if (ctx) FUZZ_CHECK(lb_ctx_errmsg(ctx)[0] != '\0');
    }
    lb_ctx_free(ctx);
    put(f->rel, f->orig, f->orig_len);
    return 0;
}
