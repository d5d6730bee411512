/* body.c — request body parsing and field validation (every failure is a 400
 * that names the field, so API clients can point at the culprit). */
#include "server/http.h"
#include "store/db.h"
#include "util/util.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Code points in valid UTF-8: every byte that is not a continuation byte. */
static size_t utf8_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A key given twice in one object, or NULL (and *oom on a failed
 * allocation). Sorting the names keeps an object of 100,000 keys linear-ish. */
static const char *repeated_key(const cJSON *obj, bool *oom)
{
    size_t n = 0;
    for (const cJSON *c = obj->child; c; c = c->next)
        n++;
    if (n < 2)
        return NULL;
    const char **names = malloc(n * sizeof *names);
    if (!names) {
        *oom = true;
        return NULL;
    }
    size_t i = 0;
    for (const cJSON *c = obj->child; c; c = c->next)
        names[i++] = c->string ? c->string : "";
    qsort(names, n, sizeof *names, cmp_names);
    const char *dup = NULL;
    for (i = 1; i < n && !dup; i++)
        if (strcmp(names[i - 1], names[i]) == 0)
            dup = names[i];
    free(names);
    return dup;
}

/* Refuses a key given twice anywhere in the body (400 naming it: "k",
 * "[2].text", "source.name"). cJSON keeps both and a lookup finds the first,
 * where JavaScript's JSON.parse and most parsers keep the last: a proxy or
 * client-side check that read {"k": 5, "k": 500} would have passed another
 * request than the one run. */
static bool unique_keys(const cJSON *j, const char *path, srv_response *rs)
{
    bool oom = false;
    if (cJSON_IsObject(j)) {
        const char *dup = repeated_key(j, &oom);
        if (oom) {
            srv_error(rs, 503, NULL, "out of memory");
            return false;
        }
        if (dup) {
            char label[128];
            snprintf(label, sizeof label, "%s%s%s", path, *path ? "." : "", dup);
            srv_error(rs, 400, label, "key '%s' is given twice", label);
            return false;
        }
    }
    if (!cJSON_IsObject(j) && !cJSON_IsArray(j))
        return true;
    size_t i = 0;
    for (const cJSON *c = j->child; c; c = c->next, i++) {
        char sub[128];
        if (cJSON_IsArray(j))
            snprintf(sub, sizeof sub, "%s[%zu]", path, i);
        else
            snprintf(sub, sizeof sub, "%s%s%s", path, *path ? "." : "", c->string ? c->string : "");
        if ((cJSON_IsObject(c) || cJSON_IsArray(c)) && !unique_keys(c, sub, rs))
            return false;
    }
    return true;
}

cJSON *srv_parse_body(const srv_request *rq, srv_response *rs)
{
    if (rq->body_len == 0) {
        srv_error(rs, 400, NULL, "request body is empty: send a JSON object");
        return NULL;
    }
    if (memchr(rq->body, '\0', rq->body_len)) {
        srv_error(rs, 400, NULL, "request body contains NUL bytes (binary data)");
        return NULL;
    }
    size_t bad = 0;
    if (mz_utf8_check(rq->body, rq->body_len, &bad) != MZ_OK) {
        srv_error(rs, 400, NULL, "request body is not valid UTF-8 (byte %zu)", bad);
        return NULL;
    }
    size_t nul = mz_json_escaped_nul(rq->body, rq->body_len);
    if (nul < rq->body_len) {
        srv_error(rs, 400, NULL, "request body contains a NUL character (\\u0000) at byte %zu", nul);
        return NULL;
    }
    const char *end = NULL;
    cJSON *j = cJSON_ParseWithLengthOpts(rq->body, rq->body_len, &end, 0);
    if (!j) {
        /* cJSON sets end to the failure point too (its global error pointer
         * is shared by all threads, so it is not used here). */
        size_t off = end && end >= rq->body && end <= rq->body + rq->body_len
                         ? (size_t)(end - rq->body) : 0;
        srv_error(rs, 400, NULL, "malformed JSON near byte %zu", off);
        return NULL;
    }
    while (end && end < rq->body + rq->body_len && isspace((unsigned char)*end))
        end++;
    if (end && end < rq->body + rq->body_len) {
        cJSON_Delete(j);
        srv_error(rs, 400, NULL, "malformed JSON: trailing data at byte %zu",
                  (size_t)(end - rq->body));
        return NULL;
    }
    if (!unique_keys(j, "", rs)) {
        cJSON_Delete(j);
        return NULL;
    }
    return j;
}

