/* test_jsonl.c — the JSONL line parser on its own: formats, field types,
 * malformed and pathological lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "store/store.h"

static mz_status parse(const char *line, mz_jsonl_item *it, mz_error *err)
{
    return mz_jsonl_parse_line(line, strlen(line), 7, it, err);
}

static void test_fields(void **state)
{
    (void)state;
    mz_jsonl_item it;
    mz_error err;
    assert_int_equal(parse("{\"text\":\"نفت قوات سوريا الديمقراطية\",\"title\":\"نفي\",\"url\":\"https://a.b/c\","
                           "\"source\":\"بلدي\",\"published\":\"2017-06-14\",\"extra\":[1,2]}\r",
                           &it, &err),
                     MZ_OK);
    assert_string_equal(it.in.text, "نفت قوات سوريا الديمقراطية");
    assert_int_equal(it.in.text_len, strlen("نفت قوات سوريا الديمقراطية"));
    assert_string_equal(it.in.title, "نفي");
    assert_string_equal(it.in.url, "https://a.b/c");
    assert_string_equal(it.in.source, "بلدي");
    assert_string_equal(it.in.published, "2017-06-14");
    mz_jsonl_item_clear(&it);
    assert_null(it.tree);
    /* baly2018: the text is in "article"; escapes decode */
    assert_int_equal(parse("{\"claim_id\":\"R-1\",\"article\":\"سطر\\nسطر \\u0627\",\"url\":null}", &it, &err), MZ_OK);
    assert_string_equal(it.in.text, "سطر\nسطر ا");
    assert_null(it.in.url);
    assert_null(it.in.title);
    mz_jsonl_item_clear(&it);
    /* "text" wins over "article" */
    assert_int_equal(parse("{\"article\":\"أ\",\"text\":\"ب\"}", &it, &err), MZ_OK);
    assert_string_equal(it.in.text, "ب");
    mz_jsonl_item_clear(&it);
    /* the names feeds, crawlers and schema.org give the fields */
    assert_int_equal(parse("{\"content\":\"نص الخبر\",\"headline\":\"عنوان\",\"link\":\"https://a.b/1\","
                           "\"site\":\"a.b\",\"date\":\"2017-10-11\"}", &it, &err),
                     MZ_OK);
    assert_string_equal(it.in.text, "نص الخبر");
    assert_string_equal(it.in.title, "عنوان");
    assert_string_equal(it.in.url, "https://a.b/1");
    assert_string_equal(it.in.source, "a.b");
    assert_string_equal(it.in.published, "2017-10-11");
    mz_jsonl_item_clear(&it);
    assert_int_equal(parse("{\"body\":\"نص\",\"published_at\":\"2017-10-12\",\"date\":\"أمس\"}", &it, &err),
                     MZ_OK);
    assert_string_equal(it.in.text, "نص");
    assert_string_equal(it.in.published, "2017-10-12");
    mz_jsonl_item_clear(&it);
    /* an other name holding no string is ignored, as it always was: a list
     * of paragraphs beside the text, a Mongo date */
    assert_int_equal(parse("{\"text\":\"نص\",\"content\":[\"أ\"],"
                           "\"datePublished\":{\"$date\":1}}", &it, &err),
                     MZ_OK);
    assert_string_equal(it.in.text, "نص");
    assert_null(it.in.published);
    mz_jsonl_item_clear(&it);
}

/* NewsAPI's answer, as `curl` saves it: the articles wrapped in {"status",
 * "totalResults", "articles": [...]}, each with "source": {"id", "name"}
 * and "publishedAt". The file was one article "missing text", and a line
 * with such a source failed "must be a string". */
