/* test_days.c — the day a value is told of: days named from the day of
 * writing («أمس», «اليوم», «الخميس الماضي»), numeric dates («15/11/2017»),
 * and how the article's publication date makes them dates, so values of
 * different days are not set against each other and values of one day are.
 * Sentences written for this test in the style of Syrian news wires. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "json/json.h"
#include "store/store.h"
#include "two_voices.h"

#include <cjson/cJSON.h>

static const char *day_of(const char *s)
{
    static mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_true(n >= 1);
    for (size_t i = 0; i < n && i < 8; i++)
        if (v[i].kind != MZ_QTY_DATE)
            return v[i].day;
    fail_msg("no count in «%s»", s);
    return "";
}

static const char *resolved(const char *key, const char *published)
{
    static char out[16];
    mz_day_resolve(key, published, out, sizeof out);
    return out;
}

static bool conflict(const char *claim, const char *a, const char *pa, const char *b,
                     const char *pb)
{
    mz_check_result *r = two_voices(claim, a, pa, b, pb);
    bool c = r->numbers[0].conflict;
    mz_check_result_free(r);
    return c;
}

static const char *claim = "قصف الطيران يقتل مدنيين في البلدة";

/* «أمس», «أول أمس», «اليوم», «غدا» name a day from the day of writing;
 * «الخميس الماضي» is not the bare «الخميس». They named no day (أمس) or the
 * bare weekday (الماضي, المقبل taken for nothing). */
static void test_relative_day_keys(void **state)
{
    (void)state;
    assert_string_equal(day_of("قتل 5 مدنيين أمس في قصف على البلدة"), "o:-1");
    assert_string_equal(day_of("قتل 5 مدنيين مساء أمس في قصف على البلدة"), "o:-1");
    assert_string_equal(day_of("قتل 5 مدنيين أول أمس في قصف على البلدة"), "o:-2");
    assert_string_equal(day_of("قتل 5 مدنيين أول من أمس في البلدة"), "o:-2");
    assert_string_equal(day_of("قتل 5 مدنيين اليوم في قصف على البلدة"), "o:0");
    assert_string_equal(day_of("يفرج اللواء غداً عن 40 أسيرا"), "o:1");
    assert_string_equal(day_of("يفرج اللواء بعد غد عن 40 أسيرا"), "o:2");
    assert_string_equal(day_of("قتل 8 أشخاص يوم الخميس الماضي"), "w:6/-1");
    assert_string_equal(day_of("يفرج اللواء عن 40 أسيرا الخميس المقبل"), "w:6/1");
    assert_string_equal(day_of("قتل 8 أشخاص يوم الخميس"), "w:6");
    /* «اليوم الخميس»: the weekday; «اليوم التالي» names no day of writing */
    assert_string_equal(day_of("قتل 8 أشخاص اليوم الخميس"), "w:6");
    assert_string_equal(day_of("توفي 3 جرحى في اليوم التالي"), "");
    char text[40];
    mz_day_text("o:-1", text, sizeof text);
    assert_string_equal(text, "yesterday");
    mz_day_text("w:6/-1", text, sizeof text);
    assert_string_equal(text, "Last thursday");
}

/* A Hijri date and a Gregorian one cannot be told apart without a
 * calendar: «4 صفر» 1439 is 24 October 2017, the «أمس» of an article of
 * the 25th. Two keys of kind 'd' were other days whenever they differed, so
 * 5 against 30 killed went unflagged; two Hijri dates still differ. */
/* A bare weekday in a clause of the future or a forecast is the coming
 * one: «قد تصل إلى 52 درجة الخميس» in an article of Monday 13 July 2026 is
 * Thursday 16 July; it was taken for the last Thursday, 9 July. A past verb
 * keeps the past («سجلت … الخميس», «قد وصلت»). */
