/* sniff.c: recognises files that are no article text (archives, documents,
 * images, executables, other binary data) from their first bytes, so that the
 * reader refuses them with a clear message instead of annotating noise.
 * File-format signatures only; no I/O. */
#include "read/reader_internal.h"
#include <string.h>
#include <strings.h>

const char *lb_binary_kind(const unsigned char *p, size_t n)
{
    static const struct { const char *magic; size_t len; const char *kind; } sig[] = {
        { "PK\x03\x04", 4, "a ZIP archive (also .docx, .xlsx, .odt)" },
        { "PK\x05\x06", 4, "an empty ZIP archive" },
        { "%PDF-", 5, "a PDF document" },
        { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, "an MS Office (OLE) document" },
        { "\x89PNG\r\n\x1a\n", 8, "a PNG image" },
        { "\xff\xd8\xff", 3, "a JPEG image" },
        { "GIF8", 4, "a GIF image" },
        { "\x7f" "ELF", 4, "an executable (ELF)" },
        { "7z\xbc\xaf\x27\x1c", 6, "a 7-Zip archive" },
        { "Rar!\x1a\x07", 6, "a RAR archive" },
        { "BZh", 3, "a bzip2 file" },
        { "\xfd" "7zXZ", 5, "an xz file" },
        { "\x28\xb5\x2f\xfd", 4, "a zstd file" },
        { "SQLite format 3", 15, "an SQLite database" },
    };
    for (size_t i = 0; i < sizeof sig / sizeof sig[0]; i++)
        if (n >= sig[i].len && !memcmp(p, sig[i].magic, sig[i].len)) return sig[i].kind;
    /* text has few control bytes and, in UTF-8 or a legacy 8-bit encoding, few
     * bytes that are no valid UTF-8; binary data has many of both */
    size_t look = n < 4096 ? n : 4096, odd = 0;
    for (size_t i = 0; i < look;) {
        unsigned char c = p[i];
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) odd++;
            i++;
            continue;
        }
        size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        size_t k = 1;
        while (len && k < len && i + k < look && (p[i + k] & 0xC0) == 0x80) k++;
        if (!len || (k < len && i + k < look)) { odd++; i++; }   /* not a UTF-8 sequence */
        else i += k;
    }
    if (look >= 64 && odd * 8 > look) return "binary data";
    return NULL;
}

int lb_is_table_file(const char *path)
{
    static const char *const ext[] = { ".csv", ".tsv", ".csv.gz", ".tsv.gz", NULL };
    size_t n = strlen(path);
    for (int i = 0; ext[i]; i++) {
        size_t e = strlen(ext[i]);
        if (n > e && !strcasecmp(path + n - e, ext[i])) return 1;
    }
    return 0;
}
