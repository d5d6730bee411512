/* schema.c — the store's schema as an ordered list of migrations. A store
 * records its version in schema_version; opening an older store applies the
 * missing steps together, in one transaction, and rebuilds the full-text
 * index once at the end if any of them asks for it. Never edit a released
 * step: add a new one. */
#include "store/db.h"
#include "util/util.h"

#include <stdio.h>
#include <string.h>

/* Updates re-index the row (migration 1; re-created by migration 5). */
#define TRIGGER_AU                                                                      \
    "CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN"                         \
    "  INSERT INTO articles_fts(articles_fts, rowid, title, body)"                      \
    "    VALUES ('delete', old.id, old.title, old.body);"                               \
    "  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);" \
    "END;"

typedef struct migration {
    const char *sql;
    bool reindex; /* the full-text index must be rebuilt after it */
} migration;

static const migration migrations[MZ_SCHEMA_VERSION] = {
    {/* 1: articles and their full-text index. The FTS table is external
     * content (content='articles'): it stores only the index, and FTS5
     * reads title/body back from articles for snippets. Triggers keep the
     * index in step with the table. */
    "CREATE TABLE schema_version(version INTEGER NOT NULL);"
    "INSERT INTO schema_version VALUES (0);"
    "CREATE TABLE articles("
    "  id INTEGER PRIMARY KEY,"
    "  title TEXT NOT NULL,"
    "  body TEXT NOT NULL,"
    "  url TEXT,"
    "  source TEXT,"
    "  published TEXT,"
    "  origin TEXT,"
    "  norm_hash TEXT NOT NULL UNIQUE,"
    "  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles',"
    "  content_rowid='id', tokenize='" MZ_FTS_TOKENIZE "');"
    "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
    "  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
    "END;"
    "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN"
    "  INSERT INTO articles_fts(articles_fts, rowid, title, body)"
    "    VALUES ('delete', old.id, old.title, old.body);"
    "END;"
    TRIGGER_AU, false},

    {/* 2: facts about the store itself (tokenizer, creator) and an index for
     * per-source statistics. */
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "INSERT INTO meta VALUES ('tokenizer', '" MZ_FTS_TOKENIZE "');"
    "INSERT INTO meta VALUES ('created_by', 'mizan " MZ_VERSION "');"
    "CREATE INDEX articles_source ON articles(source);", false},

    {/* 3: the store indexes new rows itself (article.c) instead of through
     * an AFTER INSERT trigger: a trigger makes every insert a statement
     * transaction, and FTS5 answers each with a savepoint round trip
     * (11% of ingest instructions under callgrind). Deletes and updates
     * keep their triggers. */
    "DROP TRIGGER articles_ai;", false},

    {/* 4: the analyzer changed what it emits (ninth session: Snowball no
     * longer eats a root letter the light stemmer kept, ﷺ unfolds into its
     * words, %85 is the number 85%), so an index written before would miss
     * queries analyzed now (وزارة was indexed as زار). Rebuilt from the
     * stored articles: the articles themselves are untouched. */
    "", true},

    {/* 5: normalization changed (tenth session: a hamza seated on yaa or on
     * the line before waw is read as the waw-seated one, مسئول = مسؤول; the
     * Arabic comma joins a decimal; عبدالله is indexed as عبد الله). The
     * duplicate hash of a text holding such spellings changed with it, so it
     * is computed again (db.c registers mizan_norm_hash), once per row, or a
     * copy ingested now would be stored twice. The rows that change first
     * move to a placeholder, so that one taking another's old hash does not
     * depend on the order of the update; then, in id order, each takes its
     * new hash, unless an earlier row (now a copy of it) already has it; it
     * then keeps its old one, or failing that its unique placeholder:
     * nothing is dropped. The update trigger is dropped meanwhile: it would
     * re-index each row with the new analyzer against an index written with
     * the old one, and the index is rebuilt whole right after. */
    "DROP TRIGGER articles_au;"
    "CREATE TEMP TABLE mz_rehash AS"
    "  SELECT id, norm_hash AS old, mizan_norm_hash(body) AS new FROM articles;"
    "DELETE FROM mz_rehash WHERE new IS NULL OR new = old;"
    "UPDATE articles SET norm_hash = 'rehash:' || id WHERE id IN (SELECT id FROM mz_rehash);"
    "UPDATE OR IGNORE articles SET norm_hash = (SELECT new FROM mz_rehash r WHERE r.id = articles.id)"
    "  WHERE id IN (SELECT id FROM mz_rehash);"
    "UPDATE OR IGNORE articles SET norm_hash = (SELECT old FROM mz_rehash r WHERE r.id = articles.id)"
    "  WHERE norm_hash = 'rehash:' || id;"
    "DROP TABLE mz_rehash;"
    TRIGGER_AU, true},

    {/* 6: the analyzer changed again (fourteenth session): it reads a
     * stopword's spelling (آلية, الية, آلي, إمام and أثر normalize like the
     * function words إليه, إلى, أمام and إثر, and were dropped as stopwords,
     * so "آلية" found nothing), and a decimal comma is indexed as the
     * decimal point (2،5 as 2.5, where it was 2,5). Rebuilt from the stored
     * articles, as in 4. */
    "", true},

    {/* 7: the analyzer keeps the name علي (Ali) written with a final yaa: it
     * was dropped as على ("on"), which normalizes to it (ى → ي), so "علي
     * السيستاني" was searched without its first name and "علي" alone found
     * nothing. على written with its alef maqsura is still dropped. Rebuilt
     * from the stored articles, as in 4. */
    "", true},

    {/* 8: an index in the list's order (list.c: the day `published` names,
     * then its instant, then id), holding the source, URL and date the
     * list's --source filter reads. A page walked every row and sorted
     * them, and a row's body lies before its url, source and published
     * columns: 0.4 s warm and over a second cold per page on 100,000
     * articles. The two keys are list.c's DAY_OF and INSTANT_OF written
     * out (the planner matches an ORDER BY to an index expression by its
     * form; tests/store/test_list.c checks that the list walks it). The
     * date functions must read no clock to be allowed in an index: a
     * `published` of "now" (any case) is kept from julianday(), else its
     * row could not be stored, nor an older store holding one upgraded. */
    "CREATE INDEX articles_list ON articles("
    "  CASE WHEN published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"
    "    AND julianday(substr(published, 1, 10)) IS NOT NULL THEN substr(published, 1, 10) END,"
    "  CASE WHEN published GLOB '[Nn][Oo][Ww]' THEN NULL"
    "    ELSE coalesce(julianday(published), julianday(substr(published, 1, 10))) END,"
    "  id, source, url, published);", false},

    {/* 9: the article's author (its byline), NULL when unknown: ingest
     * reads it from JSON (author, byline, creator, dc:creator), a page's
     * meta author / article:author / JSON-LD and a feed's author or
     * dc:creator (store.h). Older rows keep NULL: their files are not read
     * again. Appended as the table's last column, so the list's index and
     * every row stay as they were (no rebuild). */
    "ALTER TABLE articles ADD COLUMN author TEXT;", false},

    {/* 10: the URL as versions of an article are compared by (mz_url_key:
     * http and https, "www.", a trailing slash, tracking parameters, an
     * escaped Arabic path are one URL), kept with each row and indexed, so
     * that `mizan show` and `mizan list` find an article's other versions
     * without reading every row (versions_store.c). Filled here for the
     * rows there are, by mizan_url_key (db.c); ingest fills it for the new
     * ones. The update trigger is dropped meanwhile, as in 5: the title and
     * body do not change, so the index needs no rebuild. */
    "DROP TRIGGER articles_au;"
    "ALTER TABLE articles ADD COLUMN url_key TEXT;"
    "UPDATE articles SET url_key = mizan_url_key(url) WHERE url IS NOT NULL;"
    "CREATE INDEX articles_url_key ON articles(url_key) WHERE url_key IS NOT NULL;"
    TRIGGER_AU, false},

    {/* 11: the other places an article was published: an exact copy of a
     * stored text (a wire story re-published word for word) ingested from
     * another URL or site is still skipped as a duplicate, but its URL,
     * source and date are kept here (places.c), so the site that carried
     * it is not lost. place_key is the URL's mz_url_key, or "site:" and
     * the site of a source given without a URL: one row per place, so a
     * re-ingest adds nothing. Rows go with their article (ON DELETE
     * CASCADE: foreign keys are on in every connection, db.c). No row of
     * articles is touched. */
    "CREATE TABLE article_places("
    "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    "  place_key TEXT NOT NULL,"
    "  url TEXT,"
    "  source TEXT,"
    "  published TEXT,"
    "  added_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  PRIMARY KEY (article_id, place_key)) WITHOUT ROWID;", false},
};

