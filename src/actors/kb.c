/* kb.c: loads and compiles actor dictionary files (format in
 * data/actors/README.md) into struct lb_actor_kb. Validates every field and
 * reports "file:line: problem". Knows nothing about documents or matching
 * order; see match.c and resolve.c for that. */
#include "actors/kb.h"
#include "core/dictfile.h"
#include "core/utf8.h"
#include "text/text.h"
#include "lagebild.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static int grow(void **p, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap) return 0;
    size_t nc = *cap ? *cap * 2 : 256;
    void *q = realloc(*p, nc * elem);
    if (!q) return -1;
    *p = q; *cap = nc;
    return 0;
}

static int is_punct_split(unsigned char c)
{
    return c == ',' || c == '(' || c == ')' || c == '/' || c == ';' || c == ':' || c == '"' || c == '!' || c == '?';
}

/* ASCII bytes that end a key piece: space, TAB and the split punctuation
 * (bit c of a 128-bit mask, one test a byte) */
static int ends_piece(unsigned char c)
{
    static const uint64_t lo = 1ull << ' ' | 1ull << '\t' | 1ull << ',' | 1ull << '(' | 1ull << ')' | 1ull << '/' |
                              1ull << ';' | 1ull << ':' | 1ull << '"' | 1ull << '!' | 1ull << '?';
    return c < 64 && ((lo >> c) & 1u);
}

/* Pieces of a surface: split at spaces and around some punctuation. */
static size_t key_impl(char *out, size_t cap, const char *s, size_t n, unsigned *ntok, int fold)
{
    size_t o = 0, i = 0;
    unsigned nt = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t')) i++;
        if (i >= n) break;
        size_t j = i;
        if (is_punct_split((unsigned char)s[i])) j = i + 1;
        else while (j < n && !ends_piece((unsigned char)s[j])) j++;
        /* the tokenizer makes an English possessive a token of its own
         * ("People's" -> People + 's): so does the key */
        size_t apos = 0;
        if (j - i > 2 && s[j - 2] == '\'' && s[j - 1] == 's') apos = 2;
        else if (j - i > 4 && !memcmp(s + j - 4, "\xe2\x80\x99s", 4)) apos = 4;
        if (apos && i < n && !(i == j - apos)) j -= apos;
        else apos = 0;
        if (nt) { if (o + 1 > cap) return 0; out[o++] = ' '; }
        if (fold) {
            size_t m = lb_fold(out + o, cap - o, s + i, j - i);
            if (!m) return 0;
            o += m;
        } else {
            if (o + (j - i) > cap) return 0;
            memcpy(out + o, s + i, j - i); o += j - i;
        }
        nt++;
        i = j;
        if (apos) {     /* the possessive as the next piece; the loop resumes after it */
            if (o + 1 + apos > cap) return 0;
            out[o++] = ' ';
            if (fold) {
                size_t m = lb_fold(out + o, cap - o, s + j, apos);
                if (!m) return 0;
                o += m;
            } else { memcpy(out + o, s + j, apos); o += apos; }
            nt++;
            i = j + apos;
        }
    }
    *ntok = nt;
    return o;
}

size_t kb_key(char *out, size_t cap, const char *s, size_t n, unsigned *ntok)
{
    return key_impl(out, cap, s, n, ntok, 1);
}

int32_t kb_date(const char *s, size_t n)
{
    if (!s || n < 4) return 0;
    for (int i = 0; i < 4; i++) if (s[i] < '0' || s[i] > '9') return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = 6, d = 15;
    if (n >= 7 && s[4] == '-' && s[5] >= '0' && s[5] <= '1' && s[6] >= '0' && s[6] <= '9') {
        m = (s[5] - '0') * 10 + (s[6] - '0');
        if (m < 1 || m > 12) return 0;
        d = 15;
        if (n >= 10 && s[7] == '-' && s[8] >= '0' && s[8] <= '3' && s[9] >= '0' && s[9] <= '9') {
            d = (s[8] - '0') * 10 + (s[9] - '0');
            if (d < 1 || d > 31) return 0;
        }
    }
    return y * 10000 + m * 100 + d;
}

