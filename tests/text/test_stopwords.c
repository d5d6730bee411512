/* test_stopwords.c — the MSA news stopword list: lookups, order, normal form. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text/text.h"

size_t mz_stopword_count(void);
const char *mz_stopword_at(size_t i);

static bool stop(const char *w)
{
    char *n;
    size_t nl;
    assert_int_equal(mz_normalize(w, strlen(w), &n, &nl, NULL, NULL), MZ_OK);
    bool r = mz_is_stopword(n, nl);
    free(n);
    return r;
}

/* mz_is_stopword_as_written on w as written, with its normalized form. */
static bool stop_as_written(const char *w)
{
    char *n;
    size_t nl;
    assert_int_equal(mz_normalize(w, strlen(w), &n, &nl, NULL, NULL), MZ_OK);
    bool r = mz_is_stopword_as_written(w, strlen(w), n, nl);
    free(n);
    return r;
}

/* Content words that normalize like a function word are told apart by their
 * spelling; where the spelling is ambiguous the word stays a stopword. */
static void test_spelling_tells_content(void **state)
{
    (void)state;
    const char *content[] = {"آلية", "الية", "آلِيَّة", "آليةـ", "آلي", "إمام", "أثر", "منة",
                             "علي", "وعلي", "عليٌّ"}; /* Ali, not على */
    for (size_t i = 0; i < sizeof content / sizeof *content; i++) {
        assert_true(stop(content[i])); /* the normalized form alone says stopword */
        assert_false(stop_as_written(content[i]));
    }
    const char *glue[] = {"إليه", "اليه", "إلى", "الى", "أمام", "امام", "إثر", "اثر",
                          "ثمة", "عدة", "غالبية", "منه", "عليه", "إنّ", "في",
                          "على", "وعلى", "عَلَى"};
    for (size_t i = 0; i < sizeof glue / sizeof *glue; i++)
        assert_true(stop_as_written(glue[i]));
    assert_false(stop_as_written("مفاوضات"));
}

static void test_common_glue(void **state)
{
    (void)state;
    const char *yes[] = {"في", "من", "إلى", "على", "عن", "هذا", "التي", "الذي", "كان", "يكون",
                         "قال", "وقال", "وأضاف", "أوضح", "أن", "إنّ", "لم", "لن", "قد", "هؤلاء",
                         "حتى", "بعد", "ذلك"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(stop(yes[i]));
    const char *no[] = {"داعش", "الرقة", "مفاوضات", "قوات", "سوريا", "مقتل", "نفى", "الجيش", ""};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(stop(no[i]));
    /* Prefix of an entry, and entry plus a letter, are not stopwords. */
    assert_false(mz_is_stopword("ال", 4) && mz_is_stopword("الذ", 6));
    assert_false(mz_is_stopword("قالوا", strlen("قالوا")));
}

static void test_list_sorted_normalized(void **state)
{
    (void)state;
    size_t n = mz_stopword_count();
    assert_true(n >= 200 && n <= 400);
    for (size_t i = 0; i < n; i++) {
        const char *w = mz_stopword_at(i);
        if (i)
            assert_true(strcmp(mz_stopword_at(i - 1), w) < 0); /* strictly sorted by bytes */
        char *norm;
        size_t nl;
        assert_int_equal(mz_normalize(w, strlen(w), &norm, &nl, NULL, NULL), MZ_OK);
        assert_string_equal(norm, w);
        free(norm);
        assert_true(mz_is_stopword(w, strlen(w)));
    }
    assert_null(mz_stopword_at(n));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_common_glue),
        cmocka_unit_test(test_spelling_tells_content),
        cmocka_unit_test(test_list_sorted_normalized),
    };
    return cmocka_run_group_tests_name("text/stopwords", tests, NULL, NULL);
}
