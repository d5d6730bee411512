/* api_articles.c — POST /api/articles (one article object or an array of
 * them), GET and DELETE /api/articles/{id}.
 *
 * An article object is {"text", "title"?, "url"?, "source"?, "published"?,
 * "author"?} (the JSONL ingest format, with its other names for the fields,
 * its Unix-time dates and its bylines: store/jsonl.c, jsonl_author.c), or
 * the same with "html" (a web page: its story is the text, and its metadata
 * fills the fields not given). Every item is validated before anything is written, and the whole request is stored in
 * one transaction, so a failed item never leaves half a batch behind. Exact
 * duplicates are reported with the id of the copy already stored (409 when
 * nothing new was added). */
#include "server/http.h"
#include "check/check.h"

#include "json/json.h"
#include "store/db.h" /* mz_published_read */
#include "store/store.h"
#include "text/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const mz_jsonl_field FIELDS[] = {MZ_FIELD_TITLE, MZ_FIELD_URL, MZ_FIELD_SOURCE,
                                        MZ_FIELD_PUBLISHED};
enum { N_FIELDS = sizeof FIELDS / sizeof FIELDS[0] };

typedef char date_text[24]; /* a Unix-time date as ISO 8601 */

/* Validates one item into in (page holds a web page's story, date a date
 * given as a number); label prefix is "" for a single object, "[i]." in
 * arrays. */
static bool read_item(const cJSON *item, const char *prefix, mz_article_input *in,
                      mz_html_article *page, char *date, srv_response *rs)
{
    char label[64];
    memset(in, 0, sizeof *in);
    if (!cJSON_IsObject(item)) {
        snprintf(label, sizeof label, "%.*s", (int)(strlen(prefix) ? strlen(prefix) - 1 : 0),
                 prefix);
        srv_error(rs, 400, label[0] ? label : NULL, "an article must be a JSON object");
        return false;
    }
    const char *html = NULL;
    snprintf(label, sizeof label, "%shtml", prefix);
    if (!srv_get_string(item, "html", label, false, 0, &html, rs))
        return false;
    const char *name = mz_jsonl_field_name(item, MZ_FIELD_TEXT);
    snprintf(label, sizeof label, "%s%s", prefix, name);
    const cJSON *text = cJSON_GetObjectItemCaseSensitive(item, name);
    if (html && text && !cJSON_IsNull(text)) { /* null means absent */
        srv_error(rs, 400, label, "give '%s' or '%shtml', not both", label, prefix);
        return false;
    }
    if (!html) {
        if (!srv_get_string(item, name, label, true, 0, &in->text, rs))
            return false;
        in->text_len = strlen(in->text);
    }
    const char **dst[N_FIELDS] = {&in->title, &in->url, &in->source, &in->published};
    for (size_t f = 0; f < N_FIELDS; f++) {
        name = mz_jsonl_field_name(item, FIELDS[f]);
        snprintf(label, sizeof label, "%s%s", prefix, name);
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(item, name);
        if (FIELDS[f] == MZ_FIELD_PUBLISHED && cJSON_IsNumber(v)) {
            mz_error err = {0};
            if (mz_jsonl_unix_date(v, label, name, date, sizeof(date_text), &err) != MZ_OK) {
                srv_error(rs, 400, label, "field '%s' is not a date (a string, or a Unix time "
                                          "in seconds or milliseconds after 1970)", label);
                return false;
            }
            *dst[f] = date;
            continue;
        }
        if (FIELDS[f] == MZ_FIELD_SOURCE && (*dst[f] = mz_jsonl_source_name(item))) {
            /* {"id": ..., "name": "..."}: its name held to the length a
             * string's is */
            if (mz_utf8_cp_offset(*dst[f], strlen(*dst[f])) <= SRV_MAX_FIELD_CHARS)
                continue;
            const cJSON *site = cJSON_GetObjectItemCaseSensitive(item, "site");
            const cJSON *in_site = cJSON_GetObjectItemCaseSensitive(site, "name");
            snprintf(label, sizeof label, "%s%s.name", prefix,
                     in_site && in_site->valuestring == *dst[f] ? "site" : "source");
            srv_error(rs, 400, label, "field '%s' is too long (at most %d characters)", label,
                      SRV_MAX_FIELD_CHARS);
            return false;
        }
        if (!srv_get_string(item, name, label, false, SRV_MAX_FIELD_CHARS, dst[f], rs))
            return false;
        if (*dst[f] && !**dst[f])
            *dst[f] = NULL; /* "" means absent */
    }
    in->origin = "api";
    if (html) {
        mz_error err = {0};
        snprintf(label, sizeof label, "%shtml", prefix);
        if (mz_html_to_input(html, strlen(html), label, in, page, &err) != MZ_OK) {
            srv_fail(rs, &err, label);
            return false;
        }
    }
    /* the byline, as JSONL reads it (named ones win over the page's); held
     * by page, which the request clears */
    bool nomem;
    char *author = mz_jsonl_author(item, in->source, in->url, &nomem);
    if (nomem) {
        srv_error(rs, 503, NULL, "out of memory");
        return false;
    }
    if (author) {
        free(page->author);
        in->author = page->author = author;
    }
    return true;
}