static const char *str(struct lb_actor_kb *kb, int slot, const char *s, size_t n)
{
    const char *c = kb->last_str[slot];
    if (c && kb->last_len[slot] == n && !memcmp(c, s, n)) return c;
    c = lb_arena_strndup(&kb->mem, s, n);
    kb->last_str[slot] = c;
    kb->last_len[slot] = n;
    return c;
}

static const char *opt(struct lb_actor_kb *kb, int slot, const lb_dict_line *l, size_t i)
{
    if (i >= l->nfields || !l->flen[i] || !strcmp(l->field[i], "-")) return NULL;
    return str(kb, slot, l->field[i], l->flen[i]);
}

static int valid_code(const char *s, size_t n)
{
    if (n < 2 || n > 6) return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'))) return 0;
    return 1;
}

static int parse_type(const char *s)
{
    if (!strcmp(s, "PER")) return 0;
    if (!strcmp(s, "LOC")) return 1;
    if (!strcmp(s, "ORG")) return 2;
    if (!strcmp(s, "OTH")) return 3;
    return -1;
}

static int parse_form(const char *s)
{
    if (!strcmp(s, "name")) return 0;
    if (!strcmp(s, "deriv")) return 1;
    if (!strcmp(s, "part")) return 2;
    return -1;
}

/* Case flags a surface implies: capitalised first letter; capitals inside a word. */
static unsigned case_flags(const char *s, size_t n)
{
    unsigned f = 0;
    size_t i = 0, inword = 0;
    int first = 1;
    while (i < n) {
        int32_t c = (unsigned char)s[i];
        utf8proc_ssize_t l = 1;
        int upper, letter;
        if (c < 0x80) {   /* ASCII without the Unicode tables, the common case first */
            if (c >= 'a' && c <= 'z') { inword++; first = 0; i++; continue; }
            upper = c >= 'A' && c <= 'Z';
            letter = upper;
        } else {
            l = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
            if (l <= 0) break;
            utf8proc_category_t cat = utf8proc_category(c);
            upper = cat == UTF8PROC_CATEGORY_LU;
            letter = cat <= UTF8PROC_CATEGORY_LO;
        }
        if (c == ' ' || c == '-' || c == '/') inword = 0;
        else {
            if (upper) {
                if (first) f |= KB_CAPFIRST;
                else if (inword) f |= KB_CS;
            }
            if (letter) inword++;
            first = 0;
        }
        i += (size_t)l;
    }
    return f;
}

static void bloom_add(uint64_t *bl, const char *w, size_t n)
{
    uint64_t h = lb_hash_bytes(w, n);
    bl[kb_bl_word(h)] |= kb_bl_bits(h);
}

static void bloom_set(struct lb_actor_kb *kb, const char *w, size_t n, int lower)
{
    uint64_t h = lb_hash_bytes(w, n);
    kb->bloom[kb_bl_word(h)] |= kb_bl_bits(h);
    if (lower) kb->lbloom[kb_bl_lword(h)] |= kb_bl_bits(h);
}

void kb_build_lsig(struct lb_actor_kb *kb)
{
    memset(kb->lsig, 0, sizeof kb->lsig);
    for (size_t i = 0; i < kb->wclass.cap; i++) {
        uint32_t tag, len, value;
        const char *key;
        if (!lb_wordset_slot(&kb->wclass, i, &tag, &key, &len, &value) || !len) continue;
        uint64_t h = lb_hash_bytes(key, len), b = kb_bl_bits(h);
        if ((kb->lbloom[kb_bl_lword(h)] & b) != b) continue;
        size_t g = kb_lsig(key, len);
        kb->lsig[g / 64] |= (uint64_t)1 << (g % 64);
    }
}

int kb_class_add(struct lb_actor_kb *kb, const char *w, size_t n, uint32_t bits, int lower)
{
    bloom_set(kb, w, n, lower);
    uint32_t v = 0;
    lb_wordset_get(&kb->wclass, w, n, &v);
    return (v | bits) == v ? 0 : lb_wordset_put(&kb->wclass, w, n, v | bits);
}

