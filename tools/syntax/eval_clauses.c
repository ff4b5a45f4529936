/* eval_clauses.c: measures the clause layer against UD treebanks. Reads a
 * CoNLL-U file, fills a document's tokens and morphology from the GOLD words
 * (lemma, UPOS, features; German contractions im/zum as one token with
 * LB_MF_CONTR), runs lb_syntax_run, and compares each clause's subject,
 * objects and passive agent (by the head token of the phrase) with the gold
 * relations nsubj, nsubj:pass, obj, iobj, obl:agent: P/R/F1 per relation,
 * plus relative and subordinate clause detection. --bench N times the stage.
 * --pred runs the real pipeline (tokens, morph) on the sentence texts instead
 * and aligns its tokens with the gold words by offset.
 * Usage: lb_eval_clauses [--lang de|en] [--data DIR] [--pred] [--bench N] [--errors REL] FILE */
#include "conllu.h"
#include "ctx.h"
#include "doc.h"
#include "syntax/syntax.h"
#include "text/text.h"
#include "core/limits.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { R_NSUBJ, R_NSUBJ_PASS, R_OBJ, R_IOBJ, R_AGENT, R_SUBJ_ANY, R_OBJ_ANY, NREL };
static const char *const rel_names[NREL] = { "nsubj", "nsubj:pass", "obj", "iobj", "obl:agent",
                                             "subj(any)", "obj+iobj" };
enum { G_REL = 1, G_SUB = 2 };

typedef struct gold { int8_t rel; uint8_t clause; } gold;

typedef struct tool {
    lb_doc *doc;
    lb_buf text, norm;
    gold *g; size_t gn, gcap;
    const char *lang;
    int bench;          /* --pred --bench N: time the pipeline stages (syntax N times) */
    int errors_rel;     /* --errors: print the sentences with a wrong relation */
} tool;

static int rel_code(const char *d)
{
    if (!strcmp(d, "nsubj")) return R_NSUBJ;
    if (!strcmp(d, "nsubj:pass")) return R_NSUBJ_PASS;
    if (!strcmp(d, "obj")) return R_OBJ;
    if (!strcmp(d, "iobj")) return R_IOBJ;
    if (!strcmp(d, "obl:agent")) return R_AGENT;
    return -1;
}

static int feat_val(const char *feats, const char *name, const char *const *vals, int nvals)
{
    size_t n = strlen(name);
    for (const char *p = feats; (p = strstr(p, name)); p += n) {
        if ((p != feats && p[-1] != '|') || p[n] != '=') continue;
        const char *v = p + n + 1;
        size_t vl = strcspn(v, "|");
        if (memchr(v, ',', vl)) {            /* several values: Rel wins for PronType, else unset */
            if (!strcmp(name, "PronType") && strstr(v, "Rel") && strstr(v, "Rel") < v + vl) return 4;
            return 0;
        }
        for (int i = 0; i < nvals; i++)
            if (strlen(vals[i]) == vl && !strncmp(v, vals[i], vl)) return i + 1;
    }
    return 0;
}

static uint32_t parse_feats(const char *f)
{
    static const char *const cas[] = { "Nom", "Acc", "Dat", "Gen" }, *const num[] = { "Sing", "Plur" },
        *const gen[] = { "Masc", "Fem", "Neut" }, *const per[] = { "1", "2", "3" }, *const ten[] = { "Pres", "Past" },
        *const moo[] = { "Ind", "Sub", "Imp" }, *const vf[] = { "Fin", "Inf", "Part", "Ger" },
        *const deg[] = { "Pos", "Cmp", "Sup" }, *const def[] = { "Def", "Ind" },
        *const pt[] = { "Prs", "Art", "Dem", "Rel", "Int", "Ind", "Neg", "Tot", "Rcp" }, *const yes[] = { "Yes" },
        *const neg[] = { "Neg" };
    uint32_t x = 0;
    x |= LB_FEAT(CASE, feat_val(f, "Case", cas, 4));
    x |= LB_FEAT(NUMBER, feat_val(f, "Number", num, 2));
    x |= LB_FEAT(GENDER, feat_val(f, "Gender", gen, 3));
    x |= LB_FEAT(PERSON, feat_val(f, "Person", per, 3));
    x |= LB_FEAT(TENSE, feat_val(f, "Tense", ten, 2));
    x |= LB_FEAT(MOOD, feat_val(f, "Mood", moo, 3));
    x |= LB_FEAT(VERBFORM, feat_val(f, "VerbForm", vf, 4));
    x |= LB_FEAT(DEGREE, feat_val(f, "Degree", deg, 3));
    x |= LB_FEAT(DEFINITE, feat_val(f, "Definite", def, 2));
    x |= LB_FEAT(PRONTYPE, feat_val(f, "PronType", pt, 9));
    x |= LB_FEAT(REFLEX, feat_val(f, "Reflex", yes, 1));
    x |= LB_FEAT(POSS, feat_val(f, "Poss", yes, 1));
    x |= LB_FEAT(POLARITY, feat_val(f, "Polarity", neg, 1));
    return x;
}

