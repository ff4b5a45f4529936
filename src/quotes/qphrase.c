/* qphrase.c: finds the speaker phrase of a speech cue by token patterns:
 * the subject of the verb (before it, inverted after it, after an auxiliary,
 * at the start of a verb-final clause), "laut X", appositions ("ein Berater
 * des Kremls, Juri Uschakow"), genitive sources ("ein Bericht der Kyodo
 * News"), and the name inside the phrase. It does not resolve names to
 * people or actors (qattr.c) and does not decide what is a quote. */
#include "quotes/qint.h"
#include <string.h>

#define NP_MAX 9
/* classes that end a noun phrase */
#define Q_STOPSET (QC_STOP | QC_VERB | QC_CONJ | QC_SUB | QC_AUX | QC_COORD | QC_PREP | QC_POSTP | \
                   QC_SO | QC_KONJ | QC_KONJ2 | QC_TIME | QC_IMPERS | QC_SEP)

int q_same_sent(const qdoc *q, uint32_t a, uint32_t b) { return q->t[a].sent == q->t[b].sent; }

/* an apostrophe token glued between letters or before "s": CNN's */
static int is_possessive(const qdoc *q, uint32_t i)
{
    if (i + 1 >= q->n || !(q->t[i].flags & LB_TOK_QUOTE) || i == 0) return 0;
    const lb_tok *a = &q->t[i - 1], *b = &q->t[i + 1];
    if (a->end != q->t[i].start || b->start != q->t[i].end) return 0;
    return b->norm_len == 1 && lb_tok_norm(q->doc, b)[0] == 's';
}

static int has(const qdoc *q, int k, const char *w, size_t n, uint32_t bits)
{
    uint32_t v = 0;
    return n && lb_sigindex_get(&q->rules->words_ix[k], w, n, &v) && (v & bits);
}

/* a German role form: as listed, feminine (-in, -innen) or genitive (-s, -es) */
static int de_role_form(const qdoc *q, const char *w, size_t n, uint32_t bits)
{
    if (has(q, QL_DE, w, n, bits)) return 1;
    if (n > 5 && !memcmp(w + n - 2, "in", 2) && has(q, QL_DE, w, n - 2, QC_ROLE)) return 1;
    if (n > 8 && !memcmp(w + n - 5, "innen", 5) && has(q, QL_DE, w, n - 5, QC_ROLE)) return 1;
    if (n > 4 && w[n - 1] == 's' && has(q, QL_DE, w, n - 1, bits)) return 1;
    if (n > 5 && w[n - 1] == 's' && w[n - 2] == 'e' && has(q, QL_DE, w, n - 2, bits)) return 1;
    return 0;
}

static int role_word(const qdoc *q, const char *w, size_t n)
{
    for (int k = 0; k < QL_N; k++) {
        if (q->lang >= 0 && q->lang != k) continue;
        if (k == QL_EN && has(q, k, w, n, QC_ROLE | QC_NOUN)) return 1;
        if (k != QL_DE) continue;
        if (de_role_form(q, w, n, QC_ROLE | QC_NOUN)) return 1;
        /* compounds ending in a role: Spitzendiplomat, Oberkommandeurs, Regierungssprecher */
        for (size_t p = 3; n >= 8 && p + 5 <= n; p++)
            if (((unsigned char)w[p] & 0xC0) != 0x80 && de_role_form(q, w + p, n - p, QC_ROLE)) return 1;
    }
    return 0;
}

/* looked up once per token, then cached in the token's class bits */
int q_is_role(const qdoc *q, uint32_t i)
{
    if (i >= q->n) return 0;
    if (!(q->cls[i] & QC_ROLEDONE)) q->cls[i] |= QC_ROLEDONE | (q_role_lookup(q, i) ? QC_ISROLE : 0);
    return (q->cls[i] & QC_ISROLE) != 0;
}

/* role lookup also for the last part of a hyphenated compound: US-Außenminister */
int q_role_lookup(const qdoc *q, uint32_t i)
{
    uint32_t c = q_cls(q, i);
    if (c & (QC_ROLE | QC_NOUN)) return 1;
    const lb_tok *t = &q->t[i];
    if (!(t->flags & LB_TOK_WORD)) return 0;
    const char *w = lb_tok_norm(q->doc, t);
    if (role_word(q, w, t->norm_len)) return 1;
    if (!(t->flags & LB_TOK_HYPHEN)) return 0;
    const char *h = NULL;
    for (uint32_t k = 0; k < t->norm_len; k++) if (w[k] == '-') h = w + k;
    if (!h || h + 1 >= w + t->norm_len) return 0;
    return role_word(q, h + 1, (size_t)(w + t->norm_len - h - 1));
}

static int is_cap(const qdoc *q, uint32_t i) { return (q->t[i].flags & (LB_TOK_WORD | LB_TOK_UPPER)) == (LB_TOK_WORD | LB_TOK_UPPER); }

/* a capitalised token that can be part of a name */
int q_name_tok(const qdoc *q, uint32_t i)
{
    if (!is_cap(q, i) || q_is_role(q, i)) return 0;
    uint32_t c = q_cls(q, i);
    if (c & (Q_STOPSET | QC_PRON)) return 0;
    if (c & QC_DET) {
        /* "Der Spiegel": an article inside a name, not at the sentence start */
        const lb_tok *t = &q->t[i];
        const lb_sent *s = &LB_SENTS(q->doc)[t->sent];
        return s->tok0 != i && i + 1 < q->n && is_cap(q, i + 1) && !q_is_role(q, i + 1);
    }
    return 1;
}

