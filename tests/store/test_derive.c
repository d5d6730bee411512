/* test_derive.c — what the store derives from an article's text
 * (src/store/derive.c), on the cases its fuzz target (fuzz/fuzz_derive.c)
 * found: each test is a regression for one finding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/db.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"
#include "store_helpers.h"

static void hash_of(const char *text, char out[33])
{
    mz_error err;
    assert_int_equal(mz_norm_hash(text, strlen(text), out, &err), MZ_OK);
    assert_int_equal(strlen(out), 32);
}

/* Found by fuzz_derive: white space before the first word counted as a
 * word gap, so a copy opening with spaces (or an RLM mark and a space...)
 * was not a duplicate. Checking the fix showed a no-break space was not
 * white space to the hash at all. */
static void test_hash_ignores_leading_space(void **state)
{
    (void)state;
    char a[33], b[33], c[33], d[33];
    hash_of("افتتاح جسر جديد في العاصمة", a);
    hash_of("\n \tافتتاح جسر جديد في العاصمة", b);
    hash_of("  افْتِتَاحُ   جسـر\tجديد\xC2\xA0في \xE2\x80\x89العاصمة\r\n", c);
    assert_string_equal(a, b);
    assert_string_equal(a, c);
    hash_of("افتتاح جسر جديد في المدينة", d); /* another text still differs */
    assert_string_not_equal(a, d);
    hash_of("افتتاحجسر جديد في العاصمة", d); /* and so does a lost word gap */
    assert_string_not_equal(a, d);
}

/* The same through ingest: copies that open with white space (which the
 * boilerplate filter leaves in place) are the same article. */
static void test_leading_space_copy_is_duplicate(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    mz_article_input in = {.text = ART_TALKS, .text_len = strlen(ART_TALKS)};
    int64_t id = 0;
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    static const char *const openings[] = {"\n\n", "  ", "\xC2\xA0", "\xE2\x80\x8F ", "\xD9\x8E "};
    for (size_t i = 0; i < sizeof openings / sizeof openings[0]; i++) {
        char *copy = malloc(strlen(openings[i]) + strlen(ART_TALKS) + 1);
        strcpy(copy, openings[i]);
        strcat(copy, ART_TALKS);
        mz_article_input dup = {.text = copy, .text_len = strlen(copy)};
        int64_t dup_id = 0;
        assert_int_equal(mz_article_add(db, &dup, &dup_id, &err), MZ_ERR_DUPLICATE);
        assert_int_equal(dup_id, id);
        free(copy);
    }
    mz_db_close(db);
}

/* Found by fuzz_derive: a dateline's title comes from the lead's first
 * sentence or its first 20 words, which were not bounded in bytes (long
 * "words": glued text, URLs); now cut to 400 bytes like any first line. */
static void test_lead_title_is_bounded(void **state)
{
    (void)state;
    char word[256] = "";
    for (int i = 0; i < 30; i++)
        strcat(word, "قمح"); /* one 180-byte "word" */
    mz_buf lead = {0}, cut = {0};
    assert_int_equal(mz_buf_puts(&lead, "دمشق - سانا\n"), 0);
    assert_int_equal(mz_buf_puts(&cut, "دمشق - سانا\n"), 0);
    for (int i = 0; i < 14; i++) { /* a 14-word first sentence, then more */
        assert_int_equal(mz_buf_puts(&lead, word), 0);
        assert_int_equal(mz_buf_puts(&lead, " "), 0);
    }
    assert_int_equal(mz_buf_puts(&lead, "وصل. ثم وصل الخبر.\n"), 0);
    for (int i = 0; i < 25; i++) { /* no clause mark in 25 words: the "…" cut */
        assert_int_equal(mz_buf_puts(&cut, word), 0);
        assert_int_equal(mz_buf_puts(&cut, " "), 0);
    }
    assert_int_equal(mz_buf_puts(&cut, "وصل.\n"), 0);
    char *t = mz_derive_title(lead.p, lead.len);
    assert_non_null(t);
    assert_true(strlen(t) <= 400);
    assert_true(strlen(t) > 300);
    assert_int_equal(mz_utf8_check(t, strlen(t), NULL), MZ_OK);
    assert_memory_equal(t, word, 180); /* it is the lead, not the dateline */
    free(t);
    t = mz_derive_title(cut.p, cut.len);
    assert_non_null(t);
    size_t n = strlen(t);
    assert_true(n <= 400 + strlen("…"));
    assert_string_equal(t + n - strlen("…"), "…");
    assert_int_equal(mz_utf8_check(t, n, NULL), MZ_OK);
    free(t);
    mz_buf_free(&lead);
    mz_buf_free(&cut);
}

/* Found by an adversarial-user helper: a given title with a line break was
 * cut to its first line (data lost), and a title cut at 400 bytes after a
 * space kept that space, so export then ingest changed it. */