bool srv_get_string(const cJSON *obj, const char *name, const char *label, bool required,
                    size_t max_chars, const char **out, srv_response *rs)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!f || cJSON_IsNull(f)) {
        if (required) {
            srv_error(rs, 400, label, "missing field '%s'", label);
            return false;
        }
        return true;
    }
    if (!cJSON_IsString(f) || !f->valuestring) {
        srv_error(rs, 400, label, "field '%s' must be a string", label);
        return false;
    }
    if (required && mz_text_blank(f->valuestring, strlen(f->valuestring))) {
        srv_error(rs, 400, label, "field '%s' must not be empty", label);
        return false;
    }
    if (max_chars && utf8_chars(f->valuestring) > max_chars) {
        srv_error(rs, 400, label, "field '%s' is too long (at most %zu characters)", label,
                  max_chars);
        return false;
    }
    *out = f->valuestring;
    return true;
}

bool srv_body_known(const cJSON *obj, const char *const *names, srv_response *rs)
{
    if (!cJSON_IsObject(obj))
        return true; /* the route refuses a body that is no object itself */
    for (const cJSON *f = obj->child; f; f = f->next) {
        const char *key = f->string ? f->string : "";
        const char *const *n = names;
        while (*n && strcmp(key, *n))
            n++;
        if (*n)
            continue;
        char list[128] = "";
        size_t o = 0;
        for (n = names; *n && o < sizeof list; n++)
            o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", o ? ", " : "", *n);
        /* the key as field only when it can be one (not empty, not too long);
         * the parser has checked the body is UTF-8 */
        size_t len = strlen(key);
        srv_error(rs, 400, len && len < 64 ? key : NULL,
                  "unknown field '%.64s' (this route reads %s)", key, list);
        return false;
    }
    return true;
}

bool srv_get_int(const cJSON *obj, const char *name, const char *label, long long lo,
                 long long hi, long long *out, srv_response *rs)
{
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(obj, name);
    if (!f || cJSON_IsNull(f))
        return true;
    double v = cJSON_IsNumber(f) ? f->valuedouble : NAN;
    if (!cJSON_IsNumber(f) || !isfinite(v) || v != floor(v)) {
        srv_error(rs, 400, label, "field '%s' must be an integer", label);
        return false;
    }
    /* hi + 1.0, not hi: (double)INT64_MAX rounds up to 2^63, which the
     * cast below could not hold (an "id" of 9223372036854775807 became
     * INT64_MIN); v is whole, so v < hi + 1 is v <= hi for small bounds */
    if (v < (double)lo || v >= (double)hi + 1.0) {
        srv_error(rs, 400, label, "field '%s' must be between %lld and %lld", label, lo, hi);
        return false;
    }
    *out = (long long)v;
    return true;
}

bool srv_check_text(const char *s, const char *label, size_t max_chars, srv_response *rs)
{
    size_t bad = 0;
    if (mz_utf8_check(s, strlen(s), &bad) != MZ_OK) {
        srv_error(rs, 400, label, "parameter '%s' is not valid UTF-8 (byte %zu)", label, bad);
        return false;
    }
    if (mz_text_blank(s, strlen(s))) { /* NBSP, RLM, BOM alone are as empty as "  " */
        srv_error(rs, 400, label, "parameter '%s' must not be empty", label);
        return false;
    }
    if (max_chars && utf8_chars(s) > max_chars) {
        srv_error(rs, 400, label, "parameter '%s' is too long (at most %zu characters)", label,
                  max_chars);
        return false;
    }
    return true;
}

