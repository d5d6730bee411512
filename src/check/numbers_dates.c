/*
 * numbers_dates.c — the dates among a sentence's numbers: a day and its
 * month (named, Gregorian or Hijri, of one word or two; or named by where
 * it stands, "الشهر الجاري"), the day in digits or as an ordinal ("الخامس
 * عشر من أيار"), a year after them, Hijri years (1439 هـ), and a time of day
 * after الساعة. They say when, and are not counts; the day they give is
 * what days.c keeps values of different days apart by.
 */
#include "check/numbers.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const months[] = {
    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر",
    "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران",
    "تموز", "اب", "ايلول", "تشرين", "يونيه", "يوليه", "جانفي", "فيفري", "افريل", "ماي",
    "جوان", "جويليه", "اوت"};

/* Hijri months, by their first word (ربيع الأول, جمادى الآخرة, ذو الحجة). */
static const char *const hijri_months[] = {"محرم", "صفر",   "ربيع",  "جمادي", "رجب",
                                           "شعبان", "رمضان", "شوال", "ذو",    "ذي"};

/* After a Hijri year: 1439 هـ (the tatweel is gone in keys), 1439 هجرية. */
static const char *const hijri_marks[] = {"ه", "هجري", "هجريه", "للهجره", "الهجري", "الهجريه"};

static bool is_hijri_month(const mz_word *w)
{
    return in_list(w->key, hijri_months, sizeof hijri_months / sizeof *hijri_months);
}

/* Is word i the هـ or هجرية that follows a Hijri year? */
bool mz_num_is_hijri_mark(const words *ws, size_t i)
{
    return i < ws->n && in_list(ws->v[i].key, hijri_marks, sizeof hijri_marks / sizeof *hijri_marks);
}

static bool is_month(const mz_word *w)
{
    bool waw;
    const char *k = strip_conj(w->key, &waw);
    return in_list(k, months, sizeof months / sizeof *months) ||
           in_list(w->key, months, sizeof months / sizeof *months) || is_hijri_month(w);
}

/* A Hijri year: a whole number of 1300..1500 followed by هـ or هجرية, or
 * after a Hijri month (رمضان 1438, جمادى الأولى 1439); else such numbers,
 * common in Gulf and Saudi news, were counts of whatever followed them. */
bool mz_num_is_hijri_year(const words *ws, const span *a, size_t after)
{
    if (!ws->v[a->first].is_number || a->first != a->last || a->lo < 1300 || a->lo > 1500 ||
        floor(a->lo) != a->lo)
        return false;
    if (mz_num_is_hijri_mark(ws, after))
        return true;
    /* the month right before, or its first word two before (جمادى الأولى) */
    for (size_t back = 1; back <= 2 && back <= a->first; back++) {
        const mz_word *w = &ws->v[a->first - back];
        if (is_hijri_month(w))
            return true;
    }
    return false;
}

/* The second word of a month of two: كانون/تشرين الأول, الثاني; ربيع
 * الأول, الآخر; جمادى الأولى, الآخرة; ذو القعدة, الحجة. */
static bool is_month_second_word(const mz_word *w)
{
    static const char *const second[] = {"الاول", "الثاني", "الاولي", "الاخر", "الاخره", "القعده",
                                         "الحجه"};
    return in_list(w->key, second, sizeof second / sizeof *second);
}

/* Whether the number after a day and month is its year: a whole number of
 * 1300..2100 (a Hijri or a Gregorian year); else it starts the sentence's
 * next value ("يوم 3 مايو 12 شخصا" counts 12 people). */
static bool is_year_after(const mz_word *w)
{
    if (!w->is_number || strspn(w->key, "0123456789") != w->key_len)
        return false;
    long y = strtol(w->key, NULL, 10);
    return y >= 1300 && y <= 2100;
}

/* Where a month named by where it stands lies from the current one: الشهر
 * الجاري/الحالي 0, الماضي/المنصرم/السابق -1, المقبل/القادم 1; else 2. */
static int month_offset(const mz_word *w)
{
    static const char *const current[] = {"الجاري", "الحالي"};
    static const char *const last[] = {"الماضي", "المنصرم", "السابق"};
    static const char *const next[] = {"المقبل", "القادم"};
    return in_list(w->key, current, 2) ? 0 : in_list(w->key, last, 3) ? -1
           : in_list(w->key, next, 2)  ? 1
                                        : 2;
}

/* The month a day at word *at is of, when one follows it: a month name,
 * directly or after "من شهر" / "شهر" (25 من شهر تشرين الثاني), as
 * mz_month_number numbers it; or a month named by where it stands ("من
 * الشهر الجاري", "من هذا الشهر", "الجاري"), MZ_MONTH_RELATIVE + its offset
 * (-1, 0, 1). *at moves to the month's last word. 0 when none follows. */
int mz_num_month_follows(const words *ws, size_t *at)
{
    size_t k = *at;
    if (k < ws->n && eq(&ws->v[k], "من"))
        k++;
    if (k + 1 < ws->n && eq(&ws->v[k], "هذا") && eq(&ws->v[k + 1], "الشهر")) {
        *at = k + 1;
        return MZ_MONTH_RELATIVE;
    }
    if (k + 1 < ws->n && eq(&ws->v[k], "الشهر") && month_offset(&ws->v[k + 1]) != 2) {
        *at = k + 1;
        return MZ_MONTH_RELATIVE + month_offset(&ws->v[k + 1]);
    }
    if (k < ws->n && month_offset(&ws->v[k]) == 0) { /* "في 5 الجاري" */
        *at = k;
        return MZ_MONTH_RELATIVE;
    }
    if (k < ws->n && eq(&ws->v[k], "شهر"))
        k++;
    if (k >= ws->n || !is_month(&ws->v[k]))
        return 0;
    *at = k;
    return mz_month_number(ws->v, ws->n, k);
}

