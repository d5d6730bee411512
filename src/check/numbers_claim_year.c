/*
 * numbers_claim_year.c — a source's «العام الماضي» is the claim's named
 * year: a claim «بلغت العائدات 59 مليار دولار في 2025» against a report
 * published in 2026 that says «95 مليار دولار في العام الماضي». The
 * numbers reader makes that 95 last year's figure (numbers_earlier.c:
 * mz_num_mark_last_period, `earlier`, `last_period`), so a claim of 2025's
 * figure was set against nothing, or read as an earlier figure. Published
 * the year after the claim's year, the source's last year is the claim's
 * year, and its value is the claim's period's figure: no longer earlier.
 * Narrow: the claim names one Gregorian year (1900..2100, a date value, not
 * a range), the article's publication year is known and is that year + 1;
 * a claim told of the last period itself is mz_num_claim_period's.
 */
#include "check/check.h"

#include <stdlib.h>
#include <string.h>

/* The one Gregorian year the claim's values name, or 0 (none, or two). */
static int claim_year(const mz_number *claim, size_t n_claim)
{
    int year = 0;
    for (size_t c = 0; c < n_claim; c++) {
        const mz_number *v = &claim[c];
        if (v->kind != MZ_QTY_DATE || strcmp(v->noun_key, "year") || v->number != v->number_max ||
            v->number < 1900 || v->number > 2100)
            continue;
        if (year && year != (int)v->number)
            return 0;
        year = (int)v->number;
    }
    return year;
}

/* The year of a publication day "YYYY-MM-DD…", or 0. */
static int published_year(const char *published)
{
    if (!published)
        return 0;
    int y = 0;
    for (int i = 0; i < 4; i++) {
        if (published[i] < '0' || published[i] > '9')
            return 0;
        y = y * 10 + (published[i] - '0');
    }
    return published[4] == '-' ? y : 0;
}

void mz_num_claim_year_period(const mz_number *claim, size_t n_claim, const char *published,
                              mz_number *nums, size_t n)
{
    bool any = false;
    for (size_t i = 0; i < n && !any; i++)
        any = nums[i].last_period && nums[i].earlier;
    if (!any)
        return;
    int year = claim_year(claim, n_claim), pub = published_year(published);
    if (!year || !pub || pub != year + 1)
        return;
    for (size_t i = 0; i < n; i++)
        if (nums[i].last_period)
            nums[i].earlier = false;
}
