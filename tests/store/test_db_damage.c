/* test_db_damage.c — a store refused as damaged or foreign is left as it
 * was: opening it never writes into the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "store/db.h"
#include "store/store.h"
#include "util/util.h"
#include "store_helpers.h"

/* The whole file, malloc'd, its size in *len. */
static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *p = malloc(n > 0 ? (size_t)n : 1);
    assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    *len = (size_t)n;
    return p;
}

static void copy_file(const char *from, const char *to)
{
    size_t n;
    unsigned char *p = slurp(from, &n);
    write_bytes(to, p, n);
    free(p);
}

static void add_texts(const char *path, const char *const *texts, size_t n)
{
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, 0, &db, &err), MZ_OK);
    for (size_t i = 0; i < n; i++) {
        mz_article_input in = {.text = texts[i], .text_len = strlen(texts[i])};
        assert_int_equal(mz_article_add(db, &in, NULL, &err), MZ_OK);
    }
    mz_db_close(db);
}

/* A backup put back beside the PATH-wal of another store (a restore over
 * an old copy, a -wal copied with the wrong file): SQLite cannot tell the
 * log is not this file's and reads its pages over the file's, which mizan
 * reports as damage. The first command then closed the store, and SQLite
 * checkpointed that log into the file and cut it to the other store's
 * size: `mizan stats` turned a 1,800-article store of 35 MB into 250 KB of
 * another one. Now the file is left as it was, and once the stray log is
 * moved away the store reads as before. */
