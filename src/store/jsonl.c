/* jsonl.c — one JSONL line into an article input. Kept free of SQLite so the
 * fuzzer (fuzz/fuzz_jsonl.c) can link it alone. */
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

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
    const char *field = "text";
    if (cJSON_GetObjectItemCaseSensitive(j, "text") == NULL &&
        cJSON_GetObjectItemCaseSensitive(j, "article") != NULL)
        field = "article"; /* the baly2018 format */
    s = opt_string(j, field, where, &text, err);
    if (s == MZ_OK)
        s = opt_string(j, "html", where, &html, err);
    if (s == MZ_OK && text && html)
        s = mz_fail(err, MZ_ERR_JSON, "%s: give \"%s\" or \"html\", not both", where, field);
    if (s == MZ_OK && !text && !html)
        s = mz_fail(err, MZ_ERR_JSON, "%s: missing \"text\" (a string)", where);
    if (s == MZ_OK)
        s = opt_string(j, "title", where, &out->in.title, err);
    if (s == MZ_OK)
        s = opt_string(j, "url", where, &out->in.url, err);
    if (s == MZ_OK)
        s = opt_string(j, "source", where, &out->in.source, err);
    if (s == MZ_OK)
        s = opt_string(j, "published", where, &out->in.published, err);
    if (s != MZ_OK) {
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
    return MZ_OK;
}

void mz_jsonl_item_clear(mz_jsonl_item *it)
{
    if (!it)
        return;
    cJSON_Delete(it->tree);
    mz_html_article_clear(&it->page);
    memset(it, 0, sizeof *it);
}
