/* lagebild.h: the public API of liblagebild.
 *
 * lagebild turns news articles into annotations (clean body, sentences,
 * actors, temporal expressions, quotes, events) and stores them. The CLI and
 * any server are thin clients of this header.
 *
 * Conventions (in the manner of libgit2 and SQLite):
 *   - Opaque handles: lb_x_new() creates, lb_x_free() destroys; free(NULL) is a no-op.
 *   - Functions return an int status (LB_OK or a negative LB_E* code);
 *     out-parameters come first. The error text lives on the handle
 *     (lb_x_errmsg) and stays valid until the next call on that handle.
 *   - Text is (pointer, length) UTF-8; offsets are byte offsets into the
 *     document text as given. Nothing relies on NUL termination of input.
 *   - Ownership: every function says who owns what it returns. "Borrowed"
 *     means owned by the handle and valid until the stated point.
 *   - Library code never prints, exits or aborts.
 *   - An lb_ctx is read-only once created and may be shared by threads; an
 *     lb_doc or lb_reader belongs to one thread at a time.
 */
#ifndef LAGEBILD_H
#define LAGEBILD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- status codes ------------------------------------------------------ */
#define LB_OK        0
#define LB_DONE      1    /* lb_reader_next: no more documents */
#define LB_ERROR    (-1)  /* generic failure; see the handle's errmsg */
#define LB_ENOMEM   (-2)  /* out of memory */
#define LB_EINPUT   (-3)  /* malformed input for one document (batch goes on) */
#define LB_EIO      (-4)  /* file cannot be opened or read */
#define LB_ELIMIT   (-5)  /* an input exceeded a hard cap (see docs/limits) */
#define LB_EDATA    (-6)  /* a dictionary file is malformed */
#define LB_EUSAGE   (-7)  /* invalid argument */

/* Returns a static string naming a status code, e.g. "malformed input". */
const char *lb_strerror(int status);
/* Returns the library version, a static string. */
const char *lb_version(void);

/* ---- context: loaded dictionaries -------------------------------------- */
typedef struct lb_ctx lb_ctx;

/* Loads and compiles the dictionaries under data_dir (NULL: $LAGEBILD_DATA,
 * else the directory compiled in). On failure *out is still set when memory
 * allowed it, so that lb_ctx_errmsg can say which file and line failed; the
 * caller frees it either way. */
int lb_ctx_new(lb_ctx **out, const char *data_dir);
void lb_ctx_free(lb_ctx *ctx);
/* Borrowed; valid until the next call on ctx. Never NULL. */
const char *lb_ctx_errmsg(const lb_ctx *ctx);
/* Borrowed; the data directory in use. */
const char *lb_ctx_data_dir(const lb_ctx *ctx);
/* Like lb_ctx_new, but without the tagger's models (a third of the loading
 * time): for lb_actors_lookup, whose mentions do not depend on tags.
 * Documents annotated on it get no part-of-speech tags. */
int lb_ctx_new_lookup(lb_ctx **out, const char *data_dir);
/* Data files the context was made without although its stages use them
 * (a stage's directory without data files, a missing tagger model): one
 * "path: problem" per line, "" when none. Borrowed from ctx. */
const char *lb_ctx_warnings(const lb_ctx *ctx);
/* The SHA-256 (64 hex digits and NUL into out) of every dictionary ctx was
 * made from: the files under its data directory (relative path and content)
 * and the user dictionaries added with lb_ctx_add_dict. Reads the files
 * again; LB_OK, LB_EIO or LB_ENOMEM (lb_ctx_errmsg says which file). */
int lb_ctx_digest(char out[65], lb_ctx *ctx);
/* Adds a user dictionary of actors (format: data/actors/README.md) to ctx,
 * after the built-in files; a later record for the same name or person
 * replaces an earlier one. Call before annotating (ctx is read-only once in
 * use). LB_OK, LB_EIO or LB_EDATA; lb_ctx_errmsg then says "file:line: problem". */
int lb_ctx_add_dict(lb_ctx *ctx, const char *path);
/* Describes what name resolves to on date (ISO 8601, NULL = latest roles):
 * one line per mention found ("surface TAB type form TAB code/sector TAB
 * canonical [wikidata]"), persons followed by their dated roles. *out is
 * malloc'd, NUL-terminated, owned by the caller (free()). */
int lb_actors_lookup(char **out, const lb_ctx *ctx, const char *name, size_t name_len, const char *date);

