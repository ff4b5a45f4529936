/* qindirect.c: indirect speech: a speech verb with a clause (sagte, dass …;
 * erklärte, Russland sei …; said that …; said the …), a post-posed attribution
 * (…, sagte X. / …, so X. / …, X said.), source phrases (laut X, X zufolge,
 * according to X), speech nouns with a clause (Behauptungen, dass …), and
 * Konjunktiv sentences that carry reported speech on. The content span is
 * the reported clause. It skips text inside direct quotes and does not
 * decide who is meant by a pronoun (qspeaker.c, lb_quotes_run). */
#include "quotes/qint.h"
#include <string.h>

typedef struct { uint32_t lo, hi; } range;

enum { NP_TAGGED_MAX = 8 };   /* words of a noun phrase found by its tags */

static int finite_in(const qdoc *q, uint32_t a, uint32_t b);
static qspk en_possessor(const qdoc *q, uint32_t v, uint32_t lo);

/* German zu-infinitive: "zu gehen", "einzuschränken", "zusammenzuarbeiten";
 * also the perfect and passive infinitive with an auxiliary ("abgeschossen zu
 * haben", "gewesen zu sein", "gewählt zu werden") */
static int zu_inf(const qdoc *q, uint32_t i)
{
    const lb_tok *t = &q->t[i];
    const char *w = lb_tok_norm(q->doc, t);
    size_t n = t->norm_len;
    if (n == 2 && !memcmp(w, "zu", 2))
        return i + 2 < q->n && (q->t[i + 1].flags & LB_TOK_WORD) && !(q->t[i + 1].flags & LB_TOK_UPPER) &&
               !(q_cls(q, i + 1) & ~(uint32_t)(QC_AUX | QC_DET | QC_VERB | QC_SEP | QC_KONJ | QC_KONJ2)) &&
               (q->t[i + 2].flags & LB_TOK_PUNCT);   /* also a speech verb: "zu bitten", "zu sagen" */
    if (n < 7 || (t->flags & LB_TOK_UPPER) || w[n - 1] != 'n') return 0;
    for (size_t k = 2; k + 4 <= n; k++)
        if (w[k] == 'z' && w[k + 1] == 'u' && k + 2 < n) {
            /* a particle before "zu": an, auf, ein, zusammen, aus, ab, bei, vor, mit, nach, zurück, fest, her */
            return k >= 2 && k <= 8;
        }
    return 0;
}

static uint32_t trim_end(const qdoc *q, uint32_t a, uint32_t b)
{
    while (b > a && (q->t[b - 1].flags & LB_TOK_PUNCT) && !(q->t[b - 1].flags & LB_TOK_QCLOSE && q->inq[b - 1])) b--;
    return b;
}

/* the reported clause [a, hi) looks like one: Konjunktiv, zu-infinitive, or English */
static int clause_ok(const qdoc *q, uint32_t a, uint32_t hi)
{
    if (a >= hi) return 0;
    uint32_t c0 = q_cls(q, a);
    /* "damit solle …": a subordinator before a finite verb is an adverb; a
     * preposition that can be a subordinator opens a zu-infinitive clause
     * ("bis zur Wahl einen Minister einzusetzen") */
    if ((c0 & QC_SUB) && !(a + 1 < hi && q_konj(q, a + 1))) {
        uint32_t e = trim_end(q, a, hi);
        if (q->lang == QL_EN || e < a + 3 || !zu_inf(q, e - 1)) return 0;
        for (uint32_t i = a; i < e; i++) if (q_punct_is(q, i, ',')) return 0;
    }
    if (q->t[a].flags & LB_TOK_QUOTE) return 0;
    uint32_t words = 0;
    if (hi > a + Q_SCAN) hi = a + Q_SCAN;
    for (uint32_t i = a; i < hi; i++) {
        if (q->t[i].flags & LB_TOK_WORD) words++;
        if (q->lang != QL_EN && (q_konj(q, i) || zu_inf(q, i))) return 1;
    }
    return q->lang == QL_EN && words >= 4;
}


/* share of [s, e) covered by direct quotes */
static int mostly_direct(const qdoc *q, uint32_t s, uint32_t e)
{
    uint64_t cov = 0;
    const lb_quote *qs = LB_QUOTES(q->doc);
    size_t lo = 0, hi = q->ndirect;      /* first direct quote that ends after s */
    while (lo < hi) { size_t mid = lo + (hi - lo) / 2; if (qs[mid].end <= s) lo = mid + 1; else hi = mid; }
    for (size_t k = lo; k < q->ndirect && qs[k].start < e; k++) {
        const lb_quote *d = &qs[k];
        uint32_t a = d->start > s ? d->start : s, b = d->end < e ? d->end : e;
        cov += b - a;
    }
    return cov * 2 >= (uint64_t)(e - s);
}

/* the reported clause [a, b) has words of its own before a direct quote in it
 * ("es müsse Schluss sein mit „…“", "der Bericht sei „…“"): it is indirect
 * speech that quotes some of the words (the direct quote stays a quote of its own) */
static int own_words(const qdoc *q, uint32_t a, uint32_t b)
{
    uint32_t words = 0;
    for (uint32_t i = a; i < b && !q->inq[i]; i++) words += (q->t[i].flags & LB_TOK_WORD) && !(q_cls(q, i) & QC_CONJ);
    return words >= 2;
}

static lb_quote *emit(qdoc *q, uint32_t a, uint32_t b, qspk sp, int32_t cue)
{
    if (b > a + Q_CLAUSE) b = a + Q_CLAUSE;      /* a run-on "sentence" */
    b = trim_end(q, a, b);
    while (a < b && ((q->t[a].flags & LB_TOK_PUNCT) && !(q->t[a].flags & LB_TOK_QUOTE))) a++;
    if (a >= b) return NULL;
    uint32_t words = 0;
    for (uint32_t i = a; i < b; i++) words += (q->t[i].flags & LB_TOK_WORD) != 0;
    if (words < 2) return NULL;
    uint32_t s = q->t[a].start, e = q->t[b - 1].end;
    if (q->inq[a] && (q->t[a].flags & LB_TOK_QUOTE)) return NULL;     /* a direct quote */
    if (mostly_direct(q, s, e) && (q->lang == QL_EN || !own_words(q, a, b))) return NULL;
    for (size_t k = q->doc->quotes.len; k-- > q->ndirect;) {     /* no duplicates (text order) */
        const lb_quote *o = &LB_QUOTES(q->doc)[k];
        if (o->start < e && s < o->end) return NULL;
        if (o->end <= s) break;
    }
    lb_quote *qt = lb_vec_push(&q->doc->quotes, &q->doc->arena);
    if (!qt) { q->oom = 1; return NULL; }
    q_quote_init(qt, s, e, 1);
    q_attribute(q, qt, sp, cue);
    return qt;
}

/* emit for the reported clause that ends at e, before its frame: from the
 * start of r, at most Q_CLAUSE tokens back */
static lb_quote *emit_before(qdoc *q, range r, uint32_t e, qspk sp, int32_t cue)
{
    return emit(q, e > r.lo + Q_CLAUSE ? e - Q_CLAUSE : r.lo, e, sp, cue);
}

/* the speech verb at v is a passive participle ("wird aufgefordert"): its
 * subject is the addressee; the speaker is the agent ("von X") or none */
int q_passive_cue(const qdoc *q, uint32_t v, qspk *sp)
{
    const lb_doc *d = q->doc;
    const lb_clause *cl = q_verb_clause(q, v);
    if (!cl || cl->voice != LB_VOICE_PASS) return 0;
    sp->s = sp->e = sp->ns = sp->ne = -1;
    if (cl->agent >= 0 && (size_t)cl->agent < d->phrases.len) {
        const lb_phrase *ph = &LB_PHRASES(d)[cl->agent];
        uint32_t s0 = ph->prep >= 0 ? (uint32_t)ph->prep + 1 : ph->tok0;
        if (s0 < ph->tok0 + ph->ntok && ph->tok0 + ph->ntok <= q->n) {
            sp->s = (int32_t)s0; sp->e = (int32_t)(ph->tok0 + ph->ntok);
            q_name_in(q, sp);
        }
    }
    return 1;
}

/* speaker of the speech verb at v, falling back to the sentence's source */
static qspk verb_speaker(const qdoc *q, uint32_t v, range r)
{
    qspk sp;
    int how = q_cue_speaker(q, v, r.lo, r.hi, q->lang != QL_EN, &sp);
    if (how == Q_SPK_QUOTED) return sp;
    if (how == Q_SPK_AGENT) return sp.s >= 0 ? sp : q_sentence_source(q, r.lo, r.hi);
    if (sp.s >= 0 && !(q_cls(q, (uint32_t)sp.s) & QC_IMPERS)) return sp;
    /* English "It said that …", "but it later clarified that …": right before
     * the verb (and its adverbs), opening its clause, "it" is the pronoun of an
     * organisation, not an impersonal subject (that one takes a passive: "it
     * was reported that …") */
    if (q->lang == QL_EN) {
        uint32_t k = v;
        while (k > r.lo && v - k < 3 && (q_xcls(q, k - 1) & QX_ADV)) k--;
        if (k > r.lo && (q_cls(q, k - 1) & QC_IMPERS) && !q->inq[k - 1] &&
            (k - 1 == r.lo || !(q->t[k - 2].flags & LB_TOK_WORD) || (q_cls(q, k - 2) & (QC_COORD | QC_CONJ)))) {
            qspk it = { (int32_t)k - 1, (int32_t)k, -1, -1 };
            return it;
        }
    }
    qspk ss = q_sentence_source(q, r.lo, r.hi);
    if (ss.s < 0) ss = q_impersonal_source(q, v, r.lo, r.hi);   /* "Aus Paris hieß es, …" */
    return ss;
}

/* inq holds only 0 and 1 (qdirect.c) */
static int any_inq(const qdoc *q, uint32_t a, uint32_t b)
{
    return a < b && memchr(q->inq + a, 1, b - a) != NULL;
}

/* a negation within three words before the cue, or (German V2) between the
 * cue and its clause: "did not say", "forderte die Firma nicht dazu auf," */
static int negated(const qdoc *q, uint32_t v, uint32_t lo)
{
    for (uint32_t k = v; k > lo && v - k < 3; k--) {
        if (!(q->t[k - 1].flags & LB_TOK_WORD)) break;
        if (q_cls(q, k - 1) & QC_NEG) return 1;
    }
    for (uint32_t k = v + 1; q->lang != QL_EN && k < q->n && k < v + 8; k++) {
        if (!(q->t[k].flags & LB_TOK_WORD) || (q_cls(q, k) & QC_CONJ)) break;
        if (q_cls(q, k) & QC_NEG) return 1;
    }
    return 0;
}

/* [a, b) is empty or a subject: a pronoun, "es", or a short noun phrase */
static int subject_only(const qdoc *q, uint32_t a, uint32_t b)
{
    if (a == b) return 1;
    if (b - a == 1 && (q_cls(q, a) & (QC_PRON | QC_IMPERS))) return 1;
    qspk sp = q_np_forward(q, a, b);
    if (b - a <= 6 && sp.s == (int32_t)a && sp.e == (int32_t)b) return 1;
    /* adjuncts around it: "sagte am Samstag in Genf dem Sender Y," (2: the
     * clause must then show that it is reported); only adverbs: "teilte auch mit," */
    if (!q_adjuncts(q, a, b, &sp)) return 0;
    for (uint32_t k = a; k < b; k++) if (!(q_xcls(q, k) & (QX_ADV | QX_ADP))) return 2;
    return 1;
}

/* "sagte Kurz:" - nothing bracketed between verb and colon ("(X berichtete):")
 * and the verb not passive ("wurden bekanntgegeben:"): someone speaks */
