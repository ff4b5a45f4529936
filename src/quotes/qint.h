/* qint.h: internals shared by the files of the quotes stage: the compiled cue
 * dictionaries (word classes per language), the per-document working state,
 * and the helpers each file exports. Not part of the library's interface. */
#ifndef LB_QINT_H
#define LB_QINT_H
#include "doc.h"
#include "core/wordset.h"
#include "text/text.h"
#include <string.h>

/* word classes of data/quotes/<lang>.cues (bits of a wordset value) */
enum {
    QC_VERB   = 1u << 0,   /* speech verb form: sagte, said */
    QC_NOUN   = 1u << 1,   /* speech noun or document: Erklärung, report */
    QC_PREP   = 1u << 2,   /* source preposition before the source: laut, according */
    QC_POSTP  = 1u << 3,   /* source postposition: zufolge */
    QC_SO     = 1u << 4,   /* ", so X" */
    QC_CONJ   = 1u << 5,   /* complementizer: dass, that */
    QC_PRON   = 1u << 6,   /* personal pronoun that can be a speaker */
    QC_ROLE   = 1u << 7,   /* role noun: Präsident, spokesman, newspaper */
    QC_DET    = 1u << 8,   /* article, determiner, possessive */
    QC_KONJ   = 1u << 9,   /* Konjunktiv form of reported speech: sei, habe */
    QC_AUX    = 1u << 10,  /* auxiliary before a participle: hat, has */
    QC_SUB    = 1u << 11,  /* subordinator that starts no reported clause: bevor, when */
    QC_TIME   = 1u << 12,  /* capitalised time word that is no name: Montag, Monday */
    QC_SEP    = 1u << 13,  /* finite verb with a separable particle (see rules->sep) */
    QC_STOP   = 1u << 14,  /* word that ends a noun phrase: prepositions, conjunctions */
    QC_COORD  = 1u << 15,  /* und, and: joins two speakers */
    QC_OF     = 1u << 16,  /* genitive link after a role noun: des, der, of */
    QC_IMPERS = 1u << 17,  /* impersonal subject of a speech verb: es, it */
    QC_AS     = 1u << 18,  /* "Wie X sagte, …" / "As X said, …" */
    QC_NEG    = 1u << 19,  /* negation: a speech act that did not happen */
    QC_KONJ2  = 1u << 20,  /* Konjunktiv II: reported clause only under a speech verb */
    QC_INDEF  = 1u << 21,  /* indefinite article: a new referent, never an earlier speaker */
    QC_NAMEPART = 1u << 22, /* particle inside a name: von, van, de */
    QC_SRCPREP = 1u << 23,  /* preposition before a source noun: nach (Angaben), gemäß */
    QC_SRCNOUN = 1u << 24,  /* source noun after it: Angaben, Ansicht, Meinung, Berichten */
    QC_HEARSAY = 1u << 25,  /* hearsay marker that goes on with a report: demnach, angeblich */
    QC_OWN    = 1u << 26,   /* reflexive possessive: nach eigenen Angaben (the subject) */
    QC_GENPREP = 1u << 27,  /* preposition inside a source phrase: Angaben von X, Bericht aus Y */
    QC_MASC   = 1u << 28,   /* masculine personal pronoun: er, he */
    QC_FEM    = 1u << 29,   /* feminine personal pronoun (German "sie" also plural): sie, she */
    QC_ISROLE = 1u << 30,  /* derived, not a file class: q_role_lookup() holds */
    QC_ROLEDONE = 1u << 31 /* derived: QC_ISROLE is known */
};

