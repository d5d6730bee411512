/* test_verdict.c — the verdict rule, its reason, numbers collected across
 * voices, and the JSON report's schema. Results are built by hand here; the
 * end-to-end path is tested in test_check.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check.h"
#include "json/json.h"
#include "verdict_spec.h"

static const char *report = "أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية.";
static const char *denial = "نفى لواء الوادي الأنباء عن صفقة التبادل وقال إنها لا أساس لها من الصحة.";
static const char *activists = "قال ناشطون إن اللواء أطلق سراح 25 أسيرا.";
static const char *other = "موسم قمح وفير في سهول تل السنابل.";

static void test_supported(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.85, 0.02, 0.08},
                {"radio.example", report, "assertion", 0.7, 0.05, 0.15},
                {"farm.example", other, "overlap", 0.01, 0.01, 0.03}};
    mz_check_result *r = build(s, 3);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    assert_true(mz_check_confidence(r) > 0.5 && mz_check_confidence(r) <= 1.0);
    assert_int_equal(r->counts[MZ_AGREE], 2);
    assert_int_equal(r->counts[MZ_UNRELATED], 1);
    assert_non_null(strstr(r->reason, "2 independent sources report it"));
    assert_non_null(strstr(r->reason, "wire.example"));
    assert_non_null(strstr(r->reason, "«أفرج لواء الوادي"));
    /* the same in Arabic: count and verb agree, Arabic comma, «» quote with
     * the full stop after it */
    assert_string_equal(r->reason_ar, "مصدران مستقلان يؤيدان الادعاء (wire.example، radio.example): "
                                      "«أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية».");
    assert_string_equal(mz_check_reason_ar(r), r->reason_ar);
    assert_string_equal(mz_check_reason(r), r->reason);
    mz_check_result_free(r);
}

static void test_denial_disputes(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.1},
                {"wadi.example", denial, "denial", 0.05, 0.8, 0.1},
                {"activists.example", activists, "hedging", 0.3, 0.05, 0.55}};
    mz_check_result *r = build(s, 3);
    /* the rule: both sides over their thresholds and balanced -> disputed */
    const mz_verdict_params even = {.min_related = 0.4, .support = 0.5, .refute = 0.5,
                                     .dispute_ratio = 0.5, .coverage_full = 0};
    assert_int_equal(mz_decide(r, &even), MZ_OK);
    assert_int_equal(mz_check_verdict(r), MZ_DISPUTED);
    assert_non_null(strstr(r->reason, "(wadi.example) carries a denial: «نفى لواء الوادي"));
    assert_non_null(strstr(r->reason, "1 discusses it"));
    assert_string_equal(r->reason_ar,
                        "مصدر مستقل واحد يؤيد الادعاء (wire.example)؛ "
                        "مصدر واحد ينقل نفيًا للادعاء (wadi.example): «نفى لواء الوادي الأنباء عن صفقة "
                        "التبادل وقال إنها لا أساس لها من الصحة»؛ "
                        "مصدر واحد يتناول الادعاء دون انحياز (activists.example).");
    /* when the refute threshold is above one denial, the report wins, and
     * the reason still shows the denial as the counter-evidence */
    const mz_verdict_params strict = {.min_related = 0.4, .support = 0.2, .refute = 1.0,
                                       .dispute_ratio = 0.75, .coverage_full = 0};
    assert_int_equal(mz_decide(r, &strict), MZ_OK);
    assert_int_equal(mz_check_verdict(r), MZ_SUPPORTED);
    assert_non_null(strstr(r->reason, "carries a denial: «نفى"));
    assert_non_null(strstr(r->reason_ar, "ينقل نفيًا للادعاء (wadi.example): «نفى"));
    mz_check_result_free(r);
}

/* A denial the stance model found (has_denial: tests/stance/test_features.c)
 * in an article it calls "discuss" is still quoted in the reason. */
