/* json.c: writes JSON for the API from store cursors: strings escaped so
 * that no article text can end a string or a script context, numbers as
 * numbers, NULL as null. */
#include "server/internal.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

size_t lb_srv_utf8(const unsigned char *s, size_t n, uint32_t *cp)
{
    size_t len;
    uint32_t v, min;
    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    if ((s[0] & 0xE0) == 0xC0) { len = 2; v = s[0] & 0x1F; min = 0x80; }
    else if ((s[0] & 0xF0) == 0xE0) { len = 3; v = s[0] & 0x0F; min = 0x800; }
    else if ((s[0] & 0xF8) == 0xF0) { len = 4; v = s[0] & 0x07; min = 0x10000; }
    else return 0;
    if (len > n) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

void lb_json_str(lb_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    lb_buf_addc(b, '"');
    for (size_t i = 0; i < n;) {
        uint32_t cp = 0;
        size_t len = lb_srv_utf8(p + i, n - i, &cp);
        if (!len) { lb_buf_adds(b, "\\ufffd"); i++; continue; }
        switch (cp) {
        case '"': lb_buf_adds(b, "\\\""); break;
        case '\\': lb_buf_adds(b, "\\\\"); break;
        case '\n': lb_buf_adds(b, "\\n"); break;
        case '\r': lb_buf_adds(b, "\\r"); break;
        case '\t': lb_buf_adds(b, "\\t"); break;
        default:
            if (cp < 0x20 || cp == 0x7F || cp == '<' || cp == '>' || cp == '&' || cp == 0x2028 || cp == 0x2029)
                lb_buf_printf(b, "\\u%04x", (unsigned)cp);
            else
                lb_buf_add(b, p + i, len);
        }
        i += len;
    }
    lb_buf_addc(b, '"');
}

static void json_value(lb_buf *b, lb_cursor *c, size_t col)
{
    switch (lb_cursor_type(c, col)) {
    case LB_VAL_INT: lb_buf_printf(b, "%lld", (long long)lb_cursor_int(c, col)); break;
    case LB_VAL_REAL: {
        double d = lb_cursor_double(c, col);
        if (isfinite(d)) lb_buf_printf(b, "%.15g", d); else lb_buf_adds(b, "null");
        break;
    }
    case LB_VAL_TEXT: {
        const char *t = lb_cursor_text(c, col);
        if (t) lb_json_str(b, t); else lb_buf_adds(b, "null");
        break;
    }
    default: lb_buf_adds(b, "null");
    }
}

void lb_json_row(lb_buf *b, lb_cursor *c)
{
    size_t n = lb_cursor_ncols(c);
    lb_buf_addc(b, '{');
    for (size_t i = 0; i < n; i++) {
        if (i) lb_buf_addc(b, ',');
        lb_json_str(b, lb_cursor_colname(c, i));
        lb_buf_addc(b, ':');
        json_value(b, c, i);
    }
    lb_buf_addc(b, '}');
}

int lb_json_rows(lb_buf *b, lb_cursor *c, size_t offset)
{
    size_t n = lb_cursor_ncols(c);
    lb_buf_adds(b, "{\"columns\":[");
    for (size_t i = 0; i < n; i++) {
        if (i) lb_buf_addc(b, ',');
        lb_json_str(b, lb_cursor_colname(c, i));
    }
    lb_buf_adds(b, "],\"rows\":[");
    int rc, first = 1;
    while ((rc = lb_cursor_next(c)) == LB_OK) {
        if (!first) lb_buf_addc(b, ',');
        first = 0;
        lb_json_row(b, c);
    }
    size_t limit = lb_cursor_limit(c);
    lb_buf_adds(b, "],\"limit\":");
    if (limit == LB_STORE_NO_LIMIT) lb_buf_adds(b, "null"); else lb_buf_printf(b, "%zu", limit);
    lb_buf_printf(b, ",\"offset\":%zu,\"more\":%s}", offset, lb_cursor_truncated(c) ? "true" : "false");
    return rc;
}
