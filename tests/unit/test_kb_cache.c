/* test_kb_cache.c: the compiled snapshot of the actor knowledge base
 * (kb_cache.c) resolves every name exactly as the dictionaries compiled from
 * text do: a sample of the dictionaries' own names (German and English names,
 * aliases, persons, codes) looked up on both, with and without a date; a
 * stale, truncated or damaged snapshot is refused (the text is read then). */
#include "test.h"
#include "ctx.h"
#include "lagebild.h"
#include "actors/actors.h"
#include "actors/kb.h"
#include "actors/kb_cache.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int same_lookup(const lb_ctx *a, const lb_ctx *b, const char *name, const char *date)
{
    char *x = NULL, *y = NULL;
    int ok = lb_actors_lookup(&x, a, name, strlen(name), date) == LB_OK &&
             lb_actors_lookup(&y, b, name, strlen(name), date) == LB_OK && x && y && !strcmp(x, y);
    if (!ok) fprintf(stderr, "'%s' (%s):\n text: %s\n snapshot: %s\n", name, date ? date : "-", x ? x : "?", y ? y : "?");
    free(x); free(y);
    return ok;
}

static void check_names(const lb_ctx *text, const lb_ctx *snap)
{
    static const char *const names[] = {
        "Deutschland", "Germany", "Merkel", "Angela Merkel", "Frankreich", "France", "Bundesregierung",
        "Emmanuel Macron", "Macron", "Washington", "Vereinte Nationen", "United Nations", "NATO", "Xi Jinping",
        "the United States", "Russland", "Kreml", "Bundeskanzler Scholz", "Weißes Haus", "EU", "DEU", "DEU/GOV",
        "Deutschlands", "Germany's", "Putin", "Biden", "China", "Peking", "Beijing", "Bundeswehr", "Frankreichs",
        "deutsche", "französische", "Nowhere Atlantis", "xyzzy",
    };
    int same = 0, n = 0;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++, n += 2)
        same += same_lookup(text, snap, names[i], NULL) + same_lookup(text, snap, names[i], "2021-06-01");
    /* every 23rd surface of the dictionaries and every 17th person's canonical name */
    const struct lb_actor_kb *kb = text->actors;
    for (size_t i = 0; i < kb->nentries; i += 23, n++) {
        char buf[256];
        snprintf(buf, sizeof buf, "%.*s", (int)kb->entries[i].surface_len, kb->entries[i].surface);
        same += same_lookup(text, snap, buf, i % 2 ? "2015-03-01" : NULL);
    }
    for (size_t i = 0; i < kb->npersons; i += 17, n++) same += same_lookup(text, snap, kb->persons[i].canon, NULL);
    CHECK_INT(same, n);
    CHECK(n > 2000);
}

/* The class of a word as the bit filters and the table alone give it (the
 * signature filter lsig only saves the hashing of most lower-case words). */
static uint32_t class_without_lsig(const struct lb_actor_kb *kb, const char *w, size_t n, int upper)
{
    uint64_t h = lb_hash_bytes(w, n), b = kb_bl_bits(h);
    if (upper ? (kb->bloom[kb_bl_word(h)] & b) != b : (kb->lbloom[kb_bl_lword(h)] & b) != b) return 0;
    uint32_t v = 0;
    lb_wordset_get(&kb->wclass, w, n, &v);
    return v;
}

/* Every word class key, and some words that are none, in lower and upper
 * case: kb_class answers as without the signature filter, on the text KB
 * and on the snapshot (which rebuilds the filter when it loads). */
static void check_word_classes(const struct lb_actor_kb *text, const struct lb_actor_kb *snap)
{
    static const char *const words[] = { "und", "der", "sagte", "präsident", "minister", "deutsche", "the", "said", "xyzzy" };
    size_t n = 0, same = 0, lower_hits = 0;
    for (size_t i = 0; i < text->wclass.cap; i++) {
        uint32_t tag, len, value;
        const char *key;
        if (!lb_wordset_slot(&text->wclass, i, &tag, &key, &len, &value) || !len) continue;
        for (int up = 0; up < 2; up++, n++) {
            uint32_t want = class_without_lsig(text, key, len, up);
            same += kb_class(text, key, len, up) == want && kb_class(snap, key, len, up) == want;
            lower_hits += !up && want;
        }
    }
    for (size_t i = 0; i < sizeof words / sizeof *words; i++, n++) {
        size_t len = strlen(words[i]);
        uint32_t want = class_without_lsig(text, words[i], len, 0);
        same += kb_class(text, words[i], len, 0) == want && kb_class(snap, words[i], len, 0) == want;
    }
    CHECK_INT(same, n);
    CHECK(lower_hits > 100);
}

/* The first word of every name records the name's length (the first pass
 * tries no other lengths), on the text KB and on the snapshot. */
