/*
 * numbers_out_of.c — a count told out of its whole, «حصل الحزب على 58 مقعدا
 * من أصل 150», «غرق 5 من أصل 12 راكبا», is a count made exactly: seats won,
 * passengers lost, of a whole that is known. Counts are otherwise compared
 * with a 10% allowance on each side (mz_numbers_conflict: a toll of 400 and
 * one of 420 agree), and a claim of 68 seats was "given" by a source's 58 of
 * 150 (the elections desk's story). The value right before «من أصل», or
 * before its own noun and «من أصل», with a count at least as large right
 * after, no clause mark between, is marked (mz_number.out_of); collect_
 * numbers.c holds it to the claim's figure as written (fits_claim). «من
 * بين» is not read: «من بين 12 قتيلا» picks some of the dead, and says
 * nothing of how exactly they were counted.
 */
#include "check/numbers.h"

#define OUT_OF_REACH 2 /* words from a value's end to «من»: its noun between */

/* Whether words k, k+1 are «من أصل» and a count of out[0..found) no smaller
 * than x begins at k+2. */
static bool out_of_at(const words *ws, const mz_number *out, size_t found, size_t k, double x)
{
    if (k + 2 >= ws->n || !eq(&ws->v[k], "من") || !eq(&ws->v[k + 1], "اصل"))
        return false;
    for (size_t u = 0; u < found; u++)
        if (ws->at_first[u] == k + 2)
            return out[u].kind == MZ_QTY_COUNT && out[u].number >= x;
    return false;
}

void mz_num_mark_out_of(const char *s, const words *ws, mz_number *out, size_t found)
{
    for (size_t v = 0; v < found; v++) {
        mz_number *n = &out[v];
        if (n->kind != MZ_QTY_COUNT || n->vague || n->bound || n->number != n->number_max)
            continue;
        for (size_t k = ws->at_after[v]; k < ws->n && k <= ws->at_after[v] + OUT_OF_REACH; k++) {
            if (mz_num_clause_between(s, n->end, ws->v[k].start))
                break;
            if (out_of_at(ws, out, found, k, n->number)) {
                n->out_of = true;
                break;
            }
        }
    }
}