/* ---- input documents --------------------------------------------------- */
/* One document as read. All pointers are borrowed from whoever filled the
 * struct (for lb_reader_next: valid until the next lb_reader_next/free).
 * Optional strings are NULL when absent; lengths are byte counts. */
typedef struct lb_input {
    const char *id;     size_t id_len;
    const char *text;   size_t text_len;
    int is_html;        /* text holds an HTML page: the html stage extracts its main text */
    const char *date;   size_t date_len;
    const char *lang;   size_t lang_len;
    const char *source; size_t source_len;
    const char *url;    size_t url_len;
    const char *title;  size_t title_len;
    const char *origin; /* NUL-terminated "file:line" for messages */
    size_t repaired;    /* invalid UTF-8 sequences replaced with U+FFFD */
    size_t nuls;        /* NUL bytes replaced with spaces */
} lb_input;

/* ---- reader: files, directories, stdin, JSONL, gzip -------------------- */
typedef struct lb_reader lb_reader;

typedef enum lb_format {
    LB_FORMAT_AUTO = 0, /* by extension (.jsonl/.ndjson), else by first byte '{' */
    LB_FORMAT_TEXT,     /* one article per file */
    LB_FORMAT_JSONL     /* one JSON object per line, per the eval contract */
} lb_format;

int lb_reader_new(lb_reader **out, lb_format format);
void lb_reader_free(lb_reader *r);
/* Queues a file, a directory (walked recursively, sorted by name) or "-" for
 * standard input. Gzip files are decompressed transparently. Never fails for
 * a missing file here: that error comes from lb_reader_next in its turn. */
int lb_reader_add(lb_reader *r, const char *path);
/* Fills *in with the next document. Returns LB_OK, LB_DONE at the end, or a
 * negative status for an item that could not be read (malformed line, unreadable
 * file, over a limit); lb_reader_errmsg then names file and position, and the
 * caller may go on calling lb_reader_next for the rest of the batch. */
int lb_reader_next(lb_reader *r, lb_input *in);
/* Borrowed; valid until the next call on r. Never NULL. */
const char *lb_reader_errmsg(const lb_reader *r);
/* Borrowed: the id of the item that failed, if it was known, else NULL. */
const char *lb_reader_failed_id(const lb_reader *r);
/* How far the reader has got, for a progress display that never reads the
 * input twice: *done bytes of the queued files consumed so far (compressed
 * bytes for gzip) of *total, the sum of their sizes when queued. *total is 0
 * when some source's size is unknown (standard input, a pipe). */
int lb_reader_progress(uint64_t *done, uint64_t *total, const lb_reader *r);

/* ---- documents and annotation ------------------------------------------ */
typedef struct lb_doc lb_doc;

typedef struct lb_span { size_t start, end; } lb_span;

/* A document handle is reused across documents: its memory is recycled. */
int lb_doc_new(lb_doc **out, const lb_ctx *ctx);
void lb_doc_free(lb_doc *doc);
/* Borrowed; valid until the next call on doc. Never NULL. */
const char *lb_doc_errmsg(const lb_doc *doc);

/* Copies the input and runs the whole pipeline on it. Returns LB_OK or a
 * negative status (the document is then empty; lb_doc_errmsg says why). */
int lb_doc_annotate(lb_doc *doc, const lb_input *in);

/* Pipeline stages, in order; lb_doc_annotate_upto stops after the named one.
 * Used by benchmarks to time each layer (and by tests to run a stage alone). */
typedef enum lb_stage {
    LB_STAGE_HTML = 0,  /* main text of an HTML input (always runs) */
    LB_STAGE_CLEAN = 1, LB_STAGE_TEXT, LB_STAGE_MORPH, LB_STAGE_SYNTAX, LB_STAGE_ACTORS, LB_STAGE_TIME,
    LB_STAGE_DISCOURSE, /* entities and their mentions (names, descriptions, pronouns) */
    LB_STAGE_QUOTES,
    LB_STAGE_ALL,       /* ... and events */
    LB_STAGE_EVENTS = LB_STAGE_ALL
} lb_stage;
int lb_doc_annotate_upto(lb_doc *doc, const lb_input *in, lb_stage last);
/* A static string naming the stage ("clean", "text", ..., "events"; also the
 * name of its data subdirectory), NULL for a value that names no stage. */
const char *lb_stage_name(lb_stage stage);

