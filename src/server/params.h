/* params.h: validated API parameters -> an lb_store_filter (params.c). */
#ifndef LB_SERVER_PARAMS_H
#define LB_SERVER_PARAMS_H
#include "server/internal.h"

#define LB_API_MAX_OFFSET 1000000

typedef struct lb_api_query {
    lb_store_filter f;       /* pointers borrow the request's values */
    size_t default_limit, max_limit;
} lb_api_query;

/* Fills a->f from q; accepted is the space-separated list of parameter
 * names the endpoint takes. 0, or -1 with the reason in err (a 400). */
int lb_api_parse(lb_api_query *a, const lb_params *q, const char *accepted, char *err, size_t errlen);
#endif