/* further word classes (bits of lb_quote_rules.extra: the bits above are all taken) */
enum {
    QX_ADP   = 1u << 0,    /* preposition: its noun phrase is an adjunct (am Dienstag, in Genf) */
    QX_DAT   = 1u << 1,    /* dative article: the addressee (dem Sender, einem Reporter) */
    QX_ANAPH = 1u << 2,    /* a subject that points back to the sentence before: "Das bestätigte X." */
    QX_ADV   = 1u << 3,    /* adverb between verb and subject: gestern, hingegen, auch */
    QX_FIRST = 1u << 4,    /* first person pronoun: a sentence with it next to a quote is speech */
    QX_REL   = 1u << 5,    /* relative pronoun after a source preposition: nach denen, laut welchem */
    QX_REPORT = 1u << 6,   /* verb of reporting news (berichtete, meldete): its indicative clause is a paraphrase */
    QX_NAMELINK = 1u << 7, /* preposition inside a body's name: Institut für Nationales Gedenken */
    QX_BODY  = 1u << 8,    /* noun of a body (medium, party, company): "das Blatt" is the body named before */
    QX_GROUP = 1u << 9,    /* group noun of a state's body: Polizei, Armee, Regierung (a headline's speaker) */
    QX_MEDIUM = 1u << 10,  /* noun of a news medium: "die Zeitung" is the medium (sector MED) named before */
    QX_ADDR = 1u << 11,    /* English speech verb whose object is the addressee: told reporters */
    QX_LINK = 1u << 12,    /* conjunction or sentence adverb (but, aber, auch): a phrase after it can be a subject */
    QX_PRED = 1u << 13,    /* predicative particle (als, as): the noun phrase after it is no subject */
    QX_NOM  = 1u << 14,    /* personal pronoun that is only nominative (er, ich, wir): always the subject */
    QX_PPART = 1u << 15,   /* English present participle of a speech verb: saying, adding */
    QX_SRCCONJ = 1u << 16, /* relative adverb of accordance (wonach): the noun before it is the source */
    QX_LOCSRC = 1u << 17,  /* preposition whose noun phrase is the source of an impersonal speech verb: in, aus, von */
    QX_TITLENOUN = 1u << 18, /* noun of a titled work or slogan (Buch, Lied, Motto): the quoted words after it are its title */
    QX_QUOTING = 1u << 19,  /* verb of quoting someone (zitieren): its object, or its passive subject, is the speaker */
    QX_REQUEST = 1u << 20,  /* noun of a request put to the source (Anfrage): "auf Anfrage" names no source */
    QX_CNOUN = 1u << 21,    /* noun of saying or believing with a content clause (the hope that …): never a speaker */
    QX_CADJ = 1u << 22,     /* predicative adjective with a content clause (confident that …): its subject speaks */
    QX_TVERB = 1u << 23,    /* verb of believing or knowing: reports only a content clause right after it (know that …) */
    QX_OBLART = 1u << 24,   /* article form that is never nominative (dem, den, des, einem, einer): its phrase is no subject */
    QX_NOMMASC = 1u << 25,  /* article that is nominative only before a masculine singular noun (der) */
    QX_SPOKENPAST = 1u << 26, /* Präteritum of sein and haben, which spoken German keeps (war, hatte): not as an auxiliary */
    QX_MODALPAST = 1u << 27,  /* Präteritum of a modal verb, kept too (wollte) */
    QX_ESVERB = 1u << 28,     /* speech verb only with the impersonal subject in its clause (heißt es; das Album heißt „…“ names) */
    QX_TEXTADV = 1u << 29,    /* pronominal adverb that points to a text, which speaks: "Darin heißt es", "Dort steht" */
    QX_NOTSRC = 1u << 30,     /* a word that ends in a source noun and names no source (Rücksicht, Landkreisen) */
    QX_NOSUBJ = 1u << 31      /* speech verb that needs no subject: its aus/von phrase is the source (verlautete) */
};

enum { QL_DE, QL_EN, QL_N };
/* short-name expansions remembered per document (qattr.c) */
#define Q_NAME_CACHE 8

struct lb_quote_rules {
    lb_wordset words[QL_N];  /* folded form -> QC_* bits */
    lb_wordset sep[QL_N];    /* "verb particle" (folded, one space) -> 1 */
    lb_wordset extra[QL_N];  /* folded form -> QX_* bits */
    lb_sigindex words_ix[QL_N], sep_ix[QL_N], extra_ix[QL_N];  /* their fast fronts (text/sigindex.h) */
};

/* Working state for one document. */
typedef struct qdoc {
    lb_doc *doc;
    const struct lb_quote_rules *rules;
    const lb_tok *t;         /* tokens */
    uint32_t n;              /* token count */
    int lang;                /* QL_DE, QL_EN, or -1: both */
    uint8_t *inq;            /* per token: 1 inside the content of a direct quote */
    uint32_t *cls;           /* per token: its QC_* classes, looked up once */
    uint64_t *xcls;           /* per token: its QX_* classes | Q_XDONE once looked up, else 0 (all 32 bits are classes) */
    int oom;                 /* an allocation failed */
    size_t ndirect;          /* doc->quotes[0, ndirect) are the direct quotes, in text order */
    struct qname { uint32_t tok, rs, re; } names[Q_NAME_CACHE];  /* recent short-name expansions */
    uint32_t next_name;
    /* recent answers of name_in_text's document scan, by the name's (dictionary) pointer:
     * a name credited again costs no second scan of the text */
    struct qintext { const char *name; uint8_t found; } intext[Q_NAME_CACHE];
    uint32_t next_intext;
    uint32_t *menmax;        /* mentions sorted by start: the largest end of mentions[0..k], else NULL */
    size_t nmenmax;          /* mentions.len when menmax was built */
} qdoc;

