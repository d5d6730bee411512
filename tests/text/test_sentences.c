/* test_sentences.c — sentence splitting with quotes, numbers, abbreviations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

/* Sentences joined by " || ", each checked against the offsets. */
static char *split(const char *s)
{
    static char buf[8192];
    mz_sentences out = {0};
    assert_int_equal(mz_split_sentences(s, strlen(s), &out), MZ_OK);
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < out.n; i++) {
        mz_span32 sp = out.v[i];
        assert_true(sp.start < sp.end);
        assert_true(sp.end <= strlen(s));
        if (i)
            assert_true(sp.start >= out.v[i - 1].end);
        assert_true(s[sp.start] != ' ' && s[sp.end - 1] != ' ' && s[sp.end - 1] != '\n');
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%.*s", i ? " || " : "",
                              (int)(sp.end - sp.start), s + sp.start);
    }
    mz_sentences_clear(&out);
    return buf;
}

static void test_terminators(void **state)
{
    (void)state;
    assert_string_equal(split("سيطرت القوات على الحي. وأعلنت الحملة مقتل القيادي! هل انسحب التنظيم؟ لا؛ بقي"),
                        "سيطرت القوات على الحي. || وأعلنت الحملة مقتل القيادي! || "
                        "هل انسحب التنظيم؟ || لا؛ || بقي");
    assert_string_equal(split("ماذا حدث؟! لا أحد يعرف... ثم انتهى…  وعاد"),
                        "ماذا حدث؟! || لا أحد يعرف... || ثم انتهى… || وعاد");
}

static void test_line_breaks(void **state)
{
    (void)state;
    assert_string_equal(split("مفاوضات لتسليم الرقة\n\nتمكنت القوات من التقدم\nوقال مصدر إن\r\nالوفد خرج"),
                        "مفاوضات لتسليم الرقة || تمكنت القوات من التقدم || وقال مصدر إن || الوفد خرج");
}

static void test_numbers_and_abbreviations(void **state)
{
    (void)state;
    assert_string_equal(split("بلغ النمو 3.5 في المئة يوم 11.10.2017 وفق التقرير. ثم تراجع."),
                        "بلغ النمو 3.5 في المئة يوم 11.10.2017 وفق التقرير. || ثم تراجع.");
    assert_string_equal(split("قال د. محمد إن م. أحمد وصل. ونقل J. Smith عن Dr. Jones كلاما عن U.S. Army."),
                        "قال د. محمد إن م. أحمد وصل. || ونقل J. Smith عن Dr. Jones كلاما عن U.S. Army.");
    assert_string_equal(split("قال د . محمد إن القوات U . S . وصلت . ثم عادت ."),
                        "قال د . محمد إن القوات U . S . وصلت . || ثم عادت .");
    assert_string_equal(split("زوروا www.enabbaladi.net للمزيد. شكرا"),
                        "زوروا www.enabbaladi.net للمزيد. || شكرا");
    /* a letter written onto a number is its unit (1950م = AD, 1438هـ = AH):
     * the period after it ends the sentence; a spaced one stays an initial */
    assert_string_equal(split("ولد عام 1950م. وتوفي عام 2017م. في 1438هـ. وبعدها"),
                        "ولد عام 1950م. || وتوفي عام 2017م. || في 1438هـ. || وبعدها");
    /* set off by a space (scrapes space the period off too), the era letter
     * still ends the sentence; another one-letter word after a number is an
     * initial */
    assert_string_equal(split("نزحوا منذ 2016 م . وأضاف أن الوضع صعب في 1438 هـ. وبعدها"),
                        "نزحوا منذ 2016 م . || وأضاف أن الوضع صعب في 1438 هـ. || وبعدها");
    assert_string_equal(split("التقى في 2016 د. محمد سالم"), "التقى في 2016 د. محمد سالم");
    assert_string_equal(split("تأسست في م. 2017 ثم توسعت."), "تأسست في م. 2017 ثم توسعت.");
}

