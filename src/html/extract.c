/* extract.c: main text of an HTML page. libxml2 builds the DOM; one walk
 * measures every element (text and link bytes, commas, tag and class/id
 * hints, removal of page furniture); paragraphs then vote for their
 * ancestors as readability does; the best container (widened to the
 * ancestor of an article split over wrappers), the lead under the headline
 * and the container's related siblings are written out as text, blocks
 * with too many links left out. A script-built page falls back to its
 * JSON-LD articleBody. */
#include "html/html_internal.h"
#include "core/limits.h"
#include "lagebild.h"
#include <string.h>

typedef struct walk {
    const struct lb_html_rules *rules;
    lb_arena *arena;
    lb_vec cands;      /* xmlNode *: containers that received a score */
    int strict;        /* 2: drop words and soft tags remove; 1: soft tags only; 0: neither */
} walk;

static int is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

/* Visible bytes of a text with whitespace runs counted once; commas. */
static void measure_text(const char *s, uint32_t *len, uint32_t *commas)
{
    uint32_t n = 0, c = 0;
    int sp = 1;
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (is_space(ch)) { if (!sp) n++; sp = 1; continue; }
        sp = 0; n++;
        if (ch == ',') c++;
    }
    *len += n; *commas += c;
}

static int hidden(const xmlNode *n)
{
    if (lb_html_attr(n, "hidden")) return 1;
    const char *style = lb_html_attr(n, "style");
    if (!style) return 0;
    const char *d = strstr(style, "display");
    if (!d) return 0;
    d += 7;
    while (*d == ' ' || *d == ':') d++;
    return !strncmp(d, "none", 4);
}

/* Pass 1: every element gets its lb_hnode; removed subtrees are not entered. */
static int measure(walk *w, xmlNode *n, int in_link, int in_article, int depth)
{
    lb_hnode *h = lb_arena_calloc(w->arena, 1, sizeof *h);
    if (!h) return -1;
    n->_private = h;
    int base;
    unsigned tf = lb_html_tag(w->rules, n, &base);
    h->tagflags = (uint8_t)tf;
    int weight;
    unsigned wf = lb_html_words(w->rules, n, &weight);
    h->weight = (int16_t)weight;
    h->wflags = (uint8_t)wf;
    const char *name = (const char *)n->name;
    int structural = !strcmp(name, "body") || !strcmp(name, "html") || !strcmp(name, "article") || !strcmp(name, "main") || !strcmp(name, "a");
    int drop = (wf & WORD_DROP) && !(wf & WORD_KEEP) && !structural;
    /* an article's own header holds its lead, not page furniture */
    int soft = (tf & TAG_SOFT) && !(in_article && !strcmp(name, "header"));
    if ((tf & TAG_REMOVE) || hidden(n) || (w->strict >= 1 && soft) || (w->strict >= 2 && drop) || depth > 400) {
        h->removed = 1;
        return 0;
    }
    int link = in_link || !strcmp(name, "a");
    for (xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) {
            uint32_t len = 0;
            measure_text((const char *)c->content, &len, &h->commas);
            h->text += len;
            if (link) h->link += len;
        } else if (c->type == XML_ELEMENT_NODE) {
            if (measure(w, c, link, in_article || !strcmp(name, "article"), depth + 1)) return -1;
            lb_hnode *ch = hnode(c);
            if (ch->removed) continue;
            h->text += ch->text; h->link += ch->link; h->commas += ch->commas;
        }
    }
    return 0;
}

static float link_density(const lb_hnode *h) { return h->text ? (float)h->link / (float)h->text : 0.0f; }

/* A div or section whose children hold no block: it reads as a paragraph. */
static int paragraph_like(const xmlNode *n, const lb_hnode *h)
{
    if (h->tagflags & TAG_PARA) return 1;
    if (strcmp((const char *)n->name, "div") && strcmp((const char *)n->name, "section")) return 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && hnode(c) && !hnode(c)->removed && (hnode(c)->tagflags & TAG_BLOCK)) return 0;
    return 1;
}

