/* qattr.c: turns a speaker phrase into a speaker: the actor mention that
 * overlaps its name (canonical name, code, sector), else the surface name;
 * short names expand to the full name given elsewhere in the document
 * (Xi -> Xi Jinping), pronouns take the person named nearby. Role nouns and
 * pronouns without a nearby name are left for lb_quotes_run to resolve to
 * the nearest earlier speaker. It does not find phrases (qphrase.c). */
#include "quotes/qint.h"
#include <string.h>

/* index of the first mention that starts at or after pos (mentions are in text order) */
static size_t mention_at(const lb_doc *doc, uint32_t pos)
{
    size_t lo = 0, hi = doc->mentions.len;
    while (lo < hi) { size_t mid = lo + (hi - lo) / 2; if (LB_MENTIONS(doc)[mid].start < pos) lo = mid + 1; else hi = mid; }
    return lo;
}

static const lb_mention *overlapping_mention(const lb_doc *doc, uint32_t s, uint32_t e)
{
    const lb_mention *best = NULL;
    size_t first = mention_at(doc, s > 256 ? s - 256 : 0);
    for (size_t k = first; k < doc->mentions.len; k++) {
        const lb_mention *m = &LB_MENTIONS(doc)[k];
        if (m->start >= e) break;
        if (m->end <= s) continue;
        if (!best || (m->type == LB_MEN_PER && best->type != LB_MEN_PER) ||
            (m->actor.name && !best->actor.name)) best = m;
    }
    return best;
}

/* same folded form; b may carry a genitive s that a lacks (Xis ~ Xi) */
static int tok_eq(const qdoc *q, uint32_t a, uint32_t b)
{
    const lb_tok *x = &q->t[a], *y = &q->t[b];
    const char *xs = lb_tok_norm(q->doc, x), *ys = lb_tok_norm(q->doc, y);
    if (x->norm_len == y->norm_len) return !memcmp(xs, ys, x->norm_len);
    return y->norm_len == x->norm_len + 1 && ys[x->norm_len] == 's' && !memcmp(xs, ys, x->norm_len);
}

int q_title_case(const qdoc *q, uint32_t i)
{
    const lb_sent *s = &LB_SENTS(q->doc)[q->t[i].sent];
    uint32_t words = 0, caps = 0;
    for (uint32_t k = s->tok0; k < s->tok0 + s->ntok && k < q->n && k < s->tok0 + Q_SCAN; k++) {
        if (!(q->t[k].flags & LB_TOK_WORD)) continue;
        words++;
        caps += (q->t[k].flags & LB_TOK_UPPER) != 0;
    }
    return words >= 4 && caps * 10 >= words * 7;
}

/* a short name (one token) expanded to the first longer name run around an
 * earlier (or later) occurrence of the same word: Xi -> Xi Jinping */
static int expand_short(qdoc *q, uint32_t tok, uint32_t *rs, uint32_t *re)
{
    /* a small cache of recent expansions: the same short name comes back often */
    for (int c = 0; c < Q_NAME_CACHE; c++) {
        const struct qname *n = &q->names[c];
        if (n->re > n->rs && tok_eq(q, n->tok, tok) && q->t[n->tok].norm_len == q->t[tok].norm_len) {
            *rs = n->rs; *re = n->re;
            return 1;
        }
    }
    for (int pass = 0; pass < 2; pass++) {
        uint32_t a = pass ? tok + 1 : 0, b = pass ? q->n : tok;
        if (!pass && b - a > Q_NAME_BACK) a = b - Q_NAME_BACK;
        if (pass && b - a > Q_NAME_AHEAD) b = a + Q_NAME_AHEAD;
        uint32_t len = q->t[tok].norm_len;
        char c0 = len ? lb_tok_norm(q->doc, &q->t[tok])[0] : 0;
        for (uint32_t k = a; k < b; k++) {
            /* tok_eq needs a length of len or len - 1 (unsigned: not longer)
             * and, when not empty, the same first byte (tested first: cheaper) */
            uint32_t kl = q->t[k].norm_len;
            if (len - kl > 1 || (kl && lb_tok_norm(q->doc, &q->t[k])[0] != c0)) continue;
            if (!tok_eq(q, k, tok) || q_title_case(q, k)) continue;
            uint32_t s = k, e = k + 1;
            while (s > 0 && k - s < 3 && q_same_sent(q, s - 1, k) && q->t[s - 1].end < q->t[s].start &&
                   (q_name_tok(q, s - 1) || (s >= 2 && q_particle(q, s - 1) && q_name_tok(q, s - 2)))) s--;
            while (e < q->n && e - k < 3 && q_name_tok(q, e) && q_same_sent(q, e, k)) e++;
            if (e - s >= 2 && e - s <= 4) {
                struct qname *n = &q->names[q->next_name++ % Q_NAME_CACHE];
                n->tok = tok; n->rs = s; n->re = e;
                *rs = s; *re = e;
                return 1;
            }
        }
    }
    return 0;
}

