/* time.c: the time stage: finds temporal expressions with the compiled
 * patterns (time_match.c), picks the document creation time (input date,
 * else metadata, refined by the latest explicit date when coarse), resolves
 * each match (resolve.c) and fills doc->timex in text order. Loading lives in
 * time_load.c; no word lists here. */
#include "time/time.h"
#include "time/time_internal.h"
#include "ctx.h"
#include <stdio.h>
#include <string.h>

/* a document is a narrative (a history, not a report) when it names many
 * years and few of them lie near the DCT; explicit years come from the matches */
static int is_narrative(const lb_vec *matches, const tm_date *dct)
{
    if (!dct->gran) return 1;
    size_t years = 0, near = 0;
    for (size_t i = 0; i < matches->len; i++) {
        const tm_slots *s = &((const tm_match *)matches->items)[i].slots;
        if ((s->has >> SL_B) & 1u && s->v[SL_B] == 1) { years++; continue; }   /* before Christ: far */
        if (!((s->has >> SL_Y) & 1u)) continue;
        years++;
        int d = s->v[SL_Y] - dct->y;
        if (d >= -2 && d <= 1) near++;
    }
    return years >= 8 && near * 4 < years;
}

/* the first full year (not two-digit, not BC) named after match i in its own
 * sentence: "Anfang Februar verhängte X im Jahr 2020 ..." is about 2020 */
static int later_year_in_sentence(const lb_doc *doc, const lb_vec *matches, size_t i)
{
    const tm_match *ms = matches->items;
    uint32_t si = LB_TOKS(doc)[ms[i].tok0].sent;
    for (size_t j = i + 1; j < matches->len && LB_TOKS(doc)[ms[j].tok0].sent == si; j++) {
        const tm_slots *s = &ms[j].slots;
        if (!((s->has >> SL_Y) & 1u)) continue;
        if ((s->has >> SL_K) & 1u && s->v[SL_K] == 2) continue;
        if ((s->has >> SL_B) & 1u && s->v[SL_B] == 1) continue;
        return s->v[SL_Y];
    }
    return 0;
}

/* what the matcher knows of each token, for the tense of a match */
typedef struct tok_info { const int32_t *wid; int8_t *tense; } tok_info;

static int resolve_all(const struct lb_time_rules *r, lb_doc *doc, const lb_vec *matches, const tok_info *ti, tm_state *st,
                       int emit, tm_date *latest)
{
    char buf[64];
    for (size_t i = 0; i < matches->len; i++) {
        const tm_match *m = &((const tm_match *)matches->items)[i];
        uint32_t si = LB_TOKS(doc)[m->tok0].sent;
        int tense = tm_tense_at(r, doc, ti->wid, ti->tense, si, m->tok0);
        st->sent_year = later_year_in_sentence(doc, matches, i);
        if (tm_resolve(r, doc, ti->wid, st, m, tense, buf, sizeof buf)) continue;
        if (latest) {
            tm_date d;
            if (!tm_parse_date(buf, &d) && d.gran == 'D' && strlen(buf) == 10 && d.y == st->dct.y &&
                (st->dct.gran == 'Y' || d.m == st->dct.m) &&
                (!latest->gran || tm_days(d.y, d.m, d.d) > tm_days(latest->y, latest->m, latest->d)))
                *latest = d;
        }
        if (!emit) continue;
        lb_timex *tx = lb_vec_push(&doc->timex, &doc->arena);
        char *v = lb_arena_strndup(&doc->arena, buf, strlen(buf));
        if (!tx || !v) return LB_ENOMEM;
        tx->start = LB_TOKS(doc)[m->tok0].start;
        tx->end = LB_TOKS(doc)[m->tok1 - 1].end;
        tx->type = TM_R(r)[m->rule].type;
        tx->modifier = m->tok1 == m->tok0 + 1 && ti->wid[m->tok0] >= 0 && TM_W(r)[ti->wid[m->tok0]].compound;
        tx->value = v;
    }
    return LB_OK;
}

int lb_time_run(lb_doc *doc)
{
    const struct lb_time_rules *r = doc->ctx->time;
    lb_vec matches;
    lb_vec_init(&matches, sizeof(tm_match));
    int32_t *wid = NULL;
    int rc = tm_find(r, doc, &matches, &wid);
    if (rc) return lb_doc_fail(doc, rc, "time: out of memory");
    tok_info ti = { wid, NULL };
    if (matches.len) {
        ti.tense = lb_arena_alloc(&doc->arena, doc->toks.len);
        if (!ti.tense) return lb_doc_fail(doc, LB_ENOMEM, "time: out of memory");
        memset(ti.tense, 0xff, doc->toks.len);   /* -1: not yet known */
    }

    const char *src = doc->input.date ? doc->input.date : doc->meta.date;
    tm_date dct = { 0, 0, 0, 0 };
    if (src && tm_parse_date(src, &dct)) dct.gran = 0;
    tm_state st = { dct, dct, is_narrative(&matches, &dct), 0, 0, 0 };

    if (dct.gran && dct.gran != 'D' && !st.narrative) {
        /* coarse metadata date: the latest explicit date inside it refines it */
        tm_date latest = { 0, 0, 0, 0 };
        tm_state probe = st;
        if ((rc = resolve_all(r, doc, &matches, &ti, &probe, 0, &latest))) return lb_doc_fail(doc, rc, "time: out of memory");
        if (latest.gran) { st.dct = latest; st.ref = latest; }
    }
    if ((rc = resolve_all(r, doc, &matches, &ti, &st, 1, NULL))) return lb_doc_fail(doc, rc, "time: out of memory");

    if (st.dct.gran) {
        char buf[32];
        if (st.dct.gran == 'D') snprintf(buf, sizeof buf, "%04d-%02d-%02d", st.dct.y, st.dct.m, st.dct.d);
        else if (st.dct.gran == 'M') snprintf(buf, sizeof buf, "%04d-%02d", st.dct.y, st.dct.m);
        else snprintf(buf, sizeof buf, "%04d", st.dct.y);
        doc->dct = lb_arena_strndup(&doc->arena, buf, strlen(buf));
    }
    /* meta.date reports the date the DCT came from (the input's, else the
     * page's); a refinement inside a coarse date stays in doc->dct only */
    if (src) doc->meta.date = src;
    return LB_OK;
}
