/* test_denial_event.c — a denial that takes a counting claim's matter as
 * the setting of another act («نفى خفر السواحل … أن تكون دورياته قد
 * اعترضت القارب الذي غرق قبالة السواحل» under a claim that 31 died) is of
 * another matter even where the pool has no topic (every article holds
 * every claim word): the reason does not report it as the claim's denial
 * (denial_event.c, denial_topic.c, reason.c). The same denial under the
 * claim of the interception stays its denial. Results are built by hand
 * (verdict_spec.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "verdict_spec.h"

static const char *pushback = "نفى خفر السواحل في رأس الغزال أن تكون دورياته قد اعترضت القارب "
                              "الذي غرق قبالة السواحل يوم الإثنين.";
static const char *toll = "ارتفعت حصيلة ضحايا غرق قارب المهاجرين قبالة رأس الغزال إلى 31 قتيلا";
static const char *rescued = "أنقذت فرق الإنقاذ 45 شخصا من ركاب القارب الذي غرق قبالة رأس الغزال";
static const char *intercepted = "اعترضت دورية لخفر السواحل قارب المهاجرين قبل غرقه قبالة رأس "
                                 "الغزال";

static const char *story = "وشيع سكان رأس الغزال ضحايا غرق قارب المهاجرين من ركاب القارب.";

/* The sinking's pool: three reports that hold every claim word (no topic)
 * and the coast guard's denial, its own voice. */
static mz_check_result *pool(const char *claim, const char *denial)
{
    spec s[] = {{"akhbar.example",
                 ("ارتفعت حصيلة ضحايا غرق قارب المهاجرين قبالة سواحل رأس الغزال إلى 31 قتيلا، "
                  "وأنقذت فرق الإنقاذ 45 شخصا، وقال ناجون إن دورية لخفر السواحل اعترضت القارب."),
                 "assertion", 0.9, 0.02, 0.05},
                {"sawt.example",
                 ("قال ناجون إن دورية لخفر السواحل اعترضت قارب المهاجرين قبل غرقه قبالة رأس "
                  "الغزال، وارتفعت حصيلة الضحايا إلى 31 قتيلا، وأنقذت الفرق 45 شخصا."),
                 "assertion", 0.85, 0.02, 0.08},
                {"nawafedh.example",
                 ("غرق قارب المهاجرين قبالة رأس الغزال: 31 قتيلا و45 شخصا أنقذتهم الفرق، "
                  "ودورية خفر السواحل اعترضت القارب بحسب ناجين."),
                 "assertion", 0.8, 0.03, 0.1},
                {"alwatan.example", denial, "denial", 0.1, 0.6, 0.2}};
    mz_check_result *r = build(s, 4);
    free(r->claim);
    r->claim = strdup(claim);
    mz_check_member *d = &r->members[3];
    /* the article goes on with the story (every article holds most claim
     * words: the pool has no topic); its denial is its first sentence */
    size_t n = strlen(denial), more = strlen(story);
    char *b = malloc(n + 1 + more + 1);
    memcpy(b, denial, n);
    b[n] = ' ';
    memcpy(b + n + 1, story, more + 1);
    free(d->body);
    d->body = b;
    d->body_len = n + 1 + more;
    d->has_denial = true;
    d->denial = (mz_evidence){0, n, 0.8, "denial"};
    d->evidence[0] = d->denial;
    mz_mark_topic_denials(r);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    return r;
}

static void test_pushback_denial_under_the_toll(void **state)
{
    (void)state;
    /* no topic: the pool's rule alone keeps it the claim's */
    const char *claims[] = {toll, rescued};
    for (size_t i = 0; i < 2; i++) {
        mz_check_result *r = pool(claims[i], pushback);
        assert_true(r->members[3].denial_other);
        assert_null(strstr(r->reason, "denial"));
        assert_null(strstr(r->reason, "نفى خفر السواحل"));
        assert_null(strstr(r->reason_ar, "نفى خفر السواحل"));
        /* the voice's whole disagreement is of another matter: weighed as
         * unrelated (verdict.c weigh_other_matter), the toll is supported */
        assert_true(r->members[3].against_other);
        assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
        mz_check_result_free(r);
    }
}

static void test_pushback_denial_under_the_interception(void **state)
{
    (void)state;
    mz_check_result *r = pool(intercepted, pushback);
    assert_false(r->members[3].denial_other);
    assert_non_null(strstr(r->reason, "نفى خفر السواحل"));
    mz_check_result_free(r);
}

static void test_denial_of_the_toll(void **state)
{
    (void)state;
    /* the denial tells the claim's count or its noun: the claim's denial */
    mz_check_result *r = pool(toll, "نفى خفر السواحل أن يكون 31 مهاجرا قد لقوا حتفهم في غرق القارب.");
    assert_false(r->members[3].denial_other);
    assert_non_null(strstr(r->reason, "نفى خفر السواحل"));
    mz_check_result_free(r);
    /* the count's noun as a broken plural («القتلى» for «31 قتيلا») */
    const char *dead = "نفى خفر السواحل ارتفاع عدد القتلى في القارب الذي غرق قبالة السواحل.";
    assert_false(mz_denial_off_event(toll, dead, strlen(dead)));
}

static void test_off_event(void **state)
{
    (void)state;
    assert_true(mz_denial_off_event(toll, pushback, strlen(pushback)));
    assert_false(mz_denial_off_event(intercepted, pushback, strlen(pushback)));
    /* a claim with no number: the pool's rule alone */
    const char *sdf = "نفت قوات سوريا الديمقراطية إبرام اتفاق مع تنظيم الدولة الذي يسيطر على الرقة";
    assert_false(mz_denial_off_event("قسد تتفاوض مع داعش لتأمين خروج مقاتليه", sdf, strlen(sdf)));
    /* a denial that names no act of its own (no relative clause) stays */
    const char *vague = "نفى نادي الشعلة ما تداولته مواقع التواصل عن نادي الميناء.";
    assert_false(mz_denial_off_event("فاز نادي الشعلة على نادي الميناء 3-1", vague, strlen(vague)));
    /* a claim number in the relative clause still tells the count */
    const char *count = "نفى خفر السواحل اعتراض القارب الذي غرق وعلى متنه 120 مهاجرا.";
    assert_false(mz_denial_off_event("غرق قارب كان على متنه نحو 120 مهاجرا", count, strlen(count)));
    /* a relative clause after the reports denied tells the denied matter:
     * the sports desk's transfer denial under the claim of the transfer */
    const char *sale = "نفى نادي الشعلة في بيان رسمي صحة الأنباء التي تحدثت عن بيع مهاجمه كريم "
                       "العابد إلى نادي فالمورا الإسباني مقابل 40 مليون يورو.";
    assert_false(mz_denial_off_event("انتقل كريم العابد إلى نادي فالمورا مقابل 35 مليون يورو", sale,
                                     strlen(sale)));
    assert_false(mz_denial_off_event(NULL, pushback, strlen(pushback)));
    assert_false(mz_denial_off_event(toll, "", 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pushback_denial_under_the_toll),
        cmocka_unit_test(test_pushback_denial_under_the_interception),
        cmocka_unit_test(test_denial_of_the_toll),
        cmocka_unit_test(test_off_event),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
