/* jsonw.h: a small streaming JSON writer into an lb_buf, for output lines.
 * It writes; it does not parse (input JSON is parsed with jansson). It keeps
 * track of commas per nesting level. Strings must be valid UTF-8 (the
 * pipeline repairs input first); control characters are escaped. */
#ifndef LB_JSONW_H
#define LB_JSONW_H
#include "core/buf.h"
#include <stddef.h>
#include <stdint.h>

#define LB_JSONW_DEPTH 32

typedef struct lb_jsonw {
    lb_buf *out;
    int depth;
    unsigned char first[LB_JSONW_DEPTH];
    int failed;            /* sticky: set on cap/memory failure or misuse */
} lb_jsonw;

void lb_jw_init(lb_jsonw *w, lb_buf *out);
void lb_jw_obj(lb_jsonw *w);     /* { */
void lb_jw_obj_end(lb_jsonw *w); /* } */
void lb_jw_arr(lb_jsonw *w);     /* [ */
void lb_jw_arr_end(lb_jsonw *w); /* ] */
void lb_jw_key(lb_jsonw *w, const char *key);   /* "key": (key is a C literal) */
/* a key already written as "key": (n bytes), for LB_JW_KEY */
void lb_jw_key_quoted(lb_jsonw *w, const char *quoted, size_t n);
/* lb_jw_key for a string literal that needs no escape, quoted at compile time */
#define LB_JW_KEY(w, lit) lb_jw_key_quoted((w), "\"" lit "\":", sizeof(lit) + 2)
void lb_jw_str(lb_jsonw *w, const char *s, size_t n);
void lb_jw_cstr(lb_jsonw *w, const char *s);    /* NULL writes null */
void lb_jw_int(lb_jsonw *w, int64_t v);
void lb_jw_num(lb_jsonw *w, double v);
void lb_jw_bool(lb_jsonw *w, int v);
void lb_jw_null(lb_jsonw *w);
void lb_jw_span(lb_jsonw *w, size_t start, size_t end);  /* [start, end] */
/* 0 when everything was written, -1 otherwise. */
int lb_jw_status(const lb_jsonw *w);
#endif
