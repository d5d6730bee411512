/* ingest.c — files, directories, JSONL and stdin into the store, all in one
 * transaction: either everything that was accepted is committed together, or
 * (on abort, an error, or a kill) the store stays exactly as it was. */
#include "store/db.h"
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

typedef struct ingest {
    mz_db *db;
    bool begun;   /* the write transaction is open and adder ready */
    mz_adder adder;
    const mz_ingest_options *opt;
    size_t max_bytes;
    mz_ingest_report *rep;
    mz_error *err; /* the error that stops the run */
    struct stat own[3]; /* the store's own files (db, -wal, -shm), never ingested */
    int n_own;
    struct dir_id {
        dev_t dev;
        ino_t ino;
        bool used;
    } *dirs; /* every directory walked so far: an open-addressing hash set */
    size_t n_dirs, cap_dirs; /* cap_dirs is 0 or a power of two */
} ingest;

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
static mz_status item_done(ingest *g, const char *origin, mz_status s, const mz_error *e)
{
    if (s == MZ_OK)
        g->rep->added++;
    else if (s == MZ_ERR_DUPLICATE)
        g->rep->skipped++;
    else
        g->rep->failed++;
    if (g->opt->on_item)
        g->opt->on_item(g->opt->ctx, origin, s, s == MZ_OK ? "" : e->msg);
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
static mz_status store_item(ingest *g, const char *origin, const mz_article_input *in,
                            bool stored)
{
    mz_status s = begin_once(g);
    if (s != MZ_OK)
        return s;
    int64_t id;
    mz_error e = {0};
    s = mz_adder_add(&g->adder, in, stored, &id, &e);
    return item_done(g, origin, s, &e);
}

static mz_status add_text(ingest *g, const char *origin, const char *text, size_t len)
{
    mz_article_input in = {.text = text, .text_len = len, .origin = origin};
    return store_item(g, origin, &in, false);
}

/* A saved web page: its story and metadata, as if it came as JSONL. */
static mz_status add_html(ingest *g, const char *origin, const char *html, size_t len)
{
    mz_html_article page;
    mz_article_input in = {.origin = origin};
    mz_error e = {0};
    mz_status s = mz_html_to_input(html, len, origin, &in, &page, &e);
    if (s != MZ_OK)
        return item_done(g, origin, s, &e);
    s = store_item(g, origin, &in, false);
    mz_html_article_clear(&page);
    return s;
}

/* An RSS or Atom feed: each item an article, origin NAME#N, as a .json
 * document's items are. */
static mz_status feed_items(ingest *g, const char *name, const char *text, size_t len)
{
    mz_feed f;
    mz_error e = {0};
    mz_status s = mz_feed_parse(text, len, name, &f, &e);
    if (s == MZ_OK && f.n == 0)
        s = mz_fail(&e, MZ_ERR_EMPTY, "%s: empty (a feed of no items)", name);
    if (s != MZ_OK) {
        mz_feed_clear(&f);
        return item_done(g, name, s, &e);
    }
    for (size_t i = 0; s == MZ_OK && i < f.n; i++) {
        char origin[4200], where[4300];
        snprintf(origin, sizeof origin, "%s#%zu", name, i + 1);
        snprintf(where, sizeof where, "%s: item %zu", name, i + 1);
        mz_feed_entry it;
        s = mz_feed_item(&f, i, where, &it, &e);
        if (s != MZ_OK) {
            s = item_done(g, origin, s, &e);
            continue;
        }
        it.in.origin = origin;
        s = store_item(g, origin, &it.in, false);
        mz_feed_entry_clear(&it);
    }
    mz_feed_clear(&f);
    return s;
}

/* A whole text read from a file or a stream: a feed, a web page or one
 * plain-text article, told apart by its name and how it starts. */
static mz_status add_read(ingest *g, const char *name, const char *path, const char *text,
                          size_t len)
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
        return item_done(g, name, MZ_ERR_JSON, &e);
    }
    return add_text(g, name, text, len);
}

static bool blank_line(const char *line, size_t len)
{
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
        i++;
    return i == len;
}

/* The longest JSONL line worth parsing: the text limit with every byte
 * escaped (\u0001 is 6 bytes for 1), plus room for the other fields.
 * Saturates: a limit near SIZE_MAX (no practical limit) must not wrap
 * around to a small one. Two bytes are left for capped_line's cut. */