static int upos_code(const char *u)
{
    static const char *const names[LB_UPOS_COUNT] = { "X", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ",
        "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB" };
    for (int i = 0; i < LB_UPOS_COUNT; i++) if (!strcmp(u, names[i])) return i;
    return LB_UPOS_X;
}

static uint32_t punct_flags(const char *f)
{
    static const char *const quotes[] = { "\"", "'", "„", "“", "”", "‚", "‘", "’", "«", "»", "``", "''" };
    for (size_t i = 0; i < sizeof quotes / sizeof quotes[0]; i++) if (!strcmp(f, quotes[i])) return LB_TOK_QUOTE;
    if (!strcmp(f, "–") || !strcmp(f, "—") || !strcmp(f, "--")) return LB_TOK_DASH;
    if (!strcmp(f, "(") || !strcmp(f, "[")) return LB_TOK_BRACKET_OPEN;
    if (!strcmp(f, ")") || !strcmp(f, "]")) return LB_TOK_BRACKET_CLOSE;
    return 0;
}

/* appends one token built from a word (or a contraction of two) */
static int add_token(tool *t, const char *form, const cu_word *w, const cu_word *det, int8_t rel)
{
    lb_doc *d = t->doc;
    lb_tok *tk = lb_vec_push(&d->toks, &d->arena);
    lb_morph *m = lb_vec_push(&d->morph, &d->arena);
    if (!tk || !m) return -1;
    tk->start = (uint32_t)t->text.len;
    if (lb_buf_adds(&t->text, form)) return -1;
    tk->end = (uint32_t)t->text.len;
    lb_buf_addc(&t->text, ' ');
    char fold[512];
    size_t n = lb_fold(fold, sizeof fold, form, strlen(form));
    if (n >= sizeof fold) n = 0;
    tk->norm = (uint32_t)t->norm.len; tk->norm_len = (uint32_t)n;
    lb_buf_add(&t->norm, fold, n);
    tk->sent = (uint32_t)d->sents.len - 1;
    m->upos = (uint8_t)upos_code(w->upos);
    tk->flags = m->upos == LB_UPOS_PUNCT ? LB_TOK_PUNCT | punct_flags(form) : LB_TOK_WORD;
    int upper = 0, lower = 0;
    for (const char *q = form; *q; q++) { upper += *q >= 'A' && *q <= 'Z'; lower += *q >= 'a' && *q <= 'z'; }
    if (upper && form[0] >= 'A' && form[0] <= 'Z') tk->flags |= LB_TOK_UPPER;
    if (upper > 1 && !lower) tk->flags |= LB_TOK_ALLCAPS;   /* as the tokenizer marks them */
    m->feats = parse_feats(det ? det->feats : w->feats);
    if (det) m->flags |= LB_MF_CONTR;
    if (!strcmp(w->xpos, "VVIZU")) m->flags |= LB_MF_ZU_INF;
    m->lemma = lb_arena_strndup(&d->arena, w->lemma, strlen(w->lemma));
    m->lemma_len = (uint32_t)strlen(w->lemma);
    m->link = m->clause = m->phrase = -1;
    if (t->gn == t->gcap) {
        t->gcap = t->gcap ? t->gcap * 2 : 4096;
        t->g = realloc(t->g, t->gcap * sizeof *t->g);
        if (!t->g) return -1;
    }
    t->g[t->gn].rel = rel; t->g[t->gn].clause = 0;
    t->gn++;
    return 0;
}

