/* test_numbers_rescued.c — a sinking's story counts those on board, the
 * dead, the missing and the rescued (events.c: rescued, aboard). The
 * rescued («إنقاذ 45 شخصا») had no event, so a claim that 45 people died
 * met them as its figure; and those on board («غرق قارب كان على متنه نحو
 * 120 مهاجرا») took the sinking's «غرق», so the 120 read as the dead and
 * was given as "another figure" against a claim of the missing. */
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

static const mz_check_quantity *on_claim(const mz_check_result *r)
{
    for (size_t i = 0; i < r->n_numbers; i++)
        if (r->numbers[i].on_claim && r->numbers[i].has_claim_value)
            return &r->numbers[i];
    fail_msg("no quantity of the claim");
    return NULL;
}

static void test_rescued_event(void **state)
{
    (void)state;
    const char *s = "وقال المتحدث إن فرق الإنقاذ تمكنت من انتشال 12 جثة وإنقاذ 45 شخصا";
    assert_int_equal(event_of(s, 1), MZ_EVENT_RESCUED);
    /* «فرق الإنقاذ» are the teams: the 12 bodies were not rescued */
    assert_int_not_equal(event_of(s, 0), MZ_EVENT_RESCUED);
    assert_int_equal(event_of("وأنقذت الدوريات 30 مهاجرا من الغرق", 0), MZ_EVENT_RESCUED);
    /* survivors who tell are no count of the rescued */
    assert_int_not_equal(event_of("وذكر ناجون أنه كان بين الركاب 15 طفلا", 0), MZ_EVENT_RESCUED);
    assert_string_equal(mz_event_name(MZ_EVENT_RESCUED), "rescued");
}

static void test_aboard_event(void **state)
{
    (void)state;
    assert_int_equal(event_of("غرق قارب كان على متنه نحو 120 مهاجرا قبالة السواحل", 0),
                     MZ_EVENT_ABOARD);
    assert_int_equal(event_of("كان على متن القارب الذي غرق قبالة السواحل 200 مهاجر", 0),
                     MZ_EVENT_ABOARD);
    /* the dead of those on board are the dead */
    assert_int_equal(event_of("وغرق 30 مهاجرا كانوا على متن القارب", 0), MZ_EVENT_DIED);
    assert_string_equal(mz_event_name(MZ_EVENT_ABOARD), "aboard");
    const char *claim = "كان على متن القارب الذي غرق قبالة رأس الغزال 200 مهاجر";
    assert_true(mz_events_in(claim, strlen(claim)) & (1u << MZ_EVENT_ABOARD));
}

/* A claim of 200 on board is met by the 120 on board, another figure */
static void test_aboard_claim(void **state)
{
    (void)state;
    const char *b[] = {"غرق قارب كان على متنه نحو 120 مهاجرا قبالة السواحل فجر الإثنين.",
                       "وقال مسؤول محلي إن 31 مهاجرا لقوا حتفهم في غرق القارب."};
    mz_check_result *r = collect("كان على متن القارب الذي غرق قبالة السواحل 200 مهاجر", b, NULL, 2);
    const mz_check_quantity *q = on_claim(r);
    assert_true(q->claim_unmatched);
    bool off = false;
    for (size_t i = 0; i < q->n_values; i++)
        off = off || (q->values[i].number == 120 && q->values[i].off_claim);
    assert_true(off);
    mz_check_result_free(r);
}

static const char *const sinking[] = {
    "وقال متحدث باسم خفر السواحل إن فرق الإنقاذ تمكنت من انتشال 12 جثة وإنقاذ 45 شخصا.",
    "وقال مسؤول محلي إن 31 شخصا لقوا حتفهم في غرق القارب.",
};

/* A claim that 45 died is not met by the 45 rescued: no source gives it */
static void test_rescued_not_the_dead(void **state)
{
    (void)state;
    mz_check_result *r = collect("لقي 45 شخصا حتفهم في غرق قارب المهاجرين", sinking, NULL, 2);
    const mz_check_quantity *q = on_claim(r);
    assert_true(q->claim_unmatched);
    mz_check_result_free(r);
    /* and a claim of the rescued is met by them */
    r = collect("أنقذت فرق الإنقاذ 45 شخصا من ركاب القارب", sinking, NULL, 2);
    q = on_claim(r);
    assert_false(q->claim_unmatched);
    assert_false(q->conflict);
    mz_check_result_free(r);
}

/* Those on board are not the missing nor the dead: a claim of 40 missing
 * finds no other figure of its event in the 120 on board */
static void test_aboard_not_the_missing(void **state)
{
    (void)state;
    const char *b[] = {"غرق قارب كان على متنه نحو 120 مهاجرا قبالة السواحل فجر الإثنين.",
                       "ولا يزال 40 مهاجرا في عداد المفقودين بعد غرق القارب."};
    mz_check_result *r = collect("غرق 40 مهاجرا قبالة السواحل", b, NULL, 2);
    const mz_check_quantity *q = on_claim(r);
    for (size_t i = 0; i < q->n_values; i++)
        if (q->values[i].number == 120)
            assert_false(q->values[i].off_claim);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rescued_event),
        cmocka_unit_test(test_aboard_event),
        cmocka_unit_test(test_rescued_not_the_dead),
        cmocka_unit_test(test_aboard_not_the_missing),
        cmocka_unit_test(test_aboard_claim),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
