/*
 * collect_numbers.c — the quantities in the evidence of related articles,
 * grouped by what they count, with conflicts between independent voices.
 * Two values of one quantity conflict when they come from different voices
 * and their ranges do not overlap (10% tolerance). Dates are listed but never
 * flagged: articles date different moments of one story. Nor is a quantity
 * the claim does not count: news pages carry other incidents in the same
 * sentence or the sidebar ("مقتل 133 مدنيا" in a story about a raid that
 * killed 14), and on the baly2018 dev claims 16 of the 19 groups flagged
 * so were counts of another event. Such groups are still listed. Within a
 * group, values are set against each other only for one event (events.c):
 * "مقتل 100 شخص" does not conflict with "إجلاء 5000 شخص", and a value told
 * of an event the claim does not name (the claim counts the killed, the
 * value the evacuated) is not set against anything. Nor are values told of
 * different days (days.c: "يوم الجمعة" against "يوم الأحد"). Nor a value
 * told as a change against one told as a level (numbers_change.c: «ارتفع
 * بنسبة 2.5%» is no contradiction of «ارتفع إلى 18.5%»).
 */
#include "check/check.h"
#include "text/text.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PER_SENTENCE 16
#define MAX_VALUES 24
/* A value gives another figure than the claim's only in a sentence that
 * holds this share of the claim's content stems (as numbers_other_story.c's
 * OTHER_COVER reads a clause that covers little of the claim): the
 * journeys' such sentences hold 0.33-1.00, baly2018's three 0.14-0.24. */
#define OTHER_FIGURE_COVER 0.3

/* What a quantity is keyed by: its noun's key and, for an amount of money,
 * the key of what it is of (mz_number.of_key; "" when none is read): the
 * reserves and the injection of one currency are two quantities. */
typedef struct qkey {
    char *noun;
    char of[sizeof ((mz_number *)0)->of_key];
} qkey;

/* Index of the quantity with this kind and key, or n (not found). */
static size_t find_quantity(const mz_check_result *r, const qkey *keys, const mz_number *num)
{
    for (size_t i = 0; i < r->n_numbers; i++)
        if (r->numbers[i].kind == num->kind && !strcmp(keys[i].noun, num->noun_key) &&
            !strcmp(keys[i].of, num->of_key))
            return i;
    return r->n_numbers;
}

static mz_status add_value(mz_check_result *r, qkey **keys, size_t *cap, const mz_check_member *m,
                           const mz_evidence *e, const mz_number *num, const mz_claim_stems *cs)
{
    /* a bare weekday told as the event's day (numbers_weekday.c) is the
     * date the publication day makes it, or no value */
    mz_number on_weekday;
    char weekday[16] = "";
    if (num->kind == MZ_QTY_DATE && num->day[0] == 'w') {
        int d, mo;
        on_weekday = *num;
        mz_day_resolve(num->day, m->published, on_weekday.day, sizeof on_weekday.day);
        if (mz_day_parts(on_weekday.day, &d, &mo) != 'd')
            return MZ_OK;
        on_weekday.number = on_weekday.number_max = d;
        memcpy(weekday, num->day, sizeof weekday);
        num = &on_weekday;
    }
    size_t q = find_quantity(r, *keys, num);
    if (q == r->n_numbers) {
        if (r->n_numbers == *cap) {
            size_t nc = *cap ? *cap * 2 : 8;
            mz_check_quantity *nq = realloc(r->numbers, nc * sizeof *nq);
            if (!nq)
                return MZ_ERR_NOMEM;
            r->numbers = nq;
            qkey *nk = realloc(*keys, nc * sizeof *nk);
            if (!nk)
                return MZ_ERR_NOMEM;
            *keys = nk;
            *cap = nc;
        }
        mz_check_quantity *nq = &r->numbers[q];
        memset(nq, 0, sizeof *nq);
        nq->kind = num->kind;
        nq->quantity = mz_strdup(num->noun);
        nq->of = num->of_key[0] ? mz_strdup(num->of) : NULL;
        nq->tally = mz_num_is_tally_key(num->of_key);
        (*keys)[q].noun = mz_strdup(num->noun_key);
        memcpy((*keys)[q].of, num->of_key, sizeof (*keys)[q].of);
        r->n_numbers++;
        if (!nq->quantity || !(*keys)[q].noun || (num->of_key[0] && !nq->of))
            return MZ_ERR_NOMEM;
    }
    mz_check_quantity *qt = &r->numbers[q];
    if (qt->n_values >= MAX_VALUES)
        return MZ_OK;
    /* «نفت في 12 نوفمبر»: when it denied, not what */
    bool denied = num->kind != MZ_QTY_DATE &&
                  (mz_num_denied(m->body + e->start, e->end - e->start, num->start) ||
                   mz_num_dismissed(m->body + e->start, e->end - e->start, num->start, num->end));
    mz_check_value *v = NULL;
    for (size_t i = 0; i < qt->n_values && !v; i++) /* one figure of an article, once */
        if (qt->values[i].article_id == m->article_id && qt->values[i].number == num->number &&
            qt->values[i].number_max == num->number_max && qt->values[i].vague == num->vague) {
            if (!qt->values[i].denied || denied)
                return MZ_OK;
            /* a report that quotes a denial of its own figure («ونفت الوزارة
             * ضخ مليار ونصف») still gives it where it says it */
            v = &qt->values[i];
            free(v->value);
            free(v->text);
        }
    if (!v) {
        mz_check_value *nv = realloc(qt->values, (qt->n_values + 1) * sizeof *nv);
        if (!nv)
            return MZ_ERR_NOMEM;
        qt->values = nv;
        v = &qt->values[qt->n_values++];
    }
    memset(v, 0, sizeof *v);
    v->denied = denied;
    v->value = mz_strndup(m->body + e->start + num->start, num->end - num->start);
    v->text = mz_strndup(m->body + e->start, e->end - e->start);
    v->number = num->number;
    v->number_max = num->number_max;
    v->bound = num->bound;
    v->vague = num->vague;
    v->event = num->event;
    v->earlier = num->earlier;
    v->last_period = num->last_period;
    v->last_month = num->last_month;
    v->published_day = mz_published_day(m->published);
    v->change = num->change;
    v->level = num->level;
    v->fresh = num->fresh;
    v->points = num->points;
    v->per = num->per;
    v->market = num->market;
    v->basis = num->basis;
    v->move = num->move;
    v->hearsay = num->hearsay;
    v->other_story = num->other_story;
    v->part = num->part;
    v->out_of = num->out_of;
    v->demanded = num->demanded;
    v->forecast = num->forecast;
    v->attributed = num->attributed;
    v->revised = num->revised;
    /* a correction's figure (cs NULL) is given instead of the claim's */
    v->of_other = cs && !mz_num_clause_names_claim(cs, m->body + e->start, e->end - e->start, num->start,
                                             num->end, num->noun);
    /* «أمس» in an article of 16 October is 15/10, and meets another's «15 تشرين الأول» */
    v->moved = num->moved;
    v->on_day = num->on_day;
    if (num->kind == MZ_QTY_DATE && num->day[0] == 'd')
        memcpy(v->date_day, num->day, sizeof v->date_day);
    /* a date's own day is the value itself; kept where a postponement moves it */
    if (num->kind != MZ_QTY_DATE || num->moved)
        mz_day_resolve(num->day, m->published, v->day, sizeof v->day);
    if (v->day[0] && strcmp(v->day, num->day))
        memcpy(v->day_said, num->day, sizeof v->day_said);
    if (weekday[0]) { /* «الأحد»: the day said, and the date it is */
        memcpy(v->day, num->day, sizeof v->day);
        memcpy(v->day_said, weekday, sizeof v->day_said);
    }
    v->article_id = m->article_id;
    v->voice = m->voice;
    v->start = e->start;
    v->end = e->end;
    v->value_start = e->start + num->start;
    v->value_end = e->start + num->end;
    /* code points as evidence gives them (json_stance.c), counted on from
     * the sentence's start rather than from the top of the body each time */
    v->char_start = mz_utf8_cp_offset(m->body, e->start);
    v->value_char_start = v->char_start + mz_utf8_cp_offset(m->body + e->start, num->start);
    v->value_char_end =
        v->value_char_start + mz_utf8_cp_offset(m->body + v->value_start, num->end - num->start);
    v->char_end = v->value_char_end + mz_utf8_cp_offset(m->body + v->value_end, e->end - v->value_end);
    return v->value && v->text ? MZ_OK : MZ_ERR_NOMEM;
}