static size_t line_limit(const ingest *g)
{
    const size_t room = 65536, top = SIZE_MAX - 2;
    if (g->max_bytes > (top - room) / 8)
        return top;
    return 8 * g->max_bytes + room;
}

/* A parsed JSONL line or JSON item into the store, under its origin. */
static mz_status add_item(ingest *g, const char *origin, mz_jsonl_item *it)
{
    it->in.origin = origin;
    mz_status s = store_item(g, origin, &it->in, it->stored);
    mz_jsonl_item_clear(it);
    return s;
}

static mz_status doc_items(ingest *g, const char *path, mz_json_doc *d, size_t len, mz_status s,
                           mz_error *e);

/* A line that is an API's answer wrapping its articles, as curl prints it
 * ({"status": "ok", "articles": [...]}): those articles, origin
 * NAME:LINE#N. False (nothing done) when it is no such line. */
static bool envelope_line(ingest *g, const char *origin, const char *line, size_t len,
                          mz_status *s)
{
    mz_json_doc d;
    mz_error e = {0};
    if (mz_json_doc_parse(line, len, origin, &d, &e) != MZ_OK || !d.envelope) {
        mz_json_doc_clear(&d);
        return false;
    }
    *s = doc_items(g, origin, &d, 0, MZ_OK, &e); /* its bytes are counted as the line's */
    return true;
}

static mz_status jsonl_line(ingest *g, const char *name, size_t line_no, const char *line,
                            size_t len)
{
    char origin[4200];
    snprintf(origin, sizeof origin, "%s:%zu", name, line_no);
    mz_error e = {0};
    mz_jsonl_item it;
    mz_status s;
    if (len > line_limit(g))
        s = mz_fail(&e, MZ_ERR_TOO_LARGE, "line %zu: %zu bytes, over the limit", line_no, len);
    else
        s = mz_jsonl_parse_line(line, len, line_no, &it, &e);
    if (s == MZ_OK && it.in.text_len > g->max_bytes) {
        s = mz_fail(&e, MZ_ERR_TOO_LARGE, "line %zu: text of %zu bytes, over the limit of %zu",
                    line_no, it.in.text_len, g->max_bytes);
        mz_jsonl_item_clear(&it);
    }
    if (s == MZ_ERR_JSON && envelope_line(g, origin, line, len, &s))
        return s;
    if (s != MZ_OK) {
        size_t i = 0;
        while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        bool lone_brace = i < len && line[i] == '{' && blank_line(line + i + 1, len - i - 1);
        mz_error full;
        mz_fail(&full, s, "%s: %s%s", name, e.msg,
                lone_brace ? " (objects printed over several lines: JSONL wants one a line, "
                             "jq -c . FILE > FILE.jsonl)"
                           : "");
        return item_done(g, origin, s, &full);
    }
    return add_item(g, origin, &it);
}

/* One line of f, its '\n' included, into *line; only its first `keep`
 * bytes are stored: a longer line is read to its end but not kept, so an
 * endless line without a newline costs no memory. Returns the line's full
 * length (*kept says how much is in *line), 0 at the end of the input, -1
 * when out of memory. */
static ssize_t capped_line(FILE *f, char **line, size_t *cap, size_t keep, size_t *kept)
{
    size_t total = 0, n = 0;
    int c;
    while ((c = getc_unlocked(f)) != EOF) {
        total++;
        if (n < keep) {
            if (n + 1 >= *cap) {
                size_t nc = *cap ? 2 * *cap : 4096;
                char *p = realloc(*line, nc);
                if (!p)
                    return -1;
                *line = p;
                *cap = nc;
            }
            (*line)[n++] = (char)c;
        }
        if (c == '\n')
            break;
    }
    *kept = n;
    return (ssize_t)total;
}