/* The 201's "warnings": each stored item whose `published` names no
 * calendar day («2026-13-45», «31/02/2026»), kept as written as ingest
 * keeps it (README: a warning, not a refusal), with its index and field, as
 * `mizan ingest` warns of it. Added to out only when there is one. */
static bool add_warnings(cJSON *out, const mz_article_input *items, const mz_status *each,
                         size_t n, bool batch)
{
    cJSON *w = NULL;
    for (size_t i = 0; i < n; i++) {
        char iso[MZ_ISO_DATE_MAX];
        if (each[i] != MZ_OK || !items[i].published ||
            mz_published_read(items[i].published, iso) != MZ_PUBLISHED_NO_DAY)
            continue;
        char field[40], msg[300];
        if (batch)
            snprintf(field, sizeof field, "[%zu].published", i);
        else
            snprintf(field, sizeof field, "published");
        mz_published_no_day(items[i].published, msg, sizeof msg);
        cJSON *x = cJSON_CreateObject();
        if (!w && !(w = cJSON_AddArrayToObject(out, "warnings")))
            return cJSON_Delete(x), false;
        bool ok = x && cJSON_AddStringToObject(x, "field", field) &&
                  (!batch || cJSON_AddNumberToObject(x, "index", (double)i)) &&
                  cJSON_AddStringToObject(x, "message", msg) && cJSON_AddItemToArray(w, x);
        if (!ok)
            return cJSON_Delete(x), false;
    }
    return true;
}

