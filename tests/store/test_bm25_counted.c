/* test_bm25_counted.c — mz_bm25 (store/bm25_counted.c), FTS5's bm25() given
 * the phrases' document counts (and the rows' lengths, doc_lens.c), must
 * score every row exactly as bm25() does: the same doubles, bit for bit,
 * with the title/body weights, an empty title, a term in every row (its
 * weight floored), a prefix phrase and a two-word one; the search's
 * candidates and hits with it equal to bm25()'s ranking, also after a row
 * is deleted and another one grows on the same connection (the remembered
 * counts and lengths must be forgotten); a bad argument is an SQL error;
 * a damaged docsize row is left to FTS5 (the same scores or error as
 * bm25()), and ids at the ends of the rowid range are looked up without
 * overflow (both seen only under UBSan: clang's -fsanitize=undefined). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store/db.h"
#include "store/store.h"
#include "util/util.h"
#include "store_helpers.h"

#define N_ARTS 8

/* Short reports written for this test. «المدينة» is in every one of them. */
static const char *const arts[N_ARTS] = {
    "سوق الرقة يعود\n\nعاد سوق الرقة القديم إلى العمل في المدينة بعد ترميم الرقة، وقال تجار الرقة إن الحركة تحسنت.",
    "قافلة إلى الرقة\n\nوصلت قافلة مساعدات إلى المدينة وتوزعت على الأحياء الشرقية.",
    "مدرسة جديدة\n\nافتتحت في المدينة مدرسة جديدة تستقبل أطفال الرقة النازحين.",
    "أمطار في حلب\n\nأمطار غزيرة تغمر شوارع المدينة القديمة في حلب وتعطل حركة السير.",
    "معرض الكتاب\n\nمعرض للكتاب في المدينة يستقبل آلاف الزوار في يومه الأول في حلب.",
    "أسعار الذهب\n\nارتفعت أسعار الذهب في أسواق المدينة هذا الأسبوع بعد أسبوعين من الهدوء.",
    "مهرجان المسرح\n\nمهرجان للمسرح في المدينة يكرم فنانين، ويعرض مسرحية عن الرقاقة والخبز.",
    "مجلس الرقة المدني\n\nأعلن مجلس الرقة المدني في المدينة فتح طريق جديد إلى الرقة.",
};

static int setup(void **state)
{
    mz_db *db = memory_store(arts, N_ARTS);
    /* one row with an empty title: its length is its body's alone */
    if (db && sqlite3_exec(db->sql, "UPDATE articles SET title = '' WHERE id = 3", NULL, NULL,
                           NULL) != SQLITE_OK) {
        mz_db_close(db);
        db = NULL;
    }
    *state = db;
    return db ? 0 : -1;
}

static int teardown(void **state)
{
    mz_db_close(*state);
    return 0;
}

/* '"\x01TERM"', the phrase of an analyzed term (sqlite3_free it). */
static char *phrase_of(const char *word)
{
    char *t = term_of(word), *p = sqlite3_mprintf("\"" MZ_FTS_RAW "%s\"", t);
    free(t);
    return p;
}

static sqlite3_int64 count_rows(mz_db *db)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM articles_fts_docsize", -1,
                                        &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    sqlite3_int64 n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* The rows matching phrase alone: bm25()'s n for it, counted another way. */
static sqlite3_int64 rows_matching(mz_db *db, const char *phrase)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->sql,
                                        "SELECT count(*) FROM articles_fts WHERE articles_fts"
                                        " MATCH ?1",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, phrase, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    sqlite3_int64 n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

/* Every row matching the OR of phrases: bm25(WEIGHTS) and mz_bm25(DF,
 * LENS, WEIGHTS) are the same double, LENS the rows' lengths when lens,
 * else NULL. Returns the rows compared. */
