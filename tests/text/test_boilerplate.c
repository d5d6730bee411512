/* test_boilerplate.c — story lines kept, site furniture dropped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "util/util.h"

#include <dirent.h>
#include <stdio.h>

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
    /* a CRLF file comes out with LF lines and no \r at the end */
    const char *crlf = "قال مسؤول إن الاجتماع انتهى.\r\nوأضاف أن الوفد غادر.\r\n";
    s = mz_boilerplate_strip(crlf, strlen(crlf), &len);
    assert_non_null(s);
    assert_string_equal(s, "قال مسؤول إن الاجتماع انتهى.\nوأضاف أن الوفد غادر.");
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
    /* A photo caption printed again behind "camera icon"; a footer of short
     * appeals after the story, with no known phrase in them. */
    const char *cap =
        "عناصر من الدفاع المدني يرفعون الأنقاض في حي بمدينة إدلب - آب 2017 (رويترز)\n"
        "camera iconعناصر من الدفاع المدني يرفعون الأنقاض في حي بمدينة إدلب - آب 2017 (رويترز)\n"
        "قال الدفاع المدني في إدلب إن فرقه انتشلت جثث سبعة مدنيين من تحت أنقاض مبنى استهدفته غارة جوية فجر اليوم، وإن البحث مستمر عن مفقودين.\n"
        "مقالات متعلقة\n"
        "الصحافة المستقلة تحتاج إلى دعمكم\n"
        "دولار واحد في الشهر يكفي\n";
    assert_int_equal(mz_boilerplate_lines(cap, strlen(cap), &keep, &n), MZ_OK);
    assert_int_equal(n, 7);
    assert_true(keep[0] && !keep[1] && keep[2] && !keep[3] && !keep[4] && !keep[5]);
    free(keep);
    /* A section label above the headline is navigation. */
    const char *sec = "الأخبار السياسية\nالتحالف: مفاوضات بين قسد وداعش بشأن المدنيين\n"
                      "كشف التحالف الدولي يوم الأربعاء عن مفاوضات تجري بين الطرفين بشأن خروج آمن للمدنيين المحتجزين في الرقة.\n";
    assert_int_equal(mz_boilerplate_lines(sec, strlen(sec), &keep, &n), MZ_OK);
    assert_true(!keep[0] && keep[1] && keep[2]);
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
    /* A headline or short line using a word that is also a button's label
     * (إرسال, تبرع, طباعة) or a widget's heading (المزيد من, نشر في) is
     * the story; the button itself, alone or in a menu, is not. */
    const char *page = "روسيا تدرس إرسال قوات إضافية إلى سوريا\n"
                       "أعلنت وزارة الدفاع الروسية اليوم أنها تدرس إرسال المزيد من القوات إلى قاعدة حميميم بعد تصاعد الهجمات على مواقعها.\n"
                       "تبرع رجل أعمال بمليون دولار لمستشفيات المدينة\n"
                       "واشنطن تنشر في الخليج المزيد من حاملات الطائرات\n"
                       "وقال المتحدث باسم الوزارة إن القرار لم يتخذ بعد وإن المشاورات مستمرة مع الحلفاء في المنطقة.\n"
                       "طباعة إرسال\n"
                       "إرسال\n";
    assert_int_equal(mz_boilerplate_lines(page, strlen(page), &keep, &n), MZ_OK);
    assert_int_equal(n, 8); /* and the empty line after the last \n */
    for (size_t i = 0; i < 5; i++)
        if (!keep[i])
            fail_msg("line %zu dropped", i);
    assert_false(keep[5]);
    assert_false(keep[6]);
    free(keep);
}

/* A label of at most three words that ends in a full stop ("اقرأ أيضا..",
 * a "read also" box's heading on its own line) is furniture, not a short
 * sentence; a short sentence with a furniture word in it stays. */
