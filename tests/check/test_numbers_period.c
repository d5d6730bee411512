/* test_numbers_period.c — a percentage's period: the annual and the monthly
 * rise are two figures (src/check/numbers_period.c, collect_numbers.c
 * mark_other_period). A claim of a monthly inflation of 26.4% was "given"
 * by the annual 26.4%. Sentences written for the test. */
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
    assert_int_equal(value_of("ارتفع التضخم السنوي في البلاد إلى 26.4% في أيلول", 26.4).per, 'y');
    assert_int_equal(value_of("وعلى أساس شهري بلغ التضخم 1.7% في أيلول", 1.7).per, 'm');
    assert_int_equal(value_of("وارتفعت أسعار الغذاء 3.2% على أساس شهري", 3.2).per, 'm');
    assert_int_equal(value_of("سجل النمو الفصلي 1.2%", 1.2).per, 'q');
    const char *two = "نما الاقتصاد 2% على أساس فصلي، و5% على أساس سنوي";
    assert_int_equal(value_of(two, 2).per, 'q');
    assert_int_equal(value_of(two, 5).per, 'y');
    /* the claim's «على أساس شهري إلى 26.4%»: the noun before the phrase */
    mz_number c = value_of("ارتفع التضخم في البلاد على أساس شهري إلى 26.4% في أيلول", 26.4);
    assert_int_equal(c.per, 'm');
    assert_string_equal(c.noun_key, "تضخم");
    /* none said: a phrase of another clause, an adverb, a report's adjective */
    assert_int_equal(value_of("ارتفع التضخم على أساس سنوي، وبلغت البطالة 12%", 12).per, 0);
    assert_int_equal(value_of("ارتفع الإنتاج 4% يوميا", 4).per, 0);
    assert_int_equal(value_of("وأظهر التقرير السنوي أن البطالة بلغت 12%", 12).per, 0);
    assert_int_equal(value_of("بلغ التضخم 5% في آب", 5).per, 0);
}

/* The claim's monthly 26.4%: a source's annual 26.4% does not give it, and
 * is listed off the claim as another period's. */
static void test_claim_other_period(void **state)
{
    (void)state;
    const char *claim = "ارتفع التضخم في البلاد على أساس شهري إلى 26.4% في أيلول";
    const char *annual = "ارتفع التضخم السنوي في البلاد إلى 26.4% في أيلول";
    mz_check_result *r = two_voices(claim, annual, NULL, "وقال محللون إن الأسعار ارتفعت", NULL);
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->has_claim_value);
    assert_int_equal(q->claim_per, 'm');
    assert_true(q->claim_unmatched);
    assert_true(q->claim_other_period);
    assert_int_equal(q->values[0].per, 'y');
    assert_true(q->values[0].off_claim);
    mz_check_result_free(r);
    /* the claim's period gives it; a figure of no period said meets both */
    r = two_voices(claim, "وعلى أساس شهري ارتفع التضخم في البلاد إلى 26.4%", NULL,
                   "وقال محللون إن الأسعار ارتفعت", NULL);
    assert_false(r->numbers[0].claim_unmatched);
    assert_false(r->numbers[0].claim_other_period);
    mz_check_result_free(r);
    r = two_voices(claim, "ارتفع التضخم في البلاد إلى 26.4% في أيلول", NULL,
                   "وقال محللون إن الأسعار ارتفعت", NULL);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
    /* an annual claim meets the annual figure */
    r = two_voices("ارتفع التضخم السنوي في البلاد إلى 26.4%", annual, NULL,
                   "وقال محللون إن الأسعار ارتفعت", NULL);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks),
        cmocka_unit_test(test_claim_other_period),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