static int colon_frame(const qdoc *q, uint32_t v, uint32_t k)
{
    for (uint32_t m = v + 1; m <= k; m++) if (q->t[m].flags & (LB_TOK_BRACKET_OPEN | LB_TOK_BRACKET_CLOSE)) return 0;
    const lb_morph *mo = v < q->doc->morph.len ? &LB_MORPH(q->doc)[v] : NULL;
    if (mo && mo->clause >= 0 && (size_t)mo->clause < q->doc->clauses.len &&
        LB_CLAUSES(q->doc)[mo->clause].voice == LB_VOICE_PASS) return 0;
    return 1;
}

/* German: an article form used as a pronoun after a comma ("ein Taifun, der am
 * Sonntag … heimsuchte") opens a relative clause unless a finite verb follows it
 * (a main clause puts its verb second: "…, der sei …") */
static int relative_start(const qdoc *q, uint32_t a, range r)
{
    if (q->doc->morph.len != q->n || !(q_cls(q, a) & QC_DET) || LB_MORPH(q->doc)[a].upos != LB_UPOS_PRON) return 0;
    if (a + 1 >= r.hi) return 1;
    return !lb_morph_is_finite(&LB_MORPH(q->doc)[a + 1]);
}

/* German: a reported main clause whose first place [a, e) (a phrase without a
 * verb) has a relative clause after it, then the Konjunktiv finite verb:
 * "erklärte die Ministerin, in den Ländern, in denen Gebühren erhoben würden,
 * sei die Zahl gestiegen" */
static int vorfeld_relative(const qdoc *q, uint32_t a, uint32_t e, range r)
{
    if (e >= r.hi || e <= a + 1 || !q_punct_is(q, e, ',') || q_has_verb(q, a, e) || q->doc->morph.len != q->n) return 0;
    uint32_t m = e + 1;
    if (m < r.hi && (q_xcls(q, m) & QX_ADP)) m++;                  /* "in denen" */
    if (m >= r.hi) return 0;
    const lb_morph *mo = &LB_MORPH(q->doc)[m];
    if (!((mo->upos == LB_UPOS_PRON && LB_FEAT_GET(mo->feats, PRONTYPE) == LB_PRONTYPE_REL) || (q_xcls(q, m) & QX_REL) ||
          ((q_cls(q, m) & QC_DET) && !(q->t[m].flags & LB_TOK_UPPER)))) return 0;
    for (uint32_t c = m + 1; c + 1 < r.hi && c < m + Q_SCAN; c++) {
        if (q->inq[c] || (q->t[c].flags & LB_TOK_SENT_END)) return 0;
        if (q_punct_is(q, c, ',')) return q_konj(q, c + 1) == 1;
    }
    return 0;
}

/* German: an apposition to the subject after the verb at v, from the comma at
 * c to the next comma: a name after a role phrase ("sagte der Koordinator,
 * Karl Weber, …", "sagte der Leiter der Behörde, Karl Weber, …") or a
 * description after a name ("sagte Li Fei, der Vorsitzende des Ausschusses,
 * …"); the token of that second comma, else 0 */
static uint32_t apposition_end(const qdoc *q, uint32_t v, uint32_t c, range r)
{
    if (v + 1 >= c) return 0;
    /* a name after the verb, then a description with its article and no verb
     * ("sagte Li Fei, der stellvertretende Vorsitzende des Ausschusses, …") */
    int named = 1;
    for (uint32_t m = v + 1; m < c && named; m++) named = q_name_tok(q, m) || q_particle(q, m);
    if (named && c + 2 < r.hi && (q_cls(q, c + 1) & QC_DET) && !(q->t[c + 1].flags & LB_TOK_UPPER)) {
        uint32_t e = c + 1;
        while (e < r.hi && e < c + 12 && !q_punct_is(q, e, ',') && !q->inq[e] && !(q->t[e].flags & LB_TOK_SENT_END)) e++;
        return e < r.hi && q_punct_is(q, e, ',') && e > c + 2 && !q_has_verb(q, c + 1, e) ? e : 0;
    }
    /* the subject before it: a role noun, or a noun phrase with its article */
    int role = (q_cls(q, v + 1) & QC_DET) && !q_has_verb(q, v + 1, c);
    for (uint32_t m = v + 1; m < c && !role; m++) role = q_is_role(q, m);
    if (!role) return 0;
    uint32_t e = c + 1;
    while (e < r.hi && e < c + 6 && q_name_tok(q, e)) e++;
    return e > c + 1 && e < r.hi && q_punct_is(q, e, ',') && !q_has_verb(q, c + 1, e) ? e : 0;
}

/* English: after the speech verb at v (no infinitive), a clause opens at a
 * with a personal pronoun (also contracted: "they've") before a verb, or a
 * noun phrase without article
 * (determiners, adjectives, numerals, nouns by the morphology layer) right
 * before its finite verb: "construction will begin", "many voters are" */
static int bare_subject_clause(const qdoc *q, uint32_t v, uint32_t a, range r)
{
    if (q->doc->morph.len != q->n) return 0;
    const lb_morph *M = LB_MORPH(q->doc);
    /* no infinitive ("the potential to challenge cable companies may …") */
    if (v > r.lo && M[v - 1].upos == LB_UPOS_PART) return 0;
    /* a personal pronoun not in the accusative before a verb: "they've spent", "we're spending" */
    if (M[a].upos == LB_UPOS_PRON && LB_FEAT_GET(M[a].feats, PRONTYPE) == LB_PRONTYPE_PRS &&
        LB_FEAT_GET(M[a].feats, CASE) != LB_CASE_ACC && a + 1 < r.hi && !q->inq[a + 1] &&
        (M[a + 1].upos == LB_UPOS_VERB || M[a + 1].upos == LB_UPOS_AUX)) return 1;
    uint32_t k = a, nouns = 0;
    for (; k < r.hi && k < a + 5 && !q->inq[k]; k++) {
        uint8_t u = M[k].upos;
        if (u == LB_UPOS_NOUN || u == LB_UPOS_PROPN) nouns++;
        else if (u != LB_UPOS_DET && u != LB_UPOS_ADJ && u != LB_UPOS_NUM) break;
    }
    return nouns && k > a && k < r.hi && M[k - 1].upos != LB_UPOS_DET && lb_morph_is_finite(&M[k]);
}

/* English: a subordinate clause at a and the main clause after it, each with
 * a finite verb (morphology layer), before any complementizer: "if he wins he
 * would …", "when the bridge opens the ferry will …" */
static int sub_then_main(const qdoc *q, uint32_t a, range r)
{
    if (q->doc->morph.len != q->n || a + 1 >= r.hi) return 0;
    /* the subordinate clause has a subject: not "while acknowledging", "when asked" */
    uint8_t u = LB_MORPH(q->doc)[a + 1].upos;
    if (u != LB_UPOS_PRON && u != LB_UPOS_DET && u != LB_UPOS_NOUN && u != LB_UPOS_PROPN && u != LB_UPOS_ADJ && u != LB_UPOS_NUM) return 0;
    uint32_t fin = 0;
    for (uint32_t k = a + 1; k < r.hi && k < a + Q_SCAN && fin < 2; k++) {
        /* another speech verb frames something else ("if this included X, Moore said") */
        if (q->inq[k] || (q_cls(q, k) & (QC_CONJ | QC_SUB)) || q_is_cue(q, k)) return 0;
        fin += lb_morph_is_finite(&LB_MORPH(q->doc)[k]) != 0;
    }
    return fin == 2 && clause_ok(q, a + 1, r.hi);
}

/* a complementizer after k before a comma, a quote or the sentence end */
static int conj_ahead(const qdoc *q, uint32_t k, range r)
{
    for (uint32_t m = k + 1; m < r.hi && m < k + Q_SCAN; m++) {
        if (q->inq[m] || q_punct_is(q, m, ',') || (q->t[m].flags & LB_TOK_SENT_END)) return 0;
        if (q_cls(q, m) & QC_CONJ) return 1;
    }
    return 0;
}

/* English: the verb at v and its subject follow a direct quote ("“…,”
 * Podesta told reporters on the flight", "“…,” she said in a statement"):
 * it attributes that quote, and what follows it is no object of speech */
static int attributes_direct(const qdoc *q, uint32_t v, range r)
{
    qspk b = q_np_backward(q, v, r.lo);
    uint32_t k = b.s >= 0 ? (uint32_t)b.s : v;
    return k > r.lo && (q->t[k - 1].flags & LB_TOK_QUOTE) && q->inq[k - 1];
}

/* English: "to" and a verb at k (morphology layer): an infinitive clause */
static int to_infinitive(const qdoc *q, uint32_t k)
{
    if (q->doc->morph.len != q->n || k + 1 >= q->n || q->t[k].norm_len != 2 || memcmp(lb_tok_norm(q->doc, &q->t[k]), "to", 2)) return 0;
    const lb_morph *m = &LB_MORPH(q->doc)[k + 1];
    return (m->upos == LB_UPOS_VERB || m->upos == LB_UPOS_AUX) && !lb_morph_is_finite(m);
}

/* English: a possessive 's at token i (one token 's / ’s, or an apostrophe
 * and s glued): the token after it, else 0 */
static uint32_t possessive_end(const qdoc *q, uint32_t i)
{
    if (i + 1 >= q->n || q->t[i - 1].end != q->t[i].start) return 0;
    const lb_tok *t = &q->t[i];
    if (q_possessive_s(q, i)) return i + 1;
    if ((t->flags & LB_TOK_QUOTE) && !q->inq[i] && i + 2 < q->n && q->t[i + 1].start == t->end && q->t[i + 1].norm_len == 1 &&
        lb_tok_norm(q->doc, &q->t[i + 1])[0] == 's') return i + 2;
    return 0;
}

/* English: the addressee phrase of "told" that starts at k: a noun phrase
 * ("NBC News", "the crowd") or one word that is no function word ("reporters",
 * "him"); the token after it, or k when there is none */
static uint32_t addressee_end(const qdoc *q, uint32_t k, range r)
{
    if (k >= r.hi || q->inq[k] || !(q->t[k].flags & LB_TOK_WORD)) return k;
    qspk ad = q_np_forward(q, k, r.hi);
    uint32_t e = ad.s == (int32_t)k && ad.e > ad.s ? (uint32_t)ad.e
               : (q_cls(q, k) & (QC_STOP | QC_CONJ | QC_SUB | QC_VERB | QC_AUX | QC_DET | QC_TIME)) ? k : k + 1;
    /* "that" ends it ("told the audience that Trump …": no determiner here) */
    for (uint32_t m = k + 1; m < e; m++) if (q_cls(q, m) & QC_CONJ) { e = m; break; }
    /* a possessor goes on with its noun: "CNN's Dana Bash" */
    uint32_t p = e > k ? possessive_end(q, e) : 0;
    return p && p < r.hi ? addressee_end(q, p, r) : e;
}

/* German: a zu-infinitive without a comma right after the participle at v
 * ("hatte angekündigt, …" written "hatte angekündigt bei der Wahl anzutreten"). */
static int zu_after_participle(const qdoc *q, uint32_t v, range r)
{
    if (q->lang == QL_EN || q->doc->morph.len != q->n || v + 2 >= r.hi || !(q->t[v + 1].flags & LB_TOK_WORD) ||
        LB_FEAT_GET(LB_MORPH(q->doc)[v].feats, VERBFORM) != LB_VERBFORM_PART || q->inq[v + 1] ||
        (q_cls(q, v + 1) & (QC_CONJ | QC_SUB | QC_AUX | QC_VERB))) return 0;
    uint32_t e = v + 1;
    while (e < r.hi && e < v + Q_SCAN && !q_punct_is(q, e, ',') && !(q->t[e].flags & LB_TOK_SENT_END) && !q->inq[e]) e++;
    e = trim_end(q, v + 1, e);
    return e > v + 3 && zu_inf(q, e - 1) && !q_has_verb(q, v + 1, e - 1);
}

