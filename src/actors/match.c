/* match.c: pass 1 of the actors stage: finds the longest dictionary name at
 * each token (folded forms, case rules of the entry, German genitive -s,
 * English 's), and names inside hyphen compounds (US-Außenminister,
 * KPCh-Regime, russisch-chinesische). Does not resolve titles or short forms
 * (resolve.c) and never allocates outside doc->arena. */
#include "actors/run.h"
#include "text/text.h"
#include "ctx.h"
#include <string.h>

#define KEY_MAX 1024

lb_actor_ref act_entry_actor(const act_run *r, const kb_entry *e)
{
    lb_actor_ref a = { e->code, e->sector, e->canon, e->id };
    if (!e->code) { lb_actor_ref none = { 0 }; return none; }
    if (e->person >= 0) {
        const kb_person *p = &r->kb->persons[e->person];
        const kb_role *ro = kb_role_on(r->kb, (uint32_t)e->person, r->date);
        a.code = ro ? ro->code : p->code;
        a.sector = ro ? ro->sector : NULL;
        a.name = p->canon;
        a.id = p->id;
    }
    return a;
}

lb_mention *act_add(act_run *r, uint32_t t0, uint32_t n, uint32_t s, uint32_t e, int type, int form, lb_actor_ref a)
{
    lb_mention *m = lb_vec_push(&r->doc->mentions, &r->doc->arena);
    if (!m) return NULL;
    m->tok0 = t0; m->ntok = n;
    m->start = s < e ? s : r->toks[t0].start;
    m->end = s < e ? e : r->toks[t0 + n - 1].end;
    m->type = (uint8_t)type; m->form = (uint8_t)form;
    m->actor = a;
    int32_t k = (int32_t)(r->doc->mentions.len - 1);
    for (uint32_t i = t0; i < t0 + n; i++) {
        r->cover[i] = 1;
        if (r->men_at[i] < 0) r->men_at[i] = k;
    }
    return m;
}

/* Case rules: exact surface for acronyms (US, KPCh), capital first letter
 * for capitalised names. strip: bytes cut from the last token (genitive). */
static int case_ok(const act_run *r, const kb_entry *e, size_t t0, size_t n, size_t strip)
{
    const lb_tok *T = r->toks;
    if (e->flags & KB_CS) {
        size_t at = 0;
        for (size_t k = 0; k < n; k++) {
            const lb_tok *t = &T[t0 + k];
            size_t l = t->end - t->start - (k + 1 == n ? strip : 0);
            if (k) { if (at >= e->surface_len || e->surface[at] != ' ') return 0; at++; }
            if (at + l > e->surface_len || memcmp(e->surface + at, r->doc->text + t->start, l)) return 0;
            at += l;
        }
        return at == e->surface_len;
    }
    if ((e->flags & KB_CAPFIRST) && !(T[t0].flags & LB_TOK_UPPER)) return 0;
    return 1;
}

/* Joins the folded forms of tokens [t0, t0+n) (the last one cut to lastlen). */
static size_t join_key(const act_run *r, char *key, size_t t0, size_t n, size_t lastlen)
{
    size_t o = 0;
    for (size_t k = 0; k < n; k++) {
        const lb_tok *t = &r->toks[t0 + k];
        size_t l = k + 1 == n ? lastlen : t->norm_len;
        if (o + l + 1 > KEY_MAX) return 0;
        if (k) key[o++] = ' ';
        memcpy(key + o, lb_tok_norm(r->doc, t), l);
        o += l;
    }
    return o;
}

static int matchable(const lb_tok *t)
{
    return (t->flags & (LB_TOK_WORD | LB_TOK_PUNCT)) && !(t->flags & LB_TOK_URL);
}

