/* quotes.c: the quotes stage: loads the cue dictionaries (data/quotes/<lang>.cues
 * and the verb inventory de.speech via qlex.c), and runs the finders over a
 * document (qdirect.c, qindirect.c with qsource.c and qframes.c, qchain.c),
 * then orders the layer by position and resolves carried-over speakers. It does
 * not itself decide what is a quote or who spoke (qphrase.c, qclause.c, qattr.c). */
#include "quotes/quotes.h"
#include "quotes/qint.h"
#include "core/dictfile.h"
#include "text/text.h"
#include "ctx.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; uint32_t bit; } classes[] = {
    { "verb", QC_VERB }, { "noun", QC_NOUN }, { "prep", QC_PREP }, { "postp", QC_POSTP },
    { "so", QC_SO }, { "conj", QC_CONJ }, { "pron", QC_PRON }, { "role", QC_ROLE },
    { "det", QC_DET }, { "konj", QC_KONJ }, { "aux", QC_AUX }, { "sub", QC_SUB },
    { "time", QC_TIME }, { "sep", QC_SEP }, { "stop", QC_STOP }, { "coord", QC_COORD },
    { "of", QC_OF }, { "impers", QC_IMPERS }, { "as", QC_AS }, { "neg", QC_NEG }, { "konj2", QC_KONJ2 }, { "indef", QC_INDEF }, { "namepart", QC_NAMEPART },
    { "srcprep", QC_SRCPREP }, { "srcnoun", QC_SRCNOUN }, { "hearsay", QC_HEARSAY }, { "own", QC_OWN },
    { "genprep", QC_GENPREP }, { "masc", QC_MASC }, { "fem", QC_FEM } };

static const struct { const char *name; uint32_t bit; } xclasses[] = {
    { "adp", QX_ADP }, { "dat", QX_DAT }, { "anaph", QX_ANAPH }, { "adv", QX_ADV }, { "first", QX_FIRST }, { "rel", QX_REL }, { "report", QX_REPORT }, { "namelink", QX_NAMELINK }, { "body", QX_BODY }, { "group", QX_GROUP }, { "medium", QX_MEDIUM }, { "addressee", QX_ADDR }, { "link", QX_LINK }, { "pred", QX_PRED }, { "nom", QX_NOM }, { "ppart", QX_PPART }, { "srcconj", QX_SRCCONJ }, { "locsrc", QX_LOCSRC }, { "titlenoun", QX_TITLENOUN }, { "quoting", QX_QUOTING }, { "request", QX_REQUEST }, { "cnoun", QX_CNOUN }, { "cadj", QX_CADJ }, { "tverb", QX_TVERB }, { "oblart", QX_OBLART }, { "nommasc", QX_NOMMASC }, { "spokenpast", QX_SPOKENPAST }, { "modalpast", QX_MODALPAST }, { "esverb", QX_ESVERB }, { "textadv", QX_TEXTADV }, { "notsrc", QX_NOTSRC }, { "nosubj", QX_NOSUBJ } };

typedef struct { lb_wordset *words, *sep, *extra; } load_ctx;

static int add_word(lb_wordset *set, const char *w, size_t n, uint32_t bits, char *err, size_t errlen)
{
    char buf[LB_MAX_TOKEN_BYTES * 3];
    size_t m = lb_fold(buf, sizeof buf, w, n);
    if (!m) { snprintf(err, errlen, "word too long or empty: '%.*s'", (int)n, w); return 1; }
    uint32_t old = 0;
    lb_wordset_get(set, buf, m, &old);
    if (lb_wordset_put(set, buf, m, old | bits)) { snprintf(err, errlen, "out of memory"); return 1; }
    return 0;
}

