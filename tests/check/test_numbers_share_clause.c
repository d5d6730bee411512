/* test_numbers_share_clause.c — a clause that opens with «بنسبة», «أي» or
 * «(ب)ما يعادل» restates the clause before it as a share: «حصل سليم الحداد
 * على 1.2 مليون صوت في دائرة العاصمة، بنسبة 52.4% من الأصوات». Read alone,
 * «بنسبة 52.4% من الأصوات» named nothing of the claim but its noun, so the
 * 52.4% was a figure of another thing (of_other), and a claim that the
 * candidate won 1.2% of the votes stood SUPPORTED beside it (the elections
 * desk's story). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "two_voices.h"

static const char *const CLAIM = "حصل سليم الحداد على 1.2% من الأصوات في دائرة العاصمة";

/* Whether the clause of the value written x in s names the claim (noun:
 * what the value counts). */
static bool names_claim(const char *claim, const char *s, const char *x, const char *noun)
{
    mz_claim_stems cs;
    mz_claim_stems_of(claim, &cs);
    const char *v = strstr(s, x);
    assert_non_null(v);
    return mz_num_clause_names_claim(&cs, s, strlen(s), (size_t)(v - s), (size_t)(v - s) + strlen(x),
                                     noun);
}

static void test_share_restates_the_clause_before(void **state)
{
    (void)state;
    assert_true(names_claim(CLAIM, "حصل سليم الحداد على 1.2 مليون صوت في دائرة العاصمة، بنسبة 52.4% من الأصوات",
                            "52.4", "الأصوات"));
    assert_true(names_claim(CLAIM, "نال سليم الحداد 1.2 مليون صوت في دائرة العاصمة, أي 52.4% من الأصوات",
                            "52.4", "الأصوات"));
    assert_true(names_claim(CLAIM, "حصل سليم الحداد على 1.2 مليون صوت في دائرة العاصمة، ما يعادل 52.4% من الأصوات",
                            "52.4", "الأصوات"));
    /* not across a stop, nor a clause that opens otherwise («وهي 76 مقعدا») */
    assert_false(names_claim(CLAIM, "حصل سليم الحداد على 1.2 مليون صوت في دائرة العاصمة. بنسبة 52.4% من الأصوات",
                             "52.4", "الأصوات"));
    assert_false(names_claim("حصل حزب النهضة على أكثر من 80 مقعدا",
                             "ولم يحصل أي حزب على الأغلبية اللازمة لتشكيل الحكومة، وهي 76 مقعدا", "76",
                             "مقعدا"));
}

/* The candidate's 52.4% is the event told with another figure than the
 * claim's 1.2%: the verdict reads it (other_figure). */
static void test_share_is_the_claims_other_figure(void **state)
{
    (void)state;
    mz_check_result *r = two_voices(
        CLAIM, "حصل مرشح الحزب سليم الحداد على 1.2 مليون صوت في دائرة العاصمة الكبرى، بنسبة 52.4% من الأصوات",
        NULL, "وتعد دائرة العاصمة أكبر الدوائر الانتخابية في البلاد", NULL);
    const mz_check_quantity *q = NULL;
    for (size_t i = 0; i < r->n_numbers; i++)
        if (r->numbers[i].kind == MZ_QTY_PERCENT)
            q = &r->numbers[i];
    assert_non_null(q);
    assert_true(q->claim_unmatched);
    assert_int_equal(q->n_values, 1);
    assert_false(q->values[0].of_other);
    assert_true(q->values[0].other_figure);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_share_restates_the_clause_before),
        cmocka_unit_test(test_share_is_the_claims_other_figure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
