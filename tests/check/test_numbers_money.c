/* test_numbers_money.c — the figures a business desk checks: amounts of
 * money written in words («مليار ونصف دولار»), rates and what they measure
 * («سعر الفائدة الرئيسي إلى 15 بالمئة»), ranges of amounts. */
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

/* The one value of s: as written, its range, its kind and its noun. */
static void assert_only(const char *s, const char *written, double lo, double hi, mz_qty_kind kind,
                        const char *noun)
{
    mz_number v[8];
    assert_int_equal(extract(s, v, 8), 1);
    assert_int_equal(v[0].end - v[0].start, strlen(written));
    assert_memory_equal(s + v[0].start, written, strlen(written));
    assert_true(v[0].number == lo);
    assert_true(v[0].number_max == hi);
    assert_int_equal(v[0].kind, kind);
    assert_string_equal(v[0].noun, noun);
}

/* A half or a quarter after a number is of its last unit: «مليار ونصف» was
 * one billion counting nothing, «اثنين ونصف بالمئة» the number 2, and «بين
 * مليار ومليار ونصف» the sum of two billions. */
static void test_halves_and_quarters(void **state)
{
    (void)state;
    assert_only("ضخ المصرف مليار ونصف دولار في السوق", "مليار ونصف", 1.5e9, 1.5e9, MZ_QTY_COUNT,
                "دولار");
    assert_only("بلغت الصادرات مليار ونصف المليار دولار", "مليار ونصف المليار", 1.5e9, 1.5e9,
                MZ_QTY_COUNT, "دولار");
    assert_only("بلغ العجز ثلاثة ملايين وربع دينار", "ثلاثة ملايين وربع", 3.25e6, 3.25e6,
                MZ_QTY_COUNT, "دينار");
    assert_only("بلغ الدين 3 ملايين ونصف ريال", "3 ملايين ونصف", 3.5e6, 3.5e6, MZ_QTY_COUNT,
                "ريال");
    assert_only("وارتفع التضخم بنسبة اثنين ونصف بالمئة", "اثنين ونصف بالمئة", 2.5, 2.5,
                MZ_QTY_PERCENT, "التضخم");
    assert_only("باع المصرف ما بين مليار ومليار ونصف دولار من احتياطيه", "بين مليار ومليار ونصف",
                1e9, 1.5e9, MZ_QTY_COUNT, "دولار");
    /* a half after a noun is the noun's («ساعة ونصف»), and a remainder keeps its sum */
    mz_number v[8];
    assert_int_equal(extract("انتظر المسافرون ساعة ونصف", v, 8), 0);
    assert_only("بلغ العجز ألف وخمسمئة دينار", "ألف وخمسمئة", 1500, 1500, MZ_QTY_COUNT, "دينار");
}

/* The wire's «مليار ونصف دولار» against the ministry's «600 مليون دولار»:
 * sources in conflict, the claim's 1.5 billion given by the wire. */
static void test_amount_in_words_meets_digits(void **state)
{
    (void)state;
    mz_check_result *r = two_voices("ضخ المصرف المركزي 1.5 مليار دولار في السوق",
                                    "قال المحافظ إن المصرف ضخ مليار ونصف دولار في السوق .", NULL,
                                    "قالت الوزارة إن المصرف ضخ 600 مليون دولار فقط .", NULL);
    const mz_check_quantity *q = &r->numbers[0];
    assert_string_equal(q->quantity, "دولار");
    assert_true(q->has_claim_value && q->claim_number == 1.5e9);
    assert_int_equal(q->n_values, 2);
    assert_true(q->conflict);
    assert_false(q->claim_unmatched);
    mz_check_result_free(r);
}

/* What a rate measures past an adjective, a place after في and a verb
 * after الذي: «الرئيسي», «النوراني», «نوران» and «ارتفع» measure nothing. */
