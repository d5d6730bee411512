/* api_stance.c — POST /api/stance {"claim", "article", "title"?}: the stance
 * of one pasted article toward a claim, with evidence offsets into "article". */
#include "server/http.h"

#include "json/json.h"
#include "stance/stance.h"

#include <string.h>

void api_stance(const srv_ctx *ctx, const srv_request *rq, srv_response *rs)
{
    cJSON *in = srv_parse_body(rq, rs);
    if (!in)
        return;
    const char *claim = NULL, *article = NULL, *title = NULL;
    if (!cJSON_IsObject(in)) {
        srv_error(rs, 400, NULL,
                  "request body must be a JSON object {\"claim\": ..., \"article\": ...}");
    } else if (srv_get_string(in, "claim", "claim", true, MZ_CLAIM_MAX_CHARS, &claim, rs) &&
               srv_get_string(in, "article", "article", true, 0, &article, rs) &&
               srv_get_string(in, "title", "title", false, SRV_MAX_FIELD_CHARS, &title, rs)) {
        if (title && !*title)
            title = NULL; /* "" means absent, as in POST /api/articles */
        mz_stance_result r;
        memset(&r, 0, sizeof r);
        mz_error err = {0};
        mz_status s = mz_stance_predict(ctx->model, claim, title, article, strlen(article), &r,
                                        &err);
        if (s == MZ_OK)
            srv_json(rs, 200, mz_json_stance(&r, article, ctx->model->lexicon));
        else
            srv_fail(rs, &err, err.code == MZ_ERR_ARG ? "claim" : "article");
    }
    cJSON_Delete(in);
}