/* The document text as copied (borrowed, valid until the next annotate). */
int lb_doc_text(const lb_doc *doc, const char **text, size_t *len);
/* Borrowed NUL-terminated id and language ("de", "en" or "und"). */
const char *lb_doc_id(const lb_doc *doc);
const char *lb_doc_lang(const lb_doc *doc);

/* A problem with the input that did not stop annotation (a publication date
 * that cannot be read, ...), or NULL. Borrowed until the next annotate. */
const char *lb_doc_warning(const lb_doc *doc);

/* How many invalid UTF-8 sequences (replaced by U+FFFD) and NUL bytes
 * (replaced by spaces) the input held. */
int lb_doc_repairs(size_t *invalid_utf8, size_t *nul_bytes, const lb_doc *doc);

/* Counts and items of the text layer; index out of range gives LB_EUSAGE. */
size_t lb_doc_body_count(const lb_doc *doc);
int lb_doc_body(lb_span *out, const lb_doc *doc, size_t i);
size_t lb_doc_sentence_count(const lb_doc *doc);
int lb_doc_sentence(lb_span *out, const lb_doc *doc, size_t i);
size_t lb_doc_token_count(const lb_doc *doc);
/* Token i: its span in the text and its normalised (NFC, case-folded) form,
 * borrowed until the next annotate. */
int lb_doc_token(lb_span *out, const char **norm, size_t *norm_len, const lb_doc *doc, size_t i);

/* ---- annotation layers: read access (mentions, quotes, events, clauses) --
 * For clients that show an analysis (lagebild explain) without the JSON.
 * Strings are borrowed: static, from the context's dictionaries or from doc,
 * valid until the next annotate or free of doc; NULL when unknown. Spans are
 * byte offsets into lb_doc_text; an empty span (start == end) means "none".
 * An index out of range gives LB_EUSAGE and leaves *out untouched. */
typedef struct lb_actor_info {
    const char *code;       /* "DEU", "NATO"; NULL: no political actor */
    const char *sector;     /* "GOV", "MIL", ... */
    const char *name;       /* canonical name */
    const char *wikidata;   /* Wikidata id, "Q183" */
} lb_actor_info;

typedef struct lb_mention_info {
    lb_span span;
    const char *type;       /* "PER", "LOC", "ORG" or "OTH" */
    const char *form;       /* "name", "deriv" (deutsch, Berliner) or "part" */
    lb_actor_info actor;    /* actor.code NULL when it codes no actor */
} lb_mention_info;
/* Mentions of people, places, organisations, in text order. */
size_t lb_doc_mention_count(const lb_doc *doc);
int lb_doc_mention(lb_mention_info *out, const lb_doc *doc, size_t i);

typedef struct lb_quote_info {
    lb_span span;           /* the quoted words, without quotation marks */
    int indirect;           /* 1: reported speech (sagte, dass ...) */
    lb_span speaker;        /* the speaker's words; empty when unknown */
    const char *speaker_name;
    lb_actor_info speaker_actor;
    lb_span cue;            /* the speech verb; empty when none */
    const char *frame;      /* kind of attribution: "speech verb", "colon (X: ...)",
                               "source preposition (laut X, according to X)", "none", ... */
    const char *speaker_ref;/* how the speaker's words refer to the speaker (discourse
                               layer): "name", "apposition", "description", "pronoun";
                               NULL when they are no mention of the layer */
} lb_quote_info;
size_t lb_doc_quote_count(const lb_doc *doc);
int lb_doc_quote(lb_quote_info *out, const lb_doc *doc, size_t i);

#define LB_EVENT_MAX_PARTIES 8
typedef struct lb_event_info {
    const char *type;       /* PLOVER event type, "ACCUSE" */
    const char *mode;       /* PLOVER mode or NULL */
    const char *rule;       /* id of the pattern that coded it (provenance) */
    const char *cameo;      /* CAMEO root code or NULL */
    const char *date;       /* TIMEX3 value or NULL */
    double goldstein;       /* cooperation (+10) to conflict (-10) */
    double confidence;
    int negated, hypothetical;
    size_t sentence;        /* its sentence: lb_doc_sentence(..., sentence) */
    lb_span span;           /* its extent within the sentence */
    lb_span trigger;        /* the words that triggered the rule; may be empty */
    size_t nactor, nrecipient;
    lb_actor_info actor[LB_EVENT_MAX_PARTIES];
    lb_actor_info recipient[LB_EVENT_MAX_PARTIES];
    /* Per participant the first mention inside span that carries its code;
     * empty when it came from elsewhere (an earlier sentence, a pronoun). */
    lb_span actor_span[LB_EVENT_MAX_PARTIES];
    lb_span recipient_span[LB_EVENT_MAX_PARTIES];
} lb_event_info;
size_t lb_doc_event_count(const lb_doc *doc);
int lb_doc_event(lb_event_info *out, const lb_doc *doc, size_t i);

