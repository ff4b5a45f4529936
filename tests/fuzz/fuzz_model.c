/* fuzz_model.c: libFuzzer target for the tagger model loader
 * (lb_tagmodel_parse), the lemma table loader (lb_lemmas_load) and the UD
 * words lists (lb_udwlist_parse). The input is a model image, also parsed as
 * a UD words list; byte 0 odd also writes it to a temp file and loads it as
 * a lemma table. Loading must succeed or fail with "offset"/"line", never
 * crash; a loaded model is queried once. */
#include "fuzz_common.h"
#include "morph/tagmodel.h"
#include "morph/lemmas.h"
#include "morph/udwlist.h"
#include "doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[512] = "";
    lb_tagmodel *m = NULL;
    int rc = lb_tagmodel_parse(&m, data, size, "fuzz.model", err, sizeof err);
    if (rc == LB_OK) {
        uint32_t f[3] = { 1, 2, 3 }, score[LB_TAG_MAX_CLASSES] = { 0 };
        const uint8_t *cls;
        int n, flags;
        lb_tagmodel_score(m, f, 3, score);
        (void)lb_tagmodel_dict(m, "der", 3, &cls, &n, &flags);
        lb_tagmodel_free(m);
    } else {
        FUZZ_CHECK(m == NULL);
        FUZZ_CHECK(strstr(err, "offset") != NULL || strstr(err, "memory") != NULL);
    }
    lb_udwlist *ul = NULL;
    if (lb_udwlist_parse(&ul, (const char *)data, size, "fuzz.udwords", err, sizeof err) == LB_OK) {
        (void)lb_udwlist_prefix(ul, "non", 3);
        (void)lb_udwlist_ext(ul, "pdf", 3);
        lb_udwlist_free(ul);
    } else {
        FUZZ_CHECK(ul == NULL);
        FUZZ_CHECK(strstr(err, "fuzz.udwords:") != NULL);
    }
    if (size && (data[0] & 1)) {
        char path[256];
        snprintf(path, sizeof path, "%s/lb-fuzz-lemmas.%d", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid());
        FILE *fp = fopen(path, "wb");
        FUZZ_CHECK(fp != NULL);
        FUZZ_CHECK(fwrite(data, 1, size, fp) == size);
        FUZZ_CHECK(fclose(fp) == 0);
        lb_lemmas *l = NULL;
        if (lb_lemmas_load(&l, path, err, sizeof err) == LB_OK) {
            char buf[1024];
            uint32_t feats;
            (void)lb_lemmas_apply(l, "Häuser", 7, LB_UPOS_NOUN, 0, buf, sizeof buf, &feats);
            lb_lemmas_free(l);
        }
        remove(path);
    }
    return 0;
}