/* JSONL from f, whose first line is line first_line + 1 of the input. */
static mz_status jsonl_stream(ingest *g, const char *name, FILE *f, size_t first_line)
{
    char *line = NULL;
    size_t cap = 0, line_no = first_line, items = 0, kept;
    ssize_t n;
    mz_status s = MZ_OK;
    while (s == MZ_OK && (n = capped_line(f, &line, &cap, line_limit(g) + 2, &kept)) > 0) {
        line_no++;
        g->rep->bytes += (size_t)n;
        if (line[kept - 1] == '\n')
            n--, kept--;
        if ((size_t)n == kept && blank_line(line, kept))
            continue; /* blank lines separate nothing: ignore them */
        mz_error e;
        if (items++ == 0 && mz_utf16_refuse(line, kept, name, &e) != MZ_OK) {
            /* the file at once: each of its lines would fail on its own */
            item_done(g, name, e.code, &e);
            s = g->opt->on_error == MZ_ON_ERROR_SKIP ? MZ_OK : e.code;
            break;
        }
        /* a line cut short is over the limit: refused by its full length */
        s = jsonl_line(g, name, line_no, line, (size_t)n);
    }
    if (n < 0) {
        mz_error e;
        mz_fail(&e, MZ_ERR_NOMEM, "out of memory");
        s = item_done(g, name, MZ_ERR_NOMEM, &e);
    }
    if (s == MZ_OK && items == 0 && !ferror(f)) {
        mz_error e;
        mz_fail(&e, MZ_ERR_EMPTY, "%s: empty (no JSON lines)", name);
        s = item_done(g, name, MZ_ERR_EMPTY, &e);
    }
    if (s == MZ_OK && ferror(f)) {
        mz_error e;
        mz_fail(&e, MZ_ERR_IO, "%s: read error after line %zu", name, line_no);
        s = item_done(g, name, MZ_ERR_IO, &e);
    }
    free(line);
    return s;
}

static bool is_jsonl_name(const char *path)
{
    size_t n = strlen(path);
    return n > 6 && !strcasecmp(path + n - 6, ".jsonl");
}

static bool is_json_name(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && !strcasecmp(path + n - 5, ".json");
}

/* One article of a .json document, as a JSONL line is added. */
static mz_status json_item(ingest *g, const char *path, mz_json_doc *d, size_t i)
{
    char origin[4200], where[48];
    snprintf(origin, sizeof origin, "%s#%zu", path, i + 1);
    snprintf(where, sizeof where, "item %zu", i + 1);
    mz_error e = {0};
    mz_jsonl_item it;
    mz_status s = mz_json_doc_item(d, i, where, &it, &e);
    if (s == MZ_OK && it.in.text_len > g->max_bytes) {
        s = mz_fail(&e, MZ_ERR_TOO_LARGE, "item %zu: text of %zu bytes, over the limit of %zu",
                    i + 1, it.in.text_len, g->max_bytes);
        mz_jsonl_item_clear(&it);
    }
    if (s != MZ_OK) {
        mz_error full;
        mz_fail(&full, s, "%s: %s", path, e.msg);
        return item_done(g, origin, s, &full);
    }
    return add_item(g, origin, &it);
}

