/* discourse.c: the discourse stage's run: one pass over the tokens in text
 * order. Actor name mentions become entities (dent.c) with their title before
 * them (der russische Außenminister Sergej Lawrow) and an apposition after
 * them (Lawrow, der Außenminister,); definite descriptions (der Kremlchef,
 * die Behörde) and third-person pronouns are resolved against the entities
 * mentioned so far (dres.c); a nominative description of a person with a
 * derived actor mention that none matched is a new entity (der russische
 * Außenminister ... er: dent.c). Token lookups for cue words are here. */
#include "discourse/discourse.h"
#include "discourse/dint.h"
#include "text/text.h"
#include "ctx.h"
#include <string.h>

/* the longest title or description before a name: det adj* role */
#define D_TITLE_WORDS 5
/* how many adjectives or numbers may stand between article and head */
#define D_DESC_ADJ 3

static uint32_t lookup(const dstate *s, const char *w, size_t n)
{
    uint32_t v = 0, all = 0;
    if (s->lang >= 0) return lb_wordset_get(&s->rules->words[s->lang], w, n, &v) ? v : 0;
    for (int k = 0; k < DL_N; k++)   /* language unknown: all of them */
        if (lb_wordset_get(&s->rules->words[k], w, n, &v)) all |= v;
    return all;
}

uint32_t d_word_cls(const dstate *s, const char *w, size_t n) { return lookup(s, w, n); }

/* the d_head_len_bit of the description heads of at least D_MIN_HEAD bytes
 * that end in e[0..D_HEAD_END); 0 when none does */
static uint32_t head_end_lens(const dstate *s, const char *e)
{
    uint32_t all = 0;
    for (int k = 0; k < DL_N; k++) {
        uint32_t v = 0;
        if ((s->lang < 0 || s->lang == k) && lb_wordset_get(&s->rules->head_ends[k], e, D_HEAD_END, &v)) all |= v;
    }
    return all;
}

uint32_t d_cls(const dstate *s, uint32_t i)
{
    if (i >= s->n || !(s->t[i].flags & LB_TOK_WORD)) return 0;
    return lookup(s, lb_tok_norm(s->doc, &s->t[i]), s->t[i].norm_len);
}

/* head classes of the folded word w[0..n): the word, else its longest listed
 * tail of at least D_MIN_HEAD bytes (US-Außenminister -> außenminister,
 * Kremlchef -> chef, 63-Jährige -> jährige) */
static uint32_t word_head_cls(const dstate *s, const char *w, size_t n)
{
    uint32_t c = lookup(s, w, n);
    if (c & DC_HEAD) return c;
    uint32_t lens;
    if (n < D_MIN_HEAD + 1 || !(lens = head_end_lens(s, w + n - D_HEAD_END))) return 0;
    uint32_t k0 = n > s->rules->maxhead ? (uint32_t)n - s->rules->maxhead : 1;
    for (uint32_t k = k0 ? k0 : 1; k + D_MIN_HEAD <= n; k++) {
        if (((unsigned char)w[k] & 0xC0) == 0x80) continue;   /* inside a UTF-8 character */
        if (!(lens & d_head_len_bit(n - k))) continue;   /* no head of this length */
        c = lookup(s, w + k, n - k) & DC_HEAD;
        if (c) return c;
    }
    return 0;
}

/* the folded lemma of token i when it differs from the word (des Landes:
 * land; Bündnisses: bündnis); its length, 0 when none */
static size_t folded_lemma(const dstate *s, uint32_t i, char *buf, size_t cap)
{
    const lb_morph *mo = d_morph(s, i);
    if (!mo || !mo->lemma || !mo->lemma_len || mo->upos != LB_UPOS_NOUN) return 0;
    size_t n = lb_fold(buf, cap, mo->lemma, mo->lemma_len);
    const lb_tok *t = &s->t[i];
    if (!n || (n == t->norm_len && !memcmp(buf, lb_tok_norm(s->doc, t), n))) return 0;
    return n;
}

size_t d_head_form(const dstate *s, uint32_t i, char *buf, size_t cap)
{
    size_t n = folded_lemma(s, i, buf, cap);
    if (n) return n;
    const lb_tok *t = &s->t[i];
    if (t->norm_len > cap) return 0;
    memcpy(buf, lb_tok_norm(s->doc, t), t->norm_len);
    return t->norm_len;
}