static void test_denial_shown(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.1},
                {"wadi.example", denial, "attribution", 0.1, 0.3, 0.5},
                {"farm.example", "نفت الجمعية الفلاحية ارتفاع أسعار القمح.", "overlap", 0.05, 0.1, 0.05}};
    mz_check_result *r = build(s, 3);
    r->members[1].has_denial = true;
    r->members[1].denial = (mz_evidence){0, r->members[1].body_len, 0.9, "denial"};
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "A denial is reported (wadi.example): «نفى لواء الوادي"));
    assert_non_null(strstr(r->reason_ar, " ورد في wadi.example نفيٌ للادعاء: «نفى لواء الوادي"));
    mz_check_result_free(r);
}

static void test_coverage_shrinks_weight(void **state)
{
    (void)state;
    mz_check_member m = {0};
    m.probs[MZ_AGREE] = 0.8;
    m.probs[MZ_UNRELATED] = 0.2;
    m.coverage = 0.15;
    assert_true(mz_member_weight(&m, 0) > 0.79);
    assert_true(mz_member_weight(&m, 0.3) < 0.41); /* half the coverage: half the weight */
    m.coverage = 0.9;
    assert_true(mz_member_weight(&m, 0.3) > 0.79);
}

static void test_refuted(void **state)
{
    (void)state;
    spec s[] = {{"wadi.example", denial, "denial", 0.05, 0.85, 0.05},
                {"factcheck.example", denial, "denial", 0.02, 0.7, 0.1}};
    mz_check_result *r = build(s, 2);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(mz_check_verdict(r), MZ_REFUTED);
    mz_check_result_free(r);
}

static void test_not_enough_evidence(void **state)
{
    (void)state;
    /* only unrelated articles: not a guess */
    spec s[] = {{"farm.example", other, "overlap", 0.05, 0.01, 0.04}};
    mz_check_result *r = build(s, 1);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(mz_check_verdict(r), MZ_NOT_ENOUGH_EVIDENCE);
    assert_non_null(strstr(r->reason, "The only article close to the claim does not bear on it."));
    assert_string_equal(r->reason_ar,
                        "لا يتناول الادعاءَ أيٌّ من المقالات الأقرب إليه، وقد فُحص منها مقال واحد.");
    mz_check_result_free(r);
    /* nothing at all (an empty store): the note, in each language */
    r = build(NULL, 0);
    r->note = strdup("The database is empty.");
    r->note_ar = strdup("قاعدة البيانات فارغة.");
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(mz_check_verdict(r), MZ_NOT_ENOUGH_EVIDENCE);
    assert_string_equal(r->reason, "The database is empty.");
    assert_string_equal(r->reason_ar, "قاعدة البيانات فارغة.");
    mz_check_result_free(r);
    /* no article and no note */
    r = build(NULL, 0);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_string_equal(r->reason, "No stored article matches the claim.");
    assert_string_equal(r->reason_ar, "لم يُعثر في قاعدة البيانات على مقال يطابق الادعاء.");
    mz_check_result_free(r);
    /* discussion only: related, but no side taken */
    spec d[] = {{"activists.example", activists, "hedging", 0.1, 0.05, 0.7}};
    r = build(d, 1);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(mz_check_verdict(r), MZ_NOT_ENOUGH_EVIDENCE);
    assert_non_null(strstr(r->reason, "1 discusses it without taking a side"));
    assert_string_equal(r->reason_ar, "مصدر واحد يتناول الادعاء دون انحياز (activists.example): "
                                      "«قال ناشطون إن اللواء أطلق سراح 25 أسيرا».");
    assert_null(strstr(r->reason, "too weak")); /* no side was taken: nothing to weigh */
    mz_check_result_free(r);
    /* one denial too weak to refute: the reason quotes it and says it is not
     * enough, so "carries a denial" does not read as a refutation */
    spec w[] = {{"wadi.example", denial, "denial", 0.05, 0.45, 0.1}};
    r = build(w, 1);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(mz_check_verdict(r), MZ_NOT_ENOUGH_EVIDENCE);
    assert_non_null(strstr(r->reason, "(wadi.example) carries a denial: «نفى"));
    assert_non_null(strstr(r->reason, "». That is too weak to decide the claim."));
    assert_non_null(strstr(r->reason_ar, "». وهذا أضعف من أن يُحكم به على الادعاء."));
    mz_check_result_free(r);
}