static int load_line(const lb_dict_line *l, void *user, char *err, size_t errlen)
{
    load_ctx *lc = user;
    if (l->nfields != 2) { snprintf(err, errlen, "expected CLASS<TAB>forms, got %zu fields", l->nfields); return 1; }
    uint32_t bit = 0;
    lb_wordset *set = lc->words;
    for (size_t k = 0; k < sizeof classes / sizeof classes[0]; k++)
        if (!strcmp(l->field[0], classes[k].name)) bit = classes[k].bit;
    for (size_t k = 0; k < sizeof xclasses / sizeof xclasses[0]; k++)
        if (!strcmp(l->field[0], xclasses[k].name)) { bit = xclasses[k].bit; set = lc->extra; }
    if (!bit) { snprintf(err, errlen, "unknown class '%s'", l->field[0]); return 1; }
    const char *p = l->field[1], *end = p + l->flen[1], *w;
    for (size_t n; (n = lb_dict_next_word(&p, end, &w));) {
        if (bit == QC_SEP && set == lc->words) {
            const char *colon = memchr(w, ':', n);
            if (!colon || colon == w || colon + 1 == p) { snprintf(err, errlen, "sep form must be verb:particle, not '%.*s'", (int)n, w); return 1; }
            char key[2 * LB_MAX_TOKEN_BYTES + 2];
            size_t vl = (size_t)(colon - w), pl = n - vl - 1;
            if (vl + pl + 1 >= sizeof key) { snprintf(err, errlen, "sep form too long"); return 1; }
            if (add_word(lc->words, w, vl, QC_SEP, err, errlen)) return 1;
            /* key "verb particle", both folded */
            char fv[LB_MAX_TOKEN_BYTES * 3], fp[LB_MAX_TOKEN_BYTES * 3];
            size_t a = lb_fold(fv, sizeof fv, w, vl), b = lb_fold(fp, sizeof fp, colon + 1, pl);
            if (!a || !b || a + b + 1 > sizeof key) { snprintf(err, errlen, "bad sep form '%.*s'", (int)n, w); return 1; }
            memcpy(key, fv, a); key[a] = ' '; memcpy(key + a + 1, fp, b);
            if (lb_wordset_put(lc->sep, key, a + b + 1, 1)) { snprintf(err, errlen, "out of memory"); return 1; }
        } else if (add_word(set, w, n, bit, err, errlen)) return 1;
    }
    return 0;
}

int lb_quotes_load(struct lb_quote_rules **out, const char *dir, char *err, size_t errlen)
{
    *out = NULL;
    struct lb_quote_rules *r = calloc(1, sizeof *r);
    if (!r) return LB_ENOMEM;
    static const char *const files[QL_N] = { "de.cues", "en.cues" };
    for (int k = 0; k < QL_N; k++) { lb_wordset_init(&r->words[k]); lb_wordset_init(&r->sep[k]); lb_wordset_init(&r->extra[k]); }
    for (int k = 0; k < QL_N; k++) {
        char path[4096];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, files[k]) >= sizeof path) {
            snprintf(err, errlen, "%s: path too long", dir);
            lb_quotes_free(r);
            return LB_EUSAGE;
        }
        load_ctx lc = { &r->words[k], &r->sep[k], &r->extra[k] };
        int rc = lb_dict_read(path, load_line, &lc, err, errlen);
        if (!rc && k == QL_DE) {
            /* the speech verb inventory, conjugated (qlex.c) */
            snprintf(path, sizeof path, "%s/de.speech", dir);
            rc = q_load_speech(&r->words[k], &r->sep[k], path, err, errlen);
        }
        if (rc) { lb_quotes_free(r); return rc; }
    }
    for (int k = 0; k < QL_N; k++)
        if (lb_sigindex_build(&r->words_ix[k], &r->words[k]) || lb_sigindex_build(&r->sep_ix[k], &r->sep[k]) ||
            lb_sigindex_build(&r->extra_ix[k], &r->extra[k])) {
            snprintf(err, errlen, "out of memory");
            lb_quotes_free(r);
            return LB_ENOMEM;
        }
    *out = r;
    return LB_OK;
}

void lb_quotes_free(struct lb_quote_rules *r)
{
    if (!r) return;
    for (int k = 0; k < QL_N; k++) {
        lb_sigindex_free(&r->words_ix[k]); lb_sigindex_free(&r->sep_ix[k]); lb_sigindex_free(&r->extra_ix[k]);
        lb_wordset_fini(&r->words[k]); lb_wordset_fini(&r->sep[k]); lb_wordset_fini(&r->extra[k]);
    }
    free(r);
}

/* ---- token helpers shared by the stage's files */


static uint32_t lookup_cls(const qdoc *q, uint32_t i)
{
    if (i >= q->n || !(q->t[i].flags & LB_TOK_WORD)) return 0;
    const char *w = lb_tok_norm(q->doc, &q->t[i]);
    size_t n = q->t[i].norm_len;
    uint32_t v = 0, all = 0;
    if (q->lang >= 0) return lb_sigindex_get(&q->rules->words_ix[q->lang], w, n, &v) ? v : 0;
    for (int k = 0; k < QL_N; k++)   /* language unknown: all of them */
        if (lb_sigindex_get(&q->rules->words_ix[k], w, n, &v)) all |= v;
    return all;
}

/* marks a token's QX_* classes in qdoc.xcls as looked up */
#define Q_XDONE ((uint64_t)1 << 32)

