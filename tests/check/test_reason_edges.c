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

#include <stdio.h>

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

/* A long sentence whose cue lies past the cut: its opening, " … ", then
 * the words before the cue and on from it, each part cut before a word
 * (QUOTE_CHARS 160: a third of it and 20 for the opening, the rest for the
 * cue's part), and "…»". */
static void test_long_quote_cut_on_both_sides(void **state)
{
    (void)state;
    char body[4096] = "قال مسؤول محلي في مدينة تل السنابل إن لواء الوادي أفرج عن أربعين أسيرا من "
                      "عناصر القوات الحكومية";
    for (int i = 0; i < 5; i++)
        strcat(body, " وأضاف أن الحياة تسير بشكل طبيعي في أحياء المدينة");
    strcat(body, " ثم نفى المتحدث باسم اللواء ذلك جملة وتفصيلا");
    for (int i = 0; i < 4; i++)
        strcat(body, " مؤكدا أن الأسرى ما زالوا في قبضة اللواء حتى الآن");
    strcat(body, ".");
    spec s[] = {{"wadi.example", body, "denial", 0.05, 0.8, 0.1}};
    mz_check_result *r = build(s, 1);
    mz_check_member *m = &r->members[0];
    const char *cue = strstr(m->body, "نفى");
    m->cue_start[0] = (size_t)(cue - m->body);
    m->cue_end[0] = m->cue_start[0] + strlen("نفى");
    const char *want = "مصدر واحد ينقل نفيًا للادعاء (wadi.example): «قال مسؤول محلي في مدينة تل "
                       "السنابل إن لواء الوادي أفرج … تسير بشكل طبيعي في أحياء المدينة ثم نفى "
                       "المتحدث باسم اللواء ذلك جملة وتفصيلا مؤكدا أن الأسرى ما زالوا في…».";
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_string_equal(r->reason_ar, want);
    /* the same sentence as the denial the model found (has_denial), its
     * evidence sentence cued otherwise: quoted at the denial's cue */
    m->evidence[0].cue = "hedging";
    m->cue_start[0] = m->cue_end[0] = 0;
    m->has_denial = true;
    m->denial = (mz_evidence){0, m->body_len, 0.9, "denial"};
    m->denial_cue_start = (size_t)(cue - m->body);
    m->denial_cue_end = m->denial_cue_start + strlen("نفى");
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_string_equal(r->reason_ar, want);
    mz_check_result_free(r);
}

/* A report that quotes a denial further down (has_denial, its label
 * agree) is quoted by its report, the denial remarked on apart; a voice
 * whose article gave no evidence sentence is named without a quote. */
static void test_report_quoting_a_denial(void **state)
{
    (void)state;
    char body[512];
    snprintf(body, sizeof body, "%s %s", report, denial);
    spec s[] = {{"wire.example", body, "assertion", 0.8, 0.05, 0.1}};
    mz_check_result *r = build(s, 1);
    mz_check_member *m = &r->members[0];
    m->evidence[0].end = strlen(report);
    m->has_denial = true;
    m->denial = (mz_evidence){strlen(report) + 1, m->body_len, 0.9, "denial"};
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_string_equal(r->reason, "1 independent source reports it (wire.example): «أفرج لواء "
                                   "الوادي عن 40 أسيرا من القوات الحكومية». A denial is reported "
                                   "(wire.example): «نفى لواء الوادي الأنباء عن صفقة التبادل».");
    m->has_denial = false;
    m->n_evidence = 0;
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_string_equal(r->reason, "1 independent source reports it (wire.example).");
    mz_check_result_free(r);
}

/* The claim's own value is written as a reader writes it: 2.5, not 2. */
static void test_claim_value_written_whole(void **state)
{
    (void)state;
    spec s[] = {{"wire.example", "ارتفع التضخم إلى 4 بالمئة.", "assertion", 0.8, 0.05, 0.1}};
    mz_check_result *r = build(s, 1);
    r->numbers = calloc(1, sizeof *r->numbers);
    r->n_numbers = 1;
    mz_check_quantity *q = &r->numbers[0];
    q->quantity = strdup("بالمئة");
    q->kind = MZ_QTY_PERCENT;
    q->has_claim_value = q->claim_unmatched = true;
    q->claim_number = q->claim_number_max = 2.5;
    q->values = calloc(1, sizeof *q->values);
    q->n_values = 1;
    q->values[0] = (mz_check_value){.value = strdup("4"), .number = 4, .number_max = 4,
                                    .off_claim = true, .article_id = 1, .voice = 1};
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    /* and a percentage as one: "2.5%", not a bare 2.5 beside the sources' "4%" */
    assert_non_null(strstr(r->reason, " No source gives the claim's number (بالمئة; the claim: "
                                      "2.5%): 4 (wire.example)."));
    assert_non_null(strstr(r->reason_ar, "وفي الادعاء 2.5%)"));
    mz_check_result_free(r);
}

