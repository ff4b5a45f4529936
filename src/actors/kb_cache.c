/* kb_cache.c: a compiled snapshot of the actor knowledge base, so that a
 * process that only resolves names (lb_ctx_new_lookup: the query commands'
 * --actor Deutschland) reads one binary file instead of compiling 2 MB of
 * dictionaries. The snapshot is the KB itself, slot for slot (strings with
 * their sharing, hash tables with their layout): every lookup answers as on
 * the compiled text. A stamp (the dictionary files' names, sizes, mtimes and
 * the running executable) rejects a stale one; the file is written to a
 * temporary name and renamed, and the loader checks every offset and index
 * ("file: offset N: problem"), falling back to the text files. */
#include "actors/kb_cache.h"
#include "actors/actors.h"
#include "actors/kb.h"
#include "lagebild.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define KBC_MAGIC "LBKBC\x01\r\n"
#define KBC_NSETS 11
#define NONE UINT32_MAX

typedef struct kbc_header {
    char magic[8];
    uint64_t stamp, layout;
    uint64_t blob, nentries, npersons, nroles, nroleidx, ntitles;
    uint64_t cap[KBC_NSETS], count[KBC_NSETS];
    uint32_t title_maxtok, nfiles;
} kbc_header;

typedef struct kbc_entry {
    uint32_t surface, surface_len, code, sector, canon, id, host;
    int32_t person, next;
    uint8_t type, form, flags, ntok;
} kbc_entry;
typedef struct kbc_person { uint32_t canon, code, id, file, role0, nrole, surname_first; } kbc_person;
typedef struct kbc_role { uint32_t person, file, code, sector, role; int32_t from, to; } kbc_role;
typedef struct kbc_title { uint32_t sector, role, code; } kbc_title;
typedef struct kbc_slot { uint32_t index, tag, key, len, value; } kbc_slot;   /* used slots only */

static lb_wordset *kb_set(struct lb_actor_kb *kb, int i)
{
    lb_wordset *sets[KBC_NSETS] = { &kb->names, &kb->wclass, &kb->persons_by_name, &kb->titles,
                                    &kb->firstnames, &kb->nopart, &kb->pcues, &kb->orgstart, &kb->orgend, &kb->fwords, &kb->classes };
    return sets[i];
}

/* Changes whenever the shape of the snapshot does. */
static uint64_t layout(void)
{
    return (3 + KBC_NSETS) | (uint64_t)sizeof(kbc_entry) << 8 | (uint64_t)sizeof(kbc_header) << 16 | (uint64_t)sizeof(kbc_slot) << 56 |
           (uint64_t)KB_BLOOM_BITS << 28 | (uint64_t)KB_LBLOOM_BITS << 4;
}

struct lb_actor_kb *kb_empty(void)
{
    struct lb_actor_kb *kb = calloc(1, sizeof *kb);
    if (!kb) return NULL;
    lb_arena_init(&kb->mem);
    for (int s = 0; s < KBC_NSETS; s++) lb_wordset_init(kb_set(kb, s));
    kb->bloom = calloc(KB_BLOOM_BITS / 64, sizeof *kb->bloom);
    kb->nbloom = calloc(KB_BLOOM_BITS / 64, sizeof *kb->nbloom);
    kb->pbloom = calloc(KB_BLOOM_BITS / 64, sizeof *kb->pbloom);
    kb->lbloom = calloc(KB_LBLOOM_BITS / 64, sizeof *kb->lbloom);
    if (!kb->bloom || !kb->nbloom || !kb->pbloom || !kb->lbloom) { lb_actors_free(kb); return NULL; }
    return kb;
}

/* ---- writing ---- */

/* Strings by address: the same pointer gets the same offset (resolve.c
 * compares code and sector pointers). */
typedef struct strtab {
    const char **keys; uint32_t *offs; size_t cap, n;
    char *blob; size_t len, blobcap;
    int fail;
} strtab;

static size_t ptr_hash(const char *p, size_t cap) { return (size_t)(((uintptr_t)p * 0x9E3779B97F4A7C15ull) >> 17) & (cap - 1); }

