/* test_numbers_tally.c — a running total is not a match's count: «ليرفع
 * رصيده إلى 17 هدفا» (the scorer's season tally) was grouped with «سجل
 * المهاجم هدفين» (this match's goals), and a claim of 3 goals read "the
 * sources' numbers conflict: هدفين, 17" (numbers_of.c: of «رصيد»). */
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
    size_t n = mz_numbers_extract_scores(s, strlen(s), v, cap);
    return n < cap ? n : cap;
}

/* The value of s written as w. */
static const mz_number *value(const char *s, const mz_number *v, size_t n, const char *w)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].end - v[i].start == strlen(w) && !memcmp(s + v[i].start, w, strlen(w)))
            return &v[i];
    fail_msg("no value %s", w);
    return NULL;
}

static void test_a_running_total_is_of_the_tally(void **state)
{
    (void)state;
    mz_number v[8];
    const char *s = "وقاد المهاجم فريقه إلى الفوز بتسجيله هدفين، ليرفع رصيده إلى 17 هدفا في "
                    "صدارة ترتيب الهدافين.";
    size_t n = extract(s, v, 8);
    assert_string_equal(value(s, v, n, "17")->of_key, "رصيد");
    assert_string_equal(value(s, v, n, "هدفين")->of_key, ""); /* this match's */
    s = "وبهذا الفوز يتصدر الشعلة الدوري برصيد 52 نقطة بفارق 4 نقاط عن أقرب ملاحقيه.";
    n = extract(s, v, 8);
    assert_string_equal(value(s, v, n, "52")->of_key, "رصيد");
    assert_string_equal(value(s, v, n, "4")->of_key, ""); /* the gap is no total */
    /* «رصيد» past its clause tells of something else */
    s = "وعزز الفريق رصيده، وسجل المهاجم 3 أهداف في المباراة.";
    n = extract(s, v, 8);
    assert_string_equal(value(s, v, n, "3")->of_key, "");

    /* the claim of this match's goals meets the match's, not the tally */
    mz_check_result *r = two_voices(
        "سجل المهاجم كريم العابد 3 أهداف في مباراة الشعلة والميناء",
        "وسجل المهاجم كريم العابد هدفين في الشوط الأول أمام الميناء.", NULL,
        "وقاد المهاجم كريم العابد فريقه إلى الفوز على الميناء بتسجيله هدفين، ليرفع رصيده إلى 17 "
        "هدفا.",
        NULL);
    size_t match = 0, tally = 0;
    for (size_t i = 0; i < r->n_numbers; i++) {
        const mz_check_quantity *q = &r->numbers[i];
        if (q->kind != MZ_QTY_COUNT)
            continue;
        if (q->of) {
            tally++;
            assert_false(q->on_claim); /* the claim gives no season total */
            assert_false(q->has_claim_value);
        } else {
            match++;
            assert_true(q->on_claim && q->has_claim_value);
            assert_false(q->conflict); /* 2 and 2: 17 is not among them */
            assert_true(q->claim_unmatched);
            for (size_t k = 0; k < q->n_values; k++)
                assert_true(q->values[k].number == 2);
        }
    }
    assert_int_equal(match, 1);
    assert_int_equal(tally, 1);
    mz_check_result_free(r);

    /* a claim of the total is set against totals only */
    r = two_voices("رفع المهاجم كريم العابد رصيده إلى 17 هدفا",
                   "وسجل المهاجم كريم العابد هدفين في الشوط الأول.", NULL,
                   "ليرفع المهاجم كريم العابد رصيده إلى 17 هدفا.", NULL);
    for (size_t i = 0; i < r->n_numbers; i++)
        if (r->numbers[i].kind == MZ_QTY_COUNT)
            /* the total meets the claim's 17; the match's 2 is not set against it */
            assert_int_equal(r->numbers[i].has_claim_value, r->numbers[i].of != NULL);
    mz_check_result_free(r);
}

/* A running total is told exactly: 52 and 56 points are two tables, not
 * one count told roughly (within the 10% two counts are allowed, the 56
 * "gave" a claim of 52). Its earlier figures are earlier tables, set
 * against nothing: 52 after one round and 53 after the next is no
 * conflict of two sources. */
static void test_a_total_is_compared_exactly(void **state)
{
    (void)state;
    const char *claim = "يتصدر نادي الشعلة الدوري برصيد 52 نقطة";
    mz_check_result *r = two_voices(
        claim, "فاز الشعلة على الوادي 2-0 ليرفع رصيده إلى 56 نقطة بعد أن كان 53 نقطة.", NULL,
        "وبهذا الفوز يتصدر الشعلة الدوري برصيد 56 نقطة.", NULL);
    const mz_check_quantity *q = &r->numbers[0];
    assert_true(q->tally);
    assert_true(q->has_claim_value);
    assert_true(q->claim_unmatched); /* no source gives 52: the 56 does not */
    assert_false(q->conflict);
    mz_check_result_free(r);
    r = two_voices(claim, "وبهذا الفوز يتصدر الشعلة الدوري برصيد 56 نقطة بعد أن كان 52 نقطة.", NULL,
                   "وبهذا التعادل يبقى الشعلة في الصدارة برصيد 56 نقطة بعد أن كان 53 نقطة.", NULL);
    q = &r->numbers[0];
    assert_true(q->claim_earlier); /* the claim's 52 was the table once */
    assert_false(q->conflict);     /* 52 and 53, two earlier tables */
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_running_total_is_of_the_tally),
        cmocka_unit_test(test_a_total_is_compared_exactly),
    };
    return cmocka_run_group_tests_name("check/numbers_tally", tests, NULL, NULL);
}