/* the last run of name tokens in [s, e) */
/* a lower-case particle between two parts of a name: Richard von Weizsäcker */
int q_particle(const qdoc *q, uint32_t i)
{
    return i > 0 && i + 1 < q->n && (q_cls(q, i) & QC_NAMEPART) && !(q->t[i].flags & LB_TOK_UPPER) &&
           (q->t[i - 1].flags & LB_TOK_UPPER) && (q->t[i + 1].flags & LB_TOK_UPPER) &&
           q_same_sent(q, i - 1, i + 1) && !q_is_role(q, i - 1);
}

static void find_name(const qdoc *q, qspk *sp)
{
    sp->ns = sp->ne = -1;
    for (int32_t i = sp->e - 1; i >= sp->s; i--) {
        if (q_name_tok(q, (uint32_t)i)) {
            int32_t e = i + 1;
            while (i - 1 >= sp->s && (q_name_tok(q, (uint32_t)(i - 1)) ||
                                      (i - 2 >= sp->s && q_particle(q, (uint32_t)(i - 1)) && q_name_tok(q, (uint32_t)(i - 2))))) i--;
            /* a leading article is no part of the name */
            while (i < e && (q_cls(q, (uint32_t)i) & QC_DET)) i++;
            if (i < e) { sp->ns = i; sp->ne = e; }
            return;
        }
    }
}

void q_name_in(const qdoc *q, qspk *sp) { find_name(q, sp); }

static qspk none(void) { qspk s = { -1, -1, -1, -1 }; return s; }

/* An extended attribute right after an article: a prepositional phrase and
 * then the adjective or participle it belongs to, before the noun ("die zur
 * Universität gehörende Hoover Institution", "der in Moskau lebende
 * Journalist"; Duden Grammatik: erweitertes Attribut). i is the preposition
 * (the morphology layer's ADP or a contraction); returns the token after
 * the adjective, else i. */
static uint32_t extended_attribute(const qdoc *q, uint32_t i, uint32_t lim)
{
    const lb_doc *d = q->doc;
    if (d->morph.len != q->n) return i;
    const lb_morph *M = LB_MORPH(d);
    if (M[i].upos != LB_UPOS_ADP && !(M[i].flags & LB_MF_CONTR)) return i;
    for (uint32_t k = i + 1; k + 1 < lim && k < i + 7 && q_same_sent(q, i, k + 1); k++) {
        if (!(q->t[k].flags & LB_TOK_WORD) || lb_morph_is_finite(&M[k])) return i;
        int attr = M[k].upos == LB_UPOS_ADJ || (M[k].upos == LB_UPOS_VERB && LB_FEAT_GET(M[k].feats, VERBFORM) == LB_VERBFORM_PART);
        if (attr && !(q->t[k].flags & LB_TOK_UPPER) && (q->t[k + 1].flags & LB_TOK_UPPER)) return k + 1;
    }
    return i;
}

/* core of the forward phrase: DET? words; returns the end token */
static uint32_t np_core(const qdoc *q, uint32_t i, uint32_t lim, int *caps)
{
    uint32_t j = i;
    int det = 0;
    *caps = 0;
    const int de = q->lang != QL_EN;
    while (j < lim && j < i + NP_MAX && q_same_sent(q, i, j)) {
        const lb_tok *t = &q->t[j];
        if (j > i && (t->flags & LB_TOK_PARA_BEFORE)) break;
        if (is_possessive(q, j) && *caps) { j += 2; continue; }
        if ((t->flags & LB_TOK_TRUNC) && j + 2 < lim && (q_cls(q, j + 1) & QC_COORD)) { (*caps)++; j += 2; continue; }
        if (!(t->flags & LB_TOK_WORD)) break;
        if (*caps && q_particle(q, j)) { j++; continue; }
        uint32_t c = q_cls(q, j);
        if (det && !*caps && j > i) {           /* "die zur Universität gehörende …" */
            uint32_t x = extended_attribute(q, j, lim);
            if (x > j) { j = x; continue; }
        }
        if ((c & QC_DET) && !(t->flags & LB_TOK_UPPER && j > i && *caps)) {
            if (j > i && !det && !*caps) break;
            if (*caps && j > i) break;      /* a second article starts a new phrase */
            det = 1; j++; continue;
        }
        if ((c & (Q_STOPSET | QC_PRON | QC_OF)) && !(det && (c & (QC_NOUN | QC_ROLE)) && !(c & (QC_STOP | QC_OF)))) {
            if (!((c & QC_DET) && (t->flags & LB_TOK_UPPER))) break;
        }
        if (t->flags & LB_TOK_UPPER) { (*caps)++; j++; continue; }
        if (t->flags & LB_TOK_NUM) break;
        /* lower case: adjectives after an article (and nouns in English) */
        if (!det) break;
        if (de && *caps) break;
        j++;
    }
    /* no trailing article */
    while (j > i && (q_cls(q, j - 1) & QC_DET) && !(q->t[j - 1].flags & LB_TOK_UPPER && j - 1 > i)) j--;
    return j;
}

/* the tokens [a, b) name a news medium: a medium noun (Zeitung, Sender) or
 * an actor mention of sector MED */
