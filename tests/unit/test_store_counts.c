/* test_store_counts.c: the kept actor counts (counts.c). Puts in a batch of
 * puts only keep their counts until the commit; the rows must equal those of
 * the same puts one by one outside a batch and a recount from the stored
 * rows, a rolled-back batch must leave no counts, and a document with more
 * actors than a put stages at once must count them all. */
#include "test.h"
#include "test_store_util.h"
#include "doc.h"
#include "lagebild.h"
#include "store/store.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const lb_actor_ref USA = { "USA", "GOV", "Vereinigte Staaten", "Q30" };
static const lb_actor_ref CHN = { "CHN", "GOV", "China", "Q148" };
static const lb_actor_ref DEU = { "DEU", "GOV", "Deutschland", "Q183" };

#define MANY (LB_PUT_COUNTED + 44)
static char many_names[MANY][16];

static const char *TEXTS[] = {
    "Washington straft Peking ab. Die Vereinigten Staaten verhängten Sanktionen gegen China.",
    "Berlin and Beijing sign a deal. Germany and China signed an agreement in Berlin.",
    "Berlin droht Washington. Deutschland kritisierte die Vereinigten Staaten scharf.",
    "Viele Namen stehen in diesem Text, einer nach dem anderen.",
};

static lb_input input(const char *id, const char *text)
{
    lb_input in;
    memset(&in, 0, sizeof in);
    in.id = id; in.id_len = strlen(id);
    in.text = text; in.text_len = strlen(text);
    in.date = "2024-03-04"; in.date_len = 10;
    in.lang = "de"; in.lang_len = 2;
    in.origin = "test";
    return in;
}

static void mention(lb_doc *doc, lb_actor_ref a)
{
    lb_mention *m = lb_vec_push(&doc->mentions, &doc->arena);
    CHECK(m != NULL);
    if (!m) return;
    m->start = 0; m->end = 4;
    m->type = LB_MEN_LOC;
    m->actor = a;
}

static void event(lb_doc *doc, lb_actor_ref a, lb_actor_ref r, int negated)
{
    lb_event *e = lb_vec_push(&doc->events, &doc->arena);
    CHECK(e != NULL);
    if (!e) return;
    e->type = "SANCTION";
    e->actor[0] = a; e->nactor = 1;
    e->recipient[0] = r; e->nrecipient = 1;
    e->negated = (uint8_t)negated;
    e->start = 0; e->end = 10;
    e->trigger_start = 0; e->trigger_end = 4;
    e->rule = "test.rule";
    e->goldstein = -4.0;
}

static void quote(lb_doc *doc, lb_actor_ref a)
{
    lb_quote *q = lb_vec_push(&doc->quotes, &doc->arena);
    CHECK(q != NULL);
    if (!q) return;
    q->start = 5; q->end = 20;
    q->speaker_start = q->speaker_end = -1;
    q->cue_start = q->cue_end = -1;
    q->speaker_actor = a;
}

/* Document k with its synthetic layers. */
static void make(lb_doc *doc, int k)
{
    static const char *ids[] = { "c-1", "c-2", "c-3", "c-4" };
    lb_input in = input(ids[k], TEXTS[k]);
    CHECK_INT(lb_doc_annotate(doc, &in), LB_OK);
    doc->mentions.len = doc->quotes.len = doc->events.len = 0;
    if (k == 0) {
        mention(doc, USA); mention(doc, CHN); mention(doc, CHN);
        event(doc, USA, CHN, 0); event(doc, CHN, USA, 1);
        quote(doc, USA);
    } else if (k == 1) {
        mention(doc, DEU); mention(doc, CHN);
        event(doc, DEU, CHN, 0);
        quote(doc, DEU);
    } else if (k == 2) {
        mention(doc, DEU); mention(doc, USA);
        event(doc, DEU, USA, 0);
    } else {
        for (int i = 0; i < MANY; i++) {   /* more actors than a put stages */
            lb_actor_ref a = { "XXX", "", many_names[i], "" };
            mention(doc, a);
            if (i % 7 == 0) mention(doc, a);
        }
        mention(doc, USA);
    }
}

