/*
 * numbers_on_day.c — a date told as the day something happens: «يبدأ
 * تطبيق الخفض اعتبارا من الأول من كانون الأول», «تنطلق الحملة في 10
 * تموز», «يوم الأحد 5 تموز». Only these: «منذ 1 كانون الثاني» (since), «من
 * 3 إلى 5 تموز» / «في 3 حتى 5 تموز» (a window), «قبل/بحلول 1 آذار» (a
 * deadline) and a bare date (a dateline, an aside) are not the day of the
 * sentence's event, and a claim naming another day than they do is not
 * told wrong by them (claim_day.c mz_mark_other_day).
 */
#include "check/numbers.h"

/* Words that may stand between «في»/«يوم» and the date: «في (يوم) الأحد
 * 5 تموز». */
static bool weekday_word(const mz_word *w)
{
    static const char *const skip[] = {"يوم",      "الاحد",    "الاثنين", "الثلاثاء",
                                       "الاربعاء", "الخميس",   "الجمعه",  "السبت"};
    return in_list(w->key, skip, sizeof skip / sizeof *skip);
}

/* Whether the words before word j (the date's first, weekdays skipped)
 * tell it as the day of an event: «في», «يوم» or «اعتبارا/ابتداء/بدءا من». */
static bool day_opener(const words *ws, size_t j)
{
    static const char *const from[] = {"اعتبارا", "ابتداء", "بدءا", "ابتداءا", "بداء"};
    bool waw;
    while (j > 0 && weekday_word(&ws->v[j - 1])) {
        if (eq(&ws->v[j - 1], "يوم"))
            return true;
        j--;
    }
    if (j == 0)
        return false;
    const char *k = strip_conj(ws->v[j - 1].key, &waw);
    if (!strcmp(k, "في"))
        return true;
    return !strcmp(k, "من") && j > 1 && in_list(ws->v[j - 2].key, from, sizeof from / sizeof *from);
}

void mz_num_mark_on_day(const words *ws, mz_number *out, size_t found)
{
    for (size_t k = 0; k < found; k++) {
        size_t first = ws->at_first[k], after = ws->at_after[k];
        if (out[k].kind != MZ_QTY_DATE || out[k].day[0] != 'd' || out[k].moved ||
            out[k].number != out[k].number_max)
            continue;
        /* a window's start: «في 3 حتى 5 تموز», «من 1 إلى 10 آذار» */
        if (after < ws->n && (eq(&ws->v[after], "الي") || eq(&ws->v[after], "حتي")))
            continue;
        out[k].on_day = day_opener(ws, first);
    }
}
