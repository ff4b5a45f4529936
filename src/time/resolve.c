/* resolve.c: turns one pattern match (its action and slots) into a TIMEX3
 * value, against the document creation time (deictic expressions) and the
 * last mentioned date (anaphoric ones, and underspecified dates in
 * narratives); the sentence's tense decides the direction of weekdays and
 * month names. It does not find matches and keeps no per-process state. */
#include "time/time_internal.h"
#include <stdio.h>
#include <string.h>

static int has(const tm_slots *s, int sl) { return (s->has >> sl) & 1u; }
static int32_t get(const tm_slots *s, int sl, int32_t dflt) { return has(s, sl) ? s->v[sl] : dflt; }

static const char *str(const struct lb_time_rules *r, const tm_slots *s, int sl)
{
    if (!has(s, sl) || s->v[sl] < 0 || (size_t)s->v[sl] >= r->strs.len) return NULL;
    return TM_STR(r, s->v[sl]);
}

static void set_ref(tm_state *st, tm_date d) { if (d.gran) st->ref = d; }

static int season_index(const char *s)
{
    if (!s) return 0;
    if (!strcmp(s, "SP")) return 1;
    if (!strcmp(s, "SU")) return 2;
    if (!strcmp(s, "FA")) return 3;
    if (!strcmp(s, "WI")) return 4;
    return 0;
}

static int season_of_month(int m) { return m >= 3 && m <= 5 ? 1 : m <= 8 && m >= 6 ? 2 : m >= 9 && m <= 11 ? 3 : 4; }

/* appends the time of day, if any, to a day value in buf */
static void add_time(const struct lb_time_rules *r, const tm_slots *s, char *buf, size_t n)
{
    size_t l = strlen(buf);
    if (has(s, SL_HR)) {
        int h = s->v[SL_HR];
        if (get(s, SL_A, 0) == 12 && h < 12) h += 12;
        if (get(s, SL_A, 0) == -12 && h == 12) h = 0;
        if (has(s, SL_MI)) snprintf(buf + l, n - l, "T%02d:%02d", h, s->v[SL_MI]);
        else snprintf(buf + l, n - l, "T%02d:00", h);
    } else if (str(r, s, SL_T)) {
        snprintf(buf + l, n - l, "T%s", str(r, s, SL_T));
    }
}

/* years before Christ are kept negative: -479 is BC0479 */
#define YFMT "%s%04d"
#define YARG(y) ((y) < 0 ? "BC" : ""), ((y) < 0 ? -(y) : (y))

static void fmt_day(char *buf, size_t n, tm_date d)
{
    if (d.gran == 'D') snprintf(buf, n, YFMT "-%02d-%02d", YARG(d.y), d.m, d.d);
    else if (d.gran == 'M') snprintf(buf, n, YFMT "-%02d", YARG(d.y), d.m);
    else if (d.gran == 'Y') snprintf(buf, n, YFMT, YARG(d.y));
    else snprintf(buf, n, "XXXX-XX-XX");
}

/* deictic expressions count from the publication date; in a narrative
 * ("im Vorjahr", "dieses Jahres") from the time the text is at */
static tm_date deictic(const tm_state *st) { return st->dct.gran && !(st->narrative && st->ref.gran) ? st->dct : st->ref; }
static tm_date anaphoric(const tm_state *st) { return st->ref.gran ? st->ref : st->dct; }

static tm_date shift_days(tm_date a, long n)
{
    tm_civil(tm_days(a.y, a.m, a.d) + n, &a.y, &a.m, &a.d);
    a.gran = 'D';
    return a;
}

/* weekday w relative to anchor a: dir <0 strictly before, >0 strictly after,
 * 0 in the same week; dir 2 = on or after, -2 = on or before */
