/* lexicon.c: reads a compiled lexicon (format in data/morph/README.md)
 * into memory, validates every section, offset and id before use,
 * builds an index of its forms (a blocked bloom filter and slots with hash
 * fingerprints, lexicon_int.h) and a hash of its suffix keys (in memory,
 * not in the file), and looks forms up without allocation. */
#include "morph/lexicon_int.h"
#include "core/limits.h"
#include "core/zeroed.h"
#include "doc.h"
#include "lagebild.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

enum { SECT_FORM_OFF, SECT_FORM_BLOB, SECT_FORM_GRP, SECT_GROUPS, SECT_SET_OFF, SECT_SET_ITEMS,
       SECT_TAGS, SECT_LEMMA_OFF, SECT_LEMMA_BLOB, SECT_SUF_OFF, SECT_SUF_BLOB, SECT_SUF_RULE,
       SECT_RULES, SECT_HASH, SECT_COUNT };

typedef struct sect { uint32_t off, len; } sect;

typedef struct loadctx {
    const char *path;
    char *err;
    size_t errlen;
    const unsigned char *d;
    sect s[SECT_COUNT];
} loadctx;

static int fail(loadctx *c, size_t off, const char *what)
{
    snprintf(c->err, c->errlen, "%s: offset %zu: %s", c->path, off, what);
    return LB_EDATA;
}

/* Header: magic, version, lemma bits, the section table in bounds and aligned. */
static int check_header(loadctx *c, lb_lexicon *lx)
{
    if (lx->size < LBX_HEADER) return fail(c, lx->size, "file shorter than the header");
    if (memcmp(c->d, "LBLX", 4)) return fail(c, 0, "bad magic (not a lagebild lexicon)");
    if (lbx_u32(c->d + 4) != LBX_VERSION) return fail(c, 4, "unsupported version");
    lx->lemma_bits = lbx_u32(c->d + 8);
    if (lx->lemma_bits < 1 || lx->lemma_bits > 31) return fail(c, 8, "bad lemma bit count");
    lx->lemma_mask = (1u << lx->lemma_bits) - 1;
    if (lbx_u32(c->d + 12) != SECT_COUNT) return fail(c, 12, "bad section count");
    for (int i = 0; i < SECT_COUNT; i++) {
        size_t at = 16 + 8 * (size_t)i;
        c->s[i].off = lbx_u32(c->d + at);
        c->s[i].len = lbx_u32(c->d + at + 4);
        if (c->s[i].off < LBX_HEADER || c->s[i].off % 4 || c->s[i].off > lx->size ||
            c->s[i].len > lx->size - c->s[i].off)
            return fail(c, at, "section outside the file or misaligned");
    }
    return LB_OK;
}

/* An offset array section: u32[count+1], starting at 0, never decreasing,
 * ending at total. Sets *count. */
static int check_offsets(loadctx *c, int id, uint32_t total, uint32_t *count)
{
    const sect *s = &c->s[id];
    if (s->len < 4 || s->len % 4) return fail(c, s->off, "offset table of bad length");
    uint32_t n = s->len / 4 - 1, prev = 0;
    const unsigned char *p = c->d + s->off;
    if (lbx_u32(p) != 0) return fail(c, s->off, "offset table does not start at 0");
    for (uint32_t i = 1; i <= n; i++) {
        uint32_t v = lbx_u32(p + 4 * (size_t)i);
        if (v < prev || v > total) return fail(c, s->off + 4 * (size_t)i, "offset out of order or range");
        prev = v;
    }
    if (prev != total) return fail(c, s->off + 4 * (size_t)n, "offset table does not end at its data's end");
    *count = n;
    return LB_OK;
}

