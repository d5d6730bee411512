/* test_numbers_speed.c — kilometres an hour are a speed, not a distance
 * (src/check/numbers_speed.c): «80 كم/ساعة» and «150 كم» were both keyed
 * كم, one quantity. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "check/check.h"
#include "value_of.h"

static void test_speeds(void **state)
{
    (void)state;
    const char *speeds[] = {
        "وهبت رياح سرعتها 80 كم/ساعة على الساحل",
        "رياح تصل سرعتها إلى 80 كم / ساعة",
        "رياح سرعتها 80 كلم/س",
        "رياح سرعتها 80 كم في الساعة",
        "رياح بسرعة 80 كيلومترا في الساعة",
        "رياح بسرعة 80 كلم بالساعة",
    };
    for (size_t i = 0; i < sizeof speeds / sizeof *speeds; i++) {
        mz_number x = value_of(speeds[i], 80);
        assert_string_equal(x.noun_key, "km/h");
    }
    assert_string_equal(value_of("وهبت رياح سرعتها 80 كم/ساعة", 80).noun, "كم/ساعة");
    assert_string_equal(value_of("رياح سرعتها 80 كم في الساعة", 80).noun, "كم في الساعة");
}

/* A distance stays one: «150 كم», a road «80 كم» before a clause of time,
 * and a speed is not the distance's key. */
static void test_distances(void **state)
{
    (void)state;
    mz_number road = value_of("يمتد الطريق 150 كم جنوب المدينة", 150);
    assert_string_not_equal(road.noun_key, "km/h");
    assert_true(road.noun_key[0] != '\0');
    mz_number walk = value_of("ساروا 80 كم. في الساعة الأولى قتل جندي", 80);
    assert_string_not_equal(walk.noun_key, "km/h");
    mz_number wind = value_of("رياح سرعتها 80 كم/ساعة", 80);
    assert_string_not_equal(road.noun_key, wind.noun_key);
}

/* Miles an hour and metres a second are speeds too, each its own key: a
 * wind of 50 mph is not set against one of 80 km/h, nor a wave's 3 metres
 * against a wind of 3 metres a second. */
static void test_other_speed_units(void **state)
{
    (void)state;
    const char *mph[] = {"وصلت سرعة الرياح إلى 50 ميلا في الساعة", "رياح سرعتها 50 ميل/ساعة",
                         "رياح بسرعة 50 ميلا بالساعة"};
    for (size_t i = 0; i < sizeof mph / sizeof *mph; i++)
        assert_string_equal(value_of(mph[i], 50).noun_key, "mph");
    const char *ms[] = {"رياح سرعتها 20 مترا في الثانية", "رياح سرعتها 20 م/ث",
                        "رياح سرعتها 20 متر/ثانية"};
    for (size_t i = 0; i < sizeof ms / sizeof *ms; i++)
        assert_string_equal(value_of(ms[i], 20).noun_key, "m/s");
    assert_string_equal(value_of("رياح سرعتها 20 مترا في الثانية", 20).noun, "مترا في الثانية");
    /* lengths stay lengths: a wave, a distance in miles, metres an hour is no unit read */
    assert_string_not_equal(value_of("ارتفاع الموج 3 أمتار", 3).noun_key, "m/s");
    assert_string_not_equal(value_of("تبعد الجزيرة 50 ميلا عن الساحل", 50).noun_key, "mph");
    assert_string_not_equal(value_of("ساروا 20 مترا. في الثانية الأولى سقط", 20).noun_key, "m/s");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_speeds),
        cmocka_unit_test(test_distances),
        cmocka_unit_test(test_other_speed_units),
    };
    return cmocka_run_group_tests_name("check/numbers_speed", tests, NULL, NULL);
}
