/* load.c: reads and compiles the event dictionaries under data/events/:
 * cue words (<lang>.cues), trigger patterns (<lang>*.patterns, stemmed with
 * Snowball at load time) and the CAMEO table (cameo.tsv). Errors name
 * file:line. Does no matching; see match.c and the stage in events.c. */
#include "events/rules.h"
#include "events/events.h"
#include "core/dictfile.h"
#include "text/text.h"
#include <dirent.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* the names of enum ev_ptype (rules.h), NULL-terminated */
static const char *const PLOVER_TYPES[EV_NTYPES + 1] = {
    [EV_T_AGREE] = "AGREE", [EV_T_CONSULT] = "CONSULT", [EV_T_SUPPORT] = "SUPPORT", [EV_T_CONCEDE] = "CONCEDE",
    [EV_T_COOPERATE] = "COOPERATE", [EV_T_AID] = "AID", [EV_T_RETREAT] = "RETREAT", [EV_T_REQUEST] = "REQUEST",
    [EV_T_ACCUSE] = "ACCUSE", [EV_T_REJECT] = "REJECT", [EV_T_THREATEN] = "THREATEN", [EV_T_PROTEST] = "PROTEST",
    [EV_T_SANCTION] = "SANCTION", [EV_T_MOBILIZE] = "MOBILIZE", [EV_T_COERCE] = "COERCE", [EV_T_ASSAULT] = "ASSAULT",
    [EV_NTYPES] = NULL
};

int ev_lang(const char *lang)
{
    if (!lang) return -1;
    if (!strcmp(lang, "de")) return EV_DE;
    if (!strcmp(lang, "en")) return EV_EN;
    return -1;
}

size_t ev_stem(void *stemmer, const char *w, size_t n, char *out, size_t cap)
{
    const sb_symbol *s = sb_stemmer_stem(stemmer, (const sb_symbol *)w, (int)n);
    if (!s) return 0;
    size_t m = (size_t)sb_stemmer_length(stemmer);
    if (m + 1 > cap) return 0;
    memcpy(out, s, m);
    out[m] = '\0';
    return m;
}

uint32_t ev_stem_hash(const char *s, size_t n)
{
    /* FNV-1a, as before lb_hash_bytes changed: a 32-bit hash can collide, and
     * its collisions should not move with the core hash */
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 1099511628211ull; }
    return (uint32_t)h ? (uint32_t)h : 1;
}

double ev_goldstein(const ev_rules *r, const char *cameo)
{
    if (!cameo || strlen(cameo) < 2) return 0;
    for (int i = 0; i < r->nroots; i++)
        if (!memcmp(r->roots[i].root, cameo, 2)) return r->roots[i].goldstein;
    return 0;
}

/* ---- cue files ------------------------------------------------------- */

static const struct { const char *name; uint32_t bit; } CUE_CLASSES[] = {
    {"NEG", EV_C_NEG}, {"NEGZU", EV_C_NEGZU}, {"HYP", EV_C_HYP}, {"HYPSUB", EV_C_HYPSUB},
    {"NEGSUB", EV_C_NEGSUB}, {"CTL", EV_C_CTL}, {"PASSAUX", EV_C_PASSAUX}, {"REL", EV_C_REL},
    {"SUB", EV_C_SUB}, {"COORD", EV_C_COORD}, {"ZU", EV_C_ZU}, {"PLACE", EV_C_PLACE},
    {"SUPPORT", EV_C_SUPPORT}, {"NOTNEG", EV_C_NOTNEG}, {"PREP", EV_C_PREP},
    {"AGENT", EV_C_AGENT}, {"BETWEEN", EV_C_BETWEEN}, {"POSS", EV_C_POSS}, {"PRON1", EV_C_PRON1}, {"DET", EV_C_DET}, {"MUTUAL", EV_C_MUTUAL}, {"PRON3", EV_C_PRON3}, {"BOTH", EV_C_BOTH}, {"SUBSTART", EV_C_SUBSTART}, {"SAY", EV_C_SAY}, {"HYPW", EV_C_HYPW}, {"INTENT", EV_C_INTENT}, {"OF", EV_C_OF}, {"POSSPRON", EV_C_POSSPRON},
    {"GROUP", EV_C_GROUP},
};
static const struct { const char *name; uint32_t bit; } CUE2_CLASSES[] = {
    {"STATEAUX", EV_C2_STATEAUX}, {"SEAT", EV_C2_SEAT}, {"SUBJPRON", EV_C2_SUBJPRON}, {"PLURPRON", EV_C2_PLURPRON},
    {"RECEIVE", EV_C2_RECEIVE}, {"WITH", EV_C2_WITH}, {"FROM", EV_C2_FROM}, {"BOUNDARY", EV_C2_BOUNDARY},
    {"PARTAKE", EV_C2_PARTAKE}, {"HAPPEN", EV_C2_HAPPEN},
    {"PERCEIVE", EV_C2_PERCEIVE}, {"RESUME", EV_C2_RESUME},
    {"SOURCE", EV_C2_SOURCE}, {"SOURCEPREP", EV_C2_SOURCEPREP}, {"SOURCEAFTER", EV_C2_SOURCEAFTER},
    {"PERFAUX", EV_C2_PERFAUX},
};

typedef struct load_state {
    ev_rules *r;
    int lang;
    struct sb_stemmer *stem[EV_NLANG];
} load_state;

/* the stem of a pattern or cue word (Snowball, libstemmer), registered in
 * the stem filter (stemfilter.h); 0 when it cannot be made or registered */
static size_t stem_for(const load_state *st, const char *w, size_t n, char *out, size_t cap)
{
    size_t sn = ev_stem(st->stem[st->lang], w, n, out, cap);
    if (sn && ev_stemfilter_add_stem(&st->r->stemf[st->lang], out, sn)) return 0;
    return sn;
}