static tm_date weekday_from(tm_date a, int w, int dir)
{
    int wd = tm_weekday(a.y, a.m, a.d);
    long delta;
    switch (dir) {
    case -1: delta = -(((wd - w) + 7) % 7); if (!delta) delta = -7; break;
    case 1: delta = ((w - wd) + 7) % 7; if (!delta) delta = 7; break;
    case 2: delta = ((w - wd) + 7) % 7; break;
    case -2: delta = -(((wd - w) + 7) % 7); break;
    default: delta = w - wd; break;
    }
    return shift_days(a, delta);
}

static int do_wday(const struct lb_time_rules *r, tm_state *st, const tm_slots *s, int tense, int ana, char *buf, size_t n)
{
    tm_date a = ana ? anaphoric(st) : deictic(st);
    if (!ana && st->narrative && st->ref.gran == 'D') a = st->ref;
    int w = s->v[SL_W];
    if (a.gran != 'D') { snprintf(buf, n, "XXXX-WXX-%d", w); add_time(r, s, buf, n); return 0; }
    int dir;
    if (has(s, SL_R)) dir = s->v[SL_R] < 0 ? -1 : s->v[SL_R] > 0 ? 1 : 0;
    else if (st->narrative && a.y != st->dct.y) dir = 2;
    else dir = tense == TENSE_FUT ? 2 : -2;
    tm_date d = weekday_from(a, w, dir);
    fmt_day(buf, n, d);
    add_time(r, s, buf, n);
    set_ref(st, d);
    return 0;
}

static int do_abs(const struct lb_time_rules *r, tm_state *st, const tm_slots *s, int tense, uint32_t sent, char *buf, size_t n)
{
    tm_date d = { 0, 1, 1, 0 };
    tm_slots bc;
    if (get(s, SL_B, 0) == 1 && !has(s, SL_Y) && has(s, SL_N)) {   /* "490 v. Chr." */
        bc = *s; bc.has |= 1u << SL_Y; bc.v[SL_Y] = s->v[SL_N]; s = &bc;
    }
    int explicit_year = has(s, SL_Y);
    if (explicit_year) {
        d.y = s->v[SL_Y];
        if (get(s, SL_K, 0) == 2) {   /* two-digit year */
            tm_date base = anaphoric(st);
            int b = base.gran ? base.y : 2000;
            int yy = d.y % 100;
            d.y = b / 100 * 100 + yy;
            if (d.y > b + 10) d.y -= 100;
        }
        d.gran = 'Y';
    } else {
        int same_sent = st->ref_explicit && sent == st->ref_sent;
        int use_ref = st->ref.gran && (st->narrative || !st->dct.gran || same_sent);
        tm_date a = use_ref ? st->ref : deictic(st);
        if (!same_sent && st->sent_year) {   /* the sentence names its year later on */
            a = (tm_date){ st->sent_year, 1, 1, 'Y' };
            use_ref = 1;
        }
        if (!a.gran) {
            /* no anchor at all */
            if (has(s, SL_M) && has(s, SL_D)) snprintf(buf, n, "XXXX-%02d-%02d", s->v[SL_M], s->v[SL_D]);
            else if (has(s, SL_M)) snprintf(buf, n, "XXXX-%02d", s->v[SL_M]);
            else return -1;
            return 0;
        }
        d.y = a.y;
        d.gran = 'Y';
        if (!use_ref && a.gran == 'D' && has(s, SL_M)) {
            int cmp = s->v[SL_M] - a.m;
            if (!cmp && has(s, SL_D)) cmp = s->v[SL_D] - a.d;
            if (tense == TENSE_PAST && cmp > 0) d.y--;
            else if (tense == TENSE_FUT && cmp < 0) d.y++;
            else if (tense == TENSE_NONE && has(s, SL_D) && cmp > 0 && s->v[SL_M] - a.m > 6) d.y--;
        }
        if (!has(s, SL_M) && has(s, SL_D)) {
            if (a.gran == 'Y') return -1;
            d.m = a.m; d.d = s->v[SL_D]; d.gran = 'D';
            if (d.d > tm_mdays(d.y, d.m)) return -1;
            fmt_day(buf, n, d);
            add_time(r, s, buf, n);
            set_ref(st, d);
            return 0;
        }
    }
    if (get(s, SL_B, 0) == 1 && explicit_year) d.y = -d.y;
    if (has(s, SL_M)) {
        d.m = s->v[SL_M]; d.gran = 'M';
        if (has(s, SL_D)) {
            d.d = s->v[SL_D];
            if (d.d > tm_mdays(d.y, d.m)) return -1;
            d.gran = 'D';
        }
        fmt_day(buf, n, d);
        if (d.gran == 'D') add_time(r, s, buf, n);
    } else if (str(r, s, SL_S)) {
        snprintf(buf, n, YFMT "-%s", YARG(d.y), str(r, s, SL_S));
    } else {
        fmt_day(buf, n, d);
    }
    set_ref(st, d);
    if (explicit_year) { st->ref_explicit = 1; st->ref_sent = sent; }
    return 0;
}