static int make_candidate(walk *w, xmlNode *n)
{
    lb_hnode *h = hnode(n);
    if (h->candidate) return 0;
    int base;
    lb_html_tag(w->rules, n, &base);
    h->candidate = 1;
    h->score = (float)base + (float)h->weight;
    xmlNode **slot = lb_vec_push(&w->cands, w->arena);
    if (!slot) return -1;
    *slot = n;
    return 0;
}

/* Pass 2: each paragraph of 25 bytes or more gives 1 + commas + length/100
 * (at most 3) to its parent, half to the grandparent, less further up. */
static int vote(walk *w, xmlNode *n)
{
    lb_hnode *h = hnode(n);
    if (!h || h->removed) return 0;
    if (paragraph_like(n, h) && h->text >= 25) {
        float s = 1.0f + (float)h->commas + (float)(h->text / 100 > 3 ? 3 : h->text / 100);
        for (xmlNode *x = n->parent; x && x->type == XML_ELEMENT_NODE && hnode(x); x = x->parent) hnode(x)->ptext += h->text - h->link;
        xmlNode *a = n->parent;
        for (int level = 0; level < 5 && a && a->type == XML_ELEMENT_NODE && hnode(a); level++, a = a->parent) {
            if (make_candidate(w, a)) return -1;
            hnode(a)->score += s / (level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f);
        }
        if (strcmp((const char *)n->name, "div") && strcmp((const char *)n->name, "section")) return 0;
    }
    for (xmlNode *c = n->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && vote(w, c)) return -1;
    return 0;
}

static xmlNode *best_candidate(walk *w)
{
    xmlNode *best = NULL;
    float top = -1e30f;
    xmlNode **c = w->cands.items;
    for (size_t i = 0; i < w->cands.len; i++) {
        lb_hnode *h = hnode(c[i]);
        h->score *= 1.0f - link_density(h);
        if (h->score > top) { top = h->score; best = c[i]; }
    }
    return best;
}

/* ---- writing the text ------------------------------------------------- */

typedef struct out {
    lb_buf *b;
    int clean;        /* leave out blocks of links */
    int pending;      /* 0 nothing, 1 space, 2 line break, 3 paragraph break */
    int pre;
} out;

static void brk(out *o, int level) { if (o->pending < level) o->pending = level; }

static void put_text(out *o, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (!o->pre && is_space(c)) { brk(o, 1); continue; }
        if (o->pre && c == '\n') { brk(o, 2); continue; }
        if (o->pending && o->b->len) {
            if (o->pending == 1) lb_buf_addc(o->b, ' ');
            else if (o->pending == 2) lb_buf_addc(o->b, '\n');
            else lb_buf_add(o->b, "\n\n", 2);
        }
        o->pending = 0;
        lb_buf_addc(o->b, (char)c);
    }
}

/* readability's conditional cleaning: a container with many links or a
 * negative class and few commas is navigation, not text. */
static int junk_block(const xmlNode *n, const lb_hnode *h)
{
    const char *name = (const char *)n->name;
    int container = (h->tagflags & TAG_LIST) || !strcmp(name, "div") || !strcmp(name, "section") ||
                    !strcmp(name, "table") || !strcmp(name, "form") || !strcmp(name, "center");
    float ld = link_density(h);
    if (h->tagflags & TAG_HEADING) return h->weight < 0 || ld > 0.33f;
    if (!strcmp(name, "p") || !strcmp(name, "li")) return h->text > 0 && ld > 0.8f;
    if (!container) return 0;
    if (h->weight + (h->candidate ? h->score : 0) < 0) return 1;
    if (h->commas >= 10) return 0;
    if (h->text < 50 && !(h->tagflags & TAG_LIST)) return 1;   /* "Share:", "5 min read", "Views: 12" */
    if (h->tagflags & TAG_LIST) return ld > 0.5f;
    return (h->weight < 25 && ld > 0.25f) || ld > 0.5f;
}

