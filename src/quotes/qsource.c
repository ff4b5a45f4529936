/* qsource.c: source phrases that credit a whole clause without a speech verb:
 * "nach Angaben der Polizei", "nach eigenen Angaben", "laut israelischen
 * Medien", "gemäß einem Bericht", "ersten Angaben zufolge", "Seiner Meinung
 * nach", "Dem Vernehmen nach", "aus Sicht der Regierung". It finds the phrase
 * and its speaker; qindirect.c decides what the reported clause is. */
#include "quotes/qint.h"
#include <string.h>

/* classes that are never part of a source's noun phrase */
#define SRC_STOPSET (QC_STOP | QC_VERB | QC_CONJ | QC_SUB | QC_AUX | QC_COORD | QC_PREP | QC_POSTP | QC_SO | \
                     QC_KONJ | QC_KONJ2 | QC_IMPERS | QC_SEP | QC_PRON | QC_TIME | QC_SRCPREP | QC_HEARSAY)

static int de_src(const qdoc *q, const char *w, size_t n)
{
    uint32_t v = 0;
    return n && lb_sigindex_get(&q->rules->words_ix[QL_DE], w, n, &v) && (v & QC_SRCNOUN);
}

int q_is_srcnoun(const qdoc *q, uint32_t i)
{
    if (i >= q->n || !(q->t[i].flags & LB_TOK_WORD) || !(q->t[i].flags & LB_TOK_UPPER)) return 0;
    if (q_cls(q, i) & QC_SRCNOUN) return 1;
    if (q_xcls(q, i) & QX_NOTSRC) return 0;          /* "aus Rücksicht auf", "aller Voraussicht nach" */
    if (q->lang == QL_EN) return 0;
    const char *w = lb_tok_norm(q->doc, &q->t[i]);
    size_t n = q->t[i].norm_len;
    /* the head of a compound: Polizeiangaben, Medienberichten, ai-Bericht */
    for (size_t p = 2; p + 5 <= n; p++) {
        if (((unsigned char)w[p] & 0xC0) == 0x80) continue;
        if (w[p - 1] == '-' && de_src(q, w + p, n - p)) return 1;
        if (p >= 3 && de_src(q, w + p, n - p)) return 1;
    }
    return 0;
}

static int word(const qdoc *q, uint32_t i) { return i < q->n && (q->t[i].flags & LB_TOK_WORD); }
static int upper(const qdoc *q, uint32_t i) { return word(q, i) && (q->t[i].flags & LB_TOK_UPPER); }

/* a capitalised word that can be (part of) a source: noun or name; an article
 * inside a name ("Medienunternehmens Der Spiegel") */
static int caps_word(const qdoc *q, uint32_t i)
{
    if (!upper(q, i)) return 0;
    uint32_t c = q_cls(q, i);
    if ((c & QC_DET) && !(c & SRC_STOPSET) && i > LB_SENTS(q->doc)[q->t[i].sent].tok0 && upper(q, i + 1) &&
        !(q_cls(q, i + 1) & (SRC_STOPSET | QC_DET)) && i > 0 && upper(q, i - 1)) return 1;
    return !(c & (SRC_STOPSET | QC_DET | QC_OF | QC_OWN | QC_GENPREP));
}

/* a lower-case word of no class: an adjective before the noun (erste, israelischen) */
static int plain_lower(const qdoc *q, uint32_t i)
{
    return word(q, i) && !(q->t[i].flags & (LB_TOK_UPPER | LB_TOK_NUM)) && !q_cls(q, i);
}

/* an attributive adjective: the morphology layer's ADJ, else an adjective ending */
static int adjective(const qdoc *q, uint32_t i)
{
    const lb_doc *d = q->doc;
    if (d->morph.len == q->n && LB_MORPH(d)[i].upos) return LB_MORPH(d)[i].upos == LB_UPOS_ADJ;
    const char *w = lb_tok_norm(d, &q->t[i]);
    size_t n = q->t[i].norm_len;
    return n > 2 && w[n - 2] == 'e' && strchr("nmrs", w[n - 1]);
}

/* a lower-case name: bildblog.de, el-Baradei */
static int lower_name(const qdoc *q, uint32_t i)
{
    if (!word(q, i) || (q->t[i].flags & LB_TOK_UPPER) || q_cls(q, i)) return 0;
    if (q->t[i].flags & LB_TOK_HYPHEN) return 1;
    return memchr(q->doc->text + q->t[i].start, '.', q->t[i].end - q->t[i].start) != NULL;
}