/* Whether key (a noun key) is the key of one of the claim's words: a claim
 * about الأسرى or القتلى counts أسيرا and قتيلا. *word is set to that word
 * as the claim writes it (malloc'd; left NULL when out of memory). An
 * adjective that describes the word before it counts nothing: «الدعم
 * العسكري» is no claim about soldiers (عسكري), «الحكومة السورية» none
 * about Syrians. */
static bool in_claim(const char *claim, const char *key, char **word)
{
    mz_word_iter it;
    mz_word w[2];
    char stem[128];
    size_t k = 0;
    mz_words_init(&it, claim, strlen(claim));
    for (; mz_words_next(&it, &w[k % 2]); k++) {
        const mz_word *cur = &w[k % 2], *prev = k ? &w[(k + 1) % 2] : NULL;
        if (mz_noun_is_definite_adjective(prev, cur))
            continue;
        mz_noun_key(cur->key, cur->key_len, stem, sizeof stem);
        if (stem[0] && !strcmp(stem, key)) {
            *word = mz_strndup(claim + cur->start, cur->end - cur->start);
            return true;
        }
    }
    return false;
}

/* A value's range as what it allows (mz_value_allows). */
static void allowed(const mz_check_value *v, double *lo, double *hi)
{
    mz_value_allows(v->bound, v->number, v->number_max, lo, hi);
}

/* Whether two values are changes the opposite way: a rise of 3% and a fall
 * of 3% are no one figure, though their numbers meet. */
static bool opposite(signed char a_change, signed char b_change)
{
    return a_change * b_change < 0;
}

/* Whether a value of q bears on a claim that names the events in
 * claim_events (a mask; 0: none named): it names no event, or one the claim
 * names, it is not told as the page's other story, nor does it count a part
 * of the noun («ثلاث شركات إماراتية» beside «وخمس شركات عالمية»), nor is it
 * a demand when the claim's figure is none («طالبت النيابة بسجنه 15 عاما»
 * beside the 7 years handed down), or the other way round, nor a forecast
 * when the claim's figure is none («يتوقع أن تصل إلى 50 درجة» beside the
 * 48 observed), or the other way round. The absent («وتغيب 3100 طالب عن
 * الامتحان») bear on a claim that names them only: a claim of no event
 * («تقدم 412 ألف طالب») counts those who sat, and the 3100 were listed as
 * a figure given for it. */
static bool bears_on_claim(const mz_check_quantity *q, const mz_check_value *v,
                           unsigned claim_events)
{
    if (v->other_story || v->part || v->demanded != q->claim_demanded ||
        v->forecast != q->claim_forecast)
        return false;
    if (!claim_events)
        return v->event != MZ_EVENT_ABSENT;
    return !v->event || (claim_events & (1u << v->event));
}

/* Whether a and b are told alike: a change and a level are not the same
 * figure («ارتفع بنسبة 2.5%», «ارتفع إلى 18.5%»); a value told as neither
 * is like both. */
static bool told_alike(signed char a_change, bool a_level, signed char b_change, bool b_level)
{
    return !((a_change && b_level) || (a_level && b_change));
}

/* Whether two rates are counted per one period: barrels a day and barrels
 * a month are two figures (numbers_rate.c); a value with no period said is
 * like both. */
static bool same_per(char a, char b)
{
    return !a || !b || a == b;
}

/* Whether two values are of one market, or either names none: the official
 * 48.6 and the parallel market's 55 of one day are two figures
 * (numbers_market.c), as two periods' are. */
static bool same_market(const mz_check_value *a, const mz_check_value *b)
{
    return !a->market || !b->market || a->market == b->market;
}

/* Whether a and b are moves of a measure (a price's «ارتفع سعر خام برنت
 * 4%») published on different days, no day named alike: each its day's
 * move, as a day's new cases are (mz_new_counts_apart). */
static bool moves_apart(const mz_check_value *a, const mz_check_value *b)
{
    return a->move && b->move && a->published_day && b->published_day &&
           a->published_day != b->published_day && !(a->day[0] && !strcmp(a->day, b->day));
}

/* Whether the claim's own value for q speaks to v: the claim gives one, told
 * as v is (a claim «ارتفع التضخم إلى 25%» is set against levels), per the
 * same period (a claim of 45 million barrels a day, against daily figures). */
static bool claim_speaks_to(const mz_check_quantity *q, const mz_check_value *v)
{
    return q->has_claim_value && told_alike(q->claim_change, q->claim_level, v->change, v->level) &&
           (!v->points || q->claim_change) && same_per(q->claim_per, v->per) &&
           (!q->claim_market || !v->market || q->claim_market == v->market);
}

/* Whether two values are told alike (told_alike), a change in points
 * («بارتفاع 7.2 نقطة») like a change only: a rate's «61.2%» told as neither
 * is its level, not the points it rose by. */
static bool values_alike(const mz_check_value *a, const mz_check_value *b)
{
    return told_alike(a->change, a->level, b->change, b->level) && (!a->points || b->change) &&
           (!b->points || a->change);
}

/* The rounding a percentage is written to: half a unit of its last digit
 * (41 → 0.5, 41.3 → 0.05, 2.375 → 0.0005). */
static double percent_rounding(double x)
{
    double scale = 1;
    for (int d = 0; d < 3 && fabs(x * scale - nearbyint(x * scale)) > 1e-6; d++)
        scale *= 10;
    return 0.5 / scale;
}

/* Whether two values of q conflict. Percentages given exactly are compared
 * in points, within the rounding of the coarser: a share written «41.3%»
 * is precise, and the 10% allowance on each side counts get
 * (mz_numbers_conflict: 400 and 420 agree) let it meet anything from 34%
 * to 50%, so a claim's 43.1% turnout was "given" by the source's 41.3%.
 * A bound or a range keeps the allowance. (The stance model's number cues
 * keep mz_numbers_conflict: they are features it was trained on.) */
