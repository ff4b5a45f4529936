/* test_morph_de.c: unit tests of the German morphology stage: inflection
 * (Häuser, ging; the third person among readings the tagger's class leaves
 * open, the person of a subject ich, wir, ihr), Konjunktiv I/II (sei, habe, wäre; habe without ich), the verbal bracket, the
 * finite verb of a statement (In Paris demonstrierten ...), subheadings run into the
 * text (a sentence of their own), the verb cluster of verb-final clauses, participles between
 * article and noun, contractions, compounds,
 * the feature string, and the model loader's rejection of damaged files. */
#include "test.h"
#include "test_doc.h"
#include "doc.h"
#include "morph/morph.h"
#include "morph/tagmodel.h"
#include "lagebild.h"
#include <stdlib.h>

static lb_ctx *ctx;
static lb_doc *doc;

static void run(const char *text)
{
    lb_input in = test_input(text, "de");
    CHECK_INT(lb_doc_annotate_upto(doc, &in, LB_STAGE_MORPH), LB_OK);
}

static const lb_morph *word(const char *lit) { return test_morph_word(doc, lit); }
static int lemma_is(const lb_morph *m, const char *lit) { return test_lemma_is(m, lit); }

static void test_inflection(void)
{
    run("Die alten Häuser stehen am Fluss. Gestern ging er nach Hause.");
    const lb_morph *m = word("Häuser");
    CHECK(m && m->upos == LB_UPOS_NOUN);
    CHECK(lemma_is(m, "Haus"));
    CHECK(m && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_PLUR);
    m = word("ging");
    CHECK(m && m->upos == LB_UPOS_VERB);
    CHECK(lemma_is(m, "gehen"));
    CHECK(m && LB_FEAT_GET(m->feats, TENSE) == LB_TENSE_PAST);
    m = word("am");
    CHECK(m && m->upos == LB_UPOS_ADP && (m->flags & LB_MF_CONTR));
    CHECK(lemma_is(m, "an"));
    m = word("nach");
    CHECK(m && m->upos == LB_UPOS_ADP && !(m->flags & LB_MF_CONTR));
    /* of the readings the tagger's class leaves open (ich sagte / er sagte,
     * er sagt / ihr sagt, wir sagen / sie sagen) the third person's */
    run("Der Minister sagte, die Lage sei ernst. Die Ministerin sagt es. Die Minister sagen es.");
    static const char *const third[] = { "sagte", "sagt", "sagen" };
    for (size_t k = 0; k < sizeof third / sizeof third[0]; k++) {
        m = word(third[k]);
        CHECK(m && LB_FEAT_GET(m->feats, PERSON) == 3);
    }
    CHECK((m = word("sagt")) && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_SING);
    /* unless a first or second person pronoun is its subject (person.c) */
    run("Ich sagte nichts. Wir sagen es. Er sagte, ich komme.");
    CHECK((m = word("sagte")) && LB_FEAT_GET(m->feats, PERSON) == 1 && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_SING);
    CHECK((m = word("sagen")) && LB_FEAT_GET(m->feats, PERSON) == 1 && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_PLUR);
    const lb_morph *first = word("sagte");
    CHECK(first && (m = test_morph_word_after(doc, "sagte", first)) && LB_FEAT_GET(m->feats, PERSON) == 3);
    run("Können wir das noch ändern?");         /* capitalised: its readings in lower case too */
    CHECK((m = word("Können")) && LB_FEAT_GET(m->feats, PERSON) == 1 && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_PLUR);
}

