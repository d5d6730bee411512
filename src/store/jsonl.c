/* jsonl.c — one JSONL line into an article input. Kept free of SQLite so the
 * fuzzer (fuzz/fuzz_jsonl.c) can link it alone. */
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* An optional string field: absent or null gives NULL; any other type is an
 * error. */
static mz_status opt_string(const cJSON *obj, const char *name, const char *where,
                            const char **out, mz_error *err)
{
    *out = NULL;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!v || cJSON_IsNull(v))
        return MZ_OK;
    if (!cJSON_IsString(v) || !v->valuestring)
        return mz_fail(err, MZ_ERR_JSON, "%s: field \"%s\" must be a string", where, name);
    *out = v->valuestring;
    return MZ_OK;
}

mz_status mz_jsonl_parse_line(const char *line, size_t len, size_t line_no, mz_jsonl_item *out,
                              mz_error *err)
{
    memset(out, 0, sizeof *out);
    if (len && line[len - 1] == '\r')
        len--;
    size_t bad;
    if (mz_utf8_check(line, len, &bad) != MZ_OK)
        return mz_fail(err, MZ_ERR_UTF8, "line %zu: invalid UTF-8 at byte %zu of the line%s", line_no,
                       bad, mz_utf8_hint(line, len));
    const char *raw_nul = memchr(line, '\0', len);
    if (raw_nul)
        return mz_fail(err, MZ_ERR_BINARY, "line %zu: binary data (NUL byte at byte %zu of the line)",
                       line_no, (size_t)(raw_nul - line));
    size_t nul = mz_json_escaped_nul(line, len);
    if (nul < len)
        return mz_fail(err, MZ_ERR_BINARY, "line %zu: NUL character (\\u0000) at byte %zu of the line",
                       line_no, nul);
    const char *end = NULL;
    cJSON *j = cJSON_ParseWithLengthOpts(line, len, &end, 0);
    if (!j) {
        size_t at = end && end >= line && end <= line + len ? (size_t)(end - line) : 0;
        return mz_fail(err, MZ_ERR_JSON, "line %zu: malformed JSON near byte %zu", line_no, at);
    }
    /* Only white space may follow the object. */
    for (const char *p = end; p && p < line + len; p++)
        if (*p != ' ' && *p != '\t') {
            cJSON_Delete(j);
            return mz_fail(err, MZ_ERR_JSON, "line %zu: text after the JSON object at byte %zu",
                           line_no, (size_t)(p - line));
        }
    char where[40];
    snprintf(where, sizeof where, "line %zu", line_no);
    return mz_jsonl_from_object(j, where, out, err);
}

/* The names scrapers and exports give each field, canonical first: the
 * baly2018 corpus puts the text in "article", feeds and crawlers write
 * "content" or "body", "link", "date" or "published_at", schema.org
 * "headline" and "datePublished". The canonical name, when present, is read
 * (and must be a string); else the first other name that holds a string.
 * Those were ignored before, so one that holds something else (a list of
 * paragraphs, a Mongo {"$date": ...}) is still ignored rather than failing a
 * line that used to be stored. A date may also be a Unix time (below). */
static const char *const *const names_of[] = {
    [MZ_FIELD_TEXT] = (const char *const[]){"text", "article", "body", "content", NULL},
    [MZ_FIELD_TITLE] = (const char *const[]){"title", "headline", NULL},
    [MZ_FIELD_URL] = (const char *const[]){"url", "link", NULL},
    [MZ_FIELD_SOURCE] = (const char *const[]){"source", "site", NULL},
    [MZ_FIELD_PUBLISHED] = (const char *const[]){"published", "published_at", "publishedAt",
                                                 "datePublished", "date", "pubDate", NULL},
};

static const char *field_name(const cJSON *obj, const char *const *names, int numbers_too)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, names[0]);
    if (v && !cJSON_IsNull(v))
        return names[0];
    for (size_t i = 1; names[i]; i++) {
        v = cJSON_GetObjectItemCaseSensitive(obj, names[i]);
        if (cJSON_IsString(v) || (numbers_too && cJSON_IsNumber(v)))
            return names[i];
    }
    return names[0];
}

/* Exports from databases and feeds write the date as a Unix time: seconds,
 * or milliseconds (JavaScript's Date.now()) — told apart by size, since 1e11
 * seconds is the year 5138. It is stored as the ISO 8601 UTC time the text
 * form would have given ("2017-10-15T08:30:00Z", or the date alone at
 * midnight). Times before 1970 or after 9999 are refused. */
const char *mz_jsonl_field_name(const void *obj, mz_jsonl_field f)
{
    return field_name(obj, names_of[f], f == MZ_FIELD_PUBLISHED);
}

