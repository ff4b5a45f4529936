/* qdirect.c: direct quotes: pairs quotation marks of every common style
 * („…“ “…” "…" »…« «…» ‘…’ '…'), including quotes that run to the end of a
 * paragraph and go on in the next one, tells quotes from scare quotes and
 * titles (length, attribution, object of a speech verb), and attributes each
 * quote (cue after: „…“, sagte X; cue before: X sagte: „…“; none: the
 * previous speaker goes on). It does not find indirect speech. */
#include "quotes/qint.h"
#include <string.h>

/* tok_cp's value for the doubled apostrophe '' (no code point of its own) */
#define Q_CP_TWO_APOS 0x110000

enum qfam { F_NONE, F_DE, F_EN, F_GR, F_GL, F_ASCII, F_SDE, F_SEN, F_SASCII, F_SGR, F_SGL };

/* the one-byte token i is the apostrophe or grave accent c */
static int byte_tok(const qdoc *q, uint32_t i, char c)
{
    return i < q->n && q->t[i].end == q->t[i].start + 1 && q->doc->text[q->t[i].start] == c;
}

/* A doubled mark starts at token i: two apostrophes ('' … '' in typewriter
 * text, the closing mark of ``…'') or two grave accents (``, the opening mark
 * of the TeX and Penn Treebank convention), one token or two glued ones; its
 * last token in *last. Not the second half of one. */
static int doubled(const qdoc *q, uint32_t i, uint32_t *last)
{
    const lb_tok *t = &q->t[i];
    const char *p = q->doc->text + t->start;
    if (t->end == t->start + 2 && p[0] == p[1] && (p[0] == '\'' || p[0] == '`')) { *last = i; return 1; }
    if (t->end != t->start + 1 || (p[0] != '\'' && p[0] != '`')) return 0;
    if (i > 0 && q->t[i - 1].end == t->start && byte_tok(q, i - 1, p[0])) return 0;
    if (i + 1 >= q->n || q->t[i + 1].start != t->end || !byte_tok(q, i + 1, p[0])) return 0;
    *last = i + 1;
    return 1;
}

/* the second token of a doubled mark made of two */
static int doubled_tail(const qdoc *q, uint32_t i)
{
    uint32_t l;
    return i > 0 && q->t[i - 1].end == q->t[i].start && doubled(q, i - 1, &l) && l == i;
}

static int32_t tok_cp(const qdoc *q, uint32_t i)
{
    const unsigned char *p = (const unsigned char *)q->doc->text + q->t[i].start;
    size_t n = q->t[i].end - q->t[i].start;
    uint32_t last;
    if ((p[0] == '\'' || p[0] == '`') && n <= 2) {
        if (doubled(q, i, &last)) return p[0] == '`' ? 0x201C : Q_CP_TWO_APOS;
        if (doubled_tail(q, i)) return -1;
    }
    if (n == 1) return p[0];
    if (n == 2 && (p[0] & 0xE0) == 0xC0) return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    if (n == 3 && (p[0] & 0xF0) == 0xE0) return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    return -1;
}

/* the family a mark opens (F_NONE: it cannot open) */
static int opens(int32_t cp)
{
    switch (cp) {
    case 0x201E: return F_DE;
    case 0x201C: return F_EN;
    case 0x00BB: return F_GR;
    case 0x00AB: return F_GL;
    case '"': case Q_CP_TWO_APOS: return F_ASCII;
    case 0x201A: return F_SDE;
    case 0x2018: return F_SEN;
    case '\'': return F_SASCII;
    case 0x203A: return F_SGR;
    case 0x2039: return F_SGL;
    default: return F_NONE;
    }
}

static int closes(int fam, int32_t cp)
{
    switch (fam) {
    case F_DE: return cp == 0x201C || cp == 0x201D || cp == '"';
    case F_EN: return cp == 0x201D || cp == 0x201C || cp == Q_CP_TWO_APOS;   /* some texts close with “; ``…'' */
    case F_GR: return cp == 0x00AB;
    case F_GL: return cp == 0x00BB;
    case F_ASCII: return cp == '"' || cp == Q_CP_TWO_APOS;
    case F_SDE: return cp == 0x2018 || cp == 0x2019;
    case F_SEN: return cp == 0x2019;
    case F_SASCII: return cp == '\'';
    case F_SGR: return cp == 0x2039;
    case F_SGL: return cp == 0x203A;
    default: return 0;
    }
}

static int single(int fam) { return fam >= F_SDE; }