static int news_medium(const qdoc *q, uint32_t a, uint32_t b)
{
    for (uint32_t k = a; k < b; k++) if (q_xcls(q, k) & QX_MEDIUM) return 1;
    return q_mention_starting_in(q, a, b, q_medium_mention) != NULL;
}

qspk q_np_forward(const qdoc *q, uint32_t i, uint32_t lim)
{
    if (i >= lim || i >= q->n) return none();
    if (q_cls(q, i) & QC_PRON) { qspk s = { (int32_t)i, (int32_t)i + 1, -1, -1 }; return s; }
    if (q_cls(q, i) & (QC_CONJ | QC_SUB)) return none();    /* "noting that …" */
    int caps;
    uint32_t e = np_core(q, i, lim, &caps);
    if (e == i) return none();
    /* nothing but lower case words and articles: no phrase (English "the newspaper" is one) */
    qspk sp = { (int32_t)i, (int32_t)e, -1, -1 };
    find_name(q, &sp);
    /* genitive source after a role noun: "ein Bericht der Kyodo News", "the board of The Post" */
    int had_of = 0;
    /* (a document or source noun is no name either: "einer Antwort des Senats") */
    int doc = sp.ns >= 0 && sp.ne == sp.ns + 1 && ((q_cls(q, (uint32_t)sp.ns) & QC_NOUN) || q_is_srcnoun(q, (uint32_t)sp.ns));
    /* (and on over a second genitive: "der Staatsanwalt des Distrikts Nord des Bundesstaates Illinois") */
    for (int hop = 0; hop < 2 && (sp.ns < 0 || had_of || doc) && e < lim && (q_cls(q, e) & QC_OF) && q_same_sent(q, i, e); hop++) {
        int c2;
        uint32_t g0 = (q_cls(q, e) & QC_DET) ? e : e + 1;   /* "des Kremls" / "of The Post" */
        uint32_t e2 = np_core(q, g0, lim, &c2);
        if (e2 <= e + 1) break;
        /* right after a speech verb, "der" before a news medium is the dative
         * of its addressee ("sagte der Minister der Süddeutschen Zeitung"), not
         * a genitive owner ("des Senders"; "Der Chefredakteur der Zeitung sagte") */
        if (!had_of && i > 0 && q_is_cue(q, i - 1) && (q_xcls(q, e) & QX_NOMMASC) && news_medium(q, g0, e2)) break;
        qspk g = { sp.s, (int32_t)e2, -1, -1 };
        find_name(q, &g);
        e = e2;
        sp = g;
        had_of = 1;
    }
    /* apposition: "ein Berater des Kremls, Juri Uschakow," (not "Sen. John McCain, R-Ariz.") */
    if (e + 1 < lim && q_punct_is(q, e, ',') && q_same_sent(q, i, e + 1) && (sp.ns < 0 || had_of)) {
        uint32_t a = e + 1, b = a;
        while (b < lim && b < a + 4 && q_name_tok(q, b)) b++;
        int closes = b >= lim || q_punct_is(q, b, ',') || (q->t[b].flags & (LB_TOK_SENT_END | LB_TOK_BRACKET_OPEN)) || q_is_cue(q, b);
        if (b > a && closes) { sp.e = (int32_t)b; sp.ns = (int32_t)a; sp.ne = (int32_t)b; }
    }
    if (sp.ns < 0 && !caps && q->lang == QL_DE) return none();
    return sp;
}

/* "der Chef der Internet-Polizei (IIP), Kamal Hadiafar, …": a role phrase
 * without a name of its own (or only the genitive body's) is named by a name
 * in apposition after it: past an abbreviation in brackets, a comma, one to
 * four name words, then a comma, a bracket, the sentence end or a speech
 * verb. Extends sp over it; 1 when it did. */
int q_apposition(const qdoc *q, qspk *sp)
{
    uint32_t e = (uint32_t)sp->e, role = 0;
    for (int32_t k = sp->s; k < (sp->ns >= 0 ? sp->ns : sp->e) && !role; k++) role = q_is_role(q, (uint32_t)k);
    if (!role || e >= q->n) return 0;
    if (q->t[e].flags & LB_TOK_BRACKET_OPEN) {          /* "(IIP)" */
        uint32_t b = e + 1;
        while (b < q->n && b < e + 4 && !(q->t[b].flags & LB_TOK_BRACKET_CLOSE)) b++;
        if (b >= q->n || !(q->t[b].flags & LB_TOK_BRACKET_CLOSE)) return 0;
        e = b + 1;
    }
    if (e + 1 >= q->n || !q_punct_is(q, e, ',') || !q_same_sent(q, (uint32_t)sp->s, e + 1)) return 0;
    uint32_t a = e + 1, b = a;
    while (b < q->n && b < a + 4 && q_same_sent(q, a, b) && !q->inq[b] &&
           (q_name_tok(q, b) || (b > a && q_particle(q, b)))) b++;
    if (b < a + 1 || q_particle(q, b - 1)) return 0;
    int closes = b >= q->n || !q_same_sent(q, a, b) || q_punct_is(q, b, ',') ||
                 (q->t[b].flags & (LB_TOK_SENT_END | LB_TOK_BRACKET_OPEN)) || q_is_cue(q, b);
    if (!closes) return 0;
    sp->e = (int32_t)b; sp->ns = (int32_t)a; sp->ne = (int32_t)b;
    return 1;
}

