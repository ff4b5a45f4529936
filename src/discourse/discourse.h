/* discourse.h: the discourse stage: groups a document's person, organisation
 * and state mentions into entities (doc->entities) and links every mention of
 * one - name variants, titles, appositions, descriptions and pronouns - to it
 * (doc->refs, doc->tok_ref; lb_entity_at in doc.h). Cue words come from
 * data/discourse/<lang>.cues. Reads the text, morphology, clause and actors
 * layers; one pass over the tokens, linear in the document. */
#ifndef LB_DISCOURSE_H
#define LB_DISCOURSE_H
#include "doc.h"

struct lb_discourse_rules;
/* Loads data/discourse/{de,en}.cues under dir; 0 or LB_E* with err naming file:line. */
int lb_discourse_load(struct lb_discourse_rules **out, const char *dir, char *err, size_t errlen);
void lb_discourse_free(struct lb_discourse_rules *rules);
/* Loads one cue file into rules for language lang (0 de, 1 en); for the fuzz target. */
int lb_discourse_load_file(struct lb_discourse_rules *rules, int lang, const char *path, char *err, size_t errlen);
/* An empty rule set (NULL when out of memory); free with lb_discourse_free. */
struct lb_discourse_rules *lb_discourse_new(void);
int lb_discourse_run(lb_doc *doc);
#endif