/* clause_after at the comma or colon k after the cue at v (v1: past its
 * English time words; appos_end: the end of the speaker's apposition, or
 * 0): the start of the reported clause after it, or 0. */
static uint32_t clause_after_comma(const qdoc *q, uint32_t v, uint32_t v1, uint32_t k, uint32_t appos_end, range r,
                                   int *by_conj)
{
    uint32_t a = k + 1;
    if (a < r.hi && (q_cls(q, a) & QC_CONJ)) { *by_conj = 1; return a + 1; }
    /* English: an adjunct set off by commas between the verb and its
     * complementizer: "claimed, without evidence, that …" */
    if (q->lang == QL_EN && k == v1 && q_punct_is(q, k, ',')) {
        uint32_t e = a;
        while (e < r.hi && e < a + 8 && !q_punct_is(q, e, ',') && !(q->t[e].flags & LB_TOK_SENT_END) && !q->inq[e]) e++;
        if (e > a && e + 1 < r.hi && q_punct_is(q, e, ',') && (q_cls(q, e + 1) & QC_CONJ) && !finite_in(q, a, e)) {
            *by_conj = 1;
            return e + 2;
        }
    }
    /* an adjunct set off by commas after the speaker's apposition,
     * before the complementizer: "sagte der Leiter, X, gegenüber der
     * BBC, dass …" */
    if (q->lang != QL_EN && k == appos_end) {
        uint32_t e = a;
        while (e < r.hi && e < a + 8 && !q_punct_is(q, e, ',') && !(q->t[e].flags & LB_TOK_SENT_END)) e++;
        qspk adj;
        if (e > a && e + 1 < r.hi && q_punct_is(q, e, ',') && (q_cls(q, e + 1) & QC_CONJ) &&
            (q_xcls(q, a) & (QX_ADP | QX_ADV)) && q_adjuncts(q, a, e, &adj) && adj.s < 0) { *by_conj = 1; return e + 2; }
    }
    /* "sagte Kurz klar und deutlich: So ist es!": a colon after the verb and
     * its subject opens what was said (German direct speech whose marks are lost) */
    if (q->lang != QL_EN && q_punct_is(q, k, ':') && a + 1 < r.hi && (q->t[a].flags & LB_TOK_WORD) && (q->t[a].flags & LB_TOK_UPPER) &&
        !q->inq[a] && !q_has_verb(q, v + 1, k) && q_has_verb(q, a, r.hi) && colon_frame(q, v, k)) return a;
    /* a relative clause between: "ein Bericht …, der … zitiert, dass" */
    if (a < r.hi && (q_cls(q, a) & QC_DET) && !(q->t[a].flags & LB_TOK_UPPER)) {
        for (uint32_t m = a + 1; m + 1 < r.hi && m < a + 14; m++) {
            if (q->t[m].flags & (LB_TOK_SENT_END | LB_TOK_QUOTE)) break;
            if (q_punct_is(q, m, ',')) {
                if (q_cls(q, m + 1) & QC_CONJ) { *by_conj = 1; return m + 2; }
                break;
            }
        }
    }
    /* German "sagte, Russland sei …" / "hieß es, …" / "erklärte der Minister, …":
     * a main clause right after the verb and its subject */
    if (q->lang != QL_EN && subject_only(q, v + 1, k) == 1 && q_punct_is(q, k, ',') && a < r.hi && !relative_start(q, a, r) &&
        (((q->t[a].flags & LB_TOK_WORD) && !(q_cls(q, a) & (QC_SUB | QC_AS | QC_STOP | QC_VERB)) &&
          ((q->t[a].flags & LB_TOK_UPPER) || (q_cls(q, a) & (QC_DET | QC_PRON)))) ||
         ((q->t[a].flags & LB_TOK_NUM) && q_has_verb(q, a, r.hi)))) return a;   /* "berichtete, 200 Stellen sollen …" */
    uint32_t e = a;
    while (e < r.hi && e < a + Q_SCAN && !q_punct_is(q, e, ',') && !(q->t[e].flags & LB_TOK_SENT_END)) e++;
    if (q->lang != QL_EN && clause_ok(q, a, e)) return a;
    if (q->lang != QL_EN && e < r.hi && clause_ok(q, a, r.hi) && !(q_cls(q, a) & QC_SUB)) {
        /* "erklärte, die beiden Politiker würden …, darunter …" */
        for (uint32_t i = a; i < e; i++) if (q_konj(q, i)) return a;
    }
    if (q->lang != QL_EN && q_punct_is(q, k, ',') && subject_only(q, v + 1, k) == 1 && vorfeld_relative(q, a, e, r)) return a;
    return 0;
}

/* clause_after at the addressee of "told" (and its kind) that starts at k:
 * the start of the reported clause after it, or 0; *skip_to: the end of
 * the addressee and a time adjunct after it (k: none). */
static uint32_t clause_after_addressee(const qdoc *q, uint32_t k, range r, int *by_conj, uint32_t *skip_to)
{
    uint32_t e = addressee_end(q, k, r);
    /* past a time adjunct: "told voters this weekend he would …" */
    while (e > k && e + 1 < r.hi && !q->inq[e] && ((q_cls(q, e) & QC_TIME) || (q_xcls(q, e) & QX_ADV) ||
                                                   ((q_cls(q, e) & QC_DET) && (q_cls(q, e + 1) & QC_TIME)))) e++;
    *skip_to = e;
    if (e <= k) return 0;
    if (e < r.hi && (q_cls(q, e) & QC_CONJ) && !q->inq[e]) { *by_conj = 1; return e + 1; }
    if (e < r.hi && !q->inq[e] && (q_cls(q, e) & (QC_DET | QC_PRON)) && !(q_cls(q, e) & QC_CONJ) && clause_ok(q, e, r.hi) &&
        finite_in(q, e, e + 3 < r.hi ? e + 3 : r.hi)) return e;
    /* "told the broadcaster to take its business elsewhere": the request */
    if (e + 1 < r.hi && to_infinitive(q, e)) return e;
    /* "told supporters the wrong date": what was told is the second object */
    if (e + 1 < r.hi && !q->inq[e] && (q->t[e].flags & LB_TOK_WORD) && !conj_ahead(q, e - 1, r) &&
        !(q_cls(q, e) & (QC_STOP | QC_TIME | QC_SUB | QC_AUX | QC_CONJ | QC_VERB | QC_PRON)) &&
        (q->t[e + 1].flags & LB_TOK_WORD) && !(q_xcls(q, e) & QX_ADV)) return e;
    return 0;
}

/* Looks for the reported clause after the cue at v; start token or 0. */
static uint32_t clause_after(const qdoc *q, uint32_t v, range r, int *by_conj)
{
    *by_conj = 0;
    /* English: past a time word or adverb right after the verb ("said Tuesday the …") */
    uint32_t v1 = v + 1;
    while (q->lang == QL_EN && v1 < r.hi && v1 < v + 3 && ((q_cls(q, v1) & QC_TIME) || (q_xcls(q, v1) & QX_ADV))) v1++;
    if (zu_after_participle(q, v, r)) return v + 1;
    /* a separable verb whose particle ends the clause after an apposition: the
     * reported clause follows the particle ("gab der Leiter, X, bekannt, dass") */
    uint32_t k0 = v + 1;
    if (q->lang != QL_EN && (q_cls(q, v) & QC_SEP) && !(q_cls(q, v) & QC_VERB)) {
        uint32_t pt = q_sep_particle(q, v);
        if (pt > v + 1) {
            for (uint32_t m = v + 1; m < pt; m++) if (q_punct_is(q, m, ',')) { k0 = pt; break; }
        }
    }
    uint32_t lim = k0 + (q->lang == QL_EN ? 10 : 16), appos_end = 0;
    for (uint32_t k = k0; k < r.hi && k < lim; k++) {
        const lb_tok *t = &q->t[k];
        /* German: the name of a role phrase in apposition ("sagte der
         * Koordinator für X, Karl Weber, gegenüber der BBC, dass …"): the
         * reported clause comes after it */
        uint32_t ap = q->lang != QL_EN && q_punct_is(q, k, ',') ? apposition_end(q, v, k, r) : 0;
        if (ap) { lim += ap - k; k = ap - 1; appos_end = ap; continue; }
        if (q->inq[k] || (t->flags & LB_TOK_SENT_END)) return 0;
        /* a title or scare quote, no direct quote (those are inq): in der
         * Zeitung „Neues Deutschland“, told NBC's "Meet the Press" that */
        if (t->flags & LB_TOK_QUOTE) continue;
        uint32_t c = q_cls(q, k);
        if (c & QC_CONJ) { *by_conj = 1; return k + 1; }
        if (q_punct_is(q, k, ',') || q_punct_is(q, k, ':')) {
            uint32_t at = clause_after_comma(q, v, v1, k, appos_end, r, by_conj);
            if (at) return at;
            if (q->lang == QL_EN) break;      /* the verb's object, below */
            return 0;
        }
        /* "begründete das damit, dass …": a pronominal adverb right before ", dass"
         * is a correlative, not the subordinator damit */
        if ((c & QC_SUB) && !(c & QC_VERB) && q->lang != QL_EN && k + 2 < r.hi && q_punct_is(q, k + 1, ',') &&
            (q_cls(q, k + 2) & QC_CONJ)) continue;
        if ((c & QC_SUB) && q->lang == QL_EN) {
            /* "said if he wins he would …": a subordinate clause opens the reported one */
            if (k == v1 && sub_then_main(q, k, r)) return k;
            /* "said after the debate that …": the subordinator is a preposition here */
            if ((q_xcls(q, k) & QX_ADP) && !(c & QC_VERB) && conj_ahead(q, k, r)) continue;
        }
        if (c & (QC_VERB | QC_SUB)) { if (q->lang == QL_EN) break; return 0; }
        /* English: "said the …", "says he …" without "that" */
        if (q->lang == QL_EN && k < v1) continue;
        /* English: the addressee of "told" before the clause: "told reporters
         * he would …", "told NBC News in an interview that …" */
        if (q->lang == QL_EN && k == v1 && (q_xcls(q, v) & QX_ADDR)) {
            uint32_t e, at = clause_after_addressee(q, k, r, by_conj, &e);
            if (at) return at;
            if (e > k) { lim += e - k; k = e - 1; continue; }
        }
        if (q->lang == QL_EN && k == v1 && (c & (QC_DET | QC_PRON | QC_IMPERS)) && clause_ok(q, k, r.hi)) return k;
        if (q->lang == QL_EN && k == v1 && (t->flags & LB_TOK_UPPER) && !(c & (QC_TIME | QC_STOP)) && clause_ok(q, k, r.hi)) return k;
        /* "said construction will begin", "say many voters are …": a bare noun phrase and its finite verb */
        if (q->lang == QL_EN && k == v1 && !(q_xcls(q, v) & QX_ADDR) && bare_subject_clause(q, v, k, r) && clause_ok(q, k, r.hi)) return k;
    }
    if (q->lang == QL_EN && !attributes_direct(q, v, r)) {
        /* English: what was said, denied, called for is the verb's object */
        uint32_t k = v + 1;
        if (k < r.hi && (q_cls(q, k) & QC_STOP) && q->t[k].norm_len <= 3 && (q->t[k].flags & LB_TOK_WORD)) k++;
        if (k + 1 < r.hi && (q->t[k].flags & LB_TOK_WORD) && !q->inq[k] &&
            !(q_cls(q, k) & (QC_STOP | QC_TIME | QC_SUB | QC_AUX | QC_CONJ | QC_VERB | QC_PRON)) &&
            (q->t[k + 1].flags & LB_TOK_WORD)) return k;
    }
    return 0;
}