qspk q_np_backward(const qdoc *q, uint32_t i, uint32_t lo)
{
    if (i == 0 || i <= lo) return none();
    /* English: an adverb between the subject and its verb ("Brazile later insisted") */
    while (q->lang == QL_EN && i > lo + 1 && (q_xcls(q, i - 1) & QX_ADV) && q_same_sent(q, i - 1, i)) i--;
    uint32_t j = i;
    int det = 0;
    while (j > lo && i - j < NP_MAX && q_same_sent(q, j - 1, i - 1)) {
        uint32_t k = j - 1;
        const lb_tok *t = &q->t[k];
        if (k + 1 < q->n && is_possessive(q, k)) { j--; continue; }
        if (t->norm_len == 1 && lb_tok_norm(q->doc, t)[0] == 's' && k > 0 && is_possessive(q, k - 1)) { j--; continue; }
        if (!(t->flags & LB_TOK_WORD)) break;
        if (j < i && q_particle(q, k)) { j--; continue; }
        uint32_t c = q_cls(q, k);
        if (c & QC_PRON) {
            if (k + 1 == i) { qspk s = { (int32_t)k, (int32_t)i, -1, -1 }; return s; }
            break;
        }
        if ((c & QC_DET) && !(t->flags & LB_TOK_UPPER && k > LB_SENTS(q->doc)[t->sent].tok0)) {
            /* "in der Vergangenheit": a phrase after a preposition is no subject */
            if (k > lo && (q_cls(q, k - 1) & (QC_STOP | QC_PREP)) && !(q_cls(q, k - 1) & QC_COORD) &&
                !(q_xcls(q, k - 1) & QX_LINK) && q_same_sent(q, k - 1, k)) return none();
            det = 1; j--; break;
        }
        if (c & (Q_STOPSET | QC_OF)) {
            /* a phrase after a preposition is no subject ("laut CCTV lobte") */
            if ((c & (QC_STOP | QC_PREP | QC_OF)) && !(q_xcls(q, k) & QX_LINK) && j < i) return none();
            break;
        }
        if (t->flags & LB_TOK_NUM) break;
        j--;
    }
    if (j >= i) return none();
    /* a predicative phrase is no subject: "Als Begründung sagte X" */
    if (j > lo && (q_xcls(q, j - 1) & QX_PRED) && q_same_sent(q, j - 1, j)) return none();
    uint32_t s = j, e = i;
    if (!det && q->lang != QL_EN) {
        while (s < e && !(q->t[s].flags & LB_TOK_UPPER)) s++;        /* leading lower case */
        while (e > s && !(q->t[e - 1].flags & LB_TOK_UPPER)) e--;    /* adverbs */
    }
    /* English bare plurals and quantified nouns are subjects: "critics said", "one analyst said" */
    if (s >= e) {
        /* "…, analysts said": a bare role noun right before the verb */
        if (!det && i > lo && q_is_role(q, i - 1) && (q->t[i - 1].flags & LB_TOK_WORD)) { qspk r = { (int32_t)i - 1, (int32_t)i, -1, -1 }; return r; }
        return none();
    }
    qspk sp = { (int32_t)s, (int32_t)e, -1, -1 };
    find_name(q, &sp);
    /* several speakers: "die EU und die USA warnten": the first named */
    if (s > lo + 1 && (q_cls(q, s - 1) & QC_COORD) && q_same_sent(q, s - 1, s)) {
        qspk first = q_np_backward(q, s - 1, lo);
        if (first.s >= 0 && first.ns >= 0) return first;
    }
    return sp;
}

static int is_close_quote(const qdoc *q, uint32_t i) { return i < q->n && (q->t[i].flags & LB_TOK_QCLOSE); }

/* the phrase overlaps a temporal expression ("Um 11:09 Uhr MEZ berichtet …"):
 * a time is never the speaker (binary search over doc->timex); a one-word
 * length before the phrase's head only describes it (die 84-jährige
 * Besucherin: lb_timex.modifier) */
static int in_time(const qdoc *q, qspk sp)
{
    const lb_timex *X = LB_TIMEXES(q->doc);
    uint32_t a = q->t[sp.s].start, b = q->t[sp.e - 1].end, head = q->t[sp.e - 1].start;
    size_t lo = 0, hi = q->doc->timex.len;
    while (lo < hi) { size_t mid = lo + (hi - lo) / 2; if (X[mid].end <= a) lo = mid + 1; else hi = mid; }
    for (; lo < q->doc->timex.len && X[lo].start < b; lo++)
        if (!(X[lo].end <= head && X[lo].modifier)) return 1;
    return 0;
}

/* German: a phrase found backwards from the verb that a preposition governs
 * ("anlässlich der Eröffnung erklärt") or whose article is genitive or dative
 * ("für die Auflösung des Vertrages gab") is no subject: a subject is
 * nominative and never inside a prepositional phrase (morphology layer) */
/* German: the article that opens sp is no nominative by its form (dem, den,
 * des, einem, einer, eines), or "der" before a feminine or plural noun or a
 * weak adjective in -en, where the tagger's case may be wrong: "Der Zeitung
 * sagte X", "Der englischsprachigen Zeitung sagte X" (dative, not subject) */
