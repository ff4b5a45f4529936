/* test_input.h: the lb_input of a test sentence: id "t", the text and its
 * language (NULL: detected), nothing else. */
#ifndef LB_TEST_INPUT_H
#define LB_TEST_INPUT_H
#include "lagebild.h"
#include <string.h>

static inline lb_input test_input(const char *text, const char *lang)
{
    lb_input in;
    memset(&in, 0, sizeof in);
    in.id = "t"; in.id_len = 1;
    in.text = text; in.text_len = strlen(text);
    if (lang) { in.lang = lang; in.lang_len = strlen(lang); }
    return in;
}
#endif
