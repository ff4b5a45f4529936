/* output.c: the contract JSON of a document (see output.h). */
#include "output.h"
#include "core/jsonw.h"
#include "morph/morph.h"
#include "ud_words.h"
#include <string.h>

static void write_meta(lb_jsonw *w, const lb_doc *doc)
{
    LB_JW_KEY(w, "meta");
    lb_jw_obj(w);
    LB_JW_KEY(w, "title"); lb_jw_cstr(w, doc->meta.title);
    LB_JW_KEY(w, "date"); lb_jw_cstr(w, doc->meta.date);
    LB_JW_KEY(w, "author"); lb_jw_cstr(w, doc->meta.author);
    LB_JW_KEY(w, "source"); lb_jw_cstr(w, doc->meta.source);
    if (doc->meta.url) { LB_JW_KEY(w, "url"); lb_jw_cstr(w, doc->meta.url); }
    lb_jw_obj_end(w);
}

static void write_spans(lb_jsonw *w, const char *key, const lb_vec *v, size_t stride_start, size_t stride_end, size_t elem)
{
    lb_jw_key(w, key);
    lb_jw_arr(w);
    const unsigned char *p = v->items;
    for (size_t i = 0; i < v->len; i++, p += elem) {
        uint32_t s, e;
        memcpy(&s, p + stride_start, sizeof s);
        memcpy(&e, p + stride_end, sizeof e);
        lb_jw_span(w, s, e);
    }
    lb_jw_arr_end(w);
}

static void write_actor(lb_jsonw *w, const lb_actor_ref *a, int with_name)
{
    lb_jw_obj(w);
    LB_JW_KEY(w, "code"); lb_jw_cstr(w, a->code);
    LB_JW_KEY(w, "sector"); lb_jw_cstr(w, a->sector);
    if (with_name) { LB_JW_KEY(w, "name"); lb_jw_cstr(w, a->name); }
    if (with_name && a->id) { LB_JW_KEY(w, "id"); lb_jw_cstr(w, a->id); }
    lb_jw_obj_end(w);
}

static void write_mentions(lb_jsonw *w, const lb_doc *doc)
{
    static const char *const types[] = { "PER", "LOC", "ORG", "OTH" };
    static const char *const forms[] = { "name", "deriv", "part" };
    LB_JW_KEY(w, "mentions");
    lb_jw_arr(w);
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const lb_mention *m = &LB_MENTIONS(doc)[i];
        lb_jw_obj(w);
        LB_JW_KEY(w, "start"); lb_jw_int(w, m->start);
        LB_JW_KEY(w, "end"); lb_jw_int(w, m->end);
        LB_JW_KEY(w, "type"); lb_jw_cstr(w, types[m->type & 3]);
        LB_JW_KEY(w, "form"); lb_jw_cstr(w, forms[m->form % 3]);
        if (m->actor.code) { LB_JW_KEY(w, "actor"); write_actor(w, &m->actor, 1); }
        lb_jw_obj_end(w);
    }
    lb_jw_arr_end(w);
}

static void write_timex(lb_jsonw *w, const lb_doc *doc)
{
    static const char *const types[] = { "DATE", "TIME", "DURATION", "SET" };
    LB_JW_KEY(w, "timex");
    lb_jw_arr(w);
    for (size_t i = 0; i < doc->timex.len; i++) {
        const lb_timex *t = &LB_TIMEXES(doc)[i];
        lb_jw_obj(w);
        LB_JW_KEY(w, "start"); lb_jw_int(w, t->start);
        LB_JW_KEY(w, "end"); lb_jw_int(w, t->end);
        LB_JW_KEY(w, "type"); lb_jw_cstr(w, types[t->type & 3]);
        LB_JW_KEY(w, "value"); lb_jw_cstr(w, t->value);
        lb_jw_obj_end(w);
    }
    lb_jw_arr_end(w);
}

