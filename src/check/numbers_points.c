/*
 * numbers_points.c — a rate's change told in points, and a percentage told
 * as a rise with no «بنسبة» (mz_num_mark_points, after numbers_change.c).
 *
 * «بلغت نسبة النجاح 68.4%، مقابل 61.2% العام الماضي، بارتفاع 7.2 نقطة»:
 * the 7.2 counts «نقطة», so it was filed as a count of points, apart from
 * the rate it moved; a claim «ارتفعت نسبة النجاح 7.2%» then found no
 * source giving its figure and was listed against 68.4% and 61.2%, levels.
 * A change counted in points («نقطة», «نقاط», «نقطة مئوية») after a level
 * or earlier level of a percentage in its sentence is a change of that
 * percentage, in points: its kind and noun become the rate's, its change
 * stays. Not after a percentage told as a change («ارتفع المؤشر بنسبة 1.2%
 * أو 15 نقطة»: an index's points are no percent), nor with no percentage
 * before it («ارتفع المؤشر 15 نقطة»).
 *
 * And a percentage right after a word of rising or falling and its subject,
 * with no «بنسبة», «إلى», «من», «عند» before it («ارتفعت نسبة النجاح في
 * الثانوية العامة 7.2%», «تراجعت الصادرات 5%»), was told as neither change
 * nor level and set against the rate's levels; it is a change. Decided: a
 * rise of a rate «بـ X%» may be relative or in points; it is set against
 * the sources' changes as the same kind of figure (the points are what
 * news of a rate gives), so a claim of a relative rise (11.8% for 61.2% to
 * 68.4%) reads as another figure than the sources' 7.2 points.
 */
#include "check/numbers.h"

#define BEFORE_REACH 6 /* words a change's word may stand before the value (as CHANGE_REACH) */

/* The percentage before out[v] in its sentence that the points move: the
 * nearest percentage with a noun, told as a level or an earlier level; NULL
 * when the nearest one is a change or there is none. */
static const mz_number *rate_before(const mz_number *out, size_t v)
{
    for (size_t k = v; k-- > 0;)
        if (out[k].kind == MZ_QTY_PERCENT && out[k].noun_key[0])
            return (out[k].level || out[k].earlier) && !out[k].change ? &out[k] : NULL;
    return NULL;
}

/* Whether the word before a value leaves it no change: «إلى», «من», «عن»,
 * «عند», «حتى» (a level, a from, a bound). */
static bool no_change_word(const mz_word *w)
{
    static const char *const words_[] = {"الي", "من", "عن", "عند", "حتي"};
    return in_list(w->key, words_, sizeof words_ / sizeof *words_);
}

/* Whether a number stands within reach before word first, not past a stop
 * (another value is the verb's: «ارتفعت 3 شركات 5%»). */
static bool number_before(const char *s, const words *ws, size_t first)
{
    for (size_t d = 1; d <= BEFORE_REACH && d <= first; d++) {
        size_t k = first - d;
        if (mz_num_stop_between(s, ws->v[k].end, ws->v[first].start))
            break;
        if (ws->v[k].is_number || mz_num_is_number_word(&ws->v[k]))
            return true;
    }
    return false;
}

/* «ارتفع المؤشر 1.2% أو 15 نقطة»: points right after «أو» after a
 * percentage told as a change restate that change in another unit: the
 * same rise or fall (the word of change may be past the reach from them). */
static void restated_change(const words *ws, mz_number *out, size_t v)
{
    size_t first = ws->at_first[v];
    if (v > 0 && !out[v].change && out[v].kind == MZ_QTY_COUNT && mz_num_counts_points(&out[v]) &&
        out[v - 1].kind == MZ_QTY_PERCENT && out[v - 1].change && first > 0 &&
        ws->at_after[v - 1] + 1 == first && eq(&ws->v[first - 1], "او"))
        out[v].change = out[v - 1].change;
}

void mz_num_mark_points(const char *s, const words *ws, mz_number *out, size_t found)
{
    for (size_t v = 0; v < found; v++) {
        mz_number *n = &out[v];
        restated_change(ws, out, v);
        if (n->kind == MZ_QTY_COUNT && n->change && mz_num_counts_points(n)) {
            const mz_number *rate = rate_before(out, v);
            if (rate) {
                n->kind = MZ_QTY_PERCENT;
                n->points = true;
                memcpy(n->noun, rate->noun, sizeof n->noun);
                memcpy(n->noun_key, rate->noun_key, sizeof n->noun_key);
            }
            continue;
        }
        size_t first = ws->at_first[v];
        if (n->kind != MZ_QTY_PERCENT || n->change || n->level || n->earlier || first == 0 ||
            no_change_word(&ws->v[first - 1]) || number_before(s, ws, first))
            continue;
        signed char dir = mz_num_change_before(s, ws, first);
        if (dir == 1 || dir == -1)
            n->change = dir;
    }
}
