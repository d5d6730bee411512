/* test_voice_later_word.c — a site's later report is its word now
 * (src/check/voice_later_word.c, build_voices.c): one site carried the
 * minister's denial on the 12th and the cut decided on the 28th; the voice
 * took the denial's stance (its most related member), and the claim that
 * the cut was decided was DISPUTED by the site that reported it decided.
 * Sentences written for the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "verdict_spec.h"

#include <string.h>

static const char *denial = "نفى وزير النفط ما تردد عن خفض تحالف منتجي الرمال الإنتاج.";
static const char *later = "أكد وزير النفط التزام بلاده بقرار تحالف منتجي الرمال خفض الإنتاج.";

/* The site's denial (0.95) and its later report (agree, weight w), dated
 * as given (NULL: none); grouped as a check does. The voice's stance. */
static mz_stance voice_of(const char *denied_on, const char *reported_on, double agree,
                          size_t *rep)
{
    spec s[] = {{"zahira-news.example", denial, "denial", 0.01, 0.95, 0.01},
                {"zahira-news.example", later, "assertion", agree, 0.01, 0.01}};
    mz_check_result *r = build(s, 2);
    r->members[0].has_denial = true;
    r->members[0].denial = r->members[0].evidence[0];
    r->members[0].published = denied_on ? strdup(denied_on) : NULL;
    r->members[1].published = reported_on ? strdup(reported_on) : NULL;
    r->members[0].coverage = r->members[1].coverage = 1; /* both cover the claim */
    mz_check_voices_clear(r);
    assert_int_equal(mz_check_build_voices(r, &mz_verdict_default), MZ_OK);
    assert_int_equal(r->n_voices, 1);
    mz_stance st = r->voices[0].stance;
    *rep = r->voices[0].members[0];
    mz_check_result_free(r);
    return st;
}

static void test_later_report_speaks(void **state)
{
    (void)state;
    size_t rep;
    assert_int_equal(voice_of("2026-11-12", "2026-11-28", 0.9, &rep), MZ_AGREE);
    assert_int_equal(rep, 1);
}

/* Nothing changes without dates, when the report came first or the same
 * day, or when the later report is too weakly related to count. */
static void test_denial_stays(void **state)
{
    (void)state;
    size_t rep;
    assert_int_equal(voice_of(NULL, "2026-11-28", 0.9, &rep), MZ_DISAGREE);
    assert_int_equal(voice_of("2026-11-12", NULL, 0.9, &rep), MZ_DISAGREE);
    assert_int_equal(voice_of("2026-11-28", "2026-11-12", 0.9, &rep), MZ_DISAGREE);
    assert_int_equal(voice_of("2026-11-28", "2026-11-28", 0.9, &rep), MZ_DISAGREE);
    assert_int_equal(voice_of("2026-11-12", "2026-11-28", 0.3, &rep), MZ_DISAGREE);
    assert_int_equal(rep, 0);
}

/* The reason still shows the denial, with its day and the day of the
 * site's later report that speaks for the voice: the site's history, not a
 * denial that stands. */
static void test_reason_dates_the_denial(void **state)
{
    (void)state;
    spec s[] = {{"zahira-news.example", denial, "denial", 0.01, 0.95, 0.01},
                {"zahira-news.example", later, "assertion", 0.9, 0.01, 0.01}};
    mz_check_result *r = build(s, 2);
    r->members[0].has_denial = true;
    r->members[0].denial = r->members[0].evidence[0];
    r->members[0].published = strdup("2026-11-12");
    r->members[1].published = strdup("2026-11-28");
    r->members[0].coverage = r->members[1].coverage = 1;
    mz_check_voices_clear(r);
    assert_int_equal(mz_check_build_voices(r, &mz_verdict_default), MZ_OK);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    assert_non_null(strstr(r->reason, "A denial is reported (zahira-news.example) on 2026-11-12, "
                                      "before the same site's report of 2026-11-28 that agrees "
                                      "with the claim: «نفى وزير النفط"));
    assert_non_null(strstr(r->reason_ar, "نفيٌ للادعاء في 2026-11-12، قبل تقرير للموقع نفسه في "
                                         "2026-11-28 يؤيد الادعاء"));
    mz_check_result_free(r);
}

/* A later report overtakes a denial only when it tells the denied matter:
 * the coast guard denies that its patrol intercepted the boat; the same
 * site's later report is of the funerals (the story's topic: the boat, its
 * sinking, the coast) and tells nothing of the interception, so the denial
 * stays the site's word on the claim. A later report of the interception
 * itself still speaks for the site. The pool's topic is read as a check
 * reads it, before the voices are weighed (check.c). */
static mz_stance boat_voice(const char *later_body, size_t *rep)
{
    spec s[] = {
        {"alwatan-news.example",
         "نفى خفر السواحل في رأس الغزال أن تكون دورياته قد اعترضت القارب الذي غرق قبالة السواحل.",
         "denial", 0.01, 0.95, 0.01},
        {"alwatan-news.example", later_body, "assertion", 0.9, 0.01, 0.01},
        {"akhbar-alsahil.example", "انتشلت فرق الإنقاذ جثث ضحايا غرق قارب قبالة رأس الغزال.",
         "assertion", 0.8, 0.01, 0.01},
        {"sawt-almuhajir.example",
         "قال ناجون إن دورية لخفر السواحل اعترضت القارب قبل غرقه قبالة رأس الغزال.", "assertion",
         0.8, 0.01, 0.01}};
    mz_check_result *r = build(s, 4);
    free(r->claim);
    r->claim = strdup("اعترضت دورية لخفر السواحل قارب المهاجرين قبل غرقه قبالة رأس الغزال");
    r->members[0].has_denial = true;
    r->members[0].denial = r->members[0].evidence[0];
    r->members[0].published = strdup("2026-03-05");
    r->members[1].published = strdup("2026-03-10");
    for (size_t i = 0; i < 4; i++)
        r->members[i].coverage = 1;
    mz_check_voices_clear(r);
    /* build_voices marks the topic before it weighs the voices */
    assert_int_equal(mz_check_build_voices(r, &mz_verdict_default), MZ_OK);
    mz_stance st = MZ_UNRELATED;
    for (size_t v = 0; v < r->n_voices; v++)
        for (size_t i = 0; i < r->voices[v].n_members; i++)
            if (r->voices[v].members[i] == 0) {
                st = r->voices[v].stance;
                *rep = r->voices[v].members[0];
            }
    mz_check_result_free(r);
    return st;
}

static void test_later_report_of_topic_only(void **state)
{
    (void)state;
    size_t rep;
    assert_int_equal(boat_voice("شيع سكان رأس الغزال جثامين ضحايا غرق قارب المهاجرين.", &rep),
                     MZ_DISAGREE);
    assert_int_equal(rep, 0);
    assert_int_equal(
        boat_voice("أقر خفر السواحل لاحقا بأن دورية اعترضت قارب المهاجرين قبل غرقه.", &rep),
        MZ_AGREE);
    assert_int_equal(rep, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_later_report_speaks),
        cmocka_unit_test(test_denial_stays),
        cmocka_unit_test(test_reason_dates_the_denial),
        cmocka_unit_test(test_later_report_of_topic_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
