/* meta.c: a page's metadata: title, publication date, author, site name,
 * language and canonical URL, from <meta> tags (names and priorities in
 * data/html/hints.tsv), JSON-LD (schema.org Article and kin), <title>,
 * <h1>, <time datetime>, bylines and the URL. Each candidate has a priority;
 * the best one wins. Sidebars, footers and other removed parts are not
 * searched for dates and bylines. */
#include "html/html_internal.h"
#include "lagebild.h"
#include <jansson.h>
#include <string.h>
#include <strings.h>

typedef struct found {
    const char *val[MF_COUNT];
    int prio[MF_COUNT];
    const char *doc_title, *h1;    /* <title>, the first h1 */
    const char *pub_author;        /* an author that names the publisher */
    const char *ld_body;           /* the longest JSON-LD articleBody */
    size_t ld_body_len;
    int pub_prio;
    size_t nh1;
    const char *url;
    lb_arena *arena;
    const struct lb_html_rules *rules;
    lb_buf tmp;
    int oom;
} found;

/* Copies s (n bytes) with whitespace collapsed and trimmed into the arena. */
static const char *clean_copy(found *f, const char *s, size_t n)
{
    char *d = lb_arena_alloc(f->arena, n + 1);
    if (!d) { f->oom = 1; return NULL; }
    size_t k = 0;
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') { sp = 1; continue; }
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { sp = 1; i++; continue; }   /* no-break space */
        if (sp && k) d[k++] = ' ';
        sp = 0;
        d[k++] = (char)c;
    }
    d[k] = '\0';
    return k ? d : NULL;
}

static size_t squash(char *out, size_t cap, const char *s, size_t n);

/* A URL or path, not a name: "https://...", "/autor/x", "example.de/bb".
 * A slash between words stays: agency credits such as "dpa/lno", "AFP/The Local". */
static int url_like(const char *s, size_t n)
{
    if (n && s[0] == '/') return 1;
    int dot = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ') dot = 0;
        else if (s[i] == '.') dot = 1;
        else if (s[i] == '/' && (dot || (i + 1 < n && s[i + 1] == '/'))) return 1;
    }
    return 0;
}

/* Does an author's name name the publisher: og:site_name, or the longest
 * label of the URL's host ("Badische Zeitung" on badische-zeitung.de)? */
static int publisher_like(found *f, const char *s, size_t n)
{
    char a[256], x[256];
    if (squash(a, sizeof a, s, n) < 4) return 0;
    if (f->val[MF_SITE] && squash(x, sizeof x, f->val[MF_SITE], strlen(f->val[MF_SITE])) && !strcmp(a, x)) return 1;
    const char *u = f->url ? strstr(f->url, "://") : NULL;
    if (!u) return 0;
    u += 3;
    const char *best = NULL;
    size_t best_len = 0;
    for (const char *l = u; *l && !strchr("/:?#", *l);) {
        size_t k = strcspn(l, "./:?#");
        if (k > best_len && strncmp(l, "www", k)) { best = l; best_len = k; }
        l += k;
        if (*l == '.') l++;
    }
    if (!best || squash(x, sizeof x, best, best_len) < 4) return 0;
    return strstr(a, x) != NULL || strstr(x, a) != NULL;
}

static void offer(found *f, int field, int prio, const char *s, size_t n)
{
    if (!s || !n || n > 2048 || (f->val[field] && f->prio[field] <= prio)) return;
    char day[11];
    if (field == MF_DATE) {
        if (!lb_html_date(day, s, n)) return;
        s = day; n = 10;
    }
    if (field == MF_AUTHOR && (url_like(s, n) || memchr(s, '@', n) || n > 120)) return;
    int publisher = field == MF_AUTHOR && publisher_like(f, s, n);
    if (publisher && f->pub_author && f->pub_prio <= prio) return;
    const char *v = clean_copy(f, s, n);
    if (!v) return;
    if (publisher) { f->pub_author = v; f->pub_prio = prio; return; }   /* a person's name wins over it */
    f->val[field] = v; f->prio[field] = prio;
}

