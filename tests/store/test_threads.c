/* test_threads.c — one mz_db per thread shares nothing: readers search in
 * parallel while a writer ingests (WAL), as the HTTP server does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>

#include "util/util.h"
#include "store_helpers.h"

static char *g_db;

static void *reader(void *arg)
{
    (void)arg;
    mz_db *db;
    mz_error err;
    if (mz_db_open(g_db, MZ_OPEN_READONLY, &db, &err) != MZ_OK)
        return (void *)1;
    const char *queries[] = {"المفاوضات", "مقتل قيادي", "درجات الحرارة", "إعادة فتح المدرسة"};
    for (int i = 0; i < 200; i++) {
        mz_hits h;
        if (mz_search(db, queries[i % 4], 5, NULL, NULL, &h, &err) != MZ_OK || h.n == 0) {
            mz_db_close(db);
            return (void *)2;
        }
        mz_hits_clear(&h);
    }
    mz_db_close(db);
    return NULL;
}

static void *writer(void *arg)
{
    (void)arg;
    mz_db *db;
    mz_error err;
    if (mz_db_open(g_db, 0, &db, &err) != MZ_OK)
        return (void *)1;
    for (int i = 0; i < 50; i++) {
        char text[2048];
        snprintf(text, sizeof text, "%s\nتحديث رقم %d", ART_TALKS, i);
        mz_article_input in = {.text = text, .text_len = strlen(text)};
        mz_status s = mz_article_add(db, &in, NULL, &err);
        if (s != MZ_OK) {
            mz_db_close(db);
            return (void *)3;
        }
    }
    mz_db_close(db);
    return NULL;
}

static void test_readers_and_writer(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    g_db = path_join(dir, "th.db");
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(g_db, 0, &db, &err), MZ_OK);
    const char *arts[] = {ART_KILLED, ART_TALKS, ART_DIALOGUE, ART_WEATHER, ART_SCHOOL};
    for (int i = 0; i < 5; i++) {
        mz_article_input in = {.text = arts[i], .text_len = strlen(arts[i])};
        assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_OK);
    }
    mz_db_close(db);
    pthread_t t[5];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, reader, NULL), 0);
    assert_int_equal(pthread_create(&t[4], NULL, writer, NULL), 0);
    for (int i = 0; i < 5; i++) {
        void *rc;
        pthread_join(t[i], &rc);
        assert_null(rc);
    }
    assert_int_equal(mz_db_open(g_db, 0, &db, &err), MZ_OK);
    assert_int_equal(count_articles(db), 55);
    mz_db_close(db);
    free(g_db);
    rm_rf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_readers_and_writer),
    };
    return cmocka_run_group_tests_name("store_threads", tests, NULL, NULL);
}