static void emit(out *o, const xmlNode *n, int depth)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content) { put_text(o, (const char *)c->content); continue; }
        if (c->type != XML_ELEMENT_NODE) continue;
        const lb_hnode *h = hnode(c);
        if (!h || h->removed || (o->clean && junk_block(c, h))) continue;
        const char *name = (const char *)c->name;
        if (!strcmp(name, "br")) { brk(o, 2); continue; }
        if (!strcmp(name, "h1")) continue;   /* the headline is metadata */
        int block = (h->tagflags & TAG_BLOCK) != 0;
        int level = !block ? 0 : (!strcmp(name, "li") || !strcmp(name, "tr") || !strcmp(name, "dt") || !strcmp(name, "dd")) ? 2
                  : (!strcmp(name, "td") || !strcmp(name, "th")) ? 1 : 3;
        if (level) brk(o, level);
        int was_pre = o->pre;
        if (!strcmp(name, "pre")) o->pre = 1;
        if (depth < 400) emit(o, c, depth + 1);
        o->pre = was_pre;
        if (level) brk(o, level);
    }
}

/* ---- the lead between headline and article ------------------------------ */

typedef struct lead {
    const xmlNode *top;
    const xmlNode *items[4];
    int n, seen_h1, done;
} lead;

static int is_lead_block(const xmlNode *n, const lb_hnode *h)
{
    const char *name = (const char *)n->name;
    int heading = !strcmp(name, "h2") || !strcmp(name, "h3");
    if (!heading && !paragraph_like(n, h)) return 0;
    return h->text >= 60 && h->link * 5 < h->text && h->weight >= 0;
}

/* Document order from n: after the first h1, the lead blocks met before top. */
static void find_lead(lead *l, const xmlNode *n, int depth)
{
    for (const xmlNode *c = n->children; c && !l->done; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        const lb_hnode *h = hnode(c);
        if (c == l->top) { l->done = 1; return; }
        if (!h || h->removed) continue;
        if (!strcmp((const char *)c->name, "h1")) { l->seen_h1 = 1; l->n = 0; continue; }
        if (l->seen_h1 && c->parent != l->top->parent && is_lead_block(c, h)) {   /* siblings: emit_article */
            if (l->n < 4) l->items[l->n++] = c;
            continue;
        }
        if (depth < 40) find_lead(l, c, depth + 1);
    }
}

/* A standfirst or subtitle under the headline that the chosen container
 * does not hold: the blocks between an h1 near the article and the article. */
static void emit_lead(out *o, xmlNode *top)
{
    const xmlNode *a = top;
    for (int up = 0; up < 4 && a->parent && a->parent->type == XML_ELEMENT_NODE; up++) a = a->parent;
    lead l = { .top = top };
    find_lead(&l, a, 0);
    if (!l.done || !l.seen_h1 || l.n > 3) return;   /* more is not a lead */
    for (int i = 0; i < l.n; i++) {
        brk(o, 3);
        emit(o, l.items[i], 0);
        brk(o, 3);
    }
}

/* Emits the best candidate and the siblings that belong with it. */
static void emit_article(out *o, xmlNode *top)
{
    float s = hnode(top)->score;
    float threshold = s * 0.1f > 10.0f ? s * 0.1f : 10.0f;
    xmlNode *parent = top->parent;
    if (!parent || parent->type != XML_ELEMENT_NODE) { emit(o, top, 0); return; }
    const char *top_class = lb_html_attr(top, "class");
    for (xmlNode *c = parent->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !hnode(c) || hnode(c)->removed) continue;
        const lb_hnode *h = hnode(c);
        int take = c == top;
        if (!take && h->candidate) {
            float bonus = 0;
            const char *cl = lb_html_attr(c, "class");
            if (top_class && cl && *cl && !strcmp(cl, top_class)) bonus = s * 0.2f;
            take = h->score + bonus >= threshold;
        }
        if (!take && paragraph_like(c, h)) {
            float ld = link_density(h);
            take = (h->text > 80 && ld < 0.25f) || (h->text > 0 && h->text <= 80 && ld == 0.0f && h->commas == 0 && h->text > 20);
        }
        if (!take) continue;
        brk(o, 3);
        if (c == top || (h->tagflags & TAG_BLOCK)) emit(o, c, 0);
        else { const xmlNode *only = c; emit(o, only, 0); }
        brk(o, 3);
    }
}