/* more than one capital letter: KPCh, CCTV, EU (never a short form of a person) */
static int acronym(const qdoc *q, uint32_t i)
{
    int caps = 0;
    for (uint32_t k = q->t[i].start; k < q->t[i].end; k++) {
        unsigned char ch = (unsigned char)q->doc->text[k];
        caps += ch >= 'A' && ch <= 'Z';
    }
    return caps > 1;
}

static const char *text_dup(qdoc *q, uint32_t s, uint32_t e)
{
    if (e < s || e > q->doc->len) return NULL;   /* a malformed phrase: no name rather than a wild copy */
    return lb_arena_strndup(&q->doc->arena, q->doc->text + s, e - s);
}

/* the person the article introduced with the role noun at h before: the same
 * noun right before a person's name ("Staatsanwalt François Molins", "der
 * Pariser Staatsanwalt Molins") earlier in the document, nearest first; that
 * is who "der Staatsanwalt" means later, even far from the name. With an
 * adjective at adj (>= 0) the earlier role must carry it too. */
/* the same adjective, inflected either way: künftige ~ künftigen (a shared
 * stem of all but the shorter one's last two letters, at least four) */
static int same_adjective(const qdoc *q, uint32_t a, uint32_t b)
{
    const lb_tok *x = &q->t[a], *y = &q->t[b];
    size_t n = x->norm_len < y->norm_len ? x->norm_len : y->norm_len;
    return n >= 6 && !memcmp(lb_tok_norm(q->doc, x), lb_tok_norm(q->doc, y), n - 2);
}

static const lb_mention *titled_person(const qdoc *q, uint32_t h, int32_t adj)
{
    const lb_doc *d = q->doc;
    uint32_t lo = h > Q_NAME_BACK ? h - Q_NAME_BACK : 0;
    for (uint32_t k = h; k-- > lo;) {
        if (q->t[k].norm_len + 1 < q->t[h].norm_len || !(tok_eq(q, k, h) || tok_eq(q, h, k))) continue;
        /* "der künftige Präsident" is not whoever was "Präsident X" before */
        if (adj >= 0 && (k == 0 || !same_adjective(q, (uint32_t)adj, k - 1))) continue;
        if (k + 1 >= q->n || !q_same_sent(q, k, k + 1)) continue;
        size_t mi = mention_at(d, q->t[k + 1].start);
        if (mi >= d->mentions.len) continue;
        const lb_mention *m = &LB_MENTIONS(d)[mi];
        if (m->start == q->t[k + 1].start && m->type == LB_MEN_PER && m->form == LB_FORM_NAME) return m;
    }
    return NULL;
}

/* two person mentions end in the same word (one person named in full and short) */
static int same_last_word(const qdoc *q, const lb_mention *a, const lb_mention *b)
{
    return a->ntok && b->ntok && tok_eq(q, a->tok0 + a->ntok - 1, b->tok0 + b->ntok - 1);
}

/* the person of mention m was named right after a role noun somewhere before
 * ("Ministerpräsident Reiner Haseloff" for a later "Haseloff") */
static int role_introduced(const qdoc *q, const lb_mention *m)
{
    const lb_doc *d = q->doc;
    size_t end = (size_t)(m - LB_MENTIONS(d)) + 1;
    for (size_t k = mention_at(d, m->start > Q_NAME_BACK * 8 ? m->start - Q_NAME_BACK * 8 : 0); k < end; k++) {
        const lb_mention *x = &LB_MENTIONS(d)[k];
        if (x->type != LB_MEN_PER || !x->ntok || x->tok0 == 0 || !same_last_word(q, x, m)) continue;
        if (q_same_sent(q, x->tok0 - 1, x->tok0) && q_is_role(q, x->tok0 - 1)) return 1;
    }
    return 0;
}

