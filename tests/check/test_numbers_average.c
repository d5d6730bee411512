/* test_numbers_average.c — «معدل», «متوسط» right before a percentage is
 * what it measures (src/check/numbers_nouns.c: is_average_word): «حصلت
 * الطالبة ليلى حداد على معدل 99.6%» gave the value no noun (an indefinite
 * word before a percentage is taken for a verb or a subject), so a claim
 * of a top score found no numbers entry at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "check/check.h"

static mz_number first_value(const char *s)
{
    mz_number v[8];
    assert_true(mz_numbers_extract(s, strlen(s), v, 8) >= 1);
    return v[0];
}

static void test_average_is_the_noun(void **state)
{
    (void)state;
    mz_number a = first_value("حصلت الطالبة ليلى حداد على معدل 99.6% في الثانوية العامة");
    assert_int_equal(a.kind, MZ_QTY_PERCENT);
    assert_string_equal(a.noun, "معدل");
    mz_number b = first_value("وحصلت الطالبة من محافظة الساحل على معدل 99.6%، وهو أعلى معدل.");
    assert_string_equal(b.noun_key, a.noun_key);
    assert_string_equal(first_value("وسجل الطلاب متوسط 71.5% في الرياضيات").noun, "متوسط");
    /* a rate phrase still names its own noun, and a verb before is none */
    assert_string_equal(first_value("بلغ معدل البطالة 9.5%").noun, "البطالة");
    assert_string_equal(first_value("ارتفع 5% خلال العام").noun, "");
    assert_string_equal(first_value("حصل مرسي على 52%").noun, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_average_is_the_noun),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