static int strtab_grow(strtab *t)
{
    size_t nc = t->cap ? t->cap * 2 : 1 << 16;
    const char **k = calloc(nc, sizeof *k);
    uint32_t *o = calloc(nc, sizeof *o);
    if (!k || !o) { free(k); free(o); return -1; }
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->keys[i]) continue;
        size_t j = ptr_hash(t->keys[i], nc);
        while (k[j]) j = (j + 1) & (nc - 1);
        k[j] = t->keys[i]; o[j] = t->offs[i];
    }
    free(t->keys); free(t->offs);
    t->keys = k; t->offs = o; t->cap = nc;
    return 0;
}

/* The offset of string p (n bytes, NUL added) in the blob; NONE for NULL. */
static uint32_t strtab_add(strtab *t, const char *p, size_t n)
{
    if (!p || t->fail) return NONE;
    if (2 * (t->n + 1) > t->cap && strtab_grow(t)) { t->fail = 1; return NONE; }
    size_t j = ptr_hash(p, t->cap);
    while (t->keys[j] && t->keys[j] != p) j = (j + 1) & (t->cap - 1);
    if (t->keys[j]) return t->offs[j];
    if (t->len + n + 1 > t->blobcap) {
        size_t nc = t->blobcap ? t->blobcap : 1 << 20;
        while (nc < t->len + n + 1) nc *= 2;
        char *b = realloc(t->blob, nc);
        if (!b || nc >= NONE) { free(b == t->blob ? NULL : b); t->fail = 1; return NONE; }
        t->blob = b; t->blobcap = nc;
    }
    uint32_t off = (uint32_t)t->len;
    memcpy(t->blob + t->len, p, n);
    t->blob[t->len + n] = '\0';
    t->len += n + 1;
    t->keys[j] = p; t->offs[j] = off; t->n++;
    return off;
}

static uint32_t S(strtab *t, const char *p) { return p ? strtab_add(t, p, strlen(p)) : NONE; }

static int put(FILE *f, const void *p, size_t n) { return n && fwrite(p, 1, n, f) != n; }

static int write_arrays(FILE *f, const struct lb_actor_kb *kb, strtab *t, const kbc_header *h)
{
    int bad = 0;
    for (size_t i = 0; i < kb->nentries && !bad; i++) {
        const kb_entry *e = &kb->entries[i];
        kbc_entry o = { strtab_add(t, e->surface, e->surface_len), e->surface_len, S(t, e->code), S(t, e->sector),
                        S(t, e->canon), S(t, e->id), S(t, e->host), e->person, e->next, e->type, e->form, e->flags, e->ntok };
        bad = put(f, &o, sizeof o);
    }
    for (size_t i = 0; i < kb->npersons && !bad; i++) {
        const kb_person *p = &kb->persons[i];
        kbc_person o = { S(t, p->canon), S(t, p->code), S(t, p->id), p->file, p->role0, p->nrole, p->surname_first };
        bad = put(f, &o, sizeof o);
    }
    for (size_t i = 0; i < kb->nroles && !bad; i++) {
        const kb_role *r = &kb->roles[i];
        kbc_role o = { r->person, r->file, S(t, r->code), S(t, r->sector), S(t, r->role), r->from, r->to };
        bad = put(f, &o, sizeof o);
    }
    if (!bad && h->nroleidx) bad = put(f, kb->role_idx, h->nroleidx * sizeof *kb->role_idx);
    for (size_t i = 0; i < kb->ntitles && !bad; i++) {
        const kb_title *x = &kb->titlev[i];
        kbc_title o = { S(t, x->sector), S(t, x->role), S(t, x->code) };
        bad = put(f, &o, sizeof o);
    }
    bad = bad || put(f, kb->bloom, KB_BLOOM_BITS / 8) || put(f, kb->nbloom, KB_BLOOM_BITS / 8) ||
          put(f, kb->pbloom, KB_BLOOM_BITS / 8) || put(f, kb->lbloom, KB_LBLOOM_BITS / 8);
    for (int s = 0; s < KBC_NSETS && !bad; s++) {
        const lb_wordset *w = kb_set((struct lb_actor_kb *)kb, s);
        kbc_slot *v = calloc(w->count + 1, sizeof *v);
        if (!v) return -1;
        size_t n = 0;
        for (size_t i = 0; i < w->cap && n < w->count; i++) {
            const char *key;
            if (!lb_wordset_slot(w, i, &v[n].tag, &key, &v[n].len, &v[n].value)) continue;
            v[n].index = (uint32_t)i;
            v[n].key = strtab_add(t, key, v[n].len);
            n++;
        }
        bad = n != w->count || put(f, v, n * sizeof *v);
        free(v);
    }
    return bad || t->fail;
}

