/* time.h: the time stage (placeholder until its issue lands): loads its
 * dictionaries from data/time/ and fills its layer of the document. */
#ifndef LB_TIME_H
#define LB_TIME_H
#include "doc.h"

struct lb_time_rules;
/* Loads the stage's data files under dir; 0 or LB_E* with err naming file:line. */
int lb_time_load(struct lb_time_rules **out, const char *dir, char *err, size_t errlen);
void lb_time_free(struct lb_time_rules *rules);
int lb_time_run(lb_doc *doc);
#endif
