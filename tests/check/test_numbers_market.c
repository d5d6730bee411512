/* test_numbers_market.c — the market an exchange rate is of (src/check/
 * numbers_market.c, collect_numbers.c): «48.6 جنيها في السوق الرسمية، مقابل
 * نحو 55 جنيها في السوق الموازية» put both under one noun «جنيها», and a
 * claim of 55 in the official market was SUPPORTED by the parallel
 * market's 55 (markets journey M7). Sentences written for the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "check/check.h"
#include "two_voices.h"

static mz_number value_of(const char *s, size_t k)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_true(n > k);
    return v[k];
}

static void test_reads_market(void **state)
{
    (void)state;
    const char *a = "وسجل الدولار 48.6 جنيها في السوق الرسمية اليوم، مقابل نحو 55 جنيها في السوق "
                    "الموازية.";
    assert_int_equal(value_of(a, 0).market, 'o');
    assert_int_equal(value_of(a, 1).market, 'p');
    assert_int_equal(value_of("وإن سعر الصرف الرسمي مستقر عند 48.6 جنيها للدولار", 0).market, 'o');
    const char *b = "تراجع سعر الدولار في السوق الموازية إلى نحو 52 جنيها، بعد أن كان نحو 55 "
                    "جنيها مطلع الشهر، فيما استقر السعر الرسمي عند 48.6 جنيها.";
    assert_int_equal(value_of(b, 0).market, 'p');
    assert_int_equal(value_of(b, 1).market, 'p'); /* the earlier figure of the 52 */
    assert_int_equal(value_of(b, 2).market, 'o');
    /* «والسعر الموازي» after the official 48.6 is not its market */
    assert_int_equal(value_of("الفجوة بين السعر الرسمي 48.6 جنيها والسعر الموازي تقلصت", 0).market, 'o');
    assert_int_equal(value_of("بلغ سعر الدولار 60 جنيها في السوق السوداء", 0).market, 'p');
    assert_int_equal(value_of("بلغ سعر الدولار 60 جنيها في السوق غير الرسمية", 0).market, 'p');
    /* none named, or another thing's «الرسمي» / «السوداء» */
    assert_int_equal(value_of("سجل الدولار 48.6 جنيها اليوم", 0).market, 0);
    assert_int_equal(value_of("قال المتحدث الرسمي إن 30 شخصا أصيبوا", 0).market, 0);
    assert_int_equal(value_of("أدرجت الوزارة 12 شركة في القائمة السوداء", 0).market, 0);
}

/* A claim of one market is met by that market's values only, and a quote
 * is exact to its rounding: the official 48.6 gives no official 55. */
static void test_claim_of_one_market(void **state)
{
    (void)state;
    mz_check_result *r = two_voices(
        "سجل الدولار 55 جنيها في السوق الرسمية",
        "وسجل الدولار 48.6 جنيها في السوق الرسمية اليوم، مقابل نحو 55 جنيها في السوق الموازية.",
        "2026-10-05", "استقر السعر الرسمي عند 48.6 جنيها، فيما بلغ سعر الدولار 55 جنيها في السوق الموازية.",
        "2026-10-06");
    const mz_check_quantity *q = NULL;
    for (size_t i = 0; i < r->n_numbers; i++)
        if (r->numbers[i].has_claim_value)
            q = &r->numbers[i];
    assert_non_null(q);
    assert_int_equal(q->claim_market, 'o');
    assert_true(q->claim_unmatched);
    assert_false(q->conflict); /* 48.6 and 55 of two markets are no two accounts */
    mz_check_result_free(r);
    /* the parallel market's 55 meets a claim of the parallel rate */
    r = two_voices("سجل الدولار 55 جنيها في السوق الموازية",
                   "وسجل الدولار 48.6 جنيها في السوق الرسمية اليوم، مقابل نحو 55 جنيها في السوق "
                   "الموازية.",
                   "2026-10-05", "استقر السعر الرسمي عند 48.6 جنيها، فيما بلغ سعر الدولار 55 جنيها في السوق الموازية.",
                   "2026-10-06");
    q = NULL;
    for (size_t i = 0; i < r->n_numbers; i++)
        if (r->numbers[i].has_claim_value)
            q = &r->numbers[i];
    assert_non_null(q);
    assert_false(q->claim_unmatched);
    assert_false(q->conflict);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_market),
        cmocka_unit_test(test_claim_of_one_market),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