/* an apostrophe: glued to letters (don't, Clinton’s) or after a plural s (Jones’ ) */
static int apostrophe(const qdoc *q, uint32_t i, int32_t cp)
{
    if (cp != '\'' && cp != 0x2019 && cp != 0x2018) return 0;
    const lb_tok *t = &q->t[i];
    int glued_before = i > 0 && q->t[i - 1].end == t->start && (q->t[i - 1].flags & (LB_TOK_WORD | LB_TOK_NUM));
    int glued_after = i + 1 < q->n && q->t[i + 1].start == t->end && (q->t[i + 1].flags & (LB_TOK_WORD | LB_TOK_NUM));
    if (glued_before && glued_after) return 1;
    if (glued_after && cp == 0x2019) return 1;              /* ’90s */
    return 0;
}

typedef struct qpair { uint32_t o, a, b, c; int closed; } qpair;   /* marks o, c; content tokens [a, b) */

/* marks o (content from a) and c (content up to b) */
static int push_pair(qdoc *q, lb_vec *v, uint32_t o, uint32_t a, uint32_t b, uint32_t c, int closed)
{
    if (b <= a) return 0;
    qpair *p = lb_vec_push(v, &q->doc->arena);
    if (!p) return -1;
    p->o = o; p->a = a; p->b = b; p->c = c; p->closed = closed;
    return 0;
}

/* the open and close abilities of a doubled mark [i, last], as the tokenizer
 * gives them to a straight double quote: `` only opens; '' opens after a space
 * and closes before one */
static uint32_t doubled_flags(const qdoc *q, uint32_t i, uint32_t last)
{
    const char *x = q->doc->text;
    if (x[q->t[i].start] == '`') return LB_TOK_QUOTE | LB_TOK_QOPEN;
    uint32_t s = q->t[i].start, e = q->t[last].end;
    int space_before = !s || strchr(" \t\r\n([{", x[s - 1]);
    int space_after = e >= q->doc->len || strchr(" \t\r\n", x[e]);
    if (space_before && !space_after) return LB_TOK_QUOTE | LB_TOK_QOPEN;
    if (!space_before && space_after) return LB_TOK_QUOTE | LB_TOK_QCLOSE;
    return LB_TOK_QUOTE | LB_TOK_QOPEN | LB_TOK_QCLOSE;
}

/* A line break inside a hard-wrapped paragraph: the next mark of the open
 * quote's style (within Q_CLAUSE tokens, before a blank line) closes it, and
 * the new line does not start with an opening mark of that style. */
static int wrapped(const qdoc *q, uint32_t i, int fam)
{
    if (q->t[i].flags & LB_TOK_PARA_BEFORE) return 0;
    for (uint32_t k = i; k < q->n && k < i + Q_CLAUSE; k++) {
        const lb_tok *t = &q->t[k];
        if (k > i && (t->flags & LB_TOK_PARA_BEFORE)) return 0;
        if (!(t->flags & LB_TOK_QUOTE)) continue;
        int32_t cp = tok_cp(q, k);
        if (k == i && opens(cp) == fam) return 0;          /* a continuation paragraph */
        if (closes(fam, cp) && (t->flags & LB_TOK_QCLOSE)) return !(t->flags & LB_TOK_QOPEN) || cp == '"' || cp == Q_CP_TWO_APOS;
        if (opens(cp) == fam && (t->flags & LB_TOK_QOPEN)) return 0;
    }
    return 0;
}