int kb_cache_save(const struct lb_actor_kb *kb, const char *path, uint64_t stamp)
{
    if (kb->nuser_paths) return -1;   /* a snapshot holds the data directory only */
    kbc_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, KBC_MAGIC, 8);
    h.stamp = stamp; h.layout = layout();
    h.nentries = kb->nentries; h.npersons = kb->npersons; h.nroles = kb->nroles; h.ntitles = kb->ntitles;
    for (size_t p = 0; p < kb->npersons; p++) h.nroleidx += kb->persons[p].nrole;
    h.title_maxtok = kb->title_maxtok; h.nfiles = kb->nfiles;
    for (int s = 0; s < KBC_NSETS; s++) {
        const lb_wordset *w = kb_set((struct lb_actor_kb *)kb, s);
        h.cap[s] = w->cap; h.count[s] = w->count;
    }
    char tmp[4200];
    if (snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid()) >= (int)sizeof tmp) return -1;
    FILE *f = fopen(tmp, "wb");
    if (f) setvbuf(f, NULL, _IOFBF, (size_t)1 << 20);
    if (!f) return -1;
    strtab t = { 0 };
    /* the arrays first (after room for the header), the blob they fill last */
    int bad = fseek(f, (long)sizeof h, SEEK_SET) || write_arrays(f, kb, &t, &h);
    h.blob = t.len;
    bad = bad || put(f, t.blob, t.len) || fseek(f, 0, SEEK_SET) || put(f, &h, sizeof h);
    free(t.keys); free(t.offs); free(t.blob);
    bad |= fclose(f) != 0;
    if (!bad) bad = rename(tmp, path) != 0;
    if (bad) remove(tmp);
    return bad ? -1 : 0;
}

/* ---- reading ---- */

typedef struct reader {
    const unsigned char *p; size_t n, at;
    const char *blob; size_t bloblen;
    const char *name;
    char *err; size_t errlen;
} reader;

static int bad(reader *r, const char *what)
{
    snprintf(r->err, r->errlen, "%s: offset %zu: %s", r->name, r->at, what);
    return LB_EDATA;
}

static const void *take(reader *r, size_t n)
{
    if (n > r->n - r->at) return NULL;
    const void *q = r->p + r->at;
    r->at += n;
    return q;
}

/* A string of the blob: NULL for NONE, else *ok = 0 when out of range
 * (the blob ends with a NUL, so every string in it is terminated). */
static const char *str_at(const reader *r, uint32_t off, int *ok)
{
    if (off == NONE) return NULL;
    if (off >= r->bloblen) { *ok = 0; return NULL; }
    return r->blob + off;
}

static int read_entries(reader *r, struct lb_actor_kb *kb, const kbc_header *h)
{
    kb->entries = malloc((h->nentries + 1) * sizeof *kb->entries);
    if (!kb->entries) return LB_ENOMEM;
    kb->capentries = h->nentries + 1;
    for (size_t i = 0; i < h->nentries; i++) {
        kbc_entry o;
        const void *q = take(r, sizeof o);
        if (!q) return bad(r, "truncated entries");
        memcpy(&o, q, sizeof o);
        int ok = o.surface != NONE && (uint64_t)o.surface + o.surface_len < r->bloblen &&
                 o.person >= -1 && (int64_t)o.person < (int64_t)h->npersons &&
                 o.next >= -1 && (int64_t)o.next < (int64_t)i;   /* earlier entries only: no cycles */
        kb_entry *e = &kb->entries[i];
        *e = (kb_entry){ .surface = str_at(r, o.surface, &ok), .surface_len = o.surface_len, .type = o.type,
                         .form = o.form, .flags = o.flags, .ntok = o.ntok, .person = o.person, .next = o.next };
        e->code = str_at(r, o.code, &ok); e->sector = str_at(r, o.sector, &ok);
        e->canon = str_at(r, o.canon, &ok); e->id = str_at(r, o.id, &ok); e->host = str_at(r, o.host, &ok);
        if (!ok || o.type > 3 || o.form > 2) return bad(r, "entry out of range");
    }
    kb->nentries = h->nentries;
    return LB_OK;
}

