/* json_store.c — articles and search hits as JSON (schemas in docs/json-schema.md). */
#include "json/json.h"
#include "check/check.h"
#include "store/db.h"
#include "store/store.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static cJSON *str_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

cJSON *mz_json_article(const mz_article *a, int with_body)
{
    cJSON *j = cJSON_CreateObject();
    if (!j)
        return NULL;
    /* each add checked (mz_json_add frees an item it could not add): an
     * article without its url or title is never printed as if whole */
    bool ok = mz_json_add(j, "id", cJSON_CreateNumber((double)a->id)) &&
              mz_json_add(j, "title", str_or_null(a->title)) &&
              mz_json_add(j, "source", str_or_null(a->source)) &&
              mz_json_add(j, "url", str_or_null(a->url)) &&
              mz_json_add(j, "published", str_or_null(a->published)) &&
              mz_json_add(j, "origin", str_or_null(a->origin)) &&
              mz_json_add(j, "author", str_or_null(a->author)) &&
              (!with_body || mz_json_add(j, "body", str_or_null(a->body)));
    if (!ok) {
        cJSON_Delete(j);
        return NULL;
    }
    return j;
}

cJSON *mz_json_hits(const mz_hits *h, const mz_places *places,
                    const mz_article_versions *versions)
{
    cJSON *j = cJSON_CreateObject();
    cJSON *arr = cJSON_AddArrayToObject(j, "hits");
    if (!arr) {
        cJSON_Delete(j);
        return NULL;
    }
    for (size_t i = 0; i < h->n; i++) {
        const mz_hit *x = &h->v[i];
        cJSON *o = cJSON_CreateObject();
        if (!o) {
            cJSON_Delete(j);
            return NULL;
        }
        cJSON_AddItemToArray(arr, o);
        bool ok = mz_json_add(o, "id", cJSON_CreateNumber((double)x->id)) &&
                  mz_json_add(o, "score", cJSON_CreateNumber(x->score)) &&
                  mz_json_add(o, "title", str_or_null(x->title)) &&
                  mz_json_add(o, "source", str_or_null(x->source)) &&
                  mz_json_add(o, "url", str_or_null(x->url)) &&
                  mz_json_add(o, "snippet", str_or_null(x->snippet));
        cJSON *marks = ok ? cJSON_AddArrayToObject(o, "marks") : NULL;
        for (size_t m = 0; marks && m < x->n_marks; m++) {
            cJSON *span = cJSON_CreateArray();
            cJSON_AddItemToArray(marks, span);
            if (span) {
                cJSON_AddItemToArray(span, cJSON_CreateNumber((double)x->marks[m].start));
                cJSON_AddItemToArray(span, cJSON_CreateNumber((double)x->marks[m].end));
            }
            if (!span || cJSON_GetArraySize(span) != 2)
                marks = NULL;
        }
        if (cJSON_GetArraySize(o) != 7 || !marks ||
            (places && !mz_json_add_places(o, &places[i])) ||
            (versions && !mz_json_add_versions(o, &versions[i]))) {
            cJSON_Delete(j);
            return NULL;
        }
    }
    return j;
}

bool mz_json_add_versions(cJSON *j, const mz_article_versions *v)
{
    cJSON *ids = cJSON_CreateArray();
    bool ok = mz_json_add(j, "superseded_by", v->superseded_by
                                                  ? cJSON_CreateNumber((double)v->superseded_by)
                                                  : cJSON_CreateNull());
    for (size_t i = 0; ok && ids && i < v->n_corrects; i++)
        ok = mz_json_push(ids, cJSON_CreateNumber((double)v->corrects[i]));
    if (!ok) {
        cJSON_Delete(ids);
        return false;
    }
    return mz_json_add(j, "corrects", ids);
}

/* The site a place is of, as `list` and `search` name each site once
 * (mz_same_site over its source, else its URL): the registrable domain,
 * with the account on a shared platform, lowercased; null when it has
 * neither. The page groups places by it, so it does not carry a second
 * copy of site.c's rules. */
static cJSON *place_site(const mz_place *p)
{
    const char *src = p->source && *p->source ? p->source : p->url;
    if (!src || !*src)
        return cJSON_CreateNull();
    size_t n;
    const char *site = mz_site_of(src, &n);
    char *key = malloc(n + 1);
    if (!key)
        return NULL;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)tolower((unsigned char)site[i]);
    key[n] = '\0';
    cJSON *j = cJSON_CreateString(key);
    free(key);
    return j;
}

/* {"url","source","published","site","exact_copy":true}; NULL when out of
 * memory. */
static cJSON *place_json(const mz_place *p)
{
    cJSON *o = cJSON_CreateObject();
    const char *v[] = {p->url, p->source, p->published};
    const char *k[] = {"url", "source", "published"};
    bool ok = o != NULL;
    for (int f = 0; ok && f < 3; f++)
        ok = mz_json_add(o, k[f], v[f] ? cJSON_CreateString(v[f]) : cJSON_CreateNull());
    if (!(ok && mz_json_add(o, "site", place_site(p)) && cJSON_AddBoolToObject(o, "exact_copy", 1))) {
        cJSON_Delete(o);
        return NULL;
    }
    return o;
}

bool mz_json_add_places(cJSON *j, const mz_places *p)
{
    cJSON *a = cJSON_CreateArray();
    bool ok = a != NULL;
    for (size_t i = 0; ok && i < p->n; i++)
        ok = mz_json_push(a, place_json(&p->v[i]));
    if (!ok) {
        cJSON_Delete(a);
        return false;
    }
    return mz_json_add(j, "places", a);
}

cJSON *mz_json_article_list(const mz_article_list *l, size_t offset,
                            const mz_article_versions *versions, const mz_places *places,
                            const char *site)
{
    cJSON *j = cJSON_CreateObject();
    cJSON *arr = j ? cJSON_CreateArray() : NULL;
    bool ok = arr && cJSON_AddNumberToObject(j, "total", (double)l->total) &&
              cJSON_AddNumberToObject(j, "offset", (double)offset);
    if (ok)
        ok = cJSON_AddItemToObject(j, "articles", arr);
    else
        cJSON_Delete(arr);
    for (size_t i = 0; ok && i < l->n; i++) {
        cJSON *a = mz_json_article(&l->v[i], 0);
        if (a && ((versions && !mz_json_add_versions(a, &versions[i])) ||
                  (places && !mz_json_add_places(a, &places[i])))) {
            cJSON_Delete(a);
            a = NULL;
        }
        /* listed for SITE as an exact copy it carried: "copy_at", that place */
        const mz_place *at = places ? mz_place_at(&l->v[i], &places[i], site) : NULL;
        if (a && at && !mz_json_add(a, "copy_at", place_json(at))) {
            cJSON_Delete(a);
            a = NULL;
        }
        ok = mz_json_push(arr, a);
    }
    if (!ok) {
        cJSON_Delete(j);
        return NULL;
    }
    return j;
}
