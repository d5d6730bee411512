/* json_store.c — articles and search hits as JSON (schemas in docs/json-schema.md). */
#include "json/json.h"

static cJSON *str_or_null(const char *s)
{
    return s ? cJSON_CreateString(s) : cJSON_CreateNull();
}

cJSON *mz_json_article(const mz_article *a, int with_body)
{
    cJSON *j = cJSON_CreateObject();
    if (!j)
        return NULL;
    cJSON_AddItemToObject(j, "id", cJSON_CreateNumber((double)a->id));
    cJSON_AddItemToObject(j, "title", str_or_null(a->title));
    cJSON_AddItemToObject(j, "source", str_or_null(a->source));
    cJSON_AddItemToObject(j, "url", str_or_null(a->url));
    cJSON_AddItemToObject(j, "published", str_or_null(a->published));
    cJSON_AddItemToObject(j, "origin", str_or_null(a->origin));
    if (with_body)
        cJSON_AddItemToObject(j, "body", str_or_null(a->body));
    if (cJSON_GetArraySize(j) != (with_body ? 7 : 6)) { /* an item failed to allocate */
        cJSON_Delete(j);
        return NULL;
    }
    return j;
}

cJSON *mz_json_hits(const mz_hits *h)
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
        cJSON_AddItemToObject(o, "id", cJSON_CreateNumber((double)x->id));
        cJSON_AddItemToObject(o, "score", cJSON_CreateNumber(x->score));
        cJSON_AddItemToObject(o, "title", str_or_null(x->title));
        cJSON_AddItemToObject(o, "source", str_or_null(x->source));
        cJSON_AddItemToObject(o, "url", str_or_null(x->url));
        cJSON_AddItemToObject(o, "snippet", str_or_null(x->snippet));
        cJSON *marks = cJSON_AddArrayToObject(o, "marks");
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
        if (cJSON_GetArraySize(o) != 7 || !marks) {
            cJSON_Delete(j);
            return NULL;
        }
    }
    return j;
}

cJSON *mz_json_article_list(const mz_article_list *l, size_t offset)
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
        ok = a && cJSON_AddItemToArray(arr, a);
        if (!ok)
            cJSON_Delete(a);
    }
    if (!ok) {
        cJSON_Delete(j);
        return NULL;
    }
    return j;
}