/* Records that a name of nt tokens starts with w (gen: w is a genitive form;
 * lower: the name may start with a lower-case word). */
static int kb_class_max(struct lb_actor_kb *kb, const char *w, size_t n, unsigned nt, int gen, int lower)
{
    bloom_set(kb, w, n, lower);
    uint32_t v = 0;
    lb_wordset_get(&kb->wclass, w, n, &v);
    uint32_t nv = v;
    if (nt > 15) nt = 15;
    int sh = (gen ? 12 : 8);
    if (nt > ((nv >> sh) & 0xf)) nv = (nv & ~(0xfu << sh)) | (nt << sh);
    if (lower && nt > ((nv >> (sh + 8)) & 0xf)) nv = (nv & ~(0xfu << (sh + 8))) | (nt << (sh + 8));
    nv |= gen ? W_GEN : W_FIRST;
    if (nt <= W_LENS_MAX) nv |= 1u << (24 + nt - 1);
    return nv == v ? 0 : lb_wordset_put(&kb->wclass, w, n, nv);
}

static int add_surface(struct lb_actor_kb *kb, const char *s, size_t n, const kb_entry *proto, char *err, size_t errlen)
{
    char key[1024];
    unsigned nt;
    size_t kl = kb_key(key, sizeof key, s, n, &nt);
    if (!kl || nt == 0) { snprintf(err, errlen, "surface '%.*s' is empty or too long", (int)n, s); return 1; }
    if (nt > 12) { snprintf(err, errlen, "surface '%.*s' has more than 12 words", (int)n, s); return 1; }
    if (grow((void **)&kb->entries, &kb->capentries, kb->nentries, sizeof *kb->entries)) { snprintf(err, errlen, "out of memory"); return 1; }
    kb_entry *e = &kb->entries[kb->nentries];
    *e = *proto;
    char orig[1024];
    unsigned nt2;
    size_t ol = key_impl(orig, sizeof orig, s, n, &nt2, 0);
    e->surface = lb_arena_strndup(&kb->mem, orig, ol);
    e->surface_len = (uint32_t)ol;
    e->ntok = (uint8_t)nt;
    unsigned cf = case_flags(s, n);
    e->flags |= (uint8_t)(cf & KB_CAPFIRST);
    if ((cf & KB_CS) && !(proto->flags & KB_CI)) e->flags |= KB_CS;
    if (!e->surface) { snprintf(err, errlen, "out of memory"); return 1; }
    e->next = -1;
    uint32_t prev;
    if (lb_wordset_get(&kb->names, key, kl, &prev)) {
        /* same folded key: the same surface replaces, another case form joins */
        const kb_entry *pe = &kb->entries[prev];
        if (pe->surface_len == e->surface_len && !memcmp(pe->surface, e->surface, e->surface_len)) e->next = pe->next;
        else e->next = (int32_t)prev;
    }
    if (lb_wordset_put(&kb->names, key, kl, (uint32_t)kb->nentries)) { snprintf(err, errlen, "out of memory"); return 1; }
    bloom_add(kb->nbloom, key, kl);
    if ((e->flags & KB_CP) && kl >= 4) bloom_add(kb->pbloom, key, 4);
    kb->nentries++;
    size_t fl = 0;
    while (fl < kl && key[fl] != ' ') fl++;
    int lower = !(e->flags & KB_CAPFIRST);
    if (kb_class_max(kb, key, fl, nt, 0, lower)) { snprintf(err, errlen, "out of memory"); return 1; }
    /* the genitive forms of the first word: Chinas, Putins, China's, China’s */
    static const char *const gen[] = { "s", "'s", "\xe2\x80\x99s" };
    static const size_t genlen[] = { 1, 2, 4 };
    int gens = e->form == 0 && !(e->flags & KB_NOGEN);   /* adjectives take no genitive */
    for (int g = 0; gens && g < 3 && fl + 4 < sizeof key; g++) {
        char gk[1100];
        size_t gl = genlen[g];
        memcpy(gk, key, fl); memcpy(gk + fl, gen[g], gl);
        if (kb_class_max(kb, gk, fl + gl, nt, 1, lower)) { snprintf(err, errlen, "out of memory"); return 1; }
    }
    return 0;
}

