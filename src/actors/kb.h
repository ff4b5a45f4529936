/* kb.h: the compiled actor knowledge base (internal to the actors stage):
 * name entries keyed by their folded token sequence, persons with dated
 * roles, title nouns, first names and compound heads that make no mention.
 * Built once per process from the .tsv files of data/actors/ (and --dict files), then only
 * read; lookups never allocate. It does not look at documents. */
#ifndef LB_ACTORS_KB_H
#define LB_ACTORS_KB_H
#include "core/arena.h"
#include "core/wordset.h"
#include <stddef.h>
#include <stdint.h>

enum { KB_CS = 1, KB_CI = 2, KB_NOGEN = 4, KB_NOPREFIX = 8, KB_CAPFIRST = 16, KB_CP = 32 };

/* Roles of function words for the resolver (records of kind `fword`): a
 * particle inside a person's name (von, van, bin), a second particle after
 * one (von der), a preposition that names a person's affiliation (Professor
 * an der X), a word that ends the search for one (und, sagte), an article
 * before a bare title (der Präsident). */
enum { KB_FW_PARTICLE = 1, KB_FW_PARTICLE2 = 2, KB_FW_AFFPREP = 4, KB_FW_AFFSTOP = 8, KB_FW_TITLEDET = 16, KB_FW_LOCPREP = 32, KB_FW_GEOPREFIX = 64,
       KB_FW_PLACEPREP = 128, KB_FW_LOCHEAD = 256, KB_FW_NOTNAME = 512, KB_FW_AGENTPREP = 1024 };

/* Word classes: one lookup per token gives everything the passes need.
 * Bits 0-7 flags; bits 8-11 the longest name (in tokens) starting with the
 * word, 12-15 the same for the word as a genitive; 16-19 and 20-23 the same
 * for names that may start with a lower-case word (most need a capital). */
enum { W_FIRST = 1, W_GEN = 2, W_TITLE = 4, W_FIRSTNAME = 8, W_ORGSTART = 16,
       W_ORGEND = 32, W_PCUE = 64, W_NOPART = 128 };
#define W_MAXN(v) (((v) >> 8) & 0xf)
#define W_MAXG(v) (((v) >> 12) & 0xf)
#define W_MAXNL(v) (((v) >> 16) & 0xf)
#define W_MAXGL(v) (((v) >> 20) & 0xf)
/* bits 24-29: bit 24+n-1 when a name of n tokens (n <= W_LENS_MAX) starts
 * with the word or its genitive form, in any case; longer names are always
 * tried (bits 30, 31 are the resolve pass's own) */
#define W_LENS_MAX 6
#define W_HAS_LEN(v, n) ((n) > W_LENS_MAX || (((v) >> (24 + (n) - 1)) & 1u))

typedef struct kb_entry {
    const char *surface;        /* as written in the file (for case checks) */
    uint32_t surface_len;
    uint8_t type, form, flags, ntok;
    int32_t person;             /* index into persons, or -1 */
    int32_t next;               /* another entry of the same key (other case), or -1 */
    const char *code, *sector, *canon, *id;   /* code NULL: a mention without actor */
    const char *host;           /* a seat named for a body (Brüssel: EUR): the state it lies in (flag host=CODE), or NULL */
} kb_entry;

typedef struct kb_role {
    uint32_t person, file;
    int32_t from, to;           /* yyyymmdd; 0 = open */
    const char *code, *sector, *role;
} kb_role;

typedef struct kb_person {
    const char *canon, *code, *id;
    uint32_t file;              /* file that defined it last: older roles are dropped */
    uint32_t role0, nrole;      /* into kb.role_idx */
    uint8_t surname_first;      /* East Asian order: the family name comes first */
} kb_person;

typedef struct kb_title {
    const char *sector, *role, *code;   /* code: a state the title implies, or NULL */
} kb_title;

#define KB_LSIG_BITS ((size_t)1 << 15)
/* The signature of a word: its length, first and last byte (no hashing of
 * the whole word), 0..KB_LSIG_BITS-1; n > 0. */
static inline size_t kb_lsig(const char *w, size_t n)
{
    uint32_t v = (uint32_t)n << 16 | (uint32_t)(unsigned char)w[0] << 8 | (unsigned char)w[n - 1];
    return (v * 0x9E3779B1u) >> 17;
}

