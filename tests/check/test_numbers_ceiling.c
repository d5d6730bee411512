/* test_numbers_ceiling.c — the bound a verb before a number gives it
 * (src/check/numbers_ceiling.c): «لن تتجاوز 40» is 40 or less, «تجاوز عدد
 * القتلى 200» 200 or more. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "check/check.h"

/* The bound of the value written `written` in s (fails if none is). */
static int bound_of(const char *s, double value)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    for (size_t i = 0; i < n && i < 8; i++)
        if (v[i].number == value)
            return v[i].bound;
    fail_msg("no %g in «%s»", value, s);
    return 99;
}

/* A negated «exceed» is a ceiling, with the subject between or not, and
 * «لا يزيد/تزيد على/عن» with the subject between. */
static void test_ceilings(void **state)
{
    (void)state;
    assert_int_equal(bound_of("وقالت الأرصاد إن سرعة الرياح لن تتجاوز 40 كم/ساعة", 40), -1);
    assert_int_equal(bound_of("درجات الحرارة لا تتجاوز 40 درجة مئوية", 40), -1);
    assert_int_equal(bound_of("وقال إن المتظاهرين لم يتجاوز عددهم 200 شخص", 200), -1);
    assert_int_equal(bound_of("لن تتجاوز سرعة الرياح 40 كم في الساعة", 40), -1);
    assert_int_equal(bound_of("وأكد أن المبلغ لا يزيد عن 40 ألف دولار", 40000), -1);
    assert_int_equal(bound_of("رواتب لا تزيد على 40 دينارا", 40), -1);
    assert_int_equal(bound_of("ولا يزيد عددهم على 40 مقاتلا", 40), -1);
    assert_int_equal(bound_of("مدة لا يتعدى 40 يوما من الاعتقال", 40), -1);
    assert_int_equal(bound_of("وأكد أن الخسائر لا تتعدى الـ40 مليون دولار", 40000000), -1);
    assert_int_equal(bound_of("قتل ما لا يزيد عن 300 مقاتل", 300), -1);
}

/* Not negated, the same verbs give a floor; «يقل عن» is a ceiling and
 * «لا يقل عن» a floor. */
static void test_floors(void **state)
{
    (void)state;
    assert_int_equal(bound_of("تجاوز عدد القتلى 200 شخص في المدينة", 200), 1);
    assert_int_equal(bound_of("وتجاوزت درجات الحرارة 50 درجة", 50), 1);
    assert_int_equal(bound_of("قتل ما يزيد على 300 مقاتل", 300), 1);
    assert_int_equal(bound_of("قتل ما لا يقل عن 300 مقاتل", 300), 1);
    /* a bracket round the number is no break (baly2018 train R-462) */
    assert_int_equal(bound_of("سقوط ما لا يقل عن ( 60 ) معتقلا مدنيا", 60), 1);
    assert_int_equal(bound_of("عدد يقل عن 300 مقاتل", 300), -1);
}

/* Not a bound: a clause mark between the verb and the number, a number
 * between, the verb with a preposition it does not take, or no verb. */
static void test_not_bounds(void **state)
{
    (void)state;
    assert_int_equal(bound_of("لن تتجاوز الأزمة. وقتل 40 شخصا", 40), 0);
    assert_int_equal(bound_of("تجاوز 3 حواجز و40 جنديا", 40), 0);
    assert_int_equal(bound_of("لا يتجاوز على 40 شخصا", 40), 0);
    assert_int_equal(bound_of("قال الجيش إن 40 شخصا قتلوا", 40), 0);
    assert_int_equal(bound_of("لا يزيد المبلغ الذي دفعته الحكومة للمتضررين 40", 40), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ceilings),
        cmocka_unit_test(test_floors),
        cmocka_unit_test(test_not_bounds),
    };
    return cmocka_run_group_tests_name("check/numbers_ceiling", tests, NULL, NULL);
}