static int has_child(const cu_sent *s, int h, const char *deprel, const char *upos, const char *feat)
{
    for (int i = 1; i <= s->n; i++) {
        const cu_word *w = &s->w[i];
        if (w->head != h) continue;
        if (deprel && strncmp(w->deprel, deprel, strlen(deprel))) continue;
        if (upos && strcmp(w->upos, upos)) continue;
        if (feat && !(strstr(w->feats, "PronType=") && strstr(strstr(w->feats, "PronType="), feat))) continue;
        return 1;
    }
    return 0;
}

static uint8_t gold_clause(const cu_sent *s, int i)
{
    const char *d = s->w[i].deprel;
    if (!strcmp(d, "acl:relcl") || ((!strncmp(d, "acl", 3) || !strcmp(d, "nmod") || !strcmp(d, "advcl")) && has_child(s, i, NULL, NULL, "Rel"))) return G_REL;
    if ((!strncmp(d, "advcl", 5) || !strncmp(d, "ccomp", 5) || !strncmp(d, "csubj", 5)) &&
        has_child(s, i, "mark", "SCONJ", NULL)) return G_SUB;
    return 0;
}

static int add_sentence(tool *t, const cu_sent *s)
{
    lb_doc *d = t->doc;
    lb_sent *se = lb_vec_push(&d->sents, &d->arena);
    if (!se) return -1;
    se->tok0 = (uint32_t)d->toks.len;
    se->start = (uint32_t)t->text.len;
    for (int i = 1; i <= s->n; i++) {
        const cu_word *w = &s->w[i];
        size_t tok = d->toks.len;
        if (w->mwt_end == i + 1 && !strcmp(w->upos, "ADP") && !strcmp(s->w[i + 1].upos, "DET")) {
            if (add_token(t, w->mwt_form, w, &s->w[i + 1], -1)) return -1;
            t->g[tok].clause = gold_clause(s, i);
            i++;
            continue;
        }
        if (add_token(t, w->form, w, NULL, (int8_t)rel_code(w->deprel))) return -1;
        t->g[tok].clause = gold_clause(s, i);
    }
    se->ntok = (uint32_t)(d->toks.len - se->tok0);
    se->end = (uint32_t)t->text.len;
    return 0;
}

typedef struct counts { long tp[NREL], fp[NREL], fn[NREL]; long cl_tp[3], cl_fp[3], cl_fn[3]; } counts;

static void count_pair(counts *c, int r, int is_pred, int is_gold)
{
    if (is_pred && is_gold) c->tp[r]++;
    else if (is_pred) c->fp[r]++;
    else if (is_gold) c->fn[r]++;
}

/* predicted relation code per token from the clauses */
static void predicted(const lb_doc *d, int8_t *pred)
{
    const lb_phrase *P = LB_PHRASES(d);
    for (size_t i = 0; i < d->toks.len; i++) pred[i] = -1;
    for (size_t c = 0; c < d->clauses.len; c++) {
        const lb_clause *C = &LB_CLAUSES(d)[c];
        if (C->subj >= 0) pred[P[C->subj].head] = C->voice ? R_NSUBJ_PASS : R_NSUBJ;
        if (C->obj >= 0) pred[P[C->obj].head] = R_OBJ;
        if (C->iobj >= 0) pred[P[C->iobj].head] = R_IOBJ;
        if (C->agent >= 0) pred[P[C->agent].head] = R_AGENT;
    }
}

static void print_sentence(const lb_doc *d, uint32_t tok, const char *what)
{
    const lb_tok *tk = &LB_TOKS(d)[tok];
    const lb_sent *se = &LB_SENTS(d)[tk->sent];
    lb_buf b; lb_buf_init(&b, 1 << 20);
    lb_syntax_describe(&b, d, tk->sent);
    printf("%s %.*s | %.*s\n%s\n", what, (int)(tk->end - tk->start), d->text + tk->start,
           (int)(se->end - se->start), d->text + se->start, b.data ? b.data : "");
    lb_buf_free(&b);
}

