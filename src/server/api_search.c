/* api_search.c — GET /api/search?q=&k=&offset=: ranked full-text search,
 * from the offset-th hit on. Matches in snippets are wrapped in [ ] (as
 * `mizan search --json` does); the snippet is plain text, never HTML. */
#include "server/http.h"

#include "json/json.h"
#include "store/store.h"
#include "util/util.h"

#include <stdlib.h>

void api_search(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    bool bad = false;
    const char *q = srv_query_arg(rq, "q", rs, &bad);
    if (bad)
        return;
    if (!q || !*q) {
        srv_error(rs, 400, "q", "missing query parameter 'q'");
        return;
    }
    long long k = 10, offset = 0;
    if (!srv_check_text(q, "q", MZ_CLAIM_MAX_CHARS, rs) ||
        !srv_query_int(rq, "k", 1, SRV_SEARCH_K_MAX, &k, rs) ||
        !srv_query_int(rq, "offset", 0, MZ_SEARCH_MAX_OFFSET, &offset, rs))
        return;
    mz_hits hits = {0};
    mz_error err = {0};
    mz_db *db = srv_dbpool_acquire(ctx->pool);
    mz_places *pl = NULL;
    mz_status s = mz_search_page(db, q, (size_t)offset, (size_t)k, NULL, NULL, &hits, &err);
    if (s == MZ_OK && hits.n && !(pl = calloc(hits.n, sizeof *pl)))
        s = mz_fail(&err, MZ_ERR_NOMEM, "out of memory");
    if (s == MZ_OK && hits.n) /* the page's places, one query (as mizan search --json) */
        s = mz_hits_places(db, &hits, pl, &err);
    srv_dbpool_release(ctx->pool, db);
    /* A query of stopwords only is MZ_OK with no hits: nothing to search
     * for, not an error. A blank one was refused above. */
    if (s == MZ_OK)
        srv_json(rs, 200, mz_json_hits(&hits, pl));
    else
        srv_fail(rs, &err, "q");
    mz_places_free(pl, hits.n);
    mz_hits_clear(&hits);
}
