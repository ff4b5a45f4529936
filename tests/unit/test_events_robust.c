/* test_events_robust.c: the events stage on generated word soup (triggers,
 * cue words, punctuation, long sentences, long coordinations, mentions at
 * random places): it never fails, and every event it codes is well formed
 * (span = its sentence, trigger inside, known type, actors present). */
#include "test_events_util.h"

static const char *const WORDS[] = {
    "traf", "und", "nicht", "könnte", ",", "die", "Sanktionen", "gegen", "verhängte", "zu",
    "unterstützen", "beide", "einander", "wurde", "von", "angegriffen", "Treffen", "zwischen",
    "mit", "in", "dass", "befürchten", "weigerte", "sich", "verurteilen", "schlug", "vor",
    "Gipfel", "liefert", "Waffen", "attacked", "by", "the", "talks", "between", "refused", "to",
    "would", "said", "will", "support", "each", "other", "X", "Y", "Z", "(", ")", "„", "“", ";",
    "Putins", "Besuch", "Xi's", "visit", "wir", "ich", "sie", "it", "they", "call", "on", NULL
};

static uint32_t rnd_state = 12345;
static uint32_t rnd(void) { rnd_state = rnd_state * 1103515245u + 12345u; return rnd_state >> 8; }

static void check_events(void)
{
    static const char *const TYPES[] = { "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID",
        "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
        "COERCE", "ASSAULT", NULL };
    for (size_t i = 0; i < doc->events.len; i++) {
        const lb_event *e = &LB_EVENTS(doc)[i];
        CHECK(e->sent < doc->sents.len);
        if (e->sent >= doc->sents.len) continue;
        const lb_sent *S = &LB_SENTS(doc)[e->sent];
        CHECK(e->start == S->start && e->end == S->end);
        CHECK(e->trigger_start >= (int32_t)S->start && e->trigger_end <= (int32_t)S->end);
        int known = 0;
        for (int k = 0; TYPES[k]; k++) if (!strcmp(TYPES[k], e->type)) known = 1;
        CHECK(known);
        CHECK(e->nactor >= 1 && e->nactor <= LB_MAX_EVENT_PARTIES && e->nrecipient <= LB_MAX_EVENT_PARTIES);
        CHECK(e->rule != NULL && e->confidence > 0 && e->confidence <= 1);
    }
}

int main(void)
{
    ev_setup();
    static const tmen M[] = {
        {"X", "AAA", "GOV", LB_MEN_PER, LB_FORM_NAME}, {"Y", "BBB", NULL, LB_MEN_LOC, LB_FORM_NAME},
        {"Z", "CCC", NULL, LB_MEN_ORG, LB_FORM_NAME}, {NULL, NULL, NULL, 0, 0}
    };
    static char text[1 << 16];
    for (int round = 0; round < 300; round++) {
        size_t n = 0;
        int words = 5 + (int)(rnd() % (round % 10 == 0 ? 900 : 60));
        for (int w = 0; w < words && n + 32 < sizeof text; w++) {
            const char *x = WORDS[rnd() % (sizeof WORDS / sizeof WORDS[0] - 1)];
            n += (size_t)snprintf(text + n, sizeof text - n, "%s ", x);
            if (rnd() % 15 == 0) n += (size_t)snprintf(text + n, sizeof text - n, ". ");
        }
        text[n] = '\0';
        ev_run(text, round % 2 ? "de" : "en", M, NULL);
        check_events();
    }
    /* a long coordination of actors: more than a group holds */
    char big[4096];
    size_t n = (size_t)snprintf(big, sizeof big, "Die Staaten ");
    for (int k = 0; k < 40; k++) n += (size_t)snprintf(big + n, sizeof big - n, "%s und ", k % 2 ? "X" : "Y");
    snprintf(big + n, sizeof big - n, "Z trafen sich.");
    ev_run(big, "de", M, NULL);
    check_events();
    ev_teardown();
    return TEST_END();
}