static int check_sizes(loadctx *c, lb_lexicon *lx)
{
    if (c->s[SECT_GROUPS].len % 4) return fail(c, c->s[SECT_GROUPS].off, "groups of bad length");
    if (c->s[SECT_SET_ITEMS].len % 2) return fail(c, c->s[SECT_SET_ITEMS].off, "tag set items of bad length");
    if (c->s[SECT_TAGS].len % 8) return fail(c, c->s[SECT_TAGS].off, "tags of bad length");
    if (c->s[SECT_RULES].len % 8) return fail(c, c->s[SECT_RULES].off, "rules of bad length");
    lx->n_groups = c->s[SECT_GROUPS].len / 4;
    lx->n_items = c->s[SECT_SET_ITEMS].len / 2;
    lx->n_tags = c->s[SECT_TAGS].len / 8;
    lx->n_rules = c->s[SECT_RULES].len / 8;
    uint32_t n2, n3;
    int rc;
    if ((rc = check_offsets(c, SECT_FORM_OFF, c->s[SECT_FORM_BLOB].len, &lx->n_forms))) return rc;
    if ((rc = check_offsets(c, SECT_FORM_GRP, lx->n_groups, &n2))) return rc;
    if (n2 != lx->n_forms) return fail(c, c->s[SECT_FORM_GRP].off, "group table does not match the forms");
    if ((rc = check_offsets(c, SECT_SET_OFF, lx->n_items, &lx->n_sets))) return rc;
    if ((rc = check_offsets(c, SECT_LEMMA_OFF, c->s[SECT_LEMMA_BLOB].len, &lx->n_lemmas))) return rc;
    if ((rc = check_offsets(c, SECT_SUF_OFF, c->s[SECT_SUF_BLOB].len, &lx->n_suf))) return rc;
    if ((rc = check_offsets(c, SECT_SUF_RULE, lx->n_rules, &n3))) return rc;
    if (n3 != lx->n_suf) return fail(c, c->s[SECT_SUF_RULE].off, "rule table does not match the suffixes");
    return LB_OK;
}

/* Every id in groups, tag sets, tags and rules within range; suffix keys sorted. */
static int check_ids(loadctx *c, const lb_lexicon *lx)
{
    for (uint32_t i = 0; i < lx->n_groups; i++) {
        uint32_t g = lbx_at(lx->groups, i);
        if ((g & lx->lemma_mask) >= lx->n_lemmas || (g >> lx->lemma_bits) >= lx->n_sets)
            return fail(c, c->s[SECT_GROUPS].off + 4 * (size_t)i, "group with a bad lemma or tag set id");
    }
    for (uint32_t i = 0; i < lx->n_items; i++)
        if (lbx_u16(lx->set_items + 2 * (size_t)i) >= lx->n_tags)
            return fail(c, c->s[SECT_SET_ITEMS].off + 2 * (size_t)i, "tag id out of range");
    for (uint32_t i = 0; i < lx->n_tags; i++)
        if (lx->tags[8 * (size_t)i + 4] >= LB_UPOS_COUNT)
            return fail(c, c->s[SECT_TAGS].off + 8 * (size_t)i + 4, "part of speech out of range");
    for (uint32_t i = 0; i < lx->n_rules; i++) {
        const unsigned char *r = lx->rules + 8 * (size_t)i;
        if (lbx_u32(r) >= lx->n_lemmas || lbx_u16(r + 4) >= lx->n_tags)
            return fail(c, c->s[SECT_RULES].off + 8 * (size_t)i, "rule with a bad lemma or tag id");
    }
    for (uint32_t i = 1; i < lx->n_suf; i++) {
        uint32_t a = lbx_at(lx->suf_off, i - 1), b = lbx_at(lx->suf_off, i), e = lbx_at(lx->suf_off, i + 1);
        size_t la = b - a, lb = e - b, m = la < lb ? la : lb;
        int cmp = memcmp(lx->suf_blob + a, lx->suf_blob + b, m);
        if (cmp > 0 || (cmp == 0 && la >= lb))
            return fail(c, c->s[SECT_SUF_BLOB].off + b, "suffix keys not sorted");
    }
    return LB_OK;
}

/* The file's hash index (section 13): a power of two of slots. Its entries
 * are not read (lookups use the in-memory index, lexicon_int.h), so they
 * are not checked either. */
static int check_hash(loadctx *c)
{
    const sect *s = &c->s[SECT_HASH];
    uint32_t slots = s->len / 4;
    if (s->len % 4 || slots < 2 || (slots & (slots - 1)))
        return fail(c, s->off, "hash index size not a power of two");
    return LB_OK;
}

static void bind_sections(const loadctx *c, lb_lexicon *lx)
{
    const unsigned char **dst[SECT_COUNT] = {
        &lx->form_off, &lx->form_blob, &lx->form_grp, &lx->groups, &lx->set_off, &lx->set_items,
        &lx->tags, &lx->lemma_off, &lx->lemma_blob, &lx->suf_off, &lx->suf_blob, &lx->suf_rule,
        &lx->rules, &lx->hash };
    for (int i = 0; i < SECT_COUNT; i++) *dst[i] = c->d + c->s[i].off;
}

