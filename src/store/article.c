/* article.c — one article in and out of the store: checks, boilerplate
 * removal, derived fields (derive.c), duplicate detection, insert, fetch. */
#include "store/db.h"
#include "text/text.h"
#include "util/util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

mz_status mz_adder_init(mz_adder *a, mz_db *db, mz_error *err)
{
    memset(a, 0, sizeof *a);
    a->db = db;
    int rc = sqlite3_prepare_v2(db->sql, "SELECT id, url, source FROM articles WHERE norm_hash = ?1",
                                -1, &a->find, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db->sql,
                                "INSERT INTO articles(id, title, body, url, source, published, origin,"
                                " norm_hash, author, url_key)"
                                " VALUES (?8, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?9, mizan_url_key(?3))",
                                -1, &a->insert, NULL);
    /* Ids are never given twice. SQLite gives max(id) + 1, so deleting the
     * newest article would hand its id to the next one, and a client still
     * holding it would read or delete an unrelated article. Deletes record
     * the highest id they removed (meta id_high_water); the first insert
     * after them goes above it. (AUTOINCREMENT would need the table rebuilt.) */
    sqlite3_stmt *hw = NULL;
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db->sql,
                                "SELECT (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'id_high_water'),"
                                " (SELECT max(id) FROM articles)",
                                -1, &hw, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(hw);
        if (rc == SQLITE_ROW) {
            int64_t high = sqlite3_column_int64(hw, 0), top = sqlite3_column_int64(hw, 1);
            a->next_id = high > top ? high + 1 : 0;
            rc = SQLITE_OK;
        }
        sqlite3_finalize(hw);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db->sql,
                                "INSERT INTO articles_fts(rowid, title, body) VALUES (?1, ?2, ?3)",
                                -1, &a->index, NULL);
    if (rc != SQLITE_OK) {
        mz_status s = mz_db_fail(db, rc, err, "preparing the insert");
        mz_adder_done(a);
        return s;
    }
    return MZ_OK;
}

void mz_adder_done(mz_adder *a)
{
    sqlite3_finalize(a->find);
    sqlite3_finalize(a->insert);
    sqlite3_finalize(a->index);
    sqlite3_finalize(a->place);
    a->find = a->insert = a->index = a->place = NULL;
}