/* An article split over wrappers (one module per paragraph): paragraphs
 * vote only a few levels up, so the best container holds a part of it.
 * Climb to the ancestor whose paragraphs are at least 1.5 times as much, as
 * long as paragraphs are most of its text and links few of it. */
static xmlNode *climb_fragments(xmlNode *top)
{
    if (!top) return top;
    xmlNode *best = top;
    for (xmlNode *p = top->parent; p && p->type == XML_ELEMENT_NODE && hnode(p); p = p->parent) {
        if (!strcmp((const char *)p->name, "body") || !strcmp((const char *)p->name, "html")) break;
        const lb_hnode *ph = hnode(p);
        if ((float)ph->ptext < 1.5f * (float)hnode(best)->ptext) continue;
        if ((float)ph->ptext < 0.6f * (float)(ph->text - ph->link) || link_density(ph) > 0.25f) break;
        best = p;
    }
    if (best != top && !hnode(best)->candidate) hnode(best)->score = hnode(top)->score;
    return best;
}

/* One attempt at the given strictness: the text into b, the container chosen. */
static int attempt(walk *w, xmlNode *root, lb_buf *b, xmlNode **top)
{
    lb_vec_init(&w->cands, sizeof(xmlNode *));
    lb_buf_reset(b);
    *top = NULL;
    if (measure(w, root, 0, 0, 0) || vote(w, root)) return LB_ENOMEM;
    *top = best_candidate(w);
    /* climb while the parent adds little besides the article (a lead, a
     * subheading): its text is at most 15% more and few links */
    for (int up = 0; up < 3 && *top; up++) {
        xmlNode *p = (*top)->parent;
        if (!p || p->type != XML_ELEMENT_NODE || !hnode(p) || !strcmp((const char *)p->name, "body")) break;
        const lb_hnode *ph = hnode(p), *th = hnode(*top);
        if ((float)(ph->text - ph->link) > 1.15f * (float)(th->text - th->link) || link_density(ph) > 0.2f) break;
        if (!ph->candidate) { hnode(p)->score = th->score; }
        *top = p;
    }
    *top = climb_fragments(*top);
    out o = { .b = b, .clean = w->strict > 0 };
    if (*top) { emit_lead(&o, *top); emit_article(&o, *top); }
    else if (!hnode(root)->removed) emit(&o, root, 0);
    return LB_OK;
}

/* Drops short paragraphs at the end that do not end a sentence: "Share
 * this:", "Photo: X", "Read more:" (a tail of page furniture). */
static void trim_tail(lb_buf *b)
{
    while (b->len) {
        size_t end = b->len, start = end;
        while (start >= 2 && !(b->data[start - 1] == '\n' && b->data[start - 2] == '\n')) start--;
        if (start < 2) return;   /* the only paragraph stays */
        unsigned char last = (unsigned char)b->data[end - 1];
        int sentence = last == '.' || last == '!' || last == '?' || last == '"' || last == ')' || (last >= 0x80 && end - start > 3);
        if (end - start >= 80 || sentence) return;
        b->len = start - 2;
        b->data[b->len] = '\0';
    }
}