/* a phrase that ends the sentence: only an optional "(…)" and punctuation follow */
static int ends_sentence(const qdoc *q, uint32_t e, uint32_t hi)
{
    if (e < hi && (q->t[e].flags & LB_TOK_BRACKET_OPEN)) {
        while (e < hi && !(q->t[e].flags & LB_TOK_BRACKET_CLOSE)) e++;
        if (e < hi) e++;
    }
    return trim_end(q, e, hi) == e;
}

/* nothing but the end of the sentence after the verb at v, or (English) only
 * adjuncts: "…, the survey said Wednesday.", "…, he said in a statement." */
static int only_adjuncts_after(const qdoc *q, uint32_t v, range r)
{
    if (ends_sentence(q, v + 1, r.hi)) return 1;
    if (q->lang != QL_EN) return 0;
    uint32_t b = trim_end(q, v + 1, r.hi), a = v + 1;
    qspk s;
    if (q_xcls(q, v) & QX_ADDR) {          /* "…, he told reporters on Monday." */
        s = q_np_forward(q, a, b);
        if (s.s < 0 && !q_loose_np(q, a, b, &s)) {
            /* a bare plural: "told reporters" */
            if (!(q->t[a].flags & LB_TOK_WORD) || (q_cls(q, a) & (QC_STOP | QC_CONJ | QC_SUB | QC_VERB))) return 0;
            s.e = (int32_t)a + 1;
        }
        if (s.e <= (int32_t)a) return 0;
        a = (uint32_t)s.e;
        if (a == b) return 1;
    }
    return b > a && b < v + 1 + Q_SCAN && q_adjuncts(q, a, b, &s) && s.s < 0;
}

/* English: the attribution is a parenthesis ("Beyond that, he said, the bank
 * may …", "…, X told reporters on Monday, …"): the comma after the verb at v
 * and its adjuncts, with the sentence going on after it; 0 if there is none */
static uint32_t parenthesis_end(const qdoc *q, uint32_t v, range r)
{
    uint32_t c = v + 1;
    while (c < r.hi && c < v + Q_SCAN && !q_punct_is(q, c, ',') && !(q->t[c].flags & LB_TOK_SENT_END) && !q->inq[c]) c++;
    if (c + 1 >= r.hi || !q_punct_is(q, c, ',') || q->inq[c] || q->inq[c + 1] || ends_sentence(q, c + 1, r.hi)) return 0;
    if (!(q->t[c + 1].flags & LB_TOK_WORD)) return 0;
    range head = { r.lo, c };
    return only_adjuncts_after(q, v, head) ? c : 0;
}

/* the clause of a speech noun: "Behauptungen, dass", "Behauptungen unterstützt, dass";
 * the token after the complementizer, or 0 */
static uint32_t noun_zu(const qdoc *q, uint32_t w, range r);

static uint32_t noun_konj(const qdoc *q, uint32_t w, range r);

/* English: "that" after a noun followed by a finite verb opens a relative
 * clause whose subject it is ("the report that was released"), not a
 * content clause, which has a subject of its own (morphology layer) */
static int relative_that(const qdoc *q, uint32_t k)
{
    if (q->lang != QL_EN || q->doc->morph.len != q->n || k + 1 >= q->n || q->t[k].norm_len != 4 ||
        memcmp(lb_tok_norm(q->doc, &q->t[k]), "that", 4)) return 0;
    const lb_morph *m = &LB_MORPH(q->doc)[k + 1];
    return lb_morph_is_finite(m) || m->upos == LB_UPOS_AUX;
}

static uint32_t noun_conj(const qdoc *q, uint32_t w, range r)
{
    uint32_t z = noun_zu(q, w, r);
    if (!z) z = noun_konj(q, w, r);
    if (z) return z;
    uint32_t k = w + 1;
    while (k < r.hi && k < w + 3 && (q->t[k].flags & LB_TOK_WORD) && !(q->t[k].flags & LB_TOK_UPPER) && !q_cls(q, k)) k++;
    if (k < r.hi && q_punct_is(q, k, ',')) k++;
    else if (k != w + 1) return 0;
    return k < r.hi && (q_cls(q, k) & QC_CONJ) && !relative_that(q, k) ? k + 1 : 0;
}

/* German: a speech noun, its attributes (a genitive, a name) and a comma, then
 * a zu-infinitive clause: "die Forderung des Vorsitzenden X, auf die SPD
 * zuzugehen", "sein Angebot, zu vermitteln"; the clause's first token, or 0 */
static uint32_t noun_zu(const qdoc *q, uint32_t w, range r)
{
    if (q->lang == QL_EN || (q_xcls(q, w) & (QX_MEDIUM | QX_BODY))) return 0;
    uint32_t k = w + 1;
    while (k < r.hi && k < w + 8 && (q->t[k].flags & LB_TOK_WORD) && !q->inq[k] && !q_is_cue(q, k) &&
           !(q_cls(q, k) & (QC_CONJ | QC_SUB | QC_AUX | QC_KONJ | QC_KONJ2))) k++;
    if (k >= r.hi || !q_punct_is(q, k, ',') || q_has_verb(q, w + 1, k) || q->doc->morph.len != q->n) return 0;
    /* what stands between is an attribute (des Vorsitzenden X, ihres Trainers), not a
     * separable particle of the clause's verb ("warf … in der Erklärung vor, …") */
    if (k > w + 1 && !(q_cls(q, w + 1) & (QC_OF | QC_DET)) && !(q->t[w + 1].flags & LB_TOK_UPPER)) return 0;
    uint32_t a = k + 1, e = a;
    while (e < r.hi && e < a + Q_SCAN && !q_punct_is(q, e, ',') && !(q->t[e].flags & LB_TOK_SENT_END) && !q->inq[e]) e++;
    e = trim_end(q, a, e);
    if (e < a + 2 || !(q->t[a].flags & LB_TOK_WORD) || (q_cls(q, a) & (QC_SUB | QC_CONJ | QC_DET)) == QC_SUB) return 0;
    /* the clause ends in its zu-infinitive: "… zuzugehen", "… zu beenden" */
    if (!(zu_inf(q, e - 1) || (e >= a + 2 && q->t[e - 2].norm_len == 2 && !memcmp(lb_tok_norm(q->doc, &q->t[e - 2]), "zu", 2)))) return 0;
    return a;
}

/* German: a speech noun, its attributes and a comma, then a main clause in
 * Konjunktiv I: "die Hoffnung, sein Leben werde sich wenden", "dem Vorwurf,
 * das Gericht sei nicht legitim" (not a relative clause: "die Erklärung, die
 * … sei"); the clause's first token, or 0 */
static uint32_t noun_konj(const qdoc *q, uint32_t w, range r)
{
    if (q->lang == QL_EN || (q_xcls(q, w) & (QX_MEDIUM | QX_BODY)) || q->doc->morph.len != q->n) return 0;
    uint32_t k = w + 1;
    while (k < r.hi && k < w + 8 && (q->t[k].flags & LB_TOK_WORD) && !q->inq[k] && !q_is_cue(q, k) &&
           !(q_cls(q, k) & (QC_CONJ | QC_SUB | QC_AUX | QC_KONJ | QC_KONJ2))) k++;
    if (k >= r.hi || !q_punct_is(q, k, ',')) return 0;
    /* the verb whose object the noun is may close its clause before the
     * comma: "hatte den Standpunkt vertreten, das Gericht sei …" */
    uint32_t ke = k;
    if (k > w + 1 && !(q->t[k - 1].flags & LB_TOK_UPPER) && q_has_verb(q, k - 1, k)) ke = k - 1;
    if (q_has_verb(q, w + 1, ke)) return 0;
    if (ke > w + 1 && !(q_cls(q, w + 1) & (QC_OF | QC_DET)) && !(q->t[w + 1].flags & LB_TOK_UPPER)) return 0;
    uint32_t a = k + 1;
    if (a >= r.hi || !(q->t[a].flags & LB_TOK_WORD) || (q_cls(q, a) & (QC_SUB | QC_CONJ)) ||
        ((q_cls(q, a) & QC_DET) && !(q->t[a].flags & LB_TOK_UPPER) && LB_MORPH(q->doc)[a].upos == LB_UPOS_PRON)) return 0;
    for (uint32_t e = a + 1; e < r.hi && e < a + Q_SCAN && !q_punct_is(q, e, ',') && !q->inq[e]; e++)
        if (q_konj(q, e) == 1) return a;
    return 0;
}

/* token after which a reported clause that starts at a ends: before the next
 * cue that opens a clause of its own ("…, und betont, dass …") */
static uint32_t clause_end(const qdoc *q, uint32_t a, range r)
{
    for (uint32_t w = a + 1; w < r.hi && w < a + Q_CLAUSE; w++) {
        /* a coordinated main clause: "…, hat aber …" */
        if (q->lang != QL_EN && q_punct_is(q, w, ',') && w + 1 < r.hi && (q_cls(q, w + 1) & QC_AUX) && !q->inq[w]) return w;
        /* "…: „…“" a colon opens something else (often a direct quote) */
        if (q_punct_is(q, w, ':') && !q->inq[w]) return w;
        if (q->inq[w] || !(q->t[w].flags & LB_TOK_WORD)) continue;
        int by_conj, next = 0;
        if (q_is_cue(q, w) && clause_after(q, w, r, &by_conj)) next = 1;
        uint32_t c = q_cls(q, w);
        if ((c & QC_NOUN) && noun_conj(q, w, r)) next = 1;
        if (!next) continue;
        /* back to the comma or coordinator before the next cue's phrase */
        for (uint32_t k = w; k > a + 1; k--) {
            if (q_punct_is(q, k - 1, ',')) return k - 1;
            if ((q_cls(q, k - 1) & QC_COORD) && k - 1 > a + 1 && q_punct_is(q, k - 2, ',')) return k - 2;
        }
        return r.hi;
    }
    return r.hi;
}

/* a speech verb right after a source phrase that ends at a: "Laut CCTV lobte Xi …" */
static int cue_after(const qdoc *q, uint32_t a, uint32_t hi)
{
    if (a < hi && q_punct_is(q, a, ',')) a++;
    for (uint32_t k = a; k < hi && k < a + 2; k++) if (!q->inq[k] && q_is_cue(q, k)) return 1;
    return 0;
}

/* a speech verb before the source phrase in its clause: "Er erläuterte die
 * Politik aus Sicht Chinas." (the phrase belongs to what was said) */
static int cue_before(const qdoc *q, uint32_t ps, uint32_t lo)
{
    for (uint32_t k = ps; k > lo && ps - k < Q_SCAN; k--) {
        if (q_punct_is(q, k - 1, ',') || q_punct_is(q, k - 1, ':')) return 0;
        if (!q->inq[k - 1] && q_is_cue(q, k - 1)) return 1;
    }
    return 0;
}

/* [a, b) has a finite verb (morphology layer) */
static int finite_in(const qdoc *q, uint32_t a, uint32_t b)
{
    for (uint32_t k = a; k < b && k < q->n; k++)
        if (lb_morph_is_finite(&LB_MORPH(q->doc)[k])) return 1;
    return 0;
}

/* the clause a source phrase at [ps, pe) credits: what follows a phrase that
 * opens the sentence, what precedes "…, laut X.", else the whole sentence */