static void offer_str(found *f, int field, int prio, const char *s) { if (s) offer(f, field, prio, s, strlen(s)); }

static void offer_name(found *f, const char *t, int prio);
static const char *skip_leads(found *f, const char *t);
static int same_site(found *f, const char *part, size_t n);

/* ---- JSON-LD ------------------------------------------------------------ */

static int article_type(json_t *t)
{
    if (json_is_array(t)) {
        size_t i; json_t *x;
        json_array_foreach(t, i, x) if (article_type(x)) return 1;
        return 0;
    }
    const char *s = json_string_value(t);
    return s && (strstr(s, "Article") || strstr(s, "BlogPosting") || strstr(s, "Report") || !strcmp(s, "Posting"));
}

static void ld_author(found *f, json_t *a, lb_buf *names, int depth)
{
    if (depth > 4) return;
    if (json_is_array(a)) {
        size_t i; json_t *x;
        json_array_foreach(a, i, x) ld_author(f, x, names, depth + 1);
        return;
    }
    const char *s = json_is_string(a) ? json_string_value(a) : json_string_value(json_object_get(a, "name"));
    if (!s || !*s || url_like(s, strlen(s)) || strlen(s) > 100) return;
    s = skip_leads(f, s);   /* "By Jane Doe", "Von FOCUS-Online-Experte ..." */
    if (!*s) return;
    if (names->len) lb_buf_add(names, "; ", 2);
    lb_buf_adds(names, s);
}

static void ld_visit(found *f, json_t *v, int depth)
{
    if (depth > 8 || !v) return;
    if (json_is_array(v)) {
        size_t i; json_t *x;
        json_array_foreach(v, i, x) ld_visit(f, x, depth + 1);
        return;
    }
    if (!json_is_object(v)) return;
    ld_visit(f, json_object_get(v, "@graph"), depth + 1);
    ld_visit(f, json_object_get(v, "mainEntity"), depth + 1);
    const char *type = json_string_value(json_object_get(v, "@type"));
    if (type && !strcmp(type, "Person")) {   /* a graph's person: the article's author by reference */
        const char *name = json_string_value(json_object_get(v, "name"));
        if (name) offer_name(f, name, 3);
        return;
    }
    if (!article_type(json_object_get(v, "@type"))) {
        /* a WebPage or other typed node: its date only, behind an article's */
        if (json_object_get(v, "@type")) offer_str(f, MF_DATE, 3, json_string_value(json_object_get(v, "datePublished")));
        return;
    }
    const char *body = json_string_value(json_object_get(v, "articleBody"));
    if (body && strlen(body) > f->ld_body_len && strlen(body) < ((size_t)1 << 22)) {
        f->ld_body = lb_arena_strndup(f->arena, body, strlen(body));
        f->ld_body_len = f->ld_body ? strlen(body) : 0;
    }
    offer_str(f, MF_TITLE, 1, json_string_value(json_object_get(v, "headline")));
    offer_str(f, MF_DATE, 1, json_string_value(json_object_get(v, "datePublished")));
    offer_str(f, MF_DATE, 6, json_string_value(json_object_get(v, "dateCreated")));
    json_t *pub = json_object_get(v, "publisher");
    offer_str(f, MF_SITE, 3, json_string_value(json_object_get(pub, "name")));
    lb_buf names;
    lb_buf_init(&names, 4096);
    ld_author(f, json_object_get(v, "author"), &names, 0);
    if (names.len) offer(f, MF_AUTHOR, 1, names.data, names.len);
    lb_buf_free(&names);
}