uint32_t q_xcls(const qdoc *q, uint32_t i)
{
    if (i >= q->n || !(q->t[i].flags & LB_TOK_WORD)) return 0;
    if (q->xcls[i]) return (uint32_t)q->xcls[i];
    const char *w = lb_tok_norm(q->doc, &q->t[i]);
    uint32_t v = 0, all = 0;
    for (int k = 0; k < QL_N; k++) {
        if (q->lang >= 0 && q->lang != k) continue;
        if (lb_sigindex_get(&q->rules->extra_ix[k], w, q->t[i].norm_len, &v)) all |= v;
    }
    q->xcls[i] = all | Q_XDONE;
    return all;
}

/* the finite verb v and the word p are a separable verb of the cue list */
static int sep_pair(const qdoc *q, const lb_tok *v, const lb_tok *p)
{
    char key[2 * LB_MAX_TOKEN_BYTES * 3 + 2];
    if (!(p->flags & LB_TOK_WORD) || v->norm_len + p->norm_len + 1 > sizeof key) return 0;
    memcpy(key, lb_tok_norm(q->doc, v), v->norm_len);
    key[v->norm_len] = ' ';
    memcpy(key + v->norm_len + 1, lb_tok_norm(q->doc, p), p->norm_len);
    for (int k = 0; k < QL_N; k++) {
        if (q->lang >= 0 && q->lang != k) continue;
        if (lb_sigindex_get(&q->rules->sep_ix[k], key, v->norm_len + 1 + p->norm_len, NULL)) return 1;
    }
    return 0;
}

int q_sep_ok(const qdoc *q, uint32_t i) { return q_sep_particle(q, i) != 0; }

uint32_t q_sep_particle(const qdoc *q, uint32_t i)
{
    const lb_tok *v = &q->t[i];
    /* German verb-final clause in the older spelling: "wie X bekannt gab" */
    if (q->lang != QL_EN && i > 0 && q->t[i - 1].sent == v->sent && !(q->t[i - 1].flags & LB_TOK_UPPER) &&
        sep_pair(q, v, &q->t[i - 1])) return i - 1;
    int commas = 0;
    for (uint32_t j = i + 1; j < q->n && j < i + 16; j++) {
        const lb_tok *p = &q->t[j];
        if (p->sent != v->sent || (p->flags & LB_TOK_SENT_END)) break;
        if (p->flags & LB_TOK_QUOTE) { if (q->lang == QL_EN) break; continue; }   /* wies X als „haltlos“ zurück */
        if (q_punct_is(q, j, ':')) break;
        /* past an apposition: "gab der Leiter, Andreas Huber, bekannt, dass" (the
         * particle then ends the clause) */
        if (q_punct_is(q, j, ',')) { if (q->lang == QL_EN || ++commas > 2) break; continue; }
        if (j >= i + 12 && !commas) break;
        if (!sep_pair(q, v, p)) continue;
        if (!commas || j + 1 >= q->n || q_punct_is(q, j + 1, ',') || q_punct_is(q, j + 1, ':') ||
            (q->t[j + 1].flags & LB_TOK_SENT_END) || q_punct_is(q, j + 1, '.')) return j;
    }
    return 0;
}

/* English: the tagger takes token i for a common noun, and its neighbours
 * agree (a finite verb follows no adjective, numeral or preposition, and
 * does not stand before a common noun as its modifier); not in a title-case
 * headline */
static int noun_in_context(const qdoc *q, uint32_t i)
{
    if (q->doc->morph.len != q->n || LB_MORPH(q->doc)[i].upos != LB_UPOS_NOUN || q_title_case(q, i)) return 0;
    /* a speech noun with its clause reports speech all the same ("a report that …") */
    if (i + 1 < q->n && (q_cls(q, i + 1) & QC_CONJ)) return 0;
    if (i > 0 && q_same_sent(q, i - 1, i)) {
        uint8_t p = LB_MORPH(q->doc)[i - 1].upos;
        if (p == LB_UPOS_ADJ || p == LB_UPOS_NUM || p == LB_UPOS_ADP) return 1;
    }
    return i + 1 < q->n && q_same_sent(q, i, i + 1) && LB_MORPH(q->doc)[i + 1].upos == LB_UPOS_NOUN &&
           !(q->t[i + 1].flags & LB_TOK_UPPER);
}

/* The impersonal subject (es, it) right after verb i or before it in its
 * clause: "heißt es", "wie es in der Erklärung heißt". */
static int impersonal_subject(const qdoc *q, uint32_t i)
{
    if (i + 1 < q->n && q_same_sent(q, i, i + 1) && (q_cls(q, i + 1) & QC_IMPERS)) return 1;
    for (uint32_t k = i; k > 0 && q_same_sent(q, k - 1, i) && !(q->t[k - 1].flags & LB_TOK_PUNCT); k--)
        if (q_cls(q, k - 1) & QC_IMPERS) return 1;
    return 0;
}

