/* test_numbers_other_day.c — a date written as an ordinal («الأول من
 * كانون الأول») carries its day as a digit date does ("d:1/12"), so the
 * claim's day and a source's meet (numbers.c); and a claim of the right
 * event on the wrong day is not supported (claim_day.c
 * mz_mark_other_day, verdict.c weigh_moved_day, reason_moved.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "check/numbers.h"
#include "check/check.h"
#include "dated_voices.h"

#include <stdlib.h>
#include <string.h>

/* The first date of s, which must be there. */
static mz_number date_of(const char *s)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    for (size_t k = 0; k < n && k < 8; k++)
        if (v[k].kind == MZ_QTY_DATE)
            return v[k];
    fail_msg("no date in %s", s);
    return v[0];
}

static void test_ordinal_day_string(void **state)
{
    (void)state;
    assert_string_equal(date_of("يبدأ تطبيق الخفض اعتبارا من الأول من كانون الأول").day, "d:1/12");
    assert_string_equal(date_of("تنطلق الحملة في العاشر من تموز المقبل").day, "d:10/7");
    assert_string_equal(date_of("ويبدأ العمل بالقرار في الخامس عشر من آذار").day, "d:15/3");
    /* as the digit date writes it */
    assert_string_equal(date_of("يبدأ تطبيق الخفض في 1 كانون الأول").day, "d:1/12");
}

/* Two agreeing voices, one sentence each (published 2026-11-28), the
 * numbers read and the verdict decided. */
static mz_check_result *decided(const char *claim, const char *a, const char *b)
{
    const char *body[2] = {a, b};
    const char *const pub_of[2] = {"2026-11-28", "2026-11-28"};
    const char *const site[2] = {"wakalat-albahr.example", "naft-today.example"};
    mz_check_result *r = agreeing_voices(claim, body, pub_of, site, 2);
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    return r;
}

static const char *const cut_a = "قرر تحالف منتجي الرمال خفض الإنتاج بمقدار 1.5 مليون برميل يوميا "
                                 "اعتبارا من الأول من كانون الأول";
static const char *const cut_b = "ويبدأ تطبيق خفض إنتاج تحالف الرمال في 1 كانون الأول المقبل";

/* The cut starts on 1 December in both sources: a claim of 1 January is
 * wrong as stated, and the reason names both days. */
static void test_wrong_day_not_supported(void **state)
{
    (void)state;
    mz_check_result *r = decided("يبدأ خفض إنتاج تحالف الرمال في الأول من كانون الثاني", cut_a, cut_b);
    assert_true(r->voices[0].gives_other_day);
    assert_true(r->voices[1].gives_other_day);
    assert_true(r->voices[0].other_day);
    assert_int_equal(r->voices[0].stance, MZ_DISAGREE);
    assert_int_not_equal(r->verdict, MZ_SUPPORTED);
    assert_non_null(strstr(r->reason, "The sources give another day for the event: 2026-12-01"));
    assert_non_null(strstr(r->reason, "the claim's day is 2027-01-01"));
    assert_non_null(strstr(r->reason_ar, "وتذكر المصادر للحدث يوما آخر: 2026-12-01"));
    mz_check_result_free(r);
}

/* The claim's own day, however written: supported, nothing marked. */
static void test_right_day_supported(void **state)
{
    (void)state;
    mz_check_result *r = decided("يبدأ خفض إنتاج تحالف الرمال في 1 كانون الأول", cut_a, cut_b);
    assert_false(r->voices[0].gives_other_day || r->voices[1].gives_other_day);
    assert_int_equal(r->verdict, MZ_SUPPORTED);
    mz_check_result_free(r);
}

/* A sentence's other dates are not the event's: another event's day (the
 * meeting), «منذ», a window; and a claim with no full day moves nothing. */
static void test_other_dates_move_nothing(void **state)
{
    (void)state;
    const char *claim = "يبدأ خفض إنتاج تحالف الرمال في الأول من كانون الثاني";
    mz_check_result *r = decided(claim, "يعقد وزراء تحالف الرمال اجتماعهم المقبل في 4 حزيران",
                                 "وقال الوزير إن إنتاج تحالف الرمال يتراجع منذ 1 آذار");
    assert_false(r->voices[0].gives_other_day || r->voices[1].gives_other_day);
    mz_check_result_free(r);
    r = decided(claim, "ويطبق تحالف الرمال خفض الإنتاج في الفترة من 1 إلى 10 كانون الأول",
                "ويبدأ خفض إنتاج تحالف الرمال في 1 حتى 5 كانون الأول");
    assert_false(r->voices[0].gives_other_day || r->voices[1].gives_other_day);
    mz_check_result_free(r);
    r = decided("يبدأ خفض إنتاج تحالف الرمال الشهر المقبل", cut_a, cut_b);
    assert_false(r->voices[0].gives_other_day || r->voices[1].gives_other_day);
    assert_int_equal(r->verdict, MZ_SUPPORTED);
    mz_check_result_free(r);
}

/* The claim's ordinal date is its day's words, not its event's: «العاشر
 * من كانون الثاني» leaves neither «العاشر» nor the month's «الثاني» among
 * the words a source's sentence must hold to tell the claim's event
 * (claim_day.c mz_claim_event_stems), so a sentence of the cut with three of
 * its five event words and another day is read as the event on another day. */
static void test_ordinal_not_event_word(void **state)
{
    (void)state;
    const char *src = "ويطبق التحالف خفض الإنتاج اعتبارا من 1 كانون الأول";
    mz_check_result *r =
        decided("يبدأ خفض إنتاج تحالف الرمال في العاشر من كانون الثاني", src, cut_b);
    assert_true(r->voices[0].gives_other_day);
    mz_check_result_free(r);
    /* the same claim with its day in digits: the same reading */
    r = decided("يبدأ خفض إنتاج تحالف الرمال في 10 كانون الثاني", src, cut_b);
    assert_true(r->voices[0].gives_other_day);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ordinal_day_string),
        cmocka_unit_test(test_wrong_day_not_supported),
        cmocka_unit_test(test_right_day_supported),
        cmocka_unit_test(test_other_dates_move_nothing),
        cmocka_unit_test(test_ordinal_not_event_word),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
