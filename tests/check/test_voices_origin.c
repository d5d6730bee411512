/* test_voices_origin.c — a copy counts with its story's origin: a wire
 * story site B re-published from site A is one voice with A's, and B's own
 * reporting stays B's voice; it is not joined to A's through the copy. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "check/check.h"
#include "verdict_spec.h"

/* A's wire story, and A's own other story. */
static const char *a1 =
    "أفرج لواء الوادي يوم الجمعة عن 40 أسيرا من عناصر القوات الحكومية في مدينة تل السنابل، "
    "مقابل إطلاق الحكومة سراح 60 معتقلا من مقاتلي اللواء، في أول صفقة تبادل بين الطرفين.\n"
    "وقال مصدر في لجنة الوساطة إن الصفقة جرت عند معبر الطاحونة جنوب المدينة بإشراف وجهاء "
    "العشائر وفريق من الهلال الأحمر.\nوأضاف المصدر أن الاتفاق يشمل وقفا لإطلاق النار مدته 72 ساعة.";
static const char *a2 =
    "أعلنت مديرية الزراعة في تل السنابل أن موسم القمح هذا العام وفير، وأن المساحات المزروعة "
    "بلغت 12 ألف هكتار في السهول المحيطة بالمدينة، وأن الأمطار جاءت في وقتها.";

/* B's re-publication of A's story (a banner, diacritics, another closing
 * line), and B's own story: its correspondent's account, other words. */
static const char *b1 =
    "موقع الساحل اليوم\n"
    "أفرجَ لواءُ الوادي يوم الجمعة عن ٤٠ اسيرا من عناصر القوات الحكومية في مدينة تل السنابل، "
    "مقابل إطلاق الحكومة سراح ٦٠ معتقلا من مقاتلي اللواء، في أول صفقة تبادل بين الطرفين.\n"
    "وقال مصدر في لجنة الوساطة إن الصفقة جرت عند معبر الطاحونة جنوب المدينة بإشراف وجهاء "
    "العشائر وفريق من الهلال الأحمر.\nتابعوا آخر الأخبار على موقعنا.";
static const char *b2 =
    "قال مراسلنا في تل السنابل إن عائلات الأسرى تجمعت منذ الصباح عند مدخل المدينة، وإن "
    "الحافلات وصلت بعد الظهر وسط هتافات الأهالي، ولم يعلن أي من الطرفين عدد المفرج عنهم.";

/* C's re-publication of B's copy (B's banner and closing line kept, its own
 * banner added), and C's own story. */
static const char *c1 =
    "شبكة الوادي الإخبارية\nموقع الساحل اليوم\n"
    "أفرجَ لواءُ الوادي يوم الجمعة عن ٤٠ اسيرا من عناصر القوات الحكومية في مدينة تل السنابل، "
    "مقابل إطلاق الحكومة سراح ٦٠ معتقلا من مقاتلي اللواء، في أول صفقة تبادل بين الطرفين.\n"
    "وقال مصدر في لجنة الوساطة إن الصفقة جرت عند معبر الطاحونة جنوب المدينة.\n"
    "تابعوا آخر الأخبار على موقعنا.";
static const char *c2 =
    "نفى لواء الوادي في بيان نشره على حسابه الرسمي إبرام أي صفقة تبادل مع الحكومة، وقال "
    "إن ما يتداوله ناشطون عن الإفراج عن أسرى في تل السنابل لا أساس له من الصحة.";

static size_t group(const char *const *texts, const char *const *sources, const int *days,
                    const int64_t *order, size_t n, size_t *voice)
{
    mz_minhash sigs[8];
    assert_true(n <= 8);
    for (size_t i = 0; i < n; i++)
        mz_minhash_text(texts[i], strlen(texts[i]), &sigs[i]);
    return mz_group_voices(sigs, sources, NULL, days, order, n, MZ_COPY_JACCARD, voice);
}

/* A1, A2 of site A; B1 B's copy of A1; B2 B's own: {A1, A2, B1} and {B2}.
 * It was one voice: the copy joined B's site to A's. */
