/* test_tokenize.c — words, Latin runs, numbers, punctuation, offsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/tables.h"
#include "text/text.h"

/* Renders tokens as "kind:norm" joined by '|' (W word, L latin, N number, P punct). */
static char *render(const char *s, bool punct)
{
    mz_tokens t = {0};
    assert_int_equal(mz_tokenize(s, strlen(s), punct, &t), MZ_OK);
    static char buf[4096];
    size_t o = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < t.n; i++) {
        const char k = "WLNP"[t.v[i].kind];
        o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%c:%s", i ? "|" : "", k, mz_tok_text(&t, i));
        assert_int_equal(strlen(mz_tok_text(&t, i)), t.v[i].norm_len);
        assert_true(t.v[i].start < t.v[i].end);
        assert_true(t.v[i].end <= strlen(s));
        if (i) /* in order, apart from the words of one ligature (ﷺ): one span */
            assert_true(t.v[i].start >= t.v[i - 1].end ||
                        (t.v[i].start == t.v[i - 1].start && t.v[i].end == t.v[i - 1].end));
    }
    mz_tokens_clear(&t);
    return buf;
}

static void test_arabic_words(void **state)
{
    (void)state;
    assert_string_equal(render("أعلنت قوات سوريّة الديمقراطية", false),
                        "W:اعلنت|W:قوات|W:سوريه|W:الديمقراطيه");
    assert_string_equal(render("  جـــــديد\t\n", false), "W:جديد");
    assert_string_equal(render("المسئولين والمسؤولين", false), "W:المسوولين|W:والمسوولين");
    /* عبدالله is the two tokens of عبد الله, each with its own span; so
     * after a one-letter clitic (وعبدالرحمن = وعبد الرحمن) */
    assert_string_equal(render("عبدالله وعبد الله وعبدالرحمن لعبدُالعزيز عبدال العبد", false),
                        "W:عبد|W:الله|W:وعبد|W:الله|W:وعبد|W:الرحمن|W:لعبد|W:العزيز|W:عبدال|W:العبد");
    mz_tokens ta = {0};
    const char *abd = "قال عبدُالله";
    assert_int_equal(mz_tokenize(abd, strlen(abd), false, &ta), MZ_OK);
    assert_int_equal(ta.n, 3);
    assert_int_equal(ta.v[1].start, strlen("قال "));
    assert_int_equal(ta.v[1].end, strlen("قال عبدُ"));
    assert_int_equal(ta.v[2].start, strlen("قال عبدُ"));
    assert_int_equal(ta.v[2].end, strlen(abd));
    mz_tokens_clear(&ta);
    assert_string_equal(render("ـــــ \u064e\u0651 \u200f", false), ""); /* nothing to index */
    assert_string_equal(render("\uFEFB\uFEE3", false), "W:لام");
    /* a medial fatha form (U+FE77) is a dropped mark, so it splits no word:
     * not a Latin one either */
    assert_string_equal(render("Tr\uFE77ump \uFE8D\uFEDF\uFEAA\uFE7D\uFEED\uFEDF\uFE94", false),
                        "L:trump|W:الدوله");
    /* ﷺ and ﷻ unfold into their words, each a token with the ligature's
     * span, and end a word they are written onto */
    assert_string_equal(render("النبي محمدﷺ قال", false),
                        "W:النبي|W:محمد|W:صلي|W:الله|W:عليه|W:وسلم|W:قال");
    assert_string_equal(render("الله ﷻ.", true), "W:الله|W:جل|W:جلاله|P:.");
    /* the rial sign is the word ريال, also written onto its number */
    assert_string_equal(render("دفع 500 \uFDFC والباقي 20\uFDFC.", true),
                        "W:دفع|N:500|W:ريال|W:والباقي|N:20|W:ريال|P:.");
    mz_tokens t = {0};
    const char *s = "محمدﷺ";
    assert_int_equal(mz_tokenize(s, strlen(s), false, &t), MZ_OK);
    assert_int_equal(t.n, 5);
    for (size_t i = 1; i < 5; i++) {
        assert_int_equal(t.v[i].start, strlen("محمد"));
        assert_int_equal(t.v[i].end, strlen(s));
    }
    mz_tokens_clear(&t);
}

