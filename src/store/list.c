/* list.c — the stored articles a page at a time, newest first
 * (mz_articles_list: `mizan list`, GET /api/articles). */
#include "store/db.h"
#include "store/store.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

/* The order: the day `published` names where it starts with a date
 * (YYYY-MM-DD, one SQLite reads), as `mizan list` shows it and as the
 * article's own day (feeds keep the newsroom's local time and offset:
 * 01:30+03:00 on the 11th is of the 11th, though 22:30 UTC on the 10th);
 * within a day, the instant, as a Julian day so that a time and its zone
 * count (a zone SQLite cannot read, "+0300", counts as the day's start).
 * Undated rows after the dated ones, and ties, by id descending: the
 * latest added first. Ordering by the instant alone listed a 10th's story
 * of 23:00 UTC above that 11th's. */
#define DAY_OF(col)                                                                              \
    "CASE WHEN " col " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"                     \
    " AND julianday(substr(" col ", 1, 10)) IS NOT NULL THEN substr(" col ", 1, 10) END"
#define INSTANT_OF(col) "coalesce(julianday(" col "), julianday(substr(" col ", 1, 10)))"

static const char LIST_SQL[] =
    "SELECT id, title, NULL, url, source, published, origin, " DAY_OF("published") " AS day, "
    INSTANT_OF("published") " AS at"
    " FROM articles ORDER BY day IS NULL, day DESC, at DESC, id DESC";

static bool row_of_site(sqlite3_stmt *st, const char *site)
{
    const char *url = (const char *)sqlite3_column_text(st, 3);
    const char *source = (const char *)sqlite3_column_text(st, 4);
    return mz_same_site(site, source) || mz_same_site(site, url);
}

mz_status mz_articles_list(mz_db *db, size_t offset, size_t limit, const char *source,
                           mz_article_list *out, mz_error *err)
{
    if (!out)
        return mz_fail(err, MZ_ERR_ARG, "no output for the list");
    memset(out, 0, sizeof *out);
    if (!db)
        return mz_fail(err, MZ_ERR_ARG, "no database");
    if (limit > MZ_LIST_MAX)
        return mz_fail(err, MZ_ERR_ARG, "limit must be between 0 and %d", MZ_LIST_MAX);
    if (source && !*source)
        source = NULL;
    size_t bad;
    if (source && mz_utf8_check(source, strlen(source), &bad) != MZ_OK)
        return mz_fail(err, MZ_ERR_UTF8, "the source is not valid UTF-8 (byte offset %zu)", bad);
    if (limit && !(out->v = calloc(limit, sizeof *out->v)))
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, LIST_SQL, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        mz_article_list_clear(out);
        return mz_db_fail(db, rc, err, "listing articles");
    }
    mz_status s = MZ_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (source && !row_of_site(st, source))
            continue;
        size_t at = out->total++;
        if (at < offset || out->n == limit)
            continue;
        if (!mz_article_from_row(st, &out->v[out->n])) { /* its body NULL: not read */
            s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
            break;
        }
        out->n++;
    }
    if (s == MZ_OK && rc != SQLITE_DONE)
        s = mz_db_fail(db, rc, err, "listing articles");
    sqlite3_finalize(st);
    if (s != MZ_OK)
        mz_article_list_clear(out);
    return s;
}

void mz_article_list_clear(mz_article_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        mz_article_clear(&l->v[i]);
    free(l->v);
    memset(l, 0, sizeof *l);
}
