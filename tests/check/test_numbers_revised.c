/* test_numbers_revised.c — a revision's figure, «عدّلت المفوضية نسبة
 * المشاركة إلى 43.1%», in an article the stance model reads unrelated: its
 * figure was never read, so the preliminary 41.3% of an earlier report
 * stood alone — a claim of the final 43.1% read "no source gives the
 * claim's number" and one of the preliminary 41.3% nothing out of date. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "check/check.h"

static const char *const PRELIMINARY =
    "أعلنت المفوضية العليا للانتخابات أن نسبة المشاركة في الانتخابات البرلمانية بلغت 41.3% وفق "
    "النتائج الأولية.";
static const char *const REVISION =
    "عدّلت المفوضية نسبة المشاركة إلى 43.1% بعد احتساب أصوات المغتربين وإنهاء فرز الصناديق "
    "المتأخرة.";

/* Two voices: the preliminary report (discuss, 20 April) and the revision
 * (read unrelated, 25 April); the caller frees the result. */
static mz_check_result *check_of(const char *claim)
{
    const char *body[2] = {PRELIMINARY, REVISION}, *pub[2] = {"2026-04-20", "2026-04-25"};
    mz_check_result *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->claim = strdup(claim);
    r->members = calloc(2, sizeof *r->members);
    r->n_members = 2;
    for (int i = 0; i < 2; i++) {
        mz_check_member *m = &r->members[i];
        m->article_id = i + 1;
        m->voice = i + 1;
        m->stance = i ? MZ_UNRELATED : MZ_DISCUSS;
        m->body = strdup(body[i]);
        m->body_len = strlen(body[i]);
        m->published = strdup(pub[i]);
        m->n_evidence = 1;
        m->evidence[0] = (mz_evidence){0, m->body_len, 0.8, "assertion"};
    }
    assert_int_equal(mz_check_collect_numbers(r), MZ_OK);
    assert_true(r->n_numbers >= 1);
    return r;
}

static void test_revision_marks_its_figure(void **state)
{
    (void)state;
    mz_number v[8];
    size_t n = mz_numbers_extract(REVISION, strlen(REVISION), v, 8);
    assert_true(n >= 1);
    mz_num_mark_revised(REVISION, strlen(REVISION), v, n);
    assert_true(v[0].number == 43.1 && v[0].revised);
    /* a rise to a figure is no revision */
    const char *rise = "ارتفعت نسبة المشاركة إلى 43.1% في المساء";
    n = mz_numbers_extract(rise, strlen(rise), v, 8);
    mz_num_mark_revised(rise, strlen(rise), v, n);
    assert_false(v[0].revised);
}

static void test_final_figure_from_an_unrelated_article(void **state)
{
    (void)state;
    mz_check_result *r = check_of("بلغت نسبة المشاركة في الانتخابات البرلمانية 43.1%");
    const mz_check_quantity *q = &r->numbers[0];
    assert_int_equal(q->n_values, 2);
    assert_false(q->claim_unmatched);
    mz_check_result_free(r);
    /* the preliminary figure is out of date */
    r = check_of("بلغت نسبة المشاركة في الانتخابات البرلمانية 41.3%");
    q = &r->numbers[0];
    assert_true(q->claim_unmatched);
    assert_true(q->claim_earlier);
    mz_check_result_free(r);
}

/* An unrelated article's other figures are not read: only the revision of
 * the claim's quantity. */
static void test_unrelated_gives_nothing_else(void **state)
{
    (void)state;
    mz_check_result *r = check_of("بلغ عدد المغتربين الذين صوتوا 43.1%");
    for (size_t i = 0; i < r->n_numbers; i++)
        for (size_t k = 0; k < r->numbers[i].n_values; k++)
            assert_int_equal(r->numbers[i].values[k].article_id, 1);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_revision_marks_its_figure),
        cmocka_unit_test(test_final_figure_from_an_unrelated_article),
        cmocka_unit_test(test_unrelated_gives_nothing_else),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