/* Longest entry starting at token i: its token count, *ep and *strip. */
static size_t longest(const act_run *r, size_t i, const kb_entry **ep, size_t *stripp)
{
    const lb_tok *T = r->toks;
    const lb_tok *t = &T[i];
    uint32_t c = r->cls[i];
    int up = (t->flags & LB_TOK_UPPER) != 0;
    uint32_t maxn = up ? W_MAXN(c) : W_MAXNL(c), g = up ? W_MAXG(c) : W_MAXGL(c);
    if (g > maxn) maxn = g;
    if (!maxn) return 0;
    size_t avail = 0;
    while (avail < maxn && i + avail < r->ntoks && T[i + avail].sent == t->sent && matchable(&T[i + avail])) avail++;
    /* the key of n tokens is a prefix of the key of all avail tokens, and
     * so is that with the last one's genitive cut: joined once */
    char key[KEY_MAX];
    size_t at[16], built = 0, o = 0;
    for (; built < avail; built++) {
        const lb_tok *tk = &T[i + built];
        if (o + tk->norm_len + 1 > KEY_MAX) break;
        if (built) key[o++] = ' ';
        at[built] = o;
        memcpy(key + o, lb_tok_norm(r->doc, tk), tk->norm_len);
        o += tk->norm_len;
    }
    for (size_t n = avail; n >= 1; n--) {
        if (!W_HAS_LEN(c, n)) continue;         /* no name of n tokens starts with this word */
        const lb_tok *last = &T[i + n - 1];
        size_t kl = n <= built ? at[n - 1] + last->norm_len : join_key(r, key, i, n, last->norm_len);
        for (const kb_entry *e = kl ? kb_get(r->kb, key, kl) : NULL; e; e = e->next >= 0 ? &r->kb->entries[e->next] : NULL)
            if (case_ok(r, e, i, n, 0)) { *ep = e; *stripp = 0; return n; }
        size_t ls = act_gen_strip(lb_tok_norm(r->doc, last), last->norm_len);
        if (ls >= 2) {
            kl = n <= built ? at[n - 1] + ls : join_key(r, key, i, n, ls);
            for (const kb_entry *e = kl ? kb_get(r->kb, key, kl) : NULL; e; e = e->next >= 0 ? &r->kb->entries[e->next] : NULL)
                if (e->form == LB_FORM_NAME && !(e->flags & KB_NOGEN) && case_ok(r, e, i, n, last->norm_len - ls)) {
                    *ep = e; *stripp = last->norm_len - ls; return n;
                }
        }
    }
    return 0;
}

/* The one-word entry of a folded segment f (original bytes s, n). */
static const kb_entry *seg_entry(const act_run *r, const char *f, size_t fl, const char *s, size_t n)
{
    if (!n || !fl) return NULL;
    for (const kb_entry *e = kb_get(r->kb, f, fl); e; e = e->next >= 0 ? &r->kb->entries[e->next] : NULL) {
        if (e->ntok != 1) continue;
        if (e->flags & KB_CS) { if (e->surface_len != n || memcmp(e->surface, s, n)) continue; }
        else if (e->flags & KB_CAPFIRST) { if (!(s[0] >= 'A' && s[0] <= 'Z') && !((unsigned char)s[0] >= 0xC3)) continue; }
        return e;
    }
    return NULL;
}

/* A prefix that makes a place or a stance of a state name or adjective
 * (nord, süd, ost, west, pro, anti: fword role geoprefix)? */
static int geo_prefix(const act_run *r, const char *f, size_t n)
{
    return act_fword_has(r, f, n, KB_FW_GEOPREFIX);
}

