/* api_search.c — GET /api/search?q=&k=&offset=: ranked full-text search,
 * from the offset-th hit on. Matches in snippets are wrapped in [ ] (as
 * `mizan search --json` does); the snippet is plain text, never HTML. */
#include "server/http.h"

#include "check/hits_page.h"
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
    mz_error err = {0};
    mz_db *db = srv_dbpool_acquire(ctx->pool);
    mz_hits_page pg; /* the hits, their places and versions, as mizan search --json */
    mz_status s = mz_hits_page_read(db, q, (size_t)offset, (size_t)k, NULL, NULL, &pg, &err);
    srv_dbpool_release(ctx->pool, db);
    /* A query of stopwords only is MZ_OK with no hits: nothing to search
     * for, not an error. A blank one was refused above. */
    if (s == MZ_OK)
        srv_json(rs, 200, mz_json_hits(&pg.hits, pg.places, pg.versions));
    else
        srv_fail(rs, &err, "q");
    mz_hits_page_clear(&pg);
}