static void test_subjunctive(void)
{
    run("Der Minister sagte, er habe nichts gewusst, und das sei ein Fehler. Es wäre besser gewesen.");
    const lb_morph *m = word("habe");
    CHECK(m && LB_FEAT_GET(m->feats, MOOD) == LB_MOOD_SUB);
    CHECK(lemma_is(m, "haben"));
    m = word("sei");
    CHECK(m && LB_FEAT_GET(m->feats, MOOD) == LB_MOOD_SUB);
    CHECK(lemma_is(m, "sein"));
    m = word("wäre");
    CHECK(m && LB_FEAT_GET(m->feats, MOOD) == LB_MOOD_SUB);
    CHECK(lemma_is(m, "sein"));
    /* the first person singular indicative needs "ich": without it the form
     * spelt alike is Konjunktiv I (a coordinated verb shares its subject) */
    static const char *const sub[] = { "Die Wahlkommission kündigte an, sie werde der Entscheidung folgen.",
                                       "Die Luftwaffe gab bekannt, es handele sich um einen Unfall.",
                                       "Inzwischen habe die Firma die Aufsicht informiert." };
    static const char *const verb[] = { "werde", "handele", "habe" };
    for (size_t k = 0; k < sizeof sub / sizeof sub[0]; k++) {
        run(sub[k]);
        m = word(verb[k]);
        CHECK(m && LB_FEAT_GET(m->feats, MOOD) == LB_MOOD_SUB);
    }
    run("Ich habe das nicht gewusst. Ich bin Köchin und biete mich an.");
    m = word("habe");
    CHECK(m && LB_FEAT_GET(m->feats, MOOD) == LB_MOOD_IND && LB_FEAT_GET(m->feats, PERSON) == 1);
    m = word("biete");
    CHECK(m && LB_FEAT_GET(m->feats, MOOD) == LB_MOOD_IND);
}

/* the verbal bracket: a form that is both participle and finite (erzeugt,
 * erreicht) is the participle the auxiliary's bracket closes on, and stays
 * finite outside one */
static void test_bracket(void)
{
    run("Die Forschungsanlage hat erstmals Helium-Plasma erzeugt. Die Anlage erzeugt Plasma.");
    const lb_morph *m = word("erzeugt");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_PART);
    CHECK(lemma_is(m, "erzeugen"));
    const lb_morph *second = m ? test_morph_word_after(doc, "erzeugt", m) : NULL;
    CHECK(second && LB_FEAT_GET(second->feats, VERBFORM) == LB_VERBFORM_FIN);
    run("Wired und Reviewed haben gemeinsam eine Liste der besten Gadgets erstellt.");
    m = word("erstellt");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_PART);
    run("Die Forscher haben erstmals Plasma erzeugt und erreicht damit viel.");
    m = word("erreicht");                       /* after the conjunction: a finite verb again */
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_FIN);
    /* the tagger's class leaves the verb form open (a finite reading gave
     * it): the bracket still closes on the participle */
    run("Kemler hat seine Tätigkeit für die Firma am 23. Juni beendet.");
    m = word("beendet");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_PART);
    CHECK(m && !LB_FEAT_GET(m->feats, PERSON));
    run("Das kleinere Gerät solle teurer verkauft werden.");
    m = word("verkauft");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_PART);
    m = word("werden");                         /* the verbs after it: infinitives of the right side */
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_INF);
    /* a form without a participle closes the bracket as an infinitive */
    run("Wir werden dieses Angebot aufnehmen. Die Kunden müssen leider warten.");
    m = word("aufnehmen");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_INF && !LB_FEAT_GET(m->feats, MOOD));
    m = word("warten");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_INF);
    run("Zwei Beobachter wollen es gesehen haben. Sie haben es gesehen.");
    m = word("haben");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_INF);
    m = m ? test_morph_word_after(doc, "haben", m) : NULL;     /* a finite auxiliary of its own */
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_FIN);
    run("Die Regierung hatte im Juni zur Überraschung der Investoren erklärt, das Land sei pleite.");
    m = word("erklärt");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_PART);
}

/* a statement without a finite verb, or whose first stretch opens a main
 * clause without one: the first word that may be a misread one (an
 * adjective no noun follows, a lower-case noun, an infinitive inside the
 * sentence) takes its finite candidate; headlines, commands, subordinate
 * fragments and words inside a phrase keep theirs */
