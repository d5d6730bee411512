/*
 * numbers_period.c — the period a percentage is measured over.
 *
 * «ارتفع التضخم السنوي إلى 26.4%» and «على أساس شهري بلغ التضخم 1.7%» are
 * two figures: the rise over a year and over a month. Both were one
 * percentage of inflation, so a claim of monthly inflation of 26.4% was
 * "given" by the annual 26.4%. The period is read, narrowly, from «على
 * أساس سنوي / شهري / فصلي / ربعي» in the value's clause (before it or a
 * few words after it), or from «السنوي / الشهري / الفصلي / الربعي» right on
 * a measured noun before it («التضخم السنوي», «النمو الفصلي», «المعدل
 * السنوي»), and kept as mz_number.per ('y', 'm', 'q'), as numbers_rate.c
 * keeps a count's: values of two periods are not one figure
 * (collect_numbers.c). An adverb after a percentage («4% يوميا») is left
 * alone, and so is a value with no period said: it meets both.
 */
#include "check/numbers.h"

#define PERIOD_BACK 7  /* «ارتفع التضخم السنوي في جمهورية الضفاف إلى 26.4%» */
#define PERIOD_AFTER 4 /* «ارتفعت 3.2% على أساس شهري» */

/* The period a bare adjective names (سنوي, شهريه…), else 0. */
static char period_adjective(const char *k)
{
    static const struct {
        const char *key;
        char per;
    } adj[] = {{"سنوي", 'y'}, {"سنويه", 'y'}, {"شهري", 'm'}, {"شهريه", 'm'},
               {"فصلي", 'q'}, {"فصليه", 'q'}, {"ربعي", 'q'}, {"ربعيه", 'q'}};
    for (size_t i = 0; i < sizeof adj / sizeof *adj; i++)
        if (!strcmp(k, adj[i].key))
            return adj[i].per;
    return 0;
}

/* «على أساس شهري» (a و may be written on على) beginning at word k: its
 * period, else 0. */
static char basis_phrase_at(const words *ws, size_t k)
{
    bool waw;
    if (k + 2 >= ws->n || strcmp(strip_conj(ws->v[k].key, &waw), "علي") ||
        !eq(&ws->v[k + 1], "اساس"))
        return 0;
    return period_adjective(ws->v[k + 2].key);
}

/* Nouns of what a percentage measures over a period, bare. */
static const char *const measured_nouns[] = {"تضخم", "نمو",  "معدل",   "عايد",   "فايده",
                                             "زياده", "ارتفاع", "انخفاض", "تراجع", "انكماش"};

/* The adjective of a period with the article at word k, right after a
 * measured noun («التضخم السنوي», «والنمو الفصلي»): its period, else 0. */
static char adjective_on_noun(const words *ws, size_t k)
{
    const char *a = ws->v[k].key;
    if (k == 0 || strncmp(a, "ال", strlen("ال")))
        return 0;
    char per = period_adjective(a + strlen("ال"));
    if (!per)
        return 0;
    bool waw;
    const char *noun = strip_conj(ws->v[k - 1].key, &waw);
    if (!strncmp(noun, "ال", strlen("ال")))
        noun += strlen("ال");
    return in_list(noun, measured_nouns, sizeof measured_nouns / sizeof *measured_nouns) ? per : 0;
}

/* Whether s[from, to) holds a comma or a sentence's stop: the period of
 * another clause. */
static bool period_break_between(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] == ',' || (i + 1 < to && !memcmp(s + i, "،", 2)))
            return true;
    return mz_num_stop_between(s, from, to);
}

size_t mz_num_period_phrase_before(const words *ws, size_t first)
{
    for (size_t gap = 0; gap <= 1; gap++) /* «على أساس شهري إلى 26.4%» */
        if (first >= 3 + gap && basis_phrase_at(ws, first - 3 - gap))
            return first - 3 - gap;
    return 0;
}

void mz_num_mark_period(const char *s, const words *ws, mz_number *out, size_t found)
{
    for (size_t v = 0; v < found; v++) {
        if (out[v].kind != MZ_QTY_PERCENT || out[v].per)
            continue;
        size_t first = ws->at_first[v], after = ws->at_after[v];
        size_t lo = 0, hi = ws->n; /* the words no other value stands in */
        for (size_t u = 0; u < found; u++) {
            if (ws->at_first[u] < first && ws->at_after[u] > lo)
                lo = ws->at_after[u];
            if (ws->at_first[u] >= after && ws->at_first[u] < hi)
                hi = ws->at_first[u];
        }
        char per = 0;
        for (size_t k = after; !per && k + 2 < hi && k < after + PERIOD_AFTER; k++) {
            if (period_break_between(s, ws->v[after - 1].end, ws->v[k].start))
                break;
            per = basis_phrase_at(ws, k);
        }
        for (size_t k = first; !per && k > lo && k + PERIOD_BACK > first; k--) {
            if (period_break_between(s, ws->v[k - 1].end, ws->v[first].start))
                break;
            per = basis_phrase_at(ws, k - 1);
            if (!per)
                per = adjective_on_noun(ws, k - 1);
        }
        out[v].per = per;
    }
}
