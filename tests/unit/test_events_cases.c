/* test_events_cases.c: the data-driven events test. Reads the case files
 * tests/unit/events_*.cases (sentences written for these tests, with the
 * actor mentions they contain and the events expected) and runs the events
 * stage on each sentence. Line format (TAB-separated, '#' comments):
 *   L  lang                       language of the following sentences
 *   M  surface CODE SECTOR|- PER|LOC|ORG NAME|DERIV    a mention (kept for the file)
 *   S  text                       a sentence (with its dateline, if any)
 *   D  text                       sentences run with the morphology, clause and
 *                                 discourse layers (pronouns, descriptions)
 *   E  TYPE ACTORS RECIPIENTS [neg] [hyp]   an expected event (codes comma-separated, - none)
 *   X  TYPE                       no event of this type
 *   N                             no event at all
 *   C  TYPE n                     exactly n events of this type
 * A failing expectation names the case file and line. */
#include "test_events_util.h"

#define MAX_MEN 128
#define MAX_LINE 1024

static tmen men[MAX_MEN + 1];
static int nmen;
static char store[MAX_MEN][4][64];

static int split(char *line, char **f, int max)
{
    int n = 0;
    for (char *p = line; n < max; n++) {
        f[n] = p;
        char *t = strchr(p, '\t');
        if (!t) { n++; break; }
        *t = 0; p = t + 1;
    }
    return n;
}

static void add_mention(char **f, int n, const char *file, int ln)
{
    if (n < 6 || nmen == MAX_MEN) { fprintf(stderr, "%s:%d: bad M line\n", file, ln); lb_test_failed++; return; }
    for (int k = 0; k < 3; k++) snprintf(store[nmen][k], sizeof store[nmen][k], "%s", f[k + 1]);
    men[nmen] = (tmen){ store[nmen][0], store[nmen][1], strcmp(f[3], "-") ? store[nmen][2] : NULL,
                        !strcmp(f[4], "PER") ? LB_MEN_PER : !strcmp(f[4], "ORG") ? LB_MEN_ORG : LB_MEN_LOC,
                        !strcmp(f[5], "DERIV") ? LB_FORM_DERIV : LB_FORM_NAME };
    nmen++;
    men[nmen] = (tmen){ NULL, NULL, NULL, 0, 0 };
}

static int count_type(const char *type)
{
    int n = 0;
    for (size_t i = 0; i < doc->events.len; i++) if (!strcmp(LB_EVENTS(doc)[i].type, type)) n++;
    return n;
}

static void expect(char **f, int n, const char *file, int ln, const char *sent)
{
    int ok;
    if (f[0][0] == 'N') ok = doc->events.len == 0;
    else if (f[0][0] == 'X') ok = n >= 2 && !count_type(f[1]);
    else if (f[0][0] == 'C') ok = n >= 3 && count_type(f[1]) == atoi(f[2]);
    else {
        int neg = 0, hyp = 0;
        for (int k = 4; k < n; k++) { neg |= !strcmp(f[k], "neg"); hyp |= !strcmp(f[k], "hyp"); }
        ok = n >= 4 && find_event(f[1], strcmp(f[2], "-") ? f[2] : "", strcmp(f[3], "-") ? f[3] : "", neg, hyp) >= 0;
    }
    if (ok) { lb_test_passed++; return; }
    lb_test_failed++;
    fprintf(stderr, "%s:%d: %s%s%s failed for: %s\n", file, ln, f[0], n > 1 ? " " : "", n > 1 ? f[1] : "", sent);
    dump_events();
}

static void run_file(const char *file)
{
    FILE *fp = fopen(file, "r");
    if (!fp) { fprintf(stderr, "%s: cannot open\n", file); lb_test_failed++; return; }
    char line[MAX_LINE], sent[MAX_LINE] = "", lang[8] = "de";
    char *f[8];
    nmen = 0; men[0] = (tmen){ NULL, NULL, NULL, 0, 0 };
    for (int ln = 1; fgets(line, sizeof line, fp); ln++) {
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#') continue;
        int n = split(line, f, 8);
        switch (f[0][0]) {
        case 'L': snprintf(lang, sizeof lang, "%s", n > 1 ? f[1] : "de"); break;
        case 'M': add_mention(f, n, file, ln); break;
        case 'D': case 'S':
            ev_with_discourse = f[0][0] == 'D';
            snprintf(sent, sizeof sent, "%s", n > 1 ? f[1] : ""); ev_run(sent, lang, men, NULL); break;
        case 'E': case 'X': case 'N': case 'C': expect(f, n, file, ln, sent); break;
        default: fprintf(stderr, "%s:%d: unknown line kind '%s'\n", file, ln, f[0]); lb_test_failed++;
        }
    }
    fclose(fp);
}

int main(void)
{
    ev_setup();
    run_file(LB_TEST_DIR "/unit/events_de.cases");
    run_file(LB_TEST_DIR "/unit/events_en.cases");
    ev_teardown();
    return TEST_END();
}
