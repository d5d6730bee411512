/*
 * days.c — the day a value is told of, for keeping apart the tolls of
 * different days.
 *
 * One noun counted twice in one story is often two facts: "قتل 5 أشخاص يوم
 * الجمعة" and "قتل 30 شخصا يوم الأحد", or a timeline's "15 مايو: مقتل 3"
 * beside another voice's "17 مايو: مقتل 8". Grouped by the noun (and the
 * event) alone they were set against each other as a conflict. A value's day
 * is a date (day and month) or a weekday named in its clause a few words
 * before it or after its noun; two values told of different days are not set
 * against each other. A day before and a weekday after are not compared
 * (neither says the other's day), nor is a value with no day named, nor a
 * day of a month named by where it stands ("23 من الشهر الجاري", "5
 * الجاري": "r:23/0") with one of a named month (the current one is not
 * known).
 */
#include "check/check.h"

#include <stdio.h>
#include <string.h>

#define DAY_BEFORE 6 /* words looked at before the value */
#define DAY_AFTER 6  /* words looked at after it (its noun included) */

typedef struct month_name {
    const char *key;
    int month; /* 1..12; 0: by the word after (كانون, تشرين) */
} month_name;

static const month_name month_names[] = {
    {"يناير", 1},   {"فبراير", 2},  {"مارس", 3},    {"ابريل", 4},   {"مايو", 5},
    {"يونيو", 6},   {"يوليو", 7},   {"اغسطس", 8},   {"سبتمبر", 9},  {"اكتوبر", 10},
    {"نوفمبر", 11}, {"ديسمبر", 12}, {"كانون", 0},   {"شباط", 2},    {"اذار", 3},
    {"نيسان", 4},   {"ايار", 5},    {"حزيران", 6},  {"تموز", 7},    {"اب", 8},
    {"ايلول", 9},   {"تشرين", 0},   {"يونيه", 6},   {"يوليه", 7},   {"جانفي", 1},
    {"فيفري", 2},   {"افريل", 4},   {"ماي", 5},     {"جوان", 6},    {"جويليه", 7},
    {"اوت", 8},
    /* Hijri, by their first word: numbered apart from the Gregorian */
    {"محرم", 101},  {"صفر", 102},   {"ربيع", 103},  {"جمادي", 105}, {"رجب", 107},
    {"شعبان", 108}, {"رمضان", 109}, {"شوال", 110},  {"ذو", 111},    {"ذي", 111},
};

int mz_month_number(const mz_word *ws, size_t n, size_t k)
{
    const char *key = ws[k].key;
    if (!strncmp(key, "و", 2) && ws[k].key_len > 4)
        key += 2;
    for (size_t i = 0; i < sizeof month_names / sizeof *month_names; i++) {
        if (strcmp(key, month_names[i].key) != 0)
            continue;
        int m = month_names[i].month;
        bool second = k + 1 < n && !strcmp(ws[k + 1].key, "الثاني");
        if (m == 0) /* كانون الأول 12, الثاني 1; تشرين الأول 10, الثاني 11 */
            m = !strcmp(key, "كانون") ? (second ? 1 : 12) : (second ? 11 : 10);
        else if (m == 103 || m == 105) /* ربيع/جمادى الأولى, الآخرة (الثاني) */
            m += second || (k + 1 < n && (!strcmp(ws[k + 1].key, "الاخر") ||
                                          !strcmp(ws[k + 1].key, "الاخره")));
        else if (m == 111) /* ذو القعدة 11, ذو الحجة 12 */
            m += k + 1 < n && !strcmp(ws[k + 1].key, "الحجه");
        return m;
    }
    return 0;
}

/* 1..7 for a weekday (السبت … الجمعة, with و/ب/في written on), else 0. */
static int weekday_of(const mz_word *w)
{
    static const char *const days[] = {"السبت", "الاحد", "الاثنين", "الثلاثاء",
                                       "الاربعاء", "الخميس", "الجمعه"};
    const char *key = w->key;
    if ((!strncmp(key, "و", 2) || !strncmp(key, "ب", 2)) && w->key_len > 8)
        key += 2;
    for (size_t i = 0; i < sizeof days / sizeof *days; i++)
        if (!strcmp(key, days[i]))
            return (int)i + 1;
    return 0;
}

/* Where a day named by its distance from the day of writing lies: امس -1,
 * اول امس / اول من امس -2, اليوم 0, غدا / الغد 1, بعد غد 2; written to *off.
 * "اليوم" with an adjective after it ("اليوم التالي", "اليوم الأول") names
 * no such day, nor "يوم" alone. */
