/* text.c: the text stage (tokens, sentences, language) and the loading of
 * its word lists from data/text/. */
#include "text/text.h"
#include "text/charclass.h"
#include "core/dictfile.h"
#include "ctx.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct load_ctx { lb_wordset *set; int mode; } load_ctx;
enum { MODE_ABBREV, MODE_MONTHS, MODE_FUNCTION };

static int put_folded(lb_wordset *set, const char *w, size_t n, uint32_t value, int merge, char *err, size_t errlen)
{
    char buf[LB_MAX_TOKEN_BYTES * 3];
    size_t m = lb_fold(buf, sizeof buf, w, n);
    if (!m) { snprintf(err, errlen, "entry too long or empty"); return 1; }
    uint32_t old = 0;
    if (merge && lb_wordset_get(set, buf, m, &old)) value |= old;
    if (lb_wordset_put(set, buf, m, value)) { snprintf(err, errlen, "out of memory"); return 1; }
    return 0;
}

static int load_line(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    load_ctx *lc = user;
    if (l->nfields < 2) { snprintf(err, errlen, "expected two TAB-separated fields"); return 1; }
    const char *w = l->field[0];
    size_t n = l->flen[0];
    const char *v = l->field[1];
    uint32_t value;
    switch (lc->mode) {
    case MODE_ABBREV:
        if (n && w[n - 1] == '.') n--;      /* written with or without the final period */
        if (!strcmp(v, "inner")) value = LB_ABBR_INNER;
        else if (!strcmp(v, "end")) value = LB_ABBR_END;
        else { snprintf(err, errlen, "kind must be 'inner' or 'end', not '%s'", v); return 1; }
        return put_folded(lc->set, w, n, value, 0, err, errlen);
    case MODE_MONTHS: {
        char *end;
        long m = strtol(v, &end, 10);
        if (*end || m < 1 || m > 12) { snprintf(err, errlen, "month must be 1..12, not '%s'", v); return 1; }
        return put_folded(lc->set, w, n, (uint32_t)m, 0, err, errlen);
    }
    default:
        if (!strcmp(v, "de")) value = LB_LANG_DE;
        else if (!strcmp(v, "en")) value = LB_LANG_EN;
        else { snprintf(err, errlen, "language must be 'de' or 'en', not '%s'", v); return 1; }
        return put_folded(lc->set, w, n, value, 1, err, errlen);
    }
}

int lb_text_load(struct lb_text_dicts **out, const char *dir, char *err, size_t errlen)
{
    *out = NULL;
    struct lb_text_dicts *d = calloc(1, sizeof *d);
    if (!d) return LB_ENOMEM;
    lb_wordset_init(&d->abbrev); lb_wordset_init(&d->months); lb_wordset_init(&d->function_words);
    lb_wordset_init(&d->trunc_followers);
    static const struct { const char *file; int mode; } files[] = {
        { "abbreviations.tsv", MODE_ABBREV }, { "months.tsv", MODE_MONTHS }, { "function-words.tsv", MODE_FUNCTION },
        { "truncation-followers.tsv", MODE_FUNCTION } };
    lb_wordset *sets[] = { &d->abbrev, &d->months, &d->function_words, &d->trunc_followers };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, files[i].file);
        load_ctx lc = { sets[i], files[i].mode };
        int rc = lb_dict_read(path, load_line, &lc, err, errlen);
        if (rc) { lb_text_free(d); return rc; }
    }
    for (int k = 0; k < 128; k++) d->cc_latin1[k] = (unsigned char)lb_cc_of(0x80 + k);
    for (int k = 0; k < 64; k++) d->cc_punct[k] = (unsigned char)lb_cc_of(0x2000 + k);
    lb_tokenizer_tables(d);
    if (lb_sigindex_build(&d->fw_index, &d->function_words) || lb_sigindex_build(&d->abbrev_index, &d->abbrev) ||
        lb_sigindex_build(&d->months_index, &d->months)) { lb_text_free(d); return LB_ENOMEM; }
    *out = d;
    return LB_OK;
}

void lb_text_free(struct lb_text_dicts *d)
{
    if (!d) return;
    lb_wordset_fini(&d->abbrev); lb_wordset_fini(&d->months); lb_wordset_fini(&d->function_words);
    lb_wordset_fini(&d->trunc_followers);
    lb_sigindex_free(&d->fw_index); lb_sigindex_free(&d->abbrev_index); lb_sigindex_free(&d->months_index);
    free(d);
}

int lb_text_run(lb_doc *doc)
{
    int rc = lb_tokenize(doc);
    if (rc) return rc;
    rc = lb_split_sentences(doc);
    if (rc) return rc;
    /* the input's declared language wins when it names one we know; only
     * otherwise are the words counted */
    if (doc->input_lang && (!strcmp(doc->input_lang, "de") || !strcmp(doc->input_lang, "en")))
        memcpy(doc->lang, doc->input_lang, 3);
    else
        lb_identify_language(doc);
    return LB_OK;
}
