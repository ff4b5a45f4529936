/* qframes.c: attribution frames around a speech verb beyond the plain
 * "X sagte, …": adjuncts in any order between the verb and its speaker
 * ("sagte am Samstag in Genf dem Sender Y der Minister"), the anaphoric frame
 * "… . Das bestätigte ein Sprecher." and the as-frame "Wie X mitteilte, …" /
 * "…, wie X berichtete." They find the speaker and the cue; qindirect.c
 * decides the quote's span. */
#include "quotes/qint.h"
#include <string.h>

static int word(const qdoc *q, uint32_t i) { return i < q->n && (q->t[i].flags & LB_TOK_WORD); }

/* past a date or number after a preposition: "am 12. September", "seit 2005" */
static uint32_t skip_numeric(const qdoc *q, uint32_t k, uint32_t b)
{
    uint32_t s = k;
    while (k < b && k < s + 4 && ((q->t[k].flags & LB_TOK_NUM) || q_punct_is(q, k, '.') || (q_cls(q, k) & QC_TIME))) k++;
    return k;
}

/* the noun phrase of a preposition or a dative article starting at k; its end */
static uint32_t object_np(const qdoc *q, uint32_t k, uint32_t b)
{
    uint32_t n = skip_numeric(q, k, b);
    if (n > k) return n;
    if (k < b && (q->t[k].flags & LB_TOK_QUOTE)) {          /* dem „Spiegel“ */
        uint32_t e = k + 1;
        while (e < b && e < k + 6 && !(q->t[e].flags & LB_TOK_QUOTE)) e++;
        return e < b ? e + 1 : k;
    }
    /* a bare name takes no genitive: "in Genf der Gesandte X" */
    if (k < b && (q->t[k].flags & LB_TOK_UPPER) && word(q, k) && !(q_cls(q, k) & (QC_DET | QC_STOP))) {
        uint32_t e = k;
        while (e < b && e < k + 4 && (q->t[e].flags & LB_TOK_UPPER) && word(q, e) && !(q_cls(q, e) & (QC_DET | QC_STOP))) e++;
        return e;
    }
    qspk p;
    if (q_loose_np(q, k, b, &p)) return (uint32_t)p.e;
    qspk f = q_np_forward(q, k, b);
    return f.s >= 0 ? (uint32_t)f.e : k;
}

size_t q_mention_from(const qdoc *q, uint32_t s, int *sorted)
{
    const lb_mention *M = LB_MENTIONS(q->doc);
    size_t lo = 0, hi = q->doc->mentions.len;
    *sorted = q->menmax && q->nmenmax == hi;
    if (!*sorted) return 0;
    while (lo < hi) { size_t mid = lo + (hi - lo) / 2; if (M[mid].start < s) lo = mid + 1; else hi = mid; }
    return lo;
}

const lb_mention *q_mention_starting_in(const qdoc *q, uint32_t a, uint32_t b, int (*ok)(const lb_mention *))
{
    if (a >= b) return NULL;
    const lb_mention *M = LB_MENTIONS(q->doc);
    uint32_t s = q->t[a].start, e = q->t[b - 1].end;
    int sorted;
    for (size_t k = q_mention_from(q, s, &sorted); k < q->doc->mentions.len; k++) {
        if (sorted && M[k].start >= e) break;
        if (M[k].start >= s && M[k].start < e && ok(&M[k])) return &M[k];
    }
    return NULL;
}

int q_medium_mention(const lb_mention *m) { return m->actor.sector && !strcmp(m->actor.sector, "MED"); }

/* the end of a medium's name (an actor mention of sector MED) that starts
 * at token k, else k: named without an article after the speaker and apart
 * from it, it is the addressee of the speech verb ("sagte Münch dazu Spiegel
 * online", "sagte er ZDF"; right after a noun it is that noun's name: "die
 * Nachrichtenagentur dpa") */
static uint32_t medium_at(const qdoc *q, uint32_t k)
{
    const lb_mention *M = LB_MENTIONS(q->doc);
    uint32_t s = q->t[k].start;
    int sorted;
    for (size_t i = q_mention_from(q, s, &sorted); i < q->doc->mentions.len; i++) {
        if (sorted && M[i].start > s) break;
        if (M[i].tok0 == k && M[i].ntok && q_medium_mention(&M[i])) return M[i].tok0 + M[i].ntok;
    }
    return k;
}