static void write_quotes(lb_jsonw *w, const lb_doc *doc)
{
    LB_JW_KEY(w, "quotes");
    lb_jw_arr(w);
    for (size_t i = 0; i < doc->quotes.len; i++) {
        const lb_quote *q = &LB_QUOTES(doc)[i];
        lb_jw_obj(w);
        LB_JW_KEY(w, "start"); lb_jw_int(w, q->start);
        LB_JW_KEY(w, "end"); lb_jw_int(w, q->end);
        LB_JW_KEY(w, "kind"); lb_jw_cstr(w, q->indirect ? "indirect" : "direct");
        LB_JW_KEY(w, "speaker");
        if (q->speaker_start >= 0 || q->speaker_name) {
            lb_jw_obj(w);
            if (q->speaker_start >= 0) {
                LB_JW_KEY(w, "start"); lb_jw_int(w, q->speaker_start);
                LB_JW_KEY(w, "end"); lb_jw_int(w, q->speaker_end);
            }
            LB_JW_KEY(w, "name"); lb_jw_cstr(w, q->speaker_name);
            if (q->speaker_actor.code) { LB_JW_KEY(w, "actor"); write_actor(w, &q->speaker_actor, 0); }
            lb_jw_obj_end(w);
        } else lb_jw_null(w);
        if (q->cue_start >= 0) {
            LB_JW_KEY(w, "cue");
            lb_jw_obj(w);
            LB_JW_KEY(w, "start"); lb_jw_int(w, q->cue_start);
            LB_JW_KEY(w, "end"); lb_jw_int(w, q->cue_end);
            lb_jw_obj_end(w);
        }
        lb_jw_obj_end(w);
    }
    lb_jw_arr_end(w);
}

static void write_events(lb_jsonw *w, const lb_doc *doc)
{
    LB_JW_KEY(w, "events");
    lb_jw_arr(w);
    for (size_t i = 0; i < doc->events.len; i++) {
        const lb_event *e = &LB_EVENTS(doc)[i];
        lb_jw_obj(w);
        LB_JW_KEY(w, "type"); lb_jw_cstr(w, e->type);
        LB_JW_KEY(w, "mode"); lb_jw_cstr(w, e->mode);
        LB_JW_KEY(w, "actor"); lb_jw_arr(w);
        for (size_t k = 0; k < e->nactor; k++) write_actor(w, &e->actor[k], 1);
        lb_jw_arr_end(w);
        LB_JW_KEY(w, "recipient"); lb_jw_arr(w);
        for (size_t k = 0; k < e->nrecipient; k++) write_actor(w, &e->recipient[k], 1);
        lb_jw_arr_end(w);
        LB_JW_KEY(w, "date"); lb_jw_cstr(w, e->date);
        LB_JW_KEY(w, "negated"); lb_jw_bool(w, e->negated);
        LB_JW_KEY(w, "hypothetical"); lb_jw_bool(w, e->hypothetical);
        LB_JW_KEY(w, "start"); lb_jw_int(w, e->start);
        LB_JW_KEY(w, "end"); lb_jw_int(w, e->end);
        if (e->trigger_start >= 0) {
            LB_JW_KEY(w, "trigger"); lb_jw_span(w, (size_t)e->trigger_start, (size_t)e->trigger_end);
        }
        LB_JW_KEY(w, "rule"); lb_jw_cstr(w, e->rule);
        LB_JW_KEY(w, "confidence"); lb_jw_num(w, e->confidence);
        if (e->cameo) { LB_JW_KEY(w, "cameo"); lb_jw_cstr(w, e->cameo); }
        LB_JW_KEY(w, "goldstein"); lb_jw_num(w, e->goldstein);
        lb_jw_obj_end(w);
    }
    lb_jw_arr_end(w);
}

/* The tokens layer: one object per token with its morphology (if the stage ran). */
/* u's lemma as UD writes it into out (room for u->lemma_len bytes): lower
 * case for file names, a number without thousands commas; 0 if unchanged. */
static size_t lemma_form(char *out, const lb_udw *u)
{
    const char *s = u->lemma;
    size_t n = u->lemma_len, k = 0;
    if (u->lower) {
        for (size_t i = 0; i < n; i++) out[i] = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] + 32) : s[i];
        return n;
    }
    if (!u->nocomma || !memchr(s, ',', n)) return 0;
    for (size_t i = 0; i < n; i++) {
        int group = s[i] == ',' && i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' && i + 3 < n
                    && s[i + 1] >= '0' && s[i + 1] <= '9' && s[i + 2] >= '0' && s[i + 2] <= '9' && s[i + 3] >= '0' && s[i + 3] <= '9'
                    && (i + 4 == n || s[i + 4] < '0' || s[i + 4] > '9');
        if (!group) out[k++] = s[i];
    }
    return k;
}

static void write_word(lb_jsonw *w, const lb_udw *u)
{
    char feats[256];
    lb_jw_obj(w);
    LB_JW_KEY(w, "start"); lb_jw_int(w, u->start);
    LB_JW_KEY(w, "end"); lb_jw_int(w, u->end);
    char lemma[256];
    size_t ln = u->lemma && u->lemma_len <= sizeof lemma ? lemma_form(lemma, u) : 0;
    LB_JW_KEY(w, "lemma");
    if (!u->lemma) lb_jw_str(w, u->lbuf, u->lemma_len);
    else if (ln) lb_jw_str(w, lemma, ln);
    else lb_jw_str(w, u->lemma, u->lemma_len);
    LB_JW_KEY(w, "upos"); lb_jw_cstr(w, lb_upos_name(u->upos));
    size_t n = lb_feats_format(feats, sizeof feats, u->feats);
    LB_JW_KEY(w, "feats"); lb_jw_str(w, feats, n);
    lb_jw_obj_end(w);
}