static void test_copy_counts_with_its_origin(void **state)
{
    (void)state;
    const char *texts[] = {a1, a2, b1, b2};
    const char *sources[] = {"wakalat-alsahel.example", "wakalat-alsahel.example",
                             "sahil-today.example", "sahil-today.example"};
    size_t voice[4];
    assert_int_equal(group(texts, sources, NULL, NULL, 4, voice), 2);
    assert_int_equal(voice[0], 0);
    assert_int_equal(voice[1], 0);
    assert_int_equal(voice[2], 0);
    assert_int_equal(voice[3], 1);
    /* published days: the copy a day after the story; the same voices */
    int days[] = {mz_published_day("2026-03-14"), mz_published_day("2026-03-12"),
                  mz_published_day("2026-03-15"), mz_published_day("2026-03-13")};
    assert_int_equal(group(texts, sources, days, NULL, 4, voice), 2);
    assert_int_equal(voice[2], voice[0]);
    assert_int_equal(voice[1], voice[0]);
    assert_int_not_equal(voice[3], voice[0]);
}

/* The story is its earliest published member's, whatever the rank: B ran
 * it a day before A, so A's copy counts with B, and A's other story is
 * A's voice alone. */
static void test_earliest_published_is_the_origin(void **state)
{
    (void)state;
    const char *texts[] = {a1, a2, b1, b2};
    const char *sources[] = {"wakalat-alsahel.example", "wakalat-alsahel.example",
                             "sahil-today.example", "sahil-today.example"};
    int days[] = {mz_published_day("2026-03-15"), mz_published_day("2026-03-12"),
                  mz_published_day("2026-03-14"), mz_published_day("2026-03-13")};
    size_t voice[4];
    assert_int_equal(group(texts, sources, days, NULL, 4, voice), 2);
    assert_int_equal(voice[0], 0);
    assert_int_equal(voice[2], 0);
    assert_int_equal(voice[3], 0);
    assert_int_equal(voice[1], 1);
}

/* No dates (or not every member's): the first ingested is the origin, not
 * the best ranked, so the voices do not change from claim to claim. B's
 * copy ranks first here but was stored after A's story. */
static void test_no_dates_first_ingested(void **state)
{
    (void)state;
    const char *texts[] = {b1, a1, b2, a2};
    const char *sources[] = {"sahil-today.example", "wakalat-alsahel.example",
                             "sahil-today.example", "wakalat-alsahel.example"};
    int64_t order[] = {7, 3, 8, 4};
    size_t voice[4];
    assert_int_equal(group(texts, sources, NULL, order, 4, voice), 2);
    assert_int_equal(voice[1], voice[0]);
    assert_int_equal(voice[3], voice[0]);
    assert_int_not_equal(voice[2], voice[0]);
    /* the copy dated, the story not: no order by day, the ingest order */
    int days[] = {mz_published_day("2026-03-10"), 0, 0, 0};
    assert_int_equal(group(texts, sources, days, order, 4, voice), 2);
    assert_int_equal(voice[3], voice[0]);
    assert_int_not_equal(voice[2], voice[0]);
    /* the same day: the ingest order too */
    int same[] = {mz_published_day("2026-03-14"), mz_published_day("2026-03-14"),
                  mz_published_day("2026-03-15"), mz_published_day("2026-03-13")};
    assert_int_equal(group(texts, sources, same, order, 4, voice), 2);
    assert_int_equal(voice[3], voice[0]);
    assert_int_not_equal(voice[2], voice[0]);
    /* no order either: the best ranked, B's copy, so the story is B's */
    assert_int_equal(group(texts, sources, NULL, NULL, 4, voice), 2);
    assert_int_equal(voice[2], voice[0]);
    assert_int_not_equal(voice[3], voice[0]);
}

/* C copies B's copy of A's story: all three copies are A's story; B's and
 * C's own reports are each their site's voice. */
static void test_chain_of_copies(void **state)
{
    (void)state;
    const char *texts[] = {a1, b1, c1, b2, c2, a2};
    const char *sources[] = {"wakalat-alsahel.example", "sahil-today.example",
                             "wadi-net.example",        "sahil-today.example",
                             "wadi-net.example",        "wakalat-alsahel.example"};
    mz_minhash x, y;
    mz_minhash_text(c1, strlen(c1), &x);
    mz_minhash_text(b1, strlen(b1), &y);
    assert_true(mz_minhash_copies(&x, &y, MZ_COPY_JACCARD));
    size_t voice[6];
    assert_int_equal(group(texts, sources, NULL, NULL, 6, voice), 3);
    assert_int_equal(voice[1], voice[0]);
    assert_int_equal(voice[2], voice[0]);
    assert_int_equal(voice[5], voice[0]);
    assert_int_not_equal(voice[3], voice[0]);
    assert_int_not_equal(voice[4], voice[0]);
    assert_int_not_equal(voice[3], voice[4]);
}

