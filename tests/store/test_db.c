/* test_db.c — opening the store: creation, reopening, migrations, read-only,
 * corrupt and foreign files, locking. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <sys/wait.h>
#include <sqlite3.h>
#include <time.h>

#include "check/check.h"
#include "store/db.h"
#include "util/util.h"
#include "store/store.h"
#include "store_helpers.h"

static void test_create_and_reopen(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "m.db");
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_article_input in = {.text = ART_TALKS, .text_len = strlen(ART_TALKS), .origin = "t"};
    int64_t id;
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    assert_true(id > 0);
    mz_db_close(db);

    assert_int_equal(mz_db_open(path, MZ_OPEN_NOCREATE, &db, &err), MZ_OK);
    mz_stats st;
    assert_int_equal(mz_db_stats(db, &st, &err), MZ_OK);
    assert_int_equal(st.articles, 1);
    assert_int_equal(st.schema_version, MZ_SCHEMA_VERSION);
    mz_article a;
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    assert_string_equal(a.title, "جولة جديدة من مفاوضات السلام");
    assert_string_equal(a.origin, "t");
    assert_null(a.url);
    mz_article_clear(&a);
    assert_int_equal(mz_article_get(db, id + 100, &a, &err), MZ_ERR_NOT_FOUND);
    assert_null(a.title);
    mz_db_close(db);

    /* WAL mode was set on the file. */
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "wal");
    sqlite3_finalize(q);
    sqlite3_close(raw);
    free(path);
    rm_rf(dir);
    free(dir);
}

static void test_memory_and_missing(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    int64_t n = -1;
    assert_int_equal(mz_store_count(db, &n, &err), MZ_OK);
    assert_int_equal(n, 0);
    mz_db_close(db);
    assert_int_equal(mz_db_open("/tmp/mizan-no-such-dir/x.db", MZ_OPEN_NOCREATE, &db, &err),
                     MZ_ERR_NOT_FOUND);
    assert_null(db);
    assert_non_null(strstr(err.msg, "no such database"));
    assert_int_equal(mz_db_open("/tmp/mizan-no-such-dir/x.db", MZ_OPEN_READONLY, &db, &err),
                     MZ_ERR_NOT_FOUND);
    assert_int_equal(mz_db_open("/tmp", 0, &db, &err), MZ_ERR_DB);
    assert_non_null(strstr(err.msg, "directory"));
    assert_int_equal(mz_db_open("", 0, &db, &err), MZ_ERR_ARG);
}

/* A NULL handle or output pointer is a bad argument, reported, never a
 * crash; the message names what is missing. */
static void test_null_arguments(void **state)
{
    (void)state;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, NULL, &err), MZ_ERR_ARG);
    assert_non_null(strstr(err.msg, "output"));
    assert_int_equal(mz_db_open(NULL, 0, NULL, NULL), MZ_ERR_ARG);
    mz_db *db;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    mz_article_input in = {.text = "خبر قصير عن الرقة", .text_len = strlen("خبر قصير عن الرقة")};
    int64_t id;
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    assert_int_equal(mz_article_get(db, id, NULL, &err), MZ_ERR_ARG);
    assert_non_null(strstr(err.msg, "output"));
    assert_int_equal(mz_db_stats(db, NULL, &err), MZ_ERR_ARG);
    assert_non_null(strstr(err.msg, "output"));
    assert_int_equal(mz_search(db, "الرقة", 5, NULL, NULL, NULL, &err), MZ_ERR_ARG);
    assert_non_null(strstr(err.msg, "output"));
    mz_hits h;
    assert_int_equal(mz_search(NULL, "الرقة", 5, NULL, NULL, &h, &err), MZ_ERR_ARG);
    assert_non_null(strstr(err.msg, "database")); /* not "empty query" */
    assert_null(h.v);
    assert_int_equal(mz_search(db, "الرقة", 5, NULL, NULL, &h, &err), MZ_OK);
    assert_int_equal(h.n, 1);
    mz_hits_clear(&h);
    mz_db_close(db);
}

/* Step 5 calls mizan_norm_hash (db.c registers it on open); building an
 * empty store by hand, a stand-in that hashes nothing will do. */
static void no_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    (void)argv;
    sqlite3_result_null(ctx);
}

/* Builds a store of schema `version` at path by hand, as an older mizan
 * would have left it, with one row put in by a raw INSERT (title, body). */
static void old_store(const char *path, int version, const char *title, const char *body)
{
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(mz_fts_register(raw), SQLITE_OK);
    assert_int_equal(sqlite3_create_function_v2(raw, "mizan_norm_hash", 1, SQLITE_UTF8, NULL, no_hash,
                                                NULL, NULL, NULL),
                     SQLITE_OK);
    /* step 10 fills url_key by mizan_url_key: the empty store has no URL */
    assert_int_equal(sqlite3_create_function_v2(raw, "mizan_url_key", 1, SQLITE_UTF8, NULL, no_hash,
                                                NULL, NULL, NULL),
                     SQLITE_OK);
    struct mz_db old = {.sql = raw, .path = (char *)path};
    mz_error err;
    assert_int_equal(mz_schema_migrate(&old, version, &err), MZ_OK);
    int v;
    assert_int_equal(mz_schema_version(&old, &v, &err), MZ_OK);
    assert_int_equal(v, version);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(raw, "INSERT INTO articles(title, body, norm_hash) VALUES (?1, ?2, 'h1')",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, title, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, body, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    sqlite3_close(raw);
}

static void test_migration_from_v1(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "old.db");
    old_store(path, 1, "قديم", "مقال قديم عن والمفاوضات في جنيف");
    mz_error err;
    sqlite3 *raw;

    mz_db *db;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_stats st;
    assert_int_equal(mz_db_stats(db, &st, &err), MZ_OK);
    assert_int_equal(st.schema_version, MZ_SCHEMA_VERSION);
    assert_int_equal(st.articles, 1);
    mz_hits hits;
    assert_int_equal(mz_search(db, "المفاوضات", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 1);
    mz_hits_clear(&hits);
    /* articles added after the upgrade are indexed too (step 3 moved
     * indexing from a trigger into the store) */
    mz_article_input in = {.text = ART_DIALOGUE, .text_len = strlen(ART_DIALOGUE)};
    assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_OK);
    assert_int_equal(mz_search(db, "المفاوضات", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 2);
    mz_hits_clear(&hits);
    mz_db_close(db);

    /* The version-2 step ran: meta exists. */
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "SELECT value FROM meta WHERE key='tokenizer'", NULL, NULL, NULL),
                     SQLITE_OK);
    /* A store from a newer mizan is refused, not damaged. */
    assert_int_equal(sqlite3_exec(raw, "UPDATE schema_version SET version = 99", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_ERR_DB);
    assert_non_null(strstr(err.msg, "newer"));
    free(path);
    rm_rf(dir);
    free(dir);
}

/* Step 4 rebuilds the full-text index from the stored articles: an index
 * written by an older analyzer is replaced. A row the old index lacks (put
 * in by hand on a version-3 store, where nothing indexes raw inserts) is
 * found after the upgrade, and the articles are untouched. */
