/* test_verdict_bounds.c — mz_decide at its edges: a voice's weight at and
 * under min_related, the support and refute thresholds reached exactly, the
 * dispute ratio on either side, a tie, deciding twice, and the confidence of
 * each verdict (its formula and its 0.05 / 0.99 clamps). Each case kills a
 * mutant of src/check/verdict.c that the other tests let live
 * (tests/mutate.py). The probabilities are what the stance model gives; a
 * label is set by hand where it differs from their argmax, as it may: the
 * model's label is the argmax of its raw scores, the probabilities are
 * calibrated after (predict.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>

#include "verdict_spec.h"

static const char *report = "أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية.";
static const char *denial = "نفى لواء الوادي الأنباء عن صفقة التبادل وقال إنها لا أساس لها من الصحة.";
static const char *activists = "قال ناشطون إن اللواء أطلق سراح 25 أسيرا.";

/* The label of voice i (and of its member), as the model's raw scores gave it. */
static void label(mz_check_result *r, size_t i, mz_stance s)
{
    r->voices[i].stance = s;
    r->members[i].stance = s;
}

static mz_verdict decide(mz_check_result *r, const mz_verdict_params *p)
{
    assert_int_equal(mz_decide(r, p), MZ_OK);
    return r->verdict;
}

static void assert_near(double got, double want)
{
    if (fabs(got - want) > 1e-9)
        fail_msg("confidence %.12f, expected %.12f", got, want);
}

/* A voice takes part when its weight reaches min_related (0.4): a report
 * whose coverage cut its weight to 0.3 does not, one cut to 0.4 exactly
 * does. With none taking part, the confidence is 1 - the largest weight. */
static void test_min_related(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.05}};
    mz_check_result *r = build(s, 1);
    r->voices[0].weight = 0.3;
    assert_int_equal(decide(r, NULL), MZ_NOT_ENOUGH_EVIDENCE);
    assert_near(r->confidence, 0.7);
    assert_false(r->voices[0].counted); /* the report and the page say so */
    char *json = mz_check_result_json(r, 0);
    assert_non_null(strstr(json, "\"counted\":false"));
    free(json);
    r->voices[0].weight = 0.4;
    assert_int_equal(decide(r, NULL), MZ_SUPPORTED);
    assert_true(r->voices[0].counted);
    mz_check_result_free(r);
}

/* A voice's probabilities count in proportion to what its coverage left of
 * its weight: a denial (P(disagree) 0.8) cut to weight 0.45 weighs 0.4, too
 * weak to refute (0.5); uncut, it refutes. */
static void test_coverage_cut_counts(void **state)
{
    (void)state;
    spec s[] = {{"wadi.example", denial, "denial", 0.05, 0.8, 0.05}};
    mz_check_result *r = build(s, 1);
    r->voices[0].weight = 0.45;
    assert_int_equal(decide(r, NULL), MZ_NOT_ENOUGH_EVIDENCE);
    assert_near(r->confidence, 1 - 0.5 * 0.8);
    r->voices[0].weight = 0.9;
    assert_int_equal(decide(r, NULL), MZ_REFUTED);
    mz_check_result_free(r);
}

/* support 0.2 and refute 0.5 are reached, not passed: a report labelled
 * agree with P(agree) 0.2 supports, with 0.15 it does not; a denial with
 * P(disagree) 0.5 refutes. */
static void test_thresholds_reached(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.2, 0.0, 0.3}};
    mz_check_result *r = build(s, 1);
    label(r, 0, MZ_AGREE);
    assert_int_equal(decide(r, NULL), MZ_SUPPORTED);
    mz_check_result_free(r);
    s[0].agree = 0.15;
    r = build(s, 1);
    label(r, 0, MZ_AGREE);
    assert_int_equal(decide(r, NULL), MZ_NOT_ENOUGH_EVIDENCE);
    mz_check_result_free(r);
    spec d[] = {{"wadi.example", denial, "denial", 0.0, 0.5, 0.0}};
    r = build(d, 1);
    label(r, 0, MZ_DISAGREE);
    assert_int_equal(decide(r, NULL), MZ_REFUTED);
    mz_check_result_free(r);
}

/* A report and a weak denial that weigh the same (0.3 each): neither side
 * beats the other, and the denial is under the refute threshold. */
static void test_tie_supports_nothing(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.3, 0.0, 0.2},
                {"wadi.example", denial, "denial", 0.0, 0.3, 0.2}};
    mz_check_result *r = build(s, 2);
    label(r, 0, MZ_AGREE);
    label(r, 1, MZ_DISAGREE);
    assert_int_equal(decide(r, NULL), MZ_NOT_ENOUGH_EVIDENCE);
    mz_check_result_free(r);
}

