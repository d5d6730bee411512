/* test_normalize.c — the matching form of Arabic text and its offset map. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text/text.h"

static char *norm(const char *s)
{
    char *out;
    size_t n;
    mz_error err;
    assert_int_equal(mz_normalize(s, strlen(s), &out, &n, NULL, &err), MZ_OK);
    assert_int_equal(strlen(out), n);
    return out;
}

#define assert_norm(in, want)               \
    do {                                    \
        char *got_ = norm(in);              \
        assert_string_equal(got_, want);    \
        free(got_);                         \
    } while (0)

static void test_diacritics_and_tatweel(void **state)
{
    (void)state;
    assert_norm("تَمَكَّنَتْ", "تمكنت");
    assert_norm("حيّ الرومانيّة", "حي الرومانيه");
    assert_norm("كِتَابٌ", "كتاب");
    assert_norm("الرحمٰن", "الرحمن");           /* superscript alef */
    assert_norm("جـــــــديد", "جديد");          /* tatweel run */
    assert_norm("ـــــ", "");
    assert_norm("\u0651\u064e", "");              /* lone shadda + fatha */
    assert_norm("ذٰلِكَ ۖ", "ذلك ");               /* Quranic pause mark */
}

static void test_letter_variants(void **state)
{
    (void)state;
    assert_norm("أعلن إبراهيم آمال ٱلله", "اعلن ابراهيم امال الله");
    assert_norm("مستشفى", "مستشفي");
    assert_norm("الرقة", "الرقه");
    assert_norm("مؤتمر", "موتمر");
    assert_norm("رئيس", "رييس");
    /* the Egyptian seat of hamza before waw meets the common one */
    assert_norm("مسئول المسؤول شئون شؤون رءوف رؤوف", "مسوول المسوول شوون شوون رووف رووف");
    assert_norm("مسئُول", "مسوول"); /* a diacritic between them */
    assert_norm("هيئة بيئي ئ و", "هييه بييي ي و"); /* elsewhere ئ stays ي */
    assert_norm("ءؤ", "وو"); /* the waw as normalized: normalizing again changes nothing */
    assert_norm("ءءئو ئءو ءءي", "وووو ووو ءءي"); /* a run of hamzas before waw turns whole */
    assert_norm("کتاب ی ہ", "كتاب ي ه");    /* Persian/Urdu keheh, yeh, heh goal */
    assert_norm("ڤلاديمير پوتين", "فلاديمير بوتين"); /* veh, peh */
}

static void test_digits_and_latin(void **state)
{
    (void)state;
    assert_norm("١٥ و۲۰۱۷", "15 و2017");
    assert_norm("٨٥٪", "85%");
    assert_norm("Reuters AFP ÉTÉ Ł", "reuters afp été ł");
}

static void test_presentation_forms_and_invisibles(void **state)
{
    (void)state;
    assert_norm("\uFEFB", "لا");       /* lam-alef ligature */
    assert_norm("\uFDF2", "الله");
    assert_norm("\uFE8D\uFEDF\uFEE4\uFEF4\uFE8E\uFE93", "المياه"); /* ا ل م ي ا ة forms */
    assert_norm("\uFE87", "ا");        /* alef with hamza below, isolated */
    assert_norm("\uFE70", "");         /* isolated fathatan */
    assert_norm("\u200Fداعش\u200E \u202Bقوات\u202C\uFEFF", "داعش قوات");
    assert_norm("لا\u200Cيمكن", "لايمكن");
}