int q_adjuncts(const qdoc *q, uint32_t a, uint32_t b, qspk *sp)
{
    sp->s = sp->e = sp->ns = sp->ne = -1;
    uint32_t k = a;
    while (k < b) {
        const lb_tok *t = &q->t[k];
        if (t->flags & LB_TOK_BRACKET_OPEN) {
            while (k < b && !(q->t[k].flags & LB_TOK_BRACKET_CLOSE)) k++;
            k++;
            continue;
        }
        if (t->flags & LB_TOK_QUOTE) {
            /* a quoted name: dem „Spiegel“, „heise online“ */
            uint32_t e = k + 1;
            while (e < b && e < k + 7 && !(q->t[e].flags & LB_TOK_QUOTE)) e++;
            if (e >= b || e == k + 1) return 0;
            if (sp->s < 0 && (k == a || !(q_xcls(q, k - 1) & (QX_ADP | QX_DAT)))) {
                sp->s = (int32_t)k; sp->e = (int32_t)e + 1; sp->ns = (int32_t)k + 1; sp->ne = (int32_t)e;
            }
            k = e + 1;
            continue;
        }
        if (!word(q, k)) return 0;
        uint32_t x = q_xcls(q, k), c = q_cls(q, k);
        if (x & QX_ADP) {
            if (k + 1 == b) { k++; continue; }      /* a separable particle: "teilte auch mit," */
            uint32_t e = object_np(q, k + 1, b);
            if (e == k + 1) return 0;
            k = e;
            continue;
        }
        /* a dative article, or a second phrase after the subject: "der Zeitung" */
        if ((x & QX_DAT) || (sp->s >= 0 && (c & QC_DET))) {
            uint32_t e = object_np(q, k + 1, b);
            if (e == k + 1) return 0;
            k = e;
            continue;
        }
        if ((x & QX_ADV) || (c & QC_TIME) || (t->flags & LB_TOK_NUM)) { k++; continue; }
        /* a time adjunct with a determiner: "this week", "that morning" */
        if ((c & QC_DET) && k + 1 < b && (q_cls(q, k + 1) & QC_TIME)) { k += 2; continue; }
        if (sp->s >= 0) {
            uint32_t e = k > (uint32_t)sp->e || (q_cls(q, (uint32_t)sp->s) & QC_PRON) ? medium_at(q, k) : k;
            if (e == k || e > b) return 0;
            k = e;
            continue;
        }
        qspk p = q_np_forward(q, k, b);
        if (p.s < 0 && !q_loose_np(q, k, b, &p)) return 0;
        if (p.e <= (int32_t)k) return 0;
        *sp = p;
        k = (uint32_t)p.e;
    }
    return 1;
}

qspk q_subject_after(const qdoc *q, uint32_t v, uint32_t hi)
{
    uint32_t k = v + 1;
    while (k < hi && k < v + 12 && word(q, k)) {
        uint32_t x = q_xcls(q, k);
        if ((x & QX_ADV) || (q_cls(q, k) & QC_TIME)) { k++; continue; }
        if (!(x & QX_ADP) || (q_cls(q, k) & QC_PRON)) break;
        uint32_t e = object_np(q, k + 1, hi);
        if (e == k + 1) break;
        k = e;
    }
    return q_np_forward(q, k, hi);
}

int q_has_mention(const qdoc *q, qspk sp)
{
    uint32_t s = q->t[sp.s].start, e = q->t[sp.e - 1].end;
    int sorted;
    size_t lo = q_mention_from(q, e, &sorted);
    /* (sorted: the mentions before the first one starting at e, any ending after s) */
    if (sorted) return lo > 0 && q->menmax[lo - 1] > s;
    for (size_t k = 0; k < q->doc->mentions.len; k++) {      /* (in no order) */
        const lb_mention *m = &LB_MENTIONS(q->doc)[k];
        if (m->start < e && m->end > s) return 1;
    }
    return 0;
}

/* the phrase can speak: a pronoun, a role noun, an actor, or a name without
 * an adjective before it ("die hohen Preise" is none) */
int q_can_speak(const qdoc *q, qspk sp)
{
    if (q_cls(q, (uint32_t)sp.s) & QC_PRON) return 1;
    for (int32_t k = sp.s; k < sp.e; k++) if (q_is_role(q, (uint32_t)k)) return 1;
    if (q_has_mention(q, sp)) return 1;
    if (sp.ns < 0) return 0;
    for (int32_t k = sp.s; k < sp.ns; k++)
        if (word(q, (uint32_t)k) && !(q->t[k].flags & LB_TOK_UPPER) && !(q_cls(q, (uint32_t)k) & QC_DET)) return 0;
    return 1;
}

