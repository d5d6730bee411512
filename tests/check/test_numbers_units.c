/* test_numbers_units.c — a unit of time is one quantity however news writes
 * it («7 أعوام», «7 سنوات», «سبع سنين», «15 عاما»), a year named after a
 * number is a date, not what the number counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "two_voices.h"

/* The first value of s, which must have one. */
static mz_number first(const char *s)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_true(n >= 1);
    return v[0];
}

/* Whether the first values of a and b count one quantity. */
static bool one_key(const char *a, const char *b)
{
    mz_number x = first(a), y = first(b);
    return x.kind == y.kind && x.noun_key[0] && !strcmp(x.noun_key, y.noun_key);
}

/* Each noun form of a unit was a key of its own (سنو, اعوام, سنين, عام),
 * so a claim of «7 أعوام» never met a source's «7 سنوات». */
static void test_forms_of_a_unit_are_one_key(void **state)
{
    (void)state;
    const char *years = "قضت المحكمة بسجنه 7 سنوات";
    assert_true(one_key(years, "قضت المحكمة بسجنه 7 أعوام"));
    assert_true(one_key(years, "قضت المحكمة بسجنه سبع سنين"));
    assert_true(one_key(years, "قضت المحكمة بسجنه 7 سنة"));
    assert_true(one_key(years, "قضت المحكمة بسجنه 15 عاما"));
    const char *months = "حكم عليه بالسجن 6 أشهر";
    assert_true(one_key(months, "حكم عليه بالسجن 6 شهور"));
    assert_true(one_key(months, "حكم عليه بالسجن 18 شهرا"));
    assert_true(one_key("أضرب عن الطعام 5 أيام", "أضرب عن الطعام 11 يوما"));
    assert_true(one_key("استمر الحصار 3 أسابيع", "استمر الحصار 3 أسبوعا"));
    assert_true(one_key("احتجز 10 ساعات", "احتجز 24 ساعة"));
    assert_false(one_key(years, months));
    /* the word as written is kept */
    assert_string_equal(first("قضت المحكمة بسجنه 7 أعوام").noun, "أعوام");
    /* a year as a date stays a date */
    mz_number d = first("صدر الحكم في عام 2011");
    assert_int_equal(d.kind, MZ_QTY_DATE);
    assert_true(d.number == 2011);
}

/* «بالدعوى رقم ( 136 ) لعام 2009», «القانون رقم 10 لسنة 2018»: the year
 * after the number dates it; the 136 counts no years. */
static void test_year_after_a_number_is_its_date(void **state)
{
    (void)state;
    mz_number v[8];
    const char *s = "صدر الحكم بالدعوى رقم ( 136 ) لعام 2009 على المتهمين";
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_int_equal(n, 2);
    assert_true(v[0].number == 136);
    assert_string_equal(v[0].noun_key, "");
    assert_int_equal(v[1].kind, MZ_QTY_DATE);
    assert_string_equal(first("صدر القانون رقم 10 لسنة 2018").noun_key, "");
    /* a term of years is still one */
    assert_string_equal(first("بلغت الأحكام 675 سنة على 29 متهما").noun_key,
                        first("قضت المحكمة بسجنه 7 سنوات").noun_key);
}

/* Two voices' terms written «سنوات» and «أعوام» conflict as written alike;
 * a claim of «7 أعوام» is given by a source's «7 سنوات». */
static void test_terms_written_apart_meet(void **state)
{
    (void)state;
    const char *claim = "قضت المحكمة بسجن الوزير السابق 7 أعوام";
    mz_check_result *r = two_voices(claim, "قضت المحكمة بسجن الوزير السابق 7 سنوات", NULL,
                                    "قضت المحكمة بسجن الوزير السابق 5 أعوام", NULL);
    assert_int_equal(r->n_numbers, 1);
    assert_int_equal(r->numbers[0].n_values, 2);
    assert_true(r->numbers[0].on_claim);
    assert_true(r->numbers[0].has_claim_value);
    assert_true(r->numbers[0].conflict);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
}

