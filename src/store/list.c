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
 * Undated rows after the dated ones (SQLite sorts NULL lowest, so a
 * descending day puts them last), and ties, by id descending: the latest
 * added first. Ordering by the instant alone listed a 10th's story of
 * 23:00 UTC above that 11th's. Schema step 8 indexes these very
 * expressions (articles_list, with id, source, url and published): keep
 * them in step with it, or the list sorts the whole store again. */
#define DAY_OF(col)                                                                              \
    "CASE WHEN " col " GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"                     \
    " AND julianday(substr(" col ", 1, 10)) IS NOT NULL THEN substr(" col ", 1, 10) END"
/* "now" (any case) is no instant: julianday('now') reads the clock, which
 * SQLite refuses in an index ("non-deterministic use of julianday()"), so
 * an article dated "now" could not be stored, nor a store holding one be
 * upgraded to schema 8. As written it was the moment of the listing. */
#define INSTANT_OF(col)                                                                          \
    "CASE WHEN " col " GLOB '[Nn][Oo][Ww]' THEN NULL"                                             \
    " ELSE coalesce(julianday(" col "), julianday(substr(" col ", 1, 10))) END"
#define LIST_ORDER                                                                               \
    " ORDER BY " DAY_OF("published") " DESC, " INSTANT_OF("published") " DESC, id DESC"

/* Each walks the index alone, never the table, whose rows hold the body
 * before url, source and published (a page read the whole file: 0.4 s
 * warm, over a second cold, on 100,000 articles); a page's rows are then
 * read by id. count(*) walks the smallest index. */
static const char COUNT_SQL[] = "SELECT count(*) FROM articles";
static const char PAGE_SQL[] = "SELECT id FROM articles" LIST_ORDER " LIMIT ?1 OFFSET ?2";
static const char SITES_SQL[] = "SELECT id, source, url FROM articles" LIST_ORDER;
/* The places of exact copies (schema step 11): few, read whole. */
static const char PLACES_SQL[] = "SELECT article_id, source, url FROM article_places";
static const char ROW_SQL[] =
    "SELECT id, title, NULL, url, source, published, origin, author FROM articles WHERE id = ?1";

static mz_status fail(mz_db *db, int rc, mz_error *err)
{
    return mz_db_fail(db, rc, err, "listing articles");
}

/* The total and the page's ids (into out->v[].id, out->n of them) with no
 * site to keep. */
static mz_status all_ids(mz_db *db, size_t offset, size_t limit, mz_article_list *out,
                         mz_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, COUNT_SQL, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return fail(db, rc, err);
    if ((rc = sqlite3_step(st)) == SQLITE_ROW)
        out->total = (size_t)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return fail(db, rc, err);
    if (!limit || offset >= out->total)
        return MZ_OK;
    if ((rc = sqlite3_prepare_v2(db->sql, PAGE_SQL, -1, &st, NULL)) != SQLITE_OK)
        return fail(db, rc, err);
    sqlite3_bind_int64(st, 1, (sqlite3_int64)limit);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)offset); /* below total, so it fits */
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && out->n < limit)
        out->v[out->n++].id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE || rc == SQLITE_ROW ? MZ_OK : fail(db, rc, err);
}

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The ids of the articles an exact copy of which was ingested from the
 * site (a place, places.c), sorted, into *ids (malloc'd, *n of them). A
 * journalist asking what a site published expects the wire story it
 * carried word for word, which is stored once, under the agency's row. */
static mz_status place_ids(mz_db *db, const char *wanted, size_t len, int64_t **ids, size_t *n,
                           mz_error *err)
{
    *ids = NULL;
    *n = 0;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, PLACES_SQL, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return fail(db, rc, err);
    size_t cap = 0;
    mz_status s = MZ_OK;
    while (s == MZ_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *source = (const char *)sqlite3_column_text(st, 1);
        const char *url = (const char *)sqlite3_column_text(st, 2);
        if (!mz_site_is(wanted, len, source) && !mz_site_is(wanted, len, url))
            continue;
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            int64_t *v = realloc(*ids, ncap * sizeof *v);
            if (!v) {
                s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
                break;
            }
            *ids = v;
            cap = ncap;
        }
        (*ids)[(*n)++] = sqlite3_column_int64(st, 0);
    }
    if (s == MZ_OK && rc != SQLITE_DONE)
        s = fail(db, rc, err);
    sqlite3_finalize(st);
    if (s == MZ_OK && *n)
        qsort(*ids, *n, sizeof **ids, cmp_id);
    return s;
}

/* The same for the rows of one site: a walk of the index, which holds each
 * row's source and URL, as mz_same_site reads them; a row the site carried
 * only as an exact copy (place_ids) is of it too, in the row's own order. */
static mz_status site_ids(mz_db *db, const char *site, size_t offset, size_t limit,
                          mz_article_list *out, mz_error *err)
{
    size_t len; /* the site asked for, made once, not for every row */
    const char *wanted = mz_site_of(site, &len);
    int64_t *copies;
    size_t n_copies;
    mz_status s = place_ids(db, wanted, len, &copies, &n_copies, err);
    if (s != MZ_OK)
        return s;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, SITES_SQL, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        free(copies);
        return fail(db, rc, err);
    }
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *source = (const char *)sqlite3_column_text(st, 1);
        const char *url = (const char *)sqlite3_column_text(st, 2);
        int64_t id = sqlite3_column_int64(st, 0);
        if (!mz_site_is(wanted, len, source) && !mz_site_is(wanted, len, url) &&
            !(n_copies && bsearch(&id, copies, n_copies, sizeof id, cmp_id)))
            continue;
        size_t at = out->total++;
        if (at >= offset && out->n < limit)
            out->v[out->n++].id = id;
    }
    sqlite3_finalize(st);
    free(copies);
    return rc == SQLITE_DONE ? MZ_OK : fail(db, rc, err);
}

/* The page's rows, by the ids in out->v, without their bodies. */
static mz_status read_rows(mz_db *db, mz_article_list *out, mz_error *err)
{
    if (!out->n)
        return MZ_OK;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, ROW_SQL, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return fail(db, rc, err);
    mz_status s = MZ_OK;
    size_t n = out->n;
    out->n = 0; /* the rows read so far: what mz_article_list_clear frees */
    for (size_t i = 0; i < n && s == MZ_OK; i++) {
        sqlite3_bind_int64(st, 1, out->v[i].id);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW && !mz_article_from_row(st, &out->v[out->n]))
            s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        else if (rc == SQLITE_ROW)
            out->n++;
        else if (rc != SQLITE_DONE) /* DONE: gone, which the read transaction rules out */
            s = fail(db, rc, err);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return s;
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
    /* the total and the page from one state of the store */
    bool began = mz_db_read_begin(db);
    mz_status s = source ? site_ids(db, source, offset, limit, out, err)
                         : all_ids(db, offset, limit, out, err);
    if (s == MZ_OK)
        s = read_rows(db, out, err);
    mz_db_read_end(db, began);
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