static int parse_flags(struct lb_actor_kb *kb, const lb_dict_line *l, size_t i, kb_entry *e, char *err, size_t errlen)
{
    uint8_t *flags = &e->flags;
    *flags = 0;
    if (i >= l->nfields || !l->flen[i] || !strcmp(l->field[i], "-")) return 0;
    const char *p = l->field[i];
    while (*p) {
        size_t n = strcspn(p, ",");
        if (n == 2 && !memcmp(p, "cs", 2)) *flags |= KB_CS;
        else if (n == 2 && !memcmp(p, "ci", 2)) *flags |= KB_CI;
        else if (n == 5 && !memcmp(p, "nogen", 5)) *flags |= KB_NOGEN;
        else if (n == 8 && !memcmp(p, "noprefix", 8)) *flags |= KB_NOPREFIX;
        else if (n == 2 && !memcmp(p, "cp", 2)) *flags |= KB_CP;
        else if (n > 5 && !memcmp(p, "host=", 5) && valid_code(p + 5, n - 5)) {
            if (!(e->host = str(kb, 5, p + 5, n - 5))) { snprintf(err, errlen, "out of memory"); return 1; }
        }
        else { snprintf(err, errlen, "unknown flag '%.*s' (cs, ci, nogen, noprefix, cp, host=CODE)", (int)n, p); return 1; }
        p += n;
        if (*p == ',') p++;
    }
    return 0;
}

static int need(const lb_dict_line *l, size_t n, const char *what, char *err, size_t errlen)
{
    if (l->nfields < n) { snprintf(err, errlen, "'%s' needs %zu fields: %s", l->field[0], n - 1, what); return 1; }
    for (size_t i = 1; i < n; i++)
        if (!l->flen[i]) { snprintf(err, errlen, "field %zu of '%s' is empty (use - for none): %s", i + 1, l->field[0], what); return 1; }
    return 0;
}

static int check_sector(const lb_dict_line *l, size_t i, char *err, size_t errlen)
{
    const char *s = l->field[i];
    if (!strcmp(s, "-")) return 0;
    size_t n = l->flen[i];
    if (n != 3) { snprintf(err, errlen, "sector '%s' is not a 3-letter PLOVER code or -", s); return 1; }
    for (size_t k = 0; k < n; k++) if (s[k] < 'A' || s[k] > 'Z') { snprintf(err, errlen, "sector '%s' is not a 3-letter PLOVER code or -", s); return 1; }
    return 0;
}

static int check_code(const lb_dict_line *l, size_t i, char *err, size_t errlen)
{
    if (!valid_code(l->field[i], l->flen[i])) {
        snprintf(err, errlen, "actor code '%s' must be 2-6 capital letters or digits", l->field[i]);
        return 1;
    }
    return 0;
}

static int parse_day(const char *s, size_t n, int32_t *out)
{
    if (n == 1 && s[0] == '-') { *out = 0; return 0; }
    if (!(n == 4 || n == 7 || n == 10)) return -1;
    int32_t d = kb_date(s, n);
    if (!d) return -1;
    if (n == 4) d = d / 10000 * 10000 + 101;
    else if (n == 7) d = d / 100 * 100 + 1;
    *out = d;
    return 0;
}

typedef struct load_state { struct lb_actor_kb *kb; uint32_t file; } load_state;

static int find_person(struct lb_actor_kb *kb, const char *name, size_t n, uint32_t *idx)
{
    return lb_wordset_get(&kb->persons_by_name, name, n, idx);
}