/* Names inside a hyphenated token. 1 when mentions were added. */
static int compound(act_run *r, size_t i)
{
    const lb_tok *t = &r->toks[i];
    const char *s = r->doc->text + t->start;
    size_t n = t->end - t->start;
    uint32_t ss[8], se[8];
    size_t ns = 0, a = 0;
    for (size_t k = 0; k <= n && ns < 8; k++) {
        if (k == n || s[k] == '-') { ss[ns] = (uint32_t)a; se[ns] = (uint32_t)k; ns++; a = k + 1; }
    }
    if (ns < 2) return 0;
    /* the folded form has the same hyphens: its segments match the original's */
    const char *f = lb_tok_norm(r->doc, t);
    uint32_t fs[8], fe[8];
    size_t nf = 0, b = 0;
    for (size_t k = 0; k <= t->norm_len && nf < 8; k++) {
        if (k == t->norm_len || f[k] == '-') { fs[nf] = (uint32_t)b; fe[nf] = (uint32_t)k; nf++; b = k + 1; }
    }
    if (nf != ns) return 0;
    const kb_entry *e[8];
    int alld = 1, nd = 0;
    for (size_t k = 0; k < ns; k++) {
        e[k] = seg_entry(r, f + fs[k], fe[k] - fs[k], s + ss[k], se[k] - ss[k]);
        if (e[k] && e[k]->form == LB_FORM_DERIV) nd++;
        else if (k + 1 == ns || !geo_prefix(r, f + fs[k], fe[k] - fs[k])) alld = 0;
    }
    /* russisch-chinesische: one mention per adjective; pro-russische,
     * Anti-amerikanische: the adjective after a prefix */
    if (alld && nd) {
        for (size_t k = 0; k < ns; k++) {
            if (!e[k] || e[k]->form != LB_FORM_DERIV) continue;
            lb_actor_ref ar = act_entry_actor(r, e[k]);
            if (!act_add(r, (uint32_t)i, 1, t->start + ss[k], t->start + se[k], e[k]->type, LB_FORM_DERIV, ar)) return -1;
        }
        return 1;
    }
    const char *head = f + fs[ns - 1];
    size_t hl = fe[ns - 1] - fs[ns - 1];
    uint32_t hv = hl ? kb_class(r->kb, head, hl, 1) : 0;
    if (hv & W_NOPART) return 0;
    for (size_t k = 0; k < ns; k++) {
        if (!e[k] || e[k]->form == LB_FORM_DERIV || (k == 0 && (e[k]->flags & KB_NOPREFIX))) continue;
        if (k + 1 == ns && se[k] - ss[k] == 0) continue;
        lb_actor_ref ar = act_entry_actor(r, e[k]);
        uint32_t ti;
        if (k + 1 < ns && (hv & W_TITLE) && lb_wordset_get(&r->kb->titles, head, hl, &ti)) {
            const kb_title *tt = &r->kb->titlev[ti];
            if (tt->sector && e[k]->person < 0 && (e[k]->type == LB_MEN_LOC || !ar.sector)) ar.sector = tt->sector;
        }
        if (!act_add(r, (uint32_t)i, 1, 0, 0, e[k]->type, LB_FORM_PART, ar)) return -1;
        return 1;
    }
    return 0;
}

/* Russlandreise, Chinapolitik: a one-word state name (flag cp) opening a
 * capitalised compound of at least 4 more bytes. 1 when a mention was added. */
static int prefix_compound(act_run *r, size_t i)
{
    const lb_tok *t = &r->toks[i];
    const char *f = lb_tok_norm(r->doc, t);
    size_t n = t->norm_len;
    if (n < 8 || !kb_may_prefix(r->kb, f)) return 0;
    for (size_t l = n - 4; l >= 4; l--) {
        if ((f[l] & 0xC0) == 0x80) continue;   /* inside a UTF-8 sequence */
        for (const kb_entry *e = kb_get(r->kb, f, l); e; e = e->next >= 0 ? &r->kb->entries[e->next] : NULL) {
            if (!(e->flags & KB_CP) || e->ntok != 1) continue;
            lb_actor_ref a = act_entry_actor(r, e);
            return act_add(r, (uint32_t)i, 1, 0, 0, e->type, LB_FORM_PART, a) ? 1 : -1;
        }
    }
    return 0;
}

/* Tokens [i, i+n) name a place, not the body that sits there: after a
 * locative preposition (in Brüssel) or as the dateline (Brüssel – ...). */
