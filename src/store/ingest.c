/* ingest.c — files, directories, JSONL and stdin into the store, all in one
 * transaction: either everything that was accepted is committed together, or
 * (on abort, an error, or a kill) the store stays exactly as it was. The
 * run, the walk and the texts of files are here; JSON, JSONL and streams
 * are read in ingest_json.c. */
#include "store/db.h"
#include "store/ingest_int.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/stat.h>

#define DEFAULT_MAX_BYTES (5u * 1024 * 1024)
#define MAX_DEPTH 32 /* directory nesting */


static size_t dir_slot(const struct dir_id *set, size_t cap, dev_t dev, ino_t ino)
{
    uint64_t h = ((uint64_t)ino * 0x9E3779B97F4A7C15u) ^ ((uint64_t)dev * 0xC2B2AE3D27D4EB4Fu);
    size_t i = (size_t)(h ^ (h >> 29)) & (cap - 1);
    while (set[i].used && !(set[i].dev == dev && set[i].ino == ino))
        i = (i + 1) & (cap - 1);
    return i;
}

/* Has this directory been walked already in this run? (Else it is noted.)
 * A symbolic link back to a parent would walk the tree again at every
 * level, and two of them double the walk at every level: 2^32 walks under
 * the depth limit. Each directory is walked once, whatever leads to it.
 * A hash set, so a tree of 100k directories costs no more than its walk. */
static int seen_dir(ingest *g, const struct stat *st, bool *seen)
{
    *seen = false;
    if (2 * (g->n_dirs + 1) > g->cap_dirs) { /* keep the load under 1/2 */
        size_t cap = g->cap_dirs ? 2 * g->cap_dirs : 64;
        struct dir_id *set = calloc(cap, sizeof *set);
        if (!set)
            return -1;
        for (size_t i = 0; i < g->cap_dirs; i++)
            if (g->dirs[i].used)
                set[dir_slot(set, cap, g->dirs[i].dev, g->dirs[i].ino)] = g->dirs[i];
        free(g->dirs);
        g->dirs = set;
        g->cap_dirs = cap;
    }
    size_t i = dir_slot(g->dirs, g->cap_dirs, st->st_dev, st->st_ino);
    if (g->dirs[i].used) {
        *seen = true;
        return 0;
    }
    g->dirs[i] = (struct dir_id){.dev = st->st_dev, .ino = st->st_ino, .used = true};
    g->n_dirs++;
    return 0;
}

static void note_own_files(ingest *g, const char *dbpath)
{
    static const char *const suffix[] = {"", "-wal", "-shm"};
    char p[4200];
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", dbpath, suffix[i]);
        if (stat(p, &g->own[g->n_own]) == 0)
            g->n_own++;
    }
}

static bool is_own_file(const ingest *g, const struct stat *st)
{
    for (int i = 0; i < g->n_own; i++)
        if (g->own[i].st_dev == st->st_dev && g->own[i].st_ino == st->st_ino)
            return true;
    return false;
}

/* Failures of the store itself stop the run whatever --on-error says:
 * skipping past them would report articles as added that are not. */
static bool is_fatal(mz_status s)
{
    return s == MZ_ERR_DB || s == MZ_ERR_DB_LOCKED || s == MZ_ERR_DB_CORRUPT ||
           s == MZ_ERR_DB_READONLY || s == MZ_ERR_NOMEM || s == MZ_ERR_INTERNAL;
}

/* Records one item's outcome; returns non-OK when the run must stop. */
mz_status mz_ingest_done(ingest *g, const char *origin, mz_status s, const mz_error *e)
{
    if (s == MZ_OK)
        g->rep->added++;
    else if (s == MZ_ERR_DUPLICATE) {
        g->rep->skipped++;
        g->new_places += g->begun && g->adder.place_added;
    }
    else
        g->rep->failed++;
    if (g->opt->on_item)
        g->opt->on_item(g->opt->ctx, origin, s,
                        s != MZ_OK ? e->msg : g->warning ? g->warning : "");
    g->warning = NULL;
    if (s == MZ_OK || s == MZ_ERR_DUPLICATE)
        return MZ_OK;
    if (is_fatal(s) || g->opt->on_error == MZ_ON_ERROR_ABORT) {
        if (g->err && e != g->err)
            *g->err = *e;
        return s;
    }
    return MZ_OK;
}

/* The write transaction starts when the first article is ready to store,
 * not before reading any input: `mizan ingest -` waiting on a terminal or a
 * slow pipe held the store's write lock, and every other writer (another
 * ingest, delete, the server) failed with 'locked' meanwhile. A failure to
 * begin (locked, read-only) stops the run as the run's own error, not an
 * item's. Nothing is written before it, so a store that another first
 * ingest made and removed meanwhile (it stored nothing) is made again
 * (mz_db_begin_fresh): that run failed with exit 4. */
