/* test_numbers_points.c — a rate's change told in points (src/check/
 * numbers_points.c): «بلغت نسبة النجاح 68.4%، مقابل 61.2% العام الماضي،
 * بارتفاع 7.2 نقطة» filed the 7.2 as a count of «نقطة», and a claim
 * «ارتفعت نسبة النجاح 7.2%» — read as neither change nor level — found no
 * source giving its figure, listed against the levels 68.4% and 61.2%. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "dated_voices.h"
#include "value_of.h"

static const char source[] = "أعلن الوزير أن نسبة النجاح في امتحانات الثانوية العامة بلغت 68.4%، "
                             "مقابل 61.2% العام الماضي، بارتفاع 7.2 نقطة.";

static void test_points_of_a_rate(void **state)
{
    (void)state;
    mz_number rate = value_of(source, 68.4), pts = value_of(source, 7.2);
    assert_int_equal(pts.kind, MZ_QTY_PERCENT);
    assert_string_equal(pts.noun_key, rate.noun_key);
    assert_int_equal(pts.change, 1);
    assert_true(pts.points);
    /* «نقاط مئوية», a fall */
    const char *fall = "وسجلت نسبة البطالة 9.5% بانخفاض 1.5 نقطة مئوية عن العام الماضي.";
    mz_number f = value_of(fall, 1.5);
    assert_int_equal(f.kind, MZ_QTY_PERCENT);
    assert_int_equal(f.change, -1);
    /* an index's points are no percent: after a change in percent, or alone */
    const char *index = "وارتفع المؤشر بنسبة 1.2%، بزيادة 15 نقطة.";
    assert_int_equal(value_of(index, 15).kind, MZ_QTY_COUNT);
    const char *alone = "وارتفع المؤشر العام للبورصة 15 نقطة.";
    assert_int_equal(value_of(alone, 15).kind, MZ_QTY_COUNT);
}

/* A percentage right after a word of rising and its subject is a change;
 * after «إلى» a level, and after another number the verb's object. */
static void test_percent_after_a_rise(void **state)
{
    (void)state;
    mz_number c = value_of("ارتفعت نسبة النجاح في الثانوية العامة 7.2%", 7.2);
    assert_int_equal(c.change, 1);
    assert_false(c.points);
    assert_int_equal(value_of("تراجعت الصادرات النفطية 5%", 5).change, -1);
    mz_number to = value_of("ارتفعت نسبة النجاح إلى 68.4%", 68.4);
    assert_true(to.level && !to.change);
    assert_int_equal(value_of("ارتفعت أسهم 3 شركات 5%", 5).change, 0);
}

/* The claim of the rise finds it; the points are set against no level or
 * figure told as neither. */
static void test_claim_of_the_rise(void **state)
{
    (void)state;
    const char *b[] = {source, "وكانت نسبة النجاح العام الماضي 61.2%.",
                       "ونسبة النجاح في الثانوية العامة 68.4% هذا العام."};
    mz_check_result *r = collect("ارتفعت نسبة النجاح في الثانوية العامة 7.2%", b, NULL, 3);
    assert_true(r->n_numbers >= 1);
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->on_claim && q->has_claim_value);
    assert_false(q->claim_unmatched);
    assert_false(q->conflict);
    mz_check_result_free(r);
    r = collect("بلغت نسبة النجاح في الثانوية العامة 68.4%", b, NULL, 3);
    q = &r->numbers[0];
    assert_true(q->on_claim && !q->claim_unmatched);
    assert_false(q->conflict); /* the 7.2 points and the 68.4% told as neither */
    for (size_t i = 0; i < q->n_values; i++)
        if (q->values[i].points)
            assert_false(q->values[i].off_claim || q->values[i].conflicting);
    mz_check_result_free(r);
}

/* «1.2% أو 15 نقطة» was read as the range 1.2–15%, which a claim of 10%
 * fitted: the points restate the change in another unit. */
static void test_restated_in_points(void **state)
{
    (void)state;
    const char *s = "ارتفع المؤشر العام للبورصة 1.2% أو 15 نقطة في ختام تعاملات الأحد";
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_int_equal(n, 2);
    assert_int_equal(v[0].kind, MZ_QTY_PERCENT);
    assert_true(v[0].number == 1.2 && v[0].number_max == 1.2);
    assert_int_equal(v[0].change, 1);
    assert_true(v[1].number == 15);
    assert_int_equal(v[1].change, 1); /* the same rise, in points */
    assert_false(v[1].kind == MZ_QTY_PERCENT);
    /* two percentages after «أو» stay a range */
    mz_number r = value_of("ارتفع المؤشر 1% أو 2% في ختام التعاملات", 1);
    assert_true(r.number_max == 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_restated_in_points),
        cmocka_unit_test(test_points_of_a_rate),
        cmocka_unit_test(test_percent_after_a_rise),
        cmocka_unit_test(test_claim_of_the_rise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