static bool relative_day_at(const mz_word *ws, size_t n, size_t k, int *off)
{
    static const char *const yesterday[] = {"امس", "وامس", "بالامس", "الامس", "وبالامس"};
    static const char *const today[] = {"اليوم", "واليوم"};
    static const char *const tomorrow[] = {"غدا", "وغدا", "الغد", "غد"};
    const char *key = ws[k].key;
    for (size_t i = 0; i < sizeof yesterday / sizeof *yesterday; i++)
        if (!strcmp(key, yesterday[i])) {
            bool before = (k >= 1 && !strcmp(ws[k - 1].key, "اول")) ||
                          (k >= 2 && !strcmp(ws[k - 1].key, "من") && !strcmp(ws[k - 2].key, "اول"));
            *off = before ? -2 : -1;
            return true;
        }
    for (size_t i = 0; i < sizeof today / sizeof *today; i++)
        if (!strcmp(key, today[i])) {
            if (k + 1 < n && !strncmp(ws[k + 1].key, "ال", strlen("ال")))
                return false; /* اليوم التالي, اليوم الأول; «اليوم الخميس» is the weekday's */
            *off = 0;
            return true;
        }
    for (size_t i = 0; i < sizeof tomorrow / sizeof *tomorrow; i++)
        if (!strcmp(key, tomorrow[i])) {
            bool after = k >= 1 && !strcmp(ws[k - 1].key, "بعد");
            if (!strcmp(key, "غد") && !after)
                return false;
            *off = after ? 2 : 1;
            return true;
        }
    return false;
}

/* A weekday's week, by the word after it: الماضي/المنصرم/الفائت/السابق -1
 * (the last such day before the day of writing), المقبل/القادم 1, else 0. */
static int week_after(const mz_word *ws, size_t n, size_t k)
{
    static const char *const last[] = {"الماضي", "المنصرم", "الفايت", "السابق"};
    static const char *const next[] = {"المقبل", "القادم"};
    if (k + 1 >= n)
        return 0;
    for (size_t i = 0; i < sizeof last / sizeof *last; i++)
        if (!strcmp(ws[k + 1].key, last[i]))
            return -1;
    for (size_t i = 0; i < sizeof next / sizeof *next; i++)
        if (!strcmp(ws[k + 1].key, next[i]))
            return 1;
    return 0;
}

/* The day word k names, written to out ("d:DAY/MONTH", "w:WEEKDAY",
 * "w:WEEKDAY/WEEK", "o:OFFSET", "n:A/B"), or false. day_code[k] is DAY *
 * 1000 + MONTH where a date starts at k. */
static bool day_at(const mz_word *ws, size_t n, const int *day_code, size_t k, char *out,
                   size_t cap)
{
    int wd, off, month = day_code[k] % 1000;
    if (day_code[k] && month >= MZ_MONTH_NUMERIC)
        snprintf(out, cap, "n:%d/%d", day_code[k] / 1000, month - MZ_MONTH_NUMERIC);
    else if (day_code[k] && month >= MZ_MONTH_RELATIVE - 1)
        snprintf(out, cap, "r:%d/%d", day_code[k] / 1000, month - MZ_MONTH_RELATIVE);
    else if (day_code[k])
        snprintf(out, cap, "d:%d/%d", day_code[k] / 1000, month);
    else if ((wd = weekday_of(&ws[k])) && (off = week_after(ws, n, k)))
        snprintf(out, cap, "w:%d/%d", wd, off);
    else if (wd)
        snprintf(out, cap, "w:%d", wd);
    else if (relative_day_at(ws, n, k, &off))
        snprintf(out, cap, "o:%d", off);
    else
        return false;
    return true;
}

/* A bare weekday at word k ("w:WEEKDAY") in a clause of the future or a
 * forecast is the coming one: "w:WEEKDAY/1", as «الخميس المقبل»
 * (days_future.c); not one written with its date («السبت 9 ديسمبر», a
 * page's dateline after a headline's «قد تستمر»). */
static void coming(const char *s, const mz_word *ws, size_t n, const int *day_code, size_t k,
                   char *out, size_t cap)
{
    bool dated = (k + 1 < n && day_code[k + 1]) || (k + 2 < n && day_code[k + 2]);
    if (out[0] == 'w' && !strchr(out, '/') && !dated && mz_day_coming(s, ws, n, k)) {
        size_t len = strlen(out);
        if (len + 2 < cap)
            memcpy(out + len, "/1", 3);
    }
}