/* classes of token i (0 for punctuation) */
static inline uint32_t q_cls(const qdoc *q, uint32_t i) { return i < q->n ? q->cls[i] & ~(uint32_t)(QC_ISROLE | QC_ROLEDONE) : 0; }
/* the QX_* classes of token i */
uint32_t q_xcls(const qdoc *q, uint32_t i);
/* 1 when the finite verb at i has its particle later in the clause (or right before it) */
int q_sep_ok(const qdoc *q, uint32_t i);
/* the token of that particle, 0 when none */
uint32_t q_sep_particle(const qdoc *q, uint32_t i);
/* q_is_cue for a token with QC_VERB or QC_SEP */
int q_cue_check(const qdoc *q, uint32_t i);
/* token i is a speech verb (with the separable particle check) */
static inline int q_is_cue(const qdoc *q, uint32_t i)
{
    return (q_cls(q, i) & (QC_VERB | QC_SEP)) && q_cue_check(q, i);   /* most tokens: no sentence lookup */
}
/* quote to takes the speaker of quote from: name, actor and span */
static inline void q_take_speaker(lb_quote *to, const lb_quote *from)
{
    to->speaker_name = from->speaker_name; to->speaker_actor = from->speaker_actor;
    to->speaker_start = from->speaker_start; to->speaker_end = from->speaker_end;
}
/* one-byte punctuation c */
static inline int q_punct_is(const qdoc *q, uint32_t i, char c)
{
    return i < q->n && q->t[i].end == q->t[i].start + 1 && q->doc->text[q->t[i].start] == c;
}

/* the first token that ends after byte offset pos (q->n when none) */
static inline uint32_t q_tok_after(const qdoc *q, uint32_t pos)
{
    uint32_t lo = 0, hi = q->n;
    while (lo < hi) { uint32_t mid = lo + (hi - lo) / 2; if (q->t[mid].end <= pos) lo = mid + 1; else hi = mid; }
    return lo;
}

/* English: token i is a possessive 's written as one token ('s, ’s); the
 * other spelling, an apostrophe token and an s, each caller tests itself */
static inline int q_possessive_s(const qdoc *q, uint32_t i)
{
    const char *x = q->doc->text + q->t[i].start;
    size_t n = q->t[i].end - q->t[i].start;
    return (n == 2 && !memcmp(x, "'s", 2)) || (n == 4 && !memcmp(x, "\xE2\x80\x99s", 4));
}

/* ---- speaker phrases (qphrase.c) and attribution (qattr.c) */
int q_same_sent(const qdoc *q, uint32_t a, uint32_t b);
/* the sentence of token i is written in title case (a headline) */
int q_title_case(const qdoc *q, uint32_t i);
/* a role noun or speech noun (also Bürgermeisterin, US-Außenminister) */
int q_is_role(const qdoc *q, uint32_t i);
/* the lookup behind q_is_role (which caches it per token in qdoc.cls) */
int q_role_lookup(const qdoc *q, uint32_t i);
/* a name particle between capitalised words: Richard von Weizsäcker */
int q_particle(const qdoc *q, uint32_t i);
/* a capitalised token that can be part of a name */
int q_name_tok(const qdoc *q, uint32_t i);
typedef struct qspk {
    int32_t s, e;            /* token range of the speaker phrase, s < 0: none */
    int32_t ns, ne;          /* token range of the name inside it, ns < 0: none */
} qspk;

/* a role phrase named by an apposition after it ("der Chef der Polizei, Kamal
 * Hadiafar,"): extends sp over the name; 1 when it did */
int q_apposition(const qdoc *q, qspk *sp);
/* sets sp->ns, ne to the name inside [sp->s, sp->e) (-1: none) */
void q_name_in(const qdoc *q, qspk *sp);
/* the clause (clause layer) whose verb or finite verb is the token at v;
 * NULL when there is none or no clause layer */
