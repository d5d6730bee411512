/* test_verdict_overtaken.c — denied, then confirmed: a denial published
 * before the reports that confirm the claim and tell that denial as past
 * («وكانت الوزارة قد نفت…») is shown in the reason but not weighed
 * (overtaken.c, verdict.c). Without dates, with the denial after the
 * confirmation, with a past denial of another matter, nothing changes: the
 * claim stays disputed. Results are built by hand (verdict_spec.h). */
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

static const char *claim = "استقال وزير الصحة سمير حداد من منصبه";
static const char *denial = "نفت وزارة الصحة في بيان رسمي صحة الأنباء عن استقالة الوزير سمير حداد "
                            "من منصبه، ودعت وسائل الإعلام إلى تحري الدقة.";
static const char *agency = "قبل رئيس الحكومة استقالة وزير الصحة سمير حداد من منصبه وكلف وزير "
                            "التعليم بتسيير الوزارة.";

/* A denial (site 1), a confirmation that tells a denial as past in its
 * second sentence (site 2), and an agency's confirmation (site 3); the
 * days as given (NULL: not known). */
static mz_check_result *story(const char *past, const char *denied_on, const char *confirmed_on)
{
    char later[1024];
    snprintf(later, sizeof later, "أعلنت الحكومة قبول استقالة وزير الصحة سمير حداد من منصبه. %s",
             past);
    spec s[] = {{"nabd.example", denial, "denial", 0.05, 0.85, 0.05},
                {"sahel.example", later, "assertion", 0.85, 0.03, 0.08},
                {"wire.example", agency, "assertion", 0.8, 0.02, 0.1}};
    mz_check_result *r = build(s, 3);
    free(r->claim);
    r->claim = strdup(claim);
    mz_check_member *d = &r->members[0];
    d->has_denial = true;
    d->denial = (mz_evidence){0, d->body_len, 0.8, "denial"};
    if (denied_on)
        d->published = strdup(denied_on);
    if (confirmed_on) {
        r->members[1].published = strdup(confirmed_on);
        r->members[2].published = strdup(confirmed_on);
    }
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    return r;
}

static const char *pluperfect = "وكانت الوزارة قد نفت يوم الأحد الماضي استقالة الوزير من منصبه.";

static void test_denied_then_confirmed(void **state)
{
    (void)state;
    mz_check_result *r = story(pluperfect, "2026-03-01", "2026-03-06");
    assert_true(r->voices[0].overtaken);
    assert_int_equal(r->voices[0].overtaken_member, 1);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    /* shown, with its day and the later sentence */
    assert_non_null(strstr(r->reason, "2 independent sources report it (sahel.example, wire.example)"));
    assert_non_null(strstr(r->reason, " nabd.example carried a denial on 2026-03-01: «نفت وزارة الصحة"));
    assert_non_null(strstr(r->reason, "; a later report that agrees with the claim tells that denial "
                                      "as past (sahel.example, 2026-03-06): «وكانت الوزارة قد نفت"));
    assert_null(strstr(r->reason, "carries a denial"));
    assert_non_null(strstr(r->reason_ar, " ونقل nabd.example نفيًا للادعاء في 2026-03-01: «نفت"));
    assert_non_null(strstr(r->reason_ar, "؛ ثم ذكر تقرير لاحق يؤيد الادعاء ذلك النفي على أنه سابق "
                                         "(sahel.example، 2026-03-06): «وكانت الوزارة قد نفت"));
    /* the voice keeps its stance and its weight; deciding again is the same */
    assert_int_equal(r->voices[0].stance, MZ_DISAGREE);
    assert_true(r->voices[0].counted);
    assert_int_equal(r->counts[MZ_DISAGREE], 1);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);
}

/* The later report tells the event with another figure than the claim's
 * (a deal at 35 million for a claim of 50: verdict.c weigh_other_figure):
 * the reason does not call it a report that agrees with the claim. */
static void test_overtaking_report_with_other_figure(void **state)
{
    (void)state;
    mz_check_result *r = story(pluperfect, "2026-03-01", "2026-03-06");
    assert_true(r->voices[0].overtaken);
    r->voices[1].gives_other_figure = true; /* collect_numbers.c sets it in a check */
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_true(r->voices[0].overtaken);
    assert_true(r->voices[1].other_figure);
    assert_non_null(strstr(r->reason, "; a later report of the event, with another figure than the "
                                      "claim's, tells that denial as past (sahel.example, 2026-03-06)"));
    assert_null(strstr(r->reason, "agrees with the claim tells"));
    assert_non_null(strstr(r->reason_ar, "؛ ثم ذكر تقرير لاحق ينقل الحدث برقم غير رقم الادعاء ذلك "
                                         "النفي على أنه سابق (sahel.example، 2026-03-06)"));
    assert_null(strstr(r->reason_ar, "يؤيد الادعاء ذلك النفي"));
    mz_check_result_free(r);
}

/* The other ways a report tells a denial as past. */
static void test_past_markers(void **state)
{
    (void)state;
    const char *past[] = {
        "وجاء الإعلان رغم نفيها السابق لاستقالة الوزير من منصبه.",
        "وجاء القرار بعد أن نفت الوزارة استقالة الوزير من منصبه.",
        "وكانت الوزارة نفت في وقت سابق استقالة الوزير من منصبه.",
        "وسبق أن نفت الوزارة استقالة الوزير من منصبه.",
    };
    for (size_t i = 0; i < sizeof past / sizeof *past; i++) {
        mz_check_result *r = story(past[i], "2026-03-01", "2026-03-06T09:30:00Z");
        if (!r->voices[0].overtaken)
            fail_msg("not read as a past denial: %s", past[i]);
        assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
        mz_check_result_free(r);
    }
}

/* What stays a live dispute. */
static void test_still_disputed(void **state)
{
    (void)state;
    /* no dates: the denial cannot be placed before the confirmation */
    mz_check_result *r = story(pluperfect, NULL, NULL);
    assert_false(r->voices[0].overtaken);
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    assert_non_null(strstr(r->reason, "1 (nabd.example) carries a denial: «نفت وزارة الصحة"));
    mz_check_result_free(r);
    r = story(pluperfect, "2026-03-01", NULL);
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    mz_check_result_free(r);
    /* the denial after the confirmation (or on its day): a live dispute */
    r = story(pluperfect, "2026-03-08", "2026-03-06");
    assert_false(r->voices[0].overtaken);
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    mz_check_result_free(r);
    r = story(pluperfect, "2026-03-06", "2026-03-06");
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    mz_check_result_free(r);
    /* a past denial of another matter */
    r = story("وكانت الوزارة قد نفت في وقت سابق إغلاق مستشفى الرحمة.", "2026-03-01", "2026-03-06");
    assert_false(r->voices[0].overtaken);
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    mz_check_result_free(r);
    /* a later confirmation that does not tell the denial as past */
    r = story("وأدى وزير التعليم اليمين أمام رئيس الدولة.", "2026-03-01", "2026-03-06");
    assert_false(r->voices[0].overtaken);
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    mz_check_result_free(r);
    /* a denial the ministry makes now, not told as past («تنفي») */
    r = story("وما زالت الوزارة تنفي استقالة الوزير من منصبه.", "2026-03-01", "2026-03-06");
    assert_false(r->voices[0].overtaken);
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_denied_then_confirmed),
        cmocka_unit_test(test_overtaking_report_with_other_figure),
        cmocka_unit_test(test_past_markers),
        cmocka_unit_test(test_still_disputed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