static bool values_conflict(const mz_check_quantity *q, double alo, double ahi, double blo,
                            double bhi)
{
    if (q->kind == MZ_QTY_SCORE) /* a score is two numbers: 3-1 and 2-1 are two results */
        return alo != blo || ahi != bhi;
    /* a league's points or a scorer's goals so far: 52 and 56 points are
     * two tables, not one count told roughly */
    if (q->tally && alo == ahi && blo == bhi && isfinite(alo) && isfinite(blo))
        return alo != blo;
    if (q->kind == MZ_QTY_PERCENT && alo == ahi && blo == bhi && isfinite(alo) && isfinite(blo)) {
        double tol = fmax(percent_rounding(alo), percent_rounding(blo));
        return fabs(alo - blo) > tol + 1e-9;
    }
    return mz_numbers_conflict(alo, ahi, blo, bhi);
}

/* The rounding a count is written to: half its last non-zero place (58 →
 * 0.5, 60 → 5, 150 → 5, 2000 → 500); 0.5 for zero. */
static double count_rounding(double x)
{
    double place = 1;
    while (place < 1e15 && x >= place * 10 && fmod(x, place * 10) == 0)
        place *= 10;
    return place / 2;
}

/* Whether a source tells a count of q out of its whole («58 مقعدا من أصل
 * 150», mz_check_value.out_of): the count is made exactly, and so are the
 * same figures other sources give without the whole («بقي الحزب في الصدارة
 * بـ 58 مقعدا»). */
static bool counted_exactly(const mz_check_quantity *q)
{
    for (size_t i = 0; i < q->n_values; i++)
        if (q->values[i].out_of && !q->values[i].rejected)
            return true;
    return false;
}

/* Whether a single figure of a quantity counted exactly (counted_exactly)
 * meets a claim's single figure: within the rounding the claim writes it
 * to, not the rough counts' allowance (68 seats are not 58 of 150; «نحو
 * 60 مقعدا» are). Returns -1 where it does not apply (a bound, a range, a
 * change, a quantity no source counts out of its whole). */
static int fits_exact_count(const mz_check_quantity *q, const mz_check_value *v)
{
    if (v->bound || v->number != v->number_max || !counted_exactly(q) || q->kind != MZ_QTY_COUNT ||
        q->claim_bound || q->claim_change ||
        q->claim_number != q->claim_number_max || !isfinite(q->claim_number) ||
        q->claim_number < 0 || q->claim_number != nearbyint(q->claim_number))
        return -1;
    return fabs(v->number - q->claim_number) <= count_rounding(q->claim_number) + 1e-9;
}

/* Whether a value agrees with the claim's own value for its quantity ("ما
 * لا يقل عن 60 مدنيا" allows 60 and 133 alike). */
static bool fits_claim(const mz_check_quantity *q, const mz_check_value *v)
{
    mz_check_value c = {.number = q->claim_number, .number_max = q->claim_number_max,
                        .bound = q->claim_bound, .change = q->claim_change};
    double clo, chi, lo, hi;
    if (q->claim_corrected && v->number <= q->corrected_to_max && q->corrected_to <= v->number_max)
        return false; /* the figure a source gave for the claim's, correcting it */
    int exact = fits_exact_count(q, v);
    if (exact >= 0)
        return exact;
    /* a rate quoted in a named market is a quote, exact to its rounding, no
     * count told roughly: the official 48.6 is no account of a claim's 55 */
    if (q->claim_market && v->market && !q->claim_bound && !v->bound &&
        q->claim_number == q->claim_number_max && v->number == v->number_max)
        return fabs(v->number - q->claim_number) <=
               fmax(percent_rounding(v->number), percent_rounding(q->claim_number)) + 1e-9;
    allowed(&c, &clo, &chi);
    allowed(v, &lo, &hi);
    return !opposite(c.change, v->change) && !values_conflict(q, lo, hi, clo, chi);
}

/* Whether v is a value outside the claim's own from a voice that gives the
 * claim's number itself (a newer figure that bears on the claim): that voice
 * has the claim's number, and its other figure of the noun counts
 * something else — «اعترض الدفاع الجوي ثلاثة صواريخ» beside «وقبل يومين
 * أطلقت الطائرات ستة صواريخ», a list of 500 patients and the 29 evacuated,
 * an air show's other orders beside the claim's five aircraft. A figure
 * the voice itself rejects (mark_rejected) is not one it gives, nor one
 * whose clause tells it of another thing (of_other: the majority needed,
 * «وهي 76 مقعدا», beside a party's 54 seats for a claim of over 80). */
static bool beside_claim_value(const mz_check_quantity *q, const mz_check_value *v,
                               unsigned claim_events)
{
    if (!claim_speaks_to(q, v) || fits_claim(q, v))
        return false;
    for (size_t i = 0; i < q->n_values; i++) {
        /* its number as such: «عشرات» (20 and up) or «أكثر من 10» allows
         * the claim's 51 but does not give it */
        mz_check_value w = q->values[i];
        w.bound = 0;
        if (w.voice == v->voice && !w.earlier && !w.rejected && !w.of_other &&
            bears_on_claim(q, &w, claim_events) && claim_speaks_to(q, &w) && fits_claim(q, &w))
            return true;
    }
    return false;
}

/* A figure a voice rejects: a sentence of one of its articles says «وليس
 * 14» (numbers_correction.c), in its evidence or anywhere in its text. */
typedef struct rejection {
    int voice;
    double lo, hi;
    char key[sizeof ((mz_number *)0)->noun_key]; /* the rejected number's noun key, or "" */
    /* «X، والصحيح Y» (mz_num_correction.answered): Y as [alo, ahi]; the
     * kind and event of X */
    bool answered;
    double alo, ahi;
    mz_qty_kind kind;
    mz_event event;
} rejection;

/* Whether v is the very figure the correction rj names as wrong, though
 * under another noun: a site's note «تصحيح: ورد … أن عدد المتقدمين 421
 * ألفا، والصحيح 412 ألفا» corrects its own «تقدم 421 ألف طالب» — the tally's
 * noun (المتقدمين) is not the counted noun (طالب), and the 421 thousand
 * stood as the voice's own figure. Only the «X، والصحيح Y» form, which
 * names both figures, the same figure as written, kind and event («عدد
 * الجرحى 30، والصحيح 20» leaves the voice's 30 killed alone). */
static bool same_figure_corrected(const mz_check_quantity *q, const mz_check_value *v,
                                  const rejection *rj)
{
    return rj->answered && q->kind == rj->kind && v->event == rj->event &&
           v->number == rj->lo && v->number_max == rj->hi;
}

/* Marks the values of q their own voice rejects: a fact-check quotes the
 * figure it corrects («تداولت مواقع خبرا يفيد بأن المديرية أغلقت 14 مدرسة»)
 * and then gives its own («6 مدارس فقط، وليس 14», «العدد 18 وليس 30»). The
 * quoted 14 is not the voice's figure: it does not make the voice one that
 * gives the claim's number (beside_claim_value, which set the 6 against
 * nothing), is set against nothing and does not count as a source giving
 * it. The rejected figure is met exactly, not within the 10% two sources'
 * figures are allowed (mz_numbers_conflict): in «16.2% وليس 18.5%» the
 * 16.2 is the voice's answer, and it was marked rejected. */