/* Pairs the marks; quotes end at a line break unless the paragraph is hard-wrapped. */
static int pair_marks(qdoc *q, lb_vec *out)
{
    int64_t o = -1, so = -1;     /* open outer / inner single quote */
    uint32_t oa = 0;             /* the first content token of the open quote */
    int fam = F_NONE, sfam = F_NONE;
    for (uint32_t i = 0; i < q->n; i++) {
        const lb_tok *t = &q->t[i];
        if (o >= 0 && (t->flags & LB_TOK_NL_BEFORE) && !wrapped(q, i, fam)) {
            /* the open quote ends with its line; a new opening mark of the same
             * style at the line start continues it (multi-paragraph quote) */
            /* single marks that never close are apostrophes ('90s), not quotes */
            if (!single(fam) && push_pair(q, out, (uint32_t)o, oa, i, i, 0)) return -1;
            o = -1; so = -1;
        }
        uint32_t fl = t->flags, last = i;
        if (!(fl & (LB_TOK_QUOTE | LB_TOK_PUNCT))) continue;       /* words: no text read */
        const char c0 = q->doc->text[t->start];
        if ((c0 == '\'' || c0 == '`') && t->end <= t->start + 2 && doubled(q, i, &last)) fl = doubled_flags(q, i, last);
        else if (!(fl & LB_TOK_QUOTE)) continue;
        int32_t cp = tok_cp(q, i);
        if (cp < 0 || apostrophe(q, i, cp)) continue;
        if (o >= 0) {
            if (so >= 0 && closes(sfam, cp) && (fl & LB_TOK_QCLOSE)) { so = -1; continue; }
            if (closes(fam, cp) && ((fl & LB_TOK_QCLOSE) || i > oa)) {
                if (push_pair(q, out, (uint32_t)o, oa, i, last, 1)) return -1;
                o = -1; so = -1;
                i = last;
                continue;
            }
            int f = opens(cp);
            if (f != F_NONE && single(f) && !single(fam) && (fl & LB_TOK_QOPEN)) { so = i; sfam = f; }
            continue;
        }
        int f = opens(cp);
        if (f != F_NONE && (fl & LB_TOK_QOPEN)) { o = i; oa = last + 1; fam = f; so = -1; i = last; }
    }
    if (o >= 0 && !single(fam) && push_pair(q, out, (uint32_t)o, oa, q->n, q->n, 0)) return -1;
    return 0;
}

static uint32_t sent_lo(const qdoc *q, uint32_t i) { return LB_SENTS(q->doc)[q->t[i].sent].tok0; }
static uint32_t sent_hi(const qdoc *q, uint32_t i)
{
    const lb_sent *s = &LB_SENTS(q->doc)[q->t[i].sent];
    return s->tok0 + s->ntok;
}

/* Attribution after the closing mark: „…“, sagte X / "…," X said / „…“, so X */
static int after(const qdoc *q, uint32_t c, qspk *sp, int32_t *cue)
{
    uint32_t j = c + 1;
    if (j >= q->n || (q->t[j].flags & LB_TOK_NL_BEFORE)) return 0;
    /* „Ein Satz.“ Ein neuer Satz: what follows is no attribution */
    /* (German also after ? and !, where an attribution takes a comma: „Wer?“, fragte er) */
    if (c > 0 && (q->t[c - 1].flags & LB_TOK_SENT_END) && q->t[c - 1].end - q->t[c - 1].start == 1 &&
        (q->doc->text[q->t[c - 1].start] == '.' ||
         (q->lang == QL_DE && (q->doc->text[q->t[c - 1].start] == '?' || q->doc->text[q->t[c - 1].start] == '!'))) &&
        (q->t[j].flags & LB_TOK_UPPER)) return 0;
    if (q_punct_is(q, j, ',') || (q->t[j].flags & LB_TOK_DASH)) j++;
    if (j >= q->n || (q->t[j].flags & LB_TOK_NL_BEFORE)) return 0;
    uint32_t hi = sent_hi(q, j);
    if (hi <= j) hi = q->n;
    uint32_t cls = q_cls(q, j);
    if (q_is_cue(q, j)) {
        *cue = (int32_t)j;
        *sp = q_np_forward(q, j + 1, hi);
        /* verb-final: "die sich als „…“ bezeichneten" */
        if (sp->s < 0) *sp = q_verb_subject(q, j, j == c + 1 ? sent_lo(q, c) : j, hi);
        /* „…“, heißt es in der Mitteilung des Ministeriums */
        if (sp->s < 0 || (q_cls(q, (uint32_t)sp->s) & QC_IMPERS) || (j + 1 < hi && (q_cls(q, j + 1) & QC_IMPERS)))
            *sp = q_sentence_source(q, j + 1, hi);
        if (sp->s < 0) *sp = q_impersonal_source(q, j, j, hi);   /* „…“, hieß es vom Abgeordneten X */
        return 1;
    }
    if (cls & (QC_SO | QC_PREP)) {
        uint32_t k = j + 1;
        if (k < hi && (q_cls(q, k) & QC_STOP) && (cls & QC_PREP) && q->t[k].norm_len <= 2) k++;   /* according to */
        *sp = q_np_forward(q, k, hi);
        if (sp->s >= 0) { *cue = (int32_t)j; return 1; }
        return 0;
    }
    /* subject first: "…," Tapper said / "…," the newspaper said / “…,” he added;
     * or a source further on: "…“, soll Xis Wortlaut … gewesen sein" */
    int commas = 0;
    for (uint32_t k = j + 1; k < hi && k < j + NPMAX_AFTER + (commas ? 12 : 0); k++) {
        if (q_punct_is(q, k, ',') && !commas && k > j + 1) { commas = 1; continue; }   /* "X, a retired astronaut, said" */
        if (q_punct_is(q, k, ',') && commas == 1 && q_is_cue(q, k + 1)) { commas = 2; continue; }
        if (!(q->t[k].flags & LB_TOK_WORD) && !(q->t[k].flags & LB_TOK_QUOTE)) break;
        if (q_is_cue(q, k)) {
            if (commas) {
                qspk s = q_np_forward(q, j, k);
                if (s.s != (int32_t)j) break;
                s.e = (int32_t)(q_punct_is(q, k - 1, ',') ? k - 1 : k);
                *sp = s; *cue = (int32_t)k;
                return 1;
            }
            qspk s = q_np_backward(q, k, j);
            if (s.s == (int32_t)j) { *sp = s; *cue = (int32_t)k; return 1; }
            break;
        }
        uint32_t kc = q_cls(q, k);
        if ((kc & QC_NOUN) && !(kc & QC_ROLE)) {
            const lb_tok *pt = &q->t[k - 1];
            if ((pt->flags & LB_TOK_UPPER) && pt->norm_len > 1 && lb_tok_norm(q->doc, pt)[pt->norm_len - 1] == 's' && !q_cls(q, k - 1)) {
                qspk s = { (int32_t)k - 1, (int32_t)k, (int32_t)k - 1, (int32_t)k };
                *sp = s; *cue = -1;
                return 1;
            }
        }
        if (kc & QC_POSTP) {
            qspk s = q_np_backward(q, k, j);
            if (s.s >= 0) { *sp = s; *cue = (int32_t)k; return 1; }
        }
    }
    return 0;
}

