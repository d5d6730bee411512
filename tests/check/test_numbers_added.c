/* test_numbers_added.c — an added count («تمديد الإضراب يومين إضافيين»,
 * a dual; numbers_change.c: counts_new) is what was added, not the whole:
 * it is not set against the strike's length told as neither a change nor
 * a level (numbers_added.c). Sentences written for the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "two_voices.h"

static void test_added_dual(void **state)
{
    (void)state;
    mz_number v[4];
    const char *s = "أعلنت النقابة تمديد الإضراب يومين إضافيين بعد فشل المفاوضات";
    assert_int_equal(mz_numbers_extract(s, strlen(s), v, 4), 1);
    assert_int_equal(v[0].number, 2);
    assert_int_equal(v[0].change, 1); /* the dual's adjective was not read */
    assert_true(v[0].fresh);
    const char *w = "تمديد المهلة أسبوعين إضافيين";
    assert_int_equal(mz_numbers_extract(w, strlen(w), v, 4), 1);
    assert_true(v[0].fresh);
    const char *plain = "استمر الإضراب يومين";
    assert_int_equal(mz_numbers_extract(plain, strlen(plain), v, 4), 1);
    assert_false(v[0].fresh);
}

static bool conflict_of(const char *claim, const char *a, const char *b)
{
    mz_check_result *r = two_voices(claim, a, NULL, b, NULL);
    bool conflict = false;
    for (size_t i = 0; i < r->n_numbers; i++)
        conflict = conflict || r->numbers[i].conflict;
    mz_check_result_free(r);
    return conflict;
}

static void test_added_is_not_the_whole(void **state)
{
    (void)state;
    const char *length = "وعلقت النقابة الإضراب الذي استمر 3 أيام.";
    const char *extension = "أعلنت النقابة تمديد الإضراب يومين إضافيين بعد فشل المفاوضات.";
    assert_false(conflict_of("استمر إضراب عمال النقل 3 أيام", length, extension));
    /* two lengths, or two extensions, still meet */
    assert_true(conflict_of("استمر إضراب عمال النقل 3 أيام", length,
                            "وعلقت النقابة الإضراب الذي استمر 6 أيام."));
    assert_true(conflict_of("استمر إضراب عمال النقل 3 أيام", extension,
                            "أعلنت النقابة تمديد الإضراب 5 أيام إضافية بعد فشل المفاوضات."));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_added_dual),
        cmocka_unit_test(test_added_is_not_the_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
