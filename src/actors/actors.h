/* actors.h: the actors stage: loads the actor knowledge base from
 * data/actors/ (format in data/actors/README.md) once per process and fills
 * doc->mentions (sorted by start, non-overlapping, tok0/ntok set; actor
 * strings live in the knowledge base). It reads the text layer only. */
#ifndef LB_ACTORS_H
#define LB_ACTORS_H
#include "doc.h"

struct lb_actor_kb;
/* Loads the stage's data files under dir; 0 or LB_E* with err naming file:line. */
int lb_actors_load(struct lb_actor_kb **out, const char *dir, char *err, size_t errlen);
void lb_actors_free(struct lb_actor_kb *rules);
int lb_actors_run(lb_doc *doc);
#endif
