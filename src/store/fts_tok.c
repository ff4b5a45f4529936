/* fts_tok.c: the "lagebild" FTS5 tokenizer: splits text into runs of letters
 * and digits (Unicode classes via utf8proc), lower-cases them and stems them
 * with Snowball german or english by the language of the document being
 * indexed; queries (and documents of unknown language) get both stems as
 * colocated tokens, so a query matches German and English articles alike.
 * Token boundaries never depend on the language, so snippets stay aligned.
 * It does not know about documents or the schema. */
#include "store/store.h"
#include "core/zeroed.h"
#include "core/hash.h"
#include <libstemmer.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define TOK_MAX 128  /* longer words are indexed by their first bytes */

typedef struct lb_fts_tok { lb_fts_state *st; } lb_fts_tok;

static int tok_create(void *user, const char **argv, int argc, Fts5Tokenizer **out)
{
    lb_fts_tok *t = malloc(sizeof *t);
    if (!t) return SQLITE_NOMEM;
    t->st = user;
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void tok_delete(Fts5Tokenizer *t) { free(t); }

static int is_word(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

/* ASCII bytes of words (digits and letters) as they are indexed (letters
 * lower-cased), 0 for the others: one load per byte in tokenize's loop
 * instead of three range tests and a fourth for the case. Filled once. */
static unsigned char ascii_fold[128];
static pthread_once_t ascii_once = PTHREAD_ONCE_INIT;

static void ascii_fold_fill(void)
{
    for (int c = '0'; c <= '9'; c++) ascii_fold[c] = (unsigned char)c;
    for (int c = 'a'; c <= 'z'; c++) ascii_fold[c] = (unsigned char)c;
    for (int c = 'A'; c <= 'Z'; c++) ascii_fold[c] = (unsigned char)(c + 32);
}

typedef int (*token_cb)(void *, int, const char *, int, int, int);

/* A cache of stems per language (most words of a text recur: the Snowball
 * stemmer costs more than the rest of the indexing): two-way sets, the
 * recently used entry first. 256 Ki entries (16 MB, allocated when first
 * used, per language and thread) hold the vocabulary of some thousand
 * articles: on 3,862 news articles (126,000 distinct words) 76% hits with 16
 * Ki direct-mapped entries, 92% with 64 Ki in two-way sets, 94% with these
 * (the 6% left are nearly all first sightings). A slot is one 64-byte cache
 * line and a set two aligned lines: the table is far larger than the CPU's
 * caches, so a lookup costs the lines it touches (slots of 66 bytes at any
 * offset touched three, and the stall on them was 4% of ingest's CPU time).
 * Words longer than STEM_WORD_MAX bytes are stemmed every time. */
#define STEM_CACHE_SLOTS 262144
#define STEM_WORD_MAX 29
#define STEM_SET_BYTES 128
struct lb_stem_slot { uint32_t hash; uint8_t wl, sl; char word[STEM_WORD_MAX], stem[STEM_WORD_MAX]; };
_Static_assert(sizeof(struct lb_stem_slot) * 2 == STEM_SET_BYTES, "a stem cache set is two cache lines");

static int slot_is(const struct lb_stem_slot *slot, uint32_t h, const char *w, int wl)
{
    return slot->hash == h && slot->wl == wl && !memcmp(slot->word, w, (size_t)wl);
}

/* The stem cache of stemmer which, allocated when first used: its sets
 * start at a multiple of STEM_SET_BYTES (the block st->stem_mem[which]
 * is freed). NULL when out of memory. */
static struct lb_stem_slot *stem_cache(lb_fts_state *st, int which)
{
    if (!st->stems[which] && !st->stem_mem[which]) {
        unsigned char *m = lb_zeroed(STEM_CACHE_SLOTS + 2, sizeof(struct lb_stem_slot));
        if (!m) return NULL;
        st->stem_mem[which] = m;
        st->stems[which] = (struct lb_stem_slot *)(m + (STEM_SET_BYTES - (uintptr_t)m % STEM_SET_BYTES) % STEM_SET_BYTES);
    }
    return st->stems[which];
}

/* The stem of w (wl bytes) by stemmer which (0 german, 1 english), NULL when
 * the stemmer failed; *sl its length. Valid until the next call for which. */
static const char *stem(lb_fts_state *st, int which, const char *w, int wl, int *sl)
{
    struct sb_stemmer *sb = which ? st->en : st->de;
    struct lb_stem_slot *set = NULL, *cache = wl <= STEM_WORD_MAX ? stem_cache(st, which) : NULL;
    uint32_t h = 0;
    if (cache) {
        h = (uint32_t)lb_hash_bytes(w, (size_t)wl) | 1u;   /* 0 marks an empty slot */
        set = &cache[(h >> 1) % (STEM_CACHE_SLOTS / 2) * 2];
        if (slot_is(&set[0], h, w, wl)) { *sl = set[0].sl; return set[0].stem; }
        if (slot_is(&set[1], h, w, wl)) {
            struct lb_stem_slot t = set[1];
            set[1] = set[0]; set[0] = t;
            *sl = set[0].sl;
            return set[0].stem;
        }
    }
    const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)w, wl);
    if (!r) return NULL;
    *sl = sb_stemmer_length(sb);
    if (set && *sl <= STEM_WORD_MAX) {
        set[1] = set[0];
        set[0].hash = h; set[0].wl = (uint8_t)wl; set[0].sl = (uint8_t)*sl;
        memcpy(set[0].word, w, (size_t)wl);
        memcpy(set[0].stem, r, (size_t)*sl);
        return set[0].stem;
    }
    return (const char *)r;
}

