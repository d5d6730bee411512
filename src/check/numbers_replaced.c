/*
 * numbers_replaced.c — a figure another source says was replaced.
 * A court's sentence is given again after the appeal: «قضت المحكمة بسجن
 * الوزير السابق 7 سنوات» in May, «خففت محكمة الاستئناف الحكم إلى 5 سنوات
 * بعد أن كان 7 سنوات» in June. The appeal's story marks its own 7 as
 * earlier (numbers_earlier.c), but the 7 of the May reports was set against
 * the 5 as a CONFLICT of two sources, so a claim of the appeal's 5 years read
 * as disputed by the first-instance sentence. A value of a quantity is an
 * earlier figure (`earlier`) when another article of the same quantity
 * tells that very figure as earlier («بعد أن كان 7», «في وقت سابق») and
 * gives a newer one beside it — a source that says what replaced it. The
 * same holds for a toll «ارتفعت الحصيلة إلى 40 بعد أن كانت 30»: another
 * report's 30 is that earlier figure. Not touched: a value published after
 * the article that says it was replaced (a source that still gives it later
 * is a second account worth a flag), a value of another event, and a figure
 * told as earlier by an article with no newer one («أعلنت الوزارة في وقت
 * سابق مقتل 12»: nothing says what replaced it).
 */
#include "check/check.h"

#include <stdbool.h>
#include <stddef.h>
#include <math.h>

/* Whether the figures of a and b are one (within the tolerance of two
 * sources: mz_numbers_conflict). Only figures as such: a floor or a vague
 * value («أكثر من 20», «ثلاثة على الأقل», «عشرات») allows a replaced 17 or
 * 500 without being it (baly2018 train ). */
static bool same_figure(const mz_check_value *a, const mz_check_value *b)
{
    if (a->bound || b->bound || a->vague || b->vague)
        return false;
    double alo, ahi, blo, bhi;
    mz_value_allows(a->bound, a->number, a->number_max, &alo, &ahi);
    mz_value_allows(b->bound, b->number, b->number_max, &blo, &bhi);
    return !mz_numbers_conflict(alo, ahi, blo, bhi);
}

/* Whether v, of m's article, is a newer figure than m: not the same figure
 * — or, told in m's own sentence, any other number: «ليرفع رصيده إلى 56
 * نقطة بعد أن كان 53 نقطة» says the two differ, though 53 lies within the
 * tolerance of 56. */
static bool newer_than(const mz_check_value *v, const mz_check_value *m)
{
    if (v->article_id != m->article_id || v->earlier || v->rejected || v->change ||
        v->other_story || v->part || v->demanded || v->forecast)
        return false;
    if (v->start == m->start && !v->bound && !m->bound && !v->vague && !m->vague)
        return v->number != m->number || v->number_max != m->number_max;
    return !same_figure(v, m);
}

/* The newer figure of q the article of m (a figure it tells as earlier)
 * gives beside it, or NULL. */
static const mz_check_value *newer_of(const mz_check_quantity *q, const mz_check_value *m)
{
    for (size_t i = 0; i < q->n_values; i++)
        if (newer_than(&q->values[i], m))
            return &q->values[i];
    return NULL;
}

/* Whether v is a figure the earlier-marked m of another article replaced
 * by the newer n: the same figure as m, and nearer m than n where n too
 * lies within the tolerance (52 beside «56 … بعد أن كان 53» is the 53's,
 * another report's 56 is not). */
static bool replaced_by(const mz_check_value *v, const mz_check_value *m, const mz_check_value *n)
{
    return m->article_id != v->article_id && !v->rejected && !v->change && !v->other_story &&
           !v->part && !v->demanded && !v->forecast &&
           (!v->event || !m->event || v->event == m->event) &&
           (!v->market || !m->market || v->market == m->market) &&
           !(v->published_day && m->published_day && v->published_day > m->published_day) &&
           same_figure(v, m) && fabs(v->number - m->number) < fabs(v->number - n->number);
}

void mz_mark_replaced(mz_check_quantity *q)
{
    if (q->kind == MZ_QTY_DATE || q->n_values > 64)
        return;
    /* the figures the sentences themselves mark, before any is added, and
     * the newer figure each one's article gives */
    const mz_check_value *newer[64] = {NULL};
    for (size_t j = 0; j < q->n_values; j++)
        if (q->values[j].earlier && !q->values[j].rejected)
            newer[j] = newer_of(q, &q->values[j]);
    for (size_t i = 0; i < q->n_values; i++) {
        mz_check_value *v = &q->values[i];
        for (size_t j = 0; j < q->n_values && !v->earlier; j++)
            v->earlier = newer[j] && replaced_by(v, &q->values[j], newer[j]);
    }
}
