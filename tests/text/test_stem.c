/* test_stem.c — light stemming (clitics, suffixes, guards) and Snowball after it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text/text.h"

/* Normalizes then light-stems (snowball=false) or full-stems. */
static const char *stem(mz_stemmer *st, const char *w)
{
    static char buf[512];
    char *n;
    size_t nl, ol;
    assert_int_equal(mz_normalize(w, strlen(w), &n, &nl, NULL, NULL), MZ_OK);
    const char *o = mz_stemmer_stem(st, n, nl, &ol);
    assert_true(ol < sizeof buf);
    memcpy(buf, o, ol);
    buf[ol] = '\0';
    free(n);
    return buf;
}

static const char *light(const char *w)
{
    static char out[512];
    char *n;
    size_t nl;
    assert_int_equal(mz_normalize(w, strlen(w), &n, &nl, NULL, NULL), MZ_OK);
    size_t l = mz_stem_light(n, nl, out, sizeof out);
    assert_int_equal(strlen(out), l);
    free(n);
    return out;
}

static void test_issue_conflation(void **state)
{
    (void)state;
    /* The issue's test: one stem for all three, with and without Snowball. */
    assert_string_equal(light("مفاوضات"), "مفاوض");
    assert_string_equal(light("والمفاوضات"), "مفاوض");
    assert_string_equal(light("المفاوضات"), "مفاوض");
    assert_string_equal(light("للمفاوضات"), "مفاوض");
    assert_string_equal(light("بالمفاوضات"), "مفاوض");
    mz_stemmer *sb = mz_stemmer_new(true);
    assert_non_null(sb);
    char a[128];
    strcpy(a, stem(sb, "مفاوضات"));
    assert_string_equal(stem(sb, "والمفاوضات"), a);
    assert_string_equal(stem(sb, "المفاوضات"), a);
    assert_string_equal(stem(sb, "مفاوضة"), a);
    mz_stemmer_free(sb);
}

static void test_root_letters_kept(void **state)
{
    (void)state;
    /* A lone و ب ف ك ل that belongs to the root stays. */
    assert_string_equal(light("وزير"), "وزير");
    assert_string_equal(light("بلد"), "بلد");
    assert_string_equal(light("كتب"), "كتب");
    assert_string_equal(light("فلسطين"), light("الفلسطينيون"));
    assert_string_equal(light("بريطانيا"), "بريطانيا");
    assert_string_equal(light("ليبيا"), "ليبيا");
    assert_string_equal(light("وزارة"), light("ووزارة"));
    assert_string_equal(light("وكالة"), light("الوكالة"));
    /* ... and a clitic before a derived pattern goes. */
    assert_string_equal(light("لمواجهة"), light("المواجهة"));
    assert_string_equal(light("بتنفيذ"), "تنفيذ");
    assert_string_equal(light("باتجاه"), light("اتجاه"));
    assert_string_equal(light("باستخدام"), "استخدام");
    assert_string_equal(light("لانتخاب"), "انتخاب");
    assert_string_equal(light("باريس"), "باريس");
    assert_string_equal(light("ومقاتلين"), "مقاتل");
    /* والد and بالغ carry no article: not ده or غه */
    assert_string_equal(light("والدة"), "والد");
    assert_string_equal(light("بالغة"), "بالغ");
    assert_string_equal(light("والدعم"), "دعم"); /* و + الدعم */
}

/* Snowball strips a lone و ف ب ك ل whenever three letters remain; where the
 * light stemmer kept that letter, the index keeps it too, so that وزارة is
 * not زار ("visited") and وسائل is not سائل ("liquid"). */
