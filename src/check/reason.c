/*
 * reason.c — what the verdict's reason says, read once from the result, and
 * the pieces both languages print alike: quoted evidence and site lists.
 */
#include "check/reason.h"
#include "stance/stance.h"
#include "text/text.h"

#include <math.h>
#include <string.h>
#include <strings.h>

static bool cue_is_denial(const mz_evidence *e)
{
    return e->cue && !strcmp(e->cue, "denial");
}

static const mz_check_voice *strongest(const mz_check_result *r, mz_stance st, double min_w)
{
    const mz_check_voice *best = NULL;
    for (size_t i = 0; i < r->n_voices; i++) {
        const mz_check_voice *v = &r->voices[i];
        if (v->weight >= min_w && v->stance == st && !v->overtaken && !v->plan_before_move &&
            (!best || v->probs[st] > best->probs[st]))
            best = v;
    }
    return best;
}

void mz_reason_read(const mz_check_result *r, double min_w, mz_reason_facts *f)
{
    memset(f, 0, sizeof *f);
    f->min_w = min_w;
    for (size_t i = 0; i < r->n_numbers && !f->conflict; i++)
        if (r->numbers[i].conflict)
            f->conflict = &r->numbers[i];
    for (size_t i = 0; i < r->n_numbers && !f->conflict && !f->unmatched; i++)
        if (r->numbers[i].claim_unmatched)
            f->unmatched = &r->numbers[i];
    for (size_t i = 0; i < r->n_voices; i++) {
        const mz_check_voice *v = &r->voices[i];
        if (v->weight < min_w)
            continue;
        if (v->overtaken) { /* denied, then confirmed: said apart (overtaken.c) */
            if (!f->n_overtaken++)
                f->overtaken = v;
            continue;
        }
        if (v->plan_before_move) /* the plan, reported before the move: reason_moved.c */
            continue;
        f->agree += v->stance == MZ_AGREE;
        f->disagree += v->stance == MZ_DISAGREE;
        f->discuss += v->stance == MZ_DISCUSS;
    }
    for (size_t i = 0; i < r->n_voices; i++) {
        const mz_check_voice *v = &r->voices[i];
        if (v->weight < min_w || !v->corrects_claim || v->stance != MZ_DISAGREE)
            continue;
        f->correcting++;
        if (!f->best_correcting || v->probs[MZ_DISAGREE] > f->best_correcting->probs[MZ_DISAGREE])
            f->best_correcting = v;
    }
    for (size_t i = 0; i < r->n_voices; i++) {
        const mz_check_voice *v = &r->voices[i];
        if (v->weight < min_w || !v->other_figure || v->stance != MZ_DISAGREE || v->overtaken)
            continue;
        f->other_figure++;
        if (!f->best_other_figure ||
            v->probs[MZ_DISAGREE] > f->best_other_figure->probs[MZ_DISAGREE])
            f->best_other_figure = v;
    }
    f->best_agree = strongest(r, MZ_AGREE, min_w);
    f->best_disagree = strongest(r, MZ_DISAGREE, min_w);
    f->best_discuss = strongest(r, MZ_DISCUSS, min_w);
    const mz_check_voice *d = f->best_disagree;
    const mz_check_member *m = d && d->n_members ? &r->members[d->members[0]] : NULL;
    f->disagree_has_denial = m && (m->has_denial || (m->n_evidence && cue_is_denial(&m->evidence[0])));
    if (f->disagree_has_denial)
        return; /* the denial is quoted as the disagreement */
    /* A denial the model did not count as disagreement is still shown. */
    for (size_t i = 0; i < r->n_voices && !f->denial; i++) {
        const mz_check_voice *v = &r->voices[i];
        if (v->overtaken && v->weight >= min_w)
            continue; /* its denial is quoted with the report that overtakes it */
        for (size_t j = 0; j < v->n_members && !f->denial; j++)
            if (r->members[v->members[j]].has_denial && !r->members[v->members[j]].superseded_by &&
                !r->members[v->members[j]].denial_other) /* of another matter: denial_topic.c */
                f->denial = &r->members[v->members[j]];
        if (!f->denial)
            continue;
        const mz_check_member *rep = &r->members[v->members[0]];
        int said = mz_published_day(f->denial->published);
        f->denial_remark = v->weight < min_w ? MZ_DENIAL_NOT_COUNTED
                           : f->denial->stance == MZ_UNRELATED ? MZ_DENIAL_UNRELATED
                           : rep != f->denial && v->stance == MZ_AGREE && said &&
                                   mz_published_day(rep->published) > said
                               ? MZ_DENIAL_SITE_LATER
                               : MZ_DENIAL_COUNTED;
        f->denial_later = f->denial_remark == MZ_DENIAL_SITE_LATER ? rep : NULL;
    }
}