const lb_clause *q_verb_clause(const qdoc *q, uint32_t v);
/* the subject of the clause whose verb is the speech verb at v (clause layer) */
int q_clause_subject(const qdoc *q, uint32_t v, qspk *sp);
/* Phrase that starts at token i (after the verb, after "laut"). */
qspk q_np_forward(const qdoc *q, uint32_t i, uint32_t lim);
/* Phrase that ends just before token i (the subject before the verb). */
qspk q_np_backward(const qdoc *q, uint32_t i, uint32_t lo);
/* The subject of the speech verb at token v inside [lo, hi); English also
 * across an apposition and shared with the verb before ("X said, adding …"). */
qspk q_verb_subject(const qdoc *q, uint32_t v, uint32_t lo, uint32_t hi);
/* English: the subject before an apposition or a non-restrictive relative
 * clause that ends with a comma right before the verb at v ("X, director of
 * Y, says"; "Developers, who are seeking funds, say"); none without morphology */
qspk q_en_appos_subject(const qdoc *q, uint32_t v, uint32_t lo);
/* The speaker of the speech verb at v inside [lo, hi) in sp, and how it was
 * found: whom a verb of quoting quotes (zitieren: its object, in the passive
 * its subject), else where passive is set the agent of a passive verb (sp.s < 0:
 * none named; q_passive_cue), else the verb's subject (q_verb_subject). */
enum { Q_SPK_QUOTED, Q_SPK_AGENT, Q_SPK_SUBJECT };
int q_cue_speaker(const qdoc *q, uint32_t v, uint32_t lo, uint32_t hi, int passive, qspk *sp);
/* the same by the clause layer and token patterns only */
qspk q_verb_subject_tok(const qdoc *q, uint32_t v, uint32_t lo, uint32_t hi);
/* "In dem Antrag heißt es", "Aus Paris hieß es": the noun phrase of a locsrc
 * preposition in the clause of the speech verb at v, inside [lo, hi); none: s < 0 */
qspk q_impersonal_source(const qdoc *q, uint32_t v, uint32_t lo, uint32_t hi);
/* "in einer Erklärung der KPCh": the source named by a speech noun in [lo, hi). */
qspk q_sentence_source(const qdoc *q, uint32_t lo, uint32_t hi);
/* Fills the speaker and cue fields of qt from sp: the overlapping mention's
 * actor and name, else the surface name (short names expanded, pronouns to a
 * nearby named person); role nouns and pronouns left without a name are
 * resolved by lb_quotes_run. Only the cue when sp.s < 0. */
void q_attribute(qdoc *q, lb_quote *qt, qspk sp, int32_t cue_tok);
/* qt as a quote over bytes [start, end) with no speaker and no cue yet (for
 * q_attribute) */
static inline void q_quote_init(lb_quote *qt, uint32_t start, uint32_t end, int indirect)
{
    memset(qt, 0, sizeof *qt);
    qt->start = start; qt->end = end; qt->indirect = (uint8_t)indirect;
    qt->speaker_start = qt->speaker_end = -1;
    qt->cue_start = qt->cue_end = -1;
}
/* cue_start value of a quote without its own attribution: it takes the
 * speaker of the quote before it (resolved by lb_quotes_run) */
#define Q_CONTINUES (-2)
/* how far (bytes) a continuation may be from the quote it continues */
#define Q_CONTINUE_BYTES 400
/* an unattributed quote of this many words is a quote, not a scare quote */
#define Q_LONG_WORDS 5
/* how far after a closing mark the speech verb of "…," X said may stand */
#define NPMAX_AFTER 8
/* bounds that keep every scan linear in the document: how far (tokens) a
 * clause is searched for its parts, how long a reported clause is looked
 * through for the next cue, how far a short name looks for its full form,
 * and how many earlier quotes a pronoun speaker is resolved against */
#define Q_SCAN 64
#define Q_CLAUSE 256
#define Q_NAME_BACK 4000
#define Q_NAME_AHEAD 1000
#define Q_RESOLVE_BACK 64

/* ---- the speech verb inventory (qlex.c): conjugates data/quotes/de.speech
 * into the verb and sep classes of words and sep; 0 or LB_E* with err */
int q_load_speech(lb_wordset *words, lb_wordset *sep, const char *path, char *err, size_t errlen);

/* ---- source phrases (qsource.c) */
/* a source noun, also as the head of a compound: Polizeiangaben, Medienberichten */
int q_is_srcnoun(const qdoc *q, uint32_t i);
/* A source phrase that starts or ends at token v inside [lo, hi): "nach Angaben
 * der Polizei", "laut israelischen Medien", "ersten Angaben zufolge", "Seiner
 * Meinung nach", "aus Sicht der Regierung". Fills the phrase [*ps, *pe) and
 * its speaker (a reflexive "eigenen" yields the clause's subject); 0: none. */