/* [a, b) is written in title case: most words capitalised, whatever the
 * language (German capitalises nouns: title() is title_case() for German
 * only with no sentence end inside) */
static int title_case(const qdoc *q, uint32_t a, uint32_t b)
{
    uint32_t words = 0, caps = 0;
    for (uint32_t i = a; i < b; i++) {
        if (!(q->t[i].flags & LB_TOK_WORD)) continue;
        words++;
        caps += (q->t[i].flags & LB_TOK_UPPER) != 0;
    }
    return words && caps * 10 >= words * 6;
}

/* German: unattributed quoted words (at least one) mostly capitalised and
 * without a sentence end are a title or a name ("2. Deutschen Klimakongress
 * der EnBW AG") */
static int title(const qdoc *q, uint32_t a, uint32_t b)
{
    if (q->lang != QL_DE) return 0;
    for (uint32_t i = a; i < b; i++) if (q->t[i].flags & LB_TOK_SENT_END) return 0;
    return title_case(q, a, b);
}

/* "als" or "von" right before the opening mark: the quote is what the speech
 * verb calls something (bezeichnete X als „…“, sprach von „…“) */
static int eval_prep(const qdoc *q, uint32_t i)
{
    const lb_tok *t = &q->t[i];
    const char *w = lb_tok_norm(q->doc, t);
    if (!(t->flags & LB_TOK_WORD)) return 0;
    if (t->norm_len == 3) return !memcmp(w, "als", 3) || !memcmp(w, "von", 3);
    return t->norm_len == sizeof "für" - 1 && !memcmp(w, "für", sizeof "für" - 1);
}

/* the preposition of an evaluation right before the mark, or before an
 * article before it (bezeichnete X als „…“, als den „…“, sprach von einem „…“,
 * hält X für „…“); 1 when there is one */
static int evaluative(const qdoc *q, uint32_t i)
{
    if (q->lang == QL_EN) return 0;
    if (eval_prep(q, i)) return 1;
    return i > 0 && (q_cls(q, i) & QC_DET) && !(q->t[i].flags & LB_TOK_UPPER) && eval_prep(q, i - 1);
}

/* "X sieht die Verantwortung beim Staat: „…“": a clause that a colon ends
 * (a main clause, or the main clause of a subordinate one) introduces the
 * quoted words of its subject, when that can speak (q_can_speak); active
 * clauses only (q_clause_subject) */
