/* fuzz_syntax_rules.c: libFuzzer target for the grammar-table loader of the
 * clause layer (lb_syntax_load). The three tables are copied once into a temp
 * dir; byte 0 of each input picks the table (de.txt, de_prep.txt, en.txt) that
 * the rest of the input replaces. Loading must succeed or fail with a
 * "file:line" message, never crash or leak; when it succeeds, one hand-tagged
 * German and one English sentence are analysed with the fuzzed tables. */
#include "../unit/test_syntax_util.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[3] = { "de.txt", "de_prep.txt", "en.txt" };
static char tmpdir[256];

static void copy_file(const char *name)
{
    char src[1024], dst[1024], buf[65536];
    snprintf(src, sizeof src, "%s/syntax/%s", LB_FUZZ_DATA_DIR, name);
    snprintf(dst, sizeof dst, "%s/%s", tmpdir, name);
    FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
    if (!in || !out) abort();
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n) abort();
    fclose(in);
    if (fclose(out)) abort();
}

static void cleanup(void)
{
    char path[1024];
    for (int i = 0; i < 3; i++) { snprintf(path, sizeof path, "%s/%s", tmpdir, names[i]); unlink(path); }
    rmdir(tmpdir);
}

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/fuzz_syntax_XXXXXX");
    if (!mkdtemp(tmpdir)) abort();
    atexit(cleanup);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!tmpdir[0]) setup();
    if (!size) return 0;
    int pick = data[0] % 3;
    for (int i = 0; i < 3; i++) copy_file(names[i]);
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", tmpdir, names[pick]);
    FILE *f = fopen(path, "wb");
    if (!f || (size > 1 && fwrite(data + 1, 1, size - 1, f) != size - 1) || fclose(f)) abort();
    struct lb_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    char err[512] = "";
    int rc = lb_syntax_load(&ctx.syntax, tmpdir, err, sizeof err);
    if (rc) {
        if (!err[0] || ctx.syntax) abort();
        return 0;
    }
    lb_doc *doc;
    lb_buf text, norm;
    if (lb_doc_new(&doc, &ctx)) abort();
    lb_buf_init(&text, 1 << 16); lb_buf_init(&norm, 1 << 16);
    sxt_tagged(doc, &text, &norm, "de", "Den/der/DET/Case=Acc|Gender=Masc|Number=Sing Minister/Minister/NOUN/Case=Acc ,/,/PUNCT"
               " der/der/PRON/PronType=Rel kam/kommen/VERB/Mood=Ind|VerbForm=Fin ,/,/PUNCT lobte/loben/VERB/VerbForm=Fin"
               " sie/sie/PRON/Case=Nom am/an/ADP Tag/Tag/NOUN zu/zu/PART gehen/gehen/VERB/VerbForm=Inf vor/vor/ADP ././PUNCT");
    sxt_tagged(doc, &text, &norm, "en", "The/the/DET man/man/NOUN who/who/PRON/PronType=Rel was/be/AUX/VerbForm=Fin"
               " seen/see/VERB/Tense=Past|VerbForm=Part by/by/ADP us/we/PRON/Case=Acc said/say/VERB/VerbForm=Fin that/that/SCONJ"
               " to/to/PART go/go/VERB/VerbForm=Inf ././PUNCT");
    doc->text = ""; doc->norm = NULL;
    lb_doc_free(doc);
    lb_buf_free(&text); lb_buf_free(&norm);
    lb_syntax_free(ctx.syntax);
    return 0;
}