/* n voices of one stance, each its own site: a1.example, a2.example, ... */
static mz_check_result *build_many(size_t n, const char *body, double agree, double disagree)
{
    spec *s = calloc(n, sizeof *s);
    char (*names)[32] = calloc(n, sizeof *names);
    for (size_t i = 0; i < n; i++) {
        snprintf(names[i], sizeof names[i], "a%zu.example", i + 1);
        s[i] = (spec){names[i], body, "assertion", agree, disagree, 0.05};
    }
    mz_check_result *r = build(s, n);
    free(names);
    free(s);
    return r;
}

/* A verdict needs a voice that takes the side it names. Twelve voices that
 * only discuss the claim, each with P(agree) 0.2 and P(disagree) 0.15,
 * sum to 2.4 and 1.8 (every threshold passed), yet no source reports or
 * denies it: not enough evidence, and sure of it. */
static void test_discussion_adds_up_to_nothing(void **state)
{
    (void)state;
    spec s[12];
    char names[12][32];
    for (size_t i = 0; i < 12; i++) {
        snprintf(names[i], sizeof names[i], "d%zu.example", i + 1);
        s[i] = (spec){names[i], activists, "attribution", 0.2, 0.15, 0.5};
    }
    mz_check_result *r = build(s, 12);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(r->verdict, MZ_NOT_ENOUGH_EVIDENCE);
    assert_true(r->confidence > 0.9);
    assert_int_equal(r->counts[MZ_DISCUSS], 12);
    mz_check_result_free(r);
    /* one source that does report it is enough to support it */
    s[0] = (spec){"wire.example", report, "assertion", 0.7, 0.05, 0.2};
    r = build(s, 12);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(r->verdict, MZ_SUPPORTED);
    mz_check_result_free(r);
    /* and a report and a denial among them: disputed */
    s[1] = (spec){"wadi.example", denial, "denial", 0.02, 0.9, 0.05};
    r = build(s, 12);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(r->verdict, MZ_DISPUTED);
    mz_check_result_free(r);
}

static void test_arabic_counts_in_reason(void **state)
{
    (void)state;
    static const struct {
        size_t n;
        const char *agree, *disagree;
    } cases[] = {
        {3, "3 مصادر مستقلة تؤيد الادعاء (a1.example، a2.example، a3.example): «", "3 مصادر تناقض الادعاء ("},
        {10, "10 مصادر مستقلة تؤيد الادعاء (a1.example، a2.example، a3.example، …): «",
         "10 مصادر تناقض الادعاء ("},
        {11, "11 مصدرًا مستقلًا تؤيد الادعاء (a1.example، a2.example، a3.example، …): «",
         "11 مصدرًا تناقض الادعاء ("},
        {2, "مصدران مستقلان يؤيدان الادعاء (a1.example، a2.example): «", "مصدران يناقضان الادعاء ("},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        mz_check_result *r = build_many(cases[i].n, report, 0.8, 0.05);
        assert_int_equal(mz_decide(r, NULL), MZ_OK);
        if (strncmp(r->reason_ar, cases[i].agree, strlen(cases[i].agree)))
            fail_msg("%zu agree: %s", cases[i].n, r->reason_ar);
        assert_null(strchr(r->reason_ar, ';'));
        assert_null(strstr(r->reason_ar, ", "));
        mz_check_result_free(r);
        /* disagreement without a denial sentence */
        r = build_many(cases[i].n, "قالت مصادر إن اللواء لم يفرج عن أي أسير.", 0.05, 0.8);
        assert_int_equal(mz_decide(r, NULL), MZ_OK);
        if (strncmp(r->reason_ar, cases[i].disagree, strlen(cases[i].disagree)))
            fail_msg("%zu disagree: %s", cases[i].n, r->reason_ar);
        assert_null(strstr(r->reason_ar, "نفي")); /* no denial claimed */
        mz_check_result_free(r);
    }
}

