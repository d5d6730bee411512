/* test_numbers_change.c — a value told as a change («ارتفع التضخم بنسبة
 * 2.5%») is not set against one told as a level («ارتفع التضخم إلى
 * 18.5%»), and a change's direction is kept (numbers_change.c,
 * collect_numbers.c, reason.c). Sentences written for the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "check/reason.h"
#include "two_voices.h"

/* The k-th value of s: its change (+1, -1, 0) and whether it is a level. */
static mz_number value_of(const char *s, size_t k)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_true(n > k);
    return v[k];
}

static void test_marks(void **state)
{
    (void)state;
    /* a change: «بنسبة», «بـ», «بمقدار», points, after a word of change */
    assert_int_equal(value_of("ارتفع التضخم بنسبة اثنين ونصف بالمئة", 0).change, 1);
    assert_int_equal(value_of("وتراجع الدينار بـ3% أمام الدولار", 0).change, -1);
    assert_int_equal(value_of("وخفض البنك المركزي سعر الفائدة بمقدار 50 نقطة", 0).change, -1);
    assert_int_equal(value_of("وانخفضت الصادرات بنسبة 4% في الربع الثالث", 0).change, -1);
    assert_int_equal(value_of("وتراجع المؤشر العام 15 نقطة", 0).change, -1);
    assert_int_equal(value_of("سجلت الأسعار ارتفاعا بنسبة 3%", 0).change, 1);
    /* a level: «إلى» after a word of change, «بلغ», «سجل», «عند» */
    mz_number lv = value_of("ارتفع التضخم إلى 18.5% في أيلول", 0);
    assert_true(lv.level);
    assert_int_equal(lv.change, 0);
    assert_true(value_of("وسجل معدل التضخم 18.5% الشهر الماضي", 0).level);
    assert_true(value_of("وبلغت البطالة 12% في العام الماضي", 0).level);
    assert_true(value_of("واستقر المؤشر عند 1200 نقطة", 0).level);
    /* neither: no word of change, or one past a full stop */
    mz_number none = value_of("فاز المرشح بنسبة 60% من الأصوات", 0);
    assert_int_equal(none.change, 0);
    assert_false(none.level);
    none = value_of("ارتفعت الأسعار. وقالت الوزارة إن التضخم بنسبة 3%", 0);
    assert_int_equal(none.change, 0);
    assert_false(none.level);
}

static bool conflict_for(const char *claim, const char *a, const char *b)
{
    mz_check_result *r = two_voices(claim, a, NULL, b, NULL);
    bool conflict = false;
    for (size_t i = 0; i < r->n_numbers; i++)
        conflict = conflict || r->numbers[i].conflict;
    mz_check_result_free(r);
    return conflict;
}

static const char *const rise_by = "وقال البنك إنه ارتفع التضخم بنسبة اثنين ونصف بالمئة";
static const char *const rise_to = "ارتفع التضخم في البلاد إلى 18.5% الشهر الماضي";

/* A change and a level of one quantity are no conflict; two changes or two
 * levels that differ still are, and so is a rise against a fall. */
static void test_conflicts(void **state)
{
    (void)state;
    const char *claim = "ارتفع التضخم في البلاد";
    assert_false(conflict_for(claim, rise_by, rise_to));
    assert_true(conflict_for(claim, rise_to, "ارتفع التضخم في البلاد إلى 25% الشهر الماضي"));
    assert_true(conflict_for(claim, rise_by, "وقال البنك إنه ارتفع التضخم بنسبة 6%"));
    assert_true(conflict_for(claim, rise_by, "وقال البنك إنه انخفض التضخم بنسبة 2.5%"));
    /* a value told as neither is set against both, as before */
    assert_true(conflict_for(claim, rise_to, "وقال البنك إن التضخم 2.5%"));
}

/* The claim's own value keeps its kind: a claim of a level is not "not the
 * claim's" over a source's change, and is over a source's other level. */
