/* time_load.c: loads and compiles the time stage's data files
 * (data/time/<lang>.words and <lang>.rules, format in data/time/README.md)
 * into lb_time_rules: one wordset of folded forms, lexicon entries, pattern
 * elements and a first-element index. It does not match or resolve. */
#include "time/time.h"
#include "time/time_internal.h"
#include "core/dictfile.h"
#include "text/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *tm_vec_push(tm_vec *v)
{
    if (v->len == v->cap) {
        size_t nc = v->cap ? v->cap * 2 : 16;
        void *np = realloc(v->p, nc * v->elem);
        if (!np) return NULL;
        v->p = np; v->cap = nc;
    }
    void *e = (char *)v->p + v->len * v->elem;
    memset(e, 0, v->elem);
    v->len++;
    return e;
}

void tm_vec_free(tm_vec *v) { free(v->p); v->p = NULL; v->len = v->cap = 0; }

static uint32_t intern(tm_vec *v, const char *s, size_t n)
{
    for (size_t i = 0; i < v->len; i++) {
        const char *t = ((char **)v->p)[i];
        if (strlen(t) == n && !memcmp(t, s, n)) return (uint32_t)i;
    }
    char *c = malloc(n + 1);
    if (!c) return UINT32_MAX;
    memcpy(c, s, n); c[n] = 0;
    char **slot = tm_vec_push(v);
    if (!slot) { free(c); return UINT32_MAX; }
    *slot = c;
    return (uint32_t)(v->len - 1);
}

/* word id of a folded form, adding it when new */
static uint32_t word_id(struct lb_time_rules *r, const char *s, size_t n)
{
    char f[256];
    size_t m = lb_fold(f, sizeof f, s, n);
    if (!m) return UINT32_MAX;
    uint32_t id;
    if (lb_wordset_get(&r->words, f, m, &id)) return id;
    id = (uint32_t)r->wordv.len;
    if (!tm_vec_push(&r->wordv) || lb_wordset_put(&r->words, f, m, id)) return UINT32_MAX;
    r->lenmask[(unsigned char)f[0]] |= 1u << (m < 31 ? m : 31);
    return id;
}

static int slot_of(const char *s, size_t n)
{
    static const char *names[SL_NSLOTS] = { "Y", "M", "D", "W", "N", "K", "R", "h", "m", "s",
                                            "U", "S", "T", "L", "P", "B", "A", "F" };
    for (int i = 0; i < SL_NSLOTS; i++)
        if (strlen(names[i]) == n && !memcmp(names[i], s, n)) return i;
    return -1;
}

static int is_string_slot(int sl) { return sl == SL_S || sl == SL_T || sl == SL_L || sl == SL_P; }

/* "R=-1 U=D L=PRESENT_REF" -> assigns; 0 ok */
static int parse_assigns(struct lb_time_rules *r, const char *s, uint32_t *a0, uint32_t *na, char *err, size_t errlen)
{
    *a0 = (uint32_t)r->assigns.len; *na = 0;
    while (*s) {
        while (*s == ' ') s++;
        if (!*s) break;
        const char *e = s;
        while (*e && *e != ' ') e++;
        const char *eq = memchr(s, '=', (size_t)(e - s));
        if (!eq) { snprintf(err, errlen, "assignment '%.*s' lacks '='", (int)(e - s), s); return -1; }
        int sl = slot_of(s, (size_t)(eq - s));
        if (sl < 0) { snprintf(err, errlen, "unknown slot '%.*s'", (int)(eq - s), s); return -1; }
        const char *v = eq + 1;
        size_t vn = (size_t)(e - v);
        if (!vn) { snprintf(err, errlen, "empty value for slot '%.*s'", (int)(eq - s), s); return -1; }
        int32_t val;
        if (is_string_slot(sl)) {
            uint32_t id = intern(&r->strs, v, vn);
            if (id == UINT32_MAX) { snprintf(err, errlen, "out of memory"); return -1; }
            val = (int32_t)id;
        } else if (sl == SL_U) {
            if (vn != 1 || !strchr("YMWDHISQ", *v)) { snprintf(err, errlen, "unit must be one of Y M W D H I S Q"); return -1; }
            val = *v;
        } else {
            char *end;
            long x = strtol(v, &end, 10);
            if (end != e || x < -100000 || x > 100000) { snprintf(err, errlen, "bad number '%.*s'", (int)vn, v); return -1; }
            val = (int32_t)x;
        }
        tm_assign *a = tm_vec_push(&r->assigns);
        if (!a) { snprintf(err, errlen, "out of memory"); return -1; }
        a->slot = (uint8_t)sl; a->value = val;
        (*na)++;
        s = e;
    }
    return 0;
}