/* A denial outside the counted voices is still mentioned, with why. */
static void test_arabic_denial_remarks(void **state)
{
    (void)state;
    /* barely related (weight 0.05 < min_related): not counted */
    spec s[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.1},
                {"wadi.example", denial, "overlap", 0.02, 0.02, 0.01}};
    mz_check_result *r = build(s, 2);
    r->members[1].has_denial = true;
    r->members[1].denial = (mz_evidence){0, r->members[1].body_len, 0.9, "denial"};
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "A denial is reported (wadi.example), which the stance model did not count: «نفى"));
    assert_non_null(strstr(r->reason_ar, "». ورد في wadi.example نفيٌ للادعاء لم يحتسبه نموذج الموقف: «نفى"));
    mz_check_result_free(r);
    /* related enough to count, but the model's label is "unrelated"; no site */
    spec u[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.1},
                {"wadi.example", denial, "overlap", 0.26, 0.24, 0.23}};
    r = build(u, 2);
    free(r->members[1].source);
    r->members[1].source = NULL;
    r->members[1].has_denial = true;
    r->members[1].denial = (mz_evidence){0, r->members[1].body_len, 0.9, "denial"};
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "A denial is reported (article #2), which the stance model calls unrelated"));
    assert_non_null(strstr(r->reason_ar, "ورد في المقال #2 نفيٌ للادعاء عدّه نموذج الموقف غير ذي صلة: «نفى"));
    mz_check_result_free(r);
}

/* Drops the one-member voices build() made and groups the members as a check
 * does (near-copies, one site). */
static void regroup(mz_check_result *r)
{
    mz_check_voices_clear(r);
    mz_verdict_params vp = mz_verdict_default;
    vp.coverage_full = 0; /* build() gives no coverage */
    assert_int_equal(mz_check_build_voices(r, &vp), MZ_OK);
}

/* One wire story on two sites, one of which adds the denial: the voice is
 * the copy that carries it, and the reason names that copy's site, not the
 * site that was retrieved first (which never published the denial). */
static void test_voice_named_by_its_quoted_copy(void **state)
{
    (void)state;
    char story[1024], with_denial[2048];
    snprintf(story, sizeof story, "%s",
             "قالت مصادر محلية إن لواء الوادي أفرج يوم الجمعة عن 40 أسيرا من عناصر القوات "
             "الحكومية في مدينة تل السنابل، مقابل إطلاق سراح 60 معتقلا من مقاتلي اللواء، "
             "وإن الصفقة جرت عند معبر الطاحونة بإشراف وجهاء العشائر.\n");
    snprintf(with_denial, sizeof with_denial, "%s%s", story, denial);
    spec s[] = {{"first.example", story, "hedging", 0.2, 0.05, 0.3},
                {"second.example", with_denial, "denial", 0.05, 0.8, 0.1}};
    mz_check_result *r = build(s, 2);
    r->members[1].has_denial = true;
    r->members[1].denial = (mz_evidence){strlen(story), r->members[1].body_len, 0.9, "denial"};
    r->members[1].evidence[0] = r->members[1].denial;
    regroup(r);
    assert_int_equal(r->n_voices, 1);
    assert_int_equal(r->voices[0].members[0], 1);
    assert_string_equal(r->voices[0].sources[0], "second.example");
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "1 (second.example) carries a denial: «نفى لواء الوادي"));
    assert_non_null(strstr(r->reason_ar, "ينقل نفيًا للادعاء (second.example): «نفى"));
    assert_null(strstr(r->reason, "first.example"));
    mz_check_result_free(r);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(mz_verdict_name(MZ_SUPPORTED), "supported");
    assert_string_equal(mz_verdict_name(MZ_REFUTED), "refuted");
    assert_string_equal(mz_verdict_name(MZ_DISPUTED), "disputed");
    assert_string_equal(mz_verdict_name(MZ_NOT_ENOUGH_EVIDENCE), "not_enough_evidence");
    /* a value out of range is named as such, like mz_stance_name and
     * mz_status_name do, not passed off as a verdict */
    assert_string_equal(mz_verdict_name((mz_verdict)4), "unknown");
    assert_string_equal(mz_verdict_name((mz_verdict)-1), "unknown");
    assert_string_equal(mz_stance_name(MZ_N_STANCES), "unknown");
    assert_string_equal(mz_stance_name((mz_stance)-1), "unknown");
    assert_string_equal(mz_status_name((mz_status)(MZ_ERR_INTERNAL + 1)), "unknown");
    assert_string_equal(mz_status_name(MZ_ERR_UTF8), "invalid_utf8");
    assert_int_equal(mz_check_verdict(NULL), MZ_NOT_ENOUGH_EVIDENCE);
    mz_check_result_free(NULL);
}