static void json_ld(found *f, const xmlNode *script)
{
    lb_buf_reset(&f->tmp);
    for (const xmlNode *c = script->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) lb_buf_adds(&f->tmp, (const char *)c->content);
    if (!f->tmp.len) return;
    /* raw line breaks and tabs inside strings are common and invalid JSON */
    for (size_t i = 0; i < f->tmp.len; i++) if ((unsigned char)f->tmp.data[i] < 0x20) f->tmp.data[i] = ' ';
    json_t *v = json_loadb(f->tmp.data, f->tmp.len, 0, NULL);
    if (!v) return;
    ld_visit(f, v, 0);
    json_decref(v);
}

/* ---- the walk ------------------------------------------------------------- */

static void meta_tag(found *f, const xmlNode *n)
{
    const char *content = lb_html_attr(n, "content");
    if (!content) return;
    static const char *const keys[] = { "property", "name", "itemprop", "http-equiv" };
    for (size_t k = 0; k < 4; k++) {
        const char *name = lb_html_attr(n, keys[k]);
        if (!name) continue;
        char low[64];
        if (!strncasecmp(name, "schema:", 7)) name += 7;   /* RDFa prefixes */
        size_t len = strlen(name);
        if (len >= sizeof low) continue;
        for (size_t i = 0; i <= len; i++) low[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
        uint32_t v;
        if (!lb_wordset_get(&f->rules->metas, low, len, &v)) continue;
        if ((v & 0xFF) == MF_AUTHOR) offer_name(f, content, (int)(v >> 8));
        else offer_str(f, (int)(v & 0xFF), (int)(v >> 8), content);
    }
}

static const char *text_of(found *f, const xmlNode *n, size_t max)
{
    lb_buf_reset(&f->tmp);
    lb_html_plain(&f->tmp, n, max);
    return f->tmp.len ? clean_copy(f, f->tmp.data, f->tmp.len) : NULL;
}


/* BY_* flags of the n bytes at s as a byline word (ASCII case-folded). */
static unsigned by_flags(found *f, const char *s, size_t n)
{
    char low[64];
    uint32_t v = 0;
    if (n >= sizeof low) return 0;
    for (size_t i = 0; i < n; i++) low[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    return lb_wordset_get(&f->rules->byleads, low, n, &v) ? v : 0;
}

/* Skips the lead words of a byline ("By", "Posted by", "Autor:") and the
 * punctuation around them; then also everything up to the last BY_MID
 * word ("View all posts by Jane Doe"). */
static const char *skip_leads(found *f, const char *t)
{
    for (int again = 1; again && *t;) {
        again = 0;
        while (*t == ' ' || *t == '~' || *t == '-' || *t == '|' || *t == ':' || *t == '\xc2') t += (*t == '\xc2' && t[1] == '\xb7') ? 2 : 1;
        size_t max = f->rules->bylead_max < 63 ? f->rules->bylead_max : 63;
        for (size_t k = max; k >= 2; k--) {
            if (strnlen(t, k) < k || (t[k] && t[k] != ' ' && t[k] != ':')) continue;
            if (by_flags(f, t, k) & BY_LEAD) { t += k; again = 1; break; }
        }
    }
    /* the name follows the last mid word when a word before it is not
     * capitalised ("Alle Beiträge von X"): "Walter von Aachen" is one name */
    int lower = !((*t >= 'A' && *t <= 'Z') || (unsigned char)*t >= 0xC3);
    for (const char *x = t; *x; x++) {
        if (x[0] != ' ') continue;
        size_t k = strcspn(x + 1, " ");
        if (x[1 + k] == ' ' && lower && (by_flags(f, x + 1, k) & BY_MID)) { t = x + 2 + k; x = t - 1; lower = 0; continue; }
        unsigned char c = (unsigned char)x[1];
        if (!((c >= 'A' && c <= 'Z') || c >= 0xC3)) lower = 1;
    }
    return t;
}

/* Length of the name at the start of t: up to punctuation that ends it,
 * " - ", a BY_STOP word ("am", "on") or a word starting with a digit. */
static size_t name_length(found *f, const char *t)
{
    size_t n = strcspn(t, "|,;(\n\xc2");
    if (by_flags(f, t, strcspn(t, " :,;|.")) & BY_STOP) return 0;   /* "Stand: 2. Mai" */
    for (size_t i = 0; i + 1 < n; i++) {
        if (t[i] != ' ') continue;
        size_t k = strcspn(t + i + 1, " ");
        if (i + 1 + k > n) k = n - i - 1;
        if (!strncmp(t + i, " - ", 3) || (t[i + 1] >= '0' && t[i + 1] <= '9') || (by_flags(f, t + i + 1, k) & BY_STOP)) { n = i; break; }
    }
    while (n && (t[n - 1] == ' ' || t[n - 1] == '-' || t[n - 1] == ':')) n--;
    return n;
}

/* An author's name from a byline's text: lead words ("By", "Posted by",
 * "Autor:") and what follows the name ("| 2. Mai", ", Berlin") cut off.
 * Offered when it reads like a name: no URL, at most 60 bytes. */
static void offer_name(found *f, const char *t, int prio)
{
    t = skip_leads(f, t);
    size_t n = name_length(f, t);
    if (n < 2 || n > 60 || (t[0] >= '0' && t[0] <= '9') || (by_flags(f, t, n) & BY_NOTNAME)) return;
    /* "Zuletzt geändert", "deinen Hochzeitsbloggern": words, not a name
     * (a single lower-case word may be a user name) */
    const char *last = t;
    for (size_t i = 0; i + 1 < n; i++) if (t[i] == ' ') last = t + i + 1;
    if (last != t && ((*t >= 'a' && *t <= 'z') || (*last >= 'a' && *last <= 'z'))) return;
    if (url_like(t, n)) return;
    for (size_t i = 0; i < n; i++) if (t[i] == '@' || t[i] == '[') return;
    if (strstr(t, "\xef\xbf\xbd") && (size_t)(strstr(t, "\xef\xbf\xbd") - t) < n) return;   /* U+FFFD: a broken page */
    if (n % 2 && t[n / 2] == ' ' && !memcmp(t, t + n / 2 + 1, n / 2)) n /= 2;   /* "jane jane": a link and its text */
    if (same_site(f, t, n)) return;   /* the publisher, not a person */
    const char *dot = NULL;                  /* "tagesschau.de": a host, not a person */
    for (size_t i = 0; i < n; i++) if (t[i] == '.') dot = t + i;
    if (dot && n - (size_t)(dot - t) >= 3 && n - (size_t)(dot - t) <= 5 && !memchr(dot, ' ', n - (size_t)(dot - t))) return;
    offer(f, MF_AUTHOR, prio, t, n);
}

/* A link to an author's page inside n: rel=author, an href with /author/. */
static const xmlNode *author_link(const xmlNode *n, int depth)
{
    for (const xmlNode *c = n->children; c && depth < 20; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (!strcmp((const char *)c->name, "a")) {
            const char *rel = lb_html_attr(c, "rel"), *href = lb_html_attr(c, "href");
            if ((rel && strstr(rel, "author")) || (href && (strstr(href, "/author/") || strstr(href, "/autor/")))) return c;
        }
        const xmlNode *a = author_link(c, depth + 1);
        if (a) return a;
    }
    return NULL;
}

/* A byline element: the author link inside it, else its text. */
static void byline(found *f, const xmlNode *n)
{
    const xmlNode *a = author_link(n, 0);
    const char *t = text_of(f, a ? a : n, 300);
    if (t && strlen(t) <= 120) offer_name(f, t, 5);
}

/* The first text inside n (whitespace-only texts skipped), or NULL. */
static const char *first_text(const xmlNode *n, int depth)
{
    for (const xmlNode *c = n->children; c && depth < 8; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            const char *s = (const char *)c->content;
            while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') s++;
            if (*s) return s;
        } else if (c->type == XML_ELEMENT_NODE) {
            const char *s = first_text(c, depth + 1);
            if (s) return s;
        }
    }
    return NULL;
}

/* Does the text read like a name: a capital (or non-ASCII) letter first,
 * at most five words? */
static int name_like(const char *t)
{
    unsigned char c = (unsigned char)*t;
    if (!((c >= 'A' && c <= 'Z') || c >= 0xC3)) return 0;
    int words = 1;
    for (; *t && *t != ',' && *t != '|' && *t != '('; t++) words += *t == ' ';
    return words <= 5;
}

/* A byline without a marked element: a short element whose text opens
 * with a BY_TEXT word ("Von Erika Muster", "Autor: Max Muster"), or a
 * label of only that word whose next sibling holds the name. */
static void text_byline(found *f, const xmlNode *n)
{
    const lb_hnode *h = hnode(n);
    const char *s = first_text(n, 0);
    if (!h || h->text < 4 || h->text > 120 || !s) return;
    size_t k = 0;
    while (s[k] && s[k] != ' ' && s[k] != ':' && s[k] != '\n' && k < 32) k++;
    if (!(by_flags(f, s, k) & BY_TEXT)) return;
    const char *t = text_of(f, n, 300);
    if (!t) return;
    const char *rest = skip_leads(f, t);
    if (!*rest && n->next) {   /* "<h5>Autor:</h5> Max Muster" */
        const xmlNode *sib = n->next;
        if (sib->type == XML_TEXT_NODE && sib->content) rest = clean_copy(f, (const char *)sib->content, strlen((const char *)sib->content));
        else if (sib->type == XML_ELEMENT_NODE) rest = text_of(f, sib, 200);
        else rest = NULL;
        if (!rest || strlen(rest) > 120) return;
    }
    if (name_like(rest)) offer_name(f, rest, 7);
}

/* A date written in the text of n (at most max bytes of it). */
static void dateline(found *f, const xmlNode *n, int prio, size_t max)
{
    lb_buf_reset(&f->tmp);
    lb_html_plain(&f->tmp, n, max);
    char day[11];
    if (f->tmp.len && lb_html_text_date(day, f->rules, f->tmp.data, f->tmp.len)) offer(f, MF_DATE, prio, day, 10);
}

static void visit(found *f, const xmlNode *n, int removed, int depth)
{
    for (; n && !f->oom; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !n->name) continue;
        const char *name = (const char *)n->name;
        /* a header keeps its headline, byline and date; other removed parts do not count */
        int rem = removed || (hnode(n) && hnode(n)->removed && strcmp(name, "header"));
        int weight;
        unsigned wf = hnode(n) ? hnode(n)->wflags : lb_html_words(f->rules, n, &weight);
        int is_byline = (wf & WORD_BYLINE) != 0;
        if (!rem && (wf & WORD_DATE) && f->prio[MF_DATE] > 4) dateline(f, n, 4, 300);
        if (!strcmp(name, "meta") || (!rem && lb_html_attr(n, "content"))) meta_tag(f, n);
        else if (!strcmp(name, "script")) {
            const char *type = lb_html_attr(n, "type");
            if (type && !strcasecmp(type, "application/ld+json")) json_ld(f, n);
            continue;
        } else if (!strcmp(name, "title") && !f->doc_title) f->doc_title = text_of(f, n, 1000);
        else if (!strcmp(name, "link")) {
            const char *rel = lb_html_attr(n, "rel"), *href = lb_html_attr(n, "href");
            if (rel && href && !strcasecmp(rel, "canonical") && !strncmp(href, "http", 4)) offer_str(f, MF_URL, 1, href);
        } else if (!strcmp(name, "html")) offer_str(f, MF_LANG, 1, lb_html_attr(n, "lang"));
        else if (!rem && !strcmp(name, "h1")) { if (!f->nh1++) f->h1 = text_of(f, n, 1000); }
        else if (!rem && !strcmp(name, "time")) {
            const char *dt = lb_html_attr(n, "datetime");
            const char *ip = lb_html_attr(n, "itemprop");
            int pub = lb_html_attr(n, "pubdate") || (ip && !strcasecmp(ip, "datePublished"));
            if (dt) offer_str(f, MF_DATE, pub ? 2 : 6, dt);
        }
        if (hnode(n) && (hnode(n)->tagflags & TAG_BYLINE)) is_byline = 1;
        /* a byline may be left out of the text itself, not inside a removed part */
        if (!removed && is_byline && f->prio[MF_AUTHOR] > 5) {
            byline(f, n);
            if (f->prio[MF_AUTHOR] <= 5) continue;   /* else a part of it may be the byline */
        }
        if (!strcmp(name, "a") && f->prio[MF_AUTHOR] > 6) {
            /* rel=author: in the article, or where nothing else names the author */
            const char *rel = lb_html_attr(n, "rel");
            if (rel && strstr(rel, "author")) { const char *t = text_of(f, n, 200); if (t) offer_name(f, t, rem ? 8 : 6); }
        }
        if (!rem && f->prio[MF_AUTHOR] > 7 && !is_byline) text_byline(f, n);
        if (depth < 400) visit(f, n->children, rem, depth + 1);
    }
}

