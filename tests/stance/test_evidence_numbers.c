/* test_evidence_numbers.c — the number cue an evidence sentence is shown
 * with (number_match, number_mismatch) compares like with like: pupils are
 * not schools, a year or a percentage is no count, a broken plural counts
 * what its singular counts; the model's own number features, which read the
 * written figures alone, are left as they were, and so is the evidence's
 * choice, weighed by them; the claim is read only when a sentence needs it.
 * Short sentences written for this test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "check/check.h"
#include "stance/evidence_numbers.h"
#include "stance/stance.h"

#define SCHOOLS "أغلقت المديرية 30 مدرسة في ريف حلب بسبب القصف"

static mz_model *model; /* empty weights, no IDF: every term weighs 1 */

static int setup(void **state)
{
    (void)state;
    return mz_model_new(0, 16, &model, NULL) == MZ_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    mz_model_free(model);
    return 0;
}

/* The number cue of sentence s against claim: 1, -1 or 0. */
static int cue(const char *claim, const char *s)
{
    mz_number nums[MZ_EVIDENCE_NUMS];
    assert_true(mz_numbers_extract(claim, strlen(claim), nums, MZ_EVIDENCE_NUMS) > 0);
    mz_evidence_claim c = {.text = claim};
    return mz_evidence_number_cue(&c, s, strlen(s));
}

static void test_other_noun(void **state)
{
    (void)state;
    /* pupils against schools: neither a match nor a mismatch */
    assert_int_equal(cue(SCHOOLS, "وقال المدير إن 37 تلميذا أصيبوا في القصف على ريف حلب."), 0);
    /* the claim's very figure, counting pupils, is no match either */
    assert_int_equal(cue(SCHOOLS, "وأصيب 30 تلميذا في قصف على ريف حلب."), 0);
    /* schools against schools: the broken plural counts what the singular does */
    assert_int_equal(cue(SCHOOLS, "وقالت المديرية إنها أغلقت 6 مدارس فقط في ريف حلب."), -1);
    assert_int_equal(cue(SCHOOLS, "وتقع المدارس الـ30 في ريف حلب الغربي."), 1);
    /* nor is a figure of another event set against the claim's (the
     * numbers module's rule: closed is not reopened, killed not injured) */
    assert_int_equal(cue(SCHOOLS, "وأعادت المديرية فتح المدارس الـ30 في ريف حلب."), 0);
    assert_int_equal(cue("قتل 5 مدنيين في قصف على ريف حلب", "وأصيب 20 مدنيا في القصف."), 0);
    assert_int_equal(cue("قتل 5 مدنيين في قصف على ريف حلب", "وقتل 20 مدنيا في القصف."), -1);
    /* a figure spelled out is read as the claim's («ثلاثين مدرسة») */
    assert_int_equal(cue(SCHOOLS, "أغلقت المديرية ثلاثين مدرسة في ريف حلب."), 1);
}

static void test_year_and_percent(void **state)
{
    (void)state;
    /* a year is not a count */
    assert_int_equal(cue(SCHOOLS, "وكانت المدارس قد افتتحت عام 2015 في ريف حلب."), 0);
    assert_int_equal(cue("افتتحت المديرية مدرسة الأمل في ريف حلب عام 2015",
                         "وتضم مدرسة الأمل في ريف حلب 400 تلميذ."),
                     0);
    /* a year against the same year is the claim's; another year is no
     * mismatch (articles date different moments of one story) */
    assert_int_equal(cue("افتتحت المديرية مدرسة الأمل في ريف حلب عام 2015",
                         "افتتحت مدرسة الأمل في عام 2015."),
                     1);
    assert_int_equal(cue("افتتحت المديرية مدرسة الأمل في ريف حلب عام 2015",
                         "ورممت المدرسة في عام 2019."),
                     0);
    /* a percentage is not a count */
    assert_int_equal(cue(SCHOOLS, "وقالت المديرية إن 30% من التلاميذ تركوا الدراسة."), 0);
    assert_int_equal(cue("تراجعت نسبة النجاح في مدارس ريف حلب إلى 40%",
                         "وتضم مدارس ريف حلب 40 معلما."),
                     0);
}

