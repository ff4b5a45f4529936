/* docindex.h: per-document lookup tables of the events stage (internal):
 * the quotes and the temporal expressions that overlap each sentence (in
 * their array order, so that a scan of one sentence's list finds what a scan
 * of the whole array found first), and whether mentions are in text order.
 * Built once per document in doc->arena: keeps the stage linear in size. */
#ifndef LB_EVENTS_DOCINDEX_H
#define LB_EVENTS_DOCINDEX_H
#include "doc.h"

typedef struct ev_docindex {
    uint32_t *qoff, *qidx;     /* quotes of sentence k: qidx[qoff[k] .. qoff[k+1]) */
    uint32_t *xoff, *xidx;     /* temporal expressions of sentence k, likewise */
    int mentions_sorted;       /* mentions ascend by start */
} ev_docindex;

/* Fills ix. 0 or LB_ENOMEM. */
int ev_docindex_build(const lb_doc *doc, ev_docindex *ix);
/* first sentence whose end is >= pos (sents.len when none) */
size_t ev_sent_ending_from(const lb_doc *doc, uint32_t pos);
/* mentions before index: the first mention whose start is >= pos when
 * mentions are sorted, else mentions.len */
size_t ev_mention_upper(const lb_doc *doc, const ev_docindex *ix, uint32_t pos);
#endif
