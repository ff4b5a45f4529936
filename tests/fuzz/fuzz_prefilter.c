/* fuzz_prefilter.c: libFuzzer target for the pattern analysis of the
 * cleaning rules' prefilter (src/clean/prefilter.c). Input: a regular
 * expression on the first line, lines to test after it. When regcomp accepts
 * the pattern, the prefilter must be built without crashing and must never
 * reject a line that regexec matches. Patterns are kept short, with few
 * quantifiers and bounds below 100 whose product stays below 10,000: glibc's
 * regcomp needs gigabytes for "a++++++++...", ".{0,25634}" and nested bounds
 * such as "(n{,54}{54}{,54},54})" (it copies the tree once per repetition;
 * its problem, not the prefilter's), and it recurses for minutes over stacked
 * quantifiers on an empty group ("()++++++"): at most two quantifiers in a row. */
#include "clean/prefilter.h"
#include "fuzz_common.h"
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = fuzz_cstr(data, size, 4096);
    if (!buf) return 0;
    char *nl = strchr(buf, '\n');
    if (nl) *nl = '\0';
    size_t quantifiers = 0, digits = 0, max_digits = 0, copies = 1, number = 0, stacked = 0, max_stacked = 0;
    for (const char *p = buf; *p; p++) {
        int q = *p == '*' || *p == '+' || *p == '?' || *p == '{';
        quantifiers += q;
        stacked = q ? stacked + 1 : *p == '}' || (*p >= '0' && *p <= '9') || *p == ',' ? stacked : 0;
        if (stacked > max_stacked) max_stacked = stacked;
        digits = *p >= '0' && *p <= '9' ? digits + 1 : 0;
        if (digits > max_digits) max_digits = digits;
        number = digits ? number * 10 + (size_t)(*p - '0') : 0;
        int ends = digits && !(p[1] >= '0' && p[1] <= '9');
        if (ends && copies <= 10000) copies *= number + 1;     /* every number may be a repeat count */
    }
    if (strlen(buf) > 256 || quantifiers > 6 || max_stacked > 2 || max_digits > 2 || copies > 10000) { free(buf); return 0; }
    regex_t re;
    if (regcomp(&re, buf, REG_EXTENDED | REG_NOSUB)) { free(buf); return 0; }
    static lb_prefilter pf;
    lb_prefilter_build(&pf, buf);
    for (char *line = nl ? nl + 1 : NULL; line && *line;) {
        char *end = strchr(line, '\n');
        if (end) *end = '\0';
        if (!regexec(&re, line, 0, NULL, 0) && !lb_prefilter_may_match(&pf, line, strlen(line))) {
            fprintf(stderr, "fuzz_prefilter: '%s' rejects '%s', which matches\n", buf, line);
            abort();
        }
        line = end ? end + 1 : NULL;
    }
    regfree(&re);
    free(buf);
    return 0;
}