static int has_table(sqlite3 *sql, const char *name, int *rc)
{
    sqlite3_stmt *st;
    *rc = sqlite3_prepare_v2(sql, "SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?1",
                             -1, &st, NULL);
    if (*rc != SQLITE_OK)
        return 0;
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    int found = step == SQLITE_ROW;
    *rc = step == SQLITE_ROW || step == SQLITE_DONE ? SQLITE_OK : step;
    sqlite3_finalize(st);
    return found;
}

mz_status mz_schema_version(mz_db *db, int *version, mz_error *err)
{
    *version = 0;
    int rc;
    if (!has_table(db->sql, "schema_version", &rc)) {
        if (rc != SQLITE_OK)
            return mz_db_fail(db, rc, err, "reading the schema");
        sqlite3_stmt *st;
        rc = sqlite3_prepare_v2(db->sql,
                                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'",
                                -1, &st, NULL);
        if (rc != SQLITE_OK)
            return mz_db_fail(db, rc, err, "reading the schema");
        int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
        rc = sqlite3_finalize(st);
        if (rc != SQLITE_OK)
            return mz_db_fail(db, rc, err, "reading the schema");
        if (n != 0)
            return mz_fail(err, MZ_ERR_DB_CORRUPT,
                           "%s: not a mizan database (a SQLite database with other tables)", db->path);
        return MZ_OK;
    }
    sqlite3_stmt *st;
    rc = sqlite3_prepare_v2(db->sql, "SELECT max(version) FROM schema_version", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "reading the schema version");
    int step = sqlite3_step(st);
    bool ok = step == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_INTEGER;
    if (ok)
        *version = sqlite3_column_int(st, 0);
    rc = sqlite3_finalize(st);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "reading the schema version");
    if (!ok || *version < 1)
        return mz_fail(err, MZ_ERR_DB_CORRUPT, "%s: not a mizan database (bad schema_version)",
                       db->path);
    if (!has_table(db->sql, "articles", &rc) || !has_table(db->sql, "articles_fts", &rc))
        return rc != SQLITE_OK ? mz_db_fail(db, rc, err, "reading the schema")
                               : mz_fail(err, MZ_ERR_DB_CORRUPT,
                                         "%s: damaged mizan database (articles table missing)",
                                         db->path);
    return MZ_OK;
}

