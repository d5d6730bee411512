/*
 * numbers_added.c — what is added is not the whole. «تمديد الإضراب يومين
 * إضافيين» (numbers_change.c: counts_new) is the extension, a rise by two
 * days; «الإضراب الذي استمر 3 أيام» is the strike's length, told as
 * neither a change nor a level. The two were set against each other as a
 * CONFLICT of one quantity, and a claim of the 3 days read "the sources'
 * numbers conflict: 3, يومين". An added count says nothing of a figure
 * told as neither beside it (nor «120 إصابة جديدة» of a total «5400
 * إصابة» with no word of a total): they are set against each other no
 * more. Two added counts are, and so are an added count and a change.
 */
#include "check/check.h"

bool mz_added_beside_plain(const mz_check_value *a, const mz_check_value *b)
{
    if (a->fresh == b->fresh)
        return false;
    const mz_check_value *plain = a->fresh ? b : a;
    return !plain->change && !plain->level;
}