/* Appends p[0, len) inside a «…» quote: its own guillemets nested as “…”
 * (quote_marks.c), each run of white space as one space and none at the
 * ends (a scrape's line breaks and padding inside a sentence). */
static int append_nested(mz_buf *b, const unsigned char *p, size_t len)
{
    size_t from = 0;
    const char *mark;
    while (len > 0 && mz_blank_byte(p[len - 1]))
        len--;
    while (from < len && mz_blank_byte(p[from]))
        from++;
    for (size_t i = from; i < len; i++) {
        size_t n =
            mz_blank_byte(p[i]) ? 1 : mz_inner_quote_mark((const char *)p + i, len - i, &mark);
        if (!n)
            continue;
        if (mz_buf_append(b, p + from, i - from))
            return -1;
        if (mz_blank_byte(p[i])) {
            while (i + 1 < len && mz_blank_byte(p[i + 1]))
                i++;
            if (mz_buf_puts(b, " "))
                return -1;
        } else {
            if (mz_buf_puts(b, mark))
                return -1;
            i += n - 1;
        }
        from = i + 1;
    }
    return mz_buf_append(b, p + from, len - from) ? -1 : 0;
}

/* Appends p[0, len) cut to max_chars (before a word the limit would split), then "…»" when cut, else "»" (a final
 * full stop left out: the reason puts its own after the quote). */
static int append_closing(mz_buf *b, const unsigned char *p, size_t len, size_t max_chars)
{
    size_t cut = mz_utf8_cut_words_folded((const char *)p, len, max_chars);
    bool whole = cut == len;
    while (whole && cut > 0 && mz_blank_byte(p[cut - 1]))
        cut--;
    if (whole && cut > 1 && p[cut - 1] == '.')
        cut--;
    return append_nested(b, p, cut) || mz_buf_puts(b, whole ? "»" : "…»") ? -1 : 0;
}

/* The cue words of e, one of m's evidence sentences or its denial. */
static void cue_words(const mz_check_member *m, const mz_evidence *e, size_t *cs, size_t *ce)
{
    *cs = *ce = 0;
    if (e == &m->denial) {
        *cs = m->denial_cue_start;
        *ce = m->denial_cue_end;
    }
    for (size_t i = 0; i < m->n_evidence; i++)
        if (e == &m->evidence[i]) {
            *cs = m->cue_start[i];
            *ce = m->cue_end[i];
        }
}

int mz_reason_quote(mz_buf *b, const mz_check_member *m, const mz_evidence *e)
{
    if (!m->body || e->end > m->body_len || e->start >= e->end)
        return 0;
    enum { QUOTE_CHARS = 160 };
    const unsigned char *p = (const unsigned char *)m->body;
    size_t cs, ce, head_end, from;
    cue_words(m, e, &cs, &ce);
    size_t start = e->start, end = e->end;
    mz_quote_unwrap(m->body, &start, &end);
    if (mz_buf_puts(b, ": «"))
        return -1;
    if (!mz_cue_window(m->body, start, end, cs, ce, QUOTE_CHARS, &head_end, &from))
        return append_closing(b, p + start, end - start, QUOTE_CHARS);
    /* a long sentence whose cue lies past the cut: its opening, then the cue */
    while (from < ce && p[from] == ' ')
        from++;
    size_t head = mz_utf8_cut_words_folded(m->body + start, head_end - start, QUOTE_CHARS / 3 + 20);
    if (append_nested(b, p + start, head) || (head_end < from && mz_buf_puts(b, " … ")))
        return -1;
    return append_closing(b, p + from, end - from, QUOTE_CHARS - QUOTE_CHARS / 3);
}

