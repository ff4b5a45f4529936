/* cluster.h: the verb cluster that ends a German verb-final clause (cluster.c). */
#ifndef LB_MORPH_CLUSTER_H
#define LB_MORPH_CLUSTER_H
#include "doc.h"
#include "morph/features.h"
#include "morph/tagmodel.h"

/* After the lb_morph of a German sentence's words mo[0..n) are filled: the
 * next verb-final clause from *from on (a subordinator, or a relative or
 * interrogative pronoun after a comma, up to the next punctuation mark; no
 * zu-infinitive in it) whose closing cluster of two or more verbs has a
 * finite verb before its last one and a last one read as no finite verb
 * ("ob Medien solche Fotos zeigen dürfen": zeigen read finite, dürfen as
 * the infinitive). Returns the last verb's index and the cluster's first
 * in *first, and moves *from past the clause; -1 when none is left (or
 * another model: lang DE only). */
int lb_cluster_next(const lb_tagmodel *m, const lb_morph *mo, int n, int *from, int *first);
#endif