static int prep_id(ev_rules *r, int lang, const char *w, size_t n, int create)
{
    uint32_t id;
    if (lb_wordset_get(&r->preps[lang], w, n, &id)) return (int)id;
    if (!create || r->nprep[lang] >= EV_MAX_PREPS) return -1;
    if (lb_wordset_put(&r->preps[lang], w, n, (uint32_t)r->nprep[lang])) return -1;
    return r->nprep[lang]++;
}

static int fold_word(char *out, size_t cap, const char *s, size_t n, size_t *outn)
{
    *outn = lb_fold(out, cap - 1, s, n);
    if (!*outn) return -1;
    out[*outn] = '\0';
    return 0;
}

static int cue_cb(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    load_state *st = user;
    ev_rules *r = st->r;
    if (l->nfields != 2) { snprintf(err, errlen, "expected: word TAB CLASS[,CLASS]"); return 1; }
    uint32_t bits = 0, bits2 = 0;
    const char *p = l->field[1];
    const char *as = NULL;      /* AS=prep: a contraction that counts as that preposition (im: in) */
    size_t asn = 0;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        size_t k;
        if (n > 3 && !memcmp(p, "AS=", 3)) {
            as = p + 3; asn = n - 3; bits |= EV_C_PREP;
            p += n + (e ? 1 : 0);
            continue;
        }
        for (k = 0; k < sizeof CUE_CLASSES / sizeof CUE_CLASSES[0]; k++)
            if (strlen(CUE_CLASSES[k].name) == n && !memcmp(CUE_CLASSES[k].name, p, n)) break;
        if (k == sizeof CUE_CLASSES / sizeof CUE_CLASSES[0]) {
            size_t k2;
            for (k2 = 0; k2 < sizeof CUE2_CLASSES / sizeof CUE2_CLASSES[0]; k2++)
                if (strlen(CUE2_CLASSES[k2].name) == n && !memcmp(CUE2_CLASSES[k2].name, p, n)) break;
            if (k2 == sizeof CUE2_CLASSES / sizeof CUE2_CLASSES[0]) {
                snprintf(err, errlen, "unknown cue class '%.*s'", (int)n, p);
                return 1;
            }
            bits2 |= CUE2_CLASSES[k2].bit;
            p += n + (e ? 1 : 0);
            continue;
        }
        bits |= CUE_CLASSES[k].bit;
        p += n + (e ? 1 : 0);
    }
    const char *w = l->field[0];
    int bystem = w[0] == '~';
    if (bystem) w++;
    char f[256], s[256];
    size_t fn;
    if (!*w || fold_word(f, sizeof f, w, strlen(w), &fn)) { snprintf(err, errlen, "bad cue word"); return 1; }
    if (bits & (EV_C_PREP | EV_C_AGENT | EV_C_BETWEEN)) {
        bits |= EV_C_PREP;
        if (bystem) { snprintf(err, errlen, "a preposition cannot be a stem cue"); return 1; }
        if (as) {
            char a[64];
            size_t an;
            int id = asn < sizeof a && !fold_word(a, sizeof a, as, asn, &an) ? prep_id(r, st->lang, a, an, 0) : -1;
            if (id < 0) { snprintf(err, errlen, "AS=%.*s: not a preposition declared before", (int)asn, as); return 1; }
            if (lb_wordset_put(&r->preps[st->lang], f, fn, (uint32_t)id)) { snprintf(err, errlen, "out of memory"); return 1; }
        } else if (prep_id(r, st->lang, f, fn, 1) < 0) { snprintf(err, errlen, "too many prepositions"); return 1; }
    }
    if (bits2) {
        if (bystem || memchr(f, ' ', fn)) { snprintf(err, errlen, "STATEAUX, SEAT, RECEIVE, WITH, FROM, PARTAKE and pronoun cues are single folded words"); return 1; }
        uint32_t o2 = 0;
        lb_wordset_get(&r->cues2[st->lang], f, fn, &o2);
        if (lb_wordset_put(&r->cues2[st->lang], f, fn, o2 | bits2)) { snprintf(err, errlen, "out of memory"); return 1; }
        if (!bits) return 0;
    }
    lb_wordset *set = &r->cues[st->lang];
    if (bystem) {
        fn = stem_for(st, f, fn, s, sizeof s);
        if (!fn) { snprintf(err, errlen, "cannot stem '%s'", w); return 1; }
        memcpy(f, s, fn + 1);
        set = &r->cue_stems[st->lang];
    }
    char *sp = bystem ? NULL : memchr(f, ' ', fn);
    if (sp) {
        /* mark the first word, so that only its tokens pay for a pair lookup */
        uint32_t hv = 0;
        size_t hn = (size_t)(sp - f);
        lb_wordset_get(set, f, hn, &hv);
        if (lb_wordset_put(set, f, hn, hv | EV_C_PAIRHEAD)) { snprintf(err, errlen, "out of memory"); return 1; }
    }
    uint32_t old = 0;
    lb_wordset_get(set, f, fn, &old);
    if (lb_wordset_put(set, f, fn, old | bits)) { snprintf(err, errlen, "out of memory"); return 1; }
    return 0;
}

/* ---- pattern files ---------------------------------------------------- */

static int add_pattern(ev_rules *r)
{
    if (r->npatterns == r->cap_patterns) {
        size_t nc = r->cap_patterns ? r->cap_patterns * 2 : 256;
        ev_pattern *p = realloc(r->patterns, nc * sizeof *p);
        if (!p) return -1;
        r->patterns = p; r->cap_patterns = nc;
    }
    memset(&r->patterns[r->npatterns], 0, sizeof r->patterns[0]);
    return (int)r->npatterns++;
}

