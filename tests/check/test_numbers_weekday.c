/* test_numbers_weekday.c — a bare weekday told as the event's day («وصل
 * الوزير الأحد إلى …») is a date the publication day makes
 * (numbers_weekday.c, collect_numbers.c add_value), set against a claim's
 * full day (claim_day.c mz_mark_other_day); a saying verb's weekday, another event's, «منذ
 * الأحد» and one written with its date are not. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "check/numbers.h"
#include "check/check.h"
#include "dated_voices.h"

#include <stdlib.h>
#include <string.h>

static const char *const claim_9 = "وصل وزير خارجية نوران إلى تارسيا يوم الأحد 9 آذار";

/* The weekday dates mz_num_weekday_dates reads in s for claim: their count;
 * the first one's day key to *day. */
static size_t weekdays_in(const char *claim, const char *s, char *day)
{
    mz_claim_stems c;
    mz_claim_stems_of(claim, &c);
    mz_number v[16];
    size_t n = mz_numbers_extract_scores(s, strlen(s), v, 16), before = n;
    n = mz_num_weekday_dates(&c, s, strlen(s), v, n, 16);
    day[0] = '\0';
    if (n > before) {
        assert_int_equal(v[before].kind, MZ_QTY_DATE);
        assert_true(v[before].on_day);
        strcpy(day, v[before].day);
    }
    return n - before;
}

static void test_event_weekday(void **state)
{
    (void)state;
    char day[16];
    assert_int_equal(weekdays_in(claim_9, "وصل وزير الخارجية النوراني سامر الحداد الأحد إلى عاصمة تارسيا "
                                          "في زيارة رسمية تستغرق يومين", day), 1);
    assert_string_equal(day, "w:2");
    assert_int_equal(weekdays_in(claim_9, "وقال مصدر إن الوزير وصل إلى تارسيا يوم الاثنين", day), 1);
    assert_string_equal(day, "w:3");
}

static void test_not_event_weekday(void **state)
{
    (void)state;
    char day[16];
    /* the announcement's day, not the visit's */
    assert_int_equal(weekdays_in(claim_9, "أعلنت وزارة الخارجية النورانية الأربعاء تأجيل زيارة الوزير "
                                          "إلى تارسيا", day), 0);
    /* another event's day: the signing */
    assert_int_equal(weekdays_in(claim_9, "وقع الجانبان الاثنين 5 اتفاقيات في ختام زيارة وزير الخارجية "
                                          "النوراني إلى تارسيا", day), 0);
    /* since, and a weekday written with its date */
    assert_int_equal(weekdays_in(claim_9, "وصل وفد الخارجية إلى تارسيا منذ الأحد", day), 0);
    assert_int_equal(weekdays_in(claim_9, "وصل وزير الخارجية إلى تارسيا الأحد 16 آذار", day), 0);
}

/* Two agreeing voices, one sentence each, published as given; the numbers
 * read and the verdict decided. */
static mz_check_result *decided(const char *claim, const char *a, const char *pa, const char *b,
                                const char *pb)
{
    const char *body[2] = {a, b}, *pub[2] = {pa, pb};
    const char *const site[2] = {"sada-news.example", "wakala-anba.example"};
    mz_check_result *r = agreeing_voices(claim, body, pub, site, 2);
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    return r;
}

static const char *const moved = "أعلنت وزارة الخارجية النورانية تأجيل زيارة وزير الخارجية إلى تارسيا، "
                                 "التي كانت مقررة الأحد 9 آذار، إلى الأسبوع المقبل";
static const char *const arrived = "وصل وزير الخارجية النوراني سامر الحداد الأحد إلى عاصمة تارسيا في "
                                   "زيارة رسمية تستغرق يومين";

/* The visit was moved off the 9th, and the report of the arrival,
 * published on Sunday 16 March, says «الأحد»: the 16th. The claim of the
 * 9th is not supported, and the arrival's voice gives another day. */
static void test_arrival_weekday_against_claim(void **state)
{
    (void)state;
    mz_check_result *r = decided(claim_9, moved, "2025-03-05", arrived, "2025-03-16");
    assert_true(r->voices[0].gives_moved_day);
    assert_true(r->voices[1].gives_other_day);
    assert_int_equal(r->voices[1].stance, MZ_DISAGREE);
    assert_int_not_equal(r->verdict, MZ_SUPPORTED);
    assert_non_null(strstr(r->reason, "2025-03-16"));
    mz_check_result_free(r);
    /* the claim of the 16th: the arrival's Sunday is its day */
    r = decided("وصل وزير خارجية نوران إلى تارسيا يوم الأحد 16 آذار", moved, "2025-03-05", arrived,
                "2025-03-16");
    assert_false(r->voices[1].gives_other_day);
    assert_int_equal(r->voices[1].stance, MZ_AGREE);
    mz_check_result_free(r);
    /* no publication day: the weekday is no date */
    r = decided(claim_9, moved, "2025-03-05", arrived, "");
    assert_false(r->voices[1].gives_other_day);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_event_weekday),
        cmocka_unit_test(test_not_event_weekday),
        cmocka_unit_test(test_arrival_weekday_against_claim),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