/* A conflict lists at most four values, a value given twice once (with
 * both its sources), a floor as "over", then "…"; the sources at most
 * three, then "…". */
static void test_conflict_lists_four(void **state)
{
    (void)state;
    static const double n[] = {10, 20, 20, 30, 40, 50};
    spec s[6];
    char names[6][32], bodies[6][96];
    for (int i = 0; i < 6; i++) {
        snprintf(names[i], sizeof names[i], "s%d.example", i + 1);
        snprintf(bodies[i], sizeof bodies[i], "أفرج لواء الوادي عن %g أسيرا.", n[i]);
        s[i] = (spec){names[i], bodies[i], "assertion", 0.8, 0.05, 0.1};
    }
    mz_check_result *r = build(s, 6);
    r->numbers = calloc(1, sizeof *r->numbers);
    r->n_numbers = 1;
    mz_check_quantity *q = &r->numbers[0];
    q->quantity = strdup("أسيرا");
    q->conflict = true;
    q->values = calloc(6, sizeof *q->values);
    q->n_values = 6;
    for (int i = 0; i < 6; i++) {
        char v[32];
        snprintf(v, sizeof v, "%g", n[i]);
        q->values[i] = (mz_check_value){.value = strdup(v), .number = n[i], .number_max = n[i],
                                        .conflicting = true, .article_id = i + 1, .voice = i + 1};
    }
    q->values[0].bound = 1; /* «أكثر من 10» */
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "6 independent sources report it (s1.example, s2.example, "
                                      "s3.example, …)"));
    assert_non_null(strstr(r->reason, " The sources' numbers conflict (أسيرا): over 10 (s1.example), "
                                      "20 (s2.example, s3.example), 30 (s4.example), 40 (s5.example), …."));
    mz_check_result_free(r);
}

/* Sources a.example … for a quantity of schools, value i given by voice
 * voice[i] as n[i], in conflict or off the claim's 30 (unmatched). */
static mz_check_result *schools(const double *n, const int *voice, size_t k, bool unmatched)
{
    static const char *site[] = {"tahaqqaq.example", "wire.example", "activists.example",
                                 "radio.example", "wire.example"};
    spec s[5];
    static char bodies[5][128];
    for (size_t i = 0; i < k; i++) {
        snprintf(bodies[i], sizeof bodies[i], "أغلقت مديرية التربية في تل الورد %g مدرسة.", n[i]);
        s[i] = (spec){site[i], bodies[i], "assertion", 0.8, 0.05, 0.1};
    }
    mz_check_result *r = build(s, k);
    r->numbers = calloc(1, sizeof *r->numbers);
    r->n_numbers = 1;
    mz_check_quantity *q = &r->numbers[0];
    q->quantity = strdup("مدرسة");
    q->conflict = !unmatched;
    q->has_claim_value = q->claim_unmatched = unmatched;
    q->claim_number = q->claim_number_max = 30;
    q->values = calloc(k, sizeof *q->values);
    q->n_values = k;
    for (size_t i = 0; i < k; i++) {
        char v[16];
        snprintf(v, sizeof v, "%g", n[i]);
        q->values[i] = (mz_check_value){.value = strdup(v), .number = n[i], .number_max = n[i],
                                        .conflicting = !unmatched, .off_claim = unmatched,
                                        .article_id = (int64_t)i + 1, .voice = voice[i]};
    }
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    return r;
}

/* A figure several sources give names each of them, up to three and "…":
 * the reason named the first voice's site alone, so «14 مدرسة», given by
 * the wire, the activists and the radio, read as the fact-check's own
 * figure, the one source that had found 6. A voice is named once however
 * many of its articles give the figure. */