/* ---- title ------------------------------------------------------------------ */


/* Letters and digits of s (n bytes), lower-cased ASCII, into out. */
static size_t squash(char *out, size_t cap, const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') out[k++] = (char)(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) out[k++] = (char)c;
    }
    out[k] = '\0';
    return k;
}

/* Does s name the site as its og:site_name does? */
static int same_site(found *f, const char *part, size_t n)
{
    char p[256], x[256];
    return f->val[MF_SITE] && squash(p, sizeof p, part, n) >= 3 && squash(x, sizeof x, f->val[MF_SITE], strlen(f->val[MF_SITE])) &&
           !strcmp(p, x);
}

/* Does a title part name the site: its og:site_name or the URL's host? */
static int site_like(found *f, const char *part, size_t n)
{
    char p[256], x[256];
    if (squash(p, sizeof p, part, n) < 3) return 0;
    if (f->val[MF_SITE] && squash(x, sizeof x, f->val[MF_SITE], strlen(f->val[MF_SITE])) && !strcmp(p, x)) return 1;
    const char *u = f->url ? strstr(f->url, "://") : NULL;
    if (!u) return 0;
    u += 3;
    size_t hl = strcspn(u, "/:?#");
    squash(x, sizeof x, u, hl);     /* "www.heiko-adams.de" -> "wwwheikoadamsde" */
    return strstr(x, p) != NULL || (strlen(x) > 6 && strstr(p, x + (strncmp(x, "www", 3) ? 0 : 3)) != NULL);
}

