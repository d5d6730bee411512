/* test_numbers_replaced.c — a figure another source says was replaced
 * (src/check/numbers_replaced.c): the first-instance reports' 7 years,
 * which the appeal's story tells as «بعد أن كان 7 سنوات», is an earlier
 * figure, not a second account set against the appeal's 5. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "dated_voices.h"


static const mz_check_quantity *quantity(const mz_check_result *r, const char *noun)
{
    for (size_t i = 0; i < r->n_numbers; i++)
        if (!strcmp(r->numbers[i].quantity, noun))
            return &r->numbers[i];
    fail_msg("no quantity %s", noun);
    return NULL;
}

static const char *const trial[] = {
    "قضت المحكمة بسجن الوزير السابق رامي الحداد 7 سنوات بعد إدانته باختلاس المال العام.",
    "وكانت المحكمة قد حكمت على الحداد بالسجن 7 سنوات في أيار الماضي.",
    ("خففت محكمة الاستئناف حكم سجن الوزير السابق رامي الحداد إلى 5 سنوات بعد أن كان 7 "
     "سنوات.")};

/* The appeal: the May reports' 7 are earlier figures (no date known, as in
 * baly2018, or published before the appeal), no conflict with the 5. */
static void test_appeal_replaces_the_sentence(void **state)
{
    (void)state;
    const char *dated[] = {"2026-05-15", "2026-05-20", "2026-06-10"};
    const char *const *cases[] = {NULL, dated};
    for (size_t c = 0; c < 2; c++) {
        mz_check_result *r =
            collect("خففت محكمة الاستئناف حكم الوزير السابق رامي الحداد إلى 5 سنوات", trial,
                    cases[c], 3);
        const mz_check_quantity *q = quantity(r, "سنوات");
        assert_int_equal(q->n_values, 4);
        assert_false(q->conflict);
        assert_false(q->claim_unmatched);
        for (size_t i = 0; i < q->n_values; i++) {
            assert_int_equal(q->values[i].earlier, q->values[i].number == 7);
            assert_false(q->values[i].off_claim);
        }
        mz_check_result_free(r);
    }
}

/* A source that gives the 7 after the appeal's story is a second account;
 * a figure told as earlier by an article with no newer one replaces
 * nothing. Both conflict as before. */
static void test_not_replaced(void **state)
{
    (void)state;
    const char *later[] = {"2026-06-20", "2026-06-20", "2026-06-10"};
    mz_check_result *r = collect("خففت محكمة الاستئناف حكم الوزير السابق إلى 5 سنوات", trial,
                                 later, 3);
    assert_true(quantity(r, "سنوات")->conflict);
    mz_check_result_free(r);
    const char *const bare[] = {
        "قضت المحكمة بسجن الوزير السابق 7 سنوات بعد إدانته باختلاس المال العام.",
        "وقالت المحكمة في وقت سابق إن الوزير السابق سيسجن 7 سنوات.",
        "قضت محكمة الاستئناف بسجن الوزير السابق 5 سنوات."};
    r = collect("قضت المحكمة بسجن الوزير السابق 5 سنوات", bare, NULL, 3);
    const mz_check_quantity *q = quantity(r, "سنوات");
    assert_true(q->conflict);
    for (size_t i = 0; i < q->n_values; i++)
        if (q->values[i].article_id == 1)
            assert_false(q->values[i].earlier);
    mz_check_result_free(r);
}

/* A floor is no figure: «أكثر من 7 سنوات» allows the replaced 7 without
 * being it, and stays set against the appeal's 5. */
static void test_floor_not_replaced(void **state)
{
    (void)state;
    const char *const floor[] = {
        "قضت المحكمة بسجن الوزير السابق أكثر من 7 سنوات بعد إدانته.", trial[2]};
    mz_check_result *r = collect("خففت محكمة الاستئناف حكم الوزير السابق إلى 5 سنوات", floor,
                                 NULL, 2);
    const mz_check_quantity *q = quantity(r, "سنوات");
    for (size_t i = 0; i < q->n_values; i++)
        if (q->values[i].article_id == 1)
            assert_false(q->values[i].earlier);
    assert_true(q->conflict);
    mz_check_result_free(r);
}

/* A toll: «ارتفعت الحصيلة إلى 40 بعد أن كانت 30» — another report's 30 is
 * that earlier figure. */
static void test_toll_told_as_earlier(void **state)
{
    (void)state;
    const char *const toll[] = {
        "سقط 30 قتيلا في انفجار السوق.",
        "ارتفعت حصيلة انفجار السوق إلى 40 قتيلا بعد أن كانت 30 قتيلا."};
    mz_check_result *r = collect("سقط 40 قتيلا في انفجار السوق", toll, NULL, 2);
    const mz_check_quantity *q = &r->numbers[0];
    assert_false(q->conflict);
    for (size_t i = 0; i < q->n_values; i++)
        assert_int_equal(q->values[i].earlier, q->values[i].number == 30);
    mz_check_result_free(r);
}

/* A claim of the first-instance sentence: no source gives the 7 as the
 * sentence now, but one gives it as the earlier figure — true once, not
 * never (claim_earlier), where a claim of 9 years no source gives at all. */
static void test_claim_of_the_earlier_figure(void **state)
{
    (void)state;
    const char *dated[] = {"2026-05-15", "2026-05-20", "2026-06-10"};
    mz_check_result *r =
        collect("قضت المحكمة بسجن الوزير السابق رامي الحداد 7 سنوات", trial, dated, 3);
    const mz_check_quantity *q = quantity(r, "سنوات");
    assert_false(q->conflict);
    assert_true(q->claim_unmatched);
    assert_true(q->claim_earlier);
    mz_check_result_free(r);
    r = collect("قضت المحكمة بسجن الوزير السابق رامي الحداد 9 سنوات", trial, dated, 3);
    q = quantity(r, "سنوات");
    assert_true(q->claim_unmatched);
    assert_false(q->claim_earlier);
    mz_check_result_free(r);
}

/* A total told with the figure it was, «56 نقطة بعد أن كان 53 نقطة»: the
 * two lie within the tolerance of two sources, so the 56 was read as the
 * same figure, no newer one, and another report's 53 (and the week
 * before's 52) stayed current. The sentence says they differ: the 53 and
 * the 52 nearer it are earlier; the 56 is not. */
static void test_replaced_within_tolerance(void **state)
{
    (void)state;
    const char *table[] = {
        "وبهذا الفوز يتصدر الشعلة الدوري برصيد 52 نقطة بفارق 4 نقاط عن الجبل.",
        "وبهذا التعادل يبقى الشعلة في الصدارة برصيد 53 نقطة.",
        "فاز الشعلة على الوادي ليرفع رصيده إلى 56 نقطة في صدارة الترتيب بعد أن كان 53 نقطة."};
    const char *dated[] = {"2026-02-01", "2026-02-08", "2026-02-14"};
    mz_check_result *r = collect("يتصدر نادي الشعلة الدوري برصيد 52 نقطة", table, dated, 3);
    const mz_check_quantity *q = quantity(r, "نقطة");
    assert_int_equal(q->n_values, 4);
    for (size_t i = 0; i < q->n_values; i++)
        assert_int_equal(q->values[i].earlier, q->values[i].number != 56);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_appeal_replaces_the_sentence),
        cmocka_unit_test(test_not_replaced),
        cmocka_unit_test(test_floor_not_replaced),
        cmocka_unit_test(test_toll_told_as_earlier),
        cmocka_unit_test(test_claim_of_the_earlier_figure),
        cmocka_unit_test(test_replaced_within_tolerance),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