static uint32_t trim(const qdoc *q, uint32_t a, uint32_t b)
{
    while (b > a && (q->t[b - 1].flags & LB_TOK_PUNCT) && !(q->t[b - 1].flags & LB_TOK_BRACKET_CLOSE)) b--;
    return b;
}

/* a role phrase named by an apposition, also past the rest of a body's name
 * that the phrase left out: "der Sprecher der Kommission für Menschenrechte
 * und Nationale Versöhnung (CCDHRN), Elizardo Sanchez," */
static void appos_after_body(const qdoc *q, qspk *sp)
{
    if (q_apposition(q, sp)) return;
    qspk x = *sp;
    uint32_t k = (uint32_t)x.e;
    while (k < q->n && k < (uint32_t)x.e + 8 && q_same_sent(q, (uint32_t)x.s, k) && !q->inq[k]) {
        if (q->t[k].flags & LB_TOK_BRACKET_OPEN) {
            if (k + 2 < q->n && (q->t[k + 2].flags & LB_TOK_BRACKET_CLOSE)) k += 3;
            break;
        }
        if (!word(q, k) || !((q->t[k].flags & LB_TOK_UPPER) || (q_cls(q, k) & QC_COORD) || (q_xcls(q, k) & QX_NAMELINK))) break;
        k++;
    }
    if (k == (uint32_t)x.e || !q_punct_is(q, k, ',')) return;
    x.e = (int32_t)k;
    if (q_apposition(q, &x)) *sp = x;
}

int q_anaphoric_frame(const qdoc *q, uint32_t lo, uint32_t hi, qspk *sp, uint32_t *cue)
{
    if (q->lang == QL_EN || lo + 2 >= hi || !(q_xcls(q, lo) & QX_ANAPH)) return 0;
    uint32_t v = lo + 1;
    if (!q_is_cue(q, v)) return 0;
    uint32_t e = trim(q, v + 1, hi);
    /* a separable particle at the end: "Das teilte die Polizei mit." */
    if (e > v + 1 && (q_cls(q, v) & QC_SEP) && ((q_xcls(q, e - 1) & QX_ADP) || q_sep_particle(q, v) == e - 1)) e--;   /* "… bekannt." */
    if (!q_adjuncts(q, v + 1, e, sp) || sp->s < 0) {
        /* the subject right after the verb (past adverbs and adjuncts), with
         * more after it: "Dies bestätigte der Minister Ali al-Omair in Wien
         * nach Gesprächen der OPEC." (a demonstrative object before the verb
         * leaves the subject after it, German V2) */
        *sp = q_subject_after(q, v, e);
        /* a verb that needs no subject: its aus/von phrase ("Das geht aus dem Bericht X hervor.") */
        if (sp->s < 0 && (q_xcls(q, v) & QX_NOSUBJ)) *sp = q_impersonal_source(q, v, lo, hi);
        if (sp->s < 0 || (q_xcls(q, (uint32_t)sp->s) & QX_DAT)) return 0;
        appos_after_body(q, sp);
    }
    if (!q_can_speak(q, *sp)) return 0;
    *cue = v;
    return 1;
}

int q_has_verb(const qdoc *q, uint32_t a, uint32_t b)
{
    const lb_doc *d = q->doc;
    if (d->morph.len != q->n) return 1;
    for (uint32_t k = a; k < b && k < q->n; k++) {
        uint8_t u = LB_MORPH(d)[k].upos;
        if (u == LB_UPOS_VERB || u == LB_UPOS_AUX) return 1;
    }
    return 0;
}

/* [a, v) opens with a name no noun phrase rule reads, then only adjuncts: a
 * quoted name after an article ("die „Aktion Deutschland hilft“ heute") or a
 * web address glued together at its dots ("t-online.de"); 1 with it in sp */
