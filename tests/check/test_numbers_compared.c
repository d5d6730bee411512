/* test_numbers_compared.c — the bare base of a comparison, «بلغت نسبة
 * المشاركة 41.3%، مقارنة بـ 38% في انتخابات 2022», is the figure's earlier
 * level and takes its noun: read with none, it was no value, and a claim
 * giving the last election's 38% as this one's met the 41.3% only ("no
 * source gives the claim's number"), never "an earlier figure". */
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

static void test_base_takes_the_figures_noun(void **state)
{
    (void)state;
    const char *s = "بلغت نسبة المشاركة 41.3%، مقارنة بـ 38% في انتخابات 2022";
    mz_number now = value_of(s, 41.3), base = value_of(s, 38);
    assert_string_equal(now.noun_key, base.noun_key);
    assert_true(base.noun_key[0]);
    assert_true(base.earlier);
    base = value_of("ارتفع معدل التضخم إلى 5.2% مقارنة مع 4.1% العام الماضي", 4.1);
    assert_string_equal(base.noun_key, value_of("ارتفع معدل التضخم إلى 5.2%", 5.2).noun_key);
    assert_true(base.last_period);
    /* not past a stop; a figure with a noun of its own keeps it */
    assert_string_equal(value_of("قتل 12 شخصا في القصف. مقارنة بـ 5 أمس", 5).noun_key, "");
    base = value_of("بلغت نسبة البطالة 9%، مقارنة بـ 11% من الشباب", 11);
    assert_string_not_equal(base.noun_key, value_of("بلغت نسبة البطالة 9%", 9).noun_key);
}

/* The claim gives the last election's turnout as this one's: the sources
 * give it as the earlier figure. */
static void test_claim_of_the_base_is_an_earlier_figure(void **state)
{
    (void)state;
    mz_check_result *r = two_voices(
        "بلغت نسبة المشاركة في الانتخابات البرلمانية 38%",
        "بلغت نسبة المشاركة في الانتخابات البرلمانية 41.3%، مقارنة بـ 38% في انتخابات 2022", NULL,
        "أعلنت المفوضية أن نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3%", NULL);
    const mz_check_quantity *q = &r->numbers[0];
    assert_int_equal(q->kind, MZ_QTY_PERCENT);
    assert_true(q->claim_unmatched);
    assert_true(q->claim_earlier);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_base_takes_the_figures_noun),
        cmocka_unit_test(test_claim_of_the_base_is_an_earlier_figure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