static int compare_lens(mz_db *db, const char *const *phrases, size_t n, const char *weights,
                        bool lens)
{
    sqlite3_int64 df[8];
    assert_true(n <= 8);
    mz_buf match = {0};
    for (size_t i = 0; i < n; i++) {
        df[i] = rows_matching(db, phrases[i]);
        assert_int_equal(mz_buf_puts(&match, i ? " OR " : ""), 0);
        assert_int_equal(mz_buf_puts(&match, phrases[i]), 0);
    }
    char *sql = sqlite3_mprintf("SELECT rowid, bm25(articles_fts%s),"
                                " mz_bm25(articles_fts, ?2, ?3%s)"
                                " FROM articles_fts WHERE articles_fts MATCH ?1",
                                weights, weights);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, match.p, -1, SQLITE_STATIC);
    sqlite3_bind_blob(st, 2, df, (int)(n * sizeof *df), SQLITE_STATIC);
    mz_doc_lens *l = NULL;
    if (lens) {
        assert_non_null(l = mz_doc_lens_read(db->sql, count_rows(db)));
        sqlite3_bind_pointer(st, 3, l, MZ_DOC_LENS_PTR, NULL);
    }
    int rows = 0, rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        double want = sqlite3_column_double(st, 1), got = sqlite3_column_double(st, 2);
        if (memcmp(&want, &got, sizeof want)) /* to the last bit */
            fail_msg("row %lld: bm25 %.17g, mz_bm25 %.17g (%s, lens %d)",
                     (long long)sqlite3_column_int64(st, 0), want, got, match.p, lens);
        rows++;
    }
    assert_int_equal(rc, SQLITE_DONE);
    sqlite3_finalize(st);
    mz_doc_lens_free(l);
    sqlite3_free(sql);
    mz_buf_free(&match);
    return rows;
}

/* The same with and without the lengths read beforehand. */
static int compare(mz_db *db, const char *const *phrases, size_t n, const char *weights)
{
    int rows = compare_lens(db, phrases, n, weights, false);
    assert_int_equal(compare_lens(db, phrases, n, weights, true), rows);
    return rows;
}

/* Single terms, one in every row, with the search's weights, none, one
 * for the title only, and one weight more than the columns. */
static void test_terms_as_bm25(void **state)
{
    mz_db *db = *state;
    /* the row made titleless is indexed with a title of no terms */
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->sql,
                                        "SELECT hex(sz) FROM articles_fts_docsize WHERE id = 3",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_memory_equal(sqlite3_column_text(st, 0), "00", 2);
    sqlite3_finalize(st);
    char *raqqa = phrase_of("الرقة"), *aleppo = phrase_of("حلب"), *city = phrase_of("المدينة"),
         *gold = phrase_of("الذهب");
    const char *q1[] = {raqqa, aleppo, gold};
    const char *q2[] = {city, raqqa};
    const char *q3[] = {raqqa};
    const char *const weights[] = {", 2.0, 1.0", "", ", 3.5", ", 0.25, 7.0, 9.0"};
    for (size_t w = 0; w < sizeof weights / sizeof *weights; w++) {
        assert_int_equal(compare(db, q1, 3, weights[w]), 7);
        assert_int_equal(compare(db, q2, 2, weights[w]), N_ARTS); /* «المدينة»: 1e-6 */
        assert_int_equal(compare(db, q3, 1, weights[w]), 4);
    }
    sqlite3_free(raqqa), sqlite3_free(aleppo), sqlite3_free(city), sqlite3_free(gold);
}

/* A prefix phrase (الرقة and الرقاقة share their first letters) and a
 * phrase of two words, beside a single term. */
static void test_phrases_as_bm25(void **state)
{
    mz_db *db = *state;
    char *raqqa = term_of("الرقة"), *aleppo = phrase_of("حلب");
    char *prefix = sqlite3_mprintf("\"" MZ_FTS_RAW "%.4s\" *", raqqa);
    const char *q1[] = {prefix, aleppo};
    assert_true(rows_matching(db, prefix) >= 5);
    assert_int_equal(compare(db, q1, 2, ", 2.0, 1.0"), 7);
    const char *q2[] = {"\"مجلس الرقة\"", "\"الأحياء الشرقية\"", aleppo};
    assert_int_equal(rows_matching(db, q2[0]), 1);
    assert_int_equal(compare(db, q2, 3, ", 2.0, 1.0"), 4);
    free(raqqa);
    sqlite3_free(aleppo), sqlite3_free(prefix);
}

/* The reference: the search's ranking with bm25() over the kept terms
 * (those in under half the rows), best first, equal scores by id. */