static uint32_t class_id(struct lb_time_rules *r, const char *s, size_t n)
{
    return intern(&r->classes, s, n);
}

typedef struct load_ctx { struct lb_time_rules *r; uint8_t lang; } load_ctx;

/* Appends entry ne to word wid (a word's entries stay contiguous: moved to
 * the end when others were added since). 0, or -1 with err. */
static int add_entry(struct lb_time_rules *r, uint32_t wid, tm_entry ne, char *err, size_t errlen)
{
    tm_word *w = &TM_W(r)[wid];
    if (w->ne && w->e0 + w->ne != r->entries.len) {
        uint32_t old0 = w->e0, n = w->ne;
        uint32_t new0 = (uint32_t)r->entries.len;
        for (uint32_t i = 0; i < n; i++) {
            tm_entry *e = tm_vec_push(&r->entries);
            if (!e) { snprintf(err, errlen, "out of memory"); return -1; }
            *e = TM_ENT(r)[old0 + i];
        }
        w = &TM_W(r)[wid];
        w->e0 = new0;
    }
    if (!w->ne) w->e0 = (uint32_t)r->entries.len;
    tm_entry *e = tm_vec_push(&r->entries);
    if (!e) { snprintf(err, errlen, "out of memory"); return -1; }
    *e = ne;
    w->ne++;
    return 0;
}

/* The words of class cid in language lang (their forms borrowed from the
 * wordset, their entry of that class), for a compound line. */
typedef struct class_words { const char **form; uint32_t *len; tm_entry *ent; size_t n; } class_words;

static int collect_class(const struct lb_time_rules *r, uint32_t cid, uint8_t lang, class_words *cw)
{
    cw->n = 0;
    cw->form = malloc(r->words.cap * sizeof *cw->form + 1);
    cw->len = malloc(r->words.cap * sizeof *cw->len + 1);
    cw->ent = malloc(r->words.cap * sizeof *cw->ent + 1);
    if (!cw->form || !cw->len || !cw->ent) return -1;
    for (size_t i = 0; i < r->words.cap; i++) {
        uint32_t tag, len, wid;
        const char *key;
        if (!lb_wordset_slot(&r->words, i, &tag, &key, &len, &wid)) continue;
        const tm_word *w = &TM_W(r)[wid];
        for (uint32_t k = 0; k < w->ne; k++) {
            const tm_entry *e = &TM_ENT(r)[w->e0 + k];
            if (e->cls != cid || e->lang != lang) continue;
            cw->form[cw->n] = key; cw->len[cw->n] = len; cw->ent[cw->n] = *e;
            cw->n++;
            break;
        }
    }
    return 0;
}

static void class_words_free(class_words *cw) { free(cw->form); free(cw->len); free(cw->ent); }

/* The assigns of entries a and b, then those of the line (l0, nl), appended
 * as one range: its start. */
static int join_assigns(struct lb_time_rules *r, const tm_entry *a, const tm_entry *b, uint32_t l0, uint32_t nl,
                        uint32_t *a0)
{
    *a0 = (uint32_t)r->assigns.len;
    const tm_entry *part[2] = { a, b };
    for (int p = 0; p < 2; p++)
        for (uint32_t i = 0; i < part[p]->nas; i++) {
            tm_assign *x = tm_vec_push(&r->assigns);
            if (!x) return -1;
            *x = TM_A(r)[part[p]->as0 + i];
        }
    for (uint32_t i = 0; i < nl; i++) {
        tm_assign *x = tm_vec_push(&r->assigns);
        if (!x) return -1;
        *x = TM_A(r)[l0 + i];
    }
    return 0;
}