static void test_finite_verb(void)
{
    static const char *const fin[] = { "In Hamburg demonstrierten am Samstag mehrere tausend Menschen.",
                                       "In Bremen arbeiten 500 Menschen für die Firma.",
                                       /* the first stretch of a sentence with a finite verb later */
                                       "In Bremen arbeiten 500 Menschen für die Firma, die Autos baut." };
    static const char *const verb[] = { "demonstrierten", "arbeiten", "arbeiten" };
    static const char *const lemma[] = { "demonstrieren", "arbeiten", "arbeiten" };
    for (size_t k = 0; k < sizeof fin / sizeof fin[0]; k++) {
        run(fin[k]);
        const lb_morph *m = word(verb[k]);
        CHECK(m && m->upos == LB_UPOS_VERB && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_FIN);
        CHECK(m && LB_FEAT_GET(m->feats, MOOD) == LB_MOOD_IND);
        CHECK(lemma_is(m, lemma[k]));
    }
    run("Drei Menschen bei einem Brand in Köln verletzt.");     /* an elliptic passive */
    const lb_morph *m = word("verletzt");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_PART);
    run("Bitte hier klicken.");
    m = word("klicken");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_INF);
    run("Was die Wähler jetzt wissen wollen.");
    m = word("wissen");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_INF);
    run("Eine ganz klare Empfehlung.");
    m = word("klare");
    CHECK(m && m->upos == LB_UPOS_ADJ);
    run("Die Austragung eines Spiels vor erwarteten 15.000 Zuschauern, noch dazu im Winter, ist Unsinn.");
    m = word("erwarteten");                     /* after a preposition: inside its phrase */
    CHECK(m && m->upos == LB_UPOS_ADJ);
}

/* a subheading without a full stop run into the next sentence: a
 * capitalised article or pronoun after a word that closes a clause opens a
 * new sentence; a title after a finite verb or a preposition does not */
static void test_headline_split(void)
{
    run("Die Lage ist ernst. Sicherheitslage angespannt Die Polizei in Belgien bleibt wachsam.");
    CHECK_INT((int)doc->sents.len, 3);
    if (doc->sents.len == 3) {
        const lb_sent *S = LB_SENTS(doc);
        CHECK(S[1].ntok == 2 && S[2].tok0 == S[1].tok0 + 2);
        CHECK(LB_TOKS(doc)[S[2].tok0].sent == 2 && LB_TOKS(doc)[S[2].tok0 - 1].sent == 1);
    }
    const lb_morph *m = word("Polizei");              /* tagged again as a sentence of its own */
    CHECK(m && m->upos == LB_UPOS_NOUN);
    run("Wałęsa weist Vorwürfe zurück Es sei eine Zusage gefunden worden, sagte der Historiker.");
    CHECK_INT((int)doc->sents.len, 2);
    run("Der Sender zeigt Die Politiker-WG am Montag. Er sprach mit Die Linke über den Haushalt.");
    CHECK_INT((int)doc->sents.len, 2);
}

/* a verb-final clause: the last verb of its closing cluster is the finite
 * one, the verbs before it infinitives or participles */
static void test_verb_final_cluster(void)
{
    static const char *const text[] = { "Die Frage ist, ob Medien solche Fotos zeigen dürfen.",
                                        "Die Experten glauben, dass die Preise wieder sinken werden.",
                                        "Die Gemeinden, die unterstützt werden sollen, warten auf Geld." };
    static const char *const fin[] = { "dürfen", "werden", "sollen" };
    static const char *const nonfin[] = { "zeigen", "sinken", "unterstützt" };
    for (size_t k = 0; k < sizeof text / sizeof text[0]; k++) {
        run(text[k]);
        const lb_morph *m = word(fin[k]);
        CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_FIN);
        m = word(nonfin[k]);
        CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) != LB_VERBFORM_FIN);
    }
    run("Die Firma plant, um die Kosten zu senken, neue Maschinen zu kaufen.");   /* zu-infinitives: none */
    const lb_morph *m = word("senken");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_INF);
}

/* between an article and its noun stands an adjective, never a finite verb */
static void test_attributive(void)
{
    run("Der verletzte Soldat wurde im Lazarett versorgt.");
    const lb_morph *m = word("verletzte");
    CHECK(m && m->upos == LB_UPOS_ADJ && LB_FEAT_GET(m->feats, CASE));
    run("Das ignoriert Potenzial.");                  /* a standalone demonstrative: the verb stays */
    m = word("ignoriert");
    CHECK(m && lb_morph_is_finite(m));
}