static void bind_opt(sqlite3_stmt *st, int i, const char *s)
{
    if (s && *s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static mz_status check_field(const char *v, const char *what, const char *name, mz_error *err)
{
    size_t bad;
    if (v && mz_utf8_check(v, strlen(v), &bad) != MZ_OK)
        return mz_fail(err, MZ_ERR_UTF8, "%s: %s: invalid UTF-8 at byte offset %zu", what, name,
                       bad);
    return MZ_OK;
}

/* The title to store: the given one, cleaned, unless nothing of it is left
 * (blank, or only control characters); else one derived from the body.
 * NULL when out of memory. */
static char *choose_title(const char *given, const char *body, size_t blen)
{
    if (given) {
        char *t = mz_given_title(given, strlen(given));
        if (!t)
            return NULL;
        mz_clean_line(t);
        if (*t)
            return t;
        free(t);
    }
    char *t = mz_derive_title(body, blen);
    if (t)
        mz_clean_line(t);
    return t;
}

char *mz_article_title(const char *given, const char *text, size_t len)
{
    size_t blen = len;
    char *body = mz_boilerplate_strip(text, len, &blen);
    if (!body)
        return NULL;
    bool blank = mz_text_blank(body, blen); /* all furniture: ingest keeps the text */
    char *t = choose_title(given, blank ? text : body, blank ? len : blen);
    free(body);
    return t;
}

bool mz_origin_is_file(const char *origin)
{
    if (!origin || !*origin || !strcmp(origin, "api"))
        return false;
    /* a pipe named as a file (<(cmd) is /dev/fd/63, /dev/stdin) is gone
     * once read: no receipt */
    if (!strncmp(origin, "/dev/", 5) || !strncmp(origin, "/proc/", 6))
        return false;
    size_t n = strlen("stdin");
    return strncmp(origin, "stdin", n) || !strchr(":#", origin[n]); /* '\0' is in ":#" */
}

static mz_status store(mz_adder *a, const mz_article_input *in, const char *what,
                       const char *raw, size_t raw_len, const char *body, size_t blen,
                       int64_t *id, mz_error *err)
{
    char hash[33];
    mz_status s = mz_norm_hash(body, blen, hash, err);
    if (s != MZ_OK)
        return s;
    sqlite3_reset(a->find);
    sqlite3_bind_text(a->find, 1, hash, -1, SQLITE_STATIC);
    int rc = sqlite3_step(a->find);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(a->find, 0);
        /* skipped, but a copy from another URL or site is not lost */
        char *row_url = mz_col_dup(a->find, 1), *row_source = mz_col_dup(a->find, 2);
        sqlite3_reset(a->find);
        if ((!row_url && sqlite3_column_type(a->find, 1) != SQLITE_NULL) ||
            (!row_source && sqlite3_column_type(a->find, 2) != SQLITE_NULL))
            s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        else
            s = mz_place_note(a, *id, in, row_url, row_source, err);
        free(row_url), free(row_source);
        if (s != MZ_OK)
            return s;
        return mz_fail(err, MZ_ERR_DUPLICATE,
                       a->place_added ? "%s: same text as article %lld (recorded as published at "
                                        "another place too)"
                                      : "%s: same text as article %lld",
                       what, (long long)*id);
    }
    sqlite3_reset(a->find);
    if (rc != SQLITE_DONE)
        return mz_db_fail(a->db, rc, err, "looking up duplicates");

    char *title = choose_title(in->title, body, blen), *source = NULL, *url = NULL,
         *published = NULL;
    source = in->source && *in->source ? mz_strdup(in->source) : mz_url_source(in->url);
    if (!source && !in->url && !(in->source && *in->source))
        source = mz_source_line(raw, raw_len); /* the filter may drop that line */
    char *origin = mz_utf8_repair(in->origin); /* a file name need not be UTF-8 */
    if (in->url)
        url = mz_strdup(in->url);
    if (in->published) {
        char iso[MZ_ISO_DATE_MAX];
        mz_published_reading r = mz_published_read(in->published, iso);
        published = mz_strdup(r == MZ_PUBLISHED_READ ? iso : in->published);
        if (r == MZ_PUBLISHED_NO_DAY) { /* told once the article is stored */
            char msg[300];
            mz_published_no_day(in->published, msg, sizeof msg);
            snprintf(a->warning, sizeof a->warning, "%s: %s", what, msg);
        }
    } else
        published = mz_date_line(raw, raw_len); /* a date line under the title */
    bool author_nomem;
    char *author = mz_author_clean(in->author, source, in->url, &author_nomem);
    if (!title || (in->source && *in->source && !source) || (in->origin && !origin) ||
        (in->url && !url) || (in->published && !published) || author_nomem) {
        free(title), free(source), free(origin), free(url), free(published), free(author);
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    /* Every field is one line, printed by show, check and the server's
     * log: an escape sequence in any of them (a file name, a JSONL url)
     * would drive the terminal of whoever lists it. (The title was cleaned
     * as it was chosen.) */
    char *fields[] = {source, url, published, origin};
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
        if (fields[f])
            mz_clean_line(fields[f]);
    sqlite3_stmt *st = a->insert;
    sqlite3_reset(st);
    sqlite3_bind_text(st, 1, title, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, body, (int)blen, SQLITE_TRANSIENT);
    bind_opt(st, 3, url);
    bind_opt(st, 4, source);
    bind_opt(st, 5, published);
    bind_opt(st, 6, origin);
    sqlite3_bind_text(st, 7, hash, -1, SQLITE_TRANSIENT);
    bind_opt(st, 9, author);
    if (a->next_id)
        sqlite3_bind_int64(st, 8, a->next_id);
    else
        sqlite3_bind_null(st, 8); /* max(id) + 1 */
    rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc == SQLITE_DONE) {
        a->next_id = 0; /* the ones after follow it */
        *id = sqlite3_last_insert_rowid(a->db->sql);
        sqlite3_stmt *ix = a->index;
        sqlite3_bind_int64(ix, 1, *id);
        sqlite3_bind_text(ix, 2, title, -1, SQLITE_STATIC);
        sqlite3_bind_text(ix, 3, body, (int)blen, SQLITE_STATIC);
        rc = sqlite3_step(ix);
        sqlite3_reset(ix);
        sqlite3_clear_bindings(ix);
    }
    free(title), free(source), free(origin), free(url), free(published), free(author);
    if (rc != SQLITE_DONE) {
        *id = 0;
        a->warning[0] = '\0';
        return mz_db_fail(a->db, rc, err, "storing the article");
    }
    return MZ_OK;
}

static mz_status add_text(mz_adder *a, const mz_article_input *in, bool stored, const char *what,
                          const char *text, size_t len, int64_t *id, mz_error *err);

mz_status mz_adder_add(mz_adder *a, const mz_article_input *in, bool stored, int64_t *id,
                       mz_error *err)
{
    *id = 0;
    a->warning[0] = '\0';
    a->place_added = false;
    const char *what = in->origin ? in->origin : "article";
    if (!in->text)
        return mz_fail(err, MZ_ERR_ARG, "%s: no text", what);
    const char *text = in->text;
    size_t len = in->text_len;
    if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) { /* UTF-8 byte order mark */
        text += 3;
        len -= 3;
    }
    if (len > (size_t)INT32_MAX)
        return mz_fail(err, MZ_ERR_TOO_LARGE, "%s: text over 2 GB", what);
    bool copied;
    char *unified = mz_lone_cr_to_lf(text, len, &copied);
    if (copied && !unified)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    mz_status s = add_text(a, in, stored, what, unified ? unified : text, len, id, err);
    free(unified);
    return s;
}