/* Whether the rejected range [lo, hi] is v's figure: overlapping it, or,
 * for a score, exactly it («3-1 وليس 2-1» rejects the 2-1, not the 3-1
 * whose numbers span 1 to 3). */
static bool rejects_value(mz_qty_kind kind, double lo, double hi, const mz_check_value *v)
{
    if (kind == MZ_QTY_SCORE)
        return v->number == lo && v->number_max == hi;
    return v->number <= hi && lo <= v->number_max;
}

static void mark_rejected(mz_check_quantity *q, const char *key, const rejection *rj, size_t n_rj)
{
    q->claim_corrected = false;
    for (size_t i = 0; i < q->n_values; i++) {
        mz_check_value *v = &q->values[i];
        v->corrected = false;
        for (size_t k = 0; k < n_rj && !v->corrected; k++) {
            v->corrected = rj[k].voice == v->voice && /* «وليس 30 صحفيا»: of that noun only */
                           (!rj[k].key[0] || (key && !strcmp(rj[k].key, key)) ||
                            same_figure_corrected(q, v, &rj[k])) &&
                           rejects_value(q->kind, rj[k].lo, rj[k].hi, v);
            /* the claim's very figure corrected to another, or the figure
             * another was corrected to: the other is not the claim's,
             * however close (fits_claim) */
            if (v->corrected && rj[k].answered && q->has_claim_value) {
                bool wrong = q->claim_number == rj[k].lo && q->claim_number_max == rj[k].hi;
                bool right = q->claim_number == rj[k].alo && q->claim_number_max == rj[k].ahi;
                if (wrong || right) {
                    q->claim_corrected = true;
                    q->corrected_to = wrong ? rj[k].alo : rj[k].lo;
                    q->corrected_to_max = wrong ? rj[k].ahi : rj[k].hi;
                }
            }
        }
        v->rejected = v->denied || v->corrected; /* «نفت الوزارة ضخ مليار ونصف دولار» */
    }
}

/* Whether w is a value its voice gives as the claim's own figure: not
 * rejected, not earlier, of the claim's event, its number as such within
 * the claim's (as beside_claim_value reads "gives"). */
static bool gives_claim_value(const mz_check_quantity *q, const mz_check_value *w,
                              unsigned claim_events)
{
    mz_check_value x = *w;
    x.bound = 0;
    return !x.earlier && !x.rejected && !x.of_other && bears_on_claim(q, &x, claim_events) &&
           claim_speaks_to(q, &x) && fits_claim(q, &x);
}

/* Whether w is the answer the correction of v gives in its own sentence:
 * «… 45 ألف، والصحيح أن عدد المتفرجين بلغ 42 ألف». Within two sources'
 * tolerance of the claim's 45 thousand, the 42 read as the voice giving the
 * claim's figure itself, and the correction counted for nothing; the
 * source set the two apart. */
static bool answers(const mz_check_value *w, const mz_check_value *v)
{
    return w != v && w->article_id == v->article_id && w->start == v->start && w->end == v->end;
}

/* Marks the values of q whose voice corrects the claim: a correction of
 * its own («والصحيح 44» after 53, «العدد 18 وليس 30») rejects a figure the
 * claim's value allows, of a quantity the claim counts and gives a value
 * (on_claim), told of the claim's event (or none) and not of another day
 * than the claim names. A denial's figure is not one (mz_num_denied reads
 * a figure within 12 words of «نفى», which may deny another part of the
 * sentence; a denial of the claim is the stance model's to weigh). Nor is
 * a voice that also gives the claim's figure itself unrejected: its word
 * is mixed, and it stays what the stance model read. */
static void mark_corrects_claim(mz_check_quantity *q, unsigned claim_events, const char *claim_day)
{
    for (size_t i = 0; i < q->n_values; i++) {
        mz_check_value *v = &q->values[i];
        v->corrects_claim = q->on_claim && q->has_claim_value && q->kind != MZ_QTY_DATE &&
                            v->corrected && bears_on_claim(q, v, claim_events) &&
                            claim_speaks_to(q, v) && fits_claim(q, v) &&
                            !mz_other_days(v->day, claim_day);
        for (size_t j = 0; v->corrects_claim && j < q->n_values; j++)
            if (q->values[j].voice == v->voice && !answers(&q->values[j], v) &&
                gives_claim_value(q, &q->values[j], claim_events))
                v->corrects_claim = false;
    }
}

/* The claim's figure is earlier because a newer one replaced it, not last
 * year's (claim_earlier, not claim_last_period), and v is a revision's own
 * figure («عدّلت المفوضية نسبة المشاركة إلى 43.1%», v->revised) off the
 * claim's: the voice that tells the revision tells the claim is out of
 * date, as a postponement tells the claim's day is (weigh_moved_day).
 * Only the revision's figure: a voice of the preliminary 41.3% alone
 * gives nothing else, and a toll that rose from one report to the next
 * (claim_earlier by mz_mark_earlier_reports) revises nothing. */
static bool revision_figure(const mz_check_quantity *q, const mz_check_value *v)
{
    return q->claim_earlier && !q->claim_last_period && v->revised;
}

/* Marks the values of q that give another figure than the claim's
 * (mz_check_value.other_figure): the claim gives q a value, no source gives
 * one it allows, not even as an earlier figure (claim_unmatched, not
 * claim_earlier) — but last year's is no earlier figure of this year's
 * (claim_last_period: «61.2% العام الماضي» for a claim of this year's
 * 61.2% pass rate), and a revision's own figure tells the claim's is out
 * of date (revision_figure) — and the value is one flag_off_claim set off the claim's
 * (of the claim's event or none, not rejected, not earlier, not a part,
 * not the page's other story, not demanded or forecast unless the claim's
 * is, told as the claim's is). Narrower than off_claim, for the verdict
 * reads it (weigh_other_figure): the value's event is the claim's own —
 * a value with no event word where the claim names one («من أصل 14 متهما»
 * beside «برأت 3 متهمين», for a claim of 5 acquitted) counts the whole,
 * and one with an event where the claim names none («برأت 3 متهمين» for a
 * claim that 20 stood trial) another act; it is no floor («العشرات»), no
 * figure its clause tells of another thing (of_other), not told of
 * another day than the claim names, not a day's new count (fresh) unless
 * the claim names that day (the Tuesday's 120 new cases say nothing of a
 * claim's 200 of no day), and its sentence holds OTHER_FIGURE_COVER of the
 * claim's content stems. */
static void mark_other_figures(mz_check_quantity *q, unsigned claim_events, const char *claim_day,
                               const mz_claim_stems *cs)
{
    bool open = q->on_claim && q->has_claim_value && q->kind != MZ_QTY_DATE && q->claim_unmatched;
    for (size_t i = 0; i < q->n_values; i++) {
        mz_check_value *v = &q->values[i];
        bool event = claim_events ? v->event && (claim_events & (1u << v->event)) : !v->event;
        bool unmet = !q->claim_earlier || q->claim_last_period || revision_figure(q, v);
        v->other_figure = open && unmet && v->off_claim && event && !v->vague && !v->of_other &&
                          !mz_other_days(v->day, claim_day) &&
                          (!v->fresh || (claim_day[0] && !strcmp(v->day, claim_day)));
        /* the sentence tells the claim's event: «مصير 9 جنود لبنانيين أسرهم» in
         * a page on two Russian soldiers captured holds 2 of its 9 words */
        if (v->other_figure)
            v->other_figure = v->text && mz_covers_claim(cs, v->text, strlen(v->text)) >= OTHER_FIGURE_COVER;
    }
}