/* The steps after the store's version up to `to`, then the index rebuilt
 * once if any of them asks for it (a schema-3 store would otherwise be
 * rebuilt by 4 and again by 5), and the version recorded: all or none. */
static mz_status apply(mz_db *db, int to, mz_error *err)
{
    /* Said when the write lock cannot be had: a reading command upgrades
     * an older store too, and "starting a write transaction" was all it
     * told (another mizan upgrading the store holds the lock a while). */
    int from;
    mz_status s = mz_schema_version(db, &from, err);
    if (s != MZ_OK)
        return s;
    char what[80];
    if (from == 0)
        snprintf(what, sizeof what, "creating the store");
    else
        snprintf(what, sizeof what, "upgrading the store from schema %d to %d", from, to);
    s = mz_db_require_writable(db, err);
    if (s != MZ_OK)
        return s;
    int brc = sqlite3_exec(db->sql, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (brc != SQLITE_OK)
        return mz_db_fail(db, brc, err, what);
    /* Re-read inside the write lock: another process may have migrated. */
    int now;
    s = mz_schema_version(db, &now, err);
    if (s == MZ_OK && now < to) {
        int rc = SQLITE_OK;
        bool reindex = false;
        for (int v = now + 1; rc == SQLITE_OK && v <= to; v++) {
            rc = sqlite3_exec(db->sql, migrations[v - 1].sql, NULL, NULL, NULL);
            reindex |= migrations[v - 1].reindex;
        }
        if (rc == SQLITE_OK && reindex)
            rc = sqlite3_exec(db->sql, "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
                              NULL, NULL, NULL);
        if (rc == SQLITE_OK) {
            char sql[64];
            snprintf(sql, sizeof sql, "UPDATE schema_version SET version = %d", to);
            rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
        }
        if (rc != SQLITE_OK)
            s = mz_db_fail(db, rc, err, "upgrading the schema");
    }
    if (s != MZ_OK) {
        mz_db_rollback(db);
        return s;
    }
    return mz_db_commit(db, err);
}

mz_status mz_schema_migrate(mz_db *db, int target, mz_error *err)
{
    if (target < 1 || target > MZ_SCHEMA_VERSION)
        return mz_fail(err, MZ_ERR_ARG, "no schema version %d", target);
    return apply(db, target, err);
}