static void test_what_a_rate_measures(void **state)
{
    (void)state;
    assert_only("رفع المصرف سعر الفائدة الرئيسي إلى 15 بالمئة", "15 بالمئة", 15, 15,
                MZ_QTY_PERCENT, "الفائدة");
    assert_only("تراجع الدينار النوراني بنسبة 12 بالمئة أمام الدولار", "12 بالمئة", 12, 12,
                MZ_QTY_PERCENT, "الدينار");
    assert_only("ارتفع التضخم في نوران إلى 25 بالمئة", "25 بالمئة", 25, 25, MZ_QTY_PERCENT,
                "التضخم");
    assert_only("ارتفعت البطالة في العاصمة إلى ٩٫٢٪", "٩٫٢٪", 9.2, 9.2, MZ_QTY_PERCENT, "البطالة");
    assert_only("يهدف القرار إلى كبح التضخم الذي ارتفع إلى 18.5%", "18.5%", 18.5, 18.5,
                MZ_QTY_PERCENT, "التضخم");
    /* as before: the noun before «بنسبة», and none for a bare verb */
    assert_only("ارتفعت البطالة بنسبة 20%", "20%", 20, 20, MZ_QTY_PERCENT, "البطالة");
    assert_only("قالت الشركة إن المبيعات ارتفعت 5%", "5%", 5, 5, MZ_QTY_PERCENT, "");
    /* a word with a preposition on its article is no adjective */
    assert_only("حملت المنظمة القوات الحكومية بالمسؤولية عن 90% منها", "90%", 90, 90,
                MZ_QTY_PERCENT, "بالمسؤولية");
}

/* A claim of 25% inflation against a source's 18.5%: the claim's figure
 * is set against the source's (it was a quantity of its own, «الرئيسي» or
 * none, and no source was said to miss the claim's number). */
