/* test_numbers_moved.c — the dates a postponement moves (numbers_moved.c:
 * mz_num_mark_moved): the new date after «إلى»/«حتى», the one it was set
 * for after «كانت مقررة» / «بدلا من»; no move without a word of
 * postponing. And the claim check (collect_numbers.c): a claim naming the
 * day an event was moved off is marked, not one of another event. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "check/numbers.h"
#include "two_voices.h"
#include "dated_voices.h"

/* The k-th value of s, which must be there. */
static mz_number value_of(const char *s, size_t k)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_true(n > k);
    return v[k];
}

static void test_new_date(void **state)
{
    (void)state;
    mz_number v = value_of("أعلنت الوزارة تأجيل إعلان النتائج إلى الأحد المقبل 5 تموز، بسبب إعادة "
                           "تدقيق درجات امتحان الفيزياء",
                           0);
    assert_int_equal(v.moved, 1);
    assert_false(v.earlier);
    assert_string_equal(v.day, "d:5/7");
    assert_int_equal(value_of("قرر المجلس إرجاء الجلسة حتى 12 أيار", 0).moved, 1);
}

static void test_set_for(void **state)
{
    (void)state;
    mz_number v = value_of("أعلنت وزارة الخارجية الأربعاء تأجيل زيارة الوزير إلى تارسيا، التي كانت "
                           "مقررة الأحد 9 آذار، إلى الأسبوع المقبل",
                           0);
    assert_int_equal(v.moved, -1);
    assert_true(v.earlier);
    const char *both = "وقرر المجلس إرجاء الجلسة إلى 12 أيار بدلا من 5 أيار";
    assert_int_equal(value_of(both, 0).moved, 1);
    assert_int_equal(value_of(both, 1).moved, -1);
    /* «كما كان مقررا»: as it was set, no move */
    assert_int_equal(
        value_of("وأوضحت الوزارة أن الزيارة ستبدأ الأحد 16 آذار وتستغرق يومين كما كان مقررا", 0)
            .moved,
        0);
}

static void test_no_postponing(void **state)
{
    (void)state;
    /* «حتى» with no word of postponing: the end of the exams, not a move */
    mz_number v = value_of("وتستمر الامتحانات حتى السبت 4 تموز", 0);
    assert_int_equal(v.moved, 0);
    assert_false(v.earlier);
    /* a range is one value, not a move to its end */
    assert_int_equal(value_of("تجري الامتحانات من 3 إلى 5 تموز", 0).moved, 0);
    /* «من أجل» is no postponing */
    assert_int_equal(value_of("تستمر الحملة من أجل الطلاب حتى 5 تموز", 0).moved, 0);
}

/* The date value of r marked moves_claim, or NULL. */
static const mz_check_value *moving(const mz_check_result *r)
{
    for (size_t i = 0; i < r->n_numbers; i++)
        for (size_t k = 0; k < r->numbers[i].n_values; k++)
            if (r->numbers[i].values[k].moves_claim)
                return &r->numbers[i].values[k];
    return NULL;
}

/* A claim of the day the results were to be announced, and a report that
 * they were postponed to the next day: the claim's day is out of date, the
 * voice that says so is marked, and the reason says it in both languages. */
