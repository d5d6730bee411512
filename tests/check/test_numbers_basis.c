/* test_numbers_basis.c — basis points are hundredths of a point (src/check/
 * numbers_basis.c): «بمقدار 150 نقطة أساس» and «1.5 نقطة مئوية» tell one
 * rise of a rate, but read 150 and 1.5 of one noun «نقطة», a claim of 1.5
 * points found the sources' numbers "in conflict": up 1.5, up 150. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "check/check.h"

/* The first value of s whose text starts with written; fails when none does. */
static mz_number value_written(const char *s, const char *written)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    for (size_t i = 0; i < n && i < 8; i++)
        if (!strncmp(s + v[i].start, written, strlen(written)))
            return v[i];
    fail_msg("no value %s", written);
    return v[0];
}

static void test_basis_points_in_points(void **state)
{
    (void)state;
    const char *bp = "قرر البنك المركزي رفع سعر الفائدة الرئيسي بمقدار 150 نقطة أساس إلى "
                     "18.25%، بعد أن كان 16.75%.";
    const char *pp = "وقال محللون إن رفع الفائدة 1.5 نقطة مئوية قد لا يكفي لكبح الأسعار.";
    mz_number a = value_written(bp, "150"), b = value_written(pp, "1.5");
    assert_true(a.basis);
    assert_false(b.basis);
    assert_string_equal(a.noun_key, b.noun_key);
    assert_int_equal(a.change, b.change);
    assert_false(mz_numbers_conflict(a.number, a.number_max, b.number, b.number_max));
    assert_true(a.number > 1.49 && a.number < 1.51);
    /* the level it reached stays as written */
    assert_true(value_written(bp, "18.25").number == 18.25);
    /* «من نقاط الأساس», «75 نقطة أساسية»? only «أساس» / «الأساس» */
    mz_number c = value_written("خفض البنك الفائدة 75 من نقاط الأساس.", "75");
    assert_true(c.basis && c.number > 0.749 && c.number < 0.751);
}

/* Points alone are an index's or a score's: left as written. */
static void test_points_alone(void **state)
{
    (void)state;
    mz_number i = value_written("وارتفع المؤشر العام للبورصة 150 نقطة.", "150");
    assert_false(i.basis);
    assert_true(i.number == 150);
    /* «أساس» past a stop is another sentence's */
    mz_number j = value_written("وارتفع المؤشر 150 نقطة. أساس القرار واضح.", "150");
    assert_true(j.number == 150);
    /* «أساس» of no points: «على أساس شهري» after a percentage */
    mz_number k = value_written("وبلغ التضخم 1.7% على أساس شهري.", "1.7");
    assert_false(k.basis);
    assert_true(k.number == 1.7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basis_points_in_points),
        cmocka_unit_test(test_points_alone),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