/* "الساعة 8 صباحا", "عند الساعة الـ10", "في تمام الساعة 3 فجرا": a time of
 * day, which says when. It counted what followed (صباحا, فجرا) or, written
 * with the article, hours, meeting "خلال 24 ساعة" and "هدنة 72 ساعة". A
 * day-part word after it (صباحا, مساء, من صباح) is part of the value; if so
 * *after moves past it. */
bool mz_num_clock_time(const words *ws, size_t first, size_t *after)
{
    static const char *const hour[] = {"الساعه", "والساعه", "بالساعه", "للساعه", "وبالساعه"};
    static const char *const day_parts[] = {"صباحا", "صباح", "مساء", "مساءا", "ظهرا", "ظهر",
                                            "عصرا", "عصر", "فجرا", "فجر", "ليلا", "ليل",
                                            "ظهيره", "الظهر", "بعدالظهر"};
    size_t k = first;
    if (k > 0 && eq(&ws->v[k - 1], "ال"))
        k--; /* الساعة الـ10 */
    if (k == 0 || !in_list(ws->v[k - 1].key, hour, sizeof hour / sizeof *hour))
        return false;
    size_t d = *after;
    if (d < ws->n && eq(&ws->v[d], "من"))
        d++;
    if (d < ws->n && in_list(ws->v[d].key, day_parts, sizeof day_parts / sizeof *day_parts))
        *after = d + 1;
    return true;
}

/* A date's value from its day's words on: after the month at word
 * month_at (month_follows), its second word and a year join it. Returns
 * the word after the date. */
size_t mz_num_finish_date(const words *ws, size_t month_at, int month, mz_number *n)
{
    size_t after = month_at + 1;
    n->kind = MZ_QTY_DATE;
    n->end = ws->v[month_at].end;
    if (after < ws->n && is_month_second_word(&ws->v[after]))
        n->end = ws->v[after++].end;
    if (after < ws->n && month < MZ_MONTH_RELATIVE - 1 && is_year_after(&ws->v[after]))
        n->end = ws->v[after++].end;
    strcpy(n->noun, "التاريخ");
    strcpy(n->noun_key, "date");
    return after;
}

/* A day written as an ordinal at word i: الخامس 5, الخامس عشر 15, الحادي
 * والعشرين 21, العشرين 20, الثلاثين 30; returns the day (0: none) and sets
 * *after to the word after it. A date only with a month after it. */
int mz_num_ordinal_day(const words *ws, size_t i, size_t *after)
{
#define UNIT(k) {k, sizeof k - 1}
    static const struct {
        const char *key;
        size_t len;
    } units[] = {UNIT("الاول"),  UNIT("الثاني"), UNIT("الثالث"), UNIT("الرابع"), UNIT("الخامس"),
                 UNIT("السادس"), UNIT("السابع"), UNIT("الثامن"), UNIT("التاسع"), UNIT("العاشر")};
#undef UNIT
    const mz_word *w = &ws->v[i];
    int day = 0;
    *after = i + 1;
    if (w->key_len < 4 || memcmp(w->key, "ال", 4)) /* every ordinal here has the article */
        return 0;
    for (int u = 0; u < 10 && !day; u++)
        if (w->key_len == units[u].len && !memcmp(w->key, units[u].key, units[u].len))
            day = u + 1;
    if (eq(w, "الحادي"))
        day = -1; /* only in 11, 21, 31 */
    *after = i + 1;
    if (eq(w, "العشرين") || eq(w, "الثلاثين")) {
        return eq(w, "العشرين") ? 20 : 30;
    }
    if (!day)
        return 0;
    int unit = day < 0 ? 1 : day;
    const mz_word *nx = i + 1 < ws->n ? &ws->v[i + 1] : NULL;
    if (nx && unit < 10 && eq(nx, "عشر"))
        day = 10 + unit;
    else if (nx && unit < 10 && eq(nx, "والعشرين"))
        day = 20 + unit;
    else if (nx && unit == 1 && eq(nx, "والثلاثين"))
        day = 31;
    else
        return day > 0 ? day : 0;
    *after = i + 2;
    return day;
}

/* The day a numeric date names, as a day code: "15/11/2017" 15/11 (a part
 * over 12 is the day), "2017/11/15" (the year leads: year, month, day),
 * "5/5" 5/5 (either order); "3/4" both orders a date, MZ_MONTH_NUMERIC + 4
 * with the day 3, which the article's publication date may settle
 * (days_resolve.c). 0 when it names no day (a part past 31, a year in the
 * middle). Scrapes mix "day/month" (Arab sites) and "month/day" (feeds and
 * wire copies), so the order is taken only where the numbers decide it. */
int mz_num_numeric_day(const int *v, const int *len, int n)
{
    int a, b;
    if (n == 3 && len[0] == 4 && len[1] <= 2 && len[2] <= 2)
        a = v[2], b = v[1]; /* year first: always year, month, day */
    else if ((n == 3 && len[2] == 4 && len[0] <= 2 && len[1] <= 2) ||
             (n == 2 && len[0] <= 2 && len[1] <= 2))
        a = v[0], b = v[1];
    else
        return 0;
    if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12))
        return 0;
    if (n == 3 && len[0] == 4)
        return b <= 12 ? a * 1000 + b : 0;
    if (b > 12)
        return b * 1000 + a; /* 11/15: month first */
    if (a > 12 || a == b)
        return a * 1000 + b;
    return a * 1000 + MZ_MONTH_NUMERIC + b;
}
