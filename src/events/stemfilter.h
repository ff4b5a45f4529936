/* stemfilter.h: which German words the events stage must stem.
 *
 * Snowball's German stemmer only deletes endings (at most 14 bytes) after
 * mapping ä ö ü to a o u and ß to ss, so a word's stem is a prefix of that
 * mapped form. The loader registers every stem it computes (trigger keys,
 * compound heads, cue stems, obj/sup/not words) and every compound head
 * backwards; a word none of whose possible stems (prefixes from Snowball's
 * R1 on, at most 14 bytes short) is registered or ends in a registered head
 * can match no listed stem, so its stem is not needed. With the stemmer's
 * endings loaded, only the prefixes that leave a deletable sequence of
 * endings count. A false "needed" only costs a stem; "not needed" is exact
 * (a 64-bit hash set of the registered strings; the endings a superset). */
#ifndef LB_EVENTS_STEMFILTER_H
#define LB_EVENTS_STEMFILTER_H
#include <stddef.h>
#include <stdint.h>

/* the most bytes Snowball German removes from the mapped form (14), with
 * margin; steps of endings (data/events/de.stemends); letters in endings */
enum { EV_STEMF_MAXCUT = 16, EV_STEMF_STEPS = 4, EV_STEMF_SYMS = 15 };

typedef struct ev_stemfilter {
    uint64_t *slot; size_t cap, n;          /* the registered stems and heads (64-bit hashes) */
    uint64_t *bloom;                        /* cap * 8 bits: a bit per registered hash (stemfilter.c) */
    /* the sequences of endings the stemmer may delete, read backwards from a
     * word's end, as a trie; none loaded (nnodes 0): any cut up to MAXCUT */
    uint8_t sym[256];                       /* byte -> its symbol 1..nsym, 0: in no ending */
    uint8_t nsym;
    uint16_t (*child)[EV_STEMF_SYMS + 1];   /* node x symbol -> child node, 0 none; node 0 is the root */
    uint8_t *ends;                          /* 1: the bytes from the root to the node are a deletable sequence */
    size_t nnodes, capnodes;
} ev_stemfilter;

void ev_stemfilter_fini(ev_stemfilter *f);
/* Reads the endings file (step<TAB>endings; see data/events/de.stemends):
 * from then on only a word minus a sequence of them (one ending of each step
 * or none, step 1 last) is a possible stem. LB_OK, LB_EIO, LB_EDATA with
 * "file:line: problem" in err, or LB_ENOMEM. */
int ev_stemfilter_load_endings(ev_stemfilter *f, const char *path, char *err, size_t errlen);
/* bit c set: the mapped word p[0..m) may lose its last c bytes (c <= MAXCUT) */
uint32_t ev_stemfilter_cuts(const ev_stemfilter *f, const unsigned char *p, size_t m);
/* register stem s[0..n) / the stem s[0..n) of a compound head; -1 out of memory */
int ev_stemfilter_add_stem(ev_stemfilter *f, const char *s, size_t n);
int ev_stemfilter_add_head(ev_stemfilter *f, const char *s, size_t n);
/* 0 when the folded German word w[0..n) can have no registered stem (nor a
 * head ending near its end), 1 when it may (or the filter cannot tell:
 * capitals, other non-ASCII letters, long words) */
int ev_stemfilter_may(const ev_stemfilter *f, const char *w, size_t n);
#endif