static void test_offsets_map_back(void **state)
{
    (void)state;
    const char *s = "قُتِلَ «أبو خطاب» في ٢٠١٧ \uFEFB";
    char *out;
    size_t n, *off;
    assert_int_equal(mz_normalize(s, strlen(s), &out, &n, &off, NULL), MZ_OK);
    assert_string_equal(out, "قتل «ابو خطاب» في 2017 لا");
    assert_int_equal(off[n], strlen(s));
    /* Every output byte maps to the start of the character that made it,
     * and the map never goes backwards. */
    for (size_t i = 0; i < n; i++) {
        assert_true(off[i] < strlen(s));
        assert_true(((unsigned char)s[off[i]] & 0xC0) != 0x80);
        if (i)
            assert_true(off[i] >= off[i - 1]);
    }
    /* "ابو" starts where "أبو" starts in the original. */
    const char *a = strstr(out, "ابو");
    assert_int_equal(off[a - out], (size_t)(strstr(s, "أبو") - s));
    /* "2017" maps back to "٢٠١٧". */
    const char *y = strstr(out, "2017");
    assert_int_equal(off[y - out], (size_t)(strstr(s, "٢٠١٧") - s));
    assert_int_equal(off[y - out + 3], (size_t)(strstr(s, "٧") - s));
    /* Both bytes of "لا" come from the one ligature. */
    assert_int_equal(off[n - 1], strlen(s) - 3);
    assert_int_equal(off[n - 4], strlen(s) - 3);
    free(out);
    free(off);
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    const char *s = "داعش \xed\xa0\x80";
    char *out = (char *)1;
    size_t n = 7, *off = (size_t *)1;
    mz_error err;
    assert_int_equal(mz_normalize(s, strlen(s), &out, &n, &off, &err), MZ_ERR_UTF8);
    assert_null(out);
    assert_null(off);
    assert_int_equal(n, 0);
    assert_int_equal(err.code, MZ_ERR_UTF8);
    assert_non_null(strstr(err.msg, "9"));
    /* NULL text with a length, or no output: MZ_ERR_ARG, not a crash */
    off = (size_t *)1;
    assert_int_equal(mz_normalize(NULL, 3, &out, &n, &off, &err), MZ_ERR_ARG);
    assert_null(off);
    assert_int_equal(mz_normalize(s, 3, NULL, &n, NULL, &err), MZ_ERR_ARG);
    assert_int_equal(mz_normalize(s, 3, &out, NULL, NULL, &err), MZ_ERR_ARG);
    assert_int_equal(mz_normalize(NULL, 0, &out, &n, NULL, &err), MZ_OK);
    assert_string_equal(out, "");
    free(out);
    size_t bad = 9;
    assert_int_equal(mz_utf8_check(NULL, 3, &bad), MZ_ERR_ARG);
    assert_int_equal(bad, 0);
    assert_int_equal(mz_utf8_check(NULL, 0, &bad), MZ_OK);
}

static void test_empty_and_long(void **state)
{
    (void)state;
    assert_norm("", "");
    size_t len = 300000;
    char *big = malloc(len + 1);
    for (size_t i = 0; i < len; i += 2)
        memcpy(big + i, "\xd9\x80", 2); /* tatweel x 150000 */
    big[len] = '\0';
    char *out;
    size_t n, *off;
    assert_int_equal(mz_normalize(big, len, &out, &n, &off, NULL), MZ_OK);
    assert_int_equal(n, 0);
    assert_int_equal(off[0], len);
    free(out);
    free(off);
    free(big);
}

static void test_normalize_cp(void **state)
{
    (void)state;
    uint32_t o[4];
    assert_int_equal(mz_normalize_cp(0x0623, o), 1);
    assert_int_equal(o[0], 0x0627);
    assert_int_equal(mz_normalize_cp(0x064E, o), 0);
    assert_int_equal(mz_normalize_cp(0xFEFB, o), 2);
    assert_int_equal(o[0], 0x0644);
    assert_int_equal(o[1], 0x0627);
    assert_int_equal(mz_normalize_cp(0xFDF2, o), 4);
    assert_int_equal(mz_normalize_cp(0xFDFA, o), 4); /* long ligature, cut at 4 */
    assert_int_equal(mz_normalize_cp(0x0665, o), 1);
    assert_int_equal(o[0], '5');
    assert_int_equal(mz_normalize_cp('Q', o), 1);
    assert_int_equal(o[0], 'q');
    assert_int_equal(mz_normalize_cp(0x1F642, o), 1);
    assert_int_equal(o[0], 0x1F642);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_diacritics_and_tatweel),
        cmocka_unit_test(test_letter_variants),
        cmocka_unit_test(test_digits_and_latin),
        cmocka_unit_test(test_presentation_forms_and_invisibles),
        cmocka_unit_test(test_offsets_map_back),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_empty_and_long),
        cmocka_unit_test(test_normalize_cp),
    };
    return cmocka_run_group_tests_name("text/normalize", tests, NULL, NULL);
}