static int colon_subject(const qdoc *q, uint32_t colon, uint32_t lo, qspk *sp)
{
    const lb_doc *d = q->doc;
    if (colon <= lo || d->morph.len != q->n || !d->clauses.len) return 0;
    int32_t ci = LB_MORPH(d)[colon - 1].clause;
    if (ci < 0 || (size_t)ci >= d->clauses.len) return 0;
    const lb_clause *cl = &LB_CLAUSES(d)[ci];
    /* a subordinate clause before the colon: the main clause of a speech
     * verb introduces ("X garantierte, dass alle gleich behandelt werden:
     * „…“"), unless the clause's own verb is one of speech ("…, dass er
     * befindet: „…“") */
    for (int up = 0; up < 3 && cl->kind != LB_CL_MAIN && cl->parent >= 0 && (size_t)cl->parent < d->clauses.len; up++) {
        int32_t sv = cl->fin >= 0 ? cl->fin : cl->verb;
        if (sv >= 0 && (uint32_t)sv < q->n && q_is_cue(q, (uint32_t)sv)) break;
        const lb_clause *pc = &LB_CLAUSES(d)[cl->parent];
        int32_t pv = pc->fin >= 0 ? pc->fin : pc->verb;
        if (pv < 0 || (uint32_t)pv >= q->n || !q_is_cue(q, (uint32_t)pv)) break;
        cl = pc;
    }
    int32_t v = cl->fin >= 0 ? cl->fin : cl->verb;
    if (v < (int32_t)lo || v >= (int32_t)colon) return 0;
    qspk s;
    if (!q_clause_subject(q, (uint32_t)v, &s) || s.s < (int32_t)lo || s.e > (int32_t)colon) return 0;
    if (!q_can_speak(q, s)) return 0;
    *sp = s;
    return 1;
}

/* Attribution before the opening mark: X sagte: „…“ / sagte X: „…“ / X said, "…" */
static int before(const qdoc *q, uint32_t o, qspk *sp, int32_t *cue, int *object)
{
    if (o == 0) return 0;
    uint32_t lo = sent_lo(q, o);
    if (lo >= o) lo = o > 30 ? o - 30 : 0;
    uint32_t p = o - 1;
    *object = 0;
    if (q_punct_is(q, p, ':') || q_punct_is(q, p, ',')) {
        for (uint32_t k = p; k > lo && p - k < 16; k--) {
            uint32_t v = k - 1;
            if (q->t[v].flags & LB_TOK_QUOTE) break;
            if (q_is_cue(q, v)) {
                *cue = (int32_t)v;
                *sp = q_verb_subject(q, v, lo, p);
                /* "In dem Antrag heißt es wörtlich: „…“" */
                if (sp->s < 0 || (q_cls(q, (uint32_t)sp->s) & QC_IMPERS)) {
                    qspk src = q_sentence_source(q, lo, p);
                    if (src.s < 0) src = q_impersonal_source(q, v, lo, p);
                    if (src.s >= 0) *sp = src;
                }
                return 1;
            }
            if ((q_cls(q, v) & (QC_PREP | QC_SO)) && v + 1 < p) {   /* laut X: „…“ */
                *sp = q_np_forward(q, v + 1, p);
                if (sp->s >= 0) { *cue = (int32_t)v; return 1; }
            }
        }
        if (q_punct_is(q, p, ':')) {
            *sp = q_np_backward(q, p, lo);     /* "Putin: „…“" (the name opens its sentence) */
            if (sp->s >= 0 && sp->ns >= 0 && (q->lang == QL_EN || (uint32_t)sp->s == lo || (q->t[sp->s].flags & LB_TOK_NL_BEFORE))) { *cue = -1; return 1; }
            if (colon_subject(q, p, lo, sp)) { *cue = -1; return 1; }
        }
        return 0;
    }
    /* the quoted words are the object of a speech verb: lobte die „gute …“;
     * the complement of an evaluation: bezeichnete X als „…“, sprach von „…“ */
    int eval = o > lo && evaluative(q, o - 1);
    for (uint32_t k = o; k > lo && o - k < (eval ? 12u : 7u); k--) {
        uint32_t v = k - 1;
        if (!(q->t[v].flags & LB_TOK_WORD)) break;
        if (q_is_cue(q, v)) {
            *cue = (int32_t)v;
            *object = eval ? 2 : 1;
            *sp = q_verb_subject(q, v, lo, o);
            return 1;
        }
        if ((q_cls(q, v) & (QC_SUB | QC_CONJ | QC_AUX | QC_KONJ | QC_KONJ2)) && !(eval && v + 2 >= o)) break;
    }
    return 0;
}

static int konj_clause(const qdoc *q, uint32_t v)
{
    uint32_t lo = sent_lo(q, v);
    for (uint32_t k = v; k > lo && v - k < Q_SCAN; k--) {
        uint32_t a = k - 1;
        if (q->inq[a]) continue;
        if (q_punct_is(q, a, ',') || q_punct_is(q, a, ':') || (q->t[a].flags & LB_TOK_QUOTE)) break;
        if (q_konj(q, a)) return 1;
    }
    return 0;
}