static void test_claim_kind(void **state)
{
    (void)state;
    const char *claim = "ارتفع التضخم إلى 25%";
    mz_check_result *r = two_voices(claim, rise_by, NULL, rise_by, NULL);
    assert_true(r->numbers[0].has_claim_value);
    assert_true(r->numbers[0].claim_level);
    assert_false(r->numbers[0].values[0].off_claim);
    assert_false(r->numbers[0].claim_unmatched);
    mz_check_result_free(r);
    r = two_voices(claim, rise_to, NULL, rise_by, NULL);
    assert_true(r->numbers[0].claim_unmatched);
    assert_true(r->numbers[0].values[0].off_claim);
    assert_false(r->numbers[0].values[1].off_claim);
    mz_check_result_free(r);
}

/* A conflict of changes says which way each went: a rise of 2.5% and a
 * fall of 2.5% do not read as one figure. */
static void test_reason_direction(void **state)
{
    (void)state;
    mz_check_result *r =
        two_voices("ارتفع التضخم في البلاد", rise_by, NULL, "وقال البنك إنه انخفض التضخم بنسبة 2.5%", NULL);
    assert_true(r->numbers[0].conflict);
    mz_buf b = {0};
    assert_int_equal(mz_reason_values(&b, r, &r->numbers[0], false, "، ", "أكثر من", "أقل من",
                                      "المقال", true),
                     0);
    assert_non_null(strstr(b.p, "ارتفاع اثنين ونصف بالمئة"));
    assert_non_null(strstr(b.p, "انخفاض 2.5%"));
    mz_buf_free(&b);
    mz_buf e = {0};
    assert_int_equal(mz_reason_values(&e, r, &r->numbers[0], false, ", ", "over", "under",
                                      "article", false),
                     0);
    assert_non_null(strstr(e.p, "up "));
    assert_non_null(strstr(e.p, "down 2.5%"));
    mz_buf_free(&e);
    mz_check_result_free(r);
}

/* After a word of change «من X إلى Y» is a from–to: X the earlier level,
 * Y the level now. It was read as the range X–Y. A range with no word of
 * change stays one. */
static void test_from_to(void **state)
{
    (void)state;
    const char *const from_to[] = {
        "ارتفع التضخم من 16% إلى 18.5%",
        "ارتفع التضخم من 16% في سبتمبر إلى 18.5% في أكتوبر",
        "وتراجعت البطالة من 9.2 إلى 8.4 بالمئة",
    };
    const double was[] = {16, 16, 9.2}, now[] = {18.5, 18.5, 8.4};
    for (size_t i = 0; i < 3; i++) {
        mz_number v[8];
        size_t n = mz_numbers_extract(from_to[i], strlen(from_to[i]), v, 8);
        assert_int_equal(n, 2);
        assert_true(v[0].number == was[i] && v[0].number_max == was[i]);
        assert_true(v[0].earlier && !v[0].level);
        assert_int_equal(v[0].kind, MZ_QTY_PERCENT);
        assert_string_equal(v[0].noun_key, v[1].noun_key);
        assert_true(v[1].number == now[i] && v[1].level && !v[1].earlier);
    }
    /* ranges */
    mz_number r = value_of("تراوح التضخم بين 16 و18%", 0);
    assert_true(r.number == 16 && r.number_max == 18 && !r.earlier);
    r = value_of("قتل من 3 إلى 4 آلاف مقاتل", 0);
    assert_true(r.number == 3000 && r.number_max == 4000 && !r.earlier);
    /* the earlier level is set against no source's level now */
    mz_check_result *c = two_voices("ارتفع التضخم إلى 18.5%", "ارتفع التضخم من 16% إلى 18.5% .",
                                    NULL, "قال المكتب إن التضخم ارتفع إلى 18.5% .", NULL);
    assert_false(c->numbers[0].conflict || c->numbers[0].claim_unmatched);
    mz_check_result_free(c);
}

/* The level a change reaches past the change's own value and its unit
 * («بمقدار 50 نقطة أساس إلى 27%»): the word of change is further than the
 * reach from 27%, but its amount is no word between the two. */