/* Disputed needs both thresholds reached and the weaker side at least half
 * the stronger: a report of 1.0 against a denial of 0.5 exactly is disputed;
 * three reports (2.4) against one denial (0.85) are not, they support. */
static void test_dispute_edges(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 1.0, 0.0, 0.0},
                {"wadi.example", denial, "denial", 0.0, 0.5, 0.0}};
    mz_check_result *r = build(s, 2);
    label(r, 1, MZ_DISAGREE);
    assert_int_equal(decide(r, NULL), MZ_DISPUTED);
    mz_check_result_free(r);
    /* the support threshold reached exactly, as a caller's setting */
    const mz_verdict_params half = {.min_related = 0.4, .support = 0.5, .refute = 0.5,
                                    .dispute_ratio = 0.5, .coverage_full = 0.5};
    s[0].agree = 0.5;
    r = build(s, 2);
    label(r, 0, MZ_AGREE);
    label(r, 1, MZ_DISAGREE);
    assert_int_equal(decide(r, &half), MZ_DISPUTED);
    mz_check_result_free(r);
    spec t[] = {{"wire.example", report, "assertion", 0.85, 0.0, 0.1},
                {"radio.example", report, "assertion", 0.8, 0.0, 0.1},
                {"tv.example", report, "assertion", 0.75, 0.0, 0.1},
                {"wadi.example", denial, "denial", 0.0, 0.85, 0.1}};
    r = build(t, 4);
    assert_int_equal(decide(r, NULL), MZ_SUPPORTED);
    mz_check_result_free(r);
}

/* Deciding again (eval-claims' sweep, mz_check_redecide) counts each voice
 * once, not once per decision. */
static void test_decide_twice(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.1},
                {"wadi.example", denial, "denial", 0.05, 0.8, 0.1},
                {"activists.example", activists, "hedging", 0.3, 0.05, 0.55}};
    mz_check_result *r = build(s, 3);
    decide(r, NULL);
    decide(r, NULL);
    assert_int_equal(r->counts[MZ_AGREE], 1);
    assert_int_equal(r->counts[MZ_DISAGREE], 1);
    assert_int_equal(r->counts[MZ_DISCUSS], 1);
    assert_non_null(strstr(r->reason, "1 discusses it"));
    mz_check_result_free(r);
}

/* n voices of one label, each its own site, with P(agree) a, P(disagree) d. */
static mz_check_result *many(size_t n, const char *body, double a, double d)
{
    spec s[8];
    char names[8][32];
    assert_true(n <= 8);
    for (size_t i = 0; i < n; i++) {
        snprintf(names[i], sizeof names[i], "s%zu.example", i + 1);
        s[i] = (spec){names[i], body, "assertion", a, d, 0.0};
    }
    return build(s, n);
}

/* supported: 1 - exp(-1.5 (support - refute)), within [0.05, 0.99] */
static void test_confidence_supported(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.85, 0.02, 0.08},
                {"radio.example", report, "assertion", 0.7, 0.05, 0.15}};
    mz_check_result *r = build(s, 2);
    assert_int_equal(decide(r, NULL), MZ_SUPPORTED);
    assert_near(r->confidence, 1 - exp(-1.5 * (1.55 - 0.07)));
    mz_check_result_free(r);
    r = many(4, report, 0.9, 0.0); /* 1 - exp(-5.4) = 0.9955 */
    assert_int_equal(decide(r, NULL), MZ_SUPPORTED);
    assert_near(r->confidence, 0.99);
    mz_check_result_free(r);
    /* a report of 0.3 against a weak denial of 0.28: 1 - exp(-0.03) = 0.03 */
    spec w[] = {{"wire.example", report, "assertion", 0.3, 0.0, 0.2},
                {"wadi.example", denial, "denial", 0.0, 0.28, 0.2}};
    r = build(w, 2);
    label(r, 0, MZ_AGREE);
    label(r, 1, MZ_DISAGREE);
    assert_int_equal(decide(r, NULL), MZ_SUPPORTED);
    assert_near(r->confidence, 0.05);
    mz_check_result_free(r);
}

/* refuted: 1 - exp(-1.5 (refute - support)), within [0.05, 0.99] */
static void test_confidence_refuted(void **state)
{
    (void)state;
    spec s[] = {{"wadi.example", denial, "denial", 0.05, 0.85, 0.05},
                {"factcheck.example", denial, "denial", 0.02, 0.7, 0.1}};
    mz_check_result *r = build(s, 2);
    assert_int_equal(decide(r, NULL), MZ_REFUTED);
    assert_near(r->confidence, 1 - exp(-1.5 * (1.55 - 0.07)));
    mz_check_result_free(r);
    r = many(4, denial, 0.0, 0.9);
    assert_int_equal(decide(r, NULL), MZ_REFUTED);
    assert_near(r->confidence, 0.99);
    mz_check_result_free(r);
    /* a denial whose own P(agree) nearly matches its P(disagree); no voice
     * reports the claim, so it is not disputed: 1 - exp(-0.03) */
    spec w[] = {{"wadi.example", denial, "denial", 0.48, 0.5, 0.0}};
    r = build(w, 1);
    assert_int_equal(decide(r, NULL), MZ_REFUTED);
    assert_near(r->confidence, 0.05);
    mz_check_result_free(r);
}