/* Reads the file whole into a block on huge pages (lb_huge_block): a
 * lookup reads a form's bytes and readings at places all over the file's
 * 20 MB, and with the 4 KiB pages of a file mapping those loads missed the
 * TLB (+clauses on the benchmark corpus, 10 interleaved runs each: median
 * 0.856 -> 0.850 s, best 0.840 -> 0.829 s). Threads share the context, so
 * a process holds one copy. */
static int read_file(const char *path, lb_lexicon *lx, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) { snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno)); return LB_EIO; }
    struct stat st;
    if (fstat(fd, &st) != 0 || st.st_size < 0) {
        close(fd);
        snprintf(err, errlen, "%s: cannot determine the size", path);
        return LB_EIO;
    }
    size_t size = (size_t)st.st_size, got = 0;
    if (size > LB_MAX_LEXICON_BYTES || size < LBX_HEADER) {
        close(fd);
        snprintf(err, errlen, "%s: offset 0: file size %lld outside %d..%zu bytes", path,
                 (long long)st.st_size, (int)LBX_HEADER, (size_t)LB_MAX_LEXICON_BYTES);
        return LB_EDATA;
    }
    unsigned char *p = lb_huge_block(size);
    if (!p) { close(fd); snprintf(err, errlen, "%s: out of memory", path); return LB_ENOMEM; }
    int rerr = 0;                       /* the read error, 0 when the file ended early */
    while (got < size) {
        ssize_t k = read(fd, p + got, size - got);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) rerr = errno;
        if (k <= 0) break;
        got += (size_t)k;
    }
    close(fd);
    if (got < size) {
        free(p);
        if (rerr) snprintf(err, errlen, "%s: offset %zu: cannot read: %s", path, got, strerror(rerr));
        else snprintf(err, errlen, "%s: offset %zu: file shorter than its size", path, got);
        return LB_EIO;
    }
    lx->data = p;
    lx->size = size;
    return LB_OK;
}

/* The number of readings of form f (validated: no overflow). */
static uint32_t count_readings(const lb_lexicon *lx, uint32_t f)
{
    uint32_t k = 0, g0 = lbx_at(lx->form_grp, f), g1 = lbx_at(lx->form_grp, f + 1);
    for (uint32_t g = g0; g < g1 && !k; g++) {
        uint32_t set = lbx_at(lx->groups, g) >> lx->lemma_bits;
        k += lbx_at(lx->set_off, set + 1) - lbx_at(lx->set_off, set);
    }
    return k;
}

/* The fingerprint of a form's hash in a slot's tag (lexicon_int.h), and the tag's length field. */
static inline uint32_t slot_fp(uint64_t h) { return (uint32_t)(h >> 42) << 10; }
static inline uint32_t slot_len(size_t n) { return n < LBX_LONG ? (uint32_t)n : LBX_LONG; }

/* The fast hash of form f. */
static uint64_t form_hash(const lb_lexicon *lx, uint32_t f)
{
    uint32_t a = lbx_at(lx->form_off, f), b = lbx_at(lx->form_off, f + 1);
    return lbx_hash((const char *)lx->form_blob + a, b - a);
}

/* 1 when no tag set is empty: then a form has readings iff it has a group. */
static int sets_filled(const lb_lexicon *lx)
{
    for (uint32_t i = 0; i < lx->n_sets; i++)
        if (lbx_at(lx->set_off, i + 1) == lbx_at(lx->set_off, i)) return 0;
    return 1;
}

/* Sets the bloom bits of form f (hash h) and puts it into the first free
 * slot of its probe sequence (the table has more slots than forms); filled:
 * sets_filled. */
static void index_form(lb_lexicon *lx, uint32_t f, uint64_t h, int filled)
{
    uint32_t i = (uint32_t)h & lx->slot_mask;
    uint32_t g0 = lbx_at(lx->form_grp, f), g1 = lbx_at(lx->form_grp, f + 1);
    int has = filled ? g1 > g0 : count_readings(lx, f) > 0;
    lx->bloom[h & lx->bloom_mask] |= lbx_bloom_bits(h);
    uint32_t a = lbx_at(lx->form_off, f), b = lbx_at(lx->form_off, f + 1);
    while (lx->slots[i].form) i = (i + 1) & lx->slot_mask;
    lx->slots[i] = (struct lbx_slot){ slot_fp(h) | (has ? LBX_HAS : 0) | (g1 - g0 == 1 ? LBX_ONE : 0) | slot_len(b - a),
                                      f + 1, a, g1 - g0 == 1 ? lbx_at(lx->groups, g0) : 0 };
}

