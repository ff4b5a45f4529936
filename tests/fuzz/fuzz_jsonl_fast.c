/* fuzz_jsonl_fast.c: libFuzzer target for the JSONL fast path
 * (src/read/jsonl_fast.c): every line it takes must decode to the fields
 * jansson gives (kind, bytes, integer id); it aborts on a difference. It
 * fixes nothing and prints nothing on success. */
#include "fuzz_common.h"
#include "read/reader_internal.h"
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const keys[LB_JF_COUNT] = { "id", "text", "html", "date", "lang", "source", "url", "title" };
    char *buf = malloc(size + 16);
    FUZZ_CHECK(buf != NULL);
    lb_jf_value f[LB_JF_COUNT];
    if (lb_jsonl_fast(f, buf, (const char *)data, size)) { free(buf); return 0; }
    json_error_t err;
    json_t *obj = json_loadb((const char *)data, size, JSON_ALLOW_NUL, &err);
    FUZZ_CHECK(obj && json_is_object(obj));
    for (int k = 0; k < LB_JF_COUNT; k++) {
        json_t *v = json_object_get(obj, keys[k]);
        if (!v) FUZZ_CHECK(f[k].kind == LB_JF_ABSENT);
        else if (json_is_null(v)) FUZZ_CHECK(f[k].kind == LB_JF_NULL);
        else if (json_is_integer(v)) FUZZ_CHECK(f[k].kind == LB_JF_INTEGER && f[k].num == (long long)json_integer_value(v));
        else {
            FUZZ_CHECK(json_is_string(v) && f[k].kind == LB_JF_STRING && f[k].len == json_string_length(v));
            FUZZ_CHECK(!memcmp(f[k].s, json_string_value(v), f[k].len) && f[k].s[f[k].len] == '\0');
        }
    }
    json_decref(obj);
    free(buf);
    return 0;
}