int mz_reason_quote_voice(mz_buf *b, const mz_check_result *r, const mz_check_voice *v)
{
    if (!v || v->n_members == 0)
        return 0;
    const mz_check_member *m = &r->members[v->members[0]];
    if (!m->body)
        return 0;
    if (v->stance == MZ_DISAGREE && m->has_denial && !(m->n_evidence && cue_is_denial(&m->evidence[0])))
        return mz_reason_quote(b, m, &m->denial);
    if (m->n_evidence == 0)
        return 0;
    const mz_check_member *fm;
    mz_evidence fe;
    if (mz_reason_claim_figure_quote(r, v, &fm, &fe)) /* its sentence of the claim's figure */
        return mz_reason_quote(b, fm, &fe);
    return mz_reason_quote(b, m, &m->evidence[0]);
}

const mz_check_member *mz_reason_denier(const mz_check_result *r, const mz_check_voice *v)
{
    for (size_t i = 0; v && i < v->n_members; i++) {
        const mz_check_member *m = &r->members[v->members[i]];
        if (m->has_denial && !m->superseded_by)
            return m;
    }
    return NULL;
}

int mz_reason_site(mz_buf *b, const mz_check_member *m, const char *article)
{
    return m->source ? mz_buf_puts(b, m->source)
                     : mz_buf_printf(b, "%s #%lld", article, (long long)m->article_id);
}

int mz_reason_day(mz_buf *b, const mz_check_member *m)
{
    int y, mo, d;
    if (!m->published || !mz_published_date(m->published, &y, &mo, &d))
        return 0;
    return mz_buf_printf(b, "%04d-%02d-%02d", y, mo, d);
}

bool mz_reason_later_other_figure(const mz_check_result *r, const mz_check_member *m)
{
    return m->voice >= 1 && (size_t)m->voice <= r->n_voices && r->voices[m->voice - 1].other_figure;
}

int mz_reason_quote_overtaking(mz_buf *b, const mz_check_result *r, const mz_check_voice *v)
{
    if (!v || !v->overtaken || v->overtaken_member >= r->n_members)
        return 0;
    mz_evidence e = {v->overtaken_start, v->overtaken_end, 0, NULL};
    return mz_reason_quote(b, &r->members[v->overtaken_member], &e);
}

/* Quotes the sentence of value numbers[q].values[k] (nothing when out of range). */
static int quote_value(mz_buf *b, const mz_check_result *r, size_t q, size_t k)
{
    if (q >= r->n_numbers || k >= r->numbers[q].n_values)
        return 0;
    const mz_check_value *x = &r->numbers[q].values[k];
    for (size_t i = 0; i < r->n_members; i++)
        if (r->members[i].article_id == x->article_id) {
            mz_evidence e = {x->start, x->end, 0, NULL};
            return mz_reason_quote(b, &r->members[i], &e);
        }
    return 0;
}

int mz_reason_quote_correction(mz_buf *b, const mz_check_result *r, const mz_check_voice *v)
{
    return v && v->corrects_claim ? quote_value(b, r, v->correction_q, v->correction_v) : 0;
}

int mz_reason_quote_other_figure(mz_buf *b, const mz_check_result *r, const mz_check_voice *v)
{
    return v && v->other_figure ? quote_value(b, r, v->other_q, v->other_v) : 0;
}

/* Which voices sites_of lists. */
typedef enum { ALL_VOICES, CORRECTING, OTHER_FIGURE } voice_filter;

/* Whether voice v's name, its first source, also names another voice that
 * takes part: a site's own report beside the wire story it re-published,
 * which counts with the story's origin (voices.c). */
static bool name_shared(const mz_check_result *r, const mz_check_voice *v, double min_w)
{
    if (v->n_sources < 2)
        return false;
    for (size_t i = 0; i < r->n_voices; i++) {
        const mz_check_voice *w = &r->voices[i];
        if (w != v && w->n_sources && w->weight >= min_w && !strcasecmp(w->sources[0], v->sources[0]))
            return true;
    }
    return false;
}

/* A voice's name: its first source, the site of the article quoted; where
 * that site names another voice too, with the voice's next source, so
 * "sada-alkora.example, sada-alkora.example" reads as the two voices they
 * are: "sada-alkora.example (with wakalat-riyada.example), sada-alkora.example".
 * The word is the language's: article is "article" in English. */
static int voice_name(mz_buf *b, const mz_check_result *r, const mz_check_voice *v, double min_w,
                      const char *article)
{
    if (!name_shared(r, v, min_w))
        return mz_buf_puts(b, v->sources[0]);
    return mz_buf_printf(b, "%s (%s %s)", v->sources[0], strcmp(article, "article") ? "مع" : "with",
                         v->sources[1]);
}

/* The sites of up to three taking-part voices of stance st (only those
 * that correct the claim's figure, or give another, when so filtered). */