static int add_form(ev_rules *r, lb_wordset *set, const char *key, size_t kn, uint32_t pat,
                    const char *req, uint8_t req_kind)
{
    if (r->nforms == r->cap_forms) {
        size_t nc = r->cap_forms ? r->cap_forms * 2 : 1024;
        ev_form *f = realloc(r->forms, nc * sizeof *f);
        if (!f) return -1;
        r->forms = f; r->cap_forms = nc;
    }
    uint32_t idx = (uint32_t)r->nforms++;
    ev_form *f = &r->forms[idx];
    f->pattern = pat; f->next = UINT32_MAX; f->req = req; f->req_kind = req_kind; f->zuinf = 0; f->er_noun = 0; f->lich_adj = 0;
    f->req_later = 0; f->req_len = req ? (uint32_t)strlen(req) : 0;
    uint32_t first;
    if (lb_wordset_get(set, key, kn, &first)) {
        uint32_t i = first;
        while (r->forms[i].next != UINT32_MAX) i = r->forms[i].next;
        r->forms[i].next = idx;
        return 0;
    }
    return lb_wordset_put(set, key, kn, idx);
}

static const char *intern(ev_rules *r, const char *s, size_t n)
{
    return lb_arena_strndup(&r->strings, s, n);
}

static const char *default_cameo(const ev_rules *r, const char *type)
{
    for (int i = 0; i < r->ndefaults; i++) if (!strcmp(r->defaults[i].type, type)) return r->defaults[i].cameo;
    return NULL;
}

static int parse_preps(ev_rules *r, int lang, const char *p, size_t n, uint64_t *mask, char *err, size_t errlen)
{
    while (n) {
        const char *bar = memchr(p, '|', n);
        size_t k = bar ? (size_t)(bar - p) : n;
        int id = prep_id(r, lang, p, k, 0);
        if (id < 0) { snprintf(err, errlen, "'%.*s' is not a preposition of the cue files", (int)k, p); return -1; }
        *mask |= (uint64_t)1 << id;
        if (!bar) break;
        n -= k + 1; p += k + 1;
    }
    return 0;
}

/* a |-separated list of words, stemmed, as hashes into arr (what: for errors) */
static int parse_stems(const load_state *ls, uint32_t *arr, uint8_t *cnt, size_t cap, const char *what,
                       const char *p, size_t n, char *err, size_t errlen)
{
    while (n) {
        const char *bar = memchr(p, '|', n);
        size_t k = bar ? (size_t)(bar - p) : n;
        char f[256], st[256];
        size_t fn, sn;
        if (*cnt >= cap) { snprintf(err, errlen, "too many %s words", what); return -1; }
        if (!k || fold_word(f, sizeof f, p, k, &fn) || !(sn = stem_for(ls, f, fn, st, sizeof st))) {
            snprintf(err, errlen, "bad %s word '%.*s'", what, (int)k, p);
            return -1;
        }
        arr[(*cnt)++] = ev_stem_hash(st, sn);
        if (!bar) break;
        n -= k + 1; p += k + 1;
    }
    return 0;
}

static int parse_args(ev_rules *r, ev_pattern *pt, const char *a, const load_state *ls, char *err, size_t errlen)
{
    if (!strcmp(a, "-") || !*a) return 0;
    while (*a) {
        const char *e = strchr(a, ',');
        size_t n = e ? (size_t)(e - a) : strlen(a);
        if (n == 7 && !memcmp(a, "rec=obj", 7)) pt->flags |= EV_F_REC_OBJ;
        else if (n == 8 && !memcmp(a, "rec=none", 8)) pt->flags |= EV_F_REC_NONE;
        else if (n == 7 && !memcmp(a, "rec=own", 7)) pt->flags |= EV_F_OWNGOV;
        else if (n == 9 && !memcmp(a, "rec=after", 9)) pt->flags |= EV_F_REC_AFTER;
        /* rec=named: only a counterpart the sentence names (no own-state or
         * context default: absagen alone cancels, jemandem absagen refuses) */
        else if (n == 9 && !memcmp(a, "rec=named", 9)) pt->flags &= (uint16_t)~(EV_F_OWNDOM | EV_F_CONTEXT);
        else if (n == 6 && !memcmp(a, "mutual", 6)) pt->flags |= EV_F_MUTUAL;
        else if (n == 3 && !memcmp(a, "inv", 3)) pt->flags |= EV_F_INVERSE;
        else if (n == 3 && !memcmp(a, "adj", 3)) pt->flags |= EV_F_ADJ;
        else if (n > 4 && !memcmp(a, "rec=", 4)) {
            if (parse_preps(r, pt->lang, a + 4, n - 4, &pt->rec_preps, err, errlen)) return -1;
        } else if (n > 4 && !memcmp(a, "dep=", 4)) {
            int k;
            for (k = 0; PLOVER_TYPES[k]; k++)
                if (strlen(PLOVER_TYPES[k]) == n - 4 && !memcmp(PLOVER_TYPES[k], a + 4, n - 4)) break;
            if (!PLOVER_TYPES[k]) { snprintf(err, errlen, "dep= needs a PLOVER type"); return -1; }
            pt->dep_type = PLOVER_TYPES[k];
            const char *dc = default_cameo(r, pt->dep_type);
            pt->dep_goldstein = ev_goldstein(r, dc);
            if (dc && !(pt->dep_cameo_root = intern(r, dc, 2))) { snprintf(err, errlen, "out of memory"); return -1; }
        } else if (n > 4 && !memcmp(a, "sup=", 4)) {
            if (parse_stems(ls, pt->sup, &pt->nsup, sizeof pt->sup / sizeof pt->sup[0], "support",
                            a + 4, n - 4, err, errlen)) return -1;
        } else if (n > 4 && !memcmp(a, "hyp=", 4)) {
            if (parse_stems(ls, pt->hypw, &pt->nhyp, sizeof pt->hypw / sizeof pt->hypw[0], "hyp",
                            a + 4, n - 4, err, errlen)) return -1;
        } else if (n > 4 && !memcmp(a, "not=", 4)) {
            if (parse_stems(ls, pt->notw, &pt->nnot, sizeof pt->notw / sizeof pt->notw[0], "not",
                            a + 4, n - 4, err, errlen)) return -1;
        } else if (n > 4 && !memcmp(a, "obj=", 4)) {
            if (parse_stems(ls, pt->obj, &pt->nobj, sizeof pt->obj / sizeof pt->obj[0], "object",
                            a + 4, n - 4, err, errlen)) return -1;
        } else if (n > 6 && !memcmp(a, "agent=", 6)) {
            if (n - 6 < 2 || n - 6 > 3) { snprintf(err, errlen, "agent= needs a PLOVER sector (COP, JUD, GOV, MIL)"); return -1; }
            for (size_t k = 6; k < n; k++)
                if (a[k] < 'A' || a[k] > 'Z') { snprintf(err, errlen, "agent= needs an upper-case sector"); return -1; }
            if (!(pt->agent_sector = intern(r, a + 6, n - 6))) { snprintf(err, errlen, "out of memory"); return -1; }
        } else if (n == 11 && !memcmp(a, "neg=content", 11)) {
            pt->flags |= EV_F_NEGCONTENT;
        } else if (n == 8 && !memcmp(a, "neg=need", 8)) {
            pt->flags |= EV_F_NEGNEED | EV_F_NEGCONTENT;
        } else if (n == 11 && !memcmp(a, "act=speaker", 11)) {
            pt->flags |= EV_F_SPEAKER;
        } else if (n > 4 && !memcmp(a, "act=", 4)) {
            if (parse_preps(r, pt->lang, a + 4, n - 4, &pt->act_preps, err, errlen)) return -1;
        } else if (n > 5 && !memcmp(a, "conf=", 5)) {
            char tmp[16];
            if (n - 5 >= sizeof tmp) { snprintf(err, errlen, "bad conf"); return -1; }
            memcpy(tmp, a + 5, n - 5); tmp[n - 5] = '\0';
            char *end; double c = strtod(tmp, &end);
            if (*end || c <= 0 || c > 1) { snprintf(err, errlen, "conf must be in (0,1]"); return -1; }
            pt->conf = c;
        } else { snprintf(err, errlen, "unknown argument '%.*s'", (int)n, a); return -1; }
        a += n + (e ? 1 : 0);
    }
    return 0;
}

