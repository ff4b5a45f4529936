/* test_core.c: unit tests of src/core: arena, vec, buf, utf8, wordset,
 * dictfile, jsonw. */
#include "test.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/dictfile.h"
#include "core/jsonw.h"
#include "core/utf8.h"
#include "core/wordset.h"
#include "lagebild.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void test_arena(void)
{
    lb_arena a;
    lb_arena_init(&a);
    char *p = lb_arena_alloc(&a, 10);
    CHECK(p != NULL);
    CHECK(((uintptr_t)p & 15) == 0);
    char *big = lb_arena_alloc(&a, (size_t)1 << 20);   /* bigger than a chunk */
    CHECK(big != NULL);
    big[(1 << 20) - 1] = 'x';
    char *q = lb_arena_alloc(&a, 10);
    CHECK(q != NULL && q != p);
    CHECK(lb_arena_calloc(&a, SIZE_MAX / 2, 4) == NULL);   /* overflow is refused */
    char *s = lb_arena_strndup(&a, "abcdef", 3);
    CHECK_STR(s, "abc");
    lb_arena_reset(&a);
    CHECK_INT(a.used_total, 0);
    lb_vec v;
    lb_vec_init(&v, sizeof(int));
    for (int i = 0; i < 1000; i++) { int *x = lb_vec_push(&v, &a); *x = i; }
    CHECK_INT(v.len, 1000);
    CHECK_INT(((int *)v.items)[999], 999);
    CHECK_INT(((int *)v.items)[0], 0);
    lb_arena_fini(&a);
}

static void test_buf(void)
{
    lb_buf b;
    lb_buf_init(&b, 8);
    CHECK_INT(lb_buf_adds(&b, "1234"), 0);
    CHECK_INT(lb_buf_adds(&b, "5678"), 0);
    CHECK_INT(lb_buf_addc(&b, '9'), -1);          /* over the cap */
    CHECK_INT(b.len, 8);
    CHECK_STR(b.data, "12345678");
    lb_buf_reset(&b);
    CHECK_INT(lb_buf_printf(&b, "%d-%s", 7, "x"), 0);
    CHECK_STR(b.data, "7-x");
    lb_buf_free(&b);
    lb_buf_init(&b, 1 << 20);
    char longs[600];
    memset(longs, 'a', sizeof longs - 1); longs[599] = 0;
    CHECK_INT(lb_buf_printf(&b, "%s%s", longs, longs), 0);
    CHECK_INT(b.len, 1198);
    lb_buf_free(&b);
}

static void test_utf8(void)
{
    int32_t cp;
    CHECK_INT(lb_utf8_decode("\xC3\xA4", 2, &cp), 2); CHECK_INT(cp, 0xE4);
    CHECK_INT(lb_utf8_decode("\xE2\x80\x9E", 3, &cp), 3); CHECK_INT(cp, 0x201E);
    CHECK_INT(lb_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4); CHECK_INT(cp, 0x1F600);
    lb_utf8_decode("\xC0\xAF", 2, &cp); CHECK_INT(cp, -1);          /* overlong */
    lb_utf8_decode("\xED\xA0\x80", 3, &cp); CHECK_INT(cp, -1);      /* surrogate */
    lb_utf8_decode("\xF4\x90\x80\x80", 4, &cp); CHECK_INT(cp, -1);  /* > U+10FFFF */
    CHECK_INT(lb_utf8_decode("\xE2\x80", 2, &cp), 2); CHECK_INT(cp, -1); /* truncated */
    CHECK_INT(lb_utf8_valid_prefix("abc\xC3\xA4\xFF", 6), 5);
    const char bad[] = "a\xFF" "b\0c\xE2\x82";
    lb_buf out;
    lb_buf_init(&out, 100);
    size_t rep = 0, nuls = 0;
    CHECK_INT(lb_utf8_repair(&out, bad, sizeof bad - 1, &rep, &nuls), 0);
    CHECK_INT(rep, 2);
    CHECK_INT(nuls, 1);
    CHECK_STR(out.data, "a\xEF\xBF\xBD" "b c\xEF\xBF\xBD");
    CHECK_INT(lb_utf8_valid_prefix(out.data, out.len), out.len);
    lb_buf_free(&out);
    char enc[4];
    CHECK_INT(lb_utf8_encode(enc, 0x20AC), 3);
    CHECK(memcmp(enc, "\xE2\x82\xAC", 3) == 0);
}