/* What stays: a site's own articles are one voice (its story and its
 * re-scrape, a copy within one site, too); copies from many sites are one
 * voice; an article with no site joins by copies only, and a copy of a
 * story with no site does not join the copying site's own reporting. */
static void test_what_stays(void **state)
{
    (void)state;
    const char *texts[] = {a1, b1, a2, b2};
    const char *one[] = {"wakalat-alsahel.example", "wakalat-alsahel.example",
                         "wakalat-alsahel.example", "wakalat-alsahel.example"};
    size_t voice[4];
    assert_int_equal(group(texts, one, NULL, NULL, 4, voice), 1);
    const char *many[] = {"wakalat-alsahel.example", "sahil-today.example", "wadi-net.example"};
    const char *copies[] = {a1, b1, c1};
    assert_int_equal(group(copies, many, NULL, NULL, 3, voice), 1);
    const char *none[] = {NULL, "sahil-today.example", NULL, "sahil-today.example"};
    assert_int_equal(group(texts, none, NULL, NULL, 4, voice), 3);
    assert_int_equal(voice[1], voice[0]);
    assert_int_not_equal(voice[3], voice[0]);
    assert_int_not_equal(voice[2], voice[0]);
    assert_int_not_equal(voice[2], voice[3]);
}

/* Through mz_check_build_voices: the members' publication days and ingest
 * ids decide, as a check gives them. B's copy ranks first and was published
 * the same day as A's story but stored after it: the copy is in A's voice
 * (its sources A's site, then B's), and B's own story is a voice of its own. */
static void test_build_voices_by_origin(void **state)
{
    (void)state;
    spec s[] = {{"sahil-today.example", b1, "assertion", 0.8, 0.05, 0.05},
                {"wakalat-alsahel.example", a1, "assertion", 0.7, 0.05, 0.05},
                {"sahil-today.example", b2, "assertion", 0.6, 0.05, 0.05},
                {"wakalat-alsahel.example", a2, "assertion", 0.1, 0.05, 0.05}};
    mz_check_result *r = build(s, 4);
    const char *published[] = {"2026-03-14", "2026-03-14", "2026-03-15", "2026-03-12"};
    int64_t ids[] = {7, 3, 8, 4};
    for (size_t i = 0; i < 4; i++) {
        r->members[i].published = strdup(published[i]);
        r->members[i].article_id = ids[i];
    }
    mz_check_voices_clear(r);
    mz_verdict_params vp = mz_verdict_default;
    vp.coverage_full = 0; /* build() gives no coverage: weigh by relatedness alone */
    assert_int_equal(mz_check_build_voices(r, &vp), MZ_OK);
    assert_int_equal(r->n_voices, 2);
    const mz_check_voice *v = &r->voices[0], *own = &r->voices[1];
    assert_int_equal(v->n_members, 3);
    assert_int_equal(v->members[0], 0); /* the most related represents it */
    assert_int_equal(v->members[1], 1);
    assert_int_equal(v->members[2], 3);
    assert_int_equal(v->n_sources, 2);
    assert_string_equal(v->sources[0], "sahil-today.example");
    assert_string_equal(v->sources[1], "wakalat-alsahel.example");
    assert_int_equal(own->n_members, 1);
    assert_int_equal(own->members[0], 2);
    assert_int_equal(r->members[2].voice, 2);
    mz_check_result_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_copy_counts_with_its_origin),
        cmocka_unit_test(test_earliest_published_is_the_origin),
        cmocka_unit_test(test_no_dates_first_ingested),
        cmocka_unit_test(test_chain_of_copies),
        cmocka_unit_test(test_what_stays),
        cmocka_unit_test(test_build_voices_by_origin),
    };
    return cmocka_run_group_tests_name("check/voices_origin", tests, NULL, NULL);
}
