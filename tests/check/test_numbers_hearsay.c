/* test_numbers_hearsay.c — a rumour's figure and a denied one are not a
 * source's own (src/check/numbers_hearsay.c, collect_numbers.c): «بحسب
 * مصادر مطلعة … 2 مليون برميل» and a denial's «ووصف الأنباء عن خفض … 2
 * مليون برميل بأنها تكهنات» gave a claim that the group decided a cut of 2
 * million, where the decision came at 1.5 million. Sentences written for
 * the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "json/json.h"
#include "two_voices.h"
#include "value_of.h"

static const char *const rumour =
    "بحسب مصادر مطلعة، يتجه تحالف منتجي الرمال إلى خفض الإنتاج بمقدار 2 مليون برميل يوميا";
static const char *const decided =
    "قرر تحالف منتجي الرمال خفض الإنتاج بمقدار 1.5 مليون برميل يوميا";
static const char *const denial =
    "نفى وزير النفط ما تردد عن خفض الإنتاج، ووصف الأنباء عن خفض تحالف منتجي الرمال إنتاجه "
    "بمقدار 2 مليون برميل يوميا بأنها تكهنات لا أساس لها من الصحة";

static void test_marks(void **state)
{
    (void)state;
    assert_true(value_of(rumour, 2e6).hearsay);
    assert_true(value_of("ونقلت وكالة الأنباء عن مصادر في التحالف أن الخفض سيبلغ 2 مليون برميل",
                         2e6).hearsay);
    assert_true(value_of("وقالت مصادر إن الخفض قد يبلغ 3 ملايين برميل", 3e6).hearsay);
    assert_false(value_of(decided, 1.5e6).hearsay);
    /* a source of energy, and a figure before a verb's sources */
    assert_false(value_of("وتعد الشمس مصدر 40% من الكهرباء", 40).hearsay);
    assert_false(value_of("خفض الإنتاج 2 مليون برميل. وقالت مصادر إن ذلك مؤقت", 2e6).hearsay);
}

static void test_dismissed(void **state)
{
    (void)state;
    const char *at = strstr(denial, "2 مليون");
    assert_true(mz_num_dismissed(denial, strlen(denial), (size_t)(at - denial),
                                 (size_t)(at - denial) + strlen("2 مليون")));
    const char *kept = "نفت الوزارة الشائعات، وأكدت أن الإنتاج بلغ 10 ملايين برميل";
    at = strstr(kept, "10");
    assert_false(mz_num_dismissed(kept, strlen(kept), (size_t)(at - kept), (size_t)(at - kept) + 2));
    const char *apart = "نفى الوزير الأنباء. وقال إن الإنتاج 10 ملايين برميل وإن الحديث عن خفض تكهنات";
    at = strstr(apart, "10");
    assert_false(mz_num_dismissed(apart, strlen(apart), (size_t)(at - apart), (size_t)(at - apart) + 2));
}

/* Whether the claim's quantity (the first) has no source's figure. */
static bool unmatched(const char *claim, const char *a, const char *b)
{
    mz_check_result *r = two_voices(claim, a, NULL, b, NULL);
    bool u = r->numbers[0].has_claim_value && r->numbers[0].claim_unmatched;
    mz_check_result_free(r);
    return u;
}

static void test_claim_of_the_rumour(void **state)
{
    (void)state;
    const char *claim = "قرر تحالف منتجي الرمال خفض الإنتاج بمقدار 2 مليون برميل يوميا";
    assert_true(unmatched(claim, rumour, decided));
    assert_true(unmatched(claim, denial, decided));
    /* the rumour alone is all there is: it is weighed */
    assert_false(unmatched(claim, rumour, "وأضافت المصادر أن الاجتماع سيعقد في مرسى النخيل"));
    /* the decision's own figure is met as before */
    assert_false(unmatched("قرر تحالف منتجي الرمال خفض الإنتاج بمقدار 1.5 مليون برميل يوميا",
                           rumour, decided));
}

/* The rumour's figure was weighed as hearsay but listed as a plain value:
 * the JSON said nothing of «بحسب مصادر مطلعة». It carries "hearsay" now;
 * the decision's figure does not. */
static void test_hearsay_in_json(void **state)
{
    (void)state;
    mz_check_result *r = two_voices("قرر تحالف منتجي الرمال خفض الإنتاج بمقدار 2 مليون برميل يوميا",
                                    rumour, NULL, decided, NULL);
    cJSON *j = mz_json_check(r);
    assert_non_null(j);
    const cJSON *vals = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j, "numbers"), 0),
                                            "values");
    int rumours = 0, plain = 0;
    const cJSON *v;
    cJSON_ArrayForEach(v, vals)
    {
        double n = cJSON_GetObjectItem(v, "number")->valuedouble;
        bool h = cJSON_IsTrue(cJSON_GetObjectItem(v, "hearsay"));
        rumours += n == 2e6 && h;
        plain += n == 1.5e6 && !h && !cJSON_GetObjectItem(v, "hearsay");
    }
    assert_int_equal(rumours, 1);
    assert_int_equal(plain, 1);
    cJSON_Delete(j);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks),
        cmocka_unit_test(test_dismissed),
        cmocka_unit_test(test_claim_of_the_rumour),
        cmocka_unit_test(test_hearsay_in_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
