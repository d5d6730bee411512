/* test_url_key.c — a URL as a reader compares it (src/store/url_key.c):
 * each form a re-scrape gives one page's address in is one key; query
 * parameters that select another page keep two keys apart. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "store/db.h"

#define PAGE "https://www.alghad.example/local/%D8%A7%D9%84%D8%AE%D8%A8%D8%B2-2018"
#define KEY "alghad.example/local/الخبز-2018"

static void key_is(const char *url, const char *want)
{
    char *k;
    assert_int_equal(mz_url_key(url, &k), MZ_OK);
    if (!want) {
        assert_null(k);
        return;
    }
    assert_non_null(k);
    if (strcmp(k, want))
        fail_msg("key of %s: %s, wanted %s", url, k, want);
    free(k);
}

static bool same(const char *a, const char *b)
{
    char *ka, *kb;
    assert_int_equal(mz_url_key(a, &ka), MZ_OK);
    assert_int_equal(mz_url_key(b, &kb), MZ_OK);
    bool eq = ka && kb && !strcmp(ka, kb);
    free(ka);
    free(kb);
    return eq;
}

/* Every form a scraper may store the page's address in. */
static void test_forms_of_one_page(void **state)
{
    (void)state;
    key_is(PAGE, KEY);
    key_is("http://www.alghad.example/local/%D8%A7%D9%84%D8%AE%D8%A8%D8%B2-2018", KEY);
    key_is("https://alghad.example/local/الخبز-2018", KEY); /* the letters as UTF-8 */
    key_is("https://alghad.example/local/%d8%a7%d9%84%d8%ae%d8%a8%d8%b2-2018", KEY);
    key_is("HTTPS://WWW.Alghad.Example./local/الخبز-2018/", KEY);
    key_is("https://alghad.example:443/local/الخبز-2018#comments", KEY);
    key_is("http://alghad.example:80/local/الخبز-2018", KEY);
    key_is(" https://alghad.example/local/الخبز-2018?utm_source=facebook&utm_medium=social\n", KEY);
    key_is("https://alghad.example/local/الخبز-2018?fbclid=IwAR0x&gclid=abc", KEY);
    key_is("alghad.example/local/الخبز-2018", KEY); /* no scheme, as some scrapers keep it */
    key_is("https://m.alghad.example/local/الخبز-2018", KEY); /* the mobile edition */
    key_is("https://mobile.alghad.example/local/الخبز-2018", KEY);
    key_is("https://alghad.example/", "alghad.example");
    key_is("https://alghad.example", "alghad.example");
}

/* What selects another page stays: a query parameter other than tracking
 * (its order kept), the path's case, another port, a "#!" route. */
static void test_other_pages_stay_apart(void **state)
{
    (void)state;
    assert_false(same("https://sana.example/?p=1234", "https://sana.example/?p=1235"));
    assert_false(same("http://news.example/article.php?id=12", "http://news.example/article.php?id=13"));
    key_is("http://news.example/article.php?id=12&utm_campaign=x", "news.example/article.php?id=12");
    key_is("http://news.example/article.php?utm_campaign=x&id=12&cat=3#top",
           "news.example/article.php?id=12&cat=3");
    assert_false(same("https://a.example/News/1", "https://a.example/news/1"));
    assert_false(same("https://a.example:8080/news/1", "https://a.example/news/1"));
    assert_false(same("https://a.example/#!/news/1", "https://a.example/#!/news/2"));
    assert_false(same("https://a.example/news/1", "https://b.example/news/1"));
    assert_false(same("https://m.example/news/1", "https://example/news/1")); /* m.example is a site */
    assert_false(same("https://news.a.example/1", "https://a.example/1"));
    /* an escaped slash is not a slash; %2f and %2F are one */
    assert_false(same("https://a.example/a%2Fb", "https://a.example/a/b"));
    assert_true(same("https://a.example/a%2fb", "https://a.example/a%2Fb"));
    /* an escaped Arabic letter in the query is the letter */
    assert_true(same("https://a.example/search?q=%D8%AE%D8%A8%D8%B2", "https://a.example/search?q=خبز"));
}

static void test_no_url(void **state)
{
    (void)state;
    key_is(NULL, NULL);
    key_is("", NULL);
    key_is("  \t", NULL);
    key_is("http://", NULL);
    key_is("ftp://files.example/a/", "ftp://files.example/a/"); /* another scheme: as given */
    key_is("https://a.example/bad%zzescape%4", "a.example/bad%zzescape%4");
    /* a URL cut in the middle of a letter (a scrape of baly2018 is), or a
     * legacy code page's escapes: those bytes stay escaped, the key valid
     * UTF-8 (it held a lone 0xD9, which a TEXT column must not) */
    key_is("https://a.example/%D8%AD%D8%B1%D8%A8-%D9%8A%D8%A4%D9", "a.example/حرب-يؤ%D9");
    key_is("https://a.example/%C7%E1%CE%C8%D2", "a.example/%C7%E1%CE%C8%D2");
    key_is("https://a.example/%d8%a7%c7x", "a.example/ا%C7x");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_forms_of_one_page),
        cmocka_unit_test(test_other_pages_stay_apart),
        cmocka_unit_test(test_no_url),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