static lb_quote *source_quote(qdoc *q, range r, qspk sp, uint32_t ps, uint32_t pe, uint32_t v, uint32_t *next)
{
    int initial = 1;
    for (uint32_t m = r.lo; m < ps && initial; m++)
        initial = !(q->t[m].flags & LB_TOK_WORD) || (q_cls(q, m) & (QC_STOP | QC_COORD));
    if (initial) {
        uint32_t a = pe < r.hi && q_punct_is(q, pe, ',') ? pe + 1 : pe;
        if (a > pe) {
            /* past an apposition of the source ("Nach Ansicht von X, Vorsitzender
             * des Y, hat …") or any insert on it that the finite verb of the
             * main clause follows (German V2: the source phrase fills the first
             * place): "…, vertreten durch Z, soll …", "Nach offiziellen Angaben,
             * die nicht überprüft werden können, waren …" */
            uint32_t c2 = a;
            while (c2 < r.hi && c2 < a + 24 && !q_punct_is(q, c2, ',') && !(q->t[c2].flags & LB_TOK_SENT_END)) c2++;
            if (c2 < r.hi && c2 > a && q_punct_is(q, c2, ',') && q->doc->morph.len == q->n &&
                (!q_has_verb(q, a, c2) || (c2 + 1 < r.hi && finite_in(q, c2 + 1, c2 + 2)))) a = c2 + 1;
        }
        uint32_t end = clause_end(q, a, r);
        *next = end;
        return emit(q, a, end, sp, (int32_t)v);
    }
    *next = r.hi;
    if (ps > r.lo + 1 && q_punct_is(q, ps - 1, ',') && ends_sentence(q, pe, r.hi)) return emit(q, r.lo, ps - 1, sp, (int32_t)v);
    /* inside the sentence: the clause it stands in, from the comma before it */
    uint32_t a = ps;
    while (a > r.lo && !q_punct_is(q, a - 1, ',') && !q_punct_is(q, a - 1, ':')) a--;
    if (a > r.lo && (q_cls(q, a) & QC_SUB)) a++;
    if (a == ps) a = pe;          /* the phrase opens its clause: "…, nach denen X …" */
    return emit(q, a, r.hi, sp, (int32_t)v);
}

/* [a, b) has a proper noun (morphology layer): a name, not a common noun */
static int has_propn(const qdoc *q, uint32_t a, uint32_t b)
{
    if (q->doc->morph.len != q->n) return 0;
    for (uint32_t k = a; k < b && k < q->n; k++) if (LB_MORPH(q->doc)[k].upos == LB_UPOS_PROPN) return 1;
    return 0;
}

/* German: the comma before the verb at v closes a relative clause and the
 * clause layer puts the verb's subject before it ("X, der … ist, wies den
 * Vorwurf zurück"): v is the sentence's main verb, no post-posed frame */
static int subject_before(const qdoc *q, uint32_t v)
{
    const lb_doc *d = q->doc;
    const lb_clause *cl = q->lang == QL_EN ? NULL : q_verb_clause(q, v);
    if (!cl) return 0;
    int32_t pc = v >= 2 ? LB_MORPH(d)[v - 2].clause : -1;    /* the clause the comma closes */
    if (pc < 0 || (size_t)pc >= d->clauses.len || LB_CLAUSES(d)[pc].kind != LB_CL_REL ||
        cl->subj < 0 || (size_t)cl->subj >= d->phrases.len || LB_PHRASES(d)[cl->subj].tok0 >= v) return 0;
    /* the relative clause follows the subject with no finite verb between:
     * it is said of the subject ("Gonzalo X habe …, der Vorstand diesen
     * angenommen, teilte …" is no such case) */
    const lb_phrase *sj = &LB_PHRASES(d)[cl->subj];
    uint32_t rs = LB_CLAUSES(d)[pc].tok0;
    return rs >= sj->tok0 + sj->ntok && !finite_in(q, sj->tok0 + sj->ntok, rs);
}

/* An apposition without an article after the speaker ("…, said X, host of a
 * radio show", "…, said X, financial policy advocate for Y"; "…, sagte X,
 * stellvertretender Leiter des Instituts"): a noun or adjective (morphology
 * layer) and no finite verb up to the next comma or the sentence end */
static int bare_apposition(const qdoc *q, uint32_t a, range r)
{
    if (q->doc->morph.len != q->n || a >= r.hi || q->inq[a] ||
        (q_cls(q, a) & (QC_SUB | QC_CONJ | QC_PRON | QC_VERB | QC_STOP)) || (q_xcls(q, a) & QX_PPART)) return 0;
    uint8_t u = LB_MORPH(q->doc)[a].upos;
    if (u != LB_UPOS_NOUN && u != LB_UPOS_ADJ) return 0;
    uint32_t e = a;
    while (e < r.hi && e < a + Q_SCAN && !q_punct_is(q, e, ',') && !(q->t[e].flags & LB_TOK_SENT_END)) e++;
    return !finite_in(q, a, e);
}

/* "…, sagte X am Dienstag in Genf." / "…, sagte am Dienstag der Minister dem
 * Sender Y.": the speaker among adjuncts up to the end of the sentence, or up
 * to a comma before an apposition or a relative clause about the speaker */
static qspk post_speaker(const qdoc *q, uint32_t v, range r)
{
    qspk sp = { -1, -1, -1, -1 };
    uint32_t e = v + 1;
    while (e < r.hi && e < v + Q_SCAN && !q_punct_is(q, e, ',') && !(q->t[e].flags & LB_TOK_SENT_END)) e++;
    uint32_t b = trim_end(q, v + 1, e);
    if (e < r.hi && q_punct_is(q, e, ',') && !(e + 1 < r.hi && (q->t[e + 1].flags & LB_TOK_WORD) &&
        ((q_cls(q, e + 1) & QC_DET) || (q->t[e + 1].flags & LB_TOK_UPPER) || bare_apposition(q, e + 1, r)))) return sp;
    /* "…, sagte er, die Lage sei ernst": what follows the comma is reported itself */
    for (uint32_t k = e + 1; e < r.hi && k < r.hi && k < e + Q_SCAN && !q_punct_is(q, k, ','); k++)
        if (q_konj(q, k) || (q_cls(q, k) & QC_CONJ)) return sp;
    /* "…, teilte X mit.", "…, stellten die Forscher fest.", "…, gab X bekannt.":
     * the particle of a separable verb closes the clause after the speaker */
    if ((q_cls(q, v) & QC_SEP) && b > v + 1 && ((q_xcls(q, b - 1) & QX_ADP) || q_sep_particle(q, v) == b - 1)) b--;
    if (!q_adjuncts(q, v + 1, b, &sp) || (sp.s >= 0 && q->lang != QL_EN && !q_can_speak(q, sp))) sp.s = -1;
    if (sp.s >= 0 && !has_propn(q, (uint32_t)sp.s, (uint32_t)sp.e) && subject_before(q, v)) sp.s = -1;
    return sp;
}

/* the token after the speech verb at v and its impersonal subject right
 * after it ("hieß es": v + 2), or after a verb that needs none
 * ("verlautete": v + 1); 0 when v has neither */
static uint32_t impersonal_after(const qdoc *q, uint32_t v, range r)
{
    if (v + 1 < r.hi && (q_cls(q, v + 1) & QC_IMPERS)) return v + 2;
    return (q_xcls(q, v) & QX_NOSUBJ) ? v + 1 : 0;
}

/* German: after the speech verb at v and its impersonal subject ("hieß es"),
 * or one that needs none ("verlautete"), only adjuncts up to the end of the
 * sentence: "…, hieß es am Freitag aus der Botschaft auf Anfrage der APA."
 * (a: impersonal_after) */
static int impersonal_post(const qdoc *q, uint32_t a, range r)
{
    uint32_t b = trim_end(q, a, r.hi);
    if (b == a) return 1;
    for (uint32_t k = a; k < b; k++) if (q_punct_is(q, k, ',') || q->inq[k]) return 0;
    qspk sp;
    return b < a + Q_SCAN && q_adjuncts(q, a, b, &sp) && sp.s < 0;
}

/* German: the participle v ends the sentence and the auxiliary of its perfect
 * follows a comma, the speaker among adjuncts between them: "…, hatte Obama
 * bei seinem Treffen in Moskau gesagt."; the speaker (its start is two tokens
 * after the comma), else none */
static qspk perfect_frame(const qdoc *q, uint32_t v, range r)
{
    qspk sp = { -1, -1, -1, -1 };
    uint32_t a = v;
    while (a > r.lo && v - a < Q_SCAN && !q_punct_is(q, a - 1, ',') && !q->inq[a - 1] && !(q_cls(q, a - 1) & QC_AUX)) a--;
    if (a < r.lo + 3 || !(q_cls(q, a - 1) & QC_AUX) || !q_punct_is(q, a - 2, ',')) return sp;
    /* what the comma closes is a main clause, not a subordinate or relative
     * clause before the sentence's own verb ("Nachdem X … hatte, hat sie …") */
    if (q_cls(q, r.lo) & QC_SUB) return sp;
    const lb_doc *d = q->doc;
    int32_t pc = d->morph.len == q->n ? LB_MORPH(d)[a - 3].clause : -1;
    if (pc >= 0 && (size_t)pc < d->clauses.len && LB_CLAUSES(d)[pc].kind != LB_CL_MAIN) return sp;
    if (!q_has_verb(q, r.lo, a - 2) || !q_adjuncts(q, a, v, &sp) || sp.s != (int32_t)a || !q_can_speak(q, sp)) sp.s = -1;
    return sp;
}

/* The anaphoric frame ("… . Das bestätigte ein Sprecher.": the sentence before
 * is reported) and the as-frame ("(Denn) wie X mitteilte, …" / "…, wie X
 * berichtete.") at token v: 1 with the quote (or NULL) and the token to go on
 * after (the loop's next is *next + 1). */
static int frame_at(qdoc *q, range r, uint32_t v, lb_quote **out, uint32_t *next)
{
    uint32_t fcue, fend;
    qspk fsp;
    *out = NULL;
    if (v == r.lo && q->t[v].sent > 0 && q_anaphoric_frame(q, r.lo, r.hi, &fsp, &fcue)) {
        const lb_sent *ps = &LB_SENTS(q->doc)[q->t[v].sent - 1];
        if (!(q->t[r.lo].flags & LB_TOK_PARA_BEFORE)) *out = emit(q, ps->tok0, ps->tok0 + ps->ntok, fsp, (int32_t)fcue);
        *next = r.hi - 1;
        return 1;
    }
    if (!(q_cls(q, v) & QC_AS) || !q_as_frame(q, v, r.hi, &fsp, &fcue, &fend)) return 0;
    if (v == r.lo || !q_punct_is(q, v - 1, ',')) {
        uint32_t a = fend < r.hi && q_punct_is(q, fend, ',') ? fend + 1 : fend;
        uint32_t end = clause_end(q, a, r);
        *out = emit(q, a, end, fsp, (int32_t)fcue);
        *next = end > a ? end - 1 : a;
    } else {
        *out = emit_before(q, r, v - 1, fsp, (int32_t)fcue);
        *next = fend;
    }
    return 1;
}

/* A source phrase at v that credits its clause; not when a speech verb right
 * after it speaks for itself ("Laut CCTV lobte Xi …") or one before it owns it. */
static int source_at(qdoc *q, range r, uint32_t v, lb_quote **out, uint32_t *next)
{
    qspk sp;
    uint32_t ps, pe, n;
    if (!q_source_phrase(q, v, r.lo, r.hi, &sp, &ps, &pe)) return 0;
    if (cue_after(q, pe, r.hi) || cue_before(q, ps, r.lo)) return 0;
    *out = source_quote(q, r, sp, ps, pe, v, &n);
    *next = n > v ? n - 1 : v;
    return 1;
}

/* a speech verb in a fixed connective, no speech act: "…, das heißt, …" (a
 * demonstrative subject between commas), "Kurz gesagt, …" (a participle that
 * opens the sentence with one word before it and a comma after it) */
