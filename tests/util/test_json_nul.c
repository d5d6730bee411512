/* test_json_nul.c — mz_json_escaped_nul: the escaped NUL that cJSON would
 * silently end a string at, and the look-alikes that are not one. */
#include "util/util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

static size_t at(const char *s)
{
    return mz_json_escaped_nul(s, strlen(s));
}

static void test_escaped_nul(void **state)
{
    (void)state;
    assert_int_equal(at("{\"claim\": \"نفت\\u0000\"}"), 17);
    assert_int_equal(at("\\u0000"), 0);
    assert_int_equal(at("{\"a\": \"\\\\\\u0000\"}"), 9); /* \\ then \u0000 */
    /* not a NUL: an escaped backslash followed by the letters u0000 */
    const char *lit = "{\"a\": \"\\\\u0000\"}";
    assert_int_equal(at(lit), strlen(lit));
    const char *other = "{\"a\": \"\\u00001 \\n \\u0600\"}"; /* \u0000 then 1: still NUL */
    assert_int_equal(at(other), 7);
    const char *fine = "{\"a\": \"\\u0001 \\u00a0 \\\"u0000\"}";
    assert_int_equal(at(fine), strlen(fine));
    assert_int_equal(at(""), 0);
    assert_int_equal(mz_json_escaped_nul("\\u000", 5), 5); /* too short */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escaped_nul),
    };
    return cmocka_run_group_tests_name("util/json_nul", tests, NULL, NULL);
}
