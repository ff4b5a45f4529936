/* events.h: the events stage (placeholder until its issue lands): loads its
 * dictionaries from data/events/ and fills its layer of the document. */
#ifndef LB_EVENTS_H
#define LB_EVENTS_H
#include "doc.h"

struct lb_event_rules;
/* Loads the stage's data files under dir; 0 or LB_E* with err naming file:line. */
int lb_events_load(struct lb_event_rules **out, const char *dir, char *err, size_t errlen);
void lb_events_free(struct lb_event_rules *rules);
int lb_events_run(lb_doc *doc);
#endif
