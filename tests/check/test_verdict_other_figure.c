/* test_verdict_other_figure.c — a voice the stance model reads as agreeing
 * that tells the claim's event with another figure of the claim's quantity,
 * where no source gives the claim's figure, is weighed as one that
 * disagrees (verdict.c weigh_other_figure, collect_numbers.c
 * mark_other_figures): «مثل 20 متهما» where the sources say 14 is no longer
 * supported. Results are built by hand (verdict_spec.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "verdict_spec.h"

static const char *trial = "مثل 14 متهما أمام محكمة الجنايات في قضية ميناء الشمال يوم الأحد.";
static const char *trial2 = "ومثل 14 متهما أمام المحكمة في قضية ميناء الشمال بتهم اختلاس المال العام.";

static mz_check_result *checked(const char *claim, const spec *s, size_t n)
{
    mz_check_result *r = build(s, n);
    free(r->claim);
    r->claim = strdup(claim);
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    return r;
}

/* The court desk's «مثل 20 متهما»: both reports tell the trial, both with
 * 14 defendants; the model reads them agreeing, and the claim was
 * supported, the reason ending "No source gives the claim's number". */
static void test_wrong_figure_not_supported(void **state)
{
    (void)state;
    spec s[] = {{"mizan.example", trial, "assertion", 0.9, 0.02, 0.05},
                {"salwan.example", trial2, "assertion", 0.85, 0.02, 0.08}};
    mz_check_result *r = checked("مثل 20 متهما أمام محكمة الجنايات في قضية ميناء الشمال", s, 2);
    assert_true(r->numbers[0].claim_unmatched);
    assert_int_equal(mz_check_verdict(r), MZ_REFUTED); /* it was supported */
    assert_true(r->voices[0].other_figure && r->voices[1].other_figure);
    assert_int_equal(r->voices[0].stance, MZ_DISAGREE);
    assert_int_equal(r->members[0].stance, MZ_AGREE); /* the model's reading is kept */
    assert_non_null(strstr(r->reason, "2 (mizan.example, salwan.example) report the event with "
                                      "another figure than the claim's: «مثل 14 متهما"));
    assert_non_null(strstr(r->reason, "No source gives the claim's number (متهما; the claim: 20): 14"));
    assert_non_null(strstr(r->reason_ar, "مصدران ينقلان الحدث برقم غير رقم الادعاء (mizan.example، "
                                         "salwan.example): «مثل 14 متهما"));
    mz_check_result_free(r);
    /* one such voice beside a report without the figure: contested */
    spec t[] = {{"wire.example", "بدأت محكمة الجنايات النظر في قضية ميناء الشمال.", "assertion", 0.9,
                 0.02, 0.05},
                s[0]};
    r = checked("مثل 20 متهما أمام محكمة الجنايات في قضية ميناء الشمال", t, 2);
    assert_false(r->voices[0].other_figure);
    assert_true(r->voices[1].other_figure);
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    assert_non_null(strstr(r->reason, "1 independent source reports it (wire.example); 1 "
                                      "(mizan.example) reports the event with another figure"));
    mz_check_result_free(r);
}

/* The claim with the sources' figure, over the same reports: supported. */
static void test_right_figure_supported(void **state)
{
    (void)state;
    spec s[] = {{"mizan.example", trial, "assertion", 0.9, 0.02, 0.05},
                {"salwan.example", trial2, "assertion", 0.85, 0.02, 0.08}};
    mz_check_result *r = checked("مثل 14 متهما أمام محكمة الجنايات في قضية ميناء الشمال", s, 2);
    assert_false(r->numbers[0].claim_unmatched);
    assert_false(r->voices[0].other_figure || r->voices[1].other_figure);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);
}

/* One source gives the claim's 20, another 14: a conflict, reported as
 * such, and the verdict stays what the voices read. */
static void test_conflict_stays(void **state)
{
    (void)state;
    spec s[] = {{"mizan.example", trial, "assertion", 0.9, 0.02, 0.05},
                {"nahar.example", "مثل 20 متهما أمام محكمة الجنايات في قضية ميناء الشمال.",
                 "assertion", 0.85, 0.02, 0.08}};
    mz_check_result *r = checked("مثل 20 متهما أمام محكمة الجنايات في قضية ميناء الشمال", s, 2);
    assert_true(r->numbers[0].conflict);
    assert_false(r->numbers[0].claim_unmatched);
    assert_false(r->voices[0].other_figure || r->voices[1].other_figure);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    assert_non_null(strstr(r->reason, "The sources' numbers conflict"));
    mz_check_result_free(r);
}

/* The claim's 7 years are the first-instance sentence the appeal made 5
 * (claim_earlier): true once, and no voice is moved. */
static void test_earlier_figure_as_before(void **state)
{
    (void)state;
    spec s[] = {{"alnahar.example",
                 "خففت محكمة الاستئناف الحكم على وزير النقل السابق رامي الحداد إلى 5 سنوات بعد أن كان "
                 "7 سنوات، وأبقت على الغرامة.",
                 "assertion", 0.9, 0.02, 0.05}};
    mz_check_result *r = checked("قضت المحكمة بسجن وزير النقل السابق رامي الحداد 7 سنوات", s, 1);
    assert_true(r->numbers[0].claim_earlier);
    assert_false(r->voices[0].gives_other_figure || r->voices[0].other_figure);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    assert_non_null(strstr(r->reason, "The claim's number is an earlier figure"));
    mz_check_result_free(r);
}

