/* test_numbers_attributed.c — a figure told on a newspaper's word: the
 * transfer rumour «بحسب صحيفة الرياضي اليوم، قدم فالمورا عرضا … مقابل 40
 * مليون يورو» was listed as one more source's fee beside the club's
 * confirmed 35 million, nothing saying whose word it was
 * (numbers_attributed.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "two_voices.h"

/* Whether every count of s is attributed (want) or none is. */
static void assert_attributed(const char *s, bool want)
{
    mz_number v[8];
    size_t n = mz_numbers_extract_scores(s, strlen(s), v, 8), counts = 0;
    for (size_t i = 0; i < n && i < 8; i++)
        if (v[i].kind == MZ_QTY_COUNT) {
            counts++;
            if (v[i].attributed != want)
                fail_msg("%s: attributed %d", s, v[i].attributed);
        }
    assert_true(counts > 0);
}

static void test_a_newspapers_figure(void **state)
{
    (void)state;
    assert_attributed("بحسب صحيفة الرياضي اليوم الإسبانية، قدم نادي فالمورا الإسباني عرضا إلى "
                      "نادي الشعلة لضم مهاجمه مقابل 40 مليون يورو.",
                      true);
    assert_attributed("قدم فالمورا عرضا لضم المهاجم مقابل 40 مليون يورو، وفقا لصحيفة ماركا.", true);
    assert_attributed("ونقلت صحيفة الرياضي أن فالمورا عرض 40 مليون يورو.", true);
    assert_attributed("وذكرت الصحيفة أن الصفقة بلغت 40 مليون يورو.", true);
    assert_attributed("بحسب ما ذكرت صحيفة الرياضي، عرض فالمورا 40 مليون يورو.", true);
    /* a body's own figure, the club's word, another sentence */
    assert_attributed("والصحيح أن عدد المتفرجين بلغ 42 ألف متفرج بحسب رابطة الدوري.", false);
    assert_attributed("أعلن النادي انتقال مهاجمه إلى فالمورا مقابل 35 مليون يورو.", false);
    assert_attributed("بحسب صحيفة الرياضي. وأعلن النادي انتقال مهاجمه مقابل 35 مليون يورو.", false);

    mz_check_result *r = two_voices(
        "انتقل كريم العابد إلى نادي فالمورا مقابل 35 مليون يورو",
        "بحسب صحيفة الرياضي اليوم، قدم نادي فالمورا عرضا لضم كريم العابد مقابل 40 مليون يورو.",
        NULL, "أعلن نادي الشعلة انتقال كريم العابد إلى نادي فالمورا مقابل 35 مليون يورو.", NULL);
    size_t seen = 0;
    for (size_t i = 0; i < r->n_numbers; i++)
        for (size_t k = 0; k < r->numbers[i].n_values; k++) {
            const mz_check_value *v = &r->numbers[i].values[k];
            assert_int_equal(v->attributed, v->number == 40e6);
            seen++;
        }
    assert_int_equal(seen, 2);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_newspapers_figure),
    };
    return cmocka_run_group_tests_name("check/numbers_attributed", tests, NULL, NULL);
}
