/* store.h: internals of the SQLite store (the lb_store handle, its cached
 * statements, the schema and the FTS5 tokenizer). Declarations only. */
#ifndef LB_STORE_H
#define LB_STORE_H
#include "lagebild.h"
#include "core/limits.h"
#include "core/buf.h"
#include <sqlite3.h>
#include <stdint.h>

/* The schema version this build writes; older databases are migrated. */
#define LB_STORE_SCHEMA_VERSION 4

/* The index terms of one document computed ahead of its put, in a worker
 * thread (lb_index_terms_compute), so that the writer replays them instead
 * of tokenizing. Per column (0 title, 1 body): the text's length and hash
 * (the replay checks both) and its tokens in rec[off, end) as records
 * [flags u8][length u16][start u32][end u32][bytes], all native-endian. */
#define LB_INDEX_TERMS_MAX_TEXT (1u << 20)   /* longer documents are tokenized by the writer */
struct lb_index_terms {
    lb_buf rec;
    struct { size_t off, end, len; uint64_t hash; int present; } col[2];
    /* lb_index_terms_hash: the SHA-256 of the document's text, and the text's
     * length and lb_hash_bytes, by which the put knows it is its document's */
    char sha[65];
    int has_sha;
    size_t text_len;
    uint64_t text_hash;
};

/* The longest stem (in characters) taken from the ISO 8859-1 stemmers: a
 * word has at most 128 (TOK_MAX in fts_tok.c), and Snowball german may
 * write ß as ss; longer ones (never) go to the UTF-8 stemmer. */
#define LB_FTS_STEM_MAX 320

/* Shared state of the FTS5 tokenizer of one connection: the language of the
 * document being indexed ("de", "en", else both stems are indexed). */
typedef struct lb_fts_state {
    char lang[8];
    struct sb_stemmer *de, *en;
    struct sb_stemmer *de1, *en1;    /* the same in ISO 8859-1 (fts_tok.c: stem_word) */
    char stem_buf[2][2 * LB_FTS_STEM_MAX];   /* a stem from ISO 8859-1 back in UTF-8, per stemmer */
    struct lb_stem_slot *stems[2];   /* stem caches (german, english), fts_tok.c */
    int stems_failed[2];             /* a cache could not be allocated: stem every word */
    const struct lb_index_terms *pre; /* terms of the document being indexed, or NULL */
} lb_fts_state;

/* A tokenizer outside any connection (one per worker thread). */
struct lb_indexer { lb_fts_state *st; };

enum lb_store_stmt {
    LB_ST_HAS, LB_ST_DOC, LB_ST_FTS, LB_ST_ACTOR_NEW, LB_ST_ACTOR,
    LB_ST_EVENT, LB_ST_PARTY, LB_ST_DYAD, LB_ST_DYAD_MONTH, LB_ST_DYAD_TOTAL, LB_ST_COUNTS, LB_ST_FTS_ROW,
    LB_ST_SAVEPOINT, LB_ST_RELEASE, LB_ST_ROLLBACK_TO,
    LB_ST_COUNT
};

/* Tables written with multi-row inserts (multirow.c): statements of 1, 2,
 * 4, ... LB_MULTIROW_MAX rows, prepared when first needed. */
enum lb_multirow_table { LB_MT_SENT, LB_MT_MENTION, LB_MT_TIMEX, LB_MT_QUOTE, LB_MT_COUNT };
#define LB_MULTIROW_LOG 5
#define LB_MULTIROW_MAX (1u << LB_MULTIROW_LOG)

/* Actor row ids seen in this connection, so that a put need not ask SQLite
 * for every party. Cleared whenever a write is rolled back. */
#define LB_ACTOR_CACHE_SLOTS 4096
typedef struct lb_actor_slot { uint64_t hash; char *key; int64_t id; } lb_actor_slot;

/* Actor counts (counts.c): those of the put under way, at most
 * LB_PUT_COUNTED actors at a time, and the totals of a batch of puts only,
 * indexed by actor id, with the ids touched. */
#define LB_PUT_COUNTED 256
enum { LB_COUNT_ACTOR, LB_COUNT_RECIPIENT, LB_COUNT_MENTION, LB_COUNT_QUOTE };
typedef struct lb_put_counts lb_put_counts;
typedef struct lb_batch_counts {
    int64_t (*total)[4];
    size_t cap;
    int64_t *touched;
    size_t ntouched, touched_cap;
} lb_batch_counts;