/* A class name of a compound line: upper case and underscores, ending at
 * the joiner or the end; its length, 0 when none. */
static size_t class_name_len(const char *p)
{
    size_t n = 0;
    while ((p[n] >= 'A' && p[n] <= 'Z') || p[n] == '_') n++;
    return n;
}

/* One joined form of a compound line: a + joiner + b into word wid of class
 * cid with the slots of entries ea and eb and the line's (l0, nl). */
static int add_compound(struct lb_time_rules *r, load_ctx *lc, uint32_t cid, const char *a, size_t an, int join,
                        const char *b, size_t bn, const tm_entry *ea, const tm_entry *eb, uint32_t l0, uint32_t nl,
                        int digits, char *err, size_t errlen)
{
    char form[256];
    if (an + (size_t)join + bn >= sizeof form) { snprintf(err, errlen, "compound form longer than 255 bytes"); return -1; }
    memcpy(form, a, an);
    if (join) form[an] = '-';
    memcpy(form + an + join, b, bn);
    uint32_t wid = word_id(r, form, an + (size_t)join + bn), a0;
    if (wid == UINT32_MAX) { snprintf(err, errlen, "compound form '%.*s' cannot be folded", (int)(an + join + bn), form); return -1; }
    if (join_assigns(r, ea, eb, l0, nl, &a0)) { snprintf(err, errlen, "out of memory"); return -1; }
    TM_W(r)[wid].compound = 1;
    if (digits) TM_W(r)[wid].digits = 1;
    return add_entry(r, wid, (tm_entry){ cid, a0, ea->nas + eb->nas + nl, lc->lang }, err, errlen);
}

/* A compound line in class cls (not TENSE): "+A+B" glues every listed form
 * of class A (this language) to every one of class B, "+A-B" joins them
 * with a hyphen, "+#int-B" stands for digits, a hyphen and a form of B
 * (listed as "#-" + the form, marked digits: the matcher looks such a token
 * up by that key and takes N from its digits, time_match.c). A compound
 * form carries the slots of both parts and of the line (zwei + wöchigen ->
 * zweiwöchigen: N=2 U=W). Both classes are listed above the line. */
static int compound_line(load_ctx *lc, const lb_dict_line *l, uint32_t cid, char *err, size_t errlen)
{
    struct lb_time_rules *r = lc->r;
    const char *f = l->field[0] + 1;
    int digits = !strncmp(f, "#int-", 5);
    size_t an = digits ? 4 : class_name_len(f), bn = class_name_len(f + an + 1);
    char sep = f[an];
    if (!an || (sep != '+' && sep != '-') || (digits && sep != '-') || !bn || f[an + 1 + bn]) {
        snprintf(err, errlen, "a compound entry must be '+CLASS+CLASS', '+CLASS-CLASS' or '+#int-CLASS' (upper-case names)");
        return -1;
    }
    uint32_t ca = digits ? UINT32_MAX : class_id(r, f, an), cb = class_id(r, f + an + 1, bn), l0 = 0, nl = 0;
    if ((!digits && ca == UINT32_MAX) || cb == UINT32_MAX) { snprintf(err, errlen, "out of memory"); return -1; }
    if (l->nfields >= 3 && parse_assigns(r, l->field[2], &l0, &nl, err, errlen)) return -1;
    static const char *const hash = "#";
    static const uint32_t one = 1;
    tm_entry none = { 0, 0, 0, lc->lang };
    class_words A = { (const char **)&hash, (uint32_t *)&one, &none, 1 }, B;
    int rc = (!digits && collect_class(r, ca, lc->lang, &A)) | collect_class(r, cb, lc->lang, &B);
    if (!rc && (!A.n || !B.n)) { snprintf(err, errlen, "compound of a class without forms above: '%s'", l->field[0]); rc = -1; }
    else if (rc) snprintf(err, errlen, "out of memory");
    for (size_t i = 0; i < A.n && !rc; i++)
        for (size_t j = 0; j < B.n && !rc; j++)
            rc = add_compound(r, lc, cid, A.form[i], A.len[i], sep == '-', B.form[j], B.len[j], &A.ent[i], &B.ent[j], l0, nl,
                              digits, err, errlen);
    if (!digits) class_words_free(&A);
    class_words_free(&B);
    return rc;
}

