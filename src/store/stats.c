/* stats.c — counts over the store. */
#include "store/db.h"
#include "store/store.h"
#include "util/util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int by_key(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* An article's site as `list --source` and the check's voices read it:
 * the registrable domain of its URL, else of its source (a name that is
 * no host stays whole), ASCII letters lowered; NULL for none, or out of
 * memory (*oom). */
static char *site_key(const char *source, const char *url, bool *oom)
{
    const char *from = url && *url ? url : source;
    if (!from || !*from)
        return NULL;
    size_t n;
    const char *site = mz_site_of(from, &n);
    if (!n)
        return NULL;
    char *k = mz_strndup(site, n);
    if (!k) {
        *oom = true;
        return NULL;
    }
    for (char *p = k; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return k;
}

/* The number of distinct sites among the stored articles (site_key). */
static mz_status count_sites(mz_db *db, int64_t *out, mz_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, "SELECT source, url FROM articles", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "counting sites");
    char **keys = NULL;
    size_t n = 0, cap = 0;
    bool oom = false;
    while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        char *k = site_key((const char *)sqlite3_column_text(st, 0),
                           (const char *)sqlite3_column_text(st, 1), &oom);
        if (k && mz_array_grow(&keys, &cap, n, sizeof *keys, 256) != 0) {
            free(k);
            oom = true;
        } else if (k) {
            keys[n++] = k;
        }
    }
    sqlite3_finalize(st);
    mz_status s = oom ? mz_fail(err, MZ_ERR_NOMEM, "out of memory")
                  : rc != SQLITE_DONE ? mz_db_fail(db, rc, err, "counting sites") : MZ_OK;
    if (n)
        qsort(keys, n, sizeof *keys, by_key);
    *out = 0;
    for (size_t i = 0; i < n; i++)
        *out += i == 0 || strcmp(keys[i], keys[i - 1]);
    for (size_t i = 0; i < n; i++)
        free(keys[i]);
    free(keys);
    return s;
}

mz_status mz_db_stats(mz_db *db, mz_stats *out, mz_error *err)
{
    if (!out)
        return mz_fail(err, MZ_ERR_ARG, "no output for the counts");
    memset(out, 0, sizeof *out);
    if (!db)
        return mz_fail(err, MZ_ERR_ARG, "no database");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql,
                                "SELECT count(*), total(length(CAST(body AS BLOB))),"
                                " (SELECT max(version) FROM schema_version) FROM articles",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "counting");
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        out->articles = sqlite3_column_int64(st, 0);
        out->bytes = (int64_t)sqlite3_column_double(st, 1);
        out->schema_version = sqlite3_column_int(st, 2);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return mz_db_fail(db, rc, err, "counting");
    return count_sites(db, &out->sources, err);
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