int q_source_phrase(const qdoc *q, uint32_t v, uint32_t lo, uint32_t hi, qspk *sp, uint32_t *ps, uint32_t *pe);
/* a lenient noun phrase at i: DET? adjectives* Capitalised+ (genitive or von
 * attribute) (abbreviation); 0: none */
int q_loose_np(const qdoc *q, uint32_t i, uint32_t hi, qspk *sp);

/* ---- attribution frames (qframes.c) */
/* [a, b) holds only adjuncts (am Dienstag, in Genf, dem Sender Y, gestern)
 * and at most one subject: 1 with the subject in *sp (sp->s < 0: none) */
int q_adjuncts(const qdoc *q, uint32_t a, uint32_t b, qspk *sp);
/* the subject after the verb at v, past adverbs and prepositional adjuncts:
 * "kündigte heute in Kabul der Präsident an" */
qspk q_subject_after(const qdoc *q, uint32_t v, uint32_t hi);
/* an actor mention overlaps the phrase [sp.s, sp.e) */
int q_has_mention(const qdoc *q, qspk sp);
/* the first of the document's mentions that may start at byte s or later:
 * by binary search when they are sorted by start (q->menmax built, *sorted
 * 1), else 0 (*sorted 0: the caller reads them all) */
size_t q_mention_from(const qdoc *q, uint32_t s, int *sorted);
/* the first actor mention that starts within the tokens [a, b) and that ok
 * accepts, else NULL */
const lb_mention *q_mention_starting_in(const qdoc *q, uint32_t a, uint32_t b, int (*ok)(const lb_mention *));
/* m names a news medium (sector MED) */
int q_medium_mention(const lb_mention *m);
/* the phrase can speak: a pronoun, a role noun, an actor mention, or a name
 * without an adjective before it ("die hohen Preise" cannot) */
int q_can_speak(const qdoc *q, qspk sp);
/* [a, b) has a verb (from the morphology layer; 1 without it) */
int q_has_verb(const qdoc *q, uint32_t a, uint32_t b);
/* "Das bestätigte X." at the start of [lo, hi): the speaker and the cue */
int q_anaphoric_frame(const qdoc *q, uint32_t lo, uint32_t hi, qspk *sp, uint32_t *cue);
/* "Wie X mitteilte, …" / "…, wie X berichtete." at token w (wie): the
 * speaker, the cue and the end of the frame clause (its comma or sentence end) */
int q_as_frame(const qdoc *q, uint32_t w, uint32_t hi, qspk *sp, uint32_t *cue, uint32_t *end);

/* ---- the finders */
int q_direct(qdoc *q);
int q_indirect(qdoc *q);
/* an indirect quote [a, b) (tokens) with its speaker, unless it duplicates one */
lb_quote *q_emit_indirect(qdoc *q, uint32_t a, uint32_t b, qspk sp, int32_t cue);
/* ---- the headline quote (qheadline.c): "Polizei: Inhaftierte wollten …" in
 * the sentence [lo, hi) that opens the document; 1 when it emitted one */
#define Q_HEAD_SPEAKER 4
int q_headline(qdoc *q, uint32_t lo, uint32_t hi);
/* the speech verb at v is a passive participle ("wurde ... bezeichnet"): 1
 * with the agent ("von X") in sp (sp->s < 0: none); 0 when not passive */
int q_passive_cue(const qdoc *q, uint32_t v, qspk *sp);
/* the speech verb at v is negated (did not say) */
int q_negated(const qdoc *q, uint32_t v, uint32_t lo);
/* sentences that go on reporting (Konjunktiv, demnach, soll … haben) after a
 * quote or a speech act take its speaker (qchain.c); runs after the finders */
int q_chain(qdoc *q);
/* German text without kept quotation marks: indicative quotes under a
 * post-posed speech verb or after a colon are direct, and plain sentences
 * between two of one speaker too (qbare.c); runs after q_chain */
int q_bare(qdoc *q);
/* the answers of a printed interview ("Name: answer"): direct quotes of the
 * person the label names (qinterview.c); runs after q_bare */
int q_interview(qdoc *q);
/* token i is a Konjunktiv form: 1 Konjunktiv I (sei, habe), 2 Konjunktiv II
 * (hätte, würde), 0 not; from the morphology layer when it is there */
int q_konj(const qdoc *q, uint32_t i);
#endif