/* a source phrase earlier in the sentence of a quote that opens at o credits
 * it: "Die Themen sind nach Angaben des Leiters „…“", "Laut Polizei ist die
 * Demonstration „weitgehend störungsfrei“ verlaufen" (GUIDELINES §3: laut X) */
static int source_before(const qdoc *q, uint32_t lo, uint32_t o, qspk *sp, int32_t *cue)
{
    for (uint32_t v = lo; v < o && o - v <= Q_SCAN; v++) {
        uint32_t ps, pe;
        qspk s;
        if (q->inq[v] || !(q_cls(q, v) & (QC_PREP | QC_POSTP | QC_SRCPREP))) continue;
        if (!q_source_phrase(q, v, lo, o, &s, &ps, &pe) || s.s < 0) continue;
        *sp = s;
        *cue = (int32_t)v;
        return 1;
    }
    return 0;
}

/* the token before the opening mark o is a common noun inside its sentence
 * (morphology layer): the quoted words are its name in apposition */
static int after_noun(const qdoc *q, uint32_t o)
{
    if (o == 0 || q->doc->morph.len != q->n || !q_same_sent(q, o - 1, o) || o - 1 == sent_lo(q, o)) return 0;
    return LB_MORPH(q->doc)[o - 1].upos == LB_UPOS_NOUN && (q->t[o - 1].flags & LB_TOK_UPPER);
}

/* a possessive 's right before the opening mark o (one token 's / ’s, or an
 * apostrophe and s): "NBC's “Meet the Press”", "Trump's “The Art of the Deal”"
 * - a title-case name after it is the title of the possessor's work */
static int after_possessive(const qdoc *q, uint32_t o)
{
    if (o < 2 || !q_same_sent(q, o - 1, o)) return 0;
    const lb_tok *t = &q->t[o - 1];
    const char *x = q->doc->text + t->start;
    size_t n = t->end - t->start;
    if (q_possessive_s(q, o - 1)) return q->t[o - 2].end == t->start;
    return n == 1 && x[0] == 's' && (q->t[o - 2].flags & LB_TOK_QUOTE) && q->t[o - 2].end == t->start;
}

/* a definite article right before the opening mark: "das „National Hurricane
 * Centre“ der USA", "der „New York Times“" (a title-case name; an indefinite
 * article introduces what was said: ein „Beispiel taktlosen Verhaltens“) */
static int after_article(const qdoc *q, uint32_t o)
{
    return o > 0 && q->lang == QL_DE && q_same_sent(q, o - 1, o) && (q_cls(q, o - 1) & QC_DET) && !(q_cls(q, o - 1) & QC_INDEF) &&
           !(q->t[o - 1].flags & LB_TOK_UPPER && o - 1 > sent_lo(q, o));
}

/* a quoted name right before a finite speech verb with no comma between
 * (German sets a comma after a quote before its attribution): the name is
 * (in) the verb's subject; it opens the sentence or follows an article or
 * preposition (not the "als"/"von" of an evaluation: als „…“ bezeichnete) */
static int subject_name(const qdoc *q, const qpair *p)
{
    if (!p->closed || p->c + 1 >= q->n || !q_is_cue(q, p->c + 1) || q->lang != QL_DE) return 0;
    uint32_t o = p->o;
    if (o == sent_lo(q, o) || o == 0) return 1;
    return (q_cls(q, o - 1) & QC_DET) || ((q_xcls(q, o - 1) & QX_ADP) && !eval_prep(q, o - 1));
}

/* a quote that opens its sentence without an attribution of its own, right
 * after a sentence whose speech verb has a subject that can speak and reports
 * no words of its own ("X verurteilte die Haltung der Regierung. „…“"): the
 * quote gives that speech act's words; 1 with the speaker and the cue */