static void test_given_title_whole_and_trimmed(void **state)
{
    (void)state;
    const char *two = "عاجل\r\n  مقتل زعيم التنظيم في غارة \n\n";
    char *t = mz_given_title(two, strlen(two));
    assert_string_equal(t, "عاجل مقتل زعيم التنظيم في غارة");
    free(t);
    t = mz_given_title(" \n ", 3);
    assert_string_equal(t, "");
    free(t);
    mz_buf b = {0};
    assert_int_equal(mz_buf_puts(&b, "x"), 0);
    while (b.len < 400) /* x, then "ab " repeated: the 400th byte is a space */
        assert_int_equal(mz_buf_puts(&b, "ab "), 0);
    assert_int_equal(b.len, 400);
    assert_int_equal(mz_buf_puts(&b, "cd ef"), 0);
    for (int k = 0; k < 2; k++) {
        t = k ? mz_first_line(b.p, b.len) : mz_given_title(b.p, b.len);
        size_t n = strlen(t);
        assert_true(n <= 400 && n > 390);
        assert_true(t[n - 1] != ' ');
        free(t);
    }
    mz_buf_free(&b);
}

static void expect_source(const char *url, const char *want)
{
    char *got = mz_url_source(url);
    if (!want) {
        assert_null(got);
        return;
    }
    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
}

/* A URL's host is its source; on a platform where accounts share the host
 * the account is part of it, or every post on Facebook would be one source. */
static void test_url_source_account(void **state)
{
    (void)state;
    expect_source("https://www.aljazeera.net/news/2017/10/1", "aljazeera.net");
    expect_source("https://m.aljazeera.net/news", "m.aljazeera.net");
    expect_source("https://www.aljazeera.net./news", "aljazeera.net"); /* the DNS root's dot */
    expect_source("https://user:pw@Example.COM:8080/a", "example.com");
    expect_source("https://www.facebook.com/AlJazeera/posts/123", "facebook.com/aljazeera");
    expect_source("https://m.facebook.com/AlJazeera?ref=share", "facebook.com/aljazeera");
    expect_source("https://twitter.com/AJArabic/status/9", "twitter.com/ajarabic");
    expect_source("https://x.com:443/AJArabic", "x.com/ajarabic");
    expect_source("https://t.me/channel_sy/4412", "t.me/channel_sy");
    expect_source("https://www.youtube.com/channel/UC12ab/videos", "youtube.com/channel/uc12ab");
    expect_source("https://www.youtube.com/@aljazeera", "youtube.com/@aljazeera");
    expect_source("https://www.facebook.com/", "facebook.com");
    expect_source("https://notfacebook.com/page", "notfacebook.com");
    expect_source("localhost", NULL);
}

static void expect_date(const char *text, const char *want)
{
    char *d = mz_date_line(text, strlen(text));
    if (want) {
        assert_non_null(d);
        assert_string_equal(d, want);
    } else if (d) {
        fail_msg("date %s read from: %s", d, text);
    }
    free(d);
}

/* The publication date a plain text gives on a line of its own under its
 * title; anything else is left alone (a wrong date beside a title misleads). */
static void test_date_line(void **state)
{
    (void)state;
    /* seed 002's head: a section line, the title, then the date */
    expect_date("الاخبار السياسية\n\nالتحالف: مفاوضات بين قسد وداعش\n\n11.10.2017 | 22:01\n\nكشف "
                "التحالف الدولي يوم الأربعاء عن مفاوضات.",
                "2017-10-11");
    expect_date("عنوان الخبر\nالأربعاء 11 أكتوبر 2017\nنص الخبر.", "2017-10-11");
    expect_date("عنوان الخبر\nنشر في 2017/10/11 - 08:30 ص\nنص الخبر.", "2017-10-11");
    expect_date("عنوان الخبر\n٧ كانون الأول / ديسمبر ٢٠١٧\nنص الخبر.", "2017-12-07");
    expect_date("عنوان الخبر\nالسبت، 2 تشرين الثاني 2019\nنص الخبر.", "2019-11-02");
    expect_date("عنوان\n29/02/2016\n", "2016-02-29");
    /* not dates of the article */
    expect_date("الأحد 21 يناير 2018\nعنوان الخبر\nنص.", NULL);       /* the site's header */
    expect_date("عنوان\nصورة من الرقة - أيلول 2017 (رويترز)\n", NULL); /* a caption */
    expect_date("عنوان\nوأعلن الجيش في 11 أكتوبر 2017 سيطرته على المدينة.\n", NULL);
    expect_date("عنوان\n29/02/2017\n", NULL);                         /* no such day */
    expect_date("عنوان\n15/1/1439 هـ\n", NULL);                        /* Hijri */
    expect_date("عنوان\n11.10.2017 و 12.10.2017\n", NULL);             /* two dates */
    expect_date("عنوان\n2017\n", NULL);
    expect_date("عنوان\n11 أكتوبر\n", NULL);
    expect_date("عنوان\nكانون 2017\n", NULL);
    expect_date("عنوان\n1\n2\n3\n11.10.2017\n", NULL); /* too far under the title */
    expect_date("", NULL);
    expect_date("11.10.2017", NULL); /* a title alone */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash_ignores_leading_space),
        cmocka_unit_test(test_leading_space_copy_is_duplicate),
        cmocka_unit_test(test_lead_title_is_bounded),
        cmocka_unit_test(test_given_title_whole_and_trimmed),
        cmocka_unit_test(test_url_source_account),
        cmocka_unit_test(test_date_line),
    };
    return cmocka_run_group_tests_name("store/derive", tests, NULL, NULL);
}