/* mz_adder_add once the text's line ends are LF or CRLF. */
static mz_status add_text(mz_adder *a, const mz_article_input *in, bool stored, const char *what,
                          const char *text, size_t len, int64_t *id, mz_error *err)
{
    mz_status s = mz_text_check(text, len, what, err);
    if (s == MZ_OK)
        s = check_field(in->title, what, "title", err);
    if (s == MZ_OK)
        s = check_field(in->url, what, "url", err);
    if (s == MZ_OK)
        s = check_field(in->source, what, "source", err);
    if (s == MZ_OK)
        s = check_field(in->published, what, "published", err);
    if (s == MZ_OK)
        s = check_field(in->author, what, "author", err);
    if (s != MZ_OK)
        return s;
    size_t blen = len;
    char *body = stored ? mz_strndup(text, len) : mz_boilerplate_strip(text, len, &blen);
    if (!body)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    if (mz_text_blank(body, blen)) { /* all furniture? keep the text rather than lose it */
        free(body);
        body = mz_strndup(text, len);
        blen = len;
        if (!body)
            return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    mz_blank_controls(body, blen);
    s = store(a, in, what, text, len, body, blen, id, err);
    free(body);
    return s;
}

mz_status mz_articles_add(mz_db *db, const mz_article_input *in, size_t n, int64_t *ids,
                          mz_status *status, size_t *failed, mz_error *err)
{
    size_t bad = n;
    if (failed)
        *failed = n;
    if (!db || (n && !in))
        return mz_fail(err, MZ_ERR_ARG, "no database or article");
    mz_status s = mz_db_begin(db, err);
    if (s != MZ_OK)
        return s;
    mz_adder a;
    s = mz_adder_init(&a, db, err);
    for (size_t i = 0; s == MZ_OK && i < n; i++) {
        mz_status one = mz_adder_add(&a, &in[i], false, &ids[i], err);
        status[i] = one;
        if (one != MZ_OK && one != MZ_ERR_DUPLICATE) {
            s = one;
            bad = i;
        }
    }
    mz_adder_done(&a); /* also after a failed init: it leaves nothing to finalize */
    if (s == MZ_OK)
        s = mz_db_commit(db, err);
    else
        mz_db_rollback(db);
    if (failed)
        *failed = bad;
    return s;
}

mz_status mz_article_add(mz_db *db, const mz_article_input *in, int64_t *id_out, mz_error *err)
{
    int64_t id = 0;
    mz_status one = MZ_OK;
    if (id_out)
        *id_out = 0;
    if (!in)
        return mz_fail(err, MZ_ERR_ARG, "no database or article");
    mz_status s = mz_articles_add(db, in, 1, &id, &one, NULL, err);
    if (s == MZ_OK)
        s = one; /* MZ_ERR_DUPLICATE, with its message in err */
    if (id_out && (s == MZ_OK || s == MZ_ERR_DUPLICATE))
        *id_out = id;
    return s;
}

bool mz_article_from_row(sqlite3_stmt *st, mz_article *a)
{
    memset(a, 0, sizeof *a);
    a->id = sqlite3_column_int64(st, 0);
    char **const f[] = {&a->title,     &a->body,   &a->url,   &a->source,
                        &a->published, &a->origin, &a->author};
    for (int i = 0; i < 7; i++) {
        *f[i] = mz_col_dup(st, i + 1);
        /* mz_col_dup gives NULL for a NULL column, or when out of memory */
        if (!*f[i] && sqlite3_column_type(st, i + 1) != SQLITE_NULL) {
            mz_article_clear(a);
            return false;
        }
    }
    /* as ingest stores them now: show, export, the API, check, the list */
    mz_clean_lines((char *const[]){a->title, a->url, a->source, a->published, a->origin, a->author},
                   6);
    if (a->body)
        mz_blank_controls(a->body, strlen(a->body));
    return true;
}

mz_status mz_article_get(mz_db *db, int64_t id, mz_article *out, mz_error *err)
{
    if (!out)
        return mz_fail(err, MZ_ERR_ARG, "no output for the article");
    memset(out, 0, sizeof *out);
    if (!db)
        return mz_fail(err, MZ_ERR_ARG, "no database");
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql,
                                "SELECT id, title, body, url, source, published, origin, author"
                                " FROM articles WHERE id = ?1",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "reading an article");
    sqlite3_bind_int64(st, 1, id);
    rc = sqlite3_step(st);
    mz_status s = MZ_OK;
    if (rc == SQLITE_ROW) {
        if (!mz_article_from_row(st, out)) {
            s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        } else if (!out->title || !out->body) {
            /* the schema holds both NOT NULL: a row without them is a
             * damaged page (a PATH-wal of another store read over this
             * one's, say), which was told as "out of memory", exit 1 */
            mz_article_clear(out);
            s = mz_db_damaged(db, err, "reading an article", "a row without its title or text");
        }
    } else if (rc == SQLITE_DONE) {
        s = mz_fail(err, MZ_ERR_NOT_FOUND, "no article with id %lld", (long long)id);
    } else {
        s = mz_db_fail(db, rc, err, "reading an article");
    }
    sqlite3_finalize(st);
    return s;
}