int q_cue_check(const qdoc *q, uint32_t i)
{
    uint32_t c = q_cls(q, i);
    if (q->lang == QL_DE && (q->t[i].flags & LB_TOK_UPPER) && i != LB_SENTS(q->doc)[q->t[i].sent].tok0 &&
        !(i > 0 && (q->t[i - 1].flags & LB_TOK_QUOTE))) return 0;
    /* English: a form after an article or possessive is a noun ("the remarks", "his claims") */
    if (q->lang == QL_EN && i > 0 && q_same_sent(q, i - 1, i) && (q_cls(q, i - 1) & QC_DET) &&
        !(q_cls(q, i - 1) & (QC_CONJ | QC_PRON))) return 0;
    /* English: a word the tagger takes for a proper name is none ("Hope Hicks said") */
    if (q->lang == QL_EN && q->doc->morph.len == q->n && LB_MORPH(q->doc)[i].upos == LB_UPOS_PROPN &&
        (q->t[i].flags & LB_TOK_UPPER) && !q_title_case(q, i)) return 0;
    /* English: nor is a form the tagger takes for a common noun where the words
     * around agree: after an adjective, numeral or preposition, or before a
     * noun ("Other states limit", "in seven states", "state parties") */
    if (q->lang == QL_EN && noun_in_context(q, i)) return 0;
    if ((q_xcls(q, i) & QX_ESVERB) && !impersonal_subject(q, i)) return 0;
    if (c & QC_VERB) return 1;
    return (c & QC_SEP) && q_sep_ok(q, i);
}

/* qdoc.menmax: prefix maxima of mention ends, when mentions ascend by start
 * (lets q_has_mention answer with one binary search instead of a scan) */
static void mention_max_ends(qdoc *q)
{
    const lb_doc *doc = q->doc;
    size_t n = doc->mentions.len;
    const lb_mention *M = LB_MENTIONS(doc);
    for (size_t k = 1; k < n; k++) if (M[k].start < M[k - 1].start) return;
    uint32_t *mx = n ? lb_arena_calloc(&q->doc->arena, n, sizeof *mx) : NULL;
    if (!mx) return;
    for (size_t k = 0; k < n; k++) mx[k] = k && mx[k - 1] > M[k].end ? mx[k - 1] : M[k].end;
    q->menmax = mx;
    q->nmenmax = n;
}

static int cmp_quote(const void *a, const void *b)
{
    const lb_quote *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->end < y->end ? -1 : x->end > y->end);
}

/* GUIDELINES §3: quoted words inside someone's reported clause ("sagte, es
 * müsse Schluss sein mit „…“") are part of that indirect quote, not a direct
 * quote of their own (only a quoted object of the speech verb is). Quotes
 * are in text order (start, then end): one pass with the farthest end of
 * the indirect quotes begun so far. */
static void drop_enclosed_direct(lb_doc *doc)
{
    lb_quote *qs = LB_QUOTES(doc);
    size_t n = doc->quotes.len, w = 0, i = 0;
    uint32_t reach = 0;
    int any = 0;
    while (i < n) {
        size_t j = i;                       /* the quotes that start where qs[i] does */
        for (; j < n && qs[j].start == qs[i].start; j++)
            if (qs[j].indirect && (!any || qs[j].end > reach)) { reach = qs[j].end; any = 1; }
        for (size_t k = i; k < j; k++)
            if (qs[k].indirect || !any || reach < qs[k].end) qs[w++] = qs[k];
        i = j;
    }
    doc->quotes.len = w;
}

/* the speaker span [a, b) (bytes) is one first-person pronoun */
static int first_person_at(const qdoc *q, int32_t a, int32_t b)
{
    uint32_t k = q_tok_after(q, (uint32_t)a);
    return k < q->n && q->t[k].start == (uint32_t)a && q->t[k].end == (uint32_t)b && (q_xcls(q, k) & QX_FIRST);
}

/* A quote whose speaker is a first-person pronoun (ich, wir) inside someone
 * else's quote is that speaker's: an interview answer without quotation
 * marks ("Anna Berger: … Wir haben gesagt, dass …"), unmarked speech before
 * "…, sagte X" (GUIDELINES §3: the person the article credits). Quotes are in
 * text order: an enclosing one starts no later. */
