/* test_events_load.c: the events dictionaries' loader on small files written
 * here: a contraction declared with AS= counts as its preposition, and a
 * malformed cue line (AS= of an undeclared preposition) is a file:line error. */
#include "test.h"
#include "lagebild.h"
#include "events/events.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static void remove_file(const char *dir, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    remove(path);
}

/* a directory with the real cameo.tsv and seats.tsv and the given German cues */
static void make_dir(char *dir, const char *de_cues)
{
    CHECK(mkdtemp(dir) != NULL);
    static const char *const LINKS[] = { "cameo.tsv", "seats.tsv" };
    for (int i = 0; i < 2; i++) {
        char from[512], to[512];
        snprintf(from, sizeof from, "%s/events/%s", LB_TEST_DATA_DIR, LINKS[i]);
        snprintf(to, sizeof to, "%s/%s", dir, LINKS[i]);
        CHECK(symlink(from, to) == 0);
    }
    write_file(dir, "de.cues", de_cues);
    write_file(dir, "en.cues", "# none\n");
    write_file(dir, "de.groups", "# none\n");
    write_file(dir, "en.groups", "# none\n");
    write_file(dir, "de.patterns", "de.besuch\tCONSULT\tvisit\t042\tN\t~besuch\trec=in\n");
}

static void clean_dir(const char *dir)
{
    static const char *const NAMES[] = { "cameo.tsv", "seats.tsv", "de.cues", "en.cues", "de.groups",
                                         "en.groups", "de.patterns" };
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++) remove_file(dir, NAMES[i]);
    rmdir(dir);
}

/* lb_events_load on a directory whose de.cues is cues (err: its message) */
static int load_with_cues(const char *cues, char *err, size_t errlen)
{
    char dir[] = "/tmp/lb_events_XXXXXX";
    make_dir(dir, cues);
    struct lb_event_rules *r = NULL;
    int rc = lb_events_load(&r, dir, err, errlen);
    lb_events_free(r);
    clean_dir(dir);
    return rc;
}

static void contraction_loads(void)
{
    char err[512] = "";
    CHECK_INT(load_with_cues("in\tPREP,PLACE\nim\tAS=in\n", err, sizeof err), LB_OK);
}

static void undeclared_contraction_fails(void)
{
    char err[512] = "";
    CHECK(load_with_cues("# cues\nin\tPREP,PLACE\nzum\tAS=zu\n", err, sizeof err) != LB_OK);
    CHECK(strstr(err, "de.cues:3:") != NULL);
    CHECK(strstr(err, "AS=zu") != NULL);
}

int main(void)
{
    contraction_loads();
    undeclared_contraction_fails();
    return TEST_END();
}
