/* test_numbers_among.c — a count told among another is of that one's event
 * (numbers_among.c): the sinking's «31 قتيلا، بينهم 9 أطفال» and «كان بين
 * الركاب 15 طفلا» had no event, so the children were one quantity and the
 * 9 dead were set against the 15 on board as a conflict. */
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

static const char dead[] = "ارتفعت حصيلة ضحايا غرق القارب إلى 31 قتيلا، بينهم 9 أطفال، "
                           "فيما لا يزال 40 في عداد المفقودين.";
static const char aboard[] = "وذكر ناجون أنه كان بين الركاب 15 طفلا وعدد من النساء.";

static void test_among_takes_event(void **state)
{
    (void)state;
    assert_int_equal(event_of(dead, 1), MZ_EVENT_KILLED);
    assert_int_equal(event_of(aboard, 0), MZ_EVENT_ABOARD);
    assert_int_equal(event_of("وأصيب في الانفجار 20 شخصا، منهم 5 أطفال", 1), MZ_EVENT_INJURED);
    /* a count far from the one before it is not among it */
    assert_int_equal(event_of("وقتل 20 شخصا في القصف. وقالت الأمم المتحدة إن بينهم 5 أطفال", 1),
                     MZ_EVENT_NONE);
    const char *claim = "كان بين ركاب القارب الذي غرق قبالة رأس الغزال 15 طفلا";
    assert_true(mz_events_in(claim, strlen(claim)) & (1u << MZ_EVENT_ABOARD));
}

/* The 15 children on board and the 9 among the dead are two counts */
static void test_children_no_conflict(void **state)
{
    (void)state;
    const char *b[] = {dead, aboard};
    mz_check_result *r = collect("كان بين ركاب القارب الذي غرق قبالة رأس الغزال 15 طفلا", b, NULL, 2);
    for (size_t i = 0; i < r->n_numbers; i++)
        assert_false(r->numbers[i].conflict);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_among_takes_event),
        cmocka_unit_test(test_children_no_conflict),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