static int by_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

mz_status mz_articles_delete(mz_db *db, const int64_t *ids, size_t n, mz_error *err)
{
    if (!db || (n && !ids))
        return mz_fail(err, MZ_ERR_ARG, "no database or ids");
    mz_status s = mz_db_require_writable(db, err);
    if (s != MZ_OK)
        return s;
    /* An id given twice is removed once: the second time would find nothing
     * and fail the whole call as "not found". */
    int64_t *u = malloc((n ? n : 1) * sizeof *u);
    if (!u)
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    if (n)
        memcpy(u, ids, n * sizeof *u);
    qsort(u, n, sizeof *u, by_id);
    size_t nu = 0;
    for (size_t i = 0; i < n; i++)
        if (!nu || u[nu - 1] != u[i])
            u[nu++] = u[i];
    s = mz_db_begin(db, err);
    if (s != MZ_OK) {
        free(u);
        return s;
    }
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, "DELETE FROM articles WHERE id = ?1", -1, &st, NULL);
    if (rc != SQLITE_OK)
        s = mz_db_fail(db, rc, err, "removing an article");
    for (size_t i = 0; s == MZ_OK && i < nu; i++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, u[i]);
        rc = sqlite3_step(st); /* the articles_ad trigger removes the index entries */
        if (rc != SQLITE_DONE)
            s = mz_db_fail(db, rc, err, "removing an article");
        else if (sqlite3_changes(db->sql) == 0)
            s = mz_fail(err, MZ_ERR_NOT_FOUND, "no article with id %lld (nothing was removed)",
                        (long long)u[i]);
    }
    sqlite3_finalize(st);
    if (s == MZ_OK && nu) { /* never give these ids again (mz_adder_init) */
        rc = sqlite3_prepare_v2(db->sql,
                                "INSERT INTO meta(key, value) VALUES ('id_high_water', ?1)"
                                " ON CONFLICT(key) DO UPDATE SET value ="
                                " max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
                                -1, &st, NULL);
        if (rc == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, u[nu - 1]);
            rc = sqlite3_step(st);
            sqlite3_finalize(st);
        }
        if (rc != SQLITE_DONE && rc != SQLITE_OK)
            s = mz_db_fail(db, rc, err, "removing an article");
    }
    /* FTS5 deletes by tombstone: the article's words, with their positions
     * (enough to read it back in order), stay in the index's older segments
     * until a merge rewrites them. 'optimize' rewrites the index into one
     * segment now, and secure_delete (db.c) zeros the pages it frees, so
     * what was deleted is gone from the file (~0.35 s at 10,000 articles). */
    if (s == MZ_OK && nu) {
        rc = sqlite3_exec(db->sql, "INSERT INTO articles_fts(articles_fts) VALUES('optimize')",
                          NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            s = mz_db_fail(db, rc, err, "removing an article from the index");
    }
    free(u);
    if (s == MZ_OK) {
        s = mz_db_commit(db, err);
        /* the file itself, not only the write-ahead log, loses the old pages
         * now; best effort: a reader still open elsewhere defers it to the
         * next checkpoint */
        if (s == MZ_OK && mz_db_may_checkpoint(db))
            sqlite3_wal_checkpoint_v2(db->sql, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
        return s;
    }
    mz_db_rollback(db);
    return s;
}

void mz_article_clear(mz_article *a)
{
    if (!a)
        return;
    free(a->title);
    free(a->body);
    free(a->url);
    free(a->source);
    free(a->published);
    free(a->origin);
    free(a->author);
    memset(a, 0, sizeof *a);
}
