/* ingest_json.c — JSON documents, JSONL files and streams (stdin, pipes)
 * into an ingest run (ingest_int.h): each article is stored, or its line
 * or item recorded as failed, under its origin (PATH:LINE, PATH#N). */
#include "store/ingest_int.h"
#include "text/text.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/types.h>

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

size_t mz_ingest_doc_limit(const ingest *g)
{
    return line_limit(g);
}

/* A parsed JSONL line or JSON item into the store, under its origin. */
static mz_status add_item(ingest *g, const char *origin, mz_jsonl_item *it)
{
    it->in.origin = origin;
    mz_status s = mz_ingest_store(g, origin, &it->in, it->stored);
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
        if (len > line_limit(g)) /* cut short (capped_line): only what was kept is there */
            len = 0;
        while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
            i++;
        bool lone_brace = i < len && line[i] == '{' && blank_line(line + i + 1, len - i - 1);
        mz_error full;
        mz_fail(&full, s, "%s: %s%s", name, e.msg,
                lone_brace ? " (objects printed over several lines: JSONL wants one a line, "
                             "jq -c . FILE > FILE.jsonl)"
                           : "");
        return mz_ingest_done(g, origin, s, &full);
    }
    return add_item(g, origin, &it);
}

/* One line of f, its '\n' included, into *line; only its first `keep`
 * bytes are stored: a longer line is read to its end but not kept, so an
 * endless line without a newline costs no memory. Returns the line's full
 * length (*kept says how much is in *line), 0 at the end of the input, -1
 * when out of memory. */
typedef struct reader {
    const char *head; /* read first: what stdin's sniffing read already */
    size_t len, at;
    FILE *f;          /* then the rest */
    size_t items;     /* lines of the input read before (not blank) */
} reader;

static int next_byte(reader *r)
{
    return r->at < r->len ? (unsigned char)r->head[r->at++] : getc_unlocked(r->f);
}