static int words_cb(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    load_ctx *lc = user;
    struct lb_time_rules *r = lc->r;
    if (l->nfields < 2) { snprintf(err, errlen, "expected FORM<TAB>CLASS[<TAB>SLOTS]"); return -1; }
    const char *cls = l->field[1];
    for (const char *c = cls; *c; c++)
        if (!((*c >= 'A' && *c <= 'Z') || *c == '_')) { snprintf(err, errlen, "class '%s' must be upper case", cls); return -1; }
    if (l->field[0][0] == '*') {   /* suffix entry: tense by word ending */
        if (strcmp(cls, "TENSE") || l->nfields < 3 || l->flen[0] < 2 || l->flen[0] > 15) {
            snprintf(err, errlen, "a '*suffix' entry must be '*END<TAB>TENSE<TAB>PAST|FUT'"); return -1;
        }
        tm_suffix *sx = tm_vec_push(&r->suffixes);
        if (!sx) { snprintf(err, errlen, "out of memory"); return -1; }
        memcpy(sx->s, l->field[0] + 1, l->flen[0] - 1);
        sx->len = (uint8_t)(l->flen[0] - 1);
        sx->lang = lc->lang;
        sx->tense = !strcmp(l->field[2], "FUT") ? TENSE_FUT : TENSE_PAST;
        return 0;
    }
    if (l->field[0][0] == '+') {   /* compound entry: the forms of two classes joined */
        if (!strcmp(cls, "TENSE")) { snprintf(err, errlen, "TENSE takes no compound entries"); return -1; }
        uint32_t cc = class_id(r, cls, l->flen[1]);
        if (cc == UINT32_MAX) { snprintf(err, errlen, "out of memory"); return -1; }
        return compound_line(lc, l, cc, err, errlen);
    }
    uint32_t wid = word_id(r, l->field[0], l->flen[0]);
    uint32_t cid = class_id(r, cls, l->flen[1]);
    if (wid == UINT32_MAX || cid == UINT32_MAX) { snprintf(err, errlen, "cannot store '%s'", l->field[0]); return -1; }
    uint32_t a0 = 0, na = 0;
    if (!strcmp(cls, "TENSE")) {
        if (l->nfields < 3 || (strcmp(l->field[2], "PAST") && strcmp(l->field[2], "FUT"))) {
            snprintf(err, errlen, "TENSE entries need PAST or FUT"); return -1;
        }
        tm_assign *a = tm_vec_push(&r->assigns);
        if (!a) { snprintf(err, errlen, "out of memory"); return -1; }
        a0 = (uint32_t)r->assigns.len - 1; na = 1;
        a->slot = SL_N; a->value = !strcmp(l->field[2], "FUT") ? TENSE_FUT : TENSE_PAST;
    } else if (l->nfields >= 3 && parse_assigns(r, l->field[2], &a0, &na, err, errlen)) {
        return -1;
    }
    return add_entry(r, wid, (tm_entry){ cid, a0, na, lc->lang }, err, errlen);
}

static int builtin_of(const char *s)
{
    static const char *names[BI_COUNT] = { "day", "dayn", "ord", "year", "int", "dmy", "hour", "min", "decade", "hhmm", "cap" };
    for (int i = 0; i < BI_COUNT; i++) if (!strcmp(names[i], s)) return i;
    return -1;
}

static int action_of(const char *s)
{
    static const char *names[] = { "abs", "rel", "ana", "wday", "dur", "lit", "cent", "decade", "time", "skip" };
    for (int i = 0; i < (int)(sizeof names / sizeof *names); i++) if (!strcmp(names[i], s)) return i;
    return -1;
}