static int read_people(reader *r, struct lb_actor_kb *kb, const kbc_header *h)
{
    kb->persons = malloc((h->npersons + 1) * sizeof *kb->persons);
    kb->roles = malloc((h->nroles + 1) * sizeof *kb->roles);
    kb->role_idx = malloc((h->nroleidx + 1) * sizeof *kb->role_idx);
    if (!kb->persons || !kb->roles || !kb->role_idx) return LB_ENOMEM;
    kb->cappersons = h->npersons + 1; kb->caproles = h->nroles + 1;
    for (size_t i = 0; i < h->npersons; i++) {
        kbc_person o;
        const void *q = take(r, sizeof o);
        if (!q) return bad(r, "truncated persons");
        memcpy(&o, q, sizeof o);
        int ok = o.canon != NONE && o.code != NONE && (uint64_t)o.role0 + o.nrole <= h->nroleidx && o.surname_first <= 1;
        kb->persons[i] = (kb_person){ .canon = str_at(r, o.canon, &ok), .code = str_at(r, o.code, &ok), .id = str_at(r, o.id, &ok),
                                      .file = o.file, .role0 = o.role0, .nrole = o.nrole, .surname_first = (uint8_t)o.surname_first };
        if (!ok) return bad(r, "person out of range");
    }
    kb->npersons = h->npersons;
    for (size_t i = 0; i < h->nroles; i++) {
        kbc_role o;
        const void *q = take(r, sizeof o);
        if (!q) return bad(r, "truncated roles");
        memcpy(&o, q, sizeof o);
        int ok = o.person < h->npersons && o.code != NONE;
        kb->roles[i] = (kb_role){ .person = o.person, .file = o.file, .from = o.from, .to = o.to,
                                  .code = str_at(r, o.code, &ok), .sector = str_at(r, o.sector, &ok), .role = str_at(r, o.role, &ok) };
        if (!ok) return bad(r, "role out of range");
    }
    kb->nroles = h->nroles;
    const void *q = take(r, h->nroleidx * sizeof *kb->role_idx);
    if (!q) return bad(r, "truncated role index");
    if (h->nroleidx) memcpy(kb->role_idx, q, h->nroleidx * sizeof *kb->role_idx);
    for (size_t i = 0; i < h->nroleidx; i++) if (kb->role_idx[i] >= h->nroles) return bad(r, "role index out of range");
    return LB_OK;
}

static int read_titles_blooms(reader *r, struct lb_actor_kb *kb, const kbc_header *h)
{
    kb->titlev = malloc((h->ntitles + 1) * sizeof *kb->titlev);
    if (!kb->titlev) return LB_ENOMEM;
    kb->captitles = h->ntitles + 1;
    for (size_t i = 0; i < h->ntitles; i++) {
        kbc_title o;
        const void *q = take(r, sizeof o);
        if (!q) return bad(r, "truncated titles");
        memcpy(&o, q, sizeof o);
        int ok = o.role != NONE;
        kb->titlev[i] = (kb_title){ str_at(r, o.sector, &ok), str_at(r, o.role, &ok), str_at(r, o.code, &ok) };
        if (!ok) return bad(r, "title out of range");
    }
    kb->ntitles = h->ntitles;
    uint64_t *bl[4] = { kb->bloom, kb->nbloom, kb->pbloom, kb->lbloom };
    for (int i = 0; i < 4; i++) {
        size_t n = (i == 3 ? KB_LBLOOM_BITS : KB_BLOOM_BITS) / 8;
        const void *q = take(r, n);
        if (!q) return bad(r, "truncated bit filters");
        memcpy(bl[i], q, n);
    }
    return LB_OK;
}

