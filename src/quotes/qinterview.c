/* qinterview.c: the answers of a printed interview ("STANDARD: Wie geht es
 * weiter? Monedero: Das ist nach wie vor unser Fahrplan. …"). In a document
 * with at least two sentences that open with a short label and a colon, each
 * answer after a label that names a person (a PER mention) is a direct quote of
 * that person, up to the next label or the end of its paragraph. Labels of the
 * medium (the questions) name no person and are left alone. */
#include "quotes/qint.h"

/* how many sentences one answer may span, and how long a label may be */
#define Q_ANSWER_SENTS 12
#define Q_LABEL_WORDS 3

/* the sentence [lo, hi) opens with a label "Name:"; the colon's token, else 0 */
static uint32_t label_colon(const qdoc *q, uint32_t lo, uint32_t hi)
{
    for (uint32_t k = lo; k < hi && k <= lo + Q_LABEL_WORDS; k++) {
        if (q_punct_is(q, k, ':')) return k > lo && k + 1 < hi ? k : 0;
        if (!(q->t[k].flags & LB_TOK_WORD) || !(q->t[k].flags & LB_TOK_UPPER) || q->inq[k]) return 0;
    }
    return 0;
}

/* a quotation mark in [a, b): the answer is quoted already (qdirect.c) */
static int any_quote_mark(const qdoc *q, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b; i++) if (q->t[i].flags & LB_TOK_QUOTE) return 1;
    return 0;
}

/* a person mention overlaps tokens [a, b). Labels come in text order and
 * mentions by start: *from skips the mentions that end before a label for
 * every later one too (the scan stays linear in a long transcript). */
static int person_label(const qdoc *q, uint32_t a, uint32_t b, size_t *from)
{
    uint32_t s = q->t[a].start, e = q->t[b - 1].end;
    const lb_mention *M = LB_MENTIONS(q->doc);
    size_t n = q->doc->mentions.len;
    while (*from < n && M[*from].end <= s) (*from)++;
    for (size_t k = *from; k < n; k++) {
        if (M[k].start >= e) break;
        if (M[k].end > s && M[k].type == LB_MEN_PER) return 1;
    }
    return 0;
}

int q_interview(qdoc *q)
{
    lb_doc *d = q->doc;
    const lb_sent *ss = LB_SENTS(d);
    size_t ns = d->sents.len, labels = 0;
    if (q->lang == QL_EN || q->doc->mentions.len == 0) return 0;
    for (size_t s = 0; s < ns && labels < 2; s++) {
        uint32_t lo = ss[s].tok0, hi = lo + ss[s].ntok;
        if (hi <= q->n && lo < hi && label_colon(q, lo, hi)) labels++;
    }
    if (labels < 2) return 0;
    size_t from = 0;
    for (size_t s = 0; s < ns; s++) {
        uint32_t lo = ss[s].tok0, hi = lo + ss[s].ntok;
        if (hi > q->n || lo >= hi) continue;
        uint32_t c = label_colon(q, lo, hi);
        if (!c || !person_label(q, lo, c, &from) || any_quote_mark(q, c + 1, hi)) continue;
        /* the answer: up to the next label, a paragraph break or Q_ANSWER_SENTS sentences */
        uint32_t end = hi;
        size_t t = s + 1;
        for (; t < ns && t < s + Q_ANSWER_SENTS; t++) {
            uint32_t l2 = ss[t].tok0, h2 = l2 + ss[t].ntok;
            if (h2 > q->n || l2 >= h2 || (q->t[l2].flags & LB_TOK_PARA_BEFORE) || label_colon(q, l2, h2)) break;
            end = h2;
        }
        while (end > c + 1 && (q->t[end - 1].flags & LB_TOK_PUNCT) && !(q->t[end - 1].flags & LB_TOK_SENT_END)) end--;
        lb_quote *qt = lb_vec_push(&d->quotes, &d->arena);
        if (!qt) return -1;
        q_quote_init(qt, q->t[c + 1].start, q->t[end - 1].end, 0);
        qspk sp = { (int32_t)lo, (int32_t)c, (int32_t)lo, (int32_t)c };
        q_attribute(q, qt, sp, -1);
        s = t - 1;
    }
    return 0;
}