static void test_wordset(void)
{
    lb_wordset s;
    lb_wordset_init(&s);
    char key[32];
    for (int i = 0; i < 5000; i++) { int n = snprintf(key, sizeof key, "w%d", i); lb_wordset_put(&s, key, (size_t)n, (uint32_t)i); }
    uint32_t v = 0;
    CHECK(lb_wordset_get(&s, "w4321", 5, &v)); CHECK_INT(v, 4321);
    CHECK(!lb_wordset_get(&s, "w5000", 5, &v));
    CHECK(lb_wordset_get(&s, "w432", 3, &v) && v == 43);   /* length-bounded key */
    lb_wordset_put(&s, "w1", 2, 99);
    CHECK(lb_wordset_get(&s, "w1", 2, &v)); CHECK_INT(v, 99);
    CHECK_INT(s.count, 5000);
    lb_wordset_fini(&s);
}

static int count_cb(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    if (l->nfields == 3 && !strcmp(l->field[2], "bad")) { snprintf(err, errlen, "third field is bad"); return 1; }
    (*(int *)user)++;
    return 0;
}

static int lineno_cb(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    (void)err; (void)errlen;
    *(size_t *)user = l->lineno;
    return 0;
}

static void write_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    fwrite(s, 1, n, f);
    fclose(f);
}

/* joins the fields of every line as [field](len) into user (a 512-byte buffer) */
static int fields_cb(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    (void)err; (void)errlen;
    char *out = user;
    for (size_t i = 0; i < l->nfields; i++) {
        size_t o = strlen(out);
        snprintf(out + o, 512 - o, "[%s](%zu)", l->field[i], l->flen[i]);
        if (strlen(l->field[i]) != l->flen[i]) return 1;
    }
    return 0;
}

/* fields trimmed of spaces with their lengths, a byte-order mark, non-ASCII
 * text, and a NUL byte or a bad UTF-8 sequence past the first 8 ASCII bytes */
static void test_dictfile_fields(const char *path)
{
    char err[256], got[512] = "";
    const char text[] = "\xEF\xBB\xBF  a b \t  \t\tK\xC3\xB6ln  \n"
                        "longer-than-eight\t\xE2\x80\x99s x\n";
    write_file(path, text, sizeof text - 1);
    CHECK_INT(lb_dict_read(path, fields_cb, got, err, sizeof err), 0);
    CHECK_STR(got, "[a b](3)[](0)[](0)[K\xC3\xB6ln](5)[longer-than-eight](17)[\xE2\x80\x99s x](6)");
    const char nul[] = "ok\nabcdefghij\0k\n";
    write_file(path, nul, sizeof nul - 1);
    CHECK_INT(lb_dict_read(path, fields_cb, got, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, ":2: invalid UTF-8 or NUL") != NULL);
    const char bad[] = "abcdefghijklmnop\xC3(\n";
    write_file(path, bad, sizeof bad - 1);
    CHECK_INT(lb_dict_read(path, fields_cb, got, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, ":1: invalid UTF-8") != NULL);
    const char many[] = "1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14\t15\t16\t17\n";
    write_file(path, many, sizeof many - 1);
    CHECK_INT(lb_dict_read(path, fields_cb, got, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, ":1: more than 16 fields") != NULL);
}