static int prev_speech_act(const qdoc *q, uint32_t o, qspk *sp, int32_t *cue)
{
    uint32_t s = q->t[o].sent;
    if (s == 0 || (q->t[o].flags & LB_TOK_PARA_BEFORE)) return 0;
    const lb_sent *ps = &LB_SENTS(q->doc)[s - 1];
    uint32_t lo = ps->tok0, hi = ps->tok0 + ps->ntok;
    if (hi > o || hi - lo > Q_SCAN) return 0;
    for (uint32_t k = lo; k < hi; k++) if (q->inq[k] || (q->t[k].flags & LB_TOK_QUOTE)) return 0;   /* it quotes itself */
    for (uint32_t v = lo; v < hi; v++) {
        if (!q_is_cue(q, v) || q_negated(q, v, lo)) continue;
        /* the verb's own clause goes on after it: "sagte, dass …" reports by itself */
        for (uint32_t k = v + 1; k < hi; k++) if (q_punct_is(q, k, ',') || q_punct_is(q, k, ':') || (q_cls(q, k) & QC_CONJ)) return 0;
        qspk x = q_verb_subject(q, v, lo, hi);
        if (x.s < 0 || (q_cls(q, (uint32_t)x.s) & QC_IMPERS) || !q_can_speak(q, x)) return 0;
        /* a person or organisation the discourse layer knows, or a role noun */
        int who = 0;
        for (int32_t k = x.s; k < x.e && !who; k++) {
            const lb_entity *en = lb_entity_at(q->doc, (uint32_t)k);
            who = (en && (en->type == LB_MEN_PER || en->type == LB_MEN_ORG)) || q_is_role(q, (uint32_t)k);
        }
        if (!who) return 0;
        *sp = x; *cue = (int32_t)v;
        return 1;
    }
    return 0;
}

/* the words of [a, b) and the sentence ends among them */
static void count_words(const qdoc *q, uint32_t a, uint32_t b, uint32_t *words, uint32_t *sent_end)
{
    *words = *sent_end = 0;
    for (uint32_t i = a; i < b; i++) {
        if (q->t[i].flags & LB_TOK_WORD) (*words)++;
        if (q->t[i].flags & LB_TOK_SENT_END) (*sent_end)++;
    }
}

/* a lower-case word in [a, b) */
static int has_lower_word(const qdoc *q, uint32_t a, uint32_t b)
{
    int lower = 0;
    for (uint32_t i = a; i < b; i++) lower |= (q->t[i].flags & LB_TOK_WORD) && !(q->t[i].flags & LB_TOK_UPPER);
    return lower;
}

/* the quoted words [a, b) of p (words of them, sent_end sentence ends) name
 * something: a body, a work, a slogan or a title, not what was said */
static int quoted_name(const qdoc *q, const qpair *p, uint32_t a, uint32_t b, uint32_t words, uint32_t sent_end)
{
    /* a web address alone names a site or medium: laut „tagesschau.de“ */
    if (b == a + 1 && (q->t[a].flags & LB_TOK_URL)) return 1;
    /* the name of a body in apposition: die Zeitung „Yemen Observer“, der Sender „Channel 10“ */
    if (p->o > 0 && (q_xcls(q, p->o - 1) & (QX_BODY | QX_MEDIUM)) && !sent_end && words <= 4 && title(q, a, b)) return 1;
    /* the title of a work or a slogan: das Lied „…“, unter dem Motto „…“, das Buch „…“ */
    if (p->o > 0 && (q_xcls(q, p->o - 1) & QX_TITLENOUN) && q_same_sent(q, p->o - 1, p->o) && words <= 12) return 1;
    /* also after any common noun (im Fachmagazin „Public Library of Science“),
     * and a name that ends a noun phrase before its verb without a comma
     * (von der „Aktion Deutschland hilft“ sagte, „BBC News“ berichtet) */
    if (!sent_end && words >= 2 && words <= 4 && title(q, a, b) && (after_noun(q, p->o) || subject_name(q, p) || after_article(q, p->o))) return 1;
    /* the title of the possessor's work, either language: NBC's “Meet the Press” */
    return words <= 4 && after_possessive(q, p->o) && title_case(q, a, b);   /* also "NBC's "Meet the Press."" */
}

/* a long quote with no frame next to it: the speech verb earlier in its
 * sentence ("heißt es in einer Erklärung der X, dass die Nationen „…“"), else
 * a source phrase there; 1 with the speaker and the cue */
static int earlier_frame(const qdoc *q, uint32_t o, qspk *sp, int32_t *cue)
{
    int found = 0;
    uint32_t lo = sent_lo(q, o);
    for (uint32_t v = o; v > lo && o - v < Q_SCAN; v--) {
        if (q->t[v - 1].flags & LB_TOK_QUOTE) break;
        if (!q_is_cue(q, v - 1)) continue;
        *sp = q_verb_subject(q, v - 1, lo, o);
        if (sp->s < 0 || (q_cls(q, (uint32_t)sp->s) & QC_IMPERS)) *sp = q_sentence_source(q, lo, o);
        if (sp->s < 0) *sp = q_impersonal_source(q, v - 1, lo, o);   /* "In dem Antrag heißt es: „…“" */
        if (sp->s >= 0) { found = 1; *cue = (int32_t)v - 1; }
        break;
    }
    return found || source_before(q, lo, o, sp, cue);
}

