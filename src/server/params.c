/* params.c: turns a request's query parameters into an lb_store_filter,
 * strictly: an unknown or repeated parameter, a bad date, event type,
 * include flag or number is a 400 error naming the parameter. Empty values
 * count as absent (what an empty form field sends). */
#include "server/params.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <stdio.h>

/* A decimal number in [lo, hi], digits only. */
static int parse_count(size_t *out, const char *v, size_t lo, size_t hi)
{
    if (!*v || strlen(v) > 12) return -1;
    size_t n = 0;
    for (const char *p = v; *p; p++) {
        if (*p < '0' || *p > '9') return -1;
        n = n * 10 + (size_t)(*p - '0');
    }
    if (n < lo || n > hi) return -1;
    *out = n;
    return 0;
}

/* 1 when name is a word of the space-separated list. */
static int allowed(const char *list, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; *p;) {
        size_t k = strcspn(p, " ");
        if (k == n && !strncmp(p, name, n)) return 1;
        p += k;
        while (*p == ' ') p++;
    }
    return 0;
}

static int has_control(const char *v)
{
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        if (*p < 0x20 || *p == 0x7F) return 1;
    return 0;
}

static int set_value(lb_api_query *a, const char *k, const char *v, char *err, size_t errlen)
{
    lb_store_filter *f = &a->f;
    static const struct { const char *name; size_t off; } strs[] = {
        { "actor", offsetof(lb_store_filter, actor) }, { "recipient", offsetof(lb_store_filter, recipient) },
        { "type", offsetof(lb_store_filter, type) }, { "since", offsetof(lb_store_filter, since) },
        { "until", offsetof(lb_store_filter, until) }, { "source", offsetof(lb_store_filter, source) },
        { "speaker", offsetof(lb_store_filter, speaker) }, { "about", offsetof(lb_store_filter, about) },
        { "a", offsetof(lb_store_filter, a) }, { "b", offsetof(lb_store_filter, b) },
        { "q", offsetof(lb_store_filter, text) },
    };
    if ((!strcmp(k, "since") || !strcmp(k, "until")) && !lb_filter_date_valid(v)) {
        snprintf(err, errlen, "%s must be a date YYYY, YYYY-MM or YYYY-MM-DD", k);
        return -1;
    }
    if (!strcmp(k, "type") && !lb_filter_type_valid(v)) { snprintf(err, errlen, "type must be one of the 16 PLOVER event types"); return -1; }
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        if (!strcmp(k, strs[i].name)) { *(const char **)((char *)f + strs[i].off) = v; return 0; }
    if (!strcmp(k, "include")) {
        if (lb_filter_parse_include(&f->include, NULL, v)) { snprintf(err, errlen, "include takes negated, hypothetical or all"); return -1; }
        return 0;
    }
    if (!strcmp(k, "limit")) {
        if (parse_count(&f->limit, v, 1, a->max_limit)) { snprintf(err, errlen, "limit must be a number from 1 to %zu", a->max_limit); return -1; }
        return 0;
    }
    if (!strcmp(k, "offset")) {
        if (parse_count(&f->offset, v, 0, LB_API_MAX_OFFSET)) { snprintf(err, errlen, "offset must be a number from 0 to %d", LB_API_MAX_OFFSET); return -1; }
        return 0;
    }
    snprintf(err, errlen, "unknown parameter");
    return -1;
}

int lb_api_parse(lb_api_query *a, const lb_params *q, const char *accepted, char *err, size_t errlen)
{
    if (q->overflow) { snprintf(err, errlen, "too many parameters"); return -1; }
    for (size_t i = 0; i < q->n; i++) {
        const char *k = q->kv[i].key, *v = q->kv[i].val ? q->kv[i].val : "";
        if (!allowed(accepted, k)) { snprintf(err, errlen, "unknown parameter '%.40s' (this endpoint takes: %s)", k, accepted); return -1; }
        for (size_t j = 0; j < i; j++)
            if (!strcmp(q->kv[j].key, k)) { snprintf(err, errlen, "parameter '%s' given twice", k); return -1; }
        if (strlen(v) > LB_SRV_MAX_VALUE) { snprintf(err, errlen, "parameter '%s' is too long", k); return -1; }
        if (has_control(v)) { snprintf(err, errlen, "parameter '%s' holds a control character", k); return -1; }
        if (!*v) continue;
        char why[160];
        if (set_value(a, k, v, why, sizeof why)) { snprintf(err, errlen, "%s", why); return -1; }
    }
    if (!a->f.limit) a->f.limit = a->default_limit;
    return 0;
}
