/* test_denial_topic.c — a denial that shares only the pool's topic with the
 * claim (the club, not the match) is of another matter: the reason does not
 * report it as the claim's denial (denial_topic.c, reason.c). A denial that
 * holds the claim's event, and a pool that is all of the claim's event (no
 * topic apart from it), keep it. Results are built by hand (verdict_spec.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "verdict_spec.h"

static const char *claim = "فاز نادي الشعلة على نادي الميناء 3-1";

/* Two match reports, a transfer story and the denial given (its own voice,
 * read as discussing: the check reports its denial all the same). */
static mz_check_result *pool(const char *match2, const char *transfer, const char *denial)
{
    spec s[] = {{"malaab.example", "فاز نادي الشعلة على ضيفه نادي الميناء 3-1 في الدوري الممتاز.",
                 "assertion", 0.9, 0.02, 0.05},
                {"jamahir.example", match2, "assertion", 0.85, 0.02, 0.08},
                {"hadaf.example", transfer, "assertion", 0.05, 0.02, 0.3},
                {"riyada.example", denial, "denial", 0.1, 0.2, 0.6}};
    mz_check_result *r = build(s, 4);
    free(r->claim);
    r->claim = strdup(claim);
    mz_check_member *d = &r->members[3];
    d->has_denial = true;
    d->denial = (mz_evidence){0, d->body_len, 0.8, "denial"};
    mz_mark_topic_denials(r);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    return r;
}

static const char *match2 = "تغلب الشعلة على الميناء بثلاثة أهداف مقابل هدف.";
static const char *transfer = "أعلن نادي الشعلة انتقال مهاجمه كريم العابد إلى نادي فالمورا.";

static void test_denial_of_the_club_only(void **state)
{
    (void)state;
    mz_check_result *r = pool(match2, transfer,
                              "نفى نادي الشعلة في بيان رسمي صحة الأنباء عن بيع مهاجمه كريم "
                              "العابد إلى نادي فالمورا.");
    assert_true(r->members[3].denial_other);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    assert_null(strstr(r->reason, "denial"));
    assert_null(strstr(r->reason, "نفى نادي الشعلة"));
    assert_null(strstr(r->reason_ar, "نفى نادي الشعلة"));
    mz_check_result_free(r);
}

static void test_denial_of_the_match(void **state)
{
    (void)state;
    /* the claim's event word (فاز) and its score: the claim's denial */
    mz_check_result *r = pool(match2, transfer,
                              "نفى نادي الشعلة أن يكون قد فاز على نادي الميناء في مباراة السبت.");
    assert_false(r->members[3].denial_other);
    assert_non_null(strstr(r->reason, "A denial is reported (riyada.example): «نفى نادي الشعلة"));
    mz_check_result_free(r);
    r = pool(match2, transfer, "نفى نادي الشعلة صحة النتيجة 3-1 التي تداولتها مواقع التواصل.");
    assert_false(r->members[3].denial_other);
    assert_non_null(strstr(r->reason, "A denial is reported (riyada.example)"));
    mz_check_result_free(r);
}

static void test_pool_all_of_the_event(void **state)
{
    (void)state;
    /* every article tells the match: the club is no topic apart from it,
     * and a denial naming the clubs alone stays the claim's */
    mz_check_result *r = pool("فاز نادي الشعلة على نادي الميناء في ملعبه.",
                              "احتفل جمهور نادي الشعلة بالفوز على نادي الميناء الذي فاز به "
                              "الفريق.",
                              "نفى نادي الشعلة ما تداولته مواقع التواصل عن نادي الميناء.");
    assert_false(r->members[3].denial_other);
    assert_non_null(strstr(r->reason, "A denial is reported (riyada.example)"));
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_denial_of_the_club_only),
        cmocka_unit_test(test_denial_of_the_match),
        cmocka_unit_test(test_pool_all_of_the_event),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