/* a "name" record: one surface of an actor (code, sector, type, form, flags, canonical name) */
static int name_line(load_state *st, const lb_dict_line *l, char *err, size_t errlen)
{
    struct lb_actor_kb *kb = st->kb;
    if (need(l, 6, "SURFACE CODE SECTOR TYPE FORM [FLAGS] [CANONICAL]", err, errlen)) return 1;
    if ((strcmp(l->field[2], "-") && strcmp(l->field[2], "?") && check_code(l, 2, err, errlen)) ||
        check_sector(l, 3, err, errlen)) return 1;
    int t = parse_type(l->field[4]), f = parse_form(l->field[5]);
    if (t < 0) { snprintf(err, errlen, "type '%s' must be PER, LOC, ORG or OTH", l->field[4]); return 1; }
    if (f < 0) { snprintf(err, errlen, "form '%s' must be name, deriv or part", l->field[5]); return 1; }
    if (l->nfields > 8) { snprintf(err, errlen, "'name' has at most 7 fields"); return 1; }
    kb_entry e = { .type = (uint8_t)t, .form = (uint8_t)f, .person = -1 };
    if (parse_flags(kb, l, 6, &e, err, errlen)) return 1;
    e.code = opt(kb, 0, l, 2);
    e.sector = e.code ? opt(kb, 1, l, 3) : NULL;
    e.canon = opt(kb, 2, l, 7);
    if (!e.canon) e.canon = str(kb, 2, l->field[1], l->flen[1]);
    return add_surface(kb, l->field[1], l->flen[1], &e, err, errlen);
}

/* a "person" record: a person (home code, Wikidata id) and the surfaces of the name and its aliases */
static int person_line(load_state *st, const lb_dict_line *l, char *err, size_t errlen)
{
    struct lb_actor_kb *kb = st->kb;
    if (need(l, 5, "CANONICAL HOME-CODE WIKIDATA ALIASES", err, errlen)) return 1;
    if (l->nfields > 5) { snprintf(err, errlen, "'person' has 4 fields"); return 1; }
    if (check_code(l, 2, err, errlen)) return 1;
    const char *id = l->field[3];
    if (strcmp(id, "-")) {
        int ok = id[0] == 'Q' && l->flen[3] > 1;
        for (size_t k = 1; ok && k < l->flen[3]; k++) ok = id[k] >= '0' && id[k] <= '9';
        if (!ok) { snprintf(err, errlen, "Wikidata id '%s' must be Q followed by digits, or -", id); return 1; }
    }
    uint32_t p;
    if (!find_person(kb, l->field[1], l->flen[1], &p)) {
        if (grow((void **)&kb->persons, &kb->cappersons, kb->npersons, sizeof *kb->persons)) { snprintf(err, errlen, "out of memory"); return 1; }
        p = (uint32_t)kb->npersons++;
        if (lb_wordset_put(&kb->persons_by_name, l->field[1], l->flen[1], p)) { snprintf(err, errlen, "out of memory"); return 1; }
    }
    kb_person *ps = &kb->persons[p];
    memset(ps, 0, sizeof *ps);
    ps->canon = lb_arena_strndup(&kb->mem, l->field[1], l->flen[1]);
    ps->code = str(kb, 0, l->field[2], l->flen[2]);
    ps->id = opt(kb, 3, l, 3);
    ps->file = st->file;
    kb_entry e = { .type = 0, .form = 0, .person = (int32_t)p, .code = ps->code, .canon = ps->canon, .id = ps->id };
    if (add_surface(kb, l->field[1], l->flen[1], &e, err, errlen)) return 1;
    const char *a = l->field[4];
    if (!strcmp(a, "-")) return 0;
    while (*a) {
        size_t n = strcspn(a, "|");
        if (n && add_surface(kb, a, n, &e, err, errlen)) return 1;
        a += n;
        if (*a == '|') a++;
    }
    return 0;
}

