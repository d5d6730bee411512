/* test_numbers_claim_year.c — a source's «العام الماضي» is the claim's
 * year when the claim names that year and the source was published the
 * year after (numbers_claim_year.c): its value is the claim's period's
 * figure, not an earlier one; with the publication year unknown or
 * another, it stays last year's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "check/numbers.h"
#include "two_voices.h"

static const char *const said_a = "وبلغت عائدات قناة البحر 95 مليار دولار في العام الماضي، بحسب "
                                  "تقرير الهيئة السنوي";
static const char *const said_b = "وقالت الهيئة إن عائدات قناة البحر بلغت 95 مليار دولار العام الماضي";

/* Published in 2026, «العام الماضي» is 2025, the claim's year: the claim's
 * 59 billion is not given (the sources' 95 is that year's figure), and a
 * claim of 95 billion in 2025 is met. */
static void test_claims_year(void **state)
{
    (void)state;
    mz_check_result *r = two_voices("بلغت عائدات قناة البحر 59 مليار دولار في 2025", said_a,
                                    "2026-02-10", said_b, "2026-02-11");
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->has_claim_value);
    assert_false(q->values[0].earlier);
    assert_true(q->claim_unmatched);
    assert_false(q->claim_earlier);
    mz_check_result_free(r);
    r = two_voices("بلغت عائدات قناة البحر 95 مليار دولار في عام 2025", said_a, "2026-02-10",
                   said_b, "2026-02-11");
    q = &r->numbers[0];
    assert_false(q->values[0].earlier);
    assert_false(q->claim_unmatched);
    mz_check_result_free(r);
}

/* Published in 2025 («العام الماضي» is 2024), or on no known day: the
 * sources' 95 billion stays an earlier figure. */
static void test_other_or_unknown_year(void **state)
{
    (void)state;
    const char *claim = "بلغت عائدات قناة البحر 59 مليار دولار في 2025";
    mz_check_result *r = two_voices(claim, said_a, "2025-06-10", said_b, "2025-06-11");
    assert_true(r->numbers[0].values[0].earlier);
    mz_check_result_free(r);
    r = two_voices(claim, said_a, NULL, said_b, NULL);
    assert_true(r->numbers[0].values[0].earlier);
    mz_check_result_free(r);
    /* a claim of no year: last year's figure as before */
    r = two_voices("بلغت عائدات قناة البحر 59 مليار دولار", said_a, "2026-02-10", said_b,
                   "2026-02-11");
    assert_true(r->numbers[0].values[0].earlier);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_claims_year),
        cmocka_unit_test(test_other_or_unknown_year),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
