/*
 * numbers_last_month.c — the previous month's figure is an earlier one.
 *
 * «ارتفع التضخم السنوي إلى 26.4% في أيلول مقابل 24.9% في آب» gives
 * September's figure beside August's, and a claim of 24.9% in September
 * was told only that no source gives its number (the markets journey,
 * M10): August's 24.9% was no value at all. Read narrowly: «مقابل Y في
 * M2» after a value told «في M1» in the sentence, where M2 is the month
 * before M1, makes Y earlier, the previous month's. «الشهر الماضي» alone
 * is not read so: «ارتفع التضخم إلى 18.5% الشهر الماضي» is the latest
 * reading, the month a monthly figure is of.
 * The value after «مقابل» takes the noun and period of the one it is set
 * against when it names none. It is marked earlier and last_period
 * (another period's figure, not one a newer one revised), with last_month
 * its month (1..12). A claim that names that month itself («بلغ التضخم
 * 24.9% في آب») is of that month: mz_num_claim_month leaves the sources'
 * figures of it as they are.
 */
#include "check/numbers.h"

#define MONTH_REACH 2 /* words after a value to «في أيلول» */

/* The Gregorian month of «في M» at word k (1..12), else 0. */
static int month_told_at(const words *ws, size_t k)
{
    if (k + 1 >= ws->n || !eq(&ws->v[k], "في"))
        return 0;
    int m = mz_month_number(ws->v, ws->n, k + 1);
    return m >= 1 && m <= 12 ? m : 0;
}

/* The month «في M» names within reach after word after, not past a stop. */
static int month_after(const char *s, const words *ws, size_t after)
{
    for (size_t k = after; k < ws->n && k < after + MONTH_REACH; k++) {
        if (k > after && mz_num_stop_between(s, ws->v[after].start, ws->v[k].start))
            return 0;
        int m = month_told_at(ws, k);
        if (m)
            return m;
    }
    return 0;
}

/* The figure after «مقابل» measures what the one it is set against does
 * («التضخم السنوي … 26.4% في أيلول مقابل 24.9% في آب»): its noun and
 * period, where it names none of its own (it was no value at all). */
static void of_month(mz_number *y, const mz_number *x)
{
    if (!y->noun_key[0]) {
        memcpy(y->noun, x->noun, sizeof y->noun);
        memcpy(y->noun_key, x->noun_key, sizeof y->noun_key);
    }
    if (!y->per)
        y->per = x->per;
}

void mz_num_mark_last_month(const char *s, const words *ws, mz_number *out, size_t found)
{
    for (size_t v = 0; v < found; v++) {
        size_t first = ws->at_first[v], after = ws->at_after[v];
        if (out[v].kind == MZ_QTY_DATE || out[v].change || out[v].earlier)
            continue;
        int told = 0;
        int m2;
        if (first > 0 && eq(&ws->v[first - 1], "مقابل") &&
            (m2 = month_after(s, ws, after))) {
            /* a value before it in the sentence told of the month after m2 */
            for (size_t u = 0; u < v && !told; u++)
                if (out[u].kind == out[v].kind && ws->at_after[u] <= first &&
                    !mz_num_stop_between(s, ws->v[ws->at_after[u] - 1].end, ws->v[first].start) &&
                    month_after(s, ws, ws->at_after[u]) == m2 % 12 + 1) {
                    told = m2;
                    of_month(&out[v], &out[u]);
                }
        }
        if (told) {
            out[v].earlier = out[v].last_period = true;
            out[v].last_month = (char)told;
        }
    }
}

unsigned mz_num_claim_months(const char *claim)
{
    unsigned named = 0;
    mz_word w[64];
    size_t nw = 0;
    mz_word_iter it;
    mz_words_init(&it, claim, strlen(claim));
    while (nw < 64 && mz_words_next(&it, &w[nw]))
        nw++;
    for (size_t k = 0; k < nw; k++) {
        int m = mz_month_number(w, nw, k);
        if (m >= 1 && m <= 12)
            named |= 1u << m;
    }
    return named;
}

void mz_num_claim_month(unsigned named, mz_number *nums, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (nums[i].last_month && (named & (1u << nums[i].last_month)))
            nums[i].earlier = nums[i].last_period = false;
}
