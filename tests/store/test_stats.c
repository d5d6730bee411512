/* test_stats.c — mz_db_stats counts sites as `mizan list --source` (and the
 * check's voices) tell them apart, not source strings as stored. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "mizan.h"

static void add(mz_db *db, const char *text, const char *source, const char *url)
{
    mz_article_input in = {.text = text, .text_len = strlen(text), .source = source, .url = url};
    mz_error err;
    assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_OK);
}

static size_t listed(mz_db *db, const char *site)
{
    mz_article_list l;
    mz_error err;
    assert_int_equal(mz_articles_list(db, 0, 100, site, &l, &err), MZ_OK);
    size_t n = l.total;
    mz_article_list_clear(&l);
    return n;
}

/* Seven source strings, four sites: Al Jazeera three ways (a subdomain, an
 * Arabic name with its URL, the bare host), Reuters by name on its URL and
 * in capitals, two accounts of one platform; a text with neither source
 * nor URL has no site. `sources` counted 7. */
static void test_sites_counted_as_listed(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    add(db, "أعلنت الحكومة عن خطة جديدة لإعادة إعمار المدارس في حلب.", "mubasher.aljazeera.net",
        "https://mubasher.aljazeera.net/news/1");
    add(db, "قال مسؤولون إن المفاوضات ستستأنف الأسبوع المقبل في جنيف.", "الجزيرة",
        "https://www.aljazeera.net/news/2");
    add(db, "افتتحت بلدية الرقة سوقا جديدا للخضار في وسط المدينة.", "aljazeera.net", NULL);
    add(db, "ارتفعت أسعار النفط في تعاملات الاثنين بعد قرار أوبك.", "Reuters",
        "https://ara.reuters.com/article/1");
    add(db, "تراجعت أسعار الذهب مع صعود الدولار الأمريكي.", "REUTERS.com", NULL);
    add(db, "نشرت القناة صورا من السوق المزدحم قبل العيد.", "facebook.com/qanat.alsahel",
        "https://www.facebook.com/qanat.alsahel/posts/1");
    add(db, "نشرت الصفحة بيانا عن انقطاع الكهرباء في الحي الشرقي.", "facebook.com/wadi.news",
        "https://www.facebook.com/wadi.news/posts/2");
    add(db, "نص بلا مصدر ولا رابط عن موسم الحصاد في السهل.", NULL, NULL);
    mz_stats st;
    assert_int_equal(mz_db_stats(db, &st, &err), MZ_OK);
    assert_int_equal(st.articles, 8);
    assert_int_equal(st.sources, 4);
    /* the sites `list --source` lists, each holding what it counts */
    assert_int_equal(listed(db, "aljazeera.net"), 3);
    assert_int_equal(listed(db, "reuters.com"), 2);
    assert_int_equal(listed(db, "facebook.com/qanat.alsahel"), 1);
    assert_int_equal(listed(db, "facebook.com/wadi.news"), 1);
    mz_db_close(db);
}

/* An empty store has no site. */
static void test_empty_store(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    mz_stats st;
    assert_int_equal(mz_db_stats(db, &st, &err), MZ_OK);
    assert_int_equal(st.articles, 0);
    assert_int_equal(st.sources, 0);
    mz_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sites_counted_as_listed),
        cmocka_unit_test(test_empty_store),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