static ssize_t capped_line(reader *r, char **line, size_t *cap, size_t keep, size_t *kept)
{
    size_t total = 0, n = 0;
    int c;
    while ((c = next_byte(r)) != EOF) {
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

/* JSONL from r, whose first line is line first_line + 1 of the input. */
static mz_status jsonl_from(ingest *g, const char *name, reader *r, size_t first_line)
{
    FILE *f = r->f;
    char *line = NULL;
    size_t cap = 0, line_no = first_line, items = r->items, kept;
    ssize_t n;
    mz_status s = MZ_OK;
    while (s == MZ_OK && (n = capped_line(r, &line, &cap, line_limit(g) + 2, &kept)) > 0) {
        line_no++;
        g->rep->bytes += (size_t)n;
        if (line[kept - 1] == '\n')
            n--, kept--;
        if ((size_t)n == kept && blank_line(line, kept))
            continue; /* blank lines separate nothing: ignore them */
        mz_error e;
        if (items++ == 0 && mz_utf16_refuse(line, kept, name, &e) != MZ_OK) {
            /* the file at once: each of its lines would fail on its own */
            mz_ingest_done(g, name, e.code, &e);
            s = g->opt->on_error == MZ_ON_ERROR_SKIP ? MZ_OK : e.code;
            break;
        }
        /* a line cut short is over the limit: refused by its full length */
        s = jsonl_line(g, name, line_no, line, (size_t)n);
    }
    if (n < 0) {
        mz_error e;
        mz_fail(&e, MZ_ERR_NOMEM, "out of memory");
        s = mz_ingest_done(g, name, MZ_ERR_NOMEM, &e);
    }
    if (s == MZ_OK && items == 0 && !ferror(f)) {
        mz_error e;
        mz_fail(&e, MZ_ERR_EMPTY, "%s: empty (no JSON lines)", name);
        s = mz_ingest_done(g, name, MZ_ERR_EMPTY, &e);
    }
    if (s == MZ_OK && ferror(f)) {
        mz_error e;
        mz_fail(&e, MZ_ERR_IO, "%s: read error after line %zu", name, line_no);
        s = mz_ingest_done(g, name, MZ_ERR_IO, &e);
    }
    free(line);
    return s;
}

mz_status mz_ingest_jsonl(ingest *g, const char *name, FILE *f, size_t first_line)
{
    reader r = {.f = f};
    return jsonl_from(g, name, &r, first_line);
}

bool mz_ingest_jsonl_name(const char *path)
{
    size_t n = strlen(path);
    return n > 6 && !strcasecmp(path + n - 6, ".jsonl");
}

bool mz_ingest_json_name(const char *path)
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
        return mz_ingest_done(g, origin, s, &full);
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
        return mz_ingest_done(g, path, s, e);
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
mz_status mz_ingest_json_file(ingest *g, const char *path)
{
    mz_error e = {0};
    char *text;
    size_t len;
    mz_status s = mz_read_file(path, line_limit(g), &text, &len, &e);
    if (s == MZ_ERR_TOO_LARGE) {
        FILE *f = fopen(path, "rb");
        if (f && first_char(f) == '{') {
            rewind(f);
            s = mz_ingest_jsonl(g, path, f, 0);
            fclose(f);
            return s;
        }
        if (f)
            fclose(f);
        mz_fail(&e, s, "%s: a JSON document over %zu bytes; write it as JSONL, one object a "
                       "line (jq -c '.[]' FILE.json > FILE.jsonl)", path, line_limit(g));
    }
    if (s != MZ_OK)
        return mz_ingest_done(g, path, s, &e);
    mz_json_doc d;
    s = mz_json_doc_parse(text, len, path, &d, &e);
    if (s == MZ_ERR_NOT_FOUND) { /* JSONL named .json */
        FILE *f = fmemopen(text, len, "rb");
        if (!f) {
            free(text);
            mz_fail(&e, MZ_ERR_NOMEM, "%s: out of memory", path);
            return mz_ingest_done(g, path, MZ_ERR_NOMEM, &e);
        }
        s = mz_ingest_jsonl(g, path, f, 0);
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
bool mz_ingest_json_inside(FILE *f)
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

/* f's bytes appended to b, up to limit bytes in all (and a chunk more):
 * MZ_ERR_TOO_LARGE when there are more, what was read kept (a feed is told
 * by its start; JSONL read so far goes on from it). */
static mz_status read_rest(FILE *f, mz_buf *b, size_t limit, const char *name, mz_error *e)
{
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (mz_buf_append(b, chunk, n) != 0)
            return MZ_ERR_NOMEM;
        if (b->len > limit)
            return MZ_ERR_TOO_LARGE;
    }
    if (ferror(f))
        return mz_fail(e, MZ_ERR_IO, "%s: read error: %s", name, strerror(errno));
    return MZ_OK;
}

/* Whether line is one whole JSON value (a JSONL line, good or not as an
 * article), not the start of one printed over several lines. */
static bool whole_value(const char *line, size_t len)
{
    const char *end = NULL;
    cJSON *j = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    bool whole = j && blank_line(end, len - (size_t)(end - line));
    cJSON_Delete(j);
    return whole;
}

/* Input that starts with '{' (f is there; lines numbered from first_line
 * + 1): JSONL, streamed line by line, when its first line is a whole JSON
 * value; else one JSON document printed over several lines (`jq .`, curl
 * of an API), read whole as a .json file is (up to its size limit) and its
 * articles stored — it was refused line by line with a `jq -c` hint. What
 * is no such document (objects printed one after another, a broken first
 * line) is read as JSONL after all, from what was read: as before. */
static mz_status objects(ingest *g, FILE *f, const char *name, size_t first_line)
{
    reader r = {.f = f};
    char *line = NULL;
    size_t cap = 0, kept;
    mz_error e = {0};
    ssize_t n = capped_line(&r, &line, &cap, line_limit(g) + 2, &kept);
    if (n < 0) {
        free(line);
        mz_fail(&e, MZ_ERR_NOMEM, "out of memory");
        return mz_ingest_done(g, name, MZ_ERR_NOMEM, &e);
    }
    mz_status s;
    if ((size_t)n != kept) { /* over the limit of a line, and so of a document */
        g->rep->bytes += (size_t)n;
        s = jsonl_line(g, name, first_line + 1, line, (size_t)n);
        free(line);
        if (s != MZ_OK)
            return s;
        reader rest = {.f = f, .items = 1}; /* not an input of no lines when no more follow */
        return jsonl_from(g, name, &rest, first_line + 1);
    }
    if (whole_value(line, kept - (line[kept - 1] == '\n'))) {
        r.head = line, r.len = kept;
        s = jsonl_from(g, name, &r, first_line);
        free(line);
        return s;
    }
    /* "{" alone on the first line: an object printed over several lines
     * for sure (a broken one is told as a .json file's error) */
    bool lone_brace = blank_line(line + 1, kept - 1 - (line[kept - 1] == '\n'));
    mz_buf doc = {0};
    s = mz_buf_append(&doc, line, kept) != 0 ? MZ_ERR_NOMEM : MZ_OK;
    free(line);
    if (s == MZ_OK)
        s = read_rest(f, &doc, line_limit(g), name, &e);
    if (s == MZ_OK) {
        mz_json_doc d;
        mz_error je = {0};
        mz_status ps = mz_json_doc_parse(doc.p, doc.len, name, &d, &je);
        if (ps == MZ_OK || (ps != MZ_ERR_NOT_FOUND && lone_brace)) { /* as a .json file */
            s = doc_items(g, name, &d, doc.len, ps, &je);
            mz_buf_free(&doc);
            return s;
        }
    } else if (s != MZ_ERR_TOO_LARGE || lone_brace) { /* no memory, a read error, too long */
        if (s == MZ_ERR_NOMEM)
            mz_fail(&e, s, "%s: out of memory", name);
        else if (s == MZ_ERR_TOO_LARGE) /* a document for sure: as a .json file says it */
            mz_fail(&e, s, "%s: a JSON document over %zu bytes; write it as JSONL, one object a "
                           "line (jq -c '.[]' FILE.json > FILE.jsonl)", name, line_limit(g));
        mz_buf_free(&doc);
        return mz_ingest_done(g, name, s, &e);
    }
    r.head = doc.p, r.len = doc.len; /* JSONL after all: what was read, then the rest */
    s = jsonl_from(g, name, &r, first_line);
    mz_buf_free(&doc);
    return s;
}

/* stdin, or a pipe or device named as a file (`<(cmd)`, /dev/stdin, a
 * named pipe), read as name: JSONL when it starts with '{' (streamed line by
 * line, like a file), a JSON array of articles when it starts with '[' and
 * is one, a web page when it starts with <!DOCTYPE html or <html, else one
 * plain-text article read only up to the size limit, so a huge or endless
 * pipe is refused before it fills memory. */
mz_status mz_ingest_stream(ingest *g, FILE *f, const char *name)
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
        return objects(g, f, name, newlines);
    }
    /* An array, or a feed (whose items are limited one by one), is read as
     * far as a .json file may be long. */
    bool array = c == '[' && !text_only, markup = c == '<' && !text_only;
    size_t limit = array || markup ? line_limit(g) : g->max_bytes;
    if (s == MZ_OK && c != EOF) {
        ungetc(c, f);
        s = read_rest(f, &text, limit, name, &e);
    } else if (s == MZ_OK && ferror(f)) {
        s = mz_fail(&e, MZ_ERR_IO, "%s: read error", name);
    }
    bool feed = markup && mz_feed_sniff(text.p, text.len);
    if (s == MZ_ERR_TOO_LARGE && markup) {
        if (feed)
            mz_fail(&e, s, "%s: a feed over %zu bytes (8 times the limit of an article)", name,
                    limit);
        else
            limit = g->max_bytes; /* a page is one article */
    }
    if (s == MZ_OK && markup && !feed && text.len > g->max_bytes)
        s = MZ_ERR_TOO_LARGE, limit = g->max_bytes;
    if (s == MZ_OK && array) {
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
    if (s == MZ_ERR_TOO_LARGE && !feed)
        mz_fail(&e, s, "%s: over the limit of %zu bytes", name, limit);
    else if (s == MZ_ERR_NOMEM)
        mz_fail(&e, s, "%s: out of memory", name);
    if (s != MZ_OK) {
        mz_buf_free(&text);
        return mz_ingest_done(g, name, s, &e);
    }
    s = mz_ingest_read_text(g, name, NULL, text.p ? text.p : "", text.len);
    mz_buf_free(&text);
    return s;
}