bool srv_parse_int(const char *s, long long lo, long long hi, long long *out)
{
    /* digits alone, as the CLI's numbers: no range here is negative, and a
     * '-' let "-0" pass for 0 where "+0" was refused */
    if (!s || !isdigit((unsigned char)s[0]))
        return false;
    errno = 0;
    char *end = NULL;
    long long v = strtoll(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

typedef struct arg_count {
    const char *key;
    size_t n;
} arg_count;

static enum MHD_Result count_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *value)
{
    (void)kind, (void)value;
    arg_count *c = cls;
    /* caseless, as libmicrohttpd's lookup matches names (?K=5 is k) */
    c->n += key && strcasecmp(key, c->key) == 0;
    return MHD_YES;
}

const char *srv_query_arg(const srv_request *rq, const char *key, srv_response *rs, bool *bad)
{
    /* k=5&k=7: the lookup gives the first, where many frameworks (and
     * URLSearchParams.set) keep the last; refused rather than guessed */
    arg_count c = {key, 0};
    MHD_get_connection_values(rq->conn, MHD_GET_ARGUMENT_KIND, count_arg, &c);
    if (c.n > 1) {
        srv_error(rs, 400, key, "parameter '%s' is given %zu times", key, c.n);
        *bad = true;
        return NULL;
    }
    const char *v = NULL;
    size_t n = 0;
    if (MHD_lookup_connection_value_n(rq->conn, MHD_GET_ARGUMENT_KIND, key, strlen(key), &v, &n) !=
        MHD_YES)
        return NULL;
    if (!v) /* "?k" with no "=": given, with no value, as "?k=" */
        return "";
    if (strlen(v) != n) {
        srv_error(rs, 400, key, "parameter '%s' holds a NUL byte (%%00)", key);
        *bad = true;
        return NULL;
    }
    return v;
}

bool srv_query_int(const srv_request *rq, const char *key, long long lo, long long hi,
                   long long *out, srv_response *rs)
{
    bool bad = false;
    const char *v = srv_query_arg(rq, key, rs, &bad);
    if (bad)
        return false;
    if (v && !*v) {
        /* "k=" used to mean the default: a value left out by mistake (a
         * form field sent blank) is a client error, as "k=abc" is */
        srv_error(rs, 400, key,
                  "parameter '%s' has no value: give an integer between %lld and %lld, or "
                  "leave the parameter out", key, lo, hi);
        return false;
    }
    if (v && !srv_parse_int(v, lo, hi, out)) {
        srv_error(rs, 400, key, "parameter '%s' must be an integer between %lld and %lld", key,
                  lo, hi);
        return false;
    }
    return true;
}

typedef struct known_args {
    const char *const *names;
    const char *other; /* the first name not among them */
} known_args;

static enum MHD_Result find_unknown(void *cls, enum MHD_ValueKind kind, const char *key,
                                    const char *value)
{
    (void)kind, (void)value;
    known_args *k = cls;
    for (const char *const *n = k->names; *n; n++)
        if (key && strcasecmp(key, *n) == 0)
            return MHD_YES;
    k->other = key ? key : "";
    return MHD_NO; /* stop at the first */
}

bool srv_query_known(const srv_request *rq, const char *const *names, srv_response *rs)
{
    known_args k = {names, NULL};
    MHD_get_connection_values(rq->conn, MHD_GET_ARGUMENT_KIND, find_unknown, &k);
    if (!k.other)
        return true;
    char list[128] = "";
    size_t o = 0;
    for (const char *const *n = names; *n && o < sizeof list; n++)
        o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", o ? ", " : "", *n);
    /* the name as field only when it can be one (UTF-8, not too long) */
    size_t bad = 0, len = strlen(k.other);
    bool nameable = len && len < 64 && mz_utf8_check(k.other, len, &bad) == MZ_OK;
    srv_error(rs, 400, nameable ? k.other : NULL, "unknown query parameter '%.64s' (%s%s)",
              k.other, names[0] ? "this route reads " : "this route reads none",
              names[0] ? list : "");
    return false;
}