/* the capitalised words that end the phrase so far: its name, unless a source noun */
static void set_name(const qdoc *q, qspk *sp, uint32_t a, uint32_t b)
{
    /* (a source noun that names a group of speakers stays: "örtlichen Medien") */
    while (a < b && ((q_is_srcnoun(q, a) && !(q_xcls(q, a) & QX_GROUP)) || q_is_role(q, a))) a++;
    if (a < b) { sp->ns = (int32_t)a; sp->ne = (int32_t)b; }
}

/* a genitive plural without article: the strong adjective ending -er before a
 * noun ("Angaben lokaler Medien", "Berichten örtlicher Behörden") */
static int strong_genitive(const qdoc *q, uint32_t j, uint32_t hi)
{
    if (j + 1 >= hi || !plain_lower(q, j) || !adjective(q, j) || !caps_word(q, j + 1)) return 0;
    const char *w = lb_tok_norm(q->doc, &q->t[j]);
    size_t n = q->t[j].norm_len;
    return n > 3 && w[n - 2] == 'e' && w[n - 1] == 'r';
}

/* an article or possessive in the genitive (morphology layer): eines, seines, ihrer */
static int genitive_det(const qdoc *q, uint32_t j)
{
    if (j >= q->n || q->doc->morph.len != q->n || !(q->t[j].flags & LB_TOK_WORD) || (q->t[j].flags & LB_TOK_UPPER)) return 0;
    const lb_morph *m = &LB_MORPH(q->doc)[j];
    return m->upos == LB_UPOS_DET && LB_FEAT_GET(m->feats, CASE) == LB_CASE_GEN;
}

/* Whose words a chain of genitives credits. The name sp has so far is an
 * actor's (a person, a body: an actor mention): a genitive after it only
 * says whose it is ("Sprecher Karl Huber der Polizei"). A role or a source
 * noun before it has no name (set_name), and a name without an actor
 * ("Statistik") gives way to the first genitive; a second genitive takes
 * the name of the first only when it names a person and the first no
 * actor ("des Vorsitzenden der Konferenz Georg Maier"), not for an owner
 * ("der Justiz seines Landes", "des Programms der UN"). */
static int named_actor(const qdoc *q, const qspk *sp)
{
    if (sp->ns < 0 || sp->ne <= sp->ns) return 0;
    qspk n = { sp->ns, sp->ne, -1, -1 };
    return q_has_mention(q, n);
}

static int is_person(const lb_mention *m) { return m->type == LB_MEN_PER; }

/* a person's mention starts in the tokens [a, b) */
static int person_in(const qdoc *q, uint32_t a, uint32_t b) { return q_mention_starting_in(q, a, b, is_person) != NULL; }

/* genitive or von-attribute after the head: "der Polizei", "des Ministeriums (BMI)", "von ISNA" */
static uint32_t tail(const qdoc *q, uint32_t j, uint32_t hi, qspk *sp)
{
    for (int hop = 0; hop < 2 && j < hi; hop++) {
        uint32_t c = q_cls(q, j), k = j + 1;
        if (hop == 0 && strong_genitive(q, j, hi)) { c = QC_OF; k = j; }   /* "Angaben lokaler Medien" */
        if (genitive_det(q, j)) c |= QC_OF;        /* "Angaben eines Sprechers", "seines Arztes" */
        if (!(c & (QC_OF | QC_GENPREP)) || (q->t[j].flags & LB_TOK_UPPER)) break;
        if ((c & QC_GENPREP) && k < hi && (q_cls(q, k) & QC_DET)) k++;
        while (k < hi && k < j + 5 && plain_lower(q, k)) k++;
        uint32_t a = k;
        while (k < hi && k < a + 5 && (caps_word(q, k) || (k > a && q_particle(q, k)))) k++;
        /* a body's name: "der Beobachtungsstelle für Menschenrechte" */
        if (k > a && k + 1 < hi && (q_xcls(q, k) & QX_NAMELINK) && caps_word(q, k + 1) && !q_is_role(q, k - 1))
            for (k += 1; k < hi && k < a + 8 && caps_word(q, k); k++) {}
        if (k == a && (c & QC_GENPREP) && lower_name(q, a)) k = a + 1;
        if (k == a) break;
        sp->e = (int32_t)k;
        if (hop ? sp->ns < 0 || (person_in(q, a, k) && !named_actor(q, sp)) : !named_actor(q, sp)) {
            sp->ns = sp->ne = -1;
            set_name(q, sp, a, k);
        }
        j = k;
    }
    /* a parenthesised abbreviation: "(BKA)" */
    if (j + 2 < hi && (q->t[j].flags & LB_TOK_BRACKET_OPEN) && upper(q, j + 1) && (q->t[j + 2].flags & LB_TOK_BRACKET_CLOSE)) {
        j += 3;
        sp->e = (int32_t)j;
    }
    return j;
}