static void evaluate(const tool *t, counts *c, int errors_rel)
{
    const lb_doc *d = t->doc;
    int8_t *pred = malloc(d->toks.len);
    if (!pred) return;
    predicted(d, pred);
    for (size_t i = 0; i < d->toks.len; i++) {
        int g = t->g[i].rel, p = pred[i];
        for (int r = 0; r < R_SUBJ_ANY; r++) count_pair(c, r, p == r, g == r);
        count_pair(c, R_SUBJ_ANY, p == R_NSUBJ || p == R_NSUBJ_PASS, g == R_NSUBJ || g == R_NSUBJ_PASS);
        count_pair(c, R_OBJ_ANY, p == R_OBJ || p == R_IOBJ, g == R_OBJ || g == R_IOBJ);
        if (errors_rel >= 0 && (p == errors_rel) != (g == errors_rel)) {
            const lb_tok *tk = &LB_TOKS(d)[i];
            const lb_sent *se = &LB_SENTS(d)[tk->sent];
            lb_buf b; lb_buf_init(&b, 1 << 20);
            lb_syntax_describe(&b, d, tk->sent);
            printf("%s %.*s | %.*s\n%s\n", p == errors_rel ? "FP" : "FN", (int)(tk->end - tk->start), d->text + tk->start,
                   (int)(se->end - se->start), d->text + se->start, b.data ? b.data : "");
            lb_buf_free(&b);
        }
    }
    /* clause kinds: a gold head inside a predicted clause of the kind */
    const lb_clause *C = LB_CLAUSES(d);
    static const uint8_t kinds[3] = { 0, LB_CL_REL, LB_CL_SUB };
    for (int k = 1; k <= 2; k++) {
        char *hit = calloc(d->clauses.len + 1, 1);
        for (size_t i = 0; i < d->toks.len; i++) {
            int32_t cl = LB_MORPH(d)[i].clause;
            int ok = cl >= 0 && (C[cl].kind == kinds[k] || (k == 2 && C[cl].kind == LB_CL_QUESTION && C[cl].parent >= 0));
            if (t->g[i].clause != k) continue;
            if (ok) { c->cl_tp[k]++; if (hit) hit[cl] = 1; } else c->cl_fn[k]++;
            if (!ok && errors_rel == 100 + k) print_sentence(d, (uint32_t)i, "FN-clause");
        }
        for (size_t q = 0; q < d->clauses.len; q++)
            if ((C[q].kind == kinds[k] || (k == 2 && C[q].kind == LB_CL_QUESTION && C[q].parent >= 0)) && hit && !hit[q]) {
                c->cl_fp[k]++;
                if (errors_rel == 100 + k) print_sentence(d, C[q].tok0, "FP-clause");
            }
        free(hit);
    }
    free(pred);
}

static void report(const counts *c)
{
    printf("%-11s %6s %6s %6s   %5s %5s %5s\n", "relation", "tp", "fp", "fn", "P", "R", "F1");
    for (int r = 0; r < NREL; r++) {
        double p = c->tp[r] + c->fp[r] ? (double)c->tp[r] / (double)(c->tp[r] + c->fp[r]) : 0;
        double rc = c->tp[r] + c->fn[r] ? (double)c->tp[r] / (double)(c->tp[r] + c->fn[r]) : 0;
        printf("%-11s %6ld %6ld %6ld   %5.3f %5.3f %5.3f\n", rel_names[r], c->tp[r], c->fp[r], c->fn[r], p, rc,
               p + rc > 0 ? 2 * p * rc / (p + rc) : 0);
    }
    static const char *const kn[3] = { "", "rel-clause", "sub-clause" };
    for (int k = 1; k <= 2; k++) {
        double p = c->cl_tp[k] + c->cl_fp[k] ? (double)c->cl_tp[k] / (double)(c->cl_tp[k] + c->cl_fp[k]) : 0;
        double rc = c->cl_tp[k] + c->cl_fn[k] ? (double)c->cl_tp[k] / (double)(c->cl_tp[k] + c->cl_fn[k]) : 0;
        printf("%-11s %6ld %6ld %6ld   %5.3f %5.3f %5.3f\n", kn[k], c->cl_tp[k], c->cl_fp[k], c->cl_fn[k], p, rc,
               p + rc > 0 ? 2 * p * rc / (p + rc) : 0);
    }
}