static int read_sets(reader *r, struct lb_actor_kb *kb, const kbc_header *h)
{
    for (int s = 0; s < KBC_NSETS; s++) {
        lb_wordset *w = kb_set(kb, s);
        const unsigned char *q = take(r, h->count[s] * sizeof(kbc_slot));
        if (!q) return bad(r, "truncated hash table");
        r->at -= h->count[s] * sizeof(kbc_slot);
        if (lb_wordset_reserve(w, h->cap[s], h->count[s])) return bad(r, "bad hash table size");
        /* count < cap slots filled (at increasing indexes): probes always end at an empty one */
        uint32_t prev = 0;
        for (size_t i = 0; i < h->count[s]; i++, r->at += sizeof(kbc_slot)) {
            kbc_slot o;
            memcpy(&o, q + i * sizeof o, sizeof o);
            if (!o.tag || o.index >= h->cap[s] || (i && o.index <= prev)) return bad(r, "hash table slot out of range");
            prev = o.index;
            if (o.key == NONE || (uint64_t)o.key + o.len >= r->bloblen) return bad(r, "hash table key out of range");
            /* the values index what their sets name: entries, persons, titles */
            if ((s == 0 && o.value >= h->nentries) || (s == 2 && o.value >= h->npersons) || (s == 3 && o.value >= h->ntitles))
                return bad(r, "hash table value out of range");
            lb_wordset_set_slot(w, o.index, o.tag, r->blob + o.key, o.len, o.value);
        }
    }
    return LB_OK;
}

int kb_cache_from_bytes(struct lb_actor_kb *kb, const void *data, size_t n, uint64_t stamp,
                        const char *name, char *err, size_t errlen)
{
    reader r = { .p = data, .n = n, .name = name, .err = err, .errlen = errlen };
    kbc_header h;
    const void *q = take(&r, sizeof h);
    if (!q) return bad(&r, "truncated header");
    memcpy(&h, q, sizeof h);
    if (memcmp(h.magic, KBC_MAGIC, 8) || h.layout != layout()) { r.at = 0; return bad(&r, "not an actor cache of this build"); }
    if (h.stamp != stamp) { r.at = 8; return bad(&r, "stale (the dictionaries changed)"); }
    /* every count bounded by the file's size before anything is allocated */
    uint64_t lim = n;
    if (h.blob > lim || h.blob == 0 || h.nentries > lim / sizeof(kbc_entry) || h.npersons > lim / sizeof(kbc_person) ||
        h.nroles > lim / sizeof(kbc_role) || h.nroleidx > lim / 4 || h.ntitles > lim / sizeof(kbc_title))
        return bad(&r, "count larger than the file");
    for (int s = 0; s < KBC_NSETS; s++)
        if (h.cap[s] > lim / sizeof(kbc_slot) || (h.cap[s] & (h.cap[s] - 1)) || (h.cap[s] && h.count[s] >= h.cap[s]) ||
            (!h.cap[s] && h.count[s])) return bad(&r, "bad hash table size");
    if (h.blob > n - r.at) return bad(&r, "truncated");
    /* the strings go into the KB's arena (freed with it); they end the file */
    char *blob = lb_arena_alloc(&kb->mem, h.blob);
    if (!blob) return LB_ENOMEM;
    memcpy(blob, (const unsigned char *)data + n - h.blob, h.blob);
    if (blob[h.blob - 1] != '\0') { r.at = n - 1; return bad(&r, "string table not terminated"); }
    r.blob = blob; r.bloblen = h.blob; r.n = n - h.blob;
    int rc = read_entries(&r, kb, &h);
    if (!rc) rc = read_people(&r, kb, &h);
    if (!rc) rc = read_titles_blooms(&r, kb, &h);
    if (!rc) rc = read_sets(&r, kb, &h);
    if (!rc && r.at != r.n) rc = bad(&r, "trailing bytes");
    if (rc) return rc;
    kb->title_maxtok = (uint8_t)h.title_maxtok;
    kb->nfiles = h.nfiles;
    kb->from_cache = 1;
    kb_build_lsig(kb);
    return LB_OK;
}

/* ---- where and when ---- */