/* The clauses of sentence i as readable text, one line per clause: its kind
 * and voice, the verb lemma, subject, objects and agent of a passive, each
 * with its words; embedded clauses indented under their parent. For people,
 * not machines (the format may change). Borrowed: NUL-terminated, valid until
 * the next annotate or free of doc. Empty (*len 0) when the sentence has no
 * clause analysis; LB_EUSAGE for a sentence out of range. */
int lb_doc_clauses_text(const char **out, size_t *len, lb_doc *doc, size_t sentence);

/* Metadata the cleaning stage found (or the input gave); borrowed
 * NUL-terminated strings, NULL when unknown. field: "title", "author",
 * "date", "source", "url". */
const char *lb_doc_meta(const lb_doc *doc, const char *field);

/* The annotation as one line of contract JSON (no trailing newline).
 * Borrowed: owned by doc, valid until the next annotate or free. */
int lb_doc_json(const char **json, size_t *len, lb_doc *doc);
/* Optional layers of lb_doc_json_with (flags, or-ed together):
 * LB_JSON_TOKENS adds "tokens": [{"start","end","lemma","upos","feats"}], the
 * words with lemma, UD part of speech and UD features ("Case=Nom|Number=Sing").
 * flags 0 gives the same line as lb_doc_json. Borrowed like lb_doc_json. */
#define LB_JSON_TOKENS 1u
int lb_doc_json_with(const char **json, size_t *len, lb_doc *doc, unsigned flags);

/* Writes {"id":...,"error":...} for an input that failed before annotation,
 * so that output lines stay aligned with input lines. Borrowed like lb_doc_json. */
int lb_doc_error_json(const char **json, size_t *len, lb_doc *doc,
                      const char *id, const char *message);


/* ---- store: the SQLite event database ---------------------------------- */
/* A handle on one database file (schema versioned with PRAGMA user_version,
 * migrated on open; WAL mode). One thread at a time. */
typedef struct lb_store lb_store;

#define LB_STORE_READONLY 1   /* lb_store_open flag: never create or write */
#define LB_STORE_DEFAULT_LIMIT 100

/* Opens (creating and migrating unless LB_STORE_READONLY) the database at path.
 * On failure *out is still set when memory allowed, so that lb_store_errmsg
 * can say why; the caller closes it either way. */
int lb_store_open(lb_store **out, const char *path, int flags);
/* Commits nothing: an open transaction is rolled back. close(NULL) is a no-op. */
void lb_store_close(lb_store *s);
/* Borrowed; valid until the next call on s. Never NULL. */
const char *lb_store_errmsg(const lb_store *s);

/* Batch transactions: lb_store_put calls between begin and commit are one
 * transaction; outside a batch each put commits on its own. */
int lb_store_begin(lb_store *s);
int lb_store_commit(lb_store *s);
int lb_store_rollback(lb_store *s);
/* lb_store_begin for a batch of nothing but lb_store_put calls (ingest):
 * SQLite's foreign-key checks are off from here until lb_store_begin, since
 * a put refers only to rows it has just written or looked up (the checks
 * cost every row a lookup of its document and actor). The rows are the same. */
int lb_store_begin_puts(lb_store *s);

/* Checks a database: SQLite's integrity check (quick_check when quick != 0)
 * and the store's invariants (known schema version, no row without its
 * document, event or actor, the kept dyad and actor aggregates equal to a
 * recount of the event rows). problem(arg, text) is called once per problem;
 * *nproblems is their number. LB_OK when the check ran, whatever it found. */
typedef void (*lb_store_problem_fn)(void *arg, const char *problem);
int lb_store_check(size_t *nproblems, lb_store *s, int quick, lb_store_problem_fn problem, void *arg);

/* Sets *found to 1 when a document with exactly this text (by SHA-256 of the
 * bytes) is stored already, 2 when it is stored but was annotated by another
 * lagebild version or other dictionaries than lb_store_set_annotator named
 * (lb_store_reannotate brings it up to date), 0 when it is not stored. */
int lb_store_has_text(int *found, lb_store *s, const char *text, size_t len);
/* lb_store_has_text that also gives the text's SHA-256 (hex) it looked up,
 * for lb_index_terms_hash. */