/* ---- predicted tags: the real pipeline on the sentence texts ---------------- */

typedef struct pred_batch {
    lb_buf text;                    /* sentences joined by blank lines */
    int8_t *rel_at; uint8_t *cl_at; /* gold relation / clause mark by byte offset, -1 none */
    size_t cap;
    long unaligned[NREL];           /* gold relations whose word no token matches */
} pred_batch;

static int batch_grow(pred_batch *b, size_t need)
{
    if (need <= b->cap) return 0;
    size_t cap = need * 2;
    int8_t *r = realloc(b->rel_at, cap);
    if (!r) return -1;
    b->rel_at = r;
    uint8_t *c = realloc(b->cl_at, cap);
    if (!c) return -1;
    b->cl_at = c;
    memset(b->rel_at + b->cap, -1, cap - b->cap);
    memset(b->cl_at + b->cap, 0, cap - b->cap);
    b->cap = cap;
    return 0;
}

/* appends the sentence text and marks where each gold word starts */
static int batch_add(pred_batch *b, const cu_sent *s, uint32_t *word_end)
{
    size_t base = b->text.len;
    if (lb_buf_adds(&b->text, s->text) || lb_buf_adds(&b->text, "\n\n") || batch_grow(b, b->text.len + 1)) return -1;
    const char *t = s->text;
    size_t pos = 0;
    for (int i = 1; i <= s->n; i++) {
        const cu_word *w = &s->w[i];
        int contr = w->mwt_end == i + 1 && !strcmp(w->upos, "ADP") && !strcmp(s->w[i + 1].upos, "DET");
        const char *form = w->mwt_end ? w->mwt_form : w->form;
        const char *hit = strstr(t + pos, form);
        int last = w->mwt_end ? w->mwt_end : i;
        if (!hit || (size_t)(hit - t) > pos + 8) {
            for (int k = i; k <= last; k++) { int r = rel_code(s->w[k].deprel); if (r >= 0) b->unaligned[r]++; }
            i = last;
            continue;
        }
        size_t off = base + (size_t)(hit - t);
        pos = (size_t)(hit - t) + strlen(form);
        word_end[off - base] = (uint32_t)(base + pos);
        if (contr || !w->mwt_end) {
            b->rel_at[off] = contr ? -1 : (int8_t)rel_code(w->deprel);
            b->cl_at[off] = gold_clause(s, i);
        } else {   /* other multiword tokens: not comparable word by word */
            for (int k = i; k <= last; k++) { int r = rel_code(s->w[k].deprel); if (r >= 0) b->unaligned[r]++; }
        }
        i = last;
    }
    return 0;
}

static double now(void);
static double morph_secs, syntax_secs, pipe_bytes, pipe_toks;

/* the pipeline up to morph, then up to syntax: the difference is the stage */
static void time_batch(tool *t, const lb_input *in)
{
    lb_doc_annotate_upto(t->doc, in, LB_STAGE_SYNTAX);      /* warm caches */
    double t0 = now();
    lb_doc_annotate_upto(t->doc, in, LB_STAGE_MORPH);
    double t1 = now();
    for (int i = 0; i < t->bench; i++) lb_syntax_run(t->doc);
    double t2 = now();
    morph_secs += t1 - t0; syntax_secs += (t2 - t1) / t->bench;
    pipe_bytes += (double)in->text_len; pipe_toks += (double)t->doc->toks.len;
}