/* Whether v stands in the sentence of its correction: the answer beside it
 * is a value of q (answers). */
static bool in_correction(const mz_check_quantity *q, const mz_check_value *v)
{
    for (size_t k = 0; k < q->n_values; k++)
        if (answers(&q->values[k], v))
            return true;
    return false;
}

/* Each voice with a value that corrects the claim (mark_corrects_claim):
 * the first such value, in the order the quantities are listed; and each
 * with a value that gives another figure than the claim's
 * (mark_other_figures), the first such too, one not attributed to a
 * newspaper before one that is. */
static void mark_correcting_voices(mz_check_result *r)
{
    for (size_t i = 0; i < r->n_voices; i++)
        r->voices[i].corrects_claim = r->voices[i].gives_other_figure =
            r->voices[i].gives_moved_day = r->voices[i].gives_other_day = false;
    for (size_t i = 0; i < r->n_numbers; i++)
        for (size_t j = 0; j < r->numbers[i].n_values; j++) {
            const mz_check_value *v = &r->numbers[i].values[j];
            if (v->voice < 1 || (size_t)v->voice > r->n_voices)
                continue;
            mz_check_voice *vo = &r->voices[v->voice - 1];
            /* the correction's own sentence before the figure it rejects:
             * «تصحيح: … 421 ألفا، والصحيح 412 ألفا» says what «تقدم 421 ألف
             * طالب» does not */
            if (v->corrects_claim && vo->corrects_claim && vo->correction_q == i &&
                !in_correction(&r->numbers[i], &r->numbers[i].values[vo->correction_v]) &&
                in_correction(&r->numbers[i], v))
                vo->correction_v = j;
            if (v->corrects_claim && !vo->corrects_claim) {
                vo->corrects_claim = true;
                vo->correction_q = i;
                vo->correction_v = j;
            }
            if (v->other_day && !vo->gives_other_day) {
                vo->gives_other_day = true;
                vo->oday_q = i;
                vo->oday_v = j;
            }
            if (v->moves_claim && !vo->gives_moved_day) {
                vo->gives_moved_day = true;
                vo->moved_q = i;
                vo->moved_v = j;
            }
            /* the figure quoted: the first the voice tells on its own word,
             * not a newspaper's («بحسب صحيفة …: 40 مليون» beside the deal's 35) */
            bool better = vo->gives_other_figure && !v->attributed &&
                          r->numbers[vo->other_q].values[vo->other_v].attributed;
            if (v->other_figure && (!vo->gives_other_figure || better)) {
                vo->gives_other_figure = true;
                vo->other_q = i;
                vo->other_v = j;
            }
        }
}

/* Whether v is told otherwise than the claim tells its own value: a level
 * or a rate of another period beside a claim of a change («إذ ينخفض إنتاجها
 * إلى 9.7 مليون برميل» beside a claim of a cut of 1.5 million), a change
 * beside a claim of a level. It is another figure of the noun, not an
 * account of the claim's: a conflict of it with any value is no doubt on
 * the claim, and the reason named it under the claim's figure. */
static bool told_otherwise(const mz_check_quantity *q, const mz_check_value *v)
{
    return q->has_claim_value &&
           (q->claim_change || q->claim_level || q->claim_per || q->claim_market) &&
           !claim_speaks_to(q, v);
}

/* Whether voice vo gives a value of q that meets b (of b's event, told as
 * b is, not earlier, not rejected, not set aside, nor one its clause tells
 * of another thing, of_other: «وهي 76 مقعدا», the majority needed): then vo and b's voice
 * agree on b's figure, and vo's other figures of the noun count something
 * else — «حصل حزب النهضة على 58 مقعدا … متقدما على حزب العدالة الذي حصل على
 * 41 مقعدا» against another voice's «بقي حزب النهضة في الصدارة بـ 58 مقعدا»:
 * the 41 seats are the other party's, no second account of the 58. */
static bool voice_gives(const mz_check_quantity *q, const bool *aside, int vo,
                        const mz_check_value *b)
{
    double blo, bhi;
    allowed(b, &blo, &bhi);
    for (size_t k = 0; k < q->n_values; k++) {
        const mz_check_value *c = &q->values[k];
        if (c->voice != vo || aside[k] || c == b || c->event != b->event || c->earlier || c->of_other ||
            !values_alike(c, b) || !same_per(c->per, b->per) || !same_market(c, b) ||
            opposite(c->change, b->change))
            continue;
        double clo, chi;
        allowed(c, &clo, &chi);
        if (!values_conflict(q, clo, chi, blo, bhi))
            return true;
    }
    return false;
}

/* Values of one quantity that do not overlap, from two voices, told of one
 * event and day; when the claim gives the quantity a value, two values it
 * allows both do not set the claim in doubt, and are not flagged: a claim
 * of "at least 60 killed" has a raid's 60 and a week's 133 on its side. Nor
 * is a value beside the claim's own in its voice (beside_claim_value). */
static void flag_conflicts(mz_check_quantity *q, unsigned claim_events)
{
    if (q->kind == MZ_QTY_DATE)
        return;
    /* what a value is on its own, judged once and not for each pair */
    bool aside[MAX_VALUES];
    for (size_t i = 0; i < q->n_values; i++)
        aside[i] = q->values[i].rejected || !bears_on_claim(q, &q->values[i], claim_events) ||
                   beside_claim_value(q, &q->values[i], claim_events) ||
                   told_otherwise(q, &q->values[i]);
    for (size_t i = 0; i < q->n_values; i++)
        for (size_t j = i + 1; j < q->n_values; j++) {
            mz_check_value *a = &q->values[i], *b = &q->values[j];
            /* a running total's earlier figures are its earlier tables, 52
             * points one week and 53 the next: no two accounts */
            if (aside[i] || aside[j] || a->event != b->event || a->earlier != b->earlier ||
                (q->tally && a->earlier) ||
                !values_alike(a, b) || !same_per(a->per, b->per) || !same_market(a, b) ||
                mz_other_days(a->day, b->day) || mz_toll_rose(a, b) || mz_new_counts_apart(a, b) ||
                mz_added_beside_plain(a, b) || /* «يومين إضافيين» beside «3 أيام» */
                moves_apart(a, b) ||
                (claim_speaks_to(q, a) && claim_speaks_to(q, b) && fits_claim(q, a) &&
                 fits_claim(q, b)))
                continue;
            double alo, ahi, blo, bhi;
            allowed(a, &alo, &ahi);
            allowed(b, &blo, &bhi);
            if (a->voice != b->voice &&
                (opposite(a->change, b->change) || values_conflict(q, alo, ahi, blo, bhi)) &&
                !voice_gives(q, aside, a->voice, b) && !voice_gives(q, aside, b->voice, a))
                q->conflict = a->conflicting = b->conflicting = true;
        }
}