int lb_store_has_text_hex(int *found, lb_store *s, const char *text, size_t len, char hex[65]);
/* Stores an annotated document with all its layers (text, meta, body,
 * sentences, mentions, actors, timex, quotes, events). Returns LB_OK, LB_DONE
 * when the same text is stored already (nothing written), or a negative
 * status; a failed put leaves the database (and the open batch) as it was.
 * doc is only read. */
int lb_store_put(lb_store *s, const lb_doc *doc, const char *origin);

/* The full-text index terms of a document computed ahead of lb_store_put in
 * another thread (ingest's workers), so that the single writer does not
 * tokenize. An lb_indexer holds stemmers and a cache: one per thread. The
 * terms (lb_index_terms_compute, after lb_doc_annotate) must stay unchanged
 * until the batch they were put in is committed or rolled back. */
typedef struct lb_indexer lb_indexer;
typedef struct lb_index_terms lb_index_terms;
int lb_indexer_new(lb_indexer **out);
void lb_indexer_free(lb_indexer *ix);
int lb_index_terms_new(lb_index_terms **out);
void lb_index_terms_free(lb_index_terms *t);
int lb_index_terms_compute(lb_indexer *ix, lb_index_terms *t, const lb_doc *doc);
/* Gives the terms of doc (after lb_index_terms_compute) the SHA-256 of doc's
 * text, the key of its put: hex (from lb_store_has_text_hex of the input
 * text, len bytes) when doc's text is those bytes, else computed here, so
 * that the writer need not hash. LB_OK or LB_ENOMEM (then the put hashes). */
int lb_index_terms_hash(lb_index_terms *t, const lb_doc *doc, const char *text, size_t len, const char *hex);
/* lb_store_put with terms computed for this doc (NULL: tokenized here). */
int lb_store_put_terms(lb_store *s, const lb_doc *doc, const char *origin, const lb_index_terms *t);
/* The store record of an annotated document: copies into rec (a handle from
 * lb_doc_new that is never annotated itself) everything lb_store_put reads
 * (text, meta, body, sentences, mentions, timex, quotes, events, error and
 * warning), strings included, so that src can annotate the next document
 * while rec waits to be stored. LB_OK, or LB_ENOMEM (rec holds no layers). */
int lb_store_record(lb_doc *rec, const lb_doc *src);

/* One stored document (by its id; the first stored when several share it)
 * with text, metadata, body, sentences, mentions, timex, quotes and events,
 * all with byte offsets into the text, as one JSON object in *json
 * (malloc'd, owned by the caller: free()). LB_DONE when no document has the
 * id. */
int lb_store_doc(char **json, lb_store *s, const char *doc_id);

/* Provenance: every later put records this lagebild version and dictionary
 * digest (lb_ctx_digest) with the document. Strings are copied. */
int lb_store_set_annotator(lb_store *s, const char *version, const char *dicts);
/* Re-annotates, with ctx, every stored document that another version or
 * other dictionaries annotated (needs lb_store_set_annotator first), replaces
 * its layers in one transaction and recomputes the aggregates; counts in
 * *done and *failed (a failing document keeps its old layers). */
int lb_store_reannotate(size_t *done, size_t *failed, lb_store *s, const lb_ctx *ctx);

/* What a query asks for. Strings are borrowed for the duration of
 * lb_store_query only; NULL means "no filter". */
typedef struct lb_store_filter {
    const char *actor;      /* code, code/sector (DEU/GOV), canonical name or Wikidata id */
    const char *recipient;
    const char *type;       /* PLOVER type */
    const char *since;      /* ISO date prefix, inclusive */
    const char *until;      /* ISO date prefix, inclusive */
    const char *source;
    const char *speaker;    /* quotes: speaker name or actor */
    const char *about;      /* quotes: an actor mentioned in the quote */
    const char *a, *b;      /* timeline: the dyad */
    const char *text;       /* search: the query words */
    int raw_query;          /* search: text is FTS5 query syntax */
    const char *hl_open, *hl_close;  /* search: snippet markers ("[", "]") */
    size_t limit;           /* most rows; 0 = LB_STORE_DEFAULT_LIMIT, LB_STORE_NO_LIMIT = all */
    size_t offset;          /* rows skipped before the first (paging); 0 = none */
    unsigned include;       /* LB_INCLUDE_* bits: counts, aggregates, timelines and
                               dyads leave negated and hypothetical events out unless set */
} lb_store_filter;
#define LB_STORE_NO_LIMIT ((size_t)-1)
#define LB_INCLUDE_NEGATED      1u
#define LB_INCLUDE_HYPOTHETICAL 2u