static int article_oblique(const qdoc *q, qspk sp)
{
    uint32_t s = (uint32_t)sp.s, x = q_xcls(q, s);
    if (!(q_cls(q, s) & QC_DET)) return 0;
    if (x & QX_OBLART) return 1;
    if (!(x & QX_NOMMASC)) return 0;
    for (uint32_t k = s + 1; k < (uint32_t)sp.e; k++) {
        const lb_tok *t = &q->t[k];
        if (!(t->flags & LB_TOK_WORD)) continue;
        if (!(t->flags & LB_TOK_UPPER)) {
            /* the weak adjective after "der": -e in the nominative, -en in the others */
            const char *w = lb_tok_norm(q->doc, t);
            if (t->norm_len > 3 && w[t->norm_len - 1] == 'n') return w[t->norm_len - 2] == 'e';
            if (t->norm_len > 2 && w[t->norm_len - 1] == 'e') return 0;
            continue;
        }
        const lb_morph *h = &LB_MORPH(q->doc)[k];
        /* a person's name has no grammatical gender of its own ("der Küng" is no -ung noun) */
        const lb_entity *en = lb_entity_at(q->doc, k);
        if (h->upos != LB_UPOS_NOUN || (en && en->type == LB_MEN_PER)) return 0;
        return LB_FEAT_GET(h->feats, GENDER) == LB_GENDER_FEM || LB_FEAT_GET(h->feats, NUMBER) == LB_NUMBER_PLUR;
    }
    return 0;
}

static int oblique(const qdoc *q, qspk sp)
{
    const lb_doc *d = q->doc;
    if (q->lang == QL_EN || d->morph.len != q->n || sp.s < 0) return 0;
    uint32_t s = (uint32_t)sp.s;
    /* after a preposition: an adjunct (am Montag) or a source (laut BBC: "Laut BBC sagte der Minister") */
    if (s > 0 && q_same_sent(q, s - 1, s) && LB_MORPH(d)[s - 1].upos == LB_UPOS_ADP &&
        ((q_xcls(q, s - 1) & QX_ADP) || (q_cls(q, s - 1) & (QC_PREP | QC_SRCPREP)))) return 1;
    const lb_morph *m = &LB_MORPH(d)[s];
    int c = LB_FEAT_GET(m->feats, CASE);
    if (m->upos == LB_UPOS_DET && (q_cls(q, s) & QC_DET) && (c == LB_CASE_GEN || c == LB_CASE_DAT)) return 1;
    if (article_oblique(q, sp)) return 1;
    /* a dative plural noun ends the phrase: "den 18 Mitarbeitern erklärt" */
    const lb_morph *h = &LB_MORPH(d)[sp.e - 1];
    return h->upos == LB_UPOS_NOUN && LB_FEAT_GET(h->feats, CASE) == LB_CASE_DAT && LB_FEAT_GET(h->feats, NUMBER) == LB_NUMBER_PLUR;
}

/* how far (tokens) back an apposition between a subject and its verb may reach,
 * and how far back the finite verb whose subject a participle shares */
#define Q_APPOS_BACK 16
#define Q_SHARED_BACK 40

/* a relative pronoun (morphology layer): "who", "which" */
static int relative_pronoun(const qdoc *q, uint32_t i)
{
    const lb_morph *m = &LB_MORPH(q->doc)[i];
    return (m->upos == LB_UPOS_PRON || m->upos == LB_UPOS_DET) && LB_FEAT_GET(m->feats, PRONTYPE) == LB_PRONTYPE_REL;
}

/* English "X, director of Y, says": the subject before an apposition that ends
 * right before the verb at v (no finite verb inside it), or before a
 * non-restrictive relative clause ("Developers, who are seeking funds, say") */
static qspk en_appos_subject(const qdoc *q, uint32_t v, uint32_t lo)
{
    if (q->doc->morph.len != q->n || v < lo + 3 || !q_punct_is(q, v - 1, ',')) return none();
    int finite = 0;
    for (uint32_t c = v - 2; c > lo && v - c < Q_APPOS_BACK; c--) {
        if (q->inq[c] || ((q->t[c].flags & LB_TOK_QUOTE) && !is_possessive(q, c))) break;
        const lb_morph *m = &LB_MORPH(q->doc)[c];
        int glued = q->t[c].start == q->t[c - 1].end;     /* "University's": a clitic, no verb */
        if (lb_morph_is_finite(m) && !glued) finite = 1;
        if (!q_punct_is(q, c, ',')) continue;
        if (finite && !relative_pronoun(q, c + 1)) break;
        qspk sp = q_np_backward(q, c, lo);
        if (sp.s >= 0 && sp.e == (int32_t)c && (sp.ns >= 0 || q_is_role(q, c - 1))) return sp;
        break;
    }
    return none();
}

/* the subject of the nearest finite verb before token f (and after lo) */
static qspk subject_before(const qdoc *q, uint32_t f, uint32_t v, uint32_t lo)
{
    const lb_morph *M = LB_MORPH(q->doc);
    const uint32_t end = f;
    for (; f > lo && v - f < Q_SHARED_BACK; f--) {
        uint32_t a = f - 1;
        if (q->inq[a] || ((q->t[a].flags & LB_TOK_QUOTE) && !is_possessive(q, a))) break;
        if ((M[a].upos != LB_UPOS_VERB && M[a].upos != LB_UPOS_AUX) || LB_FEAT_GET(M[a].feats, VERBFORM) != LB_VERBFORM_FIN) continue;
        /* not the verb of a clause inside ("They acknowledge that he was …, but say") */
        if (M[a].clause >= 0 && (size_t)M[a].clause < q->doc->clauses.len &&
            LB_CLAUSES(q->doc)[M[a].clause].kind != LB_CL_MAIN) continue;
        qspk sp;
        if (q_clause_subject(q, a, &sp) && sp.s >= (int32_t)lo && sp.e <= (int32_t)a) return sp;
        sp = q_np_backward(q, a, lo);
        if (sp.s < 0 && q->lang == QL_EN) sp = en_appos_subject(q, a, lo);
        if (sp.s < 0 && q->lang != QL_EN) {      /* inverted: "…, biss der Mann den Helfer und rief" */
            sp = q_subject_after(q, a, end);
            if (sp.s >= 0 && !q_can_speak(q, sp)) sp.s = -1;
        }
        return sp;
    }
    return none();
}

