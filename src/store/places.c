/* places.c — the other places a stored article was published (schema step
 * 11, article_places). An exact duplicate (the same text after
 * normalization) is still skipped at ingest: one text, one article, one
 * voice in a check. But when it came from another URL, or names another
 * site, than the stored article and its known places — a wire story a
 * second site re-published word for word — that place is recorded, so a
 * fact-checker still sees every site that carried the story. The same
 * file, the same URL, or the same text with neither URL nor source adds
 * nothing: those are plain duplicates as before. */
#include "store/db.h"
#include "store/store.h"
#include "util/util.h"

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static const char INSERT_SQL[] =
    "INSERT OR IGNORE INTO article_places(article_id, place_key, url, source, published)"
    " VALUES (?1, ?2, ?3, ?4, ?5)";

/* "site:" and the site of src, ASCII lowercased (a name that is no host
 * stays whole), malloc'd; NULL when out of memory. */
static char *site_key(const char *src)
{
    size_t n;
    const char *site = mz_site_of(src, &n);
    char *k = malloc(n + 6);
    if (!k)
        return NULL;
    memcpy(k, "site:", 5);
    for (size_t i = 0; i < n; i++)
        k[5 + i] = (char)tolower((unsigned char)site[i]);
    k[5 + n] = '\0';
    return k;
}

/* The place of a copy (its url and source, cleaned), unless it is the
 * stored row's own: *key NULL then. With a URL, the place is that URL as a
 * reader compares URLs (mz_url_key: http and https, "www.", tracking
 * parameters are one), the same as the row's is no other place. With only
 * a source, its site: one the row's URL or source is of adds nothing. */
static mz_status place_of(const char *url, const char *source, const char *row_url,
                          const char *row_source, char **key)
{
    *key = NULL;
    char *mine = NULL;
    if (url && mz_url_key(url, &mine) != MZ_OK)
        return MZ_ERR_NOMEM;
    if (mine) {
        char *theirs = NULL;
        if (row_url && mz_url_key(row_url, &theirs) != MZ_OK) {
            free(mine);
            return MZ_ERR_NOMEM;
        }
        bool same = theirs && !strcmp(mine, theirs);
        free(theirs);
        if (same)
            free(mine);
        else
            *key = mine;
        return MZ_OK;
    }
    if (!source || (row_url && mz_same_site(source, row_url)) ||
        (row_source && mz_same_site(source, row_source)))
        return MZ_OK;
    *key = site_key(source);
    return *key ? MZ_OK : MZ_ERR_NOMEM;
}

mz_status mz_place_note(mz_adder *a, int64_t id, const mz_article_input *in, const char *row_url,
                        const char *row_source, mz_error *err)
{
    a->place_added = false;
    const char *url = in->url && *in->url ? in->url : NULL;
    const char *given = in->source && *in->source ? in->source : NULL;
    if (!url && !given)
        return MZ_OK; /* no place told: a plain duplicate */
    char *source = given ? mz_strdup(given) : mz_url_source(url);
    char *u = url ? mz_strdup(url) : NULL;
    char *published = NULL, *key = NULL;
    if (in->published && *in->published) {
        char iso[MZ_ISO_DATE_MAX];
        published = mz_strdup(mz_published_read(in->published, iso) == MZ_PUBLISHED_READ
                                  ? iso
                                  : in->published);
    }
    bool nomem = (given && !source) || (url && !u) || (in->published && *in->published && !published);
    if (!nomem) {
        mz_clean_lines((char *const[]){source, u, published}, 3);
        nomem = place_of(u, source, row_url, row_source, &key) != MZ_OK;
    }
    mz_status s = MZ_OK;
    if (nomem) {
        s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    } else if (key) {
        int rc = a->place ? SQLITE_OK
                          : sqlite3_prepare_v2(a->db->sql, INSERT_SQL, -1, &a->place, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_stmt *st = a->place;
            sqlite3_reset(st);
            sqlite3_bind_int64(st, 1, id);
            sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 3, u, -1, SQLITE_STATIC); /* NULL binds NULL */
            sqlite3_bind_text(st, 4, source && *source ? source : NULL, -1, SQLITE_STATIC);
            sqlite3_bind_text(st, 5, published && *published ? published : NULL, -1, SQLITE_STATIC);
            rc = sqlite3_step(st);
            a->place_added = rc == SQLITE_DONE && sqlite3_changes(a->db->sql) > 0;
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
        }
        if (rc != SQLITE_DONE && rc != SQLITE_OK)
            s = mz_db_fail(a->db, rc, err, "recording where a duplicate was published");
    }
    free(source), free(u), free(published), free(key);
    return s;
}

void mz_places_clear(mz_places *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->n; i++) {
        free(p->v[i].url);
        free(p->v[i].source);
        free(p->v[i].published);
    }
    free(p->v);
    memset(p, 0, sizeof *p);
}

void mz_places_free(mz_places *p, size_t n)
{
    for (size_t i = 0; p && i < n; i++)
        mz_places_clear(&p[i]);
    free(p);
}

/* Appends the row of st (url, source, published at columns col..col+2) to
 * out; false when out of memory (out still clearable). */