static void test_api_answers(void **state)
{
    (void)state;
    mz_jsonl_item it;
    mz_error err;
    assert_int_equal(parse("{\"content\":\"افتتحت وزارة الصحة مستشفى جديدا\",\"source\":{\"id\":null,"
                           "\"name\":\"وكالة الأنباء\"},\"publishedAt\":\"2024-03-01T10:00:00Z\"}",
                           &it, &err),
                     MZ_OK);
    assert_string_equal(it.in.source, "وكالة الأنباء");
    assert_string_equal(it.in.published, "2024-03-01T10:00:00Z");
    mz_jsonl_item_clear(&it);
    /* under another of its names too; a string given wins */
    assert_int_equal(parse("{\"text\":\"نص\",\"site\":{\"name\":\"الموقع\"}}", &it, &err), MZ_OK);
    assert_string_equal(it.in.source, "الموقع");
    mz_jsonl_item_clear(&it);
    assert_int_equal(parse("{\"text\":\"نص\",\"source\":\"أ\",\"site\":{\"name\":\"ب\"}}", &it,
                           &err),
                     MZ_OK);
    assert_string_equal(it.in.source, "أ");
    mz_jsonl_item_clear(&it);
    /* a source object that names nothing is still no string */
    assert_int_equal(parse("{\"text\":\"نص\",\"source\":{\"id\":3}}", &it, &err), MZ_ERR_JSON);
    static const char answer[] =
        "{\"status\":\"ok\",\"totalResults\":2,\"tags\":[\"سياسة\"],\"articles\":["
        "{\"title\":\"أ\",\"content\":\"النص الأول\"},{\"title\":\"ب\",\"content\":\"النص الثاني\"}]}";
    mz_json_doc d;
    assert_int_equal(mz_json_doc_parse(answer, strlen(answer), "news.json", &d, &err), MZ_OK);
    assert_true(d.envelope);
    assert_int_equal(d.n, 2);
    assert_int_equal(mz_json_doc_item(&d, 0, "item 1", &it, &err), MZ_OK);
    assert_string_equal(it.in.text, "النص الأول");
    mz_jsonl_item_clear(&it);
    mz_json_doc_clear(&d);
    /* an answer of no results: an empty list, not one article "missing text" */
    static const char none[] = "{\"status\":\"ok\",\"totalResults\":0,\"articles\":[]}";
    assert_int_equal(mz_json_doc_parse(none, strlen(none), "none.json", &d, &err), MZ_OK);
    assert_true(d.envelope);
    assert_int_equal(d.n, 0);
    mz_json_doc_clear(&d);
    /* not an envelope: an article of its own, two lists, a list of strings */
    static const char *const not_wrapped[] = {
        "{\"text\":\"نص\",\"comments\":[{\"text\":\"تعليق\"}]}",
        "{\"a\":[{\"text\":\"أ\"}],\"b\":[{\"text\":\"ب\"}]}", "{\"tags\":[\"أ\",\"ب\"]}",
        "{\"title\":\"عنوان بلا نص\",\"images\":[]}"};
    for (size_t i = 0; i < 4; i++) {
        assert_int_equal(mz_json_doc_parse(not_wrapped[i], strlen(not_wrapped[i]), "x.json", &d,
                                           &err),
                         MZ_OK);
        assert_false(d.envelope);
        assert_int_equal(d.n, 1);
        mz_json_doc_clear(&d);
    }
}

/* A date given as a Unix time, as database exports write it: seconds or
 * milliseconds, under any of the date's names. */
static void test_unix_dates(void **state)
{
    (void)state;
    mz_jsonl_item it;
    mz_error err;
    const struct { const char *line; const char *date; } ok[] = {
        {"{\"text\":\"نص\",\"published\":1508056200}", "2017-10-15T08:30:00Z"},
        {"{\"text\":\"نص\",\"date\":1507680000}", "2017-10-11"},
        {"{\"text\":\"نص\",\"datePublished\":1508056200123}", "2017-10-15T08:30:00Z"},
        {"{\"text\":\"نص\",\"published_at\":0}", "1970-01-01"},
        /* the usual name wins, whatever the type of the others */
        {"{\"text\":\"نص\",\"published\":\"أمس\",\"date\":1507680000}", "أمس"},
        /* an RSS date in a string (a feed converted to JSON) is kept as a
         * feed's is: ISO 8601 with its offset, the date alone with no zone
         * or no time; other strings as written */
        {"{\"text\":\"نص\",\"pubDate\":\"Tue, 10 Oct 2017 01:30:00 +0300\"}", "2017-10-10T01:30:00+03:00"},
        {"{\"text\":\"نص\",\"pubDate\":\"Tue, 10 Oct 2017 01:30:00\"}", "2017-10-10"},
        {"{\"text\":\"نص\",\"published\":\"2017-10-10\"}", "2017-10-10"},
        {"{\"text\":\"نص\",\"published\":\"10 Oct 2017\"}", "2017-10-10"},
        {"{\"text\":\"نص\",\"published\":\"Oct 2017\"}", "Oct 2017"},
    };
    for (size_t i = 0; i < sizeof ok / sizeof *ok; i++) {
        memset(&err, 0, sizeof err);
        if (parse(ok[i].line, &it, &err) != MZ_OK)
            fail_msg("line '%s': %s", ok[i].line, err.msg);
        assert_string_equal(it.in.published, ok[i].date);
        mz_jsonl_item_clear(&it);
    }
    const char *bad[] = {"{\"text\":\"نص\",\"published\":-5}",
                         "{\"text\":\"نص\",\"date\":1e300}",
                         "{\"text\":\"نص\",\"published\":true}"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        memset(&err, 0, sizeof err);
        assert_int_equal(parse(bad[i], &it, &err), MZ_ERR_JSON);
        if (!strstr(err.msg, "is not a date (a string, or a Unix time"))
            fail_msg("line '%s': %s", bad[i], err.msg);
        assert_null(it.in.published);
    }
}