static void test_bounds(void **state)
{
    (void)state;
    const char *claim = "قتل أكثر من 30 مدنيا في قصف على ريف حلب";
    /* 45 is a figure "more than 30" allows */
    assert_int_equal(cue(claim, "قتل 45 مدنيا في القصف."), 1);
    assert_int_equal(cue(claim, "قتل 12 مدنيا في القصف."), -1);
    /* «عشرات» allows the claim's 40 but does not give it */
    assert_int_equal(cue("قتل 40 مدنيا في قصف على ريف حلب", "قتل عشرات المدنيين في القصف."), 0);
    /* nor is a claim's «مئات» a figure a sentence can give */
    assert_int_equal(cue("حوصر مئات المدنيين في ريف حلب", "ووصلت المساعدات إلى 20 ألف مدني."), 0);
}

/* A headline leaves the noun out: its figure, told of the claim's event,
 * gives the claim's number, but a different one is set against nothing. */
static void test_bare_headline(void **state)
{
    (void)state;
    const char *claim = "ضربات جوية روسية قتلت 21 شخصا في شرق سوريا";
    assert_int_equal(cue(claim, "ضربات جوية روسية تقتل 21 في شرق سوريا"), 1);
    assert_int_equal(cue(claim, "ضربات جوية روسية تقتل 5 في شرق سوريا"), 0);
    /* no event said: nothing tells what the bare figure counts */
    assert_int_equal(cue(claim, "وصلت 21 إلى شرق سوريا"), 0);
}

/* The claim is read only when a sentence gives a value to set against it
 * (reading it is a parse of its words, dearer than the rest of a pair's
 * evidence), and once for all the sentences of one pick. */
static void test_claim_read_when_needed(void **state)
{
    (void)state;
    mz_evidence_claim c = {.text = SCHOOLS};
    const char *none = "وقال المدير إن القصف طال ريف حلب.";
    assert_int_equal(mz_evidence_number_cue(&c, none, strlen(none)), 0);
    assert_false(c.read);
    const char *six = "وقالت المديرية إنها أغلقت 6 مدارس فقط في ريف حلب.";
    assert_int_equal(mz_evidence_number_cue(&c, six, strlen(six)), -1);
    assert_true(c.read);
    assert_true(c.n > 0);
    /* read once: what is kept is used again */
    c.text = "قتل 6 مدنيين";
    assert_int_equal(mz_evidence_number_cue(&c, six, strlen(six)), -1);
}

static double feat(const mz_pair_feats *f, const char *name)
{
    for (size_t i = 0; i < mz_n_dense; i++)
        if (!strcmp(mz_dense_features[i].name, name))
            return f->dense[i];
    fail_msg("no feature %s", name);
    return 0;
}

/* The label shown changes; the feature the model reads does not. */
static void test_shown_not_fitted(void **state)
{
    (void)state;
    const char *text = "أغلقت المديرية المدارس في ريف حلب بسبب القصف، وأصيب 37 تلميذا.";
    mz_extractor x = {model->lexicon, &model->idf, 0, false};
    mz_pair_feats f;
    mz_error err;
    assert_int_equal(mz_extract(&x, SCHOOLS, NULL, text, strlen(text), &f, &err), MZ_OK);
    /* the written 37 is not the claim's 30: the model's feature, as fitted */
    assert_true(feat(&f, "num_best_mismatch") > 0);
    mz_stance_result r = {0};
    mz_pick_evidence(&f, MZ_DISAGREE, SCHOOLS, text, &r);
    assert_int_equal(r.n_evidence, 1);
    assert_string_equal(r.evidence[0].cue, "overlap"); /* not number_mismatch */
    /* but it is weighed, and so chosen, as the model reads it: a figure
     * other than the claim's weighs 0.5 for "disagree" */
    assert_int_equal(f.n_sents, 1);
    assert_true(fabs(r.evidence[0].score - (0.75 * f.sents[0].cov + 0.25 * 0.5)) < 1e-6);
    /* the claim's figure counting pupils is no number_match for "agree" */
    const char *same = "أغلقت المديرية المدارس في ريف حلب بسبب القصف، وأصيب 30 تلميذا.";
    mz_pair_feats g;
    assert_int_equal(mz_extract(&x, SCHOOLS, NULL, same, strlen(same), &g, &err), MZ_OK);
    assert_true(feat(&g, "num_best_match") > 0);
    mz_pick_evidence(&g, MZ_AGREE, SCHOOLS, same, &r);
    assert_int_equal(r.n_evidence, 1);
    assert_string_not_equal(r.evidence[0].cue, "number_match");
    mz_pair_feats_clear(&f);
    mz_pair_feats_clear(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_other_noun),
        cmocka_unit_test(test_year_and_percent),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_bare_headline),
        cmocka_unit_test(test_shown_not_fitted),
        cmocka_unit_test(test_claim_read_when_needed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
