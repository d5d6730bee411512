/*
 * numbers_basis.c — basis points are hundredths of a point (mz_num_mark_basis).
 *
 * «رفع سعر الفائدة الرئيسي بمقدار 150 نقطة أساس» and «رفع الفائدة 1.5 نقطة
 * مئوية» tell one rise: both were keyed «نقطة» and read 150 and 1.5, so a
 * claim of a rise of 1.5 points found the sources' numbers in conflict, "up
 * 1.5 against up 150". A value whose points are «نقطة أساس» / «نقاط أساس»
 * (also «من نقاط الأساس») now reads in points: its number (and a range's
 * top) divided by 100, the text as written, `basis` kept to say so. The
 * claim is read by the same reader, so a claim in basis points meets a
 * source in points and the other way round. Points alone («ارتفع المؤشر
 * 150 نقطة») are left as they are.
 */
#include "check/numbers.h"

#define BASIS_REACH 3 /* words after the value: «نقطة أساس», «من نقاط الأساس» */

/* Whether «أساس» / «الأساس» follows the value's first word after it,
 * within reach, not past a stop. Cheap tests first: most values have no
 * points at all, and the points' noun key is only read on a hit. */
static bool basis_after(const char *s, const words *ws, size_t after)
{
    for (size_t k = after + 1; k < ws->n && k <= after + BASIS_REACH; k++) {
        if (mz_num_stop_between(s, ws->v[after].start, ws->v[k].start))
            return false;
        if (eq(&ws->v[k], "اساس") || eq(&ws->v[k], "الاساس"))
            return true;
    }
    return false;
}

void mz_num_mark_basis(const char *s, const words *ws, mz_number *out, size_t found)
{
    for (size_t v = 0; v < found; v++) {
        mz_number *n = &out[v];
        if (n->kind != MZ_QTY_COUNT || !n->noun_key[0] || ws->at_after[v] >= ws->n ||
            !basis_after(s, ws, ws->at_after[v]) || !mz_num_counts_points(n))
            continue;
        n->number /= 100;
        n->number_max /= 100;
        n->basis = true;
    }
}
