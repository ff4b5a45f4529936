/* rules.c: loads the grammar tables of the clause layer (data/syntax/de.txt,
 * de_prep.txt, en.txt) into one word-class set per language, and looks a
 * token's lemma up in it. Malformed lines fail with "file:line: problem".
 * Knows no words itself: every word comes from the data files. */
#include "syntax.h"
#include "internal.h"
#include "core/dictfile.h"
#include "text/text.h"
#include "text/fold_ascii.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct load_ctx { struct lb_syntax_rules *R; sx_lang *L; } load_ctx;

static int parse_cases(const char *s, uint32_t *out)
{
    static const char *const names[4] = { "nom", "acc", "dat", "gen" };
    uint32_t c = 0;
    while (*s) {
        while (*s == ' ') s++;
        if (!*s) break;
        int k;
        for (k = 0; k < 4; k++) if (!strncmp(s, names[k], 3) && (s[3] == ' ' || !s[3])) break;
        if (k == 4) return -1;
        c |= 1u << k;
        s += 3;
    }
    *out = c;
    return c ? 0 : -1;
}

static int add_gloss(struct lb_syntax_rules *R, const char *g, uint32_t *idx)
{
    for (int i = 1; i <= R->ngloss; i++)
        if (!strcmp(R->gloss[i], g)) { *idx = (uint32_t)i; return 0; }
    if (R->ngloss >= SX_MAX_GLOSS) return -1;
    char *c = strdup(g);
    if (!c) return -1;
    R->gloss[++R->ngloss] = c;
    *idx = (uint32_t)R->ngloss;
    return 0;
}

static int set_option(sx_lang *L, const lb_dict_line *ln, char *err, size_t errlen)
{
    if (ln->nfields != 3) { snprintf(err, errlen, "option needs a name and a value"); return -1; }
    const char *k = ln->field[1], *v = ln->field[2];
    if (!strcmp(k, "zu_infix")) {
        size_t n = strlen(v);
        if (!n || n >= sizeof L->zu_infix) { snprintf(err, errlen, "option zu_infix needs 1 to 7 bytes"); return -1; }
        memcpy(L->zu_infix, v, n + 1);
        L->zu_infix_len = (uint8_t)n;
        return 0;
    }
    int *yes_no = !strcmp(k, "verb_bracket") ? &L->verb_bracket : !strcmp(k, "verb_final") ? &L->verb_final : NULL;
    if (yes_no) {
        if (strcmp(v, "yes") && strcmp(v, "no")) { snprintf(err, errlen, "option %s must be yes or no", k); return -1; }
        *yes_no = !strcmp(v, "yes");
        return 0;
    }
    int *dst = !strcmp(k, "name_head") ? &L->name_head_last : !strcmp(k, "noun_noun") ? &L->noun_noun_join : NULL;
    if (!dst) { snprintf(err, errlen, "unknown option '%s'", k); return -1; }
    if (!strcmp(v, "first") || !strcmp(v, "split")) *dst = 0;
    else if (!strcmp(v, "last") || !strcmp(v, "join")) *dst = 1;
    else { snprintf(err, errlen, "option value must be first/last or join/split"); return -1; }
    return 0;
}

/* class bits for CLASS and ARGUMENT of one line; -1 when unknown */
static int line_bits(const lb_dict_line *ln, uint32_t *bits, char *err, size_t errlen)
{
    static const struct { const char *name; uint32_t bit; } classes[] = {
        { "sub", SX_SUB }, { "rel", SX_REL }, { "qword", SX_QWORD }, { "aux", SX_AUX },
        { "pass", SX_PASS }, { "copula", SX_COPULA }, { "modal", SX_MODAL }, { "neg", SX_NEG },
        { "particle", SX_PARTICLE }, { "agent", SX_AGENT }, { "coord", SX_COORD },
        { "zu", SX_ZU }, { "prep", SX_PREP }, { "attach", SX_ATTACH }, { "poss", SX_POSS },
        { "expl", SX_EXPL }, { "postp", SX_POSTP },
        { "title", SX_TITLE } };
    const char *c = ln->field[0], *arg = ln->nfields > 2 ? ln->field[2] : "";
    *bits = 0;
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (!strcmp(c, classes[i].name)) *bits = classes[i].bit;
    if (!*bits) { snprintf(err, errlen, "unknown class '%s'", c); return -1; }
    if (*bits == SX_PREP || (*bits == SX_AGENT && *arg)) {
        uint32_t cases;
        if (parse_cases(arg, &cases)) { snprintf(err, errlen, "cases must be nom/acc/dat/gen, got '%s'", arg); return -1; }
        *bits |= cases << SX_CASE_SHIFT;
    } else if (*bits & (SX_SUB | SX_QWORD)) {
        size_t n = strlen(arg);
        int any = n && arg[n - 1] == '!';
        if (any) n--;
        if (n == 8 && !strncmp(arg, "question", 8)) *bits |= SX_OPENS_Q;
        else if (n == 2 && !strncmp(arg, "zu", 2)) *bits |= SX_OPENS_ZU;
        else if (!(n == 3 && !strncmp(arg, "sub", 3))) { snprintf(err, errlen, "subordinator opens sub, question or zu"); return -1; }
        if (any) *bits |= SX_SUB_ANY;
    }
    return 0;
}

