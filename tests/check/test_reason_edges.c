/* test_reason_edges.c — what the verdict's reason (src/check/reason.c) says
 * at its edges: a voice at min_related exactly is counted and quoted as
 * the verdict counted it, a denial in such a voice is "reported", not "not
 * counted", of two voices equally sure the first is quoted, and a quote's
 * runs of white space are one space. Each case kills a mutant the other
 * tests let live (tests/mutate.py). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "verdict_spec.h"

static const char *report = "أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية.";
static const char *denial = "نفى لواء الوادي الأنباء عن صفقة التبادل.";

static void test_voice_at_min_related(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.05}};
    mz_check_result *r = build(s, 1);
    r->voices[0].weight = mz_verdict_default.min_related;
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(r->verdict, MZ_SUPPORTED);
    assert_string_equal(r->reason, "1 independent source reports it (wire.example): "
                                   "«أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية».");
    mz_check_result_free(r);
}

static void test_denial_at_min_related(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.05},
                {"wadi.example", denial, "attribution", 0.1, 0.1, 0.5}};
    mz_check_result *r = build(s, 2);
    r->members[1].has_denial = true;
    r->members[1].denial = (mz_evidence){0, r->members[1].body_len, 0.9, "denial"};
    r->voices[1].weight = mz_verdict_default.min_related;
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_string_equal(r->reason,
                        "1 independent source reports it (wire.example): «أفرج لواء الوادي عن 40 "
                        "أسيرا من القوات الحكومية»; 1 discusses it without taking a side "
                        "(wadi.example). A denial is reported (wadi.example): «نفى لواء الوادي "
                        "الأنباء عن صفقة التبادل».");
    mz_check_result_free(r);
}

static void test_equally_sure_quotes_the_first(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.05},
                {"radio.example", "أطلق لواء الوادي سراح 40 أسيرا.", "assertion", 0.8, 0.05, 0.05}};
    mz_check_result *r = build(s, 2);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "(wire.example, radio.example): «أفرج لواء الوادي"));
    mz_check_result_free(r);
}

/* A scrape's padding and line breaks inside a sentence: one space each
 * run, none at the ends; a quote inside it nested as “…”. */
static void test_quote_white_space(void **state)
{
    (void)state;
    spec s[] = {{"wire.example",
                 "  قال المتحدث   باسم  اللواء\n\t إن «الصفقة»  تمت \n بإشراف الوجهاء.  ", "assertion",
                 0.8, 0.05, 0.05}};
    mz_check_result *r = build(s, 1);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_string_equal(r->reason_ar, "مصدر مستقل واحد يؤيد الادعاء (wire.example): "
                                      "«قال المتحدث باسم اللواء إن “الصفقة” تمت بإشراف الوجهاء».");
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_voice_at_min_related),
        cmocka_unit_test(test_denial_at_min_related),
        cmocka_unit_test(test_equally_sure_quotes_the_first),
        cmocka_unit_test(test_quote_white_space),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
