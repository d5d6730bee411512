/* fuzz_request_body.c — the HTTP API's request-body parsing and field
 * validation (src/server/body.c) on arbitrary bytes, as POST /api/check uses
 * them (api_check.c): the body parsed, then a required "claim" string of at
 * most MZ_CLAIM_MAX_CHARS characters and an optional "k" in
 * 1..SRV_CHECK_K_MAX. The same bytes, cut at the first NUL, also go through
 * srv_check_text and srv_parse_int as a query-string value would.
 * Invariants: no crash or leak; every request ends either in a 400 whose body
 * is a JSON object {"error": non-empty string, "code": "bad_request",
 * "field"?: the field at fault} or in a claim that is valid UTF-8, not blank,
 * at most MZ_CLAIM_MAX_CHARS code points, and a k in range (20 when absent)
 * equal to the number sent; a failed validator leaves its output alone; a
 * claim that mz_check's own validation (mz_claim_prepare) refuses maps to a
 * 400 naming "claim" too (srv_fail). srv_body_known, with /api/check's and
 * /api/stance's keys: true exactly when every key of an object is one of
 * them, with no reply; else a 400 naming the key (a key that can be a field)
 * or none. */
#include "check/check.h"
#include "server/http.h"
#include "text/text.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static size_t chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* A field name that stands for any field or none: a body refused whole
 * names none, or the key it gives twice («"k": 5, "k": 500»). */
static const char ANY_FIELD[] = "*";

/* rs holds a 400 with a JSON error body naming field (NULL: none; ANY_FIELD:
 * any string or none) and the code given (NULL: any). */
static void check_error(srv_response *rs, const char *field, const char *code)
{
    if (rs->status != 400 || !rs->body || !rs->content_type || rs->len != strlen(rs->body) ||
        strncmp(rs->content_type, "application/json", 16))
        abort();
    cJSON *j = cJSON_ParseWithLength(rs->body, rs->len);
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(j, "error");
    const cJSON *c = cJSON_GetObjectItemCaseSensitive(j, "code");
    const cJSON *f = cJSON_GetObjectItemCaseSensitive(j, "field");
    if (!cJSON_IsObject(j) || !cJSON_IsString(e) || !*e->valuestring || !cJSON_IsString(c) ||
        !*c->valuestring || (code && strcmp(c->valuestring, code)) ||
        (field == ANY_FIELD ? f && !cJSON_IsString(f) /* "" too: a key "" given twice */
         : field           ? !cJSON_IsString(f) || strcmp(f->valuestring, field)
                           : f != NULL))
        abort();
    cJSON_Delete(j);
    free(rs->body);
    *rs = (srv_response){.status = 500, .fd = -1};
}

/* srv_body_known on in with names: the answer and the reply as above. */
static void known_keys(const cJSON *in, const char *const *names)
{
    srv_response rs = {.status = 500, .fd = -1};
    const char *other = NULL; /* the first key not one of names */
    for (const cJSON *f = cJSON_IsObject(in) ? in->child : NULL; f && !other; f = f->next) {
        const char *key = f->string ? f->string : "";
        bool one = false;
        for (const char *const *n = names; *n && !one; n++)
            one = !strcmp(key, *n);
        other = one ? NULL : key;
    }
    if (srv_body_known(in, names, &rs) != !other)
        abort();
    if (!other) {
        if (rs.body)
            abort();
        return;
    }
    /* the key names the field when it can be one: not empty, under 64 bytes */
    size_t kl = strlen(other);
    check_error(&rs, kl && kl < 64 ? other : NULL, "bad_request");
}

static void body_request(const char *body, size_t len)
{
    srv_request rq = {.method = "POST", .path = "/api/check", .body = body, .body_len = len};
    srv_response rs = {.status = 500, .fd = -1};
    cJSON *in = srv_parse_body(&rq, &rs);
    if (!in) {
        check_error(&rs, ANY_FIELD, "bad_request");
        return;
    }
    if (rs.body)
        abort();
    known_keys(in, (const char *const[]){"claim", "k", NULL});
    known_keys(in, (const char *const[]){"claim", "article", "id", "title", NULL});
    const char *claim = NULL;
    long long k = 20;
    /* api_check answers a non-object with its own 400; the getters must
     * still cope with one (an array, a string...). */
    if (!srv_get_string(in, "claim", "claim", true, MZ_CLAIM_MAX_CHARS, &claim, &rs)) {
        if (claim)
            abort();
        check_error(&rs, "claim", "bad_request");
    } else if (!srv_get_int(in, "k", "k", 1, SRV_CHECK_K_MAX, &k, &rs)) {
        if (k != 20)
            abort();
        check_error(&rs, "k", "bad_request");
    } else {
        size_t n = claim ? strlen(claim) : 0, blank = 0;
        while (blank < n && isspace((unsigned char)claim[blank]))
            blank++;
        if (!claim || rs.body || blank == n || mz_utf8_check(claim, n, NULL) != MZ_OK ||
            chars(claim) > MZ_CLAIM_MAX_CHARS || k < 1 || k > SRV_CHECK_K_MAX)
            abort();
        const cJSON *kj = cJSON_GetObjectItemCaseSensitive(in, "k");
        if (kj && !cJSON_IsNull(kj) && (!cJSON_IsNumber(kj) || kj->valuedouble != (double)k))
            abort();
        if ((!kj || cJSON_IsNull(kj)) && k != 20)
            abort();
        /* mz_check validates the claim first; its errors are 400s too. */
        char *t = NULL;
        mz_error err = {0};
        if (mz_claim_prepare(claim, &t, &err) == MZ_OK) {
            if (!*t || mz_utf8_check(t, strlen(t), NULL) != MZ_OK)
                abort();
            free(t);
        } else {
            srv_fail(&rs, &err, "claim");
            check_error(&rs, "claim", NULL);
        }
    }
    cJSON_Delete(in);
}

static void query_value(const char *s)
{
    srv_response rs = {.status = 500, .fd = -1};
    if (srv_check_text(s, "q", MZ_CLAIM_MAX_CHARS, &rs)) {
        if (rs.body || mz_utf8_check(s, strlen(s), NULL) != MZ_OK || chars(s) > MZ_CLAIM_MAX_CHARS)
            abort();
    } else {
        check_error(&rs, "q", "bad_request");
    }
    long long v = -7;
    if (srv_parse_int(s, 1, SRV_SEARCH_K_MAX, &v)) {
        if (v < 1 || v > SRV_SEARCH_K_MAX)
            abort();
    } else if (v != -7) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    /* The server hands handlers a NUL-terminated body (http.h). */
    char *body = malloc(size + 1);
    if (!body)
        return 0;
    memcpy(body, data, size);
    body[size] = '\0';
    body_request(body, size);
    query_value(body);
    free(body);
    return 0;
}
