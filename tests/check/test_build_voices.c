/* test_build_voices.c — what src/check/build_voices.c makes of the grouped
 * members: voices strongest first, each member's voice number, a voice's
 * representative (its most related member, the earlier on a tie) and its
 * members in retrieval order behind it, one source listed once, and a
 * member's weight cut by coverage and by nothing else. Each case kills a
 * mutant the other tests let live (tests/mutate.py). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "verdict_spec.h"

static const char *report = "أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية في تل السنابل.";
static const char *denial = "نفى لواء الوادي الأنباء عن صفقة التبادل وقال إنها لا أساس لها من الصحة.";
static const char *activists = "قال ناشطون إن اللواء أطلق سراح 25 أسيرا ضمن صفقة لم يعلن عنها.";

/* Groups the members as a check does, coverage counted from coverage_full. */
static void regroup(mz_check_result *r, double coverage_full)
{
    mz_check_voices_clear(r);
    mz_verdict_params vp = mz_verdict_default;
    vp.coverage_full = coverage_full;
    assert_int_equal(mz_check_build_voices(r, &vp), MZ_OK);
}

/* Three sites retrieved in the order weak (0.3), strong (0.9), middling
 * (0.6): the voices come strongest first, and each member is numbered with
 * its voice's place. */
static void test_voices_strongest_first(void **state)
{
    (void)state;
    spec s[] = {{"weak.example", activists, "hedging", 0.2, 0.05, 0.05},
                {"strong.example", report, "assertion", 0.8, 0.05, 0.05},
                {"middle.example", denial, "denial", 0.05, 0.5, 0.05}};
    mz_check_result *r = build(s, 3);
    regroup(r, 0);
    assert_int_equal(r->n_voices, 3);
    assert_int_equal(r->voices[0].members[0], 1);
    assert_int_equal(r->voices[1].members[0], 2);
    assert_int_equal(r->voices[2].members[0], 0);
    assert_true(r->voices[0].weight > r->voices[1].weight);
    assert_true(r->voices[1].weight > r->voices[2].weight);
    assert_int_equal(r->members[1].voice, 1);
    assert_int_equal(r->members[2].voice, 2);
    assert_int_equal(r->members[0].voice, 3);
    mz_check_result_free(r);
}

/* One site, three articles: the voice is its most related member, the
 * others follow in retrieval order; weighed again with coverage counted
 * (the third article holds a tenth of the claim's terms), the second
 * represents it and the first and third follow, in that order. Its source
 * is listed once however it is capitalised. */
static void test_representative_and_member_order(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", activists, "hedging", 0.3, 0.1, 0.1},
                {"WIRE.example", denial, "denial", 0.05, 0.6, 0.05},
                {"wire.example", report, "assertion", 0.8, 0.05, 0.05}};
    mz_check_result *r = build(s, 3);
    r->members[0].coverage = r->members[1].coverage = 1.0;
    r->members[2].coverage = 0.1;
    regroup(r, 0);
    assert_int_equal(r->n_voices, 1);
    mz_check_voice *v = &r->voices[0];
    assert_int_equal(v->n_members, 3);
    assert_int_equal(v->members[0], 2);
    assert_int_equal(v->members[1], 0);
    assert_int_equal(v->members[2], 1);
    assert_int_equal(v->stance, MZ_AGREE);
    assert_int_equal(v->n_sources, 1);
    /* eval-claims' sweep: weighed again (mz_check_redecide) */
    mz_verdict_params vp = mz_verdict_default;
    vp.coverage_full = 0.5;
    mz_check_weigh_voices(r, &vp);
    v = &r->voices[0];
    assert_int_equal(v->members[0], 1);
    assert_int_equal(v->members[1], 0);
    assert_int_equal(v->members[2], 2);
    assert_int_equal(v->stance, MZ_DISAGREE);
    assert_true(v->weight > 0.69 && v->weight < 0.71);
    mz_check_result_free(r);
}

/* Weighed again after the numbers were collected (mz_check_redecide, with
 * coverage counted: the strongest voice falls behind): a value keeps the
 * voice of its article, at that voice's new place. */
static void test_values_follow_their_voice(void **state)
{
    (void)state;
    spec s[] = {{"strong.example", report, "assertion", 0.8, 0.05, 0.05},
                {"middle.example", denial, "denial", 0.05, 0.5, 0.05}};
    mz_check_result *r = build(s, 2);
    r->members[0].coverage = 0.1;
    r->members[1].coverage = 1.0;
    regroup(r, 0);
    assert_int_equal(r->members[0].voice, 1);
    r->numbers = calloc(1, sizeof *r->numbers);
    r->n_numbers = 1;
    r->numbers[0].values = calloc(1, sizeof *r->numbers[0].values);
    r->numbers[0].n_values = 1;
    r->numbers[0].values[0] = (mz_check_value){.article_id = r->members[0].article_id, .voice = 1};
    mz_verdict_params vp = mz_verdict_default;
    vp.coverage_full = 0.5;
    assert_int_equal(mz_check_redecide(r, &vp), MZ_OK);
    assert_int_equal(r->members[0].voice, 2);
    assert_int_equal(r->numbers[0].values[0].voice, 2);
    mz_check_result_free(r);
}

/* Two articles of one site equally related: the first retrieved speaks. */
static void test_tie_keeps_the_first(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.7, 0.05, 0.05},
                {"wire.example", denial, "denial", 0.05, 0.7, 0.05}};
    mz_check_result *r = build(s, 2);
    r->members[1].probs[MZ_UNRELATED] = r->members[0].probs[MZ_UNRELATED]; /* to the bit */
    regroup(r, 0);
    assert_int_equal(r->n_voices, 1);
    assert_int_equal(r->voices[0].members[0], 0);
    assert_int_equal(r->voices[0].stance, MZ_AGREE);
    mz_check_result_free(r);
}

/* Coverage only cuts a weight: at or over coverage_full it is 1 - P(unrelated). */
static void test_coverage_never_raises(void **state)
{
    (void)state;
    mz_check_member m = {0};
    m.probs[MZ_AGREE] = 0.8;
    m.probs[MZ_UNRELATED] = 0.2;
    m.coverage = 0.9;
    assert_true(mz_member_weight(&m, 0.3) == 1.0 - 0.2);
    m.coverage = 0.3;
    assert_true(mz_member_weight(&m, 0.3) == 1.0 - 0.2);
    m.coverage = 0.15;
    assert_true(mz_member_weight(&m, 0.3) < 0.41);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_voices_strongest_first),
        cmocka_unit_test(test_representative_and_member_order),
        cmocka_unit_test(test_values_follow_their_voice),
        cmocka_unit_test(test_tie_keeps_the_first),
        cmocka_unit_test(test_coverage_never_raises),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
