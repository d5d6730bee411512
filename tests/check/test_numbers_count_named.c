/* test_numbers_count_named.c — «عدد X» before a count names what it counts
 * (events.c count_named_before), and a figure a correction gives takes the
 * event of the figure it corrects (numbers_answer_event.c): the migration
 * desk's correction «أن عدد الناجين من غرق القارب … 54 شخصا، والصحيح 45
 * شخصا» read the 54 as the drowned (غرق nearer it) and gave the 45 no
 * event, so a claim that 45 people died met the answer as its figure. */
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

static const char correction[] = "تصحيح: ورد في نسخة سابقة من هذا الخبر أن عدد الناجين من غرق "
                                 "القارب قبالة رأس الغزال 54 شخصا، والصحيح 45 شخصا.";

static void test_count_named_before(void **state)
{
    (void)state;
    assert_int_equal(event_of(correction, 0), MZ_EVENT_RESCUED);
    assert_int_equal(event_of("وارتفع عدد المفقودين جراء غرق العبارة إلى 20 شخصا", 0),
                     MZ_EVENT_MISSING);
    assert_int_equal(event_of("وقال إن عدد الجرحى في حادث الحافلة بلغ 17 شخصا", 0),
                     MZ_EVENT_INJURED);
    /* «عدد من» names nothing: the verb after the count tells it */
    assert_int_equal(event_of("وقال إن عدد من الركاب و12 شخصا لقوا حتفهم", 0), MZ_EVENT_DIED);
    /* survivors who tell are still no count of the rescued */
    assert_int_not_equal(event_of("وذكر ناجون أنه كان بين الركاب 15 طفلا", 0), MZ_EVENT_RESCUED);
}

static void test_answer_takes_event(void **state)
{
    (void)state;
    assert_int_equal(event_of(correction, 1), MZ_EVENT_RESCUED);
    /* «وليس» the other way round: the rejected figure takes the given's */
    assert_int_equal(event_of("وأصيب في الحادث 18 شخصا وليس 30 شخصا كما ورد", 1),
                     MZ_EVENT_INJURED);
    /* another noun is another count: no event is passed to it */
    assert_int_equal(event_of("وأصيب في الحادث 18 شخصا، والصحيح 3 حافلات", 1), MZ_EVENT_NONE);
}

/* A claim that 45 died is not met by the corrected count of survivors */
static void test_corrected_survivors_not_the_dead(void **state)
{
    (void)state;
    const char *b[] = {correction, "وقال مسؤول محلي إن 31 شخصا لقوا حتفهم في غرق القارب."};
    mz_check_result *r = collect("لقي 45 شخصا حتفهم في غرق قارب المهاجرين", b, NULL, 2);
    bool unmatched = false;
    for (size_t i = 0; i < r->n_numbers; i++)
        if (r->numbers[i].on_claim && r->numbers[i].has_claim_value)
            unmatched = r->numbers[i].claim_unmatched;
    assert_true(unmatched);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_count_named_before),
        cmocka_unit_test(test_answer_takes_event),
        cmocka_unit_test(test_corrected_survivors_not_the_dead),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
