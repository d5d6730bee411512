/* test_numbers_told_otherwise.c — a value told otherwise than the claim's
 * own (a level beside a claim of a change) is set against nothing
 * (collect_numbers.c told_otherwise): output that falls «إلى 9.7 مليون
 * برميل» stood in a conflict with another source's 1.5 million, under a
 * claim of a cut of 1.5 million, and the reason named the 9.7 as a figure
 * of the claim's cut. Sentences written for the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "two_voices.h"

static const char *const level =
    "وتتحمل زاهرة الحصة الأكبر من الخفض، إذ ينخفض إنتاجها من 10.2 مليون برميل إلى 9.7 مليون برميل";
static const char *const bare = "وأعلن التحالف أن حجم الخفض الجديد 1.5 مليون برميل";

static bool conflict_for(const char *claim, const char *a, const char *b)
{
    mz_check_result *r = two_voices(claim, a, NULL, b, NULL);
    bool c = false;
    for (size_t i = 0; i < r->n_numbers; i++)
        c = c || r->numbers[i].conflict;
    mz_check_result_free(r);
    return c;
}

static void test_level_beside_a_claimed_change(void **state)
{
    (void)state;
    /* the claim tells a change: the level is another figure of the noun */
    assert_false(conflict_for("قرر التحالف خفض الإنتاج بمقدار 1.5 مليون برميل", level, bare));
    /* a claim that tells its figure as neither: set against both, as before */
    assert_true(conflict_for("أعلن التحالف أن الخفض 1.5 مليون برميل", level, bare));
    /* two values told as the claim's still conflict */
    assert_true(conflict_for("قرر التحالف خفض الإنتاج بمقدار 1.5 مليون برميل",
                             "قرر التحالف خفض الإنتاج بمقدار 2 مليون برميل", bare));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_level_beside_a_claimed_change),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