/* English and German tokens are written as UD words (src/ud_words.h), other languages as they are. */
static void write_tokens(lb_jsonw *w, const lb_doc *doc)
{
    LB_JW_KEY(w, "tokens");
    lb_jw_arr(w);
    const lb_morph *mo = doc->morph.len == doc->toks.len ? LB_MORPH(doc) : NULL;
    int ud = mo && strcmp(doc->lang, "en") == 0, ud_de = mo && strcmp(doc->lang, "de") == 0;
    lb_udw words[LB_UDW_MAX];
    for (size_t i = 0; i < doc->toks.len;) {
        const lb_tok *t = &LB_TOKS(doc)[i];
        size_t next = i + 1, nw = 1;
        if (ud) nw = lb_ud_words(doc, mo, i, words, &next);
        else if (ud_de) nw = lb_ud_words_de(doc, mo, i, words, &next);
        else if (mo) words[0] = (lb_udw){ t->start, t->end, mo[i].lemma, mo[i].lemma_len, mo[i].feats, mo[i].upos, 0, { 0 }, 0 };
        if (mo) {
            for (size_t k = 0; k < nw; k++) write_word(w, &words[k]);
        } else {
            lb_jw_obj(w);
            LB_JW_KEY(w, "start"); lb_jw_int(w, t->start);
            LB_JW_KEY(w, "end"); lb_jw_int(w, t->end);
            lb_jw_obj_end(w);
        }
        i = next;
    }
    lb_jw_arr_end(w);
}

int lb_doc_json(const char **json, size_t *len, lb_doc *doc)
{
    return lb_doc_json_with(json, len, doc, 0);
}

int lb_doc_json_with(const char **json, size_t *len, lb_doc *doc, unsigned flags)
{
    lb_buf_reset(&doc->json);
    lb_jsonw w;
    lb_jw_init(&w, &doc->json);
    lb_jw_obj(&w);
    LB_JW_KEY(&w, "id"); lb_jw_cstr(&w, doc->id);
    LB_JW_KEY(&w, "lang"); lb_jw_cstr(&w, doc->lang);
    write_meta(&w, doc);
    /* an HTML input's text is its extract: offsets below refer to it */
    if (doc->is_html) { LB_JW_KEY(&w, "text"); lb_jw_str(&w, doc->text, doc->len); }
    write_spans(&w, "body", &doc->body, offsetof(lb_rspan, start), offsetof(lb_rspan, end), sizeof(lb_rspan));
    write_spans(&w, "sentences", &doc->sents, offsetof(lb_sent, start), offsetof(lb_sent, end), sizeof(lb_sent));
    write_mentions(&w, doc);
    write_timex(&w, doc);
    write_quotes(&w, doc);
    write_events(&w, doc);
    if (flags & LB_JSON_TOKENS) write_tokens(&w, doc);
    if (doc->repaired || doc->nuls) {
        LB_JW_KEY(&w, "warnings");
        lb_jw_obj(&w);
        LB_JW_KEY(&w, "invalid_utf8"); lb_jw_int(&w, (int64_t)doc->repaired);
        LB_JW_KEY(&w, "nul_bytes"); lb_jw_int(&w, (int64_t)doc->nuls);
        lb_jw_obj_end(&w);
    }
    lb_jw_obj_end(&w);
    if (lb_jw_status(&w)) return lb_doc_fail(doc, LB_ENOMEM, "output too large");
    *json = doc->json.data;
    *len = doc->json.len;
    return LB_OK;
}

int lb_doc_error_json(const char **json, size_t *len, lb_doc *doc, const char *id, const char *message)
{
    lb_buf_reset(&doc->json);
    lb_jsonw w;
    lb_jw_init(&w, &doc->json);
    lb_jw_obj(&w);
    LB_JW_KEY(&w, "id"); lb_jw_cstr(&w, id);
    LB_JW_KEY(&w, "error"); lb_jw_cstr(&w, message ? message : "error");
    lb_jw_obj_end(&w);
    if (lb_jw_status(&w)) return LB_ENOMEM;
    *json = doc->json.data;
    *len = doc->json.len;
    return LB_OK;
}