/* The claim's figure a source gives only as another period's («ارتفع
 * التضخم السنوي إلى 26.4%» beside a claim of a monthly 26.4%;
 * numbers_period.c, numbers_rate.c): claim_speaks_to leaves it out, so no
 * value of the claim's period allowed the claim and it read as told by
 * none. Called where none does: the claim is unmatched and such values are
 * off it (claim_other_period), as a value outside it would be. */
static void mark_other_period(mz_check_quantity *q, unsigned claim_events)
{
    if (!q->claim_per)
        return;
    for (size_t i = 0; i < q->n_values; i++) {
        mz_check_value *v = &q->values[i];
        if (!v->per || v->per == q->claim_per || v->earlier || v->hearsay || v->rejected ||
            !bears_on_claim(q, v, claim_events) ||
            !told_alike(q->claim_change, q->claim_level, v->change, v->level) || !fits_claim(q, v))
            continue;
        v->off_claim = true;
        q->claim_unmatched = q->claim_other_period = true;
    }
}

/* Values outside the claim's own value, and whether any source gives one
 * the claim allows: a conflict needs two voices, and a claim of 5 killed
 * against one source's 40 set nothing in doubt. Dates are left out (the
 * claim's «الجمعة» and a source's 15/3 are not one kind of value), and so
 * are values of an event the claim does not name. Whether a source gives a
 * value the claim allows is returned. */
static bool flag_off_claim(mz_check_quantity *q, unsigned claim_events)
{
    if (q->kind == MZ_QTY_DATE || !q->has_claim_value)
        return false;
    size_t bearing = 0, off = 0;
    bool was = false; /* an earlier figure that is the claim's */
    bool revised = false; /* ...and one a newer figure revised, not last year's */
    bool year = false; /* ...and one of last year's, not the previous month's */
    /* a rumour's figure («بحسب مصادر مطلعة») is weighed only when no source
     * tells one on its own word: the decision's 1.5 million, not the
     * rumoured 2, is what the claim is met by */
    bool own_word = false;
    for (size_t i = 0; i < q->n_values && !own_word; i++) {
        const mz_check_value *v = &q->values[i];
        own_word = !v->hearsay && !v->earlier && !v->rejected && bears_on_claim(q, v, claim_events) &&
                   claim_speaks_to(q, v);
    }
    for (size_t i = 0; i < q->n_values; i++) {
        mz_check_value *v = &q->values[i];
        if (!bears_on_claim(q, v, claim_events) || v->rejected || !claim_speaks_to(q, v) ||
            (own_word && v->hearsay))
            continue; /* a change says nothing of the claim's level, nor a level of its change */
        if (v->earlier) {
            bool fits = fits_claim(q, v);
            was = was || fits;
            revised = revised || (fits && !v->last_period);
            year = year || (fits && !v->last_month);
            continue;
        }
        bearing++;
        v->off_claim = !fits_claim(q, v);
        off += v->off_claim;
    }
    q->claim_unmatched = bearing > 0 && off == bearing;
    q->claim_earlier = q->claim_unmatched && was;
    q->claim_last_period = q->claim_earlier && !revised;
    q->claim_last_month = q->claim_last_period && !year;
    if (off == bearing && !q->claim_earlier)
        mark_other_period(q, claim_events);
    return off < bearing;
}

/* An amount split from its currency's by what it is of (numbers_of.c) is
 * not the claim's unmatched when a quantity of the same noun the claim's
 * value is set against has a value the claim allows: the split tells the
 * reserves from the injection, and does not make a claim whose figure a
 * source gives, read of another noun or none, one no source gives
 * («الجانب الكوري سيوفر التمويل الكامل للمشروع الذي تبلغ قيمته 720 مليون
 * يورو» beside the claim's 15 million). */
static void unmatched_across_of(mz_check_result *r, const qkey *keys, const bool *allowed_by)
{
    for (size_t i = 0; i < r->n_numbers; i++) {
        mz_check_quantity *q = &r->numbers[i];
        for (size_t j = 0; q->claim_unmatched && j < r->n_numbers; j++)
            if (allowed_by[j] && r->numbers[j].kind == q->kind &&
                !strcmp(keys[j].noun, keys[i].noun) && strcmp(keys[j].of, keys[i].of) &&
                r->numbers[j].claim_number == q->claim_number &&
                r->numbers[j].claim_number_max == q->claim_number_max)
                q->claim_unmatched = q->claim_earlier = q->claim_last_period = false;
        for (size_t k = 0; !q->claim_unmatched && k < q->n_values; k++)
            q->values[k].other_figure = false; /* a source gives the claim's figure */
    }
}

/* A bare figure a correction rejects, «أن عدد الوفيات … 53، والصحيح 44 حالة
 * وفاة»: it names no noun, so it was no value at all, and a claim of 53 found
 * nothing its source rejects. It is a figure of what the answer beside it
 * counts (given: the answer, read as the claim's quantity); added as such,
 * mark_rejected then marks it (its rejection's key is ""). */
static mz_status add_bare_rejected(mz_check_result *r, qkey **keys, size_t *cap,
                                   const mz_check_member *m, const mz_evidence *sentence,
                                   const mz_number *bare, const mz_number *given)
{
    mz_number wrong = *bare;
    memcpy(wrong.noun, given->noun, sizeof wrong.noun);
    memcpy(wrong.noun_key, given->noun_key, sizeof wrong.noun_key);
    memcpy(wrong.of, given->of, sizeof wrong.of);
    memcpy(wrong.of_key, given->of_key, sizeof wrong.of_key);
    if (!wrong.event)
        wrong.event = given->event;
    return add_value(r, keys, cap, m, sentence, &wrong, NULL);
}

/* The corrections in m's body: each rejected figure is kept for its voice
 * (mark_rejected), and a figure given instead of one the claim gives («العدد
 * 18 وليس 30» against a claim of 30) is a value of the claim's quantity, its
 * noun the claim's when the sentence names none: the fact-check's answer,
 * which its evidence may not quote, is the receipt a reader wants. */