static int add_word(load_state *st, uint32_t pat, const char *w, size_t n, char *err, size_t errlen);

/* German prefixes that take no ge- in the participle (verhaftet, beschossen) */
static int inseparable_prefix(const char *v, size_t n)
{
    static const char *const P[] = { "be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "über", "unter", "wider", "hinter", NULL };
    for (int i = 0; P[i]; i++) {
        size_t k = strlen(P[i]);
        if (n > k + 3 && !memcmp(v, P[i], k)) return 1;
    }
    return 0;
}

/* "verhaften*", "fest+setzen*": a regular (weak) German verb given by its
 * infinitive; registers the infinitive and its finite forms and participle
 * (verhaftet, verhaftete, verhafteten; setzte fest, festgesetzt). */
static int add_weak_verb(load_state *st, uint32_t pat, const char *w, size_t n, char *err, size_t errlen)
{
    const char *plus = memchr(w, '+', n);
    size_t pn = plus ? (size_t)(plus - w) + 1 : 0;          /* particle with its '+' */
    const char *v = w + pn;
    size_t vn = n - pn;
    size_t bn;
    if (vn > 4 && !memcmp(v + vn - 2, "en", 2)) bn = vn - 2;
    else if (vn > 4 && v[vn - 1] == 'n' && v[vn - 3] == 'e') bn = vn - 1;     /* handeln, fordern */
    else { snprintf(err, errlen, "'%.*s*' is no German infinitive", (int)n, w); return -1; }
    /* e before the ending after t, d and a consonant + m/n (zeichnet, atmet; not warnt, wohnt) */
    int e = v[bn - 1] == 't' || v[bn - 1] == 'd';
    if (bn >= 3 && (v[bn - 1] == 'm' || v[bn - 1] == 'n')) {
        char c = v[bn - 2];
        e = !strchr("aeiouylrmn", c) && !(c == 'h' && v[bn - 3] != 'c') && !((unsigned char)c & 0x80);
    }
    static const char *const END[] = { "t", "te", "ten", "test" };
    char f[256];
    if (pn + bn + 8 > sizeof f) { snprintf(err, errlen, "form too long"); return -1; }
    if (add_word(st, pat, w, n, err, errlen)) return -1;
    for (int k = 0; k < 4; k++) {
        int m = snprintf(f, sizeof f, "%.*s%.*s%s%s", (int)pn, w, (int)bn, v, e ? "e" : "", END[k]);
        if (add_word(st, pat, f, (size_t)m, err, errlen)) return -1;
    }
    /* participle: joined with its particle, ge- unless the verb has an inseparable prefix or -ieren */
    int ge = !inseparable_prefix(v, vn) && !(vn > 5 && !memcmp(v + vn - 5, "ieren", 5));
    int m = snprintf(f, sizeof f, "%.*s%s%.*s%st", (int)(pn ? pn - 1 : 0), w, ge ? "ge" : "", (int)bn, v, e ? "e" : "");
    return add_word(st, pat, f, (size_t)m, err, errlen);
}

/* says the add_* helpers below ran out of memory: -1 (the callbacks return 1) */
static int oom(char *err, size_t errlen)
{
    snprintf(err, errlen, "out of memory");
    return -1;
}

/* says the add_* helpers below found no stem for form f: -1 */
static int cannot_stem(char *err, size_t errlen, const char *f)
{
    snprintf(err, errlen, "cannot stem '%s'", f);
    return -1;
}

/* "vor+schlagen" (folded f, fn bytes, plus at its '+'): a separable verb, its
 * particle later in the clause, or joined (infinitive, participle,
 * zu-infinitive: vorzuschlagen) */
static int add_separable(load_state *st, uint32_t pat, const char *f, size_t fn, const char *plus, char *err, size_t errlen)
{
    ev_rules *r = st->r;
    char s[512], j[512];
    size_t sn, pn = (size_t)(plus - f);
    const char *base = plus + 1;
    size_t bn = fn - pn - 1;
    if (!pn || !bn) { snprintf(err, errlen, "bad separable form '%s'", f); return -1; }
    const char *req = intern(r, f, pn);
    if (!req || !(sn = stem_for(st, base, bn, s, sizeof s))) return cannot_stem(err, errlen, f);
    if (add_form(r, &r->keys[st->lang], s, sn, pat, req, EV_REQ_PARTICLE)) return oom(err, errlen);
    if (pn + bn + 3 > sizeof j) { snprintf(err, errlen, "form too long"); return -1; }
    memcpy(j, f, pn); memcpy(j + pn, base, bn);
    if (!(sn = stem_for(st, j, pn + bn, s, sizeof s))) return cannot_stem(err, errlen, f);
    if (add_form(r, &r->keys[st->lang], s, sn, pat, NULL, 0)) return oom(err, errlen);
    if (bn > 2 && !memcmp(base + bn - 2, "en", 2)) {
        memcpy(j, f, pn); memcpy(j + pn, "zu", 2); memcpy(j + pn + 2, base, bn);
        if (!(sn = stem_for(st, j, pn + 2 + bn, s, sizeof s))) return cannot_stem(err, errlen, f);
        if (add_form(r, &r->keys[st->lang], s, sn, pat, NULL, 0)) return oom(err, errlen);
        r->forms[r->nforms - 1].zuinf = 1;
    }
    return 0;
}

/* "call_on" (folded f, fn bytes, us at its first '_'): a multiword form; the
 * first word is the key, the rest must follow in order */
static int add_multiword(load_state *st, uint32_t pat, const char *f, size_t fn, const char *us, char *err, size_t errlen)
{
    ev_rules *r = st->r;
    char s[512], rest[512];
    size_t sn, hn = (size_t)(us - f);
    if (!hn || hn + 1 >= fn) { snprintf(err, errlen, "bad multiword form '%s'", f); return -1; }
    size_t rn = fn - hn - 1;
    memcpy(rest, us + 1, rn);
    rest[rn] = '\0';
    for (size_t i = 0; i < rn; i++) if (rest[i] == '_') rest[i] = ' ';
    const char *req = intern(r, rest, rn);
    if (!req || !(sn = stem_for(st, f, hn, s, sizeof s))) return cannot_stem(err, errlen, f);
    if (add_form(r, &r->keys[st->lang], s, sn, pat, req, EV_REQ_NEXT)) return oom(err, errlen);
    /* (a first word in -lich: verantwortlich_machen) */
    if (hn > 4 && !memcmp(f + hn - 4, "lich", 4)) r->forms[r->nforms - 1].lich_adj = 1;
    return 0;
}

/* "=feuer" (folded f, fn bytes, NUL-terminated): the folded form itself, not
 * its stem (willing is no will) */
static int add_exact(load_state *st, uint32_t pat, const char *f, size_t fn, char *err, size_t errlen)
{
    ev_rules *r = st->r;
    char s[512];
    if (fn + 2 > sizeof s) { snprintf(err, errlen, "word too long"); return -1; }   /* '=', the form, its NUL */
    s[0] = '=';
    memcpy(s + 1, f, fn + 1);
    if (add_form(r, &r->keys[st->lang], s, fn + 1, pat, NULL, 0)) return oom(err, errlen);
    r->forms[r->nforms - 1].er_noun = 1;     /* the exact word is meant (=feuer) */
    r->forms[r->nforms - 1].lich_adj = 1;
    r->nexact[st->lang]++;
    return 0;
}

/* "treffen", "~hilfe" (tail: also the last part of a compound): a word by its
 * stem (folded f, fn bytes) */
static int add_stemmed(load_state *st, uint32_t pat, const char *f, size_t fn, int tail, char *err, size_t errlen)
{
    ev_rules *r = st->r;
    char s[512];
    size_t sn;
    if (!(sn = stem_for(st, f, fn, s, sizeof s))) return cannot_stem(err, errlen, f);
    if (add_form(r, &r->keys[st->lang], s, sn, pat, NULL, 0)) return oom(err, errlen);
    /* a listed noun that is its stem + er (Massaker) may match words of that shape */
    int er_noun = fn > 2 && !memcmp(f + fn - 2, "er", 2);
    if (er_noun) r->forms[r->nforms - 1].er_noun = 1;
    /* a listed -lich adjective (verantwortlich) may match the -lich words of its stem */
    int lich_adj = fn > 4 && !memcmp(f + fn - 4, "lich", 4);
    if (lich_adj) r->forms[r->nforms - 1].lich_adj = 1;
    if (!tail) return 0;
    if (add_form(r, &r->tails[st->lang], s, sn, pat, NULL, 0)) return oom(err, errlen);
    if (er_noun) r->forms[r->nforms - 1].er_noun = 1;
    if (lich_adj) r->forms[r->nforms - 1].lich_adj = 1;
    size_t k = sn < 3 ? sn : 3;
    if (lb_wordset_put(&r->tail_ends[st->lang], s + sn - k, k, 1)) return oom(err, errlen);
    if (ev_stemfilter_add_head(&r->stemf[st->lang], s, sn)) return oom(err, errlen);
    if (sn >= 3) ev_start3_add(r->tail_starts[st->lang], s);
    if (!r->last_tail_len || sn < r->last_tail_len) r->last_tail_len = (uint32_t)sn;
    return 0;
}

/* Registers one form word of a pattern ("treffen", "vor+schlagen", "call_on", "~hilfe"). */
static int add_word(load_state *st, uint32_t pat, const char *w, size_t n, char *err, size_t errlen)
{
    if (n > 1 && w[n - 1] == '*') {
        if (st->lang != EV_DE || w[0] == '~' || w[0] == '=' || memchr(w, '_', n)) {
            snprintf(err, errlen, "'%.*s': only plain German verbs can be expanded with *", (int)n, w);
            return -1;
        }
        return add_weak_verb(st, pat, w, n - 1, err, errlen);
    }
    char f[512];
    size_t fn;
    int tail = 0, exact = 0;
    if (n && w[0] == '~') { tail = 1; w++; n--; }
    else if (n && w[0] == '=') { exact = 1; w++; n--; }
    if (!n || fold_word(f, sizeof f, w, n, &fn)) { snprintf(err, errlen, "bad form '%.*s'", (int)n, w); return -1; }
    char *plus = strchr(f, '+'), *us = strchr(f, '_');
    if (plus && us) { snprintf(err, errlen, "form '%s' mixes + and _", f); return -1; }
    if (plus) return add_separable(st, pat, f, fn, plus, err, errlen);
    if (us) return add_multiword(st, pat, f, fn, us, err, errlen);
    if (exact) return add_exact(st, pat, f, fn, err, errlen);
    return add_stemmed(st, pat, f, fn, tail, err, errlen);
}

static int pattern_cb(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    load_state *st = user;
    ev_rules *r = st->r;
    if (l->nfields < 6 || l->nfields > 7) {
        snprintf(err, errlen, "expected: id TAB type TAB mode TAB cameo TAB kind TAB forms [TAB args]");
        return 1;
    }
    int pi = add_pattern(r);
    if (pi < 0) { snprintf(err, errlen, "out of memory"); return 1; }
    ev_pattern *pt = &r->patterns[pi];
    pt->lang = (uint8_t)st->lang;
    pt->id = intern(r, l->field[0], l->flen[0]);
    const char *type = l->field[1];
    pt->tid = -1;
    if (!strcmp(type, "-")) pt->flags |= EV_F_BLOCK;
    else {
        int k;
        for (k = 0; PLOVER_TYPES[k]; k++) if (!strcmp(PLOVER_TYPES[k], type)) break;
        if (!PLOVER_TYPES[k]) { snprintf(err, errlen, "unknown PLOVER type '%s'", type); return 1; }
        pt->type = PLOVER_TYPES[k];
        pt->tid = (int8_t)k;
        if (r->place_types >> k & 1) pt->flags |= EV_F_REC_PLACE;
        if (r->domestic_types >> k & 1) pt->flags |= EV_F_DOMESTIC;
        if (r->own_types[st->lang] >> k & 1) pt->flags |= EV_F_OWNDOM;
        if (r->context_types[st->lang] >> k & 1) pt->flags |= EV_F_CONTEXT;
    }
    if (strcmp(l->field[2], "-")) pt->mode = intern(r, l->field[2], l->flen[2]);
    if (strcmp(l->field[3], "-")) {
        for (size_t i = 0; i < l->flen[3]; i++)
            if (l->field[3][i] < '0' || l->field[3][i] > '9') { snprintf(err, errlen, "CAMEO code must be digits"); return 1; }
        if (l->flen[3] < 2 || l->flen[3] > 4) { snprintf(err, errlen, "CAMEO code must have 2 to 4 digits"); return 1; }
        pt->cameo = intern(r, l->field[3], l->flen[3]);
    } else if (pt->type) pt->cameo = default_cameo(r, pt->type);
    pt->goldstein = ev_goldstein(r, pt->cameo);
    if (pt->cameo && !(pt->cameo_root = intern(r, pt->cameo, 2))) { snprintf(err, errlen, "out of memory"); return 1; }
    const char *kind = l->field[4];
    if (!strcmp(kind, "V")) pt->kind = EV_VERB;
    else if (!strcmp(kind, "N")) pt->kind = EV_NOUN;
    else if (!strcmp(kind, "NS")) pt->kind = EV_NOUN_SUPPORT;
    else { snprintf(err, errlen, "kind must be V, N or NS"); return 1; }
    pt->conf = pt->kind == EV_VERB ? 0.7 : 0.6;
    if (l->nfields == 7 && parse_args(r, pt, l->field[6], st, err, errlen)) return 1;
    if (pt->kind == EV_VERB && !pt->rec_preps && !(pt->flags & (EV_F_REC_NONE | EV_F_INVERSE))) pt->flags |= EV_F_REC_OBJ;
    if (!pt->id || (pt->mode == NULL && strcmp(l->field[2], "-"))) { snprintf(err, errlen, "out of memory"); return 1; }
    const char *p = l->field[5];
    int nw = 0;
    while (*p) {
        while (*p == ' ') p++;
        const char *e = p;
        while (*e && *e != ' ') e++;
        if (e > p) {
            if (add_word(st, (uint32_t)pi, p, (size_t)(e - p), err, errlen)) return 1;
            nw++;
        }
        p = e;
    }
    if (!nw) { snprintf(err, errlen, "no forms"); return 1; }
    return 0;
}

/* ---- group nouns --------------------------------------------------------- */

/* "polizei TAB COP", "~truppen TAB MIL": a noun naming a group of a state, keyed
 * by its folded form (inflected forms match by their ending, see sent.c; not
 * by stem: Ermittler is no Ermittlung); ~ also matches it as the head of a compound */
static int group_cb(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    load_state *st = user;
    ev_rules *r = st->r;
    if (l->nfields != 2) { snprintf(err, errlen, "expected: noun TAB SECTOR"); return 1; }
    if (l->flen[1] < 2 || l->flen[1] > 3) { snprintf(err, errlen, "sector must be a PLOVER sector code (GOV, MIL, COP, ...)"); return 1; }
    for (size_t i = 0; i < l->flen[1]; i++)
        if (l->field[1][i] < 'A' || l->field[1][i] > 'Z') { snprintf(err, errlen, "sector must be upper case"); return 1; }
    int sid;
    for (sid = 0; sid < r->nsectors; sid++) if (!strcmp(r->sectors[sid], l->field[1])) break;
    if (sid == r->nsectors) {
        if (r->nsectors >= EV_MAX_SECTORS) { snprintf(err, errlen, "too many sectors"); return 1; }
        if (!(r->sectors[r->nsectors++] = intern(r, l->field[1], l->flen[1]))) { snprintf(err, errlen, "out of memory"); return 1; }
    }
    const char *w = l->field[0];
    int tail = w[0] == '~';
    if (tail) w++;
    char f[256];
    size_t fn;
    if (!*w || fold_word(f, sizeof f, w, strlen(w), &fn) || memchr(f, ' ', fn)) {
        snprintf(err, errlen, "bad group noun '%s'", l->field[0]);
        return 1;
    }
    if (lb_wordset_put(&r->groups[st->lang], f, fn, (uint32_t)sid)) { snprintf(err, errlen, "out of memory"); return 1; }
    if (tail && lb_wordset_put(&r->group_tails[st->lang], f, fn, (uint32_t)sid)) { snprintf(err, errlen, "out of memory"); return 1; }
    if (tail && fn >= 3) ev_start3_add(r->group_tail_starts[st->lang], f);   /* (sent.c looks up heads of 3 bytes and more only) */
    /* the filter of compound heads: last 3 bytes of the word and of its inflected forms (sent.c group_form) */
    static const char *const END[] = { "", "n", "en", "e", "s", "es", NULL };
    for (int k = 0; tail && END[k]; k++) {
        char x[300];
        int xn = snprintf(x, sizeof x, "%s%s", f, END[k]);
        if (xn < 3 || (size_t)xn >= sizeof x) continue;
        if (lb_wordset_put(&r->group_tail_ends[st->lang], x + xn - 3, 3, 1)) { snprintf(err, errlen, "out of memory"); return 1; }
        ev_start3_add(r->group_tail_end3[st->lang], x + xn - 3);
    }
    return 0;
}

/* ---- seats of international organisations --------------------------------- */

static int seat_cb(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    ev_rules *r = ((load_state *)user)->r;
    if (l->nfields != 2 || l->flen[1] != 3) { snprintf(err, errlen, "expected: city TAB ISO alpha-3 code"); return 1; }
    for (int i = 0; i < 3; i++)
        if (l->field[1][i] < 'A' || l->field[1][i] > 'Z') { snprintf(err, errlen, "the code must be 3 upper-case letters"); return 1; }
    if (r->nseats >= EV_MAX_SEATS) { snprintf(err, errlen, "too many seats"); return 1; }
    char f[256];
    size_t fn;
    if (fold_word(f, sizeof f, l->field[0], l->flen[0], &fn)) { snprintf(err, errlen, "bad city '%s'", l->field[0]); return 1; }
    if (!(r->seat_codes[r->nseats] = intern(r, l->field[1], 3))) { snprintf(err, errlen, "out of memory"); return 1; }
    if (lb_wordset_put(&r->seats, f, fn, (uint32_t)r->nseats++)) { snprintf(err, errlen, "out of memory"); return 1; }
    return 0;
}

const char *ev_seat_state(const ev_rules *r, const char *text, size_t n)
{
    char f[256];
    uint32_t v;
    if (!n || n >= sizeof f) return NULL;
    size_t fn = lb_fold(f, sizeof f - 1, text, n);
    if (!fn || !lb_wordset_get(&r->seats, f, fn, &v) || v >= (uint32_t)r->nseats) return NULL;
    return r->seat_codes[v];
}

/* ---- CAMEO table ------------------------------------------------------ */

static int cameo_cb(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    ev_rules *r = ((load_state *)user)->r;
    if (l->nfields >= 3 && !strcmp(l->field[0], "root")) {
        if (r->nroots >= (int)(sizeof r->roots / sizeof r->roots[0]) || l->flen[1] != 2) {
            snprintf(err, errlen, "bad root line"); return 1;
        }
        char *end;
        double g = strtod(l->field[2], &end);
        if (*end || g < -10 || g > 10) { snprintf(err, errlen, "Goldstein value must be in [-10,10]"); return 1; }
        memcpy(r->roots[r->nroots].root, l->field[1], 2);
        r->roots[r->nroots].root[2] = '\0';
        r->roots[r->nroots++].goldstein = g;
        return 0;
    }
    if (l->nfields >= 3 && !strcmp(l->field[0], "default")) {
        if (r->ndefaults >= (int)(sizeof r->defaults / sizeof r->defaults[0])
            || l->flen[1] >= sizeof r->defaults[0].type || l->flen[2] >= sizeof r->defaults[0].cameo) {
            snprintf(err, errlen, "bad default line"); return 1;
        }
        memcpy(r->defaults[r->ndefaults].type, l->field[1], l->flen[1] + 1);
        memcpy(r->defaults[r->ndefaults].cameo, l->field[2], l->flen[2] + 1);
        r->ndefaults++;
        return 0;
    }
    if (l->nfields >= 2 && (!strcmp(l->field[0], "place") || !strcmp(l->field[0], "domestic"))) {
        uint32_t *set = l->field[0][0] == 'p' ? &r->place_types : &r->domestic_types;
        for (size_t f = 1; f < l->nfields; f++) {
            int k;
            for (k = 0; PLOVER_TYPES[k]; k++) if (!strcmp(PLOVER_TYPES[k], l->field[f])) break;
            if (!PLOVER_TYPES[k]) { snprintf(err, errlen, "unknown PLOVER type '%s'", l->field[f]); return 1; }
            *set |= 1u << k;
        }
        return 0;
    }
    if (l->nfields >= 3 && (!strcmp(l->field[0], "owndefault") || !strcmp(l->field[0], "context"))) {
        int lang = ev_lang(l->field[1]);
        if (lang < 0) { snprintf(err, errlen, "unknown language '%s'", l->field[1]); return 1; }
        for (size_t f = 2; f < l->nfields; f++) {
            int k;
            for (k = 0; PLOVER_TYPES[k]; k++) if (!strcmp(PLOVER_TYPES[k], l->field[f])) break;
            if (!PLOVER_TYPES[k]) { snprintf(err, errlen, "unknown PLOVER type '%s'", l->field[f]); return 1; }
            (l->field[0][0] == 'o' ? r->own_types : r->context_types)[lang] |= 1u << k;
        }
        return 0;
    }
    snprintf(err, errlen, "expected 'root CC GOLDSTEIN [name]', 'default TYPE CAMEO', 'place TYPE...', 'domestic TYPE...', 'owndefault LANG TYPE...' or 'context LANG TYPE...'");
    return 1;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int lb_events_load(struct lb_event_rules **out, const char *dir, char *err, size_t errlen)
{
    *out = NULL;
    ev_rules *r = calloc(1, sizeof *r);
    if (!r) return LB_ENOMEM;
    lb_arena_init(&r->strings);
    for (int i = 0; i < EV_NLANG; i++) {
        lb_wordset_init(&r->keys[i]); lb_wordset_init(&r->tails[i]);
        lb_wordset_init(&r->cues[i]); lb_wordset_init(&r->cue_stems[i]);
        lb_wordset_init(&r->preps[i]); lb_wordset_init(&r->tail_ends[i]);
        lb_wordset_init(&r->groups[i]); lb_wordset_init(&r->group_tails[i]);
        lb_wordset_init(&r->cues2[i]); lb_wordset_init(&r->group_tail_ends[i]);
    }
    lb_wordset_init(&r->seats);
    *out = r;
    load_state st = { .r = r };
    st.stem[EV_DE] = sb_stemmer_new("german", NULL);
    st.stem[EV_EN] = sb_stemmer_new("english", NULL);
    int rc = LB_OK;
    char path[4096];
    char *names[256];
    int nnames = 0;
    if (!st.stem[EV_DE] || !st.stem[EV_EN]) { snprintf(err, errlen, "cannot create Snowball stemmers"); rc = LB_ENOMEM; goto done; }
    snprintf(path, sizeof path, "%s/cameo.tsv", dir);
    if ((rc = lb_dict_read(path, cameo_cb, &st, err, errlen))) goto done;
    snprintf(path, sizeof path, "%s/seats.tsv", dir);
    if ((rc = lb_dict_read(path, seat_cb, &st, err, errlen))) goto done;
    static const char *const LANGS[EV_NLANG] = { "de", "en" };
    for (int L = 0; L < EV_NLANG; L++) {
        st.lang = L;
        snprintf(path, sizeof path, "%s/%s.cues", dir, LANGS[L]);
        if ((rc = lb_dict_read(path, cue_cb, &st, err, errlen))) goto done;
        snprintf(path, sizeof path, "%s/%s.groups", dir, LANGS[L]);
        if ((rc = lb_dict_read(path, group_cb, &st, err, errlen))) goto done;
    }
    /* the German stemmer's endings, for the stem filter (optional: without, any cut) */
    snprintf(path, sizeof path, "%s/de.stemends", dir);
    if (!access(path, F_OK) && (rc = ev_stemfilter_load_endings(&r->stemf[EV_DE], path, err, errlen))) goto done;
    /* pattern files: <lang>.patterns first, then <lang>.*.patterns in name order */
    DIR *d = opendir(dir);
    if (!d) { snprintf(err, errlen, "%s: cannot open directory", dir); rc = LB_EIO; goto done; }
    struct dirent *de;
    while ((de = readdir(d)) && nnames < 256) {
        size_t n = strlen(de->d_name);
        if (n > 9 && !strcmp(de->d_name + n - 9, ".patterns") && de->d_name[0] != '.') {
            if (!(names[nnames] = strdup(de->d_name))) { closedir(d); rc = LB_ENOMEM; goto done; }
            nnames++;
        }
    }
    closedir(d);
    qsort(names, (size_t)nnames, sizeof names[0], cmp_str);
    for (int i = 0; i < nnames; i++) {
        char lang[3] = { names[i][0], names[i][1], 0 };
        st.lang = ev_lang(lang);
        if (st.lang < 0 || names[i][2] != '.') { snprintf(err, errlen, "%s/%s: file name must start with de. or en.", dir, names[i]); rc = LB_EDATA; goto done; }
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if ((rc = lb_dict_read(path, pattern_cb, &st, err, errlen))) goto done;
    }
    if (!r->npatterns) { snprintf(err, errlen, "%s: no *.patterns files", dir); rc = LB_EDATA; }
    /* (a chain's next form was added after it: later forms have higher indices;
     * the pattern's block flag and kind are copied into the form, so that
     * walking a chain reads no pattern: sent.c pick_form, code.c) */
    for (size_t k = r->nforms; k-- > 0;) {
        ev_form *f = &r->forms[k];
        f->req_later = f->req_kind != EV_REQ_NONE || (f->next != UINT32_MAX && r->forms[f->next].req_later);
        f->block = (r->patterns[f->pattern].flags & EV_F_BLOCK) != 0;
        f->kind = r->patterns[f->pattern].kind;
    }
done:
    for (int i = 0; i < nnames; i++) free(names[i]);
    if (st.stem[EV_DE]) sb_stemmer_delete(st.stem[EV_DE]);
    if (st.stem[EV_EN]) sb_stemmer_delete(st.stem[EV_EN]);
    return rc;
}

void lb_events_free(struct lb_event_rules *r)
{
    if (!r) return;
    for (int i = 0; i < EV_NLANG; i++) {
        lb_wordset_fini(&r->keys[i]); lb_wordset_fini(&r->tails[i]);
        lb_wordset_fini(&r->cues[i]); lb_wordset_fini(&r->cue_stems[i]);
        lb_wordset_fini(&r->preps[i]); lb_wordset_fini(&r->tail_ends[i]);
        lb_wordset_fini(&r->groups[i]); lb_wordset_fini(&r->group_tails[i]);
        lb_wordset_fini(&r->cues2[i]); lb_wordset_fini(&r->group_tail_ends[i]);
        ev_stemfilter_fini(&r->stemf[i]);
    }
    lb_wordset_fini(&r->seats);
    free(r->patterns);
    free(r->forms);
    lb_arena_fini(&r->strings);
    free(r);
}
