/* charset.c: HTML pages to UTF-8. The charset comes from the HTTP
 * Content-Type, else from a byte prescan of the page's first 2 KB for
 * "charset=" (as the HTML standard's encoding sniffing does), else the page
 * is UTF-8 when it is valid UTF-8 and windows-1252 otherwise. glibc's iconv
 * converts; a byte it cannot convert becomes U+FFFD. */
#include "read/warc.h"
#include "core/utf8.h"
#include "lagebild.h"
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

/* The value after "charset=" in s (n bytes) into cs (size cap); 1 when found. */
static int charset_value(char *cs, size_t cap, const char *s, size_t n)
{
    for (size_t i = 0; i + 8 < n; i++) {
        if (strncasecmp(s + i, "charset", 7)) continue;
        size_t j = i + 7;
        while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
        if (j >= n || s[j] != '=') continue;
        j++;
        while (j < n && (s[j] == ' ' || s[j] == '"' || s[j] == '\'')) j++;
        size_t k = 0;
        while (j < n && k + 1 < cap && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9') ||
                                        s[j] == '-' || s[j] == '_' || s[j] == ':' || s[j] == '.'))
            cs[k++] = s[j++];
        cs[k] = '\0';
        if (k) return 1;
    }
    return 0;
}

static int is_utf8_name(const char *cs) { return !strcasecmp(cs, "utf-8") || !strcasecmp(cs, "utf8"); }

/* Latin-1 and ASCII labels mean windows-1252 on the web. */
static const char *web_name(const char *cs)
{
    static const char *const latin[] = { "iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1", "cp819", NULL };
    for (size_t i = 0; latin[i]; i++) if (!strcasecmp(cs, latin[i])) return "WINDOWS-1252";
    return cs;
}

static int convert(lb_buf *out, const char *s, size_t n, const char *from)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) return -1;
    char chunk[8192];
    char *in = (char *)s;
    size_t left = n;
    int rc = LB_OK;
    while (left && rc == LB_OK) {
        char *o = chunk;
        size_t room = sizeof chunk;
        size_t r = iconv(cd, &in, &left, &o, &room);
        if (lb_buf_add(out, chunk, (size_t)(o - chunk))) rc = LB_ELIMIT;
        if (r == (size_t)-1 && errno != E2BIG) {          /* EILSEQ or EINVAL: one bad byte */
            if (lb_buf_add(out, "\xef\xbf\xbd", 3)) rc = LB_ELIMIT;
            in++; left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    iconv_close(cd);
    return rc;
}

int lb_html_to_utf8(lb_buf *out, const char *s, size_t n, const char *content_type, size_t ct_len)
{
    char cs[48];
    lb_buf_reset(out);
    int known = (content_type && charset_value(cs, sizeof cs, content_type, ct_len)) ||
                charset_value(cs, sizeof cs, s, n < 2048 ? n : 2048);
    if (known && !is_utf8_name(cs)) {
        int rc = convert(out, s, n, web_name(cs));
        if (rc != -1) return rc;
        lb_buf_reset(out);                              /* unknown charset: guess */
    }
    if (lb_utf8_valid_prefix(s, n) == n || known) {
        if (lb_utf8_valid_prefix(s, n) == n) return lb_buf_add(out, s, n) ? LB_ELIMIT : LB_OK;
        return lb_utf8_repair(out, s, n, NULL, NULL) ? LB_ELIMIT : LB_OK;
    }
    int rc = convert(out, s, n, "WINDOWS-1252");
    return rc == -1 ? (lb_utf8_repair(out, s, n, NULL, NULL) ? LB_ELIMIT : LB_OK) : rc;
}
