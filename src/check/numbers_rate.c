/*
 * numbers_rate.c — a rate is not a total. «ينتج 10.2 مليون برميل يوميا»
 * counts barrels a day, «سحب نحو 45 مليون برميل من السوق شهريا» barrels a
 * month: both were keyed برميل and set against each other, so a claim of a
 * cut of 45 million barrels a day was "given" by the monthly 45 million,
 * and the monthly figure stood in a CONFLICT beside the daily ones. The
 * period an adverb names (يوميا، أسبوعيا، شهريا، سنويا) after a value, in
 * its clause and before another value, is kept as mz_number.per; values of
 * two different periods are not one figure (collect_numbers.c). A value
 * with no period is set against both, as before: news often leaves «يوميا»
 * out of a rate it gave in full a sentence before.
 */
#include "check/numbers.h"

/* Whether s[from, to) holds a comma: «ينتج 10 ملايين برميل، ويصدر يوميا 7
 * ملايين» gives the period to the clause after it. */
static bool rate_comma_between(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] == ',' || (i + 1 < to && !memcmp(s + i, "،", 2)))
            return true;
    return false;
}

/* How far after a value's last word its period may stand: «45 مليون برميل
 * من السوق شهريا» puts three words between. */
#define PER_REACH 5

static const struct {
    const char *key;
    char per;
} rate_periods[] = {
    {"يوميا", 'd'}, {"اسبوعيا", 'w'}, {"شهريا", 'm'}, {"سنويا", 'y'},
};

static char rate_period_of(const mz_word *w)
{
    bool waw;
    const char *k = strip_conj(w->key, &waw);
    for (size_t i = 0; i < sizeof rate_periods / sizeof *rate_periods; i++)
        if (!strcmp(k, rate_periods[i].key))
            return rate_periods[i].per;
    return 0;
}

void mz_num_mark_per(const char *s, const words *ws, mz_number *out, size_t found)
{
    for (size_t v = 0; v < found; v++) {
        if (out[v].kind != MZ_QTY_COUNT)
            continue;
        size_t from = ws->at_after[v];
        for (size_t k = from; k < ws->n && k < from + PER_REACH; k++) {
            bool next_value = false; /* the adverb goes with the nearest value before it */
            for (size_t u = 0; u < found && !next_value; u++)
                next_value = u != v && ws->at_first[u] > ws->at_first[v] && ws->at_first[u] <= k;
            if (next_value || (k > from && (mz_num_stop_between(s, ws->v[from].start, ws->v[k].start) ||
                                         rate_comma_between(s, ws->v[from].start, ws->v[k].start))))
                break;
            char p = rate_period_of(&ws->v[k]);
            if (p) {
                out[v].per = p;
                break;
            }
        }
    }
}

const char *mz_per_name(char per)
{
    switch (per) {
    case 'd': return "day";
    case 'w': return "week";
    case 'm': return "month";
    case 'q': return "quarter";
    case 'y': return "year";
    default: return "";
    }
}
