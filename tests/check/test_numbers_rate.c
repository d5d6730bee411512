/* test_numbers_rate.c — a rate is not a total: barrels a day and barrels a
 * month are two figures (src/check/numbers_rate.c, collect_numbers.c).
 * «45 مليون برميل … شهريا» was the same quantity as a claim's 45 million
 * barrels a day, and stood in a conflict beside the daily 1.5 million.
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

static void test_marks(void **state)
{
    (void)state;
    assert_int_equal(value_of("وتنتج زاهرة 10.2 مليون برميل يوميا", 10.2e6).per, 'd');
    assert_int_equal(value_of("ويعني الخفض سحب نحو 45 مليون برميل من السوق شهريا", 45e6).per, 'm');
    assert_int_equal(value_of("وتصدر البلاد 300 مليون برميل سنويا", 300e6).per, 'y');
    const char *from_to = "إذ ينخفض إنتاجها من 10.2 مليون برميل يوميا إلى 9.7 مليون برميل يوميا";
    assert_int_equal(value_of(from_to, 10.2e6).per, 'd');
    assert_int_equal(value_of(from_to, 9.7e6).per, 'd');
    /* none said, or the adverb of another clause or of the next value */
    assert_int_equal(value_of("بلغ إنتاج زاهرة في العام الماضي نحو 3.6 مليار برميل", 3.6e9).per, 0);
    assert_int_equal(value_of("تنتج 10 ملايين برميل، ويصدر يوميا 7 ملايين برميل", 10e6).per, 0);
    assert_int_equal(value_of("تنتج 10 ملايين برميل و7 ملايين برميل يوميا", 10e6).per, 0);
    assert_int_equal(value_of("أنتجت 10 ملايين برميل. ويوميا تصدر الكثير", 10e6).per, 0);
    /* a percentage is no rate of a period */
    assert_int_equal(value_of("ارتفع الإنتاج 4% يوميا", 4).per, 0);
}

/* The claim's 45 million barrels a day: a source's 45 million a month does
 * not give it, and is not set against another's 1.5 million a day. */
static void test_claim_per_day(void **state)
{
    (void)state;
    const char *claim = "خفض تحالف منتجي الرمال إنتاجه 45 مليون برميل يوميا";
    const char *monthly = "ويعني خفض تحالف منتجي الرمال إنتاجه سحب نحو 45 مليون برميل من السوق شهريا";
    const char *daily = "قرر تحالف منتجي الرمال خفض الإنتاج بمقدار 1.5 مليون برميل يوميا";
    mz_check_result *r = two_voices(claim, monthly, NULL, daily, NULL);
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->has_claim_value);
    assert_int_equal(q->claim_per, 'd');
    assert_int_equal(q->n_values, 2);
    assert_true(q->claim_unmatched); /* no source gives 45 million a day */
    assert_false(q->conflict);       /* a month's figure against a day's */
    for (size_t i = 0; i < q->n_values; i++)
        assert_int_equal(q->values[i].per, q->values[i].number == 45e6 ? 'm' : 'd');
    mz_check_result_free(r);
    /* the same period still conflicts, and a figure with none said meets both */
    r = two_voices(claim, "سحب نحو 45 مليون برميل يوميا من السوق", NULL, daily, NULL);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
    r = two_voices("ينتج التحالف 30 مليون برميل يوميا", "وينتج التحالف 30 مليون برميل", NULL,
                   "وينتج التحالف 40 مليون برميل يوميا", NULL);
    assert_true(r->numbers[0].conflict);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks),
        cmocka_unit_test(test_claim_per_day),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
