/* test_numbers_absent.c — the absent (events.c: تغيب, غياب, تخلف) are an
 * event of their own: an exam's story counts the candidates («تقدم 412 ألف
 * طالب») and those absent from a paper («وتغيب 3100 طالب عن الامتحان»);
 * with no event the 3100 were set against the 412 thousand as two sources'
 * counts of the students (a CONFLICT), and listed as a figure given for a
 * claim of the candidates (src/check/collect_numbers.c: bears_on_claim). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "dated_voices.h"

static mz_event event_of(const char *s, size_t k)
{
    mz_number v[8];
    size_t n = mz_numbers_extract(s, strlen(s), v, 8);
    assert_true(n > k);
    return v[k].event;
}

static void test_absent_event(void **state)
{
    (void)state;
    assert_int_equal(event_of("وتغيب 3100 طالب عن امتحان اللغة العربية في اليوم الأول", 0),
                     MZ_EVENT_ABSENT);
    assert_int_equal(event_of("وسجلت الوزارة غياب 1200 طالب عن امتحان الفيزياء", 0),
                     MZ_EVENT_ABSENT);
    assert_int_equal(event_of("وتخلف 45 لاعبا عن التدريبات بسبب الإصابة", 0), MZ_EVENT_ABSENT);
    assert_int_equal(event_of("و800 طالب متغيبين عن الامتحان", 0), MZ_EVENT_ABSENT);
    /* a forest (غابة) is not absent: «الغابات» ends as غاب does */
    assert_int_equal(event_of("والتهمت النيران 200 هكتار من الغابات", 0), MZ_EVENT_NONE);
    assert_string_equal(mz_event_name(MZ_EVENT_ABSENT), "absent");
}

static const mz_check_quantity *on_claim(const mz_check_result *r)
{
    for (size_t i = 0; i < r->n_numbers; i++)
        if (r->numbers[i].on_claim && r->numbers[i].has_claim_value)
            return &r->numbers[i];
    fail_msg("no quantity of the claim");
    return NULL;
}

/* The candidates and the absent: no conflict, and the 3100 is no figure
 * given for the candidates; a claim of the absent is met by it. */
static void test_absent_beside_candidates(void **state)
{
    (void)state;
    const char *b[] = {"وتقدم 412 ألف طالب وطالبة لأداء الامتحانات في 1850 مركزا.",
                       "وتغيب 3100 طالب عن امتحان اللغة العربية في اليوم الأول."};
    mz_check_result *r = collect("تقدم 412 ألف طالب لامتحانات الثانوية العامة", b, NULL, 2);
    const mz_check_quantity *q = on_claim(r);
    assert_false(q->conflict);
    assert_false(q->claim_unmatched);
    for (size_t i = 0; i < q->n_values; i++)
        assert_false(q->values[i].off_claim || q->values[i].conflicting);
    mz_check_result_free(r);
    r = collect("تغيب 3100 طالب عن امتحان اللغة العربية", b, NULL, 2);
    q = on_claim(r);
    assert_false(q->claim_unmatched);
    assert_false(q->conflict);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_absent_event),
        cmocka_unit_test(test_absent_beside_candidates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