static void test_level_past_change(void **state)
{
    (void)state;
    const char *s = "رفع البنك المركزي سعر الفائدة بمقدار 50 نقطة أساس إلى 27%";
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_int_equal(n, 2);
    assert_int_equal(v[0].change, 1);
    assert_true(v[1].number == 27 && v[1].level && !v[1].change);
    s = "وخفض البنك المركزي سعر الفائدة بنسبة 5% إلى 45% أمس";
    n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_int_equal(n, 2);
    assert_int_equal(v[0].change, -1);
    assert_true(v[1].number == 45 && v[1].level);
    /* a bare number after it is a loose range's top, no level */
    s = "ولم ترتفع معدلات أجور العمال سوى بنسبة 15 إلى 25 خلال السنوات الماضية";
    n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_true(n >= 2 && v[1].number == 25 && !v[1].level);
    /* not past another word: «إلى» that a value's unit does not lead to */
    s = "رفع البنك المركزي سعر الفائدة بمقدار 50 نقطة أساس وأشار إلى 27 مصرفا";
    n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_int_equal(n, 2);
    assert_false(v[1].level);
}

/* The level a change reached is of what the change is of: «رفع سعر
 * الفائدة الرئيسي بمقدار 150 نقطة أساس إلى 18.25%» gave the 18.25% no noun
 * (the reader looked back from it to «أساس»), so a claim of a level of
 * 19.75% of «الفائدة» met no source's level (markets journey M4). */
static void test_level_past_change_noun(void **state)
{
    (void)state;
    const char *s = "قرر البنك المركزي رفع سعر الفائدة الرئيسي بمقدار 150 نقطة أساس إلى 18.25%، "
                    "بعد أن كان 16.75%.";
    mz_number claim = value_of("رفع البنك المركزي سعر الفائدة الرئيسي إلى 19.75%", 0);
    mz_number lv = value_of(s, 1);
    assert_true(lv.number == 18.25 && lv.level);
    assert_string_equal(lv.noun, "الفائدة");
    assert_string_equal(lv.noun_key, claim.noun_key);
    /* the change keeps its unit: a rise of 1.5 points, not of the rate */
    assert_string_equal(value_of(s, 0).noun, "نقطة");
    /* a change that is a percentage of something gives the level its noun */
    mz_number p = value_of("وخفض البنك الاستثمار بنسبة 5% إلى 45% أمس", 1);
    assert_true(p.number == 45 && p.level);
    assert_string_equal(p.noun, value_of("وخفض البنك الاستثمار بنسبة 5% إلى 45% أمس", 0).noun);
    /* a count after «إلى» keeps its own noun */
    mz_number c = value_of("رفع المصنع إنتاجه بمقدار 50 طنا إلى 300 طن", 1);
    assert_string_equal(c.noun, "طن");
}

/* A level after «إلى» whose word of rising stands before a long subject:
 * «ارتفع إجمالي الإصابات بالكوليرا في محافظة الزيتونة إلى 5850 إصابة»
 * puts 8 words between, past the change reach, and the total was told as
 * neither. The subject's noun phrase is crossed; a clause's mark or another
 * figure between ends it. */
static void test_level_across_subject(void **state)
{
    (void)state;
    mz_number v = value_of("ارتفع إجمالي الإصابات بالكوليرا في محافظة الزيتونة إلى 5850 إصابة", 0);
    assert_true(v.level);
    assert_int_equal(v.change, 0);
    /* a comma ends the subject: the «إلى» belongs to another clause */
    assert_false(value_of("ارتفعت الأسعار في الأسواق الشعبية، وتوجه المواطنون في المدينة إلى 3 "
                          "أسواق جديدة", 0).level);
    /* another figure between: the «إلى» is not the rise's */
    assert_false(value_of("ارتفع عدد الطلاب في 4 مدارس من مدارس المحافظة الشمالية القريبة إلى 900 "
                          "طالب", 1).level);
}

/* After a word of change, a multiplier written once after Y is X's too
 * («ارتفع من 3 إلى 4 آلاف»: from 3,000), as for a range; not where it
 * would make X of another order than Y («من 800 إلى 1.2 مليون»). */
static void test_from_to_multiplier(void **state)
{
    (void)state;
    const char *s = "ارتفع عدد النازحين من 3 إلى 4 آلاف شخص";
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_int_equal(n, 2);
    assert_true(v[0].number == 3000 && v[0].earlier);
    assert_true(v[1].number == 4000 && v[1].level);
    s = "وتراجع الاحتياطي من 9 إلى 7.5 مليار دولار";
    n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_int_equal(n, 2);
    assert_true(v[0].number == 9e9 && v[1].number == 7.5e9);
    s = "ارتفع عدد السكان من 800 إلى 1.2 مليون نسمة";
    n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_int_equal(n, 2);
    assert_true(v[0].number == 800 && v[1].number == 1.2e6);
}