static uint64_t mix(uint64_t h, const void *p, size_t n) { return lb_hash_bytes(p, n) ^ (h * 0x100000001b3ull); }

static uint64_t mix_stat(uint64_t h, const struct stat *st)
{
    int64_t v[5] = { (int64_t)st->st_size, (int64_t)st->st_mtim.tv_sec, (int64_t)st->st_mtim.tv_nsec,
                     (int64_t)st->st_ino, (int64_t)st->st_dev };
    return mix(h, v, sizeof v);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The stamp of the .tsv files lb_actors_load would read (names, sizes,
 * mtimes) and of the running executable (a rebuild may compile differently);
 * 0 when it cannot be known (no caching then). */
uint64_t kb_cache_stamp(const char *dir)
{
    struct stat st;
    char exe[4096];
    ssize_t el = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (el <= 0) return 0;
    exe[el] = '\0';
    if (stat(exe, &st)) return 0;
    uint64_t h = mix_stat(mix(layout(), exe, (size_t)el), &st);
    DIR *d = opendir(dir);
    if (!d) return 0;
    char *names[256];
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".tsv") || de->d_name[0] == '.') continue;
        if (n == sizeof names / sizeof *names || !(names[n] = strdup(de->d_name))) { h = 0; break; }
        n++;
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        char path[4352];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (h && stat(path, &st)) h = 0;
        if (h) h = mix_stat(mix(h, names[i], strlen(names[i]) + 1), &st);
        free(names[i]);
    }
    return h ? h : 1;
}

/* The cache file for dir: under $LAGEBILD_CACHE (off: none), else
 * $XDG_CACHE_HOME/lagebild, else ~/.cache/lagebild; made when missing. */
int kb_cache_path(char *out, size_t cap, const char *dir)
{
    const char *c = getenv("LAGEBILD_CACHE"), *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    char base[4096];
    if (c && (!strcmp(c, "off") || !strcmp(c, "0"))) return -1;
    if (c && *c) snprintf(base, sizeof base, "%s", c);
    else if (x && *x) snprintf(base, sizeof base, "%s/lagebild", x);
    else if (home && *home) {
        snprintf(base, sizeof base, "%s/.cache", home);
        if (mkdir(base, 0755) && errno != EEXIST) return -1;
        snprintf(base, sizeof base, "%s/.cache/lagebild", home);
    } else return -1;
    if (mkdir(base, 0755) && errno != EEXIST) return -1;
    char real[4096], exe[4096];
    ssize_t el = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (!realpath(dir, real) || el <= 0) return -1;
    uint64_t h = mix(lb_hash_bytes(real, strlen(real)), exe, (size_t)el);
    int w = snprintf(out, cap, "%s/actors-%016llx.kbc", base, (unsigned long long)h);
    return w < 0 || (size_t)w >= cap ? -1 : 0;
}

static int load_file(struct lb_actor_kb **out, const char *path, uint64_t stamp)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    struct stat st;
    int rc = -1;
    /* mapped with its pages at once (no fault per page); everything is
     * copied out of it, so it is unmapped right after */
    void *map = !fstat(fd, &st) && st.st_size > 0
                ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0) : MAP_FAILED;
    close(fd);
    if (map == MAP_FAILED) return -1;
    char err[256];
    *out = kb_empty();
    if (*out) rc = kb_cache_from_bytes(*out, map, (size_t)st.st_size, stamp, path, err, sizeof err);
    if (rc) { lb_actors_free(*out); *out = NULL; }
    munmap(map, (size_t)st.st_size);
    return rc;
}

int lb_actors_load_cached(struct lb_actor_kb **out, const char *dir, char *err, size_t errlen)
{
    *out = NULL;
    uint64_t stamp = kb_cache_stamp(dir);
    char path[4352];
    int cached = stamp && !kb_cache_path(path, sizeof path, dir);
    if (cached && !load_file(out, path, stamp)) return LB_OK;
    int rc = lb_actors_load(out, dir, err, errlen);
    /* a stamp taken again after reading: files changed meanwhile make no cache */
    if (!rc && cached && kb_cache_stamp(dir) == stamp) kb_cache_save(*out, path, stamp);
    return rc;
}
