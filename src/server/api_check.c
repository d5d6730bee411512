/* api_check.c — POST /api/check {"claim", "k"?}: the claim-check report,
 * byte for byte what `mizan check --json` prints (mz_check_result_json). */
#include "server/http.h"

void api_check(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    cJSON *in = srv_parse_body(rq, rs);
    if (!in)
        return;
    const char *claim = NULL;
    long long k = 20;
    if (!cJSON_IsObject(in)) {
        srv_error(rs, 400, NULL, "request body must be a JSON object {\"claim\": ..., \"k\": ...}");
    } else if (srv_body_known(in, (const char *const[]){"claim", "k", NULL}, rs) &&
               srv_get_string(in, "claim", "claim", true, MZ_CLAIM_MAX_CHARS, &claim, rs) &&
               srv_get_int(in, "k", "k", 1, SRV_CHECK_K_MAX, &k, rs)) {
        mz_check_options opt = {.k = (size_t)k};
        mz_check_result *r = NULL;
        mz_error err = {0};
        mz_db *db = srv_dbpool_acquire(ctx->pool);
        mz_status s = mz_check(db, ctx->model, claim, &opt, &r, &err);
        srv_dbpool_release(ctx->pool, db);
        if (s == MZ_OK)
            srv_json_text(rs, 200, mz_check_result_json(r, 0));
        else
            srv_fail(rs, &err, "claim");
        mz_check_result_free(r);
    }
    cJSON_Delete(in);
}