static size_t bm25_ranking(mz_db *db, const char *const *terms, size_t n, mz_scored *out)
{
    mz_buf match = {0};
    for (size_t i = 0; i < n; i++) {
        char *p = sqlite3_mprintf("%s\"" MZ_FTS_RAW "%s\"", i ? " OR " : "", terms[i]);
        assert_int_equal(mz_buf_puts(&match, p), 0);
        sqlite3_free(p);
    }
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->sql,
                                        "SELECT rowid, -bm25(articles_fts, 2.0, 1.0) FROM"
                                        " articles_fts WHERE articles_fts MATCH ?1"
                                        " ORDER BY bm25(articles_fts, 2.0, 1.0), rowid",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, match.p, -1, SQLITE_STATIC);
    size_t k = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        out[k].id = sqlite3_column_int64(st, 0);
        out[k].score = sqlite3_column_double(st, 1);
        k++;
    }
    sqlite3_finalize(st);
    mz_buf_free(&match);
    return k;
}

/* mz_store_candidates and mz_search give bm25()'s ranking, scores to the
 * last bit; so they do after a row is deleted on the same connection,
 * which must not weigh the terms by the counts taken before. */
static void assert_search_as_bm25(mz_db *db, const char *query, const char *const *kept,
                                  size_t n_kept)
{
    mz_terms t;
    mz_error err;
    assert_int_equal(mz_analyze(query, strlen(query), &t, &err), MZ_OK);
    mz_scored want[N_ARTS], *got;
    size_t n_want = bm25_ranking(db, kept, n_kept, want), n_got;
    assert_true(n_want >= 3);
    assert_int_equal(mz_store_candidates(db, (const char *const *)t.v, t.n, 3, &got, &n_got, &err),
                     MZ_OK);
    assert_int_equal(n_got, 3);
    for (size_t i = 0; i < n_got; i++) {
        assert_int_equal(got[i].id, want[i].id);
        assert_memory_equal(&got[i].score, &want[i].score, sizeof(double));
    }
    free(got);
    mz_hits h;
    assert_int_equal(mz_search(db, query, 3, NULL, NULL, &h, &err), MZ_OK);
    assert_int_equal(h.n, 3);
    for (size_t i = 0; i < h.n; i++) {
        assert_int_equal(h.v[i].id, want[i].id);
        assert_memory_equal(&h.v[i].score, &want[i].score, sizeof(double));
    }
    mz_hits_clear(&h);
    mz_terms_clear(&t);
}