static int emit(lb_fts_state *st, void *ctx, token_cb cb, int flags, const char *w, int wl, int s, int e)
{
    if (flags & FTS5_TOKENIZE_PREFIX) return cb(ctx, 0, w, wl, s, e);
    int want_de = 1, want_en = 1;
    if (flags & FTS5_TOKENIZE_DOCUMENT) {
        if (!strcmp(st->lang, "de")) want_en = 0;
        else if (!strcmp(st->lang, "en")) want_de = 0;
    }
    const char *first = NULL;
    int firstl = 0, rc;
    if (want_de && st->de) first = stem(st, 0, w, wl, &firstl);
    if (first) {
        rc = cb(ctx, 0, first, firstl, s, e);
        if (rc != SQLITE_OK) return rc;
    }
    if (want_en && st->en) {
        int l = 0;
        const char *r = stem(st, 1, w, wl, &l);
        /* first points into the german stemmer's buffer or cache, still valid here */
        if (r && !(first && l == firstl && !memcmp(r, first, (size_t)l)))
            return cb(ctx, first ? FTS5_TOKEN_COLOCATED : 0, r, l, s, e);
        if (r && !first) return cb(ctx, 0, r, l, s, e);
        return SQLITE_OK;
    }
    if (!first) return cb(ctx, 0, w, wl, s, e);
    return SQLITE_OK;
}

static int tokenize(lb_fts_state *st, void *ctx, int flags, const char *text, int n, token_cb cb)
{
    char w[TOK_MAX + 8];
    int i = 0;
    pthread_once(&ascii_once, ascii_fold_fill);
    while (i < n) {
        utf8proc_int32_t cp;
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80 && !ascii_fold[c]) { i++; continue; }
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i, n - i, &cp);
        if (k <= 0) { i++; continue; }
        if (!is_word(cp)) { i += (int)k; continue; }
        int start = i, wl = 0;
        while (i < n) {
            c = (unsigned char)text[i];
            if (c < 0x80) {   /* ASCII: the same classes and case as utf8proc gives, without its tables */
                unsigned char f = ascii_fold[c];
                if (!f) break;
                if (wl < TOK_MAX) w[wl++] = (char)f;
                i++;
                continue;
            }
            k = utf8proc_iterate((const utf8proc_uint8_t *)text + i, n - i, &cp);
            if (k <= 0 || !is_word(cp)) break;
            utf8proc_uint8_t enc[4];
            utf8proc_ssize_t el = utf8proc_encode_char(utf8proc_tolower(cp), enc);
            if (wl + el <= TOK_MAX) { memcpy(w + wl, enc, (size_t)el); wl += (int)el; }
            i += (int)k;
        }
        int rc = emit(st, ctx, cb, flags, w, wl, start, i);
        if (rc != SQLITE_OK) return rc;
    }
    return SQLITE_OK;
}


enum { REC_HEAD = 1 + 2 + 4 + 4 };