static void test_migration_rebuilds_index(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "v3.db");
    old_store(path, 3, "بيان", "أصدرت وزارة الخارجية بيانا عن المفاوضات");
    mz_error err;

    mz_db *db;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_hits hits;
    assert_int_equal(mz_search(db, "وزارة", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 1);
    mz_hits_clear(&hits);
    /* وزارة is not زار ("visited") in the rebuilt index */
    assert_int_equal(mz_search(db, "زار", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 0);
    mz_hits_clear(&hits);
    mz_stats st;
    assert_int_equal(mz_db_stats(db, &st, &err), MZ_OK);
    assert_int_equal(st.schema_version, MZ_SCHEMA_VERSION);
    assert_int_equal(st.articles, 1);
    mz_db_close(db);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* Step 6 rebuilds the index once more: a version-5 index dropped آلية
 * ("mechanism") as the stopword إليه, which it normalizes to. Its row (put
 * in by hand, so not indexed) is found under the word after the upgrade. */
static void test_migration_reads_spelling(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "v5.db");
    old_store(path, 5, "اتفاق", "اتفق الطرفان على آلية لخروج المدنيين من المدينة");
    mz_error err;
    mz_db *db;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_hits hits;
    assert_int_equal(mz_search(db, "آلية", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 1);
    mz_hits_clear(&hits);
    assert_int_equal(mz_search(db, "الية", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 1); /* written without the madda */
    mz_hits_clear(&hits);
    assert_int_equal(mz_search(db, "إليه", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 0); /* the function word is still dropped */
    mz_hits_clear(&hits);
    mz_db_close(db);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* Step 7 rebuilds the index again: a version-6 index dropped the name علي
 * (Ali) as على, which it normalizes to. After the upgrade the name is
 * found, and the preposition, written with its alef maqsura, still is not
 * a term. */
static void test_migration_keeps_ali(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "v6.db");
    old_store(path, 6, "لقاء", "التقى علي أكبر ولايتي بالحريري في بيروت");
    mz_error err;
    mz_db *db;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_hits hits;
    assert_int_equal(mz_search(db, "علي", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 1);
    mz_hits_clear(&hits);
    assert_int_equal(mz_search(db, "على", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 0);
    mz_hits_clear(&hits);
    mz_db_close(db);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* Step 8 indexes the list's order: a version-7 store lists the same
 * articles in the same order after it as the version-7 list (its SQL, a
 * sort of the whole table, below) gave before, dates of every kind mixed.
 * Read-only, the older store is refused with "needs an upgrade" and left
 * as it was. */
static void test_migration_indexes_list(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "v7.db");
    old_store(path, 7, "خبر بلا تاريخ", "أفادت مصادر بأن المياه عادت إلى أحياء المدينة");
    static const char *const dates[] = {
        "2017-10-10T14:03:00+03:00", "2017-10-11", "2017-10-10T12:00:00Z", "منذ ساعتين",
        "2017-10-11T01:30:00+03:00", "2017-10-11T10:00:00+0300", "2458037.5", "2017-13-45",
        "", "2017-10-11", "2017-10-09"};
    enum { N_DATES = sizeof dates / sizeof *dates };
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    for (int i = 0; i < N_DATES; i++) {
        char *sql = sqlite3_mprintf(
            "INSERT INTO articles(title, body, url, source, published, norm_hash)"
            " VALUES ('خبر %d', 'قصف على ريف إدلب %d', %Q, %Q, %Q, 'old%d')",
            i, i, i % 3 ? "https://mubasher.aljazeera.net/news/1" : NULL,
            i % 3 == 0 ? "عنب بلدي" : NULL, dates[i], i);
        assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
        sqlite3_free(sql);
    }
    char want[128] = "", got[128] = "";
    sqlite3_stmt *st;
    assert_int_equal(
        sqlite3_prepare_v2(raw,
                           "SELECT id, CASE WHEN published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
                           " AND julianday(substr(published, 1, 10)) IS NOT NULL"
                           " THEN substr(published, 1, 10) END AS day,"
                           " coalesce(julianday(published), julianday(substr(published, 1, 10))) AS at"
                           " FROM articles ORDER BY day IS NULL, day DESC, at DESC, id DESC",
                           -1, &st, NULL),
        SQLITE_OK);
    while (sqlite3_step(st) == SQLITE_ROW)
        snprintf(want + strlen(want), sizeof want - strlen(want), "%s%lld", *want ? " " : "",
                 (long long)sqlite3_column_int64(st, 0));
    sqlite3_finalize(st);
    sqlite3_close(raw);

    mz_error err;
    mz_db *db;
    assert_int_equal(mz_db_open(path, MZ_OPEN_READONLY, &db, &err), MZ_ERR_DB_READONLY);
    assert_non_null(strstr(err.msg, "schema version 7 needs an upgrade"));
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_stats stats;
    assert_int_equal(mz_db_stats(db, &stats, &err), MZ_OK);
    assert_int_equal(stats.schema_version, MZ_SCHEMA_VERSION);
    assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT 1 FROM sqlite_master WHERE name = 'articles_list'",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    sqlite3_finalize(st);
    mz_article_list l;
    assert_int_equal(mz_articles_list(db, 0, 50, NULL, &l, &err), MZ_OK);
    assert_int_equal(l.total, N_DATES + 1);
    for (size_t i = 0; i < l.n; i++)
        snprintf(got + strlen(got), sizeof got - strlen(got), "%s%lld", i ? " " : "",
                 (long long)l.v[i].id);
    mz_article_list_clear(&l);
    assert_string_equal(got, want);
    /* a page is its slice; the site's rows keep the order too */
    assert_int_equal(mz_articles_list(db, 3, 2, NULL, &l, &err), MZ_OK);
    char slice[32];
    snprintf(slice, sizeof slice, "%lld %lld", (long long)l.v[0].id, (long long)l.v[1].id);
    assert_non_null(strstr(want, slice));
    mz_article_list_clear(&l);
    assert_int_equal(mz_articles_list(db, 0, 50, "aljazeera.net", &l, &err), MZ_OK);
    assert_int_equal(l.n, 7); /* the rows of i % 3 != 0, ids 3, 4, 6, 7, 9, 10, 12 */
    char site_want[64] = "", site_got[64] = "";
    for (char *p = want; *p;) {
        long long id = strtoll(p, &p, 10);
        if (id > 1 && (id - 2) % 3) /* row 1 is old_store's, with no URL */
            snprintf(site_want + strlen(site_want), sizeof site_want - strlen(site_want), "%s%lld",
                     *site_want ? " " : "", id);
    }
    for (size_t i = 0; i < l.n; i++)
        snprintf(site_got + strlen(site_got), sizeof site_got - strlen(site_got), "%s%lld",
                 i ? " " : "", (long long)l.v[i].id);
    assert_string_equal(site_got, site_want);
    mz_article_list_clear(&l);
    mz_db_close(db);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* A version-7 store holding an article dated "now" could not be upgraded:
 * step 8's index computed julianday('now'), which SQLite refuses in an
 * index, so the open failed and the store could be read by no command. It
 * upgrades now, its row kept as it was and listed with the undated. */
static void test_migration_dated_now(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "now.db");
    old_store(path, 7, "خبر بلا تاريخ", "أفادت مصادر بأن المياه عادت إلى أحياء المدينة");
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw,
                                  "INSERT INTO articles(title, body, published, norm_hash) VALUES"
                                  " ('قصف', 'قصف على ريف إدلب', 'now', 'h2'),"
                                  " ('معبر', 'أعيد فتح المعبر الحدودي', '2017-10-11', 'h3'),"
                                  " ('قافلة', 'وصلت قافلة إلى دوما', 'Now', 'h4')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    mz_db *db;
    mz_error err;
    if (mz_db_open(path, 0, &db, &err) != MZ_OK)
        fail_msg("%s", err.msg);
    mz_article_list l;
    assert_int_equal(mz_articles_list(db, 0, 10, NULL, &l, &err), MZ_OK);
    assert_int_equal(l.n, 4);
    long long want[] = {3, 4, 2, 1};
    for (size_t i = 0; i < l.n; i++)
        assert_int_equal(l.v[i].id, want[i]);
    assert_string_equal(l.v[2].published, "now");
    mz_article_list_clear(&l);
    mz_db_close(db);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* Step 9 adds the author column: a version-8 store (built here, with a
 * dated, sourced article) is refused read-only, upgraded writable, its
 * articles kept whole with no author, their order and index untouched;
 * an article added after the upgrade keeps its byline. */
static void test_migration_adds_author(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "v8.db");
    old_store(path, 8, "خبر بلا تاريخ", "أفادت مصادر بأن المياه عادت إلى أحياء المدينة");
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw,
                                  "INSERT INTO articles(title, body, url, source, published, norm_hash)"
                                  " VALUES ('معبر', 'أعيد فتح المعبر الحدودي', 'https://enabbaladi.net/1',"
                                  " 'عنب بلدي', '2017-10-11', 'h2')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    /* a version-8 store has no author column */
    assert_int_not_equal(sqlite3_exec(raw, "SELECT author FROM articles", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, MZ_OPEN_READONLY, &db, &err), MZ_ERR_DB_READONLY);
    assert_non_null(strstr(err.msg, "schema version 8 needs an upgrade"));
    if (mz_db_open(path, 0, &db, &err) != MZ_OK)
        fail_msg("%s", err.msg);
    mz_stats stats;
    assert_int_equal(mz_db_stats(db, &stats, &err), MZ_OK);
    assert_int_equal(stats.schema_version, MZ_SCHEMA_VERSION);
    assert_int_equal(stats.articles, 2);
    mz_article a;
    assert_int_equal(mz_article_get(db, 2, &a, &err), MZ_OK);
    assert_string_equal(a.body, "أعيد فتح المعبر الحدودي");
    assert_string_equal(a.source, "عنب بلدي");
    assert_string_equal(a.published, "2017-10-11");
    assert_null(a.author);
    mz_article_clear(&a);
    const char *text = "قال مسؤولون إن المياه عادت إلى أحياء المدينة الشرقية بعد انقطاع دام ثلاثة أيام";
    mz_article_input in = {.text = text, .text_len = strlen(text), .author = "سامر الحلبي"};
    int64_t id;
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    assert_string_equal(a.author, "سامر الحلبي");
    mz_article_clear(&a);
    mz_article_list l;
    assert_int_equal(mz_articles_list(db, 0, 10, NULL, &l, &err), MZ_OK);
    assert_int_equal(l.n, 3);
    assert_int_equal(l.v[0].id, 2); /* the dated one first, as before */
    assert_int_equal(l.v[1].id, id);
    assert_string_equal(l.v[1].author, "سامر الحلبي");
    assert_null(l.v[0].author);
    mz_article_list_clear(&l);
    mz_hits hits;
    assert_int_equal(mz_search(db, "الشرقية", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 1);
    mz_hits_clear(&hits);
    mz_db_close(db);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* Schema step 10 keeps each row's URL as versions are compared
 * (mz_url_key) and indexes it: a version-9 store's rows get theirs when it
 * is upgraded, so `show` and `list` find a corrected re-scrape stored
 * before under another form of the URL; rows added after get theirs at
 * insert. Nothing else of a row changes. */
/* Step 11 (article_places) on a real version-10 store: the row stays as it
 * was, and an exact copy of it sent from another site afterwards is kept
 * as another place it was published, once. */
static void test_migration_adds_places(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "v10.db");
    old_store(path, 10, "خبر بلا رابط", "أفادت مصادر بأن المياه عادت إلى أحياء المدينة");
    static const char wire[] = "أعلنت وكالة الأنباء الرسمية أن الحكومة أقرت موازنة العام المقبل"
                               " بعجز يبلغ ثلاثة مليارات دينار بعد جلسة استمرت ست ساعات.";
    char hash[33];
    mz_error err;
    assert_int_equal(mz_norm_hash(wire, strlen(wire), hash, &err), MZ_OK);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(raw,
                                        "INSERT INTO articles(title, body, url, source, norm_hash, url_key)"
                                        " VALUES ('الموازنة', ?1, 'https://wire-agency.example/budget',"
                                        " 'wire-agency.example', ?2, 'wire-agency.example/budget')",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_text(st, 1, wire, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
    assert_int_not_equal(sqlite3_exec(raw, "SELECT 1 FROM article_places", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    mz_db *db;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_stats stats;
    assert_int_equal(mz_db_stats(db, &stats, &err), MZ_OK);
    assert_int_equal(stats.schema_version, MZ_SCHEMA_VERSION);
    assert_int_equal(stats.articles, 2);
    mz_article_input in = {.text = wire, .text_len = strlen(wire),
                           .url = "https://www.daily-paper.example/economy/4411",
                           .published = "2026-02-03"};
    int64_t id;
    for (int round = 0; round < 2; round++) { /* the second time: nothing new */
        assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_ERR_DUPLICATE);
        assert_int_equal(id, 2);
    }
    mz_article a;
    assert_int_equal(mz_article_get(db, 2, &a, &err), MZ_OK);
    assert_string_equal(a.body, wire); /* the row as it was */
    assert_string_equal(a.url, "https://wire-agency.example/budget");
    mz_article_clear(&a);
    mz_places p;
    assert_int_equal(mz_article_places(db, 2, &p, &err), MZ_OK);
    assert_int_equal(p.n, 1);
    assert_string_equal(p.v[0].url, "https://www.daily-paper.example/economy/4411");
    assert_string_equal(p.v[0].source, "daily-paper.example");
    assert_string_equal(p.v[0].published, "2026-02-03");
    mz_places_clear(&p);
    mz_db_close(db);
    rm_rf(dir);
    free(path);
    free(dir);
}

static void test_migration_adds_url_key(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "v9.db");
    old_store(path, 9, "خبر بلا رابط", "أفادت مصادر بأن المياه عادت إلى أحياء المدينة");
    static const char rest[] =
        " وقال الدفاع المدني إن فرقه انتشلت الضحايا من تحت أنقاض منزلين في الحي الشرقي للبلدة،"
        " وأضاف أن الطائرات استهدفت السوق الشعبي في ساعة الذروة حين كان مزدحما بالمتسوقين،"
        " وتتعرض البلدة لقصف متكرر منذ بداية الشهر ونزح منها مئات العائلات.";
    char old_body[1024], new_body[1024];
    snprintf(old_body, sizeof old_body, "قتل 20 مدنيا في قصف جوي على بلدة سراقب.%s", rest);
    snprintf(new_body, sizeof new_body, "قتل 30 مدنيا في قصف جوي على بلدة سراقب.%s", rest);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(raw,
                                        "INSERT INTO articles(title, body, url, published, norm_hash)"
                                        " VALUES ('سراقب', ?1, ?2, ?3, ?4)",
                                        -1, &st, NULL),
                     SQLITE_OK);
    const char *rows[2][4] = {
        {old_body, "http://www.enabbaladi.example/2018/%D8%B3%D8%B1%D8%A7%D9%82%D8%A8", "2018-03-04", "h2"},
        {new_body, "https://enabbaladi.example/2018/سراقب/?utm_source=rss", "2018-03-05", "h3"}};
    for (int i = 0; i < 2; i++) {
        for (int c = 0; c < 4; c++)
            sqlite3_bind_text(st, c + 1, rows[i][c], -1, SQLITE_STATIC);
        assert_int_equal(sqlite3_step(st), SQLITE_DONE);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    assert_int_not_equal(sqlite3_exec(raw, "SELECT url_key FROM articles", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    mz_db *db;
    mz_error err;
    if (mz_db_open(path, MZ_OPEN_READONLY | MZ_OPEN_UPGRADE, &db, &err) != MZ_OK)
        fail_msg("%s", err.msg);
    mz_stats stats;
    assert_int_equal(mz_db_stats(db, &stats, &err), MZ_OK);
    assert_int_equal(stats.schema_version, MZ_SCHEMA_VERSION);
    mz_article a[2];
    for (int i = 0; i < 2; i++) {
        assert_int_equal(mz_article_get(db, i + 2, &a[i], &err), MZ_OK);
        assert_string_equal(a[i].body, rows[i][0]); /* the rows as they were */
        assert_string_equal(a[i].url, rows[i][1]);
    }
    mz_article_versions v[2];
    assert_int_equal(mz_articles_versions(db, a, 2, v, &err), MZ_OK);
    assert_int_equal(v[0].superseded_by, 3);
    assert_int_equal(v[1].n_corrects, 1);
    assert_int_equal(v[1].corrects[0], 2);
    for (int i = 0; i < 2; i++) {
        mz_article_versions_clear(&v[i]);
        mz_article_clear(&a[i]);
    }
    mz_db_close(db);
    /* the key is indexed, and a row added now gets it */
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    char later[1024];
    snprintf(later, sizeof later, "قتل 31 مدنيا في قصف جوي على بلدة سراقب.%s", rest);
    mz_article_input in = {.text = later, .text_len = strlen(later), .published = "2018-03-06",
                           .url = "https://enabbaladi.example/2018/سراقب#comments"};
    int64_t id;
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    mz_db_close(db);
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(raw,
                                        "SELECT count(*) FROM articles INDEXED BY articles_url_key"
                                        " WHERE url_key = 'enabbaladi.example/2018/سراقب'",
                                        -1, &st, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 3);
    sqlite3_finalize(st);
    sqlite3_close(raw);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* The author as the store keeps it: one trimmed line, runs of spaces and
 * control characters folded; blank, a URL or one over MZ_AUTHOR_MAX bytes
 * dropped (the article kept, with no author); invalid UTF-8 fails the
 * article, as in any other field. */
static void test_author_cleaned(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "a.db");
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    char long_name[MZ_AUTHOR_MAX + 8];
    memset(long_name, 'a', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    const struct { const char *given, *kept; } cases[] = {
        {"  سامر\t  الحلبي\n", "سامر الحلبي"},
        {"ليلى \x1b[31mحداد", "ليلى [31mحداد"},
        {"https://facebook.com/samer", NULL},
        {" \n ", NULL},
        {long_name, NULL},
        {NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char text[256];
        snprintf(text, sizeof text, "أعلنت البلدية افتتاح الجسر رقم %zu فوق النهر في وسط المدينة", i);
        mz_article_input in = {.text = text, .text_len = strlen(text), .author = cases[i].given};
        int64_t id;
        assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
        mz_article a;
        assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
        if (cases[i].kept)
            assert_string_equal(a.author, cases[i].kept);
        else
            assert_null(a.author);
        mz_article_clear(&a);
    }
    /* the site's own name where the byline goes names no writer: dropped,
     * spelled as the source or as the site of the source or URL */
    const struct { const char *source, *url, *author, *kept; } sites[] = {
        {"الجزيرة نت", NULL, "الجزيرة  نت", NULL},
        {"الجزيرة نت", NULL, "سامر الحلبي", "سامر الحلبي"},
        {NULL, "https://www.aljazeera.net/news/2026/3/14/x", "Aljazeera.net", NULL},
        {NULL, "https://www.aljazeera.net/news/2026/3/14/x", "Al Jazeera", NULL},
        {NULL, "https://www.aljazeera.net/news/2026/3/14/x", "الجزيرة", "الجزيرة"},
        {"enabbaladi.net", NULL, "Enab-Baladi", NULL},
        {"Reuters", NULL, "reuters", NULL},
        {"Reuters", NULL, "Reuters staff", "Reuters staff"},
        {NULL, "https://sahil-today.example/2026/03/14/x", "ليلى حداد", "ليلى حداد"},
    };
    for (size_t i = 0; i < sizeof sites / sizeof *sites; i++) {
        char body[256];
        snprintf(body, sizeof body, "افتتحت البلدية الحديقة رقم %zu في حي البساتين بعد ترميمها", i);
        mz_article_input in = {.text = body, .text_len = strlen(body), .source = sites[i].source,
                               .url = sites[i].url, .author = sites[i].author};
        int64_t id;
        assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
        mz_article a;
        assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
        if (sites[i].kept)
            assert_string_equal(a.author, sites[i].kept);
        else if (a.author)
            fail_msg("case %zu: author «%s» kept, names the site", i, a.author);
        mz_article_clear(&a);
    }
    const char *text = "وصلت قافلة مساعدات إلى المدينة صباح اليوم";
    mz_article_input bad = {.text = text, .text_len = strlen(text), .author = "\xff\xfe"};
    assert_int_equal(mz_article_add(db, &bad, NULL, &err), MZ_ERR_UTF8);
    assert_non_null(strstr(err.msg, "author: invalid UTF-8"));
    mz_db_close(db);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* Schema 5: the duplicate hash follows the new normalization (مسئول =
 * مسؤول). Two rows that now hash alike are both kept: the second keeps its
 * old hash, and nothing stored is lost. */
static void test_migration_rehashes(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "v4.db");
    const char *egy = "قال مسئول في وزارة الخارجية إن المفاوضات مستمرة";
    const char *std = "قال مسؤول في وزارة الخارجية إن المفاوضات مستمرة";
    old_store(path, 4, "خبر", egy);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    char *sql = sqlite3_mprintf("INSERT INTO articles(title, body, norm_hash) VALUES ('خبر 2', %Q, 'h2')", std);
    assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_free(sql);
    sqlite3_close(raw);

    mz_error err;
    mz_db *db;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_stats st;
    assert_int_equal(mz_db_stats(db, &st, &err), MZ_OK);
    assert_int_equal(st.schema_version, MZ_SCHEMA_VERSION);
    assert_int_equal(st.articles, 2);
    char want[33];
    assert_int_equal(mz_norm_hash(std, strlen(std), want, &err), MZ_OK);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT norm_hash FROM articles ORDER BY id", -1, &q, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), want);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "h2");
    sqlite3_finalize(q);
    /* a third copy, in either spelling, is caught as a duplicate */
    mz_article_input in = {.text = std, .text_len = strlen(std)};
    assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_ERR_DUPLICATE);
    /* and the rebuilt index finds both rows under either spelling */
    mz_hits hits;
    assert_int_equal(mz_search(db, "المسئولين", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 2);
    mz_hits_clear(&hits);
    mz_db_close(db);
    free(path);

    /* Order does not matter: row 1's new hash is row 2's old one (found by a
     * review: an UPDATE OR IGNORE in one pass left row 1 with its stale hash,
     * and a copy of it was stored again). Old hashes are those the old
     * normalization gave, ئ -> ي everywhere. */
    path = path_join(dir, "v4b.db");
    const char *a = "قال مسئول يو", *b = "قال مسوول ئو";
    char old_a[33], old_b[33], new_a[33], new_b[33];
    assert_int_equal(mz_norm_hash("قال مسيول يو", strlen("قال مسيول يو"), old_a, &err), MZ_OK);
    assert_int_equal(mz_norm_hash("قال مسوول يو", strlen("قال مسوول يو"), old_b, &err), MZ_OK);
    assert_int_equal(mz_norm_hash(a, strlen(a), new_a, &err), MZ_OK);
    assert_int_equal(mz_norm_hash(b, strlen(b), new_b, &err), MZ_OK);
    assert_string_equal(new_a, old_b);
    old_store(path, 4, "خبر", "نص أول لا يتغير");
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    sql = sqlite3_mprintf("INSERT INTO articles(title, body, norm_hash) VALUES ('أ', %Q, %Q), ('ب', %Q, %Q)",
                          a, old_a, b, old_b);
    assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_free(sql);
    sqlite3_close(raw);
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT norm_hash FROM articles WHERE id > 1 ORDER BY id", -1, &q, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), new_a);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), new_b);
    sqlite3_finalize(q);
    in = (mz_article_input){.text = a, .text_len = strlen(a)};
    assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_ERR_DUPLICATE);
    mz_db_close(db);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* An older store that another process holds the write lock of (most often
 * another mizan upgrading it: 5 s for 12k articles). Every command, reading
 * ones too, must upgrade it first, and said "starting a write transaction:
 * database is locked", which a `search` never asked for; the message now
 * says that the store is being upgraded and that it is not changed. */
static void test_upgrade_locked_message(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "v5.db");
    old_store(path, 5, "اتفاق", "اتفق الطرفان على آلية لخروج المدنيين من المدينة");
    sqlite3 *other;
    assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "PRAGMA journal_mode = WAL", NULL, NULL, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, MZ_OPEN_NOCREATE, &db, &err), MZ_ERR_DB_LOCKED);
    char want[64];
    snprintf(want, sizeof want, "upgrading the store from schema 5 to %d", MZ_SCHEMA_VERSION);
    if (!strstr(err.msg, want))
        fail_msg("%s", err.msg);
    assert_non_null(strstr(err.msg, "locked"));
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(other);
    assert_int_equal(mz_db_open(path, MZ_OPEN_NOCREATE, &db, &err), MZ_OK);
    assert_int_equal(count_articles(db), 1);
    mz_db_close(db);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* A store edited outside mizan (a trigger dropped, bytes written by SQL)
 * can hold invalid UTF-8. It is read back repaired, U+FFFD for each bad
 * byte, so the article is still shown and searched and any JSON made of it
 * stays valid. */
static void test_damaged_text_read_back(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "damaged.db");
    mz_error err;
    mz_db *db;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_article_input in = {.text = ART_DIALOGUE, .text_len = strlen(ART_DIALOGUE)};
    int64_t id;
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    mz_article a;
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    char *body = strdup(a.body);
    mz_article_clear(&a);
    mz_db_close(db);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw,
                                  "DROP TRIGGER articles_au;"
                                  "UPDATE articles SET title = title || CAST(x'c3' AS TEXT),"
                                  " body = CAST(x'ff' AS TEXT) || body",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);

    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    assert_int_equal(mz_article_get(db, id, &a, &err), MZ_OK);
    assert_int_equal(mz_utf8_check(a.title, strlen(a.title), NULL), MZ_OK);
    assert_memory_equal(a.body, "\xEF\xBF\xBD", 3);
    assert_string_equal(a.body + 3, body);
    free(body);
    assert_string_equal(a.title + strlen(a.title) - 3, "\xEF\xBF\xBD");
    mz_article_clear(&a);
    mz_hits hits;
    assert_int_equal(mz_search(db, "المفاوضات", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 1);
    assert_int_equal(mz_utf8_check(hits.v[0].title, strlen(hits.v[0].title), NULL), MZ_OK);
    assert_int_equal(mz_utf8_check(hits.v[0].snippet, strlen(hits.v[0].snippet), NULL), MZ_OK);
    mz_hits_clear(&hits);
    mz_db_close(db);
    free(path);
    rm_rf(dir);
    free(dir);
}

static void test_readonly(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "ro.db");
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_article_input in = {.text = ART_WEATHER, .text_len = strlen(ART_WEATHER)};
    assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_OK);
    mz_db_close(db);

    assert_int_equal(mz_db_open(path, MZ_OPEN_READONLY, &db, &err), MZ_OK);
    mz_article_input in2 = {.text = ART_TALKS, .text_len = strlen(ART_TALKS)};
    assert_int_equal(mz_article_add(db, &in2, NULL, &err), MZ_ERR_DB_READONLY);
    assert_non_null(strstr(err.msg, "read-only"));
    char *f = write_file(dir, "a.txt", ART_TALKS);
    const char *paths[] = {f};
    mz_ingest_report rep;
    assert_int_equal(mz_ingest_paths(db, paths, 1, NULL, &rep, &err), MZ_ERR_DB_READONLY);
    mz_hits hits;
    assert_int_equal(mz_search(db, "درجات الحرارة", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 1);
    mz_hits_clear(&hits);
    int64_t one = 1;
    assert_int_equal(mz_articles_delete(db, &one, 1, &err), MZ_ERR_DB_READONLY);
    assert_int_equal(count_articles(db), 1);
    mz_db_close(db);

    /* A file the process may not write (meaningless for root, who may). */
    if (geteuid() != 0) {
        chmod(path, 0444);
        assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
        assert_int_equal(mz_ingest_paths(db, paths, 1, NULL, &rep, &err), MZ_ERR_DB_READONLY);
        mz_db_close(db);
        chmod(path, 0644);
    }
    free(f);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* Deleting: all or nothing, and the full-text index stays consistent with
 * the table (FTS5's own integrity check). */
static void test_delete(void **state)
{
    (void)state;
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(":memory:", 0, &db, &err), MZ_OK);
    const char *texts[] = {ART_KILLED, ART_TALKS, ART_WEATHER};
    for (int i = 0; i < 3; i++) {
        mz_article_input in = {.text = texts[i], .text_len = strlen(texts[i])};
        assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_OK);
    }
    int64_t ids[] = {3, 1, 3, 4};
    assert_int_equal(mz_articles_delete(db, ids, 4, &err), MZ_ERR_NOT_FOUND);
    assert_non_null(strstr(err.msg, "no article with id 4"));
    assert_int_equal(count_articles(db), 3); /* the transaction rolled back */
    /* an id given twice is removed once, not "not found" the second time */
    assert_int_equal(mz_articles_delete(db, ids, 3, &err), MZ_OK);
    assert_int_equal(count_articles(db), 1);
    mz_hits hits;
    assert_int_equal(mz_search(db, "درجات الحرارة", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 0);
    mz_hits_clear(&hits);
    assert_int_equal(mz_search(db, "مفاوضات السلام", 5, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 1);
    assert_int_equal(hits.v[0].id, 2);
    mz_hits_clear(&hits);
    char *msg = NULL;
    assert_int_equal(sqlite3_exec(db->sql, "INSERT INTO articles_fts(articles_fts) VALUES('integrity-check')",
                                  NULL, NULL, &msg),
                     SQLITE_OK);
    sqlite3_free(msg);

    /* Ids are never given twice: 3 (the newest) was deleted, so the next
     * article is 4, not 3 again; then 5, and the one after deleting 4 and 5
     * (through ingest's adder this time) is 6. */
    int64_t id = 0;
    mz_article_input in = {.text = ART_KILLED, .text_len = strlen(ART_KILLED)};
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    assert_int_equal(id, 4);
    in = (mz_article_input){.text = ART_WEATHER, .text_len = strlen(ART_WEATHER)};
    assert_int_equal(mz_article_add(db, &in, &id, &err), MZ_OK);
    assert_int_equal(id, 5);
    int64_t newest[] = {5, 4};
    assert_int_equal(mz_articles_delete(db, newest, 2, &err), MZ_OK);
    assert_int_equal(mz_db_begin(db, &err), MZ_OK);
    mz_adder a;
    assert_int_equal(mz_adder_init(&a, db, &err), MZ_OK);
    assert_int_equal(mz_adder_add(&a, &in, false, &id, &err), MZ_OK);
    assert_int_equal(id, 6);
    in = (mz_article_input){.text = ART_KILLED, .text_len = strlen(ART_KILLED)};
    assert_int_equal(mz_adder_add(&a, &in, false, &id, &err), MZ_OK);
    assert_int_equal(id, 7);
    mz_adder_done(&a);
    assert_int_equal(mz_db_commit(db, &err), MZ_OK);
    /* a failed delete records nothing: 7 stays the newest id */
    int64_t missing[] = {7, 99};
    assert_int_equal(mz_articles_delete(db, missing, 2, &err), MZ_ERR_NOT_FOUND);
    assert_int_equal(count_articles(db), 3);
    mz_db_close(db);
}

/* Occurrences of needle in the file at path (0 if it cannot be read). */
static size_t count_in_file(const char *path, const char *needle)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    static char buf[1 << 21];
    size_t n = fread(buf, 1, sizeof buf, f), count = 0, nl = strlen(needle);
    fclose(f);
    assert_true(n < sizeof buf);
    for (size_t i = 0; i + nl <= n; i++)
        count += !memcmp(buf + i, needle, nl);
    return count;
}

/* What is deleted is gone from the file: its text (secure_delete zeros the
 * freed pages) and its words in the full-text index, where FTS5 only marks
 * a row deleted and keeps its words, in order, until a merge — a source's
 * name deleted by a journalist could be read back from the index. */
static void test_delete_leaves_no_trace(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "s.db");
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    const char *secret = "كشف مصدر مطلع أن الشاهد زرقاويطلسم أدلى بإفادته أمام المحكمة العسكرية.";
    int64_t secret_id = 0;
    for (int i = 0; i < 20; i++) { /* one transaction each: many index segments */
        char text[256];
        snprintf(text, sizeof text, "خبر رقم %d عن أسواق بيروت ومؤشرات البورصة والعملات.", i);
        mz_article_input in = {.text = text, .text_len = strlen(text)};
        assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_OK);
        if (i == 10) {
            in = (mz_article_input){.text = secret, .text_len = strlen(secret)};
            assert_int_equal(mz_article_add(db, &in, &secret_id, &err), MZ_OK);
        }
    }
    mz_db_close(db);
    assert_true(count_in_file(path, "طلسم") > 0);
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    assert_int_equal(mz_articles_delete(db, &secret_id, 1, &err), MZ_OK);
    mz_hits hits;
    assert_int_equal(mz_search(db, "البورصة", 50, NULL, NULL, &hits, &err), MZ_OK);
    assert_int_equal(hits.n, 20); /* the others are all still found */
    mz_hits_clear(&hits);
    mz_db_close(db);
    assert_int_equal(count_in_file(path, "طلسم"), 0);
    assert_int_equal(count_in_file(path, "المحكمه"), 0); /* its normalized words too */
    assert_int_equal(count_in_file(path, "المحكمة"), 0);
    free(path);
    rm_rf(dir);
    free(dir);
}

static void test_corrupt_and_foreign(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "noise.db");
    unsigned char noise[8192];
    uint32_t x = 2463534242u;
    for (size_t i = 0; i < sizeof noise; i++) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        noise[i] = (unsigned char)x;
    }
    write_bytes(path, noise, sizeof noise);
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_ERR_DB_CORRUPT);
    assert_null(db);
    assert_non_null(strstr(err.msg, "not a SQLite database"));
    /* and the file was left alone */
    unsigned char back[sizeof noise];
    FILE *fp = fopen(path, "rb");
    assert_int_equal(fread(back, 1, sizeof back, fp), sizeof back);
    fclose(fp);
    assert_memory_equal(back, noise, sizeof noise);

    /* A SQLite database of some other program. */
    char *other = path_join(dir, "other.db");
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(other, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "CREATE TABLE accounts(id, name)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    assert_int_equal(mz_db_open(other, 0, &db, &err), MZ_ERR_DB_CORRUPT);
    assert_non_null(strstr(err.msg, "not a mizan database"));

    /* A mizan store whose pages were overwritten: refused at open or at the
     * first read, never a crash. */
    char *hurt = path_join(dir, "hurt.db");
    assert_int_equal(mz_db_open(hurt, 0, &db, &err), MZ_OK);
    for (int i = 0; i < 20; i++) {
        char text[1024];
        snprintf(text, sizeof text, "%s رقم %d", ART_KILLED, i);
        mz_article_input in = {.text = text, .text_len = strlen(text)};
        assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_OK);
    }
    mz_db_close(db);
    fp = fopen(hurt, "r+b");
    fseek(fp, 4096, SEEK_SET);
    fwrite(noise, 1, sizeof noise, fp);
    fclose(fp);
    mz_status s = mz_db_open(hurt, 0, &db, &err);
    if (s == MZ_OK) {
        mz_hits hits;
        mz_stats st;
        mz_status s1 = mz_db_stats(db, &st, &err);
        mz_status s2 = mz_search(db, "مقتل قيادي", 5, NULL, NULL, &hits, &err);
        mz_hits_clear(&hits);
        assert_true(s1 == MZ_ERR_DB_CORRUPT || s2 == MZ_ERR_DB_CORRUPT);
        mz_db_close(db);
    } else {
        assert_int_equal(s, MZ_ERR_DB_CORRUPT);
    }
    free(hurt);
    free(other);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* --db naming something that is not a file: a device (`--db /dev/null`, a
 * dry run that stores nothing) or a named pipe. SQLite took /dev/null for
 * an empty database, failed with "switching to WAL: disk I/O error" and
 * left /dev/null-journal behind in /dev; a pipe gave "disk I/O error".
 * Each is refused before SQLite sees it, and nothing is made beside it. */
static void test_not_a_file(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *fifo = path_join(dir, "pipe.db");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    const char *paths[] = {fifo, "/dev/null"};
    const int flags[] = {0, MZ_OPEN_NOCREATE, MZ_OPEN_READONLY};
    for (size_t p = 0; p < 2; p++)
        for (size_t f = 0; f < 3; f++) {
            if (p == 1 && f == 0)
                continue; /* without the fix it would write /dev/null-journal */
            mz_db *db;
            mz_error err;
            mz_status s = mz_db_open(paths[p], flags[f], &db, &err);
            if (s != MZ_ERR_DB || !strstr(err.msg, "not a regular file"))
                fail_msg("%s, flags %d: %s (%s)", paths[p], flags[f], mz_status_name(s),
                         s == MZ_OK ? "opened" : err.msg);
        }
    char *journal = path_join(dir, "pipe.db-journal");
    assert_int_not_equal(access(journal, F_OK), 0);
    free(journal);
    free(fifo);
    rm_rf(dir);
    free(dir);
}

/* A --db path that starts with "file:" is a file of that name. SQLite (built
 * with URI names on, as Debian's is) read it as a URI: "file:x.db" went
 * into x.db, where `stats --db file:x.db` then found no store, and
 * "file:m.db?mode=memory" reported its articles added and kept them in
 * memory only: lost on close. */
static void test_file_colon_path(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char cwd[4096];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(dir), 0);
    const char *names[] = {"file:x.db", "file:m.db?mode=memory"};
    for (size_t i = 0; i < 2; i++) {
        mz_db *db;
        mz_error err;
        assert_int_equal(mz_db_open(names[i], 0, &db, &err), MZ_OK);
        mz_article_input in = {.text = ART_TALKS, .text_len = strlen(ART_TALKS)};
        assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_OK);
        mz_db_close(db);
        if (access(names[i], F_OK) != 0)
            fail_msg("%s: no file of that name was written", names[i]);
        mz_status s = mz_db_open(names[i], MZ_OPEN_READONLY, &db, &err);
        if (s != MZ_OK)
            fail_msg("%s read back: %s", names[i], err.msg);
        assert_int_equal(count_articles(db), 1);
        mz_db_close(db);
    }
    assert_int_not_equal(access("x.db", F_OK), 0);
    assert_int_equal(chdir(cwd), 0);
    rm_rf(dir);
    free(dir);
}

/* Copies a file byte for byte (a backup made with cp). */
static void copy_file(const char *from, const char *to)
{
    char *data;
    size_t len;
    mz_error err;
    assert_int_equal(mz_read_file(from, 64u << 20, &data, &len, &err), MZ_OK);
    write_bytes(to, data, len);
    free(data);
}

/* While another connection stays open (the server's pool, a long check),
 * what a writer commits lived only in PATH-wal until 1000 pages had
 * gathered: a newsroom copying mizan.db alone, the usual backup, got a
 * store that opened fine and lacked the recent articles (5 of 65 after an
 * ingest beside `mizan serve`). A commit now copies itself into the
 * database file when no reader holds an older snapshot. */
static void test_commit_reaches_the_file(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "live.db");
    char *copy = path_join(dir, "copy.db");
    mz_db *db, *other;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    assert_int_equal(mz_db_open(path, MZ_OPEN_READONLY, &other, &err), MZ_OK);
    assert_int_equal(count_articles(other), 0);
    const char *texts[] = {ART_KILLED, ART_TALKS, ART_WEATHER};
    for (size_t i = 0; i < 3; i++) {
        mz_article_input in = {.text = texts[i], .text_len = strlen(texts[i])};
        assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_OK);
    }
    char *f = write_file(dir, "s.txt", ART_SCHOOL);
    const char *paths[] = {f};
    assert_int_equal(mz_ingest_paths(db, paths, 1, NULL, NULL, &err), MZ_OK);
    int64_t gone = 2;
    assert_int_equal(mz_articles_delete(db, &gone, 1, &err), MZ_OK);
    assert_int_equal(count_articles(other), 3);
    copy_file(path, copy); /* the database file alone, both handles open */
    mz_db *back;
    if (mz_db_open(copy, MZ_OPEN_READONLY, &back, &err) != MZ_OK)
        fail_msg("the copy: %s", err.msg);
    assert_int_equal(count_articles(back), 3);
    mz_article a;
    assert_int_equal(mz_article_get(back, 2, &a, &err), MZ_ERR_NOT_FOUND);
    assert_int_equal(mz_article_get(back, 4, &a, &err), MZ_OK);
    mz_article_clear(&a);
    mz_db_close(back);
    mz_db_close(other);
    mz_db_close(db);
    free(f);
    free(copy);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* A big batch written while a reader holds an old snapshot (the server's
 * pool, a long check) cannot be checkpointed as it goes, so PATH-wal grows
 * to the batch's size. Once the reader is gone and a later commit starts
 * the log again, it is cut back to MZ_WAL_SIZE_LIMIT: it used to keep its
 * largest size until every connection closed. */
static void test_wal_cut_back(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "big.db");
    char *wal = path_join(dir, "big.db-wal");
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_article_input first = {.text = ART_KILLED, .text_len = strlen(ART_KILLED)};
    assert_int_equal(mz_article_add(db, &first, NULL, &err), MZ_OK);
    sqlite3 *reader;
    assert_int_equal(sqlite3_open(path, &reader), SQLITE_OK);
    assert_int_equal(sqlite3_exec(reader, "BEGIN; SELECT count(*) FROM articles", NULL, NULL, NULL),
                     SQLITE_OK);
    enum { N = 60, LINES = 1200 };
    mz_article_input in[N];
    char *texts[N];
    for (int i = 0; i < N; i++) {
        size_t cap = LINES * 128, len = 0;
        texts[i] = malloc(cap);
        /* lines of words drawn at random: the boilerplate pass keeps them
         * (it drops runs of near-identical lines) */
        static const char *const words[] = {"سجلت", "محطة", "الرصد", "في", "المنطقة", "قراءة",
                                            "بلغت", "الأمطار", "الرياح", "شمال", "جنوب", "مدينة",
                                            "ارتفاع", "انخفاض", "الحرارة", "خلال", "ساعات", "الليل"};
        unsigned r = (unsigned)i * 2654435761u + 1;
        for (int l = 0; l < LINES; l++) {
            for (int w = 0; w < 9; w++) {
                r = r * 1103515245u + 12345u;
                len += (size_t)snprintf(texts[i] + len, cap - len, "%s ",
                                        words[(r >> 16) % (sizeof words / sizeof *words)]);
            }
            len += (size_t)snprintf(texts[i] + len, cap - len, "%d.\n", i * LINES + l);
        }
        in[i] = (mz_article_input){.text = texts[i], .text_len = len};
    }
    int64_t ids[N];
    mz_status each[N];
    assert_int_equal(mz_articles_add(db, in, N, ids, each, NULL, &err), MZ_OK);
    struct stat st;
    assert_int_equal(stat(wal, &st), 0);
    assert_true(st.st_size > 3 * (MZ_WAL_SIZE_LIMIT / 2)); /* the batch is in the log */
    sqlite3_exec(reader, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(reader);
    const char *after[] = {ART_TALKS, ART_WEATHER};
    for (size_t i = 0; i < 2; i++) {
        mz_article_input a = {.text = after[i], .text_len = strlen(after[i])};
        assert_int_equal(mz_article_add(db, &a, NULL, &err), MZ_OK);
    }
    assert_int_equal(stat(wal, &st), 0);
    assert_true(st.st_size <= MZ_WAL_SIZE_LIMIT);
    assert_int_equal(count_articles(db), N + 3);
    mz_db_close(db);
    for (int i = 0; i < N; i++)
        free(texts[i]);
    free(wal);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* A store someone switched to a rollback journal (sqlite3 mizan.db 'PRAGMA
 * journal_mode=DELETE', to copy it as one file), then a writer killed part
 * way: PATH-journal is hot, and a reading open (check, stance --id) cannot
 * roll it back. It failed with "reading the schema: database is read-only"
 * on a store the user may write; it now rolls the journal back through a
 * writable open, as a writer would, and reads the store as it was. */
static void test_hot_journal_reader(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "hot.db");
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_article_input in = {.text = ART_TALKS, .text_len = strlen(ART_TALKS)};
    assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_OK);
    mz_db_close(db);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) { /* a writer that dies with its transaction open */
        sqlite3 *raw;
        if (sqlite3_open(path, &raw) != SQLITE_OK ||
            sqlite3_exec(raw, "PRAGMA journal_mode = DELETE; PRAGMA cache_size = 2; BEGIN;"
                              "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400)"
                              " INSERT INTO meta SELECT 'junk' || i, printf('%.500c', 'x') FROM n;",
                         NULL, NULL, NULL) != SQLITE_OK)
            _exit(1);
        _exit(0);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    char *journal = path_join(dir, "hot.db-journal");
    assert_int_equal(access(journal, F_OK), 0); /* hot */
    mz_status s = mz_db_open(path, MZ_OPEN_READONLY, &db, &err);
    if (s != MZ_OK)
        fail_msg("%s", err.msg);
    assert_int_equal(count_articles(db), 1);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM meta WHERE key LIKE 'junk%'",
                                        -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 0); /* rolled back */
    sqlite3_finalize(st);
    mz_db_close(db);
    free(journal);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* An empty file: a reading open refuses it and leaves it empty (it may be
 * anything the user pointed --db at); ingest makes a store of it. */
static void test_empty_file(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "empty.db");
    write_bytes(path, "", 0);
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, MZ_OPEN_NOCREATE, &db, &err), MZ_ERR_DB_CORRUPT);
    assert_non_null(strstr(err.msg, "empty file"));
    assert_int_equal(mz_db_open(path, MZ_OPEN_READONLY, &db, &err), MZ_ERR_DB_CORRUPT);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_size, 0);
    char *wal = path_join(dir, "empty.db-wal");
    assert_int_not_equal(access(wal, F_OK), 0);
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    assert_int_equal(count_articles(db), 0);
    mz_db_close(db);
    free(wal);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* A WAL store in a folder the user may not write: even a reader must create
 * PATH-shm there. (Tests run as root, who may write anywhere, so the mapping
 * is checked directly.) */
