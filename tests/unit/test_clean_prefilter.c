/* test_clean_prefilter.c: unit tests of the literal prefilter of the cleaning
 * rules: what it derives from patterns, that it rejects lines that cannot
 * match, and that it never rejects a line regexec matches (soundness over a
 * set of tricky patterns and lines). */
#include "test.h"
#include "clean/prefilter.h"
#include <regex.h>

static lb_prefilter pf;

static int may(const char *pattern, const char *line)
{
    lb_prefilter_build(&pf, pattern);
    return lb_prefilter_may_match(&pf, line, strlen(line));
}

static void test_derived_sets(void)
{
    lb_prefilter_build(&pf, "^(von|by):? +[a-z]+$");
    CHECK_INT(pf.anchored_start, 1);
    CHECK_INT(pf.anchored_end, 1);
    CHECK_INT(pf.pre.n, 4);                 /* "von: " "von " "by: " "by " */
    CHECK_INT(pf.suf.n, 0);                 /* [a-z]+ has no short exact set */
    lb_prefilter_build(&pf, "\\(.*(foto|bild)\\)$");
    CHECK_INT(pf.anchored_start, 0);
    CHECK_INT(pf.pre.n, 1);
    CHECK_INT(pf.suf.n, 2);                 /* "foto)" "bild)" */
    lb_prefilter_build(&pf, "a\\$");        /* an escaped $ anchors nothing */
    CHECK_INT(pf.anchored_end, 0);
    lb_prefilter_build(&pf, "^a|b");        /* a top-level | with an anchor: no filter */
    CHECK_INT(pf.pre.n + pf.suf.n + pf.anchored_start, 0);
    lb_prefilter_build(&pf, "x\\bq");       /* GNU escapes: no filter */
    CHECK_INT(pf.pre.n, 0);
    lb_prefilter_build(&pf, "(a|b)*c");     /* a nullable start: no prefixes */
    CHECK_INT(pf.pre.n, 0);
}

static void test_rejects(void)
{
    CHECK_INT(may("^(teilen|share)$", "die regierung teilt mit"), 0);
    CHECK_INT(may("^(teilen|share)$", "share"), 1);
    CHECK_INT(may("^(teilen|share)$", "shared"), 0);
    CHECK_INT(may("(kostenlos anmelden|zum newsletter)", "jetzt hier kostenlos anmelden und lesen"), 1);
    CHECK_INT(may("(kostenlos anmelden|zum newsletter)", "jetzt hier kostenlos lesen, anmelden"), 0);
    CHECK_INT(may("\\([^()]{0,60}(foto|bild)[^()]{0,30}\\)$", "text (foto: x) mehr"), 0);
    CHECK_INT(may("\\([^()]{0,60}(foto|bild)[^()]{0,30}\\)$", "text (foto: x)"), 1);
    CHECK_INT(may("^[0-9]{1,2}\\. [a-z]+$", "x. politik"), 0);
    CHECK_INT(may("©", "bild © max muster"), 1);
    CHECK_INT(may("©", "bild (c) max muster"), 0);
    CHECK_INT(may("^a", ""), 0);
    /* anchored at both ends with a bounded length: longer lines cannot match */
    CHECK_INT(may("^a.{0,3}$", "abcd"), 1);
    CHECK_INT(may("^a.{0,3}$", "abcde"), 0);
    CHECK_INT(may("^[0-9]{1,2}\\. [^ .:]{2,30}( [^ .:]{2,30}){0,2}$", "1. politik und wirtschaft in der welt von heute und morgen, "
                  "mit allen nachrichten aus aller welt und dem inland"), 0);
    CHECK_INT(may("^(ab|c)?$", "\xC3\xA4\xC3\xA4"), 1);       /* two characters (four bytes): may */
    CHECK_INT(may("^(ab|c)?$", "abc"), 0);
    CHECK_INT(may("^a[[.hyphen.]]$", "a-------"), 1);  /* collating elements: no bound */
}