/* The token callback of lb_fts_collect: one record per token. */
static int collect_cb(void *ctx, int flags, const char *tok, int len, int start, int end)
{
    lb_buf *b = ctx;
    if (len < 0 || len > 0xffff) return SQLITE_OK;
    if (lb_buf_reserve(b, REC_HEAD + (size_t)len)) return SQLITE_NOMEM;
    unsigned char *head = (unsigned char *)b->data + b->len;   /* one record, written in place */
    uint16_t l = (uint16_t)len;
    uint32_t s = (uint32_t)start, e = (uint32_t)end;
    head[0] = (unsigned char)flags;
    memcpy(head + 1, &l, 2); memcpy(head + 3, &s, 4); memcpy(head + 7, &e, 4);
    memcpy(head + REC_HEAD, tok, (size_t)len);
    b->len += REC_HEAD + (size_t)len;
    b->data[b->len] = '\0';
    return SQLITE_OK;
}

int lb_fts_collect(lb_fts_state *st, struct lb_index_terms *t, int col, const char *text, size_t n)
{
    t->col[col].present = 0;
    if (n > LB_INDEX_TERMS_MAX_TEXT) return -1;
    t->col[col].off = t->rec.len;
    if (tokenize(st, &t->rec, FTS5_TOKENIZE_DOCUMENT, text, (int)n, collect_cb) != SQLITE_OK) return -1;
    t->col[col].end = t->rec.len;
    t->col[col].len = n;
    t->col[col].hash = lb_hash_bytes(text, n);
    t->col[col].present = 1;
    return 0;
}

/* Replays the terms computed ahead for this text; 1 when done (rc set), 0
 * when none match it (the text is tokenized then). */
static int replay(const struct lb_index_terms *t, void *ctx, const char *text, int n, token_cb cb, int *rc)
{
    int col = -1;
    for (int c = 0; c < 2 && col < 0; c++)
        if (t->col[c].present && t->col[c].len == (size_t)n && t->col[c].hash == lb_hash_bytes(text, (size_t)n)) col = c;
    if (col < 0) return 0;
    const unsigned char *p = (const unsigned char *)t->rec.data + t->col[col].off;
    const unsigned char *end = (const unsigned char *)t->rec.data + t->col[col].end;
    *rc = SQLITE_OK;
    while (p + REC_HEAD <= end && *rc == SQLITE_OK) {
        uint16_t l; uint32_t s, e;
        memcpy(&l, p + 1, 2); memcpy(&s, p + 3, 4); memcpy(&e, p + 7, 4);
        *rc = cb(ctx, p[0], (const char *)p + REC_HEAD, l, (int)s, (int)e);
        p += REC_HEAD + l;
    }
    return 1;
}

static int tok_tokenize(Fts5Tokenizer *tk, void *ctx, int flags, const char *text, int n, token_cb cb)
{
    lb_fts_state *st = ((lb_fts_tok *)tk)->st;
    int rc;
    if (st->pre && flags == FTS5_TOKENIZE_DOCUMENT && replay(st->pre, ctx, text, n, cb, &rc)) return rc;
    return tokenize(st, ctx, flags, text, n, cb);
}

static void state_free(void *p)
{
    lb_fts_state *st = p;
    if (!st) return;
    if (st->de) sb_stemmer_delete(st->de);
    if (st->en) sb_stemmer_delete(st->en);
    free(st->stem_mem[0]);
    free(st->stem_mem[1]);
    free(st);
}

static fts5_api *get_api(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

/* A tokenizer state with both stemmers (NULL when out of memory). */
static lb_fts_state *state_new(void)
{
    lb_fts_state *st = calloc(1, sizeof *st);
    if (!st) return NULL;
    memcpy(st->lang, "und", 4);
    st->de = sb_stemmer_new("german", "UTF_8");
    st->en = sb_stemmer_new("english", "UTF_8");
    return st;
}

int lb_indexer_new(lb_indexer **out)
{
    *out = calloc(1, sizeof **out);
    if (!*out) return LB_ENOMEM;
    if (!((*out)->st = state_new())) { free(*out); *out = NULL; return LB_ENOMEM; }
    return LB_OK;
}

void lb_indexer_free(lb_indexer *ix)
{
    if (!ix) return;
    state_free(ix->st);
    free(ix);
}

int lb_fts_register(sqlite3 *db, lb_fts_state **state)
{
    *state = NULL;
    fts5_api *api = get_api(db);
    if (!api) return SQLITE_ERROR;
    lb_fts_state *st = state_new();
    if (!st) return SQLITE_NOMEM;
    fts5_tokenizer t = { tok_create, tok_delete, tok_tokenize };
    int rc = api->xCreateTokenizer(api, "lagebild", st, &t, state_free);
    if (rc != SQLITE_OK) { state_free(st); return rc; }
    *state = st;
    return SQLITE_OK;
}