static void test_readonly_folder_message(void **state)
{
    (void)state;
    mz_error err;
    assert_int_equal(mz_db_fail(NULL, SQLITE_READONLY_DIRECTORY, &err, "reading the schema"),
                     MZ_ERR_DB_READONLY);
    assert_non_null(strstr(err.msg, "folder is not writable"));
    assert_int_equal(mz_db_fail(NULL, SQLITE_READONLY, &err, "committing"), MZ_ERR_DB_READONLY);
    assert_null(strstr(err.msg, "folder"));
}

static void test_locked(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "l.db");
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    mz_article_input in = {.text = ART_WEATHER, .text_len = strlen(ART_WEATHER)};
    assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_OK);

    sqlite3 *other;
    assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), SQLITE_OK);
    char *f = write_file(dir, "a.txt", ART_TALKS);
    const char *paths[] = {f};
    mz_ingest_report rep;
    assert_int_equal(mz_ingest_paths(db, paths, 1, NULL, &rep, &err), MZ_ERR_DB_LOCKED);
    assert_non_null(strstr(err.msg, "locked"));
    /* readers still read while the writer holds it (WAL) */
    assert_int_equal(count_articles(db), 1);
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(other);
    /* and once it is gone, the same ingest goes through */
    assert_int_equal(mz_ingest_paths(db, paths, 1, NULL, &rep, &err), MZ_OK);
    assert_int_equal(rep.added, 1);
    assert_int_equal(count_articles(db), 2);
    mz_db_close(db);
    free(f);
    free(path);
    rm_rf(dir);
    free(dir);
}