struct lb_store {
    sqlite3 *db;
    int readonly;
    int in_batch;
    int fk_off;                 /* foreign-key checks are off (since lb_store_begin_puts) */
    int puts_only;              /* the open batch was begun by lb_store_begin_puts */
    int bulk_checkpoint;        /* lb_store_begin_puts made checkpoints rarer (store.c) */
    lb_put_counts *put_counts;  /* staged by the put under way */
    lb_batch_counts bcounts;    /* of the open batch of puts only, written at commit */
    lb_fts_state *fts;
    sqlite3_stmt *st[LB_ST_COUNT];
    sqlite3_stmt *multi[LB_MT_COUNT][LB_MULTIROW_LOG + 1];   /* [table][log2 of its rows] */
    lb_actor_slot *acache;      /* LB_ACTOR_CACHE_SLOTS slots or NULL */
    size_t acache_used;
    char *annotator, *dicts;    /* recorded with every stored document (lb_store_set_annotator) */
    /* documents put in the open batch, indexed for full-text search at commit:
     * an FTS5 index written inside the batch would flush its pending terms to
     * a new segment at every put's savepoint (one segment per document) */
    struct lb_fts_pending { int64_t row; char lang[8]; const struct lb_index_terms *pre; } *fts_pending;
    size_t fts_npending, fts_cap;
    char err[LB_MAX_ERROR_BYTES];
};

/* The in-memory journal of a savepoint (every put) is one block of this
 * many bytes; larger journals go to a temporary file (store.c). */
#define LB_STORE_JOURNAL_BYTES (4 << 20)
/* Gives SQLite an allocator that keeps the journal's block from one
 * savepoint to the next (sqlmem.c); before SQLite is initialised. */
void lb_store_sqlite_mem_install(void);
/* Frees the kept journal block (a writing store closed); thread-safe. */
void lb_store_sqlite_mem_release(void);

/* Sets s->err (printf-style) and returns status. */
int lb_store_fail(lb_store *s, int status, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Sets s->err from the connection's last error, prefixed with what failed. */
int lb_store_dbfail(lb_store *s, const char *what);

/* Registers the "lagebild" FTS5 tokenizer on db; the state is owned by the
 * connection afterwards (freed when it closes). */
int lb_fts_register(sqlite3 *db, lb_fts_state **state);
/* Tokenizes text (n bytes) as column col of a document in st->lang and
 * appends the tokens to t (fts_tok.c). 0, or -1 when out of memory. */
int lb_fts_collect(lb_fts_state *st, struct lb_index_terms *t, int col, const char *text, size_t n);

/* Indexes the documents the open batch has put (put.c). */
int lb_store_index_pending(lb_store *s);
/* Indexes one stored document row for full-text search now (put.c). */
int lb_store_index_doc(lb_store *s, int64_t row, const char *lang);

/* The cached statement which (reset, parameters NULL), or NULL (put.c). */
sqlite3_stmt *lb_store_stmt(lb_store *s, int which);

/* Actor counts (counts.c): a put begins with lb_counts_begin_put, counts
 * one more of what (LB_COUNT_ACTOR, _RECIPIENT, _MENTION, _QUOTE) for an
 * actor with lb_counts_add and ends with lb_counts_end_put (which writes
 * them, or keeps them for the commit of a batch of puts only);
 * lb_counts_flush_batch writes a batch's totals (before its COMMIT),
 * lb_counts_drop_batch forgets them (rollback). LB_OK or an error status. */
int lb_counts_begin_put(lb_store *s);
int lb_counts_add(lb_store *s, int64_t id, int what);
int lb_counts_end_put(lb_store *s);
int lb_counts_flush_batch(lb_store *s);
void lb_counts_drop_batch(lb_store *s);
void lb_counts_free(lb_store *s);

/* How many columns a row of the table binds. */
int lb_multirow_ncol(int table);
/* How many rows the next insert takes of left rows (a power of two, at most
 * LB_MULTIROW_MAX; 0 when left is 0). */
size_t lb_multirow_chunk(size_t left);
/* The insert of rows rows (a power of two) into table, reset with its
 * parameters NULL (they are numbered row by row: 1..ncol, ncol+1..); NULL
 * when it cannot be prepared (the connection has the error). */
sqlite3_stmt *lb_multirow_stmt(lb_store *s, int table, size_t rows);
/* Finalizes the multi-row statements. */
void lb_multirow_finalize(lb_store *s);

/* The batch is over (committed or rolled back). */
void lb_store_batch_ended(lb_store *s);

/* Empties (and with free_all also frees) the actor id cache. */
void lb_store_cache_clear(lb_store *s, int free_all);

/* Recomputes the kept aggregates (dyad tables, actor counts) from the rows. */
int lb_schema_recount(lb_store *s);

/* Creates or migrates the schema to LB_STORE_SCHEMA_VERSION. */
int lb_schema_migrate(lb_store *s);
#endif