static mz_status begin_once(ingest *g)
{
    if (g->begun)
        return MZ_OK;
    mz_status s = mz_db_begin_fresh(g->db, g->err);
    if (s == MZ_OK) {
        s = mz_adder_init(&g->adder, g->db, g->err);
        if (s != MZ_OK)
            mz_db_rollback(g->db);
    }
    g->begun = s == MZ_OK;
    return s;
}

/* One article into the store: the transaction begun if need be, the
 * outcome recorded. */
mz_status mz_ingest_store(ingest *g, const char *origin, const mz_article_input *in,
                          bool stored)
{
    mz_status s = begin_once(g);
    if (s != MZ_OK)
        return s;
    int64_t id;
    mz_error e = {0};
    s = mz_adder_add(&g->adder, in, stored, &id, &e);
    g->warning = s == MZ_OK && g->adder.warning[0] ? g->adder.warning : NULL;
    return mz_ingest_done(g, origin, s, &e);
}

static mz_status add_text(ingest *g, const char *origin, const char *text, size_t len)
{
    mz_article_input in = {.text = text, .text_len = len, .origin = origin};
    return mz_ingest_store(g, origin, &in, false);
}

/* A saved web page: its story and metadata, as if it came as JSONL. */
static mz_status add_html(ingest *g, const char *origin, const char *html, size_t len)
{
    mz_html_article page;
    mz_article_input in = {.origin = origin};
    mz_error e = {0};
    mz_status s = mz_html_to_input(html, len, origin, &in, &page, &e);
    if (s != MZ_OK)
        return mz_ingest_done(g, origin, s, &e);
    s = mz_ingest_store(g, origin, &in, false);
    mz_html_article_clear(&page);
    return s;
}

/* An RSS or Atom feed: each item an article, origin NAME#N, as a .json
 * document's items are. --max-bytes applies to each item; the feed may be
 * as large as a .json document (mz_ingest_doc_limit). */
static mz_status feed_items(ingest *g, const char *name, const char *text, size_t len)
{
    mz_feed f;
    mz_error e = {0};
    mz_status s = mz_feed_parse(text, len, name, &f, &e);
    if (s == MZ_OK && f.n == 0)
        s = mz_fail(&e, MZ_ERR_EMPTY, "%s: empty (a feed of no items)", name);
    if (s != MZ_OK) {
        mz_feed_clear(&f);
        return mz_ingest_done(g, name, s, &e);
    }
    for (size_t i = 0; s == MZ_OK && i < f.n; i++) {
        char origin[4200], where[4300];
        snprintf(origin, sizeof origin, "%s#%zu", name, i + 1);
        snprintf(where, sizeof where, "%s: item %zu", name, i + 1);
        mz_feed_entry it;
        s = mz_feed_item(&f, i, where, g->max_bytes, &it, &e);
        if (s != MZ_OK) {
            s = mz_ingest_done(g, origin, s, &e);
            continue;
        }
        it.in.origin = origin;
        s = mz_ingest_store(g, origin, &it.in, false);
        mz_feed_entry_clear(&it);
    }
    mz_feed_clear(&f);
    return s;
}

/* A whole text read from a file or a stream: a feed, a web page or one
 * plain-text article, told apart by its name and how it starts. */
mz_status mz_ingest_read_text(ingest *g, const char *name, const char *path,
                              const char *text, size_t len)
{
    g->rep->bytes += len;
    if (mz_feed_sniff(text, len))
        return feed_items(g, name, text, len);
    if (mz_html_sniff(path, text, len))
        return add_html(g, name, text, len);
    /* other XML (a sitemap, a config file met in a folder) was stored as
     * the article "<?xml version=...?>", its markup dropped as furniture */
    const char *root = mz_markup_root(text, len), *t = text, *end = text + len;
    if (len >= 3 && !memcmp(t, "\xEF\xBB\xBF", 3))
        t += 3;
    while (t < end && strchr(" \t\r\n", *t))
        t++;
    if (root && end - t >= 5 && !memcmp(t, "<?xml", 5)) {
        mz_error e;
        mz_fail(&e, MZ_ERR_JSON, "%s: an XML document (<%.*s>), neither an RSS or Atom feed nor "
                                 "a web page: not an article", name,
                (int)strcspn(root, " \t\r\n/>"), root);
        return mz_ingest_done(g, name, MZ_ERR_JSON, &e);
    }
    return add_text(g, name, text, len);
}

/* Whether a file over the size limit of an article is a feed, by its
 * first 8 KB (where mz_feed_sniff looks). */
