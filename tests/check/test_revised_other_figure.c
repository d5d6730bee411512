/* test_revised_other_figure.c — a claim of the figure a revision replaced:
 * «بلغت نسبة المشاركة 41.3%» where the commission's site first said 41.3%
 * and later «عدّلت المفوضية نسبة المشاركة إلى 43.1%». The reason said "an
 * earlier figure; the sources now give 43.1%", yet the site's voice counted
 * as support and the claim stayed supported. The voice that tells the
 * revision gives another figure than the claim's (collect_numbers.c
 * revision_figure, verdict.c weigh_other_figure). Results built by hand
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

/* The site that revised its own figure: the claim of the old one is out of
 * date, refuted, and the reason still says it is an earlier figure. */
static void test_revised_by_its_own_site(void **state)
{
    (void)state;
    mz_check_result *r = checked("بلغت نسبة المشاركة في الانتخابات البرلمانية 41.3%", true);
    assert_true(r->numbers[0].claim_earlier);
    assert_false(r->numbers[0].claim_last_period);
    assert_true(r->voices[0].other_figure); /* it was read as support */
    assert_int_equal(mz_check_verdict(r), MZ_REFUTED);
    assert_non_null(strstr(r->reason, "reports the event with another figure than the claim's: "
                                      "«عدّلت المفوضية نسبة المشاركة إلى 43.1%"));
    assert_non_null(strstr(r->reason, "an earlier figure (المشاركة; the claim: 41.3%); the "
                                      "sources now give: 43.1%"));
    mz_check_result_free(r);
    /* the revised figure itself: supported, nothing moved */
    r = checked("بلغت نسبة المشاركة في الانتخابات البرلمانية 43.1%", true);
    assert_false(r->numbers[0].claim_unmatched);
    assert_false(r->voices[0].other_figure);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);
}

/* Another site's revision, read unrelated: it takes no part, and the
 * preliminary report's voice, which gives no other figure, is left as read. */
static void test_preliminary_voice_alone_left(void **state)
{
    (void)state;
    mz_check_result *r = checked("بلغت نسبة المشاركة في الانتخابات البرلمانية 41.3%", false);
    assert_true(r->numbers[0].claim_earlier);
    assert_false(r->voices[0].other_figure);
    assert_true(r->voices[1].gives_other_figure);
    assert_false(r->voices[1].other_figure); /* read unrelated: no part */
    assert_int_equal(r->voices[0].stance, MZ_AGREE);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_revised_by_its_own_site),
        cmocka_unit_test(test_preliminary_voice_alone_left),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
