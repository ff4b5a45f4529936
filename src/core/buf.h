/* buf.h: a growable byte buffer (in the manner of curl's dynbuf) with a hard
 * size cap. Used for output JSON, read lines, error text. Does not print. */
#ifndef LB_BUF_H
#define LB_BUF_H
#include <stddef.h>
#include <stdarg.h>

typedef struct lb_buf {
    char *data;     /* always NUL-terminated when non-NULL (data[len] == 0) */
    size_t len, cap, max;
} lb_buf;

/* max: the most bytes the buffer may ever hold (its cap). */
void lb_buf_init(lb_buf *b, size_t max);
void lb_buf_free(lb_buf *b);
void lb_buf_reset(lb_buf *b);           /* len = 0, memory kept */
/* Each returns 0, or -1 when out of memory or past the cap (content unchanged). */
int lb_buf_reserve(lb_buf *b, size_t extra);
int lb_buf_add(lb_buf *b, const void *p, size_t n);
int lb_buf_addc(lb_buf *b, char c);
int lb_buf_adds(lb_buf *b, const char *s);
int lb_buf_printf(lb_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