static int do_rel(const struct lb_time_rules *r, tm_state *st, const tm_slots *s, int tense, int ana, char *buf, size_t n)
{
    if (has(s, SL_W)) return do_wday(r, st, s, tense, ana, buf, n);
    tm_date a = ana ? anaphoric(st) : deictic(st);
    if (!a.gran) return -1;
    int N = get(s, SL_N, 1), K = get(s, SL_K, 1), R = get(s, SL_R, 0);
    int U = get(s, SL_U, 0), half = get(s, SL_F, 0) == 1;   /* and a half (slot F) */
    long shift = (long)R * N * K;
    const char *season = str(r, s, SL_S);
    if (!U && season) {
        int si = season_index(season), cur = season_of_month(a.m);
        int y = a.y;
        if (a.m == 12 && si != 4) y++;        /* December belongs to the winter of its year */
        if (R > 0 && si <= cur) y++;
        if (R < 0 && si >= cur) y--;
        snprintf(buf, n, YFMT "-%s", YARG(y), season);
        return 0;
    }
    if (!U && has(s, SL_M)) {
        int m = s->v[SL_M], y = a.y;
        if (R > 0 && m <= a.m) y++;
        if (R < 0 && m >= a.m) y--;
        tm_date d = { y, m, 1, 'M' };
        fmt_day(buf, n, d);
        set_ref(st, d);
        return 0;
    }
    tm_date d = a;
    switch (U) {
    case 'Y': {
        int y = (int)(a.y + shift);
        if (half && K == 1 && a.gran != 'Y') {  /* vor zweieinhalb Jahren: the year half a year further */
            tm_date h = a;
            tm_add_months(&h, (int)(shift * 12 + R * 6));
            y = h.y;
        }
        if (K >= 100 && !has(s, SL_M)) { snprintf(buf, n, "%s%02d", y < 0 ? "BC" : "", (y < 0 ? -y : y) / 100); return 0; }
        if (K == 10 && !has(s, SL_M)) { snprintf(buf, n, "%s%03d", y < 0 ? "BC" : "", (y < 0 ? -y : y) / 10); return 0; }
        if (has(s, SL_M)) {
            d.y = y; d.m = s->v[SL_M]; d.gran = 'M';
            if (has(s, SL_D) && s->v[SL_D] <= tm_mdays(d.y, d.m)) { d.d = s->v[SL_D]; d.gran = 'D'; }
            fmt_day(buf, n, d);
            set_ref(st, d);
            return 0;
        }
        if (season) { snprintf(buf, n, YFMT "-%s", YARG(y), season); return 0; }
        d.y = y; d.gran = 'Y';
        fmt_day(buf, n, d);
        if (ana) set_ref(st, d);
        return 0;
    }
    case 'Q': {
        tm_date q = a;
        tm_add_months(&q, (int)(shift * 3));
        snprintf(buf, n, "%04d-Q%d", q.y, (q.m - 1) / 3 + 1);
        return 0;
    }
    case 'M':
        if (a.gran == 'Y') return -1;
        tm_add_months(&d, (int)shift);
        if (half && a.gran == 'D') d = shift_days(d, R * 15);     /* a month and a half: the half as 15 days */
        d.gran = 'M';
        fmt_day(buf, n, d);
        if (ana) set_ref(st, d);
        return 0;
    case 'W': {
        if (a.gran != 'D') return -1;
        d = shift_days(a, shift * 7);
        if (ana && shift) {   /* "eine Woche später": a day, like its anchor */
            fmt_day(buf, n, d);
            set_ref(st, d);
            return 0;
        }
        int wy, wk;
        tm_isoweek(d.y, d.m, d.d, &wy, &wk);
        snprintf(buf, n, "%04d-W%02d", wy, wk);
        return 0;
    }
    case 'D': case 'H': case 'I': case 'S':
        if (a.gran != 'D') {
            if (ana) return -1;
            snprintf(buf, n, "XXXX-XX-XX");
            return 0;
        }
        d = U == 'D' ? shift_days(a, shift) : a;
        fmt_day(buf, n, d);
        add_time(r, s, buf, n);
        set_ref(st, d);
        return 0;
    default:
        return -1;
    }
}

