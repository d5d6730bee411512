/* test_numbers_out_of.c — a count told out of its whole, «58 مقعدا من أصل
 * 150», is made exactly: a claim of 68 seats is not met by it, as the rough
 * counts' 10% allowance on each side let it be (the elections desk's
 * story), and the same figure told elsewhere without the whole is held to
 * it too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "two_voices.h"

/* Whether the value of s whose number is x is marked out_of (it must have
 * one). */
static bool out_of(const char *s, double x)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    for (size_t i = 0; i < n && i < 8; i++)
        if (v[i].number == x)
            return v[i].out_of;
    fail_msg("no value %g in «%s»", x, s);
    return false;
}

static void test_out_of_figures(void **state)
{
    (void)state;
    assert_true(out_of("حصل حزب النهضة الوطني على 58 مقعدا من أصل 150 في مجلس النواب", 58));
    assert_true(out_of("غرق 5 من أصل 12 راكبا كانوا على متن القارب", 5));
    assert_true(out_of("برأت المحكمة 3 متهمين من أصل 14 متهما", 3));
    assert_false(out_of("برأت المحكمة 3 متهمين من أصل 14 متهما", 14)); /* the whole */
    /* no whole, a whole smaller than the part, «من بين», a bound */
    assert_false(out_of("حصل حزب النهضة الوطني على 58 مقعدا في مجلس النواب", 58));
    assert_false(out_of("قتل 12 شخصا من بين 40 راكبا", 12));
    assert_false(out_of("حصل الحزب على أكثر من 58 مقعدا من أصل 150", 58));
    assert_false(out_of("وصل 300 مهاجر من أصل 12 دولة", 300));
}

/* The claim's 68 seats against the 58 of 150 and the 58 another source
 * tells without the whole: no source gives the claim's figure. */
static void test_wrong_seat_count_unmatched(void **state)
{
    (void)state;
    const char *a = "حصل حزب النهضة الوطني على 58 مقعدا من أصل 150 في مجلس النواب";
    const char *b = "وبقي حزب النهضة الوطني في صدارة مجلس النواب بـ 58 مقعدا";
    mz_check_result *r = two_voices("حصل حزب النهضة الوطني على 68 مقعدا في مجلس النواب", a, NULL, b,
                                    NULL);
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->has_claim_value);
    assert_true(q->claim_unmatched);
    mz_check_result_free(r);
    /* the claim's own figure, and one written to the tens, are met */
    r = two_voices("حصل حزب النهضة الوطني على 58 مقعدا في مجلس النواب", a, NULL, b, NULL);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
    r = two_voices("حصل حزب النهضة الوطني على 60 مقعدا في مجلس النواب", a, NULL, b, NULL);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
}

/* A rough count with no whole keeps the allowance: 58 and 62 dead. */
static void test_rough_count_keeps_allowance(void **state)
{
    (void)state;
    mz_check_result *r = two_voices("قتل 62 شخصا في انفجار الميناء", "قتل 58 شخصا في انفجار الميناء",
                                    NULL, "وأسفر انفجار الميناء عن مقتل 58 شخصا", NULL);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_out_of_figures),
        cmocka_unit_test(test_wrong_seat_count_unmatched),
        cmocka_unit_test(test_rough_count_keeps_allowance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
