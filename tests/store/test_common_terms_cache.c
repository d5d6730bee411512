/* test_common_terms_cache.c — a connection remembers which terms are in
 * half the rows (store/df_cache.c), and must never answer from a store
 * that has changed since: articles added or deleted through the same
 * connection (its own writes) or through another one (data_version) move
 * a word across the half-the-rows line, and the next decision follows.
 * Each decision is also checked against the article count an fts5vocab
 * table gives (how common_terms.c counted before). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/db.h"
#include "store/store.h"
#include "store_helpers.h"

#define N_ARTS 10

/* Ten short reports written for this test: «دمشق» in five of them (half
 * the rows: dropped), «حمص» in two. */
static const char *const arts[N_ARTS] = {
    "افتتاح معرض دمشق الدولي بمشاركة شركات من عشرين دولة.",
    "ارتفاع أسعار الخضار في أسواق دمشق مع بداية الشتاء.",
    "انقطاع الكهرباء عن أحياء في دمشق لساعات طويلة.",
    "فرق الإطفاء تخمد حريقا في سوق قديم وسط دمشق.",
    "جامعة دمشق تعلن مواعيد امتحانات الفصل الثاني.",
    "ترميم قلعة حمص الأثرية بعد سنوات من الإهمال.",
    "مباراة كرة قدم بين ناديين من حمص وحماة تنتهي بالتعادل.",
    "أمطار غزيرة تغمر شوارع اللاذقية وتعطل حركة السير.",
    "معرض للكتاب في عمان يستقبل آلاف الزوار في يومه الأول.",
    "مهرجان للمسرح في تونس يكرم فنانين من المغرب العربي.",
};
static const char *const without =
    "افتتاح جسر جديد فوق نهر النيل في القاهرة.";
static const char *const with =
    "وصول قافلة مساعدات إلى ريف دمشق وتوزيعها على الأسر.";

/* Whether term is in half the rows, by fts5vocab's count (the reference). */
static bool vocab_common(mz_db *db, const char *term)
{
    assert_int_equal(sqlite3_exec(db->sql,
                                  "CREATE VIRTUAL TABLE IF NOT EXISTS temp.ref_vocab"
                                  " USING fts5vocab(main, articles_fts, row)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->sql,
                                        "SELECT (SELECT count(*) FROM articles_fts_docsize),"
                                        " (SELECT doc FROM temp.ref_vocab WHERE term = ?1)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, term, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    sqlite3_int64 rows = sqlite3_column_int64(st, 0), hits = sqlite3_column_int64(st, 1);
    sqlite3_finalize(st);
    return 2 * hits >= rows;
}

/* Whether mz_drop_common_terms drops term (asked with «حمص», always kept),
 * asserted equal to the reference. */
static bool dropped(mz_db *db, const char *term)
{
    char *homs = term_of("حمص");
    const char *terms[] = {term, homs}, *kept[2];
    size_t n_kept;
    mz_drop_common_terms(db, terms, 2, kept, &n_kept, (sqlite3_int64[2]){0});
    assert_true(n_kept == 1 || n_kept == 2);
    assert_string_equal(kept[n_kept - 1], homs);
    free(homs);
    assert_int_equal(n_kept == 1, vocab_common(db, term));
    return n_kept == 1;
}

static int64_t add(mz_db *db, const char *text)
{
    mz_error err;
    int64_t id;
    mz_article_input in = {.text = text, .text_len = strlen(text)};
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    return id;
}

/* The same connection writes: 5 of 10, 5 of 11, 7 of 13, 4 of 10. */
static void test_own_writes(void **state)
{
    (void)state;
    mz_db *db = memory_store(arts, N_ARTS);
    assert_non_null(db);
    char *dimashq = term_of("دمشق");
    assert_true(dropped(db, dimashq));
    assert_true(dropped(db, dimashq)); /* asked again: remembered */
    add(db, without);
    assert_false(dropped(db, dimashq));
    int64_t a = add(db, with), b = add(db, "حريق في مخبز بحي الميدان في دمشق.");
    assert_true(dropped(db, dimashq));
    mz_error err;
    int64_t gone[] = {a, b, 1};
    assert_int_equal(mz_articles_delete(db, gone, 3, &err), MZ_OK);
    assert_false(dropped(db, dimashq));
    free(dimashq);
    mz_db_close(db);
}

/* Another connection to the same file writes: the reader's decisions
 * follow (PRAGMA data_version), though the reader itself wrote nothing. */
static void test_other_connection_writes(void **state)
{
    (void)state;
    char *dir = tmpdir_new(), *path = path_join(dir, "store.db");
    mz_db *writer, *reader;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &writer, &err), MZ_OK);
    for (size_t i = 0; i < N_ARTS; i++)
        add(writer, arts[i]);
    assert_int_equal(mz_db_open(path, MZ_OPEN_READONLY, &reader, &err), MZ_OK);
    char *dimashq = term_of("دمشق");
    assert_true(dropped(reader, dimashq));
    int64_t id = add(writer, without); /* 5 of 11 */
    assert_false(dropped(reader, dimashq));
    assert_int_equal(mz_articles_delete(writer, &id, 1, &err), MZ_OK); /* 5 of 10 */
    assert_true(dropped(reader, dimashq));
    free(dimashq);
    mz_db_close(reader);
    mz_db_close(writer);
    rm_rf(dir);
    free(path);
    free(dir);
}