/* "der SPD-Politiker", "der Minister", "der 69-Jährige": a person's role with
 * an article and no name is the person named last before it, in its sentence
 * or the two before; 1 when that filled the speaker */
static int role_person(qdoc *q, lb_quote *qt, qspk sp, const lb_mention *m, int titled_only)
{
    const lb_tok *t = q->t;
    uint32_t c0 = q_cls(q, (uint32_t)sp.s), h = (uint32_t)sp.e - 1;
    /* a "name" of only articles and the role noun ("Dem Staatsanwalt" after an
     * abbreviation's period) names no one */
    int named = 0;
    for (int32_t k = sp.ns; k >= 0 && k < sp.ne && !named; k++)
        named = !(q_cls(q, (uint32_t)k) & QC_DET) && !q_is_role(q, (uint32_t)k);
    if (named || !(c0 & QC_DET) || (c0 & QC_INDEF) || !q_is_role(q, h) || (q_cls(q, h) & QC_NOUN)) return 0;
    uint32_t s = t[sp.s].sent, lo = LB_SENTS(q->doc)[s >= 2 ? s - 2 : 0].tok0;
    if ((uint32_t)sp.s > lo + 4 * Q_SCAN) lo = (uint32_t)sp.s - 4 * Q_SCAN;
    int32_t adj = -1;        /* a lower-case attribute between article and role noun */
    for (uint32_t k = (uint32_t)sp.s + 1; k < h; k++)
        if ((t[k].flags & LB_TOK_WORD) && !(t[k].flags & LB_TOK_UPPER) && !(q_cls(q, k) & QC_DET)) adj = (int32_t)k;
    /* the titled person only in the first pass (the second is the window's) */
    const lb_mention *titled = titled_only ? titled_person(q, h, adj) : NULL, *near = NULL;
    if (titled_only && !titled) return 0;
    int32_t clause = h < q->doc->morph.len ? LB_MORPH(q->doc)[h].clause : -1;
    for (size_t k = mention_at(q->doc, t[lo].start); k < q->doc->mentions.len; k++) {
        const lb_mention *mm = &LB_MENTIONS(q->doc)[k];
        if (mm->start >= t[sp.s].start) break;
        /* not a person of the role noun's own clause ("an Merkel sagte der Abgeordnete") */
        if (clause >= 0 && mm->tok0 < q->doc->morph.len && LB_MORPH(q->doc)[mm->tok0].clause == clause) continue;
        if (mm->type == LB_MEN_PER && mm->form == LB_FORM_NAME) near = mm;
    }
    /* a nearer person whom the article introduced with a role of their own
     * ("Ministerpräsident X" … "sagte der Regierungschef") is the nearer referent */
    const lb_mention *best = titled && near && !same_last_word(q, titled, near) && role_introduced(q, near) ? near
                           : titled ? titled : near;
    if (!best || (titled_only && best != titled)) return 0;
    if (best->actor.code) qt->speaker_actor = best->actor;
    else if (m && m->actor.code) qt->speaker_actor = m->actor;
    qt->speaker_name = best->actor.name ? best->actor.name : text_dup(q, best->start, best->end);
    return 1;
}

/* a pronoun or description the discourse layer resolved ("er", "der
 * Kremlchef"): the entity's canonical name and code; 1 when that filled the speaker */
static int entity_speaker(qdoc *q, lb_quote *qt, qspk sp)
{
    for (int32_t k = sp.s; k < sp.e; k++) {
        const lb_ref *r = lb_ref_at(q->doc, (uint32_t)k);
        if (!r || r->entity < 0 || r->kind == LB_REF_NAME) continue;
        const lb_entity *e = &LB_ENTITIES(q->doc)[r->entity];
        if (e->actor.code) qt->speaker_actor = e->actor;
        qt->speaker_name = e->name;
        return 1;
    }
    return 0;
}

