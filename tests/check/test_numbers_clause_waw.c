/* test_numbers_clause_waw.c — a value's clause names the claim's act when
 * its word carries و (src/check/numbers_other_story.c: stems_of): the
 * stemmer takes the و off «وبرأت» and stops (برات), while the claim's
 * «برأت» loses its ب as a preposition (رات), so the court story's
 * «وبرأت 3 متهمين من أصل 14 متهما» read as a figure of another thing
 * (of_other) for the claim «برأت المحكمة 5 متهمين», and that source was
 * not one giving another figure than the claim's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "check/check.h"

static bool names_claim(const char *claim, const char *s, const char *value, const char *noun)
{
    mz_claim_stems cs;
    mz_claim_stems_of(claim, &cs);
    const char *v = strstr(s, value);
    assert_non_null(v);
    return mz_num_clause_names_claim(&cs, s, strlen(s), (size_t)(v - s),
                                     (size_t)(v - s) + strlen(value), noun);
}

static void test_waw_meets_the_claims_word(void **state)
{
    (void)state;
    const char *claim = "برأت المحكمة 5 متهمين في قضية ميناء الشمال";
    assert_true(names_claim(claim,
                            "فقضت بسجن الوزير السابق 7 سنوات، وبرأت 3 متهمين من أصل 14 متهما.",
                            "3", "متهمين"));
    /* the word without its و is the claim's too */
    assert_true(names_claim(claim, "وقالت المصادر، برأت 3 متهمين من أصل 14 متهما.", "3", "متهمين"));
    /* a clause of another act names none of the claim's words */
    assert_false(names_claim(claim, "فقضت بسجن الوزير، وحكمت على 10 متهمين آخرين بالسجن.", "10",
                             "متهمين"));
    /* a word that is و and two letters keeps its و: «وزن» is no «زن» */
    assert_false(names_claim("زن الطبيب 40 طفلا", "وقال، وزن 40 طفلا في المركز.", "40", "طفلا"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_waw_meets_the_claims_word),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
