/* fuzz_api.c: libFuzzer target for what lagebild serve parses from a
 * request: the query parameters (the input split at '&' and '=') through
 * lb_api_parse, and the JSON string writer over the raw input. Invariants:
 * an accepted limit lies within the endpoint's bounds; a written JSON string
 * is quoted and holds no raw control character, '<', '>' or '&'. */
#include "server/params.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void check_json(const char *raw)
{
    lb_buf b;
    lb_buf_init(&b, (size_t)1 << 22);
    lb_json_str(&b, raw);
    if (b.data) {
        if (b.len < 2 || b.data[0] != '"' || b.data[b.len - 1] != '"') abort();
        for (size_t i = 0; i < b.len; i++) {
            unsigned char c = (unsigned char)b.data[i];
            if (c < 0x20 || c == 0x7F || c == '<' || c == '>' || c == '&') abort();
        }
    }
    lb_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 65536) return 0;
    char *raw = malloc(size + 1), *s = malloc(size + 1);
    if (!raw || !s) { free(raw); free(s); return 0; }
    memcpy(raw, data, size); raw[size] = 0;
    memcpy(s, data, size); s[size] = 0;
    check_json(raw);
    lb_params p;
    memset(&p, 0, sizeof p);
    char *save = NULL;
    for (char *tok = strtok_r(s, "&", &save); tok; tok = strtok_r(NULL, "&", &save)) {
        if (p.n == LB_SRV_MAX_PARAMS) { p.overflow = 1; break; }
        char *eq = strchr(tok, '=');
        if (eq) *eq++ = 0;
        p.kv[p.n].key = tok;
        p.kv[p.n].val = eq;
        p.n++;
    }
    lb_api_query a;
    memset(&a, 0, sizeof a);
    a.default_limit = 100;
    a.max_limit = 1000;
    char err[256];
    if (lb_api_parse(&a, &p, "actor recipient type since until source include limit offset q a b speaker about", err, sizeof err) == 0) {
        if (a.f.limit < 1 || a.f.limit > 1000 || a.f.offset > LB_API_MAX_OFFSET) abort();
    } else if (!err[0]) abort();
    free(raw);
    free(s);
    return 0;
}
