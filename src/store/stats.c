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

/* The distinct site keys (site_key) of the rows sql gives (source, url),
 * sorted, into *keys (n of them; the caller frees each and the array). */
static mz_status site_keys(mz_db *db, const char *sql, char ***keys, size_t *n, mz_error *err)
{
    *keys = NULL;
    *n = 0;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "counting sites");
    char **v = NULL;
    size_t k = 0, cap = 0;
    bool oom = false;
    while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        char *key = site_key((const char *)sqlite3_column_text(st, 0),
                             (const char *)sqlite3_column_text(st, 1), &oom);
        if (key && mz_array_grow(&v, &cap, k, sizeof *v, 256) != 0) {
            free(key);
            oom = true;
        } else if (key) {
            v[k++] = key;
        }
    }
    sqlite3_finalize(st);
    mz_status s = oom ? mz_fail(err, MZ_ERR_NOMEM, "out of memory")
                  : rc != SQLITE_DONE ? mz_db_fail(db, rc, err, "counting sites") : MZ_OK;
    if (k)
        qsort(v, k, sizeof *v, by_key);
    size_t u = 0; /* each key once */
    for (size_t i = 0; i < k; i++) {
        if (u && !strcmp(v[i], v[u - 1]))
            free(v[i]);
        else
            v[u++] = v[i];
    }
    *keys = v;
    *n = u;
    return s;
}

static void keys_free(char **keys, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(keys[i]);
    free(keys);
}

static const char ARTICLE_SITES_SQL[] = "SELECT source, url FROM articles";

/* The number of distinct sites among the stored articles (site_key). */
static mz_status count_sites(mz_db *db, int64_t *out, mz_error *err)
{
    char **keys;
    size_t n;
    mz_status s = site_keys(db, ARTICLE_SITES_SQL, &keys, &n, err);
    *out = (int64_t)n;
    keys_free(keys, n);
    return s;
}

mz_status mz_places_stats(mz_db *db, mz_place_counts *out, mz_error *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(
        db->sql, "SELECT count(*), count(DISTINCT article_id) FROM article_places", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "counting places");
    if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        out->places = sqlite3_column_int64(st, 0);
        out->articles = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return mz_db_fail(db, rc, err, "counting places");
    if (!out->places)
        return MZ_OK; /* no site to set against the articles' */
    char **mine = NULL, **theirs = NULL;
    size_t n_mine = 0, n_theirs = 0;
    mz_status s = site_keys(db, ARTICLE_SITES_SQL, &mine, &n_mine, err);
    if (s == MZ_OK)
        s = site_keys(db, "SELECT source, url FROM article_places", &theirs, &n_theirs, err);
    for (size_t i = 0; s == MZ_OK && i < n_theirs; i++)
        out->only_sites += !bsearch(&theirs[i], mine, n_mine, sizeof *mine, by_key);
    keys_free(mine, n_mine);
    keys_free(theirs, n_theirs);
    if (s != MZ_OK)
        memset(out, 0, sizeof *out);
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

/* The one number sql gives (a count), into *n; what names it in an error. */
static mz_status count_of(mz_db *db, const char *sql, const char *what, int64_t *n, mz_error *err)
{
    *n = 0;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, what);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? MZ_OK : mz_db_fail(db, rc, err, what);
}

mz_status mz_places_count(mz_db *db, int64_t *n, mz_error *err)
{
    return count_of(db, "SELECT count(*) FROM article_places", "counting places", n, err);
}

mz_status mz_store_count(mz_db *db, int64_t *n, mz_error *err)
{
    *n = 0;
    if (!db)
        return mz_fail(err, MZ_ERR_ARG, "no database");
    return count_of(db, "SELECT count(*) FROM articles", "counting", n, err);
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