/* the verb at v is an English present participle */
static int en_participle(const qdoc *q, uint32_t v)
{
    const lb_morph *m = &LB_MORPH(q->doc)[v];
    return q->lang == QL_EN && ((q_xcls(q, v) & QX_PPART) ||
           (LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_PART && LB_FEAT_GET(m->feats, TENSE) == LB_TENSE_PRES));
}

/* the first of the adverbs and commas right before the verb at v (v: none) */
static uint32_t adverbs_before(const qdoc *q, uint32_t v, uint32_t lo)
{
    const lb_morph *M = LB_MORPH(q->doc);
    uint32_t k = v;
    while (k > lo && ((q_xcls(q, k - 1) & QX_ADV) || M[k - 1].upos == LB_UPOS_ADV || q_punct_is(q, k - 1, ','))) k--;
    return k;
}

/* the verb at v follows a coordinating conjunction (past adverbs and commas) */
static int after_coord(const qdoc *q, uint32_t v, uint32_t lo)
{
    uint32_t k = adverbs_before(q, v, lo);
    return k > lo && LB_MORPH(q->doc)[k - 1].upos == LB_UPOS_CCONJ;
}

/* A present participle (English ", saying …") or the second verb of a
 * coordination ("… and announced …", "…, but said …", "… und rief: …") shares
 * the subject of the finite verb before it in the sentence (subject_before) */
/* English: the subject of the main clause after the participle clause that
 * opens with v: the noun phrase after its comma, right before a finite verb
 * (morphology layer) */
static qspk fronted_subject(const qdoc *q, uint32_t v)
{
    const lb_sent *st = &LB_SENTS(q->doc)[q->t[v].sent];
    uint32_t hi = st->tok0 + st->ntok, c = v + 1;
    while (c < hi && c < v + Q_SCAN && !q_punct_is(q, c, ',') && !q->inq[c]) c++;
    if (c + 2 >= hi || !q_punct_is(q, c, ',')) return none();
    qspk sp = q_np_forward(q, c + 1, hi);
    if (sp.s != (int32_t)c + 1) return none();
    uint32_t f = (uint32_t)sp.e;
    while (f < hi && f < (uint32_t)sp.e + 2 && LB_MORPH(q->doc)[f].upos == LB_UPOS_ADV) f++;
    return f < hi && lb_morph_is_finite(&LB_MORPH(q->doc)[f]) ? sp : none();
}

static qspk en_shared_subject(const qdoc *q, uint32_t v, uint32_t lo)
{
    uint32_t k = adverbs_before(q, v, lo);
    int coord = after_coord(q, v, lo);
    if (!(en_participle(q, v) && k < v) && !coord) return none();
    return subject_before(q, coord ? k - 1 : k, v, lo);
}

/* the verb at v quotes someone (zitieren): the speaker is its object ("zitiert
 * die Zeitung X"), in the passive its subject ("X wird … zitiert"); 1 with it */
static int quoted_speaker(const qdoc *q, uint32_t v, qspk *sp)
{
    const lb_doc *d = q->doc;
    const lb_clause *cl = q->lang == QL_EN || !(q_xcls(q, v) & QX_QUOTING) ? NULL : q_verb_clause(q, v);
    if (!cl) return 0;
    int32_t pi = cl->voice == LB_VOICE_PASS ? cl->subj : cl->obj;
    if (pi < 0 || (size_t)pi >= d->phrases.len) return 0;
    const lb_phrase *ph = &LB_PHRASES(d)[pi];
    if (!ph->ntok || ph->tok0 + ph->ntok > q->n || ph->prep >= 0) return 0;
    qspk s = { (int32_t)ph->tok0, (int32_t)(ph->tok0 + ph->ntok), -1, -1 };
    /* a name the clause layer cut short goes on over name words */
    while ((uint32_t)s.e < q->n && q_name_tok(q, (uint32_t)s.e - 1) && q_name_tok(q, (uint32_t)s.e) && q_same_sent(q, (uint32_t)s.s, (uint32_t)s.e)) s.e++;
    q_name_in(q, &s);
    if (s.ns < 0 && !(q_cls(q, (uint32_t)s.s) & QC_PRON)) return 0;
    *sp = s;
    return 1;
}

qspk q_en_appos_subject(const qdoc *q, uint32_t v, uint32_t lo) { return en_appos_subject(q, v, lo); }

