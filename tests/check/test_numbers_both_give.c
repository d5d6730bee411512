/* test_numbers_both_give.c — two voices that both give a figure do not
 * conflict over it: the wire's «حصل حزب النهضة الوطني على 58 مقعدا …
 * متقدما على حزب العدالة الذي حصل على 41 مقعدا» and another site's «بقي
 * حزب النهضة الوطني في الصدارة بـ 58 مقعدا» were "the sources' numbers
 * conflict: 41 … 58" for a claim of 68 seats (the elections desk's story):
 * the 41 seats are the other party's, the wire gives the 58 too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "two_voices.h"

static void test_a_figure_both_voices_give(void **state)
{
    (void)state;
    mz_check_result *r = two_voices(
        "حصل حزب النهضة الوطني على 68 مقعدا في مجلس النواب",
        "حصل حزب النهضة الوطني على 58 مقعدا من أصل 150 في مجلس النواب، متقدما على حزب العدالة الذي "
        "حصل على 41 مقعدا",
        NULL, "وبقي حزب النهضة الوطني في صدارة مجلس النواب بـ 58 مقعدا", NULL);
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->n_values >= 3);
    assert_true(q->claim_unmatched);
    assert_false(q->conflict);
    for (size_t i = 0; i < q->n_values; i++)
        assert_false(q->values[i].conflicting);
    mz_check_result_free(r);
}

/* Two voices each with its own figure still conflict. */
static void test_two_accounts_still_conflict(void **state)
{
    (void)state;
    mz_check_result *r = two_voices("قتل 12 شخصا في انفجار الميناء", "قتل 5 أشخاص في انفجار الميناء",
                                    NULL, "قتل 30 شخصا في انفجار الميناء", NULL);
    assert_true(r->numbers[0].conflict);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_figure_both_voices_give),
        cmocka_unit_test(test_two_accounts_still_conflict),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