static void check_name_lengths(const struct lb_actor_kb *text, const struct lb_actor_kb *snap)
{
    size_t n = 0, ok = 0;
    for (size_t i = 0; i < text->nentries; i++) {
        const kb_entry *e = &text->entries[i];
        char key[1024];
        unsigned nt;
        size_t kl = kb_key(key, sizeof key, e->surface, e->surface_len, &nt);
        if (!kl || nt > W_LENS_MAX) continue;
        size_t fl = 0;
        while (fl < kl && key[fl] != ' ') fl++;
        uint32_t a = 0, b = 0;
        lb_wordset_get(&text->wclass, key, fl, &a);
        lb_wordset_get(&snap->wclass, key, fl, &b);
        n++;
        ok += W_HAS_LEN(a, nt) && W_HAS_LEN(b, nt);
    }
    CHECK_INT(ok, n);
    CHECK(n > 10000);
    CHECK(!W_HAS_LEN(0u, 1) && !W_HAS_LEN(0u, W_LENS_MAX) && W_HAS_LEN(0u, W_LENS_MAX + 1));
}

/* Truncations and damaged bytes of a snapshot fail cleanly. */
static void check_damage(const char *path, uint64_t stamp)
{
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f) return;
    struct stat st;
    fstat(fileno(f), &st);
    size_t n = (size_t)st.st_size;
    unsigned char *buf = malloc(n);
    CHECK(buf && fread(buf, 1, n, f) == n);
    fclose(f);
    char err[256];
    struct lb_actor_kb *kb = kb_empty();
    CHECK_INT(kb_cache_from_bytes(kb, buf, n, stamp, "snap", err, sizeof err), LB_OK);
    lb_actors_free(kb);
    kb = kb_empty();
    CHECK(kb_cache_from_bytes(kb, buf, n, stamp + 1, "snap", err, sizeof err) != LB_OK);
    CHECK(strstr(err, "snap: offset 8: stale") != NULL);
    lb_actors_free(kb);
    static const size_t cuts[] = { 0, 7, 100, 1000, 100000, 1000000, 5000000 };
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        if (cuts[i] >= n) continue;
        kb = kb_empty();
        CHECK(kb_cache_from_bytes(kb, buf, cuts[i], stamp, "snap", err, sizeof err) != LB_OK);
        lb_actors_free(kb);
    }
    kb = kb_empty();
    CHECK(kb_cache_from_bytes(kb, buf, n - 1, stamp, "snap", err, sizeof err) != LB_OK);
    lb_actors_free(kb);
    /* an index past its table: the entries' "next" links come right after the header */
    for (size_t at = 200; at < 200 + 64 * 40 && at + 4 <= n; at += 37) {
        unsigned char keep[4];
        memcpy(keep, buf + at, 4);
        memset(buf + at, 0x7f, 4);
        kb = kb_empty();
        kb_cache_from_bytes(kb, buf, n, stamp, "snap", err, sizeof err);   /* must not crash */
        lb_actors_free(kb);
        memcpy(buf + at, keep, 4);
    }
    free(buf);
}

int main(void)
{
    char dir[] = "/tmp/lb-kbcache-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    setenv("LAGEBILD_CACHE", dir, 1);
    char actors[4096], path[4400];
    snprintf(actors, sizeof actors, "%s/actors", LB_TEST_DATA_DIR);
    CHECK_INT(kb_cache_path(path, sizeof path, actors), 0);
    remove(path);
    lb_ctx *text = NULL, *first = NULL, *snap = NULL;
    CHECK_INT(lb_ctx_new(&text, LB_TEST_DATA_DIR), LB_OK);
    CHECK_INT(lb_ctx_new_lookup(&first, LB_TEST_DATA_DIR), LB_OK);   /* compiles the text, writes the snapshot */
    CHECK(first && first->actors && !first->actors->from_cache);
    CHECK(access(path, R_OK) == 0);
    CHECK_INT(lb_ctx_new_lookup(&snap, LB_TEST_DATA_DIR), LB_OK);    /* reads it */
    CHECK(snap && snap->actors && snap->actors->from_cache);
    CHECK(text && !text->actors->from_cache);
    if (text && snap && snap->actors) {
        CHECK_INT(snap->actors->nentries, text->actors->nentries);
        CHECK_INT(snap->actors->names.count, text->actors->names.count);
        check_names(text, snap);
        check_word_classes(text->actors, snap->actors);
        check_name_lengths(text->actors, snap->actors);
    }
    check_damage(path, kb_cache_stamp(actors));
    /* a damaged file on disk: the next lookup context compiles the text again */
    FILE *f = fopen(path, "r+b");
    if (f) { fseek(f, 300, SEEK_SET); fputs("\xff\xff\xff\xff\xff\xff\xff\xff", f); fclose(f); }
    lb_ctx *again = NULL;
    CHECK_INT(lb_ctx_new_lookup(&again, LB_TEST_DATA_DIR), LB_OK);
    CHECK(again && again->actors && again->actors->nentries == text->actors->nentries);
    lb_ctx_free(again);
    /* the stamp follows the dictionary files */
    char tsv[4200];
    snprintf(tsv, sizeof tsv, "%s/x.tsv", dir);
    f = fopen(tsv, "w");
    if (f) { fputs("name\tAtlantis\tATL\t-\tLOC\tname\n", f); fclose(f); }
    uint64_t s1 = kb_cache_stamp(dir);
    f = fopen(tsv, "a");
    if (f) { fputs("name\tLemuria\tLEM\t-\tLOC\tname\n", f); fclose(f); }
    CHECK(s1 != 0 && s1 != kb_cache_stamp(dir));
    remove(tsv);
    remove(path);
    rmdir(dir);
    lb_ctx_free(text); lb_ctx_free(first); lb_ctx_free(snap);
    return TEST_END();
}