static int sites_of(mz_buf *b, const mz_check_result *r, mz_stance st, voice_filter which,
                    double min_w, const char *sep, const char *article)
{
    size_t shown = 0, total = 0;
    for (size_t i = 0; i < r->n_voices; i++) {
        const mz_check_voice *v = &r->voices[i];
        if (v->stance != st || v->weight < min_w || v->overtaken || v->plan_before_move ||
            (which == CORRECTING && !v->corrects_claim) ||
            (which == OTHER_FIGURE && !v->other_figure))
            continue;
        total++;
        if (shown == 3)
            continue;
        int rc = v->n_sources ? mz_buf_puts(b, shown ? sep : "") |
                                    voice_name(b, r, v, min_w, article)
                 : v->n_members ? mz_buf_printf(b, "%s%s #%lld", shown ? sep : "", article,
                                                (long long)r->members[v->members[0]].article_id)
                                : 0;
        if (rc)
            return -1;
        shown++;
    }
    /* say that the list goes on rather than let "4 (a, b, c)" read as a miscount */
    if (total > shown && (mz_buf_puts(b, sep) || mz_buf_puts(b, "…")))
        return -1;
    return 0;
}

int mz_reason_sites(mz_buf *b, const mz_check_result *r, mz_stance st, double min_w,
                    const char *sep, const char *article)
{
    return sites_of(b, r, st, ALL_VOICES, min_w, sep, article);
}

int mz_reason_correcting_sites(mz_buf *b, const mz_check_result *r, double min_w, const char *sep,
                               const char *article)
{
    return sites_of(b, r, MZ_DISAGREE, CORRECTING, min_w, sep, article);
}

int mz_reason_other_figure_sites(mz_buf *b, const mz_check_result *r, double min_w,
                                 const char *sep, const char *article)
{
    return sites_of(b, r, MZ_DISAGREE, OTHER_FIGURE, min_w, sep, article);
}

/* A value as a reader writes it: 40, 1500000, 2.5. */
/* x as a reader writes it: a million or a billion with its word when it
 * is a round one («1.5 مليار», "2.3 million"; "1500000000" read as a
 * count of digits), else whole digits, else six significant ones. */
static int put_number(mz_buf *b, double x, bool arabic)
{
    static const struct {
        double scale;
        const char *en, *ar;
    } scales[] = {{1e9, "billion", "مليار"}, {1e6, "million", "مليون"}};
    for (size_t i = 0; i < sizeof scales / sizeof *scales; i++) {
        double m = x / scales[i].scale, milli = m * 1000;
        if (fabs(m) >= 1 && fabs(m) < 1000 && milli == floor(milli))
            return mz_buf_printf(b, "%g %s", m, arabic ? scales[i].ar : scales[i].en);
    }
    if (x == (double)(long long)x && fabs(x) < 1e15)
        return mz_buf_printf(b, "%lld", (long long)x);
    return mz_buf_printf(b, "%.6g", x);
}

/* A change's direction before its value: «ارتفع بنسبة 2.5%» is written
 * "ارتفاع 2.5%" / "up 2.5%", so that a rise and a fall of 2.5% do not read
 * as one figure; nothing for a value told otherwise. */
static const char *direction(signed char change, bool arabic)
{
    if (!change)
        return "";
    return change > 0 ? (arabic ? "ارتفاع " : "up ") : (arabic ? "انخفاض " : "down ");
}

int mz_reason_claim_value(mz_buf *b, const mz_check_quantity *q, const char *over,
                          const char *under, const char *dash, bool arabic)
{
    if (mz_buf_puts(b, direction(q->claim_change, arabic)))
        return -1;
    if (q->claim_vague) /* «قتل العشرات»: the claim's words, not the floor read into them */
        return mz_buf_puts(b, mz_vague_name(q->claim_number, arabic)) ? -1 : 0;
    if (q->kind == MZ_QTY_SCORE) /* a score as news writes it, the more goals first: 3-1 */
        return mz_buf_printf(b, "%lld-%lld", (long long)q->claim_number_max,
                             (long long)q->claim_number) ? -1 : 0;
    /* «أكثر من 300» is a floor, as the values' bounds are written */
    int rc = q->claim_bound ? mz_buf_printf(b, "%s ", q->claim_bound > 0 ? over : under) : 0;
    rc |= put_number(b, q->claim_number, arabic);
    if (q->claim_number_max != q->claim_number) {
        rc |= mz_buf_puts(b, dash);
        rc |= put_number(b, q->claim_number_max, arabic);
    }
    if (q->kind == MZ_QTY_PERCENT) /* "the claim: 61.2%", not a bare 61.2 */
        rc |= mz_buf_puts(b, "%");
    return rc ? -1 : 0;
}