static void test_numbers_conflict_across_voices(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.1},
                {"activists.example", activists, "hedging", 0.3, 0.05, 0.55},
                {"radio.example", "وأفرج اللواء عن أربعين أسيرا من الجنود.", "assertion", 0.7, 0.05, 0.2}};
    mz_check_result *r = build(s, 3);
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_true(r->n_numbers >= 1);
    mz_check_quantity *q = &r->numbers[0];
    assert_true(q->conflict); /* 40 vs 25 from different voices */
    assert_true(q->on_claim); /* the claim counts أسيرا too */
    assert_true(q->has_claim_value);
    assert_true(q->claim_number == 40);
    assert_int_equal(q->n_values, 3);
    assert_int_equal(q->kind, MZ_QTY_COUNT);
    assert_string_equal(q->values[0].value, "40");
    assert_memory_equal(r->members[0].body + q->values[0].value_start, "40", 2);
    assert_int_equal(q->values[0].value_end - q->values[0].value_start, 2);
    assert_string_equal(q->values[1].value, "25");
    assert_string_equal(q->values[2].value, "أربعين");
    assert_int_equal(q->values[1].voice, 2);
    /* the reason says the count is contested, with who gives what: the
     * conflict was only in the list below it */
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, " The sources' numbers conflict (أسيرا; the claim: 40): "
                                      "40 (wire.example, radio.example), 25 (activists.example)."));
    assert_non_null(strstr(r->reason_ar, " وتتعارض أرقام المصادر (أسيرا، وفي الادعاء 40): "
                                         "40 (wire.example، radio.example)، 25 (activists.example)."));
    /* a claim of «أكثر من 40» is a floor: the reason said "the claim: 40",
     * where the list below it says "over 40" */
    q->claim_bound = 1;
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "(أسيرا; the claim: over 40): "));
    assert_non_null(strstr(r->reason_ar, "(أسيرا، وفي الادعاء أكثر من 40): "));
    q->claim_bound = 0;
    /* a value of the same number outside the dispute (another day) does
     * not hide a conflicting one: radio's أربعين was left out as a repeat
     * of the wire's 40 */
    q->values[0].conflicting = false;
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "): 25 (activists.example), أربعين (radio.example)."));
    /* a value of another event is not one of the conflicting values */
    mz_check_result_free(r);
    spec t[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.1},
                {"activists.example", activists, "hedging", 0.3, 0.05, 0.55},
                {"buses.example", "ونقلت الحافلات 300 أسير إلى المدينة.", "assertion", 0.7, 0.05, 0.2}};
    r = build(t, 3);
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "40 (wire.example), 25 (activists.example)."));
    assert_null(strstr(r->reason, "300"));
    q = &r->numbers[0];
    /* none in conflict: nothing said */
    q->conflict = false;
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_null(strstr(r->reason, "numbers conflict"));
    assert_null(strstr(r->reason_ar, "أرقام المصادر"));
    mz_check_result_free(r);
}

/* A vague value («مقتل العشرات») in a conflict is said as the source said
 * it — «العشرات» in Arabic, "dozens" in English — not as the floor read into
 * it («أكثر من 20», "over 20"), nor as a number of its own; the claim's too. */