static int type_of(const char *s)
{
    if (!strcmp(s, "DATE")) return LB_TIMEX_DATE;
    if (!strcmp(s, "TIME")) return LB_TIMEX_TIME;
    if (!strcmp(s, "DURATION")) return LB_TIMEX_DURATION;
    if (!strcmp(s, "SET")) return LB_TIMEX_SET;
    return -1;
}

static int add_rule(load_ctx *lc, const lb_dict_line *l, const char *pattern, char *err, size_t errlen);

/* expands an element with mixed alternatives ("#int|@NUMW") into one rule each */
static int expand_rule(load_ctx *lc, const lb_dict_line *l, const char *pattern, int depth, char *err, size_t errlen)
{
    if (depth > 6) { snprintf(err, errlen, "too many mixed alternatives"); return -1; }
    const char *p = pattern;
    while (*p) {
        while (*p == ' ') p++;
        const char *e = p;
        while (*e && *e != ' ') e++;
        int mixed = 0;
        if (memchr(p, '|', (size_t)(e - p)))
            for (const char *q = p; q < e; q++)
                if ((q == p || q[-1] == '|') && (*q == '#' || *q == '@')) mixed = 1;
        if (mixed) {
            size_t tl = (size_t)(e - p);
            int opt = tl > 1 && e[-1] == '?';
            const char *a = p;
            const char *end = opt ? e - 1 : e;
            while (a < end) {
                const char *bar = memchr(a, '|', (size_t)(end - a));
                const char *ae = bar ? bar : end;
                char np[1024];
                int w = snprintf(np, sizeof np, "%.*s%.*s%s%s", (int)(p - pattern), pattern, (int)(ae - a), a, opt ? "?" : "", e);
                if (w < 0 || (size_t)w >= sizeof np) { snprintf(err, errlen, "pattern too long"); return -1; }
                if (expand_rule(lc, l, np, depth + 1, err, errlen)) return -1;
                a = bar ? bar + 1 : end;
            }
            return 0;
        }
        p = e;
    }
    return add_rule(lc, l, pattern, err, errlen);
}

static int rules_cb(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    if (l->nfields < 3 || l->nfields > 4) { snprintf(err, errlen, "expected TYPE<TAB>ACTION<TAB>PATTERN[<TAB>SLOTS]"); return -1; }
    return expand_rule(user, l, l->field[2], 0, err, errlen);
}