static void test_search_as_bm25_after_delete(void **state)
{
    mz_db *db = *state;
    /* «المدينة» is in every row: dropped; «حلب» 2 of 8, «الذهب» and
     * «المسرح» in 1 each: kept, weighed by those counts */
    const char *query = "حلب الذهب المسرح المدينة";
    char *aleppo = term_of("حلب"), *gold = term_of("الذهب"), *theatre = term_of("المسرح");
    const char *kept[] = {aleppo, gold, theatre};
    char *p = phrase_of("حلب");
    assert_int_equal(rows_matching(db, p), 2);
    assert_search_as_bm25(db, query, kept, 3);
    /* the rain in Aleppo is removed: «حلب» is in 1 row of 7 now, and the
     * counts remembered a moment ago are out of date */
    mz_error err;
    assert_int_equal(mz_articles_delete(db, (int64_t[]){4}, 1, &err), MZ_OK);
    assert_int_equal(rows_matching(db, p), 1);
    assert_search_as_bm25(db, query, kept, 3);
    /* a body grows by five terms: the lengths read a moment ago are out of
     * date too */
    assert_int_equal(sqlite3_exec(db->sql,
                                  "UPDATE articles SET body = body || ' وشارك فيه كتاب من"
                                  " مدن عربية كثيرة' WHERE id = 5",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_search_as_bm25(db, query, kept, 3);
    sqlite3_free(p);
    free(aleppo), free(gold), free(theatre);
}

/* DF or LENS missing, LENS not NULL nor the lengths, DF of the wrong size,
 * not a blob, or a negative count: a clear SQL error, no score. */
static void test_bad_df_refused(void **state)
{
    mz_db *db = *state;
    char *raqqa = phrase_of("الرقة");
    sqlite3_int64 good = 5, neg = -1; /* over the rows: test_rows_miscounted */
    struct {
        const char *sql;
        const void *blob;
        int bytes;
        const char *msg;
    } cases[] = {
        {"SELECT mz_bm25(articles_fts) FROM articles_fts WHERE articles_fts MATCH ?1", NULL, 0,
         "DF (the phrases' counts) or LENS is missing"},
        {"SELECT mz_bm25(articles_fts, ?2) FROM articles_fts WHERE articles_fts MATCH ?1", &good,
         8, "DF (the phrases' counts) or LENS is missing"},
        {"SELECT mz_bm25(articles_fts, ?2, 7) FROM articles_fts WHERE articles_fts MATCH ?1",
         &good, 8, "LENS must be NULL or the rows' lengths"},
        {"SELECT mz_bm25(articles_fts, ?2, NULL) FROM articles_fts WHERE articles_fts MATCH ?1",
         (sqlite3_int64[2]){5, 5}, 16, "one 64-bit count per phrase"},
        {"SELECT mz_bm25(articles_fts, 5, NULL) FROM articles_fts WHERE articles_fts MATCH ?1",
         NULL, 0, "one 64-bit count per phrase"},
        {"SELECT mz_bm25(articles_fts, ?2, NULL) FROM articles_fts WHERE articles_fts MATCH ?1",
         &neg, 8, "a count in DF is negative"},
        {"SELECT mz_bm25(articles_fts, ?2, NULL) FROM articles_fts WHERE articles_fts MATCH ?1",
         &good, 8, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        sqlite3_stmt *st;
        assert_int_equal(sqlite3_prepare_v2(db->sql, cases[i].sql, -1, &st, NULL), SQLITE_OK);
        sqlite3_bind_text(st, 1, raqqa, -1, SQLITE_STATIC);
        if (cases[i].blob)
            sqlite3_bind_blob(st, 2, cases[i].blob, cases[i].bytes, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (cases[i].msg) {
            assert_int_equal(rc, SQLITE_ERROR);
            assert_non_null(strstr(sqlite3_errmsg(db->sql), "mz_bm25: "));
            assert_non_null(strstr(sqlite3_errmsg(db->sql), cases[i].msg));
        } else {
            assert_int_equal(rc, SQLITE_ROW);
            assert_true(sqlite3_column_double(st, 0) < 0);
        }
        sqlite3_finalize(st);
    }
    sqlite3_free(raqqa);
}

/* A store whose FTS5 row count (the averages record) is under the rows a
 * term is in, as the docsize table counts them: the index disagrees with
 * itself. mz_bm25 says the store is damaged (SQLITE_CORRUPT, as FTS5 does
 * for a count of no rows), so the search fails as a corrupt store does
 * (MZ_ERR_DB_CORRUPT, exit 4, "database is damaged"); it was an SQL error
 * of its own («a count in DF is negative or over the rows», MZ_ERR_DB). */
static void test_rows_miscounted(void **state)
{
    mz_db *db = *state;
    char *aleppo = phrase_of("حلب");
    assert_int_equal(rows_matching(db, aleppo), 2);
    /* the averages record's first varint, the rows (8), made 1 */
    assert_int_equal(sqlite3_exec(db->sql,
                                  "UPDATE articles_fts_data SET block = CAST(X'01' ||"
                                  " substr(block, 2) AS BLOB) WHERE id = 1",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->sql,
                                        "SELECT mz_bm25(articles_fts, ?2, NULL) FROM articles_fts"
                                        " WHERE articles_fts MATCH ?1",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, aleppo, -1, SQLITE_STATIC);
    sqlite3_int64 df = 2;
    sqlite3_bind_blob(st, 2, &df, sizeof df, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st) & 0xff, SQLITE_CORRUPT);
    assert_non_null(strstr(sqlite3_errmsg(db->sql), "mz_bm25: "));
    sqlite3_finalize(st);
    mz_hits h;
    mz_error err;
    assert_int_equal(mz_search(db, "حلب الذهب", 3, NULL, NULL, &h, &err), MZ_ERR_DB_CORRUPT);
    assert_non_null(strstr(err.msg, "database is damaged"));
    sqlite3_free(aleppo);
}

/* Runs SQL (one score column) over the rows matching phrase: the step's
 * last result code, and the scores into v (up to N_ARTS). */
static int scores_of(mz_db *db, const char *sql, const char *phrase, const mz_doc_lens *l,
                     double *v, int *n)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, phrase, -1, SQLITE_STATIC);
    sqlite3_int64 df = rows_matching(db, phrase);
    sqlite3_bind_blob(st, 2, &df, sizeof df, SQLITE_TRANSIENT);
    if (l)
        sqlite3_bind_pointer(st, 3, (void *)l, MZ_DOC_LENS_PTR, NULL);
    int rc;
    *n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < N_ARTS)
        v[(*n)++] = sqlite3_column_double(st, 0);
    sqlite3_finalize(st);
    return rc;
}

/* A damaged docsize row (no blob, an empty one, one varint short, one
 * over, a varint cut off, a column length past an int): the lengths read
 * beforehand leave it to FTS5, so mz_bm25 answers as bm25() does, the
 * same scores or the same error, and reading the lengths does not trip
 * over the blob (a NULL one is no pointer to do arithmetic on). */
static void test_damaged_lengths(void **state)
{
    mz_db *db = *state;
    char *aleppo = phrase_of("حلب");
    const char *const blobs[] = {"NULL",      "X''",         "X'05'",
                                 "X'050607'", "X'0580'",     "X'05FFFFFFFF0F'",
                                 "X'0506'"};
    for (size_t i = 0; i < sizeof blobs / sizeof *blobs; i++) {
        char *upd = sqlite3_mprintf("UPDATE articles_fts_docsize SET sz = %s WHERE id = 4",
                                    blobs[i]);
        assert_int_equal(sqlite3_exec(db->sql, upd, NULL, NULL, NULL), SQLITE_OK);
        sqlite3_free(upd);
        mz_doc_lens *l = mz_doc_lens_read(db->sql, count_rows(db));
        assert_non_null(l);
        double want[N_ARTS], got[N_ARTS];
        int n_want, n_got;
        int rc_want = scores_of(db,
                                "SELECT bm25(articles_fts) FROM articles_fts"
                                " WHERE articles_fts MATCH ?1 ORDER BY rowid",
                                aleppo, NULL, want, &n_want);
        int rc_got = scores_of(db,
                               "SELECT mz_bm25(articles_fts, ?2, ?3) FROM articles_fts"
                               " WHERE articles_fts MATCH ?1 ORDER BY rowid",
                               aleppo, l, got, &n_got);
        mz_doc_lens_free(l);
        if (rc_want != rc_got || n_want != n_got || memcmp(want, got, n_want * sizeof *want))
            fail_msg("sz %s: bm25 rc %d (%d rows), mz_bm25 rc %d (%d rows)", blobs[i], rc_want,
                     n_want, rc_got, n_got);
    }
    sqlite3_free(aleppo);
}

/* Lengths read from a docsize table whose ids reach the ends of the
 * rowid range (a foreign or damaged store): ids dense from -1, looked up
 * far past the end; ids at both ends, far apart. Each id the table holds
 * gives its length, any other -1, without an id difference overflowing. */
static void test_lens_ids_at_the_ends(void **state)
{
    (void)state;
    sqlite3 *sql;
    assert_int_equal(sqlite3_open(":memory:", &sql), SQLITE_OK);
    assert_int_equal(sqlite3_exec(sql,
                                  "CREATE TABLE articles_fts_docsize(id INTEGER PRIMARY KEY,"
                                  " sz BLOB);"
                                  "INSERT INTO articles_fts_docsize VALUES(-1, X'0102'), (0, X'0304')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    mz_doc_lens *l = mz_doc_lens_read(sql, 2);
    assert_non_null(l);
    assert_int_equal(mz_doc_lens_get(l, -1), 3);
    assert_int_equal(mz_doc_lens_get(l, 0), 7);
    assert_int_equal(mz_doc_lens_get(l, 1), -1);
    assert_int_equal(mz_doc_lens_get(l, INT64_MAX), -1);
    assert_int_equal(mz_doc_lens_get(l, INT64_MIN), -1);
    mz_doc_lens_free(l);
    assert_int_equal(sqlite3_exec(sql,
                                  "DELETE FROM articles_fts_docsize;"
                                  "INSERT INTO articles_fts_docsize VALUES"
                                  " (-9223372036854775808, X'0101'), (9223372036854775807, X'0203')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    assert_non_null(l = mz_doc_lens_read(sql, 2));
    assert_int_equal(mz_doc_lens_get(l, INT64_MIN), 2);
    assert_int_equal(mz_doc_lens_get(l, INT64_MAX), 5);
    assert_int_equal(mz_doc_lens_get(l, 0), -1);
    mz_doc_lens_free(l);
    sqlite3_close(sql);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_terms_as_bm25, setup, teardown),
        cmocka_unit_test_setup_teardown(test_phrases_as_bm25, setup, teardown),
        cmocka_unit_test_setup_teardown(test_search_as_bm25_after_delete, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_df_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_damaged_lengths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rows_miscounted, setup, teardown),
        cmocka_unit_test(test_lens_ids_at_the_ends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
