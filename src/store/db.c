/* db.c — opening and closing the SQLite store, error mapping, transactions.
 *
 * Corruption is detected from the errors SQLite returns (SQLITE_NOTADB,
 * SQLITE_CORRUPT) rather than by PRAGMA quick_check, which reads the whole
 * file and would make every open as slow as the database is large. */
#include "store/db.h"
#include "text/text.h"
#include "util/util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

/* A store found damaged or foreign must not be written on the way out.
 * Damage is often not in the file but in a PATH-wal that is not its own (a
 * backup restored beside an old log, a log copied with the wrong file):
 * SQLite cannot tell, reads the log's pages over the file's, and when the
 * last connection closes it checkpoints that log into the file and cuts the
 * file to the other store's size. So, once damage is seen, no checkpoint:
 * none on close, none automatic, none after a commit (mz_db_commit). */
static void keep_file_as_is(const mz_db *db)
{
    if (!db || !db->sql)
        return;
    sqlite3_db_config(db->sql, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
    sqlite3_wal_autocheckpoint(db->sql, 0);
}

/* Whether keep_file_as_is was called on db. */
static bool kept_as_is(mz_db *db)
{
    int on = 0;
    return sqlite3_db_config(db->sql, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, -1, &on) == SQLITE_OK &&
           on;
}

bool mz_db_may_checkpoint(mz_db *db)
{
    return db && db->sql && !kept_as_is(db);
}

mz_status mz_db_damaged(const mz_db *db, mz_error *err, const char *what, const char *detail)
{
    keep_file_as_is(db);
    return mz_fail(err, MZ_ERR_DB_CORRUPT, "%s: %s: database is damaged (%s)",
                   db && db->path ? db->path : "database", what, detail);
}

mz_status mz_db_fail(const mz_db *db, int rc, mz_error *err, const char *what)
{
    const char *path = db && db->path ? db->path : "database";
    const char *msg = db && db->sql ? sqlite3_errmsg(db->sql) : sqlite3_errstr(rc);
    if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
        keep_file_as_is(db);
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return mz_fail(err, MZ_ERR_DB_LOCKED,
                       "%s: %s: database is locked by another writer (waited %g s); "
                       "nothing was changed, try again when it finishes",
                       path, what, (db ? db->busy_ms : MZ_BUSY_TIMEOUT_MS) / 1000.0);
    case SQLITE_NOTADB:
        return mz_fail(err, MZ_ERR_DB_CORRUPT, "%s: not a SQLite database (or encrypted)", path);
    case SQLITE_CORRUPT:
        return mz_fail(err, MZ_ERR_DB_CORRUPT, "%s: %s: database is damaged (%s)", path, what, msg);
    case SQLITE_READONLY:
        if (rc == SQLITE_READONLY_ROLLBACK)
            return mz_fail(err, MZ_ERR_DB_READONLY,
                           "%s: %s: a write was interrupted and left %s-journal, which only a "
                           "user who may write the database can roll back",
                           path, what, path);
        if (rc == SQLITE_READONLY_DIRECTORY) /* even readers must create PATH-shm */
            return mz_fail(err, MZ_ERR_DB_READONLY,
                           "%s: %s: its folder is not writable, and SQLite needs to create "
                           "%s-wal and %s-shm beside a WAL database (make the folder writable, "
                           "or copy the database somewhere writable)",
                           path, what, path, path);
        return mz_fail(err, MZ_ERR_DB_READONLY, "%s: %s: database is read-only", path, what);
    case SQLITE_NOMEM:
        return mz_fail(err, MZ_ERR_NOMEM, "%s: %s: out of memory", path, what);
    default:
        return mz_fail(err, MZ_ERR_DB, "%s: %s: %s", path, what, msg);
    }
}

/* mizan stores only valid UTF-8, but a store edited outside it may hold
 * anything: text read back is repaired (U+FFFD for each invalid byte), so a
 * damaged row is still shown, checked and written as valid JSON. */
char *mz_col_dup(sqlite3_stmt *st, int i)
{
    return mz_utf8_repair((const char *)sqlite3_column_text(st, i));
}