uint32_t d_head_cls(const dstate *s, uint32_t i)
{
    if (i >= s->n || !(s->t[i].flags & LB_TOK_WORD)) return 0;
    const lb_tok *t = &s->t[i];
    uint32_t c = word_head_cls(s, lb_tok_norm(s->doc, t), t->norm_len);
    if (c & DC_HEAD) return c;
    char buf[LB_MAX_TOKEN_BYTES * 3];
    size_t n = folded_lemma(s, i, buf, sizeof buf);
    return n ? word_head_cls(s, buf, n) & DC_HEAD : 0;
}

uint32_t d_plain_head_cls(const dstate *s, uint32_t i)
{
    uint32_t c = d_cls(s, i);
    if (c & (DC_PER | DC_ORG | DC_LOC)) return c;
    char buf[LB_MAX_TOKEN_BYTES * 3];
    size_t n = folded_lemma(s, i, buf, sizeof buf);
    return n ? lookup(s, buf, n) : 0;
}

static int is_upos(const dstate *s, uint32_t i, uint8_t upos)
{
    const lb_morph *mo = d_morph(s, i);
    return mo && mo->upos == upos;
}

/* a definite article or demonstrative that can open a description */
static int definite(const dstate *s, uint32_t i)
{
    const lb_morph *mo = d_morph(s, i);
    if (!mo || (mo->upos != LB_UPOS_DET && mo->upos != LB_UPOS_PRON)) return 0;   /* ", der neue Sprecher" */
    uint32_t pt = LB_FEAT_GET(mo->feats, PRONTYPE);
    return (pt == LB_PRONTYPE_ART && LB_FEAT_GET(mo->feats, DEFINITE) == LB_DEFINITE_DEF) || pt == LB_PRONTYPE_DEM;
}

/* "der russische Außenminister" ending at token h (the role noun before a
 * name): its first token, at most D_TITLE_WORDS back in the sentence */
static uint32_t title_start(const dstate *s, uint32_t h)
{
    uint32_t a = h;
    while (a > 0 && h - a < D_TITLE_WORDS && s->t[a - 1].sent == s->t[h].sent && s->doc->tok_ref[a - 1] < 0 &&
           (is_upos(s, a - 1, LB_UPOS_ADJ) || is_upos(s, a - 1, LB_UPOS_NUM))) a--;
    if (a > 0 && s->t[a - 1].sent == s->t[h].sent && s->doc->tok_ref[a - 1] < 0 && definite(s, a - 1)) a--;
    return a;
}

/* a description det adj* HEAD at token a: the head token, 0 when none (a head
 * followed by a name is a title; by a genitive or "of", a new referent) */
static uint32_t description_head(const dstate *s, uint32_t a, uint32_t *cls)
{
    uint32_t h = a + 1;
    while (h < s->n && h - a <= D_DESC_ADJ && (is_upos(s, h, LB_UPOS_ADJ) || is_upos(s, h, LB_UPOS_NUM))) h++;
    if (h >= s->n || s->t[h].sent != s->t[a].sent || !is_upos(s, h, LB_UPOS_NOUN)) return 0;
    /* (the part of speech after the head first: it is the cheapest test) */
    int next_in_sent = h + 1 < s->n && s->t[h + 1].sent == s->t[h].sent;
    const lb_morph *nx = next_in_sent ? d_morph(s, h + 1) : NULL;
    if (nx && (nx->upos == LB_UPOS_PROPN || nx->upos == LB_UPOS_DET)) return 0;
    *cls = d_head_cls(s, h) & DC_HEAD;
    if (!*cls) return 0;
    if (next_in_sent && (d_cls(s, h + 1) & DC_OF)) return 0;
    /* "des Mannes, der drei Menschen tötete": a head that names only the sex
     * is identified by its relative clause - someone new */
    if (h + 2 < s->n && s->t[h + 2].sent == s->t[h].sent && s->t[h + 1].end - s->t[h + 1].start == 1 &&
        s->doc->text[s->t[h + 1].start] == ',' && (d_plain_head_cls(s, h) & DC_PER_SEX)) {
        const lb_morph *rel = d_morph(s, h + 2);
        /* (a relative: so tagged, or a pronoun the clause layer gave an antecedent) */
        if (rel && (LB_FEAT_GET(rel->feats, PRONTYPE) == LB_PRONTYPE_REL ||
                    (rel->upos == LB_UPOS_PRON && rel->phrase >= 0 && (size_t)rel->phrase < s->doc->phrases.len &&
                     LB_PHRASES(s->doc)[rel->phrase].antecedent >= 0)))
            return 0;
    }
    return h;
}