/* q_verb_subject of a verb that quotes no one */
static qspk verb_subject(const qdoc *q, uint32_t v, uint32_t lo, uint32_t hi)
{
    int en = q->lang == QL_EN && q->doc->morph.len == q->n;
    qspk sp = en ? en_appos_subject(q, v, lo) : none();
    if (sp.s >= 0) return sp;
    /* "Insisting it wasn't rehearsed, Trump invited …": a participle that opens
     * its sentence shares the subject of the main clause after its comma */
    if (en && en_participle(q, v) && adverbs_before(q, v, lo) == lo && (sp = fronted_subject(q, v)).s >= 0) return sp;
    /* ", apparently suggesting …": the participle's subject before any adverb */
    if (q->doc->morph.len == q->n && (en_participle(q, v) || after_coord(q, v, lo)) && (sp = en_shared_subject(q, v, lo)).s >= 0) return sp;
    sp = q_verb_subject_tok(q, v, lo, hi);
    /* "X issued a statement saying …": the statement is the object of X's verb */
    if (en && sp.s >= 0 && sp.e == (int32_t)v && sp.ns < 0 && en_participle(q, v) && (q_cls(q, v - 1) & QC_NOUN)) {
        qspk x = subject_before(q, (uint32_t)sp.s, v, lo);
        if (x.s >= 0) return x;
    }
    /* German too: "biss der Mann den Helfer und rief: …" */
    return sp.s >= 0 || q->doc->morph.len != q->n ? sp : en_shared_subject(q, v, lo);
}

qspk q_verb_subject(const qdoc *q, uint32_t v, uint32_t lo, uint32_t hi)
{
    qspk qs;
    return quoted_speaker(q, v, &qs) ? qs : verb_subject(q, v, lo, hi);
}

int q_cue_speaker(const qdoc *q, uint32_t v, uint32_t lo, uint32_t hi, int passive, qspk *sp)
{
    if (quoted_speaker(q, v, sp)) return Q_SPK_QUOTED;
    if (passive && q_passive_cue(q, v, sp)) return Q_SPK_AGENT;
    *sp = verb_subject(q, v, lo, hi);
    return Q_SPK_SUBJECT;
}

qspk q_verb_subject_tok(const qdoc *q, uint32_t v, uint32_t lo, uint32_t hi)
{
    qspk sp;
    /* the clause layer's subject of the verb, where the syntax stage ran */
    if (q_clause_subject(q, v, &sp) && sp.s >= (int32_t)lo && sp.e <= (int32_t)hi && !in_time(q, sp) && !oblique(q, sp)) return sp;
    int inverted = q->lang == QL_EN
        ? (v == lo || is_close_quote(q, v - 1) || (q_punct_is(q, v - 1, ',') && v >= 2 && q->inq[v - 2]))
        : (v == lo || q_punct_is(q, v - 1, ',') || is_close_quote(q, v - 1) || q_punct_is(q, v - 1, ':') ||
           (q_cls(q, v - 1) & QC_STOP));
    if (inverted) {
        sp = q_np_forward(q, v + 1, hi);
        if (sp.s >= 0) return sp;
        if (q->lang != QL_EN) {
            sp = q_subject_after(q, v, hi);
            if (sp.s >= 0) return sp;
        }
    }
    sp = q_np_backward(q, v, lo);
    if (sp.s >= 0 && !in_time(q, sp) && !oblique(q, sp)) return sp;
    /* perfect tense: "X hat gesagt", "hat X gesagt" */
    for (uint32_t k = v; k > lo && v - k < 10; k--) {
        uint32_t a = k - 1;
        if (q_punct_is(q, a, ',') || (q->t[a].flags & LB_TOK_QUOTE)) break;
        if (q_cls(q, a) & QC_AUX) {
            sp = q_np_backward(q, a, lo);
            if (sp.s >= 0 && !oblique(q, sp)) return sp;
            sp = q_np_forward(q, a + 1, v);
            if (sp.s >= 0) return sp;
            break;
        }
    }
    if (!inverted && q->lang != QL_EN) {
        /* German inversion after an adverb: "Dabei sagte der Präsident" */
        sp = q_subject_after(q, v, hi);
        if (sp.s >= 0 && (sp.ns >= 0 || (q_cls(q, (uint32_t)sp.s) & (QC_PRON | QC_DET)))) return sp;
    }
    /* verb-final clause: "dass der Präsident X am Mittwoch betonte" */
    for (uint32_t k = v; k > lo && v - k < 24; k--) {
        uint32_t a = k - 1;
        if (q->inq[a]) continue;       /* the quoted object: als „lieber Freund“ bezeichneten */
        if (q->t[a].flags & LB_TOK_QUOTE) break;
        if (q_cls(q, a) & (QC_CONJ | QC_SUB | QC_AS)) {
            sp = q_np_forward(q, a + 1, v);
            if (sp.s >= 0 && (sp.ns >= 0 || (q_cls(q, (uint32_t)sp.s) & QC_PRON))) return sp;
            break;
        }
        if (q_punct_is(q, a, ',')) {
            /* relative clause: "Putin und Xi, die sich … bezeichneten" */
            if (a > lo && a + 1 < v && (q_cls(q, a + 1) & QC_DET) && !(q->t[a + 1].flags & LB_TOK_UPPER)) {
                sp = q_np_backward(q, a, lo);
                if (sp.s >= 0 && sp.ns >= 0) return sp;
            }
            break;
        }
    }
    /* a pronoun earlier in the clause: "wandte er sich an X und sagte" */
    for (uint32_t k = v; k > lo && v - k < Q_SCAN; k--) {
        if (q->t[k - 1].flags & LB_TOK_QUOTE) break;
        if (q_cls(q, k - 1) & QC_PRON) { qspk s = { (int32_t)k - 1, (int32_t)k, -1, -1 }; return s; }
    }
    /* the phrase that opens the sentence: "Die USA haben ... davor gewarnt" */
    if (lo < v && !(q->t[lo].flags & LB_TOK_QUOTE)) {
        sp = q_np_forward(q, lo, v);
        if (sp.s >= 0 && (sp.ns >= 0 || (q_cls(q, (uint32_t)sp.s) & (QC_PRON | QC_DET)))) return sp;
    }
    return none();
}