static void test_foreign_wal_left_out(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *a = path_join(dir, "a.db"), *b = path_join(dir, "b.db");
    static const char *const small[] = {ART_TALKS};
    add_texts(a, small, 1);
    static char many[200][1024];
    const char *texts[200];
    for (int i = 0; i < 200; i++) {
        snprintf(many[i], sizeof many[i], "%s%s رقم %d", ART_KILLED, ART_WEATHER, i);
        texts[i] = many[i];
    }
    add_texts(b, texts, 200);
    size_t b_len;
    unsigned char *b_bytes = slurp(b, &b_len);

    /* a's log, left with its frames: a writer that wrote without
     * checkpointing and closed without a checkpoint (as a crash leaves it) */
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(a, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_db_config(raw, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw,
                                  "PRAGMA wal_autocheckpoint = 0;"
                                  "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
                                  " WHERE i < 40) INSERT INTO meta(key, value)"
                                  " SELECT 'k' || i, zeroblob(3000) FROM n",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    char *a_wal = path_join(dir, "a.db-wal"), *b_wal = path_join(dir, "b.db-wal");
    copy_file(a_wal, b_wal);

    for (int round = 0; round < 2; round++) { /* a reading command, then a writer */
        mz_db *db;
        mz_error err;
        mz_status s = mz_db_open(b, MZ_OPEN_NOCREATE, &db, &err);
        if (s == MZ_OK) {
            mz_stats st;
            s = mz_db_stats(db, &st, &err);
            if (s == MZ_OK && round == 1) {
                mz_article_input in = {.text = ART_SCHOOL, .text_len = strlen(ART_SCHOOL)};
                s = mz_article_add(db, &in, NULL, &err);
            }
            mz_db_close(db);
        }
        assert_int_equal(s, MZ_ERR_DB_CORRUPT);
        size_t len;
        unsigned char *now = slurp(b, &len);
        assert_int_equal(len, b_len); /* it was cut to a's size */
        assert_memory_equal(now, b_bytes, b_len);
        free(now);
    }

    /* the stray log moved away: b as it was */
    assert_int_equal(unlink(b_wal), 0);
    char *b_shm = path_join(dir, "b.db-shm");
    unlink(b_shm);
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(b, MZ_OPEN_NOCREATE, &db, &err), MZ_OK);
    assert_int_equal(count_articles(db), 200);
    mz_db_close(db);
    free(b_shm);
    free(a_wal);
    free(b_wal);
    free(b_bytes);
    free(a);
    free(b);
    rm_rf(dir);
    free(dir);
}

/* A SQLite database of another program, named by mistake (`--db
 * accounts.db`): refused as "not a mizan database" and left untouched, as
 * the README says. Every open but a read-only one first switched it to WAL
 * mode, for good: the file's header changed, and the program that owns it
 * found a -wal and -shm beside it from then on (a rollback-journal database
 * on a network share, or read by an older SQLite, may not work in WAL). */
static void test_foreign_db_left_as_is(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *other = path_join(dir, "accounts.db");
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(other, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "CREATE TABLE accounts(id, name);"
                                       "INSERT INTO accounts VALUES (1, 'سامر الحلبي')",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    size_t len;
    unsigned char *before = slurp(other, &len);
    static const int flags[] = {0, MZ_OPEN_NOCREATE, MZ_OPEN_READONLY};
    for (size_t i = 0; i < sizeof flags / sizeof *flags; i++) {
        mz_db *db;
        mz_error err;
        assert_int_equal(mz_db_open(other, flags[i], &db, &err), MZ_ERR_DB_CORRUPT);
        assert_non_null(strstr(err.msg, "not a mizan database"));
        size_t n;
        unsigned char *now = slurp(other, &n);
        assert_int_equal(n, len);
        assert_memory_equal(now, before, len); /* bytes 18-19 say WAL once switched */
        free(now);
    }
    assert_int_equal(sqlite3_open(other, &raw), SQLITE_OK);
    sqlite3_stmt *q;
    assert_int_equal(sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &q, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(q), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(q, 0), "delete");
    sqlite3_finalize(q);
    sqlite3_close(raw);
    free(before);
    free(other);
    rm_rf(dir);
    free(dir);
}

/* A row without its title or text (the schema holds both NOT NULL): a
 * damaged page, as a foreign PATH-wal checkpointed into the file leaves
 * one. `mizan show`, `export` and `search` said "out of memory", exit 1;
 * it is the store's damage, exit 4. */
static void test_row_without_text(void **state)
{
    (void)state;
    char *dir = tmpdir_new();
    char *path = path_join(dir, "a.db");
    static const char *const texts[] = {ART_TALKS};
    add_texts(path, texts, 1);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    /* the NOT NULL dropped from the schema's text to write the NULL, and the
     * triggers that keep the full-text index (its tokenizer is mizan's) */
    assert_int_equal(sqlite3_exec(raw,
                                  "PRAGMA writable_schema = ON;"
                                  "UPDATE sqlite_schema SET sql = replace(sql, 'body TEXT NOT NULL',"
                                  " 'body TEXT') WHERE name = 'articles';"
                                  "DELETE FROM sqlite_schema WHERE type = 'trigger';",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "UPDATE articles SET body = NULL", NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(raw);
    mz_db *db;
    mz_error err;
    assert_int_equal(mz_db_open(path, MZ_OPEN_NOCREATE, &db, &err), MZ_OK);
    mz_article a;
    assert_int_equal(mz_article_get(db, 1, &a, &err), MZ_ERR_DB_CORRUPT);
    assert_non_null(strstr(err.msg, "database is damaged (a row without its title or text)"));
    assert_false(mz_db_may_checkpoint(db)); /* the file is kept as it is */
    mz_db_close(db);
    /* search finds the row by the index and met its NULL text the same way */
    assert_int_equal(mz_db_open(path, MZ_OPEN_READONLY, &db, &err), MZ_OK);
    mz_hits h = {0};
    assert_int_equal(mz_search(db, "مفاوضات السلام", 10, NULL, NULL, &h, &err),
                     MZ_ERR_DB_CORRUPT);
    assert_non_null(strstr(err.msg, "searching: database is damaged"));
    mz_hits_clear(&h);
    mz_db_close(db);
    free(path);
    rm_rf(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_foreign_wal_left_out),
        cmocka_unit_test(test_foreign_db_left_as_is),
        cmocka_unit_test(test_row_without_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