/* "Lawrow, der russische Außenminister," after a name ending at token b */
static int apposition(dstate *s, uint32_t b, int32_t e)
{
    uint32_t cls = 0, h;
    if (b + 2 >= s->n || s->t[b].sent != s->t[b + 1].sent || s->t[b].end - s->t[b].start != 1 ||
        s->doc->text[s->t[b].start] != ',' || !definite(s, b + 1) || !(h = description_head(s, b + 1, &cls)))
        return 0;
    lb_entity *E = &LB_ENTITIES(s->doc)[e];
    uint32_t kind = E->type == LB_MEN_PER ? DC_PER : E->type == LB_MEN_ORG ? DC_ORG : DC_LOC;
    if (!(cls & kind)) return 0;
    if (d_add_ref(s, b + 1, h + 1, e, LB_REF_APPOS)) return -1;
    if (E->type == LB_MEN_PER && !(d_cls(s, h) & DC_PER_ANY)) s->ent[e].role_tok = h + 1;
    return (int)(h + 1 - b);
}

static int in_timex(const dstate *s, uint32_t i);

/* the gender a title gives a person: Frau, Herr, Mrs; Kanzlerin (morphology) */
static void title_gender(dstate *s, uint32_t a, uint32_t b, int32_t e)
{
    dent *d = &s->ent[e];
    lb_entity *E = &LB_ENTITIES(s->doc)[e];
    if (d->gender_known || E->type != LB_MEN_PER) return;
    for (uint32_t k = a; k < b; k++) {
        uint32_t c = d_cls(s, k), g = 0;
        const lb_morph *mo = d_morph(s, k);
        if (c & DC_TITLE_M) g = DC_M;
        else if (c & DC_TITLE_F) g = DC_F;
        else if (s->lang != DL_EN && mo && mo->upos == LB_UPOS_NOUN && (d_head_cls(s, k) & DC_PER))
            g = LB_FEAT_GET(mo->feats, GENDER) == LB_GENDER_FEM ? DC_F : LB_FEAT_GET(mo->feats, GENDER) == LB_GENDER_MASC ? DC_M : 0;
        if (g) { d->agree = g; d->gender_known = 1; E->gender = g == DC_F ? LB_GENDER_FEM : LB_GENDER_MASC; return; }
    }
}

/* one actor name mention at token i: its entity, title and apposition; the
 * tokens it consumed past i (0 when it is no entity mention) */
static int name_mention(dstate *s, const lb_mention *m)
{
    if (m->form != LB_FORM_NAME || m->type == LB_MEN_OTH || !m->ntok || m->tok0 + m->ntok > s->n) return 0;
    if (!m->actor.code && in_timex(s, m->tok0)) return 0;   /* "said Tuesday": a date, no one */
    int32_t e = d_name_entity(s, m);
    if (e < 0) return -1;
    uint32_t a = m->tok0, b = m->tok0 + m->ntok;
    if (m->type == LB_MEN_PER && a > 0 && s->t[a - 1].sent == s->t[a].sent && s->doc->tok_ref[a - 1] < 0 &&
        ((d_cls(s, a - 1) & (DC_TITLE_M | DC_TITLE_F)) || (d_head_cls(s, a - 1) & DC_PER)))
        a = title_start(s, a - 1);
    title_gender(s, a, b, e);
    if (a < m->tok0 && m->type == LB_MEN_PER && (d_head_cls(s, m->tok0 - 1) & DC_PER) && !(d_cls(s, m->tok0 - 1) & DC_PER_ANY))
        s->ent[e].role_tok = m->tok0;   /* der Außenminister Lawrow: its role */
    if (d_add_ref(s, a, b, e, LB_REF_NAME)) return -1;
    d_touch(s, e, b - 1);
    int ap = apposition(s, b, e);
    if (ap < 0) return -1;
    if (ap > 0) title_gender(s, b, b + (uint32_t)ap, e);
    return (int)(b - m->tok0) + ap;
}