/* The same at the start: "Home > News", "Teilen", "5 min read". */
static void trim_head(lb_buf *b)
{
    size_t start = 0;
    for (;;) {
        const char *brk = b->len > start ? strstr(b->data + start, "\n\n") : NULL;
        if (!brk) break;
        size_t end = (size_t)(brk - b->data);
        if (end == start) break;
        unsigned char last = (unsigned char)b->data[end - 1];
        int sentence = last == '.' || last == '!' || last == '?' || last == '"' || last == ')' || last == ':' || (last >= 0x80 && end - start > 3);
        if (end - start >= 80 || sentence) break;
        start = end + 2;
    }
    if (!start) return;
    memmove(b->data, b->data + start, b->len - start + 1);
    b->len -= start;
}

/* A page whose text is written by script (an app shell) still states it in
 * its JSON-LD articleBody: when that is plain text and far longer than
 * what the DOM gave, it is the text, its lines made paragraphs. */
static int use_ld_body(lb_html_page *page, const char *body, lb_arena *arena)
{
    size_t n = strlen(body);
    if (n < 500 || n <= 2 * page->text_len || strstr(body, "</") || strstr(body, "<p")) return LB_OK;
    char *t = lb_arena_alloc(arena, 2 * n + 1);
    if (!t) return LB_ENOMEM;
    size_t k = 0;
    for (const char *s = body; *s;) {
        size_t len = strcspn(s, "\n");
        size_t a = 0, b = len;
        while (a < b && is_space((unsigned char)s[a])) a++;
        while (b > a && is_space((unsigned char)s[b - 1])) b--;
        if (b > a) {
            if (k) { t[k++] = '\n'; t[k++] = '\n'; }
            memcpy(t + k, s + a, b - a);
            k += b - a;
        }
        s += len;
        if (*s) s++;
    }
    t[k] = '\0';
    page->text = t;
    page->text_len = k;
    return LB_OK;
}

/* Below this many bytes of text an attempt is tried again, less strictly. */
#define MIN_TEXT 250

int lb_html_extract(lb_html_page *page, const struct lb_html_rules *rules, const char *html, size_t len,
                    const char *url, lb_arena *arena)
{
    memset(page, 0, sizeof *page);
    page->text = "";
    if (len > INT32_MAX) return LB_ELIMIT;
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
    xmlDoc *doc = htmlReadMemory(html, (int)len, NULL, "UTF-8", opts);
    if (!doc) return LB_OK;   /* nothing to read: an empty page */
    xmlNode *root = xmlDocGetRootElement(doc);
    int rc = LB_OK;
    xmlNode *top = NULL;
    if (root) {
        walk w = { .rules = rules, .arena = arena };
        lb_buf b, best;
        lb_buf_init(&b, LB_MAX_DOC_BYTES);
        lb_buf_init(&best, LB_MAX_DOC_BYTES);
        int best_strict = 2;
        for (w.strict = 2; w.strict >= 0 && !rc; w.strict--) {
            xmlNode *t;
            rc = attempt(&w, root, &b, &t);
            if (rc || (w.strict < 2 && b.len <= best.len)) continue;
            lb_buf_reset(&best);
            if (lb_buf_add(&best, b.data ? b.data : "", b.len)) rc = LB_ENOMEM;
            best_strict = w.strict;
            top = t;
            if (best.len >= MIN_TEXT) break;
        }
        if (!rc && best_strict != w.strict) { w.strict = best_strict; rc = attempt(&w, root, &b, &top); }
        trim_tail(&best);
        if (best.len) trim_head(&best);
        page->text = lb_arena_strndup(arena, best.data ? best.data : "", best.len);
        page->text_len = best.len;
        lb_buf_free(&b);
        lb_buf_free(&best);
        if (!page->text) rc = LB_ENOMEM;
    }
    const char *ld_body = NULL;
    if (!rc) rc = lb_html_meta(page, rules, doc, top, url, arena, &ld_body);
    if (!rc && ld_body) rc = use_ld_body(page, ld_body, arena);
    xmlFreeDoc(doc);
    return rc;
}
