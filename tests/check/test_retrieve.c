/* test_retrieve.c — the re-rank: the claim's event in one place beats the
 * claim's topic spread everywhere; aliases count as the claim's words. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "check/check.h"
#include "store/db.h"
#include "util/util.h"

static int64_t add(mz_db *db, const char *title, const char *text)
{
    mz_article_input in = {.text = text, .text_len = strlen(text), .title = title};
    int64_t id = 0;
    mz_error err;
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    return id;
}

/* A long page of other stories with the event in one paragraph. */
static char *long_page(void)
{
    mz_buf b = {0};
    for (int i = 0; i < 12; i++)
        mz_buf_printf(&b, "تواصل الجدل في البرلمان حول موازنة العام المقبل وسط خلافات بين الكتل "
                          "السياسية بشأن الضرائب والرواتب والدعم الحكومي للوقود رقم %d.\n", i);
    mz_buf_puts(&b, "وفي سوريا أعلنت قوات سوريا الديمقراطية أنها تتفاوض مع تنظيم الدولة على خروج "
                    "مقاتليه من الرقة مقابل تسليم الأحياء المتبقية دون قتال.\n");
    for (int i = 0; i < 12; i++)
        mz_buf_printf(&b, "وفي الرياضة فاز الفريق المحلي بالمباراة النهائية للبطولة بعد مباراة "
                          "مثيرة أمام جمهور غفير في الملعب الكبير رقم %d.\n", i);
    return mz_buf_take(&b);
}

/* The claim's topic everywhere, its event nowhere. */
static const char *topical =
    "تشهد الرقة معارك عنيفة بين قوات سوريا الديمقراطية وتنظيم داعش في الأحياء الشرقية.\n"
    "وقال ناشطون إن قوات سوريا الديمقراطية تقدمت في الرقة وسط قصف من طيران التحالف.\n"
    "ويخشى سكان الرقة من استمرار المعارك بين قوات سوريا الديمقراطية وتنظيم داعش.\n"
    "وتسيطر قوات سوريا الديمقراطية على معظم أحياء الرقة بعد أشهر من القتال ضد داعش.";

static const char *other =
    "ارتفعت أسعار الخضار في الأسواق المحلية بسبب موجة البرد التي ضربت المنطقة خلال الأسبوع.";

static void test_event_beats_topic(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    char *page = long_page();
    int64_t id_page = add(db, "أخبار اليوم", page);
    int64_t id_topic = add(db, "معارك الرقة", topical);
    add(db, "أسعار الخضار", other);
    free(page);
    const char *claim = "قوات سوريا الديمقراطية تتفاوض مع تنظيم داعش لتأمين خروج مقاتليه من الرقة";
    mz_candidate *c;
    size_t n, pool;
    assert_int_equal(mz_retrieve(db, NULL, claim, 5, NULL, &c, &n, &pool, &err), MZ_OK);
    assert_true(n >= 2);
    assert_true(pool >= 2);
    /* "تنظيم الدولة" in the page counts as the claim's "داعش" */
    const mz_candidate *p = c[0].id == id_page ? &c[0] : &c[1];
    const mz_candidate *t = c[0].id == id_topic ? &c[0] : &c[1];
    assert_int_equal(p->id, id_page);
    assert_int_equal(t->id, id_topic);
    assert_true(p->window > t->window);
    assert_true(p->window > 0.8);
    assert_int_equal(c[0].id, id_page); /* re-ranked first */
    for (size_t i = 1; i < n; i++)
        assert_true(c[i - 1].score >= c[i].score);
    mz_candidates_free(c, n);

    /* the same with plain BM25 only: the topical page wins there */
    mz_rerank_params bm_only = mz_rerank_default;
    bm_only.w_window = bm_only.w_prox = bm_only.w_title = bm_only.w_related = 0;
    assert_int_equal(mz_retrieve(db, NULL, claim, 5, &bm_only, &c, &n, &pool, &err), MZ_OK);
    assert_int_equal(c[0].id, id_topic); /* length normalization buries the long page */
    mz_candidates_free(c, n);

    /* nothing matches: no candidates, no error */
    assert_int_equal(mz_retrieve(db, NULL, "طائرة مسيرة فوق البحر", 5, NULL, &c, &n, &pool, &err), MZ_OK);
    assert_int_equal(n, 0);
    assert_null(c);
    mz_db_close(db);
}

