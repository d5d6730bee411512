/* test_numbers_last_period.c — a value told of the last year or season
 * («العام الماضي») is an earlier figure (numbers_earlier.c:
 * mz_num_mark_last_period), unless the claim itself tells that year's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "check/numbers.h"
#include "two_voices.h"

/* Whether the k-th value of s is told as an earlier figure. */
static bool earlier_of(const char *s, size_t k)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_true(n > k);
    return v[k].earlier;
}

/* «بلغت نسبة النجاح 68.4%، مقابل 61.2% العام الماضي»: the 61.2% is last
 * year's, and a claim that gave it as this year's read it as given. */
static void test_marks(void **state)
{
    (void)state;
    const char *s = "بلغت نسبة النجاح في الامتحانات 68.4%، مقابل 61.2% العام الماضي";
    assert_false(earlier_of(s, 0));
    assert_true(earlier_of(s, 1));
    assert_true(earlier_of("وكانت نسبة النجاح العام الماضي 61.2%", 0));
    assert_true(earlier_of("وبلغ عدد المتقدمين في السنة الماضية 398 ألف طالب", 0));
    assert_true(earlier_of("وسجل الفريق 41 هدفا في الموسم السابق", 0));
    /* a window or a base of comparison: the value is the current one */
    assert_false(earlier_of("قتل 500 شخص خلال العام الماضي في المحافظة", 0));
    assert_false(earlier_of("ارتفع عدد الطلاب إلى 412 ألفا مقارنة بالعام الماضي", 0));
    assert_false(earlier_of("تقدم 412 ألف طالب منذ العام الماضي", 0));
    /* a rise over last year is this year's rise, and the level before it
     * is this year's too */
    const char *rise = "بلغت نسبة النجاح 68.4% بارتفاع 7.2 نقطة العام الماضي";
    assert_false(earlier_of(rise, 0));
    assert_false(earlier_of(rise, 1));
    /* not past a full stop, nor another period */
    assert_false(earlier_of("بلغت نسبة النجاح 68.4%. وفي العام الماضي تراجعت", 0));
    assert_false(earlier_of("بلغت نسبة النجاح 68.4% في العام الحالي", 0));
}

static void test_claim_of_this_year(void **state)
{
    (void)state;
    const char *claim = "بلغت نسبة النجاح في الثانوية العامة هذا العام 61.2%";
    const char *now = "وأعلن الوزير أن نسبة النجاح في الثانوية العامة بلغت 68.4% هذا العام";
    const char *then = "وكانت نسبة النجاح في الثانوية العامة العام الماضي 61.2%";
    mz_check_result *r = two_voices(claim, now, NULL, then, NULL);
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->has_claim_value);
    /* the claim's 61.2% is last year's: an earlier figure, not one given */
    assert_true(q->claim_unmatched);
    assert_true(q->claim_earlier);
    mz_check_result_free(r);
}

/* A claim of last year's figure is weighed against the sources' figures of
 * last year as before. */
static void test_claim_of_last_year(void **state)
{
    (void)state;
    const char *claim = "بلغت نسبة النجاح في الثانوية العامة العام الماضي 61.2%";
    const char *then = "وكانت نسبة النجاح في الثانوية العامة العام الماضي 61.2%";
    const char *other = "وكانت نسبة النجاح في الثانوية العامة العام الماضي 55%";
    mz_check_result *r = two_voices(claim, then, NULL, other, NULL);
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->has_claim_value);
    assert_false(q->values[0].earlier);
    assert_false(q->claim_earlier);
    assert_false(q->claim_unmatched);
    assert_true(q->conflict); /* 61.2% against 55%, both of last year */
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks),
        cmocka_unit_test(test_claim_of_this_year),
        cmocka_unit_test(test_claim_of_last_year),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
