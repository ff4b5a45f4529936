/* fuzz_discourse.c: libFuzzer target for the cue-file loader of the discourse
 * stage (lb_discourse_load). Both cue files are copied once into a temp dir;
 * byte 0 of each input picks the file (de.cues, en.cues) that the rest of the
 * input replaces. Loading must succeed or fail with a "file:line" message,
 * never crash or leak; when it succeeds, a German and an English document are
 * annotated with the fuzzed cue words in place of the shipped ones. */
#include "fuzz_common.h"
#include "ctx.h"
#include "discourse/discourse.h"
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[2] = { "de.cues", "en.cues" };
static char tmpdir[256];
static lb_ctx *ctx;

static void copy_file(const char *name)
{
    char src[1024], dst[1024], buf[65536];
    snprintf(src, sizeof src, "%s/discourse/%s", LB_FUZZ_DATA_DIR, name);
    snprintf(dst, sizeof dst, "%s/%s", tmpdir, name);
    FILE *in = fopen(src, "rb"), *out = fopen(dst, "wb");
    FUZZ_CHECK(in && out);
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) FUZZ_CHECK(fwrite(buf, 1, n, out) == n);
    fclose(in);
    FUZZ_CHECK(fclose(out) == 0);
}

static void cleanup(void)
{
    char path[1024];
    for (int i = 0; i < 2; i++) { snprintf(path, sizeof path, "%s/%s", tmpdir, names[i]); unlink(path); }
    rmdir(tmpdir);
    lb_ctx_free(ctx);
}

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/fuzz_discourse_XXXXXX");
    FUZZ_CHECK(mkdtemp(tmpdir) != NULL);
    FUZZ_CHECK(lb_ctx_new(&ctx, LB_FUZZ_DATA_DIR) == LB_OK);
    atexit(cleanup);
}

static const char *const samples[2][2] = {
    { "de", "Der Außenminister Sergej Lawrow traf Annalena Baerbock. Er sagte, sie sei willkommen. "
            "Die Regierung teilte mit, sie prüfe das. Der 63-Jährige und die Behörde schwiegen." },
    { "en", "President Joe Biden met Mrs. Anna Smith. He said she was welcome. The government said it "
            "would check. Biden, the president, left; they stayed." } };

static void annotate(void)
{
    lb_doc *doc = NULL;
    FUZZ_CHECK(lb_doc_new(&doc, ctx) == LB_OK);
    for (int k = 0; k < 2; k++) {
        lb_input in;
        memset(&in, 0, sizeof in);
        in.id = "d"; in.id_len = 1;
        in.lang = samples[k][0]; in.lang_len = 2;
        in.text = samples[k][1]; in.text_len = strlen(samples[k][1]);
        FUZZ_CHECK(lb_doc_annotate(doc, &in) == LB_OK);
        fuzz_check_doc(doc);
        for (size_t i = 0; i < doc->refs.len; i++)
            FUZZ_CHECK(LB_REFS(doc)[i].entity < (int32_t)doc->entities.len);
    }
    lb_doc_free(doc);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!tmpdir[0]) setup();
    if (!size) return 0;
    for (int i = 0; i < 2; i++) copy_file(names[i]);
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", tmpdir, names[data[0] % 2]);
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f && (size == 1 || fwrite(data + 1, 1, size - 1, f) == size - 1) && fclose(f) == 0);
    struct lb_discourse_rules *rules = NULL;
    char err[512] = "";
    int rc = lb_discourse_load(&rules, tmpdir, err, sizeof err);
    if (rc) {
        FUZZ_CHECK(err[0] && !rules && rc < 0);
        return 0;
    }
    struct lb_discourse_rules *shipped = ctx->discourse;
    ctx->discourse = rules;
    annotate();
    ctx->discourse = shipped;
    lb_discourse_free(rules);
    return 0;
}
