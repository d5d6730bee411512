/* test_plan_before_move.c — a report of the plan, published before the
 * event was reported moved off the claim's day, tells the plan, not the
 * event (plan_before_move.c): shown, not weighed (verdict.c), and the
 * reason says so (reason_moved.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "check/check.h"
#include "dated_voices.h"

#include <stdlib.h>
#include <string.h>

static const char *const claim = "وصل وزير خارجية نوران إلى تارسيا يوم الأحد 9 آذار";
static const char *const plan = "يصل وزير الخارجية النوراني سامر الحداد إلى عاصمة تارسيا الأحد 9 "
                                "آذار في زيارة تستغرق يومين";
static const char *const moved = "أعلنت وزارة الخارجية النورانية الأربعاء تأجيل زيارة الوزير سامر "
                                 "الحداد إلى تارسيا، التي كانت مقررة الأحد 9 آذار، إلى الأسبوع "
                                 "المقبل لأسباب لوجستية";

/* Two voices read agree, one sentence each: the plan published on
 * plan_day (NULL: unknown), the postponement on 2025-03-05; the numbers
 * read and the verdict decided. */
static mz_check_result *decided(const char *plan_day)
{
    const char *body[2] = {plan, moved}, *pub[2] = {plan_day, "2025-03-05"};
    const char *const site[2] = {"akhbar-alyawm.example", "sada-news.example"};
    mz_check_result *r = agreeing_voices(claim, body, pub, site, 2);
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    return r;
}

/* The plan of 2 March, the postponement of 5 March: the plan is not
 * weighed, the claim is refuted, and the reason says why. */
static void test_plan_not_weighed(void **state)
{
    (void)state;
    mz_check_result *r = decided("2025-03-02");
    assert_true(r->voices[1].moved_day);
    assert_true(r->voices[0].plan_before_move);
    assert_int_equal(r->verdict, MZ_REFUTED);
    assert_non_null(strstr(r->reason, "1 earlier report (akhbar-alyawm.example, 2025-03-02) gave "
                                      "the claim's day before the event was reported off it "
                                      "(2025-03-05): the plan then, not the event; not weighed."));
    assert_non_null(strstr(r->reason_ar, "وذكر تقرير سابق (akhbar-alyawm.example، 2025-03-02)"));
    assert_null(strstr(r->reason, "report it (akhbar-alyawm.example"));
    mz_check_result_free(r);
}

/* The same report published after the postponement's, or on no known day,
 * still gives the claim's day: weighed as before (disputed). */
static void test_later_or_undated_weighed(void **state)
{
    (void)state;
    const char *days[] = {"2025-03-06", "2025-03-05", NULL};
    for (size_t k = 0; k < 3; k++) {
        mz_check_result *r = decided(days[k]);
        assert_true(r->voices[1].moved_day);
        assert_false(r->voices[0].plan_before_move);
        assert_int_equal(r->verdict, MZ_DISPUTED);
        assert_null(strstr(r->reason, "earlier report"));
        mz_check_result_free(r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_not_weighed),
        cmocka_unit_test(test_later_or_undated_weighed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
