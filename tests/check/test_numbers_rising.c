/* test_numbers_rising.c — a toll that rises from one day's report to the
 * next (src/check/numbers_rising.c): the lower figure of an article
 * published before another's is an earlier figure, not a conflict. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "dated_voices.h"


static const char *const toll[] = {
    "وقال الدفاع المدني إن 350 قتيلا سقطوا في الزلزال في حصيلة أولية.",
    "ارتفعت حصيلة ضحايا الزلزال إلى 800 قتيل وفق وزارة الصحة.",
    "أعلنت وزارة الصحة أن حصيلة ضحايا الزلزال ارتفعت إلى 1650 قتيلا."};

/* Three days' tolls: the Tuesday's 350 and the Wednesday's 800 are
 * earlier figures of the Friday's 1650, no conflict, and not "not the
 * claim's" for a claim of 1650. */
static void test_rising_toll_is_earlier(void **state)
{
    (void)state;
    const char *days[] = {"2024-02-06", "2024-02-07", "2024-02-09"};
    mz_check_result *r = collect("ارتفعت حصيلة ضحايا الزلزال إلى 1650 قتيلا", toll, days, 3);
    assert_int_equal(r->n_numbers, 1);
    const mz_check_quantity *q = &r->numbers[0];
    assert_int_equal(q->n_values, 3);
    assert_false(q->conflict);
    assert_false(q->claim_unmatched);
    for (size_t i = 0; i < q->n_values; i++) {
        bool newest = q->values[i].number == 1650;
        assert_int_equal(q->values[i].earlier, !newest);
        assert_false(q->values[i].off_claim);
    }
    mz_check_result_free(r);
}

/* Published the same day, or with no date (baly2018), the figures are two
 * sources' accounts as before: a conflict. */
static void test_same_day_still_conflicts(void **state)
{
    (void)state;
    const char *same[] = {"2024-02-09", "2024-02-09", "2024-02-09"};
    const char *none[] = {NULL, NULL, "2024-02-09"};
    const char *const *cases[] = {same, none};
    for (size_t c = 0; c < 2; c++) {
        mz_check_result *r = collect("ارتفعت حصيلة ضحايا الزلزال إلى 1650 قتيلا", toll, cases[c], 3);
        assert_true(r->numbers[0].conflict);
        for (size_t i = 0; i < r->numbers[0].n_values; i++)
            assert_false(r->numbers[0].values[i].earlier);
        mz_check_result_free(r);
    }
}

/* A toll that falls from one day to the next is a revision worth a flag:
 * the later, lower figure does not make the higher one earlier. */
static void test_falling_toll_still_conflicts(void **state)
{
    (void)state;
    const char *days[] = {"2024-02-09", "2024-02-09", "2024-02-06"};
    mz_check_result *r = collect("ارتفعت حصيلة ضحايا الزلزال إلى 1650 قتيلا", toll, days, 3);
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->conflict);
    for (size_t i = 0; i < q->n_values; i++)
        assert_false(q->values[i].earlier);
    mz_check_result_free(r);
}

/* The missing fall as they are found: the Wednesday's 12 and the
 * Thursday's 8 are earlier figures of the Friday's 4, no conflict (they
 * were one); a count of the missing that rises later is still flagged. */
static void test_missing_fall(void **state)
{
    (void)state;
    const char *const missing[] = {
        "وقال الدفاع المدني إن 9 أشخاص لقوا حتفهم وإن 12 مفقودا لا يزال البحث عنهم جاريا.",
        "وأفاد الدفاع المدني بأن 8 مفقودين لم يعثر عليهم بعد.",
        "وقال الدفاع المدني إن عدد المفقودين تراجع إلى 4 بعد العثور على جثث آخرين."};
    const char *days[] = {"2026-07-15", "2026-07-16", "2026-07-17"};
    mz_check_result *r = collect("12 مفقودا في سيول القمرية", missing, days, 3);
    const mz_check_quantity *q = NULL;
    for (size_t i = 0; i < r->n_numbers; i++)
        if (r->numbers[i].n_values == 3)
            q = &r->numbers[i];
    assert_non_null(q);
    assert_false(q->conflict);
    for (size_t i = 0; i < q->n_values; i++) {
        assert_int_equal(q->values[i].event, MZ_EVENT_MISSING);
        assert_int_equal(q->values[i].earlier, q->values[i].number != 4);
    }
    mz_check_result_free(r);
    const char *rising[] = {"2026-07-17", "2026-07-16", "2026-07-15"};
    r = collect("12 مفقودا في سيول القمرية", missing, rising, 3);
    for (size_t i = 0; i < r->n_numbers; i++)
        if (r->numbers[i].n_values == 3)
            assert_true(r->numbers[i].conflict);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rising_toll_is_earlier),
        cmocka_unit_test(test_same_day_still_conflicts),
        cmocka_unit_test(test_falling_toll_still_conflicts),
        cmocka_unit_test(test_missing_fall),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