static int titled_subject(const qdoc *q, uint32_t a, uint32_t v, qspk *sp)
{
    uint32_t k = a, e = 0;
    if (k < v && (q_cls(q, k) & QC_DET)) k++;
    if (k < v && (q->t[k].flags & LB_TOK_QUOTE) && !q->inq[k]) {
        for (uint32_t c = k + 1; c < v && c < k + 10; c++)
            if (q->t[c].flags & LB_TOK_QUOTE) { e = c + 1; break; }
        if (!e || e == k + 2) return 0;
        sp->ns = (int32_t)k + 1; sp->ne = (int32_t)e - 1;
    } else {
        /* a web address: words and dots without spaces, one dot at least */
        int dot = 0;
        for (e = k; e + 1 < v && q->t[e].end == q->t[e + 1].start; e++) dot |= q_punct_is(q, e + 1, '.');
        if (e == k && k < v)        /* one token: "t-online.de" */
            dot = (q->t[k].flags & (LB_TOK_WORD | LB_TOK_URL)) && memchr(q->doc->text + q->t[k].start, '.', q->t[k].end - q->t[k].start);
        if (!dot || !(q->t[e].flags & (LB_TOK_WORD | LB_TOK_URL))) return 0;
        e++;
        sp->ns = (int32_t)k; sp->ne = (int32_t)e;
    }
    qspk rest;
    if (e < v && !(q_adjuncts(q, e, v, &rest) && rest.s < 0)) return 0;
    sp->s = (int32_t)a; sp->e = (int32_t)e;
    return 1;
}

int q_as_frame(const qdoc *q, uint32_t w, uint32_t hi, qspk *sp, uint32_t *cue, uint32_t *end)
{
    if (q->lang == QL_EN || !(q_cls(q, w) & QC_AS)) return 0;
    uint32_t lo = LB_SENTS(q->doc)[q->t[w].sent].tok0;
    /* at the start (also after "Denn", "Und"), or after a comma */
    int start = w == lo || (w == lo + 1 && (q_cls(q, lo) & (QC_STOP | QC_COORD)));
    if (!start && !q_punct_is(q, w - 1, ',')) return 0;
    uint32_t v = 0, c1 = 0, c2 = 0;     /* the commas around an apposition after the speaker */
    for (uint32_t k = w + 1; k < hi && k < w + 24; k++) {
        /* a period glued between words is a web address's dot, no sentence end */
        int glued = k + 1 < hi && q->t[k - 1].end == q->t[k].start && q->t[k].end == q->t[k + 1].start;
        if (q->inq[k] || ((q->t[k].flags & LB_TOK_SENT_END) && !glued)) return 0;
        if (q_punct_is(q, k, ',')) {
            /* "wie Burt Rutan, Chef der Firma, mitteilte": a noun phrase without a verb between two commas */
            if (!c1 && k > w + 1) { c1 = k; continue; }
            if (c1 && !c2 && k > c1 + 1 && !q_has_verb(q, c1 + 1, k)) { c2 = k; continue; }
            return 0;
        }
        if (c1 && !c2) continue;            /* inside the apposition */
        if (q_is_cue(q, k) && !(q->t[k].flags & LB_TOK_UPPER)) { v = k; break; }
        if (!c1 && k >= w + 16) return 0;
    }
    if (!v) return 0;
    uint32_t e = v + 1;
    while (e < hi && e < v + 3 && (q_cls(q, e) & (QC_AUX | QC_VERB)) && !q_punct_is(q, e, ',')) e++;
    if (e < trim(q, e, hi) && !q_punct_is(q, e, ',')) return 0;
    /* the speaker and adjuncts end before a particle written apart: "wie der Verband bekannt gab" */
    uint32_t before = v > w + 1 && q_sep_particle(q, v) == v - 1 ? v - 1 : v;
    if (c1) {                               /* the speaker before the apposition, only adjuncts after it */
        qspk rest;
        if (c2 + 1 < before && !(q_adjuncts(q, c2 + 1, before, &rest) && rest.s < 0)) return 0;
        if (!q_adjuncts(q, w + 1, c1, sp) || sp->s < 0) return 0;
        *cue = v; *end = e;
        return 1;
    }
    qspk ts = { -1, -1, -1, -1 };
    if (titled_subject(q, w + 1, before, &ts)) *sp = ts;
    else if (!q_adjuncts(q, w + 1, before, sp)) return 0;
    /* "Wie aus Regierungskreisen verlautete": the source of aus, von */
    if (sp->s < 0 && (q_cls(q, w + 1) & QC_GENPREP) && !q_loose_np(q, w + 2, before, sp)) return 0;
    /* no subject: only a passive or impersonal report names no one ("Wie
     * heute bekannt wurde, …", "wie mitgeteilt wurde"); else no frame */
    if (sp->s < 0 && e == v + 1 && before == v) return 0;
    *cue = v; *end = e;
    return 1;
}
