/*
 * report_numbers.c — the quantities the sources give, worded once for every
 * presentation of the check report: the terminal's "numbers in the
 * evidence" list and the Markdown's (report_markdown.c) say the same thing
 * in the same words.
 */
#include "check/reason.h"
#include "cli/report.h"

#include <stdio.h>

bool report_quantity_listed(const mz_check_quantity *qt)
{
    /* what the claim counts or several sources give */
    return qt->kind != MZ_QTY_DATE && (qt->on_claim || qt->conflict || qt->n_values >= 2);
}

const char *report_quantity_flag(const mz_check_quantity *qt)
{
    /* CONFLICT: two sources disagree; NOT THE CLAIM'S: none gives a value
     * the claim allows (one source's 40 killed, the claim's 5); THE CLAIM'S
     * IS EARLIER: a source gives it only as an earlier figure; ANOTHER
     * PERIOD'S: only as another period's (the annual 26.4%, a monthly claim) */
    return qt->conflict          ? "CONFLICT"
           : qt->claim_earlier   ? "THE CLAIM'S IS EARLIER"
           : qt->claim_other_period ? "ANOTHER PERIOD'S"
           : qt->claim_unmatched ? "NOT THE CLAIM'S"
                                 : "";
}

int report_quantity_text(mz_buf *b, const mz_check_quantity *qt)
{
    int rc = mz_buf_puts(b, qt->quantity ? qt->quantity : "");
    if (qt->of) /* «دولار (احتياطي)»: the reserves, not the injection */
        rc |= mz_buf_printf(b, " (%s)", qt->of);
    if (qt->has_claim_value) { /* as the reason words it: "over 300" */
        mz_buf cv = {0};
        if (mz_reason_claim_value(&cv, qt, "over", "under", "-", false) == 0 && cv.p)
            rc |= mz_buf_printf(b, " (the claim: %s)", cv.p);
        mz_buf_free(&cv);
    }
    rc |= mz_buf_puts(b, ": ");
    for (size_t i = 0; i < qt->n_values; i++) {
        const mz_check_value *v = &qt->values[i];
        char day[80], date[32], said[40];
        mz_day_text(v->day, date, sizeof date);
        mz_day_text(v->day_said, said, sizeof said);
        /* "yesterday 15/10", "Friday 13/3": made a date by the publication date */
        snprintf(day, sizeof day, "%s%s%s", said, *said && *date ? " " : "", date);
        /* the event and the day: values of other days are not set against
         * each other, and the reader sees why; a vague value as the source
         * says it, and what it is: «العشرات» (dozens; killed; voice 2, #5),
         * never its floor; a figure told as replaced, «في وقت سابق», as
         * such: it is set against no newer one; a demanded one, «طالبت النيابة
         * بسجنه 15 عاما», and a forecast one as such: set against nothing
         * (as the JSON's "demanded", "forecast"); one told after «من جهة
         * أخرى» in words that miss the claim as another story of the page
         * (the JSON's "other_story"): set against nothing; a change,
         * «ارتفع بنسبة 2.5%», and a level, «ارتفع إلى 18.5%», as such: set
         * against their own kind only */
        char what[256], per[16] = "", basis[48] = "", market[24] = "";
        if (v->per) /* a rate: barrels a day are not barrels a month */
            snprintf(per, sizeof per, "a %s; ", mz_per_name(v->per));
        if (v->market) /* «في السوق الموازية»: the official rate is another figure */
            snprintf(market, sizeof market, "%s market; ", mz_market_name(v->market));
        if (v->basis) /* «150 نقطة أساس» beside a claim's 1.5 points: the reader sees they meet */
            snprintf(basis, sizeof basis, "basis points: %g points; ", v->number);
        snprintf(what, sizeof what, "%s%s%s%s%s%s%s%s%s%s%s%s%s", basis, market,
                 v->rejected ? "rejected by its source; " : "",
                 v->attributed ? "a newspaper's report; " : "",
                 v->hearsay ? "unnamed sources' word; " : "",
                 v->other_story ? "another story of the page; " : "",
                 v->demanded ? "demanded; " : "", v->forecast ? "forecast; " : "",
                 v->earlier ? "earlier figure; " : "",
                 v->change > 0 ? "a rise by it; " : v->change < 0 ? "a fall by it; " :
                 v->level ? "the level; " : "", per,
                 v->vague ? mz_vague_name(v->number, false) : "", v->vague ? "; " : "");
        rc |= mz_buf_printf(b, "%s%s%s (%s%s%s%s%svoice %d, #%lld)", i ? ", " : "",
                            v->bound > 0 && !v->vague ? "over " : v->bound < 0 ? "under " : "",
                            v->value, what, mz_event_name(v->event),
                            v->event && *day ? ", " : "", day, v->event || *day ? "; " : "",
                            v->voice, (long long)v->article_id);
    }
    return rc ? -1 : 0;
}