/* token i lies in a temporal expression (Tuesday, March): binary search over
 * the time layer, which is in text order and without overlaps */
static int in_timex(const dstate *s, uint32_t i)
{
    const lb_timex *X = LB_TIMEXES(s->doc);
    size_t lo = 0, hi = s->doc->timex.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (X[mid].end <= s->t[i].start) lo = mid + 1; else hi = mid;
    }
    return lo < s->doc->timex.len && X[lo].start < s->t[i].end;
}

static int proper_word(const dstate *s, uint32_t i)
{
    return i < s->n && (s->t[i].flags & LB_TOK_WORD) && (s->t[i].flags & LB_TOK_UPPER) && is_upos(s, i, LB_UPOS_PROPN) &&
           s->doc->tok_ref[i] < 0;
}

/* a person the actors layer did not mark: a name after a role noun or title
 * (die Rechtsterroristin Beate Zschäpe), or one word of an earlier such name
 * (Zschäpe, Zschäpes); lim is the next actor mention. The tokens it took. */
static int unlisted_name(dstate *s, uint32_t i, uint32_t lim)
{
    if (!proper_word(s, i) && !is_upos(s, i, LB_UPOS_NOUN)) return 0;
    if (proper_word(s, i)) {
        int32_t e = d_person_by_name(s, i);
        if (e < 0) return 0;
        if (d_add_ref(s, i, i + 1, e, LB_REF_NAME)) return -1;
        d_touch(s, e, i);
        return 1;
    }
    if (i + 1 >= lim || !proper_word(s, i + 1) || s->t[i + 1].sent != s->t[i].sent) return 0;   /* cheap test first */
    if (!(d_cls(s, i) & (DC_TITLE_M | DC_TITLE_F)) && !(d_head_cls(s, i) & DC_PER)) return 0;
    uint32_t j = i + 1;
    while (j < lim && j < i + 4 && s->t[j].sent == s->t[i].sent && proper_word(s, j) && !in_timex(s, j)) j++;
    if (j == i + 1) return 0;
    lb_mention m;
    memset(&m, 0, sizeof m);
    m.start = s->t[i + 1].start; m.end = s->t[j - 1].end;
    m.tok0 = i + 1; m.ntok = j - i - 1;
    m.type = LB_MEN_PER; m.form = LB_FORM_NAME;
    int took = name_mention(s, &m);
    return took < 0 ? -1 : took + 1;
}

/* a relative pronoun (the clause layer found its antecedent): that entity
 * ("Ägypten, das vorschlug", "Lawrow, der sagte"); 1 when it took it */
static int relative(dstate *s, uint32_t i, const lb_morph *mo)
{
    const lb_doc *doc = s->doc;
    if (mo->phrase < 0 || (size_t)mo->phrase >= doc->phrases.len) return 0;
    int32_t ant = LB_PHRASES(doc)[mo->phrase].antecedent;
    if (ant < 0 || (size_t)ant >= doc->phrases.len) return 0;
    uint32_t h = LB_PHRASES(doc)[ant].head;
    if (h >= i || h >= s->n || doc->tok_ref[h] < 0) return 0;
    int32_t e = LB_REFS(doc)[doc->tok_ref[h]].entity;
    if (e < 0) return 0;
    if (d_add_ref(s, i, i + 1, e, LB_REF_PRON)) return -1;
    d_touch(s, e, i);
    return 1;
}