static void test_numbers(void **state)
{
    (void)state;
    assert_string_equal(render("85% و3-4 و1.5 عام 2014 و١٥ في 11.10.2017", false),
                        "N:85%|W:و|N:3-4|W:و|N:1.5|W:عام|N:2014|W:و|N:15|W:في|N:11.10.2017");
    assert_string_equal(render("٨٥٪ ٣٫٥ 1,500 10:30", false), "N:85%|N:3.5|N:1,500|N:10:30");
    assert_string_equal(render("بنسبة 85 % و 85  %", true), "W:بنسبه|N:85%|W:و|N:85|P:%");
    /* %85 and ٪85 (the sign typed first, as it displays right to left) are
     * the same number as 85%; a lone sign stays punctuation */
    assert_string_equal(render("بنسبة %85 و٪40 و%7% %", true), "W:بنسبه|N:85%|W:و|N:40%|W:و|N:7%|P:%");
    assert_string_equal(render("%85", false), "N:85%");
    /* the Arabic comma between digits is a decimal point inside the number,
     * written as the one a claim or another article may type: 2،5 = 2.5 = ٢٫٥ */
    assert_string_equal(render("2،5 مليون، 3، 4", true), "N:2.5|W:مليون|P:،|N:3|P:،|N:4");
    assert_string_equal(render("2.5 و٢٫٥ و2٫5", false), "N:2.5|W:و|N:2.5|W:و|N:2.5");
    /* ... as a decimal comma only: a list of years or numbers stays apart */
    assert_string_equal(render("2018،2019،2020 و3،4،5 و12،75", false),
                        "N:2018|N:2019|N:2020|W:و|N:3|N:4|N:5|W:و|N:12.75");
    /* A trailing period or dash is not part of the number. */
    assert_string_equal(render("عام 2017. ثم 5-", true), "W:عام|N:2017|P:.|W:ثم|N:5|P:-");
    /* Direction marks that right-to-left editors put by a number's sign or
     * separators (RLM U+200F, ALM U+061C) split nothing, as in a word: the
     * tokens are those of the text without them. */
    assert_string_equal(render("ارتفع 85\u200f% و%\u200f40 و1\u200f,500 و3\u061c.5 و85 \u200f%", true),
                        "W:ارتفع|N:85%|W:و|N:40%|W:و|N:1,500|W:و|N:3.5|W:و|N:85%");
    assert_string_equal(render("الأعوام 2018،\u200f2019 و12،\u200f75", false),
                        "W:الاعوام|N:2018|N:2019|W:و|N:12.75");
    assert_string_equal(render("3،\u200f4\u200f،5", false), "N:3|N:4|N:5");
    mz_tokens t = {0};
    const char *s = "بنسبة 85\u200f% تقريبا";
    assert_int_equal(mz_tokenize(s, strlen(s), false, &t), MZ_OK);
    assert_int_equal(t.n, 3);
    assert_int_equal(t.v[1].start, strlen("بنسبة "));
    assert_int_equal(t.v[1].end, strlen("بنسبة 85\u200f%"));
    mz_tokens_clear(&t);
}

static void test_mixed_scripts_split(void **state)
{
    (void)state;
    assert_string_equal(render("وكالةAFP بـCNN ISIS2014", false),
                        "W:وكاله|L:afp|W:ب|L:cnn|L:isis|N:2014");
    assert_string_equal(render("Reuters' DW.COM", true), "L:reuters|P:'|L:dw|P:.|L:com");
}

static void test_punctuation(void **state)
{
    (void)state;
    assert_string_equal(render("قال: «لا»، وأضاف؛ لماذا؟ “نعم”…!", true),
                        "W:قال|P::|P:«|W:لا|P:»|P:،|W:واضاف|P:؛|W:لماذا|P:؟|P:“|W:نعم|P:”|P:…|P:!");
    assert_string_equal(render("قال: «لا»، وأضاف", false), "W:قال|W:لا|W:واضاف");
}

static void test_offsets_in_original(void **state)
{
    (void)state;
    const char *s = "قُتِلَ أبو خطاب ٢٠١٧";
    mz_tokens t = {0};
    assert_int_equal(mz_tokenize(s, strlen(s), false, &t), MZ_OK);
    assert_int_equal(t.n, 4);
    assert_int_equal(t.v[0].start, 0);
    assert_int_equal(t.v[0].end, strlen("قُتِلَ"));
    assert_memory_equal(s + t.v[1].start, "أبو", t.v[1].end - t.v[1].start);
    assert_memory_equal(s + t.v[3].start, "٢٠١٧", t.v[3].end - t.v[3].start);
    assert_string_equal(mz_tok_text(&t, 3), "2017");
    /* reset keeps memory and appends from scratch */
    mz_tokens_reset(&t);
    assert_int_equal(mz_tokenize("داعش", strlen("داعش"), false, &t), MZ_OK);
    assert_int_equal(t.n, 1);
    assert_string_equal(mz_tok_text(&t, 0), "داعش");
    mz_tokens_clear(&t);
    assert_null(t.v);
}