static void test_quotes_stay_together(void **state)
{
    (void)state;
    /* Closing quotes and brackets go with the sentence they close. */
    assert_string_equal(split("وقالت الحملة «حررنا الحي.» وأضافت أن القتال مستمر."),
                        "وقالت الحملة «حررنا الحي.» || وأضافت أن القتال مستمر.");
    assert_string_equal(split("قال «لن نتفاوض. سنقاتل» ثم غادر. (انتهى.) وعاد"),
                        "قال «لن نتفاوض. سنقاتل» ثم غادر. || (انتهى.) || وعاد");
    assert_string_equal(split("وصف الهجوم بـ“الإرهابي!” ورحل"), "وصف الهجوم بـ“الإرهابي!” ورحل");
    assert_string_equal(split("قالوا: \"انتهى الأمر.\" ثم ذهبوا"),
                        "قالوا: \"انتهى الأمر.\" || ثم ذهبوا");
    /* An unclosed « does not swallow the text. */
    assert_string_equal(split("قال «لن نتفاوض. سنقاتل"), "قال «لن نتفاوض. || سنقاتل");
    /* Straight quotes keep a quotation whole as «» do; an unclosed one, an
     * inch mark or a closing quote glued to a word opens nothing. */
    assert_string_equal(split("وقال المتحدث \"لم نتلق أي طلب. الملف مغلق\" ثم غادر. وعاد"),
                        "وقال المتحدث \"لم نتلق أي طلب. الملف مغلق\" ثم غادر. || وعاد");
    assert_string_equal(split("وأضاف: \"نحن ننفي ذلك. لا صحة له.\" وانتهى المؤتمر."),
                        "وأضاف: \"نحن ننفي ذلك. لا صحة له.\" || وانتهى المؤتمر.");
    assert_string_equal(split("قال \"لن نتفاوض. سنقاتل"), "قال \"لن نتفاوض. || سنقاتل");
    /* an unclosed one does not pair with the next quotation's opening */
    assert_string_equal(split("قال \"نعم. ثم ذهب إلى البيت. وقال المصدر \"لا شيء\" للصحفيين."),
                        "قال \"نعم. || ثم ذهب إلى البيت. || وقال المصدر \"لا شيء\" للصحفيين.");
    assert_string_equal(split("شاشة 55\" بسعر مرتفع. ثم \"عرض\" آخر."),
                        "شاشة 55\" بسعر مرتفع. || ثم \"عرض\" آخر.");
    /* An elision mark inside brackets shortens a quotation; it ends nothing. */
    assert_string_equal(split("وقال إن «الاتفاق (...) لم يكن نهائيا» وفق البيان. ثم غادر"),
                        "وقال إن «الاتفاق (...) لم يكن نهائيا» وفق البيان. || ثم غادر");
    assert_string_equal(split("نص البيان [...] انتهى هنا. و( … ) أيضا."),
                        "نص البيان [...] انتهى هنا. || و( … ) أيضا.");
    assert_string_equal(split("قال (...)"), "قال (...)");
    assert_string_equal(split("قال (... ثم مضى. وعاد"), "قال (... || ثم مضى. || وعاد");
}

static void test_trimming_and_empty(void **state)
{
    (void)state;
    assert_string_equal(split(""), "");
    assert_string_equal(split("   \n\n\t "), "");
    assert_string_equal(split("... !!! ؟\n---\n***"), "");
    assert_string_equal(split("\u200f  داعش  \u200f"), "داعش");
    assert_string_equal(split("\xff\xfe بيان."), "\xff\xfe بيان.");
    /* a diacritic or tatweel ending an unpunctuated line belongs to its
     * letter: the span keeps it (only the RLM after it goes) */
    assert_string_equal(split("قَالَ الرَّئِيسُ\nوَصَلَ الوَفْدُ \u200f\nفي عام 1438 هـ\nانتهى"),
                        "قَالَ الرَّئِيسُ || وَصَلَ الوَفْدُ || في عام 1438 هـ || انتهى");
    /* the isolated and medial forms of the harakat (U+FE70..U+FE7F, as
     * PDF extraction leaves them) are marks like the harakat: a line of
     * them holds no sentence */
    assert_string_equal(split("انتهى.\n\ufe76 \ufe7c\ufe70\nوعاد"), "انتهى. || وعاد");
}

static void test_offsets_and_long_input(void **state)
{
    (void)state;
    const char *s = "  أعلنت القوات.  ونفى التنظيم.  ";
    mz_sentences out = {0};
    assert_int_equal(mz_split_sentences(s, strlen(s), &out), MZ_OK);
    assert_int_equal(out.n, 2);
    assert_int_equal(out.v[0].start, 2);
    assert_memory_equal(s + out.v[1].start, "ونفى", strlen("ونفى"));
    assert_int_equal(out.v[1].end, strlen(s) - 2);
    mz_sentences_clear(&out);
    /* 20,000 sentences, and one 100 KB line without any terminator. */
    size_t reps = 20000;
    const char *u = "قتل 11 عنصرا. ";
    size_t ul = strlen(u);
    char *big = malloc(reps * ul + 1);
    for (size_t i = 0; i < reps; i++)
        memcpy(big + i * ul, u, ul);
    assert_int_equal(mz_split_sentences(big, reps * ul, &out), MZ_OK);
    assert_int_equal(out.n, reps);
    mz_sentences_clear(&out);
    for (size_t i = 0; i < reps * ul; i++)
        if (big[i] == '.')
            big[i] = ',';
    assert_int_equal(mz_split_sentences(big, reps * ul, &out), MZ_OK);
    assert_int_equal(out.n, 1);
    mz_sentences_clear(&out);
    free(big);
    /* 500 KB of unbalanced « on one line: linear, not 1000 bytes per «. */
    size_t ql = 500000;
    char *q = malloc(ql + 1);
    for (size_t i = 0; i < ql; i += 2)
        memcpy(q + i, "\xc2\xab", 2);
    q[ql] = '\0';
    assert_int_equal(mz_split_sentences(q, ql, &out), MZ_OK);
    assert_int_equal(out.n, 0);
    mz_sentences_clear(&out);
    free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_terminators),
        cmocka_unit_test(test_line_breaks),
        cmocka_unit_test(test_numbers_and_abbreviations),
        cmocka_unit_test(test_quotes_stay_together),
        cmocka_unit_test(test_trimming_and_empty),
        cmocka_unit_test(test_offsets_and_long_input),
    };
    return cmocka_run_group_tests_name("text/sentences", tests, NULL, NULL);
}