/* a pronoun or a description at token i; the tokens it took (0: none) */
static int anaphor(dstate *s, uint32_t i, size_t next, size_t end)
{
    const lb_morph *mo = d_morph(s, i);
    if (mo && mo->upos != LB_UPOS_PRON && mo->upos != LB_UPOS_DET) return 0;   /* neither pronoun nor article */
    if (mo && mo->upos == LB_UPOS_PRON && mo->phrase >= 0 && (size_t)mo->phrase < s->doc->phrases.len &&
        LB_PHRASES(s->doc)[mo->phrase].antecedent >= 0)
        return relative(s, i, mo);
    uint32_t c = d_cls(s, i);
    if (c & DC_AGREE) {
        /* German: a capitalised Sie inside a sentence is the polite you */
        if (s->lang == DL_DE && (s->t[i].flags & LB_TOK_UPPER) && i > LB_SENTS(s->doc)[s->t[i].sent].tok0 &&
            !(s->t[i - 1].flags & LB_TOK_QUOTE)) return 0;
        uint32_t agree = d_pron_agree(s, i);
        int32_t e = agree ? d_resolve_pronoun(s, i, agree) : -1;
        if (e < 0) return 0;
        if (d_add_ref(s, i, i + 1, e, LB_REF_PRON)) return -1;
        d_touch(s, e, i);
        return 1;
    }
    uint32_t cls = 0, h;
    if (!definite(s, i) || !(h = description_head(s, i, &cls))) return 0;
    const lb_mention *dm = NULL;   /* "die polnische Regierung": a derived mention and its code */
    for (size_t k = next; k < end && LB_MENTIONS(s->doc)[k].tok0 < h; k++) {
        const lb_mention *m = &LB_MENTIONS(s->doc)[k];
        if (m->form == LB_FORM_DERIV && m->actor.code) { dm = m; break; }
    }
    int32_t e = d_resolve_desc(s, i, h, cls, dm ? dm->actor.code : NULL);
    /* none: with a derived mention the description introduces someone (der
     * russische Außenminister ... er), else it stays unresolved */
    if (e < 0 && dm && (e = d_desc_entity(s, i, h, cls, dm)) == -2) return -1;
    if (e < 0) return 0;
    if (d_add_ref(s, i, h + 1, e, LB_REF_DESC)) return -1;
    d_touch(s, e, h);
    return (int)(h + 1 - i);
}

static int setup(dstate *s, lb_doc *doc)
{
    s->doc = doc;
    s->rules = doc->ctx->discourse;
    s->t = LB_TOKS(doc);
    s->n = (uint32_t)doc->toks.len;
    s->mo = LB_MORPH(doc);
    s->nmo = doc->morph.len;
    s->lang = !strcmp(doc->lang, "de") ? DL_DE : !strcmp(doc->lang, "en") ? DL_EN : -1;
    /* entities: at most one per actor mention and per proper noun (unlisted names) */
    s->ncap = (uint32_t)doc->mentions.len + 1;
    for (uint32_t i = 0; i < s->n; i++) s->ncap += is_upos(s, i, LB_UPOS_PROPN);
    s->hcap = 64;
    while (s->hcap < 8 * s->ncap) s->hcap *= 2;
    s->ent = lb_arena_calloc(&doc->arena, s->ncap, sizeof *s->ent);
    s->hkey = lb_arena_calloc(&doc->arena, s->hcap, sizeof *s->hkey);
    s->hval = lb_arena_calloc(&doc->arena, s->hcap, sizeof *s->hval);
    doc->tok_ref = lb_arena_calloc(&doc->arena, s->n ? s->n : 1, sizeof *doc->tok_ref);
    if (!s->ent || !s->hkey || !s->hval || !doc->tok_ref) return -1;
    memset(doc->tok_ref, 0xff, (s->n ? s->n : 1) * sizeof *doc->tok_ref);   /* -1 */
    return 0;
}

int lb_discourse_run(lb_doc *doc)
{
    if (!doc->ctx->discourse || !doc->toks.len) return LB_OK;
    dstate s;
    memset(&s, 0, sizeof s);
    if (setup(&s, doc)) return lb_doc_fail(doc, LB_ENOMEM, "discourse: out of memory");
    const lb_mention *M = LB_MENTIONS(doc);
    size_t nm = doc->mentions.len, mi = 0;
    for (uint32_t i = 0; i < s.n;) {
        while (mi < nm && M[mi].tok0 < i) mi++;
        int took = 0;
        if (mi < nm && M[mi].tok0 == i) took = name_mention(&s, &M[mi++]);
        if (!took && doc->tok_ref[i] < 0) took = unlisted_name(&s, i, mi < nm ? M[mi].tok0 : s.n);
        if (!took && doc->tok_ref[i] < 0) took = anaphor(&s, i, mi, nm);
        if (took < 0) return lb_doc_fail(doc, LB_ENOMEM, "discourse: out of memory");
        i += took > 0 ? (uint32_t)took : 1;
    }
    return LB_OK;
}