/* A length of v units U and a half (slot F: anderthalb Jahre, half an hour,
 * a minute and a half; v may be 0) as WikiWarsDE and TempEval-3 write it:
 * the half in the next smaller unit where it is whole (P1Y6M, PT1H30M,
 * PT1M30S, P2DT12H), else as a decimal (P1.5W, P2.5M); a multiple unit of
 * an even size gains its half (anderthalb Jahrzehnte: P15Y). */
static void half_dur(int U, long v, long k, char *buf, size_t n)
{
    static const char *const half[] = { "Y6M", "DT12H", "H30M", "M30S" };
    const char *units = "YDHI";
    if (k > 1 && k % 2 == 0) {
        snprintf(buf, n, "P%s%ld%c", U == 'H' || U == 'I' || U == 'S' ? "T" : "", v * k + k / 2, U == 'I' ? 'M' : U == 'Q' ? 'M' : U);
        return;
    }
    v *= k;
    const char *u = strchr(units, U);
    if (u) {
        const char *h = half[u - units];                        /* the unit, then the half */
        int time = U == 'H' || U == 'I';
        if (v) snprintf(buf, n, "P%s%ld%s", time ? "T" : "", v, h);
        else snprintf(buf, n, "P%s%s", time || U == 'D' ? "T" : "", h + (U == 'D' ? 2 : 1));
        return;
    }
    if (U == 'Q') snprintf(buf, n, "P%ld.5M", 3 * v + 1);      /* a quarter and a half: 4.5 months */
    else snprintf(buf, n, "P%s%ld.5%c", U == 'S' ? "T" : "", v, (char)U);
}

static int do_dur(const lb_doc *doc, const tm_slots *s, char *buf, size_t n)
{
    int U = get(s, SL_U, 0);
    if (!U) return -1;
    int time = U == 'H' || U == 'I' || U == 'S';
    char u = U == 'I' ? 'M' : (char)U;
    if (U == 'Q') u = 'M';
    if (get(s, SL_F, 0) == 1 && (has(s, SL_N) || has(s, SL_K))) {
        half_dur(U, get(s, SL_N, 1), get(s, SL_K, 1), buf, n);
        return 0;
    }
    if (has(s, SL_N) || has(s, SL_K)) {
        long v = (long)get(s, SL_N, 1) * get(s, SL_K, 1);
        if (U == 'H' && doc->lang[0] == 'd' && v >= 24 && v % 24 == 0) { snprintf(buf, n, "P%ldD", v / 24); return 0; }
        if (U == 'Q') v *= 3;
        snprintf(buf, n, "P%s%ld%c", time ? "T" : "", v, u);
    } else {
        snprintf(buf, n, "P%sX%c", time ? "T" : "", u);
    }
    return 0;
}