struct lb_actor_kb {
    lb_arena mem;               /* strings of the whole KB */
    lb_wordset names;           /* folded "tok tok" -> entry index */
    lb_wordset wclass;          /* folded word -> W_* bits and name lengths */
    uint64_t *bloom;            /* KB_BLOOM_BITS bits over wclass keys: most words miss here */
    uint64_t *nbloom;           /* the same over name keys */
    uint64_t *pbloom;           /* the same over the first 4 bytes of compound prefixes (flag cp) */
    uint64_t *lbloom;           /* wclass keys that matter for a lower-case token */
    uint64_t lsig[KB_LSIG_BITS / 64];  /* signatures of the wclass keys lbloom lets through (kb_build_lsig) */
    lb_wordset persons_by_name; /* canonical (exact) -> person index */
    lb_wordset titles;          /* folded title -> title index (multi-word titles keyed by first word too) */
    lb_wordset firstnames;      /* folded first names */
    lb_wordset nopart;          /* folded compound heads */
    lb_wordset pcues;           /* folded speech verbs after which a name is a person */
    lb_wordset orgstart;        /* folded words that open an organisation name (FC) */
    lb_wordset orgend;          /* folded words that close one (AG, GmbH) */
    lb_wordset familyfirst;     /* state codes whose people's names put the family name first */
    lb_wordset fwords;          /* folded function word -> KB_FW_* bits (the roles it plays for the resolver) */
    lb_wordset classes;         /* folded class noun -> 1 + LB_MEN_* of the names in its apposition */
    kb_entry *entries; size_t nentries, capentries;
    kb_person *persons; size_t npersons, cappersons;
    kb_role *roles; size_t nroles, caproles;
    uint32_t *role_idx;         /* roles grouped by person (rebuilt after each file) */
    kb_title *titlev; size_t ntitles, captitles;
    uint8_t title_maxtok;
    uint32_t nfiles;
    char **user_paths;          /* files added with lb_ctx_add_dict, for lb_ctx_digest */
    size_t nuser_paths;
    const char *last_str[8];    /* string cache: consecutive lines share strings */
    size_t last_len[8];
    uint8_t from_cache;         /* read from a compiled snapshot (kb_cache.c) */
};

/* Adds one dictionary file; 0 or LB_E* with "file:line: problem" in err. */
int kb_add_file(struct lb_actor_kb *kb, const char *path, char *err, size_t errlen);
#define KB_BLOOM_BITS ((size_t)1 << 20)
#define KB_LBLOOM_BITS ((size_t)1 << 17)   /* small enough to stay in cache */
/* Blocked bit filters: both bits of a key in one 64-bit word, one memory access. */
static inline uint64_t kb_bl_bits(uint64_t h) { return ((uint64_t)1 << (h & 63)) | ((uint64_t)1 << ((h >> 6) & 63)); }
static inline size_t kb_bl_word(uint64_t h) { return (size_t)(h >> 40) & (KB_BLOOM_BITS / 64 - 1); }
static inline size_t kb_bl_lword(uint64_t h) { return (size_t)(h >> 40) & (KB_LBLOOM_BITS / 64 - 1); }
/* The W_* bits of a folded word (0 when none); a bit filter first, so
 * that the common words of a text never touch the big table. upper: the
 * token is capitalised (else only what matters for lower-case words). */
static inline uint32_t kb_class(const struct lb_actor_kb *kb, const char *w, size_t n, int upper)
{
    if (!upper && n && !(kb->lsig[kb_lsig(w, n) / 64] >> (kb_lsig(w, n) % 64) & 1u)) return 0;
    uint64_t h = lb_hash_bytes(w, n), b = kb_bl_bits(h);
    if (upper ? (kb->bloom[kb_bl_word(h)] & b) != b : (kb->lbloom[kb_bl_lword(h)] & b) != b) return 0;
    uint32_t v = 0;
    lb_wordset_get(&kb->wclass, w, n, &v);
    return v;
}
/* Sets lsig from the wclass keys that pass lbloom: a lower-case word whose
 * signature is not set would find no class behind lbloom either. Called when
 * the word classes are complete (after loading, a user dictionary, a snapshot). */
void kb_build_lsig(struct lb_actor_kb *kb);
/* Whether a compound prefix (flag cp) may start with these 4 folded bytes. */
static inline int kb_may_prefix(const struct lb_actor_kb *kb, const char *w)
{
    uint64_t h = lb_hash_bytes(w, 4), b = kb_bl_bits(h);
    return (kb->pbloom[kb_bl_word(h)] & b) == b;
}
/* Adds W_* bits to a folded word (lower: it matters in lower case too). 0 or -1 when out of memory. */
int kb_class_add(struct lb_actor_kb *kb, const char *w, size_t n, uint32_t bits, int lower);
/* Groups roles by person; called after every file. 0 or LB_ENOMEM. */
int kb_finish(struct lb_actor_kb *kb);
/* Splits a surface into folded tokens joined by single spaces, as the text
 * layer would fold them: writes into out (cap bytes), returns the length or
 * 0 when it does not fit; *ntok gets the token count. */
size_t kb_key(char *out, size_t cap, const char *s, size_t n, unsigned *ntok);
/* yyyymmdd of an ISO date prefix ("2023", "2023-03", "2023-03-23"), 0 if none.
 * A missing month or day counts as the middle of the year or month. */
int32_t kb_date(const char *s, size_t n);
/* The role of person p on date d (yyyymmdd, 0 = unknown: the latest role);
 * NULL when none holds. */
const kb_role *kb_role_on(const struct lb_actor_kb *kb, uint32_t p, int32_t d);
/* Looks up a key made by kb_key; NULL when absent (a bit filter first:
 * most keys tried are none; inline: called per candidate length). */
static inline const kb_entry *kb_get(const struct lb_actor_kb *kb, const char *key, size_t len)
{
    uint64_t h = lb_hash_bytes(key, len), b = kb_bl_bits(h);
    uint32_t v;
    if ((kb->nbloom[kb_bl_word(h)] & b) != b || !lb_wordset_get(&kb->names, key, len, &v)) return NULL;
    return &kb->entries[v];
}
#endif
