/*
 * numbers_rising.c — a toll that rises from one day's report to the next.
 * A disaster's toll is given again each day: «لقي 350 شخصا حتفهم في حصيلة
 * أولية» on the Tuesday, «ارتفعت حصيلة ضحايا الزلزال إلى 800 قتيل» on the
 * Wednesday, 1650 on the Friday. Set against each other these were a
 * CONFLICT of three sources, and a claim of the Friday's 1650 read as
 * disputed by the Wednesday's 800. A casualty figure (killed, died,
 * injured) in an article published before another article's value of the same
 * quantity and event, and lower than it beyond the tolerance two sources
 * are allowed (mz_numbers_conflict), is an earlier figure (`earlier`, as
 * «في وقت سابق» makes one, numbers_earlier.c): set against earlier figures
 * only, never `off_claim`; and two earlier figures of a rising toll, the
 * Tuesday's 350 and the Wednesday's 800, are not set against each other
 * either (mz_toll_rose). A toll that falls from one day to the next is
 * left as it was: a lower figure published later is a revision worth a
 * flag; so are two figures told of one named day («قتل 5 مدنيين أمس»
 * in a report of the 16th and «30 مدنيا يوم الأحد 15 تشرين الأول» in one of
 * the 17th: test_days.c). Values of other events (released, moved…), or
 * with no publication date on either side (baly2018 has none), are not
 * touched.
 */
#include "check/check.h"

#include <math.h>
#include <string.h>

/* Whether a toll of the earlier-published value a is below b's, beyond
 * the tolerance of two sources. */
static bool toll_lower(const mz_check_value *a, const mz_check_value *b)
{
    double alo, ahi, blo, bhi;
    mz_value_allows(a->bound, a->number, a->number_max, &alo, &ahi);
    mz_value_allows(b->bound, b->number, b->number_max, &blo, &bhi);
    return isfinite(ahi) && ahi < blo && mz_numbers_conflict(alo, ahi, blo, bhi);
}

/* A casualty toll: killed, died, injured — what rises as the rubble is
 * searched. Prisoners released or people moved are one act's count, and two
 * days' reports of 25 and 40 released are two accounts (the bundled
 * sample's conflict). */
static bool casualty(mz_event e)
{
    return e == MZ_EVENT_KILLED || e == MZ_EVENT_DIED || e == MZ_EVENT_INJURED;
}

/* The missing fall as the search goes on: «12 مفقودا» on the Wednesday,
 * «8 … في عداد المفقودين» on the Thursday, 4 on the Friday, each found
 * alive or among the dead. The earlier-published, higher count is the
 * earlier figure (a claim of the Wednesday's 12 was "conflicting" with
 * the Friday's 4); a count of the missing that rises later is flagged. */
static bool missing_fell(const mz_check_value *a, const mz_check_value *b)
{
    return a->event == MZ_EVENT_MISSING && b->event == MZ_EVENT_MISSING && toll_lower(b, a);
}

bool mz_toll_rose(const mz_check_value *a, const mz_check_value *b)
{
    if (b->published_day < a->published_day) {
        const mz_check_value *t = a;
        a = b;
        b = t;
    }
    /* both told of one named day («يوم الأحد 15 تشرين الأول»): two
     * accounts of that day, set against each other as before */
    if (a->day[0] && !strcmp(a->day, b->day))
        return false;
    return a->published_day && b->published_day > a->published_day && !a->rejected &&
           !b->rejected && !a->change && !b->change && !b->other_story && !b->part &&
           !a->demanded && !b->demanded && !a->forecast && !b->forecast &&
           ((casualty(a->event) && b->event == a->event && toll_lower(a, b)) || missing_fell(a, b));
}

bool mz_new_counts_apart(const mz_check_value *a, const mz_check_value *b)
{
    /* a day's new cases are that day's: the Tuesday's 120 and the
     * Wednesday's 150 are no two accounts of one figure */
    return a->fresh && b->fresh && a->published_day && b->published_day &&
           a->published_day != b->published_day && !(a->day[0] && !strcmp(a->day, b->day));
}

void mz_mark_earlier_reports(mz_check_quantity *q)
{
    if (q->kind == MZ_QTY_DATE)
        return;
    for (size_t i = 0; i < q->n_values; i++) {
        mz_check_value *a = &q->values[i];
        for (size_t j = 0; j < q->n_values && !a->earlier; j++)
            a->earlier = q->values[j].published_day > a->published_day &&
                         mz_toll_rose(a, &q->values[j]);
    }
}
