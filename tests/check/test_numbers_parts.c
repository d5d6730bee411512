/* test_numbers_parts.c — a sentence that splits one noun's count by an
 * adjective («أربع شركات محلية وست شركات أجنبية»): each value counts a part
 * (numbers_parts.c), set against nothing and not held against the claim's
 * own value. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "two_voices.h"

static size_t extract(const char *s, mz_number *v, size_t cap)
{
    size_t n = mz_numbers_extract(s, strlen(s), v, cap);
    return n < cap ? n : cap;
}

/* Two counts of one noun, each with another nisba after it, are parts;
 * one count, two counts with no adjective, or one adjective twice are not. */
static void test_parts_in_a_sentence(void **state)
{
    (void)state;
    mz_number v[8];
    const char *split = "شملت العقود أربع شركات محلية وست شركات أجنبية لتوريد الذخائر .";
    assert_int_equal(extract(split, v, 8), 2);
    assert_true(v[0].number == 4 && v[1].number == 6);
    assert_true(v[0].part && v[1].part);
    /* a plural nisba with the article, the noun past «من» */
    const char *men = "وصل 40 من الجنود الأمريكيين و 25 من الجنود البريطانيين إلى القاعدة .";
    assert_int_equal(extract(men, v, 8), 2);
    assert_true(v[0].part && v[1].part);

    const char *one = "شملت العقود أربع شركات محلية لتوريد الذخائر .";
    assert_int_equal(extract(one, v, 8), 1);
    assert_false(v[0].part);
    const char *days = "قتل 5 أشخاص يوم الجمعة و 30 شخصا يوم الأحد في القصف .";
    assert_int_equal(extract(days, v, 8), 2);
    assert_false(v[0].part || v[1].part);
    /* the masculine and the feminine of a nisba are one group */
    const char *same = "وصلت ثلاث شركات أجنبية أمس وخمس شركات أجنبي اليوم .";
    size_t n = extract(same, v, 8);
    assert_int_equal(n, 2);
    for (size_t i = 0; i < n; i++)
        assert_false(v[i].part);
    /* two nouns, each with its nisba: no split of one noun */
    const char *nouns = "قتل 5 جنود سوريين و 3 مدنيين أتراك في القصف .";
    n = extract(nouns, v, 8);
    assert_int_equal(n, 2);
    for (size_t i = 0; i < n; i++)
        assert_false(v[i].part);
}

/* The four local firms of one source are not set against another's six
 * foreign ones (train claim R-301: three Emirati and five foreign firms
 * against five foreign ones); the same four with no split still are. */
static void test_parts_are_no_second_account(void **state)
{
    (void)state;
    const char *claim = "وقعت وزارة الدفاع عقودا مع شركات لتوريد الذخائر";
    const char *split = "شملت العقود أربع شركات محلية وست شركات أجنبية لتوريد الذخائر .";
    const char *other = "وقال المتحدث إن العقود وزعت على 6 شركات أجنبية .";
    mz_check_result *r = two_voices(claim, split, NULL, other, NULL);
    assert_string_equal(r->numbers[0].quantity, "شركات");
    assert_false(r->numbers[0].conflict);
    size_t parts = 0;
    for (size_t i = 0; i < r->numbers[0].n_values; i++)
        parts += r->numbers[0].values[i].part; /* still listed */
    assert_int_equal(parts, 2);
    mz_check_result_free(r);

    r = two_voices(claim, "شملت العقود أربع شركات لتوريد الذخائر .", NULL, other, NULL);
    assert_true(r->numbers[0].conflict);
    mz_check_result_free(r);

    /* nor is a part held against the claim's own number */
    const char *counted = "وقعت وزارة الدفاع عقودا مع 10 شركات لتوريد الذخائر";
    r = two_voices(counted, split, NULL, "وقعت الوزارة عقودا مع 10 شركات .", NULL);
    assert_false(r->numbers[0].claim_unmatched);
    for (size_t i = 0; i < r->numbers[0].n_values; i++)
        if (r->numbers[0].values[i].part)
            assert_false(r->numbers[0].values[i].off_claim);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parts_in_a_sentence),
        cmocka_unit_test(test_parts_are_no_second_account),
    };
    return cmocka_run_group_tests_name("check/numbers_parts", tests, NULL, NULL);
}