static void test_short_labels_with_stops(void **state)
{
    (void)state;
    const char *page = "قررت لجنة السياسة النقدية في البنك المركزي الإبقاء على أسعار الفائدة دون تغيير للمرة الرابعة على التوالي.\n"
                       "اقرأ أيضا..\n"
                       "شاهد أيضا.\n"
                       "وقال المتحدث إن الوزارة لن تنشر في الصحف أي بيان آخر.\n"
                       "وأشار البيان إلى أن معدل التضخم السنوي تراجع في الشهر الماضي للمرة الثانية على التوالي.";
    bool *keep;
    size_t n;
    assert_int_equal(mz_boilerplate_lines(page, strlen(page), &keep, &n), MZ_OK);
    assert_int_equal(n, 5);
    assert_true(keep[0]);
    assert_false(keep[1]);
    assert_false(keep[2]);
    assert_true(keep[3]);
    assert_true(keep[4]);
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
    /* 50,000 similar lines: repeat detection stays near-linear. */
    size_t lines = 50000, cap = lines * 80, o = 0;
    char *many = malloc(cap);
    for (size_t i = 0; i < lines; i++)
        o += (size_t)snprintf(many + o, cap - o, "قصفت الطائرات الحي رقم %zu في المدينة\n", i % 25000);
    assert_int_equal(mz_boilerplate_lines(many, o, &keep, &n), MZ_OK);
    assert_int_equal(n, lines + 1);
    assert_true(keep[0] && keep[24999] && !keep[25000] && !keep[49999]); /* exact repeats */
    free(keep);
    free(many);
}

/* The seed articles (real scrapes): titles and long story lines stay, the
 * known furniture goes, and most of the text survives. */
static void test_seed_articles(void **state)
{
    (void)state;
    const char *shared = getenv("SHARED");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/seeds", shared ? shared : "../shared");
    DIR *d = opendir(dir);
    if (!d) {
        print_message("no seed articles at %s (set SHARED): skipped\n", dir);
        skip();
    }
    const char *furniture[] = {"اترك تعليقاً", "زر الذهاب إلى الأعلى", "مقالات متعلقة",
                               "tag icon ع ع ع", "ادعم عنب بلدي", "اضغط هنا للمساهمة", "TAG:"};
    struct dirent *e;
    int files = 0;
    while ((e = readdir(d))) {
        if (!strstr(e->d_name, ".txt"))
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        char *text;
        size_t len;
        assert_int_equal(mz_read_file(path, 0, &text, &len, NULL), MZ_OK);
        bool *keep;
        size_t n;
        assert_int_equal(mz_boilerplate_lines(text, len, &keep, &n), MZ_OK);
        size_t at = 0, kept_bytes = 0;
        bool title_seen = false;
        for (size_t i = 0; i < n; i++) {
            const char *nl = memchr(text + at, '\n', len - at);
            size_t end = nl ? (size_t)(nl - text) : len, l = end - at;
            size_t spaces = 0;
            for (size_t k = at; k < end; k++)
                spaces += text[k] == ' ';
            if (!title_seen && spaces >= 3) {
                assert_true(keep[i]); /* the headline (a section label may precede it) */
                title_seen = true;
            }
            for (size_t k = 0; k < sizeof furniture / sizeof *furniture; k++)
                if (l == strlen(furniture[k]) && memcmp(text + at, furniture[k], l) == 0 && keep[i])
                    fail_msg("%s: furniture line %zu kept", e->d_name, i);
            if (l > 300 && !keep[i])
                fail_msg("%s: story line %zu dropped", e->d_name, i);
            kept_bytes += keep[i] ? l : 0;
            at = end + 1;
        }
        assert_true(kept_bytes * 10 >= len * 8);
        free(keep);
        free(text);
        files++;
    }
    closedir(d);
    assert_true(files > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_furniture_dropped_story_kept),
        cmocka_unit_test(test_strip_joins_kept_lines),
        cmocka_unit_test(test_repeated_lines_and_never_empty),
        cmocka_unit_test(test_story_quoting_furniture_words),
        cmocka_unit_test(test_short_labels_with_stops),
        cmocka_unit_test(test_invalid_bytes_and_long_lines),
        cmocka_unit_test(test_seed_articles),
    };
    return cmocka_run_group_tests_name("text/boilerplate", tests, NULL, NULL);
}
