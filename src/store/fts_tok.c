/* fts_tok.c: the "lagebild" FTS5 tokenizer: splits text into runs of letters
 * and digits (Unicode classes via utf8proc), lower-cases them and stems them
 * with Snowball german or english by the language of the document being
 * indexed; queries (and documents of unknown language) get both stems as
 * colocated tokens, so a query matches German and English articles alike.
 * Token boundaries never depend on the language, so snippets stay aligned.
 * It does not know about documents or the schema. */
#include "store/store.h"
#include "core/hash.h"
#include "core/zeroed.h"
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
 * recently used entry first. 64 Ki entries (4 MB, allocated when first
 * used, per language and thread) hold the vocabulary of some hundred
 * articles: on 3,862 news articles (126,000 distinct words) 76% hits with 16
 * Ki direct-mapped entries, 92% with these, 94% with 256 Ki (the 6% left are
 * nearly all first sightings). But a lookup waits for its set's address to
 * be translated, and under a hypervisor even huge pages are mapped by 4 KiB
 * host pages: 16 MB per table and thread overflowed the TLB. Share of the
 * CPU samples of `ingest --jobs 2` (3,862 articles) in the tokenizer plus
 * the stemmer, two runs each: 256 Ki entries 4.6%, 4.7%; 128 Ki 4.2%, 4.0%;
 * 64 Ki 3.8%, 3.8%; 32 Ki 3.8%, 4.0% (the stemmer's part grows as the
 * tokenizer's stall shrinks). A slot is one 64-byte cache
 * line and a set two aligned lines: the table is far larger than the CPU's
 * caches, so a lookup costs the lines it touches (slots of 66 bytes at any
 * offset touched three, and the stall on them was 4% of ingest's CPU time).
 * Words longer than STEM_WORD_MAX bytes are stemmed every time. */
#define STEM_CACHE_SLOTS 65536
#define STEM_WORD_MAX 29
#define STEM_SET_BYTES 128
struct lb_stem_slot { uint32_t hash; uint8_t wl, sl; char word[STEM_WORD_MAX], stem[STEM_WORD_MAX]; };
_Static_assert(sizeof(struct lb_stem_slot) * 2 == STEM_SET_BYTES, "a stem cache set is two cache lines");

static int slot_is(const struct lb_stem_slot *slot, uint32_t h, const char *w, int wl)
{
    return slot->hash == h && slot->wl == wl && !memcmp(slot->word, w, (size_t)wl);
}

/* The stem cache of stemmer which, allocated when first used by
 * lb_zeroed_huge: a lookup reads one set of 4 MB in no order, and with 4 KiB
 * pages nearly every lookup missed the TLB (perf put half the samples of the
 * tokenizer on the prefetch of the set, which waits for the page walk). Its
 * 2 MiB alignment starts the sets on 128-byte boundaries. NULL when out of
 * memory. */
_Static_assert((size_t)STEM_CACHE_SLOTS * sizeof(struct lb_stem_slot) >= LB_HUGE_ALIGN, "the stem cache is huge-page aligned");
static struct lb_stem_slot *stem_cache(lb_fts_state *st, int which)
{
    if (!st->stems[which] && !st->stems_failed[which]) {
        st->stems[which] = lb_zeroed_huge((size_t)STEM_CACHE_SLOTS * sizeof(struct lb_stem_slot));
        if (!st->stems[which]) st->stems_failed[which] = 1;
    }
    return st->stems[which];
}

/* w (wl bytes of UTF-8) in ISO 8859-1 into out (at least wl bytes): its
 * length, or -1 when a character is not in ISO 8859-1 (or the UTF-8 is
 * not well-formed: such words keep the UTF-8 stemmer). */
static int to_latin1(const char *w, int wl, unsigned char *out)
{
    int n = 0;
    for (int i = 0; i < wl; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c < 0x80) { out[n++] = c; continue; }
        unsigned char c2 = i + 1 < wl ? (unsigned char)w[i + 1] : 0;
        if ((c != 0xc2 && c != 0xc3) || (c2 & 0xc0) != 0x80) return -1;
        out[n++] = (unsigned char)(((c & 0x03) << 6) | (c2 & 0x3f));
        i++;
    }
    return n;
}

/* The Snowball stem of w (wl bytes, lower case) by stemmer which, NULL
 * when the stemmer failed; *sl its length. A word whose characters are all
 * in ISO 8859-1 (nearly every German and English word) is stemmed in that
 * encoding, its stem converted back to UTF-8 into st->stem_buf[which]: the same
 * Snowball algorithm on one byte per character costs about a quarter fewer
 * instructions than on UTF-8 (5,400 per distinct word of 3,862 articles),
 * and the stems are the same (tests/unit/test_fts_stem.c). Valid until the
 * next call for which. */
static const char *stem_word(lb_fts_state *st, int which, const char *w, int wl, int *sl)
{
    unsigned char l1[TOK_MAX + 8];
    struct sb_stemmer *sb1 = which ? st->en1 : st->de1;
    int n = sb1 && wl <= TOK_MAX ? to_latin1(w, wl, l1) : -1;
    const sb_symbol *r = n >= 0 ? sb_stemmer_stem(sb1, l1, n) : NULL;
    int rl = r ? sb_stemmer_length(sb1) : 0, o = 0;
    if (!r || rl > LB_FTS_STEM_MAX) {   /* not ISO 8859-1, or the stemmer failed: as UTF-8 */
        struct sb_stemmer *sb = which ? st->en : st->de;
        const sb_symbol *u = sb_stemmer_stem(sb, (const sb_symbol *)w, wl);
        if (u) *sl = sb_stemmer_length(sb);
        return (const char *)u;
    }
    char *buf = st->stem_buf[which];
    for (int i = 0; i < rl; i++) {
        unsigned char c = r[i];
        if (c < 0x80) { buf[o++] = (char)c; continue; }
        buf[o++] = (char)(0xc0 | (c >> 6));
        buf[o++] = (char)(0x80 | (c & 0x3f));
    }
    *sl = o;
    return buf;
}

/* The stem of w (wl bytes) by stemmer which (0 german, 1 english), NULL when
 * the stemmer failed; *sl its length. h: the word's cache hash (word_hash),
 * 0 when it is too long for the cache. Valid until the next call for which. */
static const char *stem(lb_fts_state *st, int which, const char *w, int wl, uint32_t h, int *sl)
{
    struct lb_stem_slot *set = NULL, *cache = h ? stem_cache(st, which) : NULL;
    if (cache) {
        set = &cache[(h >> 1) % (STEM_CACHE_SLOTS / 2) * 2];
        if (slot_is(&set[0], h, w, wl)) { *sl = set[0].sl; return set[0].stem; }
        if (slot_is(&set[1], h, w, wl)) {
            struct lb_stem_slot t = set[1];
            set[1] = set[0]; set[0] = t;
            *sl = set[0].sl;
            return set[0].stem;
        }
    }
    const char *r = stem_word(st, which, w, wl, sl);
    if (!r) return NULL;
    if (set && *sl <= STEM_WORD_MAX) {
        set[1] = set[0];
        set[0].hash = h; set[0].wl = (uint8_t)wl; set[0].sl = (uint8_t)*sl;
        memcpy(set[0].word, w, (size_t)wl);
        memcpy(set[0].stem, r, (size_t)*sl);
        return set[0].stem;
    }
    return r;
}

/* A word found in the text and not yet emitted. tokenize emits each word
 * WORDS_AHEAD words after it found it, and prefetches its stem cache sets
 * when it finds it: the cache is far larger than the CPU's caches and is
 * read in no order, so a lookup waited for memory on nearly every word
 * (5% of ingest's CPU samples sat on the first load of the slot). */
#define WORDS_AHEAD 8
typedef struct word { int wl, start, end; uint32_t h; char w[TOK_MAX + 8]; } word;

/* Which stems a text gets: want[0] german, want[1] english (a document in
 * its language's, queries and other documents both), none for prefixes. */
static void wanted(const lb_fts_state *st, int flags, int want[2])
{
    want[0] = want[1] = !(flags & FTS5_TOKENIZE_PREFIX);
    if (want[0] && (flags & FTS5_TOKENIZE_DOCUMENT)) {
        if (!strcmp(st->lang, "de")) want[1] = 0;
        else if (!strcmp(st->lang, "en")) want[0] = 0;
    }
    want[0] = want[0] && st->de;
    want[1] = want[1] && st->en;
}

/* Sets wd's cache hash and prefetches its sets in the caches it will read. */
static void word_found(lb_fts_state *st, const int want[2], word *wd)
{
    wd->h = wd->wl <= STEM_WORD_MAX ? (uint32_t)lb_hash_bytes(wd->w, (size_t)wd->wl) | 1u : 0;   /* 0: not cached */
    for (int k = 0; k < 2 && wd->h; k++) {
        const struct lb_stem_slot *cache = want[k] ? stem_cache(st, k) : NULL;
        if (!cache) continue;
        const struct lb_stem_slot *set = &cache[(wd->h >> 1) % (STEM_CACHE_SLOTS / 2) * 2];
        __builtin_prefetch(set);
        __builtin_prefetch(set + 1);
    }
}

static int emit(lb_fts_state *st, void *ctx, token_cb cb, int flags, const int want[2], const word *wd)
{
    const char *w = wd->w;
    int wl = wd->wl, s = wd->start, e = wd->end;
    if (flags & FTS5_TOKENIZE_PREFIX) return cb(ctx, 0, w, wl, s, e);
    const char *first = NULL;
    int firstl = 0, rc;
    if (want[0]) first = stem(st, 0, w, wl, wd->h, &firstl);
    if (first) {
        rc = cb(ctx, 0, first, firstl, s, e);
        if (rc != SQLITE_OK) return rc;
    }
    if (want[1]) {
        int l = 0;
        const char *r = stem(st, 1, w, wl, wd->h, &l);
        /* first points into the german stemmer's buffer or cache, still valid here */
        if (r && !(first && l == firstl && !memcmp(r, first, (size_t)l)))
            return cb(ctx, first ? FTS5_TOKEN_COLOCATED : 0, r, l, s, e);
        if (r && !first) return cb(ctx, 0, r, l, s, e);
        return SQLITE_OK;
    }
    if (!first) return cb(ctx, 0, w, wl, s, e);
    return SQLITE_OK;
}

/* The end of the word that starts at text[i] (a word character), its
 * lower-cased bytes (at most TOK_MAX) in w, their number in *wl. */
static int scan_word(const char *text, int i, int n, char *w, int *wl)
{
    int l = 0;   /* not *wl: a store through w (a char pointer) would reload it every byte */
    while (i < n) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {   /* ASCII: the same classes and case as utf8proc gives, without its tables */
            unsigned char f = ascii_fold[c];
            if (!f) break;
            if (l < TOK_MAX) w[l++] = (char)f;
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i, n - i, &cp);
        if (k <= 0 || !is_word(cp)) break;
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t el = utf8proc_encode_char(utf8proc_tolower(cp), enc);
        if (l + el <= TOK_MAX) { memcpy(w + l, enc, (size_t)el); l += (int)el; }
        i += (int)k;
    }
    *wl = l;
    return i;
}