qspk q_sentence_source(const qdoc *q, uint32_t lo, uint32_t hi)
{
    if (hi > lo + Q_SCAN) hi = lo + Q_SCAN;
    for (uint32_t i = lo; i < hi; i++) {
        if (!(q_cls(q, i) & QC_NOUN) || q->inq[i]) continue;
        uint32_t s = i;
        while (s > lo && i - s < 3 && (q->t[s - 1].flags & LB_TOK_WORD) && !(q_cls(q, s - 1) & (QC_STOP | QC_PREP)) &&
               ((q_cls(q, s - 1) & QC_DET) || !(q->t[s - 1].flags & LB_TOK_UPPER))) s--;
        qspk sp = q_np_forward(q, s, hi);
        if (sp.s >= 0) return sp;
    }
    return none();
}

/* the noun phrase of a source preposition (locsrc: in, auf, aus, von) in the
 * clause of the speech verb at v, nearest to it first, never past a comma,
 * colon or quotation mark: "In dem Antrag heißt es", "Aus Paris hieß es",
 * "hieß es vom Abgeordneten X" (an impersonal subject leaves the source to it) */
static qspk locsrc_np(const qdoc *q, uint32_t p, uint32_t hi)
{
    uint32_t k = p + 1;
    if (k < hi && (q_cls(q, k) & QC_DET)) k++;
    while (k < hi && k < p + 5 && (q->t[k].flags & LB_TOK_WORD) && !(q->t[k].flags & LB_TOK_UPPER) && !q_cls(q, k)) k++;
    if (k >= hi || !(q->t[k].flags & LB_TOK_UPPER)) return none();
    /* "auf Anfrage (der APA)": the request put to the source is none */
    if (q_xcls(q, k) & QX_REQUEST) return none();
    qspk sp = q_np_forward(q, p + 1, hi);
    /* a bare plural with adjectives: "aus diplomatischen Kreisen", "aus gut informierten Quellen" */
    if (sp.s < 0 && k > p + 1 && !(q_cls(q, p + 1) & QC_DET) && q_is_srcnoun(q, k) && !q_loose_np(q, p + 1, hi, &sp)) return none();
    if (sp.s < 0 || in_time(q, sp)) return none();
    return sp;
}

static int clause_stop(const qdoc *q, uint32_t i)
{
    return q_punct_is(q, i, ',') || q_punct_is(q, i, ':') || (q->t[i].flags & LB_TOK_QUOTE) || q->inq[i];
}

/* the comma at c closes a relative clause that opens after an earlier comma
 * with a relative pronoun (morphology layer); that earlier comma, else 0 */
static uint32_t relative_before(const qdoc *q, uint32_t c, uint32_t lo)
{
    if (!q_punct_is(q, c, ',') || q->doc->morph.len != q->n) return 0;
    for (uint32_t k = c; k > lo + 1 && c - k < 24; k--) {
        if (q->inq[k - 1] || (q->t[k - 1].flags & LB_TOK_QUOTE)) return 0;
        if (!q_punct_is(q, k - 1, ',')) continue;
        int rel = relative_pronoun(q, k);
        /* German: an article form without its noun, the clause's finite verb last */
        rel |= (q_cls(q, k) & QC_DET) && !(q->t[k].flags & LB_TOK_UPPER) && !(q->t[k + 1].flags & LB_TOK_UPPER) &&
               lb_morph_is_finite(&LB_MORPH(q->doc)[c - 1]);
        return rel || (q_xcls(q, k) & QX_REL) ? k - 1 : 0;
    }
    return 0;
}

qspk q_impersonal_source(const qdoc *q, uint32_t v, uint32_t lo, uint32_t hi)
{
    /* only where the verb has an impersonal subject next to it ("hieß es", "es
     * heißt") or needs none ("verlautete") */
    if (q->lang == QL_EN || !((v + 1 < hi && (q_cls(q, v + 1) & QC_IMPERS)) || (v > lo && (q_cls(q, v - 1) & QC_IMPERS)) ||
                              (q_xcls(q, v) & QX_NOSUBJ))) return none();
    for (uint32_t k = v + 1; k < hi && k < v + Q_SCAN && !clause_stop(q, k); k++)
        if (q_xcls(q, k) & QX_LOCSRC) { qspk sp = locsrc_np(q, k, hi); if (sp.s >= 0) return sp; }
    for (uint32_t k = v; k > lo && v - k < Q_SCAN; k--) {
        if (clause_stop(q, k - 1)) {
            /* past a relative clause on the source: "In dieser Resolution, die
             * der Sicherheitsrat annahm, heißt es" */
            uint32_t c = relative_before(q, k - 1, lo);
            if (!c) break;
            k = c + 1;
            continue;
        }
        if (q_xcls(q, k - 1) & QX_LOCSRC) { qspk sp = locsrc_np(q, k - 1, v); if (sp.s >= 0) return sp; }
    }
    return none();
}