/* token i (of sentence sent; word ids wid, tm_find's) is a START word of
 * the document's language: seit, ab, since */
static int start_word(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, uint32_t i, uint32_t sent)
{
    if (LB_TOKS(doc)[i].sent != sent || wid[i] < 0) return 0;
    uint8_t lang = tm_doc_lang(doc);
    const tm_word *w = &TM_W(r)[wid[i]];
    for (uint32_t k = 0; k < w->ne; k++) {
        const tm_entry *e = &TM_ENT(r)[w->e0 + k];
        if (e->cls == r->cls_start && (lang == TM_LANG_ANY || e->lang == lang)) return 1;
    }
    return 0;
}

/* The date of match m is a period's start ("seit 1941", "ab dem 1. Mai",
 * "since 2010"): a time the narrative looks back to from later, not the
 * point it has reached, so it does not become the reference of the dates
 * after it. The word before the match, or before its article. */
static int period_start(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, const tm_match *m,
                        uint32_t sent)
{
    uint32_t i = m->tok0;
    if (i > 0 && doc->morph.len == doc->toks.len && LB_MORPH(doc)[i - 1].upos == LB_UPOS_DET) i--;
    return i > 0 && start_word(r, doc, wid, i - 1, sent);
}

/* do_abs, keeping the reference when the date is a period's start */
static int abs_date(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, tm_state *st,
                    const tm_match *m, int tense, uint32_t sent, char *buf, size_t n)
{
    tm_date ref = st->ref;
    int explicit = st->ref_explicit;
    uint32_t ref_sent = st->ref_sent;
    int rc = do_abs(r, st, &m->slots, tense, sent, buf, n);
    if (period_start(r, doc, wid, m, sent)) { st->ref = ref; st->ref_explicit = explicit; st->ref_sent = ref_sent; }
    return rc;
}

int tm_resolve(const struct lb_time_rules *r, const lb_doc *doc, const int32_t *wid, tm_state *st, const tm_match *m,
               int tense, char *buf, size_t n)
{
    const tm_rule *ru = &TM_R(r)[m->rule];
    const tm_slots *s = &m->slots;
    uint32_t sent = LB_TOKS(doc)[m->tok0].sent;
    buf[0] = 0;
    switch (ru->action) {
    case AC_ABS: return abs_date(r, doc, wid, st, m, tense, sent, buf, n);
    case AC_REL: return do_rel(r, st, s, tense, 0, buf, n);
    case AC_ANA: return do_rel(r, st, s, tense, 1, buf, n);
    case AC_WDAY: return do_wday(r, st, s, tense, 0, buf, n);
    case AC_DUR: return do_dur(doc, s, buf, n);
    case AC_LIT: {
        const char *l = str(r, s, SL_L);
        if (!l) return -1;
        snprintf(buf, n, "%s", l);
        return 0;
    }
    case AC_CENT: {
        int c = has(s, SL_D) ? s->v[SL_D] : get(s, SL_N, 0);
        if (c < 1 || c > 30) return -1;
        snprintf(buf, n, "%s%02d", get(s, SL_B, 0) == 1 ? "BC" : "", c - 1);
        return 0;
    }
    case AC_DECADE:
        if (!has(s, SL_Y)) return -1;
        snprintf(buf, n, "%03d", s->v[SL_Y] / 10);
        return 0;
    case AC_TIME: {
        if (has(s, SL_M) && has(s, SL_D)) return do_abs(r, st, s, tense, sent, buf, n);
        if (has(s, SL_W)) return do_wday(r, st, s, tense, 0, buf, n);
        tm_date a = st->narrative ? anaphoric(st) : deictic(st);
        if (a.gran == 'D') fmt_day(buf, n, a);
        else snprintf(buf, n, "XXXX-XX-XX");
        add_time(r, s, buf, n);
        return 0;
    }
    default: return -1;   /* AC_SKIP: a phrase that blocks the patterns */
    }
}