static int add_rule(load_ctx *lc, const lb_dict_line *l, const char *pattern, char *err, size_t errlen)
{
    struct lb_time_rules *r = lc->r;
    int type = type_of(l->field[0]);
    if (type < 0) { snprintf(err, errlen, "unknown type '%s' (DATE, TIME, DURATION, SET)", l->field[0]); return -1; }
    int act = action_of(l->field[1]);
    if (act < 0) { snprintf(err, errlen, "unknown action '%s'", l->field[1]); return -1; }
    tm_rule rule = { (uint8_t)type, (uint8_t)act, lc->lang, (uint32_t)r->elems.len, 0, 0, 0, (uint32_t)l->lineno, 0 };
    /* pattern elements, separated by spaces */
    char buf[1024];
    if (strlen(pattern) >= sizeof buf) { snprintf(err, errlen, "pattern too long"); return -1; }
    memcpy(buf, pattern, strlen(pattern) + 1);
    int required = 0, in_ctx = 0, consuming = 0, cap = 0;
    char *save = NULL;
    for (char *tok = strtok_r(buf, " ", &save); tok; tok = strtok_r(NULL, " ", &save)) {
        tm_elem el = { 0 };
        size_t n = strlen(tok);
        if (n > 1 && tok[0] == '!') { el.neg = 1; tok++; n--; }
        else if (n > 1 && tok[0] == '>') { el.ctx = 1; tok++; n--; }
        else if (in_ctx) { snprintf(err, errlen, "only context elements ('>') may follow a context element"); return -1; }
        if (el.ctx) in_ctx = 1;
        if (n > 1 && tok[n - 1] == '?') { el.opt = 1; tok[--n] = 0; }
        if (n > 1 && tok[0] == '@' && (tok[n - 1] == '^' || tok[n - 1] == '_')) {
            el.cas = tok[n - 1] == '^' ? CASE_UPPER : CASE_LOWER; tok[--n] = 0;
        }
        if (tok[0] == '@' && n > 1) {
            el.kind = EL_CLASS;
            el.id = class_id(r, tok + 1, n - 1);
        } else if (tok[0] == '#' && n > 1) {
            int b = builtin_of(tok + 1);
            if (b < 0) { snprintf(err, errlen, "unknown number shape '%s'", tok); return -1; }
            el.kind = EL_BUILTIN; el.id = (uint32_t)b;
        } else {
            el.kind = EL_LIT;
            el.alt0 = (uint32_t)r->alts.len;
            for (char *a = tok; a && *a;) {
                char *bar = strchr(a, '|');
                size_t an = bar ? (size_t)(bar - a) : strlen(a);
                if (!an) { snprintf(err, errlen, "empty alternative in '%s'", tok); return -1; }
                uint32_t *w = tm_vec_push(&r->alts);
                if (!w) { snprintf(err, errlen, "out of memory"); return -1; }
                *w = word_id(r, a, an);
                if (*w == UINT32_MAX) { snprintf(err, errlen, "cannot store '%.*s'", (int)an, a); return -1; }
                el.nalt++;
                a = bar ? bar + 1 : NULL;
            }
        }
        if (el.neg && el.opt) { snprintf(err, errlen, "'!' and '?' do not combine"); return -1; }
        if (!el.opt && !el.neg && !el.ctx) required++;
        if (!el.opt && !el.neg) consuming++;
        if (!el.neg && el.kind == EL_BUILTIN && el.id == BI_CAP) cap = 1;
        tm_elem *e = tm_vec_push(&r->elems);
        if (!e) { snprintf(err, errlen, "out of memory"); return -1; }
        *e = el;
        rule.nelem++;
    }
    if (!required) { snprintf(err, errlen, "a pattern needs at least one required element"); return -1; }
    if (consuming >= 2) rule.need2 = (uint8_t)(TM_NEXT_LISTED | (cap ? TM_NEXT_CAP : 0));
    if (l->nfields == 4 && parse_assigns(r, l->field[3], &rule.as0, &rule.nas, err, errlen)) return -1;
    tm_rule *pr = tm_vec_push(&r->rules);
    if (!pr) { snprintf(err, errlen, "out of memory"); return -1; }
    *pr = rule;
    return 0;
}

/* key of an element in the start index */
static size_t elem_key(const struct lb_time_rules *r, const tm_elem *e, uint32_t alt)
{
    size_t nw = r->wordv.len, nc = r->classes.len;
    if (e->kind == EL_LIT) return TM_ALT(r)[e->alt0 + alt];
    if (e->kind == EL_CLASS) return nw + e->id;
    return nw + nc + e->id;
}

/* the rule with start key k goes to slot k of the index of every language
 * (TM_LANG_ANY) and slot k of its own language's */
static void index_rule(struct lb_time_rules *r, size_t k, const tm_rule *ru, uint32_t i, uint32_t *fill)
{
    size_t slots[2] = { TM_LANG_ANY * r->nkeys + k, (size_t)ru->lang * r->nkeys + k };
    for (int q = 0; q < 2; q++) {
        if (!fill) r->idx_off[slots[q] + 1]++;
        else r->idx_rules[r->idx_off[slots[q]] + fill[slots[q]]++] = i;
    }
}

