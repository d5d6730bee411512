/* api_health.c — GET /api/health: liveness plus the article count. Uses the
 * store's cheap count (an index scan), not mz_db_stats, which sums every body. */
#include "server/http.h"

#include "json/json.h"
#include "store/store.h"

#include <cjson/cJSON.h>

void api_health(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    (void)rq;
    int64_t articles = 0, places = 0;
    mz_error err = {0};
    mz_db *db = srv_dbpool_acquire(ctx->pool);
    mz_status s = mz_store_count(db, &articles, &err);
    if (s == MZ_OK) /* the other places exact copies were ingested from: a count */
        s = mz_places_count(db, &places, &err);
    srv_dbpool_release(ctx->pool, db);
    if (s != MZ_OK) {
        srv_fail(rs, &err, NULL);
        return;
    }
    /* every key or none (srv_json then answers 503 out_of_memory): an add
     * that fails leaves its key out of a 200 that reads as whole */
    cJSON *j = cJSON_CreateObject();
    bool ok = j && cJSON_AddStringToObject(j, "status", "ok") &&
              cJSON_AddNumberToObject(j, "articles", (double)articles) &&
              cJSON_AddNumberToObject(j, "places", (double)places) &&
              cJSON_AddStringToObject(j, "version", MZ_VERSION) &&
              cJSON_AddBoolToObject(j, "read_only", ctx->read_only) &&
              cJSON_AddNumberToObject(j, "threads", ctx->threads);
    srv_json(rs, 200, mz_json_whole(j, ok));
}