/* the byte before position e of s belongs to a word (ASCII letter or a UTF-8 letter's byte) */
static int word_byte_before(const char *s, size_t e)
{
    unsigned char c = (unsigned char)s[e - 1];
    return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* the word name[b, e) occurs as a word in the document */
static int word_in_text(const qdoc *q, const char *name, size_t b, size_t e)
{
    const char *t = q->doc->text, *end = t + q->doc->len;
    for (const char *h = t; h && h + (e - b) <= end; h++) {
        h = memchr(h, name[b], (size_t)(end - h));
        if (!h) break;
        size_t at = (size_t)(h - t), to = at + (e - b);
        if (to <= q->doc->len && !memcmp(h, name + b, e - b) && (at == 0 || !word_byte_before(t, at)) &&
            (to == q->doc->len || !word_byte_before(t, to + 1))) return 1;
    }
    return 0;
}

/* the article gives m's canonical name, not only a dictionary's other name or
 * spelling ("Agence France-Presse" for its "AFP", "Peer Steinbrueck" for
 * "Steinbrück"): its last word occurs in the document, or the mention is the
 * name's first word ("Xi" of "Xi Jinping") */
static int name_in_text(qdoc *q, const lb_mention *m)
{
    const char *name = m->actor.name;
    size_t e = strlen(name), mlen = m->end - m->start;
    if (mlen < e && name[mlen] == ' ' && !memcmp(name, q->doc->text + m->start, mlen)) return 1;
    while (e > 0 && !word_byte_before(name, e)) e--;
    size_t b = e;
    while (b > 0 && word_byte_before(name, b)) b--;
    if (e - b < 2) return 1;
    for (int c = 0; c < Q_NAME_CACHE; c++) if (q->intext[c].name == name) return q->intext[c].found;
    int found = word_in_text(q, name, b, e);
    q->intext[q->next_intext++ % Q_NAME_CACHE] = (struct qintext){ name, (uint8_t)found };
    return found;
}

/* fill the speaker from mention m: its canonical name where the article gives
 * it (name_in_text), else the mention's text; a derived form ("die deutsche
 * Regierung") keeps the canonical name; 1 when set */
static int mention_speaker(qdoc *q, lb_quote *qt, const lb_mention *m)
{
    qt->speaker_actor = m->actor;
    int own = m->actor.name && (m->form != LB_FORM_NAME || name_in_text(q, m));
    qt->speaker_name = own ? m->actor.name : text_dup(q, m->start, m->end);
    return 1;
}

/* the gender of the pronoun at p (LB_GENDER_*, 0 unknown): the morphology
 * layer's, else the cue class; German "sie" only where the layer says singular */
static uint32_t pronoun_gender(const qdoc *q, uint32_t p)
{
    const lb_morph *m = q->doc->morph.len == q->n ? &LB_MORPH(q->doc)[p] : NULL;
    uint32_t g = m ? LB_FEAT_GET(m->feats, GENDER) : 0, c = q_cls(q, p);
    if (g) return g;
    if (c & QC_MASC) return LB_GENDER_MASC;
    if ((c & QC_FEM) && (q->lang == QL_EN || (m && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_SING))) return LB_GENDER_FEM;
    return 0;
}

/* a pronoun: the nearest person named before it in its sentence or the one
 * before; else a role noun followed by a name ("US-Außenminister Antony
 * Blinken …, nachdem er erklärt hatte", "Botschafter X kritisierte … Er warf …") */
static void pronoun_speaker(qdoc *q, lb_quote *qt, uint32_t p)
{
    const lb_tok *t = q->t;
    uint32_t lo = LB_SENTS(q->doc)[t[p].sent].tok0;
    if (t[p].sent > 0) lo = LB_SENTS(q->doc)[t[p].sent - 1].tok0;
    if (p > lo + Q_SCAN) lo = p - Q_SCAN;
    const lb_mention *best = NULL;
    /* the pronoun's gender: a person of the other one is not meant */
    uint32_t g = pronoun_gender(q, p);
    for (size_t k = mention_at(q->doc, t[lo].start); k < q->doc->mentions.len; k++) {
        const lb_mention *mm = &LB_MENTIONS(q->doc)[k];
        if (mm->start >= t[p].start) break;
        const lb_entity *en = g ? lb_entity_at(q->doc, mm->tok0) : NULL;
        if (en && en->gender && en->gender != g) continue;
        if (mm->type == LB_MEN_PER && mm->start >= t[lo].start) best = mm;
    }
    if (best) { mention_speaker(q, qt, best); return; }
    for (uint32_t k = p; k > lo + 1; k--) {
        if (!q_name_tok(q, k - 1) || !q_name_tok(q, k - 2)) continue;
        uint32_t e = k, b = k - 2;
        while (b > lo && e - b < 3 && q_name_tok(q, b - 1) && q_same_sent(q, b - 1, k - 1)) b--;
        if (b > lo && q_is_role(q, b - 1) && q_same_sent(q, b - 1, k - 1)) {
            qt->speaker_name = text_dup(q, t[b].start, t[e - 1].end);
            return;
        }
        k = b + 1;
    }
}

/* a phrase without a name and no pronoun: a description with an adjective
 * ("die chinesische Regierung"), a bare plural or new one ("Analysten", "ein
 * Bericht") names itself; a definite role noun alone is left for lb_quotes_run */
static void description_speaker(qdoc *q, lb_quote *qt, qspk sp, const lb_mention *m)
{
    const lb_tok *t = q->t;
    int adj = 0, role = 0;
    for (int32_t k = sp.s; k < sp.e; k++) {
        adj |= (t[k].flags & LB_TOK_WORD) && !(t[k].flags & LB_TOK_UPPER) && !(q_cls(q, (uint32_t)k) & QC_DET);
        role |= q_is_role(q, (uint32_t)k);
    }
    int32_t s0 = sp.s;
    if (adj && q->lang != QL_EN) {
        while (s0 < sp.e && (q_cls(q, (uint32_t)s0) & QC_DET)) s0++;
        if (!qt->speaker_name) qt->speaker_name = text_dup(q, t[s0].start, t[sp.e - 1].end);
        return;
    }
    uint32_t c0 = q_cls(q, (uint32_t)sp.s);
    if (!(c0 & QC_DET) || (c0 & QC_INDEF) || !role) {
        while (s0 + 1 < sp.e && (q_cls(q, (uint32_t)s0) & QC_DET)) s0++;
        qt->speaker_name = m ? text_dup(q, m->start, m->end) : text_dup(q, t[s0].start, t[sp.e - 1].end);
        return;
    }
    if (m) qt->speaker_name = text_dup(q, m->start, m->end);
}

/* a phrase with a name (tokens rs..re): the discourse layer's fuller name of a
 * person (Wendland -> Klaus Wendland), else the short name expanded (Xi -> Xi Jinping) */
static void named_speaker(qdoc *q, lb_quote *qt, uint32_t rs, uint32_t re, const lb_mention *m)
{
    const lb_tok *t = q->t;
    const lb_entity *en = re - rs == 1 ? lb_entity_at(q->doc, rs) : NULL;
    if (en && en->type == LB_MEN_PER && strlen(en->name) > t[rs].end - t[rs].start) {
        qt->speaker_name = en->name;
        if (en->actor.code) qt->speaker_actor = en->actor;
        else if (m) qt->speaker_actor = m->actor;
        return;
    }
    if (re - rs == 1 && !acronym(q, rs)) expand_short(q, rs, &rs, &re);
    qt->speaker_name = text_dup(q, t[rs].start, t[re - 1].end);
    if (m) qt->speaker_actor = m->actor;
}

/* "das Blatt", "the newspaper": a definite body noun without a name is the
 * body (an organisation mention) named last before it, in its sentence or the
 * two before; 1 when that filled the speaker */
static int body_anaphor(qdoc *q, lb_quote *qt, qspk sp)
{
    const lb_tok *t = q->t;
    uint32_t c0 = q_cls(q, (uint32_t)sp.s), h = (uint32_t)sp.e - 1;
    if (!(c0 & QC_DET) || (c0 & QC_INDEF) || !(q_xcls(q, h) & QX_BODY)) return 0;
    if (sp.ns >= 0 && (sp.ns != (int32_t)h || sp.ne != sp.e)) return 0;   /* a name beside the noun */
    /* a medium ("die Zeitung") is the medium named last, within ten sentences;
     * another body the organisation named last, within two */
    int medium = (q_xcls(q, h) & QX_MEDIUM) != 0;
    uint32_t s = t[sp.s].sent, back = medium ? 10 : 2, lo = LB_SENTS(q->doc)[s >= back ? s - back : 0].tok0;
    if ((uint32_t)sp.s > lo + (medium ? 16 : 4) * Q_SCAN) lo = (uint32_t)sp.s - (medium ? 16 : 4) * Q_SCAN;
    uint32_t near = LB_SENTS(q->doc)[s >= 2 ? s - 2 : 0].tok0;
    const lb_mention *best = NULL, *med = NULL;
    for (size_t k = mention_at(q->doc, t[lo].start); k < q->doc->mentions.len; k++) {
        const lb_mention *mm = &LB_MENTIONS(q->doc)[k];
        if (mm->start >= t[sp.s].start) break;
        if (mm->type != LB_MEN_ORG || mm->form != LB_FORM_NAME) continue;
        if (q_medium_mention(mm)) med = mm;
        if (mm->start >= t[near].start) best = mm;
    }
    if (medium && med) best = med;
    if (!best) return 0;
    mention_speaker(q, qt, best);
    return 1;
}

/* "Syrische Beobachtungsstelle für Menschenrechte": the name of a body goes on
 * over a name link and the capitalised words after it (not after a role noun or
 * a person: "der Sprecher für Außenpolitik" is named by the person) */
static void extend_body_name(qdoc *q, qspk *sp)
{
    uint32_t e = (uint32_t)sp->e, last = e - 1;
    if (e + 1 >= q->n || q->inq[e] || !(q_xcls(q, e) & QX_NAMELINK) || !q_same_sent(q, e, e + 1)) return;
    if (!(q->t[last].flags & LB_TOK_UPPER) || q_is_role(q, last)) return;
    const lb_mention *m = overlapping_mention(q->doc, q->t[last].start, q->t[last].end);
    if (m && m->type == LB_MEN_PER) return;
    uint32_t k = e + 1;
    while (k < q->n && k < e + 4 && (q->t[k].flags & LB_TOK_WORD) && (q->t[k].flags & LB_TOK_UPPER) &&
           !q->inq[k] && !(q_cls(q, k) & (QC_TIME | QC_DET | QC_STOP))) k++;
    if (k == e + 1) return;
    if (sp->ne == sp->e) sp->ne = (int32_t)k;
    sp->e = (int32_t)k;
}

/* "die Regierung in Libyen", "ein Sprecher der Notdienste in Gaza": a
 * description without a person's name goes on over "in"/"im" and the place
 * name right after it (German); the place identifies the body */
static void extend_place(qdoc *q, qspk *sp)
{
    uint32_t e = (uint32_t)sp->e;
    if (q->lang != QL_DE || e + 1 >= q->n || !q_same_sent(q, e, e + 1) || q->inq[e]) return;
    const lb_tok *p = &q->t[e];
    const char *w = lb_tok_norm(q->doc, p);
    if (!(p->norm_len == 2 && (!memcmp(w, "in", 2) || !memcmp(w, "im", 2)))) return;
    int role = 0;
    for (int32_t k = sp->s; k < sp->e && !role; k++) role = q_is_role(q, (uint32_t)k) || (q_xcls(q, (uint32_t)k) & (QX_GROUP | QX_BODY));
    if (!role) return;
    if (sp->ns >= 0) {
        const lb_mention *pm = overlapping_mention(q->doc, q->t[sp->ns].start, q->t[sp->ne - 1].end);
        if (pm && pm->type == LB_MEN_PER) return;
    }
    const lb_mention *m = overlapping_mention(q->doc, q->t[e + 1].start, q->t[e + 1].end);
    if (!m || m->type != LB_MEN_LOC || m->start != q->t[e + 1].start) return;
    uint32_t k = e + 1;
    while (k < q->n && q->t[k].end <= m->end) k++;
    sp->e = (int32_t)k;
}

/* "die Zeitung „Yemen Observer“": a body noun named by a quoted title after it */
static void quoted_body_name(const qdoc *q, qspk *sp)
{
    uint32_t e = (uint32_t)sp->e;
    if (e + 2 >= q->n || !(q->t[e].flags & LB_TOK_QUOTE) || !(q_xcls(q, e - 1) & (QX_BODY | QX_MEDIUM)) || q->inq[e]) return;
    uint32_t c = e + 1;
    while (c < q->n && c < e + 6 && !(q->t[c].flags & LB_TOK_QUOTE) && (q->t[c].flags & (LB_TOK_WORD | LB_TOK_NUM))) c++;
    if (c >= q->n || c == e + 1 || !(q->t[c].flags & LB_TOK_QUOTE) || !q_same_sent(q, e, c)) return;
    sp->ns = (int32_t)e + 1; sp->ne = (int32_t)c; sp->e = (int32_t)c + 1;
}

/* token i has no lower-case ASCII letter and two capitals or more (WHO, ČTK) */
static int all_caps(const qdoc *q, uint32_t i)
{
    const unsigned char *w = (const unsigned char *)q->doc->text + q->t[i].start;
    size_t n = q->t[i].end - q->t[i].start, caps = 0;
    for (size_t k = 0; k < n; k++) {
        if (w[k] >= 'a' && w[k] <= 'z') return 0;
        caps += w[k] >= 'A' && w[k] <= 'Z';
    }
    return caps >= 2;
}

/* a one-word phrase that names no one: an adverb, adposition, conjunction or
 * particle of the morphology layer ("Anfänglich hieß es", "Insbesondere …
 * gab es"), unless a hearsay marker (demnach) or a pronominal adverb that
 * points to a text (darin), a name the actors or discourse layer know
 * (Heil), an acronym, or a host name the tagger took for one (ndr.de) */
static int no_speaker_word(const qdoc *q, uint32_t i)
{
    const lb_doc *d = q->doc;
    if (d->morph.len != q->n || (q_cls(q, i) & QC_HEARSAY) || (q_xcls(q, i) & QX_TEXTADV)) return 0;
    if ((q->t[i].flags & LB_TOK_URL) || memchr(d->text + q->t[i].start, '.', q->t[i].end - q->t[i].start)) return 0;  /* laut ndr.de */
    /* a name the actors or discourse layer knows (Weise, Heil: surnames), an acronym (WHO) */
    qspk one = { (int32_t)i, (int32_t)i + 1, -1, -1 };
    if (q_has_mention(q, one) || (d->tok_ref && d->tok_ref[i] >= 0) || all_caps(q, i)) return 0;
    uint8_t u = LB_MORPH(d)[i].upos;
    return u == LB_UPOS_ADV || u == LB_UPOS_ADP || u == LB_UPOS_SCONJ || u == LB_UPOS_CCONJ || u == LB_UPOS_PART;
}

void q_attribute(qdoc *q, lb_quote *qt, qspk sp, int32_t cue_tok)
{
    if (cue_tok >= 0) { qt->cue_start = (int32_t)q->t[cue_tok].start; qt->cue_end = (int32_t)q->t[cue_tok].end; }
    if (sp.s < 0 || sp.e <= sp.s || (uint32_t)sp.e > q->n) return;   /* no (or an empty) speaker phrase */
    if (sp.e == sp.s + 1 && no_speaker_word(q, (uint32_t)sp.s)) return;
    if (sp.ns >= 0 && sp.ne <= sp.ns) sp.ns = sp.ne = -1;
    if (!q_apposition(q, &sp)) extend_body_name(q, &sp);
    extend_place(q, &sp);
    quoted_body_name(q, &sp);
    const lb_tok *t = q->t;
    qt->speaker_start = (int32_t)t[sp.s].start;
    qt->speaker_end = (int32_t)t[sp.e - 1].end;
    uint32_t ms = sp.ns >= 0 ? t[sp.ns].start : t[sp.s].start, me = sp.ns >= 0 ? t[sp.ne - 1].end : t[sp.e - 1].end;
    const lb_mention *m = overlapping_mention(q->doc, ms, me);
    if ((!m || m->form != LB_FORM_NAME) && body_anaphor(q, qt, sp)) return;
    /* a role the article gave a named person before ("Staatsanwalt François
     * Molins" … "der Staatsanwalt") is that person, whatever is nearer */
    if ((!m || m->form != LB_FORM_NAME) && role_person(q, qt, sp, m, 1)) return;
    if (sp.ns < 0 && (!m || m->form != LB_FORM_NAME) && entity_speaker(q, qt, sp)) return;
    if ((!m || m->form != LB_FORM_NAME) && role_person(q, qt, sp, m, 0)) return;
    /* a mention of part of the name ("Syrischen" in "Syrischen Beobachtungsstelle
     * für Menschenrechte") gives its code, not its name */
    int partial = m && sp.ns >= 0 && m->end < t[sp.ne - 1].end;
    if (m && m->actor.code && !partial) { mention_speaker(q, qt, m); return; }
    if (sp.ns >= 0) {
        /* "die chinesische Regierung", "ein Berater des Kremls, Juri Uschakow": the
         * phrase's actor when the name itself is none */
        const lb_mention *pm = overlapping_mention(q->doc, t[sp.s].start, t[sp.e - 1].end);
        if (pm && pm->actor.code) { qt->speaker_actor = pm->actor; m = NULL; }
        named_speaker(q, qt, (uint32_t)sp.ns, (uint32_t)sp.ne, m);
    } else if (q_cls(q, (uint32_t)sp.s) & QC_PRON) {
        pronoun_speaker(q, qt, (uint32_t)sp.s);
    } else {
        description_speaker(q, qt, sp, m);
    }
}