static int connective(const qdoc *q, uint32_t v, range r)
{
    if (v + 1 >= r.hi || !q_punct_is(q, v + 1, ',')) return 0;
    const lb_morph *mo = v < q->doc->morph.len ? &LB_MORPH(q->doc)[v] : NULL;
    /* a relative pronoun with an antecedent it agrees with is no connective:
     * "Ägypten, das vorschlug, …" (but "Reformen, das heißt, …") */
    const lb_morph *pm = mo && v > 0 ? mo - 1 : NULL;
    int rel = 0;
    if (pm && pm->phrase >= 0 && (size_t)pm->phrase < q->doc->phrases.len) {
        int32_t ant = LB_PHRASES(q->doc)[pm->phrase].antecedent;
        if (ant >= 0 && (size_t)ant < q->doc->phrases.len) {
            uint32_t f = LB_MORPH(q->doc)[LB_PHRASES(q->doc)[ant].head].feats;   /* das: neuter singular */
            rel = LB_FEAT_GET(f, NUMBER) != LB_NUMBER_PLUR &&
                  (!LB_FEAT_GET(f, GENDER) || LB_FEAT_GET(f, GENDER) == LB_GENDER_NEUT);
        }
    }
    if (v > r.lo && !rel && (q_xcls(q, v - 1) & QX_ANAPH) && !(pm && pm->upos == LB_UPOS_ADV) &&
        (v - 1 == r.lo || q_punct_is(q, v - 2, ','))) return 1;     /* a demonstrative, not the adverb of "daran appelliert, …" */
    return mo && LB_FEAT_GET(mo->feats, VERBFORM) == LB_VERBFORM_PART && v <= r.lo + 1;
}

/* the subject of the clause a speech noun stands in (clause layer): "Die
 * Union lehnte das mit der Begründung ab, …"; one that can speak, else none */
static void noun_clause_subject(const qdoc *q, uint32_t v, qspk *sp)
{
    const lb_doc *d = q->doc;
    if (d->morph.len != q->n || v >= q->n) return;
    int32_t ci = LB_MORPH(d)[v].clause;
    if (ci < 0 || (size_t)ci >= d->clauses.len) return;
    const lb_clause *cl = &LB_CLAUSES(d)[ci];
    if (cl->voice == LB_VOICE_PASS || cl->subj < 0 || (size_t)cl->subj >= d->phrases.len) return;
    const lb_phrase *ph = &LB_PHRASES(d)[cl->subj];
    if (!ph->ntok || ph->tok0 + ph->ntok > q->n || ph->tok0 + ph->ntok > v) return;
    if (ph->ntok == 1 && (q_cls(q, ph->tok0) & (QC_DET | QC_IMPERS))) return;
    qspk s = { (int32_t)ph->tok0, (int32_t)(ph->tok0 + ph->ntok), -1, -1 };
    q_name_in(q, &s);
    if ((s.ns >= 0 || (q_cls(q, ph->tok0) & QC_PRON)) && q_can_speak(q, s)) *sp = s;
}

#define DONE(expr) do { lb_quote *done_ = (expr); if (done_) { *last = (size_t)(done_ - LB_QUOTES(q->doc)); found = 1; } } while (0)

/* The functions below take what a speech verb at v reports: each returns 1
 * when it found a quote, 0 when it took the verb without one, and -1 (the
 * ones before the verb) when the verb is left to the next reading. */

/* post-posed after a comma: "…, sagte Putin.", "…, sagte X am Dienstag.",
 * "…, hieß es am Freitag aus der Botschaft." */
static int cue_after_comma(qdoc *q, range r, uint32_t v, size_t *last)
{
    int found = 0;
    qspk sp = q_np_forward(q, v + 1, r.hi);
    if (sp.s < 0 || !ends_sentence(q, (uint32_t)sp.e, r.hi)) sp = post_speaker(q, v, r);
    /* the source of the impersonal verb among the adjuncts, or none named */
    uint32_t imp = sp.s < 0 && q->lang != QL_EN ? impersonal_after(q, v, r) : 0;
    if (imp && q_has_verb(q, r.lo, v - 1) && impersonal_post(q, imp, r)) sp = q_impersonal_source(q, v, v + 1, r.hi);
    else if (sp.s < 0 || (q->lang != QL_EN && !q_has_verb(q, r.lo, v - 1))) return -1;
    if (v - 1 > r.lo && !(q->inq[v - 2] && (q->t[v - 2].flags & LB_TOK_QUOTE))) DONE(emit_before(q, r, v - 1, sp, (int32_t)v));
    return found;
}

/* post-posed in the perfect: "…, hatte Obama in Moskau gesagt." */
static int cue_perfect(qdoc *q, range r, uint32_t v, size_t *last)
{
    int found = 0;
    qspk sp;
    if (q->lang == QL_EN || v <= r.lo + 3 || !ends_sentence(q, v + 1, r.hi) || (sp = perfect_frame(q, v, r)).s < 0) return -1;
    uint32_t c = (uint32_t)sp.s - 2;
    if (!(c >= 1 && q->inq[c - 1])) DONE(emit_before(q, r, c, sp, (int32_t)v));
    return found;
}

/* post-posed without a comma before the verb: "…, Tapper said." / "…, the
 * survey said Wednesday." / "…, it said."; appos is the sentence's subject
 * before its apposition (q_en_appos_subject) */
static int cue_after_subject(qdoc *q, range r, uint32_t *pv, qspk appos, size_t *last)
{
    int found = 0;
    uint32_t v = *pv;
    qspk b = q_np_backward(q, v, r.lo);
    /* "…, Trump's finance chairman, Steve Mnuchin, told X.": the subject before its apposition */
    if (b.s < 0 && appos.s > (int32_t)r.lo && (q_xcls(q, v) & QX_ADDR)) b = appos;
    if (b.s < 0 && q->lang == QL_EN && (q_cls(q, v - 1) & QC_IMPERS) && q_punct_is(q, v - 2, ',')) {
        qspk it = { (int32_t)v - 1, (int32_t)v, -1, -1 };
        b = it;
    }
    uint32_t pc = q->lang == QL_EN && b.s > (int32_t)r.lo + 1 && q_punct_is(q, (uint32_t)b.s - 1, ',') && !q->inq[b.s - 2] ? parenthesis_end(q, v, r) : 0;
    if (pc && !(q_xcls(q, pc + 1) & QX_PPART)) {
        /* the whole sentence around the parenthesis is what was said */
        DONE(emit(q, r.lo, r.hi, b, (int32_t)v));
        *pv = r.hi - 1;
        return found;
    }
    /* "…, he said, adding …": the participle's clause is a quote of its own */
    if (b.s > (int32_t)r.lo && q_punct_is(q, (uint32_t)b.s - 1, ',') && (pc || only_adjuncts_after(q, v, r))) {
        uint32_t cend = (uint32_t)b.s - 1;
        if (!(cend >= 1 && q->inq[cend - 1])) DONE(emit_before(q, r, cend, b, (int32_t)v));
        return found;
    }
    return -1;
}

/* "Wie X mitteilte, haben …" / "As X said, …": the clause after the comma */
static int cue_as_clause(qdoc *q, range r, uint32_t *pv, size_t *last)
{
    int found = 0;
    uint32_t v = *pv, k = v + 1;
    while (k < r.hi && k < v + 3 && (q->t[k].flags & LB_TOK_WORD) && !q_cls(q, k)) k++;
    int as = 0;
    for (uint32_t m = v; m > r.lo && v - m < 12; m--) if (q_cls(q, m - 1) & QC_AS) { as = m - 1 == r.lo; break; }
    if (as && k + 1 < r.hi && q_punct_is(q, k, ',')) {
        qspk sp = q_np_forward(q, r.lo + 1, v);
        lb_quote *qt = emit(q, k + 1, clause_end(q, k + 1, r), sp, (int32_t)v);
        DONE(qt);
        if (qt) *pv = k;
    }
    return found;
}

/* the reported clause that starts at a after the verb ("sagte, dass …",
 * "sagte X: …"), spoken by the verb's speaker */
static int cue_clause_at(qdoc *q, range r, uint32_t *pv, uint32_t a, size_t *last)
{
    int found = 0;
    uint32_t v = *pv;
    qspk sp = verb_speaker(q, v, r);
    /* "sagte der Koordinator für X, Karl Weber, …": the name in apposition */
    uint32_t s0 = sp.s > (int32_t)v ? (uint32_t)sp.s : v + 1;       /* none found: the phrase after the verb */
    uint32_t c = (sp.s > (int32_t)v || sp.s < 0) && q->lang != QL_EN ? s0 : r.hi;
    while (c < r.hi && c < s0 + 12 && !q_punct_is(q, c, ',') && !q->inq[c] && (q->t[c].flags & LB_TOK_WORD)) c++;
    uint32_t ap = c + 1 < r.hi && q_punct_is(q, c, ',') && q_name_tok(q, c + 1) && !q_has_verb(q, s0, c) ? apposition_end(q, v, c, r) : 0;
    if (ap) { sp.s = (int32_t)s0; sp.ns = (int32_t)c + 1; sp.ne = (int32_t)ap; sp.e = (int32_t)ap; }
    uint32_t end = clause_end(q, a, r);
    /* the speaker is no part of what they said: a subject after the
     * clause ("Insisting it was not rehearsed, Trump invited …") ends it */
    if (q->lang == QL_EN && sp.s > (int32_t)a + 1 && (uint32_t)sp.s < end && q_punct_is(q, (uint32_t)sp.s - 1, ',')) end = (uint32_t)sp.s - 1;
    lb_quote *qt = emit(q, a, end, sp, (int32_t)v);
    if (qt && q_punct_is(q, a - 1, ':')) {
        /* "sagte X: So ist es!": without Konjunktiv it is direct speech */
        int konj = 0;
        for (uint32_t m = a; m < end && !konj; m++) konj = q_konj(q, m) != 0;
        if (!konj) qt->indirect = 0;
    }
    DONE(qt);
    if (qt || end < r.hi) *pv = end > a ? end - 1 : a;
    return found;
}

/* A speech verb at v: the reported clause before it ("…, sagte X"), after it
 * ("sagte, dass …", "sagte X: …") or "Wie X mitteilte, …". *pv moves past
 * what was taken. */
static int cue_clause(qdoc *q, range r, uint32_t *pv, size_t *last)
{
    uint32_t v = *pv;
    /* English: not "…, said X" when the comma closes the apposition or
     * relative clause of the subject that opens the sentence ("Developers, who
     * are seeking funds, say …"), nor before an addressee verb ("…, X's
     * chairman, Steve Mnuchin, told The Post": the object is the addressee) */
    qspk appos = q->lang == QL_EN && v > r.lo && q_punct_is(q, v - 1, ',') ? q_en_appos_subject(q, v, r.lo) : (qspk){ -1, -1, -1, -1 };
    int comma_before = v > r.lo && q_punct_is(q, v - 1, ',') &&
                       !(appos.s == (int32_t)r.lo || (appos.s >= 0 && (q_xcls(q, v) & QX_ADDR)));
    int taken;
    if (comma_before) taken = cue_after_comma(q, r, v, last);
    else if ((taken = cue_perfect(q, r, v, last)) < 0 && v > r.lo + 1) taken = cue_after_subject(q, r, pv, appos, last);
    if (taken >= 0) return taken;
    int by_conj;
    uint32_t a = clause_after(q, v, r, &by_conj);
    if (!a) return cue_as_clause(q, r, pv, last);
    return a < r.hi ? cue_clause_at(q, r, pv, a, last) : 0;
}