mz_status mz_db_require_writable(const mz_db *db, mz_error *err)
{
    if (db->readonly)
        return mz_fail(err, MZ_ERR_DB_READONLY,
                       "%s: database is read-only (opened read-only or file not writable)",
                       db->path);
    return MZ_OK;
}

static mz_status exec(mz_db *db, const char *sql, const char *what, mz_error *err)
{
    int rc = sqlite3_exec(db->sql, sql, NULL, NULL, NULL);
    return rc == SQLITE_OK ? MZ_OK : mz_db_fail(db, rc, err, what);
}

/* Whether the file db was opened on is still at its path (SQLite's own
 * test: the same inode, not unlinked). */
static bool moved(mz_db *db)
{
    int m = 0;
    return sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_HAS_MOVED, &m) == SQLITE_OK && m;
}

/* mz_db_begin; *gone says whether it failed because the file moved. */
static mz_status begin(mz_db *db, bool *gone, mz_error *err)
{
    *gone = false;
    mz_status s = mz_db_require_writable(db, err);
    if (s == MZ_OK)
        s = exec(db, "BEGIN IMMEDIATE", "starting a write transaction", err);
    if (s == MZ_OK && strcmp(db->path, ":memory:") && moved(db)) {
        mz_db_rollback(db);
        *gone = true;
        s = mz_fail(err, MZ_ERR_DB,
                    "%s: the database file was removed or replaced while it was open "
                    "(nothing was written): open it again", db->path);
    }
    return s;
}

mz_status mz_db_begin(mz_db *db, mz_error *err)
{
    bool gone;
    return begin(db, &gone, err);
}