/* The bloom words (one per eight forms or fewer) and the slots (1.5 or more
 * per form) of the forms (lexicon_int.h). The slot and bloom word of the
 * form AHEAD places on are prefetched: one by one, every insert waited for
 * cache misses. */
static int build_form_index(lb_lexicon *lx, const char *name, char *err, size_t errlen)
{
    enum { AHEAD = 64 };
    size_t bits = 64, slots = 2;
    while (bits < (size_t)lx->n_forms * 8) bits *= 2;
    while (slots < (size_t)lx->n_forms + lx->n_forms / 2 + 1) slots *= 2;
    lx->bloom = calloc(bits / 64, sizeof *lx->bloom);
    lx->slots = lb_zeroed_huge(slots * sizeof *lx->slots);
    if (!lx->bloom || !lx->slots) {
        snprintf(err, errlen, "%s: out of memory", name);
        return LB_ENOMEM;
    }
    lx->bloom_mask = (uint32_t)(bits / 64 - 1);
    lx->slot_mask = (uint32_t)(slots - 1);
    uint64_t h[AHEAD];
    int filled = sets_filled(lx);
    for (uint32_t f = 0; f < lx->n_forms + AHEAD; f++) {
        if (f >= AHEAD) index_form(lx, f - AHEAD, h[f % AHEAD], filled);
        if (f >= lx->n_forms) continue;
        h[f % AHEAD] = form_hash(lx, f);
        __builtin_prefetch(&lx->slots[(uint32_t)h[f % AHEAD] & lx->slot_mask], 1);
        __builtin_prefetch(lbx_bloom_word(lx, h[f % AHEAD]), 1);
    }
    return LB_OK;
}

/* The in-memory index of the suffix keys (validated as sorted: unique). */
static int build_suffix_index(lb_lexicon *lx, const char *name, char *err, size_t errlen)
{
    size_t cap = 16;
    while (cap < (size_t)lx->n_suf * 2) cap *= 2;
    if (!(lx->suf_index = calloc(cap, sizeof *lx->suf_index))) {
        snprintf(err, errlen, "%s: out of memory", name);
        return LB_ENOMEM;
    }
    lx->suf_index_mask = (uint32_t)(cap - 1);
    for (uint32_t k = 0; k < lx->n_suf; k++) {
        uint32_t a = lbx_at(lx->suf_off, k), b = lbx_at(lx->suf_off, k + 1);
        uint32_t i = (uint32_t)lb_hash_bytes(lx->suf_blob + a, b - a) & lx->suf_index_mask;
        while (lx->suf_index[i]) i = (i + 1) & lx->suf_index_mask;
        lx->suf_index[i] = k + 1;
    }
    return LB_OK;
}

int64_t lbx_find_suffix(const lb_lexicon *lx, const char *key, size_t kn)
{
    for (uint32_t i = (uint32_t)lb_hash_bytes(key, kn) & lx->suf_index_mask, e; (e = lx->suf_index[i]) != 0;
         i = (i + 1) & lx->suf_index_mask) {
        uint32_t a = lbx_at(lx->suf_off, e - 1), b = lbx_at(lx->suf_off, e);
        if (b - a == kn && lb_key_eq((const char *)lx->suf_blob + a, key, kn)) return (int64_t)e - 1;
    }
    return -1;
}

/* Validates lx->data/size and binds the sections. */
static int validate(lb_lexicon *lx, const char *name, char *err, size_t errlen)
{
    loadctx c = { .path = name, .err = err, .errlen = errlen, .d = lx->data };
    int rc = check_header(&c, lx);
    if (rc == LB_OK) {
        bind_sections(&c, lx);
        rc = check_sizes(&c, lx);
    }
    if (rc == LB_OK) rc = check_ids(&c, lx);
    if (rc == LB_OK) rc = check_hash(&c);
    if (rc == LB_OK) rc = build_form_index(lx, name, err, errlen);
    if (rc == LB_OK) rc = build_suffix_index(lx, name, err, errlen);
    return rc;
}

int lb_lexicon_load(lb_lexicon **out, const char *path, char *err, size_t errlen)
{
    *out = NULL;
    lb_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx) { snprintf(err, errlen, "%s: out of memory", path); return LB_ENOMEM; }
    int rc = read_file(path, lx, err, errlen);
    if (rc == LB_OK) {
        lx->owned = 1;
        rc = validate(lx, path, err, errlen);
    }
    if (rc != LB_OK) { lb_lexicon_free(lx); return rc; }
    *out = lx;
    return LB_OK;
}