static int build_index(struct lb_time_rules *r)
{
    r->nkeys = r->wordv.len + r->classes.len + BI_COUNT;
    size_t nslots = TM_NLANG * r->nkeys;
    r->idx_off = calloc(nslots + 1, sizeof *r->idx_off);
    if (!r->idx_off) return -1;
    for (int pass = 0; pass < 2; pass++) {
        uint32_t *fill = NULL;
        if (pass == 1) {
            for (size_t k = 0; k < nslots; k++) r->idx_off[k + 1] += r->idx_off[k];
            r->idx_rules = malloc((r->idx_off[nslots] + 1) * sizeof *r->idx_rules);
            fill = calloc(nslots, sizeof *fill);
            if (!r->idx_rules || !fill) { free(fill); return -1; }
        }
        for (size_t i = 0; i < r->rules.len; i++) {
            const tm_rule *ru = &TM_R(r)[i];
            for (uint32_t j = 0; j < ru->nelem; j++) {
                const tm_elem *e = &TM_E(r)[ru->elem0 + j];
                if (e->neg) continue;
                uint32_t na = e->kind == EL_LIT ? e->nalt : 1;
                for (uint32_t a = 0; a < na; a++) index_rule(r, elem_key(r, e, a), ru, (uint32_t)i, fill);
                if (!e->opt && !e->neg) break;
            }
        }
        free(fill);
    }
    return 0;
}

/* tm_word.starts from the index (the part of all languages) */
static void mark_starts(struct lb_time_rules *r)
{
    size_t nw = r->wordv.len;
    for (size_t w = 0; w < nw; w++) {
        tm_word *wd = &TM_W(r)[w];
        int any = r->idx_off[w + 1] > r->idx_off[w];
        for (uint32_t i = 0; i < wd->ne && !any; i++) {
            size_t k = nw + TM_ENT(r)[wd->e0 + i].cls;
            any = k < r->nkeys && r->idx_off[k + 1] > r->idx_off[k];
        }
        wd->starts = (uint8_t)any;
    }
}

int lb_time_load(struct lb_time_rules **out, const char *dir, char *err, size_t errlen)
{
    struct lb_time_rules *r = calloc(1, sizeof *r);
    *out = r;
    if (!r) return LB_ENOMEM;
    lb_wordset_init(&r->words);
    r->wordv.elem = sizeof(tm_word);
    r->entries.elem = sizeof(tm_entry);
    r->assigns.elem = sizeof(tm_assign);
    r->elems.elem = sizeof(tm_elem);
    r->alts.elem = sizeof(uint32_t);
    r->rules.elem = sizeof(tm_rule);
    r->strs.elem = sizeof(char *);
    r->classes.elem = sizeof(char *);
    r->suffixes.elem = sizeof(tm_suffix);
    static const char *langs[] = { "de", "en" };
    for (int i = 0; i < 2; i++) {
        char path[4096];
        load_ctx lc = { r, (uint8_t)(i + 1) };
        int rc;
        snprintf(path, sizeof path, "%s/%s.words", dir, langs[i]);
        if ((rc = lb_dict_read(path, words_cb, &lc, err, errlen))) return rc;
        snprintf(path, sizeof path, "%s/%s.rules", dir, langs[i]);
        if ((rc = lb_dict_read(path, rules_cb, &lc, err, errlen))) return rc;
    }
    r->cls_tense = class_id(r, "TENSE", 5);
    r->cls_start = class_id(r, "START", 5);
    if (r->cls_tense == UINT32_MAX || r->cls_start == UINT32_MAX || build_index(r) || lb_sigindex_build(&r->words_ix, &r->words)) { snprintf(err, errlen, "out of memory"); return LB_ENOMEM; }
    mark_starts(r);
    return LB_OK;
}

void lb_time_free(struct lb_time_rules *r)
{
    if (!r) return;
    lb_sigindex_free(&r->words_ix);
    lb_wordset_fini(&r->words);
    for (size_t i = 0; i < r->strs.len; i++) free(TM_STR(r, i));
    for (size_t i = 0; i < r->classes.len; i++) free(((char **)r->classes.p)[i]);
    tm_vec_free(&r->wordv); tm_vec_free(&r->entries); tm_vec_free(&r->assigns);
    tm_vec_free(&r->elems); tm_vec_free(&r->alts); tm_vec_free(&r->rules);
    tm_vec_free(&r->strs); tm_vec_free(&r->classes); tm_vec_free(&r->suffixes);
    free(r->idx_off); free(r->idx_rules);
    free(r);
}