static bool push_place(sqlite3_stmt *st, int col, mz_places *out, size_t *cap)
{
    if (out->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 4;
        mz_place *v = realloc(out->v, ncap * sizeof *v);
        if (!v)
            return false;
        out->v = v;
        *cap = ncap;
    }
    mz_place *p = &out->v[out->n];
    memset(p, 0, sizeof *p);
    out->n++;
    char **f[] = {&p->url, &p->source, &p->published};
    bool ok = true;
    for (int i = 0; i < 3; i++) {
        *f[i] = mz_col_dup(st, col + i);
        if (!*f[i] && sqlite3_column_type(st, col + i) != SQLITE_NULL)
            ok = false;
    }
    mz_clean_lines((char *const[]){p->url, p->source, p->published}, 3);
    return ok;
}

mz_status mz_article_places(mz_db *db, int64_t id, mz_places *out, mz_error *err)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    /* the earliest recorded first: added_at (a second), then the key (no rowid) */
    int rc = sqlite3_prepare_v2(db->sql,
                                "SELECT url, source, published FROM article_places"
                                " WHERE article_id = ?1 ORDER BY added_at, place_key",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "reading where an article was published");
    sqlite3_bind_int64(st, 1, id);
    mz_status s = MZ_OK;
    size_t cap = 0;
    while (s == MZ_OK && (rc = sqlite3_step(st)) == SQLITE_ROW)
        if (!push_place(st, 0, out, &cap))
            s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    if (s == MZ_OK && rc != SQLITE_DONE)
        s = mz_db_fail(db, rc, err, "reading where an article was published");
    sqlite3_finalize(st);
    if (s != MZ_OK)
        mz_places_clear(out);
    return s;
}

/* The index of id in v[0..n) (a page: n at most MZ_LIST_MAX), n if none. */
static size_t index_of(const int64_t *v, size_t n, int64_t id)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == id)
            return i;
    return n;
}

mz_status mz_ids_places(mz_db *db, const int64_t *v, size_t n, mz_places *out, mz_error *err)
{
    memset(out, 0, n * sizeof *out);
    if (!n)
        return MZ_OK;
    /* One statement for the whole page (a list of 1000 rows is one walk of
     * the primary key's index, not 1000 queries); the ids are integers
     * written into the SQL, not bound, as 1000 parameters pass the limit
     * of older SQLite builds (999). */
    mz_buf sql = {0};
    int bad = mz_buf_puts(&sql, "SELECT article_id, url, source, published FROM article_places"
                                " WHERE article_id IN (");
    for (size_t i = 0; i < n && !bad; i++)
        bad = mz_buf_printf(&sql, "%s%lld", i ? "," : "", (long long)v[i]);
    if (bad || mz_buf_puts(&sql, ") ORDER BY article_id, added_at, place_key")) {
        mz_buf_free(&sql);
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, sql.p, -1, &st, NULL);
    mz_buf_free(&sql);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "reading where the articles were published");
    mz_status s = MZ_OK;
    size_t *cap = calloc(n, sizeof *cap);
    if (!cap)
        s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    size_t at = 0; /* the rows come by article_id: look up each id once */
    int64_t last = 0;
    while (s == MZ_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        int64_t id = sqlite3_column_int64(st, 0);
        if (id != last || at == n) {
            at = index_of(v, n, id);
            last = id;
        }
        if (at < n && !push_place(st, 1, &out[at], &cap[at]))
            s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    if (s == MZ_OK && rc != SQLITE_DONE)
        s = mz_db_fail(db, rc, err, "reading where the articles were published");
    sqlite3_finalize(st);
    free(cap);
    if (s != MZ_OK)
        for (size_t i = 0; i < n; i++)
            mz_places_clear(&out[i]);
    return s;
}

/* The ids of n rows of a struct whose int64_t id is at the same offset
 * (mz_article, mz_hit) into a malloc'd array, then mz_ids_places. */
static mz_status rows_places(mz_db *db, const void *rows, size_t size, size_t at, size_t n,
                             mz_places *out, mz_error *err)
{
    memset(out, 0, n * sizeof *out);
    if (!n)
        return MZ_OK;
    int64_t *ids = malloc(n * sizeof *ids);
    if (!ids)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++)
        memcpy(&ids[i], (const char *)rows + i * size + at, sizeof *ids);
    mz_status s = mz_ids_places(db, ids, n, out, err);
    free(ids);
    return s;
}

mz_status mz_articles_places(mz_db *db, const mz_article *v, size_t n, mz_places *out,
                             mz_error *err)
{
    return rows_places(db, v, sizeof *v, offsetof(mz_article, id), n, out, err);
}

mz_status mz_hits_places(mz_db *db, const mz_hits *h, mz_places *out, mz_error *err)
{
    return rows_places(db, h->v, sizeof *h->v, offsetof(mz_hit, id), h->n, out, err);
}

const mz_place *mz_place_at(const mz_article *a, const mz_places *p, const char *site)
{
    if (!site || !*site || !p)
        return NULL;
    size_t len;
    const char *wanted = mz_site_of(site, &len);
    if (mz_site_is(wanted, len, a->source) || mz_site_is(wanted, len, a->url))
        return NULL; /* the site's own article */
    for (size_t i = 0; i < p->n; i++)
        if (mz_site_is(wanted, len, p->v[i].source) || mz_site_is(wanted, len, p->v[i].url))
            return &p->v[i];
    return NULL;
}
