/* time.h: the time stage: loads the temporal patterns and lexicon from
 * data/time/ (time_load.c), finds temporal expressions over the token stream
 * and fills doc->timex with TIMEX3 values resolved against doc->dct (time.c). */
#ifndef LB_TIME_H
#define LB_TIME_H
#include "doc.h"

struct lb_time_rules;
/* Loads the stage's data files under dir; 0 or LB_E* with err naming file:line. */
int lb_time_load(struct lb_time_rules **out, const char *dir, char *err, size_t errlen);
void lb_time_free(struct lb_time_rules *rules);
int lb_time_run(lb_doc *doc);
#endif