/* a noun phrase that starts at i: DET? adj* Caps+ tail; 0: none */
static int np_fwd(const qdoc *q, uint32_t i, uint32_t hi, qspk *sp)
{
    uint32_t j = i;
    sp->s = (int32_t)i; sp->ns = sp->ne = -1;
    if (i < hi && (q->t[i].flags & LB_TOK_QUOTE) && !q->inq[i]) {
        /* a quoted name: laut „tagesschau.de“ */
        uint32_t e = i + 1;
        while (e < hi && e < i + 6 && !(q->t[e].flags & LB_TOK_QUOTE)) e++;
        if (e >= hi || e == i + 1 || !(q->t[e].flags & LB_TOK_QUOTE)) return 0;
        sp->e = (int32_t)e + 1; sp->ns = (int32_t)i + 1; sp->ne = (int32_t)e;
        return 1;
    }
    if (lower_name(q, j)) {
        sp->e = (int32_t)j + 1; sp->ns = (int32_t)j; sp->ne = (int32_t)j + 1;
        tail(q, j + 1, hi, sp);
        return 1;
    }
    if (j < hi && (q_cls(q, j) & (QC_DET | QC_OWN)) && !(q_cls(q, j) & SRC_STOPSET)) j++;
    while (j < hi && j < i + 5 && plain_lower(q, j)) j++;
    uint32_t a = j;
    while (j < hi && j < a + 5 && (caps_word(q, j) || (j > a && q_particle(q, j)))) j++;
    if (j == a) return 0;
    sp->e = (int32_t)j;
    set_name(q, sp, a, j);
    tail(q, j, hi, sp);
    return 1;
}

int q_loose_np(const qdoc *q, uint32_t i, uint32_t hi, qspk *sp) { return np_fwd(q, i, hi, sp); }

/* the clause's own subject for "nach eigenen Angaben": a pronoun right before the
 * phrase, the phrase that opens the clause, or after the finite verb that follows
 * a phrase at the start */
static qspk own_subject(const qdoc *q, uint32_t lo, uint32_t ps, uint32_t pe, uint32_t hi)
{
    qspk sp = { -1, -1, -1, -1 };
    /* a dateline opens the sentence: "München – Die Angeklagte ist nach eigenen Angaben …" */
    for (uint32_t k = lo; k < ps && k < lo + 4; k++)
        if (q->t[k].flags & LB_TOK_DASH) { lo = k + 1; break; }
    /* a personal pronoun right before it: "…, dem sie laut eigenem Bekunden …" */
    if (ps > lo && (q_cls(q, ps - 1) & QC_PRON) && word(q, ps - 1)) {
        sp.s = sp.ns = (int32_t)ps - 1; sp.e = sp.ne = (int32_t)ps;
        return sp;
    }
    if (ps > lo) {
        sp = q_np_forward(q, lo, ps);
        if (sp.s >= 0 && (sp.e == (int32_t)ps || sp.s == (int32_t)lo)) return sp;
    } else if (pe + 1 < hi) {
        uint32_t k = pe + (q_punct_is(q, pe, ',') ? 2 : 1);
        sp = q_np_forward(q, k, hi);
        if (sp.s >= 0) return sp;
    }
    sp.s = -1;
    return sp;
}

/* A source phrase [ps, pe) with a reflexive possessive ("nach eigenen Angaben",
 * "laut eigenen Angaben", "eigenen Angaben zufolge") and no name of its own
 * credits its clause's subject: sp's name becomes the subject's (own_subject). */
static void own_source(const qdoc *q, uint32_t lo, uint32_t ps, uint32_t pe, uint32_t hi, qspk *sp)
{
    int own = 0;
    for (uint32_t k = ps; k < pe && !own; k++) own = (q_cls(q, k) & QC_OWN) != 0;
    if (!own || sp->ns >= 0) return;
    qspk sub = own_subject(q, lo, ps, pe, hi);
    if (sub.s < 0) return;
    sp->ns = sub.ns >= 0 ? sub.ns : sub.s;
    sp->ne = sub.ns >= 0 ? sub.ne : sub.e;
}