/* participle clauses before the main clause: participles, not verb-first
 * clauses (a verb-first clause with its subject keeps its finite verb); the
 * accusative of a direction after "in den" with a singular noun */
static void test_sentence_shapes(void)
{
    run("Bewaffnet von den USA, unterstützt durch die Luftwaffe, griff die Armee die Stellungen an.");
    const lb_morph *m = word("Bewaffnet");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_PART);
    m = word("unterstützt");
    CHECK(m && LB_FEAT_GET(m->feats, VERBFORM) == LB_VERBFORM_PART);
    m = word("griff");
    CHECK(m && lb_morph_is_finite(m));
    run("Verkauft er das Haus, zieht er weg.");        /* verkauft: participle or finite; er the subject */
    m = word("Verkauft");
    CHECK(m && lb_morph_is_finite(m));
    run("Die Armee rückte in den Irak ein. Die Helfer kümmerten sich unter den Toten um die Verletzten.");
    m = word("den");
    CHECK(m && LB_FEAT_GET(m->feats, CASE) == LB_CASE_ACC && LB_FEAT_GET(m->feats, NUMBER) == LB_NUMBER_SING);
}

static void test_compound_and_case(void)
{
    run("Der Bundesverteidigungsminister besuchte den Truppenübungsplatz.");
    const lb_morph *m = word("Bundesverteidigungsminister");
    CHECK(m && m->upos == LB_UPOS_NOUN);
    CHECK(lemma_is(m, "Bundesverteidigungsminister"));
    m = word("Truppenübungsplatz");
    CHECK(m && m->upos == LB_UPOS_NOUN);
    m = word("den");
    CHECK(m && m->upos == LB_UPOS_DET && LB_FEAT_GET(m->feats, CASE) == LB_CASE_ACC);
}

static void test_feats_format(void)
{
    char buf[128];
    uint32_t f = LB_FEAT(CASE, LB_CASE_NOM) | LB_FEAT(GENDER, LB_GENDER_MASC) | LB_FEAT(NUMBER, LB_NUMBER_SING);
    lb_feats_format(buf, sizeof buf, f);
    CHECK_STR(buf, "Case=Nom|Gender=Masc|Number=Sing");
    uint32_t g;
    CHECK_INT(lb_feats_parse(&g, "Case=Nom|Gender=Masc|Number=Sing", 32), 0);
    CHECK_INT(g, f);
    CHECK_INT(lb_feats_format(buf, sizeof buf, 0), 0);
}

/* The German model file into buf (cap bytes): its size, 0 when it cannot be read. */
static size_t read_model(unsigned char *buf, size_t cap)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/morph/de.model", LB_TEST_DATA_DIR);
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    if (!f) return 0;
    size_t n = fread(buf, 1, cap, f);
    fclose(f);
    return n;
}

/* Truncations and flipped bytes of the real model are rejected with "offset". */
static void test_model_loader(void)
{
    char err[512];
    static unsigned char buf[1 << 24];
    size_t n = read_model(buf, sizeof buf);
    if (!n) return;
    lb_tagmodel *m;
    CHECK_INT(lb_tagmodel_parse(&m, buf, n, "de.model", err, sizeof err), LB_OK);
    lb_tagmodel_free(m);
    size_t cuts[] = { 0, 5, 12, 30, 200, n / 2, n - 5, n - 1 };
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        CHECK(lb_tagmodel_parse(&m, buf, cuts[i], "de.model", err, sizeof err) == LB_EDATA);
        CHECK(strstr(err, "de.model: offset") != NULL);
    }
    buf[8 + 12 + 4] = 250;     /* the first class's part of speech */
    CHECK(lb_tagmodel_parse(&m, buf, n, "de.model", err, sizeof err) == LB_EDATA);
    CHECK(lb_tagmodel_load(&m, "/nonexistent/de.model", err, sizeof err) == LB_EIO);
}