static bool feed_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return false;
    char head[8192];
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    return mz_feed_sniff(head, n);
}

static mz_status file_path(ingest *g, const char *path)
{
    mz_error e = {0};
    if (mz_ingest_json_name(path))
        return mz_ingest_json_file(g, path);
    if (mz_ingest_jsonl_name(path)) {
        FILE *f = fopen(path, "rb");
        if (!f) {
            mz_fail(&e, errno == ENOENT ? MZ_ERR_NOT_FOUND : MZ_ERR_IO, "%s: %s", path,
                    strerror(errno));
            return mz_ingest_done(g, path, e.code, &e);
        }
        if (mz_ingest_json_inside(f)) {
            fclose(f);
            return mz_ingest_json_file(g, path);
        }
        mz_status s = mz_ingest_jsonl(g, path, f, 0);
        fclose(f);
        return s;
    }
    char *text;
    size_t len;
    mz_status s = mz_read_file(path, g->max_bytes, &text, &len, &e);
    if (s == MZ_ERR_TOO_LARGE && feed_file(path)) { /* its items are limited one by one */
        s = mz_read_file(path, mz_ingest_doc_limit(g), &text, &len, &e);
        if (s == MZ_ERR_TOO_LARGE)
            mz_fail(&e, s, "%s: a feed over %zu bytes (8 times the limit of an article); split "
                           "it, or raise --max-bytes", path, mz_ingest_doc_limit(g));
    }
    if (s != MZ_OK)
        return mz_ingest_done(g, path, s, &e);
    s = mz_ingest_read_text(g, path, path, text, len);
    free(text);
    return s;
}


static int not_hidden(const struct dirent *d)
{
    return d->d_name[0] != '.';
}

/* Byte order whatever the locale (alphasort would follow LC_COLLATE). */
static int by_bytes(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static mz_status any_path(ingest *g, const char *path, int depth);

/* Directory entries in byte order, hidden ones and what mz_walk_skip names
 * (a saved page's X_files folder, images, styles, scripts) skipped, so an
 * ingest is reproducible. */
static mz_status dir_path(ingest *g, const char *path, int depth)
{
    mz_error e = {0};
    if (depth > MAX_DEPTH) {
        mz_fail(&e, MZ_ERR_IO, "%s: nested too deep", path);
        return mz_ingest_done(g, path, MZ_ERR_IO, &e);
    }
    struct dirent **list;
    int n = scandir(path, &list, not_hidden, by_bytes);
    if (n < 0) {
        mz_fail(&e, MZ_ERR_IO, "%s: %s", path, strerror(errno));
        return mz_ingest_done(g, path, MZ_ERR_IO, &e);
    }
    mz_status s = MZ_OK;
    mz_buf child = {0};
    for (int i = 0; i < n; i++) {
        if (s == MZ_OK) {
            child.len = 0;
            size_t pl = strlen(path);
            if (mz_buf_append(&child, path, pl) || (pl && path[pl - 1] != '/' && mz_buf_puts(&child, "/")) ||
                mz_buf_puts(&child, list[i]->d_name)) {
                mz_fail(&e, MZ_ERR_NOMEM, "out of memory");
                s = mz_ingest_done(g, path, MZ_ERR_NOMEM, &e);
            } else if (!mz_walk_skip(path, list[i]->d_name)) {
                s = any_path(g, child.p, depth + 1);
            }
        }
        free(list[i]);
    }
    free(list);
    mz_buf_free(&child);
    return s;
}

/* A pipe or a character device named as a file: `mizan ingest <(jq -c ...)`,
 * /dev/stdin, a named pipe. Each refused with "not a regular file" (exit
 * 1); a name's extension says nothing of what flows through it, so it is
 * told apart by how it starts, as stdin is. */
static mz_status pipe_path(ingest *g, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        mz_error e;
        mz_fail(&e, MZ_ERR_IO, "%s: %s", path, strerror(errno));
        return mz_ingest_done(g, path, MZ_ERR_IO, &e);
    }
    mz_status s = mz_ingest_stream(g, f, path);
    fclose(f);
    return s;
}

