/* lookup.c: lb_actors_lookup: annotates a name as a one-line document on a
 * date and describes every mention found, with the dated roles of persons,
 * for `lagebild actors lookup`. Read-only on the context; prints nothing. */
#include "actors/kb.h"
#include "ctx.h"
#include "doc.h"
#include "core/buf.h"
#include <stdlib.h>
#include <string.h>

static const char *const TYPES[] = { "PER", "LOC", "ORG", "OTH" };
static const char *const FORMS[] = { "name", "deriv", "part" };

static void day(lb_buf *b, int32_t d)
{
    if (!d) lb_buf_adds(b, "-");
    else lb_buf_printf(b, "%04d-%02d-%02d", d / 10000, d / 100 % 100, d % 100);
}

int lb_actors_lookup(char **out, const lb_ctx *ctx, const char *name, size_t name_len, const char *date)
{
    *out = NULL;
    if (!ctx || !name) return LB_EUSAGE;
    lb_doc *doc;
    int rc = lb_doc_new(&doc, ctx);
    if (rc) return rc;
    lb_input in = { .id = "lookup", .id_len = 6, .text = name, .text_len = name_len,
                    .date = date, .date_len = date ? strlen(date) : 0, .origin = "lookup" };
    rc = lb_doc_annotate_upto(doc, &in, LB_STAGE_ACTORS);   /* mentions are all it reports */
    lb_buf b;
    lb_buf_init(&b, (size_t)1 << 24);
    const struct lb_actor_kb *kb = ctx->actors;
    int32_t d = date ? kb_date(date, strlen(date)) : 0;
    for (size_t i = 0; !rc && i < doc->mentions.len; i++) {
        const lb_mention *m = &LB_MENTIONS(doc)[i];
        const lb_actor_ref *a = &m->actor;
        lb_buf_printf(&b, "%.*s\t%s %s\t%s/%s\t%s%s%s\n", (int)(m->end - m->start), doc->text + m->start,
                      TYPES[m->type & 3], FORMS[m->form % 3], a->code ? a->code : "-", a->sector ? a->sector : "-",
                      a->name ? a->name : "-", a->id ? " " : "", a->id ? a->id : "");
        uint32_t p;
        if (m->type == 0 && a->name && kb && lb_wordset_get(&kb->persons_by_name, a->name, strlen(a->name), &p)) {
            const kb_person *ps = &kb->persons[p];
            const kb_role *now = kb_role_on(kb, p, d);
            for (uint32_t k = 0; k < ps->nrole; k++) {
                const kb_role *ro = &kb->roles[kb->role_idx[ps->role0 + k]];
                lb_buf_printf(&b, "  role %s %s ", ro->code, ro->sector ? ro->sector : "-");
                day(&b, ro->from); lb_buf_adds(&b, " .. "); day(&b, ro->to);
                lb_buf_printf(&b, " %s%s\n", ro->role ? ro->role : "", ro == now ? (d ? "  <- on this date" : "  <- latest") : "");
            }
        }
    }
    if (!rc && b.data) {
        *out = malloc(b.len + 1);
        if (!*out) rc = LB_ENOMEM;
        else { memcpy(*out, b.data, b.len); (*out)[b.len] = '\0'; }
    } else if (!rc) {
        *out = calloc(1, 1);
        if (!*out) rc = LB_ENOMEM;
    }
    lb_buf_free(&b);
    lb_doc_free(doc);
    return rc;
}