static void test_vague_values_in_the_reason(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", "قتل 5 أشخاص في القصف على البلدة.", "assertion", 0.8, 0.05, 0.1},
                {"local.example", "أدى القصف إلى مقتل العشرات من الأشخاص في البلدة.", "assertion",
                 0.6, 0.05, 0.3}};
    mz_check_result *r = build(s, 2);
    free(r->claim);
    r->claim = strdup("قتل 5 أشخاص في القصف على البلدة");
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_true(r->n_numbers >= 1 && r->numbers[0].conflict);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "the claim: 5): 5 (wire.example), dozens (local.example)."));
    assert_non_null(strstr(r->reason_ar, "وفي الادعاء 5): 5 (wire.example)، العشرات (local.example)."));
    assert_null(strstr(r->reason, "20"));
    assert_null(strstr(r->reason_ar, "20"));
    mz_check_result_free(r);
    /* a claim of dozens: its words, not 20 */
    r = build(s, 2);
    free(r->claim);
    r->claim = strdup("قتل عشرات الأشخاص في القصف على البلدة");
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_true(r->numbers[0].claim_vague && r->numbers[0].conflict);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "(الأشخاص; the claim: dozens): 5 (wire.example), dozens (local.example)."));
    assert_non_null(strstr(r->reason_ar, "وفي الادعاء عشرات): 5 (wire.example)، العشرات (local.example)."));
    mz_check_result_free(r);
}

/* A claim of 5 killed against sources that all give 40: no two sources
 * conflict, so nothing was said of it, in the reason or the list. Now each
 * value outside the claim's is off_claim, the quantity claim_unmatched, and
 * the reason says no source gives the claim's number, naming who gives
 * what. One source giving the claim's own value clears it. */
static void test_claim_number_unmatched(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", "قتل 40 شخصا في القصف على البلدة.", "assertion", 0.8, 0.05, 0.1},
                {"local.example", "أدى القصف إلى مقتل 40 شخصا في البلدة.", "assertion", 0.6, 0.05,
                 0.3}};
    mz_check_result *r = build(s, 2);
    free(r->claim);
    r->claim = strdup("قتل 5 أشخاص في القصف على البلدة");
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_true(r->n_numbers >= 1);
    const mz_check_quantity *q = &r->numbers[0];
    assert_false(q->conflict);
    assert_true(q->claim_unmatched);
    assert_true(q->values[0].off_claim && q->values[1].off_claim);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "No source gives the claim's number (أشخاص; the claim: 5): 40 (wire.example, local.example)."));
    assert_non_null(strstr(r->reason_ar, "ولا يذكر أي مصدر رقم الادعاء (أشخاص، وفي الادعاء 5): 40 (wire.example، local.example)."));
    mz_check_result_free(r);
    /* a claim of 40: both sources give it */
    r = build(s, 2);
    free(r->claim);
    r->claim = strdup("قتل 40 شخصا في القصف على البلدة");
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_false(r->numbers[0].claim_unmatched);
    assert_false(r->numbers[0].values[0].off_claim);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_null(strstr(r->reason, "No source gives"));
    mz_check_result_free(r);
    /* one source with the claim's 5 and one with 40: a value off the
     * claim, but the claim's number is given — and the two conflict */
    spec t[] = {s[0], {"local.example", "أدى القصف إلى مقتل 5 أشخاص في البلدة.", "assertion", 0.6,
                       0.05, 0.3}};
    r = build(t, 2);
    free(r->claim);
    r->claim = strdup("قتل 5 أشخاص في القصف على البلدة");
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_false(r->numbers[0].claim_unmatched);
    assert_true(r->numbers[0].conflict);
    mz_check_result_free(r);
}

/* A long denial sentence whose denying words come late: the reason quoted
 * its first 160 characters, the account it denies, as "a denial". It now
 * quotes the opening, " … ", then the words from a little before the cue,
 * as the terminal report shows the sentence. */
