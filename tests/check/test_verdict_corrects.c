/* test_verdict_corrects.c — a voice that corrects the claim's own figure
 * («… 53، والصحيح 44» for a claim of 53, «العدد 18 وليس 30» for a claim of
 * 30) is weighed as one that disagrees, whatever the stance model read of
 * it, and the reason quotes its correction (verdict.c, collect_numbers.c
 * mark_corrects_claim). Results are built by hand (verdict_spec.h). */
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

static const char *deaths_claim = "بلغ عدد الوفيات بالكوليرا في محافظة الزيتونة 53 حالة";
static const char *cases = "أعلنت وزارة الصحة أن إجمالي الإصابات بالكوليرا في محافظة الزيتونة بلغ "
                           "5280 إصابة منذ بداية التفشي.";
static const char *correction = "ورد في نسخة سابقة من هذا الخبر أن عدد الوفيات بالكوليرا في محافظة "
                                "الزيتونة 53، والصحيح 44 حالة وفاة بحسب وزارة الصحة.";

static mz_check_result *checked(const char *claim, const spec *s, size_t n)
{
    mz_check_result *r = build(s, n);
    free(r->claim);
    r->claim = strdup(claim);
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    return r;
}

/* The health desk's claim of 53 deaths: the site's correction note says 44.
 * The stance model reads the note as agreeing (it is about the deaths of
 * the outbreak, in the claim's words), and the claim was supported 0.98. */
static void test_correction_disagrees(void **state)
{
    (void)state;
    spec s[] = {{"marsad.example", correction, "assertion", 0.85, 0.03, 0.1}};
    mz_check_result *r = checked(deaths_claim, s, 1);
    assert_true(r->voices[0].corrects_claim);
    assert_int_equal(r->voices[0].stance, MZ_DISAGREE);
    assert_int_equal(r->counts[MZ_DISAGREE], 1);
    assert_int_equal(r->counts[MZ_AGREE], 0);
    assert_int_equal(mz_check_verdict(r), MZ_REFUTED);
    assert_non_null(strstr(r->reason, "1 (marsad.example) corrects the claim's number: «ورد في نسخة "
                                      "سابقة من هذا الخبر أن عدد الوفيات"));
    assert_non_null(strstr(r->reason_ar, "مصدر واحد يصحح رقم الادعاء (marsad.example): «ورد في نسخة "
                                         "سابقة"));
    /* the model's reading of the article itself is kept */
    assert_int_equal(r->members[0].stance, MZ_AGREE);
    mz_check_result_free(r);
    /* beside a voice that agrees on the outbreak: contested, not supported */
    spec t[] = {{"sahel.example", cases, "assertion", 0.9, 0.02, 0.05}, s[0]};
    r = checked(deaths_claim, t, 2);
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    assert_non_null(strstr(r->reason, "1 independent source reports it (sahel.example); "
                                      "1 (marsad.example) corrects the claim's number: «"));
    assert_non_null(strstr(r->reason_ar, "؛ مصدر واحد يصحح رقم الادعاء (marsad.example): «"));
    /* deciding again (mz_check_redecide) weighs it the same */
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    assert_int_equal(r->counts[MZ_DISAGREE], 1);
    mz_check_result_free(r);
}

/* A correction whose answer is within two sources' tolerance of the
 * claim's figure (45 thousand, corrected to 42): the answer in the
 * correcting sentence is not the voice giving the claim's figure, so the
 * voice still corrects the claim (the sports desk's crowd; it read as
 * support). */
static void test_close_answer_still_corrects(void **state)
{
    (void)state;
    spec s[] = {{"malaab.example",
                 "تصحيح: ورد في خبر نشرناه أن عدد الجمهور في مباراة الشعلة والميناء بلغ 45 ألف "
                 "متفرج، والصحيح أن عدد المتفرجين بلغ 42 ألف متفرج بحسب رابطة الدوري.",
                 "assertion", 0.85, 0.03, 0.1}};
    mz_check_result *r = checked("حضر 45 ألف متفرج مباراة الشعلة والميناء", s, 1);
    assert_true(r->voices[0].corrects_claim);
    assert_int_equal(r->voices[0].stance, MZ_DISAGREE);
    mz_check_result_free(r);
}

