/* test_report_numbers.c — the words of a quantity in the terminal's and the
 * Markdown's "numbers in the evidence" list (report_quantity_text): a
 * demanded figure is said as such, as the JSON's "demanded" is, and a
 * figure of another story of the page as the JSON's "other_story" is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/report.h"

static char *text_of(mz_check_value *v, size_t n)
{
    mz_check_quantity qt = {.quantity = "عام", .kind = MZ_QTY_COUNT, .values = v, .n_values = n};
    mz_buf b = {0};
    assert_int_equal(report_quantity_text(&b, &qt), 0);
    assert_non_null(b.p);
    return b.p;
}

static void test_demanded_and_forecast_said(void **state)
{
    (void)state;
    mz_check_value v[2] = {
        {.value = "15", .number = 15, .number_max = 15, .article_id = 3, .voice = 1,
         .demanded = true},
        {.value = "7", .number = 7, .number_max = 7, .article_id = 4, .voice = 2},
    };
    char *t = text_of(v, 2);
    assert_non_null(strstr(t, "15 (demanded; voice 1, #3)"));
    assert_non_null(strstr(t, "7 (voice 2, #4)"));
    free(t);
    v[0].demanded = false;
    v[0].forecast = true;
    t = text_of(v, 1);
    assert_non_null(strstr(t, "15 (forecast; voice 1, #3)"));
    assert_null(strstr(t, "demanded"));
    free(t);
}

/* «من جهة أخرى، قتل 12 شخصا في حادث سير»: listed, set against nothing,
 * and the list says why */
static void test_other_story_said(void **state)
{
    (void)state;
    mz_check_value v[2] = {
        {.value = "40", .number = 40, .number_max = 40, .article_id = 1, .voice = 1},
        {.value = "12", .number = 12, .number_max = 12, .article_id = 2, .voice = 2,
         .other_story = true},
    };
    char *t = text_of(v, 2);
    assert_non_null(strstr(t, "40 (voice 1, #1)"));
    assert_non_null(strstr(t, "12 (another story of the page; voice 2, #2)"));
    free(t);
}

/* «رفع الفائدة بمقدار 150 نقطة أساس» beside a claim of 1.5 points: the
 * list said "150 (a rise by it)" with the claim's 1.5 and no word that the
 * two meet (the JSON's basis_points alone said so) */
static void test_basis_points_said(void **state)
{
    (void)state;
    mz_check_value v[1] = {
        {.value = "150", .number = 1.5, .number_max = 1.5, .article_id = 3, .voice = 1,
         .change = 1, .basis = true},
    };
    char *t = text_of(v, 1);
    assert_non_null(strstr(t, "150 (basis points: 1.5 points; a rise by it; voice 1, #3)"));
    free(t);
}

/* «بحسب مصادر مطلعة … بنسبة 25%»: a rumour's figure was listed as a plain
 * value, though weighed as hearsay (the JSON's "hearsay") */
static void test_hearsay_said(void **state)
{
    (void)state;
    mz_check_value v[2] = {
        {.value = "25%", .number = 25, .number_max = 25, .article_id = 2, .voice = 1,
         .change = 1, .hearsay = true},
        {.value = "15%", .number = 15, .number_max = 15, .article_id = 8, .voice = 4, .change = 1},
    };
    char *t = text_of(v, 2);
    assert_non_null(strstr(t, "25% (unnamed sources' word; a rise by it; voice 1, #2)"));
    assert_non_null(strstr(t, "15% (a rise by it; voice 4, #8)"));
    free(t);
}

/* The Markdown list flags a claim's figure the sources give only as another
 * period's as the terminal does (ANOTHER PERIOD'S); it read "ليس رقم
 * الادعاء (NOT THE CLAIM'S)", as if no source gave it at all. */
static void test_markdown_other_period(void **state)
{
    (void)state;
    mz_check_value v[1] = {
        {.value = "26.4%", .number = 26.4, .number_max = 26.4, .article_id = 3, .voice = 1,
         .per = 'y', .off_claim = true},
    };
    mz_check_quantity qt = {.quantity = "التضخم", .kind = MZ_QTY_PERCENT, .values = v, .n_values = 1,
                            .on_claim = true, .has_claim_value = true, .claim_number = 26.4,
                            .claim_number_max = 26.4, .claim_per = 'm', .claim_unmatched = true,
                            .claim_other_period = true};
    mz_check_result r = {.claim = "ارتفع التضخم على أساس شهري إلى 26.4%", .numbers = &qt, .n_numbers = 1};
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    assert_non_null(f);
    assert_int_equal(report_markdown(f, &r, 0, NULL, 0), 0);
    fclose(f);
    assert_non_null(strstr(text, "(ANOTHER PERIOD'S):** التضخم"));
    assert_null(strstr(text, "NOT THE CLAIM'S"));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_demanded_and_forecast_said),
        cmocka_unit_test(test_other_story_said),
        cmocka_unit_test(test_basis_points_said),
        cmocka_unit_test(test_hearsay_said),
        cmocka_unit_test(test_markdown_other_period),
    };
    return cmocka_run_group_tests_name("cli/report_numbers", tests, NULL, NULL);
}