/* The actors' counts as "code/name:a,r,m,q;..." in id order. */
static char *counts(lb_store *s)
{
    static char out[32768];
    out[0] = '\0';
    sqlite3_stmt *st = NULL;
    CHECK_INT(sqlite3_prepare_v2(s->db, "SELECT code, name, n_actor, n_recipient, n_mentions, n_quotes"
                                        " FROM actors ORDER BY id", -1, &st, NULL), SQLITE_OK);
    size_t o = 0;
    while (st && sqlite3_step(st) == SQLITE_ROW && o < sizeof out - 128)
        o += (size_t)snprintf(out + o, sizeof out - o, "%s/%s:%d,%d,%d,%d;", sqlite3_column_text(st, 0),
                              sqlite3_column_text(st, 1), sqlite3_column_int(st, 2), sqlite3_column_int(st, 3),
                              sqlite3_column_int(st, 4), sqlite3_column_int(st, 5));
    sqlite3_finalize(st);
    return out;
}

static lb_store *fresh(const char *path)
{
    remove_db(path);
    lb_store *s = NULL;
    CHECK_INT(lb_store_open(&s, path, 0), LB_OK);
    return s;
}

int main(void)
{
    for (int i = 0; i < MANY; i++) snprintf(many_names[i], sizeof many_names[i], "name-%03d", i);
    char one[256], batch[256];
    snprintf(one, sizeof one, "/tmp/lb-test-counts-%d-a.db", (int)getpid());
    snprintf(batch, sizeof batch, "/tmp/lb-test-counts-%d-b.db", (int)getpid());
    lb_ctx *ctx = NULL;
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR)) { fprintf(stderr, "%s\n", lb_ctx_errmsg(ctx)); return 1; }
    lb_doc *doc = NULL;
    CHECK_INT(lb_doc_new(&doc, ctx), LB_OK);

    /* one by one, outside any batch: each put writes its counts */
    lb_store *a = fresh(one);
    for (int k = 0; k < 4; k++) { make(doc, k); CHECK_INT(lb_store_put(a, doc, "one"), LB_OK); }
    char expect[32768];
    snprintf(expect, sizeof expect, "%s", counts(a));
    CHECK(strstr(expect, "USA/Vereinigte Staaten:1,1,3,1;") != NULL);   /* the negated event is not counted */
    CHECK(strstr(expect, "XXX/name-000:0,0,2,0;") != NULL);
    CHECK(strstr(expect, "XXX/name-299:0,0,1,0;") != NULL);

    /* a batch of puts only: a rolled-back batch counts nothing, a committed one all */
    lb_store *b = fresh(batch);
    CHECK_INT(lb_store_begin_puts(b), LB_OK);
    make(doc, 2);
    CHECK_INT(lb_store_put(b, doc, "lost"), LB_OK);
    CHECK_INT(lb_store_rollback(b), LB_OK);
    CHECK_INT(lb_store_begin_puts(b), LB_OK);
    for (int k = 0; k < 2; k++) { make(doc, k); CHECK_INT(lb_store_put(b, doc, "batch"), LB_OK); }
    CHECK_INT(lb_store_commit(b), LB_OK);
    CHECK_INT(lb_store_begin_puts(b), LB_OK);
    for (int k = 2; k < 4; k++) { make(doc, k); CHECK_INT(lb_store_put(b, doc, "batch"), LB_OK); }
    CHECK_INT(lb_store_commit(b), LB_OK);
    CHECK_STR(counts(b), expect);

    /* a recount from the rows agrees */
    CHECK_INT(lb_store_begin(b), LB_OK);
    CHECK_INT(lb_schema_recount(b), LB_OK);
    CHECK_INT(lb_store_commit(b), LB_OK);
    CHECK_STR(counts(b), expect);

    lb_store_close(a);
    lb_store_close(b);
    remove_db(one);
    remove_db(batch);
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