/* «العدد 18 وليس 30» for a claim of 30: the negator form. A voice the model
 * already reads as disagreeing counts once, and its reason is the
 * correction, the receipt that names the claim's figure. */
static void test_already_disagreeing(void **state)
{
    (void)state;
    const char *claim = "اعتقلت الشرطة 30 صحفيا في تل الريحان";
    const char *fact = "تحققنا من خبر اعتقال الشرطة 30 صحفيا في تل الريحان، وتبين أن العدد 18 وليس 30 "
                       "بحسب قائمة الأسماء.";
    spec s[] = {{"wire.example", "اعتقلت الشرطة صحفيين خلال احتجاج أمام بلدية تل الريحان.",
                 "assertion", 0.8, 0.05, 0.1},
                {"fact.example", fact, "hedging", 0.1, 0.6, 0.25}};
    mz_check_result *r = checked(claim, s, 2);
    assert_true(r->voices[1].corrects_claim);
    assert_int_equal(r->counts[MZ_DISAGREE], 1);
    assert_true(r->voices[1].probs[MZ_DISAGREE] > 0.94); /* its related weight, all of it */
    assert_non_null(strstr(r->reason, "1 (fact.example) corrects the claim's number: «تحققنا"));
    assert_null(strstr(r->reason, "carries the opposite"));
    mz_check_result_free(r);
}

/* Where it is not a correction of the claim: a voice that gives a figure
 * the claim allows besides («نحو 50 حالة وفاة» for 53), a rejected figure
 * the claim does not give (a claim of 40), a rejected figure of another
 * event, and a figure a denial governs. */
static void test_not_a_correction_of_the_claim(void **state)
{
    (void)state;
    char both[1024];
    snprintf(both, sizeof both, "%s وقالت مصادر طبية إن الوفيات بلغت نحو 50 حالة وفاة.", correction);
    spec s[] = {{"marsad.example", both, "assertion", 0.85, 0.03, 0.1}};
    mz_check_result *r = checked(deaths_claim, s, 1);
    size_t corrected = 0, near = 0; /* the 53 corrected, the 50 given */
    for (size_t i = 0; i < r->numbers[0].n_values; i++) {
        const mz_check_value *v = &r->numbers[0].values[i];
        corrected += v->number == 53 && v->corrected;
        near += v->number == 50 && !v->rejected;
    }
    assert_true(corrected == 1 && near == 1);
    assert_false(r->voices[0].corrects_claim);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);

    spec t[] = {{"marsad.example", correction, "assertion", 0.85, 0.03, 0.1}};
    r = checked("بلغ عدد الوفيات بالكوليرا في محافظة الزيتونة 40 حالة", t, 1);
    assert_false(r->voices[0].corrects_claim);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);

    /* released, not detained: «أفرجت الشرطة عن 18 صحفيا وليس 30» */
    spec u[] = {{"fact.example", "أفرجت الشرطة عن 18 صحفيا وليس 30 صحفيا في تل الريحان.", "assertion",
                 0.8, 0.05, 0.1}};
    r = checked("اعتقلت الشرطة 30 صحفيا في تل الريحان", u, 1);
    size_t rejected_released = 0; /* the claim's 30, rejected, but of another event */
    for (size_t i = 0; i < r->numbers[0].n_values; i++) {
        const mz_check_value *v = &r->numbers[0].values[i];
        rejected_released += v->number == 30 && v->rejected && v->event == MZ_EVENT_RELEASED;
    }
    assert_int_equal(rejected_released, 1);
    assert_false(r->voices[0].corrects_claim);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);

    /* a denial governs the 1.5 billion: the stance model's to weigh */
    spec w[] = {{"bank.example", "نفى المصرف المركزي ضخ مليار ونصف دولار في السوق الأسبوع الماضي.",
                 "assertion", 0.7, 0.1, 0.15}};
    r = checked("ضخ المصرف المركزي مليار ونصف دولار في السوق", w, 1);
    assert_true(r->numbers[0].on_claim && r->numbers[0].values[0].denied);
    assert_false(r->voices[0].corrects_claim);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_correction_disagrees),
        cmocka_unit_test(test_close_answer_still_corrects),
        cmocka_unit_test(test_already_disagreeing),
        cmocka_unit_test(test_not_a_correction_of_the_claim),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