static int tokenize(lb_fts_state *st, void *ctx, int flags, const char *text, int n, token_cb cb)
{
    word ring[WORDS_AHEAD];
    int want[2], head = 0, count = 0, i = 0, rc = SQLITE_OK;
    wanted(st, flags, want);
    pthread_once(&ascii_once, ascii_fold_fill);
    while (i < n && rc == SQLITE_OK) {
        utf8proc_int32_t cp;
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80 && !ascii_fold[c]) { i++; continue; }
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)text + i, n - i, &cp);
        if (k <= 0) { i++; continue; }
        if (!is_word(cp)) { i += (int)k; continue; }
        word *wd = &ring[(head + count) % WORDS_AHEAD];
        wd->start = i;
        i = wd->end = scan_word(text, i, n, wd->w, &wd->wl);
        word_found(st, want, wd);
        if (++count < WORDS_AHEAD) continue;
        rc = emit(st, ctx, cb, flags, want, &ring[head]);
        head = (head + 1) % WORDS_AHEAD;
        count--;
    }
    for (; count && rc == SQLITE_OK; count--, head = (head + 1) % WORDS_AHEAD)
        rc = emit(st, ctx, cb, flags, want, &ring[head]);
    return rc;
}


enum { REC_HEAD = 1 + 2 + 4 + 4 };

/* The token callback of lb_fts_collect: one record per token. */
static int collect_cb(void *ctx, int flags, const char *tok, int len, int start, int end)
{
    lb_buf *b = ctx;
    if (len < 0 || len > 0xffff) return SQLITE_OK;
    size_t need = REC_HEAD + (size_t)len;   /* room checked here first: lb_buf_reserve is a call per token */
    if ((b->len + need >= b->cap || b->len + need > b->max) && lb_buf_reserve(b, need)) return SQLITE_NOMEM;
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
    if (st->de1) sb_stemmer_delete(st->de1);
    if (st->en1) sb_stemmer_delete(st->en1);
    free(st->stems[0]);
    free(st->stems[1]);
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
    st->de1 = sb_stemmer_new("german", "ISO_8859_1");    /* NULL: every word by the UTF-8 stemmer */
    st->en1 = sb_stemmer_new("english", "ISO_8859_1");
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