/* The first byte of f after a UTF-8 byte order mark and white space. */
static int first_char(FILE *f)
{
    int c = getc(f);
    if (c == 0xEF && getc(f) == 0xBB && getc(f) == 0xBF)
        c = getc(f);
    while (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        c = getc(f);
    return c;
}

/* The articles of a JSON document of len bytes, origin PATH#N; s and e
 * tell how its parse (mz_json_doc_parse) went. Clears d. */
static mz_status doc_items(ingest *g, const char *path, mz_json_doc *d, size_t len, mz_status s,
                           mz_error *e)
{
    g->rep->bytes += len;
    if (s == MZ_OK && d->n == 0)
        s = mz_fail(e, MZ_ERR_EMPTY, "%s: empty (%s)", path,
                    d->envelope ? "an answer whose list of articles is empty"
                                : "an array of no articles");
    if (s != MZ_OK) {
        mz_json_doc_clear(d); /* an empty array's tree */
        return item_done(g, path, s, e);
    }
    for (size_t i = 0; s == MZ_OK && i < d->n; i++)
        s = json_item(g, path, d, i);
    mz_json_doc_clear(d);
    return s;
}

/* A .json file: an array of articles or one (json_doc.c), or JSONL under
 * that name (one object, then more), streamed as JSONL. A document is
 * parsed whole, so it may be as large as a JSONL line may; a larger one
 * that starts with '{' is taken for JSONL. */
static mz_status json_file(ingest *g, const char *path)
{
    mz_error e = {0};
    char *text;
    size_t len;
    mz_status s = mz_read_file(path, line_limit(g), &text, &len, &e);
    if (s == MZ_ERR_TOO_LARGE) {
        FILE *f = fopen(path, "rb");
        if (f && first_char(f) == '{') {
            rewind(f);
            s = jsonl_stream(g, path, f, 0);
            fclose(f);
            return s;
        }
        if (f)
            fclose(f);
        mz_fail(&e, s, "%s: a JSON document over %zu bytes; write it as JSONL, one object a "
                       "line (jq -c '.[]' FILE.json > FILE.jsonl)", path, line_limit(g));
    }
    if (s != MZ_OK)
        return item_done(g, path, s, &e);
    mz_json_doc d;
    s = mz_json_doc_parse(text, len, path, &d, &e);
    if (s == MZ_ERR_NOT_FOUND) { /* JSONL named .json */
        FILE *f = fmemopen(text, len, "rb");
        if (!f) {
            free(text);
            mz_fail(&e, MZ_ERR_NOMEM, "%s: out of memory", path);
            return item_done(g, path, MZ_ERR_NOMEM, &e);
        }
        s = jsonl_stream(g, path, f, 0);
        fclose(f);
        free(text);
        return s;
    }
    s = doc_items(g, path, &d, len, s, &e);
    free(text);
    return s;
}

/* Is f, named .jsonl, a JSON document instead: an array, or an object
 * printed over several lines (its first line a lone "{")? Exports and
 * `jq .` write those under any name; read line by line, each failed on
 * line 1 ("malformed JSON near byte 0", "not a JSON object"). */
static bool json_document_inside(FILE *f)
{
    int c = first_char(f);
    bool doc = c == '[';
    if (c == '{') {
        while ((c = getc(f)) == ' ' || c == '\t' || c == '\r')
            ;
        doc = c == '\n';
    }
    rewind(f);
    return doc;
}

static mz_status file_path(ingest *g, const char *path)
{
    mz_error e = {0};
    if (is_json_name(path))
        return json_file(g, path);
    if (is_jsonl_name(path)) {
        FILE *f = fopen(path, "rb");
        if (!f) {
            mz_fail(&e, errno == ENOENT ? MZ_ERR_NOT_FOUND : MZ_ERR_IO, "%s: %s", path,
                    strerror(errno));
            return item_done(g, path, e.code, &e);
        }
        if (json_document_inside(f)) {
            fclose(f);
            return json_file(g, path);
        }
        mz_status s = jsonl_stream(g, path, f, 0);
        fclose(f);
        return s;
    }
    char *text;
    size_t len;
    mz_status s = mz_read_file(path, g->max_bytes, &text, &len, &e);
    if (s != MZ_OK)
        return item_done(g, path, s, &e);
    s = add_read(g, path, path, text, len);
    free(text);
    return s;
}

/* Does stdin's text, which starts with '[' and is not a JSON array, still
 * mean one: is its first item an object (or is it empty)? Then the JSON
 * error is given rather than the text stored; a story that opens with a
 * bracket ("[تحديث] ...") is a story. */
static bool meant_as_array(const char *t, size_t len)
{
    const char *p = memchr(t, '[', len);
    for (p = p ? p + 1 : t + len; p < t + len && strchr(" \t\r\n", *p); p++)
        ;
    return p < t + len && (*p == '{' || *p == ']');
}

/* stdin, or a pipe or device named as a file (`<(cmd)`, /dev/stdin, a
 * named pipe), read as name: JSONL when it starts with '{' (streamed line by
 * line, like a file), a JSON array of articles when it starts with '[' and
 * is one, a web page when it starts with <!DOCTYPE html or <html, else one
 * plain-text article read only up to the size limit, so a huge or endless
 * pipe is refused before it fills memory. */
static mz_status stream_input(ingest *g, FILE *f, const char *name)
{
    mz_error e = {0};
    mz_buf text = {0}; /* first the white space before the first character */
    size_t newlines = 0;
    mz_status s = MZ_OK;
    /* A byte order mark (Windows editors write one) may precede JSONL as well
     * as text: kept in the buffer (the text path drops it) and looked past.
     * Bytes that only begin one are text, whatever follows. */
    bool text_only = false;
    int c = getc(f);
    if (c == 0xEF) {
        static const unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
        size_t k = 1;
        while (k < 3 && (c = getc(f)) == bom[k])
            k++;
        text_only = k < 3;
        if (mz_buf_append(&text, bom, k) != 0)
            s = MZ_ERR_NOMEM;
        if (k < 3 && c != EOF)
            ungetc(c, f);
        c = getc(f);
    }
    for (; s == MZ_OK && (c == ' ' || c == '\n' || c == '\r' || c == '\t'); c = getc(f)) {
        char ch = (char)c;
        newlines += c == '\n';
        if (text.len >= g->max_bytes || mz_buf_append(&text, &ch, 1) != 0) {
            s = text.len >= g->max_bytes ? MZ_ERR_TOO_LARGE : MZ_ERR_NOMEM;
            break;
        }
    }
    if (s == MZ_OK && c == '{' && !text_only) {
        ungetc(c, f);
        g->rep->bytes += text.len;
        mz_buf_free(&text);
        return jsonl_stream(g, name, f, newlines);
    }
    /* An array is read as far as a .json file may be long. */
    size_t limit = c == '[' && !text_only ? line_limit(g) : g->max_bytes;
    if (s == MZ_OK && c != EOF) {
        ungetc(c, f);
        char *rest;
        size_t len;
        if (text.len >= limit) /* a limit of 0 would mean none */
            s = MZ_ERR_TOO_LARGE;
        else
            s = mz_read_stream(f, name, limit - text.len, &rest, &len, &e);
        if (s == MZ_OK) {
            if (mz_buf_append(&text, rest, len) != 0)
                s = MZ_ERR_NOMEM;
            free(rest);
        }
    } else if (s == MZ_OK && ferror(f)) {
        s = mz_fail(&e, MZ_ERR_IO, "%s: read error", name);
    }
    if (s == MZ_OK && limit != g->max_bytes) { /* it starts with '[' */
        mz_json_doc d;
        mz_error je = {0};
        mz_status ps = mz_json_doc_parse(text.p, text.len, name, &d, &je);
        if (ps == MZ_OK || meant_as_array(text.p, text.len)) { /* parsed, it is an array */
            s = doc_items(g, name, &d, text.len, ps, &je);
            mz_buf_free(&text);
            return s;
        }
        if (text.len > g->max_bytes)
            s = MZ_ERR_TOO_LARGE, limit = g->max_bytes; /* a story's limit */
    }
    if (s == MZ_ERR_TOO_LARGE)
        mz_fail(&e, s, "%s: over the limit of %zu bytes", name, limit);
    else if (s == MZ_ERR_NOMEM)
        mz_fail(&e, s, "%s: out of memory", name);
    if (s != MZ_OK) {
        mz_buf_free(&text);
        return item_done(g, name, s, &e);
    }
    s = add_read(g, name, NULL, text.p ? text.p : "", text.len);
    mz_buf_free(&text);
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
        return item_done(g, path, MZ_ERR_IO, &e);
    }
    struct dirent **list;
    int n = scandir(path, &list, not_hidden, by_bytes);
    if (n < 0) {
        mz_fail(&e, MZ_ERR_IO, "%s: %s", path, strerror(errno));
        return item_done(g, path, MZ_ERR_IO, &e);
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
                s = item_done(g, path, MZ_ERR_NOMEM, &e);
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
        return item_done(g, path, MZ_ERR_IO, &e);
    }
    mz_status s = stream_input(g, f, path);
    fclose(f);
    return s;
}

static mz_status any_path(ingest *g, const char *path, int depth)
{
    if (!strcmp(path, "-"))
        return stream_input(g, stdin, "stdin");
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
        return item_done(g, path, e.code, &e);
    }
    if (S_ISDIR(st.st_mode)) {
        bool seen;
        if (seen_dir(g, &st, &seen) != 0) {
            mz_fail(&e, MZ_ERR_NOMEM, "out of memory");
            return item_done(g, path, MZ_ERR_NOMEM, &e);
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
            s = item_done(g, path, MZ_ERR_EMPTY, &e);
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
        return item_done(g, path, MZ_ERR_IO, &e);
    }
    if (is_own_file(g, &st)) /* `mizan ingest .` next to mizan.db */
        return MZ_OK;
    return file_path(g, path);
}

mz_status mz_ingest_paths(mz_db *db, const char *const *paths, size_t n_paths,
                          const mz_ingest_options *opt, mz_ingest_report *rep, mz_error *err)
{
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
    if (s != MZ_OK) { /* nothing of this run was kept */
        rep->added = 0;
        rep->skipped = 0;
        if (!rep->failed)
            rep->failed = 1;
    }
    return s;
}
