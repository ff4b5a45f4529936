/* gztail.c: finds data after the last gzip member of a file. zlib's gzread
 * ends quietly where a gzip stream is followed by something that is not
 * gzip (a plain file appended to a .gz), so that part would be lost without
 * a word; this pass inflates the members (output discarded) to find where
 * they end. Reads the file; never prints. */
#include "read/reader_internal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* Inflates one gzip member from f, starting with the n bytes at in; on
 * return *used is how many input bytes the member took from the start of in
 * (refilling in from f as needed, so in holds the bytes after it and *left
 * their number). 0 ok, -1 corrupt or truncated (the reader reports that). */
static int skip_member(FILE *f, unsigned char *in, size_t cap, size_t *left, uint64_t *consumed,
                       unsigned char *out, size_t outcap)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 15 + 16) != Z_OK) return -1;
    zs.next_in = in;
    zs.avail_in = (uInt)*left;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (zs.avail_in == 0) {
            *consumed += (uint64_t)(zs.next_in - in);
            size_t n = fread(in, 1, cap, f);
            if (n == 0) { inflateEnd(&zs); return -1; }
            zs.next_in = in;
            zs.avail_in = (uInt)n;
        }
        zs.next_out = out;
        zs.avail_out = (uInt)outcap;
        rc = inflate(&zs, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) { inflateEnd(&zs); return -1; }
    }
    *consumed += (uint64_t)(zs.next_in - in);
    /* move the rest to the front */
    memmove(in, zs.next_in, zs.avail_in);
    *left = zs.avail_in;
    inflateEnd(&zs);
    return 0;
}

#define GZT_BUF (1 << 16)

static int scan(FILE *f, unsigned char *in, unsigned char *out, uint64_t *offset, uint64_t *length)
{
    size_t left = fread(in, 1, GZT_BUF, f);
    uint64_t consumed = 0;
    int found = 0;
    if (left < 2 || in[0] != 0x1f || in[1] != 0x8b) return 0;   /* not gzip */
    for (;;) {
        if (skip_member(f, in, GZT_BUF, &left, &consumed, out, GZT_BUF)) return -1;
        if (left < 2) left += fread(in + left, 1, GZT_BUF - left, f);
        if (left == 0) break;                                        /* ends with a member */
        if (left >= 2 && in[0] == 0x1f && in[1] == 0x8b) continue;   /* another member */
        /* something else: zlib ignores it; zero padding alone is no data */
        uint64_t n = 0;
        int nonzero = 0;
        do {
            for (size_t i = 0; i < left && !nonzero; i++) nonzero = in[i] != 0;
            n += left;
        } while ((left = fread(in, 1, GZT_BUF, f)) > 0);
        if (nonzero) { *offset = consumed; *length = n; found = 1; }
        break;
    }
    return found;
}

int lb_gz_trailing(const char *path, uint64_t *offset, uint64_t *length)
{
    *offset = *length = 0;
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    unsigned char *in = malloc(GZT_BUF), *out = malloc(GZT_BUF);
    int rc = in && out ? scan(f, in, out, offset, length) : -1;
    free(in);
    free(out);
    fclose(f);
    return rc;
}