/* Last year's figure given as this year's (the education desk's pass rate:
 * «بلغت 68.4%. وكانت النسبة العام الماضي 61.2%», a claim of this year's 61.2%) is
 * not a figure true once, as the appeal's 7 years are: another year's. The
 * voice that gives this year's 68.4% gives another figure than the claim's,
 * and the reason names the claim's as the previous year's. */
static void test_last_years_figure_as_this_years(void **state)
{
    (void)state;
    spec s[] = {{"nouran.example",
                 "أعلن وزير التربية أن نسبة النجاح في امتحانات الثانوية العامة بلغت 68.4%. وكانت "
                 "نسبة النجاح في الثانوية العامة العام الماضي 61.2%.",
                 "assertion", 0.9, 0.02, 0.05}};
    mz_check_result *r = checked("بلغت نسبة النجاح في الثانوية العامة هذا العام 61.2%", s, 1);
    assert_true(r->numbers[0].claim_earlier);
    assert_true(r->numbers[0].claim_last_period);
    assert_true(r->voices[0].other_figure);
    assert_int_equal(mz_check_verdict(r), MZ_REFUTED); /* it was supported */
    assert_non_null(strstr(r->reason, "The claim's number is the previous year's or season's "
                                      "(النجاح; the claim: 61.2%); the sources now give: 68.4%"));
    assert_non_null(strstr(r->reason_ar, "ورقم الادعاء رقم العام أو الموسم السابق"));
    mz_check_result_free(r);
}

/* The sentence quoted for a voice with another figure is one it tells on
 * its own word, not a newspaper's rumour before it: the deal's 35 million,
 * not the «بحسب صحيفة …» offer of 40 (the sports desk's C6). */
static void test_quotes_own_figure_before_attributed(void **state)
{
    (void)state;
    spec s[] = {{"hadaf.example",
                 "بحسب صحيفة الرياضي اليوم، قدم نادي فالمورا عرضا لضم المهاجم كريم العابد من نادي "
                 "الشعلة مقابل 40 مليون يورو.",
                 "assertion", 0.9, 0.02, 0.05},
                {"hadaf.example",
                 "وأعلن نادي الشعلة رسميا بيع مهاجمه كريم العابد إلى نادي فالمورا مقابل 35 مليون "
                 "يورو.",
                 "assertion", 0.85, 0.02, 0.05}};
    mz_check_result *r = build(s, 2);
    free(r->claim);
    r->claim = strdup("باع نادي الشعلة مهاجمه كريم العابد إلى فالمورا مقابل 50 مليون يورو");
    /* one site: the two articles are one voice */
    mz_check_voice *v = &r->voices[0], *second = &r->voices[1];
    v->members = realloc(v->members, 2 * sizeof *v->members);
    v->members[v->n_members++] = 1;
    r->members[1].voice = 1;
    free(second->sources[0]);
    free(second->sources);
    free(second->members);
    r->n_voices = 1;
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_true(r->voices[0].other_figure);
    assert_non_null(strstr(r->reason, "another figure than the claim's: «وأعلن نادي الشعلة رسميا"));
    assert_null(strstr(r->reason, "another figure than the claim's: «بحسب صحيفة"));
    mz_check_result_free(r);
}

/* Figures that are not the claim's event's, though off its figure, move
 * nothing: a sentence of another story on the same page that holds little
 * of the claim (R-651 of baly2018: two Russian soldiers captured, a page
 * that tells of nine Lebanese ones in 2014), a floor («العشرات»), a voice
 * the model reads discuss, a figure of another event than the claim's. */
static void test_other_story_moves_nothing(void **state)
{
    (void)state;
    const char *claim = "أسر تنظيم الدولة الإسلامية اثنين من الجنود الروس في سوريا";
    spec s[] = {{"akhbar.example",
                 "كذلك تضمن الاتفاق كشف التنظيم المتشدد عن مصير 9 جنود لبنانيين أسرهم عند معقله "
                 "الحدودي العام 2014.",
                 "assertion", 0.8, 0.02, 0.1}};
    mz_check_result *r = checked(claim, s, 1);
    assert_false(r->voices[0].gives_other_figure || r->voices[0].other_figure);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);

    spec t[] = {{"wire.example", "أسر تنظيم الدولة الإسلامية العشرات من الجنود الروس في سوريا.",
                 "assertion", 0.8, 0.02, 0.1}};
    r = checked(claim, t, 1);
    assert_false(r->voices[0].other_figure);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);

    spec u[] = {{"mizan.example", trial, "assertion", 0.3, 0.02, 0.6}};
    r = checked("مثل 20 متهما أمام محكمة الجنايات في قضية ميناء الشمال", u, 1);
    assert_true(r->voices[0].gives_other_figure);
    assert_false(r->voices[0].other_figure);
    assert_int_equal(r->voices[0].stance, MZ_DISCUSS);
    mz_check_result_free(r);

    /* «برأت المحكمة 5 متهمين»: the 14 who stood trial are no count of the acquitted */
    spec w[] = {{"mizan.example", trial, "assertion", 0.9, 0.02, 0.05}};
    r = checked("برأت المحكمة 5 متهمين في قضية ميناء الشمال", w, 1);
    assert_false(r->voices[0].other_figure);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrong_figure_not_supported),
        cmocka_unit_test(test_right_figure_supported),
        cmocka_unit_test(test_conflict_stays),
        cmocka_unit_test(test_earlier_figure_as_before),
        cmocka_unit_test(test_last_years_figure_as_this_years),
        cmocka_unit_test(test_quotes_own_figure_before_attributed),
        cmocka_unit_test(test_other_story_moves_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
