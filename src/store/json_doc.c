/* json_doc.c — a .json file: an array of article objects (what scrapers and
 * `jq -s` write, and what many exports are), or one object, each read as a
 * JSONL line is. A .json file was stored as one plain-text article whose
 * text was the JSON itself. A file holding one object and then more is JSONL
 * under another name (also common) and is handed back to be read line by
 * line. Kept free of SQLite so the fuzzer (fuzz/fuzz_jsonl.c) links it. */
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

#include <cjson/cJSON.h>
#include <string.h>

static size_t line_of(const char *s, size_t off)
{
    size_t line = 1;
    for (size_t i = 0; i < off; i++)
        line += s[i] == '\n';
    return line;
}

static bool only_space(const char *p, const char *end)
{
    for (; p < end; p++)
        if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            return false;
    return true;
}

void *mz_json_envelope(void *obj)
{
    cJSON *j = obj, *found = NULL;
    /* an article that lacks its text ({"title", "images": []}) is no answer */
    static const mz_jsonl_field own[] = {MZ_FIELD_TEXT, MZ_FIELD_TITLE, MZ_FIELD_URL};
    if (!cJSON_IsObject(j) || cJSON_GetObjectItemCaseSensitive(j, "html"))
        return NULL;
    for (size_t i = 0; i < sizeof own / sizeof *own; i++)
        if (cJSON_GetObjectItemCaseSensitive(j, mz_jsonl_field_name(j, own[i])))
            return NULL;
    for (cJSON *m = j->child; m; m = m->next) {
        bool objects = cJSON_IsArray(m); /* an empty list too: an answer of no articles */
        for (cJSON *e = objects ? m->child : NULL; e; e = e->next)
            objects = objects && cJSON_IsObject(e);
        if (!objects) /* a list of tags, a count, a status */
            continue;
        if (found) /* two lists of objects: which one holds the articles? */
            return NULL;
        found = m;
    }
    return found;
}

mz_status mz_json_doc_parse(const char *s, size_t len, const char *what, mz_json_doc *d,
                            mz_error *err)
{
    memset(d, 0, sizeof *d);
    if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) /* Windows editors' UTF-8 mark */
        s += 3, len -= 3;
    mz_status s16 = mz_utf16_refuse(s, len, what, err); /* its Arabic may pass for ASCII */
    if (s16 != MZ_OK)
        return s16;
    size_t bad;
    if (mz_utf8_check(s, len, &bad) != MZ_OK)
        return mz_fail(err, MZ_ERR_UTF8, "%s: invalid UTF-8 at byte offset %zu%s", what, bad,
                       mz_utf8_hint(s, len));
    const char *nul = memchr(s, '\0', len);
    if (nul)
        return mz_fail(err, MZ_ERR_BINARY, "%s: binary data (NUL byte at offset %zu), not JSON",
                       what, (size_t)(nul - s));
    size_t esc = mz_json_escaped_nul(s, len);
    if (esc < len) /* cJSON would cut the string there, silently */
        return mz_fail(err, MZ_ERR_BINARY, "%s: NUL character (\\u0000) on line %zu", what,
                       line_of(s, esc));
    if (only_space(s, s + len))
        return mz_fail(err, MZ_ERR_EMPTY, "%s: empty (no JSON)", what);
    const char *end = NULL;
    cJSON *j = cJSON_ParseWithLengthOpts(s, len, &end, 0);
    if (!j) {
        size_t at = end && end >= s && end <= s + len ? (size_t)(end - s) : 0;
        return mz_fail(err, MZ_ERR_JSON, "%s: malformed JSON on line %zu", what, line_of(s, at));
    }
    if (!only_space(end, s + len)) {
        bool jsonl = cJSON_IsObject(j);
        cJSON_Delete(j);
        if (jsonl)
            return MZ_ERR_NOT_FOUND;
        return mz_fail(err, MZ_ERR_JSON, "%s: text after the JSON array on line %zu", what,
                       line_of(s, (size_t)(end - s)));
    }
    if (!cJSON_IsArray(j) && !cJSON_IsObject(j)) {
        cJSON_Delete(j);
        return mz_fail(err, MZ_ERR_JSON,
                       "%s: neither an array of article objects nor one article object", what);
    }
    cJSON *list = mz_json_envelope(j);
    if (list) { /* {"status": "ok", "articles": [...]}: the list is the document */
        cJSON_DetachItemViaPointer(j, list);
        cJSON_Delete(j);
        j = list;
        d->envelope = true;
    }
    d->tree = j;
    d->n = cJSON_IsArray(j) ? (size_t)cJSON_GetArraySize(j) : 1;
    return MZ_OK;
}

mz_status mz_json_doc_item(mz_json_doc *d, size_t i, const char *where, mz_jsonl_item *out,
                           mz_error *err)
{
    memset(out, 0, sizeof *out);
    cJSON *j = d->tree;
    if (!j || i >= d->n)
        return mz_fail(err, MZ_ERR_ARG, "%s: no such item", where);
    cJSON *one = j;
    if (cJSON_IsArray(j)) /* taken in order: the next is always the first left */
        one = cJSON_DetachItemViaPointer(j, j->child);
    else
        d->tree = NULL;
    return mz_jsonl_from_object(one, where, out, err);
}

void mz_json_doc_clear(mz_json_doc *d)
{
    if (d) {
        cJSON_Delete(d->tree);
        memset(d, 0, sizeof *d);
    }
}