/* A unit of time in the dual is two of the unit, keyed as «3 أيام» is:
 * «زيارة تستغرق يومين», «مهلة شهرين», «بالسجن عامين» gave no value (the dual
 * was read only as a range's first end after بين), so a claim of «ثلاثة
 * أيام» met nothing in a source that says two days. A window («قبل يومين»,
 * «منذ يومين», «خلال اليومين الماضيين», «بعد يومين») is a date, as «منذ 3
 * أيام» is, not a duration. */
static void test_dual_unit_is_two(void **state)
{
    (void)state;
    mz_number d = first("تستغرق زيارة الرئيس إلى موسكو يومين");
    assert_true(d.number == 2 && d.number_max == 2);
    assert_int_equal(d.kind, MZ_QTY_COUNT);
    assert_string_equal(d.noun, "يومين");
    assert_true(one_key("تستغرق زيارة الرئيس إلى موسكو يومين",
                        "تستغرق زيارة الرئيس إلى موسكو ثلاثة أيام"));
    assert_true(one_key("منح المجلس الحكومة مهلة شهرين", "منح المجلس الحكومة مهلة 6 أشهر"));
    assert_true(one_key("قضت المحكمة بسجنه عامين", "قضت المحكمة بسجنه 7 سنوات"));
    assert_true(one_key("حكم عليه بالسجن سنتين", "حكم عليه بالسجن 15 عاما"));
    assert_true(one_key("أغلق المعبر لمدة أسبوعين", "أغلق المعبر لمدة 3 أسابيع"));
    assert_true(one_key("احتجز ساعتين في المطار", "احتجز 10 ساعات في المطار"));
    assert_true(one_key("حكم عليه بالسجن لعامين", "حكم عليه بالسجن 7 سنوات"));
    assert_false(one_key("قضت المحكمة بسجنه عامين", "منح المجلس الحكومة مهلة 6 أشهر"));
    /* windows say when, as «منذ 3 أيام» does */
    assert_int_equal(first("وصل الوفد إلى دمشق منذ 3 أيام").kind, MZ_QTY_DATE);
    assert_int_equal(first("وصل الوفد إلى دمشق قبل يومين").kind, MZ_QTY_DATE);
    assert_int_equal(first("وصل الوفد إلى دمشق منذ يومين").kind, MZ_QTY_DATE);
    assert_int_equal(first("يصل الوفد إلى دمشق بعد يومين").kind, MZ_QTY_DATE);
    assert_int_equal(first("تصاعدت الاشتباكات خلال اليومين الماضيين").kind, MZ_QTY_DATE);
    /* after a definite noun العامين is an adjective, general: no value */
    mz_number v[4];
    const char *s = "اجتمع الأمناء العامين للأحزاب";
    assert_int_equal(mz_numbers_extract(s, strlen(s), v, 4), 0);
    /* a claim of three days is set against a source's two */
    const char *claim = "تستغرق زيارة الرئيس إلى موسكو ثلاثة أيام";
    mz_check_result *r = two_voices(claim, "تستغرق زيارة الرئيس إلى موسكو يومين", NULL,
                                    "تستغرق زيارة الرئيس إلى موسكو ثلاثة أيام", NULL);
    assert_int_equal(r->n_numbers, 1);
    assert_int_equal(r->numbers[0].n_values, 2);
    assert_true(r->numbers[0].has_claim_value);
    assert_true(r->numbers[0].conflict);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms_of_a_unit_are_one_key),
        cmocka_unit_test(test_year_after_a_number_is_its_date),
        cmocka_unit_test(test_terms_written_apart_meet),
        cmocka_unit_test(test_dual_unit_is_two),
    };
    return cmocka_run_group_tests_name("check/numbers_units", tests, NULL, NULL);
}