/* A day's new count is what the total rose by («سجلت الوزارة 120 إصابة
 * جديدة، ليرتفع إجمالي الإصابات إلى 5400 إصابة»): a rise, not a level that
 * «سجلت» made it, told of the day of its report; set against no total,
 * and two days' reports of new cases are not set against each other. */
static void test_new_count(void **state)
{
    (void)state;
    const char *s = "سجلت وزارة الصحة 120 إصابة جديدة بالكوليرا، ليرتفع إجمالي الإصابات إلى 5400 إصابة";
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_int_equal(n, 2);
    assert_true(v[0].number == 120 && v[0].change == 1 && !v[0].level && v[0].fresh);
    assert_false(v[1].fresh);
    assert_true(v[1].number == 5400 && v[1].level && !v[1].change);
    /* a day named stays the day; one word between noun and adjective */
    const char *named = "وسجلت المديرية يوم الخميس 210 حالة إصابة جديدة";
    n = mz_numbers_extract(named, strlen(named), v, 8);
    assert_true(n == 1 && v[0].change == 1 && v[0].fresh && v[0].day[0]);
    assert_int_equal(value_of("وأضافت المديرية 200 سرير إضافي إلى المستشفيات", 0).change, 1);
    /* not new: the adjective past a stop, or of another word */
    assert_int_equal(value_of("سجلت الوزارة 120 إصابة. جديدة هي الأرقام", 0).change, 0);
    assert_true(value_of("سجلت الوزارة 120 إصابة في مدن جديدة", 0).level);
    /* the claim's 120 new cases: the totals of the same day and of the
     * next are no conflict, nor the next day's 150 new cases */
    mz_check_result *c = two_voices("سجلت وزارة الصحة 120 إصابة جديدة بالكوليرا", s, "2026-03-03",
                                    "سجلت الوزارة 150 إصابة جديدة بالكوليرا، ليرتفع إجمالي الإصابات إلى 5550 إصابة .",
                                    "2026-03-04");
    assert_int_equal(c->n_numbers, 1);
    assert_false(c->numbers[0].conflict || c->numbers[0].claim_unmatched);
    for (size_t i = 0; i < c->numbers[0].n_values; i++)
        assert_false(c->numbers[0].values[i].conflicting);
    mz_check_result_free(c);
    /* one day's two accounts of its new cases still conflict */
    c = two_voices("سجلت وزارة الصحة 120 إصابة جديدة بالكوليرا", s, "2026-03-03",
                   "سجلت الوزارة 310 إصابات جديدة بالكوليرا .", "2026-03-03");
    assert_true(c->numbers[0].conflict);
    mz_check_result_free(c);
}

/* A verb of change with its future سـ is the verb: «سينخفض إلى 9.7 مليون»
 * is a level, not a figure told as neither and set against the cut's 1.5
 * million as a conflict (energy story, E1). A word that only begins with س
 * is read as it is («سجل» a level verb, «سيارة» no verb of change). */
static void test_future_sin(void **state)
{
    (void)state;
    mz_number lv = value_of("وقال إن إنتاج زاهرة سينخفض إلى 9.7 مليون برميل يوميا", 0);
    assert_true(lv.level);
    assert_int_equal(lv.change, 0);
    assert_true(value_of("وتوقع أن الأسعار ستتراجع إلى 80 دولارا", 0).level);
    assert_int_equal(value_of("وقال إن التضخم سيرتفع بنسبة 3% العام المقبل", 0).change, 1);
    assert_int_equal(value_of("وأضاف أن الصادرات ستتراجع بنسبة 4%", 0).change, -1);
    assert_true(value_of("وسيصل الإنتاج إلى 12 مليون برميل", 0).level);
    assert_true(value_of("وسجل المؤشر 1200 نقطة", 0).level);
    mz_number none = value_of("وسيارة الإسعاف نقلت 4 مصابين", 0);
    assert_false(none.level);
    assert_int_equal(none.change, 0);
    const char *claim = "قرر التحالف خفض الإنتاج بمقدار 1.5 مليون برميل يوميا";
    assert_false(conflict_for(claim, "قرر التحالف خفض الإنتاج بمقدار 1.5 مليون برميل يوميا",
                              "وقال الوزير إن إنتاج زاهرة سينخفض إلى 9.7 مليون برميل يوميا"));
}

