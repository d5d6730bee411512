/* versions_store.c — an article's other versions in the whole store, for
 * `mizan show`, `mizan list` and the API (mz_articles_versions): the rule
 * of versions.c (one URL as mz_url_key reads it, near-copy texts, later by
 * publication day else by id), over every stored row of that URL rather
 * than the checked candidates. The rows of a URL are found through the
 * url_key index (schema step 10); a URL held by one row, nearly all of
 * them, costs one look in the index and no text is read. */
#include "check/check.h"
#include "store/db.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

static const char COUNT_SQL[] = "SELECT count(*) FROM articles WHERE url_key = ?1";
static const char ROWS_SQL[] = "SELECT id, published, body FROM articles WHERE url_key = ?1";

/* The rows of one URL key and the latest version of each. */
typedef struct group {
    char *key;
    size_t n;
    int64_t *ids;
    size_t *latest;
} group;

static void group_clear(group *g)
{
    free(g->key);
    free(g->ids);
    free(g->latest);
    memset(g, 0, sizeof *g);
}

static mz_status fail(mz_db *db, int rc, mz_error *err)
{
    return mz_db_fail(db, rc, err, "reading an article's versions");
}

/* How many rows hold key: 0 or 1 needs no text read. */
static mz_status count_rows(mz_db *db, const char *key, size_t *n, mz_error *err)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, COUNT_SQL, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return fail(db, rc, err);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    *n = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(st, 0) : 0;
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? MZ_OK : fail(db, rc, err);
}

/* The rows of key (g->key), their texts' MinHash, and mz_versions_latest. */
static mz_status load_group(mz_db *db, group *g, size_t cap, mz_error *err)
{
    mz_version_item *v = calloc(cap, sizeof *v);
    mz_minhash *sigs = malloc(cap * sizeof *sigs);
    char **days = calloc(cap, sizeof *days);
    g->ids = malloc(cap * sizeof *g->ids);
    g->latest = malloc(cap * sizeof *g->latest);
    mz_status s = MZ_OK;
    sqlite3_stmt *st = NULL;
    int rc = SQLITE_OK;
    if (!v || !sigs || !days || !g->ids || !g->latest)
        s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    else if ((rc = sqlite3_prepare_v2(db->sql, ROWS_SQL, -1, &st, NULL)) != SQLITE_OK)
        s = fail(db, rc, err);
    if (s == MZ_OK) {
        sqlite3_bind_text(st, 1, g->key, -1, SQLITE_STATIC);
        while (s == MZ_OK && g->n < cap && (rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *pub = (const char *)sqlite3_column_text(st, 1);
            const char *body = (const char *)sqlite3_column_text(st, 2);
            size_t i = g->n++;
            g->ids[i] = sqlite3_column_int64(st, 0);
            if (pub && !(days[i] = mz_strdup(pub)))
                s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
            mz_minhash_text(body ? body : "", (size_t)sqlite3_column_bytes(st, 2), &sigs[i]);
            v[i] = (mz_version_item){.url_key = g->key, .id = g->ids[i], .published = days[i]};
        }
        if (s == MZ_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
            s = fail(db, rc, err);
        sqlite3_finalize(st);
    }
    if (s == MZ_OK && mz_versions_latest(g->n, v, sigs, g->latest) != MZ_OK)
        s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    for (size_t i = 0; days && i < cap; i++)
        free(days[i]);
    free(days);
    free(sigs);
    free(v);
    return s;
}

/* What g says of article id: the version that supersedes it, the ones it
 * supersedes (ascending id, as the rows come in rowid order). */
static mz_status fill(const group *g, int64_t id, mz_article_versions *out, mz_error *err)
{
    size_t self = g->n;
    for (size_t i = 0; i < g->n; i++)
        if (g->ids[i] == id)
            self = i;
    if (self == g->n)
        return MZ_OK;
    if (g->latest[self] != self)
        out->superseded_by = g->ids[g->latest[self]];
    for (size_t j = 0; j < g->n; j++) {
        if (j == self || g->latest[j] != self)
            continue;
        if (!out->corrects && !(out->corrects = malloc(g->n * sizeof *out->corrects)))
            return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        out->corrects[out->n_corrects++] = g->ids[j];
    }
    return MZ_OK;
}

mz_status mz_articles_versions(mz_db *db, const mz_article *a, size_t n, mz_article_versions *out,
                               mz_error *err)
{
    memset(out, 0, n * sizeof *out);
    group *groups = n ? calloc(n, sizeof *groups) : NULL; /* one per URL of the page */
    size_t ng = 0;
    if (n && !groups)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    bool began = mz_db_read_begin(db); /* every group from one state of the store */
    mz_status s = MZ_OK;
    for (size_t i = 0; i < n && s == MZ_OK; i++) {
        char *key;
        if ((s = mz_url_key(a[i].url, &key)) != MZ_OK) {
            s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
            break;
        }
        if (!key)
            continue;
        size_t g = 0;
        while (g < ng && strcmp(groups[g].key, key))
            g++;
        if (g < ng) {
            free(key);
        } else {
            size_t rows = 0; /* count_rows leaves it unset on failure */
            groups[ng].key = key;
            s = count_rows(db, key, &rows, err);
            if (s == MZ_OK && rows > 1)
                s = load_group(db, &groups[ng], rows, err);
            ng++;
        }
        if (s == MZ_OK)
            s = fill(&groups[g], a[i].id, &out[i], err);
    }
    mz_db_read_end(db, began);
    for (size_t g = 0; g < ng; g++)
        group_clear(&groups[g]);
    free(groups);
    if (s != MZ_OK)
        for (size_t i = 0; i < n; i++)
            mz_article_versions_clear(&out[i]);
    return s;
}

mz_status mz_article_versions_get(mz_db *db, int64_t id, mz_article_versions *out, mz_error *err)
{
    if (!out)
        return mz_fail(err, MZ_ERR_ARG, "no output for the versions");
    memset(out, 0, sizeof *out);
    if (!db)
        return mz_fail(err, MZ_ERR_ARG, "no database");
    mz_article a;
    mz_status s = mz_article_get(db, id, &a, err);
    if (s != MZ_OK)
        return s;
    s = mz_articles_versions(db, &a, 1, out, err);
    mz_article_clear(&a);
    return s;
}

void mz_article_versions_clear(mz_article_versions *v)
{
    if (!v)
        return;
    free(v->corrects);
    memset(v, 0, sizeof *v);
}

void mz_article_versions_free(mz_article_versions *v, size_t n)
{
    for (size_t i = 0; v && i < n; i++)
        mz_article_versions_clear(&v[i]);
    free(v);
}