static mz_status add_corrections(mz_check_result *r, qkey **keys, size_t *cap,
                                 const mz_check_member *m, const mz_number *claim_nums,
                                 size_t n_claim, rejection **rj, size_t *n_rj, size_t *rj_cap)
{
    mz_body_correction *bc;
    size_t n;
    if (mz_body_corrections(m->body, m->body_len, &bc, &n) != MZ_OK)
        return MZ_ERR_NOMEM;
    mz_status rc = MZ_OK;
    for (size_t i = 0; rc == MZ_OK && i < n; i++) {
        const mz_num_correction *c = &bc[i].c;
        if (mz_array_grow(rj, rj_cap, *n_rj, sizeof **rj, 8) != 0) {
            rc = MZ_ERR_NOMEM;
            break;
        }
        rejection *x = &(*rj)[(*n_rj)++];
        *x = (rejection){m->voice, c->lo, c->hi, "", c->answered, c->instead.number,
                         c->instead.number_max, c->rejected.kind, c->rejected.event};
        memcpy(x->key, c->key, sizeof x->key);
        for (size_t k = 0; c->has_instead && k < n_claim; k++) {
            const mz_number *cn = &claim_nums[k];
            if (cn->kind == MZ_QTY_DATE || !cn->noun_key[0] || cn->kind != c->instead.kind ||
                mz_numbers_conflict(cn->number, cn->number_max, c->lo, c->hi))
                continue;
            mz_number given = c->instead;
            /* the claim's very figure, named and answered under another noun
             * («عدد المتقدمين 421 ألفا، والصحيح 412 ألفا» for «تقدم 421 ألف
             * طالب»): the note corrects the claim's count (same_figure_corrected) */
            bool named = c->answered && cn->number == c->lo && cn->number_max == c->hi &&
                         cn->event == c->rejected.event;
            if (given.noun_key[0] && strcmp(given.noun_key, cn->noun_key) && !named)
                break; /* it counts something else */
            memcpy(given.noun, cn->noun, sizeof given.noun);
            memcpy(given.noun_key, cn->noun_key, sizeof given.noun_key);
            if (!given.of_key[0]) { /* what the claim's amount is of */
                memcpy(given.of, cn->of, sizeof given.of);
                memcpy(given.of_key, cn->of_key, sizeof given.of_key);
            }
            if (!given.event) /* it corrects the claim's figure: of the claim's event */
                given.event = cn->event;
            mz_evidence sentence = {bc[i].start, bc[i].end, 0, NULL};
            rc = add_value(r, keys, cap, m, &sentence, &given, NULL);
            if (rc == MZ_OK && (!c->key[0] || strcmp(c->key, cn->noun_key)))
                rc = add_bare_rejected(r, keys, cap, m, &sentence, &c->rejected, &given);
            break;
        }
    }
    free(bc);
    return rc;
}

/* Whether the claim's value c is one of the quantity keyed k: its noun, and
 * what it is of when both read one (a bare amount of the claim's is set
 * against every amount of its currency, as a bare source's amount against
 * the claim's). */
static bool claim_value_of(const mz_number *c, mz_qty_kind kind, const qkey *k)
{
    /* a running total («رصيده إلى 17 هدفا») and a match's count («سجل
     * هدفين») are told apart both ways */
    bool tally = mz_num_is_tally_key(c->of_key) || mz_num_is_tally_key(k->of);
    return c->kind == kind && !strcmp(c->noun_key, k->noun) &&
           (tally ? !strcmp(c->of_key, k->of) : !c->of_key[0] || !k->of[0] || !strcmp(c->of_key, k->of));
}

/* Whether the claim speaks of what the amounts keyed k are of: it names
 * that money noun, or it gives no amount of their currency that is of
 * another («ضخ 600 مليون دولار» is no claim about the reserves). */
static bool claim_of(const char *claim, const mz_number *claim_nums, size_t n_claim, const qkey *k)
{
    if (!k->of[0] || mz_num_names_of(claim, strlen(claim), k->of))
        return true;
    for (size_t c = 0; c < n_claim; c++)
        if (claim_nums[c].kind == MZ_QTY_COUNT && claim_nums[c].of_key[0] &&
            !strcmp(claim_nums[c].noun_key, k->noun))
            return false;
    return true;
}

/* Whether the claim gives a value of the quantity keyed key. */
static bool claim_counts(const mz_number *claim_nums, size_t n_claim, const char *key)
{
    for (size_t c = 0; c < n_claim; c++)
        if (claim_nums[c].kind == MZ_QTY_COUNT && !strcmp(claim_nums[c].noun_key, key))
            return true;
    return false;
}

/* Whether the claim gives a match's score (numbers_score.c): then the
 * sources' scores are what it speaks of, though no word of it counts a
 * noun; *word (when word is not NULL) names it as the scores are
 * («النتيجة»). */
static bool claim_score(const mz_number *claim_nums, size_t n_claim, char **word)
{
    for (size_t c = 0; c < n_claim; c++)
        if (claim_nums[c].kind == MZ_QTY_SCORE) {
            if (word)
                *word = mz_strdup(claim_nums[c].noun);
            return true;
        }
    return false;
}

/* The figures of an evidence sentence of a member the model reads
 * unrelated that a revision gives of the claim's quantity, its noun and kind
 * («عدّلت المفوضية نسبة المشاركة إلى 43.1%» under a claim of the turnout):
 * the correction names only the claim's noun, the model reads the article
 * unrelated, and the final figure was never read. Its other figures are not
 * taken: the article is of the claim only where it revises its figure. */
static mz_status add_revised_of_claim(mz_check_result *r, qkey **keys, size_t *cap,
                                      const mz_check_member *m, const mz_evidence *e,
                                      const mz_number *nums, size_t n, const mz_number *claim_nums,
                                      size_t n_claim, const mz_claim_stems *cs)
{
    mz_status rc = MZ_OK;
    for (size_t x = 0; rc == MZ_OK && x < n; x++) {
        if (!nums[x].revised || !nums[x].noun_key[0])
            continue;
        for (size_t c = 0; c < n_claim; c++)
            if (claim_nums[c].kind == nums[x].kind &&
                !strcmp(claim_nums[c].noun_key, nums[x].noun_key)) {
                rc = add_value(r, keys, cap, m, e, &nums[x], cs);
                break;
            }
    }
    return rc;
}