static void test_invalid_bytes_skipped(void **state)
{
    (void)state;
    assert_string_equal(render("داعش\xff\xfeالرقة \xc0\xaf 12", true), "W:داعش|W:الرقه|N:12");
}

/* Checked tokenizing stops where mz_utf8_check does and keeps what came
 * before; on valid text it is mz_tokenize. */
static void test_checked(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "نفت \xd8 قسد",              /* truncated 2-byte sequence */
        "قسد 85\xc0\x80",            /* overlong NUL */
        "الرقة \xed\xa0\x80 داعش",   /* UTF-16 surrogate */
        "\x80الرقة",                  /* lone continuation byte first */
        "مقاتلين\xf4\x90\x80\x80",  /* above U+10FFFF, straight after a word */
    };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        size_t want, got = 0;
        assert_int_equal(mz_utf8_check(bad[k], strlen(bad[k]), &want), MZ_ERR_UTF8);
        mz_tokens t = {0};
        assert_int_equal(mz_tokenize_checked(bad[k], strlen(bad[k]), true, &t, &got), MZ_ERR_UTF8);
        assert_int_equal(got, want);
        for (size_t i = 0; i < t.n; i++)
            assert_true(t.v[i].end <= want);
        mz_tokens_clear(&t);
    }
    const char *ok = "نفت «قسد» إبرام اتفاق مع تنظيم داعش في 17/10/2017.";
    mz_tokens a = {0}, b = {0};
    size_t off = 0;
    assert_int_equal(mz_tokenize(ok, strlen(ok), true, &a), MZ_OK);
    assert_int_equal(mz_tokenize_checked(ok, strlen(ok), true, &b, &off), MZ_OK);
    assert_int_equal(off, strlen(ok));
    assert_int_equal(a.n, b.n);
    assert_memory_equal(a.v, b.v, a.n * sizeof *a.v);
    assert_memory_equal(a.norm, b.norm, a.norm_used);
    mz_tokens_clear(&a);
    mz_tokens_clear(&b);
}

static void test_long_input_and_word(void **state)
{
    (void)state;
    /* 100k words grow the arenas geometrically. */
    size_t reps = 100000;
    const char *w = "المفاوضات ";
    size_t wl = strlen(w);
    char *big = malloc(reps * wl + 1);
    for (size_t i = 0; i < reps; i++)
        memcpy(big + i * wl, w, wl);
    big[reps * wl] = '\0';
    mz_tokens t = {0};
    assert_int_equal(mz_tokenize(big, reps * wl, false, &t), MZ_OK);
    assert_int_equal(t.n, reps);
    assert_int_equal(t.v[reps - 1].start, (reps - 1) * wl);
    mz_tokens_clear(&t);
    free(big);
    /* One 200 KB "word" without spaces. */
    char *word = malloc(200001);
    for (size_t i = 0; i < 200000; i += 2)
        memcpy(word + i, "ب", 2);
    word[200000] = '\0';
    assert_int_equal(mz_tokenize(word, 200000, true, &t), MZ_OK);
    assert_int_equal(t.n, 1);
    assert_int_equal(t.v[0].norm_len, 200000);
    mz_tokens_clear(&t);
    free(word);
}

/* The words of s[0..len) the slow way, as "norm|norm|...": a word is a
 * letter (or Latin letter) and what follows of its class or marks, up to a
 * multi-word ligature (whose words come apart), normalized by mz_normalize
 * one code point at a time. Numbers, punctuation and the rest are skipped. */
static void slow_words(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    out[0] = '\0';
    while (i < len) {
        uint32_t cp;
        int n = mz_utf8_decode(s, len, i, &cp);
        int c = mz_cclass(cp);
        if (cp == 0xFDFA || cp == 0xFDFB) {
            char *norm, *w, *save;
            size_t nl;
            assert_int_equal(mz_normalize(s + i, (size_t)n, &norm, &nl, NULL, NULL), MZ_OK);
            for (w = strtok_r(norm, " ", &save); w; w = strtok_r(NULL, " ", &save))
                o += (size_t)snprintf(out + o, cap - o, "%s%s", o ? "|" : "", w);
            free(norm);
        }
        if ((c != MZ_C_LETTER && c != MZ_C_LATIN) || cp == 0xFDFA || cp == 0xFDFB) {
            i += (size_t)n;
            continue;
        }
        size_t j = i + (size_t)n;
        while (j < len) {
            int n2 = mz_utf8_decode(s, len, j, &cp);
            int c2 = mz_cclass(cp);
            if ((c2 != c && c2 != MZ_C_MARK) || cp == 0xFDFA || cp == 0xFDFB)
                break;
            j += (size_t)n2;
        }
        char *norm;
        size_t nl;
        assert_int_equal(mz_normalize(s + i, j - i, &norm, &nl, NULL, NULL), MZ_OK);
        if (nl)
            o += (size_t)snprintf(out + o, cap - o, "%s%s", o ? "|" : "", norm);
        free(norm);
        i = j;
    }
}