/* a "role" record: an office a listed person held from FROM to TO */
static int role_line(load_state *st, const lb_dict_line *l, char *err, size_t errlen)
{
    struct lb_actor_kb *kb = st->kb;
    if (need(l, 6, "CANONICAL CODE SECTOR FROM TO [ROLE]", err, errlen)) return 1;
    if (l->nfields > 7) { snprintf(err, errlen, "'role' has at most 6 fields"); return 1; }
    uint32_t p;
    if (!find_person(kb, l->field[1], l->flen[1], &p)) { snprintf(err, errlen, "role for unknown person '%s' (a 'person' line must come first)", l->field[1]); return 1; }
    if (check_code(l, 2, err, errlen) || check_sector(l, 3, err, errlen)) return 1;
    kb_role r = { .person = p, .file = st->file };
    if (parse_day(l->field[4], l->flen[4], &r.from)) { snprintf(err, errlen, "FROM date '%s' must be YYYY-MM-DD, YYYY-MM, YYYY or -", l->field[4]); return 1; }
    if (parse_day(l->field[5], l->flen[5], &r.to)) { snprintf(err, errlen, "TO date '%s' must be YYYY-MM-DD, YYYY-MM, YYYY or -", l->field[5]); return 1; }
    if (r.from && r.to && r.to < r.from) { snprintf(err, errlen, "role ends (%s) before it starts (%s)", l->field[5], l->field[4]); return 1; }
    r.code = str(kb, 0, l->field[2], l->flen[2]);
    r.sector = opt(kb, 1, l, 3);
    r.role = opt(kb, 4, l, 6);
    if (grow((void **)&kb->roles, &kb->caproles, kb->nroles, sizeof *kb->roles)) { snprintf(err, errlen, "out of memory"); return 1; }
    kb->roles[kb->nroles++] = r;
    return 0;
}

/* a "title" record: a title word with its sector, role and code */
static int title_line(load_state *st, const lb_dict_line *l, char *err, size_t errlen)
{
    struct lb_actor_kb *kb = st->kb;
    if (need(l, 4, "WORD SECTOR ROLE [CODE]", err, errlen)) return 1;
    if (l->nfields > 5) { snprintf(err, errlen, "'title' has at most 4 fields"); return 1; }
    if (check_sector(l, 2, err, errlen)) return 1;
    if (l->nfields == 5 && strcmp(l->field[4], "-") && check_code(l, 4, err, errlen)) return 1;
    char key[512];
    unsigned nt;
    size_t kl = kb_key(key, sizeof key, l->field[1], l->flen[1], &nt);
    if (!kl) { snprintf(err, errlen, "title '%s' is empty or too long", l->field[1]); return 1; }
    if (grow((void **)&kb->titlev, &kb->captitles, kb->ntitles, sizeof *kb->titlev)) { snprintf(err, errlen, "out of memory"); return 1; }
    kb_title *t = &kb->titlev[kb->ntitles];
    t->sector = opt(kb, 1, l, 2);
    t->role = str(kb, 4, l->field[3], l->flen[3]);
    t->code = opt(kb, 0, l, 4);
    if (lb_wordset_put(&kb->titles, key, kl, (uint32_t)kb->ntitles)) { snprintf(err, errlen, "out of memory"); return 1; }
    size_t fl = 0;
    while (fl < kl && key[fl] != ' ') fl++;
    /* lower case too: English titles are written so in running text */
    if (kb_class_add(kb, key, fl, W_TITLE, 1)) { snprintf(err, errlen, "out of memory"); return 1; }
    kb->ntitles++;
    if (nt > kb->title_maxtok) kb->title_maxtok = (uint8_t)nt;
    return 0;
}