static void test_future_weekday(void **state)
{
    (void)state;
    const char *future[] = {
        "وقالت هيئة الأرصاد إن الحرارة قد تصل إلى 52 درجة الخميس",
        "ويتوقع أن تصل درجات الحرارة إلى 50 درجة الخميس",
        "ومن المتوقع أن تبلغ الحرارة 50 درجة يوم الخميس",
        "وستشهد المدينة أمطارا تصل إلى 40 ملم الخميس",
        "وسوف يصل 300 جندي يوم الخميس",
        "يوم الخميس ستصل الحرارة إلى 50 درجة",
    };
    for (size_t i = 0; i < sizeof future / sizeof *future; i++) {
        const char *key = day_of(future[i]);
        if (strcmp(key, "w:6/1"))
            fail_msg("«%s»: %s, not the coming thursday", future[i], key);
        assert_string_equal(resolved(key, "2026-07-13"), "d:16/7");
    }
    const char *past[] = {
        "سجلت درجات الحرارة 44 درجة مئوية الخميس",
        "وقال إن الحرارة قد وصلت إلى 50 درجة الخميس",
        "وكانت الحرارة قد بلغت 50 درجة الخميس",
        "وصلت 300 سيارة يوم الخميس",
        "قال إن الحرارة ستنخفض، وسجلت 44 درجة الخميس",
        /* a weekday with its date: a page's dateline after a headline */
        "الحرب قد تستمر بأوجه أخرى العدد 6045 الخميس 9 يوليو 2026",
        /* a place's name that begins as a future سـ does: «سيرانيا» (the
         * elections desk's country) took the election held on Sunday for
         * the coming Sunday; Singapore, Stockholm, Sydney alike */
        "أعلنت المفوضية في سيرانيا أن الانتخابات التي جرت الخميس شهدت مشاركة 41%",
        "وصل 12 وزيرا إلى سنغافورة الخميس",
        "وقعت 3 دول اتفاقا في ستوكهولم الخميس",
        "افتتح معرض يضم 300 لوحة في سيدني الخميس",
    };
    for (size_t i = 0; i < sizeof past / sizeof *past; i++) {
        const char *key = day_of(past[i]);
        if (strcmp(key, "w:6"))
            fail_msg("«%s»: %s, not a bare thursday", past[i], key);
        assert_string_equal(resolved(key, "2026-07-13"), "d:9/7");
    }
}

static void test_hijri_not_gregorian(void **state)
{
    (void)state;
    assert_string_equal(day_of("قتل 30 مدنيا يوم 4 صفر في قصف على البلدة"), "d:4/102");
    assert_false(mz_other_days("d:4/102", "d:24/10"));
    assert_false(mz_other_days("d:24/10", "d:4/102"));
    assert_true(mz_other_days("d:4/102", "d:5/102"));
    assert_true(mz_other_days("d:23/10", "d:24/10"));
    assert_true(conflict(claim, "قتل 5 مدنيين أمس في قصف على البلدة", "2017-10-25",
                         "قتل 30 مدنيا يوم 4 صفر في قصف على البلدة", NULL));
}

/* Without a publication date: other weekdays, and one weekday of the last
 * week and of the next, are other days; a bare weekday may be either, and
 * two articles' «أمس» may be one day. */
static void test_other_days_unresolved(void **state)
{
    (void)state;
    assert_true(mz_other_days("w:6/-1", "w:6/1"));
    assert_true(mz_other_days("w:6/-1", "w:7"));
    assert_false(mz_other_days("w:6", "w:6/-1"));
    assert_false(mz_other_days("o:-1", "o:0"));
    assert_false(mz_other_days("o:-1", "o:-1"));
    /* the released of «الخميس الماضي» are not those of «الخميس المقبل»; they
     * were one day, "w:6", and 25 against 40 a conflict */
    const char *c = "أفرج لواء الوادي عن أسرى من القوات الحكومية";
    assert_false(conflict(c, "وكان اللواء قد أفرج عن 25 أسيرا الخميس الماضي", NULL,
                          "وسيفرج اللواء عن 40 أسيرا الخميس المقبل", NULL));
    assert_true(conflict(c, "وكان اللواء قد أفرج عن 25 أسيرا الخميس الماضي", NULL,
                         "أفرج اللواء عن 40 أسيرا يوم الخميس", NULL));
    /* two «أمس» with no publication date: compared, as values with no day */
    assert_true(conflict(claim, "قتل 5 مدنيين أمس في قصف على البلدة", NULL,
                         "قتل 30 مدنيا أمس في قصف على البلدة", NULL));
}

/* The publication date makes a day named from it a date. 16 October 2017
 * was a Monday, the 19th a Thursday. */
