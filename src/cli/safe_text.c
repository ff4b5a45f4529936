/* safe_text.c: text from articles or a database made safe for terminals and
 * spreadsheets before the CLI prints it. Article text is hostile input: an
 * ESC or C1 control starts a terminal escape sequence (clipboard writes via
 * OSC 52, title changes, screen clears), a CSV cell that begins with = + - @
 * is a formula to a spreadsheet. */
#include "cli/cli.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define REPLACEMENT "\xef\xbf\xbd"   /* U+FFFD */

size_t lb_cli_utf8_next(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    *cp = 0xFFFD;
    if (!n) return 0;
    if (p[0] < 0x80) { *cp = p[0]; return 1; }
    size_t len = p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : p[0] >= 0xE0 ? (p[0] <= 0xEF ? 3 : 0) : p[0] >= 0xC2 ? 2 : 0;
    if (!len || len > n) return 1;
    uint32_t c = p[0] & (0x7F >> len);
    for (size_t k = 1; k < len; k++) {
        if ((p[k] & 0xC0) != 0x80) return 1;
        c = (c << 6) | (p[k] & 0x3F);
    }
    /* overlong forms, surrogates, past U+10FFFF */
    if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) || (c >= 0xD800 && c <= 0xDFFF)) return 1;
    *cp = c;
    return len;
}

int lb_cli_is_control(uint32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

char *lb_cli_safe_text(const char *s, size_t n, int mode)
{
    char *r = malloc(n * 3 + 1);   /* each byte becomes at most U+FFFD */
    if (!r) return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = lb_cli_utf8_next(s + i, n - i, &cp);
        int nl_or_tab = cp == '\n' || cp == '\t';
        if (mode == LB_SAFE_FLATTEN && (nl_or_tab || cp == '\r')) {
            r[o++] = ' ';
        } else if ((cp == 0xFFFD && len == 1) || (lb_cli_is_control(cp) && !(mode == LB_SAFE_KEEP_NL && nl_or_tab))) {
            memcpy(r + o, REPLACEMENT, 3); o += 3;
        } else {
            memcpy(r + o, s + i, len); o += len;
        }
        i += len;
    }
    r[o] = '\0';
    return r;
}

void lb_cli_put_safe(FILE *out, const char *s, size_t n, int mode)
{
    char *t = lb_cli_safe_text(s, n, mode);
    if (t) fputs(t, out);
    else for (size_t i = 0; i < n; i++) fputc(lb_cli_is_control((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80 ? '?' : s[i], out);
    free(t);
}

int lb_cli_csv_formula(const char *s)
{
    return s && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

void lb_cli_msg(FILE *out, const char *raw_prefix, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    flockfile(out);   /* one line, also with threads writing */
    fputs(raw_prefix ? raw_prefix : "", out);
    lb_cli_put_safe(out, buf, strlen(buf), LB_SAFE_FLATTEN);
    fputc('\n', out);
    funlockfile(out);
}