/* a one-word record: a first name, nopart, pcue, orgstart or orgend word */
static int word_line(load_state *st, const lb_dict_line *l, char *err, size_t errlen)
{
    struct lb_actor_kb *kb = st->kb;
    const char *kind = l->field[0];
    if (need(l, 2, "WORD", err, errlen)) return 1;
    if (l->nfields > 2) { snprintf(err, errlen, "'%s' has 1 field", kind); return 1; }
    char key[512];
    size_t kl = lb_fold(key, sizeof key, l->field[1], l->flen[1]);
    if (!kl || memchr(l->field[1], ' ', l->flen[1])) { snprintf(err, errlen, "'%s' must be one word", l->field[1]); return 1; }
    lb_wordset *set = kind[0] == 'f' ? &kb->firstnames : kind[0] == 'n' ? &kb->nopart :
                      kind[0] == 'p' ? &kb->pcues : !strcmp(kind, "orgstart") ? &kb->orgstart : &kb->orgend;
    uint32_t bit = kind[0] == 'f' ? W_FIRSTNAME : kind[0] == 'n' ? W_NOPART : kind[0] == 'p' ? W_PCUE :
                   !strcmp(kind, "orgstart") ? W_ORGSTART : W_ORGEND;
    if (lb_wordset_put(set, key, kl, 1) ||
        kb_class_add(kb, key, kl, bit, !(case_flags(l->field[1], l->flen[1]) & KB_CAPFIRST))) { snprintf(err, errlen, "out of memory"); return 1; }
    return 0;
}

/* a "familyfirst" record: a state whose people's names put the family name
 * first (Xi Jinping: Xi is the family name) */
static int family_first_line(load_state *st, const lb_dict_line *l, char *err, size_t errlen)
{
    if (need(l, 2, "CODE", err, errlen) || check_code(l, 1, err, errlen)) return 1;
    if (l->nfields > 2) { snprintf(err, errlen, "'familyfirst' has 1 field"); return 1; }
    if (lb_wordset_put(&st->kb->familyfirst, l->field[1], l->flen[1], 1)) { snprintf(err, errlen, "out of memory"); return 1; }
    return 0;
}

/* a "fword" record: WORD and a comma list of its roles (kb.h KB_FW_*) */
static int fword_line(load_state *st, const lb_dict_line *l, char *err, size_t errlen)
{
    static const char *const ROLE[] = { "particle", "particle2", "affprep", "affstop", "titledet", "locprep", "geoprefix", "placeprep", "lochead", "notname", "agentprep" };
    if (need(l, 3, "WORD ROLES", err, errlen)) return 1;
    if (l->nfields > 3) { snprintf(err, errlen, "'fword' has 2 fields"); return 1; }
    char key[512];
    size_t kl = lb_fold(key, sizeof key, l->field[1], l->flen[1]);
    if (!kl || memchr(l->field[1], ' ', l->flen[1])) { snprintf(err, errlen, "'%.*s' must be one word", (int)l->flen[1], l->field[1]); return 1; }
    uint32_t bits = 0;
    lb_wordset_get(&st->kb->fwords, key, kl, &bits);
    for (size_t i = 0; i < l->flen[2];) {
        size_t j = i;
        while (j < l->flen[2] && l->field[2][j] != ',') j++;
        size_t k = 0;
        while (k < sizeof ROLE / sizeof *ROLE && (strlen(ROLE[k]) != j - i || memcmp(ROLE[k], l->field[2] + i, j - i))) k++;
        if (k == sizeof ROLE / sizeof *ROLE) {
            snprintf(err, errlen, "unknown fword role '%.*s' (particle, particle2, affprep, affstop, titledet, locprep, geoprefix, placeprep, lochead, notname, agentprep)", (int)(j - i), l->field[2] + i);
            return 1;
        }
        bits |= 1u << k;
        i = j + 1;
    }
    if (lb_wordset_put(&st->kb->fwords, key, kl, bits)) { snprintf(err, errlen, "out of memory"); return 1; }
    return 0;
}

/* a "class" record: a class noun and the type of the names in its
 * apposition (die Gemeinde X: LOC) */
static int class_line(load_state *st, const lb_dict_line *l, char *err, size_t errlen)
{
    if (need(l, 3, "WORD TYPE", err, errlen)) return 1;
    if (l->nfields > 3) { snprintf(err, errlen, "'class' has 2 fields"); return 1; }
    char key[512];
    size_t kl = lb_fold(key, sizeof key, l->field[1], l->flen[1]);
    if (!kl || memchr(l->field[1], ' ', l->flen[1])) { snprintf(err, errlen, "'%.*s' must be one word", (int)l->flen[1], l->field[1]); return 1; }
    int t = parse_type(l->field[2]);   /* LB_MEN_* order; OTH names no class */
    if (t < 0 || t > 2) { snprintf(err, errlen, "class type '%.*s' is not PER, LOC or ORG", (int)l->flen[2], l->field[2]); return 1; }
    if (lb_wordset_put(&st->kb->classes, key, kl, (uint32_t)t + 1)) { snprintf(err, errlen, "out of memory"); return 1; }
    return 0;
}

