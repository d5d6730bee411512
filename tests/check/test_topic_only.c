/* test_topic_only.c — an agreeing voice that tells only the pool's topic
 * takes no side against a denial of the claim's matter (denial_topic.c
 * mark_matter, verdict.c weigh_topic_only). The health desk's story: for
 * «وفاة أطفال بعد التطعيم ضد الكوليرا في محافظة الزيتونة» the ministry's
 * denial stood against four outbreak reports the model reads agree, whose
 * sentences hold one of the claim's own words each, in another sense
 * («نسبة التطعيم», «بعد وفاة 4 أشخاص»): disputed, where a fact-checker reads
 * one denial and no report. Results are built by hand (verdict_spec.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "verdict_spec.h"

static const char *deaths = "وفاة أطفال بعد التطعيم ضد الكوليرا في محافظة الزيتونة";

static const spec denial = {"sahel-news.example",
                            "نفت وزارة الصحة ما تداولته مواقع التواصل عن وفاة أطفال بعد التطعيم ضد "
                            "الكوليرا في محافظة الزيتونة، مؤكدة أن اللقاح آمن.",
                            "denial", 0.0, 0.99, 0.0};

/* The story's reports, read agree as the model read them. */
static const spec reports[] = {
    {"al-marsad.example", "وقالت الوزارة إن نسبة التطعيم ضد الكوليرا في محافظة الزيتونة بلغت 35%.",
     "assertion", 0.60, 0.18, 0.10},
    {"al-shifa-news.example",
     "أعلنت مديرية الصحة في محافظة الزيتونة تعافي 300 حالة من الكوليرا خلال يوم الخميس.",
     "assertion", 0.56, 0.15, 0.16},
    {"wakalat-alnoor.example",
     "سجلت وزارة الصحة 120 إصابة جديدة بالكوليرا في محافظة الزيتونة بعد وفاة 4 أشخاص.", "overlap",
     0.55, 0.16, 0.12},
};

/* The reports, then (with_denial) the denial, then (witness) one more. */
static mz_check_result *pool(bool with_denial, const spec *witness)
{
    spec s[5];
    size_t n = 0;
    for (size_t i = 0; i < 3; i++)
        s[n++] = reports[i];
    if (with_denial)
        s[n++] = denial;
    if (witness)
        s[n++] = *witness;
    mz_check_result *r = build(s, n);
    free(r->claim);
    r->claim = strdup(deaths);
    if (with_denial) {
        r->members[3].has_denial = true;
        r->members[3].denial = r->members[3].evidence[0];
    }
    mz_mark_topic_denials(r);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    return r;
}

/* H5: the reports tell the outbreak, the denial the claim's matter: the
 * reports take no side and the claim is refuted by the denial alone. */
static void test_reports_of_the_topic(void **state)
{
    (void)state;
    mz_check_result *r = pool(true, NULL);
    assert_true(r->members[3].tells_matter);
    for (size_t i = 0; i < 3; i++) {
        assert_true(r->members[i].topic_only);
        const mz_check_voice *v = &r->voices[i];
        assert_true(v->topic_only);
        assert_int_equal(v->stance, MZ_UNRELATED);
        assert_false(v->counted);
        assert_true(v->probs[MZ_AGREE] == 0);
    }
    assert_false(r->voices[3].topic_only);
    assert_int_equal(mz_check_verdict(r), MZ_REFUTED);
    assert_null(strstr(r->reason, "report it"));
    assert_non_null(strstr(r->reason, "denial"));
    mz_check_result_free(r);
}

/* With no voice against the claim's matter nothing moves: the reports are
 * read as the model reads them (on train, true claims whose one agreeing
 * voice told the topic lost their support: README). */
static void test_no_denial_no_move(void **state)
{
    (void)state;
    mz_check_result *r = pool(false, NULL);
    for (size_t i = 0; i < 3; i++) {
        assert_false(r->voices[i].topic_only);
        assert_int_equal(r->voices[i].stance, MZ_AGREE);
    }
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    mz_check_result_free(r);
}

/* A report that tells the matter itself — two of its words in a sentence —
 * keeps agreeing, and the claim stays disputed; so does one that gives a
 * number of the claim. */
static void test_report_of_the_matter(void **state)
{
    (void)state;
    spec witness = {"alraqeeb.example",
                    "وأكد أهالي في محافظة الزيتونة وفاة أطفال بعد التطعيم ضد الكوليرا.", "assertion",
                    0.80, 0.05, 0.10};
    mz_check_result *r = pool(true, &witness);
    assert_true(r->members[4].tells_matter);
    assert_false(r->members[4].topic_only);
    assert_false(r->voices[4].topic_only);
    assert_int_equal(r->voices[4].stance, MZ_AGREE);
    assert_true(r->voices[0].topic_only);
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reports_of_the_topic),
        cmocka_unit_test(test_no_denial_no_move),
        cmocka_unit_test(test_report_of_the_matter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