static void add_all(const srv_ctx *ctx, const cJSON *in, srv_response *rs)
{
    bool batch = cJSON_IsArray(in);
    size_t n = batch ? (size_t)cJSON_GetArraySize(in) : 1;
    if (batch && n == 0) {
        srv_error(rs, 400, NULL, "empty array: send at least one article");
        return;
    }
    if (n > SRV_MAX_BATCH) {
        srv_error(rs, 400, NULL, "too many articles in one request (at most %d)", SRV_MAX_BATCH);
        return;
    }
    mz_article_input *items = calloc(n, sizeof *items);
    mz_html_article *pages = calloc(n, sizeof *pages);
    date_text *dates = calloc(n, sizeof *dates);
    cJSON *out = cJSON_CreateObject();
    cJSON *ids = cJSON_CreateArray(), *dups = cJSON_CreateArray();
    if (!items || !pages || !dates || !out || !ids || !dups) {
        free(items);
        free(pages);
        free(dates);
        cJSON_Delete(out), cJSON_Delete(ids), cJSON_Delete(dups);
        srv_error(rs, 503, NULL, "out of memory");
        return;
    }
    size_t i = 0;
    const cJSON *it = batch ? in->child : in;
    for (; i < n; i++, it = it->next) {
        char prefix[32] = "";
        if (batch)
            snprintf(prefix, sizeof prefix, "[%zu].", i);
        if (!read_item(it, prefix, &items[i], &pages[i], dates[i], rs))
            goto done;
    }
    /* One transaction for the whole request: a failure part way (a store
     * locked by another process, a full disk) leaves nothing of it behind,
     * so the client can simply send it again. */
    int64_t *idv = calloc(n, sizeof *idv);
    mz_status *each = calloc(n, sizeof *each);
    if (!idv || !each) {
        free(idv);
        free(each);
        srv_error(rs, 503, NULL, "out of memory");
        goto done;
    }
    size_t added = 0, failed = n;
    mz_error err = {0};
    mz_db *db = srv_dbpool_acquire_writer(ctx->pool);
    mz_status s = mz_articles_add(db, items, n, idv, each, &failed, &err);
    srv_dbpool_release_writer(ctx->pool, db);
    /* every key of the reply or none: out of memory, srv_json answers 503
     * out_of_memory (the articles are stored all the same, and sent again
     * they come back as duplicates with their ids), never a 201 without
     * its "id" */
    bool whole = true;
    for (i = 0; s == MZ_OK && i < n; i++) {
        if (each[i] == MZ_OK) {
            /* &= evaluates the push even when whole is already false */
            whole &= mz_json_push(ids, cJSON_CreateNumber((double)idv[i]));
            added++;
        } else {
            cJSON *d = cJSON_CreateObject();
            bool ok = d && cJSON_AddNumberToObject(d, "index", (double)i) &&
                      cJSON_AddNumberToObject(d, "id", (double)idv[i]) && cJSON_AddItemToArray(dups, d);
            if (!ok)
                cJSON_Delete(d);
            whole &= ok;
        }
    }
    if (s == MZ_OK && added)
        whole &= add_warnings(out, items, each, n, batch);
    free(idv);
    free(each);
    if (s != MZ_OK) {
        /* the store refuses an item for its text: named as the client sent
         * it (text, content, body ... or html) */
        char label[48] = "";
        if (failed < n) {
            const cJSON *bad = batch ? cJSON_GetArrayItem(in, (int)failed) : in;
            const char *name = pages[failed].text ? "html" : mz_jsonl_field_name(bad, MZ_FIELD_TEXT);
            if (batch)
                snprintf(label, sizeof label, "[%zu].%s", failed, name);
            else
                snprintf(label, sizeof label, "%s", name);
        }
        srv_fail(rs, &err, failed < n ? label : NULL);
        if (batch && failed < n) { /* which item failed, whatever the status */
            cJSON *e = cJSON_ParseWithLength(rs->body, rs->len);
            if (e) {
                cJSON_AddNumberToObject(e, "index", (double)failed);
                srv_json(rs, srv_http_status(s), e);
            }
        }
    } else if (!batch && added == 0) {
        double existing = cJSON_GetNumberValue(cJSON_GetObjectItem(cJSON_GetArrayItem(dups, 0), "id"));
        cJSON *e = cJSON_CreateObject();
        char msg[128];
        snprintf(msg, sizeof msg, "duplicate: the same text is already stored as article %.0f",
                 existing);
        whole &= e && cJSON_AddStringToObject(e, "error", msg) &&
                 cJSON_AddStringToObject(e, "code", "duplicate") &&
                 cJSON_AddNumberToObject(e, "id", existing);
        srv_json(rs, 409, mz_json_whole(e, whole));
    } else if (!batch) {
        whole &= cJSON_AddNumberToObject(out, "id", cJSON_GetNumberValue(cJSON_GetArrayItem(ids, 0))) != NULL;
        srv_json(rs, 201, mz_json_whole(out, whole)); /* takes out */
        out = NULL;
    } else {
        if (!added)
            whole &= cJSON_AddStringToObject(out, "error", "duplicate: every article is already stored") &&
                     cJSON_AddStringToObject(out, "code", "duplicate");
        whole &= cJSON_AddNumberToObject(out, "added", (double)added) != NULL;
        /* both added, or deleted: neither is left to the cleanup below */
        bool with_ids = mz_json_add(out, "ids", ids);
        bool lists = mz_json_add(out, "duplicates", dups) && with_ids;
        ids = dups = NULL;
        srv_json(rs, added ? 201 : 409, mz_json_whole(out, whole && lists)); /* takes out */
        out = NULL;
    }
done:
    for (size_t k = 0; k < n; k++)
        mz_html_article_clear(&pages[k]);
    free(pages);
    free(dates);
    free(items);
    cJSON_Delete(out), cJSON_Delete(ids), cJSON_Delete(dups);
}

