/* api_search.c — GET /api/search?q=&k=: ranked full-text search. Matches in
 * snippets are wrapped in [ ] (as `mizan search --json` does); the snippet is
 * plain text, never HTML. */
#include "server/http.h"

#include "json/json.h"

#include <microhttpd.h>

#include <string.h>

/* A query parameter, or NULL when absent. A value that decodes to a NUL
 * byte (%00) is refused (400) instead of being cut short there, as the body
 * parser refuses \u0000: *bad is set and the reply written. */
static const char *arg(const srv_request *rq, const char *key, srv_response *rs, bool *bad)
{
    const char *v = NULL;
    size_t n = 0;
    if (MHD_lookup_connection_value_n(rq->conn, MHD_GET_ARGUMENT_KIND, key, strlen(key), &v, &n) !=
            MHD_YES ||
        !v)
        return NULL;
    if (strlen(v) != n) {
        srv_error(rs, 400, key, "parameter '%s' holds a NUL byte (%%00)", key);
        *bad = true;
        return NULL;
    }
    return v;
}

void api_search(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    bool bad = false;
    const char *q = arg(rq, "q", rs, &bad);
    const char *ks = bad ? NULL : arg(rq, "k", rs, &bad);
    if (bad)
        return;
    long long k = 10;
    if (!q || !*q) {
        srv_error(rs, 400, "q", "missing query parameter 'q'");
        return;
    }
    if (!srv_check_text(q, "q", MZ_CLAIM_MAX_CHARS, rs))
        return;
    if (ks && *ks && !srv_parse_int(ks, 1, SRV_SEARCH_K_MAX, &k)) {
        srv_error(rs, 400, "k", "parameter 'k' must be an integer between 1 and %d",
                  SRV_SEARCH_K_MAX);
        return;
    }
    mz_hits hits = {0};
    mz_error err = {0};
    mz_db *db = srv_dbpool_acquire(ctx->pool);
    mz_status s = mz_search(db, q, (size_t)k, NULL, NULL, &hits, &err);
    srv_dbpool_release(ctx->pool, db);
    /* A query of stopwords only is MZ_OK with no hits: nothing to search
     * for, not an error. A blank one was refused above. */
    if (s == MZ_OK)
        srv_json(rs, 200, mz_json_hits(&hits));
    else
        srv_fail(rs, &err, "q");
    mz_hits_clear(&hits);
}