/* disputed: lo / hi (1 - exp(-2 lo)), within [0.05, 0.99] */
static void test_confidence_disputed(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.1},
                {"wadi.example", denial, "denial", 0.05, 0.6, 0.1}};
    mz_check_result *r = build(s, 2);
    assert_int_equal(decide(r, NULL), MZ_DISPUTED);
    assert_near(r->confidence, 0.65 / 0.85 * (1 - exp(-2 * 0.65)));
    mz_check_result_free(r);
    spec e[] = {{"a1.example", report, "assertion", 0.9, 0.0, 0.0},
                {"a2.example", report, "assertion", 0.9, 0.0, 0.0},
                {"a3.example", report, "assertion", 0.9, 0.0, 0.0},
                {"d1.example", denial, "denial", 0.0, 0.9, 0.0},
                {"d2.example", denial, "denial", 0.0, 0.9, 0.0},
                {"d3.example", denial, "denial", 0.0, 0.9, 0.0}};
    r = build(e, 6); /* 1 - exp(-5.4) */
    assert_int_equal(decide(r, NULL), MZ_DISPUTED);
    assert_near(r->confidence, 0.99);
    mz_check_result_free(r);
    /* with a caller's low thresholds, two faint voices: 1 - exp(-0.02) */
    const mz_verdict_params low = {.min_related = 0.001, .support = 0.001, .refute = 0.001,
                                   .dispute_ratio = 0.5, .coverage_full = 0.5};
    spec f[] = {{"wire.example", report, "assertion", 0.01, 0.0, 0.0},
                {"wadi.example", denial, "denial", 0.0, 0.01, 0.0}};
    r = build(f, 2);
    label(r, 0, MZ_AGREE);
    label(r, 1, MZ_DISAGREE);
    assert_int_equal(decide(r, &low), MZ_DISPUTED);
    assert_near(r->confidence, 0.05);
    mz_check_result_free(r);
}

/* not enough evidence among voices taking part: 1 - the larger labelled
 * side, within [0.05, 0.99]; a one-word claim (a topic): 0.99 */
static void test_confidence_not_enough(void **state)
{
    (void)state;
    spec s[] = {{"wadi.example", denial, "denial", 0.05, 0.45, 0.1}};
    mz_check_result *r = build(s, 1);
    assert_int_equal(decide(r, NULL), MZ_NOT_ENOUGH_EVIDENCE);
    assert_near(r->confidence, 0.55);
    mz_check_result_free(r);
    spec d[] = {{"activists.example", activists, "hedging", 0.1, 0.05, 0.7}};
    r = build(d, 1); /* discussion only: nothing labelled weighs */
    assert_int_equal(decide(r, NULL), MZ_NOT_ENOUGH_EVIDENCE);
    assert_near(r->confidence, 0.99);
    mz_check_result_free(r);
    /* a report of 0.96 and an unlabelled 0.97 against it: no side wins */
    spec t[] = {{"wire.example", report, "assertion", 0.96, 0.0, 0.0},
                {"activists.example", activists, "hedging", 0.0, 0.97, 0.0}};
    r = build(t, 2);
    label(r, 1, MZ_DISCUSS);
    assert_int_equal(decide(r, NULL), MZ_NOT_ENOUGH_EVIDENCE);
    assert_near(r->confidence, 0.05);
    mz_check_result_free(r);
    r = build(s, 1);
    r->too_short = true;
    r->note = strdup("The claim names a topic: its articles are listed, no verdict.");
    r->note_ar = strdup("الادعاء يسمّي موضوعًا: تُعرض مقالاته بلا حكم.");
    assert_int_equal(decide(r, NULL), MZ_NOT_ENOUGH_EVIDENCE);
    assert_near(r->confidence, 0.99);
    assert_string_equal(r->reason_ar, "الادعاء يسمّي موضوعًا: تُعرض مقالاته بلا حكم.");
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_min_related),
        cmocka_unit_test(test_coverage_cut_counts),
        cmocka_unit_test(test_thresholds_reached),
        cmocka_unit_test(test_tie_supports_nothing),
        cmocka_unit_test(test_dispute_edges),
        cmocka_unit_test(test_decide_twice),
        cmocka_unit_test(test_confidence_supported),
        cmocka_unit_test(test_confidence_refuted),
        cmocka_unit_test(test_confidence_disputed),
        cmocka_unit_test(test_confidence_not_enough),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
