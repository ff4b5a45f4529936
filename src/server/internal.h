/* internal.h: what the parts of the server share: the pool of read-only
 * store connections, request parameters, replies and the JSON writer. */
#ifndef LB_SERVER_INTERNAL_H
#define LB_SERVER_INTERNAL_H
#include "lagebild.h"
#include "core/buf.h"
#include <stddef.h>
#include <stdint.h>

/* Most bytes of one reply (a bounded export fits). */
#define LB_SRV_MAX_REPLY ((size_t)256 << 20)
/* Most query parameters of one request and bytes of one value. */
#define LB_SRV_MAX_PARAMS 32
#define LB_SRV_MAX_VALUE 256

/* A pool of read-only lb_store connections, one per worker thread (an
 * lb_store is used by one thread at a time). */
typedef struct lb_pool lb_pool;
int lb_pool_open(lb_pool **out, const char *db, unsigned n, unsigned query_ms, char *err, size_t errlen);
/* Takes a free connection (waits when all are busy) and arms its deadline. */
lb_store *lb_pool_get(lb_pool *p);
void lb_pool_put(lb_pool *p, lb_store *s);
void lb_pool_close(lb_pool *p);

/* The query parameters of a request, in order. */
typedef struct lb_params {
    struct { const char *key, *val; } kv[LB_SRV_MAX_PARAMS];
    size_t n;
    int overflow;   /* more than LB_SRV_MAX_PARAMS */
} lb_params;

/* A reply: status, content type and body (an lb_buf the server frees). */
typedef struct lb_reply {
    int status;
    const char *type;
    const char *filename;   /* Content-Disposition attachment, or NULL */
    lb_buf body;
} lb_reply;

void lb_reply_init(lb_reply *r);
/* Sets a JSON error reply {"error": msg}. */
void lb_reply_error(lb_reply *r, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* A bounded cache of 200 API replies, emptied when the database changes
 * (cache.c). get copies a hit into r and returns 1. */
typedef struct lb_cache lb_cache;
int lb_cache_open(lb_cache **out, const char *db, size_t max_bytes);
void lb_cache_close(lb_cache *c);
int lb_cache_get(lb_cache *c, const char *key, lb_reply *r);
void lb_cache_put(lb_cache *c, const char *key, const lb_reply *r);

/* Answers GET /api/... into r. */
void lb_api_handle(lb_reply *r, lb_pool *pool, const char *path, const lb_params *q);
/* Answers GET of a static file under root (NULL: none) into r. */
void lb_static_handle(lb_reply *r, const char *root, const char *path);

/* JSON writing (json.c): a string value with every character outside
 * printable ASCII-safe text escaped (also < > & and U+2028/9, so that the
 * JSON is inert in any context); invalid UTF-8 becomes U+FFFD. */
void lb_json_str(lb_buf *b, const char *s);
/* Length of the valid UTF-8 sequence at s (n > 0 bytes) and its code
 * point, or 0 for an invalid byte. */
size_t lb_srv_utf8(const unsigned char *s, size_t n, uint32_t *cp);
/* The current row of c as an object of its columns. */
void lb_json_row(lb_buf *b, lb_cursor *c);
/* The remaining rows of c as {"columns":[...],"rows":[{...}],"limit":,"offset":,"more":}.
 * Returns the cursor's status (LB_DONE when all went well). */
int lb_json_rows(lb_buf *b, lb_cursor *c, size_t offset);
#endif