static mz_status any_path(ingest *g, const char *path, int depth)
{
    if (!strcmp(path, "-"))
        return mz_ingest_stream(g, stdin, "stdin");
    struct stat st;
    mz_error e = {0};
    if (stat(path, &st) != 0) {
        int why = errno;
        char to[1024];
        ssize_t n = why == ENOENT || why == ELOOP ? readlink(path, to, sizeof to - 1) : -1;
        if (n >= 0) { /* `ls` shows it, so "no such file" would puzzle */
            to[n] = '\0';
            mz_fail(&e, why == ENOENT ? MZ_ERR_NOT_FOUND : MZ_ERR_IO, "%s: %s (to %s)", path,
                    why == ENOENT ? "a broken symbolic link" : "a loop of symbolic links", to);
        } else {
            mz_fail(&e, why == ENOENT ? MZ_ERR_NOT_FOUND : MZ_ERR_IO, "%s: %s", path,
                    why == ENOENT ? "no such file or directory" : strerror(why));
        }
        return mz_ingest_done(g, path, e.code, &e);
    }
    if (S_ISDIR(st.st_mode)) {
        bool seen;
        if (seen_dir(g, &st, &seen) != 0) {
            mz_fail(&e, MZ_ERR_NOMEM, "out of memory");
            return mz_ingest_done(g, path, MZ_ERR_NOMEM, &e);
        }
        if (seen)
            return MZ_OK;
        size_t items = g->rep->added + g->rep->skipped + g->rep->failed;
        mz_status s = dir_path(g, path, depth);
        /* A folder named on the command line with nothing to read in it (a
         * wrong path, a glob's empty folder) said "added 0 ... ok": an
         * empty file is an error, and so is this. */
        if (s == MZ_OK && depth == 0 && items == g->rep->added + g->rep->skipped + g->rep->failed) {
            mz_fail(&e, MZ_ERR_EMPTY, "%s: no files to ingest in it (it is empty, or holds only "
                                      "hidden files and files that are never articles: images, "
                                      "styles, scripts, READMEs)", path);
            s = mz_ingest_done(g, path, MZ_ERR_EMPTY, &e);
        }
        return s;
    }
    /* a pipe named by the user is read as stdin is; one met in a folder is
     * not opened: it would wait for a writer that may never come */
    bool pipe = S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode);
    if (pipe && depth == 0)
        return pipe_path(g, path);
    if (!S_ISREG(st.st_mode)) {
        mz_fail(&e, MZ_ERR_IO, "%s: not a regular file%s", path,
                pipe ? " (a pipe or device in a folder is not read: name it to read it)" : "");
        return mz_ingest_done(g, path, MZ_ERR_IO, &e);
    }
    if (is_own_file(g, &st)) /* `mizan ingest .` next to mizan.db */
        return MZ_OK;
    return file_path(g, path);
}

mz_status mz_ingest_paths(mz_db *db, const char *const *paths, size_t n_paths,
                          const mz_ingest_options *opt, mz_ingest_report *rep, mz_error *err)
{
    return mz_ingest_paths_places(db, paths, n_paths, opt, rep, NULL, err);
}

mz_status mz_ingest_paths_places(mz_db *db, const char *const *paths, size_t n_paths,
                                 const mz_ingest_options *opt, mz_ingest_report *rep,
                                 size_t *new_places, mz_error *err)
{
    if (new_places)
        *new_places = 0;
    mz_ingest_report local;
    if (!rep)
        rep = &local;
    memset(rep, 0, sizeof *rep);
    mz_error_clear(err);
    if (!db || (n_paths && !paths))
        return mz_fail(err, MZ_ERR_ARG, "no database or paths");
    if (opt && opt->on_error != MZ_ON_ERROR_ABORT && opt->on_error != MZ_ON_ERROR_SKIP)
        return mz_fail(err, MZ_ERR_ARG, "on_error is %d, neither abort nor skip",
                       (int)opt->on_error);
    for (size_t i = 0; i < n_paths; i++)
        if (!paths[i])
            return mz_fail(err, MZ_ERR_ARG, "path %zu is NULL", i);
    mz_ingest_options defaults = {0};
    ingest g = {.db = db, .opt = opt ? opt : &defaults, .rep = rep, .err = err};
    g.max_bytes = g.opt->max_bytes ? g.opt->max_bytes : DEFAULT_MAX_BYTES;
    /* A store that cannot be written is said so before any input is read. */
    mz_status s = mz_db_require_writable(db, err);
    if (s != MZ_OK)
        return s;
    note_own_files(&g, mz_db_path(db));
    for (size_t i = 0; s == MZ_OK && i < n_paths; i++)
        s = any_path(&g, paths[i], 0);
    if (g.begun)
        mz_adder_done(&g.adder);
    free(g.dirs);
    if (s == MZ_OK && g.begun)
        s = mz_db_commit(db, err);
    else
        mz_db_rollback(db);
    if (s == MZ_OK && new_places)
        *new_places = g.new_places;
    if (s != MZ_OK) { /* nothing of this run was kept */
        rep->added = 0;
        rep->skipped = 0;
        if (!rep->failed)
            rep->failed = 1;
    }
    return s;
}