static void test_dictfile(void)
{
    char path[] = "/tmp/lb_test_dictXXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    char err[256];
    int n = 0;
    const char good[] = "# comment\n\nalpha\t1\n  beta \t 2 \r\n";
    write_file(path, good, sizeof good - 1);
    CHECK_INT(lb_dict_read(path, count_cb, &n, err, sizeof err), 0);
    CHECK_INT(n, 2);
    const char rejected[] = "a\tb\n# x\nc\td\tbad\n";
    write_file(path, rejected, sizeof rejected - 1);
    n = 0;
    CHECK_INT(lb_dict_read(path, count_cb, &n, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, ":3: third field is bad") != NULL);
    const char badutf[] = "ok\t1\nb\xFF\t2\n";
    write_file(path, badutf, sizeof badutf - 1);
    CHECK_INT(lb_dict_read(path, count_cb, &n, err, sizeof err), LB_EDATA);
    CHECK(strstr(err, ":2: invalid UTF-8") != NULL);
    /* lines across the reader's 64 KiB blocks: a CRLF split by a block end
     * is one line end, a line spanning two blocks is whole */
    size_t big = (1 << 16) + 300;
    char *many = malloc(big);
    CHECK(many != NULL);
    size_t at = 0;
    int lines = 0;
    while (at + 40 < big) {
        size_t len = at < 65000 ? 99 : 40;
        if (at + len + 2 > (1 << 16) && at < (1 << 16)) len = (1 << 16) - 1 - at;   /* '\r' last in block 1 */
        memset(many + at, 'w', len);
        many[at + len] = '\r';
        many[at + len + 1] = '\n';
        at += len + 2;
        lines++;
    }
    write_file(path, many, at);
    size_t last = 0;
    CHECK_INT(lb_dict_read(path, lineno_cb, &last, err, sizeof err), 0);
    CHECK_INT((int)last, lines);   /* an extra empty line would shift the numbers */
    free(many);
    const char cronly[] = "a\rb\r\rc";
    write_file(path, cronly, sizeof cronly - 1);
    n = 0;
    CHECK_INT(lb_dict_read(path, count_cb, &n, err, sizeof err), 0);
    CHECK_INT(n, 3);
    last = 0;
    CHECK_INT(lb_dict_read(path, lineno_cb, &last, err, sizeof err), 0);
    CHECK_INT((int)last, 4);
    test_dictfile_fields(path);
    unlink(path);
    CHECK_INT(lb_dict_read("/nonexistent/dict.tsv", count_cb, &n, err, sizeof err), LB_EIO);
    CHECK(strstr(err, "/nonexistent/dict.tsv") != NULL);
}

static void test_jsonw(void)
{
    lb_buf b;
    lb_buf_init(&b, 1 << 16);
    lb_jsonw w;
    lb_jw_init(&w, &b);
    lb_jw_obj(&w);
    lb_jw_key(&w, "s"); lb_jw_str(&w, "a\"b\\c\n\x01", 7);
    lb_jw_key(&w, "n"); lb_jw_null(&w);
    lb_jw_key(&w, "a"); lb_jw_arr(&w); lb_jw_int(&w, -3); lb_jw_bool(&w, 1); lb_jw_span(&w, 1, 2); lb_jw_arr_end(&w);
    lb_jw_key(&w, "bad"); lb_jw_str(&w, "x\xFFy", 3);
    lb_jw_obj_end(&w);
    CHECK_INT(lb_jw_status(&w), 0);
    CHECK_STR(b.data, "{\"s\":\"a\\\"b\\\\c\\n\\u0001\",\"n\":null,\"a\":[-3,true,[1,2]],\"bad\":\"x\xEF\xBF\xBDy\"}");
    lb_buf_free(&b);
}

/* number edges, a key that needs escapes, and a buffer cap hit mid-string */
static void test_jsonw_edges(void)
{
    lb_buf b;
    lb_buf_init(&b, 1 << 16);
    lb_jsonw w;
    lb_jw_init(&w, &b);
    lb_jw_arr(&w);
    lb_jw_int(&w, 0); lb_jw_int(&w, INT64_MIN); lb_jw_int(&w, INT64_MAX); lb_jw_span(&w, 0, 1234567890);
    lb_jw_obj(&w); lb_jw_key(&w, "k\"\t"); lb_jw_cstr(&w, NULL); LB_JW_KEY(&w, "q"); lb_jw_str(&w, "0123456789abcdef\"x", 18); lb_jw_obj_end(&w);
    lb_jw_arr_end(&w);
    CHECK_INT(lb_jw_status(&w), 0);
    CHECK_STR(b.data, "[0,-9223372036854775808,9223372036854775807,[0,1234567890],{\"k\\\"\\t\":null,\"q\":\"0123456789abcdef\\\"x\"}]");
    lb_buf_free(&b);
    lb_buf_init(&b, 12);
    lb_jw_init(&w, &b);
    lb_jw_arr(&w);
    lb_jw_cstr(&w, "abcdefgh");
    CHECK_INT(lb_jw_status(&w), -1);
    CHECK_INT(b.len <= 12, 1);
    lb_buf_free(&b);
}

int main(void)
{
    test_arena();
    test_buf();
    test_utf8();
    test_wordset();
    test_dictfile();
    test_jsonw();
    test_jsonw_edges();
    return TEST_END();
}