/* Cuts a site name off a title: "Headline | Site", "Site - Headline". A
 * part is cut when it names the site; with guess set, also a shorter last
 * (or first) part. */
static const char *strip_site(found *f, const char *t, int guess)
{
    static const char *const seps[] = { " | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb ", " \xc2\xab ",
                                        " \xc2\xb7 ", " // ", " \xe2\x80\xba ", " : ", NULL };
    for (size_t k = 0; seps[k]; k++) {
        size_t sl = strlen(seps[k]);
        const char *first = strstr(t, seps[k]);
        if (!first) continue;
        const char *last = first;
        for (const char *x = first; (x = strstr(x + sl, seps[k]));) last = x;
        const char *tail = last + sl;
        size_t head_len = (size_t)(last - t), tail_len = strlen(tail);
        const char *rest = first + sl;
        int pipe = k == 0;   /* "A | B": one of them is the site, the headline mostly first */
        if (site_like(f, t, (size_t)(first - t))) return clean_copy(f, rest, strlen(rest));
        if (pipe && (size_t)(first - t) >= 8) return clean_copy(f, t, (size_t)(first - t));
        if (site_like(f, tail, tail_len) || (guess && head_len >= 8)) return clean_copy(f, t, head_len);
        (void)tail_len;
    }
    return t;
}