mz_status mz_check_collect_numbers(mz_check_result *r)
{
    qkey *keys = NULL;
    size_t cap = 0;
    mz_status rc = MZ_OK;
    mz_number nums[MAX_PER_SENTENCE];
    mz_claim_stems claim_stems; /* once per check, not per value */
    mz_claim_stems event_stems; /* its event words, read once a claim dates its event */
    bool have_event = false;
    mz_claim_stems_of(r->claim, &claim_stems);
    mz_number in_claim_nums[MAX_PER_SENTENCE];
    size_t n_claim = r->claim ? mz_numbers_extract_scores(r->claim, strlen(r->claim), in_claim_nums,
                                                   MAX_PER_SENTENCE)
                              : 0;
    if (n_claim > MAX_PER_SENTENCE)
        n_claim = MAX_PER_SENTENCE;
    unsigned claim_months = r->claim ? mz_num_claim_months(r->claim) : 0; /* once a check */
    /* a claim's score is set against the scores of its match alone */
    bool claim_has_score = claim_score(in_claim_nums, n_claim, NULL);
    bool claim_on_day = false; /* the claim tells its event on a full day (claim_day.c) */
    for (size_t c = 0; c < n_claim; c++)
        claim_on_day = claim_on_day || (in_claim_nums[c].kind == MZ_QTY_DATE &&
                                        in_claim_nums[c].day[0] == 'd' && in_claim_nums[c].on_day);
    rejection *rj = NULL;
    size_t n_rj = 0, rj_cap = 0;
    for (size_t i = 0; rc == MZ_OK && i < r->n_members; i++) {
        const mz_check_member *m = &r->members[i];
        if (!m->body || m->superseded_by)
            continue; /* a superseded version's figures are not given (versions.c) */
        /* an article the model reads unrelated gives only a revision of the
         * claim's quantity (revised_of_claim) */
        bool unrelated = m->stance == MZ_UNRELATED;
        for (size_t k = 0; rc == MZ_OK && k < m->n_evidence; k++) {
            const mz_evidence *e = &m->evidence[k];
            if (e->end > m->body_len || e->start >= e->end)
                continue;
            /* an unrelated member's sentence is read only for a revision:
             * the others are not worth the reader's time */
            if (unrelated && !mz_num_may_revise(m->body + e->start, e->end - e->start))
                continue;
            size_t n = mz_numbers_extract_scores(m->body + e->start, e->end - e->start, nums,
                                          MAX_PER_SENTENCE);
            if (n > MAX_PER_SENTENCE)
                n = MAX_PER_SENTENCE;
            mz_num_mark_revised(m->body + e->start, e->end - e->start, nums, n);
            if (unrelated) {
                rc = add_revised_of_claim(r, &keys, &cap, m, e, nums, n, in_claim_nums, n_claim,
                                          &claim_stems);
                continue;
            }
            if (claim_on_day) /* «وصل الوزير الأحد»: the event's day, for the claim's */
                n = mz_num_weekday_dates(&claim_stems, m->body + e->start, e->end - e->start,
                                         nums, n, MAX_PER_SENTENCE);
            /* the page's other story («من جهة أخرى , قتل خمسة …») is not the claim's */
            mz_num_mark_other_story(&claim_stems, m->body + e->start, e->end - e->start, nums, n);
            mz_num_claim_period(in_claim_nums, n_claim, nums, n); /* «العام الماضي» */
            mz_num_claim_month(claim_months, nums, n); /* «مقابل 24.9% في آب» */
            /* «العام الماضي» in 2026 is a claim's named 2025 */
            mz_num_claim_year_period(in_claim_nums, n_claim, m->published, nums, n);
            if (r->claim) /* a crowd of another match than the claim's */
                mz_num_mark_other_match(r->claim, in_claim_nums, n_claim, m->body + e->start,
                                        e->end - e->start, nums, n);
            for (size_t x = 0; rc == MZ_OK && x < n; x++)
                if (nums[x].noun_key[0] &&
                    !(nums[x].kind == MZ_QTY_SCORE && claim_has_score &&
                      !mz_num_score_of_claim(r->claim, m->body + e->start, e->end - e->start,
                                             nums[x].end)))
                    rc = add_value(r, &keys, &cap, m, e, &nums[x], &claim_stems);
        }
        if (rc == MZ_OK && !unrelated)
            rc = add_corrections(r, &keys, &cap, m, in_claim_nums, n_claim, &rj, &n_rj, &rj_cap);
    }
    unsigned claim_events = r->claim ? mz_events_in(r->claim, strlen(r->claim)) : 0;
    bool *allowed_by = calloc(r->n_numbers ? r->n_numbers : 1, sizeof *allowed_by);
    if (!allowed_by)
        rc = MZ_ERR_NOMEM;
    for (size_t i = 0; allowed_by && i < r->n_numbers; i++) {
        mz_check_quantity *q = &r->numbers[i];
        q->on_claim = r->claim && keys[i].noun && in_claim(r->claim, keys[i].noun, &q->claim_noun);
        if (q->on_claim && q->kind == MZ_QTY_COUNT && mz_num_is_currency_key(keys[i].noun) &&
            (!claim_counts(in_claim_nums, n_claim, keys[i].noun) ||
             !claim_of(r->claim, in_claim_nums, n_claim, &keys[i]))) {
            /* «تراجع الدينار بنسبة 12% أمام الدولار»: a currency the claim
             * gives no amount of is the unit of its rate, not what it counts;
             * nor does a claim of an injection count the reserves */
            q->on_claim = false;
            free(q->claim_noun);
            q->claim_noun = NULL;
        }
        if (q->on_claim && mz_num_is_tally_key(keys[i].of) &&
            !mz_num_names_of(r->claim, strlen(r->claim), keys[i].of)) {
            q->on_claim = false; /* a scorer's season tally is no claim of a match's goals */
            free(q->claim_noun);
            q->claim_noun = NULL;
        }
        if (q->kind == MZ_QTY_SCORE && !q->on_claim)
            q->on_claim = claim_score(in_claim_nums, n_claim, &q->claim_noun);
        /* the claim's own value for the same quantity ("40 أسيرا") */
        const char *claim_day = "";
        const mz_number *claim_value = NULL;
        for (size_t c = 0; keys[i].noun && c < n_claim; c++)
            if (claim_value_of(&in_claim_nums[c], q->kind, &keys[i])) {
                q->has_claim_value = true;
                q->claim_number = in_claim_nums[c].number;
                q->claim_number_max = in_claim_nums[c].number_max;
                q->claim_bound = in_claim_nums[c].bound;
                q->claim_vague = in_claim_nums[c].vague;
                q->claim_change = in_claim_nums[c].change;
                q->claim_level = in_claim_nums[c].level;
                claim_day = in_claim_nums[c].day;
                claim_value = &in_claim_nums[c];
                q->claim_demanded = in_claim_nums[c].demanded;
                q->claim_forecast = in_claim_nums[c].forecast;
                q->claim_per = in_claim_nums[c].per;
                q->claim_market = in_claim_nums[c].market;
                break;
            }
        mark_rejected(q, keys[i].noun, rj, n_rj);
        mz_mark_earlier_reports(q); /* a toll that rose from one day's report to the next */
        mz_mark_replaced(q); /* a figure another source says was replaced («بعد أن كان 7») */
        mz_mark_revised(q);  /* a figure a later revision replaced («عدّلت … إلى 43.1%») */
        if (q->on_claim || q->has_claim_value)
            flag_conflicts(q, claim_events);
        allowed_by[i] = flag_off_claim(q, claim_events);
        mark_corrects_claim(q, claim_events, claim_day);
        mark_other_figures(q, claim_events, claim_day, &claim_stems);
        if (q->kind == MZ_QTY_DATE && claim_value && claim_value->day[0] == 'd') {
            if (!have_event) { /* the claim's event words, once */
                mz_claim_event_stems(&claim_stems, r->claim, claim_value, &event_stems);
                have_event = true;
            }
            mz_mark_moved_day(q, claim_value, &event_stems);
            mz_mark_other_day(q, claim_value, &event_stems);
        }
    }
    if (allowed_by && rc == MZ_OK) /* every key is read (none left NULL) */
        unmatched_across_of(r, keys, allowed_by);
    for (size_t i = 0; i < r->n_numbers; i++)
        free(keys[i].noun);
    free(allowed_by);
    free(keys);
    free(rj);
    if (rc != MZ_OK)
        return rc;
    /* What the claim counts first, then conflicts, then the most reported. */
    for (size_t i = 1; i < r->n_numbers; i++)
        for (size_t j = i; j > 0; j--) {
            mz_check_quantity *a = &r->numbers[j - 1], *b = &r->numbers[j];
            bool swap = (b->on_claim && !a->on_claim) ||
                        (b->on_claim == a->on_claim &&
                         ((b->conflict && !a->conflict) ||
                          (b->conflict == a->conflict && b->n_values > a->n_values)));
            if (!swap)
                break;
            mz_check_quantity t = *a;
            *a = *b;
            *b = t;
        }
    mark_correcting_voices(r); /* after the sort: it keeps the quantity's index */
    return MZ_OK;
}
