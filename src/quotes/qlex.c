/* qlex.c: the speech and opinion verb inventory (data/quotes/<lang>.speech):
 * one lemma a line, separable particles and multiword parts before '|'
 * (mit|teilen, zu bedenken|geben, in Abrede|stellen), the principal parts of
 * strong and irregular verbs after a TAB (spricht sprach gesprochen). It
 * conjugates each lemma (present, past, participle, joined separable forms)
 * into the cue classes: verb forms, and finite forms whose particle must
 * follow (sep). It does not decide what is a quote. */
#include "quotes/qint.h"
#include "core/dictfile.h"
#include "text/text.h"
#include <stdio.h>
#include <string.h>

#define FORM_MAX 128

typedef struct { lb_wordset *words, *sep; } speech_ctx;

static int put(lb_wordset *set, const char *w, size_t n, uint32_t bits, char *err, size_t errlen)
{
    char buf[FORM_MAX * 3];
    size_t m = lb_fold(buf, sizeof buf, w, n);
    if (!m) { snprintf(err, errlen, "form too long or empty: '%.*s'", (int)n, w); return 1; }
    uint32_t old = 0;
    lb_wordset_get(set, buf, m, &old);
    if (lb_wordset_put(set, buf, m, old | bits)) { snprintf(err, errlen, "out of memory"); return 1; }
    return 0;
}

/* one form: a cue verb, or (with a particle) a finite form whose particle follows */
static int add_form(speech_ctx *c, const char *f, const char *particle, char *err, size_t errlen)
{
    if (!particle) return put(c->words, f, strlen(f), QC_VERB, err, errlen);
    if (put(c->words, f, strlen(f), QC_SEP, err, errlen)) return 1;
    char key[FORM_MAX * 2 + 2];
    snprintf(key, sizeof key, "%s %s", f, particle);
    char fk[sizeof key * 3];
    size_t m = lb_fold(fk, sizeof fk, key, strlen(key));
    if (!m || lb_wordset_put(c->sep, fk, m, 1)) { snprintf(err, errlen, "bad separable form '%s'", key); return 1; }
    return 0;
}

static int ends(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !memcmp(s + n - m, suf, m);
}

static int starts(const char *s, const char *pre) { return !strncmp(s, pre, strlen(pre)); }

/* the participle takes no ge-: inseparable prefixes and -ieren */
static int no_ge(const char *v)
{
    static const char *const pre[] = { "be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "wider", "hinter", "über", "unter" };
    if (ends(v, "ieren")) return 1;
    for (size_t k = 0; k < sizeof pre / sizeof pre[0]; k++) if (starts(v, pre[k]) && strlen(v) > strlen(pre[k]) + 3) return 1;
    return 0;
}

/* the stem needs an e before t: berichten -> berichtet, rechnen -> rechnet */
static int e_insert(const char *stem)
{
    size_t n = strlen(stem);
    if (!n) return 0;
    char z = stem[n - 1], y = n > 1 ? stem[n - 2] : 'a';
    if (z == 't' || z == 'd') return 1;
    return (z == 'm' || z == 'n') && !strchr("aeioulrmnh", y);
}

typedef struct { char inf[FORM_MAX], s3[FORM_MAX], past[FORM_MAX], pastpl[FORM_MAX], part[FORM_MAX]; } parts;

/* the principal parts of v: given (strong verbs) or regular (weak verbs) */
static int conjugate(const char *v, const char *const *given, parts *p, char *err, size_t errlen)
{
    char stem[FORM_MAX];
    size_t n = strlen(v);
    if (n < 3 || n >= FORM_MAX - 8) { snprintf(err, errlen, "bad verb '%s'", v); return 1; }
    snprintf(p->inf, sizeof p->inf, "%s", v);
    size_t cut = (ends(v, "eln") || ends(v, "ern")) ? 1 : ends(v, "en") ? 2 : 1;
    memcpy(stem, v, n - cut); stem[n - cut] = 0;
    const char *e = e_insert(stem) ? "e" : "";
    if (given) {
        for (int k = 0; k < 3; k++)
            if (!*given[k] || strlen(given[k]) >= FORM_MAX - 4 || strchr(given[k], ' ')) { snprintf(err, errlen, "bad principal part '%s'", given[k]); return 1; }
        snprintf(p->s3, sizeof p->s3, "%s", given[0]);
        snprintf(p->past, sizeof p->past, "%s", given[1]);
        snprintf(p->pastpl, sizeof p->pastpl, "%s%s", given[1], ends(given[1], "e") ? "n" : "en");
        snprintf(p->part, sizeof p->part, "%s", given[2]);
        return 0;
    }
    snprintf(p->s3, sizeof p->s3, "%s%st", stem, e);
    snprintf(p->past, sizeof p->past, "%s%ste", stem, e);
    snprintf(p->pastpl, sizeof p->pastpl, "%s%sten", stem, e);
    snprintf(p->part, sizeof p->part, "%s%s%st", no_ge(v) ? "" : "ge", stem, e);
    return 0;
}

static int load_speech(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    speech_ctx *c = user;
    if (l->nfields != 1 && l->nfields != 4) { snprintf(err, errlen, "expected lemma[<TAB>3sg<TAB>past<TAB>participle]"); return 1; }
    const char *lemma = l->field[0], *bar = strrchr(lemma, '|');
    char pre[FORM_MAX] = "", verb[FORM_MAX];
    if (bar) {
        size_t pn = (size_t)(bar - lemma);
        if (!pn || pn >= sizeof pre || !bar[1]) { snprintf(err, errlen, "bad separable lemma '%s'", lemma); return 1; }
        memcpy(pre, lemma, pn); pre[pn] = 0;
    }
    snprintf(verb, sizeof verb, "%s", bar ? bar + 1 : lemma);
    if (strchr(verb, ' ')) { snprintf(err, errlen, "a space after '|' in '%s'", lemma); return 1; }
    parts p;
    if (conjugate(verb, l->nfields > 1 ? l->field + 1 : NULL, &p, err, errlen)) return 1;
    const char *fin[] = { p.inf, p.s3, p.past, p.pastpl };
    /* the particle that must follow a finite form: the last word before '|' */
    const char *particle = bar ? strrchr(pre, ' ') : NULL;
    particle = bar ? (particle ? particle + 1 : pre) : NULL;
    for (size_t k = 0; k < 4; k++) if (add_form(c, fin[k], particle, err, errlen)) return 1;
    if (!bar) return add_form(c, p.part, NULL, err, errlen);
    if (strchr(pre, ' ')) return 0;        /* zu bedenken geben: never written as one word */
    /* verb-final and perfect: mitteilte, mitgeteilt, bekanntgegeben */
    const char *joined[] = { p.inf, p.s3, p.past, p.pastpl, p.part };
    for (size_t k = 0; k < 5; k++) {
        char f[FORM_MAX * 2];
        snprintf(f, sizeof f, "%s%s", pre, joined[k]);
        if (add_form(c, f, NULL, err, errlen)) return 1;
    }
    return 0;
}

int q_load_speech(lb_wordset *words, lb_wordset *sep, const char *path, char *err, size_t errlen)
{
    speech_ctx c = { words, sep };
    return lb_dict_read(path, load_speech, &c, err, errlen);
}