static int word_byte(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80; }

/* The words of s, case-folded, separated by single spaces, into out. */
static size_t squash_words(char *out, size_t cap, const char *s)
{
    size_t k = 0;
    while (*s && k + 2 < cap) {
        while (*s && !word_byte(*s)) s++;
        if (!*s) break;
        if (k) out[k++] = ' ';
        while (*s && word_byte(*s) && k + 1 < cap) { out[k++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s); s++; }
    }
    out[k] = '\0';
    return k;
}

static int contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++) if (!strncasecmp(hay, needle, n)) return 1;
    return 0;
}

/* The first h1 (else h2) in the subtree of n, outside removed parts. */
static const xmlNode *find_heading(const xmlNode *n, const char *tag, int depth)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (hnode(c) && hnode(c)->removed && strcmp((const char *)c->name, "header")) continue;
        if (!strcmp((const char *)c->name, tag)) return c;
        const xmlNode *h = depth < 60 ? find_heading(c, tag, depth + 1) : NULL;
        if (h) return h;
    }
    return NULL;
}

static unsigned words_of(found *f, const xmlNode *n)
{
    int weight;
    return hnode(n) ? hnode(n)->wflags : lb_html_words(f->rules, n, &weight);
}

/* A part of heading h marked as the headline proper, or NULL. */
static const xmlNode *headline_part(found *f, const xmlNode *h, int depth)
{
    for (const xmlNode *c = h->children; c && depth < 8; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (words_of(f, c) & WORD_HEADLINE) return c;
        const xmlNode *x = headline_part(f, c, depth + 1);
        if (x) return x;
    }
    return NULL;
}