static uint32_t get32(const unsigned char *p) { return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24; }

/* The offset of the weights section (u32 nfeat) of model image buf (n
 * bytes), or 0 when the image ends before it. */
static size_t weights_at(const unsigned char *buf, size_t n)
{
    size_t at = 20;
    if (at + 4 > n) return 0;
    at += 4 + 5 * (size_t)get32(buf + at);              /* classes */
    if (at + 4 > n) return 0;
    at += 4 + get32(buf + at);                          /* open classes */
    if (at + 4 > n) return 0;
    uint32_t nd = get32(buf + at);
    at += 4;
    for (uint32_t i = 0; i < nd && at + 2 < n; i++) { at += 1 + buf[at]; if (at + 2 > n) return 0; at += 2 + buf[at + 1]; }
    return at + 4 <= n ? at : 0;                        /* (form, flags, classes per entry) */
}

/* The weights are laid out in the file's order of features (the most used
 * first, tools/train): its first feature gets the first row or record, and
 * the same features in the reverse order load to the same scores. */
static void test_model_layout(void)
{
    char err[512];
    static unsigned char buf[1 << 24], rev[1 << 24];
    static size_t pos[1 << 17];
    size_t n = read_model(buf, sizeof buf);
    size_t at = weights_at(buf, n), nf = at ? get32(buf + at) : 0, k = at + 4;
    CHECK(n < sizeof buf && nf > 1000 && nf <= sizeof pos / sizeof pos[0]);
    if (n >= sizeof buf || nf <= 1000 || nf > sizeof pos / sizeof pos[0]) return;
    for (size_t i = 0; i < nf && k + 5 <= n; i++) { pos[i] = k; k += 5 + 3 * (size_t)buf[k + 4]; }
    CHECK(k + 4 == n && !memcmp(buf + k, "END!", 4));
    if (k + 4 != n) return;
    memcpy(rev, buf, at + 4);
    size_t w = at + 4;
    for (size_t i = nf; i-- > 0;) {
        size_t len = 5 + 3 * (size_t)buf[pos[i] + 4];
        memcpy(rev + w, buf + pos[i], len);
        w += len;
    }
    memcpy(rev + w, "END!", 4);
    lb_tagmodel *a = NULL, *b = NULL;
    CHECK_INT(lb_tagmodel_parse(&a, buf, n, "de.model", err, sizeof err), LB_OK);
    CHECK_INT(lb_tagmodel_parse(&b, rev, n, "reversed", err, sizeof err), LB_OK);
    if (!a || !b) { lb_tagmodel_free(a); lb_tagmodel_free(b); return; }
    lb_tm_ref first = lb_tagmodel_ref(a, get32(buf + pos[0]));
    CHECK(first == 2 || first == lb_tm_sparse_ref(a, 0));     /* dense + 1, or the first record */
    int diff = 0;
    for (size_t i = 0; i < nf; i += 97) {
        uint32_t id = get32(buf + pos[i]), sa[256] = { 0 }, sb[256] = { 0 };
        lb_tagmodel_score(a, &id, 1, sa);
        lb_tagmodel_score(b, &id, 1, sb);
        diff |= memcmp(sa, sb, sizeof sa) != 0;
    }
    CHECK(!diff);
    lb_tagmodel_free(a);
    lb_tagmodel_free(b);
}

int main(void)
{
    if (lb_ctx_new(&ctx, LB_TEST_DATA_DIR) != LB_OK) { fprintf(stderr, "%s\n", lb_ctx_errmsg(ctx)); return 1; }
    if (lb_doc_new(&doc, ctx) != LB_OK) return 1;
    test_inflection();
    test_subjunctive();
    test_bracket();
    test_finite_verb();
    test_headline_split();
    test_verb_final_cluster();
    test_attributive();
    test_sentence_shapes();
    test_compound_and_case();
    test_feats_format();
    test_model_loader();
    test_model_layout();
    lb_doc_free(doc);
    lb_ctx_free(ctx);
    return TEST_END();
}