/* the speaker and cue of the quote p (words long): the frame after it or
 * before it, else for a long quote one earlier in its sentence; 1 when found.
 * *object is 1 when the quote is the object of the cue, 2 when it is the
 * complement of an evaluation ("als „falsch“ zurückgewiesen") */
static int direct_frame(const qdoc *q, const qpair *p, uint32_t words, int line_start, qspk *sp, int32_t *cue, int *object)
{
    if (p->closed && after(q, p->c, sp, cue)) {
        if (*cue == (int32_t)p->c + 1 && p->o > 0 && evaluative(q, p->o - 1)) *object = 2;
        return 1;
    }
    qspk s2 = *sp;
    int32_t c2 = -1;
    if (before(q, p->o, &s2, &c2, object)) { *sp = s2; *cue = c2; return 1; }
    return !line_start && words >= Q_LONG_WORDS && earlier_frame(q, p->o, sp, cue);
}

/* the quoted words [a, b) of p are what was said (found: with a frame whose
 * object they are where object is set), not a title or a term */
static int is_speech(const qdoc *q, const qpair *p, uint32_t a, uint32_t b, uint32_t words, uint32_t sent_end, int found, int object,
                     int line_start)
{
    if (found && object) {
        /* "sagte X der „Süddeutschen Zeitung“": a title, not quoted words */
        int lower = has_lower_word(q, a, b);
        /* a title has a definite article; "nannte es einen „Putsch“" is what was said */
        int indef = p->o > 0 && (q_cls(q, p->o - 1) & QC_INDEF) && q->lang != QL_EN;
        return lower || words >= 3 || object == 2 || indef;
    }
    if (found) return words >= 2 || sent_end;
    return (words >= Q_LONG_WORDS && !title(q, a, b)) || (sent_end && words >= 3 && line_start);
}

/* appends the direct quote [a, b) of p: by the speaker of its frame, found,
 * or the speech act of the sentence before, or it continues the last
 * speaker's words; -1 when out of memory */
static int push_direct(qdoc *q, const qpair *p, uint32_t a, uint32_t b, int found, qspk sp, int32_t cue)
{
    lb_quote *qt = lb_vec_push(&q->doc->quotes, &q->doc->arena);
    if (!qt) return -1;
    q_quote_init(qt, q->t[a].start, q->t[b - 1].end, 0);
    if (found) q_attribute(q, qt, sp, cue);
    else if (!(p->o == sent_lo(q, p->o) && prev_speech_act(q, p->o, &sp, &cue) && (q_attribute(q, qt, sp, cue), 1)))
        qt->cue_start = Q_CONTINUES;
    return 0;
}

int q_direct(qdoc *q)
{
    lb_vec pairs;
    lb_vec_init(&pairs, sizeof(qpair));
    if (pair_marks(q, &pairs)) return -1;
    const qpair *ps = pairs.items;
    for (size_t k = 0; k < pairs.len; k++) {
        const qpair *p = &ps[k];
        uint32_t a = p->a, b = p->b;
        while (b > a && (q->t[b - 1].flags & LB_TOK_PUNCT) && !(q->t[b - 1].flags & LB_TOK_SENT_END) &&
               !(q->t[b - 1].flags & LB_TOK_QUOTE)) b--;   /* trailing comma */
        if (b <= a) continue;
        uint32_t words, sent_end;
        count_words(q, a, b, &words, &sent_end);
        if (!words || quoted_name(q, p, a, b, words, sent_end)) continue;
        qspk sp = { -1, -1, -1, -1 };
        int32_t cue = -1;
        int object = 0;
        for (uint32_t i = p->o; i <= p->c && i < q->n; i++) q->inq[i] = 1;
        int line_start = (q->t[p->o].flags & LB_TOK_NL_BEFORE) != 0;
        int found = direct_frame(q, p, words, line_start, &sp, &cue, &object);
        if (!is_speech(q, p, a, b, words, sent_end, found, object, line_start)) {
            for (uint32_t i = p->o; i <= p->c && i < q->n; i++) q->inq[i] = 0;
            continue;
        }
        /* "X und Y hätten über „…“ gesprochen": a Konjunktiv in the cue's own
         * clause reports someone else's words; the previous speaker goes on */
        if (found && cue >= 0 && konj_clause(q, (uint32_t)cue)) found = 0;
        if (push_direct(q, p, a, b, found, sp, cue)) return -1;
    }
    q->ndirect = q->doc->quotes.len;
    return 0;
}