/* Another connection writing a store that is not yet in WAL mode (one
 * being created by a second mizan: two cron ingests, or the server's first
 * start beside one): SQLite returns SQLITE_BUSY from the switch to WAL at
 * once, without its busy handler, since waiting there could deadlock. The
 * open used to fail in no time saying it had waited 2000 ms; it now waits
 * for the writer as long as any writer is waited for. */
static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void *end_after_300ms(void *arg)
{
    usleep(300 * 1000);
    sqlite3_exec(arg, "ROLLBACK", NULL, NULL, NULL);
    return NULL;
}

static void test_locked_while_created(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "new.db");
    write_bytes(path, "", 0); /* made, not yet written */
    sqlite3 *other;
    assert_int_equal(sqlite3_open(path, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, end_after_300ms, other), 0);
    mz_db *db;
    mz_error err;
    double t0 = now_s();
    mz_status s = mz_db_open(path, 0, &db, &err);
    double waited = now_s() - t0;
    pthread_join(t, NULL);
    if (s != MZ_OK)
        fail_msg("%s (after %.3f s)", err.msg, waited);
    assert_true(waited >= 0.25);
    assert_int_equal(count_articles(db), 0);
    mz_db_close(db);

    /* a writer that stays is still reported, after the busy timeout */
    write_bytes(path, "", 0);
    assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
    t0 = now_s();
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_ERR_DB_LOCKED);
    waited = now_s() - t0;
    assert_true(waited >= MZ_BUSY_TIMEOUT_MS / 1000.0 * 0.9);
    assert_true(waited < MZ_BUSY_TIMEOUT_MS / 1000.0 * 3);
    assert_non_null(strstr(err.msg, "locked"));
    sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(other);
    free(path);
    rm_rf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create_and_reopen),  cmocka_unit_test(test_memory_and_missing),
        cmocka_unit_test(test_migration_from_v1),  cmocka_unit_test(test_migration_rebuilds_index),
        cmocka_unit_test(test_migration_rehashes),
        cmocka_unit_test(test_migration_reads_spelling),
        cmocka_unit_test(test_migration_keeps_ali),
        cmocka_unit_test(test_upgrade_locked_message),
        cmocka_unit_test(test_migration_indexes_list),
        cmocka_unit_test(test_migration_dated_now),
        cmocka_unit_test(test_migration_adds_author),
        cmocka_unit_test(test_migration_adds_url_key),
        cmocka_unit_test(test_migration_adds_places),
        cmocka_unit_test(test_author_cleaned),
        cmocka_unit_test(test_damaged_text_read_back),
        cmocka_unit_test(test_readonly),
        cmocka_unit_test(test_corrupt_and_foreign), cmocka_unit_test(test_empty_file),
        cmocka_unit_test(test_not_a_file),
        cmocka_unit_test(test_file_colon_path),
        cmocka_unit_test(test_commit_reaches_the_file),
        cmocka_unit_test(test_wal_cut_back),
        cmocka_unit_test(test_hot_journal_reader),
        cmocka_unit_test(test_readonly_folder_message), cmocka_unit_test(test_locked),
        cmocka_unit_test(test_locked_while_created),
        cmocka_unit_test(test_delete),
        cmocka_unit_test(test_delete_leaves_no_trace),
        cmocka_unit_test(test_null_arguments),
    };
    return cmocka_run_group_tests_name("store_db", tests, NULL, NULL);
}