int mz_weekday_key(const char *s, const mz_word *ws, size_t n, size_t k, char *out, size_t cap)
{
    int wd = weekday_of(&ws[k]), off;
    if (!wd)
        return 0;
    if ((off = week_after(ws, n, k)))
        snprintf(out, cap, "w:%d/%d", wd, off);
    else
        snprintf(out, cap, mz_day_coming(s, ws, n, k) ? "w:%d/1" : "w:%d", wd);
    return wd;
}

void mz_day_near(const char *s, const mz_word *ws, size_t n, const int *day_code, size_t first,
                 size_t after, char *out, size_t cap)
{
    out[0] = '\0';
    bool left = true, right = true;
    for (size_t d = 1; d <= DAY_BEFORE || d <= DAY_AFTER; d++) {
        if (left && (d > DAY_BEFORE || d > first || mz_clause_break(s, ws[first - d].end,
                                                                    ws[first - d + 1].start)))
            left = false;
        if (left && day_at(ws, n, day_code, first - d, out, cap)) {
            coming(s, ws, n, day_code, first - d, out, cap);
            return;
        }
        size_t k = after + d - 1;
        if (right && (d > DAY_AFTER || k >= n || mz_clause_break(s, ws[k - 1].end, ws[k].start)))
            right = false;
        if (right && day_at(ws, n, day_code, k, out, cap)) {
            coming(s, ws, n, day_code, k, out, cap);
            return;
        }
    }
}

char mz_day_parts(const char *key, int *a, int *b)
{
    *a = *b = 0;
    if ((key[0] == 'd' || key[0] == 'r' || key[0] == 'n') && sscanf(key + 2, "%d/%d", a, b) == 2)
        return key[0];
    if ((key[0] == 'w' || key[0] == 'o') && sscanf(key + 2, "%d/%d", a, b) >= 1)
        return key[0];
    return 0;
}

const char *mz_weekday_name(int wd)
{
    static const char *const names[] = {"saturday", "sunday",   "monday", "tuesday",
                                        "wednesday", "thursday", "friday"};
    return wd >= 1 && wd <= 7 ? names[wd - 1] : "";
}

void mz_day_text(const char *key, char *out, size_t cap)
{
    static const char *const relative[] = {"last month", "this month", "next month"};
    static const char *const offsets[] = {"the day before yesterday", "yesterday", "today",
                                          "tomorrow", "the day after tomorrow"};
    int a, b;
    switch (mz_day_parts(key, &a, &b)) {
    case 'w':
        snprintf(out, cap, "%s%s", b < 0 ? "last " : b > 0 ? "next " : "", mz_weekday_name(a));
        if (out[0] >= 'a' && out[0] <= 'z')
            out[0] = (char)(out[0] - 'a' + 'A'); /* Friday, Last friday */
        break;
    case 'o':
        snprintf(out, cap, "%s", a >= -2 && a <= 2 ? offsets[a + 2] : "");
        break;
    case 'r':
        snprintf(out, cap, "%d of %s", a, b >= -1 && b <= 1 ? relative[b + 1] : "a month");
        break;
    case 'd':
        if (b > 100)
            snprintf(out, cap, "%d/%d AH", a, b - 100);
        else
            snprintf(out, cap, "%d/%d", a, b);
        break;
    default: /* "n:": a numeric date whose order is not known names no day */
        snprintf(out, cap, "%s", "");
    }
}

/* Two keys name different days when both are named, of one kind, and
 * differ; but a day counted from the day of writing (o:, "أمس") is each
 * article's own, and two articles' "أمس" may be one day or two, so two
 * such keys left unresolved (no publication date) are never other days;
 * nor is a numeric date whose order is not known. Weekdays differ when
 * they are other weekdays, or one weekday of the last week and of the
 * next ("الخميس الماضي", "الخميس المقبل"); a bare "الخميس" may be either.
 * A Hijri date (its month 101..112) and a Gregorian one are not compared:
 * «4 صفر» 1439 is 24 October 2017, and no calendar is kept here. */
bool mz_other_days(const char *a, const char *b)
{
    if (!a[0] || !b[0] || a[0] != b[0] || !strcmp(a, b) || a[0] == 'o' || a[0] == 'n')
        return false;
    int wa, oa, wb, ob;
    if (a[0] == 'w' && mz_day_parts(a, &wa, &oa) && mz_day_parts(b, &wb, &ob))
        return wa != wb || (oa && ob && oa != ob);
    if (a[0] == 'd' && mz_day_parts(a, &wa, &oa) && mz_day_parts(b, &wb, &ob))
        return (oa > 100) == (ob > 100);
    return true;
}