void api_articles_add(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    if (ctx->read_only) {
        srv_error(rs, 403, NULL, "the server runs read-only (--read-only): adding articles is off");
        return;
    }
    cJSON *in = srv_parse_body(rq, rs);
    if (!in)
        return;
    add_all(ctx, in, rs);
    cJSON_Delete(in);
}

/* The {id} of /api/articles/{id}; false (and a 400) when it is not one. */
static bool path_id(const srv_request *rq, long long *id, srv_response *rs)
{
    if (srv_parse_int(rq->path + strlen("/api/articles/"), 1, INT64_MAX, id))
        return true;
    srv_error(rs, 400, "id", "article id must be a positive integer");
    return false;
}

bool srv_article_get(const srv_ctx *ctx, long long id, mz_article *a, srv_response *rs)
{
    mz_error err = {0};
    mz_db *db = srv_dbpool_acquire(ctx->pool);
    mz_status s = mz_article_get(db, (int64_t)id, a, &err);
    srv_dbpool_release(ctx->pool, db);
    if (s != MZ_OK)
        srv_fail(rs, &err, "id");
    return s == MZ_OK;
}

void api_article_get(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    long long id = 0;
    if (!path_id(rq, &id, rs))
        return;
    mz_article a;
    mz_article_versions ver = {0};
    mz_places places = {0};
    mz_error err = {0};
    mz_db *db = srv_dbpool_acquire(ctx->pool);
    bool began = mz_db_read_begin(db); /* the article, its versions and places from one state */
    mz_status s = mz_article_get(db, (int64_t)id, &a, &err);
    if (s == MZ_OK && (s = mz_articles_versions(db, &a, 1, &ver, &err)) != MZ_OK)
        mz_article_clear(&a);
    if (s == MZ_OK && (s = mz_article_places(db, (int64_t)id, &places, &err)) != MZ_OK) {
        mz_article_clear(&a);
        mz_article_versions_clear(&ver);
    }
    mz_db_read_end(db, began);
    srv_dbpool_release(ctx->pool, db);
    if (s != MZ_OK) {
        srv_fail(rs, &err, "id");
        return;
    }
    cJSON *j = mz_json_article(&a, 1);
    if (j && (!mz_json_add_versions(j, &ver) || !mz_json_add_places(j, &places))) {
        cJSON_Delete(j);
        j = NULL;
    }
    srv_json(rs, 200, j);
    mz_article_clear(&a);
    mz_article_versions_clear(&ver);
    mz_places_clear(&places);
}

void api_article_delete(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    if (ctx->read_only) {
        srv_error(rs, 403, NULL, "the server runs read-only (--read-only): removing articles is off");
        return;
    }
    long long id = 0;
    if (!path_id(rq, &id, rs))
        return;
    int64_t one = (int64_t)id;
    mz_error err = {0};
    mz_db *db = srv_dbpool_acquire_writer(ctx->pool);
    mz_status s = mz_articles_delete(db, &one, 1, &err);
    srv_dbpool_release_writer(ctx->pool, db);
    if (s != MZ_OK) {
        srv_fail(rs, &err, "id");
        return;
    }
    cJSON *out = cJSON_CreateObject();
    bool whole = out && cJSON_AddNumberToObject(out, "deleted", (double)id); /* else 503 */
    srv_json(rs, 200, mz_json_whole(out, whole));
}