/* Checks of filter values as users give them (CLI options, API parameters):
 * 1 when v is one of the 16 PLOVER event types (any case); 1 when v is
 * "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real calendar date. */
int lb_filter_type_valid(const char *v);
int lb_filter_date_valid(const char *v);
/* Parses "negated,hypothetical" (or "all") into LB_INCLUDE_* bits in *inc:
 * LB_OK, or LB_EUSAGE with *bad (may be NULL) the offset of the word that is
 * none of them. */
int lb_filter_parse_include(unsigned *inc, size_t *bad, const char *v);

typedef enum lb_query {
    LB_Q_EVENTS = 1,    /* date, actor, type, mode, recipient, flags, ..., sentence */
    LB_Q_QUOTES,        /* date, speaker, actor, kind, quote, doc, source */
    LB_Q_ACTORS,        /* the most active actors */
    LB_Q_DYADS,         /* the most active actor -> recipient pairs */
    LB_Q_TIMELINE,      /* dyad a,b: month, type, events, goldstein */
    LB_Q_BALANCE,       /* dyad a,b: month, events, coop, conflict, balance */
    LB_Q_SEARCH,        /* ranked articles with snippets */
    LB_Q_EXPORT,        /* one column "json": a PLOVER record with provenance */
    LB_Q_EXPORT_FLAT,   /* the same as flat columns (for CSV) */
    LB_Q_STATS,         /* one row of counts, the date range, annotators */
    LB_Q_SUGGEST,       /* actors whose code or name contains text: code, name, weight */
    LB_Q_NAMED_CODE     /* codes of code-level actors named text (any case): code */
} lb_query;

/* A query result, read row by row. */
typedef struct lb_cursor lb_cursor;
enum { LB_VAL_NULL = 0, LB_VAL_INT, LB_VAL_REAL, LB_VAL_TEXT };

/* Runs a query (a prepared statement with bound parameters). The cursor
 * borrows s: free it before closing s. */
int lb_store_query(lb_cursor **out, lb_store *s, lb_query q, const lb_store_filter *f);
/* LB_OK: a row is available; LB_DONE: no more rows (the limit may have cut
 * the result: see lb_cursor_truncated); negative on error (errmsg on s). */
int lb_cursor_next(lb_cursor *c);
size_t lb_cursor_ncols(const lb_cursor *c);
/* Borrowed static/statement strings valid until lb_cursor_free. */
const char *lb_cursor_colname(const lb_cursor *c, size_t col);
/* Of the current row: LB_VAL_* type; text (borrowed until the next
 * lb_cursor_next, NULL for NULL values); numbers. */
int lb_cursor_type(const lb_cursor *c, size_t col);
const char *lb_cursor_text(lb_cursor *c, size_t col);
double lb_cursor_double(const lb_cursor *c, size_t col);
int64_t lb_cursor_int(const lb_cursor *c, size_t col);
/* 1 when more rows matched than the limit let through (known at LB_DONE). */
int lb_cursor_truncated(const lb_cursor *c);
/* The limit in force. */
size_t lb_cursor_limit(const lb_cursor *c);
void lb_cursor_free(lb_cursor *c);

/* lagebild serve (src/server/, on libmicrohttpd): the JSON API and the
 * browser UI's static files on a read-only database; never prints. */
typedef struct lb_server_opts {
    const char *db;          /* the database, opened read-only */
    const char *host;        /* an IPv4 address to bind ("127.0.0.1") */
    unsigned port;           /* 0: any free port (lb_server_port tells) */
    const char *static_dir;  /* the UI's files; NULL serves the API only */
    unsigned threads;        /* worker threads = read-only connections */
    unsigned query_ms;       /* a query running longer is interrupted (503) */
    unsigned cache_mb;       /* MiB of cached API replies (emptied when the
                                database changes); 0 = no cache */
} lb_server_opts;

typedef struct lb_server lb_server;

/* Opens the connection pool and starts listening. LB_OK, or a negative
 * status with the reason in err. */
int lb_server_start(lb_server **out, const lb_server_opts *o, char *err, size_t errlen);
/* The port bound (useful with port 0). */
unsigned lb_server_port(const lb_server *s);
/* Stops accepting, lets running requests finish, closes everything. */
void lb_server_stop(lb_server *s);
#ifdef __cplusplus
}
#endif
#endif