static void test_claim_day_moved(void **state)
{
    (void)state;
    const char *claim = "تعلن نتائج الثانوية العامة يوم السبت 4 تموز";
    const char *old = "قال الوزير إن نتائج امتحانات الثانوية العامة ستعلن يوم السبت 4 تموز";
    const char *moved = "أعلنت الوزارة تأجيل إعلان النتائج إلى الأحد المقبل 5 تموز، بسبب إعادة "
                        "تدقيق الدرجات";
    mz_check_result *r = two_voices(claim, old, "2026-07-01", moved, "2026-07-03");
    const mz_check_value *v = moving(r);
    assert_non_null(v);
    assert_int_equal(v->voice, 2);
    assert_string_equal(v->day, "d:5/7");
    assert_true(r->n_voices == 0 || !r->voices[0].gives_moved_day);
    mz_check_result_free(r);
    /* the claim names the new day: nothing is out of date */
    r = two_voices("تعلن نتائج الثانوية العامة يوم الأحد 5 تموز", old, "2026-07-01", moved,
                   "2026-07-03");
    assert_null(moving(r));
    mz_check_result_free(r);
    /* the claim tells the postponement itself: its day is the one set before */
    r = two_voices("كان من المقرر أن تعلن نتائج الثانوية العامة يوم السبت 4 تموز لكن الإعلان تأجل",
                   old, "2026-07-01", moved, "2026-07-03");
    assert_null(moving(r));
    mz_check_result_free(r);
    /* the claim's day is the one the visit was set for */
    r = two_voices("وصل وزير خارجية نوران إلى تارسيا يوم الأحد 9 آذار",
                   "يصل وزير الخارجية النوراني إلى تارسيا الأحد 9 آذار", "2025-03-02",
                   "أعلنت وزارة الخارجية النورانية تأجيل زيارة الوزير إلى تارسيا، التي كانت مقررة "
                   "الأحد 9 آذار، إلى الأسبوع المقبل",
                   "2025-03-05");
    v = moving(r);
    assert_non_null(v);
    assert_int_equal(v->moved, -1);
    mz_check_result_free(r);
}

/* Another event of the story postponed («امتحانات الدور الثاني») is not the
 * claim's: its day says nothing of the results'. */
static void test_other_event_moved(void **state)
{
    (void)state;
    const char *claim = "تعلن نتائج الثانوية العامة يوم السبت 4 تموز";
    mz_check_result *r = two_voices(
        claim, "قال الوزير إن نتائج امتحانات الثانوية العامة ستعلن يوم السبت 4 تموز", "2026-07-01",
        "وقررت الوزارة تأجيل امتحانات الدور الثاني إلى 20 تموز", "2026-07-03");
    assert_null(moving(r));
    mz_check_result_free(r);
    /* a postponement that names the day its event was set for, not the
     * claim's, moves another event: the meeting of the 20th to the 27th
     * says nothing of a cut the claim dates 1 January, though the sentence
     * names the alliance (energy E10) */
    r = two_voices("يبدأ خفض إنتاج تحالف منتجي الرمال في الأول من كانون الثاني",
                   "قرر تحالف منتجي الرمال خفض الإنتاج اعتبارا من الأول من كانون الثاني",
                   "2026-11-27",
                   "أعلنت الأمانة العامة لتحالف منتجي الرمال تأجيل الاجتماع الوزاري الذي كان مقررا "
                   "في 20 تشرين الثاني إلى الجمعة 27 تشرين الثاني",
                   "2026-11-16");
    assert_null(moving(r));
    mz_check_result_free(r);
}

/* The verdict: the postponing voice, read agree, weighs as disagreeing, and
 * the reason names both days. */
static void test_verdict_reason(void **state)
{
    (void)state;
    const char *body[2] = {"قال الوزير إن نتائج الثانوية العامة ستعلن يوم السبت 4 تموز",
                           "أعلنت الوزارة تأجيل إعلان النتائج إلى الأحد المقبل 5 تموز"};
    const char *pub[2] = {"2026-07-01", "2026-07-03"};
    const char *const site[2] = {"akhbar-alsahel.example", "nouran-today.example"};
    mz_check_result *r =
        agreeing_voices("تعلن نتائج الثانوية العامة يوم السبت 4 تموز", body, pub, site, 2);
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_false(r->voices[0].gives_moved_day);
    assert_true(r->voices[1].gives_moved_day);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_true(r->voices[1].moved_day);
    assert_int_equal(r->voices[1].stance, MZ_DISAGREE);
    assert_int_not_equal(r->verdict, MZ_SUPPORTED);
    assert_non_null(strstr(r->reason, "The event was moved to 2026-07-05 (nouran-today.example)"));
    assert_non_null(strstr(r->reason, "the claim's day is 2026-07-04"));
    assert_non_null(strstr(r->reason_ar, "وقد أُجّل الحدث إلى 2026-07-05"));
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_date),
        cmocka_unit_test(test_set_for),
        cmocka_unit_test(test_no_postponing),
        cmocka_unit_test(test_claim_day_moved),
        cmocka_unit_test(test_other_event_moved),
        cmocka_unit_test(test_verdict_reason),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