static int line_cb(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    load_state *st = user;
    const char *kind = l->field[0];
    if (!strcmp(kind, "name")) return name_line(st, l, err, errlen);
    if (!strcmp(kind, "person")) return person_line(st, l, err, errlen);
    if (!strcmp(kind, "role")) return role_line(st, l, err, errlen);
    if (!strcmp(kind, "title")) return title_line(st, l, err, errlen);
    if (!strcmp(kind, "familyfirst")) return family_first_line(st, l, err, errlen);
    if (!strcmp(kind, "fword")) return fword_line(st, l, err, errlen);
    if (!strcmp(kind, "class")) return class_line(st, l, err, errlen);
    if (!strcmp(kind, "first") || !strcmp(kind, "nopart") || !strcmp(kind, "pcue") ||
        !strcmp(kind, "orgstart") || !strcmp(kind, "orgend")) return word_line(st, l, err, errlen);
    snprintf(err, errlen, "unknown record kind '%s' (name, person, role, title, familyfirst, fword, class, first, nopart, pcue, orgstart, orgend)", kind);
    return 1;
}

int kb_add_file(struct lb_actor_kb *kb, const char *path, char *err, size_t errlen)
{
    load_state st = { kb, ++kb->nfiles };
    memset(kb->last_str, 0, sizeof kb->last_str);
    int rc = lb_dict_read(path, line_cb, &st, err, errlen);
    if (rc) return rc;
    if (kb_finish(kb)) { snprintf(err, errlen, "%s: out of memory", path); return LB_ENOMEM; }
    return LB_OK;
}

int kb_finish(struct lb_actor_kb *kb)
{
    free(kb->role_idx);
    kb->role_idx = malloc((kb->nroles + 1) * sizeof *kb->role_idx);
    if (!kb->role_idx) return -1;
    for (size_t p = 0; p < kb->npersons; p++) {
        kb_person *ps = &kb->persons[p];
        ps->nrole = 0;
        /* (after every file: the familyfirst records may come after the persons;
         * only ever set, so that a snapshot's persons keep theirs) */
        if (ps->code && lb_wordset_get(&kb->familyfirst, ps->code, strlen(ps->code), NULL)) ps->surname_first = 1;
    }
    for (size_t r = 0; r < kb->nroles; r++) {
        kb_person *ps = &kb->persons[kb->roles[r].person];
        if (kb->roles[r].file >= ps->file) ps->nrole++;
    }
    uint32_t at = 0;
    for (size_t p = 0; p < kb->npersons; p++) { kb->persons[p].role0 = at; at += kb->persons[p].nrole; kb->persons[p].nrole = 0; }
    for (size_t r = 0; r < kb->nroles; r++) {
        kb_person *ps = &kb->persons[kb->roles[r].person];
        if (kb->roles[r].file >= ps->file) kb->role_idx[ps->role0 + ps->nrole++] = (uint32_t)r;
    }
    return 0;
}

const kb_role *kb_role_on(const struct lb_actor_kb *kb, uint32_t p, int32_t d)
{
    const kb_person *ps = &kb->persons[p];
    const kb_role *best = NULL;
    for (uint32_t i = 0; i < ps->nrole; i++) {
        const kb_role *r = &kb->roles[kb->role_idx[ps->role0 + i]];
        if (d) {
            if ((r->from && d < r->from) || (r->to && d > r->to)) continue;
            /* of two roles that hold, the later-starting one (a new office) wins */
            if (!best || r->from >= best->from) best = r;
        } else if (!best || r->from >= best->from) best = r;
    }
    return best;
}