static void test_value_names_every_source(void **state)
{
    (void)state;
    const double n[] = {6, 14, 14, 14, 14};
    const int voice[] = {1, 2, 3, 4, 2};
    mz_check_result *r = schools(n, voice, 5, false);
    assert_non_null(strstr(r->reason, " The sources' numbers conflict (مدرسة): 6 (tahaqqaq.example), "
                                      "14 (wire.example, activists.example, radio.example)."));
    assert_non_null(strstr(r->reason_ar, "وتتعارض أرقام المصادر (مدرسة): 6 (tahaqqaq.example)، "
                                         "14 (wire.example، activists.example، radio.example)."));
    mz_check_result_free(r);
    /* the claim's 30 given by none: four sources' 14, three named */
    const double m[] = {14, 14, 14, 14};
    const int four[] = {1, 2, 3, 4};
    r = schools(m, four, 4, true);
    assert_non_null(strstr(r->reason, " No source gives the claim's number (مدرسة; the claim: 30): "
                                      "14 (tahaqqaq.example, wire.example, activists.example, …)."));
    mz_check_result_free(r);
}

/* The claim's 30 given only as an earlier figure (a toll since revised,
 * a sentence the appeal reduced): the reason says the claim's number is an
 * earlier one and what the sources give now, not that none gives it. */
static void test_claim_number_earlier(void **state)
{
    (void)state;
    const double n[] = {30, 14};
    const int voice[] = {1, 2};
    mz_check_result *r = schools(n, voice, 2, true);
    mz_check_quantity *q = &r->numbers[0];
    q->values[0].earlier = true; /* as collect_numbers leaves it: not off the claim */
    q->values[0].off_claim = false;
    q->claim_earlier = true;
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, " The claim's number is an earlier figure (مدرسة; the claim: "
                                      "30); the sources now give: 14 (wire.example)."));
    assert_null(strstr(r->reason, "No source gives"));
    assert_non_null(strstr(r->reason_ar, " ورقم الادعاء رقم سابق (مدرسة، وفي الادعاء 30)، "
                                         "وما تذكره المصادر الآن: 14 (wire.example)."));
    mz_check_result_free(r);
}

/* A site that re-published a wire story and reported on its own names two
 * voices: the story's (its copy, counted with the origin: voices.c) and its
 * own. The reason names the first with its next source, so the list does
 * not read "sada.example, sada.example" as one site counted twice. */
static void test_site_naming_two_voices(void **state)
{
    (void)state;
    spec s[] = {{"sada.example", "فاز نادي الشعلة على نادي الميناء 3-1 في الجولة 22.", "assertion", 0.8,
                 0.05, 0.1},
                {"sada.example", "وقاد المهاجم فريقه إلى الفوز على الميناء 3-1.", "assertion", 0.7, 0.05,
                 0.1}};
    mz_check_result *r = build(s, 2);
    mz_check_voice *v = &r->voices[0];
    v->sources = realloc(v->sources, 2 * sizeof *v->sources);
    v->sources[1] = strdup("wakala.example");
    v->n_sources = 2;
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "(sada.example (with wakala.example), sada.example)"));
    assert_non_null(strstr(r->reason_ar, "(sada.example (مع wakala.example)، sada.example)"));
    mz_check_result_free(r);
    /* a voice of several sites whose name is its own keeps the name alone */
    spec t[] = {s[0], {"alsahil.example", "وقاد المهاجم فريقه إلى الفوز على الميناء 3-1.", "assertion",
                       0.7, 0.05, 0.1}};
    r = build(t, 2);
    v = &r->voices[0];
    v->sources = realloc(v->sources, 2 * sizeof *v->sources);
    v->sources[1] = strdup("wakala.example");
    v->n_sources = 2;
    assert_int_equal(mz_decide(r, NULL), MZ_OK);
    assert_non_null(strstr(r->reason, "(sada.example, alsahil.example)"));
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_voice_at_min_related),
        cmocka_unit_test(test_denial_at_min_related),
        cmocka_unit_test(test_equally_sure_quotes_the_first),
        cmocka_unit_test(test_quote_white_space),
        cmocka_unit_test(test_long_quote_cut_on_both_sides),
        cmocka_unit_test(test_report_quoting_a_denial),
        cmocka_unit_test(test_claim_value_written_whole),
        cmocka_unit_test(test_conflict_lists_four),
        cmocka_unit_test(test_value_names_every_source),
        cmocka_unit_test(test_claim_number_earlier),
        cmocka_unit_test(test_site_naming_two_voices),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