static int named_as_place(const act_run *r, size_t i, size_t n)
{
    const lb_tok *T = r->toks;
    if (i > 0 && T[i - 1].sent == T[i].sent) return act_after_locprep(r, i);
    return i + n < r->ntoks && (T[i + n].flags & LB_TOK_DASH);
}

#define GEO_PREFIX_MAX 8    /* bytes of the longest geoprefix (nordwest, südwest) */
#define GEO_REST_MIN 4      /* bytes of the shortest state name or adjective after one */

/* Ostukraine, Nordsyriens, prochinesisch, antiamerikanischen: a geoprefix
 * closed up with a one-word state name or adjective (not a case-sensitive
 * acronym). 1 when a mention was added. */
static int prefixed_state(act_run *r, size_t i)
{
    const lb_tok *t = &r->toks[i];
    const char *f = lb_tok_norm(r->doc, t);
    size_t n = t->norm_len;
    for (size_t l = 3; l <= GEO_PREFIX_MAX && l + GEO_REST_MIN <= n; l++) {
        if ((f[l] & 0xC0) == 0x80 || !geo_prefix(r, f, l)) continue;
        size_t rest = n - l, g = act_gen_strip(f + l, rest);
        for (int pass = 0; pass < 2; pass++) {
            size_t rl = pass ? g : rest;
            if (rl < GEO_REST_MIN) continue;
            for (const kb_entry *e = kb_get(r->kb, f + l, rl); e; e = e->next >= 0 ? &r->kb->entries[e->next] : NULL) {
                if (e->ntok != 1 || e->type != LB_MEN_LOC || (e->flags & KB_CS) || e->person >= 0) continue;
                if (pass && e->form != LB_FORM_NAME) continue;
                lb_actor_ref a = act_entry_actor(r, e);
                if (!a.code || strlen(a.code) != 3) continue;
                int form = e->form == LB_FORM_DERIV ? LB_FORM_DERIV : LB_FORM_PART;
                return act_add(r, (uint32_t)i, 1, 0, 0, LB_MEN_LOC, form, a) ? 1 : -1;
            }
        }
    }
    return 0;
}

/* over the tokens classify_tokens (actors.c) chose, in order; a name
 * found covers the tokens after its first */
int act_match(act_run *r)
{
    const lb_tok *T = r->toks;
    size_t next = 0;
    for (size_t k = 0; k < r->npass1; k++) {
        size_t i = r->pass1[k];
        if (i < next) continue;
        if (!(r->cls[i] & (W_FIRST | W_GEN)) && !(T[i].flags & (LB_TOK_HYPHEN | LB_TOK_TRUNC))) {
            if (prefix_compound(r, i) < 0) return LB_ENOMEM;
            continue;
        }
        const kb_entry *e = NULL;
        size_t strip = 0;
        size_t n = longest(r, i, &e, &strip);
        if (n) {
            lb_actor_ref a = act_entry_actor(r, e);
            if (e->host && named_as_place(r, i, n)) { a.code = e->host; a.sector = NULL; a.name = NULL; a.id = NULL; }
            uint32_t end = T[i + n - 1].end;
            (void)strip;
            lb_mention *m = act_add(r, (uint32_t)i, (uint32_t)n, T[i].start, end, e->type, e->form, a);
            if (!m) return LB_ENOMEM;
            next = i + n;
            continue;
        }
        if (T[i].flags & (LB_TOK_HYPHEN | LB_TOK_TRUNC)) {
            int c = compound(r, i);
            if (c < 0) return LB_ENOMEM;
        }
    }
    for (size_t i = 0; i < r->ntoks; i++) {
        const lb_tok *t = &T[i];
        if (r->cover[i] || !(t->flags & LB_TOK_WORD) || (t->flags & (LB_TOK_HYPHEN | LB_TOK_URL | LB_TOK_ALLCAPS)) ||
            t->norm_len < 3 + GEO_REST_MIN) continue;
        if (prefixed_state(r, i) < 0) return LB_ENOMEM;
    }
    return LB_OK;
}
