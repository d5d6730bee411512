/* test_numbers_last_month.c — the previous month's figure is an earlier one
 * (src/check/numbers_last_month.c): «26.4% في أيلول مقابل 24.9% في آب» gave
 * August's figure as a plain value (none at all: it named no noun), so a
 * claim of 24.9% in September was told only that no source gives it.
 * Sentences written for the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "two_voices.h"
#include "value_of.h"

static const char *const SEPT =
    "ارتفع التضخم السنوي في البلاد إلى 26.4% في أيلول مقابل 24.9% في آب، بحسب بيانات الإحصاء";

static void test_marks(void **state)
{
    (void)state;
    mz_number aug = value_of(SEPT, 24.9);
    assert_true(aug.earlier && aug.last_period);
    assert_int_equal(aug.last_month, 8);
    assert_string_equal(aug.noun_key, value_of(SEPT, 26.4).noun_key); /* of what 26.4% is */
    assert_int_equal(aug.per, 'y');
    assert_false(value_of(SEPT, 26.4).earlier);
    /* December before January */
    assert_int_equal(value_of("سجل 30 حالة في كانون الثاني مقابل 20 في كانون الأول", 20).last_month, 12);
    /* not the month before; «الشهر الماضي» is the latest reading's month */
    assert_false(value_of("سجل 30 حالة في أيلول مقابل 20 في تموز", 20).earlier);
    assert_false(value_of("ارتفع التضخم 5% مقارنة بالشهر الماضي", 5).earlier);
    assert_false(value_of("ارتفع التضخم في البلاد إلى 18.5% الشهر الماضي", 18.5).earlier);
}

/* The claim gives August's figure as September's: the previous month's. A
 * claim of August's figure is of August: it is given. */
static void test_claim(void **state)
{
    (void)state;
    mz_check_result *r = two_voices("بلغ التضخم السنوي في البلاد 24.9% في أيلول", SEPT, NULL,
                                    "وقال محللون إن الأسعار ارتفعت", NULL);
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->claim_unmatched && q->claim_earlier && q->claim_last_period);
    assert_true(q->claim_last_month);
    mz_check_result_free(r);
    r = two_voices("بلغ التضخم السنوي في البلاد 24.9% في آب", SEPT, NULL,
                   "وقال محللون إن الأسعار ارتفعت", NULL);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks),
        cmocka_unit_test(test_claim),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