static int load_line(const lb_dict_line *ln, void *user, char *err, size_t errlen)
{
    load_ctx *lc = user;
    if (!strcmp(ln->field[0], "option")) return set_option(lc->L, ln, err, errlen);
    if (ln->nfields < 2 || ln->nfields > 4 || !ln->flen[1]) {
        snprintf(err, errlen, "expected CLASS, WORD [, ARGUMENT [, ENGLISH]]");
        return -1;
    }
    uint32_t bits, old = 0, gloss = 0;
    if (line_bits(ln, &bits, err, errlen)) return -1;
    const char *g = ln->nfields == 4 ? ln->field[3] : (bits & SX_MODAL) && ln->nfields == 3 ? ln->field[2] : NULL;
    if (g && *g && add_gloss(lc->R, g, &gloss)) { snprintf(err, errlen, "too many English glosses"); return -1; }
    char key[256];
    size_t n = lb_fold(key, sizeof key, ln->field[1], ln->flen[1]);
    if (!n || n >= sizeof key) { snprintf(err, errlen, "word too long"); return -1; }
    lb_wordset_get(&lc->L->words, key, n, &old);
    if (gloss) old = (old & ~(127u << SX_GLOSS_SHIFT)) | gloss << SX_GLOSS_SHIFT;
    if (lb_wordset_put(&lc->L->words, key, n, old | bits)) { snprintf(err, errlen, "out of memory"); return -1; }
    return 0;
}

static int load_file(struct lb_syntax_rules *R, sx_lang *L, const char *dir, const char *name,
                     char *err, size_t errlen)
{
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >= sizeof path) {
        snprintf(err, errlen, "%s: path too long", name);
        return LB_EUSAGE;
    }
    load_ctx lc = { R, L };
    return lb_dict_read(path, load_line, &lc, err, errlen);
}

int lb_syntax_load(struct lb_syntax_rules **out, const char *dir, char *err, size_t errlen)
{
    *out = NULL;
    struct lb_syntax_rules *R = calloc(1, sizeof *R);
    if (!R) return LB_ENOMEM;
    for (int i = 0; i < 2; i++) lb_wordset_init(&R->lang[i].words);
    int rc = load_file(R, &R->lang[0], dir, "de.txt", err, errlen);
    if (!rc) rc = load_file(R, &R->lang[0], dir, "de_prep.txt", err, errlen);
    if (!rc) rc = load_file(R, &R->lang[1], dir, "en.txt", err, errlen);
    if (rc) { lb_syntax_free(R); return rc; }
    for (int i = 0; i < 2 && !rc; i++) rc = lb_sigindex_build(&R->lang[i].index, &R->lang[i].words) ? LB_ENOMEM : 0;
    if (rc) { lb_syntax_free(R); return rc; }
    R->lang[0].loaded = R->lang[1].loaded = 1;
    *out = R;
    return LB_OK;
}

void lb_syntax_free(struct lb_syntax_rules *R)
{
    if (!R) return;
    for (int i = 0; i < 2; i++) { lb_sigindex_free(&R->lang[i].index); lb_wordset_fini(&R->lang[i].words); }
    for (int i = 1; i <= R->ngloss; i++) free(R->gloss[i]);
    free(R);
}

/* no upper-case letter and no ß: folding would not change w (the common case
 * for the lemmas of function words, "für" and "können" included) */
static int already_folded(const char *w, size_t n)
{
    if (n >= 4 && n <= 8) {     /* all ASCII: no upper-case letter in two overlapping words */
        uint32_t a, b;
        memcpy(&a, w, 4); memcpy(&b, w + n - 4, 4);
        if (!((a | b) & 0x80808080u)) return lb_lower4(a) == a && lb_lower4(b) == b;
    } else if (n > 8) {         /* eight bytes at a time, the last word overlapping */
        uint64_t x, any = 0, upper = 0;
        for (size_t k = 0; k < n; k += 8) {
            memcpy(&x, w + (k + 8 <= n ? k : n - 8), 8);
            any |= x;
            upper |= lb_lower8(x) ^ x;
        }
        if (!(any & 0x8080808080808080ull)) return !upper;
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)w[i];
        if (b < 0x80) { if (b >= 'A' && b <= 'Z') return 0; continue; }
        if (b != 0xC3 || i + 1 >= n) return 0;
        unsigned char c = (unsigned char)w[++i];
        if (c < 0xA0) return 0;              /* À..ß */
    }
    return 1;
}

uint32_t sx_word_class(const sx *s, uint32_t tok)
{
    const lb_morph *m = &s->M[tok];
    char key[64];
    const char *w = m->lemma;
    size_t n = m->lemma_len;
    if (!w || !n) {
        const lb_tok *t = &LB_TOKS(s->doc)[tok];
        w = s->doc->norm + t->norm;
        n = t->norm_len;
    }
    if (!n || n > 40) return 0;
    uint32_t v = 0;
    if (already_folded(w, n)) return lb_sigindex_get(&s->L->index, w, n, &v) ? v : 0;
    size_t k = lb_fold(key, sizeof key, w, n);
    if (!k || k >= sizeof key || !lb_sigindex_get(&s->L->index, key, k, &v)) return 0;
    return v;
}

const char *sx_gloss(const struct lb_syntax_rules *R, uint32_t cls)
{
    uint32_t g = cls >> SX_GLOSS_SHIFT;
    return g && (int)g <= R->ngloss ? R->gloss[g] : NULL;
}