static void first_person_inside(const qdoc *q)
{
    lb_quote *qs = LB_QUOTES(q->doc);
    size_t n = q->doc->quotes.len;
    for (size_t i = 0; i < n; i++) {
        lb_quote *qt = &qs[i];
        if (qt->speaker_start < 0 || !first_person_at(q, qt->speaker_start, qt->speaker_end)) continue;
        for (size_t k = i; k-- > 0 && i - k <= Q_RESOLVE_BACK;) {
            const lb_quote *o = &qs[k];
            if (o->end < qt->end || !o->speaker_name || o->speaker_start < 0 ||
                first_person_at(q, o->speaker_start, o->speaker_end)) continue;
            q_take_speaker(qt, o);
            break;
        }
    }
}

/* In text order: continuation quotes take the speaker of the quote before
 * them; pronoun and role-noun speakers take the nearest earlier named one. */
static void resolve(lb_doc *doc)
{
    lb_quote *qs = LB_QUOTES(doc);
    for (size_t i = 0; i < doc->quotes.len; i++) {
        lb_quote *qt = &qs[i];
        if (qt->cue_start == Q_CONTINUES) {
            qt->cue_start = qt->cue_end = -1;
            for (size_t k = i; k-- > 0;) {
                const lb_quote *o = &qs[k];
                /* quoted words inside someone's reported clause are theirs */
                int said = o->speaker_name || o->speaker_start >= 0;
                int encloses = o->indirect && o->start <= qt->start && o->end >= qt->end && said;
                if (o->end > qt->start && !encloses) continue;
                if ((encloses || qt->start - o->end <= Q_CONTINUE_BYTES) && said) q_take_speaker(qt, o);
                break;
            }
        } else if (qt->speaker_start >= 0 && !qt->speaker_name) {
            const lb_quote *best = NULL;
            size_t k0 = i > Q_RESOLVE_BACK ? i - Q_RESOLVE_BACK : 0;
            size_t k1 = i + Q_RESOLVE_BACK < doc->quotes.len ? i + Q_RESOLVE_BACK : doc->quotes.len;
            for (size_t k = k0; k < k1; k++) {
                const lb_quote *o = &qs[k];
                if (o == qt || !o->speaker_name || o->speaker_start < 0 || o->speaker_start >= qt->speaker_start) continue;
                if (!best || o->speaker_start > best->speaker_start) best = o;
            }
            if (best) { qt->speaker_name = best->speaker_name; qt->speaker_actor = best->speaker_actor; }
        }
    }
}

int lb_quotes_run(lb_doc *doc)
{
    const struct lb_quote_rules *r = doc->ctx->quotes;
    if (!r || !doc->toks.len) return LB_OK;
    qdoc q = { .doc = doc, .rules = r, .t = LB_TOKS(doc), .n = (uint32_t)doc->toks.len };
    q.lang = !strcmp(doc->lang, "de") ? QL_DE : !strcmp(doc->lang, "en") ? QL_EN : -1;
    q.inq = lb_arena_calloc(&doc->arena, q.n, 1);
    q.cls = lb_arena_calloc(&doc->arena, q.n, sizeof *q.cls);
    q.xcls = lb_arena_calloc(&doc->arena, q.n, sizeof *q.xcls);
    if (!q.inq || !q.cls || !q.xcls) return lb_doc_fail(doc, LB_ENOMEM, "quotes: out of memory");
    mention_max_ends(&q);
    const lb_sent *ss = LB_SENTS(doc);
    for (uint32_t i = 0; i < q.n; i++) {
        q.cls[i] = lookup_cls(&q, i);
        /* German: a capitalised verb form inside a sentence is a noun (Angaben,
         * Zusagen, Hinweisen); at its start too when the noun is listed */
        if (q.lang == QL_DE && (q.t[i].flags & LB_TOK_UPPER) && (q.cls[i] & (QC_VERB | QC_SEP)) &&
            (ss[q.t[i].sent].tok0 != i || (q.cls[i] & (QC_NOUN | QC_SRCNOUN | QC_ROLE))) &&
            !(i > 0 && (q.t[i - 1].flags & LB_TOK_QUOTE)))
            q.cls[i] &= ~(uint32_t)(QC_VERB | QC_SEP);
    }
    int rc = q_direct(&q);
    if (!rc) rc = q_indirect(&q);
    if (!rc) rc = q_chain(&q);
    if (!rc) rc = q_bare(&q);
    if (!rc) rc = q_interview(&q);
    if (rc) return lb_doc_fail(doc, LB_ENOMEM, "quotes: out of memory");
    if (doc->quotes.len > 1) qsort(doc->quotes.items, doc->quotes.len, sizeof(lb_quote), cmp_quote);
    resolve(doc);
    first_person_inside(&q);
    drop_enclosed_direct(doc);
    return LB_OK;
}