static void test_long_denial_quoted_at_its_cue(void **state)
{
    (void)state;
    char body[2048] = "قال مسؤول محلي إن لواء الوادي أفرج عن 40 أسيرا من القوات الحكومية";
    for (int i = 0; i < 6; i++)
        strcat(body, " وأضاف أن الحياة تسير بشكل طبيعي في أحياء المدينة");
    strcat(body, " ثم نفى المتحدث باسم اللواء ذلك جملة وتفصيلا.");
    spec s[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.1},
                {"wadi.example", body, "denial", 0.05, 0.8, 0.1}};
    mz_check_result *r = build(s, 2);
    mz_check_member *m = &r->members[1];
    const char *cue = strstr(m->body, "نفى");
    m->cue_start[0] = (size_t)(cue - m->body);
    m->cue_end[0] = m->cue_start[0] + strlen("نفى");
    const mz_verdict_params even = {.min_related = 0.4, .support = 0.5, .refute = 0.5,
                                     .dispute_ratio = 0.5, .coverage_full = 0};
    assert_int_equal(mz_decide(r, &even), MZ_OK);
    const char *want = "«قال مسؤول محلي إن لواء الوادي أفرج عن 40 أسيرا من القوات … تسير بشكل طبيعي في "
                       "أحياء المدينة ثم نفى المتحدث باسم اللواء ذلك جملة وتفصيلا»";
    assert_non_null(strstr(r->reason, want));
    assert_non_null(strstr(r->reason_ar, want));
    /* a short one is quoted whole, as before */
    m->body[strlen(report)] = '\0';
    memcpy(m->body, report, strlen(report));
    m->body_len = m->evidence[0].end = strlen(report);
    m->cue_start[0] = m->cue_end[0] = 0;
    assert_int_equal(mz_decide(r, &even), MZ_OK);
    assert_non_null(strstr(r->reason, "«أفرج لواء الوادي عن 40 أسيرا من القوات الحكومية»"));
    mz_check_result_free(r);
}

/* A sentence with guillemets of its own — a title that quotes a name, one
 * quoted whole — had them doubled in the reason's «…»: "««سيول الريحان»
 * تقتل…»". A sentence quoted whole loses its own pair; guillemets inside
 * a quote are nested as “…”. */
static void test_quote_within_quote(void **state)
{
    (void)state;
    spec s[] = {{"nahr.example", "«سيول الريحان» تقتل 12 شخصا وتشرد المئات.", "assertion", 0.85,
                 0.02, 0.08},
                {"wadi.example", "«السيول قتلت 12 شخصا في الريحان».", "assertion", 0.8, 0.05, 0.1}};
    mz_check_result *r = build(s, 1);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_null(strstr(r->reason_ar, "««"));
    assert_non_null(strstr(r->reason_ar, ": «“سيول الريحان” تقتل 12 شخصا وتشرد المئات»."));
    assert_non_null(strstr(r->reason, ": «“سيول الريحان” تقتل 12 شخصا وتشرد المئات»."));
    mz_check_result_free(r);
    r = build(&s[1], 1);
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason_ar, ": «السيول قتلت 12 شخصا في الريحان»."));
    assert_null(strstr(r->reason, "««"));
    mz_check_result_free(r);
    /* the helpers the terminal report shares */
    const char *t = "  «السيول قتلت 12 شخصا». ";
    size_t a = 0, b = strlen(t);
    mz_quote_unwrap(t, &a, &b);
    assert_int_equal(b - a, strlen("السيول قتلت 12 شخصا"));
    assert_memory_equal(t + a, "السيول قتلت 12 شخصا", b - a);
    const char *u = "«أ» و«ب»";
    a = 0, b = strlen(u);
    mz_quote_unwrap(u, &a, &b); /* two pairs: not wrapped whole */
    assert_true(a == 0 && b == strlen(u));
    const char *mark;
    assert_int_equal(mz_inner_quote_mark(u, strlen(u), &mark), 2);
    assert_string_equal(mark, "“");
    assert_int_equal(mz_inner_quote_mark(u + 4, strlen(u) - 4, &mark), 2);
    assert_string_equal(mark, "”");
    assert_int_equal(mz_inner_quote_mark(u + 6, strlen(u) - 6, &mark), 0);
}

