/* test_boilerplate.c — story lines kept, site furniture dropped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text/text.h"

/* A scraped page in the style of Syrian news sites (text written for this test). */
static const char *PAGE =
    "الرئيسية أخبار سوريا اقتصاد رياضة منوعات اتصل بنا\n"            /* 0 menu */
    "مقتل قيادي في تنظيم داعش بريف الرقة\n"                        /* 1 title */
    "camera icon مقاتلون من قوات سوريا الديمقراطية قرب الرقة\n"     /* 2 caption */
    "أعلنت قوات سوريا الديمقراطية، اليوم الأحد، مقتل قيادي بارز في تنظيم داعش خلال اشتباكات في حي الرومانية غربي مدينة الرقة.\n" /* 3 */
    "وقال المتحدث باسم الحملة في بيان إن القيادي قتل مع أحد عشر عنصرا آخرين، مضيفا أن المعارك مستمرة.\n" /* 4 */
    "\n"                                                           /* 5 */
    "ونفى التنظيم عبر وكالة أعماق مقتل قائده، وقال إن الخبر «عار عن الصحة» بحسب ما نشر على تويتر.\n" /* 6 */
    "tag icon ع ع ع\n"                                             /* 7 */
    "TAG: الرقة داعش قسد\n"                                         /* 8 */
    "مقالات متعلقة\n"                                               /* 9 */
    "12/06/2017\n"                                                  /* 10 */
    "ادعم عنب بلدي للاستمرار في تغطية الأحداث، اضغط هنا للمساهمة\n"   /* 11 */
    "اترك تعليقاً\n"                                                /* 12 */
    "زر الذهاب إلى الأعلى\n"                                        /* 13 */
    "- - - - - | | |\n"                                             /* 14 */
    "جميع الحقوق محفوظة 2017\n";                                   /* 15 */

static void test_furniture_dropped_story_kept(void **state)
{
    (void)state;
    bool *keep;
    size_t n;
    assert_int_equal(mz_boilerplate_lines(PAGE, strlen(PAGE), &keep, &n), MZ_OK);
    assert_int_equal(n, 17); /* trailing \n: a last empty line */
    const int story[] = {1, 3, 4, 6};
    for (size_t i = 0; i < sizeof story / sizeof *story; i++)
        assert_true(keep[story[i]]);
    const int junk[] = {0, 2, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    for (size_t i = 0; i < sizeof junk / sizeof *junk; i++)
        if (keep[junk[i]])
            fail_msg("line %d kept", junk[i]);
    free(keep);
}

static void test_strip_joins_kept_lines(void **state)
{
    (void)state;
    size_t len;
    char *s = mz_boilerplate_strip(PAGE, strlen(PAGE), &len);
    assert_non_null(s);
    assert_int_equal(strlen(s), len);
    assert_true(strncmp(s, "مقتل قيادي", strlen("مقتل قيادي")) == 0);
    assert_null(strstr(s, "اترك"));
    assert_null(strstr(s, "camera"));
    assert_non_null(strstr(s, "\nونفى التنظيم"));
    assert_true(s[len - 1] == '.');
    free(s);
}

static void test_repeated_lines_and_never_empty(void **state)
{
    (void)state;
    const char *rep = "قصف على إدلب\nقصفت طائرات حربية بلدة في ريف إدلب صباح اليوم، ما أدى إلى سقوط ضحايا.\nقصف على إدلب\n";
    bool *keep;
    size_t n;
    assert_int_equal(mz_boilerplate_lines(rep, strlen(rep), &keep, &n), MZ_OK);
    assert_true(keep[0] && keep[1] && !keep[2]);
    free(keep);
    /* Only furniture: the filter keeps everything rather than nothing. */
    const char *only = "اترك تعليقاً\nزر الذهاب إلى الأعلى";
    assert_int_equal(mz_boilerplate_lines(only, strlen(only), &keep, &n), MZ_OK);
    assert_int_equal(n, 2);
    assert_true(keep[0] && keep[1]);
    free(keep);
    size_t len;
    char *s = mz_boilerplate_strip("", 0, &len);
    assert_string_equal(s, "");
    assert_int_equal(len, 0);
    free(s);
}

static void test_story_quoting_furniture_words(void **state)
{
    (void)state;
    /* Long prose that mentions Twitter, e-mail or copyright stays. */
    const char *s = "وكتب الوزير على حسابه في تويتر أن الحكومة تلقت البريد الإلكتروني الذي أرسله المحتجون، وأن جميع الحقوق محفوظة لأصحاب الأراضي.";
    bool *keep;
    size_t n;
    assert_int_equal(mz_boilerplate_lines(s, strlen(s), &keep, &n), MZ_OK);
    assert_int_equal(n, 1);
    assert_true(keep[0]);
    free(keep);
}

static void test_invalid_bytes_and_long_lines(void **state)
{
    (void)state;
    size_t len = 200000;
    char *big = malloc(len + 1);
    for (size_t i = 0; i < len; i++)
        big[i] = (i % 97 == 96) ? '\n' : (i % 13 == 0 ? '\xff' : 'a' + (char)(i % 26));
    big[len] = '\0';
    bool *keep;
    size_t n;
    assert_int_equal(mz_boilerplate_lines(big, len, &keep, &n), MZ_OK);
    assert_true(n > 2000);
    free(keep);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_furniture_dropped_story_kept),
        cmocka_unit_test(test_strip_joins_kept_lines),
        cmocka_unit_test(test_repeated_lines_and_never_empty),
        cmocka_unit_test(test_story_quoting_furniture_words),
        cmocka_unit_test(test_invalid_bytes_and_long_lines),
    };
    return cmocka_run_group_tests_name("text/boilerplate", tests, NULL, NULL);
}
