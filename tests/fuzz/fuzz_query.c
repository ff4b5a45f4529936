/* fuzz_query.c: libFuzzer target for query filter parsing: lb_store_query on
 * a small in-memory database (three stored articles) with fuzzed filter
 * strings. Input: byte 0 picks the query, byte 1 the include bits and limit,
 * the rest are the filter fields separated by '\n' (actor, recipient, type,
 * since, until, source, speaker, about, a, b, text). Invariants: the query
 * fails with a message or returns rows, never more than the limit. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static lb_store *db;

static void setup(void)
{
    static const char *const texts[] = {
        "Die Bundesregierung kritisierte am Montag Russland scharf. Kanzler Scholz sagte: \"Wir handeln.\"",
        "China and the United States agreed on Tuesday to resume talks, the minister said.",
        "Frankreich und Deutschland unterzeichneten in Paris ein Abkommen über Zusammenarbeit.",
    };
    FUZZ_CHECK(lb_store_open(&db, ":memory:", 0) == LB_OK);
    for (size_t i = 0; i < 3; i++) {
        lb_doc *doc = NULL;
        FUZZ_CHECK(lb_doc_new(&doc, fuzz_ctx()) == LB_OK);
        char id[16];
        snprintf(id, sizeof id, "q-%zu", i);
        lb_input in;
        memset(&in, 0, sizeof in);
        in.id = id; in.id_len = strlen(id); in.origin = "fuzz";
        in.text = texts[i]; in.text_len = strlen(texts[i]);
        in.date = i == 1 ? "2024-04-12" : "2024-03-05"; in.date_len = 10;
        FUZZ_CHECK(lb_doc_annotate(doc, &in) == LB_OK);
        FUZZ_CHECK(lb_store_put(db, doc, "fuzz") == LB_OK);
        lb_doc_free(doc);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2 || size > 4096) return 0;
    if (!db) setup();
    char *buf = malloc(size - 1);
    FUZZ_CHECK(buf != NULL);
    memcpy(buf, data + 2, size - 2);
    buf[size - 2] = '\0';
    const char *field[11] = { 0 };
    char *p = buf;
    for (size_t k = 0; k < 11 && p; k++) {
        char *nl = strchr(p, '\n');
        if (nl) *nl = '\0';
        field[k] = *p ? p : NULL;
        p = nl ? nl + 1 : NULL;
    }
    lb_store_filter f;
    memset(&f, 0, sizeof f);
    f.actor = field[0]; f.recipient = field[1]; f.type = field[2]; f.since = field[3]; f.until = field[4];
    f.source = field[5]; f.speaker = field[6]; f.about = field[7]; f.a = field[8]; f.b = field[9];
    f.text = field[10];
    f.raw_query = data[1] & 1;
    f.include = (data[1] >> 1) & 3u;
    f.limit = (data[1] >> 3) % 4;      /* 0 = the default */
    f.offset = data[1] >> 6;
    lb_query q = (lb_query)(LB_Q_EVENTS + data[0] % (LB_Q_SUGGEST - LB_Q_EVENTS + 1));
    lb_cursor *c = NULL;
    if (lb_store_query(&c, db, q, &f) == LB_OK) {
        size_t rows = 0;
        int rc;
        while ((rc = lb_cursor_next(c)) == LB_OK) {
            rows++;
            for (size_t k = 0; k < lb_cursor_ncols(c); k++) {
                FUZZ_CHECK(lb_cursor_colname(c, k) != NULL);
                (void)lb_cursor_text(c, k);
            }
        }
        FUZZ_CHECK(rc == LB_DONE || rc < 0);
        FUZZ_CHECK(rows <= lb_cursor_limit(c));
    } else {
        FUZZ_CHECK(lb_store_errmsg(db)[0] != '\0');
    }
    lb_cursor_free(c);
    free(buf);
    return 0;
}