mz_status mz_jsonl_unix_date(const void *value, const char *where, const char *name, char *buf,
                             size_t size, mz_error *err)
{
    const cJSON *v = value;
    double t = cJSON_IsNumber(v) ? v->valuedouble : -1;
    if (fabs(t) >= 1e11)
        t /= 1000;
    if (!(t >= 0 && t < 253402300800.0)) /* 10000-01-01T00:00:00Z */
        return mz_fail(err, MZ_ERR_JSON,
                       "%s: field \"%s\" is not a date (a string, or a Unix time in seconds "
                       "or milliseconds after 1970)",
                       where, name);
    time_t secs = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&secs, &tm))
        return mz_fail(err, MZ_ERR_JSON, "%s: field \"%s\" is not a date", where, name);
    strftime(buf, size, secs % 86400 ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d", &tm);
    return MZ_OK;
}

static mz_status opt_date(const cJSON *obj, const char *where, mz_jsonl_item *out, mz_error *err)
{
    const char *name = mz_jsonl_field_name(obj, MZ_FIELD_PUBLISHED);
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    /* an RSS date in a string ("pubDate": "Tue, 10 Oct 2017 14:03:00 +0300",
     * as a feed converted to JSON gives it) is kept as a feed's is: ISO */
    if (cJSON_IsString(v) && mz_rfc822_date(v->valuestring, out->date)) {
        out->in.published = out->date;
        return MZ_OK;
    }
    if (!v || cJSON_IsNull(v) || cJSON_IsString(v))
        return opt_string(obj, name, where, &out->in.published, err);
    mz_status s = mz_jsonl_unix_date(v, where, name, out->date, sizeof out->date, err);
    if (s == MZ_OK)
        out->in.published = out->date;
    return s;
}

const char *mz_jsonl_source_name(const void *obj)
{
    const char *const *names = names_of[MZ_FIELD_SOURCE];
    if (cJSON_IsString(cJSON_GetObjectItemCaseSensitive(obj, field_name(obj, names, 0))))
        return NULL; /* given as a string */
    for (size_t i = 0; names[i]; i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, names[i]);
        const cJSON *named = cJSON_IsObject(v) ? cJSON_GetObjectItemCaseSensitive(v, "name") : NULL;
        if (cJSON_IsString(named))
            return named->valuestring;
    }
    return NULL;
}

static mz_status opt_source(const cJSON *obj, const char *where, const char **out, mz_error *err)
{
    *out = mz_jsonl_source_name(obj);
    return *out ? MZ_OK : opt_string(obj, mz_jsonl_field_name(obj, MZ_FIELD_SOURCE), where, out, err);
}

mz_status mz_jsonl_from_object(void *tree, const char *where, mz_jsonl_item *out, mz_error *err)
{
    cJSON *j = tree;
    memset(out, 0, sizeof *out);
    if (!cJSON_IsObject(j)) {
        cJSON_Delete(j);
        return mz_fail(err, MZ_ERR_JSON, "%s: not a JSON object", where);
    }
    mz_status s;
    const char *text = NULL, *html = NULL;
    const char *field = mz_jsonl_field_name(j, MZ_FIELD_TEXT);
    s = opt_string(j, field, where, &text, err);
    if (s == MZ_OK)
        s = opt_string(j, "html", where, &html, err);
    if (s == MZ_OK && text && html)
        s = mz_fail(err, MZ_ERR_JSON, "%s: give \"%s\" or \"html\", not both", where, field);
    if (s == MZ_OK && !text && !html)
        s = mz_fail(err, MZ_ERR_JSON,
                    "%s: missing \"text\" (a string; \"article\", \"body\" or \"content\" "
                    "are read as it too)",
                    where);
    if (s == MZ_OK)
        s = opt_string(j, mz_jsonl_field_name(j, MZ_FIELD_TITLE), where, &out->in.title, err);
    if (s == MZ_OK)
        s = opt_string(j, mz_jsonl_field_name(j, MZ_FIELD_URL), where, &out->in.url, err);
    if (s == MZ_OK)
        s = opt_source(j, where, &out->in.source, err);
    if (s == MZ_OK)
        s = opt_date(j, where, out, err);
    if (s == MZ_OK) {
        bool nomem;
        out->in.author = out->author =
            mz_jsonl_author(j, out->in.source, out->in.url, &nomem);
        if (nomem)
            s = mz_fail(err, MZ_ERR_NOMEM, "out of memory");
    }
    if (s != MZ_OK) {
        free(out->author);
        cJSON_Delete(j);
        memset(out, 0, sizeof *out);
        return s;
    }
    out->tree = j;
    if (html) {
        char what[64];
        snprintf(what, sizeof what, "%s: html", where);
        s = mz_html_to_input(html, strlen(html), what, &out->in, &out->page, err);
        if (s != MZ_OK)
            mz_jsonl_item_clear(out);
        return s;
    }
    out->in.text = text;
    out->in.text_len = strlen(text);
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(j, "schema");
    out->stored = cJSON_IsString(schema) && schema->valuestring &&
                  !strcmp(schema->valuestring, MZ_ARTICLE_SCHEMA);
    return MZ_OK;
}

void mz_jsonl_item_clear(mz_jsonl_item *it)
{
    if (!it)
        return;
    cJSON_Delete(it->tree);
    free(it->author);
    mz_html_article_clear(&it->page);
    memset(it, 0, sizeof *it);
}