/* The site of the article a value was read from, or "<article> #ID". */
static int value_site(mz_buf *b, const mz_check_result *r, const mz_check_value *v,
                      const char *article)
{
    for (size_t i = 0; i < r->n_members; i++)
        if (r->members[i].article_id == v->article_id && r->members[i].source)
            return mz_buf_puts(b, r->members[i].source);
    return mz_buf_printf(b, "%s #%lld", article, (long long)v->article_id);
}

const char *mz_quantity_name(const mz_check_quantity *q)
{
    return q->claim_noun && *q->claim_noun ? q->claim_noun : q->quantity ? q->quantity : "";
}

/* Whether v is among the values mz_reason_values lists. */
static bool listed(const mz_check_value *v, bool off_claim)
{
    return off_claim ? v->off_claim : v->conflicting;
}

/* Whether v and w are one value as the reason says it (40 and أربعين). */
static bool same_value(const mz_check_value *v, const mz_check_value *w)
{
    return w->number == v->number && w->number_max == v->number_max && w->bound == v->bound &&
           w->vague == v->vague && w->change == v->change;
}

/* The sites of every voice that gives value q->values[at] among the listed
 * ones, at most three and "…" after them: "14 (a.example, b.example, …)".
 * Only the first voice's site was named, so a figure four sources gave read
 * as one source's, the fact-check's that quoted it to correct it. */
static int value_sites(mz_buf *b, const mz_check_result *r, const mz_check_quantity *q,
                       size_t at, bool off_claim, const char *sep, const char *article)
{
    enum { SITES = 3 };
    const mz_check_value *v = &q->values[at];
    size_t shown = 0;
    int rc = 0;
    for (size_t i = at; i < q->n_values && !rc; i++) {
        const mz_check_value *w = &q->values[i];
        if (!listed(w, off_claim) || !same_value(v, w))
            continue;
        bool again = false; /* the voice is named already */
        for (size_t j = at; j < i && !again; j++)
            again = q->values[j].voice == w->voice && listed(&q->values[j], off_claim) &&
                    same_value(v, &q->values[j]);
        if (again)
            continue;
        if (shown == SITES) {
            rc |= mz_buf_puts(b, sep);
            rc |= mz_buf_puts(b, "…");
            break;
        }
        rc |= shown ? mz_buf_puts(b, sep) : 0;
        rc |= value_site(b, r, w, article);
        shown++;
    }
    return rc;
}

int mz_reason_values(mz_buf *b, const mz_check_result *r, const mz_check_quantity *q,
                     bool off_claim, const char *sep, const char *over, const char *under,
                     const char *article, bool arabic)
{
    enum { SHOWN = 4 };
    size_t shown = 0;
    int rc = 0;
    for (size_t i = 0; i < q->n_values && !rc; i++) {
        const mz_check_value *v = &q->values[i];
        if (!listed(v, off_claim))
            continue; /* a value of another event or day: not in the dispute */
        bool again = false; /* 40 and أربعين are one value */
        for (size_t j = 0; j < i && !again; j++) { /* among those shown */
            const mz_check_value *w = &q->values[j];
            again = listed(w, off_claim) && same_value(v, w);
        }
        if (again)
            continue;
        if (shown == SHOWN) {
            rc |= mz_buf_puts(b, sep);
            rc |= mz_buf_puts(b, "…");
            break;
        }
        if (v->vague) /* as the source said it: «العشرات», "dozens" */
            rc |= mz_buf_printf(b, "%s%s (", shown ? sep : "",
                                arabic && v->value ? v->value : mz_vague_name(v->number, arabic));
        else
            rc |= mz_buf_printf(b, "%s%s%s%s%s (", shown ? sep : "", direction(v->change, arabic),
                                v->bound > 0 ? over : v->bound < 0 ? under : "",
                                v->bound ? " " : "", v->value ? v->value : "");
        rc |= value_sites(b, r, q, i, off_claim, sep, article);
        rc |= mz_buf_puts(b, ")");
        shown++;
    }
    return rc ? -1 : 0;
}