int lbx_open_memory(lb_lexicon **out, const void *data, size_t size, const char *name, char *err, size_t errlen)
{
    *out = NULL;
    lb_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx) { snprintf(err, errlen, "%s: out of memory", name); return LB_ENOMEM; }
    lx->data = data;
    lx->size = size;
    int rc = size > LB_MAX_LEXICON_BYTES ? LB_EDATA : validate(lx, name, err, errlen);
    if (rc != LB_OK) {
        if (size > LB_MAX_LEXICON_BYTES) snprintf(err, errlen, "%s: offset 0: file too large", name);
        lb_lexicon_free(lx);
        return rc;
    }
    *out = lx;
    return LB_OK;
}

void lb_lexicon_free(lb_lexicon *lx)
{
    if (!lx) return;
    if (lx->owned) free((void *)lx->data);
    free(lx->bloom);
    free(lx->slots);
    free(lx->suf_index);
    free(lx);
}

uint32_t lb_lexicon_tag_count(const lb_lexicon *lx) { return lx ? lx->n_tags : 0; }

void lb_lexicon_tag(const lb_lexicon *lx, uint32_t id, int *upos, uint32_t *feats)
{
    lb_reading r;
    lbx_tag(lx, id, &r);
    *upos = r.upos;
    *feats = r.feats;
}

const struct lbx_slot *lbx_probe(const lb_lexicon *lx, const char *form, size_t n, uint64_t h)
{
    uint32_t tag = slot_fp(h) | slot_len(n);
    for (uint32_t i = (uint32_t)h & lx->slot_mask;; i = (i + 1) & lx->slot_mask) {
        const struct lbx_slot *s = &lx->slots[i];
        if (!s->form) return NULL;
        if ((s->tag & ~(uint32_t)(LBX_HAS | LBX_ONE)) != tag) continue;
        if (n >= LBX_LONG && lbx_at(lx->form_off, s->form) - s->off != n) continue;
        if (lb_key_eq((const char *)lx->form_blob + s->off, form, n)) return s;
    }
}

void lb_lexicon_prefetch(const lb_lexicon *lx, const char *form, size_t n)
{
    if (lx && lx->n_forms) lbx_prefetch(lx, lbx_hash(form, n));
}

int lb_lexicon_has(const lb_lexicon *lx, const char *form, size_t n)
{
    return lx && form && lbx_has(lbx_find(lx, form, n, lbx_hash(form, n)));
}

/* The readings of group word v (lemma id, tag set id) into out[k..max);
 * returns k + the set's size. */
static inline __attribute__((always_inline)) int group_readings(const lb_lexicon *lx, uint32_t v, lb_reading *out, int k, int max)
{
    uint32_t lemma_len;
    const char *lemma = lbx_lemma(lx, v & lx->lemma_mask, &lemma_len);
    uint32_t set = v >> lx->lemma_bits;
    uint32_t i0 = lbx_at(lx->set_off, set), i1 = lbx_at(lx->set_off, set + 1);
    if (i1 - i0 > (uint32_t)(INT32_MAX / 2) - (uint32_t)k) return -1;   /* cannot happen in valid files */
    for (uint32_t i = i0; i < i1 && k + (int)(i - i0) < max; i++) {
        lb_reading *r = &out[k + (int)(i - i0)];
        lbx_tag(lx, lbx_u16(lx->set_items + 2 * (size_t)i), r);
        r->lemma = lemma;
        r->lemma_len = lemma_len;
        r->guessed = 0;
        r->head_off = 0;
    }
    return k + (int)(i1 - i0);
}

int lbx_readings(const lb_lexicon *lx, const struct lbx_slot *slot, lb_reading *out, int max)
{
    if (!slot) return 0;
    if (slot->tag & LBX_ONE) {
        int k = group_readings(lx, slot->group, out, 0, max);
        return k < 0 ? 0 : k;
    }
    uint32_t f = slot->form - 1;
    int k = 0;
    uint32_t g0 = lbx_at(lx->form_grp, f), g1 = lbx_at(lx->form_grp, f + 1);
    for (uint32_t g = g0; g < g1; g++) {
        int next = group_readings(lx, lbx_at(lx->groups, g), out, k, max);
        if (next < 0) return k;
        k = next;
    }
    return k;
}

int lb_lexicon_lookup(const lb_lexicon *lx, const char *form, size_t n, lb_reading *out, int max)
{
    return lx && form ? lbx_readings(lx, lbx_find(lx, form, n, lbx_hash(form, n)), out, max) : 0;
}