static void test_resolve_by_published(void **state)
{
    (void)state;
    assert_string_equal(resolved("o:-1", "2017-10-16"), "d:15/10");
    assert_string_equal(resolved("o:-2", "2017-10-16T08:30:00+03:00"), "d:14/10");
    assert_string_equal(resolved("o:0", "Mon, 16 Oct 2017 08:30:00 +0000"), "d:16/10");
    assert_string_equal(resolved("o:1", "2017-10-31"), "d:1/11");
    assert_string_equal(resolved("o:-1", "2018-01-01"), "d:31/12");
    assert_string_equal(resolved("w:2", "2017-10-16"), "d:15/10");   /* الأحد: yesterday */
    assert_string_equal(resolved("w:6", "2017-10-19"), "d:19/10");   /* الخميس: today */
    assert_string_equal(resolved("w:6/-1", "2017-10-19"), "d:12/10"); /* الخميس الماضي */
    assert_string_equal(resolved("w:6/1", "2017-10-19"), "d:26/10");  /* الخميس المقبل */
    assert_string_equal(resolved("w:6", "2017-10-16"), "d:12/10");
    assert_string_equal(resolved("r:23/0", "2017-10-30"), "d:23/10");
    assert_string_equal(resolved("r:23/-1", "2017-01-05"), "d:23/12");
    assert_string_equal(resolved("d:15/10", "2017-10-30"), "d:15/10");
    /* no date, or one not understood: as said */
    assert_string_equal(resolved("o:-1", NULL), "o:-1");
    assert_string_equal(resolved("o:-1", "منذ ساعتين"), "o:-1");
    assert_string_equal(resolved("w:6/-1", "2017-13-40"), "w:6/-1");
    int y, m, d;
    assert_true(mz_published_date("Thu, 19 Oct 2017 10:00:00 GMT", &y, &m, &d));
    assert_true(y == 2017 && m == 10 && d == 19);
    assert_false(mz_published_date("2017-02-30", &y, &m, &d));
    /* one of no zone, as an older store kept it: its day */
    assert_string_equal(resolved("o:-1", "Mon, 16 Oct 2017 08:30:00"), "d:15/10");
    /* a feed's date as the store keeps it: «أمس» in a report of 01:30 in
     * Damascus on the 10th is the 9th; the store once moved the date to
     * UTC (the 9th, 22:30), and «أمس» became the 8th */
    char iso[MZ_ISO_DATE_MAX];
    assert_true(mz_rfc822_date("Tue, 10 Oct 2017 01:30:00 +0300", iso));
    assert_string_equal(resolved("o:-1", iso), "d:9/10");
}

/* «أمس» in a report of 17 October is the 16th, not «الأحد 15 تشرين الأول»
 * of another: two days' tolls, which were set against each other (the
 * first named no day). In a report of the 16th it is the 15th: one day,
 * and 5 against 30 is a conflict. */
static void test_yesterday_against_a_date(void **state)
{
    (void)state;
    const char *a = "قتل 5 مدنيين أمس في قصف على البلدة";
    const char *b = "قتل 30 مدنيا يوم الأحد 15 تشرين الأول في قصف على البلدة";
    assert_false(conflict(claim, a, "2017-10-17", b, "2017-10-16"));
    assert_true(conflict(claim, a, "2017-10-16", b, "2017-10-17"));
    /* the same bare weekday a week apart: the Thursday of a report of the
     * 19th is not that of a report of Friday the 13th */
    const char *t1 = "قتل 5 مدنيين الخميس في قصف على البلدة";
    const char *t2 = "قتل 30 مدنيا يوم الخميس في قصف على البلدة";
    assert_false(conflict(claim, t1, "2017-10-19", t2, "2017-10-13"));
    assert_true(conflict(claim, t1, "2017-10-19", t2, "2017-10-20"));
    assert_true(conflict(claim, t1, NULL, t2, NULL));
}

/* A numeric date names its day where the numbers decide the order: a part
 * over 12 is the day («15/11/2017», «11/15/2017»), a year first is year,
 * month, day («2017/11/15»), «5/5» is either way; «3/4» is 3 April or 4
 * March, and only the publication date settles it. They named no day, so a
 * timeline's «15/10/2017» and «17/10/2017» tolls were set against each
 * other. */
