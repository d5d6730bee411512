/* test_numbers_measure_head.c — a percentage after a measure's name is a
 * move of that measure (src/check/numbers_measure_head.c): «ارتفع سعر خام
 * برنت 4%» had no noun (a name without the article is none), so it was no
 * value, and a claim «ارتفع سعر خام برنت 86%» — the price level read as
 * its rise — met nothing and was SUPPORTED. Sentences written for the
 * test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "two_voices.h"
#include "value_of.h"

static void test_marks(void **state)
{
    (void)state;
    mz_number x = value_of("وارتفع سعر خام برنت 4% إلى 86 دولارا للبرميل", 4);
    assert_string_equal(x.noun, "سعر");
    assert_true(x.move);
    assert_string_equal(value_of("وتراجعت أسعار خام برنت 3% في التعاملات", 3).noun, "أسعار");
    assert_string_equal(value_of("وارتفعت صادرات زاهرة 12% خلال الربع", 12).noun, "صادرات");
    /* the nouns reader's own reading stays: «من …», a noun with the article */
    assert_string_equal(value_of("وارتفع سعر خام برنت 4% من قيمته", 4).noun, "قيمته");
    assert_false(value_of("وقال إن سعر برنت ارتفع وأن 5% من الشحنات تأخرت", 5).move);
    /* not past «أن», a number or a clause mark */
    assert_string_equal(value_of("وقال وزير سعر الصرف إن 7% تكفي", 7).noun, "");
    assert_string_equal(value_of("سعر النفط 80 دولارا و5%", 5).noun, "");
    assert_string_equal(value_of("استقر سعر برنت، وارتفع 6%", 6).noun, "");
    assert_string_equal(value_of("ارتفع سعر الصرف أمس ثم ارتفع 5% خلال أسبوع", 5).noun, "");
}

/* The claim's 86% rise is no figure a source gives: the sources' price rose
 * 4% (to 86 dollars). A 1% fall a page of another day reports is that
 * day's move, not a conflict; of one day it is. */
static void test_claim_rise(void **state)
{
    (void)state;
    const char *claim = "ارتفع سعر خام برنت 86% بعد قرار تحالف الرمال";
    const char *rise = "وارتفع سعر خام برنت 4% إلى 86 دولارا للبرميل بعد قرار تحالف الرمال";
    const char *fall = "وتراجع سعر خام برنت 1% إلى 81 دولارا للبرميل بعد تأجيل اجتماع تحالف الرمال";
    mz_check_result *r = two_voices(claim, rise, "2026-11-27", fall, "2026-11-16");
    const mz_check_quantity *q = NULL;
    for (size_t i = 0; i < r->n_numbers && !q; i++)
        if (r->numbers[i].kind == MZ_QTY_PERCENT && !strcmp(r->numbers[i].quantity, "سعر"))
            q = &r->numbers[i];
    assert_non_null(q);
    assert_true(q->on_claim);
    assert_true(q->has_claim_value);
    assert_true(q->claim_unmatched);
    assert_false(q->conflict);
    mz_check_result_free(r);
    r = two_voices(claim, rise, "2026-11-27", fall, "2026-11-27");
    bool conflict = false;
    for (size_t i = 0; i < r->n_numbers; i++)
        conflict = conflict || (r->numbers[i].kind == MZ_QTY_PERCENT && r->numbers[i].conflict);
    assert_true(conflict);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks),
        cmocka_unit_test(test_claim_rise),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