/* "nach Angaben der Polizei", "nach eigenen Angaben", "nach Grupps Meinung" */
static int prep_first(const qdoc *q, uint32_t v, uint32_t lo, uint32_t hi, qspk *sp, uint32_t *ps, uint32_t *pe)
{
    uint32_t k = v + 1, j = k;
    int own = 0;
    qspk s = { (int32_t)k, -1, -1, -1 };
    if (caps_word(q, k) && q_is_srcnoun(q, k + 1) && !q_is_srcnoun(q, k)) {   /* Grupps Meinung */
        s.e = (int32_t)k + 2; s.ns = (int32_t)k; s.ne = (int32_t)k + 1;
        *ps = v; *pe = k + 2;
        *sp = s;
        return 1;
    }
    if (j < hi && (q_cls(q, j) & (QC_DET | QC_OWN))) { own = (q_cls(q, j) & QC_OWN) != 0; j++; }
    while (j < hi && j < k + 4 && (plain_lower(q, j) || (q_cls(q, j) & QC_OWN))) { own |= (q_cls(q, j) & QC_OWN) != 0; j++; }
    if (!q_is_srcnoun(q, j)) return 0;
    s.e = (int32_t)j + 1;
    /* "nach eigenen Angaben von X geschlagen": the own source takes no attribute */
    uint32_t e = own ? j + 1 : tail(q, j + 1, hi, &s);
    *ps = v; *pe = e;
    own_source(q, lo, v, e, hi, &s);      /* the phrase is the speaker's mention, the subject gives the name */
    *sp = s;
    return 1;
}

/* "Seiner Meinung nach", "Dem Vernehmen nach", "ihrer Ansicht nach" */
static int post_nach(const qdoc *q, uint32_t v, uint32_t lo, uint32_t hi, qspk *sp, uint32_t *ps, uint32_t *pe)
{
    if (v <= lo || !q_is_srcnoun(q, v - 1)) return 0;
    if (v + 1 < hi && (upper(q, v + 1) || (q_cls(q, v + 1) & QC_DET) || (q->t[v + 1].flags & LB_TOK_NUM))) return 0;
    uint32_t s = v - 1;
    /* back over adjectives and a genitive name to the determiner, which opens the phrase */
    while (s > lo && v - s < 4 && (plain_lower(q, s - 1) || (q_cls(q, s - 1) & (QC_DET | QC_OWN)) ||
                                   (caps_word(q, s - 1) && !q_is_srcnoun(q, s - 1)))) {
        s--;
        if (q_cls(q, s) & (QC_DET | QC_OWN)) break;
    }
    /* postposed "nach" governs the dative: after a nominative or accusative
     * article ("die Sicht nach oben") it is no source */
    const lb_doc *d = q->doc;
    if ((q_cls(q, s) & QC_DET) && d->morph.len == q->n && LB_MORPH(d)[s].upos == LB_UPOS_DET &&
        (LB_FEAT_GET(LB_MORPH(d)[s].feats, CASE) == LB_CASE_NOM || LB_FEAT_GET(LB_MORPH(d)[s].feats, CASE) == LB_CASE_ACC)) return 0;
    /* a phrase a preposition governs already ("In den Umfragen nach oben") is no object of "nach" */
    if (s > lo && (q_xcls(q, s - 1) & QX_ADP) && q_same_sent(q, s - 1, s)) return 0;
    *ps = s; *pe = v + 1;
    qspk r = { (int32_t)s, (int32_t)v, -1, -1 };
    for (uint32_t k = s; k + 1 < v; k++) if (caps_word(q, k)) { r.ns = (int32_t)k; r.ne = (int32_t)k + 1; }
    if (r.ns < 0 && (q_cls(q, s) & QC_DET) && !(q_cls(q, s) & QC_INDEF) && s + 2 == v) {
        /* "seiner Meinung": the person spoken of before (a possessive is no name) */
        const char *w = lb_tok_norm(q->doc, &q->t[s]);
        if (q->t[s].norm_len > 3 && (w[0] == 's' || w[0] == 'i')) { r.e = (int32_t)s + 1; }
    }
    *sp = r;
    return 1;
}

/* The start of a date that follows the source noun before v as a
 * prepositional attribute ("dem Bericht vom Donnerstag zufolge", "einer
 * Studie von 2019 zufolge", "vom 12. März", "vom gestrigen Mittwoch"), else v. */
