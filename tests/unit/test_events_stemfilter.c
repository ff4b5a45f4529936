/* test_events_stemfilter.c: the German stem filter of the events stage
 * (src/events/stemfilter.c, with the endings of data/events/de.stemends read
 * by stemends.c) never calls a word unneeded whose Snowball stem (libstemmer)
 * is registered or ends in a registered compound head: checked on generated
 * words against libstemmer itself, with and without the endings, and on a
 * few named cases; malformed endings files are refused with file:line. */
#include "test.h"
#include "events/stemfilter.h"
#include "lagebild.h"
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static size_t stem(struct sb_stemmer *sb, const char *w, char *out)
{
    const sb_symbol *s = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)strlen(w));
    size_t n = s ? (size_t)sb_stemmer_length(sb) : 0;
    memcpy(out, s, n);
    out[n] = '\0';
    return n;
}

/* a generated German-looking word: letters, umlauts, ß and common endings */
static void gen_word(unsigned *seed, char *w)
{
    static const char *const piece[] = { "a", "e", "i", "o", "u", "y", "n", "r", "s", "t", "l", "ch", "k", "g", "d", "m",
                                         "b", "\xc3\xa4", "\xc3\xb6", "\xc3\xbc", "\xc3\x9f" };
    static const char *const end[] = { "", "", "en", "er", "ern", "es", "em", "e", "s", "st", "est", "ung", "ungen",
                                       "lich", "lichkeit", "heit", "keiten", "isch", "ig", "end", "nisse",
                                       "igkeiten", "igungen", "erlichen", "enheit", "isches", "ikern", "endes",
                                       "nissen", "lichsten", "igendes", "erheiten", "ischste", "st", "t", "d" };
    int n = 1 + (int)(rand_r(seed) % 9);
    w[0] = '\0';
    for (int i = 0; i < n; i++) strcat(w, piece[rand_r(seed) % (sizeof piece / sizeof *piece)]);
    strcat(w, end[rand_r(seed) % (sizeof end / sizeof *end)]);
}

/* 1 when stem s[0..n) is a registered stem or ends in a registered head (from byte 3 on) */
static int matches(char reg[][64], int nreg, char head[][64], int nhead, const char *s, size_t n)
{
    for (int k = 0; k < nreg; k++) if (strlen(reg[k]) == n && !memcmp(reg[k], s, n)) return 1;
    for (int k = 0; k < nhead; k++) {
        size_t hn = strlen(head[k]);
        if (hn >= 3 && n >= hn + 3 && !memcmp(s + n - hn, head[k], hn)) return 1;
    }
    return 0;
}

#define ENDINGS LB_TEST_DATA_DIR "/events/de.stemends"

static void test_against_libstemmer(struct sb_stemmer *sb, int endings)
{
    static char reg[300][64], head[40][64];
    ev_stemfilter f = { 0 };
    char err[256];
    if (endings) CHECK_INT(ev_stemfilter_load_endings(&f, ENDINGS, err, sizeof err), LB_OK);
    unsigned seed = 17;
    char w[256], s[512];
    for (int k = 0; k < 300; k++) { gen_word(&seed, w); stem(sb, w, reg[k]); CHECK(!ev_stemfilter_add_stem(&f, reg[k], strlen(reg[k]))); }
    for (int k = 0; k < 40; k++) { gen_word(&seed, w); stem(sb, w, head[k]); CHECK(!ev_stemfilter_add_head(&f, head[k], strlen(head[k]))); }
    int missed = 0, skipped = 0;
    for (int i = 0; i < 200000; i++) {
        gen_word(&seed, w);
        if (i % 3 == 0) { char x[256]; gen_word(&seed, x); strcat(x, w); strcpy(w, x); }  /* compounds */
        if (i % 7 == 0) { char x[256]; gen_word(&seed, x); strcat(x, "-"); strcat(x, w); strcpy(w, x); }  /* hyphenated (Nato-Gipfel) */
        size_t sn = stem(sb, w, s);
        int may = ev_stemfilter_may(&f, w, strlen(w));
        if (!may) skipped++;
        if (!may && matches(reg, 300, head, 40, s, sn)) {
            if (missed++ < 5) fprintf(stderr, "filter said no: %s -> %s\n", w, s);
        }
    }
    CHECK_INT(missed, 0);
    CHECK(skipped > (endings ? 150000 : 100000));       /* it does filter (more with the endings) */
    ev_stemfilter_fini(&f);
}