/* The text of heading h without its kicker parts ("Klimaschutz:"). */
static const char *heading_text(found *f, const xmlNode *h)
{
    const xmlNode *part = headline_part(f, h, 0);
    if (part) return text_of(f, part, 1000);
    lb_buf_reset(&f->tmp);
    for (const xmlNode *c = h->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) { lb_buf_adds(&f->tmp, (const char *)c->content); lb_buf_addc(&f->tmp, ' '); }
        else if (c->type == XML_ELEMENT_NODE && !(words_of(f, c) & WORD_KICKER)) lb_html_plain(&f->tmp, c, 1000);
    }
    return f->tmp.len ? clean_copy(f, f->tmp.data, f->tmp.len) : NULL;
}

/* The headline next to the article: an h1 (with h2 set also an h2) in the
 * article or up to three levels around it; else the page's only h1. */
static const char *article_heading(found *f, const xmlNode *main, int h2)
{
    static const char *const tags[] = { "h1", "h2" };
    for (size_t t = 0; t < (h2 ? 2u : 1u) && main; t++) {
        const xmlNode *n = main;
        for (int up = 0; up < 4 && n && n->type == XML_ELEMENT_NODE; up++, n = n->parent) {
            const xmlNode *h = find_heading(n, tags[t], 0);
            const char *s = h ? heading_text(f, h) : NULL;
            if (s && !site_like(f, s, strlen(s))) return s;   /* a logo in an h1 is no headline */
            if (s) break;
        }
    }
    return f->nh1 == 1 && f->h1 && !site_like(f, f->h1, strlen(f->h1)) ? f->h1 : NULL;
}

