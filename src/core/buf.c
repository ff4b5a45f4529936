/* buf.c: growable, capped byte buffer (see buf.h). Never aborts. */
#include "core/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lb_buf_init(lb_buf *b, size_t max) { b->data = NULL; b->len = b->cap = 0; b->max = max; }
void lb_buf_free(lb_buf *b) { free(b->data); b->data = NULL; b->len = b->cap = 0; }
void lb_buf_reset(lb_buf *b) { b->len = 0; if (b->data) b->data[0] = '\0'; }

int lb_buf_reserve(lb_buf *b, size_t extra)
{
    if (extra > b->max || b->len > b->max - extra) return -1;
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return 0;
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < need) {
        if (ncap > ((size_t)-1) / 2) { ncap = need; break; }
        ncap *= 2;
    }
    char *n = realloc(b->data, ncap);
    if (!n) return -1;
    b->data = n; b->cap = ncap;
    return 0;
}

int lb_buf_add(lb_buf *b, const void *p, size_t n)
{
    if (lb_buf_reserve(b, n)) return -1;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int lb_buf_addc(lb_buf *b, char c) { return lb_buf_add(b, &c, 1); }
int lb_buf_adds(lb_buf *b, const char *s) { return lb_buf_add(b, s, strlen(s)); }

int lb_buf_printf(lb_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return -1;
    if ((size_t)n < sizeof tmp) return lb_buf_add(b, tmp, (size_t)n);
    if (lb_buf_reserve(b, (size_t)n)) return -1;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}