static void eval_batch(tool *t, pred_batch *b, const lb_ctx *ctx, counts *c, uint32_t *word_end)
{
    lb_input in;
    memset(&in, 0, sizeof in);
    in.text = b->text.data; in.text_len = b->text.len;
    in.lang = t->lang; in.lang_len = strlen(t->lang);
    lb_doc *doc = t->doc;
    (void)ctx;
    if (t->bench) time_batch(t, &in);
    if (lb_doc_annotate_upto(doc, &in, LB_STAGE_SYNTAX)) { fprintf(stderr, "annotate: %s\n", lb_doc_errmsg(doc)); return; }
    t->gn = 0;
    for (size_t i = 0; i < doc->toks.len; i++) {
        const lb_tok *tk = &LB_TOKS(doc)[i];
        if (t->gn == t->gcap) { t->gcap = t->gcap ? t->gcap * 2 : 4096; t->g = realloc(t->g, t->gcap * sizeof *t->g); }
        int8_t r = -1; uint8_t k = 0;
        if (tk->start < b->text.len) { r = b->rel_at[tk->start]; k = b->cl_at[tk->start]; }
        if (r >= 0 && word_end[tk->start] != tk->end) { b->unaligned[r]++; r = -1; }
        t->g[t->gn].rel = r; t->g[t->gn].clause = k;
        t->gn++;
    }
    evaluate(t, c, t->errors_rel);
    memset(b->rel_at, -1, b->cap); memset(b->cl_at, 0, b->cap);
    lb_buf_reset(&b->text);
}