static void test_empty_store(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    mz_candidate *c = (mz_candidate *)1;
    size_t n = 9, pool = 9;
    assert_int_equal(mz_retrieve(db, NULL, "قسد تفاوض داعش", 20, NULL, &c, &n, &pool, &err), MZ_OK);
    assert_int_equal(n, 0);
    assert_int_equal(pool, 0);
    mz_db_close(db);
}

/* A candidate deleted between the search and reading it (a server's other
 * client deleting articles while a check runs) is left out; it used to fail
 * the whole check with "no article with id N". Simulated by a row removed
 * behind the index's back (its delete trigger dropped), so the search still
 * finds its id. */
static void test_candidate_deleted_meanwhile(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    int64_t gone = add(db, "معارك الرقة", topical);
    char *page = long_page();
    int64_t kept = add(db, "أخبار اليوم", page);
    free(page);
    assert_int_equal(sqlite3_exec(db->sql, "DROP TRIGGER articles_ad", NULL, NULL, NULL), SQLITE_OK);
    char sql[64];
    snprintf(sql, sizeof sql, "DELETE FROM articles WHERE id = %lld", (long long)gone);
    assert_int_equal(sqlite3_exec(db->sql, sql, NULL, NULL, NULL), SQLITE_OK);
    const char *claim = "قوات سوريا الديمقراطية تتفاوض مع تنظيم داعش لتأمين خروج مقاتليه من الرقة";
    mz_candidate *c;
    size_t n, pool;
    assert_int_equal(mz_retrieve(db, NULL, claim, 5, NULL, &c, &n, &pool, &err), MZ_OK);
    assert_int_equal(n, 1);
    assert_int_equal(pool, 1);
    assert_int_equal(c[0].id, kept);
    mz_candidates_free(c, n);
    /* every candidate gone: none, and no error */
    snprintf(sql, sizeof sql, "DELETE FROM articles WHERE id = %lld", (long long)kept);
    assert_int_equal(sqlite3_exec(db->sql, sql, NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(mz_retrieve(db, NULL, claim, 5, NULL, &c, &n, &pool, &err), MZ_OK);
    assert_int_equal(n, 0);
    assert_int_equal(pool, 0);
    mz_db_close(db);
}

/* A row with id 0 (only SQL outside mizan can make one) is a candidate
 * like any other: 0 used to mark a deleted candidate. */
static void test_row_with_id_zero(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->sql,
                                        "INSERT INTO articles(id, title, body, norm_hash) VALUES (0, 'معارك الرقة', ?1, 'zero')",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, topical, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_exec(db->sql, "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    const char *claim = "قوات سوريا الديمقراطية تتفاوض مع تنظيم داعش لتأمين خروج مقاتليه من الرقة";
    mz_candidate *c;
    size_t n, pool;
    assert_int_equal(mz_retrieve(db, NULL, claim, 5, NULL, &c, &n, &pool, &err), MZ_OK);
    assert_int_equal(n, 1);
    assert_int_equal(c[0].id, 0);
    assert_non_null(c[0].article.body);
    mz_candidates_free(c, n);
    mz_db_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_event_beats_topic),
        cmocka_unit_test(test_empty_store),
        cmocka_unit_test(test_candidate_deleted_meanwhile),
        cmocka_unit_test(test_row_with_id_zero),
    };
    return cmocka_run_group_tests_name("check/retrieve", tests, NULL, NULL);
}