mz_status mz_db_commit(mz_db *db, mz_error *err)
{
    mz_status s = exec(db, "COMMIT", "committing", err);
    if (s != MZ_OK) {
        mz_db_rollback(db);
        return s;
    }
    /* While another connection is open (the server's pool, a long check),
     * a commit otherwise stays in PATH-wal until 1000 pages gather there,
     * and a copy of the database file alone (the usual backup) lacks it.
     * A passive checkpoint copies it into the file now, unless a reader
     * still holds an older snapshot; it waits for no one, and its failure
     * loses nothing (the WAL still holds the commit). */
    if (mz_db_may_checkpoint(db))
        sqlite3_wal_checkpoint_v2(db->sql, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    return MZ_OK;
}

void mz_db_rollback(mz_db *db)
{
    if (!sqlite3_get_autocommit(db->sql))
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

bool mz_db_read_begin(mz_db *db)
{
    return sqlite3_get_autocommit(db->sql) &&
           sqlite3_exec(db->sql, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
}

void mz_db_read_end(mz_db *db, bool began)
{
    if (began && sqlite3_exec(db->sql, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

/* Checks the file before SQLite sees it, for messages better than
 * "unable to open database file". */
static mz_status check_path(const char *path, int flags, bool *exists, mz_error *err)
{
    struct stat st;
    *exists = stat(path, &st) == 0;
    if (!*exists) {
        if (errno != ENOENT)
            return mz_fail(err, MZ_ERR_DB, "%s: %s", path, strerror(errno));
        if (flags & (MZ_OPEN_READONLY | MZ_OPEN_NOCREATE))
            return mz_fail(err, MZ_ERR_NOT_FOUND,
                           "%s: no such database", path);
        return MZ_OK;
    }
    if (S_ISDIR(st.st_mode))
        return mz_fail(err, MZ_ERR_DB, "%s: is a directory, not a database", path);
    /* A device or a pipe: SQLite would take /dev/null for an empty
     * database and make /dev/null-journal beside it. */
    if (!S_ISREG(st.st_mode))
        return mz_fail(err, MZ_ERR_DB, "%s: not a regular file, not a database", path);
    /* An empty file is what a store looks like before its first write, but
     * a reading command must not turn some empty file into a database. */
    if (st.st_size == 0 && (flags & (MZ_OPEN_READONLY | MZ_OPEN_NOCREATE)))
        return mz_fail(err, MZ_ERR_DB_CORRUPT, "%s: empty file, not a mizan database", path);
    return MZ_OK;
}

/* mizan_norm_hash(text): the duplicate hash of a body, for migrations that
 * change normalization (schema.c); NULL for text it cannot read. */
static void sql_norm_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    char hash[33];
    mz_status s = text ? mz_norm_hash(text, (size_t)sqlite3_value_bytes(argv[0]), hash, NULL) : MZ_ERR_ARG;
    if (s == MZ_OK)
        sqlite3_result_text(ctx, hash, -1, SQLITE_TRANSIENT);
    else if (s == MZ_ERR_NOMEM)
        sqlite3_result_error_nomem(ctx); /* fails the migration, which rolls back */
    else
        sqlite3_result_null(ctx);
}

/* mizan_url_key(url): the URL as versions are compared by (mz_url_key),
 * for the migration that fills articles.url_key (schema.c); NULL for none. */
static void sql_url_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    (void)argc;
    char *key;
    if (mz_url_key((const char *)sqlite3_value_text(argv[0]), &key) != MZ_OK)
        sqlite3_result_error_nomem(ctx); /* fails the migration, which rolls back */
    else if (key)
        sqlite3_result_text(ctx, key, -1, free);
    else
        sqlite3_result_null(ctx);
}

static double monotonic_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Calls on_wait, once, when a wait for another writer has lasted
 * MZ_WAIT_TELL_MS. */
static void tell_wait(mz_db *db, double waited)
{
    if (db->on_wait && !db->told && waited >= MZ_WAIT_TELL_MS) {
        db->told = true;
        db->on_wait(db->wait_ctx, db->path, db->busy_ms);
    }
}

/* A store not yet in WAL mode (one another mizan is creating right now)
 * answers the switch with SQLITE_BUSY at once while another connection
 * writes it: SQLite does not call the busy handler where waiting could
 * deadlock. The switch is tried again here, up to the busy timeout, as any
 * other writer is waited for. */
static mz_status switch_to_wal(mz_db *db, mz_error *err)
{
    double from = monotonic_ms();
    for (;;) {
        int rc = sqlite3_exec(db->sql, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
        if (rc == SQLITE_OK)
            return MZ_OK;
        double waited = monotonic_ms() - from;
        if ((rc & 0xff) != SQLITE_BUSY || waited >= db->busy_ms)
            return mz_db_fail(db, rc, err, "switching to WAL");
        tell_wait(db, waited);
        sqlite3_sleep(10);
    }
}

/* SQLite's busy handler: waits up to busy_ms for the other writer, as
 * sqlite3_busy_timeout does (short sleeps first, then 100 ms ones), and
 * tells on_wait once the wait has lasted MZ_WAIT_TELL_MS. */
static int busy_wait(void *arg, int count)
{
    static const int sleeps[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50};
    mz_db *db = arg;
    double now = monotonic_ms();
    if (count == 0)
        db->wait_from = now;
    double waited = now - db->wait_from, left = db->busy_ms - waited;
    if (left <= 0)
        return 0;
    tell_wait(db, waited);
    int ms = count < (int)(sizeof sleeps / sizeof *sleeps) ? sleeps[count] : 100;
    sqlite3_sleep(ms < left ? ms : (int)left + 1);
    return 1;
}

static mz_status configure(mz_db *db, mz_error *err)
{
    sqlite3_extended_result_codes(db->sql, 1);
    sqlite3_busy_handler(db->sql, db->busy_ms > 0 ? busy_wait : NULL, db);
    int rc = mz_fts_register(db->sql);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "registering the Arabic tokenizer");
    rc = sqlite3_create_function_v2(db->sql, "mizan_norm_hash", 1,
                                    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                    sql_norm_hash, NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function_v2(db->sql, "mizan_url_key", 1,
                                        SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                        sql_url_key, NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "registering the hash function");
    /* The first read of the header tells a SQLite file from anything else. */
    rc = sqlite3_exec(db->sql, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
    if (rc == SQLITE_READONLY_ROLLBACK)
        db->hot_journal = true;
    if (rc != SQLITE_OK)
        return mz_db_fail(db, rc, err, "reading the schema");
    mz_status s = exec(db, "PRAGMA foreign_keys = ON", "configuring", err);
    /* A page freed by a delete is overwritten with zeros, whatever the SQLite
     * build's default (Debian's is on, upstream's off): a deleted article's
     * text must not stay readable in the file (mz_articles_delete). */
    if (s == MZ_OK)
        s = exec(db, "PRAGMA secure_delete = ON", "configuring", err);
    if (s != MZ_OK)
        return s;
    if (sqlite3_db_readonly(db->sql, "main") == 1)
        db->readonly = true;
    return MZ_OK;
}

/* WAL mode for a store opened to write, once its schema says it is one:
 * another program's SQLite database named by mistake is refused, and was
 * switched to WAL for good first. */
static mz_status use_wal(mz_db *db, bool memory, mz_error *err)
{
    if (memory || db->readonly)
        return MZ_OK;
    mz_status s = switch_to_wal(db, err);
    char limit[64];
    snprintf(limit, sizeof limit, "PRAGMA journal_size_limit = %d", MZ_WAL_SIZE_LIMIT);
    return s == MZ_OK ? exec(db, limit, "configuring", err) : s;
}

static mz_status check_schema(mz_db *db, bool memory, mz_error *err)
{
    int version;
    mz_status s = mz_schema_version(db, &version, err);
    if (s == MZ_OK)
        s = use_wal(db, memory, err);
    if (s != MZ_OK)
        return s;
    if (version > MZ_SCHEMA_VERSION)
        return mz_fail(err, MZ_ERR_DB,
                       "%s: schema version %d was written by a newer mizan (this one knows up to %d)",
                       db->path, version, MZ_SCHEMA_VERSION);
    if (version == MZ_SCHEMA_VERSION)
        return MZ_OK;
    if (db->readonly) {
        if (version == 0)
            return mz_fail(err, MZ_ERR_DB_CORRUPT, "%s: not a mizan database (it is empty)",
                           db->path);
        db->stale = true;
        return mz_fail(err, MZ_ERR_DB_READONLY,
                       "%s: schema version %d needs an upgrade to %d, but the database is read-only",
                       db->path, version, MZ_SCHEMA_VERSION);
    }
    return mz_schema_migrate(db, MZ_SCHEMA_VERSION, err);
}

/* A store on a read-only file system (a mounted archive, a CD, a ro bind
 * mount) cannot be read the usual way when it is in WAL mode: even readers
 * must create PATH-shm. With no PATH-wal beside it, nothing is pending, and
 * nothing on this file system can change it, so it is read as immutable
 * (no locks, no -shm), and read-only whatever the caller asked. The URI is
 * built with %, ? and # escaped. */
static char *immutable_uri(const char *path)
{
    struct statvfs vfs;
    if (statvfs(path, &vfs) != 0 || !(vfs.f_flag & ST_RDONLY))
        return NULL;
    size_t n = strlen(path);
    char *wal = malloc(n + 5);
    if (!wal)
        return NULL;
    memcpy(wal, path, n);
    memcpy(wal + n, "-wal", 5);
    bool pending = access(wal, F_OK) == 0;
    free(wal);
    if (pending)
        return NULL; /* SQLite's own error says it cannot open it */
    mz_buf uri = {0};
    int bad = mz_buf_append(&uri, "file:", 5);
    for (const char *p = path; *p; p++) {
        if (*p == '%' || *p == '?' || *p == '#') {
            char esc[4];
            snprintf(esc, sizeof esc, "%%%02X", (unsigned char)*p);
            bad |= mz_buf_append(&uri, esc, 3);
        } else {
            bad |= mz_buf_append(&uri, p, 1);
        }
    }
    bad |= mz_buf_append(&uri, "?immutable=1", 12);
    if (bad) { /* out of memory: open it the usual way */
        mz_buf_free(&uri);
        return NULL;
    }
    return mz_buf_take(&uri);
}

/* mz_db_open; may_roll_back: a reading open that meets a hot journal may
 * open the store writable once to roll it back (not again from there). */
static mz_status open_db(const char *path, int flags, const mz_wait *w, bool may_roll_back,
                         mz_db **out, mz_error *err)
{
    if (!out)
        return mz_fail(err, MZ_ERR_ARG, "no output for the database handle");
    *out = NULL;
    const int known = MZ_OPEN_READONLY | MZ_OPEN_NOCREATE | MZ_OPEN_UPGRADE;
    if (flags & ~known)
        return mz_fail(err, MZ_ERR_ARG, "unknown open flags 0x%x", (unsigned)(flags & ~known));
    /* A writable open upgrades an older schema whatever the flags: UPGRADE
     * alone would be taken for a read-only open that it is not. */
    if ((flags & MZ_OPEN_UPGRADE) && !(flags & MZ_OPEN_READONLY))
        return mz_fail(err, MZ_ERR_ARG,
                       "MZ_OPEN_UPGRADE goes with MZ_OPEN_READONLY (a writable open upgrades "
                       "an older store by itself)");
    if (!path)
        return mz_fail(err, MZ_ERR_ARG, "no database path");
    if (!*path)
        return mz_fail(err, MZ_ERR_ARG, "the database path is empty");
    bool memory = strcmp(path, ":memory:") == 0;
    bool exists = false;
    if (!memory) {
        mz_status s = check_path(path, flags, &exists, err);
        if (s != MZ_OK)
            return s;
    }
    mz_db *db = calloc(1, sizeof *db);
    if (!db || !(db->path = mz_strdup(path))) {
        free(db);
        return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    db->readonly = (flags & MZ_OPEN_READONLY) != 0;
    db->flags = flags;
    db->busy_ms = w->busy_ms;
    db->on_wait = w->on_wait;
    db->wait_ctx = w->ctx;
    int oflags = SQLITE_OPEN_NOMUTEX |
                 (db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    char *name = memory || !exists ? NULL : immutable_uri(path); /* what SQLite opens */
    if (name) { /* whatever was asked, nothing can be written there */
        db->readonly = true;
        oflags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
    }
    /* SQLite may read any name that starts with "file:" as a URI (Debian
     * builds it with URI names on): "file:x.db" would open x.db, and
     * "file:x.db?mode=memory" no file at all. It is the file of that name. */
    if (!name && !strncmp(path, "file:", 5)) {
        mz_buf dot = {0};
        if (mz_buf_puts(&dot, "./") || mz_buf_puts(&dot, path)) {
            mz_buf_free(&dot);
            mz_db_close(db);
            return mz_fail(err, MZ_ERR_NOMEM, "out of memory");
        }
        name = mz_buf_take(&dot);
    }
    int rc = sqlite3_open_v2(name ? name : path, &db->sql, oflags, NULL);
    free(name);
    mz_status s;
    if (rc != SQLITE_OK) {
        if ((rc & 0xff) == SQLITE_CANTOPEN)
            s = mz_fail(err, MZ_ERR_DB, "%s: cannot open the database (%s)", path,
                        exists ? "permission denied?" : "does its folder exist?");
        else
            s = mz_db_fail(db, rc, err, "opening");
    } else {
        s = configure(db, err);
        if (s == MZ_OK)
            s = check_schema(db, memory, err);
    }
    bool upgrade = s == MZ_ERR_DB_READONLY && db->stale && (flags & MZ_OPEN_UPGRADE);
    /* A store in rollback-journal mode (switched by hand: mizan writes WAL)
     * whose writer died: a reading open cannot roll PATH-journal back and
     * failed as "read-only" on a store the user may write. A writable open
     * rolls it back, as the next writer would; then it is read. */
    bool roll_back = s == MZ_ERR_DB_READONLY && db->hot_journal && may_roll_back &&
                     (flags & MZ_OPEN_READONLY);
    if (s == MZ_ERR_DB_CORRUPT) /* "not a mizan database": its log is not ours either */
        keep_file_as_is(db);
    if (s != MZ_OK) {
        /* the reopens below wait again: a wait already told is not told twice */
        mz_wait again = *w;
        if (db->told)
            again.on_wait = NULL;
        w = &again;
        mz_db_close(db);
        if (roll_back) {
            mz_error werr;
            mz_db *wdb;
            if (open_db(path, MZ_OPEN_NOCREATE, w, false, &wdb, &werr) != MZ_OK)
                return s; /* the first message says why */
            mz_db_close(wdb);
            return open_db(path, flags, w, false, out, err);
        }
        if (upgrade) { /* a reader of an older store: upgrade it, then read */
            mz_error werr;
            mz_db *wdb;
            if (open_db(path, MZ_OPEN_NOCREATE, w, true, &wdb, &werr) != MZ_OK)
                return s; /* the file is read-only indeed: the first message says it */
            mz_db_close(wdb);
            return open_db(path, flags & ~MZ_OPEN_UPGRADE, w, true, out, err);
        }
        return s;
    }
    *out = db;
    return MZ_OK;
}

static const mz_wait default_wait = {.busy_ms = MZ_BUSY_TIMEOUT_MS};

mz_status mz_db_open(const char *path, int flags, mz_db **out, mz_error *err)
{
    return open_db(path, flags, &default_wait, true, out, err);
}

mz_status mz_db_open_wait(const char *path, int flags, const mz_wait *w, mz_db **out,
                          mz_error *err)
{
    mz_wait given = w ? *w : default_wait;
    if (given.busy_ms < 0)
        given.busy_ms = MZ_BUSY_TIMEOUT_MS;
    return open_db(path, flags, &given, true, out, err);
}

mz_status mz_db_begin_fresh(mz_db *db, mz_error *err)
{
    bool gone;
    mz_status s = begin(db, &gone, err);
    if (!gone)
        return s;
    mz_wait w = {.busy_ms = db->busy_ms, .on_wait = db->told ? NULL : db->on_wait,
                 .ctx = db->wait_ctx};
    mz_db *fresh;
    struct stat st; /* lstat: a dangling link at the path is the user's */
    bool missing = lstat(db->path, &st) != 0 && errno == ENOENT;
    s = open_db(db->path, db->flags, &w, true, &fresh, err);
    if (s != MZ_OK)
        return s;
    db->remade |= missing;
    /* the handle keeps its path, analyzer and wait; the connection is new */
    sqlite3_close_v2(db->sql);
    db->sql = fresh->sql;
    mz_df_cache_reset(db->common); /* its key was the old connection's */
    db->readonly = fresh->readonly;
    db->told |= fresh->told;
    sqlite3_busy_handler(db->sql, db->busy_ms > 0 ? busy_wait : NULL, db);
    fresh->sql = NULL;
    mz_db_close(fresh);
    return begin(db, &gone, err);
}

/* Every writer that waited for the write lock held here finds the file
 * gone when it gets it (mz_db_begin asks SQLite whether it moved), so
 * nothing is written to the removed file. PERSIST_WAL: closing must not
 * delete PATH-wal by name, which may by then be another store's. */
mz_status mz_db_discard_if_empty(mz_db *db, bool *removed, mz_error *err)
{
    *removed = false;
    if (!strcmp(db->path, ":memory:"))
        return MZ_OK;
    mz_status s = mz_db_begin(db, err);
    if (s != MZ_OK)
        return s;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->sql, "SELECT EXISTS (SELECT 1 FROM articles)", -1, &st, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW && !sqlite3_column_int(st, 0)) {
        int persist = 1;
        sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
        /* the store first: its PATH-wal may hold its schema */
        *removed = unlink(db->path) == 0;
        size_t n = strlen(db->path);
        char *p = *removed ? malloc(n + 5) : NULL;
        for (int i = 0; p && i < 2; i++) {
            memcpy(p, db->path, n);
            strcpy(p + n, i ? "-shm" : "-wal");
            unlink(p);
        }
        free(p);
        rc = SQLITE_DONE;
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        s = mz_db_fail(db, rc, err, "reading the store");
    sqlite3_finalize(st);
    mz_db_rollback(db);
    return s;
}

void mz_db_close(mz_db *db)
{
    if (!db)
        return;
    sqlite3_close_v2(db->sql);
    mz_analyzer_free(db->an);
    mz_df_cache_free(db->common);
    free(db->path);
    free(db);
}