/* "…, so Uschakow." */
static int so_clause(qdoc *q, range r, uint32_t v, size_t *last)
{
    int found = 0;
    if (v > r.lo + 1 && q_punct_is(q, v - 1, ',')) {
        qspk sp = q_np_forward(q, v + 1, r.hi);
        /* "…, so schätzen die Forscher, …": the frame with its speech verb */
        if (sp.s < 0 && q->lang != QL_EN && v + 2 < r.hi && q_is_cue(q, v + 1)) {
            sp = q_np_forward(q, v + 2, r.hi);
            if (sp.s >= 0 && ((q_cls(q, (uint32_t)sp.s) & QC_IMPERS) || !q_can_speak(q, sp))) sp.s = -1;
        }
        /* a parenthesis: "Die Lage sei, so X, ernst." / "…, so X laut Y, dass …": the whole sentence */
        if (q->lang != QL_EN && sp.s >= 0) {
            uint32_t e = (uint32_t)sp.e;
            while (e < r.hi && e < (uint32_t)sp.e + 8 && !q_punct_is(q, e, ',') && !(q->t[e].flags & LB_TOK_SENT_END)) e++;
            if (e + 1 < r.hi && q_punct_is(q, e, ',') && !ends_sentence(q, e + 1, r.hi) && !any_inq(q, r.lo, r.hi) &&
                q_adjuncts(q, (uint32_t)sp.e, e, &(qspk){ -1, -1, -1, -1 })) {
                DONE(emit(q, r.lo, r.hi, sp, (int32_t)v));
                return found;
            }
        }
        /* "…, so X gegenüber der Zeitung." */
        if (q->lang != QL_EN && (sp.s < 0 || !ends_sentence(q, (uint32_t)sp.e, r.hi))) sp = post_speaker(q, v, r);
        if (sp.s >= 0 && (q->lang != QL_EN || ends_sentence(q, (uint32_t)sp.e, r.hi)) && !any_inq(q, v - 2, v - 1))
            DONE(emit_before(q, r, v - 1, sp, (int32_t)v));
    }
    return found;
}

/* a web address written without a scheme, which the tokenizer splits at its
 * dots ("bildblog.de", "t-online.de"): words and dots without spaces, the
 * last a top-level domain of two to four letters; the token after it, or 0 */
static uint32_t web_address(const qdoc *q, uint32_t k, uint32_t hi)
{
    if (k >= hi || (q->t[k].flags & LB_TOK_URL)) return k < hi ? k + 1 : 0;
    uint32_t j = k;
    while (j + 2 < hi && (q->t[j].flags & LB_TOK_WORD) && q_punct_is(q, j + 1, '.') &&
           q->t[j].end == q->t[j + 1].start && q->t[j + 1].end == q->t[j + 2].start && (q->t[j + 2].flags & LB_TOK_WORD)) j += 2;
    if (j == k || (q->t[j].flags & LB_TOK_UPPER) || q->t[j].end - q->t[j].start < 2 || q->t[j].end - q->t[j].start > 4) return 0;
    return j + 1;
}

/* German: a noun phrase with an extended attribute between its article and its
 * noun ("einer am Dienstag veröffentlichten Pressemitteilung des WFP", "dem für
 * Terrorismus zuständigen Staatsanwalt X"): the article, words without a finite
 * verb or comma, an adjective (morphology layer), then the noun phrase from the
 * noun on, which names the speaker; the phrase from the article, else none */
static qspk extended_np(const qdoc *q, uint32_t k, uint32_t hi)
{
    qspk none = { -1, -1, -1, -1 };
    if (q->doc->morph.len != q->n || k >= hi || !(q_cls(q, k) & QC_DET)) return none;
    for (uint32_t j = k + 2; j + 1 < hi && j < k + 10; j++) {
        if (!(q->t[j].flags & LB_TOK_WORD) || q->inq[j] || lb_morph_is_finite(&LB_MORPH(q->doc)[j])) return none;
        if (LB_MORPH(q->doc)[j].upos != LB_UPOS_ADJ || !(q->t[j + 1].flags & LB_TOK_UPPER)) continue;
        qspk sp = q_np_forward(q, j + 1, hi);
        if (sp.s < 0 || sp.ns < 0) return none;
        sp.s = (int32_t)k;
        return sp;
    }
    return none;
}

/* "Laut X …" / "…, according to X."; -1 when v names no one (maybe a speech noun) */
/* English: the object of a source preposition as the morphology layer tags it
 * ("according to recent polls", "according to a March Bloomberg article"):
 * determiners, adjectives, numerals and nouns up to the last noun; the name
 * in it, if any */
static qspk tagged_np(const qdoc *q, uint32_t k, uint32_t hi)
{
    qspk sp = { -1, -1, -1, -1 };
    if (q->lang != QL_EN || q->doc->morph.len != q->n) return sp;
    uint32_t e = k, last = 0;
    for (; e < hi && e < k + NP_TAGGED_MAX && !q->inq[e] && (q->t[e].flags & LB_TOK_WORD); e++) {
        uint8_t u = LB_MORPH(q->doc)[e].upos;
        if (u == LB_UPOS_NOUN || u == LB_UPOS_PROPN) last = e + 1;
        else if (u != LB_UPOS_DET && u != LB_UPOS_ADJ && u != LB_UPOS_NUM) break;
    }
    if (!last) return sp;
    sp.s = (int32_t)k; sp.e = (int32_t)last;
    q_name_in(q, &sp);
    return sp;
}

/* The clause from a (a speech verb and its subject) goes on with a reported
 * clause of its own: a colon, or a comma before "dass" or before words with a
 * Konjunktiv form ("sagte der Minister, dass …", "erklärte X, die Lage sei …"). */
static int frames_clause(const qdoc *q, uint32_t a, uint32_t hi)
{
    uint32_t k = a;
    while (k < hi && k < a + Q_CLAUSE && !q_punct_is(q, k, ',') && !q_punct_is(q, k, ':')) k++;
    if (k >= hi || k >= a + Q_CLAUSE) return 0;
    if (q_punct_is(q, k, ':')) return 1;
    if (k + 1 < hi && (q_cls(q, k + 1) & QC_CONJ)) return 1;
    for (uint32_t j = k + 1; j < hi && j < k + 8 && !q_punct_is(q, j, ','); j++)
        if (q_konj(q, j)) return 1;
    return 0;
}

static int prep_source(qdoc *q, range r, uint32_t v, int sent_inq, size_t *last)
{
    int found = 0;
    uint32_t k = v + 1;
    if (k < r.hi && (q_cls(q, k) & QC_STOP) && q->t[k].norm_len <= 2) k++;
    qspk sp = q_np_forward(q, k, r.hi);
    if (sp.s < 0 && q->lang != QL_EN) sp = extended_np(q, k, r.hi);
    if (sp.s < 0) sp = tagged_np(q, k, r.hi);
    /* a web address as the source: "laut bildblog.de", "laut ndr.de" */
    uint32_t we = web_address(q, k, r.hi);
    if (sp.s < 0 && we) { sp.s = sp.ns = (int32_t)k; sp.e = sp.ne = (int32_t)we; }
    if (sp.s < 0 || sent_inq) return -1;       /* maybe a speech noun: "Aussage, dass" */
    /* "Laut BBC sagte der Minister, dass …": the speech verb right after the
     * phrase frames its own reported clause, its subject is the speaker (GUIDELINES §3) */
    if (cue_after(q, (uint32_t)sp.e, r.hi) && frames_clause(q, (uint32_t)sp.e, r.hi)) return -1;
    int initial = 1;
    for (uint32_t m = r.lo; m < v && initial; m++) initial = !(q->t[m].flags & LB_TOK_WORD) || (q_cls(q, m) & QC_STOP);
    if (initial && v < r.lo + 3) {
        uint32_t a = (uint32_t)sp.e;
        if (a < r.hi && q_punct_is(q, a, ',')) a++;
        DONE(emit(q, a, clause_end(q, a, r), sp, (int32_t)v));
    } else if (q_punct_is(q, v - 1, ',') && (uint32_t)sp.e + 1 < r.hi && q_punct_is(q, (uint32_t)sp.e, ',') &&
               !ends_sentence(q, (uint32_t)sp.e + 1, r.hi)) {
        /* "The economy, according to X, is weak.": the clause around the phrase
         * (these windows count back from the cue v, not from the clause's end
         * as emit_before does) */
        DONE(emit(q, v > r.lo + Q_CLAUSE ? v - Q_CLAUSE : r.lo, r.hi, sp, (int32_t)v));
    } else if (q_punct_is(q, v - 1, ',')) DONE(emit(q, v > r.lo + Q_CLAUSE ? v - Q_CLAUSE : r.lo, v - 1, sp, (int32_t)v));
    else DONE(emit(q, v > r.lo + Q_SCAN ? v - Q_SCAN : r.lo, r.hi, sp, (int32_t)v));
    return found;
}

/* "X zufolge …" */
static int postp_source(qdoc *q, range r, uint32_t v, size_t *last)
{
    int found = 0;
    qspk sp = q_np_backward(q, v, r.lo);
    if (sp.s < 0 || any_inq(q, v > r.lo + Q_SCAN ? v - Q_SCAN : r.lo, v)) return found;
    /* "…, sagte X der Agentur Y zufolge": the speech verb before it owns its clause */
    if (cue_before(q, (uint32_t)sp.s, r.lo)) return found;
    uint32_t cs = (uint32_t)sp.s;
    while (cs > r.lo && cs + Q_SCAN > (uint32_t)sp.s && !q_punct_is(q, cs - 1, ',')) cs--;
    DONE((uint32_t)sp.s == r.lo ? emit(q, v + 1, r.hi, sp, (int32_t)v) : emit(q, cs, r.hi, sp, (int32_t)v));
    return found;
}

/* A speech noun with its clause: "Moskaus Behauptungen, dass …", "the claim
 * that …". *pv moves to the clause's end. */
static int noun_clause(qdoc *q, range r, uint32_t *pv, size_t *last)
{
    int found = 0;
    uint32_t v = *pv;
    uint32_t k = noun_conj(q, v, r);
    if (!k) goto out;
    k--;
    uint32_t s = v;
    while (s > r.lo && v - s < 3 && (q->t[s - 1].flags & LB_TOK_WORD) &&
           !(q_cls(q, s - 1) & (QC_STOP | QC_PREP | QC_VERB | QC_AUX | QC_CONJ | QC_SEP))) {
        const lb_tok *pt = &q->t[s - 1];
        int gen = (pt->flags & LB_TOK_UPPER) && pt->norm_len > 1 && lb_tok_norm(q->doc, pt)[pt->norm_len - 1] == 's';
        if ((pt->flags & LB_TOK_UPPER) && !(q_cls(q, s - 1) & QC_DET) && !gen && s != v) break;
        s--;
    }
    qspk sp = q_np_forward(q, s, k);
    if (sp.s >= 0 && sp.ns < 0) sp.s = -1;   /* "die Erklärung": no one named */
    if (sp.s >= 0 && sp.ns <= (int32_t)v && (int32_t)v < sp.ne) sp.s = -1;   /* the noun itself is no name */
    /* "eine Schätzung, wonach …", "Spekulationen, wonach …": the noun phrase is
     * the source of what the clause says (by the meaning of "wonach") */
    if (sp.s < 0 && (q_xcls(q, k) & QX_SRCCONJ)) {
        uint32_t a = s;
        while (a < v && (q_cls(q, a) & (QC_IMPERS | QC_PRON))) a++;   /* "gibt es eine Schätzung" */
        qspk np = { (int32_t)a, (int32_t)(v + 1), -1, -1 };
        sp = np;
    }
    /* a content noun (the hope, news, criticism that …) names its holder only
     * inside its own phrase ("Pence's suggestion that"): whoever the clause
     * around it is about need not be the source ("stocks fell after news that") */
    int own_only = !(q_cls(q, v) & QC_NOUN) && (q_xcls(q, v) & QX_CNOUN);
    if (sp.s < 0 && q->lang == QL_EN) sp = en_possessor(q, v, r.lo);   /* "Pence's suggestion that" */
    if (sp.s < 0 && !own_only) noun_clause_subject(q, v, &sp);   /* "lehnte X mit der Begründung ab, …" */
    if (sp.s < 0 && s > r.lo && !own_only) {
        /* "X ist der Ansicht, dass …", "X vertritt die These, dass …": the
         * subject of the verb right before the noun phrase */
        uint32_t w = s - 1;
        if ((q->t[w].flags & LB_TOK_WORD) && !(q->t[w].flags & LB_TOK_UPPER) && !(q_cls(q, w) & (QC_STOP | QC_PREP | QC_CONJ | QC_SUB))) {
            qspk vs = q_verb_subject(q, w, r.lo, r.hi);
            if (vs.s >= 0 && (vs.ns >= 0 || (q_cls(q, (uint32_t)vs.s) & QC_PRON)) && q_can_speak(q, vs)) sp = vs;
        }
    }
    uint32_t end = clause_end(q, k + 1, r);
    /* the embedded clause ends where the main clause resumes: "…, entschieden zurück" */
    for (uint32_t m = k + 2; m + 1 < end; m++) {
        if (!q_punct_is(q, m, ',') || q->inq[m]) continue;
        const lb_tok *nt = &q->t[m + 1];
        if ((nt->flags & LB_TOK_WORD) && !(nt->flags & LB_TOK_UPPER) &&
            !(q_cls(q, m + 1) & (QC_DET | QC_SUB | QC_CONJ | QC_PRON | QC_COORD))) { end = m; break; }
    }
    DONE(emit(q, k + 1, end, sp, (q_xcls(q, k) & QX_SRCCONJ) ? (int32_t)k : -1));
    v = end > k ? end - 1 : k;
out:
    *pv = v;
    return found;
}

