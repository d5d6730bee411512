/* stats.c — counts over the store. */
#include "store/db.h"
#include "store/store.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

mz_status mz_db_stats(mz_db *db, mz_stats *out, mz_error *err)
{
    if (!out)
        return mz_fail(err, MZ_ERR_ARG, "no output for the counts");
    memset(out, 0, sizeof *out);
    if (!db)
        return mz_fail(err, MZ_ERR_ARG, "no database");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql,
                                "SELECT count(*), count(DISTINCT source), total(length(CAST(body AS BLOB))),"
                                " (SELECT max(version) FROM schema_version) FROM articles",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "counting");
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->articles = sqlite3_column_int64(st, 0);
        out->sources = sqlite3_column_int64(st, 1);
        out->bytes = (int64_t)sqlite3_column_double(st, 2);
        out->schema_version = sqlite3_column_int(st, 3);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? MZ_OK : mz_db_fail(db, rc, err, "counting");
}

mz_status mz_store_count(mz_db *db, int64_t *n, mz_error *err)
{
    *n = 0;
    if (!db)
        return mz_fail(err, MZ_ERR_ARG, "no database");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, "SELECT count(*) FROM articles", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "counting");
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? MZ_OK : mz_db_fail(db, rc, err, "counting");
}

mz_status mz_store_ids(mz_db *db, int64_t **ids, size_t *n, mz_error *err)
{
    *ids = NULL;
    *n = 0;
    if (!db)
        return mz_fail(err, MZ_ERR_ARG, "no database");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, "SELECT id FROM articles ORDER BY id", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "listing articles");
    size_t cap = 0;
    int64_t *v = NULL;
    mz_status s = MZ_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (mz_array_grow(&v, &cap, *n, sizeof *v, 256) != 0) {
            s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
            break;
        }
        v[(*n)++] = sqlite3_column_int64(st, 0);
    }
    if (s == MZ_OK && rc != SQLITE_DONE)
        s = mz_db_fail(db, rc, err, "listing articles");
    sqlite3_finalize(st);
    if (s != MZ_OK) {
        free(v);
        *n = 0;
        return s;
    }
    *ids = v;
    return MZ_OK;
}
