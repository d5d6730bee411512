/*
 * numbers_among.c — a count told among another is of that one's event:
 * «ارتفعت حصيلة الضحايا إلى 31 قتيلا، بينهم 9 أطفال» counts 9 of the dead,
 * and «كان بين الركاب 15 طفلا» 15 of those on board. The 9 had no event (a
 * clause mark stops events.c's look back from it) nor had the 15, so the
 * sinking's children were one quantity and 9 was set against 15 as two
 * sources' counts. A count right after «بينهم», «بينهن», «منهم», «منهن»
 * («من بينهم» too) with no event takes the event of the count just before
 * it (at most two words between: its noun and the mark); one right after
 * «بين (ال)ركاب» is of those on board.
 */
#include "check/numbers.h"

#include <string.h>

#define AMONG_GAP 2 /* words between the whole's end and «بينهم» */

static bool in_keys(const mz_word *w, const char *const *keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(w->key, keys[i]))
            return true;
    return false;
}

static bool is_among(const mz_word *w)
{
    static const char *const among[] = {"بينهم", "بينهن", "منهم", "منهن", "وبينهم", "وبينهن",
                                        "ومنهم", "ومنهن"};
    return in_keys(w, among, sizeof among / sizeof *among);
}

/* «بين الركاب», «وبين ركاب»: prev and w */
static bool among_passengers(const mz_word *prev, const mz_word *w)
{
    static const char *const between[] = {"بين", "وبين"}, *const riders[] = {"الركاب", "ركاب"};
    return in_keys(prev, between, 2) && in_keys(w, riders, 2);
}

void mz_num_event_of_among(const words *ws, mz_number *out, size_t found)
{
    for (size_t v = 0; v < found; v++) {
        mz_number *n = &out[v];
        size_t first = ws->at_first[v];
        if (n->event || n->kind == MZ_QTY_DATE || first == 0)
            continue;
        const mz_word *w = &ws->v[first - 1];
        if (first >= 2 && among_passengers(&ws->v[first - 2], w)) {
            n->event = MZ_EVENT_ABOARD;
            continue;
        }
        if (!is_among(w))
            continue;
        size_t u = v;
        while (u-- > 0 && out[u].kind == MZ_QTY_DATE)
            ;
        if (u < v && ws->at_after[u] + AMONG_GAP >= first - 1)
            n->event = out[u].event;
    }
}