static void test_claims_rate_meets_the_sources(void **state)
{
    (void)state;
    mz_check_result *r = two_voices("ارتفع التضخم في نوران إلى 25 بالمئة في الربع الثالث",
                                    "قال المصرف إن التضخم الذي ارتفع إلى 18.5% يقلقه .", NULL,
                                    "رفع المصرف سعر الفائدة الرئيسي إلى 15 بالمئة .", NULL);
    const mz_check_quantity *q = NULL;
    for (size_t i = 0; i < r->n_numbers; i++)
        if (!strcmp(r->numbers[i].quantity, "التضخم"))
            q = &r->numbers[i];
    assert_non_null(q);
    assert_true(q->on_claim && q->has_claim_value && q->claim_number == 25);
    assert_true(q->claim_unmatched);
    mz_check_result_free(r);
    r = two_voices("رفع المصرف المركزي سعر الفائدة إلى 15 بالمئة",
                   "رفع المصرف سعر الفائدة الرئيسي إلى 15 بالمئة .", NULL,
                   "رفع المصرف سعر الفائدة الرئيسي إلى ١٥٪ يوم الأحد .", NULL);
    assert_string_equal(r->numbers[0].quantity, "الفائدة");
    assert_true(r->numbers[0].has_claim_value && r->numbers[0].claim_number == 15);
    assert_int_equal(r->numbers[0].n_values, 2);
    assert_false(r->numbers[0].conflict || r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
}

/* A claim about the dinar's fall «أمام الدولار» counts no dollars: the
 * reserves and the injection of two sources were flagged as a conflict of
 * the claim's quantity. A claim that gives an amount still counts them. */
static void test_currency_of_a_rate_is_no_count(void **state)
{
    (void)state;
    const char *a = "قال المحافظ إن احتياطي المصرف يبلغ 9 مليارات دولار .";
    const char *b = "قالت الوزارة إن المصرف ضخ 600 مليون دولار في السوق .";
    mz_check_result *r = two_voices("تراجع الدينار بنسبة 12 بالمئة أمام الدولار", a, NULL, b, NULL);
    assert_string_equal(r->numbers[0].quantity, "دولار");
    assert_false(r->numbers[0].on_claim);
    assert_false(r->numbers[0].conflict);
    assert_null(r->numbers[0].claim_noun);
    mz_check_result_free(r);
    r = two_voices("ضخ المصرف 600 مليون دولار لدعم الدينار", a, NULL, b, NULL);
    assert_true(r->numbers[0].on_claim && r->numbers[0].has_claim_value);
    mz_check_result_free(r);
}

/* What an amount of money is of: the noun that governs it a few words
 * before it, not past a stop; a construct's first noun («عجز الموازنة»). */
static void test_what_an_amount_is_of(void **state)
{
    (void)state;
    struct {
        const char *s, *of, *key;
    } cases[] = {
        {"قال المحافظ إن احتياطي المصرف من العملات الأجنبية يبلغ 9 مليارات دولار", "احتياطي",
         "احتياطي"},
        {"ويبلغ احتياطي المصرف 9 مليارات دولار", "احتياطي", "احتياطي"},
        {"قال المحافظ إن المصرف ضخ مليار ونصف دولار في السوق", "ضخ", "ضخ"},
        {"قالت الوزارة إن ما ضخه المصرف لم يتجاوز 600 مليون دولار", "ضخه", "ضخ"},
        {"بلغ عجز الموازنة مليارين وثلاثمئة مليون دينار", "عجز", "عجز"},
        {"وتراجعت الصادرات بنسبة ثلاثة بالمئة إلى 4.2 مليار دولار", "الصادرات", "صادرات"},
        {"وقال إن الاحتياطي الذي يبلغ 9 مليارات دولار يكفي", "الاحتياطي", "احتياطي"},
        /* nothing read: a bare amount, a money noun past a stop, and one
         * past the noun of a relative clause the amount is in */
        {"سيوفر الجانب الكوري التمويل الكامل للمشروع الذي تبلغ قيمته 720 مليون يورو", "", ""},
        {"باع المصرف مليار دولار", "", ""},
        {"ارتفع الاحتياطي . وباع المصرف مليار دولار", "", ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mz_number v[8];
        size_t n = extract(cases[i].s, v, 8), at = n;
        for (size_t k = 0; k < n; k++)
            if (v[k].kind == MZ_QTY_COUNT)
                at = k;
        assert_true(at < n);
        assert_string_equal(v[at].of, cases[i].of);
        assert_string_equal(v[at].of_key, cases[i].key);
    }
}

/* The reserves of one source and the injection of another are two
 * quantities: they were one «دولار» quantity, set against each other as a
 * conflict, and the claim of an injection counted the reserves. */
static void test_reserves_are_not_an_injection(void **state)
{
    (void)state;
    const char *a = "قال المحافظ إن احتياطي المصرف يبلغ 9 مليارات دولار .";
    const char *b = "قالت الوزارة إن المصرف ضخ 600 مليون دولار في السوق .";
    mz_check_result *r = two_voices("ضخ المصرف المركزي 1.5 مليار دولار لدعم الدينار", a, NULL, b,
                                    NULL);
    assert_int_equal(r->n_numbers, 2);
    for (size_t i = 0; i < 2; i++) {
        const mz_check_quantity *q = &r->numbers[i];
        assert_int_equal(q->n_values, 1);
        assert_false(q->conflict);
        bool reserves = !strcmp(q->of, "احتياطي");
        assert_true(reserves || !strcmp(q->of, "ضخ"));
        assert_true(q->on_claim == !reserves);   /* the claim is of an injection */
        assert_true(q->has_claim_value == !reserves);
        assert_true(q->claim_unmatched == !reserves); /* 600 million is not 1.5 billion */
    }
    mz_check_result_free(r);
    /* reserves against reserves still conflict */
    r = two_voices("يبلغ احتياطي المصرف 9 مليارات دولار", a, NULL,
                   "وقال خبير إن احتياطي المصرف لا يتجاوز 4 مليارات دولار .", NULL);
    assert_int_equal(r->n_numbers, 1);
    assert_string_equal(r->numbers[0].of, "احتياطي");
    assert_true(r->numbers[0].on_claim && r->numbers[0].conflict);
    mz_check_result_free(r);
    /* a claim's figure a source gives with nothing read is not unmatched
     * in the quantity split from it by what it is of */
    r = two_voices("قال الوزير إن بلاده ستقدم 15 مليون يورو للمناطق المحررة",
                   "منحت المفوضية المنظمة 14 مليون يورو .", NULL,
                   "وقال إن التمويل يبلغ 720 مليون يورو .", NULL);
    assert_int_equal(r->n_numbers, 2);
    for (size_t i = 0; i < 2; i++)
        assert_true(r->numbers[i].has_claim_value && !r->numbers[i].claim_unmatched);
    mz_check_result_free(r);
    /* a claim's bare amount is set against every amount of its currency */
    r = two_voices("باع المصرف 600 مليون دولار", a, NULL, b, NULL);
    for (size_t i = 0; i < r->n_numbers; i++)
        assert_true(r->numbers[i].on_claim && r->numbers[i].has_claim_value);
    mz_check_result_free(r);
}

/* A transfer's fee and a player's salary in one currency are two amounts:
 * «مقابل» before an amount is its price, «براتب» its pay. The salary of
 * one source was set against the claim's fee beside the fees of others. */
static void test_a_fee_is_not_a_salary(void **state)
{
    (void)state;
    struct {
        const char *s, *key;
    } cases[] = {
        {"أعلن النادي انتقال مهاجمه إلى فالمورا مقابل 35 مليون يورو", "ثمن"},
        {"أكمل فالمورا التعاقد مع المهاجم في صفقة بلغت قيمتها 35 مليون يورو", "ثمن"},
        {"ووقع اللاعب عقدا لمدة 4 سنوات براتب سنوي يبلغ 6 ملايين يورو", "راتب"},
        /* «مقابل» after an amount of its currency sets one against the
         * other: the second is of what the first is */
        {"بلغت الصادرات 5 مليارات دولار مقابل 3 مليارات دولار العام الماضي", "صادرات"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mz_number v[8];
        size_t n = extract(cases[i].s, v, 8), at = n;
        for (size_t k = 0; k < n; k++)
            if (v[k].kind == MZ_QTY_COUNT)
                at = k;
        assert_true(at < n);
        assert_string_equal(v[at].of_key, cases[i].key);
    }
    mz_check_result *r = two_voices(
        "باع النادي مهاجمه إلى فالمورا مقابل 50 مليون يورو",
        "أعلن النادي انتقال مهاجمه إلى فالمورا مقابل 35 مليون يورو .", NULL,
        "ووقع المهاجم عقدا مع فالمورا براتب سنوي يبلغ 6 ملايين يورو .", NULL);
    size_t fee = 0, salary = 0;
    for (size_t i = 0; i < r->n_numbers; i++) {
        const mz_check_quantity *q = &r->numbers[i];
        if (q->of && strstr(q->of, "راتب")) { /* as written: «براتب» */
            salary++;
            assert_false(q->on_claim); /* the claim gives no salary */
        } else {
            fee++;
            assert_true(q->on_claim && q->claim_unmatched); /* 35, not 50 */
            assert_int_equal(q->n_values, 1);
        }
    }
    assert_int_equal(fee, 1);
    assert_int_equal(salary, 1);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_halves_and_quarters),
        cmocka_unit_test(test_what_an_amount_is_of),
        cmocka_unit_test(test_reserves_are_not_an_injection),
        cmocka_unit_test(test_a_fee_is_not_a_salary),
        cmocka_unit_test(test_amount_in_words_meets_digits),
        cmocka_unit_test(test_what_a_rate_measures),
        cmocka_unit_test(test_claims_rate_meets_the_sources),
        cmocka_unit_test(test_currency_of_a_rate_is_no_count),
    };
    return cmocka_run_group_tests_name("check/numbers_money", tests, NULL, NULL);
}
