/* api_search.c — GET /api/search?q=&k=&offset=: ranked full-text search,
 * from the offset-th hit on. Matches in snippets are wrapped in [ ] (as
 * `mizan search --json` does); the snippet is plain text, never HTML. */
#include "server/http.h"

#include "json/json.h"
#include "store/store.h"

#include <string.h>

void api_search(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    bool bad = false;
    const char *q = srv_query_arg(rq, "q", rs, &bad);
    const char *ks = bad ? NULL : srv_query_arg(rq, "k", rs, &bad);
    const char *offs = bad ? NULL : srv_query_arg(rq, "offset", rs, &bad);
    if (bad)
        return;
    long long k = 10, offset = 0;
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
    if (offs && *offs && !srv_parse_int(offs, 0, MZ_SEARCH_MAX_OFFSET, &offset)) {
        srv_error(rs, 400, "offset", "parameter 'offset' must be an integer between 0 and %d",
                  MZ_SEARCH_MAX_OFFSET);
        return;
    }
    mz_hits hits = {0};
    mz_error err = {0};
    mz_db *db = srv_dbpool_acquire(ctx->pool);
    mz_status s = mz_search_page(db, q, (size_t)offset, (size_t)k, NULL, NULL, &hits, &err);
    srv_dbpool_release(ctx->pool, db);
    /* A query of stopwords only is MZ_OK with no hits: nothing to search
     * for, not an error. A blank one was refused above. */
    if (s == MZ_OK)
        srv_json(rs, 200, mz_json_hits(&hits));
    else
        srv_fail(rs, &err, "q");
    mz_hits_clear(&hits);
}