/* Share of the words of a (letters and digits, case-folded ASCII) that b has too. */
static float word_overlap(const char *a, const char *b)
{
    char wb[2048];
    size_t nb = squash_words(wb, sizeof wb, b);
    char w[64];
    size_t total = 0, hit = 0;
    for (const char *s = a; *s;) {
        size_t k = 0;
        while (*s && !word_byte(*s)) s++;
        while (*s && word_byte(*s)) { if (k + 1 < sizeof w) w[k++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s); s++; }
        if (!k) break;
        w[k] = '\0';
        total++;
        /* whole-word search in the space-separated words of b */
        for (const char *x = wb; (x = strstr(x, w)); x++)
            if ((x == wb || x[-1] == ' ') && (x[k] == ' ' || x[k] == '\0')) { hit++; break; }
    }
    (void)nb;
    return total ? (float)hit / (float)total : 0.0f;
}

static void choose_title(found *f, const xmlNode *main)
{
    const char *meta = f->val[MF_TITLE];
    const char *h = article_heading(f, main, 0);
    if (h && strlen(h) > 200) h = NULL;
    /* an h2 is the headline only when the page's titles say so too */
    const char *h2 = h ? NULL : article_heading(f, main, 1);
    if (h2 && strlen(h2) >= 5 && ((f->doc_title && contains_ci(f->doc_title, h2)) || (meta && contains_ci(meta, h2)))) h = h2;
    /* the page's headline as written (typography, without kicker or site)
     * when the meta title says nearly the same */
    if (meta && h && strcmp(meta, h) && strlen(h) >= 8 && (contains_ci(meta, h) || (word_overlap(h, meta) >= 0.5f && word_overlap(meta, h) >= 0.4f)))
        f->val[MF_TITLE] = h;
    else if (meta) f->val[MF_TITLE] = strip_site(f, meta, 0);
    else if (h) f->val[MF_TITLE] = h;
    else if (f->doc_title) f->val[MF_TITLE] = strip_site(f, f->doc_title, 1);
}

void lb_html_plain(lb_buf *b, const xmlNode *n, size_t max)
{
    for (const xmlNode *c = n->children; c && b->len < max; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) { lb_buf_adds(b, (const char *)c->content); lb_buf_addc(b, ' '); }
        else if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, "script") && strcmp((const char *)c->name, "style") &&
                 !(hnode(c) && hnode(c)->removed && strcmp((const char *)c->name, "header")))
            lb_html_plain(b, c, max);
    }
}

int lb_html_meta(lb_html_page *out, const struct lb_html_rules *r, xmlDoc *doc, const xmlNode *main,
                 const char *url, lb_arena *arena, const char **ld_body)
{
    found f = { .arena = arena, .rules = r, .url = url };
    lb_buf_init(&f.tmp, (size_t)4 << 20);
    for (int i = 0; i < MF_COUNT; i++) f.prio[i] = 100;
    visit(&f, xmlDocGetRootElement(doc), 0, 0);
    if (url) offer_str(&f, MF_DATE, 5, url);
    /* last resort: the first date written around the article */
    if (main && f.prio[MF_DATE] > 7) dateline(&f, main->parent && main->parent->type == XML_ELEMENT_NODE ? main->parent : main, 7, 4000);
    if (url) offer_str(&f, MF_URL, 5, url);
    choose_title(&f, main);
    lb_buf_free(&f.tmp);
    if (f.oom) return LB_ENOMEM;
    if (f.val[MF_LANG]) {
        char *l = (char *)f.val[MF_LANG];
        size_t n = 0;
        while (n < 3 && ((l[n] >= 'a' && l[n] <= 'z') || (l[n] >= 'A' && l[n] <= 'Z'))) { if (l[n] <= 'Z') l[n] += 32; n++; }
        l[n] = '\0';
        if (n != 2) f.val[MF_LANG] = NULL;
    }
    if (!f.val[MF_AUTHOR]) f.val[MF_AUTHOR] = f.pub_author;
    *ld_body = f.ld_body;
    out->title = f.val[MF_TITLE]; out->date = f.val[MF_DATE]; out->author = f.val[MF_AUTHOR];
    out->site = f.val[MF_SITE]; out->lang = f.val[MF_LANG]; out->url = f.val[MF_URL];
    return LB_OK;
}
