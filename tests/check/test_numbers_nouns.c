/* test_numbers_nouns.c — what a count counts after «من» past a word of rank
 * («ثلاثة من كبار موظفي الوزارة»), and no noun past a clause mark or in a
 * quantifier with a pronoun («133 , معظمهم في ريف دير الزور»). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"

/* The first value of s, which must have one. */
static mz_number first(const char *s)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_true(n >= 1);
    return v[0];
}

/* «كبار» was the counted noun, a quantity of its own beside the defendants. */
static void test_count_past_a_word_of_rank(void **state)
{
    (void)state;
    mz_number a = first("مثل أمام المحكمة الوزير السابق وثلاثة من كبار موظفي الوزارة");
    assert_true(a.number == 3);
    assert_string_equal(a.noun, "موظفي");
    mz_number b = first("أوقفت الشرطة ثلاثة من كبار الموظفين في الوزارة");
    mz_number c = first("أوقفت الشرطة 3 موظفين في الوزارة");
    assert_string_equal(b.noun, "الموظفين");
    assert_string_equal(b.noun_key, c.noun_key);
    assert_string_equal(first("قتل 5 من أبرز قادة التنظيم").noun, "قادة");
    /* «من» with a plural right after it is as before */
    assert_string_equal(first("قتل 3 من الجنود في الهجوم").noun, "الجنود");
}

/* «ارتفع عدد القتلى إلى 133 , معظمهم في ريف دير الزور»: the noun was
 * «معظمهم», and any word after a comma («, حسبما أعلن», «, بمن فيهم») could
 * be read as what a number counts. */
static void test_no_noun_past_a_comma(void **state)
{
    (void)state;
    mz_number a = first("وارتفع عدد القتلى في شرقي سوريا الأربعاء إلى 133 , معظمهم في ريف دير الزور");
    assert_true(a.number == 133);
    assert_string_equal(a.noun, "");
    assert_string_equal(first("قتل 40 ، بمن فيهم أطفال").noun, "");
    assert_string_equal(first("وأصيب 9 : الحكومة تعلن الحداد").noun, "");
    /* a quantifier with a pronoun is no noun, comma or not */
    assert_string_equal(first("قتل 133 معظمهم من المدنيين").noun, "");
    assert_string_equal(first("أصيب 20 بعضهم بجروح خطيرة").noun, "");
    /* the noun right after the number is read as before */
    assert_string_equal(first("قتل 133 مدنيا معظمهم من الأطفال").noun, "مدنيا");
    assert_string_equal(first("قتل 40 من الأسرى").noun, "الأسرى");
}

/* «بمعدل 3%» took no noun where «بنسبة 3%» takes the measured one: the
 * economy's growth met every bare percentage of the story. */
static void test_rate_by_word(void **state)
{
    (void)state;
    mz_number a = first("نما الاقتصاد بمعدل 3% خلال الربع الثاني");
    mz_number b = first("نما الاقتصاد بنسبة 3% خلال الربع الثاني");
    assert_string_equal(a.noun, "الاقتصاد");
    assert_string_equal(a.noun_key, b.noun_key);
    assert_string_equal(first("وارتفع التضخم بمعدل 3.5% في أيلول").noun, "التضخم");
    assert_string_equal(first("وتراجعت الصادرات بواقع 4% عن العام الماضي").noun, "الصادرات");
    /* «معدل» with no ب is an average that names the value, as before */
    assert_string_equal(first("حصلت الطالبة على معدل 99.6%").noun, "معدل");
}

/* «القطاع العام» is the public sector: «العام» after a definite noun is its
 * adjective («general»), not the year, and the 15% was filed under years. */
static void test_public_sector_is_no_year(void **state)
{
    (void)state;
    mz_number a = first("رفعت الحكومة أجور العمال في القطاع العام بنسبة 15%");
    assert_true(a.number == 15);
    assert_string_equal(a.noun, "القطاع");
    assert_string_equal(first("ارتفعت ثقة الرأي العام بنسبة 10%").noun, "الرأي");
    /* «العام» as the year is as before */
    mz_number y = first("وتراجعت الصادرات العام الماضي بنسبة 4%");
    assert_string_equal(y.noun, "العام");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_past_a_word_of_rank),
        cmocka_unit_test(test_no_noun_past_a_comma),
        cmocka_unit_test(test_rate_by_word),
        cmocka_unit_test(test_public_sector_is_no_year),
    };
    return cmocka_run_group_tests_name("check/numbers_nouns", tests, NULL, NULL);
}
