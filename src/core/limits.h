/* limits.h: every hard cap on input-fed sizes, in one place.
 * Each cap turns a hostile or broken input into a clear per-document error
 * instead of unbounded memory use. Change a cap here, nowhere else. */
#ifndef LB_LIMITS_H
#define LB_LIMITS_H

/* Largest document text (bytes) the pipeline accepts. */
#define LB_MAX_DOC_BYTES        ((size_t)32 << 20)
/* Longest JSONL line (bytes) read before the line is skipped with an error. */
#define LB_MAX_LINE_BYTES       ((size_t)64 << 20)
/* Largest decompressed input file read as a single plain-text document. */
#define LB_MAX_FILE_BYTES       LB_MAX_DOC_BYTES
/* Longest document id, metadata field or file path echoed in output. */
#define LB_MAX_FIELD_BYTES      4096
/* Longest line that cleaning rules are tried on; longer lines are body text. */
#define LB_MAX_RULE_LINE_BYTES  600
/* Longest token the tokenizer emits; longer runs are cut into pieces. */
#define LB_MAX_TOKEN_BYTES      256
/* Largest compiled lexicon file (data/morph/LANG.lex) a loader accepts. */
#define LB_MAX_LEXICON_BYTES    ((size_t)128 << 20)
/* Most tokens / sentences in one document (bounded by LB_MAX_DOC_BYTES anyway). */
#define LB_MAX_TOKENS           ((size_t)16 << 20)
/* Files visited when a directory is walked, and its depth. */
#define LB_MAX_DIR_FILES        ((size_t)1 << 22)
#define LB_MAX_DIR_DEPTH        32
/* Dictionary files: longest line, most entries and most lines (comments
 * and blank lines included) per file. */
#define LB_MAX_DICT_LINE_BYTES  4096
#define LB_MAX_DICT_ENTRIES     ((size_t)1 << 22)
#define LB_MAX_DICT_LINES       ((size_t)1 << 24)
/* Size of one arena chunk; bigger requests get a chunk of their own. */
#define LB_ARENA_CHUNK_BYTES    ((size_t)256 << 10)
/* WARC input: largest record block (bigger ones are skipped with an error)
 * and largest header block of a record or of its HTTP response. */
#define LB_MAX_WARC_RECORD_BYTES ((size_t)40 << 20)
#define LB_MAX_WARC_HEADER_BYTES ((size_t)64 << 10)
/* Error messages kept on a handle. */
#define LB_MAX_ERROR_BYTES      512

#endif