/* The word and Latin tokens of t from token `from` on, as slow_words gives them. */
static void fast_words(const mz_tokens *t, size_t from, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = from; i < t->n; i++)
        if (t->v[i].kind == MZ_TOK_WORD || t->v[i].kind == MZ_TOK_LATIN)
            o += (size_t)snprintf(out + o, cap - o, "%s%s", o ? "|" : "", mz_tok_text(t, i));
}

/* The word loop takes runs of Arabic letters (two-byte U+06xx code points)
 * in bulk and anything else one code point at a time (tokenize.c,
 * arabic_run). Both ways must give the words the slow way gives: every
 * U+06xx code point, inside a word and at its edges, next to hamzas
 * (whose runs the bulk path leaves to the other), marks, Latin letters and
 * a ligature; with the arena grown at every point of a word. */
static void test_arabic_run_agrees(void **state)
{
    (void)state;
    static const char *const pre[] = {"", "ب", "ء", "ئ", "أ", "بَ", "ـ", "a", "ﻻ", "ب "};
    static const char *const post[] = {"", "ب", "و", "ؤ", "ء", "ً", " ", "a", "ﷺ", "ئو", "ـو"};
    char s[64], want[512], got[512];
    for (uint32_t x = 0x600; x < 0x700; x++) {
        char xs[4];
        int xl = mz_utf8_encode(x, xs);
        for (size_t a = 0; a < sizeof pre / sizeof *pre; a++)
            for (size_t b = 0; b < sizeof post / sizeof *post; b++) {
                int len = snprintf(s, sizeof s, "%s%.*s%s%.*s%s", pre[a], xl, xs, post[b], xl, xs,
                                   post[b]);
                slow_words(s, (size_t)len, want, sizeof want);
                mz_tokens t = {0};
                assert_int_equal(mz_tokenize(s, (size_t)len, false, &t), MZ_OK);
                fast_words(&t, 0, got, sizeof got);
                if (strcmp(want, got) != 0)
                    fail_msg("U+%04X in \"%s\": want %s, got %s", (unsigned)x, s, want, got);
                mz_tokens_clear(&t);
            }
    }
    /* One text tokenized again and again into the same tokens: the arena
     * fills up, and grows, at each of its bytes in turn. */
    const char *text = "أعلنت قوات سوريّة الديمقراطيّة «قسد» أنّ المسئولين والمسؤولين رءوف وشئون "
                       "اللـــه إنّ ﻻ مستشفى ﷲ پاکستان A.B بِسْمِ";
    size_t tl = strlen(text);
    slow_words(text, tl, want, sizeof want);
    mz_tokens t = {0};
    for (int k = 0; k < 700; k++) {
        size_t from = t.n;
        assert_int_equal(mz_tokenize(text, tl, k & 1, &t), MZ_OK);
        fast_words(&t, from, got, sizeof got);
        assert_string_equal(got, want);
    }
    mz_tokens_clear(&t);
}

/* The first word into a fresh mz_tokens (no arena yet: norm NULL) went
 * through the bulk Arabic path as norm + 0, undefined behaviour that clang's
 * -fsanitize=undefined stops on (found by fuzz_check at its model load: the
 * lexicon's first phrase). Fails only under that sanitizer without the fix;
 * the words must come out the same either way. */
static void test_first_word_fresh_arena(void **state)
{
    (void)state;
    const char *s = "نفى المتحدث الخبر";
    mz_tokens t = {0};
    assert_null(t.norm);
    assert_int_equal(mz_tokenize(s, strlen(s), false, &t), MZ_OK);
    assert_int_equal(t.n, 3);
    assert_string_equal(mz_tok_text(&t, 0), "نفي");
    assert_string_equal(mz_tok_text(&t, 2), "الخبر");
    mz_tokens_clear(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arabic_words),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_mixed_scripts_split),
        cmocka_unit_test(test_punctuation),
        cmocka_unit_test(test_offsets_in_original),
        cmocka_unit_test(test_invalid_bytes_skipped),
        cmocka_unit_test(test_checked),
        cmocka_unit_test(test_long_input_and_word),
        cmocka_unit_test(test_arabic_run_agrees),
        cmocka_unit_test(test_first_word_fresh_arena),
    };
    return cmocka_run_group_tests_name("text/tokenize", tests, NULL, NULL);
}
