/* test_utf8.c — strict UTF-8 validation with byte offsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

static size_t bad_at(const char *s, size_t len)
{
    size_t off = 12345;
    mz_status st = mz_utf8_check(s, len, &off);
    return st == MZ_OK ? (size_t)-1 : off;
}

/* «أفرج لواء الوادي عن 40 أسيرا» in Windows-1256, as `iconv -t CP1256` writes it. */
#define CP1256_CLAIM "\xc3\xdd\xd1\xcc \xe1\xe6\xc7\xc1 \xc7\xe1\xe6\xc7\xcf\xed \xda\xe4 40 \xc3\xd3\xed\xd1\xc7"
/* The same claim in ISO-8859-6 (`iconv -t ISO-8859-6`). */
#define ISO8859_6_CLAIM "\xc3\xe1\xd1\xcc \xe4\xe8\xc7\xc1 \xc7\xe4\xe8\xc7\xcf\xea \xd9\xe6 40 \xc3\xd3\xea\xd1\xc7"

static void test_legacy_hint(void **state)
{
    (void)state;
    const char *cp = CP1256_CLAIM;
    assert_int_equal(bad_at(cp, strlen(cp)), 0);
    assert_non_null(strstr(mz_utf8_hint(cp, strlen(cp)), "iconv -f WINDOWS-1256 -t UTF-8"));
    /* UTF-8 Arabic with one bad byte: half its high bytes are continuation bytes */
    const char *broken = "أفرج لواء الوادي عن 40 أسيرا \xd8";
    assert_int_equal(bad_at(broken, strlen(broken)), strlen(broken) - 1);
    assert_string_equal(mz_utf8_hint(broken, strlen(broken)), "");
    /* Latin-1 French: a few high bytes among many ASCII letters */
    const char *latin1 = "caf\xe9 r\xe9sum\xe9 na\xefve d\xe9j\xe0 vu";
    assert_string_equal(mz_utf8_hint(latin1, strlen(latin1)), "");
    /* The same claim in ISO-8859-6, the other legacy Arabic code page: the
     * Windows-1256 command would turn it into valid UTF-8 mojibake, which
     * ingest would store (the hint used to name Windows-1256 for it). */
    const char *iso = ISO8859_6_CLAIM;
    const char *h = mz_utf8_hint(iso, strlen(iso));
    assert_non_null(strstr(h, "iconv -f ISO-8859-6 -t UTF-8"));
    assert_null(strstr(h, "WINDOWS-1256"));
    /* KOI8-R Russian fills 0xC1..0xDF as Arabic does: no Arabic command */
    const char *koi8 = "\xf0\xd2\xc1\xd7\xc9\xd4\xc5\xcc\xd8\xd3\xd4\xd7\xcf\x20\xcf\xc2\xdf"
                       "\xd1\xd7\xc9\xcc\xcf\x20\xd3\xc5\xc7\xcf\xc4\xce\xd1";
    assert_string_equal(mz_utf8_hint(koi8, strlen(koi8)), "");
    /* UTF-16, with its byte order mark or without (Arabic and spaces, LE) */
    assert_non_null(strstr(mz_utf8_hint("\xff\xfe\x46\x06", 4), "iconv -f UTF-16 -t UTF-8"));
    static const char u16le[] = "\x48\x06\x32\x06\x27\x06\x31\x06\x29\x06\x20\x00\x27\x06"
                                "\x44\x06\x45\x06\x27\x06\x44\x06\x4a\x06\x29\x06";
    assert_int_equal(mz_utf16_guess(u16le, sizeof u16le - 1), 'L');
    assert_int_equal(mz_utf16_guess(u16le + 1, sizeof u16le - 2), 'B');
    assert_non_null(strstr(mz_utf8_hint(u16le, sizeof u16le - 1), "iconv -f UTF-16LE -t UTF-8"));
    assert_int_equal(mz_utf16_guess("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), 0);
    /* too little to tell */
    assert_string_equal(mz_utf8_hint("\xc3\xdd", 2), "");
    assert_string_equal(mz_utf8_hint("", 0), "");
}

static void test_valid_arabic_and_mixed(void **state)
{
    (void)state;
    const char *s = "قالت وكالة AFP إن 85% من سكان الرقة (١٥ ألفاً) غادروا 🙂";
    assert_int_equal(mz_utf8_check(s, strlen(s), NULL), MZ_OK);
    assert_int_equal(mz_utf8_check("", 0, NULL), MZ_OK);
    /* Boundaries: U+007F, U+0080, U+07FF, U+0800, U+FFFF, U+10000, U+10FFFF. */
    const char *edges = "\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf";
    assert_int_equal(bad_at(edges, strlen(edges)), (size_t)-1);
}

static void test_invalid_offsets(void **state)
{
    (void)state;
    /* "سوريا" is 10 bytes; the bad byte follows it. */
    char buf[64];
    const char *bad[] = {
        "\xc0\xaf",         /* overlong '/' */
        "\xe0\x80\xaf",     /* overlong 3-byte */
        "\xf0\x80\x80\xaf", /* overlong 4-byte */
        "\xed\xa0\x80",     /* surrogate U+D800 */
        "\xed\xbf\xbf",     /* surrogate U+DFFF */
        "\xf4\x90\x80\x80", /* U+110000 */
        "\xf5\x80\x80\x80", /* lead byte F5 */
        "\xff",             /* never valid */
        "\x80",             /* lone continuation */
        "\xd8",             /* truncated Arabic letter */
        "\xe2\x80",         /* truncated 3-byte */
    };
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        size_t n = (size_t)snprintf(buf, sizeof buf, "سوريا%s", bad[k]);
        assert_int_equal(bad_at(buf, n), 10);
    }
    /* The offset is of the first bad byte even with good text after it. */
    const char *s = "نفى\xd8 البيان";
    assert_int_equal(bad_at(s, strlen(s)), 6);
    /* Truncated at the very end of the buffer (length cuts a letter). */
    const char *t = "داعش";
    assert_int_equal(bad_at(t, 7), 6);
}

static void test_decode_encode_roundtrip(void **state)
{
    (void)state;
    const uint32_t cps[] = {0x41, 0x627, 0x7FF, 0x800, 0xFDF2, 0xFFFD, 0x10000, 0x1F642, 0x10FFFF};
    for (size_t k = 0; k < sizeof cps / sizeof *cps; k++) {
        char b[4];
        int n = mz_utf8_encode(cps[k], b);
        uint32_t cp = 0;
        assert_int_equal(mz_utf8_decode(b, (size_t)n, 0, &cp), n);
        assert_int_equal(cp, cps[k]);
        assert_int_equal(mz_utf8_decode(b, (size_t)n - 1, 0, &cp) == 0, n > 1);
    }
}

static void test_cp_offset(void **state)
{
    (void)state;
    const char *s = "في 2017 قُتل";
    assert_int_equal(mz_utf8_cp_offset(s, 0), 0);
    assert_int_equal(mz_utf8_cp_offset(s, 4), 2);   /* "في" = 4 bytes */
    assert_int_equal(mz_utf8_cp_offset(s, strlen(s)), 12);
}

/* A cut before the word the limit falls in; a long run of letters is cut
 * at the limit itself. */
static void test_cut_words(void **state)
{
    (void)state;
    const char *s = "نفت قسد وجود مفاوضات"; /* 3 + 1 + 3 + 1 + 4 + 1 + 7 code points */
    size_t n = strlen(s);
    assert_int_equal(mz_utf8_cut_words(s, n, 100), n);         /* it all fits */
    assert_int_equal(mz_utf8_cut_words(s, n, 20), n);          /* exactly */
    assert_int_equal(mz_utf8_cut_words(s, n, 19), strlen("نفت قسد وجود"));
    assert_int_equal(mz_utf8_cut_words(s, n, 16), strlen("نفت قسد وجود")); /* inside مفاوضات */
    assert_int_equal(mz_utf8_cut_words(s, n, 13), strlen("نفت قسد وجود")); /* after the space */
    assert_int_equal(mz_utf8_cut_words(s, n, 14), strlen("نفت قسد وجود")); /* trailing space left out */
    assert_int_equal(mz_utf8_cut_words(s, n, 2), strlen("نف")); /* no word ends before */
    char run[200] = "في ";
    for (int i = 0; i < 40; i++)
        strcat(run, "x");
    /* the word began 35 code points before the limit: cut at the limit */
    assert_int_equal(mz_utf8_cut_words(run, strlen(run), 38), strlen("في ") + 35);
    /* folded: leading blanks show nothing, a run of blanks one space */
    const char *pad = "\n  نفت\n\n    قسد      وجود مفاوضات";
    size_t pn = strlen(pad);
    assert_int_equal(mz_utf8_cut_words_folded(pad, pn, 20), pn); /* shows 20 */
    assert_int_equal(mz_utf8_cut_words_folded(pad, pn, 19), strlen("\n  نفت\n\n    قسد      وجود"));
    assert_int_equal(mz_utf8_cut_words_folded(pad, pn, 8), strlen("\n  نفت\n\n    قسد"));
    assert_int_equal(mz_utf8_cut_words(pad, pn, 20), strlen("\n  نفت\n\n    قسد"));
}

static void test_repair(void **state)
{
    (void)state;
    char *r = mz_utf8_repair("تقرير\xff-\xd8.txt");
    assert_string_equal(r, "تقرير\xEF\xBF\xBD-\xEF\xBF\xBD.txt");
    free(r);
    r = mz_utf8_repair("سليم.txt"); /* valid text comes back unchanged */
    assert_string_equal(r, "سليم.txt");
    free(r);
    r = mz_utf8_repair("\xed\xa0\x80"); /* a UTF-16 surrogate: three bad bytes */
    assert_string_equal(r, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    free(r);
    r = mz_utf8_repair("");
    assert_string_equal(r, "");
    free(r);
    assert_null(mz_utf8_repair(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_arabic_and_mixed),
        cmocka_unit_test(test_invalid_offsets),
        cmocka_unit_test(test_decode_encode_roundtrip),
        cmocka_unit_test(test_cp_offset),
        cmocka_unit_test(test_repair),
        cmocka_unit_test(test_cut_words),
        cmocka_unit_test(test_legacy_hint),
    };
    return cmocka_run_group_tests_name("text/utf8", tests, NULL, NULL);
}
