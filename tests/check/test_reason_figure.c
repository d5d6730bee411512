/* test_reason_figure.c — the sentence an agreeing voice is quoted by when
 * the claim gives a number (reason_figure.c): the elections desk's L1, a
 * claim of the final turnout 43.1%, was quoted by the commission site's
 * first article, «… بلغت 41.3% وفق النتائج الأولية», though the same voice's
 * later article gives the claim's 43.1%. Results built by hand
 * (verdict_spec.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "verdict_spec.h"
#include "revision_story.h"

/* One voice, the claim's figure in its second article: quoted by it. */
static void test_quotes_the_claims_figure(void **state)
{
    (void)state;
    mz_check_result *r = checked("بلغت نسبة المشاركة في الانتخابات البرلمانية 43.1%", true);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    assert_non_null(strstr(r->reason, "1 independent source reports it (sirania-news.example): "
                                      "«عدّلت المفوضية نسبة المشاركة إلى 43.1%"));
    assert_null(strstr(r->reason, "41.3%"));
    assert_non_null(strstr(r->reason_ar, "«عدّلت المفوضية نسبة المشاركة إلى 43.1%"));
    mz_check_result_free(r);
}

/* Two voices: the preliminary report's voice has no sentence of the
 * claim's figure, and is quoted by its own as before. */
static void test_left_as_before(void **state)
{
    (void)state;
    mz_check_result *r = checked("بلغت نسبة المشاركة في الانتخابات البرلمانية 43.1%", false);
    assert_non_null(strstr(r->reason, "«أعلنت المفوضية العليا للانتخابات"));
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quotes_the_claims_figure),
        cmocka_unit_test(test_left_as_before),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
