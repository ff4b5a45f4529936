/* dictfile.h: reads a plain-text dictionary file line by line, for every
 * stage's data files. '#' starts a comment line; blank lines are skipped;
 * fields are separated by TABs. Errors name the file and line. Does not
 * interpret the fields: each loader does. */
#ifndef LB_DICTFILE_H
#define LB_DICTFILE_H
#include <stddef.h>

#define LB_DICT_MAX_FIELDS 16

typedef struct lb_dict_line {
    const char *path;
    size_t lineno;
    size_t nfields;
    const char *field[LB_DICT_MAX_FIELDS];   /* NUL-terminated, trimmed of spaces */
    size_t flen[LB_DICT_MAX_FIELDS];
} lb_dict_line;

/* Calls cb for each content line. cb returns 0 to go on, or non-zero to stop
 * (after writing a message into err, which is prefixed with "path:line: ").
 * Returns 0, LB_EIO when the file cannot be read, LB_EDATA for a malformed
 * line (too long, invalid UTF-8, too many fields, or cb's refusal). */
typedef int (*lb_dict_cb)(const lb_dict_line *line, void *user, char *err, size_t errlen);
int lb_dict_read(const char *path, lb_dict_cb cb, void *user, char *err, size_t errlen);

/* Loads every line's first field of a word list into a wordset with value
 * `value` (or the number in field 2 when present). 0 or an LB_E* status. */
struct lb_wordset;
int lb_dict_load_words(struct lb_wordset *set, const char *path, char *err, size_t errlen);
/* The next space-separated word of a field: skips spaces from *p (before
 * end), sets *w to the word, moves *p past it and returns its length; 0 when
 * no word is left. */
static inline size_t lb_dict_next_word(const char **p, const char *end, const char **w)
{
    while (*p < end && **p == ' ') (*p)++;
    *w = *p;
    while (*p < end && **p != ' ') (*p)++;
    return (size_t)(*p - *w);
}
#endif