static void test_cases(struct sb_stemmer *sb)
{
    ev_stemfilter f = { 0 };
    char s[256], err[256];
    CHECK_INT(ev_stemfilter_load_endings(&f, ENDINGS, err, sizeof err), LB_OK);
    const char *listed[] = { "angreifen", "festnehmen", "kritisieren" };
    for (int k = 0; k < 3; k++) CHECK(!ev_stemfilter_add_stem(&f, s, stem(sb, listed[k], s)));
    CHECK(!ev_stemfilter_add_head(&f, s, stem(sb, "lieferung", s)));
    CHECK_INT(ev_stemfilter_may(&f, "angriffe", 8), 0);          /* another stem: angriff */
    CHECK_INT(ev_stemfilter_may(&f, "angreifende", 11), 1);
    CHECK_INT(ev_stemfilter_may(&f, "kritisiere", 10), 1);       /* kritisi */
    CHECK_INT(ev_stemfilter_may(&f, "kritisierten", 12), 0);     /* kritisiert: t is no ending */
    CHECK_INT(ev_stemfilter_may(&f, "festgenommen", 12), 0);     /* festgenomm: no listed stem */
    CHECK_INT(ev_stemfilter_may(&f, "waffenlieferungen", 17), 1);   /* head liefer */
    CHECK_INT(ev_stemfilter_may(&f, "wetter", 6), 0);
    CHECK_INT(ev_stemfilter_may(&f, "Wetter", 6), 1);           /* a capital: cannot tell */
    CHECK_INT(ev_stemfilter_may(&f, "caf\xc3\xa9", 5), 1);      /* é: cannot tell */
    CHECK_INT(ev_stemfilter_may(&f, "angreifzeit", 11), 0);      /* angreif + zeit: no ending left */
    CHECK_INT(ev_stemfilter_may(&f, "angreifendes", 12), 1);     /* angreif + end es */
    ev_stemfilter_fini(&f);
}

/* a malformed endings file is refused with its file and line */
static void test_bad_endings(void)
{
    static const char *const bad[] = { "1\tem\n4x\ter\n", "1\tEm\n", "1\tabcdefghij\n", "1\n", "5\ten\n",
                                       "1\tabcdefgh ijklmnop qrstuvwx\n" /* too many letters */ };
    char path[] = "/tmp/test_stemends_XXXXXX", err[256];
    for (int k = 0; k < 6; k++) {
        int fd = mkstemp(path);
        CHECK(fd >= 0);
        if (fd < 0) return;
        FILE *fp = fdopen(fd, "w");
        fputs(bad[k], fp);
        fclose(fp);
        ev_stemfilter f = { 0 };
        CHECK_INT(ev_stemfilter_load_endings(&f, path, err, sizeof err), LB_EDATA);
        CHECK(strstr(err, path) != NULL && strchr(err, ':') != NULL);
        ev_stemfilter_fini(&f);
        unlink(path);
        strcpy(path, "/tmp/test_stemends_XXXXXX");
    }
    ev_stemfilter f = { 0 };
    CHECK_INT(ev_stemfilter_load_endings(&f, "/nonexistent/de.stemends", err, sizeof err), LB_EIO);
    ev_stemfilter_fini(&f);
}

int main(void)
{
    struct sb_stemmer *sb = sb_stemmer_new("german", NULL);
    CHECK(sb != NULL);
    if (!sb) return TEST_END();
    test_cases(sb);
    test_bad_endings();
    test_against_libstemmer(sb, 0);
    test_against_libstemmer(sb, 1);
    sb_stemmer_delete(sb);
    return TEST_END();
}
