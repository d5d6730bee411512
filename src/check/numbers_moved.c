/*
 * numbers_moved.c — the dates a postponement moves. «أعلنت الوزارة تأجيل
 * إعلان النتائج إلى الأحد المقبل 5 تموز» gives the event's new date;
 * «تأجيل زيارة الوزير، التي كانت مقررة الأحد 9 آذار، إلى الأسبوع المقبل»
 * the one it was set for. Read as plain dates, both told the claim «تعلن
 * النتائج يوم السبت 4 تموز» nothing, and the postponing report was counted
 * as agreeing with it. Only in a sentence with a word of postponing or
 * moving: «تستمر الامتحانات حتى السبت 4 تموز» and «من 3 إلى 5 تموز» (a
 * range, one value) are no move. A weekday alone («إلى الأحد المقبل», «بدلا
 * من السبت») is no value of the numbers reader and is left alone.
 */
#include "check/numbers.h"

#include <stdint.h>

#define TARGET_REACH 14 /* words from the postponing word to «إلى» */
#define SET_FOR_REACH 8 /* words from «كانت مقررة» to the date */

/* Words of postponing (keys; a و or ف may be written on them). */
static const char *const postponing[] = {
    "تاجيل", "بتاجيل", "لتاجيل", "اجل",  "اجلت",  "اجلوا", "تاجل",  "تاجلت",
    "يوجل",  "توجل",   "ارجاء",  "بارجاء", "ارجا", "ارجات", "تاخير", "بتاخير",
};

/* Whether word i begins a postponing («تأجيل»; not «من أجل») or a move of
 * a date («نقل موعد», «تقديم موعد», «تغيير موعد»). */
static bool postpones(const words *ws, size_t i)
{
    const char *k = strip_waw_fa(&ws->v[i]);
    if (in_list(k, postponing, sizeof postponing / sizeof *postponing))
        return strcmp(k, "اجل") || i == 0 || !eq(&ws->v[i - 1], "من");
    static const char *const moving[] = {"نقل", "تقديم", "تغيير", "بنقل", "بتقديم", "بتغيير"};
    return i + 1 < ws->n && in_list(k, moving, sizeof moving / sizeof *moving) &&
           (eq(&ws->v[i + 1], "موعد") || eq(&ws->v[i + 1], "موعده") || eq(&ws->v[i + 1], "موعدها"));
}

/* Whether word i says the date after it is the one set before: «(التي)
 * كانت مقررة», «كان من المقرر», «بدلا من»; not «كما كان مقررا» (as set). */
static bool set_for(const words *ws, size_t i)
{
    static const char *const planned[] = {"مقرر", "مقررا", "مقرره", "المقرر"};
    const char *k = ws->v[i].key;
    if (eq(&ws->v[i], "بدلا") && i + 1 < ws->n && eq(&ws->v[i + 1], "من"))
        return true;
    if (!in_list(k, planned, sizeof planned / sizeof *planned))
        return false;
    size_t b = i >= 1 && eq(&ws->v[i - 1], "من") ? i - 1 : i; /* كان من المقرر */
    if (b == 0)
        return false;
    const char *was = strip_waw_fa(&ws->v[b - 1]);
    if (strcmp(was, "كان") && strcmp(was, "كانت"))
        return false;
    return b < 2 || !eq(&ws->v[b - 2], "كما");
}

/* Words that may stand between «إلى» and the date: «إلى (يوم) الأحد
 * (المقبل) 5 تموز», «إلى غاية», «حتى موعد». */
static bool between_word(const mz_word *w)
{
    static const char *const skip[] = {"يوم", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس",
                                       "الجمعه", "السبت", "المقبل", "القادم", "في", "غايه"};
    return in_list(w->key, skip, sizeof skip / sizeof *skip);
}

void mz_num_mark_moved(const char *s, const words *ws, mz_number *out, size_t found)
{
    size_t k = 0;
    while (k < found && !(out[k].kind == MZ_QTY_DATE && ws->day_code[ws->at_first[k]]))
        k++;
    if (k == found)
        return; /* most sentences name no day of a month: nothing to read */
    size_t move = SIZE_MAX;
    for (size_t i = 0; i < ws->n && move == SIZE_MAX; i++)
        if (postpones(ws, i))
            move = i;
    for (; k < found; k++) {
        size_t first = ws->at_first[k];
        if (out[k].kind != MZ_QTY_DATE || !ws->day_code[first] || out[k].number != out[k].number_max)
            continue;
        size_t j = first;
        while (j > 0 && first - j < 3 && between_word(&ws->v[j - 1]))
            j--;
        bool to = j > 0 && (eq(&ws->v[j - 1], "الي") || eq(&ws->v[j - 1], "حتي"));
        if (to && move != SIZE_MAX && move < j - 1 && j - 1 - move <= TARGET_REACH &&
            !mz_num_stop_between(s, ws->v[move].end, ws->v[j - 1].start)) {
            out[k].moved = 1;
            continue;
        }
        for (size_t d = 1; d <= SET_FOR_REACH && d <= first; d++) {
            if (mz_num_stop_between(s, ws->v[first - d].end, ws->v[first - d + 1].start))
                break;
            if (set_for(ws, first - d)) {
                out[k].moved = -1;
                out[k].earlier = true;
                break;
            }
        }
    }
}
