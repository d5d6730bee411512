/* test_common_terms.c — ranking without the terms BM25 gives no weight
 * (store/common_terms.c): which terms are dropped, at the half-the-rows
 * boundary, and that search and candidates still return what ranking with
 * every term returns, including when too few rows match the rest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "store/db.h"
#include "store/store.h"
#include "util/util.h"
#include "store_helpers.h"

#define N_ARTS 10

/* Ten short reports written for this test. «سوريا» is in five of them
 * (half the rows: no weight), «الرقة» in four (a weight), «حلب» in two. */
static const char *const arts[N_ARTS] = {
    "اجتماع في الرقة لبحث عودة النازحين إلى سوريا بعد انتهاء المعارك.",
    "وصول قافلة مساعدات إلى الرقة وتوزيعها على الأسر في الأحياء الشرقية من سوريا.",
    "مجلس الرقة المدني يعلن فتح مدرستين جديدتين في الرقة.",
    "افتتاح سوق شعبي في الرقة شمال سوريا بعد ترميمه.",
    "تقرير عن أسعار الخبز في سوريا خلال الشتاء.",
    "لقاء رياضي بين فريقين من سوريا والأردن في عمان.",
    "أمطار غزيرة تغمر شوارع حلب القديمة وتعطل حركة السير.",
    "معرض للكتاب في حلب يستقبل آلاف الزوار في يومه الأول.",
    "ارتفاع أسعار الذهب في الأسواق العالمية هذا الأسبوع.",
    "مهرجان للمسرح في تونس يكرم فنانين من المغرب العربي.",
};

static int setup(void **state)
{
    *state = memory_store(arts, N_ARTS);
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    mz_db_close(*state);
    return 0;
}

/* The reference: BM25 over every term of query, straight from FTS5. */
static size_t rank_all_terms(mz_db *db, const char *query, size_t k, mz_scored *out)
{
    mz_terms t;
    mz_error err;
    assert_int_equal(mz_analyze(query, strlen(query), &t, &err), MZ_OK);
    mz_buf match = {0};
    for (size_t i = 0; i < t.n; i++) {
        assert_int_equal(mz_buf_puts(&match, i ? " OR \"" MZ_FTS_RAW : "\"" MZ_FTS_RAW), 0);
        assert_int_equal(mz_buf_puts(&match, t.v[i]), 0);
        assert_int_equal(mz_buf_puts(&match, "\""), 0);
    }
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->sql,
                                        "SELECT rowid, -bm25(articles_fts, 2.0, 1.0) FROM"
                                        " articles_fts WHERE articles_fts MATCH ?1"
                                        " ORDER BY bm25(articles_fts, 2.0, 1.0) LIMIT ?2",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, match.p, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)k);
    size_t n = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        out[n].id = sqlite3_column_int64(st, 0);
        out[n].score = sqlite3_column_double(st, 1);
        n++;
    }
    sqlite3_finalize(st);
    mz_buf_free(&match);
    mz_terms_clear(&t);
    return n;
}

/* Half the rows hold «سوريا»: no weight, dropped; «الرقة» (four rows) and
 * «حلب» (two) are kept, in order. */
static void test_drops_half_the_rows(void **state)
{
    mz_db *db = *state;
    char *syria = term_of("سوريا"), *raqqa = term_of("الرقة"), *aleppo = term_of("حلب");
    const char *terms[] = {syria, raqqa, aleppo};
    const char *kept[3];
    size_t n_kept;
    mz_drop_common_terms(db, terms, 3, kept, &n_kept, (sqlite3_int64[3]){0});
    assert_int_equal(n_kept, 2);
    assert_string_equal(kept[0], raqqa);
    assert_string_equal(kept[1], aleppo);
    /* a term no row holds has a weight too */
    const char *unseen[] = {"زززز"};
    mz_drop_common_terms(db, unseen, 1, kept, &n_kept, (sqlite3_int64[1]){0});
    assert_int_equal(n_kept, 1);
    free(syria);
    free(raqqa);
    free(aleppo);
}

/* One more row without «سوريا» gives it a weight again (5 of 11). */
static void test_below_half_is_kept(void **state)
{
    mz_db *db = *state;
    mz_error err;
    const char *more = "افتتاح جسر جديد فوق نهر النيل في القاهرة.";
    mz_article_input in = {.text = more, .text_len = strlen(more)};
    assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_OK);
    char *syria = term_of("سوريا");
    const char *terms[] = {syria}, *kept[1];
    size_t n_kept;
    mz_drop_common_terms(db, terms, 1, kept, &n_kept, (sqlite3_int64[1]){0});
    assert_int_equal(n_kept, 1);
    free(syria);
}

static void assert_same_ranking(const mz_scored *got, size_t n_got, const mz_scored *want,
                                size_t n_want)
{
    assert_int_equal(n_got, n_want);
    for (size_t i = 0; i < n_want; i++) {
        assert_int_equal(got[i].id, want[i].id);
        assert_true(fabs(got[i].score - want[i].score) < 1e-4);
    }
}

/* Candidates equal the all-terms ranking: k = 3 is filled by «الرقة»'s
 * rows alone; k = 8 needs rows that match only «سوريا» (the ranking is
 * then made again with every term), and so does k = 10 over all ten. */
static void test_candidates_as_with_every_term(void **state)
{
    mz_db *db = *state;
    const char *query = "الرقة سوريا";
    mz_terms t;
    mz_error err;
    assert_int_equal(mz_analyze(query, strlen(query), &t, &err), MZ_OK);
    size_t ks[] = {3, 4, 6, 8, 10};
    for (size_t i = 0; i < sizeof ks / sizeof *ks; i++) {
        mz_scored want[N_ARTS], *got;
        size_t n_want = rank_all_terms(db, query, ks[i], want), n_got;
        assert_int_equal(mz_store_candidates(db, (const char *const *)t.v, t.n, ks[i], &got,
                                             &n_got, &err),
                         MZ_OK);
        assert_same_ranking(got, n_got, want, n_want);
        free(got);
    }
    assert_int_equal(rank_all_terms(db, query, 10, (mz_scored[N_ARTS]){0}), 6);
    mz_terms_clear(&t);
}

/* The search command's hits too, snippets included. */
static void test_search_as_with_every_term(void **state)
{
    mz_db *db = *state;
    const char *query = "سوريا الرقة";
    mz_error err;
    for (size_t k = 2; k <= 8; k += 3) {
        mz_scored want[N_ARTS];
        size_t n_want = rank_all_terms(db, query, k, want);
        mz_hits h;
        assert_int_equal(mz_search(db, query, k, NULL, NULL, &h, &err), MZ_OK);
        assert_int_equal(h.n, n_want);
        for (size_t i = 0; i < h.n; i++) {
            assert_int_equal(h.v[i].id, want[i].id);
            assert_non_null(strstr(h.v[i].snippet, "["));
        }
        mz_hits_clear(&h);
    }
    /* only the common word: every row holding it, none lost */
    mz_hits h;
    assert_int_equal(mz_search(db, "سوريا", 10, NULL, NULL, &h, &err), MZ_OK);
    assert_int_equal(h.n, 5);
    mz_hits_clear(&h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_drops_half_the_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_below_half_is_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_candidates_as_with_every_term, setup, teardown),
        cmocka_unit_test_setup_teardown(test_search_as_with_every_term, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