static uint32_t date_attribute(const qdoc *q, uint32_t v, uint32_t lo)
{
    uint32_t k = v;
    while (k > lo && v - k < 4 && ((q->t[k - 1].flags & LB_TOK_NUM) || q_punct_is(q, k - 1, '.') || (q_cls(q, k - 1) & QC_TIME))) k--;
    if (k == v || k <= lo + 1 || q_punct_is(q, k, '.')) return v;     /* none, or no room, or a full stop first */
    while (k > lo + 1 && v - k < 6 && plain_lower(q, k - 1) && adjective(q, k - 1)) k--;
    return (q_cls(q, k - 1) & QC_GENPREP) && word(q, k - 1) ? k - 1 : v;
}

/* "ersten Angaben zufolge", "einem Bericht der Zeitung zufolge", "der Agentur PAP zufolge" */
static int post_zufolge(const qdoc *q, uint32_t v, uint32_t lo, qspk *sp, uint32_t *ps, uint32_t *pe)
{
    uint32_t top = date_attribute(q, v, lo), j = top;
    int caps = 0, adj = 0;
    while (j > lo && top - j < 10) {
        uint32_t k = j - 1, c = q_cls(q, k);
        if (q->t[k].flags & LB_TOK_BRACKET_CLOSE && k >= lo + 2 && (q->t[k - 2].flags & LB_TOK_BRACKET_OPEN)) { j = k - 2; continue; }
        if (!word(q, k)) break;
        if (c & (QC_DET | QC_OWN)) {
            j = k;
            if ((c & QC_OF) && k > lo && caps_word(q, k - 1)) continue;
            break;
        }
        if (c & QC_GENPREP) {
            if (caps && k > lo && caps_word(q, k - 1)) { j = k; continue; }
            break;
        }
        /* DET? adjective* noun+: no noun before the adjectives ("Camorra erwirtschaftet Schätzungen") */
        if (caps_word(q, k) && !adj) { j = k; caps++; continue; }
        if (plain_lower(q, k) && caps && adjective(q, k)) { j = k; adj = 1; continue; }
        if (lower_name(q, k) && !caps) { j = k; caps++; continue; }
        break;
    }
    if (!caps) return 0;
    while (j < top && plain_lower(q, j) && !caps_word(q, j + 1) && !plain_lower(q, j + 1)) j++;
    qspk r = { (int32_t)j, (int32_t)top, -1, -1 };
    uint32_t b = top;
    while (b > j && !caps_word(q, b - 1) && !lower_name(q, b - 1)) b--;
    uint32_t a = b;
    while (a > j && (caps_word(q, a - 1) || lower_name(q, a - 1))) a--;
    set_name(q, &r, a, b);
    *ps = j; *pe = v + 1;
    *sp = r;
    return 1;
}

/* token i follows a comma and is a relative pronoun or the source preposition
 * before one: "Umfragen, nach denen …", "Grundsätzen, denen zufolge …" */
static int relative(const qdoc *q, uint32_t i, uint32_t lo)
{
    return i > lo && word(q, i) && q_punct_is(q, i - 1, ',');
}

int q_source_phrase(const qdoc *q, uint32_t v, uint32_t lo, uint32_t hi, qspk *sp, uint32_t *ps, uint32_t *pe)
{
    if (q->lang == QL_EN || v >= hi || q->inq[v]) return 0;
    uint32_t c = q_cls(q, v);
    if ((c & (QC_SRCPREP | QC_PREP)) && v + 1 < hi && relative(q, v, lo) && word(q, v + 1) && (q_xcls(q, v + 1) & QX_REL)) {
        sp->s = (int32_t)v + 1; sp->e = (int32_t)v + 2; sp->ns = sp->ne = -1;
        *ps = v; *pe = v + 2;
        return 1;
    }
    if ((c & QC_POSTP) && v > lo + 1 && relative(q, v - 1, lo) && (q_xcls(q, v - 1) & QX_REL)) {
        sp->s = (int32_t)v - 1; sp->e = (int32_t)v; sp->ns = sp->ne = -1;
        *ps = v - 1; *pe = v + 1;
        return 1;
    }
    if ((c & QC_SRCPREP) && post_nach(q, v, lo, hi, sp, ps, pe)) return 1;
    if ((c & QC_SRCPREP) && prep_first(q, v, lo, hi, sp, ps, pe)) return 1;
    if (c & QC_PREP) {                         /* laut X */
        if (!np_fwd(q, v + 1, hi, sp)) return 0;
        *ps = v; *pe = (uint32_t)sp->e;
        own_source(q, lo, *ps, *pe, hi, sp);
        return 1;
    }
    if ((c & QC_POSTP) && post_zufolge(q, v, lo, sp, ps, pe)) {
        own_source(q, lo, *ps, *pe, hi, sp);
        return 1;
    }
    return 0;
}