/* A predicative adjective of certainty or feeling right before its content
 * clause: "X was confident that …", "X has for weeks been optimistic that …",
 * "X ist zuversichtlich, dass …" / "…, … zu können", "X zeigte sich
 * zuversichtlich, dass …". The subject of the copula before it (past
 * adverbs; or of a verb with a reflexive pronoun in its place) speaks; an impersonal
 * one ("it is certain that") credits no one and makes no quote. *pv moves to
 * the clause's end. */
static int adj_clause(qdoc *q, range r, uint32_t *pv, size_t *last)
{
    int found = 0;
    uint32_t v = *pv, k = v;
    if (q->doc->morph.len != q->n) return 0;
    const lb_morph *M = LB_MORPH(q->doc);
    while (k > r.lo && v - k < 3 && M[k - 1].upos == LB_UPOS_ADV) k--;
    /* "zeigte sich zuversichtlich", "gab sich überzeugt": a reflexive
     * pronoun after a finite verb stands in for the copula */
    if (k > r.lo + 1 && M[k - 1].upos == LB_UPOS_PRON && LB_FEAT_GET(M[k - 1].feats, REFLEX) && lb_morph_is_finite(&M[k - 2]) &&
        !q->inq[k - 2]) k--;
    else if (k <= r.lo || M[k - 1].upos != LB_UPOS_AUX || q->inq[k - 1]) return 0;
    /* the content clause: "that" / "dass" right after the adjective (German
     * after its comma), or a German zu-infinitive ("zuversichtlich, … zu können") */
    uint32_t a = 0;
    if (q_cls(q, v + 1) & QC_CONJ) a = v + 2;
    else if (q_punct_is(q, v + 1, ',') && (q_cls(q, v + 2) & QC_CONJ)) a = v + 3;
    else if (q_punct_is(q, v + 1, ',') && q->lang != QL_EN) {
        uint32_t e = v + 2;
        while (e < r.hi && e < v + 2 + Q_SCAN && !q_punct_is(q, e, ',') && !(q->t[e].flags & LB_TOK_SENT_END) && !q->inq[e]) e++;
        e = trim_end(q, v + 2, e);
        if (e > v + 3 && (zu_inf(q, e - 1) || (q->t[e - 2].norm_len == 2 && !memcmp(lb_tok_norm(q->doc, &q->t[e - 2]), "zu", 2)))) a = v + 2;
    }
    if (!a || a >= r.hi) return 0;
    qspk sp = q_verb_subject(q, k - 1, r.lo, v);
    /* "ich bin überzeugt, dass": a first person is someone's own words (news
     * does not speak in the first person), no report */
    if (sp.s < 0 || (q_cls(q, (uint32_t)sp.s) & QC_IMPERS) || (q_xcls(q, (uint32_t)sp.s) & QX_FIRST) || !q_can_speak(q, sp)) return 0;
    uint32_t end = clause_end(q, a, r);
    DONE(emit(q, a, end, sp, (int32_t)v));
    *pv = end > a ? end - 1 : a;
    return found;
}

/* English: the possessor of the noun at v ("Pence's suggestion", "the
 * senator's repeated claims"): the noun phrase before the possessive 's, over
 * at most two lower-case words between; none: s < 0 */
static qspk en_possessor(const qdoc *q, uint32_t v, uint32_t lo)
{
    qspk none = { -1, -1, -1, -1 };
    for (uint32_t k = v; k > lo + 1 && v - k < 3; k--) {
        const lb_tok *t = &q->t[k - 1];
        const char *x = q->doc->text + t->start;
        /* 's as one token ('s, ’s) or as an apostrophe and s glued to the name */
        uint32_t p = q_possessive_s(q, k - 1) ? k - 1
                   : t->norm_len == 1 && x[0] == 's' && k > lo + 2 && (q->t[k - 2].flags & LB_TOK_QUOTE) &&
                     q->t[k - 2].end == t->start ? k - 2 : 0;
        if (p && q->t[p - 1].end == q->t[p].start && !q->inq[p]) {
            qspk sp = q_np_backward(q, p, lo);
            if (sp.s < 0 || !q_can_speak(q, sp)) return none;
            if (sp.ns >= 0 && sp.ne == (int32_t)p) { sp.s = sp.ns; sp.e = sp.ne; }   /* the name, not the words before it */
            return sp.e - sp.s <= 4 ? sp : none;
        }
        if (!(t->flags & LB_TOK_WORD) || (t->flags & LB_TOK_UPPER)) break;
    }
    return none;
}

/* A verb of believing or knowing right before its content clause: "Many
 * Republicans know that …", "Analysts expect that …". Only a clause with a
 * finite verb ("know that feeling" is an object) and a subject that can hold a
 * belief (not "it is known that"). *pv moves to the clause's end. */
static int belief_clause(qdoc *q, range r, uint32_t *pv, size_t *last)
{
    int found = 0;
    uint32_t v = *pv, a = v + 2;
    if (relative_that(q, v + 1) || a >= r.hi) return 0;
    uint32_t end = clause_end(q, a, r);
    if (q->doc->morph.len != q->n || !finite_in(q, a, end)) return 0;
    qspk sp = q_verb_subject(q, v, r.lo, r.hi);
    if (sp.s < 0 || (q_cls(q, (uint32_t)sp.s) & QC_IMPERS) || (q_xcls(q, (uint32_t)sp.s) & QX_FIRST) || !q_can_speak(q, sp)) return 0;
    DONE(emit(q, a, end, sp, (int32_t)v));
    *pv = end > a ? end - 1 : a;
    return found;
}

/* a noun right before ", wonach": "Spekulationen, wonach …" */
static int srcconj_after(const qdoc *q, uint32_t v, range r)
{
    return v + 2 < r.hi && (q->t[v].flags & LB_TOK_UPPER) && q_punct_is(q, v + 1, ',') &&
           (q_xcls(q, v + 2) & QX_SRCCONJ) && q->doc->morph.len == q->n &&
           (LB_MORPH(q->doc)[v].upos == LB_UPOS_NOUN || LB_MORPH(q->doc)[v].upos == LB_UPOS_PROPN);
}

static int sentence(qdoc *q, range r, size_t *last)
{
    int found = 0;
    const int sent_inq = any_inq(q, r.lo, r.hi), de = q->lang != QL_EN;
    for (uint32_t v = r.lo; v < r.hi; v++) {
        if (q->inq[v] || !(q->t[v].flags & LB_TOK_WORD)) continue;
        uint32_t c = q_cls(q, v);
        uint32_t next;
        lb_quote *fq = NULL;
        if (frame_at(q, r, v, &fq, &next)) { DONE(fq); v = next; continue; }
        int cue = q_is_cue(q, v);
        /* "darauf verzichtet, zu sagen, dass": no speech act reported */
        if (cue && v > r.lo && q->t[v - 1].norm_len == 2 && !memcmp(lb_tok_norm(q->doc, &q->t[v - 1]), "zu", 2)) continue;
        /* "forderte … nicht dazu auf", "did not say": no speech act */
        if (cue && negated(q, v, r.lo)) continue;
        if (cue && connective(q, v, r)) continue;
        /* the attribution of a direct quote: "“…,” said X" */
        if (cue && v > r.lo && (q->inq[v - 1] || (v > r.lo + 1 && q_punct_is(q, v - 1, ',') && q->inq[v - 2]))) continue;
        if (cue) { found |= cue_clause(q, r, &v, last); continue; }
        /* "nach Angaben der Polizei", "laut X", "ersten Angaben zufolge" */
        if (!sent_inq && (c & (QC_SRCPREP | QC_PREP | QC_POSTP)) && source_at(q, r, v, &fq, &next)) { DONE(fq); v = next; continue; }
        if (c & QC_SO) { found |= so_clause(q, r, v, last); continue; }
        if (c & QC_PREP) {
            int p = prep_source(q, r, v, sent_inq, last);
            if (p >= 0) { found |= p; continue; }
        }
        if (c & QC_POSTP) { found |= postp_source(q, r, v, last); continue; }
        if ((c & QC_NOUN) || srcconj_after(q, v, r)) { found |= noun_clause(q, r, &v, last); continue; }
        if (v + 1 >= r.hi) continue;
        if (q->t[v + 1].flags & LB_TOK_PUNCT) {
            /* German: "ist zuversichtlich, dass …" */
            if (de && !(q->t[v].flags & LB_TOK_UPPER) && v + 2 < r.hi && q_punct_is(q, v + 1, ',') && (q_xcls(q, v) & QX_CADJ))
                found |= adj_clause(q, r, &v, last);
        } else if (q_cls(q, v + 1) & QC_CONJ) {
            uint32_t x = q_xcls(q, v);
            if (x & QX_CNOUN) found |= noun_clause(q, r, &v, last);
            else if (x & QX_CADJ) found |= adj_clause(q, r, &v, last);
            else if ((x & QX_TVERB) && !negated(q, v, r.lo)) found |= belief_clause(q, r, &v, last);
        }
    }
    return found;
}

int q_indirect(qdoc *q)
{
    size_t last = SIZE_MAX;       /* index of the last indirect quote */
    const lb_sent *ss = LB_SENTS(q->doc);
    for (uint32_t s = 0; s < q->doc->sents.len && !q->oom; s++) {
        range r = { ss[s].tok0, ss[s].tok0 + ss[s].ntok };
        if (r.hi > q->n) r.hi = q->n;
        if (r.lo < r.hi && !(s == 0 && q_headline(q, r.lo, r.hi))) sentence(q, r, &last);
    }
    return q->oom ? -1 : 0;
}

lb_quote *q_emit_indirect(qdoc *q, uint32_t a, uint32_t b, qspk sp, int32_t cue) { return emit(q, a, b, sp, cue); }
int q_negated(const qdoc *q, uint32_t v, uint32_t lo) { return negated(q, v, lo); }
