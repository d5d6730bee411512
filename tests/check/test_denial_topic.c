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

/* A pool of the health desk's story (one voice an article): the claim's
 * report, two reports of the outbreak, and a voice read disagree whose only
 * cues are given in ev (its top sentence first, cue "denial"). With
 * has_denial, the top sentence is also the article's denial. */
static mz_check_result *health_pool(const char *claim_text, const spec *denier, bool has_denial,
                                    const char *second, const char *second_cue)
{
    spec s[] = {{"al-marsad.example",
                 "أعلنت وزارة الصحة يوم الأربعاء وصول مليون جرعة من لقاح الكوليرا الفموي إلى "
                 "محافظة الزيتونة.",
                 "assertion", 0.94, 0.01, 0.03},
                {"al-wadi.example", "سجلت وزارة الصحة 120 إصابة جديدة بالكوليرا في محافظة الزيتونة.",
                 "assertion", 0.05, 0.02, 0.1},
                {"sahel-news.example", "ارتفع عدد الوفيات بالكوليرا في محافظة الزيتونة إلى 35 حالة.",
                 "assertion", 0.05, 0.02, 0.1},
                *denier};
    mz_check_result *r = build(s, 4);
    free(r->claim);
    r->claim = strdup(claim_text);
    mz_check_member *d = &r->members[3];
    d->has_denial = has_denial;
    if (has_denial)
        d->denial = d->evidence[0];
    if (second) { /* a second evidence sentence, appended to the body */
        size_t at = d->body_len + 1, n = strlen(second);
        char *b = malloc(at + n + 1);
        memcpy(b, d->body, d->body_len);
        b[d->body_len] = ' ';
        memcpy(b + at, second, n + 1);
        free(d->body);
        d->body = b;
        d->body_len = at + n;
        d->evidence[d->n_evidence++] = (mz_evidence){at, at + n, 0.6, second_cue};
    }
    mz_mark_topic_denials(r);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    return r;
}

static const char *doses = "وصول مليون جرعة من لقاح الكوليرا إلى محافظة الزيتونة";
static const spec rumour = {"sahel-news.example",
                            "نفت وزارة الصحة ما تداولته مواقع التواصل عن وفاة أطفال بعد التطعيم ضد "
                            "الكوليرا في محافظة الزيتونة، مؤكدة أن اللقاح آمن.",
                            "denial", 0.005, 0.99, 0.003};

/* H6: the vaccine-rumour denial is the voice's whole disagreement: it takes
 * no side on the doses, weighed as unrelated; the claim is supported and
 * the reason says nothing of a denial. */
static void test_voice_of_another_matter(void **state)
{
    (void)state;
    mz_check_result *r = health_pool(doses, &rumour, true, NULL, NULL);
    assert_true(r->members[3].denial_other);
    assert_true(r->members[3].against_other);
    const mz_check_voice *v = &r->voices[3];
    assert_true(v->other_matter);
    assert_int_equal(v->stance, MZ_UNRELATED);
    assert_false(v->counted);
    assert_true(v->probs[MZ_DISAGREE] == 0);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    assert_null(strstr(r->reason, "denial"));
    assert_null(strstr(r->reason_ar, "نفت وزارة الصحة"));
    mz_check_result_free(r);
    /* the claim of the children's deaths: the same denial is its own, and
     * the doses report, of the story's topic alone, takes no side against
     * it (test_topic_only.c) */
    r = health_pool("وفاة أطفال بعد التطعيم ضد الكوليرا في محافظة الزيتونة", &rumour, true, NULL,
                    NULL);
    assert_false(r->members[3].against_other);
    assert_false(r->voices[3].other_matter);
    assert_int_equal(r->voices[3].stance, MZ_DISAGREE);
    assert_true(r->voices[0].topic_only);
    assert_int_equal(mz_check_verdict(r), MZ_REFUTED);
    mz_check_result_free(r);
}

/* Another cue against the claim keeps the voice disagreeing: a figure at
 * odds with the claim's, or a second denial that names the claim's own
 * words. A rumour sentence of the topic alone does not. */
static void test_other_cue_keeps_it(void **state)
{
    (void)state;
    mz_check_result *r = health_pool(doses, &rumour, true,
                                     "وقالت الوزارة إن ما وصل لم يتجاوز 200 ألف جرعة.",
                                     "number_mismatch");
    assert_true(r->members[3].denial_other);
    assert_false(r->members[3].against_other);
    assert_int_equal(r->voices[3].stance, MZ_DISAGREE);
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    mz_check_result_free(r);
    r = health_pool(doses, &rumour, true, "ونفى المتحدث وصول أي شحنة من اللقاح إلى المحافظة.",
                    "denial");
    assert_false(r->members[3].against_other);
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    mz_check_result_free(r);
    r = health_pool(doses, &rumour, true, "وقال المتحدث إن الشائعات تعرقل جهود مكافحة الكوليرا.",
                    "denial");
    assert_true(r->members[3].against_other);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);
}

/* W4: the model gave no denial for the article, but its top evidence
 * sentence is a denial (of a cyclone rumour) sharing only the region with a
 * claim of rainfall: read by the topic rule as well. */
static void test_top_evidence_denial(void **state)
{
    (void)state;
    spec s[] = {{"wakalat-alsharq.example",
                 "هطلت 120 ملم من الأمطار خلال ست ساعات على مدينة القمرية يوم الأربعاء.",
                 "number_match", 0.83, 0.02, 0.1},
                {"al-sahil.example", "ارتفعت حصيلة ضحايا سيول القمرية إلى 26 قتيلا.", "assertion",
                 0.05, 0.02, 0.1},
                {"akhbar.example", "أجلت السلطات 300 أسرة من الأحياء المنكوبة في القمرية.",
                 "assertion", 0.05, 0.02, 0.1},
                {"al-arsad-today.example",
                 "نفت هيئة الأرصاد صحة ما تداولته مواقع التواصل عن إعصار سيضرب ساحل القمرية يوم "
                 "الجمعة، ووصفت الأنباء بأنها عارية عن الصحة.",
                 "denial", 0.1, 0.76, 0.05}};
    mz_check_result *r = build(s, 4);
    free(r->claim);
    r->claim = strdup("هطلت 120 ملم من الأمطار على القمرية خلال ست ساعات");
    mz_mark_topic_denials(r);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_false(r->members[3].has_denial);
    assert_true(r->members[3].against_other);
    assert_true(r->voices[3].other_matter);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    assert_null(strstr(r->reason, "denial"));
    mz_check_result_free(r);
    /* the cyclone claim: the denial is of its own words */
    r = build(s, 4);
    free(r->claim);
    r->claim = strdup("ضرب إعصار ساحل القمرية يوم الجمعة");
    mz_mark_topic_denials(r);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_false(r->members[3].against_other);
    assert_int_equal(r->voices[3].stance, MZ_DISAGREE);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_denial_of_the_club_only),
        cmocka_unit_test(test_denial_of_the_match),
        cmocka_unit_test(test_pool_all_of_the_event),
        cmocka_unit_test(test_voice_of_another_matter),
        cmocka_unit_test(test_other_cue_keeps_it),
        cmocka_unit_test(test_top_evidence_denial),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