static void test_json_schema(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", report, "assertion", 0.8, 0.05, 0.1},
                {"wadi.example", denial, "denial", 0.05, 0.8, 0.1}};
    mz_check_result *r = build(s, 2);
    free(r->members[1].source);
    r->members[1].source = NULL; /* nulls are allowed */
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    char *txt = mz_check_result_json(r, 1);
    assert_non_null(txt);
    cJSON *j = cJSON_Parse(txt);
    assert_non_null(j);
    assert_string_equal(cJSON_GetObjectItem(j, "schema")->valuestring, "mizan.check/1");
    const char *top[] = {"claim", "verdict", "confidence", "reason", "reason_ar", "note", "note_ar",
                         "counts", "voices", "numbers", "stats"};
    for (size_t i = 0; i < sizeof top / sizeof *top; i++)
        assert_non_null(cJSON_GetObjectItem(j, top[i]));
    assert_string_equal(cJSON_GetObjectItem(j, "reason_ar")->valuestring, r->reason_ar);
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(j, "note_ar")));
    cJSON *counts = cJSON_GetObjectItem(j, "counts");
    const char *ck[] = {"agree", "disagree", "discuss", "unrelated", "voices", "articles"};
    for (size_t i = 0; i < 6; i++)
        assert_true(cJSON_IsNumber(cJSON_GetObjectItem(counts, ck[i])));
    cJSON *v = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "voices"), 1);
    const char *vk[] = {"voice", "stance", "weight", "sources", "members"};
    for (size_t i = 0; i < 5; i++)
        assert_non_null(cJSON_GetObjectItem(v, vk[i]));
    cJSON *m = cJSON_GetArrayItem(cJSON_GetObjectItem(v, "members"), 0);
    const char *mk[] = {"article_id", "title", "source", "url", "published", "stance",
                        "retrieval_score", "probs", "evidence"};
    for (size_t i = 0; i < sizeof mk / sizeof *mk; i++)
        assert_non_null(cJSON_GetObjectItem(m, mk[i]));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(m, "source")));
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(m, "url")));
    cJSON *e = cJSON_GetArrayItem(cJSON_GetObjectItem(m, "evidence"), 0);
    const char *ek[] = {"text", "start", "end", "char_start", "char_end", "score", "cue"};
    for (size_t i = 0; i < 7; i++)
        assert_non_null(cJSON_GetObjectItem(e, ek[i]));
    assert_string_equal(cJSON_GetObjectItem(e, "cue")->valuestring, "denial");
    assert_string_equal(cJSON_GetObjectItem(e, "text")->valuestring, denial);
    /* code-point offsets: the whole sentence */
    assert_int_equal(cJSON_GetObjectItem(e, "char_end")->valueint, 71);
    cJSON *q = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "numbers"), 0);
    assert_non_null(cJSON_GetObjectItem(q, "quantity"));
    assert_true(cJSON_IsBool(cJSON_GetObjectItem(q, "conflict")));
    cJSON *val = cJSON_GetArrayItem(cJSON_GetObjectItem(q, "values"), 0);
    const char *nk[] = {"value", "number", "article_id", "voice", "text", "start", "end"};
    for (size_t i = 0; i < 7; i++)
        assert_non_null(cJSON_GetObjectItem(val, nk[i]));
    cJSON_Delete(j);
    free(txt);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_supported),
        cmocka_unit_test(test_denial_disputes),
        cmocka_unit_test(test_refuted),
        cmocka_unit_test(test_coverage_shrinks_weight),
        cmocka_unit_test(test_denial_shown),
        cmocka_unit_test(test_not_enough_evidence),
        cmocka_unit_test(test_discussion_adds_up_to_nothing),
        cmocka_unit_test(test_arabic_counts_in_reason),
        cmocka_unit_test(test_arabic_denial_remarks),
        cmocka_unit_test(test_voice_named_by_its_quoted_copy),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_numbers_conflict_across_voices),
        cmocka_unit_test(test_vague_values_in_the_reason),
        cmocka_unit_test(test_claim_number_unmatched),
        cmocka_unit_test(test_long_denial_quoted_at_its_cue),
        cmocka_unit_test(test_quote_within_quote),
        cmocka_unit_test(test_json_schema),
    };
    return cmocka_run_group_tests_name("check/verdict", tests, NULL, NULL);
}