static void test_snowball_keeps_root_letters(void **state)
{
    (void)state;
    mz_stemmer *sb = mz_stemmer_new(true);
    assert_non_null(sb);
    static const char *const pairs[][2] = {
        {"وزارة", "زار"}, {"وسائل", "سائل"}, {"وعود", "عودة"}, {"بيان", "يان"},
        {"فريق", "ريق"},  {"وزير", "زير"},   {"فلسطين", "لسطين"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        char a[128];
        strcpy(a, stem(sb, pairs[i][0]));
        if (strcmp(a, stem(sb, pairs[i][1])) == 0)
            fail_msg("%s and %s share the stem %s", pairs[i][0], pairs[i][1], a);
    }
    /* what Snowball adds is kept: a real clitic before a longer stem, and
     * suffixes the light stemmer leaves (مقاتلو like مقاتلين) */
    char a[128];
    strcpy(a, stem(sb, "مقاتلو"));
    assert_string_equal(stem(sb, "مقاتلين"), a);
    assert_string_equal(stem(sb, "وزارة"), stem(sb, "الوزارة"));
    mz_stemmer_free(sb);
}

static void test_suffixes_and_guards(void **state)
{
    (void)state;
    assert_string_equal(light("الرقة"), light("رقة"));
    assert_string_equal(light("قواتها"), "قوات");    /* stem keeps 3+ letters */
    assert_string_equal(light("سوري"), light("السوريين"));
    assert_string_equal(light("الحق"), "حق");        /* two-letter root after ال */
    assert_string_equal(light("الله"), "الله");      /* not "له" */
    assert_string_equal(light("والله"), "الله");
    assert_string_equal(light("لله"), "الله");
    assert_string_equal(light("ولله"), "الله");
    assert_string_equal(light("فلله"), "الله");
    assert_string_equal(light("هم"), "هم");
    assert_string_equal(light("ال"), "ال");
}

static void test_non_arabic_and_edges(void **state)
{
    (void)state;
    assert_string_equal(light("reuters"), "reuters");
    assert_string_equal(light("2017"), "2017");
    assert_string_equal(light(""), "");
    /* A 300-letter "word" is returned unchanged (bounded work). */
    char w[601];
    for (int i = 0; i < 600; i += 2)
        memcpy(w + i, "ب", 2);
    w[600] = '\0';
    char out[1024];
    assert_int_equal(mz_stem_light(w, 600, out, sizeof out), 600);
    /* Small output buffers are respected. */
    assert_int_equal(mz_stem_light("مفاوضات", strlen("مفاوضات"), out, 5), 4);
    assert_int_equal(strlen(out), 4);
    mz_stemmer *st = mz_stemmer_new(true);
    size_t n = 0;
    assert_non_null(mz_stemmer_stem(st, w, 600, &n));
    assert_true(n > 0 && n <= 600);
    /* A word too long to stem, cut to fit the output, is cut between
     * characters: a scrape that lost its spaces (80 letters) into a 96-byte
     * buffer, and a 100-character Chinese run through the stemmer. */
    char glued[512] = "";
    for (int i = 0; i < 5; i++)
        strcat(glued, "وقالتوزارهالدفاع"); /* 16 letters */
    size_t gl = mz_stem_light(glued, strlen(glued), out, 96);
    assert_true(gl == 94 && mz_utf8_check(out, gl, NULL) == MZ_OK);
    char cjk[301];
    for (int i = 0; i < 300; i += 3)
        memcpy(cjk + i, "\xE4\xB8\xAD", 3); /* 中 */
    const char *r = mz_stemmer_stem(st, cjk, 300, &n);
    assert_true(n > 0 && n % 3 == 0 && mz_utf8_check(r, n, NULL) == MZ_OK);
    mz_stemmer_free(st);
    mz_stemmer_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_issue_conflation),
        cmocka_unit_test(test_root_letters_kept),
        cmocka_unit_test(test_snowball_keeps_root_letters),
        cmocka_unit_test(test_suffixes_and_guards),
        cmocka_unit_test(test_non_arabic_and_edges),
    };
    return cmocka_run_group_tests_name("text/stem", tests, NULL, NULL);
}