static void test_errors(void **state)
{
    (void)state;
    mz_jsonl_item it;
    mz_error err;
    const struct { const char *line; mz_status s; const char *msg; } bad[] = {
        {"{\"text\": \"بلا نهاية", MZ_ERR_JSON, "line 7: malformed JSON"},
        {"[\"text\"]", MZ_ERR_JSON, "not a JSON object"},
        {"\"نص\"", MZ_ERR_JSON, "not a JSON object"},
        {"{}", MZ_ERR_JSON, "missing \"text\""},
        {"{\"text\": null}", MZ_ERR_JSON, "missing \"text\""},
        {"{\"content\": [\"أ\"]}", MZ_ERR_JSON, "\"body\" or \"content\" are read as it too"},
        {"{\"text\": [\"أ\"]}", MZ_ERR_JSON, "must be a string"},
        {"{\"text\": \"أ\", \"title\": 5}", MZ_ERR_JSON, "\"title\" must be a string"},
        {"{\"text\": \"أ\", \"url\": {}}", MZ_ERR_JSON, "\"url\""},
        {"{\"text\": \"أ\"} {\"text\": \"ب\"}", MZ_ERR_JSON, "text after the JSON object"},
        {"{\"text\": \"\xc3\x28\"}", MZ_ERR_UTF8, "byte 10"},
        {"", MZ_ERR_JSON, "line 7"},
        {"{\"text\": \"\\ud800\"}", MZ_ERR_JSON, "line 7"},
        /* cJSON would end the text at an escaped NUL and drop the rest */
        {"{\"text\": \"خبر\\u0000مخفي\"}", MZ_ERR_BINARY, "NUL character (\\u0000) at byte 16"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        memset(&err, 0, sizeof err);
        mz_status s = parse(bad[i].line, &it, &err);
        if (s != bad[i].s || !strstr(err.msg, bad[i].msg))
            fail_msg("line '%s': got %d '%s'", bad[i].line, s, err.msg);
        assert_null(it.tree);
        assert_null(it.in.text);
    }
}

/* NUL bytes: raw ones are binary data; an escaped backslash before u0000
 * is text. */
/* "html": a web page whose story is the text; its metadata fills what the
 * line does not give. */
static void test_html(void **state)
{
    (void)state;
    mz_jsonl_item it;
    mz_error err;
    assert_int_equal(parse("{\"html\":\"<html><head><title>افتتاح جسر</title><meta property="
                           "\\\"og:site_name\\\" content=\\\"موقع النهر\\\"></head><body><nav>"
                           "الرئيسية</nav><p>افتتحت البلدية جسرا.</p><p>وحضر الأهالي.</p></body>"
                           "</html>\",\"title\":\"عنوان من السطر\"}",
                           &it, &err),
                     MZ_OK);
    assert_string_equal(it.in.text, "افتتحت البلدية جسرا.\nوحضر الأهالي.");
    assert_int_equal(it.in.text_len, strlen(it.in.text));
    assert_string_equal(it.in.title, "عنوان من السطر"); /* the line's own field wins */
    assert_string_equal(it.in.source, "موقع النهر");
    mz_jsonl_item_clear(&it);
    assert_null(it.page.text);
    assert_int_equal(parse("{\"html\":\"<p>x</p>\",\"text\":\"y\"}", &it, &err), MZ_ERR_JSON);
    assert_string_equal(err.msg, "line 7: give \"text\" or \"html\", not both");
    assert_int_equal(parse("{\"html\":\"<html><body><nav>قائمة</nav></body></html>\"}", &it, &err),
                     MZ_ERR_EMPTY);
    assert_string_equal(err.msg, "line 7: html: an HTML page with no text");
    assert_int_equal(parse("{\"html\":5}", &it, &err), MZ_ERR_JSON);
}

/* The byline under the names scrapers give it: a string, an object naming
 * someone, a list of them (joined by the Arabic comma). A value that names
 * no one (a number, a profile URL, blank) is ignored, never failing a
 * line: the fields were ignored before the store kept authors. */
/* 470 bytes: more than a byline (MZ_AUTHOR_MAX, 300) */
#define PARAGRAPH_8 "موقع إخباري يغطي أخبار الساحل والمدن السورية يوميا "
#define PARAGRAPH PARAGRAPH_8 PARAGRAPH_8 PARAGRAPH_8 PARAGRAPH_8 PARAGRAPH_8

static void test_authors(void **state)
{
    (void)state;
    mz_jsonl_item it;
    mz_error err;
    const struct { const char *line; const char *author; } cases[] = {
        {"{\"text\":\"نص\",\"author\":\"سامر الحلبي\"}", "سامر الحلبي"},
        {"{\"text\":\"نص\",\"byline\":\"ليلى حداد\"}", "ليلى حداد"},
        {"{\"text\":\"نص\",\"creator\":\"مراسل الوكالة\"}", "مراسل الوكالة"},
        {"{\"text\":\"نص\",\"dc:creator\":\"سامر الحلبي\"}", "سامر الحلبي"},
        {"{\"text\":\"نص\",\"author\":{\"@type\":\"Person\",\"name\":\"ليلى حداد\"}}", "ليلى حداد"},
        {"{\"text\":\"نص\",\"authors\":[\"سامر الحلبي\",{\"name\":\"ليلى حداد\"},\"\"]}",
         "سامر الحلبي، ليلى حداد"},
        /* the usual name wins; one naming no one gives way to the next */
        {"{\"text\":\"نص\",\"author\":\"سامر الحلبي\",\"byline\":\"ليلى حداد\"}", "سامر الحلبي"},
        {"{\"text\":\"نص\",\"author\":\"https://example.com/u/7\",\"byline\":\"ليلى حداد\"}",
         "ليلى حداد"},
        /* a paragraph, over MZ_AUTHOR_MAX, which the store drops: the
         * byline is taken (the article used to get no author) */
        {"{\"text\":\"نص\",\"author\":\"" PARAGRAPH "\",\"byline\":\"ليلى حداد\"}",
         "ليلى حداد"},
        {"{\"text\":\"نص\",\"author\":\"\\u0001\\u0002\",\"byline\":\"ليلى حداد\"}",
         "ليلى حداد"},
        /* the site's own name gives way too (the store dropped it, and the
         * byline after it was never tried) */
        {"{\"text\":\"نص\",\"source\":\"الجزيرة نت\",\"author\":\"الجزيرة نت\","
         "\"byline\":\"سامر الحلبي\"}", "سامر الحلبي"},
        {"{\"text\":\"نص\",\"url\":\"https://www.enabbaladi.net/3\",\"author\":\"Enab Baladi\","
         "\"byline\":\"ليلى حداد\"}", "ليلى حداد"},
        {"{\"text\":\"نص\",\"url\":\"https://www.enabbaladi.net/3\",\"author\":\"Enab Baladi\"}",
         NULL},
        {"{\"text\":\"نص\",\"author\":5}", NULL},
        {"{\"text\":\"نص\",\"author\":[[\"سامر\"]]}", NULL},
        {"{\"text\":\"نص\",\"author\":\"  \"}", NULL},
        {"{\"text\":\"نص\",\"author\":null}", NULL},
        {"{\"text\":\"نص\"}", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        memset(&err, 0, sizeof err);
        if (parse(cases[i].line, &it, &err) != MZ_OK)
            fail_msg("line '%s': %s", cases[i].line, err.msg);
        if (cases[i].author)
            assert_string_equal(it.in.author, cases[i].author);
        else
            assert_null(it.in.author);
        mz_jsonl_item_clear(&it);
    }
}

static void test_nul(void **state)
{
    (void)state;
    mz_jsonl_item it;
    mz_error err;
    static const char raw[] = "{\"text\": \"خبر\0خام\"}";
    assert_int_equal(mz_jsonl_parse_line(raw, sizeof raw - 1, 3, &it, &err), MZ_ERR_BINARY);
    assert_non_null(strstr(err.msg, "line 3: binary data (NUL byte at byte 16"));
    assert_null(it.tree);
    const char *literal = "{\"text\": \"شرطة \\\\u0000 حرفية\"}";
    assert_int_equal(mz_jsonl_parse_line(literal, strlen(literal), 4, &it, &err), MZ_OK);
    assert_string_equal(it.in.text, "شرطة \\u0000 حرفية");
    mz_jsonl_item_clear(&it);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    /* cJSON refuses nesting past its limit instead of recursing forever */
    char line[40000];
    size_t n = 0;
    n += (size_t)sprintf(line, "{\"text\":\"أ\",\"x\":");
    for (int i = 0; i < 10000; i++)
        line[n++] = '[';
    line[n] = '\0';
    mz_jsonl_item it;
    mz_error err;
    assert_int_equal(mz_jsonl_parse_line(line, n, 1, &it, &err), MZ_ERR_JSON);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_unix_dates),
        cmocka_unit_test(test_api_answers),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_nul),
        cmocka_unit_test(test_authors),
        cmocka_unit_test(test_deep_nesting),
    };
    return cmocka_run_group_tests_name("store_jsonl", tests, NULL, NULL);
}
