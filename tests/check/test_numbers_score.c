/* test_numbers_score.c — a match's score (numbers_score.c): «فاز على ضيفه
 * 3-1» was dropped as a name, «خسر 1-3» read as the range one to three and
 * «تعادل 2-2» as a count of two, so a claim «فاز 2-1» met no word against the
 * sources' 3-1. A score is now a quantity of its own kind, compared exactly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "two_voices.h"

/* The values of s as the claim check reads them. */
static size_t scores(const char *s, mz_number *v, size_t cap)
{
    size_t n = mz_numbers_extract_scores(s, strlen(s), v, cap);
    return n < cap ? n : cap;
}

/* Index of the one score among v[0..n), or n when there is none. */
static size_t the_score(const mz_number *v, size_t n)
{
    size_t at = n;
    for (size_t i = 0; i < n; i++)
        if (v[i].kind == MZ_QTY_SCORE) {
            assert_int_equal(at, n); /* one */
            at = i;
        }
    return at;
}

static void test_a_score_is_read(void **state)
{
    (void)state;
    struct {
        const char *s, *written;
        double lo, hi;
    } cases[] = {
        {"فاز نادي الشعلة على ضيفه نادي الميناء 3-1 في المباراة التي أقيمت مساء السبت", "3-1", 1, 3},
        {"وخسر نادي الميناء أمام مضيفه الشعلة 1 - 3 في الجولة 22", "1 - 3", 1, 3},
        {"وتعادل الجبل مع الوادي 2-2 في مباراة مثيرة", "2-2", 2, 2},
        {"وانتهت المباراة بنتيجة 0-0 على ملعب الجبل", "0-0", 0, 0},
        {"تغلب المنتخب على نظيره الأردني 2–1 في عمان", "2–1", 1, 2},
        /* a word of its time or a verb after it, a comma and a noun */
        {"تغلب النادي على ضيفه 2-1 مساء السبت في الدوري", "2-1", 1, 2},
        {"وتعادلا معه 1 - 1 السبت في المرحلة الثالثة", "1 - 1", 1, 1},
        {"تغلب سان جيرمان على مضيفه 4 - 0 ، سجلها الثلاثي", "4 - 0", 0, 4},
        {"فاز الشعلة 3-1 ليتصدر الدوري", "3-1", 1, 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mz_number v[8];
        size_t n = scores(cases[i].s, v, 8), at = the_score(v, n);
        assert_true(at < n);
        assert_int_equal(v[at].end - v[at].start, strlen(cases[i].written));
        assert_memory_equal(cases[i].s + v[at].start, cases[i].written, strlen(cases[i].written));
        assert_true(v[at].number == cases[i].lo && v[at].number_max == cases[i].hi);
        assert_string_equal(v[at].noun_key, "score");
    }
    /* the stance's number cues read numbers as the model was trained on
     * them: a rising pair is a range there still */
    mz_number v[8];
    const char *lost = "وخسر نادي الميناء أمام مضيفه الشعلة 1 - 3 في الجولة 22";
    size_t n = mz_numbers_extract(lost, strlen(lost), v, 8);
    assert_true(n >= 1);
    assert_int_equal(v[0].kind, MZ_QTY_COUNT);
    assert_true(v[0].number == 1 && v[0].number_max == 3);
}

/* A score in words: «بثلاثة أهداف مقابل هدف» (a wire's 3-1), «بهدفين دون
 * رد», «بهدف نظيف», «تعادل سلبي» (0-0); a word of the result before them.
 * «بهدف» that is an aim, and «سلبي» with no draw, are none. */
static void test_a_score_in_words(void **state)
{
    (void)state;
    struct {
        const char *s, *written;
        double lo, hi;
    } cases[] = {
        {"تغلب نادي الشعلة على نادي الميناء بثلاثة أهداف مقابل هدف في الجولة 22",
         "بثلاثة أهداف مقابل هدف", 1, 3},
        {"وفاز الوادي على الجبل بهدفين دون رد", "بهدفين دون رد", 0, 2},
        {"وخسر المنتخب أمام مضيفه بهدف نظيف", "بهدف نظيف", 0, 1},
        {"تعادل نادي الشعلة مع مضيفه نادي الجبل سلبيا في قمة الجولة 23", "سلبيا", 0, 0},
        {"وفاز الفريق بأربعة أهداف لهدفين", "بأربعة أهداف لهدفين", 2, 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mz_number v[8];
        size_t n = scores(cases[i].s, v, 8), at = the_score(v, n);
        assert_true(at < n);
        assert_int_equal(v[at].end - v[at].start, strlen(cases[i].written));
        assert_memory_equal(cases[i].s + v[at].start, cases[i].written, strlen(cases[i].written));
        assert_true(v[at].number == cases[i].lo && v[at].number_max == cases[i].hi);
    }
    const char *none[] = {
        "فاز الحزب بهدف تحقيق الأغلبية في البرلمان",
        "خسر الاقتصاد كثيرا وكان للقرار أثر سلبي على الأسواق",
        "سجل المهاجم هدفين في المباراة",
    };
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        mz_number v[8];
        size_t n = scores(none[i], v, 8);
        assert_int_equal(the_score(v, n), n);
    }
    /* the wire's words meet a claim of 3-1, and no source gives 2-1 */
    mz_check_result *r = two_voices(
        "فاز نادي الشعلة على نادي الميناء 2-1",
        "تغلب نادي الشعلة على نادي الميناء بثلاثة أهداف مقابل هدف في الجولة 22 .", NULL,
        "فاز نادي الشعلة على ضيفه نادي الميناء 3-1 في الجولة 22 .", NULL);
    const mz_check_quantity *q = NULL;
    for (size_t k = 0; k < r->n_numbers; k++)
        if (r->numbers[k].kind == MZ_QTY_SCORE)
            q = &r->numbers[k];
    assert_non_null(q);
    assert_int_equal(q->n_values, 2);
    assert_true(q->claim_unmatched && !q->conflict);
    mz_check_result_free(r);
}

/* Two numbers and a dash that are no score: no word of a result before
 * them, a date, a range of thousands, an article of a law, a range of the
 * noun after it. */
static void test_not_a_score(void **state)
{
    (void)state;
    const char *cases[] = {
        "قتل ما بين 3-4 أشخاص في القصف",
        "فاز الحزب في الانتخابات التي جرت في 3-1-2026",
        "فاز المرشح بما بين 3-4 آلاف صوت في الدائرة",
        "خسر المتهم الطعن بموجب المادة 3-1 من القانون",
        "وخسر الفريق، وقد وصل 30-40 ألف مشجع إلى الملعب",
        /* a range of a noun, a word of the result before it or not */
        "فاز الحزب بـ 3-4 مقاعد في الدائرة",
        "ونتيجة لذلك قتل 3-4 أشخاص في القصف",
        "خسر الجيش 3-4 جنود في الهجوم",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mz_number v[8];
        size_t n = scores(cases[i], v, 8);
        assert_int_equal(the_score(v, n), n);
    }
}

/* The score quantity of r (one). */
static const mz_check_quantity *score_of(const mz_check_result *r)
{
    const mz_check_quantity *q = NULL;
    for (size_t i = 0; i < r->n_numbers; i++)
        if (r->numbers[i].kind == MZ_QTY_SCORE) {
            assert_null(q);
            q = &r->numbers[i];
        }
    assert_non_null(q);
    return q;
}

/* A claim of 2-1 against sources of 3-1 (one told by the loser's side,
 * 1-3): no source gives its number; a claim of 3-1 meets both. */
static void test_a_claims_score_is_compared_exactly(void **state)
{
    (void)state;
    const char *a = "فاز نادي الشعلة على ضيفه نادي الميناء 3-1 في الجولة 22 .";
    const char *b = "وخسر نادي الميناء أمام مضيفه نادي الشعلة 1-3 في الجولة 22 .";
    mz_check_result *r = two_voices("فاز نادي الشعلة على نادي الميناء 2-1", a, NULL, b, NULL);
    const mz_check_quantity *q = score_of(r);
    assert_true(q->on_claim && q->has_claim_value && q->claim_unmatched);
    assert_true(q->claim_number == 1 && q->claim_number_max == 2);
    assert_int_equal(q->n_values, 2);
    assert_false(q->conflict); /* 3-1 and 1-3 are one result */
    mz_check_result_free(r);

    r = two_voices("فاز نادي الشعلة على نادي الميناء 3-1", a, NULL, b, NULL);
    q = score_of(r);
    assert_true(q->on_claim && q->has_claim_value);
    assert_false(q->claim_unmatched);
    assert_false(q->conflict);
    mz_check_result_free(r);

    /* 2-1 and 3-1 of one match from two voices conflict: 10% is no
     * tolerance for a goal */
    r = two_voices("فاز نادي الشعلة على نادي الميناء 3-1", a, NULL,
                   "فاز نادي الشعلة على نادي الميناء 2-1 في الجولة 22 .", NULL);
    q = score_of(r);
    assert_int_equal(q->n_values, 2);
    assert_true(q->conflict);
    mz_check_result_free(r);
}

/* Another match's score is not set against the claim's: «على نادي الوادي
 * 2-0» (the clause names no الميناء; the sentence does, later) beside the
 * claim's match. */
static void test_another_matchs_score(void **state)
{
    (void)state;
    mz_check_result *r = two_voices(
        "فاز نادي الشعلة على نادي الميناء 3-1",
        "فاز نادي الشعلة على ضيفه نادي الميناء 3-1 في الجولة 22 .", NULL,
        "فاز نادي الشعلة على نادي الوادي 2-0 في الجولة 24، بفارق 6 نقاط عن الجبل الذي خسر أمام "
        "الميناء .",
        NULL);
    const mz_check_quantity *q = score_of(r);
    assert_int_equal(q->n_values, 1);
    assert_false(q->conflict || q->claim_unmatched);
    mz_check_result_free(r);
}

/* Another match's crowd: the draw with الجبل on 7 February «بحضور 30 ألف
 * متفرج» was set against the claim's 45 thousand of الشعلة–الميناء as a
 * conflict of two sources. A count the claim gives, in a sentence whose
 * scores are none of the claim's match, is now of another story; a
 * running total there («ليرفع رصيده إلى 56 نقطة») and the claim's own
 * match's sentence are not. */
static void test_another_matchs_crowd(void **state)
{
    (void)state;
    const char *claim = "حضر 45 ألف متفرج مباراة الشعلة والميناء";
    const char *ours = "فاز نادي الشعلة على ضيفه نادي الميناء 3-1 في المباراة التي أقيمت على ملعب "
                       "الشعلة أمام 45 ألف متفرج .";
    mz_check_result *r = two_voices(
        claim, ours, NULL,
        "تعادل نادي الشعلة مع مضيفه نادي الجبل سلبيا في قمة الجولة 23 التي أقيمت يوم السبت "
        "بحضور 30 ألف متفرج .",
        NULL);
    size_t crowds = 0;
    for (size_t i = 0; i < r->n_numbers; i++) {
        const mz_check_quantity *q = &r->numbers[i];
        if (q->kind != MZ_QTY_COUNT || !q->has_claim_value)
            continue;
        crowds++;
        assert_false(q->conflict);
        for (size_t k = 0; k < q->n_values; k++)
            assert_int_equal(q->values[k].other_story, q->values[k].number == 30000);
    }
    assert_int_equal(crowds, 1);
    mz_check_result_free(r);
    /* the claim's match told in words, another's total: neither is marked */
    mz_number nums[8];
    const char *s = "فاز نادي الشعلة على نادي الوادي 2-0، ليرفع رصيده إلى 56 نقطة .";
    size_t n = mz_numbers_extract_scores(s, strlen(s), nums, 8), c = 0;
    mz_number cn[4];
    const char *tc = "يتصدر نادي الشعلة الدوري برصيد 56 نقطة";
    c = mz_numbers_extract_scores(tc, strlen(tc), cn, 4);
    mz_num_mark_other_match(tc, cn, c, s, strlen(s), nums, n);
    for (size_t i = 0; i < n; i++)
        assert_false(nums[i].other_story);
    n = mz_numbers_extract_scores(ours, strlen(ours), nums, 8);
    c = mz_numbers_extract_scores(claim, strlen(claim), cn, 4);
    mz_num_mark_other_match(claim, cn, c, ours, strlen(ours), nums, n);
    for (size_t i = 0; i < n; i++)
        assert_false(nums[i].other_story);
}

/* A corrected score: «3-1 وليس 2-1» and «2-1، والصحيح 3-1» read no score
 * when the word of the result stood far before or a clause away, so the
 * correction rejected nothing and a claim of 2-1 met no word of it. The
 * pair beside a correction word, in a sentence with a word of the result,
 * is now a score, and the correction applies as to other figures. */
static void test_a_corrected_score(void **state)
{
    (void)state;
    const char *fixes[] = {
        ("فاز نادي الشعلة على نادي الميناء في المباراة التي أقيمت مساء السبت على ملعبه أمام "
         "جمهوره 3-1 وليس 2-1 كما ورد ."),
        "فاز نادي الشعلة على نادي الميناء 2-1، والصحيح 3-1 ."};
    for (size_t f = 0; f < 2; f++) {
        mz_number v[8];
        size_t n = scores(fixes[f], v, 8), pairs = 0;
        for (size_t i = 0; i < n; i++)
            pairs += v[i].kind == MZ_QTY_SCORE;
        assert_int_equal(pairs, 2);
        mz_check_result *r = two_voices("فاز نادي الشعلة على نادي الميناء 2-1",
                                        "فاز نادي الشعلة على نادي الميناء 2-1 .", NULL, fixes[f],
                                        NULL);
        const mz_check_quantity *q = score_of(r);
        size_t rejected = 0;
        for (size_t k = 0; k < q->n_values; k++)
            if (q->values[k].voice == 2 && q->values[k].rejected) {
                rejected++;
                assert_true(q->values[k].number_max == 2); /* the 2-1 */
            }
        assert_int_equal(rejected, 1);
        mz_check_result_free(r);
    }
    /* no word of the result: «وليس 2-1» is no score */
    mz_number v[8];
    size_t n = scores("وقال إن الرقم الصحيح 3-1 وليس 2-1 .", v, 8);
    for (size_t i = 0; i < n; i++)
        assert_int_not_equal(v[i].kind, MZ_QTY_SCORE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_score_is_read),
        cmocka_unit_test(test_not_a_score),
        cmocka_unit_test(test_a_score_in_words),
        cmocka_unit_test(test_a_claims_score_is_compared_exactly),
        cmocka_unit_test(test_another_matchs_score),
        cmocka_unit_test(test_another_matchs_crowd),
        cmocka_unit_test(test_a_corrected_score),
    };
    return cmocka_run_group_tests_name("check/numbers_score", tests, NULL, NULL);
}