/* regexec matches => the prefilter lets the line through */
static void test_sound(void)
{
    static const char *const patterns[] = {
        "^(erstellt|stand)( am| on| vom)?:( *(.{0,40}))?$", "^\\(?noch keine bewertungen\\)?$",
        "^(kommentare|[0-9]+ kommentare|comments)$", "(ab|cd)e?f{2,3}", "^x{0,2}y$", "a+b+$", "^(|a)b",
        "[]a-c]z", "[^x]yz$", "[[:alpha:]]q", "^(a(b|c)d|e)*f$", "^meist-?gelesen$", "übersetzt( aus)? ", "a{,2}b",
        "^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (one|two|three|four|five|six)$",
        "(aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|b)c", "^.$", "\\.\\.\\.$", "^a\\|b", "(x|)$", "^[0-9]{1,2}\\. [^ .:]{2,5}$",
        "^(x|yz){0,2}.?$", "^ü.$", NULL };
    static const char *const lines[] = {
        "erstellt am: 15.06.2022", "stand:", "(noch keine bewertungen)", "noch keine bewertungen", "12 kommentare",
        "comments", "xxcdff", "abfff", "y", "xy", "xxy", "aab", "ab", "b", "zz]z", "bz", "ayz", "yz", "kq", "adacdef",
        "f", "meistgelesen", "meist-gelesen", "übersetzt aus dem", "übersetzt ", "aab", "b", "three six", "twelve one",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaac", "bc", "x", "...", "wait...", "a|b", "x", "", "12. abcde", "1. \xC3\xA4" "bcd",
        "12. \xC3\xA4\xC3\xB6", "yzyzq", "xyz", "yzyz\xC3\xA4", "\xC3\xBCx", "\xC3\xBC\xC3\xA4", NULL };
    for (size_t p = 0; patterns[p]; p++) {
        regex_t re;
        if (regcomp(&re, patterns[p], REG_EXTENDED | REG_NOSUB)) { CHECK(0); continue; }
        lb_prefilter_build(&pf, patterns[p]);
        for (size_t l = 0; lines[l]; l++) {
            if (regexec(&re, lines[l], 0, NULL, 0)) continue;
            if (!lb_prefilter_may_match(&pf, lines[l], strlen(lines[l])))
                fprintf(stderr, "prefilter of '%s' rejects '%s'\n", patterns[p], lines[l]);
            CHECK(lb_prefilter_may_match(&pf, lines[l], strlen(lines[l])));
        }
        regfree(&re);
    }
}

/* The scans over lines longer than a vector (pairs of first bytes 16
 * positions at a time, one pair through memchr): a prefix is found at every
 * position, straddling the blocks and in the padded tail, and nowhere when
 * only its first bytes occur. */
static void test_long_lines(void)
{
    static const char *const patterns[] = { "(kostenlos anmelden|zum newsletter|jetzt abonnieren)", "©", "ab" };
    static const char *const needles[] = { "zum newsletter", "©", "ab" };
    for (size_t p = 0; p < 3; p++) {
        lb_prefilter_build(&pf, patterns[p]);
        CHECK(pf.npairs >= 1);
        size_t nl = strlen(needles[p]);
        for (size_t len = nl; len <= 70; len++) {
            for (size_t at = 0; at + nl <= len; at++) {
                char line[80];
                memset(line, 'z', len);
                line[len] = '\0';
                memcpy(line + at, needles[p], nl);
                if (!lb_prefilter_may_match(&pf, line, len)) {
                    CHECK(0);
                    fprintf(stderr, "'%s' not found at %zu of %zu\n", needles[p], at, len);
                }
                line[at + nl - 1] = 'q';      /* all but the last byte */
                CHECK_INT(lb_prefilter_may_match(&pf, line, len), 0);
            }
        }
    }
}

int main(void)
{
    test_long_lines();
    test_derived_sets();
    test_rejects();
    test_sound();
    return TEST_END();
}