static void test_numeric_dates(void **state)
{
    (void)state;
    assert_string_equal(day_of("قتل 5 مدنيين في 15/11/2017 في قصف على البلدة"), "d:15/11");
    assert_string_equal(day_of("قتل 5 مدنيين في 11/15/2017 في قصف على البلدة"), "d:15/11");
    assert_string_equal(day_of("قتل 5 مدنيين بتاريخ 2017/11/15 في البلدة"), "d:15/11");
    assert_string_equal(day_of("قتل 5 مدنيين بتاريخ ٢٠١٧/١١/١٥ في البلدة"), "d:15/11");
    assert_string_equal(day_of("قتل 5 مدنيين بتاريخ 16 - 12 - 2014 في البلدة"), "d:16/12");
    assert_string_equal(day_of("قتل 5 مدنيين في 5/5 في قصف على البلدة"), "d:5/5");
    assert_string_equal(day_of("قتل 5 مدنيين في 3/4/2017 في قصف على البلدة"), "n:3/4");
    assert_string_equal(day_of("قتل 5 مدنيين في 11.10.2017 في البلدة"), "n:11/10");
    /* not dates: a range, a clock time, a year in the middle */
    assert_string_equal(day_of("قتل 5 مدنيين الساعة 19:23 في البلدة"), "");
    assert_string_equal(day_of("قتل 5 مدنيين في 12/2017/11 في البلدة"), "");
    /* the reading within a week (else a month) before the day published */
    assert_string_equal(resolved("n:3/4", "2017-04-05"), "d:3/4");
    assert_string_equal(resolved("n:3/4", "2017-03-06"), "d:4/3");
    assert_string_equal(resolved("n:3/4", "2017-08-01"), "");
    assert_string_equal(resolved("n:3/4", NULL), "");
    /* a timeline's two days are two tolls; one day's are set side by side */
    assert_false(conflict(claim, "قتل 5 مدنيين في 15/10/2017 في قصف على البلدة", NULL,
                          "قتل 30 مدنيا في 17/10/2017 في قصف على البلدة", NULL));
    assert_true(conflict(claim, "قتل 5 مدنيين في 15/10/2017 في قصف على البلدة", NULL,
                         "قتل 30 مدنيا يوم 15 تشرين الأول في قصف على البلدة", NULL));
    /* «3/4» of unknown order is no day: compared, unless the date settles it */
    assert_true(conflict(claim, "قتل 5 مدنيين في 3/4 في قصف على البلدة", NULL,
                         "قتل 30 مدنيا في 5/4 في قصف على البلدة", NULL));
    assert_false(conflict(claim, "قتل 5 مدنيين في 3/4 في قصف على البلدة", "2017-04-05",
                          "قتل 30 مدنيا في 5/4 في قصف على البلدة", "2017-04-05"));
}

/* The JSON gives the date and, beside it, the day as written. */
static void test_day_json(void **state)
{
    (void)state;
    mz_check_result *r = two_voices(claim, "قتل 5 مدنيين أمس في قصف على البلدة", "2017-10-16",
                                 "قتل 30 مدنيا في قصف على البلدة الخميس الماضي", NULL);
    cJSON *j = mz_json_check(r);
    assert_non_null(j);
    const cJSON *vals = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "numbers"), 0),
                                            "values");
    assert_int_equal(cJSON_GetArraySize(vals), 2);
    const cJSON *d0 = cJSON_GetObjectItem(cJSON_GetArrayItem(vals, 0), "day");
    assert_non_null(cJSON_GetObjectItem(d0, "month"));
    assert_non_null(cJSON_GetObjectItem(d0, "as_written"));
    assert_int_equal(cJSON_GetObjectItem(d0, "day")->valueint, 15);
    assert_int_equal(cJSON_GetObjectItem(d0, "month")->valueint, 10);
    const cJSON *said = cJSON_GetObjectItem(d0, "as_written");
    assert_int_equal(cJSON_GetObjectItem(said, "days_from_published")->valueint, -1);
    const cJSON *d1 = cJSON_GetObjectItem(cJSON_GetArrayItem(vals, 1), "day");
    assert_non_null(cJSON_GetObjectItem(d1, "week_offset"));
    assert_string_equal(cJSON_GetObjectItem(d1, "weekday")->valuestring, "thursday");
    assert_int_equal(cJSON_GetObjectItem(d1, "week_offset")->valueint, -1);
    assert_null(cJSON_GetObjectItem(d1, "as_written"));
    cJSON_Delete(j);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_relative_day_keys),
        cmocka_unit_test(test_other_days_unresolved),
        cmocka_unit_test(test_hijri_not_gregorian),
        cmocka_unit_test(test_resolve_by_published),
        cmocka_unit_test(test_yesterday_against_a_date),
        cmocka_unit_test(test_numeric_dates),
        cmocka_unit_test(test_day_json),
        cmocka_unit_test(test_future_weekday),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