static int run_predicted(tool *t, const char *path, const char *data_root, counts *c)
{
    lb_ctx *ctx;
    if (lb_ctx_new(&ctx, data_root)) { fprintf(stderr, "ctx: %s\n", ctx ? lb_ctx_errmsg(ctx) : "failed"); return -1; }
    lb_doc_free(t->doc);
    if (lb_doc_new(&t->doc, ctx)) return -1;
    pred_batch b;
    memset(&b, 0, sizeof b);
    lb_buf_init(&b.text, (size_t)1 << 30);
    static cu_sent s;
    uint32_t *word_end = calloc(LB_MAX_DOC_BYTES, sizeof *word_end);
    cu_reader *r = cu_open(path);
    if (!r || !word_end) return -1;
    int nsent = 0;
    while (cu_next(r, &s)) {
        size_t base = b.text.len;
        if (batch_grow(&b, base + strlen(s.text) + 4) || batch_add(&b, &s, word_end + base)) return -1;
        if (++nsent % 40 == 0) eval_batch(t, &b, ctx, c, word_end);
    }
    if (b.text.len) eval_batch(t, &b, ctx, c, word_end);
    cu_close(r);
    for (int k = 0; k < NREL; k++) c->fn[k] += b.unaligned[k];
    c->fn[R_SUBJ_ANY] += b.unaligned[R_NSUBJ] + b.unaligned[R_NSUBJ_PASS];
    c->fn[R_OBJ_ANY] += b.unaligned[R_OBJ] + b.unaligned[R_IOBJ];
    printf("%s: predicted tags, %d sentences; gold relations on words no token matches: nsubj %ld, obj %ld\n",
           path, nsent, b.unaligned[R_NSUBJ], b.unaligned[R_OBJ]);
    if (t->bench && pipe_toks > 0) {
        printf("pipeline to morph: %.1f MB/s; + syntax: %.1f MB/s; syntax stage %.1f ns/token\n",
               pipe_bytes / morph_secs / 1e6, pipe_bytes / (morph_secs + syntax_secs) / 1e6, syntax_secs * 1e9 / pipe_toks);
    }
    lb_doc_free(t->doc); t->doc = NULL;
    lb_ctx_free(ctx);
    free(b.rel_at); free(b.cl_at); free(word_end); lb_buf_free(&b.text);
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void reset_doc(tool *t)
{
    lb_arena_reset(&t->doc->arena);
    lb_vec_init(&t->doc->toks, sizeof(lb_tok)); lb_vec_init(&t->doc->sents, sizeof(lb_sent));
    lb_vec_init(&t->doc->morph, sizeof(lb_morph));
    lb_buf_reset(&t->text); lb_buf_reset(&t->norm);
    t->gn = 0;
}

static void attach_text(tool *t)
{
    t->doc->text = t->text.data ? t->text.data : ""; t->doc->len = t->text.len;
    t->doc->norm = t->norm.data; t->doc->norm_len = t->norm.len;
}

/* times the stage on documents of 40 sentences (a news article's size), n passes */
static int bench(tool *t, const char *path, int n)
{
    static cu_sent s;
    double total = 0;
    size_t ntok = 0;
    for (int pass = 0; pass < n; pass++) {
        cu_reader *r = cu_open(path);
        if (!r) return -1;
        int more = 1;
        while (more) {
            reset_doc(t);
            while (t->doc->sents.len < 40 && (more = cu_next(r, &s)))
                if (add_sentence(t, &s)) { cu_close(r); return -1; }
            attach_text(t);
            if (getenv("LB_BENCH_WARM")) lb_syntax_run(t->doc);
            double t0 = now();
            lb_syntax_run(t->doc);
            total += now() - t0;
            ntok += t->doc->toks.len;
        }
        cu_close(r);
    }
    printf("speed: %.1f ns/token over %zu tokens (documents of 40 sentences)\n", total * 1e9 / (double)ntok, ntok);
    return 0;
}

int main(int argc, char **argv)
{
    const char *lang = "de", *data = LB_DATA_DIR "/syntax", *path = NULL;
    int nbench = 0, errors_rel = -1, pred = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--lang") && i + 1 < argc) lang = argv[++i];
        else if (!strcmp(argv[i], "--data") && i + 1 < argc) data = argv[++i];
        else if (!strcmp(argv[i], "--bench") && i + 1 < argc) nbench = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--errors") && i + 1 < argc) {
            i++;
            errors_rel = !strcmp(argv[i], "rel-clause") ? 101 : !strcmp(argv[i], "sub-clause") ? 102 : rel_code(argv[i]);
        }
        else if (!strcmp(argv[i], "--pred")) pred = 1;
        else path = argv[i];
    }
    if (!path) { fprintf(stderr, "usage: lb_eval_clauses [--lang de|en] [--data DIR] [--bench N] [--errors REL] FILE\n"); return 2; }
    char err[512];
    struct lb_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    if (lb_syntax_load(&ctx.syntax, data, err, sizeof err)) { fprintf(stderr, "%s\n", err); return 1; }
    tool t;
    memset(&t, 0, sizeof t);
    lb_buf_init(&t.text, (size_t)1 << 31); lb_buf_init(&t.norm, (size_t)1 << 31);
    if (lb_doc_new(&t.doc, &ctx)) return 1;
    t.lang = lang;
    t.bench = nbench;
    t.errors_rel = errors_rel;
    if (pred) {
        counts pc;
        memset(&pc, 0, sizeof pc);
        if (run_predicted(&t, path, LB_DATA_DIR, &pc)) { fprintf(stderr, "predicted run failed\n"); return 1; }
        report(&pc);
        lb_syntax_free(ctx.syntax);
        free(t.g); lb_buf_free(&t.text); lb_buf_free(&t.norm);
        return 0;
    }
    snprintf(t.doc->lang, sizeof t.doc->lang, "%s", lang);
    lb_vec_init(&t.doc->toks, sizeof(lb_tok)); lb_vec_init(&t.doc->sents, sizeof(lb_sent));
    lb_vec_init(&t.doc->morph, sizeof(lb_morph));
    cu_reader *r = cu_open(path);
    if (!r) { fprintf(stderr, "%s: cannot open\n", path); return 1; }
    static cu_sent s;
    while (cu_next(r, &s))
        if (add_sentence(&t, &s)) { fprintf(stderr, "out of memory\n"); return 1; }
    cu_close(r);
    attach_text(&t);
    if (lb_syntax_run(t.doc)) { fprintf(stderr, "syntax: %s\n", lb_doc_errmsg(t.doc)); return 1; }
    counts c;
    memset(&c, 0, sizeof c);
    evaluate(&t, &c, errors_rel);
    printf("%s: %zu sentences, %zu tokens, %zu clauses, %zu phrases\n", path, t.doc->sents.len, t.doc->toks.len,
           t.doc->clauses.len, t.doc->phrases.len);
    report(&c);
    if (nbench > 0 && bench(&t, path, nbench)) { fprintf(stderr, "bench failed\n"); return 1; }
    t.doc->text = ""; t.doc->norm = NULL;
    lb_doc_free(t.doc);
    lb_buf_free(&t.text); lb_buf_free(&t.norm);
    free(t.g);
    lb_syntax_free(ctx.syntax);
    return 0;
}