/* Decisions made inside a write transaction that is then rolled back:
 * sqlite3_total_changes64 keeps counting the rows written, and
 * data_version moves only for other connections, so the key after the
 * rollback is the key inside it, while the rows are gone again. */
static void test_rolled_back_write(void **state)
{
    (void)state;
    mz_db *db = memory_store(arts, N_ARTS);
    assert_non_null(db);
    char *dimashq = term_of("دمشق");
    assert_true(dropped(db, dimashq));
    mz_error err;
    assert_int_equal(mz_db_begin(db, &err), MZ_OK);
    mz_adder a;
    assert_int_equal(mz_adder_init(&a, db, &err), MZ_OK);
    int64_t id;
    mz_article_input in = {.text = without, .text_len = strlen(without)};
    assert_int_equal(mz_adder_add(&a, &in, false, &id, &err), MZ_OK);
    mz_adder_done(&a);
    /* 5 of 11, not yet committed; asked without the reference, whose
     * queries here count as changes too and would move the key */
    const char *terms[] = {dimashq}, *kept[1];
    size_t n_kept;
    mz_drop_common_terms(db, terms, 1, kept, &n_kept, (sqlite3_int64[1]){0});
    assert_int_equal(n_kept, 1);
    mz_db_rollback(db);
    assert_true(dropped(db, dimashq)); /* 5 of 10 again */
    free(dimashq);
    mz_db_close(db);
}

/* A server meets new words without end: past 4,096 the connection starts
 * over rather than grow, and what it answers is still what it was told. */
static void test_cache_starts_over_when_full(void **state)
{
    (void)state;
    mz_df_cache *c = NULL;
    mz_df_key key = {1, 2};
    assert_non_null(mz_df_cache_begin(&c, &key));
    char term[32];
    for (int i = 0; i < 10000; i++) {
        snprintf(term, sizeof term, "كلمة%d", i);
        mz_df_cache_put(c, term, i % 3 == 0);
        assert_int_equal(mz_df_cache_get(c, term), i % 3 == 0);
    }
    for (int i = 0; i < 10000; i++) { /* forgotten, or as it was put */
        snprintf(term, sizeof term, "كلمة%d", i);
        int got = mz_df_cache_get(c, term);
        assert_true(got == -1 || got == (i % 3 == 0));
    }
    mz_df_cache_rows(c)[0] = 7;
    key.changes = 3; /* another key: everything forgotten, the row count too */
    assert_ptr_equal(mz_df_cache_begin(&c, &key), c);
    assert_int_equal(mz_df_cache_get(c, term), -1);
    assert_int_equal(*mz_df_cache_rows(c), -1);
    mz_df_cache_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_own_writes),
        cmocka_unit_test(test_other_connection_writes),
        cmocka_unit_test(test_rolled_back_write),
        cmocka_unit_test(test_cache_starts_over_when_full),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
