/*
 * numbers_change_subject.c — a change told by a verbal noun whose subject
 * stands between it and the amount: «زيادة أجور عمال النقل في وادي الريح
 * بنسبة 25%». The word of change is past CHANGE_REACH (numbers_change.c),
 * so the 25% was told as no change, and the word before «بنسبة» named it
 * («الريح»): a claim of the rumoured 25% rise met none of the sources'
 * «بزيادة الأجور بنسبة 15%» and was SUPPORTED on its other words. What a
 * verbal noun of change (زيادة، ارتفاع، انخفاض، تخفيض…) is a change of is
 * the noun right after it, its genitive: the amount after «بنسبة»,
 * «بمقدار» or «بـ» in the same clause, with no other figure between, is
 * that noun's change. A verb («رفعت الحكومة الأجور بنسبة 15%») is left
 * as it was: the word after a verb may be its subject.
 */
#include "check/numbers.h"

#define MASDAR_REACH 12 /* words between the verbal noun and the amount word */

/* Verbal nouns of change (keys, و/ف, ب/ل, ال taken off). The first ones
 * are nouns only; رفع، خفض، تراجع are verbs too and count only with ب, ل
 * or ال on them («بخفض», «الخفض»). */
static const char *const masdar_only[] = {"زياده", "ارتفاع", "انخفاض", "تخفيض", "هبوط",
                                          "صعود", "نمو", "انكماش", "تقليص"};
static const char *const masdar_marked[] = {"رفع", "خفض", "تراجع"};

/* Whether w is a verbal noun of change. */
static bool change_masdar(const mz_word *w)
{
    const char *k = w->key;
    size_t n = w->key_len;
    if (n > 6 && !strncmp(k, "و", 2))
        k += 2, n -= 2;
    else if (n > 6 && !strncmp(k, "ف", 2))
        k += 2, n -= 2;
    bool marked = false;
    if (n > 6 && (!strncmp(k, "ب", 2) || !strncmp(k, "ل", 2)))
        k += 2, n -= 2, marked = true;
    if (n > 8 && !strncmp(k, "ال", 4))
        k += 4, n -= 4, marked = true;
    for (size_t i = 0; i < sizeof masdar_only / sizeof *masdar_only; i++)
        if (n == strlen(masdar_only[i]) && !memcmp(k, masdar_only[i], n))
            return true;
    for (size_t i = 0; marked && i < sizeof masdar_marked / sizeof *masdar_marked; i++)
        if (n == strlen(masdar_marked[i]) && !memcmp(k, masdar_marked[i], n))
            return true;
    return false;
}

bool mz_num_change_of_masdar(const char *s, const words *ws, size_t first, mz_number *n)
{
    if (first < 3) /* the verbal noun, its noun, the amount word at least */
        return false;
    for (size_t k = first - 1; k-- > 0 && first - 1 - k <= MASDAR_REACH;) {
        const mz_word *w = &ws->v[k];
        if (mz_num_clause_between(s, w->end, ws->v[k + 1].start) || w->is_number ||
            mz_num_is_number_word(w))
            return false;
        signed char dir = mz_num_change_dir(w);
        if (!dir)
            continue;
        if ((dir != 1 && dir != -1) || !change_masdar(w) || k + 2 > first - 1 ||
            !mz_num_is_noun_candidate(&ws->v[k + 1]))
            return false;
        n->change = dir;
        if (n->kind == MZ_QTY_PERCENT)
            mz_num_copy_noun(s, &ws->v[k + 1], n);
        return true;
    }
    return false;
}