/* The base of a comparison is an earlier level, not a change: «مقارنة بـ
 * 38% قبله» after «الخفض» was read as a fall by 38% (energy E3, E11). */
static void test_compared_with(void **state)
{
    (void)state;
    const char *s = "يتوقع محللون أن تتراجع حصة التحالف إلى 36% بعد بدء الخفض، مقارنة بـ 38% قبله";
    mz_number base = value_of(s, 1);
    assert_int_equal(base.change, 0);
    assert_true(base.earlier);
    base = value_of("وارتفعت الصادرات بنسبة 9% قياسا بـ 75 مليار دولار في العام الماضي", 1);
    assert_int_equal(base.change, 0);
    assert_true(base.earlier);
    base = value_of("وتراجعت البطالة إلى 11% مقارنة مع 13% في العام السابق", 1);
    assert_int_equal(base.change, 0);
    assert_true(base.earlier);
    /* a change's «بـ» with no comparison stays a change */
    assert_int_equal(value_of("وتراجع الدينار بـ3% أمام الدولار", 0).change, -1);
}

/* A base of another place is no earlier level of the claim's subject:
 * «مقارنة بـ 5% في مصر» was marked earlier, and a claim of Jordan's
 * inflation at 5% read as the claim's number told as an earlier figure.
 * It is a part (another place's), set against nothing; a base of another
 * time stays earlier. */
static void test_compared_with_other_place(void **state)
{
    (void)state;
    mz_number base = value_of("وبلغ معدل التضخم في الأردن 3% مقارنة بـ 5% في مصر", 1);
    assert_false(base.earlier);
    assert_true(base.part);
    base = value_of("ونمت الصادرات إلى 95 مليار دولار مقارنة بـ 88 مليار دولار في السعودية", 1);
    assert_false(base.earlier);
    base = value_of("ونمت الصادرات إلى 95 مليار دولار مقارنة بـ 88 مليار دولار في العام الذي سبقه", 1);
    assert_true(base.earlier);
    assert_false(base.part);
    base = value_of("وتراجعت البطالة إلى 11% مقارنة مع 13 في المائة في أيلول", 1);
    assert_true(base.earlier);
    /* the same subject at an earlier time: a year or «السابقة» after the
     * noun («في انتخابات 2022», «في الدورة السابقة») is no other place */
    base = value_of("بلغت نسبة المشاركة 41.3% مقارنة بـ 38% في انتخابات 2022", 1);
    assert_true(base.earlier);
    assert_false(base.part);
    base = value_of("بلغت نسبة المشاركة 41.3% مقارنة بـ 38% في الدورة السابقة", 1);
    assert_true(base.earlier);
    /* the claim's 5% is Egypt's in the source: no earlier figure of the claim */
    mz_check_result *r =
        two_voices("بلغ معدل التضخم في الأردن 5%", "وبلغ معدل التضخم في الأردن 3% مقارنة بـ 5% في مصر",
                   NULL, "وقال البنك المركزي إن معدل التضخم في الأردن بلغ 3%", NULL);
    for (size_t i = 0; i < r->n_numbers; i++) {
        assert_false(r->numbers[i].claim_earlier);
        for (size_t j = 0; j < r->numbers[i].n_values; j++)
            assert_false(r->numbers[i].values[j].earlier);
    }
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks),
        cmocka_unit_test(test_future_sin),
        cmocka_unit_test(test_compared_with),
        cmocka_unit_test(test_compared_with_other_place),
        cmocka_unit_test(test_new_count),
        cmocka_unit_test(test_from_to),
        cmocka_unit_test(test_level_past_change),
        cmocka_unit_test(test_level_past_change_noun),
        cmocka_unit_test(test_level_across_subject),
        cmocka_unit_test(test_from_to_multiplier),
        cmocka_unit_test(test_conflicts),
        cmocka_unit_test(test_claim_kind),
        cmocka_unit_test(test_reason_direction),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
