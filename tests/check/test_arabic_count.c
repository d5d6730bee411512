/* test_arabic_count.c — Arabic number–noun agreement (arabic_count.c): the
 * noun's form for 0, 1, 2, 3–10, 11–99 and 100-and-up counts, adjectives
 * agreeing with it, and the verb form that follows a count. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/reason.h"

static void assert_count(size_t n, const mz_ar_noun *noun, const char *want)
{
    mz_buf b = {0};
    assert_int_equal(mz_ar_count(&b, n, noun), 0);
    char *got = mz_buf_take(&b);
    assert_non_null(got);
    if (strcmp(got, want))
        fail_msg("%zu: got \"%s\", want \"%s\"", n, got, want);
    free(got);
}

static void test_source(void **state)
{
    (void)state;
    assert_count(0, &mz_ar_source, "لا مصدر");
    assert_count(1, &mz_ar_source, "مصدر واحد");
    assert_count(2, &mz_ar_source, "مصدران");
    assert_count(3, &mz_ar_source, "3 مصادر");
    assert_count(10, &mz_ar_source, "10 مصادر");
    assert_count(11, &mz_ar_source, "11 مصدرًا");
    assert_count(99, &mz_ar_source, "99 مصدرًا");
    assert_count(100, &mz_ar_source, "100 مصدر");
    /* past 100 the last two digits decide */
    assert_count(101, &mz_ar_source, "101 مصدر");
    assert_count(102, &mz_ar_source, "102 مصدر");
    assert_count(103, &mz_ar_source, "103 مصادر");
    assert_count(111, &mz_ar_source, "111 مصدرًا");
    assert_count(1000, &mz_ar_source, "1000 مصدر");
}

static void test_adjective_agrees(void **state)
{
    (void)state;
    assert_count(0, &mz_ar_independent_source, "لا مصدر مستقل");
    assert_count(1, &mz_ar_independent_source, "مصدر مستقل واحد");
    assert_count(2, &mz_ar_independent_source, "مصدران مستقلان");
    assert_count(3, &mz_ar_independent_source, "3 مصادر مستقلة");
    assert_count(10, &mz_ar_independent_source, "10 مصادر مستقلة");
    assert_count(11, &mz_ar_independent_source, "11 مصدرًا مستقلًا");
    assert_count(100, &mz_ar_independent_source, "100 مصدر مستقل");
    assert_count(1, &mz_ar_article, "مقال واحد");
    assert_count(2, &mz_ar_article, "مقالان");
    assert_count(7, &mz_ar_article, "7 مقالات");
    assert_count(20, &mz_ar_article, "20 مقالًا");
}

static void test_categories_and_verbs(void **state)
{
    (void)state;
    assert_int_equal(mz_ar_plural_of(0), MZ_AR_ZERO);
    assert_int_equal(mz_ar_plural_of(1), MZ_AR_ONE);
    assert_int_equal(mz_ar_plural_of(2), MZ_AR_TWO);
    assert_int_equal(mz_ar_plural_of(3), MZ_AR_FEW);
    assert_int_equal(mz_ar_plural_of(10), MZ_AR_FEW);
    assert_int_equal(mz_ar_plural_of(11), MZ_AR_MANY);
    assert_int_equal(mz_ar_plural_of(100), MZ_AR_OTHER);
    assert_int_equal(mz_ar_plural_of(210), MZ_AR_FEW);
    assert_int_equal(mz_ar_plural_of((size_t)-1), MZ_AR_MANY); /* ...615: no overflow */
    /* a verb after its count: singular, dual, then the feminine singular
     * that non-human plurals take */
    assert_string_equal(mz_ar_agree(1, "يؤيد", "يؤيدان", "تؤيد"), "يؤيد");
    assert_string_equal(mz_ar_agree(2, "يؤيد", "يؤيدان", "تؤيد"), "يؤيدان");
    assert_string_equal(mz_ar_agree(3, "يؤيد", "يؤيدان", "تؤيد"), "تؤيد");
    assert_string_equal(mz_ar_agree(11, "يؤيد", "يؤيدان", "تؤيد"), "تؤيد");
    assert_string_equal(mz_ar_agree(100, "يؤيد", "يؤيدان", "تؤيد"), "تؤيد");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_source),
        cmocka_unit_test(test_adjective_agrees),
        cmocka_unit_test(test_categories_and_verbs),
    };
    return cmocka_run_group_tests_name("check/arabic_count", tests, NULL, NULL);
}
